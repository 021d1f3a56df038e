"""Fixtures for the PDF path: the fixture PDF (built once per session), broken PDFs, and a place to
report measurements at the end of the run instead of asserting on machine-dependent timings."""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from assistant.api import Assistant
from assistant.config import Settings
from ingest.model import ParsedReport
from ingest.pipeline import parse_report
from tests.pdf.make_fixture import REPORT_TXT, build_fixture

MEASUREMENTS: list[str] = []


def measure(line: str) -> None:
    """Record a benchmark line; printed in the terminal summary so it shows without -s."""
    MEASUREMENTS.append(line)


@pytest.fixture(scope="session")
def bench() -> Callable[[str], None]:
    """`measure` as a fixture: importing it from tests would load a second copy of this module."""
    return measure


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if MEASUREMENTS:
        terminalreporter.section("PDF ingest measurements")
        for line in MEASUREMENTS:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def fixture_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("pdf") / "delarsrapport-2025-kommunstyrelsen.pdf")


@pytest.fixture(scope="session")
def text_report() -> ParsedReport:
    return parse_report(REPORT_TXT)


@pytest.fixture(scope="session")
def pdf_report(fixture_pdf: Path) -> ParsedReport:
    t0 = time.perf_counter()
    report = parse_report(fixture_pdf)
    measure(f"parse_report(fixture PDF, 47 pages): {time.perf_counter() - t0:.2f} s")
    return report


# -- broken inputs ----------------------------------------------------------------------------------


def _scanned_pdf(path: Path) -> Path:
    """Pages that are only an image and vector shapes, like a scan: no text operators at all."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 18):  # grey bars where lines of text would be
        draw.rectangle((30, y, 370 - (y * 7) % 90, y + 8), fill=60)
    c = Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.drawImage(ImageReader(img), 60, 120, width=470, height=660)
        c.rect(50, 110, 490, 680)
        c.circle(300, 60, 12, fill=1)
        c.showPage()
    c.save()
    return path


def _encrypted_pdf(source: Path, path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=source)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture(scope="session")
def bad_pdfs(fixture_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    data = fixture_pdf.read_bytes()
    truncated = d / "avkortad.pdf"
    truncated.write_bytes(data[: len(data) // 2])
    not_pdf = d / "inte-en-pdf.pdf"
    not_pdf.write_text("Delårsrapport 2025\nDet här är en textfil som fått fel filändelse.\n", encoding="utf-8")
    return {
        "scanned": _scanned_pdf(d / "inskannad.pdf"),
        "encrypted": _encrypted_pdf(fixture_pdf, d / "krypterad.pdf"),
        "truncated": truncated,
        "not_pdf": not_pdf,
    }


# -- an assistant with its own store --------------------------------------------------------------


@pytest.fixture(scope="session")
def txt_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """An assistant whose private store holds the bundled .txt report (and nothing else)."""
    root = tmp_path_factory.mktemp("store")
    reports = root / "reports"
    reports.mkdir()
    (reports / REPORT_TXT.name).write_bytes(REPORT_TXT.read_bytes())
    assistant = Assistant(Settings(data_dir=root / "data", reports_dir=reports))
    t0 = time.perf_counter()
    assistant.ingest(reports / REPORT_TXT.name)
    measure(f"Assistant.ingest(.txt) for the error tests: {time.perf_counter() - t0:.2f} s")
    yield assistant
