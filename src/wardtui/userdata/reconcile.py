"""Finding bookmarked, read and visited articles again after the library changed.

An article's id changes when its file changes enough; a bookmark then finds it by its
source path (when the title, or the ward and date, still match) or else by the same
title, ward and date (when exactly one article matches). The SQL here runs inside the
store's write transaction (:meth:`wardtui.userdata.BookmarkStore.reconcile`). Read marks
and history entries, which are many, are looked up in bulk (:func:`present_ids`,
:func:`find_moved`: one query each, reading the library's tables) and only by their
source path with the same title.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Mapping

from ..library import UNDATED, UNKNOWN_WARD, ArticleSummary, Library
from ..vntext import fold
from .model import Bookmark, clean_note

__all__ = ["find_again", "find_moved", "fresh", "present_ids", "refresh", "rekey", "same_title"]


def same_title(a: str, b: str) -> bool:
    return fold(" ".join(a.split())) == fold(" ".join(b.split()))


def find_again(bookmark: Bookmark, library: Library) -> ArticleSummary | None:
    """The article a bookmark whose id has gone now is, if it can be told; else ``None``."""
    if bookmark.source:
        found_id = library.find_by_source(bookmark.source)
        found = library.summary(found_id) if found_id else None
        if found is not None and (
            same_title(found.title, bookmark.title)
            or (bookmark.date is not None
                and (found.ward, found.unit, found.date)
                == (bookmark.ward, bookmark.unit, bookmark.date))
        ):
            return found
    year = int(bookmark.date[:4]) if bookmark.date and bookmark.date[:4].isdigit() else UNDATED
    candidates = library.summaries(
        ward=bookmark.ward or UNKNOWN_WARD,
        unit=bookmark.unit if bookmark.ward else None,
        year=year,
    )
    matches = [
        c for c in candidates if c.date == bookmark.date and same_title(c.title, bookmark.title)
    ]
    return matches[0] if len(matches) == 1 else None


def fresh(bookmark: Bookmark, current: ArticleSummary) -> bool:
    """True when the bookmark's copy of the title/ward/date/source is the article's."""
    stored = (bookmark.title, bookmark.ward, bookmark.unit, bookmark.date, bookmark.source)
    return stored == (current.title, current.ward, current.unit, current.date, current.source)


def refresh(conn: sqlite3.Connection, key: str, current: ArticleSummary) -> bool:
    """Copy the article's title/ward/date/source into the bookmark ``key``; True if it exists."""
    cursor = conn.execute(
        "UPDATE bookmarks SET title = ?, ward = ?, unit = ?, date = ?, source = ? WHERE id = ?",
        (current.title, current.ward, current.unit, current.date, current.source, key),
    )
    return cursor.rowcount > 0


def rekey(conn: sqlite3.Connection, old: str, found: ArticleSummary) -> bool:
    """Move the bookmark ``old`` to ``found.id``, keeping ``old`` as an alias.

    If ``found`` is already bookmarked the two are merged: the earlier date
    added and both notes are kept. False when ``old`` was removed meanwhile.
    """
    new = found.id
    row = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (old,)).fetchone()
    if row is None:  # removed meanwhile, by us or another process
        return False
    target = conn.execute("SELECT * FROM bookmarks WHERE id = ?", (new,)).fetchone()
    values = (found.title, found.ward, found.unit, found.date, found.source)
    if target is None:
        conn.execute("DELETE FROM aliases WHERE alias = ?", (new,))
        conn.execute(
            "UPDATE bookmarks SET id = ?, title = ?, ward = ?, unit = ?, date = ?,"
            " source = ? WHERE id = ?",
            (new, *values, old),
        )
    else:
        notes = [n for n in (target["note"], row["note"]) if n]
        note = notes[0] if len(set(notes)) <= 1 else " · ".join(notes)
        added = min(target["added"], row["added"])
        conn.execute("UPDATE aliases SET id = ? WHERE id = ?", (new, old))
        conn.execute("DELETE FROM bookmarks WHERE id = ?", (old,))
        conn.execute(
            "UPDATE bookmarks SET note = ?, added = ?, title = ?, ward = ?, unit = ?,"
            " date = ?, source = ? WHERE id = ?",
            (clean_note(note) if notes else "", added, *values, new),
        )
    conn.execute("INSERT OR REPLACE INTO aliases (alias, id) VALUES (?, ?)", (old, new))
    return True


def present_ids(library: Library, ids: Collection[str]) -> set[str]:
    """Which of ``ids`` the library has (one query, whatever their number)."""
    if not ids:
        return set()
    rows = library.conn.execute(
        "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(ids)),),
    )
    return {str(row[0]) for row in rows}


def find_moved(
    library: Library, gone: Mapping[str, tuple[str, str]]
) -> dict[str, ArticleSummary]:
    """The articles that ids no longer in the library are now: ``gone`` maps each old id
    to its ``(source, title)``; an article is found when its file is that source and its
    title is the same (one query, whatever their number)."""
    by_source: dict[str, list[str]] = {}
    for old, (source, _title) in gone.items():
        if source:
            by_source.setdefault(source, []).append(old)
    if not by_source:
        return {}
    rows = library.conn.execute(
        "SELECT f.path AS path, a.id AS id FROM files AS f JOIN articles AS a"
        " ON a.id = f.article_id WHERE f.path IN (SELECT value FROM json_each(?))",
        (json.dumps(list(by_source)),),
    ).fetchall()
    found: dict[str, ArticleSummary] = {}
    for row in rows:
        current = library.summary(row["id"])
        if current is None:
            continue
        for old in by_source[row["path"]]:
            if old != current.id and same_title(gone[old][1], current.title):
                found[old] = current
    return found
