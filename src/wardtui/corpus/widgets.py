"""More page furniture: site banners, widgets, comment forms, glued lines, source tags.

The rules of :mod:`.furniture` cover menus, counters and footers; this module
covers what real pages add around an article: site banners (``ỦY BAN NHÂN DÂN
PHƯỜNG X``, ``TRANG THÔNG TIN ĐIỆN TỬ …``), language switches, rating and comment
widgets, session notices, tag lists, template placeholders (``{title}``), widget
identifiers, image alt text written without accents, and lines where a stamp, a
section name, the headline and the lead were glued together. Each predicate reads
one line.
"""

from __future__ import annotations

import re

from ..vntext import fold, is_upper_text
from .dates import stamp_date

_BANNER = re.compile(
    r"^(?:(?:TRANG|CỔNG)\s+THÔNG\s+TIN\s+ĐIỆN\s+TỬ\b.*"
    r"|(?:ỦY|UỶ)\s+BAN\s+MẶT\s+TRẬN\s+TỔ\s+QUỐC\s+VIỆT\s+NAM(?:\s+\S+){0,6}"
    r"|(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|ĐẢNG\s+(?:ỦY|UỶ))"
    r"\s+(?:PHƯỜNG|XÃ|THỊ\s+TRẤN|QUẬN|HUYỆN|THỊ\s+XÃ|THÀNH\s+PHỐ|TỈNH)\s+[^\s\-–]+(?:\s+[^\s\-–]+){0,3}"
    r"(?:\s*[-–,]\s*(?:QUẬN|HUYỆN|THỊ\s+XÃ|THÀNH\s+PHỐ|TỈNH|TP\.?)\s+[^\-–,]+){0,2}"
    r"|(?:QUẬN|HUYỆN|THỊ\s+XÃ)\s+[^\s\-–]+(?:\s+[^\s\-–]+){0,3}\s*[-–]\s*(?:THÀNH\s+PHỐ|TỈNH|TP\.?)\s+.+)$"
)
_PORTAL = re.compile(r"^(?:trang|cổng)\s+thông\s+tin\s+điện\s+tử\b", re.IGNORECASE)


def is_banner(line: str) -> bool:
    """A site banner: the portal's or the office's name, not a headline."""
    if len(line) > 120:
        return False
    if _PORTAL.match(line):
        return True
    return is_upper_text(line) and len(line.split()) <= 14 and bool(_BANNER.match(line))


_TOOLS = frozenset(
    fold(t)
    for t in (
        "Tiếng Việt | English",
        "Tiếng Việt",
        "English",
        "Top",
        "Lên đầu trang",
        "Loading...",
        "Loading…",
        "Đang tải...",
        "Đang tải…",
        "QR Code",
        "image advertisement",
        "advertisement",
        "Quảng cáo",
        "ADQuảng cáo",
        "AD Quảng cáo",
        "A A",
        "A- A A+",
        "Xuất bản thông tin",
        "Chi tiết bài viết",
        "Chi tiết bài viết Tin tức",
        "Đọc bài",
        "Nghe bài",
        "Đóng",
        "Lưu",
        "In",
        "×",
        # sidebar widgets and image placeholders of portals
        "Thời tiết",
        "Dự báo thời tiết",
        "Tỷ giá ngoại tệ",
        "Tỷ giá",
        "Giá vàng",
        "image banner",
        "banner",
        "Responsive image",
        "anh tin bai",
        "Admin",
        "Thong ke",
        "Đọc bài viết",
        "Xem cỡ chữ",
    )
)
_TOOL_RE = re.compile(
    r"^(?:font\s*size|cỡ\s*chữ)\s*:?.*$|^by\s+[A-Z][^.!?]{0,60}$|"
    r"^(?:mới\s*-\s*nóng|mới\s+nhất|nóng)$|^(?:tiếng\s+việt|english|vi|en)(?:\s*\|\s*(?:tiếng\s+việt|"
    r"english|vi|en|中文|한국어|français))+$|^(?:nghe\s+(?:đọc|bài)|đọc\s+bài).{0,30}$",
    re.IGNORECASE,
)


def is_tool(line: str) -> bool:
    """Language switches, font-size tools, loaders, ad labels, "back to top"."""
    return len(line) <= 60 and is_tool_key(fold(line.strip(" :•·-–|")), line)


