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
    refused INTEGER,
    owner TEXT,                       -- identity.current_owner(): who gave it
    comment TEXT                      -- what was wrong (with a thumbs down)
)
"""
ADDED_COLUMNS = {"owner": "TEXT", "comment": "TEXT"}  # databases written before these existed get them


def db_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / DB_NAME


@contextmanager
def _connect(data_dir: str | Path) -> Iterator[sqlite3.Connection]:
    path = db_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        conn.execute(SCHEMA)
        have = {r[1] for r in conn.execute("PRAGMA table_info(feedback)")}
        for name, kind in ADDED_COLUMNS.items():
            if name not in have:
                conn.execute(f"ALTER TABLE feedback ADD COLUMN {name} {kind}")
        with conn:  # commit or roll back
            yield conn


def record(data_dir: str | Path, message_id: str, rating: int | None, answer: Answer, *, owner: str | None = None,
           comment: str | None = None) -> None:
    """Store (or replace) the rating of one answer; rating None removes it. The owner's own row only:
    someone else's feedback on the same message id is never replaced or removed."""
    with _connect(data_dir) as conn:
        row = conn.execute("SELECT owner FROM feedback WHERE message_id = ?", (message_id,)).fetchone()
        if row is not None and owner is not None and row[0] not in (None, owner):
            raise PermissionError("this feedback belongs to someone else")
        if rating is None:
            conn.execute("DELETE FROM feedback WHERE message_id = ?", (message_id,))
            return
        conn.execute(
            "INSERT OR REPLACE INTO feedback (message_id, ts, rating, question, answer, citations, mode, lang,"
            " scope, refused, owner, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message_id, datetime.now(UTC).isoformat(timespec="seconds"), 1 if rating else 0, answer.question,
                answer.answer, json.dumps([c.to_json() for c in answer.citations], ensure_ascii=False), answer.mode,
                answer.lang, answer.scope, int(bool(answer.refused)), owner, (comment or "").strip() or None,
            ),
        )


def set_comment(data_dir: str | Path, message_id: str, comment: str, *, owner: str | None = None) -> bool:
    """Attach what was wrong to an existing rating (the 👎 comment field); False if there is no rating."""
    with _connect(data_dir) as conn:
        cur = conn.execute("UPDATE feedback SET comment = ? WHERE message_id = ? AND (owner IS ? OR owner IS NULL)",
                           ((comment or "").strip() or None, message_id, owner))
        return cur.rowcount > 0


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
