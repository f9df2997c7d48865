"""Issue 12 items 12 and 13: two real processes marking articles read or unread and
opening articles (the history) in the same user data file at the same time lose
nothing of each other's.

Each worker opens the store itself (both race to create it, and to migrate it from
schema 1 in the second test), waits for "go", then marks its own articles read one by
one and in batches (as ``M`` does for a ward), unmarks some, marks a shared set that
both touch, and opens articles through its own :class:`HistoryCursor`, going back
now and then and opening another from there.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wardtui.userdata import BookmarkStore

OPS = 200

WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wardtui.library import ArticleSummary
    from wardtui.userdata import BookmarkStore, HistoryCursor

    name, path, ops = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])

    def article(article_id):
        return ArticleSummary(article_id, f"Bài {article_id}", "Mỹ Long", "phường",
                              "2023-06-28", None, None, f"/c/{article_id}.txt", 1)

    print("ready", flush=True)
    assert sys.stdin.readline().strip() == "go"
    store = BookmarkStore.open(path)
    assert store.persistent and not store.notices, store.notices
    cursor = HistoryCursor(store.history)
    batch = []
    for i in range(ops):
        key = f"{name}{i:04d}"
        if i % 2:
            store.reading.set_read(article(key), True)
        else:
            batch.append(article(key))
            if len(batch) == 10:
                assert store.reading.mark_read(batch) == 10
                batch = []
        if i % 14 == 0 and i > 0:  # i - 1 is odd: marked on its own, just before
            assert store.reading.mark_unread([f"{name}{i - 1:04d}"]) == 1
        if i % 25 == 0:
            store.reading.mark_read([article(f"shared{j:02d}") for j in range(20)])
        cursor.visit(article(key))
        if i % 9 == 8:
            cursor.back()
    if batch:
        store.reading.mark_read(batch)
    store.close()
    print("done", flush=True)
    """
)


def _expected_read(name: str) -> set[str]:
    unmarked = {i - 1 for i in range(OPS) if i % 14 == 0 and i > 0}
    return {f"{name}{i:04d}" for i in range(OPS) if i not in unmarked}


def _run_two(path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, name, str(path), str(OPS)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=env,
        )
        for name in ("a", "b")
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready"
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        for worker in workers:
            out, err = worker.communicate(timeout=180)
            assert worker.returncode == 0, err
            assert out.strip() == "done"
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def _check(path: Path) -> None:
    with BookmarkStore.open(path) as store:
        assert store.notices == []
        shared = {f"shared{j:02d}" for j in range(20)}
        assert store.reading.ids() == _expected_read("a") | _expected_read("b") | shared
        entries = store.history.entries()
    assert len(entries) == 2 * OPS  # under the cap: every visit kept
    for name in ("a", "b"):
        own = [e.id for e in entries if e.id.startswith(name)]
        assert own == [f"{name}{i:04d}" for i in range(OPS)]  # each in its own order
    assert not list(path.parent.glob("*.corrupt-*"))


def test_two_processes_marking_and_opening_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bookmarks.sqlite3"
    _run_two(path)
    _check(path)


@pytest.mark.parametrize("bookmarks", [0, 3])
def test_two_processes_migrating_a_schema_1_file_at_once(tmp_path: Path, bookmarks: int) -> None:
    from wardtui.userdata import schema

    path = tmp_path / "data" / "bookmarks.sqlite3"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    for statement in schema._SCHEMA:
        conn.execute(statement)
    for i in range(bookmarks):
        conn.execute("INSERT INTO bookmarks (id, title, added) VALUES (?, 't', 'x')", (f"k{i}",))
    conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    _run_two(path)
    _check(path)
    with BookmarkStore.open(path) as store:
        assert store.ids() == {f"k{i}" for i in range(bookmarks)}
