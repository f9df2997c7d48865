"""The cache database: its schema, and opening it safely.

The cache is disposable: everything in it can be rebuilt from the sources. So a
wardtui cache that is damaged or from another version is replaced by a fresh one
(an older schema is migrated when it can be), and a one-line notice says so. A
file at the cache's path that is *not* a wardtui cache (another program's
database, any other file) is never deleted: it is renamed aside to
``library.sqlite3.not-wardtui-DATE`` and the notice says where. A cache folder that
cannot be used at all (a file where the folder should be, no permission) gives an
in-memory cache shared by the process's threads, with a warning.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import search_tables

SCHEMA_VERSION = 4
# Version 2: a backslash in a file name is doubled in its key (see walk.path_key).
# Migrating from 1 marks the files whose key holds a backslash as changed, so the
# next sync reads them again under their new keys.
# Version 3: each article's place (issue 14), credit and original title. Migrating
# adds the columns an older table lacks (_added_columns), empty: place_confidence
# NULL is "not placed yet", and the next sync places those rows from their stored
# text (see .placing.place_pending).
# Version 4: the search's FTS5 rows are rewritten only when a column they hold changes;
# migrating drops the update trigger of 3, and search_tables.ensure makes the new ones.
MIGRATIONS = {
    1: "UPDATE files SET size = -1 WHERE instr(path, char(92)) > 0;",
    2: "",
    3: "DROP TRIGGER IF EXISTS search_articles_update;",
}
ADDED_COLUMNS = (
    "credit TEXT", "title_original TEXT", "province TEXT", "district TEXT", "place_code TEXT",
    "place_confidence TEXT", "place_candidates INTEGER", "successor TEXT", "successor_code TEXT",
)
APPLICATION_ID = 0x57415244  # "WARD"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    ward TEXT,
    unit TEXT,
    date TEXT,
    year INTEGER,
    author TEXT,
    category TEXT,
    source TEXT NOT NULL,
    encoding TEXT NOT NULL,
    words INTEGER NOT NULL,
    body BLOB NOT NULL,
    credit TEXT,
    title_original TEXT,
    province TEXT,
    district TEXT,
    place_code TEXT,
    place_confidence TEXT,
    place_candidates INTEGER,
    successor TEXT,
    successor_code TEXT
);
CREATE INDEX IF NOT EXISTS articles_ward ON articles (ward, unit, date);
CREATE INDEX IF NOT EXISTS articles_place ON articles (province, district, place_code, year);
CREATE INDEX IF NOT EXISTS articles_date ON articles (date);
CREATE INDEX IF NOT EXISTS articles_year ON articles (year, date);
-- Library.query's order (newest first): `wardtui list` gets its first row without a sort
CREATE INDEX IF NOT EXISTS articles_newest ON articles (date IS NULL, date || char(65535) DESC);
-- the rows not placed yet, found without reading the table at every sync (empty once placed)
CREATE INDEX IF NOT EXISTS articles_unplaced ON articles (place_confidence)
    WHERE place_confidence IS NULL;
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    article_id TEXT,
    encoding TEXT,
    skip_reason TEXT
);
CREATE INDEX IF NOT EXISTS files_article ON files (article_id);
-- the few skipped files, listed and retried without reading every row of files
CREATE INDEX IF NOT EXISTS files_skipped ON files (path) WHERE skip_reason IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
    title, ward, author, body,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- the bodies' pending rows are flushed to a segment every 8 MB, not 1 MB: fewer, bigger
-- segments, less merging (7% of a cold index's writing). Kept in fts_config; a cache made
-- before this keeps 1 MB (only the speed differs).
INSERT INTO fts (fts, rank) SELECT 'hashsize', 8388608
    WHERE NOT EXISTS (SELECT 1 FROM fts_config WHERE k = 'hashsize');
"""

_memory_counter = itertools.count(1)


@dataclass(slots=True)
class Location:
    """Where a cache lives: a file, or a named shared in-memory database."""

    uri: str
    path: Path | None
    notices: list[str] = field(default_factory=list)
    keeper: sqlite3.Connection | None = None  # keeps a memory database alive

    @property
    def in_memory(self) -> bool:
        return self.path is None


