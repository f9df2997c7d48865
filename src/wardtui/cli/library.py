"""The library commands: ``index`` (add sources, sync), ``list``, ``show`` and ``sources``.

``list`` asks the library for exactly the rows it prints (ward, year and limit are SQL:
:meth:`wardtui.library.Library.query`, a cursor) and prints each row as it comes, the
first at once: the table of :mod:`.table` (tab-separated when piped) or JSON Lines.
Finding nothing is not an error: a line on stderr says why. ``show`` prints one article
as text or JSON. ``index`` takes only regular files and folders as sources, and every
sync reads the sources as they are at that moment (``sources.current``). The library,
the sources and the exporters are imported inside the commands. Never imports Textual.
"""

from __future__ import annotations

import argparse
import difflib
import os
import stat
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..corpus.clean import safe_line as safe
from ..labels import UNTITLED, plural
from .output import (
    JSON_UNSAFE,
    UserError,
    err,
    escape_json,
    limit,
    open_library,
    resolve,
    tell,
)
from .places import add_place_arguments, places_named

if TYPE_CHECKING:
    from ..config import Sources
    from ..library import ArticleSummary, Library, LibraryStats, SyncReport

__all__ = [
    "check_paths",
    "cmd_index",
    "cmd_list",
    "cmd_show",
    "cmd_sources",
    "print_report",
    "register",
    "safe",
    "say_empty",
    "size_line",
]

Sub = Callable[[str, str], argparse.ArgumentParser]
STILL_SHOWN = 20  # files still skipped from earlier syncs, listed by name


def register(sub: Sub) -> None:
    """Add ``index``, ``list``, ``show`` and ``sources`` (``sub(name, help)`` makes a parser)."""
    p = sub("index", "Add files or folders as sources and sync the library.")
    p.add_argument("paths", nargs="*", help="files or folders (none: sync the existing sources)")
    p.add_argument("--workers", type=limit, default=None, help="parser processes (default: cores)")
    p.set_defaults(func=cmd_index)

    p = sub("list", "List the articles in the library, newest first, as they are read. "
            "On a terminal, a table fitted to its width; piped, tab-separated values.")
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    p.add_argument("--ward", help="only this ward (accents optional)")
    p.add_argument("--year", type=int, help="only this year")
    add_place_arguments(p)
    p.add_argument("--limit", type=limit, default=None, metavar="N",
                   help="at most N articles (1 or more; without it, all)")
    p.set_defaults(func=cmd_list)

    p = sub("show", "Print one article.")
    p.add_argument("id", help="the article id (or a unique prefix of 4+ characters)")
    p.add_argument("--json", action="store_true", help="JSON with the paragraphs")
    p.set_defaults(func=cmd_show)

    p = sub("sources", "List the sources, or remove one.")
    p.add_argument("--remove", metavar="PATH", help="stop using this source")
    p.set_defaults(func=cmd_sources)


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


def size_line(stats: LibraryStats) -> str:
    """``12 articles in 3 wards from 14 files.``"""
    return (f"{plural(stats.articles, 'article')} in {plural(stats.wards, 'ward')} "
            f"from {plural(stats.files, 'file')}.")


def print_report(report: SyncReport, library: Library, out: TextIO) -> None:
    """What a sync did, each file counted once (new, changed, unchanged or skipped), the
    files skipped (this time, and still from earlier syncs) or decoded, problems, and
    the library's size."""
    print(
        f"Synced in {report.seconds:.2f} s: {plural(report.seen, 'file')} seen — "
        f"{report.new:,} new, {report.changed:,} changed, {report.unchanged:,} unchanged, "
        f"{report.removed:,} removed, {len(report.skipped):,} skipped.",
        file=out,
    )
    if report.skipped:
        print("Skipped:", file=out)
        for path, reason in report.skipped:
            print(f"  {safe(path)}: {safe(reason)}", file=out)
    if report.decoded:
        print("Decoded from other encodings:", file=out)
        for path, encoding in report.decoded:
            print(f"  {safe(path)}: {safe(encoding)}", file=out)
    reported = {path for path, _ in report.skipped}
    still = [(path, reason) for path, reason in library.skipped_files() if path not in reported]
    if still:  # unchanged since an earlier sync skipped them: said again, not counted again
        print("Still skipped (unchanged since an earlier sync):", file=out)
        for path, reason in still[:STILL_SHOWN]:
            print(f"  {safe(path)}: {safe(reason)}", file=out)
        if len(still) > STILL_SHOWN:
            print(f"  … and {plural(len(still) - STILL_SHOWN, 'more file')}", file=out)
    for problem in report.problems:
        print(f"Note: {safe(problem)}", file=out)
    if report.cancelled:
        print("Interrupted: the next run completes the sync.", file=out)
    print(f"Library: {size_line(library.stats())}", file=out)


