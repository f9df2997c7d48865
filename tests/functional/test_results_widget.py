"""The search results widget in a tiny harness app, driven with Pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from wardtui.app.widgets.results import (
    ResultList,
    SearchResults,
    count_line,
    result_lines,
    result_text,
)
from wardtui.library import ArticleSummary, Library
from wardtui.search import SearchIndex, SearchResult, search

HOSTILE_TITLE = "Phường Mỹ An [bold]chú ý[/bold] [@click=app.quit]bấm[/] đảng"


def _result(article_id: str, title: str, *, snippet: str | None = None,
            title_spans: tuple[tuple[int, int], ...] = (),
            snippet_spans: tuple[tuple[int, int], ...] = ()) -> SearchResult:
    summary = ArticleSummary(article_id, title, "Mỹ An", "phường", "2022-03-05", "Thanh Tâm",
                             None, "/x.txt", 10)
    return SearchResult(summary, 3, title_spans, (), snippet, snippet_spans)


class Harness(App[None]):
    """One SearchResults widget; records the messages it posts."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []
        self.queries: list[str] = []
        self.cancelled = 0

    def compose(self) -> ComposeResult:
        yield SearchResults()

    def on_search_results_opened(self, message: SearchResults.Opened) -> None:
        self.opened.append(message.article_id)
        self.queries.append(message.query_text)

    def on_search_results_cancelled(self, _: SearchResults.Cancelled) -> None:
        self.cancelled += 1


def run(scenario: Callable[[Harness, Pilot[Any]], Awaitable[None]]) -> Harness:
    app = Harness()

    async def main() -> None:
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            await scenario(app, pilot)

    asyncio.run(main())
    return app


def count_text(app: Harness) -> str:
    hints = app.query_one("#results-hints")
    shown = [str(app.query_one("#results-count").render())]
    return "  ·  ".join([*shown, str(hints.render())] if hints.display else shown)


def test_show_results_lists_every_result_with_a_count() -> None:
    results = [_result("a1", "Dân vận khéo", title_spans=((0, 3),)), _result("b2", "Đảng ủy")]

    async def scenario(app: Harness, pilot: Pilot[Any]) -> None:
        widget = app.query_one(SearchResults)
        widget.show_results(results, "dan")
        await pilot.pause()
        assert widget.option_list.option_count == 2
        assert "2 results" in count_text(app)
        widget.show_results(results[:1], "dan", total=40, hints=["ignored '*'"])
        await pilot.pause()
        assert "1-1 of 40 results" in count_text(app)
        assert "ignored '*'" in count_text(app)
        widget.show_results([], "xyz")
        await pilot.pause()
        assert widget.option_list.option_count == 0
        assert "No results" in count_text(app)

    run(scenario)


def test_enter_opens_the_highlighted_result_and_escape_cancels() -> None:
    results = [_result("a1", "Một"), _result("b2", "Hai"), _result("c3", "Ba")]

    async def scenario(app: Harness, pilot: Pilot[Any]) -> None:
        widget = app.query_one(SearchResults)
        widget.show_results(results, "x")
        widget.focus()
        await pilot.pause()
        assert isinstance(app.focused, ResultList)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert widget.highlighted_result is not None
        assert widget.highlighted_result.id == "b2"
        await pilot.press("j", "enter")
        await pilot.press("escape")
        await pilot.pause()

    app = run(scenario)
    assert app.opened == ["b2", "c3"]
    assert app.cancelled == 1


def test_click_opens_a_result() -> None:
    async def scenario(app: Harness, pilot: Pilot[Any]) -> None:
        app.query_one(SearchResults).show_results([_result("a1", "Một")], "mot")
        await pilot.pause()
        await pilot.click(ResultList, offset=(2, 1))  # its second line
        await pilot.pause()

    assert run(scenario).opened == ["a1"]


def test_markup_in_titles_and_snippets_shows_literally() -> None:
    result = _result("h1", HOSTILE_TITLE, snippet="[red]x[/red] [link=http://x]y[/link]",
                     title_spans=((len(HOSTILE_TITLE) - 4, len(HOSTILE_TITLE)),))

    async def scenario(app: Harness, pilot: Pilot[Any]) -> None:
        widget = app.query_one(SearchResults)
        widget.show_results([result], "dang")
        await pilot.pause()
        prompt = widget.option_list.get_option_at_index(0).prompt
        assert isinstance(prompt, Text)
        assert "[bold]chú ý[/bold] [@click=app.quit]bấm[/]" in prompt.plain
        assert "[red]x[/red] [link=http://x]y[/link]" in prompt.plain
        screen = "\n".join(
            "".join(seg.text for seg in widget.option_list.render_line(y)) for y in range(4))
        assert "[@click=app.quit]" in screen
        await pilot.click(ResultList, offset=(16, 2))  # on the snippet's "[link=…]" text
        await pilot.pause()
        assert app.is_running

    app = run(scenario)
    assert app.opened == ["h1"]


def test_result_text_highlights_the_matched_characters() -> None:
    result = _result("a1", "Đảng ủy phường", title_spans=((0, 4),), snippet="…giải phóng mặt bằng",
                     snippet_spans=((1, 20),))
    lines = result_lines(result, match="bold")
    assert [line.plain for line in lines] == [
        "Đảng ủy phường", "phường Mỹ An · 05/03/2022 · Thanh Tâm", "…giải phóng mặt bằng"]
    title_spans = [(s.start, s.end) for s in lines[0].spans if str(s.style) == "bold"]
    assert title_spans == [(0, 4)]
    assert any((s.start, s.end) == (1, 20) for s in lines[2].spans)
    assert result_text(result).plain.count("\n") == 2
    cut = result_text(result, width=10).plain.split("\n")
    assert cut[0] == "Đảng ủy phường" and len(cut[2]) == 10 and cut[2].endswith("…")


def test_count_line_wording() -> None:
    assert count_line(0, 0).plain == "No results"
    assert count_line(1, 1).plain == "1 result"
    assert count_line(50, 1234).plain == "1-50 of 1,234 results"
    assert count_line(50, 3626, 50).plain == "51-100 of 3,626 results"


def test_real_search_results_render(library: Library) -> None:
    response = search(SearchIndex.build(library), "giai phong mat bang")
    assert response.results

    async def scenario(app: Harness, pilot: Pilot[Any]) -> None:
        widget = app.query_one(SearchResults)
        widget.show_results(response.results, "giai phong mat bang", total=response.total)
        widget.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    app = run(scenario)
    assert app.opened == [response.results[0].id]
    assert app.queries == ["giai phong mat bang"]
