"""``wardtui search QUERY``: the search from the command line.

Builds a :class:`wardtui.search.SearchIndex` of the library for this run, then prints
the best articles as a table (or JSON Lines with ``--json``: the
``list --json`` keys plus ``score`` and ``snippet``), best first. Finding
nothing is not an error; hints about the query go to standard error. The query
language is :data:`wardtui.search.QUERY_HELP` (``wardtui search -h``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..labels import plural
from .output import UserError, err, json_line, limit, open_library, tell

if TYPE_CHECKING:
    from ..library import Library

__all__ = ["cmd_search", "register"]

DEFAULT_LIMIT = 20
MAX_HINTS = 10  # notes about the query printed (each once); the rest are counted


def register(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the ``search`` subcommand (``sub(name, help)`` makes its parser)."""
    from ..search.query import QUERY_HELP  # light: no index, no rapidfuzz

    parser = sub("search", "Search the library (accents and case optional, typos forgiven).")
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = QUERY_HELP
    parser.add_argument("query", nargs="*",
                        help="the query (several words are joined; -word excludes)")
    parser.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    parser.add_argument("--limit", type=limit, default=DEFAULT_LIMIT, metavar="N",
                        help=f"at most N results (1 or more; default {DEFAULT_LIMIT})")
    parser.set_defaults(func=cmd_search)
    # "-covid" or "-ward:12" are query words, not options: keep what argparse does not know.
    setattr(parser, "parse_args", _query_words_parser(parser))  # noqa: B010


def _query_words_parser(
    parser: argparse.ArgumentParser,
) -> Callable[..., argparse.Namespace]:
    def parse_args(args: list[str] | None = None,
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        known, extra = parser.parse_known_args(args, namespace)
        if extra:  # put the query words back in the order typed
            wanted = Counter([*known.query, *extra])
            ordered = []
            for word in args if args is not None else sys.argv[1:]:
                if wanted[word] > 0:
                    wanted[word] -= 1
                    ordered.append(word)
            known.query = ordered
        return known

    return parse_args


def cmd_search(args: argparse.Namespace) -> int:
    """Run the search and print the results; exit status 0, found or not."""
    from ..corpus.clean import safe_line
    from ..search import TYPE_MORE, SearchIndex, search

    text = " ".join(args.query)
    if not text.strip():
        raise UserError("give a query, e.g. wardtui search dan van kheo (see wardtui search -h)")
    library = open_library()
    response = search(SearchIndex.build(library), text, args.limit, bookmarked=_bookmarked_ids,
                      read=lambda: _read_ids(library))
    hints = list(dict.fromkeys(response.hints))  # each hint once, however often it applies
    for hint in hints[:MAX_HINTS]:
        err(f"note: {hint}")
    if len(hints) > MAX_HINTS:
        err(f"note: … and {plural(len(hints) - MAX_HINTS, 'other note')} about the query")
    if args.json:
        for result in response.results:
            json_line(result.to_json(), sys.stdout)
        return 0
    if response.state == "type more":
        err(f"note: {TYPE_MORE}")
        return 0
    if not response.results:
        print(f"No results for {safe_line(text)!r}.")
        return 0
    from .table import Table

    table = Table(["id", "date", "ward", "title"], sys.stdout)
    for r in response.results:
        table.add([r.summary.id, r.summary.date, r.summary.ward_label, r.summary.title])
    shown = len(response.results)
    if response.total > shown:
        print(f"{shown} of {response.total} results (--limit N for more).")
    else:
        print(f"{plural(shown, 'result')}.")
    return 0


def _bookmarked_ids() -> set[str]:
    """The ids of the user's bookmarks (read only when the query says ``is:bookmarked``)."""
    from ..userdata import BookmarkError, BookmarkStore

    with BookmarkStore.open() as store:
        tell(store.notices)
        try:
            return store.ids()
        except BookmarkError as error:
            raise UserError(f"the bookmarks cannot be read: {error}") from None


def _read_ids(library: Library) -> set[str]:
    """The ids of the articles read (read only when the query says ``is:read`` or
    ``is:unread``); marks whose article has a new id are re-keyed first."""
    from ..userdata import BookmarkStore, UserDataError

    with BookmarkStore.open() as store:
        for notice in store.notices:
            err(notice)
        try:
            if store.persistent:
                store.reading.reconcile(library)
            return store.reading.ids()
        except UserDataError as error:
            raise UserError(f"the read marks cannot be read: {error}") from None
