"""`python -m assistant …`: a thin click layer over the library API."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from assistant.config import load_settings
from assistant.errors import AssistantError
from assistant.models import Answer, Filters, Turn, validate_question
from ingest.errors import IngestError


@contextmanager
def progress_bar(enabled: bool = True) -> Iterator[Any]:
    """A tqdm bar on stderr fed by the library's (message, fraction) callback."""
    from tqdm import tqdm

    bar = tqdm(total=100, file=sys.stderr, disable=not enabled, bar_format="{desc} {bar} {percentage:3.0f}%",
               leave=False)

    def update(message: str, fraction: float) -> None:
        bar.set_description_str(message[:60])
        bar.n = int(fraction * 100)
        bar.refresh()

    try:
        yield update
    finally:
        bar.close()


def fail(message: str, code: int = 1) -> None:
    click.echo(f"Fel: {message}", err=True)
    sys.exit(code)


def make_assistant(ctx: click.Context) -> Any:
    from assistant.api import Assistant

    try:
        return Assistant(load_settings(**ctx.obj))
    except AssistantError as exc:
        fail(str(exc))


def ready(a: Any, quiet: bool = False) -> None:
    with progress_bar(enabled=not quiet and sys.stderr.isatty()) as update:
        a.ensure_ready(progress=update)


@click.group()
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the index lives (default ./var; env ASSISTANT_DATA_DIR).")
@click.option("--mode", type=click.Choice(["extractive", "llm"]), default=None,
              help="Answer without an LLM (default) or with the configured LLM.")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, mode: str | None) -> None:
    """Ask Malmö stad's reports questions and get answers with page citations."""
    ctx.obj = {k: v for k, v in {"data_dir": data_dir, "mode": mode}.items() if v is not None}


REPORT_SUFFIXES = {".txt", ".pdf"}


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-ingest even if unchanged.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], force: bool) -> None:
    """Ingest report files or folders (default: the bundled reports).

    In a folder, files that are not .txt/.pdf and texts that are not reports are skipped and listed with
    the reason; a file named on the command line that cannot be ingested is an error."""
    from ingest.validate import NotAReport

    a = make_assistant(ctx)
    targets: list[tuple[Path, bool]] = []  # (file, found in a folder)
    skipped = 0
    for p in paths or (a.settings.reports_dir,):
        if p.is_dir():
            entries = sorted(x for x in p.iterdir() if not x.name.startswith("."))
            found = [x for x in entries if x.is_file() and x.suffix.lower() in REPORT_SUFFIXES]
            for x in entries:
                if x not in found:
                    skipped += 1
                    why = "en mapp" if x.is_dir() else "inte .txt eller .pdf"
                    click.echo(f"Hoppade över {x.name}: {why}.", err=True)
            if not found:
                fail(f"Mappen {p} innehåller inga rapporter (.txt eller .pdf).")
            targets.extend((x, True) for x in found)
        else:
            targets.append((p, False))
    failures = 0
    for path, in_folder in targets:
        try:
            with progress_bar(enabled=sys.stderr.isatty()) as update:
                r = a.ingest(path, progress=update, force=force)
        except NotAReport as exc:
            if in_folder:
                skipped += 1
                click.echo(f"Hoppade över {path.name}: {exc}", err=True)
            else:
                failures += 1
                click.echo(f"Fel: {exc} (indexet är oförändrat)", err=True)
            continue
        except (IngestError, AssistantError) as exc:
            failures += 1
            click.echo(f"Fel: {exc} (indexet är oförändrat)", err=True)
            continue
        verb = "oförändrad, hoppades över" if r.status == "unchanged" else f"indexerad: {r.chunks} avsnitt"
        click.echo(f"{r.source}: {verb} ({r.seconds:.1f} s)")
        for w in r.warnings:
            click.echo(f"Varning: {w}", err=True)
    if skipped:
        click.echo(f"{skipped} fil(er) hoppades över (se ovan).", err=True)
    if failures:
        sys.exit(1)


@cli.command(name="list")
@click.pass_context
def list_reports(ctx: click.Context) -> None:
    """List the reports in the index (private uploads marked), and the removed bundled ones."""
    a = make_assistant(ctx)
    try:
        records = sorted(a.store.records(fresh=True).values(), key=lambda r: (r.year or 0, r.title, r.source))
        removed = sorted(a.store.removed())
    except AssistantError as exc:
        fail(str(exc))
    if not records:
        click.echo("Inga rapporter i indexet. Kör: python -m assistant ingest")
    for r in records:
        private = "\tprivat" if r.owner is not None else ""
        click.echo(f"{r.source}\t{r.title}\t{r.year or ''}\t{r.chunks} avsnitt{private}")
    if removed:
        click.echo(f"Borttagna (läses inte in vid start): {', '.join(removed)}", err=True)


