"""Every key of every pane, for the help screen, read from the panes' own bindings.

One list per pane, in the order the help screen shows them, each from the pane's
``BINDINGS`` (their tooltips) plus the few keys that Textual handles itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import BindingType

from .screens.help import HelpSection, KeyDisplay, section
from .screens.main import MainScreen
from .screens.read_keys import ReadStateScreen
from .screens.ux_keys import UxKeysScreen
from .widgets.reader import Reader
from .widgets.results import ResultList
from .widgets.search_bar import SearchBar
from .widgets.ward_tree import WardTree

__all__ = ["help_sections"]


def help_sections(keys: KeyDisplay, app_bindings: Sequence[BindingType]) -> list[HelpSection]:
    """The help screen's sections; ``keys`` shows one key as the app does, ``app_bindings``
    are the app's own keys (quit, help)."""
    return [
        section("Everywhere", [*app_bindings, *MainScreen.BINDINGS,
                               *ReadStateScreen.BINDINGS, *UxKeysScreen.BINDINGS], keys, [
            ("tab", "Next pane: search bar, tree, reader"),
            ("shift+tab", "Previous pane"),
            ("ctrl+p", "Commands: go to ward…, go to year…, export bookmarks…, theme…"),
            ("ctrl+q", "Quit"),
            ("", "An article shown for a moment is read; unread titles are bold; a group's "
                 "bold count is its unread articles (3/12: 3 of 12)"),
        ]),
        section("Search bar", SearchBar.BINDINGS, keys, [
            ("enter", "Go to the results"),
        ]),
        section("Results", ResultList.BINDINGS, keys, [
            ("enter", "Read the article, every match marked (n / N step through them)"),
            ("b c e", "Bookmark, copy or export the result under the cursor"),
        ]),
        section("Library tree", WardTree.BINDINGS, keys, [
            ("shift+space", "Open or close all the groups at this level"),
            ("click", "Show the article, open or close the group"),
        ]),
        section("Reader", Reader.BINDINGS, keys, [
            ("wheel", "Scroll"),
        ]),
    ]
