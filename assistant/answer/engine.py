"""The offline answer engine: analyse → route → evidence → compose[shape] → judge.

    question ─► analyse ─► route ─► evidence ─► compose (fact | brief | summary |
                                                reason | change | outline | page)
                                               ─► judge ─► Answer (shape, confidence)

Every shape's composer is a small module under `assistant/answer/shapes/`;
the judge (`assistant/answer/judge.py`) is the one place that refuses an
evidence-based answer, from one calibrated probability. Per-question state
(the evidence, its similarities) travels through these calls; the shared
index is only read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from assistant.answer.extractive import (
    NOW,
    PARTS,
    REFUSAL_EN,
    REFUSAL_SV,
    STATES_TOTAL,
    TOLD_AFTER,
    YEAR,
    YEAR_TOKEN,
    ExtractiveAnswerer,
    Proposal,
    Unit,
    bullet_list,
    cited_sources,
    e_dropped_form,
    event_missing,
    introduces_a_list,
    is_signpost,
    kind_score,
    measure_asked,
    retrieved_of,
    run_in_label,
    term_hit,
    units_of,
)
from assistant.answer.judge import (
    Features,
    JudgeModel,
    definite_nouns,
    load_model,
    missing_rare,
    unknown_names,
    unknown_topic,
    vocabulary_coverage,
)
from assistant.answer.library import Library
from assistant.answer.premise import (
    DEFICIT_SAID,
    SETBACK_STATED_ANY,
    SURPLUS_SAID,
    asks_about_a_setback,
    missing_goal_area,
    named_area,
    no_such_amount,
    no_such_area,
    unmet_premise,
    unstated_amount,
    unstated_setback,
    wrong_sign,
)
from assistant.answer.question import (
    AMBIENT_ACTORS,
    ANNUAL_REPORT,
    DEVIATION_WORDS,
    INTERIM_REPORT,
    IS_IT_TRUE,
    LAST_YEARS_REPORT,
    NUMBER_WORDS,
    PLACES,
    REPORT_OF_A_YEAR,
    TOTAL_WORDS,
    Question,
    expand_abbreviations,
    kind_is_held,
)
from assistant.answer.route import (
    ACTORS,
    BRIEF,
    NEGATION,
    OPEN_SHAPES,
    PERSONAL,
    REFERS_BACK,
    REPORT_PARTS,
    SPLIT_ASKED,
    SUMMARY,
    as_claim_check,
    lacks_topic,
    names_only_the_subject,
    route,
    thanked,
    topic_words,
    without_asides,
)
from assistant.answer.shapes.base import Composition, Context
from assistant.answer.shapes.brief import (
    EVERYDAY_IDF,
    MODIFIER_LETTERS,
    OFF_TOPIC_DENSE,
    add_dense,
    compose_points,
    listed_in_table,
    off_topic,
    shares_head,
    shares_modifier,
    topic_terms,
)
from assistant.answer.shapes.causes import states_a_cause
from assistant.answer.shapes.mentions import compose_changes, compose_mentions
from assistant.answer.shapes.outline import STRUCTURE_ASKED, compose_contents, compose_outline, report_source
from assistant.answer.shapes.summary import CUE_WORDS, compose_page, compose_summary, goal_for_brief, section_for_brief
from assistant.answer.tables import introduced_table, wants_extreme
from assistant.glossary import swedish_stems, translate
from assistant.models import Answer, Filters, Turn
from assistant.numbers import amounts_in, matches_amount, stated_values
from assistant.retrieval import IndexedChunk
from assistant.textproc import EN_STOP, STOP, as_swedish_letters, stem, terms, words

SETBACK_EVIDENCE = 5  # passages read for a setback the question takes for given (premise.unstated_setback)
VOUCHED_DENSE = 0.855  # e5 similarity of the best point at which an open answer's evidence is on topic (dev split)
SCOPE_SV = ("Jag svarar bara på frågor om rapportens innehåll, med källa till sidan – till exempel "
            "«Hur stor var den sociala obligationen?», «Vad gör staden för att minska segregationen?» "
            "eller «Sammanfatta målområdet En grön stad».")
CLARIFY_SV = ("Frågan säger inte vad den gäller. Skriv vad du vill veta mer om, till exempel "
              "«Vad gör staden för att minska segregationen?»")
CLARIFY_EN = ("The question does not say what it is about. Please name the topic, for example "
              "“What is the City doing to reduce segregation?”")
WELCOME_SV = "Varsågod! "
WELCOME_EN = "You're welcome! "
SCOPE_EN = ("I only answer questions about what the report says, citing its pages – for example "
            "“How large was the social bond?”, “What is the City doing about segregation?” or "
            "“Summarise the goal area En grön stad”.")


# what an amount is of: a question for another year's figure names one of these, and the quoted figure must be one
MEASURE_ASKED = re.compile(r"(?i)(?<![\wåäö])hur\s+(?:stort?|stora|högt?|höga|lågt?|låga)\s+([a-zåäö]{4,})")
MEASURES = (*(stem(w) for w in ("anslag", "kommunbidrag", "budget", "resultat", "överskott", "underskott",
                                 "prognos", "kostnad", "intäkt", "investering", "nettokostnad", "avvikelse",
                                 "utfall", "ram")),
            "budg")  # (the stemmer cuts driftbudget to "driftbudg")


COMPOUND_TAIL = 4  # letters a measure word goes on with in a compound ("investering|sram"), not a verb's ending


def with_its_table(u: Unit, text: str | None = None) -> str:
    """A quoted unit's text (or `text`) with its table's title and header: what its figure is of."""
    meta = u.chunk.meta
    return f"{u.text if text is None else text} {meta.get('table_title') or ''} {meta.get('table_header') or ''}"


def measure_of_another_year_missing(q: Question, u: Unit) -> bool:
    """An amount asked for another year than the report's whose quoted figure is not of the measure asked
    for: none of the question's measure words (by a compound's head: driftanslag is an anslag) is in the
    sentence, its row label or its table's title (in a compound there too: investeringsram)."""
    report_year = str(u.chunk.meta.get("year") or "")
    # a year in the quoted row's label names a thing ("EM i Handboll 2026"), not the year of the figure
    if q.kind not in ("amount", None) or not any(y != report_year and y not in u.row_label for y in q.years):
        return False
    # (a compound's modifier is a measure asked too: "investeringsbudgeten 2026" is met by «investeringsram»)
    asked = {m for t, w in q.terms.items() if w >= 1.0 for m in MEASURES
             if t.endswith(m) or (t.startswith(m) and len(m) >= 6)}
    # the measure a "Hur stort överskott …" asks the size of is that one: "jämfört med budget" says against what
    if (head := MEASURE_ASKED.search(q.text)) and (named := {m for m in MEASURES if stem(head.group(1)).endswith(m)}):
        asked = named
    if not asked:
        return False
    said = set(terms(with_its_table(u)))
    # "investeringsram" is of the investment asked for, "helårsresultat" of the result; "resulterade" is no result
    return not any(s_.endswith(m) or (s_.startswith(m) and len(s_) - len(m) >= COMPOUND_TAIL) or m in s_[1:-1]
                   for s_ in said for m in asked)


# the measures a period figure may be asked of that the board's whole outcome is not («Stadskontorets ekonomiska
# utfall … 32,8 Mkr» is a result, a deviation, and its parts are named by their funding: KB, SF/IF)
PERIOD_MEASURES = tuple(stem(w) for w in ("intäkt", "kostnad", "investering"))


def measure_of_the_period_missing(q: Question, u: Unit) -> bool:
    """A period's outcome asked of a measure («intäkter», «nettokostnad») answered by a figure of another: "Vad var
    de totala intäkterna utfall jan-aug?" is not «Stadskontorets ekonomiska utfall … uppgår till 32,8 Mkr»."""
    if q.kind not in ("amount", None) or measure_asked(q.text) != "period" or BREAKDOWN.search(q.text) \
            or SPLIT_ASKED.search(q.text):
        return False  # (a split asked is of the whole outcome: "… split between … income-financed activities")
    # (the measure as a word or a compound's head: «intäktsfinansierad» verksamhet is no income asked for)
    asked = {m for t, w in q.terms.items() if w >= 1.0 for m in PERIOD_MEASURES if t.endswith(m)}
    if not asked:
        return False
    said = set(terms(" ".join([with_its_table(u), *list_lead(u)])))
    if u.is_row and set(terms(u.row_label)) & {t for t, w in q.terms.items() if w >= 1.0}:
        return False  # one of several figures asked: "… the net cost, the kommunbidrag and the result …", its row
    return not any(m in s_ for s_ in said for m in asked)


def thing_of_another_year_missing(q: Question, u: Unit) -> bool:
    """An amount asked of a thing for another year than the report's, quoted from a row whose label holds the year
    as a name and none of the thing: "Hur stora blir Malmös utsläpp år 2030 enligt prognosen?" is not the budget
    row «Befolkningsprognos, analyser och uppföljning av Agenda 2030» (as "EM i handboll 2026" is that row)."""
    report_year = str(u.chunk.meta.get("year") or "")
    later = {y for y in q.years if y != report_year}
    if q.kind not in ("amount", None) or not u.is_row or not later or not all(y in u.row_label for y in later):
        return False
    thing = {t for t, w in q.terms.items() if w >= 1.0 and not YEAR.fullmatch(t) and t not in AMBIENT_ACTORS
             and t not in PARTS and not any(t.endswith(m) or t.startswith(m) for m in MEASURES)}
    said = set(terms(u.row_label))
    return bool(thing) and not any(term_hit(q, t, said, " ".join(said)) for t in thing)


# what an amount is the price of: a salary, a fee, a rent, an interest rate, a ticket. A figure whose sentence or
# table names none of the ones asked for is of something else ("What is the city director's salary?" is not the
# budget row "Stadsdirektör")
PRICE_MEASURES = tuple(stem(w) for w in ("lön", "löner", "pris", "hyra", "avgift", "ränta", "biljett"))


# a compound whose head is a price ("månadslön", "årshyran"), and what a person earns
PRICE_HEAD = re.compile(r"(?i)\w{3,}(?:lön|lönen|löner|hyra|hyran|avgift|avgiften|ränta|räntan|pris|priset)$")
EARNS = re.compile(r"(?i)(?<![\wåäö])(?:tjänar|tjänade|earns?|earned|paid|gets paid)(?![\wåäö])")
PAY_FOR = re.compile(r"(?i)(?<![\wåäö])(?:pay|paid|paying|betala\w*)\s+for(?![\wåäö])")  # what money is for, no price
ROW_COMMENT = re.compile(r"\s*\([^()]*\)\s*$")  # "… Avvikelse -3 050 tkr (Främst hyreskostnader bl a Uven)"
# what a measure is caused by: "avvikelse … pga hyran för Uven" asks the deviation, the rent is its cause
CAUSED_BY = re.compile(r"(?i)(?<![\wåäö])(?:pga\.?|p\.g\.a\.?|på grund av|till följd av|because of|due to|owing to)"
                       r"\s+(?:(?:den|det|de|the)\s+)?([\wåäö]+)")


def explained_by(u: Unit) -> str:
    """The paragraph a run-in label's figure is of («Lokalkostnader -3 Mkr» over «… hyran för Uven …»), or ""."""
    return u.chunk.text if not u.is_row and u.text.strip() == run_in_label(u.chunk) else ""


def price_asked_missing(q: Question, u: Unit) -> bool:
    """An amount question naming what the amount is the price of, answered by a figure that does not say it."""
    if q.kind not in ("amount", "percent", None):
        return False
    # (the measure itself, not a compound it begins: "lönekostnader" are costs, no one's pay)
    asked = {t for t, w in q.terms.items() if w >= 1.0 and any(t.startswith(m) and len(t) - len(m) <= 2
                                                                for m in PRICE_MEASURES)}
    # a compound whose head is one ("månadslön", "årshyran": the stemmer cuts them short), and what one earns
    asked |= {stem(w) for w in words(q.text) if PRICE_HEAD.search(w)}
    asked |= {stem("lön")} if EARNS.search(q.text) else set()
    asked -= {stem(m.group(1).lower()) for m in CAUSED_BY.finditer(q.text)}
    if not asked or PAY_FOR.search(q.text):
        return False
    # a row's figures are of its label: a comment in brackets explains its deviation ("Lokalkostnader: … (Främst
    # hyreskostnader bl a Uven)" is no rent of Uven)
    text = ROW_COMMENT.sub("", u.text) if u.is_row else u.text
    said = set(terms(f"{with_its_table(u, text)} {u.chunk.meta.get('heading') or ''} {explained_by(u)}"))
    return not any(term_hit(q, t, said) for t in asked)  # an English word's other renderings count ("fees": arvode)


# an average asked for, and one stated: a total or a single figure is no average
AVERAGE = re.compile(r"(?i)(?<![\wåäö])(?:(?:genom)?snitt[\wåäö]*|medel(?:lön|värde|tal|kostnad)[\wåäö]*|"
                     r"average\w*|mean(?=\s+[a-z])(?!\s+by\b)|median\w*)(?![\wåäö])")  # ("what does KISA mean?" asks
# what a word means)


# a figure asked per a unit ("arvode per månad", "per kommunalråd", "a month", "per employee"): the unit's word
PER_UNIT = re.compile(r"(?i)(?<![\wåäö])(?:per|each|every|varje)\s+([a-zåäö]{3,})|(?<![\wåäö])(?:i|a|in a)\s+(månaden|month)"
                      r"(?![\wåäö])|(?<![\wåäö])(monthly|månadsvis)(?![\wåäö])")
MONTH_WORDS = frozenset({"månaden", "month", "monthly", "månadsvis"})
# a unit that splits a table, not one a rate is of ("per line", "per anslag", "for each area")
BREAKDOWN_UNITS = frozenset({"line", "item", "row", "post", "poster", "rad", "anslag", "område", "områden", "area",
                             "category", "kategori", "budgetområde", "del", "part", "verksamhet", "förvaltning",
                             "department", "nämnd", "committee", "goal", "mål", "project", "projekt", "appropriation",
                             "component", "type", "typ", "slag", "källa", "source", "one", "year", "år"})


def asked_unit(q: Question) -> str | None:
    """The unit a figure is asked per, as written ("per månad": "månad", "each year": "year"); None when none is."""
    m = PER_UNIT.search(q.asked)
    return next(g for g in m.groups() if g).lower() if m else None


def per_unit_missing(q: Question, u: Unit) -> bool:
    """A figure asked per a unit, answered by one that is no such rate: "Hur mycket får ett kommunalråd i arvode per
    månad?" is not the board's 42,6 Mkr for all fees (the unit, or its word, must be in the figure's sentence)."""
    if q.kind not in ("amount", "percent", "list", None) or (word := asked_unit(q)) is None:
        return False
    if word in STOP or word in EN_STOP or word in BREAKDOWN_UNITS or word.rstrip("s") in BREAKDOWN_UNITS:
        # ("per den 31 augusti" is as of a date; "per line" asks the figures of each row, not a rate)
        return False
    if word in MONTH_WORDS:
        wanted = {stem("månad")}
    elif q.lang == "en":  # the unit in the report's words ("each year": år); one the glossary lacks decides nothing
        wanted = {stem(w) for t in translate(word) for a in t.swedish for w in words(a)}
        if not wanted:
            return False
    else:
        wanted = {stem(word), *q.alternatives.get(stem(word), ())}
    said = {stem(w) for w in words(with_its_table(u))}
    return not any(w in said or any(x.startswith(w) for x in said) for w in wanted)


def tells_of_the_thing(q: Question, u: Unit) -> bool:
    """Whether a sentence holds a word of what a rate is asked of, beyond "per", the unit, a total or the board:
    «… max 30 medarbetare per chef …» tells nothing of "Medellön … per yrkesgrupp", «Totalt har 4 500 medarbetare
    …» nothing of "total greenhouse gas emissions per resident"."""
    unit = stem(word) if (word := asked_unit(q)) else ""
    thing = [t for t, w in q.terms.items() if w >= 1.0 and t not in (stem("per"), unit) and not t.isdigit()
             and t not in AMBIENT_ACTORS and t not in TOTAL_WORDS and t not in PARTS]
    return any(term_hit(q, t, u.stems) for t in thing)


# a headcount asked ("Hur många medarbetare arbetar på stadskontoret?", "how many employees does X have / work at X")
HEADCOUNT_ASKED = re.compile(r"(?i)(?:hur många|how many)\s+(?:\w+\s+)?(?:medarbetare|anställda|personer|tjänstemän|"
                             r"employees|staff|people|workers|civil servants|FTEs?)\s+(?:arbetar|jobbar|finns|är anställda|"
                             r"har\s+(?:stadskontoret|staden|kommunen|kommunstyrelsen|förvaltningen|malmö stad)|"
                             r"work|are employed|are there|does|do)\b")
# … answered by a count of those who did something: «4 500 medarbetare tecknat sig för förmånscykel»
COUNT_OF_AN_ACT = re.compile(r"(?i)\d[\d ]*\s+(?:medarbetare|anställda|personer|chefer|deltagare)\s+(?:har\s+|hade\s+)?"
                             r"(?!arbetar|jobbar|är\b|var\b|finns)[a-zåäö]+(?:at|it|tt|ts|ats|its)\b")


def headcount_of_an_act(q: Question, u: Unit) -> bool:
    """A headcount asked, answered by how many did something: "How many employees work at stadskontoret?" is not
    «Totalt har 4 500 medarbetare tecknat sig för förmånscykel»."""
    return q.kind == "count" and HEADCOUNT_ASKED.search(q.asked) is not None \
        and COUNT_OF_AN_ACT.search(u.text) is not None


def average_missing(q: Question, u: Unit) -> bool:
    """A question asking for an average ("medellönen", "average salary") quoted a figure that is no average."""
    return q.kind in ("amount", "percent", "count", None) and AVERAGE.search(q.asked) is not None \
        and AVERAGE.search(with_its_table(u)) is None


# a number of people asked for: "Vilken befolkningsprognos har Malmö för 2030?", "What is the population of …?"
PEOPLE_COUNTED = re.compile(r"(?i)(?<![\wåäö])(?:befolkning\w*|folkmängd\w*|invånar\w*|population\w*|residents|"
                            r"inhabitants)(?![\wåäö])")
MONEY_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:kost\w*|budget\w*|anslag\w*|pengar\w*|kronor|mkr|tkr|sek|avvik\w*|"
                         r"costs?|spend\w*|money|funds?|funding|deviation)(?![\wåäö])")
PEOPLE_NUMBER = re.compile(r"(?i)(?<![\d,])\d[\d ]*(?:,\d+)?\s+(?:invånare|personer|malmöbor|människor|individer|"
                           r"boende|residents|inhabitants|people)(?![\wåäö])")


def population_not_told(q: Question, u: Unit) -> bool:
    """A number of people answered by a sentence or row that counts no people: the row «Befolkningsprognos, analyser
    och uppföljning av Agenda 2030: Budget -10 333 tkr …» is what the work on the forecast costs, and a sentence
    naming Köpenhamn is no population of it."""
    return PEOPLE_COUNTED.search(q.text) is not None and MONEY_ASKED.search(q.text) is None \
        and PEOPLE_NUMBER.search(u.text) is None


