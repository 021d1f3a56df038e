"""The memo in Word: an answer, or the whole conversation, as a .docx with numbered sources.

Officials write memos in Word. Each answer keeps the memo's footnote numbering (assistant.ui.memo:
renumbered in order of first use, superscript in the text) and ends with a numbered source list:
"1. Källa: Malmö stad, Delårsrapport 2025, Kommunstyrelsen, s. 28." plus the quoted sentence, so the
reader can find it. A refused answer has no sources and says so. Built with python-docx.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from assistant.models import Answer
from assistant.ui.memo import renumber, source_line

HEAD = {
    "sv": {"title": "PM – underlag från rapportassistenten", "question": "Fråga", "sources": "Källor",
           "created": "Skapad", "scope": "Sökt i", "quote": "Citat", "none": "Rapporten svarar inte på frågan.",
           "check": "Kontrollera källan: svaret är det närmaste stället i rapporten, inte ett säkert svar."},
    "en": {"title": "Memo – from the report assistant", "question": "Question", "sources": "Sources",
           "created": "Created", "scope": "Searched in", "quote": "Quote", "none": "The report does not answer this.",
           "check": "Check the source: the answer is the nearest passage in the report, not a sure answer."},
}


def _lang(lang: str | None) -> str:
    return "en" if (lang or "sv").lower().startswith("en") else "sv"


def _add_answer(doc: Any, answer: Answer, lang: str) -> None:
    """The answer paragraph with superscript footnote numbers, then its numbered sources."""
    words = HEAD[lang]
    if answer.refused or not answer.citations:
        doc.add_paragraph(re.sub(r"\s*\[\d+(?:\s*,\s*\d+)*\]", "", answer.answer).strip() or words["none"])
        return
    if answer.confidence_level == "check":
        doc.add_paragraph(words["check"]).runs[0].italic = True
    body, numbered, groups = renumber(answer.answer, answer.citations)
    # a brief's "**Rubrik** (s. N)" lines become bold lines, its "- punkt" lines bullets
    for line in (ln for ln in body.split("\n") if ln.strip()):
        bullet = line.startswith("- ")
        para = doc.add_paragraph(style="List Bullet") if bullet else doc.add_paragraph()
        heading = re.match(r"^\*\*(.+?)\*\*(.*)$", line)
        if heading:
            para.add_run(heading.group(1)).bold = True
            line = heading.group(2)
        for piece in re.split(r"(\x00\d+\x00)", line[2:] if bullet else line):
            m = re.fullmatch(r"\x00(\d+)\x00", piece)
            if m:
                tag = groups[int(m.group(1))]
                if tag:
                    para.add_run(tag).font.superscript = True
            elif piece:
                para.add_run(piece)
    doc.add_paragraph(words["sources"]).runs[0].bold = True
    for _n, c in numbered:
        item = doc.add_paragraph(style="List Number")
        item.add_run(source_line(c, lang))
        if c.quote.strip():
            item.add_run(f" ”{c.quote.strip()}”").italic = True


def to_docx(messages: Sequence[dict[str, Any]], lang: str = "sv", report_title: str = "",
            now: datetime | None = None) -> bytes:
    """A Word document of the given exchanges (one for an answer's memo, all for the conversation)."""
    from docx import Document
    from docx.shared import Pt

    lg = _lang(lang)
    words = HEAD[lg]
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)
    doc.core_properties.title = report_title or words["title"]
    doc.core_properties.author = "Rapportassistenten"
    doc.add_heading(words["title"], level=1)
    stamp = (now or datetime.now()).strftime("%Y-%m-%d %H:%M")
    doc.add_paragraph(f"{report_title} · {words['created']} {stamp}" if report_title else f"{words['created']} {stamp}")
    for m in messages:
        answer: Answer = m["answer"]
        doc.add_heading(f"{words['question']}: {m['question']}", level=2)
        _add_answer(doc, answer, _lang(answer.lang or lg))
        scope = answer.scope or m.get("scope")
        if scope:
            doc.add_paragraph(f"{words['scope']}: {scope}").runs[0].font.size = Pt(9)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def file_name(prefix: str = "rapportassistent", now: datetime | None = None) -> str:
    return f"{prefix}-{(now or datetime.now()):%Y%m%d-%H%M}.docx"
