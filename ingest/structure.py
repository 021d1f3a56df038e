"""Turn paginated lines into the report's structure: headings, goal areas,
goals with their assessment, passages and tables.

The rules follow how the extractor wrote the report (../shared/report/README.md):
headings are short paragraphs without a closing full stop, sometimes wrapped;
goal areas and goals have fixed prefixes; tables start at a header line that
names their columns. Nothing here knows the content of a particular report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Context, Goal, Line, PagedText, ParsedReport, Passage, Table
from ingest.tables import TableBuilder, is_table_header, numeric_tail

GOAL_AREA = re.compile(r"^Målområde\s*[-–]\s*(?P<name>.+)$")
GOAL = re.compile(r"^Kommunfullmäktigemål\s*[-–]\s*(?P<name>.+)$")
FOLLOW_UP = re.compile(r"^Uppföljning av bidrag till kommunfullmäktigemålet")
ASSESSMENT = re.compile(r"^Bedömning av förväntad utveckling av bidrag")
STATUS = re.compile(r"^(Förväntas uppnås|Förväntas delvis uppnås|Förväntas inte uppnås|Uppnås|Uppnås delvis|Uppnås inte)\s*$")
YEAR_WORD = re.compile(r"^\(?(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d|-[a-zåäö]+)?[,:)]?$")
CAPTION = re.compile(r"^Tabell\s*[-–]\s*")
STRUCTURAL = (GOAL_AREA, GOAL, FOLLOW_UP, ASSESSMENT)
LEAD_WORDS = 5  # opening words two sibling headings share
# A heading line ending in one of these words continues on the next line.
CONNECTORS = {
    "i", "och", "av", "till", "för", "med", "på", "som", "att", "en", "ett", "det", "den",
    "när", "om", "från", "inom", "vid", "mot", "under", "genom", "samt", "eller", "de", "-", "–",
}
TERMINAL = (".", "!", "?", ":", ";")
# a paragraph ending in a connector or a copula leads on to the next one (a list): «De främsta orsakerna till
# avvikelserna för perioden är» + «• senareläggning … • vakanser» is a sentence, not a heading
LEADS_ON = CONNECTORS | {"är", "var", "blir", "blev"}
SHORT_LINE = 58
# a paragraph that is one figure and nothing else («6 900»): the value of the line above it
LONE_FIGURE = re.compile(r"[-−+]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?")


@dataclass
class Block:
    lines: list[Line]

    @property
    def texts(self) -> list[str]:
        return [ln.text.strip() for ln in self.lines]


def split_blocks(lines: list[Line]) -> list[Block]:
    """Paragraphs are separated by blank lines; an uppercase page start after a
    closed line also starts one (the extractor drops the blank at page breaks)."""
    blocks: list[Block] = []
    current: list[Line] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            if current:
                blocks.append(Block(current))
                current = []
            continue
        if current and line.page_start and _starts_upper(text):
            prev = current[-1].text.rstrip()
            if not prev.endswith(("-", ",")):
                blocks.append(Block(current))
                current = []
        current.append(line)
    if current:
        blocks.append(Block(current))
    return blocks


def _all_caps(title: str) -> bool:
    """A heading in capitals ("STADSKONTORETS VERKSAMHET") is a level above the mixed-case headings after it."""
    letters = [ch for ch in title if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _same_lead(title: str, top: str, n: int = LEAD_WORDS) -> bool:
    """Headings that open with the same words are siblings ("Analys av avvikelse i förhållande till nämndens
    driftbudget" / "… investeringsram"), whatever came between them."""
    a, b = title.lower().split(), top.lower().split()
    return len(a) > n and len(b) > n and a[:n] == b[:n] and a != b


def _starts_upper(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0].isdigit() or text[0] in "•")


def _is_heading_text(texts: list[str]) -> bool:
    joined = " ".join(texts)
    if not texts or not _starts_upper(texts[0]) or texts[0].startswith("•"):
        return False
    if any(t.endswith(TERMINAL) for t in texts) or STATUS.match(texts[0]):
        return False
    if joined.split()[-1].lower() in LEADS_ON:
        return False
    if any(ch.isdigit() for w in joined.split() if not YEAR_WORD.match(w) for ch in w):
        return False
    if any(p.match(texts[0]) for p in (GOAL_AREA, GOAL)):
        return len(texts) <= 7 and len(joined.split()) <= 45
    return len(texts) <= 4 and len(joined.split()) <= 22


