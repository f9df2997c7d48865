"""Search: the query language, matching and ranking over a library, highlights.

Knows nothing of Textual. The entry point is :func:`search`::

    index = SearchIndex.build(library)          # once per library: milliseconds
    response = search(index, "dan van kheo")    # each keystroke, from any thread
    response.results[0].summary.title, response.total, response.hints
    search(index, "dan van kheo", 50, offset=50).position()   # "51-100 of 3,626"

The index keeps nothing of the library in memory: it asks the cache (SQLite,
with the search's own tables, :mod:`wardtui.library.search_tables`) and follows
syncs by itself. In the app, run each search in an ``@work(thread=True,
exclusive=True)`` worker and drop a response whose query is no longer the one
in the search bar. Pass ``sets={"bookmarked": store.ids}`` (a callable: read
only when the query says ``is:bookmarked``; ``"read"`` likewise for
``is:read`` / ``is:unread``). ``response.state`` tells results from "no
results", "type more" (one letter typed) and "empty".

:data:`QUERY_HELP` describes the query language for the help screen and the
README; :func:`highlight_spans` gives the reader what to highlight in an
article (and so where ``n`` / ``N`` go).

Modules: :mod:`.query` (the language), :mod:`.index` (the handle on the cache),
:mod:`.match` (one word, in FTS5), :mod:`.accents` (marks off), :mod:`.filters`
(fields), :mod:`.rank` (the ranking rule), :mod:`.highlight` (spans, snippets),
:mod:`.bodies` (checks on bodies), :mod:`.engine` (putting it together),
:mod:`.results` (what it returns).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import search
    from .filters import Bookmarked, IdSet, IdSets
    from .highlight import Pattern, find_spans, make_snippet
    from .index import SearchIndex
    from .marks import article_spans, highlight_spans
    from .match import PREFIX_EXPANSIONS
    from .query import QUERY_HELP, DateRange, FieldFilter, Query, Term, parse_query
    from .results import TYPE_MORE, SearchResponse, SearchResult
    from .stop import SearchStopped, Stop

# Each name is imported from its module on first use, so that what needs only the query
# language (``wardtui search -h``, the other subcommands' parsers) does not load the
# index, the engine or rapidfuzz.
_HOMES = {
    "search": "engine", "Bookmarked": "filters", "Pattern": "highlight",
    "find_spans": "highlight", "highlight_spans": "marks", "article_spans": "marks",
    "make_snippet": "highlight",
    "SearchIndex": "index", "PREFIX_EXPANSIONS": "match", "QUERY_HELP": "query",
    "DateRange": "query", "FieldFilter": "query", "Query": "query", "Term": "query",
    "parse_query": "query", "SearchResponse": "results", "SearchResult": "results",
    "TYPE_MORE": "results", "IdSet": "filters", "IdSets": "filters",
    "SearchStopped": "stop", "Stop": "stop",
}

__all__ = [
    "PREFIX_EXPANSIONS",
    "QUERY_HELP",
    "TYPE_MORE",
    "Bookmarked",
    "DateRange",
    "FieldFilter",
    "IdSet",
    "IdSets",
    "Pattern",
    "Query",
    "SearchIndex",
    "SearchResponse",
    "SearchResult",
    "SearchStopped",
    "Stop",
    "Term",
    "article_spans",
    "find_spans",
    "highlight_spans",
    "make_snippet",
    "parse_query",
    "search",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
