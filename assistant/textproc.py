"""Tokens for lexical search and sentence scoring: Swedish Snowball stems,
Swedish stop words (bm25s' list plus question words), numbers kept whole."""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_SWEDISH

WORD = re.compile(r"\d+(?:[ \u00a0]\d{3})*(?:,\d+)?|[^\W\d_]+(?:[-/][^\W\d_]+)*", re.UNICODE)
QUESTION_WORDS = {
    "hur", "vad", "vilken", "vilket", "vilka", "när", "var", "vem", "varför", "mycket", "många", "stor", "stort",
    "står", "finns", "enligt", "rapporten", "rapport", "framgår", "beskrivs", "nämns", "ges", "gavs",
    "what", "which", "who", "when", "where", "why", "how", "much", "many", "does", "did", "report", "according",
}
STOP = set(STOPWORDS_SWEDISH) | set(STOPWORDS_EN) | QUESTION_WORDS


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("swedish")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return _stemmer().stemWord(word)


def words(text: str) -> list[str]:
    """Lower-cased words; a hyphenated compound also yields its parts."""
    out: list[str] = []
    for m in WORD.finditer(text.lower()):
        w = m.group(0).replace("\u00a0", " ")
        if w[0].isdigit():
            out.append(w.replace(" ", ""))
            continue
        out.append(w)
        if "-" in w or "/" in w:
            out.extend(p for p in re.split(r"[-/]", w) if len(p) > 1)
    return out


def terms(text: str, keep_stop: bool = False) -> list[str]:
    """Stemmed content terms."""
    return [stem(w) for w in words(text) if keep_stop or (w not in STOP and len(w) > 1)]
