"""Where a query matches in a text: highlight spans and one-line snippets.

Matching happens on the folded text (:func:`fast_fold`, which is
:func:`wardtui.vntext.fold` without its NFC step), which has the same length as
the original, so every ``(start, end)`` found there is a slice of the original
text: ``text[start:end]`` is what to highlight. Texts should be NFC (what the
library stores); in other text, letters with separate accent marks match less
well, but the spans are still slices of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..vntext import fold
from .query import Query

__all__ = [
    "SNIPPET_WIDTH",
    "Pattern",
    "fast_fold",
    "find_spans",
    "highlight_spans",
    "make_snippet",
    "merge_spans",
    "occurs",
    "patterns_of",
    "typo_budget",
    "word_spans",
]
# The choice of what to highlight among the matches is :mod:`.marks`.

SNIPPET_WIDTH = 110
"""About how many characters a snippet shows."""
_LEAD = 35  # characters of context before the match

_TOKEN = re.compile(r"[^\W_]+")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A sequence of folded words to find; with ``prefix`` the last may be unfinished."""

    tokens: tuple[str, ...]
    prefix: bool = False


_FOLDING = (range(0x2000), range(0xFF00, 0xFF60))
"""Where :func:`wardtui.vntext.fold` changes characters (Latin, Greek, Cyrillic, the
Vietnamese letters, fullwidth Latin), with a margin; a test checks every character."""


@lru_cache(maxsize=1)
def _fold_table() -> list[int | str]:
    """:func:`fold` as a list indexed by code point: ``str.translate`` reads it twice as fast."""
    table: list[int | str] = list(range(0xFF60))
    for block in _FOLDING:
        for code in block:
            folded = fold(chr(code))
            if folded != chr(code):
                table[code] = folded
    return table


def fast_fold(text: str) -> str:
    """:func:`wardtui.vntext.fold` without its NFC step: the same length as ``text``, so
    an offset found in it is an offset in ``text``. NFC text (all that the library
    stores) is folded by ``fold`` itself, in C (a page of 50 bodies: 1.1 ms, against
    3.6 ms with the table); other text character by character with the table."""
    if unicodedata.is_normalized("NFC", text):
        return fold(text)
    return text.translate(_fold_table())


def typo_budget(word: str) -> int:
    """How many typos a word of this length may carry (0 below 4 letters, 2 from 8)."""
    if len(word) < 4 or word.isdigit():
        return 0
    return 1 if len(word) < 8 else 2


def patterns_of(query: Query) -> list[Pattern]:
    """The patterns of the query's words and phrases (exclusions left out)."""
    return [Pattern(term.tokens, term.prefix) for term in query.terms]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """``spans`` in order, overlapping ones joined."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def word_spans(folded: str) -> list[tuple[int, int, str]]:
    """The words of folded text: (start, end, word)."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]


@lru_cache(maxsize=256)
def _regex(patterns: tuple[Pattern, ...]) -> re.Pattern[str]:
    """One regular expression finding any of ``patterns`` in folded text."""
    alternatives = []
    for pattern in patterns:
        body = r"[\W_]+".join(re.escape(t) for t in pattern.tokens)
        alternatives.append(body if pattern.prefix else body + r"(?![^\W_])")
    return re.compile(r"(?<![^\W_])(?:" + "|".join(alternatives) + ")")


def _fuzzy_spans(words: Sequence[tuple[int, int, str]], pattern: Pattern) -> list[Span]:
    from rapidfuzz.distance import OSA  # loaded for a typo only

    tokens = pattern.tokens
    size = len(tokens)
    last = size - 1
    budgets = [typo_budget(t) for t in tokens]
    found: list[Span] = []
    for i in range(len(words) - size + 1):
        end = 0
        for j, token in enumerate(tokens):
            start, stop, word = words[i + j]
            if word == token:
                end = stop
            elif j == last and pattern.prefix and word.startswith(token):
                end = start + len(token)
            elif budgets[j] and OSA.distance(word, token, score_cutoff=budgets[j]) <= budgets[j]:
                end = stop
            else:
                break
        else:
            found.append((words[i][0], end))
    return found


def find_spans(text: str, patterns: Sequence[Pattern], *, fuzzy: bool = False,
               folded: str | None = None, start: int = 0, end: int | None = None
               ) -> list[Span]:
    """Every match of ``patterns`` in ``text`` (or ``text[start:end]``), merged, in order.

    A word matches a whole folded word; the last word of a prefix pattern also
    the start of one (only those characters are covered). With ``fuzzy``, words
    of four letters or more also match with a typo or two (:func:`typo_budget`).
    """
    if not patterns or not text:
        return []
    folded = folded if folded is not None else fast_fold(text)
    end = len(folded) if end is None else end
    spans: list[Span] = []
    for pattern in set(patterns):  # each on its own: patterns may overlap
        if pattern.tokens and pattern.tokens[0] not in folded:
            continue  # a match holds its first word: cheaper to look for that first
        spans.extend(m.span() for m in _regex((pattern,)).finditer(folded, start, end))
    if fuzzy:
        words = word_spans(folded[:end])
        for pattern in patterns:
            spans.extend(s for s in _fuzzy_spans(words, pattern) if s[0] >= start)
    return merge_spans(spans)


def occurs(folded: str, pattern: Pattern) -> bool:
    """Whether ``pattern`` occurs in already-folded text (cheaper than :func:`find_spans`)."""
    return _regex((pattern,)).search(folded) is not None


def highlight_spans(text: str, query: str | Query, *, fuzzy: bool = False) -> list[Span]:
    """The spans of ``text`` to highlight for ``query``: see :func:`.marks.highlight_spans`."""
    from .marks import highlight_spans as chosen

    return chosen(text, query, fuzzy=fuzzy)


def make_snippet(
    text: str, patterns: Sequence[Pattern], *, prefer: Sequence[Pattern] = (),
    width: int = SNIPPET_WIDTH, folded: str | None = None,
) -> tuple[str, list[Span]] | None:
    """One line of ``text`` around its best match, with the matches in it, or ``None``.

    The line is cut from the paragraph holding the first match of ``prefer``
    (e.g. the whole query as a phrase) or else the first match of any pattern;
    ``…`` marks cut ends. The spans are offsets in the returned line.
    """
    folded = folded if folded is not None else fast_fold(text)
    if not patterns or not text:
        return None
    anchor_match = _regex(tuple(prefer)).search(folded) if prefer else None
    if anchor_match is None:
        anchor_match = _regex(tuple(patterns)).search(folded)
    if anchor_match is None:
        return None
    anchor = anchor_match.span()
    para_start = text.rfind("\n", 0, anchor[0]) + 1
    para_end = text.find("\n", anchor[1])
    if para_end < 0:
        para_end = len(text)
    start = max(para_start, anchor[0] - _LEAD)
    if start > para_start:
        space = text.find(" ", start, anchor[0])
        start = space + 1 if space >= 0 else start
    end = min(para_end, max(start + width, anchor[1]))
    if end < para_end:
        space = text.rfind(" ", anchor[1], end)
        end = space if space > anchor[1] else end
    line = text[start:end].replace("\t", " ")
    offset = start
    if start > para_start:
        line = "…" + line
        offset -= 1
    if end < para_end:
        line += "…"
    from .marks import choose_spans

    spans = choose_spans([text[start:end]], patterns)[0]
    return line, [(s + start - offset, e + start - offset) for s, e in spans]
