"""Reading a question's letters and pronouns as the report's words (assistant/textproc.py)."""

from __future__ import annotations

import pytest

from assistant.textproc import ascii_function_words, search_terms, stem, you_as_the_board


@pytest.mark.parametrize(("typed", "read"), [
    ("vad star pa sidan 39", "vad står på sidan 39"),
    ("Varfor gar KS plus?", "Varför går KS plus?"),
    ("hur mycket far KS i ar?", "hur mycket får KS i år?"),  # "i ar" is the year
    ("vad ar nytt jamfort med forra aret", "vad är nytt jämfört med förra året"),
    ("hej hur mar du", "hej hur mår du"),
    ("hur saker ar prognosen", "hur säker är prognosen"),  # after "hur", «säker», not "saker" (things)
])
def test_function_words_typed_without_swedish_letters_get_them(typed, read):
    assert ascii_function_words(typed) == read


def test_capitals_and_unknown_words_stay_as_typed():
    assert ascii_function_words("KS AR") == "KS AR"  # an abbreviation in capitals is no "är"
    assert ascii_function_words("Malmo stad") == "Malmo stad"  # the report's vocabulary puts back a name's letters


@pytest.mark.parametrize(("typed", "read"), [
    ("Går ni plus eller minus i år?", "Går kommunstyrelsen plus eller minus i år?"),
    ("Vad händer med AI hos er?", "Vad händer med AI?"),
    ("Hur följer ni upp klimatpåverkan?", "Hur följer upp klimatpåverkan?"),  # the report's subject: no topic
    ("Kan ni skicka rapporten?", "Kan ni skicka rapporten?"),  # a request to the assistant stays one
])
def test_the_board_asked_in_the_second_person_is_the_board(typed, read):
    assert you_as_the_board(typed) == read


def test_a_word_inside_a_name_stays_as_typed():
    assert ascii_function_words("Vem sitter i Cities for Better Health?") == "Vem sitter i Cities for Better Health?"


@pytest.mark.parametrize(("said", "written"), [
    ("vad står det på sidan fyrtiofyra", "vad står det på sidan 44"),
    ("vad har ändrats sen tjugotjugofyra", "vad har ändrats sen 2024"),
    ("sexhundra miljoner", "600 miljoner"),
    ("sjuttioåtta miljoner till vad", "78 miljoner till vad"),
    ("tvåtusentjugofem", "2025"),
    ("de tolv målen i tre målområden", "de tolv målen i tre målområden"),  # counts a question reads as words
])
def test_numbers_said_in_words_are_written_in_digits(said, written):
    from assistant.textproc import spoken_numbers
    assert spoken_numbers(said) == written


@pytest.mark.parametrize(("word", "stemmed"), [
    ("tryggheten", "trygghet"), ("trygghet", "trygghet"), ("säkerheterna", "säkerhet"), ("möjligheter", "möjlighet"),
    ("trygga", "trygg"),  # the adjective is stemmed as Snowball does
    ("verksamheten", "verksamhet"),
])
def test_an_abstract_noun_keeps_its_het_apart_from_its_adjective(word, stemmed):
    assert stem(word) == stemmed


def test_search_terms_split_an_abstract_nouns_compound_at_its_joint():
    assert "trygghet" in search_terms("en trygghetsundersökning för förtroendevalda")
    assert "trygghet" not in search_terms("trygga anställningar")
    assert stem("tryggheten", abstract=False) == stem("trygga", abstract=False)  # (Snowball's cut, which compounds begin with)
