"""The report's structure: goal areas, goals, statuses, tables, wrapped words, nothing lost
(ingest/structure.py, ingest/pipeline.py)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from ingest.errors import IngestError
from ingest.model import Line
from ingest.pipeline import parse_report
from ingest.report_text import page_texts, paginate, read_text_file
from ingest.structure import join_wrapped, parse_structure, split_blocks
from tests.conftest import REPORT

GOAL_AREAS = [
    "En stad med goda uppväxtvillkor för barn och unga",
    "En attraktiv stad för arbete och hållbar tillväxt",
    "En grön stad som leder klimatomställningen",
    "En mer jämlik stad",
    "En god organisation",
    "God ekonomisk hushållning i Malmö stad",
]
WORD = re.compile(r"[^\W\d_]{4,}")


def table(parsed, title: str):
    found = [t for t in parsed.tables if t.title == title or t.title.startswith(title)]
    assert found, f"no table {title!r}; tables: {[t.title for t in parsed.tables]}"
    return found[0]


def row(tbl, label: str):
    found = [r for r in tbl.rows if r.label == label]
    assert len(found) == 1, (label, [r.label for r in tbl.rows])
    return found[0]


# -- goal areas, goals, statuses ----------------------------------------------
def test_six_goal_areas_in_order(parsed):
    assert parsed.goal_areas == GOAL_AREAS


def test_twelve_goals_with_their_goal_areas(parsed):
    goals = parsed.goals
    assert len(goals) == 12
    by_title = {g.title: g for g in goals}
    assert by_title["Malmö stad arbetar för att ge barn och unga goda uppväxtvillkor"].goal_area == GOAL_AREAS[0]
    assert by_title["Malmö stad arbetar för att staden ska bli fri från segregation"].goal_area == "En mer jämlik stad"
    assert by_title[
        "Malmö är en föregångare när det gäller minskade utsläpp av växthusgaser och är en klimatneutral stad 2030"
    ].goal_area == "En grön stad som leder klimatomställningen"
    # a goal title wrapped over several lines is joined whole
    assert by_title[
        "Malmö stad arbetar för stärkt delaktighet och ökad social sammanhållning genom lokal utveckling samt goda "
        "och tillgängliga livsmiljöer i hela staden"
    ].page == 27
    assert by_title["Malmö stad ger en god och likvärdig service"].goal_area == "En god organisation"
    per_area = Counter(g.goal_area for g in goals)
    assert [per_area[a] for a in GOAL_AREAS] == [1, 3, 2, 3, 3, 0]
    assert [g.page for g in goals] == sorted(g.page for g in goals)


def test_every_goal_is_expected_to_be_met_on_its_status_page(parsed):
    lines, _, _ = paginate(read_text_file(REPORT))
    status_pages = [ln.page for ln in lines if ln.text.strip() == "Förväntas uppnås"]
    assert [g.status for g in parsed.goals] == ["Förväntas uppnås"] * 12
    assert [g.status_page for g in parsed.goals] == status_pages
    assert parsed.goals[0].status_page == 14
    for g, nxt in zip(parsed.goals, [*parsed.goals[1:], None], strict=True):
        assert g.page <= g.status_page <= (nxt.page if nxt else 36)


def test_assessment_passages_belong_to_their_goal(parsed):
    assessments = [p for p in parsed.passages if p.kind == "assessment"]
    statuses = [p for p in assessments if p.body.text == "Bedömning: Förväntas uppnås."]
    assert [p.context.goal for p in statuses] == [g.title for g in parsed.goals]
    assert all(p.context.goal for p in assessments)


def test_report_title_year_and_pages(parsed):
    assert parsed.title == "Delårsrapport 2025, Kommunstyrelsen"
    assert parsed.year == 2025
    assert parsed.source == REPORT.name
    assert parsed.warnings == []
    assert min(parsed.pages) == 4 and max(parsed.pages) == 47


def test_passages_know_their_section(parsed):
    bond = next(p for p in parsed.passages if "600 miljoner kronor" in p.body.text)
    assert bond.context.path[-1] == "Malmö först i Sverige med att ge ut en social obligation"
    assert bond.context.goal_area == "En mer jämlik stad"
    assert bond.body.page_at(bond.body.text.index("600 miljoner")) == 28


# -- tables --------------------------------------------------------------------
def test_a_heading_in_capitals_holds_the_headings_after_it(parsed):
    sections = {p.context.section for p in parsed.passages}
    office = "Analys av avvikelse i förhållande till nämndens driftbudget › STADSKONTORETS VERKSAMHET"
    assert f"{office} › Kommunbidragsfinansierad verksamhet" in sections  # the cost lines it explains
    assert f"{office} › Solidariskt och intäktsfinansierad verksamhet" in sections
    # a heading that opens like the top one is its sibling, not a third level under the capitals
    assert "Analys av avvikelse i förhållande till nämndens investeringsram" in sections


def test_income_statement_row_has_values_by_header(parsed):
    t = table(parsed, "Resultaträkning")
    assert t.columns == ["Prognos", "Budget", "Avvikelse"]
    assert t.unit == "Tkr"
    assert t.header == "Tkr Prognos Budget Avvikelse"
    assert t.page == 43
    r = row(t, "Lönekostnader")
    assert r.values == ["-221 734", "-231 565", "9 831"]
    assert r.page == 43
    assert row(t, "Totala personalkostnader").values == ["-316 529", "-330 311", "13 782"]
    assert t.row_text(r) == "Lönekostnader: Prognos -221 734 tkr, Budget -231 565 tkr, Avvikelse 9 831 tkr"


def test_net_cost_development_row(parsed):
    t = table(parsed, "Nettokostnadsutveckling")
    assert t.columns == ["Prognos 2025", "Utfall 2024", "Förändring i %"]
    assert row(t, "Intäkter").values == ["247 738", "248 895", "-0,5"]
    assert row(t, "Kostnader").values == ["-744 115", "-741 879", "0,3"]


def test_budget_area_table_keeps_the_comment_column(parsed):
    t = table(parsed, "Tabell - Uppdelningen av stadskontorets nämndsbudget i budgetområden")
    assert t.columns == ["Budget", "Prognos DR", "Avvikelse"]
    assert t.unit == "Tkr"
    juridik = row(t, "Juridik")
    assert juridik.values == ["-10 524", "-11 024", "-500"]
    assert juridik.comment == "Visselblåsarfunktionen, externa utredningar"
    it = row(t, "Stadsövergripande IT-system")
    assert it.comment == "Utvecklingskostnader 800 Tkr, intäkter ADDA 800 Tkr"
    assert row(t, "SUMMA").values == ["-338 915", "-336 602", "2 313"]
    assert len(t.rows) == 20


def test_wrapped_label_gets_the_numbers_on_the_next_line(parsed):
    t = table(parsed, "Tabell - Kommunstyrelsens anslag, Mkr")
    assert t.unit == "Mkr"
    r = row(t, "Kommunstyrelsens anslag för stadigvarande medlemsavgifter och bidrag")
    assert r.values == ["91,3", "85,6", "5,7"]
    assert [x.label for x in t.rows] == [
        "Arvoden och övriga kostnader",
        "Kommunstyrelsens anslag för stadigvarande medlemsavgifter och bidrag",
        "Kommunstyrelsens anslag för projekt- och utredningar",
        "SUMMA",
    ]


def test_label_ending_in_a_year_keeps_the_year(parsed):
    t = table(parsed, "Tabell - Uppdelningen av stadskontorets nämndsbudget i budgetområden")
    r = row(t, "Befolkningsprognos, analyser och uppföljning av Agenda 2030")
    assert r.values == ["-10 333", "-9 764", "569"]


# -- wrapped words -------------------------------------------------------------
def test_hyphenated_compound_is_rejoined(parsed):
    texts = " ".join(p.body.text for p in parsed.passages)
    assert "MalmöLundregion-samarbetet" in texts
    assert "MalmöLundregion- samarbetet" not in texts


def test_word_broken_in_a_table_cell_is_rejoined(parsed):
    t = table(parsed, "Tabell - Uppdelningen av stadskontorets nämndsbudget i budgetområden")
    labels = [r.label for r in t.rows]
    assert "Arbetsmarknad/kompetensförsörjning, näringsliv och externa relationer" in labels
    assert not any("kompetensförsö " in x or "rjning" in x.split() for x in labels)


def test_no_word_of_the_source_is_lost(parsed):
    """Every word of >= 4 letters in the source appears (as often) in the parsed passages, table
    rows, headings and table titles/headers, except the running header line; the only words that
    may be missing are the two halves of a word broken at a line end, and only if rejoined."""
    source: Counter[str] = Counter()
    for raw in REPORT.read_text(encoding="utf-8").split("\n"):
        if re.search(r"\d+\(47\)\s*$", raw):
            continue
        source.update(WORD.findall(raw))
    parts = [p.body.text for p in parsed.passages] + [h for h, _ in parsed.headings]
    for t in parsed.tables:
        parts += [t.title, t.header, *t.notes]
        parts += [f"{r.label} {' '.join(r.values)} {r.comment}" for r in t.rows]
    got = Counter(WORD.findall("\n".join(parts)))
    missing = sorted(w for w, n in source.items() if got[w] < n)
    assert missing in ([], ["kompetensförsö", "rjning"]), missing
    if missing:
        assert got["kompetensförsörjning"] >= source["kompetensförsörjning"] + 1


# -- building blocks on small inputs ---------------------------------------------
def lines_of(*texts: str, page: int = 1) -> list[Line]:
    return [Line(text=t, page=page) for t in texts]


def test_join_wrapped_rejoins_split_words_and_keeps_pages():
    ls = [Line("Inom MalmöLundregion-", 3), Line("samarbetet har arbetet gått bra. ", 3),
          Line("Arbetsmarknad/kompetensförsö", 4), Line("rjning och mer ", 4), Line("Nästa rad", 4)]
    out = join_wrapped(ls)
    assert out.text == ("Inom MalmöLundregion-samarbetet har arbetet gått bra. "
                        "Arbetsmarknad/kompetensförsörjning och mer Nästa rad")
    assert out.page_at(0) == 3
    assert out.page_at(out.text.index("Arbetsmarknad")) == 4
    # a line with a trailing space ends a word: no rejoin even before lowercase
    assert join_wrapped(lines_of("Malmö stad ", "arbetar")).text == "Malmö stad arbetar"
    assert join_wrapped(lines_of("ett så kallat - ", "tankestreck")).text == "ett så kallat - tankestreck"


def test_split_blocks_on_blank_lines_and_uppercase_page_starts():
    ls = [Line("Första stycket slutar här. ", 1), Line("", 1), Line("Andra stycket ", 1),
          Line("slutar här. ", 1), Line("Ny sida börjar ett nytt stycke. ", 2, True),
          Line("Stycket fortsätter över ", 2), Line("sidbrytningen med liten bokstav. ", 3, True)]
    blocks = split_blocks(ls)
    assert [b.texts for b in blocks] == [
        ["Första stycket slutar här."],
        ["Andra stycket", "slutar här."],
        ["Ny sida börjar ett nytt stycke.", "Stycket fortsätter över", "sidbrytningen med liten bokstav."],
    ]


def synthetic(text: str):
    warnings: list[str] = []
    lines, _, title = paginate(text, warnings)
    return parse_structure(lines, source="x.txt", title=title or "X", pages=page_texts(lines), warnings=warnings)


def test_goal_structure_on_a_small_report():
    r = synthetic(
        "Målområde - En trygg stad \n\n"
        "Kommunfullmäktigemål - Malmö stad arbetar för trygghet \n\n"
        "Uppföljning av bidrag till kommunfullmäktigemålet \n\n"
        "Fler trygghetsvandringar \n\n"
        "Under året har staden genomfört fler trygghetsvandringar än tidigare och \n"
        " invånarna har deltagit i stor utsträckning. \n\n"
        "Bedömning av förväntad utveckling av bidrag till kommunfullmäktigemålet för året \n\n"
        " Förväntas uppnås \n\n"
        "Bedömningen är att bidraget till målet uppnås eftersom arbetet går enligt plan. \n"
    )
    assert r.goal_areas == ["En trygg stad"]
    assert [(g.title, g.goal_area, g.status, g.status_page) for g in r.goals] == [
        ("Malmö stad arbetar för trygghet", "En trygg stad", "Förväntas uppnås", 2)]
    body = next(p for p in r.passages if "trygghetsvandringar" in p.body.text)
    # a paragraph that runs over a page break is one passage, with both pages
    assert "tidigare och invånarna har deltagit" in body.body.text
    assert body.body.first_page == 1 and body.body.last_page == 2
    assert body.context.path == ("Uppföljning av bidrag till kommunfullmäktigemålet", "Fler trygghetsvandringar")
    assert body.kind == "text"
    last = r.passages[-1]
    assert last.kind == "assessment" and last.context.goal == "Malmö stad arbetar för trygghet"
    assert r.warnings == []


def test_text_without_structure_becomes_plain_sections_with_a_warning(tmp_path):
    p = tmp_path / "anteckningar.txt"
    p.write_text(
        "det här är en anteckning utan rubriker och den fortsätter på flera rader, \n"
        "utan att någonsin bli en rubrik eller en tabell. \n\n"
        "ännu ett stycke med vanlig text som också slutar med punkt. \n",
        encoding="utf-8",
    )
    r = parse_report(p)
    assert r.goals == [] and r.goal_areas == [] and r.tables == []
    assert len(r.passages) == 2
    assert "anteckning utan rubriker och den fortsätter på flera rader, utan att" in r.passages[0].body.text
    assert any("Ingen rubrikstruktur" in w for w in r.warnings)
    assert r.title == "anteckningar"


@pytest.mark.parametrize("content", [b"", b"   \n\n"])
def test_parse_report_rejects_empty_files(tmp_path, content):
    p = tmp_path / "tom.txt"
    p.write_bytes(content)
    with pytest.raises(IngestError):
        parse_report(p)


def test_pdf_bytes_under_another_name_are_rejected(tmp_path):
    p = tmp_path / "rapport.bin"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    with pytest.raises(IngestError, match="PDF"):
        parse_report(p)


def test_a_heading_naming_a_year_compound_is_a_heading(parsed):
    """ "Lansering av Agenda 2030-plattformen för stärkt analys och beslutsunderlag" wraps over two lines and
    holds "2030-plattformen": a year in a compound is no table figure, so its text is not left under the
    heading before it."""
    titles = [h[0] if isinstance(h, tuple) else h.title for h in parsed.headings]
    assert "Lansering av Agenda 2030-plattformen för stärkt analys och beslutsunderlag" in titles


def test_a_paragraph_left_open_for_its_list_is_no_heading(parsed):
    """«De främsta orsakerna till avvikelserna för perioden är» stands alone above its bullets, with no full stop:
    a copula (or a preposition) last leaves it open for the list, so it is a sentence of its section, not a
    heading that would file «• senareläggning … • vakanser» under itself."""
    titles = [h[0] if isinstance(h, tuple) else h.title for h in parsed.headings]
    assert not any(t.endswith(" är") for t in titles)
    lead = next(p for p in parsed.passages if "De främsta orsakerna till avvikelserna för perioden är" in p.body.text)
    assert lead.context.path[-1] == "Relationen periodresultat och helårsprognos för stadskontoret"


def test_a_block_ending_in_a_connector_is_no_heading():
    from ingest.structure import _is_heading_text

    assert _is_heading_text(["Flytten till Rådhuset närmar sig"])
    assert not _is_heading_text(["De främsta orsakerna till avvikelserna för perioden är"])
    assert not _is_heading_text(["Detta är uppdelat på"])


def test_a_lone_figure_continues_the_label_it_wrapped_from(parsed):
    """«STYRELSEN, varav … varav anslaget 4 200 Tkr» and «6 900» on a paragraph of its own are one line of the
    explanations: the figure is the board's forecast deviation, and no answer could quote it alone."""
    line = next(p for p in parsed.passages if p.body.text.startswith("STYRELSEN, varav arvoden"))
    assert line.body.text.endswith("varav anslaget 4 200 Tkr 6 900")
    assert not any(p.body.text == "6 900" for p in parsed.passages)


def test_a_figure_never_continues_a_closed_sentence():
    from ingest.model import Context, Line
    from ingest.structure import StructureParser

    p = StructureParser()
    p.passage([Line(text="Prognosen visar ett överskott.", page=3)])
    p.passage([Line(text="6 900", page=3)])
    p.passage([Line(text="Summa budgetavvikelser", page=3)])
    p.passage([Line(text="13 950", page=3)])
    assert [x.body.text for x in p.passages] == ["Prognosen visar ett överskott.", "6 900",
                                                 "Summa budgetavvikelser 13 950"]
    assert p.passages[0].context == Context()
