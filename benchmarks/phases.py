"""One benchmark phase per process: ``python -m benchmarks.phases NAME PARAMS_JSON RESULT_FILE``.

The runner (:mod:`benchmarks.__main__`) starts each phase in a fresh
interpreter, so its peak memory (``VmHWM``) and its timings belong to that
phase alone, and the app's start-up is a real cold start (interpreter, imports,
cache opening, first frame). Every phase writes one JSON object to
``RESULT_FILE``. wardtui's folders come from ``WARDTUI_CACHE_DIR`` /
``WARDTUI_DATA_DIR`` / ``WARDTUI_CONFIG_DIR``, which the runner sets.

Phases: ``read_floor``, ``index``, ``resync``, ``library``, ``search``, ``fzf``,
``app_empty``, ``app``, ``profile``. Heavy imports happen inside the phase
functions: the module itself loads only the standard library (it is also what
the read-floor pool's workers import).
"""

from __future__ import annotations

import time

STARTED = time.monotonic()  # before any import below: the phase's own start

import asyncio  # noqa: E402
import cProfile  # noqa: E402
import importlib  # noqa: E402
import json  # noqa: E402
import multiprocessing  # noqa: E402
import pstats  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from concurrent.futures import ProcessPoolExecutor  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

from .floor import read_decode  # noqa: E402
from .probes import (  # noqa: E402
    TreeSampler,
    busy_fractions,
    cpu_times,
    evict_files,
    loadavg,
    peak_rss_mb,
)

Params = dict[str, Any]
Result = dict[str, Any]

SIZE = (120, 36)  # the terminal size of the headless app
OPEN_ARTICLES = 20  # articles opened one after another in the app phase
EXPANDED_WARDS = 5  # the largest wards, expanded one after another in the app phase


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def summary_ms(values: Sequence[float]) -> dict[str, float]:
    """p50 / p95 / max of durations in seconds, in milliseconds."""
    ordered = sorted(values)
    if not ordered:
        return {"n": 0, "p50_ms": 0.0, "p95_ms": 0.0, "max_ms": 0.0}
    p95 = ordered[max(0, min(len(ordered) - 1, round(0.95 * (len(ordered) - 1))))]
    return {"n": len(ordered), "p50_ms": ms(statistics.median(ordered)), "p95_ms": ms(p95),
            "max_ms": ms(ordered[-1])}


def cache_bytes() -> dict[str, int]:
    """The size of every file of the library cache (database, WAL, shared memory)."""
    from wardtui import paths

    base = paths.library_path()
    sizes = {}
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{base}{suffix}")
        if path.exists():
            sizes[path.name] = path.stat().st_size
    return sizes


# -- read and decode: the floor under the index -------------------------------------------
def _walk(corpus: Path) -> list[str]:
    from wardtui.library.sync import walk_sources

    problems: list[str] = []
    return [found.path for found in walk_sources([corpus], problems)]


def read_floor(params: Params) -> Result:
    """Walk, read and decode every file, like the index does but without parsing.

    First with the files dropped from the page cache, in this process (the
    disk's share); then, warm, in a pool of ``workers`` processes (the index's
    own pool: forkserver, chunks of 64) — *the* floor — and in this process alone.
    """
    corpus = Path(params["corpus"])
    workers = int(params["workers"])
    result: Result = {"workers": workers}
    files = _walk(corpus)
    result["evicted"] = evict_files([Path(f) for f in files])
    started = time.perf_counter()  # page cache cold: from the disk, in this process
    files = _walk(corpus)
    totals = [read_decode(path) for path in files]
    result["cold_single"] = {"seconds": round(time.perf_counter() - started, 3),
                             "files": len(files)}
    before = cpu_times()
    started = time.perf_counter()  # warm from here on
    files = _walk(corpus)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        totals = list(pool.map(read_decode, files, chunksize=64))
    elapsed = time.perf_counter() - started
    result["pool"] = {"seconds": round(elapsed, 3), "files": len(files),
                      "bytes": sum(b for b, _ in totals), "chars": sum(c for _, c in totals),
                      "busy": busy_fractions(before, cpu_times())}
    started = time.perf_counter()
    files = _walk(corpus)
    totals = [read_decode(path) for path in files]
    result["single"] = {"seconds": round(time.perf_counter() - started, 3), "files": len(files)}
    result["peak_rss_mb"] = peak_rss_mb()
    return result


