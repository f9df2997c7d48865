"""The app shows a page of results before its total is counted, then the total (issue 15);
the results replace the tree in the refresh that lists them.

A count over the bodies (a short prefix, a phrase) took 40-200 ms at 100,000 articles
after the page was ready: the rows come first, with a lower bound ("1-1 of 4+
results"), and the same worker then counts the total. Here the count made on another
connection is held until the test lets it go (no sleep: the test waits on the app's
own state, a number of rounds as a hang guard).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from appdriver import drive, main_of, make_app, settle, until
from tests.search_hold import hold_counts
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Static

from wardtui.app.widgets import search_pane
from wardtui.app.widgets.results import SearchResults
from wardtui.library import Library
from wardtui.search import parse_query, search
from wardtui.search.fts import COUNT

HANG_GUARD = 60.0  # seconds: a held count is let go after this even if never released


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Counts made on another connection wait until the event is set (a slow count);
    a page of one result, so that the sample corpus has more matches than a page."""
    release = hold_counts(monkeypatch, HANG_GUARD)
    monkeypatch.setattr(search_pane, "LIMIT", 1)
    yield release
    release.set()


def _count_line(pilot: Pilot[Any]) -> str:
    return str(main_of(pilot).query_one("#results-count", Static).render())


def _plain_count(library: Library, word: str) -> int:
    return int(library.conn.execute(COUNT, (f'"{word}"',)).fetchone()[0])


async def _shown(pilot: Pilot[Any], text: str) -> SearchResults:
    """Wait (no settle: the worker is held) until the results of ``text`` are listed."""
    results = main_of(pilot).query_one("#results", SearchResults)
    for _ in range(500):  # a hang guard, not a timing
        if results.query_text == text and results.results:
            break
        await pilot.pause()
    assert results.query_text == text and results.results
    return results


def test_the_rows_are_shown_while_the_total_is_counted(library: Library,
                                                       held: threading.Event) -> None:
    expected = _plain_count(library, "phuong")
    assert expected > 1

    async def scenario(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"phuong")
        results = await _shown(pilot, "phuong")
        screen = main_of(pilot)
        assert screen.query_one("#left", ContentSwitcher).current == "search-pane"
        line = _count_line(pilot)
        assert line.startswith("1-1 of ") and line.endswith("+ results"), line
        assert results.counting and 1 <= results.total <= expected
        assert any(w.name == "_search" and not w.is_finished for w in pilot.app.workers)
        held.set()
        await settle(pilot)
        assert _count_line(pilot) == f"1-1 of {expected:,} results"
        assert results.total == expected and not results.counting

    drive(make_app(library), scenario)


def test_a_newer_query_stops_the_count_and_is_shown(library: Library,
                                                     held: threading.Event) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await pilot.press("slash", *"phuong")
        await _shown(pilot, "phuong")
        await pilot.press("backspace", "backspace")  # "phuo": the held count is stopped
        held.set()
        results = main_of(pilot).query_one("#results", SearchResults)
        await until(pilot, lambda: results.query_text == "phuo" and not results.counting)
        line = _count_line(pilot)
        assert line.startswith("1-1 of ") and line.endswith(" results") and "+" not in line
        assert not any(w.name == "_search" and not w.is_finished for w in pilot.app.workers)

    drive(make_app(library), scenario)


def test_the_results_replace_the_tree_in_the_same_refresh_as_they_are_listed(
        library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        pane = screen.query_one(search_pane.SearchPane)
        switcher = screen.query_one("#left", ContentSwitcher)
        assert switcher.current == "tree" and pane.index is not None
        response = search(pane.index, "dan", search_pane.LIMIT)
        pane.text = "dan"  # as the bar routed it
        pane.show(parse_query("dan"), response)
        # at once, not when the screen hears Ready (a frame later: one more paint)
        assert switcher.current == "search-pane"
        assert pane.results.query_text == "dan" and pane.results.results
        await settle(pilot)
        assert switcher.current == "search-pane"

    drive(make_app(library), scenario)
