"""Lines where several things were glued together, section names, source tags.

Real pages glue a stamp, a section name, the headline and sometimes the lead into one
line (``Thời sự 14/08/2025 Xã A tổ chức …``); this module splits them
(:func:`split_glued`), knows the section names of portals and papers, and reads the
source tags that open a lead (``(QNO) -``, ``TPO -``). Each predicate reads one line.
"""

from __future__ import annotations

import re

from ..vntext import fold
from .dates import stamp_date

# Section names of portals and papers; a line that is one of them is a section, and
# one glued before a headline is split off.
_SECTION_NAMES = (
    "Thời sự",
    "Xã hội",
    "Kinh tế",
    "Chính trị",
    "Văn hóa",
    "Văn hoá",
    "Văn hóa - Xã hội",
    "Pháp luật",
    "Giáo dục",
    "Y tế",
    "Thể thao",
    "Quốc phòng - An ninh",
    "An ninh - Quốc phòng",
    "Chính quyền",
    "Chính quyền - đoàn thể",
    "Chính quyền - Đoàn thể",
    "Đoàn thể",
    "Nông nghiệp",
    "Nông thôn mới",
    "Tin tức",
    "Tin địa phương",
    "Tin cơ sở",
    "Địa phương",
    "Hoạt động",
    "Sự kiện",
    "Du lịch",
    "Môi trường",
    "Đời sống",
    "Xây dựng Đảng",
    "Tin tức - Sự kiện",
    "Giao thông - Xây dựng",
    "Tài nguyên - Môi trường",
    "Lao động - Việc làm",
    "Khoa học - Công nghệ",
    "Nông nghiệp - Nông thôn",
    "Văn hóa - Thể thao",
    "Chính trị - Xã hội",
    "Kinh tế - Xã hội",
)
SECTIONS = frozenset(fold(s) for s in _SECTION_NAMES)
_SECTION_PREFIX = re.compile(
    r"^(?P<section>"
    + "|".join(re.escape(s) for s in sorted(_SECTION_NAMES, key=len, reverse=True))
    + r")\s+(?=[A-ZĐÀ-Ỹ0-9])"
)
_META_DATE = re.compile(r"^date\s+((?:19|20)\d\d-\d\d(?:-\d\d)?)(?:[T ][\d:.+Z]*)?(?:\s+|$)", re.I)
_LEAD_STAMP = re.compile(
    r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s*,?\s*)?\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d"
    r"(?:\s*[,|\-–]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+(?=[A-ZĐÀ-Ỹ(])"
)
_TRAILING_STAMP = re.compile(
    r"^(?P<head>.+?)\s+(?P<stamp>\(\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d\)"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d\s*[,|\-–]?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:ngày\s+cập\s+nhật|cập\s+nhật|ngày\s+đăng|đăng\s+ngày|ngày\s+xuất\s+bản)\s*:?\s*"
    r"\d{1,2}[/.\-]\d{1,2}[/.\-](?:19|20)\d\d(?:\s*[,|\-–]?\s*\d{1,2}:\d{2}(?::\d{2})?)?)$",
    re.IGNORECASE,
)
SOURCE_TAG = re.compile(
    r"^(?:\((?P<paren>[^()\n]{2,30})\)\s*[-–—:]?\s*"
    r"|(?P<bare>[A-ZĐ](?:[A-ZĐ]|&(?=[A-ZĐ])){1,6}(?:\.VN)?|[A-Z][A-Za-z]+\.vn|[A-ZĐ][a-zà-ỹ]+[A-ZĐ][a-zà-ỹ]+)"
    r"\s*[-–—]\s+)"
    r"(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])"
)
_GLUED_TAG = re.compile(
    r"\s(?P<tag>\((?:[^()\n]{2,30})\)|[A-ZĐ]{2,6}(?:\.VN)?)\s*[-–—]\s*(?=[A-ZĐÀ-Ỹ])"
)
_GLUED_CUE = re.compile(
    r"\s(?=(?:Sáng|Chiều|Tối|Trưa|Đêm|Ngày|Hôm|Vào|Trong|Từ|Vừa\s+qua|Mới\s+đây)\b"
    r"[^,.;]{0,30}?\d{1,2}\s*(?:[/\-.]\s*\d{1,2}|\s+tháng\s+\d{1,2})[^,]{0,12},)"
)


