"""Answer shapes end to end on the real report: briefs, summaries, pages, outline, refusals."""

from __future__ import annotations

import re

import pytest

from assistant.answer.extractive import is_signpost
from assistant.answer.shapes.brief import modifiers_of
from assistant.models import Turn
from tests.conftest import SOURCE


def squash(text: str) -> str:
    return "".join(text.split())


def quotes_are_verbatim(assistant, answer) -> None:
    for c in answer.citations:
        assert f"[{c.n}]" in answer.answer
        if c.kind in ("table", "heading", "assessment") and c.quote.startswith(("Bedömning:", "Kommunfull")):
            continue
        if c.kind == "table":
            continue
        around = " ".join(assistant.page_text(SOURCE, p) for p in (c.page - 1, c.page, c.page + 1))
        assert squash(c.quote) in squash(around), c.quote


def test_brief_is_several_cited_points_under_headings(assistant):
    a = assistant.ask("Vad gör staden för att stärka kompetensförsörjningen?")
    assert a.shape == "brief" and not a.refused
    assert 3 <= len(a.citations) <= 6
    assert len(re.findall(r"^\*\*.+\*\* \(s\. \d+", a.answer, flags=re.M)) >= 1  # grouped under headings
    assert len({c.quote for c in a.citations}) == len(a.citations)  # no point twice
    assert not any(is_signpost(c.quote) for c in a.citations)
    assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    assert 0.0 <= a.confidence <= 1.0
    quotes_are_verbatim(assistant, a)
    # from the report's passages on competence supply (p. 6, 11) or its goal (p. 32–33)
    assert sum(c.page in (6, 11, 32, 33) for c in a.citations) >= len(a.citations) - 1


def test_summary_of_a_goal_leads_with_its_assessment_and_names_its_span(assistant):
    a = assistant.ask("Sammanfatta målet om att staden ska bli fri från segregation.")
    assert a.shape == "summary" and not a.refused
    assert a.span and re.search(r"s\. \d+–\d+", a.span)
    assert "Sammanfattning av «Malmö stad arbetar för att staden ska bli fri från segregation»" in a.answer
    assert "förväntas uppnås" in a.citations[0].quote.lower()
    assert all(26 <= c.page <= 27 for c in a.citations)
    quotes_are_verbatim(assistant, a)


def test_page_answer_names_the_pages_headings_and_quotes_it(assistant):
    a = assistant.ask("Vad står det på sidan 28?")
    assert a.shape == "page" and not a.refused
    assert "social obligation" in a.answer
    assert all(c.page == 28 for c in a.citations) and len(a.citations) >= 2


def test_a_page_outside_the_report_is_said_so(assistant):
    a = assistant.ask("Vad står det på sidan 99?")
    assert a.refused and not a.citations and "99" in a.answer


def test_outline_negation_all_goals_are_met(assistant):
    for q in ("Vilka mål förväntas inte uppnås?", "Which goals are not expected to be met?"):
        a = assistant.ask(q)
        assert a.shape == "outline" and not a.refused
        assert a.answer.startswith(("Inga", "None"))
        statuses, overall = a.citations[:12], a.citations[12:]
        assert all("Förväntas uppnås" in c.quote for c in statuses)
        # and the report's own statement on all its goals, cited where it stands (its summary, p. 4)
        assert len(overall) == 1 and "samtliga tolv mål" in overall[0].quote and overall[0].page == 4


@pytest.mark.parametrize("question", ["Vilka mål förväntas bara delvis uppnås?",
                                      "Which goals are only partly expected to be met?"])
def test_goals_only_partly_met_are_the_goals_not_met(assistant, question):
    a = assistant.ask(question)
    assert a.shape == "outline" and a.answer.startswith(("Inga", "None")), a.answer


def test_a_reason_asked_of_one_budget_areas_row_is_not_the_whole_boards(assistant):
    # «Juridik» is a row of the budget areas' table: the list of the whole board's explanations does not lead
    a = assistant.ask("Varför går Juridik med underskott?")
    assert "Juridik" in a.answer and "STYRELSEN" not in a.answer, a.answer


def test_a_short_bullet_that_names_the_topic_is_a_point(assistant):
    # the report names the whistleblowing function only in a list of deviations (p. 40): «• Visselblåsarfunktionen»
    a = assistant.ask("What has the board done about whistleblowing?")
    assert not a.refused and "Visselblåsarfunktionen" in a.answer, a.answer


def test_a_goals_assessment_comes_with_what_it_rests_on(assistant):
    a = assistant.ask("Vad är bedömningen för målet om segregation?")
    assert a.shape == "outline" and not a.refused
    assert "Förväntas uppnås" in a.citations[0].quote
    assert len(a.citations) >= 2 and a.citations[1].quote.startswith("Bedömningen baseras på")
    assert all(26 <= c.page <= 27 for c in a.citations)


def test_goals_of_one_area_are_listed_from_the_outline(assistant):
    a = assistant.ask("Vilka kommunfullmäktigemål finns under målområdet En mer jämlik stad?")
    assert a.shape == "outline" and len(a.citations) == 3
    assert {c.page for c in a.citations} <= {26, 27, 29}


@pytest.mark.parametrize("question", [
    "Skriv ett mejl till min chef om obligationen.", "Hej! Hur mår du?", "Write a poem about Malmö",
    "Kan du översätta sammanfattningen till arabiska?",
])
def test_tasks_and_chitchat_are_declined_with_what_the_assistant_does(assistant, question):
    a = assistant.ask(question)
    assert a.refused and a.shape == "out_of_scope" and not a.citations
    assert "rapport" in a.answer.lower() or "report" in a.answer.lower()


def test_a_task_in_a_conversation_is_still_declined(assistant):
    from assistant.models import Turn

    first = assistant.ask("Hur stor var den sociala obligationen?")
    a = assistant.ask("Skriv ett mejl till min chef om obligationen.", history=[Turn(first.question, first.answer)])
    assert a.refused and a.shape == "out_of_scope" and not a.citations
    followup = assistant.ask("När gavs den ut?", history=[Turn(first.question, first.answer)])
    assert not followup.refused and followup.shape == "fact"


@pytest.mark.parametrize("question", [
    "Vad blir vädret i Malmö imorgon?", "Vilken ränta har den sociala obligationen?",
])  # ("Vad gör Göteborg för att minska utsläppen?" and "Hur stor är befolkningen i Helsingborg?" are refused by rules:
#   test_a_place_the_report_only_mentions_…, test_a_place_the_report_never_names_…)
def test_questions_the_report_does_not_cover_are_refused(assistant, question):
    a = assistant.ask(question)
    assert a.refused and not a.citations and a.shape == "out_of_scope"
    assert a.confidence is not None and a.confidence < 0.5


def test_a_fact_stays_short_and_carries_its_confidence(assistant):
    a = assistant.ask("Hur stor var den sociala obligationen?")
    assert a.shape == "fact" and len(a.answer.split()) <= 40
    assert a.confidence is not None and a.confidence >= 0.8 and a.confidence_level == "sure"
    j = a.to_json()
    assert j["shape"] == "fact" and 0 <= j["confidence"] <= 1 and j["confidence_level"] == "sure"


def test_a_reason_brings_the_sentences_its_cause_goes_on_in(assistant):
    # the cause (p. 39) is told over three sentences, across a chunk boundary: the amounts come last
    a = assistant.ask("Vad beror styrelsens överskott på?")
    assert a.shape == "reason" and not a.refused
    quotes = " ".join(c.quote for c in a.citations)
    assert "Amiralen" in quotes and "internhyresmodellen" in quotes and "3,9 Mkr" in quotes
    assert len(a.citations) <= 5
    quotes_are_verbatim(assistant, a)


def test_a_sentence_that_introduces_a_table_brings_its_rows(assistant):
    a = assistant.ask("Vilka förändringar av kommunbidraget har beslutats under året?")
    assert not a.refused
    rows = [c for c in a.citations if c.kind == "table"]
    assert any("494,7" in c.quote for c in rows) and any("510,3" in c.quote for c in rows)  # first row and total
    assert len(rows) <= 12  # the whole table (8 rows) within a bound
    # a row under its own table's heading is not prefixed with the title again
    assert "- Nämndsbudget Enligt ursprungligt KS beslut" in a.answer


def test_how_many_goals_cites_the_reports_own_count_first(assistant):
    a = assistant.ask("Hur många kommunfullmäktigemål har riktats till kommunstyrelsen?")
    assert a.shape == "outline" and not a.refused
    assert "tolv mål" in a.citations[0].quote and a.citations[0].page == 4
    assert len(a.citations) == 13  # the count, then the twelve goals
    assert [c.n for c in a.citations] == list(range(1, 14))


def test_a_two_part_question_gets_both_facts_each_cited(assistant):
    a = assistant.ask("Hur mycket pengar avsattes till stadskontorets verksamhet i nämndsbudgeten, "
                      "och vad visar årsprognosen?")
    assert a.shape == "fact" and not a.refused
    assert "338,9 Mkr" in a.answer and "7,1 Mkr" in a.answer
    assert [c.n for c in a.citations] == list(range(1, len(a.citations) + 1))
    assert all(f"[{c.n}]" in a.answer for c in a.citations)
    quotes_are_verbatim(assistant, a)


def test_whether_one_areas_goals_are_met_lists_that_area_only(assistant):
    a = assistant.ask("Uppnås målen under En grön stad som leder klimatomställningen?")
    assert a.shape == "outline" and not a.refused
    assert "2 av 2" in a.answer and "segregation" not in a.answer
    assert {c.kind for c in a.citations} == {"heading", "assessment"}  # each goal: where named, where assessed


@pytest.mark.parametrize("question", ["Vad gör staden för att?", "What is the City doing about?",
                                      "Hur arbetar kommunstyrelsen med?"])
def test_an_open_question_without_a_topic_asks_for_one(assistant, question):
    a = assistant.ask(question)
    assert a.refused and not a.citations
    assert ("vill veta mer om" in a.answer) or ("name the topic" in a.answer)


def test_the_label_above_a_paragraph_says_which_deviation_it_explains(assistant):
    a = assistant.ask("Varför är personalkostnaderna lägre än budgeterat på stadskontoret?")
    assert a.shape == "reason" and not a.refused
    assert any("vakanser" in c.quote and c.page == 40 for c in a.citations)


def test_a_topic_under_several_headings_is_summarised_from_each(assistant):
    a = assistant.ask("Sammanfatta arbetet med mänskliga rättigheter")
    assert a.shape == "summary" and not a.refused
    lead = a.answer.splitlines()[0]
    assert lead.count("«") >= 2 and " och «" in lead  # each heading named with its pages
    assert len({c.page for c in a.citations}) >= 2
    quotes_are_verbatim(assistant, a)


def test_a_bulleted_line_of_the_report_is_one_point_with_one_bullet(assistant):
    a = assistant.ask("Vad står det på sidan 40?")
    assert a.shape == "page" and not a.refused
    assert not any(line.startswith("- •") for line in a.answer.splitlines())


def test_a_summary_keeps_to_the_year_and_the_length_asked_for(assistant):
    a = assistant.ask("Sammanfatta kommunstyrelsens investeringar 2025")
    assert a.shape == "summary" and "«Investeringsram»" in a.answer  # not «Uppdatering investeringar 2026»
    later = assistant.ask("Sammanfatta investeringsplanen för 2026")
    assert "2026" in later.answer.split("\n")[0]
    short = assistant.ask("Sammanfatta rapporten i tre meningar")
    assert short.shape == "summary" and len(short.citations) == 3


def test_the_causes_of_a_surplus_are_those_of_positive_deviations(assistant):
    a = assistant.ask("Varför prognostiserar stadskontoret ett överskott?")
    assert a.shape == "reason" and not a.refused
    assert "Uven" not in a.answer  # the rent for Uven explains a deficit (Lokalkostnader -3 Mkr)
    assert any(c.page in (39, 40) for c in a.citations)


def test_a_length_request_shapes_a_brief_without_changing_its_topic(assistant):
    a = assistant.ask("Vad gör staden för klimatet? Svara i två punkter")
    assert a.shape == "brief" and not a.refused and len(a.citations) <= 2
    assert "klimat" in a.answer.lower()


def test_a_summary_of_one_year_leaves_out_the_same_topic_in_another(assistant):
    lead = assistant.ask("Sammanfatta kommunstyrelsens investeringar 2025").answer.splitlines()[0]
    assert "«Investeringsram»" in lead and "2026" not in lead


def test_a_summary_of_how_something_developed_finds_the_section_on_its_development(assistant):
    a = assistant.ask("Sammanfatta hur verksamheten utvecklats under året")
    assert a.shape == "summary" and "Utveckling av verksamheten" in a.answer.splitlines()[0]


def test_a_briefs_cue_words_are_not_its_topic(assistant):
    a = assistant.ask("Hur långt har man kommit med det nya ekonomisystemet?")
    assert a.shape == "brief" and not a.refused
    assert "ekonomisystem" in a.answer and "förmånscykel" not in a.answer.lower()  # "kommit", "långt" are the cue
    b = assistant.ask("Hur motverkar staden välfärdsbrott?")
    assert any(c.page in (6, 30) for c in b.citations)  # the verb of "hur motverkar staden" is the topic


def test_the_goal_about_a_topic_is_answered_from_the_outline(assistant):
    a = assistant.ask("Which goal deals with electricity supply?")
    assert a.shape == "outline" and "elförsörjning" in a.answer and "En grön stad" in a.answer
    assert {c.kind for c in a.citations} == {"heading", "assessment"}
    areas = assistant.ask("What are the six goal areas?")
    assert areas.shape == "outline" and "6 goal areas" in areas.answer and "1 goal " in areas.answer
    count = assistant.ask("How many council goals are there in total?")
    assert count.shape == "outline" and "tolv mål" in count.answer


def test_an_english_reason_keeps_to_the_part_asked_about(assistant):
    a = assistant.ask("Why is the city office showing a surplus?")
    assert a.shape == "reason" and a.citations[0].page in (39, 40, 41)  # "showing" is not "visa på …" (p. 16)


def test_a_reason_about_one_part_of_the_board_keeps_to_that_part(assistant):
    a = assistant.ask("What's the reason for the surplus in styrelsen?")
    assert a.shape == "reason" and not a.refused
    assert "vakanser" not in a.answer  # the city office's causes (under STADSKONTORETS VERKSAMHET), not styrelsen's


def test_a_cue_that_names_what_is_asked_keeps_it_as_the_topic(assistant):
    a = assistant.ask("Vilka utmaningar finns med kompetensförsörjningen?")
    assert a.shape == "brief" and "utmaning" in a.answer.lower()  # "utmaningar" is the cue and the topic
    purpose = assistant.ask("Vad är syftet med ambassadörsprogrammet?")
    assert purpose.shape == "fact" and "ambassadörsprogram" in purpose.answer  # a purpose is one sentence


def test_a_summary_of_a_part_named_by_two_titles_is_that_part(assistant):
    """'styrelsens ekonomi': «STYRELSEN» inside the economic section, not the whole section."""
    for question in ("sammanfatta styrelsens ekonomi", "Sammanfatta styrelsens ekonomi"):
        a = assistant.ask(question)
        assert a.shape == "summary" and a.span.startswith("STYRELSEN"), question
        assert {c.page for c in a.citations} <= {38, 39}


def test_a_summary_quotes_what_was_done_not_what_the_report_tells(assistant):
    a = assistant.ask("Kan du sammanfatta KS delårsrapport i några rader?")
    assert "13,9 Mkr" in a.answer
    assert "I delårsrapporteringen beskrivs också" not in a.answer


def test_a_goal_area_the_report_has_not_got_is_said_so_with_the_ones_it_has(assistant):
    """'målområdet Ett tryggt Malmö' was summarised as the employer goal (for its 'trygga anställningar')."""
    for question in ("Sammanfatta målområdet Ett tryggt Malmö", "Vad gör staden inom målområdet Trygghet och säkerhet?",
                     "Summarise the goal area on public health"):
        a = assistant.ask(question)
        assert a.refused and not a.citations, question
        assert "En grön stad som leder klimatomställningen" in a.answer and "(s. " in a.answer  # the six, with pages
    for question, area in (("sammanfatta målområdet om den gröna staden", "En grön stad"),
                           ("Sammanfatta målområdet för arbete och hållbar tillväxt", "En attraktiv stad"),
                           ("vilka kf-mål ligger under målområdet god organisation?", "En god organisation")):
        a = assistant.ask(question)
        assert not a.refused and area in a.answer, question


def test_how_the_goals_of_an_area_are_assessed_is_their_status(assistant):
    a = assistant.ask("Hur bedöms målen i målområdet Barn och unga?")
    assert a.shape == "outline" and "Förväntas uppnås" in a.answer
    english = assistant.ask("How are the goals under the green city goal area assessed?")
    assert english.shape == "outline" and english.answer.count("Förväntas uppnås") == 2
    one = assistant.ask("hur bedöms KF-målet om att halvera hemlösheten till 2026?")
    assert one.refused  # one goal, and the report has no such goal: not the list of all twelve
    both = assistant.ask("vilka målområden finns i rapporten och hur bedöms målen?")
    assert both.answer.startswith("Rapporten har 6 målområden")


def test_why_a_goal_is_not_met_is_answered_with_its_assessment(assistant):
    """All twelve goals are expected to be met: 'why not?' has no causes to quote."""
    a = assistant.ask("Varför uppnås inte målet om elförsörjning?")
    assert a.refused and "Förväntas uppnås" in a.answer and "elförsörjning" in a.answer
    unknown = assistant.ask("varför bedöms målet om ett tryggt åldrande i Malmö inte uppnås i år?")
    assert unknown.refused and "alla 12" in unknown.answer
    assert not assistant.ask("Vilka mål uppnås inte?").refused  # the outline's "Inga: …" answers that one


def test_a_name_the_report_leaves_out_is_not_taken_from_the_next_sentence(assistant):
    """The report says two Japanese companies came, not which: the hub's event names are no answer."""
    a = assistant.ask("Vilka är de två japanska bolagen som etablerat sig i Malmö?")
    assert a.refused and "Två japanska bolag" in a.answer and "(s. 22)" in a.answer
    assert "Take Off Tokyo" not in a.answer
    named = assistant.ask("Vilket företag har staden förlängt avtalet om förmånscykel med?")
    assert not named.refused and "EcoChange" in named.answer


def test_a_summary_of_pages_says_the_pages_asked_for(assistant):
    a = assistant.ask("Sammanfatta sidorna 37-39")
    assert a.shape == "summary" and a.answer.startswith("Sammanfattning av s. 37–39.")
    assert all(37 <= c.page <= 39 for c in a.citations)


def test_how_far_something_has_come_is_no_topic_of_a_summary(assistant):
    """'hur det går med' named a heading that 'går framåt'; the priorities section is the closest title in
    meaning and names the priorities."""
    a = assistant.ask("Sammanfatta hur det går med prioriteringarna i nämndsbudgeten")
    assert a.shape == "summary" and a.span.startswith("Uppföljning av arbetet med prioriteringar")
    climate = assistant.ask("Can you summarise what KS has done on climate this year?")
    assert climate.shape == "summary" and climate.span.startswith("En grön stad som leder klimatomställningen")


def test_a_page_asked_for_in_chat_shorthand_is_a_page_answer(assistant):
    """'sid 44' without the dot, 'vad visar den': and a page no heading starts on says what it belongs to."""
    a = assistant.ask("sid 44, vad visar den?")
    assert a.shape == "page" and not a.refused and a.answer.startswith("Sidan 44 hör till «")
    assert all(c.page == 44 for c in a.citations)


def test_a_follow_up_summary_is_of_the_conversations_topic(assistant):
    """'Sammanfatta det' after a question summarises that topic, not the report's own summary."""
    first = assistant.ask("Vad gör staden för att motverka välfärdsbrottslighet?")
    history = [Turn(first.question, first.answer)]
    a = assistant.ask("Sammanfatta det i tre punkter", history=history)
    assert a.shape == "summary" and "välfärdsbrottslighet" in a.span
    report = assistant.ask("Sammanfatta rapporten", history=history)
    assert report.span.startswith("Sammanfattning")


def test_a_follow_up_asking_for_a_name_the_report_does_not_give_is_refused(assistant):
    first = assistant.ask("Vad gör staden för att motverka välfärdsbrottslighet?")
    a = assistant.ask("Vem ansvarar för det?", history=[Turn(first.question, first.answer)])
    assert a.refused  # it quoted a grant to Pink Programming, a name on the topic


def test_an_english_follow_up_on_the_goal_finds_the_goal_of_the_previous_topic(assistant):
    """'And how is the goal assessed?' after a question on crime: the crime goal, by the other rendering of
    'prevent crime' (minska brottsligheten), not the climate goal's 'minskade utsläpp'."""
    first = assistant.ask("What is the city doing to prevent crime?")
    a = assistant.ask("And how is the goal assessed?", history=[Turn(first.question, first.answer)])
    assert a.shape == "outline" and "minska brottsligheten" in a.answer and "Förväntas uppnås" in a.answer


def test_a_comparison_on_a_topic_the_report_lacks_is_refused(assistant):
    """'jämfört med 2024' is close in meaning to every comparison with 2024: the embedding does not vouch for
    a topic of only unknown words (the report has no sjukfrånvaro)."""
    assert assistant.ask("Hur har sjukfrånvaron utvecklats jämfört med 2024?").refused
    assert not assistant.ask("Hur har nettokostnaden utvecklats jämfört med 2024?").refused


def test_a_goal_named_by_a_compound_is_that_goal(assistant):
    """'klimatmål', 'segregationsmålet', 'climate goals': that goal's assessment, not all twelve."""
    for question in ("Når staden sina klimatmål?", "Is the city on track with its climate goals?"):
        a = assistant.ask(question)
        assert a.shape == "outline" and "klimatneutral stad 2030" in a.answer and "barn och unga" not in a.answer
    assert "segregation" in assistant.ask("Nås segregationsmålet?").answer.split("\n")[0]


def test_meeting_a_target_the_goals_do_not_name_is_not_the_list_of_goals(assistant):
    a = assistant.ask("Did the city meet its target for women in leadership?")
    assert a.shape != "outline" and "barn och unga" not in a.answer
    assert assistant.ask("Are any of the board's goals at risk of not being met this year?").answer.startswith("None")


def test_an_amount_the_report_never_states_is_said_so(assistant):
    """'höjts till 620 mkr': the report's appropriation is 510,3 Mkr; amounts it states (also in other words,
    English decimals, rounded) are answered."""
    a = assistant.ask("varför har KS anslag höjts till 620 mkr i år?")
    assert a.refused and "620 mkr" in a.answer
    for question in ("Of the board's 171.4 Mkr, how much is fees for elected officials (arvodeskostnader)?",
                     "Vad ska den sociala obligationen på 600 miljoner användas till?",
                     "Varför går lokalkostnaderna back med ca 3 mkr?"):
        assert not assistant.ask(question).refused, question


def test_an_english_open_questions_cue_words_are_not_its_topic(assistant):
    a = assistant.ask("How have staff business travel patterns changed?")
    assert a.shape == "change" and not a.refused
    assert a.citations[0].page == 24  # the travel section, not any sentence on "förändringar"
    assert "Cities for Better Health" not in a.answer and "Förändring i %" not in a.answer


def test_a_summary_of_a_part_leads_with_what_the_reports_own_summary_says_of_it(assistant):
    a = assistant.ask("Can you give me a short summary of the KS financial position in the interim report 2025?")
    assert a.shape == "summary" and not a.refused
    own = [c for c in a.citations if c.page == 4]
    assert own and any("13,9 Mkr" in c.quote for c in own) and any("510,3 Mkr" in c.quote for c in own)
    assert a.answer.index("**Sammanfattning** (s. 4)") < a.answer.index("(s. 37)", a.answer.index("**"))
    # the section's sentences, not its table rows: a row's figures are no summary of it
    assert not any(re.search(r": (?:Budget|Prognos|Belopp) -?\d", c.quote) for c in a.citations)
    # a goal's summary has no such lines: the report's summary says nothing of one goal alone
    b = assistant.ask("Sammanfatta målet om att staden ska bli fri från segregation.")
    assert not any(c.page == 4 for c in b.citations)


def test_a_goal_summary_shows_its_assessments_heading_once(assistant):
    a = assistant.ask("sammanfatta vad KS gjort för målet om en stad fri från segregation")
    headings = re.findall(r"^\*\*(.+)\*\* \(s\.", a.answer, flags=re.M)
    assert headings and len(headings) == len(set(headings))


def test_an_english_name_question_reads_its_prepositions_and_generic_nouns(assistant):
    a = assistant.ask("Which company did the city sign up with for the employee bike benefit scheme?")
    assert not a.refused and "EcoChange" in a.answer and a.citations[0].page == 23


def test_the_second_half_of_a_two_part_question_stays_on_the_first_halfs_topic(assistant):
    a = assistant.ask("hur många företag är med i Malmö Residency och vem finansierar?")
    assert not a.refused and "70 företag" in a.answer
    assert "Amiralen" not in a.answer  # "vem finansierar" is not any sentence on financing


def test_a_second_half_in_the_reports_everyday_words_names_no_topic_of_its_own(assistant):
    # "när förväntas ett beslut fattas" met the metro's «… fattade beslut om att inleda ett arbete …» (p. 16)
    a = assistant.ask("Hur långt har arbetet med formerna för kraftsamlande insatser kommit, och när förväntas ett "
                      "beslut fattas?")
    assert not a.refused and "kraftsamlande" in a.answer, a.answer
    assert "Öresund" not in a.answer, a.answer


def test_an_amount_that_is_a_difference_does_not_answer_how_much_something_is(assistant):
    a = assistant.ask("budget för allmänt investeringsutrymme 2025 i mkr?")
    assert not a.refused and "18,5 Mkr högre" not in a.answer and "20 000 tkr" in a.answer
    b = assistant.ask("Hur mycket högre är budgeten för allmänt investeringsutrymme än 2024?")
    assert "18,5 Mkr högre" in b.answer  # asked for the difference: then it is the answer


def test_a_when_question_gets_the_month_when_a_close_sentence_gives_it(assistant):
    a = assistant.ask("När ska stadskontoret flytta till Rådhuset?")
    assert not a.refused and "februari/mars 2026" in a.citations[0].quote and a.citations[0].page == 12


def test_another_citys_figure_is_not_answered_with_malmos(assistant):
    a = assistant.ask("What was Lund's forecast result for 2025?")
    assert a.refused  # Lund is no part of Malmö-Lundregionen's name to the glossary


def test_a_sentence_on_what_the_report_contains_is_followed_to_that_section(assistant):
    a = assistant.ask("Hur arbetar kommunstyrelsen med sin uppsiktsplikt?")
    assert a.shape == "brief" and not a.refused
    # the section «Uppföljning av kommunstyrelsens uppsiktplikt» (the report misspells it), not the summary on p. 4
    assert all(7 <= c.page <= 9 for c in a.citations) and len(a.citations) >= 3


