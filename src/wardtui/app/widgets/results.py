"""The search results: a count line and a list of articles, the matches highlighted.

:class:`SearchResults` is shown in the tree's place while the query is not
empty, inside :class:`~wardtui.app.widgets.search_pane.SearchPane`, which calls
:meth:`SearchResults.show_results` with what :func:`wardtui.search.search`
found; the widget posts :class:`SearchResults.Opened` when an article is chosen
(``enter`` or a click), with the parsed query whose matches the reader marks,
and :class:`SearchResults.Cancelled` on ``escape``.

Every piece of text is a :class:`rich.text.Text` built from plain strings, with
highlights applied as spans: a title holding ``[bold]`` or
``[@click=app.quit]`` shows those characters, never markup.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...corpus.clean import safe_line
from ...labels import date_text, plural, ward_name
from ...search import Query, SearchResult, parse_query

__all__ = ["ResultList", "SearchResults", "count_line", "result_lines", "result_text"]

Span = tuple[int, int]
STAR = "★ "  # before the title of a bookmarked result


def count_line(shown: int, total: int, hints: Sequence[str] = ()) -> Text:
    """``12 results`` / ``showing 50 of 1,234 results`` / ``No results``, then the hints."""
    if total == 0:
        text = Text("No results")
    elif shown >= total:
        text = Text(plural(total, "result"))
    else:
        text = Text(f"Showing {shown:,} of {total:,} results")
    for hint in hints:
        text.append("  ·  ")
        text.append(safe_line(hint), "italic")
    return text


def _highlighted(text: str, spans: Sequence[Span], match: Style | str,
                 base: Style | str = "") -> Text:
    clean = safe_line(text)
    line = Text(clean, style=base, end="")
    if len(clean) == len(text):  # else a control character went: offsets moved
        for start, end in spans:
            if 0 <= start < end <= len(clean):
                line.stylize(match, start, end)
    return line


def result_lines(result: SearchResult, *, match: Style | str = "bold reverse",
                 meta: Style | str = "dim", snippet: Style | str = "italic",
                 marked: bool = False, unread: bool = False) -> list[Text]:
    """One result as lines of text: the title; ward · date · byline; the snippet, if any.

    ``match`` styles the matched characters; ``marked`` puts a ★ before the
    title (a bookmarked article); ``unread`` makes the title bold. The title
    wraps; the other lines are cut with an ellipsis. Nothing from a file is read
    as markup.
    """
    summary = result.summary
    title = _highlighted(summary.title, result.title_spans, match)
    if unread:
        title.stylize("bold", 0, len(title))
    if marked:
        title = Text(STAR, end="").append_text(title)
    title.overflow = "fold"
    ward = ward_name(summary.ward, summary.unit)  # the tree's and the reader's labels
    details = _highlighted(ward, result.ward_spans, match, meta)
    parts = [date_text(summary.date)]
    if summary.author:
        parts.append(safe_line(summary.author))
    details.append(" · " + " · ".join(parts), meta)
    details.no_wrap, details.overflow = True, "ellipsis"
    lines = [title, details]
    if result.snippet:
        line = _highlighted(result.snippet, result.snippet_spans, match, snippet)
        line.no_wrap, line.overflow = True, "ellipsis"
        lines.append(line)
    return lines


def result_text(result: SearchResult, width: int | None = None, *, marked: bool = False,
                unread: bool = False, **styles: Style | str) -> Text:
    """:func:`result_lines` as one text; with ``width``, the lines after the title are cut
    to it, so the details and the snippet stay one line each."""
    lines = result_lines(result, marked=marked, unread=unread, **styles)
    if width and width > 1:
        for line in lines[1:]:
            line.truncate(width, overflow="ellipsis")
    return Text("\n").join(lines)


class ResultList(OptionList):
    """The list of results inside :class:`SearchResults` (the part that takes focus)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", tooltip="Clear the search and return to the tree",
                id="results.cancel"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Next result",
                id="results.down"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Previous result",
                id="results.up"),
    ]

    def action_cancel(self) -> None:
        """Tell the screen the user wants the tree back."""
        parent = self.parent
        if isinstance(parent, SearchResults):
            parent.post_message(SearchResults.Cancelled(parent))


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
        self.marked: Collection[str] = frozenset()  # ids shown with a ★
        self.read: Collection[str] | None = None  # ids read; the others bold (None: unknown)
        self._width: int | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Type to search"), id="results-count")
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
                     marked: Collection[str] | None = None) -> None:
        """Show ``results`` for ``query`` (``total``: how many matched in all;
        ``marked``: the bookmarked ids, shown with a ★)."""
        self.results = list(results)
        self.search_query = parse_query(query) if isinstance(query, str) else query
        self.total = len(results) if total is None else total
        if marked is not None:
            self.marked = marked
        self.query_one("#results-count", Static).update(
            count_line(len(results), self.total, hints))
        self._render_options(0 if results else None)

    def show_status(self, text: str) -> None:
        """A line in place of the count (e.g. while the search index is being built)."""
        self.query_one("#results-count", Static).update(Text(text))

    def set_marks(self, marked: Collection[str]) -> None:
        """Show a ★ on these articles (the cursor stays where it is)."""
        if set(marked) != set(self.marked):
            self.marked = frozenset(marked)
            if self.results:
                self._render_options(self.option_list.highlighted)

    def set_read(self, read: Collection[str]) -> None:
        """Show the titles of the articles not in ``read`` in bold."""
        if self.read is None or set(read) != set(self.read):
            self.read = frozenset(read)
            if self.results:
                self._render_options(self.option_list.highlighted)

    def highlight_article(self, article_id: str) -> bool:
        """Put the cursor on ``article_id``'s result, if it is listed."""
        for index, result in enumerate(self.results):
            if result.id == article_id:
                self.option_list.highlighted = index
                return True
        return False

    def _render_options(self, highlighted: int | None) -> None:
        styles = {
            "match": self.get_component_rich_style("search-results--match", partial=True),
            "meta": self.get_component_rich_style("search-results--meta", partial=True),
            "snippet": self.get_component_rich_style("search-results--snippet", partial=True),
        }
        option_list = self.option_list
        width = option_list.scrollable_content_region.width or None
        self._width = width
        option_list.set_options(
            Option(result_text(r, width, marked=r.id in self.marked,
                               unread=self.read is not None and r.id not in self.read,
                               **styles), id=f"r{i}")
            for i, r in enumerate(self.results))
        if highlighted is not None and highlighted < len(self.results):
            option_list.highlighted = highlighted

    def on_resize(self) -> None:
        """Cut the one-line parts to the new width."""
        if self.results and self.option_list.scrollable_content_region.width != self._width:
            self._render_options(self.option_list.highlighted)

    def clear(self) -> None:
        """No query: no results."""
        self.results = []
        self.search_query = parse_query("")
        self.total = 0
        self.query_one("#results-count", Static).update(Text("Type to search"))
        self.option_list.clear_options()

    @property
    def highlighted_result(self) -> SearchResult | None:
        """The result under the cursor, if any."""
        index = self.option_list.highlighted
        if index is None or not 0 <= index < len(self.results):
            return None
        return self.results[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a result: ask for the article."""
        event.stop()
        if 0 <= event.option_index < len(self.results):
            self.post_message(self.Opened(self.results[event.option_index].id,
                                          self.search_query))
