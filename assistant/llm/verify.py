"""Check a generated answer against the sources it was given.

A model can cite a source that does not exist, put a number in a sentence
that its source does not contain, or follow an instruction planted in a
document and answer without any source. So, sentence by sentence:

1. every `[n]` must name a source that was given; an out-of-range marker makes
   the sentence unsupported (it is shown as `[?]`);
2. a sentence that states something needs at least one valid marker;
3. every number, amount and date in the sentence must occur in one of the
   sources it cites (number-aware: "600 Mkr" is "600 miljoner kronor"); a bare
   number equal to a cited source's page also passes.

Unsupported sentences are listed, and in the answer text they are marked: "⚠" before the
sentence, its markers removed (a normal-looking `[n]` would vouch for it) and the reason after
it, e.g. "⚠ Obligationen var på 650 miljoner kronor. (Ej belagt: 650 står inte i källa 1.)".
With `drop_unverified` they are dropped instead. The
citations returned are the sources actually cited, renumbered 1..k in order
of first use, each with the sentence or table row that best matches the
citing sentences as its quote, that unit's page, and `verified` True when
every sentence citing it passed. Headings and lead-ins ("Prognosen:") and the
refusal phrase are not claims and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from assistant.llm.context import Source
from assistant.models import Citation
from assistant.numbers import contains_quantity, find_quantities, normalise_text, numbers_in
from assistant.textproc import terms
from ingest.chunking import split_sentences

REFUSAL = {"sv": "Det framgår inte av rapporten.", "en": "The report does not say."}
WARN = "⚠"
_REASONS = {
    "sv": {"head": "Ej belagt", "invalid": "hänvisar till en källa som inte finns", "uncited": "saknar källa",
           "missing": "{items} står inte i {where}", "source": "källa {n}", "sources": "källorna {ns}"},
    "en": {"head": "Not verified", "invalid": "cites a source that does not exist", "uncited": "no source given",
           "missing": "{items} is not in {where}", "source": "source {n}", "sources": "sources {ns}"},
}
_REFUSAL_NORMS = ("det framgår inte av rapporten", "the report does not say")

MARKER = re.compile(
    r"\[\s*(?:(?:källa|källor|source|sources|ref)\.?\s*)?(\d{1,3}(?:\s*(?:,|;|och|and|&|–|-)\s*\d{1,3})*)\s*\]",
    re.IGNORECASE,
)
_MARKER_NUM = re.compile(r"\d+|[–-]")
# A sentence ends at . ! ? (plus closing quotes and any citation markers) before
# whitespace and a capital, digit, quote, bullet or bracket, or at the line end.
_SENT_END = re.compile(
    r"[.!?…]+[\"”')]*(?:\s*\[[^\[\]\n]{1,40}\])*(?=\s+[A-ZÅÄÖ0-9\"”'•(\[*–-]|\s*$)",
)
_ABBREV = re.compile(r"\b(?:t\.ex|bl\.a|m\.m|s\.k|d\.v\.s|dvs|ca|inkl|exkl|resp|jfr|e\.g|i\.e|nr|kap|s)$",
                     re.IGNORECASE)
_LIST_PREFIX = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)]|#{1,6})\s+")
_THINK = re.compile(r"<think>.*?(?:</think>|$)", re.DOTALL | re.IGNORECASE)


@dataclass
class Sentence:
    """One sentence of the answer and what its check found."""

    text: str  # as generated (markers in the model's numbering)
    cited: list[int] = field(default_factory=list)  # valid source numbers, in order
    invalid: list[int] = field(default_factory=list)
    missing_numbers: list[str] = field(default_factory=list)
    exempt: bool = False  # not a claim: heading, lead-in, refusal phrase

    @property
    def ok(self) -> bool:
        return self.exempt or (bool(self.cited) and not self.invalid and not self.missing_numbers)


@dataclass
class Verified:
    answer: str
    refused: bool
    citations: list[Citation]
    unsupported: list[str]
    sentences: list[Sentence]


def strip_think(text: str) -> str:
    """Remove a reasoning model's <think>…</think> block."""
    return _THINK.sub("", text).strip()


def marker_numbers(m: re.Match[str]) -> list[int]:
    """The numbers in one marker, ranges expanded ("[1–3]" is 1, 2, 3)."""
    out: list[int] = []
    tokens = _MARKER_NUM.findall(m[1])
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in "–-" and out and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            hi = int(tokens[i + 1])
            out.extend(range(out[-1] + 1, min(hi, out[-1] + 20) + 1))
            i += 2
            continue
        if tok.isdigit():
            out.append(int(tok))
        i += 1
    return out


