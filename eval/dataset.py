"""The golden dataset: load JSONL items and reject malformed ones loudly, so a typo
in the dataset fails the suite instead of silently scoring as a system error."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATASETS_DIR = Path(__file__).resolve().parent / "datasets"
DEFAULT_DATASET = DATASETS_DIR / "golden.jsonl"
# what `eval run` scores by default: the golden set, the six sets written independently of it (independent,
# fresh, open_mixed, officials, colleagues, townhall), the held-out English set and open-shaped questions on topics the
# report does not cover
DEFAULT_DATASETS = (DEFAULT_DATASET, DATASETS_DIR / "independent.jsonl", DATASETS_DIR / "heldout_en.jsonl",
                    DATASETS_DIR / "fresh.jsonl", DATASETS_DIR / "open_unanswerable.jsonl",
                    DATASETS_DIR / "open_mixed.jsonl", DATASETS_DIR / "officials.jsonl",
                    DATASETS_DIR / "colleagues.jsonl", DATASETS_DIR / "townhall.jsonl", DATASETS_DIR / "inbox.jsonl",
                    DATASETS_DIR / "desk.jsonl", DATASETS_DIR / "counter.jsonl")
# memo.jsonl, ledger.jsonl, briefing.jsonl, agenda.jsonl, forum.jsonl, hall.jsonl, plaza.jsonl and square.jsonl are
# probes, run with --dataset: see eval/README.md
# (desk.jsonl and counter.jsonl, blind sets of the eighth round, joined the defaults at its end)

KINDS = ("fact", "table", "structure", "crosslingual", "paraphrase", "unanswerable", "followup",
         "brief", "summary", "reason", "change", "page", "outline")
# open questions: judged by their key points, not by single facts
OPEN_KINDS = ("brief", "summary", "reason", "change", "page", "outline")
SPLITS = ("dev", "test", "all")
LANGS = ("sv", "en")
_REQUIRED = {"id": str, "question": str, "lang": str, "kind": str, "facts": list, "pages": list, "refuse": bool}
_OPTIONAL = {"history": list, "goal": str, "note": str, "points": list}


def split_of(item_id: str) -> str:
    """dev or test by a fixed hash of the id: tune on dev, report test. The split
    never depends on the item's content, so editing an item never moves it."""
    return "dev" if int(hashlib.sha256(item_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "test"


@dataclass(frozen=True)
class Point:
    """One key point of an open answer: any alternative quoted from one of the pages covers it."""

    any: tuple[str, ...]
    pages: tuple[int, ...]


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
    points: tuple[Point, ...] = ()

    @property
    def answerable(self) -> bool:
        return not self.refuse

    @property
    def split(self) -> str:
        return split_of(self.id)

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
        if self.points:
            d["points"] = [{"any": list(p.any), "pages": list(p.pages)} for p in self.points]
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
    points = rec.get("points") or []
    for n, pt in enumerate(points, 1):
        if not (isinstance(pt, dict) and set(pt) == {"any", "pages"} and isinstance(pt["any"], list)
                and pt["any"] and all(isinstance(a, str) and a.strip() for a in pt["any"])
                and isinstance(pt["pages"], list) and pt["pages"]
                and all(isinstance(p, int) and not isinstance(p, bool) and p > 0 for p in pt["pages"])):
            out.append(f"point {n} must be {{'any': [non-blank strings], 'pages': [positive ints]}}")
    if points and rec["kind"] not in OPEN_KINDS:
        out.append(f"points are for open kinds only ({', '.join(OPEN_KINDS)})")
    if rec["kind"] in OPEN_KINDS and not (points or rec["facts"]):
        out.append("an open item needs key points (or facts)")
    if not rec["refuse"] and rec["kind"] not in OPEN_KINDS and (not rec["facts"] or not rec["pages"]):
        out.append("an answerable item needs at least one fact and one page")
    if rec["kind"] in OPEN_KINDS and not rec["pages"] and not points:
        out.append("an open item needs pages or points")
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
        points=tuple(Point(tuple(p["any"]), tuple(p["pages"])) for p in rec.get("points") or ()),
    )


def load_datasets(paths: list[str | Path], kind: str | None = None, limit: int | None = None,
                  split: str = "all") -> list[Item]:
    """Items of several JSONL datasets (ids unique across them), optionally one split."""
    items: list[Item] = []
    seen: set[str] = set()
    for p in paths:
        for item in load_dataset(p, kind=kind):
            if item.id in seen:
                raise DatasetError(f"{Path(p).name}: id {item.id!r} is also in another dataset")
            seen.add(item.id)
            items.append(item)
    if split not in SPLITS:
        raise DatasetError(f"Unknown split {split!r}; choose one of {', '.join(SPLITS)}")
    if split != "all":
        items = [i for i in items if i.split == split]
    return items[: max(limit, 0)] if limit is not None else items


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