# a nationality asked about, with the report's words for it: "How many Danish companies …?" is not answered by
# «Två japanska bolag …»
NATIONALITIES = {
    "dansk": ("danish", "dansk", "danmark"), "norsk": ("norwegian", "norsk", "norge"),
    "finsk": ("finnish", "finsk", "finland"), "tysk": ("german", "tysk", "tyskland"),
    "japansk": ("japanese", "japansk", "japan"), "kinesisk": ("chinese", "kinesisk", "kina"),
    "amerikansk": ("american", "amerikansk", "usa"), "brittisk": ("british", "brittisk", "storbritannien"),
    "fransk": ("french", "fransk", "frankrike"), "nederländsk": ("dutch", "nederländsk", "holländsk", "nederländerna"),
    "polsk": ("polish", "polsk", "polen"), "indisk": ("indian", "indisk", "indien"),
    "koreansk": ("korean", "koreansk", "korea"), "ukrainsk": ("ukrainian", "ukrainsk", "ukraina"),
    "italiensk": ("italian", "italiensk", "italien"), "spansk": ("spanish", "spansk", "spanien"),
}
NATIONALITY_ASKED = re.compile(r"(?i)(?<![\wåäö])(" + "|".join(
    rf"{en}|{sv}(?:a|t)?" for sv, (en, *_) in NATIONALITIES.items()) + r")(?![\wåäö])")


def nationality_missing(q: Question, u: Unit) -> bool:
    """A nationality the question asks about that the quoted evidence and its passage never name."""
    said = with_its_table(u, f"{u.text} {u.chunk.text}").lower()
    for m in NATIONALITY_ASKED.finditer(q.asked):
        word = m.group(1).lower()
        forms = next(v for k, v in NATIONALITIES.items() if word.startswith(k) or word == v[0])
        if not any(f in said for f in forms[1:]):
            return True
    return False


# a share of a group that has something: "Hur stor andel av stadens chefer har utländsk bakgrund?", "andelen chefer
# med utländsk bakgrund", "What share of managers have a foreign background?"
SHARE_WITH = re.compile(r"(?i)\b(?:andel(?:en)?|share|proportion|percentage)\b.*?\b(?:har|med|som har|have|has|with)\s+"
                        r"((?:[\wåäö-]+\s+){0,2}[\wåäö-]{4,})\s*\??\s*$")


def share_qualifier_missing(q: Question, u: Unit) -> bool:
    """A share asked of a group that has something, quoted from a sentence whose share is of something else: "Hur stor
    andel av stadens chefer har utländsk bakgrund?" is not told by «… Utvecklande ledarskap, som hittills genomförts
    av cirka 30 procent av stadens chefer» (none of what they have is said)."""
    if q.kind != "percent" or (m := SHARE_WITH.search(q.text)) is None:
        return False
    wanted = {stem(w) for w in words(m.group(1)) if w not in STOP and len(w) >= 4} & set(q.terms)
    said = u.stems | u.context
    return bool(wanted) and not any(term_hit(q, t, said) for t in wanted)


# a count asked of the whole: "Hur många företag … totalt?", "How many companies in total …?"
TOTAL_COUNT_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:totalt|sammanlagt|sammantaget|allt som allt|i alla|in total|"
                               r"altogether|overall|all told)(?![\wåäö])")
# a number before an adjective and a noun: «Två japanska bolag», «3 nya tjänster» (a plural adjective ends in -a;
# «4 500 medarbetare tecknat …» is a noun and a verb)
COUNT_OF_KIND = re.compile(r"(?i)(?<![\wåäö])(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) +
                           r")\s+([a-zåäö]{3,}a)\s+([a-zåäö]{3,})")


def subgroup_counted(q: Question, u: Unit) -> bool:
    """A whole asked to be counted, answered by a count of a kind of it the question does not name: "How many
    companies in total set up in Malmö?" is not «Två japanska bolag har … etablerat sig i Malmö»."""
    if q.kind != "count" or TOTAL_COUNT_ASKED.search(q.text) is None:
        return False
    asked = set(q.terms) | {stem(w) for w in words(q.asked.lower())}
    for m in COUNT_OF_KIND.finditer(u.text):
        modifier = m.group(2).lower()
        if modifier not in STOP and stem(modifier) not in asked:
            return True
    return False


# a breakdown asked for: "fördelade per förvaltning", "split between the political parties", "broken down by area"
BREAKDOWN = re.compile(r"(?i)(?<![\wåäö])(?:fördela\w*|uppdela\w*|uppdelning\w*|fördelning\w*|split|divided|"
                       r"distributed|broken down|breakdown)(?:\s+(?:per|på|by|över|over)|[^?]{0,80}?\s(?:per|by|mellan|between|"
                       r"among|across))\s+(?:the\s+|de\s+|olika\s+|varje\s+|each\s+|different\s+)?(?:\w+\s+)?"
                       r"([\wåäö]{4,})")


# a part of a whole asked for: "Hur mycket av den sociala obligationen går till skolorna?", "How much of the bond goes
# to schools?"
SHARE_OF = re.compile(r"(?i)(?<![\wåäö])(?:hur mycket|hur stor del|how much|what share|what part)\s+(?:av|of)\s+"
                      r"(?:[\wåäö-]+\s+){1,4}?(?:går|gick|används|användes|läggs|lades|satsas|satsades|goes|went|"
                      r"is used|was used|is spent|was spent|will go)\s+(?:till|på|åt|to|on|into)\s+"
                      r"(?:the\s+|de\s+|den\s+|det\s+)?([\wåäö]{4,})")


PART_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:varav|av dessa|av detta|av vilka|därav|of which|whereof)(?![\wåäö])")


def figure_unsaid(q: Question, u: Unit) -> bool:
    """Whether the question names a figure («de 78 miljonerna») that a unit does not hold: then it is no sentence
    on the thing asked, to quote as what the report says instead."""
    asked = {t for t in q.terms if t.isdigit() and not YEAR.fullmatch(t)}
    return bool(asked) and not asked & set(words(u.text))


def breakdown_missing(q: Question, u: Unit) -> str | None:
    """The unit a question asks a figure broken down by ("per förvaltning", "between the parties"), when the
    quoted figure's sentence, row and table name none of it: the report gives the total only."""
    m = BREAKDOWN.search(q.text)
    if m is None and (m := SHARE_OF.search(q.text)) is not None and PART_TOLD.search(u.text):
        return None  # «… 171,4 Mkr avsatts till styrelsen varav 42,6 Mkr utgör arvodeskostnader»: a part it states
    if m is None:
        return None
    word = m.group(1).lower()
    wanted = {stem(word)} if q.lang == "sv" else {stem(w) for t in translate(word) for a in t.swedish
                                                  for w in words(a)} or {stem(word)}
    # (or the heading above its table: «Resultaträkning - fördelad på anslaget för kommunstyrelsens tre delar»)
    said = set(terms(f"{with_its_table(u)} {u.chunk.meta.get('section') or '' if u.is_row else ''}"))
    return None if any(term_hit(q, t, said) for t in wanted) or lists_its_parts(u) else word


def lists_its_parts(u: Unit) -> bool:
    """A figure whose next sentence introduces its parts: "… uppgår till 32,8 Mkr. Detta är uppdelat på" and
    the bullets (the fact answer quotes them with it), or one of those bullets: a part of the breakdown."""
    if u.is_row:
        return False
    ordered = units_of(u.chunk, u.rank)
    texts = [s_.text for s_ in ordered]
    at = texts.index(u.text) if u.text in texts else -1
    return (0 <= at < len(texts) - 1 and introduces_a_list(texts[at + 1])) or bool(list_lead(u, ordered))


def list_lead(u: Unit, ordered: list[Unit] | None = None) -> list[str]:
    """The sentence that opens the list a bullet stands in and the sentence before it ("Stadskontorets ekonomiska
    utfall för perioden januari-augusti uppgår till 32,8 Mkr. Detta är uppdelat på"): what the bullet's figure is
    a part of. Empty for a sentence that is no bullet of an introduced list."""
    ordered, lead = bullet_list(u, ordered)
    return [x.text for x in ordered[max(lead - 1, 0):lead + 1]] if lead >= 0 else []


# what a thing costs in all: "Vad kostar EM i handboll totalt?", "How much will the move cost in total?"
TOTAL_COST = re.compile(r"(?i)(?<![\wåäö])(?:kost\w*|cost\w*)\b[^?]*(?<![\wåäö])(?:totalt|total|sammanlagt|in total|"
                        r"altogether|all in all)(?![\wåäö])|(?<![\wåäö])(?:totalkostnad\w*|total cost\w*|"
                        r"(?:den )?(?:totala|total|sammanlagda|sammanlagd) kostnad\w*)")  # ("Total kostnad för flytten?")
# a period, not a thing a cost is of: "… kostat under perioden januari–augusti", "… hittills i år"
PERIOD_STEMS = frozenset(stem(w) for w in ("perioden", "period", "helåret", "helår", "hittills", "delåret", "året"))
SPENT = re.compile(r"(?i)(?<![\wåäö])(?:spen[dt]|spending|lagt|lagts|lade)(?![\wåäö])")
COST_SAID = re.compile(r"(?i)kostnad|kostar|kostade|kosta[rt]?\b|cost|kostn")
# (and the verb that states a figure's size: "Hur mycket uppgår de finansiella kostnaderna till?" names no thing by it)
FIGURE_WORD = re.compile(r"(?:helårs|års)?(?:prognos|progno|prognostiser|budget|utfall|result)\w{0,3}|uppg(?:å|ick)\w{0,3}")
COMPARING = re.compile(r"(?i)(?:skil[jd]|jämför|förändr|ökat|ökade|minskat|minskade|differ|compar|chang)")
STATE_PARTICIPLE = re.compile(r"(?i)^[a-zåäö]{3,}(?:ade|da|de)$")  # begärda, beslutade, beviljade
REPORT_PART_STEMS = frozenset(stem(w) for w in ("tabell", "tabellen", "sida", "sidan", "avsnitt", "rapport", "rapporten"))
UNIT_STEMS = frozenset(stem(w) for w in ("tkr", "mkr", "mnkr", "kr", "kronor", "sek", "msek", "miljoner", "procent"))


# a figure told as money spent, set aside or paid (or the board's costs, forecast or budgeted): what a cost is said in
# (a word's start, or a compound's head: «lokalkostnader», «investeringsbudgeten», «medlemsavgifter»)
SPENT_SAID = re.compile(r"(?i)(?<![\wåäö])(?:kost\w*|\w+kostnad\w*|\w*budget\w*|\w*anslag\w*|\w*avgift\w*|"
                        r"avsatt\w*|avsätt\w*|anslog\w*|investering\w*|satsa\w*|satsning\w*|utgift\w*|pris\w*|"
                        r"finansier\w*|bidrag\w*|medel|medlen|betala\w*|betalt|arvode\w*|hyr\w*|förbruka\w*|använ\w*|"
                        r"tillför\w*|beviljat?|fördela\w*|tilldela\w*|omfördela\w*|prognos\w*|underskott\w*|"
                        r"överskott\w*)(?![\wåäö])")
COST_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:cost|costs|costed|kosta|kostar|kostade|kostat|kostnaden|kostnaderna)"
                        r"(?![\wåäö])")


def cost_not_said(q: Question, u: Unit) -> bool:
    """What a thing cost, answered by a sentence that tells its size, not what was spent: "How much did the social
    bond cost to issue?" is not «… gett ut en social obligation på 600 miljoner kronor». A table row of the board's
    accounts is a cost or an income by its table; a sentence must say the money was spent, set aside or budgeted."""
    if q.kind not in ("amount", None) or u.is_row or COST_ASKED.search(q.asked) is None:
        return False
    return SPENT_SAID.search(u.text) is None


def total_cost_missing(q: Question, u: Unit) -> bool:
    """A thing's cost in all, answered by a figure that is neither a cost nor a total: the board's grant to
    the championship (2,5 mkr) or the move's investment budget (20 Mkr) is a part of what it costs."""
    if TOTAL_COST.search(q.text) is None:
        return False
    said = with_its_table(u)
    return STATES_TOTAL.search(said) is None and COST_SAID.search(said) is None


# the words that name a figure of the board's economy (its forecast, budget, result, net cost)
FIGURE_WORDS = (r"(?:helårs)?prognos\w*|budget\w*|resultat\w*|underskott\w*|överskott\w*|nettokostnad\w*|utfall\w*|"
                r"forecast\w*|results?|deficit\w*|surplus\w*|outturn")
SV_MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
             "november", "december")
