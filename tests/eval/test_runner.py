"""run_suite end to end on fakes (fast), reports, compare, judge plumbing, and one real e2e run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata
from llama_index.core.llms.callbacks import llm_completion_callback

from assistant.models import Answer, Citation
from eval.compare import compare, format_compare
from eval.judge import Judge, judge_status, make_judge
from eval.report import render_html, render_markdown
from eval.runner import load_latest, load_results, run_suite

DATASET = [
    {"id": "bond", "question": "Hur stor var obligationen?", "lang": "sv", "kind": "fact", "facts": ["600 Mkr"],
     "pages": [28], "refuse": False},
    {"id": "bond-when", "question": "När gavs den ut?", "lang": "sv", "kind": "followup",
     "facts": ["augusti/september"], "pages": [28], "refuse": False, "history": ["Hur stor var obligationen?"]},
    {"id": "rate", "question": "Vilken ränta har <b>obligationen</b>?", "lang": "sv", "kind": "unanswerable",
     "facts": [], "pages": [], "refuse": True},
]


class Chunk:
    def __init__(self, id_: str, page: int, text: str) -> None:
        self.id, self.page, self.text, self.meta = id_, page, text, {"page": page, "page_end": page}


class FakeAssistant:
    """Answers from a script; records calls, so history handling can be checked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[tuple[str, str]]]] = []
        self.retrieve_calls: list[str] = []

    def ask(self, question, *, history=None, filters=None, mode=None, lang=None) -> Answer:
        self.calls.append((question, [(t.question, t.answer) for t in history or []]))
        if question == "Hur stor var obligationen?":
            return Answer(question, "Obligationen var på 600 miljoner kronor. [1]", False,
                          [Citation(1, 28, "Finans", None, None, "en social obligation på 600 miljoner kronor", "r")],
                          latency_ms=12.0, retrieved=[{"id": "c28", "page": 28, "page_end": 28}])
        if question == "När gavs den ut?":
            return Answer(question, "I augusti/september. [1]", False,
                          [Citation(1, 28, "Finans", None, None, "gavs ut i augusti/september", "r")], latency_ms=8.0)
        return Answer(question, "Räntan är <script>alert(1)</script> 3 %", False, [], latency_ms=5.0)

    def retrieve(self, query, filters=None, k=None):
        self.retrieve_calls.append(query)
        return [(Chunk("c27", 27, "annat"), 0.9), (Chunk("c28", 28, "augusti/september"), 0.8)]


@pytest.fixture()
def dataset(tmp_path: Path) -> Path:
    p = tmp_path / "mini.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in DATASET) + "\n", encoding="utf-8")
    return p


def test_run_suite_writes_results_and_reports(tmp_path, dataset):
    fake, seen = FakeAssistant(), []
    out = tmp_path / "out"
    results = run_suite(fake, dataset_path=dataset, out_dir=out, progress=lambda d, t, i: seen.append((d, t, i)))
    assert seen == [(1, 3, "bond"), (2, 3, "bond-when"), (3, 3, "rate")]
    assert set(results) == {"metrics", "items", "meta"}
    assert {"mode", "dataset", "started_at", "duration_s", "git_rev", "judge"} <= set(results["meta"])
    assert results["meta"]["judge"].startswith("skipped")
    assert json.loads((out / "results.json").read_text()) == results
    assert load_latest(out) == results
    assert (out / "report.md").exists() and (out / "report.html").exists()
    m = results["metrics"]["overall"]
    assert m["answer"] == pytest.approx(2 / 3) and m["citation"] == 1.0
    assert m["refusal_recall"] == 0.0 and m["refusal_precision"] is None
    assert set(results["metrics"]["by_kind"]) == {"fact", "followup", "unanswerable"}


def test_followup_history_is_asked_first_and_carried(tmp_path, dataset):
    fake = FakeAssistant()
    run_suite(fake, dataset_path=dataset, out_dir=tmp_path, kind="followup")
    # warm-up ask, then the history question, then the followup with the real earlier answer
    assert fake.calls[-2] == ("Hur stor var obligationen?", [])
    assert fake.calls[-1] == ("När gavs den ut?",
                              [("Hur stor var obligationen?", "Obligationen var på 600 miljoner kronor. [1]")])


def test_retrieval_falls_back_to_retrieve(tmp_path, dataset):
    fake = FakeAssistant()
    items = {i["id"]: i for i in run_suite(fake, dataset_path=dataset, out_dir=tmp_path)["items"]}
    assert items["bond"]["retrieval_source"] == "answer" and items["bond"]["page_rank"] == 1
    follow = items["bond-when"]
    assert follow["retrieval_source"] == "retrieve" and follow["page_rank"] == 2 and follow["chunk_rank"] == 2
    assert fake.retrieve_calls == ["Hur stor var obligationen? När gavs den ut?"]
    assert items["rate"]["retrieved"] == []  # unanswerable: no retrieval metrics


def test_load_latest_missing_or_broken(tmp_path):
    assert load_latest(tmp_path / "nothing") is None
    (tmp_path / "results.json").write_text("{broken")
    assert load_latest(tmp_path) is None


def test_reports_escape_user_text(tmp_path, dataset):
    results = run_suite(FakeAssistant(), dataset_path=dataset, out_dir=tmp_path)
    page = render_html(results)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;obligationen" in page
    assert page.startswith("<!doctype html>") and "<link" not in page and "src=" not in page  # self-contained
    md = render_markdown(results)
    assert "<script>" not in md and "| overall |" in md and "expected a refusal" in md
    assert "PASS `bond`" in md and "FAIL `rate`" in md


