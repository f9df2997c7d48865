"""What the library hands out: article summaries, ward counts, statistics, id errors.

Plain frozen dataclasses built from cache rows, and the constants that stand for "no
ward" and "no date" in queries. No connection here: :mod:`.store` makes them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..corpus.model import ward_label
from ..labels import ward_name
from ..vntext import sort_key

__all__ = [
    "UNDATED",
    "UNKNOWN_WARD",
    "AmbiguousId",
    "ArticleSummary",
    "LibraryError",
    "LibraryStats",
    "Missing",
    "UnknownId",
    "WardCount",
]

UNDATED = 0  # the "year" of articles without a date
LibraryError = sqlite3.Error  # what a failing cache raises; callers need not import sqlite3
UNKNOWN_WARD = ""  # the "ward" of articles whose ward was not found

SUMMARY_COLUMNS = "id, title, ward, unit, date, author, category, source, words"


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

    @property
    def ward_label(self) -> str | None:
        return ward_label(self.ward, self.unit)

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
        )


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