def test_a_value_is_the_named_things_only_when_its_sentence_names_it(assistant):
    a = assistant.ask("hur mycket har MKB investerat i Lorensborgs centrum?")
    assert a.refused  # the bond's 600 miljoner kronor, two sentences before Lorensborg, is not its cost
    assert not assistant.ask("Hur stor var den sociala obligationen som Malmö stad gav ut?").refused


def test_a_setback_the_report_does_not_tell_of_is_said_so(assistant):
    """'Why was it cancelled?' about a project the report says is going ahead: no quotes given as the reason."""
    for question in ("Why was the Öresund metro project cancelled?", "Varför lades Malmö Möts ner?",
                     "Why did the city council reject the new events policy (evenemangspolicy)?"):
        a = assistant.ask(question)
        assert a.refused and not a.citations, question
        assert "inte att det har stoppats" in a.answer or "does not say that it was cancelled" in a.answer
    # a setback the report does tell of is answered, and so is a purpose ("för att stoppa …")
    for question in ("Varför pausades påverkansarbetet med Effektkommissionen?",
                     "Varför blev produktionsstarten för nya avvikelsehanteringsystemet försenad?",
                     "Vad gör stan för att stoppa välfärdsbrott i upphandlingar?"):
        assert not assistant.ask(question).refused, question


def test_a_multi_word_name_is_met_as_a_name(assistant):
    """'Malmö Möts' is a democracy initiative (p. 28), not the travel section 'Malmö stad möts och reser …'."""
    a = assistant.ask("Sammanfatta Malmö Möts")
    assert not a.refused and all(c.page == 28 for c in a.citations)
    a = assistant.ask("när är demokratihelgen i Malmö Möts?")  # the name stands in the chunk before
    assert not a.refused and "november 2025" in a.answer


def test_an_english_place_name_is_the_reports_name(assistant):
    """'Gothenburg' is Göteborg: its forecast is not Malmö's 13,9 Mkr."""
    a = assistant.ask("What did Gothenburg's executive board forecast as its result for 2025?")
    assert a.refused
    assert not assistant.ask("What full-year surplus is the city executive board forecasting?").refused


def test_the_askers_own_situation_is_not_the_topic(assistant):
    """'jag ska dra den på ledningsgruppen imorgon' says what the answer is for; the report never says
    'ledningsgruppen', and the question is still answered."""
    a = assistant.ask("Sammanfatta delårsrapporten kort, jag ska dra den på ledningsgruppen imorgon")
    assert not a.refused and a.shape == "summary" and 4 in {c.page for c in a.citations}
    a = assistant.ask("hej, jag sitter o förbereder budgetberedningen. hur stort är KS anslag totalt för 2025 i mkr?")
    assert not a.refused and "510,3" in a.answer


def test_a_value_of_a_thing_the_report_never_names_is_refused(assistant):
    """'sjukfrånvaron' is nowhere in the report: a sentence on stadskontoret's first half-year is no answer."""
    assert assistant.ask("Vad var sjukfrånvaron på stadskontoret första halvåret 2025?").refused
    assert not assistant.ask("Hur stor är summan av investeringarna i investeringsramen för 2025?").refused


def test_a_brief_on_two_things_quotes_each(assistant):
    """'MEHAB och elpriserna': the electricity-price sentences (p. 25) do not name MEHAB, and are quoted."""
    a = assistant.ask("Berätta om energiarbetet – vad händer med MEHAB och elpriserna?")
    assert a.shape == "brief" and not a.refused
    assert any("MEHAB" in c.quote for c in a.citations) and any("elpris" in c.quote for c in a.citations)


def test_a_point_that_leans_on_the_sentence_before_comes_with_it(assistant):
    a = assistant.ask("Hur arbetar kommunstyrelsen med mänskliga rättigheter?")
    lean = next(c.quote for c in a.citations if "Genom detta arbete blir" in c.quote)
    assert lean.startswith("Uppföljningsarbetet har integrerats")  # one point, both sentences verbatim
    quotes_are_verbatim(assistant, a)


def test_a_count_in_a_unit_the_report_never_uses_is_refused(assistant):
    assert assistant.ask("Hur många ton koldioxid släppte stadens flygresor ut under 2024?").refused
    assert not assistant.ask("Hur många kommunalråd har kommunstyrelsen?").refused


def test_a_name_the_report_leaves_out_is_said_so(assistant):
    """p. 23 mentions 'ett Tokyobaserat uppstartsbolag' and never names it: the sentence is no name."""
    a = assistant.ask("What's the name of the Tokyo-based startup Malmö is running the sustainability project with?")
    assert a.refused and "gives no names" in a.answer and "Tokyobaserat uppstartsbolag" in a.answer
    a = assistant.ask("What is the name of the tool where boards follow their flights and train trips?")
    assert not a.refused and "Koll Tjänsteresor" in a.answer


def test_council_goals_of_a_goal_area_are_listed_from_the_outline(assistant):
    a = assistant.ask("Which council goals fall under the goal area 'En god organisation'?")
    assert a.shape == "outline" and not a.refused and "3 goals" in a.answer


def test_a_decision_to_shut_down_that_the_report_does_not_tell_of_is_said_so(assistant):
    """Koll Folkhälsa was delayed (p. 27), not shut down: a delay in the passages does not vouch for a shutdown."""
    a = assistant.ask("När beslutade KS att lägga ner Koll Folkhälsa?")
    assert a.refused and not a.citations
    assert not assistant.ask("Why was the Koll Folkhälsa rollout delayed?").refused


def test_a_surplus_asked_about_as_a_deficit_is_corrected(assistant):
    a = assistant.ask("Varför går KS med ett underskott på 13,9 Mkr?")
    assert a.refused and "som ett överskott" in a.answer and "(s. 4)" in a.answer
    assert not assistant.ask("Varför blir det ett överskott på 13,9 Mkr?").refused
    # an amount the question writes coarsely is not read as a nearby amount of the other sign
    assert "as a surplus" not in assistant.ask("How much of the -4.6 Mkr other-cost deficit is consultancy?").answer


def test_an_english_summary_of_a_topic_searches_the_topic_not_the_word_report(assistant):
    a = assistant.ask("Summarise what the report says about the new intranet.")
    assert not a.refused and sum("intranät" in c.quote for c in a.citations) >= 2


def test_a_table_a_sentence_introduces_is_quoted_whole(assistant):
    """The year's changes to the appropriation (p. 38): every row, so that they add up to 510,3 Mkr."""
    a = assistant.ask("Vad var kommunbidraget enl. ursprungligt KS-beslut innan förändringarna under året?")
    quotes = " ".join(c.quote for c in a.citations)
    assert "494,7" in quotes and "510,3" in quotes
    assert "Utveckling öppna Malmö" in quotes and "demokratiutveckling" in quotes


def test_another_years_figure_must_be_of_the_measure_asked(assistant):
    """2027 stands only in the investment plan: it is no appropriation for 2027."""
    assert assistant.ask("Hur stort blir KS kommunbidrag för 2027?").refused
    assert assistant.ask("What will the executive board's surplus be in 2026?").refused
    a = assistant.ask("Vad begär KS i investeringar för 2026 totalt?")
    assert not a.refused and "10 000" in a.answer
    # a year in a row's label names the thing, not the year of the figure
    assert "2,5" in assistant.ask("Hur mycket har beviljats till handbolls-EM 2026 från projektanslaget?").answer


def test_the_board_in_english_is_also_kommunstyrelsen(assistant):
    """An English reader's "the board" is the executive board: its 78 Mkr for competence (p. 6), not a row."""
    a = assistant.ask("How much money did the board set aside for competence-raising initiatives this year?")
    assert not a.refused and "78 miljoner kronor" in a.answer


def test_which_things_the_report_counts_but_does_not_name(assistant):
    """'ytterligare städer i Sydamerika, Asien och Afrika' (p. 22) names regions, not the cities asked for."""
    a = assistant.ask("Which cities joined Malmö Commitment in spring 2025?")
    assert a.refused and "gives no names" in a.answer
    assert "MEHAB" in assistant.ask("Vilket bolag ska driva stadens energiarbete?").answer


def test_a_setback_must_be_told_of_the_thing_named(assistant):
    """'Innovationsplattform stad avslutades' in the same passages tells nothing of Malmö Residency."""
    a = assistant.ask("Varför beslutade kommunfullmäktige att lägga ner Malmö Residency?")
    assert a.refused and not a.citations
    assert not assistant.ask("Varför pausades påverkansarbetet med Effektkommissionen?").refused


def test_english_air_travel_is_flyg(assistant):
    a = assistant.ask("How has business travel by air changed?")
    assert not a.refused and all(c.page == 24 for c in a.citations)


def test_a_wrong_amount_is_corrected_with_the_reports_figure(assistant):
    a = assistant.ask("Stämmer det att KS anslag är 610 mkr?")
    assert a.refused and "610 mkr" in a.answer and "510,3 Mkr" in a.answer and "(s. 4)" in a.answer
    a = assistant.ask("Är det sant att den sociala obligationen var på 700 miljoner kronor?")
    assert "600 miljoner kronor" in a.answer and "(s. 28)" in a.answer


def test_a_setback_without_a_name_must_be_told_of_the_topic(assistant):
    """'Förseningen beror främst på begränsat resursutrymme' is Koll Folkhälsa's delay, not the intranet's."""
    a = assistant.ask("Why was the new intranet launch postponed?")
    assert a.refused and not a.citations
    assert not assistant.ask("Varför blev produktionsstarten för nya avvikelsehanteringsystemet försenad?").refused


def test_names_the_report_lists_in_a_table_are_read_from_it_not_refused(assistant):
    # "… beslut om totalt 26,4 Mkr. Nedan visas beslut som uppgår till minst 1 Mkr." and then the table
    answer = assistant.ask("vilka projekt över 1 mkr har beslutats i anslaget för projekt- och utredningar?")
    assert not answer.refused and answer.shape == "brief"
    assert "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer


def test_words_a_question_restates_in_parentheses_need_no_title():
    from assistant.answer.shapes.summary import in_parentheses

    assert in_parentheses("sammanfatta styrelsens (den politiska org) ekonomi") >= {"politisk", "org"}
    assert "styr" not in in_parentheses("sammanfatta styrelsens (styrelsen) ekonomi")
    assert in_parentheses("sammanfatta styrelsens ekonomi") == set()


@pytest.mark.parametrize("question", ["sammanfatta styrelsens (den politiska org) ekonomi",
                                      "Summarize the finances of styrelsen (the political organisation) for me"])
def test_a_summary_of_a_parts_finances_is_that_part_with_its_bottom_line(assistant, question):
    answer = assistant.ask(question)
    assert answer.shape == "summary" and "STYRELSEN" in (answer.span or "")
    assert "6,9 Mkr" in answer.answer  # «Prognosen för styrelsen visar som helhet ett överskott med 6,9 Mkr.»


@pytest.mark.parametrize("question", ["Eftersom två av KS mål inte väntas nås i år – vilka åtgärder planeras för dem?",
                                      "Since two goals won't be met, what is planned for them?"])
def test_a_question_that_states_goals_are_not_met_as_its_premise_is_corrected(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and "12" in answer.answer and "Förväntas uppnås" in answer.answer


@pytest.mark.parametrize("question", ["Vilka mål väntas inte nås?", "Which goals won't be met?"])
def test_goals_not_expected_to_be_met_are_none(assistant, question):
    answer = assistant.ask(question)
    assert answer.shape == "outline" and answer.answer.startswith(("Inga:", "None:"))


@pytest.mark.parametrize("question", ["Vad gör KS för klimatet?", "Vad gör KS inom klimatområdet?"])
def test_a_brief_on_a_topic_a_goal_names_quotes_that_goal_not_the_boards_name_everywhere(assistant, question):
    # "KS" is in every part of the report: the topic, and the climate goal it names, choose the points
    answer = assistant.ask(question)
    assert answer.shape == "brief" and not answer.refused
    pages = {c.page for c in answer.citations}
    assert pages & {22, 23, 24} and 4 not in pages and 7 not in pages, pages


@pytest.mark.parametrize("question", ["How reliable is the forecast?", "Hur säker är prognosen?"])
def test_how_far_the_forecast_can_be_trusted_is_the_reports_own_assessment_of_it(assistant, question):
    # "reliable" + "forecast" are the report's compound «Prognossäkerheten»: quoted, not rows that say "Prognos"
    answer = assistant.ask(question)
    assert answer.shape == "brief" and "Prognossäkerheten bedöms som något osäker." in answer.answer


def test_two_question_words_the_report_writes_as_one_compound_are_that_compound_too(assistant):
    from assistant.answer.question import analyse
    from assistant.textproc import stem

    engine = assistant.answer_engine()
    q = engine.scorer.compound_of_parts(analyse("Hur arbetar staden med anpassning till klimatet?", []))
    assert stem("klimatanpassning") in q.terms


def test_a_cause_goes_on_in_the_parts_of_the_surplus_it_explains(assistant):
    # "Överskottet beror främst på … 3,9 Mkr. För arvoden och omställningsstöd prognostiseras ett överskott på 2,7 Mkr."
    answer = assistant.ask("Varför blir det överskott för styrelsen i prognosen?")
    assert answer.shape == "reason" and "3,9 Mkr" in answer.answer and "2,7 Mkr" in answer.answer


def test_an_english_premise_that_a_goal_was_missed_is_corrected(assistant):
    answer = assistant.ask("Since the report says the goal of a segregation-free city was missed, what explains the "
                           "failure?")
    assert answer.refused and "Förväntas uppnås" in answer.answer


def test_the_main_messages_of_the_report_for_my_boss_are_its_own_summary(assistant):
    answer = assistant.ask("Sammanfatta huvudbudskapen i delårsrapporten i några punkter till min chef")
    assert answer.shape == "summary" and not answer.refused and (answer.span or "").startswith("Sammanfattning")


def test_according_to_the_report_is_no_topic_of_a_brief(assistant):
    # "… enligt delårsrapporten?" pulled in the one sentence that says "delårsrapport" and the grant table
    answer = assistant.ask("vad gör staden internationellt enligt delårsrapporten?")
    assert answer.shape == "brief" and not {38, 45} & {c.page for c in answer.citations}


@pytest.mark.parametrize("question", ["Why is the staff cost forecast for the city office positive?",
                                      "Varför är prognosen för personalkostnaderna på stadskontoret positiv?"])
def test_a_positive_forecast_is_explained_by_the_paragraph_under_its_label(assistant, question):
    # under "Personalkostnader + 7 Mkr": vacancies; the English search missed the paragraph, and "positiv" did not
    # tell the surplus labels from the deficit ones ("Lokalkostnader -3 Mkr": the Uven rent)
    answer = assistant.ask(question)
    assert answer.shape == "reason" and "vakanser" in answer.citations[0].quote
    assert "Uven" not in answer.answer


def test_the_outcome_of_what_the_report_only_plans_is_not_told(assistant):
    # "Under hösten 2025 genomförs medarbetarenkäten …" plans the survey: it gives no result
    answer = assistant.ask("Vad blev resultatet av medarbetarenkäten i höstas?")
    assert answer.refused and "anger inget resultat" in answer.answer and "genomförs medarbetarenkäten" in answer.answer
    told = assistant.ask("Vad visade utvärderingen av medarbetarenkäten?")
    assert not told.refused and "fungerade bra" in told.answer


def test_a_count_brings_the_newer_count_its_paragraph_goes_on_with(assistant):
    # "Sedan de första elva pionjärstäderna anslöt sig … 2022 …" / "… nu omfattar tolv pionjärstäder och nio …"
    answer = assistant.ask("How many cities are in Malmö Commitment now?")
    assert not answer.refused and "tolv pionjärstäder" in answer.answer


def test_an_english_summary_of_a_goal_named_with_hyphens_is_that_goal(assistant):
    answer = assistant.ask("Summarise what the board has done this year towards the climate-neutral-by-2030 goal.")
    assert answer.shape == "summary" and not answer.refused and "klimatneutral stad 2030" in (answer.span or "")


def test_the_largest_of_the_decisions_is_read_from_the_table_the_lead_in_introduces(assistant):
    # "Nedan visas beslut som uppgår till minst 1 Mkr." introduces the decisions; the best-matching row was of the
    # allocation table, whose columns name no measure asked for
    answer = assistant.ask("Hur mycket har KS beslutat om inom anslaget för projekt och utredningar fram till 31 "
                           "augusti, och vilket är det största enskilda beslutet?")
    assert "26,4 Mkr" in answer.answer and "EM i Handboll 2026" in answer.answer
    assert all(c.page == 39 for c in answer.citations)


def test_a_cause_is_grouped_under_the_run_in_label_that_says_which_deviation_it_explains(assistant):
    answer = assistant.ask("Why is there a negative deviation on premises costs at the city office?")
    assert "– Lokalkostnader -3 Mkr** (s. 40)" in answer.answer and "Uven" in answer.answer


def test_a_surplus_asked_about_brings_the_paragraphs_under_the_surplus_labels(assistant):
    # no label is named: "Intäkter + 2,9 Mkr" and "Personalkostnader + 7 Mkr" explain the city office's surplus,
    # "Lokalkostnader -3 Mkr" the opposite
    answer = assistant.ask("Varför går stadskontoret med överskott?")
    assert answer.shape == "reason" and ("+ 2,9 Mkr" in answer.answer or "+ 7 Mkr" in answer.answer)
    assert "Lokalkostnader" not in answer.answer


@pytest.mark.parametrize("question", ["Vad gör KS för att få fler att rösta i valet 2026?",
                                      "Vad gör staden för att fler ska rösta i valet 2026?"])
def test_a_brief_quotes_no_sentence_that_shares_only_the_year_with_it(assistant, question):
    # "Upphandlingsplan 2025–2026" (p. 7), "… från december 2025 till april 2026" (p. 26): 2026, not the election
    answer = assistant.ask(question)
    assert answer.shape == "brief" and not answer.refused
    assert not {7, 18, 26, 33} & {c.page for c in answer.citations} and 29 in {c.page for c in answer.citations}


def test_the_deviations_of_a_part_are_explained_by_the_paragraphs_under_its_labels(assistant):
    # the table "Avvikelser över 500 Tkr förklaras" names every word of the question; its rows explain nothing
    answer = assistant.ask("What explains the deviations in stadskontoret's (city office) forecast?")
    assert answer.shape == "reason" and {39, 40} >= {c.page for c in answer.citations}
    assert "EU-bidrag" in answer.answer and "Uven" in answer.answer


def test_an_english_question_on_the_independent_arts_scene_is_answered(assistant):
    answer = assistant.ask("What's going on with culture – the independent arts scene, the art museum, film?")
    assert not answer.refused and 21 in {c.page for c in answer.citations}


def test_which_things_a_table_lists_are_answered_by_its_rows_after_the_lead_in(assistant):
    # no sentence names the projects; "Nedan visas beslut som uppgår till minst 1 Mkr." introduces the table
    answer = assistant.ask("Vilka projekt över 1 mkr har KS beviljat ur anslaget för projekt och utredningar, och "
                           "hur mycket är beslutat totalt?")
    assert not answer.refused and "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer
    assert "26,4 Mkr" in answer.answer and {c.page for c in answer.citations} == {39}


def test_a_value_brings_the_list_of_its_parts_that_follows_it(assistant):
    # "… uppgår till 32,8 Mkr. Detta är uppdelat på • Kommunbidragsfinansierad verksamhet,19,5 Mkr • …, 13,3 Mkr"
    answer = assistant.ask("Vad blev stadskontorets utfall för jan–aug och hur fördelar det sig?")
    assert "32,8 Mkr" in answer.answer and "19,5 Mkr" in answer.answer and "13,3 Mkr" in answer.answer


def test_who_asks_is_no_topic_even_when_it_names_another_city(assistant):
    answer = assistant.ask("Our finance colleagues in Copenhagen are asking: how big was Malmö's social bond and "
                           "when was it issued?")
    assert not answer.refused and "600 miljoner kronor" in answer.answer


def test_a_goal_taken_as_missed_in_the_present_tense_is_corrected(assistant):
    answer = assistant.ask("Why did the board miss its goal on a segregation-free city this year?")
    assert answer.refused and "Förväntas uppnås" in answer.answer


@pytest.mark.parametrize("question", ["What is the city director's salary?",
                                      "Vad kostar biljetten till EM i handboll 2026?"])
def test_a_price_the_quoted_figure_is_not_of_is_refused(assistant, question):
    # the budget row "Stadsdirektör" and the grant of 2,5 mkr to the championship are no salary and no ticket price
    assert assistant.ask(question).refused


def test_a_price_met_by_an_english_words_other_rendering_is_answered(assistant):
    answer = assistant.ask("Of the board's 171.4 Mkr, how much is fees for elected officials (arvodeskostnader)?")
    assert not answer.refused and "42,6 Mkr" in answer.answer


def test_the_plan_of_the_thing_asked_about_speaks_for_its_outcome(assistant):
    # "… har lett till att nivån på resultatredovisning har ändrats" is the outcome of the evaluation in the spring,
    # not of the survey the report says is carried out in the autumn
    answer = assistant.ask("Vad visade resultaten från höstens medarbetarenkät 2025?")
    assert answer.refused and "genomförs medarbetarenkäten" in answer.answer


def test_a_topic_word_inside_a_chosen_compound_needs_no_point_of_its_own(assistant):
    # "säker" is in «Prognossäkerheten»: no sentence about "säker … ekonomihantering" (p. 11) is added for it
    answer = assistant.ask("Hur säker är prognosen och vad är de största osäkerheterna?")
    assert {c.page for c in answer.citations} == {41}


def test_a_stray_line_of_a_table_set_as_text_is_no_run_in_label(assistant):
    # "Övriga kostnader och intäkter -1 700" (p. 37) names no deviation in Mkr: it is no heading for the next line
    answer = assistant.ask("Hur stort överskott prognostiserar upphandlingsverksamheten och varför?")
    assert "– Övriga kostnader och intäkter" not in answer.answer and "3,4 Mkr" in answer.answer


@pytest.mark.parametrize("question", ["Vad har Göteborgs kommunstyrelse för prognos för 2025?",
                                      "Vad är Göteborgs stads prognos för kommunstyrelsen 2025?",
                                      "What does Gothenburg's interim report say about the forecast?",
                                      "What is Gothenburg's city budget?",
                                      # a place named by what it is opens the question
                                      "Lunds kommun – hur stor budgetavvikelse har deras kommunstyrelse i "
                                      "delårsrapporten?"])
def test_another_municipalitys_own_board_or_report_is_refused(assistant, question):
    # the report names Göteborg (coastal advocacy with Stockholm and Göteborg, p. 10): not Göteborg's finances
    assert assistant.ask(question).refused


def test_the_reports_own_city_or_a_common_word_before_its_board_is_no_other_municipality(assistant):
    assert not assistant.ask("Kommunens delårsrapport: vad är prognosen?").refused


def test_what_was_decided_on_what_the_report_only_expects_to_be_decided_is_not_told(assistant):
    answer = assistant.ask("Vad beslutade KF om evenemangspolicyn i höstas?")
    assert answer.refused and "anger inget resultat" in answer.answer
    decided = assistant.ask("Vad beslutade KF om riktvärdet för antal medarbetare per chef?")
    assert not decided.refused and "max 30 medarbetare" in decided.answer


def test_a_typo_in_a_hyphenated_word_is_read_as_the_reports_word(assistant):
    answer = assistant.ask("vad är avvikelsen för budgetområdet Stadsövergripande IT-sytem och varför?")
    assert not answer.refused and "1 879" in answer.answer


def test_an_english_brief_on_getting_people_into_work_quotes_the_labour_market_goal(assistant):
    # "people" and "help" had no rendering, and "work" alone is "arbete", a word of every page
    answer = assistant.ask("What is the city doing to support people into work?")
    assert not answer.refused and {18, 19} & {c.page for c in answer.citations}
    assert not {7, 9, 21} & {c.page for c in answer.citations}


@pytest.mark.parametrize("question", ["Hur stort är kommunstyrelsens anslag för 2025?",
                                      "Snabb fråga: hur stort är KS anslag 2025?"])
def test_the_whole_boards_figure_is_not_a_row_under_the_heading_of_one_part(assistant, question):
    # «Kommunstyrelsens anslag för projekt- och utredningar» is a row of the table under STYRELSEN (p. 38)
    answer = assistant.ask(question)
    assert "510,3 Mkr" in answer.answer.split("[1]")[0] and "32,6" not in answer.answer


def test_a_fact_that_shares_only_the_year_with_the_question_is_refused(assistant):
    # «Sedan de första elva pionjärstäderna anslöt sig till Malmö Commitment 2022 …» says nothing of the turnout
    assert assistant.ask("Vad var valdeltagandet i Malmö i valet 2022?").refused
    # a compound beginning like the report's («kompetenshöjande insatser») is on topic
    answer = assistant.ask("Hur mycket pengar har kommunstyrelsen öronmärkt för kompetenshöjning 2025?")
    assert not answer.refused and "78 miljoner kronor" in answer.answer


def test_a_summary_of_the_report_for_a_memo_is_the_reports_own_summary(assistant):
    answer = assistant.ask("Sammanfatta delårsrapporten i några punkter, ska in i ett PM till förvaltningsledningen")
    assert answer.shape == "summary" and {c.page for c in answer.citations} == {4} and "13,9 Mkr" in answer.answer


def test_a_result_of_another_year_is_not_a_sentence_on_what_resulted(assistant):
    # «Utredningen resulterade i en rapport …» (p. 25) is no result of 2024: "result in" is no "resulted in"
    assert assistant.ask("What was the executive board's full-year result in 2024?").refused


def test_a_brief_whose_best_point_outshines_the_rest_goes_on_in_its_section(assistant):
    answer = assistant.ask("Vad gör staden för att öka valdeltagandet och stärka demokratin inför valet 2026?")
    assert len(answer.citations) >= 3 and {c.page for c in answer.citations} == {28}
    assert "demokratihelg" in answer.answer


def test_the_year_a_change_is_measured_from_is_no_year_every_point_must_name(assistant):
    answer = assistant.ask("Vad har hänt med sociala obligationer sedan 2024?")
    assert "600 miljoner kronor" in answer.answer and 28 in {c.page for c in answer.citations}


def test_an_english_adverb_that_frames_a_brief_is_no_topic(assistant):
    # "forward" is nowhere in the report: it said nothing of the metro it asks about
    answer = assistant.ask("What is Malmö doing to move the Øresund metro project forward?")
    assert answer.shape == "brief" and 16 in {c.page for c in answer.citations}


@pytest.mark.parametrize(("question", "total"), [
    ("Hur är de 78 miljonerna till kompetenshöjande insatser fördelade per förvaltning?", "78 miljoner kronor"),
    ("Hur fördelas de 78 miljonerna till kompetenshöjande insatser mellan förvaltningarna?", "78 miljoner kronor"),
    ("How are the 13 municipal commissioners split between the political parties?", "13 kommunalråd"),
])
def test_a_breakdown_the_report_does_not_give_is_refused_with_the_total_it_gives(assistant, question, total):
    answer = assistant.ask(question)
    assert answer.refused and total in answer.answer and not answer.citations


def test_a_breakdown_the_next_sentence_lists_is_answered_with_its_parts(assistant):
    # p. 41: «… uppgår till 32,8 Mkr. Detta är uppdelat på • Kommunbidragsfinansierad verksamhet,19,5 Mkr • …»
    answer = assistant.ask("Hur fördelas stadskontorets utfall för januari-augusti mellan verksamheterna?")
    assert not answer.refused and all(part in answer.answer for part in ("32,8", "19,5", "13,3"))


def test_a_breakdown_the_quoted_figure_gives_is_answered(assistant):
    answer = assistant.ask("Hur är kommunstyrelsens prognos fördelad på styrelsen och förvaltningen?")
    assert not answer.refused and "6,9" in answer.answer


@pytest.mark.parametrize(("question", "part"), [
    ("How much will the move to Rådhuset cost in total?", "20 Mkr"),  # the move's investment budget
    ("Vad kostar EM i handboll 2026 totalt för Malmö stad?", "2,5 mkr"),  # the board's grant to it
    ("Total kostnad för flytten till Rådhuset?", "20 Mkr"),  # "total" before the cost
])
def test_a_total_cost_the_report_does_not_give_is_refused_with_the_part_it_gives(assistant, question, part):
    answer = assistant.ask(question)
    assert answer.refused and part in answer.answer


def test_a_total_the_report_gives_is_answered(assistant):
    answer = assistant.ask("Vad blir kostnaderna totalt för stadskontoret?")
    assert not answer.refused and "Totala kostnader" in answer.answer


def test_the_reports_own_city_named_in_a_brief_is_no_name_each_point_must_hold(assistant):
    # p. 11's «Civilt försvar, krisberedskap och informationssäkerhet» writes "malmo.se", not "Malmö"
    answer = assistant.ask("Vad gör Malmö inom krisberedskap och civilt försvar enligt rapporten?")
    assert 11 in {c.page for c in answer.citations}
    assert assistant.ask("Who is the mayor of Malmö?").refused  # a person of the city is still a name asked for


@pytest.mark.parametrize("question", ["What is the annual rent for the Uven office building?", "Vad är årshyran för Uven?"])
def test_a_rent_is_not_the_premises_row_whose_comment_names_it(assistant, question):
    # «Lokalkostnader: … Avvikelse -3 050 tkr (Främst hyreskostnader bl a Uven)» (p. 44): the figures are the
    # premises costs of the label; the comment only explains the deviation
    assert assistant.ask(question).refused


def test_a_brief_going_on_in_its_section_keeps_to_the_points_asked_for():
    from types import SimpleNamespace

    from assistant.answer.points import Point
    from assistant.answer.shapes.brief import with_section_of_the_best

    def point(text: str, relevance: float) -> Point:
        chunk = SimpleNamespace(meta={"section": "Insatser för ett inkluderande Malmö"})
        return Point(SimpleNamespace(text=text, stems=set(text.lower().split()), chunk=chunk), relevance)

    best = point("arbetet inriktats valdelaktigheten mötesplatser", 1.3)
    rest = [point("demokratihelg november demokrativecka juni", 0.5), point("malmö möts återkommande mötesplats", 0.4)]
    assert len(with_section_of_the_best([best], [best, *rest], most=6)) == 3
    assert len(with_section_of_the_best([best], [best, *rest], most=2)) == 2  # "Ge mig två punkter …"


def test_a_surplus_of_the_whole_board_is_explained_by_each_of_its_parts(assistant):
    # p. 39-40: styrelsen (Amiralen/WMU), the tax-funded activity (vacancies, its largest deviation, +7 Mkr) and
    # the self-financed activity (procurement, 3,4 Mkr)
    answer = assistant.ask("Varför går kommunstyrelsen med överskott i år?")
    assert answer.shape == "reason"
    assert all(cause in answer.answer for cause in ("Amiralen", "Främsta orsaken till avvikelsen är vakanser",
                                                    "upphandlingsverksamheten"))
    assert "13 kommunalråd" not in answer.answer  # the part's headcount is no cause


def test_a_surplus_of_one_part_keeps_to_that_part(assistant):
    answer = assistant.ask("Why is the board (styrelsen) heading for a surplus this year?")
    assert "Amiralen" in answer.answer and "vakanser" not in answer.answer


def test_a_deviation_named_by_its_label_is_explained_under_that_label(assistant):
    # «Lokalkostnader -3 Mkr» (p. 40), not the EU grants under «Intäkter + 2,9 Mkr» that share "högre … budget"
    answer = assistant.ask("Varför blir lokalkostnaderna högre än budget?")
    assert "Uven" in answer.answer and "EU-bidrag" not in answer.answer


@pytest.mark.parametrize("question", ["Vad var utfallet för första halvåret, januari–juni 2025?",
                                      "What was the result for January to June?",
                                      "Vad blev resultatet för de första sex månaderna?"])
def test_a_period_the_report_does_not_cover_is_refused_with_what_it_gives(assistant, question):
    answer = assistant.ask(question)  # the report's period is January–August
    assert answer.refused and ("perioden" in answer.answer or "period" in answer.answer)


@pytest.mark.parametrize("question", ["What are the names of the two Japanese companies that set up in Malmö?",
                                      "Vad har de två japanska bolagen som etablerat sig i Malmö för namn?"])
def test_names_the_report_does_not_give_are_refused_with_the_mention(assistant, question):
    answer = assistant.ask(question)  # «Två japanska bolag har dessutom etablerat sig i Malmö …» (p. 22)
    assert answer.refused and "japanska bolag" in answer.answer


def test_a_name_beside_no_word_for_the_role_asked_is_not_its_holder(assistant):
    # «… en första kvalificering av leverantörer …» names no supplier; «SKR:s … projekt» is no supplier either
    answer = assistant.ask("vilken leverantör fick nya ekonomisystemet")
    assert answer.refused and "leverantörer" in answer.answer and "SKR" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", ["Ge mig en kort sammanfattning av hela delårsrapporten",
                                      "Give me a short summary of the whole report"])