def test_compare_lists_flips_and_deltas(tmp_path, dataset):
    old = run_suite(FakeAssistant(), dataset_path=dataset, out_dir=tmp_path / "old")
    new = json.loads(json.dumps(old))
    new["items"][0]["ok"] = False
    new["items"][0]["why"] = ["fact '600 Mkr' not in the answer"]
    new["items"][2]["ok"] = True
    new["metrics"]["overall"]["answer"] = 1 / 3
    diff = compare(load_results(tmp_path / "old" / "results.json"), new)
    assert [f["id"] for f in diff["pass_to_fail"]] == ["bond"]
    assert [f["id"] for f in diff["fail_to_pass"]] == ["rate"]
    assert diff["metrics"]["overall"]["answer"]["delta"] == pytest.approx(-1 / 3)
    text = format_compare(diff)
    assert "- bond (fact): fact '600 Mkr' not in the answer" in text and "+ rate (unanswerable)" in text


class YesLLM(CustomLLM):
    """Always says YES: enough to drive LlamaIndex's evaluators offline."""

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata()

    @llm_completion_callback()
    def complete(self, prompt, formatted=False, **kwargs):
        return CompletionResponse(text="YES")

    @llm_completion_callback()
    def stream_complete(self, prompt, formatted=False, **kwargs):
        yield CompletionResponse(text="YES", delta="YES")


def test_judge_skipped_without_llm_and_used_with_one(tmp_path, dataset):
    from assistant.config import Settings

    assert judge_status(Settings(mode="extractive"))[0] is False
    enabled, reason = judge_status(Settings(mode="llm", llm_model=""))
    assert not enabled and "no LLM configured" in reason
    assert make_judge(Settings(mode="extractive"))[0] is None
    results = run_suite(FakeAssistant(), dataset_path=dataset, out_dir=tmp_path, judge=Judge(YesLLM()))
    assert results["meta"]["judge"] == "enabled"
    assert results["metrics"]["overall"]["faithfulness"] == 1.0
    assert results["items"][0]["judge"] == {"faithfulness": 1.0, "relevancy": 1.0}
    assert results["items"][2]["judge"]["faithfulness"] is None  # uncited answers are not judged
    assert "faithful" in render_markdown(results)


@pytest.mark.e2e
def test_e2e_golden_set_extractive(tmp_path):
    pytest.importorskip("assistant.answer.extractive")
    from assistant.api import Assistant
    from assistant.config import load_settings
    from eval.metrics import ALL_METRICS

    assistant = Assistant(load_settings(data_dir=tmp_path / "data", mode="extractive"))
    from eval.dataset import DEFAULT_DATASET

    results = run_suite(assistant, DEFAULT_DATASET, mode="extractive", out_dir=tmp_path / "out")
    saved = json.loads((tmp_path / "out" / "results.json").read_text())
    assert saved["meta"]["n_items"] == len(saved["items"]) >= 80 and saved["meta"]["mode"] == "extractive"
    assert set(ALL_METRICS) <= set(saved["metrics"]["overall"])
    assert {"fact", "table", "unanswerable", "followup"} <= set(saved["metrics"]["by_kind"])
    deterministic = ("answer", "citation", "refusal_precision", "refusal_recall", "page_hit1", "chunk_hit5")
    assert all(saved["metrics"]["overall"][k] is not None for k in deterministic)
    assert saved["metrics"]["overall"]["errors"] == 0
    assert results["meta"]["judge"].startswith("skipped")


PAGES = {
    1: "Inledning om kommunstyrelsens uppdrag.",
    2: "Malmö stad gav ut en social obligation på 600 miljoner kronor under hösten.",
    3: "Lönekostnaderna prognostiseras till 221 734 tkr.",
}


def test_bm25_baseline_and_bench_table():
    from eval.baselines import BM25PageBaseline
    from eval.bench import _quality, format_table
    from eval.dataset import Item

    bm25 = BM25PageBaseline(PAGES)
    assert bm25.search("Hur stor var den sociala obligationen?")[0]["page"] == 2
    assert bm25.search("What interest rate?") == []  # no Swedish term: nothing to rank, no crash
    items = [Item("a", "obligationen", "sv", "fact", ("600 Mkr",), (2,), False),
             Item("b", "lönekostnader", "sv", "table", ("-221 734",), (3,), False)]
    run = {"hits": [bm25.search("obligationen"), bm25.search("interest")], "answers": None}
    quality = _quality(run, items)
    assert quality == {"page_hit1": 0.5, "page_top2": 0.5, "facts_top2": 0.5, "answer": None}
    table = format_table({"ours": {"ingest_s": 10.0, "page_hit1": 0.9}, "bm25": {"ingest_s": 0.5, **quality}}, 2)
    assert "ours/bm25" in table and "20.00x" in table and "1.80x" in table and "n/a" in table


def test_quickstart_baseline_builds_and_retrieves():
    from eval.baselines import QuickstartBaseline

    qs = QuickstartBaseline(PAGES)
    hits = qs.search("Hur stor var den sociala obligationen?")
    assert len(hits) == 2 and hits[0]["page"] == 2 and "600 miljoner" in hits[0]["text"]
