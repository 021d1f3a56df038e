"""Rebuilding flattened tables (ingest/tables.py) on small inputs."""

from __future__ import annotations

import pytest

from ingest.model import Context, Line, Table, TableRow
from ingest.report_text import page_texts, paginate
from ingest.structure import parse_structure
from ingest.tables import columns_of, is_table_header, numeric_tail, split_numbers, split_row


@pytest.mark.parametrize("text", [
    "Tkr Prognos Budget Avvikelse",
    "Tkr Prognos 2025 Utfall 2024 Förändring i %",
    " BUDGETOMRÅDE Budget Prognos DR Avvikelse Kommentar",
    "Ärendenummer Rubrik Belopp",
    "Tkr Utfall jan-aug Prognos helår",
])
def test_header_lines_are_recognised(text):
    assert is_table_header(Line(text, 1))


def test_indented_header_with_one_column_word():
    assert is_table_header(Line("  Budget 2025 Helårsprognos Avvikelse ", 1))


@pytest.mark.parametrize("text", [
    "Prognosen visar att budgeten kommer att följas.",
    "Lönekostnader -221 734 -231 565 9 831",
    "Budget och prognos har jämförts och avvikelsen är liten i förhållande till budget",
    "Sammanfattning",
    "",
])
def test_prose_rows_and_headings_are_not_headers(text):
    assert not is_table_header(Line(text, 1))


def test_columns_unit_and_comment_column():
    assert columns_of("Tkr Prognos Budget Avvikelse", False) == (["Prognos", "Budget", "Avvikelse"], "Tkr", False)
    assert columns_of("Tkr Prognos 2025 Utfall 2024 Förändring i %", False) == (
        ["Prognos 2025", "Utfall 2024", "Förändring i %"], "Tkr", False)
    assert columns_of("BUDGETOMRÅDE Budget Prognos DR Avvikelse Kommentar", False) == (
        ["Budget", "Prognos DR", "Avvikelse"], None, True)
    # an indented header has no label column
    assert columns_of("Budget 2025 Helårsprognos Avvikelse", True) == (
        ["Budget 2025", "Helårsprognos", "Avvikelse"], None, False)


def test_split_numbers_uses_the_column_count():
    assert split_numbers(["247", "738", "248", "895", "-0,5"], 3) == (["247 738", "248 895", "-0,5"], 0)
    assert split_numbers(["-221", "734", "-231", "565", "9", "831"], 3, deviation=2) == (
        ["-221 734", "-231 565", "9 831"], 0)
    assert split_numbers(["47,5", "44,8", "2,7"], 3) == (["47,5", "44,8", "2,7"], 0)


def test_deviation_column_decides_an_ambiguous_row():
    # "Busslinje 100 200 300 100": only 200 − 300 = −100 is consistent with a deviation column,
    # so the first 100 belongs to the label
    assert split_numbers(["100", "200", "300", "100"], 3, deviation=2) == (["200", "300", "100"], 1)
    assert split_row("Busslinje 100 200 300 100", 3, False, 2) == ("Busslinje 100", ["200", "300", "100"], "")
    assert split_numbers(["1", "500", "2", "300", "800"], 3, deviation=2) == (["1 500", "2 300", "800"], 0)


def test_split_row_label_values_comment():
    assert split_row("Lönekostnader -221 734 -231 565 9 831", 3, False, 2) == (
        "Lönekostnader", ["-221 734", "-231 565", "9 831"], "")
    assert split_row("Juridik -10 524 -11 024 -500 Visselblåsarfunktionen,", 3, True, 2) == (
        "Juridik", ["-10 524", "-11 024", "-500"], "Visselblåsarfunktionen,")
    label, values, _ = split_row("uppföljning av Agenda 2030 -10 333 -9 764 569", 3, True, 2)
    assert (label, values) == ("uppföljning av Agenda 2030", ["-10 333", "-9 764", "569"])
    assert split_row("Bara text här", 3, False) == ("Bara text här", [], "")


def test_numeric_tail():
    assert numeric_tail("SUMMA 171,4 164,5 6,9")
    assert numeric_tail("91,3 85,6 5,7")
    assert not numeric_tail("Kommunstyrelsens anslag för")


def test_row_text_names_values_by_column_and_unit():
    t = Table(title="Nettokostnadsutveckling", header="Tkr Prognos 2025 Utfall 2024 Förändring i %", unit="Tkr",
              columns=["Prognos 2025", "Utfall 2024", "Förändring i %"], rows=[], context=Context())
    r = TableRow(label="Intäkter", values=["247 738", "248 895", "-0,5"])
    assert t.row_text(r) == "Intäkter: Prognos 2025 247 738 tkr, Utfall 2024 248 895 tkr, Förändring i % -0,5"
    odd = TableRow(label="Finansiella intäkter", values=["8", "8"], comment="avrundat")
    assert t.row_text(odd) == "Finansiella intäkter: 8 8 (avrundat)"


