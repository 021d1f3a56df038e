"""Build a PDF of the bundled report that looks like the real one, for the PDF path's tests.

One report page per PDF page (text page N is PDF page N; pages 1–3 are a cover,
a contents page and a blank page, as in the original), a running header
"Delårsrapport 2025, Kommunstyrelsen N(47)", headings in a larger bold font,
body text line by line as the extractor saw it (so paragraph breaks are
vertical gaps, not blank text lines), and every table that the text path
recognises drawn as a ruled table with a header row. What is a heading and what
is a table comes from parsing the .txt, so the fixture and the text path agree
on structure by construction; the PDF reader has to find it again from fonts,
gaps and ruling lines.

Run as a script to write the PDF somewhere: `python tests/pdf/make_fixture.py out.pdf`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, TableStyle
from reportlab.platypus import Table as RLTable

from ingest.model import Line, Table
from ingest.pipeline import parse_report
from ingest.report_text import paginate, read_text_file

ROOT = Path(__file__).resolve().parents[2]
REPORT_TXT = ROOT / "data" / "reports" / "delarsrapport-2025-kommunstyrelsen.txt"
TITLE = "Delårsrapport 2025, Kommunstyrelsen"

PAGE_W, PAGE_H = A4
MARGIN_X = 62.0
TOP = PAGE_H - 78.0  # first baseline below the running header
BOTTOM = 48.0
BODY, BODY_LEAD = 10.0, 13.0
HEAD, HEAD_LEAD = 12.5, 16.5
GAP = 7.0  # extra space for a blank line (paragraph break)
TABLE_FONT = 8.0

_FONT_DIR = Path(reportlab.__file__).parent / "fonts"
REGULAR, BOLD = "Vera", "Vera-Bold"


def _register_fonts() -> None:
    """Embedded TrueType subsets with a ToUnicode map, like a Word export (Å/Ä/Ö, – and • included)."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(REGULAR, str(_FONT_DIR / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(_FONT_DIR / "VeraBd.ttf")))


@dataclass
class Item:
    kind: str  # body | heading | status | gap | table
    text: str = ""
    table: Table | None = None


# -- locating structure in the text ---------------------------------------------------------------


def _find_run(lines: list[Line], start: int, target: str, skip_blank: bool) -> tuple[int, int] | None:
    """Indices [i, j) of consecutive lines from `start` on whose stripped texts, joined by spaces, equal target."""
    for i in range(start, len(lines)):
        first = lines[i].text.strip()
        if not first or not target.startswith(first):
            continue
        acc, j = first, i + 1
        while acc != target and j < len(lines):
            t = lines[j].text.strip()
            j += 1
            if not t:
                if skip_blank:
                    continue
                break
            acc = f"{acc} {t}"
            if not target.startswith(acc):
                break
        if acc == target:
            return i, j
    return None


def _heading_lines(lines: list[Line], titles: list[str]) -> set[int]:
    marked: set[int] = set()
    cursor = 0
    for title in titles:
        run = _find_run(lines, cursor, title, skip_blank=False)
        if run is None:
            raise ValueError(f"heading not found on its page: {title!r}")
        marked.update(range(*run))
        cursor = run[1]
    return marked


def table_span(lines: list[Line], table: Table, start: int) -> tuple[int, int]:
    """Lines [i, j) that the table occupies: its header through the paragraph of its last row."""
    head = _find_run(lines, start, table.header, skip_blank=True)
    if head is None:
        raise ValueError(f"table header not found: {table.header!r}")
    j = head[1]
    for row in table.rows:
        j = next(k for k in range(j, len(lines)) if lines[k].text.strip() == row.raw) + 1
    while j < len(lines) and lines[j].text.strip():
        j += 1
    return head[0], j


def _header_cells(table: Table) -> tuple[list[str], bool]:
    """Split the printed header into label cell, value columns and an optional comment column."""
    tail = list(table.columns)
    comment = table.header.split()[-1].lower() == "kommentar"
    if comment:
        tail.append(table.header.split()[-1])
    suffix = " ".join(tail)
    assert table.header.endswith(suffix), (table.header, suffix)
    return [table.header[: len(table.header) - len(suffix)].strip(), *tail], comment


