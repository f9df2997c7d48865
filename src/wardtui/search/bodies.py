"""Checks on the bodies of the best candidates: accents as typed, unfinished words whole.

At ranking time the accents and whole words are known for titles, wards and bylines
only (:mod:`.match`); the engine re-orders its best few candidates with these checks
on their bodies (:data:`.engine.ACCENT_WINDOW`, :data:`.engine.WHOLE_WINDOW`).
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from ..library.codec import unpack_paragraphs
from .match import TermMatch

__all__ = ["has_exact", "lowered_body"]


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
