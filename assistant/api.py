"""The library API: the CLI, the Streamlit app and the eval suite all call this."""

from __future__ import annotations

import bisect
import copy
import itertools
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from llama_index.core.schema import QueryBundle

from assistant.config import Settings, load_settings
from assistant.embeddings import build_embedding, model_slug
from assistant.errors import AssistantError
from assistant.models import Answer, AnswerStream, Filters, Progress, Turn, validate_question
from assistant.numbers import stated_values
from assistant.retrieval import BM25Retriever, DenseRetriever, FusionRetriever, Hits, IndexedChunk
from assistant.store import CollectionGone, ReportRecord, Store, owner_tag
from assistant.textproc import stem, swedish_spellings, terms, words

T = TypeVar("T")


@dataclass
class IngestResult:
    source: str
    status: str  # ingested | unchanged
    chunks: int
    seconds: float
    title: str = ""
    warnings: list[str] = field(default_factory=list)


class Assistant:
    """Ask questions about ingested reports and get cited answers.

    One Assistant serves many sessions at once: per-question state travels with each call, the search
    index is immutable once built, and a newer build (this or another process, any replica) is swapped in
    between questions by assigning a new index; nothing locks around answering."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.embed_model = build_embedding(self.settings.embedding, self.settings.embed_max_tokens,
                                           self.settings.embed_threads)
        self.model_id = model_slug(self.settings.embedding, self.settings.embed_max_tokens)
        self._store: Store | None = None
        self._store_lock = threading.Lock()
        self._index: _Index | None = None
        self._build_lock = threading.Lock()  # one rebuild at a time; questions never wait for it

    # -- store ------------------------------------------------------------
    @property
    def store(self) -> Store:
        store = self._store
        if store is None:
            with self._store_lock:
                if self._store is None:
                    self._store = Store(self.settings, self.model_id)
                store = self._store
        return store

    def reports(self, viewer: str | None = None) -> list[ReportRecord]:
        """The shared library plus the viewer's own private uploads (viewer None: shared only)."""
        recs = [r for r in self.store.records().values() if r.owner is None or (viewer is not None and r.owner == viewer)]
        return sorted(recs, key=lambda r: (r.year or 0, r.title, r.source))

    def ingest(self, path: str | Path, progress: Progress | None = None, force: bool = False,
               owner: str | None = None) -> IngestResult:
        """Parse, validate, chunk, embed and store a report; a no-op when it is unchanged.

        owner None puts it in the shared library; an owner id keeps it private to that owner (its
        `source` then carries the owner's tag, so two owners' files of the same name never collide)."""
        from assistant.embeddings import embedding_threads
        from ingest.pipeline import chunk_report, parse_report
        from ingest.validate import check_report, check_size

        t0 = time.perf_counter()
        p = Path(path)
        if progress:
            progress(f"Läser {p.name}", 0.0)
        check_size(p, self.settings.max_report_bytes)
        report = parse_report(p)  # raises IngestError before anything is touched
        check_report(report, p, self.settings.max_report_bytes)
        if owner is not None:
            report.source = f"{owner_tag(owner)}/{report.source}"
        content_hash = self._content_hash(p)
        store = self.store
        with store.lock():
            existing = store.records(fresh=True).get(report.source)
            if (existing and existing.content_hash == content_hash and not force and existing.owner == owner
                    and store.has_live(existing)):
                return IngestResult(report.source, "unchanged", existing.chunks, time.perf_counter() - t0,
                                    existing.title, existing.warnings)
            chunks = chunk_report(report, max_tokens=self.settings.chunk_tokens)
            record = ReportRecord(
                source=report.source, title=report.title, year=report.year, content_hash=content_hash,
                collection=store.collection_name(report.source, content_hash), chunks=len(chunks),
                pages={str(k): v for k, v in report.pages.items()},
                outline={
                    "goal_areas": list(report.goal_areas),
                    "goals": [asdict(g) for g in report.goals],
                    "headings": [list(h) for h in report.headings],
                },
                warnings=list(report.warnings),
                owner=owner,
            )
            for c in chunks:
                c.extra["search_text"] = c.search_text
            with embedding_threads(self.settings.ingest_threads):
                store.write(
                    record, ids=[c.id for c in chunks], documents=[c.text for c in chunks],
                    metadatas=[c.metadata() for c in chunks], embed=self.embed_model.get_text_embedding_batch,
                    embed_texts=[c.embed_text for c in chunks], progress=progress,
                )
        self._changed()
        if progress:
            progress(f"Klart: {report.source}", 1.0)
        return IngestResult(report.source, "ingested", len(chunks), time.perf_counter() - t0, report.title,
                            list(report.warnings))

    def _content_hash(self, path: Path) -> str:
        """What an index of this file was built from: its bytes, the embedding model, the chunk size and
        the chunker's version."""
        return Store.content_hash(path.read_bytes(), f"{self.model_id}|{self.settings.chunk_tokens}")

    def _stale(self, path: Path, record: ReportRecord) -> bool:
        """Whether an indexed bundled report was built from another file, model or chunker. A file that
        cannot be read now keeps its index: an answerable library beats a start-up that fails."""
        try:
            return record.content_hash != self._content_hash(path)
        except OSError:
            return False

    def ensure_ready(self, progress: Progress | None = None) -> list[IngestResult]:
        """Ingest the bundled reports that are not yet in the store (unless the user removed them)."""
        store = self.store
        records = store.records(fresh=True)
        known = {s for s, r in records.items() if store.has_live(r)}
        removed = store.removed()
        results = []
        if not store.read_only:
            for path in sorted(self.settings.reports_dir.glob("*")):
                if path.suffix.lower() not in {".txt", ".pdf"} or path.name in removed:
                    continue
                # a bundled report is indexed again when it, the embedding model or the chunker changed
                # (an upgrade that chunks differently must not keep serving the old chunks)
                if path.name not in known or self._stale(path, records[path.name]):
                    results.append(self.ingest(path, progress=progress))
        if not store.records():
            hint = ""
            if removed:
                hint = f" (borttagna: {', '.join(sorted(removed))}; läs in en igen med python -m assistant ingest SÖKVÄG)"
            raise AssistantError(
                f"Det finns ingen rapport i indexet{hint}. Lägg en rapport i {self.settings.reports_dir} "
                "eller kör: python -m assistant ingest SÖKVÄG"
            )
        return results

    def remove(self, source: str, owner: str | None = None) -> bool:
        """Remove a report. A private report only by its owner; a removed shared report stays removed
        (it is not ingested again on start) until it is ingested on purpose."""
        rec = self.store.records(fresh=True).get(source)
        if rec is None or (rec.owner is not None and rec.owner != owner):
            return False
        removed = self.store.remove(source, remember=rec.owner is None)
        self._changed()
        return removed

    def share(self, source: str, owner: str) -> bool:
        """Move the owner's private report into the shared library (every session sees it from then on)."""
        rec = self.store.records(fresh=True).get(source)
        if rec is None or rec.owner is None or rec.owner != owner:
            return False
        if self.store.set_owner(source, None) is None:
            return False
        self._changed()
        return True

    def outline(self, source: str | None = None) -> dict[str, Any]:
        recs = self.store.records()
        if source:
            rec = recs.get(source)
        else:  # never another user's private report
            rec = next((r for r in sorted(recs.values(), key=lambda r: (r.year or 0, r.title, r.source))
                        if r.owner is None), None)
        return rec.outline if rec else {"goal_areas": [], "goals": [], "headings": []}

    def page_text(self, source: str, page: int) -> str:
        rec = self.store.records().get(source)
        return rec.pages.get(str(page), "") if rec else ""

    # -- index lifecycle ----------------------------------------------------
    def refresh(self) -> None:
        """Between questions: switch to a newer build when the manifest changed (ingest or removal in any
        process or replica). One small manifest read; the rebuild happens only on a change."""
        idx = self._index
        if idx is not None and _Index.signature_of(self.store.records(fresh=True)) != idx.signature:
            self._rebuild(wait=False)

    def _changed(self) -> None:
        """After this process changed the library: build the new index now if one was in use (none when
        the last report went: the next question says what to do)."""
        if self._index is None:
            return
        if not self.store.records(fresh=True):
            self._index = None
            return
        self._rebuild()

    def _rebuild(self, wait: bool = True, force: bool = False) -> _Index:
        """Build a new index from the current manifest and swap it in (one assignment). With wait=False a
        thread that finds another one building keeps answering from the current index meanwhile."""
        if not self._build_lock.acquire(blocking=wait or self._index is None):
            return self._index  # type: ignore[return-value]
        try:
            current = self._index
            records = self.store.records(fresh=True)
            if current is not None and not force and _Index.signature_of(records) == current.signature:
                return current
            if not records:
                self._index = None
                self.ensure_ready()  # raises with what to do
                records = self.store.records(fresh=True)
            for attempt in range(3):
                try:
                    new = _Index.build(self, records, previous=None if force else current)
                    break
                except CollectionGone:  # a build switched in while we read: read the manifest again
                    if attempt == 2:
                        raise
                    records = self.store.records(fresh=True)
            self._index = new
            return new
        finally:
            self._build_lock.release()

    # -- retrieval --------------------------------------------------------
    @property
    def index(self) -> _Index:
        """The current search index (immutable; replaced, never changed)."""
        idx = self._index
        if idx is None:
            self.ensure_ready()
            idx = self._rebuild()
        return idx

    def retrieve(self, query: str, filters: Filters | None = None, k: int | None = None, *,
                 lexical_query: str | None = None) -> Hits:
        """Hybrid retrieval; `lexical_query`, when given, replaces `query` for BM25 only. A collection that
        vanished under the index (re-ingested elsewhere) means: load the newer build and search again."""
        try:
            return self.index.search(query, filters, k or self.settings.top_k, lexical_query)
        except CollectionGone:
            return self._rebuild(force=True).search(query, filters, k or self.settings.top_k, lexical_query)

    def retrieve_evidence(self, query: str, filters: Filters | None = None, k: int | None = None,
                          lang: str | None = None) -> list[tuple[IndexedChunk, float]]:
        """Hybrid retrieval for a question, reranked by each chunk's best sentence
        or table row (what the extractive answerer would quote)."""
        from assistant.answer.extractive import ExtractiveAnswerer

        return ExtractiveAnswerer(self).evidence(query, filters, k or self.settings.top_k, lang)

    # -- answering --------------------------------------------------------
    def answer_engine(self) -> Any:
        """The offline answer engine (route, shapes, judge) over this library."""
        from assistant.answer.engine import AnswerEngine

        return AnswerEngine(self)

    def ask(self, question: str, *, history: list[Turn] | None = None, filters: Filters | None = None,
            mode: str | None = None, lang: str | None = None) -> Answer:
        """Answer a question with numbered citations (or refuse)."""
        t0 = time.perf_counter()
        q = validate_question(question, self.settings.max_question_chars)
        self.refresh()
        mode = mode or self.settings.mode
        answerer = self.answer_engine()
        if mode == "llm":
            from assistant.llm.answer import LLMAnswerer

            answer = LLMAnswerer(self, fallback=answerer).answer(q, history=history or [], filters=filters, lang=lang)
        else:
            answer = answerer.answer(q, history=history or [], filters=filters, lang=lang)
        answer.latency_ms = (time.perf_counter() - t0) * 1000
        return answer

    def ask_stream(self, question: str, **kwargs: Any) -> AnswerStream:
        """Like ask(), but yields the answer text in pieces as it is produced
        (LLM tokens; the extractive answer word by word)."""
        mode = kwargs.get("mode") or self.settings.mode
        if mode == "llm":
            from assistant.llm.answer import stream_llm

            kwargs.pop("mode", None)
            self.refresh()
            return stream_llm(self, question, fallback=self.answer_engine(), **kwargs)
        return AnswerStream.of(self.ask(question, **kwargs))


