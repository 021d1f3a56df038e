"""Metrics on hand-made answers: correctness, citations, refusals, retrieval, latency."""

from __future__ import annotations

import pytest

from assistant.models import Answer, Citation
from eval.dataset import Item
from eval.metrics import check_thresholds, compute_metrics, percentile
from eval.runner import evaluate_item


def cite(page: int, quote: str) -> Citation:
    return Citation(n=1, page=page, section="", goal=None, goal_area=None, quote=quote, source="r.txt")


def ranked(*pages: int) -> list[dict]:
    return [{"id": f"c{i}", "page": p, "page_end": p, "text": f"sida {p}"} for i, p in enumerate(pages)]


class Canned:
    """An assistant that returns a prepared Answer per question."""

    def __init__(self, answers: dict[str, Answer]) -> None:
        self.answers = answers

    def ask(self, question: str, *, history=None, filters=None, mode=None, lang=None) -> Answer:
        return self.answers[question]

    def retrieve(self, query, filters=None, k=None):
        return []


def item(id_: str, kind: str = "fact", facts=("600 Mkr",), pages=(28,), refuse: bool = False) -> Item:
    return Item(id=id_, question=id_, lang="sv", kind=kind, facts=tuple(facts), pages=tuple(pages), refuse=refuse)


def answer(q: str, text: str, refused: bool = False, citations=(), retrieved=(), latency: float = 10.0) -> Answer:
    return Answer(question=q, answer=text, refused=refused, citations=list(citations), retrieved=list(retrieved),
                  latency_ms=latency)


@pytest.fixture()
def records() -> list[dict]:
    items_and_answers = [
        # right answer, right citation, right page at rank 1
        (item("a"), answer("a", "600 miljoner kronor [1]", citations=[cite(28, "600 miljoner kronor")],
                           retrieved=ranked(28, 3), latency=10)),
        # right answer, citation from the wrong page; right page at rank 2
        (item("b"), answer("b", "600 Mkr [1]", citations=[cite(27, "600 Mkr")], retrieved=ranked(27, 28), latency=20)),
        # refused an answerable table question; page never retrieved
        (item("c", kind="table", facts=("-221 734",), pages=(43,)),
         answer("c", "Det framgår inte av rapporten.", refused=True, retrieved=ranked(1, 2), latency=30)),
        # unanswerable, correctly refused
        (item("d", kind="unanswerable", facts=(), pages=(), refuse=True),
         answer("d", "Det framgår inte.", refused=True, latency=40)),
        # unanswerable, wrongly answered
        (item("e", kind="unanswerable", facts=(), pages=(), refuse=True), answer("e", "Räntan är 3 %.", latency=50)),
    ]
    assistant = Canned({i.question: a for i, a in items_and_answers})
    return [evaluate_item(assistant, i) for i, _ in items_and_answers]


def test_item_records(records):
    a, b, c, d, e = records
    assert a["ok"] and a["why"] == [] and a["page_rank"] == 1
    assert not b["ok"] and b["passed"]["answer"] and not b["passed"]["citation"] and b["page_rank"] == 2
    assert "quoted from p. [27]" in b["why"][0]
    assert c["why"] == ["refused an answerable question"] and c["page_rank"] is None
    assert d["ok"] and d["passed"]["citation"] is None and d["page_rank"] is None
    assert not e["ok"] and "expected a refusal" in e["why"][0]


def test_overall_metrics(records):
    m = compute_metrics(records)["overall"]
    assert m["n"] == 5 and m["n_answerable"] == 3 and m["n_unanswerable"] == 2
    assert m["answer"] == pytest.approx(3 / 5)  # a, b, d
    assert m["citation"] == pytest.approx(1 / 3)  # a only, of the answerable
    assert m["refusal_precision"] == pytest.approx(1 / 2)  # refused c (wrong) and d (right)
    assert m["refusal_recall"] == pytest.approx(1 / 2)  # d refused, e answered
    assert m["page_hit1"] == pytest.approx(1 / 3)
    assert m["page_hit5"] == pytest.approx(2 / 3)
    assert m["page_mrr"] == pytest.approx((1 + 1 / 2 + 0) / 3)
    assert m["chunk_hit5"] == 0.0  # no chunk text holds "600 Mkr"
    assert m["latency_p50_ms"] == pytest.approx(30)
    assert m["latency_p95_ms"] == pytest.approx(48)
    assert m["faithfulness"] is None and m["errors"] == 0


def test_metrics_by_kind(records):
    by_kind = compute_metrics(records)["by_kind"]
    assert list(by_kind) == ["fact", "table", "unanswerable"]
    assert by_kind["fact"]["answer"] == 1.0 and by_kind["fact"]["citation"] == 0.5
    assert by_kind["fact"]["refusal_precision"] is None  # nothing refused: undefined, not 0 or 1
    assert by_kind["fact"]["refusal_recall"] is None
    assert by_kind["table"]["refusal_precision"] == 0.0
    assert by_kind["unanswerable"]["citation"] is None and by_kind["unanswerable"]["page_hit1"] is None
    assert by_kind["unanswerable"]["refusal_precision"] == 1.0


def test_crash_counts_as_failure_and_error():
    class Boom(Canned):
        def ask(self, question, **kw):
            raise RuntimeError("index gone")

    rec = evaluate_item(Boom({}), item("x"))
    assert not rec["ok"] and rec["error"] == "RuntimeError: index gone" and rec["why"][0].startswith("error:")
    m = compute_metrics([rec])["overall"]
    assert m["errors"] == 1 and m["answer"] == 0.0 and m["latency_p50_ms"] is None


def test_percentile():
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(1, 101)), 95) == pytest.approx(95.05)


def test_check_thresholds(records):
    metrics = compute_metrics(records)
    failures, notes = check_thresholds(metrics, {"answer": 0.5, "citation": 0.9}, {"latency_p95_ms": 45})
    assert len(failures) == 2 and "citation" in failures[0] and "latency_p95_ms" in failures[1]
    assert notes == []
    fact_only = compute_metrics([r for r in records if r["kind"] == "fact"])
    failures, notes = check_thresholds(fact_only, {"refusal_recall": 0.9})
    assert failures == [] and "not measured" in notes[0]
