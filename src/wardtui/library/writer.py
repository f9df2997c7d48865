"""Writing what a sync parsed into the cache, a batch at a time.

A parsed file arrives as a :data:`Record`, a plain tuple (cheap to send from a
worker process): ``(path, size, mtime_ns, skip_reason, row, fts)`` where ``row``
holds the article's values in :data:`ARTICLE_COLUMNS` order (``None`` for a
skipped file) and ``fts`` its four full-text fields.

:meth:`Writer.store` applies a batch in one transaction (:meth:`Writer.write`
leaves it open, for a caller that commits several batches at once) with a few
statements for the whole batch, not several per file: the files' rows are
upserted (``executemany``), articles that lost their last file are deleted (from
the full-text index too: a contentless FTS5 table needs the old text to delete a
row) with one ``DELETE``, and articles not yet in the cache are inserted with the
rowids they get by one multi-row ``INSERT``, then their full-text rows with one
more ``executemany``. An article whose id is already stored (the same text in
another file) is not written twice. A changed file whose new article has the same
title, ward, byline and date as its old one (an edit of the body: the common
re-sync) updates the old row in place instead (one ``UPDATE`` of the columns that
differ, which fires no search trigger and rewrites one index, not seven): the
article keeps its rowid, and only its full-text body is deleted and written again
(a third less CPU for a 1% re-sync of 100,000 articles, the commit included).

Why so few statements: the triggers on ``articles`` write FTS5 tables, and SQLite
3.40's FTS5 flushes the pending changes of *every* FTS5 table in the transaction
to new segments at each statement that fires them (its savepoint). One
``DELETE`` per article made a segment per article (five times the cost of the
whole delete at 100,000 articles); and the ``fts`` rows are written after those
statements, so that they stay pending until the commit.

A new column of ``articles`` is one name in :data:`ARTICLE_COLUMNS` and one value
in :func:`article_row`.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Container, Iterable, Iterator, Sequence
from typing import Any

from ..corpus.model import Article, ward_label
from .codec import stored_fts_values
from .placing import PLACE_COLUMNS, PlaceValues
from .search_tables import INDEXED_COLUMNS

__all__ = ["ARTICLE_COLUMNS", "Record", "Writer", "article_row"]

ARTICLE_COLUMNS = (
    "id", "title", "ward", "unit", "date", "year", "author", "category", "source",
    "encoding", "words", "body", "credit", "title_original", *PLACE_COLUMNS,
)
ENCODING = ARTICLE_COLUMNS.index("encoding")
Record = tuple[str, int, int, str | None, tuple[Any, ...] | None, tuple[str, str, str, str] | None]
_PART = 500  # ids or paths per ``IN (...)`` query (SQLite allows 32,766 variables)
_FETCH = 2000  # stored articles read back at a time (to take their words out of the index)

_INSERT_FILES = (
    "INSERT OR REPLACE INTO files (path, size, mtime_ns, article_id, encoding, skip_reason)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)
_WIDTH = len(ARTICLE_COLUMNS) + 1  # with the rowid
_INSERT_ARTICLES = f"INSERT INTO articles (rowid, {', '.join(ARTICLE_COLUMNS)}) VALUES "
_ROW_MARKS = f"({', '.join('?' * _WIDTH)})"
_JSON_ROWIDS = "(SELECT value FROM json_each(?))"  # a list of rowids as one JSON parameter
# one statement for both: the hidden column ``fts`` is 'delete' for a deletion, NULL
# for an insertion
_FTS = "INSERT INTO fts (fts, rowid, title, ward, author, body) VALUES (?, ?, ?, ?, ?, ?)"
# The columns the search's tables hold (their triggers fire on an update of these):
# an article replaced by one with the same values there is updated in place.
_SEARCHED_AT = tuple(ARTICLE_COLUMNS.index(name) for name in INDEXED_COLUMNS)
_TITLE, _WARD, _UNIT, _AUTHOR, _BODY = (
    ARTICLE_COLUMNS.index(name) for name in ("title", "ward", "unit", "author", "body")
)


def article_row(
    article: Article, words: int, packed: bytes, place: PlaceValues | None
) -> tuple[Any, ...]:
    """The values of :data:`ARTICLE_COLUMNS` for ``article`` (its paragraphs ``packed``)."""
    return (
        article.id, article.title, article.ward, article.unit, article.date, article.year,
        article.author, article.category, article.source, article.encoding, words, packed,
        article.credit, article.title_original,
        *(place or (None,) * len(PLACE_COLUMNS)),
    )


def _parts(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _PART):
        yield items[start : start + _PART]


def _marks(count: int) -> str:
    return ", ".join("?" * count)


class Writer:
    """Applies records to the cache; one instance per sync, on one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.plain = conn.cursor()
        self.plain.row_factory = None  # tuples

    def _article_ids(self, paths: Sequence[str]) -> dict[str, str]:
        """The article id of each of ``paths`` that has one (path -> id)."""
        ids: dict[str, str] = {}
        for part in _parts(paths):
            ids.update(self.plain.execute(
                f"SELECT path, article_id FROM files WHERE path IN ({_marks(len(part))})"
                " AND article_id IS NOT NULL",
                part,
            ))
        return ids

    def _orphans(self, ids: Iterable[str]) -> dict[str, int]:
        """The articles among ``ids`` that no file refers to (id -> rowid, in rowid order)."""
        orphans: list[tuple[int, str]] = []
        for part in _parts(sorted(ids)):
            orphans.extend(self.plain.execute(
                f"SELECT rowid, id FROM articles WHERE id IN ({_marks(len(part))}) AND NOT EXISTS"
                " (SELECT 1 FROM files WHERE files.article_id = articles.id)",
                part,
            ))
        orphans.sort()
        return {article_id: rowid for rowid, article_id in orphans}

    def _stored(self, rowids: list[int]) -> Iterator[list[tuple[Any, ...]]]:
        """The stored rows (rowid, then :data:`ARTICLE_COLUMNS`) of the articles
        ``rowids``, in rowid order, :data:`_FETCH` at a time (a few bodies in memory)."""
        for start in range(0, len(rowids), _FETCH):
            yield self.plain.execute(
                f"SELECT rowid, {', '.join(ARTICLE_COLUMNS)} FROM articles"
                f" WHERE rowid IN {_JSON_ROWIDS} ORDER BY rowid",
                (json.dumps(rowids[start : start + _FETCH]),),
            ).fetchall()

    def _delete_articles(self, rowids: list[int]) -> None:
        """One ``DELETE`` for all of ``rowids`` (see the module docstring)."""
        self.plain.execute(f"DELETE FROM articles WHERE rowid IN {_JSON_ROWIDS}",
                           (json.dumps(rowids),))

    def _insert_articles(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Insert ``rows`` with as few statements as SQLite's limit on variables allows
        (see the module docstring for why a statement per row is slow)."""
        per = max(1, self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // _WIDTH)
        for start in range(0, len(rows), per):
            part = rows[start : start + per]
            self.plain.execute(
                _INSERT_ARTICLES + ", ".join([_ROW_MARKS] * len(part)),
                [value for row in part for value in row],
            )

    def remove_files(self, paths: Sequence[str]) -> None:
        """Forget ``paths`` (one transaction), and the articles left without a file."""
        with self.conn:
            ids = self._article_ids(paths)
            for part in _parts(paths):
                self.plain.execute(f"DELETE FROM files WHERE path IN ({_marks(len(part))})", part)
            orphans = list(self._orphans(ids.values()).values())
            for stored in self._stored(orphans):
                self.plain.executemany(_FTS, [_fts_delete(row) for row in stored])
            if orphans:
                self._delete_articles(orphans)

    def store(self, records: Sequence[Record], known: Container[str]) -> None:
        """Write ``records`` in one transaction; ``known``: the paths the cache had."""
        with self.conn:
            self.write(records, known)

    def write(self, records: Sequence[Record], known: Container[str]) -> None:
        """Write ``records`` in the connection's current transaction (begun if none is),
        left open: the caller commits (``conn.commit()``), or rolls back on an error.
        Several writes in one transaction make one FTS5 segment per table, not one each."""
        previous = self._article_ids([r[0] for r in records if r[0] in known])
        self.plain.executemany(
            _INSERT_FILES,
            [
                (path, size, mtime, row[0] if row else None,
                 row[ENCODING] if row else None, reason)
                for path, size, mtime, reason, row, _ in records
            ],
        )
        orphans = self._orphans(previous.values()) if previous else {}
        fresh: dict[str, tuple[tuple[Any, ...], tuple[str, str, str, str], str]] = {}
        for path, _, _, _, row, fts in records:
            if row is not None and fts is not None and row[0] not in fresh:
                fresh[row[0]] = (row, fts, path)
        for part in _parts(list(fresh)):
            for (stored,) in self.plain.execute(
                f"SELECT id FROM articles WHERE id IN ({_marks(len(part))})", part
            ):
                del fresh[stored]  # the same text in another file: one article
        old = {row[0]: row for part in self._stored(list(orphans.values())) for row in part}
        text = self._replace(previous, orphans, old, fresh)
        gone = sorted(orphans.values())  # left without a file, not replaced in place
        text.extend(_fts_delete(old[rowid]) for rowid in gone)
        if gone:
            self._delete_articles(gone)
        if fresh:
            last = self.plain.execute("SELECT coalesce(max(rowid), 0) FROM articles").fetchone()[0]
            values = [(n, row, fts) for n, (row, fts, _) in enumerate(fresh.values(), last + 1)]
            self._insert_articles([(rowid, *row) for rowid, row, _ in values])
            text.extend((None, rowid, *fts) for rowid, _, fts in values)
        # The full-text rows last, in rowid order, a deletion before an insertion of the
        # same rowid: FTS5 keeps them pending until the next statement that fires a
        # trigger, or the commit, and flushes them first at any other change of order.
        text.sort(key=_fts_order)
        self.plain.executemany(_FTS, text)

    def _replace(
        self,
        previous: dict[str, str],
        orphans: dict[str, int],
        old: dict[int, tuple[Any, ...]],
        fresh: dict[str, tuple[tuple[Any, ...], tuple[str, str, str, str], str]],
    ) -> list[tuple[Any, ...]]:
        """Update in place each stored article that a changed file replaces with one
        whose searched columns (``INDEXED_COLUMNS``) are the same: the article keeps its
        rowid, and of its indexes and the search's tables only the full-text body
        changes (a ``DELETE`` and an ``INSERT`` rewrite every index and fire every
        search trigger). Such articles leave ``orphans`` and ``fresh``; gives their
        ``fts`` rows (the old text's deletion, the new text)."""
        text: list[tuple[Any, ...]] = []
        for article_id, (row, fts, path) in list(fresh.items()):
            before = previous.get(path)
            rowid = orphans.get(before) if before is not None else None
            if before is None or rowid is None:
                continue
            stored = old[rowid]
            if any(stored[1 + i] != row[i] for i in _SEARCHED_AT):
                continue
            del orphans[before], fresh[article_id]
            changed = tuple(i for i, value in enumerate(row) if stored[1 + i] != value)
            self.plain.execute(_update_sql(changed), [*(row[i] for i in changed), rowid])
            text.append(_fts_delete(stored))
            text.append((None, rowid, *fts))
        return text


def _fts_delete(stored: tuple[Any, ...]) -> tuple[Any, ...]:
    """The ``fts`` deletion of a stored row (rowid, then :data:`ARTICLE_COLUMNS`)."""
    rowid, values = stored[0], stored[1:]
    return ("delete", rowid, *stored_fts_values(
        values[_TITLE], ward_label(values[_WARD], values[_UNIT]), values[_AUTHOR], values[_BODY]
    ))


def _fts_order(operation: tuple[Any, ...]) -> tuple[int, bool]:
    return operation[1], operation[0] is None


@functools.lru_cache(maxsize=64)
def _update_sql(changed: tuple[int, ...]) -> str:
    """An ``UPDATE`` of the :data:`ARTICLE_COLUMNS` at ``changed``, by rowid."""
    columns = ", ".join(f"{ARTICLE_COLUMNS[i]} = ?" for i in changed)
    return f"UPDATE articles SET {columns} WHERE rowid = ?"
