"""The router on questions labelled by someone who saw no code (eval/probes/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.answer.question import analyse
from assistant.answer.route import route

PROBE = Path(__file__).resolve().parents[2] / "eval" / "probes" / "routes.jsonl"


def test_the_router_chooses_the_shape_officials_want():
    items = [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(items) == 120
    wrong = []
    for item in items:
        q = analyse(item["question"], [])
        got = route(q.text, q.kind)
        if got != item["shape"]:
            wrong.append((item["question"], item["shape"], got))
    assert 1 - len(wrong) / len(items) >= 0.88, wrong
    # a question for one value never gets a brief: the fact shape is the one to keep exact
    facts = [i for i in items if i["shape"] == "fact"]
    assert all(route(analyse(i["question"], []).text, analyse(i["question"], []).kind) == "fact" for i in facts)
