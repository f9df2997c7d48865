"""Running a query: candidates, ranking (see :func:`.rank.rank`), a page of results.

An article matches when every word of the query matches somewhere (title,
ward, byline or body: :mod:`.match`), the filters allow it (:mod:`.filters`),
and no excluded word or phrase matches anywhere. Everything is asked of SQLite
inside one read transaction, so a search sees one state of the library even
while a sync writes it.

The work per search stays small:

* the words of titles, wards and bylines come from the full-text index, one
  ``group_concat`` query per word (and its corrections), cached between keystrokes;
* when at least the wanted number of articles have *every* word in their title,
  ward or byline (and nothing is excluded or filtered), they are the best results
  whatever the bodies say: SQLite only counts the rest (``count(*)``);
* otherwise one FTS5 query returns every matching article at once;
* the criteria that need another FTS5 query (typo-free, phrase in the body)
  ask it only about the candidates still in contention;
* "newest first" reads the date index as far as needed (:meth:`.index.SearchIndex.newest`);
* what the next step reads is read ahead on other connections in the same state of the
  library (:meth:`.fts.Fts.prefetch`, :meth:`.fts.Fts.count_soon`): the sets that rank and
  the total while the candidates are found, every body match while the sets that rank
  them are read; SQLite works there without the GIL; a :class:`.stop.Stop` ends it all;
* bodies are decompressed only for the page shown (snippets) and the best
  :data:`ACCENT_WINDOW` / :data:`WHOLE_WINDOW` candidates (accents, whole words).

Pages: ``search(..., offset=...)`` ranks the best ``offset + limit``, the order not by page.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from functools import partial
from itertools import islice, product

from .filters import IdSet, IdSets, allowed_rowids
from .fts import Counting
from .index import SearchIndex, Vocabulary
from .match import SQL_FILTER_MAX, Fts, Matcher, TermMatch, any_of, quote
from .page import ACCENT_WINDOW, WHOLE_WINDOW, ranked_page
from .query import Query, parse_query
from .rank import Criterion, Key, Parts, binary, levels, rank
from .results import SearchResponse, SearchResult
from .stop import Stop, stopping

__all__ = ["ACCENT_WINDOW", "WHOLE_WINDOW", "SearchResponse", "SearchResult", "search"]

_PHRASE_COMBINATIONS = 16  # at most this many spellings of a phrase with corrected words


class _Search:
    """One search over one index with one connection (in a read transaction)."""

    def __init__(self, index: SearchIndex, query: Query, conn: sqlite3.Connection,
                 limit: int, offset: int, sets: IdSets, by_date: bool = False,
                 wait_total: bool = True) -> None:
        self.by_date = by_date  # newest first instead of by relevance
        self.wait_total = wait_total  # else the page may come before its total
        self.counting: tuple[Counting, int] | None = None  # a total counted meanwhile
        self.index = index
        self.query = query
        self.limit = limit
        self.offset = offset
        self.sets = sets
        self.stamp = index.begin(conn)
        self.size = index.count(conn)
        self.fts = Fts(index, conn, query.hints)
        self.newest = partial(index.newest, conn)
        self._vocabulary: Vocabulary | None = None
        self.matcher = Matcher(index, query.fields, self.fts, self.vocabulary, self.size)
        self.matches: list[TermMatch] = [self.matcher.match(t) for t in query.terms]
        self.allowed: set[int] | None = None
        self.in_meta: set[int] | None = None  # every word in a title, ward or byline
        self.accent_sets: dict[int, tuple[set[int], set[int]]] = {}  # term: (exact, close)
        columns = sorted(query.fields) if query.fields is not None else None
        self.columns = "{" + " ".join(columns) + "}: " if columns else ""
        self.fuzzy = any(m.fuzzy_parts for m in self.matches)
        self._main_set: set[int] | None = None
        self._meta_sets: tuple[set[int], set[int]] | None = None

    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = self.index.vocabulary(self.fts.conn, self.stamp)
        return self._vocabulary

    @property
    def wanted(self) -> int:
        return self.offset + self.limit

    # -- expressions ----------------------------------------------------------------------
    def _expression(self, *, fuzzy: bool = True) -> str:
        """Every word (``fuzzy``: or its typo corrections, in meta) and no excluded one."""
        parts = []
        for m in self.matches:
            own = self.columns + m.fts()
            if fuzzy and m.fuzzy_parts and self.matcher.meta_fields:
                meta = "{" + " ".join(self.matcher.meta_fields) + "}: "
                own = any_of([own, meta + any_of(m.fuzzy_parts)])
            parts.append(own)
        expression = " AND ".join(parts)
        if self.query.excluded:
            excluded = any_of([quote(t.tokens) for t in self.query.excluded])
            expression = f"({expression}) NOT {excluded}"
        return expression

    # -- candidates -------------------------------------------------------------------------
    def candidates(self) -> tuple[set[int], Callable[[], int], bool]:
        """(candidates to rank, their total (a function: it may be counted meanwhile),
        whether all have every word in their meta fields)."""
        matcher = self.matcher
        if not self.by_date:  # what the criteria read, read meanwhile on other connections
            if matcher.main_fields:
                self.fts.prefetch(matcher.every_expression(self.matches, matcher.main_fields),
                                  "search_meta", self.stamp)
            if self._whole_criterion and matcher.meta_fields:
                self.fts.prefetch(self._whole_expression(), "search_meta", self.stamp)
        counted = self.fts.count_soon(self._expression(), self.stamp) if (  # stopped if unused
            matcher.meta_fields and self.allowed is None and not self.query.excluded
            and not self.by_date) else None
        full: set[int] | None = None
        if matcher.meta_fields:
            full = matcher.every(self.matches, matcher.meta_fields, fuzzy=False)
        if counted is not None and full is not None and len(full) >= self.wanted:
            self.in_meta = full
            least = len(full)
            self.counting = (counted, least)
            return full, lambda: max(counted(), least), True
        if counted is not None:
            counted.cancel()
        if not self.by_date:  # every match read elsewhere while this reads what ranks them
            if self.allowed is None or len(self.allowed) > SQL_FILTER_MAX:
                self.fts.prefetch(self._expression(), "fts", self.stamp)
            self._main()
            self._everywhere_and_side()
        found = self.fts.rowids(self._expression(), self.allowed)
        if self.fts.failed:  # titles, wards and bylines only
            found = matcher.every(self.matches, matcher.meta_fields, gated=False)
            if self.allowed is not None:
                found &= self.allowed
        size = len(found)
        return found, lambda: size, False

    # -- criteria ---------------------------------------------------------------------------
    def _fts_criterion(self, expression: Callable[[], str],
                       known: Callable[[set[int]], tuple[set[int], set[int]]]) -> Criterion:
        """A yes/no criterion partly known already, the rest asked of FTS5.

        ``known(group)`` gives (members known, candidates still unknown); the
        unknown ones of all contenders are looked up in one FTS5 query, inside
        SQLite when they are few.
        """
        found: set[int] = set()

        def prepare(contenders: set[int]) -> None:
            unknown = known(contenders)[1]
            if unknown:
                found.update(self.fts.rowids(expression(), unknown))

        def members(group: set[int]) -> set[int]:
            have, unknown = known(group)
            return have | (unknown & found)

        return binary(members, prepare)

    def criteria(self, all_meta: bool) -> list[Criterion]:
        """The criteria of :func:`.rank.rank` that can tell these candidates apart."""
        matches, matcher = self.matches, self.matcher
        chosen: list[Criterion] = []
        if not all_meta and self.fuzzy:
            chosen.append(self._fts_criterion(
                lambda: self._expression(fuzzy=False), lambda group: (set(), group)))
        main = self._main()
        side: set[int] = set()
        everywhere: set[int] = set()
        if all_meta:
            chosen.append(binary(lambda group: group & main))
        else:
            everywhere, side = self._everywhere_and_side()
            self.in_meta = everywhere

            def where(group: set[int]) -> Parts:
                in_main = group & main
                yield 2, in_main
                in_meta = (group & everywhere) - in_main
                yield 1, in_meta
                yield 0, group - in_main - in_meta

            chosen.append(Criterion(where))
        if len(matches) > 1:
            chosen.append(self._phrase_criterion())
        if side:  # splits only the rest: every word in a title, ward or byline counts as in
            side_or_meta = side | everywhere
            chosen.append(binary(lambda group: group & side_or_meta))
        if any(m.exact for m in matches):
            chosen.append(self._accent_criterion())
        if self._whole_criterion:
            whole = self.fts.rowids(self._whole_expression(), table="search_meta") \
                if matcher.meta_fields else set()
            chosen.append(binary(lambda group: group & whole))  # bodies: _page
        return chosen

    def _main(self) -> set[int]:
        """Criterion 2's best: every word in a title or ward (read once per search)."""
        if self._main_set is None:
            self._main_set = self.matcher.every(self.matches, self.matcher.main_fields)
        return self._main_set

    def _everywhere_and_side(self) -> tuple[set[int], set[int]]:
        """Every word in a title, ward or byline; some word in a ward or byline."""
        if self._meta_sets is None:
            matcher = self.matcher
            self._meta_sets = (matcher.every(self.matches, matcher.meta_fields),
                               matcher.some(self.matches, matcher.side_fields))
        return self._meta_sets

    def _whole_expression(self) -> str:
        """The unfinished last word taken whole, in titles, wards and bylines."""
        return self.matcher._columns(self.matcher.meta_fields) + self.matches[-1].whole()

    def _accent_criterion(self) -> Criterion:
        """How many words typed with accents have them (2) or one mark left out (1)."""
        sets: list[frozenset[int]] = []

        def prepare(contenders: set[int]) -> None:
            for i, m in enumerate(self.matches):
                if m.exact:
                    exact, close = self.matcher.accents(m, contenders)
                    self.accent_sets[i] = (exact, close)
                    sets.extend([frozenset(exact), frozenset(close)])

        return Criterion(lambda group: levels(sets).split(group), prepare)

    @property
    def _whole_criterion(self) -> bool:
        """Whether criterion 5 (whole word) is in use: the last word is unfinished."""
        if not self.matches:
            return False
        last = self.matches[-1]
        return last.term.prefix and (len(last.lasts) > 1 or last.native)

    def _phrase_criterion(self) -> Criterion:
        matcher = self.matcher
        tokens = [t for m in self.matches for t in m.term.tokens]
        last = self.matches[-1]
        everywhere = matcher.every(self.matches, matcher.meta_fields, gated=False)
        # The unfinished last word in the body: each alternative is a phrase query of its
        # own (~10 ms over 100,000 articles), so a known word stands for itself only.
        if last.native:
            expression = self.columns + quote(tokens) + "*"
        else:
            known_word = tokens[-1] in self.vocabulary().frequency
            lasts = last.lasts[:1] if known_word else last.lasts[:2]
            expression = self.columns + any_of([quote([*tokens[:-1], w]) for w in lasts])

        in_meta_phrase: list[set[int]] = []

        def meta_phrase() -> set[int]:
            # Typo corrections count: "tay sonn" is a phrase in "phường Tây Sơn".
            if not in_meta_phrase:
                choices = [[(m.term.tokens, m.term.prefix)]
                           + [(p.tokens, False) for p in m.fuzzy_patterns]
                           for m in self.matches]
                whole: list[list[str]] = []
                unfinished: list[list[str]] = []
                for combo in islice(product(*choices), _PHRASE_COMBINATIONS):
                    words = [t for own, _ in combo for t in own]
                    (unfinished if combo[-1][1] else whole).append(words)
                in_meta_phrase.append(matcher.phrase(whole, False)
                                      | matcher.phrase(unfinished, True))
            return in_meta_phrase[0]

        def known(group: set[int]) -> tuple[set[int], set[int]]:
            in_meta = group & everywhere
            if in_meta:
                in_meta &= meta_phrase()
            return in_meta, group - everywhere

        return self._fts_criterion(lambda: expression, known)

    # -- running ------------------------------------------------------------------------------
    def run(self) -> SearchResponse:
        query = self.query
        self.allowed = allowed_rowids(self.index, self.fts, query, self.sets)
        if not self.matches:
            if not (query.filters or query.flags or query.excluded):
                return self._response([], 0)
            pool = self.index.all_rowids(self.fts.conn) if self.allowed is None \
                else self.allowed
            if query.excluded:
                pool -= self.fts.rowids(any_of([quote(t.tokens) for t in query.excluded]))
            best = self.newest(pool, self.wanted)
            return self._response(self._page([((), p) for p in best]), len(pool))
        found, total, all_meta = self.candidates()
        if self.by_date:  # every match, newest first
            return self._response(self._page([((), p) for p in self.newest(found, self.wanted)]),
                                  total())
        accents = any(m.term.accented for m in self.matches)
        window = max(self.wanted, ACCENT_WINDOW if accents else 0,
                     WHOLE_WINDOW if self._whole_criterion else 0) if self.limit else 0
        ranked = rank(found, self.criteria(all_meta), window, self.newest)
        if all_meta:  # criteria 1 and 2 are decided: no typo, every word in the meta fields
            ranked = [((1, 2, *key) if self.fuzzy else (2, *key), rowid) for key, rowid in ranked]
        return self._finish(self._page(ranked), total)

    def _response(self, results: list[SearchResult], total: int) -> SearchResponse:
        return SearchResponse(results, total, self.query.hints, self.query, offset=self.offset)

    def _page(self, ranked: list[tuple[Key, int]]) -> list[SearchResult]:
        return ranked_page(self, ranked)

    def _finish(self, results: list[SearchResult], total: Callable[[], int]) -> SearchResponse:
        """The response; without :attr:`wait_total`, while the total is still being
        counted, with a lower bound and the count to finish (``response.counting``)."""
        if self.wait_total or self.counting is None or self.counting[0].ready():
            return self._response(results, total())
        counted, least = self.counting
        response = self._response(results, least)
        response.counting = counted.detached(least)
        return response

