"""Finding the ward an article is about.

In running text the unit word is lower-case (``phường Mỹ Hương``, ``xã Tân Phú``,
``thị trấn Phú Mỹ``) or starts a sentence (``Phường Hội Phú tổ chức…``), and every
syllable of the name is capitalised; numbered wards read ``Phường 12``, ``P.12``,
``phường 03``. An article names several units: the subject is the one in the title
and the lead, then the most mentioned; a mention after ``với``, ``giáp``, ``sang``
or ``các`` (a neighbour, a list) weighs less.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from ..vntext import fold, is_upper_text, proper_case
from .ward_words import (
    NEEDS_FOLLOWING,
    NOT_NAMES,
    STOP_BEFORE,
    STOP_SYLLABLES,
    UNIT_WORDS,
    VERB_PAIRS,
)

_UPPER = "".join(chr(cp) for cp in range(0x41, 0x1F00) if chr(cp).isupper() and chr(cp).isalpha())
_LOWER = "".join(chr(cp) for cp in range(0x61, 0x1F00) if chr(cp).islower() and chr(cp).isalpha())
_SYLLABLE = rf"[{_UPPER}](?:[{_LOWER}]|['’][{_UPPER}{_LOWER}])*(?![\w'’])"
# Capitalised syllables are checked in Python (_capitalised_prefix): a regex with the
# class of every upper-case letter is ten times slower.
_WORDISH = r"[^\W\d_][\w'’]*"
_NAMED = re.compile(
    r"(?P<unit>[Pp]hường|PHƯỜNG|[Xx]ã|XÃ|[Tt]hị\s+[Tt]rấn|THỊ\s+TRẤN|P\.|TT\.)"
    rf"\s*(?P<name>{_WORDISH}(?:[ \-]{_WORDISH}){{0,4}})"
    # New communes are numbered after an old name: "Bảo Lâm 5", "A Lưới 3".
    r"(?P<number> \d{1,2}(?![\d/:%]|[.,]\d|\s*(?:tháng|năm|ngày|giờ|người|hộ|km|ha|m\b)))?"
)
# "Hợp tác xã Dịch vụ …" is a cooperative, not a commune called "Dịch".
_COOPERATIVE = re.compile(r"(?:hợp\s+tác|HTX)\s*$", re.IGNORECASE)
_NUMBERED = re.compile(
    r"(?P<unit>[Pp]hường|PHƯỜNG|P\.)\s*(?P<name>\d{1,2})(?![\d/,.]\d)"
    r"(?!\s*(?:tháng|năm|ngày|tuần|quý|lần|giờ|người|hộ|đồng|triệu|tỷ|km|m\b|%|/|-\s*\d))"
)
_WEAK_BEFORE = re.compile(r"(?:\b(?:với|giáp|sang|các|và|hoặc|nhập|thuộc)\s+)$", re.IGNORECASE)


class WardMention(NamedTuple):
    """A ward a text names: its unit, its name, where, and whether weakly (a named
    tuple: a body names a dozen, built three times faster than a frozen dataclass)."""

    unit: str
    name: str
    start: int
    weak: bool


def _clean_name(raw: str, after: str) -> str | None:
    """The name in ``raw`` (capitalised words after a unit word); ``after`` is the text after it."""
    words = raw.replace("-", " - ").split()
    following = after.split(maxsplit=1)[:1]
    kept: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if word != "-" and low in STOP_SYLLABLES:
            break
        nxt = (
            words[i + 1].lower()
            if i + 1 < len(words)
            else (following[0].lower() if following else "")
        )
        if low in STOP_BEFORE and nxt.strip(".,;:") in STOP_BEFORE[low]:
            break
        if f"{low} {nxt.strip('.,;:')}" in VERB_PAIRS:
            break
        kept.append(word)
    while kept and kept[-1] == "-":
        kept.pop()
    if len(kept) >= 3 and kept[0].lower() == "đoàn":
        # "xã Đoàn Thạnh Lộc": the Youth Union of the commune named next (every unit
        # called "Đoàn …" has two syllables: Đoàn Kết, Đoàn Xá).
        del kept[0]
    if not kept:
        return None
    name = " ".join(kept).replace(" - ", "-")
    if len(kept) == 1 and fold(name) in NOT_NAMES:
        return None
    return proper_case(name)


def _starts_word(text: str, start: int) -> bool:
    """A unit word must start a word, and ``xã`` must not be part of ``thị xã`` (a town)."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isalnum() or before in "._":
        return False
    return text[max(0, start - 4) : start].lower() != "thị "


