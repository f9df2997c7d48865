"""One search result as lines of text: the title (wrapped), its ward · date · byline, a snippet.

:func:`result_lines` builds the parts, :func:`result_text` joins them into one
text, and :func:`result_rows` cuts them into the rows painted at a given width
(the title wrapped by :func:`rich._wrap.divide_line`, as ``rich`` wraps it; the
other parts one row each, cut with an ellipsis). :func:`result_height` is the
number of those rows, found from the plain title alone, without styling
anything: the results list lays out a page of results with it and styles only
the results painted.

Every piece of text is a :class:`rich.text.Text` built from plain strings, with
highlights applied as spans: a title holding ``[bold]`` or ``[@click=app.quit]``
shows those characters, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich._wrap import divide_line
from rich.style import Style
from rich.text import Text

from ...corpus.clean import safe_line
from ...labels import date_text, ward_name
from ...search import SearchResult

__all__ = ["STAR", "result_height", "result_lines", "result_rows", "result_text"]

Span = tuple[int, int]
STAR = "★ "  # before the title of a bookmarked result


def _highlighted(text: str, spans: Sequence[Span], match: Style | str,
                 base: Style | str = "") -> Text:
    clean = safe_line(text)
    line = Text(clean, style=base, end="")
    if len(clean) == len(text):  # else a control character went: offsets moved
        for start, end in spans:
            if 0 <= start < end <= len(clean):
                line.stylize(match, start, end)
    return line


def result_lines(result: SearchResult, *, match: Style | str = "bold reverse",
                 meta: Style | str = "dim", snippet: Style | str = "italic",
                 marked: bool = False, unread: bool = False) -> list[Text]:
    """One result as lines of text: the title; ward · date · byline; the snippet, if any.

    ``match`` styles the matched characters; ``marked`` puts a ★ before the
    title (a bookmarked article); ``unread`` makes the title bold. The title
    wraps; the other lines are cut with an ellipsis. Nothing from a file is read
    as markup.
    """
    summary = result.summary
    title = _highlighted(summary.title, result.title_spans, match)
    if unread:
        title.stylize("bold", 0, len(title))
    if marked:
        title = Text(STAR, end="").append_text(title)
    title.overflow = "fold"
    ward = ward_name(summary.ward, summary.unit)  # the tree's and the reader's labels
    details = _highlighted(ward, result.ward_spans, match, meta)
    parts = [date_text(summary.date)]
    if summary.author:
        parts.append(safe_line(summary.author))
    details.append(" · " + " · ".join(parts), meta)
    details.no_wrap, details.overflow = True, "ellipsis"
    lines = [title, details]
    if result.snippet:
        line = _highlighted(result.snippet, result.snippet_spans, match, snippet)
        line.no_wrap, line.overflow = True, "ellipsis"
        lines.append(line)
    return lines


def result_text(result: SearchResult, width: int | None = None, *, marked: bool = False,
                unread: bool = False, **styles: Style | str) -> Text:
    """:func:`result_lines` as one text; with ``width``, the lines after the title are cut
    to it, so the details and the snippet stay one line each."""
    lines = result_lines(result, marked=marked, unread=unread, **styles)
    if width and width > 1:
        for line in lines[1:]:
            line.truncate(width, overflow="ellipsis")
    return Text("\n").join(lines)


@lru_cache(maxsize=4096)
def _title_breaks(title: str, width: int) -> tuple[int, ...]:
    """Where ``title`` (plain, one line) breaks at ``width``: what ``Text.wrap`` does
    (remembered: the same titles come back query after query, and a page of results is
    measured whole before its first paint)."""
    return tuple(divide_line(title, max(1, width), fold=True))


@lru_cache(maxsize=4096)
def _title_height(title: str, width: int, marked: bool) -> int:
    clean = safe_line(title)
    return len(_title_breaks(STAR + clean if marked else clean, width))


def result_height(result: SearchResult, width: int, *, marked: bool = False) -> int:
    """The rows :func:`result_rows` makes of ``result`` at ``width``, from its plain text."""
    return _title_height(result.summary.title, width, marked) + 2 + bool(result.snippet)


def result_rows(result: SearchResult, width: int, *, match: Style | str = "bold reverse",
                meta: Style | str = "dim", snippet: Style | str = "italic",
                marked: bool = False, unread: bool = False) -> list[Text]:
    """``result`` as the rows painted at ``width``: the title wrapped, then the details and
    the snippet cut to one row each (as many rows as :func:`result_height` says)."""
    width = max(1, width)
    title, *rest = result_lines(result, match=match, meta=meta, snippet=snippet,
                                marked=marked, unread=unread)
    rows = list(title.divide(_title_breaks(title.plain, width)))
    for row in rows:
        row.rstrip_end(width)
    for line in rest:
        line.truncate(width, overflow="ellipsis")
    rows.extend(rest)
    for row in rows:
        row.end = ""
        row.truncate(width, overflow="fold")
    return rows