# A contrast switch anywhere on the line ("Độ tương phản"): searched only in lines whose
# folded form holds "tuong" (trying it at every position of every line was half the time).
_CONTRAST = re.compile(r".*\btương\s+phản\b", re.IGNORECASE)


def is_tool_key(key: str, line: str) -> bool:
    """:func:`is_tool` for a line whose folded, stripped form ``key`` is known."""
    return (
        key in _TOOLS
        or _TOOL_RE.match(line) is not None
        or ("tuong" in key and _CONTRAST.match(line) is not None)
    )


_END = re.compile(
    r"^(?:"
    r"tin\s+tức\s+khác|các\s+tin\s+tức\s+khác|tin\s+cùng\s+chủ\s+đề|bài\s+liên\s+quan|tin\s+liên\s+quan|"
    r"những\s+tin\s+(?:mới|cũ)\s+hơn|tin\s+mới\s+nhất|tin\s+mới|tin\s+nổi\s+bật|nổi\s+bật|"
    r"xem\s+nhiều|đọc\s+nhiều|tin\s+xem\s+nhiều|"
    r"từ\s+khóa|từ\s+khoá|tags?|chủ\s+đề|"
    r"ý\s+kiến\s+bạn\s+đọc|ý\s+kiến\s+của\s+bạn|bình\s+luận|gửi\s+bình\s+luận.*|viết\s+bình\s+luận.*|"
    r"\(\d+\)\s*bình\s+luận|\d+\s+bình\s+luận|thông\s+tin\s+bạn\s+đọc|góp\s+ý\s+kiến|góp\s+ý|"
    r"trả\s+lời|phản\s+hồi|để\s+lại\s+bình\s+luận.*|"
    r"email\s+của\s+bạn\s+sẽ\s+không\s+được\s+hiển\s+thị.*|bạn\s+còn\s+\d+/\d+\s+ký\s+tự.*|"
    r"bạn\s+vui\s+lòng\s+nhập.*|bạn\s+không\s+thể\s+gửi\s+bình\s+luận.*|xin\s+hãy\s+đợi.*|"
    r"\d+\s+giây\s+nữa\.?|phiên\s+làm\s+việc.*hết\s+hạn.*|hết\s+phiên\s+làm\s+việc.*|"
    r"tổng\s+số\s+điểm\s+của\s+bài\s+viết.*|xếp\s+hạng\s*:.*|click\s+để\s+đánh\s+giá.*|"
    r"đánh\s+giá\s+bài\s+viết.*|bình\s+chọn|thống\s+kê\s+truy\s+cập|"
    r"theo\s+dõi\s+chúng\s+tôi.*|follow\s+us.*|kết\s+nối\s+với\s+chúng\s+tôi.*|"
    r"đăng\s+nhập(?:\s+tài\s+khoản.*)?|đăng\s+ký|<\s*trở\s+về.*|trở\s+về\s+trang\s+trước|"
    r"powered\s+by.*|giới\s+thiệu\s+tổng\s+quan\s+website.*|đóng\s+lưu\s+thông\s+tin|"
    r"in\s+bài\s+viết|gửi\s+cho\s+bạn\s+bè|chia\s+sẻ(?:\s+bài\s+viết)?|g[ởử]i\s+câu\s+hỏi|"
    r"văn\s+bản\s+liên\s+quan|link\s+gốc\s*:.*|you\s+may\s+also\s+like|related\s+posts?|"
    r"tin\s+khác|các\s+tin\s+khác|bài\s+viết\s+khác|xem\s+thêm"
    r")\s*[:：.…!]*(?:\s.*)?$",
    re.IGNORECASE,
)
_END_EXACT_ONLY = frozenset(
    fold(x)
    for x in ("Trả lời", "Phản hồi", "Góp ý", "Bình chọn", "Đăng ký", "Nổi bật", "Tags", "Tag")
)
_END_WITH_TEXT = re.compile(r"^(?:từ\s+khóa|từ\s+khoá|tags?|chủ\s+đề)\s*[:：]", re.IGNORECASE)


def is_end(line: str) -> bool:
    """A line after which the article is over: related lists, comments, tags, widgets."""
    if len(line) > 200:
        return False
    m = _END.match(line)
    if m is None:
        return False
    if fold(line.strip(" :.…!")) in _END_EXACT_ONLY or _END_WITH_TEXT.match(line):
        return True
    return len(line.split()) <= 14  # a widget line is short; a sentence may open alike


