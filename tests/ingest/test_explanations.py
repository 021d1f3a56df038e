"""Reading a list of explanations of a deviation (ingest/explanations.py) as a table."""

from __future__ import annotations

from ingest.report_text import page_texts, paginate
from ingest.structure import parse_structure

EXPLANATIONS = """Viktiga förklaringar
Prognostiserad budgetavvikelse helår - viktigaste förklaringar Prognos helår

STYRELSEN,
varav arvoden och omställningsstöd 2 700 Tkr
varav anslaget 4 200 Tkr

6 900

KOMMUNBIDRAGSFINANSIERAD VERKSAMHET, 2 300 Tkr

varav personalkostnader (vakanser) 7 000

Övriga kostnader och intäkter -1 700

SOLIDARISKT OCH INTÄKTSFINANSIERAD VERKSAMHET, varav
upphandlingsverksamhet 3 400 Tkr 4 750

Summa budgetavvikelser 13 950

Prognosen för investeringarna visar att budgeten kommer att följas under hela året.
"""


def parse(text: str):
    lines, _, _ = paginate(text)
    return parse_structure(lines, source="r.txt", title="Delårsrapport 2025", pages=page_texts(lines), warnings=[])


def test_each_part_its_own_figure_first_then_what_it_holds():
    r = parse(EXPLANATIONS)
    (table,) = r.tables
    assert table.title == "Prognostiserad budgetavvikelse helår - viktigaste förklaringar"
    assert table.columns == ["Prognos helår"] and table.unit == "Tkr"
    assert [(row.label, row.values) for row in table.rows] == [
        ("STYRELSEN", ["6 900"]),  # alone on a line after its breakdown
        ("STYRELSEN, varav arvoden och omställningsstöd", ["2 700"]),
        ("STYRELSEN, varav anslaget", ["4 200"]),
        ("KOMMUNBIDRAGSFINANSIERAD VERKSAMHET", ["2 300"]),  # on its label's line
        ("KOMMUNBIDRAGSFINANSIERAD VERKSAMHET, varav personalkostnader (vakanser)", ["7 000"]),
        ("KOMMUNBIDRAGSFINANSIERAD VERKSAMHET, Övriga kostnader och intäkter", ["-1 700"]),
        ("SOLIDARISKT OCH INTÄKTSFINANSIERAD VERKSAMHET", ["4 750"]),  # after its one "varav", wrapped
        ("SOLIDARISKT OCH INTÄKTSFINANSIERAD VERKSAMHET, varav upphandlingsverksamhet", ["3 400"]),
        ("Summa budgetavvikelser", ["13 950"]),
    ]
    assert "Viktiga förklaringar" in [h[0] for h in r.headings]
    assert any("budgeten kommer att följas" in p.body.text for p in r.passages)  # the prose after it stays text


def test_a_title_without_parts_in_capitals_after_it_is_no_such_table():
    r = parse("Viktigaste förklaringar Prognos\n\nStadskontoret har sett över sina kostnader under året.\n")
    assert r.tables == []
