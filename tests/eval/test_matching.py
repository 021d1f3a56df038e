"""Answer/citation matching: differently written amounts are the same fact."""

from __future__ import annotations

import pytest

from assistant.models import Citation
from eval.matching import check_citations, chunk_rank, covers_page, missing_facts, page_rank

NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"


@pytest.mark.parametrize("text", ["600 Mkr", "600 miljoner kronor", "600 000 tkr", "SEK 600 million",
                                  "0,6 miljarder kronor"])
@pytest.mark.parametrize("fact", ["600 Mkr", "600 miljoner kronor", "600 000 tkr", "SEK 600 million"])
def test_money_units_are_equivalent(fact, text):
    assert missing_facts([fact], f"Obligationen var på {text}.") == []


def test_money_scale_mismatch_is_not_equal():
    assert missing_facts(["600 Mkr"], "Obligationen var på 600 tkr.") == ["600 Mkr"]


@pytest.mark.parametrize("text", ["13,9", "13.9"])
def test_decimal_comma_and_point(text):
    assert missing_facts(["13,9 Mkr"], f"ett överskott på {text} Mkr") == []
    assert missing_facts(["13,9"], f"ett överskott på {text} Mkr") == []


@pytest.mark.parametrize("text", ["-221 734 tkr", "\u2212221 734 tkr", "lönekostnaderna blir 221 734 tkr"])
def test_negative_written_with_sign_or_in_words(text):
    assert missing_facts(["-221 734"], f"Prognos: {text}.") == []


def test_negative_fact_needs_the_sign_somewhere():
    assert missing_facts(["-221 734"], "Intäkterna blir 221 734 tkr.") == ["-221 734"]


@pytest.mark.parametrize("sep", [" ", NBSP, THIN, NNBSP, ""])
def test_thousands_separators(sep):
    assert missing_facts(["221 734"], f"Summa 221{sep}734 tkr") == []


def test_text_facts_and_several_facts():
    text = "Samarbete med kulturskolan och Region Skåne."
    assert missing_facts(["kulturskolan", "Region Skåne", "fritidsförvaltningen"], text) == ["fritidsförvaltningen"]


def _cite(n: int, page: int, quote: str) -> Citation:
    return Citation(n=n, page=page, section="", goal=None, goal_area=None, quote=quote, source="r.txt")


def test_citation_needs_fact_on_expected_page():
    ok = check_citations(["600 Mkr"], [28], [_cite(1, 28, "en social obligation på 600 miljoner kronor")])
    assert ok.ok and ok.supporting == [1]
    wrong_page = check_citations(["600 Mkr"], [28], [_cite(1, 27, "600 miljoner kronor")])
    assert not wrong_page.ok and "quoted from p. [27]" in wrong_page.why[0]
    no_fact = check_citations(["600 Mkr"], [28], [_cite(1, 28, "en social obligation")])
    assert not no_fact.ok and "in no cited quote" in no_fact.why[0]
    assert not check_citations(["600 Mkr"], [28], []).ok


def test_citation_facts_may_come_from_different_citations():
    cites = [_cite(1, 14, "kulturskolan"), _cite(2, 14, "Region Skåne"), _cite(3, 2, "fritidsförvaltningen")]
    check = check_citations(["kulturskolan", "Region Skåne", "fritidsförvaltningen"], [14], cites)
    assert not check.ok and len(check.why) == 1
    assert check_citations(["kulturskolan", "Region Skåne"], [14], cites).supporting == [1, 2]


def test_citation_check_reads_json_dicts_too():
    assert check_citations(["78 Mkr"], [6, 11], [{"n": 1, "page": 11, "quote": "78 miljoner kronor"}]).ok


def test_page_and_chunk_rank():
    retrieved = [
        {"id": "a", "page": 3, "page_end": 3, "text": "inget"},
        {"id": "b", "page": 27, "page_end": 29, "text": "600 Mkr"},
        {"id": "c", "page": 28, "page_end": 28, "text": "obligation 600 miljoner kronor"},
    ]
    assert covers_page(retrieved[1], [28]) and not covers_page(retrieved[0], [28])
    assert covers_page({"page": 5}, [5])  # page_end missing: one page
    assert page_rank(retrieved, [28]) == 2
    assert page_rank(retrieved, [40]) is None
    assert chunk_rank(retrieved, ["600 Mkr"]) == 2
    assert chunk_rank(retrieved, ["600 Mkr", "obligation"]) == 3
    assert chunk_rank(retrieved, ["600 Mkr"], text_of=lambda c: "" if c["id"] == "b" else c["text"]) == 3
