"""Summaries ("Sammanfatta X") and page answers ("Vad står det på sidan 12?").

X is resolved through the parsed outline to a goal, a goal area, a section
heading or a page range; the summary then quotes the points that carry the
most of that span (a goal's assessment first), each cited, and says which span
it covers. A page answer names the page's headings and quotes its key points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from assistant.answer.extractive import (
    PART_NAMES,
    SUMMARY_HEADINGS,
    WHOLE,
    YEAR,
    Unit,
    _matched,
    figure_word,
    is_own_summary,
    is_signpost,
    term_hit,
    units_of,
)
from assistant.answer.points import (
    ABOUT_THE_REPORT,
    ANAPHORA,
    DECISION,
    NUMBER,
    OUTCOME,
    Point,
    content,
    is_verdict,
    mmr,
    with_antecedents,
)
from assistant.answer.question import AMBIENT_ACTORS, NUMBER_WORDS
from assistant.answer.route import requested_count, requested_pages
from assistant.answer.shapes.base import Composition, Context
from assistant.answer.shapes.brief import (
    INFLECTED_ADJECTIVE,
    budget_area_names,
    modifiers_of,
    named_goal,
    on_topic_words,
    topic_only_in_an_account,
)
from assistant.glossary import translate
from assistant.models import Citation
from assistant.retrieval import IndexedChunk
from assistant.textproc import EN_STOP, one_edit, similarity, stem, terms, words

# words that ask for a summary or name the report itself, not what to summarise
CUE_WORDS = set(terms(
    "sammanfatta sammanfattning summera summary summarise summarize översikt overview kortfattat korthet korta drag "
    "ge mig en av om kring kring rapporten rapportens delårsrapporten report avsnittet avsnitt section delen del "
    "kapitlet kapitel vad står det sidan sidorna sida page pages innehållet innehåller content pm memo promemoria "
    "mig kort handlar handlade "  # "Vad handlar rapporten om?": what it is about
    # how much of it, not what about: "hela delårsrapporten", "allt om flytten", "the whole report"
    "hela helt allt alltihop whole entire all everything overall övergripande "
    # how far it has come, not what about: "hur det går med …", "vad har hänt hittills", "what KS has done this year"
    "går gått hänt hittills gjort gjorts läget läge lägesbild done happened far year år "
    # the answer's form, not its topic: "kort, typ 3 meningar", "in a few bullet points"
    "typ meningar mening punkter punktform rader ord några få short brief sentences sentence bullet bullets points "
    "lines words few koncist koncis concise pls please snälla tack thanks "
    # what kind of summary, not of what: "huvudbudskapen", "the key messages", "det viktigaste"
    "huvudbudskap huvudbudskapen budskap budskapen huvuddrag huvuddragen viktigaste slutsatser slutsatserna "
    "highlights key main messages message takeaways important conclusion conclusions främst främsta sum "
    # the report's highlights: "Vilka är de viktigaste resultaten?", "What are the main findings?"
    "resultaten results findings nyheterna höjdpunkterna "
    # an account asked for, and the kinds of fact it should give: "Redogör för …: belopp, tidpunkt och …"
    "redogör redogöra redogörelse beskriv beskriva förklara account describe explain belopp tidpunkt tidpunkten "
    "datum motivering motiveringen skäl skälen anledning anledningen " + " ".join(NUMBER_WORDS)))
THE_REPORT = re.compile(r"(?i)(?<![\wåäö])(?:\w*rapport\w*|reports?)(?![\wåäö])")  # "Sammanfatta rapporten"
# the report as where a part stands, not what is asked about: "Which areas does the follow-up … cover in the 2025
# interim report?", "… i delårsrapporten?"
REPORT_AS_PLACE = re.compile(r"(?i)(?<![\wåäö])(?:in|i|within|inom)\s+(?:the\s+|this\s+|den\s+här\s+|denna\s+|årets\s+)?"
                             r"(?:\d{4}\s+)?(?:[\wåäö]+\s+)?(?:\w*rapport\w*|reports?)(?![\wåäö])\s*\??\s*$")
OTHER_YEAR = 0.5  # a heading about another year than the one asked (by default the report's own) is named less
# an economy asked about is told in money: a part with no amount («Ekonomi, budget och uppföljning», on overseeing
# the other boards) is named less than one with its figures («Ekonomisk utveckling under året»)
# what the report says about a topic, not a part to summarise: "Finns det något om barn- och ungdomskultur …?"
ABOUT_ASKED = re.compile(r"(?i)(?:vad (?:säger|skriver) rapporten om|vad rapporten (?:säger|skriver) om|vad står det om|"
                         r"finns det något om|står det något om|nämner rapporten något om|"
                         r"what the report (?:says|writes) about|does the report (?:say|mention) anything about|"
                         r"vad (?:anges|sägs|nämns|framgår) (?:det )?om|"
                         # what a thing holds: "Vad innehåller den nya digitala ledarutbildningen?"
                         r"vad innehåller|what does (?:the |a |an )?[\w-]+(?: [\w-]+){0,3} (?:contain|include|cover)|"
                         r"what does the report (?:write|say) about|is there anything (?:about|on))\b")
# the work on a topic, wherever it is told ("Sammanfatta arbetet med demokrati och valdeltagande"): a heading that
# names the topic is where the report tells most of it, not all
WORK_ON = re.compile(r"(?i)\b(?:arbetet|insatserna|satsningarna|åtgärderna) (?:med|för|mot|kring|inom)\b|"
                     r"\b(?:the )?(?:city's |board's |council's )?(?:work|efforts?|measures) (?:on|to|for|with|against)\b")
RARE_DF = 2  # chunks a word may stand in and still name the topic where it stands
RARE_LETTERS = 6  # ... and its least length: "steg", "hänt" are rare words of no topic
ECONOMY_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:ekonomi\w*|financ\w+|economy|economic\w*)(?![\wåäö])")
AMOUNT_SAID = re.compile(r"(?i)\d\s*(?:mkr|tkr|miljon\w*|miljard\w*|kronor)(?![\wåäö])")
NO_MONEY = 0.6
# the parts of the organisation a report of a board tells apart (the political board, its administration): a title
# that names one is about that part, and a question that names neither asks about the whole
# (the answerer's part names but the whole and the three-part table's column «Totalt STK»)
ORG_PARTS = PART_NAMES - {WHOLE, stem("stk")}
OTHER_PART = 0.5
# a title on how two things relate («Relationen periodresultat och helårsprognos för stadskontoret»): about both
RELATION_TITLE = re.compile(r"(?i)^\s*(?:relationen|förhållandet|skillnaden|jämförelse)\b")
RELATION_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:relation\w*|förhållande\w*|skillnad\w*|skiljer|jämför\w*|"
                            r"gap|differ\w*|compar\w*|versus|vs)(?![\wåäö])")

SMALL_NUMBER = re.compile(r"^\d{1,2}$")  # "i 3 meningar": how long, not what about
# a sentence of the report's own summary section summarises a part when this share of its words (by IDF) is in
# the part, and this much more than in the rest of the report (set by hand; 0.7 / 0.2 chose the same on dev)
OWN_SUMMARY_IN, OWN_SUMMARY_MARGIN, MAX_OWN_SUMMARY = 0.8, 0.25, 3
OWN_SUMMARY_TOLD = 0.3  # the share of a whole-report question's topics its own summary section must hold
MAX_POINTS = 8  # a span with many subsections gets one point from each, up to this many
KIND_BONUS, DENSE_BONUS = 0.25, 0.3  # see resolve_span
# a topic the report takes up under several headings (the board's oversight, its priorities, a goal): other
# headings named nearly as well as the best are summarised with it
RELATED_SCORE, MAX_RELATED = 0.8, 2
# the kind of part a question names ("Sammanfatta målområdet om …", "Summarise the goal about …")
KIND_WORDS = [
    ("goal_area", re.compile(r"(?i)\b(målområde\w*|goal areas?|area of goals)\b")),
    ("goal", re.compile(r"(?i)\b(mål|målet|målen|kommunfullmäktigemål\w*|goals?)\b(?! area)")),
    ("heading", re.compile(r"(?i)\b(avsnitt\w*|kapitl\w*|kapitel|rubrik\w*|section|chapter)\b")),
]


# a chapter asked for is a top part of the report, not the heading that opens it
CHAPTER = re.compile(r"(?i)\b(?:kapitl\w*|kapitel|chapter)\b")
# a heading that lists several things: "Näringslivsprogram, Öresundsmetron och klimatresiliens"
LISTED_TITLE = re.compile(r"[^,]+,[^,]+\s(?:och|samt)\s")


@dataclass
class Span:
    label: str
    kind: str  # goal | goal_area | heading | pages | report
    chunks: list[IndexedChunk]
    score: float  # how well the question names it (0..1+), with the kind and meaning bonuses
    named: float = 0.0  # by its words and its retrieved chunks only: enough (≥ 0.5) to summarise it
    closeness: float = 0.0  # of its title to the question, by embedding (1 = the closest of all spans)
    certain_kind: bool = False  # the question names its kind and its title is the closest in meaning
    also: tuple[Span, ...] = ()  # other headings on the same topic, summarised with this one
    other_year: bool = False  # its title names another year than the question asks about
    titled: float = 0.0  # the share of the question's words (by their weight) its title holds
    other_part: bool = False  # its title names a part of the organisation (styrelsen) the question does not
    relation: bool = False  # its title relates two things («Relationen …»), the question asks of one

    @property
    def accepted(self) -> bool:
        """Whether the question names this span well enough to summarise it rather than brief on the topic."""
        return self.named >= 0.5 or self.score - DENSE_BONUS * self.closeness >= 0.5 or self.certain_kind or (
            self.closeness >= 1.0 and self.named >= 0.3)

    @property
    def pages(self) -> tuple[int, int]:
        return page_range(self.chunks)

    def describe(self, lang: str = "sv") -> str:
        if self.kind == "pages":
            return self.label  # the pages asked for, not those of the chunks that run over their edge
        own = f"«{self.label}», {pages_said(self.own, lang)}"
        if not self.also:
            return own
        others = [o.describe(lang) for o in self.also]
        joiner = " och " if lang == "sv" else " and "
        return ", ".join([own, *others[:-1]]) + joiner + others[-1]

    @property
    def own(self) -> list[IndexedChunk]:
        """Its own chunks, without those of the related headings."""
        theirs = {c.id for o in self.also for c in o.chunks}
        return [c for c in self.chunks if c.id not in theirs]


def pages_said(chunks: list[IndexedChunk], lang: str = "sv") -> str:
    """The pages chunks stand on, as a reader looks them up: "s. 6–7", or "s. 6–7 och 11" for a heading the report
    uses twice (a range over the pages between would send the reader through four pages of other things)."""
    runs: list[list[int]] = []
    for c in sorted(chunks, key=lambda c: c.page):
        a, b = c.page, int(c.meta.get("page_end", c.page))
        if runs and a <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], b)
        else:
            runs.append([a, b])
    parts = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs]
    joiner = " och " if lang == "sv" else " and "
    return "s. " + (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + joiner + parts[-1])


def page_range(chunks: list[IndexedChunk]) -> tuple[int, int]:
    """The first and last page the chunks stand on."""
    return (min(c.page for c in chunks), max(int(c.meta.get("page_end", c.page)) for c in chunks))


def _chunks(ctx: Context) -> list[IndexedChunk]:
    source = ctx.filters.source if ctx.filters and ctx.filters.source else None
    if source is None and len(ctx.library.index.sources) > 1:
        hits = ctx.library.retrieve(ctx.q.retrieval_query, ctx.filters, k=1, lexical_query=ctx.q.lexical_query)
        source = str(hits[0][0].meta.get("source")) if hits else None
    position = ctx.position()
    chunks = [c for c in ctx.library.index.chunks if source is None or c.meta.get("source") == source]
    return sorted(chunks, key=lambda c: (c.page, position(c.id)))


def candidate_spans(ctx: Context, chunks: list[IndexedChunk]) -> list[Span]:
    """Every goal, goal area and heading of the report, with its chunks."""
    spans: list[Span] = []
    goals = dict.fromkeys(str(c.meta.get("goal")) for c in chunks if c.meta.get("goal"))
    areas = dict.fromkeys(str(c.meta.get("goal_area")) for c in chunks if c.meta.get("goal_area"))
    for g in goals:
        spans.append(Span(g, "goal", [c for c in chunks if c.meta.get("goal") == g], 0.0))
    for a in areas:
        spans.append(Span(a, "goal_area", [c for c in chunks if c.meta.get("goal_area") == a], 0.0))
    headings: dict[str, list[IndexedChunk]] = {}
    for c in chunks:
        for part in str(c.meta.get("section") or "").split(" › "):
            if part.strip():
                headings.setdefault(part.strip(), []).append(c)
    for h, members in headings.items():
        if not h.startswith(("Bedömning av förväntad", "Uppföljning av bidrag till")):
            spans.append(Span(h, "heading", members, 0.0))
    return spans


def resolve_span(ctx: Context, chunks: list[IndexedChunk] | None = None) -> Span | None:
    """The part of the report the question asks to summarise (`chunks`: the report's, when already looked up)."""
    chunks = _chunks(ctx) if chunks is None else chunks
    if not chunks:
        return None
    pages = requested_pages(ctx.q.text)
    if pages:
        inside = [c for c in chunks if c.page <= pages[1] and int(c.meta.get("page_end", c.page)) >= pages[0]]
        label = f"s. {pages[0]}" if pages[0] == pages[1] else f"s. {pages[0]}–{pages[1]}"
        return Span(label, "pages", inside, 1.0) if inside else None
    report_words = set(terms(" ".join({str(c.meta.get("report_title") or "") for c in chunks[:1]})))
    wanted = {t: ctx.scorer.idf(t) for t, w in ctx.q.terms.items()
              if w >= 1.0 and t not in CUE_WORDS and t not in report_words and not SMALL_NUMBER.match(t)}
    if not wanted and ctx.q.followup and not THE_REPORT.search(ctx.q.text):
        # "Sammanfatta det i tre punkter" after a question: what the conversation is about, not the report
        wanted = {t: ctx.scorer.idf(t) for t, w in ctx.q.terms.items()
                  if 0 < w < 1.0 and t not in CUE_WORDS and t not in report_words and not SMALL_NUMBER.match(t)}
    # the report's own subject ("vad KS gör … i staden") names no part of it, when the question names something else
    wanted = {t: w for t, w in wanted.items() if t not in AMBIENT_ACTORS} or wanted
    total = sum(wanted.values())
    hits = ctx.library.retrieve(ctx.q.retrieval_query, ctx.filters, k=8, lexical_query=ctx.q.lexical_query)
    rank_of = {c.id: i for i, (c, _) in enumerate(hits)}
    best: Span | None = None
    spans = candidate_spans(ctx, chunks)
    named_kind = kind_named(ctx.q.text)
    closeness = label_closeness(ctx, spans, report_words) if total else {}
    report_year = str(chunks[0].meta.get("year") or "")
    asked_years = set(ctx.q.years) or {report_year}
    # a name asked about ("Malmö Möts") is named by a title that writes it as a name, not by a verb it holds
    name_terms = {t for n in ctx.q.names for t in terms(n)}
    economy = ECONOMY_ASKED.search(ctx.q.text) is not None
    asked_terms = set(ctx.q.terms)
    pairs = adjective_pairs(ctx.q.text, set(wanted))
    for span in spans:
        title = set(terms(span.label))
        as_names = set(terms(" ".join(w for w in span.label.split() if w[:1].isupper()))) if name_terms else title
        got = sum(w for t, w in wanted.items()
                  if kind_named_by(t, as_names if t in name_terms else title, pairs)) / total if total else 0.0
        years = set(YEAR.findall(span.label))
        span.other_year = bool(years) and not years & asked_years
        if span.other_year:
            got *= OTHER_YEAR  # "Uppdatering investeringar 2026" is not the investments of 2025 asked about
        if economy and not any(AMOUNT_SAID.search(c.text) for c in span.chunks):
            got *= NO_MONEY
        span.relation = RELATION_TITLE.match(span.label) is not None and not RELATION_ASKED.search(ctx.q.text) \
            and not all(any(_title_match(t, {w}) for t in wanted) for w in relation_sides(span.label))
        if span.relation:
            got *= OTHER_PART  # «Relationen periodresultat och helårsprognos …» answers how the two relate, not one
        # «… helårsprognos för styrelsen» is one part's forecast, not the board's asked about
        span.other_part = other_part = bool(title & ORG_PARTS) and not title & ORG_PARTS & asked_terms
        support = sum(1.0 / (1 + rank_of[c.id]) for c in span.chunks if c.id in rank_of) / 2.7  # ≈ share of top 8
        span.titled = got
        span.named = (got + 0.5 * min(support, 1.0)) * (OTHER_PART if other_part else 1.0)
        # the kind of part the question names ("målområdet", "the goal") and how close the title is in
        # meaning (an English or paraphrased name shares few words with it) choose among the candidates
        span.closeness = closeness.get(id(span), 0.0)
        span.score = span.named + KIND_BONUS * (span.kind == named_kind) + DENSE_BONUS * span.closeness
        # named by kind, and the closest title in meaning: "Summarise the goal about more residents …"
        span.certain_kind = span.kind == named_kind and span.closeness >= 1.0
        # a narrower span wins a tie: "ekonomisk prognos" is a heading, not the whole goal area
        if best is None or span.score > best.score + 1e-9 or (
                abs(span.score - best.score) < 1e-9 and len(span.chunks) < len(best.chunks)):
            best = span
    if best is not None and total:
        # named by two titles together: no related headings (they relate to the broader one)
        ranked = sorted(spans, key=lambda s: -s.score)
        # (named as well by the title's words counts as much as by the meaning's bonus: an embedding's last digits
        # must not decide whether «God ekonomisk hushållning» holds the «STYRELSEN» asked for)
        for parent in [s for s in ranked if s.score >= RELATED_SCORE * best.score
                       or s.named >= RELATED_SCORE * best.named][:3]:
            if (narrowed := narrower_named(parent, ranked, wanted, in_parentheses(ctx.q.text, ctx.q.lang))) is not parent:
                return narrowed
    own = next((s for s in spans if s.kind == "heading" and s.label.lower().startswith(SUMMARY_HEADINGS)), None)
    if not total:  # "Sammanfatta rapporten": the report's own summary section, else its opening
        if own is not None:
            own.score = 1.0
        return own or Span("rapporten", "report", chunks[:6], 1.0)
    if own is not None and best is not None and len(wanted) >= 2 \
            and THE_REPORT.search(REPORT_AS_PLACE.sub(" ", ctx.q.text)) and not ABOUT_ASKED.search(ctx.q.text):
        # "Sammanfatta vad KS delårsrapport säger om måluppfyllelse och ekonomi", "an overview of the interim report
        # – goals, money and investments": the report asked of as a whole, by topics its own summary section tells
        # as well as any one title names them, is what that section says («… samtliga tolv mål …», «… 510,3 Mkr …»)
        # (not "… etablerings- och näringslivsarbete enligt delårsrapporten", which it does not speak of)
        said = {t for c in own.chunks for t in terms(c.text)}
        told = sum(w for t, w in wanted.items() if term_hit(ctx.q, t, said)) / total
        if told >= OWN_SUMMARY_TOLD and told >= best.titled:
            own.score = 1.0
            return own
    if best is not None and best.kind == "heading" and CHAPTER.search(ctx.q.text) \
            and (opened := part_opened_by(best, spans)) is not None:
        # "Sammanfatta kapitlet om ekonomisk utveckling": «Ekonomisk utveckling under året» opens the goal area
        # «God ekonomisk hushållning i Malmö stad» (pp. 37–47); a chapter is that part, not its first heading
        return opened
    return with_related(best, spans, ctx.position(), wanted, modifiers_of(ctx.q.text, set(wanted)))


def part_opened_by(heading: Span, spans: list[Span]) -> Span | None:
    """The goal area or goal whose first heading this is (its first chunk is the heading's), when it is wider."""
    first = heading.chunks[0].id if heading.chunks else None
    for span in spans:
        if span.kind in ("goal_area", "goal") and span.chunks and span.chunks[0].id == first \
                and len(span.chunks) > len(heading.chunks):
            return span
    return None


def narrower_named(best: Span, ranked: list[Span], wanted: dict[str, float], aside: set[str] = frozenset()) -> Span:
    """A heading inside the chosen span whose title names what the span's title does not, so that the
    two titles name all the question asks: "styrelsens ekonomi" is «STYRELSEN» in «God ekonomisk
    hushållning», not the whole economic section. `ranked`: the candidates, best-named first; `aside`: words
    the question only restates in parentheses ("styrelsens (den politiska org) ekonomi"), which no title need name."""
    own = {c.id for c in best.chunks}
    named_by_best = {t for t in wanted if _title_match(t, set(terms(best.label)))}
    for s in ranked:
        ids = {c.id for c in s.chunks}
        if s is best or s.kind != "heading" or not ids < own or s.other_year or s.other_part or s.relation:
            continue
        named_here = {t for t in wanted if _title_match(t, set(terms(s.label)))}
        if any(not _named_whole(t, set(terms(s.label))) for t in named_here - named_by_best):
            continue  # "prognos" names no «Prognossäkerhet»: a compound's first part is not what it is about
        # (a figure of the economy, "prognosen", is every part's: a part's heading names what it is of)
        if named_here - named_by_best and named_here | named_by_best >= {
                t for t in wanted if not (named_here & ORG_PARTS and figure_word(t))} - aside:
            s.named, s.score = max(s.named, best.named), max(s.score, best.score)  # the two titles name it
            return s
    return best


def in_parentheses(text: str, lang: str = "sv") -> set[str]:
    """The words a question has only inside parentheses: an aside that restates ("(den politiska org)");
    an English question's as the glossary renders them."""
    inside = " ".join(re.findall(r"\(([^)]*)\)", text))
    if not inside:
        return set()
    outside = re.sub(r"\([^)]*\)", " ", text)

    def stems(part: str) -> set[str]:
        own = set(terms(part))
        if lang == "en":
            own |= {t for tr in translate(part) for alt in tr.swedish for t in terms(alt)}
        return own
    return stems(inside) - stems(outside)


def with_related(best: Span | None, spans: list[Span], position: Any, wanted: dict[str, float] | None = None,
                 modifiers: set[str] = frozenset()) -> Span | None:
    """The best heading with the other headings the question names nearly as well, none inside another:
    "mänskliga rättigheter" is taken up under the board's priorities, under a goal and under its oversight.
    `modifiers`: the question's adjectives before another of its words, which alone name no related heading
    ("cirkulära upphandlingar" is not «Partnerskap … för … cirkulär tillväxt»)."""
    if best is None or best.kind != "heading" or not best.accepted:
        return best
    taken = {c.id for c in best.chunks}
    related: list[Span] = []
    for s in sorted(spans, key=lambda s: -s.score):
        if s is best or s.kind != "heading" or len(related) >= MAX_RELATED:
            continue
        # named nearly as well with the meaning's bonus, or by the title's words as fully and by the passages found
        # nearly as well: three headings that write «näringsliv» are all what the report says of it, whichever
        # title is closest in meaning
        as_fully = best.titled > 0 and s.titled >= best.titled and s.named >= RELATED_SCORE * best.named
        if s.score < RELATED_SCORE * best.score and not as_fully:
            continue
        if s.other_year:
            continue  # the same topic in another year is not what was asked
        named_by = {t for t in wanted or {} if _title_match(t, set(terms(s.label)))}
        if modifiers and named_by and named_by <= modifiers:
            continue
        ids = {c.id for c in s.chunks}
        if ids & taken:
            continue  # a parent or a child of a heading already in
        related.append(s)
        taken |= ids
    if not related:
        return best
    chunks = sorted([*best.chunks, *(c for s in related for c in s.chunks)], key=lambda c: (c.page, position(c.id)))
    return Span(best.label, best.kind, chunks, best.score, best.named, best.closeness, best.certain_kind,
                also=tuple(sorted(related, key=lambda s: s.pages)))


def kind_named(text: str) -> str | None:
    """The kind of part a question asks to summarise, when it names one."""
    for kind, pattern in KIND_WORDS:
        if pattern.search(text):
            return kind
    return None


def label_closeness(ctx: Context, spans: list[Span], report_words: set[str] = frozenset()) -> dict[int, float]:
    """How close each span's title is to what the question asks about, by embedding: 1 for the
    closest title, falling to 0 at the fifth closest (a rank-like scale: e5 similarities of short
    titles lie close together). The topic is the question without its cue, function words and the
    report's own subject ("what KS has done on climate" is about climate, not about the board)."""
    topic = " ".join(w for w in re.findall(r"[\wåäöÅÄÖ-]+", ctx.q.text)
                     if not set(terms(w)) <= CUE_WORDS | report_words and w.lower() not in EN_STOP)
    if not topic.strip() or not spans:
        return {}
    import numpy as np

    qv = np.asarray(ctx.library.index.query_embedding(topic))
    sims = np.asarray(ctx.library.index.text_vectors([sp.label for sp in spans])) @ qv
    order = np.sort(sims)[::-1]
    top, floor = float(order[0]), float(order[min(4, len(order) - 1)])
    if top - floor < 1e-6:
        return {}
    return {id(sp): max(0.0, (float(v) - floor) / (top - floor)) for sp, v in zip(spans, sims, strict=True)}


def relation_sides(label: str) -> list[str]:
    """The stems of the two things a relation title relates: periodresultat, helårsprognos."""
    m = re.match(r"(?i)^\s*\w+\s+(?:mellan\s+)?(\S+)\s+och\s+(\S+)", label)
    return [stem(m.group(1).lower()), stem(m.group(2).lower())] if m else []


EN_PARTICIPLE = re.compile(r"[a-z]{4,}ed")
NOUN_OF_ADJECTIVE = ("ing", "ering", "het", "itet")  # the stem endings that make a noun of an adjective's stem


def adjective_pairs(text: str, wanted: set[str]) -> dict[str, str]:
    """The question's nouns with the adjective right before them, as stems: "de prioriterade områdena" → områd:
    prioriter."""
    ws = words(text)
    pairs = {stem(b): stem(a) for a, b in pairwise(ws)
             if INFLECTED_ADJECTIVE.fullmatch(a) and stem(a) in wanted and stem(b) in wanted and stem(a) != stem(b)}
    for a, b in pairwise(ws):  # an English participle before its noun: "the prioritised areas"
        if EN_PARTICIPLE.fullmatch(a):
            sa = [stem(w) for t in translate(a)[:1] for w in words(t.swedish[0])]
            sb = [stem(w) for t in translate(b)[:1] for w in words(t.swedish[0])]
            if len(sa) == 1 and len(sb) == 1 and sa[0] in wanted and sb[0] in wanted and sa != sb:
                pairs[sb[0]] = sa[0]
    return pairs


def kind_named_by(term: str, title: set[str], pairs: dict[str, str]) -> bool:
    """A question word in a title, with the kind its adjective gives it: «Uppföljning av arbetet med
    prioriteringar» names "de prioriterade områdena" by their kind, and «… fördelad på budgetområden» names
    areas of another kind (a compound's head, its first part not the adjective)."""
    adjective = pairs.get(term)
    if adjective is None:
        return _title_match(term, title)
    if any(t.startswith(adjective) and t[len(adjective):] in NOUN_OF_ADJECTIVE for t in title):
        # a noun made of the adjective («prioriteringar»), not the adjective of another noun («digitala
        # tillgängligheten») nor a compound it begins («kommunalförbund»)
        return True
    return any(_title_match(term, {t}) and not (t != term and t.endswith(term) and len(t) - len(term) >= 3)
               for t in title)


def _title_match(term: str, title: set[str]) -> bool:
    """A question word in a span's title: as the answerer matches words, or with one letter
    more or less in a long word (reports have typos: uppsiktplikt for uppsiktsplikt)."""
    if _matched(term, title):
        return True
    return len(term) >= 8 and any(one_edit(term, t) for t in title)


def _named_whole(term: str, title: set[str]) -> bool:
    """A question word as a title's word or as the head of its compound ("prognos" in «helårsprognos»), not as
    only its first part (not in «Prognossäkerhet», which is about certainty)."""
    return any(not (t.startswith(term[:5]) and len(t) - len(term) >= 4) for t in title if _title_match(term, {t}))


OUTCOME_WEIGHT = 0.3  # the sentence with a part's surplus or deficit is its bottom line


def specificity(u: Unit) -> float:
    """Names and figures make a point worth quoting: 0 for none, 1 for three or more."""
    tokens = u.text.split()
    named = sum(1 for t in tokens[1:] if t[:1].isupper() or any(ch.isdigit() for ch in t))
    return min(named / 3, 1.0)


def centrality(units: list[Unit]) -> dict[int, float]:
    """How much of the span a sentence speaks for: its mean overlap with the others."""
    stems = [content(u) for u in units]
    out: dict[int, float] = {}
    for i, s in enumerate(stems):
        others = [similarity(s, t) for j, t in enumerate(stems) if j != i]
        out[id(units[i])] = sum(others) / len(others) if others else 0.0
    return out


# a table's rows weigh by how large their deviation is beside the table's largest, and by a comment of their own:
# "Vad står det på sidan 44?" is the premises' −3 050 and the IT systems' +1 879 (with why), not −100 and +93
ROW_WEIGHT = 0.2
DEVIATION_SAID = re.compile(r"(?i)Avvikelse\w*\s+(-?\d[\d ]*(?:,\d+)?)")
ROW_COMMENT = re.compile(r"\([^()]*[a-zåäö]{4,}[^()]*\)\s*$")


def row_weights(units: list[Unit]) -> dict[int, float]:
    """Each table row's weight in 0..1: its deviation's size beside its table's largest (half), and a comment that
    explains it (half). Rows without a deviation column weigh nothing."""
    sizes: dict[int, float] = {}
    for u in units:
        if u.is_row and (m := DEVIATION_SAID.search(u.text)):
            sizes[id(u)] = abs(float(m.group(1).replace(" ", "").replace(",", ".")))
    largest: dict[str, float] = {}
    for u in units:
        if id(u) in sizes:
            largest[u.chunk.id] = max(largest.get(u.chunk.id, 0.0), sizes[id(u)])
    return {id(u): 0.5 * (sizes[id(u)] / largest[u.chunk.id] if largest[u.chunk.id] else 0.0)
            + 0.5 * bool(ROW_COMMENT.search(u.text)) for u in units if id(u) in sizes}


# a table's bottom line («Resultat (budgetavvikelse): …», «Summa budgetavvikelser: …»): what a summary of the
# table's span must not trade for one of the rows it adds up
BOTTOM_LINE = re.compile(r"^(?:Summa|Totalt|Total|Resultat)\b", re.IGNORECASE)
BOTTOM_LINE_WEIGHT = 0.3


def span_points(units: list[Unit], k: int = MAX_POINTS, prose_first: bool = False, outcome: float = 0.0,
                rows_by_size: bool = False, bottom_lines: bool = False, bottom_first: bool = False) -> list[Point]:
    """The points that carry the most of a span: central, with figures or decisions, one per
    subsection before a second from any. `prose_first`: a summary quotes the span's sentences, and
    its table rows only when it has too few sentences (a row's figures made it look specific). `outcome`: the
    weight of a sentence giving a surplus or deficit, a summary's bottom line (a page has no one subject).
    `rows_by_size`: a page's table rows weigh by their deviation and comment (row_weights). `bottom_lines`: a
    table's total stays among the sentences (see compose_summary). `bottom_first`: the span's first surplus or
    deficit sentence is its first point (a part of the organisation summarised)."""
    # (a short line is no point, unless it is a table's total: «Summa budgetavvikelser 13 950»)
    pool = [u for u in units if not is_signpost(u.text) and (
        len(u.text.split()) >= 5 or (BOTTOM_LINE.match(u.text) and NUMBER.search(u.text)))]
    content_only = [u for u in pool if not ABOUT_THE_REPORT.match(u.text)]
    if len(content_only) >= k:  # "I delårsrapporteringen beskrivs också …" says what is told, not what was done
        pool = content_only
    prose = [u for u in pool if not u.is_row]
    if prose_first and len(prose) >= k:
        # … and, of a heading summarised with related ones, its tables' bottom lines: the investment frame with
        # the analysis of it keeps «Summa investeringar: … 25 000 tkr» of its own table
        pool = [u for u in pool if not u.is_row or (bottom_lines and BOTTOM_LINE.match(u.text))]
    if not pool:
        return []
    cent = centrality(pool)
    weight = row_weights(pool) if rows_by_size else {}
    points = []
    for u in pool:
        lead = u.chunk.text.lstrip().startswith(u.text[:40])  # a subsection's first sentence says what it is about
        # weights set on the dev split (lead 0.6 -> 0.45, names and figures 0.4 -> 0.6: summary key points
        # 0.47 -> 0.50, page 0.67 -> 0.69): a section's first sentence often says only what it is about
        r = 0.8 * cent[id(u)] + 0.45 * lead + 0.6 * specificity(u) + 0.15 * bool(NUMBER.search(u.text))
        r += 0.1 * bool(DECISION.search(u.text)) + 0.5 * u.coverage - 0.1 * u.is_row + ROW_WEIGHT * weight.get(id(u), 0.0)
        r += outcome * bool(OUTCOME.search(u.text)) * (not u.is_row)
        r += BOTTOM_LINE_WEIGHT * bool(u.is_row and BOTTOM_LINE.match(u.text))  # a table's total or result row
        r -= 0.4 * bool(ANAPHORA.match(u.text))  # "Genom detta arbete …" leans on the sentence before it
        r -= 0.4 * bool(ABOUT_THE_REPORT.match(u.text))  # says what the report contains, not what was done
        points.append(Point(u, r))
    points.sort(key=lambda p: -p.relevance)
    by_heading: dict[str, list[Point]] = {}
    for p in points:
        by_heading.setdefault(str(p.unit.chunk.meta.get("heading") or ""), []).append(p)
    # round robin over subsections: each heading's best point first, the best headings first
    order: list[Point] = []
    layers = max(len(v) for v in by_heading.values())
    for layer in range(layers):
        row = [v[layer] for v in by_heading.values() if len(v) > layer]
        order += sorted(row, key=lambda p: -p.relevance)
    # a part's own surplus or deficit (told before its activities': «Årsprognosen visar ett överskott på 7,1 Mkr»
    # before «Verksamheterna prognostiserar ett överskott med totalt 4,7 Mkr») opens its summary
    if bottom_first and (bottoms := [p for p in points if not p.unit.is_row and OUTCOME.search(p.unit.text)]):
        position = {id(u): i for i, u in enumerate(pool)}
        bottom = min(bottoms, key=lambda p: position[id(p.unit)])
        order = [bottom, *(p for p in order if p is not bottom)]
    rank = {id(p): len(order) - i for i, p in enumerate(order)}
    ranked = [Point(p.unit, rank[id(p)] / len(order)) for p in order]
    return mmr(ranked, k, lam=0.8)


def assessment_first(span: Span) -> list[Unit]:
    """A goal's assessment sentence ("Bedömningen är att bidraget … förväntas uppnås") and the
    reasons given right after it ("Bedömningen baseras på …"): the report's own summary of the goal."""
    for c in span.chunks:
        if c.meta.get("kind") != "assessment":
            continue
        units = units_of(c, 0)
        for i, u in enumerate(units):
            if is_verdict(u.text):
                reasons = [r for r in units[i + 1:i + 3] if len(r.text.split()) >= 6 and not is_signpost(r.text)]
                return [u, *reasons]
    return []


def own_summary_lines(ctx: Context, span: Span, chunks: list[IndexedChunk]) -> list[Unit]:
    """The sentences of the report's own summary section that summarise this span: their words are in the
    span and are the span's rather than the whole report's ("Det prognostiserade helårsresultatet är ett
    överskott på totalt 13,9 Mkr" for the economic section). The report's summary of a part leads its
    summary, as a goal's assessment leads the goal's."""
    own = [c for c in chunks if is_own_summary(c)]
    mine = {c.id for c in span.chunks}
    if not own or mine & {c.id for c in own}:
        return []
    inside: set[str] = set()
    outside: set[str] = set()
    skip = {c.id for c in own}
    for c in chunks:
        if c.id not in skip:
            (inside if c.id in mine else outside).update(ctx.library.index.text_terms(c))
    out = []
    for c in own:
        for u in units_of(c, 0):
            words_ = {t for t in terms(u.text) if len(t) > 2}
            if len(words_) < 4 or is_signpost(u.text) or ABOUT_THE_REPORT.match(u.text):
                continue
            weight = {t: ctx.scorer.idf(t) for t in words_}
            total = sum(weight.values()) or 1.0
            share_in = sum(w for t, w in weight.items() if t in inside) / total
            share_out = sum(w for t, w in weight.items() if t in outside) / total
            if share_in >= OWN_SUMMARY_IN and share_in - share_out >= OWN_SUMMARY_MARGIN:
                out.append(u)
    return out[:MAX_OWN_SUMMARY]


def area_assessments(area: Span) -> list[Unit]:
    """A goal area's goals, each by its assessment sentence: the area's own summary."""
    goals = dict.fromkeys(str(c.meta.get("goal")) for c in area.chunks if c.meta.get("goal"))
    out = []
    for g in goals:
        found = assessment_first(Span(g, "goal", [c for c in area.chunks if c.meta.get("goal") == g], 0.0))
        out.extend(found[:1])
    return out


def compose_summary(ctx: Context) -> Composition:
    report = _chunks(ctx)  # one look-up: with several reports it asks the index which one is meant
    span = resolve_span(ctx, report)
    if span is None or not span.chunks:
        return Composition("", [], [], False)
    units = ctx.scorer.units_for(ctx.q, [(c, 0.0) for c in span.chunks]) if says_more_than_the_span(ctx) else \
        [u for i, c in enumerate(span.chunks) for u in units_of(c, i)]
    if span.kind == "pages":
        lo, hi = requested_pages(ctx.q.text) or span.pages
        units = [u for u in units if lo <= u.page <= hi]
    units = on_the_topic_in_listed(ctx, span, units)
    heads = assessment_first(span) if span.kind == "goal" else area_assessments(span) if span.kind == "goal_area" \
        else []
    heads = own_summary_lines(ctx, span, report) + heads  # the report's own summary of the part first
    head = heads[0] if heads else None
    said = {u.text for u in heads}
    parts = section_headings(span)
    budget = (MAX_POINTS if span.also else min(MAX_POINTS, max(5, len(parts)))) + len(heads)
    asked = requested_count(ctx.q.text)
    if asked is not None:  # "i tre meningar": the assessment counts as one of them
        heads, budget = heads[:asked], min(budget, asked)
        said = {u.text for u in heads}
    # (a part of the organisation, «STADSKONTORETS VERKSAMHET», opens with its own surplus or deficit)
    points = with_antecedents(span_points([u for u in units if u.text not in said], budget - len(heads),
                                          prose_first=True, outcome=OUTCOME_WEIGHT, bottom_lines=bool(span.also),
                                          bottom_first=bool(set(terms(span.label)) & ORG_PARTS)))
    if heads:
        points = [Point(u, 1.0) for u in heads] + points
    quoted = {p.unit.text for p in points}
    elsewhere = [u for u in said_elsewhere(ctx, span, report) if u.text not in quoted]
    points += [Point(u, 0.5) for u in elsewhere]
    if not points:
        return Composition("", [], [], False)
    where = span.describe(ctx.q.lang)
    lead = f"Sammanfattning av {where}." if ctx.q.lang == "sv" else f"Summary of {where} (quoted in Swedish)."
    if elsewhere:
        also = [str(p) for p in sorted({u.page for u in elsewhere})]
        joiner = " och " if ctx.q.lang == "sv" else " and "
        listed = also[0] if len(also) == 1 else ", ".join(also[:-1]) + joiner + also[-1]
        lead += f" Det nämns också på s. {listed}." if ctx.q.lang == "sv" else f" Also mentioned on p. {listed}."
    sections: list[Citation] = []
    if len(parts) >= 3:  # a long span: say what it covers, each section cited where it starts, then its points
        sections = [heading_citation(i + 1, h, c) for i, (h, c) in enumerate(parts[:8])]
        listed = ", ".join(f"«{c.quote}» [{c.n}]" for c in sections) + (" …" if len(parts) > 8 else "")
        lead += (f" Avsnittet tar upp {listed}." if ctx.q.lang == "sv" else f" It covers {listed}.")
    if head is not None:  # the assessment and its reasons lead, then the rest in report order
        # a further point from the assessment's own text joins it: its heading is not shown twice
        lead_heading = head.chunk.meta.get("heading")
        first = points[:len(heads)] + [p for p in points[len(heads):] if p.unit.chunk.meta.get("heading") == lead_heading]
        rest = [p for p in points[len(heads):] if p.unit.chunk.meta.get("heading") != lead_heading]
        first_text, first_cits = ctx.render(first, lead, first_n=len(sections) + 1)
        rest_text, rest_cits = ctx.render(rest, first_n=len(sections) + len(first_cits) + 1)
        text, citations = (first_text + ("\n\n" + rest_text if rest_text else "")), first_cits + rest_cits
    else:
        text, citations = ctx.render(points, lead, first_n=len(sections) + 1)
    citations = sections + citations
    a, b = span.pages
    span_text = span.label if span.kind == "pages" else f"{span.label} (s. {a}–{b})" if a != b else \
        f"{span.label} (s. {a})"
    accepted = span.accepted and not topic_elsewhere(ctx, span)
    return Composition(text, citations, [p.unit for p in points], accepted,
                       [(c, 0.0) for c in span.chunks], span=span_text, coverage=min(span.score, 1.0),
                       certain=span.kind == "pages")


def on_the_topic_in_listed(ctx: Context, span: Span, units: list[Unit]) -> list[Unit]:
    """Of a heading that lists several things ("Näringslivsprogram, Öresundsmetron och klimatresiliens"), summarised
    beside the topic's own heading, only the sentences on the topic: the business programme is no part of what the
    report says about the metro."""
    if not span.also:
        return units
    listing = [s for s in (span, *span.also) if LISTED_TITLE.search(s.label)]
    topic = [t for t, w in ctx.q.terms.items() if w >= 1.0 and t not in CUE_WORDS and t not in AMBIENT_ACTORS]
    if not listing or not topic:
        return units
    ids = {c.id for s in listing for c in (s.own if s is span else s.chunks)}
    kept = [u for u in units if u.chunk.id not in ids or any(term_hit(ctx.q, t, u.stems) for t in topic)]
    return kept or units


def topic_elsewhere(ctx: Context, span: Span) -> bool:
    """Whether what the report says about a topic stands outside the span chosen for it: the question's rarest
    word, written in a chunk or two of the report, is in none of the span's («barn- och ungdomskultur» is a row
    of the budget table, not the goal on children's upbringing that shares "barn" and "unga" with it)."""
    if span.kind == "pages" or not ABOUT_ASKED.search(ctx.q.text):
        return False
    index = ctx.library.index
    # (as a word or in a compound: «pensionsriktlinjerna» holds "pension")
    rare = [t for t, w in ctx.q.terms.items() if w >= 1.0 and len(t) >= RARE_LETTERS and t not in CUE_WORDS
            and 0 < index.substring_df(t) <= RARE_DF]
    if not rare:
        return False
    stems = {t for c in span.chunks for t in index.text_terms(c)}
    joined = " ".join(" ".join(words(c.text)) for c in span.chunks)
    return not any(term_hit(ctx.q, t, stems, joined) for t in rare)


NUMBERED_NAME = re.compile(r"(?<![\wåäö])[A-ZÅÄÖ][\wåäö]+ \d{2,4}(?![\d])")  # "Agenda 2030"
ELSEWHERE_CHUNKS = 3  # passages outside its section a topic may stand in and still be told there in full
ELSEWHERE_POINTS = 3
ELSEWHERE_LETTERS = 5  # a topic word this long at least ("evenemang", "näringsliv"): short stems are in everything


def said_elsewhere(ctx: Context, span: Span, report: list[IndexedChunk]) -> list[Unit]:
    """What the report says of a topic outside the heading that names it, when asked what the report says of it:
    «evenemang» has its own section (p. 16), and the goal's assessment adds that «Arbetet med att stärka Malmö som
    evenemangsstad har intensifierats» (p. 17). Only a topic the report names in a few passages beyond the span: one
    it writes everywhere is the report's theme, and the span is then what the question named."""
    if span.kind != "heading" or not (ABOUT_ASKED.search(ctx.q.text) or WORK_ON.search(ctx.q.text)):
        return []
    topic = [t for t, w in ctx.q.terms.items() if w >= 1.0 and t not in CUE_WORDS and t not in AMBIENT_ACTORS
             and len(t) >= ELSEWHERE_LETTERS and not t.isdigit()]
    if not topic:
        return []
    inside = {c.id for c in span.chunks}
    accounts = budget_area_names(report)  # «… kustskydd och resiliense» is an account's name, no word on coasts
    # a name with a number is met whole: "Agenda 2030" is not «… är tydligt på agendan»
    numbered = [m.group(0).lower() for m in NUMBERED_NAME.finditer(ctx.q.text)]
    found = [u for c in report if c.id not in inside and c.meta.get("kind") != "table" for u in units_of(c, 0)
             if not is_signpost(u.text) and all(term_hit(ctx.q, t, u.stems) for t in topic)
             and all(n in u.text.lower() for n in numbered)
             and not topic_only_in_an_account(ctx.q, u, set(topic), accounts)]
    if not found or len({u.chunk.id for u in found}) > ELSEWHERE_CHUNKS:
        return []
    return found[:ELSEWHERE_POINTS]


def says_more_than_the_span(ctx: Context) -> bool:
    """Whether the question says more than which span to summarise (then its words weigh in)."""
    return any(w >= 1.0 and t not in CUE_WORDS for t, w in ctx.q.terms.items())


SECTION_BRIEF_PARTS = 3  # subsections a section must have for a brief on it to go through each


def section_for_brief(ctx: Context) -> Span | None:
    """The section a brief's topic is the title of ("Hur jobbar KS med uppsiktsplikten?": «Uppföljning av
    kommunstyrelsens uppsiktplikt»), when it has subsections: the work is told one subsection at a time, and a
    brief of the best sentences keeps to the two or three that repeat the word. None otherwise."""
    span = resolve_span(ctx)
    if span is None or span.kind != "heading" or span.also or span.titled < 1.0 or not span.accepted:
        return None
    return span if len(section_headings(span)) >= SECTION_BRIEF_PARTS else None


def goal_for_brief(ctx: Context) -> Span | None:
    """The goal a brief's topic is named by only in its title ("Vad gör staden mot segregationen?": the report says
    «segregation» nowhere but in «Malmö stad arbetar för att staden ska bli fri från segregation»): the work under
    that goal is the report's answer, though none of it repeats the word, so the brief goes through the goal as its
    summary does. None otherwise (a topic the passages name is briefed on where they name it)."""
    goal = named_goal(ctx)
    if goal is None:
        return None
    title = set(terms(goal))
    said = ctx.library.index.text_vocabulary()
    if not any(term_hit(ctx.q, t, title) and not term_hit(ctx.q, t, said) for t in on_topic_words(ctx)):
        return None
    span = resolve_span(ctx)
    return span if span is not None and span.kind == "goal" and span.label == goal and not span.also else None


def section_headings(span: Span) -> list[tuple[str, IndexedChunk]]:
    """The span's subsections one level below it, in report order, each with its first chunk (its own: a related
    heading summarised with it is no subsection of it)."""
    out: dict[str, IndexedChunk] = {}
    for c in span.own:
        parts = [p.strip() for p in str(c.meta.get("section") or "").split(" › ") if p.strip()]
        if span.kind == "heading" and span.label in parts:
            parts = parts[parts.index(span.label) + 1:]
        head = parts[0] if parts else ""
        if head and head not in out and not head.startswith(("Bedömning av förväntad", "Uppföljning av bidrag")):
            out[head] = c
    return list(out.items())


def heading_citation(n: int, heading: str, chunk: IndexedChunk) -> Citation:
    """A citation of a section by its heading: where in the report the section starts."""
    m = chunk.meta
    return Citation(n=n, page=chunk.page, section=str(m.get("section") or heading), goal=m.get("goal") or None,
                    goal_area=m.get("goal_area") or None, quote=heading, source=str(m.get("source") or ""),
                    report_title=str(m.get("report_title") or ""), chunk_id=chunk.id, passage=chunk.text,
                    kind="heading")


def compose_page(ctx: Context) -> Composition:
    """"Vad står det på sidan 12?": the page's headings and its key points."""
    pages = requested_pages(ctx.q.text)
    if pages is None:
        return Composition("", [], [], False)
    page = pages[0]
    report = _chunks(ctx)  # one look-up: with several reports it asks the index which one is meant
    chunks = [c for c in report if c.page <= page <= int(c.meta.get("page_end", c.page))]
    units = [u for i, c in enumerate(chunks) for u in units_of(c, i) if u.page == page]
    if not units:
        rng = (f"{min(c.page for c in report)}–{max(int(c.meta.get('page_end', c.page)) for c in report)}"
               if report else "–")
        text = (f"Sidan {page} finns inte i rapportens text (den omfattar sidorna {rng})." if ctx.q.lang == "sv"
                else f"Page {page} is not in the report's text (it covers pages {rng}).")
        return Composition(text, [], [], False, refused=True, certain=True)
    outline = ctx.library.outline(str(chunks[0].meta.get("source") or "") or None)
    headings = [h for h, p in outline.get("headings", []) if p == page]
    # a page no heading of the outline starts on belongs to the sections (often a table) of its chunks
    going_on = [] if headings else list(dict.fromkeys(str(c.meta.get("heading")) for c in chunks
                                                        if c.meta.get("heading")))
    points = with_antecedents(span_points(units, 6, rows_by_size=True))
    names = ", ".join(f"«{h}»" for h in (headings or going_on)[:6])
    if ctx.q.lang == "sv":
        says = f" tar upp {names}." if headings else f" hör till {names}." if names else "."
        lead = f"Sidan {page}{says} Det viktigaste på sidan:"
    else:
        says = f" covers {names}." if headings else f" belongs to {names}." if names else "."
        lead = f"Page {page}{says} Its key points (quoted in Swedish):"
    text, citations = ctx.render(points, lead)
    return Composition(text, citations, [p.unit for p in points], True, [(c, 0.0) for c in chunks],
                       span=f"s. {page}", coverage=1.0, certain=True)
