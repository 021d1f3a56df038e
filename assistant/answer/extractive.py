"""A grounded answerer without an LLM: it picks the sentences or table rows
that answer the question and quotes them with numbered citations, or says
that the report does not answer.

How it decides, in short:
1. retrieve chunks (hybrid) for the question (joined with the previous one
   for a short follow-up);
2. split them into units (sentences, table rows) and score each unit by the
   IDF-weighted share of question terms it covers (its heading counts too),
   whether it holds the kind of answer asked for (an amount, a count, a
   date, a name …) and the chunk's retrieval rank;
3. refuse unless the best unit covers the question well enough, holds the
   asked-for kind of answer, and matches the question's years and names.
Questions about the report's structure (which goal area, which goals, the
assessment of a goal) are answered from the parsed outline.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from assistant.answer.library import Library
from assistant.answer.question import (
    ADJECTIVE_ENDING,
    AMBIENT_ACTORS,
    IS_IT_TRUE,
    KIND_NOUNS,
    MEASURE_KINDS,
    MONTHS,
    NUMBER_WORDS,
    PLACES,
    POLAR,
    PURPOSE_ASKED,
    PURPOSE_NOUN_ASKED,
    REPORT_OF_A_YEAR,
    SWEDISH_GLOSS_WEIGHT,
    TOTAL_WORDS,
    Question,
    analyse,
    as_asked_first,
    compound_topic,
    detect_lang,
    either_or,
    kind_is_held,
    names_a_thing,
    proper_names,
)
from assistant.answer.route import (
    NUMBER_NAMES,
    PER_ROW_ASKED,
    REFERS_BACK,
    SPLIT_ASKED,
    STUDY_NOUNS_EN,
    split_part_compound,
    without_length_request,
)
from assistant.answer.tables import (
    BOUND_WORDS,
    LARGEST,
    PLURAL_ASKED,
    RANKED_ROWS,
    SMALLEST,
    TOTAL,
    extreme_rows,
    introduced_table,
    parse_row,
    ranked_count,
    selection_words,
    wants_extreme,
)
from assistant.glossary import EN_WORD, swedish_words_typed_plain, translate
from assistant.models import Answer, Citation, Filters, Turn
from assistant.numbers import amounts_in, find_quantities
from assistant.retrieval import Hits, IndexedChunk
from assistant.textproc import (
    EN_STOP,
    STOP,
    SWEDISH_LETTERS,
    VOWELS,
    as_swedish_letters,
    ascii_function_words,
    one_edit,
    similarity,
    spoken_numbers,
    stem,
    terms,
    without_chat_things,
    words,
    you_as_the_board,
)
from ingest.chunking import is_label, split_sentences

REFUSAL_SV = "Det framgår inte av rapporten."
REFUSAL_EN = "The report does not say. (Det framgår inte av rapporten.)"
MIN_COVERAGE = 0.5
# a sentence holding all of a name question but no name, which the answer's sentence falls short of (dev split:
# 5 near-misses refused, no answerable name question touched; at 0.75 a policy asked "called" was refused)
NAMELESS_COVERAGE, NAMELESS_MARGIN = 0.9, 0.15
NAMELESS_ROLE_COVERAGE = 0.7  # ... or this share, holding the role asked for that the quoted name stands beside none of
COLUMN_ASKED_WEIGHT, COLUMN_ASKED_LABEL = 0.15, 0.5  # a row the question names by most of its label, and one
# of its columns by the column's header
COLUMNS_NAMED_WEIGHT, COLUMNS_NAMED_MIN = 0.3, 3  # a row whose column headers the question names (three: at two,
# "the full-year forecast surplus" named «Helårsprognos» and «Avvikelse» of a table other than the one asked about)
# a column's header in a flattened row: the word before its figure («Prognos DR -14 784 tkr»)
COLUMN_HEAD = re.compile(r"(?:^|,)\s*([A-Za-zÅÄÖåäö][\wåäö-]+)")
# words between a superlative and its noun: «den största enskilda osäkerheten»
SUPERLATIVE_MODIFIERS = frozenset({"enskilda", "enskild", "enskilt", "enda", "single", "individual"})
RARE_IDF = 3.5  # a word in five passages or fewer: a passage without it is about something else
ACTING_BODY = re.compile(r"\b(stadskontoret|kommunstyrelsen|styrelsen|kommunfullmäktige|[a-zåäö]+nämnden|"
                         r"[a-zåäö]*förvaltningen|[a-zåäö]*enheten|[a-zåäö]*avdelningen)\b")
FOLLOWUP_TOPIC = 0.3  # how much of the previous question a follow-up pointing back to it must meet
WHO_ACTS = re.compile(r"(?i)^\s*(?:vem|who)\s+(?!är\b|var\b|is\b|are\b|was\b|were\b)")  # who does, not who is
WHO_VERB = re.compile(r"(?i)^\s*vem\s+([a-zåäö]{3,})\b")  # the verb of a Swedish "who does" question
# who a thing is for ("Vem riktar sig materialet till?", "Vilka är målgruppen?", "Who is it aimed at?"), and where the
# report tells it
TARGET_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:rikta[rst]?\s+(?:sig\s+)?(?:\w+\s+){0,4}?till|riktat till|riktad till|"
                          r"målgrupp\w*|för vem|vem är (?:\w+\s+){1,4}till för|aimed at|targeted at|target(?:ed)? group|"
                          r"intended for|who is (?:\w+\s+){1,4}for)(?![\wåäö])")
TARGET_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:rikta[dst]?e?\s+(?:sig\s+)?(?:\w+\s+){0,2}?till|riktas till|riktar sig till|"
                         r"målgrupp\w*)(?![\wåäö])")
# what a study or a follow-up showed ("What did the evaluation … show?", "Vad visade utvärderingen?"), and where the
# report tells it
# how a study or a test went: "Hur gick utvärderingen av …?", "How did the evaluation go?" (what it found)
STUDY_WENT = (r"^\s*hur\s+(?:gick|föll)\s+(?:\w+\s+)?(?:utvärdering\w*|undersökning\w*|mätning\w*|uppföljning\w*|"
              r"enkät\w*|test\w*|pilot\w*|försök\w*)"
              rf"|^\s*how\s+did\s+(?:the\s+)?(?:\w+\s+)?{STUDY_NOUNS_EN}\b.*\b(?:go|turn out)\b")
FINDING_ASKED = re.compile(r"(?i)^\s*(?:what|vad)\b.*\b(?:show|showed|shown|reveal|revealed|find|found|conclude|"
                           r"visade|visar|visat|kom fram till)\b"
                           r"|" + STUDY_WENT)
FINDING_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:visade|visar|visat|framkom|framgick|konstater\w*|kom fram till|"
                          r"pekar på|tyder på)(?![\wåäö])")
PURPOSE_NOUN_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:för att|i syfte att|syftar till|syftet|syfte|ändamål\w*|in order to)"
                               r"(?![\wåäö])")
TARGET_UNTOLD = 0.5  # a sentence on the thing that does not say whom it is for (or what it showed)
# the report's other words for a "who" question's verb, by the verb's starts (working together; paying; leading;
# drawing up)
VERB_TOLD_AS = ((("sam",), re.compile(r"samarb|samverk|tillsammans med")),
                (("finansi", "betal"), re.compile(r"medel från|bidrag från|finansi|bekosta")),
                (("led",), re.compile(r"(?<![\wåäö])(?:leder|ledde|lett|letts|leds|ledd|ledda)(?![\wåäö])")),
                (("tog", "tar", "tag"), re.compile(r"framtag|(?<![\wåäö])(?:tar|tog|tagit|tagits|tas|tagen|taget|tagna)"
                                                   r"(?![\wåäö])")))
# (leda's and ta's forms the stemmer does not bring to one stem: «… lett en delegation …», «… en rapport framtagen
# av …», «… tagit emot japanska journalister …»)
KIND_WEIGHT = 0.4
COMMON_NAME_SHARE = 0.2  # a word in this share of chunks is the report's subject, not an answer's name
ALSO_ANSWERS = 0.9  # another report's passage scoring this close to the chosen one answers too
WINNER_MIN, WINNER_MARGIN = 0.83, 0.03  # e5 similarity of a sentence the embedding vouches for alone
# the board of these reports and its parts: the political board (styrelsen) and the administration
# (stadskontoret). A question about a part is not answered by a sentence about another part or the whole.
WHOLE = stem("kommunstyrelsen")
POLITICAL = stem("styrelsen")
PARTS = {WHOLE, POLITICAL, stem("stadskontoret")}
# the parts' names, with the three-part table's columns («Styrelsen», «Förvaltningen KB/SF/IF», «Totalt STK»)
PART_NAMES = frozenset(PARTS | {stem(w) for w in ("förvaltningen", "stk")})
WHOLE_OF = re.compile(r"(?i)(?<![\wåäö])(?:hela|whole|entire|som helhet|as a whole)(?![\wåäö])")
PART_FOR_WHOLE = 0.2  # a sentence on one part, when the question asks about the whole board
SUBPART_UNASKED = 0.35  # a figure under one activity of the part asked, when the question names no activity
PART_UNASKED = 0.15  # a sentence on one part, when a money question names no part
PART_UNSAID = 0.15  # a sentence on no part, outside the parts' headings, when a money question names one
BEFORE_WEIGHT = 0.7  # a question term met by the sentence before, in the same paragraph
# the present, as a question asks for it and a sentence states it
# ("Vad var det nu för beslut …?", "… nu igen?": a filler of recall, not the present; "nu för tiden" is)
NOW = re.compile(r"(?i)(?<![\wåäö])(nu(?! för (?!tiden))(?! igen)|numera|i dag|idag|för närvarande|currently|now|today)"
                 r"(?![\wåäö])")
NOW_WEIGHT = 0.15
# the report's other words for what is counted: "hur många anställda" is counted in medarbetare (a bolag is a
# företag for every question: question.SAME_THING, read as the question's alternatives)
COUNT_SYNONYMS = {stem(w): tuple(stem(x) for x in xs) for w, xs in (
    ("anställda", ("medarbetare", "personal")), ("medarbetare", ("anställda", "personal")),
    ("personer", ("deltagare", "medlemmar", "medarbetare")), ("deltagare", ("personer",)))}
COUNT_NOT_NOUN = {"max", "min", "minst", "högst", "totalt", "fler", "mer", "ungefär", "cirka"}
CASE_NUMBER = re.compile(r"\b[A-ZÅÄÖ]{2,}-\d{4}-\d+\b")  # a diary number: "STK-2024-1711"
YEAR_FOCUS = {"år", "året", "year"}  # "vilket år", "which year": the year asked for, not a date
_AGENCY_ENDINGS = r"verket|myndigheten|inspektionen|kansliet|delegationen"  # not -styrelsen: the report's own board
AGENCY_NAME = re.compile(rf"(?:{_AGENCY_ENDINGS})$")
AGENCY_WORD = re.compile(rf"(?i)[a-zåäö]*(?:{_AGENCY_ENDINGS}|myndighet\w*)\b")  # a name, or the word, in a sentence
PRESENT_COUNT = re.compile(r"(?i)(?<![\wåäö])(?:ingår|är med|deltar|omfattar|are (?:part of|in|members)|take part|"
                           r"participate|belong)(?![\wåäö])")
# a deviation's sign in its label: "Personalkostnader + 7 Mkr" (a surplus), "Lokalkostnader -3 Mkr" (a deficit)
SIGNED_AMOUNT = re.compile(r"(?<![\w\d])([+\-−–])\s?\d[\d\s]*(?:,\d+)?\s*(?:mkr|tkr|kr|miljoner)\b", re.IGNORECASE)
UNIT_WORDS = frozenset({"mkr", "tkr", "kr", "sek", "mdkr", "kkr"})
ASKED_NOUN_WEIGHT = 0.1
# "… för Malmö Pride och Hela Malmö": two things asked of together, each a row of its own
BOTH_NAMED = re.compile(r"(?i)(?<![\wåäö])(?:och|samt|and|&)(?![\wåäö])")
EACH_NAMED_LOOKUP = 10  # the best units looked through for a row of each
EACH_NAMED_OPENING = 2  # … whose label is asked whole or by this many opening words
YEARLESS_ROW_LOOKUP = 5  # the best units looked through for the asked thing's own row, lacking the year asked
EXAMPLES_NAMED = 2  # names an example sentence must add for a which-question whose sentence names none
NAME_UNSAID = 0.15  # a sentence of a name question that does not hold a rare name the question asks about
# words for a row of any table ("Vilken post i resultaträkningen …?"): every table has them, whatever its text says
# («Budgetteknisk post» in a comment is no more a post than any other row)
ROW_NOUNS = frozenset(stem(w) for w in ("post", "posten", "rad", "raden", "item", "line"))
# a deviation's sign asked in words, met by the figure's own sign: "the positive deviation" is «Personalkostnader + 7 Mkr»
SIGN_ASKED = {stem("positiva"): 1, stem("negativa"): -1}
TABLE_CHUNKS_MAX, TABLE_SLACK = 3, 4  # chunks of one table among a fact's evidence; extra hits fetched to fill in
# the verb a "vad"-question asks about, right after it: "Vad ersätter den digitala plattformen?" is answered by the
# sentence that says what it replaces («Plattformen ersätter de tidigare hållbarhetsrapporterna …»), not by the one
# that names the platform best (verbs that ask for a measure, a name, a finding or an opinion have their own cues)
ASKED_VERB = re.compile(r"(?i)^\s*vad\s+(?!(?:gör|har|kostar|kostade|heter|hette|handlar|menas|står|säger|tycker|"
                        r"händer|hände|visar|visade|betyder|innebär\s+det)\b)([a-zåäö]{4,}(?:ar|er|ir|or))\b")
ASKED_VERB_WEIGHT = 0.1
ANALYSIS_HEADING = re.compile(r"(?i)^\s*analys\b")  # a heading that analyses a table: «Analys av avvikelse … investeringsram»
SAME_SENTENCE = 0.6  # stems two sentences of a page share (Dice) to say the same thing
# a subject named only by what came before: "Dessa insatser stärker …", "Detta arbete …"
NAMED_BEFORE = re.compile(r"^\W*(?:Dessa|Detta|Denna|These|This)\s+[\wåäö-]+\s")
NAMED_LATER = re.compile(r"(?i)(?<![\wåäö])(?:med|av|genom|för|with|by|through)\s+(?:dessa|denna|detta|these|this)\s+"
                         r"[\wåäö-]{5,}")
WHAT_ASKED = re.compile(r"(?i)^\W*(?:vad|vilka|vilken|vilket|what|which)\b")
# a sentence that goes on about the one before: "Eftersom detta varit …", "Detta innebär …"
LEANS_BACK = re.compile(r"(?i)^\W*(?:\S+\s+){0,2}(?:detta|dessa|denna|this|these)\b")
OTHER_TABLE_COVERAGE = 0.15  # a row this relevant puts its table among those a superlative is looked for in
TYPO_MIN = 8  # "partier" is no typo of "parter": a shorter word one letter from the report's is often a word of its own
TYPO_STEM_MIN = 10  # a long word's typo is also looked for among the report's stems
# an amount that is a difference ("18,5 Mkr högre", "ökat med 3,4 Mkr"), and a question that asks for one
DIFFERENCE = re.compile(r"\d(?:[\d\s]*\d)?(?:,\d+)?\s*(?:mkr|tkr|kr|kronor|miljoner(?: kronor)?|%|procent)\s+"
                        r"(?:högre|lägre|mer|mindre|större|bättre|sämre)\b|"
                        r"\b(?:ökat|ökade|minskat|minskade|höjts|sänkts)\s+(?:med|på)\s+\d|"
                        r"(?:ökning|minskning)(?:en)?\s+(?:med\s+|på\s+)?\d")
# a sum moved from one thing to another («omfördela kommunbidrag från … till …, 2 856 Tkr»)
TRANSFER_SAID = re.compile(r"(?i)(?<![\wåäö])(?:omfördela\w*|omfördelning\w*|överför\w*)(?![\wåäö])")
TRANSFER_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:omfördela\w*|omfördelning\w*|överför\w*|flytta\w*|reallocat\w*|"
                            r"redistribut\w*|transferr?\w*|moved?)(?![\wåäö])")
COMPARED = re.compile(r"(?i)(?<![\wåäö])(?:jämfört|jämför|jmf|skillnad\w*|ökat|ökade|ökning\w*|minskat|minskade|"
                      r"minskning\w*|förändr\w*|högre|lägre|mer än|mindre än|more than|less than|higher|lower|"
                      r"bigger|smaller|compared?|comparison|difference|increase\w*|decrease\w*|chang\w*|grown|"
                      r"grew|rose|fell|vs\.?|versus)(?![\wåäö])")
# a runner-up giving the month or date of a "när" question the best sentence answers with a year only: this
# much of the question's content, and this share of the best sentence's score (set by hand)
PRECISE_DATE_COVERAGE, PRECISE_DATE_SCORE = 0.4, 0.85
# an amount the best sentence rounds («… ett överskott med 14 Mkr») that a close runner-up states precisely
# («… ett överskott på totalt 13,9 Mkr»): both go in, the memo wants the precise figure and the report says both
PRECISE_AMOUNT_COVERAGE, PRECISE_AMOUNT_SCORE = 0.6, 0.6
FIGURE_KEY = re.compile(r"\d+,\d+|\d{1,3}(?: \d{3})+")  # a figure with decimals or thousands, no year or count
FIGURE_NAMED_WEIGHT = 0.2
DATE_AFTER = 3  # sentences after a season's sentence looked through for the month it leaves open
CALENDAR_MONTH = re.compile(r"(?i)(?<![\wåäö])(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|"
                            r"november|december)(?![\wåäö])")
YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
DENSE_BEST = 6  # units ranked by their words, beyond the top chunks', that the embedding also scores
LIST_WEIGHT = 0.1  # a "vilka …" question's sentence that names several things
# what money or an effort is for, told: a question on what it is for prefers the sentence saying so
PURPOSE_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:finansierar|finansieras|ska finansiera|används (?:till|för)|ska användas|"
                          r"går till|syftar till|är (?:\w+ )?avsedda? (?:för|till))(?![\wåäö])")
# the purpose in the question's own verb: "What should the preparedness budget strengthen?" «… ska stärka …»
STRENGTHEN = re.compile(r"(?i)(?<![\wåäö])(?:stärka|strengthen)(?![\wåäö])")
SHOULD_STRENGTHEN = re.compile(r"(?i)\bska stärka\b")
PURPOSE_WEIGHT = 0.4
# the stems of a period's months ("jan–aug", "perioden januari till augusti")
MONTH_STEM = re.compile(r"jan\w*|feb\w*|mar\w*|apr\w*|maj|jun\w*|jul\w*|aug\w*|sep\w*|okt\w*|nov\w*|dec\w*|period\w*")
# the stems of a figure of the board's economy, whoever's it is: överskott, prognostiserat, helårsresultat, budget
FIGURE_STEM = re.compile(r"(?:helårs|års|period)?(?:överskot|underskot|progno|result|budget|utfall|"
                         r"nettokostnad|surplus|deficit|forecast)\w*|helår\w*|total\w*|summ\w*|plus|minus")


def figure_word(term: str) -> bool:
    """A question word that names only a figure of the economy, a number or a month (no activity of its own)."""
    return bool(FIGURE_STEM.match(term) or term.isdigit() or MONTH_STEM.fullmatch(term))


# a word cut short: where no Swedish word ends ("utredn", "konsultkostn", "proj"), or with a dot inside a sentence
# ("avvik. i", "inv.medlen")
TRUNCATED = re.compile(r"(?i)(?<![\wåäö.-])(?:([a-zåäö]{2,}(?:dn|tn|kn|gn|mn|vn|rkn|j))(?![\wåäö-])\.?|"
                       r"([a-zåäö]{3,})\.(?=\s*[a-zåäö]))")
TRUNCATION_CANDIDATES = 30  # the report's words a cut word may begin, looked through for the commonest
# a compound's modifier written alone before the compound sharing its head: "över- eller underskott"
ELIDED_HYPHEN = re.compile(r"-\s+(och|eller|samt)(?![\wåäö])")  # the hyphen of an elided compound part
ELIDED = re.compile(r"(?<![\wåäö-])([A-Za-zÅÄÖåäö]{2,})-\s+(och|eller|samt|respektive|resp\.)\s+([a-zåäö]{5,})")
ELIDED_MODIFIER, ELIDED_HEAD = 2, 4  # letters of the second compound's modifier and head, at least
INFLECTION = 3  # letters an inflection adds to a stem ("funktio" → "funktionen" stems to funktion)
# the head of a compound that only says "the matter of" its modifier: "klimatområdet", "klimatarbetet", "energifrågor"
# (a goal, "elförsörjningsmålet", is a thing of its own: the goal of that name)
MATTER_HEADS = frozenset(stem(w) for w in ("område", "arbete", "fråga", "frågor", "frågan", "insats", "insatser",
                                           "satsning", "verksamhet", "sektor", "sektorn", "läge", "situation",
                                           "perspektiv", "aspekt", "åtgärd"))
# a sentence whose subject, in its first words, shall do something: "Investeringsutrymmet för beredskap ska stärka …"
SHALL_DO = re.compile(r"((?:[\wåäöÅÄÖ-]+\s+){1,5}?)(?:ska|skall)\s+(?!ha\b|vara\b|bli\b)[a-zåäö]{3,}")
# what was decided, asked and told: the sentence telling the decision and what it is on, not a comment on it
# ("Eftersom … präglas beslutet också av …")
DECISION_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:vad|vilket beslut|what|which decision)\b.*(?<![\wåäö])(?:beslut(?:at|ade|it)|"
                            r"bestämt|bestämde|decided?)(?![\wåäö])")
DECISION_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:beslut(?:at|ade)? (?:om|att)|beslutet om|decided)(?![\wåäö])")
DECISION_WEIGHT = 0.1
WHAT_IT_FUNDS = re.compile(r"(?i)(?<![\wåäö])(?:vad|what)\s+(?:[\wåäö]+\s+){0,8}?(?:finansiera\w*|financ\w+|funds?|"
                           r"funding|pay for|spent on|användas till|used for|gå till|går till|"
                           # "Vad används den sociala obligationen till?": the thing between verb and particle
                           r"(?:används|användes|användas)\s+(?:[\wåäö]+\s+){1,5}?till)(?![\wåäö])")
ROW_QUALIFIER = 0.15  # a row whose label names more than asked: a part of the thing, not the thing
TOTAL_LABEL = TOTAL_WORDS | {stem("summa")}  # a total row ("SUMMA", "Totalt STK") qualifies nothing
# how a sentence states a total without the word "totalt": "Anslaget uppgår till 510,3 Mkr", "som helhet"
STATES_TOTAL = re.compile(r"(?i)\b(?:uppgår\s+till|uppgick\s+till|som\s+helhet|sammanlagt|sammantaget|totalt|summa)\b")
# a short sentence that introduces the list below it: "Detta är uppdelat på", "… fördelas enligt följande:"
LIST_INTRO = re.compile(r"(?i)(?:\b(?:uppdelat|uppdelad|fördelat|fördelad|fördelas|fördelar sig|består av|varav)\b.*"
                        r"(?:på|av|enligt följande)?\s*:?\s*$)")
MAX_BULLETS = 6
STATED_EXTREME = 0.8  # the share of a superlative question a sentence saying the superlative itself must hold


SUMMARY_HEADINGS = ("sammanfattning", "summary")  # how a report's own summary section is headed


def is_own_summary(chunk: IndexedChunk) -> bool:
    """A passage of the report's own summary section, where it states its headline facts."""
    return str(chunk.meta.get("heading") or "").lower().startswith(SUMMARY_HEADINGS)


def bullet_list(u: Unit, ordered: list[Unit] | None = None) -> tuple[list[Unit], int]:
    """The sentences of a bullet's passage (`ordered`, when already split) and the index of the one that opens its
    list («Detta är uppdelat på»); -1 when `u` is no bullet of a list so opened."""
    if u.is_row or not u.text.startswith("•"):
        return [], -1
    ordered = ordered if ordered is not None else units_of(u.chunk, u.rank)
    texts = [x.text for x in ordered]
    return ordered, (list_opening(texts, texts.index(u.text)) if u.text in texts else -1)


def bullets_after(units: list[Unit], at: int, limit: int = MAX_BULLETS) -> list[Unit]:
    """The bullets that follow `units[at]` without a break, at most `limit` of them."""
    out: list[Unit] = []
    for u in units[at + 1:at + 1 + limit]:
        if not u.text.startswith("•"):
            break
        out.append(u)
    return out


def list_opening(texts: list[str], at: int) -> int:
    """The index of the sentence that opens the list of bullets `texts[at]` stands in ("Detta är uppdelat på"),
    back over the list's other bullets; -1 when it is no bullet of a list so opened."""
    if not texts[at].startswith("•"):
        return -1
    lead = at - 1
    while lead >= 0 and texts[lead].startswith("•"):
        lead -= 1
    return lead if lead >= 0 and introduces_a_list(texts[lead]) else -1


def introduces_a_list(text: str) -> bool:
    """A short sentence that introduces the list below it ("Detta är uppdelat på", "… avser bland annat:")."""
    return (LIST_INTRO.search(text) is not None and len(text.split()) < 8) or (
        text.rstrip().endswith(":") and len(text.split()) < 10)
TABLE_LEAD_EN = "According to the table "
# the words of the report's column headers in English, for an English answer quoting Swedish rows: a reader with no
# Swedish can tell the forecast from the deviation (a header with any other word is left unglossed)
COLUMN_WORDS_EN = {"prognos": "forecast", "helårsprognos": "full-year forecast", "helår": "full year",
                   "utfall": "outturn", "avvikelse": "deviation", "budget": "budget", "belopp": "amount",
                   "begäran": "request", "plan": "plan", "jan-aug": "Jan–Aug", "dr": "interim report"}


def column_gloss(rows: list[str]) -> str:
    """"Prognos = forecast; Avvikelse = deviation" for the column headers of an answer's rows, in order."""
    out: dict[str, str] = {}
    for row in rows:
        parsed = parse_row(row)
        for col in parsed.cells if parsed else ():
            parts = col.split()
            said = [COLUMN_WORDS_EN.get(w.lower()) or (w if YEAR.fullmatch(w) else None) for w in parts]
            if col not in out and all(said) and any(w.lower() in COLUMN_WORDS_EN for w in parts):
                out[col] = " ".join(str(w) for w in said)
    return "; ".join(f"{sv} = {en}" for sv, en in out.items() if sv.lower() != en.lower())
OUTCOME_WORDS = frozenset(terms("visade visa resultat resultaten utfall utfallet blev findings results outcome show"))
# a bound on amounts: "mer än 1 Mkr", "mer än en miljon", "over one million"
THRESHOLD = re.compile(rf"(?i)(?:(?<![\wåäö]){BOUND_WORDS}\s+|(?:>|≥|>=)\s*)"
                       r"(\d[\d,.]*(?:\s*(?:miljon\w*|miljard\w*|million\w*|billion\w*|mkr|mnkr|msek))?|"
                       r"(?:en|ett|one|a)\s+(?:miljon\w*|miljard\w*|million\w*|billion\w*))")
