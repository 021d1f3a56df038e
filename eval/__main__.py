"""`python -m eval run | compare | bench | load`: the regression suite's command line."""

from __future__ import annotations

import sys
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from eval.dataset import KINDS, SPLITS, DatasetError
from eval.metrics import ALL_METRICS, LATENCY_METRICS, QUALITY_METRICS, check_thresholds

THRESHOLDS_FILE = Path(__file__).resolve().parent / "thresholds.toml"
AssistantFactory = Callable[[str | None], Any]


def default_factory(mode: str | None) -> Any:
    """The real Assistant, settings from config/env (ASSISTANT_DATA_DIR etc.), index ready."""
    from assistant.api import Assistant
    from assistant.config import load_settings

    assistant = Assistant(load_settings(mode=mode))
    assistant.ensure_ready(progress=lambda msg, _frac: click.echo(msg, err=True))
    return assistant


def parse_fail_under(spec: str) -> dict[str, float]:
    """"answer=0.9,citation=0.9" -> {"answer": 0.9, "citation": 0.9}."""
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or name not in QUALITY_METRICS:
            raise click.BadParameter(f"{part!r}: use NAME=VALUE with NAME one of {', '.join(QUALITY_METRICS)}",
                                     param_hint="--fail-under")
        try:
            out[name] = float(value)
        except ValueError as exc:
            raise click.BadParameter(f"{part!r}: {value!r} is not a number", param_hint="--fail-under") from exc
    return out


