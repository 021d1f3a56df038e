"""Superlatives over a table's rows (assistant/answer/tables.py)."""

from __future__ import annotations

import pytest

from assistant.answer.tables import SMALLEST, deviating_bound, extreme_row, extreme_rows, parse_row, wants_extreme

ROWS = [
    "Stadsdirektör: Budget -3 278 tkr, Prognos DR -3 378 tkr, Avvikelse -100 tkr",
    "Lokalkostnader: Budget -22 332 tkr, Prognos DR -25 382 tkr, Avvikelse -3 050 tkr (Främst hyreskostnader)",
    "Stadsövergripande IT-system: Budget -6 634 tkr, Prognos DR -4 755 tkr, Avvikelse 1 879 tkr (Utveckling)",
    "SUMMA: Budget -338 915 tkr, Prognos DR -336 602 tkr, Avvikelse 2 313 tkr",
]


def test_parse_row_reads_label_columns_and_swedish_numbers():
    row = parse_row(ROWS[1])
    assert row is not None and row.label == "Lokalkostnader"
    assert row.cells == {"Budget": -22332.0, "Prognos DR": -25382.0, "Avvikelse": -3050.0}
    assert parse_row("Arvoden: Budget 2025 47,5 mkr, Helårsprognos 44,8 mkr").cells == {
        "Budget 2025": 47.5, "Helårsprognos": 44.8}
    assert parse_row("En mening utan tabell.") is None


def test_which_end_is_asked_for():
    assert wants_extreme("Vilket område har störst avvikelse?") == "max"
    assert wants_extreme("Which area has the lowest budget?") == "min"
    assert wants_extreme("Hur stor är avvikelsen?") is None


def test_the_row_at_the_asked_end_of_the_asked_column_totals_left_out():
    assert extreme_row("Vilket budgetområde har störst positiv avvikelse?", ROWS) == (2, "Avvikelse")
    assert extreme_row("Vilket budgetområde har störst negativ avvikelse?", ROWS) == (1, "Avvikelse")
    assert extreme_row("Vilket budgetområde har störst avvikelse?", ROWS) == (1, "Avvikelse")  # by size
    assert extreme_row("Vilket område har minst avvikelse?", ROWS) == (0, "Avvikelse")
    # no column named and several to choose from: no answer from the table
    assert extreme_row("Vilket område är störst?", ROWS) is None
    # one column: that one
    assert extreme_row("Vilket är det största beslutet?", ["EM 2026: Belopp 2,5 mkr", "WTT: Belopp 1,9 mkr"]) == (
        0, "Belopp")


def test_an_english_question_picks_the_column_by_its_translated_terms_not_its_words_as_written():
    # "budget area" names no "Budget" column: the glossary's "avvik" (deviation) decides
    terms = {"budgetområd", "störst", "positiv", "avvik"}
    assert extreme_row("Which budget area has the largest positive deviation?", ROWS, terms) == (2, "Avvikelse")
    assert extreme_row("Which budget area has the largest negative deviation?", ROWS,
                       {"budgetområd", "störst", "negativ", "avvik"}) == (1, "Avvikelse")


def test_the_selection_answers_the_superlative_and_sign_words_no_row_holds():
    from assistant.answer.tables import selection_words
    asked = {"budgetområd", "störst", "positiv", "avvik"}
    assert selection_words("Which budget area has the largest positive deviation?", asked) == {"störst", "positiv"}
    assert selection_words("Vilket område har lägst budget?", {"områd", "lägst", "budget"}) == {"lägst"}
    assert selection_words("Hur stor är avvikelsen?", {"avvik"}) == set()


def test_a_plural_superlative_lists_the_rows_from_that_end():
    from assistant.answer.tables import extreme_rows, ranked_count

    rows = [*ROWS, "Juridik: Budget -10 524 tkr, Prognos DR -11 024 tkr, Avvikelse -500 tkr"]
    assert extreme_rows("Vilka budgetområden har störst avvikelse?", rows) == ([1, 2, 4, 0], "Avvikelse")
    assert extreme_rows("Vilka budgetområden har störst negativ avvikelse?", rows, k=2) == ([1, 4], "Avvikelse")
    assert extreme_rows("Vilket budgetområde har störst avvikelse?", rows) == ([1], "Avvikelse")  # one asked for
    assert ranked_count("Vilka tre budgetområden har störst avvikelse?") == 3
    assert ranked_count("Which two areas deviate most?") == 2 and ranked_count("Vilka områden?") is None


def test_a_signed_superlative_reads_the_deviation_column_whatever_else_is_named():

    rows = ["Juridik: Budget -10 524 tkr, Prognos DR -11 024 tkr, Avvikelse -500 tkr",
            "Lokalkostnader: Budget -22 332 tkr, Prognos DR -25 382 tkr, Avvikelse -3 050 tkr",
            "Arbetsmarknad: Budget -49 552 tkr, Prognos DR -49 257 tkr, Avvikelse 295 tkr"]
    # "budget area" names the Budget column; an overspend is a deviation
    found, column = extreme_rows("Which budget area has the biggest overspend?", rows, {"budget", "område"})
    assert column == "Avvikelse" and found[0] == 1


