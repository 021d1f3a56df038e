"""eval/library_bench.py: report variants that keep the page structure, and a 3-report smoke run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval import library_bench as bench
from ingest.pipeline import parse_report
from tests.library.helpers import REPORT, report_text


@pytest.mark.parametrize("i", [0, 7, 99])
def test_variants_differ_but_keep_the_pages(i: int, tmp_path: Path) -> None:
    path = tmp_path / bench.variant_name(i)
    path.write_text(bench.make_variant(report_text(), i), encoding="utf-8")
    original, variant = parse_report(REPORT), parse_report(path)
    assert variant.title == f"Delårsrapport {bench.variant_year(i)}, Kommunstyrelsen {bench.variant_tag(i)}"
    assert variant.year == bench.variant_year(i) != 2025
    assert sorted(variant.pages) == sorted(original.pages) and not variant.warnings
    assert [g.title for g in variant.goals] == [g.title for g in original.goals]
    text = path.read_text(encoding="utf-8")
    assert "600 miljoner kronor" not in text and "78 miljoner kronor" not in text
    assert f"Nyhamnen-{bench.variant_tag(i)}" in text


def test_amounts_are_scaled_with_their_format() -> None:
    scaled = bench.make_variant("Totalt 13 950 tkr och 13,9 Mkr samt 78 miljoner kronor, 12 procent.", 0)
    assert scaled == "Totalt 14 926 tkr och 14,9 Mkr samt 83 miljoner kronor, 13 procent."
    assert len({bench.variant_name(i) for i in range(100)}) == 100


def test_cache_returns_the_models_vectors_once_per_text() -> None:
    calls: list[list[str]] = []

    class Model:
        def get_text_embedding_batch(self, texts: list[str], **_: object) -> list[list[float]]:
            calls.append(list(texts))
            return [[float(len(t))] for t in texts]

    cached = bench.CachedEmbedding(Model())
    assert cached.get_text_embedding_batch(["ab", "abc", "ab"]) == [[2.0], [3.0], [2.0]]
    assert cached.get_text_embedding_batch(["abc", "abcd"]) == [[3.0], [4.0]]
    assert calls == [["ab", "abc"], ["abcd"]] and (cached.hits, cached.misses) == (2, 3)


@pytest.mark.e2e
def test_bench_smoke_with_three_reports(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    r = bench.run_library_bench(3, out, limit=20, log=lambda _m: None)
    assert json.loads(out.read_text(encoding="utf-8"))["reports"] == 4
    assert (r["reports"], r["collections"], r["questions"]) == (4, 4, 20)
    assert r["chunks"] == 4 * 193
    assert 0 < r["embed_cache_hits"] < r["embed_cache_hits"] + r["embed_cache_misses"]
    for label in ("no_filter", "filter_original"):
        assert r[label]["n"] == 20 and r[label]["p50_ms"] > 0
    # with the report filter the answers come from the original, as on a single-report index
    assert r["filter_original"]["top_citation_right"] >= 0.7
    assert r["filter_original"]["top_citation_original_report"] == 1.0
    assert r["peak_mb"] < bench.TARGET_PEAK_MB
    table = bench.format_table(r)
    assert "query p50 (no filter)" in table and "peak memory" in table
