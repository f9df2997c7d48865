"""Checks on the bodies of the best candidates: the words with their accents as typed.

At ranking time the accents are known for titles, wards and bylines only
(:mod:`.match`: the full-text index folds the bodies); the engine re-orders its best
:data:`.engine.ACCENT_WINDOW` candidates with this check on their bodies.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from functools import lru_cache

from ..library.codec import unpack_paragraphs
from .match import TermMatch
from .rank import Key

__all__ = ["accents_in_body", "has_exact", "lowered_body"]


def accents_in_body(key: Key, rowid: int, blob: bytes, matches: Sequence[TermMatch],
                    accent_sets: dict[int, tuple[set[int], set[int]]], whole: bool) -> Key:
    """``key`` with its accents criterion counting the body's words as typed too.

    In the titles, wards and bylines a word counts 2 with its accents as typed,
    1 with one mark left out (``accent_sets[i]``: the articles so, for term ``i``);
    a word with its accents as typed in the body counts 2. The accents criterion is
    the last of ``key``, or the one before when ``whole`` (the whole-word criterion).
    """
    if not key:
        return key
    lowered: str | None = None
    value = 0
    for i, m in enumerate(matches):
        if not m.exact:
            continue
        exact, close = accent_sets.get(i, (set(), set()))
        own = (rowid in exact) + (rowid in close)
        if own < 2:
            if lowered is None:
                lowered = lowered_body(blob)
            if has_exact(lowered, m):
                own = 2
        value += own
    slot = len(key) - (2 if whole else 1)
    return (*key[:slot], value, *key[slot + 1 :])


def lowered_body(blob: bytes) -> str:
    """A body's text in lower case, for accent checks only (markup of the storage may remain).

    The stored body is zlib-compressed JSON (:mod:`wardtui.library.codec`);
    searching its text directly skips the JSON parsing, which is most of the
    cost. Anything else goes through the codec.
    """
    try:
        return zlib.decompress(blob).decode("utf-8").lower()
    except (zlib.error, UnicodeDecodeError):
        return "\n".join(p.text for p in unpack_paragraphs(blob)).lower()


def has_exact(lowered: str, match: TermMatch) -> bool:
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
