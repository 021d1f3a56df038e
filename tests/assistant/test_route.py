"""Routing questions to answer shapes: a table of questions in, shapes out (Swedish and English)."""

from __future__ import annotations

import pytest

from assistant.answer.engine import two_asks
from assistant.answer.question import answer_kind
from assistant.answer.route import (
    as_claim_check,
    is_out_of_scope_request,
    lacks_topic,
    requested_count,
    requested_pages,
    route,
    thanked,
    topic_words,
    without_asides,
    without_length_request,
)

CASES = [
    # a main cause asked by its compound
    ("Vad är huvudorsaken till överskottet på personalkostnader?", "reason"),
    # Agenda 2030's global goals are no outline of the council's goals
    ("How many global goals does the Agenda 2030 platform follow?", "fact"),
    ("Hur många globala mål finns det?", "fact"),
    ("How many goals are expected to be met?", "outline"),
    # facts
    ("Hur stor var den sociala obligationen?", "fact"),
    ("Hur mycket har kommunstyrelsen avsatt till kompetenshöjande insatser?", "fact"),
    ("När ska trendanalysen vara klar?", "fact"),
    ("How large was the social bond?", "fact"),
    # a status picture, and how the finances stand, are summaries
    ("Ge en lägesbild av ekonomin.", "summary"),
    ("Hur går det ekonomiskt för kommunstyrelsen?", "summary"),
    ("Hur går det för ekonomin?", "summary"),
    ("How is the economy going?", "summary"),
    ("Hur går det för ekonomisystemet?", "brief"),
    ("How are the Executive Board's finances?", "summary"),
    # an English question with the report's own words for its outline
    ("what are the målområden in this report? I need to learn them all", "outline"),
    ("please list all the KF-mål that kommunstyrelsen is working with", "outline"),
    ("How many KF-mål has kommunfullmäktige given to kommunstyrelsen this year?", "outline"),
    # briefs
    ("Vad gör staden för att minska segregationen?", "brief"),
    ("Hur arbetar kommunstyrelsen med klimatanpassning?", "brief"),
    ("Hur går det med Öresundsmetron?", "brief"),
    ("Hur säker är prognosen?", "brief"),
    ("How reliable is the forecast?", "brief"),
    ("Var står vi med Öresundsmetron just nu? kort lägesbild tack", "brief"),
    ("Ge mig en lägesbild av arbetet med elförsörjningen", "brief"),
    ("What is the City doing about coastal protection?", "brief"),
    ("Tell me about the work with the new financial system.", "brief"),
    ("How does KS carry out its oversight duty (uppsiktsplikt) over committees and companies?", "brief"),
    # summaries
    ("Sammanfatta kommunstyrelsens ekonomiska prognos för 2025.", "summary"),
    ("Ge en översikt över målområdet En grön stad", "summary"),
    ("Summarise the section on good financial management.", "summary"),
    # whether the report tells of a thing: what it tells of it
    ("Nämner rapporten något om EU?", "summary"),
    ("Does the report mention anything about EU rules or EU money?", "summary"),
    ("Sammanfatta sidorna 37–41.", "summary"),
    ("Vad innehåller avsnittet om uppsiktsplikt?", "summary"),
    # reasons and changes
    ("Varför går styrelsen med överskott?", "reason"),
    ("Why was the impact work paused?", "reason"),
    ("Hur har nettokostnaden förändrats jämfört med 2024?", "change"),
    ("How did costs change compared to last year?", "change"),
    # outline
    ("Vilka mål förväntas inte uppnås?", "outline"),
    ("Which goals are not expected to be met?", "outline"),
    ("Hur många kommunfullmäktigemål finns det?", "outline"),
    ("Vilka målområden har rapporten?", "outline"),
    ("Under vilket målområde redovisas den sociala obligationen?", "outline"),
    # pages
    ("Vad står det på sidan 12?", "page"),
    ("What is on page 28?", "page"),
    ("Vad handlar sidan 30 om?", "page"),
    ("Vilka områden tas upp i uppföljningen av uppsiktsplikten?", "summary"),
    ("How does the city executive board oversee the municipal companies?", "brief"),
    ("Vad har ändrats i uppföljningen av gröna obligationer?", "change"),
    ("Hur har samarbetet vuxit sedan starten?", "change"),
    ("What has changed in the follow-up of green bonds?", "change"),
    ("What's on page 39?", "page"),
    ("Vilka frågor tas upp på sidan 14?", "page"),
    # how an actor acts, yes/no changes, which goals of …, what a section goes through
    ("Hur motverkar kommunen fusk i upphandlingar?", "brief"),
    ("Hur förbereder sig staden inför de nya EU-reglerna?", "brief"),
    ("Vilka pengar och insatser satsas på kompetens?", "brief"),
    ("Har antalet remisser ökat?", "change"),
    ("Hur har kontrollen av bolagen skärpts?", "change"),
    ("Vilka av fullmäktiges mål hör till målområdet En god organisation?", "outline"),
    ("Vilka områden går avsnittet om uppsikt igenom?", "summary"),
    ("Hur mycket kostar det nya ekonomisystemet?", "fact"),
    ("Hur stor blev avvikelsen för juridik?", "fact"),
    # out of scope: tasks and chit-chat
    ("Skriv ett mejl till min chef om obligationen.", "out_of_scope"),
    ("Översätt sammanfattningen till tyska", "out_of_scope"),
    ("Write a poem about Malmö", "out_of_scope"),
    ("Hej! Hur mår du?", "out_of_scope"),
    ("Thanks!", "out_of_scope"),
    ("What's being done to support new managers?", "brief"),
    # how a thing works, is used, goes on or stands
    ("Hur långt har man kommit med det nya ekonomisystemet?", "brief"),
    ("Hur används pengarna till beredskap?", "brief"),
    ("Vilka utmaningar finns med kompetensförsörjningen?", "brief"),
    ("Vilka är de största utmaningarna för kommunstyrelsen?", "brief"),
    ("What are the biggest risks for the city?", "brief"),
    ("Ge mig en översikt av investeringarna", "summary"),
    ("Vad är G-NETS?", "brief"),
    ("What is the Japan Business and Innovation Hub?", "brief"),
    ("What is the Öresund metro?", "brief"),  # a name with its common noun
    ("What is the Malmö budget?", "fact"),  # ... but not a figure of it
    ("Vad är KS resultat?", "fact"),
    ("What is the forecast?", "fact"),
    ("What progress has been made on the Öresund metro?", "brief"),
    ("Any news on the Öresund metro?", "brief"),
    ("How does the internal bank work?", "brief"),
    ("Vad ligger bakom överskottet?", "reason"),
    ("Hur ser integrationsarbetet ut?", "brief"),
    ("Hur ser Region Skånes budget ut för 2025?", "fact"),  # a figure, not work going on
    ("where are we with the finance system?", "brief"),
    ("What's different about the bond follow-up now?", "change"),
    ("Vad säger rapporten om kompetensförsörjning?", "summary"),
    ("Hur bedöms målen?", "outline"),
    ("How many council goals are there?", "outline"),
    ("What are the six goal areas?", "outline"),
    ("List all the council goals.", "outline"),
    ("What's the status of the goals?", "outline"),
    # an opinion or advice asked of the assistant
    ("Tycker du att obligationen var en bra idé?", "out_of_scope"),
    ("Kort fråga: ska jag söka jobb på stadskontoret?", "out_of_scope"),
    ("What do you think of the investment plan?", "out_of_scope"),
    ("Should I trust the forecast?", "out_of_scope"),
    ("Vilken sida ska jag läsa om obligationen?", "summary"),  # where to read is not advice
    # what an actor did, in the past too, and the state of a thing
    ("What did the city do about crime and safety?", "brief"),
    ("What has the city done on climate adaptation?", "brief"),
    ("What's happening with the Öresund metro?", "brief"),
    ("Which initiatives target young people?", "brief"),
    ("Hur har arbetet med sociala obligationer gått?", "brief"),
    ("Hur står det till med ekonomin?", "brief"),
    ("What did the city spend on Malmö Pride?", "fact"),  # a value, not what was done
    # a request to explain a thing, causes and status asked in other words, news of a place, summaries
    ("Explain the forecast surplus of the board", "reason"),
    ("Förklara överskottet", "reason"),
    ("Can you help me understand the surplus?", "reason"),
    ("Förklara begreppet uppsiktsplikt", "fact"),  # what a word means, not why
    ("vad har hänt i lorensborg", "brief"),
    ("Which explanations does the report give for the personnel cost deviation?", "reason"),
    ("What reasons are given for the surplus?", "reason"),
    ("Vilken status har upphandlingen av det nya ekonomisystemet?", "brief"),
    ("Can you sum up the report's main conclusions in a few lines?", "summary"),
    ("Sammanfatta gärna rapporten kort åt mig, så jag kan berätta om den på medlemsmötet.", "summary"),
    # all of the outline at once is the outline; one goal, or the goals on a topic, a summary
    ("Kan du sammanfatta målområdena och KF-målen i rapporten och om de uppnås?", "outline"),
    ("Summarise the goal areas", "outline"),
    ("Sammanfatta kommunfullmäktigemålen om klimatet", "summary"),
    # climate change is a thing, not a change asked about
    ("What is the City doing to prepare for climate change?", "brief"),
    ("How has the forecast changed since the spring?", "change"),
]