@pytest.mark.parametrize(("question", "end"), [
    ("Vilket budgetområde går mest över budget?", "max"),
    ("Which budget area is furthest over budget?", "max"),
    ("Vilket av styrelsens anslag prognostiseras gå med underskott?", "max"),  # which rows have a sign
    ("Vilket överskott prognostiseras för styrelsen?", None),  # an amount asked, no row
    ("Vilka projekt har beviljats?", None),
])
def test_which_end_of_a_column_a_question_asks_for(question, end):

    assert wants_extreme(question) == end


def test_over_budget_is_the_most_negative_deviation():

    rows = ["Lokalkostnader: Budget -22 332 tkr, Prognos DR -25 382 tkr, Avvikelse -3 050 tkr",
            "Arbetsmarknad: Budget -49 552 tkr, Prognos DR -49 257 tkr, Avvikelse 295 tkr",
            "Juridik: Budget -10 524 tkr, Prognos DR -11 024 tkr, Avvikelse -500 tkr"]
    assert extreme_rows("Vilket budgetområde går mest över budget?", rows) == ([0], "Avvikelse")
    assert extreme_rows("Vilket budgetområde ligger mest under budget?", rows) == ([1], "Avvikelse")


@pytest.mark.parametrize("text, smallest", [("Vilket projekt fick minst pengar?", True),
                                            ("Vilka ärenden har beviljats minst 1 Mkr?", False),
                                            ("Which decisions were at least one million?", False),
                                            ("Which project got the least money?", True)])
def test_at_least_an_amount_is_no_superlative(text, smallest):
    assert bool(SMALLEST.search(text)) is smallest


DEVIATING_ROWS_TKR = [
    "Juridik: Budget -10 524 tkr, Prognos DR -11 024 tkr, Avvikelse -500 tkr (Visselblåsarfunktionen)",
    "Lokalkostnader: Budget -22 332 tkr, Prognos DR -25 382 tkr, Avvikelse -3 050 tkr (Främst hyreskostnader)",
    "Kommunikation: Budget -33 825 tkr, Prognos DR -33 625 tkr, Avvikelse 200 tkr",
    "Strategisk lokalförsörjning: Budget -3 742 tkr, Prognos DR -3 482 tkr, Avvikelse 0 tkr",
    "SUMMA: Budget -338 915 tkr, Prognos DR -336 602 tkr, Avvikelse 2 313 tkr",
]


@pytest.mark.parametrize(("question", "bound"), [
    ("Vilka budgetområden har avvikelser över 500 tkr och hur förklaras de?", 500.0),
    ("Vilka budgetområden har avvikelser?", 0.0),
    ("Which budget areas show a deviation of more than 1 mkr?", 1000.0),
    ("Vilka förklaringar har avvikelserna?", None),  # the causes, not the rows
    ("Vilka budgetområden har störst avvikelse?", None),  # one end of the column
    ("Vilken avvikelse har Juridik?", None),
])
def test_which_rows_deviate_is_read_with_its_bound(question, bound):
    assert deviating_bound(question) == bound


def test_the_rows_that_deviate_are_all_those_above_the_bound_largest_first():
    found = extreme_rows("Vilka budgetområden har avvikelser över 500 tkr?", DEVIATING_ROWS_TKR)
    assert found == ([1, 0], "Avvikelse")  # not the sum, not 200, not 0
    found = extreme_rows("Vilka budgetområden har avvikelser?", DEVIATING_ROWS_TKR)
    assert found == ([1, 0, 2], "Avvikelse")


def test_a_bound_in_mkr_reads_a_table_in_mkr():
    rows = ["Arvoden: Budget 2025 47,5 mkr, Helårsprognos 44,8 mkr, Avvikelse 2,7 mkr",
            "Projekt: Budget 2025 32,6 mkr, Helårsprognos 32,1 mkr, Avvikelse 0,5 mkr"]
    assert extreme_rows("Vilka anslag har en avvikelse över 1 mkr?", rows) == ([0], "Avvikelse")


@pytest.mark.parametrize("question", ["Investeringsram 2025: budget och prognos per rad?",
                                      "Show me the income statement line by line", "Resultaträkningen rad för rad"])
def test_a_table_asked_row_by_row_is_every_row_in_order_its_total_too(question):
    rows = ["Allmänt investeringsutrymme: Prognos 20 000 tkr, Budget 20 000 tkr",
            "Beredskap: Prognos 5 000 tkr, Budget 5 000 tkr", "Summa investeringar: Prognos 25 000 tkr, Budget 25 000 tkr"]
    assert wants_extreme(question) == "rows"
    assert extreme_rows(question, rows) == ([0, 1, 2], "Prognos")