def _split_heading_group(texts: list[str]) -> list[str]:
    """A heading block may hold several headings (a part and its first
    subsection); a new one starts at an uppercase line after a closed line."""
    headings: list[list[str]] = []
    for t in texts:
        structural = any(p.match(t) for p in STRUCTURAL)
        if headings and not structural:
            prev = headings[-1][-1]
            last_word = prev.split()[-1].lower() if prev.split() else ""
            if not _starts_upper(t) or last_word in CONNECTORS:
                headings[-1].append(t)
                continue
        headings.append([t])
    return [" ".join(h).strip() for h in headings]


def _heading_prefix(texts: list[str]) -> int:
    """How many leading lines of a mixed block are a heading (0 if none)."""
    for i, t in enumerate(texts[:-1]):
        if t.endswith(TERMINAL) or t.endswith(",") or len(t) > SHORT_LINE + 15:
            return 0
        nxt = texts[i + 1]
        last = t.split()[-1].lower() if t.split() else ""
        if len(t) <= SHORT_LINE and _starts_upper(nxt) and last not in CONNECTORS:
            head = texts[: i + 1]
            return i + 1 if _is_heading_text(head) else 0
    return 0


def join_wrapped(lines: list[Line]) -> PagedText:
    """Join wrapped lines, rejoining words split by a line break.

    A line that ends without a trailing space was cut inside a word: a hyphen
    there is the compound's own (`MalmöLundregion-samarbetet`), no hyphen means
    a word broken in a table cell (`kompetensförsö` + `rjning`).
    """
    out = PagedText()
    text = ""
    open_end = False
    for ln in lines:
        piece = ln.text.strip()
        if not piece:
            continue
        if text:
            word_split = open_end and piece[0].islower() and (text.endswith("-") or text[-1].isalpha())
            if not word_split:
                text += " "
        if not out.marks or out.marks[-1][1] != ln.page:
            out.marks.append((len(text), ln.page))
        text += piece
        open_end = ln.text == ln.text.rstrip()
    out.text = text
    return out


class StructureParser:
    """Walks the blocks once, keeping the current goal area, goal and headings."""

    def __init__(self) -> None:
        self.ctx = Context()
        self.stack: list[str] = []
        self.kind = "text"
        self.passages: list[Passage] = []
        self.tables: list[Table] = []
        self.goals: list[Goal] = []
        self.goal_areas: list[str] = []
        self.headings: list[tuple[str, int]] = []
        self.pending_caption: str | None = None

    # -- headings -------------------------------------------------------
    def heading(self, title: str, page: int, group_index: int, group_size: int,
                page_start: bool, followed_by_body: bool) -> None:
        self.headings.append((title, page))
        if m := GOAL_AREA.match(title):
            name = m["name"].strip()
            self.ctx = Context(goal_area=name)
            self.goal_areas.append(name)
            self.stack, self.kind = [], "text"
            return
        if m := GOAL.match(title):
            name = m["name"].strip()
            self.ctx = Context(goal_area=self.ctx.goal_area, goal=name)
            self.goals.append(Goal(title=name, goal_area=self.ctx.goal_area or "", page=page))
            self.stack, self.kind = [], "text"
            return
        if FOLLOW_UP.match(title) or ASSESSMENT.match(title):
            self.stack = [title]
            self.kind = "assessment" if ASSESSMENT.match(title) else "text"
            self._set_path()
            return
        if self.ctx.goal and self.stack:
            self.stack = [*self.stack[:1], title]
        elif self.stack and _same_lead(title, self.stack[0]):
            self.stack = [title]  # "Analys av avvikelse … investeringsram" after "Analys av avvikelse … driftbudget"
        elif self.stack and _all_caps(title):
            self.stack = [self.stack[0], title]  # "STADSKONTORETS VERKSAMHET": a part with subsections of its own
        elif len(self.stack) >= 2 and _all_caps(self.stack[1]) and not (page_start and not followed_by_body):
            self.stack = [*self.stack[:2], title]  # "Kommunbidragsfinansierad verksamhet" under it
        elif group_size > 1:
            self.stack = (self.stack[:0] if group_index == 0 else self.stack) + [title]
        elif not self.stack or (page_start and not followed_by_body):
            self.stack = [title]
        else:
            self.stack = [*self.stack[:1], title]
        self._set_path()

    def _set_path(self) -> None:
        self.ctx = Context(goal_area=self.ctx.goal_area, goal=self.ctx.goal, path=tuple(self.stack))

    # -- content --------------------------------------------------------
    def passage(self, lines: list[Line]) -> None:
        body = join_wrapped(lines)
        if not body.text:
            return
        if self.passages and self.passages[-1].context == self.ctx and self._continues(body):
            self.passages[-1].body.append(body, sep=" ")
            return
        self.passages.append(Passage(body=body, context=self.ctx, kind=self.kind))

    def _continues(self, body: PagedText) -> bool:
        """A paragraph split by a page break continues in lowercase; a figure alone continues the label its
        line wrapped away from («STYRELSEN, varav … 4 200 Tkr» + «6 900»: the line's own prognosis)."""
        prev = self.passages[-1].body.text
        if not body.text or prev.endswith(TERMINAL):
            return False
        return body.text[0].islower() or (LONE_FIGURE.fullmatch(body.text) is not None and not prev[-1].isdigit())

    def status(self, text: str, page: int) -> None:
        if self.goals and self.ctx.goal == self.goals[-1].title:
            self.goals[-1].status = text
            self.goals[-1].status_page = page
        marks = PagedText(text=f"Bedömning: {text}.", marks=[(0, page)])
        self.passages.append(Passage(body=marks, context=self.ctx, kind="assessment"))