LEAD_ROWS = 30  # the top units whose table rows lead to their tables' lead-ins
UNSAID_LISTING = 0.8  # ... or, when no top sentence has the word for the things asked, the rest of the question
LISTING_COVERAGE = 0.6  # a table whose title, header and rows hold this share of a "Vilka …?" question lists its answer
LABEL_WEIGHT = 0.9  # a question term met by the run-in label a sentence stands under
# a question term met by the title of the table a row is of: the title names what every row's figures are
# («Summa investeringar» of the table «Investeringsram» is the investment frame's total), more than a heading does;
# not the board or its parts, whose name many titles hold («Utveckling av kommunstyrelsens anslag»)
# A short title names the measure; a long one («Tabell - Uppdelningen av stadskontorets nämndsbudget i
# budgetområden, …») describes a breakdown, and its many words meet many questions.
TITLE_WEIGHT = 0.9
NAMING_TITLE_WORDS = 3
ALTERNATIVE = 0.8  # an English word met by a less likely rendering counts for less than by its first
CAUSAL = re.compile(r"\b(beror på|beror främst på|på grund av|eftersom|därför|förklaras av|orsak\w*|anledning\w*|"
                    r"effekt av|tack vare|ett resultat av|till följd av|med anledning av|på att|i syfte att|för att|"
                    r"because|due to|as a result)\b")
# a rule that requires what a cause led to goes on telling the cause: «Enligt gällande regelverk för kommunal
# redovisning … ska lokalkostnader som inte kommer att nyttjas under 2026 kostnadsredovisas under innevarande år»
RULE_REQUIRES = re.compile(r"(?i)\benligt (?:gällande|\w+ )?\s*(?:regelverk\w*|regler\w*|lag\w*|rekommendation\w*)|"
                           r"\baccording to (?:the )?(?:rules|regulations|law)\b")
# sentences that point elsewhere instead of saying something
SIGNPOST = re.compile(  # (whole words: "… ska kostnadsredovisas under innevarande år" points nowhere)
    r"(?<![\wåäö])(beskrivs|redovisas|presenteras|behandlas|utvecklas|återfinns|finns beskriv\w*|framgår)\s+"
    r"(också |även |mer |närmare |utförligare |ytterligare )*(ingående|utförligt|närmare|under|i avsnitt\w*|"
    r"nedan|ovan|i bilaga|i kapitl\w*|senare)|^(se|läs mer|se även|se vidare)\b|"
    r"(återfinns|redovisas|beskrivs) (också|även) (under|i)\b|"
    r"\b(i|under) (ovanstående|nedanstående|föregående|efterföljande) (kapitel|kapitlet|avsnitt\w*|tabell\w*|rubrik\w*)",
    re.IGNORECASE)
YEAR_TOKEN = re.compile(r"^(19|20)\d\d$")


@dataclass
class Unit:
    text: str
    chunk: IndexedChunk
    rank: int
    page: int
    is_row: bool
    stems: set[str]
    context: set[str]
    score: float = 0.0
    label: frozenset[str] = frozenset()  # terms of the run-in label above it ("Personalkostnader + 7 Mkr")
    before: frozenset[str] = frozenset()  # terms of the sentence before it in its paragraph (what it goes on about)
    label_sign: int = 0  # +1 / -1: its label names a positive or negative deviation ("Lokalkostnader -3 Mkr")
    coverage: float = 0.0
    kind_fit: float = 0.0
    dense: float = 0.0
    chunk_dense: float = 0.0
    hist_coverage: float = 0.0
    offset: int = -1  # where the sentence starts in its chunk's text (-1: not known)

    @property
    def row_label(self) -> str:
        """A table row's label, the part before its columns ("EM i Handboll 2026" of "EM i Handboll 2026:
        Belopp 2,5 mkr"); empty for a sentence."""
        return self.text.split(":", 1)[0] if self.is_row and ":" in self.text else ""

    @property
    def type_ok(self) -> bool:
        return self.kind_fit > 0


# a figure of the year's forecast or of the period's outcome, asked for or said (an interim report has both)
FORECAST_WORDS = re.compile(r"(?i)(?<![\wåäö])(?:helår\w*|års?prognos\w*|prognos\w*|prognostiser\w*|forecast\w*|"
                            r"full[- ]year|projected)")
PERIOD_WORDS = re.compile(r"(?i)(?<![\wåäö])(?:utfall\w*|periodens|perioden|jan(?:uari|uary)?\s*(?:[-–]|to|till)\s*"
                          r"aug(?:usti|ust)?|hittills|"
                          r"so far|to date|outturn|actual)")
OTHER_MEASURE = {"forecast": "period", "period": "forecast"}
MEASURE_PENALTY = 0.3
# a budgeted figure asked for ("Hur mycket är budgeterat för arvoden?"), by the word or a compound of it
# (nämndsbudget); «budgetavvikelse», «budgetuppdrag» are no budget figure
BUDGET_WORDS = re.compile(r"(?i)(?<![\wåäö])(?:[\wåäö]*budget(?:en|ar|arna|s)?|budgeter[\wåäö]*|budgeted)(?![\wåäö])")
# … and what is set aside for a thing ("Hur mycket av styrelsens pengar går till arvoden?", "How much is allocated
# to …"): its budget, not the forecast's deviation for it («STYRELSEN, varav arvoden … 2 700 Tkr»)
ALLOCATION_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:går till|gick till|avsatt\w*|avsätt\w*|allocated|set aside|earmarked"
                              r"|goes? to|went to)(?![\wåäö])")
RESULT_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:plus|minus|överskott\w*|underskott\w*|avvik\w*|resultat\w*|surplus|"
                          r"deficit|deviation|result|över budget|under budget|over budget)(?![\wåäö])")
# a figure that is a deviation from the budget, not the budget: «… uppstår en budgetavvikelse på 3,9 Mkr»
DEVIATION_FIGURE = re.compile(r"(?i)(?:avvikelse|överskott|underskott|deviation|surplus|deficit)\w*\s+(?:på|med|om|of)\s+"
                              r"(?:totalt\s+|cirka\s+|ca\s+)?[-+−]?\d")


def measure_asked(text: str) -> str | None:
    """"forecast" or "period" when a question asks for one of an interim report's two measures only."""
    forecast, period = FORECAST_WORDS.search(text) is not None, PERIOD_WORDS.search(text) is not None
    return "forecast" if forecast and not period else "period" if period and not forecast else None


def measure_of(u: Unit) -> str | None:
    """The measure a figure is of (see `what_a_figure_is_of`); None when they tell both or neither."""
    return measure_asked(what_a_figure_is_of(u))


def what_a_figure_is_of(u: Unit) -> str:
    """A unit's sentence with its table's title and header, or, for a bullet, the sentences that open its list
    («Stadskontorets ekonomiska utfall för perioden … uppgår till 32,8 Mkr. Detta är uppdelat på»)."""
    said = f"{u.text} {u.chunk.meta.get('table_title') or ''} {u.chunk.meta.get('table_header') or ''}"
    if u.text.lstrip().startswith("•"):
        texts = [x.text for x in units_of(u.chunk, u.rank)]
        at = texts.index(u.text) if u.text in texts else -1
        while at > 0 and texts[at].lstrip().startswith("•"):
            at -= 1
        said += " " + " ".join(texts[max(at - 1, 0):at + 1])
    return said


def row_years(u: Unit) -> set[str]:
    """The years a table row's columns (or its table's header) are about; its label's years name things."""
    body = u.text[len(u.row_label):] if u.row_label else u.text
    return set(re.findall(r"\b(?:19|20)\d\d\b", f"{body} {u.chunk.meta.get('table_header') or ''}"))


DESCRIBED = re.compile(r"(?i)\b(beskrivs|redovisas|återfinns|behandlas|described|reported|covered)\b")


def asked_parts(q: Question) -> set[str]:
    """The parts of the board a question asks about (styrelsen, stadskontoret), not the whole."""
    own = {t for t, w in q.terms.items() if w >= 1.0 and t in PARTS - {WHOLE}}
    # a follow-up asks about the part the question before named ("… stadskontoret? What surplus is forecast for it?")
    return own or ({t for t in q.terms if t in PARTS - {WHOLE}} if q.followup else set())


def chunk_of_another_part(chunk: IndexedChunk, asked: set[str]) -> bool:
    """A passage under a heading of a part of the board other than the one asked about (STYRELSEN's tables for a
    question on stadskontoret)."""
    named = PARTS & set(terms(str(chunk.meta.get("section") or "")))
    return bool(named) and WHOLE not in named and not named & asked


def next_in_section(chunk: IndexedChunk, chunks: list[IndexedChunk]) -> IndexedChunk | None:
    """The passage after `chunk` when it stands under the same heading (a chunk boundary can fall inside a
    paragraph); None otherwise."""
    i = next((j for j, c in enumerate(chunks) if c.id == chunk.id), None)
    if i is None or i + 1 >= len(chunks):
        return None
    nxt = chunks[i + 1]
    return nxt if all(nxt.meta.get(k) == chunk.meta.get(k) for k in ("source", "heading", "kind")) else None


def headings_below_part(chunk: IndexedChunk) -> str:
    """The headings a chunk stands under below the heading of a part of the board ("Solidariskt och
    intäktsfinansierad verksamhet" under STADSKONTORETS VERKSAMHET); "" when it stands right under it or
    under no part."""
    headings = str(chunk.meta.get("section") or "").split(" › ")
    at = next((i for i, h in enumerate(headings) if set(terms(h)) & PARTS), None)
    return " ".join(headings[at + 1:]) if at is not None else ""


def under_part_itself(chunk: IndexedChunk, part: str) -> bool:
    """The chunk stands right under the heading of `part` (STADSKONTORETS VERKSAMHET), not under one of its
    activities' headings below it."""
    named = set(terms(str(chunk.meta.get("section") or "").split(" › ")[-1]))
    return part in named and WHOLE not in named


def names_only_a_part(title: str) -> bool:
    """A table title that names a part of the board and not the whole («Uppdelningen av stadskontorets
    nämndsbudget …»): its total is that part's."""
    named = set(terms(title)) & PARTS
    return bool(named) and WHOLE not in named


def part_section(chunk: IndexedChunk) -> bool:
    """The chunk stands under a heading of one part of the board (STYRELSEN, STADSKONTORETS VERKSAMHET)
    that does not name the whole: what it says is that part's, whatever words its lines use."""
    for heading in reversed(str(chunk.meta.get("section") or "").split(" › ")):
        named = set(terms(heading)) & PARTS
        if named:
            return WHOLE not in named
    return False


def is_signpost(text: str) -> bool:
    """A sentence that points elsewhere ("Arbetet beskrivs mer ingående under …") and says nothing itself."""
    return SIGNPOST.search(text) is not None


def _page_at(marks: list[tuple[int, int]], offset: int, default: int, length: int = 1) -> int:
    """The page holding most of the span [offset, offset+length): a sentence
    that runs over a page break is cited where most of it stands."""
    if not marks:
        return default
    end = offset + max(length, 1)
    best, best_len = marks[0][1], -1
    bounds = [*marks, (10**9, 0)]
    for (start, page), (nxt, _) in itertools.pairwise(bounds):
        overlap = min(end, nxt) - max(offset, start)
        if overlap > best_len:
            best, best_len = page, overlap
    return best


DOUBLED_M = re.compile(r"mm(?=(?:et|en|ets|ens|ar|arna)$)")


def value_page(q: Question, u: Unit) -> int:
    """The page a fact answer cites a sentence on: where the value asked for stands, when the sentence runs over
    a page break («… förväntas behandlas i» | «kommunfullmäktige under hösten.» is cited on the page of "hösten");
    else where most of it stands."""
    if u.is_row or u.offset < 0 or q.kind not in ("amount", "count", "percent", "date"):
        return u.page
    marks = u.chunk.marks
    if not any(u.offset < start < u.offset + len(u.text) for start, _ in marks):
        return u.page  # (within one page)
    low = u.text.lower()
    if q.kind == "date":
        at = min((i for m in MONTHS if (i := low.find(m)) >= 0), default=-1)
        if at < 0 and (y := YEAR_IN_TEXT.search(u.text)) is not None:
            at = y.start()
    else:
        at = d.start() if (d := re.search(r"\d", u.text)) is not None else -1
    return u.page if at < 0 else _page_at(marks, u.offset + at, u.page)


def _context_text(c: IndexedChunk) -> str:
    m = c.meta
    return " ".join(str(m.get(k) or "") for k in ("section", "goal", "goal_area", "table_title", "table_header"))


def deviation_sign(label: str) -> int:
    """+1 / -1 when a run-in label names a positive or negative deviation ("Lokalkostnader -3 Mkr"), else 0."""
    m = SIGNED_AMOUNT.search(label)
    return 0 if m is None else (1 if m.group(1) == "+" else -1)


def run_in_label(chunk: IndexedChunk) -> str:
    """The run-in label a chunk starts with ("Personalkostnader + 7 Mkr"), or ""."""
    first = chunk.text.split("\n", 1)[0].strip()
    return first if first and is_label(first, chunk.text, 0) else ""


def columns_named(q: Question, u: Unit) -> set[str]:
    """The columns of a table row ("Budget -14 873 tkr, Prognos DR -14 784 tkr, Avvikelse 89 tkr") that the
    question names by their headers."""
    cells = u.text.split(":", 1)[1] if ":" in u.text else ""
    heads = {stem(m.group(1).lower()) for m in COLUMN_HEAD.finditer(cells)}
    return {h for h in heads if any(term_hit(q, t, {h}) for t, w in q.terms.items() if w >= 1.0)}


def units_of(chunk: IndexedChunk, rank: int) -> list[Unit]:
    ctx = set(terms(_context_text(chunk)))
    out = []
    if chunk.meta.get("kind") == "table":
        lines = chunk.text.split("\n")
        offset = len(lines[0]) + len(lines[1]) + 2 if len(lines) > 2 else 0
        for line in lines[2:]:
            page = _page_at(chunk.marks, offset, chunk.page, len(line))
            out.append(Unit(line, chunk, rank, page, True, set(terms(line)), ctx))
            offset += len(line) + 1
        return out
    label: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()
    sign = 0
    for offset, sentence in split_sentences(chunk.text):
        page = _page_at(chunk.marks, offset, chunk.page, len(sentence))
        new_paragraph = offset == 0 or chunk.text[offset - 1] == "\n"
        unit = Unit(sentence, chunk, rank, page, False, set(terms(sentence)), ctx, label=label,
                    before=frozenset() if new_paragraph else before, label_sign=sign, offset=offset)
        before = frozenset(unit.stems)
        out.append(unit)
        if is_label(sentence, chunk.text, offset):
            label = frozenset(unit.stems)
            sign = deviation_sign(sentence)
    return out


def sentence_before(u: Unit) -> Unit | None:
    """The sentence before a unit in its chunk (None for the chunk's first)."""
    sentences = units_of(u.chunk, u.rank)
    i = next((j for j, s_ in enumerate(sentences) if s_.text == u.text), None)
    return sentences[i - 1] if i else None


def name_of_its_subject(q: Question, u: Unit) -> Unit | None:
    """For a name question, the sentence before one whose subject is the asked noun in the definite form, when that
    sentence names something the question does not: "Vad heter bolaget som ska … lagring av koldioxid?" /
    «… bolagsordning för Malmö Energi och Hållbarhet AB (MEHAB) …» «Bolaget ska bland annat bidra …». None
    otherwise: the report then leaves the name out."""
    m = DEFINITE_SUBJECT.match(u.text)
    if q.kind != "name" or u.is_row or m is None:
        return None
    subject = stem(m.group(0).lower())
    kin = next((k for k in UNDERTAKINGS if subject in k), frozenset({subject}))
    if not any(q.terms.get(t, 0.0) >= 1.0 for t in kin):  # "Vad heter projektet …?" / «Satsningen syftar till …»
        return None
    before = sentence_before(u)
    if before is None or before.page != u.page or is_signpost(before.text):
        return None
    asked = {w.lower() for w in words(q.asked)}
    return before if any(n.lower() not in asked for n in proper_names(before.text)) else None


def sentence_after(u: Unit) -> Unit | None:
    """The sentence after a unit in its chunk (None for the chunk's last)."""
    sentences = units_of(u.chunk, u.rank)
    i = next((j for j, s_ in enumerate(sentences) if s_.text == u.text), None)
    return sentences[i + 1] if i is not None and i + 1 < len(sentences) else None


# a list in a sentence: three items or more ("klimat, cirkulär ekonomi, hållbar mobilitet … och djurskydd")
ENUMERATION = re.compile(r"[^,]+,[^,]+,[^,]+(?:och|samt|and)\s")
SUM_LABELS = frozenset({"summa", "totalt", "total", "summa totalt", "totalsumma"})
SEARCHED_PART_IDF = 3.0  # a part of a compound the report writes apart is searched for when this rare
TOTAL_LOOKUP, TOTAL_COVERAGE = 10, 0.8  # a table's total row among the best units, nearly as well covered
LISTING_LOOKUP, LISTING_COVERAGE = 5, 0.5  # runners-up looked through for a sentence followed by the list asked for
NAMED_BEFORE_COVERAGE = 0.4  # an English question's share a sentence must hold when the name asked is in the one before
# a sentence whose subject is a definite noun standing for something named before it: «Satsningen syftar till …»,
# «Projektet har …», «Verktyget …»
DEFINITE_SUBJECT = re.compile(r"^(?:Satsningen|Projektet|Initiativet|Verktyget|Programmet|Nätverket|Bolaget|Avtalet|"
                              r"Utredningen|Planen|Policyn|Systemet|Plattformen|Samarbetet|Insatsen|Arbetet|Rapporten|"
                              r"Beslutet|Obligationen|Evenemanget|Konferensen|Kongressen)\b")
# nouns one undertaking is called by in turn: «Vidare har projektet Malmö Residency …» «Satsningen syftar till …»
UNDERTAKINGS = (frozenset(stem(w) for w in ("projektet", "satsningen", "initiativet", "programmet", "insatsen")),)
# what a "Vad var …?" or "Hur stor är …?" question asks the value of: "Vad var sjukfrånvaron på stadskontoret?"
ASKED_SUBJECT = re.compile(r"(?i)(?:vad|hur\s+(?:stor|stort|stora|hög|högt|höga|mycket|många|lång|långt|låg|lågt))\s+"
                           r"(?:är|var|blev|blir|ligger|låg|har)\s+(?:den|det|de\s+)?\s*([a-zåäö]{6,})(?![\wåäö-])")
# "Vilket riktvärde …?", "Med vilket polisområde …?": the noun a which-question asks for
WHICH_ASKED = re.compile(r"(?i)^(?:(?:med|i|från|till|av|på|för|inom|hos|mot|vid)\s+)?(?:vilken|vilket|vilka)\s+"
                         r"([a-zåäö]{6,})(?![\wåäö-])")
WHICH_PARTICIPLE = re.compile(r"(?:ats|ad|ade|ades|ande|ende)$")  # "Vilka beviljade …": after "vilka", -de is a noun's too
# "Vad heter kommunstyrelsens ordförande?", "Vem är stadens säkerhetschef?": the role whose holder is asked for
ROLE_ASKED = re.compile(r"(?i)^(?:vad\s+heter|vem\s+är|vem\s+var)\s+(?:[a-zåäö]+s\s+)?([a-zåäö][a-zåäö-]{4,})(?![\wåäö-])")
# a verb after "vad har …", not the thing asked about: "Vad har blivit försenat?"
AUXILIARY_PARTICIPLES = frozenset(("blivit", "varit", "kommit", "funnits", "hunnit", "behövt", "kunnat", "lyckats"))
# "Stämmer det att det blir strejk …?": the event a claim says there is (or will be)
CLAIMED_EVENT = re.compile(r"(?i)^(?:stämmer det|är det sant|är det så|är det korrekt)\s+att\s+det\s+"
                           r"(?:blir|blev|kommer att bli|ska bli|finns|fanns|är|var|har varit)\s+(?:en\s+|ett\s+|några\s+)?"
                           r"([a-zåäö]{5,})(?![\wåäö-])")
# "Vad tycker oppositionen om …?": whose view is asked for
OPINION_HOLDER = re.compile(r"(?i)^(?:vad|hur)\s+(?:tycker|tyckte|anser|ansåg)\s+(?:(?:de|den|det|andra|övriga|alla)\s+)*"
                            r"([a-zåäö]{5,})(?![\wåäö-])")  # ("Vad tyckte de andra ledamöterna …?")
# "What does Copenhagen's overborgmester think about …?": whose view an English question asks for
OPINION_HOLDER_EN = re.compile(r"(?i)^\W*(?:what|how)\s+(?:does|did|do)\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?"
                               r"([a-z][a-z-]{4,})\s+(?:think|thinks|believe|feel|say)\b")
# "What is the maturity of …", "Which coupon does …": the English noun asked for
EN_FOCUS = re.compile(r"(?i)^\W*(?:(?:what|which)(?:'s|\s+(?:is|are|was|were))?|who(?:'s|\s+(?:is|are|was|were)))\s+"
                      r"(?:the\s+)?([a-z][a-z-]{3,})\b")  # ("Who is the chair of …?": the role asked for)
EN_COUNTED = re.compile(r"(?i)\bhow many\s+([a-z][a-z-]{3,})\b")
EN_MEASURE_NOUNS = {"amount", "number", "total", "share", "size", "level", "value", "figure", "result", "outcome",
                    "name", "status", "purpose", "goal", "aim", "reason", "cause", "difference", "forecast", "budget",
                    "city", "board", "report", "main", "largest", "biggest", "most", "latest", "first", "last", "next"}
MEASURE_NOUNS = {"summan", "totalen", "andelen", "antalet", "nivån", "storleken", "beloppet", "kostnaden",
                 "värdet", "siffran", "talet", "utfallet", "resultatet"}
PARTICIPLE = re.compile(r"(?:ats|ts|at|ad|ade|ades|da|de|dd|tt)$")  # beviljats, begärda, planerat
# a question that asks for a name as such ("What's the name of …", "Vad heter …")
NAME_ASKED = re.compile(r"(?i)\b(?:what(?:'s| is| was) the name|the names? of|vad heter|vilket namn|namnet på|"
                        r"namnen på|vad hette)\b")
# "ett Tokyobaserat uppstartsbolag", "en extern konsult": a thing mentioned, not named (up to three words)
INDEFINITE_PHRASE = re.compile(r"(?i)(?<![\wåäö])(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\d+|några|"
                               r"flera|ytterligare|ett antal|ett par)\s+((?:[\wåäö-]+\s+){0,2}[\wåäö-]+)")
# where the words naming the thing asked about end: "the name of the Tokyo-based startup | Malmö is …"
ASKED_THING_END = {"that", "which", "who", "is", "was", "in", "at", "for", "with", "behind", "from", "does", "did",
                   "som", "av", "i", "för", "med", "på", "till", "och", "inom", "vid", "från", "har", "är"}
# names asked for by an imperative ("List the 70 companies …", "Nämn de tolv städerna"), and the count of things
# the question names ("the 70 companies")
NAMES_ASKED = re.compile(r"(?i)^\s*(?:(?:can|could) you |kan du )?(?:please )?(?:list|name|lista|nämn|räkna upp)\b")
# a count in digits or words, and a question for the names of things in the definite form or by "namnen på"
COUNT_WORD = r"\d+|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|tjugo"
NAMES_OF = re.compile(r"(?i)(?<![\wåäö])(?:(?:namnen på (?:de |alla )?|vilka är (?:de |alla )?)([\wåäö]{4,}(?:na|er|ar|or))|"
                      # "Ange namn och partitillhörighet för samtliga kommunalråd"
                      r"namn(?:en)?\s+(?:och\s+[\wåäö-]+\s+)?(?:på|för)\s+(?:samtliga|alla)\s+([\wåäö]{4,}))(?![\wåäö])")
COUNTED_COVERAGE = 0.5  # the share of such a question a sentence counting the things must hold
CLAIM_COVERAGE = 0.5  # the share of a claim a sentence with a year of its own must hold to correct the claim's year
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")  # a year in a text (the engine and summaries read it too)
NEXT_YEAR = re.compile(r"(?i)(?<![\wåäö])(?:(till |for |in |under |för )?nästa år|(for |in )?next (?:year|yr))(?![\wåäö])")
# a count in words, either language, of two or more ("en", "one" are articles as often)
COUNTED_IN_WORDS = {w: n for w, n in NUMBER_NAMES.items() if n >= 2}
COUNT_OF_THINGS = re.compile(r"(?i:(?<![\d,\wåäö])(\d+|" + "|".join(COUNTED_IN_WORDS) + r"))\s+(?:[A-ZÅÄÖa-zåäö-]+\s+)?"
                             r"([a-zåäö-]{4,})\b")  # "29 OECD recommendations", "the two Japanese companies"
# things of a kind the report leaves unnamed: "vissa yrkeskategorier", "certain professions"
UNSPECIFIED_TOP = 5  # the best sentences looked at for one that leaves the things asked for unnamed
UNSPECIFIED_COVERAGE, UNSPECIFIED_MARGIN = 0.4, 0.1  # ... holding this share of the question, and this more than
# the sentence the answer would quote
UNSPECIFIED = re.compile(r"(?i)(?<![\wåäö])(?:vissa|somliga|certain|some)\s+([\wåäö-]{5,})")
NAMED_AFTER = re.compile(r"\s*(?:[A-ZÅÄÖ(«\"”]|,\s*[A-ZÅÄÖ])")  # "… uppstartsbolag, Xyz," or "… bolag (Xyz)"


# a question for what came of something ("Vad blev resultatet av medarbetarenkäten?", "Vad visade …?",
# "What were the findings of …?") is not answered by a sentence that only plans or prepares it
OUTCOME_ASKED = re.compile(r"(?i)\b(?:(?:vad|vilket|vilka)\s+(?:blev|var)\s+(?:resultat(?:et|en)?|utfall(?:et)?)|"
                           r"vad\s+visade|what\s+(?:was|were)\s+the\s+(?:results?|outcomes?|findings)|"
                           r"vad\s+beslutade|what\s+did\s+.+\s+(?:show|find|decide|conclude)\b|"
                           # what a study or a commission arrived at: "Vad kom Trafikverket fram till i sin utredning?"
                           r"(?:kommit|kom|kommer)\s+(?:\S+\s+){0,3}?fram\s+till|what\s+(?:has|have)\s+.+\s+(?:found|concluded)\b)"
                           r"|" + STUDY_WENT)
OUTCOME_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:visade?|visat|resulter\w*|resultat\w*|utfall\w*|ledde|lett till|"
                          r"blev|gav|beslutade|beslutat|beslöt|fattade (?:[a-zåäö]+ )?beslut|fattat (?:[a-zåäö]+ )?beslut|antog|antogs|antagit|"
                          r"\d[\d ,]*\s*(?:%|procent))")
