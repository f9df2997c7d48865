"""The sync's parsing pipeline (issue 15): the pool starts as soon as the walk's rate says
many files will need parsing, and parses the files the walk finds while it goes on; the
writer still takes every file in the order of their paths, files found late are parsed
too, and a pool that breaks leaves nothing unparsed. Nothing of the pool (multiprocessing)
is imported by a sync that starts none."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from wardtui.library import Library
from wardtui.library import pool as pool_module
from wardtui.library import sync as sync_module
from wardtui.library.pool import INLINE_MAX, PRELOAD, PoolStart, parse_all
from wardtui.library.sync import SAMPLE, many_to_parse
from wardtui.library.walk import WalkLog, walk_sources

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _write(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = SEED_FILES[n % len(SEED_FILES)].read_text(encoding="utf-8")
        (folder / f"{n:03d}.txt").write_text(f"{text}\nĐoạn riêng số {n} về chợ mới.\n",
                                             encoding="utf-8")


@dataclass(eq=False)
class Item:
    n: int


class FakePool:
    """A pool that runs each chunk at once, here; ``broken`` chunks fail as a dead worker's."""

    def __init__(self, broken: Callable[[list[Any]], bool] = lambda chunk: False) -> None:
        self.chunks: list[list[Any]] = []
        self.broken = broken
        self.shut = False

    def submit(self, fn: Callable[[list[Any]], list[Any]], chunk: list[Any]) -> Future[list[Any]]:
        self.chunks.append(chunk)
        future: Future[list[Any]] = Future()
        if self.broken(chunk):
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(chunk))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.shut = True


def _double(item: Item) -> int:
    return item.n * 2


def _double_all(chunk: list[Item]) -> list[int]:
    return [item.n * 2 for item in chunk]


def test_early_chunks_are_taken_in_their_turn_and_the_rest_parsed_after() -> None:
    todo = [Item(n) for n in range(INLINE_MAX + 50)]
    pool = FakePool()
    early = [(chunk, pool.submit(_double_all, chunk))
             for chunk in ([todo[190], todo[3], todo[77]], [todo[150], todo[0]])]
    results = list(parse_all(todo, pool, 2, _double, _double_all, early))  # type: ignore[arg-type]
    assert results == [n * 2 for n in range(INLINE_MAX + 50)]
    parsed = [item.n for chunk in pool.chunks for item in chunk]
    assert sorted(parsed) == list(range(INLINE_MAX + 50))  # each once: early, or late
    assert pool.shut


def test_a_few_files_sent_early_are_taken_from_the_pool_too() -> None:
    todo = [Item(n) for n in range(20)]  # fewer than INLINE_MAX
    pool = FakePool()
    early = [(todo[:16], pool.submit(_double_all, todo[:16]))]
    calls: list[int] = []

    def one(item: Item) -> int:
        calls.append(item.n)
        return item.n * 2

    results = list(parse_all(todo, pool, 2, one, _double_all, early))  # type: ignore[arg-type]
    assert results == [n * 2 for n in range(20)]
    assert calls == []  # the four late ones went to the pool as well


def test_a_pool_broken_during_the_walk_leaves_nothing_unparsed() -> None:
    todo = [Item(n) for n in range(INLINE_MAX + 10)]
    pool = FakePool(broken=lambda chunk: chunk[0].n == 5)
    early = [(chunk, pool.submit(_double_all, chunk)) for chunk in ([todo[0]], [todo[5]])]
    results = list(parse_all(todo, pool, 2, _double, _double_all, early))  # type: ignore[arg-type]
    assert results == [n * 2 for n in range(INLINE_MAX + 10)]


def test_the_pool_is_started_early_when_the_walk_finds_many_changes() -> None:
    # 1% of 100,000 cached files changed: 16 found after 1,600 met
    assert many_to_parse(SAMPLE, 100_000, 1_600)
    # 1% of 10,000: about 100 in all, parsed here
    assert not many_to_parse(SAMPLE, 10_000, 1_600)
    assert not many_to_parse(SAMPLE - 1, 100_000, 10)  # too few to judge
    assert not many_to_parse(100, 0, 0)  # nothing cached: counted only
    assert many_to_parse(INLINE_MAX + 1, 0, 0)


