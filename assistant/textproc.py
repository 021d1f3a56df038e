"""Tokens for lexical search and sentence scoring: Swedish Snowball stems,
Swedish stop words (bm25s' list plus question words), numbers kept whole."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

WORD = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?|[^\W\d_]+(?:[-/][^\W\d_]+)*", re.UNICODE)
QUESTION_WORDS = {
    "hur", "vad", "vilken", "vilket", "vilka", "när", "var", "vem", "varför", "mycket", "många", "stor", "stort",
    "står", "finns", "enligt", "rapporten", "rapport", "framgår", "nämns",
    "what", "which", "who", "when", "where", "why", "how", "much", "many", "does", "did", "report", "according",
}
EXTRA_STOP = {
    "ska", "skall", "ny", "nya", "nytt", "även", "också", "bland", "annat", "samt", "heter", "hette", "kallas",
    "ingår", "gäller", "avser", "sker", "gjort", "görs", "gör", "blivit", "fått", "får", "få", "fick", "the", "of", "and",
    "name", "names", "named", "called", "namn", "namnet", "namnen", "tell", "please", "say", "says", "said",
    "about", "regarding", "concerning", "mention", "mentioned", "säger", "säga", "sägs", "sagt",
    # "what is the name of", "what are the names of": heter, kallas, namnen på; "what does the report say about",
    # "vad säger rapporten om"
    "pengar", "pengarna", "gick", "gått",  # "hur mycket pengar gick till …": how much, not what about
    "mycke", "mkt",  # "hur mycke pengar …": chat spellings of mycket
    "alltså",  # "… styrelsen, alltså den politiska organisationen": a restatement's filler
    "faktiskt", "egentligen", "verkligen",  # "vad KS faktiskt gör": emphasis, not «… effekter de faktiskt leder till»
    "typ", "asså", "aså", "dom", "grej", "grejen", "grejer", "grejor", "grejs",  # chat fillers and spoken forms (dom: de, dem): "vad kostar arvodena typ", "går dom plus asså"
    "tas",  # "tas i drift", "tas fram": the verb of a phrase whose other word says what
    "hit", "dit",  # where to: "Vilka kongresser har Malmö lyckats få hit?"
    "stämmer", "stämde",  # "Stämmer det att …?": whether a claim holds, not what about
    "datum", "datumet",  # "Vilket datum antog KS …?": the kind of answer (a date), not what it is about
    "någonstans", "isåfall", "överhuvudtaget",  # "Nämns AI någonstans …? vad gör de isåfall?"
    "ser", "framåt", "framöver",  # "hur ser investeringsplanen ut för 2026 och framåt?": how it looks, from then on
    # how a figure is expected, in spoken words: "vilket överskott tror dom att dom landar på"
    "tror", "landar", "landa", "hamnar", "hamna",
    "nånting", "nåt", "nån", "nåra", "nånstans", "någonting",  # spoken forms of något, någon ("står det nånting om")
    "tex", "bla", "mfl", "osv", "etc",  # t.ex., bl.a., m.fl. written without their dots: no topic
    "pga",  # "på grund av": "avvikelsen pga hyran" asks the deviation, its cause is said by the word after
    # the rulers named by a debate's words: "Vad har majoriteten egentligen gjort för …" asks what the board did
    "majoriteten", "styrande", "makthavarna",
    "gärna",  # "Sammanfatta gärna rapporten": politeness, never a topic
}
STOP = set(STOPWORDS_SWEDISH) | set(STOPWORDS_EN) | QUESTION_WORDS | EXTRA_STOP
# English function words, for an English question's own words only (see the file's header)
EN_STOP = frozenset(w for line in (Path(__file__).parent / "data" / "stopwords_en.txt").read_text(encoding="utf-8")
                    .splitlines() if not line.startswith("#") for w in line.split())
VOWELS = set("aeiouyåäö")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


# a noun made of an adjective with "-het" (trygghet, säkerhet, möjlighet), in any inflection: Snowball cuts it to the
# adjective, which often tells of another thing («trygga anställningar» is job security, «säker» is sure)
ABSTRACT_NOUN = re.compile(r"(\w{3,}het)(?:en|er|erna|ens|ernas|s)?")


@lru_cache(maxsize=65536)
def stem(word: str, abstract: bool = True) -> str:
    """Snowball's Swedish stemmer, plus the definite endings it leaves on long
    words (intranätet → intranät, policyn → policy) so that a question's
    indefinite form meets the report's definite one. An abstract noun keeps its
    "-het" (ABSTRACT_NOUN); with `abstract` off it is cut as Snowball cuts it
    ("brottsligheten" → "brotts"), the form its compounds begin with."""
    if abstract and (m := ABSTRACT_NOUN.fullmatch(word)):
        return m.group(1)
    s = _stemmer().stemWord(word)
    for ending, min_len in (("ets", 8), ("ens", 8), ("et", 7), ("en", 7)):
        if s.endswith(ending) and len(s) >= min_len:
            return s[: -len(ending)]
    if s.endswith("n") and len(s) >= 6 and s[-2] in VOWELS:
        return s[:-1]
    return s


MONTH_ABBREV = {
    "jan": "januari", "feb": "februari", "mar": "mars", "apr": "april", "jun": "juni", "jul": "juli",
    "aug": "augusti", "sep": "september", "sept": "september", "okt": "oktober", "nov": "november", "dec": "december",
    # a period written in Danish or English ("januar-august", "january-august"), read in a hyphenated word as the
    # abbreviations are
    "januar": "januari", "februar": "februari", "marts": "mars", "august": "augusti", "january": "januari",
    "february": "februari", "march": "mars", "june": "juni", "july": "juli",
}


def words(text: str) -> list[str]:
    """Lower-cased words; a hyphenated compound also yields its parts, and a
    month abbreviation (`jan-aug`) its full name."""
    out: list[str] = []
    for m in WORD.finditer(text.lower()):
        w = m.group(0).replace("\u00a0", " ")
        if w[0].isdigit():
            out.append(w.replace(" ", ""))
            continue
        if "-" in w or "/" in w:
            parts = [p for p in re.split(r"[-/]", w) if len(p) > 1]
            if len(parts) == 2 and all(p in MONTH_ABBREV for p in parts):
                w = "-".join(MONTH_ABBREV[p] for p in parts)  # "jan-aug" is the period "januari-augusti"
            out.append(w)
            out.extend(MONTH_ABBREV.get(p, p) for p in parts)
        else:
            out.append(w)
    return out


def terms(text: str, keep_stop: bool = False) -> list[str]:
    """Stemmed content terms."""
    return [stem(w) for w in words(text) if keep_stop or (w not in STOP and len(w) > 1)]


# a compound whose first part is an abstract noun, joined by its linking s: trygghets|undersökning, hållbarhets|krav
HETS_COMPOUND = re.compile(r"(\w{3,}het)s\w{3,}")


def compound_nouns(text: str) -> list[str]:
    """The abstract nouns that begin the text's compounds, split where the "-hets-" joint shows
    («trygghetsundersökning» → "trygghet")."""
    return [m.group(1) for w in words(text) if (m := HETS_COMPOUND.fullmatch(w))]


def search_terms(text: str) -> list[str]:
    """Terms for a lexical search: an abstract noun's compounds also count as the noun («trygghetsundersökning»
    is found by "trygghet")."""
    return terms(text) + compound_nouns(text)


def similarity(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """Overlap of two sentences' content stems (Dice); 1 = the same words."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def one_edit(a: str, b: str) -> bool:
    """Whether two different words are one typo apart: a letter added, dropped, changed, or two
    neighbours swapped (kommunstyreslen / kommunstyrelsen)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]


# Danish and Norwegian letters as Swedish writes them: "Øresund" is the report's "Öresund"
NORDIC_LETTERS = str.maketrans({"Ø": "Ö", "ø": "ö", "Æ": "Ä", "æ": "ä"})


# Danish names Swedish writes in its own way: "København" is the report's "Köpenhamn"
DANISH_NAMES = re.compile(r"(?<![\wåäöø])([Kk])øbenhavn(s?)(?![\wåäöø])")


def as_swedish_letters(text: str) -> str:
    """A question's Danish or Norwegian letters read as Swedish ones (ø as ö, æ as ä)."""
    return DANISH_NAMES.sub(r"\1öpenhamn\2", text).translate(NORDIC_LETTERS)


