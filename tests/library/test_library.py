"""A library of reports in one store: listing, the report filter, remove, concurrent and changed ingests.

Two full reports (the bundled 2025 one and a "2024" copy with another bond figure) are ingested once for the
module; the concurrency and replacement tests use a few pages of the report so each ingest takes seconds.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.api import Assistant, IngestResult
from assistant.models import Filters
from assistant.store import Store
from tests.library.helpers import (
    BOND_Q,
    REPORT,
    ROOT,
    SOURCE,
    cited_for,
    client_env,
    lib_settings,
    small_text,
    variant_2024,
)

SOURCE_2024 = "delarsrapport-2024-kommunstyrelsen.txt"
TITLES = {SOURCE: "Delårsrapport 2025, Kommunstyrelsen", SOURCE_2024: "Delårsrapport 2024, Kommunstyrelsen"}
BOND = {SOURCE: "600 miljoner kronor", SOURCE_2024: "450 miljoner kronor"}


def collection_ids(a: Assistant, source: str) -> list[str]:
    rec = a.store.records()[source]
    return a.store.client.get_collection(rec.collection).get(include=[])["ids"]


def assert_no_duplicates(a: Assistant) -> None:
    """Every live collection holds exactly the manifest's chunks, each id once; no stray collections."""
    records = a.store.records()
    for source, rec in records.items():
        ids = collection_ids(a, source)
        assert len(ids) == rec.chunks == len(set(ids)), (source, len(ids), rec.chunks)
    names = {c.name for c in a.store.client.list_collections() if not c.name.startswith("manifest-")}
    assert names == {r.collection for r in records.values()}, names


# -- two full reports -------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Assistant, list[IngestResult]]]:
    """The 2025 report ingested by two threads at once (two Assistants on one data dir), then the 2024 copy."""
    base = tmp_path_factory.mktemp("library")
    reports = base / "reports"
    reports.mkdir()
    r2025 = reports / SOURCE
    r2025.write_bytes(REPORT.read_bytes())
    (reports / SOURCE_2024).write_text(variant_2024(), encoding="utf-8")
    first, second = Assistant(lib_settings(base / "data")), Assistant(lib_settings(base / "data"))
    results: list[IngestResult] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def run(a: Assistant) -> None:
        try:
            start.wait()
            results.append(a.ingest(r2025))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(a,)) for a in (first, second)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=600)
    assert not errors, errors
    results.append(first.ingest(reports / SOURCE_2024))
    yield first, results


def test_two_threads_ingest_the_same_file_once(library) -> None:
    a, results = library
    assert sorted(r.status for r in results[:2]) == ["ingested", "unchanged"]
    assert results[0].chunks == results[1].chunks
    assert_no_duplicates(a)


def test_reports_lists_both_with_title_and_year(library) -> None:
    a, _ = library
    listed = {r.source: (r.title, r.year) for r in a.reports()}
    assert listed == {SOURCE: (TITLES[SOURCE], 2025), SOURCE_2024: (TITLES[SOURCE_2024], 2024)}
    assert [r.year for r in a.reports()] == [2024, 2025]  # oldest first


@pytest.mark.parametrize("source", [SOURCE, SOURCE_2024])
def test_report_filter_answers_from_the_chosen_report_only(library, source: str) -> None:
    a, _ = library
    ans = a.ask(BOND_Q, filters=Filters(source=source))
    assert not ans.refused, ans.answer
    assert BOND[source] in ans.answer
    other = next(s for s in BOND if s != source)
    assert BOND[other] not in ans.answer
    assert cited_for(ans, BOND[source].split()[0]).page == 28
    assert ans.citations and all(c.source == source and c.report_title == TITLES[source] for c in ans.citations)
    assert source in ans.scope or ans.scope == Filters(source=source).describe()
    hits = a.retrieve(BOND_Q, Filters(source=source), k=8)
    assert hits and {c.meta["source"] for c, _ in hits} == {source}


@pytest.mark.parametrize("question", [
    "Under vilket målområde ligger målet om att staden ska bli fri från segregation?",
    "Vilka kommunfullmäktigemål ligger under målområdet En god organisation?",
    "Vilken bedömning gör kommunstyrelsen av sitt bidrag till målet om att stärka det förebyggande arbetet och "
    "minska brottsligheten?",
])
def test_structure_answers_cite_the_chosen_report(library, question: str) -> None:
    a, _ = library
    ans = a.ask(question, filters=Filters(source=SOURCE_2024))  # the report ingested second
    assert not ans.refused and ans.citations
    assert {c.source for c in ans.citations} == {SOURCE_2024}, [(c.source, c.page) for c in ans.citations]


def test_unfiltered_search_sees_both_reports(library) -> None:
    a, _ = library
    hits = a.retrieve(BOND_Q, None, k=8)
    assert {c.meta["source"] for c, _ in hits} == {SOURCE, SOURCE_2024}


def test_unfiltered_answer_says_when_another_report_answers_too(library) -> None:
    a, _ = library
    ans = a.ask(BOND_Q)
    assert not ans.refused and ans.notice, ans.answer
    other = next(s for s in TITLES if s != ans.citations[0].source)
    assert TITLES[other] in ans.notice and "Välj en rapport" in ans.notice
    assert a.ask(BOND_Q, filters=Filters(source=SOURCE)).notice is None
    english = a.ask("How large was the social bond that the City of Malmö issued?")
    assert english.notice and "Choose a report" in english.notice


