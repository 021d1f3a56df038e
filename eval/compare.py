"""What changed between two eval runs: items that flipped and metric deltas,
so a regression is named by question, not only by a lower percentage."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from eval.metrics import ALL_METRICS
from eval.runner import load_results


def compare(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Flips (by item id) and per-scope metric deltas (new - old) between two results dicts."""
    old_items = {i["id"]: i for i in old["items"]}
    new_items = {i["id"]: i for i in new["items"]}
    common = [i for i in new_items if i in old_items]
    to_fail = [i for i in common if old_items[i].get("ok") and not new_items[i].get("ok")]
    to_pass = [i for i in common if not old_items[i].get("ok") and new_items[i].get("ok")]
    deltas: dict[str, dict[str, dict[str, float | None]]] = {}
    scopes = {"overall": (old["metrics"]["overall"], new["metrics"]["overall"])}
    for kind, m in new["metrics"]["by_kind"].items():
        if kind in old["metrics"]["by_kind"]:
            scopes[kind] = (old["metrics"]["by_kind"][kind], m)
    for scope, (a, b) in scopes.items():
        deltas[scope] = {}
        for name in ALL_METRICS:
            va, vb = a.get(name), b.get(name)
            if va is None and vb is None:
                continue
            deltas[scope][name] = {"old": va, "new": vb,
                                   "delta": None if va is None or vb is None else vb - va}
    return {
        "pass_to_fail": [{"id": i, "kind": new_items[i]["kind"], "why": new_items[i].get("why", [])} for i in to_fail],
        "fail_to_pass": [{"id": i, "kind": new_items[i]["kind"]} for i in to_pass],
        "only_old": [i for i in old_items if i not in new_items],
        "only_new": [i for i in new_items if i not in old_items],
        "metrics": deltas,
    }


def _num(v: float | None, name: str) -> str:
    if v is None:
        return "–"
    return f"{v:.0f}" if name.endswith("_ms") else f"{v:.3f}"


def format_compare(diff: Mapping[str, Any], old_label: str = "old", new_label: str = "new") -> str:
    """Plain-text summary for the terminal and CI logs."""
    lines = [f"Comparing {old_label} -> {new_label}", ""]
    lines.append(f"pass -> fail ({len(diff['pass_to_fail'])}):")
    lines += [f"  - {f['id']} ({f['kind']}): {'; '.join(f['why']) or 'failed'}" for f in diff["pass_to_fail"]]
    lines.append(f"fail -> pass ({len(diff['fail_to_pass'])}):")
    lines += [f"  + {f['id']} ({f['kind']})" for f in diff["fail_to_pass"]]
    if diff["only_old"] or diff["only_new"]:
        lines.append(f"items only in old: {len(diff['only_old'])}, only in new: {len(diff['only_new'])}")
    lines += ["", "metric deltas (overall):"]
    for name, d in diff["metrics"].get("overall", {}).items():
        delta = d["delta"]
        sign = "" if delta is None else f"{delta:+.0f}" if name.endswith("_ms") else f"{delta:+.3f}"
        lines.append(f"  {name:<18} {_num(d['old'], name):>8} -> {_num(d['new'], name):>8}  {sign}")
    changed = [(scope, name, d) for scope, ms in diff["metrics"].items() if scope != "overall"
               for name, d in ms.items() if d["delta"] and not name.startswith("latency")]
    if changed:
        lines += ["", "changed per kind:"]
        lines += [f"  {scope:<13} {name:<18} {_num(d['old'], name)} -> {_num(d['new'], name)}  ({d['delta']:+.3f})"
                  for scope, name, d in changed]
    return "\n".join(lines)


def compare_paths(old: str | Path, new: str | Path) -> tuple[dict[str, Any], str]:
    """Load two runs (dirs or results.json files) and compare them."""
    diff = compare(load_results(old), load_results(new))
    return diff, format_compare(diff, str(old), str(new))
