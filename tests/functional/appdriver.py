"""Helpers for driving the app headless (imported by the functional tests).

Every app here is built by :func:`wardtui.app.create_app` from a cache pre-built
from the sample corpus in a temporary folder, with a fixed theme, no sync at
start, no cursor blink and no settings written: the same from run to run.

No async test plugin is needed: :func:`drive` runs a scenario with ``asyncio.run``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.command import CommandInput, CommandList, CommandPalette
from textual.pilot import Pilot

from wardtui.app import WardApp, create_app
from wardtui.app.screens.main import MainScreen
from wardtui.config import Settings, Sources
from wardtui.library import Library

SIZE = (120, 36)
Scenario = Callable[[Pilot[Any]], Awaitable[None]]

HOSTILE = (
    "Phường Mỹ An [bold]chú ý[/bold] [@click=app.quit]bấm[/]\n"
    "\n"
    "Ngày đăng: 05/03/2022\n"
    "\n"
    "Sáng 04/03/2022, phường Mỹ An tổ chức hội nghị. Dòng này có \x1b[2J và [red]x[/red] "
    "giữa câu, cùng nhiều chữ khác để thành một đoạn văn.\n"
    "\n"
    "Đoạn hai: UBND phường Mỹ An triển khai nhiệm vụ năm 2022 với [link=http://x]liên kết[/link] "
    "và [b]đậm[/b] \x1b]0;pwned\x07 nữa.\n"
    "\n"
    "Thanh Tâm\n"
)


def build_library(folder: Path, cache: Path) -> Library:
    """A cache at ``cache`` synced from ``folder`` (one process, deterministic)."""
    library = Library.open(cache)
    library.sync([folder], workers=1)
    return library


def make_app(library: Library | None = None, **options: Any) -> WardApp:
    """The deterministic test app (options override the defaults)."""
    values: dict[str, Any] = {
        "sources": Sources(),
        "library": library,
        "settings": Settings(),
        "sync": False,
        "blink": False,
        "remember": False,
    }
    values.update(options)
    return create_app(**values)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until the workers are done and their results are on screen."""
    await pilot.pause()
    for _ in range(50):  # a hang guard; a worker's answer may start another worker
        if all(worker.is_finished for worker in pilot.app.workers):  # (pending ones too)
            break
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def drive(app: WardApp, scenario: Scenario, size: tuple[int, int] = SIZE) -> None:
    """Run ``scenario`` against ``app`` headless, after the start-up work has settled."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())


def main_of(pilot: Pilot[Any]) -> MainScreen:
    """The main screen, which must be the one showing."""
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


async def until(pilot: Pilot[Any], holds: Callable[[], bool], rounds: int = 200) -> None:
    """Settle (workers done, their messages handled) until ``holds()``: a worker's answer
    may start another worker, more rounds than one settle on a loaded machine; ``rounds``
    is a hang guard, not a timing."""
    for _ in range(rounds):
        if holds():
            return
        await pilot.pause()
        await settle(pilot)
    assert holds(), "the app never got there"


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Press keys, then settle."""
    await pilot.press(*keys)
    await settle(pilot)


async def palette_query(pilot: Pilot[Any], text: str) -> list[str]:
    """Type ``text`` into the open command palette at once; the prompts it then lists
    (once the palette's search workers have ended and the list shows their answer)."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette)
    palette.query_one(CommandInput).value = text
    commands = palette.query_one(CommandList)
    for _ in range(100):
        await pilot.pause()
        gathering = [w for w in pilot.app.workers if w.node is palette and not w.is_finished]
        if gathering:
            await pilot.app.workers.wait_for_complete(gathering)
            continue
        if commands.option_count and commands.highlighted is not None:
            break
    await pilot.pause()
    options = (commands.get_option_at_index(i) for i in range(commands.option_count))
    return [str(option.prompt).split("\n")[0] for option in options]
