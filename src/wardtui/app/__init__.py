"""The Textual app (``wardtui`` with no subcommand).

:func:`create_app` is the one factory, shared by the command line, the
screenshot script and the tests; :func:`run_app` runs it in the terminal.
Importing this package does not import Textual: :func:`run_app` first sets
Textual's frame rate (:func:`set_frame_rate`), then imports it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..config import Settings, Sources

if TYPE_CHECKING:  # (the library is not imported before the launch sync forks)
    from ..library import Library
    from .app import WardApp
    from .context import Host
    from .early_sync import EarlySync
    from .head_start import HeadStart

__all__ = ["FRAME_RATE", "WardApp", "create_app", "run_app", "set_frame_rate", "start_sync"]

FRAME_RATE = 240


def set_frame_rate() -> None:
    """Let Textual draw up to :data:`FRAME_RATE` frames a second; call before importing it.

    Textual reads TEXTUAL_FPS when it is first imported: it draws at most that many
    frames a second (60 by default) and a change waits for the next frame. At 240 an
    article opens in ~20 ms instead of ~39 ms (benchmarks/RESULTS.md); idle costs
    nothing, and the user's own setting wins.
    """
    os.environ.setdefault("TEXTUAL_FPS", str(FRAME_RATE))


def __getattr__(name: str) -> Any:
    if name == "WardApp":  # imported on first use, so that importing wardtui.app is light
        from .app import WardApp

        return WardApp
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def create_app(
    *,
    sources: Sources | None = None,
    library: Library | None = None,
    settings: Settings | None = None,
    sync: bool = True,
    blink: bool = True,
    remember: bool = True,
    early_sync: EarlySync | None = None,
    head_start: HeadStart | None = None,
) -> WardApp:
    """Build the app.

    ``sources`` and ``settings`` default to the user's own; without ``library`` the
    app opens the user's cache in a worker. For tests and screenshots pass a
    pre-built ``library``, ``Settings()``, ``sync=False``, ``blink=False`` and
    ``remember=False``: the app is then the same from run to run. ``early_sync``: the
    launch sync, started before the app (:func:`start_sync`), which it follows;
    ``head_start``: the first screen's reads, started before the app (see
    :mod:`wardtui.app.head_start`; without it the screen reads in workers).
    """
    from .app import WardApp

    return WardApp(
        sources=sources if sources is not None else Sources(),
        settings=settings if settings is not None else Settings.load(),
        library=library,
        sync=sync,
        blink=blink,
        remember=remember,
        early_sync=early_sync,
        head_start=head_start,
    )


def start_sync(sources: Sources) -> EarlySync | None:
    """Start the launch sync in a process of its own, before Textual is imported (see
    :mod:`wardtui.app.early_sync`); ``None`` where processes cannot be forked."""
    from .early_sync import EarlySync

    return EarlySync.start(sources)


def run_app(*, sources: Sources | None = None, early_sync: EarlySync | None = None) -> int:
    """Run the app in the terminal; the exit status. ``early_sync``: see
    :func:`start_sync` (stopped if the app fails to start). The first screen's reads
    start in a thread as Textual is imported (:mod:`wardtui.app.head_start`)."""
    set_frame_rate()
    try:
        settings = Settings.load()
        from .head_start import HeadStart  # (and what it reads with, before its thread)

        head = HeadStart.begin(settings.grouping, settings.last_article)
        app = create_app(sources=sources, settings=settings, early_sync=early_sync,
                         head_start=head)
    except BaseException:
        if early_sync is not None:
            early_sync.stop()
        raise
    result = app.run()
    if isinstance(result, int):
        return result
    return app.return_code or 0


if TYPE_CHECKING:  # (never at run time)

    def _satisfies_host(app: WardApp) -> Host:
        """For mypy: the app is what :class:`~wardtui.app.context.Host` says screens may
        use (here, not in ``app.py`` or ``context.py``: neither imports the other)."""
        return app
