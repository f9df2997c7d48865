"""The rows of the bookmarks list and the detail line under it.

The columns fit the screen: date, ward, title and note, the title taking what is
left; a title or note too long for its column is cut at a word with ``…``, and the
detail line under the list shows the highlighted bookmark's title and note whole
(wrapped). A bookmark whose article is gone says ``missing`` before its title
(there is no column for a ★: every row is a bookmark).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ...corpus.clean import safe_line
from ...labels import clip_words, date_text, ward_name
from ...userdata import Bookmark

__all__ = ["bookmark_row", "column_widths", "detail_text", "set_columns"]

MISSING = "missing · "
GAPS = 2 * 4 + 6  # cell padding of four columns, the box's border and padding, a scrollbar


def column_widths(screen_width: int) -> dict[str, int]:
    """The columns' widths for a box of 95% of ``screen_width``."""
    room = int(screen_width * 0.95) - GAPS
    note = max(8, min(30, room // 5))
    ward = 18 if room >= 70 else 12
    title = max(12, room - 10 - ward - note)
    return {"date": 10, "ward": ward, "title": title, "note": note}


def set_columns(table: DataTable[Text], screen_width: int) -> dict[str, int]:
    """(Re)build the table's columns for the screen's width; their widths."""
    widths = column_widths(screen_width)
    table.clear(columns=True)
    for key, label in (("date", "Date"), ("ward", "Ward"), ("title", "Title"),
                       ("note", "Note")):
        table.add_column(label, key=key, width=widths[key])
    return widths


def bookmark_row(bookmark: Bookmark, missing: bool, widths: dict[str, int]) -> list[Text]:
    """One row: date, ward, title (``missing · `` first if the article is gone), note."""
    ward = ward_name(bookmark.ward, bookmark.unit) if bookmark.ward else "—"
    title = Text(style="italic dim" if missing else "")
    width = widths["title"]
    if missing:
        title.append(MISSING, style="bold red")
        width -= len(MISSING)
    title.append(clip_words(safe_line(bookmark.title), width))
    return [
        Text(date_text(bookmark.date) if bookmark.date else "—"),
        Text(clip_words(safe_line(ward), widths["ward"])),
        title,
        Text(clip_words(safe_line(bookmark.note), widths["note"]), style="italic"),
    ]


def detail_text(bookmark: Bookmark | None) -> Text:
    """The highlighted bookmark's title and note, whole."""
    if bookmark is None:
        return Text("")
    text = Text(safe_line(bookmark.title), style="bold")
    if bookmark.note:
        text.append("\nNote: ", style="dim").append(safe_line(bookmark.note), style="italic")
    return text
