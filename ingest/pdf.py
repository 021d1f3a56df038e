"""Read a report PDF into the same `Line` stream the text path produces.

`parse_structure` was written against a PDF-to-text extractor's output
(../shared/report/README.md), so this module re-creates that output's
conventions from the PDF's layout instead of teaching the parser a second
format: one line per printed line in reading order; a trailing space unless
the line breaks inside a hyphenated word; blank lines where the vertical gap
between lines says "new paragraph"; `page_start` on each page's first line.
What a text dump loses, the PDF still has, and we use it: bold or larger
lines become paragraphs of their own (so headings are not glued to body
text), ruled tables are re-emitted as one header line plus one line per row
in the "label v1 v2 v3" shape ingest/tables.py reads, and the running header
"Title N(M)" gives the printed page number and the title.

pdfplumber (pdfminer) does the reading: it is the library that gives
per-character font, size and position and finds ruled tables. See
docs/pdf.md for the measurements behind that choice.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from ingest.errors import IngestError
from ingest.model import Line
from ingest.report_text import MAX_BYTES, RUNNING_HEADER, check_file

NO_TEXT_LAYER = "PDF:en saknar textlager – kör OCR först"
MIN_TEXT_CHARS = 20  # fewer visible characters than this in the whole file: a scan
MARGIN_SHARE = 0.1  # top/bottom share of a page where running headers and footers live
HEADING_SIZE = 1.15  # a line this much larger than the body text is a heading
BOLD_SHARE = 0.6  # share of a line's characters in a bold face for the line to count as bold
BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi|[-,+]bd\b|bd$", re.IGNORECASE)
BARE_PAGE_NUMBER = re.compile(r"^(?:sida\s+)?(?P<page>\d{1,4})(?:\s*(?:\(|/|av)\s*(?P<total>\d{1,4})\)?)?$", re.IGNORECASE)
TOC_LEADER = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}$|…\s*\d{1,4}$")
YEARISH = re.compile(r"^\(?(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?\)?$")
NUMBER = re.compile(r"^[-+−–]?\d[\d\s]*(?:[,.]\d+)?\s*%?$")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# a glyph without a Unicode mapping comes out of pdfminer as "(cid:127)"; at the start of a line it is a
# bullet (Wingdings/Symbol), anywhere else it carries no text we can recover
CID = re.compile(r"\(cid:\d+\)")
CHAR_FIXES = {"\u00ad": "", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
# Document-properties titles that name the tool or the file, not the report.
JUNK_TITLE = re.compile(r"^(?:untitled|namnlös|(?:dokument|document)\s*\d*|microsoft word\b.*|.*\.(?:docx?|pdf|indd))$",
                        re.IGNORECASE)
CLOSERS = (",", ".", ";", ":", ")", "%")


# -- data read from the PDF ---------------------------------------------------------------------


@dataclass
class TextLine:
    """One printed line, with what the layout says about it."""

    text: str
    top: float
    bottom: float
    x0: float
    x1: float
    size: float
    bold: bool
    trailing_space: bool  # the PDF drew a space after the last word (Word does, at soft line breaks)

    @property
    def hyphen_break(self) -> bool:
        """A word broken at a hyphen: the text path writes these without a trailing space."""
        t = self.text
        return len(t) > 1 and t.endswith("-") and t[-2].isalpha() and not self.trailing_space


@dataclass
class TableBlock:
    top: float
    bottom: float
    rows: list[list[str]]


@dataclass
class PageData:
    index: int  # 0-based position in the file
    lines: list[TextLine] = field(default_factory=list)
    tables: list[TableBlock] = field(default_factory=list)
    margin: list[TextLine] = field(default_factory=list)  # lines in the header/footer band
    printed: int | None = None
    title: str | None = None
    chars: int = 0
    images: int = 0


# -- entry point ---------------------------------------------------------------------------------


def read_pdf_lines(path: str | Path, warnings: list[str]) -> tuple[list[Line], str | None]:
    """Lines of a report PDF with real page numbers, and the report title if the PDF names it.

    Raises IngestError (Swedish, says what to do) for files that are not
    PDFs, are cut short, are encrypted or have no text layer.
    """
    p = Path(path)
    data = _load(p)
    pages, meta_title = _read_pages(p, data)
    if sum(pg.chars for pg in pages) < MIN_TEXT_CHARS:
        raise IngestError(
            f"{NO_TEXT_LAYER} (t.ex. med ocrmypdf eller Adobe Acrobat) och läs sedan in den nya filen. "
            f"{p.name} består bara av bilder, som en inskannad rapport. Indexet har inte ändrats."
        )
    for pg in pages:
        if pg.chars == 0 and pg.images:
            warnings.append(
                f"Sida {pg.index + 1} i {p.name} är en bild utan text (inskannad?) och kunde inte läsas; "
                "kör OCR på PDF:en om sidan behövs."
            )
    _drop_furniture(pages)
    _bold_only_if_rare(pages)
    numbers = _page_numbers(pages, warnings)
    body_size = _body_size(pages)
    gap_ratio = _paragraph_gap_ratio(pages, body_size)
    lines: list[Line] = []
    previous_table: tuple[list[str], bool] | None = None  # (header, table ended its page)
    for pg, number in zip(pages, numbers, strict=True):
        texts, previous_table = _page_texts(pg, body_size, gap_ratio, previous_table)
        while texts and not texts[-1].strip():
            texts.pop()
        first = True
        for t in texts:
            if first and not t.strip():
                continue
            lines.append(Line(text=t, page=number, page_start=first))
            first = False
    titles = Counter(pg.title for pg in pages if pg.title)
    title = titles.most_common(1)[0][0] if titles else meta_title
    return lines, title


# -- opening and validating -----------------------------------------------------------------------


def _load(p: Path) -> bytes:
    """The file's bytes, after the checks that need no PDF parser."""
    check_file(p, MAX_BYTES, " Dela upp rapporten eller komprimera PDF:en.")
    data = p.read_bytes()
    if b"%PDF-" not in data[:1024]:
        head = data[:512].lstrip().lower()
        if head.startswith((b"<!doctype", b"<html", b"<?xml")):
            kind = " Den är en webbsida (HTML) – ofta en felsida som sparats i stället för rapporten."
        elif head.startswith(b"pk\x03\x04"):
            kind = " Den är ett zip-/Office-dokument (t.ex. Word); spara den som PDF först."
        else:
            kind = ""
        raise IngestError(
            f"{p.name} är ingen PDF trots filändelsen .pdf (filen börjar inte med %PDF).{kind} "
            "Kontrollera att du valt rätt fil, eller ladda ned rapporten som PDF på nytt."
        )
    if b"%%EOF" not in data[-2048:]:
        raise IngestError(
            f"PDF:en {p.name} är ofullständig – slutet av filen saknas (avbruten nedladdning eller kopiering?). "
            "Ladda ned eller exportera rapporten på nytt och läs in den igen."
        )
    return data


