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
  spellings with one mark left out (``hôi``: ``hội``, ``hồi``) are *close*
  (:func:`.accents.left_out`).

The articles of a word come from FTS5 (:class:`Fts`): an expression in which
every token is double-quoted — the tokens are runs of letters and digits, so
they never hold a quote — and the typo corrections apply to the title, ward and
author columns only: bodies are matched precisely.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from ..vntext import has_diacritics
from .accents import left_out
from .fts import SQL_FILTER_MAX, Fts, any_of, quote
from .highlight import Pattern, typo_budget
from .index import META_FIELDS, SearchIndex, Vocabulary
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


@dataclass(frozen=True, slots=True)
class TermMatch:
    """What one query term stands for, as FTS5 expressions (no sets: see :class:`Matcher`).

    ``lasts`` are the meta words the last token stands for (itself first); with
    ``native``, every word the last token starts (FTS5 ``"tok"*``).
    ``fuzzy_parts`` are FTS5 strings of its typo corrections (titles, wards and
    bylines only) and ``fuzzy_patterns`` the same for highlights. For a term
    typed with accents, ``exact`` holds, per accented word, the FTS5 string of the
    word as typed and ``close`` its spellings with at most one mark left out (for
    ``search_exact``).
    """

    term: Term
    lasts: tuple[str, ...]
    native: bool
    fuzzy_parts: tuple[str, ...] = ()
    fuzzy_patterns: tuple[Pattern, ...] = ()
    exact: tuple[str, ...] = ()
    close: tuple[str, ...] = ()

    @property
    def pattern(self) -> Pattern:
        return Pattern(self.term.tokens, self.term.prefix)

    @property
    def gated(self) -> bool:
        """Whether the term counts in titles, wards and bylines only with its accents
        (as typed, or one mark left out): typed with accents and not a typo."""
        return bool(self.exact) and not self.fuzzy_parts

    def fts(self) -> str:
        """The precise FTS5 expression: every token quoted, the last one expanded."""
        head = self.term.tokens[:-1]
        if self.native:
            return quote(self.term.tokens) + "*"
        return any_of([quote([*head, word]) for word in self.lasts])

    def meta(self, fuzzy: bool = True) -> str:
        """The expression for titles, wards and bylines: with its typo corrections."""
        own = self.fts()
        return any_of([own, *self.fuzzy_parts]) if fuzzy and self.fuzzy_parts else own

    def whole(self) -> str:
        """The expression of the unfinished last word taken whole."""
        return quote(self.term.tokens)


