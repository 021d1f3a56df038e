"""Word memo, PDF page view, conversation store, the notice's report names: without Streamlit."""

from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.models import Answer, Citation, Filters
from assistant.ui import answering, conversations, docx_memo, feedback, pageview
from assistant.ui.identity import user_id

TITLE = "Delårsrapport 2025, Kommunstyrelsen"


def _cite(n: int, page: int, quote: str) -> Citation:
    return Citation(n=n, page=page, section="Avsnitt", goal=None, goal_area=None, quote=quote,
                    source="delarsrapport-2025-kommunstyrelsen.txt", report_title=TITLE, passage=quote)


def _messages() -> list[dict]:
    a1 = Answer("Hur stor var den sociala obligationen?", "Malmö gav ut 600 miljoner kronor [1]. Lönerna [2].",
                refused=False, citations=[_cite(1, 28, "600 miljoner kronor."), _cite(2, 37, "Lönekostnader.")],
                scope="hela rapporten", confidence=0.93)
    a2 = Answer("Och räntan?", "Det framgår inte av rapporten.", refused=True, scope="hela rapporten")
    a3 = Answer("Vilka mål?", "Tolv mål [1].", refused=False, citations=[_cite(1, 12, "Tolv mål.")], confidence=0.5)
    return [{"id": "m1", "question": a1.question, "answer": a1, "filters": Filters(viewer="u1"), "ts": "t"},
            {"id": "m2", "question": a2.question, "answer": a2, "filters": None, "ts": "t"},
            {"id": "m3", "question": a3.question, "answer": a3, "filters": Filters(goal_area="X"), "ts": "t"}]


# -- Word ------------------------------------------------------------------------------------------
def test_docx_holds_every_cited_page_with_report_title_and_superscript_numbers() -> None:
    from docx import Document

    doc = Document(io.BytesIO(docx_memo.to_docx(_messages(), "sv", TITLE)))
    text = "\n".join(p.text for p in doc.paragraphs)
    for page in (28, 37, 12):
        assert f"Källa: Malmö stad, {TITLE}, s. {page}." in text
    assert "Fråga: Hur stor var den sociala obligationen?" in text and "Det framgår inte av rapporten." in text
    assert "Kontrollera källan" in text  # the weak answer says so in the memo too
    numbered = [p for p in doc.paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 3
    supers = [r.text for p in doc.paragraphs for r in p.runs if r.font.superscript]
    assert supers == ["1", "2", "1"]
    assert not re.search(r"\[\d\]", text)  # markers became footnote numbers
    assert doc.core_properties.title == TITLE


# -- conversations ------------------------------------------------------------------------------------
def test_conversations_belong_to_their_owner(tmp_path: Path) -> None:
    msgs = _messages()
    conversations.save(tmp_path, "alice", "c1", msgs)
    conversations.save(tmp_path, "bob", "c2", msgs[:1])
    assert [c["id"] for c in conversations.list_for(tmp_path, "alice")] == ["c1"]
    assert [c["id"] for c in conversations.list_for(tmp_path, "bob")] == ["c2"]
    assert conversations.load(tmp_path, "bob", "c1") is None
    assert not conversations.delete(tmp_path, "bob", "c1")
    with pytest.raises(PermissionError):
        conversations.save(tmp_path, "bob", "c1", msgs)
    back = conversations.load(tmp_path, "alice", "c1")
    assert back is not None and [m["question"] for m in back] == [m["question"] for m in msgs]
    assert back[0]["answer"].citations[1].page == 37 and back[0]["answer"].confidence == 0.93
    assert back[0]["filters"] == Filters(viewer="u1") and back[1]["filters"] is None
    assert back[1]["answer"].refused and back[2]["answer"].confidence_level == "check"
    assert conversations.delete(tmp_path, "alice", "c1") and conversations.list_for(tmp_path, "alice") == []


def test_feedback_comment_and_owner(tmp_path: Path) -> None:
    a = _messages()[0]["answer"]
    feedback.record(tmp_path, "m1", 0, a, owner="alice")
    assert feedback.set_comment(tmp_path, "m1", "fel sida", owner="alice")
    assert not feedback.set_comment(tmp_path, "m1", "hack", owner="bob")
    with pytest.raises(PermissionError):
        feedback.record(tmp_path, "m1", 1, a, owner="bob")
    [row] = feedback.load_all(tmp_path)
    assert (row["rating"], row["owner"], row["comment"]) == (0, "alice", "fel sida")


# -- sureness, scope, notice ----------------------------------------------------------------------------
def test_sureness_levels() -> None:
    assert answering.sureness(Answer("q", "a", False, confidence=0.9)).level == "sure"
    assert answering.sureness(Answer("q", "a", False, confidence=0.3)).level == "check"
    none = answering.sureness(Answer("q", "a", True, confidence=0.9))
    assert none.level == "none" and not none.show_sources
    assert answering.sureness(Answer("q", "a", False, shape="out_of_scope")).level == "none"
    assert answering.sureness(Answer("q", "a", False, confidence=0.3), "en").label.startswith("Nearest passage")


def test_scope_wider_only_when_the_official_narrowed_it() -> None:
    asked: list[Filters] = []
    good = Answer("q", "600 [1]", refused=False)
    fake = SimpleNamespace(ask=lambda q, history, filters: asked.append(filters) or good)
    refused = Answer("q", "Det framgår inte av rapporten.", refused=True)
    assert answering.ask_wider(fake, refused, "q", [], Filters(source="a.pdf", viewer="u")) is None
    assert answering.ask_wider(fake, good, "q", [], Filters(goal="G")) is None
    assert answering.ask_wider(fake, refused, "q", [], Filters(goal_area="A", source="a.pdf", viewer="u")) is good
    assert asked == [Filters(source="a.pdf", viewer="u")]


def test_notice_names_reports_with_the_same_title_by_file() -> None:
    recs = [SimpleNamespace(title=TITLE, source="dr.txt"), SimpleNamespace(title=TITLE, source="dr.pdf"),
            SimpleNamespace(title="Årsredovisning 2024", source="ar.pdf")]
    notice = f"Fler rapporter svarar nästan lika bra: {TITLE} (s. 28). Välj en rapport för att avgränsa frågan."
    out = answering.disambiguate_notice(notice, recs)
    assert out.endswith(f"Flera filer har titeln ”{TITLE}”: dr.pdf, dr.txt.")
    assert answering.disambiguate_notice("Fler rapporter: Årsredovisning 2024 (s. 3).", recs).endswith("(s. 3).")


def test_user_id_is_stable_and_opaque() -> None:
    a = user_id({"iss": "https://login.example", "sub": "alice", "email": "alice@malmo.se"})
    assert a == user_id({"iss": "https://login.example", "sub": "alice"}) and "alice" not in a
    assert a != user_id({"iss": "https://login.example", "sub": "bob"})


# -- PDF page view ----------------------------------------------------------------------------------------
BOND = "Som första kommun i Sverige har Malmö gett ut en social obligation på 600 miljoner kronor."


@pytest.fixture(scope="module")
def fixture_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.pdf.make_fixture import build_fixture

    return build_fixture(tmp_path_factory.mktemp("pv") / "delarsrapport-2025-kommunstyrelsen.pdf")


def test_page_image_boxes_cover_the_quote_words(fixture_pdf: Path) -> None:
    import pdfplumber
    from PIL import Image

    settings = SimpleNamespace(reports_dir=fixture_pdf.parent, data_dir=fixture_pdf.parent / "data")
    img = pageview.page_image(settings, fixture_pdf.name, 28, BOND)
    assert img is not None and img.found and img.pdf_index == 27
    with pdfplumber.open(fixture_pdf) as pdf:
        words = pdf.pages[27].extract_words()
    # the quote's own words, found independently: the run of pdfplumber words that reads as the quote
    target = BOND.split()
    start = next(i for i in range(len(words)) if [w["text"] for w in words[i:i + len(target)]] == target)
    quote_words = words[start:start + len(target)]
    for w in quote_words:  # every word of the quote lies inside a box …
        assert any(x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] and w["bottom"] <= bottom
                   for x0, top, x1, bottom in img.boxes), w
    for x0, top, x1, bottom in img.boxes:  # … and every box hugs quote words (no stray highlight)
        inside = [w for w in quote_words if top <= w["top"] and w["bottom"] <= bottom]
        assert inside and x0 == pytest.approx(min(w["x0"] for w in inside) - 1.5)
        assert x1 == pytest.approx(max(w["x1"] for w in inside) + 1.5)
    assert all(bottom - top < 20 for _, top, _, bottom in img.boxes)  # one printed line each
    pic = Image.open(io.BytesIO(img.png))
    assert pic.size[0] == pytest.approx(img.width * 110 / 72, abs=2)
    html = pageview.page_html(img, 1.5)
    assert html.count('class="hl-box"') == len(img.boxes) and "width:150%" in html