def load_thresholds(path: Path = THRESHOLDS_FILE) -> tuple[dict[str, float], dict[str, float]]:
    """(minimums, maximums) from thresholds.toml, names checked so a typo cannot disable a gate."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    mins = {k: float(v) for k, v in data.get("min", {}).items()}
    maxs = {k: float(v) for k, v in data.get("max", {}).items()}
    unknown = [k for k in mins if k not in QUALITY_METRICS] + [k for k in maxs if k not in LATENCY_METRICS]
    if unknown:
        raise click.ClickException(f"{path}: unknown metrics {unknown}; known: {', '.join(ALL_METRICS)}")
    return mins, maxs


def metrics_table(metrics: dict[str, Any]) -> str:
    """Fixed-width metrics table for the terminal."""
    from eval.report import metric_rows, text_table

    return text_table(*metric_rows(metrics))


@click.group()
def cli() -> None:
    """Regression evals for the report assistant (deterministic, offline)."""


@cli.command()
@click.option("--dataset", "datasets", type=click.Path(exists=True, dir_okay=False, path_type=Path), multiple=True,
              help="JSONL dataset, repeatable (default: all eight sets in eval/datasets/).")
@click.option("--split", type=click.Choice(SPLITS), default="all", show_default=True,
              help="dev (tune on it), test (report and gate on it) or all: a fixed hash of each item's id.")
@click.option("--mode", type=click.Choice(["extractive", "llm"]), default=None, help="Answering mode (default: config).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output dir for results.json, report.md, report.html (default eval/results/latest).")
@click.option("--fail-under", "fail_under", default=None, metavar="NAME=V,...",
              help="Exit 1 if an overall metric is under V, e.g. answer=0.9,citation=0.9,page_hit1=0.9.")
@click.option("--gate", is_flag=True, help="Apply eval/thresholds.toml (when --fail-under is not given).")
@click.option("--thresholds", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=THRESHOLDS_FILE,
              show_default=False, help="Thresholds file for --gate.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N items.")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="Only items of this kind.")
@click.option("--no-judge", is_flag=True, help="Skip LLM-judged metrics even when an LLM is configured.")
@click.pass_context
def run(ctx: click.Context, datasets: tuple[Path, ...], split: str, mode: str | None, out_dir: Path | None, fail_under: str | None,
        gate: bool, thresholds: Path, limit: int | None, kind: str | None, no_judge: bool) -> None:
    """Run the golden set and write results.json, report.md and report.html."""
    from tqdm import tqdm

    from assistant.errors import AssistantError
    from eval.runner import DEFAULT_OUT_DIR, run_suite

    mins: dict[str, float] = {}
    maxs: dict[str, float] = {}
    if fail_under:
        mins = parse_fail_under(fail_under)
    elif gate:
        mins, maxs = load_thresholds(thresholds)
    factory: AssistantFactory = (ctx.obj or {}).get("assistant_factory") or default_factory
    bar: tqdm | None = None

    def progress(done: int, total: int, item_id: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, file=sys.stderr, desc="eval", unit="q", dynamic_ncols=True)
        bar.set_postfix_str(item_id, refresh=False)
        bar.update(1)

    try:
        assistant = factory(mode)
        results = run_suite(assistant, dataset_path=list(datasets) or None, mode=mode, out_dir=out_dir,
                            progress=progress, limit=limit, kind=kind, judge=not no_judge, split=split)
    except (AssistantError, DatasetError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        if bar is not None:
            bar.close()
    out = out_dir or DEFAULT_OUT_DIR
    click.echo(metrics_table(results["metrics"]))
    failed = [i for i in results["items"] if not i["ok"]]
    click.echo(f"\n{len(results['items']) - len(failed)}/{len(results['items'])} items passed; "
               f"LLM-judged metrics: {results['meta']['judge']}")
    click.echo(f"Wrote {out / 'results.json'}, {out / 'report.md'}, {out / 'report.html'}")
    if mins or maxs:
        failures, notes = check_thresholds(results["metrics"], mins, maxs)
        for note in notes:
            click.echo(f"note: {note}", err=True)
        if failures:
            for f in failures:
                click.echo(f"FAIL: {f}", err=True)
            ctx.exit(1)
        click.echo("Gate passed: " + ", ".join(f"{k}>={v:g}" for k, v in mins.items())
                   + "".join(f", {k}<={v:g}" for k, v in maxs.items()))


@cli.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
def compare(old: Path, new: Path) -> None:
    """Items that flipped and metric deltas between two runs (dirs or results.json files)."""
    from eval.compare import compare_paths

    try:
        _diff, text = compare_paths(old, new)
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(f"Cannot compare: {exc}") from exc
    click.echo(text)


@cli.command()
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None)
@click.option("--report", "report_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Report file to ingest (default: the bundled report).")
@click.option("--systems", default="ours,quickstart,bm25", show_default=True,
              help="Comma-separated subset of ours, quickstart, bm25.")
def bench(dataset: Path | None, report_path: Path | None, systems: str) -> None:
    """Ingest time, query latency, peak memory and quality beside two LlamaIndex/BM25 baselines."""
    from eval.bench import SYSTEMS, run_bench

    chosen = [s.strip() for s in systems.split(",") if s.strip()]
    if not chosen or set(chosen) - set(SYSTEMS):
        raise click.BadParameter(f"choose from {', '.join(SYSTEMS)}", param_hint="--systems")
    click.echo(run_bench(dataset_path=dataset, report_path=report_path, echo=lambda m: click.echo(m, err=True),
                         systems=chosen))


@cli.command("fit-judge")
@click.option("--l2", type=float, default=1.0, show_default=True, help="L2 penalty of the logistic model.")
@click.pass_context
def fit_judge_cmd(ctx: click.Context, l2: float) -> None:
    """Refit the answer judge on the dev split (writes assistant/data/judge.json)."""
    from eval.fit_judge import fit_judge

    factory: AssistantFactory = (ctx.obj or {}).get("assistant_factory") or default_factory
    assistant = factory("extractive")
    model, info = fit_judge(assistant, l2=l2)
    click.echo(f"Fitted on {info['judged']} of {info['items']} dev items ({info['positive']} positive); "
               f"threshold {info['threshold']:.2f}")
    for name, w in zip(model.features, model.weights, strict=True):
        click.echo(f"  {name:14s} {w:+.3f}")
    click.echo(f"  {'bias':14s} {model.bias:+.3f}")
@cli.command()
@click.argument("what", type=click.Choice(["threads", "sessions", "all"]), default="all")
@click.option("--threads", default=20, show_default=True, help="threads: concurrent askers.")
@click.option("--rounds", default=3, show_default=True, help="threads: rounds of the golden set.")
@click.option("--sessions", default=20, show_default=True, help="sessions: simulated officials.")
@click.option("--think", default=5.0, show_default=True, help="sessions: seconds between an official's questions.")
@click.option("--duration", default=60.0, show_default=True, help="sessions: seconds to run.")
@click.option("--target", type=click.Choice(["inproc", "http", "both"]), default="both", show_default=True,
              help="sessions: ask the Assistant in this process, over HTTP (python -m assistant serve), or both.")
@click.option("--url", default=None, help="sessions over HTTP: a running `assistant serve` (default: start one).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N golden questions.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the results as JSON here.")
def load(what: str, threads: int, rounds: int, sessions: int, think: float, duration: float, target: str,
         url: str | None, limit: int | None, out_file: Path | None) -> None:
    """Many officials at once: answers under load vs alone, throughput, p50/p95 (see eval/load.py)."""
    import json

    from assistant.api import Assistant
    from assistant.errors import AssistantError
    from eval.load import golden, in_process, over_http, reference, run_sessions, run_threads, start_server, summary

    try:
        assistant = default_factory("extractive")
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    items = golden(limit)

    def fresh() -> Any:
        """A new Assistant on the same store (cold memos), its index built and one question asked."""
        a = Assistant(assistant.settings)
        a.ask(items[0].question)
        return in_process(a)

    click.echo(f"Reference: {len(items)} golden questions asked one at a time …", err=True)
    ref = reference(items, in_process(assistant))
    results = []
    if what in ("threads", "all"):
        results.append(run_threads(fresh, items, threads=threads, rounds=rounds, ref=ref))
        click.echo(summary(results[-1]))
    if what in ("sessions", "all"):
        for kind in (["inproc", "http"] if target == "both" else [target]):
            proc = None
            try:
                if kind == "http":
                    if url is None:
                        click.echo("Starting python -m assistant serve …", err=True)
                        proc, base = start_server()
                    else:
                        base = url
                    session_ask = over_http(base)
                else:
                    session_ask = fresh()
                result = run_sessions(session_ask, items, sessions=sessions, think=think, duration=duration,
                                      expected=ref[0])
                result["target"] = kind
                results.append(result)
                click.echo(summary(result))
            finally:
                if proc is not None:
                    proc.terminate()
                    proc.wait(timeout=30)
    for r in results:
        for ex in r.get("examples", [])[:3]:
            click.echo(f"  differs: {ex['id']}: alone {ex['alone']!r} / under load {ex['under_load']!r}", err=True)
    if out_file:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
        click.echo(f"Wrote {out_file}")


if __name__ == "__main__":
    cli(prog_name="python -m eval")
