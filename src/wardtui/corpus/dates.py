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
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import lru_cache

from .date_context import deadline, doc_ref, plan_year
from .date_patterns import (
    DAY_MONTH,
    DAY_MONTH_HINT,
    MONTH_YEAR,
    NAMED_YEAR,
    RANGE,
    SEP,
    SHORT_YEAR_DATE,
    WORDY_DATE,
    full_dates,
    iso_dates,
    spans,
    years,
)

HEAD_SCAN = 3_000  # characters of the title, the lead and the next paragraph read for dates
MIN_YEAR = 1990
MAX_YEAR = date.today().year + 1

_RANGE_BEFORE = re.compile(r"(?:(?:19|20)\d\d\s*[-–]\s*|giai đoạn\s+|nhiệm kỳ\s+)$", re.I)

# An icon's name glued before a stamp by a scraper: "ClockChủ Nhật, 21/04/2024 13:30".
_ICON = r"(?:clock|calendar|time|date|icon)?"
_STAMP_CUE = re.compile(
    rf"^[\s(\[|•\-–]*{_ICON}(?:ngày\s+đăng(?:\s+bài)?|đăng\s+ngày|đăng\s+lúc|ngày\s+cập\s+nhật|"
    r"cập\s+nhật(?:\s+lúc|\s+ngày)?|ngày\s+xuất\s+bản|xuất\s+bản|thời\s+gian(?:\s+đăng)?|"
    r"ngày\s+ban\s+hành|đăng\s+tải|posted(?:\s+on)?|published|ngày)\s*[:：]?",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    rf"^[\s(\[]*{_ICON}(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn|t[2-7])\s*[,\-–]?\s*",
    re.IGNORECASE,
)
_TIME = r"\d{1,2}\s*[:hg]\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
_BARE_STAMP = re.compile(
    rf"^[\s(\[\-–•]*(?:{_TIME}\s*[,|\-–]?\s*(?:ngày\s+)?)?\d{{1,2}}{SEP}\d{{1,2}}{SEP}\d{{4}}"
    rf"(?:\s*[,|\-–]?\s*(?:lúc\s+)?{_TIME})?(?:\s*[(\[]?GMT[+\-]\d+[)\]]?)?"
    r"(?:\s*\|?\s*(?:số\s+)?lượt\s+(?:xem|đọc)\s*:?\s*[\d.,]+)?[\s)\]]*$",
    re.IGNORECASE,
)
# A date a work started on, then the date it was finished: the news is the second.
_STARTED = re.compile(
    r"(?:khởi\s+công|động\s+thổ|bắt\s+đầu)\s+(?:vào\s+|từ\s+)*(?:ngày\s*)?$", re.IGNORECASE
)
_FINISHED = re.compile(
    r"^[^.;!?]{0,80}(?:khánh\s+thành|hoàn\s+thành|đưa\s+vào\s+sử\s+dụng|bàn\s+giao|kết\s+thúc)"
    r"[^.;!?]{0,60}$",
    re.IGNORECASE,
)


def _finished_later(text: str, match: re.Match[str]) -> tuple[int, str] | None:
    """After a start date, the finishing date of the same sentence, as (offset, ISO)."""
    before = text[max(0, match.start() - 40) : match.start()]
    if "công" not in before and "thổ" not in before and "đầu" not in before:
        return None
    if not _STARTED.search(before):
        return None
    later = next(full_dates(text, match.end(), match.end() + 160), None)
    if later is None or not _FINISHED.search(text[match.end() : later.start()]):
        return None
    iso = make_iso(int(later.group(3)), int(later.group(2)), int(later.group(1)))
    return (later.start(), iso) if iso else None


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


