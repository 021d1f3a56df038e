"""What a question asks for: its language, the kind of answer it expects,
its content terms and the constraints an answer must meet.

The cue words are general Swedish/English question vocabulary, not tuned to
particular questions: "hur många" asks for a count, "när" for a time, a year
in the question must be matched by the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assistant.answer.route import PURPOSE_NOUN, QUESTION_WORD, without_length_request
from assistant.glossary import english_only, translate
from assistant.models import Turn
from assistant.textproc import EN_STOP, STOP, as_swedish_letters, one_edit, stem, words

EN_MARKERS = {
    "what", "which", "who", "when", "where", "why", "how", "the", "is", "are", "does", "did", "was", "were",
    "of", "in", "much", "many", "and", "has", "have", "name", "for",
    # function words no Swedish question uses ("it" is not among them: Swedish writes IT for IT)
    "a", "an", "to", "on", "about", "being", "me", "my", "this", "that", "with", "from", "at", "its", "their",
    "there", "they", "would", "could", "can", "will", "should", "give", "summarise", "summarize", "please",
    "be", "by", "do", "you", "thanks", "thank", "helpful", "great", "pls",
}
SV_MARKERS = {"och", "är", "hur", "vad", "vilken", "vilket", "vilka", "när", "har", "som", "för", "det", "den", "till"}
# the topic put first and asked of after: "riktvärdet för antal medarbetare per chef, vad är det" is "vad är riktvärdet …"
FRONTED_TOPIC = re.compile(r"(?i)^\s*(?!(?:berätta|beskriv|förklara|ge|visa|sammanfatta|tell|describe|explain|give|show|"
                           r"summari[sz]e|vad|hur|när|vem|vilk\w*|var|varför|what|how|when|who|which|where|why)\b)"
                           r"(?P<topic>[^,?–]{3,80}?)\s*[,–]\s*(?P<ask>vad (?:är|var|blir|blev)|hur (?:mycket|stor|stort|"
                           r"stora|många) (?:är|var|blir|blev)|när (?:är|var|blir|blev)|what(?: is|'s| was)|"
                           r"how (?:much|many|big|large) (?:is|was))\s+(?:det|den|de|dom|it|that)\s*[?.!]*\s*$")
# the words a question opens with in one language only; the first of them weighs more than a function word inside
EN_LEADS = {"what", "which", "who", "when", "where", "why", "how", "whats", "what's", "please", "can", "could"}
SV_LEADS = {"vad", "vilken", "vilket", "vilka", "vem", "när", "var", "varför", "hur", "kan", "snälla"}
LEAD_WEIGHT = 1.5

# nouns that name an amount ("prognosen", "budget"): they ask for one unless a how-question with a verb
# asks how something is done or judged (MANNER below)
AMOUNT_NOUNS = ("budgeten", "prognosen", "avvikelse", "kostnad", "resultat", "budget", "forecast", "deviation", "surplus",
                "deficit", "utfallet", "outturn", "storlek", "storleken", "belopp", "beloppet", "size",
                "helårsprognosen", "helårsprognos", "årsprognosen", "helårsresultatet",
                "intäkterna", "kostnaderna")  # ("Vad är de totala intäkterna …?": a line of the accounts)
GRANTS = ("kommunbidraget", "anslaget", "kommunbidragen", "anslagen")
REASON_CUES = ("varför", "vad beror", "beror det", "why", "what is the reason", "due to")
# answer types, checked in order
TYPE_CUES: list[tuple[str, tuple[str, ...]]] = [
    ("heading", ("vilken rubrik", "under vilken rubrik", "which heading", "which section")),
    ("goal_area", ("vilket målområde", "vilket målområde", "under vilket målområde", "which goal area", "what goal area")),
    ("goal", ("vilket kommunfullmäktigemål", "under vilket mål ", "which goal ")),
    ("goals_in_area", ("vilka mål", "vilka kommunfullmäktigemål", "vilka kf-mål", "which goals", "which council goals",
                       "which city council goals")),
    ("status", ("bedömning", "bedömningen", "bedöms bidraget", "bedöms målet", "bedömer", "förväntas bidraget",
                "uppnås", "assessment", "expected to be met",
                "be achieved", "be met")),
    ("percent", ("andel", "procent", "procentuell", "procentuella", "ränta", "räntan", "valdeltagandet", "voter turnout", "turnout", "percentage", "share", "interest rate", "rate",
                 "i %", "in %")),
    ("count", ("hur många", "vilket antal", "how many", "number of")),
    ("date", ("när ", "vilket år", "vilken månad", "vilket datum", "till när", "hur länge", "when ", "which year",
              "what year", "by when", "how long", "what date", "which date", "what exact date", "which exact date", "exact date", "exakt datum",
              "vilket exakt datum", "what month", "which month")),
    ("amount", ("plus eller minus", "minus eller plus", "plus or minus", "resultatet för perioden",
                "resultatet för helåret", "resultatet för året", "periodens resultat", "årets resultat",
                "result for the period", "result for the year", "period's result", "year's result",
                "hur mycket", "hur mycke", "hur mkt", "hur stor", "hur stort", "hur stora", "hur höga", "hur hög",
                "vilket belopp", "vilken summa",
                "i kronor", "in kronor", "how high",
                "vad kostar", "kosta", "kostar", "kostade", "kostat", "pris", "priset", "hyra", "hyran", "årshyra",
                "årshyran",
                "avgift", "avgiften", "lön", "lönen", "cost", "costs", "price", "rent", "fee", "salary",
                "how much", "how large", "how big", "what amount", "vad uppgår", "vad uppgick",
                # a forecast or a budget asked by its verb: "Vad prognostiserar styrelsen för helåret?"
                "vad prognostiserar", "vad prognostiseras", "vad budgeterar", "vad budgeteras", *AMOUNT_NOUNS,
                # a grant asked as what it is ("Vad är kommunbidraget per 31 augusti?"), not what it pays for
                *(f"vad {verb} {grant}" for verb in ("är", "var", "blir", "blev") for grant in GRANTS))),
    ("reason", REASON_CUES),
    ("name", ("vad heter", "vilka personer", "which people", "which persons", "vilka företag", "vilka bolag",
              "which companies", "vilken myndighet", "vilket bolag", "vilken leverantör", "vilket företag",
              "vilket verktyg", "vilket projekt", "vilket departement", "vilken organisation", "vem ", "vilka städer",
              "vilken stad", "what is the name", "which company", "which authority", "which agency", "which agencies",
              "what agency", "who ", "which city",
              "which project", "which organisation", "which organization", "what is the new", "vilka heter",
              "namnen på", "namnet på", "the names of", "names please", "names, please", "their names",
              "namn tack", "med namn", "the name of", "för namn", "vad kallas", "what are they called")),
    ("list", ("vilka", "what are")),
]
NAME_CUES = next(cues for kind, cues in TYPE_CUES if kind == "name")
NAME_NOUNS = ("myndighet", "bolag", "leverantör", "företag", "verktyg", "projekt", "departement", "organisation",
              "program", "policy", "plattform", "system", "direktiv", "stad", "städer", "kommun", "nätverk",
              "authorit", "agenc", "compan", "tool", "project", "organisation", "organization", "programme", "directive",
              "city", "cities", "network", "industr", "bransch", "neighbourhood", "vendor", "supplier", "firm",
              "person", "people", "partner", "startup", "start-up", "politiker", "politician")
# "Vem är leverantör av …?": the role asked about, as "vilken leverantör" names it
WHO_IS = re.compile(r"\b(vem|vilka) (?:är|var|blir|blev) (?:den |det |de )?(?:nya |ny )?([\wåäö-]+)", re.IGNORECASE)
NAME_NOUN = re.compile(r"(?:" + "|".join(NAME_NOUNS) + r")[a-zåäö]{0,4}$")


# a table named by what it holds: "nettokostnadstabellen", "budgetområdes-tabellen", "tabellen över budgetområden",
# "the net cost table", "the table of budget areas"
TABLE_COMPOUND = re.compile(r"(?i)(?<![\wåäö])([a-zåäö]{4,}?-?tabell(?:en|erna|er)?)(?![\wåäö])")
TABLE_PHRASE = re.compile(r"(?i)\btabellen\s+(?:över|för|om|med)\s+((?:[\wåäö-]+\s+){0,2}[\wåäö-]+)"
                          r"|\b(?:the|this|that)\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+table\b"
                          r"|\btable\s+(?:of|on|for|with)\s+((?:[a-z-]+\s+){0,2}[a-z-]+)")


def table_naming(text: str, lang: str) -> set[str]:
    """Stems of the words that name the table a question looks in: they are told by its title, and a row whose
    label says them («Nettokostnad») is no more the one asked than its neighbours («Kostnader»)."""
    out = {stem(m.group(1).lower()) for m in TABLE_COMPOUND.finditer(text)} if lang == "sv" else set()
    for m in TABLE_PHRASE.finditer(text):
        phrase = next(g for g in m.groups() if g)
        if lang == "en":
            out |= {stem(w) for t in translate(phrase) for w in words(t.swedish[0])}
        else:
            out |= {stem(w) for w in words(phrase) if w not in STOP}
    return out


# "the board" named beside the administration or the City Office, as one part of two or three
BOARD_BESIDE_ITS_OFFICE = re.compile(r"(?i)\bboard\b(?!'s\s+(?:administration|office))[^.?]*?\b(?:administration|city office|"
                                     r"stadskontoret|förvaltningen)\b|\b(?:administration|city office|stadskontoret)\b"
                                     r"[^.?]*?\b(?:and|or|vs\.?|versus)\s+(?:the\s+)?(?:political\s+)?board\b")
# an explicit ask for a list
LIST_REQUEST = re.compile(r"(?i)(?<![\wåäö])(?:list them|list all|please list|can you list|could you list|"
                          r"räkna upp|lista dem|lista alla)(?![\wåäö])")


def names_a_thing(word: str) -> bool:
    """A noun whose answer is a name: a Swedish compound ends in its head ("grannkommunen", "leverantören"),
    so "kommunstyrelsen" and "stadskontoret" are not "kommun" or "stad"."""
    return NAME_NOUN.search(word.lower().strip("()'’")) is not None


# the noun asked for, past a word that only narrows it ("Vilket enskilt projekt …", "Which single area …")
WHICH_NOUN = re.compile(r"\b(vilken|vilket|vilka|which|what)\s+(?:(?:enskilt|enskild|enskilda|enda|särskilt|särskild|"
                        r"specifikt|specifik|single|particular|specific|individual|one)\s+)?([\w-]+)", re.IGNORECASE)
WHICH_ARE_THE = re.compile(r"\b(?:vilka|vilken|vilket|which|what)\s+(?:är|var|are|were|is|was)\s+(?:de|det|den|the)\s+"
                           r"((?:[\wåäö-]+\s*){1,4})", re.IGNORECASE)
# the report's own subject and the report itself ("… enligt delårsrapporten?"): in every part of it, no topic
AMBIENT_ACTORS = frozenset(stem(w) for w in ("kommunstyrelsen", "staden", "kommunen", "malmö", "delårsrapporten",
                                             "delårsrapport", "rapporten", "rapport", "report"))
# a financial report explains a surplus or a deficit against budget as an "avvikelse" (under "Personalkostnader
# + 7 Mkr": "Främsta orsaken till avvikelsen är vakanser …")
SURPLUS_WORDS = frozenset(stem(w) for w in ("överskott", "överskottet"))
DEFICIT_WORDS = frozenset(stem(w) for w in ("underskott", "underskottet"))
DEVIATION_WORDS = SURPLUS_WORDS | DEFICIT_WORDS
# and a table's total is its "Summa …" row ("Summa investeringar 25 000")
TOTAL_WORDS = frozenset(stem(w) for w in ("totalt", "total", "totala", "sammanlagt", "sammantaget"))
# a system put into service ("när tas systemet i drift?") starts production in the report ("Produktionsstart blir …")
GO_LIVE_WORDS = frozenset(stem(w) for w in ("drift", "driftsättning", "driftsätts", "driftstart", "driftsatt", "igång"))
# a result asked in everyday words ("blir det plus eller minus?", "går KS back?") is the report's överskott/underskott
PLUS_MINUS_WORDS = frozenset(stem(w) for w in ("plus", "minus", "plusresultat", "minusresultat"))
# "går back" is a deficit: the report's negative «Avvikelse» (and "går" in it names nothing)
BACK_WORDS = frozenset({stem("back")})
RESULT_IDIOM = re.compile(r"(?i)(?<![\wåäö])(går|gick|gått|gå)\s+(?:med\s+)?(?:back|plus|minus)(?![\wåäö])")
# a board's budget is its grant: "kommunstyrelsens totala budget" is «Kommunstyrelsen anslag uppgår till 510,3 Mkr»
BUDGET_WORDS = frozenset(stem(w) for w in ("budget", "budgeten", "budgeter"))
REPORT_WORDS = {DEVIATION_WORDS: ("avvikelse", stem("avvikelse")), TOTAL_WORDS: ("summa uppgår", stem("summa")),
                BUDGET_WORDS: ("anslag", stem("anslag")),
                GO_LIVE_WORDS: ("produktionsstart", stem("produktionsstart")),
                PLUS_MINUS_WORDS: ("helårsresultat överskott", stem("överskott")),
                BACK_WORDS: ("underskott avvikelse", stem("avvikelse"))}
COUNTED = re.compile(r"\b(?:hur många|antalet|antal|how many)\s+(?:(nya|olika|new)\s+)?([\wåäö-]+)"
                     r"(?![\wåäö-])(?!\s+sig\b)", re.IGNORECASE)  # "Hur många nya anmälde sig …": a verb, not a noun
# a past tense after "hur många" is what they did, not what they are ("Hur många beställde förmånscykel?"); a noun
# made of a participle ends in -nde ("hur många sökande")
PAST_VERB_COUNTED = re.compile(r"[a-zåäö]{3,}(?<!n)(?:de|te)|deltog|anslöt|fick|tog|gick|kom|blev|valde|sökte")
# A name answer should contain one of these as (part of) a word, or a proper noun.
NUMBER_WORDS = {
    "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tjugo",
    "hundra", "tusen", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
}
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
    "december", "våren", "hösten", "sommaren", "vintern", "årsskiftet", "halvårsskiftet", "månadsskiftet",
    "början av", "slutet av", "january", "february", "march", "may", "june", "july", "august", "october",
)
FOLLOWUP_CUES = re.compile(
    r"^(och|men|samt|hur är det med|och vad|och hur|and|what about|how about)\b|\b(den|det|dess|denna|detta|dem|"
    r"de|där|då|året innan|samma|it|its|that|they|them|there)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(19|20)\d\d\b")
ALSO_REASON = re.compile(r"\b(och|samt) varför\b|\band why\b", re.IGNORECASE)
# "Jan-Aug", "Sept": a month (abbreviated) is capitalised in English, and is no name the report should have
MONTH_PART = re.compile(r"(?i)(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:s|ch)?|apr(?:il)?|maj|may|jun[ie]?|"
                        r"jul[iy]?|aug(?:usti|ust)?|sep(?:t|tember)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
SWEDISH_GLOSS_WEIGHT = 1.5  # an English question's Swedish word in brackets: the term the asker checked
# "Vad gör staden för en bättre arbetsmiljö?", "for a higher employment": in an open question a comparative before
# what it grades asks for more of that, no topic of its own («Bättre beslutsunderlag», «högre krav»). (A figure's or
# a cause's is what is asked: "Varför blir lokalkostnaderna högre?", "Hur mycket högre …"; and "fler malmöbor" is
# who, kept as the brief's topic words keep it out)
DEGREE_BEFORE = re.compile(r"(?i)\b(bättre|sämre|högre|lägre|större|mindre|better|worse|higher|lower|greater|larger"
                           r"|smaller)\s+(?!än\b|than\b|och\b|and\b|eller\b|or\b)(\w+)")
# the verbs a Swedish request is made in, not what it is about: "Ge mig tre punkter om …", "Berätta om …"
REQUEST_WORDS_SV = frozenset({"ge", "berätta", "lista", "nämn"})
PROPER = re.compile(r"\b[A-ZÅÄÖ][\wåäöÅÄÖ-]+|\b[A-ZÅÄÖ]{2,}\b")
# A place named by what it is, wherever it stands: "Lunds kommun – …" opens the question with a name.
FIRST_ACRONYM = re.compile(r"\s*([A-ZÅÄÖ]{2,6})(?::s)?(?![\wåäöÅÄÖ,-])")
PLACE = re.compile(r"\b([A-ZÅÄÖ][a-zåäö]+?)s?\s+(?:kommuns?|stads?|regions?|läns?|municipality|city)\b")
ABBREVIATIONS = Path(__file__).resolve().parent.parent / "data" / "abbreviations_sv.tsv"


# a report named with its year: "delårsrapporten 2024", "the 2024 interim report", "2024 års årsredovisning"
REPORT_OF_A_YEAR = re.compile(r"(?i)\b(?:delårsrapport\w*|årsredovisning\w*|interim report|annual report)\s+(?:för\s+|for\s+)?"
                              r"((?:19|20)\d\d)\b|\b((?:19|20)\d\d)(?:'s|’s| års)?\s+(?:delårsrapport\w*|årsredovisning\w*|"
                              r"interim report|annual report)")
# the report of the year before, named by its relation to this one: "förra årets delårsrapport", "last year's
# interim report", "föregående års delår"
LAST_YEARS_REPORT = re.compile(r"(?i)\b(?:förra|fjolårets|föregående|förgående)\s+(?:årets?|års)?\s*"
                               r"(?:delårsrapport\w*|delårsbokslut\w*|delår\b|årsredovisning\w*)|"
                               r"\b(?:last year'?s|the previous|the prior|previous year'?s|the last)\s+"
                               r"(?:interim report|annual report|half-year report)|"
                               # the report, then the year: "i delårsrapporten förra året", "the interim report last year"
                               r"\b(?:delårsrapport\w*|delårsbokslut\w*|årsredovisning\w*|interim report|annual report)\s+"
                               r"(?:för\s+|from\s+|of\s+)?(?:förra året|i fjol|föregående år|last year|the previous year)")
ANNUAL_REPORT = re.compile(r"(?i)årsredovisning|annual report")
INTERIM_REPORT = re.compile(r"(?i)delårsrapport|interim report")


def kind_is_held(named: str, titles: frozenset[str]) -> bool:
    """Whether a report named in a question ("årsredovisningen för 2025", "the 2025 interim report") is of a kind
    the library holds, by its reports' titles (no titles: no verdict, it is held)."""
    kind = ANNUAL_REPORT if ANNUAL_REPORT.search(named) else INTERIM_REPORT
    return not titles or any(kind.search(t) for t in titles)


