"""Python's cyclic garbage collector kept away from the keys (:class:`QuietCollector`).

At 100,000 articles the app holds 50,000-120,000 objects the collector tracks (the
tree, Textual's strips and their caches, the search index's sets of rowids), and
Textual's painting leaves ~15,000 objects in cycles per second of use (strips that
cache themselves). A full collection walks every object alive: 65-80 ms on a 2-core
machine, and Python starts one by itself every second or so of typing and reading,
so a key now and then waited that long for its results (benchmarks/RESULTS.md,
issue 15). Instead, from the first search on:

* what survives a full collection is frozen (:func:`gc.freeze`): the next automatic
  one walks only what was made since (~10-25 ms), not the whole app again;
* no collection at all between a search's start and its results on screen
  (:meth:`QuietCollector.active` to :meth:`QuietCollector.settled`): even a young
  full collection walks the 10,000-30,000 objects Textual keeps alive for a while
  (10-50 ms on a busy machine), and one came in most searches; it runs once the
  results are painted;
* once the user has paused (no search for :data:`IDLE` seconds), one full
  collection runs over everything, the frozen objects too (unfreeze, collect,
  freeze): what became garbage after it was frozen is reclaimed then, so nothing
  is kept for long (and collections are back on, whatever happened);
* a user who never pauses that long does not keep frozen garbage for good: once a
  quarter more objects are frozen than after the last collection over everything
  (:data:`GROWTH`), that collection runs as soon as a search's results are painted.
  Textual's cycles frozen while alive and dropped since grew the app by 8-10 MB of
  RSS each five searches (the five of benchmarks/user_bench) without it; with twice
  as many (2.0) the RSS still grew ~7.5 MB each five, with 1.25 it levels off.

Only in a real terminal: the app under a test (headless) keeps Python's defaults.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["IDLE", "QuietCollector"]

IDLE = 3.0
"""Seconds without a search before the full collection over everything runs."""

GROWTH = 1.25
"""Frozen objects, against those left by the last collection over everything, past
which that collection runs once the results are painted (not waiting for a pause)."""


class _Timer(Protocol):
    def stop(self) -> None: ...


class QuietCollector:
    """Full collections while the user pauses; see the module docstring.

    ``set_timer(seconds, callback)`` starts a one-shot timer (a widget's
    ``set_timer``); :meth:`active` is called as a search starts, :meth:`settled` once
    its results are painted (or it ended without any); :meth:`close` gives Python's
    collector back its default behaviour.
    """

    def __init__(self, set_timer: Callable[[float, Callable[[], None]], _Timer]) -> None:
        self._set_timer = set_timer
        self._timer: _Timer | None = None
        self.installed = False
        self.collections = 0  # full collections run here (while idle, or frozen grew)
        self._kept = 0  # objects frozen after the last collection over everything

    def active(self) -> None:
        """A search starts: from now on freeze what survives a full collection (and what
        the app holds now), and put the full collection off until the user pauses."""
        if not self.installed:
            self.installed = True
            gc.callbacks.append(self._after)
            gc.freeze()
            self._kept = gc.get_freeze_count()
        gc.disable()  # until settled(), or the pause at the latest
        if self._timer is not None:
            self._timer.stop()
        self._timer = self._set_timer(IDLE, self.collect)

    def settled(self) -> None:
        """The search's results are on screen: collections may run again (the one over
        everything too, now, if the frozen objects have grown :data:`GROWTH` times)."""
        gc.enable()
        if self.installed and gc.get_freeze_count() > GROWTH * self._kept:
            if self._timer is not None:
                self._timer.stop()
            self.collect()

    def _after(self, phase: str, info: dict[str, Any]) -> None:
        """After a full collection: what is left is alive, out of the next one's way."""
        if phase == "stop" and info.get("generation") == 2:
            gc.freeze()

    def collect(self) -> None:
        """The full collection over the frozen objects too (then frozen again)."""
        self._timer = None
        gc.enable()
        gc.unfreeze()
        gc.collect()
        gc.freeze()  # (_after did it already when installed; again is harmless)
        self._kept = gc.get_freeze_count()
        self.collections += 1

    def close(self) -> None:
        """Back to Python's defaults: nothing frozen, no callback, no timer."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        gc.enable()
        if self.installed:
            self.installed = False
            gc.callbacks.remove(self._after)
            gc.unfreeze()
