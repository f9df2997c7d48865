"""Keys typed in a burst right after launch: after ``/`` they reach the search bar.

A terminal hands the app a fast typist's keys all at once, and a busy app finds them
queued together. The keys are posted here the way the terminal driver posts them,
before any worker has finished and before the app has handled the first one: the
query must end up in the search bar, not in the tree (where ``t`` changes the grouping).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from appdriver import make_app, settle
from textual import events

from wardtui.app import WardApp
from wardtui.app.widgets.search_bar import SearchBar
from wardtui.config import Settings, Sources
from wardtui.library import Library

NAMES = {"/": "slash", " ": "space"}


def burst(app: WardApp, text: str) -> None:
    """Queue ``text``'s keys on the app in one go, as the terminal driver does."""
    for character in text:
        app.post_message(events.Key(NAMES.get(character, character), character))


def typed_at_launch(app: WardApp, text: str) -> tuple[str, str, bool]:
    """(the bar's text, the grouping, the bar has the focus) after ``text`` was typed
    the moment the app came up."""

    async def main() -> tuple[str, str, bool]:
        async with app.run_test(size=(100, 30)) as pilot:
            burst(app, text)
            await settle(pilot)
            bar = app.screen.query_one(SearchBar)
            return bar.value, app.settings.grouping, bar.has_focus

    return asyncio.run(main())


def test_keys_after_slash_at_launch_reach_the_bar_while_the_app_opens_and_syncs(
    seeds_copy: Path,
) -> None:
    sources = Sources()
    sources.add(seeds_copy)
    settings = Settings()
    app = make_app(None, sources=sources, sync=True, settings=settings)
    assert typed_at_launch(app, "/tay sonn") == ("tay sonn", "ward", True)


def test_keys_after_slash_reach_the_bar_when_queued_together(library: Library) -> None:
    app = make_app(library)
    assert typed_at_launch(app, "/tay sonn") == ("tay sonn", "ward", True)


def test_a_slash_typed_in_the_bar_is_part_of_the_query(library: Library) -> None:
    app = make_app(library)
    assert typed_at_launch(app, "/a/b") == ("a/b", "ward", True)
