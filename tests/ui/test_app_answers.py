"""How an answer looks by how sure it is, the scope hint, long questions and saved conversations,
through AppTest on the real script and index."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.api import AnswerStream, Assistant
from assistant.models import Answer, Citation
from assistant.ui import conversations
from tests.ui.test_app import BOND_Q, _ask, _codes, _texts

QUOTE = "Som första kommun i Sverige har Malmö gett ut en social obligation på 600 miljoner kronor."


def _cite() -> Citation:
    return Citation(n=1, page=28, section="Malmö först i Sverige med att ge ut en social obligation", goal=None,
                    goal_area="En mer jämlik stad", quote=QUOTE, source="delarsrapport-2025-kommunstyrelsen.txt",
                    report_title="Delårsrapport 2025, Kommunstyrelsen", passage=QUOTE)


def _answer(level: str) -> Answer:
    """An answer of each confidence level, built by hand (the judge of issue 10 sets them for real)."""
    if level == "none":  # refused, but carrying an unrelated quote: the UI must still show no citation
        return Answer("Vad blir vädret i Malmö imorgon?", "Det framgår inte av rapporten. [1]", refused=True,
                      citations=[_cite()], shape="out_of_scope", confidence=0.02)
    conf = 0.95 if level == "sure" else 0.41
    return Answer(BOND_Q, f"{QUOTE} [1]", refused=False, citations=[_cite()], shape="fact", confidence=conf)


def _fixed(monkeypatch: pytest.MonkeyPatch, answer: Answer) -> None:
    monkeypatch.setattr(Assistant, "ask_stream", lambda self, q, **kw: AnswerStream.of(answer))


def _badges(at) -> list[str]:
    return [b.proto.label if hasattr(b, "proto") else str(b) for b in at.get("badge")]


@pytest.mark.parametrize("level,label", [("sure", "Säkert svar"),
                                         ("check", "Närmaste stället i rapporten – kontrollera källan"),
                                         ("none", "Inget svar i rapporten")])
def test_each_confidence_level_has_its_label(app, monkeypatch, level, label) -> None:
    _fixed(monkeypatch, _answer(level))
    _ask(app, BOND_Q)
    text = _texts(app) + "\n".join(str(b.proto) for b in app.get("badge"))
    assert label in text
    others = {"Säkert svar", "Närmaste stället i rapporten – kontrollera källan", "Inget svar i rapporten"} - {label}
    assert not any(o in text for o in others), "a weak match must never look like a sure one (or vice versa)"


def test_refused_answer_shows_no_chips_sources_or_memo(app, monkeypatch) -> None:
    _fixed(monkeypatch, _answer("none"))
    _ask(app, "Vad blir vädret i Malmö imorgon?")
    text = _texts(app)
    assert "Det framgår inte av rapporten." in text
    assert "cite-ref" not in text and "[1]" not in text  # no chip, no bare marker
    assert "Källor" not in text and not _codes(app)  # no source card, no memo text
    assert not [b for b in app.get("download_button") if "Word (.docx)" in b.proto.label]
    assert not any(e.label == "Kopiera till PM" for e in app.expander)


def test_sure_answer_keeps_chips_sources_and_word_memo(app, monkeypatch) -> None:
    _fixed(monkeypatch, _answer("sure"))
    _ask(app, BOND_Q)
    text = _texts(app)
    assert 'class="cite-ref"' in text and "[1] s. 28" in text
    assert [b for b in app.get("download_button") if b.proto.label == "Ladda ner som Word (.docx)"]


def test_scoped_refusal_offers_the_whole_report_with_one_click(app) -> None:
    app.sidebar.selectbox(key="f_area_sv").set_value("En god organisation").run()
    _ask(app, BOND_Q)
    first = app.session_state["messages"][-1]
    assert first["answer"].refused and first.get("wider") is not None
    assert any("i hela rapporten finns ett svar" in i.value for i in app.info)
    app.button(key=f"wider-{first['id']}").click().run()
    last = app.session_state["messages"][-1]
    assert last["id"] != first["id"] and not last["answer"].refused
    assert "600" in last["answer"].answer and last["answer"].citations[0].page == 28
    assert last["filters"].goal_area is None and last["filters"].viewer == first["filters"].viewer


def test_too_long_question_is_explained_and_kept(app, monkeypatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(Assistant, "ask_stream", lambda self, q, **kw: asked.append(q) or AnswerStream.of(
        _answer("sure")))
    long_q = "Hur stor var den sociala obligationen? " + "x" * 2100
    _ask(app, long_q)
    assert not asked and not app.session_state["messages"]
    assert any("högst 2000 får plats" in w.value for w in app.warning)
    assert app.text_area(key="too-long-text").value == long_q  # the pasted text is not lost


def test_conversation_is_saved_listed_reopened_and_deleted(app, data_dir: Path) -> None:
    _ask(app, BOND_Q)
    owner = app.session_state["_owner_session_id"]
    conv_id = app.session_state["conv_id"]
    [saved] = [c for c in conversations.list_for(data_dir, owner) if c["id"] == conv_id]
    assert saved["title"] == BOND_Q and saved["n"] == 1
    # a new conversation, then reopen the saved one from the sidebar
    app.sidebar.button[[b.label for b in app.sidebar.button].index("Ny konversation")].click().run()
    assert app.session_state["messages"] == []
    app.sidebar.button(key=f"open-{conv_id}").click().run()
    assert [m["question"] for m in app.session_state["messages"]] == [BOND_Q]
    assert "600" in app.session_state["messages"][0]["answer"].answer
    app.sidebar.button(key=f"del-{conv_id}").click().run()
    assert conversations.load(data_dir, owner, conv_id) is None


def test_thumbs_down_asks_what_was_wrong(app, data_dir: Path) -> None:
    from assistant.ui import feedback

    _ask(app, BOND_Q)
    mid = app.session_state["messages"][0]["id"]
    app.feedback(key=f"fb-{mid}").set_value(0).run()
    app.text_input(key=f"fbc-{mid}").input("Fel sida, beloppet står på s. 29")
    app.button[[b.label for b in app.button].index("Skicka")].click().run()
    [row] = [r for r in feedback.load_all(data_dir) if r["message_id"] == mid]
    assert row["rating"] == 0 and row["comment"] == "Fel sida, beloppet står på s. 29"
    assert row["owner"] == app.session_state["_owner_session_id"]
