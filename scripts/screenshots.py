"""Write the README screenshots: drive the real app headless on the sample corpus.

    python scripts/screenshots.py [OUTPUT_FOLDER]

Writes ``main.svg`` (an article open), ``by-place.svg`` (the place grouping: province,
district, ward, year; the wards whose place is unknown apart), ``by-date.svg`` (the
date-first grouping), ``search.svg`` (a query typed, its results in the tree's place)
and ``help.svg`` (the help screen), 120x36, ``unread.svg`` (read and unread articles, the
groups' unread counts) and ``narrow.svg`` (an article open at 80x24), to ``screenshots/``
by default. The app
is built by :func:`wardtui.app.create_app`, like the command line's, over a
cache built in a temporary folder; the WARDTUI_* folders point there too, so the
user's own library and settings are never touched.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

SIZE = (120, 36)
REPO = Path(__file__).resolve().parents[1]


async def _settle(pilot: Any) -> None:
    await pilot.pause()
    for _ in range(5):
        if not any(worker.is_running for worker in pilot.app.workers):
            break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _open_article(pilot: Any) -> None:
    """phường Mỹ Long, its year, its article; then into the reader."""
    await pilot.press("j", "j", "j", "l", "l", "l", "j")
    await _settle(pilot)
    await pilot.press("enter")
    await _settle(pilot)


async def _by_place(pilot: Any) -> None:
    """``t`` once: An Giang opened down to its article, then *Place unknown* opened."""
    await pilot.press("t")
    await _settle(pilot)
    for _ in range(4):
        await pilot.press("l", "j")
        await _settle(pilot)
    await pilot.press("G", "l")
    await _settle(pilot)


async def _by_date(pilot: Any) -> None:
    await pilot.press("j", "j", "j", "l", "l", "l", "j", "t", "t")
    await _settle(pilot)


async def _search(pilot: Any) -> None:
    """``/``, a query, then into the results (the first one shown in the reader)."""
    await pilot.press("slash", *("space" if c == " " else c for c in "dan van kheo"))
    await _settle(pilot)
    await pilot.press("enter", "enter")
    await _settle(pilot)


async def _help(pilot: Any) -> None:
    await _open_article(pilot)
    await pilot.press("question_mark")
    await _settle(pilot)


async def _unread(pilot: Any) -> None:
    """Two articles marked read with ``m``: their titles plain, the rest bold, the counts."""
    await pilot.press("l", "l", "l", "j")
    await _settle(pilot)
    await pilot.press("m", "j", "j", "l", "l", "j", "m")
    await _settle(pilot)


SHOTS: dict[str, Callable[[Any], Awaitable[None]]] = {
    "main.svg": _open_article,
    "by-place.svg": _by_place,
    "by-date.svg": _by_date,
    "search.svg": _search,
    "help.svg": _help,
    "unread.svg": _unread,
    "narrow.svg": _open_article,
}
SIZES = {"narrow.svg": (80, 24)}  # the others: SIZE


async def _shoot(library: Any, name: str, steps: Callable[[Any], Awaitable[None]],
                 out: Path) -> None:
    from wardtui.app import create_app
    from wardtui.app.widgets.search_pane import SearchPane
    from wardtui.config import Settings, Sources

    SearchPane.DELAY = 0  # search on each key (no timer to wait for)
    from wardtui.app.screens.main import MainScreen

    MainScreen.READ_AFTER = 1e9  # read only when marked (the same shots on any machine)

    app = create_app(sources=Sources(), library=library, settings=Settings(), sync=False,
                     blink=False, remember=False)
    async with app.run_test(size=SIZES.get(name, SIZE)) as pilot:
        await _settle(pilot)
        await steps(pilot)
        app.save_screenshot(name, path=str(out))


def main(argv: list[str]) -> int:
    """Write the screenshots; the exit status."""
    out = Path(argv[0]) if argv else REPO / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="wardtui-shots-") as tmp:
        for kind in ("CACHE", "DATA", "CONFIG"):
            os.environ[f"WARDTUI_{kind}_DIR"] = str(Path(tmp) / kind.lower())
        from wardtui import paths
        from wardtui.library import Library

        with Library.open(Path(tmp) / "library.sqlite3") as library:
            library.sync([paths.sample_corpus()], workers=1)
            for name, steps in SHOTS.items():
                asyncio.run(_shoot(library, name, steps, out))
                print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