@pytest.mark.parametrize(("question", "shape"), CASES, ids=[c[0][:40] for c in CASES])
def test_route(question, shape):
    assert route(question, answer_kind(question)) == shape


def test_the_boards_view_is_not_an_opinion_asked_of_the_assistant():
    assert not is_out_of_scope_request("Vad tycker kommunstyrelsen om remisserna?")
    assert not is_out_of_scope_request("Vad anser stadskontoret om prognosen?")


def test_a_summary_request_is_not_a_task():
    assert not is_out_of_scope_request("Skriv en sammanfattning av målområdet En grön stad")
    assert route("Skriv en sammanfattning av målområdet En grön stad") == "summary"


@pytest.mark.parametrize(("text", "pages"), [
    ("Vad står det på sidan 12?", (12, 12)), ("Sammanfatta sidorna 37–41", (37, 41)), ("page 5", (5, 5)),
    ("Vad står på s. 28?", (28, 28)), ("Hur stor var obligationen?", None), ("pages 41 to 37", (37, 41)),
])
def test_requested_pages(text, pages):
    assert requested_pages(text) == pages


@pytest.mark.parametrize(("text", "lacks"), [
    ("Vad gör staden för att?", True),
    ("What is the city doing about?", True),
    ("Varför?", True),
    ("Vad gör stadskontoret?", False),  # the actor is the topic
    ("Vad gör staden för att minska segregationen?", False),
    ("Why did costs rise?", False),
])
def test_an_open_question_that_names_no_topic(text, lacks):
    assert lacks_topic(text) is lacks


@pytest.mark.parametrize(("text", "parts"), [
    ("Hur mycket avsattes till stadskontoret, och vad visar årsprognosen?",
     ("Hur mycket avsattes till stadskontoret?", "Vad visar årsprognosen?")),
    ("How large was the social bond and when was it issued?",
     ("How large was the social bond?", "When was it issued?")),
    ("Hur mycket kostade flytten och varför?", None),  # one question that also asks why
    ("Vad gör staden och kommunen?", None),  # no second question word
])
def test_a_question_that_asks_two_things(text, parts):
    assert two_asks(text) == parts


