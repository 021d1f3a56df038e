"""Human-readable reports of a results dict: Markdown for PRs and CI logs, and a
self-contained HTML page (inline CSS, no scripts) officials can open from disk.
All report text from the dataset or the answerer is escaped."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

# (key, header, format) of the metrics table columns.
COLUMNS = (
    ("n", "n", "int"), ("answer", "answer", "pct"), ("citation", "citation", "pct"),
    ("refusal_precision", "refusal P", "pct"), ("refusal_recall", "refusal R", "pct"),
    ("points", "points", "pct"), ("points_any", "pts≥1", "pct"), ("first_page", "1st cit p.", "pct"),
    ("fact_words_median", "fact words", "ms"),
    ("page_hit1", "page@1", "pct"), ("page_hit5", "page@5", "pct"), ("page_mrr", "page MRR", "dec"),
    ("chunk_hit1", "chunk@1", "pct"), ("chunk_hit5", "chunk@5", "pct"), ("chunk_mrr", "chunk MRR", "dec"),
    ("latency_p50_ms", "p50 ms", "ms"), ("latency_p95_ms", "p95 ms", "ms"),
    ("faithfulness", "faithful", "pct"), ("relevancy", "relevant", "pct"), ("errors", "errors", "int"),
)


def fmt(value: Any, kind: str = "dec") -> str:
    """A metric for display; '–' when not measured."""
    if value is None:
        return "–"
    if kind == "int":
        return str(int(value))
    if kind == "pct":
        return f"{100 * value:.1f}%"
    if kind == "ms":
        return f"{value:.0f}"
    return f"{value:.3f}"


def _columns(metrics: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Drop judged columns when no row has them, so offline reports stay narrow."""
    rows = [metrics["overall"], *metrics["by_kind"].values()]
    return [c for c in COLUMNS if c[0] not in ("faithfulness", "relevancy") or any(r.get(c[0]) is not None
                                                                                   for r in rows)]


