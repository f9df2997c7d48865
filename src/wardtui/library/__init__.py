"""The library: the SQLite cache of articles, kept in step with the sources.

:mod:`.store` holds :class:`Library` (one connection: open, sync, query), :mod:`.model`
what it hands out (summaries, ward counts, id errors), :mod:`.schema` the cache file,
:mod:`.sync` the walk of the sources and :mod:`.codec` the stored paragraphs. This
package re-exports the public names. Knows nothing of Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import (
    UNDATED,
    UNKNOWN_WARD,
    AmbiguousId,
    ArticleSummary,
    LibraryError,
    LibraryStats,
    Missing,
    PlacedArticle,
    UnknownId,
    WardCount,
)
from .place_queries import PlaceCount, PlaceWard
from .store import Library

if TYPE_CHECKING:
    from .sync import SyncReport

__all__ = [
    "UNDATED",
    "UNKNOWN_WARD",
    "AmbiguousId",
    "ArticleSummary",
    "Library",
    "LibraryError",
    "LibraryStats",
    "Missing",
    "PlaceCount",
    "PlaceWard",
    "PlacedArticle",
    "SyncReport",
    "UnknownId",
    "WardCount",
]


def __getattr__(name: str) -> Any:
    """``SyncReport`` on first use: reading the cache (``wardtui show``) does not load the
    sync, its process pool and the parser."""
    if name == "SyncReport":
        from .sync import SyncReport

        return SyncReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
