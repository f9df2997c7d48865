"""The main screen: search bar, library tree, reader, status line and footer.

It wires the widgets together (messages up from the tree, calls down to the
reader) and runs the disk work in thread workers, each with its own library
connection: opening the cache, syncing the sources, and loading an article.
Bookmarks, export and copy (``b``, ``B``, ``e``, ``c``) are delegated to
:class:`~wardtui.app.actions_bookmarks.BookmarkActions`, the search (the bar,
the results in the tree's place, the index) to
:class:`~wardtui.app.actions_search.SearchActions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input
from textual.worker import Worker, WorkerState, get_current_worker

from ...corpus import Article
from ...library import UNKNOWN_WARD, Library, SyncReport, WardCount
from ..actions_bookmarks import WORKERS as BOOKMARK_WORKERS
from ..actions_bookmarks import BookmarkActions, Reconciled
from ..actions_search import WORKERS as SEARCH_WORKERS
from ..actions_search import SearchActions
from ..catalog import GROUPINGS, Grouping, ward_key, year_key
from ..widgets.reader import Reader
from ..widgets.results import SearchResults
from ..widgets.search_bar import SearchBar
from ..widgets.status import StatusBar, plural
from ..widgets.ward_tree import WardTree

if TYPE_CHECKING:
    from ..app import WardApp

OPEN, SYNC, ARTICLE = "open library", "sync", "load article"  # the workers' names
Loaded = tuple[Article | None, list[str], str]  # an article (or None), its highlights, query
Synced = tuple[SyncReport, Reconciled]  # the sync, then the bookmarks checked against it


class SyncProgress(Message):
    """Files done of total, from the sync worker (repeats coalesce)."""

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        """A newer progress report replaces an older one still queued."""
        return isinstance(message, SyncProgress)


class MainScreen(Screen[None]):
    """The reading screen."""

    AUTO_FOCUS = "#tree"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", key_display="/",
                tooltip="Go to the search bar", id="main.search"),
        Binding("t", "toggle_grouping", "Grouping", tooltip="Group by ward or by date",
                id="main.grouping"),
        Binding("left_square_bracket", "step_article(False)", "Previous", key_display="[",
                tooltip="Open the previous article in the tree", id="main.previous"),
        Binding("right_square_bracket", "step_article(True)", "Next", key_display="]",
                tooltip="Open the next article in the tree", id="main.next"),
        Binding("b", "toggle_bookmark", "Bookmark",
                tooltip="Bookmark the current article, or remove its bookmark",
                id="main.bookmark"),
        Binding("B", "bookmarks", "Bookmarks", tooltip="The list of bookmarks",
                id="main.bookmarks"),
        Binding("e", "export_article", "Export", tooltip="Export the current article to a file",
                id="main.export"),
        Binding("c", "copy_article", "Copy",
                tooltip="Copy the current article's text to the clipboard", id="main.copy"),
        Binding("escape", "back", "Back", show=False,
                tooltip="Back to the search results (if shown) or the library tree",
                id="main.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._requested: str | None = None  # the article last asked of the loader
        self._syncing = False
        self.bookmarking = BookmarkActions(self)
        self.searching = SearchActions(self)

    @property
    def wardapp(self) -> WardApp:
        """The app, with its library, sources and settings."""
        return cast("WardApp", self.app)

    @property
    def ward_tree(self) -> WardTree:
        """The library tree."""
        return self.query_one("#tree", WardTree)

    @property
    def reader(self) -> Reader:
        """The reader."""
        return self.query_one("#reader", Reader)

    @property
    def status(self) -> StatusBar:
        """The status line."""
        return self.query_one("#status", StatusBar)

    def compose(self) -> ComposeResult:
        """Status line, search bar, tree | reader, footer."""
        yield StatusBar(id="status")
        yield SearchBar(id="search")
        with Horizontal(id="body"):
            with ContentSwitcher(initial="tree", id="left"):
                yield WardTree(id="tree")
                yield SearchResults(id="results")
            yield Reader(id="reader")
        yield Footer(compact=True)

    # -- start-up ---------------------------------------------------------------
    def on_mount(self) -> None:
        """Show the cache at once; open it in a worker if the app was not given one."""
        app = self.wardapp
        if not app.blink:
            self.query_one(SearchBar).cursor_blink = False
        for notice in [*app.settings.notices, *app.sources.notices]:
            app.tell(notice, severity="warning")
        self.bookmarking.start()
        if app.library is not None:
            self._library_ready(app.library)
        else:
            self.status.show_state("opening the library…")
            self.reader.show_message("Opening the library…", [])
            self._open_library()

    @work(thread=True, exclusive=True, group="open", name=OPEN, exit_on_error=False)
    def _open_library(self) -> Library:
        """Open (or create, or rebuild) the cache; may take a moment on a big one."""
        return Library.open()

    def _library_ready(self, library: Library) -> None:
        app = self.wardapp
        app.library = library
        for notice in library.notices:
            app.tell(notice, severity="warning")
        self.ward_tree.load(library, cast(Grouping, app.settings.grouping))
        self.searching.build_index()
        has_articles = self._show_counts()
        last = app.settings.last_article
        if last and self.ward_tree.select_article(last):
            self._request(last)  # at once, not after the tree's highlight message
        else:
            self._cursor_to_top()
        if app.sync_on_start:
            self.sync_now()
        else:
            self.status.show_state("")
        self._show_welcome(has_articles)

    def _cursor_to_top(self) -> None:
        if self.ward_tree.root.children:
            self.ward_tree.move_cursor(self.ward_tree.root.children[0])

    def _show_counts(self) -> bool:
        """Update the status line; False if the library is empty."""
        app = self.wardapp
        if app.library is None:
            return False
        try:
            stats = app.library.stats()
        except Exception as error:  # noqa: BLE001 - sqlite3.Error; the app may not import sqlite3
            app.tell(f"The library cannot be read: {error}", severity="error")
            return False
        self.status.show_library(app.library_name, stats, len(app.sources.effective))
        return stats.articles > 0

    def _show_welcome(self, has_articles: bool) -> None:
        """Fill the reader when no article is open: welcome, indexing, or empty library."""
        if self.reader.article is not None or (has_articles and self._requested is not None):
            return
        if has_articles:
            self.reader.show_message("Welcome to wardtui", [
                "Move in the tree with ↑ ↓ (or j k), open a ward with → (or l), "
                "and read an article with enter.",
                "[ and ] open the previous and next article; t groups the tree by date "
                "instead of by ward.",
                "b bookmarks the article (B lists the bookmarks), e exports it to a file "
                "and c copies its text.",
                "Press / to search, ctrl+p for the commands, ? for every key, q to quit.",
            ])
        elif self._syncing:
            self.reader.show_message("Indexing the sources…", [
                "The library fills in as soon as the sources are read.",
            ])
        else:
            self._show_empty()

    def _show_empty(self) -> None:
        sources = self.wardapp.sources
        where = ", ".join(str(p) for p in sources.effective)
        self.reader.show_message("The library is empty", [
            f"No article was found in: {where}.",
            "Add a folder of articles (.txt files) and open the app again:",
            "    wardtui PATH        or        wardtui index PATH",
            "then press ctrl+p and choose “Sync the sources” to read them again.",
        ])

    # -- sync ---------------------------------------------------------------------
    def sync_now(self) -> None:
        """Bring the library up to date with the sources, in the background."""
        if self.wardapp.library is None:
            return
        self.status.show_state("syncing…")
        self._syncing = True
        self._sync(list(self.wardapp.sources.effective))

    @work(thread=True, exclusive=True, group="sync", name=SYNC, exit_on_error=False)
    def _sync(self, sources: Sequence[Path]) -> Synced:
        """Sync on the worker's own connection (progress comes back as messages), then
        find the bookmarked articles again (their ids change with their files)."""
        worker = get_current_worker()
        assert self.wardapp.library is not None
        with self.wardapp.library.reopen() as library:
            report = library.sync(
                sources,
                progress=lambda done, total: self._post_progress(done, total),
                should_cancel=lambda: worker.is_cancelled,
            )
            return report, self.bookmarking.reconcile(library, lambda: worker.is_cancelled)

    def _post_progress(self, done: int, total: int) -> None:
        self.post_message(SyncProgress(done, total))  # thread-safe

    def on_sync_progress(self, message: SyncProgress) -> None:
        """Show the progress of a sync that has work to do."""
        if message.total:
            self.status.show_progress(message.done, message.total)

    def _sync_done(self, report: SyncReport, bookmarks: Reconciled) -> None:
        app = self.wardapp
        self._syncing = False
        for problem in report.problems:
            app.tell(problem, severity="warning")
        if report.skipped:
            app.tell(
                f"{plural(len(report.skipped), 'file')} skipped (not articles); "
                "`wardtui index` lists them.",
            )
        if report.parsed or report.removed:
            self.ward_tree.reload()
            if self.ward_tree.cursor_node is None:
                self._cursor_to_top()
        self.bookmarking.reconciled(bookmarks)
        if report.parsed or report.removed:
            self.searching.build_index()  # (the worker keeps the index if it is current)
        self.status.show_state("interrupted" if report.cancelled else "up to date")
        if report.parsed:
            app.tell(f"Library updated: {plural(report.parsed, 'file')} read.")
        self._show_welcome(self._show_counts())

    # -- articles --------------------------------------------------------------------
    def open_article(
        self, article_id: str, highlights: Sequence[str] | None = None, *, focus: bool = False,
        query: str = "",
    ) -> None:
        """Show an article in the reader (and find it in the tree); for search and commands.

        ``highlights`` are terms to mark; or ``query``, a search query whose every match
        is marked (the reader then opens at the first).
        """
        if self.ward_tree.current_article_id != article_id:
            self.ward_tree.select_article(article_id)
        self._request(article_id, list(highlights or []), query)
        if focus:
            self.reader.focus()

    def _request(self, article_id: str, highlights: Sequence[str] = (), query: str = "") -> None:
        self._requested = article_id
        self._load_article(article_id, list(highlights), query)

    @work(thread=True, exclusive=True, group="article", name=ARTICLE, exit_on_error=False)
    def _load_article(self, article_id: str, highlights: list[str], query: str) -> Loaded:
        """Read one article on the worker's own connection."""
        assert self.wardapp.library is not None
        with self.wardapp.library.reopen() as library:
            return library.get(article_id), highlights, query

    def _article_loaded(self, article: Article | None, highlights: list[str], query: str
                        ) -> None:
        if article is None:
            self.wardapp.tell("This article is no longer in the library.", severity="warning")
            return
        self.reader.show_article(article, highlights, query=query)
        self.wardapp.settings.last_article = article.id

    @on(WardTree.ArticleHighlighted)
    def _preview(self, message: WardTree.ArticleHighlighted) -> None:
        if message.article_id != self._requested:
            self._request(message.article_id)

    @on(WardTree.ArticleOpened)
    def _open(self, message: WardTree.ArticleOpened) -> None:
        if message.article_id != self._requested:
            self._request(message.article_id)
        self.reader.focus()

    @on(WardTree.QueryFailed)
    def _query_failed(self, message: WardTree.QueryFailed) -> None:
        self.wardapp.tell(f"The library cannot be read: {message.error}", severity="error")

    # -- search (see SearchActions) -----------------------------------------------------
    @on(Input.Changed, "#search")
    def _query_changed(self, message: Input.Changed) -> None:
        self.searching.query_changed(message.value)

    @on(SearchBar.Left)
    @on(SearchBar.Submitted, "#search")
    def _leave_search(self) -> None:
        self.searching.leave_bar()

    @on(SearchBar.Cancelled)
    @on(SearchResults.Cancelled)
    def _cancel_search(self) -> None:
        self.searching.cancel()

    @on(SearchResults.Opened)
    def _open_result(self, message: SearchResults.Opened) -> None:
        self.searching.opened(message)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Results of the workers, and their failures (shown, never a traceback)."""
        worker = event.worker
        if worker.name in BOOKMARK_WORKERS:
            self.bookmarking.worker_changed(worker, event.state)
            return
        if worker.name in SEARCH_WORKERS:
            self.searching.worker_changed(worker, event.state)
            return
        if event.state == WorkerState.ERROR:
            what = {OPEN: "open the library", SYNC: "sync the sources",
                    ARTICLE: "load the article"}.get(worker.name, worker.name)
            self.wardapp.tell(f"Could not {what}: {worker.error}", severity="error")
            if worker.name == SYNC:
                self._syncing = False
                self.status.show_state("sync failed")
            elif worker.name == OPEN:
                self.status.show_state("no library")
                self.reader.show_message("The library could not be opened", [
                    str(worker.error), "Run `wardtui index` in a terminal to see more."])
            return
        if event.state != WorkerState.SUCCESS:
            return
        if worker.name == OPEN:
            self._library_ready(cast(Library, worker.result))
        elif worker.name == SYNC:
            self._sync_done(*cast(Synced, worker.result))
        elif worker.name == ARTICLE:
            self._article_loaded(*cast(Loaded, worker.result))

    # -- actions -----------------------------------------------------------------------
    def action_toggle_bookmark(self) -> None:
        """Bookmark the current article (tree cursor, or reader), or remove its bookmark."""
        self.bookmarking.toggle_current()

    def toggle_bookmark(self, article_id: str) -> None:
        """Bookmark ``article_id`` or remove its bookmark (for other panes, e.g. results)."""
        self.bookmarking.toggle(article_id)

    def action_bookmarks(self) -> None:
        """Open the list of bookmarks."""
        self.bookmarking.show_list()

    def action_export_article(self) -> None:
        """Export the current article to a file."""
        self.bookmarking.export_current()

    def export_bookmarks(self) -> None:
        """Export every bookmarked article into a folder."""
        self.bookmarking.export_bookmarks()

    def action_copy_article(self) -> None:
        """Copy the current article's text to the clipboard."""
        self.bookmarking.copy_current()

    def action_focus_search(self) -> None:
        """Go to the search bar."""
        self.query_one(SearchBar).focus()

    def action_back(self) -> None:
        """Back out: from the reader to the results (if shown) or the tree."""
        if self.focused is self.reader and self.searching.back_from_reader():
            return
        if self.focused is not self.ward_tree:
            self.ward_tree.focus()

    def action_toggle_grouping(self) -> None:
        """Group the tree by ward, or by date."""
        settings = self.wardapp.settings
        grouping: Grouping = GROUPINGS[(GROUPINGS.index(cast(Grouping, settings.grouping)) + 1)
                                       % len(GROUPINGS)]
        self.set_grouping(grouping)

    def set_grouping(self, grouping: Grouping) -> None:
        """Use ``grouping`` and remember it."""
        settings = self.wardapp.settings
        settings.grouping = grouping
        self.ward_tree.set_grouping(grouping)
        self.wardapp.save_settings()

    def action_step_article(self, forward: bool) -> None:
        """Open the next (or previous) article in tree order."""
        if not self.ward_tree.step_article(forward):
            self.app.bell()

    def go_to_ward(self, ward: WardCount) -> None:
        """Put the tree cursor on a ward (switching to the ward grouping) and focus it."""
        if self.wardapp.settings.grouping != "ward":
            self.set_grouping("ward")
        node = self.ward_tree.reveal([ward_key(ward.ward or UNKNOWN_WARD, ward.unit)])
        if node is not None:
            self.ward_tree.ensure_children(node)
            node.expand()
        self.ward_tree.focus()

    def go_to_year(self, year: int) -> None:
        """Put the tree cursor on a year (switching to the date grouping) and focus it."""
        if self.wardapp.settings.grouping != "date":
            self.set_grouping("date")
        node = self.ward_tree.reveal([year_key(year)])
        if node is not None:
            self.ward_tree.ensure_children(node)
            node.expand()
        self.ward_tree.focus()
