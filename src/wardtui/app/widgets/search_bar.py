"""The search bar: an ``Input`` (id ``search``) at the top of the screen.

What a search does belongs to the search pane (see
:mod:`wardtui.app.widgets.search_pane`; the screen routes the bar's text to it);
here the bar exists, takes focus with
``/``, asks to clear the search with ``escape`` (:class:`SearchBar.Cancelled`)
and to move on to the results with ``down`` (:class:`SearchBar.Left`) or
``enter`` (``Input.Submitted``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "Search (/)…"


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

    def __init__(self, *, id: str | None = "search") -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)

    def action_leave(self) -> None:
        """Give the focus on (the screen decides where)."""
        self.post_message(self.Left())

    def action_cancel(self) -> None:
        """Ask for the search to be cleared (the screen does it)."""
        self.post_message(self.Cancelled())
