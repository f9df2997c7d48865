"""The page of results: each article's summary, score, highlighted spans and snippet.

:func:`ranked_page` reads the rows of a search's page (and of the best candidates
whose bodies settle their order: accents, the last word whole) and re-orders those.
:func:`page_results` turns the ranked rowids of one page, with the rows read for
them (summary columns, and the packed body of the ones matched in their bodies),
into :class:`.results.SearchResult`: the title and ward spans of the query's words
(typo corrections too) and, for a body match, one line of the body around it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..library import ArticleSummary
from ..library.codec import unpack_paragraphs
from ..library.model import SUMMARY_COLUMNS
from .bodies import accents_in_body
from .highlight import Pattern, fast_fold, find_spans, make_snippet
from .index import as_json
from .match import TermMatch
from .rank import Key, score
from .results import SearchResult

if TYPE_CHECKING:
    from .engine import _Search

__all__ = ["ACCENT_WINDOW", "WHOLE_WINDOW", "page_results", "ranked_page"]

ACCENT_WINDOW = 100
"""With accents typed, this many of the best candidates have their bodies checked."""
WHOLE_WINDOW = 50
"""With an unfinished last word, this many of the best have their bodies checked for it whole."""


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


def ranked_page(s: _Search, ranked: list[tuple[Key, int]]) -> list[SearchResult]:
    """The results of search ``s`` from its ``offset`` (summaries, highlights, snippets),
    the best re-ordered.

    The best :data:`ACCENT_WINDOW` candidates (accents typed) have their bodies
    checked for the accents, the best :data:`WHOLE_WINDOW` for the unfinished
    last word whole; they are re-ordered, the rest keep the rank's order.
    """
    if not ranked or not s.limit:
        return []
    accented = [m for m in s.matches if m.exact]
    head_size = max(ACCENT_WINDOW if accented else 0,
                    WHOLE_WINDOW if s._whole_criterion else 0)
    head = ranked[:head_size]
    head_ids = [rowid for _, rowid in head]
    page_ids = {rowid for _, rowid in ranked[s.offset : s.wanted]}
    in_meta = s.in_meta if s.in_meta is not None else set()
    need_body = {r for r in page_ids if r not in in_meta}  # for a snippet
    if accented:  # the rows whose titles, wards and bylines lack some accents as typed
        need_body.update(r for r in head_ids if any(
            r not in s.accent_sets.get(i, (set(), set()))[0]
            for i, m in enumerate(s.matches) if m.exact))
    whole: set[int] = set()
    if s._whole_criterion and head_ids:  # the unfinished word whole, bodies too
        whole = s.fts.rowids(s.columns + s.matches[-1].whole(), set(head_ids[:WHOLE_WINDOW]))
    rows = s.fts.conn.execute(
        f"SELECT rowid, date, CASE WHEN rowid IN (SELECT value FROM json_each(?1))"
        f" THEN body END, {SUMMARY_COLUMNS}"
        " FROM articles WHERE rowid IN (SELECT value FROM json_each(?2))",
        (as_json(need_body), as_json(page_ids.union(head_ids))),
    ).fetchall()
    by_rowid = {row[0]: row for row in rows}
    if head:
        adjusted: list[tuple[Key, int]] = []
        for key, rowid in head:
            blob = by_rowid[rowid][2] if rowid in by_rowid else None
            if accented and blob is not None:
                key = accents_in_body(key, rowid, blob, s.matches, s.accent_sets,
                                      s._whole_criterion)
            if key and not key[-1] and rowid in whole:
                key = (*key[:-1], 1)
            adjusted.append((key, rowid))
        adjusted.sort(key=lambda item: (by_rowid[item[1]][1] or "", item[1])
                      if item[1] in by_rowid else ("", item[1]), reverse=True)
        adjusted.sort(key=lambda item: tuple(-v for v in item[0]))
        ranked = adjusted + ranked[head_size:]
    page = [(key, rowid) for key, rowid in ranked[s.offset : s.wanted]
            if rowid in by_rowid]
    return page_results(page, by_rowid, s.matches, s.in_meta)