_KEYS = (("hường", 1), ("HƯỜNG", 1), ("xã", 0), ("Xã", 0), ("XÃ", 0), ("P.", 0), ("TT.", 0))
_TRAN = ("rấn", "RẤN")
# Any of the keys above: a text holding none names no ward (one search, not nine).
_ANY_KEY = re.compile("|".join(re.escape(key) for key, _ in _KEYS) + "|" + "|".join(_TRAN))
_THI_END = re.compile(r"(?:[Tt]hị|THỊ)\s+$")


def _unit_starts(text: str) -> list[tuple[int, bool]]:
    """Where a unit word may start in ``text``: literal searches, much faster than a regex scan.

    Only where a capital or a digit follows ("xã Tân Phú", "P.12"), not "xã hội"; each
    start comes with whether a digit follows (then only a numbered ward may be there).
    """
    starts: dict[int, bool] = {}
    for key, back in _KEYS:
        pos = text.find(key)
        while pos >= 0:
            after = pos + len(key)
            while after < len(text) and text[after] in " \t\n":
                after += 1
            nxt = text[after : after + 1]
            if nxt.isupper() or nxt.isdigit():
                starts[pos - back] = nxt.isdigit()
            pos = text.find(key, pos + 1)
    for key in _TRAN:
        pos = text.find(key)
        while pos >= 0:
            window = text[max(0, pos - 9) : pos - 1]
            m = _THI_END.search(window)
            if m is not None:
                starts.setdefault(max(0, pos - 9) + m.start(), False)
            pos = text.find(key, pos + 1)
    return sorted(item for item in starts.items() if item[0] >= 0)


_SPLIT_NAME = re.compile(r"([ \-])")


def _is_syllable(word: str) -> bool:
    """``Mỹ``, ``M'gar``: a capital, then lower-case letters (an apostrophe before a letter)."""
    if not word[:1].isupper() or word[-1:] in "'’":
        return False
    after_apostrophe = False
    for ch in word[1:]:
        if ch in "'’":
            if after_apostrophe:
                return False
            after_apostrophe = True
        elif after_apostrophe:
            if not ch.isalpha():
                return False
            after_apostrophe = False
        elif not ch.islower():
            return False
    return True


@lru_cache(maxsize=4096)
def _capitalised_prefix(raw: str) -> str:
    """The leading capitalised syllables of ``raw`` (with their separators); remembered,
    since an article names its wards again and again."""
    parts = _SPLIT_NAME.split(raw)
    kept = 0
    for i in range(0, len(parts), 2):
        word = parts[i]
        syllable = _SYLLABLES.get(word)
        if syllable is None:
            syllable = _is_syllable(word)
            if len(_SYLLABLES) < 8192:
                _SYLLABLES[word] = syllable
        if not syllable:
            break
        kept = i + 1
    return "".join(parts[:kept])


_SYLLABLES: dict[str, bool] = {}  # _is_syllable of the words seen (names repeat)


def _matches(text: str) -> list[re.Match[str]]:
    """The unit words with a name (or a number) after them, where a word starts.

    A digit after the unit word allows only :data:`_NUMBERED`, a capital only
    :data:`_NAMED` (whose name begins with a letter): one pattern tried per start.
    """
    out: list[re.Match[str]] = []
    for start, digit in _unit_starts(text):
        if not _starts_word(text, start):
            continue
        m = (_NUMBERED if digit else _NAMED).match(text, start)
        if m is not None:
            out.append(m)
    return out


