"""Suite metrics from per-item records, overall and per kind.

A metric whose population is empty (e.g. refusal recall in a run without
unanswerable items) is None rather than 0 or 1, so a filtered run never looks
perfect or broken by construction; the gate reports such metrics as not measured.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

# Higher is better for all of these; the gate compares them with minimums.
QUALITY_METRICS = (
    "answer", "citation", "refusal_precision", "refusal_recall", "points", "points_any", "first_page",
    "fact_answer", "refusal_precision_sv", "refusal_recall_sv", "refusal_precision_en", "refusal_recall_en",
    "page_hit1", "page_hit5", "page_mrr", "chunk_hit1", "chunk_hit5", "chunk_mrr",
    "faithfulness", "relevancy",
)
# Lower is better; the gate compares them with maximums.
LATENCY_METRICS = ("latency_p50_ms", "latency_p95_ms", "fact_words_median")
ALL_METRICS = (*QUALITY_METRICS, *LATENCY_METRICS)
# kinds that ask for one fact or table value (the "fact/table answers right" target)
FACT_KINDS = ("fact", "table", "crosslingual", "paraphrase")


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear-interpolated percentile (numpy's default), q in [0, 100]; None for no values."""
    xs = sorted(values)
    if not xs:
        return None
    pos = (len(xs) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def _mean(values: Iterable[float | bool]) -> float | None:
    xs = [float(v) for v in values]
    return sum(xs) / len(xs) if xs else None


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def summarise(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """All metrics for one group of item records (see eval/README.md for definitions)."""
    answerable = [r for r in records if not r["expected"]["refuse"]]
    expected_refuse = [r for r in records if r["expected"]["refuse"]]
    predicted_refuse = [r for r in records if r["refused"]]
    true_refusals = sum(1 for r in predicted_refuse if r["expected"]["refuse"])
    page_ranks = [r.get("page_rank") for r in answerable]
    chunk_ranks = [r.get("chunk_rank") for r in answerable]
    latencies = [float(r["latency_ms"]) for r in records if r.get("latency_ms") is not None and not r.get("error")]
    out: dict[str, Any] = {
        "n": len(records),
        "n_answerable": len(answerable),
        "n_unanswerable": len(expected_refuse),
        "errors": sum(1 for r in records if r.get("error")),
        "answer": _mean(bool(r["passed"]["answer"]) for r in records),
        "citation": _mean(bool(r["passed"]["citation"]) for r in answerable),
        "refusal_precision": _ratio(true_refusals, len(predicted_refuse)),
        "refusal_recall": _ratio(true_refusals, len(expected_refuse)),
    }
    for level, ranks in (("page", page_ranks), ("chunk", chunk_ranks)):
        out[f"{level}_hit1"] = _mean(rank == 1 for rank in ranks)
        out[f"{level}_hit5"] = _mean(rank is not None and rank <= 5 for rank in ranks)
        out[f"{level}_mrr"] = _mean(1.0 / rank if rank else 0.0 for rank in ranks)
    open_items = [r for r in answerable if r.get("points") is not None]
    out["points"] = _mean(r["points"] for r in open_items)
    out["points_any"] = _mean(r["points"] > 0 for r in open_items)
    out["first_page"] = _mean(bool(r["passed"].get("first_page")) for r in answerable
                              if r["passed"].get("first_page") is not None)
    facts = [r for r in answerable if r["kind"] in FACT_KINDS]
    out["fact_answer"] = _mean(bool(r["passed"]["answer"]) for r in facts)
    out["fact_words_median"] = percentile([r["words"] for r in facts if r.get("words") and not r["refused"]], 50)
    for lang in ("sv", "en"):
        mine = [r for r in records if r.get("lang") == lang]
        refused = [r for r in mine if r["refused"]]
        expected = [r for r in mine if r["expected"]["refuse"]]
        hits = sum(1 for r in refused if r["expected"]["refuse"])
        out[f"refusal_precision_{lang}"] = _ratio(hits, len(refused))
        out[f"refusal_recall_{lang}"] = _ratio(hits, len(expected))
    out["latency_p50_ms"] = percentile(latencies, 50)
    out["latency_p95_ms"] = percentile(latencies, 95)
    for name in ("faithfulness", "relevancy"):
        scores = [r["judge"][name] for r in records if (r.get("judge") or {}).get(name) is not None]
        out[name] = _mean(scores)
    return out


def compute_metrics(records: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """{"overall": {...}, "by_kind": {kind: {...}}}, kinds in first-seen order."""
    kinds = list(dict.fromkeys(r["kind"] for r in records))
    shapes = list(dict.fromkeys(str(r.get("shape")) for r in records if r.get("shape")))
    return {
        "overall": summarise(records),
        "by_kind": {k: summarise([r for r in records if r["kind"] == k]) for k in kinds},
        "by_lang": {lang: summarise([r for r in records if r.get("lang") == lang])
                    for lang in dict.fromkeys(str(r.get("lang")) for r in records if r.get("lang"))},
        "by_shape": {s: summarise([r for r in records if str(r.get("shape")) == s]) for s in shapes},
    }


def check_thresholds(metrics: Mapping[str, Any], minimums: Mapping[str, float] | None = None,
                     maximums: Mapping[str, float] | None = None) -> tuple[list[str], list[str]]:
    """(failures, notes) of the overall metrics against the gate.

    A metric that was not measured (None) is a note, not a failure: a run filtered
    to one kind cannot prove refusal recall either way.
    """
    overall = metrics["overall"]
    failures: list[str] = []
    notes: list[str] = []
    for name, bound in (minimums or {}).items():
        value = overall.get(name)
        if value is None:
            notes.append(f"{name}: not measured in this run (threshold {bound:g} not checked)")
        elif value < bound:
            failures.append(f"{name} = {value:.3f} is under the threshold {bound:g}")
    for name, bound in (maximums or {}).items():
        value = overall.get(name)
        if value is None:
            notes.append(f"{name}: not measured in this run (limit {bound:g} not checked)")
        elif value > bound:
            failures.append(f"{name} = {value:.1f} is over the limit {bound:g}")
    return failures, notes
