"""Does BM25 gain from splitting Swedish compounds or from character n-grams?

`python -m eval.compounds` indexes the bundled report's chunks three ways —
Snowball stems (what the assistant uses), stems plus compound parts
(`kompetensförsörjning` → `kompetens` + `försörjning` when both are words of
the report), and stems plus character 4-grams — and prints BM25's page hit@1
and hit@3 on the golden set's answerable Swedish questions.
"""

from __future__ import annotations

from collections.abc import Callable

import bm25s
import numpy as np

from assistant.api import Assistant
from assistant.textproc import terms
from eval.dataset import load_dataset

Tokeniser = Callable[[list[str]], list[str]]


def _splitter(vocab: set[str]) -> Tokeniser:
    def split(stem: str) -> list[str]:
        for i in range(4, len(stem) - 3):
            left, right = stem[:i], stem[i:]
            if right in vocab:
                left = left[:-1] if left.endswith("s") and left[:-1] in vocab else left  # linking -s-
                if left in vocab:
                    return [left, right]
        return []

    return lambda doc: doc + [p for t in doc if len(t) >= 9 for p in split(t)]


def _ngrams(doc: list[str]) -> list[str]:
    return doc + [t[i:i + 4] for t in doc if len(t) >= 6 for i in range(len(t) - 3)]


def run(assistant: Assistant | None = None) -> dict[str, tuple[float, float]]:
    a = assistant or Assistant()
    chunks = a.index.chunks
    base = [terms(c.meta.get("search_text") or c.text) or ["_"] for c in chunks]
    vocab = {t for d in base for t in d}
    items = [i for i in load_dataset() if not i.refuse and i.lang == "sv"]
    out: dict[str, tuple[float, float]] = {}
    for name, tok in (("stems", lambda d: d), ("decompound", _splitter(vocab)), ("char4gram", _ngrams)):
        corpus = [tok(d) for d in base]
        model = bm25s.BM25()
        model.index(corpus, show_progress=False)
        known = {t for d in corpus for t in d}
        h1 = h3 = 0
        for it in items:
            query = " ".join([*it.history[-1:], it.question])
            q = [t for t in tok(terms(query)) if t in known]
            if not q:
                continue
            top = np.argsort(-model.get_scores(q))[:3]
            hits = [any(chunks[i].page <= p <= int(chunks[i].meta.get("page_end", chunks[i].page)) for p in it.pages)
                    for i in top]
            h1 += hits[0]
            h3 += any(hits)
        out[name] = (h1 / len(items), h3 / len(items))
    return out


def main() -> None:
    results = run()
    print("BM25 alone, answerable Swedish golden questions")
    print(f"{'tokens':12} {'page hit@1':>10} {'page hit@3':>10}")
    for name, (h1, h3) in results.items():
        print(f"{name:12} {h1:10.3f} {h3:10.3f}")


if __name__ == "__main__":
    main()
