"""The search pane: the results in the tree's place, with the index and the workers behind them.

:class:`SearchPane` owns everything a search needs below the bar: the results
list (:class:`~wardtui.app.widgets.results.SearchResults`), the search index
and the two thread workers that build it and search it. The screen routes the
bar's text down (:meth:`SearchPane.search`); the pane answers with messages up:
:class:`~wardtui.app.messages.ArticleChosen` (a result was opened, with the
parsed query so the reader marks its matches) and
:class:`~wardtui.app.messages.Notice` (a failure, never a traceback).

* The index (:class:`~wardtui.search.SearchIndex`) is built once the library is
  given (:meth:`SearchPane.use_library`), on a connection of its own, its vocabulary
  loaded at once (the first query does not wait for it), and again
  after a sync that changed the library (:meth:`SearchIndex.is_current`, checked
  in the worker). Until it is ready the results say "Building the search index…",
  and the search runs as soon as it is.
* No fixed delay: a change of the query is searched at once when no search is
  running, in a thread worker running :func:`~wardtui.search.search`. While one
  runs, only the latest query is kept, the running one is stopped
  (:class:`~wardtui.search.Stop`: its SQLite queries interrupted, no answer, no
  notice), and the latest runs as soon as it has ended (milliseconds); so a fast
  typist never waits for the search of a query already out of date, nor for a
  timer, and one search at a time holds the second core. An answer for a query
  that is no longer the one typed (or a page no longer wanted) is dropped, never
  painted.
  :class:`SearchPane.Ready` tells the screen when there is something to show.
* The results are shown as soon as the page is ranked: a total still being counted
  (a short prefix or a phrase over 100,000 bodies: 40-200 ms) shows as a lower bound
  ("1-50 of 3,126+ results") until the same worker has counted it.
* In a terminal, Python's full garbage collections wait for the user to pause
  (:class:`~wardtui.app.quiet_gc.QuietCollector`): at 100,000 articles one took
  65-80 ms, and came every second or so of typing; the GIL goes to a search's
  threads after 1 ms of the UI thread's work, not 5 (:mod:`~wardtui.app.gil_turns`).
"""

from __future__ import annotations

from collections.abc import Collection

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import ContentSwitcher
from textual.worker import Worker

from ...library import Library, LibraryError
from ...search import Query, SearchIndex, SearchResponse, SearchStopped, Stop, parse_query, search
from ..gil_turns import short_turns
from ..messages import ArticleChosen, Notice, failure
from ..quiet_gc import QuietCollector
from .results import SearchResults

__all__ = ["BUILDING", "LIMIT", "SearchPane"]

BUILDING = "Building the search index…"
LIMIT = 50  # results listed (the count says how many matched in all)


def _warm(index: SearchIndex) -> None:
    """Load what every search reads first (:meth:`SearchIndex.warm`), so that the first
    query typed does not wait for it: at 100,000 articles ~30 ms here, against ~0.45 s
    more for the first search."""
    try:
        index.warm()
    except LibraryError:
        return  # the first search meets the same trouble, and says so


