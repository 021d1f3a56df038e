"""Numbered sources for the prompt, within a token budget.

Ranked chunks are added best first until `llm_context_tokens` is used up; the
first chunk that does not fit is cut at a sentence (text) or a whole row
(tables keep their title and header line, so every row keeps its column
names), and everything ranked below it is dropped. A cut source is always a
prefix of its chunk, so offsets into the chunk (its sentence pages) still hold.

Sources are wrapped in `<source …>` tags inside `<sources>`; a document that
contains such a tag itself has it defused, so it cannot close the data block
and smuggle text into the instructions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.retrieval import IndexedChunk
from ingest.chunking import count_tokens, split_sentences

_TAG = re.compile(r"<\s*(/?)\s*(sources?|källor|källa)\b", re.IGNORECASE)
MIN_TEXT_TOKENS = 24  # a cut text source shorter than this is noise, not context


@dataclass
class Source:
    """One numbered source as the model saw it."""

    n: int
    chunk: IndexedChunk
    text: str  # the (possibly cut) chunk text given to the model: a prefix of chunk.text
    score: float = 0.0

    @property
    def is_table(self) -> bool:
        return self.chunk.meta.get("kind") == "table"

    @property
    def truncated(self) -> bool:
        return len(self.text) < len(self.chunk.text)


def defuse(text: str) -> str:
    """Make tag-like text inert ("<source" becomes "‹source") so a document can't fake a delimiter."""
    return _TAG.sub(lambda m: "‹" + m[1] + m[2], text)


def _attr(value: str) -> str:
    return defuse(value).replace('"', "'").replace("\n", " ").strip()


def render_source(n: int, chunk: IndexedChunk, text: str) -> str:
    """One source block: number, page and section as attributes, the text as data."""
    meta = chunk.meta
    page, page_end = int(meta.get("page", 0) or 0), int(meta.get("page_end", 0) or 0)
    pages = f"{page}–{page_end}" if page_end and page_end != page else str(page)
    attrs = [f'n="{n}"', f'page="{pages}"']
    section = meta.get("section") or meta.get("heading") or ""
    if section:
        attrs.append(f'section="{_attr(str(section))}"')
    if meta.get("goal"):
        attrs.append(f'goal="{_attr(str(meta["goal"]))}"')
    if meta.get("kind") == "table":
        attrs.append('kind="table"')
        if meta.get("table_unit"):
            attrs.append(f'unit="{_attr(str(meta["table_unit"]))}"')
    return f"<source {' '.join(attrs)}>\n{defuse(text.strip())}\n</source>"


def _cut_points(chunk: IndexedChunk) -> list[int]:
    """Offsets where the chunk may be cut: after a whole sentence or table row."""
    text = chunk.text
    if chunk.meta.get("kind") == "table":
        ends = [i for i, ch in enumerate(text) if ch == "\n"] + [len(text)]
        return ends[2:]  # never fewer than title, header and one row
    return [off + len(s) for off, s in split_sentences(text)]


def _fit(n: int, chunk: IndexedChunk, budget: int) -> str | None:
    """The longest cut of the chunk whose rendered block fits the budget, if any worth sending."""
    best: str | None = None
    for end in _cut_points(chunk):
        text = chunk.text[:end]
        if count_tokens(render_source(n, chunk, text)) > budget:
            break
        best = text
    if best is not None and chunk.meta.get("kind") != "table" and count_tokens(best) < MIN_TEXT_TOKENS:
        return None
    return best


def build_sources(hits: Sequence[tuple[IndexedChunk, float]], budget_tokens: int) -> list[Source]:
    """Number the ranked chunks 1..n, best first, within the token budget (duplicates skipped)."""
    sources: list[Source] = []
    used = 0
    seen: set[str] = set()
    for chunk, score in hits:
        key = " ".join(chunk.text.split())
        if not key or key in seen:
            continue
        n = len(sources) + 1
        cost = count_tokens(render_source(n, chunk, chunk.text)) + 1
        if used + cost <= budget_tokens:
            sources.append(Source(n, chunk, chunk.text, score))
            seen.add(key)
            used += cost
            continue
        cut = _fit(n, chunk, budget_tokens - used - 1)
        if cut:
            sources.append(Source(n, chunk, cut, score))
        break  # lower-ranked chunks are dropped first
    return sources


def render_sources(sources: Sequence[Source]) -> str:
    return "\n\n".join(render_source(s.n, s.chunk, s.text) for s in sources)