EN_MONTHS = dict(zip(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"), SV_MONTHS, strict=True))
_MONTH = "|".join((*SV_MONTHS, *EN_MONTHS))
# a month's short form, as tables and officials write a period ("Utfall jan-aug", "utfallet jan–aug 2024")
_SHORT_MONTH = r"jan|feb|mar|apr|jun|jul|aug|sept?|okt|oct|nov|dec"
# a period asked for by its months: "januari–juni", "jan–aug", "January to June", "from March through May"
MONTH_RANGE = re.compile(rf"(?i)\b({_MONTH}|{_SHORT_MONTH})\.?\s*(?:[-–—]|\s(?:till|to|through|until|tom|t\.o\.m\.)\s)"
                         rf"\s*({_MONTH}|{_SHORT_MONTH})\b")
MONTH_STEMS = frozenset(stem(m) for m in (*SV_MONTHS, *EN_MONTHS))  # a period names no thing a cost is of


# whether a body decided, approved or adopted something, asked as yes or no: "Did the council adopt the events policy?",
# "Will the Danish parliament approve the Öresund metro?", "Har kommunfullmäktige antagit kommunikationspolicyn?"
DECISION_POLAR = re.compile(
    r"(?i)^\W*(?:will|would|did|does|has|have|is|are|was|were|kommer|har|hade|ska|skall|blev|blir|är|var)\b"
    r"[^?]*?(?<![\wåäö])(?:approv\w*|adopt\w*|decid\w*|pass(?:ed|es)?|ratif\w*|sign(?:ed)? off|vot\w* (?:for|on|through)|"
    r"godkän\w*|antag\w*|antog\w*|anta|antas|besluta\w*|fatta\w* beslut|beslut om|klubba\w*|fastställ\w*|"
    r"ratificera\w*)(?![\wåäö])")
# a decision the report tells was made (not one it expects: «… förväntas behandlas i kommunfullmäktige under hösten»)
DECISION_MADE = re.compile(
    r"(?i)(?<![\wåäö])(?:beslut(?:ade|ades|at|ats|ad)|fatta(?:de|t|ts|des)\b[^.]{0,40}?\bbeslut\w*|"
    r"beslut\w* (?:fattades|fattats|togs|tagits)|antog|antogs|antagit|antagits|antagen|antagna|"
    r"godkän(?:de|des|t|ts|d|da)|fastställ(?:de|des|t|ts|d|da)|klubba(?:de|des|t|ts)|ratificera(?:de|des|t|ts))"
    r"(?![\wåäö])")


def decision_untold(q: Question, u: Unit) -> bool:
    """A yes-or-no question on whether a decision was or will be made, answered by a sentence that tells of
    no decision made: «… förväntas behandlas i kommunfullmäktige under hösten» does not say the council
    adopted it, and informing the Folketing's members is no approval by it."""
    return DECISION_POLAR.search(q.asked) is not None and DECISION_MADE.search(u.text) is None


# a decision's date asked: "When will KF decide on the new communication policy?", "När ska fullmäktige ta ställning
# till evenemangspolicyn?"
DECISION_WHEN = re.compile(r"(?i)(?<![\wåäö])(?:decid\w*|decision\w*|adopt\w*|approv\w*|vot\w*|beslut\w*|antas|anta|"
                           r"antag\w*|godkän\w*|ta ställning|tar ställning|behandla\w*|klubba\w*)(?![\wåäö])")
_TIME = rf"(?:{'|'.join(SV_MONTHS)}|våren|hösten|sommaren|vintern|årsskiftet|(?:19|20)\d\d)"
# (a word's start, but "anta" whole or inflected: «antalet» is a count, no decision)
_DECIDES = r"(?:behandla\w*|beslut\w*|tar? ställning|anta[rs]?(?![\wåäö])|antag\w*|antog\w*|godkän\w*|fastställ\w*|klubba\w*)"
# … told with the decision in one clause: «… förväntas behandlas i kommunfullmäktige under hösten», «… fattade
# kommunfullmäktige i juni månad beslut …» (not «En färdplan är beslutad, omvärldsanalysen färdigställs i september»)
DECISION_TIMED = re.compile(rf"(?i)(?<![\wåäö]){_DECIDES}[^,.;:]{{0,60}}?(?<![\wåäö]){_TIME}(?![\wåäö])|"
                            rf"(?<![\wåäö]){_TIME}(?![\wåäö])[^,.;:]{{0,60}}?(?<![\wåäö]){_DECIDES}")


def decision_time_missing(q: Question, u: Unit) -> bool:
    """A decision's date asked, answered by a sentence that dates something else: «En färdplan är beslutad,
    omvärldsanalysen färdigställs i september …» gives no date for the council's decision on the policy."""
    if q.kind != "date" or DECISION_WHEN.search(q.text) is None:
        return False
    # (the passage may date it anywhere: «… slutföra revideringen av programmen …» then, two sentences on,
    # «… flyttas beslutsplaneringen från december 2025 till april 2026»)
    said = u.text if u.is_row else u.chunk.text
    return DECISION_TIMED.search(" ".join(said.split())) is None


# one month as the period of a figure: "resultat för juni månad", "the result for the month of June"
ONE_MONTH = re.compile(rf"(?i)\b(?:för|under|for|during|in)\s+(?:(?:the\s+)?month\s+of\s+)?({_MONTH})(?:\s+månad)?\b")
# a figure named by its measure, not by "hur mycket": "Vad var nettokostnaden för juli månad?"
MEASURE_NAMED = re.compile(rf"(?i)(?<![\wåäö])(?:{FIGURE_WORDS}|\w*kostnad\w*|\w*intäkt\w*|costs?|revenues?)(?![\wåäö])")


def month_key(word: str) -> str | None:
    """A month however it is written (juli, July, jul, aug.): the first three letters of its Swedish name."""
    w = EN_MONTHS.get(word.lower().rstrip("."), word.lower().rstrip("."))
    key = {"oct": "okt"}.get(w[:3], w[:3])
    return key if any(m.startswith(key) for m in SV_MONTHS) and (w in SV_MONTHS or re.fullmatch(_SHORT_MONTH, w))\
        else None


# the word after a question's finite verb, its subject: "Has Helsingborg won …", "… har helsingborg gett ut"
SUBJECT_AFTER_VERB = re.compile(r"(?i)(?<![\wåäö])(?:har|hade|has|have|had|did|does|is|was|will|vann|won)\s+"
                                r"([A-Za-zÅÄÖåäöøæØÆ][\wåäöøæ-]{3,}?)(?:'s|’s|s)?\s+(?=(?:[A-ZÅÄÖ][\wåäöøæ-]*\s+)*[a-zåäö])")
NO_NOUN_ENDINGS = ("t", "ts", "ds", "s", "igen", "vis", "dan")  # hört, lägst, sammanlagt, hittills, nyligen, redan
PARTICIPLE_NEXT = re.compile(r"\s*(?:[a-zåäö]{2,}(?:at|it|tt|ts|ats|its)|gett|fått|gjort|haft|varit|blivit|tagit|sagt|"
                             r"vunnit|nått|ökat|minskat)(?![\wåäö])")
# words a second part refers back to the first part's thing with: "vad ska medlen användas till?"
BACK_REFERENCES = frozenset(stem(w) for w in ("medel", "medlen", "summan", "beloppet", "pengarna", "satsningen",
                                              "användas", "används", "avsedda", "money", "funds", "used",
                                              # verbs standing for the thing's own: "… och när händer det?"
                                              "händer", "hända", "hände", "sker", "ske", "skedde", "göra", "gör",
                                              "görs", "happen", "happens", "happening"))


def own_words(q: Question) -> list[str]:
    """A second part's own words: not those referring back to the first part's thing, nor the report's subject."""
    return [t for t, w in q.terms.items() if w >= 1.0 and t not in BACK_REFERENCES and t not in AMBIENT_ACTORS]


OPENS_ON_IT = re.compile(r"\s*(?:(?:Dessa|Detta|Denna|Den|Det|De|These|This|It|They)\b|[A-ZÅÄÖ][a-zåäö]{3,}(?:et|en|an|na)\b)")
SELF_CONTAINED = 0.6  # the share of a second part's own words its answer must hold to stand wherever it is
PERIOD_ALTERNATIVES = 10  # the best sentences looked through for one with the period asked, when the chosen lacks it
PERIOD_COVERAGE = 0.6  # ... holding this share of the question the chosen one holds


def period_missing(q: Question, u: Unit) -> bool:
    """A figure for a period the quoted evidence does not cover: "utfallet för januari–juni" is not answered
    by the report's January–August (each month of the range must be in its sentence, row or table header),
    nor "resultatet för juni månad" by a decision taken in June (the month's figure must be the one quoted)."""
    said = {k for w in words(" ".join([with_its_table(u), *list_lead(u)])) if (k := month_key(w))}
    m = MONTH_RANGE.search(q.text)
    if m is not None:
        return any(month_key(month) not in said for month in m.groups())
    one = ONE_MONTH.search(q.text)
    if one is None or not (q.kind == "amount" or (q.kind is None and MEASURE_NAMED.search(q.text))):
        return False
    return month_key(one.group(1)) not in said or u.kind_fit < 1.0


def target_for_now(q: Question, u: Unit) -> bool:
    """Today's value asked, answered by a target for a later year: "Hur många medarbetare per chef har vi idag?"
    is not «ett riktvärde om max 30 medarbetare per chef år 2030»."""
    if not NOW.search(q.text) or NOW.search(u.text):
        return False
    report_year = str(u.chunk.meta.get("year") or "")
    years = set(YEAR.findall(u.text))
    return bool(report_year and years) and all(y > report_year for y in years)


ADJECTIVE_STEM = re.compile(r"(?:ell|isk|lig)$")  # «finansiell», «ekonomisk», «årlig»: what kind, not what thing


def cost_of_another_thing(q: Question, u: Unit) -> bool:
    """What a thing costs, answered by a cost that names none of the thing: "What will the new intranet cost?"
    is not the board's net cost row. The thing's words (not the cost's, a year or the board) must be in the
    figure's sentence, row, table or heading."""
    if q.kind not in ("amount", None) or (COST_SAID.search(q.text) is None and SPENT.search(q.text) is None):
        return False  # (money spent on a thing is its cost: "How much was spent on consultants in total?")
    participles = {stem(w) for w in words(q.asked) if STATE_PARTICIPLE.search(w) or COMPARING.match(w)}
    thing = {t for t, w in q.terms.items() if w >= 1.0 and not COST_SAID.match(t) and not YEAR.fullmatch(t)
             and t not in AMBIENT_ACTORS and t not in PARTS and t not in PERIOD_STEMS and t not in UNIT_STEMS
             and t not in TOTAL_WORDS  # ("totalt" asks for a sum, «SUMMA» is no thing the cost is of)
             # (nor does a forecast or budget word: "the estimated capex" names the figure, not a thing; nor a
             # participle, "den begärda investeringsramen", nor the table asked to be read)
             and not any(FIGURE_WORD.fullmatch(x) for x in (t, *q.alternatives.get(t, ())))
             and t not in participles and t not in REPORT_PART_STEMS
             and not all(p in MONTH_STEMS for p in t.split("-"))}  # (a period names no thing: "januari-augusti")
    if not thing:
        return False
    said = set(terms(f"{with_its_table(u)} {u.chunk.meta.get('section') or ''} {explained_by(u)}"))

    def named(t: str) -> bool:
        if term_hit(q, t, said):
            return True
        cost = COST_SAID.search(t)
        if cost is not None and cost.start() >= MODIFIER_LETTERS:
            # a cost named by a compound ("konsultkostnader"): its modifier is the thing, «Kostnader» is any cost
            modifier = t[:cost.start()].removesuffix("s")
            return any(x.startswith(modifier) for x in said)
        return shares_head(t, said)
    # (a thing named by its noun, not by an adjective alone: "the new financial (ERP) system" is not the row
    # «Finansiella kostnader», whose only word of it is «finansiell»)
    nouns = {t for t in thing if not ADJECTIVE_STEM.search(t)}
    return not any(named(t) for t in (nouns or thing))


# modifiers that tell no kind from another ("det nya intranätet" is «ett nytt intranät»)
PLAIN_MODIFIERS = frozenset(stem(w) for w in (
    "ny", "nya", "nytt", "stor", "stora", "stort", "liten", "lilla", "små", "hela", "helt", "egen", "egna", "eget",
    "första", "andra", "tredje", "senaste", "sista", "nästa", "total", "totala", "samma", "olika", "annan", "annat",
    "flera", "många", "kommunal", "kommunala", "nuvarande", "aktuella", "årets", "planerade", "planerad",
    "gemensam", "gemensamma", "ökad", "ökade", "ökat", "minskad", "minskade", "särskild", "särskilda", "viktiga"))


def modifier_pairs(q: Question) -> list[tuple[str, str]]:
    """(modifier, noun) pairs of the question's words in order, an English one's as the glossary renders them
    ("green bonds" -> «gröna obligationer»); a modifier is a lower-case word of four letters or more that tells
    a kind (not "nya", not a genitive)."""
    seq = words(q.asked) if q.lang == "sv" else [w for t in translate(q.asked) for w in t.swedish[0].lower().split()]
    return [(mod, noun) for mod, noun in pairwise(seq)
            if len(mod) >= 4 and mod.isalpha() and mod not in STOP and not mod.endswith("s")
            and stem(mod) not in PLAIN_MODIFIERS and len(stem(noun)) >= 4 and noun not in STOP]


def modifier_differs(q: Question, u: Unit, in_report: Callable[[str, str], bool],
                     adjective: Callable[[str], bool]) -> bool:
    """A thing of one kind asked, answered by the same thing of another kind: "How much did Malmö raise through
    green bonds?" is not «… en social obligation på 600 miljoner kronor». The report tells the kind asked
    (`in_report`: its words stand together somewhere, «gröna obligationer»), the sentence does not, and its own
    noun has another adjective before it (`adjective`: the report inflects the word as one, «sociala»; a noun
    before a noun, «fullmäktige beslut», tells no kind). "Stämmer det att Malmö gett ut en grön obligation?" is
    answered by the sentence that corrects it."""
    if u.is_row or IS_IT_TRUE.match(q.asked):
        return False
    said = words(u.text)
    for mod, noun in modifier_pairs(q):
        m_stem, n_stem = stem(mod), stem(noun)
        if any(w.startswith(m_stem) for w in said) or not adjective(m_stem) or not in_report(m_stem, n_stem):
            continue
        for before, w in pairwise(said):
            if stem(w) == n_stem and len(before) >= 4 and before.isalpha() and before not in STOP \
                    and not before.endswith("s") and stem(before) not in PLAIN_MODIFIERS and before[:4] != mod[:4] \
                    and adjective(stem(before)):
                return True
    return False


def shares_only_a_year(q: Question, u: Unit) -> bool:
    """A fact that meets the question by its year alone: "Vad var valdeltagandet i valet 2022?" is not
    answered by Malmö Commitment's start in 2022."""
    topical = topic_terms(q)
    if not topical:
        return False
    if off_topic(q, u, topical):
        return True
    # (a goal's title is no fact's topic: «… minskade utsläpp av växthusgaser …» names the goal every sentence under
    # it stands under, and "What were the city's carbon dioxide emissions in 2024?" is not the travel policy's 2024)
    if u.dense >= OFF_TOPIC_DENSE or not any(term_hit(q, t, u.stems) for t, w in q.terms.items()
                                             if w >= 1.0 and YEAR.fullmatch(t)):
        return False
    own = u.stems | u.label | u.before | set(terms(f"{u.chunk.meta.get('section') or ''} "
                                                   f"{u.chunk.meta.get('table_title') or ''}"))
    return not any(term_hit(q, t, own) or shares_modifier(t, own) or shares_head(t, own) for t in topical)


# a document asked what it says: "Vad säger Malmös miljöprogram om …?", "What does the climate plan say about …?"
SOURCE_SAYS = re.compile(r"(?i)^\s*(?:vad|hur) (?:säger|skriver) (?:[\wåäö]+s )?([\wåäö-]+) (?:om|kring|angående)\b|"
                         r"^\s*what does (?:the |[\w]+'s )?((?:[\w-]+ ){0,2}[\w-]+) say (?:about|on|regarding)\b")


def source_not_quoted(q: Question, u: Unit) -> bool:
    """What a named document says, answered by a sentence that is not from it nor names it: "Vad säger
    miljöprogrammet om biologisk mångfald?" is not the taxonomy sentence that mentions biological diversity."""
    m = SOURCE_SAYS.search(q.text)
    if m is None:
        return False
    doc = next(g for g in m.groups() if g)
    said = set(terms(f"{u.text} {u.chunk.meta.get('section') or ''}")) | u.before
    wanted = {stem(w) for w in words(doc) if w not in STOP} if q.lang == "sv" else swedish_stems(doc)
    if not wanted or REPORT_PARTS.search(doc) or wanted & (AMBIENT_ACTORS | PARTS):
        return False  # "Vad säger rapporten om …", "What does the board say about …": the report itself
    return not any(term_hit(q, t, said) for t in wanted)


# a number in a claim to check, not a year: "Stämmer det att stadskontoret har över 650 anställda?"
CLAIMED_NUMBER = re.compile(r"(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d\s]*(?:[,.]\d+)?(?![\d])")


def claimed_number_unmet(q: Question, u: Unit) -> bool:
    """A claim stating a number, checked by a sentence with none: «… bara tagit emot ett fåtal
    arbetsmarknadsanställningar …» neither confirms nor corrects "över 650 anställda"."""
    if IS_IT_TRUE.match(q.asked) is None or CLAIMED_NUMBER.search(q.text) is None:
        return False
    return CLAIMED_NUMBER.search(with_its_table(u)) is None


# how long a thing lasts, asked and told: "Hur lång är utbildningen?" is not «… som hittills genomförts av cirka 30
# procent av stadens chefer»
DURATION_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:hur\s+(?:lång|länge)|(?:för\s+)?hur\s+lång\s+tid|how\s+long|"
                            r"what\s+(?:is\s+the\s+)?duration)(?![\wåäö])")
DURATION_SAID = re.compile(r"(?i)\d+\s*(?:dag|dagar|veck\w*|månad\w*|år\b|timm\w*|termin\w*|days?|weeks?|months?|"
                           r"years?|hours?)|(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d|(?<![\wåäö])(?:till|fram till|"
                           r"till och med|sedan|since|until|through)\s+(?:\w+\s+)?(?:19|20)\d\d|(?<![\wåäö])(?:en|ett|"
                           r"två|tre|fyra|fem|sex|one|two|three)\s+(?:dag|dagar|veckor|månader|år|terminer|days|weeks|"
                           r"months|years)(?![\wåäö])|heldag|halvdag|"
                           # a part of a year: «… att fortsätta löpa parallellt under större delen av 2026»
                           r"(?<![\wåäö])(?:under|during|for)\s+(?:större\s+delen\s+av|hela|resten\s+av|most\s+of|"
                           r"all\s+of|the\s+rest\s+of)\s+(?:\w+\s+)?(?:(?:19|20)\d\d|året|the\s+year)")
# how to take part, asked and told: "hur anmäler jag mig?" is answered by a sentence telling how to sign up
PROCEDURE_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:hur|var)\s+(?:anmäler|ansöker|söker|registrerar|bokar)\s+"
                             r"(?:jag|man|vi|sig|mig|en)|(?:how|where)\s+(?:do|can|should)\s+(?:i|we|you|one|people)\s+"
                             r"(?:sign\s+up|apply|register|enrol|enroll|book)")
PROCEDURE_SAID = re.compile(r"(?i)(?<![\wåäö])(?:anmäl\w*|ansök\w*|registrer\w*|intresseanmäl\w*|kontakta\w*|"
                            r"sign\w*\s+up|apply|register)")


def duration_missing(q: Question, u: Unit) -> bool:
    """How long a thing lasts, asked of a sentence that gives no length of time."""
    return DURATION_ASKED.search(q.text) is not None and DURATION_SAID.search(with_its_table(u)) is None


# a day asked for ("Vilket datum …?", "On what date …?", "exakt datum"), and a day stated: «den 4 juni», «1 september»,
# «2025-06-04», «June 4»
DAY_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:vilket|vilka|what|which|exakt|exact|precise)\s+(?:exakt\s+|exact\s+)?"
                       r"(?:datum|date|dag\b|day\b)")
DAY_SAID = re.compile(r"(?i)(?<!\d)(?:[0-3]?\d(?:e|:e|st|nd|rd|th)?\s+(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|"
                      r"nov|dec)\w*|(?:19|20)\d\d-\d\d-\d\d|(?:january|february|march|april|may|june|july|august|"
                      r"september|october|november|december)\s+[0-3]?\d(?!\d))")


def day_missing(q: Question, u: Unit) -> bool:
    """A day asked for, answered by a sentence that gives only a month or a season ("Vilket datum i november hålls
    demokratihelgen?" quoted «… en demokratihelg i november 2025»)."""
    return DAY_ASKED.search(q.text) is not None and DAY_SAID.search(with_its_table(u)) is None


def procedure_missing(q: Question, u: Unit) -> bool:
    """How to sign up or apply, asked of a sentence that tells no such step."""
    return PROCEDURE_ASKED.search(q.text) is not None and PROCEDURE_SAID.search(u.text) is None


# who reports and when, in every question on the report: "stadskontoret", "jan-aug" name no thing a fact is of
FRAME_STEMS = frozenset(stem(w) for w in (*ACTORS, "delårsrapport", "delårsrapporten", "rapport", "rapporten", "report",
                                          "period", "perioden", "antal", "antalet", "number", "totalt", "total",
                                          "summa", "belopp", "siffra", "siffran", "per")) | MONTH_STEMS \
    | frozenset({"januari-augusti", "jan-aug"})


def only_the_frame_met(q: Question, u: Unit, known: Callable[[str], bool]) -> bool:
    """A fact quoted for a question whose words of what it is about the report has nowhere, and which meets only
    who reports and when: "Sjukfrånvaro stadskontoret jan-aug?" quoted the City Office's January–August result.
    (A topic word the report has elsewhere may be a paraphrase the judge weighs: "ersättningar till politikerna"
    is told as «arvodeskostnader».)"""
    if q.followup:
        return False
    topic = [t for t, w in q.terms.items() if w >= 1.0 and t not in STOP and t not in FRAME_STEMS and not t.isdigit()
             and "-" not in t]
    met = u.stems | u.context | u.label
    # (a short word met counts, "EM" of «EM i Handboll 2026»; only a word of three letters or more must be unknown)
    return bool(topic) and len(topic) < len(q.terms) and not any(term_hit(q, t, met) for t in topic) \
        and not any(known(t) for t in topic if len(t) >= 3)


# what a fact's quoted evidence must not be, checked in order; a rule's kind ("breakdown", "total") lets the
# refusal say what the report gives instead (the first such rule's)
FACT_MISMATCHES: tuple[tuple[Callable[[Question, Unit], object], str | None], ...] = (
    # "Hur stort blir KS kommunbidrag för 2027?" quoted the investment plan's 2027 column: the year is met,
    # the measure asked for is not
    (measure_of_another_year_missing, None),
    (thing_of_another_year_missing, None),  # "… utsläpp år 2030 enligt prognosen?" quoted «Befolkningsprognos … 2030»
    (measure_of_the_period_missing, None),  # "… intäkterna utfall jan-aug?" quoted the period's whole outcome
    (breakdown_missing, "breakdown"),  # "Hur är de 78 miljonerna fördelade per förvaltning?" quoted the total
    (total_cost_missing, "total"),  # "Vad kostar EM i handboll 2026 totalt?" quoted the board's grant to it
    (price_asked_missing, None),  # "What is the city director's salary?" quoted the director's office's budget row
    (nationality_missing, None),  # "How many Danish companies …?" quoted «Två japanska bolag …»
    (share_qualifier_missing, None),  # "… andel av stadens chefer har utländsk bakgrund?" quoted a course's 30 %
    (subgroup_counted, "number"),  # "How many companies in total …?" quoted «Två japanska bolag …»
    (event_missing, "event"),  # "When will the Öresund metro open?" quoted when it is studied further
    (decision_untold, "decision"),  # "Did the council adopt the events policy?" quoted that it is to be treated
    (decision_time_missing, "event"),  # "When will KF decide on the communication policy?" quoted its road map
    (population_not_told, None),  # "Vilken befolkningsprognos har Malmö …?" quoted that work's budget row
    (shares_only_a_year, None),
    (period_missing, "period"),  # "Vad var utfallet för januari–juni?" quoted the report's January–August
    (target_for_now, "target"),  # "… per chef har vi idag?" quoted the 2030 target
    (cost_not_said, None),  # "How much did the social bond cost to issue?" quoted the bond's size
    (cost_of_another_thing, None),  # "What will the new intranet cost?" quoted the board's net cost
    (source_not_quoted, None),  # "Vad säger miljöprogrammet om …?" quoted a sentence from elsewhere
    (claimed_number_unmet, "number"),  # "Stämmer det att … 650 anställda?" quoted a sentence with no number
    (average_missing, "number"),  # "What's the average salary at the City Office?" quoted the total wage costs
    (per_unit_missing, "number"),  # "Hur mycket får ett kommunalråd i arvode per månad?" quoted all fees' 42,6 Mkr
    (headcount_of_an_act, None),  # "How many employees work at stadskontoret?" quoted the bike scheme's sign-ups
    (duration_missing, "duration"),  # "Hur lång är utbildningen …?" quoted how many have taken it
    (procedure_missing, "procedure"),  # "… hur anmäler jag mig?" quoted what the programme is
    (day_missing, "day"),  # "Vilket datum i november hålls demokratihelgen?" quoted «… i november 2025»
)


def about_the_topic(q: Question) -> Question:
    """A summary request read as a question about its topic: without the words that asked for a summary."""
    topic = " ".join(topic_words(q.retrieval_query).split())
    if not topic:
        return q
    lexical = q.lexical_query.replace(q.retrieval_query, topic, 1)
    if q.lang == "en":  # the Swedish renderings of the topic only: "report" read as "rapport redovisning" is no topic
        lexical = " ".join([topic, *(a for t in translate(topic) for a in t.swedish)])
    return replace(q, terms={t: w for t, w in q.terms.items() if t not in CUE_WORDS}, retrieval_query=topic,
                   lexical_query=lexical)


def without_cue_words(q: Question, keep_subject: bool = False) -> Question:
    """A Swedish open question without the fixed words of the cue that chose its shape: "Hur långt har man
    kommit med ekonomisystemet?" is about the finance system, and "långt", "kommit" would pick sentences
    about anything that came far. An English question's cue is read through the glossary as its words are:
    "Which initiatives target young people?" is about young people, not about satsningar."""
    if q.followup:
        return q
    topic = set(words(topic_words(q.text)))
    if q.lang == "sv":
        cue = {stem(w) for w in words(q.text) if w not in topic} - {stem(w) for w in topic}
    else:
        cue = swedish_stems(" ".join(w for w in words(q.text) if w not in topic)) - swedish_stems(" ".join(topic))
    kept = {t: w for t, w in q.terms.items() if t not in cue}
    # the report's own subject ("Vad gör KS inom klimatområdet?") is in every part of it: the topic chooses
    # (`keep_subject`: unless the topic alone finds nothing)
    topical = {t: w for t, w in kept.items() if t not in AMBIENT_ACTORS}
    kept = topical if topical and not keep_subject else kept
    return replace(q, terms=kept) if kept and len(kept) < len(q.terms) else q


@dataclass
class Plan:
    """What the engine decided before composing: the analysed question and its shape."""

    q: Question
    shape: str


