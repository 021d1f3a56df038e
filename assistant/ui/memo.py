"""Memo text: an answer as officials write it in a PM, with footnoted sources.

Officials paste answers into Word memos (plain text, superscript footnote
numbers) or into Markdown documents (`[^1]` footnotes). Markers are renumbered
in order of first appearance so a memo never starts at footnote 3, and every
citation gets its own footnote even when two cite the same page: the reader
of the memo must be able to find each quoted sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Answer, Citation

PUBLISHER = {"sv": "Malmö stad", "en": "City of Malmö"}
SOURCE_WORD = {"sv": "Källa", "en": "Source"}
PAGE_ABBR = {"sv": "s.", "en": "p."}
DEFAULT_TITLE = "Delårsrapport 2025, Kommunstyrelsen"

# "[1]", "[1, 2]", "[1][2]" (with optional space before) in the answer text
MARKER = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _lang(lang: str | None) -> str:
    return "en" if (lang or "sv").lower().startswith("en") else "sv"


def source_line(c: Citation, lang: str = "sv") -> str:
    """`Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28.`"""
    lg = _lang(lang)
    title = (c.report_title or DEFAULT_TITLE).strip().rstrip(".")
    return f"{SOURCE_WORD[lg]}: {PUBLISHER[lg]}, {title}, {PAGE_ABBR[lg]} {c.page}."


def renumber(text: str, citations: Sequence[Citation]) -> tuple[str, list[tuple[int, Citation]], list[str]]:
    """The text with markers as placeholders, the (new number, citation) list, and
    the marker groups in order: each group is a space-free tag like "1,2".

    Returns text where each marker group is replaced by "\x00{i}\x00" (index into
    the groups list), so the caller can render the groups in any footnote style.
    """
    by_n = {c.n: c for c in citations}
    order: list[int] = []  # old numbers in first-appearance order
    groups: list[str] = []

    def collect(m: re.Match[str]) -> str:
        olds = [int(x) for x in re.split(r"\s*,\s*", m.group(1))]
        news = []
        for old in olds:
            if old not in by_n:
                continue  # a stray "[7]" without a citation is dropped, never invented
            if old not in order:
                order.append(old)
            news.append(str(order.index(old) + 1))
        groups.append(",".join(news))
        return f"\x00{len(groups) - 1}\x00"

    body = MARKER.sub(collect, text).strip()
    # citations the text never points to still belong in the memo: attach them at the end
    rest = [c.n for c in citations if c.n not in order]
    if rest:
        order.extend(rest)
        groups.append(",".join(str(order.index(n) + 1) for n in rest))
        body += f"\x00{len(groups) - 1}\x00"
    numbered = [(i + 1, by_n[old]) for i, old in enumerate(order)]
    return body, numbered, groups


def _fill(body: str, groups: list[str], style: str) -> str:
    def mark(tag: str) -> str:
        if not tag:
            return ""
        nums = tag.split(",")
        if style == "markdown":
            return "".join(f"[^{n}]" for n in nums)
        return ",".join(n.translate(SUPERSCRIPT) for n in nums)

    return re.sub(r"\x00(\d+)\x00", lambda m: mark(groups[int(m.group(1))]), body)


def _memo(answer: Answer, lang: str | None, style: str) -> str:
    lg = _lang(lang or answer.lang)
    if answer.refused or not answer.citations:
        return MARKER.sub("", answer.answer).strip()
    body, numbered, groups = renumber(answer.answer, answer.citations)
    if style == "plain":
        notes = [f"{str(n).translate(SUPERSCRIPT)} {source_line(c, lg)}" for n, c in numbered]
    else:
        notes = [f"[^{n}]: {source_line(c, lg)}" for n, c in numbered]
    return _fill(body, groups, style) + "\n\n" + "\n".join(notes)


def memo_plain(answer: Answer, lang: str | None = None) -> str:
    """Plain text for Word: superscript footnote numbers, footnotes below a rule."""
    return _memo(answer, lang, "plain")


def memo_markdown(answer: Answer, lang: str | None = None) -> str:
    """Markdown with `[^n]` footnotes (Pandoc, GitHub, Obsidian, Word via Pandoc)."""
    return _memo(answer, lang, "markdown")
