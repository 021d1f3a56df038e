"""Memo text, highlighting, export and session helpers: pure functions, no Streamlit."""

from __future__ import annotations

import json
from datetime import datetime

from assistant.models import Answer, Citation, Filters, Turn
from assistant.ui import session
from assistant.ui.export import to_json, to_markdown
from assistant.ui.highlight import find_spans, highlight_html, passage_box
from assistant.ui.i18n import STRINGS, status_label, t
from assistant.ui.memo import memo_markdown, memo_plain, source_line

TITLE = "Delårsrapport 2025, Kommunstyrelsen"
BOND = "Som första kommun i Sverige har Malmö gett ut en social obligation på 600 miljoner kronor."


def cit(n: int, page: int, quote: str = BOND, **kw) -> Citation:
    return Citation(n=n, page=page, section="Uppföljning › Malmö först", goal="Stärkt delaktighet",
                    goal_area="En mer jämlik stad", quote=quote, source="r.txt", report_title=TITLE, **kw)


def test_source_line_officials_form() -> None:
    assert source_line(cit(1, 28)) == "Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28."
    assert source_line(cit(1, 28), "en") == "Source: City of Malmö, Delårsrapport 2025, Kommunstyrelsen, p. 28."


def test_memo_plain_and_markdown_single() -> None:
    a = Answer(question="q", answer=BOND + " [1]", refused=False, citations=[cit(1, 28)])
    assert memo_plain(a) == BOND + "¹\n\n¹ Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28."
    assert memo_markdown(a) == (BOND + "[^1]\n\n[^1]: Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28.")


def test_memo_renumbers_in_order_of_appearance_one_footnote_per_citation() -> None:
    a = Answer(question="q", answer="A är sant. [3] B också. [1] Och A igen. [3] Båda. [1, 3]", refused=False,
               citations=[cit(1, 5, "B"), cit(3, 28, "A")])
    md = memo_markdown(a)
    assert md.startswith("A är sant.[^1] B också.[^2] Och A igen.[^1] Båda.[^2][^1]")
    assert md.count("[^1]:") == 1 and md.count("[^2]:") == 1
    assert "[^1]: Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28." in md
    assert "[^2]: Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 5." in md
    plain = memo_plain(a)
    assert plain.startswith("A är sant.¹ B också.² Och A igen.¹ Båda.²,¹")
    assert plain.endswith("¹ Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28.\n"
                          "² Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 5.")


def test_memo_same_page_twice_keeps_two_footnotes_and_unreferenced_citations() -> None:
    a = Answer(question="q", answer="Ett. [1] Två. [2]", refused=False,
               citations=[cit(1, 28, "Ett."), cit(2, 28, "Två."), cit(3, 4, "Tre.")])
    md = memo_markdown(a)
    assert md.count("s. 28.") == 2
    assert md.split("\n")[0] == "Ett.[^1] Två.[^2][^3]"  # the unreferenced [3] is attached, not lost
    assert "[^3]: Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 4." in md


def test_memo_english_and_stray_markers() -> None:
    a = Answer(question="q", answer="It was 600 million kronor. [1] [9]", refused=False, citations=[cit(1, 28)],
               lang="en")
    assert memo_plain(a) == "It was 600 million kronor.¹\n\n¹ Source: City of Malmö, Delårsrapport 2025, " \
                            "Kommunstyrelsen, p. 28."


def test_memo_refusal_has_no_footnotes() -> None:
    a = Answer(question="q", answer="Det framgår inte av rapporten.", refused=True)
    assert memo_plain(a) == memo_markdown(a) == "Det framgår inte av rapporten."


def test_highlight_across_line_breaks_and_escapes() -> None:
    page = "Inledning <b>.\nSom första kommun i Sverige har Malmö\ngett ut en social obligation på 600 miljoner\nkronor. Mer."
    out, found = highlight_html(page, BOND)
    assert found
    assert "&lt;b&gt;" in out and "<b>" not in out
    assert out.count("<mark") == 1 and "600 miljoner\nkronor.</mark>" in out


def test_highlight_per_sentence_and_missing_quote() -> None:
    quote = "Första meningen är här. Andra meningen finns också."
    text = "Första meningen är här.\nRubrik\nAndra meningen finns också."
    assert len(find_spans(text, quote)) == 1 or len(find_spans(text, quote)) == 2
    box = passage_box("Helt annan text.", "Citatet <x> saknas i stycket.")
    assert "<mark" in box and "&lt;x&gt;" in box and "Helt annan text." in box


