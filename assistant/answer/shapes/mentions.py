"""Every place the report tells of one kind of thing.

"Vilka förseningar finns det i rapporten?", "Which delays does the report mention?": a search ranks passages
and a brief quotes the best few of them, while an inventory asks for all of them, wherever they stand (a delay
of a programme on p. 26, of a system on p. 32). So the answer is read off the report's own words: each sentence
that names the thing, with the sentence before when it only points back («Förseningen beror främst på …»),
grouped under its heading in report order. A word the report uses everywhere (more than MAX_MENTIONS passages)
is left to the brief, which ranks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from assistant.answer.extractive import Unit, is_signpost, sentence_before, units_of
from assistant.answer.points import ANAPHORA, Point, content, joined_with
from assistant.answer.premise import SETBACK_KIND, SETBACK_STATED
from assistant.answer.route import requested_count
from assistant.answer.shapes.base import Composition, Context
from assistant.answer.shapes.brief import EN_LEAD
from assistant.answer.shapes.outline import report_source
from assistant.glossary import translate
from assistant.textproc import similarity, stem, words

# "vilka X finns (det) (i rapporten)?", "vilka X redovisas / nämns / beskrivs?", "which X does the report mention?",
# "what X are mentioned?": the clause ends there (a place or a part after it, "finns i prognosen", narrows it)
MENTIONS_ASKED = re.compile(
    r"(?i)^\W*(?:vilka|vilken|vilket|which|what)\s+(?:([a-zåäö]{2,}(?::s)?)\s+)??([a-zåäö]{4,})\s+"
    r"(?:(?:eller|och|or|and)\s+([a-zåäö]{4,})\s+)?"  # two kinds at once: "vilka förseningar eller brister …"
    r"(?:(?:finns(?: det)?|redovisas|nämns|beskrivs|tas upp|lyfts fram|rapporteras)(?: (?:det )?i (?:(?:den här |denna )?"
    r"(?:delårs)?rapporten|(?:mål)?avsnitten|målen))?|(?:does|do) (?:the|this) (?:report|(?:city )?(?:executive )?board|city office) "
    r"(?:mention|list|report|describe|name)|"
    r"(?:are|were|is|was) (?:mentioned|reported|described|listed|named)(?: in (?:the|this) report)?|"
    r"are there(?: in (?:the|this) report)?)\s*(?:[?.!]|$)")
# the same asked as a list: "Lista alla förseningar och saker som pausats", "list all networks mentioned in the report"
# (groups: the narrowing word, the kind, and a second kind as a noun or as what became of things)
LIST_ASKED = re.compile(
    r"(?i)^\W*(?:(?:please|snälla|kan du|kunde du|could you|can you|would you)\s+)?"
    r"(?:lista|räkna upp|list|ge (?:mig )?en lista (?:över|på)|gör en lista (?:över|på)|give me a list of|"
    r"make a list of)\s+(?:(?:alla|all(?: of)?(?: the)?|samtliga|the|de|every)\s+)?"
    r"(?:([a-zåäö]{2,}(?::s)?)\s+)??([a-zåäö]{4,})"
    r"(?:\s+(?:eller|och|or|and)\s+(?:(?:saker|det) som\s+(?:har\s+)?([a-zåäö]{4,})|"
    r"(?:things|what) (?:that )?(?:were|was|have been|has been)\s+([a-zåäö]{4,})|([a-zåäö]{4,})))?"
    r"(?:\s+(?:som (?:nämns|finns|beskrivs|tas upp)|(?:i|enligt) (?:den här |denna )?(?:delårs)?rapporten|"
    r"(?:in|according to|mentioned in) (?:the|this) report|(?:that are |which are )?mentioned))*\s*[?.!]*$")
# the same asked with what happened to things: "Vad har blivit försenat eller pausat under året?"
BECAME_ASKED = re.compile(
    r"(?i)^\W*(?:vad|what)\s+(?:har|has|have)\s+(?:blivit|varit|been)\s+([a-zåäö]{4,})"
    r"(?:\s+(?:eller|och|or|and)\s+([a-zåäö]{4,}))?(?:\s+(?:under året|under perioden|i år|hittills|this year|"
    r"so far))?\s*[?.!]*$")
PARTICIPLE = re.compile(r"(?:ats|at|ade|ad|ed|t)$")
# a modifier that narrows nothing: "vilka nya förseningar", "which other delays"
GENERIC_MODIFIERS = frozenset({"nya", "andra", "olika", "new", "other", "different", "the", "de", "all", "alla"})
MIN_MENTIONS = 2  # passages: one is a fact or a brief's
MAX_MENTIONS = 8  # passages: more, and the word is everywhere; a brief ranks them instead
MAX_POINTS = 10  # an inventory is all of them; past ten, the kind is too common for one
REPEATED = 0.8  # word overlap at which a mention repeats one already quoted
ROOT_MIN = 5  # letters a root must keep ("försen" of "förseningar" meets försenad, förseningen)
INFLECTION = re.compile(r"(?:ingarna|ingar|ingen|ing|erna|arna|orna|er|ar|or|en|et|s)$")
# what may follow a root in a word that names the kind: an inflection or a verb's ending, not another word
ENDING = re.compile(r"(?:ing(?:en|ar|arna)?|ad|ade|ades|at|ats|as|er|erna|ar|arna|or|orna|en|et|na|s|a|e|t|y|ies|"
                    r"ed|es|ing|ings)?")


class Kind(NamedTuple):
    """One kind of thing an inventory asks for: the root of its noun, the word narrowing it ("EU" in "Which EU
    directives …", or ""), and, for a setback asked without a narrowing word, the report's other words for one."""

    root: str
    modifier: str
    other_words: re.Pattern[str] | None


def asked_kinds(ctx: Context) -> list[Kind] | None:
    """The one or two kinds an inventory question asks about ("Vilka förseningar eller brister redovisas?"); None
    when it is no inventory or a noun is none of its words."""
    m = MENTIONS_ASKED.match(ctx.q.asked.strip())
    listed = LIST_ASKED.match(ctx.q.asked.strip()) if m is None and not requested_count(ctx.q.text) else None
    # (what became of things, as read: "vad har blivit forsenat … under aret" with its letters put back)
    became = (BECAME_ASKED.match(ctx.q.asked.strip()) or BECAME_ASKED.match(ctx.q.text.strip())) \
        if m is None and listed is None else None
    if m is None and listed is None and became is None:
        return None
    if became is not None:  # participles: "försenat" is «försen-», "pausat" «paus-»
        asked = [asked_kind(ctx, word.lower(), "", PARTICIPLE, ROOT_MIN - 1) for word in became.groups() if word]
    elif listed is not None:  # a noun, and maybe a second noun or what became of things ("saker som pausats")
        modifier = (listed.group(1) or "").lower().removesuffix(":s")
        asked = [asked_kind(ctx, listed.group(2).lower(), modifier)]
        if second := listed.group(5):
            asked.append(asked_kind(ctx, second.lower(), modifier))
        elif became_word := listed.group(3) or listed.group(4):
            asked.append(asked_kind(ctx, became_word.lower(), "", PARTICIPLE, ROOT_MIN - 1))
    else:
        modifier = (m.group(1) or "").lower().removesuffix(":s")
        asked = [asked_kind(ctx, word.lower(), modifier) for word in (m.group(2), m.group(3)) if word]
    if all(a is None for a in asked):
        return None
    kinds: list[Kind] = []
    for a in asked:
        if a is None:
            continue  # one of two kinds the report has no word for: "challenges or difficulties" lists challenges
        root, narrowed = a
        setback = next((kind for kind, said in SETBACK_KIND if said.search(root)), None)
        kinds.append(Kind(root, narrowed, SETBACK_STATED[setback] if setback and not narrowed else None))
    return kinds


def asked_kind(ctx: Context, word: str, modifier: str, ending: re.Pattern[str] = INFLECTION,
               shortest: int = ROOT_MIN) -> tuple[str, str] | None:
    """The root of the noun an inventory question asks about (Swedish, or the glossary's Swedish for English), and
    the word that narrows it ("EU" in "Which EU directives are mentioned?", or ""); None when the noun is none of
    the question's search words."""
    if ctx.q.lang == "en":
        found = translate(word)
        if not found:
            return None
        word = found[0].swedish[0].split()[0].lower()
    t = stem(word)
    if t not in ctx.q.terms and not any(t in alts for alts in ctx.q.alternatives.values()):
        return None
    # the word as written without its ending: "förseningar" is «försen-» of försenad, förseningen (the stemmer
    # cuts «försenad» to "förse")
    root = ending.sub("", word)
    if len(root) < shortest:
        return None
    return root, "" if modifier in GENERIC_MODIFIERS else modifier


def names_the_kind(u: Unit, root: str, modifier: str) -> bool:
    """A sentence with the word itself, inflected or made a verb («försenad»), not a compound it begins
    («bristyrken» is no «brist»)."""
    said = words(u.text)
    return not u.is_row and any(w.startswith(root) and ENDING.fullmatch(w[len(root):]) for w in said) \
        and (not modifier or modifier in said)


def tells_of_the_kind(u: Unit, kind: Kind) -> bool:
    """names_the_kind, or, for a setback (a delay), the report's other words for one («… flyttas
    beslutsplaneringen från december 2025 till april 2026», «i en långsammare takt»)."""
    if names_the_kind(u, kind.root, kind.modifier):
        return True
    return kind.other_words is not None and not u.is_row and kind.other_words.search(u.text) is not None


def with_what_it_points_back_to(u: Unit, root: str) -> Unit:
    """«Förseningen beror främst på …» says of which delay only in the sentence before."""
    if not (ANAPHORA.match(u.text) or next(iter(words(u.text)), "").startswith(root)):
        return u
    return joined_with(sentence_before(u), u) or u


def told_in_the_report(ctx: Context, wanted: Callable[[Unit], bool]) -> list[Unit]:
    """The sentences of the report asked about that `wanted` picks, in report order (no signposts)."""
    source = report_source(ctx)
    return [u for rank, chunk in enumerate(ctx.library.index.chunks)
            if source is None or chunk.meta.get("source") == source
            for u in units_of(chunk, rank) if wanted(u) and not is_signpost(u.text)]


def unrepeated(found: list[Unit], quoted: Callable[[Unit], Unit] = lambda u: u) -> list[Point]:
    """One point per thing said: the report's summary repeats a sentence of its body, word for word or nearly
    («EU:s direktiv CSRD»); `quoted`: what to quote for a sentence."""
    points: list[Point] = []
    for u in found:
        if not any(similarity(content(u), content(p.unit)) >= REPEATED for p in points):
            points.append(Point(quoted(u), 1.0))
    return points


def inventory(ctx: Context, points: list[Point]) -> Composition:
    """An inventory's points, under their headings in report order, each cited."""
    text, citations = ctx.render(points, EN_LEAD if ctx.q.lang == "en" else "")
    return Composition(text, citations, [p.unit for p in points], True, certain=True)


def compose_mentions(ctx: Context) -> Composition | None:
    """The inventory answer, or None when the question asks for none or the report's mentions are too few or
    too many for one."""
    kinds = asked_kinds(ctx)
    if not kinds:
        return None
    found = told_in_the_report(ctx, lambda u: any(tells_of_the_kind(u, k) for k in kinds))
    # (the bounds are of the passages naming the kind: a setback's other words only add to them)
    named = {u.chunk.id for u in found if any(names_the_kind(u, k.root, k.modifier) for k in kinds)}
    if len(named) > MAX_MENTIONS or len({u.chunk.id for u in found}) < MIN_MENTIONS or not named:
        return None
    points = unrepeated(found, lambda u: with_what_it_points_back_to(
        u, next(k.root for k in kinds if tells_of_the_kind(u, k))))
    # (a sentence quoted with the one before it holds that one: not a point of its own too)
    points = [p for p in points if not any(p.unit.text in o.unit.text and p is not o for o in points)][:MAX_POINTS]
    return inventory(ctx, points)


# a comparison with an earlier year the report states: «… ökat markant jämfört med föregående år», «Jämfört med år
# 2024 är budgeten … 18,5 Mkr högre år 2025», «… har ökat medan flygresorna minskat jämfört med 2023»
CHANGE_TOLD = re.compile(r"(?i)(?<![\wåäö])(?:jämfört med|jämfört mot|i jämförelse med|i förhållande till)\s+"
                         r"(?:år\s+)?(?:(?:19|20)\d\d|föregående år|förra året|fjolåret|samma period (?:föregående|förra) år)"
                         r"|(?:högre|lägre|fler|färre|större|mindre) än (?:föregående|förra) år"
                         r"|jämförelse görs mellan [^.]{0,40}(?:19|20)\d\d[^.]{0,40}(?:19|20)\d\d"
                         r"|(?:ökat|minskat|ökade|minskade|halverats|fördubblats)[^.]{0,60}\bsedan (?:19|20)\d\d")


def compose_changes(ctx: Context) -> Composition | None:
    """What the report says has changed since an earlier year, all of it ("Vad har förändrats jämfört med förra
    året?" names no topic: every comparison the report states is the answer), or None when it states too few."""
    points = unrepeated(told_in_the_report(ctx, lambda u: not u.is_row and CHANGE_TOLD.search(u.text) is not None))
    if len({p.unit.chunk.id for p in points}) < MIN_MENTIONS:
        return None
    return inventory(ctx, points[:MAX_POINTS])
