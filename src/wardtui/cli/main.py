"""Parsing ``wardtui``'s arguments and running a command; the ``wardtui`` entry point.

``wardtui [PATH ...]`` adds the paths as sources and opens the app (or prints a summary
when there is no terminal, or with ``--summary``); ``wardtui COMMAND ...`` runs one of
:data:`COMMANDS`, whose parsers the command modules register. Every command exits 0 on
success and 1 on a user error, with a one-line message on stderr; no traceback. Textual
is imported only to open the app.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..config import Sources
from ..corpus.clean import safe_line
from . import bookmarks, export, library, search
from .output import UserError, err, open_library

__all__ = ["COMMANDS", "build_parsers", "cmd_app", "main"]

COMMANDS = ("index", "list", "show", "sources", "search", "bookmarks", "export")

Sub = Callable[[str, str], argparse.ArgumentParser]
_GROUPS: tuple[Callable[[Sub], None], ...] = (
    library.register, export.register, bookmarks.register, search.register,
)


def cmd_app(args: argparse.Namespace) -> int:
    """Add ``args.paths`` as sources and open the app; print a summary without a terminal."""
    sources = Sources()
    library.check_paths(args.paths)
    sources.add(*args.paths)
    from importlib.util import find_spec

    if find_spec("textual") is None or not sys.stdout.isatty() or args.summary:
        lib = open_library(sources)
        stats = lib.stats()
        print(f"wardtui {__version__}: {stats.articles} articles in {stats.wards} wards "
              f"from {stats.files} files.")
        for ward in lib.wards():
            print(f"  {safe_line(ward.label)}  {ward.count}")
        return 0
    from ..app import run_app  # sets Textual's frame rate, then imports it

    return run_app(sources=sources)


def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    """The top-level parser (the app) and one parser per subcommand."""
    top = argparse.ArgumentParser(
        prog="wardtui",
        description="A terminal library for articles from Vietnamese ward websites. "
        f"Subcommands: {', '.join(COMMANDS)} (wardtui COMMAND -h for each).",
    )
    top.add_argument(
        "paths", nargs="*", help="files or folders to add as sources, then open the app"
    )
    top.add_argument("--summary", action="store_true", help="print the library summary, no app")
    top.add_argument("--version", action="version", version=f"wardtui {__version__}")
    subs: dict[str, argparse.ArgumentParser] = {}

    def sub(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(prog=f"wardtui {name}", description=help_text)
        subs[name] = parser
        return parser

    for register in _GROUPS:
        register(sub)
    return top, subs


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``wardtui`` with ``argv`` (default: the process's); the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    top, subs = build_parsers()
    try:
        if argv and argv[0] in subs:
            args = subs[argv[0]].parse_args(argv[1:])
            return int(args.func(args))
        args = top.parse_args(argv)
        return cmd_app(args)
    except UserError as error:
        err(str(error))
        return 1
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except sqlite3.Error as error:
        err(f"the library cache failed: {error}. Run `wardtui index` to rebuild it.")
        return 1
