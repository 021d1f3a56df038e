"""Reading the goal area a question names (the premise checks run end to end in test_shapes)."""

from __future__ import annotations

import pytest

from assistant.answer.premise import named_area


@pytest.mark.parametrize(("question", "name"), [
    ("Sammanfatta målområdet Ett tryggt Malmö", "Ett tryggt Malmö"),
    ("Vad gör staden inom målområdet Trygghet och säkerhet?", "Trygghet och säkerhet"),
    ("Vilka KF-mål ligger under målområdet En mer jämlik stad och hur bedöms de?", "En mer jämlik stad"),
    ("Sammanfatta målområdet för arbete och hållbar tillväxt", "arbete och hållbar tillväxt"),
    ("sammanfatta målområdet om den gröna staden", "gröna staden"),
    ("Summarise the goal area on public health", "public health"),
    ("Summarise the goal area called Safe Malmö", "Safe Malmö"),
    # a quoted name is the whole name, whatever follows it
    ("Is the goal area 'A digital city' expected to be met this year?", "A digital city"),
    ("Vad gör staden inom målområdet «En kulturell stad» just nu?", "En kulturell stad"),
])
def test_the_name_a_question_gives_a_goal_area(question, name):
    assert named_area(question) == name


@pytest.mark.parametrize("question", [
    "Under vilket målområde ligger målet om att staden ska bli fri från segregation?",  # asks for the area
    "Vilka mål finns under det gröna målområdet?",  # named before the word, by a description
    "Vilka målområden redovisas i rapporten?",
    "Vilket mål i målområdet handlar om klimatet?",  # "handlar" is no name
])
def test_a_question_that_names_no_goal_area(question):
    assert named_area(question) is None


def test_a_month_is_read_however_it_is_written():
    from assistant.answer.engine import MONTH_RANGE, month_key

    assert [month_key(w) for w in ("jan", "augusti", "July", "juli", "Sept", "oct", "aug.")] == \
        ["jan", "aug", "jul", "jul", "sep", "okt", "aug"]
    assert month_key("marknad") is None and month_key("julia") is None
    assert MONTH_RANGE.search("utfallet jan–aug 2024").groups() == ("jan", "aug")
    assert MONTH_RANGE.search("Utfall jan-aug Prognos").groups() == ("jan", "aug")
