"""The user's data file: its SQLite schema, opening it safely, setting a bad one aside.

One file holds the bookmarks, the read marks and the reading history (schema 2; a
schema 1 file, bookmarks only, is migrated in place when opened). The store lives in
the user data folder (:func:`wardtui.paths.bookmarks_path`, ``WARDTUI_DATA_DIR``
overrides it), apart from the disposable library cache. Connections
are in autocommit mode (transactions are explicit) with WAL, ``synchronous = FULL`` and a
busy timeout. A file that cannot be read as a store (not SQLite, damaged, another
program's database, a newer schema) is renamed aside with its journals and a notice says
where; a store that is merely busy or not permitted is never set aside. Opening is
serialised between processes by an advisory lock.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..storage import set_aside

__all__ = [
    "APPLICATION_ID",
    "BUSY_TIMEOUT_MS",
    "SCHEMA_VERSION",
    "Unreadable",
    "connect",
    "initialise",
    "interprocess_lock",
    "memory_connection",
    "open_file",
]

SCHEMA_VERSION = 2
APPLICATION_ID = 0x5742_4B4D  # "WBKM"
BUSY_TIMEOUT_MS = 15_000

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

# Schema 2: the read marks (with the source and title that find an article again after
# its id changed, and the old ids as aliases) and the history, append-only: ``prev`` is
# the entry the user came from, so "back" follows it and "forward" is the newest entry
# that came from here. AUTOINCREMENT: a number is never reused after the oldest go.
_SCHEMA_2 = (
    """CREATE TABLE read_marks (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    )""",
    """CREATE TABLE read_aliases (
        alias TEXT PRIMARY KEY,
        id TEXT NOT NULL REFERENCES read_marks (id) ON UPDATE CASCADE ON DELETE CASCADE
    )""",
    "CREATE INDEX read_aliases_id ON read_aliases (id)",
    """CREATE TABLE history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL,
        prev INTEGER,
        source TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL DEFAULT '',
        opened TEXT NOT NULL
    )""",
    "CREATE INDEX history_prev ON history (prev)",
    "CREATE INDEX history_id ON history (id)",
)
_MIGRATIONS = {1: _SCHEMA_2}  # from schema N to N + 1
_TABLES = {1: {"bookmarks", "aliases"}, 2: {"read_marks", "read_aliases", "history"}}

# SQLite result codes that mean "these bytes are not a readable database".
_UNREADABLE_CODES = {
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_NOTADB,
}


class Unreadable(Exception):
    """Internal: the file is not a usable store; the message is the reason."""


def memory_connection() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    initialise(conn)
    return conn


def connect(path: Path, mode: str = "rwc") -> sqlite3.Connection:
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
    """Raise :class:`Unreadable` when ``path`` holds something that is not a usable store.

    Other errors (busy, permissions) propagate: they are no reason to set it aside.
    """
    try:
        if path.stat().st_size == 0:
            return
    except FileNotFoundError:
        return
    try:
        conn = connect(path, "rw")
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) in _UNREADABLE_CODES:
            raise Unreadable(f"it is not a readable database ({error})") from None
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
                raise Unreadable("it is not a wardtui bookmarks store")
            if version > SCHEMA_VERSION:
                raise Unreadable(f"it was written by a newer wardtui (schema {version})")
            needed = set().union(*(_TABLES[v] for v in range(1, version + 1)))
            if version < 1 or not needed <= tables:
                raise Unreadable(f"it has an unknown layout (schema {version})")
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                raise Unreadable(f"it is damaged ({result})")
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) in _UNREADABLE_CODES:
                raise Unreadable(f"it is not a readable database ({error})") from None
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


def initialise(conn: sqlite3.Connection) -> None:
    """Create the schema in a fresh database, or migrate an older one, inside one
    immediate transaction.

    A store that has its schema already is only read, so opening does not wait
    for another process's write.
    """
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            for statement in (*_SCHEMA, *_SCHEMA_2):
                conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        while 0 < version < SCHEMA_VERSION:
            for statement in _MIGRATIONS[version]:
                conn.execute(statement)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise


def open_file(path: Path, notices: list[str]) -> sqlite3.Connection:
    """Open the store file, setting an unreadable one aside; under a lock between processes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with interprocess_lock(path.with_name(path.name + ".lock")):
        try:
            _check(path)
        except Unreadable as reason:
            aside = _set_aside_with_journals(path)
            notices.append(
                f"The bookmarks file {path} could not be read: {reason}. It was kept as "
                f"{aside} and a new, empty one was started."
            )
        conn = connect(path)
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                notices.append(f"Note: the bookmarks at {path} use journal mode {mode}, not WAL.")
            conn.execute("PRAGMA synchronous = FULL")
            initialise(conn)
        except BaseException:
            conn.close()
            raise
    return conn


@contextlib.contextmanager
def interprocess_lock(lock_path: Path) -> Iterator[None]:
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
