"""Issue 11 item 2: two processes adding and removing sources at the same time never
lose each other's changes (``wardtui index A & wardtui index B``); item 16: a FIFO
in place of ``sources.json`` is an error, not a hang.

Each process uses a fresh :class:`Sources` per change, as each ``wardtui index``
run does, plus one long-lived object (as the app holds) for some of its changes.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wardtui.config import Sources

ROUNDS = 120


def _worker(store: str, tag: str, barrier: object, mixed: bool) -> None:
    path = Path(store)
    held = Sources(path)  # the app's long-lived object
    barrier.wait()  # type: ignore[attr-defined]
    for i in range(ROUNDS):
        source = f"/data/{tag}/{i}"
        if mixed and i % 4 == 0:
            held.add(source)
        else:
            Sources(path).add(source)
        if i % 3 == 0:
            Sources(path).remove(source)
        elif i % 5 == 0 and (i - 5) % 3:
            earlier = f"/data/{tag}/{i - 5}"
            (held if mixed else Sources(path)).remove(earlier)


def _expected(tag: str) -> set[str]:
    kept = {f"/data/{tag}/{i}" for i in range(ROUNDS) if i % 3}
    for i in range(ROUNDS):
        if i % 3 and i % 5 == 0 and (i - 5) % 3:
            kept.discard(f"/data/{tag}/{i - 5}")
    return kept


@pytest.mark.parametrize("mixed", [False, True], ids=["fresh-objects", "with-a-held-object"])
def test_item2_concurrent_adds_and_removes_keep_every_change(
    tmp_path: Path, mixed: bool
) -> None:
    store = tmp_path / "config" / "sources.json"
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(2)
    workers = [
        context.Process(target=_worker, args=(str(store), tag, barrier, mixed))
        for tag in ("A", "B")
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [w.exitcode for w in workers] == [0, 0]
    final = {str(p) for p in Sources(store).added}
    assert final == _expected("A") | _expected("B")


def test_item16_fifo_in_place_of_sources_json_never_hangs(tmp_path: Path) -> None:
    """Run in a child: a blocking read of a FIFO would wait forever; the timeout
    only ends such a child, it measures nothing."""
    store = tmp_path / "config" / "sources.json"
    store.parent.mkdir()
    os.mkfifo(store)
    script = (
        "from pathlib import Path\n"
        "from wardtui.config import ConfigError, Sources\n"
        "try:\n"
        f"    Sources(Path({str(store)!r}))\n"
        "except ConfigError as error:\n"
        "    print(error)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{store} is not a regular file; move it away and try again\n"