@pytest.mark.parametrize("text, n", [
    ("Sammanfatta rapporten i tre meningar", 3),
    ("Vad gör staden för klimatet? Svara i 2 punkter", 2),
    ("Summarise the goal in five bullet points", 5),
    ("Sammanfatta avsnittet om investeringar", None),
    ("Hur många punkter har åtgärdsplanen?", None),
])
def test_how_many_points_a_question_asks_for(text, n):
    assert requested_count(text) == n


def test_a_contracted_reason_cue_routes_to_reason():
    assert route("What's behind the surplus?") == "reason"
    assert route("What's the reason for the deficit?") == "reason"


@pytest.mark.parametrize("text", [
    "How many of its goals does the board expect to reach this year?",
    "Is the board on track to meet its goals?",
    "Klarar KS sina mål i år?",
    "Which of the goals are at risk?",
    "Does the board expect to achieve its objectives this year?",
    "Are the council's targets on course?",
])
def test_questions_on_meeting_the_goals_are_outline_questions(text):
    assert route(text) == "outline"


@pytest.mark.parametrize("text, bare", [
    ("ks?", True), ("Kommunstyrelsen?", True), ("Malmö stad", True), ("What about the board?", True),
    ("Ska in i en PM till ledningsgruppen.", True), ("Till en PM: obligationen", False),
    ("Vad gör stadskontoret?", False), ("budget?", False), ("Hur stor är KS budget?", False),
])
def test_a_question_naming_only_the_reports_subject(text, bare):
    from assistant.answer.question import expand_abbreviations
    from assistant.answer.route import names_only_the_subject

    assert names_only_the_subject(expand_abbreviations(text, "sv")) is bare


def test_points_asked_for_are_a_brief():
    assert route("Ge mig tre punkter om kompetensförsörjning") == "brief"
    assert route("Three bullet points on the social bond, please") == "brief"
    assert route("Hur många punkter har åtgärdsplanen?", "count") == "fact"


def test_what_the_report_says_after_the_topic_is_a_brief():
    assert route("demokrati och valdeltagande inför valet 2026 – vad säger rapporten?") == "brief"
    assert route("The social bond – what does the report say?") in ("brief", "summary")  # a summary falls back


def test_greetings_and_the_askers_situation_are_not_the_question():
    from assistant.answer.route import without_purpose

    assert without_purpose("Sammanfatta delårsrapporten kort, jag ska dra den på ledningsgruppen imorgon") == \
        "Sammanfatta delårsrapporten kort,"
    assert without_purpose("hej, jag sitter o förbereder budgetberedningen. hur stort är KS anslag?") == \
        "hur stort är KS anslag?"
    assert without_purpose("I'm preparing a note for our finance colleagues: why is there a surplus?") == \
        "why is there a surplus?"
    # a clause that asks, names its topic ("om klimatet") or stands alone is kept; Swedish "i" is no "I"
    assert without_purpose("Jag skriver om klimatet, vad gör staden?") == "Jag skriver om klimatet, vad gör staden?"
    assert without_purpose("Jag undrar vad staden gör för klimatet") == "Jag undrar vad staden gör för klimatet"
    assert without_purpose("i år, hur mycket har KS fått?") == "i år, hur mycket har KS fått?"


@pytest.mark.parametrize("question", ["tjena! hur är läget idag?", "Hej! How are you today?", "hur är läget?"])
def test_how_are_you_is_chitchat(question):
    assert route(question) == "out_of_scope"


def test_how_things_stand_with_a_topic_is_a_question():
    assert route("Hur är läget med Öresundsmetron?") != "out_of_scope"


def test_what_is_a_name_for_something_is_a_brief():
    assert route("Vad är Malmö Möts för något?") == "brief"


def test_a_purpose_before_a_colon_is_not_the_question():
    from assistant.answer.route import without_purpose

    assert without_purpose("Quick one for a delegation briefing: how many kommunalråd are there?") == \
        "how many kommunalråd are there?"


@pytest.mark.parametrize(("question", "shape"), [
    ("Sammanfatta förklaringarna till stadskontorets budgetavvikelse", "reason"),
    ("What are the main explanations for the surplus?", "reason"),
    ("Give me a summary of the economic section: budget deviation and main explanations", "summary"),
    ("hur säker är prognosen, vilka är de största osäkerheterna?", "brief"),
])
def test_causes_and_uncertainties_asked_for_by_name(question, shape):
    assert route(question) == shape


def test_a_translation_is_a_task_even_of_the_summary():
    assert route("Translate the summary into French.") == "out_of_scope"
    assert route("Write a summary of the report") == "summary"


def test_a_lead_naming_the_meeting_or_a_quick_question_is_not_the_topic():
    from assistant.answer.route import without_purpose

    assert without_purpose("Snabbfråga inför budgetmötet: hur stort är KS anslag totalt för 2025?") == \
        "hur stort är KS anslag totalt för 2025?"
    assert without_purpose("Quick question before the board meeting: what is the total?") == "what is the total?"
    assert without_purpose("Öresundsmetron: hur går det?") == "Öresundsmetron: hur går det?"  # the lead is the topic


def test_an_english_contraction_negates():
    from assistant.answer.route import NEGATION

    assert NEGATION.search("Which goals won't be met?") and NEGATION.search("why isn't it done")
    assert not NEGATION.search("Which goals will be met?")


