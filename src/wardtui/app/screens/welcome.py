"""What the reader says when no article is open: welcome, indexing, or an empty library."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ...corpus.clean import safe_line

__all__ = ["empty_text", "indexing_text", "welcome_text"]

Message = tuple[str, list[str]]  # a title and its lines


def welcome_text() -> Message:
    """The first keys to know, for a library with articles."""
    return "Welcome to wardtui", [
        "Move in the tree with ↑ ↓ (or j k), open a ward with → (or l), "
        "and read an article with enter.",
        "[ and ] open the previous and next article; t groups the tree by place "
        "(province, district, ward), then by date, then by ward again.",
        "b bookmarks the article (B lists the bookmarks), e exports it to a file "
        "and c copies its text.",
        "Press / to search, ctrl+p for the commands, ? for every key, q to quit.",
    ]


def indexing_text() -> Message:
    """While the first sync of an empty library runs."""
    return "Indexing the sources…", [
        "The library fills in as soon as the sources are read.",
    ]


def empty_text(sources: Sequence[Path]) -> Message:
    """An empty library: where wardtui looked, and how to add articles."""
    where = ", ".join(safe_line(str(p)) for p in sources)
    return "The library is empty", [
        f"No article was found in: {where}.",
        "Add a folder of articles (.txt files) and open the app again:",
        "    wardtui PATH        or        wardtui index PATH",
        "then press ctrl+p and choose “Sync the sources” to read them again.",
    ]
