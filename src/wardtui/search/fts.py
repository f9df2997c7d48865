"""FTS5 queries for one search (:class:`Fts`): rowids and counts, cached between keystrokes.

Every user value is quoted (:func:`quote`: the tokens are runs of letters and digits,
so they never hold a quote) or bound. :class:`Fts` asks the search's own connection,
or, for what the search will need a moment later (:meth:`Fts.prefetch`,
:meth:`Fts.count_soon`), another pooled connection in a helper thread that sees the
same state of the library (:meth:`.index.SearchIndex.elsewhere`): SQLite works
there without the GIL while the search goes on.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any

from .index import Ahead, SearchIndex, as_json, rowid_set
from .stop import SearchStopped, current, stopped, stopping

__all__ = ["PROBE_MAX", "SQL_FILTER_MAX", "Counting", "Fts", "any_of", "quote"]

SQL_FILTER_MAX = 5000
"""A filter allowing at most this many articles (or half the library) is applied in SQLite."""
PROBE_MAX = 64
"""For one word, at most this many articles are looked up one by one in the bodies' index
(``rowid IN``: about 40 µs each) instead of reading the word's whole doclist (10-20 ms for
a common word). Phrases and expressions are never probed: FTS5 runs them again per id."""
_ONE_WORD = re.compile(r'(?:\{[a-z ]+\}: )?"[^" ]+"')
_CACHED_SET_MAX = 50_000
COUNT = "SELECT count(*) FROM fts WHERE fts MATCH ?"


def quote(tokens: Sequence[str]) -> str:
    """An FTS5 string (a phrase) for folded tokens: ``"giai phong"``."""
    return '"' + " ".join(tokens) + '"'


def any_of(parts: Sequence[str]) -> str:
    """FTS5 alternatives: ``part`` or ``(a OR b)``."""
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


class Fts:
    """FTS5 queries on one connection; every user value is quoted or bound."""

    def __init__(self, index: SearchIndex, conn: sqlite3.Connection, hints: list[str]) -> None:
        self.index = index
        self.conn = conn
        self.hints = hints
        self.failed = False
        self._soon: dict[tuple[str, str], Ahead] = {}

    def prefetch(self, expression: str, table: str, stamp: int) -> None:
        """Start :meth:`rowids` ``(expression, table=table)`` now on another connection
        (:meth:`.index.SearchIndex.elsewhere`, state ``stamp``): SQLite reads it while this
        search does something else, and :meth:`rowids` takes the answer when it asks."""
        if (table, expression) in self._soon or self.index.cache.get(
                (table, expression, None, None)) is not None:
            return
        self._soon[(table, expression)] = self.index.elsewhere(
            stamp, f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?",
            (expression,))

    def exists(self, token: str, prefix: bool = False) -> bool:
        """Whether any article has the folded word ``token`` (or, ``prefix``, a word it starts)."""
        key = ("exists", token, prefix)
        cached = self.index.cache.get(key)
        if cached is not None:
            return bool(cached)
        try:
            row = self.conn.execute("SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1",
                                    (quote([token]) + ("*" if prefix else ""),)).fetchone()
        except sqlite3.OperationalError as error:
            self._fail(error)
            return False
        self.index.cache.put(key, row is not None)
        return row is not None

    def count(self, expression: str) -> int:
        """How many articles match ``expression`` (cached between keystrokes)."""
        key = ("count", expression)
        cached = self.index.cache.get(key)
        if cached is not None:
            return int(cached)
        try:
            row = self.conn.execute(COUNT, (expression,)).fetchone()
        except sqlite3.OperationalError as error:
            self._fail(error)
            return 0
        self.index.cache.put(key, int(row[0]))
        return int(row[0])

    def count_soon(self, expression: str, stamp: int) -> Counting:
        """:meth:`count`, started now on another connection (SQLite works while this
        search goes on); call the :class:`Counting` returned for it (it waits), or
        cancel it when the search finds it needs no count.

        The other connection counts only if it sees the same state of the library
        (change counter ``stamp``); else, or if it fails, the count is made here.
        """
        cached = self.index.cache.get(("count", expression))
        later = None if cached is not None else self.index.elsewhere(stamp, COUNT, (expression,))
        return Counting(self, expression, later, cached)

    def rowids(self, expression: str, allowed: set[int] | None = None,
               table: str = "fts", limit: int | None = None) -> set[int]:
        """The rowids of the articles matching ``expression`` (within ``allowed``).

        One row comes back (``group_concat``), which is several times faster
        than a row per article. A small ``allowed`` set is applied inside SQLite.
        ``table`` is ``fts`` (folded, bodies too), ``search_meta`` (folded titles,
        wards and bylines) or ``search_exact`` (the same, accents kept). With
        ``limit``, at most that many (any of them).
        """
        small = allowed is not None and len(allowed) <= SQL_FILTER_MAX
        key = (table, expression, frozenset(allowed) if small and allowed is not None else None,
               limit)
        cached = self.index.cache.get(key)
        if cached is not None:
            return set(cached) if allowed is None or small else set(cached) & allowed
        sql = f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?"
        args: tuple[Any, ...] = (expression,)
        if small and allowed is not None:
            # "+rowid": filter the matches; a plain rowid IN probes FTS5 once per id,
            # cheaper only for a few ids in the bodies' index (long doclists).
            probe = (table == "fts" and len(allowed) <= PROBE_MAX
                     and _ONE_WORD.fullmatch(expression) is not None)
            sql += f" AND {'' if probe else '+'}rowid IN (SELECT value FROM json_each(?))"
            args = (expression, as_json(allowed))
        if limit is not None:
            sql = sql.replace("SELECT group_concat(rowid) FROM", "SELECT group_concat(rowid)"
                              " FROM (SELECT rowid FROM") + f" LIMIT {int(limit)})"
        pending = self._soon.pop((table, expression), None) \
            if not small and limit is None else None
        row = pending() if pending is not None else None  # None: not prefetched, or failed
        try:
            text = row[0] if row is not None else self.conn.execute(sql, args).fetchone()[0]
        except sqlite3.OperationalError as error:
            self._fail(error)
            return set()
        found = rowid_set(text)
        if len(found) <= _CACHED_SET_MAX:
            self.index.cache.put(key, frozenset(found))
        if allowed is not None and not small:
            found &= allowed
        return found

    def _fail(self, error: sqlite3.OperationalError) -> None:
        if stopped():  # interrupted by Stop.stop: no answer, no hint
            raise SearchStopped("the search was stopped") from error
        if not self.failed:
            self.failed = True
            self.hints.append(f"the full-text search failed ({error}); titles only")


class Counting:
    """A count started by :meth:`Fts.count_soon`: call it for the number."""

    def __init__(self, fts: Fts, expression: str, later: Ahead | None,
                 cached: int | None) -> None:
        self.fts = fts
        self.expression = expression
        self.later = later
        self.cached = cached

    def __call__(self) -> int:
        if self.cached is not None:
            return int(self.cached)
        row = self.later() if self.later is not None else None
        if row is None:
            return self.fts.count(self.expression)
        self.fts.index.cache.put(("count", self.expression), int(row[0]))
        return int(row[0])

    def ready(self) -> bool:
        """Whether calling it now answers without waiting for the other connection."""
        return self.cached is not None or self.later is None or self.later.future.done()

    def detached(self, least: int) -> Callable[[], int]:
        """This count, for after the search has returned (its connection back in the
        pool): a function that waits for it (at least ``least``), from any thread,
        stopped by the search's :class:`.stop.Stop` (:class:`.stop.SearchStopped`).
        If the other connection could not count, it counts on a pooled one of its own."""
        stop, later, expression = current(), self.later, self.expression
        index = self.fts.index

        def total() -> int:
            with stopping(stop):
                row = later() if later is not None else None
                if row is None:
                    with index.connection() as library:
                        try:
                            row = library.conn.execute(COUNT, (expression,)).fetchone()
                        except sqlite3.OperationalError:
                            if stopped():
                                raise
                            return least  # as a search meeting it says: titles only
                index.cache.put(("count", expression), int(row[0]))
                return max(int(row[0]), least)

        return total

    def cancel(self) -> None:
        """Not needed after all: stop it (calling it then counts here)."""
        if self.later is not None:
            self.later.cancel()
            self.later = None
