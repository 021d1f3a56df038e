"""From a file on disk to parsed structure and chunks: the ingester's entry point."""

from __future__ import annotations

from pathlib import Path

from ingest.chunking import Chunk, Chunker
from ingest.errors import IngestError
from ingest.model import ParsedReport
from ingest.report_text import page_texts, paginate, read_text_file
from ingest.structure import parse_structure

SUPPORTED = (".txt", ".md", ".pdf")


def parse_report(path: str | Path) -> ParsedReport:
    """Parse a report file (.txt from a PDF extractor, or a .pdf)."""
    p = Path(path)
    if p.suffix.lower() == ".pdf":
        from ingest.pdf import read_pdf_lines

        warnings: list[str] = []
        lines, title = read_pdf_lines(p, warnings)
    else:
        if p.exists() and p.is_file() and p.suffix.lower() not in SUPPORTED:
            head = p.read_bytes()[:8]
            if head.startswith(b"%PDF"):
                raise IngestError(f"{p} är en PDF men heter inte .pdf; byt filändelse och försök igen.")
        text = read_text_file(p)
        warnings = []
        lines, _total, title = paginate(text, warnings)
    title = title or p.stem.replace("-", " ").replace("_", " ").strip()
    report = parse_structure(lines, source=p.name, title=title, pages=page_texts(lines), warnings=warnings)
    if not report.passages and not report.tables:
        raise IngestError(f"Ingen text att indexera i {p}.")
    return report


def chunk_report(report: ParsedReport, max_tokens: int = 220) -> list[Chunk]:
    return Chunker(max_tokens=max_tokens).chunk(report)