# words that name the same thing in the genre: a company is a bolag or a företag, and money is put on something
# ("satsas") as it is set aside for it ("avsätta", "avsatts")
SAME_THING = {stem(w): tuple(dict.fromkeys(stem(x) for x in xs)) for w, xs in (
    ("företag", ("bolag",)), ("bolag", ("företag",)), ("satsas", ("avsätta", "avsatts")),
    ("helåret", ("årsprognos",)),  # the full year's forecast is «Årsprognosen»
    ("politiker", ("politisk",)),  # politicians are the political organisation («den politiska organisationen»)
    ("rösta", ("valdeltagande", "valdelaktigheten")),  # voting is told as turnout, as the glossary reads "vote"
    ("finansiera", ("medel",)),  # funded is «med medel från Tillväxtverket», «medel har fördelats till …»
    # a system put in place is «infört», «implementerat» or rolled out («Utrullningen av systemstödet …»); the
    # infinitive's stem is the preposition "inför", so only the participles are read so
    *((w, ("införa", "implementera", "utrullningen")) for w in ("infört", "införts", "införd", "införda")))}
# heads that name no topic of their own: "klimatmålen", "segregationsmålet", "klimatpåverkan", "trygghetsarbetet"
# "miljöfrågorna" and "remissläget" are about klimat, segregation, trygghet, miljö and remisser (stems of -målet,
# -påverkan, -arbetet, -frågor, -läget, -situationen)
GENERIC_HEADS = ("mål", "påverka", "arb", "fråg", "läg", "situatio", "plik",  # (-plikt: "uppsiktsplikten" is uppsikt)
                 "post")  # a line of the accounts: "beredskapsposten" is the row «Beredskap»
