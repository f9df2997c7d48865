"""Vietnamese text helpers: accent folding, collation and slugs.

This module knows nothing of the rest of wardtui. Its three promises:

* :func:`fold` maps NFC text to lower-case ASCII-ish text *one character in,
  one character out*, so an offset found in the folded text is the same offset
  in the original (what highlighting needs). ``đ``/``Đ`` fold to ``d``, which
  neither Unicode decomposition nor SQLite's FTS5 does.
* :func:`sort_key` orders names the Vietnamese way (a ă â b c d đ e ê …, tones
  as a second key, digit runs by value).
* :func:`slugify` makes a file-name-safe ASCII slug.
* :func:`spelling_key` folds the two tone placements (``Hoà``/``Hòa``,
  ``Thuỷ``/``Thủy``) and case together, and nothing else.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

__all__ = [
    "ALPHABET",
    "fold",
    "has_diacritics",
    "is_upper_text",
    "proper_case",
    "slugify",
    "sort_key",
    "spelling_key",
]

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"

# Combining marks, grouped by what they do in Vietnamese.
_VOWEL_MARKS = frozenset({"\u0306", "\u0302", "\u031b"})  # breve, circumflex, horn
# Tone order used by dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

_FOLD_RANGES = (
    (0x0000, 0x0250),  # Basic Latin, Latin-1, Latin Extended-A/B
    (0x0370, 0x0530),  # Greek, Cyrillic
    (0x1E00, 0x1F00),  # Latin Extended Additional (most Vietnamese letters)
    (0xFF21, 0xFF5B),  # fullwidth Latin
)


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, stop in _FOLD_RANGES:
        for cp in range(start, stop):
            ch = chr(cp)
            low = ch.lower()
            if len(low) != 1:
                low = ch
            base = unicodedata.normalize("NFD", low)[0]
            if base in ("đ", "ð"):
                base = "d"
            base = unicodedata.normalize("NFKC", base)
            if len(base) != 1:
                base = low
            if base != ch:
                table[cp] = base
    table[ord("Đ")] = "d"
    table[ord("đ")] = "d"
    table[ord("Ð")] = "d"
    return table


_FOLD_TABLE = _build_fold_table()

# The fast path of :func:`fold`. ``str.translate`` with a dict costs a lookup (and a
# caught KeyError for every character it leaves alone) per character; instead, text
# made only of the 256 characters below once lower-cased (ASCII, Latin-1, the
# Vietnamese letters, common punctuation) is encoded to one byte per character by a
# C charmap codec and decoded back through a table of the folded characters: six
# times faster. Any other character fails the encoding and the text is translated.
_FAST_EXTRA = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    "“”‘’‚„–—‐‑‒―…•′″‹›€™†‡‰\ufffd→←↑↓●○■□▪►▶◆★"
)


def _fast_alphabet() -> str:
    chars = [chr(cp) for cp in range(128) if not "A" <= chr(cp) <= "Z"]
    chars += [chr(cp).lower() for cp in range(0xA0, 0x100)] + list(_FAST_EXTRA)
    alphabet = "".join(dict.fromkeys(ch for ch in chars if len(ch) == 1))
    assert len(alphabet) == 256, len(alphabet)  # one byte per character, all used
    return alphabet


_FAST_ALPHABET = _fast_alphabet()
_FAST_ENCODE = codecs.charmap_build(_FAST_ALPHABET)
_FAST_FOLDED = _FAST_ALPHABET.translate(_FOLD_TABLE)


def fold(text: str) -> str:
    """Fold accents and case: ``"Đảng ủy"`` → ``"dang uy"``.

    For NFC input (everything wardtui stores) the result has the same length as
    the input; other input is normalised to NFC first.
    """
    if text.isascii():
        return text.lower()  # the table folds only A-Z in ASCII
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    try:
        # ``lower`` keeps the length of every character of the fast alphabet's
        # upper-case forms; the one that grows (U+0130) lowers to a combining
        # mark outside the alphabet and so takes the slow path.
        packed = codecs.charmap_encode(text.lower(), "strict", _FAST_ENCODE)[0]
    except UnicodeEncodeError:
        return text.translate(_FOLD_TABLE)
    return codecs.charmap_decode(packed, "strict", _FAST_FOLDED)[0]


def has_diacritics(text: str) -> bool:
    """True when folding would change more than the case of ``text``."""
    return fold(text) != text.lower()


@lru_cache(maxsize=4096)
def _char_key(ch: str) -> tuple[int, int]:
    """(letter rank, tone) for one character; non-letters rank 0."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    if base == "đ":
        return ALPHABET.index("đ") + 1, 0
    marks = decomposed[1:]
    tone = 0
    letter = base
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif mark in _VOWEL_MARKS:
            letter = unicodedata.normalize("NFC", letter + mark)
    if letter in ALPHABET:
        return ALPHABET.index(letter) + 1, tone
    folded = fold(letter)
    if folded.isalpha() and folded.isascii():
        # f, j, w, z and foreign letters: after the nearest Vietnamese letter.
        return 40 + ord(folded), tone
    return 0, 0


