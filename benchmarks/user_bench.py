"""wardtui as the user meets it (issue 15): whole processes, and the app in a terminal.

Every measurement runs the ``wardtui`` executable given (``--wardtui``; the dev
venv's by default) as a process, exactly as typed in a shell, and never imports
wardtui: its code may be anything. The app runs in a pseudo-terminal
(:mod:`benchmarks.terminal`): keys are written to it and "on screen" means in
the screen model after the read that brought it. Beside each measurement, in
the same run and on the same files, its floor or peer: ``grep -ril``,
``fzf --filter``, a raw SQLite query (the ``sqlite3`` command, else Python's
sqlite3 in a fresh process), ``find`` walking and stat-ing the corpus,
``python -c pass``, reading and decoding every file in a pool, and an empty
Textual app in the same terminal. The figure reported is ours / the floor.

Peak memory of a command comes from ``/usr/bin/time -f %M`` around it (not
``RUSAGE_CHILDREN`` of this process: Linux carries the parent's peak into a
child's across ``fork``/``exec``); the app's from ``/proc/PID/status``.

wardtui's folders are ``WARDTUI_CACHE_DIR`` / ``WARDTUI_DATA_DIR`` /
``WARDTUI_CONFIG_DIR`` under the run's own folder: never the real home.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .corpora import Corpus, Mutation, corpus_files
from .probes import evict_files, loadavg, warm_files
from .terminal import KEYS, PtyProcess, TerminalTimeout, kill_group, started_group

__all__ = ["QUERIES", "Settings", "measure"]

QUERIES = ("tay sonn", "giai phong mat bang", "dan van kheo", "hoi nghi tong ket",
           '"ve sinh moi truong"')
"""The five ``wardtui search`` queries (one typo, plain words, a phrase), from the
classes of :data:`benchmarks.search_bench.DEFAULT_QUERIES`."""

# What the app shows, read off the screen (the only things the harness knows of it):
READY = "Search (/)"  # the search bar's placeholder: the screen is up, the bar empty
SYNCED = re.compile(r"\bup to date\b")  # the status line once the launch sync is done
# The count line: "No results", "12 results", "1-50 of 3,626 results" (a page of them),
# "1-50 of 3,126+ results" (the page shown, its total still being counted), "0 of 3
# results" or "Showing 50 of 3,626 results" (older code); each painted with the rows.
# Not the sentence a one-letter query shows (nothing searched): a query half read must
# not count as results.
COUNT = re.compile(r"^\s*(No results|[\d,.]+ results?\b|(Showing )?[\d,.]+(-[\d,.]+)? of "
                   r"[\d,.]+\+? results)")
SEARCH_KEY = "/"  # focuses the search bar from the tree
KEY_GAP = 0.1  # seconds between "/" and typing the query (a fast typist)
APP_COLS, APP_ROWS = 120, 36
READER_COLUMN = 45  # right of this column: the reader, not the tree or the results

EMPTY_APP = """\
from textual.app import App
from textual.widgets import Input, Static
class Empty(App):
    def compose(self):
        yield Input(placeholder="bench-input")
        yield Static("bench-ready")
Empty().run()
"""
"""The floor of the app's rows: Textual's own launch, memory, and key echo (an Input)."""
ECHO_KEYS = ("abc", "def", "ghi")  # typed into the empty app's Input, one group at a time

READ_DECODE = """\
import os, sys
from concurrent.futures import ProcessPoolExecutor
def work(paths):
    n = 0
    for p in paths:
        with open(p, 'rb') as f:
            n += len(f.read().decode('utf-8', 'replace'))
    return n
if __name__ == '__main__':
    paths = [os.path.join(d, f) for d, _, fs in os.walk(sys.argv[1]) for f in fs]
    jobs = int(sys.argv[2])
    chunks = [paths[i:i + 256] for i in range(0, len(paths), 256)]
    with ProcessPoolExecutor(jobs) as pool:
        print(len(paths), sum(pool.map(work, chunks)))