MIN_MODIFIER = 5  # letters the first part must have to name a topic ("medarb" is no compound of arb)


def compound_topic(term: str) -> str | None:
    """The topic of a compound whose head is generic ("klimatpåverka" -> "klim"), else None."""
    head = next((h for h in GENERIC_HEADS if term.endswith(h) and len(term) - len(h) >= MIN_MODIFIER), None)
    if head is None:
        return None
    modifier = term[:-len(head)]
    if modifier.endswith("s") and not modifier.endswith("ss") and len(modifier) > MIN_MODIFIER:
        modifier = modifier[:-1]  # the linking s: "segregationsmålet"
    return stem(modifier)


@dataclass
class Question:
    text: str  # as analysed: abbreviations written out ("KS" -> "kommunstyrelsen")
    lang: str
    kind: str | None
    terms: dict[str, float]  # stem -> weight (current question 1.0, history lower)
    years: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # capitalised words that must be matched
    followup: bool = False
    retrieval_query: str = ""
    lexical_query: str = ""  # for BM25: the question plus Swedish translations of an English question's words
    counted: str | None = None  # stem of the noun counted in "hur många X"
    counted_as: str | None = None  # its modifier ("hur många nya X"), which a report may count by ("400 nya")
    focus: str | None = None  # the noun asked about in "vilken X" (lower case)
    also_reason: bool = False  # a second ask for the reason: "Hur mycket … och varför?"
    asked: str = ""  # the question as the user wrote it (what an answer repeats)
    # an English word's other Swedish renderings, by the stem it counts as ("crisis" -> kris; krisberedskap)
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # multi-word names the report writes as the question does ("Malmö Möts"): the evidence must have the whole name
    phrases: frozenset[str] = frozenset()
    # the words that name the table asked to look in ("nettokostnadstabellen", "the net cost table"): its title's
    # words, not a row's
    table_named: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.asked = self.asked or self.text


@lru_cache(maxsize=2)
def _abbreviations(lower: bool = False) -> list[tuple[re.Pattern[str], str, bool]]:
    out = []
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbr, full, *rest = line.split("\t")
        flags = {f.strip() for r in rest for f in r.split(",")}
        # ("upper": a Swedish word in lower case, "bo" (live), is not the abbreviation BO)
        forms = re.escape(abbr) + (f"|{re.escape(abbr.lower())}" if lower and "upper" not in flags else "")
        # (not a name's initial: "O'Brien", nor a letter of a dotted abbreviation: "t.o.m.")
        # ("word": a word of its own, never the first part of a hyphenated one: "e-tjänster" is no "är tjänster")
        # (an English genitive is the abbreviation's: "KS's political organisation")
        after = r"(?![\wåäöÅÄÖ'’-]|\.\w)" if "word" in flags else \
            r"(?:(-)([\wåäö]+))?(?!(?!['’]s(?![\wåäö]))[\wåäöÅÄÖ'’]|\.\w)"
        out.append((re.compile(r"(?<![\wåäöÅÄÖ'’.-])(?:" + forms + r")" + after), full, "join" in flags))
    return out


