"""What the screens and the palette may ask of the app and of the reading screen.

Two protocols, so that the modules below :mod:`wardtui.app.app` never import it
(no import circle): :class:`Host` is the app as its screens see it (the library,
the settings, the bookmark store and its workers, notices), :class:`MainView`
the reading screen as the command palette sees it. :class:`~wardtui.app.app.WardApp`
and :class:`~wardtui.app.screens.main.MainScreen` satisfy them, and mypy checks
that they do (see the end of ``wardtui/app/__init__.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from textual.notifications import SeverityLevel

from ..config import Grouping, Settings, Sources
from ..library import Library, WardCount
from ..userdata import ArticleLike, BookmarkStore
from .early_sync import EarlySync
from .head_start import HeadStart
from .read_state import ReadKeeper

__all__ = ["Host", "MainView"]


class MainView(Protocol):
    """The reading screen, as the command palette drives it."""

    def current_article_id(self) -> str | None:
        """The article the keys ``b``, ``e``, ``c`` act on, if any."""

    def toggle_bookmark(self, article_id: str) -> None:
        """Bookmark ``article_id`` or remove its bookmark."""

    def action_toggle_grouping(self) -> None:
        """Group the tree by the next grouping (ward, place, date)."""

    def set_grouping(self, grouping: Grouping) -> None:
        """Group the tree by ``grouping`` and remember it."""

    def action_focus_search(self) -> None:
        """Go to the search bar."""

    def action_bookmarks(self) -> None:
        """Open the list of bookmarks."""

    def action_export_article(self) -> None:
        """Export the current article to a file."""

    def action_copy_article(self) -> None:
        """Copy the current article's text."""

    def sync_now(self) -> None:
        """Sync the sources in the background."""

    def go_to_ward(self, ward: WardCount) -> None:
        """Put the tree cursor on a ward."""

    def go_to_year(self, year: int) -> None:
        """Put the tree cursor on a year."""


class Host(Protocol):
    """The app, as its screens and the palette see it."""

    sources: Sources
    settings: Settings
    library: Library | None
    bookmarks: BookmarkStore | None
    bookmarked: frozenset[str]
    reading: ReadKeeper
    blink: bool
    messages: list[str]  # every notice shown, oldest first
    sync_on_start: bool
    early_sync: EarlySync | None  # the launch sync, started before the app (taken once)
    head_start: HeadStart | None  # the first screen's reads, started before it (taken once)

    @property
    def main(self) -> MainView:
        """The reading screen (also while a modal is above it)."""

    @property
    def library_name(self) -> str:
        """What the status line calls the library."""

    def tell(self, message: str, *, severity: SeverityLevel = "information",
             timeout: float | None = None) -> None:
        """Show a one-line notice."""

    def save_settings(self) -> None:
        """Write the settings in the background."""

    def remember_export_folder(self, folder: Path) -> None:
        """Remember the folder exported to last."""

    def ready_store(self) -> BookmarkStore | None:
        """The bookmark store, or ``None`` with a notice saying why not."""

    def toggle_bookmark(self, article_id: str, known: ArticleLike | None) -> None:
        """Bookmark an article or remove its bookmark, in a worker."""

    def refresh_bookmarks(self) -> None:
        """Read the bookmarked ids again, in a worker."""

    def reconcile_bookmarks(self, library: Library, cancelled: Callable[[], bool]) -> None:
        """In a sync worker: find the bookmarked articles again."""

    def export_bookmarks(self) -> None:
        """Export every bookmarked article (the dialog)."""

    def pick_ward(self) -> None:
        """A palette listing the wards."""

    def pick_year(self) -> None:
        """A palette listing the years."""

    def ward_list(self) -> list[WardCount]:
        """The wards, or nothing."""

    def year_list(self) -> list[tuple[int, int]]:
        """The years with their counts, or nothing."""

    def action_change_theme(self) -> None:
        """Pick a colour theme."""

    def action_help(self) -> None:
        """Open the list of keys."""
