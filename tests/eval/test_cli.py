"""The CLI in-process with a fake assistant injected through the factory hook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.models import Answer, Citation
from eval.__main__ import cli, parse_fail_under

ITEMS = [
    {"id": "bond", "question": "Hur stor var obligationen?", "lang": "sv", "kind": "fact", "facts": ["600 Mkr"],
     "pages": [28], "refuse": False},
    {"id": "salary", "question": "Vad är prognosen för lönekostnader?", "lang": "sv", "kind": "table",
     "facts": ["-221 734"], "pages": [43], "refuse": False},
    {"id": "rate", "question": "Vilken ränta har obligationen?", "lang": "sv", "kind": "unanswerable",
     "facts": [], "pages": [], "refuse": True},
]


class Fake:
    """Right on the bond and the refusal, refuses the table question."""

    def ask(self, question, *, history=None, filters=None, mode=None, lang=None) -> Answer:
        if question.startswith("Hur stor"):
            return Answer(question, "600 Mkr [1]", False, [Citation(1, 28, "", None, None, "600 miljoner kronor", "r")],
                          latency_ms=10, retrieved=[{"id": "c", "page": 28, "page_end": 28}])
        return Answer(question, "Det framgår inte av rapporten.", True, latency_ms=10,
                      retrieved=[{"id": "c", "page": 43, "page_end": 43}])

    def retrieve(self, query, filters=None, k=None):
        return []


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    p = tmp_path / "mini.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ITEMS) + "\n", encoding="utf-8")
    return p


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), obj={"assistant_factory": lambda mode: Fake()})


def test_run_writes_outputs_and_passes_without_gate(tmp_path, dataset):
    out = tmp_path / "out"
    result = invoke("run", "--dataset", str(dataset), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "overall" in result.stdout and "2/3 items passed" in result.stdout
    assert {p.name for p in out.iterdir()} == {"results.json", "report.md", "report.html"}
    assert "eval" in result.stderr  # tqdm progress goes to stderr


def test_fail_under_exit_codes(tmp_path, dataset):
    ok = invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--fail-under", "page_hit1=1,refusal_recall=1")
    assert ok.exit_code == 0, ok.output
    assert "Gate passed" in ok.stdout
    bad = invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--fail-under", "answer=0.9,citation=0.4")
    assert bad.exit_code == 1
    assert "FAIL: answer = 0.667 is under the threshold 0.9" in bad.stderr
    assert "citation" not in bad.stderr  # 0.5 >= 0.4


def test_bad_fail_under_is_a_usage_error(tmp_path, dataset):
    result = invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--fail-under", "answr=0.9")
    assert result.exit_code == 2 and "answr" in result.output
    with pytest.raises(Exception, match="not a number"):
        parse_fail_under("answer=high")
    assert parse_fail_under("answer=0.9, citation=0.8") == {"answer": 0.9, "citation": 0.8}


def test_gate_uses_thresholds_file(tmp_path, dataset):
    strict = tmp_path / "t.toml"
    strict.write_text("[min]\nanswer = 0.95\n[max]\nlatency_p95_ms = 1000\n")
    assert invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--gate", "--thresholds",
                  str(strict)).exit_code == 1
    strict.write_text("[max]\nlatency_p95_ms = 5\n")
    result = invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--gate", "--thresholds", str(strict))
    assert result.exit_code == 1 and "latency_p95_ms" in result.stderr
    # without --gate the thresholds file is not applied
    assert invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--thresholds", str(strict)).exit_code == 0
    strict.write_text("[min]\nanser = 0.5\n")
    assert invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--gate", "--thresholds",
                  str(strict)).exit_code == 1


def test_default_thresholds_file_is_valid():
    from eval.__main__ import load_thresholds

    mins, maxs = load_thresholds()
    assert {"answer", "citation", "refusal_precision", "refusal_recall", "page_hit1"} <= set(mins)
    assert all(0 < v <= 1 for v in mins.values()) and maxs


def test_limit_and_kind(tmp_path, dataset):
    result = invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--kind", "table",
                    "--fail-under", "answer=0.5")
    assert result.exit_code == 1 and "0/1 items passed" in result.stdout
    assert "refusal_precision" not in result.stderr  # not gated, not mentioned
    limited = invoke("run", "--dataset", str(dataset), "--out", str(tmp_path), "--limit", "1")
    assert json.loads((tmp_path / "results.json").read_text())["meta"]["n_items"] == 1 and limited.exit_code == 0


def test_compare_command(tmp_path, dataset):
    invoke("run", "--dataset", str(dataset), "--out", str(tmp_path / "a"))
    data = json.loads((tmp_path / "a" / "results.json").read_text())
    data["items"][1]["ok"] = True
    (tmp_path / "b.json").write_text(json.dumps(data))
    result = CliRunner().invoke(cli, ["compare", str(tmp_path / "a"), str(tmp_path / "b.json")])
    assert result.exit_code == 0, result.output
    assert "fail -> pass (1):" in result.stdout and "+ salary (table)" in result.stdout
    assert "pass -> fail (0):" in result.stdout


def test_dataset_error_is_reported_cleanly(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n')
    result = invoke("run", "--dataset", str(bad), "--out", str(tmp_path))
    assert result.exit_code == 1 and "missing key" in result.output
