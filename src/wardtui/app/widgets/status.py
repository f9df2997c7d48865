"""The status line: the library's name and counts, and the progress of a sync."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar

from ...labels import plural
from ...library import LibraryStats


class StatusBar(Horizontal):
    """One line at the top: ``wardtui · sample corpus   5 articles · 5 wards · 1 source``."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        padding: 0 1;
        & > #status-name { width: auto; text-style: bold; color: $text-accent; }
        & > #status-counts { width: 1fr; color: $text-muted; padding-left: 2; }
        & > #status-sync { width: auto; color: $text-muted; }
        & > #status-progress { width: 24; margin-left: 1; display: none; }
        & > #status-progress.-running { display: block; }
    }
    """

    def compose(self) -> ComposeResult:
        """The name, the counts, the sync state and its progress bar."""
        yield Label(Text("wardtui"), id="status-name")
        yield Label(Text(""), id="status-counts")
        yield Label(Text(""), id="status-sync")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False,
                          id="status-progress")

    def show_library(self, name: str, stats: LibraryStats, sources: int) -> None:
        """Name the library and give its counts."""
        self.query_one("#status-name", Label).update(Text(f"wardtui · {name}"))
        counts = " · ".join(
            [plural(stats.articles, "article"), plural(stats.wards, "ward"),
             plural(sources, "source")]
        )
        self.query_one("#status-counts", Label).update(Text(counts))

    def show_state(self, text: str) -> None:
        """A short word on the right (``opening…``, ``up to date``…); no progress bar."""
        self.query_one("#status-sync", Label).update(Text(text))
        self.query_one(ProgressBar).remove_class("-running")

    def show_progress(self, done: int, total: int) -> None:
        """``syncing 120/500 files`` and the bar."""
        self.query_one("#status-sync", Label).update(Text(f"syncing {done:,}/{total:,} files"))
        bar = self.query_one(ProgressBar)
        bar.add_class("-running")
        bar.update(total=max(total, 1), progress=done)
