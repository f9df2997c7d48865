"""Each article's place in the cache: the columns, and placing rows not yet placed.

The sync's workers settle and place every article they parse (:func:`settle_page`:
the file's origin may name its ward; the placement is sent back with the parse
outcome). Rows from a cache older than places
(``place_confidence`` NULL after the schema migration) are placed by
:func:`place_pending` at the end of the next sync, from their stored title, byline
and body and their file's path (its origin places the stored ward, never changes
it), in batches of one transaction each: an interrupted run leaves the rest for the
next. :func:`placement_from_row` rebuilds a :class:`~wardtui.places.Placement`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from ..corpus.model import Article
from ..places import Placement, place, place_article
from ..places.gazetteer import Era
from ..places.settle import settle
from .codec import unpack_paragraphs

__all__ = [
    "PLACE_COLUMNS",
    "PlaceValues",
    "place_page",
    "place_pending",
    "placement_from_row",
    "placement_values",
    "settle_page",
]

PLACE_COLUMNS = (
    "province", "district", "place_code", "place_confidence", "place_candidates",
    "successor", "successor_code",
)
PlaceValues = tuple[str | None, str | None, str | None, str, int, str | None, str | None]
PENDING_BATCH = 500


def placement_values(placement: Placement) -> PlaceValues:
    """The :data:`PLACE_COLUMNS` values of ``placement`` (compact, to send between processes)."""
    return (
        placement.province,
        placement.district,
        placement.place_code,
        placement.place_confidence,
        placement.candidates,
        placement.successor,
        placement.successor_code,
    )


def place_page(article: Article, page: str) -> PlaceValues:
    """Place a parsed ``article`` with its whole ``page`` (decoded text) as evidence.

    The page holds the title, byline and body besides the banners and footers that
    name the district and province, so it alone is the evidence: the same placement
    as :func:`wardtui.places.place_article` with the page as furniture (on every page
    of the development set and the samples), in half the time.
    """
    return placement_values(place(article.ward, article.unit, article.date, page))


def settle_page(article: Article, page: str) -> tuple[Article, PlaceValues]:
    """The article as stored (its ward settled by the file's origin and the gazetteer,
    see :mod:`wardtui.places.settle`) and its place, from its ``page`` (decoded text)
    and its path (``article.source``). What the sync's workers run after parsing."""
    settled, placement = settle(article, page)
    return settled, placement_values(placement)


def placement_from_row(row: Mapping[str, Any] | sqlite3.Row) -> Placement | None:
    """The placement stored in ``row`` (which holds :data:`PLACE_COLUMNS`); ``None`` for
    a row not placed yet."""
    confidence = row["place_confidence"]
    if confidence not in ("unique", "evidence", "unknown"):
        return None
    code = row["place_code"]
    era: Era | None = None if code is None else "old" if code.count("-") == 2 else "new"
    return Placement(
        province=row["province"],
        district=row["district"],
        place_code=code,
        place_confidence=confidence,
        candidates=row["place_candidates"] or 0,
        era=era,
        successor=row["successor"],
        successor_code=row["successor_code"],
    )


def _place_stored(article: Article) -> Placement:
    """The place of a stored article: its text and its file's origin as evidence, as
    long as the origin does not change the stored ward (then the text alone)."""
    page = "\n".join((article.title, article.category or "", article.author or "", article.body))
    settled, placement = settle(article, page)
    if (settled.ward, settled.unit) != (article.ward, article.unit):
        return place_article(article)
    return placement


def place_pending(
    conn: sqlite3.Connection, should_cancel: Callable[[], bool] | None = None
) -> int:
    """Place the rows not placed yet (``place_confidence IS NULL``); how many were placed."""
    done = 0
    while not (should_cancel and should_cancel()):
        rows = conn.execute(
            "SELECT rowid, id, title, ward, unit, date, author, category, source, body"
            " FROM articles WHERE place_confidence IS NULL LIMIT ?",
            (PENDING_BATCH,),
        ).fetchall()
        if not rows:
            break
        updates = []
        for row in rows:
            article = Article(
                id=row[1], title=row[2], paragraphs=unpack_paragraphs(row[9]), ward=row[3],
                unit=row[4], date=row[5], author=row[6], category=row[7], source=row[8],
            )
            updates.append((*placement_values(_place_stored(article)), row[0]))
        sets = ", ".join(f"{column} = ?" for column in PLACE_COLUMNS)
        with conn:
            conn.executemany(f"UPDATE articles SET {sets} WHERE rowid = ?", updates)
        done += len(rows)
    return done
