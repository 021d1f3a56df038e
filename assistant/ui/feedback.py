"""Thumbs up/down stored locally in SQLite under the data dir.

Nothing leaves the machine: the feedback is for the team that maintains the
assistant to find bad answers, and it holds officials' questions. One row per
answer (message id); changing the thumb replaces the row, clearing it deletes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.models import Answer

DB_NAME = "feedback.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    message_id TEXT PRIMARY KEY,
    ts TEXT NOT NULL,
    rating INTEGER NOT NULL,          -- 1 = thumbs up, 0 = thumbs down
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,          -- JSON list of Citation.to_json()
    mode TEXT,
    lang TEXT,
    scope TEXT,
    refused INTEGER
)
"""


def db_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / DB_NAME


@contextmanager
def _connect(data_dir: str | Path) -> Iterator[sqlite3.Connection]:
    path = db_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        conn.execute(SCHEMA)
        with conn:  # commit or roll back
            yield conn


def record(data_dir: str | Path, message_id: str, rating: int | None, answer: Answer) -> None:
    """Store (or replace) the rating of one answer; rating None removes it."""
    with _connect(data_dir) as conn:
        if rating is None:
            conn.execute("DELETE FROM feedback WHERE message_id = ?", (message_id,))
            return
        conn.execute(
            "INSERT OR REPLACE INTO feedback (message_id, ts, rating, question, answer, citations, mode, lang,"
            " scope, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message_id, datetime.now(UTC).isoformat(timespec="seconds"), 1 if rating else 0, answer.question,
                answer.answer, json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False), answer.mode,
                answer.lang, answer.scope, int(bool(answer.refused)),
            ),
        )


def load_all(data_dir: str | Path) -> list[dict[str, Any]]:
    """Every stored rating, oldest first, citations decoded."""
    if not db_path(data_dir).exists():
        return []
    with _connect(data_dir) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT * FROM feedback ORDER BY ts, rowid")]
    for r in rows:
        r["citations"] = json.loads(r["citations"])
    return rows
