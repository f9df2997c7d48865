"""Parsing the files a sync must read: in this process for a few, in a pool for many.

* Up to :data:`INLINE_MAX` files are parsed here, one by one: starting worker
  processes (a new interpreter importing the parser, ~0.35 s of CPU on this
  2-core machine, the gazetteer loaded in each worker) costs more than it saves
  below a few hundred files at ~2 ms each, unless it overlaps the walk (a 1%
  re-sync of 10,000 files is 100 files: inline; of 100,000, 1,000 files: the pool,
  started when the walk has found the 151st and warm when it ends).
* More go to a pool started only then (:func:`start_pool`, called by the sync as
  soon as its walk has found that many, so the workers start while it walks on):
  ``forkserver`` processes (safe beside the app's threads) forked from a server
  that imported the parser once (:data:`PRELOAD`), each warmed at once (the
  gazetteer loaded), then fed chunks of up to :data:`CHUNK` files that they read
  themselves. A chunk comes back as one list of whatever ``chunk_fn`` returns
  (the sync sends compact tuples, not dataclasses: less to pickle).
* Results come back in the order of ``todo``, a few chunks per worker submitted
  ahead, so the writer never waits for the slowest of many chunks and memory
  stays bounded.
* If the pool cannot start or breaks (no ``/dev/shm``, a killed worker), the
  files not yet parsed are parsed here instead: slower, never lost. Closing the
  generator early (a cancelled sync) drops the chunks not yet started.

Knows nothing of SQLite: the caller writes what comes back.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

__all__ = [
    "CHUNK", "INLINE_MAX", "PRELOAD", "PoolStart", "chunk_size", "parse_all", "start_pool",
    "workers_for",
]

INLINE_MAX = 150  # files parsed in this process; more start the pool
CHUNK = 64  # files per task sent to a worker
AHEAD = 4  # chunks in flight per worker
# Imported once by the forkserver, before forking its workers ("__main__" is the
# default this replaces: without it every worker would import the main module).
PRELOAD = ["__main__", "wardtui.library.sync", "wardtui.corpus.decode", "wardtui.corpus.parse"]

In = TypeVar("In")
Out = TypeVar("Out")


def _watch_parent(pid: int) -> None:
    """In a pool worker: exit when the syncing process is gone (killed with -9).

    Pool workers otherwise wait forever for work that will never come.
    """

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                continue

    threading.Thread(target=watch, name="wardtui-parent-watch", daemon=True).start()


def chunk_size(files: int, workers: int) -> int:
    """Files per chunk: :data:`CHUNK`, fewer when there are few files, so that every
    worker gets several chunks and none waits at the end for a long last one."""
    return max(1, min(CHUNK, -(-files // (workers * AHEAD))))


def workers_for(workers: int | None) -> int:
    """How many worker processes: ``workers``, or one per core."""
    return workers or os.cpu_count() or 1


def _start(workers: int) -> ProcessPoolExecutor | None:
    try:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )
    except (OSError, ValueError):
        return None


def start_pool(workers: int, warm: Callable[[], None]) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes, each already running ``warm`` (a module-level
    function); ``None`` when no pool can start here."""
    pool = _start(workers)
    if pool is not None:
        try:
            for _ in range(workers):
                pool.submit(warm)
        except (BrokenProcessPool, OSError):
            pool.shutdown(wait=False, cancel_futures=True)
            return None
    return pool


class PoolStart:
    """:func:`start_pool` in a thread of its own: starting the forkserver waits for it
    to import the parser (0.15-0.3 s), which the caller's walk need not wait for.
    :meth:`pool` joins the thread and gives the pool (``None`` if none could start)."""

    def __init__(self, workers: int, warm: Callable[[], None]) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._thread = threading.Thread(
            target=self._start, args=(workers, warm), name="wardtui-pool-start", daemon=True
        )
        self._thread.start()

    def _start(self, workers: int, warm: Callable[[], None]) -> None:
        self._pool = start_pool(workers, warm)

    def pool(self) -> ProcessPoolExecutor | None:
        self._thread.join()
        return self._pool


def parse_all(
    todo: Sequence[In],
    pool: ProcessPoolExecutor | None,
    workers: int,
    one: Callable[[In], Out],
    chunk_fn: Callable[[list[In]], list[Out]],
) -> Iterator[Out]:
    """``one(item)`` for every item of ``todo``, in order; see the module docstring.

    Without a ``pool`` (or with few items), here; else ``chunk_fn`` (a module-level
    function, so that it can be sent to a worker) does the same for chunks of items
    in the pool's ``workers`` processes. The pool is shut down when the generator ends.
    """
    if pool is None or len(todo) <= INLINE_MAX:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        yield from map(one, todo)
        return
    count = workers
    size = chunk_size(len(todo), count)
    starts = iter(range(0, len(todo), size))
    flight: deque[tuple[int, Future[list[Out]]]] = deque()
    done = 0  # items yielded so far

    def submit() -> None:
        start = next(starts, None)
        if start is not None:
            flight.append((start, pool.submit(chunk_fn, list(todo[start : start + size]))))

    try:
        try:
            for _ in range(count * AHEAD):
                submit()
            while flight:
                _, future = flight.popleft()
                results = future.result()
                submit()
                for result in results:
                    done += 1
                    yield result
        except (BrokenProcessPool, OSError):
            yield from map(one, todo[done:])
    finally:
        # On cancel (the generator closed early) drop the work not yet started.
        pool.shutdown(wait=True, cancel_futures=True)
