"""The wardtui app: holds the library, the bookmarks, the sources and the settings.

Global keys live here (quit, help); the reading screen is
:class:`~wardtui.app.screens.main.MainScreen`, which opens the library and the
bookmark store (:attr:`WardApp.bookmarks`) in workers. The theme, the grouping,
the last article and the export folder are remembered in
:class:`~wardtui.config.Settings`, written in a thread worker when they change
and once more on quit.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import replace
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme

from ..userdata import BookmarkStore
from ..config import Settings, Sources
from ..corpus.clean import safe_line
from ..library import Library, WardCount
from ..search import QUERY_HELP
from .commands import WardCommands, WardPicker, YearPicker, picker
from .screens.help import HelpNote, HelpScreen, HelpSection, section
from .screens.main import MainScreen
from .widgets.reader import Reader
from .widgets.results import ResultList
from .widgets.search_bar import SearchBar
from .widgets.ward_tree import WardTree

DEFAULT_THEME = "textual-dark"


class WardApp(App[int]):
    """A terminal reader for a library of ward news articles."""

    TITLE = "wardtui"
    CSS_PATH = "wardtui.tcss"
    COMMANDS = App.COMMANDS | {WardCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit wardtui", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", key_display="?",
                tooltip="Show every key (this list)", id="app.help"),
    ]

    def __init__(
        self,
        *,
        sources: Sources,
        settings: Settings,
        library: Library | None = None,
        sync: bool = True,
        blink: bool = True,
        remember: bool = True,
    ) -> None:
        """``library`` given: shown at once (else opened in a worker); ``sync``: sync the
        sources at start; ``blink``: the search bar's cursor blinks; ``remember``: save
        the settings."""
        super().__init__()
        self.sources = sources
        self.settings = settings
        self.library = library
        self.owns_library = library is None
        self.bookmarks: BookmarkStore | None = None  # opened by the main screen, in a worker
        self.sync_on_start = sync
        self.blink = blink
        self.remember = remember
        self.messages: list[str] = []  # every notice shown, oldest first
        self._main: MainScreen | None = None
        self._save_lock = threading.Lock()
        self._save_sequence = 0
        self._saved_sequence = 0
        self._startup_notices: list[str] = []
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        else:
            self._startup_notices.append(
                f"Unknown theme {settings.theme!r} in the settings; using {DEFAULT_THEME}."
            )
            self.theme = DEFAULT_THEME

    # -- structure ------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        """The reading screen."""
        self._main = MainScreen()
        return self._main

    @property
    def main(self) -> MainScreen:
        """The reading screen (also while a modal is open above it)."""
        assert self._main is not None, "the app is not running"
        return self._main

    @property
    def library_name(self) -> str:
        """What the status line calls the library."""
        added = self.sources.added
        if not added:
            return "sample corpus"
        name = safe_line(added[0].name or str(added[0]))
        return name if len(added) == 1 else f"{name} and {len(added) - 1} more"

    def on_mount(self) -> None:
        """Show the start-up notices and follow theme changes."""
        for notice in self._startup_notices:
            self.tell(notice, severity="warning")
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def on_unmount(self) -> None:
        """Close the library connection the app opened, and the bookmarks."""
        if self.library is not None and self.owns_library:
            self.library.close()
        if self.bookmarks is not None:
            self.bookmarks.close()

    # -- notices and settings ---------------------------------------------------------
    def tell(self, message: str, *, severity: SeverityLevel = "information",
             timeout: float | None = None) -> None:
        """Show a one-line notice (never read as markup) and keep it in :attr:`messages`."""
        message = safe_line(message)
        self.messages.append(message)
        if timeout is None and severity != "information":
            timeout = 10
        self.notify(message, severity=severity, timeout=timeout, markup=False)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self.settings.theme:
            self.settings.theme = theme.name
            self.save_settings()

    def save_settings(self) -> None:
        """Write the settings in the background (the newest write wins)."""
        if not self.remember:
            return
        self._save_sequence += 1
        self._write_settings(replace(self.settings), self._save_sequence)

    @work(thread=True, group="settings", exit_on_error=False)
    def _write_settings(self, snapshot: Settings, sequence: int) -> None:
        with self._save_lock:
            if sequence < self._saved_sequence:
                return  # a newer snapshot is already on disk
            snapshot.save()
            self._saved_sequence = sequence

    # -- actions ------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Remember the settings, then quit."""
        if self.remember:
            try:
                with self._save_lock:
                    self.settings.save()
            except OSError as error:
                self.tell(f"The settings could not be saved: {error}", severity="error")
        self.exit(0)

    def action_help(self) -> None:
        """Open (or close) the list of keys."""
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(self.help_sections(),
                                        [HelpNote("Query language", QUERY_HELP)]))

    def help_sections(self) -> list[HelpSection]:
        """Every key of every pane, from the bindings themselves."""
        keys = self.get_key_display
        return [
            section("Everywhere", [*self.BINDINGS, *MainScreen.BINDINGS], keys, [
                ("tab", "Next pane: search bar, tree, reader"),
                ("shift+tab", "Previous pane"),
                ("ctrl+p", "Commands: go to ward…, go to year…, export bookmarks…, theme…"),
                ("ctrl+q", "Quit"),
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

    def pick_ward(self) -> None:
        """A palette listing the wards."""
        self.push_screen(picker(WardPicker, "Go to ward…"))

    def pick_year(self) -> None:
        """A palette listing the years."""
        self.push_screen(picker(YearPicker, "Go to year…"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, less those wardtui offers itself ("Change theme…")."""
        for command in super().get_system_commands(screen):
            if command.title != "Theme":
                yield command

    # -- small queries for the palette ------------------------------------------------
    def ward_list(self) -> list[WardCount]:
        """The wards, or nothing if the library is not open (or fails)."""
        if self.library is None:
            return []
        try:
            return self.library.wards()
        except Exception as error:  # noqa: BLE001 - sqlite3.Error; the app may not import sqlite3
            self.tell(f"The library cannot be read: {error}", severity="error")
            return []

    def year_list(self) -> list[tuple[int, int]]:
        """The years with their counts, or nothing."""
        if self.library is None:
            return []
        try:
            return self.library.years()
        except Exception as error:  # noqa: BLE001 - sqlite3.Error; the app may not import sqlite3
            self.tell(f"The library cannot be read: {error}", severity="error")
            return []