def _value_cells(raw: str, values: list[str], n: int) -> list[str]:
    """Place values in their columns; a double space in the extracted row marks an empty cell."""
    if len(values) == n:  # the parser read the empty cells from the gaps already: "" stands in their place
        return list(values)
    spans: list[tuple[int, int]] = []
    end = len(raw)
    for v in reversed(values):
        s = raw.rfind(v, 0, end)
        if s < 0:
            return values + [""] * (n - len(values))
        spans.insert(0, (s, s + len(v)))
        end = s
    label_end = len(raw[: spans[0][0]].rstrip())
    cells: list[str] = []
    prev = label_end
    for v, (s, e) in zip(values, spans, strict=True):
        if "  " in raw[prev:s] and prev > 0:
            cells.append("")
        cells.append(v)
        prev = e
    if len(cells) < n and "  " in raw[prev:]:
        cells += [""] * (n - len(cells))
    if len(cells) != n:
        cells = values + [""] * (n - len(values))
    return cells


def page_items(lines: list[Line], headings: list[str], tables: list[Table]) -> list[Item]:
    """What to draw on one page, in order."""
    marked = _heading_lines(lines, headings)
    spans: dict[int, tuple[int, Table]] = {}
    cursor = 0
    for t in tables:
        i, j = table_span(lines, t, cursor)
        spans[i] = (j, t)
        cursor = j
    items: list[Item] = []
    k = 0
    while k < len(lines):
        if k in spans:
            j, t = spans[k]
            items.append(Item("table", table=t))
            k = j
            continue
        text = lines[k].text.strip()
        if not text:
            items.append(Item("gap"))
        elif k in marked:
            items.append(Item("heading", lines[k].text.lstrip()))
        elif lines[k].text.startswith(" ") and text.startswith("Förväntas"):
            items.append(Item("status", text))
        else:
            items.append(Item("body", lines[k].text.lstrip()))  # trailing spaces drawn, as Word does
        k += 1
    return items


# -- drawing ----------------------------------------------------------------------------------------


def _rl_table(table: Table, scale: float) -> RLTable:
    size = TABLE_FONT * scale
    cell = ParagraphStyle("cell", fontName=REGULAR, fontSize=size, leading=size * 1.2)
    head = ParagraphStyle("head", parent=cell, fontName=BOLD)
    header, comment = _header_cells(table)
    n = len(table.columns)
    data: list[list[object]] = [[Paragraph(_esc(c), head) for c in header]]
    for row in table.rows:
        cells = _value_cells(row.raw, row.values, n)
        data.append([Paragraph(_esc(row.label), cell), *cells, *([Paragraph(_esc(row.comment), cell)] if comment else [])])
    width = PAGE_W - 2 * MARGIN_X
    # Columns wide enough that no word is split inside a cell (a split word is a different test).
    label_w = width * (0.34 if comment else 0.3 if n > 3 else 0.42 if n > 1 else 0.6)
    comment_w = width * 0.26 if comment else 0.0
    value_w = (width - label_w - comment_w) / n
    widths = [label_w, *([value_w] * n), *([comment_w] if comment else [])]
    style = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONT", (0, 0), (-1, -1), REGULAR, size),
        ("ALIGN", (1, 1), (n, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.85, 0.9, 0.95)),
        ("TOPPADDING", (0, 0), (-1, -1), 2 * scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * scale),
    ])
    return RLTable(data, colWidths=widths, style=style)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _height(items: list[Item], scale: float) -> float:
    h = 0.0
    for it in items:
        if it.kind == "table":
            assert it.table is not None
            h += _rl_table(it.table, scale).wrap(PAGE_W - 2 * MARGIN_X, PAGE_H)[1] + GAP * scale
        elif it.kind == "heading":
            h += HEAD_LEAD * scale
        elif it.kind == "gap":
            h += GAP * scale
        else:
            h += BODY_LEAD * scale
    return h


