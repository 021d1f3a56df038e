"""Bad PDFs are refused with a message that says what to do, and the store is left as it was."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant.api import Assistant
from assistant.errors import AssistantError
from ingest.errors import IngestError
from ingest.pdf import NO_TEXT_LAYER, read_pdf_lines
from ingest.pipeline import parse_report

EXPECTED = {
    "scanned": "PDF:en saknar textlager – kör OCR först",
    "encrypted": "lösenordsskyddad",
    "truncated": "ofullständig",
    "not_pdf": "ingen PDF",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_bad_pdf_refused_with_advice(kind: str, bad_pdfs: dict[str, Path]) -> None:
    with pytest.raises(IngestError) as err:
        parse_report(bad_pdfs[kind])
    message = str(err.value)
    assert EXPECTED[kind] in message
    assert bad_pdfs[kind].name in message or kind == "scanned"
    assert "Traceback" not in message and len(message) < 400


def test_scanned_message_starts_exactly(bad_pdfs: dict[str, Path]) -> None:
    with pytest.raises(IngestError) as err:
        read_pdf_lines(bad_pdfs["scanned"], [])
    assert str(err.value).startswith("PDF:en saknar textlager – kör OCR först")
    assert NO_TEXT_LAYER == "PDF:en saknar textlager – kör OCR först"


def test_owner_password_only_is_readable(fixture_pdf: Path, tmp_path: Path) -> None:
    """Permission-only encryption (empty user password) is common on published reports; it opens."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(fixture_pdf))
    writer.encrypt(user_password="", owner_password="ägare")
    buf = io.BytesIO()
    writer.write(buf)
    path = tmp_path / "skyddad.pdf"
    path.write_bytes(buf.getvalue())
    lines, title = read_pdf_lines(path, [])
    assert title == "Delårsrapport 2025, Kommunstyrelsen"
    assert any("600 miljoner" in ln.text for ln in lines if ln.page == 28)


@pytest.mark.parametrize("content", [b"", None])
def test_empty_or_missing_file(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "rapport.pdf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(IngestError, match=r"tom|finns inte"):
        read_pdf_lines(path, [])


def test_html_saved_as_pdf_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "rapport.pdf"
    path.write_text("<!DOCTYPE html><html><body>404 Not Found</body></html>", encoding="utf-8")
    with pytest.raises(IngestError, match="webbsida"):
        read_pdf_lines(path, [])


@pytest.mark.e2e
def test_bad_pdfs_leave_the_store_answering(txt_assistant: Assistant, bad_pdfs: dict[str, Path]) -> None:
    assistant = txt_assistant
    before = {r.source: r.content_hash for r in assistant.reports()}
    assert list(before) == ["delarsrapport-2025-kommunstyrelsen.txt"]
    for kind, path in bad_pdfs.items():
        with pytest.raises((IngestError, AssistantError)) as err:
            assistant.ingest(path)
        assert EXPECTED[kind] in str(err.value)
    assert {r.source: r.content_hash for r in assistant.reports()} == before
    hits = assistant.retrieve("social obligation")
    assert 28 in [chunk.page for chunk, _ in hits[:3]], [(c.page, s) for c, s in hits]