@cli.command()
@click.argument("source")
@click.pass_context
def remove(ctx: click.Context, source: str) -> None:
    """Remove a report (by file name) from the index; it stays removed until ingested again."""
    a = make_assistant(ctx)
    try:
        rec = a.store.records(fresh=True).get(source)
        removed = a.remove(source, owner=rec.owner if rec else None)
    except AssistantError as exc:
        fail(str(exc))
    if not removed:
        fail(f"Rapporten {source!r} finns inte i indexet. Se: python -m assistant list")
    click.echo(f"Borttagen: {source} (läses inte in igen vid start; lägg tillbaka med: python -m assistant ingest SÖKVÄG)")


def _filters(goal_area: str | None, goal: str | None, pages: str | None, report: str | None) -> Filters:
    page_from = page_to = None
    if pages:
        try:
            lo, _, hi = pages.partition("-")
            page_from, page_to = int(lo), int(hi or lo)
        except ValueError:
            fail(f"Ogiltigt sidintervall {pages!r}; skriv t.ex. 20-30.", code=2)
    return Filters(goal_area=goal_area, goal=goal, page_from=page_from, page_to=page_to, source=report)


def render(answer: Answer) -> str:
    """Readable output: the answer, then numbered sources with page and section."""
    lines = []
    if answer.notice:
        lines += [f"OBS: {answer.notice}", ""]
    lines.append(answer.answer)
    if answer.unsupported and "⚠" not in answer.answer:
        # dropped sentences (drop_unverified); kept ones are already marked ⚠ in the answer text
        from assistant.llm.verify import strip_markers

        lines += ["", "Togs bort, kunde inte beläggas med källorna:"]
        lines += [f"  ⚠ {strip_markers(s)}" for s in answer.unsupported]
    if answer.citations:
        lines += ["", "Källor:"]
        for c in answer.citations:
            mark = "" if c.verified is None else (" ✓" if c.verified else " ⚠")
            where = " › ".join(x for x in (c.goal_area, c.goal, c.section) if x)
            lines.append(f"  [{c.n}] s. {c.page} – {where}{mark}")
            lines.append(f"      ”{c.quote}”")
    lines += ["", f"({answer.mode}, sökt i: {answer.scope}, {answer.latency_ms:.0f} ms)"]
    return "\n".join(lines)


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output (one JSON object per question).")
@click.option("--input", "input_file", type=click.Path(path_type=Path), default=None,
              help='File of questions, one per line: plain text (its id is the line number) or JSON '
                   '{"id", "question"}; one JSON line out per question, same order.')
@click.option("--goal-area", default=None, help="Only search this goal area (målområde).")
@click.option("--goal", default=None, help="Only search this goal (kommunfullmäktigemål).")
@click.option("--pages", default=None, help="Only search these pages, e.g. 20-30.")
@click.option("--report", default=None, help="Only search this report (file name, see `list`).")
@click.pass_context
def ask(ctx: click.Context, question: str | None, as_json: bool, input_file: Path | None, goal_area: str | None,
        goal: str | None, pages: str | None, report: str | None) -> None:
    """Ask a question about the report."""
    filters = _filters(goal_area, goal, pages, report)
    if input_file is None and question is None:
        fail('Ange en fråga: python -m assistant ask "Hur stor var den sociala obligationen?"', code=2)
    a = make_assistant(ctx)
    if input_file is None:
        try:  # an empty or too long question is told before the index is opened (or built)
            validate_question(question, a.settings.max_question_chars)
        except AssistantError as exc:
            if as_json:
                click.echo(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False))
            fail(str(exc), code=2)
    try:
        ready(a, quiet=as_json)
    except (AssistantError, IngestError) as exc:
        if input_file is None:
            fail(str(exc))
        click.echo(f"Fel: {exc} (varje fråga försöker igen)", err=True)  # a batch goes on: Chroma may come back
    if input_file is not None:
        sys.exit(_ask_batch(a, input_file, filters, as_json))
    try:
        if as_json:
            answer = a.ask(question or "", filters=filters)
            click.echo(json.dumps(answer.to_json(), ensure_ascii=False))
        else:
            stream = a.ask_stream(question or "", filters=filters)
            # the streamed LLM text is unchecked (verification may mark, drop or replace sentences):
            # print only the checked answer, once
            if a.settings.mode == "llm" and sys.stderr.isatty():
                click.echo("Språkmodellen svarar …", err=True)
            list(stream)
            assert stream.answer is not None
            click.echo(render(stream.answer))
    except AssistantError as exc:
        if as_json:
            click.echo(json.dumps({"question": question, "error": str(exc)}, ensure_ascii=False))
        fail(str(exc), code=2)


