"""``python -m benchmarks.parse_cpu GLOB…``: the CPU a sync worker spends per file.

The floor of a cold index (issue 15): each file costs a pool worker
``compact(parse_found(file))`` — reading, decoding, parsing, settling and placing the
ward, packing the paragraphs — in pure Python; on 2 cores two workers share the
machine with the writer. This times exactly that, file after file, in one process
(``time.process_time``: CPU, not wall time, so other work on the machine matters
little), after a warm-up of the first 50 files; it prints the median and the best of
``--rounds`` rounds in ms per file. ``--profile`` prints a pyinstrument profile of one
round instead (needs pyinstrument).

    python -m benchmarks.parse_cpu 'benchmarks/out/corpus-s1-n10000/00[0-2]/*.txt' --limit 2000
    PYTHONPATH=/path/to/old/src python -m benchmarks.parse_cpu …   # another version, same files
"""

from __future__ import annotations

import argparse
import glob
import os
import statistics
import time
from collections.abc import Sequence

from wardtui.library.sync import FoundFile, compact, parse_found
from wardtui.places import gazetteer


def found_files(patterns: Sequence[str], limit: int | None) -> list[FoundFile]:
    """The regular files matched by ``patterns`` (sorted), as the walk would hand them over."""
    paths = sorted({p for pattern in patterns for p in glob.glob(pattern) if os.path.isfile(p)})
    found = []
    for path in paths[:limit]:
        st = os.stat(path)
        found.append(FoundFile.of(path, st.st_size, st.st_mtime_ns))
    return found


def cpu_per_file(found: Sequence[FoundFile], rounds: int) -> list[float]:
    """Milliseconds of CPU per file, one figure per round."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for file in found:
            compact(parse_found(file))
        times.append((time.process_time() - start) / len(found) * 1000)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.parse_cpu",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("patterns", nargs="+", help="glob patterns of the files to parse")
    parser.add_argument("--limit", type=int, default=None, help="at most this many files")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds (default 5)")
    parser.add_argument("--profile", action="store_true", help="profile one round instead")
    args = parser.parse_args(argv)
    found = found_files(args.patterns, args.limit)
    if not found:
        parser.error("no file matches")
    gazetteer()  # loaded once per worker, before its first file
    for file in found[:50]:
        compact(parse_found(file))
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        cpu_per_file(found, 1)
        profiler.stop()
        print(profiler.output_text(unicode=False, color=False, show_all=False))
        return 0
    times = cpu_per_file(found, args.rounds)
    print(f"{len(found)} files: {statistics.median(times):.3f} ms of CPU per file (median of "
          f"{len(times)} rounds; best {min(times):.3f}; all {[round(t, 3) for t in times]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
