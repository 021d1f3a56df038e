"""Shared fixtures: the real report parsed once, and ONE real index built once per session in a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "data" / "reports" / "delarsrapport-2025-kommunstyrelsen.txt"
SOURCE = REPORT.name


@pytest.fixture(scope="session")
def parsed():
    """The real report parsed by the pipeline (fast, no index)."""
    from ingest.pipeline import parse_report

    return parse_report(REPORT)


@pytest.fixture(scope="session")
def chunks(parsed):
    from ingest.pipeline import chunk_report

    return chunk_report(parsed)


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def assistant(index_dir: Path):
    """An Assistant over a real index of the real report (ingested once, ~10–40 s). Do not mutate it."""
    from assistant.api import Assistant
    from assistant.config import load_settings

    # a developer's assistant.toml must not switch the tests to an LLM or another data dir
    settings = load_settings(config_file=index_dir / "no-such-config.toml", data_dir=index_dir, mode="extractive")
    a = Assistant(settings)
    result = a.ingest(REPORT)
    assert result.status == "ingested", result
    return a