@pytest.mark.parametrize(("text", "question"), [
    ("Hej, controller på ekonomiavd här. Behöver bara snabbt siffran: hur stort är KS anslag totalt för 2025?",
     "hur stort är KS anslag totalt för 2025?"),
    ("Sitter med HR-strategin. Hur många miljoner har KS avsatt till kompetenshöjande insatser?",
     "Hur många miljoner har KS avsatt till kompetenshöjande insatser?"),
    ("pressfråga: hur stor var den sociala obligationen?", "hur stor var den sociala obligationen?"),
    # whose newsletter or what kind of memo it is for is no topic either
    ("Sammanfatta obligationen för stadsdirektörens veckobrev.", "Sammanfatta obligationen"),
    ("Kan du ge en kort lägesbild av ekonomin för ett chefsmemo?", "Kan du ge en kort lägesbild av ekonomin"),
])
def test_who_asks_and_what_they_sit_with_is_not_the_topic(text, question):
    from assistant.answer.route import without_length_request

    assert without_length_request(text) == question


def test_a_clause_naming_a_topic_stays_with_the_question():
    from assistant.answer.route import without_length_request

    assert "klimatet" in without_length_request("Sitter och skriver om klimatet, vad gör staden?")


def test_small_talk_of_several_clauses_is_small_talk():
    from assistant.answer.route import is_out_of_scope_request

    assert is_out_of_scope_request("Hi! thanks for the help yesterday, how are you doing today?")
    assert is_out_of_scope_request("Tack för hjälpen! Hur mår du?")
    assert is_out_of_scope_request("Thanks for the help! How is your day going?")
    assert is_out_of_scope_request("Tack! Hur har din dag varit?")
    assert not is_out_of_scope_request("Hej! Hur stor var obligationen?")


def test_a_lone_when_after_a_question_asks_when_it_happened():
    assert two_asks("hur stor var den sociala obligationen som Malmö gav ut och när?") == (
        "hur stor var den sociala obligationen som Malmö gav ut?", "När?")


def test_whom_the_answer_is_for_is_not_the_topic():
    from assistant.answer.route import without_length_request

    assert without_length_request("Sammanfatta rapporten till min chef") == "Sammanfatta rapporten"
    assert without_length_request("Vad gör staden för våra medarbetare?") == "Vad gör staden för våra medarbetare?"


@pytest.mark.parametrize(("text", "question"), [
    ("Inför samverkan: hur hög var sjukfrånvaron på stadskontoret?", "hur hög var sjukfrånvaron på stadskontoret?"),
    ("Can you summarize the financial situation in a few bullets for an English memo?",
     "Can you summarize the financial situation in a few bullets"),
    ("Inför valet 2026: vad gör staden?", "Inför valet 2026: vad gör staden?"),  # the lead is the topic
])
def test_what_the_answer_is_for_is_left_out_unless_it_is_the_topic(text, question):
    from assistant.answer.route import without_length_request

    assert without_length_request(text) == question


@pytest.mark.parametrize(("text", "kept", "gone"), [
    ("Sammanfatta delårsrapporten i några punkter, ska in i ett PM till förvaltningsledningen", "delårsrapporten",
     "förvaltningsledningen"),
    ("Vad är det viktigaste i ekonomin som jag bör ta med i en dragning för kommunalrådet?", "ekonomin",
     "kommunalrådet"),
    ("What are the main risks that I should mention in a briefing for the mayor?", "risks", "mayor"),
])
def test_what_the_answer_goes_into_is_not_the_topic(text, kept, gone):
    from assistant.answer.route import without_length_request

    rest = without_length_request(text)
    assert kept in rest and gone not in rest


@pytest.mark.parametrize(("text", "split"), [
    ("Sammanfatta ekonomiavsnittet", "Sammanfatta ekonomi avsnittet"),
    ("Vad står i personaldelen?", "Vad står i personal delen?"),
    ("Hur stor är andelen?", "Hur stor är andelen?"),  # no part: "an" is too short a topic
    ("Vilka är fördelen?", "Vilka är fördelen?"),
])
def test_a_compound_on_a_part_of_the_report_is_read_apart(text, split):
    from assistant.answer.route import split_part_compound

    assert split_part_compound(text) == split


def test_what_matters_most_in_a_part_is_a_summary():
    assert route("Vad är det viktigaste i ekonomiavsnittet?") == "summary"
    assert route("What are the key points of the section on sustainable growth?") == "summary"


@pytest.mark.parametrize("question", ["What are the forecast total revenues in the income statement, compared with "
                                      "the budget?", "Hur stora är lönekostnaderna jämfört med budget?"])
def test_a_forecast_compared_with_the_budget_is_one_rows_two_columns(question):
    assert route(question) == "fact"
    assert route("Hur har lönekostnaderna förändrats jämfört med 2024?") == "change"


def test_what_the_answer_goes_into_before_the_question_is_no_topic():
    from assistant.answer.route import without_length_request

    assert without_length_request("For our EU project newsletter: how many recommendations were there?") == \
        "how many recommendations were there?"
    # a lead that names what is asked about stays
    assert "2026" in without_length_request("For the 2026 election: what does the city do?")


@pytest.mark.parametrize(("question", "topic"), [
    ("Minskar eller ökar intäkterna jämfört med förra året, och hur mycket?", "intäkterna"),
    ("Did costs go up or go down compared with last year?", "costs"),
])
def test_the_words_that_ask_for_a_change_are_no_topic(question, topic):
    from assistant.answer.route import topic_words

    assert route(question) == "change"
    left = topic_words(question).lower()
    assert topic in left and not any(w in left for w in ("ökar", "minskar", "förra", "last year", "go up"))