def test_answer_html_links_markers_and_escapes() -> None:
    a = Answer(question="q", answer="1. <script>x</script> *fet* [1]\nrad två [2]", refused=False,
               citations=[cit(1, 28)])
    out = session.answer_html(a, "abc", "sv")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'href="#src-abc-1"' in out and "1&nbsp;·&nbsp;s. 28" in out
    assert "[2]" not in out  # a marker without a citation is dropped
    assert "\n" not in out  # one raw HTML block: Markdown must not touch the report text


def test_session_helpers() -> None:
    outline = {"goal_areas": ["A", "B"], "goals": [{"title": "g1", "goal_area": "A"}, {"title": "g2", "goal_area": "B"}]}
    assert session.goals_in(outline, "B") == ["g2"]
    assert session.goals_in(outline, None) == ["g1", "g2"]
    assert session.make_filters(None, None) is None
    f = session.make_filters(None, "g2", outline)
    assert f == Filters(goal_area="B", goal="g2")
    msgs = [session.new_message(f"q{i}", Answer(question="q", answer=f"a{i}", refused=False), None) for i in range(9)]
    turns = session.history_turns(msgs)
    assert len(turns) == session.MAX_HISTORY_TURNS and turns[-1] == Turn("q8", "a8")
    assert session.goal_question("Mål X") == "Vilken bedömning har målet «Mål X» fått?"
    assert session.md_escape("1. *a* $5") == "1\\. \\*a\\* \\$5"
    c = Citation(n=1, page=13, section="Kommunfullmäktigemål - G › Rubrik", goal="G", goal_area="A", quote="q",
                 source="s")
    assert session.breadcrumb(c) == "A › G › Rubrik"


def test_i18n_complete_and_status() -> None:
    assert set(STRINGS["sv"]) == set(STRINGS["en"])
    assert t("app_title") == "Rapportassistenten" and t("app_title", "en") == "Report assistant"
    assert t("page_short", "xx", page=3) == "s. 3"
    assert status_label("Förväntas uppnås", "en") == "Expected to be achieved"
    assert status_label("Förväntas uppnås", "sv") == "Förväntas uppnås"


def test_export_markdown_and_json() -> None:
    a = Answer(question="Hur stor?", answer=BOND + " [1]", refused=False, citations=[cit(1, 28)], scope="hela rapporten")
    msgs = [session.new_message("Hur stor?", a, None), session.new_message("Igen?", a, None)]
    md = to_markdown(msgs, "sv", TITLE, now=datetime(2025, 10, 1, 9, 30))
    assert "# Konversation med rapportassistenten" in md and "2025-10-01 09:30" in md
    assert "[^1-1]: Källa: Malmö stad" in md and "[^2-1]:" in md  # footnote ids unique per document
    assert "> " + BOND in md
    doc = json.loads(to_json(msgs, TITLE))
    assert doc["report"] == TITLE and len(doc["messages"]) == 2
    assert doc["messages"][0]["citations"][0]["page"] == 28


def test_eval_helpers() -> None:
    results = {"items": [{"id": "a", "ok": True}, {"id": "b", "ok": False},
                         {"id": "c", "passed": {"answer": True, "citation": False}}]}
    assert [i["id"] for i in session.failing_items(results)] == ["b", "c"]
    assert session.format_metric("answer", 0.875) == "88%"
    assert session.format_metric("latency_p50_ms", 12.3) == "12 ms"
    assert session.format_metric("page_mrr", None) == "–"
    data = session.kind_chart_data({"fact": {"answer": 1.0, "citation": None, "page_mrr": 0.5, "n": 3}})
    assert data == {"fact": {"answer": 1.0}}


def test_answer_html_lays_out_a_brief() -> None:
    brief = ("**Malmö först i Sverige med en social obligation** (s. 28)\n- Malmö gav ut 600 miljoner kronor. [1]\n"
             "- <b>Ännu</b> en punkt. [2]\n\n**Annan rubrik** (s. 30)\n- Tredje punkten. [3]")
    a = Answer(question="q", answer=brief, refused=False, citations=[cit(1, 28), cit(2, 28), cit(3, 30)],
               shape="brief")
    out = session.answer_html(a, "b", "sv")
    assert out.count("<li>") == 3 and out.count("<ul") == 2 and "**" not in out
    assert '<div style="font-weight:600;margin-top:.5em">Malmö först i Sverige med en social obligation' in out
    assert "&lt;b&gt;Ännu&lt;/b&gt;" in out and 'href="#src-b-3"' in out
