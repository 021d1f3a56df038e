"""Briefs: "Vad gör staden för …", "What is the City doing about …" — 3–6 cited points.

Also the reason and change shapes, which are briefs with a different idea of
relevance: a cause sentence, or a sentence with figures to compare.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from itertools import pairwise

from assistant.answer.extractive import (
    CAUSAL,
    FOLLOWUP_TOPIC,
    PARTS,
    RULE_REQUIRES,
    Unit,
    asked_parts,
    deviation_sign,
    is_signpost,
    next_in_section,
    run_in_label,
    term_hit,
    units_of,
)
from assistant.answer.points import (
    ABOUT_THE_REPORT,
    ANAPHORA,
    DECISION,
    NUMBER,
    Point,
    content,
    is_verdict,
    mmr,
    with_antecedents,
    with_lists,
)
from assistant.answer.question import AMBIENT_ACTORS, DEFICIT_WORDS, SURPLUS_WORDS, Question
from assistant.answer.route import requested_count
from assistant.answer.shapes.base import Composition, Context
from assistant.answer.shapes.causes import (
    DEVIATION_TERM,
    PART_FLOOR,
    STATED_CAUSE,
    cause_weight,
    label_amount,
    states_a_cause,
    tells_a_deviation,
    with_each_part,
)
from assistant.answer.tables import introduced_table
from assistant.retrieval import IndexedChunk
from assistant.textproc import one_edit, similarity, stem, terms, words

COMPARATIVE = re.compile(r"\b(ökat|ökade|ökar|ökning\w*|minskat|minskade|minskar|minskning\w*|jämfört|jämförelse\w*|"
                         r"högre|lägre|mer än|mindre än|fler|färre|föregående år|förra året|fjolår\w*|"
                         r"tidigare|än under|förändring\w*|förbättr\w*|försämr\w*|avvikelse\w*|från att|numera|"
                         r"till skillnad)\b",
                         re.IGNORECASE)
YEAR = re.compile(r"\b(19|20)\d\d\b")
ACTIVITY_LETTERS = 12  # a word naming one activity of the board is a long compound ("upphandlingsverksamheten")
# a surplus's or a deficit's own words, and a forecast's: what a question on why there is one always says
DEVIATION_STEMS = frozenset({*SURPLUS_WORDS, *DEFICIT_WORDS, DEVIATION_TERM, stem("prognos"), stem("budgetavvikelse")})
# how a question asks for a difference ("vad skiljer", "why does it differ"): no topic of its own
DIFFERS = re.compile(r"(?i)skilj\w*|skillnad\w*|differ\w*")
DENSE_POOL = 16  # sentences compared with the question by embedding (the cost of a brief)
MAX_POINTS = {"brief": 6, "reason": 3, "change": 4}
GOES_ON = 3  # sentences after a cause that may go on telling it ("… 3,9 Mkr. För arvoden … ett överskott på 2,7 Mkr.")
MAX_WITH_CONTEXT = 5  # a reason answer with the sentences its cause leans on or goes on in
# the report's own table of why the year deviates: «Prognostiserad budgetavvikelse helår - viktigaste förklaringar»
EXPLANATIONS_HEADING = re.compile(r"(?i)(?:viktigaste|viktiga|främsta) förklaring")
BARE_FIGURE = re.compile(r"-?\d[\d\s  ]*(?:,\d+)?")  # a figure on a line of its own («6 900»)
MAX_EXPLANATION_LINES = 10  # the table of explanations whole: each part, its "varav" lines and the total
BESIDE_A_TABLE = 3  # other points kept in an answer whose body is an introduced table
MAX_TABLE_ROWS = 12  # rows a lead-in ("… har följande förändringar beslutats.") brings: cut short, a table does not add up
EVERYDAY_IDF = 2.0  # a word in more passages than this says (år, arbete) is the report's everyday vocabulary
RARE_TOPIC_IDF = 3.0  # a question word in few passages names a topic of its own (MEHAB, elpriserna)
TOPIC_FLOOR = 0.3  # ... whose best point is quoted when it is at least this share of the best point's relevance
MIN_POINTS = {"brief": 3, "reason": 1, "change": 1}
# a question word naming a budget area's row («Juridik») or a short bullet («• Visselblåsarfunktionen»), not a short
# stem any label holds
ROW_WORD_LETTERS = 5
RELATIVE_FLOOR = {"brief": 0.5, "reason": 0.6, "change": 0.55}
SECTION_FLOOR = 0.3  # a sentence of the best point's section this relevant goes on telling a brief
# "Varför blir det ett överskott?": the causes stand under labels of positive deviations ("Personalkostnader
# + 7 Mkr"); those under negative ones ("Lokalkostnader -3 Mkr") explain the opposite
OPPOSITE_SIGN = 0.4
AMBIENT_SUBJECTS = AMBIENT_ACTORS | frozenset(terms("stadskontoret"))  # the board's office is no topic either
# "för att fler ska rösta": more of what the other words say, no topic of its own («flera strategiska …»)
QUANTIFIERS = frozenset(terms("fler flera mer mera"))
MODIFIER_MIN = 8  # letters two compounds must begin with to share their modifier ("kompeten…")
OFF_TOPIC_DENSE = 0.9  # a paraphrase the embedding vouches for this strongly is on topic without a shared word
AMOUNT_UNITS = frozenset(terms("mkr tkr kr kronor miljoner miljarder procent"))
POSITIVE_WORDS, NEGATIVE_WORDS = frozenset({stem("positiv")}), frozenset({stem("negativ")})
# "Varför blir lokalkostnaderna högre?": the causes under the label «Lokalkostnader -3 Mkr»; the sentences
# outside it are penalised as another part's are (its table row is not: it gives the figures)
NAMED_LABEL = 0.2
TABLE_LEAD_COVERAGE = 0.25  # the share of the question a lead-in must hold for the table it introduces to follow
REASON_MIN_COVERAGE = 0.15  # the share of the question a point of a reason answer must hold
TOPIC_SECTION_COVERAGE = 0.5  # a sentence holding this share of a brief's question: its section tells the topic
OTHER_PART = 0.4  # a point under another part of the board (styrelsen / stadskontoret) than the one asked about
OTHER_LABEL = 0.8  # a point under another deviation's label than the one the question names


def relevance(u: Unit, shape: str) -> float:
    """How well a sentence serves this shape of answer (coverage of the question first)."""
    text = u.text
    r = u.coverage + 0.25 / (1 + u.rank) + (2.0 * max(u.dense - 0.8, 0.0) if u.dense else 0.0)
    if NUMBER.search(text):
        r += 0.05 if shape == "brief" else 0.15
    if DECISION.search(text):
        r += 0.08
    if shape == "reason" and CAUSAL.search(text.lower()):
        r += 0.35
    if shape == "reason" and u.is_row:
        r -= 0.3  # a table row gives the figures, never their cause
    if shape == "change":
        r += 0.2 * bool(COMPARATIVE.search(text)) + 0.1 * bool(YEAR.search(text))
    if len(text.split()) < 6:
        r -= 0.3
    return r


def chunk_under_other_part(chunk: IndexedChunk, asked: set[str]) -> bool:
    """A passage under a heading of another part of the board than the one asked about ("Varför har
    styrelsen ett överskott?": not the causes under STADSKONTORETS VERKSAMHET)."""
    named = PARTS & set(terms(str(chunk.meta.get("section") or "")))
    return bool(named) and not named & asked


def asked_sign(q: Question) -> int:
    """+1 when a question asks why there is a surplus, -1 a deficit, 0 neither (or both). A forecast
    asked about as positive or negative ("Why is the staff cost forecast positive?") is one too."""
    surplus = (SURPLUS_WORDS | POSITIVE_WORDS) & q.terms.keys()
    deficit = (DEFICIT_WORDS | NEGATIVE_WORDS) & q.terms.keys()
    return 0 if bool(surplus) == bool(deficit) else (1 if surplus else -1)


def add_dense(ctx: Context, units: list[Unit]) -> None:
    """The question's embedding similarity to the most promising sentences: an open
    question shares few words with the sentences that answer it."""
    todo = [u for u in units if not u.dense]
    if not todo:
        return
    import numpy as np

    qv = np.asarray(ctx.library.index.query_embedding(ctx.q.retrieval_query))
    vs = np.asarray(ctx.library.embed_model.get_text_embedding_batch([u.text for u in todo]))
    for u, sim in zip(todo, vs @ qv, strict=True):
        u.dense = float(sim)


def named_goal(ctx: Context) -> str | None:
    """The goal the question names ("… målet om attraktivitet och näringsliv"), if any."""
    goals = [g["title"] for g in ctx.library.outline(ctx.filters.source if ctx.filters and ctx.filters.source
                                                     else None).get("goals", [])]
    goal = ctx.scorer.best_match(ctx.q, goals) if goals else None
    if goal is None:
        return None
    # "locka internationell kompetens" is no question on the goal of kompetensförsörjning: the goal's passages
    # never say "internationell"; "elförsörjningen och elpriserna" is on the electricity goal, whose do say "elpris"
    # (its title says what they are on: the goal «… fri från segregation» is the work against segregation, though
    # its passages speak of statistics, minorities and racism)
    told = set().union(set(terms(goal)), *(ctx.library.index.text_terms(c) for c in ctx.library.index.chunks
                                          if c.meta.get("goal") == goal))
    return goal if all(term_hit(ctx.q, t, told) for t in on_topic_words(ctx)) else None


def signpost_targets(ctx: Context, units: list[Unit]) -> list[str]:
    """Goals or headings that signposts among the best sentences point to
    ("… beskrivs mer ingående under kommunfullmäktigemålet Malmö stad arbetar för …")."""
    outline = ctx.library.outline(ctx.filters.source if ctx.filters and ctx.filters.source else None)
    names = [g["title"] for g in outline.get("goals", [])] + [h for h, _ in outline.get("headings", [])]
    out: list[str] = []
    for u in units[:10]:
        if not points_elsewhere(u.text):
            continue
        said = set(terms(u.text))
        best, best_share = None, 0.0
        for name in names:
            wanted = set(terms(name))
            if len(wanted) < 2:
                continue
            # a long word one letter apart is the same word: the report's heading may misspell it ("uppsiktplikt")
            share = sum(1 for w in wanted if w in said or (len(w) >= 8 and any(one_edit(w, x) for x in said))
                        ) / len(wanted)
            if share > best_share:
                best, best_share = name, share
        if best and best_share >= 0.6 and best not in out:
            out.append(best)
    return out


KNEE_AFTER, KNEE_DROP = 4, 0.7  # points past this many stop where relevance falls below this share of the one before


def before_the_knee(chosen: list[Point], shape: str) -> list[Point]:
    """A brief's points up to a sharp fall in relevance, once it has several: five points on Malmö Möts and the
    election, then «Utöver detta pågår även planeringen av ett nytt intranät …» from the same section, are five."""
    if shape != "brief" or len(chosen) <= KNEE_AFTER:
        return chosen
    ranked = sorted(p.relevance for p in chosen)[::-1]
    for i in range(KNEE_AFTER, len(ranked)):
        if ranked[i] < KNEE_DROP * ranked[i - 1]:
            return [p for p in chosen if p.relevance >= ranked[i - 1]]  # (those after the fall are all below it)
    return chosen


def under_target(chunk: IndexedChunk, targets: list[str]) -> bool:
    """Whether a chunk stands under a goal or a heading a signpost pointed to (at any level of its section)."""
    return chunk.meta.get("goal") in targets or any(
        part.strip() in targets for part in str(chunk.meta.get("section") or chunk.meta.get("heading") or "").split(" › "))


def points_elsewhere(text: str) -> bool:
    """A signpost ("beskrivs mer ingående under …") or a sentence on what the report contains ("I årets
    delårsrapport återfinns också en uppföljning av …"): it says where the content is, not what it is."""
    return is_signpost(text) or ABOUT_THE_REPORT.match(text) is not None


EN_LEAD = "According to the report (quoted in Swedish):"


def topic_terms(q: Question) -> set[str]:
    """A brief's topic words: not its years, nor the report's own subject (KS, staden): "Vad gör KS för att få
    fler att rösta i valet 2026?" is about voting, and a sentence with only "2026" in it is not."""
    return {t for t, w in q.terms.items() if w >= 1.0 and not YEAR.fullmatch(t) and t not in AMBIENT_SUBJECTS
            and t not in QUANTIFIERS}


def shares_modifier(term: str, stems: set[str]) -> bool:
    """A compound of the question and one of the evidence that begin alike (kompetenshöjning and
    kompetenshöjande insatser, kompetenslyft and kompetensförsörjning): the same topic in other words."""
    # (the modifier alone is the wider matter: «arbetsmarknad» is not arbetsmarknadsanställningar)
    return len(term) >= MODIFIER_MIN + 2 and any(s[:MODIFIER_MIN] == term[:MODIFIER_MIN] and not term.startswith(s)
                                                 for s in stems)


HEAD_LETTERS, MODIFIER_LETTERS = 5, 4  # a compound's head and modifier are words of their own at this length


def shares_head(term: str, stems: AbstractSet[str]) -> bool:
    """A compound of the question whose head begins a word of the evidence: "politikerarvodena" are
    «arvodeskostnader» (the report's arvode, costed), "dubbelhyran" is «hyran»."""
    return any(term.endswith(s[:k]) and len(term) - k >= MODIFIER_LETTERS
               for s in stems if len(s) >= HEAD_LETTERS for k in range(HEAD_LETTERS, len(s) + 1))


def off_topic(q: Question, u: Unit, topical: set[str]) -> bool:
    """A sentence that shares a year but no topic word with a brief's question (in itself, its label or its
    headings) and that the embedding does not vouch for: "Upphandlingsplan 2025–2026" for a question on the
    2026 election. (A sentence that shares no word at all may be a paraphrase: "köper in" is upphandling.)"""
    if u.dense >= OFF_TOPIC_DENSE:
        return False
    stems = u.stems | u.label | u.context
    if any(term_hit(q, t, stems) or shares_modifier(t, stems) or shares_head(t, stems) for t in topical):
        return False
    # a year, not the report's subject alone: a heading may spell the topic otherwise («uppsiktplikt»)
    return any(term_hit(q, t, stems) for t, w in q.terms.items() if w >= 1.0 and YEAR.fullmatch(t))


BREAKDOWN_TABLE = re.compile(r"(?i)budgetområde")  # a table whose rows are the board's budget areas


def budget_area_names(chunks: list[IndexedChunk]) -> list[str]:
    """The row labels of the tables of budget areas («Stadsutveckling och samhällsbyggnad, kustskydd och
    resiliense»), longest first: names of accounts, not work on what their words say."""
    labels = {line.split(":", 1)[0].strip() for c in chunks if c.meta.get("kind") == "table"
              and BREAKDOWN_TABLE.search(str(c.meta.get("table_title") or "")) for line in c.text.split("\n")[2:]
              if ":" in line}
    return sorted((lab for lab in labels if len(lab.split()) >= 2), key=len, reverse=True)


def topic_only_in_an_account(q: Question, u: Unit, topical: set[str], accounts: list[str]) -> bool:
    """A sentence that names a brief's topic only inside a budget area's name ("… omfördela kommunbidrag från
    budgetområde Stadsutveckling och samhällsbyggnad, kustskydd och resiliense …" for "what is the city doing about
    coastal protection?"): it moves money between accounts; it tells no work on the topic."""
    if u.is_row:
        return False
    low = u.text.lower()
    named = [a for a in accounts if a.lower() in low]
    if not named:
        return False
    rest = low
    for a in named:
        rest = rest.replace(a.lower(), " ")
    stems = set(terms(rest))
    return not any(term_hit(q, t, stems) or shares_modifier(t, stems) for t in topical)


# a heading that joins two subjects with "samt" ("Reviderade planer mot rasism samt stärkt arbetet med nationella
# minoriteter"); "och" and commas mostly join one subject's sides ("klimatanpassning och kustskydd")
JOINED_SUBJECTS = re.compile(r"(?i)\s+samt\s+")
LISTED_HEADING = re.compile(r"[^,]+,[^,]+\s(?:och|samt)\s")  # «Näringslivsprogram, Öresundsmetron och klimatresiliens»
LISTED_SUBJECTS = re.compile(r"(?i)\s*,\s*|\s+(?:och|samt)\s+")
SUBJECT_WORD = 5  # letters a word of a heading's part must have to name its subject (not "mot", "med")


def another_part_of_heading(ctx: Context, u: Unit, topical: set[str]) -> bool:
    """A sentence whose paragraph tells the other subject of a heading that joins two: under «Reviderade planer
    mot rasism samt stärkt arbetet med nationella minoriteter» the paragraph on the minorities' programmes
    answers nothing on racism, though the heading names it. The paragraph names the other part's words and
    none of the question's topic."""
    if u.is_row or u.dense >= OFF_TOPIC_DENSE:
        return False
    parts = JOINED_SUBJECTS.split(str(u.chunk.meta.get("heading") or ""))
    if len(parts) < 2:
        return False

    wanted = [x for t in topical for x in (t, *ctx.q.alternatives.get(t, ())) if len(x) >= SUBJECT_WORD]

    def names_topic(stems: set[str]) -> bool:  # the word, or a compound holding it ("klimat" in klimatanpassning)
        return any(term_hit(ctx.q, t, stems) or shares_modifier(t, stems) for t in topical) or \
            any(x in s_ for x in wanted for s_ in stems)

    asked = [p for p in parts if names_topic(set(terms(p)))]
    others = {t for p in parts if p not in asked for t in terms(p)
              if len(t) >= SUBJECT_WORD and ctx.scorer.idf(t) >= RARE_TOPIC_IDF} - set(t for p in asked for t in terms(p))
    if not asked or not others:
        return False
    # the paragraph in its section's text: a chunk may open in the middle of it, after the words naming its subject
    low = u.text.lower()
    own = set(terms(next((p for p in ctx.library.index.section_text(u.chunk).split("\n") if low in p), low)))
    return not names_topic(own | set(u.label)) and bool(own & others)


def other_label_penalty(u: Unit, named_labels: set[str]) -> float:
    """How far a cause stands from the deviation the question names: under another deviation's own label
    ("Intäkter + 2,9 Mkr" when lokalkostnaderna are asked about) it explains that one; elsewhere it may go on."""
    if u.chunk.id in named_labels:
        return 0.0
    return OTHER_LABEL if deviation_sign(run_in_label(u.chunk)) else OTHER_PART


def explanation_table(ctx: Context, chosen: list[Point]) -> list[Point]:
    """The lines of the report's own table of the main explanations of the year's deviation ("Prognostiserad
    budgetavvikelse helår - viktigaste förklaringar": each part's share, «varav personalkostnader (vakanser) 7 000»),
    a figure on a line of its own joined to the line it belongs to; none when the report has no such table."""
    sources = {p.unit.chunk.meta.get("source") for p in chosen}
    lines: list[Unit] = []
    for rank, chunk in enumerate(ctx.library.index.chunks):
        if not EXPLANATIONS_HEADING.search(str(chunk.meta.get("heading") or "")) or (
                sources and chunk.meta.get("source") not in sources):
            continue
        for u in units_of(chunk, rank):
            if lines and BARE_FIGURE.fullmatch(u.text) and lines[-1].chunk.id == u.chunk.id:
                lines[-1] = replace(lines[-1], text=f"{lines[-1].text} {u.text}", stems=lines[-1].stems | u.stems)
            else:
                lines.append(u)
    return [Point(u, 0.0) for u in lines[:MAX_EXPLANATION_LINES]]


def label_names(q: Question, chunk: IndexedChunk) -> bool:
    """Whether a chunk starts with a run-in label that a content word of the question names: the cause of a
    deviation stands under its label, and the search may miss a paragraph whose only match is that label
    (an English question's renderings)."""
    first = run_in_label(chunk)
    if not deviation_sign(first):
        return False  # a deviation's label ("Lokalkostnader -3 Mkr"), not a stray line of a table set as text
    names = {t for t in terms(first) if t.isalpha() and t not in AMOUNT_UNITS}  # "Lokalkostnader", not "Mkr"
    return any(w >= 1.0 and ({t, *q.alternatives.get(t, ())} & names) for t, w in q.terms.items())


def joined_heading(ctx: Context, candidates: list[Unit]) -> tuple[str, str] | None:
    """The section whose heading is one word that the question writes as two ("säker" + "prognosen":
    «Prognossäkerhet»; compound_of_parts added it to the question's words), when two candidates or more stand
    under it; None otherwise."""
    written = {stem(w) for w in words(ctx.q.asked)} | {stem(w) for w in words(ctx.q.text)}  # (as read: "saker")
    joined = {t for t in ctx.q.terms if len(t) >= 8 and t not in written
              and sum(1 for w in written if len(w) >= 3 and w in t) >= 2}
    if not joined:
        return None
    found: dict[tuple[str, str], int] = {}
    for u in candidates:
        heading = words(str(u.chunk.meta.get("section") or "").split(" › ")[-1])
        if len(heading) == 1 and any(stem(heading[0]).startswith(t) or t.startswith(stem(heading[0]))
                                     for t in joined):
            found[section_key(u.chunk)] = found.get(section_key(u.chunk), 0) + 1
    best = max(found.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best is not None and best[1] >= 2 else None


CLAIMED_SHARE = 0.75  # the share of a why-question's words a heading must hold to be the claim it asks the cause of


def claimed_heading(ctx: Context, candidates: list[Unit]) -> tuple[str, str] | None:
    """The section whose own heading states what a why-question asks the cause of ("Varför pressas organisationen
    av remisser?": «Ökat remissflöde pressar organisationen»), when two candidates or more stand under it: its
    sentences are the report's causes, not a «för att …» elsewhere that shares one word. None otherwise."""
    asked = {t for t, w in ctx.q.terms.items() if w >= 1.0 and t not in AMBIENT_SUBJECTS}
    if len(asked) < 2:
        return None
    found: dict[tuple[str, str], int] = {}
    part = asked_parts(ctx.q)
    for u in candidates:
        if u.is_row or not u.text.rstrip().endswith(".") or len(u.text.split()) < 6:
            continue  # sentences of the report's own, not the lines of a list under a caption that names the words
        if part and chunk_under_other_part(u.chunk, part):
            continue  # «Relationen periodresultat och helårsprognos för styrelsen» claims no question on stadskontoret
        heading = set(terms(str(u.chunk.meta.get("section") or "").split(" › ")[-1]))
        held = sum(1 for t in asked if term_hit(ctx.q, t, heading) or any(h.startswith(t) for h in heading))
        if held >= CLAIMED_SHARE * len(asked):
            found[section_key(u.chunk)] = found.get(section_key(u.chunk), 0) + 1
    best = [k for k, n in found.items() if n >= 2]
    return best[0] if len(best) == 1 else None


def section_key(chunk: IndexedChunk) -> tuple[str, str]:
    """A chunk's section, told apart by its goal: every goal's assessment stands under the same heading."""
    return str(chunk.meta.get("goal") or ""), str(chunk.meta.get("section") or "")


def topic_section(units: list[Unit]) -> tuple[str, str] | None:
    """The section of the best sentence when it holds most of the question and says something itself (not «I
    årets delårsrapport återfinns också en uppföljning av …»): the topic's own place in the report, whose paragraph
    may go on in a chunk the search missed. None otherwise."""
    best = units[0] if units else None
    if best is None or best.is_row or points_elsewhere(best.text) or best.coverage < TOPIC_SECTION_COVERAGE:
        return None
    key = section_key(best.chunk)
    return key if key[1] else None


def with_chunks_of(ctx: Context, pool: list[Unit], wanted: Callable[[IndexedChunk], bool]) -> list[Unit]:
    """The pool and the sentences of the chunks `wanted` picks that it lacks, from the reports its evidence came
    from (the ones this viewer may see) and holding some of the question."""
    seen = {u.chunk.id for u in pool}
    sources = {u.chunk.meta.get("source") for u in pool}
    extra = [(c, 0.0) for c in ctx.library.index.chunks
             if c.id not in seen and c.meta.get("source") in sources and wanted(c)]
    return pool + [u for u in ctx.scorer.units_for(ctx.q, extra) if u.coverage > 0] if extra else pool


def compose_points(ctx: Context, units: list[Unit], shape: str, hits: list) -> Composition:
    """Pick and render the points of a brief, reason or change answer."""
    pool = list(units)
    targets = signpost_targets(ctx, units)
    if targets:  # follow the signpost: the section it names is the evidence, not the signpost
        pool = with_chunks_of(ctx, pool, lambda c: under_target(c, targets))
        # a sentence on what the report contains points away from its own paragraph (the report's summary)
        overview = {u.chunk.id for u in units[:10] if ABOUT_THE_REPORT.match(u.text) and not is_signpost(u.text)}
        if overview and any(under_target(u.chunk, targets) for u in pool):
            pool = [u for u in pool if u.chunk.id not in overview or under_target(u.chunk, targets)]
    named_labels: set[str] = set()
    if shape == "reason":  # the paragraphs under the labels the question names ("Personalkostnader + 7 Mkr") or,
        # for "Varför går stadskontoret med överskott?", under the labels of the sign asked, in the part asked
        sign, part = asked_sign(ctx.q), asked_parts(ctx.q)
        named_labels = {c.id for c in ctx.library.index.chunks if label_names(ctx.q, c)}
        # "What explains the deviations in stadskontoret's forecast?": the labels of either sign
        signs = {sign} if sign else ({1, -1} if DEVIATION_TERM in ctx.q.terms else set())
        pool = with_chunks_of(ctx, pool, lambda c: c.id in named_labels if named_labels else (
            deviation_sign(run_in_label(c)) in signs and not (part and chunk_under_other_part(c, part))))
    named = named_goal(ctx)
    if named and shape == "brief" and not any(u.chunk.meta.get("goal") == named for u in units[:10]):
        # the goal the question names is evidence even when the search missed it ("Vad gör KS för klimatet?")
        pool = with_chunks_of(ctx, pool, lambda c: c.meta.get("goal") == named)
    # the section of a sentence that holds most of a brief's question tells its topic where the report does, and
    # its paragraph may go on in a chunk the search missed
    # (a named thing asked about, "Vad innebär Malmö Möts?", is told where it is named, not all through its section)
    best_section = topic_section(units) if shape == "brief" and not ctx.q.phrases else None
    if best_section:
        pool = with_chunks_of(ctx, pool, lambda c: section_key(c) == best_section)
    # the figures a why-question states as its premise ("… har 32,8 mkr i plus per augusti men prognosen är bara ca 7
    # – varför skiljer det så mycket?") are found where the report states them, and the causes it gives stand there
    # too, though they share no word with the question («De främsta orsakerna till avvikelserna för perioden är …»)
    premise = premise_causes(ctx.q, pool, ctx.position()) if shape == "reason" else set()
    topical = topic_terms(ctx.q) if shape == "brief" else set()
    # "Vad har hänt med sociala obligationer sedan 2024?": the year compared with is where a change starts, not
    # a year every point must name
    bounded = replace(ctx.q, years=set()) if shape == "change" else ctx.q
    accounts = budget_area_names(ctx.library.index.chunks) if topical else []
    # (a short bullet is a point when it names the topic: «• Visselblåsarfunktionen», in a list of deviations, is
    # where the report mentions whistleblowing)
    topic_words = on_topic_words(ctx)
    bullet_topic = [t for t in topic_words if len(t) >= ROW_WORD_LETTERS] if shape == "brief" else []
    candidates = [u for u in pool if not is_signpost(u.text)
                  and (len(u.text.split()) >= 4 or (u.text.lstrip().startswith("•") and any(
                      term_hit(ctx.q, t, u.stems) for t in bullet_topic)))
                  and not (topical and off_topic(ctx.q, u, topical))
                  and not (accounts and topic_only_in_an_account(ctx.q, u, topical, accounts))
                  and not (topical and another_part_of_heading(ctx, u, topical))
                  and not (targets and ABOUT_THE_REPORT.match(u.text))
                  and (not u.is_row or u.coverage >= 0.5 or shape == "change")
                  and not moves_on_from(u, ctx.q.phrases)
                  and (shape != "reason" or could_be_a_cause(u) or id(u) in premise)
                  and ctx.scorer.constraints_ok(bounded, u, any_name=True)]
    # a follow-up with words of its own keeps to the thing asked before: "Varför flyttar man?" after the move to
    # Rådhuset is that move's reasons, not «… flyttas beslutsplaneringen …» of another matter; a why of a thing the
    # report tells no more of ("Varför stödjer staden det?" after EM i handboll's row) has none. (A bare "Varför?"
    # has no words of its own to stray by.)
    if ctx.q.followup and any(w >= 1.0 for w in ctx.q.terms.values()):
        on_it = [u for u in candidates if u.hist_coverage >= FOLLOWUP_TOPIC]
        candidates = on_it if on_it or shape == "reason" else candidates
    if shape == "brief" and (joined := joined_heading(ctx, candidates)) is not None:
        # "Hur säker är prognosen?": the question's two words make the heading «Prognossäkerhet»; that section is
        # the answer, not a sentence elsewhere that shares one of the words («… säker, effektiv och samordnad …»)
        candidates = [u for u in candidates if section_key(u.chunk) == joined]
    if shape == "reason" and (claimed := claimed_heading(ctx, candidates)) is not None:
        candidates = [u for u in candidates if section_key(u.chunk) == claimed]
    sign = asked_sign(ctx.q) if shape == "reason" else 0
    if sign:  # "Varför går styrelsen med överskott?": a cause, a deviation or its label, not the part's headcount
        candidates = [u for u in candidates if tells_a_deviation(u, sign)] or candidates
        if part := asked_parts(ctx.q):  # … and the part's own causes, not those under another part's heading
            candidates = [u for u in candidates if not chunk_under_other_part(u.chunk, part)] or candidates
    add_dense(ctx, sorted(candidates, key=lambda u: -relevance(u, shape))[:DENSE_POOL])
    asked_part = asked_parts(ctx.q)
    # the causes of a surplus under its largest deviation explain most of it ("Personalkostnader + 7 Mkr", not
    # "Intäkter + 2,9 Mkr"), unless the question names the deviation it asks about
    largest = 0.0 if named_labels else max((label_amount(u) for u in candidates if sign and u.label_sign == sign),
                                           default=0.0)
    points = sorted((Point(u, relevance(u, shape) + (0.3 if named and u.chunk.meta.get("goal") == named else 0.0)
                           - (OPPOSITE_SIGN if sign and u.label_sign == -sign else 0.0)
                           + (cause_weight(u, ctx.q.text, sign, largest) if shape == "reason" else 0.0)
                           + (PREMISE_CAUSE if id(u) in premise else 0.0)
                           + (NAMED_LABEL if u.chunk.id in named_labels else 0.0)
                           - (other_label_penalty(u, named_labels) if named_labels and not u.is_row else 0.0)
                           - (OTHER_PART if asked_part and chunk_under_other_part(u.chunk, asked_part) else 0.0))
                     for u in candidates), key=lambda p: -p.relevance)
    if not points:
        return Composition("", [], [], False, hits)
    top = points[0].relevance
    floor = max(RELATIVE_FLOOR[shape] * top, 0.2)
    most = min(MAX_POINTS[shape], requested_count(ctx.q.text) or MAX_POINTS[shape])
    chosen = before_the_knee(mmr(points, most, lam=0.7, min_relevance=floor), shape)
    if len(chosen) < MIN_POINTS[shape]:  # a brief is several points: relax the floor, never the repetition check
        more = mmr(points, MIN_POINTS[shape], lam=0.7, min_relevance=max(0.45 * top, 0.15))
        # (below the floor, a point goes on with a section already quoted: a lone sentence from elsewhere that shares
        # a word with the question, «… har kommunstyrelsen följt upp hur nämnderna arbetar med lokaler» for "hur
        # följer staden upp tjänsteresorna", is padding)
        sections = {section_key(c.unit.chunk) for c in chosen}
        chosen += [p for p in more if all(similarity(content(p.unit), content(c.unit)) < 0.6 and
                                           p.unit.text != c.unit.text for c in chosen)
                   and (not chosen or p.relevance >= floor or section_key(p.unit.chunk) in sections)]
        chosen = chosen[:most]
    # "Hur stort överskott prognostiserar upphandlingsverksamheten och varför?": a surplus of one named activity is
    # explained by its own causes, not by each part's
    # (named by a compound of its own, "upphandlingsverksamheten", "intäktsfinansierade": not by an adjective the
    # report uses anywhere, "the political side")
    # (the question's topic words besides the surplus's own: an activity's name, or a budget area's row below)
    things = on_topic_words(ctx, exclude=DEVIATION_STEMS) if sign else []
    activity = [t for t in things if len(t) >= ACTIVITY_LETTERS]
    one_thing = bool(activity) and not named_labels and any(is_about(ctx, p.unit, activity) for p in chosen)
    if shape == "reason" and not named_labels and (not sign or one_thing):
        rare = activity if sign else topic_words
        kept = on_the_topic(ctx, chosen, rare)
        if len(kept) < len(chosen):  # the places of the points on another thing go to the next on the thing asked,
            # that give a figure or a cause («… nettokostnadsökningen 0,7 %, vilket motsvarar 3,4 Mkr»), under the
            # goal the kept points stand under (not another goal's «Bedömningen baseras på …»)
            goals = {p.unit.chunk.meta.get("goal") for p in kept}
            # (or go on under a kept point's own heading: «Förvaltningens verksamhetskaraktär skapar en viss
            # utmaning …» under «Fortsatt utmaning att ta emot arbetsmarknadsanställningar …»)
            sections = {p.unit.chunk.meta.get("section") for p in kept}
            kept = mmr(kept + [p for p in points if p not in chosen and is_about(ctx, p.unit, rare)
                               and (not goals or p.unit.chunk.meta.get("goal") in goals)
                               and (NUMBER.search(p.unit.text) or states_a_cause(p.unit.text)
                                    or p.unit.chunk.meta.get("section") in sections)], len(chosen),
                       lam=0.7, min_relevance=floor)
        chosen = kept
    off_topic_points: list[Point] = []
    # (what a change question asks to compare is its topic however common: "Hur mycket minskar intäkterna jämfört
    # med 2024?" is not answered by «… investeringsutrymme 18,5 Mkr högre år 2025»)
    if shape in ("brief", "change") and (rare := topic_words or (on_topic_words(ctx, any_idf=True)
                                                                  if shape == "change" else [])):
        on_it = on_the_topic_refilled(ctx, chosen, points, rare, floor, named)
        off_topic_points = [p for p in chosen if p not in on_it]
        chosen = on_it
    if shape == "change" and (told := told_change(points, ctx.library.index.chunks)):
        chosen = told
    if sign and not one_thing:
        chosen = with_each_part(chosen, [p for p in points if not (asked_part and chunk_under_other_part(
            p.unit.chunk, asked_part))], sign, floor=PART_FLOOR * top, limit=MAX_WITH_CONTEXT)
        # (a row the question names, "Varför har Juridik en negativ avvikelse?", is one budget area's, not the whole's)
        # (or by a word of its label: "Why is there a deficit in the legal budget area?" is the row «Juridik»)
        row_words = [t for t in things if len(t) >= ROW_WORD_LETTERS]
        named_row = any(p.unit.is_row and (any(n.lower() in p.unit.text.lower() for n in ctx.q.names) or any(
            term_hit(ctx.q, t, set(terms(p.unit.text.split(":")[0]))) for t in row_words)) for p in chosen)
        if not asked_part and not named_labels and not named_row:  # the whole board's surplus: the report's own
            # table of why first
            chosen = explanation_table(ctx, chosen) + chosen
    if shape == "brief" and len(chosen) < MIN_POINTS[shape]:
        chosen = with_section_of_the_best(chosen, points, most)
    if shape == "brief" and TWO_THINGS.search(ctx.q.text):
        chosen = with_each_topic(ctx, chosen, points, pool, most, top)
    # (a reason's point that leans on the sentence before without telling a cause, «Detta ger i sin tur …», is
    # quoted with it as a brief's is)
    # (a list first: «Detta är uppdelat på • … • …» leans on the sentence before as a whole)
    chosen = with_antecedents(with_lists(with_explanation(chosen, ctx.library.index.chunks)),
                              ctx.library.index.chunks) if shape == "reason" \
        else with_antecedents(with_lists(chosen), ctx.library.index.chunks)
    if shape == "brief" and len(chosen) < most:  # a reason of a goal's assessment goes with the assessment
        # («… förväntas uppnås») when the brief has room (in the place of a point on the work, it costs more than
        # it brings: measured)
        chosen = with_verdict(chosen, ctx.library.index.chunks)
    if shape == "reason" and ASSESSMENT_ASKED.search(ctx.q.text):
        own = goal_assessment(ctx, named, max(most, ASSESSMENT_POINTS)) if named else []
        # "Varför bedöms målet om en klimatneutral stad uppnås?": the named goal's assessment and what it rests on,
        # not the best-matching «Bedömningen baseras på …» of another goal
        chosen = [Point(u, 1.0) for u in own] if own else with_verdict(chosen, ctx.library.index.chunks)
    # a lead-in that names none of a brief's topic brings no table: «Nedan visas beslut …» after the sentence on
    # Amiralen and WMU, in the same passage, lists the projects, not what the question asks
    chosen = with_introduced_tables(chosen, ctx.library.index.chunks, TABLE_LEAD_COVERAGE,
                                    lambda u, table: not topical or any(term_hit(ctx.q, t, u.stems | set(terms(
                                        str(table.meta.get("table_title") or "")))) for t in topical))
    lead = EN_LEAD if ctx.q.lang == "en" else ""
    text, citations = ctx.render(chosen, lead)
    # (the judge weighs what the search found, the points left out as off the topic too: quoting fewer of them
    # is how an answer reads, not a sign that the report answers the question better)
    evidence = [p.unit for p in sorted(chosen + off_topic_points, key=lambda p: -p.relevance)]
    rule_ok = any(u.coverage >= 0.5 for u in evidence)
    return Composition(text, citations, evidence, rule_ok, hits)


ASSESSMENT_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:bedöm\w*|assess\w*)")


def with_verdict(chosen: list[Point], chunks: list[IndexedChunk]) -> list[Point]:
    """The reasons of a goal's assessment with the assessment itself: "Hur bedömer kommunstyrelsen … målet …, och
    varför?" is answered by «Bedömningen är att bidraget … förväntas uppnås» and the reasons after it."""
    goals = {p.unit.chunk.meta.get("goal") for p in chosen if p.unit.chunk.meta.get("kind") == "assessment"}
    if len(goals) != 1 or None in goals or any(is_verdict(p.unit.text) for p in chosen):
        return chosen
    goal = goals.pop()
    verdict = next((u for c in chunks if c.meta.get("kind") == "assessment" and c.meta.get("goal") == goal
                    for u in units_of(c, 0) if is_verdict(u.text)), None)
    # (shown where the report has it, first under its heading; weighed least, so the reasons stay the evidence)
    low = min((p.relevance for p in chosen), default=0.0)
    return chosen if verdict is None else [*chosen, Point(verdict, low)]


ASSESSMENT_POINTS = 6  # a goal's assessment and what it rests on: its paragraph of reasons, as the report gives it


def goal_assessment(ctx: Context, goal: str, most: int) -> list[Unit]:
    """A goal's assessment sentence and the sentences after it, in the report's order (up to `most`): what the
    assessment rests on («Bedömningen baseras på flera framsteg … Antalet städer … har ökat …»), each scored
    against the question, as the judge weighs evidence."""
    chunks = [c for c in ctx.library.index.chunks if c.meta.get("kind") == "assessment" and c.meta.get("goal") == goal]
    units = [u for c in chunks for u in units_of(c, 0)]
    at = next((i for i, u in enumerate(units) if is_verdict(u.text)), None)
    if at is None:
        return []
    scored = {u.text: u for u in ctx.scorer.units_for(ctx.q, [(c, 0.0) for c in chunks])}
    return [scored.get(u.text, u) for u in units[at:] if not is_signpost(u.text) and len(u.text.split()) >= 4][:most]


# a sentence that turns to another matter: "Utöver detta pågår även planeringen av ett nytt intranät"
MOVES_ON = re.compile(r"(?i)^\s*(?:utöver detta|utöver det|därutöver|därtill|vidare|dessutom|parallellt|"
                      r"i övrigt|beyond this|in addition|furthermore|moreover)\b")


VERB_PARTICLES = frozenset({"emot", "fram", "upp", "bort", "ner"})
SHORT_VERB = 5  # letters of the short verbs particle verbs are made of (tar, tog, tagit, ger, gick, lägger)


def particle_verb(ws: list[str]) -> set[str]:
    """The stems of a particle verb in a question's words: what is done, not its topic ("Varför tar stadskontoret
    emot så få …?": "tar" and "emot", the verb a word or two before its particle)."""
    out: set[str] = set()
    for i, w in enumerate(ws):
        if w in VERB_PARTICLES and i > 0:
            out.add(stem(w))
            out |= {stem(v) for v in ws[max(0, i - 2):i] if len(v) <= SHORT_VERB}
    return out


def on_topic_words(ctx: Context, exclude: frozenset[str] = frozenset(), any_idf: bool = False) -> list[str]:
    """The question's rare topic words the report has: not its comparison ("högre", "vad skiljer"), nor
    `exclude` (a surplus's own words, when the question asks why there is one). `any_idf`: common ones too."""
    compared = {stem(w) for w in words(ctx.q.text) if COMPARATIVE.fullmatch(w) or DIFFERS.fullmatch(w)}
    compared |= particle_verb(words(ctx.q.text))
    return [t for t in topic_terms(ctx.q) - compared
            if not any(t.startswith(x) for x in exclude)
            and (any_idf or ctx.scorer.idf(t) >= RARE_TOPIC_IDF) and ctx.scorer.stem_in_corpus(t)]


def is_about(ctx: Context, u: Unit, rare: list[str]) -> bool:
    stems = u.stems | u.label | u.context
    return any(term_hit(ctx.q, t, stems) or shares_modifier(t, stems) for t in rare)


def on_the_topic(ctx: Context, chosen: list[Point], rare: list[str]) -> list[Point]:
    """A reason answer's points about the thing asked: each names one of the question's rare topic words (the
    report's), or stands in a section of a point that does. "Varför går arbetet med Koll Folkhälsa långsamt?" is
    not answered by a cause of progress in Medvind, nor "… investeringsbudgeten högre …" by why the revenues
    are higher. `rare`: the topic words (on_topic_words)."""
    named = [p for p in chosen if is_about(ctx, p.unit, rare)] if rare else []
    if not named:
        return chosen
    # the sections where the answer tells of the thing: a cause there need not repeat its name
    sections = {p.unit.chunk.meta.get("section") for p in named}
    return [p for p in chosen if p.unit.chunk.meta.get("section") in sections or is_about(ctx, p.unit, rare)]


# a Swedish adjective's definite or plural form ("höga", "nya", "ekonomiska"), before the word it narrows
INFLECTED_ADJECTIVE = re.compile(r"[a-zåäö]{3,}[ae]")


def modifiers_of(text: str, topical: AbstractSet[str]) -> set[str]:
    """The question's topic words that stand as an adjective right before another of its topic words ("höga" in
    "de höga elpriserna"): a sentence that has only the adjective is on another matter."""
    ws = words(text)
    return {stem(a) for a, b in pairwise(ws) if INFLECTED_ADJECTIVE.fullmatch(a) and stem(a) in topical
            and stem(b) in topical and stem(a) != stem(b)}


def on_the_topic_refilled(ctx: Context, chosen: list[Point], points: list[Point], rare: list[str],
                          floor: float, goal: str | None = None) -> list[Point]:
    """A brief's points on the thing asked: each names one of the question's rare topic words, or stands under
    the heading of a point that does; the places of the others go to the next points that are on it. "Vad har
    hänt med Koll Folkhälsa under året?" is not answered by the social bond's part of a goal's assessment, which
    shares only "under året" with it, while the tool's other sentences wait. (A heading alone does not make a
    sentence on the topic here: a goal's title names much; a point's own heading does. But the goal the question
    names, `goal`, is its topic: "Vad gör staden för att nå klimatmålen?" is told by the climate goal's
    assessment, whose «Malmö Commitment» sentence never says "klimatmål".)"""
    def names(p: Point, words_: AbstractSet[str]) -> bool:  # in its words, its label or its own heading
        said = p.unit.stems | p.unit.label | set(terms(str(p.unit.chunk.meta.get("heading") or "")))
        return any(term_hit(ctx.q, t, said) or shares_modifier(t, said) for t in words_)

    def place(p: Point) -> tuple[str, str]:
        return str(p.unit.chunk.meta.get("goal") or ""), str(p.unit.chunk.meta.get("heading") or "")

    # (any word of the topic, not only the rare ones: "säkra" in "säkra kompetensförsörjningen" is the rarer; but
    # not the report's everyday words: "året" in "under året" is every goal's)
    topical = {t for t in topic_terms(ctx.q) if ctx.scorer.idf(t) >= EVERYDAY_IDF}
    # an adjective before a topic word only narrows it: "de höga elpriserna" is not met by «höga hållbarhetskrav»
    topical = (topical - (modifiers := modifiers_of(ctx.q.text, topical))) or topical
    rare = [t for t in rare if t not in modifiers] or rare
    places = {place(p) for p in chosen if names(p, topical) or (goal and place(p)[0] == goal)}

    def another_listed(p: Point) -> bool:
        """Under a heading that lists subjects («Näringslivsprogram, Öresundsmetron och klimatresiliens») a
        sentence naming another of them, and nothing of the topic, is on that one."""
        heading = str(p.unit.chunk.meta.get("heading") or "")
        parts = LISTED_SUBJECTS.split(heading) if LISTED_HEADING.search(heading) else []
        if len(parts) < 2 or any(term_hit(ctx.q, t, p.unit.stems) for t in topical):
            return False
        return any(t in p.unit.stems for part in parts for t in terms(part) if len(t) >= SUBJECT_WORD
                   and ctx.scorer.idf(t) >= RARE_TOPIC_IDF)

    def on_it(p: Point) -> bool:  # (a table row is on its own label's topic, not its table's: «Kostnader» beside
        # «Intäkter» is another figure)
        return place(p) in places and (not p.unit.is_row or names(p, topical)) and not another_listed(p)
    kept = [p for p in chosen if on_it(p)]
    if not places or len(kept) == len(chosen):
        return chosen
    more = [p for p in points if p not in chosen and p.relevance >= floor
            and (on_it(p) or names(p, set(rare)))]
    out = list(kept)  # the kept points stay; the next on the topic take the free places
    for p in mmr(more, len(chosen) - len(kept), lam=0.7):
        if all(p.unit.text != c.unit.text and similarity(content(p.unit), content(c.unit)) < 0.6 for c in out):
            out.append(p)
    return out


STATED_FIGURE = re.compile(r"(?<![\d,])\d+(?:,\d+)|(?<![\d,])\d{2,}(?![\d,])")  # "32,8", "600": not a bare "7"
PREMISE_CAUSE = 0.4  # what a stated cause right after a why-question's own figures adds to its relevance
PREMISE_REACH = 2  # the sentences (not a list's bullets) after the figures within which their cause is stated


def premise_causes(q: Question, pool: list[Unit], position: Callable[[str], int]) -> set[int]:
    """The causes the report states right after a figure the question states as its premise (not a year), in the
    same section: «Stadskontorets ekonomiska utfall … uppgår till 32,8 Mkr. Detta är uppdelat på • … • … De främsta
    orsakerna till avvikelserna för perioden är …». (Ids of the units; a cause of another matter further on, «Överskottet
    beror främst på …» after the count of kommunalråd and a table, is none.)"""
    figures = {f for f in STATED_FIGURE.findall(q.text) if not YEAR.fullmatch(f)}
    if not figures:
        return set()
    stated = re.compile(r"(?<![\d,])(?:" + "|".join(map(re.escape, figures)) + r")(?![\d]|,\d)")
    prose = sorted((u for u in pool if not u.is_row and u.offset >= 0), key=lambda u: (position(u.chunk.id), u.offset))
    found: set[int] = set()
    for i, u in enumerate(prose):
        if not stated.search(u.text):
            continue
        sentences = 0
        for v in prose[i + 1:]:
            if section_key(v.chunk) != section_key(u.chunk) or sentences >= PREMISE_REACH:
                break
            if v.text.lstrip().startswith("•"):
                continue
            sentences += 1
            if STATED_CAUSE.search(v.text):
                found.add(id(v))
    return found


def could_be_a_cause(u: Unit) -> bool:
    """A point a reason answer may give: one that holds some of the question (a purpose of something else, "… för
    att stärka Malmö" on p. 15, is no cause of why the energy lobbying was paused; a sentence leaning on the one
    before has its topic there: "Detta beror på …"), and that does not turn to another matter unless it states a
    cause ("Parallellt pågår arbete med att utveckla bättre mätmetoder för att …")."""
    return (u.coverage >= REASON_MIN_COVERAGE or ANAPHORA.match(u.text) is not None) \
        and not (MOVES_ON.match(u.text) and not STATED_CAUSE.search(u.text))


def moves_on_from(u: Unit, phrases: frozenset[str]) -> bool:
    """A sentence that turns from the named thing asked about to another matter ("What is Malmö Möts?" is not
    answered by "Utöver detta pågår även planeringen av ett nytt intranät", the paragraph's next sentence)."""
    return bool(phrases) and MOVES_ON.match(u.text) is not None and not any(p in u.text.lower() for p in phrases)


def with_section_of_the_best(chosen: list[Point], points: list[Point], most: int) -> list[Point]:
    """A brief whose best point outshines the rest (the one sentence that names the topic in the question's own
    words) goes on with the other sentences of that point's section: "Vad gör staden för att öka valdeltagandet
    …?" is also Malmö Möts and its democracy weekend, in the next sentences of the same section."""
    if not chosen:
        return chosen
    section = chosen[0].unit.chunk.meta.get("section")
    more = [p for p in points if p.unit.chunk.meta.get("section") == section and p.relevance >= SECTION_FLOOR
            and all(p.unit.text != c.unit.text and similarity(content(p.unit), content(c.unit)) < 0.6 for c in chosen)]
    return (chosen + more)[:min(MIN_POINTS["brief"], most)]  # never more points than the question asked for


# a question on two things names them together: "MEHAB och elpriserna", "climate adaptation and coastal protection"
TWO_THINGS = re.compile(r"(?i)(?<![\wåäö])(?:och|samt|and|&)(?![\wåäö])|,")


def with_each_topic(ctx: Context, chosen: list[Point], points: list[Point], pool: list[Unit], most: int,
                    top: float) -> list[Point]:
    """A brief on two things ("vad händer med MEHAB och elpriserna?") quotes each: a rare word of the
    question that no chosen point has gets its best point, while the brief has room. `points`: the brief's
    candidates, best first; `pool`: all its sentences, looked through only when a word is missing."""
    rare = [t for t, w in ctx.q.terms.items() if w >= 1.0 and ctx.scorer.idf(t) >= RARE_TOPIC_IDF]
    out = list(chosen)
    ranked: list[Point] | None = None

    def has(p: Point, t: str) -> bool:  # the word itself or a compound it is part of ("Prognossäkerheten": säk)
        return any(s_.startswith(t) or t in s_[3:] for s_ in p.unit.stems)

    for t in rare:
        if len(out) >= most or any(has(p, t) for p in out):
            continue
        if ranked is None:
            # a point for a second topic need not have the first one's name ("MEHAB och elpriserna")
            candidates = {id(p.unit) for p in points}
            others = [Point(u, relevance(u, "brief")) for u in pool if not is_signpost(u.text)
                      and len(u.text.split()) >= 4 and not u.is_row and id(u) not in candidates]
            ranked = points + sorted(others, key=lambda p: -p.relevance)
        best = next((p for p in ranked if has(p, t) and p.relevance >= TOPIC_FLOOR * top
                     and all(p.unit.text != c.unit.text for c in out)), None)
        if best is not None:
            out.append(best)
    return out


def paragraph_of(u: Unit, chunks: list[IndexedChunk]) -> list[Unit]:
    """The sentences of a unit's chunk and of the next chunk under the same heading (a chunk boundary
    can fall inside an explanation)."""
    sentences = units_of(u.chunk, u.rank)
    if (nxt := next_in_section(u.chunk, chunks)) is not None:
        sentences += units_of(nxt, u.rank)
    return sentences


# a change stated with both its figures: "… har ökat från cirka 15 till 39 procent"
FROM_TO = re.compile(r"(?i)\b(?:från|from)\s+(?:cirka\s+|ca\.?\s+|omkring\s+|about\s+)?\d[\d ,.]*\s+(?:\S+\s+){0,2}?"
                     r"(?:till|to)\s+(?:cirka\s+|ca\.?\s+)?\d")
CLEAR_LEAD = 0.2  # how far a sentence stating the change must lead the next point to be the answer by itself


def told_change(points: list[Point], chunks: list[IndexedChunk]) -> list[Point] | None:
    """The one sentence that states the change asked about with both figures, clearly the best point, and the
    cause its paragraph goes on to give ("Stadskontoret bedömer att utvecklingen är en effekt av …"): the
    answer, without other sections' mentions of the same programme."""
    top = points[0]
    if not FROM_TO.search(top.unit.text) or (len(points) > 1 and top.relevance - points[1].relevance < CLEAR_LEAD):
        return None
    paragraph = paragraph_of(top.unit, chunks)
    texts = [u.text for u in paragraph]
    at = texts.index(top.unit.text) if top.unit.text in texts else len(texts)
    causes = [Point(u, 0.0) for u in paragraph[at + 1:at + 1 + GOES_ON]
              if states_a_cause(u.text)][:1]
    return [top, *causes]


def with_explanation(chosen: list[Point], chunks: list[IndexedChunk]) -> list[Point]:
    """A cause is often told over two or three sentences: "Därför har kommunstyrelsen kartlagt …"
    leans on the sentence before it, "Överskottet beror främst på …" goes on in the next ones with
    the amounts. Add those neighbours of the cause sentences, in the same paragraph, up to a bound."""
    out = list(chosen)
    texts = {p.unit.text for p in out}
    for p in chosen:
        u = p.unit
        if u.is_row or not CAUSAL.search(u.text.lower()):
            continue
        sentences = paragraph_of(u, chunks)
        i = next((j for j, s in enumerate(sentences) if s.text == u.text), None)
        if i is None:
            continue
        around = []
        if ANAPHORA.match(u.text) and i > 0:
            around.append(sentences[i - 1])  # what "därför" refers to
        topic = content(u)
        # "Överskottet beror främst på …": the parts of the surplus are told next, each with its amount
        signs = [family for family in (SURPLUS_WORDS, DEFICIT_WORDS) if family & u.stems]
        for nxt in sentences[i + 1:i + 1 + GOES_ON]:
            goes_on = ANAPHORA.match(nxt.text) or CAUSAL.search(nxt.text.lower()) or RULE_REQUIRES.search(nxt.text) \
                or len(content(nxt) & topic) >= 2 \
                or bool(any(family & nxt.stems for family in signs) and NUMBER.search(nxt.text))
            if not goes_on:
                break  # the paragraph moves on
            around.append(nxt)
        for s_ in around:
            if len(out) >= MAX_WITH_CONTEXT:
                return out
            if s_.text not in texts and len(s_.text.split()) >= 4 and not is_signpost(s_.text):
                texts.add(s_.text)
                out.append(Point(s_, p.relevance))
    return out


def listed_in_table(ctx: Context, mention: Unit, hits: list) -> Composition | None:
    """The answer to "Vilka projekt har beslutats …?" when the sentence that answers all but the names says
    they follow in a table ("… beslut om totalt 26,4 Mkr. Nedan visas beslut som uppgår till minst 1 Mkr."):
    the sentence, its lead-in and the table's rows. None when no table follows it."""
    sentences = paragraph_of(mention, ctx.library.index.chunks)
    i = next((j for j, u in enumerate(sentences) if u.text == mention.text), None)
    if i is None:
        return None
    leads = [u for u in sentences[i:i + 2] if introduced_table(u, ctx.library.index.chunks) is not None]
    if not leads:
        return None
    said = [mention] if leads[0].text == mention.text else [mention, leads[0]]
    chosen = with_introduced_tables([Point(u, 1.0) for u in said], ctx.library.index.chunks)
    text, citations = ctx.render(chosen, EN_LEAD if ctx.q.lang == "en" else "")
    return Composition(text, citations, [p.unit for p in chosen], True, hits)


def with_introduced_tables(chosen: list[Point], chunks: list[IndexedChunk], min_coverage: float = 0.0,
                           on_topic: Callable[[Unit, IndexedChunk], bool] = lambda u, table: True) -> list[Point]:
    """A sentence that introduces a table ("Under året har följande förändringar av kommunbidraget
    beslutats.", "Nedan visas beslut …") or points to one says little without it: the table's rows follow."""
    # (`min_coverage`: a lead-in among a brief's points that holds little of the question brings no table:
    # "följande förändringar av kommunbidraget" is no answer to how the number of remisser changed)
    leads = [(p, t) for p in chosen if p.unit.coverage >= min_coverage
             and (t := introduced_table(p.unit, chunks)) is not None and on_topic(p.unit, t)]
    if not leads:
        return chosen
    # the table is the answer's body: the lead-ins, a few of the other points, then the rows
    others = sorted((p for p in chosen if all(p is not lead for lead, _ in leads)), key=lambda p: -p.relevance)
    out = [lead for lead, _ in leads] + others[:BESIDE_A_TABLE]
    texts = {p.unit.text for p in out}
    shown: set[str] = set()
    for lead, table in leads:
        if table.id in shown:
            continue  # two sentences pointing to one table
        shown.add(table.id)
        rows = [r for r in units_of(table, lead.unit.rank) if r.text not in texts]
        if len(rows) > MAX_TABLE_ROWS:  # the first rows and the last, which is often the total
            rows = rows[:MAX_TABLE_ROWS - 1] + rows[-1:]
        for r in rows:
            texts.add(r.text)
            out.append(Point(r, lead.relevance))
    return out
