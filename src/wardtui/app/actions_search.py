"""Search on the main screen: the search bar, the results list and the search index.

:class:`SearchActions` is a helper the
:class:`~wardtui.app.screens.main.MainScreen` holds and delegates to, like
:class:`~wardtui.app.actions_bookmarks.BookmarkActions`.

* The index (:class:`~wardtui.search.SearchIndex`) is built in a thread worker
  once the library is open, on a connection of its own, and again after a sync
  that changed the library (:meth:`SearchIndex.is_current`, checked in the
  worker). Until it is ready the results say "Building the search index…", and
  the search runs as soon as it is.
* Each change of the query restarts a short timer (:attr:`SearchActions.DELAY`);
  when it fires, an exclusive thread worker (group ``search``) runs
  :func:`~wardtui.search.search`. A response for a query that is no longer the
  one in the bar is dropped.
* While the query is not empty the results (id ``results``) take the tree's
  place in ``#left``; an empty query or ``escape`` brings the tree back.

A search that fails is a notice, never a traceback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.timer import Timer
from textual.widgets import ContentSwitcher
from textual.worker import Worker, WorkerState

from ..library import Library
from ..search import SearchIndex, SearchResponse, search
from .widgets.results import ResultList, SearchResults
from .widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from .app import WardApp
    from .screens.main import MainScreen

BUILD_INDEX, SEARCH = "build search index", "search"  # the workers' names
WORKERS = {BUILD_INDEX: "build the search index", SEARCH: "search"}
BUILDING = "Building the search index…"
LIMIT = 50  # results listed (the count says how many matched in all)
Searched = tuple[str, SearchResponse]  # the query text searched, and what was found


class SearchActions:
    """What typing in the search bar, ``escape`` and the results do on ``screen``."""

    DELAY: ClassVar[float] = 0.12
    """Seconds after the last keystroke before searching (tests set 0: search at once)."""

    def __init__(self, screen: MainScreen) -> None:
        self.screen = screen
        self.index: SearchIndex | None = None
        self.failed: str | None = None  # why the index could not be built
        self._timer: Timer | None = None
        self._waiting = False  # a search is due as soon as the index is ready

    @property
    def app(self) -> WardApp:
        return self.screen.wardapp

    @property
    def bar(self) -> SearchBar:
        return self.screen.query_one("#search", SearchBar)

    @property
    def results(self) -> SearchResults:
        return self.screen.query_one("#results", SearchResults)

    @property
    def switcher(self) -> ContentSwitcher:
        return self.screen.query_one("#left", ContentSwitcher)

    @property
    def showing(self) -> bool:
        """True while the results are in the tree's place."""
        return self.switcher.current == "results"

    @property
    def in_results(self) -> bool:
        """True when the results list has the focus."""
        return isinstance(self.screen.focused, ResultList)

    # -- the index ---------------------------------------------------------------------
    def build_index(self) -> None:
        """(Re)build the index in a worker; the one in use, if any, serves until then."""
        library = self.app.library
        if library is None:
            return
        current = self.index
        self.screen.run_worker(lambda: self._build(library, current), name=BUILD_INDEX,
                               group="search-index", thread=True, exclusive=True,
                               exit_on_error=False)

    @staticmethod
    def _build(library: Library, current: SearchIndex | None) -> SearchIndex:
        if current is not None and current.is_current():
            return current
        return SearchIndex.build(library.reopen())

    def _index_ready(self, index: SearchIndex) -> None:
        changed = index is not self.index
        self.index, self.failed = index, None
        if self._waiting or (changed and self.showing):
            self._waiting = False
            self.run_search()

    # -- typing ------------------------------------------------------------------------
    def query_changed(self, value: str) -> None:
        """The bar's text changed: show the results (or the tree), search after a pause."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not value.strip():
            self._waiting = False
            self.screen.workers.cancel_group(self.screen, "search")
            self.results.clear()
            if self.showing:
                self.switcher.current = "tree"
            return
        if not self.showing:
            self.switcher.current = "results"
        if self.DELAY > 0:
            self._timer = self.screen.set_timer(self.DELAY, self.run_search)
        else:
            self.run_search()

    def run_search(self) -> None:
        """Search for what is in the bar now, in a worker (or once the index is ready)."""
        self._timer = None
        text = self.bar.value
        if not text.strip():
            return
        if self.index is None:
            self._waiting = True
            self.results.show_status(self.failed or BUILDING)
            return
        index, store = self.index, self.app.bookmarks
        bookmarked = store.ids if store is not None else ()

        def work() -> Searched:
            return text, search(index, text, LIMIT, bookmarked=bookmarked)

        self.screen.run_worker(work, name=SEARCH, group="search", thread=True, exclusive=True,
                               exit_on_error=False)

    def _show(self, text: str, response: SearchResponse) -> None:
        if text != self.bar.value or not self.showing:
            return  # the user typed on (or cleared the search) meanwhile
        results = self.results
        keep = results.highlighted_result if text == results.query_text else None
        results.show_results(response.results, text, total=response.total,
                             hints=response.hints, marked=self.screen.ward_tree.marked)
        if keep is not None:
            results.highlight_article(keep.id)

    def worker_changed(self, worker: Worker[object], state: WorkerState) -> None:
        """The result of one of :data:`WORKERS` (the screen passes them on)."""
        if state == WorkerState.ERROR:
            if worker.name == BUILD_INDEX:
                self.failed = f"The search index could not be built: {worker.error}"
                self.app.tell(self.failed, severity="error")
                if self._waiting:
                    self.results.show_status(self.failed)
            else:
                self.app.tell(f"The search failed: {worker.error}", severity="error")
                self.results.show_status("The search failed (see the notice).")
        elif state == WorkerState.SUCCESS:
            if worker.name == BUILD_INDEX:
                assert isinstance(worker.result, SearchIndex)
                self._index_ready(worker.result)
            elif worker.name == SEARCH:
                searched = cast(Searched, worker.result)
                self._show(*searched)

    # -- moving about ----------------------------------------------------------------
    def leave_bar(self) -> None:
        """``enter`` / ``down`` in the bar: into the results, or the tree if no query."""
        if self.showing:
            self.results.focus()
        else:
            self.screen.ward_tree.focus()

    def cancel(self) -> None:
        """``escape`` in the bar or the results: clear the query, the tree comes back."""
        if self.bar.value:
            self.bar.value = ""  # Input.Changed then shows the tree
        self.query_changed("")
        self.screen.ward_tree.focus()

    def back_from_reader(self) -> bool:
        """``escape`` in the reader: to the results if they are shown (True), else False."""
        if not self.showing:
            return False
        self.results.focus()
        return True

    def opened(self, message: SearchResults.Opened) -> None:
        """A result was chosen: the article in the reader, every match marked."""
        self.screen.open_article(message.article_id, focus=True, query=message.query_text)

    def current_id(self) -> str | None:
        """The article under the results' cursor (when the results have the focus)."""
        result = self.results.highlighted_result if self.in_results else None
        return result.id if result is not None else None

    def marks_changed(self) -> None:
        """A bookmark changed: the ★ follow; an ``is:bookmarked`` search runs again."""
        if not self.showing:
            return
        self.results.set_marks(self.screen.ward_tree.marked)
        if "is:" in self.bar.value.lower():
            self.run_search()
