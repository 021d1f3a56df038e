"""Shared fixtures for the UI tests: one index, built once per test session by the app itself."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
BUILD_TIMEOUT = 300  # first start ingests and embeds the bundled report (~40 s on a laptop)


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private, empty data dir for the whole session (the index, the feedback DB)."""
    path = tmp_path_factory.mktemp("ui-data")
    old = {k: os.environ.get(k) for k in ("ASSISTANT_DATA_DIR", "ASSISTANT_EVAL_DIR", "ASSISTANT_MODE")}
    os.environ["ASSISTANT_DATA_DIR"] = str(path)
    os.environ["ASSISTANT_EVAL_DIR"] = str(path / "eval")
    os.environ["ASSISTANT_MODE"] = "extractive"  # a developer's assistant.toml must not make the tests call an LLM
    yield path
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def first_load(data_dir: Path):
    """The app's very first run on the empty data dir: it builds the index (once per session)."""
    from streamlit.testing.v1 import AppTest

    assert not (data_dir / "chroma").exists()
    at = AppTest.from_file(APP, default_timeout=BUILD_TIMEOUT)
    at.run()
    return at


@pytest.fixture
def app(first_load, data_dir: Path):
    """A fresh session of the app on the built index."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at
