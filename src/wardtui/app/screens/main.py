"""The main screen: status line, search bar, library tree or search results, reader, footer.

It lays the panes out and routes their messages (messages up, calls down): the
tree's cursor and the search pane's :class:`~wardtui.app.messages.ArticleChosen`
become :meth:`Reader.open <wardtui.app.widgets.reader.Reader.open>` calls, the
bar's text goes to :meth:`SearchPane.search
<wardtui.app.widgets.search_pane.SearchPane.search>`, and the app's
:class:`~wardtui.app.messages.BookmarksChanged` goes to the tree and the results.
Each pane runs its own workers; the screen runs the two that concern them all,
opening the cache and syncing the sources, each on a library connection of its
own, and their results come back as messages. The keys ``b``, ``B``, ``e`` and
``c`` act on *the current article*: the one under the results' cursor when they
have the focus, the one shown when the reader has it, else the tree's.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import ContentSwitcher, Input
from textual.worker import Worker

from ...config import GROUPINGS, Grouping
from ...library import UNKNOWN_WARD, Library, LibraryError, WardCount
from ..catalog import NodeInfo, top_nodes, ward_key, year_key
from ..head_start import HeadStart, Reads
from ..messages import ArticleChosen, BookmarksChanged, Notice, SyncProgress, failure
from ..widgets.footer import KeyFooter
from ..widgets.reader import Reader
from ..widgets.results import SearchResults
from ..widgets.search_bar import SearchBar
from ..widgets.search_pane import SearchPane
from ..widgets.status import StatusBar
from ..widgets.ward_tree import WardTree
from .syncing import SyncingScreen

TREE, RESULTS = "tree", "search-pane"  # what the left pane shows
__all__ = ["MainScreen", "SyncProgress"]


class MainScreen(SyncingScreen):
    """The reading screen."""

    AUTO_FOCUS = "#tree"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", key_display="/", priority=True,
                tooltip="Go to the search bar", id="main.search"),
        Binding("t", "toggle_grouping", "Grouping", tooltip="Group by ward, place or date",
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

    class _LibraryOpened(Message):
        def __init__(self, library: Library | None, problem: str | None,
                     reads: Reads | None = None) -> None:
            super().__init__()
            self.library = library
            self.problem = problem  # why it could not be opened (None: see the notice)
            self.reads = reads  # the head start's, if it opened it

    class _TreeRead(Message):
        def __init__(self, library: Library, grouping: Grouping, top: list[NodeInfo],
                     syncs: int, reads: Reads | None = None) -> None:
            super().__init__()
            self.library = library
            self.grouping = grouping
            self.top = top
            self.syncs = syncs  # syncs done when it was asked for (one since: read again)
            self.reads = reads or Reads()  # the head start's: the last article, its groups

    def compose(self) -> ComposeResult:
        """Status line, search bar, tree (or results) | reader, footer."""
        yield StatusBar(id="status")
        yield SearchBar(id="search")
        with Horizontal(id="body"):
            with ContentSwitcher(initial=TREE, id="left"):
                yield WardTree(id=TREE)
                yield SearchPane(id=RESULTS)
            yield Reader(id="reader")
        yield KeyFooter()

    # -- start-up ---------------------------------------------------------------
    def on_mount(self) -> None:
        """Show the cache at once (given), or right after the first frame (read by the
        head start already: the bar and the frame first, while the user reaches for a
        key); else open it in a worker (or wait there for the head start)."""
        host = self.host
        if not host.blink:
            self.query_one(SearchBar).cursor_blink = False
        for notice in [*host.settings.notices, *host.sources.notices]:
            host.tell(notice, severity="warning")
        self._sources_told = len(host.sources.notices)
        head, host.head_start = host.head_start, None
        if host.library is not None:
            self._library_ready(host.library)
        elif head is not None and head.ready:  # shown once the first frame is out
            self.call_after_refresh(self._library_opened, self._head_opened(head.wait()))
        else:
            self.status.show_state("opening the library…")
            self.reader.show_message("Opening the library…", [])
            self._open_library(head)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False,
          description="open the library")
    def _open_library(self, head: HeadStart | None) -> None:
        """Open (or create, or rebuild) the cache, or wait for the head start to; may take
        a moment on a big one."""
        if head is not None:
            self.post_message(self._head_opened(head.wait()))
            return
        library, problem = None, None
        try:
            library = Library.open()
        except (LibraryError, OSError) as error:
            problem = str(error)
        finally:
            self.post_message(self._LibraryOpened(library, problem))

    def _head_opened(self, reads: Reads) -> _LibraryOpened:
        return self._LibraryOpened(reads.library, reads.problem, reads)

    @on(_LibraryOpened)
    def _library_opened(self, message: _LibraryOpened) -> None:
        if message.library is not None:
            self._library_ready(message.library, message.reads)
            return
        if message.problem is not None:
            self.host.tell(f"Could not open the library: {message.problem}", severity="error")
        self.status.show_state("no library")
        self.reader.show_message("The library could not be opened", [
            message.problem or "See the notice.",
            "Run `wardtui index` in a terminal to see more."])

    def _library_ready(self, library: Library, reads: Reads | None = None) -> None:
        host = self.host
        host.library = library
        for notice in library.notices:
            host.tell(notice, severity="warning")
        if host.sync_on_start:
            self.sync_now()  # first: its worker walks the sources while the tree loads
        else:
            self.status.show_state("")
        self._show_library(library, reads or Reads())

    def _show_library(self, library: Library, reads: Reads) -> None:
        """Search and the reader work at once; the tree and the counts are shown from the
        head start's ``reads``, else read in workers (the screen is painted meanwhile)
        and shown when they answer."""
        host = self.host
        self.reader.library = library
        self.search_pane.use_library(library)
        host.reading.refresh()  # the unread counts need the library
        grouping = host.settings.grouping
        if reads.top is not None and reads.grouping == grouping:
            self._tree_read(self._TreeRead(library, grouping, reads.top, self._syncs_done,
                                           reads))
        else:
            self._first_nodes(library, grouping, self._syncs_done)
        self.show_counts(reads.stats)

    @work(thread=True, group="tree", exit_on_error=False, description="read the tree's groups")
    def _first_nodes(self, library: Library, grouping: Grouping, syncs: int) -> None:
        """The tree's top groups (a query over every article), on the worker's own
        connection."""
        try:
            with library.reopen() as own:
                top = top_nodes(own, grouping)
        except LibraryError as error:
            self.post_message(Notice(f"The library cannot be read: {error}", "error"))
            top = []
        self.post_message(self._TreeRead(library, grouping, top, syncs))

    @on(_TreeRead)
    def _tree_read(self, message: _TreeRead) -> None:
        """The first tree: shown, with the cursor on the last article read (or on top)."""
        tree = self.ward_tree
        if message.syncs != self._syncs_done or message.grouping != self.host.settings.grouping:
            tree.load(message.library, self.host.settings.grouping)  # read again: stale
        else:
            tree.load(message.library, message.grouping, message.top, message.reads.children)
        last, article = self.host.settings.last_article, message.reads.article
        if last and tree.select_article(last):
            if article is not None and article.id == last:
                self.reader.show_article(article)  # read already
            else:
                self.reader.open(last)  # at once, not after the tree's highlight message
        else:
            self._cursor_to_top()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly: a notice, never a traceback."""
        notice = failure(event)
        if notice is not None:
            self.host.tell(notice.text, severity=notice.severity)

    # -- routing: articles -------------------------------------------------------------
    @on(WardTree.ArticleHighlighted)
    def _preview(self, message: WardTree.ArticleHighlighted) -> None:
        if message.article_id != self.reader.requested:
            self.reader.open(message.article_id)

    @on(WardTree.ArticleOpened)
    def _open(self, message: WardTree.ArticleOpened) -> None:
        if message.article_id != self.reader.requested:
            self.reader.open(message.article_id)
        self.reader.focus()

    @on(ArticleChosen)
    def _chosen(self, message: ArticleChosen) -> None:
        self.open_article(message.article_id, message.query)

    @on(Reader.Shown)
    def _shown(self, message: Reader.Shown) -> None:
        self.host.settings.last_article = message.article_id

    @on(WardTree.QueryFailed)
    def _query_failed(self, message: WardTree.QueryFailed) -> None:
        self.host.tell(f"The library cannot be read: {message.error}", severity="error")

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        """The ★ in the tree and the results follow the store (the app keeps the ids too)."""
        self.ward_tree.set_marks(message.ids)
        self.search_pane.set_marks(message.ids)

    # -- routing: search -----------------------------------------------------------------
    @property
    def _left(self) -> ContentSwitcher:
        return self.query_one("#left", ContentSwitcher)

    def _show_left(self, pane: str) -> None:
        self._left.current = pane  # (a reactive: setting the same pane again does nothing)

    @on(Input.Changed, "#search")
    def _query_changed(self, message: Input.Changed) -> None:
        if message.value != message.input.value:
            return  # typed on since (keys that came together): the newest change follows
        if not message.value.strip():
            self._show_left(TREE)  # (the results replace the tree once they are ready)
        self.search_pane.search(message.value)

    @on(SearchPane.Ready)
    @on(SearchBar.Left)
    @on(SearchBar.Submitted, "#search")
    def _results_ready(self, message: Message) -> None:
        """The results (once ready, or on ``down``/``enter`` in the bar) replace the tree."""
        typed = bool(self.query_one(SearchBar).value.strip())
        if typed:
            self._show_left(RESULTS)
        if not isinstance(message, SearchPane.Ready):  # the focus goes on, to the results
            (self.search_pane if typed else self.ward_tree).focus()

    @on(SearchBar.Cancelled)
    @on(SearchResults.Cancelled)
    def _cancel_search(self) -> None:
        bar = self.query_one(SearchBar)
        if bar.value:
            bar.value = ""  # its Input.Changed comes later: clear at once
        self._show_left(TREE)
        self.search_pane.search("")
        self.ward_tree.focus()

    # -- actions -----------------------------------------------------------------------
    def action_focus_search(self) -> None:
        """Go to the search bar, at once: the keys typed after ``/`` go to the bar.

        ``/`` is a priority binding, run before the app hands the next key to the focused
        widget; the focus moves synchronously (with ``Widget.focus``, keys typed quickly
        after ``/`` on a busy app went to the tree, where ``t`` changes the grouping).
        In a text field ``/`` is typed, not taken."""
        if isinstance(self.focused, Input):
            raise SkipAction()
        self.set_focus(self.query_one(SearchBar))

    def action_back(self) -> None:
        """Back out: from the reader to the results (if shown) or the tree."""
        if self.focused is self.reader and self._left.current == RESULTS:
            self.search_pane.focus()
        elif self.focused is not self.ward_tree:
            self.ward_tree.focus()

    def action_toggle_grouping(self) -> None:
        """Group the tree by ward, by place, or by date (in turn)."""
        grouping = self.host.settings.grouping
        self.set_grouping(GROUPINGS[(GROUPINGS.index(grouping) + 1) % len(GROUPINGS)])

    def set_grouping(self, grouping: Grouping) -> None:
        """Use ``grouping`` and remember it."""
        self.host.settings.grouping = grouping
        self.ward_tree.set_grouping(grouping)
        self.host.save_settings()

    def action_step_article(self, forward: bool) -> None:
        """Open the next (or previous) article in tree order."""
        if not self.ward_tree.step_article(forward):
            self.app.bell()
            self.host.tell("This is the last article." if forward
                           else "This is the first article.")

    def go_to_ward(self, ward: WardCount) -> None:
        """Put the tree cursor on a ward (switching to the ward grouping) and focus it."""
        if self.host.settings.grouping != "ward":
            self.set_grouping("ward")
        self._reveal(ward_key(ward.ward or UNKNOWN_WARD, ward.unit))

    def go_to_year(self, year: int) -> None:
        """Put the tree cursor on a year (switching to the date grouping) and focus it."""
        if self.host.settings.grouping != "date":
            self.set_grouping("date")
        self._reveal(year_key(year))

    def _reveal(self, key: tuple[object, ...]) -> None:
        tree = self.ward_tree
        node = tree.reveal([key])
        if node is not None:
            tree.ensure_children(node)
            node.expand()  # then the group's first line on top, its children below
            tree.call_after_refresh(lambda: tree.scroll_to(y=node.line, animate=False))
        tree.focus()
