"""Tests for assistant.numbers: number-aware matching of Swedish report text."""

from __future__ import annotations

import pytest

from assistant.numbers import (
    Quantity,
    contains_quantity,
    fact_in_text,
    find_quantities,
    normalise_text,
    numbers_in,
    parse_quantity,
    quantities_match,
)

MONEY_600M = [
    "600 Mkr",
    "600 mkr",
    "600 miljoner kronor",
    "600 000 tkr",
    "600 000 Tkr",
    "600\u00a0000 tkr",
    "SEK 600 million",
    "600 million kronor",
    "600 MSEK",
    "0,6 miljarder kronor",
    "0.6 mdkr",
]


def values(text: str) -> list[float]:
    return [q.value for q in find_quantities(text)]


# --- thousands separators ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["221 734", "221734", "221\u00a0734", "221\u2009734", "221\u202f734"]
)
def test_thousands_separators_are_equivalent(text: str) -> None:
    assert parse_quantity(text) == Quantity(221734.0, None)


def test_grouped_number_with_unit_in_a_line() -> None:
    assert find_quantities("varav arvoden 2 700 Tkr") == [Quantity(2_700_000.0, "kr")]


def test_year_is_not_glued_to_following_decimal() -> None:
    assert values("2025 13,9") == [2025.0, 13.9]


def test_ambiguous_table_row_joins_only_three_digit_groups() -> None:
    assert values("1 500 1 500") == [1500.0, 1500.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 34", [12.0, 34.0]),
        ("1 2345", [1.0, 2345.0]),
        ("12 2025", [12.0, 2025.0]),
        ("1 234 567", [1234567.0]),
        ("1 234 567,5", [1234567.5]),
    ],
)
def test_groups_need_exactly_three_digits(text: str, expected: list[float]) -> None:
    assert values(text) == expected


def test_groups_do_not_span_line_breaks() -> None:
    assert values("Summa 1\n500") == [1.0, 500.0]


# --- decimals -----------------------------------------------------------------


def test_decimal_comma_equals_decimal_point() -> None:
    assert parse_quantity("13,9") == parse_quantity("13.9") == Quantity(13.9, None)


def test_decimal_comma_with_unit() -> None:
    comma, point = parse_quantity("510,3 Mkr"), parse_quantity("510.3 Mkr")
    assert comma is not None and point is not None
    assert quantities_match(comma, point)
    assert comma == Quantity(510_300_000.0, "kr")


def test_comma_followed_by_space_is_punctuation() -> None:
    assert values("Under 2025, 13 ärenden.") == [2025.0, 13.0]


# --- units --------------------------------------------------------------------


@pytest.mark.parametrize("text", MONEY_600M)
def test_money_forms_resolve_to_kronor(text: str) -> None:
    assert parse_quantity(text) == Quantity(600_000_000.0, "kr")


@pytest.mark.parametrize("text", MONEY_600M)
def test_money_forms_match_each_other(text: str) -> None:
    a, b = parse_quantity(text), parse_quantity("600 Mkr")
    assert a is not None and b is not None
    assert quantities_match(a, b) and quantities_match(b, a)


def test_millions_of_kronor_equals_mkr() -> None:
    a, b = parse_quantity("78 miljoner kronor"), parse_quantity("78 Mkr")
    assert a is not None and b is not None
    assert quantities_match(a, b)


def test_tkr_and_mkr_differ_at_same_digits() -> None:
    a, b = parse_quantity("600 tkr"), parse_quantity("600 Mkr")
    assert a is not None and b is not None
    assert not quantities_match(a, b)