def test_a_greeting_with_its_addressee_is_small_talk():
    assert is_out_of_scope_request("Hi there! How's your day going?")
    assert is_out_of_scope_request("Hej igen! Hur går din dag?")
    assert not is_out_of_scope_request("Hi there, how large was the social bond?")


@pytest.mark.parametrize(("question", "shape"), [
    # what a board of four words does is an open question like what the city does
    ("What is the City Executive Board doing to fight welfare crime?", "brief"),
    # the total the year's changes led to is a fact, not a change
    ("Hur stort är kommunstyrelsens totala kommunbidrag efter årets förändringar?", "fact"),
    ("Hur stort är kommunstyrelsens totala anslag för 2025, inklusive de förändringar av kommunbidraget som beslutats?",
     "fact"),
    ("Hur har kommunbidraget förändrats under året?", "change"),
])
def test_the_shape_of_a_question_read_whole(question, shape):
    assert route(question, answer_kind(question)) == shape


@pytest.mark.parametrize(("question", "declined"), [
    ("Borde vår förvaltning söka pengar ur KS projektanslag?", True),  # advice to us
    ("Should we apply for money from the project grant?", True),
    ("Ska KS besluta om planen i höst?", False),  # what the board is to do: a question about the report
])
def test_advice_for_us_is_declined(question, declined):
    assert is_out_of_scope_request(question) is declined


@pytest.mark.parametrize("question", [
    "Kan du skriva ett mejl till mina kollegor om medarbetarenkäten?",
    "Kan du hjälpa mig skriva ett tal om budgeten?",
    "Hej! Hur mår du idag, har du haft en bra vecka?",
    "Hi! Did you have a good weekend?",
])
def test_a_task_in_the_infinitive_and_small_talk_about_the_week_are_out_of_scope(question):
    assert is_out_of_scope_request(question)


@pytest.mark.parametrize("question", ["Vad skriver rapporten om obligationen?", "Hur har veckan gått för projektet?"])
def test_words_of_tasks_and_small_talk_inside_a_question_are_not_out_of_scope(question):
    assert not is_out_of_scope_request(question)


@pytest.mark.parametrize("question", ["List the twelve City Council goals directed to the City Executive Board.",
                                      "Which are the twelve City Council goals?",
                                      "Lista de tolv kommunfullmäktigemålen som riktas till kommunstyrelsen.",
                                      "Vilka är de tolv kommunfullmäktigemålen?"])
def test_the_goals_listed_by_their_count_and_owner_are_the_outline(question):
    assert route(question, answer_kind(question)) == "outline"


def test_the_goals_of_a_thing_are_not_the_outline():
    question = "What are the goals of the social bond?"
    assert route(question, answer_kind(question)) != "outline"


def test_what_lies_in_a_plan_is_its_summary():
    assert route("vad ligger i investeringsplanen för 2026 och framåt") == "summary"


def test_how_a_growing_number_affects_something_asks_for_the_effect_not_a_count():
    question = "How is the growing number of government consultation referrals affecting the City Office?"
    assert answer_kind(question) != "count"
    assert route(question, answer_kind(question)) == "brief"
    assert answer_kind("What is the number of consultation referrals?") == "count"


@pytest.mark.parametrize("question", ["hur gick det med nya avvikelsehanteringssystemet",
                                      "How did the procurement of the new deviation management system go?"])
def test_how_a_thing_went_is_a_brief(question):
    assert route(question, answer_kind(question)) == "brief"


@pytest.mark.parametrize("question", ["Kan du göra ett stapeldiagram över budgetområdenas avvikelser?",
                                      "Make a chart of the deviations per budget area"])
def test_a_chart_is_a_task(question):
    assert is_out_of_scope_request(question)


def test_the_status_and_timeline_of_a_thing_is_a_brief():
    question = "What is the status and timeline of the procurement of a new financial system?"
    assert route(question, answer_kind(question)) == "brief"


@pytest.mark.parametrize("question", ["What is the basis for the assessment of the goal on self-supporting residents?",
                                      "Vad grundar sig bedömningen av klimatmålet på?"])
def test_what_an_assessment_rests_on_is_a_reason(question):
    assert route(question, answer_kind(question)) == "reason"


@pytest.mark.parametrize("question", ["What should the preparedness investment budget strengthen?",
                                      "Vad ska investeringsbudgeten användas till?"])
def test_what_money_is_for_is_no_amount_question(question):
    assert answer_kind(question) != "amount"
    assert answer_kind("Vad är budgeten för 2025?") == "amount"


@pytest.mark.parametrize("question", ["Thanks, this has been really helpful! How is your day going?",
                                      "Tack, det här var jättebra!"])
def test_thanks_for_the_help_is_small_talk(question):
    assert is_out_of_scope_request(question)
    assert not is_out_of_scope_request("This was helpful, but what is the surplus?")


@pytest.mark.parametrize("question", ["tack för hjälpen! 😊", "Thanks a lot 👍", "hej är du chatgpt eller vad",
                                      "are you ChatGPT?"])
def test_small_talk_with_an_emoji_or_a_greeting_first_is_small_talk(question):
    assert is_out_of_scope_request(question)
    assert thanked("tack för hjälpen! 😊") and not thanked("hej är du chatgpt eller vad")


@pytest.mark.parametrize("question", ["Tack för hjälpen, det var allt för i dag.",
                                      "Thank you, this is very useful for my seminar on urban inequality.",
                                      "är du opartisk eller går du majoritetens ärenden?"])
def test_closing_thanks_and_questions_on_the_assistants_stance_are_small_talk(question):
    assert is_out_of_scope_request(question)
    assert not is_out_of_scope_request("Är budgeten neutral?")