def _read_pages(p: Path, data: bytes) -> tuple[list[PageData], str | None]:
    """Parse every page; turn the parser's exceptions into messages an official can act on."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            meta = pdf.metadata.get("Title") if isinstance(pdf.metadata, dict) else None
            pages = []
            for i, page in enumerate(pdf.pages):
                pages.append(_read_page(page, i))
                page.close()  # drop the page's cached layout objects; large reports stay small in memory
    except IngestError:
        raise
    except Exception as exc:
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError) or "password" in str(cause).lower():
            raise IngestError(
                f"PDF:en {p.name} är lösenordsskyddad (krypterad) och kan inte läsas. Öppna den med lösenordet, "
                "spara en kopia utan lösenordsskydd och läs in kopian."
            ) from exc
        raise IngestError(
            f"PDF:en {p.name} är skadad och kan inte läsas ({type(cause).__name__}: {cause}). "
            "Ladda ned eller exportera rapporten på nytt."
        ) from exc
    title = meta.strip() if isinstance(meta, str) else ""
    return pages, (title if len(title) >= 4 and not JUNK_TITLE.match(title) else None)


def _read_page(page: Any, index: int) -> PageData:
    """Text lines outside tables, the ruled tables, and the header/footer band of one page."""
    chars = [c for c in page.chars if c.get("upright", True) and c.get("text")]
    out = PageData(index=index, chars=sum(1 for c in chars if not c["text"].isspace()), images=len(page.images))
    if not out.chars:
        return out
    tables: list[tuple[tuple[float, float, float, float], TableBlock]] = []
    for t in page.find_tables():
        block = _table_block(t, chars)
        if block is not None:
            tables.append((t.bbox, block))
    outside = [c for c in chars if not any(_inside(c, bbox) for bbox, _ in tables)]
    band = page.height * MARGIN_SHARE
    for line in group_lines(outside):
        if line.bottom < band or line.top > page.height - band:
            out.margin.append(line)
        else:
            out.lines.append(line)
    out.tables = [b for _, b in tables]
    return out


def _inside(c: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x = (c["x0"] + c["x1"]) / 2
    y = (c["top"] + c["bottom"]) / 2
    return bbox[0] - 1 <= x <= bbox[2] + 1 and bbox[1] - 1 <= y <= bbox[3] + 1


def _table_block(table: Any, chars: list[dict[str, Any]]) -> TableBlock | None:
    """A ruled table's cell texts, or None for a frame that is not a data table (one column or one row)."""
    inside = [c for c in chars if _inside(c, table.bbox)]
    rows: list[list[str]] = []
    for row in table.rows:
        cells = []
        for bbox in row.cells:
            if bbox is None:
                cells.append("")
                continue
            cell_chars = [c for c in inside if _inside(c, bbox)]
            cells.append(join_cell(group_lines(cell_chars), bbox[2] - bbox[0]))
        rows.append(cells)
    rows = [r for r in rows if any(r)]
    width = max((sum(1 for c in r if c) for r in rows), default=0)
    if len(rows) < 2 or width < 2:
        return None
    return TableBlock(top=table.bbox[1], bottom=table.bbox[3], rows=rows)


