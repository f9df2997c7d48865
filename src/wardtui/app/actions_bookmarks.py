"""Bookmarks, export and copy on the main screen: the keys ``b``, ``B``, ``e`` and ``c``.

:class:`BookmarkActions` is a helper the
:class:`~wardtui.app.screens.main.MainScreen` holds and delegates to (the
screen's actions are one line each), so the screen stays small. It opens the
user's :class:`~wardtui.userdata.BookmarkStore` in a thread worker (it is then
:attr:`WardApp.bookmarks`), keeps the tree's ★ marks in step with it, and after
each sync re-keys the bookmarks whose article's file changed
(:meth:`BookmarkActions.reconcile`, run in the sync worker).

*The current article* is the one under the tree cursor when the tree has the
focus, the one shown when the reader has it, the one under the cursor of the
search results when they have it. Changing a bookmark is one small
SQLite transaction, done on the UI thread like the bookmarks view does.
Store errors (:class:`~wardtui.userdata.BookmarkError`) and library errors
become notices, never tracebacks; titles come from files, so every notice is
plain text (:meth:`WardApp.tell`, ``markup=False``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.worker import Worker, WorkerState

from ..userdata import ArticleLike, BookmarkError, BookmarkStore
from ..corpus import Article
from ..corpus.clean import safe_line
from ..export import ExportReport, Missing, to_txt
from ..library import Library
from .catalog import article_key
from .screens.bookmarks import BookmarksScreen
from .screens.export_dialog import ExportDialog, ExportManyDialog

if TYPE_CHECKING:
    from .app import WardApp
    from .screens.main import MainScreen

OPEN_BOOKMARKS, GATHER = "open bookmarks", "gather bookmarks"  # the workers' names
WORKERS = {OPEN_BOOKMARKS: "open the bookmarks", GATHER: "read the bookmarked articles"}
Gathered = list[Article | Missing] | str  # the articles to export, or why they cannot be read
T = TypeVar("T")
STORE_WAIT = 20.0  # seconds a sync waits for the store to open before it skips the bookmarks


@dataclass(frozen=True, slots=True)
class Reconciled:
    """What the sync worker found about the bookmarks: the ids to mark, or a problem."""

    ids: set[str] | None = None
    problem: str | None = None


def _sentence(message: str) -> str:
    message = message.strip()
    return message[:1].upper() + message[1:]


def _title(item: ArticleLike) -> str:
    return safe_line(item.title) or "(untitled)"


class BookmarkActions:
    """What ``b``, ``B``, ``e``, ``c`` and their palette commands do on ``screen``."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.settled = threading.Event()  # set once opening the store is over, however it went

    @property
    def app(self) -> WardApp:
        """The app, holding the store, the library and the settings."""
        return self.screen.wardapp

    @property
    def store(self) -> BookmarkStore | None:
        """The bookmark store, once open."""
        return self.app.bookmarks

    # -- opening --------------------------------------------------------------------
    def start(self) -> None:
        """Open the store in a thread worker (once, when the screen is mounted)."""
        self.screen.run_worker(BookmarkStore.open, name=OPEN_BOOKMARKS, group="bookmarks",
                               thread=True, exit_on_error=False)

    def worker_changed(self, worker: Worker[object], state: WorkerState) -> None:
        """The result of one of :data:`WORKERS` (the screen passes them on)."""
        if worker.name == OPEN_BOOKMARKS and state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self.settled.set()
        if state == WorkerState.ERROR:
            what = WORKERS.get(worker.name, worker.name)
            self.app.tell(f"Could not {what}: {worker.error}", severity="error")
        elif state == WorkerState.SUCCESS:
            if worker.name == OPEN_BOOKMARKS:
                assert isinstance(worker.result, BookmarkStore)
                self._store_ready(worker.result)
            elif worker.name == GATHER:
                self._export_many(worker.result)  # type: ignore[arg-type]

    def _store_ready(self, store: BookmarkStore) -> None:
        self.app.bookmarks = store
        self.settled.set()
        for notice in store.notices:
            self.app.tell(notice, severity="warning")
        self.refresh_marks()

    def _ready_store(self) -> BookmarkStore | None:
        """The store, or ``None`` with a notice saying why not."""
        store = self.store
        if store is None:
            if self.settled.is_set():
                self.app.tell("The bookmarks could not be opened (see the notice above).",
                              severity="error")
            else:
                self.app.tell("The bookmarks are still opening; try again in a moment.")
        return store

    def _failed(self, error: BookmarkError) -> None:
        self.app.tell(_sentence(str(error)), severity="error")

    # -- the ★ marks ------------------------------------------------------------------
    def refresh_marks(self) -> None:
        """Mark the bookmarked articles in the tree (only the labels that change)."""
        store = self.store
        if store is None:
            return
        try:
            ids = store.ids()
        except BookmarkError as error:
            self._failed(error)
            return
        self.screen.ward_tree.set_marks(ids)
        self.screen.searching.marks_changed()

    def reconcile(self, library: Library, cancelled: Callable[[], bool]) -> Reconciled:
        """In the sync worker: find the bookmarked articles in the synced ``library`` again.

        Waits for the store if it is still opening (at most :data:`STORE_WAIT`
        seconds). Never raises: a problem is returned, for :meth:`reconciled` to show.
        """
        deadline = time.monotonic() + STORE_WAIT
        while not self.settled.wait(0.05):
            if cancelled() or time.monotonic() > deadline:
                return Reconciled()
        store = self.store
        if store is None:
            return Reconciled()
        try:
            store.reconcile(library)
            return Reconciled(ids=store.ids())
        except BookmarkError as error:
            return Reconciled(problem=_sentence(str(error)))
        except Exception as error:  # noqa: BLE001 - sqlite3.Error; the app may not import sqlite3
            return Reconciled(problem=f"The bookmarks could not be checked: {error}")

    def reconciled(self, result: Reconciled) -> None:
        """After a sync (UI thread): show a problem, or the marks found by :meth:`reconcile`."""
        if result.problem is not None:
            self.app.tell(result.problem, severity="warning")
        if result.ids is not None:
            self.screen.ward_tree.set_marks(result.ids)
            self.screen.searching.marks_changed()

    # -- the current article ------------------------------------------------------------
    def current_id(self) -> str | None:
        """The article under the tree cursor (tree focused), shown (reader focused), or
        under the results' cursor (results focused)."""
        screen = self.screen
        tree, reader = screen.ward_tree, screen.reader
        if screen.searching.in_results:
            return screen.searching.current_id()
        if screen.focused is reader:
            return reader.article_id
        if screen.focused is tree:
            return tree.current_article_id
        return tree.current_article_id or reader.article_id

    def _current_or_say(self) -> str | None:
        article_id = self.current_id()
        if article_id is None:
            if self.screen.focused is self.screen.reader:
                self.app.tell("No article is open.")
            else:
                self.app.tell("Move the cursor to an article first.")
        return article_id

    def _summary(self, article_id: str) -> ArticleLike | None:
        """What a bookmark needs of the article, from what is on screen or else the library."""
        article = self.screen.reader.article
        if article is not None and article.id == article_id:
            return article
        node = self.screen.ward_tree.node_for(article_key(article_id))
        if node is not None and node.data is not None and node.data.summary is not None:
            return node.data.summary
        return self._from_library(lambda library: library.summary(article_id))

    def _article(self, article_id: str) -> Article | None:
        """The whole article: the one in the reader, or else from the library."""
        article = self.screen.reader.article
        if article is not None and article.id == article_id:
            return article
        return self._from_library(lambda library: library.get(article_id))

    def _from_library(self, read: Callable[[Library], T | None]) -> T | None:
        library = self.app.library
        if library is None:
            self.app.tell("The library is still opening.")
            return None
        try:
            found = read(library)
        except Exception as error:  # noqa: BLE001 - sqlite3.Error; the app may not import sqlite3
            self.app.tell(f"The library cannot be read: {error}", severity="error")
            return None
        if found is None:
            self.app.tell("This article is no longer in the library.", severity="warning")
        return found

    # -- b, B -----------------------------------------------------------------------------
    def toggle_current(self) -> None:
        """Bookmark the current article, or remove its bookmark."""
        article_id = self._current_or_say()
        if article_id is not None:
            self.toggle(article_id)

    def toggle(self, article_id: str) -> None:
        """Bookmark ``article_id``, or remove its bookmark; the tree's ★ follows."""
        store = self._ready_store()
        item = self._summary(article_id) if store is not None else None
        if store is None or item is None:
            return
        try:
            bookmarked = store.toggle(item)
        except BookmarkError as error:
            self._failed(error)
            return
        try:  # the whole set: the bookmark toggled may have been keyed by an older id
            self.screen.ward_tree.set_marks(store.ids())
        except BookmarkError:
            self.screen.ward_tree.mark(article_id, bookmarked)
        self.screen.searching.marks_changed()
        self.app.tell(f"Bookmarked: {_title(item)}" if bookmarked
                      else f"Bookmark removed: {_title(item)}")

    def is_marked(self, article_id: str | None) -> bool:
        """True when the tree shows ``article_id`` as bookmarked (no store read)."""
        return article_id is not None and article_id in self.screen.ward_tree.marked

    def show_list(self) -> None:
        """Open the bookmarks view; the article chosen there opens in the reader."""
        store = self._ready_store()
        if store is None:
            return
        library = self.app.library

        def is_missing(article_id: str) -> bool:
            if library is None:
                return False
            try:
                return library.summary(article_id) is None
            except Exception:  # noqa: BLE001 - sqlite3.Error; not knowing is not missing
                return False

        def chosen(article_id: str | None) -> None:
            self.refresh_marks()  # bookmarks may have been removed or put back there
            if article_id is None:
                return
            if self.app.library is None:
                self.app.tell("The library is still opening.")
                return
            self.screen.open_article(article_id, focus=True)

        self.app.push_screen(BookmarksScreen(store, is_missing=is_missing), chosen)

    # -- c, e -------------------------------------------------------------------------------
    def copy_current(self) -> None:
        """Copy the current article's text (as the ``txt`` export) to the clipboard."""
        article_id = self._current_or_say()
        article = self._article(article_id) if article_id is not None else None
        if article is not None:
            self.app.copy_to_clipboard(to_txt(article))
            self.app.tell(f"Copied to the clipboard: {_title(article)}")

    def export_current(self) -> None:
        """Export the current article in the export dialog; remember the folder used."""
        article_id = self._current_or_say()
        article = self._article(article_id) if article_id is not None else None
        if article is None:
            return

        def exported(path: Path | None) -> None:
            if path is not None:
                self._remember_folder(path.parent)

        self.app.push_screen(ExportDialog(article, folder=self.app.settings.export_dir), exported)

    def export_bookmarks(self) -> None:
        """Export every bookmarked article into a folder (read in a worker, then the dialog)."""
        store = self._ready_store()
        if store is None:
            return
        library = self.app.library
        if library is None:
            self.app.tell("The library is still opening.")
            return

        def gather() -> Gathered:
            with library.reopen() as own:
                try:
                    return store.articles(own)
                except BookmarkError as error:
                    return _sentence(str(error))

        self.screen.run_worker(gather, name=GATHER, group="bookmarks-export", thread=True,
                               exclusive=True, exit_on_error=False)

    def _export_many(self, gathered: Gathered) -> None:
        if isinstance(gathered, str):
            self.app.tell(gathered, severity="error")
            return
        if not gathered:
            self.app.tell("No bookmarks to export yet: press b on an article to bookmark it.")
            return

        def exported(report: ExportReport | None) -> None:
            if report is not None:
                self._remember_folder(report.folder)

        self.app.push_screen(
            ExportManyDialog(gathered, folder=self.app.settings.export_dir), exported
        )

    def _remember_folder(self, folder: Path) -> None:
        settings = self.app.settings
        if settings.export_dir != str(folder):
            settings.export_dir = str(folder)
            self.app.save_settings()
