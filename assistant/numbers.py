"""Find and compare numbers in Swedish report text, whatever their formatting.

Evals and citation checks must decide whether the "600 Mkr" of a generated
answer is the "600 miljoner kronor" of the source, so numbers are read with
their thousands separators, decimal commas, signs and units resolved to base
units (kronor for money, the plain number otherwise).

Reading choices, since report text is ambiguous:
- Thousands groups: a 1-3 digit lead followed by separator-delimited groups of
  exactly three digits is one number, so "221 734" is 221734 while a year never
  swallows the next figure ("2025 13,9" is 2025 and 13.9). A table row
  "1 500 1 500" therefore reads as 1500 and 1500. Groups never span a line break.
- A comma or period directly followed by digits is a decimal separator
  (Swedish style), so "1,500" is 1.5.
- A minus sign counts only at the start of a token: at the start of the text,
  after whitespace or after "("; "2027-2031" and "STK-2024-1696" hold no
  negative numbers, and "1 - 31" is a range.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(frozen=True)
class Quantity:
    """A number with its unit resolved, so differently written amounts compare equal."""

    value: float  # base units: kronor for money, the plain number otherwise
    unit: str | None  # "kr", "%" or None for a bare number
    # The sentence states a negative in words ("underskott"); informative only.
    negative_in_words: bool = field(default=False, compare=False)


_SEP = "[ \u00a0\u2009\u202f]"  # thousands separators; never a line break
_DASHES = str.maketrans(dict.fromkeys("\u2212\u2013\u2014\u2010\u2011", "-"))
_COMBINED = {"tkr": 1e3, "ksek": 1e3, "tsek": 1e3, "mkr": 1e6, "mnkr": 1e6, "msek": 1e6,
             "mdkr": 1e9, "mdsek": 1e9}
_SCALES = {"tusen": 1e3, "thousand": 1e3, "miljon": 1e6, "miljoner": 1e6, "million": 1e6,
           "millions": 1e6, "mn": 1e6, "miljard": 1e9, "miljarder": 1e9, "billion": 1e9,
           "billions": 1e9, "mdr": 1e9, "mrd": 1e9}
_CURRENCIES = ("kronor", "krona", "kr", "sek")


def _alternatives(words: Iterable[str]) -> str:
    """Longest first, so "kronor" wins over "kr"."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_NUMBER = re.compile(
    rf"""
    (?:(?<!\w)(?P<pre>sek){_SEP}*)?                      # "SEK 600 million"
    (?P<token>
      (?:(?<![^\s(])[-+])?                               # a sign only at a token start
      (?<!\d)(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)|\d+)   # grouped or plain integer part
      (?:[.,]\d+)?(?!\d)                                 # decimal comma or point
    )
    (?:\s*(?:                                           # the unit may follow on the next line
        (?P<comb>{_alternatives(_COMBINED)})
      | (?P<scale>{_alternatives(_SCALES)})(?:\s*(?P<cur>{_alternatives(_CURRENCIES)}))?
      | (?P<cur1>{_alternatives(_CURRENCIES)})
      | (?P<pct>%|procent|percent)
    )(?!\w))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# Words that state a negative amount without a minus sign, matched inside
# compounds too ("driftkostnader", "budgetunderskott").
_NEGATIVE_WORDS = re.compile(
    r"underskott|minskn|minska|kostnad|negativ|förlust|minus|deficit|decreas", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
# A letter, a hyphen at a line end, and a letter on the next line; a suspended
# hyphen before a conjunction ("förskole- och skolverksamhet") is a real one.
_HYPHEN_BREAK = re.compile(r"([^\W\d_])-[ \t]*\n\s*(?!(?:och|eller|samt)\b)(?=([^\W\d_]))")
_WHITESPACE = re.compile(r"[\s\u00a0\u2009\u202f]+")
_WORD = re.compile(r"\w+")


class _Hit(NamedTuple):
    """A number found in text: its quantity plus what is needed to match and report it."""

    quantity: Quantity
    written: float  # the signed number as written, before any scale word
    token: str  # the number as written, sign included, unit excluded
    start: int  # span of number and unit in the NFC text
    end: int


def normalise_text(text: str) -> str:
    """Lowercase text with whitespace, dashes and line-break hyphenation unified,
    so phrases quoted from a PDF extraction compare equal to typed ones."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    # Rejoin "region-\nsamarbetet"; keep the hyphen of a compound like "Malmö-\nLund".
    text = _HYPHEN_BREAK.sub(lambda m: m[1] if m[2].islower() else m[1] + "-", text)
    return _WHITESPACE.sub(" ", text.lower()).strip()


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence boundaries, the scope in which a negative word applies to a number."""
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _scale_and_unit(m: re.Match[str]) -> tuple[float, str | None]:
    """The multiplier and unit a number's surrounding words give it."""
    words = {name: (value or "").lower() for name, value in m.groupdict().items()}
    if words["pct"]:
        return 1.0, "%"
    if words["comb"]:
        return _COMBINED[words["comb"]], "kr"
    scale = _SCALES.get(words["scale"], 1.0)
    is_money = bool(words["pre"] or words["cur"] or words["cur1"])
    return scale, "kr" if is_money else None


