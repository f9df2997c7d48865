"""Running a query: candidates, ranking (see :func:`.rank.rank`), results with snippets.

An article matches when every word of the query matches somewhere (title,
ward, byline or body: :mod:`.match`), the filters allow it (:mod:`.filters`),
and no excluded word or phrase matches anywhere.

The work per keystroke stays small:

* the words of titles, wards and bylines are matched in memory;
* when at least ``limit`` articles have *every* word in their title, ward or
  byline (and nothing is excluded or filtered), they are the best results
  whatever the bodies say: SQLite only counts the rest (``count(*)``);
* otherwise one FTS5 query returns every matching article at once;
* the criteria that need another FTS5 query (typo-free, phrase in the body)
  ask it only about the candidates still in contention;
* bodies are decompressed only for the results shown (snippets, whole words)
  — and, when accents were typed, for the best :data:`ACCENT_WINDOW`
  candidates.
"""

from __future__ import annotations

import re
import sqlite3
import time
import zlib
from collections.abc import Callable
from functools import lru_cache
from itertools import islice, product

from ..library import ArticleSummary
from ..library.codec import unpack_paragraphs
from .filters import Bookmarked, allowed_rowids
from .highlight import Pattern, fast_fold, find_spans, make_snippet, occurs
from .index import SearchIndex
from .match import Fts, Matcher, TermMatch, any_of, quote
from .query import Query, parse_query
from .rank import Criterion, Key, binary, levels, newest_first, rank, score
from .results import SearchResponse, SearchResult

__all__ = ["ACCENT_WINDOW", "SearchResponse", "SearchResult", "search"]

ACCENT_WINDOW = 100
"""With accents typed, this many of the best candidates have their bodies checked."""
_PHRASE_COMBINATIONS = 16  # at most this many spellings of a phrase with corrected words

