"""What every command prints, and how: one-line errors, JSON Lines, article ids, limits.

Public helpers for the command modules of :mod:`wardtui.cli`: :class:`UserError` (a
problem the user can fix: one line on stderr, exit status 1), :func:`err` and
:func:`tell` (notices, each told once), :func:`open_library` (the cache with its
notices, filled on first use), :func:`resolve` (an id or a unique prefix of one),
:func:`json_line` (every JSON output: C1 controls, bidi controls, line separators and
lone surrogates are written as ``\\uXXXX``, so no JSON output can steer a terminal)
and :func:`limit` (the one ``--limit`` rule: 1 or more; without it, every row). The
table is :mod:`.table`'s. Every string from a file or the file system is printed
through :func:`wardtui.corpus.clean.safe_line`. Imports only what it needs, when it
needs it (``wardtui --help`` and ``show`` stay fast); never imports Textual.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..config import Sources
    from ..library import Library

__all__ = [
    "JSON_UNSAFE",
    "UserError",
    "err",
    "escape_json",
    "json_line",
    "json_text",
    "limit",
    "new_run",
    "open_library",
    "resolve",
    "tell",
]


class UserError(Exception):
    """A problem the user can fix; printed as one line, exit status 1."""


def err(message: str) -> None:
    """``wardtui: message`` on standard error, on one line, without control characters."""
    from ..corpus.clean import safe_line

    print(f"wardtui: {safe_line(message)}", file=sys.stderr)


_told: set[str] = set()  # the notices told in this run (emptied by :func:`new_run`)


def new_run() -> None:
    """Start a run of a command: no notice told yet."""
    _told.clear()


def tell(notices: list[str]) -> None:
    """Print the notices not told yet in this run (a list may grow during a sync)."""
    for notice in notices:
        if notice not in _told:
            _told.add(notice)
            err(notice)


def limit(raw: str) -> int:
    """The type of ``--limit`` (and other counts) in every command: a whole number, 1 or
    more; 0 and negative numbers are errors, never "no limit" nor silently fewer rows."""
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {raw!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def open_library(sources: Sources | None = None, *, sync_if_empty: bool = True) -> Library:
    """Open the cache, print its notices (and the sources'), and fill it on first use."""
    from ..library import Library

    library = Library.open()
    tell(library.notices)
    if sources is not None:
        tell(sources.notices)
    # Empty: no article (one indexed row, at once) and no file either (a count).
    if sync_if_empty and next(library.query(limit=1), None) is None \
            and library.stats().files == 0:
        if sources is None:
            from ..config import Sources

            sources = Sources()
        library.sync(sources.current)
        tell(sources.notices)
    return library


def resolve(library: Library, raw: str) -> str:
    """The article id for ``raw`` (an id or a unique prefix), or a :class:`UserError`."""
    from ..library import AmbiguousId, UnknownId

    try:
        return library.resolve(raw)
    except UnknownId:
        if len(raw.strip()) < 4:
            raise UserError(
                f"an id prefix needs 4 or more characters, and {raw!r} is not an id "
                "(see `wardtui list`)"
            ) from None
        raise UserError(f"no article with id {raw!r} (see `wardtui list`)") from None
    except AmbiguousId:
        raise UserError(f"id prefix {raw!r} matches several articles; type more of it") from None


# What JSON leaves raw but a terminal may act on: DEL and the C1 controls, the Arabic
# letter mark, bidi marks, embeddings, overrides and isolates, line and paragraph
# separators, and lone surrogates (undecodable bytes of a file name). Outside strings
# JSON has none of them, so each is replaced by its ``\uXXXX`` escape wherever it is.
JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # as SQLite writes


def escape_json(match: re.Match[str]) -> str:
    """The JSON escape of one matched character (``re.sub``'s replacement)."""
    return f"\\u{ord(match.group()):04x}"


def json_text(data: Any) -> str:
    """``data`` as compact JSON on one line (no spaces after ``,`` and ``:``, as SQLite
    writes ``list --json``): UTF-8 text, with :data:`JSON_UNSAFE` as ``\\u`` escapes."""
    text = _ENCODER.encode(data)
    if JSON_UNSAFE.search(text) is None:
        return text
    return JSON_UNSAFE.sub(escape_json, text)


def json_line(data: Any, out: TextIO) -> None:
    """One JSON object on one line (see :func:`json_text`)."""
    out.write(json_text(data) + "\n")
