"""The app's side of the bookmarks: ``b`` on the store as it is now, never on the UI thread.

:class:`BookmarkKeeper` belongs to the app, beside its bookmark store. Every call to
the store runs in a thread worker (another process holding the store's lock never
freezes the screen; a call still waiting after :data:`BUSY_AFTER` seconds says so).

* The store is polled every :data:`POLL_SECONDS` and when the terminal regains the
  focus (``PRAGMA data_version``, cheap): bookmarks added or removed by another
  process (``wardtui bookmarks add``) show in the tree and the results.
* ``b`` reads the bookmark in its worker, at the time of the key: it bookmarks the
  article, or removes the bookmark. A bookmark with a note is not removed at once:
  :class:`ConfirmRemove` asks first (the note may have been written in another
  process a moment ago). A note that appears between the check and the removal is
  put back with its bookmark, and the question asked.

What changed reaches the reading screen as :class:`~wardtui.app.messages.BookmarksChanged`
(through ``changed``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label
from textual.worker import Worker

from ..corpus.clean import safe_line
from ..labels import clip, sentence, title
from ..library import Library, LibraryError
from ..userdata import ArticleLike, Bookmark, BookmarkError, BookmarkStore, UserDataError
from .messages import Notice

__all__ = ["BUSY", "BUSY_AFTER", "POLL_SECONDS", "BookmarkKeeper", "ConfirmRemove"]

POLL_SECONDS = 1.0
"""How often the store is asked whether another process changed it."""
BUSY_AFTER = 1.0
"""Seconds a change may wait for the store before the user is told why."""
BUSY = ("The bookmarks are busy: another wardtui is changing them. "
        "Waiting (the app still works)…")


class ConfirmRemove(ModalScreen[bool]):
    """Remove a bookmark that has a note? Dismissed with True (remove) or False (keep)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Remove", tooltip="Remove the bookmark and its note",
                id="confirm.remove"),
        Binding("n,escape", "answer(False)", "Keep", tooltip="Keep the bookmark",
                id="confirm.keep"),
    ]

    DEFAULT_CSS = """
    ConfirmRemove { align: center middle; }
    ConfirmRemove > #confirm-box {
        width: 70; height: auto; padding: 1 2; border: thick $warning; background: $surface;
    }
    ConfirmRemove #confirm-note { color: $text-muted; margin: 1 0; }
    ConfirmRemove #confirm-buttons { height: auto; align-horizontal: right; }
    ConfirmRemove Button { margin-left: 1; }
    """

    def __init__(self, bookmark: Bookmark) -> None:
        super().__init__()
        self.bookmark = bookmark

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Label(Text(f"Remove the bookmark of “{clip(title(self.bookmark.title), 80)}”?"
                             " Its note goes with it:"), id="confirm-heading")
            yield Label(Text(clip(safe_line(self.bookmark.note), 300)), id="confirm-note")
            with Horizontal(id="confirm-buttons"):
                yield Button("Remove (y)", variant="warning", id="confirm-yes")
                yield Button("Keep (n)", variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, remove: bool) -> None:
        """Dismiss with the answer."""
        self.dismiss(remove)


