"""The one table of the command line, printed row by row as the rows come.

On a terminal the columns are fitted to the terminal's width
(:func:`shutil.get_terminal_size`), never to the data, so each row is printed as
soon as it is read: ids and dates are never cut (they are what a user types
next); a ward or an author is capped at :data:`CAPS` (the author is dropped first,
then the ward and a note narrowed, when the terminal is narrow: the author is
shown only beside a title of :data:`TITLE_WITH_AUTHOR` cells); the title takes
the room left, at least :data:`MIN_TITLE`, cut with ``…``. A missing value shows
as ``—``. When the output is not a terminal (a pipe, a file) the rows are
tab-separated values: a header line, then one line per row, nothing padded or cut,
a missing value left empty. Either way, nothing from a file reaches the output as
a control character (:func:`wardtui.corpus.clean.safe_line`), and no header is
printed when there is no row. Never imports Rich or Textual.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from typing import TextIO

from ..corpus.clean import safe_line

__all__ = ["CAPS", "COLUMN_CAP", "MIN_TITLE", "MISSING", "Table", "cell_width", "layout"]

WHOLE = {"id": 10, "date": 10}  # never cut (an id is 10 characters)
CAPS = {"ward": 22, "author": 18, "note": 40}
COLUMN_CAP = 22  # any other column
MINS = {"author": 0, "ward": 12, "note": 12}  # how far a narrow terminal shrinks them
MIN_AUTHOR = 8  # an author column narrower than this is dropped
SHRINK_ORDER = ("author", "ward", "note")
MIN_TITLE = 20  # the title keeps this much even on a narrow terminal
TITLE_WITH_AUTHOR = 40  # the author column is shown only if the title keeps this much
GAP = 2
MISSING = "—"

# East Asian wide characters and emoji take two cells; combining marks none.
_WIDE = re.compile(
    "[\u1100-\u115f\u231a\u231b\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0003fffd]"
)
_ZERO = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text)) - len(_ZERO.findall(text))


def _char_width(char: str) -> int:
    return 2 if _WIDE.match(char) else 0 if _ZERO.match(char) else 1


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with ``…``."""
    used = cell_width(text)
    if used <= width:
        return text + " " * (width - used)
    kept: list[str] = []
    used = 0
    for char in text:
        size = _char_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    cut = "".join(kept).rstrip() + "…"
    return cut + " " * (width - cell_width(cut))


def layout(headers: Sequence[str], width: int) -> list[int]:
    """The width of each column on a terminal ``width`` cells wide (0: not shown)."""
    widths = {h: WHOLE.get(h) or CAPS.get(h, COLUMN_CAP) for h in headers if h != "title"}
    need = MIN_TITLE if "title" in headers else 0

    def room() -> int:
        shown = sum(1 for h in headers if h == "title" or widths[h] > 0)
        return width - sum(widths.values()) - GAP * (shown - 1)

    if "author" in widths and "title" in headers and room() < TITLE_WITH_AUTHOR:
        widths["author"] = 0  # the title first: an author only beside a readable title
    for header in SHRINK_ORDER:
        if header in widths and room() < need:
            widths[header] = max(MINS[header], widths[header] - (need - room()))
            if header == "author" and widths[header] < MIN_AUTHOR:
                widths[header] = 0
    if "title" in headers:
        widths["title"] = max(MIN_TITLE, room())
    return [widths[h] for h in headers]


def terminal_width() -> int:
    """The terminal's columns (``COLUMNS`` when set, else the terminal's, else 80)."""
    return shutil.get_terminal_size().columns


def _plain(cell: str) -> str:
    """``cell`` as one safe line (most cells are printable already: no copy)."""
    return cell if cell.isprintable() else safe_line(cell)


class Table:
    """Rows under ``headers`` on ``out``, each printed when :meth:`add` gets it.

    A cell is a string, or ``None`` for a missing value. The first row is flushed
    at once (``wardtui list | head -1`` does not wait for the rest).
    """

    def __init__(self, headers: Sequence[str], out: TextIO) -> None:
        self.headers = list(headers)
        self.out = out
        self.terminal = out.isatty()
        self.widths = layout(self.headers, terminal_width()) if self.terminal else []
        self.count = 0

    def add(self, cells: Sequence[str | None]) -> None:
        if self.count == 0:
            self._write_header()
        self.out.write(self._line(cells))
        self.count += 1
        if self.count == 1:
            self.out.flush()

    def _write_header(self) -> None:
        if not self.terminal:
            self.out.write("\t".join(self.headers) + "\n")
            return
        line = self._line(self.headers)
        bold = not os.environ.get("NO_COLOR")
        self.out.write(f"\x1b[1m{line[:-1]}\x1b[0m\n" if bold else line)

    def _line(self, cells: Sequence[str | None]) -> str:
        if not self.terminal:
            return "\t".join("" if c is None else _plain(c) for c in cells) + "\n"
        parts = []
        for header, cell, width in zip(self.headers, cells, self.widths, strict=True):
            if width <= 0:
                continue
            text = MISSING if cell is None else _plain(cell)
            parts.append(text.ljust(width) if header in WHOLE else fit(text, width))
        return "  ".join(parts).rstrip() + "\n"