# -- index and re-sync -----------------------------------------------------------------------
def _sync(params: Params, *, fresh: bool) -> Result:
    from wardtui import paths
    from wardtui.library import Library

    corpus = Path(params["corpus"])
    workers = int(params["workers"])
    if fresh:
        shutil.rmtree(paths.cache_dir(), ignore_errors=True)
    load = loadavg()
    before = cpu_times()
    with TreeSampler() as sampler:
        started = time.perf_counter()
        library = Library.open()
        opened = time.perf_counter()
        report = library.sync([corpus], workers=workers)
        synced = time.perf_counter()
        stats = library.stats()
        library.close()  # checkpoints the write-ahead log into the database
        closed = time.perf_counter()
    return {
        "workers": workers,
        "open_s": round(opened - started, 3),
        "sync_s": round(synced - opened, 3),
        "close_s": round(closed - synced, 3),
        "seconds": round(closed - started, 3),
        "report": {"seen": report.seen, "new": report.new, "changed": report.changed,
                   "unchanged": report.unchanged, "removed": report.removed,
                   "skipped": len(report.skipped), "decoded": len(report.decoded),
                   "problems": report.problems, "seconds": round(report.seconds, 3)},
        "articles": stats.articles,
        "wards": stats.wards,
        "cache": cache_bytes(),
        "busy": busy_fractions(before, cpu_times()),
        "loadavg_before": load,
        "memory": sampler.summary(),
    }


def index(params: Params) -> Result:
    """A cold index: no cache, every file parsed (in the sync's process pool)."""
    return _sync(params, fresh=True)


def resync(params: Params) -> Result:
    """A sync against the existing cache (what changed since the last one)."""
    return _sync(params, fresh=False)


# -- library queries (what the tree and the reader ask of the cache) ----------------------
def library(params: Params) -> Result:
    """Latency of the queries behind the tree and the reader, without the app."""
    from wardtui.library import Library

    count = int(params.get("samples", 200))
    lib = Library.open()
    try:
        started = time.perf_counter()
        wards = lib.wards()
        wards_s = time.perf_counter() - started
        largest = max(wards, key=lambda w: w.count)
        started = time.perf_counter()
        summaries = lib.summaries(ward=largest.ward, unit=largest.unit)
        summaries_s = time.perf_counter() - started
        ids = [row[0] for row in lib.conn.execute("SELECT id FROM articles ORDER BY rowid")]
        chosen = random.Random(7).sample(ids, min(count, len(ids)))
        for article_id in chosen[:10]:  # warm the pages a little, as the app would have
            lib.get(article_id)
        times = []
        for article_id in chosen:
            begin = time.perf_counter()
            lib.get(article_id)
            times.append(time.perf_counter() - begin)
    finally:
        lib.close()
    return {
        "wards": len(wards),
        "wards_ms": ms(wards_s),
        "largest_ward": {"label": largest.label, "articles": largest.count,
                         "summaries_ms": ms(summaries_s), "rows": len(summaries)},
        "get": summary_ms(times),
        "peak_rss_mb": peak_rss_mb(),
    }


# -- search ----------------------------------------------------------------------------------
def search(params: Params) -> Result:
    """:func:`benchmarks.search_bench.run_search_bench` on the cache, in this process."""
    from wardtui.library import Library

    from .search_bench import run_search_bench

    lib = Library.open()
    try:
        result = run_search_bench(lib, repeat=int(params.get("repeat", 3)))
    finally:
        lib.close()
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def fzf(params: Params) -> Result:
    """``fzf --filter`` over the same titles, with the same fuzzy-title queries."""
    from wardtui.library import Library

    from .search_bench import DEFAULT_QUERIES

    binary = shutil.which("fzf")
    if binary is None:
        return {"skipped": "fzf is not installed"}
    titles = Path(params["titles"])
    lib = Library.open()
    try:
        rows = [r[0] for r in lib.conn.execute("SELECT title FROM articles ORDER BY rowid")]
    finally:
        lib.close()
    titles.write_text("".join(t.replace("\n", " ") + "\n" for t in rows), encoding="utf-8")
    queries = list(DEFAULT_QUERIES["fuzzy title"])
    times: list[float] = []
    matches: dict[str, int] = {}
    repeat = int(params.get("repeat", 3))
    for query in queries:  # warm-up: the binary and the titles in the page cache
        _run_fzf(binary, titles, query)
    for _ in range(repeat):
        for query in queries:
            begin = time.perf_counter()
            found = _run_fzf(binary, titles, query)
            times.append(time.perf_counter() - begin)
            matches[query] = found
    return {"binary": binary, "titles": len(rows), "queries": len(queries),
            "matches": matches, **summary_ms(times)}


