"""Memory in the app: searching and previewing again and again keeps nothing for good.

Each focus change recomposes the footer (new keys); each search shows a new page of
results and previews an article. What is gone from the screen must become garbage:
counted with :mod:`gc` after a collection, never by the process's size (noisy).
"""

from __future__ import annotations

import gc
from typing import Any

from appdriver import drive, make_app, press
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from wardtui.library import Library

QUERIES = ("hoi nghi", "dan van", "tong ket")


def alive(kind: type[object]) -> int:
    """How many objects of ``kind`` are alive, after a full collection."""
    gc.collect()
    return sum(1 for item in gc.get_objects() if isinstance(item, kind))


async def search_and_preview(pilot: Pilot[Any], query: str) -> None:
    """Back to the tree, ``/``, the query, into the results, the next one previewed."""
    await press(pilot, "escape", "escape", "slash",
                *["space" if c == " " else c for c in query])
    await press(pilot, "enter", "down")


def test_searches_leave_no_footer_keys_or_widgets_behind(library: Library) -> None:
    counts: list[tuple[int, int]] = []

    async def scenario(pilot: Pilot[Any]) -> None:
        for _ in range(6):
            for query in QUERIES:
                await search_and_preview(pilot, query)
            counts.append((alive(FooterKey), alive(Widget)))

    drive(make_app(library), scenario)
    # (Counted from the second round: the first makes what is then kept, and apps of
    # other tests in this process may still be about.) The footer's keys of earlier
    # focuses are freed: a data binding's watcher held every key ever made, ~10 more
    # for each focus change (several a search), for good.
    keys = [footer_keys for footer_keys, _ in counts][1:]
    assert max(keys) - min(keys) <= 2, keys
    # Nor does any other widget pile up: the same screens, the same widgets alive.
    widgets = [total for _, total in counts][1:]
    assert max(widgets) - min(widgets) <= 5, widgets