def _scan(text: str) -> list[_Hit]:
    """Every number in the text with its unit, sign and sentence context resolved."""
    text = unicodedata.normalize("NFC", text)
    plain = text.translate(_DASHES)  # one char for one, so spans stay valid for `text`
    hits: list[_Hit] = []
    for start, end in _sentence_spans(plain):
        sentence = plain[start:end]
        negative = bool(_NEGATIVE_WORDS.search(sentence))
        for m in _NUMBER.finditer(sentence):
            token = m["token"]
            written = float(_WHITESPACE.sub("", token).replace(",", "."))
            scale, unit = _scale_and_unit(m)
            quantity = Quantity(round(written * scale, 6), unit, negative)
            original = text[start + m.start("token") : start + m.end("token")]
            hits.append(_Hit(quantity, written, original, start + m.start(), start + m.end()))
    return hits


def find_quantities(text: str) -> list[Quantity]:
    """Every number in the text with its unit resolved, in reading order."""
    return [hit.quantity for hit in _scan(text)]


def numbers_in(text: str) -> list[str]:
    """The number tokens as written, for highlighting and verification messages."""
    return [hit.token for hit in _scan(text)]


def parse_quantity(text: str) -> Quantity | None:
    """The quantity of a short string like "600 Mkr"; None unless there is exactly one."""
    hits = _scan(text)
    return hits[0].quantity if len(hits) == 1 else None