# A ward whose name begins with its unit word: "phường Phường Đúc" (Huế).
_DOUBLED = re.compile(r"(?P<unit>[Pp]hường|[Xx]ã)\s+(?P<name>(?:Phường|Xã)\s+\S)")
# An office belongs to one ward, so "UBND phường Xuân Hương - Đà Lạt" names one ward (the
# 2025 names); elsewhere "xã A - B" is two communes (a road, a pair).
_OFFICE_BEFORE = re.compile(
    r"(?:\b(?:UBND|HĐND|MTTQ|Ủy\s+ban(?:\s+nhân\s+dân)?|Uỷ\s+ban(?:\s+nhân\s+dân)?|"
    r"Đảng\s+ủy|Đảng\s+uỷ|Đảng\s+bộ|Công\s+an|Chủ\s+tịch)\s+)$"
)
_WORD_RUN = re.compile(rf"{_WORDISH}(?: {_WORDISH}){{0,3}}")
_HYPHEN_TAIL = re.compile(r"\s+[-–]\s+(?=[^\W\d_])")


def _doubled(text: str, match: re.Match[str]) -> tuple[str, str] | None:
    """(``phường``, ``Phường Đúc``) for "phường Phường Đúc": a name starting with its unit word."""
    m = _DOUBLED.match(text, match.start())
    if m is None or m.group("name").split()[0].lower() != m.group("unit").lower():
        return None
    rest = _capitalised_prefix(text[m.start("name") : m.start("name") + 60].split(None, 1)[1])
    name = _name_of(rest, "", None) if rest else None
    unit = m.group("unit").lower()
    return (unit, f"{m.group('name').split()[0]} {name}") if name else None


def _hyphen_name(text: str, start: int, name: str, name_end: int) -> str:
    """``A - B`` as one name after an office (see :data:`_OFFICE_BEFORE`), else ``name``."""
    tail = _HYPHEN_TAIL.match(text, name_end)
    if tail is None or not _OFFICE_BEFORE.search(text[max(0, start - 24) : start]):
        return name
    run = _WORD_RUN.match(text, tail.end())
    second = _capitalised_prefix(run.group()) if run else ""
    following = text[tail.end() + len(second) : tail.end() + len(second) + 20].split()[:1]
    cleaned = _name_of(second, following[0] if following else "", None) if second else None
    if not cleaned:
        return name
    # The part after the hyphen is a town's name (two syllables): what follows is not
    # the ward's ("Xuân Hương - Đà Lạt Trần Thị …", a person).
    return f"{name} - {' '.join(cleaned.split()[:2])}"


def find_mentions(text: str) -> list[WardMention]:
    """Every ward mentioned in ``text``, in order."""
    found: list[WardMention] = []
    if not text or _ANY_KEY.search(text) is None:  # most headlines, bylines: no unit word
        return found
    caps_text: bool | None = None
    skip_at = -1
    may_double = "hường P" in text or "ã X" in text
    for match in _matches(text):
        start = match.start()
        if start == skip_at:
            continue
        if may_double:
            doubled = _doubled(text, match)
            if doubled:
                skip_at = match.start("name")
                weak = bool(start and _WEAK_BEFORE.search(text[max(0, start - 12) : start]))
                found.append(WardMention(doubled[0], doubled[1], start, weak))
                continue
        if start:
            before = text[max(0, start - 9) : start]
            low = before.lower()
            if ("tác" in low or "htx" in low) and _COOPERATIVE.search(before):
                continue
        written = match.group("unit")
        unit = _unit_of(written)
        if unit is None:
            continue
        raw = match.group("name")
        if raw.isdigit():
            if int(raw) == 0:
                continue
            name: str | None = str(int(raw))
        else:
            prefix = _capitalised_prefix(raw)
            if not prefix:
                continue
            name_end = match.start("name") + len(prefix)
            # "PHƯỜNG MỸ LONG TỔ CHỨC…" in a caps line: where the name ends is unknown.
            # (A unit word with a small letter, "xã", "Phường", starts no caps run.)
            if not written[-1].islower():
                if caps_text is None:
                    caps_text = is_upper_text(text)
                if not caps_text and is_upper_text(text[start:name_end]):
                    continue
            suffix = match.group("number") if prefix == raw else None
            # The word after the name matters only after a word that may end it
            # ("Thành" before "ủy", "Tổ" before "chức"): else the name is remembered.
            last = prefix[max(prefix.rfind(" "), prefix.rfind("-")) + 1 :].lower()
            word = ""
            if last in NEEDS_FOLLOWING:
                following = text[name_end : name_end + 20].split(maxsplit=1)[:1]
                word = following[0] if following else ""
            name = _name_of(prefix, word, suffix)
            gap = text[name_end : name_end + 3]
            if name and gap[:1] == " " and ("-" in gap or "–" in gap):
                name = _hyphen_name(text, start, name, match.start("name") + len(name))
        if not name:
            continue
        weak = bool(start and _WEAK_BEFORE.search(text[max(0, start - 12) : start]))
        found.append(WardMention(unit, name, start, weak))
    found.sort(key=lambda m: m.start)
    return found


