"""``wardtui bookmarks``: list, add, remove, annotate and export bookmarks.

::

    wardtui bookmarks [--json]                 list, newest first (JSON Lines with --json)
    wardtui bookmarks add ID [--note TEXT]     bookmark an article (or change its note)
    wardtui bookmarks remove ID                remove a bookmark (an old id works too)
    wardtui bookmarks note ID [TEXT]           set (or, without TEXT, clear) a note
    wardtui bookmarks export FOLDER [--format txt|md|json] [--force]
                                               one file per bookmarked article (the
                                               folder is created if missing, and said so)

A note longer than :data:`wardtui.userdata.MAX_NOTE` characters is refused (nothing
is changed), never cut. Registered by :mod:`wardtui.cli.main` through
:func:`register`; prints through :mod:`.output` and :mod:`.table`. The bookmark store
is imported when a command runs. Never imports Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus.clean import safe_line
from .output import UserError, json_line, open_library, resolve, tell

if TYPE_CHECKING:
    from ..library import Library
    from ..userdata import BookmarkStore


def register(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the ``bookmarks`` subcommand (with its actions) through ``sub(name, help)``."""
    parser = sub("bookmarks", "List your bookmarks, newest first; or add, remove, annotate "
                 "or export them (wardtui bookmarks ACTION -h).")
    parser.add_argument("--json", action="store_true",
                        help="JSON Lines (id, title, ward, unit, date, note, added, missing)")
    parser.set_defaults(func=cmd_bookmarks, action=None)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")

    p = actions.add_parser("add", help="bookmark an article", description="Bookmark an article.")
    p.add_argument("id", help="the article id (or a unique prefix of it)")
    p.add_argument("--note", help="a note to keep with the bookmark")

    p = actions.add_parser("remove", help="remove a bookmark", description="Remove a bookmark.")
    p.add_argument("id", help="the bookmark's id, an old id of it, or a unique prefix")

    p = actions.add_parser("note", help="set or clear a bookmark's note",
                           description="Set a bookmark's note; without TEXT, clear it.")
    p.add_argument("id", help="the bookmark's id, an old id of it, or a unique prefix")
    p.add_argument("text", nargs="?", default="", help="the note (omit to clear it)")

    p = actions.add_parser("export", help="write every bookmarked article into a folder",
                           description="Write every bookmarked article into FOLDER, one file "
                           "each, named like `wardtui export` names them.")
    p.add_argument("folder", help="the folder (created if missing)")
    p.add_argument("--format", choices=("txt", "md", "json"), default="txt")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")


def _open_store() -> BookmarkStore:
    from ..userdata import BookmarkStore

    store = BookmarkStore.open()
    tell(store.notices)
    return store


def _require_persistent(store: BookmarkStore) -> None:

    if not store.persistent:
        raise UserError("the bookmarks file cannot be written, so nothing was changed")


def _open_reconciled(store: BookmarkStore) -> Library:
    """The library, with the store's bookmarks re-found in it (re-keyed where they moved)."""

    library = open_library()
    if store.persistent:
        store.reconcile(library)
    return library


def cmd_bookmarks(args: argparse.Namespace) -> int:
    """Run ``wardtui bookmarks [ACTION]``; store errors become one-line user errors."""
    from ..userdata import BookmarkError

    handlers: dict[str | None, Callable[[argparse.Namespace, BookmarkStore], int]] = {
        None: _list, "add": _add, "remove": _remove, "note": _note, "export": _export,
    }
    store = _open_store()
    try:
        return handlers[args.action](args, store)
    except BookmarkError as error:
        raise UserError(str(error)) from None
    finally:
        store.close()


def _list(args: argparse.Namespace, store: BookmarkStore) -> int:

    library = _open_reconciled(store)
    items = store.bookmarks()
    missing = {b.id for b in items if library.summary(b.id) is None}
    if args.json:
        for bookmark in items:
            json_line(bookmark.to_json(missing=bookmark.id in missing), sys.stdout)
        return 0
    if not items:
        print("No bookmarks yet. Add one with `wardtui bookmarks add ID` or `b` in the app.")
        return 0
    from .table import Table

    table = Table(["id", "date", "ward", "title", "note"], sys.stdout)
    for b in items:
        table.add([b.id, b.date, b.ward_label,
                   ("(missing) " if b.id in missing else "") + b.title, b.note])
    return 0


def _check_note(note: str | None) -> None:
    """A :class:`UserError` for a note over the cap (it would otherwise be cut)."""
    from ..corpus.clean import strip_controls
    from ..userdata import MAX_NOTE

    if note is not None and (length := len(" ".join(strip_controls(note).split()))) > MAX_NOTE:
        raise UserError(f"a note can have at most {MAX_NOTE:,} characters, and this one has "
                        f"{length:,}; nothing was changed")


def _add(args: argparse.Namespace, store: BookmarkStore) -> int:

    _check_note(args.note)
    _require_persistent(store)
    library = open_library()
    summary = library.summary(resolve(library, args.id))
    assert summary is not None
    if store.add(summary, args.note):
        print(f"Bookmarked {summary.id}: {safe_line(summary.title)}")
    elif args.note is not None:
        print(f"Already bookmarked {summary.id}; note updated.")
    else:
        print(f"Already bookmarked {summary.id}.")
    return 0


def _resolve_bookmark(store: BookmarkStore, raw: str) -> str:
    from ..userdata import AmbiguousBookmark, UnknownBookmark

    try:
        return store.resolve(raw)
    except UnknownBookmark:
        if len(raw.strip()) < 4:
            raise UserError(f"an id prefix needs 4 or more characters, and {raw!r} is not "
                            "a bookmark's id (see `wardtui bookmarks`)") from None
        raise UserError(f"no bookmark with id {raw!r} (see `wardtui bookmarks`)") from None
    except AmbiguousBookmark:
        raise UserError(f"id prefix {raw!r} matches several bookmarks; type more of it") from None


def _remove(args: argparse.Namespace, store: BookmarkStore) -> int:
    _require_persistent(store)
    removed = store.remove(_resolve_bookmark(store, args.id))
    if removed is None:  # removed by another process meanwhile
        print(f"{safe_line(args.id)} was not bookmarked any more.")
        return 0
    print(f"Removed bookmark {removed.id}: {safe_line(removed.title)}")
    return 0


def _note(args: argparse.Namespace, store: BookmarkStore) -> int:
    _check_note(args.text)
    _require_persistent(store)
    key = _resolve_bookmark(store, args.id)
    store.set_note(key, args.text)
    print(f"Note {'set' if args.text.strip() else 'cleared'} for {key}.")
    return 0


def _export(args: argparse.Namespace, store: BookmarkStore) -> int:
    from ..export import ExportError, export_many

    folder = Path(args.folder).expanduser().absolute()
    library = _open_reconciled(store)
    if not folder.exists() and not folder.is_symlink():
        try:
            folder.mkdir(parents=True)
        except OSError as error:
            raise UserError(f"cannot create the folder {folder}: "
                            f"{(error.strerror or str(error)).lower()}") from None
        print(f"Created the folder {safe_line(str(folder))}")
    try:
        report = export_many(store.articles(library), folder, args.format, overwrite=args.force)
    except ExportError as error:
        raise UserError(str(error)) from None
    print(safe_line(report.summary()))
    for path in report.existing:
        print(f"  exists, not overwritten (use --force): {safe_line(path.name)}")
    for item in report.missing:
        print(f"  missing from the library: {item.id} {safe_line(item.title)}")
    for article_id, reason in report.failed:
        print(f"  failed: {article_id}: {safe_line(reason)}")
    return 1 if report.existing or report.failed else 0