# -- the search -----------------------------------------------------------------------------
class _Search:
    """One search over one index with one connection."""

    def __init__(self, index: SearchIndex, query: Query, conn: sqlite3.Connection,
                 limit: int, bookmarked: Bookmarked, read: Bookmarked = None) -> None:
        self.index = index
        self.query = query
        self.limit = limit
        self.bookmarked = bookmarked
        self.read = read
        self.fts = Fts(index, conn, query.hints)
        self.matcher = Matcher(index, query.fields, self.fts.exists)
        self.matches: list[TermMatch] = [self.matcher.match(t) for t in query.terms]
        self.allowed: set[int] | None = None
        columns = sorted(query.fields) if query.fields is not None else None
        self.columns = "{" + " ".join(columns) + "}: " if columns else ""
        self.fuzzy = any(m.fuzzy_parts for m in self.matches)

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
    def candidates(self) -> tuple[set[int], int, bool]:
        """(candidates to rank, total, whether all have every word in their meta fields)."""
        full: set[int] | None = None
        if self.matcher.meta_fields:
            for m in sorted(self.matches, key=lambda m: len(m.strict)):
                full = set(m.strict) if full is None else full & m.strict
                if not full:
                    break
        if (full is not None and self.allowed is None and not self.query.excluded
                and len(full) >= self.limit):
            total = self.fts.count(self._expression())
            return full, max(total, len(full)), True
        found = self.fts.rowids(self._expression(), self.allowed)
        if self.fts.failed:  # titles, wards and bylines only
            found = set(self.index.rowids) if self.allowed is None else set(self.allowed)
            for m in self.matches:
                found &= m.precise | m.fuzzy
        return found, len(found), False

    # -- criteria ---------------------------------------------------------------------------
    def _fts_criterion(self, expression: Callable[[], str],
                       known: Callable[[set[int]], tuple[set[int], set[int]]]) -> Criterion:
        """A yes/no criterion partly known in memory, the rest asked of FTS5.

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
        matches = self.matches
        chosen: list[Criterion] = []
        if not all_meta and self.fuzzy:
            chosen.append(self._fts_criterion(
                lambda: self._expression(fuzzy=False), lambda group: (set(), group)))
        if not all_meta:
            everywhere = frozenset.intersection(*(m.in_meta for m in matches))
            side = frozenset.union(*(m.side for m in matches))

            def where(group: set[int]) -> list[tuple[int, set[int]]]:
                in_meta = group & everywhere
                rest = group - in_meta
                in_side = rest & side
                return [(2, in_meta), (1, in_side), (0, rest - in_side)]

            chosen.append(Criterion(where))
        if len(matches) > 1:
            chosen.append(self._phrase_criterion())
        accented = [m.accent for m in matches if m.term.accented]
        if accented:
            chosen.append(levels(accented))
        if self._whole_criterion:
            last = matches[-1]
            chosen.append(binary(lambda group: group & last.whole))  # bodies: _body_whole
        return chosen

    @property
    def _whole_criterion(self) -> bool:
        """Whether criterion 5 (whole word) is in use: the last word is unfinished."""
        if not self.matches:
            return False
        last = self.matches[-1]
        return last.term.prefix and (len(last.lasts) > 1 or last.native)

    def _phrase_criterion(self) -> Criterion:
        tokens = [t for m in self.matches for t in m.term.tokens]
        last = self.matches[-1]
        everywhere = frozenset.intersection(*(m.precise | m.fuzzy for m in self.matches))
        # The unfinished last word in the body: each alternative is a phrase query of its
        # own (~10 ms over 100,000 articles), so a known word stands for itself only.
        if last.native:
            expression = self.columns + quote(tokens) + "*"
        else:
            lasts = last.lasts[:1] if tokens[-1] in self.index.frequency else last.lasts[:2]
            expression = self.columns + any_of([quote([*tokens[:-1], w]) for w in lasts])

        in_meta_phrase: list[frozenset[int]] = []

        def meta_phrase() -> frozenset[int]:
            # Typo corrections count: "tay sonn" is a phrase in "phường Tây Sơn".
            if not in_meta_phrase:
                choices = [[(m.term.tokens, m.lasts, m.term.prefix)]
                           + [(p.tokens, p.tokens[-1:], False) for p in m.fuzzy_patterns]
                           for m in self.matches]
                found: set[int] = set()
                for combo in islice(product(*choices), _PHRASE_COMBINATIONS):
                    words = [t for own, _, _ in combo for t in own]
                    found |= self.matcher.phrase(words, combo[-1][1], combo[-1][2])
                in_meta_phrase.append(frozenset(found))
            return in_meta_phrase[0]

        def known(group: set[int]) -> tuple[set[int], set[int]]:
            in_meta = group & everywhere
            if in_meta:
                in_meta &= meta_phrase()
            return in_meta, group - everywhere

        return self._fts_criterion(lambda: expression, known)

    # -- running ------------------------------------------------------------------------------
    def run(self) -> SearchResponse:
        index, query = self.index, self.query
        self.allowed = allowed_rowids(index, query, self.bookmarked, self.read)
        if not self.matches:
            if query.empty:
                return SearchResponse([], 0, query.hints, query)
            pool = set(index.rowids) if self.allowed is None else self.allowed
            if query.excluded:
                pool -= self.fts.rowids(any_of([quote(t.tokens) for t in query.excluded]))
            best = newest_first(pool, self.limit, index.rank, index.rowids)
            return SearchResponse(self._results([((), p) for p in best]), len(pool),
                                  query.hints, query)
        found, total, all_meta = self.candidates()
        accents = any(m.term.accented for m in self.matches)
        window = max(self.limit, ACCENT_WINDOW) if accents and self.limit else self.limit
        ranked = rank(found, self.criteria(all_meta), window, index.rank, index.rowids)
        if all_meta:  # criteria 1 and 2 are decided: no typo, every word in the meta fields
            decided = (1, 2) if self.fuzzy else (2,)
            ranked = [((*decided, *key), rowid) for key, rowid in ranked]
        return SearchResponse(self._results(ranked), total, query.hints, query)

    # -- results ------------------------------------------------------------------------------
    def _results(self, ranked: list[tuple[Key, int]]) -> list[SearchResult]:
        """Summaries, highlights and snippets for ``ranked``, re-ordered by the bodies.

        ``ranked`` may be longer than the limit (with accents typed, the best
        :data:`ACCENT_WINDOW` candidates): their bodies are checked for the
        accents, then the best ``limit`` for whole words (:meth:`_body_whole`).
        """
        if not ranked:
            return []
        accented = [m for m in self.matches if m.term.accented]
        checked = ranked if accented else ranked[: self.limit]
        need_body = [r for _, r in checked if any(r not in m.in_meta for m in self.matches)]
        rows = self.fts.conn.execute(
            "SELECT rowid, id, title, ward, unit, date, author, category, source, words,"
            " CASE WHEN rowid IN (SELECT value FROM json_each(?1)) THEN body END"
            " FROM articles WHERE rowid IN (SELECT value FROM json_each(?2))",
            ("[" + ",".join(map(str, need_body)) + "]",
             "[" + ",".join(str(rowid) for _, rowid in ranked) + "]"),
        ).fetchall()
        by_rowid = {row[0]: row for row in rows}
        place = self.index.rank

        def order(item: tuple[Key, int]) -> tuple[tuple[int, ...], int]:
            return tuple(-v for v in item[0]), place[item[1]]

        keyed = [(key, rowid) for key, rowid in ranked if rowid in by_rowid]  # else deleted
        if accented:
            keyed = [(self._body_accents(key, rowid, by_rowid[rowid][10], accented), rowid)
                     for key, rowid in keyed]
            keyed.sort(key=order)
        page = keyed[: self.limit]
        bodies: dict[int, tuple[str, str]] = {}
        for _, rowid in page:
            blob = by_rowid[rowid][10]
            if blob is not None:
                text = "\n".join(p.text for p in unpack_paragraphs(blob) if p.kind != "image")
                bodies[rowid] = text, fast_fold(text)
        if self._whole_criterion and bodies:
            page = [(self._body_whole(key, rowid, bodies.get(rowid)), rowid)
                    for key, rowid in page]
            page.sort(key=order)
        patterns = [m.pattern for m in self.matches]
        fuzzy = patterns + [p for m in self.matches for p in m.fuzzy_patterns]
        together = [Pattern(tuple(t for m in self.matches for t in m.term.tokens),
                            self.matches[-1].term.prefix)] if len(self.matches) > 1 else []
        base = len(self.matches) + 2
        results = []
        for key, rowid in page:
            row = by_rowid[rowid]
            summary = ArticleSummary(*row[1:10])
            snippet = None
            if rowid in bodies:
                text, folded = bodies[rowid]
                snippet = make_snippet(text, patterns, prefer=together, folded=folded)
            results.append(SearchResult(
                summary, score(key, base),
                tuple(find_spans(summary.title, fuzzy)),
                tuple(find_spans(summary.ward_label or "", fuzzy)),
                snippet[0] if snippet else None,
                tuple(snippet[1]) if snippet else (),
            ))
        return results

    def _body_accents(self, key: Key, rowid: int, blob: bytes | None,
                      accented: list[TermMatch]) -> Key:
        """Add to the accents criterion the words found with their accents in the body.

        At ranking time accents are known for titles, wards and bylines only.
        """
        missing = [m for m in accented if rowid not in m.accent]
        if not key or blob is None or not missing:
            return key
        lowered = _lowered_body(blob)
        found = sum(1 for m in missing if _has_exact(lowered, m))
        if not found:
            return key
        slot = len(key) - (2 if self._whole_criterion else 1)
        return (*key[:slot], key[slot] + found, *key[slot + 1 :])

    def _body_whole(self, key: Key, rowid: int, body: tuple[str, str] | None) -> Key:
        """Set the whole-word criterion when the unfinished last word is whole in the body."""
        last = self.matches[-1]
        if (not key or key[-1] or body is None or rowid in last.precise
                or not occurs(body[1], Pattern(last.term.tokens))):
            return key
        return (*key[:-1], 1)


def _lowered_body(blob: bytes) -> str:
    """A body's text in lower case, for accent checks only (markup of the storage may remain).

    The stored body is zlib-compressed JSON (:mod:`wardtui.library.codec`);
    searching its text directly skips the JSON parsing, which is most of the
    cost. Anything else goes through the codec.
    """
    try:
        return zlib.decompress(blob).decode("utf-8").lower()
    except (zlib.error, UnicodeDecodeError):
        return "\n".join(p.text for p in unpack_paragraphs(blob)).lower()


def _has_exact(lowered: str, match: TermMatch) -> bool:
    """Whether ``lowered`` text has the term as typed (accents and all), as whole words."""
    exact = match.term.exact
    prefix = match.term.prefix
    if len(exact) == 1:  # str.find is several times faster than a regex here
        word = exact[0]
        start = lowered.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not lowered[start - 1].isalnum()) and (
                    prefix or end == len(lowered) or not lowered[end].isalnum()):
                return True
            start = lowered.find(word, start + 1)
        return False
    for found in _exact_regex(exact, prefix).finditer(lowered):
        if found.start() == 0 or not lowered[found.start() - 1].isalnum():
            return True
    return False


@lru_cache(maxsize=64)
def _exact_regex(words: tuple[str, ...], prefix: bool) -> re.Pattern[str]:
    # The literal first (no look-behind) lets the regex engine skip ahead.
    tail = "" if prefix else r"(?![^\W_])"
    return re.compile(r"[\W_]+".join(re.escape(w) for w in words) + tail)


def search(
    index: SearchIndex,
    query: str | Query,
    limit: int = 50,
    *,
    bookmarked: Bookmarked = None,
    read: Bookmarked = None,
) -> SearchResponse:
    """Find the best ``limit`` articles for ``query`` (see :mod:`.query` for the language).

    ``index`` is a :class:`SearchIndex`: the caller builds it once
    (:meth:`SearchIndex.build`), reuses it for every keystroke and rebuilds it
    when :meth:`SearchIndex.is_current` says the library changed; searches may run
    in any thread, each on a pooled connection. ``bookmarked`` gives the ids for
    ``is:bookmarked``, ``read`` those for ``is:read``/``is:unread``. Any string is
    a valid query: what could not be used is explained in ``hints``.
    """
    started = time.perf_counter()
    parsed = parse_query(query) if isinstance(query, str) else query
    limit = max(0, limit)
    with index.connection() as library:
        response = _Search(index, parsed, library.conn, limit, bookmarked, read).run()
    response.seconds = time.perf_counter() - started
    return response
