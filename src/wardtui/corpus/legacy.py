"""Vietnamese text in the legacy font encodings TCVN3 (ABC) and VNI, back to Unicode.

Before Unicode, Vietnamese was typed in 8-bit font encodings. Read as Latin-1 or
Windows-1252 they look like nonsense: ``tæ chøc héi nghÞ`` is TCVN3 for ``tổ chức
hội nghị``, ``toå chöùc hoäi nghò`` is VNI for the same words. Scraped files hold
such text whole, or in runs pasted into otherwise Unicode pages.

:func:`fix_legacy` finds runs of words that use characters a Unicode Vietnamese
text never has (``æ ø Þ µ ¸ ö ñ …``), converts each run both ways, and keeps the
reading whose syllables are well formed (at most one tone mark, no leftover
Latin-1 letters). Text without such characters is returned untouched after one
scan.
"""

from __future__ import annotations

import re
import unicodedata

from .clean import LEGACY_MARKS

__all__ = ["fix_legacy", "legacy_codec", "tcvn3_to_unicode", "vni_to_unicode"]

# TCVN3 (ABC): one byte per letter; the font has lower-case letters only (capitals
# were typed with another font on the same codes), plus seven capital letters.
_TCVN3_FROM = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\xadõøö÷ùúýûüþ¡¢§£¤¥¦"
_TCVN3_TO = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3_TABLE = str.maketrans(_TCVN3_FROM, _TCVN3_TO)

# VNI: a base letter followed by mark characters.
_VNI_TONES = ("ù", "ø", "û", "õ", "ï")  # sắc, huyền, hỏi, ngã, nặng
_VNI_HAT_TONES = ("á", "à", "å", "ã", "ä")  # after a circumflex vowel
_VNI_BREVE_TONES = ("é", "è", "ú", "ü", "ë")  # after a breve vowel
_TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for upper in (False, True):

        def cased(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        for base in "aeouy":
            for mark, tone in zip(_VNI_TONES, _TONE_MARKS, strict=True):
                pairs[cased(base) + cased(mark)] = cased(_compose(base, tone))
                pairs[cased(base) + mark] = cased(_compose(base, tone))
        for base in "aeo":  # circumflex: â ê ô
            pairs[cased(base) + cased("â")] = cased(_compose(base, "\u0302"))
            pairs[cased(base) + "â"] = cased(_compose(base, "\u0302"))
            for mark, tone in zip(_VNI_HAT_TONES, _TONE_MARKS, strict=True):
                pairs[cased(base) + cased(mark)] = cased(_compose(base, "\u0302", tone))
                pairs[cased(base) + mark] = cased(_compose(base, "\u0302", tone))
        pairs[cased("a") + cased("ê")] = cased("ă")
        pairs[cased("a") + "ê"] = cased("ă")
        for mark, tone in zip(_VNI_BREVE_TONES, _TONE_MARKS, strict=True):
            pairs[cased("a") + cased(mark)] = cased(_compose("a", "\u0306", tone))
            pairs[cased("a") + mark] = cased(_compose("a", "\u0306", tone))
        for code, base in (("ô", "o"), ("ö", "u")):  # ơ and ư are one character
            pairs[cased(code)] = cased(_compose(base, "\u031b"))
            for mark, tone in zip(_VNI_TONES, _TONE_MARKS, strict=True):
                pairs[cased(code) + cased(mark)] = cased(_compose(base, "\u031b", tone))
                pairs[cased(code) + mark] = cased(_compose(base, "\u031b", tone))
        for code, tone in zip(("í", "ì", "æ", "ó", "ò"), _TONE_MARKS, strict=True):
            pairs[cased(code)] = cased(_compose("i", tone))
        pairs[cased("î")] = cased("ỵ")
        pairs[cased("ñ")] = cased("đ")
    return pairs


_VNI_PAIRS = _vni_pairs()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI_PAIRS), key=len, reverse=True)))

# Characters that Unicode Vietnamese never uses but TCVN3 or VNI text always does.
_STRONG = frozenset(LEGACY_MARKS)
_STRONG_RE = re.compile("[" + re.escape("".join(sorted(_STRONG))) + "]")
# A legacy mark inside a word (next to a letter), not a symbol standing alone.
_LEGACY_WORD = re.compile(
    "[A-Za-z]["
    + re.escape("".join(sorted(_STRONG)))
    + "]|["
    + re.escape("".join(sorted(_STRONG)))
    + "][A-Za-z]"
)
_LATIN1_LETTERS = frozenset(chr(c) for c in range(0xC0, 0x100) if chr(c).isalpha())
_VIETNAMESE_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_TONED = frozenset(
    ch
    for ch in (chr(c) for c in range(0xC0, 0x1F00))
    if any(m in unicodedata.normalize("NFD", ch) for m in _TONE_MARKS)
)


def tcvn3_to_unicode(text: str) -> str:
    """Text typed in TCVN3 (ABC) and read as Latin-1, in Unicode."""
    return text.translate(_TCVN3_TABLE)


