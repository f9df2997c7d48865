"""Parsing the files a sync must read: in this process for a few, in a pool for many.

* Up to :data:`INLINE_MAX` files are parsed here, one by one: starting worker
  processes (a new interpreter importing the parser, ~0.25 s on this 2-core
  machine) costs more than it saves below a few hundred files at ~1.3 ms each,
  unless it overlaps the walk (a 1% re-sync of 10,000 files is 100 files: inline;
  of 100,000, 1,000 files: the pool).
* More go to a pool that the sync starts while its walk goes on (:class:`PoolStart`:
  as soon as the walk's rate of changed files says there will be many, see
  :func:`wardtui.library.sync.many_to_parse`): ``forkserver`` processes (safe beside
  the app's threads) forked from a server that imported the parser and loaded the
  gazetteer once (:data:`PRELOAD`), or, where no other thread runs (the CLI),
  processes forked from this one at once (:func:`fork_is_safe`). The files the walk
  finds once the pool is up go to it at once, in chunks of :data:`EARLY` (up to
  :data:`EARLY_MAX` files), so the workers parse while the walk goes on; the rest go
  after the walk in chunks of up to :data:`CHUNK` files, which the workers read
  themselves. A chunk comes back as one
  list of whatever ``chunk_fn`` returns (the sync sends compact tuples, not
  dataclasses: less to pickle). The multiprocessing modules are imported only then.
* Results come back in the order of ``todo`` (the early chunks' in their turn), a few
  chunks per worker submitted ahead, so the writer never waits for the slowest of
  many chunks and memory stays bounded.
* If the pool cannot start or breaks (no ``/dev/shm``, a killed worker), the
  files not yet parsed are parsed here instead: slower, never lost. Closing the
  generator early (a cancelled sync) drops the chunks not yet started.

Knows nothing of SQLite: the caller writes what comes back.
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # imported when a pool starts (multiprocessing: ~30 ms of a sync's start)
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = [
    "CHUNK", "EARLY", "EARLY_MAX", "INLINE_MAX", "PRELOAD", "PoolStart", "chunk_size",
    "fork_is_safe", "parse_all", "start_pool", "workers_for",
]

INLINE_MAX = 150  # files parsed in this process; more start the pool
CHUNK = 64  # files per task sent to a worker
EARLY = 16  # files per task sent while the walk goes on
EARLY_MAX = 2048  # at most this many files sent before the walk ends (their results wait)
AHEAD = 4  # chunks in flight per worker
FORK, FORKSERVER = "fork", "forkserver"  # how the workers start (see fork_is_safe)
# Imported once by the forkserver, before forking its workers ("__main__" is the
# default this replaces: without it every worker would import the main module); the
# last imports the parser and loads the gazetteer (wardtui.library.preload).
PRELOAD = ["__main__", "wardtui.library.sync", "wardtui.corpus.decode", "wardtui.corpus.parse",
           "wardtui.library.preload"]

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


def fork_is_safe() -> bool:
    """Whether workers may be forked from this process as it is: on Linux, only this
    thread runs (the CLI's ``index``; never beside the app's threads, whose locks a
    fork would copy held). Forked workers start in half the time of the
    forkserver's (0.13-0.17 s, not 0.27 s: no new interpreter), importing the parser
    themselves."""
    import multiprocessing

    return (
        sys.platform.startswith("linux")  # (macOS's system libraries are not fork-safe)
        and threading.active_count() == 1
        and threading.current_thread() is threading.main_thread()
        and FORK in multiprocessing.get_all_start_methods()
    )


def _start(workers: int, method: str = FORKSERVER) -> ProcessPoolExecutor | None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:
        context = multiprocessing.get_context(method)
        if method == FORKSERVER:
            context.set_forkserver_preload(PRELOAD)
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )
    except (OSError, ValueError):
        return None


def start_pool(
    workers: int, warm: Callable[[], None], method: str = FORKSERVER
) -> ProcessPoolExecutor | None:
    """A pool of ``workers`` processes, each already running ``warm`` (a module-level
    function); ``None`` when no pool can start here. ``method``: ``"forkserver"``, or
    ``"fork"`` when :func:`fork_is_safe` (the workers are forked here, at once)."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _start(workers, method)
    if pool is not None:
        frozen = method == FORK
        if frozen:  # the forked workers' collector leaves what they inherit alone (no copy)
            gc.freeze()
        try:
            for _ in range(workers):
                pool.submit(warm)
        except (BrokenProcessPool, OSError):
            pool.shutdown(wait=False, cancel_futures=True)
            return None
        finally:
            if frozen:
                gc.unfreeze()
    return pool


