"""Matching one query word (or phrase) in SQLite: forgiving in titles, wards and bylines.

:class:`Matcher`, over the vocabulary of titles, wards and bylines
(:class:`.index.Vocabulary`) and the full-text tables of the cache:

* a word matches the same folded word; an unfinished last word also the
  :data:`PREFIX_EXPANSIONS` commonest words it starts (``kh`` → ``khoi``,
  ``khai``, ``kheo``…);
* a word that no title, ward or byline has is corrected: the words at most
  :func:`.highlight.typo_budget` typos away (rapidfuzz, OSA distance, over the
  pre-folded vocabulary with ``processor=None``), or two words it glues
  together (``tayson`` → ``tay son``);
* a phrase matches where its words follow each other in one field;
* a word typed with accents is looked up as written in ``search_exact``; the
  spellings one mark away (``hôi``: ``hội``, ``hơi``) are *close*.

The articles of a word come from FTS5 (:class:`Fts`): an expression in which
every token is double-quoted — the tokens are runs of letters and digits, so
they never hold a quote — and the typo corrections apply to the title, ward and
author columns only: bodies are matched precisely.
"""

from __future__ import annotations

import heapq
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..vntext import has_diacritics
from .accents import marks_off
from .highlight import Pattern, typo_budget
from .index import META_FIELDS, SearchIndex, Vocabulary, as_json
from .query import Term

__all__ = [
    "FUZZY_CHOICES",
    "NATIVE_PREFIX_MAX",
    "PREFIX_EXPANSIONS",
    "SQL_FILTER_MAX",
    "Fts",
    "Matcher",
    "TermMatch",
    "any_of",
    "quote",
]

PREFIX_EXPANSIONS = 8
"""An unfinished last word stands for itself and this many of the commonest words it starts."""
FUZZY_CHOICES = 6
"""At most this many typo corrections per word."""
NATIVE_PREFIX_MAX = 20_000
"""In a library of at most this many articles, an unfinished word is asked of FTS5 as ``"w"*``."""
SQL_FILTER_MAX = 5000
"""A filter allowing at most this many articles (or half the library) is applied in SQLite."""
_CACHED_SET_MAX = 50_000


def quote(tokens: Sequence[str]) -> str:
    """An FTS5 string (a phrase) for folded tokens: ``"giai phong"``."""
    return '"' + " ".join(tokens) + '"'


def any_of(parts: Sequence[str]) -> str:
    """FTS5 alternatives: ``part`` or ``(a OR b)``."""
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


@dataclass(frozen=True, slots=True)
class TermMatch:
    """What one query term matches.

    Sets of rowids, over the titles, wards and bylines allowed by ``in:``:
    ``precise`` without typo, ``whole`` with an unfinished last word matched
    whole, ``fuzzy`` only through a typo correction, ``accent`` with the accents
    as typed, ``side`` in the ward or byline (not the title). ``lasts`` are the
    meta words the last token stands for (itself first); with ``native``, the
    body is asked for every word the last token starts (FTS5 ``"tok"*``).
    """

    term: Term
    lasts: tuple[str, ...]
    native: bool
    precise: frozenset[int]
    whole: frozenset[int]
    fuzzy: frozenset[int]
    accent: frozenset[int]
    close: frozenset[int]  # every accented word as typed or one mark off
    side: frozenset[int]
    main: frozenset[int]  # found in the title or the ward (not only the byline)
    in_meta: frozenset[int]  # found in the meta fields, for ranking (see Matcher.match)
    strict: frozenset[int]  # ... without typo, with the accents as typed
    fuzzy_parts: tuple[str, ...]  # FTS5 strings of the corrections
    fuzzy_patterns: tuple[Pattern, ...]  # the corrections, for highlights

    @property
    def pattern(self) -> Pattern:
        return Pattern(self.term.tokens, self.term.prefix)

    def fts(self) -> str:
        """The precise FTS5 expression: every token quoted, the last one expanded."""
        head = self.term.tokens[:-1]
        if self.native:
            return quote(self.term.tokens) + "*"
        return any_of([quote([*head, word]) for word in self.lasts])


