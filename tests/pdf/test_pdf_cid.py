"""Glyphs without a Unicode mapping: pdfminer gives "(cid:127)"; bullets must not leak into the text."""

from __future__ import annotations

from ingest.pdf import group_lines


def _chars(items: list[tuple[str, float]], top: float = 100.0) -> list[dict]:
    out = []
    for text, x0 in items:
        width = 6.0 if text.startswith("(cid") else 5.0
        out.append({"text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + 10, "size": 10.0,
                    "fontname": "Calibri", "upright": True})
    return out


def test_cid_bullet_at_line_start_becomes_a_bullet_and_others_vanish():
    line1 = _chars([("(cid:127)", 50), ("M", 70), ("a", 75), ("l", 80), ("m", 85), ("ö", 90)], top=100)
    line2 = _chars([("A", 50), ("(cid:3)", 56), ("B", 63)], top=120)
    [a, b] = group_lines(line1 + line2)
    assert a.text == "• Malmö"
    assert b.text == "A B" and "cid" not in b.text