def test_where_the_asker_starts_is_an_aside():
    question = ("Good morning. I work in the international relations team, so to start with the basics: what is the "
                "total appropriation for the City Executive Board in 2025?")
    assert without_asides(question).startswith("what is the total appropriation")


@pytest.mark.parametrize("question", ["Tack så mycket för hjälpen, det här blir bra underlag till vår ledningsgrupp!",
                                      "Thanks, that helps a lot with the memo."])
def test_thanks_and_a_remark_is_small_talk(question):
    assert is_out_of_scope_request(question) and thanked(question)
    assert not is_out_of_scope_request("Tack! Sammanfatta rapporten.")
    assert not is_out_of_scope_request("Tack, och hur stor var obligationen?")


def test_what_the_askers_organisation_faces_and_whom_it_is_for_are_asides():
    assert without_asides("Schemaläggning är en stor fråga hos oss. När ska utrullningen av Medvind vara klar?") == \
        "När ska utrullningen av Medvind vara klar?"
    assert "elever" not in without_length_request("sammanfatta rapporten kort så att mina elever i åk 9 förstår")


def test_what_the_asker_has_heard_is_the_topic_not_an_aside():
    question = "Jag har förstått att det blir dubbla hyror i samband med flytten. Varför, och hur påverkar det prognosen?"
    assert "dubbla hyror" in without_asides(question)


def test_a_page_asked_what_it_reports_is_a_page_question():
    assert route("Vad redovisas på sidan 43 i delårsrapporten?") == "page"


def test_what_the_answer_is_for_is_no_topic():
    assert "nyhetsbrev" not in without_length_request("sammanfatta kort för nyhetsbrevet")
    assert "EU" in without_length_request("what does the report say about EU-related matters?")
    assert "related" not in without_length_request("what does the report say about EU-related matters?")
    assert "belopp" not in without_length_request("Hur stort är KS anslag för 2025, exakt belopp?")


@pytest.mark.parametrize("question", ["är rapporten bra", "Is this report any good?"])
def test_a_verdict_on_the_report_itself_is_an_opinion(question):
    assert is_out_of_scope_request(question)
    assert not is_out_of_scope_request("Är rapportens prognos osäker?")


@pytest.mark.parametrize("question", ["What drives the positive variance on personnel costs?", "Vad driver överskottet?"])
def test_what_drives_asks_a_reason(question):
    assert route(question) == "reason"


@pytest.mark.parametrize("question", ["Vilka åtgärder tar staden för att nå klimatmålet 2030?",
                                      "Vad gör staden för att nå klimatmålen?",
                                      "What is the city doing to reach its climate goal?"])
def test_work_done_to_meet_a_goal_is_a_brief_not_its_assessment(question):
    assert route(question, answer_kind(question)) == "brief"
    # whether it is met stays the assessment
    assert route("Nås klimatmålen?", answer_kind("Nås klimatmålen?")) == "outline"


def test_what_an_actor_plans_to_do_is_a_brief():
    question = "What is the city planning to do against organised crime?"
    assert route(question, answer_kind(question)) == "brief"


@pytest.mark.parametrize("question", ["Vad innebär kommunallagens krav på god ekonomisk hushållning i allmänhet?",
                                      "What does a balanced budget mean in general?"])
def test_what_a_thing_means_in_general_is_general_knowledge(question):
    assert is_out_of_scope_request(question)


def test_what_a_thing_means_for_the_board_is_asked_of_the_report():
    assert not is_out_of_scope_request("Vad innebär god ekonomisk hushållning för kommunstyrelsen?")


def test_a_source_named_with_according_to_asks_no_overview():
    # "enligt lägesbilden" names where the count is told; "ge mig en lägesbild" asks for one
    assert route("hur många skjutningar var det i malmö 2025 enligt lägesbilden", "count") == "fact"
    assert route("ge mig en lägesbild av metron") == "brief"


@pytest.mark.parametrize("text, style", [("varför går styrelsen med överskott? förklara enkelt", "enkelt"),
                                         ("Why is the board in surplus? Explain it in plain English.", "plain english"),
                                         ("Vad är Dans för hälsa, med enkla ord?", "enkla")])
def test_how_to_put_the_answer_is_no_topic(text, style):
    kept = without_length_request(text)
    assert style not in kept.lower() and kept.split()[:3] == text.split()[:3]


@pytest.mark.parametrize("question", ["tjena, jobbar du helg eller? :)", "Do you work on weekends?",
                                      "Gör en färdig powerpointslide i Malmö stads grafiska profil om förmånscykeln",
                                      "Skriv ett pressmeddelande om den sociala obligationen"])
def test_questions_on_the_assistant_and_tasks_are_out_of_scope(question):
    assert is_out_of_scope_request(question)


def test_what_the_points_go_on_is_no_topic():
    kept = without_length_request("Ge mig tre punkter om ekonomin som jag kan ha på en bild")
    assert "bild" not in kept and "ekonomin" in kept


@pytest.mark.parametrize("question", ["Vad är det viktigaste som hänt inom näringslivsområdet?",
                                      "What are the most important developments on climate?"])
def test_what_has_happened_in_a_field_asks_a_brief(question):
    assert route(question) == "brief"


@pytest.mark.parametrize("text, lang, check", [
    ("oppositionen påstår att KS gett 5 mnkr till Malmö Pride i år", "sv",
     "Stämmer det att KS gett 5 mnkr till Malmö Pride i år?"),
    ("oppositionen säger att KS anslag ökat med 30 mnkr under året. stämmer det", "sv",
     "Stämmer det att KS anslag ökat med 30 mnkr under året?"),
    ("Det sägs att överskottet är 30 mnkr, stämmer", "sv", "Stämmer det att överskottet är 30 mnkr?"),
    ("The opposition claims that the surplus is 30 million. Is that true?", "en",
     "Is it true that the surplus is 30 million?"),
])
def test_a_claim_told_is_checked(text, lang, check):
    assert as_claim_check(text, lang) == check


