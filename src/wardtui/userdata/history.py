"""The reading history: the articles opened, in order, with back and forward like a
browser's, kept in the user's data file across restarts.

Entries are only ever appended (the oldest dropped beyond :data:`CAP`), so two processes
opening articles at once both keep every entry. Each entry remembers the one the user
came from (``prev``): *back* follows it, and *forward* is the newest entry that came from
here, so opening an article after going back leaves the old forward entries behind, as a
browser does, without deleting anything another process may still be on.
:class:`HistoryCursor` is one process's place in it: before anything is opened in a run
it stands after the newest entry, so *back* reopens the last article of the previous
run. Knows nothing of Textual.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from ..library import Library
from . import reconcile
from .model import ArticleLike, HistoryEntry, UserDataError, now

if TYPE_CHECKING:
    from .store import BookmarkStore

__all__ = ["CAP", "History", "HistoryCursor"]

CAP = 500
"""At most this many entries are kept (the oldest go first)."""

SUBJECT = "history"
_COLUMNS = "seq, id, prev, title, source, opened"


def _entry(row: sqlite3.Row | None) -> HistoryEntry | None:
    if row is None:
        return None
    return HistoryEntry(
        seq=int(row["seq"]), id=row["id"], prev=row["prev"], title=row["title"],
        source=row["source"], opened=row["opened"],
    )


class History:
    """The history in one user data file; see the module docstring.

    Made by :attr:`BookmarkStore.history`; shares the store's connection and
    lock. ``at`` arguments are the entry the caller stands on, ``None`` before
    anything was opened in this run. Errors raise
    :class:`~wardtui.userdata.UserDataError`.
    """

    def __init__(self, store: BookmarkStore, cap: int = CAP) -> None:
        self._store = store
        self.cap = max(1, cap)

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._store._read(SUBJECT, UserDataError)

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._store._write(SUBJECT, UserDataError)

    # -- reading -------------------------------------------------------------------
    def entries(self, limit: int | None = None) -> list[HistoryEntry]:
        """The entries, oldest first (the newest ``limit`` when given)."""
        with self._read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM history ORDER BY seq DESC LIMIT ?",
                (-1 if limit is None else max(0, limit),),
            ).fetchall()
        return [entry for entry in map(_entry, reversed(rows)) if entry is not None]

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM history").fetchone()[0])

    def get(self, seq: int) -> HistoryEntry | None:
        """The entry ``seq``, or ``None`` when it has been dropped."""
        with self._read() as conn:
            return _entry(conn.execute(
                f"SELECT {_COLUMNS} FROM history WHERE seq = ?", (seq,)).fetchone())

    def latest(self) -> HistoryEntry | None:
        """The newest entry (of any process), or ``None`` when the history is empty."""
        with self._read() as conn:
            return _entry(conn.execute(
                f"SELECT {_COLUMNS} FROM history ORDER BY seq DESC LIMIT 1").fetchone())

    def back(self, at: HistoryEntry | None) -> HistoryEntry | None:
        """The entry before ``at`` (the newest one when ``at`` is ``None``); ``None`` at
        the start."""
        if at is None:
            return self.latest()
        return self.get(at.prev) if at.prev is not None else None

    def forward(self, at: HistoryEntry | None) -> HistoryEntry | None:
        """The newest entry opened from ``at``; ``None`` at the end."""
        if at is None:
            return None
        with self._read() as conn:
            return _entry(conn.execute(
                f"SELECT {_COLUMNS} FROM history WHERE prev = ? ORDER BY seq DESC LIMIT 1",
                (at.seq,),
            ).fetchone())

    # -- changing ------------------------------------------------------------------
    def visit(self, article: ArticleLike, at: HistoryEntry | None) -> HistoryEntry:
        """Record that ``article`` was opened from ``at`` (``None``: from the newest
        entry); the new entry, or the entry stood on when it is that same article."""
        with self._write() as conn:
            here = at
            if here is None:
                here = _entry(conn.execute(
                    f"SELECT {_COLUMNS} FROM history ORDER BY seq DESC LIMIT 1").fetchone())
            if here is not None and here.id == article.id:
                same = _entry(conn.execute(
                    f"SELECT {_COLUMNS} FROM history WHERE seq = ?", (here.seq,)).fetchone())
                if same is not None:
                    return same
            seq = conn.execute(
                "INSERT INTO history (id, prev, title, source, opened) VALUES (?, ?, ?, ?, ?)",
                (article.id, here.seq if here is not None else None, article.title,
                 article.source, now()),
            ).lastrowid
            conn.execute(
                "DELETE FROM history WHERE seq <= (SELECT seq FROM history"
                " ORDER BY seq DESC LIMIT 1 OFFSET ?)",
                (self.cap,),
            )
            entry = _entry(conn.execute(
                f"SELECT {_COLUMNS} FROM history WHERE seq = ?", (seq,)).fetchone())
        assert entry is not None
        return entry

    def clear(self) -> None:
        """Forget every entry."""
        with self._write() as conn:
            conn.execute("DELETE FROM history")

    # -- keeping in step with the library ------------------------------------------
    def reconcile(self, library: Library) -> list[tuple[str, str]]:
        """Point the entries whose article has a new id in ``library`` (found by its
        source path and title) at that id; the ``(old id, new id)`` pairs."""
        with self._read() as conn:
            seen = {
                row["id"]: (row["source"], row["title"])
                for row in conn.execute("SELECT id, source, title FROM history ORDER BY seq")
            }
        present = reconcile.present_ids(library, seen)
        found = reconcile.find_moved(
            library, {key: value for key, value in seen.items() if key not in present}
        )
        if not found:
            return []
        with self._write() as conn:
            conn.executemany(
                "UPDATE history SET id = ?, title = ?, source = ? WHERE id = ?",
                ((new.id, new.title, new.source, old) for old, new in found.items()),
            )
        return [(old, new.id) for old, new in found.items()]


class HistoryCursor:
    """One process's place in a :class:`History`: :attr:`at` is the entry shown, ``None``
    before anything is opened. Thread-safe: two quick *back* keys in two workers make
    two steps."""

    def __init__(self, history: History) -> None:
        self.history = history
        self.at: HistoryEntry | None = None
        self._lock = threading.Lock()

    def visit(self, article: ArticleLike) -> HistoryEntry:
        """Record ``article`` as opened from here and stand on it."""
        with self._lock:
            self.at = self.history.visit(article, self.at)
            return self.at

    def back(self) -> HistoryEntry | None:
        """Step back; the entry to show, or ``None`` (staying put) at the start."""
        with self._lock:
            entry = self.history.back(self.at)
            if entry is not None:
                self.at = entry
            return entry

    def forward(self) -> HistoryEntry | None:
        """Step forward; the entry to show, or ``None`` (staying put) at the end."""
        with self._lock:
            entry = self.history.forward(self.at)
            if entry is not None:
                self.at = entry
            return entry