# a follow-up that changes the topic and keeps the question ("Och för segregationen?", "What about housing?")
TOPIC_SWITCH = re.compile(r"(?i)^\s*(?:och|men|samt|and|but|what about|how about|hur är det med|vad gäller)\b")


# a yes-no question's opening, its verb and a pronoun for the thing asked about before ("bedöms den …", "is it …")
YES_NO_SV = r"(?:är|var|blir|bedöms|förväntas|kommer|har|ska|kan)\s+(?:den|det|de|dom|man)\b"
YES_NO_EN = r"(?:is|was|are|were|will|does|did|has|can)\s+(?:it|they|this|that)\b"
# "Hur mycket avsattes till X, och vad visar årsprognosen?": a second question asked in the same breath
# (or a yes-no question on the same thing: "Hur stor är investeringsbudgeten och bedöms den hållas?")
SECOND_ASK = re.compile(r"(?:,\s*|\s+)(?:och|samt)\s+(?:(?:exakt|precis|ungefär|också|även|dessutom)\s+)?"
                        r"(?=(?:vad|hur|när|vilke[nt]|vilka|vem|var)\b)|"
                        r"(?:,\s*|\s+)and\s+(?:(?:exactly|precisely|roughly|approximately|also|then)\s+)?"
                        r"(?=(?:what|how|when|which|who|where)\b)|"
                        rf"(?:,\s*|\s+)(?:och|samt)\s+(?={YES_NO_SV})|(?:,\s*|\s+)and\s+(?={YES_NO_EN})",
                        re.IGNORECASE)
YES_NO_ASK = re.compile(rf"(?i){YES_NO_SV}|{YES_NO_EN}")


LONE_ASK = re.compile(r"(?i)(?:när|when)\s*\?*")
# the setting the first question's thing is named in, asked after it: its quote is that setting ("Does the report
# mention Germany? In which connection?")
CONTEXT_ASKED = re.compile(r"(?i)\s*(?:(?:and\s+)?in\s+(?:which|what)\s+(?:connection|context|way)|"
                           r"(?:och\s+)?i\s+vilket\s+(?:sammanhang|avseende)|(?:och\s+)?på\s+vilket\s+sätt)\s*\?*\s*")


def untold_part(part: str, refusal: Answer, lang: str) -> str:
    """What the report does not say of a question's second part, as one sentence after the first part's answer."""
    said = refusal.answer.split(" Den säger bara:")[0].split(" It only says:")[0].split(" (Det framgår")[0]
    return f"«{part}» – {said}" if lang == "sv" else f"“{part}” – {said}"


TWO_QUESTIONS = re.compile(r"^\s*([^?]*\?)\s+([A-ZÅÄÖ][^?]*\?)\s*$")
QUESTION_WORDS_MIN = 3  # words each of two questions has at least, to be a question of its own


def two_questions(question: str) -> tuple[str, str] | None:
    """Two questions written one after the other ("Varför …? Är det …?"), each of some length; None otherwise."""
    m = TWO_QUESTIONS.match(question)
    if m is None or any(len(x.split()) < QUESTION_WORDS_MIN for x in m.groups()):
        return None
    return m.group(1).strip(), m.group(2).strip()


# one figure asked of two things: "Hur stort överskott prognostiseras för styrelsen respektive stadskontoret?",
# "What is the forecast for the board and the city office respectively?"
RESPECTIVELY = re.compile(
    r"(?i)(?<=\s)((?:den |det |de )?[\wåäö-]{3,})\s+(?:respektive|resp\.)\s+((?:den |det |de )?[\wåäö-]{3,})(?![\wåäö-])|"
    r"(?<=\s)((?:the )?[\w-]{3,}(?: [\w-]{3,})?)\s+and\s+((?:the )?[\w-]{3,}(?: [\w-]{3,})?)\s+respectively\b")


def each_of_two(question: str) -> tuple[str, str] | None:
    """A figure asked of two things "respektive" as two questions, one for each; None when it is not."""
    m = RESPECTIVELY.search(question)
    if m is None:
        return None
    a, b = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    before, after = question[:m.start()], question[m.end():]
    return f"{before}{a}{after}".strip(), f"{before}{b}{after}".strip()


def two_asks(question: str) -> tuple[str, str] | None:
    """A question that asks two things, as two questions; None when it asks one. The second part is
    read as a follow-up to the first (its subject is the first's: "… och vad visar årsprognosen?")."""
    m = SECOND_ASK.search(question)
    if m is None:  # "… och varför?" is no second question word: one question that also asks for the reason
        return None
    first, second = question[:m.start()].strip(" ,"), question[m.end():].strip()
    lone = LONE_ASK.fullmatch(second) is not None  # "… och när?": when the first thing happened
    if len(first.split()) < 3 or (len(second.split()) < 2 and not lone):
        return None
    if SPLIT_ASKED.search(second) and REFERS_BACK.search(second):
        return None  # "… and how is it split?": the parts of the figure the first part asks, one question
    first = first if first.endswith("?") else f"{first}?"
    return first, second[0].upper() + second[1:]


SETBACK_VERB = re.compile(r"(?i)skjut\w*|sköt\w*|försen\w*|senarelag\w*|pausa\w*|avbr\w*|stoppa\w*|postpone\w*|"
                          r"delay\w*|cancel\w*|paused")


# "which … and why": one thing asked for, then its cause
WHICH_THEN_WHY = re.compile(r"(?i)^\W*(?:[^?]{0,80}?\b)?(?:vilke?[nt]|vilka|which|what)\b[^?]*\b(?:och|samt|and)\s+"
                            r"(?:varför|why|vad (?:är|var) (?:orsaken|anledningen|skälet)|vad beror (?:det|den) på|"
                            r"what (?:is|was|'s) the (?:reason|cause)|what explains|vad förklarar)\b")
PARTIES_SV = "Rapporten är kommunstyrelsens uppföljning och redovisar inte de politiska partiernas ståndpunkter."
PARTIES_EN = "The report is the executive board's follow-up; it does not give the political parties' positions."
# a political party by name (Swedish or English): the report names none
PARTY = re.compile(r"(?i)(?<![\wåäö])(?:moderaterna?s?|socialdemokraterna?s?|sverigedemokraterna?s?|"
                   r"liberalerna|liberalernas|centerpartiet|centerpartiets|vänsterpartiet|vänsterpartiets|"
                   r"kristdemokraterna?s?|miljöpartiet|miljöpartiets|moderates|social democrats|"
                   r"sweden democrats|the liberals|centre party|center party|left party|christian democrats|"
                   r"green party)(?:'s?|’s?)?(?![\wåäö])")
WHOLE_CITY_SV = "Rapporten redovisar kommunstyrelsens ekonomi, inte hela stadens eller andra nämnders."
WHOLE_CITY_EN = "The report covers the executive board's finances, not the whole city's or other committees'."
UNTOLD = {("sv", "name"): "Rapporten nämner det men anger inga namn.",
          ("en", "name"): "The report mentions it but gives no names.",
          ("sv", "which"): "Rapporten nämner det men anger inte vilka.",
          ("en", "which"): "The report mentions it but does not say which.",
          ("sv", "outcome"): "Rapporten nämner det men anger inget resultat.",
          ("en", "outcome"): "The report mentions it but gives no outcome.",
          ("sv", "later"): "Rapporten är skriven före dess och kan inte säga hur det gick.",
          ("en", "later"): "The report was written before then and cannot say how it turned out.",
          ("sv", "breakdown"): "Rapporten anger ingen sådan fördelning.",
          ("en", "breakdown"): "The report gives no such breakdown.",
          ("sv", "total"): "Rapporten anger ingen total kostnad.",
          ("en", "total"): "The report gives no total cost.",
          ("sv", "target"): "Rapporten anger inget nuvarande värde.",
          ("en", "target"): "The report gives no current figure.",
          ("sv", "period"): "Rapporten redovisar inte den perioden.",
          ("en", "period"): "The report does not cover that period.",
          ("sv", "number"): "Rapporten anger ingen sådan siffra.",
          ("en", "number"): "The report gives no such figure.",
          ("sv", "duration"): "Rapporten anger inte hur länge det pågår.",
          ("en", "duration"): "The report does not say how long it lasts.",
          ("sv", "procedure"): "Rapporten beskriver inte hur man anmäler sig.",
          ("en", "procedure"): "The report does not say how to sign up.",
          ("sv", "event"): "Rapporten anger ingen tidpunkt för det.",
          ("en", "event"): "The report gives no date for that.",
          ("sv", "day"): "Rapporten anger inget datum.",
          ("en", "day"): "The report gives no date.",
          ("sv", "decision"): "Rapporten säger inte att något sådant beslut har fattats.",
          ("en", "decision"): "The report does not say that such a decision has been made.",
          ("sv", "cause"): "Rapporten anger inte varför.",
          ("en", "cause"): "The report does not say why."}


RESTATED_MOST, RESTATED_COVERAGE = 2, 0.8  # a reason answer of at most 2 points, one holding 0.8 of the question
# what a thing waits for is why it waits: "… har tillfälligt pausats i väntan på kommunfullmäktiges beslut"
PENDING = re.compile(r"(?i)\b(?:i väntan på|i avvaktan på|pending|awaiting)\b")


# a consequence told of what the sentence before says: that sentence is its cause («Samtidigt har svarstiderna
# … blivit kortare … Detta ställer fortlöpande högre krav på … kapacitet»; «…, vilket innebär …»)
CONSEQUENCE = re.compile(r"(?:[.!?]\s+(?:Detta|Det här|Det|This|That)|,\s*(?:vilket|which))\s+(?:\w+\s+)?"
                         r"(?:ställer|leder|ledde|innebär|innebar|medför|medförde|skapar|kräver|försvårar|påverkar|"
                         r"lett|medfört|inneburit|puts|places|leads|led|means|meant|creates|requires)\b")


def gives_a_cause(u: Unit) -> bool:
    """A point that says why: a cause or purpose in its words, or the signed deviation it explains
    («Personalkostnader + 7 Mkr»), a consequence of the sentence it follows, or a row of figures."""
    return u.is_row or bool(u.label_sign) or states_a_cause(u.text) or PENDING.search(u.text) is not None \
        or CONSEQUENCE.search(u.text) is not None


# a sentence that says what happens regardless: "Trots detta fortgår arbetet enligt plan" explains nothing
CONCESSIVE = re.compile(r"(?i)^\s*(?:trots (?:detta|det)|ändå|despite (?:this|that)|nevertheless|even so)\b")


def fact_without_cause(evidence: list[Unit]) -> Unit | None:
    """The one sentence a reason answer found when it only restates what the question asks the cause of (it
    holds nearly all the question, and nothing near it says why): the report does not give the cause. Another
    point on the matter may say why without a cause word ("Förvaltningens verksamhetskaraktär skapar en viss
    utmaning …"), unless it only says what happens regardless ("Trots detta …")."""
    if not evidence or len(evidence) > RESTATED_MOST or any(gives_a_cause(u) for u in evidence):
        return None
    top = max(evidence, key=lambda u: u.coverage)
    if any(u is not top and not CONCESSIVE.match(u.text) for u in evidence):
        return None
    return top if top.coverage >= RESTATED_COVERAGE else None


def unnamed_answer(unit: Unit, lang: str, untold: str = "name") -> str:
    """A refusal that says what the report does say: it mentions the thing, without its name (or outcome)."""
    if lang == "sv":
        return f"{UNTOLD['sv', untold]} Den säger bara: «{unit.text}» (s. {unit.page})"
    return f"{UNTOLD['en', untold]} It only says: «{unit.text}» (p. {unit.page})"


AMOUNT_HINT = re.compile(r"(?i)\d\s*(?:mkr|tkr|kr|sek|kronor|miljon|miljard|million|billion|msek)")

# a question that states its premise before asking ("Eftersom två av KS mål inte nås – vilka åtgärder …?")
PRESUPPOSED = re.compile(r"(?i)^\s*(?:eftersom|när nu|nu när|since|given that|now that|as)\b")
# a cause sits in one paragraph, often under a label the question does not repeat: look wider for it
WIDER_EVIDENCE = {"reason": 2}
TOLD_COVERAGE = 0.3  # the share of the question a sentence quoted as "what the report says instead" must hold
OPEN_MIN_COVERAGE = 0.1  # a brief's best point must hold some of the question's content
# the year's final result, as an annual report would give it ("slutliga resultat", "final audited result")
FINAL_RESULT = re.compile(r"(?i)(?<![\wåäö])(?:slutlig\w*|definitiv\w*|bokslut\w*|reviderad\w*|faktisk\w*|verklig\w*|"
                          r"final|audited|actual|year-end|outturn)(?![\wåäö])")
WHOLE_YEAR = re.compile(r"(?i)(?<![\wåäö])(?:helår\w*|årets|för året|hela året|året var slut|full[- ]year|for the year|"
                        r"whole year|year-end|bokslut\w*|audited|(?:19|20)\d\d)(?![\wåäö])")
# a part of the year the report does cover: "det faktiska utfallet för januari–augusti 2025" is its own figure
WITHIN_YEAR = re.compile(r"(?i)(?<![\wåäö])(?:jan\w*|feb\w*|mar[sc]\w*|apr\w*|ma[jy]|jun\w*|jul\w*|aug\w*|period\w*|"
                         r"hittills|so far|to date|delår\w*|tertial\w*|first half|första halv\w*)(?![\wåäö])")
# a forecast asked for ("the forecast year-end result"): the interim report's own figure, no final result
FORECAST_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:års?prognos\w*|prognos\w*|prognostiser\w*|forecast\w*|projected|"
                            r"expected|estimated|väntas|förväntas|beräkna[ds])(?![\wåäö])")
RESULT_WORD = re.compile(r"(?i)(?<![\wåäö])(?:resultat\w*|utfall\w*|bokslut\w*|result\w*|outcome|outturn|"
                         r"överskott\w*|underskott\w*|surplus|deficit)(?![\wåäö])")
BOARD = stem("kommunstyrelsen")  # the report's own subject, as a question names it (KS, the board, styrelsen)
# the words a question on the whole result's sign is put in: "går (det) mot ett underskott i år", "heading for"
SIGN_FRAME = frozenset(stem(w) for w in ("går", "gå", "gick", "mot", "väg", "prognos", "prognosen", "helår", "helåret",
                                         "året", "år", "väntas", "förväntas", "total", "totalt", "sammantaget"))
# a prediction of meeting something by a year, or of what work will lead to: "Kommer staden att klara riktvärdet …
# till 2030?", "Will Malmö reach … by 2030?", "Will the democracy efforts lead to higher turnout in the 2026 election?"
MET_BY_YEAR = re.compile(r"(?i)^\s*(?:kommer|klarar|hinner|når|will|is\s+(?:[\w-]+\s+){1,3}going\s+to|are\s+(?:[\w-]+\s+){1,3}"
                         r"going\s+to)\b.*?(?<![\wåäö])(?:klara|nå|uppnå|uppfylla|meet|reach|achieve|hit|leda till|"
                         r"resultera i|lead to|result in|(?:bli|vara|be|become)\s+(?:[\w-]+\s+)?(?:klimatneutral\w*|"
                         r"climate[- ]neutral|fossil\w*))(?![\wåäö]).*?"
                         r"(?<![\wåäö])(?:till|by|år|in|i|senast|före|innan|until|before)\s+(?:the\s+|valet\s+)?"
                         r"((?:19|20)\d\d)(?![\d])")
# how a thing turned out, asked in the past tense: "Hur gick det för Malmö i handbolls-EM 2026?", "Who won …"
OUTCOME_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:hur gick det|hur blev det|vem vann|vilka vann|vad blev (?:resultatet|utfallet)|"
                           r"how did (?:it|they|\w+) (?:go|do|turn out|end)|who won|what was the (?:outcome|result) of)"
                           r"(?![\wåäö])")
# a place's own body or document: "Göteborgs kommunstyrelse", "Lunds delårsrapport", "Gothenburg's executive board"
OTHER_BODY = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+|[a-zåäö]{4,})s\s+(?:(?:stads?|kommuns?)\s+(?:(?:i|och)\s+(?:deras|dess|sin|sitt)\s+)?"
                        r"[a-zåäö]*?)?(?:kommunstyrelse|kommunfullmäktige|"
                        r"delårsrapport|årsredovisning|stadskontor|kommunbidrag|helårsprognos|prognos|budget)\w*|"
                        r"\b([A-Z][a-z]+)'s\s+(?:city\s+|municipal\s+)?(?:executive board|city council|"
                        r"municipal council|interim report|annual report|city office|municipal grant|forecast|budget)\b")
# the same with the place set before the question and a pronoun for it: "Göteborg – vad är deras prognos?"
TOPIC_BODY = re.compile(r"^\s*([A-ZÅÄÖ][a-zåäö]+)\s*[-–—:]\s+.*(?<![\wåäö])(?:deras|dom|de|their|they|its)(?![\wåäö])"
                        r".*(?<![\wåäö])(?:kommunstyrelse|kommunfullmäktige|delårsrapport|årsredovisning|stadskontor|"
                        r"kommunbidrag|helårsprognos|prognos|budget|kommunalråd|resultat|executive board|city council|"
                        r"interim report|annual report|forecast|budget|result|councillors)")
# another city's own work, the city the subject: "Hur arbetar Göteborgs stad med kustskydd?", "how Lunds kommun works"
CITY_AT_WORK = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+)s\s+(?:stad|kommun)\s+(?:arbetar|gör|jobbar|satsar|planerar|hanterar)\b|"
                          r"\b(?:arbetar|gör|jobbar|satsar|planerar|hanterar)\s+([A-ZÅÄÖ][a-zåäö]+)s\s+(?:stad|kommun)\b")
OWN_PLACE_SHARE = 0.1  # a place named in this share of the passages is the reports' own
PLACE_WORD = re.compile(r"[\wåäöøæ]+(?:['’]s)?")


def certain_answer(q: Question, scope: str, comp: Composition, shape: str, retrieved: list[dict[str, Any]]) -> Answer:
    """A composition read off the report's structure or words (an outline, a page, an inventory): nothing to judge."""
    return Answer(question=q.asked, answer=comp.text, refused=False, citations=comp.citations, lang=q.lang,
                  scope=scope, retrieved=retrieved, shape=shape, confidence=1.0, span=comp.span)


def told_of_the_asker(text: str, m: re.Match[str]) -> bool:
    """Whether a match stands in a sentence the asker tells of themselves before asking (a first-person sentence
    that asks nothing: "Hello, I am from Finland, city council of Tampere. Can you explain …?")."""
    start = max(text.rfind(p, 0, m.start()) for p in ".!?") + 1
    ends = [i for i in (text.find(p, m.end()) for p in ".!?") if i >= 0]
    end = min(ends) if ends else len(text)
    return text[end:end + 1] != "?" and end < len(text) and PERSONAL.search(text[start:end]) is not None


def genitive_off(name: str) -> str:
    """A place's name without the genitive s the question wrote it with ("Köpenhamns kommun"), when it is the place."""
    low = name.lower()
    return name[:-1] if low not in PLACES and low.endswith("s") and low[:-1] in PLACES else name


WITH_PARTNER = re.compile(r"(?i)(?<![\wåäö])(?:tillsammans|ihop med|samarbet\w*|samverk\w*|sams\w*|partner\w*|together|"
                          r"cooperat\w*|co-operat\w*|collaborat\w*|jointly|joint)(?![\wåäö])")
