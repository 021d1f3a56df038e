"""Thumbs up/down are stored locally in SQLite, one row per answer."""

from __future__ import annotations

from pathlib import Path

from assistant.models import Answer, Citation
from assistant.ui import feedback


def _answer() -> Answer:
    c = Citation(n=1, page=28, section="S", goal=None, goal_area=None, quote="Q.", source="r.txt",
                 report_title="Delårsrapport 2025, Kommunstyrelsen")
    return Answer(question="Hur stor?", answer="600 miljoner kronor. [1]", refused=False, citations=[c],
                  mode="extractive", scope="hela rapporten")


def test_record_replace_and_clear(tmp_path: Path) -> None:
    assert feedback.load_all(tmp_path) == []
    feedback.record(tmp_path, "m1", 1, _answer())
    feedback.record(tmp_path, "m2", 0, _answer())
    feedback.record(tmp_path, "m1", 0, _answer())  # changed their mind: replaces, not appends
    rows = feedback.load_all(tmp_path)
    assert sorted((r["message_id"], r["rating"]) for r in rows) == [("m1", 0), ("m2", 0)]
    r = next(r for r in rows if r["message_id"] == "m1")
    assert r["question"] == "Hur stor?" and r["mode"] == "extractive" and r["ts"]
    assert r["citations"][0]["page"] == 28
    feedback.record(tmp_path, "m2", None, _answer())  # thumb cleared
    assert [r["message_id"] for r in feedback.load_all(tmp_path)] == ["m1"]
    assert feedback.db_path(tmp_path).exists()