"""

FTS_NAMES = """\
import sqlite3, sys
conn = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
sql = "SELECT name FROM sqlite_master WHERE sql LIKE '%USING fts5%'"
print(*[row[0] for row in conn.execute(sql)])
"""

# A user's install (`pip install .`) has the package's bytecode; an editable checkout run
# with PYTHONDONTWRITEBYTECODE=1 (as on the machine of RESULTS.md) would compile every
# module of wardtui at every launch, while the floors (Textual, in site-packages) never do.
COMPILE = """\
import compileall, pathlib, sys, wardtui
ok = compileall.compile_dir(pathlib.Path(wardtui.__file__).parent, quiet=1)
print(pathlib.Path(wardtui.__file__).parent)
sys.exit(0 if ok else 1)
"""

FTS_QUERY = """\
import sqlite3, sys
conn = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
print(len(conn.execute(sys.argv[2], sys.argv[3:]).fetchall()))
"""


@dataclass
class Settings:
    """What to measure, and with what."""

    wardtui: Path
    python: Path
    home: Path  # the run's own folder: wardtui's cache, data and config go below it
    repeat: int = 3  # repetitions of each timed command (medians, p95)
    app_samples: int = 2  # passes over the queries in the app
    quick: bool = False
    app_timeout: float = 600.0  # seconds to wait for anything on the app's screen
    log: Callable[[str], None] = field(default=lambda message: None)


@dataclass
class Run:
    """One finished process."""

    seconds: float
    rss_mb: float | None
    status: int
    stdout: bytes = b""
    first_line_s: float | None = None


def _percentile(values: Sequence[float], fraction: float) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, min(len(ordered) - 1, round(fraction * (len(ordered) - 1))))]


def stats(values: Sequence[float]) -> dict[str, Any]:
    """n, p50, p95, min, max of ``values`` (seconds)."""
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50": round(statistics.median(values), 4),
            "p95": round(_percentile(values, 0.95) or 0.0, 4),
            "min": round(min(values), 4), "max": round(max(values), 4)}


class Harness:
    """Runs commands in the run's environment and keeps what went wrong."""

    def __init__(self, settings: Settings, corpus: Corpus) -> None:
        self.s = settings
        self.corpus = corpus
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("TEXTUAL", "WARDTUI_", "PYTHONPATH", "NO_COLOR"))}
        for name in ("CACHE", "DATA", "CONFIG"):
            folder = settings.home / name.lower()
            self.env[f"WARDTUI_{name}_DIR"] = str(folder)
        self.errors: list[str] = []
        self.time_binary = "/usr/bin/time" if Path("/usr/bin/time").is_file() else None
        self.sqlite3 = shutil.which("sqlite3")
        self.fzf = shutil.which("fzf")

    @property
    def cache_dir(self) -> Path:
        return self.s.home / "cache"

    def cache_db(self) -> Path | None:
        found = sorted(self.cache_dir.glob("*.sqlite3"), key=lambda p: p.stat().st_size)
        return found[-1] if found else None

    def fresh_home(self) -> None:
        for name in ("cache", "data", "config"):
            shutil.rmtree(self.s.home / name, ignore_errors=True)
            (self.s.home / name).mkdir(parents=True)

    # -- one process ---------------------------------------------------------------------
    def run(self, command: Sequence[str | Path], *, stdin: Path | None = None,
            capture: bool = False, first_line: bool = False, close_after_first: bool = False,
            timeout: float = 3600) -> Run:
        """Run ``command`` to its end; its wall time, peak RSS and (if asked) its output.

        ``first_line``: also note when the first line of its output arrived;
        ``close_after_first``: then close the pipe, as ``| head -1`` does.
        """
        args = [str(c) for c in command]
        with tempfile.NamedTemporaryFile(prefix="bench-time-", delete=False) as handle:
            time_file = Path(handle.name)
        if self.time_binary is not None:
            args = [self.time_binary, "-f", "%M", "-o", str(time_file), *args]
        source = open(stdin, "rb") if stdin is not None else subprocess.DEVNULL  # noqa: SIM115
        proc: subprocess.Popen[bytes] | None = None
        try:
            started = time.perf_counter()
            # Its own session: the command and all it starts (a sync's process pool) are one
            # process group, killed whole whatever happens here.
            proc = subprocess.Popen(
                args, stdin=source, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                env=self.env, start_new_session=True)
            started_group(proc.pid)
            assert proc.stdout is not None
            chunks: list[bytes] = []
            first: float | None = None
            fd = proc.stdout.fileno()
            while True:
                data = os.read(fd, 1 << 16)
                if not data:
                    break
                if first is None and b"\n" in data:
                    first = time.perf_counter() - started
                    if close_after_first:
                        chunks.append(data)
                        break
                if capture:
                    chunks.append(data)
            proc.stdout.close()
            try:
                status = proc.wait(timeout)
            except subprocess.TimeoutExpired:
                kill_group(proc.pid)
                status = proc.wait()
            seconds = time.perf_counter() - started
        except BaseException:
            time_file.unlink(missing_ok=True)
            raise
        finally:
            if proc is not None:
                kill_group(proc.pid)  # what is left of the group (none after a clean end)
                if proc.poll() is None:
                    proc.wait()
                if proc.stdout is not None:
                    proc.stdout.close()
            if stdin is not None and not isinstance(source, int):
                source.close()
        rss: float | None = None
        try:
            lines = time_file.read_text().split()
            rss = round(int(lines[-1]) / 1024, 1) if lines else None
        except (OSError, ValueError):
            rss = None
        time_file.unlink(missing_ok=True)
        return Run(round(seconds, 4), rss, status, b"".join(chunks),
                   round(first, 4) if first is not None and first_line else None)

    def wardtui(self, *args: str | Path, **kwargs: Any) -> Run:
        return self.run([self.s.wardtui, *args], **kwargs)

    def repeat(self, command: Sequence[str | Path], times: int, *, warm: int = 1,
               **kwargs: Any) -> list[Run]:
        """``warm`` untimed runs (the page cache, the binary), then ``times`` timed ones."""
        for _ in range(warm):
            self.run(command, **kwargs)
        return [self.run(command, **kwargs) for _ in range(times)]

    def check(self, what: str, run: Run, ok: Sequence[int] = (0,)) -> Run:
        if run.status not in ok:
            self.errors.append(f"{what}: exit status {run.status}")
        return run


