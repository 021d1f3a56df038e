"""Cited points: the building block of briefs, summaries, reasons and page answers.

A point is one verbatim sentence or table row with its own citation. Points
are picked for relevance and against repetition (maximal marginal relevance
over the sentences' content stems), signposts ("beskrivs mer ingående under
…") are never quoted, and the chosen points are shown grouped under the
heading they come from, in report order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from assistant.answer.extractive import (
    Unit,
    bullets_after,
    deviation_sign,
    introduces_a_list,
    is_signpost,
    list_opening,
    run_in_label,
    sentence_before,
    units_of,
)
from assistant.answer.question import AMBIENT_ACTORS
from assistant.models import Citation
from assistant.textproc import STOP, similarity, terms

DECISION = re.compile(r"\b(beslut\w*|beslutat|antagit|antogs|godkänt|godkändes|fastställ\w*|infört|införts|"
                      r"startat|lanserat|tagit fram|tagits fram|genomfört|genomförts)\b", re.IGNORECASE)
NUMBER = re.compile(r"\d")
# the bottom line of an economic part: a surplus, a deficit or a balance, with its amount
OUTCOME = re.compile(r"(?i)\b(överskott\w*|underskott\w*|budget i balans|ekonomi i balans)\b.*\d|\d.*\b(överskott\w*|"
                     r"underskott\w*)\b")
# a sentence about the report itself rather than the work ("I årets delårsrapport återfinns också …")
ABOUT_THE_REPORT = re.compile(r"^(I (årets |denna |detta |föreliggande )?(delårsrapport\w*|rapport\w*|avsnitt\w*|kapit\w*)|"
                              r"Rapporten|Avsnittet|Kapitlet|Nedan|Följande)\b", re.IGNORECASE)
# a sentence that leans on the one before it ("Därför har …", "Genom detta arbete …")
ANAPHORA = re.compile(r"(Detta|Det(?! finns| fanns)|Dessa|Denna|Båda|Bägge|Därför|Därmed|Samtidigt|Genom (detta|dessa|denna|det|uppföljningen|"
                     r"arbetet|insatserna)|Arbetet (ger|bidrar|stärker)|Insatserna|Också|Även|"
                     r"(Trots|Utöver|Utifrån|Till följd av|I och med) (detta|det|dessa)|"
                     # a pronoun before its verb, not a determiner ("Den har till exempel legat till grund för …",
                     # not "Den största enskilda osäkerheten …"); "Det finns även …" opens a matter of its own
                     r"(Den|De) (har|hade|är|var|kommer|ska|skall|kan|används|innehåller|ger|bidrar|omfattar)|"
                     # ... or before a verb in the passive or the present ("Den inleds med en demokratihelg …",
                     # "Den innebär att …"): an adjective after a determiner ends in -a, -e or -re
                     r"(Den|De) [a-zåäö]{2,}(?:ds|ts|as|es|ar|er|ir|är)(?= ))\b")
def is_verdict(text: str) -> bool:
    """A goal's assessment sentence: «Bedömningen är att bidraget till kommunfullmäktigemålet … förväntas uppnås»."""
    low = text.lower()
    return low.startswith("bedömningen är") or ("förväntas" in low and "bedömning" in low and len(low) > 30)


GENERIC_HEADINGS = ("Bedömning av förväntad utveckling", "Uppföljning av bidrag till kommunfullmäktigemålet")


@dataclass
class Point:
    unit: Unit
    relevance: float


def content(u: Unit) -> set[str]:
    return {t for t in u.stems if t not in STOP and len(t) > 2}


def what_it_says(u: Unit) -> set[str]:
    """The words that tell a point from another: a table row by its label ("Beredskapsförmåga: Plan 2027
    …"), because every row of a table repeats the same columns and units."""
    if u.row_label:
        return {t for t in terms(u.row_label) if t not in STOP and len(t) > 2} or content(u)
    return content(u)


def mmr(points: Sequence[Point], k: int, lam: float = 0.7, min_relevance: float = 0.0,
        duplicate: float = 0.6) -> list[Point]:
    """Up to k points, each the most relevant that does not repeat those already chosen."""
    pool = [p for p in points if p.relevance >= min_relevance]
    chosen: list[Point] = []
    stems = {id(p): what_it_says(p.unit) for p in pool}
    while pool and len(chosen) < k:
        def gain(p: Point) -> float:
            overlap = max((similarity(stems[id(p)], stems[id(c)]) for c in chosen), default=0.0)
            return lam * p.relevance - (1 - lam) * overlap

        best = max(pool, key=gain)
        pool.remove(best)
        if any(similarity(stems[id(best)], stems[id(c)]) >= duplicate or best.unit.text == c.unit.text
               for c in chosen):
            continue  # says the same thing as a point already chosen
        chosen.append(best)
    return chosen