_YEAR4 = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=64)
def _span_list(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, closing year) of each anniversary span: once per text, though both
    the date and the year finders ask (a span needs a dash). Two dates of the same year
    (``Từ ngày 11/3/2021 - 14/3/2021``) are a range of days, not an anniversary: its
    first day is a date like any other."""
    if "-" not in text and "–" not in text and "—" not in text:
        return ()
    return tuple((m.start(), m.end(), m.group(1)) for m in spans(text) if not _within_a_year(m))


def _within_a_year(span: re.Match[str]) -> bool:
    """Do both ends of ``span`` fall in the same year?"""
    opening = _YEAR4.search(span.group())
    return opening is not None and opening.group() == span.group(1)


def _spans(text: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b, _ in _span_list(text)] if "-" in text or "–" in text else []


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


def _first_full_date(text: str, *, skip_doc_refs: bool) -> tuple[int, str] | None:
    """The earliest full date in ``text`` as (offset, ISO): doc refs and spans skipped."""
    candidates: list[tuple[int, str]] = []
    if "19" not in text and "20" not in text:
        return None  # no year, no full date
    spans = _spans(text) if skip_doc_refs else []
    patterns: list[tuple[Callable[[str], Iterator[re.Match[str]]], str]] = [(full_dates, "dmy")]
    if "háng" in text or "HÁNG" in text:
        patterns.append((WORDY_DATE.finditer, "dmy"))
    if "-" in text:
        patterns.append((iso_dates, "ymd"))
    for finditer, order in patterns:
        for match in finditer(text):
            if _in(spans, match.start()):
                continue
            before = text[max(0, match.start() - 80) : match.start()]
            if skip_doc_refs and (doc_ref(before) or deadline(before)):
                continue
            a, b, c = (int(g) for g in match.groups())
            iso = make_iso(c, b, a) if order == "dmy" else make_iso(a, b, c)
            if iso:
                later = _finished_later(text, match) if skip_doc_refs and order == "dmy" else None
                candidates.append(later or (match.start(), iso))
                break
    return min(candidates) if candidates else None


# Every stamp holds a date with separators, or a month ("tháng 6/2023", "28 tháng 1").
_DATE_HINT = re.compile(r"\d\s*[/.\-]\s*\d|háng")


@lru_cache(maxsize=256)
def stamp_date(line: str) -> str | None:
    """The date of a publication-stamp line, or ``None`` when the line is not a stamp.
    Remembered: the line reader asks again about a line a glued-line split just read."""
    if len(line) > 160 or _DATE_HINT.search(line) is None:
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
    """Years named in ``text`` (``năm 2021`` first, then bare years), ranges excepted.

    The end of an anniversary span (``3/2/1930-3/2/2022``) counts: it is the year
    the anniversary is held.
    """
    found: list[int] = []
    if "19" not in text and "20" not in text:
        return found
    for finditer in (NAMED_YEAR.finditer, years):
        for match in finditer(text):
            if _RANGE_BEFORE.search(text[max(0, match.start() - 12) : match.start()]):
                continue
            if plan_year(text, match.start()):
                continue
            year = int(match.group(1))
            if MIN_YEAR <= year <= MAX_YEAR:
                found.append(year)
        if found:
            break
    for _, _, closing in _span_list(text):
        year = int(closing)
        if MIN_YEAR <= year <= MAX_YEAR:
            found.append(year)
    return found


def _partial(text: str, years: list[int]) -> tuple[int, str | None] | None:
    """The first day-and-month (a range's first day) in ``text`` as (offset, ISO or None)."""
    if DAY_MONTH_HINT.search(text) is None:
        return None  # RANGE, SHORT_YEAR_DATE and DAY_MONTH all need one: most texts hold none
    best: tuple[int, str | None] | None = None
    for match in RANGE.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()]
        if doc_ref(before) or deadline(before):
            continue
        day = int(match.group(1))
        month = int(match.group(2) or match.group(3))
        year = int(match.group(4)) if match.group(4) else (max(years) if years else None)
        best = (match.start(), make_iso(year, month, day) if year else None)
        break
    if "/" in text:
        for match in SHORT_YEAR_DATE.finditer(text):
            if best is not None and match.start() >= best[0]:
                break
            if doc_ref(text[max(0, match.start() - 80) : match.start()]):
                continue
            day, month = int(match.group(1)), int(match.group(2))
            iso = make_iso(2000 + int(match.group(3)), month, day)
            if iso:
                best = (match.start(), iso)
            break
    for match in DAY_MONTH.finditer(text):
        if best is not None and match.start() >= best[0]:
            break
        if doc_ref(text[max(0, match.start() - 80) : match.start()]):
            continue
        day, month = int(match.group(1)), int(match.group(2))
        iso = make_iso(max(years), month, day) if years else None
        return match.start(), iso
    return best


def event_date(
    texts: Iterable[str],
    article_years: list[int],
    full: dict[str, tuple[int, str] | None] | None = None,
) -> str | None:
    """The first event date in ``texts`` (title, lead …), document references skipped.

    A day/month without a year takes the latest of ``article_years`` (the years the
    article's title and lead name); without any, it gives nothing.
    """
    texts = list(texts)
    for text in texts:
        found = (
            full[text]
            if full is not None and text in full
            else _first_full_date(text, skip_doc_refs=True)
        )
        partial = _partial(text, article_years)
        if partial and (found is None or partial[0] < found[0]):
            if partial[1]:
                return partial[1]
            if found is None:
                return None  # a day without a year: nothing is invented
        if found:
            return found[1]
    for text in texts:
        for month in MONTH_YEAR.finditer(text):
            before = text[max(0, month.start() - 80) : month.start()]
            if _PERIOD_END.search(before):
                continue  # "từ năm 2021 đến tháng 4/2022": a reported period's end
            if doc_ref(before):
                break
            iso = make_iso(int(month.group(2)), int(month.group(1)))
            if iso:
                return iso
            break
    return None