# -- characters to lines ---------------------------------------------------------------------------


def group_lines(chars: list[dict[str, Any]]) -> list[TextLine]:
    """Cluster characters into printed lines (by vertical overlap) and spell each line out.

    Spaces come from the PDF's own space glyphs where it has them, else from
    horizontal gaps; a superscript overlaps its line and stays in it.
    """
    rows: list[list[dict[str, Any]]] = []
    bounds: list[list[float]] = []
    for c in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        h = max(c["bottom"] - c["top"], 0.1)
        for k in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom = bounds[k]
            overlap = min(bottom, c["bottom"]) - max(top, c["top"])
            if overlap >= 0.5 * min(h, bottom - top):
                rows[k].append(c)
                bounds[k] = [min(top, c["top"]), max(bottom, c["bottom"])]
                break
        else:
            rows.append([c])
            bounds.append([c["top"], c["bottom"]])
    lines = [_spell(row) for row in rows]
    return sorted((ln for ln in lines if ln.text), key=lambda ln: ln.top)


def _spell(row: list[dict[str, Any]]) -> TextLine:
    row = sorted(row, key=lambda c: c["x0"])
    parts: list[str] = []
    prev: dict[str, Any] | None = None
    for c in row:
        t = c["text"]
        if CID.fullmatch(t):
            if parts and "".join(parts).strip():
                continue
            t = "•"
        if prev is not None:
            if t == prev["text"] and abs(c["x0"] - prev["x0"]) < 0.5 and abs(c["top"] - prev["top"]) < 0.5:
                continue  # overprinted duplicate (fake bold)
            gap = c["x0"] - prev["x1"]
            if not t.isspace() and not prev["text"].isspace() and gap > 0.2 * c["size"]:
                parts.append(" ")
        parts.append(t)
        prev = c
    raw = "".join(CHAR_FIXES.get(ch, ch) for ch in "".join(parts))
    trailing = raw != raw.rstrip()
    text = SPACES.sub(" ", raw).strip()
    visible = [c for c in row if not c["text"].isspace()] or row
    size = statistics.median(c["size"] for c in visible)
    bold = sum(1 for c in visible if BOLD_FONT.search(c.get("fontname", ""))) >= BOLD_SHARE * len(visible)
    ink = [c for c in row if not c["text"].isspace()] or row
    return TextLine(
        text=text, top=min(c["top"] for c in row), bottom=max(c["bottom"] for c in row),
        x0=min(c["x0"] for c in ink), x1=max(c["x1"] for c in ink), size=size, bold=bold, trailing_space=trailing,
    )


def join_cell(lines: list[TextLine], width: float) -> str:
    """A table cell's lines, one per "\n", with words broken across lines rejoined.

    A word too long for its cell is broken wherever the cell ends
    ("kompetensförsö" / "rjning"): a line that is one word filling the
    cell, followed by lowercase, continues without a space; so does a
    hyphen break, and a line that starts with a comma or full stop.
    """
    out = ""
    for i, ln in enumerate(lines):
        prev = lines[i - 1] if i else None
        if prev is None:
            out = ln.text
        elif ln.text.startswith(CLOSERS) or (ln.text[:1].islower() and (
            prev.hyphen_break
            or (" " not in prev.text and not prev.trailing_space and prev.x1 - prev.x0 >= 0.8 * width)
        )):
            out += ln.text
        else:
            out += "\n" + ln.text
    return out.strip()


