"""From the phases' raw results to the figures, the targets, and the tables.

:func:`figures` flattens one size's phase results into the named figures of
:data:`FIGURES` (``None`` where a phase failed or was skipped); :func:`verdicts`
checks them against :data:`TARGETS` (the issue's targets, stated at 100,000
articles); :func:`text_table` and :func:`markdown_tables` print them.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "FIGURES",
    "SEARCH_CLASSES",
    "TARGETS",
    "Figure",
    "Target",
    "figures",
    "markdown_tables",
    "text_table",
    "verdicts",
]

SEARCH_CLASSES = ("fuzzy title", "full text", "field filters", "phrase", "keystrokes")


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    label: str
    unit: str
    digits: int = 1


@dataclass(frozen=True, slots=True)
class Target:
    key: str
    label: str
    op: str  # "<=" or ">="
    limit: float

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return value <= self.limit if self.op == "<=" else value >= self.limit


def _class_key(name: str) -> str:
    return name.replace(" ", "_")


FIGURES: tuple[Figure, ...] = (
    Figure("corpus_mb", "corpus size", "MB"),
    Figure("read_floor_s", "floor: read + decode, pool", "s", 2),
    Figure("read_floor_articles_per_s", "floor: read + decode, pool", "art/s", 0),
    Figure("read_floor_single_articles_per_s", "floor: read + decode, 1 process", "art/s", 0),
    Figure("read_cold_articles_per_s", "read + decode, page cache cold, 1 process", "art/s", 0),
    Figure("index_s", "cold index", "s", 2),
    Figure("index_articles_per_s", "cold index", "art/s", 0),
    Figure("index_mb_per_s", "cold index", "MB/s", 2),
    Figure("index_floor_ratio", "cold index / read-decode floor (time)", "x", 1),
    Figure("index_cpu_busy", "cold index: both CPUs busy (machine)", "%", 0),
    Figure("index_peak_main_mb", "cold index: peak RSS, writer process", "MB", 0),
    Figure("index_peak_worker_mb", "cold index: peak RSS, largest worker", "MB", 0),
    Figure("index_peak_total_mb", "cold index: peak RSS, all processes", "MB", 0),
    Figure("cache_mb", "cache on disk", "MB", 1),
    Figure("cache_corpus_ratio", "cache / corpus", "x", 2),
    Figure("resync_noop_s", "re-sync, nothing changed (median)", "s", 3),
    Figure("resync_noop_cold_s", "re-sync, nothing changed, cache cold", "s", 3),
    Figure("resync_noop_peak_mb", "re-sync, nothing changed: peak RSS", "MB", 0),
    Figure("resync_changed_s", "re-sync, 1% changed (median)", "s", 3),
    Figure("resync_changed_cold_s", "re-sync, 1% changed, cache cold", "s", 3),
    Figure("resync_changed_files", "re-sync, 1% changed: files parsed", "files", 0),
    Figure("resync_changed_peak_mb", "re-sync, 1% changed: peak RSS, all", "MB", 0),
    Figure("search_build_ms", "search index build", "ms", 0),
    Figure("search_p50_ms", "search, all queries p50", "ms", 1),
    Figure("search_p95_ms", "search, all queries p95", "ms", 1),
    *(
        figure
        for name in SEARCH_CLASSES
        for figure in (
            Figure(f"search_{_class_key(name)}_p50_ms", f"search, {name} p50", "ms", 1),
            Figure(f"search_{_class_key(name)}_p95_ms", f"search, {name} p95", "ms", 1),
        )
    ),
    Figure("search_peak_mb", "search: peak RSS", "MB", 0),
    Figure("fzf_p50_ms", "floor: fzf --filter on titles p50", "ms", 1),
    Figure("fzf_p95_ms", "floor: fzf --filter on titles p95", "ms", 1),
    Figure("search_fzf_ratio_p50", "fuzzy title / fzf, p50", "x", 2),
    Figure("search_fzf_ratio_p95", "fuzzy title / fzf, p95", "x", 2),
    Figure("app_empty_first_paint_s", "floor: empty Textual app, first frame", "s", 3),
    Figure("app_first_paint_s", "app start-up to first paint of the tree", "s", 3),
    Figure("app_over_empty_s", "app start-up minus empty app", "s", 3),
    Figure("app_first_paint_sync_s", "app start-up, sync on (background)", "s", 3),
    Figure("app_first_paint_cold_s", "app start-up, cache cold", "s", 3),
    Figure("app_settled_s", "app start-up work done (search index built)", "s", 2),
    Figure("app_expand_ward_ms", "expand a ward (years), median of 5 largest", "ms", 1),
    Figure("app_expand_ward_all_ms", "expand all years of the largest ward", "ms", 1),
    Figure("app_largest_ward_articles", "largest ward: articles", "art", 0),
    Figure("app_open_article_p50_ms", "open an article p50 (cursor to paint)", "ms", 1),
    Figure("app_open_article_p95_ms", "open an article p95", "ms", 1),
    Figure("library_get_p50_ms", "Library.get p50 (no app)", "ms", 2),
    Figure("app_peak_mb", "app: peak RSS", "MB", 0),
    Figure("parse_ms_per_article", "parse, 1 process (profile sample)", "ms", 2),
)
"""Every figure the JSON holds for a size, in table order."""

TARGETS: tuple[Target, ...] = (
    Target("index_articles_per_s", "cold index", ">=", 2000),
    Target("resync_noop_s", "re-sync, nothing changed", "<=", 2.0),
    Target("resync_changed_s", "re-sync, 1% changed", "<=", 3.0),
    Target("search_p50_ms", "search p50", "<=", 30),
    Target("search_p95_ms", "search p95", "<=", 60),
    Target("search_fzf_ratio_p50", "search vs fzf (p50)", "<=", 2.0),
    Target("search_fzf_ratio_p95", "search vs fzf (p95)", "<=", 2.0),
    Target("app_first_paint_s", "start-up to first paint", "<=", 1.0),
    Target("app_over_empty_s", "start-up vs empty app", "<=", 0.3),
    Target("app_open_article_p50_ms", "open an article", "<=", 20),
    Target("app_peak_mb", "peak memory, app", "<=", 300),
    Target("index_peak_total_mb", "peak memory, indexing", "<=", 500),
    Target("cache_corpus_ratio", "cache size", "<=", 1.5),
)
"""The issue's targets (at 100,000 articles on this machine)."""