def connect(location: Location) -> sqlite3.Connection:
    """A new connection to ``location`` (one per thread)."""
    conn = sqlite3.connect(location.uri, uri=True, timeout=30, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if location.path is not None:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    else:
        # A shared in-memory cache locks tables, not a WAL: a read beside a write failed
        # at once with "database table is locked" (no busy wait), e.g. the app's tree read
        # while the sync wrote, leaving the tree empty. Readers of this throwaway cache
        # read what is being written instead.
        conn.execute("PRAGMA read_uncommitted = 1")
    return conn


FULL_CHECK_BYTES = 32 * 1024 * 1024


def _check(conn: sqlite3.Connection, size: int | None = None) -> str | None:
    """Why an existing database cannot be used as the cache, or ``None`` if it can.

    ``size`` is the file's size in bytes: a file shorter than its header says is
    truncated. Caches up to :data:`FULL_CHECK_BYTES` also get ``PRAGMA quick_check``
    (about 50 ms at 10,000 articles); bigger ones skip it, to open fast.
    """
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if app_id not in (0, APPLICATION_ID) or (tables and app_id != APPLICATION_ID):
        raise NotOurs(f"another program's SQLite database, application id {app_id:#x}")
    if not tables:
        return None
    if version > SCHEMA_VERSION:
        return f"it was written by a newer wardtui (schema {version})"
    if version < SCHEMA_VERSION and version not in MIGRATIONS:
        return f"it has an older schema ({version})"
    if size is not None:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        if size < pages * page_size:
            return "it is truncated"
        if size > FULL_CHECK_BYTES:
            return None  # a big cache: the cheap checks above, not a read of every page
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        return f"it is damaged ({result})"
    return None


class NotOurs(Exception):
    """The file at the cache's path belongs to someone else; the message says why."""


def _probe(path: Path) -> str | None:
    """:func:`_check` on a read-only connection: a file that is not ours is looked
    at without being changed (no journal mode set, nothing written)."""
    if not path.exists():
        return None
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return _check(conn, _settled_size(path))
    finally:
        conn.close()


_SCHEMA_NAMES = frozenset(re.findall(r"IF NOT EXISTS (\w+)", SCHEMA))


def _is_current(conn: sqlite3.Connection, version: int) -> bool:
    """Whether the cache already holds this version's whole schema (read only: a
    process that merely opens the cache takes no write lock, so it never waits for a
    sync that holds one)."""
    if version != SCHEMA_VERSION:
        return False
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return False
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    return names >= _SCHEMA_NAMES


def _initialise(conn: sqlite3.Connection) -> None:
    """Create (or migrate) the schema in one transaction: a kill midway leaves no
    half-made cache."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if _is_current(conn, version) and search_tables.has_tables(conn):
        return
    migrate = "".join(MIGRATIONS[v] for v in sorted(MIGRATIONS) if version and v >= version)
    if version and version < 3:
        have = {row[1] for row in conn.execute("PRAGMA table_info(articles)")}
        migrate += "".join(
            f"ALTER TABLE articles ADD COLUMN {c};" for c in ADDED_COLUMNS
            if c.split()[0] not in have
        )
    try:
        _run_script(conn, migrate)
    except sqlite3.OperationalError as error:  # another process migrated it meanwhile
        if "duplicate column" not in str(error):
            raise
        conn.rollback()
        _initialise(conn)
    search_tables.ensure(conn)  # the search's tables: created, and filled once (search_tables)


def _run_script(conn: sqlite3.Connection, migrate: str) -> None:
    conn.executescript(
        "BEGIN IMMEDIATE;"
        + migrate
        + SCHEMA
        + f"PRAGMA application_id = {APPLICATION_ID};"
        + f"PRAGMA user_version = {SCHEMA_VERSION};"
        + "COMMIT;"
    )


def _set_aside(path: Path) -> Path:
    """Rename ``path`` (and its journals) to ``NAME.not-wardtui-YYYYMMDD-HHMMSS[-N]``."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.not-wardtui-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.not-wardtui-{stamp}-{counter}")
    os.rename(path, target)
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.rename(f"{path}{suffix}", f"{target}{suffix}")
    return target


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")


def memory_location(notices: list[str] | None = None) -> Location:
    """A fresh shared in-memory cache."""
    uri = f"file:wardtui-memory-{os.getpid()}-{next(_memory_counter)}?mode=memory&cache=shared"
    location = Location(uri, None, list(notices or []))
    location.keeper = sqlite3.connect(uri, uri=True, check_same_thread=False)
    _initialise(location.keeper)
    return location


def _settled_size(path: Path) -> int | None:
    """The cache file's size when it holds every page (no pending write-ahead log)."""
    wal = Path(f"{path}-wal")
    if not path.exists() or (wal.exists() and wal.stat().st_size > 0):
        return None
    return path.stat().st_size


def open_location(path: Path) -> Location:
    """Prepare the cache at ``path``: create, validate, or rebuild it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.parent.is_dir():
            raise NotADirectoryError(str(path.parent))
    except OSError as error:
        why = error.strerror or type(error).__name__
        return memory_location(
            [
                f"Warning: the cache folder {path.parent} cannot be used ({why}); "
                "working from an in-memory cache this time."
            ]
        )
    location = Location(f"{path.absolute().as_uri()}?mode=rwc", path)
    reason: str | None
    foreign: str | None = None
    try:
        reason = _probe(path)
        if reason is None:
            conn = connect(location)
            try:
                _initialise(conn)
            finally:
                conn.close()
    except NotOurs as error:
        reason = foreign = str(error)
    except sqlite3.DatabaseError as error:
        reason = foreign = f"it is not a readable database ({error})"
    except OSError as error:
        return memory_location(
            [
                f"Warning: the cache {path} cannot be opened ({error.strerror}); "
                "working from an in-memory cache this time."
            ]
        )
    if foreign is not None:
        try:
            aside = _set_aside(path)
        except OSError as error:
            return memory_location(
                [
                    f"Warning: {path} is not a wardtui cache ({foreign}) and cannot be moved "
                    f"aside ({error.strerror}); working from an in-memory cache this time."
                ]
            )
        location.notices.append(
            f"The cache {path} was rebuilt: the file there was not a wardtui cache "
            f"({foreign}); it was kept, unchanged, as {aside}."
        )
    elif reason is not None:
        _remove_database(path)
        location.notices.append(f"The cache {path} was rebuilt: {reason}.")
    if reason is not None:
        try:
            conn = connect(location)
            try:
                _initialise(conn)
            finally:
                conn.close()
        except (sqlite3.DatabaseError, OSError) as error:
            return memory_location(
                [
                    f"Warning: the cache {path} cannot be written ({error}); "
                    "working from an in-memory cache this time."
                ]
            )
    return location