# what a review found: "Vilka brister identifierades …?", "What weaknesses were found …?" — answered only by a
# sentence that tells a finding
FINDINGS_ASKED = re.compile(r"(?i)\b(?:vilka|vilken|vilket|what|which)\s+(?:brister|fel|svagheter|problem|risker|avvikelser|"
                            r"shortcomings|deficiencies|weaknesses|problems|errors|findings|risks|issues)\b.{0,80}?"
                            r"\b(?:identifierades|identifierats|upptäcktes|upptäckts|hittades|framkom|konstaterades|"
                            r"identified|found|detected|uncovered|discovered)\b")
FOUND_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:identifier\w*|upptäck\w*|konstater\w*|framkom\w*|visade?|visat|"
                        r"brist\w*|svaghet\w*|avvikelse\w*|risk\w*|found|identified)(?![\wåäö])")
# a sentence that tells a thing was carried out, which is not what came of it
CARRIED_OUT = re.compile(r"(?i)(?<![\wåäö])(?:genomförande|genomförts|genomfördes|genomfört|har omfattat|omfattade|"
                         r"ägt rum|hållits|hölls|carried out|conducted|held)(?![\wåäö])")
NOT_YET = re.compile(r"(?i)(?<![\wåäö])(?:genomförs|kommer att|planeras|ska|skall|förberedelser|inletts|inleddes|påbörjats|"
                     r"påbörjades|pågår|väntas|förväntas|pausats|pausades|pausat)(?![\wåäö])")


def untold_outcome(q: Question, chosen: list[Unit], units: Sequence[Unit] = ()) -> Unit | None:
    """The sentence to quote for "Vad blev resultatet av medarbetarenkäten i höstas?" when the report only
    says the survey is to be carried out ("Under hösten 2025 genomförs medarbetarenkäten …"): the report
    does not give the outcome, and quoting the plan as the answer would claim it does. A sentence that says
    so with as much of the question as the chosen one speaks for the thing asked about; another sentence's
    outcome ("… har lett till att nivån på resultatredovisning har ändrats") is not its outcome."""
    if chosen and not chosen[0].is_row and FINDINGS_ASKED.search(q.text) and not FOUND_TOLD.search(chosen[0].text):
        return chosen[0]  # "Vilka brister identifierades i de interna kontrollerna?": that controls are made
    if not chosen or chosen[0].is_row or not OUTCOME_ASKED.search(q.text):
        return None
    u = chosen[0]
    if (NOT_YET.search(u.text) or CARRIED_OUT.search(u.text)) and not OUTCOME_TOLD.search(u.text):
        return u  # (that the measuring was carried out is no result of it: «… genomförande av mätningar i …»)
    # the thing asked about: the question's words but those that ask for an outcome
    topic = [t for t, w in q.terms.items() if w >= 1.0 and not OUTCOME_TOLD.fullmatch(t) and t not in OUTCOME_WORDS]
    return next((v for v in units[:6] if not v.is_row and topic and NOT_YET.search(v.text)
                 and not OUTCOME_TOLD.search(v.text) and all(term_hit(q, t, v.stems | v.context) for t in topic)),
                None)


# a question on what happened, in the past tense: "Did the intranet launch …?", "Lanserades intranätet …?", "Hur gick
# valet …?", "What was the turnout …?"
HAPPENED_ASKED = re.compile(r"(?i)^\s*(?:did|was|were|has|have|had|what\s+(?:was|were)|how\s+(?:did|was|were|many|much)|"
                            r"who\s+won|which\s+\w+\s+won|blev|gick|vann|hur\s+(?:gick|blev|var|många|mycket|högt|stor)|"
                            r"vad\s+(?:blev|var)|vem\s+vann|har\b.*\b[a-zåäö]{3,}(?:ats|ts)\b|gjorde|hade|[a-zåäö]{4,}(?:ade|ades|de|des|tes)\b)")
PAST_VERB = re.compile(r"(?i)(?<![\wåäö])(?:did|was|were|has been|have been|had|won|blev|gick|vann|var|"
                       r"gjorde|hade|[a-zåäö]{4,}(?:ade|ades|de|des|tes|ats)|[a-z]{3,}ed)(?![\wåäö])")
PLANNED = re.compile(r"(?i)(?<![\wåäö])(?:ska|skall|kommer att|planera\w*|inför|väntas|förväntas|lanseras|"
                     r"will|plans?|planned|due)(?![\wåäö])")


def untold_later(q: Question, chosen: list[Unit]) -> Unit | None:
    """The sentence to quote for "Lanserades intranätet våren 2026 som planerat?" when the report, written
    within its own year, only tells the plan («… och lanseras våren 2026»): what came of it after the report
    was written is no part of it, and quoting the plan as the answer would claim it is."""
    if not chosen or chosen[0].is_row or not HAPPENED_ASKED.search(q.text) or not PAST_VERB.search(q.text):
        return None
    u = chosen[0]
    year = str(u.chunk.meta.get("year") or "")
    later = year.isdigit() and any(y.isdigit() and int(y) > int(year) for y in q.years)
    return u if later and PLANNED.search(u.text) and not OUTCOME_TOLD.search(u.text) else None


def count_forms(count: str) -> str:
    """A pattern for a count as the report may write it: "two" (or "2") as «två» or «2»."""
    n = int(count) if count.isdigit() else COUNTED_IN_WORDS[count.lower()]
    return "|".join([str(n), *(w for w, k in COUNTED_IN_WORDS.items() if k == n)])


def asked_thing(q: Question) -> set[str]:
    """The stems of the thing a question asks the name of ("the Tokyo-based startup" -> uppstartsbolag, startup;
    "Vad heter leverantören …" -> leverantör); empty when it asks for no name as such."""
    m = NAME_ASKED.search(q.asked)
    if m is None:
        # "Which cities joined …?", "Vilka städer …?": the noun a which-question asks the names of
        if q.kind != "name" or not q.focus:
            return set()
        focus = q.focus
        # a name before the noun is its modifier: "Which Tokyo startup …" asks for a startup
        after = re.search(rf"(?<![\wåäö]){re.escape(focus[:1].upper() + focus[1:])}\s+([a-zåäö-]{{4,}})", q.asked)
        # … and so is an adjective: "vilket tokyobaserat uppstartsbolag" asks for an uppstartsbolag
        after = after or (re.search(rf"(?i)(?<![\wåäö]){re.escape(focus)}\s+([a-zåäö-]{{4,}})", q.asked)
                          if q.lang == "sv" and focus.endswith(("a", "e", "t")) else None)
        focus = after.group(1) if after and names_a_thing(after.group(1)) else focus
        if q.lang == "en":
            return {stem(x) for x in one_word_renderings(focus)}
        return {stem(focus)}
    tokens = re.findall(r"[\wåäöÅÄÖ'-]+", q.asked[m.end():])
    while tokens and tokens[0].lower() in ("of", "the", "a", "an", "this", "that", "på", "den", "det", "de", "nya"):
        tokens = tokens[1:]
    taken: list[str] = []
    for i, w in enumerate(tokens):
        if w.lower() in ASKED_THING_END or (i > 0 and w[:1].isupper()):
            break
        taken.append(w.lower())
    if not taken:
        return set()
    head = taken[-1]
    if q.lang == "en":
        return {stem(x) for x in one_word_renderings(head)} | {stem(head)}
    return {stem(head)}


def one_word_renderings(word: str) -> list[str]:
    """The glossary's Swedish renderings of an English word that are one word ("startup" -> uppstartsbolag)."""
    return [x for t in translate(word) for x in t.swedish if " " not in x]


NAME_JOINERS = {"for", "of", "and", "on", "i", "för", "och"}
# two or more capitalised words, maybe joined by a short function word: a name ("Food Innovation Nordic")
MULTIWORD_NAME = re.compile(r"(?<![\wåäö])[A-ZÅÄÖ][\wåäö-]+(?:\s+(?:(?:for|of|and|on|i|för|och)\s+)?[A-ZÅÄÖ][\wåäö-]+)+")


def _matched(term: str, stems: AbstractSet[str], joined: str = "") -> bool:
    """A question term matches a stem exactly, or as the head or the modifier
    of a Swedish compound (cykel ~ förmånscykel, kompetens ~ kompetensförsörjning)
    — not in the middle of an unrelated word (arbet is not in medarbetare)."""
    if term in stems:
        return True
    if len(term) >= 3 and any(s.endswith("het") and stem(s[:-3], abstract=False).endswith(term) for s in stems):
        return True  # an adjective asked, its abstract noun said: säker ~ prognossäkerhet (not the other way round)
    if len(term) >= 5 and term[-3:] in ABLAUT and any(
            s.startswith(term[:-3] + ABLAUT[term[-3:]]) for s in stems):
        return True  # a strong verb's other vowel: avsatt ~ avsätta, tillsätta ~ tillsatt
    if (other := e_dropped_form(term)) and any(s.endswith(other) and (s != other or len(other) >= 6) for s in stems):
        return True  # a noun that drops its e when inflected: cyklar ~ förmånscykel (as a compound's head, or a word
        # of six letters: «medel» is as often the means of a sentence on other money as the «medlen» asked about)
    # the noun a verb is made of ("prognostiser" is prognos + "tiser"), met as a compound's head below
    nouns = [term[:-len(x)] for x in NOUN_VERB_SUFFIXES if term.endswith(x) and len(term) - len(x) >= 6]
    # (as the stemmer cuts it at a compound's end: budgeterat ~ «nämndsbudget», stemmed "nämndsbudg")
    nouns += [n[:-2] for n in nouns if n.endswith(("et", "en")) and len(n) >= 6]
    for s in stems:
        if len(term) >= PREFIX_LETTERS and (s.startswith(term) or s.endswith(term)):
            return True
        if len(term) >= 5 and any(len(s) - k > len(term) and s[:-k].endswith(term) for k in (1, 2)):
            return True  # a compound's head the stemmer left an ending on: progno (prognos) in årsprognos(en)
        if len(term) == 4 and s.startswith(term + "at"):
            return True  # the stemmer cut "-at" off a short word: klimat -> klim, in klimatomställningen
        short, long_ = (s, term) if len(s) < len(term) else (term, s)
        if len(short) >= 4 and len(long_) - len(short) <= 2 and long_.startswith(short):
            return True  # the stemmer left an inflection on one side: flyttat ~ flytt, summa ~ summ
        if long_[:5] == short[:5] and verb_root(term) == verb_root(s):
            return True  # a verb and its noun: utvecklats ~ utveckling, hanterat ~ hantering
        if len(short) >= 6 and long_.startswith(short) and long_[len(short):] in NOUN_VERB_SUFFIXES:
            return True  # a verb made of a noun: prognostiseras ~ prognos, budgeterat ~ budget
        if any(len(s) > len(noun) and s.endswith(noun) for noun in nouns):
            return True  # ... and that noun as a compound's head: prognostiseras ~ årsprognos(en)
    # a stem the stemmer would cut again ("prognos" of «prognosen» is "progno", as «Helårsprognos» was cut)
    again = stem(term)
    return again != term and len(again) >= PREFIX_LETTERS and any(s.endswith(again) for s in stems)


ABLAUT = {"sat": "sät", "sät": "sat"}  # (sätta, satt: the stemmer keeps the vowel)


def e_dropped_form(term: str) -> str | None:
    """The other form of a Swedish stem whose last syllable's e comes and goes (cykel/cykl, regel/regl), or None."""
    if len(term) >= 5 and term[-2] == "e" and term[-1] in "lrn" and term[-3] not in VOWELS:
        return term[:-2] + term[-1]
    if len(term) >= 4 and term[-1] in "lrn" and term[-2] not in VOWELS and term[-2] != term[-1]:
        return term[:-1] + "e" + term[-1]
    return None


# prognos -> prognostisera, budget -> budgetera (and the participle the stemmer leaves of "-ats": budgeterat(s))
NOUN_VERB_SUFFIXES = frozenset({"er", "ier", "iser", "tiser", "erat", "ierat", "iserat", "tiserat"})
VERB_NOUN_ENDINGS = ("ingarna", "ingar", "ingen", "ing", "ades", "ade", "ats", "at", "as")


@functools.lru_cache(maxsize=65536)
def verb_root(t: str) -> str:
    """A Swedish stem without the verb or -ing noun ending the stemmer keeps (utvecklat, utveckling ->
    utveckl); a root shorter than six letters is no root (ending is kept)."""
    for e in VERB_NOUN_ENDINGS:
        if t.endswith(e) and len(t) - len(e) >= 6:
            return t[: -len(e)]
    return t


# a physical unit a value is asked in ("in tonnes", "i ton", "in kWh"), and the report's words for it
PHYSICAL_UNITS = {"tonnes": ("ton",), "tons": ("ton",), "ton": ("ton",), "kwh": ("kwh",), "mwh": ("mwh",),
                  "gwh": ("gwh",), "twh": ("twh",), "liters": ("liter",), "litres": ("liter",), "liter": ("liter",),
                  "kilometres": ("kilometer", "km"), "kilometers": ("kilometer", "km"), "km": ("kilometer", "km"),
                  "kvadratmeter": ("kvadratmeter", "kvm"), "kvm": ("kvadratmeter", "kvm")}
UNIT_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:in|i|measured in|mätt i)\s+(" + "|".join(PHYSICAL_UNITS) + r")(?![\wåäö])")


RECIPIENTS_ASKED = re.compile(r"(?i)^\W*(?:vilka|who|which)\s+(?:har\s+|have\s+|has\s+)?(?:fick|fått|får|"
                              r"received|got|get|gets)(?![\wåäö])")


# the others asked for, besides a named one: "Which other metro lines … besides Öresundsmetron?", "Vilka andra
# städer förutom Stockholm …?"
OTHERS_BESIDES = re.compile(r"(?i)(?<![\wåäö])(?:which|what|vilka|vilken|vilket)\s+(?:other|andra|fler)\b.*?"
                            r"(?<![\wåäö])(?:besides|apart from|except|other than|förutom|utöver|utom)\s+"
                            r"(?:the\s+)?([A-ZÅÄÖ][\wåäö-]+)")


def only_the_one_excluded(q: Question, chosen: list[Unit]) -> Unit | None:
    """The quoted sentence when the question asks for others besides a named one and the sentence names no
    other (capitalised, past its first word) than that one: the report does not say which the others are."""
    m = OTHERS_BESIDES.search(q.text)
    if m is None or not chosen or chosen[0].is_row:
        return None
    excluded = stem(m.group(1).lower())
    names = [w for w in re.findall(r"(?<=[\s(])([A-ZÅÄÖ][\wåäö-]+)", chosen[0].text)]
    others = [w for w in names if not stem(w.lower()).startswith(excluded[:6])]
    mentions = any(stem(w.lower()).startswith(excluded[:6]) for w in names)
    return chosen[0] if mentions and not others else None


def asks_only_the_row(q: Question, label_hits: AbstractSet[str], title: str) -> bool:
    """Every word the question asks is in the row's label (`label_hits`) or its table's title, or is a figure word
    or the report's subject: "Vad är anslaget för projekt och utredningar?" asks nothing the row does not say."""
    title_words = set(terms(title))
    return all(t in label_hits or figure_word(t) or t in AMBIENT_ACTORS or term_hit(q, t, title_words, title.lower())
               for t, w in q.terms.items() if w >= 1.0)


QUALIFIED = re.compile(r"(?i)(?<![\wåäö])([a-zåäö]{4,})\s+(?:för|inom|till)\s+([a-zåäö]{4,})")


def qualified_mention(q: Question, text: str, asked: AbstractSet[str]) -> bool:
    """A sentence telling the question's noun as one kind of it, by what follows: «anslaget för projekt- och
    utredningar» for "anslag … totalt", the phrase's words not asked."""
    for m in QUALIFIED.finditer(text):
        noun, what = stem(m.group(1).lower()), stem(m.group(2).lower())
        if noun in asked and what not in asked and what not in STOP and not any(
                term_hit(q, t, {what}) for t in asked):
            return True
    return False


def qualified_head(q: Question, term: str, label_stem: str) -> bool:
    """A row label's compound met only by its head: "bidrag" asked, «Kommunbidrag» written, the modifier unasked.
    (By the word asked, not by a rendering of it: "överskott" is read as «avvikelse», and «budgetavvikelse» is
    the deviation it means.)"""
    return label_stem not in (term, *q.alternatives.get(term, ())) and label_stem.endswith(term) \
        and len(label_stem) - len(term) >= HEAD_MODIFIER \
        and not any(_matched(t, {label_stem[:len(label_stem) - len(term)]}) for t in q.terms
                    if t != term and t not in q.table_named)  # (the table's name asks for no row)


def term_hit(q: Question, term: str, stems: AbstractSet[str], joined: str = "") -> bool:
    """A question term in the evidence, or one of its other renderings (an English word's
    translations: "crisis" is met by kris and by krisberedskap)."""
    return _matched(term, stems, joined) or any(_matched(a, stems, joined) for a in q.alternatives.get(term, ()))


FIRST_PART_MAX = 4  # compounds a word the report lacks may stand first in and still be read as them
RARE_ROW_WORD_DF = 3  # a question word in this few passages names the table row that holds it
HEAD_MODIFIER = 3  # letters before a compound's head that make it one («mark|hyror»), not an inflection
PREFIX_LETTERS = 5  # a question word this long meets a compound it begins (_matched); a shorter one does not


# a count asked per something: "… per chef", "how many employees a single manager should have", "varje chef"
RATIO_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:per|each|every|single|varje|enskild|enskilda|vardera|"
                         r"(?:a|an|one|en|ett)\s+[\wåäö]+\s+(?:max\s+|högst\s+|maximalt\s+)?"
                         r"(?:should|can|may|must|ska|bör|får|kan)\s+(?:max\s+|högst\s+|maximalt\s+|at\s+most\s+)?ha(?:ve)?|"
                         r"(?:ska|bör|får|kan|should|can|may|must)\s+(?:en|ett|a|an|one)\s+[\wåäö]+\s+"
                         r"(?:max\s+|högst\s+|maximalt\s+)?ha(?:ve)?)(?![\wåäö])")


# examples asked for, and a sentence that gives them: "Ge exempel på …" / «Till exempel har medel fördelats till …»
EXAMPLES_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:exempel|examples?|t\.\s?ex\.?|such as)(?![\wåäö])")
GIVES_EXAMPLE = re.compile(r"(?i)^\s*(?:till exempel|exempelvis|som exempel|bland annat|ett exempel|ytterligare ett exempel|"
                           r"for example|for instance)(?![\wåäö])")

# what a thing is or does: "Vad är …", "vad ska X göra", "vilken roll …", "what is X supposed to do"
WHAT_IT_IS_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:vad är|vad e|vad ska\b.*\bgöra|vilken roll|vad gör|vad innebär|"
                              r"för något|för nåt|what is|what's|what does|supposed to do|what role)(?![\wåäö])")


# a sentence that says what a thing is for, looked for among the next sentences after a "Vad är …?" answer
PURPOSE_STATED = re.compile(r"\s*(?:Syftet (?:är|med)|Målet (?:är|med)|(?:Satsningen|Insatsen|Projektet|Arbetet|Programmet) "
                            r"syftar|The (?:aim|purpose|goal) (?:is|of))\b")
PURPOSE_AHEAD = 3
DEFINED_WEIGHT = 0.3  # a sentence that writes the name asked about in parentheses after what it is
# what a name is, and nothing more: "Vad är Medvind för något?", "What is KISA?"
DEFINITION_ASKED = re.compile(r"(?i)^\s*(?:vad är|vad e|what is|what's)\s+(?:det där\s+|the\s+)?([^?]+?)"
                              r"(?:\s+för\s+(?:något|nåt))?\s*\?")


def goes_on_about(best: Unit, following: Unit) -> bool:
    """Whether the next sentence opens with the thing the sentence before names, in the definite form: «…
    konkretisera bolagets verksamhet …» / «Bolaget ska …», «… förberett satsningen Malmö Möts.» / «Satsningen …»."""
    first = re.match(r"\s*([A-ZÅÄÖ][a-zåäö]{3,}(?:et|en|an|n))\b", following.text)
    if first is None:
        return False
    head = stem(first.group(1).lower())
    return len(head) >= 4 and any(s_.startswith(head) for s_ in best.stems)


def counted_near(unit: Unit, q: Question) -> bool:
    """ "Hur många utfallslabb": a number right before the counted noun ("Fyra utfallslabb") or, when the
    question counts by a modifier ("hur många nya …"), before that modifier."""
    if q.kind != "count" or not q.counted:
        return False
    # a number, not a year ("i juni 2026 med deltagande" counts no one)
    number = r"((?<![\d])(?!(?:19|20)\d\d\b)\d[\d\s]*|\b(?:" + "|".join(NUMBER_WORDS) + r"))"
    low = unit.text.lower()
    # "30 medarbetare per chef" is a ratio, not how many medarbetare there are (unless a ratio is asked)
    ratio = "" if RATIO_ASKED.search(q.text) else r"(?!\s+per\b)"
    # the report's other words for it, and an English word's other renderings ("pioneer": pionjärstäder)
    for counted in (q.counted, *COUNT_SYNONYMS.get(q.counted, ()), *q.alternatives.get(q.counted, ())):
        if re.search(number + r"\s+(\w+\s)?\w*" + re.escape(counted[:5]) + r"[\wåäö]*" + ratio + r"(?![\wåäö])", low):
            return True
    # "Hur många nya medarbetare …" answered by "… drygt 400 nya som beställde": counted by the modifier
    return (q.counted_as is not None
            and re.search(number + r"\s+" + q.counted_as + r"\b", low) is not None)


def without_question_values(text: str, question: str) -> str:
    """The text without the numbers and number words the question itself states
    ("de två japanska bolagen": a sentence saying "två japanska bolag" adds nothing)."""
    qlow = question.lower()
    stated = set(re.findall(r"\d[\d\s,.]*\d|\d", qlow)) | {w for w in words(qlow) if w in NUMBER_WORDS}
    stated = {x.strip() for x in stated if x.strip() and not YEAR_TOKEN.match(x.strip())}
    if not stated:
        return text
    pattern = r"(?<![\wåäö\d])(" + "|".join(re.escape(x) for x in sorted(stated, key=len, reverse=True)) + \
        r")(?![\wåäö\d])"
    return re.sub(pattern, " ", text, flags=re.IGNORECASE)


# a sentence naming several things: "… personalredovisning med nyckeltal, … mötes- och resepolicyn samt … löneöversyn,
# kollektivavtal, rekryteringar …"
LIST_SEPARATOR = re.compile(r",\s|\s(?:samt|och|and)\s")
LIST_ITEMS = 4  # separators a sentence must have to name several things


# names after a colon: «… vunnit två internationella kongressanbud: Food Innovation Nordic och International …»
NAMES_AFTER_COLON = re.compile(r":\s*[A-ZÅÄÖ][^.:]*?(?:,|\s(?:och|samt|and)\s)\s*[A-ZÅÄÖ]")


# a run of three things or more named in lower case: «… minoriteterna judar, samer, sverigefinnar och tornedalingar»
LOWER_LIST = re.compile(r"\s+[a-zåäö][\wåäö-]*,\s+[a-zåäö][\wåäö-]*(?:,\s+[a-zåäö][\wåäö-]*)*\s+(?:och|samt)\s+[a-zåäö]")


def lists_what_is_asked(q: Question, text: str) -> bool:
    """A sentence that names the things asked in lower case, right after the word asked for: «de nationella
    minoriteterna judar, samer, sverigefinnar och tornedalingar» names the minorities, though no name is capitalised."""
    for m in re.finditer(r"[\wåäö-]+", text):
        # (a plural in its definite form names the group the list then spells out: «minoriteterna», «städerna»)
        if len(m.group(0)) > 3 and m.group(0).lower().endswith("na") \
                and any(term_hit(q, t, {stem(m.group(0).lower())}) for t in q.terms) and LOWER_LIST.match(text, m.end()):
            return True
    return False


def enumerates(text: str) -> bool:
    return len(LIST_SEPARATOR.findall(text)) >= LIST_ITEMS or NAMES_AFTER_COLON.search(text) is not None


def list_leads(chunk: IndexedChunk) -> frozenset[str]:
    """The sentences of a chunk the next one of which introduces a list of bullets: «Solidariskt och
    intäktsfinansierad verksamhet finansieras av …» / «Den budgeterade omsättningen avser bland annat:» /
    «• upphandlingsverksamhet» … (a sentence written twice counts where it first stands)."""
    texts = [x.text for x in units_of(chunk, 0)]
    return frozenset(t for i, t in enumerate(texts[:-2]) if texts.index(t) == i and introduces_a_list(texts[i + 1])
                     and texts[i + 2].lstrip().startswith("•"))


DAY_OF_MONTH = re.compile(r"(?i)(?<!\d)(\d{1,2})\s+(?:jan(?:uari)?|feb(?:ruari)?|mars|april|maj|juni|juli|aug(?:usti)?|"
                          r"sep(?:tember)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|january|february|march|may|june|"
                          r"july|august|october)(?![\wåäö])")


# an amount of money asked for in so many words: a number that is no sum of money does not answer it
MONEY_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:pengar|pengarna|money|kronor|mkr|tkr|msek|sek|kostar|kostade|cost|costs|"
                         r"funding|funds|finansiering|finansieringen|medel|medlen)"
                         r"(?![\wåäö])")


# how much something changed, asked, and a change told in words (a fraction or a multiple)
CHANGE_ASKED_OF = re.compile(r"(?i)(?<![\wåäö])(?:minskat|ökat|minskade|ökade|sjunkit|stigit|gått ned|gått upp|fallit|"
                             r"decreased|increased|fallen|fell|dropped|risen|rose|grown|grew|declined|gone (?:up|down))"
                             r"(?![\wåäö])")
CHANGE_IN_WORDS = re.compile(r"(?i)(?<![\wåäö])(?:halver\w*|fördubbl\w*|tredubbl\w*|fyrdubbl\w*|halved|doubled|tripled|"
                             r"quadrupled)(?![\wåäö])")


# a value put forward to be confirmed or corrected: "var den på 600 miljoner eller hur mycket var det?"
VALUE_CHECKED = re.compile(r"(?i)\d[^?]{0,40}\b(?:eller|or)\s+(?:hur (?:mycket|många|stor)|how (?:much|many|large))\b")


TOLD_AFTER = 4  # sentences after the first part's quote looked through for the second part's answer


