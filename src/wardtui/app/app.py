"""The wardtui app: holds the library, the bookmark store, the sources and the settings.

Global keys live here (quit, help), and so does the user's bookmark store: opened in a
thread worker at start (:attr:`WardApp.bookmarks`), changed in workers, each change
ending in a :class:`~wardtui.app.messages.BookmarksChanged` posted to the reading screen
(:class:`~wardtui.app.screens.main.MainScreen`), which passes the ids on to the tree and
the results. Exporting every bookmark is an app command (read in a worker, then the
dialog). The theme, the grouping, the last article and the export folder are remembered
in :class:`~wardtui.config.Settings`, written in a worker when they change and on quit.
The palette's commands, the help screen and the export are imported on first use.
"""

from __future__ import annotations

import asyncio
import os
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker

from ..config import DEFAULT_THEME, Settings, Sources
from ..corpus import Article
from ..corpus.clean import safe_line
from ..labels import sentence
from ..library import Library, LibraryError, WardCount
from ..userdata import ArticleLike, BookmarkError, BookmarkStore
from .bookmark_keeper import BookmarkKeeper
from .driver import driver_class
from .early_sync import EarlySync
from .head_start import HeadStart
from .messages import BookmarksChanged, Notice, failure
from .read_state import ReadKeeper
from .screens.main import MainScreen
from .threads import DaemonExecutor

if TYPE_CHECKING:  # imported when first used: the first screen needs none of them
    from textual.command import Provider

    from ..export import ExportReport, Missing


T = TypeVar("T")  # what a palette query answers


def _ward_commands() -> type[Provider]:
    """wardtui's palette commands (Textual calls this when the palette first opens)."""
    from .commands import WardCommands

    return WardCommands


STORE_WAIT = 20.0  # seconds a sync waits for the store to open before it skips the bookmarks


