"""Field filters: the articles that ``ward:``, ``unit:``, ``author:``, ``year:``,
``date:``, ``province:``, ``district:`` and ``is:NAME`` allow, as sets of rowids,
asked of SQLite.

Values arrive folded (see :mod:`.query`). Wards and units are compared folded to the
library's distinct (ward, unit) pairs (one pass over the ``articles_ward`` index,
cached), provinces and districts likewise to the distinct stored names (with and
without their type word, ``Thành phố``); bylines through the ``author`` column of the
full-text index; dates through the ``articles_date`` index. ``is:NAME`` takes a set
of article ids from the caller (:data:`IdSets`: ``bookmarked``, ``read``…), read only
when the query asks for it.
Results are cached on the index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Mapping

from ..corpus.model import ward_label
from ..library.place_queries import starts_with
from ..places import strip_type
from ..vntext import fold
from .index import SearchIndex
from .match import Fts, quote
from .query import FieldFilter, Query, tokenize

__all__ = ["Bookmarked", "IdSet", "IdSets", "allowed_rowids"]

IdSet = Callable[[], Collection[str]] | Collection[str] | None
"""Article ids, or a function giving them (called only when the query needs them)."""
Bookmarked = IdSet
IdSets = Mapping[str, IdSet]
"""The id sets ``is:NAME`` filters by, by name: ``{"bookmarked": ..., "read": ...}``."""

_UNAVAILABLE = {"bookmarked": "bookmarks are not available here",
                "read": "read marks are not available here"}

WardGroup = tuple[str, str | None, str, str]  # ward, unit, folded name, folded label


def _ward_groups(index: SearchIndex, conn: sqlite3.Connection) -> list[WardGroup]:
    cached = index.cache.get("ward groups")
    if cached is None:
        rows = conn.execute("SELECT DISTINCT ward, unit FROM articles"
                            " WHERE coalesce(ward, '') != ''").fetchall()
        cached = [(ward, unit, " ".join(tokenize(fold(ward))),
                   " ".join(tokenize(fold(ward_label(ward, unit) or ""))))
                  for ward, unit in rows]
        index.cache.put("ward groups", cached)
    return list(cached)


def _rowids_of_groups(conn: sqlite3.Connection, groups: list[tuple[str, str | None]]
                      ) -> set[int]:
    """The articles of these (ward, unit) pairs: one query per unit, through the
    ``articles_ward`` index (never a scan of the articles' rows)."""
    by_unit: dict[str | None, list[str]] = {}
    for ward, unit in groups:
        by_unit.setdefault(unit, []).append(ward)
    found: set[int] = set()
    for unit, wards in by_unit.items():
        rows = conn.execute("SELECT rowid FROM articles WHERE ward IN (SELECT value FROM"
                            " json_each(?)) AND unit IS ?", (json.dumps(wards), unit)).fetchall()
        found.update(r[0] for r in rows)
    return found


def _ward_rowids(index: SearchIndex, conn: sqlite3.Connection, value: str,
                 hints: list[str]) -> set[int]:
    words = [str(int(w)) if w.isdigit() else w for w in value.split()]
    wanted = " ".join(words)
    every = _ward_groups(index, conn)
    groups = [g for g in every if wanted in (g[2], g[3])]
    if not groups:
        groups = [g for g in every if g[2].startswith(wanted) or g[3].startswith(wanted)]
    if not groups:
        names = {g[2]: g for g in every}
        from rapidfuzz import process  # only for a suggestion: not on every search's path
        from rapidfuzz.distance import OSA

        best = process.extractOne(wanted, list(names), scorer=OSA.distance, processor=None,
                                  score_cutoff=2)
        suggestion = f"; did you mean ward:\"{names[best[0]][0]}\"?" if best else ""
        hints.append(f"no ward matches {value!r}{suggestion}")
        return set()
    return _rowids_of_groups(conn, [(g[0], g[1]) for g in groups])


def _place_rowids(index: SearchIndex, conn: sqlite3.Connection, column: str, value: str,
                  hints: list[str]) -> set[int]:
    """``province:`` and ``district:``, matched like ``ward:`` (exactly, else by prefix)."""
    names = index.cache.get(("place names", column))
    if names is None:
        rows = conn.execute(f"SELECT DISTINCT {column} FROM articles WHERE {column} NOT NULL")
        names = [(r[0], " ".join(tokenize(fold(r[0]))), " ".join(tokenize(fold(strip_type(r[0])))))
                 for r in rows]
        index.cache.put(("place names", column), names)
    wanted = " ".join(str(int(w)) if w.isdigit() else w for w in value.split())
    chosen = [n for n, full, bare in names if wanted in (full, bare)]
    if not chosen:
        chosen = [n for n, full, bare in names
                  if starts_with(full, wanted) or starts_with(bare, wanted)]
    if not chosen:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        best = process.extractOne(wanted, [full for _, full, _ in names], scorer=OSA.distance,
                                  processor=None, score_cutoff=2)
        suggestion = f'; did you mean {column}:"{names[best[2]][0]}"?' if best else ""
        hints.append(f"no {column} matches {value!r}{suggestion}")
        return set()
    found = conn.execute(f"SELECT rowid FROM articles WHERE {column} IN"
                         f" ({', '.join('?' * len(chosen))})", chosen).fetchall()
    return {r[0] for r in found}


def _unit_rowids(index: SearchIndex, conn: sqlite3.Connection, value: str) -> set[int]:
    return _rowids_of_groups(conn, [(g[0], g[1]) for g in _ward_groups(index, conn)
                                    if g[1] and fold(g[1]) == value])


def _author_rowids(fts: Fts, value: str, hints: list[str]) -> set[int]:
    tokens = value.split()
    found = fts.rowids("{author}: " + quote(tokens))
    if not found:
        found = fts.rowids("{author}: " + quote(tokens) + "*")
    if not found:
        hints.append(f"no byline matches {value!r}")
    return found


def _dated(conn: sqlite3.Connection, item: FieldFilter) -> set[int]:
    assert item.dates is not None
    low, high = item.dates.low, item.dates.high
    rows = conn.execute(
        "SELECT rowid FROM articles WHERE date >= ? AND date <= ?",
        (low or "0", (high or "9999") + "\uffff")).fetchall()
    return {r[0] for r in rows}


def _filter_rowids(index: SearchIndex, fts: Fts, item: FieldFilter, hints: list[str]
                   ) -> set[int]:
    cache = index.cache
    key = ("filter", item.name, item.value, item.dates)
    cached = cache.get(key)
    if cached is not None:
        hints.extend(cached[1])
        return set(cached[0])
    own: list[str] = []
    conn = fts.conn
    if item.name == "ward":
        found = _ward_rowids(index, conn, item.value, own)
    elif item.name == "author":
        found = _author_rowids(fts, item.value, own)
    elif item.name == "unit":
        found = _unit_rowids(index, conn, item.value)
    elif item.name in ("province", "district"):
        found = _place_rowids(index, conn, item.name, item.value, own)
    else:
        found = _dated(conn, item)
    cache.put(key, (frozenset(found), own))
    hints.extend(own)
    return found


def _id_set(index: SearchIndex, conn: sqlite3.Connection, name: str, given: IdSet,
            wanted: bool, hints: list[str]) -> set[int]:
    ids = given() if callable(given) else given
    if ids is None:  # not known here: as if empty (is:unread is everything)
        if wanted:
            hints.append(_UNAVAILABLE.get(name, f"is:{name} is not available here"))
        return set()
    key = ("ids", name, json.dumps(sorted(ids)))
    cached = index.cache.get(key)
    if cached is None:
        cached = frozenset(index.rowids_of_ids(conn, ids))
        index.cache.put(key, cached)
    return set(cached)


def allowed_rowids(index: SearchIndex, fts: Fts, query: Query, sets: IdSets
                   ) -> set[int] | None:
    """The rowids the filters allow, or ``None`` for all."""
    allowed: set[int] | None = None
    removed: set[int] = set()
    for item in query.filters:
        found = _filter_rowids(index, fts, item, query.hints)
        if item.negated:
            removed |= found
        else:
            allowed = found if allowed is None else allowed & found
    for name, wanted in query.flags.items():
        members = _id_set(index, fts.conn, name, sets.get(name), wanted, query.hints)
        if wanted:
            allowed = members if allowed is None else allowed & members
        else:
            removed |= members
    if removed:
        allowed = (index.all_rowids(fts.conn) if allowed is None else allowed) - removed
    return allowed
