"""The app and the command line at once on one set of folders end with what the user did.

One test drives the app (Pilot, in this process) and ``wardtui`` commands (real
subprocesses, in worker threads so the app keeps running meanwhile) on the same
cache, sources and bookmarks: index a folder in each, remove a source, add and remove
bookmarks with notes in both. At the end the sources, the articles, the bookmarks
and their notes are exactly what the user asked for, seen from both sides
(issue 11, "done when").
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from wardtui.app import create_app
from wardtui.app.bookmark_keeper import ConfirmRemove
from wardtui.app.screens.bookmarks import BookmarksScreen
from wardtui.config import Settings, Sources
from wardtui.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GUARD = 600  # pauses of 0.05 s: a hang guard only


def cli(*args: str) -> str:
    """Run ``wardtui ARGS`` as another process; its output (it must succeed)."""
    done = subprocess.run([sys.executable, "-m", "wardtui.cli", *args], env=dict(os.environ),
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, (args, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    return done.stdout


async def acli(*args: str) -> str:
    """:func:`cli` in a thread: the app runs on meanwhile."""
    return await asyncio.to_thread(cli, *args)


def articles(folder: Path | None = None) -> dict[str, str]:
    """id → source of the articles the command line lists (under ``folder``)."""
    rows = [json.loads(line) for line in cli("list", "--json").splitlines() if line.strip()]
    return {row["id"]: row["source"] for row in rows
            if folder is None or row["source"].startswith(str(folder))}


def bookmarks() -> dict[str, str]:
    """id → note of the bookmarks, as the command line lists them."""
    rows = [json.loads(line) for line in cli("bookmarks", "--json").splitlines()
            if line.strip()]
    return {row["id"]: row["note"] for row in rows}


async def until(pilot: Pilot[Any], holds: Any) -> None:
    for _ in range(GUARD):
        if holds():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def synced(pilot: Pilot[Any]) -> None:
    """Sync in the app and wait for its end."""
    app: Any = pilot.app
    before = len(app.messages)
    app.main.sync_now()
    await until(pilot, lambda: not app.main._syncing)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    assert not any("Could not sync" in m for m in app.messages[before:])


def test_the_app_and_the_cli_together_keep_what_the_user_did(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(SEEDS, first)
    second.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:  # the same articles, edited a little
        (second / f"b-{path.name}").write_text(
            path.read_text(encoding="utf-8") + "\nBài đăng lại ở nguồn thứ hai.\n",
            encoding="utf-8")
    cli("index", str(first))
    in_first = articles(first)
    a1, a2 = sorted(in_first)[:2]
    app = create_app(sources=Sources(), settings=Settings(), sync=True, blink=False,
                     remember=False)

    async def scenario(pilot: Pilot[Any]) -> None:
        await until(pilot, lambda: app.library is not None and app.bookmarks is not None)
        await pilot.app.workers.wait_for_complete()
        # another shell: index a second folder while the app runs; the app's sync keeps it
        await acli("index", str(second))
        await synced(pilot)
        assert app.library is not None
        in_second = {s.id for s in app.library.summaries() if s.source.startswith(str(second))}
        assert len(in_second) == 2
        b1 = sorted(in_second)[0]
        # bookmarks: one with a note from the command line, one from the app
        await acli("bookmarks", "add", a1, "--note", "from the cli")
        await acli("bookmarks", "add", b1)
        app.main.toggle_bookmark(a2)
        await until(pilot, lambda: any(m.startswith("Bookmarked: ") for m in app.messages))
        app.main.action_bookmarks()  # its note, written in the list of bookmarks
        await until(pilot, lambda: isinstance(app.screen, BookmarksScreen))
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        await until(pilot, lambda: bool(screen.query("#bookmarks-table")) and not screen.busy
                    and screen.current_id is not None)
        await pilot.pause()
        while screen.current_id != a2:
            await pilot.press("down")
        await pilot.press("m")
        await until(pilot, lambda: app.screen is not screen)
        await pilot.press(*"from-the-app", "enter")
        await until(pilot, lambda: app.screen is screen and not screen.busy)
        await pilot.press("escape")
        # b in the app on the bookmark the command line wrote a note on: asked first
        app.main.toggle_bookmark(a1)
        await until(pilot, lambda: isinstance(app.screen, ConfirmRemove))
        await pilot.press("y")
        await until(pilot, lambda: any("with its note" in m for m in app.messages))
        # another shell: stop using the second folder, drop its bookmark; the app syncs
        await acli("sources", "--remove", str(second))
        await acli("bookmarks", "remove", b1)
        await synced(pilot)
        await until(pilot, lambda: app.bookmarked == frozenset({a2}))
        assert {s.id for s in app.library.summaries()} == set(in_first)

    async def main() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await scenario(pilot)

    asyncio.run(main())
    # what the user did, seen by a new process
    assert [Path(p) for p in Sources().added] == [first]
    assert bookmarks() == {a2: "from-the-app"}
    assert set(articles()) == set(in_first)
    with Library.open() as library:
        assert {s.id for s in library.summaries()} == set(in_first)
