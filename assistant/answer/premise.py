"""Questions whose premise the report contradicts.

"Sammanfatta målområdet Ett tryggt Malmö" names a goal area the report has
not got. Answering from the nearest heading (the employer goal, for its
*trygga anställningar*) would look authoritative and mislead; the answer says
there is no such goal area and lists the ones there are, each with its page.
"Varför uppnås inte målet om …?" asks why a goal fails that the report
expects to be met: the answer says so, from the parsed assessments, instead of
quoting reasons for something the report does not say. "Varför har KS anslag
höjts till 620 mkr?" quotes an amount the report never states.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.answer.extractive import ExtractiveAnswerer
from assistant.answer.question import Question
from assistant.answer.route import NEGATION, asks_if_goals_are_met
from assistant.models import Citation
from assistant.numbers import amounts_in, matches_amount, states_amount
from assistant.textproc import EN_STOP, stem, words

# the goal area a question names: "målområdet Ett tryggt Malmö", "målområdet om trygghet",
# "the goal area on public health", "the goal area called …"; the name runs to the end of the clause
NAMED_AREA = [
    # a name in quotes is all of the name, whatever follows it ("the goal area 'A digital city' assessed as …")
    re.compile(r"(?i)\b(?:goal area|målområdet)\s+[«\"'“‘](?P<name>[^«»\"'“”‘’]{3,})[»\"'”’]"),
    re.compile(r"(?<![\wåäö])målområdet\s+(?P<name>(?:om|för|kring)\s+[^?!.,;:]+|[«\"'“]?[A-ZÅÄÖ][^?!.,;:]*)"),
    re.compile(r"(?i)\bgoal area\s+(?:about|on|for|of|called|named)\s+(?P<name>[^?!.,;:]+)"),
]
# where a second question starts in the same clause ("… En mer jämlik stad och hur bedöms de?")
SECOND_PART = re.compile(r"(?i)\s+(?:och|samt|and)\s+(?:hur|vad|vilk\w+|när|varför|how|what|which|when|why)\b.*$"
                         r"|\s+(?:som|that|which)\s+.*$|\s+(?:i|in)\s+(?:rapporten|the report)\b.*$")
# a preposition or article that leads the name, not part of it
LEADING = re.compile(r"(?i)^(?:om|för|kring|about|on|for|of|called|named)\s+(?:(?:den|det|de|the|an?)\s+)?")
# words of any goal area's name or of the question's frame: they tell no goal area from another
GENERIC = {stem(w) for w in ("mål", "målet", "målområde", "målområdet", "malmö", "malmös", "stad", "staden",
                             "goal", "goals", "area", "city", "gör", "görs", "står", "det", "om")}


def named_area(text: str) -> str | None:
    """The name a question gives a goal area, as written, or None when it names none."""
    for pattern in NAMED_AREA:
        m = pattern.search(text)
        if m:
            name = SECOND_PART.sub("", m.group("name")).strip(" «»\"'“”")
            name = LEADING.sub("", name).strip()
            return name or None
    return None


def missing_goal_area(scorer: ExtractiveAnswerer, q: Question, areas: list[str]) -> str | None:
    """The goal area name the question gives when the report has no goal area by that name; None when it
    has one, or when the name holds no word the report knows (an English word the glossary lacks cannot
    tell one area from another)."""
    name = named_area(q.text)
    if name is None or not areas:
        return None
    name_q = scorer.read(name, [], q.lang)
    known = {t for t, w in name_q.terms.items()
             if w >= 1.0 and t not in GENERIC and t not in EN_STOP and scorer.stem_in_corpus(t)}
    if not known:
        return None
    if scorer.best_match(name_q, areas, min_cov=0.5) is not None:
        return None
    # every word of the name must be missing from the areas' names: "målområdet om ekonomin" is
    # «God ekonomisk hushållning», even where best_match wants more of it
    area_stems = {stem(w) for a in areas for w in words(a)}
    if any(t in area_stems or any(s.startswith(t) or t.startswith(s) for s in area_stems if len(s) >= 4)
           for t in known):
        return None
    return name


def area_list(outline: dict[str, Any], source: str, sv: bool) -> tuple[list[str], list[Citation]]:
    """Each goal area of the outline as a numbered line with its goal count and page, and its heading's
    citation (the line does not carry the marker: a refusal cites nothing)."""
    areas, goals = outline.get("goal_areas", []), outline.get("goals", [])
    headings = dict((h, p) for h, p in outline.get("headings", []))
    cits, lines = [], []
    for i, a in enumerate(areas, 1):
        page = int(headings.get(f"Målområde - {a}", 0) or next((g["page"] for g in goals
                                                               if g["goal_area"] == a), 0))
        n_goals = sum(1 for g in goals if g["goal_area"] == a)
        cits.append(Citation(n=i, page=page, section=f"Målområde - {a}", goal=None, goal_area=a,
                             quote=f"Målområde - {a}", source=source, kind="heading", passage=f"Målområde - {a}"))
        lines.append(f"{i}. {a} – {n_goals} {'mål' if sv else ('goal' if n_goals == 1 else 'goals')} (s. {page})")
    return lines, cits


def no_such_area(name: str, outline: dict[str, Any], source: str, sv: bool) -> str:
    """The answer to a question about a goal area the report has not got: what it has instead."""
    lines, _ = area_list(outline, source, sv)
    n = len(outline.get("goal_areas", []))
    lead = (f"Rapporten har inget målområde som heter «{name}». Dess {n} målområden är:" if sv else
            f"The report has no goal area called «{name}». Its {n} goal areas are:")
    return "\n".join([lead, *lines])


MET_STATUS = ("förväntas uppnås", "expected to be met")


def unmet_premise(scorer: ExtractiveAnswerer, q: Question, outline: dict[str, Any]) -> str | None:
    """What to say to "why is the goal not met?" when the report expects the goal (or, when the question
    names none the report has, every goal) to be met; None when the question does not ask that or a goal
    it may mean is not expected to be met."""
    text = q.text
    if not (asks_if_goals_are_met(text) and NEGATION.search(text)):
        return None
    goals = outline.get("goals", [])
    if not goals:
        return None
    named = scorer.best_match(q, [g["title"] for g in goals])
    meant = [g for g in goals if g["title"] == named] if named else goals
    if not all(str(g.get("status") or "").lower().startswith(MET_STATUS) for g in meant):
        return None
    sv = q.lang == "sv"
    if named:
        g = meant[0]
        where = g.get("status_page") or g.get("page")
        return (f"Rapporten säger inte att målet inte uppnås: kommunfullmäktigemålet «{g['title']}» har "
                f"bedömningen «{g.get('status')}» (s. {where})." if sv else
                f"The report does not say the goal is not met: the goal (kommunfullmäktigemål) «{g['title']}» is "
                f"assessed as «{g.get('status')}» (expected to be met, p. {where}).")
    return (f"Rapporten säger inte att något mål inte uppnås: alla {len(goals)} kommunfullmäktigemål har "
            f"bedömningen «Förväntas uppnås»." if sv else
            f"The report does not say that any goal is not met: all {len(goals)} goals (kommunfullmäktigemål) are "
            f"assessed as «Förväntas uppnås» (expected to be met).")


def unstated_amount(question: str, stated: list[float]) -> str | None:
    """An amount in kronor the question takes for given and the report states nowhere (`stated`: the report's
    values, assistant.numbers.stated_values), at the precision the question writes it (or as a table's bare
    number); None when the question states none or the report has it."""
    asked = amounts_in(question)
    if not asked:
        return None
    return next((written for written, value, step in asked if value and not matches_amount(stated, value, step)),
                None)


def no_such_amount(written: str, sv: bool, said: tuple[str, int] | None = None) -> str:
    """The answer to a question built on an amount the report does not state; `said`: what the report states
    instead (a quote and its page), when the question without the amount has a fact answer."""
    if said is not None:
        quote, page = said
        return (f"Rapporten anger inte beloppet {written} någonstans. Den säger: «{quote}» (s. {page})" if sv else
                f"The report does not state the amount {written} anywhere. It says: «{quote}» (p. {page})")
    return (f"Rapporten anger inte beloppet {written} någonstans. Ställ gärna frågan utan beloppet, så visar jag "
            f"vad rapporten säger." if sv else
            f"The report does not state the amount {written} anywhere. Ask without the amount and I will show what "
            f"the report says.")


# "Why was the Öresund metro cancelled?", "Varför avslog fullmäktige policyn?": the question takes for given that
# something was stopped, rejected, delayed or failed. The report must say something of the kind about the topic.
SETBACK_ASKED = re.compile(
    r"(?i)(?<![\wåäö])(?:cancel(?:l?ed|l?ing)?|scrapped|abandoned|halted|terminated|"
    r"discontinued|shut down|closed down|stopped|dropped|withdrawn|withdrew|rejected|turned down|voted down|"
    r"postponed|delayed|paused|put on hold|failed|"
    # Swedish past and passive forms: "för att stoppa välfärdsbrott" asks about no setback
    r"avbr(?:öt|öts|utit|utits|uten|utna|yts)|(?:stoppa|skrota|slopa|avveckla|förkasta|pausa|misslycka)(?:de|des|t|ts)|"
    r"misslyckad|övergav|övergavs|övergivit|övergett|avslog|avslogs|avslagits|avslagen|"
    r"försen(?:ad|ade|ades|ats|ing\w*)|inställ(?:d|da|des|t)|senarelag(?:d|da|ts|des)|senarelades|"
    r"nedlag(?:d|da|t)|nedläggning\w*|lagts? ner|lade ner|lades ner|läggs ner|sköts? upp|skjutits upp|"
    r"drogs? tillbaka|dragits tillbaka|ställ(?:de|des|ts) in)(?![\wåäö])")
# the report's own words for each kind of setback: a delay asked about is met by "Förseningen", a shutdown is not
SETBACK_STATED = {
    "stop": re.compile(r"(?i)(?<![\wåäö])(?:avbr[öu]t\w*|avbryt\w*|stoppa\w*|lagts? ner|lade ner|lades ner|nedlag\w*|"
                       r"nedläggning\w*|skrota\w*|slopa\w*|överge\w*|övergav|övergivi?\w*|avveckla\w*|"
                       r"tillbakadrag\w*|drog\w* tillbaka|dragits tillbaka|inställ\w*|ställts in|pausa\w*|upphör\w*|"
                       r"avslutad\w*|avslutat\w*)(?![\wåäö])"),
    # (or a date moved later: «… flyttas beslutsplaneringen från december 2025 till april 2026»)
    "delay": re.compile(r"(?i)(?<![\wåäö])(?:försen\w*|sköts upp|skjut\w* upp|senarelag\w*|senarelägg\w*|pausa\w*|"
                        r"långsammare takt|dröj\w*|flytta\w*[^.]{0,60}\bfrån (?:januari|februari|mars|april|maj|juni|"
                        r"juli|augusti|september|oktober|november|december|våren|hösten|(?:19|20)\d\d)\b[^.]{0,30}\btill)"
                        r"(?![\wåäö])"),
    "reject": re.compile(r"(?i)(?<![\wåäö])(?:avslå\w*|avslog\w*|avslag\w*|förkasta\w*|avvisa\w*|röstade\w* ner)"
                         r"(?![\wåäö])"),
    "fail": re.compile(r"(?i)(?<![\wåäö])(?:misslyck\w*|inte (?:har )?(?:uppnåtts|nåtts|uppnås|nås))(?![\wåäö])"),
}
# a word of any kind of setback (a question's own setback word is no topic word)
SETBACK_STATED_ANY = re.compile("|".join(f"(?:{p.pattern.removeprefix('(?i)')})" for p in SETBACK_STATED.values()),
                                re.IGNORECASE)
# which kind of setback the words asked about are (anything else is a stop: cancelled, lades ner, avvecklades)
SETBACK_KIND = [
    ("delay", re.compile(r"(?i)postpone|delay|paus|put on hold|försen|sköts? upp|skjut\w* upp|senarelag")),
    ("reject", re.compile(r"(?i)reject|turn\w* down|vote\w* down|avslå|avslog|avslag|förkasta")),
    ("fail", re.compile(r"(?i)fail|misslyck")),
]
SETBACK_SV = ("Rapporten säger inte att det har stoppats, avslagits eller skjutits upp; det framgår inte av "
              "rapporten. Fråga gärna vad rapporten säger om det.")
SETBACK_EN = ("The report does not say that it was cancelled, rejected or delayed (det framgår inte av rapporten). "
              "Ask what the report says about it instead.")


# "Why did the council reject …?": a base form after "did" (alone, "stop" is as often "how to stop fraud")
SETBACK_AFTER_DID = re.compile(r"(?i)\b(?:did|didn't)\b.*\b(?:cancel|scrap|abandon|stop|halt|terminate|discontinue|"
                               r"shut down|close down|drop|withdraw|reject|turn down|vote down|postpone|delay|"
                               r"pause|fail)\b")


# a Swedish particle verb with the thing between its parts: "Varför lades Malmö Möts ner?", "sköts flytten upp"
SETBACK_SPLIT = re.compile(r"(?i)(?<![\wåäö])(?:(?:lade|lades|lagt|lagts|läggs|lägger)\s+(?:[\wåäö-]+\s+){0,4}ner|"
                           r"(?:sköt|sköts|skjuts|skjuter|skjutits)\s+(?:[\wåäö-]+\s+){0,4}upp|"
                           r"(?:ställde|ställdes|ställs|ställts)\s+(?:[\wåäö-]+\s+){0,4}in|"
                           r"(?:drog|drogs|dras|dragits)\s+(?:[\wåäö-]+\s+){0,4}(?:tillbaka|in))(?![\wåäö])")


# a decision to stop something: "När beslutade KS att lägga ner Koll Folkhälsa?", "Why did they decide to scrap …?"
SETBACK_DECIDED = re.compile(r"(?i)(?<![\wåäö])(?:beslut\w*|beslöt|valde|decided|decide|chose)\s+(?:[\wåäö-]+\s+){0,3}?"
                             r"(?:att|to)\s+(?:lägga ner|avveckla|stoppa|avbryta|skrota|slopa|pausa|överge|"
                             r"avsluta|cancel|scrap|stop|abandon|close|shut down|drop|end|discontinue)(?![\wåäö])")


def asked_setback(text: str) -> str | None:
    """The kind of setback a question takes for given (stop, delay, reject, fail), or None."""
    for pattern in (SETBACK_ASKED, SETBACK_AFTER_DID, SETBACK_SPLIT, SETBACK_DECIDED):
        m = pattern.search(text)
        if m is not None:
            return next((kind for kind, words_ in SETBACK_KIND if words_.search(m.group(0))), "stop")
    return None


def asks_about_a_setback(text: str) -> bool:
    """Whether a question takes for given that something was stopped, rejected, delayed or failed."""
    return asked_setback(text) is not None


def unstated_setback(text: str, evidence: list[str], swedish: bool, names: list[str] | None = None) -> str | None:
    """What to say when a question asks about a setback (cancelled, avslog, sköts upp) and the report's
    passages on its topic tell of none of that kind; None when they do, or when it asks about none. `names`
    (lower case): what the question names, or its topic words; then the setback must be told in a sentence
    holding one of them ("Innovationsplattform stad avslutades" tells nothing of Malmö Residency)."""
    kind = asked_setback(text)
    if kind is None:
        return None
    for paragraph in (p for t in evidence for p in t.split("\n") if p.strip()):
        sentences = re.split(r"(?<=[.!?])\s+", paragraph) if names else [paragraph]
        for before, sentence in zip(["", *sentences], sentences, strict=False):
            # the thing may be named in the sentence before: "Upphandling av nytt avvikelsehanteringssystem
            # genomfördes … Nya funktionella krav har … inneburit försenad produktionsstart.", or where its
            # paragraph begins («… revideringen av programmen för de nationella minoriteterna … flyttas
            # beslutsplaneringen från december 2025 till april 2026»)
            told = f"{sentences[0]} {before} {sentence}".lower()
            if SETBACK_STATED[kind].search(sentence) and (not names or any(n in told for n in names)):
                return None
    return SETBACK_SV if swedish else SETBACK_EN


# a surplus asked about as a deficit, or the other way round: "Varför går KS med ett underskott på 13,9 Mkr?"
# (with the half of "över- eller underskott", "under- eller överskott" that shares the other's head)
SURPLUS_SAID = re.compile(r"(?i)(?<![\wåäö])(?:överskott?\w*|surplus\w*|positiv\w* (?:avvikelse|budgetavvikelse)|"
                          r"plus|över-(?=\s+(?:eller|och)\s+underskott))(?![\wåäö])")
DEFICIT_SAID = re.compile(r"(?i)(?<![\wåäö])(?:underskott?\w*|deficit\w*|negativ\w* (?:avvikelse|budgetavvikelse)|"
                          r"går (?:med )?(?:back|minus)|minus|förlust\w*|loss|under-(?=\s+(?:eller|och)\s+överskott))"
                          r"(?![\wåäö])")


def wrong_sign(question: str, sentences: list[tuple[str, int]], sv: bool) -> str | None:
    """What to say when the question calls an amount a deficit that the report states only as a surplus (or the
    other way round); `sentences`: the report's sentences with their pages. None when it asks neither, names no
    amount, or the report says it as asked somewhere."""
    asks_deficit, asks_surplus = DEFICIT_SAID.search(question), SURPLUS_SAID.search(question)
    if bool(asks_deficit) == bool(asks_surplus):
        return None
    asked = amounts_in(question)
    if not asked:
        return None
    written, value, step = asked[0]
    # the number itself, not any amount it could round to ("-4.6 Mkr" is not the 4,7 Mkr surplus)
    said = [(s, page) for s, page in sentences if states_amount(s, value, step / 20)]
    opposite, same = (SURPLUS_SAID, DEFICIT_SAID) if asks_deficit else (DEFICIT_SAID, SURPLUS_SAID)
    if not said or any(same.search(s) for s, _ in said):
        return None
    where = next(((s, page) for s, page in said if opposite.search(s)), None)
    if where is None:
        return None
    return (f"Rapporten anger {written} som ett {'överskott' if asks_deficit else 'underskott'}, inte som ett "
            f"{'underskott' if asks_deficit else 'överskott'}: «{where[0]}» (s. {where[1]})" if sv else
            f"The report gives {written} as a {'surplus' if asks_deficit else 'deficit'}, not a "
            f"{'deficit' if asks_deficit else 'surplus'}: «{where[0]}» (p. {where[1]})")
