"""Search: the query language, matching and ranking over a library, highlights.

Knows nothing of Textual. The entry point is :func:`search`::

    index = SearchIndex.build(library)          # once per library, again after a sync
    response = search(index, "dan van kheo")    # each keystroke, from any thread
    response.results[0].summary.title, response.total, response.hints

In the app: build the index in a thread worker on a connection of its own
(``SearchIndex.build(library.reopen())``, about 2 s for 100,000 articles),
then run each search in an ``@work(thread=True, exclusive=True)`` worker and
drop a response whose query is no longer the one in the search bar. Pass
``bookmarked=store.ids`` (a callable: read only when the query says
``is:bookmarked``).

:data:`QUERY_HELP` describes the query language for the help screen and the
README; :func:`highlight_spans` gives the reader what to highlight in an
article (and so where ``n`` / ``N`` go).

Modules: :mod:`.query` (the language), :mod:`.index` (the in-memory index),
:mod:`.match` (one word: memory and FTS5), :mod:`.filters` (fields),
:mod:`.rank` (the ranking rule), :mod:`.highlight` (spans, snippets),
:mod:`.engine` (putting it together), :mod:`.results` (what it returns).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import search
    from .filters import Bookmarked
    from .highlight import Pattern, find_spans, highlight_spans, make_snippet
    from .index import SearchIndex
    from .match import PREFIX_EXPANSIONS
    from .query import QUERY_HELP, DateRange, FieldFilter, Query, Term, parse_query
    from .results import SearchResponse, SearchResult

# Each name is imported from its module on first use, so that what needs only the query
# language (``wardtui search -h``, the other subcommands' parsers) does not load the
# index, the engine or rapidfuzz.
_HOMES = {
    "search": "engine", "Bookmarked": "filters", "Pattern": "highlight",
    "find_spans": "highlight", "highlight_spans": "highlight", "make_snippet": "highlight",
    "SearchIndex": "index", "PREFIX_EXPANSIONS": "match", "QUERY_HELP": "query",
    "DateRange": "query", "FieldFilter": "query", "Query": "query", "Term": "query",
    "parse_query": "query", "SearchResponse": "results", "SearchResult": "results",
}

__all__ = [
    "PREFIX_EXPANSIONS",
    "QUERY_HELP",
    "Bookmarked",
    "DateRange",
    "FieldFilter",
    "Pattern",
    "Query",
    "SearchIndex",
    "SearchResponse",
    "SearchResult",
    "Term",
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
