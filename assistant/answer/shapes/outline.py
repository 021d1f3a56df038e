"""Questions about the report's outline, answered from the parse: which goal
areas and goals there are, how many, their assessments, and negations such
as "which goals are not expected to be met" (none, when all are)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from assistant.answer.extractive import Unit, units_of
from assistant.answer.premise import area_list
from assistant.answer.route import ACTORS, ASSESSED_WORD, GOAL_WORD, GOALS_MET, MET_WORD, NEGATION
from assistant.answer.shapes.base import Composition, Context
from assistant.answer.shapes.summary import Span, assessment_first, heading_citation
from assistant.glossary import translate
from assistant.models import Citation
from assistant.textproc import EN_STOP, STOP, stem, words

MET = MET_WORD  # one vocabulary of meeting a goal for routing and for the outline answer
COUNT = re.compile(r"\b(hur många|antal\w*|how many|number of)\b", re.IGNORECASE)
AREA_WORD = re.compile(r"\b(målområde\w*|goal areas?)\b", re.IGNORECASE)
AREAS = re.compile(r"\b(målområden|målområdena|goal areas)\b", re.IGNORECASE)
GOALS = GOAL_WORD
ASSESSED = ASSESSED_WORD
# one goal ("Hur bedöms KF-målet om X?"): its assessment, or none when the report has no such goal, not all twelve
ONE_GOAL = re.compile(r"(?<![\wåäö])(?:[\wåäö]+-)?(?:kommunfullmäktige|fullmäktige)?målet(?![\wåäö])|\bthe goal\b",
                      re.IGNORECASE)
ALL_MET = ("förväntas uppnås", "expected to be met")
# a question for the goal about something: "Vilket mål handlar om …?", "Which goal deals with …?"
WHICH_GOAL = re.compile(r"(?i)\b(?:vilket|vilka|which|what)\s+(?:\w+\s+)?(?:kommunfullmäktige)?(?:mål(?:et)?|goals?)\b")


def report_source(ctx: Context) -> str | None:
    if ctx.filters and ctx.filters.source:
        return ctx.filters.source
    sources = ctx.library.index.sources
    if len(sources) > 1:
        hits = ctx.library.retrieve(ctx.q.retrieval_query, ctx.filters, k=1, lexical_query=ctx.q.lexical_query)
        return str(hits[0][0].meta.get("source")) if hits else None
    return sources[0] if sources else None


def _status_citation(ctx: Context, n: int, goal: dict[str, Any], source: str | None) -> Citation:
    chunk = next((c for c in ctx.library.index.chunks if c.meta.get("goal") == goal["title"]
                  and c.meta.get("kind") == "assessment" and (source is None or c.meta.get("source") == source)),
                 None)
    quote = f"Bedömning: {goal.get('status') or '–'}"
    meta: dict[str, Any] = chunk.meta if chunk else {}
    return Citation(n=n, page=int(goal.get("status_page") or goal.get("page") or 0),
                    section=str(meta.get("section") or "Bedömning"), goal=goal["title"],
                    goal_area=goal.get("goal_area"), quote=quote, source=str(meta.get("source") or source or ""),
                    report_title=str(meta.get("report_title") or ""), chunk_id=chunk.id if chunk else "",
                    passage=chunk.text if chunk else quote, kind="assessment")


def _goal_citation(ctx: Context, n: int, goal: dict[str, Any], source: str | None) -> Citation:
    """The goal's own heading, where the goal is named (what a list of goals cites)."""
    heading = f"Kommunfullmäktigemål - {goal['title']}"
    chunk = next((c for c in ctx.library.index.chunks if c.meta.get("goal") == goal["title"]
                  and (source is None or c.meta.get("source") == source)), None)
    meta: dict[str, Any] = chunk.meta if chunk else {}
    return Citation(n=n, page=int(goal.get("page") or 0), section=heading, goal=goal["title"],
                    goal_area=goal.get("goal_area"), quote=heading, source=str(meta.get("source") or source or ""),
                    report_title=str(meta.get("report_title") or ""), chunk_id=chunk.id if chunk else "",
                    passage=heading, kind="heading")


