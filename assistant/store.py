"""The Chroma store: one collection per report build, and the manifest beside them.

The manifest (which collection is live for each report, its title, outline, pages and owner) is a Chroma
collection of its own (`manifest-<model>`), so every process on every machine that uses the same Chroma
(embedded directory or `chroma run`) sees one library. One manifest entry per report, written with one
upsert: two replicas ingesting different reports never overwrite each other's entry.

A changed report is written to a new collection and the manifest entry is switched only when that
collection is complete, so an interrupted ingest leaves the old index answering. A build announces itself
with a heartbeat entry; collections that no manifest entry names and whose build is not alive are orphans
of a killed ingest and are deleted on the next start.

Every Chroma call goes through `Store.call`: a timeout on each request (a frozen server cannot hang a
question), retries while the server is restarting, and a Swedish message for every fault.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import secrets
import shutil
import socket
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.errors import AssistantError, IndexError_
from assistant.models import Progress

log = logging.getLogger("assistant.store")
# what Chroma says when a read meets a collection deleted under it
SEGMENT_GONE = re.compile(r"(?i)missing (?:metadata |vector )?segment")

CHUNKER_VERSION = "14"  # bump when parsing or chunking changes what is stored (14: a lone figure joins its label)
BATCH = 16
ORPHAN_GRACE_S = 300.0  # a build whose heartbeat is older than this was killed
HEARTBEAT_EVERY_S = 20.0


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
    owner: str | None = None  # None: the shared library; else private to this owner id

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReportRecord:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


class CollectionGone(AssistantError):
    """A collection the index used was replaced by a newer build (another process re-ingested)."""


class ChromaUnavailable(AssistantError):
    """Chroma did not answer in time or could not be reached; the index is unchanged."""


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("å", "a").replace("ä", "a").replace("ö", "o"))
    return s.strip("-")[:40] or "report"


def owner_tag(owner: str) -> str:
    """A stable, non-revealing tag for an owner id (it may be an e-mail address)."""
    return "u-" + hashlib.sha256(owner.encode("utf-8")).hexdigest()[:10]


_CLIENT_LOCK = threading.Lock()


def where(settings: Settings) -> str:
    return f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else str(settings.chroma_dir)


def is_read_only(settings: Settings) -> bool:
    """An embedded index on a read-only disk or in a directory this user cannot write."""
    return not settings.chroma_host and settings.chroma_dir.exists() and not os.access(settings.chroma_dir, os.W_OK)


def _read_only_copy(settings: Settings) -> Path:
    """Chroma's embedded store writes to its database when it opens (code 8: attempt to write a readonly
    database), so a read-only index is opened from a private temporary copy; the original is never
    written. Removed when the process exits."""
    tmp = Path(tempfile.mkdtemp(prefix="assistant-readonly-"))
    atexit.register(shutil.rmtree, tmp, True)
    try:
        shutil.copytree(settings.chroma_dir, tmp / "chroma")
    except OSError as exc:
        raise IndexError_(
            f"Indexet i {settings.chroma_dir} är skrivskyddat och kunde inte läsas in ({exc}). Kontrollera att "
            "mappen är läsbar och att det finns plats i den tillfälliga mappen (TMPDIR)."
        ) from exc
    return tmp / "chroma"


def make_client(settings: Settings) -> Any:
    """A Chroma client; creation is serialised because chromadb's first open
    of a new path races between threads of one process."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    with _CLIENT_LOCK:
        if settings.chroma_host:
            _heartbeat(settings)  # with a timeout: chromadb's own first request has none
            return _open(chromadb, settings, chroma_settings)
        if is_read_only(settings):
            return _open(chromadb, settings, chroma_settings, path=_read_only_copy(settings))
        if not settings.chroma_dir.exists() and not _writable_dir(settings.data_dir):
            raise IndexError_(
                f"Kan inte skapa indexmappen {settings.chroma_dir}: mappen (eller dess överordnade mapp) är inte "
                "skrivbar. Välj en skrivbar mapp med ASSISTANT_DATA_DIR eller ändra behörigheterna."
            )
        # other processes too: chromadb's first-open sqlite migrations race between them. A read-only
        # index is opened without the lock (nothing is migrated or written, and no lock file can be made).
        lock = _open_lock_file(settings.data_dir / ".client.lock")
        if lock is None:
            return _open(chromadb, settings, chroma_settings)
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            return _open(chromadb, settings, chroma_settings)


