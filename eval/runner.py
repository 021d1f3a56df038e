"""Run the golden set through an Assistant and score each item.

Library API for the CLI and the Streamlit Eval page:
`run_suite(assistant, ...) -> results` (also written to results.json, report.md,
report.html) and `load_latest(out_dir) -> results | None`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.config import ROOT
from assistant.models import Answer, Turn
from eval.dataset import DEFAULT_DATASETS, OPEN_KINDS, Item, load_datasets
from eval.judge import Judge, make_judge
from eval.matching import check_citations, chunk_rank, covered_points, missing_facts, page_rank
from eval.metrics import compute_metrics

DEFAULT_OUT_DIR = ROOT / "eval" / "results" / "latest"
RESULTS_FILE = "results.json"
RETRIEVE_K = 10  # ranks kept per item; hit@5 and MRR need no more
Progress = Callable[[int, int, str], None]


def git_rev(root: Path = ROOT) -> str | None:
    """The checked-out commit, read from .git without running git (absent in some CI copies)."""
    try:
        head = (root / ".git" / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head or None
        ref = head[5:]
        ref_file = root / ".git" / ref
        if ref_file.exists():
            return ref_file.read_text().strip() or None
        packed = root / ".git" / "packed-refs"
        for line in packed.read_text().splitlines() if packed.exists() else []:
            sha, _, name = line.partition(" ")
            if name == ref:
                return sha
    except OSError:
        pass
    return None


def _retrieved(assistant: Any, item: Item, answer: Answer | None) -> tuple[list[dict[str, Any]], str]:
    """Ranked chunks as dicts (id, page, page_end, text); the answerer's own list when it
    reports one, else a fresh retrieval (followups: history questions + question, since the
    bare followup "När gavs den ut?" names nothing)."""
    if answer is not None and answer.retrieved:
        return [dict(d) for d in answer.retrieved[:RETRIEVE_K]], "answer"
    query = " ".join([*item.history, item.question])
    hits = assistant.retrieve(query, None, RETRIEVE_K)
    return [
        {"id": c.id, "page": c.page, "page_end": int(c.meta.get("page_end", c.page)), "text": c.text}
        for c, _score in hits
    ], "retrieve"


def _chunk_text(assistant: Any) -> Callable[[Mapping[str, Any]], str]:
    """Text of a retrieved chunk: from the dict, else from the in-memory index by id."""
    def text_of(chunk: Mapping[str, Any]) -> str:
        if chunk.get("text"):
            return str(chunk["text"])
        try:
            return assistant.index.by_id[chunk["id"]].text
        except (AttributeError, KeyError, TypeError):
            return ""
    return text_of


def _citation_json(c: Any) -> dict[str, Any]:
    d = c.to_json()
    d["chunk_id"] = c.chunk_id
    return d


def evaluate_item(assistant: Any, item: Item, mode: str | None = None, judge: Judge | None = None) -> dict[str, Any]:
    """Ask one item (its history first, carrying real answers) and score it."""
    record: dict[str, Any] = {
        "id": item.id, "kind": item.kind, "lang": item.lang, "question": item.question,
        "history": list(item.history),
        "expected": {"facts": list(item.facts), "pages": list(item.pages), "refuse": item.refuse,
                     "points": len(item.points)},
        "split": item.split, "shape": None, "confidence": None, "words": None, "points": None,
        "answer": "", "refused": False, "mode": mode, "notice": None, "citations": [], "retrieved": [],
        "retrieval_source": None, "page_rank": None, "chunk_rank": None, "latency_ms": None, "error": None,
    }
    answer: Answer | None = None
    try:
        turns: list[Turn] = []
        for earlier in item.history:
            previous = assistant.ask(earlier, history=list(turns), mode=mode)
            turns.append(Turn(earlier, previous.answer))
        answer = assistant.ask(item.question, history=turns, mode=mode)
    except ImportError:
        raise  # a missing module is a broken setup, not 170 failed items
    except Exception as exc:  # one crashing question must not hide the other results
        record["error"] = f"{type(exc).__name__}: {exc}"
    why: list[str] = []
    if answer is not None:
        record.update(
            answer=answer.answer, refused=bool(answer.refused), mode=answer.mode, notice=answer.notice,
            citations=[_citation_json(c) for c in answer.citations], latency_ms=round(answer.latency_ms, 2),
            shape=getattr(answer, "shape", None), confidence=getattr(answer, "confidence", None),
            words=len(answer.answer.split()), features=dict(getattr(answer, "features", {}) or {}),
        )
    else:
        why.append(f"error: {record['error']}")
    # answer correctness
    if item.refuse:
        answer_ok = answer is not None and answer.refused
        if answer is not None and not answer.refused:
            why.append("answered a question the report cannot answer (expected a refusal)")
    else:
        missing = missing_facts(item.facts, answer.answer) if answer is not None else list(item.facts)
        answer_ok = answer is not None and not answer.refused and not missing
        if answer is not None and answer.refused:
            why.append("refused an answerable question")
        elif answer is not None:
            why.extend(f"fact {f!r} not in the answer" for f in missing)
    citation_ok: bool | None = None
    if item.points:  # an open item: the share of its key points that a citation covers on a right page
        covered = covered_points(item.points, answer.citations if answer is not None and not answer.refused else [])
        record["points"] = sum(covered) / len(covered)
        answer_ok = answer_ok and any(covered)
        citation_ok = any(covered)
        if answer is not None and not answer.refused:
            why.extend(f"key point {'/'.join(p.any)!r} (p. {list(p.pages)}) not cited"
                       for p, ok in zip(item.points, covered, strict=True) if not ok)
    # the first citation on a right page
    first_page_ok: bool | None = None
    if not item.refuse and item.kind not in OPEN_KINDS:
        first_page_ok = bool(answer is not None and answer.citations and answer.citations[0].page in item.pages)
    # citation correctness (answerable only)
    if not item.refuse and not item.points:
        check = check_citations(item.facts, item.pages, answer.citations if answer is not None else [])
        citation_ok = check.ok
        if answer is not None and not answer.refused:
            why.extend(f"citation: {w}" for w in check.why)
    # retrieval ranks (answerable only)
    if not item.refuse:
        try:
            retrieved, source = _retrieved(assistant, item, answer)
        except ImportError:
            raise
        except Exception as exc:
            retrieved, source = [], f"error: {type(exc).__name__}: {exc}"
        record["page_rank"] = page_rank(retrieved, item.pages)
        record["chunk_rank"] = chunk_rank(retrieved, item.facts, _chunk_text(assistant))
        record["retrieved"] = [{"id": c.get("id"), "page": c.get("page"), "page_end": c.get("page_end")}
                               for c in retrieved]
        record["retrieval_source"] = source
    rank = record["page_rank"]
    record["passed"] = {
        "answer": answer_ok,
        "citation": citation_ok,
        "refusal": answer is not None and answer.refused == item.refuse,
        "page_hit1": None if item.refuse else rank == 1,
        "page_hit5": None if item.refuse else (rank is not None and rank <= 5),
        "first_page": first_page_ok,
    }
    record["ok"] = bool(answer_ok and (item.refuse or citation_ok))
    record["why"] = why if not record["ok"] else []
    if judge is not None and answer is not None:
        record["judge"] = judge.score(answer)
    return record


def _warm_up(assistant: Any, items: list[Item], mode: str | None) -> None:
    """Build the index and load models before timing, so the first item's latency is a query's."""
    if hasattr(assistant, "ensure_ready"):
        assistant.ensure_ready()
    if items:
        try:
            assistant.ask(items[0].question, history=[], mode=mode)
        except ImportError:
            raise
        except Exception:
            pass  # the item itself will record the error


def _dataset_label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def run_suite(assistant: Any, dataset_path: str | Path | list[str | Path] | None = None, mode: str | None = None,
              out_dir: str | Path | None = None, progress: Progress | None = None, limit: int | None = None,
              kind: str | None = None, judge: Judge | bool | None = True, split: str = "all") -> dict[str, Any]:
    """Run the dataset, write results.json + report.md + report.html to out_dir, return the results.

    `judge`: True builds LLM judges when an LLM is configured, False disables them,
    a Judge instance is used as is (tests).
    """
    if dataset_path is None:
        paths = [Path(p) for p in DEFAULT_DATASETS if Path(p).exists()]
    elif isinstance(dataset_path, list | tuple):
        paths = [Path(p) for p in dataset_path]
    else:
        paths = [Path(dataset_path)]
    items = load_datasets(paths, kind=kind, limit=limit, split=split)
    settings = getattr(assistant, "settings", None)
    mode = mode or getattr(settings, "mode", None)
    if judge is True:
        judge_obj, judge_status = make_judge(settings, mode) if settings is not None else (None, "skipped: no settings")
    elif judge is False or judge is None:
        judge_obj, judge_status = None, "skipped: disabled"
    else:
        judge_obj, judge_status = judge, "enabled"
    started = datetime.now(UTC)
    t0 = time.perf_counter()
    _warm_up(assistant, items, mode)
    records: list[dict[str, Any]] = []
    for done, item in enumerate(items, 1):
        records.append(evaluate_item(assistant, item, mode, judge_obj))
        if progress:
            progress(done, len(items), item.id)
    meta: dict[str, Any] = {
        "mode": mode,
        "dataset": ", ".join(_dataset_label(p) for p in paths),
        "split": split,
        "started_at": started.isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - t0, 2),
        "git_rev": git_rev(),
        "n_items": len(items),
        "filters": {"kind": kind, "limit": limit},
        "judge": judge_status,
        "python": sys.version.split()[0],
    }
    if settings is not None:
        meta["settings"] = {k: v for k, v in settings.redacted().items()
                            if k in {"embedding", "embed_max_tokens", "chunk_tokens", "top_k", "dense_k", "bm25_k",
                                     "rrf_k", "llm_provider", "llm_model"}}
    results = {"metrics": compute_metrics(records), "items": records, "meta": meta}
    write_results(results, out_dir)
    return results


def _atomic_write(path: Path, text: str) -> None:
    """Write then rename, so the app never reads a half-written results file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def write_results(results: dict[str, Any], out_dir: str | Path | None = None) -> Path:
    """results.json, report.md and report.html in out_dir (default eval/results/latest)."""
    from eval.report import render_html, render_markdown

    out = Path(out_dir) if out_dir else DEFAULT_OUT_DIR
    out.mkdir(parents=True, exist_ok=True)
    _atomic_write(out / "report.md", render_markdown(results))
    _atomic_write(out / "report.html", render_html(results))
    _atomic_write(out / RESULTS_FILE, json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    return out / RESULTS_FILE


def load_results(path: str | Path) -> dict[str, Any]:
    """A results dict from a results.json file or a directory holding one."""
    p = Path(path)
    if p.is_dir():
        p = p / RESULTS_FILE
    return json.loads(p.read_text(encoding="utf-8"))


def load_latest(out_dir: str | Path | None = None) -> dict[str, Any] | None:
    """The last run's results, or None when there is none (or it is unreadable)."""
    try:
        return load_results(Path(out_dir) if out_dir else DEFAULT_OUT_DIR)
    except (OSError, ValueError):
        return None
