"""The library's answers about places: province → district → ward → year, with counts.

:class:`PlaceQueries` is mixed into :class:`~wardtui.library.Library` (it needs only
``self.conn``). Every level is one ``GROUP BY`` on the ``articles_place`` index, so a
tree can load one level when it is opened. A ward node is a :class:`PlaceWard`: one
unit of the gazetteer (its ``place_code``: two different ``Phường 1`` are two
nodes), or, for articles whose place is unknown (``province`` NULL), one ward name.
Names come in Vietnamese order (:func:`wardtui.places.province_sort_key`,
:func:`~wardtui.places.district_sort_key`); the unknown ones last.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..labels import ward_name
from ..places import district_sort_key, province_sort_key, strip_type
from ..vntext import fold, sort_key
from .model import SUMMARY_COLUMNS, UNDATED, ArticleSummary, newest_first

__all__ = ["PlaceCount", "PlaceQueries", "PlaceWard", "match_place_names", "starts_with"]


@dataclass(frozen=True, slots=True)
class PlaceCount:
    """A province or district and its article count; ``name`` ``None``: place unknown
    (a province) or no district (a ward of the list in force since July 2025)."""

    name: str | None
    count: int


@dataclass(frozen=True, slots=True)
class PlaceWard:
    """A ward node: a unit of the gazetteer (``place_code``) or, when the place is
    unknown (``place_code`` ``None``), the articles of one ward name."""

    place_code: str | None
    ward: str | None
    unit: str | None
    count: int
    names: tuple[str, ...] = ()  # every ward label the articles give this unit

    @property
    def label(self) -> str:
        return " / ".join(self.names) if self.names else ward_name(self.ward, self.unit)

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition selecting this node's articles."""
        if self.place_code is not None:
            return "place_code = ?", [self.place_code]
        return "province IS NULL AND ward IS ? AND unit IS ?", [self.ward, self.unit]


def _province_key(item: PlaceCount) -> tuple[object, ...]:
    return (item.name is None, province_sort_key(item.name or ""))


def _district_key(item: PlaceCount) -> tuple[object, ...]:
    return (item.name is None, district_sort_key(item.name or ""))


def match_place_names(value: str, names: Sequence[str]) -> list[str]:
    """The names ``value`` means, accents and type words optional: ``long an`` is
    ``Long An``; ``tan an`` and ``tp tân an`` are ``Thành phố Tân An``. A value that
    names none exactly means the names that start with it (``gia`` for ``Gia Lai``)."""
    wanted = " ".join(fold(value).split())
    bare = " ".join(fold(strip_type(value)).split())
    keys = [(n, fold(n), fold(strip_type(n))) for n in names]
    exact = [n for n, full, short in keys if wanted == full]
    if not exact:
        exact = [n for n, _, short in keys if short in (wanted, bare)]
    return exact or [n for n, full, short in keys
                     if wanted and (starts_with(full, wanted) or starts_with(short, bare))]


def starts_with(name: str, prefix: str) -> bool:
    """``name`` starts with ``prefix``, a number whole: ``quan 1`` is not ``quan 10``."""
    if not prefix or not name.startswith(prefix):
        return False
    return not (prefix[-1].isdigit() and name[len(prefix):][:1].isdigit())


