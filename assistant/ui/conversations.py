"""Conversations that outlast the browser tab: saved per owner in the local SQLite store.

The owner is `identity.current_owner()` (the signed-in user, else the browser session), and every
query here filters on it: one owner never lists, opens or deletes another's conversation. The whole
message list is stored as JSON (the Answer contract plus passages), so a reopened conversation renders
and exports exactly as it was answered, without asking again.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.models import Answer, Citation, Filters
from assistant.ui.feedback import DB_NAME

TITLE_CHARS = 80
SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    title TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    messages TEXT NOT NULL            -- JSON list, see message_to_json
);
CREATE INDEX IF NOT EXISTS conversations_owner ON conversations (owner, updated);
"""


@contextmanager
def _connect(data_dir: str | Path) -> Iterator[sqlite3.Connection]:
    path = Path(data_dir) / DB_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        conn.executescript(SCHEMA)
        conn.row_factory = sqlite3.Row
        with conn:
            yield conn


def new_id() -> str:
    return uuid.uuid4().hex[:16]


def title_of(messages: Sequence[dict[str, Any]]) -> str:
    """The first question, shortened: how the sidebar lists a conversation."""
    q = " ".join(str(messages[0]["question"]).split()) if messages else ""
    return q if len(q) <= TITLE_CHARS else q[: TITLE_CHARS - 1].rstrip() + "…"


# -- (de)serialising messages -------------------------------------------------------------------
def _answer_to_json(a: Answer) -> dict[str, Any]:
    d = asdict(a)
    d.pop("retrieved", None)  # eval detail; not needed to show or export the answer
    return d


def _answer_from_json(d: dict[str, Any]) -> Answer:
    known = {f.name for f in fields(Answer)}
    cites = [Citation(**{k: v for k, v in c.items() if k in {f.name for f in fields(Citation)}})
             for c in d.get("citations") or []]
    return Answer(**{**{k: v for k, v in d.items() if k in known}, "citations": cites})


def message_to_json(m: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in m.items() if k in ("id", "question", "scope", "ts", "comment", "rating")}
    out["answer"] = _answer_to_json(m["answer"])
    f = m.get("filters")
    out["filters"] = asdict(f) if isinstance(f, Filters) else None
    return out


def message_from_json(d: dict[str, Any]) -> dict[str, Any]:
    m = dict(d)
    m["answer"] = _answer_from_json(d["answer"])
    f = d.get("filters")
    m["filters"] = Filters(**{k: v for k, v in f.items() if k in {x.name for x in fields(Filters)}}) if f else None
    return m


# -- the store --------------------------------------------------------------------------------------
def save(data_dir: str | Path, owner: str, conv_id: str, messages: Sequence[dict[str, Any]]) -> None:
    """Create or update one conversation of `owner` (an empty one is not stored)."""
    if not messages:
        return
    now = datetime.now(UTC).isoformat(timespec="seconds")
    payload = json.dumps([message_to_json(m) for m in messages], ensure_ascii=False)
    with _connect(data_dir) as conn:
        row = conn.execute("SELECT owner FROM conversations WHERE id = ?", (conv_id,)).fetchone()
        if row is not None and row["owner"] != owner:
            raise PermissionError("the conversation belongs to someone else")
        conn.execute(
            "INSERT INTO conversations (id, owner, title, created, updated, messages) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET title = excluded.title, updated = excluded.updated, "
            "messages = excluded.messages",
            (conv_id, owner, title_of(messages), now, now, payload),
        )


def list_for(data_dir: str | Path, owner: str, limit: int = 50) -> list[dict[str, Any]]:
    """The owner's conversations, newest first: id, title, updated, number of questions."""
    if not (Path(data_dir) / DB_NAME).exists():
        return []
    with _connect(data_dir) as conn:
        rows = conn.execute("SELECT id, title, updated, json_array_length(messages) AS n FROM conversations "
                            "WHERE owner = ? ORDER BY updated DESC, rowid DESC LIMIT ?", (owner, limit)).fetchall()
    return [dict(r) for r in rows]


def load(data_dir: str | Path, owner: str, conv_id: str) -> list[dict[str, Any]] | None:
    """The messages of one of the owner's conversations; None if there is none of that id for this owner."""
    with _connect(data_dir) as conn:
        row = conn.execute("SELECT messages FROM conversations WHERE id = ? AND owner = ?",
                           (conv_id, owner)).fetchone()
    return [message_from_json(d) for d in json.loads(row["messages"])] if row else None


def delete(data_dir: str | Path, owner: str, conv_id: str) -> bool:
    """Delete one of the owner's conversations; False if the owner has none of that id."""
    with _connect(data_dir) as conn:
        return conn.execute("DELETE FROM conversations WHERE id = ? AND owner = ?", (conv_id, owner)).rowcount > 0
