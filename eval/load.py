"""Load tests: many officials asking at once against one app process.

Two measurements (`python -m eval load threads | sessions`):

- **threads**: the golden set asked once alone (the reference answers), then ROUNDS rounds of it with one
  thread and with THREADS threads on the same Assistant. Reports how many answers differ from the
  reference and the throughput of THREADS threads against one thread. Per-question state that leaked between sessions
  showed up here as changed answers.
- **sessions**: SESSIONS simulated officials, each asking golden questions with THINK seconds of think
  time between them, for DURATION seconds, in process or over HTTP (`python -m assistant serve`, started
  as a separate process unless --url is given). Reports p50/p95/max latency, errors and answers that
  differ from the reference.

An answer "differs" when its text, its refusal or its cited (report, page) pairs differ; latency does not.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval.dataset import Item, load_dataset

ROOT = Path(__file__).resolve().parent.parent
Ask = Callable[[Item], dict[str, Any]]  # one golden item -> the answer's JSON (history asked first)


def answer_key(answer: dict[str, Any]) -> tuple:
    """What must not change under load: text, refusal, cited (report, page)."""
    if "error" in answer:
        return ("error", answer["error"])
    cites = tuple((c.get("source"), c.get("page")) for c in answer.get("citations", []))
    return (answer.get("answer"), bool(answer.get("refused")), cites)


def in_process(assistant: Any) -> Ask:
    """Ask one item on an Assistant in this process (its history first, carrying the real answers)."""
    from assistant.errors import AssistantError
    from assistant.models import Turn

    def ask(item: Item) -> dict[str, Any]:
        turns: list[Turn] = []
        try:
            for earlier in item.history:
                turns.append(Turn(earlier, assistant.ask(earlier, history=list(turns)).answer))
            return assistant.ask(item.question, history=turns).to_json()
        except AssistantError as exc:
            return {"error": str(exc)}

    return ask


def over_http(url: str, timeout: float = 60.0) -> Ask:
    """Ask one item over POST {url}/ask (history first)."""

    def post(body: dict[str, Any]) -> dict[str, Any]:
        req = urllib.request.Request(f"{url.rstrip('/')}/ask", data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            try:
                return json.loads(exc.read().decode("utf-8"))
            except (ValueError, OSError):
                return {"error": f"HTTP {exc.code}"}
        except OSError as exc:
            return {"error": f"{type(exc).__name__}: {exc}"}

    def ask(item: Item) -> dict[str, Any]:
        history: list[dict[str, str]] = []
        for earlier in item.history:
            prev = post({"question": earlier, "history": list(history)})
            history.append({"question": earlier, "answer": str(prev.get("answer", ""))})
        return post({"question": item.question, "history": history, "id": item.id})

    return ask


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = int(pos), min(int(pos) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def reference(items: list[Item], ask: Ask) -> tuple[dict[str, tuple], float]:
    """Every item asked once, alone: the answers to compare against and the seconds it took."""
    t0 = time.perf_counter()
    keys = {item.id: answer_key(ask(item)) for item in items}
    return keys, time.perf_counter() - t0


@dataclass
class Differences:
    count: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)

    def check(self, item: Item, got: dict[str, Any], expected: tuple) -> None:
        key = answer_key(got)
        if key != expected:
            self.count += 1
            if len(self.examples) < 10:
                self.examples.append({"id": item.id, "question": item.question, "alone": list(expected)[:2],
                                      "under_load": list(key)[:2]})


def _drive(ask: Ask, work: list[Item], threads: int, expected: dict[str, tuple]) -> tuple[float, Differences, int]:
    """Ask every item of `work` with `threads` threads pulling from one queue; (seconds, differences, errors)."""
    lock = threading.Lock()
    diffs = Differences()
    errors = 0
    next_i = 0

    def worker() -> None:
        nonlocal next_i, errors
        while True:
            with lock:
                if next_i >= len(work):
                    return
                item = work[next_i]
                next_i += 1
            got = ask(item)
            with lock:
                errors += "error" in got
                diffs.check(item, got, expected[item.id])

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    t0 = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return time.perf_counter() - t0, diffs, errors


def run_threads(fresh: Callable[[], Ask], items: list[Item], threads: int = 20, rounds: int = 3,
                ref: tuple[dict[str, tuple], float] | None = None) -> dict[str, Any]:
    """ROUNDS rounds of the items with one thread, then with THREADS threads, each on a fresh Assistant
    (`fresh()`: cold memos of question and sentence vectors, so neither run profits from the other);
    both compared with the answers given alone (`ref`)."""
    expected, _alone_s = ref or reference(items, fresh())
    work = [item for _ in range(rounds) for item in items]
    one_s, one_diffs, one_errors = _drive(fresh(), work, 1, expected)
    many_s, diffs, errors = _drive(fresh(), work, threads, expected)
    one, many = len(work) / one_s, len(work) / many_s
    return {"mode": "threads", "threads": threads, "rounds": rounds, "questions": len(work),
            "differing": diffs.count, "errors": errors, "examples": diffs.examples,
            "one_thread_differing": one_diffs.count, "one_thread_errors": one_errors,
            "one_thread_qps": round(one, 2), "threads_qps": round(many, 2), "speedup": round(many / one, 2),
            "seconds": round(many_s, 1), "one_thread_seconds": round(one_s, 1), "cpus": os.cpu_count(),
            "load_after": round(os.getloadavg()[0], 2)}


def run_sessions(ask: Ask, items: list[Item], sessions: int = 20, think: float = 5.0, duration: float = 60.0,
                 expected: dict[str, tuple] | None = None, seed: int = 1) -> dict[str, Any]:
    """SESSIONS officials asking golden questions with THINK s (±50 %) between them for DURATION s."""
    lock = threading.Lock()
    latencies: list[float] = []
    diffs = Differences()
    errors: list[str] = []
    stop_at = time.monotonic() + duration

    def session(n: int) -> None:
        rnd = random.Random(seed * 1000 + n)
        time.sleep(rnd.uniform(0, think))  # the officials do not all start at the same second
        while time.monotonic() < stop_at:
            item = rnd.choice(items)
            t0 = time.perf_counter()
            got = ask(item)
            ms = (time.perf_counter() - t0) * 1000
            with lock:
                latencies.append(ms)
                if "error" in got:
                    errors.append(str(got["error"])[:200])
                elif expected is not None:
                    diffs.check(item, got, expected[item.id])
            time.sleep(think * rnd.uniform(0.5, 1.5))

    pool = [threading.Thread(target=session, args=(n,), daemon=True) for n in range(sessions)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return {"mode": "sessions", "sessions": sessions, "think_s": think, "duration_s": duration,
            "questions": len(latencies), "p50_ms": round(percentile(latencies, 0.5), 1),
            "p95_ms": round(percentile(latencies, 0.95), 1), "max_ms": round(max(latencies, default=0.0), 1),
            "errors": len(errors), "error_examples": errors[:5], "differing": diffs.count,
            "examples": diffs.examples, "cpus": os.cpu_count(), "load_after": round(os.getloadavg()[0], 2)}


def start_server(port: int = 0, env: dict[str, str] | None = None, timeout: float = 300.0) -> tuple[Any, str]:
    """`python -m assistant serve` as its own process; returns (process, base url) once /health answers."""
    import socket

    if not port:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)], cwd=ROOT,
                            env=env or os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"assistant serve exited: {proc.stderr.read().decode(errors='replace')[-1000:]}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"assistant serve did not answer on {url} within {timeout:.0f} s")


def golden(limit: int | None = None, dataset: Path | None = None) -> list[Item]:
    return load_dataset(dataset, limit=limit)


def summary(result: dict[str, Any]) -> str:
    if result["mode"] == "threads":
        return (f"{result['threads']} threads × {result['rounds']} rounds, {result['questions']} questions: "
                f"{result['differing']} answers differ from the sequential ones, {result['errors']} errors; "
                f"throughput {result['threads_qps']} q/s vs {result['one_thread_qps']} q/s with one thread "
                f"(× {result['speedup']}) on {result['cpus']} CPUs")
    return (f"{result['sessions']} sessions ({result.get('target', 'inproc')}), think {result['think_s']} s, "
            f"{result['duration_s']} s: {result['questions']} questions, p50 {result['p50_ms']} ms, "
            f"p95 {result['p95_ms']} ms, max {result['max_ms']} ms, {result['errors']} errors, "
            f"{result['differing']} differing answers")
