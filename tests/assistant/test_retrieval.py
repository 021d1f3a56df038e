"""Hybrid retrieval over the real index, and the filters (assistant/retrieval.py)."""

from __future__ import annotations

import pytest
from llama_index.core.schema import QueryBundle

from assistant.models import Filters
from assistant.retrieval import BM25Retriever, FusionRetriever, IndexedChunk, chroma_where, matches

SEGREGATION = "Malmö stad arbetar för att staden ska bli fri från segregation"


def pages(hits) -> list[int]:
    return [c.page for c, _ in hits]


def test_bond_question_finds_page_28_in_the_top_3(assistant):
    hits = assistant.retrieve("Hur stor var den sociala obligationen?")
    assert 28 in pages(hits)[:3], pages(hits)
    assert any("600 miljoner kronor" in c.text for c, _ in hits[:3])


def test_swedish_compound_question_finds_the_bike_benefit(assistant):
    hits = assistant.retrieve("Hur många har tecknat sig för förmånscykel?")
    top = hits[:3]
    assert any(c.page in (23, 24) and "4 500 medarbetare" in c.text for c, _ in top), pages(hits)


def test_scores_are_sorted_and_k_is_respected(assistant):
    hits = assistant.retrieve("kompetenshöjande insatser", k=5)
    assert len(hits) == 5
    scores = [s for _, s in hits]
    assert scores == sorted(scores, reverse=True)
    assert len({c.id for c, _ in hits}) == 5


@pytest.mark.parametrize("filters", [
    Filters(goal_area="En mer jämlik stad"),
    Filters(goal=SEGREGATION),
    Filters(page_from=40, page_to=45),
    Filters(goal_area="God ekonomisk hushållning i Malmö stad", page_to=38),
])
def test_filters_restrict_every_hit(assistant, filters):
    hits = assistant.retrieve("kostnader och arbete under året", filters, k=8)
    assert hits
    for c, _ in hits:
        m = c.meta
        assert matches(m, filters)
        if filters.goal_area:
            assert m["goal_area"] == filters.goal_area
        if filters.goal:
            assert m["goal"] == filters.goal
        if filters.page_from:
            assert m["page_end"] >= filters.page_from
        if filters.page_to:
            assert m["page"] <= filters.page_to


def test_filter_changes_the_answer_set(assistant):
    everywhere = assistant.retrieve("Hur stor var den sociala obligationen?", k=8)
    elsewhere = assistant.retrieve("Hur stor var den sociala obligationen?", Filters(page_from=40), k=8)
    assert 28 in pages(everywhere) and 28 not in pages(elsewhere)
    # a filter on one call does not leak into the next (per-call copies)
    assert pages(assistant.retrieve("Hur stor var den sociala obligationen?", k=8)) == pages(everywhere)


def test_matches_on_metadata():
    meta = {"source": "a.txt", "goal_area": "X", "goal": "G", "page": 10, "page_end": 12}
    assert matches(meta, None) and matches(meta, Filters())
    assert matches(meta, Filters(goal_area="X", goal="G", source="a.txt"))
    assert not matches(meta, Filters(goal_area="Y"))
    assert not matches(meta, Filters(goal="H"))
    assert not matches(meta, Filters(source="b.txt"))
    assert matches(meta, Filters(page_from=12)) and not matches(meta, Filters(page_from=13))
    assert matches(meta, Filters(page_to=10)) and not matches(meta, Filters(page_to=9))


def test_chroma_where():
    assert chroma_where(None) is None
    assert chroma_where(Filters()) is None
    assert chroma_where(Filters(goal_area="X")) == {"goal_area": "X"}
    assert chroma_where(Filters(goal_area="X", goal="G", page_from=3, page_to=9, source="a.txt")) == {"$and": [
        {"source": "a.txt"}, {"goal_area": "X"}, {"goal": "G"}, {"page_end": {"$gte": 3}}, {"page": {"$lte": 9}},
    ]}
    assert chroma_where(Filters(page_from=3, page_to=9)) == {"$and": [{"page_end": {"$gte": 3}}, {"page": {"$lte": 9}}]}


def chunk(i: int, text: str, **meta) -> IndexedChunk:
    return IndexedChunk(id=f"c{i}", text=text, meta={"page": i, "page_end": i, **meta}, collection="x")


def test_bm25_alone_on_a_small_corpus():
    chunks = [
        chunk(1, "Staden gav ut en social obligation på 600 miljoner kronor.", goal_area="A"),
        chunk(2, "Förmånscykel lockar allt fler medarbetare.", goal_area="B"),
        chunk(3, "Budgeten för investeringar följs.", goal_area="B"),
    ]
    bm25 = BM25Retriever(chunks, [c.text for c in chunks], k=3)
    hits = bm25.retrieve(QueryBundle("sociala obligationer"))
    assert [n.node.node_id for n in hits] == ["c1"]  # stems: obligationer ~ obligation; no zero-score hits
    assert bm25.retrieve(QueryBundle("helt orelaterat ord")) == []
    bm25.filters = Filters(goal_area="B")
    assert bm25.retrieve(QueryBundle("sociala obligationer")) == []
    assert [n.node.node_id for n in bm25.retrieve(QueryBundle("cykel medarbetare"))] == ["c2"]


def test_fusion_sums_normalised_scores():
    chunks = [chunk(i, t) for i, t in enumerate(
        ["obligation kronor", "obligation", "cykel", "cykel medarbetare kronor"], 1)]
    a = BM25Retriever(chunks, [c.text for c in chunks])
    b = BM25Retriever(chunks, [c.text for c in chunks])
    fused = FusionRetriever([a, b], weights=[1.0, 0.5], k=2).retrieve(QueryBundle("obligation kronor"))
    assert fused[0].node.node_id == "c1"
    assert fused[0].score == pytest.approx(1.5)  # best in both: 1.0 * 1 + 0.5 * 1
    assert len(fused) == 2