# a part of the year in words, as the report names its periods: "årets första åtta månader" is "januari-augusti"
PERIOD_PHRASES = (
    (re.compile(r"(?i)\b(?:årets\s+)?(?:de\s+)?första\s+(?:åtta|8)\s+månader(?:na)?(?:\s+(?:i\s+år|av\s+året))?"),
     "januari-augusti"),
    (re.compile(r"(?i)\b(?:the\s+)?first\s+(?:eight|8)\s+months(?:\s+of\s+(?:the|this)\s+year)?"), "january-august"),
    (re.compile(r"(?i)\b(?:årets\s+)?(?:de\s+)?första\s+(?:sex|6)\s+månader(?:na)?"), "januari-juni"),
    (re.compile(r"(?i)\b(?:the\s+)?first\s+(?:six|6)\s+months(?:\s+of\s+(?:the|this)\s+year)?"), "january-june"),
    # the whole year, as the report's forecasts name it: "överskottet … för hela året" is the «helårs»-forecast's
    (re.compile(r"(?i)\b(?:för|över|under)\s+hela\s+året\b"), "för helåret"),
)


def as_report_periods(text: str) -> str:
    """A question's months counted in words, as the report's month ranges (its tables say "Utfall jan-aug")."""
    for pattern, period in PERIOD_PHRASES:
        text = pattern.sub(period, text)
    return text


def expand_abbreviations(text: str, lang: str | None = None) -> str:
    """The question with the genre's abbreviations written out: "Vilka KF-mål hör till …" reads
    "Vilka kommunfullmäktigemål hör till …". A Swedish question's may be written in lower case ("hur
    jobbar ks med …", "vilka kf-mål …"): whole words only, so "ks" in a word is not KS; an English
    question's only in upper case ("Mr", "dr" are English words)."""
    text = danish_as_swedish(text)
    swedish = (lang or detect_lang(text)) == "sv"
    for pattern, full, join in _abbreviations(swedish):
        def repl(m: re.Match[str], full: str = full, join: bool = join) -> str:
            if m.re.groups < 2 or m.group(2) is None:
                return full
            return f"{full}{m.group(2)}" if join else f"{full} {m.group(2)}"
        text = pattern.sub(repl, text)
    if swedish:  # chat "överskott el underskott" (not "el, fjärrvärme", "el- och …")
        text = CHAT_WHAT.sub("vad", CHAT_OR.sub(" eller ", text))
    else:  # "what happend with …" is "what happened with …", as the cues are written
        text = re.sub(r"[a-z]{6,}", lambda m: function_word_meant(m.group(0)) or m.group(0), text)
    return text


# a Danish partner's question words and letters ("Hvordan arbejder Malmö med …", "Øresundsmetroen"): the Swedish
# ones, so that the question is read and routed as the Swedish it nearly is
DANISH_WORDS = {"hvordan": "hur", "hvad": "vad", "hvornår": "när", "hvorfor": "varför", "hvem": "vem",
                "hvilke": "vilka", "hvilken": "vilken", "hvilket": "vilket", "og": "och", "ikke": "inte",
                "arbejder": "arbetar", "arbejdet": "arbetet", "mange": "många", "meget": "mycket"}
DANISH_WORD = re.compile(r"(?i)(?<![\wåäöæø])(" + "|".join(DANISH_WORDS) + r")(?![\wåäöæø])")
DANISH_HINT = re.compile(r"(?i)[æø]|\bhv")  # a Danish letter or question word: the text may be Danish


def danish_as_swedish(text: str) -> str:
    """Danish question words as Swedish writes them, and Danish letters and names through `as_swedish_letters`."""
    if not DANISH_HINT.search(text):
        return text

    def swedish(m: re.Match[str]) -> str:
        word = DANISH_WORDS[m.group(1).lower()]
        return word.capitalize() if m.group(1)[:1].isupper() else word

    return as_swedish_letters(DANISH_WORD.sub(swedish, text))


# chat "va" opening a question is "vad" ("va e överskottet", "va gör dom"; not VA, the water company)
CHAT_WHAT = re.compile(r"(?<![\wåäö])va(?=\s+(?:e|är|gör|görs|har|blir|blev|kostar|betyder|menas|händer|hände|var|"
                       r"handlar|innebär|tycker|säger)(?![\wåäö]))")
CHAT_OR = re.compile(r"(?i)(?<=[a-zåäö]{4}) el\.? (?=[a-zåäö]{4})")


def detect_lang(text: str) -> str:
    """English or Swedish, by function words; Swedish letters count for
    Swedish but do not decide (English questions name Malmö and Öresund)."""
    ws = re.findall(r"[a-zA-ZåäöÅÄÖ]+", text.lower())
    en = sum(w in EN_MARKERS for w in ws)
    # (the letters of a common word: a name's, "Malmö", "Öresund", are in English questions too)
    sv = sum(w in SV_MARKERS for w in ws) + (1 if any(ch in w for w in re.findall(r"(?<![\w])[a-zåäö]\w*", text)
                                                      for ch in "åäö") else 0)
    first = ws[0] if ws else ""  # the question word leads: "which projekt got most money från anslaget för …"
    en += LEAD_WEIGHT * (first in EN_LEADS)
    sv += LEAD_WEIGHT * (first in SV_LEADS)
    if en == sv == 0:  # no function word ("Full-year forecast result?"): the genre's English words decide
        en = sum(w in english_only() for w in ws)
    return "en" if en > sv else "sv"


def _has_cue(text: str, cue: str) -> bool:
    """A cue matches whole words only: "avvikelse" is not in "avvikelsehantering"."""
    return re.search(r"(?<![\wåäö])" + re.escape(cue.strip()) + r"(?![\wåäö])", text) is not None


# a how-question with a verb asks how something is done or judged, not for an amount it names ("Hur bedöms
# säkerheten i prognosen?"); "Hur ser budgeten ut?" still asks for the amount
# a yes-or-no question: "Is the paused work treated as a deviation?" asks whether, not how much
# a claim put to the report: "Stämmer det att …", "Är det sant att …", "Is it true that …"
IS_IT_TRUE = re.compile(r"(?i)^\s*(?:stämmer det|är det sant|är det korrekt|is it true|is it correct|is it right)\b")
POLAR = re.compile(r"(?i)(?:^|[,:;–]\s*)\s*(?:is|are|was|were|does|do|did|has|have|will|would|can|could|är|var|blir|blev|räknas|"
                   r"kan|kommer|finns)\s")
MANNER = re.compile(r"^\s*(?:hur (?!många|mycket|stor\w*|hög\w*|låg\w*|länge|lång\w*|ofta|gammal|ser\b)\w+|"
                    r"how (?:is|are|was|were|does|do|did|has|have|certain|reliable|sure|uncertain|robust|accurate)\b)",
                    re.IGNORECASE)


# what money is for: "What should the preparedness investment budget strengthen?", "Vad ska budgeten användas till?"
PURPOSE_ASKED = re.compile(r"(?i)^\s*(?:what|vad)\s+(?:exactly\s+|egentligen\s+)?(?:should|shall|will|is|are|ska|skall|kommer)\b"
                           r".*\b(?:used for|for|till|"
                           r"strengthen|stärka|finance|finansiera|fund|cover|täcka|spent on)\s*\??\s*$")
# a purpose asked by its noun: "What is the purpose of the internal rent model?" asks no rent
PURPOSE_NOUN_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:purpose|aim|objective|syfte[nt]?|ändamål\w*)\s+(?:of|with|behind|med|"
                                r"för|bakom)\b")
