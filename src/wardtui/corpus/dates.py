"""Finding an article's date, at the precision the article gives.

The order of trust, highest first:

1. a *publication stamp*: ``Ngày đăng 19/01/2021 | 15:18``, ``Đăng ngày 17 - 05 - 2024``,
   ``Cập nhật lúc 16:45 ngày 2/9/2024``, ``Thứ Ba, 14/03/2023 08:30``, a line that is
   only a date and a time;
2. an *event date* in the title or the lead: ``Sáng ngày 28/06/2023``,
   ``ngày 7 tháng 11 năm 2021``; a day and month without a year (``Sáng 12/7``) only
   after a cue word, its year taken from the article;
3. a *year* named in the title or the lead (``năm 2020``), ranges and terms of
   office (``2020-2025``) excepted.

Dates inside document references (``Kế hoạch số 12/KH-UBND ngày 3/4/2023``) are not
the article's. Nothing is invented: no year, no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

MIN_YEAR = 1990
MAX_YEAR = date.today().year + 1

_SEP = r"\s*[/.\-]\s*"
FULL_DATE = re.compile(rf"(?<![\d/])(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}((?:19|20)\d\d)(?![\d/])")
ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
WORDY_DATE = re.compile(
    r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+((?:19|20)\d\d)", re.IGNORECASE
)
MONTH_YEAR = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm|,\s*năm)\s*((?:19|20)\d\d)(?!\d)", re.I)
_CUE = r"(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|vào|từ|chiều tối|sáng sớm)"
DAY_MONTH = re.compile(
    rf"(?<![\w/]){_CUE}\s+(?:ngày\s+|nay\s+|qua\s+)?(\d{{1,2}})\s*[/.\-]\s*(\d{{1,2}})(?![\d/.\-]*\d)",
    re.IGNORECASE,
)
YEAR = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)(?![\d/]|\s*[-–]\s*(?:19|20)\d\d)")
NAMED_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)(?!\s*[-–]\s*(?:19|20)?\d\d)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:(?:19|20)\d\d\s*[-–]\s*|giai đoạn\s+|nhiệm kỳ\s+)$", re.I)

_STAMP_CUE = re.compile(
    r"^[\s(\[|•\-–]*(?:ngày\s+đăng(?:\s+bài)?|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật|"
    r"cập\s+nhật(?:\s+lúc|\s+ngày)?|ngày\s+xuất\s+bản|xuất\s+bản|thời\s+gian(?:\s+đăng)?|"
    r"ngày\s+ban\s+hành|đăng\s+tải|posted(?:\s+on)?|published|ngày)\s*[:：]?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"^[\s(\[]*(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn|t[2-7])\s*[,\-–]?\s*",
    re.IGNORECASE,
)
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
_BARE_STAMP = re.compile(
    rf"^[\s(\[]*(?:{_TIME}\s*[,|\-–]?\s*(?:ngày\s+)?)?\d{{1,2}}{_SEP}\d{{1,2}}{_SEP}\d{{4}}"
    rf"(?:\s*[,|\-–]?\s*(?:lúc\s+)?{_TIME})?(?:\s*\(?GMT[+\-]\d+\)?)?[\s)\]]*$",
    re.IGNORECASE,
)
# A document reference just before a date: "số 12/KH-UBND ngày", "Quyết định … ngày".
_DOC_REF = re.compile(
    r"(?:\bsố\s*:?\s*[\w./\-]*\d[\w./\-]*|\d+/[A-ZĐ][\w\-/]*|"
    r"\b(?:kế hoạch|quyết định|nghị quyết|nghị định|công văn|thông báo|chỉ thị|thông tư|"
    r"hướng dẫn|tờ trình|luật|văn bản|kết luận|quy định)(?:\s+(?:của|liên tịch)\s+[^,.;:]{0,30})?)"
    r"\s*,?\s*(?:ban hành\s+|ký\s+)?(?:ngày\s*)?$",
    re.IGNORECASE,
)


def make_iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text at the given precision, or ``None`` if the parts are not a real date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _first_full_date(text: str, *, skip_doc_refs: bool) -> tuple[int, str] | None:
    """The earliest full date in ``text`` as (offset, ISO), optionally skipping doc refs."""
    candidates: list[tuple[int, str]] = []
    for pattern, order in ((FULL_DATE, "dmy"), (WORDY_DATE, "dmy"), (ISO_DATE, "ymd")):
        for match in pattern.finditer(text):
            if skip_doc_refs and _DOC_REF.search(text[max(0, match.start() - 80) : match.start()]):
                continue
            a, b, c = (int(g) for g in match.groups())
            iso = make_iso(c, b, a) if order == "dmy" else make_iso(a, b, c)
            if iso:
                candidates.append((match.start(), iso))
    return min(candidates) if candidates else None


def stamp_date(line: str) -> str | None:
    """The date of a publication-stamp line, or ``None`` when the line is not a stamp."""
    if len(line) > 160:
        return None
    cue = _STAMP_CUE.match(line)
    weekday = _WEEKDAY.match(line)
    if cue and cue.group(0).strip().lower().rstrip(":：").strip() == "ngày":
        # A bare "Ngày 04/10/2019 Đảng ủy…" opens a lead; a stamp is short.
        rest = line[cue.end() :]
        if not _BARE_STAMP.match(rest):
            return None
    if cue or weekday:
        start = (cue or weekday).end()  # type: ignore[union-attr]
        found = _first_full_date(line[start:], skip_doc_refs=False)
        if found:
            return found[1]
        month = MONTH_YEAR.search(line[start:])
        if month and cue:
            return make_iso(int(month.group(2)), int(month.group(1)))
        return None
    if _BARE_STAMP.match(line):
        bare = _first_full_date(line, skip_doc_refs=False)
        return bare[1] if bare else None
    return None


def is_stamp(line: str) -> bool:
    return stamp_date(line) is not None


def years_in(text: str) -> list[int]:
    """Years named in ``text`` (``năm 2021`` first, then bare years), ranges excepted."""
    found: list[int] = []
    for pattern in (NAMED_YEAR, YEAR):
        for match in pattern.finditer(text):
            if _RANGE_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            year = int(match.group(1))
            if MIN_YEAR <= year <= MAX_YEAR:
                found.append(year)
        if found:
            return found
    return found


def event_date(texts: Iterable[str], article_years: list[int]) -> str | None:
    """The first event date in ``texts`` (title, lead …), document references skipped.

    A day/month without a year takes the latest of ``article_years`` (the years the
    article names); without any, it gives nothing.
    """
    for text in texts:
        found = _first_full_date(text, skip_doc_refs=True)
        partial = None
        for match in DAY_MONTH.finditer(text):
            if not _DOC_REF.search(text[max(0, match.start() - 80) : match.start()]):
                partial = match
                break
        if found and (partial is None or found[0] <= partial.start()):
            return found[1]
        if partial and article_years:
            iso = make_iso(max(article_years), int(partial.group(2)), int(partial.group(1)))
            if iso:
                return iso
        if found:
            return found[1]
        month = MONTH_YEAR.search(text)
        if month and not _DOC_REF.search(text[max(0, month.start() - 80) : month.start()]):
            iso = make_iso(int(month.group(2)), int(month.group(1)))
            if iso:
                return iso
    return None


def article_date(stamps: list[str], title: str, lead: list[str], body: list[str]) -> str | None:
    """Choose the article's date: stamp, then event date, then a named year."""
    for line in stamps:
        iso = stamp_date(line)
        if iso:
            return iso
    head = [title, *lead]
    head_years = [y for text in head for y in years_in(text)]
    body_years = head_years or [y for text in body for y in years_in(text)]
    iso = event_date(head, body_years)
    if iso:
        return iso
    if head_years:
        return make_iso(max(head_years))
    return None
