"""The user's own data, kept apart from the disposable library cache: bookmarks, read
marks and the reading history, in one SQLite file.

Mirrors :mod:`wardtui.library`: :mod:`.model` (what the data is made of), :mod:`.schema`
(the SQLite file: opening, migrating, setting a corrupt one aside, the lock between
processes), :mod:`.store` (:class:`BookmarkStore`, every change one transaction),
:mod:`.readstate` (:class:`ReadState`, read or unread), :mod:`.unread` (unread counts per
ward, year and month), :mod:`.history` (:class:`History`, back and forward) and
:mod:`.reconcile` (finding articles again after the library changed). This package
re-exports the public names. Knows nothing of Textual.
"""

from __future__ import annotations

from .history import History, HistoryCursor
from .model import (
    MAX_NOTE,
    AmbiguousBookmark,
    ArticleLike,
    Bookmark,
    BookmarkError,
    HistoryEntry,
    ReconcileReport,
    UnknownBookmark,
    UserDataError,
    clean_note,
)
from .readstate import ReadState
from .schema import SCHEMA_VERSION
from .store import BookmarkStore
from .unread import UnreadCounts, unread_counts

__all__ = [
    "MAX_NOTE",
    "SCHEMA_VERSION",
    "AmbiguousBookmark",
    "ArticleLike",
    "Bookmark",
    "BookmarkError",
    "BookmarkStore",
    "History",
    "HistoryCursor",
    "HistoryEntry",
    "ReadState",
    "ReconcileReport",
    "UnknownBookmark",
    "UnreadCounts",
    "UserDataError",
    "clean_note",
    "unread_counts",
]