def heading_label(u: Unit) -> str:
    """The heading a point is grouped under; a goal's generic subsection is named by its goal."""
    m = u.chunk.meta
    heading = str(m.get("heading") or m.get("section") or "").strip()
    goal = str(m.get("goal") or "")
    if goal and (not heading or heading.startswith(GENERIC_HEADINGS)):
        prefix = "Bedömning" if heading.startswith("Bedömning") else "Mål"
        return f"{prefix}: {goal}"
    if m.get("kind") == "table" and m.get("table_title"):
        return str(m.get("table_title"))
    run_in = run_in_label(u.chunk) if u.label else ""
    if run_in and run_in != u.text and deviation_sign(run_in):  # "Lokalkostnader -3 Mkr", not a table's stray line
        # the run-in label says which deviation the sentences explain, and by how much ("Lokalkostnader -3 Mkr")
        return f"{heading} – {run_in}" if heading else run_in
    return heading or "Rapporten"


def report_order(position: Callable[[str], int]) -> Callable[[Point], tuple[int, int, int]]:
    """Sort key: the chunk's place in the report, then the sentence's place in the chunk."""
    def key(p: Point) -> tuple[int, int, int]:
        u = p.unit
        return (u.page, position(u.chunk.id), u.chunk.text.find(u.text[:40]))
    return key


def render(points: Sequence[Point], citation: Callable[[int, Unit], Citation], order: Callable[[Point], object],
           lead: str = "", first_n: int = 1) -> tuple[str, list[Citation]]:
    """Points grouped under their headings in report order, each with its own [n]."""
    ordered = sorted(points, key=order)
    groups: list[tuple[str, list[Point]]] = []
    for p in ordered:
        label = heading_label(p.unit)
        if groups and groups[-1][0] == label:
            groups[-1][1].append(p)
        else:
            groups.append((label, [p]))
    citations: list[Citation] = []
    lines: list[str] = [lead] if lead else []
    n = first_n
    for label, members in groups:
        pages = sorted({m.unit.page for m in members})
        where = f"s. {pages[0]}" if len(pages) == 1 else f"s. {pages[0]}–{pages[-1]}"
        if lines:
            lines.append("")
        lines.append(f"**{label}** ({where})")
        for m in members:
            citations.append(citation(n, m.unit))
            text = m.unit.text
            if m.unit.is_row and label != m.unit.chunk.meta.get("table_title"):
                text = f"{m.unit.chunk.meta.get('table_title') or 'Tabell'}: {text}"  # the heading does not say it
            lines.append(f"- {text.lstrip('•· ').strip()} [{n}]")  # a bulleted line of the report: one bullet
            n += 1
    return "\n".join(lines), citations


def joined_with(before: Unit | None, u: Unit) -> Unit | None:
    """A sentence quoted with the one before it, as one unit: on the same page, as the chunk has them together (or
    the passage before ends with it), the one before neither a fragment nor a signpost; None when they cannot be
    joined."""
    if before is None or before.page != u.page or len(before.text.split()) < 4 or is_signpost(before.text):
        return None
    joined = f"{before.text} {u.text}"
    together = joined in u.chunk.text or (before.chunk is not u.chunk and u.chunk.text.startswith(u.text)
                                          and before.chunk.text.rstrip().endswith(before.text))
    return replace(u, text=joined, stems=u.stems | before.stems) if together else None


def sentence_before_across(u: Unit, chunks: Sequence[Any]) -> Unit | None:
    """The sentence before a unit, from the passage before it when the unit opens its own: a paragraph split
    between two passages of one section («… fattade beslut om … Öresundsförbindelser.» | «Köpenhamns kommun
    fattade samtidigt beslut …»)."""
    before = sentence_before(u)
    if before is not None or not u.chunk.text.startswith(u.text) or not (LEANS_ACROSS.match(u.text)
                                                                           or LEANS_BACK.match(u.text)):
        return before
    at = next((i for i, c in enumerate(chunks) if c is u.chunk or c.id == u.chunk.id), None)
    if not at:
        return None
    prev = chunks[at - 1]
    if prev.meta.get("source") != u.chunk.meta.get("source") or prev.meta.get("section") != u.chunk.meta.get("section") \
            or prev.meta.get("kind") == "table":
        return None
    sentences = units_of(prev, u.rank)
    return sentences[-1] if sentences else None