_SPACES = re.compile(r"\s+")
_UNIT_OF: dict[str, str | None] = {}


def _unit_of(raw: str) -> str | None:
    """The unit of a unit word as written (``Phường``, ``thị  trấn``), remembered."""
    try:
        return _UNIT_OF[raw]
    except KeyError:
        unit = UNIT_WORDS.get(_SPACES.sub(" ", raw.lower()))
        if len(_UNIT_OF) < 256:
            _UNIT_OF[raw] = unit
        return unit


@lru_cache(maxsize=4096)
def _name_of(prefix: str, following: str, suffix: str | None) -> str | None:
    """The ward name in capitalised ``prefix`` (then ``following``, and a number ``suffix``)."""
    name = _clean_name(prefix, following)
    if name and suffix and name.split()[-1] == prefix.split()[-1]:
        name = f"{name}{suffix}"
    return name


def subject_ward(
    title: str, lead: str, body: str, byline: str | None = None
) -> tuple[str, str] | None:
    """The (ward, unit) the article is about, or ``None``.

    Score: named in the title 8, in the lead 4, in the byline 2 (once each); every
    other mention 1, up to 5 per ward; a weak mention (after ``với``, ``các``…)
    counts a third. Ties go to the first mentioned. Spelling variants
    (``Hòa``/``Hoà``) are one ward, shown as written most often.
    """
    scores: defaultdict[tuple[str, str], float] = defaultdict(float)
    first_seen: dict[tuple[str, str], int] = {}
    spellings: defaultdict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    body_counts: Counter[tuple[str, str]] = Counter()
    for weight, text in ((8.0, title), (4.0, lead), (2.0, byline or ""), (0.0, body)):
        scored_here: set[tuple[str, str]] = set()
        for mention in find_mentions(text):
            key = (mention.unit, _fold_name(mention.name))
            spellings[key][mention.name] += 1
            first_seen.setdefault(key, len(first_seen))
            share = 1 / 3 if mention.weak else 1.0
            if weight and key not in scored_here:
                scored_here.add(key)
                scores[key] += weight * share
            elif body_counts[key] < 5:
                body_counts[key] += 1
                scores[key] += share
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], -first_seen[k]))
    counts = spellings[best]
    # As written most often; ties go to the new tone placement (Hòa, Thủy).
    return max(counts, key=lambda n: (counts[n], modern_tone(n) == n)), best[0]


# Old and new tone placement (Hoà/Hòa, Thuỷ/Thủy): only at a syllable's end, and not
# after "q" (Quý).
_OLD_TONE_PLACE = re.compile("(?<![qQ])([oOuU])([àáảãạèéẻẽẹỳýỷỹỵ])(?![^\\W\\d_])")
_TONE_OF = {
    ch: (base, mark)
    for base, row in (("a", "àáảãạ"), ("e", "èéẻẽẹ"), ("y", "ỳýỷỹỵ"))
    for ch, mark in zip(row, "\u0300\u0301\u0309\u0303\u0323", strict=True)
}


def modern_tone(name: str) -> str:
    """``Hoà`` → ``Hòa``, ``Thuỷ`` → ``Thủy``, ``Khoẻ`` → ``Khỏe``; other names unchanged."""

    def move(m: re.Match[str]) -> str:
        base, mark = _TONE_OF[m.group(2)]
        return unicodedata.normalize("NFC", m.group(1) + mark) + base

    return _OLD_TONE_PLACE.sub(move, name) if _OLD_TONE_PLACE.search(name) else name


def name_cache_clear() -> None:
    """Forget the remembered ward names (see :func:`.lines.clear_caches`)."""
    _name_of.cache_clear()
    _fold_name.cache_clear()
    _capitalised_prefix.cache_clear()
    _SYLLABLES.clear()


_fold_name = lru_cache(maxsize=4096)(fold)
