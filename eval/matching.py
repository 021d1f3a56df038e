"""Answer and citation checks: a thin layer over `assistant.numbers`, which decides
whether "600 Mkr" in an answer is the "600 miljoner kronor" of the report."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.numbers import fact_in_text


def _get(obj: Any, name: str, default: Any = None) -> Any:
    """Attribute or key: checks run on live Citation objects and on results.json dicts alike."""
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def missing_facts(facts: Iterable[str], text: str) -> list[str]:
    """The facts that do not occur in the text (empty list: all present)."""
    return [f for f in facts if not fact_in_text(f, text or "")]


@dataclass
class CitationCheck:
    ok: bool
    why: list[str] = field(default_factory=list)
    supporting: list[int] = field(default_factory=list)  # citation numbers that carry a fact on a right page


def check_citations(facts: Sequence[str], pages: Sequence[int], citations: Sequence[Any]) -> CitationCheck:
    """Each fact must be in the quote of a citation whose page is an expected page.

    A fact quoted only from a wrong page, or a right page cited without the fact,
    does not count: an official checking the memo must find the number on that page.
    """
    if not citations:
        return CitationCheck(False, ["no citations"])
    expected = set(pages)
    why: list[str] = []
    supporting: set[int] = set()
    for fact in facts:
        quoted_on = [int(_get(c, "page", 0)) for c in citations if fact_in_text(fact, _get(c, "quote", "") or "")]
        right = [c for c in citations if int(_get(c, "page", 0)) in expected
                 and fact_in_text(fact, _get(c, "quote", "") or "")]
        if right:
            supporting.update(int(_get(c, "n", 0)) for c in right)
        elif quoted_on:
            why.append(f"fact {fact!r} quoted from p. {sorted(set(quoted_on))}, expected p. {sorted(expected)}")
        else:
            why.append(f"fact {fact!r} in no cited quote")
    return CitationCheck(not why, why, sorted(supporting))


def covers_page(chunk: Mapping[str, Any], pages: Iterable[int]) -> bool:
    """Whether a retrieved chunk's page range [page, page_end] includes an expected page."""
    first = int(chunk.get("page") or 0)
    last = int(chunk.get("page_end") or first)
    return any(first <= p <= last for p in pages)


def first_rank(retrieved: Sequence[Mapping[str, Any]], hit: Callable[[Mapping[str, Any]], bool]) -> int | None:
    """1-based rank of the first retrieved chunk that is a hit; None when none is."""
    for rank, chunk in enumerate(retrieved, 1):
        if hit(chunk):
            return rank
    return None


def page_rank(retrieved: Sequence[Mapping[str, Any]], pages: Iterable[int]) -> int | None:
    """Rank of the first chunk on an expected page (page-level retrieval)."""
    wanted = list(pages)
    return first_rank(retrieved, lambda c: covers_page(c, wanted))


def chunk_rank(retrieved: Sequence[Mapping[str, Any]], facts: Sequence[str],
               text_of: Callable[[Mapping[str, Any]], str] | None = None) -> int | None:
    """Rank of the first chunk whose text holds every fact (chunk-level retrieval)."""
    get_text = text_of or (lambda c: str(c.get("text") or ""))
    return first_rank(retrieved, lambda c: not missing_facts(facts, get_text(c)))


def covered_points(points: Sequence[Any], citations: Sequence[Any]) -> list[bool]:
    """For each key point: whether a cited quote from one of its pages holds one of its alternatives."""
    out = []
    for pt in points:
        alts = _get(pt, "any", ()) or ()
        pages = {int(p) for p in (_get(pt, "pages", ()) or ())}
        out.append(any(int(_get(c, "page", 0)) in pages and any(fact_in_text(a, _get(c, "quote", "") or "")
                                                                  for a in alts) for c in citations))
    return out