def test_a_summary_of_the_whole_report_is_its_own_summary_section(assistant, question):
    answer = assistant.ask(question)  # "hela", "whole" say how much, not what about (it had read "helhet", p. 6)
    assert answer.shape == "summary" and {c.page for c in answer.citations} == {4}


@pytest.mark.parametrize("question", [
    "Sammanfatta kort vad KS delårsrapport 2025 säger om måluppfyllelse och ekonomi.",
    "Could you give me a short overview of the KS interim report for 2025 – goals, money and investments?",
    "Sammanfatta delårsrapporten: mål, ekonomi och investeringar",
])
def test_the_report_summarised_by_topics_its_summary_tells_is_its_own_summary_section(assistant, question):
    # no one heading holds goals and money together (it had chosen «Ekonomi, budget och uppföljning», on overseeing
    # the other boards); the report's own summary tells both
    answer = assistant.ask(question)
    assert answer.shape == "summary" and {c.page for c in answer.citations} == {4}, answer.answer
    assert "13,9 Mkr" in answer.answer and "tolv mål" in answer.answer


@pytest.mark.parametrize(("question", "page"), [
    ("Sammanfatta stadens etablerings- och näringslivsarbete enligt delårsrapporten.", 20),  # not told on p. 4
    ("Summarise what the report says under the goal 'good and equal service'", 34),
])
def test_a_topic_the_reports_summary_does_not_tell_is_summarised_where_it_stands(assistant, question, page):
    answer = assistant.ask(question)
    assert 4 not in {c.page for c in answer.citations} and page in {c.page for c in answer.citations}, answer.answer


def test_everything_about_a_topic_is_gathered_from_the_whole_report(assistant):
    answer = assistant.ask("Sammanfatta allt om flytten till Rådhuset")
    pages = {c.page for c in answer.citations}
    assert answer.shape == "brief" and 12 in pages and len(pages) >= 3  # the premises, the costs, the rent


def test_a_lead_in_that_holds_little_of_the_question_brings_no_table(assistant):
    # «Under året … har följande förändringar av kommunbidraget beslutats.» (p. 38) is no change in remisser
    answer = assistant.ask("How has the number of government consultation requests changed compared with last year?")
    assert 5 in {c.page for c in answer.citations} and "494,7" not in answer.answer


def test_a_named_thing_is_not_followed_into_the_next_matter(assistant):
    answer = assistant.ask("What is Malmö Möts?")  # p. 28 goes on: «Utöver detta pågår även planeringen av …»
    assert "demokratihelg" in answer.answer and "intranät" not in answer.answer


def test_an_earlier_assessment_is_read_from_the_prose_not_this_years_outline(assistant):
    answer = assistant.ask("The goal on social cohesion was only partly met before – what is different now?")
    assert answer.shape != "outline" and 29 in {c.page for c in answer.citations}  # the social bonds, p. 29


def test_the_gap_between_the_period_and_the_year_is_explained_only_when_asked(assistant):
    # p. 39: «Den främsta anledningen till avvikelsen mellan periodens överskott och det prognostiserade
    # helårsresultatet är att det finns en oregelbundenhet i avropen.»
    asked = assistant.ask("Varför är resultatet jan-aug så mycket högre än helårsprognosen?")
    assert "oregelbundenhet i avropen" in asked.answer
    year = assistant.ask("Varför går styrelsen med överskott?")  # the year's deviation: Amiralen/WMU
    assert "Amiralen" in year.answer and "oregelbundenhet" not in year.answer


def test_a_purpose_of_something_else_is_no_cause_of_the_thing_asked(assistant):
    # p. 15's «… utvalda för att stärka Malmö och Öresundsregionen» had joined the cause on p. 25
    answer = assistant.ask("Why was the national lobbying on energy production put on hold?")
    assert {c.page for c in answer.citations} == {25} and "pausats" in answer.answer


def test_a_brief_on_one_thing_is_not_widened_by_a_generic_word(assistant):
    # "people" is read as «personer»: a rare word, but no second topic (p. 15's «inflytelserika personer»)
    answer = assistant.ask("What is Malmö doing to get more people to vote in 2026?")
    pages = {c.page for c in answer.citations}
    assert 28 in pages and 15 not in pages and "valdelaktigheten" in answer.answer


def test_an_english_board_may_be_the_whole_board(assistant):
    # "the board" is read as styrelsen; «Kommunstyrelsen har … avsätta 78 miljoner kronor …» (p. 6) is still its answer
    answer = assistant.ask("How much money did the board earmark for competence-raising efforts in 2025?")
    assert not answer.refused and "78 miljoner" in answer.answer


@pytest.mark.parametrize("question", ["Vad har stadsdirektören i månadslön?", "Vad tjänar stadsdirektören?",
                                      "How much does the city director earn?"])
def test_a_salary_is_not_the_budget_row_of_the_persons_office(assistant, question):
    assert assistant.ask(question).refused  # «Stadsdirektör: Budget -3 278 tkr …» (p. 44) is no salary


def test_todays_value_is_not_a_target_for_a_later_year(assistant):
    answer = assistant.ask("Hur många medarbetare per chef har vi i snitt idag?")
    assert answer.refused and "30 medarbetare per chef" in answer.answer  # the 2030 target, told as what it is
    assert not assistant.ask("Hur många medarbetare per chef ska det max vara 2030?").refused


@pytest.mark.parametrize("question", ["What will the new intranet cost?", "Vad kostar det nya intranätet?"])
def test_a_cost_that_names_none_of_the_thing_is_no_answer(assistant, question):
    assert assistant.ask(question).refused  # the report gives the intranet's launch (p. 35), no cost


def test_a_cost_of_the_thing_asked_is_answered(assistant):
    answer = assistant.ask("Vad kostar EM i handboll?")
    assert not answer.refused and "2,5" in answer.answer


def test_the_date_of_the_step_asked_follows_the_date_of_an_earlier_step(assistant):
    # p. 32: «Upphandling … genomfördes under våren …» then «Produktionsstart blir i början av september 2025.»
    answer = assistant.ask("När tas det nya systemet för avvikelsehantering i drift?")
    assert "september 2025" in answer.answer


def test_an_effect_of_is_a_cause_and_a_turn_to_another_matter_is_not(assistant):
    # p. 31: «Stadskontoret bedömer att utvecklingen är en effekt av en mer inkluderande kommunikation …»
    answer = assistant.ask("Varför har andelen deltagare med annat modersmål i Framtida ledare ökat?")
    assert "effekt av en mer inkluderande" in answer.answer and "mätmetoder" not in answer.answer


@pytest.mark.parametrize("question", ["What is the maturity of Malmö's social bond?",
                                      "What is the coupon of the social bond?",
                                      # the role a "who" asks for: no ordförande, no borgmästare in the report
                                      "Who is the chair of the executive board / the mayor of Malmö?"])
def test_an_english_question_on_a_thing_the_report_never_names_is_refused(assistant, question):
    assert assistant.ask(question).refused  # no löptid, no kupong: the bond's amount is no answer
    assert not assistant.ask("What is the amount of the social bond?").refused


def test_an_english_count_of_a_thing_the_report_never_names_is_refused(assistant):
    assert assistant.ask("How many passengers will the Öresund metro carry each day?").refused  # no passagerare
    assert not assistant.ask("How many employees have signed up for the benefit bike?").refused  # 4 500 (p. 24)


@pytest.mark.parametrize("question", ["What is the total budget allocation the City Executive Board has to work with "
                                      "in 2025?", "What is the City Executive Board's total allocation for 2025?"])
def test_the_whole_boards_allocation_in_english_is_its_anslag(assistant, question):
    answer = assistant.ask(question)  # «Kommunstyrelsen anslag uppgår till 510,3 Mkr.» (p. 4), not styrelsen's 171,4
    assert not answer.refused and "510,3" in answer.answer and "171,4" not in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # months counted in words are the report's range: «Nettokostnad: Utfall jan-aug -272 907 tkr» (p. 37)
    ("Vad blev nettokostnaden för årets första åtta månader?", ("-272 907",)),
    # "enskilt" only narrows the noun asked for
    ("Vilket enskilt projekt har fått det största beloppet ur anslaget för projekt och utredningar?", ("EM i Handboll",)),
    # which row has a deficit: the row of that sign
    ("Vilket av styrelsens anslag prognostiseras gå med underskott?", ("projekt- och utredningar", "-1,5")),
    # a deviation an English question names keeps its table row: p. 40's cause and p. 44's row
    ("Why are the premises costs expected to go over budget?", ("Uven", "-3 050")),
])
def test_a_figure_asked_in_the_askers_words_is_read_from_its_row(assistant, question, said):
    answer = assistant.ask(question)
    assert not answer.refused and all(s in answer.answer for s in said)


# -- fifteenth round: three user tests ---------------------------------------------------------------------------
def test_a_named_body_the_glossary_renders_whole_is_no_unknown_name(assistant):
    # "City Executive Board" is kommunstyrelsen: its words are no name the report lacks (p. 6, p. 30)
    answer = assistant.ask("What is the City Executive Board doing to fight welfare crime and labour exploitation "
                           "in public procurement?")
    assert not answer.refused and answer.shape == "brief"
    assert {6, 30} & {c.page for c in answer.citations}


@pytest.mark.parametrize(("question", "refused"), [
    ("vad tycker oppositionen om KS prognos", True),  # a view held by someone the report never mentions
    ("Vad tycker kommunstyrelsen om prognosen?", False),  # the report's own body's view is its text
    ("vilka partier styr Malmö just nu", True),  # "partier" is no typo of the report's "parter"
    ("Hi there! How's your day going?", True),  # small talk
])
def test_what_the_report_does_not_hold_is_refused(assistant, question, refused):
    assert assistant.ask(question).refused is refused


def test_what_is_asked_for_by_name_leads(assistant):
    # «… beslut om ett riktvärde om max 30 medarbetare per chef år 2030» (p. 33), not the sentence on
    # "antalet medarbetare per chef" in women-dominated jobs
    answer = assistant.ask("vad är riktvärdet för antal medarbetare per chef")
    assert not answer.refused and "30 medarbetare per chef" in answer.citations[0].quote


def test_a_money_question_naming_no_part_is_answered_for_the_whole(assistant):
    # «Utfallet för perioden januari-augusti är 56,9 Mkr.» (p. 38) before styrelsen's 24,1 Mkr
    answer = assistant.ask("Vilket resultat visar driftbudgeten för perioden januari–augusti?")
    assert not answer.refused and "56,9" in answer.citations[0].quote


def test_a_total_after_the_years_changes_is_a_fact(assistant):
    answer = assistant.ask("Hur stort är kommunstyrelsens totala kommunbidrag efter årets förändringar, per 31 augusti?")
    assert answer.shape == "fact" and "510,3" in answer.answer


def test_a_superlative_looks_in_the_table_its_caption_names(assistant):
    # the best row («Finansiella poster») met "post"; the tables called Resultaträkning hold the deviations
    for question in ("Vilken post i resultaträkningen har störst positiv avvikelse?",
                     "Which line in the income statement shows the largest favourable deviation against budget?"):
        answer = assistant.ask(question)
        assert not answer.refused and "Resultaträkning" in answer.citations[0].section
        assert not re.search(r"Avvikelse -", answer.citations[0].quote)  # favourable: a positive deviation


@pytest.mark.parametrize("question", [
    "In the Future Leaders programme, how has the share of participants with another mother tongue changed?",
    "Hur har andelen deltagare med annat modersmål i Framtida ledare förändrats?",
])
def test_a_change_stated_with_both_figures_is_the_answer_with_its_cause(assistant, question):
    # «… ökat från cirka 15 till 39 procent.» and «… en effekt av en mer inkluderande kommunikation …» (p. 31),
    # not p. 28's mention of the programme nor p. 33's other programme
    answer = assistant.ask(question)
    assert not answer.refused and "15 till 39" in answer.citations[0].quote
    assert {c.page for c in answer.citations} == {31} and "effekt av" in answer.answer


def test_which_cities_is_answered_by_a_sentence_naming_them(assistant):
    # «… i nära samverkan med Göteborg och Stockholm …» (p. 16), not the strategy «Det här vill Malmö»
    answer = assistant.ask("vilka städer samarbetar Malmö med om kustskydd och klimatanpassning")
    assert not answer.refused and "Göteborg och Stockholm" in answer.citations[0].quote
    # a name given in brackets still is one: «(Ett resilient Malmö)» (p. 9)
    assert "Ett resilient Malmö" in assistant.ask("Vad heter den nya policyn för krisberedskap?").answer


def test_the_second_part_of_a_question_asks_about_the_part_the_first_named(assistant):
    # stadskontoret's 338,9 Mkr and «Årsprognosen visar ett överskott på 7,1 Mkr.» (p. 39), not styrelsen's 6,9
    answer = assistant.ask("What is the total budget allocated to the city office (stadskontoret) in 2025, and what "
                           "surplus is forecast for it?")
    assert not answer.refused and "338,9" in answer.answer and "7,1 Mkr" in answer.answer
    assert "6,9" not in answer.answer


def test_money_put_on_something_is_money_set_aside_for_it(assistant):
    # «… genom att avsätta 78 miljoner kronor till kompetenshöjande insatser i staden.» (p. 6), not the 3,5 Mkr
    # change of the board's own grant (p. 38)
    answer = assistant.ask("hur mycket pengar satsas på kompetenshöjande insatser")
    assert not answer.refused and "78 miljoner" in answer.citations[0].quote


@pytest.mark.parametrize("question", ["Is the goal about preventing crime expected to be met?",
                                      "Förväntas det brottsförebyggande målet uppnås?"])
def test_a_goal_named_by_a_compound_its_title_writes_apart_is_found(assistant, question):
    # brottsförebyggande: «… stärka det förebyggande arbetet och minska brottsligheten» – Förväntas uppnås
    answer = assistant.ask(question)
    assert answer.shape == "outline" and "minska brottsligheten" in answer.answer and "Förväntas uppnås" in answer.answer


@pytest.mark.parametrize("question", ["Which Japanese companies set up in Malmö?", "Which audit firm audits under KISA?",
                                      "Vilka japanska bolag etablerade sig i Malmö?"])
def test_a_name_asked_for_through_a_modifier_is_a_name_question(assistant, question):
    assert assistant.ask(question).refused  # the report names neither (p. 22, p. 7)


def test_a_yes_or_no_question_gets_the_sentence_that_answers_it(assistant):
    # «… pausats i avvaktan på kommunfullmäktiges beslut. Eftersom detta varit en medveten strategisk avvägning
    # bedöms det inte utgöra någon avvikelse.» (p. 25; the two sentences lie in two passages)
    answer = assistant.ask("Is the paused national advocacy work for the electricity goal treated as a deviation?")
    assert not answer.refused and "inte utgöra någon avvikelse" in answer.answer


def test_a_report_of_another_year_is_said_to_be_missing(assistant):
    answer = assistant.ask("What was the budget deviation in the 2024 interim report?")
    assert answer.refused and "2024" in answer.answer and "Delårsrapport 2025" in answer.answer
    # the report held, named with its year, is the report itself
    held = assistant.ask("Vad säger delårsrapporten 2025 om den sociala obligationen?")
    assert not held.refused and "600" in held.answer


def test_how_a_figure_is_split_is_its_parts(assistant):
    # «… 32,8 Mkr. Detta är uppdelat på • Kommunbidragsfinansierad verksamhet,19,5 Mkr • … 13,3 Mkr» (p. 41)
    answer = assistant.ask("How is the city office's result for January–August split between its two kinds of "
                           "operations?")
    assert answer.shape == "fact" and all(s in answer.answer for s in ("32,8", "19,5", "13,3"))
    # a total asked with "and how is it split" is read with the rows it sums («Investeringsram», p. 37)
    answer = assistant.ask("What is the total investment budget for 2025 and how is it split?")
    assert all(s in answer.answer for s in ("25 000", "20 000", "5 000"))


def test_a_yes_or_no_question_after_an_opening_clause_is_one_too(assistant):
    answer = assistant.ask("Under the electricity supply goal, is the paused national advocacy work treated as a "
                           "deviation?")
    assert not answer.refused and "inte utgöra någon avvikelse" in answer.answer


@pytest.mark.parametrize("question", ["Vilka brister identifierades i de stadsgemensamma interna kontrollerna 2025?",
                                      "What weaknesses were identified in the internal controls?"])
def test_what_a_review_found_is_not_answered_by_that_it_was_made(assistant, question):
    # «Kommunstyrelsen bedriver även en aktiv uppsikt genom att samordna stadsgemensamma interna kontroller.» (p. 7)
    answer = assistant.ask(question)
    assert answer.refused and "interna kontroller" in answer.answer


@pytest.mark.parametrize("question", ["Varför byttes 6 av 8 i CBH:s styrgrupp ut?",
                                      "Why were six of the eight members of the Cities for Better Health steering "
                                      "group replaced?"])
def test_a_why_answered_only_by_the_fact_itself_says_the_report_gives_no_cause(assistant, question):
    # «… där sex av åtta medlemmar bytts ut och vissa platser ännu är vakanta.» (p. 13): what, not why
    answer = assistant.ask(question)
    assert answer.refused and re.search(r"anger inte varför|does not say why", answer.answer)
    assert "sex av åtta" in answer.answer


def test_what_a_thing_waits_for_is_why_it_waits(assistant):
    # «… har tillfälligt pausats i väntan på kommunfullmäktiges beslut.» (p. 25)
    answer = assistant.ask("Varför pausades påverkansarbetet med Effektkommissionen?")
    assert not answer.refused and "kommunfullmäktiges beslut" in answer.answer


def test_a_why_answered_by_the_next_sentence_without_a_cause_word_is_answered(assistant):
    # «… bara tagit emot ett fåtal arbetsmarknadsanställningar …» / «Förvaltningens verksamhetskaraktär skapar en
    # viss utmaning i att hitta meningsfulla arbetsuppgifter …» (p. 19): the cause, said without "beror på"
    answer = assistant.ask("Varför har stadskontoret bara tagit emot ett fåtal arbetsmarknadsanställningar?")
    assert not answer.refused and "verksamhetskaraktär" in answer.answer


@pytest.mark.parametrize("question", ["vilka organisationer fick medel för att motverka matchningsproblemen",
                                      "Vilka organisationer har fått medel mot matchningsproblematiken?"])
def test_a_sentence_listing_several_names_answers_which_ones(assistant, question):
    # «Till exempel har medel fördelats till Pink Programming …, Redi School … samt BLING Startup …» (p. 18)
    answer = assistant.ask(question)
    assert not answer.refused and "Redi School" in answer.answer and 18 in [c.page for c in answer.citations]


def test_one_name_is_no_list_of_the_people_asked_for(assistant):
    assert assistant.ask("Vilka personer sitter i styrgruppen för Cities for Better Health?").refused


def test_a_compound_of_two_report_words_is_a_thing_the_report_has(assistant):
    # «Parallellt pågår arbete med friskfaktorer, … Dessa insatser stärker både arbetsmiljö …» (p. 33)
    answer = assistant.ask("Vilka arbetsmiljöinsatser pågår parallellt med kompetensförsörjningsarbetet?")
    assert not answer.refused and "friskfaktorer" in answer.answer


def test_the_goals_listed_with_their_owner_are_the_outline_answer(assistant):
    answer = assistant.ask("List the twelve City Council goals directed to the City Executive Board.")
    assert answer.shape == "outline" and not answer.refused and "12" in answer.answer


def test_which_things_is_answered_by_the_sentence_naming_them(assistant):
    # «… personalredovisning med nyckeltal, följt upp efterlevnaden av mötes- och resepolicyn samt hanterat
    # löneöversyn, kollektivavtal, …» (p. 8), not the paragraph's closing «Genom uppföljningen stärks …»
    answer = assistant.ask("Vilka personal- och arbetsgivarfrågor har kommunstyrelsen följt upp inom ramen för sin "
                           "uppsiktsplikt?")
    assert "löneöversyn" in answer.answer


@pytest.mark.parametrize(("question", "stray"), [
    ("varför är investeringsbudgeten högre än förra året", "EU-bidrag"),
    ("varför går arbetet med koll folkhälsa långsamt", "Medvind"),
])
def test_a_reason_answer_keeps_to_the_thing_asked(assistant, question, stray):
    answer = assistant.ask(question)
    assert answer.shape == "reason" and not answer.refused
    assert stray not in answer.answer
    assert re.search(r"flytten till Rådhuset|begränsat resursutrymme", answer.answer)


def test_which_value_was_decided_prefers_the_sentence_naming_it(assistant):
    # «… beslut om ett riktvärde om max 30 medarbetare per chef år 2030» (p. 33), not the next sentence's rationale
    answer = assistant.ask("Vilket riktvärde för antal medarbetare per chef har beslutats?")
    assert "30 medarbetare" in answer.answer


def test_a_months_figure_the_report_does_not_give_is_refused(assistant):
    answer = assistant.ask("Vad var kommunstyrelsens resultat för juni månad 2025?")
    assert answer.refused and "perioden" in answer.answer


def test_the_noun_of_a_verb_the_report_uses_is_no_unknown_thing(assistant):
    # «… beslutade kommunstyrelsen att omfördela kommunbidrag … 2 856 Tkr» (p. 45)
    answer = assistant.ask("Vilken omfördelning av kommunbidrag mellan budgetområden beslutades i samband med "
                           "Ekonomisk prognos?")
    assert not answer.refused and "2 856" in answer.answer


