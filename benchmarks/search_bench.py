"""Search latency: p50 / p95 per query class, in-process, on an existing library.

:func:`run_search_bench` builds the search index once (timed), warms up, then
runs every query of every class ``repeat`` times and reports milliseconds. The
``keystrokes`` class replays a few queries as typed, one character at a time,
which is what the app does (it searches at once; a newer query stops the running one).
Every query starts with the search's memo cleared, except within the keystrokes of one
typed query.

Usage::

    python -m benchmarks.search_bench LIBRARY.sqlite3 [--repeat N] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from wardtui.library import Library
from wardtui.search import SearchIndex, search

__all__ = ["DEFAULT_QUERIES", "keystrokes", "main", "percentile", "run_search_bench"]

DEFAULT_QUERIES: dict[str, list[str]] = {
    "fuzzy title": [
        "tay sonn", "dai hoi cuu chien binh", "ve sinh moi truong", "phong chong dich benh",
        "bong da thieu nien", "khanh hiep", "nguyen van", "tuyen duong hoa", "dan van kheo",
        "hoi nghi tong ket", "chien dich", "le hoi",
    ],
    "full text": [
        "giai phong mat bang", "giải phóng mặt bằng", "an ninh trat tu", "cai cach hanh chinh",
        "hưởng ứng", "dich vu cong truc tuyen", "nong thon moi", "covid", "sot xuat huyet",
        "quan chung uu tu", "ho ngheo", "ket nap dang vien",
    ],
    "field filters": [
        'ward:"tay son"', "ward:12 year:2023", "unit:xa hoi nghi", "author:\"thanh tam\"",
        "date:2023-06 ve sinh", "year:2019..2021 dang", "in:title moi truong",
        "in:body covid -dang", 'ward:"my long" date:2021..2023', "is:bookmarked hoi",
    ],
    "phrase": [
        '"giai phong mat bang"', '"dan van kheo"', '"toan dan bao ve an ninh to quoc"',
        '"hoi nghi tong ket"', '"ve sinh moi truong"', '"ngay hoi dai doan ket"',
        '-"hoi nghi" dang', '"cuu chien binh"',
    ],
}
"""Realistic queries by class (the classes the issue names)."""

_TYPED = ["tay son hoi nghi", "giai phong mat bang", "dan van kheo", "ward:12 ve sinh"]


def keystrokes(queries: Sequence[str]) -> list[str]:
    """Every prefix of every query, as typed: ``t``, ``ta``, ``tay``…"""
    return [q[:i] for q in queries for i in range(1, len(q) + 1)]


def percentile(values: Sequence[float], fraction: float) -> float:
    """The ``fraction`` percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, round(fraction * (len(ordered) - 1))))
    return ordered[rank]


def run_search_bench(
    library: Library,
    queries: Mapping[str, Sequence[str]] | None = None,
    *,
    repeat: int = 3,
    limit: int = 50,
    typed: Sequence[str] | None = None,
) -> dict[str, Any]:
    """Time the search on ``library``: index build, then p50/p95 per query class.

    Returns ``{"articles", "index_build_ms", "limit", "classes": {name: {"n",
    "p50_ms", "p95_ms", "max_ms", "mean_results", "mean_total"}}, "all":
    {...}}``; the ``keystrokes`` class replays ``typed`` (default: a few
    queries) one character at a time. No bookmarks: ``is:bookmarked`` uses a
    fixed set of a few ids.
    """
    queries = dict(DEFAULT_QUERIES if queries is None else queries)
    typed = _TYPED if typed is None else typed
    if typed:
        queries["keystrokes"] = keystrokes(typed)
    started = time.perf_counter()
    index = SearchIndex.build(library)
    build_ms = (time.perf_counter() - started) * 1000
    marked = set(index.ids[::97][:200])
    try:
        for query in [q for qs in queries.values() for q in qs]:  # warm-up (caches, pages)
            search(index, query, limit, bookmarked=marked)
        index.cache.items.clear()  # measure cold per-query caches, warm SQLite pages
        classes: dict[str, dict[str, float]] = {}
        every: list[float] = []
        for name, items in queries.items():
            times: list[float] = []
            results: list[int] = []
            totals: list[int] = []
            for _ in range(repeat):
                for query in items:
                    # Each query starts cold; the keystrokes of one typed query share the
                    # memo, as they do in the app.
                    if name != "keystrokes" or len(query) == 1:
                        index.cache.items.clear()
                    begin = time.perf_counter()
                    response = search(index, query, limit, bookmarked=marked)
                    times.append((time.perf_counter() - begin) * 1000)
                    results.append(len(response.results))
                    totals.append(response.total)
            every.extend(times)
            classes[name] = _summary(times, results, totals)
    finally:
        index.close()
    return {
        "articles": index.size,
        "index_build_ms": round(build_ms, 1),
        "limit": limit,
        "classes": classes,
        "all": _summary(every, [], []),
    }


def _summary(times: list[float], results: list[int], totals: list[int]) -> dict[str, float]:
    summary = {
        "n": float(len(times)),
        "p50_ms": round(statistics.median(times), 2) if times else 0.0,
        "p95_ms": round(percentile(times, 0.95), 2),
        "max_ms": round(max(times), 2) if times else 0.0,
    }
    if results:
        summary["mean_results"] = round(statistics.mean(results), 1)
        summary["mean_total"] = round(statistics.mean(totals), 1)
    return summary


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_bench",
                                     description="Measure search latency on a library cache.")
    parser.add_argument("library", type=Path, help="a wardtui library (.sqlite3)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not args.library.is_file():
        parser.error(f"no such library: {args.library}")
    library = Library.open(args.library)
    try:
        report = run_search_bench(library, repeat=args.repeat, limit=args.limit)
    finally:
        library.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{report['articles']} articles; index built in {report['index_build_ms']:.0f} ms; "
          f"top {report['limit']}")
    print(f"{'class':<15}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name, row in [*report["classes"].items(), ("all", report["all"])]:
        print(f"{name:<15}{int(row['n']):>6}{row['p50_ms']:>10.2f}{row['p95_ms']:>10.2f}"
              f"{row['max_ms']:>10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