def test_files_found_while_the_pool_is_up_are_parsed_there_the_late_ones_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool is up before the walk has found the files (its start waited for here):
    the walk's files go to it as they are found, up to EARLY_MAX; the ones after, and
    the last ones short of a chunk, are parsed after the walk. Same library as inline."""
    made: list[PoolStart[Any, Any]] = []

    class Waited(PoolStart):  # type: ignore[type-arg]
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            self.pool()  # up before the walk goes on
            made.append(self)

    monkeypatch.setattr(sync_module, "PoolStart", Waited)
    monkeypatch.setattr(pool_module, "EARLY", 8)
    monkeypatch.setattr(pool_module, "EARLY_MAX", 48)
    source = tmp_path / "src"
    _write(source / "a", 120)
    _write(source / "b", 60)
    with Library.open(tmp_path / "pooled" / "library.sqlite3") as pooled, \
            Library.open(tmp_path / "inline" / "library.sqlite3") as inline:
        report = pooled.sync([source], workers=2)
        inline.sync([source], workers=1)
        order = "SELECT id, source FROM articles ORDER BY rowid"
        assert pooled.conn.execute(order).fetchall() == inline.conn.execute(order).fetchall()
    assert report.new == 180
    assert len(made) == 1
    sent = [item for chunk, _ in made[0].early for item in chunk]
    assert 0 < len(sent) <= 48  # the rest after the walk
    assert all(len(chunk) <= 8 for chunk, _ in made[0].early)


def test_the_walk_gives_a_folder_s_files_and_subfolders_in_name_order(tmp_path: Path) -> None:
    source = tmp_path / "src"
    for name in ("b", "a", "c/z", "c/d"):
        (source / name).mkdir(parents=True)
    for name in ("b/2.txt", "b/1.txt", "a/9.txt", "a/10.txt", "c/z/1.txt", "c/d/1.txt", "0.txt"):
        (source / name).write_text("Tiêu đề\n\nNội dung.\n", encoding="utf-8")
    found = [Path(item.path).relative_to(source).as_posix()
             for item in walk_sources([source], WalkLog())]
    assert found == ["0.txt", "a/10.txt", "a/9.txt", "b/1.txt", "b/2.txt", "c/d/1.txt",
                     "c/z/1.txt"]


@LINUX
def test_beside_another_thread_the_workers_come_from_the_forkserver(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With any other thread running (the app's), never a fork (it would copy that
    thread's locks held): the forkserver, started in a thread of its own. (Alone, as in
    the CLI, the workers are forked: checked in a fresh process by the next test, as
    this test process always runs other threads.)"""
    starts: list[tuple[str, str]] = []

    def start(workers: int, method: str = pool_module.FORKSERVER) -> None:
        starts.append((threading.current_thread().name, method))
        return None  # no pool: parsed inline

    monkeypatch.setattr(pool_module, "_start", start)
    source = tmp_path / "src"
    _write(source, INLINE_MAX + 5)
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    try:
        assert not pool_module.fork_is_safe()
        with Library.open(tmp_path / "beside" / "library.sqlite3") as library:
            assert library.sync([source], workers=2).new == INLINE_MAX + 5
    finally:
        release.set()
        other.join()
    assert len(starts) == 1 and starts[0][1] == pool_module.FORKSERVER
    assert starts[0][0] != threading.current_thread().name


@LINUX
def test_forked_workers_parse_as_the_forkserver_s_do(tmp_path: Path) -> None:
    """In a process of one thread (the CLI's), the workers are forked and import the
    parser themselves (sync.warm): the same library as parsed here."""
    source = tmp_path / "src"
    _write(source, INLINE_MAX + 30)
    pooled = tmp_path / "pooled.sqlite3"
    _run(
        "import threading\n"
        "from pathlib import Path\n"
        "from wardtui.library import Library, pool\n"
        "methods = []\n"
        "start = pool._start\n"
        "def watched(workers, method=pool.FORKSERVER):\n"
        "    methods.append((method, threading.active_count()))\n"
        "    return start(workers, method)\n"
        "pool._start = watched\n"
        f"with Library.open(Path({str(pooled)!r})) as library:\n"
        f"    assert library.sync([Path({str(source)!r})], workers=2).new == {INLINE_MAX + 30}\n"
        "assert methods == [(pool.FORK, 1)], methods\n"
    )
    with Library.open(pooled) as forked, \
            Library.open(tmp_path / "inline" / "library.sqlite3") as inline:
        inline.sync([source], workers=1)
        order = "SELECT id, title, body FROM articles ORDER BY rowid"
        assert forked.conn.execute(order).fetchall() == inline.conn.execute(order).fetchall()


def _run(code: str) -> None:
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_a_sync_that_starts_no_pool_imports_no_multiprocessing(tmp_path: Path) -> None:
    source = tmp_path / "src"
    _write(source, 3)
    _run(
        "import sys\n"
        "from pathlib import Path\n"
        "from wardtui.library import Library\n"
        f"with Library.open(Path({str(tmp_path / 'c.sqlite3')!r})) as library:\n"
        f"    assert library.sync([Path({str(source)!r})]).new == 3\n"
        "assert 'multiprocessing' not in sys.modules, 'imported'\n"
        "assert 'concurrent.futures.process' not in sys.modules, 'imported'\n"
    )


def test_the_forkserver_loads_the_gazetteer_once_for_every_worker() -> None:
    assert PRELOAD[-1] == "wardtui.library.preload"
    _run(
        "import sys, wardtui.places.gazetteer\n"
        "g = sys.modules['wardtui.places.gazetteer']\n"
        "assert g._loaded is None\n"
        "import wardtui.library.preload\n"
        "assert g._loaded is not None\n"
    )