# an adverb after the subject and its verb that leans on the sentence before just as an opening one does
# ("Köpenhamns kommun fattade samtidigt beslut …": at the same time as the decision told before it; «Lokalerna utgör
# således ett exempel …»: of what the sentence before told), when the two
# share a word: "Malmö driver samtidigt påverkansarbete kring kustskydd …" only adds another matter
LEANS_BACK = re.compile(r"^(?:[\wåäöÅÄÖ:-]+\s+){2,3}(?:samtidigt|därmed|därför|således|alltså)\b")
# what leans on a sentence ending the passage before: a pronoun no passage opens with ("Det" and "Den" open many:
# «Det huvudsakliga skälet …»)
LEANS_ACROSS = re.compile(r"(Detta|Dessa|Denna|Båda|Bägge|Därför|Därmed|Samtidigt)\b")


def leans_back(u: Unit, before: Unit) -> bool:
    """Whether a sentence with a leaning adverb inside it and the one before it share a content word."""
    return bool({t for t in u.stems & before.stems if t not in STOP and t not in AMBIENT_ACTORS and not t.isdigit()})


def with_antecedents(chosen: list[Point], chunks: Sequence[Any] = ()) -> list[Point]:
    """A point that leans on the sentence before it ("Genom detta arbete blir mänskliga rättigheter …") is
    quoted with that sentence, as one point: alone it says what "detta" did, not what it is. With the
    report's `chunks` in order, the sentence before may end the passage before."""
    out: list[Point] = []
    texts = {p.unit.text for p in chosen}
    for p in chosen:
        u = p.unit
        leans = ANAPHORA.match(u.text) or LEANS_BACK.match(u.text)
        before = None if u.is_row or not leans else sentence_before_across(u, chunks)
        if before is not None and not ANAPHORA.match(u.text) and not leans_back(u, before):
            before = None
        joined = None if before is None or before.text in texts else joined_with(before, u)
        out.append(Point(joined, p.relevance) if joined is not None else p)
    return out


# a sentence left open for the list below it: «De främsta orsakerna till avvikelserna för perioden är» (a copula or
# a preposition last), «… avser bland annat:»
OPEN_LEAD = re.compile(r"(?i)(?:\s(?:är|var|blir|blev|på|av|till|för|med|om|att|och|samt)|:)\s*$")


def opens_a_list(text: str) -> bool:
    return OPEN_LEAD.search(text) is not None or introduces_a_list(text)


def with_lists(chosen: list[Point]) -> list[Point]:
    """A point that opens a list of bullets is quoted with them, as one point: «De främsta orsakerna till
    avvikelserna för perioden är» says nothing without «• senareläggning … • vakanser»; a bullet chosen alone is
    quoted in its list too, once."""
    out: list[Point] = []
    quoted: set[str] = set()  # the bullets already quoted in a list
    for p in chosen:
        u = p.unit
        if u.text in quoted:
            continue
        if u.is_row:
            out.append(p)
            continue
        ordered = units_of(u.chunk, u.rank)
        texts = [x.text for x in ordered]
        at = texts.index(u.text) if u.text in texts else -1
        if at >= 0 and u.text.startswith("•"):
            lead = list_opening(texts, at)
            at = lead if lead >= 0 and texts[lead] not in quoted else -1
        if at < 0 or not opens_a_list(texts[at]):
            out.append(p)
            continue
        bullets = bullets_after(ordered, at)
        if not bullets:
            out.append(p)
            continue
        lead_unit = ordered[at]
        # («Detta är uppdelat på» leans on the sentence before it: «… utfall … uppgår till 32,8 Mkr.»)
        before = [ordered[at - 1]] if at > 0 and ANAPHORA.match(lead_unit.text) \
            and not ordered[at - 1].text.startswith("•") else []
        parts = [*before, lead_unit, *bullets]
        quoted.update(x.text for x in parts)
        stems = set().union(*(x.stems for x in parts))
        # (the point keeps what its scoring found: its coverage is the judge's evidence)
        out.append(Point(replace(u, text=" ".join(x.text for x in parts), stems=stems, page=parts[0].page),
                         p.relevance))
    # (a bullet chosen before its list was quoted, from a passage that holds it without its lead, is in the list)
    return [p for p in out if p.unit.text not in quoted]
