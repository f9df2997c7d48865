"""The :class:`Library`: one connection to the SQLite cache of articles.

Opens (creating, validating or rebuilding) the cache through :mod:`.schema`, syncs it with
the sources through :mod:`.sync`, and answers the queries the app, the search and the CLI
ask. SQLite connections belong to one thread, so a worker thread calls
:meth:`Library.reopen` for its own. Knows nothing of Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import paths
from ..vntext import sort_key
from .codec import unpack_paragraphs
from .model import (
    SUMMARY_COLUMNS,
    UNDATED,
    UNKNOWN_WARD,
    AmbiguousId,
    ArticleSummary,
    LibraryStats,
    PlacedArticle,
    UnknownId,
    WardCount,
    newest_first,
)
from .place_queries import PlaceQueries
from .placing import PLACE_COLUMNS, placement_from_row
from .schema import Location, connect, memory_location, open_location

if TYPE_CHECKING:  # the sync (a process pool, the parser) is imported when a sync runs
    from .sync import Progress, SourcesArg, SyncReport

__all__ = ["Library"]

# ArticleSummary.to_json's keys, each the column of that name, as SQLite's json_object
# (compact JSON: no spaces after "," and ":").
_JSON_OBJECT = "json_object({})".format(", ".join(
    f"'{key}', {key}" for key in (
        "id", "ward", "unit", "date", "title", "author", "category", "source", "words",
        "credit", "province", "district", "place_code", "place_confidence",
    )
))


class Library(PlaceQueries):
    """One connection to the cache; see the module docstring (places: :mod:`.place_queries`)."""

    def __init__(self, location: Location) -> None:
        self.location = location
        self.conn = connect(location)

    # -- opening ---------------------------------------------------------
    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open (creating, validating or rebuilding) the cache at ``path``.

        ``path`` defaults to ``library.sqlite3`` in the user cache folder.
        Notices about rebuilds or fallbacks are in :attr:`notices`.
        """
        return cls(open_location(path or paths.library_path()))

    @classmethod
    def in_memory(cls) -> Library:
        return cls(memory_location())

    def reopen(self) -> Library:
        """Another connection to the same cache, for another thread."""
        return Library(self.location)

    @property
    def notices(self) -> list[str]:
        return self.location.notices

    @property
    def path(self) -> Path | None:
        return self.location.path

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- syncing ---------------------------------------------------------
    def sync(
        self,
        sources: SourcesArg,
        *,
        progress: Progress | None = None,
        should_cancel: Callable[[], bool] | None = None,
        workers: int | None = None,
    ) -> SyncReport:
        """Bring the cache up to date with ``sources`` (see :mod:`.sync`): a list, or
        a callable such as ``Sources().current`` that reads the current sources."""
        from .sync import sync_sources

        return sync_sources(
            self.conn, sources, progress=progress, should_cancel=should_cancel, workers=workers
        )

    # -- queries ---------------------------------------------------------
    def stats(self) -> LibraryStats:
        articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        wards = self.conn.execute(
            "SELECT count(*) FROM (SELECT DISTINCT ward, unit FROM articles WHERE ward IS NOT NULL)"
        ).fetchone()[0]
        files, skipped = self.conn.execute(
            "SELECT count(*), count(skip_reason) FROM files"
        ).fetchone()
        return LibraryStats(articles, wards, files, skipped)

    def wards(self) -> list[WardCount]:
        """Every ward with its article count, in Vietnamese order; unknown ward last."""
        rows = self.conn.execute(
            "SELECT ward, unit, count(*) AS n FROM articles GROUP BY ward, unit"
        ).fetchall()
        items = [WardCount(r["ward"], r["unit"], r["n"]) for r in rows]
        items.sort(key=lambda w: (w.ward is None, sort_key(w.ward or ""), sort_key(w.unit or "")))
        return items

    def years(self, ward: str | None = None, unit: str | None = None) -> list[tuple[int, int]]:
        """(year, count) newest first, :data:`UNDATED` last; optionally within one ward."""
        where, args = self._ward_filter(ward, unit)
        rows = self.conn.execute(
            f"SELECT coalesce(year, 0) AS y, count(*) AS n FROM articles {where} GROUP BY y", args
        ).fetchall()
        items = [(r["y"], r["n"]) for r in rows]
        items.sort(key=lambda yn: (yn[0] == UNDATED, -yn[0]))
        return items

    def months(self, year: int) -> list[tuple[int, int]]:
        """(month, count) within a year, newest first; month 0 holds year-only dates."""
        rows = self.conn.execute(
            "SELECT CASE WHEN length(date) >= 7 THEN CAST(substr(date, 6, 2) AS INTEGER) ELSE 0 END"
            " AS m, count(*) AS n FROM articles WHERE year = ? GROUP BY m",
            (year,),
        ).fetchall()
        items = [(r["m"], r["n"]) for r in rows]
        items.sort(key=lambda mn: (mn[0] == 0, -mn[0]))
        return items

    def wards_in(self, year: int, month: int | None = None) -> list[WardCount]:
        """The wards with articles in a year (and month), in Vietnamese order."""
        sql = "SELECT ward, unit, count(*) AS n FROM articles WHERE coalesce(year, 0) = ?"
        args: list[Any] = [year]
        if month is not None:
            sql += " AND" + self._month_clause(month, args)
        rows = self.conn.execute(sql + " GROUP BY ward, unit", args).fetchall()
        items = [WardCount(r["ward"], r["unit"], r["n"]) for r in rows]
        items.sort(key=lambda w: (w.ward is None, sort_key(w.ward or ""), sort_key(w.unit or "")))
        return items

    def summaries(
        self,
        *,
        ward: str | None = None,
        unit: str | None = None,
        year: int | None = None,
        month: int | None = None,
    ) -> list[ArticleSummary]:
        """Articles, newest first (undated last), filtered by any of ward/unit/year/month.

        ``ward=UNKNOWN_WARD`` selects articles without a ward; ``year=UNDATED``
        those without a date; ``month=0`` those dated by year only.
        """
        where, args = self._ward_filter(ward, unit)
        clauses = [where[len("WHERE ") :]] if where else []
        if year is not None:
            clauses.append("coalesce(year, 0) = ?")
            args.append(year)
        sql = f"SELECT {SUMMARY_COLUMNS} FROM articles"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        if month is not None:
            sql += (" AND" if clauses else " WHERE") + self._month_clause(month, args)
        rows = self.conn.execute(sql, args).fetchall()
        return newest_first([ArticleSummary.from_row(r) for r in rows])

    def query(
        self,
        *,
        wards: Sequence[str] | None = None,
        year: int | None = None,
        limit: int | None = None,
        provinces: Sequence[str] | None = None,
        districts: Sequence[str] | None = None,
    ) -> Iterator[ArticleSummary]:
        """Articles newest first (a year-only date before the full dates of its year,
        undated last, then in the order they were added), as the rows come.

        ``wards``: only articles whose ward is one of these names (as stored);
        ``year``: only that year (:data:`UNDATED` for undated ones); ``limit``: at most
        that many; ``provinces``/``districts``: only articles placed in one of these.
        The filtering, ordering and limit are SQL, so the first row comes
        without reading the rest.
        """
        sql, args = self._query_sql(SUMMARY_COLUMNS, wards, year, limit, provinces, districts)
        for row in self.conn.execute(sql, args):
            yield ArticleSummary.from_row(row)

    def query_json(
        self,
        *,
        wards: Sequence[str] | None = None,
        year: int | None = None,
        limit: int | None = None,
        provinces: Sequence[str] | None = None,
        districts: Sequence[str] | None = None,
    ) -> Iterator[str]:
        """:meth:`query`'s articles, each as the compact JSON text of its
        :meth:`ArticleSummary.to_json`, made by SQLite (``list --json``: no Python
        object per row). Characters JSON allows raw stay raw (C1 and bidi controls too)."""
        sql, args = self._query_sql(_JSON_OBJECT, wards, year, limit, provinces, districts)
        cursor = self.conn.cursor()
        cursor.row_factory = None
        for (text,) in cursor.execute(sql, args):
            yield text

    @staticmethod
    def _query_sql(
        columns: str,
        wards: Sequence[str] | None,
        year: int | None,
        limit: int | None,
        provinces: Sequence[str] | None,
        districts: Sequence[str] | None,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if wards is not None:
            clauses.append(f"ward IN ({', '.join('?' * len(wards))})")
            args.extend(wards)
        if year is not None:
            clauses.append("coalesce(year, 0) = ?")
            args.append(year)
        for column, names in (("province", provinces), ("district", districts)):
            if names is not None:
                clauses.append(f"{column} IN ({', '.join('?' * len(names))})")
                args.extend(names)
        sql = f"SELECT {columns} FROM articles"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        # date || U+FFFF: a prefix ("2023") sorts before its longer dates ("2023-06-28");
        # the index articles_newest gives this order without a sort.
        sql += " ORDER BY date IS NULL, date || char(65535) DESC, rowid"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return sql, args

    def ward_names(self) -> list[str]:
        """Every distinct ward name (as stored), for matching what a user typed."""
        rows = self.conn.execute("SELECT DISTINCT ward FROM articles WHERE ward IS NOT NULL")
        return [str(r[0]) for r in rows]

    def all_summaries(self) -> Iterator[ArticleSummary]:
        for row in self.conn.execute(f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY rowid"):
            yield ArticleSummary.from_row(row)

    def summary(self, article_id: str) -> ArticleSummary | None:
        row = self.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return ArticleSummary.from_row(row) if row else None

    def get(self, article_id: str) -> PlacedArticle | None:
        """The whole article with its placement, or ``None``."""
        row = self.conn.execute(
            "SELECT id, title, ward, unit, date, author, category, source, encoding, body,"
            f" credit, title_original, {', '.join(PLACE_COLUMNS)} FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        return PlacedArticle(
            id=row["id"],
            title=row["title"],
            paragraphs=unpack_paragraphs(row["body"]),
            ward=row["ward"],
            unit=row["unit"],
            date=row["date"],
            author=row["author"],
            category=row["category"],
            source=row["source"],
            encoding=row["encoding"],
            credit=row["credit"],
            title_original=row["title_original"],
            placement=placement_from_row(row),
        )

    def resolve(self, prefix: str) -> str:
        """The full id for an id or a unique prefix of one (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (prefix,)).fetchone():
            return prefix
        if len(prefix) < 4 or not prefix.isalnum():
            raise UnknownId(prefix)
        rows = self.conn.execute(
            "SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "~")
        ).fetchall()
        if not rows:
            raise UnknownId(prefix)
        if len(rows) > 1:
            raise AmbiguousId(prefix)
        return str(rows[0]["id"])

    def files_of(self, article_id: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT path FROM files WHERE article_id = ? ORDER BY path", (article_id,)
            )
        ]

    def skipped_files(self) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in self.conn.execute(
                "SELECT path, skip_reason FROM files WHERE skip_reason IS NOT NULL ORDER BY path"
            )
        ]

    def find_by_source(self, source: str) -> str | None:
        row = self.conn.execute(
            "SELECT article_id FROM files WHERE path = ? AND article_id IS NOT NULL", (source,)
        ).fetchone()
        return str(row[0]) if row else None

    # -- helpers ---------------------------------------------------------
    @staticmethod
    def _ward_filter(ward: str | None, unit: str | None) -> tuple[str, list[Any]]:
        if ward is None:
            return "", []
        if ward == UNKNOWN_WARD:
            return "WHERE ward IS NULL", []
        if unit is None:
            return "WHERE ward = ?", [ward]
        return "WHERE ward = ? AND unit = ?", [ward, unit]

    @staticmethod
    def _month_clause(month: int, args: list[Any]) -> str:
        if month == 0:
            return " length(coalesce(date, '')) = 4"
        args.append(f"{month:02d}")
        return " substr(date, 6, 2) = ?"