class BookmarkKeeper:
    """The bookmark work of the app; see the module docstring."""

    def __init__(self, app: App[Any], changed: Callable[[BookmarkStore], None]) -> None:
        """``changed(store)``: in a worker, tell the screen which ids are bookmarked."""
        self.app = app
        self._changed = changed
        self.store: BookmarkStore | None = None
        self._seen: int | None = None  # the store's data_version last seen
        self._polling = threading.Lock()  # one poll at a time (a poll may wait)

    def attach(self, store: BookmarkStore) -> None:
        """Use ``store`` (now open); poll it for other processes' changes."""
        self.store = store
        self.poll()  # the version the app's first reading of the ids goes with
        self.app.set_interval(POLL_SECONDS, self.poll, name="bookmarks poll")

    def _run(self, work: Callable[[], None], description: str, *, watch: bool = False
             ) -> Worker[None]:
        worker: Worker[None] = self.app.run_worker(
            work, thread=True, group="bookmarks", exit_on_error=False,
            description=description)
        if watch:  # a change the user asked for: say so if it waits for another process
            self.app.set_timer(BUSY_AFTER, lambda: self._still_running(worker),
                               name="bookmarks busy")
        return worker

    def _still_running(self, worker: Worker[None]) -> None:
        if worker.is_running:
            self.app.post_message(Notice(BUSY, "warning"))

    # -- other processes' changes -------------------------------------------------------
    def poll(self) -> None:
        """Ask the store (in a worker) whether another process changed it; if so, read
        the bookmarked ids again."""
        store = self.store
        if store is None:
            return

        def check() -> None:
            if not self._polling.acquire(blocking=False):
                return  # the last poll still waits (another process holds the store)
            try:
                seen = store.outside_changes()
                if self._seen is not None and seen != self._seen:
                    self._changed(store)
                self._seen = seen  # (the first poll only notes the version)
            except UserDataError as error:
                self.app.post_message(Notice(sentence(str(error)), "warning"))
            finally:
                self._polling.release()

        self._run(check, "look for other processes' bookmarks")

    # -- b ----------------------------------------------------------------------------
    def toggle(self, article_id: str, known: ArticleLike | None, library: Library | None
               ) -> None:
        """Bookmark ``article_id``, or remove its bookmark (asking first if it has a
        note), as the store is when the worker runs; ``known``: what the screen shows of
        the article (else it is read from ``library``)."""
        store = self.store
        if store is None:
            return

        def work() -> None:
            item = known if known is not None else _summary(self.app, library, article_id)
            if item is None:
                return
            try:
                self._toggle(store, item)
            except BookmarkError as error:
                self.app.post_message(Notice(sentence(str(error)), "error"))

        self._run(work, "change the bookmark", watch=True)

    def _toggle(self, store: BookmarkStore, item: ArticleLike) -> None:
        """In a worker: the store decides, now."""
        current = store.get(item.id)
        if current is None:
            new = store.add(item)
            self._changed(store)
            self.app.post_message(Notice(
                f"{'Bookmarked' if new else 'Already bookmarked'}: {title(item.title)}"))
            return
        if current.note:
            self._ask(store, current)
            return
        removed = store.remove(current.id)
        if removed is not None and removed.note:  # a note written a moment ago
            store.restore(removed)
            self._ask(store, removed)
            return
        self._changed(store)
        self.app.post_message(Notice(f"Bookmark removed: {title(item.title)}"))

    def _ask(self, store: BookmarkStore, bookmark: Bookmark) -> None:
        """From a worker: ask on the UI thread whether to remove a bookmark with a note."""
        self.app.call_from_thread(self._confirm, store, bookmark)

    def _confirm(self, store: BookmarkStore, bookmark: Bookmark) -> None:
        def answered(remove: bool | None) -> None:
            if remove:
                self._remove(store, bookmark)
            else:
                self.app.post_message(Notice("The bookmark and its note are kept."))

        self.app.push_screen(ConfirmRemove(bookmark), answered)

    def _remove(self, store: BookmarkStore, bookmark: Bookmark) -> None:
        def work() -> None:
            try:
                removed = store.remove(bookmark.id)
                self._changed(store)
            except BookmarkError as error:
                self.app.post_message(Notice(sentence(str(error)), "error"))
                return
            if removed is not None:
                self.app.post_message(Notice(
                    f"Bookmark removed, with its note: {title(removed.title)}"))

        self._run(work, "remove the bookmark", watch=True)


def _summary(app: App[Any], library: Library | None, article_id: str) -> ArticleLike | None:
    """In a worker: what a bookmark needs of the article, read from the library."""
    if library is None:
        app.post_message(Notice("The library is still opening."))
        return None
    try:
        with library.reopen() as own:
            item = own.summary(article_id)
    except LibraryError as error:
        app.post_message(Notice(f"The library cannot be read: {error}", "error"))
        return None
    if item is None:
        app.post_message(Notice("This article is no longer in the library.", "warning"))
    return item
