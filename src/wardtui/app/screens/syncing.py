"""The reading screen's syncs: the launch sync, ``r``, and what the screen shows of them.

:class:`SyncingScreen` sits between :class:`~wardtui.app.screens.ux_keys.UxKeysScreen`
and the main screen. A sync runs in a thread worker on a library connection of its
own, or, at launch from the ``wardtui`` command, in the forked process that
:class:`~wardtui.app.early_sync.EarlySync` started before Textual was imported: the
worker then only reads its progress and its report. Either way the status line shows
the progress, then 'up to date' (or 'interrupted', or 'sync failed' with a notice),
the bookmarks and read marks are found again in the synced library (their ids change
with their files), and the tree, the open article and the search index are read again
when the sync changed something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.message import Message
from textual.worker import Worker, get_current_worker

from ...labels import plural
from ...library import Library, LibraryError, LibraryStats
from ...storage import StoreError
from ..early_sync import EarlySync, Finished, Progress, SyncFailed, SyncSummary
from ..messages import Notice, SyncProgress
from .ux_keys import UxKeysScreen
from .welcome import empty_text, indexing_text, welcome_text

if TYPE_CHECKING:  # the sync itself is imported when the app runs one (not at launch)
    from ...library import SyncReport
    from ...library.sync import SourcesArg

__all__ = ["SyncingScreen"]


class SyncingScreen(UxKeysScreen):
    """Runs the syncs and shows their state; see the module docstring."""

    _syncing = False
    _syncs_done = 0  # syncs that changed the library (a tree read before one is stale)

    class _Synced(Message):
        def __init__(self, report: SyncReport | SyncSummary | None,
                     notices: list[str]) -> None:
            super().__init__()
            self.report = report
            self.notices = notices  # found by a forked sync (its Sources and cache)

    def sync_now(self) -> None:
        """Bring the library up to date with the sources, in the background (at launch:
        follow the sync started before the app, if there is one)."""
        host = self.host
        library = host.library
        if library is None:
            return
        self.status.show_state("syncing…")
        self._syncing = True
        host.reading.sync_started()
        early, host.early_sync = host.early_sync, None
        if early is not None:
            self._follow(library, early)
        else:
            self._sync(library, host.sources.current)

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False,
          description="sync the sources")
    def _sync(self, library: Library, sources: SourcesArg) -> None:
        """Sync on the worker's own connection (progress comes back as messages), then
        find the bookmarks and read marks again. ``sources`` is called by the sync
        itself, at its start and before it removes anything: another process may have
        added or removed a source meanwhile."""
        worker = get_current_worker()
        report: SyncReport | None = None

        def progress(done: int, total: int) -> None:
            self.post_message(SyncProgress(done, total))  # thread-safe

        try:
            with library.reopen() as own:
                report = own.sync(sources, progress=progress,
                                  should_cancel=lambda: worker.is_cancelled)
                self._after_sync(own, report, worker)
        except LibraryError as error:
            self.post_message(Notice(f"Could not sync the sources: {error}", "error"))
        except StoreError as error:  # the list of sources cannot be read now
            self.post_message(Notice(f"Could not sync: {error}", "error"))
        finally:
            self.post_message(self._Synced(report, []))

    @work(thread=True, exclusive=True, group="sync", exit_on_error=False,
          description="sync the sources")
    def _follow(self, library: Library, early: EarlySync) -> None:
        """Follow the launch sync's process: its progress, then its report; then find the
        bookmarks and read marks again on the worker's own connection."""
        worker = get_current_worker()
        report: SyncSummary | None = None
        notices: list[str] = []
        try:
            for event in early.events(lambda: worker.is_cancelled):
                if isinstance(event, Progress):
                    self.post_message(SyncProgress(*event))
                elif isinstance(event, SyncFailed):
                    self.post_message(Notice(event.message, "error"))
                elif isinstance(event, Finished):
                    report, notices = event.report, event.notices
            if report is not None and not worker.is_cancelled:
                with library.reopen() as own:
                    self._after_sync(own, report, worker)
        except LibraryError as error:
            self.post_message(Notice(f"Could not sync the sources: {error}", "error"))
        finally:
            self.post_message(self._Synced(report, notices))

    def _after_sync(self, own: Library, report: SyncReport | SyncSummary,
                    worker: Worker[None]) -> None:
        """In a sync's worker: the bookmarks and the read marks follow their articles."""
        self.host.reconcile_bookmarks(own, lambda: worker.is_cancelled)
        # read marks follow their articles too; counted again if anything changed
        self.host.reading.after_sync(own, bool(report.parsed or report.removed))

    def on_sync_progress(self, message: SyncProgress) -> None:
        """Show the progress of a sync that has work to do."""
        if message.total:
            self.status.show_progress(message.done, message.total)

    @on(_Synced)
    def _sync_done(self, message: _Synced) -> None:
        host, report = self.host, message.report
        self._syncing = False
        host.reading.sync_ended()
        if report is None:
            self.status.show_state("sync failed")
            return
        for problem in report.problems:
            host.tell(problem, severity="warning")
        for notice in message.notices:  # a forked sync's: not in this process's Sources
            if notice not in host.sources.notices and notice not in host.messages:
                host.tell(notice, severity="warning")
        for notice in host.sources.notices[self._sources_told:]:  # found by this sync
            host.tell(notice, severity="warning")
        self._sources_told = len(host.sources.notices)
        if report.skipped:
            host.tell(f"{plural(len(report.skipped), 'file')} skipped (not articles); "
                      "`wardtui index` lists them.")
        changed = bool(report.parsed or report.removed)
        if changed:
            self._syncs_done += 1
            on_it = self.ward_tree.current_article_id == self.reader.article_id
            self.ward_tree.reload()
            self.follow_open_article(on_it)  # re-read if its file changed
            if self.ward_tree.cursor_node is None:
                self._cursor_to_top()
            self.search_pane.build_index()  # (the worker keeps the index if it is current)
        self.status.show_state("interrupted" if report.cancelled else "up to date")
        if report.parsed:
            host.tell(f"Library updated: {plural(report.parsed, 'file')} read.")
        if changed or not self._articles_shown:  # (else the counts shown stand)
            self.show_counts()

    # -- what the screen shows of the library ---------------------------------------------
    _sources_told = 0  # the sources' notices shown so far

    def _cursor_to_top(self) -> None:
        if self.ward_tree.root.children:
            self.ward_tree.move_cursor(self.ward_tree.root.children[0])

    _counts_asked = 0  # counts asked for; an answer older than the newest shown is dropped
    _counts_shown = 0
    _articles_shown = 0  # the articles the counts shown say the library holds

    def show_counts(self, known: LibraryStats | None = None) -> None:
        """Read the library's counts in a worker (or show ``known``, read already); then
        the status line and the reader's welcome (or 'indexing', or the empty library's
        text) show them."""
        library = self.host.library
        if library is not None:
            self._counts_asked += 1
            if known is not None:
                self._counted(self._Counted(known, self._counts_asked))
            else:
                self._count(library, self._counts_asked)

    @work(thread=True, group="counts", exit_on_error=False, description="count the library")
    def _count(self, library: Library, number: int) -> None:
        try:
            with library.reopen() as own:
                stats = own.stats()
        except LibraryError as error:
            self.post_message(Notice(f"The library cannot be read: {error}", "error"))
            return
        self.post_message(self._Counted(stats, number))

    class _Counted(Message):
        def __init__(self, stats: LibraryStats, number: int) -> None:
            super().__init__()
            self.stats = stats
            self.number = number

    @on(_Counted)
    def _counted(self, message: _Counted) -> None:
        if message.number < self._counts_shown:
            return  # a newer count is on screen already
        self._counts_shown = message.number
        self._articles_shown = message.stats.articles
        host = self.host
        self.status.show_library(host.library_name, message.stats, len(host.sources.effective))
        self._show_welcome(message.stats.articles > 0)

    def _show_welcome(self, has_articles: bool) -> None:
        """Fill the reader when no article is open: welcome, indexing, or empty library."""
        reader = self.reader
        if reader.article is not None or (has_articles and reader.requested is not None):
            return
        if has_articles:
            reader.show_message(*welcome_text())
        elif self._syncing:
            reader.show_message(*indexing_text())
        else:
            reader.show_message(*empty_text(self.host.sources.effective))
