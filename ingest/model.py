"""The parsed shape of a report: what the chunker, the goal overview and the UI read.

Everything here is plain data so that the text path and the PDF path produce
the same objects and can be compared in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One physical line of the report with the page it sits on."""

    text: str
    page: int
    page_start: bool = False  # first line of its page


@dataclass
class PagedText:
    """Text assembled from lines, remembering where each page begins.

    `marks` holds (char_offset, page) pairs in increasing offset order, so the
    page of any character (and hence of any sentence) can be looked up.
    """

    text: str = ""
    marks: list[tuple[int, int]] = field(default_factory=list)

    def page_at(self, offset: int) -> int:
        page = self.marks[0][1] if self.marks else 0
        for start, p in self.marks:
            if start > offset:
                break
            page = p
        return page

    @property
    def first_page(self) -> int:
        return self.marks[0][1] if self.marks else 0

    @property
    def last_page(self) -> int:
        return self.page_at(max(len(self.text) - 1, 0))

    def slice(self, start: int, end: int) -> PagedText:
        """The text between two offsets, keeping its page breaks."""
        marks = [(0, self.page_at(start))]
        for off, page in self.marks:
            if start < off < end and page != marks[-1][1]:
                marks.append((off - start, page))
        return PagedText(self.text[start:end], marks)

    def append(self, other: PagedText, sep: str = "\n\n") -> None:
        base = len(self.text) + (len(sep) if self.text else 0)
        self.text = f"{self.text}{sep}{other.text}" if self.text else other.text
        for off, page in other.marks:
            if not self.marks or self.marks[-1][1] != page:
                self.marks.append((base + off, page))


@dataclass
class Context:
    """Where a piece of text sits in the report's structure."""

    goal_area: str | None = None
    goal: str | None = None
    path: tuple[str, ...] = ()  # heading breadcrumb below the goal (or goal area / top)

    @property
    def section(self) -> str:
        return " › ".join(self.path)


@dataclass
class Passage:
    """A paragraph (or list) under one heading."""

    body: PagedText
    context: Context
    kind: str = "text"  # text | assessment


@dataclass
class TableRow:
    label: str
    values: list[str]
    comment: str = ""
    page: int = 0
    raw: str = ""


@dataclass
class Table:
    title: str
    header: str  # the header line(s) as printed
    unit: str | None  # Tkr / Mkr when the header or title names it
    columns: list[str]  # names of the value columns, in order
    rows: list[TableRow]
    context: Context
    page: int = 0
    notes: list[str] = field(default_factory=list)

    def row_text(self, row: TableRow) -> str:
        """A row as a sentence that names each value by its column."""
        if self.columns and len(row.values) == len(self.columns):
            unit = f" {self.unit.lower()}" if self.unit else ""
            parts = [  # an empty cell is left out: the column names keep the others in place
                f"{c} {v}{'' if '%' in c else unit}" for c, v in zip(self.columns, row.values, strict=True) if v
            ]
            text = f"{row.label}: " + ", ".join(parts)
        else:
            text = f"{row.label}: {' '.join(v for v in row.values if v)}".rstrip(": ")
        if row.comment:
            text += f" ({row.comment})"
        return text


@dataclass
class Goal:
    title: str
    goal_area: str
    page: int
    status: str | None = None
    status_page: int | None = None


@dataclass
class ParsedReport:
    source: str
    title: str
    pages: dict[int, str]
    passages: list[Passage]
    tables: list[Table]
    goals: list[Goal]
    goal_areas: list[str]
    headings: list[tuple[str, int]]
    warnings: list[str] = field(default_factory=list)
    year: int | None = None