def compose_outline(ctx: Context) -> Composition | None:
    """An answer from the outline, or None when the question is not one it can answer
    (then the fact shape takes it)."""
    q = ctx.q
    text = q.text
    source = report_source(ctx)
    outline = ctx.library.outline(source)
    goals = outline.get("goals", [])
    areas = outline.get("goal_areas", [])
    if not goals and not areas:
        return None
    sv = q.lang == "sv"
    named_area = ctx.scorer.best_match(q, areas, min_cov=0.6) if areas else None  # the goal area it names, if one
    # (or writes out whole, however long the rest of the question: "Vilka kommunfullmäktigemål ingår i målområdet
    # En mer jämlik stad, och hur bedömer kommunstyrelsen måluppfyllelsen för dessa?")
    named_area = named_area or next((a for a in areas if len(a) >= 10 and a.lower() in text.lower()), None)
    # "Vilka mål förväntas inte uppnås?" / "Which goals are not expected to be met?"
    assessed = ASSESSED.search(text) is not None and not ONE_GOAL.search(text) and not AREAS.search(text)
    if goals and (((MET.search(text) or assessed) and GOALS.search(text)) or GOALS_MET.search(text)) \
            and (not _names_one_goal(ctx, goals) or (named_area and AREA_WORD.search(text))) \
            and (named_area or not about_something_else(ctx)):
        # (a goal only partly met is not met: "Vilka mål förväntas bara delvis uppnås?" asks for the goals not met)
        negated = NEGATION.search(text) is not None or PARTLY.search(text) is not None
        if named_area:  # "Uppnås målen under En grön stad …?": that area's goals, not all of them
            goals = [g for g in goals if g["goal_area"] == named_area] or goals
        met = [g for g in goals if str(g.get("status") or "").lower().startswith(ALL_MET)]
        unmet = [g for g in goals if g not in met]
        shown = unmet if negated else met
        if negated and not unmet:
            lead = (f"Inga: alla {len(goals)} kommunfullmäktigemål har bedömningen «Förväntas uppnås»." if sv else
                    f"None: all {len(goals)} goals (kommunfullmäktigemål) are assessed as expected to be met "
                    f"(«Förväntas uppnås»).")
        else:
            word = ("bedöms inte uppnås" if negated else "förväntas uppnås") if sv else (
                "are not expected to be met" if negated else "are expected to be met")
            lead = (f"{len(shown)} av {len(goals)} kommunfullmäktigemål {word}:" if sv else
                    f"{len(shown)} of {len(goals)} goals {word}:")
        if named_area:  # few goals: each cited where it is named and where it is assessed
            lead = (f"Under målområdet «{named_area}»: " if sv else f"In the goal area «{named_area}»: ") + \
                lead[0].lower() + lead[1:]
            cits, lines = [], [lead]
            for i, g in enumerate(shown or goals, 1):
                cits += [_goal_citation(ctx, len(cits) + 1, g, source), _status_citation(ctx, len(cits) + 2, g, source)]
                lines.append(f"{i}. {g['title']} [{len(cits) - 1}] – {g.get('status') or '–'!s} [{len(cits)}]")
        else:
            cits = [_status_citation(ctx, i, g, source) for i, g in enumerate(shown or goals, 1)]
            lines = [lead] + [f"{c.n}. {c.goal} – {g.get('status') or '–'!s} [{c.n}]"
                              for c, g in zip(cits, shown or goals, strict=True)]
        overall = None if named_area else overall_statement(ctx, source)
        if overall is not None:  # the report's own words on all its goals ("… samtliga tolv mål …")
            cits.append(ctx.scorer.citation(len(cits) + 1, overall))
            lines.append(("\nRapportens sammanfattning: " if sv else "\nThe report's summary: ")
                         + f"{overall.text} [{len(cits)}]")
        return Composition("\n".join(lines), cits, [], True, certain=True)
    # "Hur många målområden / mål?", "Vilka målområden finns?"
    if AREAS.search(text) and named_area is None:
        lines, cits = area_list(outline, source or "", sv)
        lines = [f"{line} [{c.n}]" for line, c in zip(lines, cits, strict=True)]
        lead = (f"Rapporten har {len(areas)} målområden:" if sv else f"The report has {len(areas)} goal areas:")
        return Composition("\n".join([lead, *lines]), cits, [], True, certain=True)
    if named_area and GOALS.search(text) and not AREAS.search(text.replace("målområdet", "")) \
            and (COUNT.search(text) or re.search(r"(?i)\b(vilka|which|what|list|lista)\b", text)):
        members = [g for g in goals if g["goal_area"] == named_area]
        cits = [_goal_citation(ctx, i, g, source) for i, g in enumerate(members, 1)]
        lead = (f"Under målområdet «{named_area}» finns {len(members)} kommunfullmäktigemål:" if sv else
                f"The goal area «{named_area}» has {len(members)} goals (kommunfullmäktigemål):")
        lines = [lead] + [f"{c.n}. {g['title']} – bedömning: {g.get('status') or '–'} [{c.n}]"
                          for c, g in zip(cits, members, strict=True)]
        return Composition("\n".join(lines), cits, [], True, certain=True)
    if goals and GOALS.search(text) and (COUNT.search(text) or re.search(r"(?i)\b(vilka|which|what|list|lista)\b",
                                                                          text)) \
            and named_area is None and not _names_one_goal(ctx, goals):
        said = opening_sentence(ctx, source, lambda t: GOAL_COUNT.search(t) is not None) \
            if COUNT.search(text) else None
        first_n = 2 if said is not None else 1  # "how many": the report's own sentence on it is cited first
        cits = [_goal_citation(ctx, i, g, source) for i, g in enumerate(goals, first_n)]
        lead = (f"Rapporten följer upp {len(goals)} kommunfullmäktigemål i {len(areas)} målområden:" if sv else
                f"The report follows up {len(goals)} goals (kommunfullmäktigemål) in {len(areas)} goal areas:")
        if said is not None:
            cits.insert(0, ctx.scorer.citation(1, said))
            lead = f"{said.text} [1]\n\n{lead}"
        lines, area = [lead], None
        for c, g in zip(cits[first_n - 1:], goals, strict=True):
            if g["goal_area"] != area:
                area = g["goal_area"]
                lines.append(f"\n**{area}**")
            lines.append(f"- {g['title']} – {g.get('status') or '–'} [{c.n}]")
        return Composition("\n".join(lines), cits, [], True, certain=True)
    if goals and q.kind not in ("goal_area", "goals_in_area", "status") and WHICH_GOAL.search(text):
        named = ctx.scorer.best_match(q, [g["title"] for g in goals])  # "Vilket mål handlar om elförsörjning?"
        if named is not None:
            g = next(x for x in goals if x["title"] == named)
            cits = [_goal_citation(ctx, 1, g, source), _status_citation(ctx, 2, g, source)]
            body = (f"Kommunfullmäktigemålet «{g['title']}» [1], under målområdet «{g['goal_area']}» – bedömning: "
                    f"{g.get('status') or '–'} [2]" if sv else
                    f"The goal (kommunfullmäktigemål) «{g['title']}» [1], in the goal area «{g['goal_area']}» – "
                    f"assessment: {g.get('status') or '–'} [2]")
            return Composition(body, cits, [], True, certain=True)
    if q.kind is None and (MET.search(text) or ASSESSED.search(text)) and _names_one_goal(ctx, goals):
        q = replace(q, kind="status")  # "Når staden sina klimatmål?": that goal's assessment
    answer = ctx.scorer.structure(q, ctx.filters)  # goal area of X, goals in area A, assessment of goal G
    if answer is None:
        return None
    text, cits = answer.answer, list(answer.citations)
    if q.kind == "status" and cits and cits[0].goal:  # what the assessment rests on, in the report's words
        goal = str(cits[0].goal)
        span = Span(goal, "goal", [c for c in ctx.library.index.chunks if c.meta.get("goal") == goal
                                   and (source is None or c.meta.get("source") == source)], 0.0)
        for u in assessment_first(span)[1:]:
            cits.append(ctx.scorer.citation(len(cits) + 1, u))
            text += f"\n- {u.text} [{len(cits)}]"
    return Composition(text, cits, [], True, certain=True)