class Matcher:
    """Reads the terms of one search and finds the articles of their words.

    ``fts`` asks SQLite (results cached on the index); ``vocabulary`` and
    ``size`` describe the library as the search sees it. The sets it gives are
    over the titles, wards and bylines allowed by ``in:``.
    """

    def __init__(self, index: SearchIndex, fields: frozenset[str] | None, fts: Fts,
                 vocabulary: Callable[[], Vocabulary], size: int) -> None:
        self.index = index
        self.meta_fields = tuple(f for f in META_FIELDS if fields is None or f in fields)
        self.main_fields = tuple(f for f in self.meta_fields if f != "author")
        self.side_fields = tuple(f for f in self.meta_fields if f != "title")
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

    def _meta_exists(self, expression: str) -> bool:
        return bool(self.meta_fields) and bool(self.fts.rowids(
            self._columns(self.meta_fields) + expression, table="search_meta", limit=1))

    # -- reading a term ---------------------------------------------------------------------
    def expansions(self, token: str) -> tuple[tuple[str, ...], bool]:
        """The words an unfinished ``token`` stands for, and whether to ask FTS5 for all.

        In a library of up to :data:`NATIVE_PREFIX_MAX` articles the token stands
        for every word it starts (``"token"*``). In a bigger one, an FTS5 prefix
        query over a common word costs tens of milliseconds, so the token stands
        for itself and the :data:`PREFIX_EXPANSIONS` commonest words of titles,
        wards and bylines it starts, each asked by name (titles, wards and bylines
        use most of a library's common words).
        """
        if self.size <= NATIVE_PREFIX_MAX:
            return (token,), True
        vocabulary = self.vocabulary
        words = [w for w in vocabulary.starting(token) if w != token]
        return (token, *heapq.nlargest(PREFIX_EXPANSIONS, words,
                                       key=vocabulary.frequency.__getitem__)), False

    def corrections(self, token: str, prefix: bool) -> list[str]:
        """Meta words a typo or two away, for a word found nowhere."""
        budget = typo_budget(token)
        if not budget or token in self.vocabulary.frequency or self._in_body(token, prefix):
            return []
        from rapidfuzz import process  # loaded for a word found nowhere only
        from rapidfuzz.distance import OSA

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

    def match(self, term: Term) -> TermMatch:
        """What ``term`` stands for (cached on the index)."""
        key = ("term", term.tokens, term.exact, term.prefix, self.meta_fields)
        cached = self.cache.get(key)
        if cached is not None:
            return cast(TermMatch, cached)
        tokens = term.tokens
        last = tokens[-1]
        lasts, native = self.expansions(last) if term.prefix else ((last,), False)
        found = TermMatch(term, lasts, native)
        parts: list[str] = []
        patterns: list[Pattern] = []
        if term.single and self.meta_fields and not self._meta_exists(found.fts()):
            for word in self.corrections(last, term.prefix):
                parts.append(quote([word]))
                patterns.append(Pattern((word,)))
            for pair in [] if parts else self.splits(last, term.prefix):
                parts.append(quote(pair))
                patterns.append(Pattern(pair))
        exact: list[str] = []
        close: list[str] = []
        if term.accented:
            end = len(tokens) - 1
            for i, (word, folded) in enumerate(zip(term.exact, tokens, strict=True)):
                if not has_diacritics(word):
                    continue
                if term.prefix and i == end:  # an unfinished word: the words it starts
                    exact.append(quote([word]) + "*")
                    close.append(any_of([exact[-1], *(quote([w]) for w in
                                                      self._close_starts(word, folded))]))
                    continue
                exact.append(quote([word]))
                near = [w for w in self.vocabulary.spellings.get(folded, ())
                        if w != word and left_out(word, w) <= 1]
                close.append(any_of([exact[-1], *(quote([w]) for w in near)]))
        result = TermMatch(term, lasts, native, tuple(parts), tuple(patterns),
                           tuple(exact), tuple(close))
        self.cache.put(key, result)
        return result

    def _close_starts(self, typed: str, folded: str) -> list[str]:
        """Written words that start like ``typed`` with one mark left out (at most
        :data:`FUZZY_CHOICES` * 4, the commonest)."""
        vocabulary = self.vocabulary
        size = len(typed)
        near = [(vocabulary.exact[w], w) for f in vocabulary.starting(folded)[:500]
                for w in vocabulary.spellings[f] if left_out(typed, w[:size]) == 1]
        return [w for _, w in heapq.nlargest(FUZZY_CHOICES * 4, near)]

    # -- sets over every term -----------------------------------------------------------------
    def every(self, matches: Sequence[TermMatch], fields: Sequence[str], *,
              fuzzy: bool = True, gated: bool = True,
              within: set[int] | None = None) -> set[int]:
        """The articles where every term is found in one of ``fields``.

        ``fuzzy``: a typo correction counts; ``gated``: a term typed with accents
        counts only with them, or one mark left out (:attr:`TermMatch.gated`).
        """
        if not fields or not matches:
            return set()
        columns = self._columns(fields)
        found = self.fts.rowids(self.every_expression(matches, fields, fuzzy=fuzzy),
                                within, table="search_meta")
        accents = [c for m in matches if gated and m.gated for c in m.close]
        if accents and found:
            found = self.fts.rowids(" AND ".join(columns + c for c in accents), found,
                                    table="search_exact")
        return found

    def every_expression(self, matches: Sequence[TermMatch], fields: Sequence[str], *,
                         fuzzy: bool = True) -> str:
        """The ``search_meta`` expression :meth:`every` asks first (to :meth:`Fts.prefetch` it)."""
        columns = self._columns(fields)
        return " AND ".join(columns + m.meta(fuzzy) for m in matches)

    def some(self, matches: Sequence[TermMatch], fields: Sequence[str]) -> set[int]:
        """The articles where some term is found in one of ``fields`` (a term typed with
        accents: with them, or one mark left out)."""
        if not fields or not matches:
            return set()
        plain = [m for m in matches if not m.gated]
        found = self.fts.rowids(self._columns(fields) + any_of([m.meta() for m in plain]),
                                table="search_meta") if plain else set()
        for m in matches:
            if m.gated:
                found |= self.every([m], fields)
        return found

    def accents(self, match: TermMatch, within: set[int]) -> tuple[set[int], set[int]]:
        """(as typed, at most one mark left out): the articles of ``within`` whose titles,
        wards or bylines have every accented word of ``match`` so."""
        if not match.exact or not self.meta_fields or not within:
            return set(), set()
        columns = self._columns(self.meta_fields)
        close = self.fts.rowids(" AND ".join(columns + c for c in match.close), within,
                                table="search_exact")
        exact = self.fts.rowids(" AND ".join(columns + e for e in match.exact), close,
                                table="search_exact") if close else set()
        return exact, close

    def phrase(self, phrases: Sequence[Sequence[str]], prefix: bool) -> set[int]:
        """The articles where one of ``phrases`` stands in one meta field (the last
        word unfinished with ``prefix``)."""
        if not self.meta_fields or not phrases:
            return set()
        star = "*" if prefix else ""
        return self.fts.rowids(self._columns(self.meta_fields)
                               + any_of([quote(p) + star for p in phrases]),
                               table="search_meta")
