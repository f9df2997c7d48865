"""The launch sync started before the app (``wardtui`` forks it before importing Textual),
and the tree's first queries off the UI thread (issue 15: launch to first results, launch
sync 'never blocking anything')."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from pathlib import Path
from typing import Any, ClassVar

import pytest
from appdriver import drive, make_app, settle
from textual.pilot import Pilot

from wardtui.app.early_sync import EarlySync, Finished, Progress, SyncFailed
from wardtui.app.screens.main import MainScreen
from wardtui.config import Sources
from wardtui.library import Library, LibraryStats, WardCount
from wardtui.storage import StoreError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the launch sync forks")

ROUNDS = 400  # settles: a hang guard, never a timing


def screen_of(pilot: Pilot[Any]) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


def state(screen: MainScreen) -> str:
    return str(screen.query_one("#status-sync").render())


async def until(pilot: Pilot[Any], holds: Any) -> None:
    for _ in range(ROUNDS):
        if holds():
            return
        await settle(pilot)
    assert holds(), f"the app never got there: {pilot.app.messages} {state(screen_of(pilot))!r}"


def no_sync_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """Called after the fork: any sync in this process (the app's own worker) fails."""

    def refuse(*_: Any, **__: Any) -> Any:
        raise AssertionError("the app synced in its own process, not in the launch sync's")

    monkeypatch.setattr(Library, "sync", refuse)


def launched(sources: Sources, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, EarlySync]:
    """The launch sync forked for ``sources``, then the app that follows it (and syncs
    nothing in its own process)."""
    early = EarlySync.start(sources)
    assert early is not None
    no_sync_here(monkeypatch)
    return make_app(None, sources=sources, sync=True, early_sync=early), early


def test_the_app_follows_the_sync_started_before_it(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = Sources()
    sources.add(seeds_copy)
    app, early = launched(sources, monkeypatch)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await until(pilot, lambda: state(screen) == "up to date")
        assert "Library updated: 5 files read." in app.messages
        await until(pilot, lambda: len(screen.ward_tree.root.children) == 5)  # reloaded
        assert app.early_sync is None  # taken: `r` syncs in the app as before
        assert "wardtui · corpus" in str(screen.query_one("#status-name").render())

    drive(app, scenario)
    with pytest.raises(ChildProcessError):
        os.waitpid(early.pid, os.WNOHANG)  # collected: no zombie left


def test_a_source_gone_is_a_notice_from_the_launch_sync(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    sources = Sources()
    sources.add(gone)
    gone.rmdir()
    told = len(sources.notices)
    early = EarlySync.start(sources)
    assert early is not None
    assert len(sources.notices) == told  # (the child's notices are its own until sent)
    no_sync_here(monkeypatch)
    app = make_app(None, sources=sources, sync=True, early_sync=early)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await until(pilot, lambda: state(screen) == "up to date")
        assert sum("cannot be read" in m and str(gone) in m for m in app.messages) == 1

    drive(app, scenario)


class Unreadable(Sources):
    """The list of sources cannot be read when the sync reads it."""

    def current(self) -> list[Path]:
        raise StoreError("sources.toml: Permission denied")


def test_a_launch_sync_that_fails_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = Unreadable()
    app, _ = launched(sources, monkeypatch)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await until(pilot, lambda: state(screen) == "sync failed")
        assert "Could not sync: sources.toml: Permission denied" in app.messages

    drive(app, scenario)


class Dies(Sources):
    def current(self) -> list[Path]:
        os._exit(3)  # the child dies without a word


def test_a_launch_sync_that_dies_is_a_message_not_a_hang() -> None:
    early = EarlySync.start(Dies())
    assert early is not None
    events = list(early.events(lambda: False))
    assert len(events) == 1 and isinstance(events[0], SyncFailed)
    assert events[0].message == "Could not sync the sources: the sync stopped unexpectedly."


class Stuck(Sources):
    """Blocks the child's sync until it is asked to stop (or, as a guard, for a minute)."""

    def current(self) -> list[Path]:
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        stopped.wait(60)
        raise StoreError("stopped")


def test_quitting_asks_the_launch_sync_to_stop_and_does_not_wait(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    early = EarlySync.start(Stuck())
    assert early is not None
    no_sync_here(monkeypatch)
    app = make_app(None, sources=Sources(), sync=True, early_sync=early)

    async def main() -> None:  # (no settle: the sync's worker never completes by itself)
        async with app.run_test() as pilot:
            for _ in range(ROUNDS):
                if isinstance(app.screen, MainScreen) and state(app.screen) == "syncing…":
                    break
                await pilot.pause()
            assert state(screen_of(pilot)) == "syncing…"
            await pilot.press("q")

    try:
        asyncio.run(main())
        assert app.return_code == 0
        status = early.exit_status  # collected by the app if it had ended already, else:
        if status is None:
            _, status = os.waitpid(early.pid, 0)  # it was asked to stop: it ends by itself
        assert os.WIFEXITED(status)
    finally:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(early.pid, signal.SIGKILL)


class Niceness(Sources):
    def current(self) -> list[Path]:
        raise StoreError(f"nice {os.nice(0)}")  # said back to the app as a failure


def test_the_launch_sync_gives_way_to_the_app_on_busy_cores() -> None:
    from wardtui.app.early_sync import NICE

    early = EarlySync.start(Niceness())
    assert early is not None
    (event,) = early.events(lambda: False)
    assert isinstance(event, SyncFailed)
    assert event.message == f"Could not sync: nice {min(os.nice(0) + NICE, 19)}"


def test_the_app_imports_the_export_and_the_bookmarks_list_when_first_used() -> None:
    import subprocess
    import sys

    code = ("import sys, wardtui.app.app; print(sorted(m for m in sys.modules if m in "
            "('wardtui.export', 'wardtui.app.screens.export_dialog', "
            "'wardtui.app.screens.bookmarks')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"  # (the first screen needs none of them: launch time)


def test_the_events_carry_progress_then_the_report(seeds_copy: Path) -> None:
    sources = Sources()
    sources.add(seeds_copy)
    early = EarlySync.start(sources)
    assert early is not None
    events = list(early.events(lambda: False))
    assert all(isinstance(event, Progress) for event in events[:-1])
    final = events[-1]
    assert isinstance(final, Finished) and final.report.new == 5
    assert events[-2] == (5, 5)  # the last progress is always sent


# -- the tree's first queries ------------------------------------------------------------
class Watched(Library):
    """Records which threads ran the tree's and the counts' queries."""

    on_ui: ClassVar[list[str]] = []

    def reopen(self) -> Library:
        return Watched(self.location)

    def _note(self, name: str) -> None:
        if threading.current_thread() is threading.main_thread():
            Watched.on_ui.append(name)

    def wards(self, *args: Any, **kwargs: Any) -> list[WardCount]:
        self._note("wards")
        return super().wards(*args, **kwargs)

    def years(self, *args: Any, **kwargs: Any) -> list[tuple[int, int]]:
        self._note("years")
        years: list[tuple[int, int]] = super().years(*args, **kwargs)
        return years

    def stats(self) -> LibraryStats:
        self._note("stats")
        return super().stats()


@pytest.mark.parametrize("grouping", ["ward", "date"])
def test_the_tree_and_the_counts_are_read_off_the_ui_thread(
    library: Library, grouping: str
) -> None:
    from wardtui.config import Settings

    Watched.on_ui = []
    watched = Watched(library.location)
    settings = Settings()
    settings.grouping = grouping  # type: ignore[assignment]
    app = make_app(watched, settings=settings)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        assert len(screen.ward_tree.root.children) >= 1  # filled when the worker answered
        assert "5 articles" in str(screen.query_one("#status-counts").render())
        assert Watched.on_ui == []

    try:
        drive(app, scenario)
    finally:
        watched.close()


def test_a_corrupt_cache_with_the_launch_sync_is_rebuilt_once_with_one_notice(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wardtui import paths

    cache = paths.library_path()
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not a database" * 100)
    sources = Sources()
    sources.add(seeds_copy)
    app, _ = launched(sources, monkeypatch)  # the child and the app both open the corrupt cache

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await until(pilot, lambda: state(screen) == "up to date")
        await until(pilot, lambda: len(screen.ward_tree.root.children) == 5)
        rebuilt = [m for m in app.messages if "was rebuilt" in m]
        assert len(rebuilt) == 1, app.messages

    drive(app, scenario)