QUERY_MEMO = 256  # question vectors kept per index (384 floats each)


NAME_MIN, NAME_SHARE = 2, 3  # a name is written with its capital inside sentences twice, and thrice as often as not


class _Index:
    """Everything retrieval needs in memory: chunks, BM25, dense, fusion."""

    def __init__(self, chunks: list[IndexedChunk], fusion: FusionRetriever, bm25: BM25Retriever,
                 dense: DenseRetriever, records: dict[str, ReportRecord] | None = None) -> None:
        records = records or {}
        self.signature = _Index.signature_of(records)
        self.owner_of: dict[str, str | None] = {s: r.owner for s, r in records.items()}
        self.chunks = chunks
        self.by_id = {c.id: c for c in chunks}
        self.sources = sorted({str(c.meta.get("source")) for c in chunks})
        self.years = frozenset(str(c.meta.get("year") or "") for c in chunks)  # the reports' years, held
        self.titles = frozenset(str(c.meta.get("report_title") or c.meta.get("source") or "") for c in chunks) - {""}
        self.fusion = fusion
        self.bm25 = bm25
        self.dense = dense
        self.df: dict[str, int] = {}
        for doc_terms in bm25.doc_terms:
            for t in set(doc_terms):
                self.df[t] = self.df.get(t, 0) + 1
        self._joined = [" ".join(set(d)) for d in bm25.doc_terms]
        # an abstract noun's stem as Snowball cuts it ("brotts" of brottsligheten): the first part of its compounds
        self.noun_roots = frozenset(stem(t, abstract=False) for t in self.df if t.endswith("het"))
        self._substring_df: dict[str, int] = {}
        self._text_terms: dict[str, frozenset[str]] = {}
        self._row_labels: dict[str, tuple[tuple[IndexedChunk, tuple[frozenset[str], ...]], ...]] = {}
        self._text_vocabulary: dict[str, frozenset[str]] = {}
        self._section_texts: dict[str, str] = {}
        self._stated_values: dict[str, tuple[float, ...]] = {}
        self._names: dict[str, bool] = {}
        self._capitalised: dict[str, bool] = {}
        self._matches: dict[str, bool] = {}
        # question -> vector, shared by concurrent sessions: a memo (same text, same vector), never per-question
        # state. With only "the last question" kept, 20 sessions overwrote each other's and every answer paid
        # for a second embedding.
        self._query_vectors: OrderedDict[str, list[float]] = OrderedDict()
        self._text_vectors: dict[str, list[float]] = {}  # bounded by the outline: headings, goals, areas
        text_words = [w for c in chunks for w in words(c.text)]  # read once for the two word lists below
        # hyphenated words too ("IT-system"): a typo in one is read against it whole
        self._vocabulary = frozenset(w for w in text_words if len(w) >= 6 and w.replace("-", "").isalpha())
        self._sorted_vocabulary = tuple(sorted(self._vocabulary))
        self._spelled_out = swedish_spellings(text_words)
        self._lower_texts = [c.text.lower() for c in chunks]  # for names looked up as written, per question
        self._common: dict[float, frozenset[str]] = {}
        self._memo_lock = threading.Lock()

    def query_embedding(self, text: str) -> list[float]:
        """The question's vector, computed once per text: the answerer compares the
        same question with single sentences right after retrieval."""
        with self._memo_lock:
            vector = self._query_vectors.get(text)
            if vector is not None:
                self._query_vectors.move_to_end(text)
                return vector
        vector = self.dense.embed_model.get_query_embedding(text)
        with self._memo_lock:
            self._query_vectors[text] = vector
            while len(self._query_vectors) > QUERY_MEMO:
                self._query_vectors.popitem(last=False)
        return vector

    def text_vectors(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors of short texts (the outline's headings and goals, which summaries match a
        question against), each computed once per index: a memo, like the question vectors."""
        with self._memo_lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._text_vectors]
        if missing:
            vectors = self.dense.embed_model.get_text_embedding_batch(missing)
            with self._memo_lock:
                self._text_vectors.update(zip(missing, vectors, strict=True))
        with self._memo_lock:
            return [self._text_vectors[t] for t in texts]

    def vocabulary(self) -> frozenset[str]:
        """The words of the reports as written (lower case, six letters or more, hyphenated ones too): what a typo
        is read against."""
        return self._vocabulary

    def with_swedish_letters(self, word: str) -> str | None:
        """The reports' word a word typed without å, ä and ö stands for ("malmo": «malmö», "radhuset":
        «rådhuset»), the commonest when several fold alike; None when the reports have it as typed."""
        return self._spelled_out.get(word)

    def word_starting(self, prefix: str) -> str | None:
        """The first word of the reports (as in `vocabulary`) that begins with `prefix`, by a binary search."""
        found = self.words_starting(prefix, 1)
        return found[0] if found else None

    def words_starting(self, prefix: str, limit: int) -> tuple[str, ...]:
        """Up to `limit` words of the reports (as in `vocabulary`) that begin with `prefix`, in order."""
        words_ = self._sorted_vocabulary
        i = bisect.bisect_left(words_, prefix)
        return tuple(itertools.takewhile(lambda w: w.startswith(prefix), words_[i:i + limit]))

    def common_stems(self, share: float) -> frozenset[str]:
        """Stems in at least `share` of the chunks (the reports' own subjects: Malmö, stadskontoret), computed
        once per index and share: the index is replaced, never changed."""
        with self._memo_lock:
            found = self._common.get(share)
        if found is None:
            least = share * max(len(self.chunks), 1)
            found = frozenset(t for t, d in self.df.items() if d >= least)
            with self._memo_lock:
                self._common[share] = found
        return found

    def has_phrase(self, phrase: str) -> bool:
        """Whether some chunk has a lower-case phrase as written ("malmö residency")."""
        return any(phrase in t for t in self._lower_texts)

    def has_match(self, pattern: str) -> bool:
        """Whether some chunk's lower-case text matches a regular expression (a modifier before a noun, «gröna
        obligationer»), looked up once per index and pattern: a memo, like the names'."""
        rx = re.compile(pattern)
        return self._memoised(self._matches, pattern, lambda: any(rx.search(t) for t in self._lower_texts))

    def has_name(self, phrase: str) -> bool:
        """Whether some chunk has a phrase with its capitals as written ("Malmö Möts", not "Malmö stad"), looked
        up once per index: a question's names are checked for every piece of evidence."""
        return self._memoised(self._names, phrase, lambda: any(
            re.search(r"(?<![\wåäö])" + re.escape(phrase) + r"(?![\wåäö])", c.text) for c in self.chunks
            if phrase in c.text))

    def written_as_a_name(self, word: str) -> bool:
        """Whether the reports write a word with a capital inside sentences ("till Rådhuset", "vid Rådhuset"), and
        seldom without: a name, which a question typed in lower case ("flytten till rådhuset") still names."""
        def look() -> bool:
            cap = word[:1].upper() + word[1:]
            rx_low = re.compile(r"(?<![\wåäöÅÄÖ])" + re.escape(word) + r"(?![\wåäö])")
            # (after a word in lower case: «Koll Folkhälsa» is a name of two words, folkhälsa a common one)
            rx_mid = re.compile(r"(?<![\wåäöÅÄÖ])[a-zåäö]+,?\s+" + re.escape(cap) + r"(?![\wåäö])")
            prose = [c for c in self.chunks if c.meta.get("kind") != "table"]  # a table's headers are capitalised
            low = sum(len(rx_low.findall(c.text)) for c in self.chunks if word in c.text)
            mid = sum(len(rx_mid.findall(c.text)) for c in prose if cap in c.text)
            return mid >= NAME_MIN and mid >= NAME_SHARE * low
        return self._memoised(self._capitalised, word, look)

    @staticmethod
    def _section_of(chunk: IndexedChunk) -> str:
        return f"{chunk.meta.get('source')}\x1f{chunk.meta.get('section') or chunk.meta.get('heading')}"

    def section_text(self, chunk: IndexedChunk) -> str:
        """The lower-case text of every chunk under a chunk's heading, computed once per index: a section
        names its subject once, and a chunk boundary can fall after the name."""
        key = self._section_of(chunk)
        return self._memoised(self._section_texts, key, lambda: " ".join(
            t for c, t in zip(self.chunks, self._lower_texts, strict=True) if self._section_of(c) == key))

    def text_terms(self, chunk: IndexedChunk) -> frozenset[str]:
        """A chunk's own stemmed terms (of its text, not its search text), computed once per index."""
        return self._memoised(self._text_terms, chunk.id, lambda: frozenset(terms(chunk.text)))

    def row_labels(self) -> tuple[tuple[IndexedChunk, tuple[frozenset[str], ...]], ...]:
        """Each table chunk with the stemmed words of each of its row labels, computed once per index: a question
        that may name a row looks through the tables only, not every passage."""
        def labels(chunk: IndexedChunk) -> tuple[frozenset[str], ...]:
            said = (line.partition(": ")[0] for line in chunk.text.split("\n")[2:] if ": " in line)
            return tuple(found for label in said if (found := frozenset(terms(label))))
        return self._memoised(self._row_labels, "", lambda: tuple(
            (c, labels(c)) for c in self.chunks if c.meta.get("kind") == "table"))

    def text_vocabulary(self) -> frozenset[str]:
        """Every stemmed term of the reports' own texts (not the headings and titles their search texts add): what
        they say in some passage, computed once per index and only when first asked."""
        return self._memoised(self._text_vocabulary, "", lambda: frozenset().union(
            *(self.text_terms(c) for c in self.chunks)))

    def stated_values(self, chunk: IndexedChunk) -> tuple[float, ...]:
        """The amounts in kronor a chunk may state (assistant.numbers.stated_values), computed once per index:
        a question naming an amount is checked against the whole report."""
        return self._memoised(self._stated_values, chunk.id, lambda: tuple(stated_values(chunk.text)))

    def substring_df(self, term: str) -> int:
        """Chunks with a word containing `term` (a compound part, e.g. cykel in förmånscykel)."""
        return self._memoised(self._substring_df, term, lambda: sum(1 for j in self._joined if term in j))

    @staticmethod
    def _memoised(table: dict[Any, T], key: Any, make: Callable[[], T]) -> T:
        """`table[key]`, made once: these memos depend on the index alone, never on one question, so sessions
        share them (two sessions making the same entry at once make the same value)."""
        found = table.get(key)
        if found is None:
            found = table[key] = make()
        return found

    @staticmethod
    def signature_of(records: dict[str, ReportRecord]) -> frozenset[tuple[str, str, str | None]]:
        """What an index was built from: each report's live collection and owner."""
        return frozenset((s, r.collection, r.owner) for s, r in records.items())

    def visible(self, viewer: str | None) -> frozenset[str] | None:
        """The reports a viewer may search (None: all of them, no private report in the library)."""
        if all(o is None for o in self.owner_of.values()):
            return None
        return frozenset(s for s, o in self.owner_of.items() if o is None or (viewer is not None and o == viewer))

    @classmethod
    def build(cls, a: Assistant, records: dict[str, ReportRecord] | None = None,
              previous: _Index | None = None) -> _Index:
        """A new index; chunks of collections the previous index already loaded are reused."""
        records = a.store.records(fresh=True) if records is None else records
        reuse: dict[str, list[IndexedChunk]] = {}
        for c in previous.chunks if previous else []:
            reuse.setdefault(c.collection, []).append(c)
        chunks: list[IndexedChunk] = []
        search_texts: list[str] = []
        collections = []
        for rec in records.values():
            collections.append(rec.collection)
            if rec.collection in reuse:
                for c in reuse[rec.collection]:
                    chunks.append(c)
                    search_texts.append(c.meta.get("search_text") or c.text)
                continue
            ids, docs, metas = a.store.load_chunks(rec)
            for i, d, m in zip(ids, docs, metas, strict=True):
                chunks.append(IndexedChunk(id=i, text=d, meta=m, collection=rec.collection))
                search_texts.append(m.get("search_text") or d)
        s = a.settings
        bm25 = BM25Retriever(chunks, search_texts, k=s.bm25_k)
        by_id = {c.id: c for c in chunks}
        dense = DenseRetriever(a.store, collections, by_id, a.embed_model, k=s.dense_k,
                               matrix_over=s.dense_matrix_over)
        fusion = FusionRetriever([bm25, dense], weights=[1.0, 1.0], k=s.top_k, rrf_k=s.rrf_k)
        return cls(chunks, fusion, bm25, dense, records)

    def search(self, query: str, filters: Filters | None, k: int,
               lexical_query: str | None = None) -> Hits:
        """Per-call copies carry the filters, so concurrent sessions never share them.
        `lexical_query` (BM25 only) adds words the embedding does not need, e.g.
        the Swedish translations of an English question's words."""
        bm25, dense = copy.copy(self.bm25), copy.copy(self.dense)
        bm25.filters = dense.filters = filters
        bm25.visible = dense.visible = self.visible(filters.viewer if filters else None)
        fusion = FusionRetriever([bm25, dense], weights=self.fusion.weights, k=k, rrf_k=self.fusion.rrf_k,
                                 mode=self.fusion.mode)
        bundle = QueryBundle(query_str=lexical_query or query, embedding=self.query_embedding(query))
        ranked = [(self.by_id[n.node.node_id], n.score or 0.0) for n in fusion.retrieve(bundle)]
        return Hits(ranked, dict(dense.last_similarity))
