"""Field filters: the articles that ``ward:``, ``unit:``, ``author:``, ``year:``,
``date:``, ``is:bookmarked`` and ``is:read``/``is:unread`` allow, as sets of rowids.

Values arrive folded (see :mod:`.query`); wards, bylines and dates come from the
in-memory index, so no filter touches SQLite. Results are cached on the index.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .index import SearchIndex
from .query import FieldFilter, Query

__all__ = ["Bookmarked", "allowed_rowids"]

Bookmarked = Callable[[], Collection[str]] | Collection[str] | None
"""The bookmarked article ids, or a function giving them (called only for ``is:bookmarked``);
the same for the ids read (``is:read``, ``is:unread``)."""


def _ward_rowids(index: SearchIndex, value: str, hints: list[str]) -> set[int]:
    words = [str(int(w)) if w.isdigit() else w for w in value.split()]
    wanted = " ".join(words)
    groups = [g for g in index.ward_groups if wanted in (g.name, g.label)]
    if not groups:
        groups = [g for g in index.ward_groups
                  if g.name.startswith(wanted) or g.label.startswith(wanted)]
    if not groups:
        names = {g.name: g for g in index.ward_groups}
        best = process.extractOne(wanted, list(names), scorer=OSA.distance, processor=None,
                                  score_cutoff=2)
        suggestion = f"; did you mean ward:\"{names[best[0]].ward}\"?" if best else ""
        hints.append(f"no ward matches {value!r}{suggestion}")
        return set()
    found: set[int] = set()
    for group in groups:
        found.update(group.rowids)
    return found


def _author_rowids(index: SearchIndex, value: str, hints: list[str]) -> set[int]:
    needle = f" {value} "
    keys = [k for k in index.author_groups if needle in f" {k} "]
    if not keys:
        keys = [k for k in index.author_groups if f" {value}" in f" {k}"]
    if not keys:
        hints.append(f"no byline matches {value!r}")
    found: set[int] = set()
    for key in keys:
        found.update(index.author_groups[key])
    return found


def _filter_rowids(index: SearchIndex, item: FieldFilter, hints: list[str]) -> set[int]:
    cache = index.cache
    key = ("filter", item.name, item.value, item.dates)
    cached = cache.get(key)
    if cached is not None:
        hints.extend(cached[1])
        return set(cached[0])
    own: list[str] = []
    if item.name == "ward":
        found = _ward_rowids(index, item.value, own)
    elif item.name == "author":
        found = _author_rowids(index, item.value, own)
    elif item.name == "unit":
        found = set(index.unit_groups.get(item.value, ()))
    else:
        assert item.dates is not None
        found = index.dated(item.dates)
    cache.put(key, (frozenset(found), own))
    hints.extend(own)
    return found


def allowed_rowids(index: SearchIndex, query: Query, bookmarked: Bookmarked,
                   read: Bookmarked = None) -> set[int] | None:
    """The rowids the filters allow, or ``None`` for all."""
    allowed: set[int] | None = None
    removed: set[int] = set()
    for item in query.filters:
        found = _filter_rowids(index, item, query.hints)
        if item.negated:
            removed |= found
        else:
            allowed = found if allowed is None else allowed & found
    for wanted, given, what in ((query.bookmarked, bookmarked, "bookmarks"),
                                (query.read, read, "read marks")):
        if wanted is None:
            continue
        ids = given() if callable(given) else given
        if ids is None:
            ids = ()
            if wanted:
                query.hints.append(f"{what} are not available here")
        where = index.rowid_of_id
        marked = {where[i] for i in ids if i in where}
        if wanted:
            allowed = marked if allowed is None else allowed & marked
        else:
            removed |= marked
    if removed:
        allowed = (set(index.rowids) if allowed is None else allowed) - removed
    return allowed
