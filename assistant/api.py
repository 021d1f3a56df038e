"""The library API: the CLI, the Streamlit app and the eval suite all call this."""

from __future__ import annotations

import copy
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from llama_index.core.schema import QueryBundle

from assistant.config import Settings, load_settings
from assistant.embeddings import build_embedding, model_slug
from assistant.errors import AssistantError
from assistant.models import Answer, AnswerStream, Filters, Progress, Turn, validate_question
from assistant.retrieval import BM25Retriever, DenseRetriever, FusionRetriever, Hits, IndexedChunk
from assistant.store import ReportRecord, Store


@dataclass
class IngestResult:
    source: str
    status: str  # ingested | unchanged
    chunks: int
    seconds: float
    title: str = ""
    warnings: list[str] = field(default_factory=list)


class Assistant:
    """Ask questions about ingested reports and get cited answers."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or load_settings()
        self.embed_model = build_embedding(self.settings.embedding, self.settings.embed_max_tokens)
        self.model_id = model_slug(self.settings.embedding, self.settings.embed_max_tokens)
        self._store: Store | None = None
        self._index: _Index | None = None

    # -- store ------------------------------------------------------------
    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.settings, self.model_id)
        return self._store

    def reports(self) -> list[ReportRecord]:
        return sorted(self.store.records().values(), key=lambda r: (r.year or 0, r.title))

    def ingest(self, path: str | Path, progress: Progress | None = None, force: bool = False) -> IngestResult:
        """Parse, chunk, embed and store a report; a no-op when it is unchanged."""
        from ingest.pipeline import chunk_report, parse_report

        t0 = time.perf_counter()
        p = Path(path)
        if progress:
            progress(f"Läser {p.name}", 0.0)
        report = parse_report(p)  # raises IngestError before anything is touched
        params = f"{self.model_id}|{self.settings.chunk_tokens}"
        content_hash = Store.content_hash(p.read_bytes(), params)
        with self.store.lock():
            existing = self.store.records().get(report.source)
            if existing and existing.content_hash == content_hash and not force and self.store.has_live(existing):
                return IngestResult(report.source, "unchanged", existing.chunks, time.perf_counter() - t0,
                                    existing.title, existing.warnings)
            chunks = chunk_report(report, max_tokens=self.settings.chunk_tokens)
            record = ReportRecord(
                source=report.source, title=report.title, year=report.year, content_hash=content_hash,
                collection=self.store.collection_name(report.source, content_hash), chunks=len(chunks),
                pages={str(k): v for k, v in report.pages.items()},
                outline={
                    "goal_areas": list(report.goal_areas),
                    "goals": [asdict(g) for g in report.goals],
                    "headings": [list(h) for h in report.headings],
                },
                warnings=list(report.warnings),
            )
            for c in chunks:
                c.extra["search_text"] = c.search_text
            self.store.write(
                record, ids=[c.id for c in chunks], documents=[c.text for c in chunks],
                metadatas=[c.metadata() for c in chunks], embed=self.embed_model.get_text_embedding_batch,
                embed_texts=[c.embed_text for c in chunks], progress=progress,
            )
        self._index = None
        if progress:
            progress(f"Klart: {report.source}", 1.0)
        return IngestResult(report.source, "ingested", len(chunks), time.perf_counter() - t0, report.title,
                            list(report.warnings))

    def ensure_ready(self, progress: Progress | None = None) -> list[IngestResult]:
        """Ingest the bundled reports that are not yet in the store."""
        known = {r.source for r in self.store.records().values() if self.store.has_live(r)}
        results = []
        for path in sorted(self.settings.reports_dir.glob("*")):
            if path.suffix.lower() in {".txt", ".pdf"} and path.name not in known:
                results.append(self.ingest(path, progress=progress))
        if not self.store.records():
            raise AssistantError(
                f"Det finns ingen rapport i indexet. Lägg en rapport i {self.settings.reports_dir} "
                "eller kör: python -m assistant ingest SÖKVÄG"
            )
        return results

    def remove(self, source: str) -> bool:
        removed = self.store.remove(source)
        self._index = None
        return removed

    def outline(self, source: str | None = None) -> dict[str, Any]:
        recs = self.store.records()
        rec = recs.get(source) if source else next(iter(recs.values()), None)
        return rec.outline if rec else {"goal_areas": [], "goals": [], "headings": []}

    def page_text(self, source: str, page: int) -> str:
        rec = self.store.records().get(source)
        return rec.pages.get(str(page), "") if rec else ""

    # -- retrieval --------------------------------------------------------
    @property
    def index(self) -> _Index:
        if self._index is None:
            self.ensure_ready()
            self._index = _Index.build(self)
        return self._index

    def retrieve(self, query: str, filters: Filters | None = None, k: int | None = None, *,
                 lexical_query: str | None = None) -> Hits:
        """Hybrid retrieval; `lexical_query`, when given, replaces `query` for BM25 only."""
        return self.index.search(query, filters, k or self.settings.top_k, lexical_query)

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
            return stream_llm(self, question, fallback=self.answer_engine(), **kwargs)
        return AnswerStream.of(self.ask(question, **kwargs))


class _Index:
    """Everything retrieval needs in memory: chunks, BM25, dense, fusion."""

    def __init__(self, chunks: list[IndexedChunk], fusion: FusionRetriever, bm25: BM25Retriever,
                 dense: DenseRetriever) -> None:
        self.chunks = chunks
        self.by_id = {c.id: c for c in chunks}
        self.sources = sorted({str(c.meta.get("source")) for c in chunks})
        self.fusion = fusion
        self.bm25 = bm25
        self.dense = dense
        self.df: dict[str, int] = {}
        for doc_terms in bm25.doc_terms:
            for t in set(doc_terms):
                self.df[t] = self.df.get(t, 0) + 1
        self._joined = [" ".join(set(d)) for d in bm25.doc_terms]
        self._substring_df: dict[str, int] = {}
        self._last_query: tuple[str, list[float]] | None = None

    def query_embedding(self, text: str) -> list[float]:
        """The question's vector. The last one is kept: the answerer compares the
        same question with single sentences right after retrieval."""
        last = self._last_query
        if last is None or last[0] != text:
            last = (text, self.dense.embed_model.get_query_embedding(text))
            self._last_query = last
        return last[1]

    def substring_df(self, term: str) -> int:
        """Chunks with a word containing `term` (a compound part, e.g. cykel in förmånscykel)."""
        if term not in self._substring_df:
            self._substring_df[term] = sum(1 for j in self._joined if term in j)
        return self._substring_df[term]

    @classmethod
    def build(cls, a: Assistant) -> _Index:
        chunks: list[IndexedChunk] = []
        search_texts: list[str] = []
        collections = []
        for rec in a.store.records().values():
            ids, docs, metas = a.store.load_chunks(rec)
            collections.append(rec.collection)
            for i, d, m in zip(ids, docs, metas, strict=True):
                chunks.append(IndexedChunk(id=i, text=d, meta=m, collection=rec.collection))
                search_texts.append(m.get("search_text") or d)
        s = a.settings
        bm25 = BM25Retriever(chunks, search_texts, k=s.bm25_k)
        by_id = {c.id: c for c in chunks}
        dense = DenseRetriever(a.store, collections, by_id, a.embed_model, k=s.dense_k,
                               matrix_over=s.dense_matrix_over)
        fusion = FusionRetriever([bm25, dense], weights=[1.0, 1.0], k=s.top_k, rrf_k=s.rrf_k)
        return cls(chunks, fusion, bm25, dense)

    def search(self, query: str, filters: Filters | None, k: int,
               lexical_query: str | None = None) -> Hits:
        """Per-call copies carry the filters, so concurrent sessions never share them.
        `lexical_query` (BM25 only) adds words the embedding does not need, e.g.
        the Swedish translations of an English question's words."""
        bm25, dense = copy.copy(self.bm25), copy.copy(self.dense)
        bm25.filters = dense.filters = filters
        fusion = FusionRetriever([bm25, dense], weights=self.fusion.weights, k=k, rrf_k=self.fusion.rrf_k,
                                 mode=self.fusion.mode)
        bundle = QueryBundle(query_str=lexical_query or query, embedding=self.query_embedding(query))
        ranked = [(self.by_id[n.node.node_id], n.score or 0.0) for n in fusion.retrieve(bundle)]
        return Hits(ranked, dict(dense.last_similarity))