class PlaceQueries:
    """Place queries on ``self.conn`` (see the module docstring)."""

    conn: sqlite3.Connection

    def provinces(self) -> list[PlaceCount]:
        """Every province with its article count; the articles not placed last (``None``)."""
        rows = self.conn.execute(
            "SELECT province, count(*) FROM articles GROUP BY province"
        ).fetchall()
        return sorted((PlaceCount(r[0], r[1]) for r in rows), key=_province_key)

    def districts(self, province: str) -> list[PlaceCount]:
        """The districts of ``province`` with counts; ``None`` (no district) last."""
        rows = self.conn.execute(
            "SELECT district, count(*) FROM articles WHERE province = ? GROUP BY district",
            (province,),
        ).fetchall()
        return sorted((PlaceCount(r[0], r[1]) for r in rows), key=_district_key)

    def place_wards(self, province: str | None, district: str | None = None) -> list[PlaceWard]:
        """The ward nodes of a district (``district`` ``None``: the wards of ``province``
        without one). ``province`` ``None``: the wards whose place is unknown, by name."""
        if province is None:
            rows = self.conn.execute(
                "SELECT NULL, ward, unit, count(*) FROM articles WHERE province IS NULL"
                " GROUP BY ward, unit"
            ).fetchall()
        else:
            rows = self.conn.execute(
                "SELECT place_code, ward, unit, count(*) FROM articles"
                " WHERE province = ? AND district IS ? GROUP BY place_code, ward, unit",
                (province, district),
            ).fetchall()
        return _ward_nodes(rows)

    def place_years(self, node: PlaceWard) -> list[tuple[int, int]]:
        """(year, count) of a ward node, newest first, :data:`UNDATED` last."""
        where, args = node.where()
        rows = self.conn.execute(
            f"SELECT coalesce(year, 0), count(*) FROM articles WHERE {where} GROUP BY 1", args
        ).fetchall()
        return sorted(((r[0], r[1]) for r in rows), key=lambda yn: (yn[0] == UNDATED, -yn[0]))

    def place_summaries(self, node: PlaceWard, year: int | None = None) -> list[ArticleSummary]:
        """The articles of a ward node (in ``year``: :data:`UNDATED` for undated), newest first."""
        where, args = node.where()
        if year is not None:
            where += " AND coalesce(year, 0) = ?"
            args.append(year)
        rows = self.conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE {where}", args
        ).fetchall()
        return newest_first([ArticleSummary.from_row(r) for r in rows])

    def place_tree(self) -> list[dict[str, Any]]:
        """Provinces → districts → ward nodes with counts, for ``wardtui places``; the
        wards whose place is unknown under a province ``None``."""
        rows = self.conn.execute(
            "SELECT province, district, place_code, ward, unit, count(*) FROM articles"
            " GROUP BY province, district, place_code, ward, unit"
        ).fetchall()
        grouped: dict[str | None, dict[str | None, list[Any]]] = {}
        for province, district, *rest in rows:
            grouped.setdefault(province, {}).setdefault(district, []).append(rest)
        tree = []
        for province in sorted(grouped, key=lambda p: _province_key(PlaceCount(p, 0))):
            districts: list[dict[str, Any]] = []
            for district in sorted(grouped[province],
                                   key=lambda d: _district_key(PlaceCount(d, 0))):
                wards = _ward_nodes(grouped[province][district])
                districts.append({
                    "district": district,
                    "count": sum(w.count for w in wards),
                    "wards": [
                        {"place_code": w.place_code, "ward": w.label, "count": w.count}
                        for w in wards
                    ],
                })
            tree.append({
                "province": province,
                "count": sum(d["count"] for d in districts),
                "districts": districts,
            })
        return tree

    def province_names(self) -> list[str]:
        rows = self.conn.execute("SELECT DISTINCT province FROM articles WHERE province NOT NULL")
        return [str(r[0]) for r in rows]

    def district_names(self, provinces: Sequence[str] | None = None) -> list[str]:
        """The districts of the library (within ``provinces`` when given)."""
        sql = "SELECT DISTINCT district FROM articles WHERE district NOT NULL"
        args: list[str] = []
        if provinces is not None:
            sql += f" AND province IN ({', '.join('?' * len(provinces))})"
            args.extend(provinces)
        return [str(r[0]) for r in self.conn.execute(sql, args)]


def _ward_nodes(rows: Sequence[Sequence[Any]]) -> list[PlaceWard]:
    """Rows of (place_code, ward, unit, count) merged into one node per place code
    (per ward name when the code is ``None``), in the ward grouping's order: by the
    name most written (Vietnamese collation, numbered wards by number), then unit."""
    nodes: dict[tuple[Any, ...], list[tuple[int, str | None, str | None]]] = {}
    for code, ward, unit, count in rows:
        key = (code,) if code is not None else (None, ward, unit)
        nodes.setdefault(key, []).append((count, ward, unit))
    items = []
    for key, names in nodes.items():
        names.sort(key=lambda n: (-n[0], sort_key(n[1] or ""), sort_key(n[2] or "")))
        code = key[0]
        labels = tuple(dict.fromkeys(ward_name(w, u) for _, w, u in names)) if code else ()
        _, ward, unit = names[0]
        items.append(PlaceWard(code, ward, unit, sum(n[0] for n in names), labels))
    items.sort(key=lambda w: (w.ward is None, sort_key(w.ward or ""), sort_key(w.unit or ""),
                              w.place_code or ""))
    return items
