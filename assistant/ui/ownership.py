"""The library's privacy API as the app uses it: reports a viewer may see, uploads owned by who uploads.

The library side (`Assistant.reports(viewer=)`, `Assistant.ingest(owner=)`, `library.ingest_upload(owner=)`,
`Assistant.remove(source, owner=)`) is built in parallel; until it is there, these helpers call the older
signatures, and `private_uploads()` says so, so the app and the tests know whether uploads are private yet.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from assistant.models import Filters
from assistant.ui import library


def accepts(fn: Callable[..., Any], name: str) -> bool:
    """Whether `fn` takes a keyword argument `name`."""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def private_uploads(assistant: Any) -> bool:
    """Whether the library keeps one owner's uploads from the others (else every upload is shared)."""
    return accepts(assistant.reports, "viewer") and accepts(library.ingest_upload, "owner")


def reports_for(assistant: Any, owner: str) -> list[Any]:
    """The reports `owner` may see: the shared ones and their own uploads."""
    if accepts(assistant.reports, "viewer"):
        return assistant.reports(viewer=owner)
    return assistant.reports()


def ingest_upload(assistant: Any, name: str, data: bytes, *, owner: str, **kwargs: Any) -> library.UploadResult:
    """Upload a report as `owner`'s private report (shared when the library cannot keep it private yet)."""
    if accepts(library.ingest_upload, "owner"):
        kwargs["owner"] = owner
    return library.ingest_upload(assistant, name, data, **kwargs)


def with_viewer(filters: Filters | None, owner: str) -> Filters:
    """The search's filters with who asks: others' private uploads are never searched."""
    return replace(filters or Filters(), viewer=owner)
