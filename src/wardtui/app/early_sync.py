"""The launch sync, started before Textual is imported: a forked process of its own.

At launch the app used to sync its sources only once the first screen was up and the
cache open (0.5-0.9 s after launch at 100,000 articles), and the sync then competed
with the app's own thread for the interpreter. :meth:`EarlySync.start` forks, as the
``wardtui`` command starts the app and before it imports Textual and the app (no
thread runs yet, so forking is safe): the child opens the cache on a connection of
its own and syncs, on the other core, while the parent imports and draws (the library
is imported once, before the fork, since both need it; the sync itself, its process
pool and walker, only in the child, which the app never needs at launch; the child
runs :data:`NICE` steps nicer, so that on busy cores the app's first screen and first
search come first). It sends what happens on a pipe: progress (at most every
:data:`PROGRESS_EVERY` seconds), then one final event, what the app shows of the
report (:class:`SyncSummary`: unpickling the report itself would import the sync in
the app) with the notices that sync found (the sources', the cache's), or the error
message of a sync that failed. The app's sync worker reads them
(:meth:`EarlySync.events`), shows the progress and 'up to date' as for any sync, then
finds the bookmarks and read marks again on its own connection.

Safety is the sync's own: it reads the sources when it starts and again before it
removes anything, and writes in SQLite transactions, so a child stopped at any point
leaves the cache as a transaction left it. Quitting the app never waits for it:
:meth:`EarlySync.stop` asks the child to stop (SIGTERM, which the child turns into
the sync's own cancellation) and returns; a child whose app is gone stops as well.
The child's standard streams go to ``/dev/null`` (the terminal is the app's), and
nothing it raises escapes it: every failure is one message for the app to show.
This module imports neither Textual nor the library (the child imports the library).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import struct
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..config import Sources
    from ..library import SyncReport

__all__ = ["PROGRESS_EVERY", "EarlySync", "Finished", "Progress", "SyncFailed", "SyncSummary"]

PROGRESS_EVERY = 0.1  # seconds between two progress events (the last one is always sent)
_HEADER = struct.Struct("!I")
NICE = 10  # the child's niceness, added to the app's
_POLL = 0.05  # seconds between two looks at "cancelled" while waiting for the child


class Progress(tuple[int, int]):
    """Files done, of total."""


@dataclass(frozen=True)
class SyncSummary:
    """What the app shows of a sync's :class:`~wardtui.library.SyncReport` (the same
    names): sent instead of the report, whose class lives with the sync."""

    new: int
    changed: int
    removed: int
    problems: list[str]
    skipped: list[tuple[str, str]]
    cancelled: bool

    @property
    def parsed(self) -> int:
        """Files read: new or changed."""
        return self.new + self.changed

    @classmethod
    def of(cls, report: SyncReport) -> SyncSummary:
        """The summary of ``report``."""
        return cls(report.new, report.changed, report.removed, list(report.problems),
                   list(report.skipped), report.cancelled)


class Finished:
    """The sync's report (summed up), and the notices found meanwhile (sources' and
    cache's)."""

    def __init__(self, report: SyncSummary, notices: list[str]) -> None:
        self.report = report
        self.notices = notices


class SyncFailed:
    """A one-line message saying why the sync did not happen."""

    def __init__(self, message: str) -> None:
        self.message = message


Event = Progress | Finished | SyncFailed


