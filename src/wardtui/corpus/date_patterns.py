"""The date patterns of :mod:`.dates`, and fast ways to find the ones that open with a
look-behind.

A pattern that opens with a look-behind (``(?<![\\d/])12/5/2023``) gives the regex
engine no first character to skip to: it tries the whole pattern at every position
of the text, several times slower than a search for the rest of the pattern. The
``*_matches`` functions search for the rest and test the character before each
match; a match refused there is retried one position further, as the full pattern's
search would be. They find exactly what ``PATTERN.finditer`` finds (the tests compare
them on arbitrary text).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator

SEP = r"\s*[/.\-]\s*"
FULL_DATE = re.compile(rf"(?<![\d/])(\d{{1,2}}){SEP}(\d{{1,2}}){SEP}((?:19|20)\d\d)(?![\d/])")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
WORDY_DATE = re.compile(
    r"(?:ngày\s+)?(?<![\d/])(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*năm|,|năm)\s*((?:19|20)\d\d)",
    re.IGNORECASE,
)
# An anniversary span "(3/2/1930 - 3/2/2022)": neither end is the article's date.
SPAN = re.compile(
    rf"(?<![\d/])\d{{1,2}}{SEP}\d{{1,2}}{SEP}(?:19|20)\d\d\s*[-–—]\s*"
    rf"\d{{1,2}}{SEP}\d{{1,2}}{SEP}((?:19|20)\d\d)(?![\d/])"
)
# A range of days: "ngày 06 và 07-5", "từ ngày 08/11 đến 18/11/2025", "25 - 27/02/2024".
RANGE = re.compile(
    r"(?:ngày|từ|trong\s+(?:hai|ba|2|3)\s+ngày)\s+(?:ngày\s+)?(\d{1,2})(?:\s*[/.\-]\s*(\d{1,2}))?"
    r"\s*(?:-|–|đến|và|tới)\s*(?:ngày\s+)?\d{1,2}\s*[/.\-]\s*(\d{1,2})"
    r"(?:\s*[/.\-]\s*((?:19|20)\d\d))?(?![\d/])",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm|,\s*năm)\s*((?:19|20)\d\d)(?!\d)", re.I)
_CUE = r"(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|vào|từ|chiều tối|sáng sớm)"
DAY_MONTH = re.compile(
    rf"(?<![\w/]){_CUE}\s+(?:ngày\s+|nay\s+|qua\s+)?(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})(?![\d/.\-]*\d)",
    re.IGNORECASE,
)
# A full date with a two-digit year after a cue word: "Sáng ngày 09/02/25" (2025).
SHORT_YEAR_DATE = re.compile(
    rf"(?<![\w/]){_CUE}\s+(?:ngày\s+)?(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*(\d\d)(?![\d/])",
    re.IGNORECASE,
)
# What RANGE, SHORT_YEAR_DATE and DAY_MONTH all hold: two digits with a separator
# between them. A search for it skips to the digits, where theirs (a cue word, a
# look-behind) is tried at every position: a text without one holds none of them.
DAY_MONTH_HINT = re.compile(r"\d\s*[/.\-]\s*\d")
YEAR = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)(?![\d/]|\s*[-–]\s*(?:19|20)\d\d)")
NAMED_YEAR = re.compile(
    r"năm\s+(?:mới\s+)?((?:19|20)\d\d)(?!\s*[-–]\s*(?:19|20)?\d\d)", re.IGNORECASE
)

# The same patterns without their opening look-behind (``\d\d?`` is ``\d{1,2}`` with a
# first character the engine can skip to), and what the look-behind refuses before.
_FULL_DATE_REST = re.compile(rf"(\d\d?){SEP}(\d{{1,2}}){SEP}((?:19|20)\d\d)(?![\d/])")
_ISO_DATE_REST = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_SPAN_REST = re.compile(
    rf"\d\d?{SEP}\d{{1,2}}{SEP}(?:19|20)\d\d\s*[-–—]\s*"
    rf"\d{{1,2}}{SEP}\d{{1,2}}{SEP}((?:19|20)\d\d)(?![\d/])"
)
_YEAR_REST = re.compile(r"((?:19|20)\d\d)(?![\d/]|\s*[-–]\s*(?:19|20)\d\d)")


def _digit_or_slash(ch: str) -> bool:
    return ch == "/" or ch.isdecimal()  # \d is a decimal digit of any script


def _digit_or_mark(ch: str) -> bool:
    return ch in "/.-" or ch.isdecimal()


def _scan(
    rest: re.Pattern[str],
    refused: Callable[[str], bool],
    text: str,
    pos: int = 0,
    endpos: int = sys.maxsize,
) -> Iterator[re.Match[str]]:
    search = rest.search
    while (match := search(text, pos, endpos)) is not None:
        start = match.start()
        if start and refused(text[start - 1]):
            pos = start + 1  # where the full pattern's search goes on
            continue
        yield match
        pos = match.end()


def full_dates(text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
    """``FULL_DATE.finditer(text, pos, endpos)``, faster."""
    return _scan(_FULL_DATE_REST, _digit_or_slash, text, pos, endpos)


def iso_dates(text: str) -> Iterator[re.Match[str]]:
    """``ISO_DATE.finditer(text)``, faster."""
    return _scan(_ISO_DATE_REST, str.isdecimal, text)


def spans(text: str) -> Iterator[re.Match[str]]:
    """``SPAN.finditer(text)``, faster."""
    return _scan(_SPAN_REST, _digit_or_slash, text)


def years(text: str) -> Iterator[re.Match[str]]:
    """``YEAR.finditer(text)``, faster."""
    return _scan(_YEAR_REST, _digit_or_mark, text)
