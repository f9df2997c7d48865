"""The search bar: an ``Input`` (id ``search``) at the top of the screen.

What a search does belongs to the search pane (see
:mod:`wardtui.app.widgets.search_pane`; the screen routes the bar's text to it);
here the bar exists, takes focus with
``/``, asks to clear the search with ``escape`` (:class:`SearchBar.Cancelled`)
and to move on to the results with ``down`` (:class:`SearchBar.Left`) or
``enter`` (``Input.Submitted``).

Whatever is typed or pasted passes through :func:`~wardtui.corpus.clean.safe_line`
(control, bidi and zero-width characters dropped, tabs and newlines made spaces),
and a query holds at most :data:`MAX_QUERY` characters: the rest of a longer paste
is left out, with a notice (no search needs more, and a huge one only keeps a
worker busy).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from ...corpus.clean import safe_line
from ..messages import Notice

PLACEHOLDER = "Search (/)…"
MAX_QUERY = 1000  # characters
TOO_LONG = f"A search holds at most {MAX_QUERY:,} characters; the rest was left out."


class SearchBar(Input):
    """The search field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Back", tooltip="Clear the search and return to the tree",
                id="search.leave"),
        Binding("down", "leave", "To the results", show=False,
                tooltip="Go to the results (to the tree when the search is empty)",
                id="search.down"),
    ]

    class Left(Message):
        """The user wants to leave the search bar for the results (or the tree)."""

    class Cancelled(Message):
        """The user wants the search cleared and the tree back."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The width of the text (scrolling follows it). ``Widget.virtual_size`` asks for a
    layout of the whole screen when it changes, that is at every key typed here; the
    bar's own size never depends on it."""

    def __init__(self, *, id: str | None = "search") -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit of the text (keys, paste): ``text`` made one clean line, and cut
        to the room left under :data:`MAX_QUERY` (with a notice)."""
        text = safe_line(text)
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        room = MAX_QUERY - (len(value) - (end - start))
        if len(text) > room:
            text = text[:max(0, room)]
            self.post_message(Notice(TOO_LONG, "warning"))
        super().replace(text, start, end)

    def action_leave(self) -> None:
        """Give the focus on (the screen decides where)."""
        self.post_message(self.Left())

    def action_cancel(self) -> None:
        """Ask for the search to be cleared (the screen does it)."""
        self.post_message(self.Cancelled())
