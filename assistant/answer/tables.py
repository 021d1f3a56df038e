"""Superlatives over a table: "Vilket budgetområde har störst positiv avvikelse?".

A sentence cannot answer which row of a table holds the largest value; the
table can. The question names the column (its words match a column header,
e.g. "avvikelse"), says which end it wants (störst/högst/largest … or
minst/lägst/smallest …, a sign word such as "positiv" or "underskott" picks
signed values, else the size counts) and the retrieved evidence names the
table. Total rows are left out: a sum is not one of the things compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answer.route import word_rx
from assistant.textproc import stem, terms

if TYPE_CHECKING:
    from assistant.answer.extractive import Unit
    from assistant.retrieval import IndexedChunk

LARGEST = word_rx(r"störst\w*", r"högst\w*", "mest", "flest", "largest", "biggest", "highest", "greatest", "most",
                  "furthest", "farthest")
# ("minst 1 Mkr", "at least one million" are a bound, not the smallest: THRESHOLD in extractive reads them)
BOUND_WORDS = r"(?:mer än|minst|över|more than|at least|over|above)"  # a bound on amounts, here and in THRESHOLD
AMOUNT_AFTER = r"(?!\s+(?:\d|en\s|ett\s|one\s|a\s))"
SMALLEST = word_rx(rf"minst\w*{AMOUNT_AFTER}", r"lägst\w*", "smallest", "lowest", rf"(?<!at )least{AMOUNT_AFTER}",
                   "fewest")
# spending under or over budget is a positive or negative deviation: "Vilket budgetområde går mest över budget?"
POSITIVE = word_rx(r"positiv\w*", r"överskott\w*", "surplus", "positive", r"favou?rable", r"under\s+budget\w*", r"below\s+budget",
                   r"underspend\w*")
NEGATIVE = word_rx(r"negativ\w*", r"underskott\w*", "deficit", "negative", r"unfavou?rable", "adverse", r"overspend\w*", r"över\s+budget\w*",
                   r"over\s+budget", r"overrun\w*", r"överskrid\w*")
DEVIATION_COLUMN = re.compile(r"(?i)^\s*(?:avvikelse\w*|budgetavvikelse\w*|deviation)\b")
TOTAL = re.compile(r"(?i)^(total\w*|summa\w*|netto\w*|resultat\w*)(?![\wåäö])")
# a sentence that introduces the table below it ("Nedan visas beslut …") or points to one by its heading
LEAD_IN = re.compile(r"\b(följande|nedanstående|nedan visas|enligt tabell(en)? (nedan|ovan))\b", re.IGNORECASE)
TABLE_UNDER = re.compile(r"tabell(?:en)? (?:ovan|nedan) under rubrik(?:en)? ([^,.;]+)", re.IGNORECASE)
CELL = re.compile(r"(?:^|, )(?P<col>[^,:]+?) (?P<val>[-−]?\d{1,3}(?: \d{3})*(?:,\d+)?)(?: (?:tkr|mkr))?(?=,|$| \()")


@dataclass(frozen=True)
class Row:
    label: str
    cells: dict[str, float]  # column name -> value


def parse_row(text: str) -> Row | None:
    """A table row as the ingester writes it: "Label: Col 1 -49 552 tkr, Col 2 295 tkr (comment)"."""
    label, sep, rest = text.partition(": ")
    if not sep:
        return None
    cells = {m.group("col").strip(): swedish_number(m.group("val")) for m in CELL.finditer(rest)}
    return Row(label.strip(), cells) if cells else None


def swedish_number(written: str) -> float:
    """A number as the report writes it: "-49 552", "510,3", "−1,5"."""
    return float(written.replace("−", "-").replace(" ", "").replace("\u00a0", "").replace(",", "."))


# "Vilket av styrelsens anslag går med underskott?": which rows have a sign, a selection without a superlative (not
# "Vilket överskott …?", which asks an amount)
WHICH_OF_A_SIGN = re.compile(r"(?i)^\W*(?:vilket|vilken|vilka|which)\s+(?!(?:överskott\w*|underskott\w*|avvikelse\w*|"
                             r"surplus\w*|deficit\w*|deviation\w*|prognos\w*|forecast\w*|belopp\w*|amount\w*|år|year|"
                             r"resultat\w*|result\w*|utfall\w*|outcome\w*|helårs\w*)\b)")


# "Vilka budgetområden har avvikelser över 500 tkr?", "Which budget areas show a deviation?": every row that
# deviates (above the bound asked), not one end of the column; not "Vilka förklaringar har avvikelserna?"
DEVIATING_ASKED = re.compile(r"(?i)^\W*(?:vilka|which)\s+(?!(?:förklaring|orsak|skäl|explanation|reason|cause)\w*)"
                             r"(?:[\wåäö/-]+\s+){1,3}?(?:har|hade|visar|redovisar|has|have|had|show|shows)\s+"
                             r"(?:[\wåäö]+\s+){0,2}?(?:avvikelse\w*|deviation\w*)(?![\wåäö])")
BOUND = re.compile(rf"(?i){BOUND_WORDS}\s+(\d{{1,3}}(?: \d{{3}})*(?:,\d+)?)\s*(tkr|mkr|miljoner|million)?")
MKR_CELL = re.compile(r"(?i)\d mkr\b")
DEVIATING_ROWS = 10  # rows a "which rows deviate" question lists, largest first


def deviating_bound(text: str) -> float | None:
    """The size a "which rows deviate" question asks rows to exceed (0 for any deviation), in thousands of
    kronor; None when the question asks no such thing."""
    if not DEVIATING_ASKED.match(text) or any(rx.search(text) for rx in (LARGEST, SMALLEST, POSITIVE, NEGATIVE)):
        return None
    m = BOUND.search(text)
    if m is None:
        return 0.0
    value = swedish_number(m.group(1))
    return value * 1000 if (m.group(2) or "").lower() in ("mkr", "miljoner", "million") else value


# a table asked for row by row: "budget och prognos per rad?", "each line of the table"
EVERY_ROW = re.compile(r"(?i)(?<![\wåäö])(?:per rad|rad för rad|varje rad|alla rader(?:na)?|samtliga rader(?:na)?|"
                       r"per post|post för post|row by row|each row|every row|per row|per line|line by line|each line|"
                       r"all (?:the )?(?:rows|lines))(?![\wåäö])")
EVERY_ROW_MAX = 20  # rows a table asked for row by row is quoted with (the income statement has 16)


def wants_extreme(text: str) -> str | None:
    """"max" or "min" when the question asks for the row at one end of a column (or, asking which rows have
    a sign, for those rows: the largest of that sign first); "rows" when it asks for every row."""
    if EVERY_ROW.search(text):
        return "rows"
    if SMALLEST.search(text):
        return "min"
    if LARGEST.search(text):
        return "max"
    # (both signs offered, "blir det överskott eller underskott?", ask which one it is, of one figure)
    if WHICH_OF_A_SIGN.match(text) and bool(POSITIVE.search(text)) != bool(NEGATIVE.search(text)):
        return "max"
    return "max" if deviating_bound(text) is not None else None  # the rows that deviate: the largest first


def selection_words(question: str, question_terms: set[str]) -> set[str]:
    """The question's terms that ask which end of a column (störst, positiv, largest …): the selection
    answers them, no row holds them."""
    asked = [m.group(0) for rx in (LARGEST, SMALLEST, POSITIVE, NEGATIVE) for m in rx.finditer(question)]
    stems = {stem(w.lower()) for w in asked}
    return {t for t in question_terms if t in stems or any(rx.fullmatch(t) for rx in (LARGEST, SMALLEST, POSITIVE,
                                                                                      NEGATIVE))}


def asked_column(question_terms: set[str], columns: list[str], words_as_written: set[str] = frozenset()) -> str | None:
    """The column whose header words the question uses ("avvikelse" -> "Avvikelse"). The question's terms
    (an English one's through the glossary) count first, its words as written only break a tie: "budget area"
    names no "Budget" column."""
    best, best_n = None, (0, 0)
    for col in columns:
        own = set(terms(col))
        n = (len(own & question_terms), len(own & words_as_written))
        if n > best_n:
            best, best_n = col, n
    return best


# "Vilka budgetområden avviker mest?", "Which budget areas have the largest deviations?": the first few rows
# (Swedish "vilka" is plural by itself: "Vilka projekt …", whose noun has no plural ending)
PLURAL_ASKED = re.compile(r"(?i)^\s*(?:vilka\s+(?!är\b|var\b)[\wåäö-]+|(?:vilka|which|what)\s+(?:[\wåäö-]+\s+){0,2}?"
                          r"(?:[\wåäö-]+(?:en|er|ar|or|na|s)))\b(?<!\bis)(?<!\bwas)(?<!\bhas)")
RANKED_ROWS = 5  # rows a plural superlative lists, largest first
COUNT_ASKED = re.compile(r"(?i)^\s*(?:vilka|which|what)(?:\s+are\s+the)?\s+(\d+|två|tre|fyra|fem|sex|two|three|four|"
                         r"five|six)\b")
COUNTS = {"två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def ranked_count(question: str) -> int | None:
    """How many rows "Vilka tre budgetområden …", "Which five areas …" asks for."""
    m = COUNT_ASKED.match(question)
    if m is None:
        return None
    word = m.group(1).lower()
    return int(word) if word.isdigit() else COUNTS[word]


def extreme_rows(question: str, rows: list[str], question_terms: set[str] | None = None,
                 k: int = RANKED_ROWS) -> tuple[list[int], str] | None:
    """Indexes (best first) and column of the rows a superlative question asks for: the one row, or for a
    plural question ("Vilka budgetområden …") the first `k` in that order (`question_terms`: the question's
    stems, an English question's through the glossary)."""
    end = wants_extreme(question)
    if end is None:
        return None
    if end == "rows":  # every row, in the table's order, its total too; the first row's first column
        every = [(i, row) for i, r in enumerate(rows) if (row := parse_row(r)) is not None]
        return ([i for i, _ in every[:EVERY_ROW_MAX]], next(iter(every[0][1].cells))) if len(every) >= 2 else None
    parsed = [(i, parse_row(r)) for i, r in enumerate(rows)]
    parsed = [(i, r) for i, r in parsed if r is not None and not TOTAL.match(r.label)]
    if len(parsed) < 2:
        return None
    columns = list(dict.fromkeys(c for _, r in parsed for c in r.cells))
    written = {stem(w) for w in re.findall(r"[\wåäöÅÄÖ-]+", question.lower())}
    negative = NEGATIVE.search(question) is not None
    signed = negative or POSITIVE.search(question) is not None
    # a surplus, a deficit or an overspend is a deviation from budget: its column, whatever else the words name
    bound = deviating_bound(question)
    deviation = next((c for c in columns if DEVIATION_COLUMN.match(c)), None) if signed or bound is not None else None
    col = deviation or asked_column(set(question_terms or ()) or written, columns, written)
    col = col or (columns[0] if len(columns) == 1 else None)  # one column: that one
    if col is None:
        return None
    if negative:
        end = "min" if end == "max" else "max"  # the largest deficit is the most negative value
    candidates = [(i, r.cells[col]) for i, r in parsed if col in r.cells]
    if len(candidates) < 2:
        return None
    candidates.sort(key=lambda item: item[1] if signed else abs(item[1]), reverse=end == "max")
    if signed:  # "störst negativ avvikelse": only rows of that sign
        candidates = [(i, v) for i, v in candidates if v != 0 and (v < 0) == negative] or candidates[:1]
    if bound is not None and deviation is not None:  # every row that deviates by more than the bound
        scale = 1000.0 if all(MKR_CELL.search(rows[i]) for i, _ in parsed) else 1.0  # a table in Mkr
        # ("över 500": the report's own -500 too)
        kept = [i for i, v in candidates if v != 0 and abs(v) * scale >= bound]
        return (kept[:max(k, DEVIATING_ROWS)], col) if kept else None
    plural = PLURAL_ASKED.match(question) and not re.match(r"(?i)^\s*(?:vilket|vilken)\b", question)
    return [i for i, _ in candidates[:k if plural else 1]], col


def extreme_row(question: str, rows: list[str], question_terms: set[str] | None = None) -> tuple[int, str] | None:
    """Index and column of the one row a superlative question asks for, among a table's rows."""
    found = extreme_rows(question, rows, question_terms, k=1)
    return (found[0][0], found[1]) if found else None


def introduced_table(u: Unit, chunks: list[IndexedChunk]) -> IndexedChunk | None:
    """The table a sentence introduces or points to: the one under the heading it names ("enligt tabell
    ovan under rubrik Anslaget för kommunstyrelsen"), else the one under its own heading, on its page or the next."""
    if u.is_row or not LEAD_IN.search(u.text):
        return None
    named = TABLE_UNDER.search(u.text)
    source = u.chunk.meta.get("source")
    for c in chunks:
        if c.meta.get("kind") != "table" or c.meta.get("source") != source:
            continue
        heading = str(c.meta.get("heading") or "")
        if named is not None:
            if heading.lower() == named.group(1).strip().lower():
                return c
        elif heading == u.chunk.meta.get("heading") and u.page <= c.page <= u.page + 1:
            return c
    return None