# the report's own statement on all its goals: "… uppnå sina bidrag till samtliga tolv mål …"
ALL_GOALS = re.compile(r"\b(samtliga|alla)\s+(\w+\s+)?(kommunfullmäktige)?mål(en)?\b", re.IGNORECASE)


OPENING_PAGES = 5  # where a report sums itself up: its overall statement is looked for there only


def overall_statement(ctx: Context, source: str | None) -> Unit | None:
    """The report's sentence on how all its goals are assessed, if it has one (in its opening summary)."""
    return opening_sentence(ctx, source, lambda t: ALL_GOALS.search(t) is not None and MET.search(t) is not None)


# "Kommunfullmäktige har … riktat tolv mål till kommunstyrelsen": the report's own count of its goals
GOAL_COUNT = re.compile(r"\b(\d+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton)\s+"
                        r"(kommunfullmäktige)?mål\b", re.IGNORECASE)


def opening_sentence(ctx: Context, source: str | None, wanted: Callable[[str], bool]) -> Unit | None:
    """The first sentence of the report's opening pages that `wanted` accepts."""
    mine = [c for c in ctx.library.index.chunks if source is None or c.meta.get("source") == source]
    first = min((c.page for c in mine), default=0)
    for i, c in enumerate(mine):
        if c.meta.get("kind") == "table" or c.page >= first + OPENING_PAGES:
            continue
        for u in units_of(c, i):
            if wanted(u.text):
                return u
    return None


