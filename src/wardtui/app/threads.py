"""Worker threads that never hold the app open: ``q`` leaves at once, whatever runs.

Textual runs a thread worker through the event loop's default executor, a
``ThreadPoolExecutor``: ``asyncio.run`` then waits, as the app ends, for every
thread still at work, and the interpreter joins them once more before it exits,
so a long search or sync kept ``q`` waiting for tens of seconds. The app installs
:class:`DaemonExecutor` as its loop's default executor instead: each call runs
in a daemon thread, and shutting the executor down does not wait. The workers
are cancelled by Textual as the app ends and stop at their next check; one that
does not is simply left behind when the process exits. Nothing is lost by that:
the library and the user's data are changed only in SQLite transactions, and the
settings by replacing their file whole.

The threads are kept and reused: ``Thread.start`` waits until the new thread runs,
which on a loaded machine kept the app's own thread (and so the next key) waiting
for each search as you type. A call goes to an idle thread when there is one, and
a new thread is started only when every thread is busy (calls never wait for one
another: a worker waiting on a lock never holds up the next search).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["DaemonExecutor"]

T = TypeVar("T")


class DaemonExecutor(ThreadPoolExecutor):
    """Runs each call in a new daemon thread; :meth:`shutdown` never waits.

    A ``ThreadPoolExecutor`` only because asyncio accepts no other as a loop's default
    executor: its own pool of threads (joined at exit) is never started.
    """

    def __init__(self, name: str = "wardtui-worker") -> None:
        super().__init__(max_workers=1, thread_name_prefix=name)
        self._name = name
        self._count = 0
        self._lock = threading.Lock()
        self._closed = False
        self._calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._idle = threading.Semaphore(0)  # one token per thread waiting for a call

    def submit(
        self, fn: Callable[..., T], /, *args: Any, **kwargs: Any
    ) -> Future[T]:
        """Run ``fn(*args, **kwargs)`` in an idle daemon thread, or a new one; its future."""
        with self._lock:
            if self._closed:
                raise RuntimeError("cannot schedule new work after shutdown")
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:  # noqa: BLE001 - handed to whoever awaits the future
                future.set_exception(error)
            else:
                future.set_result(result)

        self._calls.put(run)
        if not self._idle.acquire(blocking=False):  # every thread is busy: one more
            with self._lock:
                self._count += 1
                name = f"{self._name}-{self._count}"
            threading.Thread(target=self._serve, name=name, daemon=True).start()
        return future

    def _serve(self) -> None:
        """A thread's life: run the calls handed to it, one after the other, for ever
        (a daemon: the process never waits for it)."""
        while True:
            self._calls.get()()
            self._idle.release()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Accept no more work; threads still running are left to end (or to be dropped
        when the process exits): never waited for."""
        with self._lock:
            self._closed = True
