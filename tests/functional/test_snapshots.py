"""Snapshots of the main view, the date grouping and the help screen at 120x36, and of the
main view, the search results and the export dialog at 80x24.

The app is the deterministic test app (pre-built cache, fixed theme, no sync, no
blink). Update with ``pytest tests/functional/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from appdriver import SIZE, make_app, settle
from textual.pilot import Pilot

from wardtui.library import Library

SnapCompare = Callable[..., bool]


async def open_my_long(pilot: Pilot[Any]) -> None:
    """Open phường Mỹ Long's article with the keyboard; the cursor stays in the tree."""
    await settle(pilot)
    await pilot.press("j", "j", "j", "l", "l", "l", "j")
    await settle(pilot)


def test_main_view(snap_compare: SnapCompare, library: Library) -> None:
    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=open_my_long)


def test_date_grouping(snap_compare: SnapCompare, library: Library) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_my_long(pilot)
        await pilot.press("t", "t")  # ward -> place -> date
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare: SnapCompare, library: Library) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await open_my_long(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=SIZE, run_before=run_before)


NARROW = (80, 24)


def test_main_view_80x24(snap_compare: SnapCompare, library: Library) -> None:
    assert snap_compare(make_app(library), terminal_size=NARROW, run_before=open_my_long)


def test_search_results_80x24(snap_compare: SnapCompare, library: Library,
                              monkeypatch: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("slash", *("space" if c == " " else c for c in "hoi nghi year:abc"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=NARROW, run_before=run_before)


def test_export_dialog_80x24(snap_compare: SnapCompare, library: Library,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    # The dialog offers the working directory: a fixed one, so the shot is the same in
    # every checkout (CI clones the repository elsewhere).
    monkeypatch.chdir("/")

    async def run_before(pilot: Pilot[Any]) -> None:
        await open_my_long(pilot)
        await pilot.press("e")
        await settle(pilot)

    assert snap_compare(make_app(library), terminal_size=NARROW, run_before=run_before)