def test_reingest_is_skipped_and_never_duplicates(library) -> None:
    a, _ = library
    for source in (SOURCE, SOURCE_2024):
        path = Path(a.settings.data_dir).parent / "reports" / source
        assert a.ingest(path).status == "unchanged"
    assert_no_duplicates(a)
    assert len(a.index.chunks) == sum(r.chunks for r in a.reports())
    assert len(a.index.by_id) == len(a.index.chunks)  # chunk ids are unique across reports too


def test_remove_one_leaves_the_other_answering(library) -> None:
    """Runs last in the module's two-report tests: it removes the 2024 report."""
    a, _ = library
    gone = a.store.records()[SOURCE_2024].collection
    assert a.remove(SOURCE_2024)
    assert [r.source for r in a.reports()] == [SOURCE]
    assert gone not in {c.name for c in a.store.client.list_collections()}
    ans = a.ask(BOND_Q)
    assert "600 miljoner kronor" in ans.answer and "450 miljoner" not in ans.answer
    assert all(c.source == SOURCE for c in ans.citations)
    assert_no_duplicates(a)
    # a fresh Assistant (another process, the app after a restart) sees the same library
    fresh = Assistant(a.settings)
    assert [r.source for r in fresh.reports()] == [SOURCE]


def test_two_threads_open_the_store_at_once(tmp_path: Path) -> None:
    """Two Assistants on one data dir, first used at the same moment. chromadb's PersistentClient() alone races
    here ('RustBindingsAPI' object has no attribute 'bindings'); make_client serialises it."""
    from assistant.store import make_client

    settings = lib_settings(tmp_path)
    start, errors = threading.Barrier(2), []

    def run() -> None:
        start.wait()
        try:
            make_client(settings)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=60)
    assert not errors, [str(e) for e in errors]


# -- concurrent processes, changed files (small reports) -------------------------------------------------------
def _cli_ingest(data_dir: Path, path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "assistant", "--data-dir", str(data_dir), "ingest", str(path)],
                            cwd=ROOT, env=client_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path, list[tuple[int, str, str]]]:
    """Three `python -m assistant ingest` processes at once: two on the same file, one on another."""
    base = tmp_path_factory.mktemp("procs")
    same, other = base / "liten-2025.txt", base / "annan-2024.txt"
    same.write_text(small_text(), encoding="utf-8")
    other.write_text(small_text().replace("78 miljoner", "91 miljoner"), encoding="utf-8")
    Store(lib_settings(base / "data"), "init")  # create the empty store first: see test_processes_create_the_store_at_once
    procs = [_cli_ingest(base / "data", p) for p in (same, same, other)]
    outputs = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        outputs.append((p.returncode, out, err))
    return base / "data", same, other, outputs


def test_two_processes_ingest_the_same_file_once(small_store) -> None:
    data_dir, same, other, outputs = small_store
    for code, _out, err in outputs:
        assert code == 0, err[-1500:]
        assert "Traceback" not in err
    same_lines = sorted(out for _, out, _ in outputs[:2])
    assert "indexerad" in same_lines[0] and "oförändrad, hoppades över" in same_lines[1], same_lines
    a = Assistant(lib_settings(data_dir))
    assert {r.source for r in a.reports()} == {same.name, other.name}  # the manifest lost neither writer
    assert_no_duplicates(a)


OPEN_STORE = """
import sys, time
from assistant.config import load_settings
from assistant.store import Store
settings = load_settings(config_file=sys.argv[1] + "/absent.toml", data_dir=sys.argv[1])
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))  # all processes open the store at the same moment
Store(settings, "probe")
"""


def test_processes_create_the_store_at_once(tmp_path: Path) -> None:
    import time

    at = time.time() + 8.0  # after every interpreter has imported chromadb; then 4 ms apart (fails ~60 % of runs)
    procs = [subprocess.Popen([sys.executable, "-c", OPEN_STORE, str(tmp_path), str(at + 0.004 * i)], cwd=ROOT,
                              env=client_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(6)]
    failed = [err.strip().splitlines()[-1] for p in procs for _, err in [p.communicate(timeout=120)] if p.returncode]
    assert not failed, failed


def test_changed_file_replaces_the_collection_atomically(small_store) -> None:
    data_dir, same, _, _ = small_store
    a = Assistant(lib_settings(data_dir))
    old = a.store.records()[same.name]
    same.write_text(small_text().replace("78 miljoner", "82 miljoner") + "\n Tillägg \nEtt nytt avsnitt om "
                    "cykelbanor i Malmö, med fler cykelbanor i alla stadsdelar. \n", encoding="utf-8")
    seen: list[tuple[str, int]] = []

    def progress(message: str, fraction: float) -> None:
        # while the new collection is being built, readers still see the old one, complete
        if 0.0 < fraction < 1.0 and message.startswith("Bäddar in"):
            live = Store(a.settings, a.model_id)
            rec = live.records()[same.name]
            seen.append((rec.collection, live.client.get_collection(rec.collection).count()))

    result = a.ingest(same, progress=progress)
    assert result.status == "ingested"
    assert seen and all(s == (old.collection, old.chunks) for s in seen), seen
    new = a.store.records()[same.name]
    assert new.collection != old.collection and new.content_hash != old.content_hash
    assert new.chunks == result.chunks == len(collection_ids(a, same.name))
    assert old.collection not in {c.name for c in a.store.client.list_collections()}
    assert_no_duplicates(a)
    ans = a.ask("Hur mycket har kommunstyrelsen avsatt till kompetenshöjande insatser?",
                filters=Filters(source=same.name))
    assert "82 miljoner" in ans.answer and "78 miljoner" not in ans.answer

