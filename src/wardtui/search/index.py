"""The search index: a handle on the library's cache, with what a search reuses between keystrokes.

Nothing of the library is copied into memory. The words of titles, wards and
bylines are found in SQLite: folded in the ``fts`` table of the cache, with their
accents in ``search_exact`` (see :mod:`wardtui.library.search_tables`, kept current
by triggers). :class:`SearchIndex` opens in a few milliseconds whatever the size of
the library, and every search sees the cache as it is, even while a sync writes it.

What it keeps between searches, all of it checked against the library's change
counter and dropped when a sync changed something:

* :attr:`SearchIndex.cache`, a small LRU of sets of rowids (a word's articles, a
  filter's articles);
* the vocabulary of titles, wards and bylines (:class:`Vocabulary`: every word with
  its accents and the number of articles using it), derived from ``search_exact``
  once per change of the library and stored in the cache for the next process.

Articles are named by their SQLite ``rowid`` everywhere in the search (the
full-text index returns rowids). "Newest first" is the order of the ``articles_date``
index (date descending, undated last, then rowid descending): :meth:`SearchIndex.newest`
reads it.

:class:`SearchIndex` lends its searches a connection per thread (a small pool of
:meth:`Library.reopen` connections), so :func:`wardtui.search.search` works from
worker threads.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from typing import Any

from ..library import Library, LibraryError, search_tables
from .stop import current, stopping
from .vocabulary import Vocabulary

__all__ = ["META_FIELDS", "Ahead", "LruCache", "SearchIndex", "Vocabulary", "as_json", "rowid_set"]

META_FIELDS = ("title", "ward", "author")
"""The fields whose words forgive typos; ``body`` is matched precisely."""

_POOL_SIZE = 6  # a search's own connection and those reading ahead for it
_WALK_FACTOR = 0.15  # walk the date index when len(group)**2 > this * need * size


def as_json(rowids: Iterable[int]) -> str:
    """Rowids as a JSON array, for ``json_each(?)``."""
    return "[" + ",".join(map(str, rowids)) + "]"


def rowid_set(text: str | None) -> set[int]:
    """The rowids of a ``group_concat(rowid)`` (``"3,1,2"``; ``None``: none). Read as a
    JSON array: twice as fast as ``int`` on each piece (40,000 rowids: 3.4 ms, not 7.9)."""
    return set(json.loads("[" + text + "]")) if text else set()


class LruCache:
    """A small thread-safe least-recently-used cache (what a search reuses between keystrokes).

    Every item belongs to the library's change counter of the search that stored it
    (:meth:`follow`, per thread): a search never reads what another one stored for
    another state of the library, even when the two overlap in time.
    """

    def __init__(self, size: int = 96) -> None:
        self.size = size
        self.items: OrderedDict[object, Any] = OrderedDict()
        self.lock = threading.Lock()
        self.stamp = -2  # the newest change counter seen
        self._local = threading.local()

    def _key(self, key: object) -> object:
        return (getattr(self._local, "stamp", self.stamp), key)

    def get(self, key: object) -> Any:
        """The value stored under ``key``, or ``None``."""
        key = self._key(key)
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: object, value: Any) -> None:
        """Store ``value``, forgetting the least recently used item when full."""
        key = self._key(key)
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def follow(self, stamp: int) -> None:
        """This thread's searches now see change ``stamp``; a newer one than any seen
        before makes the items of older ones useless: they are forgotten."""
        self._local.stamp = stamp
        with self.lock:
            if stamp > self.stamp:
                self.items.clear()
                self.stamp = stamp


class Ahead:
    """A query running on another connection (:meth:`SearchIndex.elsewhere`): call it for
    its row (it waits); :meth:`cancel` stops it if it no longer matters."""

    def __init__(self) -> None:
        self.future: Future[tuple[Any, ...] | None] = Future()
        self.lock = threading.Lock()
        self.conn: sqlite3.Connection | None = None  # while its query runs
        self.cancelled = False

    def __call__(self) -> tuple[Any, ...] | None:
        return self.future.result()

    def cancel(self) -> None:
        """Stop the query (``sqlite3_interrupt`` on its connection, only while it runs
        there): its row is ``None``."""
        with self.lock:
            self.cancelled = True
            if self.conn is not None:
                self.conn.interrupt()


class SearchIndex:
    """A handle on a library for searching it; see the module docstring.

    Build it with :meth:`build` (cheap: it creates the search's tables if an old
    cache lacks them, and reads the library's change counter). It follows later
    syncs by itself; :meth:`is_current` still says whether the library changed
    since it was built.
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self.signature = -1
        self.build_seconds = 0.0
        self.cache = LruCache()  # the search's own memo (terms, filters, FTS results)
        self._vocabulary: tuple[int, Vocabulary] | None = None
        self._lock = threading.Lock()
        self._pool: list[Library] = []
        self._pool_lock = threading.Lock()

    # -- building ---------------------------------------------------------------------
    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        """An index of ``library`` (its own connections are opened as searches need them)."""
        started = time.perf_counter()
        index = cls(library)
        if not search_tables.ensure(library.conn):
            raise LibraryError("the cache cannot be prepared for searching "
                               "(it is read-only or locked); try again after the sync")
        index.signature = search_tables.changes(library.conn)
        index.build_seconds = time.perf_counter() - started
        return index

    def warm(self) -> None:
        """Load what every search reads first (the vocabulary, the article count), so that
        the first query does not wait for it; :class:`LibraryError` if it cannot be read."""
        try:
            with self.connection() as library:
                stamp = self.begin(library.conn)
                self.vocabulary(library.conn, stamp)
                self.count(library.conn)
        except sqlite3.Error as error:
            raise LibraryError(f"the search index could not be read: {error}") from error

    def is_current(self) -> bool:
        """False once the library changed since the index was built."""
        with self.connection() as library:
            return search_tables.changes(library.conn) == self.signature

    # -- connections --------------------------------------------------------------------
    @contextmanager
    def connection(self) -> Iterator[Library]:
        """A connection of its own for the caller, taken from (and returned to) a small pool.

        Never :attr:`library`'s own connection, which belongs to the thread that
        opened it; a pooled one serves one search at a time, in any thread.
        """
        with self._pool_lock:
            library = self._pool.pop() if self._pool else None
        if library is None:
            library = self.library.reopen()
            library.conn.row_factory = None  # plain tuples
        stop = current()  # the search's Stop (.stop), if any, interrupts it while lent
        try:
            if stop is None:
                yield library
            else:
                with stop.watching(library.conn):
                    yield library
        finally:
            if library.conn.in_transaction:
                library.conn.rollback()
            with self._pool_lock:
                if len(self._pool) < _POOL_SIZE:
                    self._pool.append(library)
                    library = None
            if library is not None:
                library.close()

    def elsewhere(self, stamp: int, sql: str, args: tuple[Any, ...]) -> Ahead:
        """Run the one-row query ``sql`` now on another pooled connection, in a thread of
        its own (SQLite works without the GIL while the caller goes on); calling the
        :class:`Ahead` returned waits for its row: ``None`` when that connection did not
        see change ``stamp`` of the library (a sync committed meanwhile), the query
        failed (the caller asks it again on its own connection, and meets the error
        there) or was cancelled (:meth:`Ahead.cancel`).

        A short-lived daemon thread per query (a search starts at most a few): nothing
        stays behind when an index is dropped without :meth:`close`.
        """
        ahead = Ahead()
        stop = current()  # the caller's (.stop): stopping the search stops this too

        def run() -> None:
            try:
                with stopping(stop):  # stopped: SearchStopped, raised in the caller
                    row = self._one_row(ahead, stamp, sql, args)
                ahead.future.set_result(row)
            except BaseException as error:  # noqa: BLE001 - handed to the caller, who raises it
                ahead.future.set_exception(error)

        threading.Thread(target=run, name="wardtui-search-ahead", daemon=True).start()
        return ahead

    def _one_row(self, ahead: Ahead, stamp: int, sql: str, args: tuple[Any, ...]
                 ) -> tuple[Any, ...] | None:
        with self.connection() as library:
            conn = library.conn
            with ahead.lock:
                if ahead.cancelled:
                    return None
                ahead.conn = conn
            try:
                conn.execute("BEGIN")
                if search_tables.changes(conn) != stamp or ahead.cancelled:
                    return None
                cursor = conn.execute(sql, args)
                row = cursor.fetchone()
                cursor.close()
            except sqlite3.Error:  # failed, or interrupted by cancel()
                return None
            finally:
                with ahead.lock:
                    ahead.conn = None
        return tuple(row) if row is not None and not ahead.cancelled else None

    def close(self) -> None:
        """Close the pooled connections (not the library the index was built from)."""
        with self._pool_lock:
            pool, self._pool = self._pool, []
        for library in pool:
            library.close()

    # -- what a search asks -----------------------------------------------------------------
    def begin(self, conn: sqlite3.Connection) -> int:
        """Start a search on ``conn``: one read snapshot; the change counter (caches follow it)."""
        conn.execute("BEGIN")
        stamp = search_tables.changes(conn)
        self.cache.follow(stamp)
        return stamp

    @property
    def size(self) -> int:
        """How many articles the library holds now."""
        with self.connection() as library:
            return int(library.conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    @property
    def ids(self) -> list[str]:
        """Every article's id, newest first (reads them all: for tools, not for searching)."""
        with self.connection() as library:
            rows = library.conn.execute(
                "SELECT id FROM articles ORDER BY date DESC, rowid DESC").fetchall()
        return [r[0] for r in rows]

    def count(self, conn: sqlite3.Connection) -> int:
        """How many articles the library holds (as this search sees it)."""
        cached = self.cache.get("size")
        if cached is None:
            cached = int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            self.cache.put("size", cached)
        return int(cached)

    def vocabulary(self, conn: sqlite3.Connection, stamp: int) -> Vocabulary:
        """The vocabulary of titles, wards and bylines at change ``stamp`` (:class:`Vocabulary`).

        Read from the cache when it was stored for ``stamp``; else derived from
        ``search_exact_words`` (about 0.1 s for 100,000 articles) and stored for the
        next process if the cache can be written at once (else just used).
        """
        with self._lock:
            if self._vocabulary is not None and self._vocabulary[0] == stamp:
                return self._vocabulary[1]
        rows = dict(conn.execute(
            "SELECT key, value FROM search_state WHERE key IN ('vocab_stamp', 'vocab')"
        ).fetchall())
        if rows.get("vocab_stamp") == stamp and isinstance(rows.get("vocab"), bytes):
            vocabulary = Vocabulary.unpack(rows["vocab"])
        else:
            exact = dict(conn.execute("SELECT term, doc FROM search_exact_words").fetchall())
            vocabulary = Vocabulary.of(exact)
            self._store_vocabulary(stamp, vocabulary)
        with self._lock:
            self._vocabulary = (stamp, vocabulary)
        return vocabulary

    def _store_vocabulary(self, stamp: int, vocabulary: Vocabulary) -> None:
        """Keep the vocabulary in the cache for the next process, if that costs no wait.

        The vocabulary is a cache of what ``search_exact`` holds: when the database
        is busy (a sync writes) or read-only, it is simply not stored this time.
        """
        with self.connection() as library:
            conn = library.conn
            conn.execute("PRAGMA busy_timeout = 0")
            try:
                conn.execute("BEGIN IMMEDIATE")
                if search_tables.changes(conn) == stamp:
                    conn.executemany(
                        "INSERT OR REPLACE INTO search_state (key, value) VALUES (?, ?)",
                        [("vocab", vocabulary.pack()), ("vocab_stamp", stamp)])
                conn.commit()
            except sqlite3.OperationalError:
                if conn.in_transaction:
                    conn.rollback()
            finally:
                conn.execute("PRAGMA busy_timeout = 30000")

    def newest(self, conn: sqlite3.Connection, group: Collection[int], need: int) -> list[int]:
        """The ``need`` newest rowids of ``group``, newest first (undated last)."""
        if need <= 0 or not group:
            return []
        size = self.count(conn)
        if len(group) * len(group) > _WALK_FACTOR * need * max(size, 1) and len(group) > 64:
            found: list[int] = []
            cursor = conn.execute(
                "SELECT rowid FROM search_dates ORDER BY date DESC, rowid DESC")
            while len(found) < need:
                batch = cursor.fetchmany(512)
                if not batch:
                    break
                found.extend(r[0] for r in batch if r[0] in group)
            cursor.close()
            return found[:need]
        rows = conn.execute(
            "SELECT rowid FROM search_dates WHERE rowid IN (SELECT value FROM json_each(?))"
            " ORDER BY date DESC, rowid DESC LIMIT ?", (as_json(group), need)).fetchall()
        return [r[0] for r in rows]

    def all_rowids(self, conn: sqlite3.Connection) -> set[int]:
        """Every article's rowid."""
        text = conn.execute("SELECT group_concat(rowid) FROM search_dates").fetchone()[0]
        return rowid_set(text)

    def rowids_of_ids(self, conn: sqlite3.Connection, ids: Iterable[str]) -> set[int]:
        """The rowids of the articles with these ids (unknown ids are left out)."""
        rows = conn.execute("SELECT rowid FROM articles WHERE id IN (SELECT value FROM"
                            " json_each(?))", (json.dumps(list(ids)),)).fetchall()
        return {r[0] for r in rows}
