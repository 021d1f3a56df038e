"""The index is built at server start (assistant.ui.warm), once per settings; eval labels are for officials."""

from __future__ import annotations

import sys
import threading
from types import SimpleNamespace

import pytest

from assistant.ui import session, warm
from assistant.ui.i18n import STRINGS


class FakeAssistant:
    built = threading.Event()
    instances = 0

    def __init__(self, settings) -> None:
        type(self).instances += 1

    def ensure_ready(self, progress=None):
        progress("Läser rapport.txt", 0.5)
        FakeAssistant.built.set()
        return [SimpleNamespace(source="rapport.txt", status="ingested")]

    @property
    def index(self):
        return object()

    def retrieve(self, query):
        return []

    def ask(self, question):
        return None


def test_warmup_builds_without_any_session_and_only_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.api.Assistant", FakeAssistant)
    monkeypatch.setattr(warm, "_WARMUPS", {})
    settings = SimpleNamespace(redacted=lambda: {"data_dir": "/tmp/x", "k": 1})
    w = warm.start(settings)
    assert w.done.wait(10) and w.error is None and FakeAssistant.built.is_set()
    assert w.built == ["rapport.txt"] and isinstance(w.assistant, FakeAssistant)
    assert warm.start(settings) is w and FakeAssistant.instances == 1  # every session shares it


def test_serve_entry_point_runs_the_app_script(monkeypatch: pytest.MonkeyPatch) -> None:
    started, ran = [], []
    monkeypatch.setattr(warm, "start", lambda s: started.append(s))
    monkeypatch.setattr("streamlit.web.cli.main", lambda: ran.append(list(sys.argv)) or 0)
    with pytest.raises(SystemExit):
        warm.main(["--server.port", "8600"])
    assert started and ran == [["streamlit", "run", str(warm.APP), "--server.port", "8600"]]


def test_every_chart_metric_has_a_swedish_and_english_label() -> None:
    for name in session.PERCENT_METRICS:
        for lang in ("sv", "en"):
            assert f"metric_{name}" in STRINGS[lang], (lang, name)
            assert "_" not in session.metric_label(name, lang)
    rows = session.metric_rows({"page_hit1": 0.9, "latency_p95_ms": 300.0})
    assert rows == [{"metric": "Rätt sida först", "value": "90%"},
                    {"metric": "Svarstid (95:e percentil)", "value": "300 ms"}]
