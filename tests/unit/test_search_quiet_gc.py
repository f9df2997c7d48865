"""The app's full garbage collections wait for a pause (wardtui.app.quiet_gc)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Iterator

import pytest

from wardtui.app.quiet_gc import GROWTH, IDLE, QuietCollector


class FakeTimer:
    def __init__(self, seconds: float, callback: Callable[[], None]) -> None:
        self.seconds = seconds
        self.callback = callback
        self.stopped = False

    def stop(self) -> None:
        self.stopped = True


class Cycle:
    """An object kept alive only by a reference cycle once dropped."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector() -> Iterator[tuple[QuietCollector, list[FakeTimer]]]:
    timers: list[FakeTimer] = []

    def set_timer(seconds: float, callback: Callable[[], None]) -> FakeTimer:
        timers.append(FakeTimer(seconds, callback))
        return timers[-1]

    quiet = QuietCollector(set_timer)
    try:
        yield quiet, timers
    finally:
        quiet.close()
        gc.collect()


def test_nothing_changes_before_the_first_search(
        collector: tuple[QuietCollector, list[FakeTimer]]) -> None:
    quiet, timers = collector
    assert not quiet.installed and not timers
    assert gc.get_freeze_count() == 0


def test_a_search_freezes_the_app_and_what_survives_a_full_collection(
        collector: tuple[QuietCollector, list[FakeTimer]]) -> None:
    quiet, _timers = collector
    quiet.active()
    frozen = gc.get_freeze_count()
    assert frozen > 0  # what the app holds now
    kept = [Cycle() for _ in range(100)]
    gc.collect()  # a full collection, as Python starts by itself
    assert gc.get_freeze_count() >= frozen + len(kept)  # out of the next one's way
    assert gc.get_count()[2] == 0


def test_the_full_collection_waits_for_a_pause_and_reclaims_frozen_garbage(
        collector: tuple[QuietCollector, list[FakeTimer]]) -> None:
    quiet, timers = collector
    quiet.active()
    quiet.active()  # the next key: the pause starts again
    assert [t.seconds for t in timers] == [IDLE, IDLE]
    assert timers[0].stopped and not timers[1].stopped
    garbage = Cycle()
    seen = weakref.ref(garbage)
    gc.collect()  # frozen while still alive
    del garbage  # then garbage: no automatic collection sees it any more
    gc.collect()
    assert seen() is not None
    timers[1].callback()  # the user paused
    assert quiet.collections == 1
    assert seen() is None  # the frozen cycle was reclaimed
    assert gc.get_freeze_count() > 0  # and what lives is frozen again


def test_close_gives_python_its_defaults_back(
        collector: tuple[QuietCollector, list[FakeTimer]]) -> None:
    quiet, timers = collector
    quiet.active()
    quiet.close()
    assert gc.get_freeze_count() == 0
    assert quiet._after not in gc.callbacks
    assert timers[-1].stopped


def test_no_collection_between_a_search_and_its_results(
        collector: tuple[QuietCollector, list[FakeTimer]]) -> None:
    quiet, timers = collector
    assert gc.isenabled()
    quiet.active()  # a search starts
    assert not gc.isenabled()
    quiet.settled()  # its results are painted
    assert gc.isenabled()
    quiet.active()
    timers[-1].callback()  # no results came (whatever happened): the pause turns it back on
    assert gc.isenabled()
    quiet.active()
    quiet.close()
    assert gc.isenabled()


def test_frozen_garbage_is_reclaimed_without_a_pause_once_it_has_grown(
        collector: tuple[QuietCollector, list[FakeTimer]]) -> None:
    # A user searching with no pause of IDLE seconds: the timers never fire. Cycles
    # frozen while alive and dropped since must not be kept for good.
    quiet, _timers = collector
    quiet.active()
    quiet.settled()
    kept = gc.get_freeze_count()
    seen: list[weakref.ref[Cycle]] = []
    while quiet.collections == 0:
        assert len(seen) < 10 * GROWTH * kept, "the frozen garbage grew without bound"
        quiet.active()  # a search starts
        garbage = [Cycle() for _ in range(max(1, kept // 20))]
        seen.extend(weakref.ref(g) for g in garbage)
        gc.collect()  # a full collection while they live: frozen
        del garbage  # then garbage
        quiet.settled()  # the results are painted
    assert all(ref() is None for ref in seen)  # all reclaimed
    assert gc.get_freeze_count() <= GROWTH * kept
