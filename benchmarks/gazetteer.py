"""What the gazetteer costs: load time and memory, and placing one article.

Each figure comes from a fresh interpreter (the way a sync worker or the app meets
the gazetteer the first time), beside the floor of the same run: a fresh interpreter
that imports nothing (``python -c pass``) and one that imports ``wardtui.places``
without loading the data (the import must stay cheap: the data loads on first use).

    python -m benchmarks.gazetteer [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_LOAD = """
import resource, time
import wardtui.places as places
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
places.gazetteer()
seconds = time.perf_counter() - t
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(seconds, (rss1 - rss0) * 1024)
"""

_MEMORY = """
import tracemalloc
import wardtui.places as places
tracemalloc.start()
places.gazetteer()
held, peak = tracemalloc.get_traced_memory()
print(held, peak)
"""

_PLACE = """
import sys, time
from pathlib import Path
from wardtui.corpus import parse_bytes
from wardtui.places import gazetteer, place_article
pages = [p.read_bytes() for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
articles = [parse_bytes(page) for page in pages]
gazetteer()
rounds = 200
t = time.perf_counter()
for _ in range(rounds):
    for article in articles:
        place_article(article)
print((time.perf_counter() - t) / (rounds * len(articles)))
"""


def _run(args: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, check=True)
    return time.perf_counter() - start, done.stdout


def measure(repeat: int) -> dict[str, float]:
    """Medians over ``repeat`` fresh processes of each figure."""
    floor = [_run(["-c", "pass"])[0] for _ in range(repeat)]
    imports = [_run(["-c", "import wardtui.places"])[0] for _ in range(repeat)]
    loads = [_run(["-c", _LOAD])[1].split() for _ in range(repeat)]
    memory = [_run(["-c", _MEMORY])[1].split() for _ in range(max(1, repeat // 2))]
    place = [float(_run(["-c", _PLACE, str(SEEDS)])[1]) for _ in range(max(1, repeat // 2))]
    return {
        "python -c pass (s)": statistics.median(floor),
        "import wardtui.places (s)": statistics.median(imports),
        "first gazetteer() load (s)": statistics.median(float(r[0]) for r in loads),
        "RSS growth (MB)": statistics.median(int(r[1]) for r in loads) / 1e6,
        "held after load (MB)": statistics.median(int(r[0]) for r in memory) / 1e6,
        "peak during load (MB)": statistics.median(int(r[1]) for r in memory) / 1e6,
        "place one article (ms)": statistics.median(place) * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gazetteer", description=__doc__)
    parser.add_argument("--repeat", type=int, default=7, help="fresh processes per figure")
    parser.add_argument("--json", action="store_true", help="one JSON object")
    args = parser.parse_args(argv)
    figures = measure(max(1, args.repeat))
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name:28} {value:8.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