_PLACEHOLDER = re.compile(r"^\{[\w.\- ]{1,30}\}$|^\$\{?\w+\}?$|^%\w+%$|^\d{1,6}$|^>{2,}\s")
_IDENTIFIER = re.compile(r"^[\w\-.#:/]*_[\w\-.#:/]*$")
_PUNCT_ONLY = re.compile(r"^[\W_]+$")


_SLOGAN = re.compile(r"^(?:nhiệt\s+liệt\s+)?(?:chúc|chào)\s+mừng\b[^.?]{0,60}!$", re.IGNORECASE)


def is_junk(line: str) -> bool:
    """Template placeholders, widget identifiers, lone punctuation, ``.jpg)`` leftovers,
    a site's greeting banner (``Chúc mừng năm mới!``: a short greeting ending with ``!``)."""
    if len(line) > 120:
        return False
    if line[-1:] == "!" and line.count(" ") < 8 and _SLOGAN.match(line):
        return True
    if _PUNCT_ONLY.match(line) or _PLACEHOLDER.match(line):
        return True
    if " " not in line and "_" in line and _IDENTIFIER.match(line) and not line.isupper():
        return True
    low = line.lower()
    return low.startswith((".jpg", ".png", ".jpeg", ".gif", ".webp")) and len(line) < 12


_ASCII_WORDS = frozenset(
    "xa phuong thi tran hoi dai dang bo chi thon ap khu cho nguoi ngheo tai cua va cac nam "
    "huyen tinh canh toan tang qua tet le trao nha van hoa dan doan ban cong anh hinh ky".split()
)
_SIGNATURE_WORDS = frozenset(("btv", "bbt", "pv", "ctv", "tin", "bai", "theo", "nguon"))
_ALT_IMAGE = re.compile(r"\S\s*[-–]\s*Ảnh\s+\d+\.?$|^Ảnh\s+\d+\.?$")
_SLUG_TOKEN = re.compile(
    r"^[A-Za-z][A-Za-z]*(?:[-_][A-Za-z0-9]+)+\d*$|^[A-Za-z]+[-_]?\d+[A-Za-z]*$"
)


def is_image_text(line: str) -> bool:
    """Alt text and file titles of images: ``DAI HOI DANG BO XA …``, ``NVH-yenkhanh1``.

    Lines written without any Vietnamese mark in a Vietnamese page, made mostly of
    unaccented syllables, and headline copies ending ``- Ảnh 1``.
    """
    if len(line) > 200:
        return False
    if "Ảnh" in line and _ALT_IMAGE.search(line):
        return True
    if not line.isascii():
        return False
    words = line.split()
    if len(words) == 1:
        return (bool(_SLUG_TOKEN.match(line)) and any(c.isdigit() for c in line)) or (
            "-" in line and line.islower()
        )
    hits = sum(1 for w in words if w.lower().strip(",.") in _ASCII_WORDS)
    if len(words) >= 3 and hits >= 2 and hits * 3 >= len(words):
        return True
    return (
        len(words) == 2
        and any(c.isdigit() for c in line)
        and line[:1].isupper()
        and line[1:2].isdigit()
    )


def is_widget_words(line: str) -> bool:
    """``rx online``, ``image banner``: two or three lower-case words without a Vietnamese
    mark, a widget's or an image's label; not a board's or a reporter's signature
    (``btv camgiang``)."""
    if len(line) > 40 or not line.isascii() or not line.islower():
        return False
    words = line.split()
    return (
        2 <= len(words) <= 3
        and all(w.isalpha() for w in words)
        and words[0] not in _SIGNATURE_WORDS
    )


# ---------------------------------------------------------------------------------- glued

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
    r"|(?P<bare>[A-ZĐ][A-ZĐ]{1,5}(?:\.VN)?|[A-Z][A-Za-z]+\.vn|[A-ZĐ][a-zà-ỹ]+[A-ZĐ][a-zà-ỹ]+)"
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


def strip_camera_names(text: str) -> str:
    """Remove camera file names glued into text (``… đô thị”.FB IMG 1669614737258``)."""
    if "IMG" not in text:
        return text
    return _CAMERA.sub("", text).strip()


_CAMERA = re.compile(r"\s?\b(?:FB[ _])?IMG[ _-]?\d{6,}\w*")
__all__ = [
    "SECTIONS",
    "SOURCE_TAG",
    "is_banner",
    "is_end",
    "is_image_text",
    "is_junk",
    "is_tool",
    "source_tag",
    "split_glued",
    "strip_camera_names",
]
