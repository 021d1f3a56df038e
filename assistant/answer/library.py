"""What the answerers need from the library, as protocols.

The answer engine, its shapes and the LLM mode depend on these and not on
`assistant.api`, which depends on them: `Assistant` satisfies `Library`
structurally, and a test can hand in anything else that does.
"""

from __future__ import annotations

from typing import Any, Protocol

from assistant.models import Filters
from assistant.retrieval import Hits, IndexedChunk


class IndexView(Protocol):
    """The in-memory search index: read-only once built."""

    chunks: list[IndexedChunk]
    by_id: dict[str, IndexedChunk]
    sources: list[str]
    df: dict[str, int]
    noun_roots: frozenset[str]

    def substring_df(self, term: str) -> int: ...

    def query_embedding(self, text: str) -> list[float]: ...

    def text_vectors(self, texts: list[str]) -> list[list[float]]: ...

    def vocabulary(self) -> frozenset[str]: ...

    def text_vocabulary(self) -> frozenset[str]: ...

    def with_swedish_letters(self, word: str) -> str | None: ...

    def word_starting(self, prefix: str) -> str | None: ...

    def words_starting(self, prefix: str, limit: int) -> tuple[str, ...]: ...

    def has_phrase(self, phrase: str) -> bool: ...

    def has_match(self, pattern: str) -> bool: ...

    def common_stems(self, share: float) -> frozenset[str]: ...

    def visible(self, viewer: str | None) -> frozenset[str] | None: ...


class Library(Protocol):
    """Reports to answer from: search, outline and page text."""

    settings: Any
    embed_model: Any

    @property
    def index(self) -> IndexView: ...

    def retrieve(self, query: str, filters: Filters | None = None, k: int | None = None, *,
                 lexical_query: str | None = None) -> Hits: ...

    def outline(self, source: str | None = None) -> dict[str, Any]: ...

    def page_text(self, source: str, page: int) -> str: ...