HOW_MUCH = re.compile(r"(?<![\wåäö])(?:how much|how large|how big|hur mycket|hur stor\w*)(?![\wåäö])")
USE_ASKED = re.compile(r"(?i)(?<![\wåäö])(?:används|användes|användas)\s+(?:[\wåäö]+\s+){0,5}?till\s*\??\s*$")
BARE_COUNT = re.compile(r"(?<![\wåäö])(?:antal|antalet|number of)\s+[\wåäö]")
# a number that has changed is what a question is about, not what it asks for ("the growing number of …")
NUMBER_AS_SUBJECT = re.compile(r"\b(?:growing|increasing|rising|rise in the|increase in the|higher|larger|greater|"
                               r"falling|declining|decreasing|reduced|lower|smaller) number of\b")


# a noun that names an amount of money: "driftbudget", "helårsprognosen", "periodresultatet", "överskottet"
AMOUNT_NOUN_ENDINGS = ("budget", "anslag", "kostnad", "kostnaden", "prognos", "prognosen", "helårsresultat",
                       "helårsresultatet", "periodresultat", "periodresultatet", "årsresultat", "årsresultatet",
                       "överskott", "överskottet", "underskott", "underskottet", "surplus", "deficit")


# the words for the currency an amount is asked in ("in SEK", "i kronor"), and for a scale of it ("i Mkr")
MONEY_UNITS = frozenset(stem(w) for w in ("mkr", "tkr", "kr", "kronor", "sek", "miljoner", "miljarder", "tusen",
                                            "msek", "ksek", "mnkr"))
MONEY_SCALE = re.compile(r"(?i)(?<![\wåäö])(?:mkr|tkr|mnkr|msek|ksek|miljon\w*|million\w*|miljard\w*|billion\w*|tusen|"
                         r"thousands?)(?![\wåäö])")
# the unit of time a date question asks for ("Vilken månad …?")
CALENDAR_UNITS = frozenset(("månad", "månaden", "datum", "datumet", "dag", "dagen", "vecka", "veckan", "kvartal",
                            "kvartalet", "month", "date", "day", "week", "quarter"))
# nouns that name the kind of answer asked for, not a thing the report must name: "med vilken motivering?"
KIND_NOUNS = frozenset(("motivering", "motiveringen", "skäl", "skälet", "anledning", "anledningen", "orsak", "orsaken",
                        "grund", "grunden", "tidpunkt", "tidpunkten", "tidsperiod", "tidsperioden", "period", "perioden",
                        "reason", "rationale", "justification",
                        # a class of things, not a thing: "Vilka ämnen har stadskontoret svarat på remisser om?"
                        "ämne", "ämnen", "ämnena", "sak", "saker", "sakerna", "teman", "temana", "typer", "slags",
                        "exempel", "exemplen"))
ADJECTIVE_ENDING = re.compile(r"(?:mässig|mässiga|mässigt|ig|iga|igt|isk|iska|iskt|lig|liga|ligt)$")


MEASURE_KINDS = ("percent", "count", "date", "amount")
# a question that opens by asking an amount or a count (after at most a quote or two): a "när" later joins a clause
MEASURE_OPENING = re.compile(r"^\W{0,2}(?:hur mycket|hur stor|hur stort|hur stora|hur många|hur höga|hur hög|how much|"
                             r"how many|how large|how big)\b")


# "vad är det som är osäkert med prognosen?": what about the figure, not the figure
CLEFT = re.compile(r"(?i)^\s*(?:vad|vilka|vilket|vilken) (?:är|var|blir) det som\b|^\s*what is it that\b")


SUPERLATIVE_NOUN = re.compile(r"(?i)^\W*(?:vad|vilken|vilket|vilka|what|which)\s+(?:är|var|blir|is|was|are|were)\s+(?:den|det|de|"
                              r"the)\s+(?:största|främsta|viktigaste|biggest|largest|main|greatest|most important)\s+"
                              r"(?:enskilda\s+|single\s+)?([a-zåäö]{4,})")


def asks_another_noun(t: str) -> bool:
    """A which-question whose noun is no amount: "What risks … regarding the financial forecast?", "Vilka risker finns
    i prognosen?" ask for the risks, whatever figure they name."""
    m = SUPERLATIVE_NOUN.match(t) or WHICH_NOUN.search(t)  # (or "Vad är den största osäkerheten i prognosen?")
    noun = m.group(m.re.groups).lower() if m else ""
    if "-" in noun and m is not None and (head := re.match(r"\s+([\w-]+)", t[m.end():])):
        noun = head.group(1).lower()  # a modifier before the noun: "What full-year surplus …?" asks the surplus
    return bool(noun) and noun not in STOP and noun not in EN_STOP and len(noun) > 3 \
        and not noun.endswith(AMOUNT_NOUN_ENDINGS) and not any(noun.startswith(a[:5]) for a in AMOUNT_NOUNS)


# "när" asking when: opening the question or a clause of its own ("…, och när …?"), not joining a clause mid-sentence
WHEN_ASKED = re.compile(r"^\s*(?:\W+\s*)?(?:och |men |så |eller |samt )?(?:sedan |från |ända sedan )?när\b|"
                        r"(?:[,;:?.!–-]|\b(?:och|samt|eller|men))\s*när\b")
# money one has to spend: "hur mycket pengar har KS att röra sig med" asks its grant
AT_HAND = re.compile(r"(?i)\s+(?:att )?röra sig med\b")
# "när det gäller …", "när det kommer till …": regarding, no "when"
REGARDING = re.compile(r"(?i)\bnär det (?:gäller|kommer till)\b")


# what was spent on a thing named: "What did the city spend on the crisis communication plan?" asks an amount ("What
# will the budget be spent on?", with nothing after "on", asks what for)
SPENT_ON_THING = re.compile(r"(?i)^\s*what\s+(?:did|does|do|will|has|have|is|was)\s+(?:[\w'’-]+\s+){1,5}?"
                            r"(?:spend|spent|spending)\s+on\s+[\w'’-]+")


def answer_kind(text: str) -> str | None:
    t = f" {REGARDING.sub(' angående ', text).lower().strip()} "
    if LIST_REQUEST.search(t):
        return "list"  # "What are the larger deviations in other costs? list them": the things, not a figure
    if SPENT_ON_THING.search(text):
        return "amount"
    if BARE_COUNT.search(t) and not QUESTION_WORD.search(text) and not IS_IT_TRUE.match(text):
        return "count"  # "malmö commitment antal städer": a count asked without a question word (not "Stämmer det
        # att antalet remisser har ökat?", which asks whether it did)
    # the measure the question opens with, when a "när" follows it: "Hur mycket kostar Uven-hyran när stadskontoret
    # flyttar?" asks an amount; its "när" is a conjunction
    opens_with_measure = MEASURE_OPENING.match(t.strip()) is not None
    for kind, cues in TYPE_CUES[:-1]:
        found = [cue for cue in cues if _has_cue(t, cue)]
        if found and kind == "date" and opens_with_measure:
            continue  # (a "when" after the question's own cue joins a clause; "När …, och hur många …?" asks both)
        if found == ["när "] and not WHEN_ASKED.search(t):
            continue  # "vilka hållbarhetskrav ställer stan när dom upphandlar?": a "när" inside a clause joins it
        if kind == "amount" and found and all(c in AMOUNT_NOUNS for c in found) and (
                MANNER.match(text) or (POLAR.search(text) and not EITHER_OR.search(text))  # ("blir det överskott
                # eller underskott?" asks which, of the figure named)
                or PURPOSE_ASKED.match(text) or asks_another_noun(t) or CLEFT.match(text)
                or any(_has_cue(t, cue) for cue in NAME_CUES) or any(_has_cue(t, cue) for cue in REASON_CUES)):
            continue  # a noun says less than the question's own words: "Which company won the … deviation system?"
        if kind == "amount" and found and PURPOSE_NOUN_ASKED.search(text) and not HOW_MUCH.search(t):
            continue  # "What is the purpose of the internal rent model?" asks what it is for, not a rent
        if kind == "count" and found == ["number of"] and NUMBER_AS_SUBJECT.search(t):
            continue  # "How is the growing number of consultation referrals affecting …?" asks for an effect
        if found:
            return kind
    m = WHICH_NOUN.search(t)
    # the noun asked for, or the noun its modifiers lead to: "which audit firm", "vilka japanska bolag"
    # (only after a modifier: "What is the City Executive Board's …" asks no name)
    # (a Swedish modifier is an adjective, "japanska", "nya": after a noun, "vilka hållbarhetskrav ställer staden",
    # the next words are the verb and its subject)
    modified = m is not None and m.group(2).lower() not in STOP | EN_STOP and (
        not m.group(1).lower().startswith("vilk") or m.group(2).lower().endswith(("a", "e"))
        or (m.group(1).lower() == "vilket" and m.group(2).lower().endswith("t")))  # "vilket tokyobaserat bolag"
    if m and any(names_a_thing(w) for w in [m.group(2), *(t[m.end(2):].split()[:2] if modified else [])]):
        return "name"
    # "Vilken driftbudget …?", "Vilken helårsprognos …?", "Vilket prognostiserat helårsresultat …?" ask for an amount, as
    # "Hur stor är …?" does (the noun, or the one after its participle)
    if m and any(w.endswith(AMOUNT_NOUN_ENDINGS) for w in [m.group(2).lower(), *(
            t[m.end(2):].split()[:1] if m.group(2).lower().endswith(("at", "ad", "ade", "e", "a")) else [])]):
        return "amount"
    m = WHICH_ARE_THE.search(t)  # "Vilka är de två japanska bolagen?": the noun comes later
    # the asked noun, not its possessor: "What is the city's target …" asks for a target, not a city
    asked = m.group(1).split() if m else []
    if m and t[m.end(1):m.end(1) + 2] in ("'s", "’s"):
        # "What is the City Executive Board's total allocation?": the possessor is no part of the noun asked
        asked = t[m.end(1) + 2:].split()[:3]
    if any(names_a_thing(w) for w in asked):
        return "name"
    if any(_has_cue(t, cue) for cue in TYPE_CUES[-1][1]):
        return "list"
    return None


