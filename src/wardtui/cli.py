"""The command line: ``wardtui [PATH ...]`` opens the app; subcommands script the library.

Subcommands that need no screen never import Textual. Every one exits 0 on
success and 1 on a user error, with a one-line message on stderr; no traceback.
Text from articles is printed without control characters.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .bookmarks_cli import register as register_bookmarks
from .config import Sources
from .corpus.clean import safe_line
from .library import AmbiguousId, Library, SyncReport, UnknownId
from .search_cli import register as register_search

COMMANDS = ("index", "list", "show", "sources", "search", "bookmarks", "export")


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def _err(message: str) -> None:
    print(f"wardtui: {safe_line(message)}", file=sys.stderr)


def open_library(sources: Sources | None = None, *, sync_if_empty: bool = True) -> Library:
    """Open the cache, print its notices, and fill it on first use."""
    library = Library.open()
    for notice in library.notices:
        _err(notice)
    if sources is not None:
        for notice in sources.notices:
            _err(notice)
    if sync_if_empty and library.stats().files == 0:
        library.sync((sources or Sources()).effective)
    return library


# -- index --------------------------------------------------------------------
def _progress_printer(stream: TextIO) -> Callable[[int, int], None] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < 200:
            return
        width = 30
        filled = int(width * done / total) if total else width
        stream.write(f"\rIndexing [{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show


def print_report(report: SyncReport, library: Library, out: TextIO) -> None:
    print(
        f"Synced in {report.seconds:.2f} s: {report.seen} files seen — {report.new} new, "
        f"{report.changed} changed, {report.unchanged} unchanged, {report.removed} removed, "
        f"{len(report.skipped)} skipped.",
        file=out,
    )
    if report.skipped:
        print("Skipped:", file=out)
        for path, reason in report.skipped:
            print(f"  {safe_line(path)}: {reason}", file=out)
    if report.decoded:
        print("Decoded from other encodings:", file=out)
        for path, encoding in report.decoded:
            print(f"  {safe_line(path)}: {encoding}", file=out)
    for problem in report.problems:
        print(f"Note: {safe_line(problem)}", file=out)
    if report.cancelled:
        print("Interrupted: the next run completes the sync.", file=out)
    stats = library.stats()
    print(f"Library: {stats.articles} articles in {stats.wards} wards from {stats.files} files.",
          file=out)


def cmd_index(args: argparse.Namespace) -> int:
    sources = Sources()
    for raw in args.paths:
        if not Path(raw).expanduser().exists():
            raise UserError(f"no such file or folder: {raw}")
    added = sources.add(*args.paths)
    for path in added:
        print(f"Added source {safe_line(str(path))}")
    library = open_library(sources, sync_if_empty=False)
    report = library.sync(sources.effective, progress=_progress_printer(sys.stderr),
                          workers=args.workers)
    print_report(report, library, sys.stdout)
    return 0


# -- list / show ----------------------------------------------------------------
def _table(rows: list[list[str]], headers: list[str], out: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = None if out.isatty() else 200
    console = Console(file=out, highlight=False, markup=False, emoji=False, width=width)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    cells = [[Text(safe_line(cell)) for cell in row] for row in rows]
    widths = []
    for i, header in enumerate(headers):
        widest = max([len(header), *(row[i].cell_len for row in cells)])
        # Ids and dates are never cut: they are what a script or a user types next.
        widths.append(widest if header in ("id", "date", "title") else min(widest, 24))
    if "title" in headers:
        t = headers.index("title")
        room = console.width - sum(w for i, w in enumerate(widths) if i != t) - 2 * len(headers)
        widths[t] = max(20, min(widths[t], room))
    for header, column_width in zip(headers, widths, strict=True):
        table.add_column(header, overflow="ellipsis", no_wrap=True, width=column_width)
    for row in cells:
        table.add_row(*row)
    console.print(table)


def _json_line(data: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def cmd_list(args: argparse.Namespace) -> int:
    library = open_library()
    items = list(library.all_summaries())
    if args.ward:
        from .vntext import fold

        items = [a for a in items if a.ward and fold(a.ward) == fold(args.ward)]
    if args.year:
        items = [a for a in items if a.year == args.year]
    items.sort(key=lambda a: (a.date is None, [-ord(c) for c in (a.date or "")]))
    if args.limit:
        items = items[: args.limit]
    if args.json:
        for item in items:
            _json_line(item.to_json(), sys.stdout)
        return 0
    _table(
        [[a.id, a.date or "—", a.ward_label or "—", a.title, a.author or ""] for a in items],
        ["id", "date", "ward", "title", "author"], sys.stdout,
    )
    return 0


def _resolve(library: Library, raw: str) -> str:
    try:
        return library.resolve(raw)
    except UnknownId:
        raise UserError(f"no article with id {raw!r} (see `wardtui list`)") from None
    except AmbiguousId:
        raise UserError(f"id prefix {raw!r} matches several articles; type more of it") from None


def cmd_show(args: argparse.Namespace) -> int:
    from .export import to_json_data, to_txt

    library = open_library()
    article = library.get(_resolve(library, args.id))
    assert article is not None
    if args.json:
        _json_line(to_json_data(article), sys.stdout)
    else:
        sys.stdout.write(to_txt(article))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    sources = Sources()
    for notice in sources.notices:
        _err(notice)
    if args.remove:
        if not sources.remove(args.remove):
            raise UserError(f"{args.remove} is not a source (see `wardtui sources`)")
        print(f"Removed source {safe_line(args.remove)}; "
              "run `wardtui index` to update the library.")
        return 0
    if sources.using_sample:
        print(f"No sources added; using the sample corpus: {sources.effective[0]}")
        print("Add a folder with `wardtui index PATH`.")
        return 0
    for path in sources.added:
        state = "" if path.exists() else "  (missing)"
        print(f"{safe_line(str(path))}{state}")
    return 0


# -- export -------------------------------------------------------------------
def cmd_export(args: argparse.Namespace) -> int:
    """Write one article to a file (or ``-o -``: standard output); never overwrite without --force.

    Without ``-o`` the file gets its proposed name in the working directory; an
    ``-o`` that is a folder gets it there. Without ``--format``, an ``-o`` ending
    in ``.md`` or ``.json`` chooses that format; else ``txt``.
    """
    from .export import FORMATS, ExportError, ExportExists, proposed_name, render, write_export

    library = open_library()
    article = library.get(_resolve(library, args.id))
    assert article is not None
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = next((f for f in FORMATS if f == suffix), "txt")
    if args.output == "-":
        text = render(article, fmt)
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:  # UTF-8 whatever the terminal's encoding
            sys.stdout.flush()
            buffer.write(text.encode("utf-8"))
            buffer.flush()
        return 0
    if args.output:
        target = Path(args.output).expanduser()
        if target.is_dir():
            target = target / proposed_name(article, fmt)
        elif args.output.endswith(("/", os.sep)):
            raise UserError(f"the folder {args.output} does not exist")
    else:
        target = Path.cwd() / proposed_name(article, fmt)
    try:
        written = write_export(article, target, fmt, force=args.force)
    except ExportExists as error:
        raise UserError(f"{error.path} already exists; use --force to overwrite it") from None
    except ExportError as error:
        raise UserError(str(error)) from None
    print(f"Exported to {safe_line(str(written.absolute()))}")
    return 0


# -- the app ------------------------------------------------------------------
def cmd_app(args: argparse.Namespace) -> int:
    sources = Sources()
    for raw in args.paths:
        if not Path(raw).expanduser().exists():
            raise UserError(f"no such file or folder: {raw}")
    sources.add(*args.paths)
    try:
        from .app import run_app
    except ImportError:
        run_app = None  # type: ignore[assignment]
    if run_app is None or not sys.stdout.isatty() or args.summary:
        library = open_library(sources)
        stats = library.stats()
        print(f"wardtui {__version__}: {stats.articles} articles in {stats.wards} wards "
              f"from {stats.files} files.")
        for ward in library.wards():
            print(f"  {safe_line(ward.label)}  {ward.count}")
        return 0
    return run_app(sources=sources)


# -- parsing ------------------------------------------------------------------
def build_parsers() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
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

    p = sub("index", "Add files or folders as sources and sync the library.")
    p.add_argument("paths", nargs="*", help="files or folders (none: sync the existing sources)")
    p.add_argument("--workers", type=int, default=None, help="parser processes (default: cores)")
    p.set_defaults(func=cmd_index)

    p = sub("list", "List the articles in the library, newest first.")
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    p.add_argument("--ward", help="only this ward (accents optional)")
    p.add_argument("--year", type=int, help="only this year")
    p.add_argument("--limit", type=int, default=0, help="at most N articles")
    p.set_defaults(func=cmd_list)

    p = sub("show", "Print one article.")
    p.add_argument("id", help="the article id (or a unique prefix of it)")
    p.add_argument("--json", action="store_true", help="JSON with the paragraphs")
    p.set_defaults(func=cmd_show)

    p = sub("sources", "List the sources, or remove one.")
    p.add_argument("--remove", metavar="PATH", help="stop using this source")
    p.set_defaults(func=cmd_sources)

    p = sub("export", "Write an article to a file (txt, md or json).")
    p.add_argument("id", help="the article id (or a unique prefix of it)")
    p.add_argument("-o", "--output", help="file or folder; '-' for standard output")
    p.add_argument("--format", choices=("txt", "md", "json"), default=None,
                   help="txt (default), md or json; else from the -o extension")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_export)

    for extra in _EXTRA_COMMANDS:
        extra(sub)
    return top, subs


# Later layers (search, bookmarks) register their subcommands here.
_EXTRA_COMMANDS: list[Callable[[Callable[[str, str], argparse.ArgumentParser]], None]] = [
    register_bookmarks,
    register_search,
]


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    top, subs = build_parsers()
    try:
        if argv and argv[0] in subs:
            args = subs[argv[0]].parse_args(argv[1:])
            return int(args.func(args))
        args = top.parse_args(argv)
        return cmd_app(args)
    except UserError as error:
        _err(str(error))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except sqlite3.Error as error:
        _err(f"the library cache failed: {error}. Run `wardtui index` to rebuild it.")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
