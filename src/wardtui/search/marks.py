"""What to highlight for a query: what matched, not every word that shares its letters.

:func:`article_spans` decides for a whole article (its title and paragraphs at once),
:func:`highlight_spans` for one text; the reader steps through the spans with
``n`` / ``N``. The rules, for the words of the query (its terms, exclusions and
fields left out):

* one word is highlighted wherever it stands (accents and case ignored);
* several words: where they stand together, in order (the phrase), if they do
  anywhere; else where two or more of them stand within :data:`NEAR` words of each
  other; else, the words being far apart everywhere, wherever each stands. So
  ``dan van kheo`` marks "Dân vận khéo", not every "dân", "văn" and "vận" of the body;
* a word found as typed somewhere is never matched with a typo: ``dang`` marks
  "Đảng", never "tặng"; a word found nowhere as typed (``sonn``) is matched, with
  ``fuzzy``, to the words a typo or two away (as titles and wards are searched).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from .highlight import (
    Pattern,
    Span,
    fast_fold,
    find_spans,
    merge_spans,
    patterns_of,
    word_spans,
)
from .query import Query, parse_query

__all__ = ["NEAR", "article_spans", "choose_spans", "highlight_spans"]

NEAR = 6
"""Words of the query this many words apart or closer stand near each other."""


def highlight_spans(text: str, query: str | Query, *, fuzzy: bool = False) -> list[Span]:
    """The ``(start, end)`` slices of ``text`` to highlight for ``query``, in order.

    Accents and case are ignored (``dang`` highlights ``Đảng``); a phrase is
    highlighted as a whole, the unfinished last word only as far as typed;
    excluded words and field filters highlight nothing. See the module docstring
    for which places of several words are chosen. With ``fuzzy``, a word found
    nowhere in ``text`` as typed is highlighted where it has a typo.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    return choose_spans([text], patterns_of(parsed), fuzzy=fuzzy)[0]


def article_spans(title: str, paragraphs: Sequence[str | None], query: str | Query, *,
                  fuzzy: bool = True) -> tuple[list[Span], list[list[Span]]]:
    """What to highlight in an article: (the title's spans, each paragraph's spans).

    ``paragraphs`` are the texts as shown (``None`` for a paragraph that has no
    text, e.g. an image: it gets no spans). The choice is made for the whole
    article at once: if the words stand together in one paragraph, only there.
    """
    parsed = parse_query(query) if isinstance(query, str) else query
    texts = [title, *(p or "" for p in paragraphs)]
    chosen = choose_spans(texts, patterns_of(parsed), fuzzy=fuzzy)
    return chosen[0], [spans if p is not None else []
                       for spans, p in zip(chosen[1:], paragraphs, strict=True)]


def choose_spans(texts: Sequence[str], patterns: Sequence[Pattern], *, fuzzy: bool = False
                 ) -> list[list[Span]]:
    """The spans to highlight in each of ``texts`` (read as one document)."""
    if not patterns or not any(texts):
        return [[] for _ in texts]
    folded = [fast_fold(t) for t in texts]
    found = [[find_spans(t, [p], folded=f) for p in patterns]
             for t, f in zip(texts, folded, strict=True)]
    if fuzzy:
        for i, pattern in enumerate(patterns):
            if not any(spans[i] for spans in found):  # a typo: found nowhere as typed
                for k, (text, fold) in enumerate(zip(texts, folded, strict=True)):
                    found[k][i] = find_spans(text, [pattern], fuzzy=True, folded=fold)
    if len(patterns) == 1:
        return [spans[0] for spans in found]
    phrase = Pattern(tuple(t for p in patterns for t in p.tokens), patterns[-1].prefix)
    together = [find_spans(t, [phrase], folded=f) for t, f in zip(texts, folded, strict=True)]
    if any(together):
        return together
    near = [_near(fold, spans) for fold, spans in zip(folded, found, strict=True)]
    if any(near):
        return near
    return [merge_spans(_flat(spans)) for spans in found]


def _flat(spans: Iterable[list[Span]]) -> list[Span]:
    return [span for group in spans for span in group]


def _near(folded: str, found: list[list[Span]]) -> list[Span]:
    """The spans that stand within :data:`NEAR` words of a span of another word."""
    if sum(1 for spans in found if spans) < 2:
        return []
    starts = [start for start, _, _ in word_spans(folded)]
    places = [[bisect.bisect_right(starts, s) - 1 for s, _ in spans] for spans in found]
    kept: list[Span] = []
    for i, spans in enumerate(found):
        others = sorted(w for j, ws in enumerate(places) if j != i for w in ws)
        for span, place in zip(spans, places[i], strict=True):
            k = bisect.bisect_left(others, place - NEAR)
            if k < len(others) and others[k] <= place + NEAR:
                kept.append(span)
    return merge_spans(kept)
