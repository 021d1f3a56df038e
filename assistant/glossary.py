"""English questions meet the Swedish report through a bilingual glossary
(dictionary-based query translation): the embedding model bridges languages
only roughly, and BM25 and the answerer's term coverage not at all.

`data/glossary_en_sv.tsv` holds the vocabulary of the genre (budget,
forecast, goal area, sick leave …); a phrase is matched before its words,
and English inflections by the Snowball English stemmer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import Stemmer

from assistant.textproc import ASCII_FOLD, EN_STOP, STOP, one_edit, stem, words

GLOSSARY = Path(__file__).parent / "data" / "glossary_en_sv.tsv"
MAX_PHRASE = 3
TYPO_LETTERS = 8  # a word this long one letter from an entry is that entry misspelt ("recomendations")
EN_WORD = re.compile(r"[a-z]+(?:[0-9](?![0-9]))?(?:-[a-z]+)*")  # (with one digit: "co2")


@dataclass(frozen=True)
class Translation:
    english: tuple[str, ...]  # the question's words it replaces
    swedish: tuple[str, ...]  # alternatives, the most likely first


@lru_cache(maxsize=1)
def _en_stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def _key(words: list[str]) -> tuple[str, ...]:
    return tuple(_en_stemmer().stemWords(words))


def _lines(path: Path) -> list[tuple[list[str], tuple[str, ...]]]:
    """(English words, Swedish alternatives) of each entry, in file order."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, swedish = line.partition("\t")
        alternatives = tuple(a.strip() for a in swedish.split("|") if a.strip())
        if alternatives:
            out.append((english.split(), alternatives))
    return out


@lru_cache(maxsize=4)
def load_glossary(path: Path = GLOSSARY) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The entries by the stems of their English words; the first entry of a stem wins."""
    entries: dict[tuple[str, ...], tuple[str, ...]] = {}
    for english, alternatives in _lines(path):
        entries.setdefault(_key(english), alternatives)
    return entries


@lru_cache(maxsize=4)
def load_exact(path: Path = GLOSSARY) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The entries by their words as written: "city" (stad) and "cities" (städer) share a stem,
    and the form the question uses should decide."""
    entries: dict[tuple[str, ...], tuple[str, ...]] = {}
    for english, alternatives in _lines(path):
        entries.setdefault(tuple(english), alternatives)
    return entries


@lru_cache(maxsize=4)
def swedish_words_typed_plain(path: Path = GLOSSARY) -> dict[str, str]:
    """The glossary's Swedish words with å, ä or ö keyed by how they are typed without them ("ranta": «ränta»):
    words a question asks about that the report may never write (a near-miss), so its vocabulary cannot put
    their letters back. Only keys that fold from one word, and none that is an English word of the glossary."""
    entries = _lines(path)
    english = {w for e, _ in entries for w in e}
    found: dict[str, set[str]] = {}
    for _, alternatives in entries:
        for a in alternatives:
            for w in a.lower().split():
                if w.isalpha() and len(w) >= 4 and any(ch in "åäö" for ch in w):
                    found.setdefault(w.translate(ASCII_FOLD), set()).add(w)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1 and k not in english}


@lru_cache(maxsize=4)
def english_only(path: Path = GLOSSARY) -> frozenset[str]:
    """Single English words of the glossary that are none of its Swedish words ("forecast", "result", not
    "budget" or "status"): a question made of them is English though it has no English function word."""
    entries = _lines(path)
    swedish = {w for _, alternatives in entries for a in alternatives for w in a.lower().split()}
    return frozenset(e[0] for e, _ in entries if len(e) == 1 and e[0] not in swedish)


def translate(text: str, keep: frozenset[str] = frozenset()) -> list[Translation]:
    """The glossary entries found in an English text, longest phrase first,
    left to right, the words as written before their stems; words without an
    entry are left out, and so are the words in `keep` (a name the report uses
    as written: "Malmö Residency" is not about residents)."""
    glossary, exact = load_glossary(), load_exact()
    # "full-year" is "full year" unless the glossary has the hyphenated word ("tax-funded", "full-time")
    tokens = [part for tok in EN_WORD.findall(text.lower())
              for part in ((tok,) if "-" not in tok or (tok,) in exact or _key([tok]) in glossary else tok.split("-"))]
    stems = _key(tokens)
    out: list[Translation] = []
    i = 0
    while i < len(tokens):
        if tokens[i] in keep:
            i += 1
            continue
        for n in range(min(MAX_PHRASE, len(tokens) - i), 0, -1):
            if any(t in keep for t in tokens[i:i + n]):
                continue
            # (a request word read only by its stem is none of the entry's: "actually" is not "actual", utfall)
            found = exact.get(tuple(tokens[i:i + n])) or (
                None if n == 1 and tokens[i] in EN_STOP else glossary.get(stems[i:i + n]))
            if found:
                out.append(Translation(tuple(tokens[i:i + n]), found))
                i += n
                break
        else:
            if (typo := misspelt_entry(tokens[i])) is not None:
                out.append(Translation((tokens[i],), typo))
            i += 1
    return out


@lru_cache(maxsize=1)
def _long_words(path: Path = GLOSSARY) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((k[0], v) for k, v in load_exact(path).items() if len(k) == 1 and len(k[0]) >= TYPO_LETTERS - 1)


def misspelt_entry(token: str) -> tuple[str, ...] | None:
    """The renderings of the one-word entry a long word is a typo of ("recomendations", "happend" is too short):
    an official typing fast is still asking about the thing."""
    if len(token) < TYPO_LETTERS:
        return None
    return next((v for k, v in _long_words() if one_edit(token, k)), None)


def swedish_stems(english: str) -> set[str]:
    """The stems of the Swedish words an English text is read as (all of the glossary's renderings)."""
    return {stem(w) for t in translate(english) for alt in t.swedish for w in words(alt) if w not in STOP}
