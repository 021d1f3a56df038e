"""Chunks follow the report's structure and carry the metadata citations need (ingest/chunking.py)."""

from __future__ import annotations

import json

from assistant.answer.extractive import units_of
from assistant.retrieval import IndexedChunk
from ingest.chunking import Chunker, count_tokens, is_label, split_sentences
from ingest.model import PagedText
from ingest.report_text import page_texts, paginate
from ingest.structure import parse_structure

TOLERANCE = 8  # tokens: separators between packed sentences/rows


def sentence_page(chunk, sentence: str) -> int:
    """The page of a sentence's first character, from the chunk's sentence_pages metadata."""
    marks = [tuple(m) for m in json.loads(chunk.metadata()["sentence_pages"])]
    return PagedText(chunk.text, marks).page_at(chunk.text.index(sentence))


def test_count_tokens_and_split_sentences():
    assert count_tokens("") == 0
    assert 0 < count_tokens("Malmö stad") < count_tokens("Malmö stad gav ut en social obligation på 600 miljoner kronor.")
    text = "Första meningen. Andra meningen har 4 500 medarbetare! Tredje?\nRad två: ett • Punkt två"
    sentences = [s for _, s in split_sentences(text)]
    assert sentences == ["Första meningen.", "Andra meningen har 4 500 medarbetare!", "Tredje?", "Rad två: ett",
                         "• Punkt två"]
    for offset, s in split_sentences(text):
        assert text[offset:offset + len(s)] == s
    # a full stop inside a number or before lowercase does not end a sentence
    assert len(split_sentences("Det gäller t.ex. ungefär 2,5 procent. Slut.")) == 2


def test_no_chunk_spans_two_goals(parsed, chunks):
    texts_of: dict[str, str] = {}
    for p in parsed.passages:
        texts_of[p.context.goal or ""] = texts_of.get(p.context.goal or "", "") + "\n" + p.body.text
    goal_pages = {g.title: g for g in parsed.goals}
    order = [g.title for g in parsed.goals]
    goal_chunks = [c for c in chunks if c.context.goal]
    assert {c.context.goal for c in goal_chunks} == set(order)
    for c in goal_chunks:
        g = goal_pages[c.context.goal]
        i = order.index(g.title)
        nxt = goal_pages[order[i + 1]].page if i + 1 < len(order) else 36
        assert g.page <= c.page <= c.page_end <= nxt, (c.context.goal, c.page, c.page_end)
        if c.kind != "table":
            for _, s in split_sentences(c.text):  # every sentence comes from this goal's own passages
                assert s in texts_of[c.context.goal], (c.context.goal, s)


def test_chunks_stay_within_the_token_budget(chunks):
    chunker = Chunker()
    for c in chunks:
        n = count_tokens(c.text)
        if c.kind == "table":
            assert n <= chunker.table_max_tokens + TOLERANCE, (n, c.text[:80])
            continue
        sentences = split_sentences(c.text)
        if len(sentences) == 1:
            continue  # one sentence longer than the budget cannot be split
        assert n <= chunker.max_tokens + TOLERANCE, (n, c.text[:80])


def test_small_budget_splits_sections_but_keeps_every_sentence(parsed):
    small = Chunker(max_tokens=60).chunk(parsed)
    default = Chunker().chunk(parsed)
    assert len(small) > len(default)
    for c in small:
        if c.kind != "table" and len(split_sentences(c.text)) > 1:
            assert count_tokens(c.text) <= 60 + TOLERANCE
    joined = "\n".join(c.text for c in small)
    for _, s in split_sentences("\n".join(p.body.text for p in parsed.passages)):
        assert s in joined


def test_table_chunks_start_with_title_and_header(parsed, chunks):
    tables = [c for c in chunks if c.kind == "table"]
    assert len(tables) >= len(parsed.tables)
    for c in tables:
        title, header = c.text.split("\n")[:2]
        assert title == c.extra["table_title"] and header == c.extra["table_header"]
        assert any(t.title == title and t.header == header for t in parsed.tables)
    income = next(c for c in tables if c.extra["table_title"] == "Resultaträkning")
    assert income.text.startswith("Resultaträkning\nTkr Prognos Budget Avvikelse\n")
    assert "Lönekostnader: Prognos -221 734 tkr, Budget -231 565 tkr, Avvikelse 9 831 tkr" in income.text.split("\n")
    assert income.metadata()["table_unit"] == "Tkr"


