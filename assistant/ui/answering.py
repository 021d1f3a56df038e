"""What the chat shows around an answer: how sure it is, whether the scope hid the answer, and checks on
the question before it is asked. Pure functions (no Streamlit), unit-tested in tests/ui/test_answering.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.models import Answer, Filters, Turn
from assistant.ui.i18n import t


# -- how sure --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sureness:
    """How an answer's confidence level is shown: label, badge colour and icon, and what may be offered."""

    level: str  # sure | check | none
    label: str
    color: str
    icon: str

    @property
    def show_sources(self) -> bool:
        """Citation chips, source cards and the memo: never for a refused answer (nothing to cite)."""
        return self.level != "none"


def sureness(answer: Answer, lang: str = "sv") -> Sureness:
    """The plain label for the answer's confidence level; a weak match never looks like a sure one."""
    level = answer.confidence_level
    if level == "none" or answer.shape == "out_of_scope":
        return Sureness("none", t("sure_none", lang), "gray", ":material/block:")
    if level == "check":
        return Sureness("check", t("sure_check", lang), "orange", ":material/warning:")
    return Sureness("sure", t("sure_sure", lang), "green", ":material/verified:")


def sureness_help(answer: Answer, lang: str = "sv") -> str:
    """The number behind the label, for the tooltip (None: the answer was not judged)."""
    if answer.confidence is None:
        return t("sure_unjudged", lang)
    return t("sure_prob", lang, p=f"{answer.confidence:.0%}".replace("%", " %") if lang == "sv" else
             f"{answer.confidence:.0%}")


# -- scope ---------------------------------------------------------------------------------------------
def narrowed(filters: Filters | None) -> bool:
    """Whether the search was narrowed by a scope the official chose beyond the report (goal area, goal, pages)."""
    if filters is None:
        return False
    wide = filters.scope_only()
    return (filters.goal_area, filters.goal, filters.page_from, filters.page_to) != (
        wide.goal_area, wide.goal, wide.page_from, wide.page_to)


def ask_wider(assistant: Any, answer: Answer, question: str, history: list[Turn] | None,
              filters: Filters | None) -> Answer | None:
    """When the scoped search refused, ask again without the scope (report and viewer kept); the wider
    answer when it answers, else None. The caller offers it with one click instead of the refusal."""
    if not answer.refused or not narrowed(filters):
        return None
    assert filters is not None
    wider = assistant.ask(question, history=history or [], filters=filters.scope_only())
    return None if wider.refused else wider


# -- the question -------------------------------------------------------------------------------------
def too_long(question: str, max_chars: int) -> bool:
    return len(question) > max_chars


def shorten_hint(question: str, max_chars: int, lang: str = "sv") -> str:
    """The message for a question over the limit (the text itself stays in the box for editing)."""
    return t("too_long", lang, n=len(question), max=max_chars)


# -- "Fler rapporter svarar nästan lika bra" -----------------------------------------------------------------
def disambiguate_notice(notice: str | None, records: Sequence[Any], lang: str = "sv") -> str | None:
    """The extractive answer names other reports by title; when two reports share a title (the same report as
    text and as PDF), add their file names so the official knows which is which."""
    if not notice:
        return notice
    by_title: dict[str, list[str]] = {}
    for r in records:
        if getattr(r, "title", ""):
            by_title.setdefault(r.title, []).append(r.source)
    clashes = [(title, sources) for title, sources in by_title.items()
               if len(sources) > 1 and re.search(re.escape(title), notice)]
    if not clashes:
        return notice
    extra = " ".join(t("same_title", lang, title=title, files=", ".join(sorted(sources)))
                     for title, sources in clashes)
    return f"{notice} {extra}"
