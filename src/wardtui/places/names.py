"""Name keys and place mentions: how a written name meets the gazetteer.

A *key* is a name folded the way the gazetteer's data is: accents and case
dropped (:func:`wardtui.vntext.fold`, so ``Hòa``/``Hoà`` and ``Thủy``/``Thuỷ`` are
one key), spaces, hyphens and apostrophes removed, and a number read as a number
(``Phường 03``, ``P.3`` and ``phường 3`` all give the unit ``phường`` and the key
``3``). :func:`find_mentions` finds the districts, towns, cities and provinces a
text names after their unit word (``huyện Tháp Mười``, ``TX Cửa Lò``,
``TP. Tân An``, ``H. Châu Thành``, ``tỉnh Long An``, ``UBND XÃ X - HUYỆN Y``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..vntext import fold

MentionKind = Literal["province", "district", "city"]

_NOT_KEY = re.compile(r"[^0-9a-z]+")
# Unit words that may open a ward's name, folded: (pattern, unit).
_WARD_UNIT = re.compile(
    r"^\s*(?P<unit>phuong|p\s*\.|p(?=\s*\d)|xa|thi\s+tran|tt\s*\.|dac\s+khu)\s*(?P<rest>.*)$"
)
_UNIT_NAMES = {
    "phuong": "phường",
    "p": "phường",
    "xa": "xã",
    "thitran": "thị trấn",
    "tt": "thị trấn",
    "dackhu": "đặc khu",
}
# Type words before a district or province name, matched before folding (``Tịnh Biên`` is a name).
_DISTRICT_TYPE = re.compile(
    r"^\s*(?:(?:quận|huyện|thị\s+xã|thành\s+phố|tỉnh|tp|tx)\s+|(?:tp|tx)\s*\.\s*)", re.IGNORECASE
)

# A place named after its unit word, matched in the text itself (folded, ``quận`` would
# meet ``quân``, ``quan``, ``quán``). A party or youth committee names its place too
# (``Huyện ủy Tháp Mười``, ``Thành đoàn Tân An``). ``H.`` and ``Q.`` need their dot.
_OF = r"(?:\s+(?:ủy|uỷ|đoàn|hội))?"
_MENTION = re.compile(
    r"(?<!\w)"
    rf"(?:(?P<province>tỉnh{_OF})\s+"
    rf"|(?P<city>thành\s+phố|thành\s+(?:ủy|uỷ|đoàn)|tp\s*\.|t\s*\.\s*p\s*\.|tp(?=[\s.]))\s*"
    rf"|(?P<district>(?:quận|huyện){_OF}|thị\s+xã|thị\s+(?:ủy|uỷ|đoàn)|tx\s*\.|tx(?=\s)"
    r"|h\s*\.|q\s*\.)\s*)",
    re.IGNORECASE,
)
# Where a unit word may start, found in the folded text (lower-case, unaccented: a
# plain scan) and confirmed by _MENTION in the text: ten times fewer places to try.
# Every place _MENTION matches is one of these (the folded form of each of its words).
_MENTION_START = re.compile(
    r"[tqh](?<![^\W_][tqh])(?=inh|hanh\s+(?:pho|uy|doan)|p[\s.]|\s*\.\s*p\s*\.|uan|uyen"
    r"|hi\s+(?:xa|uy|doan)|x[\s.]|\s*\.)"
)
# The name after it, in the folded text (same offsets).
_NAME = re.compile(r"[0-9a-z]+(?:[ \t\-'’]{1,2}[0-9a-z]+){0,4}")
MAX_NAME_WORDS = 5


def name_key(name: str) -> str:
    """The key of a place's name: ``"Mỹ Long"`` → ``"mylong"``, ``"03"`` → ``"3"``."""
    key = _NOT_KEY.sub("", fold(name))
    if key.isdigit():
        return key.lstrip("0") or "0"
    return key


_NOT_KEY_LINE = re.compile(r"[^0-9a-z\n]+")


def name_keys(names: list[str]) -> list[str]:
    """:func:`name_key` of many names at once (one fold of the joined text: the load's
    hot path)."""
    keys = _NOT_KEY_LINE.sub("", fold("\n".join(n.replace("\n", " ") for n in names))).split("\n")
    return [(k.lstrip("0") or "0") if k.isdigit() else k for k in keys]


@lru_cache(maxsize=4096)
def split_ward(ward: str, unit: str | None = None) -> tuple[str | None, tuple[str, ...]]:
    """(unit, keys to try) for a ward as an article gives it.

    ``ward`` may carry its unit word (``Phường 03``, ``P.3``, ``xã Tân Phú``); a
    unit found there wins over ``unit``. Both the name without and with that word
    are tried, since a few names begin with one (``phường Phường Đúc`` in Huế). An
    unknown unit gives ``None``. Remembered: a worker places the same wards again
    and again (the result is immutable).
    """
    folded = fold(ward).strip()
    unit_key = name_key(unit) if unit else ""
    keys = [name_key(folded)]
    match = _WARD_UNIT.match(folded)
    if match and match.group("rest").strip():
        rest = match.group("rest")
        written = _NOT_KEY.sub("", match.group("unit"))
        if written != "p" or rest.strip()[:1].isdigit():
            unit_key = written
            keys.insert(0, name_key(rest))
    return _UNIT_NAMES.get(unit_key), tuple(dict.fromkeys(k for k in keys if k))