def parse(text: str):
    lines, _, _ = paginate(text)
    return parse_structure(lines, source="t.txt", title="T 2025", pages=page_texts(lines), warnings=[])


def test_table_builder_on_a_small_table_with_wrapped_label_and_comment():
    r = parse(
        "Ekonomi \n\n"
        "Tabell - Budgetområden, Tkr \n"
        " BUDGETOMRÅDE Budget Prognos Avvikelse Kommentar \n\n"
        "Juridik -10 524 -11 024 -500 Visselblåsarfunktionen, \n"
        "externa utredningar \n\n"
        "Strategiska HR-frågor, \n"
        "arbetsgivarfrågor och \n"
        "ledarutveckling \n\n"
        "-31 955 -30 632 1 323 Personalkostnader \n\n"
        "SUMMA -42 479 -41 656 823 \n\n"
        "Efter tabellen kommer vanlig text som förklarar avvikelserna i detalj för läsaren. \n"
    )
    assert len(r.tables) == 1
    t = r.tables[0]
    assert t.title == "Tabell - Budgetområden, Tkr"
    assert t.unit == "Tkr"
    assert t.columns == ["Budget", "Prognos", "Avvikelse"]
    assert [(x.label, x.values, x.comment) for x in t.rows] == [
        ("Juridik", ["-10 524", "-11 024", "-500"], "Visselblåsarfunktionen, externa utredningar"),
        ("Strategiska HR-frågor, arbetsgivarfrågor och ledarutveckling", ["-31 955", "-30 632", "1 323"],
         "Personalkostnader"),
        ("SUMMA", ["-42 479", "-41 656", "823"], ""),
    ]
    assert any("Efter tabellen kommer vanlig text" in p.body.text for p in r.passages)


def test_header_without_rows_is_kept_as_text():
    r = parse("Budget \n\nTkr Prognos Budget Avvikelse \n\nInga siffror redovisas i år för den här delen av budgeten. \n")
    assert r.tables == []
    joined = " ".join(p.body.text for p in r.passages)
    assert "Tkr Prognos Budget Avvikelse" in joined
    assert "Inga siffror redovisas" in joined


def test_an_empty_cell_is_read_from_the_wide_gap_it_leaves():
    # «Kommunbidrag 171,4 338,9  510,3» under four columns: the third (Förvaltningen SF/IF) is empty
    assert split_row("Kommunbidrag 171,4 338,9  510,3", 4, False) == ("Kommunbidrag", ["171,4", "338,9", "", "510,3"], "")
    assert split_row("Finansiella poster  -0,1  -0,1", 4, False) == ("Finansiella poster", ["", "-0,1", "", "-0,1"], "")
    # single spaces group thousands as before; a gap that does not make the columns' count changes nothing
    assert split_row("Lönekostnader -221 734 -231 565 9 831", 3, False) == (
        "Lönekostnader", ["-221 734", "-231 565", "9 831"], "")
    assert split_row("Avskrivningar -0,1  -1,0", 4, False) == ("Avskrivningar", ["-0,1", "-1,0"], "")


def test_a_row_with_an_empty_cell_names_the_others_by_their_columns():
    r = parse("Tabell - Prognos, Mkr \n\n  Styrelsen Förvaltningen Totalt \n\nKommunbidrag 171,4  171,4 \n\n"
              "Totala kostnader -164,9 -380,9 -545,8 \n")
    t = r.tables[0]
    assert t.columns == ["Styrelsen", "Förvaltningen", "Totalt"]
    assert t.row_text(t.rows[0]) == "Kommunbidrag: Styrelsen 171,4 mkr, Totalt 171,4 mkr"
    assert t.row_text(t.rows[1]).startswith("Totala kostnader: Styrelsen -164,9 mkr, Förvaltningen -380,9 mkr")


def test_trailing_empty_cells_are_read_from_the_trailing_gap():
    # «Beredskapsförmåga 5 000      » under six columns (Budget 2026, Plan 2027–2031): only the first is filled
    assert split_row("Beredskapsförmåga 5 000      ", 6, False) == (
        "Beredskapsförmåga", ["5 000", "", "", "", "", ""], "")
    # one trailing space is no empty cell; a trailing gap that does not make the columns' count changes nothing
    assert split_row("Avskrivningar -0,1 -1,0 ", 3, False) == ("Avskrivningar", ["-0,1", "-1,0"], "")
    assert split_row("Avskrivningar -0,1    ", 3, False) == ("Avskrivningar", ["-0,1"], "")