def metric_rows(metrics: Mapping[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and formatted rows (overall first, then each kind)."""
    cols = _columns(metrics)
    rows = [["overall", *(fmt(metrics["overall"].get(k), f) for k, _, f in cols)]]
    rows += [[kind, *(fmt(m.get(k), f) for k, _, f in cols)] for kind, m in metrics["by_kind"].items()]
    for group in ("by_lang", "by_shape"):
        rows += [[f"{group[3:]}:{name}", *(fmt(m.get(k), f) for k, _, f in cols)]
                 for name, m in (metrics.get(group) or {}).items()]
    return ["scope", *(h for _, h, _ in cols)], rows


def text_table(header: list[str], rows: list[list[str]]) -> str:
    """Fixed-width table for terminals and CI logs: first column left, the rest right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return "\n".join(
        "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in [header, *rows]
    )


def _md_escape(text: str) -> str:
    """Keep user text from breaking tables or turning into markup/HTML in Markdown viewers."""
    text = html.escape(" ".join(str(text).split()), quote=False)
    for ch in "\\`*_[]|<>#":
        text = text.replace(ch, "\\" + ch)
    return text


def _status(item: Mapping[str, Any]) -> str:
    return "PASS" if item.get("ok") else "FAIL"


def render_markdown(results: Mapping[str, Any]) -> str:
    meta, metrics, items = results.get("meta", {}), results["metrics"], results["items"]
    header, rows = metric_rows(metrics)
    out = [
        "# Eval report",
        "",
        f"- mode: `{meta.get('mode')}`, dataset: `{meta.get('dataset')}`, items: {meta.get('n_items', len(items))}",
        f"- started: {meta.get('started_at')}, duration: {meta.get('duration_s')} s, git: `{meta.get('git_rev')}`",
        f"- LLM-judged metrics: {meta.get('judge', 'n/a')}",
        "",
        "## Metrics",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(r) + " |" for r in rows),
        "",
    ]
    failed = [i for i in items if not i.get("ok")]
    out += [f"## Failures ({len(failed)} of {len(items)})", ""]
    out += [f"- `{i['id']}` ({i['kind']}): " + _md_escape("; ".join(i.get("why") or ["failed"])) for i in failed]
    out += ["", "## Items", ""]
    for i in items:
        out.append(f"### {_status(i)} `{i['id']}` — {i['kind']}, {i['lang']}")
        out.append("")
        for h in i.get("history") or []:
            out.append(f"- earlier question: {_md_escape(h)}")
        out.append(f"- question: {_md_escape(i['question'])}")
        exp = i["expected"]
        expected = "refusal" if exp["refuse"] else f"facts {exp['facts']} on p. {exp['pages']}"
        out.append(f"- expected: {_md_escape(expected)}")
        out.append(f"- answer{' (refused)' if i.get('refused') else ''}: {_md_escape(i.get('answer') or '')}")
        for c in i.get("citations") or []:
            out.append(f"  - [{c.get('n')}] p. {c.get('page')}: {_md_escape(c.get('quote') or '')}")
        if not exp["refuse"]:
            out.append(f"- retrieval: first right page at rank {i.get('page_rank') or '–'}, "
                       f"first chunk with all facts at rank {i.get('chunk_rank') or '–'}")
        if i.get("why"):
            out.append("- why it failed: " + _md_escape("; ".join(i["why"])))
        out.append("")
    return "\n".join(out)


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:1rem 0;font-size:13px}th,td{border:1px solid #ccc;padding:.25rem .5rem;
text-align:right}th:first-child,td:first-child{text-align:left}tr:first-child td{font-weight:600}
details{border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer}.pass{color:#0a6b2d;font-weight:600}.fail{color:#b00020;font-weight:600}
.why{color:#b00020}blockquote{margin:.2rem 0 .2rem 1rem;color:#444;border-left:3px solid #ccc;padding-left:.5rem}
code{background:#f3f3f3;padding:0 .2rem}.meta{color:#555}
"""


def render_html(results: Mapping[str, Any]) -> str:
    e = html.escape
    meta, metrics, items = results.get("meta", {}), results["metrics"], results["items"]
    header, rows = metric_rows(metrics)
    parts = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Eval report</title>",
        f"<style>{_CSS}</style></head><body><h1>Eval report</h1>",
        f"<p class='meta'>mode <code>{e(str(meta.get('mode')))}</code> · dataset <code>{e(str(meta.get('dataset')))}"
        f"</code> · {e(str(meta.get('n_items', len(items))))} items · started {e(str(meta.get('started_at')))} · "
        f"{e(str(meta.get('duration_s')))} s · git <code>{e(str(meta.get('git_rev')))}</code><br>"
        f"LLM-judged metrics: {e(str(meta.get('judge', 'n/a')))}</p>",
        "<h2>Metrics</h2><table><thead><tr>", *(f"<th>{e(h)}</th>" for h in header), "</tr></thead><tbody>",
        *("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>" for r in rows),
        "</tbody></table>",
    ]
    failed = sum(1 for i in items if not i.get("ok"))
    parts.append(f"<h2>Items ({failed} failed of {len(items)}; failures first)</h2>")
    for i in sorted(items, key=lambda i: bool(i.get("ok"))):  # stable: dataset order within each group
        ok = bool(i.get("ok"))
        exp = i["expected"]
        expected = "a refusal" if exp["refuse"] else f"facts {exp['facts']} on p. {exp['pages']}"
        parts.append(
            f"<details{'' if ok else ' open'}><summary><span class='{'pass' if ok else 'fail'}'>{_status(i)}</span> "
            f"<code>{e(i['id'])}</code> ({e(i['kind'])}, {e(i['lang'])}) — {e(i['question'])}</summary>"
        )
        parts += [f"<p class='meta'>earlier question: {e(h)}</p>" for h in i.get("history") or []]
        parts.append(f"<p><b>Expected:</b> {e(expected)}</p>")
        parts.append(f"<p><b>Answer{' (refused)' if i.get('refused') else ''}:</b> {e(i.get('answer') or '')}</p>")
        for c in i.get("citations") or []:
            parts.append(f"<blockquote>[{e(str(c.get('n')))}] p. {e(str(c.get('page')))} · "
                         f"{e(str(c.get('section') or ''))}<br>{e(c.get('quote') or '')}</blockquote>")
        if not exp["refuse"]:
            parts.append(f"<p class='meta'>retrieval: right page at rank {e(str(i.get('page_rank') or '–'))}, "
                         f"chunk with all facts at rank {e(str(i.get('chunk_rank') or '–'))}</p>")
        if i.get("why"):
            parts.append("<ul class='why'>" + "".join(f"<li>{e(w)}</li>" for w in i["why"]) + "</ul>")
        parts.append("</details>")
    parts.append("</body></html>\n")
    return "".join(parts)