SWEDISH_LETTERS = re.compile("[åäö]")
ASCII_FOLD = str.maketrans("åäö", "aao")


# Swedish question words typed without å, ä and ö ("vad star pa sidan 39", "varfor gar KS plus"): a report seldom
# writes them, so they are not found by its vocabulary as its own words are. Read so only in a Swedish question:
# "for", "over" and "star" are English words too.
ASCII_FUNCTION_WORDS = {
    "ar": "är", "pa": "på", "for": "för", "varfor": "varför", "nar": "när", "sa": "så", "da": "då", "dar": "där",
    "fa": "få", "far": "får", "fatt": "fått", "ga": "gå", "gar": "går", "gatt": "gått", "sta": "stå", "star": "står",
    "bade": "både", "aven": "även", "ocksa": "också", "annu": "ännu", "hander": "händer", "hande": "hände",
    "hant": "hänt", "beratta": "berätta", "forklara": "förklara", "jamfort": "jämfört", "jamfor": "jämför",
    "jamforelse": "jämförelse", "fran": "från", "nagot": "något", "nagon": "någon",
    "nagra": "några", "nagonting": "någonting", "nat": "nåt", "nan": "nån", "sadan": "sådan", "sadant": "sådant",
    "sadana": "sådana", "forra": "förra", "aret": "året", "over": "över", "fore": "före", "maste": "måste",
    "manga": "många", "tva": "två", "forsta": "första", "mojligt": "möjligt", "storst": "störst", "storsta": "största",
    "hogst": "högst", "lagst": "lägst", "battre": "bättre", "samre": "sämre", "mar": "mår",
}
# ("i ar", "per ar": the year, not "är")
ASCII_YEAR = re.compile(r"(?i)(?<![\wåäö])(i|per|varje|förra|nästa)\s+är(?![\wåäö])")
# "hur saker ar prognosen": after "hur" the adjective «säker», not "saker" (things)
ASCII_HOW_SURE = re.compile(r"(?i)(?<![\wåäö])(hur)\s+sak(er|ert|ra)(?![\wåäö])")
ASCII_WORD = re.compile(r"(?<![\wåäöÅÄÖ])[A-Za-z]+(?![\wåäöÅÄÖ])")