class PoolStart(Generic[In, Out]):
    """:func:`start_pool`, beside the caller's walk: workers forked here at once when
    :func:`fork_is_safe`, else the forkserver started in a thread of its own (it
    imports the parser, 0.15-0.3 s, which the walk need not wait for).

    :meth:`feed` takes each file the walk finds from then on (and the ones found
    before); once the pool is up, they go to its workers in chunks of :data:`EARLY`
    as they come, up to :data:`EARLY_MAX` files, so the workers parse while the walk
    goes on (the results wait, in memory, for the writer, which takes every file in
    the order of their paths after the walk). :meth:`pool` joins the thread and gives
    the pool (``None`` if none could start); :attr:`early` the chunks sent so far."""

    def __init__(
        self, workers: int, warm: Callable[[], None], chunk_fn: Callable[[list[In]], list[Out]]
    ) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._chunk_fn = chunk_fn
        self._waiting: list[In] = []
        self._sent = 0
        self.early: list[tuple[list[In], Future[list[Out]]]] = []
        self._thread: threading.Thread | None = None
        if fork_is_safe():
            self._pool = start_pool(workers, warm, FORK)
            return
        self._thread = threading.Thread(
            target=self._start, args=(workers, warm), name="wardtui-pool-start", daemon=True
        )
        self._thread.start()

    def _start(self, workers: int, warm: Callable[[], None]) -> None:
        self._pool = start_pool(workers, warm)

    def feed(self, item: In) -> None:
        """One more file found by the walk (see the class docstring)."""
        if self._sent >= EARLY_MAX:
            return
        self._waiting.append(item)
        if len(self._waiting) < EARLY or self._pool is None or (
            self._thread is not None and self._thread.is_alive()
        ):
            return
        from concurrent.futures.process import BrokenProcessPool

        waiting, self._waiting = self._waiting, []
        for start in range(0, len(waiting), EARLY):  # (all found before the pool was up)
            chunk = waiting[start : start + EARLY]
            try:
                self.early.append((chunk, self._pool.submit(self._chunk_fn, chunk)))
            except (BrokenProcessPool, OSError, RuntimeError):
                self._sent = EARLY_MAX  # parsed after the walk, in this process if need be
                return
            self._sent += len(chunk)

    def pool(self) -> ProcessPoolExecutor | None:
        if self._thread is not None:
            self._thread.join()
        return self._pool


def parse_all(
    todo: Sequence[In],
    pool: ProcessPoolExecutor | None,
    workers: int,
    one: Callable[[In], Out],
    chunk_fn: Callable[[list[In]], list[Out]],
    early: Sequence[tuple[list[In], Future[list[Out]]]] = (),
) -> Iterator[Out]:
    """``one(item)`` for every item of ``todo``, in order; see the module docstring.

    Without a ``pool`` (or with few items and none sent ``early``), here; else
    ``chunk_fn`` (a module-level function, so that it can be sent to a worker) does
    the same for chunks of items in the pool's ``workers`` processes. ``early``: chunks
    of items of ``todo`` already sent to the pool (by :meth:`PoolStart.feed`), with
    their futures; their results are taken in their turn. The pool is shut down when
    the generator ends.
    """
    if pool is None or (len(todo) <= INLINE_MAX and not early):
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        yield from map(one, todo)
        return
    from concurrent.futures.process import BrokenProcessPool

    sent: dict[int, tuple[int, int]] = {}  # id(item) -> (early chunk, position in it)
    for number, (chunk, _) in enumerate(early):
        sent.update((id(item), (number, at)) for at, item in enumerate(chunk))
    late = [item for item in todo if id(item) not in sent]
    size = chunk_size(len(late), workers)
    starts = iter(range(0, len(late), size))
    flight: deque[Future[list[Out]]] = deque()
    done = 0  # items yielded so far

    def submit() -> None:
        start = next(starts, None)
        if start is not None:
            flight.append(pool.submit(chunk_fn, late[start : start + size]))

    try:
        try:
            for _ in range(workers * AHEAD):
                submit()
            results: Iterator[Out] = iter(())
            for item in todo:
                place = sent.get(id(item))
                if place is not None:
                    result = early[place[0]][1].result()[place[1]]
                else:
                    got = next(results, _NONE)
                    if got is _NONE:
                        results = iter(flight.popleft().result())
                        submit()
                        got = next(results)
                    result = got
                done += 1
                yield result
        except (BrokenProcessPool, OSError):
            yield from map(one, todo[done:])
    finally:
        # On cancel (the generator closed early) drop the work not yet started.
        pool.shutdown(wait=True, cancel_futures=True)


_NONE: Any = object()