def test_different_units_do_not_match() -> None:
    assert not quantities_match(Quantity(39.0, "%"), Quantity(39.0, None))
    assert not quantities_match(Quantity(39.0, "%"), Quantity(39.0, "kr"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 tusen kronor", Quantity(3000.0, "kr")),
        ("3 thousand SEK", Quantity(3000.0, "kr")),
        ("1 miljon kronor", Quantity(1e6, "kr")),
        ("2 millions SEK", Quantity(2e6, "kr")),
        ("1 miljard kronor", Quantity(1e9, "kr")),
        ("1,5 miljarder kronor", Quantity(1.5e9, "kr")),
        ("SEK 2 billion", Quantity(2e9, "kr")),
        ("3 billions", Quantity(3e9, None)),
        ("600 miljoner", Quantity(6e8, None)),
        ("5 tusen", Quantity(5000.0, None)),
        ("25 kr", Quantity(25.0, "kr")),
        ("25 kronor", Quantity(25.0, "kr")),
    ],
)
def test_scale_words_in_swedish_and_english(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["5 krav", "5 sekunder", "5 miljonerna", "5 Mkrona"])
def test_unit_words_must_be_whole_words(text: str) -> None:
    assert parse_quantity(text) == Quantity(5.0, None)


# --- bare needles versus needles with units -----------------------------------


def test_bare_needle_matches_number_with_unit() -> None:
    assert contains_quantity("Resultatet blev -221 734 tkr.", "-221 734")
    assert contains_quantity("en social obligation på 600 Mkr", "600")
    assert contains_quantity("Andelen var 39 %.", "39")


def test_bare_needle_with_scale_word_matches_base_value() -> None:
    assert contains_quantity("en obligation på 600 Mkr", "600 miljoner")


def test_needle_with_unit_needs_same_base_value() -> None:
    assert not contains_quantity("kostnaden var 600 tkr", "600 Mkr")
    assert contains_quantity("kostnaden var 600 miljoner kronor", "600 Mkr")
    assert contains_quantity("kostnaden var 600 000 tkr", "600 Mkr")


def test_needle_with_unit_does_not_match_bare_number() -> None:
    assert not contains_quantity("Belopp 600", "600 Mkr")
    assert not contains_quantity("Andelen var 39.", "39 %")


def test_contains_quantity_accepts_quantity_objects() -> None:
    assert contains_quantity("budget 2,7 Mkr", Quantity(2_700_000.0, "kr"))
    assert not contains_quantity("budget 2,7 Mkr", Quantity(2_700.0, "kr"))


@pytest.mark.parametrize("needle", ["inga siffror", "", "2027-2031"])
def test_contains_quantity_rejects_string_without_single_quantity(needle: str) -> None:
    with pytest.raises(ValueError, match="single quantity"):
        contains_quantity("600 Mkr", needle)


# --- signs ----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["-221 734", "\u2212221 734", "\u2013221 734", "\u2014221 734"])
def test_minus_sign_variants_are_equivalent(text: str) -> None:
    assert parse_quantity(text) == Quantity(-221734.0, None)


def test_unsigned_needle_matches_negative_haystack() -> None:
    assert contains_quantity("Resultat \u2212221 734 tkr", "221 734")


@pytest.mark.parametrize("word", ["underskott", "minskning", "kostnad", "negativ", "Underskottet"])
def test_signed_needle_matches_unsigned_haystack_with_negative_word(word: str) -> None:
    assert contains_quantity(f"Årets {word} uppgick till 221 734 tkr.", "-221 734")


def test_signed_needle_does_not_match_unsigned_haystack_without_word() -> None:
    assert not contains_quantity("Årets överskott uppgick till 221 734 tkr.", "-221 734")


def test_negative_word_only_counts_in_the_same_sentence() -> None:
    text = "Kostnaden ökade. Överskottet uppgick till 221 734 tkr."
    assert not contains_quantity(text, "-221 734")


def test_signed_needle_matches_signed_haystack() -> None:
    assert contains_quantity("Resultat \u2013221 734 tkr", "-221 734")