def _times(runs: Sequence[Run]) -> list[float]:
    return [r.seconds for r in runs]


def _peak(runs: Sequence[Run]) -> float | None:
    values = [r.rss_mb for r in runs if r.rss_mb is not None]
    return max(values) if values else None


def _plain_words(query: str) -> str:
    """The words of a query without its operators (for grep and FTS)."""
    text = re.sub(r"-?\w+:(\"[^\"]*\"|\S+)", " ", query)
    text = re.sub(r"(^|\s)-\"[^\"]*\"|(^|\s)-\S+", " ", text)
    return " ".join(text.replace('"', " ").split())


# -- the command line ----------------------------------------------------------------------
def measure_cli(h: Harness, s: Settings) -> dict[str, Any]:
    corpus = h.corpus
    files = corpus_files(corpus.root)
    out: dict[str, Any] = {}
    r = s.repeat

    s.log("  floors: python -c pass, find, read + decode")
    out["python_pass"] = stats(_times(h.repeat([s.python, "-c", "pass"], max(5, r))))
    find: list[str | Path] = [shutil.which("find") or "find", corpus.root, "-type", "f",
                              "-printf", r"%s %T@\n"]
    warm_files(files)
    out["find"] = stats(_times(h.repeat(find, r)))
    jobs = str(os.cpu_count() or 1)
    out["read_decode"] = stats(_times(h.repeat([s.python, "-c", READ_DECODE, corpus.root, jobs],
                                               1 if s.quick else 2)))

    s.log("  cold index")
    h.fresh_home()
    warm_files(files)
    cold = h.check("index (cold)", h.wardtui("index", corpus.root))
    out["index_cold"] = {"seconds": cold.seconds, "rss_mb": cold.rss_mb,
                         "articles_per_s": round(corpus.count / cold.seconds, 1)}

    s.log("  index, nothing changed")
    db = h.cache_db()
    if db is not None:
        warm_files([db])
    noop = [h.check("index (no change)", h.wardtui("index")) for _ in range(r)]
    out["index_noop"] = {**stats(_times(noop)), "rss_mb": _peak(noop)}

    s.log("  re-sync after 1% changed")
    changed_runs: list[Run] = []
    for run in range(1 if s.quick else 2):
        with Mutation(corpus, 0.01, 1000 + run) as changed:
            warm_files(changed)
            changed_runs.append(h.check("index (1% changed)", h.wardtui("index")))
        h.check("index (restore)", h.wardtui("index"))
    out["resync_1pct"] = {**stats(_times(changed_runs)), "rss_mb": _peak(changed_runs),
                          "files": max(1, round(corpus.files * 0.01))}

    s.log("  list | head -1, list --json | wc -l")
    heads = [h.check("list | head -1", h.wardtui("list", first_line=True,
                                                 close_after_first=True), ok=(0, 1, 120, -13))
             for _ in range(1 if s.quick else 2)]
    out["list_head"] = {"first_line": stats([x.first_line_s or x.seconds for x in heads]),
                        "exit": stats(_times(heads)), "rss_mb": _peak(heads)}
    listed = h.check("list --json", h.wardtui("list", "--json", capture=True))
    lines = listed.stdout.splitlines()
    out["list_json"] = {"seconds": listed.seconds, "lines": len(lines), "rss_mb": listed.rss_mb}
    rows = []
    for line in lines:
        try:
            rows.append(json.loads(line))
        except ValueError:
            continue
    titles = s.home / "titles.txt"
    titles.write_text("".join(str(x.get("title", "")).replace("\n", " ") + "\n" for x in rows),
                      encoding="utf-8")
    some_id = str(rows[0]["id"]) if rows and "id" in rows[0] else None

    db = h.cache_db()
    out.update(sqlite_floors(h, s, db, len(rows)))

    s.log("  search")
    searches: list[Run] = []
    for query in QUERIES:
        searches.extend(h.check(f"search {query}", x)
                        for x in h.repeat([s.wardtui, "search", query], r))
    out["search"] = {**stats(_times(searches)), "rss_mb": _peak(searches),
                     "queries": list(QUERIES)}
    greps, fzfs, fts = [], [], []
    for query in QUERIES:
        words = _plain_words(query)
        greps.extend(h.repeat(["grep", "-ril", "-F", "--", words, corpus.root], r))
        if h.fzf is not None:
            fzfs.extend(h.repeat([h.fzf, "--filter", query], r, stdin=titles))
        if db is not None and out.get("fts_table"):
            fts.extend(fts_query(h, s, db, str(out["fts_table"]), words, r))
    out["grep"] = stats(_times(greps))
    out["fzf"] = stats(_times(fzfs)) if fzfs else {"skipped": "fzf is not installed"}
    out["fts"] = stats(_times(fts)) if fts else {"skipped": "no FTS5 table found in the cache"}

    s.log("  show ID, --help")
    if some_id is not None:
        shows = [h.check("show", x) for x in h.repeat([s.wardtui, "show", some_id], max(5, r))]
        out["show"] = {**stats(_times(shows)), "rss_mb": _peak(shows)}
    else:
        h.errors.append("show: no article id (list --json gave none)")
    helps = [h.check("--help", x) for x in h.repeat([s.wardtui, "--help"], max(5, r))]
    out["help"] = {**stats(_times(helps)), "rss_mb": _peak(helps)}
    return out