# words of the outline's own questions: whose goals, when, how many, how they stand
OUTLINE_FRAME = {f(w) for f in (str, stem) for w in (
    "år", "året", "year", "this", "any", "några", "något", "nåt", "alla", "all", "samtliga", "tolv", "twelve",
    "delvis", "partly", "partially", "partial", "bara", "endast", "only", "risk", "flagged", "fortfarande", "still", "expect", "expects", "expected", "förväntas", "väntas",
    "beräknas", "likely", "räknar", "räkna", "räknat", "stämmer", "stämde", "true",
    "council", "kf", "kommunfullmäktige", "fullmäktige", "bedömer", "bedöma", "kommer", "tror", "think", "believe",
    "bidrag", "bidraget", "bidragen", "sitt", "sina", "reach", "meet", "many", "overall", "totalt",
    # whose goals they are: "the Council goals assigned to the Board", "målen som KF riktat till KS"
    "assigned", "given", "set", "riktat", "riktade", "riktats", "tilldelade", "tilldelats",
    # the report asked about, and the words a chat opens with: "hey, quick q - does the report say if …"
    "report", "rapport", "rapporten", "delårsrapport", "delårsrapporten", "hey", "hej", "quick", "executive",
    # a summary asked for ("Skulle du kunna sammanfatta … kommunstyrelsens måluppfyllelse"), and the actors' genitives
    "sammanfatta", "summarise", "summarize", "skulle", "kunna", "kommunstyrelsens", "stadens", "malmös")}


PARTLY = re.compile(r"(?i)(?<![\wåäö])(?:delvis|partly|partially|partial|in part)(?![\wåäö])")


def about_something_else(ctx: Context) -> bool:
    """A question on meeting goals that is about a topic no goal names ("Did the city meet its target for women in
    leadership?"): not the outline's list of all twelve assessments."""
    text = ctx.q.text
    for rx in (GOALS_MET, GOAL_WORD, MET_WORD, ASSESSED_WORD, NEGATION):
        text = rx.sub(" ", text)
    left = [w for w in words(text) if w not in STOP and w not in EN_STOP and w not in ACTORS and not w.isdigit()
            and w not in OUTLINE_FRAME and stem(w) not in OUTLINE_FRAME and len(w) > 2]
    if ctx.q.lang == "en":
        left = [sw for t in translate(" ".join(left)) for sw in words(t.swedish[0])]
    return any(ctx.scorer.stem_in_corpus(stem(w)) for w in left)