def parse_structure(lines: list[Line], source: str, title: str, pages: dict[int, str],
                    warnings: list[str]) -> ParsedReport:
    blocks = split_blocks(lines)
    p = StructureParser()
    i = 0
    while i < len(blocks):
        block = blocks[i]
        texts = block.texts
        first = block.lines[0]
        if STATUS.match(texts[0]) and len(texts) == 1:
            p.status(texts[0], first.page)
            i += 1
            continue
        if CAPTION.match(texts[0]):
            p.pending_caption = " ".join(texts)
            i += 1
            continue
        if is_table_header(block.lines[0]):
            i = _consume_table(p, blocks, i, title=None)
            continue
        k = next((j for j, ln in enumerate(block.lines) if j and is_table_header(ln)), 0)
        if k and _is_heading_text(texts[:k]):
            group = _split_heading_group(texts[:k])
            for g, h in enumerate(group):
                p.heading(h, first.page, g, len(group), first.page_start, False)
            blocks[i] = Block(block.lines[k:])
            i = _consume_table(p, blocks, i, title=None)
            continue
        if _is_heading_text(texts) and not numeric_tail(texts[-1]):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            followed_by_body = bool(nxt) and not _is_heading_text(nxt.texts) and not is_table_header(nxt.lines[0])
            group = _split_heading_group(texts)
            for k, h in enumerate(group):
                p.heading(h, first.page, k, len(group), first.page_start, followed_by_body)
            i += 1
            continue
        n = _heading_prefix(texts)
        if n:
            group = _split_heading_group(texts[:n])
            rest = block.lines[n:]
            table_next = is_table_header(rest[0])
            for k, h in enumerate(group):
                p.heading(h, first.page, k, len(group), first.page_start, not table_next)
            if table_next:
                blocks[i] = Block(rest)
                i = _consume_table(p, blocks, i, title=None)
                continue
            p.passage(rest)
            i += 1
            continue
        p.passage(block.lines)
        i += 1
    if not p.headings:
        warnings.append(
            "Ingen rubrikstruktur hittades; texten indexeras som vanliga avsnitt utan mål och målområden."
        )
    year = _year_of(title)
    return ParsedReport(
        source=source, title=title, pages=pages, passages=p.passages, tables=p.tables,
        goals=p.goals, goal_areas=p.goal_areas, headings=p.headings, warnings=warnings, year=year,
    )


def _consume_table(p: StructureParser, blocks: list[Block], i: int, title: str | None) -> int:
    caption = p.pending_caption
    p.pending_caption = None
    table_title = caption or (p.ctx.path[-1] if p.ctx.path else (p.ctx.goal_area or ""))
    builder = TableBuilder(title=table_title, context=p.ctx, unit_hint=" ".join(p.ctx.path))
    start = i
    i = builder.consume(blocks, i)
    table = builder.build()
    if table is not None:
        p.tables.append(table)
    else:  # a header without rows: keep its text as ordinary passages, never drop it
        for block in blocks[start:max(i, start + 1)]:
            p.passage(block.lines)
        i = max(i, start + 1)
    return i


def _year_of(title: str) -> int | None:
    m = re.search(r"\b(20\d\d)\b", title)
    return int(m.group(1)) if m else None
