"""Two real processes changing the same bookmarks file at once lose nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from wardtui.userdata import BookmarkStore

OPS = 500  # issue 7: 500 adds and removals per process

# Each worker opens the store itself (both race to create it), says it is ready,
# waits for "go" so that both really run together, then adds OPS bookmarks of
# its own, removing every third one right after adding it and changing the note
# of every fifth; finally it adds a shared bookmark that both processes touch.
WORKER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from wardtui.userdata import BookmarkStore
    from wardtui.library import ArticleSummary

    name, path, ops = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])

    def article(article_id):
        return ArticleSummary(article_id, f"Bài {article_id}", "Mỹ Long", "phường",
                              "2023-06-28", None, None, f"/c/{article_id}.txt", 1)

    print("ready", flush=True)
    assert sys.stdin.readline().strip() == "go"
    store = BookmarkStore.open(path)
    assert store.persistent and not store.notices, store.notices
    for i in range(ops):
        key = f"{name}{i:04d}"
        store.add(article(key))
        if i % 3 == 0:
            assert store.remove(key) is not None
        elif i % 5 == 0:
            assert store.set_note(key, f"note {key}")
        if i % 50 == 0:
            store.add(article("shared00"), note=None)
    store.close()
    print("done", flush=True)
    """
)


def _expected(name: str) -> set[str]:
    return {f"{name}{i:04d}" for i in range(OPS) if i % 3 != 0}


def test_two_processes_writing_at_once_keep_every_change(tmp_path: Path) -> None:
    path = tmp_path / "data" / "bookmarks.sqlite3"
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
            out, err = worker.communicate(timeout=120)
            assert worker.returncode == 0, err
            assert out.strip() == "done"
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
    with BookmarkStore.open(path) as store:
        assert store.notices == []
        items = {b.id: b for b in store.bookmarks()}
    assert set(items) == _expected("a") | _expected("b") | {"shared00"}
    for key, bookmark in items.items():
        number = int(key[1:]) if key != "shared00" else -1
        expected_note = f"note {key}" if number > 0 and number % 5 == 0 else ""
        assert bookmark.note == expected_note, key
    assert not list(path.parent.glob("*.corrupt-*"))