_ORG_CODES = frozenset(
    "UBND HĐND MTTQ UBMTTQ BCH BTV BCĐ ĐTN HLHPN HND HCCB HCTĐ THCS THPT CAND QĐND".split()
)
_PAPER_TAG = re.compile(r"^(?:[A-ZĐ]{3,7}|[A-ZĐ]{2,5}\.VN|[\w\-]+\.(?:vn|com\.vn|net))$")
_SECTION_LIKE = re.compile(
    r"^(?:tin\s+(?:trong|tức|hoạt\s+động|địa\s+phương|cơ\s+sở|ảnh|huyện|tỉnh|xã|phường)|"
    r"hoạt\s+động|thời\s+sự)\b[^:：]*$",
    re.IGNORECASE,
)


def is_paper_tag(line: str) -> bool:
    """A paper's tag alone on a line (``SGGPO``, ``baoquangnam.vn``): a credit."""
    return len(line) <= 24 and line not in _ORG_CODES and bool(_PAPER_TAG.match(line))


def is_section_like(line: str) -> bool:
    """A section name: a known one, or a short ``Tin …``/``Hoạt động …``/``Thời sự …`` line."""
    if line.count(" ") > 5:
        return False
    return (bool(_SECTION_LIKE.match(line)) and line[-1:] not in ".!?") or fold(line) in SECTIONS


def strip_section(text: str) -> str:
    """``Giao thông - Xây dựng Phường A bàn giao …`` → ``Phường A bàn giao …``."""
    m = _SECTION_PREFIX.match(text)
    if m and " - " in m.group("section") and len(text.split()) > 6:
        return text[m.end() :]
    return text


def source_tag(text: str) -> tuple[str, str] | None:
    """``(QNO) - Sáng 5/10, …`` → (``QNO``, ``Sáng 5/10, …``): a paper's credit before a lead."""
    m = SOURCE_TAG.match(text)
    if m is None:
        return None
    tag = (m.group("paren") or m.group("bare") or "").strip()
    if not tag or len(tag.split()) > 3 or any(ch.isdigit() for ch in tag):
        return None
    if m.group("paren") and not (
        tag.isupper()
        or "." in tag
        or tag.split()[0].isupper()
        or (tag[0].isupper() and len(tag) <= 12)
    ):
        return None
    return tag, text[m.end() :]


def split_glued(text: str) -> list[tuple[str, str | None]]:
    """Split a glued line into its parts: (text, None) or (stamp text, ISO date)."""
    parts: list[tuple[str, str | None]] = []
    glued = False
    m = _META_DATE.match(text) if text[:1] in "dD" else None
    if m:
        parts.append((text[: m.end()].strip(), m.group(1)))
        text = text[m.end() :]
        glued = True
    elif text[:1].isdigit():
        m = _LEAD_STAMP.match(text)
        if m:
            stamp = text[: m.end()].strip()
            iso = stamp_date(stamp)
            if iso:
                parts.append((stamp, iso))
                text = text[m.end() :]
                glued = True
    if not text:
        return parts
    if glued:
        s = _SECTION_PREFIX.match(text)
        if s and len(text.split()) > 4:
            parts.append((s.group("section"), None))
            text = text[s.end() :]
        parts.extend(_split_headline(text))
        return parts
    if len(text) <= 200 and (text[-1:].isdigit() or text.endswith(")")):
        iso = stamp_date(text) if len(text) <= 160 else None
        if iso:
            return [(text, iso)]
        t = _TRAILING_STAMP.match(text)
        if t and len(t.group("head").split()) >= 2 and t.group("head")[-1:] not in "-–,":
            iso = stamp_date(t.group("stamp").strip("()"))
            if iso:
                return [(t.group("head"), None), (t.group("stamp"), iso)]
    return [(text, None)]


_STOP_INSIDE = re.compile(r"[.!?;:]\s")


def _split_headline(text: str) -> list[tuple[str, str | None]]:
    """``Headline ĐNO - Lead…`` or ``Headline Trong hai ngày 18 và 19/9, …`` in two."""
    if source_tag(text):
        return [(text, None)]
    for pattern in (_GLUED_TAG, _GLUED_CUE):
        m = pattern.search(text)
        if m is None:
            continue
        if pattern is _GLUED_TAG and (
            text[: m.start()].rstrip()[-1:] in "-–—" or m.group("tag").strip("()") in _ORG_CODES
        ):
            continue
        head = text[: m.start()].strip()
        if 3 <= len(head.split()) <= 40 and not _STOP_INSIDE.search(head):
            return [(head, None), (text[m.start() :].strip(), None)]
    return [(text, None)]
