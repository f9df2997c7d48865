"""The app's worker threads (wardtui.app.threads.DaemonExecutor): daemons, reused, and
never queued behind one another."""

from __future__ import annotations

import threading

import pytest

from wardtui.app.threads import DaemonExecutor

GUARD = 30.0  # seconds: only a deadlock would wait this long


def test_an_idle_thread_is_reused_for_the_next_call() -> None:
    executor = DaemonExecutor("test-reuse")
    threads = {executor.submit(threading.current_thread).result(GUARD) for _ in range(50)}
    # one after the other: one thread, or two when a call came while the thread that
    # had just answered was not back waiting yet (it had not been counted idle)
    assert 1 <= len(threads) <= 2
    assert all(thread.daemon and thread.name.startswith("test-reuse-") for thread in threads)
    executor.shutdown()


def test_a_blocked_call_never_holds_up_the_next() -> None:
    executor = DaemonExecutor("test-busy")
    release = threading.Event()
    blocked = executor.submit(release.wait, GUARD)
    later = executor.submit(lambda: threading.current_thread().name)
    assert later.result(GUARD) == "test-busy-2"  # a thread of its own, at once
    assert not blocked.done()
    release.set()
    assert blocked.result(GUARD) is True
    executor.shutdown()


def test_failures_reach_the_future_and_the_thread_serves_on() -> None:
    executor = DaemonExecutor("test-fail")

    def fail() -> None:
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        executor.submit(fail).result(GUARD)
    assert executor.submit(lambda: 42).result(GUARD) == 42
    executor.shutdown()


def test_after_shutdown_no_call_is_taken_and_nothing_is_waited_for() -> None:
    executor = DaemonExecutor("test-shutdown")
    release = threading.Event()
    running = executor.submit(release.wait, GUARD)
    executor.shutdown(wait=True)  # returns although a call is still running
    assert not running.done()
    with pytest.raises(RuntimeError):
        executor.submit(lambda: None)
    release.set()
    assert running.result(GUARD) is True
