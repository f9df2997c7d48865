"""The search benchmark runs (at a tiny scale; no timing assertions)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.search_bench import keystrokes, percentile, run_search_bench

from wardtui.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_run_search_bench_reports_every_class() -> None:
    library = Library.in_memory()
    library.sync([SEEDS], workers=1)
    report = run_search_bench(
        library, {"fuzzy title": ["tay sonn"], "full text": ["giai phong mat bang", "*"]},
        repeat=2, typed=["dan v"],
    )
    library.close()
    assert report["articles"] == 5
    assert set(report["classes"]) == {"fuzzy title", "full text", "keystrokes"}
    full = report["classes"]["full text"]
    assert full["n"] == 4 and full["p50_ms"] >= 0 and full["p95_ms"] >= full["p50_ms"]
    assert report["classes"]["keystrokes"]["n"] == 2 * 5
    assert report["all"]["n"] == 2 + 4 + 10
    assert report["index_build_ms"] >= 0


def test_default_queries_run() -> None:
    library = Library.in_memory()
    library.sync([SEEDS], workers=1)
    report = run_search_bench(library, repeat=1)
    library.close()
    assert {"fuzzy title", "full text", "field filters", "phrase", "keystrokes"} <= set(
        report["classes"])


def test_helpers() -> None:
    assert keystrokes(["abc"]) == ["a", "ab", "abc"]
    assert percentile([5.0, 1.0, 3.0], 0.5) == 3.0
    assert percentile([], 0.95) == 0.0
