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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball's Swedish stemmer, plus the definite endings it leaves on long
    words (intranätet → intranät, policyn → policy) so that a question's
    indefinite form meets the report's definite one."""
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
