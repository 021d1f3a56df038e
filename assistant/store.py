"""The Chroma store: one collection per report and embedding model.

A manifest (JSON, replaced atomically) names the live collection of each
report. Re-ingesting an unchanged report is a no-op (content hash); a changed
one is written to a new collection and the manifest is switched only when
that collection is complete, so an interrupted ingest leaves the old index
answering. A file lock serialises concurrent ingests.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import AssistantError
from assistant.models import Progress

CHUNKER_VERSION = "6"
BATCH = 16


@dataclass
class ReportRecord:
    source: str
    title: str
    year: int | None
    content_hash: str
    collection: str
    chunks: int
    pages: dict[str, str] = field(default_factory=dict)
    outline: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    ingested_at: float = 0.0


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o"))
    return s.strip("-")[:40] or "report"


_CLIENT_LOCK = threading.Lock()


def make_client(settings: Settings) -> Any:
    """A Chroma client; creation is serialised because chromadb's first open
    of a new path races between threads of one process."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    with _CLIENT_LOCK:
        if settings.chroma_host:
            return _open(chromadb, settings, chroma_settings)
        # other processes too: chromadb's first-open sqlite migrations race between them
        try:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            lock = open(settings.data_dir / ".client.lock", "w")  # noqa: SIM115 - held for the open only
        except OSError as exc:
            raise AssistantError(
                f"Kan inte skapa indexmappen {settings.data_dir}: {exc}. Kontrollera att den är skrivbar "
                "(ASSISTANT_DATA_DIR)."
            ) from exc
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            return _open(chromadb, settings, chroma_settings)


def _open(chromadb: Any, settings: Settings, chroma_settings: Any) -> Any:
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except OSError as exc:
        raise AssistantError(
            f"Kan inte öppna indexet i {settings.chroma_dir}: {exc}. Kontrollera att mappen är skrivbar "
            "(ASSISTANT_DATA_DIR)."
        ) from exc
    except Exception as exc:  # chromadb raises plain exceptions for an unreachable server
        where = f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else str(settings.chroma_dir)
        raise AssistantError(f"Kan inte ansluta till Chroma ({where}): {exc}") from exc


class Store:
    def __init__(self, settings: Settings, model_id: str) -> None:
        self.settings = settings
        self.model_id = model_id
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.manifest_path = settings.data_dir / f"manifest-{model_id}.json"
        self._cache: dict[str, ReportRecord] = {}
        self._cache_key: tuple[int, int] | None = None
        self.client = make_client(settings)

    # -- manifest -------------------------------------------------------
    def records(self) -> dict[str, ReportRecord]:
        """The manifest, re-read only when the file changed (it holds every
        page's text, megabytes for a large library, and the app asks often)."""
        try:
            stat = self.manifest_path.stat()
        except OSError:
            return {}
        key = (stat.st_mtime_ns, stat.st_size)
        if self._cache_key != key:
            try:
                raw = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                return {}
            self._cache = {k: ReportRecord(**v) for k, v in raw.items()}
            self._cache_key = key
        return dict(self._cache)

    def _write_records(self, records: dict[str, ReportRecord]) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({k: asdict(v) for k, v in records.items()}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.manifest_path)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        path = self.settings.data_dir / ".ingest.lock"
        with open(path, "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    # -- collections ----------------------------------------------------
    @staticmethod
    def content_hash(data: bytes, params: str) -> str:
        return hashlib.sha256(data + b"|" + params.encode() + b"|" + CHUNKER_VERSION.encode()).hexdigest()

    def collection(self, name: str) -> Any:
        return self.client.get_collection(name)

    def has_live(self, record: ReportRecord) -> bool:
        try:
            return self.client.get_collection(record.collection).count() == record.chunks
        except Exception:
            return False

    def write(self, record: ReportRecord, ids: list[str], documents: list[str], metadatas: list[dict],
              embed: Callable[[list[str]], list[list[float]]], embed_texts: list[str],
              progress: Progress | None = None) -> ReportRecord:
        """Build the record's collection beside the live one, then switch."""
        name = record.collection
        self._collect_garbage(record.source)
        col = self.client.create_collection(name, metadata={"hnsw:space": "cosine", "source": record.source,
                                                            "model": self.model_id})
        try:
            for start in range(0, len(ids), BATCH):
                end = min(start + BATCH, len(ids))
                vectors = embed(embed_texts[start:end])
                col.add(ids=ids[start:end], documents=documents[start:end],
                        metadatas=metadatas[start:end], embeddings=vectors)
                if progress:
                    progress(f"Bäddar in {record.source}", end / len(ids))
            if col.count() != len(ids):
                raise AssistantError(f"Indexet för {record.source} blev ofullständigt; försök igen.")
        except BaseException:
            with contextlib.suppress(Exception):
                self.client.delete_collection(name)
            raise
        records = self.records()
        old = records.get(record.source)
        record.ingested_at = time.time()
        records[record.source] = record
        self._write_records(records)
        if old and old.collection != name:
            with contextlib.suppress(Exception):
                self.client.delete_collection(old.collection)
        return record

    def remove(self, source: str) -> bool:
        with self.lock():
            records = self.records()
            rec = records.pop(source, None)
            if rec is None:
                return False
            self._write_records(records)
            with contextlib.suppress(Exception):
                self.client.delete_collection(rec.collection)
            return True

    def load_chunks(self, record: ReportRecord) -> tuple[list[str], list[str], list[dict]]:
        data = self.client.get_collection(record.collection).get(include=["documents", "metadatas"])
        return data["ids"], data["documents"], data["metadatas"]

    def collection_name(self, source: str, content_hash: str) -> str:
        """Unique per build (a forced re-ingest never reuses the live name), and
        within Chroma's 63-character limit."""
        return f"{self._prefix(source)}{content_hash[:8]}-{secrets.token_hex(3)}"

    def _prefix(self, source: str) -> str:
        return f"r-{slug(Path(source).stem)[:24]}-{slug(self.model_id)[:10]}-"

    def _collect_garbage(self, source: str) -> None:
        """Drop collections of this report that the manifest does not name:
        leftovers of an ingest that was interrupted (callers hold the lock)."""
        live = {r.collection for r in self.records().values()}
        prefix = self._prefix(source)
        try:
            names = [c if isinstance(c, str) else c.name for c in self.client.list_collections()]
        except Exception:
            return
        for n in names:
            if n.startswith(prefix) and n not in live:
                with contextlib.suppress(Exception):
                    self.client.delete_collection(n)