TOPIC_FIRST = re.compile(r"^\s*([A-ZÅÄÖ][\wåäö]+)\s*(?:[-–—:]|\.\.\.|…)\s+\S")


# municipalities and cities (assistant/data/places.txt), lower case
PLACES = frozenset(line.strip().lower() for line in (Path(__file__).parent.parent / "data" / "places.txt")
                   .read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))


def proper_names(text: str) -> set[str]:
    """Capitalised words after the first word of each sentence (question words and imperatives are not
    names: "Vad gör staden för klimatet? Svara kort.")."""
    rest = " ".join(" ".join(s.split()[1:]) for s in re.split(r"(?<=[.?!])\s+", text))
    out = set()
    for m in PROPER.finditer(rest):
        w = m.group(0).strip("-")
        if w.lower() in STOP or len(w) < 2 or all(MONTH_PART.fullmatch(p) for p in w.split("-")) \
                or PURPOSE_NOUN.fullmatch(w):  # "en PM": a memo, not a name
            continue
        out.add(w)
    out.update(m.group(1) for m in PLACE.finditer(text) if m.group(1).lower() not in STOP)
    # an acronym is a name where it stands, opening the question too: "MKB:s resultat delår 2025?" (not one of a
    # list after it: "… area? AI, intranet, statistics")
    if (m := FIRST_ACRONYM.match(text)) and m.group(1).lower() not in STOP:
        out.add(m.group(1))
    # a topic set before the question ("Lund - hur många kommunalråd har de?"): a name though it comes first
    if (m := TOPIC_FIRST.match(text)) and m.group(1).lower() not in STOP and not PURPOSE_NOUN.fullmatch(m.group(1)):
        out.add(m.group(1))
    return out


# the measure a Swedish question asks in ("hur stora", "hur höga", "hur dyrt"): how much, not what about
MEASURE_ADJECTIVE = re.compile(r"(?i)(?<![\wåäö])hur\s+(?:stora|höga?|högt|låga?|lågt|dyra?|dyrt|långa?|långt)(?![\wåäö])")


# "har KS gett pengar till": given, a light verb (not «gett ut», issued)
GIVEN = re.compile(r"(?i)(?<![\wåäö])(?:gett|givit|gav)(?![\wåäö])(?!\s+ut\b)")


GLOSSED_ACRONYM = re.compile(r"(?<=[a-zåäö] )\(([A-ZÅÄÖ]{2,6})\)")


def without_words(text: str, dropped: list[str]) -> str:
    """The text without these words (whole words, any case)."""
    if not dropped:
        return text.strip()
    return " ".join(re.sub(rf"(?i)\b(?:{'|'.join(map(re.escape, dropped))})\b", " ", text).split())


def own_words(searched: str, lang: str) -> list[str]:
    """A question's own content words: not function words, nor the words a request is made in."""
    if lang == "sv":
        searched = GIVEN.sub(" ", MEASURE_ADJECTIVE.sub(" hur ", searched))
    return [w for w in words(searched) if w not in STOP and len(w) > 1 and not (lang == "en" and w in EN_STOP)
            and not (lang == "sv" and w in REQUEST_WORDS_SV) and not (lang == "en" and misspelt_function_word(w))]


