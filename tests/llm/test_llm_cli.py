"""The terminal prints an LLM answer once, as checked (the streamed draft may hold unverified claims)."""

from __future__ import annotations

from types import SimpleNamespace

from click.testing import CliRunner

from assistant import cli
from assistant.api import AnswerStream
from assistant.llm.answer import LLMAnswerer
from tests.llm.fakes import FakeAssistant, FakeExtractive, FakeLLMServer, settings_for

WRONG = "Obligationen var på 700 miljoner kronor [1]."


def test_cli_prints_the_checked_llm_answer_once(tmp_path, monkeypatch):
    with FakeLLMServer("openai") as server:
        server.script(WRONG)
        fake = FakeAssistant(settings_for(server, tmp_path, mode="llm"))
        answerer = LLMAnswerer(fake, fallback=FakeExtractive())

        def ask_stream(question: str, **_: object) -> AnswerStream:
            return answerer.stream(question)

        a = SimpleNamespace(settings=fake.settings, ensure_ready=lambda progress=None: [], ask_stream=ask_stream)
        monkeypatch.setattr(cli, "make_assistant", lambda ctx: a)
        out = CliRunner().invoke(cli.cli, ["ask", "Hur stor var den sociala obligationen?"]).output
    assert WRONG not in out and "700 miljoner kronor [1]" not in out, out  # the unchecked draft is never printed
    assert out.count("⚠ Obligationen var på 700 miljoner kronor. (Ej belagt: 700 står inte i källa 1.)") == 1, out
    assert "OBS: 1 av 1 mening" in out
