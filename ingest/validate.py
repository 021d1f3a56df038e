"""Is this file a report of the kind the assistant answers about? Checked before anything is embedded.

Without these checks a text without page markers was indexed as one page (every citation "s. 1"),
random bytes became 56 chunks of garbage and a 50 MB text would have taken 75 minutes to embed.
Each refusal says why and what to do.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import ParsedReport

MIN_PAGES = 2
MIN_TEXT_SHARE = 0.9  # letters, digits, spaces and ordinary punctuation among all characters


class NotAReport(IngestError):
    """The file can be read but is not a report of this kind."""


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a text file over the configured limit before reading it."""
    if path.suffix.lower() == ".pdf" or not path.is_file():
        return  # a PDF's size says little about its text; its extracted text is checked below
    size = path.stat().st_size
    if size > max_bytes:
        raise NotAReport(
            f"{path.name} är för stor ({size / 1e6:.1f} MB; gränsen är {max_bytes / 1e6:.1f} MB, "
            "inställningen max_report_bytes). Dela upp rapporten eller höj gränsen."
        )


def text_share(text: str) -> float:
    """The share of characters that ordinary report text is made of."""
    sample = text[:200_000]
    if not sample:
        return 0.0
    ok = 0
    for ch in sample:
        cat = unicodedata.category(ch)
        if ch.isspace() or cat[0] in "LN" or cat in ("Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Sc", "Sm"):
            ok += 1
    return ok / len(sample)


def check_report(report: ParsedReport, path: Path, max_bytes: int) -> None:
    """Refuse parsed text that is not a paged report: binary bytes, no page structure, too much text."""
    text = "\n".join(report.pages.values())
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise NotAReport(
            f"{path.name} innehåller för mycket text ({size / 1e6:.1f} MB; gränsen är {max_bytes / 1e6:.1f} MB, "
            "inställningen max_report_bytes). Dela upp rapporten eller höj gränsen."
        )
    share = text_share(text)
    if share < MIN_TEXT_SHARE or "\ufffd" in text[:200_000]:
        raise NotAReport(
            f"{path.name} ser inte ut att vara text (bara {share:.0%} vanliga tecken; troligen en binärfil eller "
            "fel teckenkodning). Ange rapportens text som UTF-8 (.txt) eller som PDF."
        )
    if path.suffix.lower() != ".pdf" and len(report.pages) < MIN_PAGES:
        raise NotAReport(
            f"{path.name} saknar sidmarkeringar och ser inte ut att vara en rapport: hittade {len(report.pages)} "
            "sida. Rapporttexten ska ha sidhuvuden som ”Delårsrapport 2025, Kommunstyrelsen 12(47)” eller börja "
            "varje sida med ett inledande mellanslag (se data/reports). Läs in PDF:en i stället om du har den."
        )
