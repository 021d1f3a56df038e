"""One calibrated answerability score: the only place that decides to refuse.

Features are facts about the question and the evidence that do not depend on
any dataset's wording: how much of the question's content the chosen evidence
covers, whether its words and names exist in the report at all, how clearly
the embedding prefers the evidence, and whether the shape's own rules were
met. A logistic model turns them into the probability that the report answers
the question. Its weights are data (`assistant/data/judge.json`), fitted on the
dev split by `python -m eval fit-judge`; refitting is one command and a diff of
numbers.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.answer.question import Question
from assistant.glossary import translate
from assistant.textproc import STOP, stem

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "judge.json"

FEATURES = (
    "coverage",       # IDF-weighted share of the question's content terms in the chosen evidence (0..1)
    "coverage2",      # the same for the second-best piece of evidence (open shapes: breadth)
    "vocab",          # IDF-weighted share of the question's content terms found anywhere in the report
    "missing_rare",   # Swedish: how specific the most specific question word is that the evidence lacks (0..1)
    "en_missing_rare",  # the same for English (untranslated words make it noisier: its own weight)
    "unknown_name",   # 1 when a name in the question (a city, a person) is nowhere in the report
    "unknown_focus",  # 1 when the noun asked about ("vilken löptid") is nowhere in the report
    "dense_margin",   # how much the best chunk stands out from the fifth
    "unit_dense",     # the chosen sentence's own similarity (0 when not computed)
    "kind_fit",       # the chosen sentence holds the kind of answer asked for (amount, date …)
    "rule",           # the shape's own acceptance rules were met
    "english",        # an English question (its coverage goes through the glossary)
    "open",           # an open shape (brief, summary, reason, change)
    "followup",       # a short follow-up read with the previous question
    "en_coverage",    # coverage of an English question (through the glossary: weaker evidence than Swedish)
    "en_unit_dense",  # the chosen sentence's similarity for an English question (cross-lingual e5 runs lower)
    "open_unknown_topic",  # an open question's topic word is nowhere in the report and nothing quoted meets it
)


@dataclass
class Features:
    values: dict[str, float] = field(default_factory=dict)

    def vector(self) -> list[float]:
        return [float(self.values.get(f, 0.0)) for f in FEATURES]


@dataclass(frozen=True)
class JudgeModel:
    """Logistic regression over standardised features."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float = 0.5
    features: tuple[str, ...] = FEATURES
    fitted_on: str = ""

    def probability(self, f: Features) -> float:
        x = f.vector()
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale,
                                                                   strict=True))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def to_json(self) -> dict[str, Any]:
        return {"features": list(self.features), "weights": list(self.weights), "bias": self.bias,
                "mean": list(self.mean), "scale": list(self.scale), "threshold": self.threshold,
                "fitted_on": self.fitted_on}


# Before any fit: a hand-set prior that answers when the evidence covers the question.
PRIOR = JudgeModel(
    weights=tuple({"coverage": 2.0, "vocab": 1.0, "unknown_name": -1.5, "rule": 1.5}.get(f, 0.0) for f in FEATURES),
    bias=0.0, mean=tuple(0.5 if f in ("coverage", "vocab", "rule") else 0.0 for f in FEATURES),
    scale=tuple(0.25 if f in ("coverage", "vocab", "rule") else 1.0 for f in FEATURES), fitted_on="prior",
)


