"""UI strings: Swedish by default (the officials' language), English selectable.

Keys missing in English fall back to Swedish, so a forgotten translation shows
Swedish text rather than a raw key.
"""

from __future__ import annotations

from typing import Any

LANGS = ("sv", "en")
LANG_NAMES = {"sv": "Svenska", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "sv": {
        "app_title": "Rapportassistenten",
        "app_subtitle": "Fråga om Malmö stads *{title}* – varje svar med sidhänvisning du kan klistra in i ett PM.",
        "nav_chat": "Fråga rapporten",
        "nav_goals": "Målöversikt",
        "nav_eval": "Utvärdering",
        "chat_placeholder": "Skriv din fråga om rapporten …",
        "language": "Språk",
        "scope": "Avgränsa sökningen",
        "scope_help": "Svaren hämtas bara ur den valda delen av rapporten.",
        "all_goal_areas": "Alla målområden",
        "all_goals": "Alla mål",
        "goal_area": "Målområde",
        "goal": "Mål",
        "searched_in": "Sökt i: {scope}",
        "mode": "Svarsläge",
        "mode_extractive": "Offline – citat ur rapporten (ingen AI-text)",
        "mode_llm": "Språkmodell: {model}",
        "settings": "Inställningar (skrivskyddade)",
        "settings_help": "Ändras i assistant.toml eller med miljövariabler (ASSISTANT_…).",
        "conversation": "Konversation",
        "export_md": "Ladda ner (Markdown)",
        "export_json": "Ladda ner (JSON)",
        "new_chat": "Ny konversation",
        "building_index": "Förbereder rapporten första gången – det tar ungefär en minut …",
        "loading": "Startar …",
        "warming": "Laddar sökindexet …",
        "ready": "Klar",
        "sources": "Källor",
        "page_short": "s. {page}",
        "show_page": "Visa hela sidan {page}",
        "page_empty": "Sidans text finns inte i indexet.",
        "passage": "Stycket i rapporten (citerad mening markerad)",
        "memo": "Kopiera till PM",
        "memo_help": "Klicka på kopieringsikonen uppe till höger i rutan och klistra in i ditt PM.",
        "memo_plain": "Text",
        "memo_markdown": "Markdown",
        "refused_hint": "Rapporten verkar inte svara på det. Pröva att formulera om frågan, ta bort avgränsningen "
                        "i sidofältet eller se Målöversikten.",
        "empty_question": "Frågan är tom. Skriv en fråga om rapporten, t.ex. ”Hur stor var den sociala obligationen?”",
        "unexpected_error": "Något gick fel när frågan besvarades. Försök igen; om det upprepas, starta om appen "
                            "(make run) och kontakta förvaltningen av verktyget. Detaljer finns i loggen.",
        "start_error": "Assistenten kunde inte startas.",
        "what_to_do": "Åtgärda felet ovan och ladda om sidan.",
        "feedback_saved": "Tack! Din återkoppling sparades lokalt.",
        "feedback_label": "Var svaret till hjälp?",
        "welcome": "Ställ en fråga om rapporten nedan. Exempel:",
        "examples": "Hur stor var den sociala obligationen?|Vilket helårsresultat prognostiseras för "
                    "kommunstyrelsen?|Vilka mål har riktats till kommunstyrelsen?",
        "verified_no": "Ej verifierat mot rapporten",
        "unsupported": "Påståenden som inte kunde styrkas med rapporten: {items}",
        "goal_page_title": "Kommunfullmäktiges mål för kommunstyrelsen",
        "goal_page_intro": "De {n} mål som riktats till kommunstyrelsen, med bedömning och sida. "
                           "Klicka på «Fråga om målet» för ett svar med källa.",
        "goal_status": "Bedömning",
        "goal_pages": "Målet s. {page} · bedömning s. {status_page}",
        "ask_goal": "Fråga om målet",
        "goal_question": "Vilken bedömning har målet «{title}» fått?",
        "no_goals": "Rapportens mål kunde inte läsas ut.",
        "eval_title": "Utvärdering av svaren",
        "eval_intro": "Resultatet från den senaste körningen av testfrågorna (eval/datasets/golden.jsonl).",
        "eval_missing": "Utvärderingsmodulen finns inte i den här versionen ännu.",
        "eval_none": "Ingen utvärdering har körts ännu. Kör den med knappen nedan eller `make eval`.",
        "eval_run": "Kör utvärderingen",
        "eval_limit": "Antal frågor (0 = alla)",
        "eval_running": "Fråga {done} av {total}: {id}",
        "eval_done": "Utvärderingen är klar.",
        "eval_overall": "Totalt",
        "eval_by_kind": "Per frågetyp",
        "eval_failing": "Frågor som inte klarade testet ({n})",
        "eval_all_pass": "Alla frågor klarade testet.",
        "eval_meta": "Körd {started} · läge {mode} · {n} frågor · {duration} s",
        "eval_metric": "Mått",
        "eval_value": "Värde",
        "eval_expected": "Förväntat",
        "eval_why": "Varför",
        "eval_answer": "Svar",
        "eval_kind": "Typ: {kind}",
        "eval_error": "Utvärderingen kunde inte köras: {error}",
        "eval_all_metrics": "Alla mått",
        "metric_answer": "Rätt svar",
        "metric_citation": "Rätt källhänvisning",
        "metric_page_hit5": "Rätt sida bland fem första",
        "metric_latency_p50_ms": "Svarstid (median)",
        "goal_count": "Mål",
        # report library (issue 6): report selector and upload, assistant/ui/library.py
        "lib_report": "Rapport",
        "lib_report_help": "Välj en rapport för att bara söka i den, eller sök i alla rapporter i biblioteket.",
        "lib_all_reports": "Alla rapporter ({n})",
        "lib_all_titles": "rapporter ({n} st.)",
        "lib_upload": "Lägg till en rapport",
        "lib_upload_help": "En PDF eller textfil (.txt) med en rapport från Malmö stad. Den indexeras här på datorn; "
                           "inget skickas iväg. Samma filnamn igen ersätter den tidigare versionen.",
        "lib_file": "Rapportfil (PDF eller .txt)",
        "lib_ingest": "Lägg till i biblioteket",
        "lib_ingesting": "Indexerar {name} …",
        "lib_ingested": "Klar: {title} ({source}), {n} avsnitt. Rapporten är vald ovan.",
        "lib_unchanged": "{source} finns redan i biblioteket och är oförändrad – inget behövde indexeras.",
        "lib_failed": "Rapporten kunde inte läggas till: {error}",
        "lib_bad_type": "{name} är varken en PDF eller en textfil (.txt). Spara rapporten som PDF eller text och "
                        "försök igen.",
        "lib_empty": "Filen {name} är tom. Exportera rapporten på nytt och försök igen.",
        "lib_too_big": "Filen {name} är större än {mb} MB. Dela upp rapporten eller kontakta förvaltningen av verktyget.",
        "lib_not_pdf": "{name} heter .pdf men är ingen PDF. Kontrollera filen och försök igen.",
        "lib_pdf_as_txt": "{name} är en PDF men heter .txt. Byt filändelsen till .pdf och försök igen.",
        "lib_warning": "Varning: {warning}",
    },
    "en": {
        "app_title": "Report assistant",
        "app_subtitle": "Ask about City of Malmö's *{title}* – every answer with page references you can paste "
                        "into a memo.",
        "nav_chat": "Ask the report",
        "nav_goals": "Goal overview",
        "nav_eval": "Evaluation",
        "chat_placeholder": "Type your question about the report …",
        "language": "Language",
        "scope": "Limit the search",
        "scope_help": "Answers are taken only from the selected part of the report.",
        "all_goal_areas": "All goal areas",
        "all_goals": "All goals",
        "goal_area": "Goal area",
        "goal": "Goal",
        "searched_in": "Searched in: {scope}",
        "mode": "Answer mode",
        "mode_extractive": "Offline – quotes from the report (no AI text)",
        "mode_llm": "Language model: {model}",
        "settings": "Settings (read-only)",
        "settings_help": "Change them in assistant.toml or with environment variables (ASSISTANT_…).",
        "conversation": "Conversation",
        "export_md": "Download (Markdown)",
        "export_json": "Download (JSON)",
        "new_chat": "New conversation",
        "building_index": "Preparing the report for the first time – this takes about a minute …",
        "loading": "Starting …",
        "warming": "Loading the search index …",
        "ready": "Ready",
        "sources": "Sources",
        "page_short": "p. {page}",
        "show_page": "Show the whole page {page}",
        "page_empty": "The page's text is not in the index.",
        "passage": "The passage in the report (cited sentence highlighted)",
        "memo": "Copy for memo",
        "memo_help": "Click the copy icon at the top right of the box and paste into your memo.",
        "memo_plain": "Text",
        "memo_markdown": "Markdown",
        "refused_hint": "The report does not seem to answer that. Try rephrasing, remove the limit in the sidebar "
                        "or see the Goal overview.",
        "empty_question": "The question is empty. Type a question about the report, e.g. “How large was the social "
                          "bond?”",
        "unexpected_error": "Something went wrong while answering. Try again; if it happens again, restart the app "
                            "(make run) and contact the tool's administrators. Details are in the log.",
        "start_error": "The assistant could not be started.",
        "what_to_do": "Fix the problem above and reload the page.",
        "feedback_saved": "Thank you! Your feedback was saved locally.",
        "feedback_label": "Was the answer helpful?",
        "welcome": "Ask a question about the report below. Examples:",
        "examples": "How large was the social bond?|What full-year result is forecast for the municipal "
                    "executive board?|Vilka mål har riktats till kommunstyrelsen?",
        "verified_no": "Not verified against the report",
        "unsupported": "Claims that could not be supported by the report: {items}",
        "goal_page_title": "The city council's goals for the municipal executive board",
        "goal_page_intro": "The {n} goals directed to the municipal executive board, with assessment and page. "
                           "Click “Ask about the goal” for an answer with its source.",
        "goal_status": "Assessment",
        "goal_pages": "Goal p. {page} · assessment p. {status_page}",
        "ask_goal": "Ask about the goal",
        "goal_question": "What assessment has the goal «{title}» received?",
        "no_goals": "The report's goals could not be read.",
        "eval_title": "Answer evaluation",
        "eval_intro": "Results of the latest run of the test questions (eval/datasets/golden.jsonl).",
        "eval_missing": "The evaluation module is not in this version yet.",
        "eval_none": "No evaluation has been run yet. Run it with the button below or `make eval`.",
        "eval_run": "Run the evaluation",
        "eval_limit": "Number of questions (0 = all)",
        "eval_running": "Question {done} of {total}: {id}",
        "eval_done": "The evaluation is finished.",
        "eval_overall": "Overall",
        "eval_by_kind": "By question type",
        "eval_failing": "Questions that failed ({n})",
        "eval_all_pass": "All questions passed.",
        "eval_meta": "Run {started} · mode {mode} · {n} questions · {duration} s",
        "eval_metric": "Metric",
        "eval_value": "Value",
        "eval_expected": "Expected",
        "eval_why": "Why",
        "eval_answer": "Answer",
        "eval_kind": "Type: {kind}",
        "eval_error": "The evaluation could not be run: {error}",
        "eval_all_metrics": "All metrics",
        "metric_answer": "Correct answer",
        "metric_citation": "Correct citation",
        "metric_page_hit5": "Right page in top five",
        "metric_latency_p50_ms": "Answer time (median)",
        "goal_count": "Goals",
        # report library (issue 6): report selector and upload, assistant/ui/library.py
        "lib_report": "Report",
        "lib_report_help": "Choose a report to search only that one, or search every report in the library.",
        "lib_all_reports": "All reports ({n})",
        "lib_all_titles": "reports ({n})",
        "lib_upload": "Add a report",
        "lib_upload_help": "A PDF or text file (.txt) with a City of Malmö report. It is indexed here on this computer; "
                           "nothing is sent anywhere. The same file name again replaces the earlier version.",
        "lib_file": "Report file (PDF or .txt)",
        "lib_ingest": "Add to the library",
        "lib_ingesting": "Indexing {name} …",
        "lib_ingested": "Done: {title} ({source}), {n} passages. The report is selected above.",
        "lib_unchanged": "{source} is already in the library and unchanged – nothing had to be indexed.",
        "lib_failed": "The report could not be added: {error}",
        "lib_bad_type": "{name} is neither a PDF nor a text file (.txt). Save the report as PDF or text and try again.",
        "lib_empty": "The file {name} is empty. Export the report again and try again.",
        "lib_too_big": "The file {name} is larger than {mb} MB. Split the report or contact the tool's administrators.",
        "lib_not_pdf": "{name} is called .pdf but is not a PDF. Check the file and try again.",
        "lib_pdf_as_txt": "{name} is a PDF but is called .txt. Rename it to .pdf and try again.",
        "lib_warning": "Warning: {warning}",
    },
}

# The report's assessment phrases, for the English UI (the report itself is Swedish).
STATUS_EN = {
    "förväntas uppnås": "Expected to be achieved",
    "förväntas delvis uppnås": "Expected to be partly achieved",
    "förväntas inte uppnås": "Not expected to be achieved",
    "uppnås": "Achieved",
    "delvis uppnås": "Partly achieved",
    "uppnås inte": "Not achieved",
}


def norm_lang(lang: str | None) -> str:
    """Any language setting to a supported UI language (unknown → Swedish)."""
    lang = (lang or "sv").lower()[:2]
    return lang if lang in LANGS else "sv"


def t(key: str, lang: str = "sv", **fmt: Any) -> str:
    """The UI string `key` in `lang`, formatted with `fmt`."""
    table = STRINGS[norm_lang(lang)]
    text = table.get(key) or STRINGS["sv"].get(key) or key
    return text.format(**fmt) if fmt else text


def status_label(status: str | None, lang: str = "sv") -> str:
    """A goal's assessment as the report says it, translated for the English UI."""
    if not status:
        return "–"
    if norm_lang(lang) == "en":
        return STATUS_EN.get(status.strip().lower(), status)
    return status
