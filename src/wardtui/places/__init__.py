"""Places: every ward placed in its district and province, from a real gazetteer.

The core layer for issue 14 (pure: imports :mod:`wardtui.vntext` and
:mod:`wardtui.corpus.model` only, no SQLite, Textual or Rich). Importing this
package is cheap; the gazetteer (both lists of Vietnam's units, before and after
1 July 2025) is loaded on the first :func:`place` call, never at import. Use
:func:`place_article` (or :func:`place`) to get a :class:`Placement`,
:func:`place_label` to show it, and :func:`province_sort_key` /
:func:`district_sort_key` to list places in Vietnamese order.
"""

from __future__ import annotations

from ..vntext import sort_key
from .gazetteer import Gazetteer, Unit, gazetteer, is_loaded
from .names import district_short, find_mentions, name_key, split_ward, strip_type
from .placement import (
    NEW_LIST_FROM,
    UNKNOWN,
    Placement,
    era_for,
    place,
    place_article,
    place_label,
    place_named,
)

__all__ = [
    "NEW_LIST_FROM",
    "UNKNOWN",
    "Gazetteer",
    "Placement",
    "Unit",
    "district_short",
    "district_sort_key",
    "era_for",
    "find_mentions",
    "gazetteer",
    "is_loaded",
    "name_key",
    "place",
    "place_article",
    "place_label",
    "place_named",
    "province_sort_key",
    "split_ward",
    "strip_type",
]


def province_sort_key(name: str) -> tuple[object, ...]:
    """Vietnamese order for province names (``Đà Nẵng`` after ``Cần Thơ``, before ``Gia Lai``)."""
    return sort_key(name)


def district_sort_key(name: str) -> tuple[object, ...]:
    """Vietnamese order for district names by the name, not the type word: numbered
    districts first, by number (``Quận 3``, ``Quận 10``), then ``Huyện Cần Giuộc`` before
    ``Thành phố Tân An``."""
    return sort_key(strip_type(name))
