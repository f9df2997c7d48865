"""Bookmarks: the user's own list of articles, with notes, kept in SQLite.

The store lives in the user data folder (:func:`wardtui.paths.bookmarks_path`,
``WARDTUI_DATA_DIR`` overrides it), apart from the disposable library cache, so
deleting or rebuilding the cache never touches it. It is the one thing wardtui
must never lose, hence:

* every change is one ``BEGIN IMMEDIATE`` transaction in WAL mode with a busy
  timeout and ``synchronous = FULL``, so two wardtui processes writing at once
  both keep their changes;
* a file that cannot be read as a store (not SQLite, damaged, another
  program's database, a newer schema) is renamed aside with
  :func:`wardtui.storage.set_aside`, a notice says where it went, and a fresh
  store is started; it is never emptied in place. A store that is merely busy or
  not permitted is never set aside;
* a bookmark is keyed by the article's stable id and keeps the title, ward,
  unit, date and source path, so :meth:`BookmarkStore.reconcile` can find the
  article again after its file moved or changed. A re-keyed bookmark keeps its
  old id as an *alias*; an article that is gone stays bookmarked and is shown
  as missing.

Knows nothing of Textual.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from . import paths
from .corpus import Article
from .corpus.clean import strip_controls
from .corpus.model import ward_label
from .export import Missing
from .library import UNDATED, UNKNOWN_WARD, ArticleSummary, Library
from .storage import set_aside
from .vntext import fold

__all__ = [
    "SCHEMA_VERSION",
    "AmbiguousBookmark",
    "Bookmark",
    "BookmarkError",
    "BookmarkStore",
    "ReconcileReport",
    "UnknownBookmark",
]

SCHEMA_VERSION = 1
APPLICATION_ID = 0x5742_4B4D  # "WBKM"
BUSY_TIMEOUT_MS = 15_000
MAX_NOTE = 2000  # characters

_SCHEMA = (
    """CREATE TABLE bookmarks (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        ward TEXT,
        unit TEXT,
        date TEXT,
        source TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL
    )""",
    "CREATE INDEX bookmarks_added ON bookmarks (added)",
    """CREATE TABLE aliases (
        alias TEXT PRIMARY KEY,
        id TEXT NOT NULL REFERENCES bookmarks (id) ON UPDATE CASCADE ON DELETE CASCADE
    )""",
    "CREATE INDEX aliases_id ON aliases (id)",
)

# SQLite result codes that mean "these bytes are not a readable database".
_UNREADABLE_CODES = {
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_NOTADB,
}


class BookmarkError(Exception):
    """The store could not do what was asked; the message says why, in one line."""


class UnknownBookmark(BookmarkError, LookupError):
    """No bookmark has this id, alias or id prefix."""


class AmbiguousBookmark(BookmarkError, LookupError):
    """Several bookmarks start with this id prefix."""


class _Unreadable(Exception):
    """Internal: the file is not a usable store; the message is the reason."""


class ArticleLike(Protocol):
    """What a bookmark needs from an article: an :class:`Article` or an :class:`ArticleSummary`."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def ward(self) -> str | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One bookmark: the article's id and what is needed to show and find it again.

    ``added`` is an ISO 8601 UTC timestamp; ``aliases`` are the ids the article
    had before :meth:`BookmarkStore.reconcile` re-keyed it.
    """

    id: str
    title: str
    ward: str | None
    unit: str | None
    date: str | None
    source: str
    note: str
    added: str
    aliases: tuple[str, ...] = ()

    @property
    def ward_label(self) -> str | None:
        """``phường Mỹ Long``, ``Phường 12``; ``None`` without a ward."""
        return ward_label(self.ward, self.unit)

    def to_json(self, *, missing: bool = False) -> dict[str, Any]:
        """The ``wardtui bookmarks --json`` keys."""
        return {
            "id": self.id, "title": self.title, "ward": self.ward, "unit": self.unit,
            "date": self.date, "note": self.note, "added": self.added, "missing": missing,
        }


@dataclass(slots=True)
class ReconcileReport:
    """What :meth:`BookmarkStore.reconcile` did.

    ``rekeyed`` holds ``(old id, new id)`` pairs; ``missing`` the ids of
    bookmarked articles not found in the library (kept, shown as missing);
    ``refreshed`` how many bookmarks had their title/ward/date/source updated.
    """

    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    refreshed: int = 0


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def clean_note(note: str) -> str:
    """A note as stored: one line, no control characters, at most :data:`MAX_NOTE` characters."""
    return " ".join(strip_controls(note).split())[:MAX_NOTE]


def _same_title(a: str, b: str) -> bool:
    return fold(" ".join(a.split())) == fold(" ".join(b.split()))


def _failure(what: str, error: sqlite3.Error) -> BookmarkError:
    """``the bookmarks could not be {what}: {reason}``."""
    return BookmarkError(f"the bookmarks could not be {what}: {error or type(error).__name__}")


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
            conn = _open_file(path, notices)
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
            return cls(_memory_connection(), None, notices)
        return cls(conn, path, notices)

    @classmethod
    def in_memory(cls) -> BookmarkStore:
        """A store that lives only as long as the object (for tests and fallbacks)."""
        return cls(_memory_connection(), None)

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
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction; sqlite errors become :class:`BookmarkError`."""
        with self._lock:
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise _failure("changed", error) from None
            try:
                yield conn
            except sqlite3.Error as error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise _failure("changed", error) from None
            except BaseException:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise
            try:
                conn.execute("COMMIT")
            except sqlite3.Error as error:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
                raise _failure("saved", error) from None

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
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
                raise _failure("read", error) from None

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
        return [_bookmark(row, aliases.get(row["id"], ())) for row in rows]

    def ids(self) -> set[str]:
        """The ids of every bookmark (for marking the tree and the results with ★)."""
        with self._read() as conn:
            return {row[0] for row in conn.execute("SELECT id FROM bookmarks")}

    def __len__(self) -> int:
        with self._read() as conn:
            return int(conn.execute("SELECT count(*) FROM bookmarks").fetchone()[0])

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
        return _bookmark(row, aliases)

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
                 article.source, clean_note(note or ""), _now()),
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
                 article.source, _now()),
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
        refreshed (the file may have moved). One whose id is not is looked up by
        its source path (accepted when the title, or the ward and date, still
        match) and then by the same title, ward and date (accepted when exactly
        one article matches); when found it is re-keyed to the new id and the
        old id kept as an alias. Otherwise it is reported missing and kept.
        """
        report = ReconcileReport()
        for bookmark in self.bookmarks():
            current = library.summary(bookmark.id)
            if current is not None:
                if self._refresh(bookmark, current):
                    report.refreshed += 1
                continue
            found = _find_again(bookmark, library)
            if found is None:
                report.missing.append(bookmark.id)
                continue
            if self._rekey(bookmark.id, found):
                report.rekeyed.append((bookmark.id, found.id))
        return report

    def _refresh(self, bookmark: Bookmark, current: ArticleSummary) -> bool:
        stored = (bookmark.title, bookmark.ward, bookmark.unit, bookmark.date, bookmark.source)
        fresh = (current.title, current.ward, current.unit, current.date, current.source)
        if stored == fresh:
            return False
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE bookmarks SET title = ?, ward = ?, unit = ?, date = ?, source = ?"
                " WHERE id = ?",
                (*fresh, bookmark.id),
            )
            return cursor.rowcount > 0

    def _rekey(self, old: str, found: ArticleSummary) -> bool:
        """Move the bookmark ``old`` to ``found.id``, keeping ``old`` as an alias.

        If ``found`` is already bookmarked the two are merged: the earlier date
        added and both notes are kept.
        """
        new = found.id
        with self._write() as conn:
            row = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (old,)).fetchone()
            if row is None:  # removed meanwhile, by us or another process
                return False
            target = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (new,)).fetchone()
            fresh = (found.title, found.ward, found.unit, found.date, found.source)
            if target is None:
                conn.execute("DELETE FROM aliases WHERE alias = ?", (new,))
                conn.execute(
                    "UPDATE bookmarks SET id = ?, title = ?, ward = ?, unit = ?, date = ?,"
                    " source = ? WHERE id = ?",
                    (new, *fresh, old),
                )
            else:
                notes = [n for n in (target["note"], row["note"]) if n]
                note = notes[0] if len(set(notes)) <= 1 else " · ".join(notes)
                added = min(target["added"], row["added"])
                conn.execute("UPDATE aliases SET id = ? WHERE id = ?", (new, old))
                conn.execute("DELETE FROM bookmarks WHERE id = ?", (old,))
                conn.execute(
                    "UPDATE bookmarks SET note = ?, added = ?, title = ?, ward = ?, unit = ?,"
                    " date = ?, source = ? WHERE id = ?",
                    (clean_note(note) if notes else "", added, *fresh, new),
                )
            conn.execute("INSERT OR REPLACE INTO aliases (alias, id) VALUES (?, ?)", (old, new))
            return True

    def articles(self, library: Library) -> list[Article | Missing]:
        """Every bookmarked article (newest bookmark first), for :func:`wardtui.export.export_many`.

        An article not in ``library`` is given as :class:`wardtui.export.Missing`.
        """
        items: list[Article | Missing] = []
        for bookmark in self.bookmarks():
            article = library.get(bookmark.id)
            items.append(article if article is not None else Missing(bookmark.id, bookmark.title))
        return items


# -- helpers -----------------------------------------------------------------
def _bookmark(row: sqlite3.Row, aliases: Iterable[str]) -> Bookmark:
    return Bookmark(
        id=row["id"], title=row["title"], ward=row["ward"], unit=row["unit"], date=row["date"],
        source=row["source"], note=row["note"], added=row["added"], aliases=tuple(aliases),
    )


def _find_again(bookmark: Bookmark, library: Library) -> ArticleSummary | None:
    """The article a bookmark whose id has gone now is, if it can be told; else ``None``."""
    if bookmark.source:
        found_id = library.find_by_source(bookmark.source)
        found = library.summary(found_id) if found_id else None
        if found is not None and (
            _same_title(found.title, bookmark.title)
            or (bookmark.date is not None
                and (found.ward, found.unit, found.date)
                == (bookmark.ward, bookmark.unit, bookmark.date))
        ):
            return found
    year = int(bookmark.date[:4]) if bookmark.date and bookmark.date[:4].isdigit() else UNDATED
    candidates = library.summaries(
        ward=bookmark.ward or UNKNOWN_WARD,
        unit=bookmark.unit if bookmark.ward else None,
        year=year,
    )
    matches = [
        c for c in candidates if c.date == bookmark.date and _same_title(c.title, bookmark.title)
    ]
    return matches[0] if len(matches) == 1 else None


def _memory_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    _initialise(conn)
    return conn


def _connect(path: Path, mode: str = "rwc") -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), tuned for safety."""
    uri = f"{path.absolute().as_uri()}?mode={mode}"
    conn = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
        check_same_thread=False,
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _check(path: Path) -> None:
    """Raise :class:`_Unreadable` when ``path`` holds something that is not a usable store.

    Other errors (busy, permissions) propagate: they are no reason to set it aside.
    """
    try:
        if path.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    try:
        conn = _connect(path, "rw")
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) in _UNREADABLE_CODES:
            raise _Unreadable(f"it is not a readable database ({error})") from None
        raise
    try:
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables and app_id == 0 and version == 0:
                return
            if app_id != APPLICATION_ID:
                raise _Unreadable("it is not a wardtui bookmarks store")
            if version > SCHEMA_VERSION:
                raise _Unreadable(f"it was written by a newer wardtui (schema {version})")
            if version < 1 or not {"bookmarks", "aliases"} <= tables:
                raise _Unreadable(f"it has an unknown layout (schema {version})")
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise _Unreadable(f"it is damaged ({result})")
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) in _UNREADABLE_CODES:
                raise _Unreadable(f"it is not a readable database ({error})") from None
            raise
    finally:
        conn.close()