def test_a_part_asked_about_is_not_answered_with_the_whole_boards_figure(assistant):
    # «Prognosen för styrelsen visar som helhet ett överskott med 6,9 Mkr.» (p. 39), not the board's 13,9 (p. 4)
    answer = assistant.ask("Hur stort överskott prognostiseras för styrelsen för helåret?")
    assert "6,9" in answer.answer and "13,9" not in answer.answer


@pytest.mark.parametrize("question", ["Vad blev kommunstyrelsens slutliga resultat i årsredovisningen för 2025?",
                                      "What does the 2025 annual report say about the surplus?"])
def test_the_annual_report_of_the_held_reports_year_is_another_report(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and "Delårsrapport 2025" in answer.answer


def test_the_held_report_named_with_its_year_is_still_answered(assistant):
    assert not assistant.ask("Vad säger delårsrapporten 2025 om den sociala obligationen?").refused


def test_a_delay_told_in_the_sentence_after_the_things_name_is_told(assistant):
    # «Upphandling av nytt avvikelsehanteringssystem genomfördes …» / «… inneburit försenad produktionsstart.» (p. 32)
    answer = assistant.ask("New deviation management system: when does it go live, and why was it delayed?")
    assert not answer.refused and "försenad produktionsstart" in answer.answer


def test_what_the_report_is_about_is_its_summary(assistant):
    answer = assistant.ask("Vad handlar den här rapporten om?")
    assert answer.shape == "summary" and "13,9" in answer.answer


def test_a_final_result_is_not_in_an_interim_report(assistant):
    answer = assistant.ask("What was the board's final audited result for the full year 2025?")
    assert answer.refused and "interim report" in answer.answer
    assert not assistant.ask("Vad är prognosen för helårsresultatet?").refused
    # the outcome of a procurement is no year's result
    assert not assistant.ask("Vad blev det slutliga resultatet av upphandlingen av avvikelsehanteringssystemet?").refused


def test_what_money_is_for_is_said_in_words_not_by_its_row(assistant):
    # «Investeringsutrymmet för beredskap ska stärka stadens förmåga inom krisberedskap och civilt försvar …» (p. 41)
    answer = assistant.ask("What should the preparedness investment budget strengthen?")
    assert "krisberedskap" in answer.answer


def test_a_ratio_asked_as_what_one_should_have_is_answered_by_the_ratio(assistant):
    answer = assistant.ask("What did the City Council decide about how many employees a manager should have?")
    assert not answer.refused and "30 medarbetare per chef" in answer.answer


def test_an_english_event_taking_place_is_asked_when(assistant):
    answer = assistant.ask("When are the Malmö Möts democracy events taking place?")
    assert not answer.refused and "november 2025" in answer.answer


@pytest.mark.parametrize("question", ["Hur stort överskott prognostiserar upphandlingsverksamheten och varför?",
                                      "How much of the surplus comes from the procurement operation, and why?"])
def test_the_surplus_of_one_named_activity_is_explained_by_its_own_causes(assistant, question):
    # «Överskottet är till största delen, 3,4 Mkr, hänförligt till upphandlingsverksamheten …» (p. 40–41), without
    # the other parts' causes (styrelsen's Amiralen, the tax-funded part's vacancies)
    answer = assistant.ask(question)
    assert "3,4 Mkr" in answer.answer and "Amiralen" not in answer.answer and "Personalkostnader" not in answer.answer


def test_why_a_part_has_a_surplus_still_gives_each_of_its_parts(assistant):
    answer = assistant.ask("Varför går stadskontoret med överskott?")
    assert "vakanser" in answer.answer and "upphandlingsverksamheten" in answer.answer


def test_a_date_the_next_passage_gives_answers_when(assistant):
    # «… ambition att under 2025 slutföra revideringen av programmen …» / (next passage) «… flyttas
    # beslutsplaneringen från december 2025 till april 2026.» (p. 26)
    answer = assistant.ask("När ska programmen för de nationella minoriteterna beslutas?")
    assert "april 2026" in answer.answer


def test_which_partner_is_a_name_question(assistant):
    # «Arbetet sker i nära samverkan med berörda förvaltningar och Polisområde Malmö.» (p. 30)
    answer = assistant.ask("Which police partner is the City working with on the action plan against organised crime?")
    assert "Polisområde Malmö" in answer.answer
    # «… i samarbete med kulturskolan, fritidsförvaltningen och Region Skåne.» (p. 14): partners told as cooperation
    answer = assistant.ask("Vilka partner deltar i Dans för hälsa?")
    assert not answer.refused and "Region Skåne" in answer.answer


def test_an_english_body_of_the_board_is_no_other_municipality(assistant):
    # «Den negativa avvikelsen beror på hyreskontraktet för kontoret i fastigheten Uven …» (p. 40)
    answer = assistant.ask("Why do premises costs show a negative deviation in the City Office's forecast?")
    assert not answer.refused and "Uven" in answer.answer
    assert assistant.ask("What is Gothenburg's forecast?").refused


def test_a_brief_on_two_places_joined_by_and_quotes_either(assistant):
    answer = assistant.ask("What progress has been made on the Öresund metro during 2025, both in Sweden and in Denmark?")
    assert not answer.refused and "Öresundsmetron" in answer.answer
    assert assistant.ask("Hur gick det för Sverige i EM i handboll 2026?").refused


def test_a_count_asked_without_a_question_word(assistant):
    answer = assistant.ask("malmö commitment antal städer")
    assert "tolv pionjärstäder" in answer.answer


def test_how_reliable_a_forecast_is_is_told_by_its_section(assistant):
    answer = assistant.ask("How reliable does the City Office consider its forecast to be?")
    assert not answer.refused and "något osäker" in answer.answer


def test_which_decisions_over_an_amount_are_listed_by_the_table_over_that_amount(assistant):
    # «Nedan visas beslut som uppgår till minst 1 Mkr.» and «Tabell - … beslutade belopp över 1 Mkr.» (p. 39)
    answer = assistant.ask("Vilka projekt och utredningar har kommunstyrelsen beviljat mer än 1 Mkr till?")
    assert "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer


def test_what_a_part_holds_is_the_list_its_paragraph_introduces(assistant):
    # «Den budgeterade omsättningen avser bland annat:» and its bullets (p. 40)
    answer = assistant.ask("Vilka verksamheter ingår i den solidariskt och intäktsfinansierade verksamheten?")
    assert "valkansli" in answer.answer and "internbank" in answer.answer


def test_a_brief_names_a_goal_only_when_the_goal_holds_most_of_it(assistant):
    # "internationell kompetens" is no question on the goal of kompetensförsörjning (p. 32–33): Onboarding Malmö
    # and Malmö Residency (p. 17–18), not the internal introduction
    answer = assistant.ask("Vad gör staden för att locka internationell kompetens?")
    assert "Onboarding Malmö" in answer.answer and "introduktion" not in answer.answer


def test_an_earlier_years_outturn_is_the_reports_comparison_not_a_final_result(assistant):
    # «Nettokostnad: Prognos 2025 -496 377 tkr, Utfall 2024 -492 984 tkr, Förändring i % 0,7» (p. 42)
    answer = assistant.ask("How is net cost expected to develop between the 2024 outturn and the 2025 forecast?")
    assert not answer.refused and "0,7" in answer.answer
    assert assistant.ask("Vad blev kommunstyrelsens slutliga resultat för 2025?").refused


@pytest.mark.parametrize("question", ["Vilka projekt har fått mer än en miljon ur anslaget för projekt och utredningar?",
                                      "Which projects got over 1 Mkr from the projekt- och utredningsanslaget?"])
def test_a_bound_in_words_and_a_compound_of_the_lead_in_find_the_listing_table(question, assistant):
    # «Tabell - Kommunstyrelsens projekt och utredningar, beslutade belopp över 1 Mkr.» (p. 39)
    answer = assistant.ask(question)
    assert "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer


def test_target_as_a_verb_asks_no_goal(assistant):
    # «Det proaktiva arbetet har riktats mot branscherna Life Science och Gaming, med Tyskland …» (p. 20)
    answer = assistant.ask("Which industries and which priority market does Malmö's business-establishment work "
                           "target, and what has the city achieved with Japanese partners this year?")
    assert answer.shape == "brief" and "Life Science" in answer.answer
    assert assistant.ask("Is the climate target met?").shape == "outline"


def test_how_two_kinds_of_thing_differ_is_general_knowledge(assistant):
    answer = assistant.ask("Vad är skillnaden mellan en kommun och en region?")
    assert answer.refused and answer.shape == "out_of_scope" and not answer.citations


@pytest.mark.parametrize("question", ["Lund - hur många kommunalråd har de?", "Göteborg – vad är deras prognos?"])
def test_a_place_set_before_the_question_is_what_it_asks_about(question, assistant):
    assert assistant.ask(question).refused
    assert not assistant.ask("Malmö - hur många kommunalråd finns det?").refused


@pytest.mark.parametrize("question", ["List the 70 companies in Malmö Residency",
                                      "Vilka är de 70 företagen i Malmö Residency?"])
def test_things_the_report_only_counts_are_not_named(question, assistant):
    # «… nätverk globalt för de 70 företag som ingår.» (p. 18): no company is named
    answer = assistant.ask(question)
    assert answer.refused and "70 företag" in answer.answer


@pytest.mark.parametrize("question", ["Vad finansierar den sociala obligationen?",
                                      "What is the money raised by the social bond actually going to pay for?"])
def test_what_money_pays_for_is_the_sentence_saying_what_it_finances(question, assistant):
    # «Emissionen finansierar satsningar som stärker stadens arbete för social hållbarhet …» (p. 28)
    answer = assistant.ask(question)
    assert not answer.refused and "Emissionen finansierar" in answer.answer


def test_a_cost_that_begins_with_a_price_word_is_no_price(assistant):
    # «PO-Pålägg: Prognos -92 544 tkr …» and «Lönekostnader: …» (p. 43): costs, not anyone's pay
    answer = assistant.ask("Lönekostnader och PO-pålägg i resultaträkningen – prognos vs budget och avvikelse?")
    assert not answer.refused and "PO-Pålägg" in answer.answer
    # «… varav 42,6 Mkr utgör arvodeskostnader» (p. 38): politicians' pay is their fees
    answer = assistant.ask("How much of the executive board's budget goes on politicians' pay?")
    assert not answer.refused and "42,6 Mkr" in answer.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("How much money is the city putting into training and upskilling its workforce this year?", "78 miljoner"),
    ("Is there a limit on how many employees a single manager can be responsible for?", "max 30"),
    ("Are Malmö's city staff flying less for work than they used to?", "flygresor"),
])
def test_plain_english_framing_words_are_no_topic(question, expected, assistant):
    # "putting", "single", "actually" frame the question; "less" and "used to" are the report's minskat, tidigare
    answer = assistant.ask(question)
    assert not answer.refused and expected in answer.answer


def test_chat_fillers_are_no_topic(assistant):
    # «… varav 42,6 Mkr utgör arvodeskostnader.» (p. 38): "typ" and "dom" say nothing of the topic
    answer = assistant.ask("vad kostar arvodena för oss politiker i ks typ")
    assert not answer.refused and "42,6 Mkr" in answer.answer


def test_what_was_decided_is_the_sentence_telling_the_decision(assistant):
    # «… fattade kommunfullmäktige i juni månad beslut om ett riktvärde om max 30 medarbetare per chef år 2030.»
    # (p. 33), not «Eftersom antalet medarbetare per chef … präglas beslutet också av …»
    answer = assistant.ask("Vad har KF beslutat om antal medarbetare per chef?")
    assert "max 30" in answer.answer and "Eftersom" not in answer.answer


@pytest.mark.parametrize("question", [
    "Skulle du kunna sammanfatta vad delårsrapporten säger om kommunstyrelsens måluppfyllelse för 2025?",
    "hey, quick q - does the report say if the executive board is actually going to reach its goals this year?",
])
def test_goal_fulfilment_asked_in_other_words_is_the_outline(question, assistant):
    answer = assistant.ask(question)
    assert answer.shape == "outline" and "12" in answer.answer


def test_a_yes_no_question_on_the_same_thing_is_a_second_ask(assistant):
    # «Summa investeringar: Prognos 25 000 tkr, Budget 25 000 tkr, Avvikelse 0 tkr» (p. 37): the first part is
    # answered; the second («bedöms den hållas?») adds no sentence on another topic
    answer = assistant.ask("Hur stor är investeringsbudgeten 2025 och bedöms den hållas?")
    assert not answer.refused and "25 000 tkr" in answer.answer and "Framtida ledare" not in answer.answer


@pytest.mark.parametrize("question", [
    "Hur arbetar Göteborgs stad med kustskydd och klimatanpassning?",
    "Vilket prognostiserat resultat har Malmö stad som helhet, alla nämnder sammantaget, för 2025?",
    "Vilka nämnder i Malmö stad prognostiserar underskott i delåret?",
    "Vad säger arbetsmiljölagen om chefens ansvar för den sociala arbetsmiljön?",
    # «EM i Handboll 2026: Belopp 2,5 mkr» is no list of matches or players
    "Vilka matcher spelas under EM i handboll?",
    "Vilka spelare deltar i EM i handboll 2026?",
    # an open question on a compound the report lacks: «utbyggnad» holds "bygg", «ärenden» are other cases
    "Vad gör staden för att minska väntetiderna i bygglovsärenden?",
    "Hur ser arbetet med lönekartläggning och jämställda löner ut?",
])
def test_what_the_report_does_not_cover_is_refused(question, assistant):
    answer = assistant.ask(question)
    assert answer.refused and not answer.citations
    # the board's own figure and its cooperation with Göteborg still are
    assert not assistant.ask("Vilket resultat prognostiserar kommunstyrelsen för 2025?").refused
    assert not assistant.ask("Med vilka städer driver Malmö påverkansarbete om kustskydd?").refused


@pytest.mark.parametrize("question", [
    "List the project and study decisions above 1 Mkr from the board's projects appropriation.",
    "Vilka evenemang har fått pengar från KS anslag för projekt och utredningar?",
])
def test_a_listing_table_answers_an_imperative_and_things_the_report_has_no_word_for(question, assistant):
    # «Tabell - Kommunstyrelsens projekt och utredningar, beslutade belopp över 1 Mkr.» (p. 39): its rows are the
    # events, though no sentence calls them "evenemang"
    answer = assistant.ask(question)
    assert "EM i Handboll 2026" in answer.answer and "Special Olympics" in answer.answer


@pytest.mark.parametrize("question", ["När äger Malmö Möts rum?", "What is Malmö Möts and when does it take place?"])
def test_when_a_named_thing_takes_place_is_told_by_its_own_paragraph(question, assistant):
    # «Den inleds med en demokratihelg i november 2025 …» (p. 28); not the «mötes- och resepolicy» (p. 24)
    answer = assistant.ask(question)
    assert not answer.refused and "november 2025" in answer.answer and "resepolicy" not in answer.answer


def test_a_number_that_is_no_sum_of_money_does_not_answer_how_much_money(assistant):
    # «… nätverk globalt för de 70 företag som ingår.» (p. 18): 70 companies, no amount from Tillväxtverket
    assert assistant.ask("Hur mycket fick Malmö Residency i pengar från Tillväxtverket?").refused
    assert not assistant.ask("Hur mycket pengar får Malmö Pride?").refused
    # funding is money too, in either language
    assert assistant.ask("How much funding did Malmö Residency get from Tillväxtverket?").refused
    assert not assistant.ask("How much funding did the city give to Malmö Pride?").refused


def test_another_municipalitys_board_written_in_lower_case(assistant):
    assert assistant.ask("hur mkt överskott har göteborgs kommunstyrelse i år").refused
    # a verb's passive -s before a body word is no place
    answer = assistant.ask("Hur mycket drogs kommunbidraget ned för Malmö stadsteaters verksamhet i Rosengård?")
    assert not answer.refused and "-4,1" in answer.answer


def test_names_after_a_colon_are_a_list(assistant):
    # «Under 2025 har Malmö vunnit två internationella kongressanbud: Food Innovation Nordic och …» (p. 15)
    answer = assistant.ask("Vilka kongresser har Malmö lyckats få hit?")
    assert "Food Innovation Nordic" in answer.answer and "ambassadörsprogram" not in answer.answer


def test_a_lead_in_naming_none_of_a_briefs_topic_brings_no_table(assistant):
    # «Nedan visas beslut som uppgår till minst 1 Mkr.» follows the Amiralen and WMU sentences (p. 39)
    answer = assistant.ask("Vad innebär den nya internhyresmodellen för Amiralen och WMU?")
    assert "internhyresmodellen" in answer.answer and "EM i Handboll" not in answer.answer


def test_a_breakdown_by_the_boards_three_parts_in_english(assistant):
    # «HELÅRSPROGNONS: Styrelsen 6,9 mkr, Förvaltningen KB 2,3 mkr, Förvaltningen SF/IF 4,7 mkr …» (p. 43)
    answer = assistant.ask("Break down the forecast surplus by the board, the grant-funded administration and the "
                           "solidarity/income-funded operations.")
    assert not answer.refused and "4,7" in answer.answer and "6,9" in answer.answer


@pytest.mark.parametrize("question", ["Vilka är supporterstäderna i Malmö Commitment?",
                                      "Kan du lista namnen på de pionjärstäder som anslutit sig till Malmö Commitment?",
                                      "Vilka är de 29 rekommendationerna i OECD-rapporten?"])
def test_things_the_report_counts_in_words_are_not_named(question, assistant):
    # «… omfattar tolv pionjärstäder och nio supporterstäder …» (p. 22), «Rapporten ger 29 rekommendationer …» (p. 17)
    answer = assistant.ask(question)
    assert answer.refused and "Den säger bara" in answer.answer
    assert not assistant.ask("Vilka partner deltar i Dans för hälsa?").refused


def test_a_page_written_with_a_bare_s(assistant):
    answer = assistant.ask("vad står på s 39")
    assert answer.shape == "page" and all(c.page == 39 for c in answer.citations)


def test_what_a_thing_does_goes_on_to_the_sentence_about_it(assistant):
    # «… konkretisera bolagets verksamhet och roll …» / «Bolaget ska bland annat bidra till …» (p. 25)
    answer = assistant.ask("vad ska MEHAB göra")
    assert "Bolaget ska bland annat" in answer.answer
    # a value asked for stays one sentence
    answer = assistant.ask("What's the max number of employees per manager that KF decided as a target?")
    assert "max 30" in answer.answer and "Beslutet stärker" not in answer.answer


def test_a_date_moved_later_under_its_heading_is_a_stated_delay(assistant):
    # «… flyttas beslutsplaneringen från december 2025 till april 2026.» (p. 26), a chunk that opens with it
    answer = assistant.ask("Varför har programmen för de nationella minoriteterna skjutits upp?")
    assert not answer.refused and "remissförfarandet" in answer.answer
    assert assistant.ask("Varför sköts Öresundsmetron upp?").refused


def test_work_to_meet_a_named_goal_is_told_from_that_goals_passages(assistant):
    # «Antalet städer som anslutit sig till Malmö Commitment har ökat …» (p. 24), under the climate goal
    answer = assistant.ask("Vad gör staden för att nå klimatmålen?")
    assert answer.shape == "brief" and "Malmö Commitment" in answer.answer
    assert any(c.page == 24 for c in answer.citations)


def test_a_place_the_report_only_mentions_is_not_answered_for(assistant):
    # the report names Göteborg only as Malmö's partner on coastal protection (p. 10, 16)
    for question in ("Vad gör Göteborg för att bli klimatneutralt?", "Vad gör Göteborg för att minska utsläppen?"):
        answer = assistant.ask(question)
        assert answer.refused and not answer.citations and "Den nämner Göteborg bland annat här" in answer.answer
    assert assistant.ask("hur mycket pengar lägger göteborg på kustskydd?").refused
    assert assistant.ask("What is Gothenburg doing about coastal protection?").refused
    # a place written in lower case that the report never names
    assert assistant.ask("vad har lunds kommun för prognos i sin delårsrapport").refused
    # a named thing the report tells about, and the report's own city, are answered
    assert not assistant.ask("Vad gör Kulturlotsar?").refused
    assert not assistant.ask("Hur stor var Malmös sociala obligation?").refused


def test_another_city_asked_about_is_refused_when_its_mentions_hold_nothing_asked(assistant):
    # the report names Göteborg and Stockholm only beside Malmö's coastal protection work (p. 10, 16)
    for question in ("Hur mycket satsar Göteborg på kompetensutveckling jämfört med Malmö?",
                     "In terms of scale, how do Gothenburg's and Stockholm's green bond programmes compare with Malmö's?",
                     "hur går det för Göteborg med deras delårsrapport?"):
        answer = assistant.ask(question)
        assert answer.refused and not answer.citations and "Göteborg" in answer.answer, question
    # a mention that holds what is asked answers, and so does the work done together
    answer = assistant.ask("Vad har Köpenhamns kommun beslutat om metron?")
    assert not answer.refused and "Köpenhamns kommun fattade" in answer.answer
    assert not assistant.ask("Vad gör Malmö tillsammans med Göteborg och Stockholm?").refused


def test_a_date_left_open_by_a_season_is_read_from_the_next_sentences(assistant):
    # «Upphandling av nytt avvikelsehanteringssystem genomfördes under våren … Produktionsstart blir i början av
    # september 2025.» (p. 32)
    answer = assistant.ask("when will the new incident reporting system be up and running?")
    assert not answer.refused and "september 2025" in answer.answer
    assert all(c.page == 32 for c in answer.citations)
    # the season is the answer when the sentence holds all that is asked
    answer = assistant.ask("När genomfördes upphandlingen av avvikelsehanteringssystemet?")
    assert "våren" in answer.answer and "september" not in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    # a party's position is no part of the board's report
    ("What's the Moderates' position on the Öresund metro?", "parties' positions"),
    ("Vad tycker Socialdemokraterna om metron?", "partiernas ståndpunkter"),
    # the whole city's or another committee's figures are not the board's
    ("What's the forecast result for Malmö stad as a whole?", "executive board's finances"),
    ("How did the education committee do against budget this year?", "executive board's finances"),
    ("Hur stor budget har arbetsmarknads- och socialnämnden 2025?", "inte hela stadens eller andra nämnders"),
    ("Hur stort överskott har Malmö stad totalt, alltså hela kommunen?", "inte hela stadens eller andra nämnders"),
])
def test_what_another_reports_would_tell_is_refused_saying_what_this_one_covers(assistant, question, said):
    answer = assistant.ask(question)
    assert answer.refused and not answer.citations and said in answer.answer


def test_a_role_with_a_hyphen_the_report_never_names_is_refused(assistant):
    assert assistant.ask("Vem är HR-direktör på stadskontoret?").refused


def test_another_city_ranked_against_malmo_is_refused(assistant):
    answer = assistant.ask("är göteborg bättre på klimatet än malmö")
    assert answer.refused and "Göteborg" in answer.answer


def test_another_citys_thing_compared_with_malmos_is_refused(assistant):
    answer = assistant.ask("Hur ser Göteborgs stads ledarutvecklingsprogram ut jämfört med Malmös?")
    assert answer.refused and "Göteborg" in answer.answer


@pytest.mark.parametrize(("question", "said", "page"), [
    # a compound of the question met by its head: «… varav 42,6 Mkr utgör arvodeskostnader» for "politikerarvodena"
    ("Hur mycket kostar politikerarvodena i kommunstyrelsen 2025?", "42,6 Mkr", 38),
    # a place written inside a longer name: «Inom MalmöLundregion-samarbetet (MLR) …»
    ("Vad görs tillsammans med Lund inom MalmöLundregionen?", "MalmöLundregion", 15),
    # the board's appropriation asked for the exact amount, and in chat spelling
    ("Hur stort är KS anslag för 2025, exakt belopp?", "510,3 Mkr", 4),
    ("hur mycke pengar har kommunstyrelsen i anslag 2025?", "510,3 Mkr", 4),
    # "blivit" is the question's verb, no unknown thing: «… inneburit försenad produktionsstart»
    ("vad har blivit försenat enligt rapporten?", "försenad", 32),
    # chat "e" is "är"
    ("vad e investeringsbudgeten för 2026", "10 000", 46),
    # "i år" is the report's own year, not «Jämfört med år 2024 …»
    ("hur mycket pengar är det för investeringar i år?", "25 000", 37),
    # a result asked as plus or minus is the surplus
    ("blir det plus eller minus för helåret? hur mycket", "13,9 Mkr", 4),
    ("blir de plus eller minus i budgeten i år", "13,9 Mkr", 4),
    # what the asker heard is the topic: «… kommer hyran för Uven att fortsätta löpa parallellt …»
    ("Jag har förstått att det blir dubbla hyror i samband med flytten. Varför, och hur påverkar det prognosen?",
     "Uven", 40),
])
def test_a_question_in_its_askers_words_gets_the_reports_figure(assistant, question, said, page):
    answer = assistant.ask(question)
    assert not answer.refused and said in answer.answer and answer.citations[0].page == page, answer.answer


def test_what_a_thing_holds_is_told_where_its_rare_word_stands(assistant):
    # «… en ny digital ledarutbildning med fokus på hälsa och arbetsmiljö … klimakterierelaterad ohälsa …» (p. 6), not
    # the section on digital accessibility (p. 7) that shares "digital" with it
    answer = assistant.ask("Vad innehåller den nya digitala ledarutbildningen?")
    assert "klimakterierelaterad" in answer.answer and "tillgänglighet" not in answer.answer


def test_councillors_fees_are_the_fees_row_not_the_membership_fees(assistant):
    answer = assistant.ask("How much of the board's budget goes on councillors' fees?")
    assert "Arvoden" in answer.answer and "medlemsavgifter" not in answer.answer


def test_a_city_where_something_happens_is_no_city_asked_about(assistant):
    # «I maj medverkade kommunstyrelsen på Senior Officials Meeting i Tokyo …» (p. 23): the meeting was in Tokyo
    answer = assistant.ask("Vilka politiker deltog i mötet i Tokyo?")
    assert "för Tokyo" not in answer.answer


def test_a_row_named_by_its_figure_is_that_row(assistant):
    answer = assistant.ask("Vilket ärende avser den minskning av kommunbidraget med 4,1 Mkr som redovisas i tabellen "
                           "över anslagets utveckling?")
    assert "Malmö stadsteater" in answer.answer and answer.citations[0].page == 38


def test_an_average_is_not_read_from_a_total(assistant):
    answer = assistant.ask("what's the average salary at the City Office?")
    assert answer.refused and not answer.citations


def test_a_claimed_event_the_report_never_names_is_refused(assistant):
    assert assistant.ask("Stämmer det att det blir strejk i Malmö stad i höst?").refused
    assert not assistant.ask("stämmer det att det blir en ny medarbetarenkät?").refused


