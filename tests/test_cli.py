"""`python -m assistant …` and its JSON contract (assistant/cli.py), on the session's real index."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from tests.conftest import REPORT, ROOT, SOURCE, make_assistant, manifest_snapshot

BOND = "Hur stor var den sociala obligationen?"
CITATION_KEYS = {"n", "page", "section", "goal", "goal_area", "quote", "source"}
ANSWER_KEYS = {"id", "question", "answer", "refused", "citations", "mode", "latency_ms"}


@pytest.fixture(scope="module")
def data_dir(assistant, index_dir: Path) -> str:
    """The session index (built by the `assistant` fixture)."""
    return str(index_dir)


def run(data_dir: str, *args: str):
    # a developer's assistant.toml must not change the chunking (and so the content hash) or the mode
    env = {"ASSISTANT_CONFIG": str(Path(data_dir) / "absent.toml")}
    return CliRunner().invoke(cli, ["--data-dir", data_dir, "--mode", "extractive", *args], env=env)


def check_answer(obj: dict) -> None:
    assert set(obj) >= ANSWER_KEYS, set(obj)
    assert obj["mode"] == "extractive"
    assert isinstance(obj["latency_ms"], (int, float)) and not isinstance(obj["latency_ms"], bool)
    assert isinstance(obj["refused"], bool)
    for c in obj["citations"]:
        assert set(c) >= CITATION_KEYS, set(c)
        assert isinstance(c["page"], int) and isinstance(c["n"], int)


def test_ask_json_prints_exactly_one_json_object(data_dir):
    r = run(data_dir, "ask", "--json", BOND)
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert len(lines) == 1
    obj = json.loads(lines[0])
    check_answer(obj)
    assert obj["question"] == BOND and obj["id"] is None and obj["refused"] is False
    assert "600 miljoner kronor" in obj["answer"]
    assert obj["citations"][0]["page"] == 28 and obj["citations"][0]["source"] == SOURCE
    assert obj["citations"][0]["n"] == 1


def test_ask_json_refusal(data_dir):
    r = run(data_dir, "ask", "--json", "Vilken ränta har den sociala obligationen?")
    assert r.exit_code == 0, r.output
    obj = json.loads(r.stdout)
    check_answer(obj)
    assert obj["refused"] is True and obj["citations"] == [] and obj["answer"] == "Det framgår inte av rapporten."


def test_ask_json_batch_keeps_order_and_ids(data_dir, tmp_path):
    items = [
        {"id": "q-bond", "question": BOND},
        {"id": 7, "question": "Vilken ränta har den sociala obligationen?"},
        {"id": "q-table", "question": "Vad var lönekostnaderna i resultaträkningen?"},
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n", encoding="utf-8")
    r = run(data_dir, "ask", "--json", "--input", str(f))
    assert r.exit_code == 0, r.output
    out = [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]
    assert [o["id"] for o in out] == ["q-bond", 7, "q-table"]
    assert [o["question"] for o in out] == [i["question"] for i in items]
    for o in out:
        check_answer(o)
    assert [o["refused"] for o in out] == [False, True, False]
    assert out[2]["citations"][0]["page"] == 43


def test_batch_with_a_bad_line_reports_it_in_place_and_fails(data_dir, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "question": ""}\n{"id": "b", "question": \n', encoding="utf-8")  # a cut-off line
    r = run(data_dir, "ask", "--json", "--input", str(f))
    assert r.exit_code != 0
    out = [json.loads(ln) for ln in r.stdout.splitlines() if ln.strip()]
    assert len(out) == 2
    assert out[0]["id"] == "a" and "Frågan är tom" in out[0]["error"]
    assert out[1]["line"] == 2 and "error" in out[1]


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_exits_non_zero_with_a_message(data_dir, question):
    r = run(data_dir, "ask", "--json", question)
    assert r.exit_code != 0
    assert "Frågan är tom" in r.stderr
    assert json.loads(r.stdout)["error"].startswith("Frågan är tom")


def test_empty_question_is_told_before_an_index_is_built(tmp_path):
    data = tmp_path / "fresh"
    r = run(str(data), "ask", "  ")
    assert r.exit_code == 2 and "Frågan är tom" in r.stderr
    assert not (data / "chroma").exists()  # nothing was opened or ingested for a question that is not asked


def test_missing_question_and_bad_pages_are_usage_errors(data_dir):
    r = run(data_dir, "ask")
    assert r.exit_code == 2 and "Ange en fråga" in r.stderr
    r = run(data_dir, "ask", "--pages", "tjugo", BOND)
    assert r.exit_code == 2 and "Ogiltigt sidintervall" in r.stderr


def test_readable_answer_then_sources(data_dir):
    r = run(data_dir, "ask", BOND)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "600 miljoner kronor" in out and "Källor:" in out
    assert out.index("600 miljoner kronor") < out.index("Källor:")
    sources = out[out.index("Källor:"):]
    assert "[1] s. 28" in sources
    assert "En mer jämlik stad" in sources


def test_list_shows_the_report(data_dir):
    r = run(data_dir, "list")
    assert r.exit_code == 0, r.output
    assert SOURCE in r.stdout and "Delårsrapport 2025, Kommunstyrelsen" in r.stdout and "2025" in r.stdout


def test_list_on_an_empty_index(tmp_path):
    r = run(str(tmp_path / "empty"), "list")
    assert r.exit_code == 0 and "Inga rapporter" in r.stdout


def test_missing_ingest_path_fails_and_leaves_the_index_unchanged(tmp_path):
    data = tmp_path / "data"
    small = tmp_path / "liten.txt"
    small.write_text("Sammanfattning \n\nStaden har byggt tre nya cykelbanor i år. \n Parker \n\nTvå nya parker. \n",
                     encoding="utf-8")
    a = make_assistant(data)
    a.ingest(small)
    manifest = manifest_snapshot(a)
    cols = sorted(c.name for c in a.store.client.list_collections())
    r = run(str(data), "ingest", str(tmp_path / "finns-inte.txt"))
    assert r.exit_code != 0
    assert "finns inte" in r.stderr and "indexet är oförändrat" in r.stderr
    assert manifest_snapshot(a) == manifest
    assert sorted(c.name for c in a.store.client.list_collections()) == cols


def test_ingest_unchanged_and_remove_unknown(data_dir):
    r = run(data_dir, "ingest", str(REPORT))
    assert r.exit_code == 0, r.output
    assert f"{SOURCE}: oförändrad" in r.stdout
    r = run(data_dir, "remove", "finns-inte.txt")
    assert r.exit_code != 0 and "finns inte i indexet" in r.stderr


def test_chat_answers_a_follow_up(data_dir, monkeypatch):
    answers = iter([BOND, "När gavs den ut?", ""])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    r = run(data_dir, "chat")
    assert r.exit_code == 0, r.output
    assert "600 miljoner kronor" in r.stdout
    assert "augusti/september" in r.stdout
    assert r.stdout.count("s. 28") >= 2


def test_python_m_assistant_ask_json_subprocess(data_dir):
    env = {**os.environ, "ASSISTANT_CONFIG": str(Path(data_dir) / "absent.toml")}
    p = subprocess.run(
        [sys.executable, "-m", "assistant", "--data-dir", data_dir, "--mode", "extractive", "ask", "--json", BOND],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert p.returncode == 0, p.stderr
    lines = p.stdout.strip().splitlines()
    assert len(lines) == 1, p.stdout  # nothing else on stdout: progress and warnings go to stderr
    obj = json.loads(lines[0])
    check_answer(obj)
    assert obj["citations"][0]["page"] == 28