def _get(data: Mapping[str, Any] | None, *path: str) -> Any:
    value: Any = data
    for key in path:
        if not isinstance(value, Mapping) or key not in value:
            return None
        value = value[key]
    return value


def _ok(phase: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    return phase if isinstance(phase, Mapping) and "error" not in phase else None


def _median(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.median(present), 4) if present else None


def _max(values: Sequence[float | None]) -> float | None:
    return max((v for v in values if v is not None), default=None)


def _runs(phase: Any) -> list[Any]:
    """The results of a phase run several times (a list), or of one run (a dict)."""
    if isinstance(phase, list):
        return phase
    return [] if phase is None else [phase]


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _per_s(count: float | None, seconds: float | None) -> float | None:
    return round(count / seconds, 1) if count is not None and seconds else None


def _percentile(values: Sequence[float], fraction: float) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, min(len(ordered) - 1, round(fraction * (len(ordered) - 1))))]


def figures(size: Mapping[str, Any]) -> dict[str, float | None]:
    """The named figures of one size (see :data:`FIGURES`) from its phase results."""
    corpus = size.get("corpus", {})
    phases: Mapping[str, Any] = size.get("phases", {})
    mb = corpus["bytes"] / 1e6 if corpus.get("bytes") is not None else None
    out: dict[str, float | None] = {f.key: None for f in FIGURES}
    out["corpus_mb"] = round(mb, 1) if mb is not None else None

    floor = _ok(phases.get("read_floor"))
    out["read_floor_s"] = _get(floor, "pool", "seconds")
    out["read_floor_articles_per_s"] = _per_s(_get(floor, "pool", "files"), out["read_floor_s"])
    out["read_floor_single_articles_per_s"] = _per_s(
        _get(floor, "single", "files"), _get(floor, "single", "seconds"))

    out["read_cold_articles_per_s"] = _per_s(
        _get(floor, "cold_single", "files"), _get(floor, "cold_single", "seconds"))

    index = _ok(phases.get("index"))
    out["index_s"] = _get(index, "seconds")
    out["index_articles_per_s"] = _per_s(_get(index, "report", "seen"), out["index_s"])
    out["index_mb_per_s"] = _per_s(mb, out["index_s"]) if index else None
    out["index_floor_ratio"] = _ratio(out["index_s"], out["read_floor_s"])
    busy = _get(index, "busy", "cpu")
    out["index_cpu_busy"] = round(busy * 100, 0) if busy is not None else None
    out["index_peak_main_mb"] = _get(index, "memory", "peak_main_mb")
    workers = _get(index, "memory", "peak_each_other_mb")
    out["index_peak_worker_mb"] = max(workers) if workers else None
    out["index_peak_total_mb"] = _get(index, "memory", "peak_total_mb")
    cache = _get(index, "cache")
    if cache is not None:
        out["cache_mb"] = round(sum(cache.values()) / 1e6, 1)
        out["cache_corpus_ratio"] = _ratio(sum(cache.values()) / 1e6, mb)

    noops = [_ok(p) for p in _runs(phases.get("resync_noop"))]
    out["resync_noop_s"] = _median([_get(p, "seconds") for p in noops])
    out["resync_noop_peak_mb"] = _max([_get(p, "memory", "peak_total_mb") for p in noops])
    out["resync_noop_cold_s"] = _get(_ok(phases.get("resync_noop_cold")), "seconds")
    out["resync_changed_cold_s"] = _get(_ok(phases.get("resync_changed_cold")), "seconds")
    changed = [_ok(p) for p in _runs(phases.get("resync_changed"))]
    out["resync_changed_s"] = _median([_get(p, "seconds") for p in changed])
    out["resync_changed_files"] = _median([_get(p, "report", "changed") for p in changed])
    out["resync_changed_peak_mb"] = _max([_get(p, "memory", "peak_total_mb") for p in changed])

    search = _ok(phases.get("search"))
    out["search_build_ms"] = _get(search, "index_build_ms")
    out["search_p50_ms"] = _get(search, "all", "p50_ms")
    out["search_p95_ms"] = _get(search, "all", "p95_ms")
    for name in SEARCH_CLASSES:
        out[f"search_{_class_key(name)}_p50_ms"] = _get(search, "classes", name, "p50_ms")
        out[f"search_{_class_key(name)}_p95_ms"] = _get(search, "classes", name, "p95_ms")
    out["search_peak_mb"] = _get(search, "peak_rss_mb")
    fzf = _ok(phases.get("fzf"))
    if fzf is not None and "skipped" not in fzf:
        out["fzf_p50_ms"] = fzf.get("p50_ms")
        out["fzf_p95_ms"] = fzf.get("p95_ms")
        out["search_fzf_ratio_p50"] = _ratio(out["search_fuzzy_title_p50_ms"], out["fzf_p50_ms"])
        out["search_fzf_ratio_p95"] = _ratio(out["search_fuzzy_title_p95_ms"], out["fzf_p95_ms"])

    empties = [_ok(p) for p in _runs(phases.get("app_empty"))]
    apps = [_ok(p) for p in _runs(phases.get("app"))]
    out["app_empty_first_paint_s"] = _median([_get(p, "first_paint_s") for p in empties])
    out["app_first_paint_s"] = _median([_get(p, "first_paint_s") for p in apps])
    if out["app_first_paint_s"] is not None and out["app_empty_first_paint_s"] is not None:
        out["app_over_empty_s"] = round(
            out["app_first_paint_s"] - out["app_empty_first_paint_s"], 3)
    out["app_first_paint_sync_s"] = _get(_ok(phases.get("app_sync")), "first_paint_s")
    out["app_first_paint_cold_s"] = _get(_ok(phases.get("app_cold")), "first_paint_s")
    out["app_settled_s"] = _median([_get(p, "settled_s") for p in apps])
    out["app_expand_ward_ms"] = _median([_get(p, "expand_ward_ms") for p in apps])
    out["app_expand_ward_all_ms"] = _median([_get(p, "expand_ward_all_ms") for p in apps])
    out["app_largest_ward_articles"] = _median(
        [_get(p, "largest_ward", "articles") for p in apps])
    opens = [t for p in apps for t in (_get(p, "open_article_ms") or [])]
    out["app_open_article_p50_ms"] = _median(opens)
    out["app_open_article_p95_ms"] = _percentile(opens, 0.95)
    out["app_peak_mb"] = _max([_get(p, "peak_rss_mb") for p in apps])
    out["library_get_p50_ms"] = _get(_ok(phases.get("library")), "get", "p50_ms")
    out["parse_ms_per_article"] = _get(_ok(phases.get("profile")), "ms_per_file")
    return out