_PERIOD_START = re.compile(r"\btừ\s+(?:năm\s+)?(?:19|20)\d\d\s*(?:đến|tới)\b", re.IGNORECASE)
_PERIOD_END = re.compile(r"\b(?:đến|tới)(?:\s+hết)?\s*$", re.IGNORECASE)


def article_date(
    stamps: list[str], title: str, lead: list[str], body: list[str], later: Iterable[str] = ()
) -> str | None:
    """Choose the article's date: stamp, then event date, then a named year.

    ``stamps`` are ISO dates of the page's publication stamps, or stamp lines. A
    stamp with a month only (``2019-07``) takes its day from a date of that month
    in the title or the lead. ``later`` (the rest of the body) is read for years
    only, when the head names none: ``Tối 10/7, …`` then ``… năm 2020`` further on.
    """
    isos = [s if _ISO_STAMP.match(s) else stamp_date(s) for s in stamps[:20]]
    # An article's dates are in its opening: scanning a little is enough, and linear.
    title = title[:HEAD_SCAN]
    lead = [text[:HEAD_SCAN] for text in lead]
    body = [text[:HEAD_SCAN] for text in body]
    head = [title, *lead]
    head_years = [y for text in head for y in years_in(text)]
    full = {text: _first_full_date(text, skip_doc_refs=True) for text in (*head, *body)}
    for found in full.values():
        if found:
            head_years.append(int(found[1][:4]))
    for iso in isos:
        if iso and len(iso) == 10:
            return iso
    for iso in isos:
        if iso:
            year = int(iso[:4])
            for text in (*head, *body):
                partial = _partial(text, [year])
                if partial and partial[1] and partial[1].startswith(iso):
                    return partial[1]
            return iso
    if not head_years:
        head_years = _later_years(later)
    iso = event_date([*head, *body], head_years, full)
    if iso:
        return iso
    # A year alone only when the lead opens with it ("Năm 2021, …", "Trong năm 2021, …"):
    # a year further on is the year of something the article tells, not its date; and
    # not when the lead goes on to "now" ("Cuối năm 2015, … Thế nhưng hiện nay …").
    first = lead[0] if lead else title
    opening = " ".join(first.split()[:8])
    if "từ" in opening:  # "từ năm 2021 đến tháng 4/2022": the start of a reported period
        opening = _PERIOD_START.sub("", opening)
    years = years_in(opening)
    if not years:
        # "… đã tổ chức “Ngày hội …” năm 2022.": the year closes the lead's first sentence,
        # which names no other number: the year of the event it reports
        sentence = first[:HEAD_SCAN].split(". ", 1)[0]
        closing = _CLOSING_YEAR.search(sentence)
        if (
            closing
            and sum(map(str.isdigit, sentence)) == 4  # no other number: no document, no date
            and not plan_year(sentence, closing.start(1))
        ):
            years = [int(closing.group(1))]
    if not years or _NOW.search(first):
        return None
    return make_iso(max(years))


_CLOSING_YEAR = re.compile(r"\bnăm\s+((?:19|20)\d\d)[”\"]?\.?$")


_NOW = re.compile(r"\b(?:hiện\s+nay|hiện\s+tại|đến\s+nay|cho\s+tới\s+nay|tới\s+nay)\b", re.I)


def _later_years(texts: Iterable[str]) -> list[int]:
    """Years named as such (``năm 2020``: not a birth year ``SN 2008``, a range or a
    plan's year) in the first :data:`HEAD_SCAN` characters of ``texts``."""
    years: list[int] = []
    budget = HEAD_SCAN
    for text in texts:
        if budget <= 0:
            break
        text = text[:budget]
        budget -= len(text)
        if "năm" not in text and "Năm" not in text:
            continue
        for match in NAMED_YEAR.finditer(text):
            year = int(match.group(1))
            before = text[max(0, match.start() - 12) : match.start()]
            if (
                MIN_YEAR <= year <= MAX_YEAR
                and not _BORN.search(before)
                and not (_RANGE_BEFORE.search(before) or plan_year(text, match.start()))
            ):
                years.append(year)
    return years


_BORN = re.compile(r"\bsinh\s*$", re.IGNORECASE)


_ISO_STAMP = re.compile(r"^(?:19|20)\d\d(?:-\d\d(?:-\d\d)?)?$")
