"""The list of search results: an ``OptionList`` that lays out and paints only what is seen.

Textual's ``OptionList`` turns every option's prompt into its own ``Content`` and
wraps all of them to know their heights before the first paint: for a page of 50
results that was most of the time between a key and its results on screen. Here
a result's height comes from its title's plain text (``rich``'s own line breaking,
:func:`rich._wrap.divide_line`), and the result is made into styled lines only when
one of them is painted (the ~10 results in sight), through
:func:`~wardtui.app.widgets.result_rows.result_rows`. The keys, the mouse and
the messages are ``OptionList``'s; ``prompt`` of an option is still the whole
result as one :class:`rich.text.Text`, built when asked.

The results' pages are asked for by the list itself: moving past the last result
of a page (or before the first) posts ``SearchResults.PageWanted`` through the
owner (:class:`~wardtui.app.widgets.results.SearchResults`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...search import SearchResult
from ..scrolling import resize_scrollable
from .result_rows import result_height, result_rows, result_text

__all__ = ["Look", "ResultList", "ResultOption"]


@dataclass(frozen=True)
class Look:
    """How the results are drawn: the styles of the matches, the details and the snippets,
    the bookmarked ids (★) and the ids read (the others' titles bold; ``None``: unknown)."""

    match: RichStyle | str = "bold reverse"
    meta: RichStyle | str = "dim"
    snippet: RichStyle | str = "italic"
    marked: Collection[str] = field(default_factory=frozenset)
    read: Collection[str] | None = None

    def is_marked(self, result: SearchResult) -> bool:
        return result.id in self.marked

    def is_unread(self, result: SearchResult) -> bool:
        return self.read is not None and result.id not in self.read


class ResultOption(Option):
    """One result of the list; its prompt (the whole result, one text) is built when asked."""

    def __init__(self, prompt: Callable[[int], Text], index: int) -> None:
        super().__init__("", id=f"r{index}")
        self._make_prompt = prompt
        self.index = index

    @property
    def prompt(self) -> VisualType:
        return self._make_prompt(self.index)


class ResultList(OptionList):
    """The list of results inside ``SearchResults`` (the part that takes focus)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", tooltip="Clear the search and return to the tree",
                id="results.cancel"),
        Binding("end,G", "last", "Last", show=False,
                tooltip="The last result (of all, not only of this page)", id="results.last"),
        Binding("home,g", "first", "First", show=False, tooltip="The first result",
                id="results.first"),
        Binding("j", "cursor_down", "Down", show=False, tooltip="Next result",
                id="results.down"),
        Binding("k", "cursor_up", "Up", show=False, tooltip="Previous result",
                id="results.up"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.results: Sequence[SearchResult] = []
        self.look = Look()
        self._strips: dict[tuple[int, Style, int], list[Strip]] = {}

    # -- what is listed -----------------------------------------------------------------
    def show(self, results: Sequence[SearchResult], look: Look,
             highlighted: int | None = None) -> None:
        """List ``results`` drawn with ``look``; the cursor on ``highlighted``."""
        self.results, self.look = results, look
        self._strips.clear()
        self.set_options([ResultOption(self._prompt, i) for i in range(len(results))])
        if highlighted is not None and highlighted < len(results):
            self.highlighted = highlighted

    def restyle(self, look: Look) -> None:
        """Draw the same results with ``look`` (★ or read marks changed); the cursor stays."""
        self.look = look
        self._strips.clear()
        self._clear_caches()

    @property
    def _width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _rows(self, index: int, width: int) -> list[Text]:
        result, look = self.results[index], self.look
        return result_rows(result, width, match=look.match, meta=look.meta,
                           snippet=look.snippet, marked=look.is_marked(result),
                           unread=look.is_unread(result))

    def _prompt(self, index: int) -> Text:
        """The whole result as one text, the title unwrapped (what ``Option.prompt`` says)."""
        result, look = self.results[index], self.look
        return result_text(result, self._width, match=look.match, meta=look.meta,
                           snippet=look.snippet, marked=look.is_marked(result),
                           unread=look.is_unread(result))

    # -- OptionList's layout, without its per-option Content --------------------------
    def _update_lines(self) -> None:
        """Heights from the titles' plain text; nothing is styled or painted here."""
        cache = self._line_cache
        lines = cache.lines
        start = lines[-1][0] + 1 if lines else 0
        if start and start >= min(len(self.options), len(self.results)):
            return  # all measured (asked before every line painted: keep it cheap)
        if not self.scrollable_content_region:
            return
        width = self._width
        look = self.look
        for index in range(start, min(len(self.options), len(self.results))):
            result = self.results[index]
            height = result_height(result, width, marked=look.is_marked(result))
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = height
            lines.extend((index, row) for row in range(height))
        size = Size(width, len(lines))
        if size != self.virtual_size:
            resize_scrollable(self, size)  # (the screen's layout does not depend on it)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        look = self.look
        return sum(result_height(r, width, marked=look.is_marked(r)) for r in self.results)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """The lines of one result in ``style`` (cursor, hover or plain), made when seen."""
        index = self._option_to_index[option]
        width = self._width
        key = (index, style, width)
        strips = self._strips.get(key)
        if strips is None:
            base = style.rich_style
            meta = {"option": index}
            console = self.app.console
            strips = []
            for row in self._rows(index, width):
                segments = [Segment(s.text, base + s.style if s.style else base)
                            for s in row.render(console, "")]
                strips.append(Strip(segments).extend_cell_length(width, base)
                              .crop(0, width).apply_meta(meta))
            self._strips[key] = strips
        return strips

    def _clear_caches(self) -> None:
        self._strips.clear()
        super()._clear_caches()

    # -- keys ---------------------------------------------------------------------------
    def action_cancel(self) -> None:
        """Tell the screen the user wants the tree back."""
        owner = self.parent
        cancel = getattr(owner, "cancel", None)
        if callable(cancel):
            cancel()

    def _turn(self, forward: bool, *, to_end: bool = False) -> bool:
        """Ask for the next (previous, last, first) page; False if there is none."""
        turn = getattr(self.parent, "turn_page", None)
        return bool(turn(forward, to_end=to_end)) if callable(turn) else False

    def action_cursor_down(self) -> None:
        """The next result; past the last of the page, the next page (no wrapping)."""
        if self.highlighted is None or self.highlighted < self.option_count - 1:
            super().action_cursor_down()
        else:
            self._turn(True)

    def action_cursor_up(self) -> None:
        """The previous result; before the first of the page, the previous page."""
        if self.highlighted != 0:
            super().action_cursor_up()
        else:
            self._turn(False)

    def action_last(self) -> None:
        """The last result of all (its page is fetched if need be)."""
        if not self._turn(True, to_end=True):
            super().action_last()

    def action_first(self) -> None:
        """The first result."""
        if not self._turn(False, to_end=True):
            super().action_first()