def verdicts(values: Mapping[str, float | None]) -> dict[str, bool | None]:
    """Each target's key: met (True), missed (False), or not measured (None)."""
    return {t.key: t.met(values.get(t.key)) for t in TARGETS}


def _fmt(value: float | None, digits: int) -> str:
    if value is None:
        return "—"
    if digits == 0:
        return f"{value:,.0f}"
    return f"{value:,.{digits}f}"


_TARGET_OF = {t.key: t for t in TARGETS}


def _target_text(key: str) -> str:
    target = _TARGET_OF.get(key)
    if target is None:
        return ""
    limit = f"{target.limit:,.0f}" if target.limit >= 100 else f"{target.limit:g}"
    return f"{'≥' if target.op == '>=' else '≤'} {limit}"


def _mark(key: str, value: float | None) -> str:
    target = _TARGET_OF.get(key)
    if target is None:
        return ""
    met = target.met(value)
    return "" if met is None else ("met" if met else "MISSED")


def _rows(sizes: Mapping[str, Mapping[str, float | None]]) -> list[list[str]]:
    names = list(sizes)
    largest = names[-1] if names else None
    rows = []
    for figure in FIGURES:
        values = [_fmt(sizes[n].get(figure.key), figure.digits) for n in names]
        mark = _mark(figure.key, sizes[largest].get(figure.key)) if largest else ""
        rows.append([figure.label, figure.unit, *values, _target_text(figure.key), mark])
    return rows


def text_table(sizes: Mapping[str, Mapping[str, float | None]]) -> str:
    """A plain-text table: one row per figure, one column per size, the target, the verdict.

    The verdict is for the largest size (the targets are stated at 100,000 articles).
    """
    header = ["figure", "unit", *(f"{int(n):,}" for n in sizes), "target", "verdict"]
    rows = [header, *_rows(sizes)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for number, row in enumerate(rows):
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(widths[i]) for i, cell in enumerate(row[2:-2], start=2)]
        cells += [row[-2].ljust(widths[-2]), row[-1]]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_tables(sizes: Mapping[str, Mapping[str, float | None]]) -> str:
    """The same table in Markdown (for ``RESULTS.md``)."""
    header = ["figure", "unit", *(f"{int(n):,}" for n in sizes), "target", "at the largest"]
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(["---", "---", *("---:" for _ in sizes), "---", "---"]) + "|"]
    for row in _rows(sizes):
        row[-1] = {"met": "met", "MISSED": "**missed**"}.get(row[-1], row[-1])
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)
