"""Stopping a search from another thread: a newer query came, this one's answer is not wanted.

A caller gives :func:`~wardtui.search.search` a :class:`Stop` and calls
:meth:`Stop.stop` from any thread. Every connection the search holds at that moment
(its own, and those reading ahead for it in helper threads) is interrupted
(``sqlite3_interrupt``), and any statement it starts afterwards fails within a
millisecond or so (a progress handler, called only every :data:`_CHECK_EVERY` steps:
each call takes the GIL, which the threads reading without it would otherwise wait
for), so the search ends within milliseconds, even in the middle of a long FTS5
query, by raising :class:`SearchStopped`. The connections go back to the
pool usable: the handler is removed, and SQLite clears an interruption when the
next statement starts.

The search's thread (and the helper threads it starts) find their :class:`Stop` in
a thread-local (:func:`stopping`, :func:`current`), so the layers in between
(the engine, :class:`~wardtui.search.fts.Fts`) need not carry it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SearchStopped", "Stop", "current", "stopped", "stopping"]

_CHECK_EVERY = 100_000  # SQLite steps between two looks at the flag (1,000: searches
# beside a busy thread were up to 1.7x slower at 100,000 articles; 100,000: no change)

_local = threading.local()


class SearchStopped(Exception):
    """The search was stopped (:meth:`Stop.stop`): it has no answer, and nothing went wrong."""


class Stop:
    """A handle to stop one search from another thread; see the module docstring."""

    def __init__(self) -> None:
        self.stopped = False
        self._lock = threading.Lock()
        self._conns: set[sqlite3.Connection] = set()

    def stop(self) -> None:
        """Stop the search now (from any thread; again is harmless)."""
        with self._lock:
            self.stopped = True
            for conn in self._conns:
                conn.interrupt()

    def _halt(self) -> int:
        return 1 if self.stopped else 0

    @contextmanager
    def watching(self, conn: sqlite3.Connection) -> Iterator[None]:
        """While the search uses ``conn``: :meth:`stop` interrupts it."""
        conn.set_progress_handler(self._halt, _CHECK_EVERY)
        with self._lock:
            self._conns.add(conn)
        try:
            yield
        finally:
            with self._lock:
                self._conns.discard(conn)
            conn.set_progress_handler(None, 0)


def current() -> Stop | None:
    """The :class:`Stop` of the search running in this thread, if it has one."""
    stop: Stop | None = getattr(_local, "stop", None)
    return stop


def stopped() -> bool:
    """Whether the search running in this thread was stopped."""
    stop = current()
    return stop is not None and stop.stopped


@contextmanager
def stopping(stop: Stop | None) -> Iterator[None]:
    """Run a search in this thread under ``stop``; whatever it raises once stopped (an
    interrupted query, an error that follows from it), and its end once stopped, is
    :class:`SearchStopped`."""
    previous = current()
    _local.stop = stop
    try:
        yield
    except SearchStopped:
        raise
    except Exception as error:
        if stop is not None and stop.stopped:
            raise SearchStopped("the search was stopped") from error
        raise
    finally:
        _local.stop = previous
    if stop is not None and stop.stopped:
        raise SearchStopped("the search was stopped")