_DIGITS = re.compile(r"(\d+)")


def sort_key(name: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]:
    """A key that sorts names in Vietnamese alphabetical order.

    Primary key: letters by the Vietnamese alphabet (``Đ`` right after ``D``),
    digit runs by their value (``2`` before ``10``) and before letters, spaces
    and punctuation before both. Secondary key: the tones. Last: the text itself,
    so the order is total and stable.
    """
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    for part in _DIGITS.split(unicodedata.normalize("NFC", name)):
        if not part:
            continue
        if part.isdigit():
            primary.append((1, int(part)))
            continue
        for ch in part:
            rank, tone = _char_key(ch)
            primary.append((2, rank) if rank else (0, 0))
            tones.append(tone)
    return tuple(primary), tuple(tones), name


def is_upper_text(text: str) -> bool:
    """True when ``text`` has letters and none of them is lower-case."""
    if text.isupper():  # one C-level pass: cased letters, all upper-case
        return True
    if any(map(str.islower, text)):
        return False
    return any(map(str.isalpha, text))  # letters without case (e.g. CJK)


def proper_case(name: str) -> str:
    """Capitalise every syllable of an ALL-CAPS name (``MỸ LONG`` → ``Mỹ Long``).

    Mixed-case names are kept as written (``Cư M'gar``, ``Ea Kao``).
    """
    if not is_upper_text(name):
        return name
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


_SLUG_JUNK = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 80) -> str:
    """An ASCII slug: ``"Đảng bộ phường Mỹ Long!"`` → ``"dang-bo-phuong-my-long"``."""
    folded = fold(unicodedata.normalize("NFC", text))
    slug = _SLUG_JUNK.sub("-", folded).strip("-")
    if len(slug) > max_length:
        slug = (
            slug[:max_length].rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
        )
    return slug.strip("-")


_WORD = re.compile(r"\w+")


def _syllable_key(match: re.Match[str]) -> str:
    word = unicodedata.normalize("NFD", match.group())
    tone = ""
    kept = []
    for ch in word:
        if ch in _TONES:
            tone = str(_TONES[ch])
        else:
            kept.append(ch)
    base = unicodedata.normalize("NFC", "".join(kept))
    return f"{base}{tone}" if tone else base


def spelling_key(text: str) -> str:
    """A key equal for spellings that differ only in tone placement or case.

    ``"Hoà"``/``"Hòa"`` and ``"Thuỷ"``/``"Thủy"`` share a key (a syllable has one
    tone: the key keeps the tone, not where it sits); ``"Mỹ"``/``"Mĩ"`` (other
    letters) and ``"Hòa"``/``"Hoa"`` (other tone) do not. Whitespace runs are one space.
    """
    text = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return _WORD.sub(_syllable_key, text)
