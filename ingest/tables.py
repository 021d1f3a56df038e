"""Rebuild tables that the extractor flattened to one row a line.

A table starts at a header line naming its columns (`Tkr Prognos Budget
Avvikelse`); each row is a label followed by Swedish-formatted numbers
(`-221 734`, thousands separated by a space). The header tells how many
values a row has, which is what makes `247 738 248 895` two numbers and not
one. A label that wraps can push its numbers onto the next paragraph.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.model import Context, Line, Table, TableRow

if TYPE_CHECKING:
    from ingest.structure import Block

NUM_TOKEN = re.compile(r"^[-+−–]?\d+(?:[,.]\d+)?%?$")
LEAD = re.compile(r"^[-+−–]?\d{1,3}$")
GROUP = re.compile(r"^\d{3}$")
LAST_GROUP = re.compile(r"^\d{3}(?:,\d+)?%?$")
YEAR = re.compile(r"^(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?$")
COLUMN_WORDS = {
    "tkr", "mkr", "prognos", "budget", "avvikelse", "utfall", "belopp", "plan", "begäran",
    "förändring", "helårsprognos", "kommentar", "totalt", "rubrik", "ärende", "ärendenummer",
    "budgetområde", "investeringstyp", "summa", "andel", "antal",
}
TEXT_COLUMNS = {"kommentar", "rubrik"}
UNITS = {"tkr": "Tkr", "mkr": "Mkr"}
TERMINAL = (".", "!", "?", ";")


def _digits_outside_years(words: list[str]) -> bool:
    return any(any(ch.isdigit() for ch in w) and not YEAR.match(w.strip("(),")) for w in words)


def is_table_header(line: Line) -> bool:
    text = line.text.strip()
    words = text.split()
    if not words or len(text) > 110 or text.endswith(TERMINAL) or _digits_outside_years(words):
        return False
    if ". " in text or sum(1 for w in words if w.islower() and not YEAR.match(w)) > 2:
        return False  # prose that happens to name a column word twice
    hits = len({w.lower().strip(",") for w in words if w.lower().strip(",") in COLUMN_WORDS})
    indented = line.text.startswith("  ") and not line.page_start
    if indented and (hits >= 1 or sum(w[0].isupper() for w in words) >= 2):
        return True
    return hits >= 2


def numeric_tail(text: str) -> bool:
    """Does the line end in a number (a table row or a numbers-only line)?"""
    words = text.split()
    return bool(words) and bool(NUM_TOKEN.match(words[-1]))


def _is_abbrev(word: str) -> bool:
    w = word.replace("/", "")
    return w.isupper() and len(w) <= 5


def _header_continues(text: str, seen: set[str]) -> bool:
    words = text.split()
    if not words or _digits_outside_years(words) or text.endswith(TERMINAL):
        return False
    return all(
        YEAR.match(w) or w.lower() in COLUMN_WORDS or _is_abbrev(w) or w.islower() or w in seen or w == "%"
        for w in words
    )


def columns_of(header: str, indented: bool) -> tuple[list[str], str | None, bool]:
    """Value column names, the unit, and whether a comment column ends the row."""
    words = header.split()
    unit = UNITS.get(words[0].lower()) if words else None
    if not indented and words:
        words = words[1:]  # the label column
    cols: list[list[str]] = []
    for w in words:
        starts = w.lower() in COLUMN_WORDS or (w[:1].isupper() and not _is_abbrev(w))
        if cols and not starts:
            cols[-1].append(w)
        else:
            cols.append([w])
    names = [" ".join(c) for c in cols]
    comment = bool(names) and names[-1].split()[0].lower() == "kommentar"
    values = [n for n in names if n.split()[0].lower() not in TEXT_COLUMNS]
    return values, unit, comment


def _valid(tokens: tuple[str, ...]) -> bool:
    if len(tokens) == 1:
        return bool(NUM_TOKEN.match(tokens[0]))
    return (
        bool(LEAD.match(tokens[0]))
        and all(GROUP.match(t) for t in tokens[1:-1])
        and bool(LAST_GROUP.match(tokens[-1]))
    )


@lru_cache(maxsize=4096)
def _segmentations(tokens: tuple[str, ...], n: int) -> tuple[tuple[str, ...], ...]:
    """All ways to read `tokens` as exactly n numbers."""
    if n == 0:
        return ((),) if not tokens else ()
    out: list[tuple[str, ...]] = []
    for k in range(1, len(tokens) - n + 2):
        head = tokens[:k]
        if not _valid(head):
            continue
        for rest in _segmentations(tokens[k:], n - 1):
            out.append((" ".join(head), *rest))
    return tuple(out)


def _greedy(tokens: list[str]) -> list[str]:
    values: list[list[str]] = []
    for t in tokens:
        joins = values and GROUP.match(t.split(",")[0]) and LEAD.match(values[-1][0])
        if joins and not t.startswith(("-", "−", "–", "+")) and all(GROUP.match(x) for x in values[-1][1:]):
            values[-1].append(t)
            continue
        values.append([t])
    return [" ".join(v) for v in values]


def _as_number(value: str) -> float:
    return float(value.replace(" ", "").replace(",", ".").replace("−", "-").replace("–", "-").rstrip("%"))


def _score(values: tuple[str, ...], start: int, tokens: list[str], deviation: int | None) -> tuple:
    """Rank readings: a deviation column that equals the difference of the two
    others is decisive; then no year swallowed as a value, longer runs, and
    numbers of similar length (columns of one table have similar magnitudes)."""
    inconsistent = 1
    if deviation is not None and len(values) == 3:
        a, b, d = (_as_number(v) for v in values)
        inconsistent = 0 if abs(abs(a - b) - abs(d)) < 0.051 else 1
    digits = [sum(ch.isdigit() for ch in v) for v in values]
    mean = sum(digits) / len(digits)
    variance = sum((x - mean) ** 2 for x in digits)
    year_first = 1 if YEAR.match(tokens[start]) and start == 0 and len(tokens) > 1 else 0
    return (inconsistent, year_first, start, variance)


def split_numbers(tokens: list[str], n: int | None, deviation: int | None = None) -> tuple[list[str], int]:
    """Read the trailing numeric tokens as n values; return them and how many
    tokens at the front belong to the label instead (e.g. a year in it)."""
    if n:
        candidates = [
            (_score(seg, start, tokens, deviation), list(seg), start)
            for start in range(len(tokens))
            for seg in _segmentations(tuple(tokens[start:]), n)
        ]
        if candidates:
            _, values, start = min(candidates, key=lambda c: c[0])
            return values, start
    return _greedy(tokens), 0


def split_row(text: str, n: int | None, comment_column: bool,
              deviation: int | None = None) -> tuple[str, list[str], str]:
    words = text.split()
    end = len(words)
    if comment_column:
        while end > 0 and not NUM_TOKEN.match(words[end - 1]):
            end -= 1
    start = end
    while start > 0 and NUM_TOKEN.match(words[start - 1]):
        start -= 1
    if start == end:
        return text, [], ""
    values, shift = split_numbers(words[start:end], n, deviation)
    if n and len(values) < n and end == len(words):
        values = _with_empty_cells(text, start + shift, values, n)
    label = " ".join(words[: start + shift])
    comment = " ".join(words[end:])
    return label, values, comment


def _with_empty_cells(text: str, first: int, values: list[str], n: int) -> list[str]:
    """A row with fewer values than columns, read by the extractor's wide gaps: each column left empty adds a
    space, so one prints as two spaces (`Kommunbidrag 171,4 338,9  510,3`, `Finansiella poster  -0,1  -0,1`).
    Trailing cells left empty print as trailing spaces, one more than the cells (`Beredskapsförmåga 5 000      `),
    so the text must reach here unstripped at its end.
    The values stay as they are unless the gaps, each at a value's start, make exactly n cells:
    a value named by the wrong column is worse than a row without column names."""
    gaps = [len(m.group(1)) for m in re.finditer(r"(\s*)\S+", text)][first:]
    cells: list[str] = []
    k = 0
    for value in values:
        cells += [""] * max(gaps[k] - 1, 0)  # two spaces: one empty cell, three: two
        width = len(value.split())
        if any(g >= 2 for g in gaps[k + 1:k + width]):
            return values  # a wide gap inside one value: not a layout this reading knows
        cells.append(value)
        k += width
    if len(cells) < n:
        cells += [""] * max(len(text) - len(text.rstrip()) - 1, 0)
    return cells if len(cells) == n else values


class TableBuilder:
    """Consumes the blocks of one table, starting at its header block."""

    def __init__(self, title: str, context: Context, unit_hint: str = "") -> None:
        self.title = title
        self.unit_hint = unit_hint
        self.context = context
        self.header_lines: list[Line] = []
        self.rows: list[TableRow] = []
        self.notes: list[str] = []

    def consume(self, blocks: list[Block], i: int) -> int:
        from ingest.structure import CAPTION, STATUS, Block, _is_heading_text, join_wrapped

        lines = blocks[i].lines
        self.header_lines = [lines[0]]
        seen = set(lines[0].text.split())
        j = 1
        while j < len(lines) and _header_continues(lines[j].text.strip(), seen):
            self.header_lines.append(lines[j])
            seen.update(lines[j].text.split())
            j += 1
        rest = lines[j:]
        if rest:
            blocks[i] = Block(rest)
        else:
            i += 1
            while i < len(blocks) and all(_header_continues(t, seen) for t in blocks[i].texts):
                self.header_lines.extend(blocks[i].lines)
                seen.update(w for t in blocks[i].texts for w in t.split())
                i += 1
        header = " ".join(ln.text.strip() for ln in self.header_lines)
        indented = self.header_lines[0].text.startswith("  ")
        self.columns, unit, self.comment_column = columns_of(header, indented)
        self.unit = unit or _unit_in(self.title) or _unit_in(self.unit_hint)
        self.header = header
        n = len(self.columns) or None
        names = [c.split()[0].lower() for c in self.columns]
        self.deviation = names.index("avvikelse") if "avvikelse" in names else None
        pending: list[Line] = []
        while i < len(blocks):
            block = blocks[i]
            texts = block.texts
            if CAPTION.match(texts[0]) or STATUS.match(texts[0]) or is_table_header(block.lines[0]):
                break
            has_numbers = any(
                numeric_tail(t) or (self.comment_column and len(split_row(t, n, True)[1]) == n) for t in texts
            )
            prose = any(t.endswith(TERMINAL) for t in texts) and len(" ".join(texts).split()) > 8
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            wraps = nxt is not None and self._starts_with_values(nxt.texts[0], n)
            if not has_numbers:
                if wraps and len(" ".join(texts).split()) <= 25:
                    pending.extend(block.lines)  # a wrapped label; its numbers follow
                    i += 1
                    continue
                break
            if prose or (_is_heading_text(texts) and len(split_row(texts[0], n, self.comment_column)[1]) != n):
                break
            complete = False
            for ln in block.lines:
                t = ln.text.strip()
                if complete and self.comment_column:
                    self.rows[-1].comment = f"{self.rows[-1].comment} {t}".strip()
                    continue
                label, values, comment = split_row(ln.text.lstrip(), n, self.comment_column, self.deviation)
                if values:
                    full = join_wrapped([*pending, Line(text=label, page=ln.page)]).text
                    self.rows.append(TableRow(label=full, values=values, comment=comment, page=ln.page, raw=t))
                    pending = []
                    complete = True
                else:
                    pending.append(ln)
            i += 1
        if pending:
            self.notes.append(join_wrapped(pending).text)
        return i

    def _starts_with_values(self, text: str, n: int | None) -> bool:
        label, values, _ = split_row(text, n, self.comment_column)
        return bool(values) and not label

    def build(self) -> Table | None:
        if not self.rows:
            return None
        return Table(
            title=self.title, header=self.header, unit=self.unit, columns=self.columns,
            rows=self.rows, context=self.context, page=self.header_lines[0].page, notes=self.notes,
        )


def _numbers_only(text: str) -> bool:
    words = text.split()
    return bool(words) and all(NUM_TOKEN.match(w) for w in words)


def _unit_in(title: str) -> str | None:
    for w in re.findall(r"\w+", title):
        if w.lower() in UNITS:
            return UNITS[w.lower()]
    return None