def check_paths(raw_paths: Iterable[str], *, commands: list[str] | None = None) -> None:
    """A :class:`UserError` for the first path that is not a regular file or a folder.

    With ``commands`` (``wardtui WORD``), a first word that is no path and has no
    folder separator is taken for a mistyped command: ``unknown command 'lsit' (did
    you mean list?)``.
    """
    for position, raw in enumerate(raw_paths):
        try:
            mode = Path(raw).expanduser().stat().st_mode
        except (FileNotFoundError, NotADirectoryError):
            if position == 0 and commands is not None and os.sep not in raw:
                close = difflib.get_close_matches(raw, commands, n=1, cutoff=0.6)
                if close:
                    raise UserError(f"unknown command {raw!r} (did you mean {close[0]}?)") from None
                raise UserError(f"{raw!r} is not a command (wardtui -h lists them) "
                                "nor a file or folder") from None
            raise UserError(f"no such file or folder: {raw}") from None
        except OSError as error:
            raise UserError(f"{raw}: {error.strerror or error}") from None
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise UserError(f"{raw} is not a regular file or a folder; only those can be sources")


def cmd_index(args: argparse.Namespace) -> int:
    from ..config import Sources

    check_paths(args.paths)
    sources = Sources()
    tell(sources.notices)
    added = sources.add(*args.paths) if args.paths else []
    for path in added:
        print(f"Added source {safe(str(path))}")
    library = open_library(sources, sync_if_empty=False)
    report = library.sync(sources.current, progress=_progress_printer(sys.stderr),
                          workers=args.workers)
    tell(sources.notices)  # the list may have been re-read during the sync
    print_report(report, library, sys.stdout)
    return 0


# -- list / show ----------------------------------------------------------------
def say_empty(sources: Sources | None = None) -> None:
    """The empty-library message, naming the sources (through the sanitiser)."""
    if sources is None:
        from ..config import Sources

        sources = Sources()
    names = ", ".join(safe(str(path)) for path in sources.effective)
    err(f"the library has no articles: its sources ({names}) hold none that could be read. "
        "Add a folder with `wardtui index PATH`; `wardtui index` lists what was skipped.")


def _wards_named(library: Library, wanted: str) -> list[str]:
    """The stored ward names that ``wanted`` names (accents and case optional)."""
    from ..vntext import fold

    key = fold(wanted)
    names = library.ward_names()
    found = [name for name in names if fold(name) == key]
    if not found:
        close = difflib.get_close_matches(key, [fold(n) for n in names], n=3, cutoff=0.75)
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        err(f"no articles: no ward is named {wanted!r}{hint}")
    return found


def cmd_list(args: argparse.Namespace) -> int:
    library = open_library()
    wards = None
    if args.ward:
        wards = _wards_named(library, args.ward)
        if not wards:
            return 0
    provinces, districts = places_named(library, args.province, args.district)
    if provinces == [] or districts == []:
        return 0
    filters = {"wards": wards, "year": args.year or None, "limit": args.limit,
               "provinces": provinces, "districts": districts}
    if args.json:  # JSON Lines made by SQLite: no Python object per row
        count = _print_json(library.query_json(**filters), sys.stdout)
    else:
        count = _print_table(library.query(**filters), sys.stdout)
    if count == 0:
        if library.stats().articles == 0:
            say_empty()
        else:
            err(f"no articles{f' in {args.year}' if args.year else ''}.")
    return 0


def _print_json(lines: Iterable[str], out: TextIO) -> int:
    """JSON Lines as the library makes them, through the one escape (C1 and bidi).

    The first line goes out at once (``| head -1``); the others in chunks of
    :data:`JSON_CHUNK` lines, each searched for unsafe characters and written in one go."""
    count = 0
    chunk: list[str] = []
    for count, text in enumerate(lines, 1):
        chunk.append(text)
        if count == 1 or len(chunk) == JSON_CHUNK:
            _write_lines(chunk, out)
            chunk = []
    if chunk:
        _write_lines(chunk, out)
    return count


JSON_CHUNK = 512


def _write_lines(lines: list[str], out: TextIO) -> None:
    text = "\n".join(lines) + "\n"
    if JSON_UNSAFE.search(text) is not None:
        text = JSON_UNSAFE.sub(escape_json, text)
    out.write(text)
    out.flush()


def _print_table(rows: Iterable[ArticleSummary], out: TextIO) -> int:
    from .table import Table

    table = Table(["id", "date", "ward", "title", "author"], out)
    for a in rows:
        table.add([a.id, a.date, a.ward_label, a.title or UNTITLED, a.author or ""])
    return table.count


def cmd_show(args: argparse.Namespace) -> int:
    from ..export import to_json_data, to_txt
    from .output import json_line

    library = open_library()
    article = library.get(resolve(library, args.id))
    assert article is not None
    if args.json:
        json_line(to_json_data(article), sys.stdout)
    else:
        sys.stdout.write(to_txt(article))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    from ..config import Sources

    sources = Sources()
    tell(sources.notices)
    if args.remove:
        if not sources.remove(args.remove):
            raise UserError(f"{args.remove} is not a source (see `wardtui sources`)")
        print(f"Removed source {safe(args.remove)}; "
              "run `wardtui index` to update the library.")
        return 0
    if sources.using_sample:
        print(f"No sources added; using the sample corpus: {safe(str(sources.effective[0]))}")
        print("Add a folder with `wardtui index PATH`.")
        return 0
    for path in sources.added:
        state = "" if path.exists() else "  (missing)"
        print(f"{safe(str(path))}{state}")
    tell(sources.notices)
    return 0