def search(
    index: SearchIndex,
    query: str | Query,
    limit: int = 50,
    *,
    offset: int = 0,
    bookmarked: IdSet = None,
    read: IdSet = None,
    sets: IdSets | None = None,
    by_date: bool = False,
    stop: Stop | None = None,
    wait_total: bool = True,
) -> SearchResponse:
    """The results ``offset`` to ``offset + limit`` for ``query`` (see :mod:`.query`).

    ``index`` is a :class:`SearchIndex`: the caller builds it once (:meth:`SearchIndex.build`)
    and reuses it for every keystroke; it follows syncs by itself. Searches may run in
    any thread, each on a pooled connection. ``bookmarked`` and ``read`` give the ids for
    ``is:bookmarked`` and ``is:read``/``is:unread`` (a collection, or a function called
    only when the query needs it); ``sets`` the same by name. Any string is a valid query:
    what could not be used is explained in ``hints``; a query of one letter gives no
    results and ``response.state == "type more"``. ``by_date``: the matches newest first.
    ``stop``: :meth:`.stop.Stop.stop` (any thread) ends it at once (:class:`.stop.SearchStopped`).
    ``wait_total=False``: when the page is ready before the total (still counted on another
    connection), return it at once: ``response.total`` is then a lower bound and
    ``response.counting()`` waits for the total (see :class:`.results.SearchResponse`).
    """
    started = time.perf_counter()
    parsed = parse_query(query) if isinstance(query, str) else query
    limit, offset = max(0, limit), max(0, offset)
    given = dict(sets or {})
    for name, ids in (("bookmarked", bookmarked), ("read", read)):
        if ids is not None:
            given.setdefault(name, ids)
    if parsed.too_short:
        response = SearchResponse([], 0, parsed.hints, parsed, offset=offset, state="type more")
    else:
        with stopping(stop), index.connection() as library:
            response = _Search(index, parsed, library.conn, limit, offset, given,
                               by_date, wait_total).run()
    response.seconds = time.perf_counter() - started
    return response
