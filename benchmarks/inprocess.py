"""The in-process benchmark runner (issue 6): ``python -m benchmarks.inprocess --articles 100000``.

It measures the library, the search index and the app from inside Python (phases in
fresh interpreters that import wardtui). ``python -m benchmarks`` is the other runner,
:mod:`benchmarks.user_bench`: whole ``wardtui`` processes and the app in a terminal,
as the user meets them (issue 15).

For each size (``--articles N`` runs 1,000, 10,000 and 100,000 up to ``N``,
and ``N``; ``--sizes`` names them) it generates the corpus (or reuses it, see
:mod:`benchmarks.corpora`), then runs every phase of :mod:`benchmarks.phases`
in a fresh process, in this order:

1. the read-and-decode floor (page cache cold, then warm); 2. a cold index;
3. a re-sync with nothing changed (cache warm, ``--resync-runs`` times; then
cold); 4. the library
queries behind the tree and the reader; 5. search latency
(:mod:`benchmarks.search_bench`) and ``fzf --filter`` over the same titles;
6. the empty Textual app and wardtui's app, one untimed start of each, then
alternately (``--app-runs`` times each; medians), then the app with its
start-up sync on, and with its cache cold; 7. a re-sync after 1% of the files
changed (warm, ``--resync-runs`` times; then cold; the files are put back after
each); 8. a profile of
the parse workers' function.

"Warm" phases have their files read into the page cache first: this machine
pages out idle page cache within a minute or so, which would otherwise make
figures depend on what ran before. "Cold" ones have them dropped
(``posix_fadvise(DONTNEED)``).

It prints a table (figures by size, with the issue's targets) and writes every
raw result and figure as JSON (``--json``, default ``OUT/results.json``);
``--markdown`` writes the table for ``RESULTS.md``. Nothing is asserted: a
missed target is a result, a failed phase makes the exit status 1.

wardtui's folders (cache, data, config) are isolated in ``OUT/run-nN/``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import report
from .corpora import Corpus, Mutation, corpus_files, prepare_corpus
from .probes import busy_fractions, cpu_times, evict_files, loadavg, machine, warm_files

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "out"
LADDER = (1000, 10_000, 100_000)
PHASE_TIMEOUT = 3600  # seconds; a cold index of 100,000 articles takes minutes
QUIET_WINDOW = 0.5  # seconds of /proc/stat sampled before each phase
QUIET_BUSY = 0.25  # "quiet": the CPUs less busy than this (with --settle)


def sizes_for(articles: int) -> list[int]:
    """The standard sizes up to ``articles``, and ``articles`` itself."""
    return sorted({*(n for n in LADDER if n < articles), articles})


def _parse_sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part.replace("_", "")) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


class Runner:
    """Runs the phases of one size, each in its own process, and keeps their results."""

    def __init__(self, out: Path, corpus: Corpus, args: argparse.Namespace,
                 log: Callable[[str], None]) -> None:
        self.out = out
        self.corpus = corpus
        self.args = args
        self.log = log
        self.home = out / f"run-n{corpus.count}"
        self.env = dict(os.environ)
        for name in ("CACHE", "DATA", "CONFIG"):
            folder = self.home / name.lower()
            folder.mkdir(parents=True, exist_ok=True)
            self.env[f"WARDTUI_{name}_DIR"] = str(folder)
        self.env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(REPO), self.env.get("PYTHONPATH", "")) if p)
        self.errors: list[str] = []
        self.files: list[Path] = []

    def phase(self, name: str, label: str | None = None, **params: Any) -> dict[str, Any]:
        """Run one phase in a fresh interpreter; its result (``error`` set if it failed)."""
        label = label or name
        target = self.home / f"{label}.json"
        target.unlink(missing_ok=True)
        params = {"corpus": str(self.corpus.root), "workers": self.args.workers, **params}
        busy, waited = self.quiet()
        load = loadavg()
        started = time.monotonic()
        params["spawned"] = started
        command = [sys.executable, "-m", "benchmarks.phases", name, json.dumps(params),
                   str(target)]
        try:
            done = subprocess.run(command, cwd=REPO, env=self.env, capture_output=True,
                                  text=True, timeout=PHASE_TIMEOUT, check=False)
            stderr = done.stderr
        except subprocess.TimeoutExpired as expired:
            late: Any = expired.stderr
            if isinstance(late, bytes):
                late = late.decode(errors="replace")
            stderr = f"timed out after {PHASE_TIMEOUT} s\n{late or ''}"
        wall = time.monotonic() - started
        try:
            result: dict[str, Any] = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            result = {"error": f"no result (exit status or crash); stderr: {stderr[-2000:]}"}
        result["wall_s"] = round(wall, 3)
        result["loadavg_at_start"] = load
        result["machine_busy_before"] = busy
        result["waited_for_quiet_s"] = waited
        if "error" in result:
            self.errors.append(f"{self.corpus.count} {label}: {result['error']}")
            self.log(f"  {label}: FAILED ({result['error']})")
        else:
            self.log(f"  {label}: {wall:.1f} s")
        return result

    def quiet(self) -> tuple[float, float]:
        """Wait (up to ``--settle`` seconds) until the other processes leave the CPUs idle.

        The machine's CPUs may be shared: before a phase, how busy they are is
        sampled (``QUIET_WINDOW`` seconds of ``/proc/stat``, a tenth of a second
        without ``--settle``; this runner being idle); with ``--settle`` the
        phase waits for a quiet moment (busy under ``QUIET_BUSY``). Returns
        (how busy, seconds waited); both are in the JSON.
        """
        started = time.monotonic()
        window = QUIET_WINDOW if self.args.settle > 0 else 0.1
        while True:
            before = cpu_times()
            time.sleep(window)
            busy = busy_fractions(before, cpu_times()).get("cpu", 0.0)
            waited = time.monotonic() - started
            if busy < QUIET_BUSY or waited >= self.args.settle:
                return busy, round(waited, 1)

    @property
    def cache_files(self) -> list[Path]:
        base = self.home / "cache" / "library.sqlite3"
        return [p for p in (base, Path(f"{base}-wal"), Path(f"{base}-shm")) if p.exists()]

    def warm(self, *, corpus: bool = False, cache: bool = False) -> None:
        """Read the corpus and/or the cache into the page cache (untimed).

        The machine may page out idle page cache (this VM runs DAMON reclaim:
        pages idle for a minute go), so a phase measured "warm" is warmed first.
        """
        paths = [*(self.files if corpus else []), *(self.cache_files if cache else [])]
        seconds = warm_files(paths)
        self.log(f"  (warmed {len(paths):,} files in {seconds:.1f} s)")

    def evict(self, paths: Sequence[Path]) -> None:
        """Drop files from the page cache, for a "cold" phase."""
        self.log(f"  (dropped {evict_files(paths):,} files from the page cache)")

    def run(self) -> dict[str, Any]:
        """Every phase, in the documented order."""
        a = self.args
        phases: dict[str, Any] = {}
        wanted = set(a.phases)
        self.files = corpus_files(self.corpus.root)

        def want(name: str) -> bool:
            return name in wanted

        if want("floor"):
            phases["read_floor"] = self.phase("read_floor")  # evicts, then warms, itself
        if want("index") or not (self.home / "cache" / "library.sqlite3").exists():
            self.warm(corpus=True)
            phases["index"] = self.phase("index")
        if want("resync"):
            phases["resync_noop"] = []
            for run in range(a.resync_runs):
                self.warm(cache=True)
                phases["resync_noop"].append(self.phase("resync", f"resync_noop-{run}"))
            self.evict(self.cache_files)
            phases["resync_noop_cold"] = self.phase("resync", "resync_noop_cold")
        if want("library"):
            self.warm(cache=True)
            phases["library"] = self.phase("library", samples=a.samples)
        if want("search"):
            self.warm(cache=True)
            phases["search"] = self.phase("search", repeat=a.repeat)
            phases["fzf"] = self.phase("fzf", repeat=a.repeat,
                                       titles=str(self.home / "titles.txt"))
        if want("app"):
            self.warm(cache=True)
            if not a.quick:  # a first start loads Python's own files: not counted
                phases["app_warmup"] = [self.phase("app_empty", "app_empty-warmup"),
                                        self.phase("app", "app-warmup")]
            phases["app_empty"], phases["app"] = [], []
            for run in range(a.app_runs):
                phases["app_empty"].append(self.phase("app_empty", f"app_empty-{run}"))
                phases["app"].append(self.phase("app", f"app-{run}"))
            phases["app_sync"] = self.phase("app", "app_sync", sync=True)
            self.evict(self.cache_files)
            phases["app_cold"] = self.phase("app", "app_cold")
        if want("resync"):
            phases["resync_changed"] = []
            labels = [*(f"resync_changed-{run}" for run in range(a.resync_runs)),
                      "resync_changed_cold"]
            for label in labels:
                self.warm(cache=True)
                with Mutation(self.corpus, 0.01, a.seed + 1) as changed:
                    if label.endswith("cold"):
                        self.evict([*self.cache_files, *changed])
                    result = self.phase("resync", label)
                if label.endswith("cold"):
                    phases[label] = result
                else:
                    phases["resync_changed"].append(result)
                self.phase("resync", "resync_restored")  # the cache matches the corpus again
        if want("profile"):
            phases["profile"] = self.phase("profile", files=a.profile_files)
        return phases


def code_version() -> dict[str, Any]:
    """The commit measured, and the files of ``src/`` changed since it (if any)."""
    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                                  timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--", "src")
    return {"commit": git("rev-parse", "--short", "HEAD"),
            "src_changes": [line[3:] for line in (status or "").splitlines()]}


PHASE_GROUPS = ("floor", "index", "resync", "library", "search", "app", "profile")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.inprocess",
        description="Benchmark wardtui on generated corpora; print a table, write JSON.",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--articles", type=int, default=None, metavar="N",
                       help="the largest size: runs 1,000, 10,000, 100,000 up to N, and N "
                            "(default 1,000)")
    which.add_argument("--sizes", type=_parse_sizes, default=None, metavar="N,N,…",
                       help="exactly these sizes")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="index pool size (default: the CPU count)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="repetitions of each search query, and of fzf (default 5)")
    parser.add_argument("--app-runs", type=int, default=3,
                        help="start-ups of each app, for medians (default 3)")
    parser.add_argument("--resync-runs", type=int, default=3,
                        help="warm re-syncs of each kind, for medians (default 3)")
    parser.add_argument("--samples", type=int, default=200,
                        help="articles read in the library phase (default 200)")
    parser.add_argument("--profile-files", type=int, default=2000,
                        help="files parsed under cProfile (default 2,000)")
    parser.add_argument("--settle", type=float, default=0.0, metavar="SECONDS",
                        help="before each phase, wait up to this long for the CPUs to be "
                             f"quiet (under {QUIET_BUSY * 100:.0f}%% busy; default: do not wait)")
    parser.add_argument("--quick", action="store_true",
                        help="fewest repetitions (a smoke run): --repeat 1 --app-runs 1 "
                             "--resync-runs 1 --samples 50 --profile-files 200, no untimed "
                             "first app starts")
    parser.add_argument("--phases", default=",".join(PHASE_GROUPS),
                        help=f"which phases (default all: {','.join(PHASE_GROUPS)}); "
                             "the index runs anyway when there is no cache")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="corpora, caches and results (default benchmarks/out)")
    parser.add_argument("--json", type=Path, default=None,
                        help="where to write the results (default OUT/results.json)")
    parser.add_argument("--markdown", type=Path, default=None,
                        help="also write the table as Markdown here")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.app_runs, args.resync_runs = 1, 1, 1
        args.samples, args.profile_files = 50, 200
    args.phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = set(args.phases) - set(PHASE_GROUPS)
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")
    if args.sizes is not None:
        sizes: list[int] = args.sizes
    else:
        sizes = sizes_for(args.articles if args.articles is not None else 1000)
    if sizes[0] < 1 or min(args.workers, args.repeat, args.app_runs, args.resync_runs) < 1:
        parser.error("sizes, --workers, --repeat, --app-runs and --resync-runs must be positive")
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = datetime.now(UTC)
    results: dict[str, Any] = {
        "command": "python -m benchmarks.inprocess "
                   + " ".join(sys.argv[1:] if argv is None else argv),
        "date": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "code": code_version(),
        "settings": {"sizes": sizes, "seed": args.seed, "workers": args.workers,
                     "repeat": args.repeat, "app_runs": args.app_runs,
                     "resync_runs": args.resync_runs,
                     "samples": args.samples, "profile_files": args.profile_files,
                     "phases": args.phases, "quick": args.quick, "settle": args.settle},
        "sizes": {},
    }
    errors: list[str] = []
    for count in sizes:
        log(f"[{count:,} articles] corpus…")
        corpus = prepare_corpus(out, count, args.seed)
        log(f"  corpus: {corpus.files:,} files, {corpus.bytes / 1e6:.1f} MB, "
            + ("reused" if corpus.generated_s is None else f"generated in {corpus.generated_s} s"))
        runner = Runner(out, corpus, args, log)
        size: dict[str, Any] = {"corpus": corpus.to_json(), "phases": runner.run()}
        size["figures"] = report.figures(size)
        size["verdicts"] = report.verdicts(size["figures"])
        results["sizes"][str(count)] = size
        errors.extend(runner.errors)
    results["loadavg_end"] = loadavg()
    results["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 1)
    results["errors"] = errors

    target = args.json or out / "results.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    table = {n: s["figures"] for n, s in results["sizes"].items()}
    print(f"wardtui benchmarks, {results['date']}, {results['machine']['nproc']} CPUs "
          f"({results['machine']['cpu_model']}), load {results['machine']['loadavg']}")
    print(report.text_table(table))
    if args.markdown is not None:
        args.markdown.write_text(report.markdown_tables(table) + "\n", encoding="utf-8")
    print(f"results: {target}")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
