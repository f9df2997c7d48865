"""What the library hands out: article summaries, ward counts, statistics, id errors.

Plain frozen dataclasses built from cache rows, and the constants that stand for "no
ward" and "no date" in queries. No connection here: :mod:`.store` makes them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..corpus.model import Article, ward_label
from ..labels import ward_name
from ..places import Placement, place_label
from ..vntext import sort_key

__all__ = [
    "UNDATED",
    "UNKNOWN_WARD",
    "AmbiguousId",
    "ArticleSummary",
    "LibraryError",
    "LibraryStats",
    "Missing",
    "PlacedArticle",
    "UnknownId",
    "WardCount",
]

UNDATED = 0  # the "year" of articles without a date
LibraryError = sqlite3.Error  # what a failing cache raises; callers need not import sqlite3
UNKNOWN_WARD = ""  # the "ward" of articles whose ward was not found

SUMMARY_COLUMNS = (
    "id, title, ward, unit, date, author, category, source, words, credit,"
    " province, district, place_code, place_confidence, place_candidates"
)


class UnknownId(LookupError):
    """No article has this id (or id prefix)."""


class AmbiguousId(LookupError):
    """Several articles start with this id prefix."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What lists and trees show of an article, without its paragraphs."""

    id: str
    title: str
    ward: str | None
    unit: str | None
    date: str | None
    author: str | None
    category: str | None
    source: str
    words: int
    credit: str | None = None
    province: str | None = None
    district: str | None = None
    place_code: str | None = None
    place_confidence: str | None = None  # unique, evidence, unknown; None: not placed yet
    place_candidates: int = 0

    @property
    def ward_label(self) -> str | None:
        return ward_label(self.ward, self.unit)

    @property
    def placement(self) -> Placement | None:
        """The stored placement (without the successor: see :class:`PlacedArticle`);
        ``None`` for an article not placed yet (from a cache older than places, until
        the next sync places it)."""
        if self.place_confidence not in ("unique", "evidence", "unknown"):
            return None
        return Placement(self.province, self.district, self.place_code,
                         self.place_confidence, self.place_candidates or 0)  # type: ignore[arg-type]

    @property
    def place_label(self) -> str | None:
        """``Phường 1, Thành phố Tân An, Long An`` or ``Phường 1 (place unknown: …)``;
        ``None`` when not placed yet."""
        placement = self.placement
        return None if placement is None else place_label(self.ward, self.unit, placement)

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    def to_json(self) -> dict[str, Any]:
        """The ``list --json`` keys."""
        return {
            "id": self.id,
            "ward": self.ward,
            "unit": self.unit,
            "date": self.date,
            "title": self.title,
            "author": self.author,
            "category": self.category,
            "source": self.source,
            "words": self.words,
            "credit": self.credit,
            "province": self.province,
            "district": self.district,
            "place_code": self.place_code,
            "place_confidence": self.place_confidence,
        }

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> ArticleSummary:
        return cls(
            row["id"],
            row["title"],
            row["ward"],
            row["unit"],
            row["date"],
            row["author"],
            row["category"],
            row["source"],
            row["words"],
            row["credit"],
            row["province"],
            row["district"],
            row["place_code"],
            row["place_confidence"],
            row["place_candidates"] or 0,
        )


@dataclass(frozen=True, slots=True)
class PlacedArticle(Article):
    """An article as the library stores it: with its :attr:`placement` (issue 14),
    ``None`` when not placed yet (see :attr:`ArticleSummary.placement`)."""

    placement: Placement | None = None

    @property
    def place_label(self) -> str | None:
        """As :attr:`ArticleSummary.place_label`."""
        placement = self.placement
        return None if placement is None else place_label(self.ward, self.unit, placement)


@dataclass(frozen=True, slots=True)
class WardCount:
    ward: str | None
    unit: str | None
    count: int

    @property
    def label(self) -> str:
        return ward_name(self.ward, self.unit)


@dataclass(frozen=True, slots=True)
class Missing:
    """An article asked for by id that the library no longer has (e.g. a bookmark's)."""

    id: str
    title: str = ""


@dataclass(frozen=True, slots=True)
class LibraryStats:
    articles: int
    wards: int
    files: int
    skipped: int


def newest_first(items: list[ArticleSummary]) -> list[ArticleSummary]:
    items.sort(key=lambda a: sort_key(a.title))
    items.sort(key=lambda a: a.date or "", reverse=True)
    items.sort(key=lambda a: a.date is None)
    return items