_WRITTEN_UNIT = re.compile(
    r"^\s*(phường|p\s*\.|p(?=\s*\d)|xã|thị\s+trấn|tt\s*\.)\s*", re.IGNORECASE
)


@lru_cache(maxsize=4096)
def display_ward(ward: str, unit: str | None) -> tuple[str, str | None]:
    """(name, unit) for a label: ``("Phường 03", None)`` → ``("3", "phường")`` (remembered)."""
    found, keys = split_ward(ward, unit)
    name = ward.strip()
    match = _WRITTEN_UNIT.match(name)
    if match and keys and keys[0] != name_key(name):
        name = name[match.end() :].strip()
    if name.isascii() and name.isdigit():
        name = name.lstrip("0") or "0"
    return name, found or unit


_WORDS = re.compile(r"[0-9a-z]+")


_UNIT_BEFORE = re.compile(r"(?<![0-9a-z])(?:phuong|xa|thi\s+tran)\s+$")
_TAIL = re.compile(r"[ \t\-]+([0-9a-z]+)(?:[ \t\-]+([0-9a-z]+))?")


def longer_keys(
    text: str, name: str, folded: str | Callable[[], str] | None = None
) -> tuple[str, ...]:
    """Keys of the longer names ``text`` writes where ward ``name`` follows a unit word
    and one or two words follow it (``xã Lâm san`` for ``Lâm``): the name may have been
    cut short, and the gazetteer knows whether ``Lâm San`` is a unit too. ``folded`` is
    ``fold(text)`` when the caller has it (or a function that gives it, called only when
    the text must be read: not for a numbered ward)."""
    words = _WORDS.findall(fold(name))
    if not words or words[0].isdigit():
        return ()
    if folded is None:
        folded = fold(unicodedata.normalize("NFC", text))
    elif callable(folded):
        folded = folded()
    needle, base = " ".join(words), "".join(words)
    keys: set[str] = set()
    at = folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        # _UNIT_BEFORE ends with whitespace: most hits ("an" in "ban") fail the cheap test.
        if (
            at
            and folded[at - 1].isspace()
            and _UNIT_BEFORE.search(folded, max(0, at - 12), at)
            and (tail := _TAIL.match(folded, end))
        ):
            keys.add(base + tail.group(1))
            if tail.group(2):
                keys.add(base + tail.group(1) + tail.group(2))
        at = folded.find(needle, end)
    return tuple(sorted(keys))


def district_short(name: str) -> str:
    """``"Thành phố Tân An"`` → ``"Tân An"``; ``"Quận 3"`` stays ``"Quận 3"``."""
    parts = name.split(" ", 2 if name.lower().startswith(("thành phố", "thị xã", "đặc khu")) else 1)
    short = parts[-1] if len(parts) > 1 else name
    return name if short.isdigit() else short


def strip_type(name: str) -> str:
    """A district or province name without its type word (``Quận 3`` → ``3``)."""
    return _DISTRICT_TYPE.sub("", unicodedata.normalize("NFC", name), count=1)


def district_type_key(name: str) -> str:
    """The key of a district name without its type word (``Thị xã Cửa Lò`` → ``cualo``)."""
    return name_key(strip_type(name))


@dataclass(frozen=True, slots=True)
class Mention:
    """A place a text names: ``kind`` is what its unit word allows, ``words`` the keys
    of the one to :data:`MAX_NAME_WORDS` words that follow, so the gazetteer can pick the
    longest known name (``huyện Châu Thành A`` before ``huyện Châu Thành``)."""

    kind: MentionKind
    words: tuple[str, ...]
    start: int

    def name_keys(self) -> Iterator[str]:
        """Candidate name keys, longest first."""
        for n in range(len(self.words), 0, -1):
            yield "".join(self.words[:n])


_NAME_SPLIT = re.compile(r"[ \t\-'’]+")
# name_key of one word of a mention, remembered (place names repeat on every page).
_word_key = lru_cache(maxsize=8192)(name_key)


def find_mentions(text: str, folded: str | None = None) -> list[Mention]:
    """The places ``text`` names after a unit word, in order. ``folded`` is ``fold(text)``
    of NFC ``text`` when the caller has it."""
    if folded is None:
        text = unicodedata.normalize("NFC", text)
        folded = fold(text)  # one character for one: offsets agree
    found: list[Mention] = []
    end = 0
    for start in _MENTION_START.finditer(folded):
        if start.start() < end:
            continue  # inside the last mention's unit word (as finditer would skip it)
        match = _MENTION.match(text, start.start())
        if match is None:
            continue
        end = match.end()
        name = _NAME.match(folded, match.end())
        if name is None:
            continue
        kind: MentionKind = (
            "province" if match.group("province") else "city" if match.group("city") else "district"
        )
        words = tuple(k for k in map(_word_key, _NAME_SPLIT.split(name.group())) if k)
        if words:
            found.append(Mention(kind, words[:MAX_NAME_WORDS], match.start()))
    return found