class Matcher:
    """Builds :class:`TermMatch` objects for one search; results are cached on the index.

    ``fts`` asks SQLite; ``vocabulary`` and ``size`` describe the library as the
    search sees it.
    """

    def __init__(self, index: SearchIndex, fields: frozenset[str] | None, fts: Fts,
                 vocabulary: Callable[[], Vocabulary], size: int) -> None:
        self.index = index
        self.meta_fields = tuple(f for f in META_FIELDS if fields is None or f in fields)
        self.cache = index.cache
        self.fts = fts
        self._vocabulary = vocabulary
        self.size = size

    @property
    def vocabulary(self) -> Vocabulary:
        return self._vocabulary()

    def _in_body(self, token: str, prefix: bool) -> bool:
        # A prefix query costs too much in a big library (see expansions): the word itself.
        return self.fts.exists(token, prefix and self.size <= NATIVE_PREFIX_MAX)

    @staticmethod
    def _columns(fields: Sequence[str]) -> str:
        return "{" + " ".join(fields) + "}: "

    def _postings(self, words: Iterable[str], fields: Sequence[str] | None = None) -> set[int]:
        fields = self.meta_fields if fields is None else fields
        words = list(words)
        if not fields or not words:
            return set()
        return self.fts.rowids(self._columns(fields) + any_of([quote([w]) for w in words]))

    def _exact(self, words: Sequence[str], prefix: bool, among: set[int]) -> set[int]:
        """The rowids of ``among`` whose titles, wards or bylines have one of ``words``
        as written (lower case; with ``prefix``, a word it starts)."""
        if not among or not self.meta_fields:
            return set()
        parts = [quote([w]) + ("*" if prefix else "") for w in words]
        return self.fts.rowids(self._columns(self.meta_fields) + any_of(parts), among,
                               table="search_exact")

    def expansions(self, token: str) -> tuple[tuple[str, ...], bool]:
        """The words an unfinished ``token`` stands for, and whether to ask FTS5 for all.

        In a library of up to :data:`NATIVE_PREFIX_MAX` articles the token stands
        for every meta word it starts, and the body is asked for ``"token"*``.
        In a bigger one, an FTS5 prefix query over a common word costs tens of
        milliseconds, so the token stands for itself and the
        :data:`PREFIX_EXPANSIONS` commonest meta words it starts, each asked by
        name (titles, wards and bylines use most of a library's common words).
        """
        vocabulary = self.vocabulary
        words = [w for w in vocabulary.starting(token) if w != token]
        if self.size <= NATIVE_PREFIX_MAX:
            return (token, *words), True
        return (token, *heapq.nlargest(PREFIX_EXPANSIONS, words,
                                       key=vocabulary.frequency.__getitem__)), False

    def corrections(self, token: str, prefix: bool) -> list[str]:
        """Meta words a typo or two away, for a word found nowhere."""
        budget = typo_budget(token)
        if not budget or token in self.vocabulary.frequency or self._in_body(token, prefix):
            return []
        vocabulary = self.vocabulary
        choices = process.extract(
            token, vocabulary.words, scorer=OSA.distance, processor=None,
            score_cutoff=budget, limit=FUZZY_CHOICES * 4,
        )
        frequency = vocabulary.frequency
        choices.sort(key=lambda c: (c[1], -frequency[c[0]]))
        return [c[0] for c in choices[:FUZZY_CHOICES]]

    def splits(self, token: str, prefix: bool) -> list[tuple[str, str]]:
        """Two meta words that a word typed without its space may be (``tayson``)."""
        frequency = self.vocabulary.frequency
        if len(token) < 4 or token in frequency or self._in_body(token, prefix):
            return []
        return [(token[:i], token[i:]) for i in range(2, len(token) - 1)
                if token[:i] in frequency and token[i:] in frequency][:2]

    def phrase(self, tokens: Sequence[str], lasts: Sequence[str], prefix: bool,
               fields: Sequence[str] | None = None) -> frozenset[int]:
        """The rowids where ``tokens`` follow each other in one meta field.

        The last token is one of ``lasts``; with ``prefix``, any word the last
        token starts.
        """
        fields = self.meta_fields if fields is None else tuple(fields)
        if not fields:
            return frozenset()
        if prefix:
            expression = quote(tokens) + "*"
        else:
            expression = any_of([quote([*tokens[:-1], word]) for word in lasts])
        return frozenset(self.fts.rowids(self._columns(fields) + expression))

    def _close(self, term: Term, precise: set[int]) -> tuple[set[int], set[int]]:
        """(exact, close): the articles of ``precise`` with the accents as typed, and
        those with every accented word at most one mark off (exact included)."""
        exact = set(precise)
        close = set(precise)
        last = len(term.tokens) - 1
        for i, (word, folded) in enumerate(zip(term.exact, term.tokens, strict=True)):
            if not has_diacritics(word) or not (exact or close):
                continue
            prefix = term.prefix and i == last
            if exact:
                exact = self._exact([word], prefix, exact)
            if prefix:  # an unfinished word: only as typed
                close = self._exact([word], True, close)
                continue
            near = [w for w in self.vocabulary.spellings.get(folded, ())
                    if marks_off(word, w) <= 1]
            close = self._exact(near, False, close) if near else set()
        return exact, close | exact

    def match(self, term: Term) -> TermMatch:
        """What ``term`` matches (cached on the index)."""
        key = ("term", term.tokens, term.exact, term.prefix, self.meta_fields)
        cached = self.cache.get(key)
        if cached is not None:
            return cast(TermMatch, cached)
        tokens = term.tokens
        last = tokens[-1]
        lasts, native = self.expansions(last) if term.prefix else ((last,), False)
        fuzzy: set[int] = set()
        parts: list[str] = []
        patterns: list[Pattern] = []
        side_fields = [f for f in self.meta_fields if f != "title"]
        main_fields = [f for f in self.meta_fields if f != "author"]
        if term.single:
            precise = self._postings(lasts)
            whole = self._postings([last]) if term.prefix else precise
            side = self._postings(lasts, side_fields)
            main = self._postings(lasts, main_fields)
            correct = not precise and bool(self.meta_fields)  # in:body: no corrections
            for word in self.corrections(last, term.prefix) if correct else []:
                fuzzy.update(self._postings([word]))
                side.update(self._postings([word], side_fields))
                main.update(self._postings([word], main_fields))
                parts.append(quote([word]))
                patterns.append(Pattern((word,)))
            for pair in self.splits(last, term.prefix) if correct and not fuzzy else []:
                fuzzy.update(self.phrase(pair, pair[1:], False))
                side.update(self.phrase(pair, pair[1:], False, side_fields))
                main.update(self.phrase(pair, pair[1:], False, main_fields))
                parts.append(quote(pair))
                patterns.append(Pattern(pair))
        else:
            precise = set(self.phrase(tokens, lasts, term.prefix))
            whole = set(self.phrase(tokens, [last], False)) if term.prefix else precise
            side = set(self.phrase(tokens, lasts, term.prefix, side_fields))
            main = set(self.phrase(tokens, lasts, term.prefix, main_fields))
        accent: set[int] = set()
        close: set[int] = set()
        if term.accented:
            accent, close = self._close(term, precise)
            side &= close | fuzzy
        # Shared, not copied: these sets can hold most of the library.
        frozen = frozenset(precise)
        frozen_whole = frozen if whole is precise else frozenset(whole)
        frozen_fuzzy = frozenset(fuzzy - precise)
        frozen_accent = frozenset(accent)
        frozen_close = frozenset(close)
        # A word typed with accents counts as found in a title, ward or byline only with
        # those accents, or one mark off (hôi for hội).
        if term.accented:
            in_meta = frozen_close | frozen_fuzzy if frozen_fuzzy else frozen_close
            strict = frozen_close
        else:
            in_meta = frozen | frozen_fuzzy if frozen_fuzzy else frozen
            strict = frozen
        result = TermMatch(
            term, lasts, native, frozen, frozen_whole, frozen_fuzzy, frozen_accent,
            frozen_close, frozenset(side), in_meta & frozenset(main) if main else frozenset(),
            in_meta, strict, tuple(parts), tuple(patterns),
        )
        self.cache.put(key, result)
        return result


