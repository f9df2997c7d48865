"""Parsing ``wardtui``'s arguments and running a command; the ``wardtui`` entry point.

``wardtui [PATH ...]`` adds the paths as sources and opens the app (or prints a summary
when there is no terminal, or with ``--summary``); ``wardtui COMMAND ...`` runs one of
:data:`COMMANDS`. Only the module of the command given is imported, and it imports the
library, the search or the exporters inside the command itself, so ``wardtui --help``
and ``wardtui show ID`` load little. Exit status: 0 on success (finding nothing is not
an error), 1 on any error (a bad option too), with one line on stderr and no traceback,
130 when interrupted. Textual is imported only to open the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any, NoReturn

from .. import __version__
from .output import UserError, err, new_run, open_library, tell

__all__ = ["COMMANDS", "Parser", "build_parser", "cmd_app", "main"]

# Each command: the module of this package that registers and runs it, and what it does.
COMMANDS: dict[str, tuple[str, str]] = {
    "index": ("library", "add files or folders as sources and sync the library"),
    "list": ("library", "the articles, newest first"),
    "show": ("library", "one article as text or JSON"),
    "sources": ("library", "the sources, or stop using one"),
    "search": ("search", "search the library"),
    "bookmarks": ("bookmarks", "your bookmarks: list, add, remove, note, export"),
    "export": ("export", "one article to a file or to standard output"),
    "places": ("places", "the provinces, districts and wards, with article counts"),
}


class Parser(argparse.ArgumentParser):
    """argparse, whose errors are one safe line on stderr and exit status 1."""

    def error(self, message: str) -> NoReturn:
        err(f"{message} (see {self.prog} -h)")
        raise SystemExit(1)


class _Unused(Parser):
    """The parser of a command that is not run: its arguments are dropped unseen (argparse
    checks each argument with a help formatter, which asks the terminal for its size)."""

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        return argparse.Action(option_strings=[], dest=argparse.SUPPRESS)


def cmd_app(args: argparse.Namespace) -> int:
    """Add ``args.paths`` as sources and open the app; print a summary without a terminal."""
    from ..config import Sources
    from ..labels import plural, ward_name
    from . import library

    library.check_paths(args.paths, commands=list(COMMANDS))
    sources = Sources()
    tell(sources.notices)
    if args.paths:  # (adding nothing would still take the lock: a read-only config fails)
        sources.add(*args.paths)
    from importlib.util import find_spec

    if find_spec("textual") is None or not sys.stdout.isatty() or args.summary:
        lib = open_library(sources)
        stats = lib.stats()
        print(f"wardtui {__version__}: {library.size_line(stats)}")
        if stats.articles == 0:
            library.say_empty(sources)
        for ward in lib.wards():
            print(f"  {library.safe(ward_name(ward.ward, ward.unit))}  "
                  f"{plural(ward.count, 'article')}")
        return 0
    from ..app import run_app, start_sync  # run_app sets Textual's frame rate, then imports it

    early = start_sync(sources)  # before Textual: the sync runs while the app starts
    return run_app(sources=sources, early_sync=early)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of ``command`` (registered by its module), or the top-level one."""
    if command is None:
        top = Parser(
            prog="wardtui",
            formatter_class=argparse.RawDescriptionHelpFormatter,
            description="A terminal library for articles from Vietnamese ward websites.",
            epilog="commands (wardtui COMMAND -h for each):\n" + "\n".join(
                f"  {name:<10} {what}" for name, (_, what) in COMMANDS.items()
            ),
        )
        top.add_argument(
            "paths", nargs="*", help="files or folders to add as sources, then open the app"
        )
        top.add_argument("--summary", action="store_true",
                         help="print the library summary, no app")
        top.add_argument("--version", action="version", version=f"wardtui {__version__}")
        top.set_defaults(func=cmd_app)
        return top
    made: dict[str, argparse.ArgumentParser] = {}

    def sub(name: str, help_text: str) -> argparse.ArgumentParser:
        if name != command:  # registered beside it by the same module: not needed
            return _Unused(prog=f"wardtui {name}")
        parser = Parser(prog=f"wardtui {name}", description=help_text)
        made[name] = parser
        return parser

    module = import_module(f".{COMMANDS[command][0]}", __package__)
    register: Callable[[Callable[[str, str], argparse.ArgumentParser]], None] = module.register
    register(sub)
    return made[command]


def _silence_stdout() -> None:
    """Send what is left for standard output nowhere, so that exiting does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # no file descriptor (captured output): nothing will be flushed at exit


def _failure(error: Exception) -> tuple[str, int] | None:
    """The one-line message and exit status for an error a user can meet, else ``None``.

    A module not imported yet cannot have raised its errors, so each type is looked
    up only in :data:`sys.modules`.
    """
    if isinstance(error, UserError):
        return str(error), 1
    storage = sys.modules.get("wardtui.storage")
    if storage is not None and isinstance(error, storage.StoreError):
        return str(error), 1  # a config or user-data file: its message says which
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(error, sqlite3.Error):
        return f"the library cache failed: {error}. Run `wardtui index` to rebuild it.", 1
    if isinstance(error, BrokenPipeError):
        _silence_stdout()
        return "", 0  # the reader stopped reading (`| head`): not an error
    if isinstance(error, OSError):
        reason = error.strerror or str(error)
        if error.filename is None:  # a write to standard output
            _silence_stdout()
            return f"cannot write the output: {reason}", 1
        return f"{error.filename}: {reason}", 1
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wardtui`` with ``argv`` (default: the process's); the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    new_run()
    command = argv[0] if argv and argv[0] in COMMANDS else None
    try:
        parser = build_parser(command)
        args = parser.parse_args(argv[1:] if command else argv)
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except Exception as error:
        failure = _failure(error)
        if failure is None:
            raise
        message, status = failure
        if message:
            err(message)
        return status