# (longest first: a dropped letter is the likeliest typo, "happend" is happened rather than happen)
LONG_EN_STOP = tuple(sorted((w for w in EN_STOP if len(w) >= 6), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=4096)
def function_word_meant(word: str) -> str | None:
    """The English word of the request a word is typed a letter off from ("happend": happened), if any."""
    if len(word) < 6 or word in EN_STOP or translate(word):
        return None
    return next((w for w in LONG_EN_STOP if one_edit(word, w)), None)


def misspelt_function_word(word: str) -> bool:
    """An English word of the request, typed a letter off ("what happend with …"): no topic of the question."""
    return function_word_meant(word) is not None


def looks_like_followup(text: str, own: list[str]) -> bool:
    """Short, or leaning on what came before ("Och Malmö Pride?", "Vad ska pengarna användas till?")."""
    return len(text.split()) <= 10 and (len(own) <= 4 or bool(FOLLOWUP_CUES.search(text)))


def antecedent(history: list[Turn]) -> str:
    """What a follow-up refers back to: the previous question, and the one before it when that was a
    follow-up too ("Hur stor var obligationen?" → "Vad ska pengarna användas till?" → "När gavs den ut?")."""
    previous = history[-1].question
    asked = [previous]
    if len(history) >= 2 and looks_like_followup(previous, own_words(previous, detect_lang(previous))):
        asked.insert(0, history[-2].question)
    return " ".join(asked)


EITHER_OR = re.compile(r"(?i)(?<![\wåäö-])([\wåäö]{4,})\s+(?:eller|or)\s+(?:(?:a|an|the|ett|en)\s+)?([\wåäö]{4,})"
                       r"(?![\wåäö-])")


def either_or(q: Question) -> dict[str, str]:
    """Words the question offers as alternatives ("överskott eller underskott", "surplus or deficit"), each
    mapped to the other: a sentence can state only one, and that one answers."""
    out: dict[str, str] = {}
    for m in EITHER_OR.finditer(q.text):
        a, b = m.group(1), m.group(2)
        if q.lang == "en":
            found = [translate(w) for w in (a, b)]
            if not all(found):
                continue
            a, b = (f[0].swedish[0] for f in found)
        sa, sb = stem(a.lower()), stem(b.lower())
        if sa != sb and sa in q.terms and sb in q.terms:
            out[sa], out[sb] = sb, sa
    return out


# "När äger Malmö Möts rum?": when it happens (sker, a function word), not a room
TAKES_PLACE = re.compile(r"(?i)(?<![\wåäö])(?:äger|ägde|äga|ägt)\s+((?:[\wåäö-]+\s+){0,4}?)rum(?![\wåäö])")


# two words joined by a slash, as a terse question writes "projekt/utredn": each is a word of the question (the
# report's own slashed pairs are upper case or short: "SF/IF", "jan/feb")
SLASHED = re.compile(r"(?<![\wåäö/])([a-zåäö]{4,})/([a-zåäö]{4,})(?![\wåäö/])")


# the time an interim report is of: "Hur mycket pengar är det för investeringar i år?" is not «… år 2024 …»
IMPLIED_TIME = re.compile(r"(?i)(?<![\wåäö])(?:i år|hittills|hittils|hitills|this year|so far|to date|as of now)"
                          r"(?![\wåäö])")


# a month's end as a date, not a thing: "by end of August", "i slutet av augusti" ask as of August («till och med 31
# augusti»), and "end"/"slutet" is no word the answer must hold
_MONTHS_SV_EN = ("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|january|"
                 "february|march|may|june|july|august|october")
MONTH_END = re.compile(rf"(?i)(?<![\wåäö])(?:(?:by|at|until|till|before|as of|in) )?(?:the )?end of (?=(?:{_MONTHS_SV_EN})\b)|"
                       rf"(?<![\wåäö])(?:i |vid |till |fram till )?(?:slutet|utgången) av (?=(?:{_MONTHS_SV_EN})\b)")


# "due to" before a verb is a schedule, not a cause: "When are officials due to move …?" asks when they will
# ("due to" before a noun stays a cause: "… due to vacancies")
DUE_TO_VERB = re.compile(r"(?i)(?<![\w'])due\s+to\s+(?=(?:be|move|start|open|finish|begin|take|"
                         r"end|close|launch|present|decide|report|complete|deliver|run|arrive|come|go|happen|expire|"
                         r"conclude|publish|adopt|relocate|enter|leave|return|resume|reopen)\b)")


# how concretely to answer, not what about: "Vad innebär uppsiktsplikten i praktiken?", "What does it mean in practice?"
IN_PRACTICE = re.compile(r"(?i)(?<![\wåäö])(?:i praktiken|in practice|rent konkret|in concrete terms)(?![\wåäö])")


# a timeline asks when: "What's the timeline for the new financial system?", "nytt ekonomisystem – tidplan?" (the
# report gives the dates, seldom the word)
# (not one of two things asked: "the status and timeline of …" is a status report)
TIMELINE_ASKED = re.compile(r"(?i)(?<![\wåäö])(?<!and )(?<!och )(?<!& )(?:(?:what(?:'s| is| was) the |vad är |hur ser )?(?:timeline|time ?frame|"
                            r"timetable|tidplan(?:en)?|tidsplan(?:en)?)(?: ut)?(?: (?:for|of|för))?)(?![\wåäö])")


# the asker's errand before the question: "Jag förbereder ett möte … och vill kunna säga hur …", "I'm writing a memo
# for the board – what …"
# (the English "I" by the verb after it: a Swedish "I" is a preposition, "I rapporten står …")
PREAMBLE = re.compile(r"(?i)^\s*(?:jag|vi|i'm|i(?=\s+(?:am|have|need|want|would|was|will|must|should)\b)|we|we're)\s+"
                      r"[^?]*?(?=(?<![\wåäö])(?:hur|vad|vilken|vilket|vilka|när|varför|how|what|which|when|why)(?![\wåäö]))")
PREAMBLE_REST = 3  # content words the question after the errand must have of its own


def as_asked_first(text: str) -> str:
    """The question with its fronted topic put back after what is asked of it (FRONTED_TOPIC)."""
    return FRONTED_TOPIC.sub(lambda m: f"{m.group('ask')} {m.group('topic')}?", text)


def analyse(text: str, history: list[Turn], lang: str | None = None,
            keep: frozenset[str] = frozenset()) -> Question:
    """`keep`: words of names the report uses as written, which an English question keeps untranslated."""
    asked = text
    lang = lang or detect_lang(expand_abbreviations(text, "en"))  # "KS budget?" is Swedish by its KS
    text = TIMELINE_ASKED.sub("när" if lang == "sv" else "when", text)
    text = AT_HAND.sub(" i anslag", text) if lang == "sv" else text  # "pengar att röra sig med": its grant
    text = as_asked_first(text)
    text = MONTH_END.sub("", text)
    text = DUE_TO_VERB.sub("will ", text) if lang == "en" else text
    text = IN_PRACTICE.sub(" ", TAKES_PLACE.sub(r"sker \1", as_report_periods(expand_abbreviations(
        SLASHED.sub(r"\1 / \2", text), lang)))).strip()
    searched = " ".join(without_length_request(text).split())  # "Svara i två punkter" is no search word
    kind = answer_kind(text)
    searched = " ".join(LIST_REQUEST.sub(" ", searched).split())  # "list them" asks the form, names no topic
    if kind in MEASURE_KINDS:
        # (nor, for a figure, "i år" or "hittills": an interim report's figures are of its own year so far; a why or
        # a summary keeps them, «… ökat markant jämfört med föregående år» answers "… tuffare i år?")
        searched = " ".join(IMPLIED_TIME.sub(" ", searched).split())
    translations = translate(searched, keep) if lang == "en" else []
    # a translated "full-year" takes its parts with it: "full" and "year" are not searched in Swedish text
    translated = {p for t in translations for w in t.english for p in (w, *w.split("-"), w.rstrip("0123456789"))}
    # … and so does "climate-neutral-by-2030": its parts are translated or no search words
    translated |= {w for w in words(searched) if "-" in w and any(p in translated for p in w.split("-"))
                   and all(p in translated or p in EN_STOP for p in w.split("-"))}
    own = own_words(searched, lang)
    terms: dict[str, float] = {}
    for w in own:
        if w not in translated:
            terms[stem(w)] = 1.0
    errand = ""
    if (m := PREAMBLE.match(searched)) is not None:
        # "Jag förbereder ett möte med HR-cheferna … och vill kunna säga hur mycket …": the asker's errand is the
        # question's setting, not what it asks, and no word of it need be in the answer, when what follows asks
        # something of its own (not "… – vad säger rapporten?", which asks about the errand's topic)
        rest = {stem(w) for w in own_words(searched[m.end():], lang)}
        errand = m.group(0) if len(rest) >= PREAMBLE_REST else ""
        if errand:
            errand_stems = {stem(x) for x in own_words(errand, lang)}
            terms = {t: w for t, w in terms.items() if t in rest or t not in errand_stems}
    alternatives: dict[str, tuple[str, ...]] = {}
    for t in translations:  # an English word counts by its most likely Swedish rendering; the others also match
        first = [stem(w) for w in words(t.swedish[0]) if w not in STOP and len(w) > 1]
        others = tuple(dict.fromkeys(stem(w) for alt in t.swedish[1:] for w in words(alt)
                                     if w not in STOP and len(w) > 1 and stem(w) not in first))
        for s_ in first:
            terms[s_] = 1.0
            if others:
                alternatives[s_] = others
    if lang == "en" and BOARD_BESIDE_ITS_OFFICE.search(searched) and stem("kommunstyrelsen") in terms:
        # "by the board, the grant-funded administration and …": the board beside its administration is its
        # political part (styrelsen), not the whole executive board the word means alone
        terms[stem("styrelsen")] = terms.pop(stem("kommunstyrelsen"))
    if lang == "en":  # "the city director (stadsdirektör)": the report's own word for what is asked weighs most
        for inner in re.findall(r"\(([^()]{2,60})\)", searched):
            for w in words(inner):
                if w not in translated and not w.isdigit() and stem(w) in terms:
                    terms[stem(w)] = SWEDISH_GLOSS_WEIGHT
    graded: list[str] = []  # comparatives dropped (nor searched: BM25 ranked «… utveckla bättre mätmetoder» first)
    if kind in (None, "name") and not any(c in text.lower() for c in REASON_CUES):
        for m in DEGREE_BEFORE.finditer(searched):
            word = m.group(1).lower()
            # (an English one by its Swedish renderings: "better" is «bättre», «förbättra» …)
            rendered = next((t.swedish for t in translations if word in t.english), (word,))
            said = [w for r in rendered for w in words(r)]
            if not said or m.group(2).lower() in STOP | EN_STOP or len(terms) <= 1 or stem(said[0]) not in terms \
                    or (m.group(1)[0].isupper() and m.start() > 0):  # a name's word: "Greater Copenhagen"
                continue
            for w in said:
                terms.pop(stem(w), None)
                alternatives.pop(stem(w), None)
            graded += [m.group(1), *said]
    for t in list(terms):  # the report's word for the same thing: "japanska företag" are «japanska bolag»
        if t in SAME_THING and terms[t] >= 1.0:
            alternatives[t] = tuple(dict.fromkeys((*alternatives.get(t, ()), *SAME_THING[t])))
    for t in list(terms):  # "klimatpåverkan", "trygghetsarbetet": the topic is the compound's first part
        topic = compound_topic(t)
        if topic and topic not in terms:
            alternatives[t] = tuple(dict.fromkeys((*alternatives.get(t, ()), topic)))
    followup = bool(history) and looks_like_followup(text, own)
    if followup and USE_ASKED.search(text) and set(terms) == {stem("används")}:
        # "Vad ska pengarna användas till?" after the bond: what it is used for is the answer («Emissionen
        # finansierar …»), the verb alone no topic (a follow-up naming its thing, "vad ska medlen för beredskap
        # användas till?", keeps it: «… ska användas för …» stands in the thing's own passage)
        terms.pop(stem("används"))
    query = searched[len(errand):] if errand else searched  # (the errand is not searched for either)
    if followup:
        prev = expand_abbreviations(antecedent(history), lang)
        prev_translations = translate(prev) if lang == "en" else []
        prev_translated = {w for t in prev_translations for w in t.english}
        prev_words = [w for t in prev_translations for w in words(t.swedish[0])]  # an English question's
        prev_words += [w for w in words(prev) if w not in prev_translated and not (lang == "en" and w in EN_STOP)]
        for w in prev_words:  # Swedish words count, as its own words do
            if w not in STOP and len(w) > 1:
                terms.setdefault(stem(w), 0.45)
        for t in prev_translations:  # and the previous English words' other renderings match as its own do
            first = [stem(w) for w in words(t.swedish[0]) if w not in STOP and len(w) > 1]
            others = tuple(dict.fromkeys(stem(w) for alt in t.swedish[1:] for w in words(alt)
                                         if w not in STOP and len(w) > 1 and stem(w) not in first))
            for s_ in first:
                if others and s_ not in alternatives:
                    alternatives[s_] = others
        if not QUESTION_WORD.search(text):
            kind = kind or answer_kind(prev)  # "Och Malmö Pride?" asks what the previous question asked
        query = f"{prev} {query}"
    years = set(m.group(0) for m in YEAR.finditer(text))
    names = proper_names(searched)  # "… i en PM till ledningsgruppen", "in plain English": no name asked about
    if errand:  # (nor the people of the errand: "… ett möte med HR-cheferna …")
        names = {n for n in names if n in searched[len(errand):]}
    # an acronym in brackets after a word glosses it ("koldioxidinfångning (CCS)"): the word is what is asked about
    glossed = {a for a in GLOSSED_ACRONYM.findall(searched) if not re.search(rf"\b{a}\b", GLOSSED_ACRONYM.sub("", searched))}
    if glossed:
        names = {n for n in names if n not in glossed}
        terms = {t: w for t, w in terms.items() if t not in {stem(a.lower()) for a in glossed}} or terms
    m = COUNTED.search(text)
    counted = stem(m.group(2).lower()) if m and m.group(2).lower() not in STOP \
        and not (lang == "sv" and PAST_VERB_COUNTED.fullmatch(m.group(2).lower())) else None
    counted_as = m.group(1).lower() if m and m.group(1) else None
    if lang == "en" and counted is not None:
        # "how many city commissioners": a singular modifier before a plural noun counts the plural noun
        word = m.group(2).lower()
        after = re.match(r"\s+([a-z]+s)\b", text[m.end():])
        if after and not word.endswith("s") and after.group(1).lower() not in EN_STOP:
            word = after.group(1).lower()
            counted = stem(word)
        # "how many residents": counted as the report's invånare, as the question was read ("pioneer cities" whole)
        found = next((t for t in translations if word in t.english), None)
        if found is not None:  # (the head of a phrase: "employees per manager" counts «medarbetare», not «chef»)
            counted = stem(words(re.split(r"\s+(?:per|för|av|i|på|inom)\s+", found.swedish[0])[0])[-1])
        counted_as = "nya" if counted_as == "new" else counted_as
    w = WHICH_NOUN.search(text)
    w = w or WHO_IS.search(text)
    focus = w.group(2).lower() if w and w.group(2).lower() not in STOP else None
    if focus and lang == "en" and w is not None and (head := re.match(r"\s+([a-z]{3,})\b", text[w.end():])):
        # "which government agency funded …": the noun asked for is the phrase's head, not its modifier (an
        # agency, whose name shows its kind: «Tillväxtverket»; a network's need not, «… (ICLEI)»)
        nxt = head.group(1)
        if nxt not in EN_STOP and any(x.startswith("myndighet") for t in translate(nxt)[:1] for x in t.swedish[:1]):
            focus = nxt
    if focus in KIND_NOUNS:
        focus = None  # "med vilken motivering?", "vid vilken tidpunkt?": the kind of answer, in the report's own words
    if kind in ("amount", "percent") and len(terms) > 1 and not MONEY_SCALE.search(text):
        # "… in SEK?", "i kronor": the currency the answer is asked in, which every amount is written in (the
        # HELÅRSPROGNONS row «… 13,9 mkr» met "What's the total size of the green bond framework, in SEK?"); a scale
        # asked ("in million kronor", "i tkr") still picks the statement written in it
        for t in [t for t in terms if t in MONEY_UNITS]:
            if len(terms) > 1:  # (one left: "Hur mycket i kronor?" asks about nothing else)
                terms.pop(t)
    if kind == "date" and focus in CALENDAR_UNITS and len(terms) > 1:
        # "Vilken månad fattade fullmäktige beslut om …?": the kind of date asked, not a word the answer holds
        # («… fattade kommunfullmäktige i juni månad beslut om ett riktvärde» is another decision)
        terms.pop(stem(focus), None)
    swedish = " ".join(a for t in translations for a in t.swedish)
    # the budget of nothing but the board itself ("kommunstyrelsens totala budget 2025"), not of a thing it funds
    whole_budget = all(t in BUDGET_WORDS | TOTAL_WORDS | AMBIENT_ACTORS or t.isdigit()
                       for t, w in terms.items() if w >= 1.0)
    if (idiom := RESULT_IDIOM.search(text)) is not None:
        terms.pop(stem(idiom.group(1).lower()), None)  # "går back": the verb of an idiom
    for t in list(terms):  # the report's own word for what is asked: "avvikelse" for a surplus, "Summa" for a total
        for asked_words, (word, said) in REPORT_WORDS.items():
            if t in asked_words and terms[t] >= 1.0 and (asked_words is not BUDGET_WORDS or whole_budget):
                alternatives[t] = tuple(dict.fromkeys((*alternatives.get(t, ()), said)))
                swedish = f"{swedish} {word}".strip()
    return Question(text=text, lang=lang, kind=kind, terms=terms, years=years, names=names, followup=followup,
                    retrieval_query=query, lexical_query=without_words(f"{query} {swedish}", graded), counted=counted,
                    counted_as=counted_as, focus=focus,
                    also_reason=kind != "reason" and ALSO_REASON.search(text) is not None, asked=asked,
                    alternatives=alternatives, table_named=frozenset(table_naming(text, lang) & terms.keys()))