AT_A_PLACE = re.compile(r"(?i)(?<![\wåäö])(?:i|på|till|från|in|at|to|from)\s+$")
# a city ranked against another: "är göteborg bättre på klimatet än malmö", "is Copenhagen doing more than Malmö"
RANKED_AGAINST = re.compile(r"(?i)(?<![\wåäö])(?:bättre|sämre|mer|mindre|större|högre|lägre|snabbare|längre|"
                            r"better|worse|more|less|bigger|larger|smaller|higher|lower|faster|further)\s+(?:[\wåäö]+\s+)"
                            r"{0,4}?(?:än|than)(?![\wåäö])|(?<![\wåäö])(?:jämfört med|jämföra med|jämför med|"
                            r"i jämförelse med|compared? (?:with|to)|in comparison (?:with|to)|versus|vs\.?)(?![\wåäö])")
THEIR_THING = re.compile(r"(?i)(?<![\wåäö])(?:deras|dess|their|its)\s+([\wåäö]{4,})")
# the asker's own place, just before its name: "Vi i Umeå …", "hos oss i Lund", "I work in Aarhus", "here in Oslo"
ASKERS_PLACE = re.compile(r"(?i)(?<![\wåäö])(?:vi|oss|jag|mig|we|us|I|me|här|here|hemma|home)(?:\s+[\wåäö]+){0,3}?"
                          r"\s+(?:i|på|från|in|at|from)\s+$")
PLACE_LETTERS = 5  # a place written in lower case is read as one from this length ("helsingborg", not "ale")
ASKED_WORD_MIN = 4  # a shorter word of a question ("går", "nya") asks nothing of its own
# a name as the one who acts, right after the question's verb: "Vad gör Göteborg för …", "hur mycket lägger
# göteborg på …", "What is Gothenburg doing about …" (its own work, not the report's city's)
ACTOR_VERBS_SV = (r"gör|gjorde|har|hade|lägger|lade|satsar|satsade|arbetar|jobbar|planerar|hanterar|budgeterar|"
                  r"investerar|prognostiserar|spenderar|tycker|anser|vill")
# a committee named by its compound ("grundskolenämnden", "kulturnämndens"): not the bare word, nor the board
COMMITTEE_WORD = re.compile(r"(?i)(?<![\wåäö-])[a-zåäö]{3,}nämnd(?:en|ens|s)?(?![\wåäö])")
# the report itself and its telling, as stems: no topic of a question ("… redovisas i rapporten?")
REPORT_WORD = re.compile(r"(?:delårs)?rapport\w*|redovis\w*|nämn[st]?|beskriv\w*|report\w*|mention\w*|describ\w*")
NAME_ACTING = re.compile(
    r"^\s*(?i:vad|hur(?: mycket(?: pengar)?| många)?|vilka|vilken|vilket|när|varför)\s+(?i:[\wåäö]+\s+){0,2}?"
    rf"(?i:{ACTOR_VERBS_SV})\s+([A-ZÅÄÖa-zåäö][\wåäö]+)(?![\wåäö-])(?!\s+(?i:stad|kommun)s?\s+(?i:och|med)\b)"
    r"(?!\s+[A-ZÅÄÖ])|"  # (one word: "Pink Programming", "Allmänna arvsfonden" are things, not places)
    r"^\s*(?i:what|how(?: much| many)?|which|when|why)\s+(?:[\w'’]+\s+){0,2}?(?i:is|are|does|do|did|has|have|will)"
    r"\s+([A-Z][\w]+)(?![\w-])(?!\s+and\b)(?!\s+[A-Z])")
# another place a question compares with: "Compare Malmö's … with Copenhagen's", "jämfört med Göteborg"
COMPARED_WITH = re.compile(r"(?<![\wåäö])(?i:compar\w*|jämför\w*)(?![\wåäö]).*?(?<![\wåäö])(?i:with|to|against|med|mot)"
                           r"\s+([A-ZÅÄÖ][\wåäö]+?)(?:'s|’s)?(?![\wåäö])")
# a place the report never names, written in lower case before what it is: "lunds kommun", "varbergs stad"
# (with the genitive of an official name, "lunds kommun": "tredje kommun" is no place)
UNNAMED_PLACE = re.compile(r"(?<![\wåäö])([a-zåäö]{3,}s)\s+(?:kommun|stad|region)s?(?![\wåäö])")
# the whole municipality's figures, not the board's: "Vilket resultat har Malmö stad som helhet, alla nämnder
# sammantaget?", "Vilka nämnder prognostiserar underskott?"
WHOLE_CITY = re.compile(r"(?i)(?<![\wåäö])(?:alla nämnder\w*|samtliga nämnder\w*|vilka (?:andra )?nämnder|"
                        r"(?:hela )?kommunkoncern\w*|stadskoncern\w*|the (?:whole )?(?:municipal|city) group|"
                        r"hela (?:malmö )?stadens?|(?:malmö )?stad(?:en)? som helhet|all (?:the )?committees|"
                        r"hela kommunens?|kommunen som helhet|"
                        r"which (?:other )?committees|the (?:whole|entire) (?:city|municipality)|"
                        r"the (?:city|municipality) as a whole|malmö(?: stad| city)? as a whole|"
                        r"the city of malmö as a whole)(?![\wåäö])")
# another committee's own figure: "servicenämndens prognos", "Vilken prognos har servicenämnden lämnat?", "the
# service committee's budget" (the report gives the executive board's, not other committees')
OTHER_COMMITTEE = re.compile(
    rf"(?i)(?<![\wåäö])[\wåäö]+nämnd(?:ens|s)\s+(?:[\wåäö]+\s+)?(?:{FIGURE_WORDS})(?![\wåäö])|"
    rf"(?i:(?:{FIGURE_WORDS}))(?:\s+[\wåäö]+){{0,2}}\s+(?:har|hade|lämnat|lämnade|lämnar|redovisat|redovisade|"
    r"redovisar|prognostiserar|visar)\s+"
    r"(?:[\wåäö]+-\s+(?:och|eller)\s+)?[\wåäö]+nämnden(?![\wåäö])|"  # (also "arbetsmarknads- och socialnämnden")
    rf"(?<![\w])[\w-]+ committee's\s+(?:[\w-]+\s+)?(?i:{FIGURE_WORDS})\b|"
    # "går socialnämnden back i år?", "Is the social services committee running a deficit?"
    r"(?i:går\s+[\wåäö]+nämnden\s+(?:back|bak|plus|minus|med\s+(?:under|över)skott))|"
    r"(?i:[\w-]+\s+committee\s+(?:running|run|going|heading)\s+(?:a\s+)?(?:deficit|surplus|over\s+budget))|"
    # "What result is the service committee (servicenämnden) forecasting for 2025?"
    r"(?i:(?<!executive\s)(?<!city\s)\b(?!executive\b)[a-z]+\s+committee(?:\s+\([\wåäö]+\))?\s+(?:is\s+|are\s+|was\s+)?"
    r"(?:forecasting|projecting|budgeting|predicting)\b)|"
    # "How did the education committee do against budget?": a named committee other than the executive board
    r"(?i:(?:the\s+)?(?!executive\b|city\s+executive\b)[a-z]+(?:\s+[a-z]+)?\s+committee(?:'s)?\s+(?:do|did|doing|done|"
    r"perform\w*|fare\w*)\s+(?:against|compared\s+(?:to|with)|relative\s+to)\s+(?:its\s+|the\s+)?budget)")
CITY_FIGURE = re.compile(r"(?i)(?<![\wåäö])(?:resultat\w*|prognos\w*|underskott\w*|överskott\w*|budget\w*|"
                         r"nettokostnad\w*|result\w*|forecast\w*|deficit\w*|surplus\w*)(?![\wåäö])")
# what an acronym stands for: "Vad står KISA för?", "Vad betyder förkortningen WMU?", "What does MEHAB stand for?",
# "… KISA. What does the acronym stand for?"
ACRONYM_ASKED = re.compile(r"(?i:vad\s+står|vad\s+betyder|what\s+(?:does|do|did))(?:\s+(?i:it|that|the\s+acronym|"
                           r"the\s+abbreviation)(?=\s)|\s+(?i:förkortningen)(?=\s+[A-ZÅÄÖ]{2}))?(?:\s+([A-ZÅÄÖ]{2,}[0-9]*))?"
                           r"(?:\s+(?i:för|stand\s+for|mean|betyder)\b|(?<=[A-ZÅÄÖ0-9])\s*\?)")
ACRONYM = re.compile(r"(?<![\wåäö])[A-ZÅÄÖ]{2,}[0-9]*(?![\wåäö])")


def asked_acronym(text: str) -> str | None:
    """The acronym a question asks the meaning of, written in it ("Vad står KISA för?") or referred back to
    ("The report mentions KISA. What does the acronym stand for?"); None otherwise."""
    m = ACRONYM_ASKED.search(text)
    if m is None:
        return None
    if m.group(1):
        return m.group(1)
    named = ACRONYM.findall(text[:m.start()])  # "… KISA. What does the acronym stand for?"
    return named[-1] if re.search(r"(?i)\b(?:it|that|acronym|abbreviation)\s", m.group(0)) and named else None


# what a word means ("Vad betyder kommunbidrag?", "Vad menas med \"avvikelse\" i tabellerna?", "What does
# uppsiktsplikt mean?"): a term of one to three lower-case words, not a name (WHAT_IS_NAME) nor an acronym
_TERM = r"[\"'«»”“]?([a-zåäö][\wåäö-]*(?:\s+[a-zåäö][\wåäö-]*){0,2}?)[\"'«»”“]?"
_TERM_END = (r"(?:\s+(?:i|in)\s+(?:rapporten|tabellerna|tabellen|texten|ekonomidelen|the report|the tables?))?"
             r"(?:\s+(?:för något|för nåt|egentligen|exactly|really|actually))?"
             # (and what the report tells of it: "…, och vad tar rapporten upp under den rubriken?")
             r"(?:\s*,?\s+(?:och|and)\s+(?:hur|vad|vilk\w*|how|what|which)\b[^?]*)?"
             r"\s*[?.!]*(?:\s+[^?]*[.!]?)?\s*$")
TERM_ASKED = re.compile(
    r"(?i)^\s*(?:och\s+|and\s+)?(?:vad\s+(?:betyder|menas\s+med|avses\s+med|innebär)(?:\s+(?:begreppet|ordet|termen))?|"
    r"vad\s+är\s+(?:begreppet|ordet|termen)|förklara\s+(?:begreppet|ordet|termen)|"
    r"what\s+is\s+meant\s+by|what\s+is\s+the\s+meaning\s+of|define|"
    r"what(?:'s|\s+is)\s+the\s+definition\s+of)\s+" + _TERM + _TERM_END
    + r"|^\s*(?i:what)\s+(?i:does|do)\s+(?i:the\s+(?:term|word)\s+)?" + _TERM + r"\s+(?i:mean)\b[^?]*[?.!]*\s*$")
# a sentence that says what its subject is: «Ett utfallsbaserat arbetssätt innebär att …»
DEFINING_VERB = (r"(?:innebär|betyder|avser|avses|definieras|står för|handlar om|syftar på|kallas|består av|omfattar|"
                 r"är\s+(?:en|ett|när|att|den|det|de))")


def asked_term(text: str) -> str | None:
    """The term whose meaning a question asks ("kommunbidrag", "utfallsbaserat arbetssätt"), lower case, without
    an article; None when it asks no such thing or asks what something means for someone ("Vad innebär flytten
    för personalen?"), or the term is one the report's definite form names (an event: "flytten")."""
    m = TERM_ASKED.match(text)
    if m is None:
        return None
    written = m.group(1) or m.group(2) or ""
    if any(ch.isupper() for ch in written):
        return None  # an acronym or a name ("Vad innebär CSRD …?"): asked_acronym and the brief on a name
    term = re.sub(r"^(?:en|ett|the|a|an)\s+", "", written)
    if not term or term in STOP or term in EN_STOP or re.search(r"(?<![\wåäö])(?:för|for|to|för att)\s", term + " "):
        return None
    if re.match(r"(?i)\s*(?:och\s+)?vad\s+innebär", text) and re.search(r"(?:en|et|na|n)$", term.split()[-1]):
        return None  # "Vad innebär flytten?": what an event brings, not what a word means
    return term


def _same_compound(a: str, b: str) -> bool:
    """Two stems of one compound, with or without its linking s: «uppsiktplikt» (a heading) is "uppsiktsplikt"."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(long_) == len(short) + 1 and len(short) >= 6 and any(
        long_[i] == "s" and long_[:i] + long_[i + 1:] == short for i in range(3, len(long_) - 3))


# what a law says: "Vad säger arbetsmiljölagen om …?", "… enligt kommunallagen?", "according to the Local Government Act"
LAW_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:vad säger|vad föreskriver|vad anger|enligt|according to|under|"
                       r"what does|what do)\s+(?:the\s+)?"
                       r"([\wåäö]+lagen|[\wåäö]+ (?:act|law))(?![\wåäö])")


def names_it(spellings: tuple[str, ...], text: str) -> bool:
    """Whether a text names a thing in one of its spellings (with a genitive s: "Köpenhamns kommun")."""
    return any(re.search(r"(?<![\wåäö])" + re.escape(x) + r"s?(?![\wåäö])", text, re.IGNORECASE) for x in spellings)


def partner_only(spellings: tuple[str, ...], text: str) -> bool:
    """Whether a sentence names a place only as a partner of the one acting («Malmö driver … påverkansarbete …
    tillsammans med Stockholm och Göteborg»): what is told is not the partner's own work."""
    name = "|".join(re.escape(x) for x in spellings)
    partner = re.compile(rf"(?i)(?:tillsammans med|samverkan med|samarbete med|together with|in cooperation with)\s+"
                         rf"(?:[A-ZÅÄÖ][\wåäö]*\s+(?:och|samt)\s+)?(?:{name})s?(?![\wåäö])")
    if not partner.search(text):
        return False
    return not re.search(rf"(?<![\wåäö])(?:{name})s?(?![\wåäö])", partner.sub(" ", text), re.IGNORECASE)


