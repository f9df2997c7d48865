"""The search bar: an ``Input`` (id ``search``) at the top of the screen.

What a search does belongs to the search feature; here the bar exists, takes
focus with ``/`` and gives it back with ``escape`` or ``down``.
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
        Binding("escape", "leave", "Back", tooltip="Back to the library tree",
                id="search.leave"),
        Binding("down", "leave", "To the tree", show=False, tooltip="Back to the library tree",
                id="search.down"),
    ]

    class Left(Message):
        """The user wants to leave the search bar."""

    def __init__(self, *, id: str | None = "search") -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id)

    def action_leave(self) -> None:
        """Give the focus back (the screen decides where)."""
        self.post_message(self.Left())
