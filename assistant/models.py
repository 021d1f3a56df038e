"""The answer contract shared by the CLI (`ask --json`), the Streamlit app and the evals."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.errors import InvalidQuestion

# an answer at or above this judged probability is shown as sure, below it as "check the source"
CONFIDENT = 0.8

# ingest progress: (what is happening, fraction done 0..1)
Progress = Callable[[str, float], None]


@dataclass
class Filters:
    """Scope of a search; every field narrows it, None means 'all'."""

    goal_area: str | None = None
    goal: str | None = None
    page_from: int | None = None
    page_to: int | None = None
    source: str | None = None  # a report in the library (its file name)
    # who asks: private uploads of other users are never searched (None: shared reports and
    # unowned ones only). Not a scope the user chose, so describe() leaves it out.
    viewer: str | None = None

    def is_empty(self) -> bool:
        return not any((self.goal_area, self.goal, self.page_from, self.page_to, self.source))

    def scope_only(self) -> Filters:
        """The same scope without who asks (what a "search everywhere" keeps)."""
        return Filters(source=self.source, viewer=self.viewer)

    def describe(self, lang: str = "sv") -> str:
        parts = []
        if self.source:
            parts.append(("rapport: " if lang == "sv" else "report: ") + self.source)
        if self.goal_area:
            parts.append(("målområde: " if lang == "sv" else "goal area: ") + self.goal_area)
        if self.goal:
            parts.append(("mål: " if lang == "sv" else "goal: ") + self.goal)
        if self.page_from or self.page_to:
            word = "sidor" if lang == "sv" else "pages"
            parts.append(f"{word} {self.page_from or 1}–{self.page_to or '…'}")
        if not parts:
            return "hela rapporten" if lang == "sv" else "the whole report"
        return "; ".join(parts)


@dataclass
class Turn:
    """One earlier exchange in a conversation."""

    question: str
    answer: str = ""


@dataclass
class Citation:
    n: int
    page: int
    section: str
    goal: str | None
    goal_area: str | None
    quote: str  # the cited sentence(s) or table row, verbatim from the report
    source: str
    report_title: str = ""
    chunk_id: str = ""
    passage: str = ""  # the whole chunk the quote comes from (for highlighting)
    kind: str = "text"
    verified: bool | None = None  # set by LLM citation verification

    def to_json(self) -> dict[str, Any]:
        d = {
            "n": self.n, "page": self.page, "section": self.section, "goal": self.goal or None,
            "goal_area": self.goal_area or None, "quote": self.quote, "source": self.source,
            "report_title": self.report_title,
        }
        if self.verified is not None:
            d["verified"] = self.verified
        return d


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    mode: str = "extractive"
    latency_ms: float = 0.0
    lang: str = "sv"
    scope: str = ""
    unsupported: list[str] = field(default_factory=list)
    notice: str | None = None  # e.g. "LLM unreachable, extractive fallback"
    id: Any = None
    retrieved: list[dict[str, Any]] = field(default_factory=list)  # for evals: ranked chunk ids/pages
    # fact | brief | summary | reason | change | outline | page | out_of_scope (assistant.answer.route)
    shape: str = "fact"
    # the judge's calibrated probability that the report answers the question (None: not judged)
    confidence: float | None = None
    span: str | None = None  # what a summary or page answer covers, e.g. "s. 37–41"
    features: dict[str, float] = field(default_factory=dict)  # the judge's inputs (evals, fitting)

    @property
    def confidence_level(self) -> str:
        """sure | check | none: how an answer should look in the UI (none: refused)."""
        if self.refused:
            return "none"
        if self.confidence is None or self.confidence >= CONFIDENT:
            return "sure"
        return "check"

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "question": self.question, "answer": self.answer, "refused": self.refused,
            "citations": [c.to_json() for c in self.citations], "mode": self.mode,
            "latency_ms": round(self.latency_ms, 1), "lang": self.lang, "scope": self.scope,
            "shape": self.shape,
            "confidence": None if self.confidence is None else round(self.confidence, 3),
            "confidence_level": self.confidence_level,
        }
        if self.span:
            d["span"] = self.span
        if self.mode.startswith("llm") or self.unsupported:
            d["unsupported"] = self.unsupported
        if self.notice:
            d["notice"] = self.notice
        return d

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


TYPOGRAPHIC = str.maketrans({"’": "'", "‘": "'", "´": "'", "`": "'"})


def validate_question(question: Any, max_chars: int) -> str:
    if not isinstance(question, str) or not question.strip():
        raise InvalidQuestion("Frågan är tom. Skriv en fråga om rapporten, t.ex. ”Hur stor var den sociala obligationen?”")
    q = " ".join(question.translate(TYPOGRAPHIC).split())  # "What’s" pasted from a document reads as "What's"
    if len(q) > max_chars:
        raise InvalidQuestion(
            f"Frågan är för lång ({len(q)} tecken; högst {max_chars}). Korta ner den till en konkret fråga."
        )
    return q


class AnswerStream:
    """Iterate for text pieces; `.answer` holds the full Answer once done."""

    def __init__(self, pieces: Iterator[str], finish: Callable[[], Answer]) -> None:
        self._pieces = pieces
        self._finish = finish
        self.answer: Answer | None = None

    @classmethod
    def of(cls, answer: Answer) -> AnswerStream:
        def words() -> Iterator[str]:
            text = answer.answer
            start = 0
            for i, ch in enumerate(text):
                if ch == " ":
                    yield text[start:i + 1]
                    start = i + 1
            if start < len(text):
                yield text[start:]

        return cls(words(), lambda: answer)

    def __iter__(self) -> Iterator[str]:
        yield from self._pieces
        self.answer = self._finish()
