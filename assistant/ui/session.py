"""Pure functions the Streamlit app calls, kept out of the script so they are unit-testable
without a Streamlit runtime: conversation state, filters, answer HTML, errors, eval tables."""

from __future__ import annotations

import html
import logging
import os
import re
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.models import Answer, Citation, Filters, Turn
from assistant.ui.i18n import t
from assistant.ui.memo import MARKER

log = logging.getLogger("assistant.ui")

MAX_HISTORY_TURNS = 6  # follow-ups refer to the last few exchanges; older ones only add noise
CITE_STYLE = ("display:inline-block;font-size:.72em;font-weight:600;line-height:1;padding:.18em .4em;"
              "margin-left:.15em;border-radius:.5em;background:#e3eef8;color:#0a4f8a;text-decoration:none;"
              "vertical-align:.35em")


# -- conversation ---------------------------------------------------------
def new_message(question: str, answer: Answer, filters: Filters | None) -> dict[str, Any]:
    """One exchange as kept in st.session_state (the Answer object itself, for rendering and export)."""
    return {
        "id": uuid.uuid4().hex[:12], "question": question, "answer": answer, "filters": filters,
        "scope": answer.scope or (filters or Filters()).describe(answer.lang),
        "ts": datetime.now().isoformat(timespec="seconds"),
    }


def history_turns(messages: Sequence[Mapping[str, Any]], limit: int = MAX_HISTORY_TURNS) -> list[Turn]:
    """The earlier exchanges as Turns for `ask(history=...)`, oldest first."""
    return [Turn(m["question"], m["answer"].answer) for m in messages[-limit:]]


# -- scope filters ----------------------------------------------------------
def goal_areas(outline: Mapping[str, Any]) -> list[str]:
    """Goal areas that have goals or appear in the outline, in report order."""
    areas = list(outline.get("goal_areas") or [])
    for g in outline.get("goals") or []:
        if g.get("goal_area") and g["goal_area"] not in areas:
            areas.append(g["goal_area"])
    return areas


def goals_in(outline: Mapping[str, Any], goal_area: str | None) -> list[str]:
    """Goal titles, restricted to one goal area when one is chosen."""
    return [g["title"] for g in outline.get("goals") or [] if not goal_area or g.get("goal_area") == goal_area]


def make_filters(goal_area: str | None, goal: str | None, outline: Mapping[str, Any] | None = None) -> Filters | None:
    """Filters from the sidebar; None when nothing is chosen (search the whole report).

    A goal implies its goal area, so the scope shown to the official is complete."""
    if goal and not goal_area and outline:
        goal_area = next((g.get("goal_area") for g in outline.get("goals") or [] if g["title"] == goal), None)
    f = Filters(goal_area=goal_area or None, goal=goal or None)
    return None if f.is_empty() else f


def goal_question(title: str, lang: str = "sv") -> str:
    """The question a goal's "ask" button puts into the chat."""
    return t("goal_question", lang, title=title)


# -- rendering helpers --------------------------------------------------------
def mode_label(settings: Any, lang: str = "sv") -> str:
    if getattr(settings, "mode", "extractive") == "llm":
        return t("mode_llm", lang, model=getattr(settings, "llm_model", "") or getattr(settings, "llm_provider", ""))
    return t("mode_extractive", lang)


def anchor_id(message_id: str, n: int) -> str:
    return f"src-{message_id}-{n}"


def breadcrumb(c: Citation) -> str:
    """Goal area › goal › section, without repeating the goal as its own heading."""
    parts: list[str] = []
    for p in (c.goal_area, c.goal, *(c.section or "").split(" › ")):
        p = (p or "").strip()
        bare = re.sub(r"^(Målområde|Kommunfullmäktigemål)\s+-\s+", "", p)
        if p and bare not in parts:
            parts.append(bare)
    return " › ".join(parts)


def answer_html(answer: Answer, message_id: str, lang: str = "sv", links: bool = True) -> str:
    """The answer text, HTML-escaped, each [n] a link to its source card below (links=False: markers
    removed, for an answer that must not look cited, e.g. a refusal).

    One raw <div> without blank lines: Markdown leaves its inside alone, so report text
    such as "1." or "*" is never reinterpreted as formatting."""
    by_n = {c.n: c for c in answer.citations} if links else {}

    def link(m: re.Match[str]) -> str:
        out = []
        for num in re.split(r"\s*,\s*", m.group(1)):
            c = by_n.get(int(num))
            if c is None:
                continue
            page = t("page_short", lang, page=c.page)
            out.append(f'<a href="#{anchor_id(message_id, c.n)}" class="cite-ref" title="{html.escape(page)}" '
                       f'style="{CITE_STYLE}">{c.n}&nbsp;·&nbsp;{html.escape(page)}</a>')
        return "".join(out)

    pieces, pos = [], 0
    for m in MARKER.finditer(answer.answer):
        pieces.append(html.escape(answer.answer[pos:m.start()]))
        pieces.append(link(m))
        pos = m.end()
    pieces.append(html.escape(answer.answer[pos:]))
    body = structured_lines("".join(pieces).strip())
    return f'<div class="answer-text" style="font-size:1.02rem;line-height:1.6">{body}</div>'


