"""The library API the CLI, the app and the evals share (assistant/api.py)."""

from __future__ import annotations

import pytest

from assistant.api import validate_question
from assistant.errors import AssistantError, InvalidQuestion
from assistant.models import Answer, Citation
from tests.conftest import SOURCE, FakeEmbedding, make_assistant


# -- questions -------------------------------------------------------------------
@pytest.mark.parametrize("bad", ["", "   ", "\n\t ", None, 42])
def test_empty_question_is_invalid_with_a_clear_message(bad):
    with pytest.raises(InvalidQuestion, match="Frågan är tom"):
        validate_question(bad, 2000)


def test_too_long_question_is_invalid_with_a_clear_message():
    with pytest.raises(InvalidQuestion) as err:
        validate_question("Hur stor var obligationen? " + "x" * 10_000, 2000)
    assert "för lång" in str(err.value) and "2000" in str(err.value)


def test_question_whitespace_is_normalised_and_the_limit_is_inclusive():
    assert validate_question("  Hur stor\n var  den? ", 2000) == "Hur stor var den?"
    assert validate_question("a" * 2000, 2000) == "a" * 2000


@pytest.mark.parametrize("question", ["", "    ", "x" * 10_000])
def test_ask_rejects_invalid_questions(assistant, question):
    with pytest.raises(InvalidQuestion):
        assistant.ask(question)


# -- the real index ------------------------------------------------------------------
def test_reports_lists_the_report(assistant):
    [rec] = assistant.reports()
    assert rec.source == SOURCE
    assert rec.title == "Delårsrapport 2025, Kommunstyrelsen" and rec.year == 2025
    assert rec.chunks == assistant.store.collection(rec.collection).count() > 100
    assert rec.warnings == []


def test_outline(assistant):
    o = assistant.outline()
    assert o == assistant.outline(SOURCE)
    assert len(o["goal_areas"]) == 6 and len(o["goals"]) == 12
    assert all(g["status"] == "Förväntas uppnås" and g["status_page"] for g in o["goals"])
    assert ["Målområde - En mer jämlik stad", 26] in o["headings"]
    assert assistant.outline("okand.txt") == {"goal_areas": [], "goals": [], "headings": []}


def test_page_text(assistant):
    assert "600 miljoner kronor" in assistant.page_text(SOURCE, 28)
    assert assistant.page_text(SOURCE, 4).startswith("Sammanfattning")
    assert assistant.page_text(SOURCE, 3) == ""
    assert assistant.page_text("okand.txt", 28) == ""


def test_ingest_of_an_unchanged_report_is_a_noop(assistant):
    from tests.conftest import REPORT

    before = assistant.reports()[0]
    r = assistant.ingest(REPORT)
    assert r.status == "unchanged" and r.chunks == before.chunks
    assert assistant.reports()[0].collection == before.collection


def test_ask_stream_yields_the_answer_in_pieces(assistant):
    stream = assistant.ask_stream("Hur stor var den sociala obligationen?")
    assert stream.answer is None
    pieces = list(stream)
    assert len(pieces) > 3
    assert isinstance(stream.answer, Answer)
    assert "".join(pieces) == stream.answer.answer
    assert stream.answer.citations[0].page == 28


def test_answer_to_json_contract():
    a = Answer(question="q", answer="svar [1]", refused=False, latency_ms=12.345, id="x1", citations=[
        Citation(n=1, page=28, section="S", goal="", goal_area="A", quote="citat", source="r.txt", passage="lång")])
    d = a.to_json()
    assert d["id"] == "x1" and d["mode"] == "extractive" and d["latency_ms"] == 12.3
    assert d["citations"] == [{"n": 1, "page": 28, "section": "S", "goal": None, "goal_area": "A",
                               "quote": "citat", "source": "r.txt", "report_title": ""}]
    assert "unsupported" not in d and "notice" not in d  # LLM-only fields stay out of extractive answers


# -- small stores: ensure_ready, progress, warnings ----------------------------------------
def test_ensure_ready_ingests_bundled_reports_once(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("Sammanfattning \n\nStaden har byggt tre nya cykelbanor i år. \n"
                                   " Parker \n\nTvå nya parker har öppnat. \n", encoding="utf-8")
    (reports / "notes.docx").write_bytes(b"ignored")
    a = make_assistant(tmp_path / "data", reports_dir=reports)
    first = a.ensure_ready()
    assert [(r.source, r.status) for r in first] == [("a.txt", "ingested")]
    assert a.ensure_ready() == []
    answer = a.ask("Hur många cykelbanor har staden byggt?")
    assert not answer.refused and "tre nya cykelbanor" in answer.answer
    assert answer.citations[0].source == "a.txt" and answer.citations[0].page == 1


def test_ensure_ready_without_reports_says_what_to_do(tmp_path):
    empty = tmp_path / "reports"
    empty.mkdir()
    a = make_assistant(tmp_path / "data", reports_dir=empty)
    with pytest.raises(AssistantError, match="ingen rapport i indexet"):
        a.ensure_ready()


def test_ingest_reports_progress_and_warnings(tmp_path):
    p = tmp_path / "anteckningar.txt"
    p.write_text("det här är bara löpande text utan rubriker, som slutar med en punkt. \n"
                 " och här börjar sidan två, också den utan rubrik, med en punkt. \n", encoding="utf-8")
    calls: list[tuple[str, float]] = []
    a = make_assistant(tmp_path / "data", FakeEmbedding())
    r = a.ingest(p, progress=lambda msg, frac: calls.append((msg, frac)))
    assert r.status == "ingested" and r.chunks >= 1 and r.title == "anteckningar"
    assert any("Ingen rubrikstruktur" in w for w in r.warnings)
    fractions = [f for _, f in calls]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert a.reports()[0].warnings == r.warnings


def test_typographic_apostrophes_read_as_plain_ones():
    assert validate_question("What’s behind the surplus?", 2000) == "What's behind the surplus?"


def test_the_index_knows_the_reports_names_by_their_capitals(assistant):
    index = assistant.index
    # «till Rådhuset», «vid Rådhuset» (and once «till rådhuset»); «Koll Folkhälsa» is a name of two words
    assert index.written_as_a_name("rådhuset") and index.written_as_a_name("tokyo")
    assert not index.written_as_a_name("folkhälsa") and not index.written_as_a_name("budget")
