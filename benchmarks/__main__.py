"""``python -m benchmarks``: wardtui as the user meets it, beside its floors (issue 15).

Runs :mod:`benchmarks.user_bench` on generated corpora (``--articles N``, or
``--sizes 10000,100000``; generated once with :mod:`benchmarks.generate`, seed
1, and kept in ``--out``), against the ``wardtui`` executable given by
``--wardtui`` (default: the one beside this Python), and prints issue 15's
table: each row's value, its floor or peer measured in the same run, the ratio
ours / floor, and the target. The raw results go to JSON (``--json``), the
table to Markdown (``--markdown``).

``--quick`` is the regression profile the test suite runs (2,000 articles,
fewest repetitions, about a minute on 2 cores); ``--check-bounds`` then fails
(exit status 3) when a ratio grew past its bound in ``benchmarks/bounds.toml``.

The in-process runner of issue 6 is ``python -m benchmarks.inprocess``.
"""

from __future__ import annotations

import argparse
import json
import re
import signal
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import user_report
from .corpora import prepare_corpus
from .probes import loadavg, machine
from .terminal import kill_started
from .user_bench import Settings, default_python, measure

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "benchmarks" / "out"
QUICK_ARTICLES = 2000


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(p.replace("_", "")) for p in text.split(",") if p.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of numbers: {text!r}") from None
    if not sizes or sizes[0] < 10:
        raise argparse.ArgumentTypeError("sizes must be at least 10")
    return sizes


def _default_wardtui() -> Path:
    return Path(sys.executable).parent / "wardtui"


def label_of(wardtui: Path) -> str:
    """A short name for the code measured: the folder holding its venv (``main``…)."""
    parts = wardtui.resolve().parts if wardtui.exists() else wardtui.parts
    if len(parts) >= 4 and parts[-2] == "bin":
        name = parts[-4] if parts[-3].startswith(".") or parts[-3] == "venv" else parts[-3]
    else:
        name = wardtui.stem
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name) or "wardtui"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure wardtui as the user meets it (processes, the app in a terminal) "
                    "beside its floors; print issue 15's table.")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--articles", type=int, default=None, metavar="N",
                       help="one corpus of N generated articles (default 10,000)")
    which.add_argument("--sizes", type=_sizes, default=None, metavar="N,N,…",
                       help="several sizes, e.g. 10000,100000")
    parser.add_argument("--wardtui", type=Path, default=_default_wardtui(),
                        help="the wardtui executable to measure (default: beside this Python)")
    parser.add_argument("--python", type=Path, default=None,
                        help="the Python of that wardtui, for the floors `python -c pass` and "
                             "the empty Textual app (default: its #! line)")
    parser.add_argument("--label", default=None,
                        help="a name for the code measured (default: its venv's folder)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs of each command (default 3)")
    parser.add_argument("--app-samples", type=int, default=2,
                        help="passes over the 5 queries in the app (default 2)")
    parser.add_argument("--parts", default="cli,app", help="cli, app or both (default both)")
    parser.add_argument("--quick", action="store_true",
                        help=f"the regression profile: {QUICK_ARTICLES:,} articles unless "
                             "--articles, --repeat 1, --app-samples 1")
    parser.add_argument("--check-bounds", action="store_true",
                        help="exit status 3 if a ratio is over its bound (benchmarks/bounds.toml)")
    parser.add_argument("--bounds", type=Path, default=user_report.BOUNDS_FILE,
                        help="the bounds file (default benchmarks/bounds.toml)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="corpora, wardtui's folders and results (default benchmarks/out)")
    parser.add_argument("--json", type=Path, default=None,
                        help="the raw results (default OUT/user-LABEL.json)")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the tables here")
    return parser


def _terminated(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through main's finally: the processes are killed


def main(argv: Sequence[str] | None = None) -> int:
    """Run the harness; every process group it started is killed on any way out."""
    previous = {sig: signal.signal(sig, _terminated) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return _main(argv)
    finally:
        kill_started()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.quick:
        args.repeat, args.app_samples = 1, 1
    sizes: list[int] = (args.sizes if args.sizes is not None
                        else [args.articles or (QUICK_ARTICLES if args.quick else 10_000)])
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    if set(parts) - {"cli", "app"} or not parts:
        parser.error("--parts takes cli, app or cli,app")
    if min(args.repeat, args.app_samples) < 1:
        parser.error("--repeat and --app-samples must be positive")
    wardtui: Path = args.wardtui.absolute()
    if not wardtui.is_file():
        parser.error(f"no wardtui executable at {wardtui}")
    python = (args.python or default_python(wardtui)).absolute()
    label = args.label or label_of(wardtui)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = datetime.now(UTC)
    command = "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv)
    results: dict[str, Any] = {"command": command, "date": started.isoformat(timespec="seconds"),
                               "label": label, "machine": machine(), "sizes": {}}
    status = 0
    for count in sizes:
        log(f"[{label}, {count:,} articles] corpus…")
        corpus = prepare_corpus(out, count, args.seed)
        settings = Settings(wardtui=wardtui, python=python, home=out / f"user-{label}-n{count}",
                            repeat=args.repeat, app_samples=args.app_samples, quick=args.quick,
                            app_timeout=60.0 if args.quick else 600.0, log=log)
        raw = measure(settings, corpus, parts=parts)
        raw["corpus"] = corpus.to_json()
        raw["figures"] = user_report.figures(raw)
        raw["ratios"] = user_report.ratios(raw)
        results["sizes"][str(count)] = raw
        for error in raw["errors"]:
            log(f"error: {error}")
            status = 1
    results["loadavg_end"] = loadavg()
    results["seconds"] = round((datetime.now(UTC) - started).total_seconds(), 1)
    target = args.json or out / f"user-{label}.json"
    target.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")

    tables = []
    for count, raw in results["sizes"].items():
        tables.append(f"### {label}, {int(count):,} articles (load {raw['loadavg_start']} at "
                      f"the start, {raw['loadavg_end']} at the end; {raw['seconds']} s)\n\n"
                      + user_report.markdown_table(raw))
    m = results["machine"]
    header = (f"{command}\n{results['date']}: {m['nproc']} CPUs ({m['cpu_model']}), "
              f"wardtui {wardtui}, python {python}")
    print(header)
    print("\n\n".join(tables))
    if args.markdown is not None:
        args.markdown.write_text(header + "\n\n" + "\n\n".join(tables) + "\n", encoding="utf-8")
    print(f"results: {target}")
    if args.check_bounds:
        bounds = user_report.load_bounds(args.bounds)
        for count, raw in results["sizes"].items():
            problems = user_report.check_bounds(raw, bounds)
            for problem in problems:
                print(f"over a bound at {int(count):,} articles: {problem}", file=sys.stderr)
            if problems:
                status = 3
    return status


if __name__ == "__main__":
    sys.exit(main())
