"""The golden dataset: load JSONL items and reject malformed ones loudly, so a typo
in the dataset fails the suite instead of silently scoring as a system error."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATASETS_DIR = Path(__file__).resolve().parent / "datasets"
DEFAULT_DATASET = DATASETS_DIR / "golden.jsonl"

KINDS = ("fact", "table", "structure", "crosslingual", "paraphrase", "unanswerable", "followup")
LANGS = ("sv", "en")
_REQUIRED = {"id": str, "question": str, "lang": str, "kind": str, "facts": list, "pages": list, "refuse": bool}
_OPTIONAL = {"history": list, "goal": str, "note": str}


class DatasetError(ValueError):
    """The dataset file is unreadable or an item breaks the schema (message names the line)."""


@dataclass(frozen=True)
class Item:
    """One golden question with what a correct answer must contain."""

    id: str
    question: str
    lang: str
    kind: str
    facts: tuple[str, ...]  # every fact must occur in the answer
    pages: tuple[int, ...]  # any of these pages is a correct citation
    refuse: bool
    history: tuple[str, ...] = ()  # earlier questions of a followup, in order
    goal: str | None = None
    note: str | None = None

    @property
    def answerable(self) -> bool:
        return not self.refuse

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id, "question": self.question, "lang": self.lang, "kind": self.kind,
            "facts": list(self.facts), "pages": list(self.pages), "refuse": self.refuse,
        }
        if self.history:
            d["history"] = list(self.history)
        if self.goal:
            d["goal"] = self.goal
        if self.note:
            d["note"] = self.note
        return d


def _problems(rec: dict[str, Any]) -> list[str]:
    """Every schema violation of one record (all at once: fixing them one by one is slow)."""
    out: list[str] = []
    for key, typ in _REQUIRED.items():
        if key not in rec:
            out.append(f"missing key {key!r}")
        elif not isinstance(rec[key], typ):
            out.append(f"{key!r} must be {typ.__name__}, got {type(rec[key]).__name__}")
    for key, typ in _OPTIONAL.items():
        if key in rec and not isinstance(rec[key], typ):
            out.append(f"{key!r} must be {typ.__name__}, got {type(rec[key]).__name__}")
    unknown = set(rec) - set(_REQUIRED) - set(_OPTIONAL)
    if unknown:
        out.append(f"unknown keys {sorted(unknown)}")
    if out:
        return out
    if not rec["id"].strip() or not rec["question"].strip():
        out.append("id and question must be non-blank")
    if rec["kind"] not in KINDS:
        out.append(f"kind {rec['kind']!r} not one of {', '.join(KINDS)}")
    if rec["lang"] not in LANGS:
        out.append(f"lang {rec['lang']!r} not one of {', '.join(LANGS)}")
    if not all(isinstance(f, str) and f.strip() for f in rec["facts"]):
        out.append("facts must be non-blank strings")
    if not all(isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in rec["pages"]):
        out.append("pages must be positive integers")
    history = rec.get("history", [])
    if not all(isinstance(h, str) and h.strip() for h in history):
        out.append("history must be non-blank strings")
    if (rec["kind"] == "unanswerable") != rec["refuse"]:
        out.append("refuse must be true exactly for kind 'unanswerable'")
    if rec["refuse"] and (rec["facts"] or rec["pages"]):
        out.append("an unanswerable item has no facts and no pages")
    if not rec["refuse"] and (not rec["facts"] or not rec["pages"]):
        out.append("an answerable item needs at least one fact and one page")
    if (rec["kind"] == "followup") != bool(history):
        out.append("history is required for kind 'followup' and only there")
    return out


def parse_item(rec: Any, where: str = "item") -> Item:
    """One validated Item from a decoded JSON record."""
    if not isinstance(rec, dict):
        raise DatasetError(f"{where}: expected a JSON object")
    problems = _problems(rec)
    if problems:
        raise DatasetError(f"{where} ({rec.get('id', '?')}): " + "; ".join(problems))
    return Item(
        id=rec["id"], question=rec["question"], lang=rec["lang"], kind=rec["kind"],
        facts=tuple(rec["facts"]), pages=tuple(rec["pages"]), refuse=rec["refuse"],
        history=tuple(rec.get("history", ())), goal=rec.get("goal"), note=rec.get("note"),
    )


def load_dataset(path: str | Path | None = None, kind: str | None = None, limit: int | None = None) -> list[Item]:
    """Items of a JSONL dataset (blank lines skipped), optionally one kind and the first `limit`."""
    p = Path(path) if path else DEFAULT_DATASET
    try:
        lines = p.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"Cannot read dataset {p}: {exc}") from exc
    items: list[Item] = []
    seen: set[str] = set()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{p.name}:{n}: invalid JSON ({exc.msg})") from exc
        item = parse_item(rec, f"{p.name}:{n}")
        if item.id in seen:
            raise DatasetError(f"{p.name}:{n}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if kind is not None:
        if kind not in KINDS:
            raise DatasetError(f"Unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
        items = [i for i in items if i.kind == kind]
    if limit is not None:
        items = items[: max(limit, 0)]
    return items
