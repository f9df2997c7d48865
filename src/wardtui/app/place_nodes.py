"""The tree grouped by place (issue 14): province, district, ward, year, article.

Every level is one :class:`~wardtui.library.Library` query when its node is opened
(:mod:`wardtui.library.place_queries`), with counts, in Vietnamese order. A ward node
is one unit of the gazetteer (its place code): two different ``Phường 1`` are two
nodes. The wards of the list in force since July 2025 have no district and sit right
under their province, after its districts. Articles whose place is unknown sit under
their own *Place unknown* node, by ward name, never mixed in with the placed ones.

:mod:`.catalog` turns what this module returns into tree nodes (it imports this
module, never the reverse): each node's :class:`Where`, its key, kind and count.
Knows nothing of Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..library import UNDATED, ArticleSummary, Library, PlaceWard

__all__ = ["KINDS", "UNKNOWN_PLACE", "Where", "children", "label", "path", "top"]

KINDS = ("province", "district", "place", "place_year")
UNKNOWN_PLACE = "Place unknown"
Key = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Where:
    """Where a node of the place grouping stands: ``province`` ``None`` is the
    *Place unknown* node (and everything under it); ``place`` is the ward node's
    unit (or, place unknown, ward name)."""

    province: str | None
    district: str | None = None
    place: PlaceWard | None = None


def _province_key(province: str | None) -> Key:
    return ("province", province or "")


def _district_key(province: str | None, district: str) -> Key:
    return (*_province_key(province), "district", district)


def _place_key(province: str | None, district: str | None, place: PlaceWard) -> Key:
    parent = _district_key(province, district) if district else _province_key(province)
    if place.place_code is not None:
        return (*parent, "place", place.place_code)
    return (*parent, "place", "", place.ward or "", place.unit or "")


def _year_key(place_key: Key, year: int) -> Key:
    return (*place_key, "year", year)


def top(library: Library) -> list[dict[str, Any]]:
    """The provinces (the *Place unknown* node last), as :class:`NodeInfo` fields."""
    return [
        {"kind": "province", "key": _province_key(p.name), "count": p.count,
         "where": Where(p.name)}
        for p in library.provinces()
    ]


def children(library: Library, kind: str, where: Where, year: int | None
             ) -> list[dict[str, Any] | ArticleSummary]:
    """The children of a node of this grouping: node fields, or the articles (summaries)."""
    province, district, place = where.province, where.district, where.place
    if kind == "province" and province is not None:
        nodes: list[dict[str, Any] | ArticleSummary] = []
        for d in library.districts(province):
            if d.name is not None:
                nodes.append({"kind": "district", "key": _district_key(province, d.name),
                              "count": d.count, "where": Where(province, d.name)})
            else:  # the wards of the new list: no district
                nodes.extend(_places(library, province, None))
        return nodes
    if kind in ("province", "district"):
        return list(_places(library, province, district))
    if kind == "place" and place is not None:
        key = _place_key(province, district, place)
        return [
            {"kind": "place_year", "key": _year_key(key, y), "count": n, "where": where,
             "year": y}
            for y, n in library.place_years(place)
        ]
    if kind == "place_year" and place is not None:
        return list(library.place_summaries(place, year))
    return []


def _places(library: Library, province: str | None, district: str | None
            ) -> list[dict[str, Any]]:
    return [
        {"kind": "place", "key": _place_key(province, district, w), "count": w.count,
         "where": Where(province, district, w), "ward": w.ward, "unit": w.unit}
        for w in library.place_wards(province, district)
    ]


def path(summary: ArticleSummary) -> list[Key]:
    """The keys from the top of the tree down to the article's year node (the article's
    own key is the caller's)."""
    province = summary.province
    district = summary.district if province is not None else None
    code = summary.place_code if province is not None else None
    place = PlaceWard(code, summary.ward, summary.unit, 0)
    keys = [_province_key(province)]
    if district:
        keys.append(_district_key(province, district))
    keys.append(_place_key(province, district, place))
    keys.append(_year_key(keys[-1], summary.year if summary.year is not None else UNDATED))
    return keys


def label(kind: str, where: Where, year: int | None) -> str:
    """A node's name (its count is the caller's)."""
    if kind == "province":
        return where.province or UNKNOWN_PLACE
    if kind == "district":
        return where.district or ""
    if kind == "place" and where.place is not None:
        return where.place.label
    return "Undated" if year in (None, UNDATED) else str(year)
