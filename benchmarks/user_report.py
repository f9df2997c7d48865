"""From the raw results of :mod:`benchmarks.user_bench` to issue 15's table, ratios and bounds.

:data:`FIGURES` are the rows of the issue's table (what the user does), each
with the floor or peer it is read against and the issue's target at 100,000
articles; :func:`figures` computes them (``None`` where not measured),
:func:`ratios` divides each by its floor, :func:`markdown_table` prints them, and
:func:`check_bounds` compares the ratios with ``benchmarks/bounds.toml``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["BOUNDS_FILE", "FIGURES", "check_bounds", "compare_table", "figures", "load_bounds",
           "markdown_table", "ratios"]

BOUNDS_FILE = Path(__file__).with_name("bounds.toml")


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str  # what the user does
    unit: str
    path: tuple[str, ...]  # where the value is in the raw results
    floors: tuple[str, ...] = ()  # keys of FLOORS
    op: str = ""  # "<=" or ">=" (the target at 100,000 articles)
    target: float | None = None
    scale: float = 1.0  # raw to unit (1000: seconds to ms)


FLOORS: dict[str, tuple[str, tuple[str, ...]]] = {
    "grep": ("`grep -ril` over the files", ("cli", "grep", "p50")),
    "fzf": ("`fzf --filter` over the titles", ("cli", "fzf", "p50")),
    "fts": ("raw FTS5 query", ("cli", "fts", "p50")),
    "sqlite_first": ("sqlite3: first row", ("cli", "sqlite_first", "p50")),
    "sqlite_json": ("sqlite3 -json: every row", ("cli", "sqlite_json", "p50")),
    "find": ("`find` walk + stat", ("cli", "find", "p50")),
    "read_decode": ("read + decode every file, pool", ("cli", "read_decode", "p50")),
    "python_pass": ("`python -c pass`", ("cli", "python_pass", "p50")),
    "empty_app": ("empty Textual app, launch to screen", ("app", "empty_app", "p50")),
    "empty_app_rss": ("empty Textual app, RSS", ("app", "empty_app", "rss_mb")),
    "textual_echo": ("empty Textual app: key echoed in an Input",
                     ("app", "empty_app_echo", "p50")),
    "key_echo": ("wardtui: key echoed in the search bar", ("app", "key_echo", "p50")),
}
"""Each floor: (what it is, where its time is in the raw results). Seconds, or MB for RSS."""

FIGURES: tuple[Figure, ...] = (
    Figure("search_p50", "`wardtui search QUERY` (5 queries) p50", "s",
           ("cli", "search", "p50"), ("grep", "fzf", "fts"), "<=", 0.3),
    Figure("search_p95", "`wardtui search QUERY` p95", "s",
           ("cli", "search", "p95"), ("grep",), "<=", 0.5),
    Figure("search_rss", "`wardtui search QUERY` peak RSS", "MB",
           ("cli", "search", "rss_mb"), (), "<=", 80),
    Figure("list_first_line", "`wardtui list \\| head -1`: first line", "s",
           ("cli", "list_head", "first_line", "p50"), ("sqlite_first", "python_pass"), "<=", 0.3),
    Figure("list_head_exit", "`wardtui list \\| head -1`: process ends", "s",
           ("cli", "list_head", "exit", "p50"), ("sqlite_first",)),
    Figure("list_rss", "`wardtui list \\| head -1` peak RSS", "MB",
           ("cli", "list_head", "rss_mb")),
    Figure("list_json", "`wardtui list --json \\| wc -l`", "s",
           ("cli", "list_json", "seconds"), ("sqlite_json",), "<=", 1.5),
    Figure("app_first_search", "app: launch, then the first search's results", "s",
           ("app", "launch_first_search", "seconds"), ("empty_app",), "<=", 1.0),
    Figure("app_first_screen", "app: launch to first screen", "s",
           ("app", "launch_first_screen", "p50"), ("empty_app",)),
    Figure("app_launch_sync", "app: launch sync, nothing changed (launch to 'up to date')", "s",
           ("app", "launch_sync", "p50"), ("find",), "<=", 1.0),
    Figure("index_noop", "`wardtui index`, nothing changed", "s",
           ("cli", "index_noop", "p50"), ("find", "python_pass"), "<=", 0.7),
    Figure("resync_1pct", "`wardtui index` after 1% of files changed", "s",
           ("cli", "resync_1pct", "p50"), ("find", "python_pass"), "<=", 1.5),
    Figure("index_cold", "cold `wardtui index DIR`", "s",
           ("cli", "index_cold", "seconds"), ("read_decode",)),
    Figure("index_cold_rate", "cold `wardtui index DIR`", "art/s",
           ("cli", "index_cold", "articles_per_s"), (), ">=", 3000),
    Figure("key_search_p50", "app: key to search results on screen p50", "ms",
           ("app", "key_search", "p50"), ("textual_echo", "key_echo"), "<=", 50, 1000),
    Figure("key_search_p95", "app: key to search results on screen p95", "ms",
           ("app", "key_search", "p95"), ("textual_echo",), "<=", 100, 1000),
    Figure("key_article_p50", "app: key to article on screen p50", "ms",
           ("app", "key_article", "p50"), ("textual_echo", "key_echo"), "<=", 30, 1000),
    Figure("app_memory", "app: memory (RSS) after browsing", "MB",
           ("app", "app_memory", "rss_mb"), ("empty_app_rss",), "<=", 200),
    Figure("show", "`wardtui show ID` p50", "s",
           ("cli", "show", "p50"), ("python_pass",), "<=", 0.12),
    Figure("help", "`wardtui --help` p50", "s",
           ("cli", "help", "p50"), ("python_pass",), "<=", 0.12),
)


def _get(data: Any, path: tuple[str, ...]) -> float | None:
    for part in path:
        if not isinstance(data, Mapping) or part not in data:
            return None
        data = data[part]
    return float(data) if isinstance(data, int | float) else None


def figures(raw: Mapping[str, Any]) -> dict[str, float | None]:
    """Every figure's value, in its unit."""
    values: dict[str, float | None] = {}
    for f in FIGURES:
        value = _get(raw, f.path)
        values[f.key] = None if value is None else value * f.scale
    return values


