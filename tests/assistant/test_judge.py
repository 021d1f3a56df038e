"""The answer judge: a logistic model fitted by a script, weights as data, generic features."""

from __future__ import annotations

import json
import random

from assistant.answer.judge import FEATURES, PRIOR, Features, fit, load_model, missing_rare, save_model, unknown_names
from assistant.answer.question import analyse


def test_fit_separates_and_is_calibrated_on_synthetic_data():
    rng = random.Random(7)
    xs, ys = [], []
    for _ in range(400):
        y = rng.random() < 0.5
        cov = min(max(rng.gauss(0.75 if y else 0.25, 0.15), 0), 1)
        row = [0.0] * len(FEATURES)
        row[FEATURES.index("coverage")] = cov
        xs.append(row)
        ys.append(int(y))
    model = fit(xs, ys)
    probs = [model.probability(Features(dict(zip(FEATURES, x, strict=True)))) for x in xs]
    right = sum((p >= 0.5) == bool(y) for p, y in zip(probs, ys, strict=True)) / len(ys)
    assert right > 0.9
    # calibrated: among items scored 0.7–0.9 about that share is positive
    band = [y for p, y in zip(probs, ys, strict=True) if 0.7 <= p < 0.9]
    assert band and 0.55 <= sum(band) / len(band) <= 1.0
    assert model.weights[FEATURES.index("coverage")] > 0


def test_weights_round_trip_and_a_stale_file_falls_back_to_the_prior(tmp_path):
    model = fit([[0.0] * len(FEATURES), [1.0] * len(FEATURES)] * 5, [0, 1] * 5)
    path = tmp_path / "judge.json"
    save_model(model, path)
    assert load_model(str(path)).weights == model.weights
    raw = json.loads(path.read_text())
    raw["features"] = ["something", "else"]
    path.write_text(json.dumps(raw))
    load_model.cache_clear()
    assert load_model(str(path)) is PRIOR
    assert load_model(str(tmp_path / "missing.json")) is PRIOR


def test_shipped_weights_match_the_feature_set():
    load_model.cache_clear()
    model = load_model()
    assert model is not PRIOR, "assistant/data/judge.json is stale: run python -m eval fit-judge"
    assert 0.0 < model.threshold < 1.0 and "dev" in model.fitted_on


def test_unknown_names_are_names_the_report_never_mentions():
    corpus = {"malmö", "stockholm", "göteborg"}

    def known(w: str) -> bool:
        return w.lower() in corpus

    assert unknown_names(analyse("Hur stor är budgeten i Helsingborg?", []), known)
    assert not unknown_names(analyse("Hur samarbetar Malmö med Göteborg?", []), known)
    # English common words that the glossary knows are not names
    assert not unknown_names(analyse("How much did the City allocate to Malmö?", []), known)


def test_missing_rare_points_at_the_specific_word_the_evidence_lacks():
    q = analyse("Vad kostar biljetten till handbollsmästerskapet?", [])

    def idf(t: str) -> float:
        return 2.0

    def known(t: str) -> bool:
        return not t.startswith("biljet")

    def matched(t: str, stems: set[str]) -> bool:
        return t in stems

    everything = set(q.terms)
    assert missing_rare(q, everything, matched, idf, known, 200) == 0.0
    without_ticket = {t for t in q.terms if not t.startswith("biljet")}
    assert missing_rare(q, without_ticket, matched, idf, known, 200) == 1.0
