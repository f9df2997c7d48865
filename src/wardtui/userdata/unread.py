"""Unread counts: how many articles of the library are unread, per ward, year and month.

The library and the user's data are two SQLite files, so the read ids are handed to one
grouped query on the library's connection as a JSON array (``json_each``: no temporary
table, nothing written), which counts the unread articles per (ward, unit, year, month)
in SQL; the coarser counts (a ward, a year, a ward's year, a month's ward) are summed
from those groups once per kind (those the tree asks, at once), so each tree label is
a dictionary look-up, and one article marked adjusts them
(:meth:`UnreadCounts.adjusted`). Knows nothing of Textual.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from itertools import product
from operator import itemgetter

from ..library import UNKNOWN_WARD, Library
from .model import ArticleLike

__all__ = ["UnreadCounts", "group_of", "unread_counts"]

Group = tuple[str | None, str | None, int, int]  # ward, unit, year, month

# Only the ward, unit, date and rowid are read, so SQLite scans its (ward, unit, date)
# index instead of the articles with their bodies; grouped by the date's year-month text
# (not by two numbers cast in SQL: at 100,000 articles half the query's time), which
# :func:`_year_month` reads as :func:`group_of` reads a date.
_GROUPS = (
    "SELECT ward, unit, substr(date, 1, 7) AS ym, count(*) AS n FROM articles"
    " WHERE rowid NOT IN (SELECT rowid FROM articles"
    " WHERE id IN (SELECT value FROM json_each(?)))"
    " GROUP BY ward, unit, ym"
)

# The sums kept: any of ward, unit, year, month, but a unit only with its ward and a
# month only with its year.
Mask = tuple[bool, bool, bool, bool]
_MASKS: tuple[Mask, ...] = tuple(
    (w, u, y, m) for w, u, y, m in product((False, True), repeat=4)
    if not (u and not w) and not (m and not y)
)
COMMON_MASKS: tuple[Mask, ...] = (
    (True, True, False, False), (True, True, True, False),  # by ward: wards, their years
    (False, False, True, False), (False, False, True, True),  # by date: years, months
    (True, True, True, True), (False, False, False, False),  # a month's wards; the total
)


@dataclass(frozen=True)
class UnreadCounts:
    """Unread articles per group; ask with :meth:`count`.

    ``groups`` maps ``(ward, unit, year, month)`` to a count: ``ward`` ``None``
    for articles without a ward, ``year`` :data:`~wardtui.library.UNDATED` (0)
    for undated ones, ``month`` 0 for a date known only to the year.
    """

    groups: dict[Group, int]
    # per mask (which of ward, unit, year, month it keeps): the sums, made on first use
    _sums: dict[Mask, dict[tuple[object, ...], int]] = field(
        init=False, repr=False, compare=False, default_factory=dict)

    def warm(self, *masks: Mask) -> UnreadCounts:
        """Make the sums of these masks now (in the worker that counted, not in the first
        tree label that asks); the default: those the tree's groupings ask."""
        for mask in masks or COMMON_MASKS:
            self._sums_of(mask)
        return self

    def _sums_of(self, mask: Mask) -> dict[tuple[object, ...], int]:
        sums = self._sums.get(mask)
        if sums is None:
            sums = {}
            get = sums.get
            kept = [i for i, keep in enumerate(mask) if keep]
            if not kept:
                sums[()] = sum(self.groups.values())
            elif len(kept) == 1:
                (only,) = kept
                for group, n in self.groups.items():
                    key: tuple[object, ...] = (group[only],)
                    sums[key] = get(key, 0) + n
            else:
                pick = itemgetter(*kept)
                for group, n in self.groups.items():
                    key = pick(group)
                    sums[key] = get(key, 0) + n
            self._sums[mask] = sums
        return sums

    def adjusted(self, articles: Iterable[ArticleLike], read: bool) -> UnreadCounts:
        """These counts once ``articles`` (each of which was unread, or read) became read
        (or unread): a few dictionary changes, not a query (for one article marked)."""
        groups = dict(self.groups)
        sums = {mask: dict(made) for mask, made in list(self._sums.items())}
        step = -1 if read else 1
        for article in articles:
            group = group_of(article)
            groups[group] = groups.get(group, 0) + step
            if groups[group] <= 0:
                del groups[group]
            for mask, made in sums.items():
                key = tuple(v for v, keep in zip(group, mask, strict=True) if keep)
                made[key] = made.get(key, 0) + step
        result = UnreadCounts(groups)
        result._sums.update(sums)
        return result

    @property
    def total(self) -> int:
        """Every unread article."""
        return self.count()

    def count(
        self,
        ward: str | None = None,
        unit: str | None = None,
        year: int | None = None,
        month: int | None = None,
    ) -> int:
        """The unread articles of a ward (``UNKNOWN_WARD``: those without one), a unit,
        a year (``UNDATED``), a month (0: dated by year only), or any of these at once;
        ``None`` is "any", as in :meth:`Library.summaries`."""
        if ward == UNKNOWN_WARD:
            values: tuple[object, ...] = (None, None, year, month)
            mask = (True, False, year is not None, month is not None)
        else:
            values = (ward, unit, year, month)
            mask = (ward is not None, unit is not None, year is not None, month is not None)
        if mask not in _MASKS:
            raise ValueError("a unit needs its ward, and a month its year")
        key = tuple(v for v, keep in zip(values, mask, strict=True) if keep)
        return self._sums_of(mask).get(key, 0)


def _year_month(date: str | None) -> tuple[int, int]:
    """The year and month of a stored date (0 where unknown), read from its first 7
    characters."""
    year = int(date[:4]) if date and date[:4].isdigit() else 0
    month = int(date[5:7]) if date and len(date) >= 7 and date[5:7].isdigit() else 0
    return year, month


def group_of(article: ArticleLike) -> Group:
    """The ``(ward, unit, year, month)`` group of an article, as :func:`unread_counts`
    counts it."""
    ward = article.ward
    return (ward, article.unit if ward is not None else None, *_year_month(article.date))


def unread_counts(library: Library, read_ids: Collection[str]) -> UnreadCounts:
    """Count the articles of ``library`` whose id is not in ``read_ids`` (one query)."""
    rows = library.conn.execute(_GROUPS, (json.dumps(list(read_ids)),)).fetchall()
    groups: dict[Group, int] = {}
    get = groups.get
    months: dict[str | None, tuple[int, int]] = {}  # few distinct year-months: read once
    for ward, unit, ym, n in rows:
        when = months.get(ym)
        if when is None:
            when = months[ym] = _year_month(ym)
        # (a ward's unit only with its ward: articles without one share one group)
        group = (ward, unit if ward is not None else None, *when)
        groups[group] = get(group, 0) + n
    return UnreadCounts(groups).warm()
