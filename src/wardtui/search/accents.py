"""How far two spellings of a word are in accents: the marks that differ.

A Vietnamese letter carries at most two marks: its own (the circumflex of ``â``,
``ê``, ``ô``, the breve of ``ă``, the horn of ``ơ``, ``ư``, the stroke of ``đ``)
and a tone (grave, acute, hook, tilde, dot below). :func:`marks_off` counts, letter
by letter, the marks in which two words with the same folding differ: ``hôi`` and
``hội`` are one mark apart (the tone), ``hôi`` and ``hơi`` one (the letter's mark),
``hôi`` and ``hỏi`` two.

:func:`left_out` is what the search uses: how many marks the writer has that the
user did not type, when every mark typed is there. A word with one mark left out is
*close* to the word typed (``hôi`` for ``hội``: the dot below forgotten) and ranks
after the exact spelling and before the rest; a mark typed that the word does not
have is never close (``hưởng`` is not ``hương``: the user typed the hook on purpose).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["left_out", "marks_off"]

_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}


@lru_cache(maxsize=4096)
def _letters(word: str) -> tuple[tuple[str, str, str], ...]:
    """Each letter as (base, its own mark, tone); ``đ`` is ``d`` with a mark."""
    letters: list[tuple[str, str, str]] = []
    for char in word:
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        own = "".join(m for m in decomposed[1:] if m not in _TONES)
        tone = "".join(m for m in decomposed[1:] if m in _TONES)
        if base in "đĐ":
            base, own = "d", "\u0335"
        letters.append((base.lower(), own, tone))
    return tuple(letters)


def marks_off(typed: str, written: str) -> int:
    """How many marks ``written`` differs from ``typed`` by (both lower case).

    Words of different lengths or letters are far apart (a large number).
    """
    if typed == written:
        return 0
    left, right = _letters(typed), _letters(written)
    if len(left) != len(right):
        return 99
    off = 0
    for (base_a, own_a, tone_a), (base_b, own_b, tone_b) in zip(left, right, strict=True):
        if base_a != base_b:
            return 99
        off += (own_a != own_b) + (tone_a != tone_b)
    return off


def left_out(typed: str, written: str) -> int:
    """How many marks of ``written`` the user left out of ``typed``.

    Every mark typed must be in ``written`` (else a large number): ``hôi`` leaves
    one mark out of ``hội``, none of ``hôi``, and ``hưởng`` is far from ``hương``.
    """
    if typed == written:
        return 0
    left, right = _letters(typed), _letters(written)
    if len(left) != len(right):
        return 99
    missing = 0
    for (base_a, own_a, tone_a), (base_b, own_b, tone_b) in zip(left, right, strict=True):
        if base_a != base_b or (own_a and own_a != own_b) or (tone_a and tone_a != tone_b):
            return 99
        missing += (own_a != own_b) + (tone_a != tone_b)
    return missing
