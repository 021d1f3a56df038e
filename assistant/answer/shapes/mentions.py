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

from assistant.answer.extractive import Unit, is_signpost, sentence_before, units_of
from assistant.answer.points import ANAPHORA, Point, content, joined_with
from assistant.answer.shapes.base import Composition, Context
from assistant.answer.shapes.brief import EN_LEAD
from assistant.answer.shapes.outline import report_source
from assistant.glossary import translate
from assistant.textproc import similarity, stem, words

# "vilka X finns (det) (i rapporten)?", "vilka X redovisas / nämns / beskrivs?", "which X does the report mention?",
# "what X are mentioned?": the clause ends there (a place or a part after it, "finns i prognosen", narrows it)
MENTIONS_ASKED = re.compile(
    r"(?i)^\W*(?:vilka|vilken|vilket|which|what)\s+(?:([a-zåäö]{2,}(?::s)?)\s+)??([a-zåäö]{4,})\s+"
    r"(?:(?:finns(?: det)?|redovisas|nämns|beskrivs|tas upp|lyfts fram|rapporteras)(?: (?:det )?i (?:den här |denna )?"
    r"(?:delårs)?rapporten)?|(?:does|do) (?:the|this) report (?:mention|list|report|describe|name)|"
    r"(?:are|were|is|was) (?:mentioned|reported|described|listed|named)(?: in (?:the|this) report)?|"
    r"are there(?: in (?:the|this) report)?)\s*(?:[?.!]|$)")
# a modifier that narrows nothing: "vilka nya förseningar", "which other delays"
GENERIC_MODIFIERS = frozenset({"nya", "andra", "olika", "new", "other", "different", "the", "de", "all", "alla"})
MIN_MENTIONS = 2  # passages: one is a fact or a brief's
MAX_MENTIONS = 8  # passages: more, and the word is everywhere; a brief ranks them instead
MAX_POINTS = 8
REPEATED = 0.8  # word overlap at which a mention repeats one already quoted
ROOT_MIN = 5  # letters a root must keep ("försen" of "förseningar" meets försenad, förseningen)
INFLECTION = re.compile(r"(?:ingarna|ingar|ingen|ing|erna|arna|orna|er|ar|or|en|et|s)$")


def asked_kind(ctx: Context) -> tuple[str, str] | None:
    """The root of the noun an inventory question asks about (Swedish, or the glossary's Swedish for English), and
    the word that narrows it ("EU" in "Which EU directives are mentioned?", or ""); None when the question is no
    inventory or the noun is none of its search words."""
    m = MENTIONS_ASKED.match(ctx.q.asked.strip())
    if m is None:
        return None
    modifier = (m.group(1) or "").lower().removesuffix(":s")
    word = m.group(2).lower()
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
    root = INFLECTION.sub("", word)
    if len(root) < ROOT_MIN:
        return None
    return root, "" if modifier in GENERIC_MODIFIERS else modifier


def names_the_kind(u: Unit, root: str, modifier: str) -> bool:
    said = words(u.text)
    return not u.is_row and any(w.startswith(root) for w in said) and (not modifier or modifier in said)


def with_what_it_points_back_to(u: Unit, root: str) -> Unit:
    """«Förseningen beror främst på …» says of which delay only in the sentence before."""
    if not (ANAPHORA.match(u.text) or next(iter(words(u.text)), "").startswith(root)):
        return u
    return joined_with(sentence_before(u), u) or u


def compose_mentions(ctx: Context) -> Composition | None:
    """The inventory answer, or None when the question asks for none or the report's mentions are too few or
    too many for one."""
    asked = asked_kind(ctx)
    if asked is None:
        return None
    root, modifier = asked
    source = report_source(ctx)
    found: list[Unit] = []
    for rank, chunk in enumerate(ctx.library.index.chunks):
        if source is not None and chunk.meta.get("source") != source:
            continue
        found += [u for u in units_of(chunk, rank) if names_the_kind(u, root, modifier) and not is_signpost(u.text)]
    passages = {u.chunk.id for u in found}
    if not MIN_MENTIONS <= len(passages) <= MAX_MENTIONS:
        return None
    points: list[Point] = []
    for u in found:
        # the report's summary repeats a sentence of its body, word for word or nearly («EU:s direktiv CSRD»)
        if any(similarity(content(u), content(p.unit)) >= REPEATED for p in points):
            continue
        points.append(Point(with_what_it_points_back_to(u, root), 1.0))
    # (a sentence quoted with the one before it holds that one: not a point of its own too)
    points = [p for p in points if not any(p.unit.text in o.unit.text and p is not o for o in points)][:MAX_POINTS]
    text, citations = ctx.render(points, EN_LEAD if ctx.q.lang == "en" else "")
    return Composition(text, citations, [p.unit for p in points], True, certain=True)
