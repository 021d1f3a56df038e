"""The answer judge: a logistic model fitted by a script, weights as data, generic features."""

from __future__ import annotations

import json
import random

from assistant.answer.judge import (
    FEATURES,
    PRIOR,
    Features,
    definite_nouns,
    fit,
    load_model,
    missing_rare,
    report_parts,
    save_model,
    unknown_names,
    unknown_topic,
)
from assistant.answer.question import analyse
from assistant.answer.route import topic_words
from assistant.textproc import stem, words


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


REPORT = {"remiss", "remisser", "stad", "arbet", "kompetensförsörjning", "äldre", "omsorg", "kommunikation"}


def _topic_unknown(question: str, evidence: set[str], lang: str = "sv") -> bool:
    q = analyse(question, [], lang)
    topic = {stem(w) for w in words(topic_words(q.text))}
    return unknown_topic(q, topic, evidence, lambda t, st: t in st, lambda t: t in REPORT, lambda p: p in REPORT)


def test_an_open_question_on_a_topic_the_report_lacks_is_told_from_a_paraphrase():
    # nothing in the report or in the quotes is about äldreomsorg (äldre and omsorg are not quoted)
    assert _topic_unknown("Sammanfatta arbetet med äldreomsorgen.", {"stad", "arbet"})
    # the same question is answered when a report word inside the compound is quoted
    assert not _topic_unknown("Sammanfatta arbetet med äldreomsorgen.", {"omsorg"})
    # a paraphrase ("remisstrycket") shares a report word with what is quoted ("remisser")
    assert not _topic_unknown("Vad gör staden åt remisstrycket?", {"remiss", "stad"})
    # a word the report has is never an unknown topic
    assert not _topic_unknown("Hur jobbar staden med kompetensförsörjning?", set())


def test_the_thing_a_question_wants_changed_is_its_topic_however_short():
    q = analyse("Vad gör staden för att minska köerna till förskolan?", [], "sv")
    topic = {stem(w) for w in words(topic_words(q.text))}
    nouns = definite_nouns(q, topic)
    assert nouns == {stem("köerna")}
    # "köerna" is too short a stem to be told a topic on its own; named as the thing to reduce, it is
    evidence = {stem("förskolan"), "stad"}
    assert not unknown_topic(q, topic, evidence, lambda t, st: t in st, lambda t: t in REPORT, lambda p: False)
    assert unknown_topic(q, topic, evidence, lambda t, st: t in st, lambda t: t in REPORT, lambda p: False, nouns)
    # a word for a change or a sum of what the report tells is no thing to change: "bytet till", "plusset på"
    for question in ("Sammanfatta hur långt man har kommit med bytet till ett nytt ekonomisystem.",
                     "Vad beror plusset på personalkostnader på?"):
        q = analyse(question, [], "sv")
        assert definite_nouns(q, {stem(w) for w in words(topic_words(q.text))}) == set()


def test_the_last_of_two_things_asked_may_be_a_phrase_of_its_own():
    # organised crime is told; "fusk med välfärdspengar" is a second thing, in words the report does not use
    q = analyse("Hur jobbar KS mot organiserad brottslighet och fusk med välfärdspengar?", [], "sv")
    topic = {stem(w) for w in words(topic_words(q.text))}
    report = REPORT | {stem("organiserad"), stem("brottslighet"), stem("kommunstyrelsen")}

    def unknown(evidence: set[str]) -> bool:
        return unknown_topic(q, topic, evidence, lambda t, st: t in st, lambda t: t in report, lambda p: False)

    assert not unknown({stem("organiserad"), stem("brottslighet"), "stad"})
    # neither thing told: the topic is unknown
    assert unknown({"stad"})


def test_the_shape_words_and_report_parts_are_not_the_topic():
    assert "sammanfatta" not in topic_words("Sammanfatta avsnittet om uppsiktsplikten").lower()
    assert "avsnittet" not in topic_words("Sammanfatta avsnittet om uppsiktsplikten").lower()
    assert "uppsiktsplikten" in topic_words("Sammanfatta avsnittet om uppsiktsplikten")
    # an English -ing verb or function word is not a topic ("doing", "trying")
    assert not _topic_unknown("How is the board trying to make communication clearer?", {"kommunikation"}, "en")
    assert _topic_unknown("How is the city regulating rental scooters?", set(), "en")


def test_a_cues_free_gap_is_the_topic():
    # "har (X) ökat": the cue is "har … ökat", X is what the question is about
    assert "orosanmälningar" in topic_words("Har antalet orosanmälningar till socialtjänsten ökat?")
    assert "ökat" not in topic_words("Har antalet orosanmälningar till socialtjänsten ökat?")


def test_report_parts_are_report_words_a_compound_starts_or_ends_with():
    assert "remiss" in report_parts("remisstryck", lambda p: p in REPORT)
    assert report_parts("vårdkö", lambda p: p in REPORT) == []


def test_a_short_first_part_or_a_head_needs_the_rest_of_the_compound_in_the_report():
    known = {"bygg", "ärend", "kartläggning", "lön", "krav"}.__contains__
    # «utbyggnad» and «ärenden» are the report's, "bygglov" is not: nothing quoted is about bygglovsärenden
    assert report_parts("bygglovsärend", known, lambda p: p in "utbyggnad") == []
    # a head whose first part the report writes inside its own words ("miljö" in «miljöfrågor») is a paraphrase
    assert report_parts("miljökrav", known, lambda p: p in "miljöfrågor") == ["krav"]
    assert report_parts("miljökrav", known) == []
    # a first part the report has as a word ("löne" is its «lön») leaves the head to meet
    assert report_parts("lönekartläggning", known) == ["kartläggning"]


def test_english_function_words_are_not_content():
    q = analyse("What is the city doing about its libraries?", [], "en")
    assert not {"doing", "its"} & set(q.terms)
