"""The cited sentence highlighted inside its passage, as safe HTML.

The quote is verbatim from the report, but the passage (or the whole page)
may wrap it over line breaks, so matching ignores whitespace differences.
Everything from the report is HTML-escaped: report text is data, not markup.
"""

from __future__ import annotations

import html
import re

MARK_STYLE = "background:#fff1a8;color:inherit;padding:0 .1em;border-radius:2px"
BOX_STYLE = ("white-space:pre-wrap;font-size:0.92rem;line-height:1.55;border-left:3px solid #0a5fa6;"
             "padding:.35rem .8rem;margin:.25rem 0 .5rem 0;background:rgba(10,95,166,.04)")
# hyphenated line breaks in page text ("obliga-\ntion") and any whitespace run
_GAP = r"(?:\s+|-\s*\n\s*)"


def _pattern(text: str) -> re.Pattern[str] | None:
    words = text.split()
    if not words:
        return None
    return re.compile(_GAP.join(re.escape(w) for w in words))


def find_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """(start, end) spans of the quote in text; per sentence when the whole quote is not found
    (a quote of two sentences may straddle a heading or a table row in the page text)."""
    if not text or not quote or not quote.strip():
        return []
    pat = _pattern(quote)
    if pat and (m := pat.search(text)):
        return [m.span()]
    spans = []
    for part in re.split(r"(?<=[.!?])\s+|\n+", quote):
        if len(part.split()) < 3:
            continue  # a fragment this short would highlight something unrelated
        p = _pattern(part)
        if p and (m := p.search(text)):
            spans.append(m.span())
    return sorted(spans)


def highlight_html(text: str, quote: str) -> tuple[str, bool]:
    """(HTML of text with the quote in <mark>, whether the quote was found)."""
    spans = find_spans(text, quote)
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark style="{MARK_STYLE}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out), bool(spans)


def passage_box(text: str, quote: str) -> str:
    """A quoted box of the passage (or the page) with the cited sentence highlighted;
    when the quote is not in the text, the quote itself is shown highlighted above it,
    so the official still sees exactly what was cited."""
    body, found = highlight_html(text, quote)
    if not found and quote.strip():
        body = f'<mark style="{MARK_STYLE}">{html.escape(quote.strip())}</mark>' + (
            "\n\n" + body if text.strip() else "")
    return f'<div class="cite-passage" style="{BOX_STYLE}">{body}</div>'


def reflow(text: str, min_wrapped: int = 45) -> str:
    """Page text as paragraphs: PDF line breaks inside prose are joined, short lines
    (headings, table cells) and blank-line paragraph breaks are kept."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n") if ln.strip()]
        buf = ""
        for ln in lines:
            if buf and len(buf.rsplit("\n", 1)[-1]) >= min_wrapped and not buf.endswith(":"):
                buf = buf[:-1] + ln if buf.endswith("-") and ln[:1].islower() else f"{buf} {ln}"
            else:
                buf = f"{buf}\n{ln}" if buf else ln
        if buf:
            out.append(buf)
    return "\n\n".join(out)


def page_box(text: str, quote: str) -> str:
    """The whole page, reflowed, with the cited sentence highlighted, in a scrollable box."""
    box = passage_box(reflow(text), quote)
    return box.replace('style="', 'style="max-height:26rem;overflow-y:auto;', 1)
