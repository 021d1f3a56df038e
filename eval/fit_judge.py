"""Fit the answer judge on the dev split: `python -m eval fit-judge`.

Every dev item is answered with the judge switched off (threshold 0), so each
answer records the judge's features; an item is a positive when the report
answers it, a negative when it does not (the judge decides answerability; the
composers decide what to quote). The logistic model and the threshold that answers
most dev items right are written to assistant/data/judge.json. The test split
is never read here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.answer.judge import FEATURES, WEIGHTS_FILE, JudgeModel, fit, save_model
from assistant.models import Answer, Turn
from eval.dataset import DEFAULT_DATASETS, load_datasets
from eval.runner import evaluate_item


class Unjudged:
    """An Assistant whose extractive answers skip the judge (features still recorded)."""

    def __init__(self, assistant: Any) -> None:
        from assistant.answer.engine import AnswerEngine

        self.assistant = assistant
        self.engine = AnswerEngine(assistant)

    def ask(self, question: str, history: list[Turn] | None = None, mode: str | None = None, **_: Any) -> Answer:
        return self.engine.answer(question, history=history or [], threshold=0.0)

    def retrieve(self, *args: Any, **kwargs: Any) -> Any:
        return self.assistant.retrieve(*args, **kwargs)

    @property
    def index(self) -> Any:
        return self.assistant.index


def collect(assistant: Any, paths: list[Path] | None = None, split: str = "dev",
            progress: Callable[[int, int], None] | None = None) -> list[dict[str, Any]]:
    """Records of the split's items answered without the judge (threshold 0)."""
    items = load_datasets([p for p in (paths or list(DEFAULT_DATASETS)) if Path(p).exists()], split=split)
    unjudged = Unjudged(assistant)
    records = []
    for i, item in enumerate(items, 1):
        records.append(evaluate_item(unjudged, item, None, None))
        if progress:
            progress(i, len(items))
    return records


def training_rows(records: list[dict[str, Any]]) -> tuple[list[list[float]], list[int]]:
    """(features, label) of every item the judge decided on (not the routed refusals, outline answers or
    the open questions a rule refused before the judge: an open answer sharing no word with the question)."""
    xs, ys = [], []
    for r in records:
        f = r.get("features") or {}
        if not f or f.get("decided_by_rule"):
            continue
        xs.append([float(f.get(name, 0.0)) for name in FEATURES])
        ys.append(int(not r["expected"]["refuse"]))
    return xs, ys


def out_of_fold(xs: list[list[float]], ys: list[int], l2: float, folds: int = 5) -> list[float]:
    """Each dev item's probability from a model fitted without it (k folds, fixed shuffle)."""
    import random

    from assistant.answer.judge import Features

    order = list(range(len(xs)))
    random.Random(0).shuffle(order)
    probs = [0.0] * len(xs)
    for k in range(folds):
        held = set(order[k::folds])
        train = [i for i in order if i not in held]
        model = fit([xs[i] for i in train], [ys[i] for i in train], l2=l2)
        for i in held:
            probs[i] = model.probability(Features(dict(zip(FEATURES, xs[i], strict=True))))
    return probs


def best_threshold(probs: list[float], ys: list[int]) -> float:
    """The cut that gets most held-out decisions right; ties go to the cut nearest 0.5.

    Chosen on out-of-fold probabilities: a cut chosen on the items the model was fitted on
    is too sure of itself (measured: in-sample 0.67 refused answerable questions on fresh items)."""
    best, best_key = 0.5, (-1, 0.0)
    for cut in [i / 100 for i in range(20, 81)]:
        right = sum((p >= cut) == bool(y) for p, y in zip(probs, ys, strict=True))
        key = (right, -abs(cut - 0.5))
        if key > best_key:
            best, best_key = cut, key
    return best


def fit_judge(assistant: Any, out: Path = WEIGHTS_FILE, l2: float = 1.0,
              progress: Callable[[int, int], None] | None = None) -> tuple[JudgeModel, dict[str, Any]]:
    records = collect(assistant, progress=progress)
    xs, ys = training_rows(records)
    model = fit(xs, ys, l2=l2, fitted_on=f"dev split, {len(xs)} judged items ({sum(ys)} positive)")
    threshold = best_threshold(out_of_fold(xs, ys, l2), ys)
    model = JudgeModel(model.weights, model.bias, model.mean, model.scale, threshold, model.features,
                       model.fitted_on)
    save_model(model, out)
    return model, {"items": len(records), "judged": len(xs), "positive": sum(ys), "threshold": threshold}