def vni_to_unicode(text: str) -> str:
    """Text typed in VNI and read as Latin-1 or Windows-1252, in Unicode."""
    return _VNI_PATTERN.sub(lambda m: _VNI_PAIRS[m.group(0)], text)


def _bad_words(words: list[str]) -> int:
    """Words that are not well-formed Vietnamese syllables (leftovers, two tone marks)."""
    return sum(1 for word in words if _is_bad(word))


def _is_bad(word: str) -> bool:
    if any(
        ch in _STRONG or (ch in _LATIN1_LETTERS and ch not in _VIETNAMESE_LATIN1) for ch in word
    ):
        return True
    return sum(1 for ch in word if ch in _TONED) > 1


_VNI_BIGRAM = re.compile(
    "[aeiouyAEIOUY][ùøûõïÙØÛÕÏ]|[aeoAEO][âáàåãäÂÁÀÅÃÄ]|[aA][êéèúüëÊÉÈÚÜË]|[öÖ][ùøûõïÙØÛÕÏ]"
)
_TCVN3_ONLY = re.compile("[µ¸¶·¹¨»¾¼½©ÇÐª×ÝÞß«ç¬÷ýþ¡¢§£¤¥¦®\xad]")


def _convert_run(words: list[str]) -> list[str] | None:
    """The TCVN3 or VNI reading of ``words`` (told by their marks), or ``None`` if it fits not."""
    joined = " ".join(words)
    vni = len(_VNI_BIGRAM.findall(joined))
    tcvn3 = len(_TCVN3_ONLY.findall(joined))
    convert = tcvn3_to_unicode if tcvn3 >= vni else vni_to_unicode
    converted = [convert(w) for w in words]
    bad = _bad_words(converted)
    if bad >= _bad_words(words) or bad * 4 > len(words):
        return None
    return converted


def _is_unicode_word(word: str) -> bool:
    return any(ord(ch) > 0xFF for ch in word)


def _strong_spans(words: list[str], a: int, b: int) -> list[tuple[int, int]]:
    """Spans of ``words[a:b]`` from a word with legacy marks to the last one, gaps <= 2."""
    strong = [i for i in range(a, b) if _STRONG_RE.search(words[i])]
    spans: list[tuple[int, int]] = []
    for i in strong:
        if spans and i - spans[-1][1] <= 2:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    # One stray symbol (a copyright sign, a micro sign) is not a legacy run.
    return [
        (lo, hi) for lo, hi in spans if sum(1 for w in words[lo:hi] if _LEGACY_WORD.search(w)) >= 2
    ]


def legacy_codec(text: str) -> str | None:
    """``"tcvn3"`` or ``"vni"`` when ``text`` (decoded as Latin-1) reads as that encoding."""
    vni = len(_VNI_BIGRAM.findall(text))
    tcvn3 = len(_TCVN3_ONLY.findall(text))
    if max(vni, tcvn3) < 3:
        return None
    return "tcvn3" if tcvn3 >= vni else "vni"


def fix_legacy(text: str) -> str:
    """Convert the TCVN3 and VNI runs of ``text`` to Unicode; other text is unchanged.

    A run is a stretch of words holding legacy marks (at least two such words, at
    most two plain words between them) with no Unicode-only letter inside.
    """
    if _STRONG_RE.search(text) is None:
        return text
    # Every run converted holds two words with a legacy mark next to a letter: a text
    # with fewer such pairs (a "©" or a "»" between spaces) has none to convert.
    first = _LEGACY_WORD.search(text)
    if first is None or _LEGACY_WORD.search(text, first.end()) is None:
        return text
    return _fix_lines(text)


def _fix_lines(text: str) -> str:
    """:func:`fix_legacy` line by line (every test of the text already passed)."""
    out: list[str] = []
    for line in text.split("\n"):
        if _STRONG_RE.search(line) is None:
            out.append(line)
            continue
        if len(line) > 2_000 and max(line) <= "\xff":
            # A long line without a Unicode-only letter: the whole line is one run.
            sample = line[:2_000].split()
            if sum(1 for w in sample if _LEGACY_WORD.search(w)) >= 2:
                converted = _convert_run(sample)
                if converted is not None:
                    joined = " ".join(sample)
                    vni = len(_VNI_BIGRAM.findall(joined))
                    tcvn3 = len(_TCVN3_ONLY.findall(joined))
                    line = tcvn3_to_unicode(line) if tcvn3 >= vni else vni_to_unicode(line)
            out.append(line)
            continue
        parts = re.split(r"(\s+)", line)
        words = parts[0::2]
        runs: list[tuple[int, int]] = []
        start = None
        for i, word in enumerate(words):
            if _is_unicode_word(word):
                if start is not None:
                    runs.append((start, i))
                    start = None
            elif start is None and word:
                start = i
        if start is not None:
            runs.append((start, len(words)))
        for a, b in runs:
            for lo, hi in _strong_spans(words, a, b):
                converted = _convert_run(words[lo:hi])
                if converted is not None:
                    words[lo:hi] = converted
        parts[0::2] = words
        out.append("".join(parts))
    return "\n".join(out)
