"""``kill -9`` of ``wardtui index`` at ten moments: the cache stays consistent.

Each interrupted run must leave a cache that the next run opens without a
rebuild and completes; at the end the article count is exact. The corpus is
generated (deterministically) large enough to need the process pool.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.generate import generate_corpus

pytestmark = pytest.mark.slow

ARTICLES = 900


def _index(corpus: Path, env: dict[str, str], log: Path,
           started: set[int]) -> subprocess.Popen[bytes]:
    """Run ``wardtui index`` in a session of its own; its pid (= the session's id) joins
    ``started``, so that it and every process it starts (the forkserver, the pool workers)
    can be told from any other wardtui on the machine."""
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "wardtui.cli", "index", str(corpus)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started.add(process.pid)
    return process


def _session_and_group(stat: str) -> tuple[str, int, int]:
    """State, process group and session of a ``/proc/PID/stat`` line."""
    fields = stat[stat.rindex(")") + 2:].split()  # the command name may hold spaces
    return fields[0], int(fields[2]), int(fields[3])


def _leftover_processes(started: set[int]) -> list[int]:
    """Live processes of the sessions or process groups this test started (the killed runs'
    pool workers would be; they keep the session even when re-parented)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, group, session = _session_and_group(stat.read_text(errors="replace"))
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        if state != "Z" and (group in started or session in started):
            found.append(int(stat.parent.name))
    return found


def test_leftovers_are_only_the_tests_own(tmp_path: Path) -> None:
    """A process of another session (another wardtui, say) is never counted."""
    other = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                             stdin=subprocess.PIPE, start_new_session=True)
    try:
        assert other.pid in _leftover_processes({other.pid})
        assert _leftover_processes({os.getpid() + 10_000_000}) == []
        assert other.pid not in _leftover_processes(set())
    finally:
        assert other.stdin is not None
        other.stdin.close()
        other.wait(timeout=30)
    assert other.pid not in _leftover_processes({other.pid})


def _check_consistent(cache: Path) -> int:
    """Open the cache as SQLite would after a crash; return its article count."""
    conn = sqlite3.connect(cache)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if not tables:
            return 0  # killed before the schema was written: the next run creates it
        conn.execute("INSERT INTO fts (fts) VALUES ('integrity-check')")
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        orphans = conn.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN"
            " (SELECT article_id FROM files WHERE article_id IS NOT NULL)"
        ).fetchone()[0]
        dangling = conn.execute(
            "SELECT count(*) FROM files WHERE article_id IS NOT NULL AND article_id NOT IN"
            " (SELECT id FROM articles)"
        ).fetchone()[0]
        assert (orphans, dangling) == (0, 0)
        return int(articles)
    finally:
        conn.close()


def test_kill_nine_during_index_then_complete(tmp_path: Path, isolated_dirs: Path) -> None:
    corpus = tmp_path / "corpus"
    generated = generate_corpus(corpus, ARTICLES, seed=11)
    expected_ids = len({t["path"] for t in generated.truth})
    env = dict(os.environ)
    cache = Path(env["WARDTUI_CACHE_DIR"]) / "library.sqlite3"

    # How long a whole run takes here, to spread the kills over it.
    log = tmp_path / "index.log"
    ours: set[int] = set()  # the sessions of the runs this test starts
    started = time.perf_counter()
    probe = _index(corpus, env, log, ours)
    probe.wait(timeout=300)
    full = time.perf_counter() - started
    assert probe.returncode == 0
    complete = _check_consistent(cache)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{cache}{suffix}").unlink(missing_ok=True)

    rng = random.Random(20261121)
    moments = sorted(rng.uniform(0.05, full) for _ in range(10))
    counts = []
    for moment in moments:
        process = _index(corpus, env, log, ours)
        time.sleep(moment)  # the fault is a moment in another process's life
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        if cache.exists():
            counts.append(_check_consistent(cache))
    final = _index(corpus, env, log, ours)
    final.wait(timeout=300)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert final.returncode == 0, output
    assert "rebuilt" not in output
    # The pool workers of the killed runs noticed and left.
    deadline = time.monotonic() + 10
    while _leftover_processes(ours) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _leftover_processes(ours) == []
    assert _check_consistent(cache) == complete
    assert complete <= expected_ids
    assert counts == sorted(counts)  # every interrupted run kept what was committed