def _writable_dir(path: Path) -> bool:
    """True if `path` exists and is writable, or could be created."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(path, os.W_OK)


def _open_lock_file(path: Path) -> Any | None:
    try:
        return open(path, "a")
    except OSError:
        return None


def _heartbeat(settings: Settings) -> None:
    url = f"http://{settings.chroma_host}:{settings.chroma_port}/api/v2/heartbeat"
    try:
        with urllib.request.urlopen(url, timeout=settings.chroma_timeout) as resp:
            resp.read()
    except TimeoutError as exc:
        raise ChromaUnavailable(_timeout_message(settings)) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, TimeoutError):
            raise ChromaUnavailable(_timeout_message(settings)) from exc
        raise ChromaUnavailable(_connect_message(settings, reason)) from exc


def _timeout_message(settings: Settings) -> str:
    return (f"Chroma ({where(settings)}) svarade inte inom {settings.chroma_timeout:g} s. Försök igen om en stund; "
            "om felet kvarstår, kontrollera Chroma-servern. Indexet är oförändrat.")


def _connect_message(settings: Settings, exc: Any) -> str:
    return (f"Kan inte ansluta till Chroma ({where(settings)}): {exc}. Kontrollera att servern kör (chroma run) "
            "och försök igen; indexet är oförändrat.")


def _open(chromadb: Any, settings: Settings, chroma_settings: Any, path: Path | None = None) -> Any:
    try:
        if settings.chroma_host:
            import httpx

            client = chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port,
                                         settings=chroma_settings)
            session = getattr(getattr(client, "_server", None), "_session", None)
            if session is not None:  # chromadb creates its httpx client without any timeout
                session.timeout = httpx.Timeout(settings.chroma_timeout)
            return client
        return chromadb.PersistentClient(path=str(path or settings.chroma_dir), settings=chroma_settings)
    except AssistantError:
        raise
    except OSError as exc:
        raise IndexError_(
            f"Kan inte öppna indexet i {settings.chroma_dir}: {exc}. Kontrollera att mappen är skrivbar "
            "(ASSISTANT_DATA_DIR)."
        ) from exc
    except Exception as exc:  # chromadb raises plain exceptions for an unreachable server
        raise ChromaUnavailable(_connect_message(settings, exc)) from exc


def _is_connection_error(exc: BaseException) -> bool:
    try:
        import httpx
    except ImportError:  # pragma: no cover - chromadb depends on httpx
        return False
    return isinstance(exc, httpx.TransportError) and not isinstance(exc, httpx.TimeoutException)


def _is_timeout(exc: BaseException) -> bool:
    try:
        import httpx
    except ImportError:  # pragma: no cover
        return False
    return isinstance(exc, httpx.TimeoutException | TimeoutError)


class Store:
    def __init__(self, settings: Settings, model_id: str) -> None:
        self.settings = settings
        self.model_id = model_id
        self.manifest_name = f"manifest-{slug(model_id)}"[:60]
        self.legacy_manifest_path = settings.data_dir / f"manifest-{model_id}.json"
        self._cache: dict[str, ReportRecord] = {}
        self._revs: dict[str, str] = {}
        self._removed: set[str] = set()
        self._read_at = 0.0
        self._cache_lock = threading.Lock()
        self._manifest: Any = None
        self.read_only = is_read_only(settings)
        self.client = make_client(settings)
        self._open_manifest()
        if not self.read_only:
            self._migrate_legacy_manifest()
            with contextlib.suppress(AssistantError):
                self.collect_orphans()

    # -- calls ------------------------------------------------------------
    def call(self, fn: Callable[..., Any], *args: Any, what: str = "", **kwargs: Any) -> Any:
        """Run one Chroma call with the configured timeout and retries; every fault becomes a message.

        Connection errors (a server that is restarting) are retried with backoff within
        `chroma_timeout`; a request that gets no answer is not (the server is frozen: say so now)."""
        from chromadb.errors import ChromaError, InternalError, NotFoundError

        s = self.settings
        deadline = time.monotonic() + s.chroma_timeout
        attempt = 0
        while True:
            try:
                return fn(*args, **kwargs)
            except (NotFoundError, InternalError) as exc:
                # a collection another process's re-ingest deleted: gone, or (while this read ran) its segment
                # missing; any other internal fault is a failed write
                if isinstance(exc, InternalError) and not SEGMENT_GONE.search(str(exc)):
                    raise IndexError_(self._write_fault(exc, what)) from exc
                raise CollectionGone(
                    f"En del av indexet byttes ut av en nyare inläsning ({exc}). Ställ frågan igen."
                ) from exc
            except ChromaError as exc:
                if _readonly_fault(exc):
                    raise IndexError_(self._readonly_message()) from exc
                raise AssistantError(f"Chroma avvisade {what or 'anropet'}: {exc}. Indexet är oförändrat.") from exc
            except Exception as exc:
                if _readonly_fault(exc):
                    raise IndexError_(self._readonly_message()) from exc
                if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC
                    raise IndexError_(self._write_fault(exc, what)) from exc
                if _is_timeout(exc):
                    raise ChromaUnavailable(_timeout_message(s)) from exc
                if not _is_connection_error(exc):
                    if "compaction" in str(exc).lower() or "no space" in str(exc).lower():
                        raise IndexError_(self._write_fault(exc, what)) from exc
                    raise
                attempt += 1
                pause = min(0.25 * 2 ** (attempt - 1), 2.0)
                if attempt > s.chroma_retries or time.monotonic() + pause >= deadline:
                    raise ChromaUnavailable(_connect_message(s, exc)) from exc
                log.info("Chroma unreachable (%s); retry %d in %.2f s", exc, attempt, pause)
                time.sleep(pause)

    def _write_fault(self, exc: BaseException, what: str) -> str:
        return (f"Chroma kunde inte spara {what or 'indexet'} ({exc}). Disken kan vara full: frigör utrymme i "
                f"{where(self.settings)} och försök igen. Indexet är oförändrat.")

    def _readonly_message(self) -> str:
        return (f"Indexet i {where(self.settings)} är skrivskyddat: frågor fungerar, men rapporter kan inte läggas "
                "till eller tas bort. Ändra behörigheterna eller välj en skrivbar ASSISTANT_DATA_DIR.")

    def _require_writable(self) -> None:
        if self.read_only:
            raise IndexError_(self._readonly_message())

    # -- manifest ---------------------------------------------------------
    def _open_manifest(self) -> None:
        try:
            if self.read_only:
                self._manifest = self.call(self.client.get_collection, self.manifest_name, embedding_function=None)
            else:
                self._manifest = self.call(self.client.get_or_create_collection, self.manifest_name,
                                           embedding_function=None, metadata={"kind": "manifest"},
                                           what="rapportförteckningen")
        except CollectionGone:
            self._manifest = None  # read-only index of an older version: its JSON manifest is read instead
        except Exception as exc:  # chromadb raises ValueError for a missing collection in some versions
            if isinstance(exc, AssistantError) and not isinstance(exc, IndexError_):
                raise
            if not self.read_only:
                raise
            self._manifest = None

    def _migrate_legacy_manifest(self) -> None:
        """Move an older version's JSON manifest into Chroma (once; the file is kept as *.migrated).
        Entries another replica already wrote, and entries whose collection is gone, are left out."""
        path = self.legacy_manifest_path
        if not path.exists():
            return
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            log.warning("Legacy manifest %s unreadable: %s", path, exc)
            return
        current = self.records(fresh=True)
        existing = self._collection_names()
        for key, value in raw.items():
            rec = ReportRecord.from_dict(value)
            if key not in current and rec.collection in existing:
                self.put(rec)
        with contextlib.suppress(OSError):
            os.replace(path, path.with_name(path.name + ".migrated"))

    def _legacy_records(self) -> dict[str, ReportRecord]:
        try:
            raw = json.loads(self.legacy_manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return {}
        return {k: ReportRecord.from_dict(v) for k, v in raw.items()}

    def records(self, fresh: bool = False) -> dict[str, ReportRecord]:
        """Every report in the manifest. Re-read from Chroma when `fresh` or older than `manifest_ttl`;
        only entries whose revision changed are fetched in full (they hold every page's text)."""
        if self._manifest is None:
            return self._legacy_records()
        with self._cache_lock:
            if not fresh and time.monotonic() - self._read_at < self.settings.manifest_ttl:
                return dict(self._cache)
        heads = self.call(self._manifest.get, include=["metadatas"], what="rapportförteckningen")
        revs: dict[str, str] = {}
        removed: set[str] = set()
        for mid, meta in zip(heads["ids"], heads["metadatas"] or [], strict=False):
            if mid.startswith("r:"):
                revs[mid[2:]] = str((meta or {}).get("rev", ""))
            elif mid.startswith("x:"):
                removed.add(mid[2:])
        with self._cache_lock:
            changed = [k for k, r in revs.items() if self._revs.get(k) != r]
        fetched: dict[str, tuple[ReportRecord, str]] = {}
        if changed:
            full = self.call(self._manifest.get, ids=[f"r:{k}" for k in changed], include=["documents", "metadatas"],
                             what="rapportförteckningen")
            for mid, doc, meta in zip(full["ids"], full["documents"], full["metadatas"], strict=True):
                with contextlib.suppress(json.JSONDecodeError, TypeError):
                    fetched[mid[2:]] = (ReportRecord.from_dict(json.loads(doc)), str((meta or {}).get("rev", "")))
        with self._cache_lock:
            cache = {k: v for k, v in self._cache.items() if k in revs and k not in fetched}
            for k, (rec, rev) in fetched.items():
                cache[k] = rec
                revs[k] = rev
            self._cache = cache
            self._revs = {k: revs[k] for k in cache}
            self._removed = removed
            self._read_at = time.monotonic()
            return dict(self._cache)

    def removed(self) -> set[str]:
        """Sources the user removed (bundled reports are then not ingested again on start)."""
        self.records()
        with self._cache_lock:
            return set(self._removed)

    def put(self, record: ReportRecord) -> None:
        """Write one manifest entry (one upsert: atomic per report) and forget an earlier removal."""
        self._require_writable()
        rev = secrets.token_hex(6)
        doc = json.dumps(asdict(record), ensure_ascii=False)
        meta = {"rev": rev, "source": record.source, "collection": record.collection, "owner": record.owner or "",
                "ingested_at": float(record.ingested_at)}
        self.call(self._manifest.upsert, ids=[f"r:{record.source}"], documents=[doc], metadatas=[meta],
                  embeddings=[[1.0]], what="rapportförteckningen")
        self.call(self._manifest.delete, ids=[f"x:{record.source}"], what="rapportförteckningen")
        with self._cache_lock:
            self._cache[record.source] = record
            self._revs[record.source] = rev
            self._removed.discard(record.source)

    def _drop(self, source: str, remember: bool) -> None:
        self.call(self._manifest.delete, ids=[f"r:{source}"], what="rapportförteckningen")
        if remember:
            self.call(self._manifest.upsert, ids=[f"x:{source}"], documents=[source],
                      metadatas=[{"removed_at": time.time()}], embeddings=[[1.0]], what="rapportförteckningen")
        with self._cache_lock:
            self._cache.pop(source, None)
            self._revs.pop(source, None)
            if remember:
                self._removed.add(source)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Serialise ingests of this host (threads, processes). Replicas on other hosts are kept apart by
        the per-report manifest entries and the build heartbeat, not by this lock."""
        self._require_writable()
        path = self.settings.data_dir / ".ingest.lock"
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(path, "w")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise IndexError_(
                f"Kan inte skriva i {self.settings.data_dir}: {exc}. Välj en skrivbar ASSISTANT_DATA_DIR."
            ) from exc
        with fh:
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
        return self.call(self.client.get_collection, name, embedding_function=None)

    def has_live(self, record: ReportRecord) -> bool:
        try:
            return self.call(self.collection(record.collection).count) == record.chunks
        except CollectionGone:
            return False

    def _collection_names(self) -> set[str]:
        cols = self.call(self.client.list_collections)
        return {c if isinstance(c, str) else c.name for c in cols}

    def _beat(self, name: str) -> None:
        meta = {"heartbeat": time.time(), "host": socket.gethostname(), "pid": os.getpid()}
        self.call(self._manifest.upsert, ids=[f"b:{name}"], documents=[name], metadatas=[meta], embeddings=[[1.0]],
                  what="rapportförteckningen")

    def write(self, record: ReportRecord, ids: list[str], documents: list[str], metadatas: list[dict],
              embed: Callable[[list[str]], list[list[float]]], embed_texts: list[str],
              progress: Progress | None = None) -> ReportRecord:
        """Build the record's collection beside the live one, then switch."""
        self._require_writable()
        name = record.collection
        self._beat(name)  # before the collection exists: a concurrent start never takes it for an orphan
        try:
            col = self.call(self.client.create_collection, name, embedding_function=None,
                            metadata={"hnsw:space": "cosine", "source": record.source, "model": self.model_id},
                            what=f"indexet för {record.source}")
            beat = time.monotonic()
            for start in range(0, len(ids), BATCH):
                end = min(start + BATCH, len(ids))
                vectors = embed(embed_texts[start:end])
                self.call(col.add, ids=ids[start:end], documents=documents[start:end],
                          metadatas=metadatas[start:end], embeddings=vectors, what=f"indexet för {record.source}")
                if time.monotonic() - beat > HEARTBEAT_EVERY_S:
                    self._beat(name)
                    beat = time.monotonic()
                if progress:
                    progress(f"Bäddar in {record.source}", end / len(ids))
            if self.call(col.count) != len(ids):
                raise AssistantError(f"Indexet för {record.source} blev ofullständigt; försök igen.")
            old = self.records(fresh=True).get(record.source)
            record.ingested_at = time.time()
            self.put(record)
        except BaseException as exc:
            with contextlib.suppress(Exception):
                self.client.delete_collection(name)
            # after a write fault (full disk) Chroma's embedded store can hang on the next manifest write;
            # the stale heartbeat is cleared by collect_orphans on the next start instead
            if not isinstance(exc, IndexError_):
                with contextlib.suppress(Exception):
                    self._manifest.delete(ids=[f"b:{name}"])
            raise
        with contextlib.suppress(Exception):
            self._manifest.delete(ids=[f"b:{name}"])
        if old and old.collection != name:
            with contextlib.suppress(Exception):
                self.client.delete_collection(old.collection)
        return record

    def remove(self, source: str, remember: bool = True) -> bool:
        self._require_writable()
        with self.lock():
            rec = self.records(fresh=True).get(source)
            if rec is None:
                return False
            self._drop(source, remember)
            with contextlib.suppress(Exception):
                self.client.delete_collection(rec.collection)
            return True

    def set_owner(self, source: str, owner: str | None) -> ReportRecord | None:
        with self.lock():
            rec = self.records(fresh=True).get(source)
            if rec is None:
                return None
            rec = ReportRecord.from_dict({**asdict(rec), "owner": owner})
            self.put(rec)
            return rec

    def load_chunks(self, record: ReportRecord) -> tuple[list[str], list[str], list[dict]]:
        col = self.collection(record.collection)
        data = self.call(col.get, include=["documents", "metadatas"])
        return data["ids"], data["documents"], data["metadatas"]

    def collection_name(self, source: str, content_hash: str) -> str:
        """Unique per build (a forced re-ingest never reuses the live name), and
        within Chroma's 63-character limit."""
        return f"{self._prefix(source)}{content_hash[:8]}-{secrets.token_hex(3)}"

    def _prefix(self, source: str) -> str:
        owner, _, name = source.rpartition("/")
        tag = f"{owner[-6:]}-" if owner else ""
        return f"r-{tag}{slug(Path(name).stem)[:24]}-{slug(self.model_id)[:10]}-"

    def collect_orphans(self) -> list[str]:
        """Delete report collections of this model that no manifest entry names and whose build has no
        recent heartbeat: leftovers of a killed ingest (in any process or replica). Returns their names."""
        self._require_writable()
        # this order matters: a build beats before it creates its collection and is named in the manifest
        # before its heartbeat goes, so a collection listed first is building in the heartbeats read next,
        # or else live in the manifest read after them
        listed = self.call(self.client.list_collections)
        heads = self.call(self._manifest.get, include=["metadatas"])
        live = {r.collection for r in self.records(fresh=True).values()}
        building = {mid[2:] for mid, meta in zip(heads["ids"], heads["metadatas"] or [], strict=False)
                    if mid.startswith("b:") and _build_alive(meta or {})}
        stale = [mid for mid in heads["ids"] if mid.startswith("b:") and mid[2:] not in building]
        marker = f"-{slug(self.model_id)[:10]}-"
        deleted = []
        for c in listed:
            name = c if isinstance(c, str) else c.name
            if not name.startswith("r-") or marker not in name or name in live or name in building:
                continue
            model = (getattr(c, "metadata", None) or {}).get("model") if not isinstance(c, str) else None
            if model not in (None, self.model_id):
                continue
            with contextlib.suppress(Exception):
                self.client.delete_collection(name)
                deleted.append(name)
        if stale:
            with contextlib.suppress(Exception):
                self._manifest.delete(ids=stale)
        if deleted:
            log.info("Deleted %d orphan collections: %s", len(deleted), ", ".join(deleted))
        return deleted

    def manifest_bytes(self) -> int:
        """Size of the manifest's documents (for the library benchmark)."""
        if self._manifest is None:
            return 0
        data = self.call(self._manifest.get, include=["documents"])
        return sum(len((d or "").encode("utf-8")) for d in data["documents"])


def _build_alive(meta: dict[str, Any]) -> bool:
    """Is the ingest that wrote this heartbeat still running? On this host: is its process alive (a killed
    ingest is collected at once); elsewhere: has it beaten within ORPHAN_GRACE_S."""
    if meta.get("host") == socket.gethostname() and meta.get("pid"):
        try:
            os.kill(int(meta["pid"]), 0)
        except ProcessLookupError:
            return False
        except (PermissionError, ValueError):
            pass
        else:
            return True
    return time.time() - float(meta.get("heartbeat", 0)) < ORPHAN_GRACE_S


def _readonly_fault(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or (isinstance(exc, PermissionError))