# -- page furniture and numbering -----------------------------------------------------------------


def _drop_furniture(pages: list[PageData]) -> None:
    """Read page numbers and titles from the header/footer band; keep lines that are not repeated furniture.

    A band line that matches "Title N(M)" or a bare page number is furniture;
    so is any band text that recurs (digits aside) on half the pages or more.
    """
    recurring = Counter()
    for pg in pages:
        recurring.update({re.sub(r"\d+", "#", ln.text) for ln in pg.margin})
    limit = max(3, len(pages) // 2)
    for pg in pages:
        keep: list[TextLine] = []
        for ln in pg.margin:
            m = RUNNING_HEADER.match(ln.text) if "(" in ln.text else None
            bare = BARE_PAGE_NUMBER.match(ln.text)
            if m:
                pg.printed, pg.title = int(m["page"]), m["title"].strip()
            elif bare and not YEARISH.match(ln.text) and int(bare["page"]) <= len(pages) + 50:
                pg.printed = pg.printed or int(bare["page"])
            elif recurring[re.sub(r"\d+", "#", ln.text)] < limit:
                keep.append(ln)
        # Text in the band that is not furniture (a heading set high on the page) is content.
        pg.lines = sorted(keep + pg.lines, key=lambda ln: ln.top)
        pg.margin = []
        pg.lines = [ln for ln in pg.lines if not TOC_LEADER.search(ln.text)]


def _page_numbers(pages: list[PageData], warnings: list[str]) -> list[int]:
    """Printed numbers where a page shows one; elsewhere its position, shifted to agree with the printed ones.

    Falls back to the position in the file when printed numbers would not name pages uniquely.
    """
    known = [(pg.index, pg.printed) for pg in pages if pg.printed is not None]
    if not known:
        return [pg.index + 1 for pg in pages]
    offsets = Counter(printed - index for index, printed in known)
    offset, _ = offsets.most_common(1)[0]
    if len(offsets) > 1:
        odd = [f"{printed} (sida {index + 1} i filen)" for index, printed in known if printed - index != offset]
        warnings.append(
            "Sidnumren i sidhuvudet följer inte sidordningen i PDF:en: " + ", ".join(odd[:5])
            + ". Citaten använder det tryckta sidnumret där det finns."
        )
    numbers = [pg.printed if pg.printed is not None else pg.index + offset for pg in pages]
    if min(numbers) < 1 or any(b <= a for a, b in pairwise(numbers)):
        # Numbering that starts after unnumbered front matter, or restarts: a cited page must name one page.
        warnings.append(
            "De tryckta sidnumren i PDF:en börjar inte på första sidan eller börjar om; citaten använder "
            "PDF:ens sidordning (sida 1 = första sidan i filen)."
        )
        return [pg.index + 1 for pg in pages]
    return numbers


# -- layout to text conventions --------------------------------------------------------------------


def _body_size(pages: list[PageData]) -> float:
    sizes = Counter()
    for pg in pages:
        for ln in pg.lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _bold_only_if_rare(pages: list[PageData]) -> None:
    """In a document set mostly in bold, bold says nothing about headings; size still does."""
    lines = [ln for pg in pages for ln in pg.lines]
    bold = sum(len(ln.text) for ln in lines if ln.bold)
    if bold > 0.5 * sum(len(ln.text) for ln in lines):
        for ln in lines:
            ln.bold = False


def _is_heading(ln: TextLine, body_size: float) -> bool:
    return (ln.bold or ln.size >= body_size * HEADING_SIZE) and sum(ch.isalpha() for ch in ln.text) >= 2


def _paragraph_gap_ratio(pages: list[PageData], body_size: float) -> float:
    """Gap between lines, relative to font size, above which a new paragraph starts.

    The most common gap between consecutive body lines is the line spacing
    inside a paragraph; a paragraph break adds roughly half a line or more.
    """
    ratios = Counter()
    for pg in pages:
        for a, b in pairwise(pg.lines):
            if _is_heading(a, body_size) or _is_heading(b, body_size) or abs(a.size - b.size) > 0.5:
                continue
            gap = (b.top - a.bottom) / a.size
            if gap >= -0.2:
                ratios[round(gap, 1)] += 1
    inside = ratios.most_common(1)[0][0] if ratios else 0.3
    return inside + 0.35


def _row_text(cells: list[str]) -> str:
    return " ".join(c.replace("\n", " ") for c in cells if c)


def _data_row_text(cells: list[str]) -> str:
    """A data row's cells as the text export prints them: an empty cell between others leaves a wide gap
    ("Kommunbidrag 171,4 338,9  510,3"), and empty cells at the end a space each before the line's own
    ("Beredskapsförmåga 5 000      "), which tables.py reads as those empty columns."""
    texts = [c.replace("\n", " ") for c in cells]
    trailing = 0
    while texts and not texts[-1]:
        texts.pop()
        trailing += 1
    first = next((i for i, t in enumerate(texts) if t), len(texts))
    return " ".join(texts[first:]) + (" " * trailing if texts[first:] else "")


def _row_lines(cells: list[str]) -> list[str]:
    """A data row as the text path shows it: "label v1 v2 v3", then any text after the last value
    (a comment column) on lines of its own, which tables.py appends to the row's comment."""
    last = max((i for i, c in enumerate(cells) if _is_value(c)), default=None)
    if last is None or last == len(cells) - 1 or not any(cells[last + 1:]):  # (empty cells after the last value)
        return [_data_row_text(cells)]
    tail = [seg for c in cells[last + 1:] if c for seg in c.split("\n")]
    return [_data_row_text(cells[: last + 1]), *tail]


def _is_value(cell: str) -> bool:
    return bool(NUMBER.match(cell)) and "\n" not in cell and not YEARISH.match(cell)


def _header_rows(rows: list[list[str]]) -> int:
    """How many leading rows are the column header: rows without values (years aside) before the data.

    A second header row (a unit or year under each column) has an empty label cell.
    """
    if not rows or any(_is_value(c) for c in rows[0][1:]):
        return 0
    n = 1
    while n < len(rows) - 1 and not rows[n][0] and any(rows[n][1:]) and not any(_is_value(c) for c in rows[n]):
        n += 1
    return n


def _table_texts(block: TableBlock, continues: list[str] | None) -> tuple[list[str], list[str] | None]:
    """The lines the text path would show for a table: header line, then one line per row, blank-separated.

    An empty label cell in the header becomes the two leading spaces that
    tables.py reads as "every header word names a value column". A header
    repeated at the top of a page after the same table ended the last page is
    dropped, so the table continues instead of starting again.
    """
    n = _header_rows(block.rows)
    header_cells: list[str] | None = None
    if n:
        width = max(len(r) for r in block.rows[:n])
        header_cells = [
            " ".join(r[i].replace("\n", " ") for r in block.rows[:n] if i < len(r) and r[i]).strip() for i in range(width)
        ]
    out: list[str] = [""]
    if header_cells is not None and header_cells != continues:
        line = _row_text(header_cells)
        out += [("  " if not header_cells[0] else "") + line + " ", ""]
    for row in block.rows[n:]:
        texts = [t for t in _row_lines(row) if t]
        if texts:
            out += [t + " " for t in texts] + [""]
    return out, header_cells or continues


def _page_texts(pg: PageData, body_size: float, gap_ratio: float,
                previous_table: tuple[list[str], bool] | None) -> tuple[list[str], tuple[list[str], bool] | None]:
    """The page as text lines ("" = blank line) in reading order, top to bottom."""
    items: list[tuple[float, TextLine | TableBlock]] = [(ln.top, ln) for ln in pg.lines]
    items += [(t.top, t) for t in pg.tables]
    items.sort(key=lambda it: it[0])
    out: list[str] = []
    prev: TextLine | TableBlock | None = None
    last_table: tuple[list[str], bool] | None = None
    for k, (_, item) in enumerate(items):
        if isinstance(item, TableBlock):
            carry = previous_table[0] if previous_table and previous_table[1] and k == 0 else None
            texts, header = _table_texts(item, carry)
            out += texts
            last_table = (header or [], k == len(items) - 1)
            prev = item
            continue
        if isinstance(prev, TextLine):
            heading, was_heading = _is_heading(item, body_size), _is_heading(prev, body_size)
            style_change = (heading or was_heading) and (
                heading != was_heading or abs(item.size - prev.size) > 0.5 or item.bold != prev.bold
            )
            if style_change or (item.top - prev.bottom) / max(prev.size, 1.0) > gap_ratio:
                out.append("")
        elif isinstance(prev, TableBlock):
            out.append("")
        out.append(item.text if item.hyphen_break else item.text + " ")
        prev = item
    # Blank lines collapse like the extractor's: never two in a row.
    collapsed = [t for i, t in enumerate(out) if t.strip() or (i and out[i - 1].strip())]
    return collapsed, last_table
