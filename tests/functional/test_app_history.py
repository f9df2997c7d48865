"""The history in the app (issue 12, item 13): back and forward between the articles
opened, like a browser's, with ``ctrl+o`` / ``alt+←`` / ``H`` and ``alt+→`` / ``L``,
remembered across restarts. Waiting is done on the app's workers, never on the clock.
"""

from __future__ import annotations

from typing import Any

import pytest
from appdriver import drive, main_of, make_app, press, until
from textual.pilot import Pilot

from wardtui.app.screens.main import MainScreen
from wardtui.library import Library
from wardtui.userdata import BookmarkStore

HOI_PHU, MINH_KHAI, MY_HUONG, MY_LONG, TAY_SON = (
    "bc897e88d8", "5261f9b945", "ca5059058b", "4bc50b54b5", "ede07255cc")  # tree order


@pytest.fixture(autouse=True)
def slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Previews never last long enough to count: only what is opened joins the history."""
    monkeypatch.setattr(MainScreen, "READ_AFTER", 10_000.0)


def history() -> list[str]:
    with BookmarkStore.open() as store:
        return [e.id for e in store.history.entries()]


async def open_nth(pilot: Pilot[Any], index: int) -> str:
    """Open the ``index``-th article of the tree (0: the first) with ``enter``."""
    screen = main_of(pilot)
    screen.ward_tree.focus()
    await press(pilot, "home")
    await press(pilot, *["right_square_bracket"] * (index + 1))
    await press(pilot, "enter")
    article_id = screen.reader.article_id
    assert article_id is not None
    await until(pilot, lambda: bool(history()) and history()[-1] == article_id)
    return article_id


async def shown_after(pilot: Pilot[Any], *keys: str) -> str | None:
    await press(pilot, *keys)
    reader = main_of(pilot).reader
    await until(pilot, lambda: reader.requested == reader.article_id)
    return reader.article_id


def test_back_and_forward_between_the_articles_opened(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        for index in (0, 2, 4):
            await open_nth(pilot, index)
        assert history() == [HOI_PHU, MY_HUONG, TAY_SON]
        assert await shown_after(pilot, "ctrl+o") == MY_HUONG
        assert await shown_after(pilot, "alt+left") == HOI_PHU
        assert await shown_after(pilot, "ctrl+o") == HOI_PHU  # the start: stays
        assert pilot.app.messages[-1] == "Nothing earlier in the history."  # type: ignore[attr-defined]
        assert await shown_after(pilot, "alt+right") == MY_HUONG
        assert await shown_after(pilot, "L") == TAY_SON
        assert await shown_after(pilot, "L") == TAY_SON
        assert pilot.app.messages[-1] == "Nothing later in the history."  # type: ignore[attr-defined]
        assert await shown_after(pilot, "H") == MY_HUONG
        assert main_of(pilot).focused is main_of(pilot).reader
        assert history() == [HOI_PHU, MY_HUONG, TAY_SON]  # moving adds nothing

    drive(make_app(library), scenario)


def test_opening_after_going_back_drops_the_forward_part(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        for index in (0, 1, 2):
            await open_nth(pilot, index)
        assert await shown_after(pilot, "ctrl+o", "ctrl+o") == HOI_PHU
        await open_nth(pilot, 4)  # Tây Sơn, opened from Hội Phú
        assert await shown_after(pilot, "alt+right") == TAY_SON  # nothing ahead
        assert pilot.app.messages[-1] == "Nothing later in the history."  # type: ignore[attr-defined]
        assert await shown_after(pilot, "ctrl+o") == HOI_PHU
        assert await shown_after(pilot, "alt+right") == TAY_SON  # not Minh Khai

    drive(make_app(library), scenario)


def test_the_history_is_remembered_across_restarts(library: Library) -> None:
    async def first_run(pilot: Pilot[Any]) -> None:
        await open_nth(pilot, 1)
        await open_nth(pilot, 3)

    async def second_run(pilot: Pilot[Any]) -> None:
        await until(pilot, lambda: pilot.app.reading.cursor is not None)  # type: ignore[attr-defined]
        assert await shown_after(pilot, "ctrl+o") == MY_LONG  # the last one read
        assert await shown_after(pilot, "ctrl+o") == MINH_KHAI

    drive(make_app(library), first_run)
    drive(make_app(library), second_run)
    assert history() == [MINH_KHAI, MY_LONG]


def test_an_article_read_for_a_moment_joins_the_history(library: Library,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(MainScreen, "READ_AFTER", 0.001)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "right_square_bracket")  # a preview, not opened
        await until(pilot, lambda: history() == [HOI_PHU])
        await press(pilot, "right_square_bracket")
        await until(pilot, lambda: history() == [HOI_PHU, MINH_KHAI])

    drive(make_app(library), scenario)


def test_an_entry_whose_article_is_gone_says_so(library: Library) -> None:
    with BookmarkStore.open() as store:
        from wardtui.library import ArticleSummary

        gone = ArticleSummary("0000dead", "Bài đã xoá", None, None, None, None, None,
                              "/nowhere.txt", 1)
        store.history.visit(gone, None)

    async def scenario(pilot: Pilot[Any]) -> None:
        await until(pilot, lambda: pilot.app.reading.cursor is not None)  # type: ignore[attr-defined]
        await press(pilot, "ctrl+o")
        await until(pilot, lambda: "This article is no longer in the library."
                    in pilot.app.messages)  # type: ignore[attr-defined]
        assert pilot.app.is_running

    drive(make_app(library), scenario)
