"""Why there is a surplus or a deficit: the causes a reason answer gives, and how much each weighs.

A financial report explains its deviation from budget part by part (STYRELSEN, the tax-funded activity, the
self-financed activity), each under labels of signed amounts ("Personalkostnader + 7 Mkr"), and separately
explains why the period's result differs from the full-year forecast.
"""

from __future__ import annotations

import re

from assistant.answer.extractive import CAUSAL, SIGNED_AMOUNT, Unit, run_in_label
from assistant.answer.points import Point
from assistant.answer.question import DEFICIT_WORDS, SURPLUS_WORDS
from assistant.answer.tables import DEVIATION_COLUMN, parse_row
from assistant.textproc import stem

DEVIATION_TERM = stem("avvikelse")
# a cause stated as one, not a purpose ("för att"): "beror på", "Främsta orsaken", "hänförligt till"
STATED_CAUSE = re.compile(r"(?i)\b(?:beror|förklaras|orsak\w*|anledning\w*|till följd av|på grund av|hänförlig\w*|"
                          r"eftersom|effekt av|tack vare)\b")
LARGEST_DEVIATION = 0.2  # the bonus of a cause under the largest deviation of the sign asked (in proportion)
CAUSE_OF_DEVIATION = 0.15  # "Främsta orsaken till avvikelsen är …": the cause of the deviation asked about, stated
PART_FLOOR = 0.45  # a cause of another part of a surplus is quoted when at least this share of the best's relevance


def states_a_cause(text: str) -> bool:
    """A cause or a purpose in a sentence's words ("beror på", "för att", "Främsta orsaken …")."""
    return CAUSAL.search(text.lower()) is not None or STATED_CAUSE.search(text) is not None


def cause_weight(u: Unit, question: str, sign: int, largest: float) -> float:
    """What a sentence's kind of cause adds to its relevance in a reason answer (`sign`: the surplus or deficit
    asked about, if any; `largest`: the largest deviation of that sign among the candidates' labels)."""
    weight = LARGEST_DEVIATION * label_amount(u) / largest if largest and u.label_sign == sign else 0.0
    if sign and names_the_deviation(u) and STATED_CAUSE.search(u.text):
        weight += CAUSE_OF_DEVIATION
    if explains_the_period_gap(u) and not PERIOD_ASKED.search(question):
        weight -= PERIOD_GAP_CAUSE
    return weight


# an interim report explains two gaps: the year's deviation from budget, and why the period's result differs from
# the full-year forecast ("Den främsta anledningen till avvikelsen mellan periodens överskott och det
# prognostiserade helårsresultatet är …"); the second answers only a question about the period
PERIOD_SAID = re.compile(r"(?i)\b(?:period\w*|januari-augusti|jan-aug)")
FULL_YEAR_SAID = re.compile(r"(?i)\b(?:helår\w*|årsprognos\w*)")
PERIOD_ASKED = re.compile(r"(?i)\b(?:period\w*|januari|january|jan|augusti|august|aug|first eight months|first \d+ months|"
                          r"hittills|so far|to date|after august|efter augusti)\b")
PERIOD_GAP_CAUSE = 0.5  # takes back the bonuses of a cause (and of a stated cause of a deviation)


def explains_the_period_gap(u: Unit) -> bool:
    """A cause of the gap between the period's result and the forecast, told in the sentence or by its heading
    («De främsta orsakerna till avvikelserna för perioden är …» under «Relationen periodresultat och
    helårsprognos för stadskontoret»)."""
    said = f"{u.text} {u.chunk.meta.get('heading') or ''}"
    return PERIOD_SAID.search(said) is not None and FULL_YEAR_SAID.search(said) is not None \
        and CAUSAL.search(u.text.lower()) is not None


def tells_a_deviation(u: Unit, sign: int) -> bool:
    """A sentence that says why there is a surplus or deficit, or what it is: a cause, a deviation word or a
    deviation's label ("Personalkostnader + 7 Mkr"); a table row whose deviation has the sign asked."""
    if u.is_row:
        row = parse_row(u.text)
        deviation = next((v for c, v in row.cells.items() if DEVIATION_COLUMN.match(c)), None) if row else None
        return deviation is not None and deviation * sign > 0
    return bool(u.label_sign or CAUSAL.search(u.text.lower()) or names_the_deviation(u))


def names_the_deviation(u: Unit) -> bool:
    return bool((SURPLUS_WORDS | DEFICIT_WORDS) & u.stems or DEVIATION_TERM in u.stems)


def section_path(u: Unit) -> list[str]:
    return [h.strip() for h in str(u.chunk.meta.get("section") or "").split(" › ")]


def label_amount(u: Unit) -> float:
    """The size of the deviation a sentence's run-in label names ("Personalkostnader + 7 Mkr": 7), else 0."""
    m = SIGNED_AMOUNT.search(run_in_label(u.chunk))
    if m is None:
        return 0.0
    digits = re.sub(r"[^\d,]", "", m.group(0)).replace(",", ".")
    return float(digits) if digits else 0.0


def with_each_part(chosen: list[Point], points: list[Point], sign: int, floor: float, limit: int) -> list[Point]:
    """A surplus (or deficit) is the sum of its parts' deviations, each explained under its own heading in the
    same analysis (STYRELSEN, Kommunbidragsfinansierad verksamhet, Solidariskt och intäktsfinansierad
    verksamhet): a reason answer also gives the cause of each part its points leave out, the one under the
    largest deviation of the sign asked, up to `limit` points."""
    if not chosen:
        return chosen
    analysis = section_path(chosen[0].unit)[0]
    out = list(chosen)
    have = {section_path(p.unit)[-1] for p in out}
    # a part whose cause is given is explained, its subsections too ("Relationen periodresultat och helårsprognos
    # för styrelsen" under STYRELSEN explains another gap, the period's)
    explained = [section_path(p.unit) for p in out if STATED_CAUSE.search(p.unit.text)]
    causes = [p for p in points if p.relevance >= floor and p.unit.label_sign != -sign
              and section_path(p.unit)[0] == analysis and STATED_CAUSE.search(p.unit.text)
              and not any(len(path) < len(section_path(p.unit)) and section_path(p.unit)[:len(path)] == path
                          for path in explained)]
    # the largest deviation's cause first, and of its sentences the one that names the deviation ("Främsta orsaken
    # till avvikelsen är vakanser", not "Senareläggning av tillsättningar har flera orsaker")
    for p in sorted(causes, key=lambda p: (-label_amount(p.unit), not names_the_deviation(p.unit), -p.relevance)):
        section = section_path(p.unit)[-1]
        if len(out) >= limit:
            break
        if section not in have:
            have.add(section)
            out.append(p)
    return out