def sqlite_floors(h: Harness, s: Settings, db: Path | None, rows: int) -> dict[str, Any]:
    """A raw query for the first article, and every article as JSON, on the cache."""
    out: dict[str, Any] = {}
    if db is None:
        h.errors.append("no cache database found for the sqlite3 floors")
        return out
    found = h.run([s.python, "-c", FTS_NAMES, db], capture=True)
    names = found.stdout.decode().split()
    out["fts_table"] = names[0] if names else None
    first = "SELECT * FROM articles LIMIT 1"
    every = "SELECT * FROM articles"
    if h.sqlite3 is not None:
        out["sqlite_first"] = stats(_times(h.repeat([h.sqlite3, "-readonly", db, first],
                                                    max(5, s.repeat))))
        json_runs = h.repeat([h.sqlite3, "-readonly", "-json", db, every], 1 if s.quick else 2)
        out["sqlite_json"] = stats(_times(json_runs))
        out["sqlite_tool"] = "sqlite3 command"
    else:
        code = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
                "[print(r) for r in c.execute(sys.argv[2])]")
        out["sqlite_first"] = stats(_times(h.repeat([s.python, "-c", code, db, first],
                                                    max(5, s.repeat))))
        out["sqlite_json"] = stats(_times(h.repeat([s.python, "-c", code, db, every], 1)))
        out["sqlite_tool"] = "python sqlite3"
    out["sqlite_rows"] = rows
    return out