@lru_cache(maxsize=4)
def load_model(path: str = str(WEIGHTS_FILE)) -> JudgeModel:
    """The fitted model (the prior when none has been fitted or the file is unreadable)."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        if tuple(raw["features"]) != FEATURES:
            return PRIOR  # fitted for another feature set: refit with `python -m eval fit-judge`
        return JudgeModel(tuple(raw["weights"]), float(raw["bias"]), tuple(raw["mean"]), tuple(raw["scale"]),
                          float(raw.get("threshold", 0.5)), tuple(raw["features"]), str(raw.get("fitted_on", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return PRIOR


def fit(xs: Sequence[Sequence[float]], ys: Sequence[int], l2: float = 1.0, fitted_on: str = "") -> JudgeModel:
    """Fit the logistic model by Newton's method with an L2 penalty (numpy, deterministic)."""
    import numpy as np

    x = np.asarray(xs, dtype=float)
    y = np.asarray(ys, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    z1 = np.hstack([np.ones((len(z), 1)), z])
    w = np.zeros(z1.shape[1])
    penalty = np.eye(z1.shape[1]) * l2
    penalty[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z1 @ w, -40, 40)))
        grad = z1.T @ (p - y) + penalty @ w
        hess = z1.T @ (z1 * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return JudgeModel(tuple(float(v) for v in w[1:]), float(w[0]), tuple(float(v) for v in mean),
                      tuple(float(v) for v in scale), 0.5, FEATURES, fitted_on)


def save_model(model: JudgeModel, path: Path = WEIGHTS_FILE) -> None:
    path.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
    load_model.cache_clear()


# -- features ---------------------------------------------------------------
def _english_known(word: str) -> bool:
    """An English word the glossary knows: a common word, not a name the report should contain."""
    return bool(translate(word))


def unknown_names(q: Question, in_corpus: Any) -> bool:
    """A capitalised name in the question that the report never mentions (another city, a person)."""
    # "City Executive Board": a name the glossary renders as a whole is known, word by word
    phrased = {w for t in translate(q.text) for e in t.english for w in e.split()} if q.lang == "en" else set()
    for name in q.names:
        parts = [p for p in re.split(r"[-\s]", name) if len(p) >= 2]
        if not parts:
            continue
        if q.lang == "en" and all(p.lower() in phrased or _english_known(p) for p in parts):
            continue
        if not all(in_corpus(p) for p in parts):
            return True
    return False


def vocabulary_coverage(q: Question, in_corpus: Any, idf: Any) -> float:
    """IDF-weighted share of the question's own content words that occur anywhere in the report.

    Weather, other municipalities' budgets and chit-chat use words the report
    never has; a question about the report mostly does not."""
    own = [t for t, w in q.terms.items() if w >= 1.0 and t not in STOP and len(t) > 1]
    if not own:
        return 0.0
    weights = {t: max(idf(t), 0.5) if in_corpus(t) else 4.0 for t in own}  # an unknown word is rare by definition
    found = sum(w for t, w in weights.items() if in_corpus(t))
    return found / sum(weights.values())


def missing_rare(q: Question, evidence_stems: set[str], matched: Any, idf: Any, known: Any, n_chunks: int) -> float:
    """The most specific question word the evidence lacks, as a share of the largest possible IDF.

    "Vad kostar biljetten till EM i handboll?" answered with the event's budget row lacks
    "biljett", a word the report never uses: the report does not answer what was asked."""
    top = math.log(1 + (n_chunks + 0.5) / 0.5)
    worst = 0.0
    for t, w in q.terms.items():
        if w < 1.0 or t in STOP or len(t) < 3 or matched(t, evidence_stems):
            continue
        worst = max(worst, (idf(t) if known(t) else top) / top)
    return worst


LONG_PART = 5  # a compound's first part of this many letters is a word of its own, not letters of a longer one


def report_parts(term: str, known: Any, inside: Any = lambda part: False) -> list[str]:
    """Report words a compound starts or ends with (at least four letters): remiss in remisstryck. A short first
    part (four letters) needs the rest to be the report's word too: «utbyggnad» meets the «bygg» of
    "bygglovsärenden", but the report never says bygglov, so nothing it quotes is about what was asked. A last
    part, the compound's head, needs its first part in the report, whole or inside its words (`inside`: «miljö» of
    "miljökrav" stands in «miljöfrågor» only), or it is another thing of that kind («lönekartläggning»)."""
    def said(part: str) -> bool:  # as the report writes it or by its stem
        return known(part) or known(stem(part))

    parts = []
    for i in range(4, len(term) - 2):
        head, tail = term[:i], term[i:]
        if len(head) >= 4 and known(head) and (len(head) >= LONG_PART or any(
                said(t) for t in (tail, tail[1:] if tail.startswith("s") else "") if len(t) >= 3)):
            parts.append(head)
        if len(tail) >= 4 and known(tail) and any(said(h) or inside(h) for h in (head, head[:-1] if head.endswith("s")
                                                                                 else "") if len(h) >= 3):
            parts.append(tail)
    return parts


# the thing a Swedish open question wants changed, as a definite noun: "för att minska köerna", "korta
# väntetiderna", "motverka bullret" (not "bytet till …" or "plusset på …": a word for a change or a sum of
# what the report does tell)
CHANGED_THING = re.compile(r"(?i)\b(?:minska|korta|sänka|förbättra|öka|höja|motverka|stärka|förebygga|bekämpa|"
                           r"åtgärda|lösa|hantera|bryta|minimera|undvika)\s+(?:de|den|det)?\s*([a-zåäö]{3,}(?:n|na|et))\b")


def definite_nouns(q: Question, topic: set[str]) -> set[str]:
    """Stems of the things a Swedish open question wants changed, written as definite nouns: the question names
    what it is about by «köerna», however short its stem ("kö"), and no answer on something else will do."""
    if q.lang != "sv":
        return set()
    return {stem(m.group(1).lower()) for m in CHANGED_THING.finditer(q.text)
            if len(m.group(1)) >= 5 and m.group(1).lower() not in STOP} & topic


def unknown_topic(q: Question, topic: set[str], evidence_stems: set[str], matched: Any, known: Any,
                  in_df: Any, nouns: set[str] = frozenset(), inside: Any = lambda part: False) -> bool:
    """A word of the question's topic (not of its shape: "sammanfatta", "förändrats") that the report
    never uses and that the quoted evidence meets neither whole nor by a report word inside it.

    An open answer always finds sentences to quote; "Vad görs för att korta vårdköerna?" quotes the
    report's referrals because nothing in it is about vårdköer. A paraphrase ("remisstrycket") shares
    a part with what it quotes ("remisser")."""
    for t, w in q.terms.items():
        if w < 1.0 or t in STOP or t not in topic or known(t) or matched(t, evidence_stems):
            continue
        if t not in nouns and (len(t) < 6 or (q.lang == "en" and (len(t) < 7 or t.endswith("ing")))):
            continue  # short words and English -ing forms are the question's verbs more often than its topic
        if any(len(t) - k >= 5 and known(t[:-k]) for k in (1, 2)):
            continue  # an inflection the stemmer leaves on: "bedömd" (bedömdes) is the report's "bedöm"
        if any(matched(p, evidence_stems) for p in report_parts(t, in_df, inside)):
            continue
        if joined_to_a_met_word(q, t, evidence_stems, matched):
            continue  # "kulturen och nöjeslivet": one of two things joined, the other told
        if q.lang == "en" and beside_a_met_word(q, t, evidence_stems, matched):
            continue  # "residential segregation": an untranslated adjective of a thing the evidence meets
        return True
    return False


EN_ADJECTIVE = re.compile(r"(?i)[a-z]{3,}(?:al|ed|ive|ous|ic|ful|less|able|ible)$")


def beside_a_met_word(q: Question, t: str, evidence_stems: set[str], matched: Any) -> bool:
    """Whether an English question writes word `t` as an adjective before a lower-case word whose Swedish rendering
    the evidence meets: the glossary lacks many an English modifier ("disaggregated data", "residential
    segregation"), and the thing it qualifies is what the evidence tells of. A noun stands for a thing of its own
    ("library service", "public libraries"), and a capitalised word is a name ("Japanese companies")."""
    tokens = re.findall(r"[A-Za-zÅÄÖåäö'-]+", q.text)
    for i, tok in enumerate(tokens):
        if stem(tok.lower()) != t or tok[:1].isupper() or not EN_ADJECTIVE.fullmatch(tok):
            continue
        for j in (i + 1,):
            if j >= len(tokens) or tokens[j][:1].isupper() or tokens[j].lower() in STOP:
                continue
            rendered = {stem(w) for tr in translate(tokens[j].lower()) for w in tr.swedish[0].split()}
            if any(r in q.terms and matched(r, evidence_stems) for r in rendered):
                return True
    return False


# (the second word a noun of its own, the phrase's end: not "jämställda" in "… och jämställda löner")
JOINED = re.compile(r"(?i)([\wåäö]{4,})\s+(?:och|samt|eller|and|or|&)\s+(?:(?:the|det|den)\s+)?([\wåäö]{4,})"
                    r"(?=\s*(?:[?.!,;:]|$|\s(?:i|in|på|on|för|for|inom|within|hos|at|med|with)\b))")


# the second of two things the question ends on, a phrase of a few words: "… mot organiserad brottslighet och fusk
# med välfärdspengar?"
JOINED_PHRASE = re.compile(r"(?i)([\wåäö]{4,})\s+(?:och|samt|and)\s+((?:[\wåäö]+\s+){0,3}[\wåäö]{4,})\s*[?.!]*\s*$")


def joined_to_a_met_word(q: Question, t: str, evidence_stems: set[str], matched: Any) -> bool:
    """Whether the question joins word `t` with "och"/"and" to a word the evidence meets: an answer on culture is
    an answer on "kulturen och nöjeslivet", though the report never says nöjesliv; an answer on organised crime is
    one on "organiserad brottslighet och fusk med välfärdspengar", the last thing a phrase of its own."""
    if (m := JOINED_PHRASE.search(q.text)) is not None:
        first = stem(m.group(1).lower())
        if t in {stem(w.lower()) for w in m.group(2).split()} and first != t and first in q.terms \
                and matched(first, evidence_stems):
            return True
    for m in JOINED.finditer(q.text):
        a, b = stem(m.group(1).lower()), stem(m.group(2).lower())
        if t in (a, b):
            other = b if t == a else a
            if other != t and other in q.terms and matched(other, evidence_stems):
                return True
    return False
