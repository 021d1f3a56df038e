"""Shared fixtures: the real report parsed once, and ONE real index built once per session in a temp dir."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
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


class FakeEmbedding:
    """Deterministic bag-of-words vectors for small synthetic stores: fast, similar texts are near.
    `fail_after_batches` makes ingest fail midway."""

    def __init__(self, fail_after_batches: int | None = None, dim: int = 64) -> None:
        self.fail_after, self.dim, self.batches = fail_after_batches, dim, 0

    def _vec(self, text: str) -> list[float]:
        v = np.full(self.dim, 0.01)
        for w in text.lower().split():
            v[int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
        return (v / np.linalg.norm(v)).tolist()

    def get_text_embedding_batch(self, texts: list[str], **_: object) -> list[list[float]]:
        if self.fail_after is not None and self.batches >= self.fail_after:
            raise RuntimeError("embedding server went away")
        self.batches += 1
        return [self._vec(t) for t in texts]

    def get_query_embedding(self, text: str) -> list[float]:
        return self._vec(text)


def make_assistant(data_dir: Path, embed: FakeEmbedding | None = None, **settings):
    """An Assistant on its own data dir with a fake embedding (for store/API tests on small reports)."""
    from assistant.api import Assistant
    from assistant.config import load_settings

    a = Assistant(load_settings(config_file=data_dir / "absent.toml", data_dir=data_dir, mode="extractive",
                                **settings))
    a.embed_model = embed or FakeEmbedding()
    return a


def manifest_snapshot(a) -> str:
    """The library's manifest as read fresh from Chroma, comparable between two points in time."""
    import json
    from dataclasses import asdict

    records = {k: asdict(v) for k, v in a.store.records(fresh=True).items()}
    return json.dumps({"records": records, "removed": sorted(a.store.removed())}, sort_keys=True)
