"""The assistant against a real Chroma server (`chroma run`), configured the way an operator would:
CHROMA_HOST / CHROMA_PORT. One ingest of the bundled report for the whole module."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError
from assistant.models import Filters
from tests.library.helpers import (
    BOND_Q,
    COMPETENCE_Q,
    RATE_Q,
    REPORT,
    ROOT,
    SOURCE,
    cited_for,
    client_env,
    free_port,
    lib_settings,
)


@pytest.fixture(scope="module")
def served(chroma_server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Assistant, object]]:
    """An Assistant whose chunks live on the server (settings read with CHROMA_HOST/CHROMA_PORT set), ingested once."""
    data_dir = tmp_path_factory.mktemp("served")
    with pytest.MonkeyPatch.context() as mp:  # only while the settings are read: other modules keep the embedded store
        mp.setenv("CHROMA_HOST", chroma_server.host)
        mp.setenv("CHROMA_PORT", str(chroma_server.port))
        settings = lib_settings(data_dir, chroma_host=chroma_server.host, chroma_port=chroma_server.port)
    assert (settings.chroma_host, settings.chroma_port) == (chroma_server.host, chroma_server.port)
    a = Assistant(settings)
    result = a.ingest(REPORT)
    assert result.status == "ingested" and result.chunks > 100, result
    yield a, result


def test_chunks_live_on_the_server_not_in_the_data_dir(served, chroma_server) -> None:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    a, result = served
    assert type(a.store.client).__name__ != "PersistentClient"
    assert not (a.settings.data_dir / "chroma").exists(), "no embedded store may be created beside the server"
    assert not list(a.settings.data_dir.glob("manifest-*.json")), "the manifest lives on the server"
    other = chromadb.HttpClient(host=chroma_server.host, port=chroma_server.port,
                                settings=ChromaSettings(anonymized_telemetry=False))
    assert a.store.manifest_name in {c.name for c in other.list_collections()}
    rec = a.reports()[0]
    assert other.get_collection(rec.collection).count() == result.chunks == rec.chunks


def test_bond_answered_with_page_28(served) -> None:
    a, _ = served
    ans = a.ask(BOND_Q)
    assert not ans.refused
    assert "600 miljoner kronor" in ans.answer
    cited = cited_for(ans, "600 miljoner")
    assert cited.page == 28 and cited.source == SOURCE


def test_competence_answered_with_page_6_or_11(served) -> None:
    a, _ = served
    ans = a.ask(COMPETENCE_Q, filters=Filters(source=SOURCE))
    assert not ans.refused
    assert "78 miljoner kronor" in ans.answer
    assert cited_for(ans, "78 miljoner").page in (6, 11)


def test_interest_rate_is_refused(served) -> None:
    a, _ = served
    ans = a.ask(RATE_Q)
    assert ans.refused, ans.answer
    assert not ans.citations


def test_unchanged_reingest_is_skipped(served) -> None:
    a, result = served
    again = a.ingest(REPORT)
    assert again.status == "unchanged" and again.chunks == result.chunks
    assert [r.source for r in a.reports()] == [SOURCE]


def test_remove_deletes_the_collection_on_the_server(served) -> None:
    """Runs last in this module: it empties the served store."""
    a, _ = served
    name = a.reports()[0].collection
    assert a.remove(SOURCE)
    assert a.reports() == []
    assert name not in {c.name for c in a.store.client.list_collections()}
    assert not a.remove(SOURCE)


# -- an unreachable server ------------------------------------------------------------------------------------
@pytest.fixture
def closed_port(monkeypatch: pytest.MonkeyPatch) -> int:
    port = free_port()  # bound and released: nothing listens there
    monkeypatch.setenv("CHROMA_HOST", "127.0.0.1")
    monkeypatch.setenv("CHROMA_PORT", str(port))
    return port


def test_unreachable_server_is_a_clear_assistant_error(closed_port: int, tmp_path: Path) -> None:
    a = Assistant(lib_settings(tmp_path))
    assert a.settings.chroma_port == closed_port
    for call in (lambda: a.ingest(REPORT), a.reports, lambda: a.ask(BOND_Q)):
        with pytest.raises(AssistantError) as err:
            call()
        msg = str(err.value)
        assert f"127.0.0.1:{closed_port}" in msg and "Chroma" in msg, msg
        assert "Traceback" not in msg


def _cli(args: list[str], port: int, data_dir: Path) -> subprocess.CompletedProcess:
    env = client_env() | {"CHROMA_HOST": "127.0.0.1", "CHROMA_PORT": str(port), "ASSISTANT_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("args", [["ingest", str(REPORT)], ["ask", "--report", SOURCE, BOND_Q], ["list"],
                                  ["remove", SOURCE]])
def test_cli_unreachable_server_message(args: list[str], tmp_path: Path) -> None:
    port = free_port()
    proc = _cli(args, port, tmp_path)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr[-1500:]
    assert f"Kan inte ansluta till Chroma (127.0.0.1:{port})" in proc.stderr
