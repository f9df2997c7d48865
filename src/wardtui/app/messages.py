"""The messages the app's panes send up, and the one the app sends down.

Panes post what happened (messages up); the screen routes each to the pane that
acts on it with a method call (calls down). :class:`ArticleChosen` comes from the
search pane (and any other pane that opens an article) with the parsed query
whose matches the reader marks; :class:`BookmarksChanged` comes from the app,
which holds the bookmark store, and the screen passes the ids to the tree and
the results; :class:`Notice` carries a one-line notice from a worker thread, and
:class:`SyncProgress` the progress of a sync to the main screen.
"""

from __future__ import annotations

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from ..search import Query

__all__ = ["ArticleChosen", "BookmarksChanged", "Notice", "SyncProgress", "failure"]


class ArticleChosen(Message):
    """Open this article in the reader and focus it; ``query``: the matches to mark."""

    def __init__(self, article_id: str, query: Query | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.query = query


class BookmarksChanged(Message):
    """The bookmarked articles are now exactly ``ids`` (after a change or a sync)."""

    def __init__(self, ids: frozenset[str]) -> None:
        super().__init__()
        self.ids = ids


class Notice(Message):
    """A notice for the user from a worker thread (shown by the app, never as markup)."""

    def __init__(self, text: str, severity: SeverityLevel = "information") -> None:
        super().__init__()
        self.text = text
        self.severity = severity


def failure(event: Worker.StateChanged) -> Notice | None:
    """The notice for a worker that failed unexpectedly (its owner posts it), else ``None``.

    Expected failures (:class:`~wardtui.library.LibraryError`, the store's errors)
    are caught in the workers themselves; this is the last guard, so that a bug
    is a notice naming what could not be done, never a traceback.
    """
    if event.state != WorkerState.ERROR:
        return None
    worker = event.worker
    return Notice(f"Could not {worker.description or worker.name}: {worker.error}", "error")


class SyncProgress(Message):
    """Files done of total, from the sync worker (repeats coalesce)."""

    def __init__(self, done: int, total: int) -> None:
        self.done = done
        self.total = total
        super().__init__()

    def can_replace(self, message: Message) -> bool:
        """A newer progress report replaces an older one still queued."""
        return isinstance(message, SyncProgress)
