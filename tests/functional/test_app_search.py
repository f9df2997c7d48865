"""Search in the app: the bar, the results in the tree's place, the reader's matches.

Driven headless on the sample corpus. There is no debounce: a change is searched at
once, or once the search running ends; :func:`appdriver.settle` waits for the
workers, so nothing sleeps.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from appdriver import drive, main_of, make_app, press, settle
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Static

from wardtui.app.article_text import NO_MARKS
from wardtui.app.screens.main import MainScreen
from wardtui.app.widgets import search_pane
from wardtui.app.widgets.reader import Reader
from wardtui.app.widgets.results import ResultList, SearchResults
from wardtui.app.widgets.search_bar import SearchBar
from wardtui.app.widgets.search_pane import BUILDING
from wardtui.library import Library, LibraryError
from wardtui.search import parse_query

HOI_PHU = "Phường Hội Phú tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua"


def keys_for(text: str) -> list[str]:
    return ["space" if c == " " else c for c in text]


async def type_query(pilot: Pilot[Any], text: str) -> None:
    """``/`` then ``text``, key by key; then wait for the searches."""
    await press(pilot, "slash", *keys_for(text))


def left_pane(screen: MainScreen) -> str | None:
    return screen.query_one("#left", ContentSwitcher).current


def count_text(screen: MainScreen) -> str:
    static, hints = (screen.query_one(f"#results-{part}", Static) for part in ("count", "hints"))
    shown = [str(static.render())]
    return "  ·  ".join([*shown, str(hints.render())] if hints.display else shown)


def titles(results: SearchResults) -> list[str]:
    return [r.summary.title for r in results.results]


def test_typing_shows_the_results_and_escape_brings_the_tree_back(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        assert left_pane(screen) == "tree"
        await type_query(pilot, "dan van kheo")
        bar = screen.query_one("#search", SearchBar)
        assert screen.focused is bar and bar.value == "dan van kheo"
        assert left_pane(screen) == "search-pane"
        results = screen.query_one("#results", SearchResults)
        assert titles(results)[0].startswith(HOI_PHU)
        assert results.query_text == "dan van kheo"
        assert count_text(screen) == "1 result"
        await press(pilot, "escape")
        assert bar.value == "" and left_pane(screen) == "tree"
        assert screen.focused is screen.ward_tree
        # from the results too; and an emptied query brings the tree back
        await type_query(pilot, "dan")
        assert count_text(screen) == "5 results"
        await press(pilot, "down")
        assert isinstance(screen.focused, ResultList)
        await press(pilot, "escape")
        assert bar.value == "" and left_pane(screen) == "tree"
        assert screen.focused is screen.ward_tree
        await type_query(pilot, "da")
        assert left_pane(screen) == "search-pane"
        await press(pilot, "backspace", "backspace")
        assert left_pane(screen) == "tree" and results.results == []

    drive(make_app(library), scenario)


def test_enter_and_down_move_into_the_results(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        results = screen.query_one("#results", SearchResults)
        await type_query(pilot, "dan")
        await press(pilot, "enter")
        assert screen.focused is results.option_list
        assert results.option_list.highlighted == 0
        await press(pilot, "j")
        assert results.option_list.highlighted == 1
        await press(pilot, "slash")
        assert isinstance(screen.focused, SearchBar)
        await press(pilot, "down")
        assert screen.focused is results.option_list

    drive(make_app(library), scenario)


def test_opening_a_result_marks_the_matches_and_n_steps_through_them(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        reader = screen.reader
        await type_query(pilot, "dan van kheo")
        await press(pilot, "enter", "enter")
        assert screen.focused is reader
        assert reader.article is not None and reader.article.title.startswith(HOI_PHU)
        assert reader.search_query is not None and reader.search_query.text == "dan van kheo"
        assert len(reader.match_lines) >= 3  # the title and several paragraphs
        assert reader.current_match == 0
        assert reader.current_match_line == reader.match_lines[0]
        assert screen.ward_tree.current_article_id == reader.article_id
        await press(pilot, "n")
        assert reader.current_match_line == reader.match_lines[1]
        await press(pilot, "n")
        assert reader.current_match_line == reader.match_lines[2]
        assert reader.scroll_offset.y == min(reader.match_lines[2], reader.max_scroll_y)
        await press(pilot, "N")
        assert reader.current_match_line == reader.match_lines[1]
        await press(pilot, "N", "N")  # before the first: the last
        assert reader.current_match_line == reader.match_lines[-1]
        # escape: back to the results, which are still there
        await press(pilot, "escape")
        assert isinstance(screen.focused, ResultList)
        assert left_pane(screen) == "search-pane"

    drive(make_app(library), scenario)


def test_b_on_a_result_bookmarks_it_and_is_bookmarked_lists_only_it(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        results = screen.query_one("#results", SearchResults)
        await type_query(pilot, "dan van kheo")
        await press(pilot, "down", "b")
        store = pilot.app.bookmarks
        assert store is not None
        article_id = results.results[0].id
        assert store.ids() == {article_id}
        assert article_id in results.marked
        prompt = results.option_list.get_option_at_index(0).prompt
        assert str(prompt).startswith("★ ")
        await press(pilot, "escape")
        await type_query(pilot, "is:bookmarked")
        assert [r.id for r in results.results] == [article_id]
        assert count_text(screen) == "1 result"
        # removing the bookmark from the results runs the search again
        await press(pilot, "down", "b")
        assert store.ids() == set() and results.results == []
        assert count_text(screen) == "No results"

    drive(make_app(library), scenario)


@pytest.mark.parametrize("query", ['"', "ward:", '"dan van', "-", "year:abc", "ward:\"", ":"])
def test_a_malformed_query_shows_a_hint_or_no_results(library: Library, query: str) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await type_query(pilot, query)
        assert pilot.app.is_running
        assert left_pane(screen) == "search-pane"
        text = count_text(screen)
        results = screen.query_one("#results", SearchResults)
        assert results.query_text == query
        assert text.startswith(("No results", "1 result")) or "results" in text
        if query == "ward:":
            assert "ignored ward: with no value" in text

    drive(make_app(library), scenario)


def test_markup_in_a_query_is_literal(hostile_library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await type_query(pilot, "[bold]")
        bar = screen.query_one("#search", SearchBar)
        assert bar.value == "[bold]" and pilot.app.is_running
        results = screen.query_one("#results", SearchResults)
        assert results.query_text == "[bold]" and len(results.results) == 1
        prompt = str(results.option_list.get_option_at_index(0).prompt)
        assert "[bold]chú ý[/bold] [@click=app.quit]bấm[/]" in prompt  # shown as written
        await press(pilot, "escape")
        await type_query(pilot, "[@click=app.quit]")
        assert pilot.app.is_running and len(results.results) == 1
        await press(pilot, "enter", "enter")  # open it: the reader shows it, the app runs on
        assert pilot.app.is_running and screen.reader.article is not None
        assert screen.reader.text_lines[0].startswith("Phường Mỹ An [bold]chú ý[/bold]")

    drive(make_app(hostile_library), scenario)


def test_until_the_index_is_ready_the_results_say_so(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        pane = screen.search_pane
        assert pane.index is not None  # built after the library opened
        pane.index = None  # as if it were still being built
        await type_query(pilot, "dan van kheo")
        assert count_text(screen) == BUILDING
        assert pane.results.results == []
        pane.build_index()
        await settle(pilot)
        assert pane.index is not None
        assert titles(pane.results)[0].startswith(HOI_PHU)

    drive(make_app(library), scenario)


def test_keys_typed_while_a_search_runs_search_only_the_latest_query(
        library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """No debounce: the first key searches at once; the keys typed while that search
    runs are searched once it ends, as one query (the latest), and only the latest
    query's results are ever painted."""
    started: list[str] = []
    release = threading.Event()
    real = search_pane.search

    def slow_first(index: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        started.append(query.text)
        if len(started) == 1:
            assert release.wait(30), "the test never released the first search"
        return real(index, query, *args, **kwargs)

    painted: list[str] = []
    show = SearchResults.show_results

    def recording(self: SearchResults, results: Any, query: Any, **kwargs: Any) -> None:
        painted.append(query if isinstance(query, str) else query.text)
        show(self, results, query, **kwargs)

    monkeypatch.setattr(search_pane, "search", slow_first)
    monkeypatch.setattr(SearchResults, "show_results", recording)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await pilot.press("slash", "d")
        await pilot.pause()
        assert started == ["d"] and screen.search_pane.running  # at once: no timer
        await pilot.press("a", "n")  # while "d" is searched
        await pilot.pause()
        assert started == ["d"] and painted == []  # waiting, not searched beside it
        release.set()
        await settle(pilot)
        assert started == ["d", "dan"]  # "da" was never searched: only the latest
        assert painted == ["dan"]  # the answer for "d" was stale: never shown
        assert count_text(screen) == "5 results"
        assert not screen.search_pane.running

    try:
        drive(make_app(library), scenario)
    finally:
        release.set()


def test_a_search_out_of_date_is_stopped_and_the_latest_runs_without_waiting(
        library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: a key typed while the search of an earlier query runs stops that search
    (its SQLite query interrupted) instead of waiting for its end: here it would never
    end. The latest query's results show; the stopped one paints nothing and says
    nothing (no notice, no hint), and the connections serve on."""
    from wardtui.search import SearchIndex

    real = SearchIndex.begin
    armed: list[Any] = []  # the connection of the endless search, once it runs
    running, interrupted = threading.Event(), threading.Event()

    def endless_once(self: SearchIndex, conn: Any) -> int:
        stamp = real(self, conn)
        if armed == [True]:
            armed[0] = conn
            running.set()
            try:
                conn.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c)"
                             " SELECT count(*) FROM c").fetchone()
            finally:
                interrupted.set()
        return stamp

    painted: list[str] = []
    show = SearchResults.show_results

    def recording(self: SearchResults, results: Any, query: Any, **kwargs: Any) -> None:
        painted.append(query if isinstance(query, str) else query.text)
        show(self, results, query, **kwargs)

    monkeypatch.setattr(SearchIndex, "begin", endless_once)
    monkeypatch.setattr(SearchResults, "show_results", recording)
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        armed.append(True)
        await pilot.press("slash", "d", "a")  # "d" asks for more; "da" never ends
        try:
            assert await asyncio.to_thread(running.wait, 30)
            await pilot.press("n")
            assert await asyncio.to_thread(interrupted.wait, 10), "not stopped: still waiting"
        finally:
            if not interrupted.is_set() and armed and armed[0] is not True:
                armed[0].interrupt()  # let the app end
        await settle(pilot)
        assert count_text(screen) == "5 results"
        assert "da" not in painted and painted[-1] == "dan"
        assert not screen.search_pane.running
        assert not any("search" in m.lower() for m in app.messages), app.messages
        await press(pilot, "space", "v", "a", "n")  # the pool serves on
        assert count_text(screen).endswith("results") and painted[-1] == "dan van"

    drive(app, scenario)


def test_the_tree_stays_until_the_results_are_ready(library: Library,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The results replace the tree once there is something to show (one refresh, not
    an empty pane a frame earlier); ``enter`` before that goes to the results all the
    same."""
    release = threading.Event()
    real = search_pane.search

    def slow(index: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        assert release.wait(30), "the test never released the search"
        return real(index, query, *args, **kwargs)

    monkeypatch.setattr(search_pane, "search", slow)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await pilot.press("slash", "d", "a", "n")
        await pilot.pause()
        assert screen.search_pane.running and left_pane(screen) == "tree"
        await pilot.press("enter")  # before the results: the focus goes to them anyway
        await pilot.pause()
        assert left_pane(screen) == "search-pane"
        assert isinstance(screen.focused, ResultList)
        release.set()
        await settle(pilot)
        assert count_text(screen) == "5 results" and left_pane(screen) == "search-pane"
        await press(pilot, "escape")
        assert left_pane(screen) == "tree"
        await press(pilot, "slash", "d", "a", "n")  # an answer at once: shown with it
        assert left_pane(screen) == "search-pane" and count_text(screen) == "5 results"

    try:
        drive(make_app(library), scenario)
    finally:
        release.set()


def test_the_index_is_warm_before_the_first_query(library: Library,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """The vocabulary every search reads first is loaded with the index (at 100,000
    articles the first search took ~0.45 s more without it)."""
    from wardtui.search import SearchIndex

    loaded: list[int] = []
    real = SearchIndex.vocabulary

    def recording(self: SearchIndex, conn: Any, stamp: int) -> Any:
        loaded.append(stamp)
        return real(self, conn, stamp)

    monkeypatch.setattr(SearchIndex, "vocabulary", recording)

    async def scenario(pilot: Pilot[Any]) -> None:
        pane = main_of(pilot).search_pane
        assert pane.index is not None and pane.results.results == []
        assert len(loaded) == 1  # before anything was typed

    drive(make_app(library), scenario)


def test_keys_that_come_together_are_searched_once(library: Library,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A query pasted (or typed faster than the app reads) is searched once, whole: the
    bar's changes that are already out of date are not searched."""
    calls: list[str] = []
    real = search_pane.search

    def counting(index: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append(query.text)
        return real(index, query, *args, **kwargs)

    monkeypatch.setattr(search_pane, "search", counting)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, "slash")
        bar = screen.query_one(SearchBar)
        for text in ("d", "da", "dan"):  # three changes queued before any is handled
            bar.value = text
        await settle(pilot)
        assert calls == ["dan"]
        assert count_text(screen) == "5 results"

    drive(make_app(library), scenario)


def test_a_stale_response_is_dropped(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await type_query(pilot, "dan van kheo")
        pane = screen.search_pane
        assert pane.index is not None
        old = search_pane.search(pane.index, "dan")
        pane.show(parse_query("dan"), old)  # an answer to an earlier keystroke
        assert pane.results.query_text == "dan van kheo"
        assert len(pane.results.results) == 1

    drive(make_app(library), scenario)


def test_a_failing_search_is_a_notice(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise LibraryError("disk on fire")

    monkeypatch.setattr(search_pane, "search", broken)
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await type_query(pilot, "dan")
        assert pilot.app.is_running
        assert any("The search failed: disk on fire" in m for m in app.messages)

    drive(app, scenario)


def test_a_late_answer_for_an_earlier_request_is_not_shown(library: Library) -> None:
    """The tree's preview of an article may come back after the same article was opened
    from the results: the marks of the query stay."""
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        reader = screen.reader
        await type_query(pilot, "dan van kheo")
        await press(pilot, "enter", "enter")
        article = reader.article
        assert article is not None and reader.search_query is not None
        late = Reader._Loaded(reader._request - 1, article.id, article, None, NO_MARKS)
        reader.post_message(late)
        await settle(pilot)
        assert reader.search_query is not None and reader.match_lines

    drive(make_app(library), scenario)


def test_typing_and_previewing_lay_out_nothing_but_the_results(
        library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: a key typed in the bar and an article previewed from the results used to
    lay out the whole screen (their virtual sizes are layout reactives in Textual); only
    their scroll positions depend on them, so they are only repainted now."""
    import sys

    from textual.reactive import Reactive
    from textual.widget import Widget

    laid_out: list[str] = []
    refresh = Widget.refresh

    def recording(self: Widget, *regions: Any, **kwargs: Any) -> Any:
        if kwargs.get("layout") and isinstance(self, (SearchBar, Reader, ResultList)):
            setter = sys._getframe(1).f_locals.get("self")  # a reactive being set, if any
            if isinstance(setter, Reactive) and setter.name == "virtual_size":
                laid_out.append(type(self).__name__)
        return refresh(self, *regions, **kwargs)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, "slash")
        monkeypatch.setattr(Widget, "refresh", recording)
        await type_query(pilot, "hoi nghi")
        await press(pilot, "enter", "down", "down")
        assert screen.reader.article_id == screen.search_pane.results.results[2].id
        assert laid_out == []

    drive(make_app(library), scenario)