class SearchPane(Vertical):
    """The results of the query typed in the bar; see the module docstring."""

    DEFAULT_CSS = """
    SearchPane { height: 100%; }
    """

    class Ready(Message):
        """The pane has something to show for the query typed (results, or a line saying
        why not): the screen shows it in the tree's place now, in the same refresh as
        its content (not a frame earlier with the pane empty)."""

    class _IndexReady(Message):
        def __init__(self, index: SearchIndex | None, problem: str | None = None) -> None:
            super().__init__()
            self.index = index
            self.problem = problem

    class _Found(Message):
        def __init__(self, query: Query, response: SearchResponse | None,
                     problem: str | None = None, at_end: bool = False, *,
                     done: bool = True, total: int | None = None, offset: int = 0) -> None:
            super().__init__()
            self.search_query = query
            self.response = response
            self.problem = problem
            self.at_end = at_end  # the cursor on the page's last result
            self.done = done  # False: the worker goes on (counting the total)
            self.total = total  # the total of the page shown from ``offset``, now counted
            self.offset = offset

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.library: Library | None = None
        self.index: SearchIndex | None = None
        self.failed: str | None = None  # why the index could not be built
        self.text = ""  # the query typed, as the bar last said
        self.marked: frozenset[str] = frozenset()  # the bookmarked ids (★, is:bookmarked)
        self.read: frozenset[str] | None = None  # the ids read (bold titles, is:unread)
        self.page_offset = 0  # the page shown starts there (0 for a new query)
        self.by_date = False  # the results newest first, not by relevance
        self._waiting = False  # a search is due as soon as the index is ready
        self.running = False  # a search worker is at work (its answer not handled yet)
        self._due: bool | None = None  # a search is due once it ends (its at_end), if any
        self._stop: Stop | None = None  # stops the search running, if any
        self.collector: QuietCollector | None = None  # full collections while idle

    def on_mount(self) -> None:
        """In a terminal, keep Python's full collections for the pauses, and share the GIL
        with the search's threads in short turns."""
        if not self.app.is_headless:
            self.collector = QuietCollector(self.set_timer)
            short_turns()

    def on_unmount(self) -> None:
        """Python's collector as it was (the pane goes with the app)."""
        if self.collector is not None:
            self.collector.close()
            self.collector = None

    def compose(self) -> ComposeResult:
        """The count line over the list of results."""
        yield SearchResults(id="results")

    @property
    def results(self) -> SearchResults:
        """The results list."""
        return self.query_one(SearchResults)

    def focus(self, scroll_visible: bool = True) -> SearchPane:
        """Focus the results list."""
        self.results.focus(scroll_visible)
        return self

    def current_result_id(self) -> str | None:
        """The article under the results' cursor, when the results have the focus."""
        result = self.results.highlighted_result if self.has_focus_within else None
        return result.id if result is not None else None

    # -- the index ---------------------------------------------------------------------
    def use_library(self, library: Library) -> None:
        """Search ``library`` (and (re)build the index for it)."""
        self.library = library
        self.build_index()

    def build_index(self) -> None:
        """(Re)build the index in a worker; the one in use, if any, serves until then."""
        if self.library is not None:
            self._build(self.library, self.index)

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False,
          description="build the search index")
    def _build(self, library: Library, current: SearchIndex | None) -> None:
        try:
            if current is not None and current.is_current():
                index = current
            else:
                index = SearchIndex.build(library.reopen())
                _warm(index)
        except LibraryError as error:
            self.post_message(self._IndexReady(None, f"The search index could not be built: "
                                                     f"{error}"))
            return
        self.post_message(self._IndexReady(index))

    @on(_IndexReady)
    def _index_ready(self, message: _IndexReady) -> None:
        message.stop()
        if message.index is None:
            self.failed = message.problem
            self.post_message(Notice(message.problem or "", "error"))
            if self._waiting:
                self._status(self.failed or "")
            return
        changed = message.index is not self.index
        self.index, self.failed = message.index, None
        if self._waiting or (changed and self.text.strip()):
            self._waiting = False
            self.run_search()

    # -- searching ---------------------------------------------------------------------
    def search(self, text: str) -> None:
        """The query is now ``text``: search it at once, or as soon as the search running
        ends (an empty one clears the results)."""
        if text != self.text:
            self.page_offset = 0
        self.text = text
        if not text.strip():
            self._waiting = False
            self._due = None  # a search still running is stopped: its answer is stale
            if self._stop is not None:
                self._stop.stop()
            self.results.clear()
            return
        self.run_search()

    def run_search(self, at_end: bool = False) -> None:
        """Search for the query now (the page from :attr:`page_offset`), in a worker; if one
        runs, once it ends (only the latest query is kept); or once the index is ready."""
        if not self.text.strip():
            return
        if self.index is None:
            self._waiting = True
            self._status(self.failed or BUILDING)
            return
        if self.running:  # out of date: stopped now, the latest runs once it has ended
            self._due = at_end
            if self._stop is not None:
                self._stop.stop()
            return
        self._due = None
        self.running = True
        self._stop = Stop()
        if self.collector is not None:
            self.collector.active()
        self._search(self.index, parse_query(self.text), self.marked, self.read, self.page_offset,
                     at_end, self.by_date, self._stop)

    @work(thread=True, exit_on_error=False, group="search", description="search")
    def _search(self, index: SearchIndex, query: Query, marked: Collection[str],
                read: Collection[str] | None = None, offset: int = 0,
                at_end: bool = False, by_date: bool = False, stop: Stop | None = None) -> None:
        """One search; its answer (or its end, whatever happens: stopped, it has none and
        says nothing) always comes back as a :class:`_Found`, which lets the next start."""
        found = self._Found(query, None)  # an unexpected error: the worker's notice says it
        try:
            response = search(index, query, LIMIT, offset=offset, bookmarked=marked,
                              read=read, by_date=by_date, stop=stop, wait_total=False)
            if response.counting is None:
                found = self._Found(query, response, at_end=at_end)
            else:  # the page now, its total once counted
                self.post_message(self._Found(query, response, at_end=at_end, done=False))
                found = self._Found(query, None, total=response.counting(), offset=offset)
        except SearchStopped:  # a newer query is wanted: no answer, nothing to say
            found = self._Found(query, None)
        except LibraryError as error:
            found = self._Found(query, None, f"The search failed: {error}")
        finally:
            self.post_message(found)

    @on(SearchResults.PageWanted)
    def _page_wanted(self, message: SearchResults.PageWanted) -> None:
        """The user moved past the page shown: fetch the one asked for."""
        message.stop()
        if self.text.strip() and self.index is not None:
            self.page_offset = message.offset
            self.run_search(message.at_end)

    @on(_Found)
    def _found(self, message: _Found) -> None:
        message.stop()
        if message.response is not None:
            self.show(message.search_query, message.response, at_end=message.at_end)
        elif message.total is not None:
            self._counted(message.search_query, message.offset, message.total)
        elif message.problem is not None:
            self.post_message(Notice(message.problem, "error"))
            self._status("The search failed (see the notice).")
        if not message.done:
            return  # the worker counts the total (a newer query stops it)
        self.running = False
        self._stop = None
        if self._due is not None:  # the query changed meanwhile: its turn now
            self.run_search(self._due)
        else:
            self._settled()

    def _settled(self) -> None:
        """Garbage collections again once what was shown is painted."""
        if self.collector is not None:
            self.call_after_refresh(self.collector.settled)

    def _status(self, text: str) -> None:
        self.results.show_status(text)
        self.post_message(self.Ready())

    def show(self, query: Query, response: SearchResponse, *, at_end: bool = False) -> None:
        """Show ``response`` if it answers the query typed now (else it is stale)."""
        if query.text != self.text or response.offset != self.page_offset:
            return  # the user typed on (or cleared the search, or paged) meanwhile
        results = self.results
        same_page = query.text == results.query_text and response.offset == results.page_offset
        keep = results.highlighted_result if same_page else None
        results.show_results(response.results, query, total=response.total,
                             hints=response.hints, marked=self.marked, offset=response.offset,
                             page_size=LIMIT, type_more=response.state == "type more",
                             at_end=at_end, counting=response.counting is not None)
        if keep is not None:
            results.highlight_article(keep.id)
        self._reveal()
        self._settled()
        self.post_message(self.Ready())

    def _reveal(self) -> None:
        """In the tree's place now, in the same refresh as the results: the screen's answer
        to :class:`Ready` comes a frame later, after one more layout and paint of the screen
        without them (~10 ms at 100,000 articles). The screen still hears :class:`Ready`."""
        switcher = self.parent
        if isinstance(switcher, ContentSwitcher) and self.id and switcher.current != self.id:
            switcher.current = self.id

    def _counted(self, query: Query, offset: int, total: int) -> None:
        """The total of the results shown, counted after they were shown."""
        results = self.results
        if query.text == self.text == results.query_text and offset == results.page_offset:
            results.set_total(total)

    def set_marks(self, ids: frozenset[str], *, search_again: bool = True) -> None:
        """The bookmarks changed: the ★ follow; an ``is:`` search runs again."""
        self.marked = ids
        if not self.text.strip():
            return
        self.results.set_marks(ids)
        if search_again and "is:" in self.text.lower():
            self.run_search()

    def set_read(self, ids: frozenset[str]) -> None:
        """What has been read changed: the titles follow (an ``is:unread`` search is not
        run again, so that an article read from its results stays in them)."""
        self.read = ids
        self.results.set_read(ids)

    # -- messages up ---------------------------------------------------------------------
    @on(SearchResults.Opened)
    def _opened(self, message: SearchResults.Opened) -> None:
        message.stop()
        self.post_message(ArticleChosen(message.article_id, message.query))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly: a notice, never a traceback."""
        notice = failure(event)
        if notice is not None:
            self.post_message(notice)
