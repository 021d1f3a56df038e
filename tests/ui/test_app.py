"""The app's logic paths through Streamlit's AppTest (the real script, in-process, on a real index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError
from assistant.ui import feedback

BOND_Q = "Hur stor var den sociala obligationen?"


def _texts(at) -> str:
    """Everything a user can read in the main area and sidebar, as one string."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [c.value for c in _codes(at)]
    parts += [e.value for e in (*at.error, *at.warning, *at.info, *at.success)]
    parts += [m.value for m in at.title]
    return "\n".join(str(p) for p in parts)


def _codes(at) -> list:
    """The st.code blocks a user sees (not the hidden preloaded widget, see streamlit_app._preload_widgets)."""
    return [c for c in at.code if c.value != "preload"]


def _ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_first_load_builds_the_index(first_load, data_dir: Path) -> None:
    at = first_load
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error
    assert (data_dir / "chroma").exists()
    assert any("delarsrapport-2025-kommunstyrelsen" in t.value for t in at.toast)  # "Klar: … (40 s)"
    assert at.title[0].value == "Rapportassistenten"
    assert at.chat_input, "the chat input is shown once the index is ready"


def test_question_answered_with_citation_to_page_28(app) -> None:
    _ask(app, BOND_Q)
    text = _texts(app)
    assert "600 miljoner kronor" in text
    assert 'title="s. 28"' in text  # the inline [1] marker links to its source on page 28
    assert "[1] s. 28" in text  # the source card
    assert "<mark" in text  # the cited sentence highlighted in its passage
    memo = _codes(app)[0].value
    assert "600 miljoner kronor.¹" in memo
    assert memo.endswith("¹ Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28.")
    assert "[^1]: Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28." in _codes(app)[1].value
    assert "Sökt i: hela rapporten" in text
    assert any(tg.label == "Visa hela sidan 28" for tg in app.toggle)
    assert len(app.session_state["messages"]) == 1


def _spy_on_ask_stream(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Record the keyword arguments the app passes to Assistant.ask_stream (history, filters, …)."""
    seen: dict = {}
    real = Assistant.ask_stream

    def spy(self, question, **kw):
        seen.update(kw)
        return real(self, question, **kw)

    monkeypatch.setattr(Assistant, "ask_stream", spy)
    return seen


def test_follow_up_gets_history(app, monkeypatch: pytest.MonkeyPatch) -> None:
    _ask(app, BOND_Q)
    seen = _spy_on_ask_stream(monkeypatch)
    _ask(app, "När gavs den ut?")
    assert [t.question for t in seen["history"]] == [BOND_Q]
    assert "600 miljoner" in seen["history"][0].answer
    assert len(app.session_state["messages"]) == 2
    follow_up = app.session_state["messages"][1]["answer"]
    assert not follow_up.refused, f"the answerer refused the follow-up despite the history: {follow_up.answer!r}"


def test_empty_question_is_handled(app) -> None:
    _ask(app, "   ")
    assert any("Frågan är tom" in w.value for w in app.warning)
    assert not app.session_state["messages"]


def test_filters_restrict_retrieval_and_show_on_answer(app, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _spy_on_ask_stream(monkeypatch)
    app.sidebar.selectbox(key="f_area_sv").set_value("En god organisation").run()
    goals = app.sidebar.selectbox(key="f_goal_sv_En god organisation").options
    assert len(goals) == 1 + 3  # "Alla mål" + the three goals of that area
    _ask(app, BOND_Q)
    assert seen["filters"].goal_area == "En god organisation"
    ans = app.session_state["messages"][-1]["answer"]
    assert ans.refused  # the bond is reported under "En mer jämlik stad", not here
    assert "Sökt i: målområde: En god organisation" in _texts(app)


def test_language_switch_to_english(app) -> None:
    app.sidebar.segmented_control(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Report assistant"
    assert app.sidebar.selectbox(key="f_area_en").label == "Goal area"
    assert app.sidebar.selectbox(key="f_area_en").options[0] == "All goal areas"
    _ask(app, BOND_Q)
    assert "Searched in:" in _texts(app)


def test_feedback_is_stored(app, data_dir: Path) -> None:
    _ask(app, BOND_Q)
    mid = app.session_state["messages"][0]["id"]
    app.feedback(key=f"fb-{mid}").set_value(0).run()
    rows = [r for r in feedback.load_all(data_dir) if r["message_id"] == mid]
    assert len(rows) == 1
    assert rows[0]["rating"] == 0 and rows[0]["question"] == BOND_Q and rows[0]["mode"] == "extractive"
    assert rows[0]["citations"][0]["page"] == 28
    app.feedback(key=f"fb-{mid}").set_value(1).run()
    assert [r["rating"] for r in feedback.load_all(data_dir) if r["message_id"] == mid] == [1]


def test_assistant_error_shows_friendly_message(app, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, question, **kw):
        raise AssistantError("Språkmodellen svarar inte. Kontrollera att servern på http://127.0.0.1:8000 är igång.")

    monkeypatch.setattr(Assistant, "ask_stream", broken)
    _ask(app, BOND_Q)
    assert [e.value for e in app.error] == [
        "Språkmodellen svarar inte. Kontrollera att servern på http://127.0.0.1:8000 är igång."]
    assert not app.exception


def test_unexpected_error_is_generic_without_traceback(app, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self, question, **kw):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(Assistant, "ask_stream", broken)
    _ask(app, BOND_Q)
    assert len(app.error) == 1 and "Något gick fel" in app.error[0].value
    assert "secret internal detail" not in _texts(app)


def test_export_buttons_appear_after_an_answer(app) -> None:
    assert not app.sidebar.get("download_button")
    _ask(app, BOND_Q)
    labels = [b.proto.label for b in app.sidebar.get("download_button")]
    assert labels == ["Ladda ner (Word)", "Ladda ner (Markdown)", "Ladda ner (JSON)"]
