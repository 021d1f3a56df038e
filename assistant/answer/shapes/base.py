"""What every shape's composer gets and gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.answer.extractive import ExtractiveAnswerer, Unit
from assistant.answer.library import Library
from assistant.answer.points import Point, render, report_order
from assistant.answer.question import Question
from assistant.models import Citation, Filters
from assistant.retrieval import IndexedChunk


@dataclass
class Context:
    """One question's inputs to a composer (never stored on shared objects)."""

    library: Library
    scorer: ExtractiveAnswerer
    q: Question
    filters: Filters | None

    def position(self) -> Any:
        """A chunk's place in the report: the rank of its heading in the parsed outline
        (the vector store does not keep insertion order)."""
        return chunk_position(self.library)

    def render(self, points: list[Point], lead: str = "", first_n: int = 1) -> tuple[str, list[Citation]]:
        return render(points, self.scorer.citation, report_order(self.position()), lead, first_n)


def chunk_position(library: Library) -> Any:
    """chunk id -> its heading's rank in the outline of its report (then its place in the index)."""
    ranks: dict[str, int] = {}
    for source in library.index.sources:
        headings = library.outline(source).get("headings", [])
        for c in library.index.chunks:
            if c.meta.get("source") != source:
                continue
            title, page = str(c.meta.get("heading") or ""), c.page
            best = None
            for i, (h, p) in enumerate(headings):
                if h == title and p <= page:
                    best = i  # the last such heading at or before the chunk's page
            ranks[c.id] = best if best is not None else 0
    order = {c.id: i for i, c in enumerate(library.index.chunks)}
    return lambda cid: ranks.get(cid, 0) * 10_000 + order.get(cid, 0)


@dataclass
class Composition:
    """A composed answer before the judge: its text, citations and the evidence it rests on."""

    text: str
    citations: list[Citation]
    evidence: list[Unit]  # the cited units, best first (the judge reads their coverage)
    rule_ok: bool  # the shape's own acceptance rules were met
    hits: list[tuple[IndexedChunk, float]] = field(default_factory=list)
    span: str | None = None
    coverage: float | None = None  # overrides the evidence's coverage (a summary's span match)
    certain: bool = False  # answered from the parsed outline or a page: nothing to judge
    refused: bool = False  # the shape itself found nothing (e.g. a page that does not exist)
