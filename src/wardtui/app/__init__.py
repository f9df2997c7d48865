"""The Textual app (``wardtui`` with no subcommand).

:func:`create_app` is the one factory, shared by the command line, the
screenshot script and the tests; :func:`run_app` runs it in the terminal.
"""

from __future__ import annotations

import os

# Textual reads TEXTUAL_FPS when it is first imported: it draws at most that many
# frames a second (60 by default) and a change waits for the next frame. At 240 an
# article opens in ~20 ms instead of ~39 ms (benchmarks/RESULTS.md); idle costs
# nothing, and the user's own setting wins.
os.environ.setdefault("TEXTUAL_FPS", "240")

from ..config import Settings, Sources
from ..library import Library
from .app import WardApp

__all__ = ["WardApp", "create_app", "run_app"]


def create_app(
    *,
    sources: Sources | None = None,
    library: Library | None = None,
    settings: Settings | None = None,
    sync: bool = True,
    blink: bool = True,
    remember: bool = True,
) -> WardApp:
    """Build the app.

    ``sources`` and ``settings`` default to the user's own; without ``library`` the
    app opens the user's cache in a worker. For tests and screenshots pass a
    pre-built ``library``, ``Settings()``, ``sync=False``, ``blink=False`` and
    ``remember=False``: the app is then the same from run to run.
    """
    return WardApp(
        sources=sources if sources is not None else Sources(),
        settings=settings if settings is not None else Settings.load(),
        library=library,
        sync=sync,
        blink=blink,
        remember=remember,
    )


def run_app(*, sources: Sources | None = None) -> int:
    """Run the app in the terminal; the exit status."""
    app = create_app(sources=sources)
    result = app.run()
    if isinstance(result, int):
        return result
    return app.return_code or 0