def test_text_source_or_missing_pdf_has_no_page_image(tmp_path: Path) -> None:
    settings = SimpleNamespace(reports_dir=tmp_path, data_dir=tmp_path)
    assert pageview.page_image(settings, "rapport.txt", 28, BOND) is None
    assert pageview.page_image(settings, "borta.pdf", 28, BOND) is None


def test_quote_found_across_hyphenated_line_break() -> None:
    words = [{"text": t, "x0": i * 10.0, "x1": i * 10.0 + 8, "top": 100.0 + 12 * (i >= 3), "bottom": 110.0 + 12 * (i >= 3)}
             for i, t in enumerate(["Malmö", "gav", "obliga-", "tioner", "för", "600", "Mkr."])]
    idx = pageview.quote_word_indices(words, "Malmö gav obligationer för 600 Mkr.")
    assert idx == list(range(7))
    assert len(pageview.line_boxes(words, idx)) == 2


def test_docx_lays_out_a_brief_as_bold_headings_and_bullets() -> None:
    from docx import Document

    c1 = Citation(n=1, page=28, section="S", goal=None, goal_area=None, quote="Malmö gav ut 600 miljoner kronor.",
                  source="r.txt", report_title=TITLE)
    c2 = Citation(n=2, page=30, section="S", goal=None, goal_area=None, quote="En annan punkt.", source="r.txt",
                  report_title=TITLE)
    brief = Answer(question="Vad gör staden?", answer="**Obligationen** (s. 28)\n- Malmö gav ut 600 miljoner kronor. [1]"
                   "\n\n**Annat** (s. 30)\n- En annan punkt. [2]", refused=False, citations=[c1, c2], shape="brief",
                   confidence=0.95)
    msgs = [{"question": brief.question, "answer": brief, "filters": None}]
    doc = Document(io.BytesIO(docx_memo.to_docx(msgs, "sv", TITLE)))
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert [p.text for p in bullets] == ["Malmö gav ut 600 miljoner kronor.1", "En annan punkt.2"]
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Obligationen" in bold and "Annat" in bold
    assert "**" not in "\n".join(p.text for p in doc.paragraphs)
