"""Conversation export: Markdown to read or file, JSON to process or attach to a bug report."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assistant.models import Answer
from assistant.ui.memo import memo_markdown, source_line

HEAD = {
    "sv": ("Konversation med rapportassistenten", "Exporterad", "Fråga", "Svar", "Sökt i", "Källor", "Läge"),
    "en": ("Conversation with the report assistant", "Exported", "Question", "Answer", "Searched in", "Sources",
           "Mode"),
}


def to_markdown(messages: Sequence[dict[str, Any]], lang: str = "sv", report_title: str = "",
                now: datetime | None = None) -> str:
    """Each exchange as the memo text (with footnotes) plus the quoted sources."""
    lg = "en" if lang == "en" else "sv"
    title, exported, q_word, a_word, scope_word, src_word, mode_word = HEAD[lg]
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    out = [f"# {title}", "", f"*{report_title}* · {exported} {stamp}" if report_title else f"{exported} {stamp}", ""]
    for i, m in enumerate(messages, 1):
        ans: Answer = m["answer"]
        out += [f"## {i}. {q_word}: {m['question']}", ""]
        # footnote ids must be unique in one Markdown document
        memo = memo_markdown(ans, ans.lang).replace("[^", f"[^{i}-")
        out += [f"**{a_word}:** {memo}", ""]
        out.append(f"*{scope_word}: {ans.scope or m.get('scope') or '–'} · {mode_word}: {ans.mode}*")
        out.append("")
        if ans.citations:
            out += [f"**{src_word}**", ""]
            for c in ans.citations:
                where = " › ".join(x for x in (c.goal_area, c.goal, c.section) if x)
                out.append(f"- [{c.n}] {source_line(c, ans.lang)} {where}".rstrip())
                out.append(f"  > {c.quote.strip()}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_json(messages: Sequence[dict[str, Any]], report_title: str = "", now: datetime | None = None) -> str:
    """The answers in the shared Answer JSON contract (as `assistant ask --json`), plus scope and time."""
    items = []
    for m in messages:
        ans: Answer = m["answer"]
        d = ans.to_json()
        d["asked_at"] = m.get("ts")
        d["message_id"] = m.get("id")
        items.append(d)
    doc = {"report": report_title, "exported_at": (now or datetime.now()).isoformat(timespec="seconds"),
           "messages": items}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