def inside_a_name(m: re.Match[str]) -> bool:
    """Whether a word stands between two capitalised words of a name: "for" in «Cities for Better Health» is the
    name's (not "gar" in "Varfor gar KS plus?", after the question's first word and before an abbreviation)."""
    before = re.search(r"(^|\s)([\wåäöÅÄÖ]+)\s+$", m.string[:m.start()])
    after = re.match(r"\s+([\wåäöÅÄÖ]+)", m.string[m.end():])
    return bool(before and after and before.group(2)[:1].isupper() and before.start(2) > 0
                and after.group(1)[:1].isupper() and not after.group(1).isupper())


def ascii_function_words(text: str) -> str:
    """A Swedish question's function words typed without å, ä and ö written with them ("vad star pa" -> "vad står
    på"), keeping a capital."""
    def fix(m: re.Match[str]) -> str:
        w = m.group(0)
        found = ASCII_FUNCTION_WORDS.get(w.lower())
        if found is None or (w.isupper() and len(w) > 1) or inside_a_name(m):
            return w
        return found[:1].upper() + found[1:] if w[:1].isupper() else found
    return ASCII_HOW_SURE.sub(lambda m: f"{m.group(1)} säk{m.group(2)}",
                              ASCII_YEAR.sub(lambda m: f"{m.group(1)} år", ASCII_WORD.sub(fix, text)))


# the board asked in the second person ("Går ni plus eller minus i år?", "Vad händer med AI hos er?"): the report
# is the board's, so "ni" after a verb says no more than the report's own subject does, and neither does "hos er";
# only its result is the whole board's ("går ni plus?" is not a part's surplus). Not "Kan ni …?", a request.
YOU_THE_BOARD = re.compile(r"(?i)(?<![\wåäö])(gör|går|gick|har|hade|jobbar|arbetar|satsar|satsade|planerar|ska|kommer|"
                           r"får|lägger|lade|la|sparar|hanterar|följer|tänker|driver|använder|blir|gjorde) ni(?![\wåäö])"
                           r"(\s+(?:med\s+)?(?:plus|minus|back|överskott|underskott)(?![\wåäö]))?")
AT_YOURS = re.compile(r"(?i)\s+(?:hos|inom|på) er(?![\wåäö])")