def test_a_second_question_that_sinks_the_first_is_answered_apart(assistant):
    answer = assistant.ask("Hur stor var den sociala obligationen? Vad är räntan på den?")
    assert not answer.refused and "600 miljoner kronor" in answer.answer
    assert "«Vad är räntan på den?» – Det framgår inte av rapporten." in answer.answer
    answer = assistant.ask("Varför har stadskontoret så många vakanser? Är det bara rekryteringsproblem eller sparar "
                           "man medvetet?")
    assert not answer.refused and "vakanser" in answer.answer and any(c.page == 40 for c in answer.citations)


def test_an_aside_about_the_asker_does_not_sink_the_question(assistant):
    answer = assistant.ask("I'm writing a short note on the finances for colleagues abroad; what full-year result is "
                           "forecast for the City Executive Board, and could you break it down between the Board itself "
                           "and the City Office's different types of activity?")
    assert not answer.refused and "13,9" in answer.answer and answer.citations[0].page == 43
    answer = assistant.ask("Since I deal a lot with Brussels, what does the report say about EU-related matters, for "
                           "example EU directives, regulations and EU funding?")
    assert not answer.refused and "CSRD" in answer.answer


def test_the_whole_boards_total_is_not_one_parts_table_sum(assistant):
    # «Kommunstyrelsen anslag uppgår till 510,3 Mkr» (p. 4), not the SUMMA 171,4 of the table under STYRELSEN (p. 38)
    answer = assistant.ask("What is the total appropriation for the City Executive Board in 2025?")
    assert "510,3" in answer.answer and "171,4" not in answer.answer
    # the politicians' fees are styrelsen's, asked with "ks" for the board
    assert "42,6 Mkr" in assistant.ask("hur mkt pengar går till arvoden för politikerna i ks").answer


def test_what_a_document_says_is_quoted_from_it_or_refused(assistant):
    # the report names biological diversity only under the EU taxonomy (p. 5), never in the environment programme
    assert assistant.ask("Vad säger Malmös miljöprogram om biologisk mångfald?").refused
    assert assistant.ask("What does the environmental programme say about biodiversity?").refused
    # «Inom ramen för stadens strategi Det här vill Malmö är klimatanpassning …» (p. 16)
    answer = assistant.ask("Vad säger Det här vill Malmö om klimatanpassning?")
    assert not answer.refused and "Det här vill Malmö" in answer.answer


@pytest.mark.parametrize("question", ["Hur stort överskott hade kommunstyrelsen i förra årets delårsrapport?",
                                      "What did last year's interim report say about the social bond?",
                                      "vad låg ks överskott på i delårsrapporten förra året"])
