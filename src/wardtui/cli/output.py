"""What every command prints, and how: one-line errors, the table, JSON Lines, article ids.

Public helpers for the command modules of :mod:`wardtui.cli`: :class:`UserError` (a
problem the user can fix: one line on stderr, exit status 1), :func:`err`,
:func:`open_library` (the cache with its notices, filled on first use), :func:`resolve`
(an id or a unique prefix of one), :func:`json_line` and :func:`table`. The table follows
one rule for every command: ids and dates are never cut (they are what a user types
next), a note is capped at :data:`NOTE_CAP` and other columns at :data:`COLUMN_CAP`, and
the title takes the room the terminal has left (at least :data:`MIN_TITLE`), cut with an
ellipsis. Text from files is printed without control characters. Never imports Textual.
"""

from __future__ import annotations

import json
import shutil
import sys
from typing import Any, TextIO

from ..config import Sources
from ..corpus.clean import safe_line
from ..labels import clip
from ..library import AmbiguousId, Library, UnknownId

__all__ = [
    "COLUMN_CAP",
    "MIN_TITLE",
    "NOTE_CAP",
    "PIPE_WIDTH",
    "UserError",
    "err",
    "json_line",
    "open_library",
    "resolve",
    "table",
    "terminal_width",
]

COLUMN_CAP = 24  # columns other than the id, the date, the title and a note
NOTE_CAP = 40  # a bookmark's note
MIN_TITLE = 20  # the title keeps this much even on a narrow terminal
PIPE_WIDTH = 200  # the width assumed when the output is not a terminal
_WHOLE = ("id", "date")  # never cut


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def err(message: str) -> None:
    """``wardtui: message`` on standard error, without control characters."""
    print(f"wardtui: {safe_line(message)}", file=sys.stderr)


def open_library(sources: Sources | None = None, *, sync_if_empty: bool = True) -> Library:
    """Open the cache, print its notices (and the sources'), and fill it on first use."""
    library = Library.open()
    for notice in library.notices:
        err(notice)
    if sources is not None:
        for notice in sources.notices:
            err(notice)
    if sync_if_empty and library.stats().files == 0:
        library.sync((sources or Sources()).effective)
    return library


def resolve(library: Library, raw: str) -> str:
    """The article id for ``raw`` (an id or a unique prefix), or a :class:`UserError`."""
    try:
        return library.resolve(raw)
    except UnknownId:
        raise UserError(f"no article with id {raw!r} (see `wardtui list`)") from None
    except AmbiguousId:
        raise UserError(f"id prefix {raw!r} matches several articles; type more of it") from None


def json_line(data: dict[str, Any], out: TextIO) -> None:
    """One JSON object on one line (UTF-8 text, not ``\\u`` escapes)."""
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def terminal_width(out: TextIO) -> int:
    """The terminal's columns when ``out`` is one, else :data:`PIPE_WIDTH`."""
    return shutil.get_terminal_size().columns if out.isatty() else PIPE_WIDTH


def table(rows: list[list[str]], headers: list[str], out: TextIO) -> None:
    """Print ``rows`` under ``headers`` by the one rule of the module docstring."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    width = terminal_width(out)
    cells = [[safe_line(cell) for cell in row] for row in rows]
    widths = []
    for i, header in enumerate(headers):
        widest = max([len(header), *(len(row[i]) for row in cells)])
        cap = NOTE_CAP if header == "note" else COLUMN_CAP
        widths.append(widest if header in (*_WHOLE, "title") else min(widest, cap))
    gaps = 2 * (len(headers) - 1)
    if "title" in headers:
        t = headers.index("title")
        room = width - sum(w for i, w in enumerate(widths) if i != t) - gaps
        widths[t] = max(MIN_TITLE, min(widths[t], room))
    console = Console(file=out, highlight=False, markup=False, emoji=False,
                      width=max(width, sum(widths) + gaps))
    grid = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    for header, column_width in zip(headers, widths, strict=True):
        grid.add_column(header, overflow="ellipsis", no_wrap=True, width=column_width)
    for row in cells:
        grid.add_row(*(Text(clip(cell, w)) for cell, w in zip(row, widths, strict=True)))
    console.print(grid)
