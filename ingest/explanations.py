"""Read a table of explanations: a deviation per part of the board, each broken down by "varav" lines.

The finance section of an interim report explains its forecast deviation in a list the extractor flattens
without a column header line (../shared/report/README.md: Viktiga förklaringar):

    Prognostiserad budgetavvikelse helår - viktigaste förklaringar Prognos helår
    STYRELSEN,
    varav arvoden och omställningsstöd 2 700 Tkr
    varav anslaget 4 200 Tkr
    6 900
    KOMMUNBIDRAGSSFINANSIERAD VERKSAMHET, 2 300 Tkr
    varav personalkostnader (vakanser) 7 000
    Övriga kostnader och intäkter -1 700
    SOLIDARISKT OCH INTÄKTSFINANSIERAD VERKSAMHET, varav
    upphandlingsverksamhet 3 400 Tkr 4 750
    Summa budgetavvikelser 13 950

A part's own figure is the number no "varav" names (on its label's line, or alone after its breakdown); a line
under a part that is neither is one more item of its breakdown. Read as ordinary text, the figures lose what they
are of: «6 900» alone on a line is the board's deviation, and «… 3 400 Tkr 4 750» holds two.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ingest.model import Context, Line, Table, TableRow

if TYPE_CHECKING:
    from ingest.structure import Block

NUMBER = r"[-+−–]?\d{1,3}(?: \d{3})*(?:,\d+)?"
# the title line, ending in the one column it names
HEADER = re.compile(r"^(?P<title>.*\b(?:förklaringar|förklaring)\b.*?)\s+(?P<column>Prognos helår|Prognos|Avvikelse|"
                    r"Budgetavvikelse)\s*$", re.IGNORECASE)
PART = re.compile(r"^(?P<part>[A-ZÅÄÖ][A-ZÅÄÖ /-]{3,}),\s*(?P<rest>.*)$")  # "STYRELSEN," in capitals
VARAV = re.compile(rf"varav\s+(?P<label>.+?)\s+(?P<value>{NUMBER})(?:\s*(?:Tkr|Mkr|tkr|mkr))?(?=\s|$)")
ITEM = re.compile(rf"^(?P<label>\D.*?)\s+(?P<value>{NUMBER})(?:\s*(?:Tkr|Mkr|tkr|mkr))?$")
ALONE = re.compile(rf"^(?P<value>{NUMBER})(?:\s*(?:Tkr|Mkr|tkr|mkr))?$")
ENDS_IN_NUMBER = re.compile(rf"{NUMBER}(?:\s*(?:Tkr|Mkr|tkr|mkr))?$")
TOTAL = re.compile(r"^(?:Summa|Totalt|Total)\b", re.IGNORECASE)
UNIT = re.compile(r"\b(Tkr|Mkr)\b", re.IGNORECASE)


def is_explanations_start(blocks: list[Block], i: int) -> bool:
    """A block ending in a title that names its column (under the headings it may follow without a blank line),
    followed by a part in capitals ("STYRELSEN,")."""
    texts = blocks[i].texts
    if not HEADER.match(texts[-1]) or i + 1 >= len(blocks):
        return False
    return PART.match(blocks[i + 1].texts[0]) is not None


def _logical_lines(lines: list[Line]) -> list[Line]:
    """The lines with a wrapped one joined to the next ("…, varav" + "upphandlingsverksamhet 3 400 Tkr 4 750");
    a part's label alone ("STYRELSEN,") stays a line of its own."""
    out: list[Line] = []
    carry: Line | None = None
    for ln in lines:
        text = ln.text.strip()
        if not text:
            continue
        if carry is not None:
            text = f"{carry.text} {text}"
            ln = Line(text=text, page=carry.page)
            carry = None
        bare_part = (m := PART.match(text)) is not None and not m.group("rest")
        if not ENDS_IN_NUMBER.search(text) and not bare_part:
            carry = Line(text=text, page=ln.page)
            continue
        out.append(Line(text=text, page=ln.page))
    if carry is not None:
        out.append(carry)
    return out


def read_explanations(blocks: list[Block], i: int, context: Context) -> tuple[Table | None, int]:
    """The table starting at block i and the index of the first block after it (None and i when it is not one)."""
    from ingest.structure import CAPTION, _is_heading_text

    header = blocks[i].texts[-1]
    m = HEADER.match(header)
    if m is None:
        return None, i
    title, column = m.group("title").strip(" -–"), m.group("column")
    page = blocks[i].lines[-1].page
    j = i + 1
    lines: list[Line] = []
    while j < len(blocks):
        texts = blocks[j].texts
        prose = any(t.endswith((".", "!", "?")) for t in texts) and len(" ".join(texts).split()) > 8
        if prose or CAPTION.match(texts[0]) or (_is_heading_text(texts) and not any(
                ENDS_IN_NUMBER.search(t) or PART.match(t) or t.startswith("varav") for t in texts)):
            break
        lines.extend(blocks[j].lines)
        j += 1
        if any(TOTAL.match(t) and ENDS_IN_NUMBER.search(t) for t in texts):
            break
    rows: list[TableRow] = []
    part: str | None = None
    part_at = 0  # where the part's own row goes: before its breakdown
    part_told = False
    units = set()
    for ln in _logical_lines(lines):
        text = ln.text
        units.update(u.lower() for u in UNIT.findall(text))
        if (pm := PART.match(text)) is not None:
            part, part_at, part_told = pm.group("part").strip(), len(rows), False
            text = pm.group("rest")
        if TOTAL.match(text) and (im := ITEM.match(text)):
            rows.append(TableRow(label=im.group("label"), values=[im.group("value")], page=ln.page, raw=ln.text))
            part = None
            continue
        rest = text
        for vm in VARAV.finditer(text):
            label = f"{part}, varav {vm.group('label')}" if part else f"varav {vm.group('label')}"
            rows.append(TableRow(label=label, values=[vm.group("value")], page=ln.page, raw=ln.text))
            rest = rest.replace(vm.group(0), " ")
        rest = re.sub(r"\bvarav\b", " ", rest).strip()
        if not rest:
            continue
        if (am := ALONE.match(rest)) is not None and part and not part_told:
            rows.insert(part_at, TableRow(label=part, values=[am.group("value")], page=ln.page, raw=ln.text))
            part_told = True
        elif (im := ITEM.match(rest)) is not None:
            label = f"{part}, {im.group('label')}" if part else im.group("label")
            rows.append(TableRow(label=label, values=[im.group("value")], page=ln.page, raw=ln.text))
    if not rows:
        return None, i
    unit = "Tkr" if units == {"tkr"} else ("Mkr" if units == {"mkr"} else None)
    return Table(title=title, header=header, unit=unit, columns=[column], rows=rows, context=context,
                 page=page), j