def floor_values(raw: Mapping[str, Any]) -> dict[str, float | None]:
    """Every floor's value, in seconds (MB for RSS)."""
    return {key: _get(raw, path) for key, (_label, path) in FLOORS.items()}


def ratios(raw: Mapping[str, Any]) -> dict[str, float | None]:
    """``figure/floor`` for every pair: ours divided by the floor, both as measured."""
    floors = floor_values(raw)
    out: dict[str, float | None] = {}
    for f in FIGURES:
        ours = _get(raw, f.path)
        for floor in f.floors:
            base = floors.get(floor)
            out[f"{f.key}/{floor}"] = (round(ours / base, 2)
                                       if ours is not None and base else None)
    return out


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if unit == "art/s" or abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    elif abs(value) >= 0.1:
        text = f"{value:.2f}"
    else:
        text = f"{value:.3f}"
    return f"{text} {unit}".strip()


def _floor_text(key: str, value: float | None) -> str:
    label = FLOORS[key][0]
    unit = "MB" if key.endswith("_rss") else "s"
    return f"{label} {_fmt(value, unit)}"


def met(f: Figure, value: float | None) -> str:
    if f.target is None or value is None:
        return ""
    ok = value <= f.target if f.op == "<=" else value >= f.target
    return "met" if ok else "**missed**"


