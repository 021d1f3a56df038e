"""Cut the parsed report into chunks that follow its structure.

A chunk never spans two sections (so never two goals); sections are packed
up to a token budget counted with tiktoken's `cl100k_base`, which llama-index
ships in its package (no download). Tables become their own chunks, each
starting with the table's title and header line; a long table is split by
rows with the header repeated.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ingest.model import Context, PagedText, ParsedReport, Table

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9\"”•(])|(?<=\S)\s+(?=•)")


@lru_cache(maxsize=1)
def _encoding():
    import llama_index.core
    import tiktoken

    cache = Path(llama_index.core.__file__).parent / "_static" / "tiktoken_cache"
    os.environ.setdefault("TIKTOKEN_CACHE_DIR", str(cache))
    return tiktoken.get_encoding("cl100k_base")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


@dataclass
class Chunk:
    id: str
    text: str  # shown and quoted; BM25 also indexes `search_text`
    search_text: str
    embed_text: str
    kind: str
    context: Context
    marks: list[tuple[int, int]]
    source: str
    title: str
    year: int | None
    extra: dict = field(default_factory=dict)

    @property
    def page(self) -> int:
        return self.marks[0][1]

    @property
    def page_end(self) -> int:
        return PagedText(self.text, self.marks).last_page

    def metadata(self) -> dict:
        """Chroma metadata: scalars only (lists travel as JSON strings)."""
        meta = {
            "source": self.source,
            "report_title": self.title,
            "year": self.year or 0,
            "page": self.page,
            "page_end": self.page_end,
            "section": self.context.section,
            "heading": self.context.path[-1] if self.context.path else "",
            "goal": self.context.goal or "",
            "goal_area": self.context.goal_area or "",
            "kind": self.kind,
            "sentence_pages": json.dumps(self.marks),
        }
        meta.update(self.extra)
        return meta


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences with their start offsets; paragraphs and rows are boundaries."""
    out: list[tuple[int, str]] = []
    pos = 0
    for para in re.split(r"(\n+)", text):
        if not para.strip() or para.startswith("\n"):
            pos += len(para)
            continue
        start = 0
        for m in SENTENCE_END.finditer(para):
            piece = para[start:m.start()]
            if piece.strip():
                out.append((pos + start, piece.strip()))
            start = m.end()
        if para[start:].strip():
            out.append((pos + start, para[start:].strip()))
        pos += len(para)
    return out


# a run-in label: a short line of its own, no sentence punctuation ("Personalkostnader + 7 Mkr", "Lokalkostnader -3 Mkr")
LABEL_LINE = re.compile(r"[A-ZÅÄÖ][^.!?:;•]{1,70}")


def is_label(sentence: str, text: str, offset: int) -> bool:
    """Whether a sentence is a line of its own that names what the paragraphs below it are about:
    financial sections explain each deviation under such a label, and "Främsta orsaken till avvikelsen
    är vakanser" only says which deviation through it. A label starts a chunk; the answerer reads the
    sentences under it with its words."""
    rest = text[offset + len(sentence):].lstrip(" ")
    whole_line = (offset == 0 or text[offset - 1] == "\n") and (not rest or rest.startswith("\n"))
    return whole_line and LABEL_LINE.fullmatch(sentence) is not None and len(sentence.split()) <= 8


class Chunker:
    def __init__(self, max_tokens: int = 220, table_max_tokens: int = 320) -> None:
        self.max_tokens = max_tokens
        self.table_max_tokens = table_max_tokens

    def chunk(self, report: ParsedReport) -> list[Chunk]:
        chunks: list[Chunk] = []
        groups: list[tuple[Context, str, PagedText]] = []
        for p in report.passages:
            if groups and groups[-1][0] == p.context and groups[-1][1] == p.kind:
                groups[-1][2].append(p.body, sep="\n")
            else:
                body = PagedText(p.body.text, list(p.body.marks))
                groups.append((p.context, p.kind, body))
        items: list[tuple[int, list[Chunk]]] = []
        for ctx, kind, body in groups:
            items.append((body.first_page, self._text_chunks(report, ctx, kind, body)))
        for table in report.tables:
            items.append((table.page, self._table_chunks(report, table)))
        for _, cs in sorted(items, key=lambda it: it[0]):
            chunks.extend(cs)
        seen: dict[str, int] = {}
        for c in chunks:  # stable, unique ids: a repeated passage gets a suffix
            base = hashlib.sha1(f"{c.source}|{c.page}|{c.text}".encode()).hexdigest()[:16]
            seen[base] = seen.get(base, 0) + 1
            c.id = base if seen[base] == 1 else f"{base}-{seen[base]}"
        return chunks

    def _make(self, report: ParsedReport, ctx: Context, kind: str, body: PagedText,
              embed_text: str, extra: dict | None = None) -> Chunk:
        heading = ctx.path[-1] if ctx.path else ""
        search = " ".join(x for x in (ctx.goal_area, ctx.goal, ctx.section, body.text) if x)
        return Chunk(
            id="", text=body.text, search_text=search, embed_text=embed_text, kind=kind, context=ctx,
            marks=body.marks or [(0, 0)], source=report.source, title=report.title, year=report.year,
            extra={"heading": heading, **(extra or {})},
        )

    def _text_chunks(self, report: ParsedReport, ctx: Context, kind: str, body: PagedText) -> list[Chunk]:
        prefix = ctx.path[-1] if ctx.path else ""
        if kind == "assessment" and ctx.goal:
            prefix = f"Bedömning av målet {ctx.goal}"
        budget = self.max_tokens - count_tokens(prefix)
        pieces: list[PagedText] = []
        current = PagedText()
        current_tokens = 0
        for offset, sentence in split_sentences(body.text):
            n = count_tokens(sentence)
            if current.text and (current_tokens + n > budget or is_label(sentence, body.text, offset)):
                pieces.append(current)
                current, current_tokens = PagedText(), 0
            sep = "\n" if body.text[max(offset - 1, 0)] == "\n" and current.text else " "
            start = body.text.index(sentence, offset)
            current.append(body.slice(start, start + len(sentence)), sep=sep)
            current_tokens += n
        if current.text:
            pieces.append(current)
        return [self._make(report, ctx, kind, p, f"{prefix}\n{p.text}".strip()) for p in pieces]

    def _table_chunks(self, report: ParsedReport, table: Table) -> list[Chunk]:
        head = f"{table.title}\n{table.header}"
        budget = self.table_max_tokens - count_tokens(head)
        chunks: list[Chunk] = []
        rows: list[tuple[str, int]] = []
        used = 0

        def flush() -> None:
            body = PagedText(head, [(0, rows[0][1])])
            for text, page in rows:
                body.append(PagedText(text, [(0, page)]), sep="\n")
            labels = "; ".join(t.split(":")[0] for t, _ in rows)
            embed = f"{table.title}\n{table.header}\n{labels}"
            extra = {"table_title": table.title, "table_header": table.header, "table_unit": table.unit or ""}
            chunks.append(self._make(report, table.context, "table", body, embed, extra))

        for row in table.rows:
            text = table.row_text(row)
            n = count_tokens(text)
            if rows and used + n > budget:
                flush()
                rows, used = [], 0
            rows.append((text, row.page))
            used += n
        if rows:
            flush()
        return chunks