def _run_fzf(binary: str, titles: Path, query: str) -> int:
    with titles.open("rb") as stdin:
        done = subprocess.run([binary, "--filter", query], stdin=stdin, capture_output=True,
                              check=False)
    if done.returncode not in (0, 1):  # 1: no match
        raise RuntimeError(f"fzf failed ({done.returncode}): {done.stderr.decode()[:200]}")
    return done.stdout.count(b"\n")


# -- the app -----------------------------------------------------------------------------------
class PaintProbe:
    """Notes when frames are produced and what they painted.

    Wraps the app's ``_display`` (called with every frame the compositor
    renders, headless too) and the ``render_line`` of the tree and the reader.
    A *paint* of a widget is the first frame after that widget rendered lines
    with content in it.
    """

    def __init__(self) -> None:
        self.first_frame: float | None = None
        self.first_tree_paint: float | None = None
        self.tree_lines = 0  # lines the tree rendered while it had nodes
        self.reader_article: str | None = None  # the article the reader last rendered
        self.waiters: list[tuple[Callable[[], bool], asyncio.Future[float]]] = []

    def wrap_display(self, display: Callable[..., None]) -> Callable[..., None]:
        def wrapped(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is None:
                return
            now = time.monotonic()
            if self.first_frame is None:
                self.first_frame = now
            if self.first_tree_paint is None and self.tree_lines:
                self.first_tree_paint = now
            for condition, future in list(self.waiters):
                if not future.done() and condition():
                    future.set_result(now)
                    self.waiters.remove((condition, future))

        return wrapped

    def paint_when(self, condition: Callable[[], bool]) -> asyncio.Future[float]:
        """A future set to the time of the first frame produced while ``condition()`` holds."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiters.append((condition, future))
        return future


async def _until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        await asyncio.sleep(0.005)


OPEN_STEPS = ("to_request", "load", "to_shown", "to_paint")
"""Where opening an article spends its time: the cursor's move to the screen's request
(messages, the tree's own repaint), the load (a worker thread: a connection and
``Library.get``), the result's way back and the reader's layout (``Reader._show``),
and the wait for the frame that paints it."""


def _mark_open_steps() -> dict[str, float]:
    """Note when an article is requested, read, and shown (last time of each)."""
    from wardtui.app.widgets.reader import Reader
    from wardtui.library import Library

    marks: dict[str, float] = {}

    def wrap(owner: Any, name: str, mark: str, after: bool) -> None:
        original = getattr(owner, name, None)
        if original is None:  # renamed: that step is not reported
            return

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not after:
                marks[mark] = time.monotonic()
            value = original(*args, **kwargs)
            if after:
                marks[mark] = time.monotonic()
            return value

        setattr(owner, name, wrapped)

    wrap(Reader, "open", "request", after=False)
    wrap(Library, "get", "loaded", after=True)
    wrap(Reader, "_show", "shown", after=True)
    return marks


def _steps(marks: dict[str, float], begin: float, end: float) -> dict[str, float]:
    points = [begin, *(marks.get(k) for k in ("request", "loaded", "shown")), end]
    if any(p is None for p in points):
        return {}
    times = [float(p) for p in points if p is not None]
    return {step: times[i + 1] - times[i] for i, step in enumerate(OPEN_STEPS)}


def app_empty(params: Params) -> Result:
    """An empty Textual app: start-up to its first frame, headless."""
    from textual.app import App

    imported = time.monotonic()
    probe = PaintProbe()
    app: App[None] = App()
    app._display = probe.wrap_display(app._display)  # type: ignore[method-assign]

    async def scenario() -> None:
        async with app.run_test(headless=True, size=SIZE) as pilot:
            await _until(lambda: probe.first_frame is not None, 60, "the first frame")
            await pilot.pause()

    asyncio.run(scenario())
    assert probe.first_frame is not None
    return {
        "first_paint_s": round(probe.first_frame - float(params["spawned"]), 3),
        "in_process_s": round(probe.first_frame - STARTED, 3),
        "imports_s": round(imported - STARTED, 3),
        "peak_rss_mb": peak_rss_mb(),
    }


def app(params: Params) -> Result:
    """wardtui's app on the cache: start-up to the tree's first paint, then use it.

    Built by :func:`wardtui.app.create_app` as the command line does, except no
    settings written and no cursor blink (and no sync, unless ``sync``): the
    cache is opened in the app's own worker. Once the start-up work is done
    (``settled_s``: every worker finished, the search index built), the
    :data:`EXPANDED_WARDS` largest wards are expanded (one keystroke's work
    each: a query for the ward's years), the largest last; all the years of the
    largest are expanded (its articles); and :data:`OPEN_ARTICLES` of them are
    opened one after another by moving the cursor onto them (which is what
    shows an article). Each is timed from the call to the frame that paints it.
    """
    # Textual's frame rate first, as run_app does: Textual reads TEXTUAL_FPS once,
    # when it is first imported.
    importlib.import_module("wardtui.app").set_frame_rate()
    from textual.widgets import Tree as TextualTree
    from textual.widgets.tree import TreeNode

    from wardtui.app import create_app
    from wardtui.app.screens.main import MainScreen
    from wardtui.app.widgets.reader import Reader
    from wardtui.app.widgets.ward_tree import WardTree
    from wardtui.config import Settings, Sources

    imported = time.monotonic()
    probe = PaintProbe()
    tree_render = WardTree.render_line
    reader_render = Reader.render_line

    def tree_line(self: WardTree, y: int) -> Any:
        if self.root.children:
            probe.tree_lines += 1
        return tree_render(self, y)

    def reader_line(self: Reader, y: int) -> Any:
        if self.article is not None:
            probe.reader_article = self.article.id
        return reader_render(self, y)

    setattr(WardTree, "render_line", tree_line)  # noqa: B010 - a probe, not an override
    setattr(Reader, "render_line", reader_line)  # noqa: B010
    marks = _mark_open_steps()

    sources = Sources()
    with_sync = bool(params.get("sync"))
    if with_sync:
        sources.add(Path(params["corpus"]))
    wardapp = create_app(sources=sources, settings=Settings(), sync=with_sync, blink=False,
                         remember=False)
    wardapp._display = probe.wrap_display(wardapp._display)  # type: ignore[method-assign]
    result: Result = {"sync": with_sync}

    async def scenario() -> None:
        async with wardapp.run_test(headless=True, size=SIZE) as pilot:
            await _until(lambda: probe.first_tree_paint is not None, 300, "the tree")
            # The app goes on working after its first paint (the search index is built
            # in a worker, and with ``sync`` the sources are synced): wait for that, so
            # the interactions below are timed on an idle app, as a user meets it.
            await _until(lambda: not any(w.is_running for w in wardapp.workers), 600,
                         "the start-up workers")
            result["settled_s"] = round(time.monotonic() - float(params["spawned"]), 3)
            if with_sync:
                return
            screen = wardapp.screen
            assert isinstance(screen, MainScreen)
            tree = screen.ward_tree
            await pilot.pause()
            wards = list(tree.root.children)
            result["wards"] = len(wards)
            by_size = sorted(wards, key=lambda n: n.data.count if n.data else 0, reverse=True)
            largest = by_size[0]
            assert largest.data is not None
            result["largest_ward"] = {"label": str(largest.label), "articles": largest.data.count}

            async def timed(action: Callable[[], None]) -> float:
                seen = probe.tree_lines
                begin = time.monotonic()
                future = probe.paint_when(lambda: probe.tree_lines > seen)
                action()
                end = await asyncio.wait_for(future, 60)
                await pilot.pause()
                return end - begin

            expands = []
            for ward in reversed(by_size[:EXPANDED_WARDS]):  # the largest last: open below
                tree.move_cursor(ward)
                await pilot.pause()
                expands.append(await timed(tree.action_expand))
            result["expand_largest_ward_ms"] = ms(expands[-1])
            result["expand_ward_ms"] = ms(statistics.median(expands))
            years = list(largest.children)

            def open_years() -> None:
                for year in years:
                    tree.ensure_children(year)
                    year.expand()

            result["expand_ward_all_ms"] = ms(await timed(open_years))
            result["tree_lines"] = tree.last_line + 1
            articles = [
                node for year in years for node in year.children
                if node.data is not None and node.data.article_id is not None
            ][:OPEN_ARTICLES]
            times = []
            steps: dict[str, list[float]] = {step: [] for step in OPEN_STEPS}
            for node in articles:
                marks.clear()
                begin, end = await _open(pilot, probe, tree, node)
                times.append(end - begin)
                for step, duration in _steps(marks, begin, end).items():
                    steps[step].append(duration)
            result["open_article"] = summary_ms(times)
            result["open_article_ms"] = [ms(t) for t in times]
            result["open_article_steps_p50_ms"] = {
                step: ms(statistics.median(values)) for step, values in steps.items() if values
            }

    async def _open(pilot: Any, probe: PaintProbe, tree: TextualTree[Any],
                    node: TreeNode[Any]) -> tuple[float, float]:
        target = node.data.article_id if node.data is not None else None
        _ = tree.last_line  # the tree's lines are built, so the node knows its line
        probe.reader_article = None
        begin = time.monotonic()
        future = probe.paint_when(lambda: probe.reader_article == target)
        tree.move_cursor(node)
        end = await asyncio.wait_for(future, 60)
        await pilot.pause()
        return begin, end

    asyncio.run(scenario())
    assert probe.first_tree_paint is not None
    result.update({
        "first_paint_s": round(probe.first_tree_paint - float(params["spawned"]), 3),
        "in_process_s": round(probe.first_tree_paint - STARTED, 3),
        "imports_s": round(imported - STARTED, 3),
        "first_frame_s": round((probe.first_frame or 0) - float(params["spawned"]), 3),
        "peak_rss_mb": peak_rss_mb(),
    })
    return result


# -- where the index's time goes ----------------------------------------------------------
def profile(params: Params) -> Result:
    """cProfile of the pool workers' function (``parse_found``) over a sample of files."""
    from wardtui.library.sync import FoundFile, parse_found, walk_sources

    corpus = Path(params["corpus"])
    limit = int(params.get("files", 2000))
    problems: list[str] = []
    found: list[FoundFile] = list(walk_sources([corpus], problems))[:limit]
    for item in found[:20]:
        parse_found(item)  # warm: imports, regex compilation
    started = time.perf_counter()
    for item in found:
        parse_found(item)
    plain = time.perf_counter() - started
    profiler = cProfile.Profile()
    profiler.enable()
    for item in found:
        parse_found(item)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in (
        stats.stats.items()  # type: ignore[attr-defined]
    ):
        rows.append({"function": f"{_short(filename)}:{line}({name})", "calls": calls,
                     "tottime_s": round(tottime, 4), "cumtime_s": round(cumtime, 4)})
    top = int(params.get("top", 20))
    by_total = sorted(rows, key=lambda r: r["tottime_s"], reverse=True)[:top]
    by_cumulative = sorted(rows, key=lambda r: r["cumtime_s"], reverse=True)[:top]
    total = sum(r["tottime_s"] for r in rows)
    return {
        "files": len(found),
        "seconds": round(plain, 3),
        "ms_per_file": round(plain * 1000 / max(1, len(found)), 3),
        "profiled_s": round(total, 3),
        "by_tottime": by_total,
        "by_cumtime": by_cumulative,
    }


def _short(filename: str) -> str:
    for marker in ("/site-packages/", "/src/", "/lib/python"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


PHASES: dict[str, Callable[[Params], Result]] = {
    "read_floor": read_floor,
    "index": index,
    "resync": resync,
    "library": library,
    "search": search,
    "fzf": fzf,
    "app_empty": app_empty,
    "app": app,
    "profile": profile,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 3 or args[0] not in PHASES:
        print(f"usage: python -m benchmarks.phases {{{','.join(PHASES)}}} PARAMS_JSON RESULT",
              file=sys.stderr)
        return 2
    name, params, target = args[0], json.loads(args[1]), Path(args[2])
    try:
        result = PHASES[name](params)
    except Exception as error:  # noqa: BLE001 - reported to the runner, which goes on
        result = {"error": f"{type(error).__name__}: {error}",
                  "traceback": traceback.format_exc()}
    target.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 1 if "error" in result else 0


if __name__ == "__main__":
    sys.exit(main())