_HEADING_LINE = re.compile(r"^\*\*(.+?)\*\*(.*)$")


def structured_lines(escaped: str) -> str:
    """Lay out the answer's own structure (already HTML-escaped): a brief's "**Heading** (s. 12)" lines
    become headings, its "- point [1]" lines a bulleted list; every other line stays a line.
    Only these two line forms are read, so report text is never taken for formatting."""
    out: list[str] = []
    in_list = False
    for line in escaped.split("\n"):
        item = line.startswith("- ")
        if in_list and not item:
            out.append("</ul>")
            in_list = False
        m = _HEADING_LINE.match(line)
        if m:
            out.append(f'<div style="font-weight:600;margin-top:.5em">{m.group(1)}'
                       f'<span style="font-weight:400;opacity:.7">{m.group(2)}</span></div>')
        elif item:
            if not in_list:
                out.append('<ul style="margin:.2em 0 .2em 1.2em;padding:0">')
                in_list = True
            out.append(f"<li>{line[2:]}</li>")
        elif line.strip():
            out.append(f"<div>{line}</div>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def friendly_error(exc: BaseException, lang: str = "sv") -> str:
    """What to show an official: the AssistantError text (written for them), or a generic
    message for anything unexpected, whose traceback goes to the log only."""
    if isinstance(exc, AssistantError):
        return str(exc)
    log.exception("Unexpected error in the UI", exc_info=exc)
    return t("unexpected_error", lang)


# -- eval page ------------------------------------------------------------------
PERCENT_METRICS = ("answer", "citation", "refusal_precision", "refusal_recall", "page_hit1", "page_hit5", "page_mrr",
                   "chunk_hit1", "chunk_hit5", "chunk_mrr", "faithfulness", "relevancy")


def eval_out_dir() -> Path | None:
    """Where the eval page reads and writes results: $ASSISTANT_EVAL_DIR, else the runner's default."""
    env = os.environ.get("ASSISTANT_EVAL_DIR")
    return Path(env) if env else None


def format_metric(name: str, value: Any) -> str:
    if value is None:
        return "–"
    if name in PERCENT_METRICS and isinstance(value, int | float):
        return f"{value:.0%}" if name not in ("page_mrr", "chunk_mrr") else f"{value:.2f}"
    if name.endswith("_ms") and isinstance(value, int | float):
        return f"{value:.0f} ms"
    return str(value)


def metric_label(name: str, lang: str = "sv") -> str:
    """A metric's name for officials (never a raw key like page_hit1 in a Swedish chart)."""
    label = t(f"metric_{name}", lang)
    return label if label != f"metric_{name}" else name.replace("_", " ").capitalize()


def metric_rows(overall: Mapping[str, Any], lang: str = "sv") -> list[dict[str, str]]:
    """The overall metrics as (metric, value) rows for a table, named for officials."""
    return [{"metric": metric_label(k, lang), "value": format_metric(k, v)} for k, v in overall.items()]


def kind_chart_data(by_kind: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, float]]:
    """Per kind: the 0–1 quality metrics that were measured, for one bar chart each."""
    out: dict[str, dict[str, float]] = {}
    for kind, metrics in by_kind.items():
        out[kind] = {m: float(metrics[m]) for m in PERCENT_METRICS
                     if isinstance(metrics.get(m), int | float) and not m.endswith("_mrr")}
    return out


def item_ok(item: Mapping[str, Any]) -> bool:
    """An eval item passed: the runner's "ok", else every measured check in "passed"."""
    if "ok" in item:
        return bool(item["ok"])
    passed = item.get("passed")
    if isinstance(passed, Mapping):
        return all(v is not False for v in passed.values())
    return bool(passed)


def failing_items(results: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [it for it in results.get("items") or [] if not item_ok(it)]


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$<>])")


def md_escape(text: str) -> str:
    """User or report text shown through st.markdown without being read as Markdown/LaTeX."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def latency_label(ms: float, lang: str = "sv") -> str:
    secs = ms / 1000
    return f"{secs:.1f} s".replace(".", ",") if lang == "sv" else f"{secs:.1f} s"


def scope_label(message: Mapping[str, Any], lang: str = "sv") -> str:
    """Where the answer was searched, in the UI language (the answer's own scope is in the answer's)."""
    filters = message.get("filters")
    return filters.describe(lang) if isinstance(filters, Filters) else (Filters().describe(lang) if
                                                                         "filters" in message else message["scope"])
