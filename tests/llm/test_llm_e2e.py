"""End to end: the real Assistant (index built from the bundled report in a temp dir)
asks the fake OpenAI-compatible server about the social bond."""

from __future__ import annotations

import re
from typing import Any

import pytest

from assistant.api import Assistant
from tests.llm.fakes import FakeLLMServer, Reply, settings_for

pytestmark = pytest.mark.e2e


def cite_the_bond(body: dict[str, Any]) -> str:
    """Answer like a good model: cite whichever numbered source holds the bond."""
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    blocks = re.findall(r'<source n="(\d+)"[^>]*>\n(.*?)\n</source>', user, re.DOTALL)
    n = next(n for n, text in blocks if "600 miljoner kronor" in text)
    return f"Malmö stad har som första kommun i Sverige gett ut en social obligation på 600 miljoner kronor [{n}]."


def test_real_assistant_llm_mode_verifies_the_social_bond(tmp_path):
    with FakeLLMServer("openai") as server:
        server.script(Reply(respond=cite_the_bond))
        assistant = Assistant(settings_for(server, tmp_path, llm_timeout=10.0))
        answer = assistant.ask("Hur stor var den sociala obligationen som Malmö gav ut?", mode="llm")
        data = answer.to_json()
        assert data["mode"] == "llm:fake-model" and data["unsupported"] == [] and not data["refused"]
        assert data["answer"].endswith("600 miljoner kronor [1].")
        [cite] = data["citations"]
        assert cite["verified"] is True and cite["page"] == 28
        assert "600 miljoner kronor" in cite["quote"] and len(cite["quote"]) < 200
        assert answer.retrieved and answer.latency_ms > 0

        stream = assistant.ask_stream("Hur stor var den sociala obligationen som Malmö gav ut?", mode="llm")
        text = "".join(stream)
        assert text == stream.answer.answer and stream.answer.citations[0].verified
        assert stream.answer.citations[0].page == 28


def first_source(body: dict[str, Any]) -> str:
    user = next(m["content"] for m in body["messages"] if m["role"] == "user")
    n = re.findall(r'<source n="(\d+)"', user)[0]
    return f"Rapporten beskriver detta [{n}]."


def test_llm_mode_uses_the_route_and_the_judge(tmp_path):
    """The same shapes and judge as offline: a refused question never reaches the model, a summary
    is asked over its resolved span with the summary prompt, a brief with the brief prompt."""
    with FakeLLMServer("openai") as server:
        server.script(*[Reply(respond=first_source)] * 4)
        assistant = Assistant(settings_for(server, tmp_path, llm_timeout=10.0))
        for question in ("Vad blir vädret i Malmö imorgon?", "Skriv ett mejl till min chef om obligationen."):
            refused = assistant.ask(question, mode="llm")
            assert refused.refused and refused.shape == "out_of_scope" and not refused.citations
        assert not [r for r in server.requests if r.path.endswith("/chat/completions")]

        summary = assistant.ask("Sammanfatta målet om att staden ska bli fri från segregation.", mode="llm")
        prompt = next(m["content"] for m in server.requests[-1].body["messages"] if m["role"] == "user")
        assert summary.shape == "summary" and "Sammanfatta" in prompt and "bedömningen" in prompt
        pages = [int(p) for p in re.findall(r'page="(\d+)"', prompt)] or [c.page for c in summary.citations]
        assert pages and all(26 <= p <= 27 for p in pages)

        brief = assistant.ask("Vad gör staden för att stärka kompetensförsörjningen?", mode="llm")
        prompt = next(m["content"] for m in server.requests[-1].body["messages"] if m["role"] == "user")
        assert brief.shape == "brief" and "punktlista" in prompt and brief.confidence is not None