class AnswerEngine:
    """Answers questions offline from a library; shared by all sessions, holds no per-question state."""

    def __init__(self, library: Library, model: JudgeModel | None = None) -> None:
        self.library = library
        self.scorer = ExtractiveAnswerer(library)
        self.model = model or load_model()

    # -- planning -----------------------------------------------------------
    def plan(self, question: str, history: list[Turn] | None = None, lang: str | None = None) -> Plan:
        q = self.scorer.read(question, history or [], lang)
        # a task or small talk stays one in a conversation too ("Skriv ett mejl …" after a question)
        shape = route(q.text, q.kind)
        if shape == "reason" and WHICH_THEN_WHY.search(q.text) and wants_extreme(q.text):
            # "Vilket budgetområde har störst positiv avvikelse och varför?": the row at that end of the table,
            # whose comment says why, not the causes of every deviation
            shape = "fact"
        if history and q.followup and shape == "fact" and TOPIC_SWITCH.match(question) \
                and not REFERS_BACK.search(question):
            # "Vad gör staden för klimatet?" → "Och för segregationen?": the same open question on a new topic,
            # read alone (the previous topic's words would choose its sentences again)
            anchor = next((t.question for t in reversed(history) if not TOPIC_SWITCH.match(t.question)),
                          history[-1].question)  # the question the switches ("Och för …?") all vary
            previous = self.plan(anchor, [], lang).shape
            if previous in OPEN_SHAPES or previous == "summary":
                alone = self.scorer.read(question, [], lang or q.lang)
                if any(w >= 1.0 for w in alone.terms.values()):
                    return Plan(alone, previous)
        return Plan(q, shape)

    # -- answering ----------------------------------------------------------
    def answer(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
               lang: str | None = None, threshold: float | None = None) -> Answer:
        """A cited answer in the routed shape, or a refusal. `threshold` overrides the
        judge's (0 answers everything: the judge's features are still recorded)."""
        whole = self._answer(question, history, filters, lang, threshold)
        if not whole.refused or (parts := two_questions(question)) is None:
            return whole
        # "Varför har stadskontoret så många vakanser? Är det bara rekryteringsproblem eller sparar man medvetet?":
        # the second question's words sank the first; the first is answered and the second said to be untold
        first = self._answer(parts[0], history, filters, lang, threshold)
        if first.refused:
            return whole
        second = self._answer(parts[1], [*(history or []), Turn(question=parts[0], answer=first.answer)], filters,
                              lang or first.lang, threshold)
        if not second.refused or CONTEXT_ASKED.fullmatch(parts[1]):
            # (as a follow-up it is answered by the first's evidence: "Är det bara …?"; the setting asked of the
            # first's thing is its quote)
            return replace(first, question=question)
        return replace(first, question=question,
                       answer=f"{first.answer}\n\n{untold_part(parts[1], second, first.lang)}")

    def _answer(self, question: str, history: list[Turn] | None = None, filters: Filters | None = None,
                lang: str | None = None, threshold: float | None = None) -> Answer:
        plan = self.plan(question, history, lang)
        q = plan.q
        if (check := as_claim_check(question, q.lang)) is not None:  # "oppositionen påstår att …": checked
            return replace(self.answer(check, history, filters, lang or q.lang, threshold), question=question)
        expanded = expand_abbreviations(question, q.lang) if plan.shape == "fact" else ""
        parts = two_asks(expanded) if expanded else None
        # (the two things of "… för styrelsen respektive stadskontoret" are asked alike: the second is no follow-up
        # of the first)
        alike = each_of_two(expanded) if expanded and parts is None else None
        if (asked_two := parts or alike) is not None:
            both = self._two_facts(asked_two, history or [], filters, lang or q.lang, threshold,
                                   second_alone=alike is not None)
            if both is not None:
                return replace(both, question=question)  # as asked, not with its shorthand written out
        scope = (filters or Filters()).describe(q.lang)
        if plan.shape == "out_of_scope":
            welcome = (WELCOME_SV if q.lang == "sv" else WELCOME_EN) if thanked(question) else ""
            return self._refusal(q, scope, [], "out_of_scope", welcome + (SCOPE_SV if q.lang == "sv" else SCOPE_EN), 0.0)
        ctx = Context(self.library, self.scorer, q, filters)
        if not history and plan.shape == "change" and lacks_topic(q.text) and not names_only_the_subject(q.text) \
                and (changes := compose_changes(ctx)) is not None:
            # "Vad har förändrats jämfört med förra året?": every change the report tells of
            return certain_answer(q, scope, changes, "change", cited_sources(changes.citations))
        if not history and (names_only_the_subject(q.text) or (
                plan.shape in ("brief", "reason", "change") and lacks_topic(q.text))):
            return self._refusal(q, scope, [], "out_of_scope", CLARIFY_SV if q.lang == "sv" else CLARIFY_EN, 0.0)
        if not history and STRUCTURE_ASKED.search(q.asked) and (contents := compose_contents(ctx)) is not None:
            # "Hur är rapporten uppbyggd?": its parts in order, with their pages
            return certain_answer(q, scope, contents, "outline", cited_sources(contents.citations))
        if plan.shape in ("fact", "brief") and (listed := compose_mentions(ctx)) is not None:
            # "Vilka förseningar finns det i rapporten?": every place it tells of one, read off its own words
            return certain_answer(q, scope, listed, "brief", cited_sources(listed.citations))
        if (written := self._unstated_amount(ctx)) is not None:
            said = self._stated_instead(q.asked, written, filters, q.lang, threshold)
            return self._refusal(q, scope, [], "out_of_scope", no_such_amount(written, q.lang == "sv", said), 1.0)
        takes_for_given = plan.shape in ("reason", "fact") or PRESUPPOSED.match(q.text) is not None
        if takes_for_given and (wrong := self._unmet_premise(ctx)) is not None:
            return self._refusal(q, scope, [], "out_of_scope", wrong, 1.0)
        if plan.shape in ("reason", "fact") and (wrong := self._wrong_sign(ctx)) is not None:
            return self._refusal(q, scope, [], "out_of_scope", wrong, 1.0)
        if plan.shape in ("reason", "fact", "brief", "change") and (wrong := self._unstated_setback(ctx)) is not None:
            return self._refusal(q, scope, [], "out_of_scope", wrong, 1.0)
        if (untold := self._year_never_named(q)) is not None:  # "… compared to 1990?": the report has no 1990
            return self._refusal(q, scope, [], "out_of_scope", untold, 1.0)
        if (other := self._another_years_report(q)) is not None:  # "the 2024 interim report": not in the library
            return self._refusal(q, scope, [], "out_of_scope", other, 1.0)
        if (forecast_only := self._final_result_of_an_interim(q)) is not None:
            return self._refusal(q, scope, [], "out_of_scope", forecast_only, 1.0)
        if (spelled := self._acronym(q, scope, filters)) is not None:  # "Vad står KISA för?", "What does MEHAB stand for?"
            return spelled
        if not history and (meant := self._term_meaning(q, scope, filters, threshold)) is not None:
            return meant  # "Vad betyder kommunbidrag?": the report's definition, or that it gives none
        if self._another_municipality(q) is not None:  # "Vad har Göteborgs kommunstyrelse för prognos?"
            return self._refusal(q, scope, [], "out_of_scope", None, 1.0)
        if (m := COMPARED_WITH.search(q.text)) and (other := self._named_in_passing(genitive_off(m.group(1)), "")):
            # "How does Malmö's voter turnout compare with Stockholm's?": the report tells of Malmö only
            return self._refusal(q, scope, [], "out_of_scope", self._only_mentioned(q, other), 1.0)
        if (stranger := self._unknown_subject(q) or self._never_named_place(q) or self._never_named_committee(q)) \
                is not None:
            # "Has Helsingborg won more congresses …?", "Hur står sig Malmö mot Helsingborg när det gäller …?"
            text = f"Rapporten nämner inte {stranger}." if q.lang == "sv" else f"The report does not mention {stranger}."
            return self._refusal(q, scope, [], "out_of_scope", text, 1.0)
        if OUTCOME_ASKED.search(q.text) and self._later_year(q) is not None:
            # "Hur gick det för Malmö i handbolls-EM 2026?": what came of it after the report was written
            return self._refusal(q, scope, [], "out_of_scope", UNTOLD[q.lang, "later"], 1.0)
        if plan.shape != "outline" and (later := self._met_later(q)) is not None:
            # "Kommer staden att klara riktvärdet … till 2030?": the report sets the target, it does not foretell it
            return self._refusal(q, scope, [], "out_of_scope", later, 1.0)
        if plan.shape == "outline" and (later := self._later_year(q)) is not None:  # "… met in 2026?"
            return self._refusal(q, scope, [], "out_of_scope", later, 1.0)
        acting = self._name_acting(q)
        if ((WHOLE_CITY.search(q.text) and CITY_FIGURE.search(q.text)) or OTHER_COMMITTEE.search(q.text)) \
                and plan.shape in ("fact", "change", "reason"):
            return self._refusal(q, scope, [], "out_of_scope", WHOLE_CITY_SV if q.lang == "sv" else WHOLE_CITY_EN, 1.0)
        if (party := PARTY.search(q.text)) and not self.scorer.stem_in_corpus(stem(party.group(0).lower().split()[0])):
            # "What's the Moderates' position on the Öresund metro?": the report is the board's, no party's
            return self._refusal(q, scope, [], "out_of_scope", PARTIES_SV if q.lang == "sv" else PARTIES_EN, 1.0)
        if (law := LAW_ASKED.search(q.text)) and not self.scorer.stem_in_corpus(stem(law.group(1).split()[0])):
            return self._refusal(q, scope, [], "out_of_scope", None, 1.0)  # a law the report never names
        if plan.shape != "page" and (wrong := self._no_such_part(ctx)) is not None:
            return self._refusal(q, scope, [], "out_of_scope", wrong, 1.0)
        comp, shape, proposal, q = self._compose(ctx, plan.shape)
        retrieved = retrieved_of(comp.hits) if comp.hits else cited_sources(comp.citations)
        if comp.refused:
            return self._refusal(q, scope, retrieved, shape, comp.text or None, 1.0 if comp.certain else 0.0)
        if (place := self._place_named_in_passing(q, comp)) is not None:
            # "Hur mycket satsar Göteborg på kompetensutveckling …?": the report names Göteborg only as Malmö's
            # partner on coastal protection; that sentence holds none of the rest of what is asked
            return self._refusal(q, scope, retrieved, shape, self._only_mentioned(q, place), 1.0)
        if acting and not any(names_it(acting, f"{c.section or ''} {c.quote}") and not partner_only(acting, c.quote)
                              for c in comp.citations[:1]):
            # "Vad gör Göteborg för att bli klimatneutralt?": the report names Göteborg only as Malmö's partner; its
            # sentences on Malmö's own work are no answer on what Göteborg does
            return self._refusal(q, scope, retrieved, shape, self._only_mentioned(q, acting), 1.0)
        if comp.certain and comp.citations:
            return certain_answer(q, scope, comp, shape, retrieved)
        features = self.features(q, shape, comp)
        p = self.model.probability(features) if comp.evidence or comp.citations else 0.0
        if shape in ("brief", "reason", "change") and features.values["coverage"] < OPEN_MIN_COVERAGE:
            # points that share no word with the question are not an answer, however open the question ("What
            # does the report say about sick leave?" quoted the revision model): the judge's data has few such
            # open questions. (A question word the report has nowhere is not enough: officials paraphrase,
            # "remisstrycket", "timanställningar", and the report still answers.)
            p = 0.0
            features.values["decided_by_rule"] = 1.0  # not a feature: `eval fit-judge` leaves these out
        told: str | None = None  # what the report says instead, when a rule refuses
        known = self._known_stem(q)
        if shape == "fact" and comp.evidence and only_the_frame_met(
                q, comp.evidence[0], lambda t: known(t) or self.scorer.compound_split(t) is not None):
            p = 0.0  # "Sjukfrånvaro stadskontoret jan-aug?": a word the report has nowhere, and only who and when met
            features.values["decided_by_rule"] = 1.0
        if shape == "fact" and comp.evidence:
            for mismatch, untold in FACT_MISMATCHES:
                if mismatch(q, comp.evidence[0]):
                    p = 0.0
                    features.values["decided_by_rule"] = 1.0
                    # (what the report says instead, when it is about the thing asked: "no such figure" then a
                    # sentence on another matter would only mislead)
                    about = (mismatch not in (per_unit_missing, average_missing, decision_untold,
                                              decision_time_missing) or (
                        comp.evidence[0].coverage >= TOLD_COVERAGE and tells_of_the_thing(q, comp.evidence[0]))) \
                        and not (mismatch is breakdown_missing and figure_unsaid(q, comp.evidence[0]))
                    told = told or (unnamed_answer(comp.evidence[0], q.lang, untold) if untold and about else None)
            if modifier_differs(q, comp.evidence[0], self._said_together, self._inflected_as_adjective):
                p = 0.0  # "How much did Malmö raise through green bonds?" quoted «… en social obligation …»
                features.values["decided_by_rule"] = 1.0
        if shape == "reason" and (told_only := fact_without_cause(comp.evidence)) is not None:
            # "Why were six of the eight members replaced?" quoted the replacement itself: the report tells what
            # happened, not why
            p = 0.0
            features.values["decided_by_rule"] = 1.0
            told = unnamed_answer(told_only, q.lang, "cause")
        if shape == "fact" and q.followup and q.kind == "name" and not comp.rule_ok:
            # a follow-up asking for a name the rules found none for: its words and embedding are mostly the previous
            # question's, so the judge vouches for any named thing on that topic ("Vem ansvarar för det?" quoted a grant)
            p = 0.0
            features.values["decided_by_rule"] = 1.0
        cut = self.model.threshold if threshold is None else threshold
        if not comp.citations or p < cut:
            answer = self._refusal(q, scope, retrieved, shape, told, p)
            answer.features = features.values
            return answer
        if proposal is not None:
            answer = self.scorer.compose_fact(q, proposal, scope, filters)
        else:
            answer = Answer(question=q.asked, answer=comp.text, refused=False, citations=comp.citations,
                            lang=q.lang, scope=scope, retrieved=retrieved)
        answer.shape, answer.confidence, answer.span = shape, p, comp.span
        answer.retrieved = retrieved
        answer.features = features.values
        return answer

    def _two_facts(self, parts: tuple[str, str], history: list[Turn], filters: Filters | None, lang: str,
                   threshold: float | None, second_alone: bool = False) -> Answer | None:
        """Both facts of a two-part question, each cited, in one answer; None unless both are facts the
        report gives (then the question is answered as one, as before). `second_alone`: the second part is a
        question of its own, not read after the first."""
        first = self.answer(parts[0], history, filters, lang, threshold)
        if first.refused or first.shape not in ("fact", "brief"):  # a brief: the names a table lists
            return None
        after_first = history if second_alone else [*history, Turn(parts[0], first.answer)]
        second = self.answer(parts[1], after_first, filters, lang, threshold)
        repeats = bool(second.citations) and {c.quote for c in second.citations} <= {c.quote for c in first.citations}
        if YES_NO_ASK.match(parts[1]) and (second.refused or second.features.get("rule") == 0.0 or repeats):
            # a yes-no question on the first thing that no rule answers: the judge vouched for a sentence on the
            # first part's topic only ("… och bedöms den hållas?" quoted Framtida ledare), or the first part's own
            # sentence again: the first part stands
            return replace(first, question=" ".join(parts))
        q1 = self.scorer.read(parts[0], history, lang)
        if not second.refused and second.shape == "fact" and not self._near(first, second, q1):
            # "Hur mycket har KS avsatt till kompetenshöjande insatser, och vad ska medlen användas till?" quoted the
            # social bond's «… hur medlen används» (p. 28): the second part asks about the first part's thing, which
            # its own passage goes on about («Satsningen ska stärka friskfaktorer …»), or the first part stands
            second = self._told_after(first, parts[1], after_first, lang)
            if second is None:
                return replace(first, question=" ".join(parts))
        elif second.refused:
            refusal = second
            second = self._told_after(first, parts[1], after_first, lang)
            # a rule that tells what the report lacks («Rapporten anger ingen total kostnad»), not the bare refusal
            # of a judge or of a rule that found nothing ("Vem finansierar?" is told, by another sentence)
            told = refusal.answer not in (REFUSAL_SV, REFUSAL_EN) and refusal.answer.startswith(("Rapporten ",
                                                                                                 "The report "))
            if second is None and first.shape == "fact" and told:
                if self._holds_the_kind(first, parts[1], after_first, lang):
                    return replace(first, question=" ".join(parts))  # its quotes give the second value too
                # "När flyttar … och vad kostar flytten totalt?": the first part's answer, and what the report
                # does not say of the second
                return replace(first, question=" ".join(parts), answer=f"{first.answer}\n\n{untold_part(parts[1], refusal, lang)}")
        if second is None or second.refused or second.shape != "fact":
            return None
        named = q1.phrases
        if named and not any(p in c.quote.lower() for c in second.citations for p in named) \
                and not {c.section for c in second.citations} & {c.section for c in first.citations}:
            # "What is Malmö Möts and when does it take place?": the second part is on the thing the first names, not
            # on a sentence sharing a word with it («mötes- och resepolicy»): where the first part's answer goes on
            # about it, or the first part stands
            second = self._told_after(first, parts[1], after_first, lang)
            if second is None:
                return replace(first, question=" ".join(parts))
        quotes = {(c.page, c.quote): c.n for c in first.citations}
        renumber: dict[int, int] = {}
        citations = list(first.citations)
        for c in second.citations:
            n = quotes.get((c.page, c.quote))
            if n is None:
                n = len(citations) + 1
                citations.append(replace(c, n=n))
            renumber[c.n] = n
        text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber.get(int(m.group(1)), int(m.group(1)))}]", second.answer)
        for c in second.citations:  # a sentence the first part's answer quotes already is not quoted again
            if (n := quotes.get((c.page, c.quote))) is not None:
                text = re.sub(rf"(?m)^- {re.escape(c.quote)} \[{n}\]\n?|{re.escape(c.quote)} \[{n}\] ?", "", text)
        if text.strip() in first.answer or not re.search(r"\[\d+\]", text):
            if len(first.citations) > len(second.citations):  # it quotes more, the second fact among it
                return replace(first, question=" ".join(parts))  # («Den inleds med en demokratihelg …»)
            return None  # the second part quoted the first's one sentence again: asked as one question
        joined = f"{first.answer}\n\n{text}"
        return replace(first, answer=joined, citations=citations, question=" ".join(parts),
                       confidence=min(first.confidence or 0.0, second.confidence or 0.0),
                       retrieved=first.retrieved + [r for r in second.retrieved if r not in first.retrieved])

    def _near(self, first: Answer, second: Answer, q1: Question) -> bool:
        """Whether the second part's answer is about the first part's thing: in its section, on its page or the
        next, or naming what the first part asks about."""
        if {c.section for c in second.citations} & {c.section for c in first.citations}:
            return True
        if any(abs(c.page - f.page) <= 1 for c in second.citations for f in first.citations):
            return True
        text = " ".join(f"{c.section} {c.quote}" for c in second.citations)
        said = set(terms(text))
        topic = {t for t, w in q1.terms.items() if w >= 1.0 and t not in AMBIENT_ACTORS and not YEAR_TOKEN.match(t)}
        # (not by the report's everyday words: "arbetet med formerna för kraftsamlande insatser" is not met by the
        # metro's «… inleda ett arbete med …»)
        if any(term_hit(q1, t, said) for t in {t for t in topic if self.scorer.idf(t) >= EVERYDAY_IDF} or topic):
            return True
        # "Vad handlade OECD-rapporten om? Hur många rekommendationer gav den?": «Rapporten ger 29 rekommendationer»
        every_word = {stem(w) for w in words(text)}
        if any(p in every_word for t in topic if "-" in t for p in t.split("-") if len(p) >= 4):
            return True
        # a second part that names its own topic, and the answer holds it: "…? Vad var ursprungligt kommunbidrag
        # enligt nämndsbudgeten?" (not "Vad ska satsningen uppnå?", whose one word any sentence may have)
        q2 = self.scorer.read(second.question, [Turn(first.question, first.answer)], second.lang)
        # (its words beyond the report's everyday ones: "och när förväntas ett beslut fattas?" names no topic)
        own = [t for t in own_words(q2) if not YEAR_TOKEN.match(t) and self.scorer.idf(t) >= EVERYDAY_IDF]
        return len(own) >= 2 and sum(term_hit(q2, t, said) for t in own) >= SELF_CONTAINED * len(own)

    def _holds_the_kind(self, first: Answer, second_part: str, history: list[Turn], lang: str) -> bool:
        """Whether the first part's quotes already give a value of the kind the second part asks for: "…, och när
        öppnar nästa omgång?" after «… en ny omgång kommer i september 2025» is answered, not untold."""
        q2 = self.scorer.read(second_part, history, lang)
        if q2.kind not in ("date", "amount", "count", "percent"):
            return False
        for cited in first.citations:
            chunk = self.library.index.by_id.get(cited.chunk_id)
            units = units_of(chunk, 0) if chunk is not None else []
            if any(u.text == cited.quote and kind_score(u, q2) >= 1.0 for u in units):
                return True
        return False

    def _told_after(self, first: Answer, second_part: str, history: list[Turn], lang: str) -> Answer | None:
        """The second part of a two-part question answered where the first part's answer stands: the first
        sentence after its quote, in its passage, that holds the second part's own words («Investeringsutrymmet
        för beredskap ska …» for "vad ska medlen för beredskap användas till?"), or, when it has none but words for
        the first part's thing ("medlen", "den"), the sentence that goes on about it («Satsningen ska stärka …»)."""
        q2 = self.scorer.read(second_part, history, lang)
        own = own_words(q2)
        for cited in reversed(first.citations):
            chunk = self.library.index.by_id.get(cited.chunk_id)
            if chunk is None or chunk.meta.get("kind") == "table":
                continue
            units = units_of(chunk, 0)
            at = next((i for i, u in enumerate(units) if u.text == cited.quote), None)
            if at is None:
                continue
            later = [u for u in units[at + 1:at + 1 + TOLD_AFTER] if not is_signpost(u.text)]
            if own:
                found = next((u for u in later if all(term_hit(q2, t, u.stems) for t in own)), None)
                if found is None and q2.kind in ("count", "date", "amount"):
                    # a value of the kind asked with half its words: "… and how many companies took part?" is
                    # «… för de 70 företag som ingår», "when is the update expected to be finalised?" «… vara klar
                    # i januari 2026»
                    found = next((u for u in later if kind_score(u, q2) >= 1.0
                                  and sum(term_hit(q2, t, u.stems) for t in own) >= len(own) / 2), None)
            else:
                # (in the same paragraph, opening with the thing in the definite form or a demonstrative)
                found = later[0] if later and later[0].before and OPENS_ON_IT.match(later[0].text) else None
                if found is None and q2.kind in ("count", "date", "amount"):
                    # a bare "… och när?": the value of that kind beside the quote in its paragraph, after or before
                    # it («… tog Malmö stad vid månadsskiftet augusti/september ett historiskt steg …» comes first)
                    around = [units[j] for j in (at + 1, at - 1) if 0 <= j < len(units) and units[max(j, at)].before]
                    found = next((u for u in around if kind_score(u, q2) >= 1.0), None)
            if found is not None:  # (as sure as the first part's answer, whose passage it is from)
                return replace(self.scorer.compose_answer(q2, [found], first.scope, []), confidence=first.confidence)
        return None

    def _stated_instead(self, asked: str, written: str, filters: Filters | None, lang: str,
                        threshold: float | None) -> tuple[str, int] | None:
        """What the report states where the question took a wrong amount for given ("the board's budget is 610
        million kronor – what is it spent on?"): the quote and page of the fact answer to the question without
        the amount, when there is one."""
        without = " ".join(asked.replace(written, " ").split())
        if not without or AMOUNT_HINT.search(without):
            return None
        alt = self.answer(without, [], filters, lang, threshold)
        if alt.refused or alt.shape != "fact" or not alt.citations:
            return None
        quote = alt.citations[0].quote
        asked = amounts_in(written)
        # the report's figure for the same thing is of the same order as the wrong one (600 for 700 miljoner)
        if not asked or not any(0.5 <= v / asked[0][1] <= 2 for v in stated_values(quote) if asked[0][1]):
            return None
        return quote, alt.citations[0].page

    def _report_chunks(self, ctx: Context) -> list[IndexedChunk]:
        """The chunks of the report the question is about (all of them when the library holds one)."""
        source = report_source(ctx)
        return [c for c in self.library.index.chunks if source is None or c.meta.get("source") == source]

    def _unstated_amount(self, ctx: Context) -> str | None:
        """An amount the question takes for given that the report (the one asked about) states nowhere."""
        if not AMOUNT_HINT.search(ctx.q.asked):
            return None  # most questions state no amount: no need to read the report for one
        index = self.library.index
        stated = [v for c in self._report_chunks(ctx) for v in index.stated_values(c)]  # read once per index
        return unstated_amount(ctx.q.asked, stated)

    def _unmet_premise(self, ctx: Context) -> str | None:
        """What to say when the question asks why a goal is not met that the report expects to be met."""
        if not NEGATION.search(ctx.q.text):
            return None
        return unmet_premise(self.scorer, ctx.q, self.library.outline(report_source(ctx)))

    def _wrong_sign(self, ctx: Context) -> str | None:
        """What to say when the question calls a surplus the report states a deficit, or the other way round."""
        asked = amounts_in(ctx.q.asked) if AMOUNT_HINT.search(ctx.q.asked) else []
        if not (SURPLUS_SAID.search(ctx.q.asked) or DEFICIT_SAID.search(ctx.q.asked)):
            return None
        if not asked:
            return self._wrong_sign_of_the_whole(ctx)
        _, value, step = asked[0]
        index = self.library.index
        sentences = [(u.text, u.page) for c in self._report_chunks(ctx)
                     if matches_amount(list(index.stated_values(c)), value, step) for u in units_of(c, 0)]
        return wrong_sign(ctx.q.asked, sentences, ctx.q.lang == "sv")

    def _wrong_sign_of_the_whole(self, ctx: Context) -> str | None:
        """What to say when the question takes the board's whole result for a deficit the report states as a
        surplus (or the other way round), naming no amount and nothing but the board: "Stämmer det att
        kommunstyrelsen går mot ett underskott?", "Is the board heading for a deficit?"."""
        q = ctx.q
        deficit = DEFICIT_SAID.search(q.asked) is not None
        if deficit == (SURPLUS_SAID.search(q.asked) is not None) or BOARD not in q.terms:
            return None
        said, asked = (SURPLUS_SAID, DEFICIT_SAID) if deficit else (DEFICIT_SAID, SURPLUS_SAID)
        other = [t for t in q.terms if t != BOARD and not t.isdigit() and t not in SIGN_FRAME
                 and not (SURPLUS_SAID.match(t) or DEFICIT_SAID.match(t) or t in DEVIATION_WORDS)]
        if other:
            return None  # a part or a line of the result ("underskott på lokalkostnaderna"): asked as it is
        where = min(((u.text, u.page) for c in self._report_chunks(ctx) for u in units_of(c, 0)
                     if said.search(u.text) and AMOUNT_HINT.search(u.text) and BOARD in u.stems
                     and not asked.search(u.text)),
                    key=lambda x: x[1], default=None)
        if where is None:
            return None
        if q.lang == "sv":
            return f"Nej, rapporten anger ett {'överskott' if deficit else 'underskott'}: «{where[0]}» (s. {where[1]})"
        return f"No, the report gives a {'surplus' if deficit else 'deficit'}: «{where[0]}» (p. {where[1]})"

    def _unstated_setback(self, ctx: Context) -> str | None:
        """What to say when the question asks why something was cancelled, rejected or delayed and the
        passages on its topic tell of no such thing ("Why was the Öresund metro cancelled?")."""
        if not asks_about_a_setback(ctx.q.asked):
            return None  # most questions ask about no setback: no retrieval for this
        hits = self.library.retrieve(ctx.q.retrieval_query, ctx.filters, k=SETBACK_EVIDENCE,
                                     lexical_query=ctx.q.lexical_query)
        names = sorted(ctx.q.phrases) or [stem(n.lower()) for n in ctx.q.names if self.scorer.in_corpus(n)]
        # no name: the setback must be told with a word of the question's topic ("Förseningen beror …" on Koll
        # Folkhälsa tells nothing of the intranet), not with the setback word alone
        # (the report's own words, "Vilka förseningar redovisas i rapporten?", are no topic: the whole report's)
        topic = names or [t for t, w in ctx.q.terms.items() if w >= 1.0 and len(t) >= 5 and not t.isdigit()
                          and not SETBACK_STATED_ANY.search(t) and not REPORT_WORD.fullmatch(t)]
        # (a passage's heading names what it tells of, when a chunk begins with the setback: «… flyttas
        # beslutsplaneringen från december 2025 till april 2026» under the heading on the minorities' programmes)
        texts = [f"{str(c.meta.get('heading') or '').strip()}. {c.text}" for c, _ in hits]
        return unstated_setback(ctx.q.asked, texts, ctx.q.lang == "sv", topic)

    def _year_never_named(self, q: Question) -> str | None:
        """An earlier year the report never names ("What is the CO2 reduction compared to 1990?"): it tells
        nothing of that year, and a change it states since another year is no answer."""
        index = self.library.index
        held = sorted(int(y) for y in index.years if y.isdigit())
        for y in sorted(q.years):
            if y.isdigit() and held and int(y) < held[0] and index.df.get(y, 0) == 0:
                return f"Rapporten säger inget om {y}." if q.lang == "sv" else f"The report says nothing about {y}."
        return None

    def _another_years_report(self, q: Question) -> str | None:
        """What to say when the question asks what a report of another year says ("the 2024 interim report",
        "årsredovisningen 2024") and the library holds no report of that year; None otherwise."""
        index = self.library.index
        m = REPORT_OF_A_YEAR.search(q.text)
        if m is not None:
            year = m.group(1) or m.group(2)
        elif (m := LAST_YEARS_REPORT.search(q.text)) is not None and (held := [y for y in index.years if y.isdigit()]):
            year = str(int(max(held)) - 1)  # "förra årets delårsrapport": the year before the newest held
        else:
            return None
        owner = re.findall(r"[\wåäöÅÄÖ-]+", q.text[:m.start()])[-1:]
        own = owner[0].lower() if owner else ""
        if own and own not in ACTORS and own.removesuffix("s") not in ACTORS and own not in STOP and len(own) >= 4 \
                and self.scorer.in_corpus(own):
            return None  # another body's report the report tells of: "the storstadspaketet annual report for 2024"
        # the kind of report named too: "årsredovisningen för 2025" is not the interim report of 2025
        if year in index.years and kind_is_held(m.group(0), index.titles):
            return None
        # (of a held year, only the kind of report is missing: say which)
        annual = ANNUAL_REPORT.search(m.group(0)) is not None and year in index.years
        held = ", ".join(f"«{t}»" for t in sorted(index.titles))
        if q.lang == "sv":
            named = f"Årsredovisningen för {year}" if annual else f"Rapporten för {year}"
            return f"{named} finns inte bland de rapporter jag kan svara ur: {held}."
        named = f"The {year} annual report" if annual else f"The {year} report"
        return f"{named} is not among the reports I can answer from: {held}."

    def _final_result_of_an_interim(self, q: Question) -> str | None:
        """What to say when the question asks for the year's final (audited) result and the library holds interim
        reports only: they give a forecast for the full year, which is no final result."""
        if FINAL_RESULT.search(q.text) is None or RESULT_WORD.search(q.text) is None or \
                WHOLE_YEAR.search(q.text) is None or WITHIN_YEAR.search(q.text) is not None or \
                FORECAST_ASKED.search(q.text) is not None:
            return None  # ("det slutliga resultatet av upphandlingen" is no year's result)
        held = {y for y in self.library.index.years if y}
        if held and any(y < min(held) for y in q.years):
            # "between the 2024 outturn and the 2025 forecast": an earlier year's outturn is the report's
            # comparison column (Utfall 2024), not a final result it lacks
            return None
        titles = self.library.index.titles
        if not titles or not all(INTERIM_REPORT.search(t) for t in titles):
            return None
        if q.lang == "sv":
            return "Rapporten är en delårsrapport: den redovisar en prognos för helåret, inget slutligt resultat."
        return "The report is an interim report: it gives a full-year forecast, not a final result."

    def _another_municipality(self, q: Question) -> str | None:
        """The place whose own board, council, report or budget the question asks about ("Göteborgs
        kommunstyrelse", "Gothenburg's interim report") when it is not the reports' own city: a place named in
        a tenth of the passages or more is theirs (Malmö), one the report only mentions is another's."""
        found = [*OTHER_BODY.finditer(q.text), *filter(None, [TOPIC_BODY.match(q.text)]), *CITY_AT_WORK.finditer(q.text)]
        place = next((place for m in found if (place := self._other_place(m)) is not None), None)
        return place or next((w for m in UNNAMED_PLACE.finditer(q.text) if (w := m.group(1)) not in STOP
                              and w not in EN_STOP and (self._lower_case_place(w))), None)

    def _lower_case_place(self, genitive: str) -> bool:
        """A place written in lower case before kommun, stad or region ("lunds kommun", "göteborgs stad") that is
        not the reports' own: one the report never names, or one it names only with a capital, in passing."""
        index = self.library.index
        if not {stem(genitive), stem(genitive[:-1])} & index.df.keys():
            return not index.has_name(genitive.capitalize())
        name = genitive[:-1]
        if index.has_name(name) or index.has_name(genitive) or not index.has_name(name.capitalize()):
            return False  # a common word ("stadens"), or a place the report never writes with a capital
        return not {stem(name), stem(genitive)} & index.common_stems(OWN_PLACE_SHARE)  # not "malmös stad"

    def _acronym(self, q: Question, scope: str, filters: Filters | None = None) -> Answer | None:
        """What an acronym stands for ("Vad står KISA för?", "What does the acronym stand for?"): the sentence
        that spells it out ("… Word Maritime University (WMU)"), or, when the report uses it without ever writing
        it out, a refusal that says so and quotes where it stands. None when the question asks no such thing or
        the report never uses the acronym (then the judge decides, as for any unknown word)."""
        acronym = asked_acronym(q.asked)
        if acronym is None:
            return None
        used = [c for c in self._visible_chunks(filters)
                if re.search(rf"(?<![\wåäö]){re.escape(acronym)}(?![\wåäö])", c.text)]
        if not used:
            return None
        spelled = re.compile(rf"\(\s*{re.escape(acronym)}\s*\)|(?<![\wåäö]){re.escape(acronym)}\s*\((?!\s*\d)")
        units = self.scorer.units_for(q, [(c, 0.0) for c in used])
        found = next((u for u in units if spelled.search(u.text)), None)
        if found is not None:
            answer = self.scorer.compose_answer(q, [found], scope, [])
            answer.shape, answer.confidence = "fact", 1.0
            return answer
        best = next((u for u in units if names_it((acronym,), u.text)), None)
        return self._untold_but_used(
            q, scope, best, (f"Rapporten skriver inte ut vad {acronym} står för.", "Den nämner det bara så här:"),
            (f"The report does not spell out what {acronym} stands for.", "It only mentions it like this:"))

    def _untold_but_used(self, q: Question, scope: str, used: Unit | None, sv: tuple[str, str],
                         en: tuple[str, str]) -> Answer:
        """A refusal that says what the report does not tell (an acronym's words, a term's meaning) and quotes
        where it uses the thing: (what is untold, how the quote is introduced) in Swedish and in English."""
        untold, lead = sv if q.lang == "sv" else en
        page = "s." if q.lang == "sv" else "p."
        told = untold + (f" {lead} «{used.text}» ({page} {used.page})" if used else "")
        return self._refusal(q, scope, [], "out_of_scope", told, 1.0)

    def _visible_chunks(self, filters: Filters | None) -> list[IndexedChunk]:
        """The chunks of the reports a question may quote: its chosen report, and never another user's upload."""
        index = self.library.index
        visible = index.visible(filters.viewer if filters else None)
        source = filters.source if filters else None
        return [c for c in index.chunks if (visible is None or c.meta.get("source") in visible)
                and (source is None or c.meta.get("source") == source)]

    def _term_meaning(self, q: Question, scope: str, filters: Filters | None, threshold: float | None) -> Answer | None:
        """What a word means ("Vad betyder kommunbidrag?"): the report's sentence that says what it is; else, when a
        heading names it, that part summarised ("uppsiktsplikt": «Uppföljning av kommunstyrelsens uppsiktplikt»);
        else a refusal that says the report does not explain it and quotes how it uses it. None when the question
        asks no such thing, or the report never writes the term as one word or phrase (the judge decides)."""
        term = asked_term(q.asked)
        if term is None:
            return None
        parts = term.split()
        if not all(self.scorer.stem_in_corpus(stem(w)) for w in parts):
            return None
        # the term as the report writes it: its words in a row, each inflected, the last also as a compound's head
        written = r"\s+".join(re.escape(stem(w)) + r"[\wåäö]{0,4}" for w in parts)  # (an ending, not a compound)
        own = re.compile(rf"(?i)(?<![\wåäö-]){written}(?![\wåäö-])")
        anywhere = re.compile(rf"(?i)(?<![\wåäö]){written}|{re.escape(stem(parts[-1]))}[\wåäö]*(?![\wåäö])"
                              if len(parts) > 1 else rf"(?i)[\wåäö]*{written}")
        chunks = [c for c in self._visible_chunks(filters) if own.search(c.text)]
        if not chunks:
            return None
        units = self.scorer.units_for(q, [(c, 0.0) for c in chunks])
        defining = re.compile(rf"(?i)^\W*(?:(?:ett|en|den|det|de|begreppet|termen|så kallad\w*)\s+)?{written}"
                              rf"(?:\s+\w+)?\s+{DEFINING_VERB}(?![\wåäö])|(?<![\wåäö])med\s+(?:ett\s+|en\s+)?{written}"
                              rf"\s+(?:avses|menas)(?![\wåäö])")
        found = next((u for u in units if not u.is_row and defining.search(u.text)), None)
        if found is not None:
            answer = self.scorer.compose_answer(q, [found], scope, [])
            answer.shape, answer.confidence = "fact", 1.0
            return answer
        if len(parts) > 1:
            return None  # a phrase the report writes but never defines: as any question
        def names_the_term(heading: str) -> bool:  # its last word the term: «… kommunstyrelsens uppsiktplikt»
            content = [w for w in words(heading) if w not in STOP]
            return bool(content) and _same_compound(stem(content[-1]), stem(parts[0]))
        headed = next((c for c in self._visible_chunks(filters)
                       if any(names_the_term(h) for h in str(c.meta.get("section") or "").split(" › "))), None)
        sv = q.lang == "sv"
        if headed is not None:
            summary = self._answer(f"Sammanfatta {term}" if sv else f"Summarise {term}", None, filters, q.lang,
                                   threshold)
            if not summary.refused and summary.shape == "summary":
                lead = (f"Rapporten förklarar inte ordet «{term}», men ett avsnitt handlar om det." if sv else
                        f"The report does not define «{term}», but one part of it is about it.")
                return replace(summary, question=q.asked, answer=f"{lead} {summary.answer}")
        # how it is used: a sentence of some length that has the word itself, not a row or a compound it begins
        used = sorted((u for u in units if anywhere.search(u.text)), key=lambda u: (
            not u.is_row, own.search(u.text) is not None, len(u.text.split()) >= 12, u.score), reverse=True)
        return self._untold_but_used(
            q, scope, next(iter(used), None),
            (f"Rapporten förklarar inte vad «{term}» betyder.", "Den använder ordet till exempel så här:"),
            (f"The report does not explain what «{term}» means.", "It uses the word like this, for example:"))

    def _unknown_subject(self, q: Question) -> str | None:
        """The one a question makes its subject ("Has Helsingborg won …?", "hur stor obligation har helsingborg gett
        ut") when the report never mentions it: whatever the report says of Malmö is no answer about it. English
        subjects count with a capital only (a lower-case word may be one the glossary lacks)."""
        asked = self.scorer.with_swedish_letters(as_swedish_letters(q.asked))  # ("Koll Folkhalsa": «Folkhälsa»)
        for m in SUBJECT_AFTER_VERB.finditer(asked):
            word = m.group(1)
            more = re.match(r"(?:\s+[A-ZÅÄÖ][\wåäö-]+)+", asked[m.end(1):]) if word[:1].isupper() else None
            if more and not self.library.index.has_name(word + more.group(0)) and any(
                    not self.scorer.in_corpus(w.lower()) and not self.library.index.has_name(w)
                    and not translate(w.lower()) for w in more.group(0).split()):  # ("Copenhagen Municipality")
                return word + more.group(0)  # "did Malmö FF get …": a name the report has only the first word of
            low = word.lower()
            written = m.group(0).split()[-1]  # the whole word: "precis", not the genitive "preci"+"s" it may be read as
            if low in STOP or low in EN_STOP or low in ACTORS or len(low) < 4 or word.isupper() \
                    or written.lower() in STOP:
                continue
            # (a Swedish word in lower case is the subject when a participle follows: "har helsingborg gett ut",
            # not in "har hänt", "har skaffat")
            if not word[:1].isupper() and (q.lang == "en" or not PARTICIPLE_NEXT.match(q.asked[m.end():])
                                           or PARTICIPLE_NEXT.fullmatch(word) or written.endswith(NO_NOUN_ENDINGS)):
                continue  # (nor a participle, superlative or adverb: "har hört att", "har lägst", "har sammanlagt")
            if q.lang == "en" and translate(low):
                continue
            if self.scorer.known_word(low) or self.scorer.stem_in_corpus(stem(low)) or self._definite_of_known(low) \
                    or self.library.index.has_name(word) or self.scorer.exonym(low) or self._with_e_dropped(low) \
                    or self._of_report_words(low) or (q.lang == "sv" and self.scorer.correct_typos(low) != low):
                continue  # (a typo of the report's word is no stranger: "fulmäktige")
            return word + (more.group(0) if more else "")  # as written ("Katrin Stjernfeldt Jammeh", "helsingborg")
        return None

    def _never_named_committee(self, q: Question) -> str | None:
        """A committee the report never names ("Hur gick det för grundskolenämnden med dess mål?"): the report is
        the executive board's, and what it says of its own goals is no answer about another committee's."""
        for m in COMMITTEE_WORD.finditer(q.asked):
            word = m.group(0).lower()
            base = re.sub(r"(?:ens|en|s)$", "", word)
            if not self.scorer.stem_in_corpus(stem(word)) and not self.scorer.stem_in_corpus(base):
                return m.group(0)
        return None

    def _never_named_place(self, q: Question) -> str | None:
        """A municipality or city (assistant/data/places.txt) that the report never names, anywhere in the question
        ("Hur står sig Malmö mot Helsingborg …?"): what the report says of Malmö is no answer about it. A word in
        lower case counts when it is no word of the report's or of English ("helsingborg", not "vara")."""
        index = self.library.index
        # ("Københavns Kommune" is «Köpenhamns kommun»; "Since I deal a lot with Brussels, …" is an aside)
        asked = as_swedish_letters(q.asked)
        kept = without_asides(asked)
        actor = NAME_ACTING.search(asked)
        acting = next((g for g in actor.groups() if g), "").lower() if actor else ""
        for m in PLACE_WORD.finditer(asked):
            token = re.sub(r"['’]s$", "", m.group(0))
            written = next((w for w in (token, token[:-1] if token.endswith("s") else "") if w.lower() in PLACES),
                           None)
            if written is None or not re.search(rf"(?<![\wåäö]){re.escape(m.group(0))}(?![\wåäö])", kept) \
                    or ASKERS_PLACE.search(asked[:m.start()]) or told_of_the_asker(asked, m):
                continue  # (where the asker is: "Vi i Umeå håller på att …", "I am from Finland, city council of Tampere")
            low = written.lower()
            # (a shorter one where the question makes it the one who acts: "vad gör lund för klimatet")
            letters = PLACE_LETTERS - 1 if low == acting else PLACE_LETTERS
            if not written[:1].isupper() and (len(low) < letters or low in STOP or low in EN_STOP or translate(low)):
                continue
            name = low[:1].upper() + low[1:]
            # (a word of the report, "Vara" is «vara»; the one acting must be a word of its own, not the part of a
            # compound: «MalmöLundregionen» names no Lund that does anything)
            known = stem(low) in index.df if low == acting else self.scorer.stem_in_corpus(stem(low))
            if known or self.scorer.exonym(low) or index.has_name(name):
                continue
            return name
        return None

    def _of_report_words(self, word: str) -> bool:
        """A compound of two words the report has, however short ("flygutsläppen": «flyg», «utsläppen»): the
        report may tell of the thing in other words, so it is no name the report never mentions."""
        df = self.library.index.df
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            heads = {stem(head), stem(head[:-1])} if head.endswith("s") else {stem(head)}
            # (the head as a word of its own, or, when long, as the first part of the report's compounds:
            # «visselblåsarfunktionen» for "visselblåsarärendena")
            if (heads & df.keys() or (len(head) >= 6 and any(k.startswith(head) for k in df))) and stem(tail) in df:
                return True
        return False

    def _said_together(self, first: str, second: str) -> bool:
        """Whether some passage has a word starting with `first` right before one starting with `second` (stems:
        «gröna obligationer» for grön, obligation)."""
        return self.library.index.has_match(rf"(?<![\wåäö]){re.escape(first)}[\wåäö]*\s+{re.escape(second)}")

    def _inflected_as_adjective(self, word_stem: str) -> bool:
        """Whether the reports write the stem with an adjective's -a («gröna», «sociala», «nationella»)."""
        return self.library.index.has_match(rf"(?<![\wåäö]){re.escape(word_stem)}a(?![\wåäö])")

    def _definite_of_known(self, word: str) -> bool:
        """A short noun in its definite form ("elen" of «el», "vattnet" is not this), the stemmer leaves whole: the
        report's word, not a stranger."""
        return any(word.endswith(end) and len(word) - len(end) >= 2 and word[:-len(end)] in self.library.index.df
                   for end in ("en", "et", "n", "t"))

    def _with_e_dropped(self, word: str) -> bool:
        """A plural that drops the e of its singular's last syllable ("förmånscyklarna" of «förmånscykel», "regler"
        of «regel»), which the stemmer does not bring back."""
        t = stem(word)
        singular = e_dropped_form(t)
        return singular is not None and len(singular) > len(t) and self.scorer.stem_in_corpus(singular)

    def _met_later(self, q: Question) -> str | None:
        """Whether something will be met or reached by a year after the report's own ("Kommer staden att klara
        riktvärdet 30 medarbetare per chef till 2030?", "Will Malmö reach climate neutrality by 2030?"): the report
        tells the target and this year's assessment, not whether a later year will see it met."""
        m = MET_BY_YEAR.search(q.text)
        held = sorted(int(y) for y in self.library.index.years if y.isdigit())
        if m is None or not held or int(m.group(1)) <= held[0]:
            return None
        if q.lang == "sv":
            return f"Rapporten beskriver läget {held[0]} och förutsäger inte hur det blir {m.group(1)}."
        return f"The report describes the situation in {held[0]} and does not predict the outcome for {m.group(1)}."

    def _later_year(self, q: Question) -> str | None:
        """The goals' assessment asked for a year after the report's: the report assesses its own year only."""
        held = sorted(int(y) for y in self.library.index.years if y.isdigit())
        later = sorted(y for y in q.years if y.isdigit() and held and int(y) > held[-1]
                       and not self._year_of_a_name(q.text, y))
        if not later:
            return None
        if q.lang == "sv":
            return f"Rapporten bedömer målen för {held[-1]}; om {later[0]} säger den inget."
        return f"The report assesses the goals for {held[-1]}; it says nothing about {later[0]}."

    def _year_of_a_name(self, text: str, year: str) -> bool:
        """A year that is part of a name the report writes ("Agenda 2030", "EM i Handboll 2026"): no time asked."""
        m = re.search(rf"([\wåäöÅÄÖ-]+)\s+{year}\b", text)
        return m is not None and m.group(1)[0].isupper() and self.library.index.has_phrase(f"{m.group(1).lower()} {year}")

    def _name_acting(self, q: Question) -> tuple[str, ...]:
        """The report's spellings of a name the question makes the one who acts ("Vad gör Göteborg …", "What is
        Gothenburg doing …") when the report only mentions it: not its own city or board, nor a common word. A
        lower-case place the report never names ("lunds kommun") is another municipality: refused before."""
        m = NAME_ACTING.search(q.text)
        if m is None:
            return ()
        return self._named_in_passing(next(g for g in m.groups() if g), next(iter(q.text[m.end():].split()), ""))

    def _named_in_passing(self, written: str, after: str) -> tuple[str, ...]:
        """The report's spellings of a name as written in a question, when the report only mentions it (see
        _name_acting); `after`: the question's next word (a name of several words is a thing, not a place)."""
        name = written.lower()
        index = self.library.index
        if name in STOP or name in ACTORS or index.has_name(name) or index.has_name(f"{written} {after}"):
            return ()  # (a name of several words, "Allmänna arvsfonden", is a thing, not a place)
        capital = written[:1].upper() + written[1:]
        if not any(re.search(r"[\wåäö,] " + re.escape(capital) + r"(?![\wåäö])", c.text)
                   for c in index.chunks if capital in c.text) and not self.scorer.exonym(name):
            return ()  # a common noun that opens a sentence of the report ("Avtalet med …") is no name
        own = index.common_stems(OWN_PLACE_SHARE)
        if stem(name) in own or (name.endswith("s") and stem(name[:-1]) in own):
            return ()  # the report's own city: "Malmös sociala obligation"
        spellings = tuple(x for x in (x[:1].upper() + x[1:] for x in (written, *self.scorer.exonym(name)))
                          if index.has_name(x) or index.has_name(f"{x}s"))
        if not spellings or {stem(x.lower()) for x in spellings} & own:
            return ()
        return spellings

    def _place_named_in_passing(self, q: Question, comp: Composition) -> tuple[str, ...] | None:
        """Another municipality or city the question asks about, when the report names it only in passing and
        the cited sentences naming it hold none of the question's other content words (what is asked of it)."""
        if WITH_PARTNER.search(q.text):
            return None  # "Vad gör Malmö tillsammans med Göteborg?": the work together is the report's own
        own = self.library.index.common_stems(OWN_PLACE_SHARE)
        for m in PLACE_WORD.finditer(q.text):
            if AT_A_PLACE.search(q.text[:m.start()]):
                continue  # where something happens, not the place's own doing: "mötet i Tokyo", "held in Copenhagen"
            token = re.sub(r"['’]s$", "", m.group(0))
            written = next((w for w in (token, token[:-1] if token.endswith("s") else "") if w.lower() in PLACES),
                           None)
            if written is None:
                continue
            spellings = self._named_in_passing(written[:1].upper() + written[1:], "")
            if not spellings:
                continue
            if RANKED_AGAINST.search(q.text):
                return spellings  # "är göteborg bättre på klimatet än malmö": the report ranks no city against Malmö
            place_stems = {stem(x.lower()) for x in (written, *spellings)}
            asked = [t for t, w in q.terms.items() if w >= 1.0 and len(t) >= ASKED_WORD_MIN and not t.isdigit()
                     and t not in AMBIENT_ACTORS and t not in STOP and t not in CUE_WORDS and t not in PLACES
                     and not {t, stem(t)} & place_stems and not {t, t.removesuffix("s")} & own]
            # (a word about the report is the other place's own thing when it is theirs: "deras delårsrapport")
            asked += [stem(m.group(1).lower()) for m in THEIR_THING.finditer(q.text)]
            naming = [c for c in comp.citations if names_it(spellings, c.quote)]
            if not asked or not naming:
                continue
            if not any(term_hit(q, t, {stem(w) for w in words(c.quote)}, c.quote.lower())
                       for c in naming for t in asked):
                return spellings
        return None

    def _only_mentioned(self, q: Question, spellings: tuple[str, ...]) -> str:
        """A refusal that says where the report does name the one the question asks about."""
        units = self.scorer.units_for(q, [(c, 0.0) for c in self.library.index.chunks if names_it(spellings, c.text)])
        named = [u for u in units if names_it(spellings, u.text)]
        best = max(named, key=lambda u: u.coverage, default=None)
        who = spellings[0]
        once = len({u.chunk.id for u in named}) == 1  # "only here" when it is; else one of its mentions
        if q.lang == "sv":
            head = f"Rapporten svarar inte på det för {who}."
            where = "bara här" if once else "bland annat här"
            return head + (f" Den nämner {who} {where}: «{best.text}» (s. {best.page})" if best else "")
        head = f"The report does not answer this for {who}."
        where = "only here" if once else "for example here"
        return head + (f" It names {who} {where}: «{best.text}» (p. {best.page})" if best else "")

    def _other_place(self, m: re.Match[str]) -> str | None:
        """The place a match of OTHER_BODY, TOPIC_BODY or CITY_AT_WORK names, when it is another municipality."""
        written = next(g for g in m.groups() if g)
        name = written.lower()
        if written == name and not self.scorer.exonym(name) and not self.library.index.has_name(name.capitalize()) \
                and name not in PLACES:
            return None  # a word in lower case is a place only if the report writes it as one ("drogs kommunbidraget")
        if self.library.index.has_name(name) or self.library.index.has_name(f"{name}s"):
            return None  # a common word the report writes in lower case ("Kommunens delårsrapport")
        exonym = self.scorer.exonym(name)
        if stem(name) in self.library.index.df and not exonym and name not in PLACES \
                and not self.library.index.has_name(written.capitalize()):
            return None  # a report word in its definite form, capitalised: "Stadsdirektörens budget" (the row
            # «Stadsdirektör»), no place
        if m.re is OTHER_BODY and m.group(2) and translate(name) and not exonym:
            return None  # an English word, not a place: "the City Office's forecast"
        places = {stem(x) for x in (name, *exonym)}
        return None if places & self.library.index.common_stems(OWN_PLACE_SHARE) else name

    def _no_such_part(self, ctx: Context) -> str | None:
        """What to say when the question names a goal area the report has not got; None when it names none
        or one the report has."""
        if named_area(ctx.q.text) is None:
            return None
        source = report_source(ctx)
        outline = self.library.outline(source)
        name = missing_goal_area(self.scorer, ctx.q, outline.get("goal_areas", []))
        return no_such_area(name, outline, source or "", ctx.q.lang == "sv") if name else None

    def _compose(self, ctx: Context, shape: str) -> tuple[Composition, str, Proposal | None, Question]:
        """The composition of a shape (and the question as it was read for it); outline and summary fall
        back when they cannot resolve."""
        q = ctx.q
        if shape == "outline":
            comp = compose_outline(ctx)
            if comp is not None:
                return comp, "outline", None, q
            # "Sammanfatta … måluppfyllelse och ekonomi": a summary of more than the goals is a summary
            shape = "summary" if SUMMARY.search(q.text) else "brief" if BRIEF.search(q.text) else "fact"
        if shape == "page":
            return compose_page(ctx), "page", None, q
        if shape == "summary":
            comp = compose_summary(ctx)
            if comp.citations and (comp.certain or comp.rule_ok):
                return comp, "summary", None, q
            # a topic, not a part of the report: brief on what the report says about it, searched by the
            # topic alone ("Sammanfatta läget för klimatarbetet" otherwise finds the report's Sammanfattning)
            shape = "brief"
            q = about_the_topic(q)
            ctx = replace(ctx, q=q)
        if shape == "brief" and not q.followup and (
                section_for_brief(on_topic := replace(ctx, q=without_cue_words(q))) is not None
                or goal_for_brief(on_topic) is not None):
            # a section named whole, or a goal named only by its title: each of its subsections, as its summary does
            comp = compose_summary(on_topic)
            if comp.citations:
                return comp, "brief", None, on_topic.q
        k = self.library.settings.top_k * WIDER_EVIDENCE.get(shape, 1)
        if shape in OPEN_SHAPES:
            topic, wide = without_cue_words(q), without_cue_words(q, keep_subject=True)
            for asked in (topic, wide) if topic.terms != wide.terms else (topic,):
                q = self.scorer.compound_of_parts(asked)
                ctx = replace(ctx, q=q)
                proposal = self.scorer.propose(q, ctx.filters, k)
                comp = compose_points(ctx, proposal.units, shape, proposal.hits)
                if any(u.coverage >= OPEN_MIN_COVERAGE for u in comp.evidence[:1]):
                    break  # the topic alone found its points; else the report's subject is asked about too
            return comp, shape, None, q
        proposal = self.scorer.propose(q, ctx.filters, k)
        if proposal.unnamed is not None:
            listed = listed_in_table(ctx, proposal.unnamed, proposal.hits) if proposal.untold == "name" else None
            if listed is not None:  # the names follow in a table
                return listed, "brief", None, q
            return Composition(unnamed_answer(proposal.unnamed, q.lang, proposal.untold), [], [], False, proposal.hits,
                               refused=True, certain=True), "fact", None, q
        lead_in = self.scorer.listing_table(q, proposal.units)
        if lead_in is not None and (listed := listed_in_table(ctx, lead_in, proposal.hits)) is not None:
            return listed, "brief", None, q  # the table after the lead-in lists what was asked for
        if not proposal.chosen:
            return Composition("", [], [], False, proposal.hits), "fact", None, q
        if period_missing(q, proposal.chosen[0]) and (in_period := self._in_the_period(q, proposal)) is not None:
            proposal = replace(proposal, chosen=[in_period, *self.scorer.companions(q, in_period, proposal.units)])
        if (row := self._figure_of_the_lead_in(q, proposal.chosen[0])) is not None:
            proposal = replace(proposal, chosen=[proposal.chosen[0], row])
        comp = Composition("", [self.scorer.citation(i + 1, u) for i, u in enumerate(proposal.chosen)],
                           proposal.chosen, proposal.rule_ok, proposal.hits)
        return comp, "fact", proposal, q

    def _figure_of_the_lead_in(self, q: Question, best: Unit) -> Unit | None:
        """An amount asked, answered by the sentence that introduces a table and gives no figure itself ("How large
        is the municipal grant after the changes?": «Under året … har följande förändringar av kommunbidraget
        beslutats.»): the table's row that holds most of the question, with its figure. None otherwise."""
        if q.kind != "amount" or best.is_row or amounts_in(best.text):
            return None
        table = introduced_table(best, self.library.index.chunks)
        if table is None:
            return None
        rows = [u for u in self.scorer.units_for(q, [(c, 0.0) for c in self.scorer.table_chunks(table)])
                if u.is_row and amounts_in(u.text)]
        return max(rows, key=lambda u: u.coverage, default=None)

    def _in_the_period(self, q: Question, proposal: Proposal) -> Unit | None:
        """A sentence among the best that states a figure for the months asked, when the chosen one does not:
        "stadskontorets utfall jan–aug, fördelning KB resp SF/IF" chose the grant's row (KB), the sentence
        «Stadskontorets ekonomiska utfall för perioden januari-augusti uppgår till 32,8 Mkr» holds the period."""
        if MONTH_RANGE.search(q.text) is None:
            return None
        best = proposal.chosen[0]
        return next((u for u in proposal.units[:PERIOD_ALTERNATIVES] if u is not best and u.type_ok
                     and u.kind_fit >= 1.0 and u.coverage >= PERIOD_COVERAGE * best.coverage
                     and all(y in with_its_table(u) for y in q.years
                                                            if y != str(u.chunk.meta.get("year") or ""))
                     # (a breakdown asked follows the sentence: «Detta är uppdelat på» and its bullets)
                     and not any(mismatch(q, u) for mismatch, kind in FACT_MISMATCHES if kind != "breakdown")), None)

    # -- the judge's view -----------------------------------------------------
    def _known_stem(self, q: Question) -> Callable[[str], bool]:
        """Whether the reports have a question's stem (or read as report words: "löner" as «Lönekostnader»)."""
        return lambda t: self.scorer.stem_in_corpus(t) or any(self.scorer.stem_in_corpus(a)
                                                              for a in q.alternatives.get(t, ()))

    def features(self, q: Question, shape: str, comp: Composition) -> Features:
        """Facts about the question and the chosen evidence (see assistant/answer/judge.py)."""
        index = self.library.index
        stem_known = self._known_stem(q)
        evidence: list[Unit] = comp.evidence
        if shape == "fact" and evidence:
            add_dense(Context(self.library, self.scorer, q, None), evidence[:1])
        stems_of_evidence: set[str] = set()
        for u in evidence[:3]:
            stems_of_evidence |= u.stems | u.context
        covs = sorted((u.coverage for u in evidence), reverse=True)
        sims = sorted(getattr(comp.hits, "dense_similarity", {}).values(), reverse=True)
        first = evidence[0] if evidence else None
        values = {
            "coverage": comp.coverage if comp.coverage is not None else (covs[0] if covs else 0.0),
            "coverage2": covs[1] if len(covs) > 1 else (covs[0] if covs else 0.0),
            "vocab": vocabulary_coverage(q, stem_known, self.scorer.idf),
            "missing_rare": missing_rare(q, stems_of_evidence, lambda t, st: term_hit(q, t, st), self.scorer.idf,
                                         stem_known, len(index.chunks)) if evidence else 1.0,
            "unknown_name": float(unknown_names(q, self.scorer.in_corpus)),
            "unknown_focus": float(self.scorer.unknown_focus(q)),
            "dense_margin": (sims[0] - sims[min(4, len(sims) - 1)]) if sims else 0.0,
            "unit_dense": first.dense if first else 0.0,
            "kind_fit": first.kind_fit if first else 0.0,
            "rule": float(comp.rule_ok),
            "english": float(q.lang == "en"),
            "open": float(shape in OPEN_SHAPES),
            "followup": float(q.followup),
        }
        english = values["english"]
        values["en_coverage"] = english * values["coverage"]
        values["en_unit_dense"] = english * values["unit_dense"]
        values["en_missing_rare"] = english * values["missing_rare"]
        # a paraphrase's evidence is close in meaning even when a topic word is new ("oseriösa leverantörer"
        # quoted on välfärdsbrottslighet): then the embedding vouches and the unknown word does not count
        values["open_unknown_topic"] = 0.0
        # (the words for the kind of summary, "huvudbudskapen", "i några punkter", are no topic; nor the setback a
        # why asks about: "Varför har programmen … skjutits upp?")
        topic = {stem(w) for w in words(topic_words(q.text)) if not SETBACK_VERB.fullmatch(w)} - CUE_WORDS \
            if values["open"] else set()
        if values["open"] and q.lang == "en":  # an English topic is searched in its Swedish renderings
            topic |= english_topic(q)
        # the embedding vouches for a paraphrase of a topic the report has, not for a topic of only unknown words
        # ("Hur har sjukfrånvaron utvecklats jämfört med 2024?" is close to every comparison with 2024)
        content = {t for t in topic if t in q.terms and len(t) >= 4 and not t.isdigit() and t not in STOP}
        all_unknown = bool(content) and not any(stem_known(t) for t in content)
        # nor for a thing the question names by a definite noun the report never uses ("minska köerna till
        # förskolan" quotes the preschools' public-health work: the report knows förskolan, not köerna)
        nouns = {t for t in definite_nouns(q, topic) if t in q.terms and not stem_known(t)}
        vouched = values["unit_dense"] >= VOUCHED_DENSE and not all_unknown
        if values["open"] and (not vouched or nouns):
            quoted = stems_of_evidence.union(*(u.stems | u.context for u in evidence[3:]))
            values["open_unknown_topic"] = float(unknown_topic(
                q, nouns if vouched else topic, quoted, lambda t, st: term_hit(q, t, st), stem_known,
                lambda p: p in index.df, nouns, lambda p: index.substring_df(p) > 0))
        values["missing_rare"] = (1 - english) * values["missing_rare"]
        return Features(values)

    def _refusal(self, q: Question, scope: str, retrieved: list[dict], shape: str, text: str | None,
                 confidence: float) -> Answer:
        body = text or (REFUSAL_SV if q.lang == "sv" else REFUSAL_EN)
        return Answer(question=q.asked, answer=body, refused=True, citations=[], lang=q.lang, scope=scope,
                      retrieved=retrieved, shape="out_of_scope" if shape != "page" else "page",
                      confidence=confidence)


def english_topic(q: Question) -> set[str]:
    """The Swedish search words of an English open question's topic: its search words less the renderings of the
    words that chose its shape ("Why did school results decline?" is about «skolresultat»; "why" and "decline" are
    its shape and its change). The topic is read in English, the report in Swedish, so without this an English
    topic the report never names is never found unknown."""
    kept = set(words(topic_words(q.text)))
    shape_words = [w for w in words(q.text) if w not in kept]
    rendered = {stem(x) for w in shape_words for tr in translate(w) for x in tr.swedish[0].split()}
    return {t for t in q.terms if t not in rendered} - CUE_WORDS
