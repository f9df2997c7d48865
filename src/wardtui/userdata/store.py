"""The bookmark store: the user's own list of articles, with notes, kept in SQLite.

The same file holds the read marks and the history, reached as :attr:`BookmarkStore.reading`
and :attr:`BookmarkStore.history`, with the same guarantees.

It is the one thing wardtui must never lose, hence every change is one ``BEGIN
IMMEDIATE`` transaction (two wardtui processes writing at once both keep their changes),
the file is opened through :mod:`.schema` (a bad one set aside, never emptied), and a
bookmark keeps what :mod:`.reconcile` needs to find its article again after the file
moved or changed: a re-keyed bookmark keeps its old id as an *alias*; an article that is
gone stays bookmarked and is shown as missing. One store may be shared by the threads of
a process. Knows nothing of Textual.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import paths
from ..corpus import Article
from ..library import Library, Missing
from . import reconcile
from .history import History
from .model import (
    AmbiguousBookmark,
    ArticleLike,
    Bookmark,
    BookmarkError,
    ReconcileReport,
    UnknownBookmark,
    UserDataError,
    clean_note,
    now,
)
from .readstate import ReadState
from .schema import memory_connection, open_file

__all__ = ["BookmarkStore"]


def _failure(
    what: str, error: sqlite3.Error, subject: str = "bookmarks",
    kind: type[UserDataError] = BookmarkError,
) -> UserDataError:
    """``the {subject} could not be {what}: {reason}``."""
    return kind(f"the {subject} could not be {what}: {error or type(error).__name__}")


class BookmarkStore:
    """The bookmarks of one user; see the module docstring.

    Open it with :meth:`open` (or :meth:`in_memory` in tests). One store may be
    shared by the threads of a process: calls are serialised by a lock. Errors
    while reading or writing raise :class:`BookmarkError`.
    """

    def __init__(
        self, conn: sqlite3.Connection, path: Path | None, notices: list[str] | None = None
    ) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.notices: list[str] = list(notices or [])
        self._reading: ReadState | None = None
        self._history: History | None = None

    # -- opening -----------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None) -> BookmarkStore:
        """Open (creating if needed) the store at ``path`` (default :func:`paths.bookmarks_path`).

        An unreadable file is set aside and a notice added to :attr:`notices`. If
        the store cannot be opened at all (no permission, a file where the folder
        should be, locked for too long), an in-memory store is returned with a
        warning notice; :attr:`persistent` is then ``False``.
        """
        path = path or paths.bookmarks_path()
        notices: list[str] = []
        try:
            conn = open_file(path, notices)
        except (OSError, sqlite3.Error, BookmarkError) as error:
            reason = (
                error.strerror or type(error).__name__
                if isinstance(error, OSError)
                else str(error)
            )
            notices.append(
                f"Warning: the bookmarks at {path} cannot be opened ({reason}); "
                "bookmarks changed now will not be kept."
            )
            return cls(memory_connection(), None, notices)
        return cls(conn, path, notices)

    @classmethod
    def in_memory(cls) -> BookmarkStore:
        """A store that lives only as long as the object (for tests and fallbacks)."""
        return cls(memory_connection(), None)

    @property
    def persistent(self) -> bool:
        """True when changes are saved to a file."""
        return self.path is not None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- transactions ------------------------------------------------------
    @contextlib.contextmanager
    def _write(
        self, subject: str = "bookmarks", kind: type[UserDataError] = BookmarkError
    ) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; sqlite errors become ``kind``
        (:class:`BookmarkError`) saying ``the {subject} could not be changed``."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise _failure("changed", error, subject, kind) from None
            try:
                yield conn
            except sqlite3.Error as error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise _failure("changed", error, subject, kind) from None
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise _failure("saved", error, subject, kind) from None

    @contextlib.contextmanager
    def _read(
        self, subject: str = "bookmarks", kind: type[UserDataError] = BookmarkError
    ) -> Iterator[sqlite3.Connection]:
        """A consistent read (one deferred transaction)."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN")
                try:
                    yield conn
                finally:
                    conn.execute("COMMIT")
            except sqlite3.Error as error:
                raise _failure("read", error, subject, kind) from None

    # -- the rest of the user's data in the same file ----------------------------
    @property
    def reading(self) -> ReadState:
        """The read marks kept in this file (:class:`~wardtui.userdata.ReadState`)."""
        if self._reading is None:
            self._reading = ReadState(self)
        return self._reading

    @property
    def history(self) -> History:
        """The articles opened, kept in this file (:class:`~wardtui.userdata.History`)."""
        if self._history is None:
            self._history = History(self)
        return self._history

    # -- reading -----------------------------------------------------------
    def bookmarks(self) -> list[Bookmark]:
        """Every bookmark, newest first (most recently added)."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT rowid, * FROM bookmarks ORDER BY added DESC, rowid DESC"
            ).fetchall()
            aliases: dict[str, list[str]] = {}
            for alias, target in conn.execute("SELECT alias, id FROM aliases ORDER BY alias"):
                aliases.setdefault(target, []).append(alias)
        return [bookmark_from(row, aliases.get(row["id"], ())) for row in rows]

    def ids(self) -> set[str]:
        """The ids of every bookmark (for marking the tree and the results with ★)."""
        with self._read() as conn:
            return {row[0] for row in conn.execute("SELECT id FROM bookmarks")}

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0])

    def outside_changes(self) -> int:
        """A number that changes when another connection (another process) has changed the
        file since the last call, and never for this store's own changes (SQLite's
        ``data_version``): cheap enough to poll, to re-read only when it moved."""
        with self._lock:
            try:
                return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as error:
                raise _failure("read", error, "user data", UserDataError) from None

    def _canonical(self, conn: sqlite3.Connection, article_id: str) -> str | None:
        if conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (article_id,)).fetchone():
            return article_id
        row = conn.execute("SELECT id FROM aliases WHERE alias = ?", (article_id,)).fetchone()
        return str(row[0]) if row else None

    def _load(self, conn: sqlite3.Connection, key: str) -> Bookmark:
        """The bookmark stored under ``key`` (a canonical id), with its aliases."""
        row = conn.execute("SELECT rowid, * FROM bookmarks WHERE id = ?", (key,)).fetchone()
        aliases = [r[0] for r in conn.execute(
            "SELECT alias FROM aliases WHERE id = ? ORDER BY alias", (key,))]
        return bookmark_from(row, aliases)

    def get(self, article_id: str) -> Bookmark | None:
        """The bookmark with this id or alias, or ``None``."""
        with self._read() as conn:
            key = self._canonical(conn, article_id)
            if key is None:
                return None
            return self._load(conn, key)

    def is_bookmarked(self, article_id: str) -> bool:
        """True when the article (by id or old id) is bookmarked."""
        with self._read() as conn:
            return self._canonical(conn, article_id) is not None

    def resolve(self, prefix: str) -> str:
        """The bookmark id for an id, an alias, or a unique prefix (≥ 4 characters) of either.

        Raises :class:`UnknownBookmark` or :class:`AmbiguousBookmark`.
        """
        prefix = prefix.strip().lower()
        with self._read() as conn:
            exact = self._canonical(conn, prefix)
            if exact is not None:
                return exact
            if len(prefix) < 4 or not prefix.isalnum():
                raise UnknownBookmark(prefix)
            upper = prefix + "\U0010ffff"
            found = {r[0] for r in conn.execute(
                "SELECT id FROM bookmarks WHERE id >= ? AND id < ?", (prefix, upper))}
            found |= {r[0] for r in conn.execute(
                "SELECT id FROM aliases WHERE alias >= ? AND alias < ?", (prefix, upper))}
        if not found:
            raise UnknownBookmark(prefix)
        if len(found) > 1:
            raise AmbiguousBookmark(prefix)
        return str(found.pop())

    # -- changing ----------------------------------------------------------
    def add(self, article: ArticleLike, note: str | None = None) -> bool:
        """Bookmark ``article``; True if it was new.

        An existing bookmark keeps its date added; its title/ward/date/source are
        refreshed, and its note replaced when ``note`` is given.
        """
        with self._write() as conn:
            key = self._canonical(conn, article.id)
            if key is not None:
                conn.execute(
                    "UPDATE bookmarks SET title = ?, ward = ?, unit = ?, date = ?, source = ?"
                    " WHERE id = ?",
                    (article.title, article.ward, article.unit, article.date, article.source, key),
                )
                if note is not None:
                    conn.execute(
                        "UPDATE bookmarks SET note = ? WHERE id = ?", (clean_note(note), key)
                    )
                return False
            conn.execute(
                "INSERT INTO bookmarks (id, title, ward, unit, date, source, note, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.title, article.ward, article.unit, article.date,
                 article.source, clean_note(note or ""), now()),
            )
            return True

    def toggle(self, article: ArticleLike) -> bool:
        """Bookmark ``article``, or remove its bookmark (the ``b`` key); True when now bookmarked.

        Toggling off drops the note too; for an undoable removal use :meth:`remove`
        and :meth:`restore`.
        """
        with self._write() as conn:
            key = self._canonical(conn, article.id)
            if key is not None:
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (key,))
                return False
            conn.execute(
                "INSERT INTO bookmarks (id, title, ward, unit, date, source, note, added)"
                " VALUES (?, ?, ?, ?, ?, ?, '', ?)",
                (article.id, article.title, article.ward, article.unit, article.date,
                 article.source, now()),
            )
            return True

    def remove(self, article_id: str) -> Bookmark | None:
        """Remove the bookmark with this id or alias; return it (for :meth:`restore`), or None."""
        with self._write() as conn:
            key = self._canonical(conn, article_id)
            if key is None:
                return None
            bookmark = self._load(conn, key)
            conn.execute("DELETE FROM bookmarks WHERE id = ?", (key,))
        return bookmark

    def restore(self, bookmark: Bookmark) -> None:
        """Put a removed bookmark back as it was (note, date added, aliases); undoes remove."""
        with self._write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO bookmarks"
                " (id, title, ward, unit, date, source, note, added)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (bookmark.id, bookmark.title, bookmark.ward, bookmark.unit, bookmark.date,
                 bookmark.source, bookmark.note, bookmark.added),
            )
            conn.execute("DELETE FROM aliases WHERE alias = ?", (bookmark.id,))
            for alias in bookmark.aliases:
                if not conn.execute("SELECT 1 FROM bookmarks WHERE id = ?", (alias,)).fetchone():
                    conn.execute(
                        "INSERT OR REPLACE INTO aliases (alias, id) VALUES (?, ?)",
                        (alias, bookmark.id),
                    )

    def set_note(self, article_id: str, note: str) -> bool:
        """Replace the note of a bookmark (an empty note clears it); False if not bookmarked."""
        with self._write() as conn:
            key = self._canonical(conn, article_id)
            if key is None:
                return False
            conn.execute("UPDATE bookmarks SET note = ? WHERE id = ?", (clean_note(note), key))
            return True

    # -- keeping in step with the library -----------------------------------
    def missing(self, library: Library) -> set[str]:
        """The ids of bookmarks whose article is not in ``library``."""
        return {b.id for b in self.bookmarks() if library.summary(b.id) is None}

    def reconcile(self, library: Library) -> ReconcileReport:
        """Find each bookmarked article in ``library`` again; never drops a bookmark.

        A bookmark whose id is in the library has its title/ward/date/source
        refreshed (the file may have moved). One whose id is not is looked up as
        :func:`.reconcile.find_again` says; when found it is re-keyed to the new id
        and the old id kept as an alias. Otherwise it is reported missing and kept.
        """
        report = ReconcileReport()
        for bookmark in self.bookmarks():
            current = library.summary(bookmark.id)
            if current is not None:
                if reconcile.fresh(bookmark, current):
                    continue
                with self._write() as conn:
                    if reconcile.refresh(conn, bookmark.id, current):
                        report.refreshed += 1
                continue
            found = reconcile.find_again(bookmark, library)
            if found is None:
                report.missing.append(bookmark.id)
                continue
            with self._write() as conn:
                if reconcile.rekey(conn, bookmark.id, found):
                    report.rekeyed.append((bookmark.id, found.id))
        return report

    def articles(self, library: Library) -> list[Article | Missing]:
        """Every bookmarked article (newest bookmark first), for :func:`wardtui.export.export_many`.

        An article not in ``library`` is given as :class:`wardtui.library.Missing`.
        """
        items: list[Article | Missing] = []
        for bookmark in self.bookmarks():
            article = library.get(bookmark.id)
            items.append(article if article is not None else Missing(bookmark.id, bookmark.title))
        return items


def bookmark_from(row: sqlite3.Row, aliases: Iterable[str]) -> Bookmark:
    return Bookmark(
        id=row["id"], title=row["title"], ward=row["ward"], unit=row["unit"], date=row["date"],
        source=row["source"], note=row["note"], added=row["added"], aliases=tuple(aliases),
    )