def strip_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", MARKER.sub("", text)).strip()


def is_refusal(text: str) -> bool:
    """The model said the report does not answer: it starts so, or says so without citing anything."""
    norm = normalise_text(strip_markers(text)).lstrip("*_\"“” ")
    if any(norm.startswith(p) for p in _REFUSAL_NORMS):
        return True
    return not MARKER.search(text) and any(p in norm for p in _REFUSAL_NORMS)


def split_answer(text: str) -> list[tuple[str, str]]:
    """The answer as (sentence, separator-after) pairs; joining them gives the text back."""
    pieces: list[tuple[str, str]] = []
    for line, newline in re.findall(r"([^\n]*)(\n*)", text):
        if not line and not newline:
            continue
        start = 0
        for m in _SENT_END.finditer(line):
            if _ABBREV.search(line[start:m.start()]) and not MARKER.search(m[0]):
                continue  # "t.ex." is not a sentence end
            end = m.end()
            gap = len(line[end:]) - len(line[end:].lstrip())
            if line[start:end].strip():
                lead = len(line[start:end]) - len(line[start:end].lstrip())
                if pieces and lead:
                    pieces[-1] = (pieces[-1][0], pieces[-1][1] + line[start:start + lead])
                pieces.append((line[start + lead:end], line[end:end + gap]))
            start = end + gap
        rest = line[start:]
        if rest.strip():
            pieces.append((rest, ""))
        elif rest and pieces:
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + rest)
        if newline:
            if pieces:
                pieces[-1] = (pieces[-1][0], pieces[-1][1] + newline)
            else:
                pieces.append(("", newline))
    return pieces


def _claim_text(sentence: str) -> str:
    """The sentence without markers or list numbering, as scanned for numbers."""
    return _LIST_PREFIX.sub("", strip_markers(sentence))


def _is_exempt(sentence: str) -> bool:
    claim = _claim_text(sentence).strip(" *_")
    if not claim:
        return True
    if is_refusal(sentence) and not MARKER.search(sentence):
        return True
    if numbers_in(claim):
        return False
    return claim.endswith(":") or sentence.lstrip().startswith("#")


def _haystack(source: Source) -> str:
    meta = source.chunk.meta
    extra = [str(meta.get(k) or "") for k in ("section", "goal", "table_title", "table_header", "report_title")]
    return "\n".join([source.text, *extra])


def _cited_pages(sources: Sequence[Source]) -> set[float]:
    pages: set[float] = set()
    for s in sources:
        first, last = int(s.chunk.meta.get("page", 0) or 0), int(s.chunk.meta.get("page_end", 0) or 0)
        pages.update(float(p) for p in range(first, max(first, last) + 1))
    return pages


def reason(check: Sentence, mapping: dict[int, int], lang: str = "sv") -> str:
    """Why a sentence is not backed, in the answer's language and the answer's source numbers."""
    r = _REASONS.get(lang, _REASONS["sv"])
    parts: list[str] = []
    if check.invalid:
        parts.append(r["invalid"])
    if not check.cited and not check.invalid:
        parts.append(r["uncited"])
    if check.missing_numbers and check.cited:
        ns = [str(mapping.get(n, n)) for n in check.cited]
        where = r["source"].format(n=ns[0]) if len(ns) == 1 else r["sources"].format(ns=", ".join(ns))
        parts.append(r["missing"].format(items=", ".join(dict.fromkeys(check.missing_numbers)), where=where))
    return f"{r['head']}: {'; '.join(parts)}." if parts else f"{r['head']}."


def mark_unverified(check: Sentence, mapping: dict[int, int], lang: str = "sv") -> str:
    """The sentence as it reads in the answer: flagged, without markers, with the reason."""
    text = strip_markers(check.text)
    prefix = _LIST_PREFIX.match(text)
    lead = prefix.group(0) if prefix else ""
    return f"{lead}{WARN} {text[len(lead):]} ({reason(check, mapping, lang)})"


def check_sentence(sentence: str, sources: dict[int, Source]) -> Sentence:
    """Apply the three rules to one sentence."""
    result = Sentence(sentence, exempt=_is_exempt(sentence))
    for m in MARKER.finditer(sentence):
        for n in marker_numbers(m):
            target = result.cited if n in sources else result.invalid
            if n not in target:
                target.append(n)
    if result.exempt and not result.invalid:
        return result
    result.exempt = False
    claim = _claim_text(sentence)
    cited = [sources[n] for n in result.cited]
    pages = _cited_pages(cited)
    haystacks = [_haystack(s) for s in cited]
    for quantity, token in zip(find_quantities(claim), numbers_in(claim), strict=True):
        if quantity.unit is None and quantity.value in pages:
            continue
        if not any(contains_quantity(h, quantity) for h in haystacks):
            result.missing_numbers.append(token)
    return result


