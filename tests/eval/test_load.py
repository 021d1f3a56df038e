"""The load test (`python -m eval load`) and the thin HTTP endpoint (`python -m assistant serve`) it uses,
on the session's real index: concurrent answers equal the sequential ones, in process and over HTTP."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from assistant.api import Assistant
from assistant.server import make_server
from eval.dataset import load_dataset
from eval.load import answer_key, in_process, over_http, percentile, reference, run_sessions, run_threads


@pytest.fixture(scope="module")
def items():
    return load_dataset(limit=12)


@pytest.fixture(scope="module")
def url(assistant) -> Iterator[str]:
    server = make_server(assistant, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def post(url: str, body: bytes) -> tuple[int, dict]:
    req = urllib.request.Request(f"{url}/ask", data=body, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_http_ask_matches_the_library_answer(assistant, url: str) -> None:
    q = "Hur stor var den sociala obligationen?"
    code, got = post(url, json.dumps({"question": q, "id": 7}).encode())
    assert code == 200 and got["id"] == 7
    assert answer_key(got) == answer_key(assistant.ask(q).to_json())
    with urllib.request.urlopen(f"{url}/health", timeout=10) as resp:
        assert json.loads(resp.read()) == {"status": "ok", "reports": 1}


@pytest.mark.parametrize("body, code, words", [
    (b"not json", 400, "Ogiltig JSON"),
    (b'{"question": ""}', 400, "Frågan är tom"),
    (b'{"id": 1}', 400, '"question"'),
    (b'{"question": "Hur?", "filters": {"page_from": "x"}}', 400, "heltal"),
])
def test_http_errors_are_messages(url: str, body: bytes, code: int, words: str) -> None:
    got_code, got = post(url, body)
    assert got_code == code and words in got["error"]


def test_threads_give_the_sequential_answers(assistant, items) -> None:
    ref = reference(items, in_process(assistant))
    result = run_threads(lambda: in_process(Assistant(assistant.settings)), items, threads=6, rounds=2, ref=ref)
    assert result["questions"] == 2 * len(items)
    assert result["differing"] == 0 and result["errors"] == 0, result["examples"]
    assert result["one_thread_differing"] == 0


def test_sessions_in_process_and_over_http(assistant, items, url: str) -> None:
    expected, _ = reference(items, in_process(assistant))
    for ask in (in_process(assistant), over_http(url)):
        result = run_sessions(ask, items, sessions=4, think=0.2, duration=2.0, expected=expected)
        assert result["questions"] >= 4 and result["errors"] == 0, result["error_examples"]
        assert result["differing"] == 0, result["examples"]
        assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]


def test_a_changed_answer_is_counted(items) -> None:
    answers = iter(["eins", "zwei"])

    def ask(item):
        return {"answer": next(answers, "drei"), "refused": False, "citations": []}

    expected = {item.id: ("eins", False, ()) for item in items[:1]}
    result = run_sessions(ask, items[:1], sessions=1, think=0.01, duration=0.2, expected=expected)
    assert result["differing"] == result["questions"] - 1 >= 1


def test_percentile() -> None:
    assert percentile([], 0.5) == 0.0
    assert percentile([1, 2, 3, 4], 0.5) == 2.5 and percentile([5], 0.95) == 5
