"""`python -m eval.library_bench [--reports N]`: does the assistant still find the right report, quickly,
when the library holds many reports?

Builds N variants of the bundled report (years shifted, figures scaled, project names suffixed; page structure
kept), ingests them and the original into a temp store, then asks the golden questions (answerable items) of
the ORIGINAL report without a report filter: the right report must be found. Reports query p50/p95, peak memory
(ru_maxrss) and the share of questions whose top citation names the original report and an expected page;
for comparison the same questions with `Filters(source=original)`.

Embedding: the real model. Variants share most passages with the original, so ingest embeds each distinct
(truncated) passage text once and reuses its vector for identical text in later reports (an in-memory cache
keyed by exactly the text the model sees; the output states the hit rate). The cache is removed before the
questions, so query-time embeddings are always computed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from assistant.config import ROOT
from eval.dataset import DEFAULT_DATASET, Item, load_dataset
from eval.metrics import percentile
from eval.report import text_table

ORIGINAL = ROOT / "data" / "reports" / "delarsrapport-2025-kommunstyrelsen.txt"
TARGET_P50_MS = 300.0
TARGET_PEAK_MB = 2048.0
# names that are this city's own projects/places; a variant appends a suffix ("Nyhamnen-B7")
PROJECT_NAMES = ("Öresundsmetron", "Nyhamnen", "Rosengård", "Medvind", "Uven", "Rådhuset", "Koll")
UNIT = r"(?:miljoner|miljarder|mnkr|Mkr|mkr|tkr|Tkr|procent|%|kronor)"
AMOUNT = re.compile(r"(?<![\d,.])(\d{1,3}(?: \d{3})+|\d+)(,\d+)?(?=\s*" + UNIT + r")")
YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")


# -- report variants ------------------------------------------------------------------------------------------
HEADER = re.compile(r"^(Delårsrapport \d{4}, Kommunstyrelsen)( \d{1,4}\(\d{1,4}\)\s*)$", re.MULTILINE)


def variant_year(i: int) -> int:
    """Report i's year: 2024, 2023, … 2001, then again from 2024 (never the original's 2025)."""
    return 2024 - i % 24


def variant_tag(i: int) -> str:
    """What makes report i's title, file name and project names unique ("B1", "H7", …)."""
    return f"{chr(ord('A') + i % 26)}{i}"


def _scale(match: re.Match[str], factor: float) -> str:
    whole, frac = match.group(1).replace(" ", ""), match.group(2) or ""
    decimals = len(frac) - 1 if frac else 0
    value = float(whole + ("." + frac[1:] if frac else "")) * factor
    text = f"{value:,.{decimals}f}".replace(",", " ").replace(".", ",")
    return text if " " in match.group(1) else text.replace(" ", "")


def make_variant(text: str, i: int, years: str = "all") -> str:
    """Report i: every year shifted so 2025 becomes variant_year(i), every amount with a unit scaled by
    1.07 + 0.031·i (not round, so a variant rarely repeats one of the original figures), project names suffixed, the tag in the title. Running headers
    (`Delårsrapport Y, Kommunstyrelsen T 12(47)`) keep their page numbers, so the pages stay where they were.

    years="headers" shifts the year only in the running headers (so in the title): the body text then differs only
    in figures and names, which makes far more passages identical to the original (a cheaper ingest, and a harder
    test of finding the right report)."""
    shift = variant_year(i) - 2025
    factor = 1.07 + 0.031 * i
    tag = variant_tag(i)
    if years == "all":
        out = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
        out = HEADER.sub(lambda m: f"{m.group(1)} {tag}{m.group(2)}", out)
    else:
        out = HEADER.sub(lambda m: f"{YEAR.sub(str(variant_year(i)), m.group(1))} {tag}{m.group(2)}", text)
    out = AMOUNT.sub(lambda m: _scale(m, factor), out)
    for name in PROJECT_NAMES:
        out = re.sub(rf"\b{name}\b", f"{name}-{tag}", out)
    return out