def fts_query(h: Harness, s: Settings, db: Path, table: str, words: str,
              times: int) -> list[Run]:
    match = " ".join(f'"{w}"' for w in words.split())
    sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 50"
    if h.sqlite3 is not None:
        literal = sql.replace("?", "'" + match.replace("'", "''") + "'")
        return h.repeat([h.sqlite3, "-readonly", db, literal], times)
    return h.repeat([s.python, "-c", FTS_QUERY, db, sql, match], times)


# -- the app ----------------------------------------------------------------------------------
def _key_gap(app: PtyProcess, seconds: float = KEY_GAP) -> None:
    """Keep reading for ``seconds`` (the pause between two keys of a person)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app._read_once(deadline - time.perf_counter())


def _shows(text: str) -> Callable[[Any], bool]:
    def holds(screen: Any) -> bool:
        return text in screen.text()

    return holds


def _count_on_screen(screen: Any) -> bool:
    return screen.search(COUNT) is not None


def _ready(screen: Any) -> bool:
    return READY in screen.text()


def _reader(screen: Any) -> tuple[str, ...]:
    """The reader's part of the screen (right of :data:`READER_COLUMN`, below the bar)."""
    return tuple(line[READER_COLUMN:] for line in screen.lines()[4:-1])


def _last_change(app: PtyProcess, region: Callable[[Any], tuple[str, ...]], since: float,
                 timeout: float, quiet: float = 0.4) -> float | None:
    """Read until nothing came for ``quiet`` s; when ``region`` last changed (None: never)."""
    seen = region(app.screen)
    changed: float | None = None
    deadline = since + timeout
    while time.perf_counter() < deadline:
        before = app.bytes_read
        if not app._read_once(quiet):
            break
        if app.bytes_read == before:
            if changed is not None:
                break
            continue
        now = region(app.screen)
        if now != seen:
            seen, changed = now, app.last_output
    return changed


def _escape(app: PtyProcess, timeout: float = 3.0) -> None:
    """``escape``, and wait until the screen changed (or ``timeout``): two escapes read
    together would be one alt+escape."""
    before = app.screen.text()
    app.send(KEYS["escape"])
    with contextlib.suppress(TerminalTimeout):
        app.wait_for(lambda sc: sc.text() != before, timeout, "escape")
    _key_gap(app, 0.15)


def _back_to_tree(app: PtyProcess) -> None:
    for _ in range(5):
        _escape(app)
        if _ready(app.screen) and not _count_on_screen(app.screen):
            app.settle(0.3)  # the footer follows the focus a frame or two later
            return
    raise TerminalTimeout("escape did not bring the empty search bar back; screen:\n"
                          + app.screen.text())


_BAR_FOOTER: dict[int, str] = {}  # the footer while the search bar has the focus, by app