@pytest.mark.parametrize("text", ["Rapporten säger att det blir ett överskott – varför?",
                                  "Vad säger rapporten om segregation?", "Hur stor var obligationen?",
                                  "Stämmer det att obligationen var 600 Mkr?"])
def test_a_question_is_no_claim_told(text):
    assert as_claim_check(text, "sv") is None


@pytest.mark.parametrize("question, topic", [
    ("Sammanfatta KS ekonomi inför KF", "Sammanfatta KS ekonomi"),
    ("Summarise the board's finances ahead of the council meeting", "Summarise the board's finances"),
    ("Vad görs inför flytten till Rådhuset?", "Vad görs inför flytten till Rådhuset?"),
])
def test_the_occasion_an_answer_is_for_is_no_topic(question, topic):
    assert without_length_request(question) == topic


def test_news_asked_of_a_thing_named_before_keeps_it():
    # "är det något nytt på gång där?" names no topic: the clause before it does
    text = "Vi rapporterar tillbud och arbetsskador i avvikelsesystemet – är det något nytt på gång där?"
    assert "avvikelsesystemet" in without_asides(text)
    assert without_asides("Jag sitter med budgeten – hur stort är överskottet?") == "hur stort är överskottet?"


@pytest.mark.parametrize(("question", "kept"), [
    ("hur många städer är med i Malmö Commitment nu? låter mest som PR", "hur många städer är med i Malmö Commitment nu?"),
    ("Vad har hänt med de gröna obligationerna i år? Känns som greenwashing",
     "Vad har hänt med de gröna obligationerna i år?"),
    ("Hur stor var obligationen? Och vad känns viktigast?", "Hur stor var obligationen? Och vad känns viktigast?"),
])
def test_a_remark_after_the_question_is_left_out(question, kept):
    assert without_length_request(question).strip() == kept


def test_the_askers_story_before_a_question_with_its_own_topic_is_left_out():
    text = "jag bor ensam sen min man dog. man läser om att äldre glöms bort. vad gör staden för oss äldre?"
    assert without_length_request(text).strip() == "vad gör staden för oss äldre?"
    # a question without a topic of its own keeps what the asker has heard
    kept = "Jag har förstått att det blir dubbla hyror i samband med flytten. Varför?"
    assert "dubbla hyror" in without_length_request(kept)


def test_a_claim_before_what_the_report_says_on_a_topic_is_left_out():
    assert without_asides("Malmö lures Danish firms - what does the report say about attracting companies?") == \
        "what does the report say about attracting companies?"


@pytest.mark.parametrize(("question", "kind"), [
    ("vilka branscher försöker malmö locka när det gäller nyetableringar?", "name"),  # (no date)
    ("vad är det som är osäkert med prognosen", None),
    ("Vilket resultat prognostiseras för helåret, blir det överskott eller underskott?", "amount"),
])
def test_the_kind_of_a_question_read_past_its_frames(question, kind):
    assert answer_kind(question) == kind


def test_who_asks_before_a_colon_is_no_topic_but_a_topic_lead_is():
    assert without_length_request("Vår ekonomigrupp undrar: hur stort är överskottet?").strip() == \
        "hur stort är överskottet?"
    assert "Lönekostnader" in without_length_request("Lönekostnader i resultaträkningen: prognos och avvikelse?")


def test_a_question_pointing_back_keeps_the_askers_sentence_it_points_to():
    text = "Upphandlingsverksamheten finansieras ju av oss förvaltningar. Vilket överskott prognostiserar den?"
    assert "Upphandlingsverksamheten" in without_length_request(text)


@pytest.mark.parametrize(("text", "refused"), [
    # the asker's own affairs are in no report
    ("can you tell me what is my salary as a trainee at stadskontoret?", True),
    ("Vad är min lön?", True),
    ("Vad är lönekostnaderna?", False),
    ("what does the report say about my department, the city office?", False),
    # a prediction under a condition
    ("kommer beredskapen i malmö vara tillräcklig 2027 om det blir krig", True),
    ("Kommer staden att nå klimatmålen?", False),
    ("Vem kommer vinna valet i Malmö 2026?", True),
    ("Who will win the election in 2026?", True),
    ("Vem vann kongressanbuden?", False),
    # a quote put in a person's mouth is a writing task; a quote from the report is what it answers with
    ("ge mig ett citat från stadsdirektören som jag kan använda i artikeln", True),
    ("ge mig ett citat från rapporten om obligationen", False),
    ("Give me a quote from the report on the bond", False),
    # help asked with the report as a whole, before any question, and thanks for the help
    ("Hej! Kan du hjälpa mig lite med kommunstyrelsens delårsrapport?", True),
    ("Can you help me with this report?", True),
    ("Tack, du är till stor hjälp! Hur har du det idag?", True),
    ("Kan du hjälpa mig med budgeten för styrelsen?", False),
    # what comes after a year the report looks ahead to, and a prediction in a second clause
    ("What will happen to the Malmö Commitment after 2030?", True),
    ("What happened to the Malmö Commitment this spring, and will Malmö actually reach it?", True),
    ("What will happen with the Öresund metro next?", False),
    # a draft of a document built from the report is a writing task
    ("Kan ni upprätta ett förslag till revisionsskrivelse till kommunstyrelsen baserat på rapporten?", True),
    ("Vilka förslag har tagits fram om evenemang?", False),
    # a post or a draft for social media, its noun a compound; a name that opens with a writing verb is no task
    ("Gör ett utkast till 3 instagraminlägg om Malmö Möts", True),
    ("gör en linkedinpost om obligationen", True),
    ("Gör en översikt av ekonomin", False),
    ("Generate District - is there an application for national or EU funding for the next phase?", False),
    # a value in a season to come; this year's forecast is the report's
    ("vad blir elpriset i vinter", True),
    ("How high will electricity prices be this winter?", True),
    ("Hur mycket blir överskottet i år?", False),
    # how one becomes something is general knowledge
    ("Hur blir man politiker i kommunen?", True),
    ("How do I become a politician in Malmö?", True),
    ("Hur blir det med flytten till Rådhuset?", False),
])
def test_requests_the_report_cannot_answer(text, refused):
    assert is_out_of_scope_request(text) is refused