class WardApp(App[int]):
    """A terminal reader for a library of ward news articles."""

    TITLE = "wardtui"
    CSS_PATH = "wardtui.tcss"
    COMMANDS = App.COMMANDS | {_ward_commands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Quit wardtui", id="app.quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True,
                tooltip="Quit wardtui (from anywhere, the search bar too)", id="app.quit_now"),
        Binding("question_mark,f1", "help", "Help", key_display="?",
                tooltip="Show every key (this list)", id="app.help"),
    ]

    class _StoreOpened(Message):
        def __init__(self, store: BookmarkStore) -> None:
            super().__init__()
            self.store = store

    class _Gathered(Message):
        def __init__(self, articles: list[Article | Missing]) -> None:
            super().__init__()
            self.articles = articles

    def __init__(self, *, sources: Sources, settings: Settings, library: Library | None = None,
                 sync: bool = True, blink: bool = True, remember: bool = True,
                 early_sync: EarlySync | None = None, head_start: HeadStart | None = None
                 ) -> None:
        """``library`` given: shown at once (else opened by ``head_start``, or in a
        worker); ``sync``: sync the sources at start (``early_sync``: the sync already
        started, followed instead); ``blink``: the search bar's cursor blinks;
        ``remember``: save the settings."""
        super().__init__(driver_class=None if os.environ.get("TEXTUAL_DRIVER")
                         else driver_class())  # survives input that is not UTF-8
        self.sources = sources
        self.settings = settings
        self.library = library
        self.owns_library = library is None
        self.bookmarks: BookmarkStore | None = None  # opened in a worker at start
        self.bookmarked: frozenset[str] = frozenset()  # the ids the screen shows with ★
        self.bookmark_keeper = BookmarkKeeper(self, self._changed)
        self.reading = ReadKeeper(self, lambda message: self.main.post_message(message))
        self.sync_on_start = sync
        self.early_sync = early_sync  # taken by the screen's first sync
        self._early = early_sync  # stopped when the app ends, if still running
        self.head_start = head_start  # the first screen's reads (taken by the screen)
        self.blink = blink
        self.remember = remember
        self.messages: list[str] = []  # every notice shown, oldest first
        self._main: MainScreen | None = None
        self._store_settled = threading.Event()  # set once opening the store is over
        self._save_lock = threading.Lock()
        self._save_sequence = 0
        self._saved_sequence = 0
        self._startup_notices: list[str] = []
        if settings.theme in self.available_themes:
            self.theme = settings.theme
        else:
            self._startup_notices.append(f"Unknown theme {settings.theme!r} in the settings;"
                                         f" using {DEFAULT_THEME}.")
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

    def on_load(self) -> None:
        """Before any worker starts: workers run in daemon threads (``q`` never waits)."""
        asyncio.get_running_loop().set_default_executor(DaemonExecutor())

    def on_mount(self) -> None:
        """Show the start-up notices, open the bookmarks and follow theme changes."""
        for notice in self._startup_notices:
            self.tell(notice, severity="warning")
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.call_after_refresh(self._open_store)  # after the first frame: it needs none

    def on_unmount(self) -> None:
        """Close the library connection the app opened, and the bookmarks; a launch sync
        still running is asked to stop (never waited for)."""
        if self._early is not None:
            self._early.stop()
        if self.library is not None and self.owns_library:
            self.library.close()
        self.reading.close()
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

    def on_notice(self, message: Notice) -> None:
        """A notice from a pane or a worker."""
        self.tell(message.text, severity=message.severity)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker of the app's that failed unexpectedly: a notice, never a traceback."""
        notice = failure(event)
        if notice is not None:
            self.tell(notice.text, severity=notice.severity)

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

    @work(thread=True, group="settings", exit_on_error=False, description="save the settings")
    def _write_settings(self, snapshot: Settings, sequence: int) -> None:
        with self._save_lock:
            if sequence < self._saved_sequence:
                return  # a newer snapshot is already on disk
            snapshot.save()
            self._saved_sequence = sequence

    def remember_export_folder(self, folder: Path) -> None:
        """Remember the folder exported to last (the dialogs propose it next time)."""
        if self.settings.export_dir != str(folder):
            self.settings.export_dir = str(folder)
            self.save_settings()

    # -- the bookmark store ----------------------------------------------------------
    @work(thread=True, group="bookmarks", exit_on_error=False, description="open the bookmarks")
    def _open_store(self) -> None:
        try:
            self.bookmarks = store = BookmarkStore.open()
        except (BookmarkError, LibraryError, OSError) as error:
            self.post_message(Notice(f"Could not open the bookmarks: {error}", "error"))
            return
        finally:
            self._store_settled.set()
        self.post_message(self._StoreOpened(store))

    @on(_StoreOpened)
    def _store_opened(self, message: _StoreOpened) -> None:
        for notice in message.store.notices:
            self.tell(notice, severity="warning")
        self.refresh_bookmarks()
        self.bookmark_keeper.attach(message.store)  # b, and other processes' bookmarks
        self.reading.attach(message.store)  # read marks and history: the same file

    def ready_store(self) -> BookmarkStore | None:
        """The store, or ``None`` with a notice saying why not."""
        store = self.bookmarks
        if store is None:
            if self._store_settled.is_set():
                self.tell("The bookmarks could not be opened (see the notice above).",
                          severity="error")
            else:
                self.tell("The bookmarks are still opening; try again in a moment.")
        return store

    def _changed(self, store: BookmarkStore) -> None:
        """In a worker: tell the reading screen which articles are bookmarked now."""
        self.main.post_message(BookmarksChanged(frozenset(store.ids())))

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        """Keep the ids for the palette (the screen has shown them already)."""
        self.bookmarked = message.ids

    def refresh_bookmarks(self) -> None:
        """Read the bookmarked ids again (another view or process may have changed them)."""
        if self.bookmarks is not None:
            self._refresh(self.bookmarks)

    @work(thread=True, group="bookmarks", exit_on_error=False,
          description="read the bookmarks")
    def _refresh(self, store: BookmarkStore) -> None:
        try:
            self._changed(store)
        except BookmarkError as error:
            self.post_message(Notice(sentence(str(error)), "error"))

    def toggle_bookmark(self, article_id: str, known: ArticleLike | None) -> None:
        """Bookmark ``article_id`` or remove its bookmark, in a worker, as the store is
        then (see :class:`~wardtui.app.bookmark_keeper.BookmarkKeeper`); ``known``: what
        the screen shows of it (else it is read from the library)."""
        if self.ready_store() is not None:
            self.bookmark_keeper.toggle(article_id, known, self.library)

    def on_app_focus(self) -> None:
        """Back in the terminal: look for bookmarks and read marks changed meanwhile by
        another process."""
        self.bookmark_keeper.poll()
        self.reading.poll()

    def reconcile_bookmarks(self, library: Library, cancelled: Callable[[], bool]) -> None:
        """In the sync worker: find the bookmarked articles in the synced ``library`` again
        (their ids change with their files); waits for the store if it is still opening
        (at most :data:`STORE_WAIT` seconds). A problem is a notice."""
        deadline = time.monotonic() + STORE_WAIT
        while not self._store_settled.wait(0.05):
            if cancelled() or time.monotonic() > deadline:
                return
        store = self.bookmarks
        if store is None:
            return
        try:
            store.reconcile(library)
            self._changed(store)
        except BookmarkError as error:
            self.post_message(Notice(sentence(str(error)), "warning"))
        except LibraryError as error:
            self.post_message(Notice(f"The bookmarks could not be checked: {error}", "warning"))

    def export_bookmarks(self) -> None:
        """Export every bookmarked article into a folder (read in a worker, then the dialog)."""
        store = self.ready_store()
        if store is None:
            return
        if self.library is None:
            self.tell("The library is still opening.")
            return
        self._gather(store, self.library)

    @work(thread=True, exclusive=True, group="bookmarks-export", exit_on_error=False,
          description="read the bookmarked articles")
    def _gather(self, store: BookmarkStore, library: Library) -> None:
        try:
            with library.reopen() as own:
                articles = store.articles(own)
        except BookmarkError as error:
            self.post_message(Notice(sentence(str(error)), "error"))
            return
        except LibraryError as error:
            self.post_message(Notice(f"The library cannot be read: {error}", "error"))
            return
        self.post_message(self._Gathered(articles))

    @on(_Gathered)
    def _export_gathered(self, message: _Gathered) -> None:
        if not message.articles:
            self.tell("No bookmarks to export yet: press b on an article to bookmark it.")
            return

        def exported(report: ExportReport | None) -> None:
            if report is not None:
                self.remember_export_folder(report.folder)

        from .screens.export_dialog import ExportManyDialog

        self.push_screen(ExportManyDialog(message.articles, folder=self.settings.export_dir),
                         exported)

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
        from ..search import QUERY_HELP
        from .keys import help_sections
        from .screens.help import HelpNote, HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
        else:
            self.push_screen(HelpScreen(help_sections(self.get_key_display, self.BINDINGS),
                                        [HelpNote("Query language", QUERY_HELP)]))

    def pick_ward(self) -> None:
        """A palette listing the wards."""
        from .commands import WardPicker, picker

        self.push_screen(picker(WardPicker, "Go to ward…"))

    def pick_year(self) -> None:
        """A palette listing the years."""
        from .commands import YearPicker, picker

        self.push_screen(picker(YearPicker, "Go to year…"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, less those wardtui offers itself ("Change theme…", "Show keys")."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Theme", "Keys"):  # "Show keys" lists them all
                yield command

    # -- small queries for the palette ------------------------------------------------
    def ward_list(self) -> list[WardCount]:
        """The wards, or nothing if the library is not open (or fails)."""
        return self._ask(Library.wards)

    def year_list(self) -> list[tuple[int, int]]:
        """The years with their counts, or nothing."""
        return self._ask(Library.years)

    def _ask(self, query: Callable[[Library], list[T]]) -> list[T]:
        if self.library is None:
            return []
        try:
            return query(self.library)
        except LibraryError as error:
            self.tell(f"The library cannot be read: {error}", severity="error")
            return []