def _search(app: PtyProcess, query: str, timeout: float) -> tuple[float, float, float]:
    """``/``, then the query: (keys written, echoed in the bar, results on screen)."""
    footer = app.screen.lines()[-1]
    app.send(SEARCH_KEY)
    _key_gap(app)
    # Keys typed while the app is busy are handled in order, but "/" moves the focus
    # only once handled: a person sees the footer change to the search bar's keys (the
    # first time: any change, then a typist's pause, as a person would not wait for the
    # screen to be still; then the footer seen in the bar once that first search is in).
    known = _BAR_FOOTER.get(app.pid)
    if known is not None:
        app.wait_for(lambda sc: sc.lines()[-1] == known, timeout, "the search bar's focus")
    else:
        app.wait_for(lambda sc: sc.lines()[-1] != footer, timeout, "the search bar's focus")
        _key_gap(app)
    sent = app.send(query)
    echoed = app.wait_for(lambda sc: not _ready(sc), timeout, f"the echo of {query!r}")
    shown = app.wait_for(_count_on_screen, timeout, f"results for {query!r}")
    if known is None:
        app.settle(0.2)
        _BAR_FOOTER[app.pid] = app.screen.lines()[-1]
    return sent, echoed, shown


def _quit(app: PtyProcess) -> int | None:
    """Back out and ``q``; the app's process group is killed whatever happens."""
    try:
        _escape(app, 1.0)
        _escape(app, 1.0)
    except (OSError, TerminalTimeout):
        pass  # the app ended or is stuck: close() ends it
    return app.close("q")


def measure_app(h: Harness, s: Settings, out: dict[str, Any]) -> dict[str, Any]:
    """The app's rows, into ``out`` as they are measured (kept if a later one fails)."""
    timeout = s.app_timeout
    runs = 1 if s.quick else 2
    s.log("  app: empty Textual app (floor)")
    empty: list[tuple[float, float]] = []
    echoes: list[float] = []
    for _ in range(runs + 1):
        app = PtyProcess([s.python, "-c", EMPTY_APP], env=h.env, cols=APP_COLS, rows=APP_ROWS)
        try:
            seen = app.wait_for(lambda sc: "bench-ready" in sc.text(), 60, "the empty app")
            empty.append((seen - app.started, app.status().get("VmRSS", 0) / 1024))
            app.settle(0.2)
            typed = ""
            for keys in ECHO_KEYS:
                typed += keys
                sent = app.send(keys)
                shown = app.wait_for(_shows(typed), 60, "the echo")
                echoes.append(shown - sent)
                _key_gap(app, 0.1)
        finally:
            app.close("\x11")  # ctrl+q
    empty = empty[1:]  # the first start loads Python's files: untimed
    out["empty_app"] = {**stats([e[0] for e in empty]),
                        "rss_mb": round(max(e[1] for e in empty), 1)}
    out["empty_app_echo"] = stats(echoes[len(ECHO_KEYS):])

    s.log("  app: launch, sync with nothing changed")
    syncs, frames = [], []
    for _ in range(runs):
        app = PtyProcess([s.wardtui], env=h.env, cols=APP_COLS, rows=APP_ROWS)
        try:
            frames.append(app.wait_for(_ready, timeout, "the first screen") - app.started)
            syncs.append(app.wait_for(lambda sc: sc.search(SYNCED) is not None, timeout,
                                      "the launch sync") - app.started)
        finally:
            _quit(app)
    out["launch_first_screen"] = stats(frames)
    out["launch_sync"] = stats(syncs)

    s.log("  app: launch, first search, then searches and articles")
    app = PtyProcess([s.wardtui], env=h.env, cols=APP_COLS, rows=APP_ROWS)
    key_search, echo, key_article = [], [], []
    skipped = lost = previewed = 0
    try:
        app.wait_for(_ready, timeout, "the first screen")
        _sent, _echo, shown = _search(app, QUERIES[0], timeout)
        out["launch_first_search"] = {"seconds": round(shown - app.started, 4)}
        app.wait_for(lambda sc: sc.search(SYNCED) is not None, timeout, "the launch sync")
        app.settle(0.5)
        for _ in range(s.app_samples):
            for query in QUERIES:
                _back_to_tree(app)
                try:
                    sent, echoed, shown = _search(app, query, min(timeout, 10.0))
                except TerminalTimeout:
                    lost += 1  # the keys went elsewhere (see RESULTS.md): not a sample
                    continue
                key_search.append(shown - sent)
                echo.append(echoed - sent)
                app.settle(0.2)
                app.send(KEYS["enter"])  # into the results list (the first one is shown)
                app.settle(0.3)
                # The key that brings a new article into the reader: `down` to the second
                # result where moving in the results previews it (the app since cbfa132),
                # else `enter` on it (older code: `down` leaves the reader as it was).
                pressed = app.send(KEYS["down"])
                painted = _last_change(app, _reader, pressed, min(timeout, 5.0))
                if painted is not None:
                    previewed += 1
                else:
                    pressed = app.send(KEYS["enter"])  # open it
                    painted = _last_change(app, _reader, pressed, min(timeout, 5.0))
                if painted is None:
                    skipped += 1  # the reader did not change (that article was shown)
                else:
                    key_article.append(painted - pressed)
        memory = app.status()
        out["app_memory"] = {"rss_mb": round(memory.get("VmRSS", 0) / 1024, 1),
                             "peak_mb": round(memory.get("VmHWM", 0) / 1024, 1)}
    finally:
        _quit(app)
    out["key_search"] = {**stats(key_search), "lost": lost}
    out["key_echo"] = stats(echo)
    out["key_article"] = {**stats(key_article), "skipped": skipped,
                          "key": "down (preview)" if previewed else "enter",
                          "previewed": previewed}
    return out