# the event a date is asked of, with the report's words for it: "When will the Öresund metro open?" is not answered by
# the date the metro is studied further («… som kommer att utredas vidare under hösten 2025»)
EVENTS = (
    (re.compile(r"(?i)(?<![\wåäö])(?:open|opens|opening|opened|öppna\w*|öppnar|invig\w*|inaugurat\w*)(?![\wåäö])"),
     ("öppn", "invig", "trafikstart", "driftstart", "lanser", "tillgänglig")),
    # "When will the first metro train run …?" is not when a consultation document was drawn up
    (re.compile(r"(?i)(?<![\wåäö])(?:first (?:train|trains|bus|buses|departure)|(?:start|begin)s? (?:running|operating|"
                r"operation|traffic)|(?:trains?|metro) (?:will )?(?:run|runs|start)|tas i (?:drift|bruk|trafik)|"
                r"börjar (?:gå|köra|trafikera)|första (?:tåget|tågen|bussen|avgången)|trafikstart\w*|driftstart\w*|"
                # a system's start: "When will the new ERP system go live?" is not when its contract is signed
                r"go(?:es)? live|went live|gone live|driftsätt\w*|driftsatt\w*)"
                r"(?![\wåäö])"),
     ("trafikstart", "driftstart", "i drift", "i trafik", "i bruk", "öppn", "invig", "produktionsstart", "börjar gå",
      "driftsätt", "driftsatt", "införs", "införas", "införd", "införande", "lanser")),
    # "När beräknas byggstart?" is not when a study of the rebuilding began
    (re.compile(r"(?i)(?<![\wåäö])(?:byggstart\w*|börja(?:r)? (?:att )?byggas|construction (?:starts?|begins?|will start|"
                r"start date)|start of construction|breaks? ground)(?![\wåäö])"),
     ("byggstart", "byggas", "byggnation", "construction")),
    # "By what date is the inquiry expected to be completed?" is not when it was decided on
    (re.compile(r"(?i)(?<![\wåäö])(?:complet\w*|finish\w*|klar|klart|färdig\w*|slutför\w*|avslut\w*|"
                r"ta(?:r)? slut|be (?:ready|done|over)|end|ends|upphör\w*)(?![\wåäö])"),
     ("klar", "färdig", "slutför", "avslut", "slut", "upphör", "pågå", "löper", "fram till", "till och med", "t.o.m",
      "senast", "complet", "finish", "end")),
)


def event_missing(q: Question, u: Unit) -> bool:
    """A date asked of an event the quoted evidence does not tell of (an opening: its launch or its being made
    available counts)."""
    if q.kind != "date":
        return False
    # (the answer quotes a later sentence of the passage with it: «… beräknas vara klar i januari 2026»)
    said = " ".join([u.text, *sentences_after(u, TOLD_AFTER)]).lower()
    return any(asked.search(q.text) and not any(re.search(r"(?<![\wåäö])" + re.escape(w), said) for w in words_)
               for asked, words_ in EVENTS)  # (a word's start: «beslut» tells of no end)


def sentences_after(u: Unit, n: int) -> list[str]:
    """Up to n sentences after a quoted one in its passage (none for a row)."""
    if u.is_row:
        return []
    texts = [x.text for x in units_of(u.chunk, u.rank)]
    at = texts.index(u.text) if u.text in texts else len(texts)
    return texts[at + 1:at + 1 + n]


def asked_name_nouns(q: Question) -> list[str]:
    """The noun a name question asks for ("vilken leverantör"), in the report's words: an English one as the
    glossary renders it ("which agency": «myndighet»)."""
    focus = q.focus or ""
    if q.lang == "en":
        return list(rendered_name_nouns(focus)) if focus else []
    return [max(focus.split("-"), key=len)] if names_a_thing(focus) else []


def names_an_agency(text: str) -> bool:
    """A Swedish agency named by its suffix after a sentence's first word: «… från Livsmedelsverket»."""
    return any(tok[:1].isupper() and AGENCY_NAME.search(tok.strip(".,:;()”\"").lower()) for tok in text.split()[1:])


@functools.lru_cache(maxsize=256)
def rendered_name_nouns(focus: str) -> tuple[str, ...]:
    """An English question's noun asked for, as the glossary renders it, when it names a thing ("agency":
    «myndighet»); looked up once per noun, not for each sentence scored."""
    return tuple(w for t in translate(focus)[:1] for w in t.swedish[:1] if names_a_thing(w))


def _date_fit(q: Question, low: str, years: list[Any]) -> float:
    """How well a unit holds a date: a month fully, a year fully when a year is asked, else half."""
    if any(m in low for m in MONTHS):
        return 1.0
    has_year = bool(years) or YEAR_IN_TEXT.search(low) is not None
    if has_year and (q.focus or "") in YEAR_FOCUS:
        return 1.0  # "Vilket år startade …?": a year is the whole answer
    return 0.5 if has_year else 0.0


# a label and its figure on a line of their own, as a table flattened into text writes them
FIGURE_LINE = re.compile(r"[^.!?:;]{2,80}\s[-+−]?\d{1,3}(?:[ \u00a0]\d{3})*(?:,\d+)?")
MONEY_UNIT = re.compile(r"(?i)\b(?:tkr|mkr)\b")


def kind_score(unit: Unit, q: Question, coverage: float = 0.0, common: frozenset[str] = frozenset()) -> float:
    """How well the unit holds the kind of answer asked for: 1 fully, a
    fraction for a weaker form (a year for "när", a bare number for an
    amount), 0 not at all. `common`: stems of names on most of the report's
    pages (Malmö, Kommunstyrelsen), which answer no "who" or "which"."""
    kind = q.kind
    text = unit.text
    if kind in ("count", "amount", "percent", "date"):
        if not VALUE_CHECKED.search(q.text):  # ("var den på 600 miljoner eller hur mycket?": the value confirms)
            text = without_question_values(text, q.text)  # an answer adds the value asked for
        text = CASE_NUMBER.sub(" ", text)  # "STK-2024-1711" is a case, not a year or a count
    low = text.lower()
    if kind == "reason":
        return 1.0 if CAUSAL.search(low) else 0.3
    if kind is None and unit.is_row and PURPOSE_ASKED.match(q.text):
        return 0.0  # what money is for is said in words: a row gives its amount
    for asked, told in ((TARGET_ASKED, TARGET_TOLD), (FINDING_ASKED, FINDING_TOLD), (PURPOSE_NOUN_ASKED, PURPOSE_NOUN_TOLD)):
        # who a thing is for is a group, not a name: «… riktat till studie- och yrkesvägledare», «Målgruppen är …»;
        # what a study showed is told as what it showed: «Utvärderingen visade att …»; a purpose as one: «… för att
        # göra lokalkostnaderna mer jämförbara»
        if kind in (None, "list", "name") and asked.search(q.text):
            if told.search(low):
                return 1.0
            if kind != "name":
                return TARGET_UNTOLD
    if kind == "list" and unit.is_row and (focus := q.focus or "") and len(focus) >= 5 and focus not in KIND_NOUNS:
        # "Vilka matcher spelas under EM i handboll?": a row is one thing's figures, an answer to "vilka X" only in
        # a table of X («… projekt och utredningar …» for "vilka projekt")
        where = f"{text} {unit.chunk.meta.get('table_title') or ''} {unit.chunk.meta.get('heading') or ''}".lower()
        if not _matched(stem(focus), set(terms(where)), where):
            return 0.0
    if kind in (None, "goal_area", "goals_in_area", "status", "list", "heading"):
        return 1.0
    if kind == "goal":
        return 1.0 if "kommunfullmäktigemål" in low or unit.chunk.meta.get("goal") else 0.0
    qs = find_quantities(text)
    years = [x for x in qs if x.unit is None and float(x.value).is_integer() and 1900 <= x.value <= 2100]
    numbers = [x for x in qs if x not in years]
    if kind == "percent":
        return 1.0 if any(x.unit == "%" for x in qs) or (unit.is_row and "%" in text) else 0.0
    if kind == "amount":
        if DIFFERENCE.search(low) and not COMPARED.search(q.text):
            return 0.5  # "18,5 Mkr högre år 2025" is how much it changed, not how much it is
        if not unit.is_row and numbers and TRANSFER_SAID.search(low) and not TRANSFER_ASKED.search(q.text) \
                and not COMPARED.search(q.text):
            return 0.5  # «… beslutade kommunstyrelsen att omfördela kommunbidrag … 2 856 Tkr»: what moved, not the whole
        if any(x.unit == "kr" for x in qs) or (unit.is_row and numbers):
            return 1.0
        if numbers and any(w in low for w in (" mkr", " tkr", "kronor", "%")):
            return 1.0
        if numbers and not unit.is_row and FIGURE_LINE.fullmatch(unit.text) and MONEY_UNIT.search(unit.chunk.text):
            return 1.0  # a line of a table flattened into text, «Övriga kostnader och intäkter -1 700», among «… Tkr»
        if MONEY_ASKED.search(q.text):
            return 0.0  # "Hur mycket pengar fick …?" is not answered by «… för de 70 företag som ingår»
        if CHANGE_ASKED_OF.search(q.text) and CHANGE_IN_WORDS.search(low):
            return 1.0  # "Hur mycket har flygresorna minskat?": «… mer än halverats sedan 2019»
        return 0.5 if numbers else 0.0
    if kind == "count":
        # (or a share of the things counted: "Hur många chefer har gått …?" is told «cirka 30 procent av stadens
        # chefer»)
        if counted_near(unit, q) or (q.counted is not None and re.search(
                rf"\d\s*(?:%|procent)\s+av\s+(?:[\wåäö]+\s+){{0,2}}{re.escape(q.counted)}", low)):
            return 1.0
        # an amount or a share is not a count, nor a day of a month («perioden 1 januari - 31 augusti»)
        days = {int(d) for d in DAY_OF_MONTH.findall(text)}
        countable = [x for x in numbers if x.unit not in ("kr", "%") and not (x.value in days and x.value <= 31)]
        return 0.7 if countable or any(w in NUMBER_WORDS for w in words(low)) else 0.0
    if kind == "date":
        date_fit = _date_fit(q, low, years)
        if SINCE_ASKED.search(q.text) and not SINCE_TOLD.search(low):
            return min(date_fit, 0.5)  # "Sedan när pågår …?" asks when it began: «… sedan 2023 …», not a later month
        return date_fit
    if kind == "name":
        if unit.is_row:
            return 0.0  # table rows hold numbers, not names
        if HOLDER_ASKED.search(q.text) and not HOLDER_NAMED.search(text):
            return 0.0  # "Vem är chef för …?", "Who is the director of …?": a person, named beside the role
        # (an English question's names in the report's spelling too: "Gothenburg" asked is «Göteborg» quoted, no
        # name the answer adds)
        qlow = q.text.lower() + (" " + " ".join(q.terms) if q.lang == "en" else "")
        asked = asked_name_nouns(q)
        where = f"{low} {str(unit.chunk.meta.get('heading') or '').lower()}"
        initials = "".join(w[0] for w in re.findall(r"\b[A-ZÅÄÖ][\wåäö]*", q.text)[1:]).lower()
        plural = re.match(r"(?i)\s*vilka\b", q.text) is not None  # several names are asked for
        # "Vem leder styrgruppen …?" asks who does what its verb says: a sentence that never says it («Även arbetet
        # inom Cities for Better Health (CBH) och satsningen Dans för Hälsa fortlöper …») names no one who does
        # (working together and paying are told in other words too: «i samverkan med», «med medel från»)
        if (verb := WHO_VERB.match(q.text)) and (v := stem(verb.group(1).lower())) in q.terms:
            if not term_hit(q, v, unit.stems | unit.label) \
                    and not any(v.startswith(k) and told.search(low) for k, told in VERB_TOLD_AS):
                return 0.0
            # … and of what it asks about: "Vem ansvarar för visselblåsarfunktionen?" is not answered by
            # «Kommunstyrelsen ansvarar för att ta fram formerna för kraftsamlande insatser»
            thing = [t for t, w in q.terms.items() if w >= 1.0 and t != v and t not in AMBIENT_ACTORS
                     and t not in PARTS and t not in STOP and not YEAR.fullmatch(t)]
            heading = set(terms(str(unit.chunk.meta.get("heading") or "")))
            if thing and not any(term_hit(q, t, unit.stems | unit.label | heading, low) for t in thing):
                return 0.0
        if WHO_TAKES_PART.search(q.text) and PARTICIPANTS_TOLD.search(low):
            return 1.0  # "Who takes part in the forum …?": «… med deltagare från stadens verksamheter, regionen …»
        if WHO_ACTS.match(q.text):  # "Vem leder …?": the report's own bodies act too ("… leds av stadskontoret")
            qlow_words = set(words(qlow))
            if any(b not in qlow_words for b in ACTING_BODY.findall(low)):
                return 1.0
        # a Swedish agency is named by its suffix: "vilken myndighet" is answered by Livsmedelsverket
        if any(a.startswith("myndighet") for a in asked) and names_an_agency(text):
            return 1.0
        if any(a.startswith("myndighet") for a in asked) and not AGENCY_WORD.search(text):
            return 0.0  # "Which agency …?" is not answered by «Som första kommun i Sverige …»
        if lists_what_is_asked(q, text):
            return 1.0  # «… de nationella minoriteterna judar, samer, sverigefinnar och tornedalingar»
        names = names_in(text, qlow, initials, common)
        # "Vilka organisationer fick medel …?": a sentence naming several (Pink Programming, Redi School, BLING
        # Startup) lists them, though it never says "organisation" (people are named as people: "personer")
        if plural and len(name_groups(names)) >= LISTED_NAMES and not any(a.startswith("person") for a in asked):
            return 1.0
        # a partner is named where the cooperation is told ("i samarbete med …", "i nära samverkan med …")
        told = [*asked, *(("samarb", "samve") if any(a.endswith(("partner", "partners")) for a in asked) else ())]
        if asked and not any(a[:5] in where for a in told) and coverage < 0.5:
            return 0.0
        for tok in text.split():
            tl = tok.strip(".,:;()”\"").lower()
            if tl and tl not in qlow and any(a[:5] in tl and not tl.startswith(a[:5]) for a in asked) and not plural:
                return 1.0  # a compound naming the thing: justitiedepartementet (not "pionjärstäderna" for "vilka städer")
        return 1.0 if names else 0.0
    return 1.0


# who holds a role, asked ("Vem är den nya chefen för …?", "Who is the chair of …?"), and a person named beside a
# role in the report's way («stadsdirektör Anna Andersson», «Anna Andersson, ordförande i …»)
_ROLES = (r"(?:[a-zåäö]*chef\w*|[a-zåäö]*direktör\w*|ordförande\w*|ledare\w*|samordnare\w*|borgmästare\w*|"
          r"kommunalråd\w*|head|director|chair\w*|manager|leader|mayor|ceo|boss|president|coordinator)")
HOLDER_ASKED = re.compile(r"(?i)^\s*(?:vem|who)\s+(?:är|var|blir|blev|is|was|will be|becomes)\s+(?:den |det |the )?"
                          r"(?:nya |nye |ny |new |current |nuvarande |tillförordnade |acting )?" + _ROLES + r"(?![\wåäö])")
_NAME = r"[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?\s+[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?"
HOLDER_NAMED = re.compile(r"(?i:" + _ROLES + r"),?\s+" + _NAME + r"|" + _NAME + r",\s+(?:\w+\s+)?(?i:" + _ROLES + r")")


# when a thing began, asked ("Sedan när …?", "Since when …?"), and told («sedan 2023», «since 2023»)
SINCE_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:sedan|since|ända sedan|från)\s+(?:när|when)(?![\wåäö])")
SINCE_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:sedan|since|från och med|startade|inleddes|påbörjades|började)(?![\wåäö])")


# who takes part in a thing, asked, and told as its participants, whoever they are
WHO_TAKES_PART = re.compile(r"(?i)^\s*(?:(?:vem|vilka) (?:deltar|deltog|medverkar|medverkade|ingår|är med)|who (?:takes|took|"
                            r"is taking|are taking) part|who (?:participates|participated|is involved|are involved))\b")
PARTICIPANTS_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:med deltagare från|deltagare från|deltar|deltog|medverkar|ingår|"
                               r"består av|omfattar|anslutit sig|anslöt sig|i samarbete med|i samverkan med)(?![\wåäö])")
LISTED_NAMES = 3  # names a sentence must hold to list several ("Pink Programming, Redi School, BLING Startup")


def name_groups(names: list[tuple[int, str]]) -> list[str]:
    """Names as written, from their capitalised words and positions: adjacent words are one name
    ("Redi School"), and an abbreviation of the name before it is that name ("World Maritime University (WMU)")."""
    groups: list[list[str]] = []
    last = -2
    for i, t in names:
        if groups and i == last + 1:
            groups[-1].append(t)
        elif not (groups and t.isupper() and t.lower() == "".join(w[0] for w in groups[-1]).lower()):
            groups.append([t])
        last = i
    return [" ".join(g) for g in groups]


def names_joined(text: str, names: list[str]) -> set[str]:
    """The names a question joins with "and"/"or" ("both in Sweden and in Denmark", "Göteborg och Stockholm")."""
    joined: set[str] = set()
    for a, b in itertools.permutations(names, 2):
        if re.search(re.escape(a) + r"\W+(?:\w+\W+){0,2}?(?:and|och|or|eller|samt)\W+(?:\w+\W+){0,2}?" + re.escape(b),
                     text):
            joined |= {a, b}
    return joined


# an institution named by its place and a lower-case noun: «Malmö universitet», «Lunds universitet»
INSTITUTION = re.compile(r"universitet|högskola|universitetssjukhus|tingsrätt|hovrätt|länsstyrelse")


def names_in(text: str, qlow: str, initials: str, common: frozenset[str]) -> list[tuple[int, str]]:
    """The capitalised words of a sentence that name something the question does not, with their positions
    (`qlow`: the question in lower case; `initials`: its names' initials; `common`: stems of the report's own
    subjects)."""
    found = []
    for i, tok in enumerate(text.split()):
        t = tok.strip(".,:;()”\"")
        tl = t.lower()
        if not t or tl in qlow or i == 0:
            continue
        if t.isupper() and len(t) > 1 and tl == initials:
            continue  # "CBH" for the question's "Cities for Better Health"
        after = next(iter(text.split()[i + 1:i + 2]), "").strip(".,:;()”\"")
        if INSTITUTION.fullmatch(after.lower()) and after.lower() not in qlow:
            found.append((i, f"{t} {after}"))  # «Malmö universitet»: a name, though its city is the report's
            continue
        if tl in UNIT_WORDS or stem(tl) in common or (tl.endswith("s") and stem(tl[:-1]) in common):
            continue  # "171,4 Mkr" names an amount, "Malmös" the report's subject: no one asked for
        if tl in STOP and tok[:1] not in "(«\"”":
            continue  # a capitalised "Det" opens a title «Det här vill Malmö» named elsewhere; "(Ett resilient
            # Malmö)" is a name given
        if t[0].isupper():
            found.append((i, t))
    return found


def evidence_order(hits: list[tuple[IndexedChunk, float]], units: list[Unit]) -> list[tuple[IndexedChunk, float]]:
    """Rerank retrieved chunks by their best sentence or table row (units
    sorted by score): a chunk is as good as the passage in it that answers
    the question, which fused chunk scores only approximate."""
    best: dict[str, float] = {}
    for u in units:
        best.setdefault(u.chunk.id, u.score)
    ranked = sorted(hits, key=lambda h: -best.get(h[0].id, -math.inf))
    return Hits(ranked, getattr(hits, "dense_similarity", {}))


def few_of_one_table(hits: Hits, k: int, asked_rows: Callable[[IndexedChunk], int] | None = None) -> Hits:
    """The first `k` hits with at most TABLE_CHUNKS_MAX chunks of any one table: a long table's chunks share its
    title and header, so a question on one of its words fills the evidence with them («… kommunbidragsfinansierat»
    five times) and pushes out the passage that answers ("the positive deviation on personnel costs" is «Personal-
    kostnader + 7 Mkr»). The chunks kept are those with most rows the question asks about (`asked_rows`: "lokalerna"
    is «Lokalkostnader», in the table's fourth chunk), then the best ranked."""
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, (chunk, _) in enumerate(hits):
        if chunk.meta.get("kind") == "table":
            groups.setdefault((chunk.meta.get("source"), chunk.meta.get("table_title"), chunk.page), []).append(i)
    dropped: set[int] = set()
    for members in groups.values():
        if len(members) > TABLE_CHUNKS_MAX:
            ranked = sorted(members, key=lambda i: (-asked_rows(hits[i][0]), i)) if asked_rows else members
            dropped |= set(ranked[TABLE_CHUNKS_MAX:])
    return Hits([h for i, h in enumerate(hits) if i not in dropped][:k], hits.dense_similarity)


def retrieved_of(hits: list[tuple[IndexedChunk, float]]) -> list[dict[str, Any]]:
    """The ranked evidence as the evals and the JSON record it (id, page range, source)."""
    return [{"id": c.id, "page": c.page, "page_end": int(c.meta.get("page_end", c.page) or c.page),
             "source": c.meta.get("source")} for c, _ in hits]


def cited_sources(citations: list[Citation]) -> list[dict[str, Any]]:
    """The passages an answer composed without a search rests on (an outline, a page, an inventory), as
    `retrieved_of` records ranked evidence."""
    return [{"id": c.chunk_id, "page": c.page, "page_end": c.page, "source": c.source} for c in citations]


def semantic_winner(units: list[Unit]) -> Unit | None:
    """The sentence the embedding clearly prefers: of those holding the kind
    of answer asked for, the most similar to the question by a margin over
    the next. When the report does not answer, similarity is spread evenly
    over near-misses instead."""
    pool = sorted({u.text: u for u in units if u.dense > 0 and u.type_ok}.values(), key=lambda u: -u.dense)
    if not pool or pool[0].dense < WINNER_MIN:
        return None
    runner_up = pool[1].dense if len(pool) > 1 else 0.0
    return pool[0] if pool[0].dense - runner_up >= WINNER_MARGIN else None


@dataclass
class Proposal:
    """The fact shape's evidence and its best candidate answer, before the judge.

    `chosen` is what the rules pick when they accept (`rule_ok`), else the best
    unit that holds the asked-for kind and meets the question's years and names:
    the judge decides whether it answers."""

    hits: list[tuple[IndexedChunk, float]]
    units: list[Unit]
    chosen: list[Unit]
    rule_ok: bool
    unnamed: Unit | None = None  # a name question the report answers without the name (see nameless_mention)
    untold: str = "name"  # what `unnamed` leaves out: "name", "outcome" (see untold_outcome), "later" …