class EarlySync:
    """A sync running in a forked child; see the module docstring."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self._fd = fd
        self._buffer = b""
        self._over = False
        self.exit_status: int | None = None  # the child's wait status, once collected here

    @classmethod
    def start(cls, sources: Sources) -> EarlySync | None:
        """Fork a child that syncs ``sources``; ``None`` where there is no ``fork``."""
        if not hasattr(os, "fork"):
            return None
        # imported once, before the fork: the app needs them too. The sync (its process
        # pool, walker and writer) is the child's alone: the app would import it for
        # nothing before its first screen.
        import_module("wardtui.library")
        import_module("wardtui.storage")
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _child(write_end, sources, os.getppid())
        os.close(write_end)
        return cls(pid, read_end)

    def events(self, cancelled: Callable[[], bool]) -> Iterator[Event]:
        """The child's events as they come, ending with a :class:`Finished` or a
        :class:`SyncFailed`; stops early (with nothing more) once ``cancelled()``."""
        while not self._over:
            if cancelled():
                return
            ready, _, _ = select.select([self._fd], [], [], _POLL)
            if not ready:
                continue
            chunk = os.read(self._fd, 65536)
            if not chunk:
                self._end()
                yield SyncFailed("Could not sync the sources: the sync stopped unexpectedly.")
                return
            self._buffer += chunk
            while len(self._buffer) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(self._buffer)
                if len(self._buffer) < _HEADER.size + size:
                    break
                data = self._buffer[_HEADER.size:_HEADER.size + size]
                self._buffer = self._buffer[_HEADER.size + size:]
                event = pickle.loads(data)  # from our own child, over our own pipe
                last = not isinstance(event, Progress)
                if last:
                    self._end()
                yield event
                if last:
                    return

    def stop(self) -> None:
        """Ask the child to stop, if it still runs; never waits for it."""
        if self._over:
            return
        self._over = True
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(self.pid, signal.SIGTERM)
        self._reap(wait=False)
        os.close(self._fd)

    def _end(self) -> None:
        """The child said its last word: it exits now (collected, so no zombie is left)."""
        self._over = True
        os.close(self._fd)
        self._reap(wait=True)

    def _reap(self, *, wait: bool) -> None:
        with contextlib.suppress(ChildProcessError):  # collected already
            pid, status = os.waitpid(self.pid, 0 if wait else os.WNOHANG)
            if pid:
                self.exit_status = status


def _child(fd: int, sources: Sources, parent: int) -> None:
    """The forked child: sync, send the events, exit (never returns)."""
    stop = False

    def on_term(_signal: int, _frame: Any) -> None:
        nonlocal stop
        stop = True

    status = 0
    try:
        signal.signal(signal.SIGTERM, on_term)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the app's terminal is not ours
        os.nice(NICE)  # the app's start comes first when the cores are busy
        devnull = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(devnull, stream)
        last = 0.0

        def send(event: Event) -> None:
            data = pickle.dumps(event)
            view = memoryview(_HEADER.pack(len(data)) + data)
            while view:
                view = view[os.write(fd, view):]

        def progress(done: int, total: int) -> None:
            nonlocal last
            now = time.monotonic()
            if done >= total or now - last >= PROGRESS_EVERY:
                last = now
                send(Progress((done, total)))

        def cancelled() -> bool:
            return stop or os.getppid() != parent  # asked to, or the app is gone

        send(_sync(sources, progress, cancelled))
    except BaseException:  # noqa: BLE001 - the child never raises into the app's terminal
        status = 1
    finally:
        os._exit(status)


def _sync(sources: Sources, progress: Callable[[int, int], None],
          cancelled: Callable[[], bool]) -> Event:
    """The sync itself, on a connection of the child's own; a failure is a message."""
    from ..library import Library, LibraryError
    from ..storage import StoreError

    told = len(sources.notices)
    try:
        with Library.open() as library:
            report = library.sync(sources.current, progress=progress,
                                  should_cancel=cancelled)
            return Finished(SyncSummary.of(report),
                            [*library.notices, *sources.notices[told:]])
    except LibraryError as error:
        return SyncFailed(f"Could not sync the sources: {error}")
    except StoreError as error:  # the list of sources cannot be read now
        return SyncFailed(f"Could not sync: {error}")
    except OSError as error:
        return SyncFailed(f"Could not sync the sources: {error}")
    except Exception as error:  # noqa: BLE001 - one line for the app, never a traceback
        return SyncFailed(f"Could not sync the sources: {type(error).__name__}: {error}")