def test_negative_in_words_is_informative_only() -> None:
    [q] = find_quantities("Ett underskott på 5 Mkr.")
    assert q.negative_in_words
    assert q == Quantity(5e6, "kr")
    assert find_quantities("Ett överskott på 5 Mkr.")[0].negative_in_words is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(-5)", [-5.0]),
        ("x -5", [-5.0]),
        ("-5", [-5.0]),
        ("a-5", [5.0]),
        ("- 5", [5.0]),
        ("--5", [5.0]),
        ("+5,2 %", [5.2]),
    ],
)
def test_minus_counts_only_at_token_start(text: str, expected: list[float]) -> None:
    assert values(text) == expected


# --- percent --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["39 procent", "39 %", "39%", "39 percent", "39\u00a0%", "39 Procent"])
def test_percent_forms_are_equivalent(text: str) -> None:
    assert parse_quantity(text) == Quantity(39.0, "%")


def test_percent_needle_in_text() -> None:
    assert contains_quantity("Andelen var 39 procent.", "39 %")
    assert not contains_quantity("Andelen var 38 procent.", "39 %")


# --- ranges, dates, ids ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-2031", [2027.0, 2031.0]),
        ("2027\u20132031", [2027.0, 2031.0]),
        ("1 januari - 31 augusti 2025", [1.0, 31.0, 2025.0]),
        ("STK-2024-1696", [2024.0, 1696.0]),
        ("2024-01-15", [2024.0, 1.0, 15.0]),
        ("Dnr KS 2024/123", [2024.0, 123.0]),
    ],
)
def test_ranges_dates_and_ids_are_plain_nonnegative_numbers(
    text: str, expected: list[float]
) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text", ["", "-", "%", "SEK", "kr", ",5", "5,", "1.2.3", "(", "—", "9" * 400, "- -", "\n\n"]
)
def test_odd_input_does_not_crash(text: str) -> None:
    find_quantities(text)
    numbers_in(text)
    fact_in_text(text, "600 Mkr")
    fact_in_text("600 Mkr", text)


# --- parse_quantity / numbers_in -------------------------------------------------------


@pytest.mark.parametrize("text", ["", "inga siffror", "2027-2031", "5 och 6"])
def test_parse_quantity_needs_exactly_one_quantity(text: str) -> None:
    assert parse_quantity(text) is None


def test_numbers_in_returns_tokens_as_written() -> None:
    text = "Resultatet blev \u2212221\u00a0734 tkr, 13,9 % och SEK 600 million."
    assert numbers_in(text) == ["\u2212221\u00a0734", "13,9", "600"]


def test_find_quantities_returns_all_in_order() -> None:
    text = "Intäkter 510,3 Mkr (2024: 498 Mkr), ökning 2,5 procent."
    assert find_quantities(text) == [
        Quantity(510_300_000.0, "kr"),
        Quantity(2024.0, None),
        Quantity(498_000_000.0, "kr"),
        Quantity(2.5, "%"),
    ]


# --- normalise_text ---------------------------------------------------------------------


def test_normalise_rejoins_hyphenation_at_line_break() -> None:
    assert normalise_text("MalmöLundregion-\nsamarbetet") == "malmölundregionsamarbetet"


def test_normalise_keeps_compound_hyphen_before_capital_and_conjunction() -> None:
    assert normalise_text("Malmö-\nLund") == "malmö-lund"
    assert normalise_text("förskole-\noch skolverksamhet") == "förskole- och skolverksamhet"


def test_normalise_collapses_all_whitespace() -> None:
    text = "  A\u00a0B\u2009C\u202fD\t\nE  "
    assert normalise_text(text) == "a b c d e"


def test_normalise_maps_dashes_and_nfc() -> None:
    assert normalise_text("a\u2212b\u2013c\u2014d") == "a-b-c-d"
    assert normalise_text("Mo\u0308te") == "m\u00f6te"


# --- fact_in_text -------------------------------------------------------------------------


def test_fact_plain_phrase() -> None:
    text = "Mål 3\n Förväntas uppnås\nKommentar"
    assert fact_in_text("Förväntas uppnås", text)
    assert fact_in_text("förväntas  UPPNÅS", text)


