"""The page of results: each article's summary, score, highlighted spans and snippet.

:func:`page_results` turns the ranked rowids of one page, with the rows read for
them (summary columns, and the packed body of the ones matched in their bodies),
into :class:`.results.SearchResult`: the title and ward spans of the query's words
(typo corrections too) and, for a body match, one line of the body around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..library import ArticleSummary
from ..library.codec import unpack_paragraphs
from .highlight import Pattern, fast_fold, find_spans, make_snippet
from .match import TermMatch
from .rank import Key, score
from .results import SearchResult

__all__ = ["page_results"]


def page_results(page: Sequence[tuple[Key, int]], by_rowid: dict[int, Any],
                 matches: Sequence[TermMatch], in_meta: set[int] | None
                 ) -> list[SearchResult]:
    """The results of ``page`` (``(key, rowid)``, best first); ``by_rowid[rowid]`` is
    ``(rowid, date, packed body or None, *summary columns)``; ``in_meta`` the articles
    with every word in their title, ward or byline (no snippet)."""
    patterns = [m.pattern for m in matches]
    fuzzy = patterns + [p for m in matches for p in m.fuzzy_patterns]
    together = [Pattern(tuple(t for m in matches for t in m.term.tokens),
                        matches[-1].term.prefix)] if len(matches) > 1 else []
    base = len(matches) * 2 + 4
    in_meta = in_meta if in_meta is not None else set()
    results = []
    for key, rowid in page:
        row = by_rowid[rowid]
        summary = ArticleSummary(*row[3:])
        snippet = None
        if row[2] is not None and patterns and rowid not in in_meta:  # a body match
            text = "\n".join(p.text for p in unpack_paragraphs(row[2]) if p.kind != "image")
            snippet = make_snippet(text, patterns, prefer=together, folded=fast_fold(text))
        results.append(SearchResult(
            summary, score(key, base),
            tuple(find_spans(summary.title, fuzzy)),
            tuple(find_spans(summary.ward_label or "", fuzzy)),
            snippet[0] if snippet else None,
            tuple(snippet[1]) if snippet else (),
        ))
    return results
