"""The search results: a count line and a list of articles, the matches highlighted.

:class:`SearchResults` is shown in the tree's place while the query is not
empty, inside :class:`~wardtui.app.widgets.search_pane.SearchPane`, which calls
:meth:`SearchResults.show_results` with what :func:`wardtui.search.search`
found; the widget posts :class:`SearchResults.Opened` when an article is chosen
(``enter`` or a click), with the parsed query whose matches the reader marks,
and :class:`SearchResults.Cancelled` on ``escape``.

The list itself is :class:`~wardtui.app.widgets.result_list.ResultList`, which
styles and paints only the results in sight; a result's text is made by
:mod:`~wardtui.app.widgets.result_rows` (a :class:`rich.text.Text` built from
plain strings, the highlights applied as spans: a title holding ``[bold]`` or
``[@click=app.quit]`` shows those characters, never markup).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static

from ...corpus.clean import safe_line
from ...labels import plural
from ...search import TYPE_MORE, Query, SearchResult, parse_query
from .result_list import Look, ResultList
from .result_rows import STAR, result_lines, result_text

__all__ = ["STAR", "ResultList", "SearchResults", "count_line", "result_lines", "result_text"]


def count_line(shown: int, total: int, offset: int = 0, *, type_more: bool = False,
               counting: bool = False) -> Text:
    """``12 results`` / ``51-100 of 3,626 results`` / ``No results`` / the "type more"
    sentence (a query of one letter: nothing was searched); ``counting``: ``total`` is a
    lower bound, the rest still being counted (``1-50 of 3,126+ results``)."""
    if type_more:
        return Text(TYPE_MORE)
    if total == 0 or shown == 0:
        return Text("No results" if total == 0 else f"0 of {total:,} results")
    if counting:
        return Text(f"{offset + 1:,}-{offset + shown:,} of {total:,}+ results")
    if shown >= total:
        return Text(plural(total, "result"))
    return Text(f"{offset + 1:,}-{offset + shown:,} of {total:,} results")


def hints_text(hints: Sequence[str]) -> Text:
    """The hints about the query, whole, one per line (they wrap)."""
    return Text("\n").join(Text(safe_line(hint), "italic") for hint in hints)


class SearchResults(Vertical):
    """A count line over a list of search results; see the module docstring."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "search-results--match",
        "search-results--meta",
        "search-results--snippet",
    }

    DEFAULT_CSS = """
    SearchResults {
        height: 1fr;
        & > #results-count { height: 1; padding: 0 1; color: $text-muted; }
        & > #results-hints { height: auto; padding: 0 1; color: $text-warning;
                             display: none; }
        & > ResultList { height: 1fr; border: none; }
        & > .search-results--match { text-style: bold; color: $text-warning;
                                     background: $warning-muted; }
        & > .search-results--meta { color: $text-muted; }
        & > .search-results--snippet { color: $text; text-style: italic; }
    }
    """

    class Opened(Message):
        """The user chose a result: open this article (``query``: its matches to mark)."""

        def __init__(self, article_id: str, query: Query) -> None:
            super().__init__()
            self.article_id = article_id
            self.query = query

        @property
        def query_text(self) -> str:
            """The query as typed."""
            return self.query.text

    class Previewed(Message):
        """The cursor moved onto a result in the focused list: show it (a preview)."""

        def __init__(self, article_id: str, query: Query) -> None:
            super().__init__()
            self.article_id = article_id
            self.query = query

    class PageWanted(Message):
        """The user moved past the page shown: fetch the results from ``offset``
        (``at_end``: the cursor goes on the page's last result, else its first)."""

        def __init__(self, results: SearchResults, offset: int, at_end: bool) -> None:
            super().__init__()
            self.results = results
            self.offset = offset
            self.at_end = at_end

    class Cancelled(Message):
        """The user pressed ``escape`` in the results."""

        def __init__(self, results: SearchResults) -> None:
            super().__init__()
            self.results = results

        @property
        def control(self) -> SearchResults:
            return self.results

    def __init__(self, *, id: str | None = "search-results", classes: str | None = None
                 ) -> None:
        super().__init__(id=id, classes=classes)
        self.results: list[SearchResult] = []
        self.search_query = parse_query("")  # what the results were found for
        self.total = 0
        self.counting = False  # the total is a lower bound, still being counted
        self.page_offset = 0  # the place of the first result shown, from 0
        self.page_size = 0  # results asked for per page (0: all at once)
        self.marked: Collection[str] = frozenset()  # ids shown with a ★
        self.read: Collection[str] | None = None  # ids read; the others bold (None: unknown)
        self._hints: list[str] = []  # the hints shown

    def compose(self) -> ComposeResult:
        yield Static(Text("Type to search"), id="results-count")
        yield Static(Text(""), id="results-hints")
        yield ResultList(id="results-list")

    @property
    def option_list(self) -> ResultList:
        return self.query_one(ResultList)

    def focus(self, scroll_visible: bool = True) -> SearchResults:
        """Focus the list (the container itself takes no focus)."""
        self.option_list.focus(scroll_visible)
        return self

    @property
    def query_text(self) -> str:
        """The query the results were found for, as typed."""
        return self.search_query.text

    def show_results(self, results: list[SearchResult], query: str | Query, *,
                     total: int | None = None, hints: Sequence[str] = (),
                     marked: Collection[str] | None = None, offset: int = 0,
                     page_size: int = 0, type_more: bool = False, at_end: bool = False,
                     counting: bool = False) -> None:
        """Show ``results`` for ``query`` (``total``: how many matched in all;
        ``marked``: the bookmarked ids, shown with a ★; ``offset``: the place of the first,
        from 0, in pages of ``page_size``; ``type_more``: the query is too short;
        ``at_end``: the cursor on the last result, else the first; ``counting``: ``total``
        is a lower bound until :meth:`set_total`)."""
        self.results = list(results)
        self.search_query = parse_query(query) if isinstance(query, str) else query
        self.total = len(results) if total is None else total
        self.page_offset, self.page_size = offset, page_size
        if marked is not None:
            self.marked = marked
        self.counting = counting
        self._count(count_line(len(results), self.total, offset, type_more=type_more,
                               counting=counting))
        self._show_hints(hints)
        self._render_options((len(results) - 1 if at_end else 0) if results else None)

    def set_total(self, total: int) -> None:
        """The total of the results shown, now counted: the count line says it."""
        self.total, self.counting = total, False
        self._count(count_line(len(self.results), total, self.page_offset))

    def _count(self, text: Text) -> None:
        """The count line: one row whatever it says, so no layout of the screen for it."""
        self.query_one("#results-count", Static).update(text, layout=False)

    def _show_hints(self, hints: Sequence[str]) -> None:
        if not hints and not self._hints:
            return  # none before, none now: nothing to lay out again
        self._hints = list(hints)
        line = self.query_one("#results-hints", Static)
        line.update(hints_text(hints))
        line.display = bool(hints)

    def show_status(self, text: str) -> None:
        """A line in place of the count (e.g. while the search index is being built)."""
        self._count(Text(text))

    def set_marks(self, marked: Collection[str]) -> None:
        """Show a ★ on these articles (the cursor stays where it is)."""
        if set(marked) != set(self.marked):
            self.marked = frozenset(marked)
            if self.results:
                self._restyle()

    def set_read(self, read: Collection[str]) -> None:
        """Show the titles of the articles not in ``read`` in bold."""
        if self.read is None or set(read) != set(self.read):
            self.read = frozenset(read)
            if self.results:
                self._restyle()

    def highlight_article(self, article_id: str) -> bool:
        """Put the cursor on ``article_id``'s result, if it is listed."""
        for index, result in enumerate(self.results):
            if result.id == article_id:
                self.option_list.highlighted = index
                return True
        return False

    def _look(self) -> Look:
        def style(name: str) -> Style:
            return self.get_component_rich_style(f"search-results--{name}", partial=True)

        return Look(match=style("match"), meta=style("meta"), snippet=style("snippet"),
                    marked=self.marked, read=self.read)

    def _render_options(self, highlighted: int | None) -> None:
        """List the results (styled only as they are painted)."""
        self.option_list.show(self.results, self._look(), highlighted)

    def _restyle(self) -> None:
        """The same results with new marks (★, read): the cursor and the scroll stay."""
        self.option_list.restyle(self._look())

    def cancel(self) -> None:
        """``escape`` in the list: tell the screen the user wants the tree back."""
        self.post_message(self.Cancelled(self))

    def turn_page(self, forward: bool, *, to_end: bool = False) -> bool:
        """Ask for the next (previous; with ``to_end`` the last, first) page of results;
        False if there is none."""
        page = self.page_size or 1
        if to_end:
            offset = (max(self.total - 1, 0) // page) * page if forward else 0
        else:
            offset = self.page_offset + (len(self.results) if forward else -page)
        if offset == self.page_offset or not 0 <= offset < self.total:
            return False
        at_end = forward if to_end else not forward  # where the cursor goes on that page
        self.post_message(self.PageWanted(self, max(offset, 0), at_end))
        return True

    def clear(self) -> None:
        """No query: no results."""
        self.results = []
        self.search_query = parse_query("")
        self.total = self.page_offset = 0
        self._count(Text("Type to search"))
        self._show_hints(())
        self.option_list.clear_options()

    @property
    def highlighted_result(self) -> SearchResult | None:
        """The result under the cursor, if any."""
        index = self.option_list.highlighted
        if index is None or not 0 <= index < len(self.results):
            return None
        return self.results[index]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The cursor moved: preview the result, if the user is in the list."""
        event.stop()
        if self.option_list.has_focus:
            self._preview()

    def on_descendant_focus(self) -> None:
        """Into the list: preview the result under the cursor."""
        self._preview()

    def _preview(self) -> None:
        result = self.highlighted_result
        if result is not None:
            self.post_message(self.Previewed(result.id, self.search_query))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a result: ask for the article."""
        event.stop()
        if 0 <= event.option_index < len(self.results):
            self.post_message(self.Opened(self.results[event.option_index].id,
                                          self.search_query))