@pytest.mark.parametrize("text", ["hey r u a bot? what can u do", "are you a bot? what can you do",
                                  "hej! vem är du? vad kan du göra?"])
def test_questions_about_the_assistant_in_a_row_are_small_talk(text):
    assert is_out_of_scope_request(text)
    assert not is_out_of_scope_request("What can you do with the bond figures?".replace("you do", "the city do"))


@pytest.mark.parametrize(("text", "shape"), [
    # the report's highlights, of nothing narrower, are its summary (and what the asker will do with them is no topic)
    ("Vilka är de viktigaste resultaten?", "summary"),
    ("Vilka är de viktigaste resultaten som jag kan lyfta i ett pressmeddelande?", "summary"),
    ("What are the main results?", "summary"),
    # the parts a follow-up section follows up
    ("Vilka prioriteringar följs upp i avsnittet om prioriteringar?", "summary"),
])
def test_highlights_and_followed_up_parts_are_summaries(text, shape):
    assert route(text) == shape


def test_a_situation_report_named_as_a_thing_is_no_status_request():
    # "lägesbild" asks where something stands; «lägesbilden» over crime is a document of the report's
    assert "lägesbilden" in topic_words("Vilka områden pekas ut i lägesbilden?")
    assert "lägesbild" not in topic_words("Ge mig en lägesbild av klimatarbetet")


@pytest.mark.parametrize(("text", "shape"), [
    # shorthand for several sides of one thing is a brief, unless the sides are values or an explanation
    ("Flytten till Rådhuset – tidplan och ekonomiska konsekvenser (investering, hyra Uven)?", "brief"),
    ("Personalkostnader stadskontoret – prognosavvikelse och förklaring?", "reason"),
    ("Social obligation – belopp och datum?", "fact"),
    ("Status Öresundsmetron?", "brief"),
    # "berätta allt om …" asks for all the report says
    ("berätta allt om rådhusflytten", "brief"),
    ("tell me more about the social bond", "brief"),
    # the parts a follow-up section follows up, with the document they come from
    ("Vilka prioriterade områden ur nämndsbudgeten 2025 följs upp i rapporten?", "summary"),
])
def test_shorthand_and_everything_about_get_their_shapes(text, shape):
    assert route(text) == shape


@pytest.mark.parametrize("text", [
    "Vad är nytt eller annorlunda jämfört med ifjol?",  # what changed, of nothing narrower
    "What is new or different compared with last year?",
])
def test_new_or_different_names_no_topic(text):
    assert lacks_topic(text)


def test_an_academic_frame_and_a_quote_asked_for_are_no_topic():
    from assistant.answer.route import without_length_request
    assert "context" not in without_length_request("In the context of climate adaptation, how does the city lobby?")
    assert "regard" not in without_length_request("What is the city doing with regard to cultural infrastructure?")
    asked = without_length_request("ge mig en citerbar mening ur rapporten om sociala obligationen")
    assert "citerbar" not in asked and "sociala obligationen" in asked


def test_what_the_asker_writes_is_an_aside():
    from assistant.answer.route import without_asides
    asked = without_asides("For a paper I am writing on municipal finance in Scandinavia, how large was the social "
                           "bond?")
    assert "Scandinavia" not in asked and "social bond" in asked


def test_who_or_what_will_win_is_a_prediction():
    assert route("Vilken leverantör kommer att vinna upphandlingen av det nya ekonomisystemet?") == "out_of_scope"
    assert route("Which supplier will win the procurement?") == "out_of_scope"


def test_how_the_assistant_itself_is_doing_is_small_talk():
    assert route("tack, du e bra. hur mår du själv idag?") == "out_of_scope"


@pytest.mark.parametrize(("question", "out"), [
    ("Hur förväntas vädret bli i Malmö den dag vi håller vårt samverkansmöte i oktober?", True),
    ("What's the weather forecast for our meeting day?", True),
    ("Regnar det i Malmö nu?", True),
    ("Vad gör staden mot extremväder?", False),  # climate adaptation, which the report is about
    ("How does the city prepare for extreme weather events?", False),
])
def test_the_weather_asked_is_out_of_scope_but_not_extreme_weather(question, out):
    assert is_out_of_scope_request(question) is out


@pytest.mark.parametrize("question", [
    "Vilka områden omfattar uppföljningen av uppsiktsplikten?",
    "Which areas does the follow-up of the board's supervisory duty (uppsiktsplikt) cover in the 2025 interim report?",
    "What areas does the goal on good and equal service cover?",
])
def test_the_parts_a_section_covers_are_its_summary(question):
    assert route(question) == "summary"


def test_the_areas_a_thing_covers_are_a_fact():
    # «Kraven omfattar bland annat klimat, cirkulär ekonomi …»: one sentence lists them
    assert route("Vilka områden omfattar hållbarhetskraven i upphandlingar?") == "fact"