def _close(a: float, b: float) -> bool:
    """Equal up to float noise from scaling ("0,6 miljarder" vs "600 Mkr")."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def quantities_match(a: Quantity, b: Quantity) -> bool:
    """Same unit and same base value: "600 Mkr" matches "600 000 tkr", not "600 tkr".

    Symmetric and strict; the lenient needle-in-text rules live in contains_quantity.
    """
    return a.unit == b.unit and _close(a.value, b.value)


def _needle_matches(needle: Quantity, hit: _Hit) -> bool:
    """Whether a number found in text is the needle, by the rules of contains_quantity."""
    if needle.unit is None:
        # A bare needle may omit the unit, or the scale ("-221 734" vs "-221 734 tkr").
        candidates = (hit.quantity.value, hit.written)
    elif needle.unit == hit.quantity.unit:
        candidates = (hit.quantity.value,)
    else:
        return False
    sign_ok = needle.value >= 0 or hit.quantity.negative_in_words
    return any(
        _close(abs(value), abs(needle.value)) and (sign_ok or value < 0) for value in candidates
    )


def contains_quantity(haystack: str, needle: Quantity | str) -> bool:
    """Whether the needle's number occurs in the haystack, however it is formatted.

    A needle with a unit needs the same unit and base value. A bare needle also
    matches the digits as written before a unit. An unsigned needle matches a
    negative number (the sign may be stated in words); a negative needle matches
    an unsigned number only if its sentence states the negative in words.
    """
    if isinstance(needle, str):
        parsed = parse_quantity(needle)
        if parsed is None:
            raise ValueError(f"Not a single quantity: {needle!r}")
        needle = parsed
    return any(_needle_matches(needle, hit) for hit in _scan(haystack))


def _words(text: str) -> str:
    """Normalised text as space-separated words, so punctuation does not block a match."""
    return " ".join(_WORD.findall(normalise_text(text)))


def fact_in_text(fact: str, text: str) -> bool:
    """Whether an expected fact occurs in the text: every quantity number-aware, and
    every run of words between them as a phrase. A blank fact proves nothing: False."""
    fact = unicodedata.normalize("NFC", fact)
    fact_hits = _scan(fact)
    bounds = [0, *(i for hit in fact_hits for i in (hit.start, hit.end)), len(fact)]
    phrases = [_words(fact[a:b]) for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
    phrases = [phrase for phrase in phrases if phrase]
    if not fact_hits and not phrases:
        return False
    text_words = f" {_words(text)} "
    if not all(f" {phrase} " in text_words for phrase in phrases):
        return False
    text_hits = _scan(text)
    return all(any(_needle_matches(f.quantity, t) or _rounds_to(f, t) for t in text_hits) for f in fact_hits)


def _resolution(hit: _Hit) -> float:
    """The smallest step the number is written in: 1 000 for "56 922 tkr", 100 000 for "56,9 Mkr"."""
    decimals = len(hit.token.split(",", 1)[1]) if "," in hit.token else 0
    scale = abs(hit.quantity.value / hit.written) if hit.written else 1.0
    return scale * 10.0 ** -decimals


def _rounds_to(fact: _Hit, hit: _Hit) -> bool:
    """A more precise amount that the fact writes rounded to its last digit: a table's "56 922 tkr" is the
    text's "56,9 Mkr", and "13 950 tkr" (half way) its "13,9 Mkr". Amounts in kronor only."""
    if fact.quantity.unit != "kr" or hit.quantity.unit != "kr" or not fact.written:
        return False
    step = _resolution(fact)
    if _resolution(hit) >= step:
        return False  # "14 Mkr" is less precise than "13,9 Mkr": not the same statement
    sign_ok = fact.quantity.value >= 0 or hit.quantity.negative_in_words or hit.quantity.value < 0
    return sign_ok and abs(abs(hit.quantity.value) - abs(fact.quantity.value)) <= step / 2 + 1e-6


def amounts_in(text: str) -> list[tuple[str, float, float]]:
    """Each amount in kronor the text states: as written ("620 mkr"), its value in kronor and the step it is
    written in (100 000 for "13,9 Mkr")."""
    nfc = unicodedata.normalize("NFC", text)  # the hits' spans are in the NFC text
    return [(nfc[hit.start:hit.end], abs(hit.quantity.value), _resolution(hit))
            for hit in _scan(text) if hit.quantity.unit == "kr"]


def stated_values(text: str) -> list[float]:
    """The amounts in kronor the text may state: each amount in kronor, and each bare number of a table read as
    kr, tkr or Mkr ("510 327" in a table «i tkr» is 510,3 Mkr)."""
    out: list[float] = []
    for hit in _scan(text):
        if hit.quantity.unit == "kr":
            out.append(abs(hit.quantity.value))
        elif hit.quantity.unit is None:
            out.extend(abs(hit.written) * m for m in (1.0, 1e3, 1e6))
    return out


def matches_amount(values: list[float], value: float, step: float) -> bool:
    """Whether one of `values` is `value` kronor at the precision `step`."""
    return any(abs(c - value) <= step / 2 + 1e-6 for c in values)


def states_amount(text: str, value: float, step: float) -> bool:
    """Whether the text states an amount that is `value` kronor at the precision `step` (see stated_values)."""
    return matches_amount(stated_values(text), value, step)