BATCH_LINE_HINT = ('Varje rad ska vara en fråga i klartext eller ett JSON-objekt som {"id": 1, "question": '
                   '"Hur stor var den sociala obligationen?"}.')


def parse_batch_line(raw: bytes, lineno: int = 0) -> tuple[Any, str | None, str | None]:
    """One input line -> (id, question, error). The error says what is wrong with this line only. A line that
    is no JSON (it does not start with "{" or "[") is the question itself, its id the line number: a text file
    with one question per line is the first thing an official tries."""
    try:
        line = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, None, (f"Raden är inte giltig UTF-8 (byte 0x{raw[exc.start]:02x} vid position {exc.start + 1}). "
                            "Spara filen som UTF-8.")
    if not line.lstrip().startswith(("{", "[")):
        return lineno, line.strip(), None
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, None, f"Ogiltig JSON-rad: {exc.msg} (tecken {exc.colno}). {BATCH_LINE_HINT}"
    if not isinstance(item, dict):
        return None, None, f"Raden är inte ett JSON-objekt utan {type(item).__name__}. {BATCH_LINE_HINT}"
    question = item.get("question")
    if not isinstance(question, str):
        return item.get("id"), None, f'Raden saknar "question" (text). {BATCH_LINE_HINT}'
    return item.get("id"), question, None


def _ask_batch(a: Any, path: Path, filters: Filters, as_json: bool) -> int:
    """Questions in (plain lines or {"id", "question"}), one JSON line out per question, same order. A bad line, or a fault
    while answering one (e.g. Chroma not answering), gives an error line and the batch goes on."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        fail(f"Kan inte läsa {path}: {exc}", code=2)
    lines = data.split(b"\n")
    if not any(line.strip() for line in lines):
        fail(f"Indatafilen {path} är tom. {BATCH_LINE_HINT}", code=2)
    status = 0
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        qid, question, error = parse_batch_line(raw.rstrip(b"\r"), lineno)
        if error is not None:
            click.echo(json.dumps({"id": qid, "line": lineno, "error": error}, ensure_ascii=False))
            status = 1
            continue
        try:
            answer = a.ask(question, filters=filters)
            answer.id = qid
            click.echo(json.dumps(answer.to_json(), ensure_ascii=False))
        except AssistantError as exc:
            click.echo(json.dumps({"id": qid, "line": lineno, "question": question, "error": str(exc)},
                                  ensure_ascii=False))
            status = 1
        except Exception as exc:  # never a traceback in the middle of a batch: this line fails, the rest go on
            click.echo(json.dumps({"id": qid, "line": lineno, "question": question,
                                   "error": f"Oväntat fel ({type(exc).__name__}): {exc}"}, ensure_ascii=False))
            status = 1
    return status


@cli.command()
@click.pass_context
def chat(ctx: click.Context) -> None:
    """Multi-turn chat in the terminal (empty line or Ctrl-D to quit)."""
    a = make_assistant(ctx)
    try:
        ready(a)
    except (AssistantError, IngestError) as exc:
        fail(str(exc))
    click.echo("Ställ en fråga om rapporten (tom rad avslutar).")
    history: list[Turn] = []
    while True:
        try:
            question = input("\n> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if not question:
            break
        try:
            answer = a.ask(question, history=history)
        except AssistantError as exc:
            click.echo(f"Fel: {exc}")
            continue
        click.echo(render(answer))
        history.append(Turn(question, answer.answer))


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=int, help="Port (0: any free port).")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """A JSON endpoint (POST /ask, GET /health) over one shared Assistant, e.g. for `python -m eval load`."""
    from assistant.server import make_server

    a = make_assistant(ctx)
    try:
        ready(a, quiet=True)
        _ = a.index  # built before the first request
    except (AssistantError, IngestError) as exc:
        fail(str(exc))
    server = make_server(a, host, port)
    click.echo(f"Lyssnar på http://{server.server_address[0]}:{server.server_address[1]} (POST /ask)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main() -> None:
    cli(prog_name="python -m assistant")