def _units(source: Source) -> Iterator[tuple[int, str]]:
    """Quotable units of a source with their offsets: table rows, or sentences."""
    text = source.text
    if source.is_table:
        offset = 0
        for i, line in enumerate(text.split("\n")):
            if i >= 2 and line.strip():
                yield offset, line.strip()
            offset += len(line) + 1
        return
    yield from split_sentences(text)


def page_at(source: Source, offset: int) -> int:
    """The page of a character offset in the chunk, from its sentence-page marks."""
    page = source.chunk.page
    for start, p in source.chunk.marks:
        if start <= offset:
            page = p
        else:
            break
    return page


def best_quote(source: Source, claims: Sequence[str]) -> tuple[str, int]:
    """The unit of the source that best matches the citing sentences, and its page."""
    claim = " ".join(_claim_text(c) for c in claims)
    quantities = find_quantities(claim)
    claim_terms = set(terms(claim))
    best: tuple[float, int, str] | None = None
    for offset, unit in _units(source):
        score = 3.0 * sum(contains_quantity(unit, q) for q in quantities)
        unit_terms = set(terms(unit))
        score += len(claim_terms & unit_terms) / (1.0 + 0.1 * len(unit_terms))
        if best is None or score > best[0]:
            best = (score, offset, unit)
    if best is None:
        return source.text.strip(), source.chunk.page
    return best[2], page_at(source, best[1])


def _citation(n: int, source: Source, claims: Sequence[str], verified: bool) -> Citation:
    meta = source.chunk.meta
    quote, page = best_quote(source, claims)
    return Citation(
        n=n, page=page, section=str(meta.get("section") or ""), goal=meta.get("goal") or None,
        goal_area=meta.get("goal_area") or None, quote=quote, source=str(meta.get("source") or ""),
        report_title=str(meta.get("report_title") or ""), chunk_id=source.chunk.id, passage=source.chunk.text,
        kind=str(meta.get("kind") or "text"), verified=verified,
    )


def renumber(text: str, mapping: dict[int, int]) -> str:
    """Rewrite markers to the new numbers; markers naming no given source become [?]."""
    def sub(m: re.Match[str]) -> str:
        new: list[int] = []
        for n in marker_numbers(m):
            if n in mapping and mapping[n] not in new:
                new.append(mapping[n])
        return "[" + ", ".join(map(str, new)) + "]" if new else "[?]"

    return MARKER.sub(sub, text)


def verify_answer(raw: str, sources: Sequence[Source], *, lang: str = "sv", drop_unverified: bool = False) -> Verified:
    """Verify the generated text and build the final answer text, citations and unsupported list."""
    text = strip_think(raw)
    if is_refusal(text):
        return Verified(REFUSAL.get(lang, REFUSAL["sv"]), True, [], [], [])
    by_n = {s.n: s for s in sources}
    pieces = split_answer(text)
    checks = [check_sentence(sentence, by_n) if sentence.strip() else Sentence(sentence, exempt=True)
              for sentence, _ in pieces]
    kept = [i for i, c in enumerate(checks) if c.ok or not drop_unverified]
    # first use among the kept sentences decides the new numbers
    mapping: dict[int, int] = {}
    for i in kept:
        for n in checks[i].cited:
            mapping.setdefault(n, len(mapping) + 1)
    out: list[str] = []
    for i in kept:
        sentence, sep = pieces[i]
        if checks[i].ok:
            out.append(renumber(sentence, mapping) + sep)
        else:
            out.append(mark_unverified(checks[i], mapping, lang) + sep)
    answer = re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()
    # an unsupported sentence as it reads in the answer, or (when dropped) without its markers
    unsupported = [(strip_markers(c.text) if drop_unverified else renumber(c.text, mapping).strip())
                   for c in checks if not c.ok]
    if not answer or (drop_unverified and not mapping):
        # nothing verifiable is left: say so rather than show unsupported text as an answer
        return Verified(REFUSAL.get(lang, REFUSAL["sv"]), True, [], unsupported, checks)
    citations = []
    for old, new in sorted(mapping.items(), key=lambda kv: kv[1]):
        citing = [checks[i] for i in kept if old in checks[i].cited]
        citations.append(_citation(new, by_n[old], [c.text for c in citing], all(c.ok for c in citing)))
    return Verified(answer, False, citations, unsupported, checks)
