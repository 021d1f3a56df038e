"""Fixtures for the llm tests: fake OpenAI-compatible and Ollama servers on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.llm.fakes import FakeExtractive, FakeLLMServer


@pytest.fixture
def openai_server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer("openai") as server:
        yield server


@pytest.fixture
def ollama_server() -> Iterator[FakeLLMServer]:
    with FakeLLMServer("ollama") as server:
        yield server


@pytest.fixture(params=["openai", "ollama"])
def server(request: pytest.FixtureRequest) -> Iterator[FakeLLMServer]:
    """Each protocol in turn."""
    with FakeLLMServer(request.param) as s:
        yield s


@pytest.fixture
def fallback() -> FakeExtractive:
    return FakeExtractive()