def variant_name(i: int) -> str:
    return f"delarsrapport-{variant_year(i)}-kommunstyrelsen-{variant_tag(i).lower()}.txt"


# -- embedding cache (ingest only) --------------------------------------------------------------------------------
class CachedEmbedding:
    """The real model; a passage whose model input (the text after the model's own truncation) was embedded
    before gets that same vector back instead of being embedded again."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.cache: dict[str, list[float]] = {}
        self.hits = 0
        self.misses = 0

    def _key(self, text: str) -> str:
        truncate = getattr(self.model, "truncate", None)
        return truncate(text) if callable(truncate) else text

    def get_text_embedding_batch(self, texts: list[str], **kwargs: Any) -> list[list[float]]:
        keys = [self._key(t) for t in texts]
        todo = {k: t for k, t in zip(keys, texts, strict=True) if k not in self.cache}
        if todo:
            vectors = self.model.get_text_embedding_batch(list(todo.values()), **kwargs)
            self.cache.update(zip(todo.keys(), vectors, strict=True))
        self.misses += len(todo)
        self.hits += len(texts) - len(todo)
        return [self.cache[k] for k in keys]

    def get_query_embedding(self, query: str) -> list[float]:
        return self.model.get_query_embedding(query)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)


# -- measuring -------------------------------------------------------------------------------------------------
def peak_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _ask_item(a: Any, item: Item, filters: Any) -> tuple[Any, float, float]:
    """The item's answer, wall latency and CPU time (ms); a follow-up's earlier questions are asked first
    (not timed). CPU time (all threads of this process) shows the cost when other jobs share the cores."""
    from assistant.models import Turn

    turns: list[Turn] = []
    for earlier in item.history:
        turns.append(Turn(earlier, a.ask(earlier, history=list(turns), filters=filters).answer))
    cpu0 = time.process_time()
    answer = a.ask(item.question, history=turns, filters=filters)
    return answer, answer.latency_ms, (time.process_time() - cpu0) * 1000


def _score(answers: Sequence[tuple[Item, Any, float]], original: str, cpu: Sequence[float]) -> dict[str, Any]:
    n = len(answers)
    lat = [ms for _, _, ms in answers]
    top = [(it, ans.citations[0] if ans.citations else None) for it, ans, _ in answers]
    right = sum(1 for it, c in top if c and c.source == original and c.page in it.pages)
    right_page = sum(1 for it, c in top if c and c.page in it.pages)
    right_report = sum(1 for _, c in top if c and c.source == original)
    return {
        "n": n, "p50_ms": percentile(lat, 50), "p95_ms": percentile(lat, 95), "mean_ms": statistics.fmean(lat),
        "cpu_p50_ms": percentile(cpu, 50),
        "top_citation_right": right / n, "top_citation_original_report": right_report / n,
        "top_citation_expected_page": right_page / n,
        "refused": sum(1 for _, ans, _ in answers if ans.refused) / n,
        "other_reports_notice": sum(1 for _, ans, _ in answers if ans.notice) / n,
        "p50_ms_by_kind": {k: percentile([ms for it, _, ms in answers if it.kind == k], 50)
                           for k in sorted({it.kind for it, _, _ in answers})},
        "items": [{"id": it.id, "kind": it.kind, "ms": round(ms, 1), "refused": ans.refused,
                   "top": [c.source, c.page] if (c := ans.citations[0] if ans.citations else None) else None}
                  for it, ans, ms in answers],
    }


def _component_ms(a: Any, questions: Sequence[str]) -> dict[str, float | None]:
    """Median time of dense (one Chroma query per report collection) and BM25 retrieval alone."""
    import copy

    from llama_index.core.schema import QueryBundle

    dense_ms, bm25_ms = [], []
    for q in questions:
        bundle = QueryBundle(q)
        dense = copy.copy(a.index.dense)
        t0 = time.perf_counter()
        dense.retrieve(bundle)
        dense_ms.append((time.perf_counter() - t0) * 1000)
        bm25 = copy.copy(a.index.bm25)
        t0 = time.perf_counter()
        bm25.retrieve(bundle)
        bm25_ms.append((time.perf_counter() - t0) * 1000)
    return {"dense_p50_ms": percentile(dense_ms, 50), "bm25_p50_ms": percentile(bm25_ms, 50)}


def run_library_bench(n_reports: int = 100, out: str | Path | None = None, *, filtered: bool = True,
                      limit: int | None = None, dataset: str | Path | None = None, years: str = "all",
                      log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Ingest the original plus `n_reports` variants into a temp store and measure; returns the numbers
    (and writes them as JSON to `out`, if given). The original is ingested in the middle of the variants,
    so insertion order cannot favour it."""
    from assistant.api import Assistant
    from assistant.config import load_settings
    from assistant.models import Filters

    say = log or (lambda msg: print(msg, file=sys.stderr, flush=True))
    items = [it for it in load_dataset(dataset or DEFAULT_DATASET) if it.answerable]
    if limit:
        items = items[:limit]
    text = ORIGINAL.read_text(encoding="utf-8")
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="library-bench-") as tmp:
        base = Path(tmp)
        (base / "reports").mkdir()
        files: list[Path] = []
        for i in range(n_reports):
            path = base / "reports" / variant_name(i)
            path.write_text(make_variant(text, i, years), encoding="utf-8")
            files.append(path)
        files.insert(n_reports // 2, ORIGINAL)
        settings = load_settings(config_file=base / "absent.toml", data_dir=base / "data",
                                 reports_dir=base / "reports", mode="extractive")
        a = Assistant(settings)
        real_model = a.embed_model
        cached = CachedEmbedding(real_model)
        a.embed_model = cached
        t0 = time.perf_counter()
        ingest_s: list[float] = []
        for k, path in enumerate(files, 1):
            r = a.ingest(path)
            ingest_s.append(r.seconds)
            if k == 1 or k % 10 == 0 or k == len(files):
                say(f"ingested {k}/{len(files)} ({time.perf_counter() - t0:.0f} s, cache hits "
                    f"{cached.hits}/{cached.hits + cached.misses})")
        ingest_total = time.perf_counter() - t0
        a.embed_model = real_model  # questions embed for real, every time
        a._index = None  # the index must be built with the real model attached
        t1 = time.perf_counter()
        index = a.index
        index_s = time.perf_counter() - t1
        a.ask(items[0].question)  # warm-up: the answerer and the query path
        results: dict[str, Any] = {}
        passes = [("no_filter", None)] + ([("filter_original", Filters(source=ORIGINAL.name))] if filtered else [])
        for label, filters in passes:
            answers, cpu = [], []
            t2 = time.perf_counter()
            for item in items:
                ans, ms, cpu_ms = _ask_item(a, item, filters)
                answers.append((item, ans, ms))
                cpu.append(cpu_ms)
            results[label] = _score(answers, ORIGINAL.name, cpu)
            say(f"{label}: {len(items)} questions in {time.perf_counter() - t2:.0f} s")
        results["components"] = _component_ms(a, [it.question for it in items[:20]])
        results["components"]["dense_path"] = ("exact search in memory" if a.index.dense.use_matrix
                                                else "one Chroma query per collection")
        numbers = {
            "reports": len(files), "variants": n_reports, "years": years, "questions": len(items), "chunks": len(index.chunks),
            "collections": len(a.store.records()), "ingest_total_s": ingest_total,
            "ingest_mean_s": statistics.fmean(ingest_s), "index_build_s": index_s,
            "embed_cache_hits": cached.hits, "embed_cache_misses": cached.misses,
            "peak_mb": peak_mb(), "load_before": load_before, "load_after": os.getloadavg()[0],
            "cpus": os.cpu_count(), "store_mb": _dir_mb(settings.chroma_dir),
            "manifest_mb": a.store.manifest_bytes() / 1e6,
            "targets": {"p50_ms": TARGET_P50_MS, "peak_mb": TARGET_PEAK_MB},
            **results,
        }
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(json.dumps(numbers, indent=2, ensure_ascii=False), encoding="utf-8")
    return numbers


# -- output -------------------------------------------------------------------------------------------------------
def _ms(v: float | None) -> str:
    return "–" if v is None else f"{v:.0f} ms"


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


def format_table(r: dict[str, Any]) -> str:
    """The numbers as a fixed-width table, with the targets marked met or missed."""
    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    nf = r["no_filter"]
    rows = [
        ["reports in the store", f"{r['reports']} ({r['variants']} variants + original)",
         "years shifted in the " + ("whole text" if r.get("years", "all") == "all" else "headers only")],
        ["chunks / collections", f"{r['chunks']} / {r['collections']}", ""],
        ["ingest total / mean per report", f"{r['ingest_total_s']:.0f} s / {r['ingest_mean_s']:.1f} s", ""],
        ["embedding cache hits (ingest)", f"{r['embed_cache_hits']}/{r['embed_cache_hits'] + r['embed_cache_misses']}",
         "identical text reused"],
        ["index build (first question)", f"{r['index_build_s']:.1f} s", ""],
        ["questions (answerable golden)", str(r["questions"]), ""],
        ["query p50 (no filter)", _ms(nf["p50_ms"]), f"≤ {TARGET_P50_MS:.0f} ms {mark(nf['p50_ms'] <= TARGET_P50_MS)}"],
        ["query p95 (no filter)", _ms(nf["p95_ms"]), ""],
        ["query CPU time p50 (no filter)", _ms(nf["cpu_p50_ms"]), "all threads; robust to other jobs"],
        ["  dense retrieval p50", _ms(r["components"]["dense_p50_ms"]),
         r["components"].get("dense_path", "")],
        ["  BM25 retrieval p50", _ms(r["components"]["bm25_p50_ms"]), ""],
        ["top citation: original + page", _pct(nf["top_citation_right"]), "no report filter"],
        ["top citation: original report", _pct(nf["top_citation_original_report"]), ""],
        ["top citation: expected page", _pct(nf["top_citation_expected_page"]), "any report"],
        ["refused", _pct(nf["refused"]), ""],
        ["answer says other reports answer too", _pct(nf.get("other_reports_notice", 0.0)), "no report filter"],
    ]
    if "filter_original" in r:
        fo = r["filter_original"]
        rows += [
            ["query p50 (report filter)", _ms(fo["p50_ms"]), ""],
            ["top citation right (filter)", _pct(fo["top_citation_right"]), "Filters(source=original)"],
        ]
    rows += [
        ["peak memory (ru_maxrss)", f"{r['peak_mb']:.0f} MB",
         f"≤ {TARGET_PEAK_MB:.0f} MB {mark(r['peak_mb'] <= TARGET_PEAK_MB)}"],
        ["store on disk / manifest", f"{r['store_mb']:.0f} MB / {r['manifest_mb']:.1f} MB", ""],
        ["load average before / after", f"{r['load_before']:.1f} / {r['load_after']:.1f}", f"{r['cpus']} CPUs"],
    ]
    return text_table(["measure", "value", "note"], rows)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.library_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=100, help="variants beside the original (default 100)")
    parser.add_argument("--out", type=Path, default=None, help="write the numbers as JSON here")
    parser.add_argument("--limit", type=int, default=None, help="only the first N answerable questions")
    parser.add_argument("--no-filtered", action="store_true", help="skip the pass with the report filter")
    parser.add_argument("--years", choices=("all", "headers"), default="all",
                        help="shift years in the whole text (default) or only in the running headers (faster ingest)")
    args = parser.parse_args(argv)
    if args.reports < 0:
        parser.error("--reports must be 0 or more")
    result = run_library_bench(args.reports, args.out, filtered=not args.no_filtered, limit=args.limit,
                               years=args.years)
    print(format_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
