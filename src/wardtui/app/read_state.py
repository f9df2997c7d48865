"""The app's side of the read marks and the history: every store call in a worker.

:class:`ReadKeeper` belongs to the app, beside its bookmark store (the same file: see
:mod:`wardtui.userdata`). It marks articles read or unread, records the articles
opened and steps back and forward through them (one :class:`HistoryCursor` per run),
each in a thread worker; what changed comes back to the reading screen as
:class:`ReadChanged` (the ids read and the unread counts of the library, which the
tree and the search results show) or :class:`HistoryMoved`. A timer polls the store
for another process's changes (``PRAGMA data_version``: cheap) and reads the marks
again when there are some. :func:`unread_in` says how many unread articles a tree node
holds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Sequence
from typing import Any

from textual.app import App
from textual.message import Message
from textual.timer import Timer

from ..labels import sentence, title
from ..library import Library, LibraryError
from ..userdata import (
    ArticleLike,
    BookmarkStore,
    HistoryCursor,
    HistoryEntry,
    UnreadCounts,
    UserDataError,
    unread_counts,
)
from .catalog import NodeInfo
from .messages import Notice

__all__ = ["POLL_SECONDS", "HistoryMoved", "ReadChanged", "ReadKeeper", "unread_in"]

POLL_SECONDS = 2.0
"""How often the store is asked whether another process changed it."""
ADJUST_AT_MOST = 50
"""Up to this many articles marked, the unread counts are adjusted, not counted again."""


class ReadChanged(Message):
    """The articles read are now ``ids``; ``counts``: the library's unread counts
    (``None`` while the library is not open)."""

    def __init__(self, ids: frozenset[str], counts: UnreadCounts | None) -> None:
        super().__init__()
        self.ids = ids
        self.counts = counts


class HistoryMoved(Message):
    """A step back (``back``) or forward in the history: open ``entry``, or say that
    there is nothing further that way (``entry`` is ``None``)."""

    def __init__(self, entry: HistoryEntry | None, back: bool) -> None:
        super().__init__()
        self.entry = entry
        self.back = back


def unread_in(info: NodeInfo, read: Collection[str], counts: UnreadCounts | None) -> int | None:
    """How many unread articles ``info`` holds (an article: 1 or 0); ``None`` when not
    known (no counts yet, or a kind of group the counts do not cover)."""
    if info.summary is not None:
        return 0 if info.summary.id in read else 1
    if counts is None or info.kind not in ("ward", "year", "month"):
        return None
    if info.kind == "ward" and info.ward is None:
        return None
    return counts.count(ward=info.ward, unit=info.unit if info.ward else None,
                        year=info.year, month=info.month)


class ReadKeeper:
    """The read marks and the history of the app; see the module docstring.

    ``deliver`` posts a message to the reading screen (from any thread).
    """

    def __init__(self, app: App[Any], deliver: Callable[[Message], object]) -> None:
        self.app = app
        self.deliver = deliver
        self.store: BookmarkStore | None = None
        self.cursor: HistoryCursor | None = None
        self.read: frozenset[str] = frozenset()
        self.counts: UnreadCounts | None = None
        self._outside: int | None = None  # the store's data_version seen last
        self._poll: Timer | None = None
        self._polling = False  # a check is running (a busy store must not pile them up)
        self.syncing = False  # a sync runs: the counts wait for its end (one count, not two)
        self._turn = threading.RLock()  # the workers' store work, one at a time

    @property
    def library(self) -> Library | None:
        library = getattr(self.app, "library", None)
        return library if isinstance(library, Library) else None

    def attach(self, store: BookmarkStore) -> None:
        """Use ``store`` (opened by the app); read the marks and start polling."""
        self.store = store
        self.cursor = HistoryCursor(store.history)
        self.refresh()
        if self._poll is None:
            self._poll = self.app.set_interval(POLL_SECONDS, self.poll, name="read marks poll")

    def _run(self, work: Callable[[], None], description: str, *, in_turn: bool = True
             ) -> None:
        """Run ``work`` in a worker; ``in_turn``: one at a time, in the order asked (a
        full count started before a change must not be delivered after it)."""

        def turn() -> None:
            with self._turn:
                work()

        self.app.run_worker(turn if in_turn else work, thread=True, group="reading",
                            exit_on_error=False, description=description)

    # -- reading the marks ------------------------------------------------------------
    def refresh(self) -> None:
        """Read the marks and the unread counts again, in a worker."""
        store, library = self.store, self.library
        if store is not None:
            self._run(lambda: self._read_all(store, library), "read what you have read")

    def poll(self) -> None:
        """Read the marks again if another process changed the store (in a worker)."""
        store, library = self.store, self.library
        if store is None or self._polling:
            return
        self._polling = True

        def check() -> None:
            try:
                seen = store.outside_changes()
                if seen != self._outside or (self.counts is None and library is not None):
                    self._outside = seen
                    self._read_all(store, library)
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "warning"))
            finally:
                self._polling = False

        self._run(check, "check the read marks")

    def _read_all(self, store: BookmarkStore, library: Library | None,
                  own: Library | None = None) -> None:
        """In a worker: the ids read and the counts, delivered as :class:`ReadChanged`.
        While a sync runs the counts are left as they are (:meth:`after_sync` counts):
        counting a big library beside the sync only slowed both down."""
        try:
            self._outside = store.outside_changes()  # what the next poll compares with
            ids = frozenset(store.reading.ids())
            counts = self.counts if self.syncing else None  # (None: no library open)
            if own is not None:
                counts = unread_counts(own, ids)
            elif library is not None and not self.syncing:
                with library.reopen() as connection:
                    counts = unread_counts(connection, ids)
        except UserDataError as error:
            self.deliver(Notice(sentence(str(error)), "error"))
            return
        except LibraryError as error:
            self.deliver(Notice(f"The unread articles could not be counted: {error}", "error"))
            return
        self.read, self.counts = ids, counts
        self.deliver(ReadChanged(ids, counts))

    def sync_started(self) -> None:
        """A sync starts: counting waits for its end (:meth:`after_sync`, :meth:`sync_ended`)."""
        self.syncing = True

    def after_sync(self, own: Library, changed: bool = True) -> None:
        """In the sync worker, on its connection: follow the articles whose id changed,
        then count again, unless the sync changed nothing (``changed``) and no read mark
        moved."""
        store = self.store
        if store is None:  # the store not open yet: attaching it counts
            self.syncing = False
            return
        with self._turn:  # in order with the marks being made meanwhile
            moved = True
            try:
                moved = bool(store.reading.reconcile(own)) | bool(store.history.reconcile(own))
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "warning"))
            except LibraryError as error:
                self.deliver(Notice(f"The read marks could not be checked: {error}",
                                    "warning"))
            if changed or moved:
                self.syncing = False
                self._read_all(store, None, own)
            # else the counts stand, or (not made yet) are made once the sync has ended:
            # "up to date" does not wait for them (see sync_ended)

    def sync_ended(self) -> None:
        """The sync is over, however it ended: count now if the counts were left for it."""
        if self.syncing:
            self.syncing = False
            if self.counts is None:
                self.refresh()

    def _changed(self, store: BookmarkStore, library: Library | None,
                 articles: Sequence[ArticleLike] | None, read: bool) -> None:
        """In a worker, after a change: a few articles (``articles``, each of which
        changed) adjust the counts; more, or not knowing which, count again."""
        counts = self.counts
        if counts is None or articles is None or len(articles) > ADJUST_AT_MOST:
            self._read_all(store, library)
            return
        try:
            ids = frozenset(store.reading.ids())
        except UserDataError as error:
            self.deliver(Notice(sentence(str(error)), "error"))
            return
        self.read, self.counts = ids, counts.adjusted(articles, read)
        self.deliver(ReadChanged(self.read, self.counts))

    # -- changing them --------------------------------------------------------------------
    def mark(self, articles: Sequence[ArticleLike], read: bool, *, say: str | None = None
             ) -> None:
        """Mark ``articles`` read (or unread) in one transaction, in a worker; ``say``: the
        notice once done."""
        store, library = self.store, self.library
        if store is None or not articles:
            return

        def work() -> None:
            try:
                if read:
                    changed = store.reading.mark_read(articles)
                else:
                    changed = store.reading.mark_unread(a.id for a in articles)
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "error"))
                return
            self._changed(store, library, articles if changed == len(articles) else None, read)
            if say:
                self.deliver(Notice(say))

        self._run(work, "mark articles read" if read else "mark articles unread")

    def toggle(self, article: ArticleLike) -> None:
        """Mark an unread article read, a read one unread (as the store has it now)."""
        store, library = self.store, self.library
        if store is None:
            return

        def work() -> None:
            try:
                now_read = store.reading.toggle(article)
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "error"))
                return
            self._changed(store, library, [article], now_read)
            self.deliver(Notice(f"{'Read' if now_read else 'Unread'}: {title(article.title)}"))

        self._run(work, "mark the article read or unread")

    def mark_group(self, fetch: Callable[[Library], list[Any]], name: str) -> None:
        """Mark every article of a group read, or unread when all were read already:
        ``fetch`` lists them on a worker's library connection; ``name`` names the group."""
        store, library = self.store, self.library
        if store is None or library is None:
            return

        def work() -> None:
            try:
                with library.reopen() as own:
                    articles = fetch(own)
                read = store.reading.ids()
                unread = [a for a in articles if a.id not in read]
                if unread:
                    store.reading.mark_read(unread)
                    done = f"{len(unread)} marked read in {name} (M again: all unread)."
                else:
                    store.reading.mark_unread(a.id for a in articles)
                    done = f"All {len(articles)} marked unread in {name}."
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "error"))
                return
            except LibraryError as error:
                self.deliver(Notice(f"The library cannot be read: {error}", "error"))
                return
            self._read_all(store, library)
            self.deliver(Notice(done))

        self._run(work, "mark the group read")

    # -- history --------------------------------------------------------------------------
    def visit(self, article: ArticleLike) -> None:
        """Record that ``article`` was opened (a no-op when it is the one stood on)."""
        cursor = self.cursor
        if cursor is None:
            return

        def work() -> None:
            try:
                cursor.visit(article)
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "warning"))

        self._run(work, "remember the article opened", in_turn=False)

    def step(self, back: bool) -> None:
        """Step back (or forward) in the history; :class:`HistoryMoved` says where."""
        cursor = self.cursor
        if cursor is None:
            self.app.notify("The history is still opening.", markup=False)
            return

        def work() -> None:
            try:
                entry = cursor.back() if back else cursor.forward()
            except UserDataError as error:
                self.deliver(Notice(sentence(str(error)), "error"))
                return
            self.deliver(HistoryMoved(entry, back))

        self._run(work, "go back" if back else "go forward", in_turn=False)

    def close(self) -> None:
        """Stop polling."""
        if self._poll is not None:
            self._poll.stop()
            self._poll = None
