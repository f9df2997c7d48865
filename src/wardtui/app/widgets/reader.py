"""The reader: one article, wrapped to a comfortable measure, loaded in its own worker.

A line-API widget (like Textual's ``Log``): the article is wrapped once per width
into lines, and only the visible lines are painted, so a very long article
scrolls as fast as a short one. Every piece of text is a ``rich.text.Text`` built
from plain strings (see :mod:`wardtui.app.article_text`), never markup.

:meth:`Reader.open` reads an article in a thread worker of the reader's own (on
a connection of its own) and finds the matches of the parsed search query there,
once; the reader then shows it and posts :class:`Reader.Shown` (or a notice if
it is gone). With a query the article opens at the first match; the lines
holding a match are in :attr:`Reader.match_lines`, and ``n`` / ``N`` step
through them (:attr:`Reader.current_match` is the one reached). Copying,
bookmarking and exporting (``c``, ``b``, ``e``) are the screen's keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.worker import Worker, get_current_worker

from ...corpus import Article
from ...library import Library, LibraryError
from ...search import Query
from ..article_text import (
    NO_MARKS,
    ArticleStyles,
    Block,
    Marks,
    article_blocks,
    find_marks,
    message_blocks,
    wrap_blocks,
)
from ..lazy_lines import lay_out_lazily
from ..messages import Notice, failure
from ..scrolling import resize_scrollable
from .reader_matches import MatchSteps

MEASURE = 90  # the widest line, in cells
RULE = "─"
HEAD_PARAGRAPHS = 300  # a longer article is shown from these at once, then wholly


class _Wrapped(Message):
    """From the layout worker: the whole of a long article, laid out for ``layout``
    (lazily: see :mod:`..lazy_lines`), with the lines that hold a match."""

    def __init__(self, layout: int, lines: Sequence[Text | None], width: int,
                 styles: ArticleStyles, matches: list[int]) -> None:
        super().__init__()
        self.layout, self.lines, self.width, self.styles = layout, lines, width, styles
        self.matches = matches


class Reader(MatchSteps, can_focus=True):
    """Shows one article (or a short message) and scrolls through it."""

    ALLOW_SELECT = False

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--rule",
        "reader--caption",
        "reader--image",
        "reader--highlight",
        "reader--current",
    }

    DEFAULT_CSS = """
    Reader {
        background: $surface;
        padding: 1 2 0 2;
        & > .reader--title { color: $text-accent; text-style: bold; }
        & > .reader--meta { color: $text-muted; }
        & > .reader--rule { color: $panel-lighten-2; }
        & > .reader--caption { color: $text-muted; text-style: italic; }
        & > .reader--image { color: $text-muted; }
        & > .reader--highlight { background: $warning-muted; color: $text-warning; }
        & > .reader--current { background: $warning; color: $background; text-style: bold; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "Down", show=False, tooltip="Scroll one line down",
                id="reader.down"),
        Binding("up,k", "scroll_up", "Up", show=False, tooltip="Scroll one line up",
                id="reader.up"),
        Binding("space,pagedown", "page_down", "Page", key_display="space", show=False,
                tooltip="Scroll one page down", id="reader.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="Scroll one page up",
                id="reader.page_up"),
        Binding("home,g", "scroll_home", "Top", show=False, tooltip="Go to the top",
                id="reader.top"),
        Binding("end,G", "scroll_end", "Bottom", show=False, tooltip="Go to the end",
                id="reader.bottom"),
        Binding("h,left", "screen.back", "Back", show=False,
                tooltip="Back to the library tree (or the search results)", id="reader.back"),
        Binding("n", "next_match", "Next match", tooltip="Scroll to the next match",
                id="reader.next_match"),
        Binding("N", "previous_match", "Previous match", show=False,
                tooltip="Scroll to the previous match", id="reader.previous_match"),
    ]

    class Shown(Message):
        """The reader now shows this article (opened with :meth:`Reader.open`)."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class _Loaded(Message):
        """From the loading worker: the article (``None``: gone) and its marks."""

        def __init__(self, request: int, article_id: str, article: Article | None,
                     query: Query | None, marks: Marks) -> None:
            super().__init__()
            self.request = request
            self.article_id = article_id
            self.article = article
            self.search_query = query
            self.marks = marks

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library: Library | None = None  # set by the screen once the library is open
        self.requested: str | None = None  # the article last asked for with open()
        self._request = 0  # counts the calls of open(): only the last one's answer is shown
        self.article: Article | None = None
        self.search_query: Query | None = None  # whose matches are marked, if any
        self._marks = NO_MARKS
        self.match_lines: list[int] = []
        self.current_match: int | None = None  # an index into match_lines, once n / N moved
        self._message: tuple[str, list[str]] | None = None
        self._lines: Sequence[Text | None] = []  # None: a rule
        self._strips: dict[int, Strip] = {}
        self._laid_out_width = -1
        self._rule_style = Style()
        self._highlight_style = Style()
        self._keys_shown = False
        self._note: tuple[str, str] | None = None  # (article id, its bookmark's note)
        self._layout = 0  # counts the layouts: a worker's late answer is dropped
        self._paint: tuple[Style, int] | None = None  # style and width, while painting

    # -- public -------------------------------------------------------------------
    def open(self, article_id: str, query: Query | None = None) -> None:
        """Read ``article_id`` in the background and show it (``query``: mark its matches)."""
        self.requested = article_id
        self._request += 1
        if self.library is not None:
            self._load(self.library, self._request, article_id, query)

    @work(thread=True, exclusive=True, group="article", exit_on_error=False,
          description="load the article")
    def _load(self, library: Library, request: int, article_id: str, query: Query | None
              ) -> None:
        """Read one article on the worker's own connection, and find its marks."""
        try:
            with library.reopen() as own:
                article = own.get(article_id)
        except LibraryError as error:
            self.post_message(Notice(f"Could not load the article: {error}", "error"))
            return
        marks = find_marks(article, query) if article is not None else NO_MARKS
        self.post_message(self._Loaded(request, article_id, article, query, marks))

    @on(_Loaded)
    def _loaded(self, message: _Loaded) -> None:
        message.stop()
        if message.request != self._request:
            return  # another article (or the same with other marks) was asked for meanwhile
        if message.article is None:
            self.post_message(Notice("This article is no longer in the library.", "warning"))
            return
        self._show(message.article, message.search_query, message.marks)
        self.post_message(self.Shown(message.article_id))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly: a notice, never a traceback."""
        notice = failure(event)
        if notice is not None:
            self.post_message(notice)

    def show_article(self, article: Article, query: Query | None = None) -> None:
        """Show ``article`` at once; with ``query``, its matches marked (see :meth:`open`)."""
        self.requested = article.id
        self._request += 1  # an answer still on its way is stale now
        self._show(article, query, find_marks(article, query))

    def _show(self, article: Article, query: Query | None, marks: Marks) -> None:
        """Show ``article`` with ``marks``; with a query, from its first match."""
        self.article = article
        self.search_query = query
        self._marks = marks
        self._message = None
        self._lay_out()
        first = self.match_lines[0] if query is not None and self.match_lines else 0
        self.current_match = 0 if query is not None and self.match_lines else None
        if first < self.scrollable_content_region.height - 1:
            first = 0  # the match is on the first page: the title stays in sight
        self.scroll_to(0, first, animate=False, immediate=True)

    def clear_marks(self) -> None:
        """No search any more: the article without its marks, where it was scrolled."""
        if self.search_query is None and self._marks is NO_MARKS:
            return
        self.search_query = None
        self._marks = NO_MARKS
        self.current_match = None
        self._request += 1  # a marked version still on its way is stale now
        self._lay_out()

    def show_message(self, title: str, lines: Sequence[str]) -> None:
        """Show a short notice instead of an article (welcome, empty library…)."""
        self.article = None
        self.search_query = None
        self._marks = NO_MARKS
        self.current_match = None
        self._message = (title, list(lines))
        self._lay_out()
        self.scroll_to(0, 0, animate=False, immediate=True)

    @property
    def article_id(self) -> str | None:
        """The id of the article shown, if any."""
        return self.article.id if self.article is not None else None

    @property
    def text_lines(self) -> list[str]:
        """The wrapped lines as plain text (for tests and copying)."""
        width = self._laid_out_width
        return [RULE * width if line is None else line.plain for line in self._lines]

    # -- layout -------------------------------------------------------------------
    def _styles(self) -> ArticleStyles:
        def get(name: str) -> Style:
            """One of the reader's component styles, without its background."""
            return self.get_component_rich_style(f"reader--{name}", partial=True)

        return ArticleStyles(title=get("title"), meta=get("meta"), rule=get("rule"),
                             caption=get("caption"), image=get("image"),
                             highlight=get("highlight"))

    def set_note(self, article_id: str, note: str | None) -> None:
        """The note of ``article_id``'s bookmark, shown under the metadata (``None``: none)."""
        new = (article_id, note) if note else None
        if new != self._note:
            self._note = new
            if self.article is not None and self.article.id == article_id:
                self._lay_out()

    def note_for(self, article: Article) -> str | None:
        """The bookmark note shown with ``article``, if any."""
        return self._note[1] if self._note is not None and self._note[0] == article.id else None

    def _blocks(self, styles: ArticleStyles) -> list[Block]:
        if self.article is not None:
            return article_blocks(self.article, styles, self._marks, self.note_for(self.article))
        if self._message is not None:
            return message_blocks(*self._message, styles)
        return []

    def _lay_out(self) -> None:
        """Wrap the blocks to the current width (at most :data:`MEASURE`)."""
        region_width = self.scrollable_content_region.width
        width = max(10, min(MEASURE, region_width or MEASURE))
        styles = self._styles()
        self._layout += 1
        article = self.article
        if article is not None and len(article.paragraphs) > HEAD_PARAGRAPHS:
            # a long article: its first pages now, the whole of it in a worker
            head = replace(article, paragraphs=article.paragraphs[:HEAD_PARAGRAPHS])
            lines = wrap_blocks(article_blocks(head, styles, self._marks, self.note_for(head)),
                                self.app.console, width) or []
            self._wrap_whole(self._layout, article, self._marks, styles, width)
        else:
            lines = wrap_blocks(self._blocks(styles), self.app.console, width) or []
        self._use_lines(lines, width, styles)

    def _use_lines(self, lines: Sequence[Text | None], width: int, styles: ArticleStyles,
                   matches: list[int] | None = None) -> None:
        """Show ``lines`` (wrapped to ``width``); their matches (``matches``, or found
        here) are ``n`` / ``N``'s."""
        self._lines = lines
        self._strips.clear()
        self._laid_out_width = width
        self._rule_style = styles.rule
        self._highlight_style = styles.highlight
        self.match_lines = matches if matches is not None else [
            y for y, line in enumerate(lines)
            if line is not None and any(span.style == styles.highlight for span in line.spans)
        ]
        resize_scrollable(self, Size(width, len(lines)))
        keys = bool(self.match_lines)
        if keys != self._keys_shown:  # the footer shows n only when there are matches
            self._keys_shown = keys
            self.refresh_bindings()
        self.refresh()

    @work(thread=True, exclusive=True, group="layout", exit_on_error=False,
          description="lay out a long article")
    def _wrap_whole(self, layout: int, article: Article, marks: Marks, styles: ArticleStyles,
                    width: int) -> None:
        """Lay out the whole of a long article off the UI thread (stops when cancelled):
        only its line count per block is kept; lines are wrapped again when painted."""
        worker = get_current_worker()
        blocks = article_blocks(article, styles, marks, self.note_for(article))
        laid = lay_out_lazily(blocks, self.app.console, width, styles.highlight,
                              lambda: worker.is_cancelled)
        if laid is not None:
            self.post_message(_Wrapped(layout, laid[0], width, styles, laid[1]))

    @on(_Wrapped)
    def _wrapped(self, message: _Wrapped) -> None:
        message.stop()
        if message.layout != self._layout:
            return  # another article, width or theme since
        self._use_lines(message.lines, message.width, message.styles, message.matches)
        if (self.search_query is not None and self.current_match is None
                and self.match_lines):  # the first match was past the first pages
            self._go_to_match(0)

    def on_resize(self, event: events.Resize) -> None:
        """Re-wrap when the width available changes."""
        width = max(10, min(MEASURE, self.scrollable_content_region.width))
        if width != self._laid_out_width:
            self._lay_out()

    def notify_style_update(self) -> None:
        """Re-paint with the new styles (theme change, focus)."""
        super().notify_style_update()
        if self.is_mounted and (self.article is not None or self._message is not None):
            self._lay_out()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The lines of a paint: the widget's style and width are looked up once for all
        of them (per line they were a third of painting an article)."""
        self._paint = (self.rich_style, self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        """One painted line of the page."""
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        base, width = self._paint or (self.rich_style, self.scrollable_content_region.width)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            line = self._lines[index]
            if line is None:
                line = Text(RULE * self._laid_out_width, style=self._rule_style)
            elif index == self.current_match_line:  # the match n / N reached stands out
                line = line.copy()
                current = self.get_component_rich_style("reader--current", partial=True)
                for span in line.spans[:]:
                    if span.style == self._highlight_style:
                        line.stylize(current, span.start, span.end)
            strip = Strip(list(line.render(self.app.console)), line.cell_len)
            self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_style(base)
