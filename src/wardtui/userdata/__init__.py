"""The user's own data, kept apart from the disposable library cache: bookmarks today,
with the reader's read/unread state and history to live beside them.

Mirrors :mod:`wardtui.library`: :mod:`.model` (what the data is made of), :mod:`.schema`
(the SQLite file: opening, setting a corrupt one aside, the lock between processes),
:mod:`.store` (:class:`BookmarkStore`, every change one transaction) and
:mod:`.reconcile` (finding bookmarked articles again after the library changed). This
package re-exports the public names. Knows nothing of Textual.
"""

from __future__ import annotations

from .model import (
    MAX_NOTE,
    AmbiguousBookmark,
    ArticleLike,
    Bookmark,
    BookmarkError,
    ReconcileReport,
    UnknownBookmark,
    clean_note,
)
from .schema import SCHEMA_VERSION
from .store import BookmarkStore

__all__ = [
    "MAX_NOTE",
    "SCHEMA_VERSION",
    "AmbiguousBookmark",
    "ArticleLike",
    "Bookmark",
    "BookmarkError",
    "BookmarkStore",
    "ReconcileReport",
    "UnknownBookmark",
    "clean_note",
]
