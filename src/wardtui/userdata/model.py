"""What the user's own data is made of: bookmarks, history entries, their errors, and
what they point at.

A :class:`Bookmark` keeps the article's id with what is needed to show it and find it
again (title, ward, unit, date, source path) and the user's note. :class:`ArticleLike`
is what a bookmark, a read mark or a history entry is made from (an article or a library
summary). A :class:`HistoryEntry` is one article opened. No storage here: see
:mod:`.store`, :mod:`.readstate` and :mod:`.history`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from ..corpus.clean import strip_controls
from ..corpus.model import ward_label

__all__ = [
    "MAX_NOTE",
    "AmbiguousBookmark",
    "ArticleLike",
    "Bookmark",
    "BookmarkError",
    "HistoryEntry",
    "ReconcileReport",
    "UnknownBookmark",
    "UserDataError",
    "clean_note",
    "now",
]

MAX_NOTE = 2000  # characters


class UserDataError(Exception):
    """The user's data file could not do what was asked; the message says why, in one line."""


class BookmarkError(UserDataError):
    """The bookmarks could not be read or changed; the message says why, in one line."""


class UnknownBookmark(BookmarkError, LookupError):
    """No bookmark has this id, alias or id prefix."""


class AmbiguousBookmark(BookmarkError, LookupError):
    """Several bookmarks start with this id prefix."""


class ArticleLike(Protocol):
    """What a bookmark needs from an article: an :class:`Article` or an :class:`ArticleSummary`."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def ward(self) -> str | None: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def date(self) -> str | None: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One bookmark: the article's id and what is needed to show and find it again.

    ``added`` is an ISO 8601 UTC timestamp; ``aliases`` are the ids the article
    had before :meth:`BookmarkStore.reconcile` re-keyed it.
    """

    id: str
    title: str
    ward: str | None
    unit: str | None
    date: str | None
    source: str
    note: str
    added: str
    aliases: tuple[str, ...] = ()

    @property
    def ward_label(self) -> str | None:
        """``phường Mỹ Long``, ``Phường 12``; ``None`` without a ward."""
        return ward_label(self.ward, self.unit)

    def to_json(self, *, missing: bool = False) -> dict[str, Any]:
        """The ``wardtui bookmarks --json`` keys."""
        return {
            "id": self.id, "title": self.title, "ward": self.ward, "unit": self.unit,
            "date": self.date, "note": self.note, "added": self.added, "missing": missing,
        }


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One article opened: ``seq`` orders the entries (never reused), ``prev`` is the
    entry the user came from (``None`` for a first one, or when it has been dropped);
    ``opened`` is an ISO 8601 UTC timestamp."""

    seq: int
    id: str
    prev: int | None
    title: str
    source: str
    opened: str


@dataclass(slots=True)
class ReconcileReport:
    """What :meth:`BookmarkStore.reconcile` did.

    ``rekeyed`` holds ``(old id, new id)`` pairs; ``missing`` the ids of
    bookmarked articles not found in the library (kept, shown as missing);
    ``refreshed`` how many bookmarks had their title/ward/date/source updated.
    """

    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    refreshed: int = 0


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def clean_note(note: str) -> str:
    """A note as stored: one line, no control characters, at most :data:`MAX_NOTE` characters."""
    return " ".join(strip_controls(note).split())[:MAX_NOTE]
