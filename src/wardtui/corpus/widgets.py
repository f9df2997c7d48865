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

_BANNER = re.compile(
    r"^(?:(?:TRANG|CỔNG)\s+THÔNG\s+TIN\s+ĐIỆN\s+TỬ\b.*"
    r"|(?:ỦY|UỶ)\s+BAN\s+MẶT\s+TRẬN\s+TỔ\s+QUỐC\s+VIỆT\s+NAM(?:\s+\S+){0,6}"
    r"|(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|ĐẢNG\s+(?:ỦY|UỶ))"
    r"\s+(?:PHƯỜNG|XÃ|THỊ\s+TRẤN|QUẬN|HUYỆN|THỊ\s+XÃ|THÀNH\s+PHỐ|TỈNH)\s+[^\s\-–]+(?:\s+[^\s\-–]+){0,3}"
    r"(?:\s*[-–,]\s*(?:QUẬN|HUYỆN|THỊ\s+XÃ|THÀNH\s+PHỐ|TỈNH|TP\.?)\s+[^\-–,]+){0,2}"
    r"|(?:QUẬN|HUYỆN|THỊ\s+XÃ)\s+[^\s\-–]+(?:\s+[^\s\-–]+){0,3}\s*[-–]\s*(?:THÀNH\s+PHỐ|TỈNH|TP\.?)\s+.+)$"
)
_PORTAL = re.compile(r"^(?:trang|cổng)\s+thông\s+tin\s+điện\s+tử\b", re.IGNORECASE)


# A site's welcome line: "Chào mừng các bạn đến với trang TTĐT …".
_WELCOME = re.compile(
    r"^(?:nhiệt\s+liệt\s+)?chào\s+mừng\s+(?:quý\s+vị|quý\s+khách|quý\s+bạn\s+đọc|các\s+bạn|bạn)?"
    r"\s*(?:đã\s+)?(?:đến\s+với|ghé\s+thăm)\s+(?:trang|cổng|website|chuyên\s+trang|bản\s+tin)\b",
    re.IGNORECASE,
)


def is_banner(line: str) -> bool:
    """A site banner: the portal's or the office's name, or its welcome line; not a headline."""
    if len(line) <= 200 and _WELCOME.match(line):
        return True
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


# A site's clock: "Hôm nay: 05/05/2024", "Hôm nay, thứ Hai, 12-3-2024".
_CLOCK = re.compile(
    r"^hôm\s+nay\s*[:,]?\s*(?:(?:thứ\s+\S+|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$",
    re.IGNORECASE,
)


def is_junk(line: str) -> bool:
    """Template placeholders, widget identifiers, lone punctuation, ``.jpg)`` leftovers,
    a site's greeting banner (``Chúc mừng năm mới!``: a short greeting ending with ``!``),
    a site's clock (``Hôm nay: 05/05/2024``)."""
    if len(line) > 120:
        return False
    if line[:3].lower() == "hôm" and _CLOCK.match(line):
        return True
    if line[-1:] == "!" and line.count(" ") < 8 and _SLOGAN.match(line):
        return True
    if _PUNCT_ONLY.match(line) or _PLACEHOLDER.match(line):
        return True
    if " " not in line and "_" in line and _IDENTIFIER.match(line) and not line.isupper():
        return True
    return len(line) < 12 and line.lower().startswith((".jpg", ".png", ".jpeg", ".gif", ".webp"))


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


def strip_camera_names(text: str) -> str:
    """Remove camera file names glued into text (``… đô thị”.FB IMG 1669614737258``)."""
    if "IMG" not in text:
        return text
    return _CAMERA.sub("", text).strip()


_CAMERA = re.compile(r"\s?\b(?:FB[ _])?IMG[ _-]?\d{6,}\w*")
__all__ = [
    "is_banner",
    "is_end",
    "is_image_text",
    "is_junk",
    "is_tool",
    "strip_camera_names",
]