class ExtractiveAnswerer:
    """Evidence scoring, the fact shape and the outline answers of the offline mode."""

    def __init__(self, library: Library) -> None:
        self.a = library
        self._source: str | None = None

    # -- public -----------------------------------------------------------
    def propose(self, q: Question, filters: Filters | None, k: int | None = None) -> Proposal:
        """Evidence and the best candidate for a fact question (the judge decides); `k` chunks
        (default: the configured top_k)."""
        hits, units = self._evidence(q, filters, k or self.a.settings.top_k)
        chosen = self._choose(q, units) or self._row_of_each_named(q, units)
        rule_ok = bool(chosen)
        if not chosen:
            fallback = next((u for u in units[:20] if u.type_ok and self.constraints_ok(q, u)), None)
            chosen = [fallback] if fallback is not None else []
        if q.kind == "name" and len(chosen) == 1 and (said := self._said_of_it_after(q, chosen[0], units)):
            chosen = [chosen[0], said]  # «… Malmö Energi och Hållbarhet AB (MEHAB) …» «Bolaget ska …»: what is asked
        unnamed = self.nameless_mention(q, units, chosen) or self.indefinite_mention(q, chosen) or \
            self.counted_mention(q, units)
        if unnamed is not None and (named := name_of_its_subject(q, unnamed)) is not None:
            # «Bolaget ska bland annat bidra till ett klimatneutralt Malmö …»: the company is named just before
            return Proposal(hits, units, [named, unnamed], True)
        if unnamed is not None:
            return Proposal(hits, units, [], False, unnamed)
        if (row := self._row_without_the_year(q, chosen, units)) is not None:
            return Proposal(hits, units, [], False, row, "period")
        if (unspecified := self.unspecified_kinds(q, units, chosen)) is not None:
            return Proposal(hits, units, [], False, unspecified, "which")
        planned = untold_outcome(q, chosen, units)
        if planned is not None:
            return Proposal(hits, units, [], False, planned, "outcome")
        if (planned := untold_later(q, chosen)) is not None:
            return Proposal(hits, units, [], False, planned, "later")
        if (alone := only_the_one_excluded(q, chosen)) is not None:
            return Proposal(hits, units, [], False, alone, "which")
        return Proposal(hits, units, chosen, rule_ok)

    def _row_of_each_named(self, q: Question, units: list[Unit]) -> list[Unit]:
        """For an amount asked of two or more named things together ("Hur mycket har beslutats för Malmö Pride och
        Hela Malmö?"), a row of one table for each, every word of its label asked, that between them hold every name
        the question gives; empty otherwise (no one row holds all the names, so no rule chose one)."""
        if q.kind not in ("amount", None) or len(q.names) < 2 or not BOTH_NAMED.search(q.text):
            return []
        names = {n.lower() for n in q.names}
        picked: list[Unit] = []
        said: set[str] = set()
        for u in units[:EACH_NAMED_LOOKUP]:
            label = u.row_label
            if not label or not amounts_in(u.text) or (picked and u.chunk.meta.get("table_title")
                                                       != picked[0].chunk.meta.get("table_title")):
                continue
            own = {n for n in names if re.search(rf"(?<![\wåäö]){re.escape(n)}(?![\wåäö])", label.lower())}
            # (the label asked whole, or its opening words: "Rädda Barnen jämlik hälsa" is the row «Rädda Barnen jämlik
            # hälsa januari-december», "World Table Tennis" «World Table Tennis (WTT) Grand Smash Sweden 2025»)
            label_terms = terms(label)
            asked = [any(term_hit(q, t, {s_}, s_) for t in q.terms) for s_ in label_terms]
            # (or by a rare name no other row has: "IKF Malmö" is «Internationell Kvinnoföreningen I Malmö, IKF Malmö»)
            if own - said and label_terms and (all(asked) or (len(asked) > EACH_NAMED_OPENING
                                                              and all(asked[:EACH_NAMED_OPENING]))
                                               or any(self.idf(stem(n)) >= RARE_IDF for n in own - said)):
                picked.append(u)
                said |= own
        return picked if len(picked) >= 2 and said == names else []

    def _row_without_the_year(self, q: Question, chosen: list[Unit], units: list[Unit]) -> Unit | None:
        """The row of the thing asked when it has no figure for the year asked, where other rows of its table have:
        "Hur mycket investeras i beredskapsförmåga 2028?" is neither «Summa investeringsram: … Plan 2028 1 500 tkr»
        nor «Beredskapsförmåga: Begäran 2026 5 000 tkr» itself, which plans nothing for 2028. None otherwise."""
        asked = set(YEAR.findall(q.text))
        if q.kind not in ("amount", None) or not asked or not chosen or not chosen[0].is_row:
            return None
        best = chosen[0]
        title = best.chunk.meta.get("table_title")
        rows = [u for u in units[:YEARLESS_ROW_LOOKUP] if u.is_row and u.chunk.meta.get("table_title") == title]

        def column_years(u: Unit) -> set[str]:
            # (the year a column of the table: «Plan 2028»; not a year in a row's name, «EM i Handboll 2026»)
            return set(YEAR.findall(u.text[len(u.row_label):]))

        # (nor a year a table of the report's own year never writes)
        years = asked & set().union(*(column_years(u) for u in [best, *rows]))
        if not years:
            return None
        if not years & column_years(best):
            return best  # the thing's own row, without the year
        unmet = {t for t, w in q.terms.items() if w >= 1.0 and not t.isdigit() and not term_hit(q, t, best.stems)}
        return next((u for u in rows if u is not best and not years & column_years(u)
                     and any(term_hit(q, t, set(terms(u.row_label)), u.row_label.lower()) for t in unmet)), None)

    @staticmethod
    def _said_of_it_after(q: Question, named: Unit, units: list[Unit]) -> Unit | None:
        """The sentence after the one naming the answer, when it says more of the question with the asked noun as its
        definite subject: «Bolaget ska bland annat bidra till … lagring av koldioxid.» tells that the company named
        before is the one asked about."""
        following = sentence_after(named)
        if following is None or name_of_its_subject(q, following) is None:
            return None
        scored = next((u for u in units if u.chunk.id == following.chunk.id and u.text == following.text), None)
        return scored if scored is not None and scored.coverage > named.coverage else None

    def nameless_mention(self, q: Question, units: list[Unit], chosen: list[Unit]) -> Unit | None:
        """The sentence that says all a name question asks except the name ("Två japanska bolag har dessutom
        etablerat sig i Malmö" for "Vilka är de två japanska bolagen …?"), when the sentence the answer would
        quote instead says less: a name from a neighbouring sentence would answer what the report leaves
        open. None when the question asks no name or the report names it."""
        if q.kind != "name" or WHO_ACTS.match(q.text):
            return None  # "Vem leder …?": the report's own actors answer it ("… leds av stadskontoret")
        # (the role asked for in its words, where the sentence the answer would quote names someone without it: a
        # name beside no «leverantör» is not the supplier's, "vilken leverantör fick nya ekonomisystemet")
        role = stem(q.focus) if q.focus and names_a_thing(q.focus) else ""
        role_unsaid = bool(role) and bool(chosen) and not term_hit(q, role, chosen[0].stems)
        full = [u for u in units[:30] if not u.is_row and u.kind_fit == 0 and self.constraints_ok(q, u)
                and not lists_what_is_asked(q, u.text) and (
                u.coverage >= NAMELESS_COVERAGE
                or (role_unsaid and u.coverage >= NAMELESS_ROLE_COVERAGE and term_hit(q, role, u.stems)))]
        if not full:
            return None
        best = max(full, key=lambda u: u.coverage)
        said = chosen[0].coverage if chosen else 0.0
        return best if said < best.coverage - NAMELESS_MARGIN else None

    def _leaves_out(self, q: Question, u: Unit) -> bool:
        """Whether a word of the question the report has in a few places only (not the noun asked for) is nowhere
        in a sentence's passage: a sentence said to leave a name out must be about what the question asks."""
        if q.lang != "sv":
            return False  # (an English word is read through the glossary: "partnering" is no word to hold)
        focus = stem(q.focus) if q.focus else ""
        told = u.stems | u.context | set(terms(u.chunk.text))
        return any(w >= 1.0 and len(t) >= 5 and not t.isdigit() and t != focus and self.stem_in_corpus(t)
                   and self.idf(t) >= RARE_IDF and not term_hit(q, t, told) for t, w in q.terms.items())

    def indefinite_mention(self, q: Question, chosen: list[Unit]) -> Unit | None:
        """The sentence to quote for "What's the name of the Tokyo-based startup …?" when it mentions the
        thing only as "ett Tokyobaserat uppstartsbolag" and names nothing after it: the report does not
        give the name."""
        if not chosen or chosen[0].is_row or chosen[0].coverage < MIN_COVERAGE:
            return None  # a sentence that says little of the question does not tell what the report leaves unnamed
        asked = asked_thing(q)
        if not asked:
            return None
        u = chosen[0]
        if self._leaves_out(q, u):
            return None  # "Vilka städer samarbetar Malmö med om kustskydd?": Malmö Commitment's cities are others
        for m in INDEFINITE_PHRASE.finditer(u.text):
            heads = [w for w in m.group(1).split() if w[:1].islower()]
            if heads and any(stem(heads[-1].lower()).endswith(a) for a in asked) \
                    and not NAMED_AFTER.match(u.text[m.end():m.end() + 3]):
                return u
        return None

    def unspecified_kinds(self, q: Question, units: list[Unit], chosen: list[Unit]) -> Unit | None:
        """The sentence to quote for "Vilka yrkeskategorier har SK haft svårt att rekrytera till?" when the report
        says only «… rekryteringssvårigheter inom vissa yrkeskategorier»: it does not say which. The sentence is the
        one the answer would quote, or one telling clearly more of the question."""
        if q.kind not in ("name", "list") or not q.focus or len(q.focus) < 5:
            return None
        asked = stem(q.focus)
        said = chosen[0].coverage if chosen else 0.0
        first = chosen[0].text if chosen else None
        for u in sorted(units, key=lambda x: -x.score)[:UNSPECIFIED_TOP]:
            # (the sentence the answer would quote, or one telling clearly more of the question)
            if u.is_row or u.coverage < UNSPECIFIED_COVERAGE or (u.text != first and u.coverage < said + UNSPECIFIED_MARGIN):
                continue
            for m in UNSPECIFIED.finditer(u.text):
                if stem(m.group(1).lower()).startswith(asked[:max(len(asked) - 2, 5)]) and \
                        not re.match(r"\s*[:(]", u.text[m.end():]):
                    return u
        return None

    def counted_mention(self, q: Question, units: list[Unit]) -> Unit | None:
        """The sentence to quote for "List the 70 companies in Malmö Residency" when the report counts the things
        («… för de 70 företag som ingår») and names none after the count: it does not give their names."""
        m = COUNT_OF_THINGS.search(q.asked)
        if m is not None and (q.kind in ("name", "list") or NAMES_ASKED.match(q.asked)):
            count, noun = count_forms(m.group(1)), m.group(2).lower()
        elif q.lang == "sv" and (named := NAMES_OF.search(q.asked)) and (q.kind in ("name", "list") or named.group(2)):
            # "Kan du lista namnen på de pionjärstäder …", "Vilka är supporterstäderna …?": counted in words, or not
            count, noun = COUNT_WORD, (named.group(1) or named.group(2)).lower()
        else:
            return None
        asked = {stem(x) for x in (one_word_renderings(noun) or [noun])} if q.lang == "en" else {stem(noun)}
        for u in units[:10]:
            if u.is_row or u.coverage < COUNTED_COVERAGE:  # (the thing's name may stand in the sentence before)
                continue
            # (a lookahead: "tolv pionjärstäder och nio supporterstäder" has two counts three words apart)
            for mm in re.finditer(rf"(?i)(?<![\d,\wåäö])(?:{count})\s+(?=((?:[\wåäö-]+\s+){{0,2}}[\wåäö-]+))", u.text):
                said = mm.group(1).split()
                at = next((i for i, w in enumerate(said)
                           if any(stem(w.lower()).endswith(a) or stem(w.lower()).startswith(a) for a in asked)), None)
                if at is None:
                    continue
                rest = u.text[mm.start(1) + len(" ".join(said[:at + 1])):]
                if not NAMED_AFTER.match(rest[:3]) and not re.search(r"[:(]", rest):
                    return u
        return None

    def compose_fact(self, q: Question, p: Proposal, scope: str, filters: Filters | None) -> Answer:
        """The fact answer of a proposal: one or two cited sentences (or table rows)."""
        answer = self.compose_answer(q, p.chosen, scope, retrieved_of(p.hits))
        if not (filters and filters.source):
            answer.notice = self._other_reports(q, p.chosen[0], p.units)
        return answer

    def evidence(self, query: str, filters: Filters | None, k: int,
                 lang: str | None = None) -> list[tuple[IndexedChunk, float]]:
        """The chunks for a question in evidence order, as the extractive
        answer sees them (English also found by its Swedish glossary terms):
        the LLM mode numbers its sources in this order."""
        return self._evidence(self.read(query, [], lang), filters, k)[0]

    def read(self, question: str, history: list[Turn], lang: str | None = None) -> Question:
        """The question as the answerers see it: a Swedish one's typos read as the report's words, then
        analysed, its compounds the report writes apart split; `asked` keeps the words as written."""
        question_read = self.next_year_named(self.as_the_report(self.with_swedish_letters(as_swedish_letters(question))))
        if (lang or detect_lang(question_read)) == "sv":  # "vad star pa sidan 39": its function words as well
            question_read = spoken_numbers(you_as_the_board(ascii_function_words(question_read)))
        lang = lang or detect_lang(question_read)
        text = split_part_compound(self.as_names(self.correct_typos(self.elided_written_out(
            self.truncations_written_out(without_chat_things(question_read)))))) if lang == "sv" else \
            self.correct_typos(question_read, swedish_letters_only=True)
        keep = self.report_names(text) if lang == "en" else frozenset()
        q = analyse(text, history, lang, keep)
        phrases = self.report_phrases(question_read)
        # a name typed in lower case ("fick malmö pride nåt …") is the report's name as it writes it («Malmö Pride»)
        # (word by word, as a question typed with capitals is read: proper_names)
        typed_low = {w for p in phrases if re.search(r"(?<![\wåäö])" + re.escape(p) + r"(?![\wåäö])", question_read)
                     and self.a.index.has_name(titled := " ".join(w.capitalize() for w in p.split()))
                     for w in titled.split() if w.lower() not in STOP}
        if typed_low - q.names:
            q = replace(q, names=q.names | typed_low)
        if lang == "en":  # a common noun capitalised the German way is no name ("Which Branches …")
            q = replace(q, names=self.names_not_common_nouns(q.names, phrases, text))
            # "(old town hall)" glosses in English what the report names: no word of the report
            # (but the Swedish word of what the English asks, "sick-leave rate (sjukfrånvaro)", is the question's
            # thing: the report lacking it is what the answer must say)
            rendered = {stem(w) for t in translate(re.sub(r"\([^)]*\)", " ", text)) for w in words(t.swedish[0])}
            glosses = [t for t, w in q.terms.items() if w == SWEDISH_GLOSS_WEIGHT and not self.stem_in_corpus(t)
                       and t not in rendered]
            if glosses and len(glosses) < len(q.terms):
                q = replace(q, terms={t: w for t, w in q.terms.items() if t not in glosses})
        q = self.as_first_part(self.decompound(q))
        return replace(q, asked=as_asked_first(question), phrases=phrases)

    def names_not_common_nouns(self, names: set[str], phrases: frozenset[str], text: str) -> set[str]:
        """An English question's capitalised words without the common nouns written with a capital, as German
        does ("Which Branches and which main Market …"): a word standing alone between lower-case words that the
        glossary renders as a word the report never writes as a name. A word of a name the report has («Malmö
        Commitment»), of a run of capitalised words ("the Handball EURO 2026"), a place, an acronym stay."""
        in_phrases = {w for phrase in phrases for w in phrase.split()}
        tokens = re.findall(r"[\wåäöÅÄÖ'’-]+", text)

        def alone(n: str) -> bool:
            return any(t == n and all(not x[:1].isupper() and not x[:1].isdigit() for x in tokens[max(i - 1, 0):i]
                                      + tokens[i + 1:i + 2]) for i, t in enumerate(tokens))

        def common(n: str) -> bool:
            rendered = translate(n.lower())
            return bool(rendered) and n.isascii() and not n.isupper() and n.lower() not in in_phrases \
                and n.lower() not in PLACES and n.lower() not in ("sweden", "denmark", "norway", "finland") \
                and alone(n) and not any(self.a.index.written_as_a_name(t.swedish[0].split()[0]) for t in rendered)
        return {n for n in names if not common(n)}

    def truncations_written_out(self, text: str) -> str:
        """Swedish shorthand cut inside a word ("proj o utredn", "konsultkostn", "avvik. i ek. prognosen") read as
        the report's word it begins, its commonest: a cut word is no word of its own. Only a word cut where words
        do not end (after "dn", "tn", "j" …) or marked with a dot inside a sentence; the report's own stems stay."""
        index = self.a.index

        def whole(m: re.Match[str]) -> str:
            cut = m.group(1) or m.group(2)
            low = cut.lower()
            if stem(low) in index.df or low in STOP:
                return m.group(0)
            found = [w for w in index.words_starting(low, TRUNCATION_CANDIDATES) if len(w) >= len(low) + 2]
            if not found:
                return m.group(0)
            best = max(found, key=lambda w: (index.df.get(stem(w), 0), -len(w)))
            return f"{best} " if m.group(2) else best  # ("inv.medlen": two words)
        return TRUNCATED.sub(whole, text)

    def elided_written_out(self, text: str) -> str:
        """Swedish compounds sharing a head, the first written with a hyphen ("över- eller underskott", "mötes- och
        resepolicyn"), each written out: the question asks about both whole words."""
        def whole(m: re.Match[str]) -> str:
            first, joined, second = m.group(1), m.group(2), m.group(3)
            if self.a.index.has_phrase(m.group(0)):
                return m.group(0)  # the report writes it so too («barn- och ungdomskultur»): met as written
            heads = [second[k:] for k in range(ELIDED_MODIFIER, len(second) - ELIDED_HEAD + 1)]
            # the head that makes a word of the report with the first part, else the longest head the report has
            head = next((h for h in heads if self.stem_in_corpus(stem((first + h).lower()))), None) or \
                next((h for h in heads if stem(h.lower()) in self.a.index.df), None)
            return f"{first}{head} {joined} {second}" if head else m.group(0)
        return ELIDED.sub(whole, text)

    def next_year_named(self, text: str) -> str:
        """"Next year" as the year after the report's ("nästa år", "next yr"), when the library holds one year:
        what the report plans for it (its 2026 investments) answers it, and what it cannot know is refused as
        any later year's."""
        years = [y for y in self.a.index.years if y.isdigit()]
        if len(years) != 1:
            return text
        return NEXT_YEAR.sub(lambda m: f"{m.group(1) or ''}{int(years[0]) + 1}", text)

    def as_the_report(self, text: str) -> str:
        """A report named with the year of the library's reports is the report itself: "Vad säger delårsrapporten
        2025 om …?" asks what "delårsrapporten" says, and its year is no year the answer must be of. (With reports of
        several years, the year chooses among them and stays.)"""
        def held(m: re.Match[str]) -> str:
            if self.a.index.years != {m.group(1) or m.group(2)} or not kind_is_held(m.group(0), self.a.index.titles):
                return m.group(0)  # (the annual report of the interim report's year is another report)
            return re.sub(r"(?i)\s*\b(?:för|for)?\s*(?:19|20)\d\d(?:'s|’s| års)?\s*", " ", m.group(0)).strip()
        return REPORT_OF_A_YEAR.sub(held, text)

    def report_phrases(self, text: str) -> frozenset[str]:
        """Runs of two or more capitalised words in a question that the report writes as a name, capitals and
        all ("Malmö Möts", "Greater Copenhagen Committee"), in lower case: "Malmö stad" is no name here."""
        out: set[str] = set()
        for m in MULTIWORD_NAME.finditer(text):
            tokens = m.group(0).split()
            for i in range(len(tokens) - 1):
                for j in range(len(tokens), i + 1, -1):
                    phrase = " ".join(tokens[i:j])
                    if tokens[i] not in NAME_JOINERS and tokens[j - 1] not in NAME_JOINERS \
                            and self.a.index.has_name(phrase):
                        out.add(phrase.lower())
                        break
        # the same typed in lower case ("vad är malmö möts"): a run led by a name, that the report writes with
        # capitals («Malmö Möts») and never with its later words in lower case (as it does «Malmö stad»; "budget
        # prognos" is no name though a table's header writes «Budget Prognos»)
        tokens = re.findall(r"[\wåäöÅÄÖ-]+", text)
        for n in (3, 2):
            for i in range(len(tokens) - n + 1):
                run = tokens[i:i + n]
                if not all(t.islower() and len(t) >= 3 and t not in STOP for t in (run[0], run[-1])):
                    continue
                titled = " ".join(t.capitalize() for t in run)
                as_written = f"{run[0].capitalize()} {' '.join(run[1:])}"
                if self.a.index.written_as_a_name(run[0]) and self.a.index.has_name(titled) \
                        and not self.a.index.has_name(as_written):
                    out.add(titled.lower())
        # a common word the report capitalises as the first word of a name ("hur många sökte till Framtida
        # ledare?": «programmet Framtida ledare», not «Framtida chefer»), though not a name on its own («Malmö stad»)
        for i in range(1, len(tokens) - 1):
            first, then = tokens[i], tokens[i + 1]
            if not (first[:1].isupper() and first[1:].islower() and then.islower() and len(then) >= 3) \
                    or then in STOP or self.a.index.written_as_a_name(first.lower()):
                continue
            if self.a.index.has_name(f"{first} {then}"):
                out.add(f"{first} {then}".lower())
        return frozenset(p for p in out if not any(p != o and p in o for o in out))

    def report_names(self, text: str) -> frozenset[str]:
        """The words of multi-word names in a question that the report has as written ("Malmö Residency",
        "Cities for Better Health"): an English question names them in the report's own words."""
        out: set[str] = set()
        for m in MULTIWORD_NAME.finditer(text):
            phrase = m.group(0).lower()
            if self.a.index.has_phrase(phrase):
                out.update(w for w in EN_WORD.findall(phrase) if w not in EN_STOP)  # as translate() reads it
        return frozenset(out)

    def _evidence(self, q: Question, filters: Filters | None,
                  k: int) -> tuple[list[tuple[IndexedChunk, float]], list[Unit]]:
        hits = few_of_one_table(self.a.retrieve(q.retrieval_query, filters, k=k + TABLE_SLACK,
                                                lexical_query=q.lexical_query), k, self._rows_asked(q))
        if q.kind == "amount" and not asked_parts(q) and hits:
            hits = self._with_own_summary(q, hits)
        if q.kind in ("amount", "percent") and hits:
            hits = self._with_named_rows(q, hits)
        units = self.units_for(q, hits)
        return evidence_order(hits, units), units

    def _rows_asked(self, q: Question) -> Callable[[IndexedChunk], int]:
        """How many of a table chunk's row labels (the index's, read once) hold a word the question asks, not a
        figure word."""
        asked = [t for t, w in q.terms.items() if w >= 1.0 and not figure_word(t)]

        def count(chunk: IndexedChunk) -> int:
            labels = next((ls for c, ls in self.a.index.row_labels() if c.id == chunk.id), ())
            return sum(1 for label in labels if any(term_hit(q, t, label) for t in asked))
        return count

    def _with_own_summary(self, q: Question, hits: Hits) -> Hits:
        """The hits and, after them, the passages of the searched reports' own summary that hold a word of the
        question: a report states its headline figures there ("Det prognostiserade helårsresultatet är ett
        överskott på totalt 13,9 Mkr"), and a money question naming no part of the board asks for those, while
        the search may rank every part's figure above them."""
        seen = {c.id for c, _ in hits}
        sources = {c.meta.get("source") for c, _ in hits}
        own = [c for c in self.a.index.chunks if c.id not in seen and c.meta.get("source") in sources
               and is_own_summary(c)
               and any(w >= 1.0 and term_hit(q, t, self.a.index.text_terms(c)) for t, w in q.terms.items())]
        return Hits([*hits, *((c, 0.0) for c in own)], hits.dense_similarity) if own else hits

    def _with_named_rows(self, q: Question, hits: Hits) -> Hits:
        """The hits and, after them, the tables of the searched reports with a row the question names by every
        word of its label ("Vad kostar juridik enligt prognosen?": the row «Juridik»): a long table ranks low in
        both searches however exactly one of its rows is asked for."""
        seen = {c.id for c, _ in hits}
        sources = {c.meta.get("source") for c, _ in hits}
        # (by the word itself, a rendering of it or a compound it ends: "land rents" names «markhyror», but
        # "kostar" is no row «Lönekostnader», nor "lokal" «Lokalkostnader»)
        own = {x for t, w in q.terms.items() if w >= 1.0 for x in (t, *q.alternatives.get(t, ()))}

        def said(word: str) -> bool:
            return word in own or any(word.endswith(x) and len(word) - len(x) >= HEAD_MODIFIER for x in own)
        # (or by the question's rare words, when the label holds them all: "Hur mycket tillfördes för
        # demokratiutveckling?" names «STK-2025-674 Arbete med långsiktig … demokratiutveckling»)
        rare = {t for t, w in q.terms.items() if w >= 1.0 and 0 < self.a.index.df.get(t, 0) <= RARE_ROW_WORD_DF}

        def named_by(label: frozenset[str]) -> bool:
            return all(said(w) for w in label) or (bool(rare) and all(
                any(x in label for x in (t, *q.alternatives.get(t, ()))) for t in rare))
        named = [c for c, labels in self.a.index.row_labels() if c.id not in seen and c.meta.get("source") in sources
                 and any(named_by(label) for label in labels)]
        return Hits([*hits, *((c, 0.0) for c in named)], hits.dense_similarity) if named else hits

    # -- scoring ----------------------------------------------------------
    def idf(self, term: str) -> float:
        df = self.a.index.df
        n = max(len(self.a.index.chunks), 1)
        d = df.get(term)
        if d is None:  # compound part: count chunks whose words contain it
            d = self.a.index.substring_df(term)
        return math.log(1 + (n - d + 0.5) / (d + 0.5))

    def _told_by_parts(self, q: Question, t: str) -> bool:
        """A hyphenated compound the report never writes, whose parts are the question's terms too
        ("commitment-städerna": «Malmö Commitment», «städerna»): the parts weigh, not the whole again."""
        if "-" not in t or self.stem_in_corpus(t):
            return False
        parts = [p for p in t.split("-") if len(p) > 1]
        return bool(parts) and all(p in q.terms or stem(p) in q.terms for p in parts)

    def units_for(self, q: Question, hits: list[tuple[IndexedChunk, float]]) -> list[Unit]:
        units: list[Unit] = []
        chunk_terms: dict[str, tuple[set[str], str]] = {}
        for rank, (chunk, _) in enumerate(hits):
            units.extend(units_of(chunk, rank))
            st = set(terms(chunk.text))
            chunk_terms[chunk.id] = ({t for t in q.terms if term_hit(q, t, st)}, " ".join(st))
        weights = {t: w * self.idf(t) for t, w in q.terms.items() if not self._told_by_parts(q, t)}
        if q.followup:  # "När gavs den ut?": an own word found nowhere in the evidence carries no meaning here
            found = " ".join(j for _, j in chunk_terms.values())
            weights = {t: w for t, w in weights.items() if q.terms[t] < 1.0 or t in found}
        own_total = sum(v for t, v in weights.items() if q.terms[t] >= 1.0)
        hist_total = sum(v for t, v in weights.items() if q.terms[t] < 1.0)
        if not own_total:  # nothing of its own left: the follow-up is judged by the previous question
            own_total, hist_total = hist_total or 1.0, 0.0
        qyears = q.years
        qwords = [w for w in words(q.text) if len(w) > 2]
        bigrams = [f"{a} {b}" for a, b in itertools.pairwise(qwords) if not (a in STOP and b in STOP)]
        sims = getattr(hits, "dense_similarity", {})
        asked_part = asked_parts(q)
        whole_asked = q.terms.get(WHOLE, 0.0) >= 1.0
        # the question names nothing but a figure of the economy (överskott, prognos, helår): no activity of its own
        only_figure_asked = all(figure_word(t) for t, w in q.terms.items() if w >= 1.0)
        # the question names a part and nothing but a figure of its economy ("stadskontorets årsprognos"): the part's
        # own figure, not one of its activities'
        part_figure_only = bool(asked_part) and all(figure_word(t) or t in PART_NAMES
                                                    for t, w in q.terms.items() if w >= 1.0)
        # ("hela kommunstyrelsen", "the whole board": the total of the parts, as "totalt" asks it)
        total_asked = any(q.terms.get(t, 0.0) >= 1.0 for t in TOTAL_WORDS) or (
            whole_asked and WHOLE_OF.search(q.text) is not None)
        # a figure that names what is asked ("Vilket ärende avser minskningen med 4,1 Mkr?"): a which-question's
        # key, not an amount it asks for (nor a claim to check, nor a year)
        figures_named = {t for t in q.terms if FIGURE_KEY.fullmatch(t)} if q.kind in (None, "name", "list") else set()
        other = either_or(q)  # "överskott eller underskott": the one a sentence states answers for both
        common = self.common_names if q.kind == "name" else frozenset()  # only a name answer asks for them
        # a count of a noun the report uses (an English one as translated): the number must count it, or the
        # report's word for it
        counted_known = (q.kind == "count" and q.counted is not None
                         and q.counted not in COUNT_NOT_NOUN and self.stem_in_corpus(q.counted))
        # "Hur många städer ingår i …?": a count in the present tense asks for the count now, not the first one
        now_asked = NOW.search(q.text) is not None or (q.kind == "count" and not q.years
                                                       and PRESENT_COUNT.search(q.text) is not None)
        splits = {t: self.compound_split(t) for t in weights}  # "investeringsbudgeten": investering + budget
        asked_noun = self.asked_noun(q)
        asked_verb = stem(m_verb.group(1).lower()) if (m_verb := ASKED_VERB.match(q.text)) and q.kind is None else None
        purpose_asked = bool(PURPOSE_ASKED.match(q.text) or WHAT_IT_FUNDS.search(q.text))
        strengthen_asked = STRENGTHEN.search(q.asked) is not None
        decision_asked = DECISION_ASKED.search(q.text) is not None
        defined = q.kind is None and bool(q.names) and (m_def := DEFINITION_ASKED.match(q.text)) is not None \
            and m_def.group(1).strip() in q.names
        leads: dict[str, frozenset[str]] = {}  # a chunk's sentences that lead to a list of bullets
        measure = measure_asked(q.text) if q.kind in ("amount", None) else None
        # (a surplus or deficit "i budgeten" is the result against it: "blir de plus eller minus i budgeten i år")
        # an amount asked with no measure of its own ("Vad är anslaget för …?"): a row named gives every column
        plain_amount = q.kind == "amount" and measure is None and RESULT_ASKED.search(q.text) is None
        budget_asked = measure is None and q.kind in ("amount", None) \
            and (BUDGET_WORDS.search(q.text) or ALLOCATION_ASKED.search(q.text)) is not None \
            and not RESULT_ASKED.search(q.text)
        # the rare names a name question asks about («Residency», not «Malmö» every passage has)
        rare_names = [n.lower() for n in q.names if q.kind == "name" and self.idf(stem(n.lower())) >= RARE_IDF]
        # the agency a name question asks for ("vilken myndighet", "which agency"): a sentence naming one
        # (Livsmedelsverket) tells it without the word, which one on another matter («Myndigheten för skydd och
        # beredskap») has; the topic words decide between them (an agency's name shows its kind; a network's or
        # an industry's does not)
        kind_nouns = {stem(a) for a in asked_name_nouns(q) if a.startswith("myndighet")} & weights.keys() \
            if q.kind == "name" else set()
        # the words naming the table asked to look in, as its title would say them ("nettokostnadstabellen":
        # nettokostnad), and each chunk's title and heading
        table_words = {t: re.sub(r"-?s?tabell$", "", t) or t for t in q.table_named if t in weights}
        table_named_in = {c.id: f"{c.meta.get('table_title') or ''} {c.meta.get('heading') or ''}".lower()
                          for c, _ in hits} if table_words else {}
        for u in units:
            report_year = str(u.chunk.meta.get("year") or "")  # a question about the report's own year
            u.chunk_dense = sims.get(u.chunk.id, 0.0)
            joined = " ".join(words(u.text))
            ctx_joined = " ".join(u.context)
            label = u.text.split(":")[0] if u.is_row else ""
            label_terms = set(terms(label)) if label else set()
            title = u.chunk.meta.get("table_title") or "" if u.is_row else ""
            title_terms = set(terms(title)) if len(title.split()) <= NAMING_TITLE_WORDS else set()
            c_terms, _c_joined = chunk_terms[u.chunk.id]
            got = {True: 0.0, False: 0.0}  # own terms / terms carried over from the previous question
            hit_terms = set()
            label_hits = {t for t in weights if label and t not in q.table_named
                          and term_hit(q, t, label_terms, label.lower())}
            for t, w in weights.items():
                own = q.terms[t] >= 1.0 or not hist_total
                if t in table_words and ((in_title := table_words[t] in table_named_in[u.chunk.id]) or u.is_row):
                    # the table asked to look in: told by its title or heading (as written: «förklaras» is no
                    # förklaring), whichever of its rows or lines it is
                    if in_title:
                        got[own] += w
                        hit_terms.add(t)
                    continue
                if (term_hit(q, t, u.stems, joined) or t == report_year
                        or (not u.is_row and SIGN_ASKED.get(t, 0) != 0 and deviation_sign(u.text) == SIGN_ASKED[t])
                        or (t in TOTAL_WORDS and STATES_TOTAL.search(u.text) is not None)
                        or (t in other and term_hit(q, other[t], u.stems, joined))):
                    # a table look-up is about the row: its label weighs more than the header's words
                    got[own] += w * (1.3 if t in label_hits else 1.0) * (
                        1.0 if t == report_year or _matched(t, u.stems, joined) else ALTERNATIVE)
                    hit_terms.add(t)
                elif t in asked_part and under_part_itself(u.chunk, t) and not (q.lang == "en" and t == POLITICAL):
                    # the part asked about is what its own heading's lines speak of: «Årsprognosen visar ett
                    # överskott på 7,1 Mkr» right under STADSKONTORETS VERKSAMHET is the office's forecast (an
                    # English "board" may be the whole board, not the heading STYRELSEN)
                    got[own] += w
                elif u.before and term_hit(q, t, u.before):
                    got[own] += BEFORE_WEIGHT * w  # "Malmö Residency …. … för de 70 företag som ingår."
                elif u.label and term_hit(q, t, u.label):
                    got[own] += LABEL_WEIGHT * w  # the label above says which cost the sentence explains
                elif title_terms and t not in AMBIENT_ACTORS and t not in PARTS \
                        and term_hit(q, t, title_terms, title.lower()):  # (not the board every title names)
                    got[own] += TITLE_WEIGHT * w
                elif term_hit(q, t, u.context, ctx_joined):
                    got[own] += 0.6 * w
                elif splits[t] and all(_matched(p, u.stems | u.context if u.is_row or i < len(splits[t]) - 1
                                                else u.stems) for i, p in enumerate(splits[t])):
                    # a compound told by its parts: «Investeringsram … Budget» for the row's figure; a sentence
                    # holds the head itself («… själva policyn» under «kommunikationsinsatser»; «arbetat» under
                    # the goal's «livsmiljöer» is no arbetsmiljö)
                    got[own] += 0.6 * w
                elif t in c_terms and not u.is_row:
                    # (a row says only its label, columns and table: the sentence after the table, «… beslutade
                    # kommunstyrelsen att omfördela kommunbidrag …», is no reallocation of every row)
                    got[own] += 0.5 * w
            own_cov = min(got[True] / own_total, 1.0)
            u.hist_coverage = min(got[False] / hist_total, 1.0) if hist_total else 0.0
            u.coverage = 0.65 * own_cov + 0.35 * u.hist_coverage if hist_total else own_cov
            u.kind_fit = kind_score(u, q, u.coverage, common)
            if counted_known and u.kind_fit < 1.0:
                u.kind_fit = 0.0  # "Hur många anställda …": a number that counts something else is no answer
            if kind_nouns and u.kind_fit >= 1.0 and not u.is_row and (unmet := kind_nouns - hit_terms) \
                    and names_an_agency(u.text):
                own_cov = min(own_cov + ALTERNATIVE * sum(weights[t] for t in unmet) / own_total, 1.0)
                u.coverage = 0.65 * own_cov + 0.35 * u.hist_coverage if hist_total else own_cov
            precision = len(hit_terms) / max(len(u.stems), 1)
            own_text = ELIDED_HYPHEN.sub(r" \1", u.text.lower())  # «projekt- och utredningar» says the phrase
            phrase = sum(1 for b in bigrams if b in own_text) + 0.5 * sum(
                1 for b in bigrams if b in u.chunk.text.lower())
            u.score = (u.coverage + KIND_WEIGHT * u.kind_fit + 0.12 / (1 + u.rank) + 0.1 * precision
                       + 0.08 * min(phrase, 3) + (0.2 if counted_near(u, q) else 0.0))
            if figures_named and figures_named & u.stems:
                u.score += FIGURE_NAMED_WEIGHT  # "Vilket ärende avser minskningen med 4,1 Mkr?": the row of -4,1
            if u.is_row and ((named_columns := columns_named(q, u))
                             or (plain_amount and asks_only_the_row(q, label_hits, title))):
                if len(named_columns) >= COLUMNS_NAMED_MIN:
                    u.score += COLUMNS_NAMED_WEIGHT  # "Vad är budget, prognos och avvikelse för …?": a row has them all
                elif len(asked_label := [s for s in label_terms - TOTAL_LABEL
                                         if any(term_hit(q, t, {s}, s) for t in weights)]) >= 2 \
                        and len(asked_label) >= COLUMN_ASKED_LABEL * len(label_terms) \
                        and (named_columns or set(asked_label) >= label_terms - TOTAL_LABEL - AMBIENT_ACTORS):
                    # (with no column named, the whole label must be asked: "kommunstyrelsens anslag" is not the row
                    # «Kommunstyrelsens anslag för projekt- och utredningar»)
                    # "Hur stor är avvikelsen för anslaget för projekt och utredningar?": the row named, by the column
                    # asked, not a sentence giving one figure for it and another thing together; and with no column
                    # nor measure asked ("Vad är anslaget för projekt och utredningar?"), the row gives them all
                    u.score += COLUMN_ASKED_WEIGHT
            if q.kind == "list" and not u.is_row:
                if u.chunk.id not in leads:
                    leads[u.chunk.id] = list_leads(u.chunk)  # once per chunk, not per sentence
                if enumerates(u.text) or u.text in leads[u.chunk.id]:
                    u.score += LIST_WEIGHT  # "Vilka personalfrågor …?": the sentence naming them, not the one summing up
            if decision_asked and not u.is_row and DECISION_TOLD.search(u.text):
                u.score += DECISION_WEIGHT  # "Vad har KF beslutat om …?": «… fattade … beslut om ett riktvärde …»
            if purpose_asked and not u.is_row and (PURPOSE_TOLD.search(u.text) or (
                    strengthen_asked and SHOULD_STRENGTHEN.search(u.text)) or self._shall_do(q, u)):
                u.score += PURPOSE_WEIGHT  # "Vad finansierar obligationen?": «Emissionen finansierar satsningar …»
            if defined and not u.is_row and any(f"({n})" in u.text for n in q.names):
                u.score += DEFINED_WEIGHT  # "Vad är Medvind?": «systemstödet för schema och bemanning (Medvind)»
            if asked_verb and not u.is_row and _matched(asked_verb, u.stems, joined):
                u.score += ASKED_VERB_WEIGHT
            if rare_names and not u.is_row and not DEFINITE_SUBJECT.match(u.text) \
                    and any(n not in u.text.lower() for n in rare_names):
                # "Vilken myndighet finansierade Malmö Residency?": a sentence on «de statliga myndigheter …» after
                # one naming Malmö Residency is about another thing; the one naming it gives its funder
                u.score -= NAME_UNSAID
            if asked_noun and not u.is_row and term_hit(q, asked_noun, u.stems, joined):
                u.score += ASKED_NOUN_WEIGHT  # "Vad är riktvärdet …?": the sentence on the riktvärde, not on the rest
            if label_terms:  # "kommunstyrelsens anslag" is not the row "Kommunstyrelsens anslag för projekt …"
                # (a compound met by its head alone names a kind of the thing asked: "bidrag" is the row «Bidrag»,
                # «Kommunbidrag» is one kind of it)
                unasked = [s for s in label_terms - TOTAL_LABEL - AMBIENT_ACTORS if not s.isdigit()
                           and not any(term_hit(q, t, {s}, s) and not qualified_head(q, t, s) for t in weights
                                       if t not in table_words)]
                u.score -= ROW_QUALIFIER * len(unasked) / len(label_terms)
                if unasked and total_asked and not label_terms & TOTAL_LABEL:
                    u.score -= PART_FOR_WHOLE  # asked for the total: "KS anslag totalt" is not "… för projekt"
            elif total_asked and not u.is_row and qualified_mention(q, u.text, weights.keys()):
                u.score -= PART_FOR_WHOLE  # … nor «Inom anslaget för projekt- och utredningar … totalt 26,4 Mkr»
            if asked_part and u.is_row:
                if chunk_of_another_part(u.chunk, asked_part):
                    u.score -= 0.4  # "stadskontorets överskott" is not the SUMMA of the table under STYRELSEN
                elif q.kind == "amount" and WHOLE not in asked_part and not part_section(u.chunk) \
                        and not PART_NAMES & u.stems:
                    # nor the Driftbudget's «Resultat (budgetavvikelse) … Prognos helår 13 950», the whole board's
                    # row under no part's heading and naming no part («Årsprognosen visar ett överskott på 7,1 Mkr»)
                    u.score -= PART_UNSAID
                elif part_figure_only and any(not FIGURE_STEM.match(t) for t in label_terms - PART_NAMES - set(q.terms)):
                    # "stadskontorets prognostiserade överskott" is not the row of one budget area («Ekonomi, HR,
                    # kommunikation och IT för stadskontoret …») but «Årsprognosen visar ett överskott på 7,1 Mkr»
                    u.score -= SUBPART_UNASKED
            elif asked_part:
                named = PARTS & u.stems
                # (an English "board" is read as styrelsen but may mean the whole board: a sentence on
                # kommunstyrelsen is no other part's for it)
                if (named and not named & asked_part and not (q.lang == "en" and named == {WHOLE})) or \
                        (not named and q.kind == "amount" and chunk_of_another_part(u.chunk, asked_part)):
                    # "stadskontorets årsprognos" answered with kommunstyrelsen's (another total), or with a figure
                    # under STYRELSEN («För arvoden och omställningsstöd prognostiseras ett överskott på 2,7 Mkr»)
                    u.score -= 0.4
                elif not named and q.kind == "amount" and WHOLE not in asked_part and not part_section(u.chunk):
                    # "överskott … för styrelsen": a figure under no part's heading that names no part is the
                    # whole board's («Det prognostiserade helårsresultatet är ett överskott på totalt 13,9 Mkr»)
                    u.score -= PART_UNSAID
                elif q.kind == "amount" and (below := headings_below_part(u.chunk)) and \
                        not any(term_hit(q, t, set(terms(below))) for t in weights):
                    # "överskott … för stadskontoret": the part's own «Årsprognosen visar ett överskott på 7,1 Mkr»,
                    # not «Verksamheterna prognostiserar … 4,7 Mkr» under one of its activities, not asked about
                    u.score -= SUBPART_UNASKED
            elif whole_asked and ((not u.is_row and (PARTS - {WHOLE}) & u.stems and WHOLE not in u.stems)
                                  or part_section(u.chunk) or (u.is_row and names_only_a_part(title))):
                # "kommunstyrelsen totalt" is not "171,4 Mkr avsatts till styrelsen", nor a row of the table
                # under the heading STYRELSEN («Kommunstyrelsens anslag för projekt …»); the total of that table
                # is one part's total, not the whole's that is asked
                u.score -= PART_FOR_WHOLE * (2 if total_asked else 1)
            elif (not asked_part and (q.kind == "amount" or (q.kind is None and only_figure_asked))
                  and WHOLE not in q.terms
                  and ((not u.is_row and WHOLE not in u.stems and (PARTS - {WHOLE}) & u.stems)
                       or (only_figure_asked and part_section(u.chunk)))):
                # a money question naming no part asks about the whole: «Utfallet för perioden … är 56,9 Mkr»
                # before «Styrelsens ekonomiska utfall för perioden … 24,1 Mkr»; and one asking for nothing but the
                # figure ("Hur stort överskott prognostiseras?") before a figure under one part's heading
                # («Verksamheterna prognostiserar ett överskott med totalt 4,7 Mkr» under STADSKONTORET)
                u.score -= PART_UNASKED
            if measure is not None and measure_of(u) == OTHER_MEASURE[measure]:
                u.score -= MEASURE_PENALTY  # "Vilken helårsprognos har …?": not a bullet of the period's outcome
            elif budget_asked and ((measure_asked(said := f"{what_a_figure_is_of(u)} {u.chunk.meta.get('heading') or ''}")
                                    and not BUDGET_WORDS.search(said)) or DEVIATION_FIGURE.search(u.text)):
                # "Hur mycket är budgeterat för arvoden?": the budget row, not the forecast's «… prognostiseras ett
                # överskott på 2,7 Mkr» for the same thing, nor «… uppstår en budgetavvikelse på 3,9 Mkr», nor a
                # figure under a forecast's heading («Prognostiserad budgetavvikelse helår …»)
                u.score -= MEASURE_PENALTY
            unit_years = set(re.findall(r"\b(?:19|20)\d\d\b", u.text)) if now_asked or qyears else set()
            if now_asked:  # "Hur många … ingår nu?": the sentence on the present, not the one on how it began
                present = NOW.search(u.text) is not None
                past = any(report_year and y < report_year for y in unit_years)
                u.score += NOW_WEIGHT * (present - (past and not present))
            if qyears and unit_years and not (unit_years & qyears):
                u.score -= 0.3
            elif not qyears and u.is_row and report_year and (columns := row_years(u)) and report_year not in columns:
                u.score -= 0.3  # a question naming no year asks about the report's: not a row of plans for 2026–2031
        if q.lang == "en" or (units and max(u.coverage for u in units) < MIN_COVERAGE + 0.1):
            self._add_dense(q, units)
        units.sort(key=lambda u: -u.score)
        return units

    def _add_dense(self, q: Question, units: list[Unit]) -> None:
        """Cross-lingual and paraphrased questions share few words with the
        report: rank the top chunks' sentences by embedding similarity too."""
        pool = [u for u in units if u.rank < 3][:14]
        # and the best by their words from further down: their embedding must get its say too
        pool += [u for u in sorted(units, key=lambda u: -u.score)[:DENSE_BEST]
                 if u not in pool and u.coverage >= MIN_COVERAGE]
        if not pool:
            return
        qv = np.asarray(self.a.index.query_embedding(q.retrieval_query))
        vs = np.asarray(self.a.embed_model.get_text_embedding_batch([u.text for u in pool]))
        sims = vs @ qv
        for u, s in zip(pool, sims, strict=True):
            u.dense = float(s)
            u.score += 2.5 * max(float(s) - 0.78, 0.0)

    def as_names(self, text: str) -> str:
        """A Swedish question typed in lower case with the capitals of the report's names ("vad kostar flytten
        till rådhuset" names «Rådhuset»): a name the answer must hold, not a word any sentence may lack."""
        index = self.a.index
        return re.sub(r"(?<![\wåäöÅÄÖ-])[a-zåäö]{5,}(?![\wåäöÅÄÖ-])", lambda m: m.group(0).capitalize() if m.group(0) not in STOP
                      and index.written_as_a_name(m.group(0)) else m.group(0), text)

    def with_swedish_letters(self, text: str) -> str:
        """A question typed without å, ä and ö ("Malmo Commitment", "Koll Folkhalsa", "nar flyttar dom") with
        the report's letters put back, in words that are no word of the report nor of English as typed; failing
        the report, the glossary's Swedish words put them back."""
        def fix(m: re.Match[str]) -> str:
            w = m.group(0)
            low = w.lower()
            if low in EN_STOP or translate(low):
                return w
            found = self.a.index.with_swedish_letters(low) or self._compound_with_letters(low) \
                or swedish_words_typed_plain().get(low)  # (a word the report never writes: "ranta", «ränta»)
            if found is None:
                return w
            return found[:1].upper() + found[1:] if w[:1].isupper() else found

        return re.sub(r"(?<![\wåäöÅÄÖ])[A-Za-z]{3,}(?![\wåäöÅÄÖ])", fix, text)

    def _compound_with_letters(self, low: str) -> str | None:
        """A word typed without å, ä and ö in a form the report does not write ("forsenat": «försenad»), or a
        compound it writes only in parts ("radhusflytten": «Rådhuset» and «flytten»): the one way of putting the
        letters back that makes it a report stem or two, when the word as typed is neither."""
        folds = [i for i, ch in enumerate(low) if ch in "ao"]
        if len(low) < 7 or not folds or len(folds) > 5 or self.stem_in_corpus(stem(low)) \
                or self.compound_split(stem(low)) is not None:
            return None
        found = []
        for letters in itertools.product(*(("a", "å", "ä") if low[i] == "a" else ("o", "ö") for i in folds)):
            cand = list(low)
            for i, ch in zip(folds, letters, strict=True):
                cand[i] = ch
            word = "".join(cand)
            if word != low and (self.stem_in_corpus(stem(word)) or self.compound_split(stem(word)) is not None):
                found.append(word)
        return found[0] if len(found) == 1 else None

    def correct_typos(self, text: str, swedish_letters_only: bool = False) -> str:
        """A Swedish question with its one-letter typos read as the report's words ("kommunstyreslen",
        "obligationenn"): a long word the report lacks, one typo from exactly one word it has. In an English
        question (`swedish_letters_only`), the Swedish words it borrows: those with å, ä or ö ("nämndbudget")."""
        vocab = self.a.index.vocabulary()

        def fix(m: re.Match[str]) -> str:
            w = m.group(0)
            low = w.lower()
            if swedish_letters_only and not SWEDISH_LETTERS.search(low):
                return w
            if len(low) < TYPO_MIN or low in vocab or low in STOP or self.stem_in_corpus(stem(low)):
                return w  # a word the report has, maybe in another inflection ("obligationen"), is no typo
            near = [v for v in vocab if v[0] == low[0] and abs(len(v) - len(low)) <= 1 and one_edit(low, v)]
            if not near and len(low) >= TYPO_STEM_MIN:
                # the typo in another inflection than the report's ("…hanteringssytemet" for "…hanteringssystem"):
                # one edit from exactly one of the report's stems
                s = stem(low)
                near = [v for v in self.a.index.df if v[:1] == s[:1] and abs(len(v) - len(s)) <= 1 and one_edit(s, v)]
            if len(near) != 1:
                return w
            return near[0].capitalize() if w[0].isupper() else near[0]

        # a hyphenated word is one word of the report's ("IT-sytem" for "IT-system"), not two short ones
        return re.sub(r"[A-Za-zÅÄÖåäöÉé]+(?:-[A-Za-zÅÄÖåäöÉé]+)*", fix, text)

    def decompound(self, q: Question) -> Question:
        """Swedish compounds the report writes apart: "förmånscykelavtalet" is met by "förmånscykel"
        and "avtalet" (the report has both words, not the compound). Each part counts as the word did."""
        if q.lang != "sv":
            return q
        out: dict[str, float] = {}
        changed = False
        searched: list[str] = []
        surface = {stem(w): w for w in words(q.text)}  # the stemmer can cut into the head: klimatarbetet -> klimatarb
        for t, w in q.terms.items():
            parts = None
            if w >= 1.0 and len(t) >= 8 and not self.stem_in_corpus(t):
                parts = self._split(t) or (self._split(surface[t]) if t in surface else None)
                if parts is not None and parts[1] not in MATTER_HEADS and not self.written_apart(parts):
                    parts = None  # "kommunfullmäktigemöte": a thing of its own, not "kommunfullmäktige" somewhere
                    # and "möte" elsewhere
            for p in parts or (t,):
                out[p] = max(out.get(p, 0.0), w)
            changed = changed or parts is not None
            if parts is not None:  # (the rare parts: a common one, "system", would bring any passage)
                searched += [self._surface(p) for p in parts if self.idf(p) >= SEARCHED_PART_IDF]
        # (searched for as the report writes them: BM25 meets no part of "koldioxidinfångning")
        return replace(q, terms=out, lexical_query=" ".join([q.lexical_query, *searched])) if changed else q

    def _surface(self, t: str) -> str:
        """A report word a stem stands for (its first in the vocabulary), or the stem itself."""
        return self.a.index.word_starting(t) or t

    def as_first_part(self, q: Question) -> Question:
        """A question word the report has only as the first part of its compounds ("löner": «Lönekostnader»,
        «löneöversyn»): those compounds are the report's words for it, matched and searched. The rest of such a
        compound must be a word of the report on its own («kostnader»), so an inflection is no compound."""
        if q.lang != "sv":
            return q
        index = self.a.index
        alternatives = dict(q.alternatives)
        searched: list[str] = []
        for t, w in q.terms.items():
            # (a word of the report's own is its word; a short one it has only inside compounds, "kris" in
            # «krisberedskap», is read as them: a match by a word's start needs five letters)
            if w < 1.0 or len(t) < 3 or not t.isalpha() or t in index.df or (
                    len(t) >= PREFIX_LETTERS and self.stem_in_corpus(t)):
                continue
            found = list(dict.fromkeys(
                word for link in ("", "e", "s") for word in index.words_starting(t + link, FIRST_PART_MAX + 1)
                if len(word) - len(t + link) >= 4 and stem(word[len(t + link):]) in index.df))
            if 0 < len(found) <= FIRST_PART_MAX:  # more is a prefix, not a word («projekt…» for "pro")
                alternatives[t] = tuple(dict.fromkeys((*alternatives.get(t, ()), *(stem(x) for x in found))))
                searched += found
        if not searched:
            return q
        return replace(q, alternatives=alternatives, lexical_query=f"{q.lexical_query} {' '.join(searched)}")

    def compound_of_parts(self, q: Question) -> Question:
        """Two question words the report writes as one compound ("how reliable is the forecast" → säker +
        prognos → «Prognossäkerheten», "anpassning till klimatet" → klimatanpassning): the compound is a word of
        the question too, so the passage that names the thing outweighs those that hold the parts anywhere."""
        own = [t for t, w in q.terms.items() if w >= 1.0 and len(t) >= 3 and not t.isdigit()]
        index = self.a.index
        added: dict[str, float] = {}
        for a, b in itertools.permutations(own, 2):
            for head in (a + b, a + "s" + b):
                if len(head) < 8 or not head.isalpha():
                    continue
                found = index.word_starting(head)
                if found is not None:
                    added[stem(found)] = max(q.terms[a], q.terms[b])
                    break
        added = {t: w for t, w in added.items() if t not in q.terms}
        return replace(q, terms={**q.terms, **added}) if added else q

    def written_apart(self, parts: tuple[str, str], modifier_in_compounds: bool = False) -> bool:
        """Whether the report writes a compound's two parts in one paragraph ("… förmånscykel … Avtalet med …"):
        then it tells of the thing in two words (`modifier_in_compounds`: or in compounds of the modifier, as
        a table's «Investeringstyp Begäran» tells the investeringsbegäran). Parts that never meet name another thing
        ("kommunfullmäktigemöte" is no council decision and no dialogue meeting)."""
        index = self.a.index

        def has(stems: AbstractSet[str], part: str) -> bool:  # the part, inflected ("funktio": funktionen), not
            # a compound it begins ("inköp" is no word of «inköpsverksamheten»), unless `modifier_in_compounds`
            longest = 99 if modifier_in_compounds and part == parts[0] else INFLECTION
            return part in stems or any(x.startswith(part) and len(x) - len(part) <= longest for x in stems)

        for c in index.chunks:
            # (a table is one paragraph: its title, header and rows tell of one thing, «Investeringstyp Begäran»)
            paras = [c.text] if c.meta.get("kind") == "table" else c.text.split("\n")
            if all(has(index.text_terms(c), p) for p in parts) and any(
                    all(has(st, p) for p in parts) for st in (set(terms(x)) for x in paras)):
                return True
        return False

    def _split(self, term: str) -> tuple[str, str] | None:
        """The two report words a compound is made of (a linking s allowed), the most even split first."""
        df = self.a.index.df
        best: tuple[str, str] | None = None
        for i in range(4, len(term) - 3):
            if term[i:] in STOP:
                continue  # "långsamt" is no "lång" + "samt"
            head = self._report_stem(stem(term[i:]))
            if head is None:
                continue
            for mod in (term[:i], term[:i - 1] if term[i - 1] == "s" else ""):
                even = best is None or min(len(mod), len(head)) > min(len(best[0]), len(best[1]))
                if len(mod) >= 4 and (mod in df or stem(mod) in df) and even:
                    best = (stem(mod) if stem(mod) in df else mod, head)
        return best

    def _report_stem(self, part: str) -> str | None:
        """The report's stem for a compound part, allowing the inflection the stemmer left on one side
        ("segregatio" of a compound, "segregation" in the report)."""
        df = self.a.index.df
        if part in df:
            return part
        if len(part) < 5:
            return None
        return next((k for k in df if len(k) >= 5 and abs(len(k) - len(part)) <= 2
                     and (k.startswith(part) or part.startswith(k))), None)

    @property
    def common_names(self) -> frozenset[str]:
        """Stems of words in at least a fifth of the report's chunks: the report's own subjects (Malmö,
        stadskontoret), which a sentence names whatever it says, so they answer no "who" or "which"."""
        return self.a.index.common_stems(COMMON_NAME_SHARE)

    def exonym(self, word: str) -> tuple[str, ...]:
        """The report's names for an English place name ("Gothenburg" -> Göteborg): glossary renderings the
        report only writes with a capital; empty for a common word ("Board", "Cities") or a word without an entry."""
        index = self.a.index  # a name the report never writes in lower case
        return tuple(x for x in one_word_renderings(word)
                     if index.has_name(x[:1].upper() + x[1:]) and not index.has_name(x))

    def in_corpus(self, word: str) -> bool:
        parts = [stem(p) for p in word.lower().split("-") if len(p) >= 2]
        return all(self.stem_in_corpus(t) for t in parts)

    def compound_split(self, t: str) -> tuple[str, str] | None:
        """A question's compound the report writes as two words (modifier and head, both report stems of five
        and four letters at least): "investeringsbudg" is investering + budg(et)."""
        df = self.a.index.df
        for i in range(len(t) - 4, 5, -1):  # the longest modifier first
            head, tail = t[:i], t[i:]
            # the linking s: "investerings-" (unless the report's stem keeps it: "brotts-" as in brottsligheten)
            heads = [head[:-1], head] if head.endswith("s") and not head.endswith("ss") else [head]
            # … whose stem the report has: "hållbarhets-" is the report's «hållbarhet», stemmed "hållbarh"
            heads += [x for x in (stem(h) for h in heads) if x not in heads]
            for h in heads:
                # (or whose word the report stems shorter: «klimat» is "klim", so "klimatutsläpp" is klim + utsläpp)
                h = h if h in df or h in self.a.index.noun_roots or stem(h) not in df else stem(h)
                if len(h) >= 4 and (h in df or h in self.a.index.noun_roots) and (
                        tail in df or any(k.startswith(tail) for k in df)):
                    return h, tail
        return None

    def stem_in_corpus(self, t: str) -> bool:
        """A stem the report has, as a word or as part of a compound (cykel in förmånscykel)."""
        return t in self.a.index.df or (len(t) >= 4 and self.a.index.substring_df(t) > 0)

    def constraints_ok(self, q: Question, u: Unit, any_name: bool = False) -> bool:
        """Years and names in the question must be met by the evidence; a
        year equal to the report's own year is implied by the report. `any_name`: one of several names is
        enough (a brief's point on one of the places asked about)."""
        body = u.text if u.is_row else f"{u.text} {u.chunk.text}"  # a row stands alone in its table
        if not u.is_row and q.kind in ("amount", "count", "date"):
            # a value is the named thing's when its sentence or its paragraph before it names it: "600 miljoner
            # kronor" is the bond's, not the Lorensborg renovation's two sentences on
            at = u.chunk.text.find(u.text[:40])
            if at >= 0:  # (a sentence not found in its chunk's text keeps the whole chunk: where it stands is unknown)
                body = f"{u.chunk.text[:at].rsplit(chr(10) * 2, 1)[-1]} {u.text}"
        hay = f"{body} {_context_text(u.chunk)}".lower()
        report_year = str(u.chunk.meta.get("year") or "")
        # a year in a row's label names the thing ("EM i Handboll 2026"); the time is in the columns
        label = u.row_label
        # another year than the report's must be the sentence's own (or its paragraph's sentence before):
        # "Eftersom stadskontoret flyttar … 2026 …" in the same chunk answers nothing about 2026's budget
        own = f"{u.text} {' '.join(u.before)} {_context_text(u.chunk)}".lower()
        timed = f"{u.text[len(label) + 1:]} {_context_text(u.chunk)}".lower() if label else own
        # a year claimed ("Stämmer det att KF beslutat om max 25 per chef till 2028?") is checked, not required: a
        # sentence giving its own year for the thing corrects it («… max 30 medarbetare per chef år 2030»)
        claimed = bool(q.years) and IS_IT_TRUE.match(q.asked) is not None and YEAR.search(u.text) is not None \
            and u.coverage >= CLAIM_COVERAGE
        for y in q.years:
            if y != report_year and y not in timed and not (y in label and self._label_asked(q, label)) and not claimed:
                return False
            if y == report_year and q.years == {y} and q.kind in MEASURE_KINDS and u.is_row and y not in timed \
                    and YEAR.search(timed) and not claimed:
                return False  # the report's year is implied, not by a row of other years' columns (2026 plan's)
        if any(p not in hay and p not in self.a.index.section_text(u.chunk) for p in q.phrases):
            return False  # "Malmö Möts" is not met by "Malmö stad möts och reser"
        if not any_name or len(q.names) < 2:
            return all(self._name_met(q, name, hay) for name in q.names)
        met = {name: self._name_met(q, name, hay) for name in q.names}
        if all(met.values()):
            return True
        # a brief on several places ("… both in Sweden and in Denmark") may quote what it says of each; the names
        # not joined so must all be met ("Hur gick det för Sverige i EM i handboll?")
        joined = names_joined(q.text, list(met))
        return all(ok for name, ok in met.items() if name not in joined) and any(met[name] for name in joined)

    def _name_met(self, q: Question, name: str, hay: str) -> bool:
        """Whether a question's name is met by the evidence text `hay` (lower case)."""
        own = self.common_names  # the report's own subject (Malmö) is named or not, whatever a sentence says
        # "G-NETS-mötet": the lower-case part of a hyphenated name is a common noun, not part of the name
        for n in (p.lower() for p in name.split("-") if len(p) >= 2 and not p.islower()):
            if (stem(n) in own or (n.endswith("s") and stem(n[:-1]) in own)) and q.kind != "name":
                # ("Who is the mayor of Malmö?" asks for a person of it; "Malmös obligation" is Malmö's)
                continue
            if q.lang == "en" and not any(n in p.split() for p in q.phrases) and (exonym := self.exonym(n)):
                if any(re.search(r"(?<![\wåäö])" + re.escape(stem(x)), hay) for x in exonym):
                    continue
                return False  # "Gothenburg's forecast" is Göteborg's, not Malmö's
            if q.lang == "en" and (not self.in_corpus(n) or translate(n)):
                continue  # an English word ("City Executive Board"), not a name the report could contain
            if re.search(r"(?<![\wåäö])" + re.escape(n if len(n) < 5 else stem(n)), hay):
                continue
            if n in hay and any(n in w and w != n for w in re.findall(r"[\wåäö]+", q.text.lower())):
                continue  # the question writes it inside a longer name too: "Lund inom MalmöLundregionen"
            return False
        return True

    @staticmethod
    def _label_asked(q: Question, label: str) -> bool:
        """Whether the question names a row by its label ("handbolls-EM 2026" for "EM i Handboll 2026"):
        then a year in the label is part of the name asked for."""
        named = {t for t in terms(label) if not YEAR_TOKEN.match(t)}
        return any(term_hit(q, t, named) for t in q.terms if not YEAR_TOKEN.match(t))

    def asked_noun(self, q: Question) -> str | None:
        """The report's noun a Swedish "Vad är X …?" asks for (not a measure: "summan", "andelen")."""
        if q.lang != "sv":
            return None
        asked = without_length_request(q.asked).strip()
        m = ASKED_SUBJECT.match(asked)
        verb_like = PARTICIPLE
        if m is None or not m.group(0).lower().startswith("vad"):
            m, verb_like = WHICH_ASKED.match(asked), WHICH_PARTICIPLE  # "Vilket riktvärde … har beslutats?"
        if m is None or m.group(1).lower() in MEASURE_NOUNS or verb_like.search(m.group(1).lower()):
            return None  # (in "Hur stor är investeringsbudgeten för beredskap?" a row's header may tell the noun)
        t = stem(m.group(1).lower())
        return t if t in q.terms and self.in_corpus(m.group(1).lower()) else None

    def unknown_focus(self, q: Question) -> bool:
        """"Vilken löptid …?", "Vad var sjukfrånvaron …?": about a thing the report never mentions."""
        if (m := UNIT_ASKED.search(q.text)) is not None and not any(
                self.in_corpus(w) for w in PHYSICAL_UNITS[m.group(1).lower()]):
            return True  # "… emissions last year, in tonnes?": the report measures nothing in tonnes
        if q.lang != "sv":
            return self.unknown_english_focus(q)
        if len(q.focus or "") >= 5 and not self.known(q, q.focus or "") and not self._adjective_of_known(q):
            return True
        c = q.counted or ""
        if len(c) >= 3 and not self.stem_in_corpus(c) and not any(
                self.stem_in_corpus(c[i:]) for i in range(3, len(c) - 4)):
            return True  # "Hur många ton koldioxid …?": the report counts nothing in tonnes (nor in a compound's head)
        asked = without_length_request(q.asked).strip()  # "Inför samverkan: hur hög var …?" asks from "hur"
        role = ROLE_ASKED.match(asked) or OPINION_HOLDER.match(asked) or CLAIMED_EVENT.match(asked)
        # (a hyphenated role is one word: "HR-direktör" is not in the report because HR and «stadsdirektör» are)
        held = role.group(1).lower() if role is not None else ""
        if role is not None and not (self.in_corpus(held) if "-" not in held else self.stem_in_corpus(stem(held))):
            return True  # a holder of a role (or of a view) the report never mentions
        m = ASKED_SUBJECT.match(asked)
        if m is None:
            return False
        word = m.group(1).lower()
        if word in MEASURE_NOUNS or PARTICIPLE.search(word) or word in AUXILIARY_PARTICIPLES or word in STOP:
            return False  # "Hur stor är summan av …", "Hur mycket har beviljats …": the thing is named later
        return not self.known(q, word)

    def known(self, q: Question, word: str) -> bool:
        """A word of the report, or one the question reads as report words ("lönerna": «Lönekostnader»); a
        definite form that doubles a final m is its word ("ambassadörsprogrammet" is «ambassadörsprogram»)."""
        return self.known_word(word) or any(self.stem_in_corpus(a) for a in q.alternatives.get(stem(word), ())) \
            or ((single := DOUBLED_M.sub("m", word)) != word and self.known_word(single))

    def _adjective_of_known(self, q: Question) -> bool:
        """The focus an adjective the report lacks before a noun it has, or a noun naming the kind of answer:
        "på vilken redovisningsmässig grund" asks for a ground the report gives in other words."""
        focus = q.focus or ""
        m = re.search(rf"(?i)(?<![\wåäö]){re.escape(focus)}\s+([a-zåäö]{{4,}})", q.text)
        return bool(ADJECTIVE_ENDING.search(focus)) and m is not None and (
            m.group(1).lower() in KIND_NOUNS or self.known_word(m.group(1).lower()))

    def known_word(self, word: str) -> bool:
        """A word of the report, or a compound of two of its words ("arbetsmiljöinsatser": the report's
        arbetsmiljö and insatser)."""
        if self.in_corpus(word) or "-" in word:
            return self.in_corpus(word)
        t = stem(word)
        root = verb_root(t)  # the noun of a verb the report uses: "omfördelning" of «omfördela»
        # a compound of two report words, written apart somewhere in one paragraph: "personalomsättning" is no
        # word of a report that has «personal» and «omsättning» only in other places
        parts = self.compound_split(t)
        if parts is not None and (parts[1] in MATTER_HEADS or self.written_apart(parts, modifier_in_compounds=True)):
            return True
        return root != t and self._report_stem(root) is not None

    def unknown_english_focus(self, q: Question) -> bool:
        """"What is the maturity of …?": the thing asked for, by every Swedish word the glossary renders it
        with, is nowhere in the report (a word the glossary does not know may be a name: no verdict)."""
        holder = OPINION_HOLDER_EN.match(q.asked)
        if holder is not None and not translate(holder.group(1).lower()) and not self.in_corpus(holder.group(1).lower()):
            return True  # a holder of a view the report never mentions, in any language
        m = EN_FOCUS.match(q.asked) or EN_COUNTED.search(q.asked)  # "How many passengers …": the thing counted
        if m is None or m.group(1).lower() in EN_MEASURE_NOUNS:
            return False
        # the glossary's longest phrase from the noun on: "wage costs" is «lönekostnader», not "wage" alone
        found = translate(q.asked[m.start(1):])[:1]
        renderings = [w for t in found if t.english[0] == m.group(1).lower() for alt in t.swedish
                      for w in words(alt) if w not in STOP]
        return bool(renderings) and not any(self.in_corpus(w) for w in renderings)

    def _choose(self, q: Question, units: list[Unit]) -> list[Unit]:
        if self.unknown_focus(q):
            return []
        extreme = self._table_extreme(q, units)
        if extreme:
            return extreme
        winner = semantic_winner(units)
        asks_where = DESCRIBED.search(q.text) is not None  # "Under vilket mål beskrivs …?": a signpost answers
        # a follow-up pointing back ("Vem ansvarar för det?") or naming no more than its verb ("och vem finansierar?",
        # the second half of a two-part question) is about what was asked before
        elliptic = sum(1 for w in q.terms.values() if w >= 1.0) <= 1
        points_back = q.followup and (REFERS_BACK.search(q.text) is not None or elliptic)
        for u in units[:20]:
            if points_back and u.hist_coverage < FOLLOWUP_TOPIC:
                continue  # "Vem ansvarar för det?": about what was asked before, not any sentence with "ansvarar"
            if q.lang == "en":
                # the embedding vouches, and at least one word of the question (through the glossary) is met
                good = (u.dense >= 0.80 and u.coverage >= 0.05) or u.coverage >= 0.5 or u is winner
                # (a value of the kind asked, of the thing the sentence before names: «Satsningen … 70 företag»)
                good = good or (u.kind_fit >= 1.0 and u.coverage >= NAMED_BEFORE_COVERAGE
                                and self._name_said_before(q, u) is not None)
            else:
                # paraphrases share few words with the report: then the embedding must vouch for it
                semantic = max(u.dense, u.chunk_dense)
                good = u.coverage >= MIN_COVERAGE or (semantic >= 0.84 and u.coverage >= 0.08 and u.kind_fit >= 0.7
                                                      and not q.followup)
                # a follow-up's embedding is of both questions: it vouches for the topic, not for what is asked now
                good = good or (u is winner and u.kind_fit >= 0.7 and not q.followup)
                # an elliptical follow-up ("När gavs den ut?"): the previous question's topic, the asked kind
                good = good or (q.followup and q.kind is not None and u.hist_coverage >= 0.8 and u.kind_fit >= 1.0)
            if good and u.type_ok and self.constraints_ok(q, u) and (not is_signpost(u.text) or asks_where):
                precise = self._precise_date(q, u, units)
                if precise is not None:  # "månadsskiftet februari/mars 2026" before "… till Rådhuset 2026 …"
                    return [precise, u]
                if (precise := self._precise_amount(q, u, units)) is not None:
                    return [u, precise]
                if (before := self._what_it_names(q, u) or self._name_said_before(q, u)) is not None:
                    return [before, u, *self.companions(q, u, units)[:1]]
                if SPLIT_ASKED.search(q.text) and (whole := self._whole_list(u, units)):
                    return whole  # "Hur fördelar det sig mellan …?": one bullet of the breakdown is a part of it
                if (dated := self._date_told_after(q, u)) is not None:
                    return [u, dated]
                u = self._total_over_a_column_word(q, u, units) or u
                if (listed := self._listing_near(q, u, units)) is not None:
                    return listed
                return [u, *self.companions(q, u, units)]
        return []

    @staticmethod
    def _whole_list(u: Unit, units: list[Unit]) -> list[Unit]:
        """The figure, the sentence that opens its breakdown and every bullet, in the report's order, when `u` is a
        bullet of a list so introduced («… uppgår till 32,8 Mkr. Detta är uppdelat på» • … • …); empty otherwise."""
        ordered, lead = bullet_list(u)
        if lead < 0:
            return []
        texts = [x.text for x in ordered]
        end = lead + 1
        while end < len(texts) and texts[end].startswith("•") and end - lead <= MAX_BULLETS:
            end += 1
        scored = {(x.chunk.id, x.text): x for x in units}  # the scored sentence where the question's were scored
        return [scored.get((x.chunk.id, x.text), x) for x in ordered[max(lead - 1, 0):end]]

    @staticmethod
    def _what_it_names(q: Question, best: Unit) -> Unit | None:
        """The sentence before one that names its subject only as "Dessa insatser …", "Detta arbete …", for a
        question asking what or which: «Parallellt pågår arbete med friskfaktorer, …» tells what «Dessa insatser
        stärker både arbetsmiljö …» are."""
        if q.kind not in (None, "list", "name") or best.is_row:
            return None
        # (or names them so later in the sentence, when what they are is asked: "Vad har ändrats i enkäten?" /
        # «Under hösten 2025 genomförs medarbetarenkäten med dessa förändringar.»)
        if not NAMED_BEFORE.match(best.text) and not (WHAT_ASKED.match(q.text) and NAMED_LATER.search(best.text)):
            return None
        before = sentence_before(best)
        if before is None or before.page != best.page or len(before.text.split()) < 4 or is_signpost(before.text):
            return None
        return before

    def _total_over_a_column_word(self, q: Question, best: Unit, units: list[Unit]) -> Unit | None:
        """The table's total for a figure asked of the whole thing the table is of, when the best row matched only
        by a column's word in its label: "Hur stor är stadskontorets budget?" is the SUMMA of «… stadskontorets
        nämndsbudget i budgetområden», not the row «Ekonomi - budget och uppföljning»."""
        if q.kind not in ("amount", None) or not best.is_row or TOTAL.match(best.text):
            return None
        row = parse_row(best.text)
        if row is None:
            return None
        columns = {t for c in row.cells for t in terms(c)}
        caption = set(terms(str(best.chunk.meta.get("table_title") or "")))
        in_label = {t for t in q.terms if q.terms[t] >= 1.0 and term_hit(q, t, set(terms(row.label)))}
        if not in_label or not in_label <= columns | caption:
            return None  # the label names something the question asks of: that row is asked for
        if not any(term_hit(q, t, caption - columns) for t, w in q.terms.items() if w >= 1.0 and t not in columns):
            return None  # the question names no thing the table is of ("rådhusflytten totalt" is no budget area's)
        title = best.chunk.meta.get("table_title")
        # (a sum of the rows, labelled as one: «SUMMA», not «Totala kostnader», a row of a table of measures)
        return next((u for u in units[:TOTAL_LOOKUP] if u.is_row and (r := parse_row(u.text)) is not None
                     and r.label.strip().lower() in SUM_LABELS
                     and u.chunk.meta.get("table_title") == title and u.coverage >= TOTAL_COVERAGE * best.coverage),
                    None)

    def _listing_near(self, q: Question, best: Unit, units: list[Unit]) -> list[Unit] | None:
        """For "Vilka X …?" answered by a sentence that lists nothing, a close runner-up followed by the sentence that
        lists the X («… arbete med hållbarhetskrav … fortskrider enligt plan.» «Kraven omfattar bland annat …»)."""
        if q.kind != "list" or best.is_row or ENUMERATION.search(best.text):
            return None
        for u in units[:LISTING_LOOKUP]:
            if u.is_row or u.coverage < LISTING_COVERAGE * best.coverage:
                continue
            if (following := sentence_after(u)) is not None and self._enumerates_the_asked(q, u, following):
                return [u, following]
        return None

    @staticmethod
    def _enumerates_the_asked(q: Question, best: Unit, following: Unit) -> bool:
        """Whether the sentence after the chosen one lists the things asked for, naming them by the head of the
        question's compound ("hållbarhetskrav" → «Kraven omfattar bland annat klimat, cirkulär ekonomi, …») while the
        chosen one lists nothing."""
        if ENUMERATION.search(best.text) or not ENUMERATION.search(following.text):
            return False
        first = words(following.text)[:1]
        head = stem(first[0]) if first else ""
        return len(head) >= 3 and any(t.endswith(head) and len(t) > len(head) + 2 for t, w in q.terms.items()
                                      if w >= 1.0)

    @staticmethod
    def _name_said_before(q: Question, best: Unit) -> Unit | None:
        """The sentence before one that refers back to the named thing asked about by a noun of its kind: "How many
        companies take part in Malmö Residency?" / «Vidare har projektet Malmö Residency genomförts …» «Satsningen
        syftar till … för de 70 företag som ingår.»: the reader must see that the figure is Malmö Residency's."""
        if best.is_row or not q.names or not DEFINITE_SUBJECT.match(best.text):
            return None
        low = best.text.lower()
        missing = [n for n in q.names if n.lower() not in low]
        before = sentence_before(best)
        if not missing or before is None or before.page != best.page or is_signpost(before.text):
            return None
        return before if all(n.lower() in before.text.lower() for n in missing) else None

    @staticmethod
    def _date_told_after(q: Question, best: Unit) -> Unit | None:
        """For a "när" question whose best sentence gives only a season and leaves part of the question open, a
        sentence just after it in the same passage that names the month: «Upphandling av nytt
        avvikelsehanteringssystem genomfördes under våren …» is followed by «Produktionsstart blir i början av
        september 2025.», the answer to "när är det nya systemet igång?"."""
        if q.kind != "date" or best.is_row or best.coverage >= 1.0 or CALENDAR_MONTH.search(best.text):
            return None
        sentences = units_of(best.chunk, best.rank)
        i = next((j for j, x in enumerate(sentences) if x.text == best.text), None)
        if i is None:
            return None
        return next((x for x in sentences[i + 1:i + 1 + DATE_AFTER] if not x.is_row and CALENDAR_MONTH.search(x.text)
                     and YEAR_IN_TEXT.search(x.text)), None)

    def _runners_up(self, q: Question, best: Unit, units: list[Unit], coverage: float,
                    share: float) -> Iterator[Unit]:
        """The close runners-up of the best sentence that a fact answer may add a more precise statement from:
        among the first six, of the kind asked, holding `coverage` of the question and `share` of its score."""
        for u in units[:6]:
            if (u is not best and u.text != best.text and u.kind_fit >= 1.0 and u.coverage >= coverage
                    and u.score >= share * best.score and u.type_ok and self.constraints_ok(q, u)):
                yield u

    def _precise_date(self, q: Question, best: Unit, units: list[Unit]) -> Unit | None:
        """For a "när" question answered by a sentence with only a year, a close runner-up that gives the
        month or the date: the answer an official needs for a calendar."""
        if q.kind != "date" or best.kind_fit >= 1.0:
            return None
        # (of the event asked, when the best tells it: the dialogues «Under hösten …» are not when the inquiry
        # «förväntas slutföras under 2025»)
        event_told = not event_missing(q, best)
        return next((u for u in self._runners_up(q, best, units, PRECISE_DATE_COVERAGE, PRECISE_DATE_SCORE)
                     if not is_signpost(u.text) and not (event_told and event_missing(q, u))), None)

    def _precise_amount(self, q: Question, best: Unit, units: list[Unit]) -> Unit | None:
        """For an amount asked and answered by a sentence that writes it rounded ("14 Mkr"), a close runner-up
        that states the same amount more precisely ("13,9 Mkr")."""
        if q.kind != "amount" or best.is_row or not (said := amounts_in(best.text)):
            return None
        return next((u for u in self._runners_up(q, best, units, PRECISE_AMOUNT_COVERAGE, PRECISE_AMOUNT_SCORE)
                     if not u.is_row and any(step < b_step and 1e-6 < abs(value - b_value) <= b_step / 2 + 1e-6
                                             for _, value, step in amounts_in(u.text) for _, b_value, b_step in said)),
                    None)  # (the same figure in other units, «3 400 Tkr» for 3,4 Mkr, states nothing more precisely)

    def _table_extreme(self, q: Question, units: list[Unit]) -> list[Unit]:
        """"Vilket budgetområde har störst positiv avvikelse?": the row at that end of the asked column,
        in the table of the best-matching row (all its rows, also those retrieval did not bring); for
        "Vilka budgetområden …" the first few rows from that end."""
        if (end := wants_extreme(q.text)) is None:
            return []
        said = LARGEST if end == "max" else SMALLEST
        if end != "rows" and any(not u.is_row and u.coverage >= STATED_EXTREME and self._says_the_extreme(q, u, said) for u in units[:3]):
            return []  # the report says which itself: «Den största enskilda osäkerheten är lokalkostnaderna …»
        # the superlative and sign words are not in the rows: a lower bar than a fact row's
        count = ranked_count(q.text)
        if count is not None:  # "Vilka tre …": the number says how many rows, it is not a word of theirs
            q = replace(q, terms={t: w for t, w in q.terms.items() if t not in NUMBER_WORDS})
            chunks = {u.chunk.id: u.chunk for u in units[:10]}  # each chunk once: its sentences are its units
            units = self.units_for(q, [(c, 0.0) for c in chunks.values()])
        best = next((u for u in units[:10] if u.is_row and u.coverage >= 0.25), None)
        # the table a top sentence introduces ("Nedan visas beslut som uppgår till minst 1 Mkr.") is a candidate
        # too: "det största enskilda beslutet" is a row of the decisions, not of the table whose row matched best
        leads = [u for u in units[:10] if not u.is_row and u.coverage >= 0.25]
        tables = [u.chunk for u in ([best] if best is not None else [])]
        tables += [t for u in leads if (t := introduced_table(u, self.a.index.chunks)) is not None]
        # and the tables of the other rows found: the caption may name what the question does («Resultaträkning»)
        # where the best row's table only shares a word with it («Finansiella poster» for "post")
        tables += [u.chunk for u in units[:10] if u.is_row and u.coverage >= OTHER_TABLE_COVERAGE
                   and all(u.chunk.id != t.id for t in tables)]
        if not tables:
            return []

        candidates = [self.table_chunks(t) for t in tables]
        covers = [self._table_coverage(q, same) for same in candidates]
        widely = [self._table_coverage(q, same, every_term=True) for same in candidates]
        rank = best.rank if best is not None else leads[0].rank
        # the best-covered table whose columns answer it (a tie goes to the best row's table): "Hur mycket har KS
        # beslutat om inom anslaget för projekt …, och vilket är det största enskilda beslutet?" asks its second
        # part of the decisions the first names
        for pick in sorted(range(len(candidates)), key=lambda i: (-covers[i], -widely[i], i)):
            rows = [u for c in sorted(candidates[pick], key=lambda c: (c.page, c.id)) for u in units_of(c, rank)]
            found = extreme_rows(q.text, [u.text for u in rows], set(q.terms), count or RANKED_ROWS)
            if found is not None:
                break
        else:
            return []
        covered = max(best.coverage if best is not None and pick == 0 else 0.0, covers[pick])
        chosen = [rows[i] for i in found[0]]
        for row in chosen:
            row.coverage, row.kind_fit = max(row.coverage, covered), 1.0
        return chosen

    @staticmethod
    def _says_the_extreme(q: Question, u: Unit, said: re.Pattern[str]) -> bool:
        """Whether a sentence gives the superlative of the thing asked: «Den största enskilda osäkerheten …» for
        "den största osäkerheten i prognosen", not «De största avvikelserna …» for "which project got most money"."""
        for m in said.finditer(u.text):
            # (the noun, not a modifier both share: «Den största enskilda osäkerheten» for "största enskilda beslut")
            after = [w for w in words(u.text[m.end():])[:3] if w not in STOP and w not in SUPERLATIVE_MODIFIERS][:2]
            if any(term_hit(q, t, {stem(w)}, w) for w in after for t in q.terms):
                return True
        return False

    def table_chunks(self, table: IndexedChunk) -> list[IndexedChunk]:
        """All chunks of the table a chunk is part of (a long table is split)."""
        m = table.meta
        return [c for c in self.a.index.chunks if c.meta.get("kind") == "table"
                and c.meta.get("table_title") == m.get("table_title") and c.meta.get("source") == m.get("source")]

    def listing_table(self, q: Question, units: list[Unit]) -> Unit | None:
        """The lead-in to quote for "Vilka projekt över 1 mkr har KS beviljat …?" when a top sentence introduces
        a table ("Nedan visas beslut som uppgår till minst 1 Mkr.") whose title names the things asked for and
        that, with the passage introducing it, holds most of the question: its rows are the answer, no sentence
        names them all."""
        imperative = NAMES_ASKED.match(q.text) is not None  # "List the project and study decisions above 1 Mkr …"
        # who received: "Vilka fick mer än 1 mnkr ur anslaget …?" names no noun; the table's rows name them
        recipients = RECIPIENTS_ASKED.match(q.text) is not None
        # (a plural asked by "which" is a list whatever else the question holds: "Which projects got more than 1
        # million kronor …?" is read as an amount)
        if not imperative and not recipients and (q.kind not in ("name", "list", "amount") or not q.focus
                                                  or not PLURAL_ASKED.match(q.text)):
            return None
        if recipients:
            focus: set[str] = set()
        elif imperative:  # the things to list are named by the question's words
            focus = {t for t, w in q.terms.items() if w >= 1.0}
        else:
            focus = {stem(x) for x in ([q.focus] if q.lang == "sv" else one_word_renderings(q.focus) or [q.focus])}
        # the report's word for the things may be none: "Vilka evenemang har fått pengar från anslaget för projekt
        # och utredningar?" is listed by the table of its decisions, whose rows name the events
        unsaid = not any(term_hit(q, f, u.stems | u.context) for f in focus for u in units[:10])
        seen: set[str] = set()
        for u in [*units[:10], *self._table_leads(q, units)]:
            table = None if u.is_row else introduced_table(u, self.a.index.chunks)
            if table is None or table.id in seen:
                continue
            seen.add(table.id)
            # (the title or the column the things stand in: «Ärende Belopp» for "Vilka ärenden …?")
            title = set(terms(f"{table.meta.get('table_title') or ''} {table.meta.get('table_header') or ''}"))
            chunks = self.table_chunks(table)
            if any(_matched(f, title) for f in focus) and \
                    self._table_coverage(q, chunks, context=u.chunk.text) >= LISTING_COVERAGE:
                return u
            asked = replace(q, terms={t: w for t, w in q.terms.items() if t not in focus})
            if unsaid and asked.terms and self._table_coverage(asked, chunks, context=u.chunk.text) >= UNSAID_LISTING:
                return u
        return None

    def _table_leads(self, q: Question, units: list[Unit]) -> list[Unit]:
        """The lead-ins of the tables introduced in the chunks of the top sentences, which the search may rank
        below the sentence it introduces the table after ("Inom anslaget … 26,4 Mkr. Nedan visas beslut …")."""
        chunks = {u.chunk.id: u.chunk for u in units[:10] if not u.is_row}
        # and the lead-ins of the tables the search found itself, whose lead-in it may not find ("vilka projekt
        # >1 mnkr har KS beviljat?" finds the decisions' table, not the sentence «Nedan visas beslut …»)
        for table in {u.chunk.id: u.chunk for u in units[:LEAD_ROWS] if u.is_row}.values():
            for c in self.a.index.chunks:
                if c.meta.get("kind") != "table" and c.meta.get("source") == table.meta.get("source") \
                        and c.meta.get("heading") == table.meta.get("heading") and table.page - 1 <= c.page <= table.page:
                    chunks.setdefault(c.id, c)
        scored = self.units_for(q, [(c, 0.0) for c in chunks.values()]) if chunks else []
        return [x for x in scored if introduced_table(x, self.a.index.chunks)]

    def _table_coverage(self, q: Question, chunks: list[IndexedChunk], every_term: bool = False,
                        context: str = "") -> float:
        """How much of a superlative question the table covers: its title, header and rows hold the rest of
        the question's words, and the selection answers "störst", "positiv" … (`every_term`: the lesser words
        too, those a follow-up takes from the question before it; `context`: the text that introduces it)."""
        weights = {t: w * self.idf(t) for t, w in q.terms.items() if w >= 1.0 or every_term}
        total = sum(weights.values())
        if not total:
            return 0.0
        text = context + " " + " ".join(f"{c.meta.get('table_title') or ''} {c.meta.get('table_header') or ''} "
                                        f"{c.text}" for c in chunks)
        st = set(terms(text))
        joined = " ".join(st)
        answered = selection_words(q.text, set(weights)) | (ROW_NOUNS & set(weights))
        if THRESHOLD.search(text):  # "mer än 1 Mkr" is met by a table «… beslutade belopp över 1 Mkr»
            answered |= {stem(w) for m in THRESHOLD.finditer(q.text) for w in m.group(0).lower().split()}

        def told(t: str) -> bool:  # a compound the table tells by its parts: "utredningsanslaget"
            return term_hit(q, t, st, joined) or bool((parts := self.compound_split(t)) and
                                                      all(_matched(p, st, joined) for p in parts))
        return sum(w for t, w in weights.items() if t in answered or told(t)) / total

    @staticmethod
    def _shall_do(q: Question, u: Unit) -> bool:
        """A sentence that opens with the thing asked, and nothing else, and says what it shall do:
        "Investeringsutrymmet för beredskap ska stärka stadens förmåga …" tells what the preparedness budget is
        for."""
        m = SHALL_DO.match(u.text)
        if m is None:
            return False
        subject = {t for t in terms(m.group(1)) if t not in STOP}
        # the subject is the thing asked, no other ("Investeringsutrymmet för beredskap" is not the 20 Mkr one)
        return bool(subject) and all(any(term_hit(q, t, {s_}) for t in q.terms) for s_ in subject)

    def companions(self, q: Question, best: Unit, units: list[Unit]) -> list[Unit]:
        """A second unit when it adds to the first: the next sentence of a short
        one, the next sentence giving the reason a two-part question asks for
        ("Hur mycket … och varför?") or the value the first lacks, or another
        strong, different passage."""
        extra: list[Unit] = []
        if best.is_row and TOTAL.match(best.text) and (SPLIT_ASKED.search(q.text) or PER_ROW_ASKED.search(q.text)):
            # "… and how is it split?": a table's total with the rows it sums, in the table's order
            parts = [u for u in units_of(best.chunk, best.rank) if u.text != best.text and not TOTAL.match(u.text)
                     and parse_row(u.text)]
            extra.extend(parts[:MAX_BULLETS])
        if not best.is_row:
            ordered = units_of(best.chunk, best.rank)
            texts = [u.text for u in ordered]
            following = ordered[texts.index(best.text) + 1] if best.text in texts[:-1] else None
            at = texts.index(following.text) if following is not None else -1
            short = len(best.text.split()) < 8 or best.text.endswith(":")
            reason = (q.also_reason and not CAUSAL.search(best.text.lower()) and following is not None
                      and CAUSAL.search(following.text.lower()) is not None)
            if following is not None and (short or reason):
                extra.append(following)
                if following.text.startswith("•") and (best.text.endswith(":") or introduces_a_list(best.text)):
                    # «De större avvikelserna finns bland:» and all its bullets, not the first alone
                    extra.extend(bullets_after(ordered, at, MAX_BULLETS - 1))
            elif following is not None and GIVES_EXAMPLE.match(following.text) and (
                    EXAMPLES_ASKED.search(q.text) or (q.kind in ("list", "name") and len(
                        proper_names(following.text) - proper_names(best.text)) >= EXAMPLES_NAMED)):
                # (or which ones asked, the sentence naming none and the example listing them: "vilka org har fått
                # medel … matchningsproblematiken", «Till exempel har medel fördelats till Pink Programming …, Redi
                # School … samt BLING Startup …»)
                # "Ge exempel på organisationer som fått pengar …": «… fördelning av medel … matchningsproblematiken»
                # / «Till exempel har medel fördelats till Pink Programming …»: the examples follow the sentence
                extra.append(following)
            elif following is not None and q.kind is None and WHAT_IT_IS_ASKED.search(q.text) \
                    and goes_on_about(best, following):
                # "Vad ska MEHAB göra?": «… arbetat vidare med att konkretisera bolagets verksamhet och roll …» /
                # «Bolaget ska bland annat bidra till …»: the next sentence goes on about the same thing
                extra.append(following)
            elif following is not None and q.kind is None and WHAT_IT_IS_ASKED.search(q.text) and (purpose := next(
                    (u for u in ordered[at:at + PURPOSE_AHEAD]
                     if PURPOSE_STATED.match(u.text)), None)) is not None:
                # "Vad är Dans för hälsa?": «Arbetet med Dans för hälsa … implementerats …» / … / «Syftet är att bidra
                # till minskad psykisk ohälsa bland unga.»: what the thing is for says what it is
                extra.append(purpose)
            elif following is not None and q.kind in ("list", None) and self._enumerates_the_asked(q, best, following):
                # "Vilka hållbarhetskrav ställer staden i upphandlingar?": «Stadskontorets arbete med hållbarhetskrav …
                # fortskrider enligt plan.» / «Kraven omfattar bland annat klimat, cirkulär ekonomi, …»
                extra.append(following)
            elif following is not None and introduces_a_list(following.text):
                # "… uppgår till 32,8 Mkr. Detta är uppdelat på" and its bullets: the parts of the value
                bullets = [u for u in ordered[at + 1:at + 1 + MAX_BULLETS] if u.text.lstrip().startswith("•")]
                if bullets:
                    extra.extend([following, *bullets])
            elif q.kind == "count" and following is not None and following.before and best.kind_fit >= 1.0:
                # the paragraph goes on with a newer count of the same thing ("Sedan de första elva
                # pionjärstäderna anslöt sig 2022 …" / "… nu omfattar tolv pionjärstäder och nio …")
                scored = next((u for u in units if u.chunk.id == best.chunk.id and u.text == following.text), None)
                if scored is not None and scored.kind_fit >= 1.0 and counted_near(scored, q):
                    extra.append(scored)
            elif q.kind in ("date", "amount", "count", "percent") and best.kind_fit < 1.0 and following is not None:
                # the value asked for comes later in the paragraph: "Arbetet med att uppdatera trendanalysen …
                # fortskridit enligt plan. … Den uppdaterade analysen beräknas vara klar i januari 2026."
                extra.extend(self._value_after(q, best, ordered[texts.index(best.text) + 1:]))
            elif q.kind is None and POLAR.search(q.text) and (after := following or self._next_in_section(best)) \
                    and LEANS_BACK.match(after.text) and any(
                        w >= 1.0 and not term_hit(q, t, best.stems) and term_hit(q, t, after.stems)
                        for t, w in q.terms.items()):
                # a yes-or-no question the next sentence answers of what the chosen one tells: "Is the paused work
                # treated as a deviation?" / "… pausats … Eftersom detta varit en medveten strategisk avvägning
                # bedöms det inte utgöra någon avvikelse." (in the next passage, when a chunk ends between them)
                extra.append(after)
            elif q.kind == "date" and following is not None and (unmet := [
                    t for t, w in q.terms.items() if w >= 1.0 and not term_hit(q, t, best.stems)]):
                # the date of another step, when the paragraph goes on with the step asked: "När tas systemet i
                # drift?" / "Upphandling … genomfördes under våren … Produktionsstart blir i början av september."
                extra.extend(self._value_after(replace(q, terms={t: 1.0 for t in unmet}), best,
                                               ordered[texts.index(best.text) + 1:]))
        if not best.is_row and q.kind == "amount" and (total := self._analysed_total(best)) is not None \
                and self._answers_all(q, total):
            # «Analys av avvikelse i förhållande till nämndens investeringsram»: "… investeringsbudgeten 20 Mkr"
            # analyses a part of the table the heading names, whose total is the figure asked for too
            extra.append(total)
        for u in units[1:6] if not q.followup else ():  # a follow-up asks about the one thing already found
            if len(extra) >= 1:
                break
            if u.text == best.text or u.chunk.id == best.chunk.id:
                continue
            if not u.is_row and not best.is_row and u.page == best.page and similarity(u.stems, best.stems) >= SAME_SENTENCE:
                continue  # the report says it twice in nearly the same words (p. 25's pause): once is enough
            similar = u.score >= 0.92 * best.score and u.coverage >= max(MIN_COVERAGE, best.coverage - 0.05)
            tied = u.score >= 0.97 * best.score and u.kind_fit >= 1.0 and u.coverage >= MIN_COVERAGE
            if u.type_ok and self.constraints_ok(q, u) and (
                    (similar and q.kind in ("list", "reason", None)) or tied):
                extra.append(u)  # two passages answer about equally well: show both, let the reader judge
        return extra

    def _analysed_total(self, u: Unit) -> Unit | None:
        """The total row of the table a sentence's heading analyses by name («Analys av avvikelse i förhållande
        till nämndens investeringsram» analyses the table «Investeringsram»), when the sentence's figure is not
        that total; None otherwise."""
        heading = str(u.chunk.meta.get("heading") or "").lower()
        if not heading or not ANALYSIS_HEADING.match(heading):
            return None
        for c in self.a.index.chunks:
            title = str(c.meta.get("table_title") or "").lower()
            if c.meta.get("kind") != "table" or not title or c.meta.get("source") != u.chunk.meta.get("source") \
                    or not re.search(r"(?<![\wåäö])" + re.escape(title) + r"(?![\wåäö])", heading):
                continue
            total = next((r for r in units_of(c, u.rank) if TOTAL.match(r.text) and parse_row(r.text)), None)
            if total is not None:
                return total
        return None

    def _answers_all(self, q: Question, row: Unit) -> bool:
        """Whether a table row (with its table's title and header) meets every word of the question, by itself
        or by a compound's parts: "investeringsbudgeten för 2025" is «Investeringsram / Summa investeringar …
        Budget», "… inför flytten till Rådhuset" is not."""
        meta = row.chunk.meta
        said = row.stems | set(terms(f"{meta.get('table_title') or ''} {meta.get('table_header') or ''}"))
        report_year = str(meta.get("year") or "")
        return all(term_hit(q, t, said) or t == report_year
                   or ((parts := self.compound_split(t)) is not None and all(_matched(p, said) for p in parts))
                   for t, w in q.terms.items() if w >= 1.0)

    def _next_in_section(self, u: Unit) -> Unit | None:
        """The first sentence of the next passage under the same heading, when `u` ends its passage."""
        if units_of(u.chunk, u.rank)[-1].text != u.text:
            return None
        nxt = next_in_section(u.chunk, self.a.index.chunks)
        if nxt is None:
            return None
        first = units_of(nxt, u.rank)
        return first[0] if first else None

    def _value_after(self, q: Question, best: Unit, after: list[Unit]) -> list[Unit]:
        """The sentence of the same paragraph that holds the value the chosen one lacks and speaks of
        what was asked: "… Den uppdaterade analysen beräknas vara klar i januari 2026." """
        own = [t for t, w in q.terms.items() if w >= 1.0 and t not in STOP]
        text = best.chunk.text
        at = text.find(best.text[:40])
        for u in after[:4]:
            pos = text.find(u.text[:40], at)
            if pos < 0 or "\n\n" in text[at:pos]:
                return []  # the paragraph ended
            if kind_score(u, q) >= 1.0 and any(term_hit(q, t, u.stems) for t in own):
                return [u]
        # the passage ended inside the paragraph: it goes on in the next passage under the same heading («… samer.» /
        # «För att ge bättre förutsättningar … flyttas beslutsplaneringen från december 2025 till april 2026.»)
        last = after[-1] if after else best
        nxt = next_in_section(best.chunk, self.a.index.chunks) if len(after) < 4 else None
        if nxt is None or units_of(best.chunk, best.rank)[-1].text != last.text or nxt.text.startswith("\n"):
            return []
        for u in units_of(nxt, best.rank)[:4 - len(after)]:
            if "\n\n" in nxt.text[:nxt.text.find(u.text[:40])]:
                break
            if kind_score(u, q) >= 1.0 and any(term_hit(q, t, u.stems) for t in own):
                return [u]
        return []

    def _other_reports(self, q: Question, best: Unit, units: list[Unit]) -> str | None:
        """With no report chosen, say so when other reports answer about as
        well (e.g. the same committee's reports from several years): the
        official should choose, not trust which look-alike came first."""
        source = best.chunk.meta.get("source")
        others: dict[str, Unit] = {}
        for u in units[:30]:
            other = str(u.chunk.meta.get("source") or "")
            if (other and other != source and other not in others and u.score >= ALSO_ANSWERS * best.score
                    and u.type_ok and self.constraints_ok(q, u)):
                others[other] = u
        if not others:
            return None
        titles = [str(u.chunk.meta.get("report_title") or name) for name, u in others.items()]
        titles.append(str(best.chunk.meta.get("report_title") or source))

        def label(name: str, u: Unit) -> str:  # a title two files share is told apart by the file name
            title = str(u.chunk.meta.get("report_title") or name)
            return f"{title} – {name}" if titles.count(title) > 1 else title

        shown = [f"{label(name, u)} (s. {u.page})" for name, u in list(others.items())[:3]]
        rest = len(others) - len(shown)
        if q.lang == "sv":
            listed = ", ".join(shown) + (f" och {rest} till" if rest else "")
            return f"Fler rapporter svarar nästan lika bra: {listed}. Välj en rapport för att avgränsa frågan."
        listed = ", ".join(shown) + (f" and {rest} more" if rest else "")
        return f"Other reports answer almost as well: {listed}. Choose a report to narrow the question."

    # -- output -----------------------------------------------------------
    def citation(self, n: int, u: Unit, page: int | None = None) -> Citation:
        m = u.chunk.meta
        return Citation(
            n=n, page=u.page if page is None else page, section=str(m.get("section") or ""), goal=m.get("goal") or None,
            goal_area=m.get("goal_area") or None, quote=u.text, source=str(m.get("source") or ""),
            report_title=str(m.get("report_title") or ""), chunk_id=u.chunk.id, passage=u.chunk.text,
            kind=str(m.get("kind") or "text"),
        )

    def compose_answer(self, q: Question, chosen: list[Unit], scope: str, retrieved: list[dict]) -> Answer:
        """A fact answer quoting `chosen` (a table's rows under one lead), in the question's language."""
        citations = [self.citation(i + 1, u, value_page(q, u)) for i, u in enumerate(chosen)]
        parts = []
        last_table = None
        for c, u in zip(citations, chosen, strict=True):
            if u.is_row and last_table is not None and u.chunk.meta.get("table_title") == last_table:
                parts[-1] = parts[-1] + f"; {u.text} [{c.n}]"  # the next row of the same table: one lead for all
                continue
            last_table = u.chunk.meta.get("table_title") if u.is_row else None
            if u.is_row:
                title = u.chunk.meta.get("table_title") or ""
                unit = u.chunk.meta.get("table_unit") or ""
                where = f"«{title}»" + (f" ({unit.lower()})" if unit else "")
                lead = f"Enligt tabellen {where}: " if q.lang == "sv" else f"{TABLE_LEAD_EN}{where}: "
                parts.append(f"{lead}{u.text} [{c.n}]")
            elif q.kind == "heading" and u.chunk.meta.get("heading"):
                heading = str(u.chunk.meta["heading"])
                c.quote = f"{heading}: {u.text}"
                lead = "Det behandlas under rubriken" if q.lang == "sv" else "It is covered under the heading"
                parts.append(f"{lead} «{heading}»: {u.text} [{c.n}]")
            else:
                parts.append(f"{u.text} [{c.n}]")
        body = " ".join(parts)
        if q.lang == "en":
            pages = ", ".join(sorted({str(c.page) for c in citations}, key=int))
            if body.startswith(TABLE_LEAD_EN):  # one lead: not "According to the report …: According to the table …"
                title_end = body.index(": ", body.index("»"))
                body = f"{body[:title_end]} (p. {pages}; quoted in Swedish){body[title_end:]}"
            else:
                body = f"According to the report (p. {pages}; quoted in Swedish): {body}"
            if gloss := column_gloss([u.text for u in chosen if u.is_row]):
                body = f"{body} (Columns: {gloss}.)"
        return Answer(question=q.asked, answer=body, refused=False, citations=citations, lang=q.lang, scope=scope,
                      retrieved=retrieved)

    # -- structure questions ---------------------------------------------
    def structure(self, q: Question, filters: Filters | None) -> Answer | None:
        if q.kind not in ("goal_area", "goals_in_area", "status"):
            return None
        source = filters.source if filters and filters.source else None
        if source is None and len(self.a.index.sources) > 1:  # the report the question is most likely about
            hits = self.a.retrieve(q.retrieval_query, filters, k=1, lexical_query=q.lexical_query)
            source = str(hits[0][0].meta.get("source")) if hits else None
        self._source = source
        outline = self.a.outline(source)
        goals = outline.get("goals", [])
        headings = {t: p for t, p in outline.get("headings", [])}
        if not goals:
            return None
        goal = self.best_match(q, [g["title"] for g in goals])
        if q.kind == "goals_in_area":
            area = self.best_match(q, outline.get("goal_areas", []), min_cov=0.6)
            if area is None:
                return None
            members = [g for g in goals if g["goal_area"] == area]
            if not members:
                return None
            cits, lines = [], []
            for i, g in enumerate(members, 1):
                heading = f"Kommunfullmäktigemål - {g['title']}"
                cits.append(self._heading_citation(i, heading, g["page"], area, g["title"]))
                lines.append(f"{i}. {g['title']} (s. {g['page']}) [{i}]")
            lead = f"Under målområdet «{area}» finns {len(members)} kommunfullmäktigemål:" if q.lang == "sv" else \
                f"The goal area «{area}» has {len(members)} goals (kommunfullmäktigemål):"
            return Answer(question=q.asked, answer=lead + "\n" + "\n".join(lines), refused=False, citations=cits,
                          lang=q.lang)
        if goal is None:
            if q.kind == "goal_area":
                area = self.best_match(q, outline.get("goal_areas", []), min_cov=0.6)
                if area:
                    return self._area_answer(q, area, headings, None)
                return self._area_of_best_passage(q, filters, headings)
            return None
        g = next(x for x in goals if x["title"] == goal)
        if q.kind == "goal_area":
            heading = f"Målområde - {g['goal_area']}"
            page = headings.get(heading, g["page"])
            cit = self._heading_citation(1, heading, page, g["goal_area"], None)
            text = (f"Målet «{g['title']}» hör till målområdet «{g['goal_area']}». [1]" if q.lang == "sv" else
                    f"The goal «{g['title']}» belongs to the goal area «{g['goal_area']}». [1]")
            return Answer(question=q.asked, answer=text, refused=False, citations=[cit], lang=q.lang)
        # status
        if not g.get("status"):
            return None
        chunk = next((c for c in self._chunks() if c.meta.get("goal") == g["title"]
                      and c.meta.get("kind") == "assessment" and "Bedömning:" in c.text), None)
        if chunk is None:
            return None
        quote = next(s for _, s in split_sentences(chunk.text) if s.startswith("Bedömning:"))
        unit = Unit(quote, chunk, 0, int(g.get("status_page") or chunk.page), False, set(), set())
        cit = self.citation(1, unit)
        text = (f"Bedömningen för målet «{g['title']}»: {g['status']}. [1]" if q.lang == "sv" else
                f"The assessment for the goal «{g['title']}»: {g['status']} (expected to be met). [1]")
        return Answer(question=q.asked, answer=text, refused=False, citations=[cit], lang=q.lang)

    def _area_of_best_passage(self, q: Question, filters: Filters | None, headings: dict[str, int]) -> Answer | None:
        """"Under which goal area is X reported?": the goal area of the best passage."""
        found = self.a.retrieve(q.retrieval_query, filters, k=self.a.settings.top_k, lexical_query=q.lexical_query)
        hits = type(found)([(c, sc) for c, sc in found if c.meta.get("goal_area")], found.dense_similarity)
        units = [u for u in self.units_for(q, hits) if u.coverage >= 0.3]
        if not units:
            return None
        return self._area_answer(q, str(units[0].chunk.meta["goal_area"]), headings, units[0].page)

    def _area_answer(self, q: Question, area: str, headings: dict[str, int], page: int | None) -> Answer:
        heading = f"Målområde - {area}"
        cit = self._heading_citation(1, heading, headings.get(heading, page or 0), area, None)
        text = (f"Det redovisas under målområdet «{area}». [1]" if q.lang == "sv" else
                f"It is reported under the goal area «{area}». [1]")
        return Answer(question=q.asked, answer=text, refused=False, citations=[cit], lang=q.lang)

    def _chunks(self) -> list[IndexedChunk]:
        """The chunks of the report an outline answer is about."""
        return [c for c in self.a.index.chunks if self._source is None or c.meta.get("source") == self._source]

    def _heading_citation(self, n: int, heading: str, page: int, area: str | None, goal: str | None) -> Citation:
        chunk = next((c for c in self._chunks() if (goal and c.meta.get("goal") == goal)
                      or (not goal and c.meta.get("goal_area") == area)), None)
        meta: dict[str, Any] = chunk.meta if chunk else {}
        return Citation(n=n, page=int(page), section=heading, goal=goal, goal_area=area, quote=heading,
                        source=str(meta.get("source") or ""), report_title=str(meta.get("report_title") or ""),
                        chunk_id=chunk.id if chunk else "", passage=heading, kind="heading")

    def best_match(self, q: Question, names: list[str], min_cov: float = 0.5) -> str | None:
        """The outline entry (goal or goal area) the question talks about."""
        generic = {stem(w) for w in ("mål", "målet", "målområde", "målområdet", "kommunfullmäktigemål", "bidrag",
                                     "bidraget", "malmö", "stad", "arbetar", "uppnås", "förväntas", "år", "året",
                                     "bedömning", "bedöms", "hör", "tillhör", "ligger", "goal", "area")}
        qterms = {t for t, w in q.terms.items() if w >= 1.0} - generic or set(q.terms) - generic
        if q.lang == "en":  # English words the Swedish report cannot contain say nothing here
            qterms = {t for t in qterms if self.in_corpus(t)}
        named = [(name, set(terms(name)), " ".join(words(name))) for name in names]
        def met(t: str, st: set[str], joined: str) -> float:
            """1 when the title has the word. A word carried over from an English previous question also counts by
            the share of its other renderings' words the title has: "prevent crime" (brottsförebyggande) meets
            "minska brottsligheten" whole and "minskade utsläpp" by half."""
            if _matched(t, st, joined):
                return 1.0
            if (parts := self.compound_split(t)) and all(_matched(p, st, joined) for p in parts):
                return 1.0  # a compound the title writes apart: brottsförebyggande, «förebyggande … brottsligheten»
            if q.terms.get(t, 0.0) >= 1.0:
                return 0.0  # its own words by their first rendering, as before ("board" is not "nämnder")
            others = q.alternatives.get(t, ())
            return sum(_matched(a, st, joined) for a in others) / len(others) if others else 0.0

        for t in list(qterms):  # a goal named by a compound: "klimatmålen", "arbetsgivarmålet" are about klimat …
            topic = compound_topic(t)
            if topic and not any(met(t, st, joined) for _, st, joined in named):
                qterms.discard(t)
                qterms.add(topic)
        relevant = {t for t in qterms if any(met(t, st, joined) for _, st, joined in named)}
        if not relevant:
            return None
        best, best_cov = None, 0.0
        for name, st, joined in named:
            got = sum(self.idf(t) * met(t, st, joined) for t in relevant)
            cov = got / sum(self.idf(t) for t in relevant)
            if got / sum(self.idf(t) for t in qterms) >= 0.35 and cov > best_cov:
                best, best_cov = name, cov
        return best if best_cov >= min_cov else None
