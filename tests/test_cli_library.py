"""CLI batches and library commands (issue 11): per-line errors in `ask --input` (bad bytes, bad JSON,
faults) that let the batch go on, an empty input file, `ingest DIR` listing what it skipped and why,
`remove` that sticks, and `list` marking private reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.assistant.test_store import report_text
from tests.conftest import make_assistant
from tests.test_cli import BOND, run


@pytest.fixture(scope="module")
def data_dir(assistant, index_dir: Path) -> str:
    """The session index (built by the `assistant` fixture)."""
    return str(index_dir)


def batch(data_dir: str, tmp_path: Path, content: bytes) -> tuple[int, list[dict], str]:
    f = tmp_path / "in.jsonl"
    f.write_bytes(content)
    r = run(data_dir, "ask", "--json", "--input", str(f))
    return r.exit_code, [json.loads(x) for x in r.stdout.splitlines() if x.strip()], r.stderr


def test_a_non_utf8_line_is_an_error_line_and_the_rest_is_answered(data_dir, tmp_path) -> None:
    good = json.dumps({"id": "a", "question": BOND}, ensure_ascii=False).encode()
    bad = b'{"id": "b", "question": "Hur stor var \xe5terbetalningen?"}'  # Latin-1 å
    code, out, _ = batch(data_dir, tmp_path, good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    assert code == 1
    assert [o.get("id") for o in out] == ["a", None, "c"]
    assert "600 miljoner kronor" in out[0]["answer"] and "600 miljoner kronor" in out[2]["answer"]
    assert out[1]["line"] == 2 and "inte giltig UTF-8" in out[1]["error"] and "0xe5" in out[1]["error"]


def test_plain_question_lines_are_questions_with_their_line_numbers(data_dir, tmp_path) -> None:
    content = f"{BOND}\n\nHur många kommunfullmäktigemål har kommunstyrelsen?\n".encode()
    code, out, _ = batch(data_dir, tmp_path, content)
    assert code == 0 and [o["id"] for o in out] == [1, 3]
    assert "600 miljoner kronor" in out[0]["answer"] and not out[1]["refused"]


@pytest.mark.parametrize("line, why", [
    (b'{"id": 1, "question": "Hur"', "Ogiltig JSON-rad: Expecting"),
    (b'["Hur stor var den sociala obligationen?"]', "inte ett JSON-objekt"),
    (b'{"id": 2}', 'saknar "question"'),
])
def test_bad_json_line_says_why(data_dir, tmp_path, line: bytes, why: str) -> None:
    code, out, _ = batch(data_dir, tmp_path, line + b"\n")
    assert code == 1 and len(out) == 1
    assert why in out[0]["error"] and '{"id": 1, "question"' in out[0]["error"], out[0]["error"]


@pytest.mark.parametrize("content", [b"", b"\n  \n"])
def test_empty_input_file_says_what_to_write(data_dir, tmp_path, content: bytes) -> None:
    code, out, err = batch(data_dir, tmp_path, content)
    assert code == 2 and out == []
    assert "är tom" in err and '"question"' in err


def test_a_fault_on_one_line_does_not_stop_the_batch(data_dir, tmp_path, monkeypatch) -> None:
    from assistant.api import Assistant
    from assistant.store import ChromaUnavailable

    real = Assistant.ask

    def flaky(self, question, **kw):
        if "ränta" in question:
            raise ChromaUnavailable("Chroma (127.0.0.1:8000) svarade inte inom 5 s.")
        if "kaputt" in question:
            raise RuntimeError("oväntat")
        return real(self, question, **kw)

    monkeypatch.setattr(Assistant, "ask", flaky)
    lines = [{"id": 1, "question": "Vilken ränta?"}, {"id": 2, "question": "kaputt"}, {"id": 3, "question": BOND}]
    code, out, err = batch(data_dir, tmp_path, "\n".join(json.dumps(x) for x in lines).encode())
    assert code == 1 and [o["id"] for o in out] == [1, 2, 3]
    assert "svarade inte inom" in out[0]["error"] and "Oväntat fel (RuntimeError)" in out[1]["error"]
    assert "600 miljoner kronor" in out[2]["answer"] and "Traceback" not in err


def test_ingest_dir_lists_what_it_skipped_and_why(tmp_path) -> None:
    folder = tmp_path / "rapporter"
    folder.mkdir()
    (folder / "rapport.txt").write_text(report_text(), encoding="utf-8")
    (folder / "anteckning.txt").write_text("Ring Eva om budgeten. \n", encoding="utf-8")
    (folder / "bild.png").write_bytes(b"\x89PNG")
    (folder / "undermapp").mkdir()
    data = str(tmp_path / "data")
    r = run(data, "ingest", str(folder))
    assert r.exit_code == 0, r.output
    assert "rapport.txt: indexerad" in r.stdout
    assert "Hoppade över anteckning.txt" in r.stderr and "saknar sidmarkeringar" in r.stderr
    assert "Hoppade över bild.png: inte .txt eller .pdf" in r.stderr
    assert "Hoppade över undermapp: en mapp" in r.stderr and "3 fil(er) hoppades över" in r.stderr
    one = run(data, "ingest", str(folder / "anteckning.txt"))  # named on purpose: an error
    assert one.exit_code == 1 and "saknar sidmarkeringar" in one.stderr


def test_remove_sticks_and_list_shows_private_and_removed(tmp_path) -> None:
    bundled = tmp_path / "reports" / "bundled.txt"
    bundled.parent.mkdir()
    bundled.write_text(report_text(), encoding="utf-8")
    data = tmp_path / "data"
    a = make_assistant(data, reports_dir=bundled.parent)
    a.ensure_ready()
    a.ingest(bundled.with_name("bundled.txt"), owner="alice")
    env_run = lambda *args: run(str(data), *args)  # noqa: E731
    listed = env_run("list")
    assert "bundled.txt\t" in listed.stdout and "privat" in listed.stdout
    r = env_run("remove", "bundled.txt")
    assert r.exit_code == 0 and "läses inte in igen vid start" in r.stdout
    again = make_assistant(data, reports_dir=bundled.parent)
    assert again.ensure_ready() == [] and "bundled.txt" not in {x.source for x in again.reports()}
    assert "Borttagna (läses inte in vid start): bundled.txt" in env_run("list").stderr
