"""The report library in the app: save an uploaded report, ingest it with progress, and scope questions
to one report. Pure functions without Streamlit, so they are unit-testable; streamlit_app.py only lays
them out.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import threading
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.models import Filters, Progress
from assistant.store import owner_tag
from assistant.ui.i18n import t
from ingest.errors import IngestError

log = logging.getLogger("assistant.ui")

ALLOWED_SUFFIXES = (".pdf", ".txt")
MAX_UPLOAD_BYTES = 50_000_000  # the text reader's own limit (ingest/report_text.py)
MAX_NAME_CHARS = 100


@dataclass
class UploadResult:
    """What the sidebar shows after an upload: ok or not, and a message for the official."""

    ok: bool
    message: str
    source: str | None = None  # the report's name in the library (its safe file name)
    status: str = "error"  # ingested | unchanged | error
    chunks: int = 0
    title: str = ""
    warnings: list[str] = field(default_factory=list)


def uploads_dir(settings: Any) -> Path:
    return Path(settings.data_dir) / "uploads"


def safe_filename(name: str) -> str:
    """A file name that cannot escape the uploads folder or confuse a shell: the base name only, letters
    (å, ä, ö kept), digits, '-', '_' and one '.' before a lower-case suffix. The name is the report's id in the
    library, so the same upload always maps to the same report."""
    base = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^\w-]+", "-", stem, flags=re.UNICODE).strip("-_.")
    stem = re.sub(r"-{2,}", "-", stem)[: MAX_NAME_CHARS - 5] or "rapport"
    suffix = re.sub(r"[^a-z0-9]", "", suffix.lower())[:4]
    return f"{stem}.{suffix}" if suffix else stem


def check_upload(name: str, data: bytes, lang: str = "sv") -> str:
    """The safe file name, or IngestError with a message that says what to do."""
    safe = safe_filename(name)
    suffix = Path(safe).suffix
    if suffix not in ALLOWED_SUFFIXES:
        raise IngestError(t("lib_bad_type", lang, name=name))
    if not data:
        raise IngestError(t("lib_empty", lang, name=name))
    if len(data) > MAX_UPLOAD_BYTES:
        raise IngestError(t("lib_too_big", lang, name=name, mb=MAX_UPLOAD_BYTES // 1_000_000))
    if suffix == ".pdf" and not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError(t("lib_not_pdf", lang, name=name))
    if suffix == ".txt" and data[:5].startswith(b"%PDF"):
        raise IngestError(t("lib_pdf_as_txt", lang, name=name))
    return safe


def save_upload(settings: Any, name: str, data: bytes, lang: str = "sv") -> Path:
    """Write the upload to a private staging folder under uploads/ (atomically) and return its path.

    Staging keeps a bad file from replacing a good earlier upload of the same name; `commit_upload`
    moves it beside the other reports once it has been ingested."""
    safe = check_upload(name, data, lang)
    staging = uploads_dir(settings) / f".staging-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True, exist_ok=True)
    path = staging / safe
    tmp = staging / f".{safe}.part"
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return path


def commit_upload(settings: Any, staged: Path, owner: str | None = None) -> Path:
    """Move an ingested upload from staging to uploads/<name> (replacing an older upload of that name);
    a private upload to uploads/<owner tag>/<name>, so two owners' files of the same name never collide."""
    folder = uploads_dir(settings) / owner_tag(owner) if owner is not None else uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / staged.name
    os.replace(staged, final)
    discard(staged)
    return final


def discard(staged: Path) -> None:
    """Remove a staging folder and whatever is left in it."""
    if staged.parent.name.startswith(".staging-"):
        shutil.rmtree(staged.parent, ignore_errors=True)


def ingest_upload(assistant: Any, name: str, data: bytes, *, lang: str = "sv", progress: Progress | None = None,
                  lock: threading.Lock | None = None, owner: str | None = None) -> UploadResult:
    """Save, ingest and reload the search index; never raises.

    `owner` (the session's or user's id) keeps the upload private to that owner: other sessions neither list
    nor search it until the owner shares it (`Assistant.share`). None adds it to the shared library.
    An unchanged report is not embedded again; a changed one replaces the old index only once the new one is
    complete (assistant.store), so questions keep working during the upload. `lock` is optional and only
    serialises uploads: answering never waits for it (the new index is swapped in atomically)."""
    staged: Path | None = None
    try:
        staged = save_upload(assistant.settings, name, data, lang)
        result = assistant.ingest(staged, progress=progress, owner=owner)
        commit_upload(assistant.settings, staged, owner)
        staged = None
        with lock or contextlib.nullcontext():
            _ = assistant.index  # the next question must not pay for rebuilding BM25 with the new report
    except (IngestError, AssistantError) as exc:
        return UploadResult(ok=False, message=t("lib_failed", lang, error=str(exc)))
    except Exception as exc:  # the UI boundary: a generic message here, the traceback in the server log
        log.exception("Upload of %r failed", name, exc_info=exc)
        return UploadResult(ok=False, message=t("unexpected_error", lang))
    finally:
        if staged is not None:
            discard(staged)
    key = "lib_unchanged" if result.status == "unchanged" else "lib_ingested"
    return UploadResult(ok=True, message=t(key, lang, source=display_name(result.source), title=result.title,
                                           n=result.chunks),
                        source=result.source, status=result.status, chunks=result.chunks, title=result.title,
                        warnings=list(result.warnings))


def clamp_progress(progress: Callable[[float, str], Any]) -> Progress:
    """Adapt st.progress(value, text) to the library's (message, fraction) callback, fraction kept in [0, 1]."""

    def update(message: str, fraction: float) -> None:
        progress(min(max(float(fraction), 0.0), 1.0), message)

    return update


# -- the report selector -------------------------------------------------------------------------------------
def report_options(records: Sequence[Any]) -> list[str]:
    """"" (all reports) followed by each report's source, in the library's order (oldest first)."""
    return ["", *[r.source for r in records]]


def display_name(source: str) -> str:
    """A report's file name as the official knows it: a private upload's owner tag
    ("u-e513b9df97/Ny-rapport.txt") is the library's business, not the reader's."""
    return source.rsplit("/", 1)[-1]


def report_label(source: str, records: Sequence[Any], lang: str = "sv") -> str:
    """How a selector option reads: "Alla rapporter", or the report's title with its file name."""
    if not source:
        return t("lib_all_reports", lang, n=len(records))
    rec = next((r for r in records if r.source == source), None)
    if rec is None or not rec.title:
        return display_name(source)
    return f"{rec.title} ({display_name(source)})"


def with_report(filters: Filters | None, source: str | None) -> Filters | None:
    """The sidebar's filters narrowed to one report ("" or None = every report)."""
    if not source:
        return filters
    return replace(filters or Filters(), source=source)


def selected_report(records: Sequence[Any], source: str | None) -> Any | None:
    """The chosen report's record, or None (all reports, or a report that has since been removed)."""
    return next((r for r in records if r.source == source), None) if source else None