def _set_aside_with_journals(path: Path) -> Path:
    """Set ``path`` aside, moving its ``-wal``/``-shm`` files along so the copy stays whole."""
    aside = set_aside(path)
    for suffix in ("-wal", "-shm", "-journal"):
        journal = Path(f"{path}{suffix}")
        if journal.exists():
            os.replace(journal, Path(f"{aside}{suffix}"))
    return aside


def _initialise(conn: sqlite3.Connection) -> None:
    """Create the schema in a fresh database (inside one immediate transaction).

    A store that has its schema already is only read, so opening does not wait
    for another process's write.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def _open_file(path: Path, notices: list[str]) -> sqlite3.Connection:
    """Open the store file, setting an unreadable one aside; under a lock between processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _interprocess_lock(path.with_name(path.name + ".lock")):
        try:
            _check(path)
        except _Unreadable as reason:
            aside = _set_aside_with_journals(path)
            notices.append(
                f"The bookmarks file {path} could not be read: {reason}. It was kept as "
                f"{aside} and a new, empty one was started."
            )
        conn = _connect(path)
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                notices.append(f"Note: the bookmarks at {path} use journal mode {mode}, not WAL.")
            conn.execute("PRAGMA synchronous = FULL")
            _initialise(conn)
        except BaseException:
            conn.close()
            raise
    return conn


@contextlib.contextmanager
def _interprocess_lock(lock_path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``lock_path`` (POSIX); a no-op elsewhere.

    Only opening is serialised, so that two processes never both decide to set
    the same file aside; the changes themselves rely on SQLite's locking.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