def measure(settings: Settings, corpus: Corpus, *, parts: Sequence[str] = ("cli", "app"),
            cold_cache: bool = False) -> dict[str, Any]:
    """Every measurement of one corpus; the raw results (seconds, MB) and the errors."""
    settings.home.mkdir(parents=True, exist_ok=True)
    h = Harness(settings, corpus)
    result: dict[str, Any] = {"wardtui": str(settings.wardtui), "python": str(settings.python),
                              "loadavg_start": loadavg(), "started": time.time()}
    compiled = h.run([settings.python, "-c", COMPILE], capture=True)
    result["bytecode"] = {"compiled": compiled.status == 0,
                          "package": compiled.stdout.decode(errors="replace").strip()}
    if "cli" in parts:
        try:
            result["cli"] = measure_cli(h, settings)
        except (OSError, subprocess.SubprocessError, KeyError, ValueError) as error:
            h.errors.append(f"command line: {type(error).__name__}: {error}")
    elif not h.cache_db():
        h.fresh_home()
        h.check("index (cold)", h.wardtui("index", corpus.root))
    if cold_cache and h.cache_db():
        evict_files([p for p in h.cache_dir.iterdir() if p.is_file()])
    if "app" in parts:
        try:
            measure_app(h, settings, result.setdefault("app", {}))
        except (OSError, TerminalTimeout) as error:
            h.errors.append(f"app: {type(error).__name__}: {str(error)[:3000]}")
    result["loadavg_end"] = loadavg()
    result["seconds"] = round(time.time() - result["started"], 1)
    result["errors"] = h.errors
    return result


def default_python(wardtui: Path) -> Path:
    """The interpreter of a ``wardtui`` console script (its ``#!`` line), else this one."""
    try:
        with open(wardtui, "rb") as handle:
            first = handle.readline().decode(errors="replace").strip()
    except OSError:
        return Path(sys.executable)
    if first.startswith("#!"):
        candidate = Path(first[2:].split()[0])
        if candidate.is_file():
            return candidate
    return Path(sys.executable)


def describe(runs: Mapping[str, Any]) -> str:
    return json.dumps(runs, ensure_ascii=False, indent=1)