def you_as_the_board(text: str) -> str:
    """A Swedish question without its "ni" and "hos er" ("Hur följer ni upp …?" asks what the report tells), and
    with the board for "ni" when its result is asked ("Går ni plus?": the whole board, not whichever part a
    sentence tells)."""
    return AT_YOURS.sub("", YOU_THE_BOARD.sub(
        lambda m: f"{m.group(1)} kommunstyrelsen{m.group(2)}" if m.group(2) else m.group(1), text))


# numbers said in Swedish words, as a dictated question has them ("sidan fyrtiofyra", "sen tjugotjugofyra",
# "sexhundra miljoner"): read as digits, the way the report writes them
_UNITS = {"noll": 0, "ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_TEENS = {"tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
          "arton": 18, "nitton": 19}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
         "nittio": 90}
_BELOW_100 = "(?:" + "|".join(sorted(_TENS, key=len, reverse=True)) + ")(?:" + "|".join(
    sorted((k for k in _UNITS if k not in ("noll", "en")), key=len, reverse=True)) + ")?|" + "|".join(
    sorted(_TEENS, key=len, reverse=True))
_BELOW_1000 = rf"(?:(?:ett|två|tre|fyra|fem|sex|sju|åtta|nio)?hundra(?:{_BELOW_100}|två|tre|fyra|fem|sex|sju|åtta|nio)?|" \
              rf"{_BELOW_100})"
# a year as said: "tjugotjugofyra" (20|24), "tvåtusentjugofem"
SPOKEN_YEAR = re.compile(rf"(?i)(?<![\wåäö])(?:(tjugo)({_BELOW_100})|tvåtusen({_BELOW_100}))(?![\wåäö])")
SPOKEN_NUMBER = re.compile(rf"(?i)(?<![\wåäö]){_BELOW_1000}(?![\wåäö])")


def _below_100(word: str) -> int:
    word = word.lower()
    if word in _TEENS:
        return _TEENS[word]
    for tens, value in _TENS.items():
        if word.startswith(tens):
            rest = word[len(tens):]
            return value + (_UNITS[rest] if rest else 0)
    return _UNITS[word]


def _below_1000(word: str) -> int:
    word = word.lower()
    if "hundra" in word:
        head, _, rest = word.partition("hundra")
        return 100 * (_UNITS[head] if head else 1) + (_below_100(rest) if rest else 0)
    return _below_100(word)


def spoken_numbers(text: str) -> str:
    """A Swedish question's years and numbers said in words written in digits ("vad står det på sidan fyrtiofyra"
    -> "… sidan 44", "sen tjugotjugofyra" -> "sen 2024", "sexhundra miljoner" -> "600 miljoner"). Only words of
    thirteen and up: "tre", "tolv" are the counts the question reads as words ("de tolv målen")."""
    def year(m: re.Match[str]) -> str:
        return str(2000 + _below_100(m.group(3))) if m.group(3) else f"20{_below_100(m.group(2)):02d}"

    def number(m: re.Match[str]) -> str:
        value = _below_1000(m.group(0))
        return str(value) if value > 12 else m.group(0)
    return SPOKEN_NUMBER.sub(number, SPOKEN_YEAR.sub(year, text))


def swedish_spellings(text_words: Iterable[str]) -> dict[str, str]:
    """The texts' words with å, ä or ö, keyed by how they are typed without them ("malmo" -> "malmö"): the
    commonest of those that fold alike, and none whose folded form is as common a word of the texts itself
    ("malmo" of a web address is not the city's «Malmö»)."""
    counts = Counter(w for w in text_words if len(w) >= 3 and w.isalpha())
    best: dict[str, str] = {}
    for w, n in counts.items():
        key = w.translate(ASCII_FOLD)
        if key != w and counts.get(key, 0) < n and (key not in best or n > counts[best[key]]):
            best[key] = w
    return best


# chat Swedish that makes a thing of a word: "taxonomigrejen", "csrd-grejen", "budgetgrejer"
CHAT_THING = re.compile(r"(?i)(?<![\wåäö-])([a-zåäö]{3,}?)-?(?:grej(?:en|er|erna|s)?|grunkan?)(?![\wåäö])")


def without_chat_things(text: str) -> str:
    """A Swedish question's "-grejen" compounds read as the word they are made of ("vad e taxonomigrejen" asks
    about the taxonomy): the chat ending is no word of the report's."""
    return CHAT_THING.sub(r"\1", text)
