"""The command palette (``ctrl+p``): wardtui's own commands, and pickers for wards and years.

Matching ignores accents and case: the query and the candidates are folded
(:func:`~wardtui.vntext.fold`, one character for one), so ``my long`` finds
``phường Mỹ Long`` and the matched letters are marked on the original text.
Candidates are shown as ``Content`` built from plain text, never markup. The
providers see the app and the reading screen through the protocols of
:mod:`wardtui.app.context`, so this module imports neither.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.style import Style

from ..config import GROUPINGS
from ..labels import plural, ward_name
from ..library import UNDATED
from ..vntext import fold
from .context import Host

Callback = Callable[[], object]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Command:
    """One palette entry."""

    title: str
    help: str
    run: Callback


def folded_match(query: str, candidate: str, style: Style) -> tuple[float, Content]:
    """Score ``candidate`` against ``query`` (accents ignored) and mark the matched letters."""
    score, offsets = FuzzySearch().match(fold(query), fold(candidate))
    content = Content(candidate)
    if score:
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(style, offset, offset + 1)
    return score, content


class _Commands(Provider):
    """A provider over a fixed list of :class:`Command` (built in :meth:`commands`)."""

    discover_all = True

    @property
    def wardapp(self) -> Host:
        """The app."""
        return cast(Host, self.app)

    def commands(self) -> list[Command]:
        """The entries; override."""
        return []

    async def discover(self) -> Hits:
        """Every entry, in order, before anything is typed."""
        if not self.discover_all:
            return
        for command in self.commands():
            yield DiscoveryHit(Content(command.title), command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        """The entries matching ``query``, accents ignored."""
        style = self.match_style or Style(reverse=True)
        for command in self.commands():
            score, shown = folded_match(query, command.title, style)
            if score > 0:
                yield Hit(score, shown, command.run, text=command.title, help=command.help)


class WardCommands(_Commands):
    """wardtui's commands, and every ward as ``Go to phường …`` when something is typed."""

    def commands(self) -> list[Command]:
        """Grouping, pickers, sync, search, keys, bookmarks, export, copy."""
        app = self.wardapp
        main = app.main
        items = [
            Command("Go to ward…", "Pick a ward and open it in the tree", app.pick_ward),
            Command("Go to year…", "Pick a year and open it in the tree", app.pick_year),
            *(Command(f"Group by {grouping}", "Switch the tree's grouping (key t: the next)",
                      _bind(main.set_grouping, grouping))
              for grouping in GROUPINGS if grouping != app.settings.grouping),
            Command("Change theme…", "Pick a colour theme (remembered)", app.action_change_theme),
            Command("Sync the sources", "Read new and changed files again (key r)",
                    main.sync_now),
            Command("Search", "Go to the search bar (key /)", main.action_focus_search),
            Command("Show keys", "Every key of every pane (key ?)", app.action_help),
        ]
        items.append(Command("Bookmarks", "The list of bookmarks (key B)", main.action_bookmarks))
        current = main.current_article_id()
        if current is not None:
            bookmark = ("Remove the bookmark" if current in app.bookmarked
                        else "Bookmark the article")
            items += [
                Command(bookmark, "The article under the cursor or in the reader (key b)",
                        _bind(main.toggle_bookmark, current)),
                Command("Export article", "Write it to a txt, md or json file (key e)",
                        main.action_export_article),
                Command("Copy the article", "Its text, to the clipboard (key c)",
                        main.action_copy_article),
            ]
        items.append(Command("Export bookmarks…", "Every bookmarked article, one file each",
                             app.export_bookmarks))
        return items

    async def search(self, query: str) -> Hits:
        """The commands, then the wards, matching ``query``."""
        async for hit in super().search(query):
            yield hit
        style = self.match_style or Style(reverse=True)
        app = self.wardapp
        for ward in app.ward_list():
            name = ward_name(ward.ward, ward.unit)
            score, shown = folded_match(query, f"Go to {name}", style)
            if score > 0:
                yield Hit(score * 0.9, shown, _bind(app.main.go_to_ward, ward),
                          text=f"Go to {name}", help=plural(ward.count, "article"))


class WardPicker(_Commands):
    """Every ward, in Vietnamese order."""

    def commands(self) -> list[Command]:
        """One entry per ward."""
        app = self.wardapp
        return [
            Command(ward_name(w.ward, w.unit), plural(w.count, "article"),
                    _bind(app.main.go_to_ward, w))
            for w in app.ward_list()
        ]


class YearPicker(_Commands):
    """Every year, newest first."""

    def commands(self) -> list[Command]:
        """One entry per year."""
        app = self.wardapp
        return [
            Command("Undated" if year == UNDATED else str(year), plural(count, "article"),
                    _bind(app.main.go_to_year, year))
            for year, count in app.year_list()
        ]


def _bind(function: Callable[[T], object], value: T) -> Callback:
    return lambda: function(value)


def picker(provider: type[Provider], placeholder: str) -> CommandPalette:
    """A palette showing only ``provider``'s entries."""
    return CommandPalette(providers=[provider], placeholder=placeholder)