def markdown_table(raw: Mapping[str, Any]) -> str:
    """The issue's table for one run: value, floors (same run), ratios, target."""
    values, floors, rates = figures(raw), floor_values(raw), ratios(raw)
    lines = ["| what the user does | measured | floor or peer, same run | ours / floor "
             "| target at 100k | |",
             "|---|---:|---|---:|---|---|"]
    for f in FIGURES:
        value = values[f.key]
        floor_text = "; ".join(_floor_text(k, floors.get(k)) for k in f.floors)
        ratio_text = "; ".join(f"{_fmt(rates.get(f'{f.key}/{k}'))}×" if rates.get(
            f"{f.key}/{k}") is not None else "–" for k in f.floors)
        target = f"{f.op} {_fmt(f.target, f.unit)}" if f.target is not None else ""
        lines.append(f"| {f.label} | {_fmt(value, f.unit)} | {floor_text} | {ratio_text} "
                     f"| {target} | {met(f, value)} |")
    return "\n".join(lines)


def _times(ratio: float | None) -> str:
    return "–" if ratio is None else f"{_fmt(ratio)}×"


def compare_table(before: Mapping[str, Any], after: Mapping[str, Any]) -> str:
    """Before beside after for one size: each value, the floors and ratios of the AFTER run
    (the BEFORE run's ratios in brackets: each run is read against its own floors), the
    target and whether AFTER meets it."""
    b_values, a_values = figures(before), figures(after)
    floors, a_rates, b_rates = floor_values(after), ratios(after), ratios(before)
    lines = ["| what the user does | before | after | floor or peer (after run) "
             "| after / floor (before / floor) | target at 100k | after |",
             "|---|---:|---:|---|---:|---|---|"]
    for f in FIGURES:
        floor_text = "; ".join(_floor_text(k, floors.get(k)) for k in f.floors)
        parts = []
        for k in f.floors:
            a, b = a_rates.get(f"{f.key}/{k}"), b_rates.get(f"{f.key}/{k}")
            parts.append(f"{_times(a)} ({_times(b)})" if a is not None or b is not None else "–")
        target = f"{f.op} {_fmt(f.target, f.unit)}" if f.target is not None else ""
        lines.append(f"| {f.label} | {_fmt(b_values[f.key], f.unit)} "
                     f"| {_fmt(a_values[f.key], f.unit)} | {floor_text} | {'; '.join(parts)} "
                     f"| {target} | {met(f, a_values[f.key])} |")
    return "\n".join(lines)


def load_bounds(path: Path = BOUNDS_FILE) -> dict[str, float]:
    """The ``[ratios]`` table of the bounds file: ``"figure/floor" = largest ratio``."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data.get("ratios", {}).items()}


def check_bounds(raw: Mapping[str, Any], bounds: Mapping[str, float]) -> list[str]:
    """Every bounded ratio that grew past its bound, or could not be measured."""
    rates = ratios(raw)
    problems = []
    for key, bound in bounds.items():
        if key not in rates:
            problems.append(f"{key}: no such ratio (see benchmarks/user_report.py)")
            continue
        value = rates[key]
        if value is None:
            problems.append(f"{key}: not measured")
        elif value > bound:
            problems.append(f"{key}: {value}× is over its bound {bound}×")
    return problems


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.user_report RESULTS.json``: print its tables again;
    ``python -m benchmarks.user_report BEFORE.json AFTER.json``: before beside after, for
    every size both have."""
    import json
    import sys

    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (1, 2):
        print("usage: python -m benchmarks.user_report RESULTS.json [AFTER.json]",
              file=sys.stderr)
        return 2
    results = [json.loads(Path(a).read_text(encoding="utf-8")) for a in args]
    if len(results) == 2:
        before, after = results
        for count, raw in after["sizes"].items():
            if count not in before["sizes"]:
                continue
            print(f"### {before.get('label', '')} / {after.get('label', '')}, "
                  f"{int(count):,} articles\n")
            print(compare_table(before["sizes"][count], raw) + "\n")
        return 0
    for count, raw in results[0]["sizes"].items():
        print(f"### {results[0].get('label', '')}, {int(count):,} articles (load "
              f"{raw.get('loadavg_start')} at the start, {raw.get('loadavg_end')} at the end; "
              f"{raw.get('seconds')} s)\n")
        print(markdown_table(raw) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
