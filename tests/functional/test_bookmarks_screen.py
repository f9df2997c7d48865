"""The bookmarks view, driven with Pilot in a tiny harness app."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input

from wardtui.app.screens.bookmarks import BookmarksScreen, NoteDialog
from wardtui.library import ArticleSummary
from wardtui.userdata import BookmarkStore


class Harness(App[None]):
    """Pushes one screen on mount and records what it is dismissed with."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.screen_under_test = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.screen_under_test, self.results.append)


def run(app: Harness, scenario: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(140, 40)) as pilot:
            await done(pilot)
            await scenario(pilot)

    asyncio.run(main())


async def done(pilot: Pilot[None]) -> None:
    """Wait until the screen's store calls (workers, one after the other) are over."""
    await pilot.pause()
    for _ in range(100):
        screen = pilot.app.screen
        if not getattr(screen, "busy", False) and not any(
                worker.is_running for worker in pilot.app.workers):
            return
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    raise AssertionError("the bookmarks screen is still busy")


def summary(article_id: str, title: str, date: str = "2023-06-28") -> ArticleSummary:
    return ArticleSummary(article_id, title, "Mỹ Long", "phường", date, None, None,
                          f"/c/{article_id}.txt", 1)


def make_store() -> BookmarkStore:
    store = BookmarkStore.open()
    store.add(summary("aaaa1111", "Bài thứ nhất"), note="đọc sau")
    store.add(summary("bbbb2222", "[bold]Không đậm[/bold] đâu"))
    store.add(summary("cccc3333", "Bài đã mất", date="2020"))
    return store


def rows(screen: BookmarksScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[cell.plain for cell in table.get_row_at(i)] for i in range(table.row_count)]


def test_list_newest_first_with_ward_date_note_and_missing() -> None:
    store = make_store()
    screen = BookmarksScreen(store, is_missing=lambda i: i == "cccc3333")
    app = Harness(screen)

    async def scenario(pilot: Pilot[None]) -> None:
        assert rows(screen) == [
            ["2020", "phường Mỹ Long", "missing · Bài đã mất", ""],
            ["28/06/2023", "phường Mỹ Long", "[bold]Không đậm[/bold] đâu", ""],
            ["28/06/2023", "phường Mỹ Long", "Bài thứ nhất", "đọc sau"],
        ]
        table = screen.query_one(DataTable)
        cell = table.get_row_at(1)[2]
        assert isinstance(cell, Text) and cell.spans == []  # shown literally, not as markup
        assert "[bold]Không" in app.export_screenshot()
        await pilot.press("enter")  # a missing article cannot be opened …
        await done(pilot)
        assert app.screen is screen and app.results == []
        assert any("not in the library" in n.message for n in app._notifications)
        await pilot.press("down", "enter")  # … another one can
        await done(pilot)
        assert app.results == ["bbbb2222"]
        assert app.screen is not screen

    run(app, scenario)
    assert len(store) == 3  # opening never changes the bookmarks


def test_every_binding_has_a_description() -> None:
    for screen_class in (BookmarksScreen, NoteDialog):
        for binding in screen_class.BINDINGS:
            assert binding.description, binding  # type: ignore[union-attr]


def test_escape_closes_with_none() -> None:
    app = Harness(BookmarksScreen(make_store()))

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("escape")
        await done(pilot)
        assert app.results == [None]

    run(app, scenario)


def test_note_via_m() -> None:
    store = make_store()
    screen = BookmarksScreen(store)
    app = Harness(screen)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("down", "down", "m")  # "Bài thứ nhất"
        await done(pilot)
        dialog = app.screen
        assert isinstance(dialog, NoteDialog)
        note = dialog.query_one(Input)
        assert note.value == "đọc sau"
        note.value = ""
        await pilot.press(*"[red]ghi chú[/]")
        await pilot.press("enter")
        await done(pilot)
        assert app.screen is screen
        assert store.get("aaaa1111").note == "[red]ghi chú[/]"  # type: ignore[union-attr]
        assert rows(screen)[2][3] == "[red]ghi chú[/]"
        assert screen.current_id == "aaaa1111"  # the cursor stayed on it
        # escape leaves the note alone
        await pilot.press("m")
        await done(pilot)
        await pilot.press("x", "escape")
        await done(pilot)
        assert app.screen is screen
        assert store.get("aaaa1111").note == "[red]ghi chú[/]"  # type: ignore[union-attr]

    run(app, scenario)


def test_remove_via_d_and_undo_via_u() -> None:
    store = make_store()
    before = store.bookmarks()
    screen = BookmarksScreen(store)
    app = Harness(screen)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("down", "d")  # removes "[bold]Không đậm…"
        await done(pilot)
        assert store.ids() == {"aaaa1111", "cccc3333"}
        assert [r[2] for r in rows(screen)] == ["Bài đã mất", "Bài thứ nhất"]
        assert screen.current_id == "aaaa1111"  # the cursor moved to the next one
        await pilot.press("d")  # and that one
        await done(pilot)
        assert store.ids() == {"cccc3333"}
        await pilot.press("u")
        await done(pilot)
        assert store.ids() == {"aaaa1111", "cccc3333"}
        assert screen.current_id == "aaaa1111"
        await pilot.press("u")
        await done(pilot)
        assert store.bookmarks() == before  # notes and order back as they were
        await pilot.press("u")  # nothing left to undo: harmless
        await done(pilot)
        assert store.bookmarks() == before
        await pilot.press("d", "d", "d", "d")  # emptying the list is fine too
        await done(pilot)
        assert len(store) == 0 and screen.query_one(DataTable).row_count == 0
        assert screen.query_one("#bookmarks-empty").display
        await pilot.press("enter", "m")  # nothing to open or annotate
        await done(pilot)
        assert app.screen is screen

    run(app, scenario)


def test_changes_from_elsewhere_show_on_reload() -> None:
    store = make_store()
    screen = BookmarksScreen(store)
    app = Harness(screen)

    async def scenario(pilot: Pilot[None]) -> None:
        with BookmarkStore.open() as other:  # another process, say
            other.add(summary("dddd4444", "Bài mới"))
        screen.reload()
        await done(pilot)
        assert rows(screen)[0][2] == "Bài mới"

    run(app, scenario)