def test_long_table_is_split_by_rows_with_the_header_repeated():
    rows = "\n\n".join(f"Verksamhet nummer {chr(65 + i % 26)}{i} -{i + 10} 100 -{i + 9} 900 -200 " for i in range(80))
    text = f"Ekonomi \n\nTabell - Långa tabellen, Tkr \n\nTkr Prognos Budget Avvikelse \n\n{rows}\n"
    lines, _, _ = paginate(text)
    report = parse_structure(lines, source="lang.txt", title="Lång 2025", pages=page_texts(lines), warnings=[])
    assert len(report.tables) == 1 and len(report.tables[0].rows) == 80
    pieces = [c for c in Chunker(table_max_tokens=150).chunk(report) if c.kind == "table"]
    assert len(pieces) >= 4
    seen = []
    for c in pieces:
        lines_ = c.text.split("\n")
        assert lines_[:2] == ["Tabell - Långa tabellen, Tkr", "Tkr Prognos Budget Avvikelse"]
        assert count_tokens(c.text) <= 150 + TOLERANCE
        seen += lines_[2:]
    assert len(seen) == 80 and len(set(seen)) == 80
    assert seen[0].startswith("Verksamhet nummer A0: Prognos -10 100 tkr")
    assert len({c.id for c in pieces}) == len(pieces)


def test_metadata_fields(chunks):
    kinds = {c.kind for c in chunks}
    assert kinds == {"text", "table", "assessment"}
    for c in chunks:
        m = c.metadata()
        for key in ("source", "page", "page_end", "section", "goal", "goal_area", "kind", "sentence_pages"):
            assert key in m, key
        assert m["source"] == "delarsrapport-2025-kommunstyrelsen.txt"
        assert 4 <= m["page"] <= m["page_end"] <= 47
        assert all(isinstance(v, (str, int, float, bool)) for v in m.values()), m
        marks = json.loads(m["sentence_pages"])
        assert marks[0] == [0, m["page"]]
        assert [p for _, p in marks] == sorted(p for _, p in marks)
        assert marks[-1][1] <= m["page_end"]
    assert len({c.id for c in chunks}) == len(chunks)
    bond = next(c for c in chunks if "600 miljoner kronor" in c.text)
    m = bond.metadata()
    assert m["goal_area"] == "En mer jämlik stad"
    assert m["goal"].startswith("Malmö stad arbetar för stärkt delaktighet")
    assert m["section"].endswith("Malmö först i Sverige med att ge ut en social obligation")
    assert m["kind"] == "text"
    status = [c for c in chunks if c.kind == "assessment" and "Bedömning: Förväntas uppnås." in c.text]
    assert len(status) == 12


def test_sentence_pages_map_the_bond_sentence_to_page_28(chunks):
    bond = next(c for c in chunks if "600 miljoner kronor" in c.text)
    sentence = next(s for _, s in split_sentences(bond.text) if "600 miljoner kronor" in s)
    assert sentence == "Som första kommun i Sverige har Malmö gett ut en social obligation på 600 miljoner kronor."
    assert sentence_page(bond, sentence) == 28


def test_sentence_over_a_page_break_is_cited_where_most_of_it_stands(chunks):
    sentence = "Totalt har 4 500 medarbetare tecknat sig för förmånscykel sedan start."
    c = next(c for c in chunks if sentence in c.text)
    assert c.page == 23 and c.page_end == 24
    assert sentence_page(c, sentence) == 23  # its first word ("Totalt") is still on page 23 …
    meta = {**c.metadata(), "search_text": c.search_text}
    units = units_of(IndexedChunk(id=c.id, text=c.text, meta=meta, collection="x"), 0)
    assert [u.page for u in units if u.text == sentence] == [24]  # … but it is cited on page 24


def test_a_run_in_label_starts_a_chunk_and_its_sentences_read_with_it(chunks):
    """"Personalkostnader + 7 Mkr" names the deviation the paragraph under it explains."""
    labelled = [c for c in chunks if c.text.startswith("Personalkostnader + 7 Mkr\n")]
    assert len(labelled) == 1 and "vakanser" in labelled[0].text
    for c in chunks:  # no label is left at the end of a chunk, cut off from what it names
        if c.kind != "table" and "\n" in c.text.strip():
            last = c.text.strip().rsplit("\n", 1)[1]
            assert not is_label(last, c.text.strip(), len(c.text.strip()) - len(last)), last
    chunk = IndexedChunk(id="x", text=labelled[0].text, meta=labelled[0].metadata(), collection="x")
    cause = next(u for u in units_of(chunk, 0) if "vakanser" in u.text)
    assert "personalkostnad" in cause.label
    assert not is_label("Det prognostiserade resultatet är en nettoavvikelse.", "x", 0)

