"""The library commands: ``index`` (add sources, sync), ``list``, ``show`` and ``sources``.

``list`` asks the library for exactly the rows it prints (ward, year and limit are SQL:
:meth:`wardtui.library.Library.query`), newest first; ``--json`` writes each row as it
comes. ``show`` prints one article as text or JSON. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..config import Sources
from ..corpus.clean import safe_line
from ..library import Library, SyncReport
from .output import UserError, err, json_line, open_library, resolve, table

__all__ = ["cmd_index", "cmd_list", "cmd_show", "cmd_sources", "print_report", "register"]

Sub = Callable[[str, str], argparse.ArgumentParser]


def register(sub: Sub) -> None:
    """Add ``index``, ``list``, ``show`` and ``sources`` (``sub(name, help)`` makes a parser)."""
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
    """What a sync did: counts, the files skipped or decoded, problems, the library's size."""
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


def check_paths(raw_paths: list[str]) -> None:
    """A :class:`UserError` for the first path that does not exist."""
    for raw in raw_paths:
        if not Path(raw).expanduser().exists():
            raise UserError(f"no such file or folder: {raw}")


def cmd_index(args: argparse.Namespace) -> int:
    sources = Sources()
    check_paths(args.paths)
    added = sources.add(*args.paths)
    for path in added:
        print(f"Added source {safe_line(str(path))}")
    library = open_library(sources, sync_if_empty=False)
    report = library.sync(sources.effective, progress=_progress_printer(sys.stderr),
                          workers=args.workers)
    print_report(report, library, sys.stdout)
    return 0


# -- list / show ----------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> int:
    library = open_library()
    wards = None
    if args.ward:
        from ..vntext import fold

        wanted = fold(args.ward)
        wards = [name for name in library.ward_names() if fold(name) == wanted]
    rows = library.query(wards=wards, year=args.year or None, limit=args.limit or None)
    if args.json:
        for item in rows:
            json_line(item.to_json(), sys.stdout)
        return 0
    table(
        [[a.id, a.date or "—", a.ward_label or "—", a.title, a.author or ""] for a in rows],
        ["id", "date", "ward", "title", "author"], sys.stdout,
    )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from ..export import to_json_data, to_txt

    library = open_library()
    article = library.get(resolve(library, args.id))
    assert article is not None
    if args.json:
        json_line(to_json_data(article), sys.stdout)
    else:
        sys.stdout.write(to_txt(article))
    return 0


def cmd_sources(args: argparse.Namespace) -> int:
    sources = Sources()
    for notice in sources.notices:
        err(notice)
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
