"""A slow count for tests (issue 15): the totals a search counts on another connection
are held until the test lets them go, so that a test sees the page of results before its
total without any sleep (the held thread waits on an event, a number of rounds as a hang
guard, and gives up as a count does when its search is stopped)."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from wardtui.search import SearchIndex
from wardtui.search.fts import COUNT
from wardtui.search.index import Ahead
from wardtui.search.stop import current, stopping


def hold_counts(monkeypatch: pytest.MonkeyPatch, guard: float) -> threading.Event:
    """Hold every count made on another connection until the event returned is set (or
    ``guard`` seconds have passed, or the search is stopped)."""
    release = threading.Event()
    real = SearchIndex.elsewhere

    def elsewhere(self: SearchIndex, stamp: int, sql: str, args: tuple[Any, ...]) -> Ahead:
        if sql != COUNT:
            return real(self, stamp, sql, args)
        ahead, stop = Ahead(), current()

        def run() -> None:
            for _ in range(int(guard * 100)):  # held: released, or stopped like a count
                if release.wait(0.01) or (stop is not None and stop.stopped):
                    break
            try:
                with stopping(stop):
                    row = real(self, stamp, sql, args)()
                ahead.future.set_result(row)
            except BaseException as error:  # noqa: BLE001 - handed to the caller
                ahead.future.set_exception(error)

        threading.Thread(target=run, daemon=True).start()
        return ahead

    monkeypatch.setattr(SearchIndex, "elsewhere", elsewhere)
    return release