def _names_one_goal(ctx: Context, goals: list[dict[str, Any]]) -> bool:
    return ctx.scorer.best_match(ctx.q, [g["title"] for g in goals]) is not None



# how the report is built: "Hur är rapporten uppbyggd?", "Vilka huvuddelar finns i rapporten?", "What sections does
# the report have?", "innehållsförteckning": its parts in order with their pages, the goal areas within
STRUCTURE_ASKED = re.compile(
    r"(?i)hur är (?:den här |denna )?(?:delårs)?rapporten (?:uppbyggd|upplagd|strukturerad|disponerad)|"
    r"vilka (?:huvuddelar|huvudavsnitt|avsnitt|delar|kapitel|rubriker) (?:finns|har|består)(?: det)?(?: i)? "
    r"(?:den här |denna )?(?:delårs)?rapporten|rapportens (?:struktur|upplägg|disposition|uppbyggnad|huvuddelar)|"
    r"innehållsförteckning|how is (?:the|this) report (?:structured|organi[sz]ed|laid out|built)|"
    r"what (?:sections|parts|chapters) (?:does (?:the|this) report (?:have|contain)|are (?:there )?in (?:the|this) report)|"
    r"table of contents|(?:the )?structure of (?:the|this) report|(?:the )?report'?s structure")


def compose_contents(ctx: Context) -> Composition | None:
    """The report's parts in report order, each with its pages and cited at its heading; the parts that follow up
    the goals are told by their goal areas and how many goals each holds (from the parsed outline), and a goal area
    told without goals (the economy) by the parts it holds."""
    source = report_source(ctx)
    chunks = sorted((c for c in ctx.library.index.chunks if source is None or c.meta.get("source") == source),
                    key=lambda c: c.page)
    if not chunks:
        return None
    goals = ctx.library.outline(source)["goals"]
    parts: dict[str, list[Any]] = {}  # part -> [first page, last page, first chunk, the parts within]
    for c in chunks:
        first = str(c.meta.get("section") or "").split(" › ")[0].strip()
        key = first
        if c.meta.get("goal"):
            key = "\0goals"  # every goal's follow-up and assessment: one part, told by its goal areas
        elif c.meta.get("goal_area"):
            key = "\0area:" + str(c.meta["goal_area"])  # a goal area told without goals (the economy)
        if not first:
            continue
        span = parts.setdefault(key, [c.page, c.page, c, []])
        span[1] = max(span[1], c.page)
        if key.startswith("\0area:") and first not in span[3]:
            span[3].append(first)
    sv = ctx.q.lang == "sv"
    page_word = "s." if sv else "p."
    lines, citations = [], []
    for key, (lo, hi, chunk, within) in parts.items():
        pages = f"{page_word} {lo}" if lo == hi else f"{page_word} {lo}–{hi}"
        n = len(citations) + 1
        if key == "\0goals":
            areas: dict[str, int] = {}
            for g in goals:
                areas[g["goal_area"]] = areas.get(g["goal_area"], 0) + 1
            label = "Uppföljning av kommunfullmäktigemålen" if sv else "Follow-up of the council's goals"
            counted = ", ".join(f"«{a}» ({k})" for a, k in areas.items())
            told = (f"{len(goals)} kommunfullmäktigemål i {len(areas)} målområden: {counted}" if sv else
                    f"{len(goals)} council goals in {len(areas)} goal areas: {counted}")
            lines.append(f"- {label} ({pages}) [{n}]: {told}")
            citations.append(heading_citation(n, label, chunk))
        elif key.startswith("\0area:"):
            area = key.removeprefix("\0area:")
            label = f"Målområde «{area}»" if sv else f"Goal area «{area}»"
            lines.append(f"- {label} ({pages}) [{n}]: " + ", ".join(f"«{w}»" for w in within))
            citations.append(heading_citation(n, area, chunk))
        else:
            lines.append(f"- {key} ({pages}) [{n}]")
            citations.append(heading_citation(n, key, chunk))
    lead = "Rapporten är uppbyggd så här:" if sv else "The report is built like this (headings in Swedish):"
    return Composition(f"{lead}\n\n" + "\n".join(lines), citations, [], True, certain=True)
