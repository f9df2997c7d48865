"""Read marks: which articles the user has read, kept in the user's data file.

An article is read or unread. Marking one or many (a whole ward or year) is one
``BEGIN IMMEDIATE`` transaction of the :class:`~wardtui.userdata.BookmarkStore` that
holds the file, so two processes marking at once both keep their changes. A mark keeps
the article's source path and title: when the article's id changes (its file was
edited), :meth:`ReadState.reconcile` finds it again and re-keys the mark, keeping the
old id as an alias; a mark whose article has gone is kept (it may come back). The ids
read are one SELECT (:meth:`ReadState.ids`), for the search's ``is:read`` filter and
:func:`~wardtui.userdata.unread_counts`. Knows nothing of Textual.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ..library import Library
from . import reconcile
from .model import ArticleLike, UserDataError, now
from .unread import UnreadCounts, unread_counts

if TYPE_CHECKING:
    from .store import BookmarkStore

__all__ = ["ReadState"]

SUBJECT = "read marks"

_MARK = (  # an id already read (or an old id of one) is left as it is
    "INSERT INTO read_marks (id, source, title, at) SELECT ?, ?, ?, ?"
    " WHERE NOT EXISTS (SELECT 1 FROM read_aliases WHERE alias = ?)"
    " ON CONFLICT (id) DO NOTHING"
)
_REFRESH = (
    "UPDATE read_marks SET source = ?, title = ? WHERE id = ? AND (source != ? OR title != ?)"
)
_UNMARK = (
    "DELETE FROM read_marks WHERE id = ? OR id = (SELECT id FROM read_aliases WHERE alias = ?)"
)


class ReadState:
    """The read marks in one user data file; see the module docstring.

    Made by :attr:`BookmarkStore.reading`; shares the store's connection and
    lock (so it may be used from any thread of the process). Errors raise
    :class:`~wardtui.userdata.UserDataError`.
    """

    def __init__(self, store: BookmarkStore) -> None:
        self._store = store

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._store._read(SUBJECT, UserDataError)

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._store._write(SUBJECT, UserDataError)

    # -- reading -------------------------------------------------------------------
    def ids(self) -> set[str]:
        """Every id read: the marks' ids and their old ids (one query)."""
        with self._read() as conn:
            return {
                row[0]
                for row in conn.execute(
                    "SELECT id FROM read_marks UNION ALL SELECT alias FROM read_aliases"
                )
            }

    def is_read(self, article_id: str) -> bool:
        """True when the article (by its id or an old id) is marked read."""
        with self._read() as conn:
            return conn.execute(
                "SELECT 1 FROM read_marks WHERE id = ?"
                " UNION ALL SELECT 1 FROM read_aliases WHERE alias = ? LIMIT 1",
                (article_id, article_id),
            ).fetchone() is not None

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM read_marks").fetchone()[0])

    def unread_counts(self, library: Library) -> UnreadCounts:
        """How many articles of ``library`` are unread, per ward, year and month."""
        return unread_counts(library, self.ids())

    # -- changing ------------------------------------------------------------------
    def mark_read(self, articles: Iterable[ArticleLike]) -> int:
        """Mark every article read, in one transaction; the number newly marked."""
        items = list(articles)
        stamp = now()
        with self._write() as conn:
            marked = conn.executemany(
                _MARK, ((a.id, a.source, a.title, stamp, a.id) for a in items)
            ).rowcount
            conn.executemany(
                _REFRESH, ((a.source, a.title, a.id, a.source, a.title) for a in items)
            )
        return max(0, marked)

    def mark_unread(self, article_ids: Iterable[str]) -> int:
        """Mark every article (by its id or an old id) unread, in one transaction; the
        number of marks removed."""
        ids = list(dict.fromkeys(article_ids))
        with self._write() as conn:
            return max(0, conn.executemany(_UNMARK, ((i, i) for i in ids)).rowcount)

    def set_read(self, article: ArticleLike, read: bool) -> bool:
        """Mark one article read or unread; True when that changed something."""
        if read:
            return self.mark_read([article]) > 0
        return self.mark_unread([article.id]) > 0

    def toggle(self, article: ArticleLike) -> bool:
        """Mark an unread article read and a read one unread, in one transaction; True
        when it is read now."""
        with self._write() as conn:
            found = conn.execute(_UNMARK, (article.id, article.id)).rowcount
            if found:
                return False
            conn.execute(_MARK, (article.id, article.source, article.title, now(), article.id))
            return True

    def clear(self) -> None:
        """Forget every read mark."""
        with self._write() as conn:
            conn.execute("DELETE FROM read_marks")

    # -- keeping in step with the library ------------------------------------------
    def reconcile(self, library: Library) -> list[tuple[str, str]]:
        """Re-key the marks whose article has a new id in ``library`` (found by its
        source path and title); the ``(old id, new id)`` pairs. Marks of articles
        that are not found are kept. Cheap when nothing moved: two queries."""
        with self._read() as conn:
            marks = {
                row["id"]: (row["source"], row["title"])
                for row in conn.execute("SELECT id, source, title FROM read_marks")
            }
        present = reconcile.present_ids(library, marks)
        gone = {key: value for key, value in marks.items() if key not in present}
        found = reconcile.find_moved(library, gone)
        if not found:
            return []
        moved: list[tuple[str, str]] = []
        with self._write() as conn:
            for old, current in found.items():
                if _rekey(conn, old, current):
                    moved.append((old, current.id))
        return moved


def _rekey(conn: sqlite3.Connection, old: str, current: ArticleLike) -> bool:
    """Move the mark ``old`` to ``current.id``, keeping ``old`` as an alias; False when
    the mark was removed meanwhile."""
    new = current.id
    if conn.execute("SELECT 1 FROM read_marks WHERE id = ?", (old,)).fetchone() is None:
        return False
    if conn.execute("SELECT 1 FROM read_marks WHERE id = ?", (new,)).fetchone():
        conn.execute("UPDATE read_aliases SET id = ? WHERE id = ?", (new, old))
        conn.execute("DELETE FROM read_marks WHERE id = ?", (old,))
    else:
        conn.execute("DELETE FROM read_aliases WHERE alias = ?", (new,))
        conn.execute(
            "UPDATE read_marks SET id = ?, source = ?, title = ? WHERE id = ?",
            (new, current.source, current.title, old),
        )
    conn.execute("INSERT OR REPLACE INTO read_aliases (alias, id) VALUES (?, ?)", (old, new))
    return True
