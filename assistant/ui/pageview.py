"""The cited page itself: a PDF source's page rendered (pdfplumber → pypdfium2) with the quoted
sentence's words marked by boxes, as officials know it from NotebookLM and kotaemon.

The quote is found among the page's words (pdfplumber `extract_words`) by comparing letters and digits
only, so line breaks, hyphenation ("obliga-" / "tion") and bullets do not matter. The boxes are one per
printed line of the quote, in PDF points; the HTML puts them over the image in percent of the page, so
they stay on the words at every zoom. Text reports have no page image: the caller shows the text view.
"""

from __future__ import annotations

import base64
import html
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

BOX_COLOR = (255, 214, 0)
_ALNUM = re.compile(r"[^0-9a-zåäöéüæøß]+")


@dataclass
class PageImage:
    """A rendered page and where the quote is on it (boxes in PDF points: x0, top, x1, bottom)."""

    png: bytes
    width: float  # page size in points
    height: float
    pdf_index: int  # 0-based page in the PDF
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.boxes)


def pdf_path(settings: Any, source: str) -> Path | None:
    """Where a PDF source lives: the bundled reports, the uploads folder (also per-owner subfolders)."""
    if not source.lower().endswith(".pdf"):
        return None
    uploads = Path(settings.data_dir) / "uploads"
    candidates = [Path(settings.reports_dir) / source, uploads / source]
    if uploads.is_dir():
        candidates += sorted(p for p in uploads.glob(f"*/{source}") if not p.parent.name.startswith(".staging"))
    return next((p for p in candidates if p.is_file()), None)


def _norm(text: str) -> str:
    return _ALNUM.sub("", text.lower())


def quote_word_indices(words: list[dict[str, Any]], quote: str) -> list[int]:
    """Indices of the page words that spell the quote (or, failing that, its sentences of 3+ words)."""
    joined, owner = "", []
    for i, w in enumerate(words):
        n = _norm(w["text"])
        joined += n
        owner += [i] * len(n)

    def find(part: str) -> list[int]:
        target = _norm(part)
        if len(target) < 8:
            return []
        pos = joined.find(target)
        if pos < 0:
            return []
        return sorted(set(owner[pos:pos + len(target)]))

    hit = find(quote)
    if hit:
        return hit
    out: list[int] = []
    for part in re.split(r"(?<=[.!?])\s+|\n+", quote):
        if len(part.split()) >= 3:
            out += find(part)
    return sorted(set(out))


def line_boxes(words: list[dict[str, Any]], indices: list[int], pad: float = 1.5) -> list[tuple[float, ...]]:
    """One box per printed line of the chosen words (x0, top, x1, bottom in points)."""
    lines: list[list[dict[str, Any]]] = []
    for i in indices:
        w = words[i]
        if lines and abs(lines[-1][0]["top"] - w["top"]) < 0.6 * (w["bottom"] - w["top"]):
            lines[-1].append(w)
        else:
            lines.append([w])
    return [(min(w["x0"] for w in ln) - pad, min(w["top"] for w in ln) - pad,
             max(w["x1"] for w in ln) + pad, max(w["bottom"] for w in ln) + pad) for ln in lines]


def _find_page(pdf: Any, page: int, quote: str) -> tuple[int, list[dict[str, Any]], list[int]]:
    """The PDF page that holds the quote: the cited page number first (text page N is PDF page N in the
    reports we read), then its neighbours, then every page; the cited page without a match at the end."""
    n = len(pdf.pages)
    guess = min(max(page - 1, 0), n - 1)
    order = [guess, *[i for d in (1, -1, 2, -2) if 0 <= (i := guess + d) < n]]
    order += [i for i in range(n) if i not in order]
    for i in order:
        words = pdf.pages[i].extract_words(keep_blank_chars=False, use_text_flow=False)
        idx = quote_word_indices(words, quote)
        if idx:
            return i, words, idx
    return guess, [], []


@lru_cache(maxsize=64)
def render_page(path: str, mtime: float, page: int, quote: str, resolution: int = 110) -> PageImage:
    """The page as PNG with the quote's lines boxed (cached per file version, page, quote and zoom)."""
    import pdfplumber
    from PIL import Image, ImageDraw

    with pdfplumber.open(path) as pdf:
        index, words, idx = _find_page(pdf, page, quote)
        p = pdf.pages[index]
        boxes = line_boxes(words, idx) if idx else []
        img = p.to_image(resolution=resolution).original.convert("RGBA")
        scale = resolution / 72.0
        overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for x0, top, x1, bottom in boxes:
            draw.rectangle([x0 * scale, top * scale, x1 * scale, bottom * scale], fill=(*BOX_COLOR, 90),
                           outline=(*BOX_COLOR, 255), width=2)
        out = io.BytesIO()
        Image.alpha_composite(img, overlay).convert("RGB").save(out, format="PNG", optimize=True)
        return PageImage(out.getvalue(), float(p.width), float(p.height), index, boxes)


def page_image(settings: Any, source: str, page: int, quote: str, zoom: float = 1.0) -> PageImage | None:
    """The rendered page for a citation, or None for a text source or a PDF that is gone or unreadable."""
    path = pdf_path(settings, source)
    if path is None:
        return None
    try:
        return render_page(str(path), path.stat().st_mtime, int(page), quote, round(110 * zoom))
    except Exception:  # a damaged or replaced file: the text view is the fallback
        import logging

        logging.getLogger("assistant.ui").warning("Could not render %s page %s", source, page, exc_info=True)
        return None


def page_html(img: PageImage, zoom: float = 1.0, alt: str = "") -> str:
    """The page image with the boxes as positioned elements (class hl-box, in percent of the page) inside
    a scrollable frame; zoom widens the page beyond the column."""
    data = base64.b64encode(img.png).decode()
    marks = "".join(
        f'<div class="hl-box" data-box="{x0:.1f},{top:.1f},{x1:.1f},{bottom:.1f}" style="position:absolute;'
        f"left:{100 * x0 / img.width:.3f}%;top:{100 * top / img.height:.3f}%;"
        f"width:{100 * (x1 - x0) / img.width:.3f}%;height:{100 * (bottom - top) / img.height:.3f}%;"
        'border:2px solid #e0a800;background:rgba(255,214,0,.18);border-radius:2px;pointer-events:none"></div>'
        for x0, top, x1, bottom in img.boxes)
    return (f'<div class="page-frame" style="max-height:40rem;overflow:auto;border:1px solid #d5dde5;'
            f'border-radius:.4rem;background:#eef2f6">'
            f'<div class="page-view" data-page-w="{img.width:.1f}" data-page-h="{img.height:.1f}" '
            f'style="position:relative;width:{100 * zoom:.0f}%;margin:0 auto">'
            f'<img class="page-img" alt="{html.escape(alt)}" src="data:image/png;base64,{data}" '
            f'style="display:block;width:100%;height:auto">{marks}</div></div>')