def test_fact_phrase_must_be_contiguous() -> None:
    assert not fact_in_text("Förväntas uppnås", "Förväntas inte uppnås")
    assert not fact_in_text("Förväntas uppnås", "Förväntas delvis uppnås")


def test_fact_with_number_in_other_format() -> None:
    assert fact_in_text("600 miljoner kronor", "…en social obligation på 600 Mkr.")


def test_fact_with_words_and_number() -> None:
    text = "Övriga kostnader, varav arvoden 2\u00a0700 Tkr."
    assert fact_in_text("varav arvoden 2 700 tkr", text)
    assert not fact_in_text("varav arvoden 2 800 tkr", text)
    assert not fact_in_text("varav löner 2 700 tkr", text)


def test_fact_words_across_hyphenated_line_break() -> None:
    text = "Inom MalmöLundregion-\nsamarbetet pågår arbete."
    assert fact_in_text("MalmöLundregionsamarbetet pågår", text)


def test_fact_ignores_punctuation_between_words() -> None:
    assert fact_in_text("Resultatet: 13,9 procent", "Resultatet 13.9 %")


def test_fact_with_several_numbers() -> None:
    assert fact_in_text("perioden 2027-2031", "under perioden 2027\u20132031 ska")
    assert not fact_in_text("perioden 2027-2032", "under perioden 2027\u20132031 ska")


def test_fact_with_signed_number_uses_sign_rules() -> None:
    assert fact_in_text("-221 734 tkr", "Årets underskott blev 221 734 tkr.")
    assert not fact_in_text("-221 734 tkr", "Årets överskott blev 221 734 tkr.")


@pytest.mark.parametrize("fact", ["", "   ", "…"])
def test_blank_fact_is_not_found(fact: str) -> None:
    assert not fact_in_text(fact, "Förväntas uppnås")


def test_fact_whole_words_only() -> None:
    assert not fact_in_text("mål", "Målen uppnås")


def test_unit_on_the_next_line() -> None:
    """The extractor wraps lines between a number and its unit ("cirka 30\nprocent")."""
    assert fact_in_text("30 procent", "cirka 30\nprocent")
    assert fact_in_text("600 Mkr", "en social obligation på 600\nmiljoner kronor")


@pytest.mark.parametrize(("fact", "text", "found"), [
    ("56,9 Mkr", "Utfall jan-aug 56 922 tkr", True),  # a table's exact figure, written rounded in Mkr
    ("13,9 Mkr", "Prognos helår 13 950 tkr", True),  # half way: the report's own 13,9
    ("510,3 Mkr", "510 327 tkr", True),
    ("3,4 Mkr", "3 499 tkr", False),  # rounds to 3,5
    ("7 Mkr", "7 600 tkr", False),
    ("13,9 Mkr", "ett överskott med 14 Mkr", False),  # less precise than the fact: not the same statement
    ("56,9 Mkr", "56 922 personer", False),  # not an amount
])
def test_a_precise_amount_matches_the_fact_written_rounded(fact, text, found):
    assert fact_in_text(fact, text) is found


def test_an_amount_is_stated_in_kronor_or_as_a_tables_bare_number():
    from assistant.numbers import amounts_in, states_amount

    [(written, value, step)] = amounts_in("höjts till 620 mkr i år")
    assert written == "620 mkr" and value == 620e6 and step == 1e6
    assert states_amount("Kommunbidrag 250831: Belopp 510,3 mkr", 510.3e6, 1e5)
    assert states_amount("Kommunbidrag: Utfall jan-aug 329 829 tkr, Prognos helår 510 327 tkr", 510.3e6, 1e5)
    assert states_amount("Nämndsbudget Enligt ursprungligt KS beslut 494,7", 494.7e6, 1e5)  # a table's bare Mkr
    assert not states_amount("Kommunstyrelsens anslag uppgår till 510,3 Mkr.", 620e6, 1e6)
