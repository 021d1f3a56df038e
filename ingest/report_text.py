"""Read a report's extracted text and give every line its page number.

The extractor marks a new page with a leading single space on the page's
first line (see data/reports and ../shared/report/README.md); the surviving
running headers (`Delårsrapport 2025, Kommunstyrelsen 12(47)`) both start a
page and anchor the numbering, so the first page's number is derived from
them rather than assumed.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Line

RUNNING_HEADER = re.compile(r"^\s*(?P<title>.+?)\s+(?P<page>\d{1,4})\((?P<total>\d{1,4})\)\s*$")
# Status lines carry a leading space from a lost icon; they are not page starts.
STATUS_LINE = re.compile(r"^\s(Förväntas uppnås|Förväntas delvis uppnås|Förväntas inte uppnås)\s*$")
MAX_BYTES = 50_000_000


def check_file(p: Path, max_bytes: int, too_big_hint: str = "") -> int:
    """The checks every report file gets before a parser sees it; returns its size."""
    if not p.exists():
        raise IngestError(f"Filen finns inte: {p}. Kontrollera sökvägen.")
    if p.is_dir():
        raise IngestError(f"{p} är en mapp; ange en rapportfil (.txt eller .pdf).")
    size = p.stat().st_size
    if size == 0:
        raise IngestError(f"Filen är tom: {p}. Ladda ned eller exportera rapporten på nytt.")
    if size > max_bytes:
        raise IngestError(f"Filen är för stor ({size} byte): {p}.{too_big_hint}")
    return size


def read_text_file(path: str | Path) -> str:
    """Return the text of a report file, or raise IngestError saying why not."""
    p = Path(path)
    check_file(p, MAX_BYTES)
    raw = p.read_bytes()
    if b"\x00" in raw[:65536]:
        raise IngestError(
            f"{p} ser ut att vara en binärfil, inte text. Ange rapportens text (.txt) eller PDF."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{p} är varken UTF-8 eller Windows-1252-text.") from exc
    if not text.strip():
        raise IngestError(f"Filen innehåller ingen text: {p}.")
    return text


def is_page_start(line: str) -> bool:
    return line.startswith(" ") and not line.startswith("  ") and not STATUS_LINE.match(line)


def paginate(text: str, warnings: list[str] | None = None) -> tuple[list[Line], int | None, str | None]:
    """Split text into lines with page numbers; return them, the page total
    and the report title printed in the running header (if any).

    Running headers are dropped from the lines (they are furniture, not
    content) but used to fix the numbering and to check it.
    """
    warnings = warnings if warnings is not None else []
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while raw_lines and not raw_lines[-1].strip():
        raw_lines.pop()
    # First pass: relative page index of every line (0 for the first page).
    rel: list[int] = []
    starts: list[bool] = []
    headers: list[tuple[int, int, int]] = []  # (line index, printed page, total)
    title: str | None = None
    index = 0
    for i, line in enumerate(raw_lines):
        header = RUNNING_HEADER.match(line) if "(" in line else None
        start = i > 0 and (bool(header) or is_page_start(line))
        if start:
            index += 1
        if header:
            headers.append((i, int(header["page"]), int(header["total"])))
            title = title or header["title"].strip()
        rel.append(index)
        starts.append(start or i == 0)
    offset = 1
    total: int | None = None
    if headers:
        i, printed, total = headers[0]
        offset = printed - rel[i]
        for j, printed_j, _ in headers[1:]:
            if rel[j] + offset != printed_j:
                warnings.append(
                    f"Sidhuvudet {printed_j}({total}) stämmer inte med sidräkningen "
                    f"({rel[j] + offset}); sidnumren kan vara förskjutna."
                )
    lines = [
        Line(text=raw.lstrip(" ") if s else raw, page=r + offset, page_start=s)
        for k, (raw, r, s) in enumerate(zip(raw_lines, rel, starts, strict=True))
        if k not in {h[0] for h in headers}
    ]
    return lines, total, title


def page_texts(lines: list[Line]) -> dict[int, str]:
    """The text of each page, for 'show the whole page' in the UI."""
    pages: dict[int, list[str]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line.text.rstrip())
    return {p: "\n".join(ls).strip() for p, ls in pages.items()}