def test_last_years_report_is_named_as_not_held(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and "2024" in answer.answer and "Delårsrapport 2025" in answer.answer


def test_a_threshold_written_with_digits_and_a_unit_is_met_by_the_tables_title(assistant):
    # «Tabell - Kommunstyrelsens projekt och utredningar, beslutade belopp över 1 Mkr.» (p. 39)
    answer = assistant.ask("vilka projekt över 1 miljon har ks beslutat om i år")
    assert not answer.refused and "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer


def test_a_size_asked_of_a_thing_the_report_gives_no_figure_for_is_refused(assistant):
    # green bonds are named (p. 5, 8, 24) but no amount of them is given
    assert assistant.ask("Hur stora var de gröna obligationer som staden gav ut 2025?").refused
    assert not assistant.ask("Hur stora var de kompetenshöjande insatserna i kronor?").refused


@pytest.mark.parametrize("question", ["Stämmer det att kommunstyrelsen går mot ett underskott 2025?",
                                      "Is the executive board heading for a deficit this year?"])
def test_a_deficit_taken_for_the_boards_whole_result_is_corrected(assistant, question):
    # «Helårsprognosen för kommunstyrelsen pekar sammantaget mot ett överskott med 14 Mkr.» (p. 38)
    answer = assistant.ask(question)
    assert answer.refused and "överskott med 14 Mkr" in answer.answer
    assert answer.answer.startswith(("Nej", "No"))
    # a line of the result is asked as it is
    assert "Lokalkostnader" in assistant.ask("Hur stort är underskottet på lokalkostnader?").answer


def test_a_filler_nu_of_recall_asks_no_present_value(assistant):
    # «… beslut om ett riktvärde om max 30 medarbetare per chef år 2030.» (p. 33): the decision asked for
    answer = assistant.ask("Vad var det nu för beslut om max antal medarbetare per chef?")
    assert not answer.refused and "max 30 medarbetare per chef" in answer.answer
    # today's value is still asked by "idag"
    assert assistant.ask("Hur många medarbetare per chef har vi idag?").refused


def test_what_the_money_goes_to_is_the_sentence_telling_its_use(assistant):
    # «Emissionen finansierar satsningar som stärker stadens arbete för social hållbarhet …» (p. 28)
    answer = assistant.ask("Vad ska pengarna från den sociala obligationen gå till?")
    assert answer.answer.startswith("Emissionen finansierar")
    # «Dessa medel är främst avsedda för möbelinköp, IT-utrustning …» (p. 41), the second part of two
    answer = assistant.ask("Hur stor är investeringsbudgeten 2025 och vad ska pengarna gå till?")
    assert "möbelinköp" in answer.answer


@pytest.mark.parametrize("question", ["Vad kom Trafikverket fram till i sin utredning av Malmö bangård?",
                                      "Vad har Region Skånes effektkommission kommit fram till om vindkraften?"])
def test_what_a_study_arrived_at_is_not_its_start_or_pause(assistant, question):
    # «… Trafikverkets arbete med att utreda Malmö bangård, som inleddes våren 2025.» (p. 15); «… har tillfälligt
    # pausats …» (p. 25): neither tells what came of it
    answer = assistant.ask(question)
    assert answer.refused and answer.answer.startswith("Rapporten nämner det men anger inget resultat")


@pytest.mark.parametrize("question", ["Vilken helårsprognos har servicenämnden lämnat i sin delårsrapport 2025?",
                                      "Hur stor är servicenämndens budget?",
                                      "Vad är Malmö stads samlade resultatprognos för hela kommunkoncernen 2025?",
                                      "What is the service committee's forecast?",
                                      "What result is the service committee (servicenämnden) forecasting for 2025?"])
def test_another_committees_or_the_groups_figures_are_not_the_boards(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and ("kommunstyrelsens ekonomi" in answer.answer or "executive board's" in answer.answer)


def test_a_committee_named_in_a_task_of_the_board_is_answered(assistant):
    # «… kommunstyrelsen, tillsammans med servicenämnden, har i uppdrag att utreda …» (p. 11)
    assert not assistant.ask("Vad gäller uppdraget om servicenämndens finansieringsmodell?").refused


@pytest.mark.parametrize("question", ["är det bra att malmö ger ut sociala obligationer?",
                                      "Will Malmö actually be climate neutral by 2030?",
                                      "Kommer metron verkligen att byggas?"])
def test_a_verdict_or_a_prediction_is_declined(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and answer.shape == "out_of_scope" and not answer.citations


def test_a_comparison_with_a_place_the_report_only_mentions_is_refused(assistant):
    answer = assistant.ask("How does Malmö's voter turnout compare with Stockholm's and Gothenburg's?")
    assert answer.refused and "It names Stockholm for example here" in answer.answer
    assert not assistant.ask("Hur har nettokostnaden utvecklats jämfört med 2024?").refused


def test_a_brief_leaves_out_the_other_subject_of_a_joined_heading(assistant):
    # «Reviderade planer mot rasism samt stärkt arbetet med nationella minoriteter» (p. 26): the paragraph on the
    # minorities' programmes («… flyttas beslutsplaneringen …») answers nothing on racism
    answer = assistant.ask("Vad gör staden mot rasism?")
    assert "antimuslimsk rasism" in answer.answer and "beslutsplaneringen" not in answer.answer
    both = assistant.ask("Hur går arbetet med planerna mot rasism och programmen för nationella minoriteter?")
    assert "antimuslimsk rasism" in both.answer and "programmen för de nationella minoriteterna" in both.answer


def test_a_delay_is_found_where_its_paragraph_names_the_thing(assistant):
    # «Kommunstyrelsen har som ambition … programmen för de nationella minoriteterna … flyttas beslutsplaneringen
    # från december 2025 till april 2026.» (p. 26): the delay is the programmes', two sentences on
    answer = assistant.ask("What is the status of the revised plans against racism and the programmes for the "
                           "national minorities – has anything been delayed?")
    assert not answer.refused and "beslutsplaneringen" in answer.answer


@pytest.mark.parametrize("question", ["Vad var utfallet jan–aug 2024 för nettokostnaden?",
                                      "Vad är utfallet jan–aug för lönekostnaderna i resultaträkningen?",
                                      "Vad var nettokostnaden för juli månad 2025?"])
def test_a_period_the_quoted_figure_is_not_for_is_said_so(assistant, question):
    # the income statement has no period column, the report no month's figures and no 2024 period outturn
    answer = assistant.ask(question)
    assert answer.refused and answer.answer.startswith("Rapporten redovisar inte den perioden")


def test_the_period_the_report_gives_is_answered(assistant):
    answer = assistant.ask("Hur stort var periodens resultat januari–augusti?")
    assert not answer.refused and "56" in answer.answer


@pytest.mark.parametrize("question", ["hur stort överskott hade göteborgs stad i sin delårsrapport i år?",
                                      "Hur ser Göteborgs stads delårsprognos ut för 2025?",
                                      "Hur stor är lunds kommuns budget?"])
def test_another_citys_figure_in_its_genitive_is_refused(assistant, question):
    answer = assistant.ask(question)
    assert answer.refused and answer.shape == "out_of_scope" and not answer.citations


def test_the_parts_of_a_breakdown_are_quoted_with_what_they_divide(assistant):
    # «… uppgår till 32,8 Mkr. Detta är uppdelat på • Kommunbidragsfinansierad verksamhet,19,5 Mkr • Solidariskt
    # och intäktsfinansierad verksamhet, 13,3 Mkr» (p. 41)
    answer = assistant.ask("Stadskontorets periodresultat jan–aug – hur fördelar det sig mellan KB-finansierat och "
                           "solidariskt/intäktsfinansierat?")
    assert not answer.refused
    assert all(x in answer.answer for x in ("32,8 Mkr", "19,5 Mkr", "13,3 Mkr"))
    assert answer.answer.index("32,8") < answer.answer.index("19,5") < answer.answer.index("13,3")


def test_what_a_budget_shall_do_is_its_purpose(assistant):
    # «Investeringsutrymmet för beredskap ska stärka stadens förmåga …» (p. 41), not the food agency's grant
    # «… som ska användas för att …» in the same paragraph
    answer = assistant.ask("Vad ska investeringsutrymmet för beredskap användas till?")
    assert answer.answer.startswith("Investeringsutrymmet för beredskap ska stärka")


def test_a_compound_whose_parts_never_meet_is_a_thing_of_its_own(assistant):
    scorer = assistant.answer_engine().scorer
    assert "kommunfullmäktigemöt" in scorer.read("När är nästa kommunfullmäktigemöte?", [], None).terms
    # «… förmånscykel och det var drygt 400 nya som beställde. Avtalet med …» (p. 24): written apart, in one paragraph
    assert {"förmånscykel", "avtal"} <= set(scorer.read("Hur många har förmånscykelavtal?", [], None).terms)
    # "klimatområdet" is the matter of the climate, whatever the report calls it
    assert "klimatområd" not in scorer.read("Vad gör KS inom klimatområdet?", [], None).terms
    assert assistant.ask("När är nästa kommunfullmäktigemöte?").refused


@pytest.mark.parametrize("question, spelled", [("Vad betyder förkortningen WMU?", "Word Maritime University (WMU)"),
                                               ("What does MEHAB stand for?", "Malmö Energi och Hållbarhet AB (MEHAB)")])
def test_an_acronym_is_answered_by_the_sentence_that_spells_it_out(assistant, question, spelled):
    answer = assistant.ask(question)
    assert not answer.refused and spelled in answer.answer and len(answer.citations) == 1


@pytest.mark.parametrize("question", ["Vad står KISA för?",
                                      "The report mentions the new audit model KISA. What does the acronym stand for?"])
def test_an_acronym_the_report_never_spells_out_is_said_so(assistant, question):
    # «Med införandet av den nya revisionsmodellen KISA …» (p. 7): the report never writes out KISA
    answer = assistant.ask(question)
    assert answer.refused and "KISA" in answer.answer and ("(s. 7)" in answer.answer or "(p. 7)" in answer.answer)
    assert answer.answer.startswith(("Rapporten skriver inte ut vad KISA står för", "The report does not spell out"))


def test_what_is_asked_about_an_acronym_is_not_its_meaning():
    from assistant.answer.engine import asked_acronym

    assert asked_acronym("Vad står det på sidan 12?") is None and asked_acronym("Vad står det om KISA?") is None
    assert asked_acronym("Vad betyder det för Malmö?") is None and asked_acronym("KISA - what does it stand for?") == "KISA"


@pytest.mark.parametrize("question", ["how big is the forecast surplus?", "Hur stort överskott prognostiseras?",
                                      "vad är prognosen för helåret"])
def test_a_money_question_naming_no_part_is_answered_by_the_reports_headline(assistant, question):
    # «Det prognostiserade helårsresultatet är ett överskott på totalt 13,9 Mkr.» (p. 4, the report's summary), not
    # one part's 6,9 or 7,1 Mkr
    answer = assistant.ask(question)
    assert not answer.refused and "13,9 Mkr" in answer.answer and answer.citations[0].page == 4


def test_a_compound_told_nowhere_is_unknown_but_one_a_table_tells_is_not(assistant):
    assert assistant.ask("hur stor är personalomsättningen på SK?").refused  # personal and omsättning never meet
    answer = assistant.ask("vad är investeringsbegäran för 2026?")  # the table's «Investeringstyp Begäran» (p. 47)
    assert not answer.refused and "Begäran 2026" in answer.answer


@pytest.mark.parametrize("question", ["Vad föreskriver kommunallagen om kommunstyrelsens uppsiktsplikt?",
                                      "Vilket prognostiserat helårsresultat redovisar servicenämnden i sin delårsrapport?"])
def test_a_law_or_another_committees_report_is_not_the_reports(assistant, question):
    assert assistant.ask(question).refused


def test_thanks_in_english_gets_the_english_word_on_what_the_assistant_does(assistant):
    answer = assistant.ask("thanks, super helpful!")
    assert answer.refused and answer.answer.startswith("You're welcome! I only answer questions about what the report")
    assert assistant.ask("tack för hjälpen! 😊").answer.startswith("Varsågod! Jag svarar bara på frågor")
    assert not assistant.ask("hej").answer.startswith("Varsågod")


def test_a_summary_of_the_report_for_an_article_is_the_reports_own_summary(assistant):
    answer = assistant.ask("can you summarize the report in 3 bullet points for my piece?")
    assert answer.shape == "summary" and not answer.refused and "13,9 Mkr" in answer.answer


@pytest.mark.parametrize("question", ["vilka yrkeskategorier har SK haft svårt att rekrytera till?",
                                      "Vilka yrkeskategorier är svåra att rekrytera?"])
def test_things_the_report_leaves_unspecified_are_said_so(assistant, question):
    # «En bidragande orsak är rekryteringssvårigheter inom vissa yrkeskategorier …» (p. 40): it does not say which,
    # whether that sentence is the one the answer would quote or a better one than it
    answer = assistant.ask(question)
    assert answer.refused and answer.answer.startswith("Rapporten nämner det men anger inte vilka")
    assert "vissa yrkeskategorier" in answer.answer and "(s. 40)" in answer.answer


@pytest.mark.parametrize("question, quoted", [
    ("Beslutet om programmen för de nationella minoriteterna har flyttats. Till när, och med vilken motivering?",
     "flyttas beslutsplaneringen från december 2025 till april 2026"),
    ("Hur förklaras den negativa avvikelsen avseende lokalkostnader, och på vilken redovisningsmässig grund belastar "
     "den innevarande år?", "Uven"),
    ("Redogör för den sociala obligationen: belopp, tidpunkt för emissionen och vad medlen ska användas till.",
     "600 miljoner kronor")])
def test_the_kind_of_answer_asked_for_is_no_unknown_topic(assistant, question, quoted):
    # "motivering", "tidpunkt", "redogör" and an adjective the report lacks before a noun it has name no thing the
    # report must have
    answer = assistant.ask(question)
    assert not answer.refused and quoted in answer.answer


def test_a_claim_about_a_count_asks_whether_it_holds_not_for_a_number(assistant):
    # «Under perioden har antalet statliga remisser till Malmö stad ökat markant …» (p. 5)
    answer = assistant.ask("stämmer det att antalet statliga remisser har ökat?")
    assert not answer.refused and "ökat markant" in answer.answer


def test_whether_the_board_counts_on_meeting_all_goals_is_the_outline(assistant):
    answer = assistant.ask("Stämmer det att KS räknar med att nå alla tolv mål i år?")
    assert answer.shape == "outline" and answer.answer.startswith("12 av 12")


def test_the_period_outturn_asked_for_no_part_is_the_whole_boards(assistant):
    answer = assistant.ask("Vad blev utfallet för perioden januari till augusti?")
    assert not answer.refused and "56,9 Mkr" in answer.answer


def test_small_talk_with_dig_is_small_talk(assistant):
    assert assistant.ask("tjena! hur är läget med dig idag?").answer.startswith("Jag svarar bara på frågor")


@pytest.mark.parametrize("question", [
    "vilka projekt/utredn >1 mnkr har KS beviljat?",  # terse: a slash between two words, ">" for "over"
    "Which projects got more than 1 million kronor from the board's projects and investigations budget?",
])
def test_a_listing_table_is_found_from_its_rows_and_for_a_plural_read_as_an_amount(question, assistant):
    # «Tabell - Kommunstyrelsens projekt och utredningar, beslutade belopp över 1 Mkr.» (p. 39): "vilka projekt" is
    # plural without an ending; the search found the table's rows, not the sentence introducing them
    answer = assistant.ask(question)
    assert answer.shape == "brief" and "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer


@pytest.mark.parametrize(("question", "planned"), [
    ("Did the new intranet launch on time in spring 2026?", "lanseras våren 2026"),
    ("Flyttade stadskontoret till Rådhuset i mars 2026?", "februari/mars 2026"),
])
def test_what_came_of_a_plan_after_the_reports_year_is_not_told(question, planned, assistant):
    # the report, written in 2025, only has the plan: quoting it as the answer would claim the event happened
    answer = assistant.ask(question)
    assert answer.refused and planned in answer.answer
    assert "written before then" in answer.answer or "skriven före" in answer.answer
    # the plan itself is still answered
    assert not assistant.ask("När ska intranätet lanseras?").refused


@pytest.mark.parametrize(("question", "said"), [
    ("What's the timeline for getting the new financial system in place?", "halvårsskiftet 2026"),
    ("nytt ekonomisystem – tidplan?", "halvårsskiftet 2026"),
    ("Vilken tidsperiod gäller delårsrapporten?", "31 augusti 2025"),
])
def test_a_timeline_or_a_period_asks_when(question, said, assistant):
    # the report gives the dates, not the words "tidplan" or "tidsperiod"
    answer = assistant.ask(question)
    assert not answer.refused and said in answer.answer


def test_in_practice_is_how_to_answer_not_a_topic(assistant):
    # what the oversight is in practice: the follow-up on p. 7–8 («uppsikt» in the report's sentences, the duty's word)
    answer = assistant.ask("Vad innebär kommunstyrelsens uppsiktsplikt i praktiken, enligt rapporten?")
    assert not answer.refused and {c.page for c in answer.citations} <= {7, 8, 9}


def test_english_flooding_meets_the_reports_oversvamningar(assistant):
    answer = assistant.ask("What is the city doing about coastal flooding?")
    assert not answer.refused and "översvämningar" in answer.answer


def test_a_summary_of_the_forecast_is_not_of_forecast_certainty(assistant):
    # «Prognossäkerhet» (p. 41) is about how certain the forecast is; its first part does not name it
    answer = assistant.ask("Sammanfatta kommunstyrelsens ekonomiska prognos för 2025.")
    assert "Prognossäkerhet" not in answer.answer.split("\n")[0]


@pytest.mark.parametrize(("question", "said", "stray"), [
    # the second part asks about the first part's thing: its passage goes on about it, the social bond's «… hur
    # medlen används» (p. 28) is about other money
    ("Hur mycket har kommunstyrelsen avsatt till kompetenshöjande insatser under 2025, och vad ska medlen användas "
     "till?", "Satsningen ska stärka friskfaktorer", "hur medlen används"),
    ("Hur stor är investeringsbudgeten för 2025 och vad ska medlen för beredskap användas till?",
     "Investeringsutrymmet för beredskap ska stärka", "hur medlen används"),
])
def test_a_second_part_on_the_first_parts_thing_is_answered_from_its_passage(question, said, stray, assistant):
    answer = assistant.ask(question)
    assert not answer.refused and said in answer.answer and stray not in answer.answer
    assert answer.question == question


def test_a_second_part_naming_its_own_topic_stands_wherever_it_is_told(assistant):
    # «Rapporten ger 29 rekommendationer …»: the report the first part names, on another page
    answer = assistant.ask("Vad handlade OECD-rapporten om och hur många rekommendationer gav den?")
    assert "29 rekommendationer" in answer.answer


def test_terse_shorthand_splits_a_two_part_question(assistant):
    answer = assistant.ask("social obligation – belopp o när?")
    assert "600 miljoner kronor" in answer.answer and "augusti/september" in answer.answer


def test_a_number_of_people_is_not_answered_by_the_budget_of_the_work_on_it(assistant):
    # «Befolkningsprognos, analyser och uppföljning av Agenda 2030: Budget -10 333 tkr …» (p. 44)
    assert assistant.ask("Vilken befolkningsprognos har Malmö för år 2030?").refused
    assert assistant.ask("What is the population of København?").refused
    answer = assistant.ask("Hur mycket kostar arbetet med befolkningsprognos?")
    assert not answer.refused and "10 333" in answer.answer


def test_examples_asked_for_are_the_sentence_that_gives_them(assistant):
    answer = assistant.ask("Ge exempel på organisationer som fått pengar för att minska matchningsproblemen på "
                           "arbetsmarknaden.")
    assert "Pink Programming" in answer.answer


def test_which_ones_asked_are_the_example_sentence_after_one_naming_none(assistant):
    # «… fördelning av medel … matchningsproblematiken» names no organisation; «Till exempel har medel fördelats till
    # Pink Programming …, Redi School … samt BLING Startup …» does
    answer = assistant.ask("vilka org har fått medel från KS för att motverka matchningsproblematiken på "
                           "arbetsmarknaden?")
    assert not answer.refused and all(n in answer.answer for n in ("Pink Programming", "Redi School", "BLING"))


def test_a_figure_for_the_months_asked_is_found_below_a_row_without_them(assistant):
    # "KB" and "SF/IF" chose the grant's row (p. 43); the sentence with the period is the answer (p. 41)
    answer = assistant.ask("stk utfall jan-aug, fördelning KB resp SF/IF?")
    assert not answer.refused and "32,8 Mkr" in answer.answer and "19,5" in answer.answer


def test_pos_is_positive(assistant):
    answer = assistant.ask("vilket budgetområde har störst pos avvikelse?")
    assert "Stadsövergripande IT-system" in answer.answer


def test_a_length_asked_with_max_is_no_topic(assistant):
    answer = assistant.ask("sammanfatta rapporten kort asså typ 4 meningar max")
    assert answer.shape == "summary" and "13,9 Mkr" in answer.answer and "30 medarbetare" not in answer.answer


def test_a_name_typed_in_lower_case_is_still_the_reports_name(assistant):
    # «Rådhuset» is a name in the report: the table total of another thing is no cost of the move to it
    answer = assistant.ask("vad kostar flytten till rådhuset totalt asså allt inkluderat")
    assert answer.refused and "SUMMA" not in answer.answer
    assert "februari/mars 2026" in assistant.ask("när flyttar stadskontoret till rådhuset").answer


def test_a_summering_of_a_thing_is_answered(assistant):
    answer = assistant.ask("kort summering av elpris grejen tack")
    assert not answer.refused and "elpris" in answer.answer.lower()


@pytest.mark.parametrize(("question", "named"), [
    ("Has Helsingborg won more international congresses than Malmö this year?", "Helsingborg"),
    ("hur stor social obligation har helsingborg gett ut", "helsingborg"),
    ("Did Katrin Stjernfeldt Jammeh comment on the interim report?", "Katrin Stjernfeldt Jammeh"),
])
def test_a_subject_the_report_never_mentions_is_said_to_be_unmentioned(question, named, assistant):
    # what the report says of Malmö (its two congresses, its 600 Mkr bond) is no answer about another
    answer = assistant.ask(question)
    assert answer.refused and named in answer.answer and not answer.citations


@pytest.mark.parametrize("question", [
    "Jag har hört att det blivit ett nytt avvikelsehanteringssystem. När startar det i produktion?",
    "Har förmånscyklarna blivit populärare?",  # «förmånscykel»: a plural that drops an e
    "Did Københavns Kommune decide anything about the metro to Malmö in 2025?",  # the report's Köpenhamns kommun
    "Har flygutsläppen minskat sedan 2019?",  # «koldioxidutsläppen från flyg»: a compound of two report words
])
def test_a_participle_a_plural_or_a_danish_spelling_is_no_unknown_subject(question, assistant):
    assert not assistant.ask(question).refused


def test_goals_asked_for_a_later_year_are_not_this_years_assessments(assistant):
    answer = assistant.ask("Will all the goals also be met in 2026?")
    assert answer.refused and "2025" in answer.answer and "Förväntas uppnås" not in answer.answer
    assert not assistant.ask("Will all the goals be met this year?").refused


def test_the_rule_that_books_a_cost_this_year_is_part_of_its_reason(assistant):
    # «… ska lokalkostnader som inte kommer att nyttjas under 2026 kostnadsredovisas under innevarande år» (p. 40)
    # is a cause, and no signpost for all its "redovisas under"
    answer = assistant.ask("Varför blir hyran för Uven en extra kostnad i år?")
    assert "Enligt gällande regelverk" in answer.answer


def test_a_signpost_is_its_verb_as_a_word():
    from assistant.answer.extractive import is_signpost

    assert is_signpost("Arbetet beskrivs mer ingående under kommunfullmäktigemålet …")
    assert not is_signpost("Lokalkostnader som inte nyttjas ska kostnadsredovisas under innevarande år.")


def test_a_nationality_asked_about_must_be_the_evidences(assistant):
    # «Två japanska bolag har dessutom etablerat sig i Malmö …» (p. 22) tells of no Danish companies
    assert assistant.ask("How many Danish companies set up in Malmö this year?").refused
    assert "Två japanska bolag" in assistant.ask("How many Japanese companies set up in Malmö?").answer


def test_highlights_asked_for_are_points(assistant):
    answer = assistant.ask("Give me 3 highlights on energy")
    assert answer.shape == "brief" and "MEHAB" in answer.answer


def test_a_date_asked_of_an_opening_is_not_another_events_date(assistant):
    # «… som kommer att utredas vidare under hösten 2025» dates a study, not the metro's opening
    assert assistant.ask("When will the Öresund Metro actually open?").refused
    assert assistant.ask("När öppnar Öresundsmetron?").refused
    # a launch or being made available is an opening: «… med en extern lansering planerad till hösten»
    assert not assistant.ask("När öppnades Agenda 2030-plattformen?").refused


@pytest.mark.parametrize("question", ["Which Tokyo startup is Malmö partnering with through G-NETS?",
                                      "List all 29 OECD recommendations for me"])
def test_things_the_report_counts_or_mentions_without_naming_are_said_to_be_unnamed(question, assistant):
    # «… tillsammans med ett Tokyobaserat uppstartsbolag …» (p. 23), «Rapporten ger 29 rekommendationer …» (p. 17)
    answer = assistant.ask(question)
    assert answer.refused and "gives no names" in answer.answer


@pytest.mark.parametrize("question", ["What are the names of the two Japanese companies that set up in Malmö?",
                                      "Vilka är de två japanska bolagen?"])
def test_things_counted_in_words_are_not_named(question, assistant):
    # «Två japanska bolag har dessutom etablerat sig i Malmö under perioden …» (p. 22): no company is named
    answer = assistant.ask(question)
    assert answer.refused and "Två japanska bolag" in answer.answer


def test_the_names_of_all_of_a_kind_the_report_counts_are_not_given(assistant):
    # «Kommunstyrelsens politiska organisation utgörs av 13 kommunalråd och 21 politiska sekreterare.» (p. 38)
    answer = assistant.ask("Ge mig namnen på alla politiska sekreterare")
    assert answer.refused and "21 politiska sekreterare" in answer.answer


@pytest.mark.parametrize("question", ["vad blev det faktiska resultatet för hela 2025 när året var slut?",
                                      "What was the actual result for 2025?"])
def test_the_actual_full_year_result_is_not_in_an_interim_report(question, assistant):
    answer = assistant.ask(question)
    assert answer.refused and ("delårsrapport" in answer.answer or "interim report" in answer.answer)


def test_the_actual_result_of_the_period_is_the_reports_own(assistant):
    answer = assistant.ask("Vad var det faktiska utfallet för januari–augusti 2025?")
    assert "delårsrapport: den redovisar en prognos" not in answer.answer


def test_a_style_request_is_not_the_topic(assistant):
    # «Överskottet beror främst på att kommunstyrelsen under många år lämnat ett årligt bidrag …» (p. 39)
    answer = assistant.ask("varför går styrelsen med överskott? förklara enkelt")
    assert not answer.refused and "Amiralen" in answer.answer


def test_english_framing_words_are_no_topic(assistant):
    # «Det proaktiva arbetet har riktats mot branscherna Life Science och Gaming, med Tyskland …» (p. 20)
    answer = assistant.ask("Which industries and which target country is Malmö focusing on to attract foreign "
                           "investment?")
    assert not answer.refused and "Tyskland" in answer.answer
    # «Uppföljningen av stadens mötes- och resepolicy för 2024 …» (p. 24): "train" is tåg, not utbildning
    answer = assistant.ask("What does the latest follow-up of the city's meetings and travel policy show about flying "
                           "versus taking the train?")
    assert not answer.refused and any(c.page == 24 for c in answer.citations)


def test_an_adverb_before_a_participle_is_no_unknown_subject(assistant):
    # "har precis börjat": «precis» is read whole, not as the genitive of a name "preci"
    answer = assistant.ask("Hej! Jag har precis börjat som handläggare på stadskontoret. När är det tänkt att vi ska "
                           "flytta till Rådhuset?")
    assert not answer.refused and "februari/mars 2026" in answer.answer


def test_another_citys_own_report_told_with_their_is_not_malmos(assistant):
    assert assistant.ask("Hur gick det för Göteborgs stad i deras delårsrapport 2025?").refused


@pytest.mark.parametrize("question", ["How much did Malmö raise through green bonds in 2025?",
                                      "Hur stor var den gröna obligationen?"])
def test_a_thing_of_another_kind_does_not_answer(question, assistant):
    # the report has «gröna obligationer» (their follow-up) and «en social obligation på 600 miljoner kronor»
    assert assistant.ask(question).refused
    assert "600" in assistant.ask("How large was the social bond?").answer


def test_a_claim_of_the_wrong_kind_is_corrected_by_the_sentence(assistant):
    answer = assistant.ask("Stämmer det att Malmö gett ut en grön obligation på 600 miljoner kronor?")
    assert not answer.refused and "social obligation" in answer.answer


def test_at_least_an_amount_is_a_bound_not_the_smallest(assistant):
    # every decision of the p. 39 table is over 1 Mkr: "minst 1 Mkr" lists them all, the largest too
    answer = assistant.ask("Vilka ärenden inom anslaget för projekt och utredningar har beviljats minst 1 Mkr?")
    assert "EM i Handboll 2026" in answer.answer and "Malmö Pride" in answer.answer


def test_a_decision_told_with_an_adverb_is_an_outcome(assistant):
    # «Köpenhamns kommun fattade samtidigt beslut om att Öresundsmetron ingår i en prioriterad lista …» (p. 16)
    answer = assistant.ask("Vad beslutade Köpenhamns kommun om metron?")
    assert not answer.refused and "prioriterad lista" in answer.answer


def test_a_claimed_year_is_corrected_by_the_sentence_with_its_own(assistant):
    # «… beslut om ett riktvärde om max 30 medarbetare per chef år 2030» (p. 33)
    answer = assistant.ask("Stämmer det att fullmäktige har beslutat om max 25 medarbetare per chef till 2028?")
    assert not answer.refused and "30 medarbetare per chef" in answer.answer


def test_an_aside_that_holds_the_topic_is_kept(assistant):
    # «… det var drygt 400 nya som beställde» (p. 23): "gjort det" refers to the aside's förmånscykel
    answer = assistant.ask("Jag funderar på att skaffa förmånscykel – hur många har redan gjort det?")
    assert not answer.refused and "förmånscykel" in answer.answer


def test_the_measure_asked_the_size_of_must_be_the_figures(assistant):
    # the report gives no surplus for 2024; «Jämfört med år 2024 är budgeten för allmänt investeringsutrymme 18,5 Mkr
    # högre» is a budget, not a surplus
    assert assistant.ask("Hur stort överskott hade kommunstyrelsen 2024 jämfört med budget?").refused


def test_turnout_is_valdeltagande(assistant):
    # «… arbetet inriktats på att öka valdelaktigheten inför 2026 …» (p. 28)
    answer = assistant.ask("What measures is Malmö taking to raise turnout before the 2026 elections?")
    assert not answer.refused and "valdelaktigheten" in answer.answer


def test_a_name_typed_in_lower_case_keeps_a_second_part_on_it(assistant):
    # "malmö möts" is the report's «Malmö Möts»: «… mötes- och resepolicy …» (p. 24) is no answer about it
    answer = assistant.ask("vad är malmö möts och när händer det")
    assert "Malmö Möts" in answer.answer and "resepolicy" not in answer.answer
    # a table's header («Budget Prognos») names nothing
    assert not assistant.ask("Investeringsram 2025: budget, prognos och avvikelse?").refused


def test_an_economy_is_summarised_where_its_money_is(assistant):
    # «Ekonomi, budget och uppföljning» (p. 7) is on overseeing the other boards and holds no amount
    answer = assistant.ask("Sammanfatta KS ekonomiska läge")
    assert answer.shape == "summary" and "s. 37" in (answer.span or "") and "s. 7" not in answer.answer.split("\n")[0]


def test_next_year_is_the_year_after_the_reports(assistant):
    # «Investeringsutgifter 2026 samt plan för 2027-2031» (p. 46) answers next year's investments
    answer = assistant.ask("Vad är investeringsbudgeten nästa år?")
    assert not answer.refused and "2026" in answer.answer
    assert assistant.ask("what will KS do with the surplus next yr?").refused


def test_a_name_the_report_has_only_the_first_word_of_is_unknown(assistant):
    answer = assistant.ask("how much did Malmö FF get from the KS project budget")
    assert answer.refused and "Malmö FF" in answer.answer
    assert not assistant.ask("Har KS beviljat pengar till Malmö Pride?").refused
    assert "Copenhagen Municipality" not in assistant.ask("What does Copenhagen Municipality's own budget look like?").answer


def test_what_a_thing_is_says_what_it_is_for(assistant):
    # «Arbetet med Dans för hälsa … implementerats …» / … / «Syftet är att bidra till minskad psykisk ohälsa bland unga.»
    answer = assistant.ask("Vad är Dans för hälsa?")
    assert "Syftet är att bidra till minskad psykisk ohälsa" in answer.answer


def test_a_name_is_defined_by_the_sentence_that_writes_it_in_parentheses(assistant):
    # «Utrullningen av systemstödet för schema och bemanning (Medvind) går enligt plan …» (p. 31)
    answer = assistant.ask("Vad är Medvind för något?")
    assert "systemstödet för schema och bemanning" in answer.answer


def test_chat_english_reads_as_english(assistant):
    # "whats" and "yr" are what's and year: «Inför den planerade flytten till Rådhuset är investeringsbudgeten 20 Mkr.»
    answer = assistant.ask("whats the investment budget this yr and will they stay within it")
    assert not answer.refused and "investeringsbudgeten" in answer.answer
    answer = assistant.ask("how big is the forecasted surplus for the full yr?")
    # the whole board's year, before any part's (the political board's 6,9 Mkr, if quoted at all)
    part = answer.answer.find("6,9")
    assert "13,9" in answer.answer and (part == -1 or part > answer.answer.index("13,9"))


def test_a_share_asked_in_percent_is_not_answered_in_kronor(assistant):
    # the report gives no sick leave figure; «… utfall för perioden januari-augusti uppgår till 32,8 Mkr» is no share
    assert assistant.ask("Sjukfrånvaro stadskontoret jan-aug i %?").refused


def test_a_count_per_manager_asked_with_max_is_a_ratio(assistant):
    # «… ett riktvärde på max 30 medarbetare per chef till 2030» answers how many a manager may have at most
    for question in ("Hur många medarbetare får en chef max ha?", "How many employees can a manager have at most?"):
        answer = assistant.ask(question)
        assert not answer.refused and "max 30 medarbetare per chef" in answer.answer, question


def test_a_claim_told_is_checked_against_the_report(assistant):
    # the report gives 1,2 Mkr to Malmö Pride (p. 39): the claim is answered with it, not refused
    question = "oppositionen påstår att KS gett 5 mnkr till Malmö Pride i år"
    answer = assistant.ask(question)
    assert not answer.refused and "1,2" in answer.answer and answer.question == question
    assert 39 in {c.page for c in answer.citations}


def test_news_of_a_thing_named_in_an_aside_is_looked_for(assistant):
    answer = assistant.ask("Vi rapporterar tillbud och arbetsskador hela tiden i avvikelsesystemet – är det något nytt "
                           "på gång där?")
    assert not answer.refused and "avvikelsehanteringssystem" in answer.answer


def test_a_system_put_in_place_is_rolled_out(assistant):
    # «Utrullningen av systemstödet för schema och bemanning (Medvind) … planeras att avslutas under 2025»
    answer = assistant.ask("När ska Medvind vara infört?")
    assert not answer.refused and "Utrullningen" in answer.answer and "2025" in answer.answer


def test_an_end_date_asked_is_not_the_date_a_thing_began(assistant):
    # the report dates the government's decision (May 2025), not when the inquiry is done
    answer = assistant.ask("By what date is the bilateral Swedish-Danish inquiry into new Öresund connections "
                           "expected to be completed?")
    assert answer.refused and "no date" in answer.answer
    answer = assistant.ask("When is the updated trend analysis in Utblick Malmö supposed to be ready?")
    assert not answer.refused and "januari 2026" in answer.answer


def test_a_breakdown_by_a_unit_the_report_lacks_is_refused(assistant):
    answer = assistant.ask("Could you provide a breakdown of the 78 million kronor competence development investment "
                           "by administration?")
    assert answer.refused and "breakdown" in answer.answer


def test_a_forecast_asked_is_not_the_period_outcome(assistant):
    # «• Kommunbidragsfinansierad verksamhet,19,5 Mkr» is a part of the January–August outcome (p. 41); the forecast
    # is the table row on p. 43 (Förvaltningen KB 2,3 Mkr)
    answer = assistant.ask("Vilken helårsprognos har den kommunbidragsfinansierade verksamheten?")
    assert "2,3" in answer.answer and "19,5" not in answer.answer


def test_a_word_the_report_has_only_in_compounds_is_read_as_them(assistant):
    # "lönerna": the report has «Lönekostnader» only
    answer = assistant.ask("Hur stora är lönerna?")
    assert not answer.refused and "Lönekostnader" in answer.answer


def test_what_the_report_says_on_a_topic_is_where_its_words_stand(assistant):
    # «barn- och ungdomskultur» is a row of the grant's table (p. 38), not the goal on children's upbringing
    answer = assistant.ask("Finns det något om barn- och ungdomskultur i kommunstyrelsens budget?")
    assert answer.shape == "brief" and "-4,1" in answer.answer
    assert assistant.ask("Vad står det om segregation?").shape == "summary"


def test_the_occasion_a_summary_is_for_is_not_its_topic(assistant):
    answer = assistant.ask("Sammanfatta KS ekonomi inför KF")
    assert answer.shape == "summary" and 37 in {c.page for c in answer.citations}


def test_a_claimed_number_the_report_does_not_give_is_not_confirmed(assistant):
    # the report gives no head count: «… bara tagit emot ett fåtal arbetsmarknadsanställningar …» is no answer
    answer = assistant.ask("oppositionen säger att stadskontoret har över 650 anställda, stämmer det")
    assert answer.refused and "ingen sådan siffra" in answer.answer
    answer = assistant.ask("Stämmer det att obligationen var 700 miljoner?")
    assert not answer.refused and "600 miljoner kronor" in answer.answer


def test_a_later_years_figure_must_name_the_thing_asked(assistant):
    assert assistant.ask("Hur stora blir Malmös utsläpp år 2030 enligt stadens prognos?").refused
    assert "10 000" in assistant.ask("Hur stor är investeringsramen 2026?").answer


def test_an_english_second_part_is_answered_where_the_first_parts_answer_goes_on(assistant):
    # «… för de 70 företag som ingår» follows the sentence on who funded Malmö Residency (p. 18)
    answer = assistant.ask("Who financed the Malmö Residency project, and how many companies took part?")
    assert "Tillväxtverket" in answer.answer and "70 företag" in answer.answer
    answer = assistant.ask("What is the Utblick Malmö trend analysis, and when is the updated version expected to be "
                           "finalised?")
    assert "januari 2026" in answer.answer


def test_forecast_and_outcome_abbreviated(assistant):
    # "progn" and "utf" as officials write them
    assert assistant.ask("KS progn för resultatet 2026").refused
    assert "13,9" in assistant.ask("progn helår KS?").answer


def test_a_typo_of_a_report_word_is_no_stranger(assistant):
    answer = assistant.ask("hur många mål har fulmäktige gett ks och kommer dom klara allihop?")
    assert not answer.refused and answer.shape == "outline"


@pytest.mark.parametrize("question", [
    "Kan ni formulera ett e-postmeddelande till stadskontoret där jag begär att få ta del av internkontrollplanen?",
    "vad är skillnaden mellan en kommun och en region egentligen?",
    "går socialnämnden back i år?",
    "How much do tickets for the handball EM 2026 matches in Malmö cost?",
    "What does Copenhagen's overborgmester think about the Øresund metro?",
    "Hur många informationssäkerhetsincidenter rapporterades under perioden januari–augusti 2025?",
    "Vad kostade konsulterna under januari-augusti?",
    "Vad var de totala intäkterna utfall jan-aug?",
    "Hur lång är utbildningen Utvecklande ledarskap och hur anmäler jag mig som rektor?",
])
def test_near_misses_of_unseen_users_are_refused(assistant, question):
    assert assistant.ask(question).refused, question


def test_how_long_a_project_lasts_is_its_end_date(assistant):
    # «Projektet … spegla Malmö pågår till hösten 2026 …» tells how long; how many took a course does not
    assert "hösten 2026" in assistant.ask("Hur länge pågår projektet Spegla Malmö?").answer
    answer = assistant.ask("Hur lång är utbildningen Utvecklande ledarskap?")
    assert answer.refused and "hur länge" in answer.answer


def test_a_period_figure_of_a_measure_the_report_gives(assistant):
    assert "-272 907" in assistant.ask("Vad var nettokostnaden jan-aug?").answer
    # the whole board's period result leads, not the political board's «24,1 Mkr»
    text = assistant.ask("Vad uppgår resultatet (budgetavvikelsen) till för perioden januari–augusti 2025?").answer
    assert "56 922" in text and ("24,1" not in text or text.index("56 922") < text.index("24,1"))


def test_two_parts_of_one_passage(assistant):
    answer = assistant.ask("Vad hände med upphandlingen av det nya avvikelsehanteringssystemet, och när går det i "
                           "produktion?")
    assert "samma leverantör" in answer.answer and "september 2025" in answer.answer
    answer = assistant.ask("Vad är Malmö Möts och när blir det?")
    assert "Satsningen syftar till" in answer.answer and "november 2025" in answer.answer


def test_projects_given_more_than_a_million_are_the_decisions_table(assistant):
    answer = assistant.ask("vilka projekt har ks gett mer än en miljon till i år")
    assert "EM i Handboll 2026" in answer.answer and "600 miljoner" not in answer.answer


def test_what_is_stated_about_a_part_of_the_oversight(assistant):
    answer = assistant.ask("Vad anges om hur kommunstyrelsen följer upp nämndernas och bolagens ekonomi inom ramen "
                           "för uppsiktsplikten?")
    assert "dialogmöten" in answer.answer or "signalsystem" in answer.answer


def test_a_second_part_the_report_lacks_is_said_after_the_first_parts_answer(assistant):
    answer = assistant.ask("När flyttar stadskontoret till Rådhuset och vad kostar flytten totalt?")
    assert not answer.refused and "februari/mars 2026" in answer.answer
    assert "ingen total kostnad" in answer.answer


def test_a_second_value_the_first_parts_quote_gives_is_not_called_untold(assistant):
    # «Avtalet med EcoChange är förlängt och en ny omgång kommer i september 2025» answers both parts
    answer = assistant.ask("Vilket företag har staden avtal med för förmånscyklar, och när öppnar nästa omgång?")
    assert "EcoChange" in answer.answer and "september 2025" in answer.answer
    assert "ingen tidpunkt" not in answer.answer


def test_net_cost_abbreviated(assistant):
    assert "Nettokostnad" in assistant.ask("NK progn helår?").answer


def test_a_day_asked_is_not_answered_by_a_month(assistant):
    answer = assistant.ask("Vilket datum i november hålls demokratihelgen inom Malmö Möts?")
    assert answer.refused and "inget datum" in answer.answer and "november 2025" in answer.answer
    # "datum" names the kind of answer, not a topic the report lacks: the day is given
    assert "4 juni" in assistant.ask("Vilket datum antog KS uppföljningen av mötes- och resepolicyn för 2024?").answer


def test_a_deviations_cause_is_no_price_asked(assistant):
    # "pga hyran": the rent is the cause of the deviation asked for, not a price the row must give
    answer = assistant.ask("Hur stor negativ avvikelse blir det på lokalkostnaderna pga hyran för Uven?")
    assert not answer.refused and ("-3 050" in answer.answer or "-3 Mkr" in answer.answer)


def test_a_place_the_report_never_names_is_said_to_be_unnamed_wherever_it_stands(assistant):
    assert assistant.ask("Hur stor är befolkningen i Helsingborg?").answer == "Rapporten nämner inte Helsingborg."
    answer = assistant.ask("Hur står sig Malmö mot Helsingborg när det gäller att nå klimatmålen?")
    assert answer.refused and "Helsingborg" in answer.answer and "12 av 12" not in answer.answer
    assert not assistant.ask("Vad gör Malmö tillsammans med Göteborg?").refused  # a place the report names


@pytest.mark.parametrize(("question", "expected"), [
    ("whats on page 5", "Ökat remissflöde"),  # a chat spelling of "what's"
    ("how many recomendations was in the OECD report", "29 rekommendationer"),  # a typo of a glossary word
    ("what happend with the goal about segregation", "segregation"),  # a typo of a request word
    ("what is the city doing for kids and young ppl", "barn"),
    ("Are all the Council goals assigned to the Board expected to be achieved this year?", "12 of 12"),
    ("Why is the Board forecasting a surplus? A brief explanation of the main drivers would be appreciated.",
     "Överskottet"),
    ("is there a surplus or a deficit for the whole year, how much", "13 950"),
])
def test_english_as_typed_in_a_hurry(question, expected, assistant):
    answer = assistant.ask(question)
    assert not answer.refused and expected.lower() in answer.answer.lower()


@pytest.mark.parametrize("question", [
    "Kan du göra en tweet (max 280 tecken) om att KS når alla sina mål?",
    "Kan du hjälpa mig göra ett schema för min skola nästa termin?",
])
def test_a_post_or_a_schedule_is_a_task(question, assistant):
    answer = assistant.ask(question)
    assert answer.refused and answer.shape == "out_of_scope" and not answer.citations


def test_thanks_after_a_greeting_with_a_smiley(assistant):
    assert assistant.ask("Hej! Tack för hjälpen hittills, du är grym :)").answer.startswith("Varsågod!")


def test_chat_shorthand_for_or_and_for_example(assistant):
    answer = assistant.ask("helårsprognos KS - överskott el underskott o hur mkt?")
    assert "13,9 Mkr" in answer.answer.split("\n")[0]


def test_the_most_important_in_the_report_for_a_press_text(assistant):
    answer = assistant.ask("vad är det viktigaste i rapporten? behöver 3-4 punkter till en presstext")
    assert answer.shape == "summary" and "tolv mål" in answer.answer


def test_explanations_asked_by_name_are_a_reason_answer(assistant):
    answer = assistant.ask("viktigaste förklaringarna till prognostiserat överskott?")
    assert answer.shape == "reason" and "vakanser" in answer.answer


def test_an_elided_compound_is_written_out(assistant):
    scorer = assistant.answer_engine().scorer
    assert scorer.elided_written_out("blir det över- eller underskott?") == "blir det överskott eller underskott?"
    assert scorer.elided_written_out("klimat- och miljöfrågor") == "klimatfrågor och miljöfrågor"
    # the report writes «mötes- och resepolicyn» so itself: met as written
    assert scorer.elided_written_out("mötes- och resepolicyn") == "mötes- och resepolicyn"
    answer = assistant.ask("vilken prognos har KS för helåret, blir det över- eller underskott?")
    assert not answer.refused and "13,9 Mkr" in answer.answer  # no premise of a deficit to correct


def test_shorthand_cut_inside_a_word_is_the_reports_word(assistant):
    scorer = assistant.answer_engine().scorer
    assert scorer.truncations_written_out("konsultkostn hittills?") == "konsultkostnader hittills?"
    assert scorer.truncations_written_out("Vad gör staden. Och varför?") == "Vad gör staden. Och varför?"
    answer = assistant.ask("vilka beslut över 1 mnkr finns i proj o utredn?")
    assert not answer.refused and "EM i Handboll 2026" in answer.answer


def test_a_cost_named_by_its_compound_is_not_any_cost(assistant):
    # «Kostnader» in the net-cost table are all costs, not the consultants'; «Lönekostnader» are the wage costs
    assert assistant.ask("konsultkostnader hittills i år i tkr?").refused
    assert "Lönekostnader" in assistant.ask("Hur stora är lönekostnaderna?").answer


def test_the_reports_year_is_not_met_by_a_row_of_later_years(assistant):
    answer = assistant.ask("Hur stor är investeringsramen 2025?")
    assert "Begäran 2026" not in answer.answer.split("\n")[0]
    assert "Begäran 2026" in assistant.ask("Hur skiljer sig investeringsramen 2026 från 2025?").answer


def test_figures_per_row_asked_bring_the_rows(assistant):
    answer = assistant.ask("styrelsen: budget, helårsprognos o avvik. per anslag?")
    assert "Arvoden och övriga kostnader" in answer.answer and "SUMMA" in answer.answer


def test_a_heading_used_twice_is_placed_on_its_own_pages(assistant):
    answer = assistant.ask("Sammanfatta vad KS gör för kompetensförsörjningen i staden")
    assert "s. 6–11" not in answer.answer.split("\n")[0]


def test_both_signs_offered_ask_which_one_of_the_figure(assistant):
    # "överskott eller underskott" is no selection of the table's negative rows («Övriga kostnader -693»)
    answer = assistant.ask("Vilket resultat prognostiseras för helåret, blir det överskott eller underskott?")
    assert "13,9" in answer.answer or "13 950" in answer.answer
    assert "Övriga kostnader" not in answer.answer


def test_an_english_genitive_of_an_abbreviation(assistant):
    answer = assistant.ask("How many kommunalråd and politiska sekreterare make up KS's political organisation?")
    assert "13 kommunalråd" in answer.answer


def test_a_request_word_is_not_read_by_its_stem_as_a_glossary_word(assistant):
    # "actually" is no "actual" (utfall)
    answer = assistant.ask("What is the investeringsutrymme för beredskap actually used for?")
    assert not answer.refused and "beredskap" in answer.answer.lower()


def test_danish_spelling_of_copenhagen_is_the_reports_koepenhamn(assistant):
    answer = assistant.ask("So Københavns Kommune has basically approved the Øresund metro now, correct?")
    assert "does not mention" not in answer.answer and "Köpenhamn" in answer.answer


def test_a_definite_form_of_a_short_report_word_is_no_stranger(assistant):
    assert "nämner inte elen" not in assistant.ask("hur mycket billigare har elen blivit").answer


def test_how_a_later_event_went_is_after_the_report(assistant):
    answer = assistant.ask("Hur gick det för Malmö i handbolls-EM 2026?")
    assert answer.refused and "skriven före" in answer.answer


def test_a_figure_per_unit_is_not_a_total(assistant):
    answer = assistant.ask("Hur mycket får ett kommunalråd i arvode per månad?")
    assert answer.refused and "ingen sådan siffra" in answer.answer
    assert "30 medarbetare per chef" in assistant.ask("Hur många medarbetare per chef är riktvärdet?").answer


def test_a_duty_of_oversight_is_oversight(assistant):
    # "uppsiktsplikt": the report tells «uppsikt» in its sentences
    answer = assistant.ask("Hur sköter kommunstyrelsen sin uppsiktsplikt?")
    assert not answer.refused and answer.shape == "brief"


def test_one_of_two_joined_topics_told_is_an_answer(assistant):
    answer = assistant.ask("vad gör kommunen för kulturen och nöjeslivet i stan")
    assert not answer.refused and "kultur" in answer.answer.lower()


def test_a_claim_before_what_the_report_says_on_a_topic(assistant):
    answer = assistant.ask("Malmö is obviously trying to lure Danish companies across the sound - what does the "
                           "report say about attracting companies?")
    assert not answer.refused


def test_a_figure_of_a_thing_named_in_the_sentence_before(assistant):
    # «Vidare har projektet Malmö Residency genomförts …» «Satsningen … för de 70 företag som ingår.»
    for question in ("Hur många företag ingår i Malmö Residency?", "How many companies take part in Malmö Residency?"):
        answer = assistant.ask(question)
        assert "Malmö Residency" in answer.answer and "70 företag" in answer.answer


def test_which_row_and_what_explains_it_is_the_row_with_its_comment(assistant):
    answer = assistant.ask("In the budgetområden table, which area has the largest positive deviation, and what "
                           "explains it?")
    assert "Stadsövergripande IT-system" in answer.answer


def test_what_is_it_that_asks_about_the_figure_not_for_it(assistant):
    assert "osäkerheten" in assistant.ask("vad är det som är osäkert med prognosen").answer


def test_as_of_a_date_is_no_rate_asked(assistant):
    answer = assistant.ask("Hur stort är kommunstyrelsens kommunbidrag per den 31 augusti 2025?")
    assert not answer.refused and "510,3" in answer.answer
    answer = assistant.ask("Investment frame 2025: budget vs forecast per line?")
    assert not answer.refused and "25 000" in answer.answer


def test_the_askers_own_city_or_an_aside_names_no_other_city(assistant):
    answer = assistant.ask("Vi i Umeå håller på att ta fram ett ramverk för gröna obligationer – vad har Malmö ändrat "
                           "i sin uppföljning av gröna obligationer?")
    assert not answer.refused and "Miljökommittén" in answer.answer
    answer = assistant.ask("Since I deal a lot with Brussels, what does the report say about EU directives?")
    assert "Brussels" not in answer.answer


def test_a_place_named_in_the_genitive_is_named_as_the_place(assistant):
    answer = assistant.ask("How does Malmös 13,9 Mkr surplus compare to Københavns Kommune's økonomiudvalg this year?")
    assert answer.refused and "for Köpenhamn." in answer.answer


def test_when_the_first_train_runs_is_not_when_a_document_was_drawn_up(assistant):
    answer = assistant.ask("When will the first metro train run between Malmö and København?")
    assert answer.refused and "no date" in answer.answer


def test_what_malmo_pays_is_an_amount_not_a_brief(assistant):
    answer = assistant.ask("What does Malmö pay each year in membership fee to Greater Copenhagen?")
    assert answer.shape != "brief"


def test_the_cues_verb_is_no_topic_word(assistant):
    answer = assistant.ask("How is the city working to increase electoral participation ahead of the 2026 election?")
    assert "valdelaktigheten" in answer.answer.split("[1]")[0]


def test_another_places_board_in_lower_case(assistant):
    answer = assistant.ask("gör lund likadant, vad har lunds kommunstyrelse för överskott i år")
    assert answer.refused and not answer.citations


def test_news_of_a_topic_is_a_brief_on_it(assistant):
    answer = assistant.ask("Vilka nyheter finns om klimatanpassning och kustskydd?")
    assert answer.shape == "brief" and "kustskydd" in answer.answer


def test_the_askers_own_story_before_the_question_is_no_topic(assistant):
    answer = assistant.ask("jag är 74 år och bor ensam på lorensborg sen min man dog. man läser ju så mycket om att "
                           "äldre glöms bort. står det nånting i rapporten om vad staden gör för oss äldre?")
    assert not answer.refused and "äldre" in answer.answer


def test_a_remark_after_the_question_is_no_topic(assistant):
    answer = assistant.ask("hur många städer är egentligen med i Malmö Commitment nu? låter mest som PR")
    assert not answer.refused and "tolv pionjärstäder" in answer.answer


def test_a_compound_the_report_writes_apart_is_searched_apart(assistant):
    answer = assistant.ask("satsar staden på koldioxidinfångning (CCS) överhuvudtaget?")
    assert not answer.refused and "infångning och lagring av koldioxid" in answer.answer


def test_a_change_told_as_a_fraction_answers_how_much(assistant):
    answer = assistant.ask("hur mycket har stadens flygresor minskat sedan 2019 enligt rapporten")
    assert "halverats" in answer.answer


def test_list_the_goal_areas_in_the_reports_words(assistant):
    answer = assistant.ask("can you list me the målområden and the goals under them, short please")
    assert answer.shape == "outline" and "6 goal areas" in answer.answer


def test_a_headcount_is_not_a_count_of_those_who_did_something(assistant):
    for question in ("How many employees work at stadskontoret?", "Hur många anställda har stadskontoret?"):
        assert assistant.ask(question).refused
    assert "4 500" in assistant.ask("Hur många medarbetare har förmånscykel?").answer


def test_the_whole_tables_budget_is_its_total(assistant):
    answer = assistant.ask("Hur stor är stadskontorets budget 2025?")
    assert answer.answer.split("): ", 1)[1].startswith("SUMMA")


def test_regarding_is_no_when(assistant):
    answer = assistant.ask("vilka branscher försöker malmö locka hit när det gäller nyetableringar av företag?")
    assert "Life Science" in answer.answer


def test_spoken_framing_of_a_figure(assistant):
    assert "510,3" in assistant.ask("hej, hur mycket pengar har kommunstyrelsen att röra sig med i år egentligen").answer
    assert "13,9" in assistant.ask("vilket överskott tror dom att dom landar på för helåret?").answer


def test_go_live_and_a_word_said_somewhere(assistant):
    assert "våren 2026" in assistant.ask("när är go-live för nya intranätet?").answer
    assert not assistant.ask("Nämns AI någonstans i rapporten? vad gör de isåfall?").refused


def test_which_requirements_is_answered_by_the_sentence_listing_them(assistant):
    for question in ("Vilka hållbarhetskrav ställer staden egentligen i sina upphandlingar?",
                     "vilka hållbarhetskrav ställer stan när dom upphandlar? vill veta innan jag lämnar anbud"):
        assert "cirkulär ekonomi" in assistant.ask(question).answer


def test_money_to_spend_is_the_grant(assistant):
    assert "510,3" in assistant.ask("Hur mycket pengar har kommunstyrelsen totalt att röra sig med i år?").answer


@pytest.mark.parametrize(("text", "asked"), [
    ("Vilka förseningar finns det i rapporten? Vad har inte gått enligt plan?", True),
    ("Vilka förseningar redovisas?", True),
    ("Which delays does the report mention?", True),
    ("What networks are mentioned in the report?", True),
    ("Vilka risker finns i prognosen?", False),  # a part named after it narrows it: not the whole report's
    ("Vilka förseningar har drabbat ekonomisystemet?", False),
])
def test_an_inventory_asked_of_the_whole_report(text, asked):
    from assistant.answer.shapes.mentions import MENTIONS_ASKED
    assert (MENTIONS_ASKED.match(text) is not None) is asked


@pytest.mark.parametrize("question", ["Vilka förseningar finns det i rapporten?", "Which delays does the report mention?"])
def test_an_inventory_quotes_every_place_the_report_tells_of_it(assistant, question):
    a = assistant.ask(question)
    assert not a.refused and a.shape == "brief"
    assert {27, 31, 32} <= {c.page for c in a.citations}, [(c.page, c.quote) for c in a.citations]
    # the sentence that only points back («Förseningen beror …») comes with the one that says which delay
    pointing = next(c for c in a.citations if "Förseningen beror" in c.quote)
    assert "Koll Folkhälsa" in pointing.quote


def test_an_inventory_of_a_thing_the_report_never_names_is_refused(assistant):
    assert assistant.ask("Vilka skyddsrum finns det i rapporten?").refused


def test_a_summary_for_the_asker_to_understand_is_of_the_report(assistant):
    # "så jag fattar" says for whom, not what about ("fattar" is no «fattats beslut»)
    a = assistant.ask("kan du sammanfatta hela rapporten kort så jag fattar")
    assert a.shape == "summary" and a.citations[0].page == 4, a.answer


def test_what_the_majority_has_done_is_what_the_board_has_done(assistant):
    a = assistant.ask("Vad har majoriteten egentligen gjort för att Malmö ska bli fritt från segregation?")
    assert not a.refused and a.shape == "brief"
    assert any(c.page in (26, 27) for c in a.citations), [(c.page, c.quote) for c in a.citations]


def _quotes(a) -> list[tuple[int, str]]:
    return [(c.page, c.quote) for c in a.citations]


@pytest.mark.parametrize(("question", "shape", "wanted"), [
    # a brief goes on in the paragraph of the sentence that holds most of the question, where the search missed it
    ("Vad gör staden för att minska utsläppen från tjänsteresor?", "brief", "mer än halverats sedan 2019"),
    # a reason's places go to points on the thing asked, not to the causes of another rise
    ("Varför blev nettokostnaden högre än 2024?", "reason", "nettokostnadsökningen 0,7 %"),
    # what the asker wants included is no topic of its own
    ("Why does the Kommunstyrelsen forecast a budget surplus for 2025? Please give the main explanatory factors.",
     "reason", "Överskottet beror främst på"),
    # news of a place
    ("vad har hänt i lorensborg", "brief", "Lorensborgs centrum"),
    # an inventory narrowed by a modifier
    ("Which EU directives are mentioned in the report?", "brief", "CSRD"),
    # who received money from an appropriation: its table's rows
    ("Vilka fick mer än 1 mnkr ur anslaget för projekt och utredningar?", "brief", "EM i Handboll 2026"),
])
def test_open_answers_of_the_twenty_sixth_round(assistant, question, shape, wanted):
    a = assistant.ask(question)
    assert not a.refused and a.shape == shape, a.answer
    assert any(wanted in c.quote for c in a.citations), _quotes(a)
    # no sentence twice: the report's summary repeats its body nearly word for word («EU:s direktiv CSRD»)
    assert len({c.quote for c in a.citations}) == len(a.citations) and not (
        "EU" in question and len(a.citations) > 1), _quotes(a)


@pytest.mark.parametrize(("question", "wanted"), [
    # one figure asked of two parts "respektive": each part's
    ("Hur stort överskott prognostiseras för styrelsen respektive stadskontoret?", ("6,9 Mkr", "7,1 Mkr")),
    # another body's report of a year the report tells of is no report missing from the library
    ("When was the storstadspaketet annual report for 2024 delivered?", ("mars 2025",)),
    # one of several figures asked, from the table's row
    ("In the operating budget table, what are the net cost, the kommunbidrag and the result for the period "
     "January–August 2025 (in Tkr)?", ("329 829",)),
    # "due to launch" is when it is planned, not a cause
    ("When's the new staff intranet due to launch?", ("våren 2026",)),
    # a Danish partner's question
    ("Innovationsplattform stad - hvornår sluttede projektet, how long did it run and with whom?", ("18 månaders",)),
    # the board's own budget is its grant
    ("Hur stor är kommunstyrelsens totala budget 2025?", ("510,3",)),
    ("hej, hur mycket pengar kommunstyrelsen har för 2025? total budget", ("510,3",)),
])
def test_facts_asked_in_other_words_of_the_twenty_sixth_round(assistant, question, wanted):
    a = assistant.ask(question)
    assert not a.refused and all(w in a.answer for w in wanted), a.answer


def test_a_second_part_does_not_quote_the_first_parts_sentence_again(assistant):
    a = assistant.ask("What is MEHAB and when was its bolagsordning decided?")
    assert a.answer.count(a.citations[0].quote) == 1, a.answer


@pytest.mark.parametrize(("question", "says"), [
    ("What were Malmö's total greenhouse gas emissions last year, in tonnes?", ""),  # nothing is measured in tonnes
    ("What's the board's total operating budget for 2026?", ""),  # the 2026 investment plan is no operating budget
    # the asker's Swedish word for what the English asks is the thing, though the report lacks it
    ("What is the sick-leave rate (sjukfrånvaro) among employees at stadskontoret in 2025?", ""),
    # others asked besides the one the report names
    ("Which other metro lines are on Copenhagen's prioritised list besides Öresundsmetron?",
     "The report mentions it but does not say which"),
])
def test_refusals_of_the_twenty_sixth_round(assistant, question, says):
    a = assistant.ask(question)
    assert a.refused and says in a.answer, a.answer


def test_a_place_or_committee_the_report_never_names_is_said_so(assistant):
    # «MalmöLundregionen» names no Lund that acts; the report is the board's, not the school committee's
    answer = assistant.ask("vad gör lund för klimatet")
    assert answer.refused and "Lund" in answer.answer
    answer = assistant.ask("Hur gick det för grundskolenämnden med dess mål enligt delårsrapporten?")
    assert answer.refused and "grundskolenämnden" in answer.answer
    assert not assistant.ask("Vad säger rapporten om servicenämnden?").refused
    # a place the city works with is the report's own matter: «… samarbetar staden även med Tokyo Metropolitan …»
    answer = assistant.ask("vad gör malmö ihop med tokyo")
    assert not answer.refused and any(c.page == 23 for c in answer.citations)


def test_whether_a_target_is_met_by_a_later_year_is_not_foretold(assistant):
    answer = assistant.ask("Kommer staden att klara riktvärdet 30 medarbetare per chef till 2030?")
    assert answer.refused and "2030" in answer.answer
    assert assistant.ask("Will Malmö be climate neutral by 2030?").refused
    # what work will lead to: the report tells the hope («… förhoppningen …»), not the turnout of 2026
    assert assistant.ask("Will the democracy efforts lead to higher turnout in the 2026 election?").refused
    # a plan's date is told: «… flyttar till nya lokaler vid Rådhuset 2026 …»
    assert not assistant.ask("Kommer flytten till Rådhuset vara klar till 2026?").refused


def test_a_year_the_report_never_names_is_no_baseline(assistant):
    answer = assistant.ask("What is the CO2 emission reduction of Malmö in percent compared to 1990?")
    assert answer.refused and "1990" in answer.answer
    # «… har dessutom stadens flygresor mer än halverats sedan 2019» (p. 24)
    assert not assistant.ask("Hur mycket har flygresorna minskat sedan 2019?").refused


@pytest.mark.parametrize("question", ["Hur mycket pengar är avsatt för kompetenshöjande insatser?",
                                      "How much money is reserved for competence development in the city?"])
def test_a_strong_verbs_other_vowel_finds_the_sentence(question, assistant):
    # «… genom att avsätta 78 miljoner kronor till kompetenshöjande insatser i staden» (p. 6), not the 3,5 Mkr row
    answer = assistant.ask(question)
    assert "78 miljoner" in answer.answer and answer.citations[0].page in (6, 11)


def test_an_inventory_of_two_kinds_and_of_delays_in_other_words(assistant):
    answer = assistant.ask("Vilka förseningar eller brister redovisas i rapporten?")
    assert not answer.refused and {27, 31, 32} <= {c.page for c in answer.citations}
    # a delay told without the word: «… flyttas beslutsplaneringen från december 2025 till april 2026» (p. 26)
    answer = assistant.ask("Vilka förseningar finns det i rapporten?")
    assert "april 2026" in answer.answer and "pausats" in answer.answer


def test_what_changed_since_last_year_without_a_topic_lists_the_reports_comparisons(assistant):
    answer = assistant.ask("Vad har förändrats jämfört med förra året?")
    assert not answer.refused and answer.shape == "change"
    assert "18,5 Mkr" in answer.answer and "remisser" in answer.answer and "0,7 %" in answer.answer


def test_the_reports_highlights_are_its_summary(assistant):
    answer = assistant.ask("Vilka är de viktigaste resultaten som jag kan lyfta i ett pressmeddelande?")
    assert answer.shape == "summary" and "13,9 Mkr" in answer.answer


def test_the_priorities_followed_up_are_the_sections_parts(assistant):
    answer = assistant.ask("Vilka prioriteringar följs upp i avsnittet om prioriteringar?")
    assert "Flytten till Rådhuset närmar sig" in answer.answer and "Civilt försvar" in answer.answer


@pytest.mark.parametrize(("question", "said"), [
    ("vad e csrd och taxonomigrejen och vad gör ks med det", "taxonomiförordning"),  # chat's "-grejen"
    ("vilka ämnen har stadskontoret svarat på statliga remisser om, typ havsmiljö?", "havsmiljö"),  # a class noun
    ("How sure is the economic forecast?", "Prognossäkerheten bedöms som något osäker"),
])
def test_chat_words_and_class_nouns_name_no_missing_thing(question, said, assistant):
    answer = assistant.ask(question)
    assert not answer.refused and said in answer.answer


def test_a_sentence_said_to_leave_names_out_is_about_what_is_asked(assistant):
    # the Malmö Commitment's cities in Africa are unnamed; coastal protection's partners are named elsewhere
    assert "anger inga namn" in assistant.ask("Vilka städer i Afrika ingår i Malmö Commitment?").answer
    assert "anger inga namn" not in assistant.ask("Vilka städer samarbetar Malmö med om kustskydd?").answer


def test_the_whole_boards_surplus_is_explained_by_the_reports_own_table_first(assistant):
    # «Prognostiserad budgetavvikelse helår - viktigaste förklaringar» (p. 37): each part's share, then the causes
    answer = assistant.ask("Varför går kommunstyrelsen med överskott?")
    assert answer.citations[0].page == 37 and "6 900" in answer.answer and "4 750" in answer.answer
    assert any(c.page == 40 for c in answer.citations)
    # one part's surplus is explained by its own causes only
    assert "6 900" not in assistant.ask("Varför går stadskontoret med överskott?").answer


def test_a_cause_under_another_deviations_label_is_no_cause_of_the_one_named(assistant):
    # «Intäkter + 2,9 Mkr … beror främst på EU-bidrag» (p. 39) is no cause of «Lokalkostnader -3 Mkr» (p. 40)
    answer = assistant.ask("Varför blir lokalkostnaderna högre än budgeterat?")
    assert "Uven" in answer.answer and "EU-bidrag" not in answer.answer


def test_shorthand_opening_with_explanation_asks_a_reason(assistant):
    answer = assistant.ask("förklaring avvik personalkostn KB-finansierad verksamhet +7 mkr?")
    assert answer.shape == "reason" and "vakanser" in answer.answer


def test_a_summary_keeps_to_the_topic_in_a_heading_listing_several_things(assistant):
    # «Näringslivsprogram, Öresundsmetron och klimatresiliens» (p. 10) also tells of the business programme
    answer = assistant.ask("Sammanfatta vad rapporten säger om Öresundsmetron.")
    assert "maj 2025" in answer.answer and "näringslivsprogram har inletts" not in answer.answer


def test_a_brief_below_its_floor_goes_on_in_a_section_already_quoted(assistant):
    # «… har kommunstyrelsen följt upp hur nämnderna arbetar med lokaler» (p. 8) shares only "följa upp"
    answer = assistant.ask("hur följer staden upp tjänsteresorna nu")
    assert "Koll Tjänsteresor" in answer.answer and {c.page for c in answer.citations} == {24}


def test_others_views_on_the_report_are_not_in_it(assistant):
    assert assistant.ask("Vad tyckte de andra ledamöterna om delårsrapporten när den togs upp i KS?").refused


def test_a_row_whose_column_headers_the_question_names_answers_it(assistant):
    answer = assistant.ask("Vad är budget, prognos och avvikelse för budgetområdet Stadsutveckling och samhällsbyggnad, "
                           "kustskydd och resiliens?")
    assert "-14 873" in answer.answer and answer.citations[0].page == 44


@pytest.mark.parametrize("question", ["Står det något om cyklar?", "Står det nåt om cyklar i rapporten?"])
def test_whether_the_report_says_anything_about_a_thing_is_answered_from_it(question, assistant):
    # «Förmånscykel lockar allt fler medarbetare» (p. 23–24): cyklar is the plural of the compound's head «cykel»
    answer = assistant.ask(question)
    assert not answer.refused and "förmånscykel" in answer.answer.lower()


def test_what_a_goal_area_is_about_is_its_summary(assistant):
    answer = assistant.ask("Vad handlar målområdet 'En mer jämlik stad' om?")
    assert answer.shape == "summary" and "En mer jämlik stad" in answer.answer


def test_a_share_of_a_whole_the_report_does_not_break_down(assistant):
    answer = assistant.ask("Hur mycket av den sociala obligationen går till skolorna?")
    assert answer.refused and "600 miljoner" in answer.answer


def test_an_acronym_opening_the_question_is_a_name_the_evidence_must_hold(assistant):
    # «MKB» is the housing company (p. 28); the board's income rows are not its result
    assert assistant.ask("MKB:s resultat delår 2025?").refused


def test_a_construction_start_is_no_study_start(assistant):
    answer = assistant.ask("När beräknas byggstart för Malmö bangård?")
    assert answer.refused and "våren 2025" in answer.answer


def test_english_questions_framed_with_address_and_classification(assistant):
    answer = assistant.ask("How does the board address labour-law conditions and welfare crime in public procurement?")
    assert not answer.refused and any(c.page == 6 for c in answer.citations)


@pytest.mark.parametrize(("question", "said"), [
    # a clause pointing back asks about what came before it, not for a summary of "det"
    ("vad kostar politikernas arvoden, står det nåt om det", "42,6 Mkr"),
    ("äldre malmöbor finns det nåt om dom", "äldre Malmöbor"),
])
def test_whether_the_report_says_something_of_what_was_just_named(question, said, assistant):
    answer = assistant.ask(question)
    assert answer.shape == "fact" and said in answer.answer


def test_a_share_of_a_named_sum_quotes_no_sentence_on_another(assistant):
    # the 78 Mkr's sentence does not stand first: the grant's 510,3 Mkr is not what the report "says instead"
    answer = assistant.ask("Hur mycket av de 78 miljonerna går till skolorna?")
    assert answer.refused and "510,3" not in answer.answer


def test_an_acronym_in_a_list_after_the_question_is_no_name_to_meet(assistant):
    answer = assistant.ask("what is malmo doing in digital and data area? AI, intranet, digital accessibility, statistics")
    assert not answer.refused


@pytest.mark.parametrize("question", [
    "vad har blivit försenat eller pausat under året?",  # what happened to things, as participles
    "Vilka förseningar redovisas i målavsnitten?",  # the report's goal sections are the report
])
def test_an_inventory_asked_by_what_became_of_things_or_of_the_goal_sections(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and {26, 32} <= {c.page for c in answer.citations}, answer.answer


@pytest.mark.parametrize("question", [
    "Lista alla förseningar och saker som pausats enligt rapporten",  # a noun and what became of things
    "list all delays and things that were paused",
])
def test_an_inventory_asked_as_a_list(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and answer.shape == "brief", answer.answer
    assert {23, 25, 26} <= {c.page for c in answer.citations}, answer.answer


def test_a_list_of_a_count_is_no_inventory(assistant):
    from assistant.answer.shapes.mentions import LIST_ASKED

    assert LIST_ASKED.match("Lista alla förseningar") and LIST_ASKED.match("ge mig en lista över alla nätverk")
    assert LIST_ASKED.match("lista alla mål") is None  # a short word: the goals are the outline's


def test_a_briefs_point_names_the_topic_or_stands_under_a_point_that_does(assistant):
    # the goal's assessment shares only "under året" (in its headings' words) with the question: not Koll Folkhälsa
    answer = assistant.ask("Vad har hänt med Koll Folkhälsa under året?")
    assert not answer.refused and "sociala obligationer" not in answer.answer, answer.answer
    assert all("Koll" in c.quote or c.page == 27 for c in answer.citations), answer.answer


def test_an_adjective_before_a_topic_word_only_narrows_it():
    assert modifiers_of("Vad gör Malmö åt de höga elpriserna?", {"hög", "elpris"}) == {"hög"}
    assert modifiers_of("Vad gör Malmö åt elpriserna?", {"elpris"}) == set()
    # a noun before a noun is no adjective ("Koll Folkhälsa")
    assert modifiers_of("Vad har hänt med Koll Folkhälsa?", {"koll", "folkhäls"}) == set()


def test_a_briefs_point_with_only_the_adjective_asked_is_left_out(assistant):
    # «Arbetet med att ställa höga hållbarhetskrav i upphandlingar …» (p. 24) shares only "höga" with the question
    answer = assistant.ask("Vad gör Malmö åt de höga elpriserna?")
    assert not answer.refused and "elpris" in answer.answer, answer.answer
    assert "hållbarhetskrav" not in answer.answer, answer.answer


def test_a_change_question_new_or_different_lists_the_reports_comparisons(assistant):
    answer = assistant.ask("vad ar nytt eller annorlunda jamfort med ifjol?")
    assert not answer.refused and answer.shape == "change" and "18,5 Mkr" in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "Hur är rapporten uppbyggd, alltså vilka huvuddelar finns det?",
    "How is the report structured?",
])
def test_the_reports_structure_lists_its_parts_with_pages(assistant, question):
    answer = assistant.ask(question)
    assert not answer.refused and answer.shape == "outline"
    assert "Sammanfattning" in answer.answer and ("(s. 4)" in answer.answer or "(p. 4)" in answer.answer)
    assert "12 " in answer.answer and "God ekonomisk hushållning i Malmö stad" in answer.answer
    assert [c.page for c in answer.citations] == sorted(c.page for c in answer.citations)


def test_a_pages_table_is_told_by_its_largest_and_explained_rows(assistant):
    # p. 44: the premises' −3 050 tkr (the Uven rent) is the page's news, not the director's −100 tkr
    answer = assistant.ask("Vad står det på sidan 44?")
    assert "Lokalkostnader" in answer.answer and "-3 050" in answer.answer, answer.answer


def test_row_weights_favour_large_deviations_and_comments():
    from assistant.answer.shapes.summary import row_weights

    class Chunk:
        id = "t"

    class Row:
        def __init__(self, text):
            self.text, self.is_row, self.chunk = text, True, Chunk()

    big, small, told = (Row("A: Budget -10 tkr, Prognos DR -13 tkr, Avvikelse -3 000 tkr"),
                        Row("B: Budget -10 tkr, Prognos DR -10 tkr, Avvikelse 100 tkr"),
                        Row("C: Budget -10 tkr, Prognos DR -10 tkr, Avvikelse 100 tkr (Personalkostnader)"))
    weight = row_weights([big, small, told])
    assert weight[id(big)] > weight[id(small)] and weight[id(told)] > weight[id(small)]


def test_a_goal_area_written_out_in_a_long_question_is_that_areas_goals(assistant):
    answer = assistant.ask("Vilka kommunfullmäktigemål ingår i målområdet En mer jämlik stad, och hur bedömer "
                           "kommunstyrelsen måluppfyllelsen för dessa?")
    assert answer.shape == "outline" and "En mer jämlik stad" in answer.answer, answer.answer
    assert "segregation" in answer.answer and "klimatneutral" not in answer.answer, answer.answer


def test_the_setting_asked_after_a_thing_is_the_first_questions_quote(assistant):
    # «… med Tyskland som prioriterad huvudmarknad» (p. 20) is the connection; it is not "untold"
    a = assistant.ask("Does the report mention Germany? In which connection?")
    assert not a.refused and "Tyskland" in a.answer and "does not say" not in a.answer, a.answer


def test_a_point_leaning_on_the_passage_before_is_quoted_with_its_antecedent(assistant):
    # «Köpenhamns kommun fattade samtidigt beslut …» opens its passage; "samtidigt" is the government's decision,
    # the last sentence of the passage before
    a = assistant.ask("Hur går det med Öresundsmetron?")
    assert "regeringen i maj 2025" in a.answer and "samtidigt beslut" in a.answer, a.answer


def test_a_leaning_adverb_joins_no_sentence_on_another_matter(assistant):
    # «Malmö driver samtidigt påverkansarbete kring kustskydd …» shares no word with the metro sentence before it
    a = assistant.ask("Vad gör Malmö kring kustskydd och klimatanpassning nationellt?")
    assert "Malmö driver samtidigt" in a.answer and "samrådsunderlag för Öresundsmetron" not in a.answer, a.answer


def test_an_inventory_of_two_kinds_lists_the_one_the_report_has_words_for(assistant):
    # "difficulties" aside, the board's challenges are listed, not refused
    a = assistant.ask("What challenges or difficulties does the executive board report?")
    assert not a.refused and "utmaning" in a.answer, a.answer


def test_whether_the_report_mentions_a_thing_is_answered_by_what_it_says_of_it(assistant):
    a = assistant.ask("Does the report mention anything about EU rules or EU money?")
    assert not a.refused and "EU:s" in a.answer, a.answer
    assert assistant.ask("Does the report mention anything about sick leave?").refused


def test_a_table_asked_row_by_row_is_quoted_whole(assistant):
    answer = assistant.ask("Investeringsram 2025: budget och prognos per rad?")
    assert all(s in answer.answer for s in ("Allmänt investeringsutrymme", "Beredskap", "Summa investeringar")), \
        answer.answer


def test_a_brief_on_a_section_named_whole_goes_through_its_subsections(assistant):
    # «Uppföljning av kommunstyrelsens uppsiktplikt» (p. 7–9): procurement, staff, rights, security too
    answer = assistant.ask("hur jobbar ks med uppsiktsplikten?")
    assert answer.shape == "brief" and all(h in answer.answer for h in (
        "Upphandling och inköp", "Personal och arbetsgivarfrågor", "Informationssäkerhet, säkerhet och beredskap")), \
        answer.answer


def test_due_to_before_a_verb_is_a_schedule_not_a_cause():
    from assistant.answer.question import analyse
    from assistant.textproc import stem

    q = analyse("When is the city office due to move into the City Hall?", [], "en")
    assert not {stem("beror"), stem("grund"), stem("orsaken")} & set(q.terms), q.terms
    assert {stem("beror"), stem("grund")} & set(analyse("Is the surplus due to vacancies?", [], "en").terms)


def test_why_a_named_goal_is_assessed_so_is_that_goals_assessment_and_what_it_rests_on(assistant):
    # not another goal's «Bedömningen baseras på …» that shares "Agenda 2030" with "klimatneutral stad 2030"
    answer = assistant.ask("Varför bedömer kommunstyrelsen att målet om en klimatneutral stad 2030 förväntas uppnås?")
    assert "Malmö Commitment" in answer.answer and "Agenda 2030-plattformen" not in answer.answer, answer.answer
    assert {c.page for c in answer.citations} <= {24, 25}


def test_why_the_board_has_a_surplus_quotes_its_table_of_explanations_whole(assistant):
    answer = assistant.ask("Varför går kommunstyrelsen med överskott i prognosen?")
    assert "upphandlingsverksamhet 3 400 Tkr 4 750" in answer.answer, answer.answer
    assert "Summa budgetavvikelser 13 950" in answer.answer


def test_a_why_question_on_a_headings_claim_is_answered_from_that_section(assistant):
    # «Ökat remissflöde pressar organisationen» (p. 5): the rise in referrals, not «För att … remissförfarandet …»
    answer = assistant.ask("Varför pressas organisationen av remisser just nu?")
    assert "ökat markant" in answer.answer and "remissförfarandet" not in answer.answer, answer.answer


def test_an_english_name_question_is_not_answered_by_the_names_it_asks_with(assistant):
    # «… tillsammans med Stockholm och Göteborg …» names no company: "Gothenburg" asked is «Göteborg» quoted
    answer = assistant.ask("Which companies in Gothenburg and Stockholm are involved in the coastal protection lobbying?")
    assert answer.refused, answer.answer


def test_a_heading_made_of_two_words_typed_without_swedish_letters_is_still_the_topic(assistant):
    answer = assistant.ask("hur saker ar prognosen")  # «Prognossäkerhet» (p. 41), not «… säker, effektiv …» (p. 11)
    assert {c.page for c in answer.citations} == {41}, answer.answer


def test_a_budget_areas_name_is_no_work_on_the_topic_its_words_say(assistant):
    # «… omfördela kommunbidrag från budgetområde Stadsutveckling och samhällsbyggnad, kustskydd och resiliense …»
    answer = assistant.ask("What is the city doing about climate adaptation and coastal protection?")
    assert "omfördela kommunbidrag" not in answer.answer and "MSB" in answer.answer, answer.answer


def test_a_summarys_list_of_subsections_holds_its_own_not_a_related_headings_parent(assistant):
    answer = assistant.ask("Sammanfatta ekonomin kort för en PM.")
    lead = answer.answer.split("\n", 1)[0]
    assert "Ekonomisk utveckling under året" in lead and "uppsiktplikt" not in lead, lead


def test_what_the_report_says_of_a_topic_takes_every_heading_that_names_it(assistant):
    # three headings write «näringsliv» (p. 10, 18–19, 21): the one closest in meaning does not leave out the others
    answer = assistant.ask("Sammanfatta vad rapporten säger om näringslivet")
    pages = {c.page for c in answer.citations}
    assert {10, 21} <= pages and pages & {18, 19}, answer.answer


def test_what_the_report_says_of_a_topic_adds_where_else_it_names_it(assistant):
    # «evenemang» has its own section (p. 16); the goal's assessment adds «… som evenemangsstad har intensifierats»
    answer = assistant.ask("Summarise what the report says about the city's events")
    assert "evenemangsstad har intensifierats" in answer.answer, answer.answer
    assert "Also mentioned on p." in answer.answer.split("\n", 1)[0], answer.answer


def test_the_work_on_a_topic_adds_where_else_the_report_tells_it(assistant):
    # «demokrati» names the Forum's heading (p. 26); the turnout work is told under another heading (p. 28)
    answer = assistant.ask("Sammanfatta arbetet med demokrati och valdeltagande")
    assert answer.shape == "summary" and "valdelaktigheten" in answer.answer, answer.answer
    assert "Det nämns också på s. 28" in answer.answer.split("\n", 1)[0], answer.answer


def test_a_topic_named_elsewhere_only_in_a_budget_areas_name_is_not_added(assistant):
    answer = assistant.ask("Står det något om kustskydd?")
    assert "omfördela kommunbidrag" not in answer.answer and "Stockholm och Göteborg" in answer.answer, answer.answer


def test_a_heading_summarised_with_a_related_one_keeps_its_tables_bottom_line(assistant):
    # «Investeringsram» (p. 37) and its analysis (p. 41): the analysis's prose does not crowd out the frame's total
    answer = assistant.ask("Sammanfatta investeringarna")
    assert "Summa investeringar" in answer.answer and 41 in {c.page for c in answer.citations}, answer.answer


@pytest.mark.parametrize("question", ["Hur går det ekonomiskt för kommunstyrelsen?", "Ge en lägesbild av ekonomin.",
                                      "How are the Executive Board's finances?"])
def test_how_the_finances_stand_is_a_summary_of_the_finance_section(assistant, question):
    answer = assistant.ask(question)
    assert answer.shape == "summary" and answer.span and "konomisk" in answer.span, (answer.span, answer.answer)
    assert {c.page for c in answer.citations} & {37, 38, 39}, answer.answer


@pytest.mark.parametrize("question", ["Vad gör staden för att stärka tryggheten i Malmö?",
                                      "Hur arbetar staden med trygghet?"])
def test_safety_is_not_answered_by_job_security(assistant, question):
    # «trygghet» (safety) shares Snowball's stem with «trygga anställningar» (p. 31), which is no answer
    answer = assistant.ask(question)
    assert answer.shape == "brief" and "trygga anställningar" not in answer.answer, answer.answer
    assert "trygghetsundersökning" in answer.answer and "ökad trygghet och trivsel" in answer.answer, answer.answer


def test_a_brief_quoting_a_goals_assessment_gives_its_verdict(assistant):
    # «Arbetet med sociala obligationer, som tidigare legat till grund för bedömningen …» (p. 29) is half an
    # assessment without «Bedömningen är att bidraget … bedöms uppnås.»
    answer = assistant.ask("Hur försöker staden höja valdeltagandet inför valet 2026?")
    assert answer.shape == "brief" and "Bedömningen är att bidraget till kommunfullmäktigemålet" in answer.answer
    assert len(answer.citations) <= 6, answer.answer


def test_a_point_that_concludes_from_the_sentence_before_is_quoted_with_it(assistant):
    # «Lokalerna utgör således ett exempel …» (p. 23) is of the move to the town hall told just before it
    answer = assistant.ask("What is the city doing about sustainable procurement?")
    assert "Lokalerna utgör således" in answer.answer, answer.answer
    assert "flytten till rådhuset" in next(c.quote for c in answer.citations if "Lokalerna" in c.quote)


def test_a_topic_named_with_a_number_is_added_from_elsewhere_only_where_named_whole(assistant):
    # «… arbetstidsfrågor och schemaläggning är tydligt på agendan …» (p. 31) is not about Agenda 2030
    answer = assistant.ask("Sammanfatta arbetet med Agenda 2030")
    assert answer.shape == "summary" and "på agendan" not in answer.answer, answer.answer
    assert "Agenda 2030-plattformen är centrala verktyg" in answer.answer, answer.answer


def test_more_of_something_is_no_topic_of_a_brief():
    from assistant.answer.question import analyse
    from assistant.answer.shapes.brief import topic_terms

    assert "fler" not in topic_terms(analyse("Vad gör staden för att fler ska rösta i valet 2026?", []))


def test_voting_is_told_as_turnout(assistant):
    answer = assistant.ask("Hur får man fler att rösta i Malmö?")
    assert not answer.refused and "valdelaktigheten" in answer.citations[0].quote, answer.answer


@pytest.mark.parametrize("question", ["Vad gör staden mot segregationen?",
                                      "Vad gör kommunstyrelsen för att motverka segregation?"])
def test_a_topic_the_report_names_only_in_a_goals_title_is_that_goals_work(assistant, question):
    # «segregation» stands only in the goal «… fri från segregation» (pp. 26–27): its subsections answer, not
    # another goal's assessment that shares the verb («… motverka de kompetensgap …», p. 34)
    a = assistant.ask(question)
    assert a.shape == "brief" and not a.refused
    assert all(26 <= c.page <= 27 for c in a.citations), a.answer
    assert len({c.section for c in a.citations}) >= 3, a.answer


@pytest.mark.parametrize("question", ["Vad gör staden för att förbereda sig för kriser?",
                                      "What is the City doing to prepare for crises?",
                                      "What is the City doing to prepare for climate change?"])
def test_a_short_word_the_report_has_only_in_compounds_is_read_as_them(assistant, question):
    # "kris" stands only in «krisberedskap», «kriskommunikation» (pp. 9, 11); "crises" is its English plural. Not
    # the sentences that share only "förbereda" («Förberedelser inför EU:s taxonomiförordningar …», p. 5)
    a = assistant.ask(question)
    assert a.shape == "brief" and not a.refused, a.answer
    assert 5 not in {c.page for c in a.citations}, a.answer
    assert {9, 11, 16} & {c.page for c in a.citations[:2]}, a.answer


def test_a_reasons_point_that_leans_on_the_sentence_before_is_quoted_with_it(assistant):
    # «Detta ger i sin tur handledare och chefer utmaningar …» alone says what "detta" does, not what it is: the
    # cause, «Förvaltningens verksamhetskaraktär skapar en viss utmaning …», comes with it
    a = assistant.ask("Varför tar stadskontoret emot få arbetsmarknadsanställningar?")
    assert a.shape == "reason" and not a.refused
    assert any("verksamhetskaraktär" in c.quote for c in a.citations), a.answer
    assert not any(c.quote.startswith("Detta ger") for c in a.citations), a.answer


def test_a_consequence_of_the_sentence_before_is_a_cause(assistant):
    # «Samtidigt har svarstiderna … blivit kortare … Detta ställer fortlöpande högre krav på … kapacitet»: what
    # "Detta" stands for is why the demands grow; the report does say why
    a = assistant.ask("Varför ställs högre krav på stadskontorets kapacitet?")
    assert a.shape == "reason" and not a.refused, a.answer
    assert not a.answer.startswith("Rapporten anger inte varför"), a.answer
    assert any("svarstiderna" in c.quote and c.page == 5 for c in a.citations), a.answer


def test_an_open_question_on_reducing_a_thing_the_report_never_names_is_refused(assistant):
    # "köerna" is nowhere in the report; the preschools' public-health work (p. 14) is no answer
    a = assistant.ask("Vad gör staden för att minska köerna till förskolan?")
    assert a.refused and not a.citations, a.answer
    assert not assistant.ask("Vad gör staden för att minska utsläppen?").refused


def test_a_follow_up_why_is_answered_about_the_thing_asked_before(assistant):
    first = assistant.ask("När flyttar stadskontoret till Rådhuset?")
    a = assistant.ask("Varför flyttar man?", history=[Turn("När flyttar stadskontoret till Rådhuset?", first.answer)])
    # the move's purpose (p. 12), not «… flyttas beslutsplaneringen …» of the minority programmes (p. 26)
    assert not a.refused and 26 not in {c.page for c in a.citations}, a.answer
    assert any("Rådhuset" in c.quote or "Flytten" in c.quote for c in a.citations), a.answer


def test_a_follow_up_why_of_a_thing_the_report_only_budgets_is_refused(assistant):
    first = assistant.ask("Vad kostar EM i handboll?")
    a = assistant.ask("Varför stödjer staden det?", history=[Turn("Vad kostar EM i handboll?", first.answer)])
    assert a.refused, a.answer  # the report has the grant's row and no word on why


def test_a_bare_why_follow_up_keeps_the_previous_topic(assistant):
    first = assistant.ask("Hur stort överskott prognostiserar stadskontoret?")
    a = assistant.ask("Varför?", history=[Turn("Hur stort överskott prognostiserar stadskontoret?", first.answer)])
    assert not a.refused and any("vakanser" in c.quote for c in a.citations), a.answer


def test_a_comparative_is_no_topic_of_a_brief(assistant):
    # "bättre" had led the brief to «Bättre beslutsunderlag genom Agenda 2030 …» (pp. 27–28), with no point on the
    # work environment; the comparative says more of the work environment, which pp. 6 and 32 tell
    a = assistant.ask("Vad gör staden för en bättre arbetsmiljö?")
    assert a.shape == "brief" and not a.refused, a.answer
    assert not any("Bättre beslutsunderlag" in c.section for c in a.citations), a.answer
    assert sum("arbetsmiljö" in c.quote for c in a.citations) >= 2, a.answer


def test_a_brief_stops_at_a_sharp_fall_in_relevance(assistant):
    # five points on Malmö Möts and the election (p. 28); the sixth, «Utöver detta pågår även planeringen av ett
    # nytt intranät …», stands in the same section but is on another thing
    a = assistant.ask("What is the city doing to strengthen democracy?")
    assert a.shape == "brief" and not a.refused and len(a.citations) >= 4, a.answer
    assert not any("intranät" in c.quote for c in a.citations), a.answer


def test_a_change_is_told_by_the_figure_asked_about_not_other_rows_or_changes(assistant):
    # «Intäkter: Prognos 2025 247 738, Utfall 2024 248 895, Förändring i % -0,5» (p. 42), not the costs' rows of
    # the same table nor «… investeringsutrymme 18,5 Mkr högre år 2025» (p. 37)
    a = assistant.ask("Hur mycket minskar intäkterna jämfört med 2024?")
    assert a.shape == "change" and not a.refused, a.answer
    assert a.citations[0].quote.startswith("Intäkter:"), a.citations
    assert not any("investeringsutrymme" in c.quote or c.quote.startswith("Kostnader:") for c in a.citations), a.answer


def test_a_quoted_goal_area_the_report_lacks_is_named_in_the_refusal(assistant):
    answer = assistant.ask("Is the goal area 'A digital city' expected to be met this year?")
    assert answer.refused and "«A digital city»" in answer.answer and "En grön stad" in answer.answer, answer.answer


def test_an_adjective_alone_names_no_related_heading_of_a_summary(assistant):
    # "cirkulära upphandlingar": «Partnerskap med näringslivet … och cirkulär tillväxt» (pp. 18–19, UTSICT,
    # Mikromeriter) shares only the adjective; the procurement headings are the span
    answer = assistant.ask("Sammanfatta arbetet med cirkulära upphandlingar")
    assert answer.shape == "summary" and "cirkulära upphandlingar" in answer.answer, answer.answer
    assert "UTSICT" not in answer.answer and "Mikromeriter" not in answer.answer, answer.answer


@pytest.mark.parametrize("question", [
    "Varför skiljer sig stadskontorets periodresultat från helårsprognosen?",
    "Vad beror stadskontorets avvikelse för perioden på?",
])
def test_a_cause_told_as_a_list_is_one_point_with_its_bullets(assistant, question):
    """«De främsta orsakerna till avvikelserna för perioden är» says nothing without «• senareläggning … •
    vakanser»: the lead and its bullets are one point, the bullets not quoted again alone."""
    a = assistant.ask(question)
    assert a.shape == "reason" and not a.refused
    lead = [c for c in a.citations if c.quote.startswith("De främsta orsakerna till avvikelserna för perioden är")]
    assert lead and "senareläggning av planerat utrednings- och utvecklingsarbete" in lead[0].quote
    assert "vakanser" in lead[0].quote and lead[0].page == 41
    assert sum("senareläggning av planerat" in c.quote for c in a.citations) == 1


def test_with_lists_joins_a_lead_and_its_bullets_and_drops_a_bullet_quoted_alone():
    from assistant.answer.extractive import Unit
    from assistant.answer.points import Point, with_lists
    from assistant.retrieval import IndexedChunk

    text = "Utfallet är 3 Mkr. De främsta orsakerna är\n• vakanser • förseningar"
    chunk = IndexedChunk(id="c", text=text, meta={}, collection="x")
    other = IndexedChunk(id="d", text="• vakanser • förseningar", meta={}, collection="x")

    def unit(t: str, c: IndexedChunk) -> Unit:
        return Unit(t, c, 0, 1, False, {t.split()[-1]}, set())

    chosen = [Point(unit("• vakanser", other), 0.9), Point(unit("De främsta orsakerna är", chunk), 0.8),
              Point(unit("Utfallet är 3 Mkr.", chunk), 0.5)]
    out = [p.unit.text for p in with_lists(chosen)]
    assert out == ["De främsta orsakerna är • vakanser • förseningar", "Utfallet är 3 Mkr."]


def test_a_particle_verb_is_no_topic_word():
    from assistant.answer.shapes.brief import particle_verb

    assert {"tar", "emot"} <= particle_verb(["varför", "tar", "stadskontoret", "emot", "så", "få"])
    assert "stadskontor" not in particle_verb(["varför", "tar", "stadskontoret", "emot", "så", "få"])
    assert particle_verb(["vad", "gör", "staden", "för", "klimatet"]) == set()


def test_a_bare_modifier_is_not_the_compound_it_begins():
    from assistant.answer.shapes.brief import shares_modifier

    assert shares_modifier("kompetenshöjning", {"kompetensförsörjning"})  # two compounds of one modifier
    assert not shares_modifier("arbetsmarknadsanställning", {"arbetsmarkn"})  # the modifier alone is wider


def test_a_reason_is_not_padded_with_a_sentence_under_a_heading_sharing_only_a_modifier(assistant):
    """"Varför tar stadskontoret emot så få arbetsmarknadsanställningar?": «Rapporten kompletterar Greater
    Copenhagens delmål …» shares only "tar" and a heading's «arbetsmarknad»; the cause under the question's own
    heading («Förvaltningens verksamhetskaraktär skapar en viss utmaning …») is quoted instead."""
    a = assistant.ask("Varför tar stadskontoret emot så få arbetsmarknadsanställningar?")
    assert not any("Greater Copenhagen" in c.quote for c in a.citations)
    assert any(c.quote.startswith("Förvaltningens verksamhetskaraktär") for c in a.citations)


@pytest.mark.parametrize(("text", "leans"), [
    ("Den inleds med en demokratihelg i november 2025.", True),  # a pronoun before a passive verb
    ("Den innebär att nämnder och helägda bolag ska redovisa …", True),
    ("De arbetar med frågan.", True),
    ("Den största enskilda osäkerheten är lokalkostnaderna.", False),  # a determiner before an adjective
    ("Den uppdaterade analysen beräknas vara klar i januari 2026.", False),
    ("De flesta remisser besvaras.", False),
])
def test_a_pronoun_before_its_verb_leans_on_the_sentence_before(text, leans):
    from assistant.answer.points import ANAPHORA

    assert (ANAPHORA.match(text) is not None) == leans


def test_a_brief_quotes_what_a_pronoun_stands_for(assistant):
    """«Den inleds med en demokratihelg …» is Malmö Möts: the sentence before, which names the effort, is quoted
    with it."""
    a = assistant.ask("Vad gör staden för att stärka demokratin inför valet 2026?")
    point = next(c for c in a.citations if "Den inleds med en demokratihelg" in c.quote)
    assert not point.quote.startswith("Den inleds")


def test_a_why_on_one_part_is_claimed_by_that_parts_heading(assistant):
    """Two headings say «Relationen periodresultat och helårsprognos …», one for styrelsen and one for
    stadskontoret: a question on the city office is the second's, and «Detta är uppdelat på • … • …» is quoted
    with the sentence it leans on."""
    a = assistant.ask("Why does the period result differ from the full-year forecast for the city office?")
    assert a.shape == "reason" and {c.page for c in a.citations} == {41}
    assert a.citations[0].quote.startswith("Stadskontorets ekonomiska utfall för perioden januari-augusti uppgår till "
                                           "32,8 Mkr. Detta är uppdelat på • Kommunbidragsfinansierad verksamhet")
    assert any("vakanser" in c.quote for c in a.citations)
    assert not any("oregelbundenhet i avropen" in c.quote for c in a.citations)  # (styrelsen's cause)


def test_a_chapter_is_the_part_its_heading_opens(assistant):
    """"kapitlet om ekonomisk utveckling" names «Ekonomisk utveckling under året», the first heading of the goal
    area «God ekonomisk hushållning i Malmö stad»: a chapter is that part (pp. 37–47); a section ("avsnittet") asked
    by the heading's own words is the heading."""
    a = assistant.ask("Sammanfatta kapitlet om ekonomisk utveckling")
    assert a.shape == "summary"
    assert a.answer.startswith("Sammanfattning av «God ekonomisk hushållning i Malmö stad», s. 37–47")
    b = assistant.ask("Sammanfatta avsnittet om ekonomisk utveckling under året")
    assert b.answer.startswith("Sammanfattning av «Ekonomisk utveckling under året», s. 37")


def test_a_summary_of_a_table_keeps_its_total_line_however_short(assistant):
    # «Summa budgetavvikelser 13 950» is four words: too short for a point, unless it is the table's total
    a = assistant.ask("Sammanfatta kommunstyrelsens ekonomiska prognos för 2025")
    assert a.shape == "summary" and not a.refused, a.answer
    assert any(c.quote.startswith("Summa budgetavvikelser") and "13 950" in c.quote for c in a.citations), a.answer


def test_a_summary_of_the_boards_forecast_is_not_one_parts(assistant):
    # «Relationen periodresultat och helårsprognos för styrelsen» is the political board's, not KS's whole forecast
    answer = assistant.ask("sammanfatta KS ekonomiska helårsprognos")
    assert answer.shape == "summary" and "för styrelsen»" not in answer.answer.splitlines()[0], answer.answer
    assert "13,9" in answer.answer or "13 950" in answer.answer, answer.answer
    # a question that names the part gets that part
    assert "STYRELSEN" in assistant.ask("sammanfatta styrelsens ekonomi").answer.splitlines()[0]


def test_a_why_stating_its_figures_gets_the_causes_given_beside_them(assistant):
    answer = assistant.ask("stadskontoret har 32,8 mkr i plus per augusti men prognosen är bara ca 7 – varför skiljer "
                           "det så mycket?")
    assert answer.shape == "reason" and "senareläggning av planerat utrednings" in answer.answer, answer.answer


def test_an_open_question_on_a_compound_of_report_words_is_answered(assistant):
    answer = assistant.ask("hur jobbar vi med miljökrav i upphandlingar?")
    assert not answer.refused and answer.shape == "brief", answer.answer


@pytest.mark.parametrize("question", [
    "sammanfatta hur det gått med de prioriterade områdena i nämndsbudgeten",
    "summarise the prioritised areas",
])
def test_a_kind_of_thing_is_named_by_the_noun_made_of_its_adjective(assistant, question):
    # "de prioriterade områdena" are «Uppföljning av arbetet med prioriteringar» (pp. 10–12), not the budget areas'
    # table («budgetområden»: areas of another kind)
    answer = assistant.ask(question)
    assert answer.shape == "summary" and "prioriteringar»" in answer.answer.splitlines()[0], answer.answer


def test_an_adjective_of_another_noun_in_a_title_names_no_kind(assistant):
    # «… den digitala tillgängligheten …» is not "den nya digitala plattformen"
    answer = assistant.ask("Sammanfatta vad den nya digitala plattformen för de globala hållbarhetsmålen innebär.")
    assert "Agenda 2030" in answer.answer and "tillgängligheten pågår»" not in answer.answer, answer.answer


def test_a_sentence_on_another_subject_of_a_listed_heading_is_no_point(assistant):
    # «Näringslivsprogram, Öresundsmetron och klimatresiliens» (p. 10): its Öresundsmetron sentence is no point on
    # kustskydd, though the sentence after it is
    answer = assistant.ask("Vad gör staden för att stärka kustskyddet?")
    assert "kustskydd och resiliens" in answer.answer and "samrådsunderlag för Öresundsmetron" not in answer.answer, \
        answer.answer


@pytest.mark.parametrize(("question", "part"), [
    ("sammanfatta stadskontorets ekonomi i prognosen", "«STADSKONTORETS VERKSAMHET»"),
    ("sammanfatta styrelsens ekonomiska prognos", "«STYRELSEN»"),
])
def test_a_parts_economy_is_its_own_heading_not_how_two_of_its_figures_relate(assistant, question, part):
    # not «Relationen periodresultat och helårsprognos för …», which relates the period's result to the forecast
    answer = assistant.ask(question)
    assert answer.shape == "summary" and part in answer.answer.splitlines()[0], answer.answer


def test_a_parts_summary_opens_with_its_own_surplus(assistant):
    # «Årsprognosen visar ett överskott på 7,1 Mkr» is STADSKONTORETS VERKSAMHET's bottom line, not its activities'
    answer = assistant.ask("Sammanfatta stadskontorets ekonomiska läge i delåret, kort och koncist")
    assert "7,1 Mkr" in answer.answer, answer.answer
