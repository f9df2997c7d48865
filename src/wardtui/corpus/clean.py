"""Making decoded text safe and regular: controls out, NFC, plain newlines.

Text from files is data. Nothing that could steer a terminal survives
:func:`clean_text`: whole ESC/CSI/OSC/DCS sequences go, then every remaining C0
control but tab and newline, DEL, the C1 controls, the bidi marks and overrides
that would reorder what is shown, and invisible characters (zero-width spaces and
joiners, U+061C, soft hyphens, Unicode tag characters) that hide text or split words.
Text in the legacy font encodings TCVN3 and VNI (whole files, or runs inside Unicode
text) is converted to Unicode first (see :mod:`.legacy`).
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences, and their 8-bit C1 forms.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?            # CSI … final byte
  | \x1b[\]PX^_]                                 # OSC, DCS, SOS, PM, APC …
    [^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?       # … up to BEL or ST, within the line
  | \x1b[ -/]*[0-~]?                              # other ESC sequences
    """,
    re.VERBOSE,
)
# Controls, bidi marks and overrides, and invisible characters: the Arabic letter
# mark, zero-width spaces and joiners, word joiners and invisible operators, soft
# hyphens, the Mongolian vowel separator, byte-order marks and Unicode tag characters.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufffe\U000e0000-\U000e007f]"
)
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def strip_controls(text: str) -> str:
    """Remove escape sequences and control characters; keep tab and newline."""
    if _CONTROLS.search(text) is None:  # most text: one scan, no copy
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


# The last text clean_text returned. The decoder cleans a file's text and the parser's
# entry point cleans what it is given; when that is the very same (immutable) object,
# the second pass is skipped: the two are one pass, as in :func:`.parse.parse_bytes`.
_last_clean = ""


def clean_text(text: str) -> str:
    """Regularise decoded text: newlines to ``\\n``, NFC, no controls, plain spaces."""
    global _last_clean
    if text is _last_clean:
        return text
    _last_clean = text = _clean(text)
    return text


# Characters that Unicode Vietnamese never uses but TCVN3 or VNI text always does
# (the legacy encodings' marks, read by :mod:`.legacy`).
LEGACY_MARKS = "µ¸¶·¹¨»¾¼½Æ©ÇËÎÏÑª×ÖØÜÞßäå«æçëîïñö÷øûüþ¡¢§£¤¥¦¬ÅÄÛÜÏÖ\xad"
# Any character one of the steps of clean_text acts on: legacy marks, controls, odd
# spaces. Most text has none: one scan instead of three.
_ACTED_ON = re.compile(
    "[" + _CONTROLS.pattern[1:-1] + _SPACES.pattern[1:-1] + re.escape(LEGACY_MARKS) + "]"
)


_LEGACY_MARKS = frozenset(LEGACY_MARKS)


def _ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


def _legacy_words(text: str, marks: set[str]) -> bool:
    """Does ``text`` hold two legacy marks next to a letter (two matches, one after the
    other, of :data:`.legacy._LEGACY_WORD`: a letter then a mark, or a mark then a letter)?
    ``marks`` are the legacy marks ``text`` holds: each is found by a plain search, faster
    than the pattern, whose letters match almost everywhere. Without two, :func:`.legacy.
    fix_legacy` changes nothing."""
    starts: set[int] = set()
    for mark in marks:
        at = text.find(mark)
        while at >= 0:
            if at and _ascii_letter(text[at - 1]):
                starts.add(at - 1)
            if _ascii_letter(text[at + 1 : at + 2]):
                starts.add(at)
            at = text.find(mark, at + 1)
    found, end = 0, -1
    for start in sorted(starts):  # the matches a search finds: each two characters long
        if start >= end:
            found, end = found + 1, start + 2
            if found == 2:
                return True
    return False


def _clean(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        # Every character a step acts on, in one scan: a step whose characters are
        # absent is skipped (most pages hold only no-break spaces, if anything).
        acted = set(_ACTED_ON.findall(text))
        if not acted and unicodedata.is_normalized("NFC", text):
            return text
        read = text
        if _legacy_words(text, acted & _LEGACY_MARKS):  # else fix_legacy leaves the text
            from .legacy import fix_legacy  # its tables cost ~20 ms to build: on first use

            text = fix_legacy(text)  # before controls go: TCVN3 uses U+00AD for "ư"
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        if text is read and not any(_CONTROLS.match(ch) for ch in acted):
            # The same text, without controls: only its odd spaces are left to replace,
            # each one by one (a plain replace is several times faster than the pattern).
            for ch in acted:
                if _SPACES.match(ch):
                    text = text.replace(ch, " ")
            return text
    text = strip_controls(text)
    if _SPACES.search(text) is None:
        return text
    return _SPACES.sub(" ", text)


def safe_line(text: str) -> str:
    """One line of text for a terminal: controls removed, newlines and tabs made spaces.

    Undecodable bytes in file names (surrogate escapes) are shown as ``\\xff``.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return strip_controls(text).replace("\n", " ").replace("\t", " ")
