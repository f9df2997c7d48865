"""Titles as a reader expects them: a lead's first sentence, ALL-CAPS in sentence case.

:func:`first_sentence` ends at the first full stop that ends a sentence, not at
one that ends an abbreviation (``TP. Hồ Chí Minh``, ``Bs. Lan``). An ALL-CAPS
headline is shown in sentence case by :func:`sentence_case`, with the words that
the article itself writes with a capital (names of wards, people, places, and
abbreviations like ``UBND``) kept so.
"""

from __future__ import annotations

import re

MAX_TITLE = 600

_SPLIT = re.compile(r"(?<=[.!?…])(?P<close>[\"”’)]*)\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])")
_ABBREVIATIONS = frozenset(
    "tp tt tx q p h x ths ts pgs gs bs ck ck1 ck2 đ/c đc ông bà st sđd v.v vv nxb tr "
    "th.s t.s ctv pv".split()
)
_WORD = re.compile(r"[\wÀ-ỹ'’]+")
_ROMAN = re.compile(r"^[IVXLC]+$")
_ALWAYS_CAPITAL = frozenset({"đảng"})  # the Party is always written with a capital


def first_sentence(text: str, limit: int = MAX_TITLE) -> str:
    """The first sentence of ``text``, with its final punctuation."""
    start = 0
    for m in _SPLIT.finditer(text):
        before = text[start : m.start()].rstrip('"”’)')
        last = before.rsplit(None, 1)[-1] if before.strip() else ""
        word = last.rstrip(".").lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        sentence = text[: m.start() + len(m.group("close"))].strip()
        break
    else:
        sentence = text.strip()
    if len(sentence) > limit:
        cut = sentence[:limit].rsplit(" ", 1)[0]
        sentence = cut.rstrip(",;:-– ") + "…"
    return sentence


def sentence_case(title: str, context: str) -> str:
    """``THÔN XUÂN LAI TỔ CHỨC HỘI LÀNG`` → ``Thôn Xuân Lai tổ chức hội làng``.

    A word keeps its capital when ``context`` (the article's text) writes it with
    one inside a sentence; words the context writes in capitals (``UBND``) and
    Roman numerals stay in capitals.
    """
    capital: set[str] = set()
    upper: set[str] = set()
    for sentence in re.split(r"[.!?…:;]\s+|\n", context):
        words = _WORD.findall(sentence)
        for word in words[1:]:
            if len(word) >= 2 and word.isupper():
                upper.add(word)
            elif word[:1].isupper():
                capital.add(word.lower())
    out: list[str] = []
    for i, word in enumerate(title.split()):
        core = word.strip("\"“”'‘’()[],.:;!?-–")
        low = word.lower()
        if core in upper or (_ROMAN.match(core) and len(core) <= 5 and i > 0):
            out.append(word)
        elif i == 0 or core.lower() in capital or core.lower() in _ALWAYS_CAPITAL:
            out.append(_capitalise(low))
        else:
            out.append(low)
    return " ".join(out)


def _capitalise(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1 :]
    return word