class Fts:
    """FTS5 queries on one connection; every user value is quoted or bound."""

    def __init__(self, index: SearchIndex, conn: sqlite3.Connection, hints: list[str]) -> None:
        self.index = index
        self.conn = conn
        self.hints = hints
        self.failed = False

    def exists(self, token: str, prefix: bool = False) -> bool:
        """Whether any article has the folded word ``token`` (or, ``prefix``, a word it starts)."""
        key = ("exists", token, prefix)
        cached = self.index.cache.get(key)
        if cached is not None:
            return bool(cached)
        try:
            row = self.conn.execute("SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1",
                                    (quote([token]) + ("*" if prefix else ""),)).fetchone()
        except sqlite3.OperationalError as error:
            self._fail(error)
            return False
        self.index.cache.put(key, row is not None)
        return row is not None

    def count(self, expression: str) -> int:
        """How many articles match ``expression``."""
        try:
            row = self.conn.execute(
                "SELECT count(*) FROM fts WHERE fts MATCH ?", (expression,)).fetchone()
        except sqlite3.OperationalError as error:
            self._fail(error)
            return 0
        return int(row[0])

    def rowids(self, expression: str, allowed: set[int] | None = None,
               table: str = "fts") -> set[int]:
        """The rowids of the articles matching ``expression`` (within ``allowed``).

        One row comes back (``group_concat``), which is several times faster
        than a row per article. A small ``allowed`` set is applied inside SQLite.
        ``table`` is ``fts`` (folded) or ``search_exact`` (accents kept).
        """
        small = allowed is not None and len(allowed) <= SQL_FILTER_MAX
        key = (table, expression, frozenset(allowed) if small and allowed is not None else None)
        cached = self.index.cache.get(key)
        if cached is not None:
            return set(cached) if allowed is None or small else set(cached) & allowed
        sql = f"SELECT group_concat(rowid) FROM {table} WHERE {table} MATCH ?"
        args: tuple[Any, ...] = (expression,)
        if small and allowed is not None:
            # "+rowid": filter the matches; a plain rowid IN would probe FTS5 once per id.
            sql += " AND +rowid IN (SELECT value FROM json_each(?))"
            args = (expression, as_json(allowed))
        try:
            text = self.conn.execute(sql, args).fetchone()[0]
        except sqlite3.OperationalError as error:
            self._fail(error)
            return set()
        found: set[int] = set(map(int, text.split(","))) if text else set()
        if len(found) <= _CACHED_SET_MAX:
            self.index.cache.put(key, frozenset(found))
        if allowed is not None and not small:
            found &= allowed
        return found

    def _fail(self, error: sqlite3.OperationalError) -> None:
        if not self.failed:
            self.failed = True
            self.hints.append(f"the full-text search failed ({error}); titles only")