def _draw_page(c: Canvas, items: list[Item], number: int, total: int) -> None:
    c.setFont(REGULAR, 8)
    c.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 40, f"{TITLE} {number}({total})")
    room = TOP - BOTTOM
    scale = 1.0
    for _ in range(6):
        need = _height(items, scale)
        if need <= room:
            break
        scale *= room / need * 0.98
    y = TOP + BODY_LEAD * scale  # y is the top of the next line box
    for it in items:
        if it.kind == "gap":
            y -= GAP * scale
        elif it.kind == "heading":
            y -= HEAD_LEAD * scale
            c.setFont(BOLD, HEAD * scale)
            c.drawString(MARGIN_X, y + (HEAD_LEAD - HEAD) * scale, it.text)
        elif it.kind == "table":
            assert it.table is not None
            tbl = _rl_table(it.table, scale)
            _, h = tbl.wrap(PAGE_W - 2 * MARGIN_X, PAGE_H)
            tbl.drawOn(c, MARGIN_X, y - h)
            y -= h + GAP * scale
        else:
            y -= BODY_LEAD * scale
            base = y + (BODY_LEAD - BODY) * scale
            x = MARGIN_X
            if it.kind == "status":  # the status icon, drawn, not text
                c.setFillColor(colors.green)
                c.circle(x + 4 * scale, base + 3.5 * scale, 4 * scale, stroke=0, fill=1)
                c.setFillColor(colors.black)
                x += 12 * scale
            c.setFont(REGULAR, BODY * scale)
            c.drawString(x, base, it.text)
    c.showPage()


def _front_matter(c: Canvas, total: int, toc: list[tuple[str, int]]) -> None:
    c.setFont(BOLD, 28)
    c.drawString(MARGIN_X, PAGE_H - 260, "Delårsrapport 2025")
    c.setFont(REGULAR, 20)
    c.drawString(MARGIN_X, PAGE_H - 295, "Kommunstyrelsen")
    c.setFont(REGULAR, 11)
    c.drawString(MARGIN_X, PAGE_H - 320, "Malmö stad")
    c.showPage()
    c.setFont(REGULAR, 8)
    c.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 40, f"{TITLE} 2({total})")
    c.setFont(BOLD, 16)
    c.drawString(MARGIN_X, TOP, "Innehåll")
    y = TOP - 28
    c.setFont(REGULAR, 10)
    for title, page in toc:
        c.drawString(MARGIN_X, y, title)
        c.drawRightString(PAGE_W - MARGIN_X, y, f"{'.' * 12} {page}")
        y -= 15
    c.showPage()
    c.setFont(REGULAR, 8)
    c.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 40, f"{TITLE} 3({total})")
    c.showPage()


def build_fixture(out: str | Path, txt: str | Path = REPORT_TXT) -> Path:
    """Write the fixture PDF to `out` and return its path."""
    _register_fonts()
    lines, total, _ = paginate(read_text_file(txt))
    report = parse_report(txt)
    total = total or max(ln.page for ln in lines)
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        by_page.setdefault(ln.page, []).append(ln)
    out = Path(out)
    c = Canvas(str(out), pagesize=A4, pageCompression=1)
    c.setTitle(TITLE)
    c.setAuthor("Malmö stad")
    toc = [(h, p) for h, p in report.headings if p in {4, 5, 7, 10, 13, 36}][:8]
    _front_matter(c, total, toc)
    for number in range(4, total + 1):
        page_lines = by_page.get(number, [])
        headings = [h for h, p in report.headings if p == number]
        tables = [t for t in report.tables if t.page == number]
        _draw_page(c, page_items(page_lines, headings, tables), number, total)
    c.save()
    return out


if __name__ == "__main__":
    print(build_fixture(sys.argv[1] if len(sys.argv) > 1 else "fixture.pdf"))
