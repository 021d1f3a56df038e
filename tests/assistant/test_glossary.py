"""English -> Swedish query translation (assistant/glossary.py) and its use in question analysis."""

from __future__ import annotations

from pathlib import Path

from assistant.answer.question import analyse
from assistant.glossary import load_glossary, translate
from assistant.textproc import stem


def test_phrase_wins_over_its_words_and_inflections_match():
    found = {t.english: t.swedish for t in translate("How long is the sick leave of employees in the schools?")}
    assert found[("sick", "leave")] == ("sjukfrånvaro",)
    assert found[("employees",)][0] == "medarbetare"
    assert found[("schools",)][0] == "skolor"  # the form as written wins over an entry sharing its stem
    assert translate("the city")[0].swedish[0] == "stad" and translate("cities")[0].swedish[0] == "städer"
    assert ("leave",) not in found
    # "public safety" is «trygghet», not «offentlig» (the new ERP system's «Lagen om offentlig upphandling»)
    assert translate("public safety")[0].swedish[0] == "trygghet"


def test_words_without_an_entry_are_left_out():
    assert translate("Medvind Framtida ledare xyzzy") == []


def test_every_entry_has_a_swedish_alternative(tmp_path: Path):
    g = tmp_path / "g.tsv"
    g.write_text("# comment\nbudget\tbudget\nsick leave\tsjukfrånvaro|frånvaro\nbroken\t\n", encoding="utf-8")
    entries = load_glossary(g)
    assert entries[("sick", "leav")] == ("sjukfrånvaro", "frånvaro")
    assert all(entries.values()) and len(entries) == 2


def test_english_question_terms_are_swedish_and_bm25_gets_every_alternative():
    q = analyse("How many employees are on sick leave?", [])
    assert q.lang == "en"
    assert stem("medarbetare") in q.terms and stem("sjukfrånvaro") in q.terms
    assert "employe" not in " ".join(q.terms)
    assert "anställd" in q.lexical_query and q.retrieval_query == "How many employees are on sick leave?"


def test_swedish_question_is_not_translated():
    # (the report's own word for a thing asked may be added, "anslag" for the board's budget: no translation)
    q = analyse("Hur stor är obligationen?", [])
    assert q.lexical_query == q.retrieval_query


def test_english_question_found_through_translation(assistant):
    a = assistant.ask("What is the name of the new crisis preparedness policy?")
    assert not a.refused and "Ett resilient Malmö" in a.answer and a.citations[0].page == 9


def test_llm_sources_for_an_english_question_use_the_translation_too(assistant):
    hits = assistant.retrieve_evidence("What is the name of the new crisis preparedness policy?")
    # the policy's name is in the first two (the other one tells how the policy was spread)
    assert any("Ett resilient Malmö" in c.text and c.page <= 9 <= int(c.meta["page_end"]) for c, _ in hits[:2])


def test_words_of_a_kept_name_are_not_translated():
    kept = translate("How many companies take part in Malmö Residency?", keep=frozenset({"malm", "residency"}))
    assert not any("residency" in t.english for t in kept)
    assert any("companies" in t.english for t in kept)


def test_a_hyphenated_word_the_glossary_lacks_is_read_as_its_parts():
    q = analyse("What's the projected full-year surplus for the board?", [])
    assert stem("helår") in q.terms and stem("prognostiserade") in q.terms
    assert not {"full", "year", "full-year", stem("projekt")} & set(q.terms)
    assert any("tax-funded" in t.english for t in translate("tax-funded operations"))  # an entry as written


def test_words_sharing_an_english_stem_keep_their_own_meaning():
    # "positive" and "position" share the stem "posit": the sign word is not a position
    assert translate("a positive deviation")[0].swedish[0] == "positiv"
    assert translate("her position")[0].swedish[0] == "position"


def test_an_english_question_on_a_programme_finds_its_swedish_name(assistant):
    # "Future Leaders" is the report's «Framtida ledare»; "a different mother tongue" its «annat modersmål» (p. 31)
    answer = assistant.ask("How has the share of participants with a different mother tongue changed in the "
                           "Future Leaders programme?")
    assert not answer.refused and 31 in {c.page for c in answer.citations}


def test_labour_market_employment_schemes_are_arbetsmarknadsanstallningar(assistant):
    answer = assistant.ask("Why has the city office taken on so few people in labour-market employment schemes?")
    assert 19 in {c.page for c in answer.citations} and "undanträngningseffekter" in answer.answer  # the cause, p. 19


def test_a_long_word_one_letter_off_an_entry_is_that_entry():
    assert translate("recomendations")[0].swedish[0] == "rekommendationer"
    assert translate("enviroment")[0].swedish[0] == "miljö"
    assert translate("zzzzzzzzzz") == []  # nothing near: no entry
    assert translate("cty") == []  # a short word is not guessed at


def test_the_glossarys_swedish_words_are_keyed_as_typed_without_their_letters():
    from assistant.glossary import swedish_words_typed_plain

    plain = swedish_words_typed_plain()
    assert plain["ranta"] == "ränta"
    assert all(k != v and not set(k) & set("åäö") for k, v in plain.items())


def test_how_far_a_goal_is_met_is_read_in_the_reports_words():
    # «… bedömningen att kommunfullmäktigemålet endast delvis uppnåtts» (p. 29)
    assert translate("partly")[0].swedish[0] == "delvis"
    assert "uppnåtts" in translate("was the goal partly met")[-1].swedish


def test_other_personnel_costs_are_the_income_statements_row():
    assert translate("other personnel costs")[0].swedish[0] == "övriga personalkostnader"


def test_where_and_when_words_of_a_location_question_are_rendered():
    """"Where are parts of the city office located today?": «delar», «lokaliserade», «idag» (not "partly")."""
    from assistant.glossary import translate

    rendered = {w for t in translate("Where are parts of the city office located today?") for w in t.swedish}
    assert {"delar", "lokaliserade", "idag"} <= rendered
    assert "delvis" not in rendered
