"""Recognising the page furniture around a scraped article.

Each predicate looks at one stripped line. They are rules for the genre (ward,
commune and township portals), not for any one site: menus, breadcrumbs,
reading tools, counters, footers, image file names, photo captions,
related-article lists and bylines.
"""

from __future__ import annotations

import re

from ..vntext import fold, is_upper_text

# Menu items and menu headings seen on ward portals, folded.
MENU_ITEMS = frozenset(
    fold(item)
    for item in (
        "Trang chủ",
        "Giới thiệu",
        "Tin tức",
        "Tin tức - Sự kiện",
        "Tin tức sự kiện",
        "Sự kiện",
        "Thủ tục hành chính",
        "Bộ Thủ tục hành chính công",
        "Bộ thủ tục hành chính",
        "Dịch vụ công",
        "Dịch vụ công trực tuyến",
        "Văn bản",
        "Văn bản pháp luật",
        "Văn bản chỉ đạo điều hành",
        "Văn bản chỉ đạo",
        "Văn bản mới",
        "Liên hệ",
        "Hỏi đáp",
        "Hỏi - đáp",
        "Lịch công tác",
        "Lịch làm việc",
        "Sơ đồ trang",
        "Sơ đồ website",
        "Quy hoạch - kế hoạch",
        "Quy hoạch",
        "Kế hoạch",
        "Thông tin tuyên truyền",
        "Làm theo lời Bác",
        "Góp ý cá nhân, tổ chức",
        "Góp ý",
        "Thư viện ảnh",
        "Thư viện video",
        "Video",
        "Hình ảnh",
        "Công khai ngân sách",
        "Công khai tài chính",
        "Chuyên mục",
        "Danh mục",
        "Menu",
        "Tìm kiếm",
        "Đăng nhập",
        "Hệ thống chính trị",
        "Cơ cấu tổ chức",
        "Chức năng nhiệm vụ",
        "Tổ chức bộ máy",
        "Lịch sử hình thành",
        "Điều kiện tự nhiên",
        "Tiếp nhận phản ánh kiến nghị",
        "Phản ánh kiến nghị",
        "Thông báo",
        "Tin nổi bật",
        "Tin mới",
        "Tin mới nhất",
        "Tin đọc nhiều",
        "Liên kết website",
        "Liên kết",
        "Thông tin cần biết",
        "Văn hóa - Xã hội",
        "Kinh tế",
        "An ninh - Quốc phòng",
        "Chuyển đổi số",
        "Cải cách hành chính",
        "English",
        "RSS",
        "Diễn đàn",
        "Bản đồ",
    )
)
MENU_HEADINGS = frozenset(
    fold(item)
    for item in (
        "Chuyên mục",
        "Danh mục",
        "Menu",
        "Trang chủ",
        "Liên kết website",
        "Thông tin cần biết",
        "Tin nổi bật",
        "Tin mới",
        "Tin đọc nhiều",
        "Thư viện ảnh",
        "Video",
        "Liên kết",
        "Thống kê truy cập",
        "Lượt truy cập",
        "Điều hướng",
        "Navigation",
    )
)

_COUNTER = re.compile(
    r"^(?:lượt\s+xem|số\s+lượt\s+xem|lượt\s+đọc|lượt\s+truy\s+cập|tổng\s+(?:số\s+)?lượt\s+truy\s+cập|"
    r"tổng\s+truy\s+cập|tổng\s+lượt\s+xem|truy\s+cập|đang\s+truy\s+cập|đang\s+online|online|"
    r"trực\s+tuyến|hôm\s+nay|hôm\s+qua|tuần\s+này|tuần\s+trước|tháng\s+này|tháng\s+trước|"
    r"năm\s+nay|tất\s+cả|tổng\s+cộng|khách|thành\s+viên|đã\s+xem|views?|visitors?)"
    r"\s*[:：]?\s*[\d.,\s]+$",
    re.IGNORECASE,
)
_TOOLS = re.compile(
    r"^(?:chia\s+sẻ|chia\s+sẻ\s+bài\s+viết|in\s+bài(?:\s+viết)?|in\s+trang|bản\s+in|gửi\s+email|"
    r"gửi\s+bài(?:\s+viết)?|gửi\s+cho\s+bạn\s+bè|cỡ\s+chữ|cỡ\s+chữ\s*[:：].*|[aA]\s*[-+]?\s*[aA]?\s*[-+]|"
    r"lưu\s+bài(?:\s+viết)?|bình\s+luận|ý\s+kiến\s+bạn\s+đọc|facebook|twitter|zalo|tweet|like|"
    r"share|quay\s+lại|trở\s+về|về\s+đầu\s+trang|lên\s+đầu\s+trang|đầu\s+trang|xem\s+thêm|"
    r"đọc\s+tiếp|tải\s+về|tải\s+xuống|tệp\s+đính\s+kèm|file\s+đính\s+kèm|nghe\s+đọc\s+bài|"
    r"nghe\s+bài\s+viết|tags?\s*[:：].*|từ\s+khóa\s*[:：].*|từ\s+khoá\s*[:：].*|"
    r"[|•·\-–—_=*~.\s/]+|\./\.|0\s*bình\s+luận|"
    r"(?:chia\s+sẻ|share)\s*[:：]?\s*(?:facebook|zalo|twitter|email|\s|,|\|)+)$",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:©|\(c\)|bản\s+quyền|copyright|cơ\s+quan\s+chủ\s+quản|chịu\s+trách\s+nhiệm|"
    r"trưởng\s+ban\s+biên\s+tập|ban\s+biên\s+tập|giấy\s+phép|ghi\s+rõ\s+nguồn|"
    r"thiết\s+kế\s+bởi|phát\s+triển\s+bởi|thiết\s+kế\s+và\s+phát\s+triển|"
    r"địa\s+chỉ\s*[:：]|điện\s+thoại\s*[:：]|đt\s*[:：]|e-?mail\s*[:：]|fax\s*[:：]|"
    r"website\s*[:：]|hotline\s*[:：])",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:tin\s+liên\s+quan|các\s+tin\s+liên\s+quan|tin\s+bài\s+liên\s+quan|"
    r"tin\s+tức\s+liên\s+quan|bài\s+viết\s+liên\s+quan|các\s+bài\s+viết\s+liên\s+quan|"
    r"các\s+tin\s+khác|tin\s+khác|các\s+bài\s+khác|bài\s+viết\s+khác|các\s+bài\s+viết\s+khác|"
    r"tin\s+cùng\s+chuyên\s+mục|bài\s+cùng\s+chuyên\s+mục|tin\s+cùng\s+loại|"
    r"các\s+tin\s+đã\s+đưa|tin\s+đã\s+đưa|tin\s+mới\s+hơn|tin\s+cũ\s+hơn|các\s+tin\s+mới|"
    r"tin\s+mới\s+nhất|tin\s+mới|xem\s+thêm\s+tin|tin\s+xem\s+nhiều|tin\s+đọc\s+nhiều|"
    r"có\s+thể\s+bạn\s+quan\s+tâm|bạn\s+có\s+thể\s+quan\s+tâm|đọc\s+thêm|xem\s+tiếp|"
    r"(?:video|clip|ảnh|tin\s+ảnh|phóng\s+sự)\s+liên\s+quan)"
    r"\s*[:：.…]*\s*$",
    re.IGNORECASE,
)
_BREADCRUMB_SEP = re.compile(r"\s*(?:>>|»|›|>|/|\|)\s*")
_IMAGE_NAME = re.compile(
    r"(?<![\w])[\w\-.~%()]*\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic)(?:\?\S*)?(?![\w])", re.IGNORECASE
)
_IMAGE_HINT = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?|heic)", re.IGNORECASE)
_CAPTION_CREDIT = re.compile(
    r"(?:^\(?\s*(?:ảnh|hình|ảnh\s+minh\s+họa|ảnh\s+minh\s+hoạ|ảnh\s+tư\s+liệu)\s*[:：]"
    r"|\(\s*(?:ảnh|hình|nguồn\s+ảnh)\s*[:：][^)]*\)\s*\.?$|^\(ảnh[^)]*\)$)",
    re.IGNORECASE,
)
CAPTION_START = re.compile(
    r"^(?:quang\s+cảnh|toàn\s+cảnh|nghi\s+thức|cảnh\s+|các\s+đại\s+biểu|đại\s+biểu|đoàn\s+công\s+tác|"
    r"hình\s+ảnh|một\s+số\s+hình\s+ảnh|ban\s+tổ\s+chức\s+trao|trao\s+(?:giấy|quà|tặng|bằng|cờ)|"
    r"tặng\s+quà|lãnh\s+đạo\s+.{0,60}(?:trao|tặng|thăm|chúc|phát\s+biểu|kiểm\s+tra)|"
    r"(?:đ/c|đồng\s+chí|ông|bà)\s+.{0,120}(?:phát\s+biểu|trao|tặng|thăm|chúc\s+mừng|kiểm\s+tra|"
    r"chủ\s+trì|báo\s+cáo|khai\s+mạc|bế\s+mạc|kết\s+luận|quán\s+triệt|tặng\s+hoa|tặng\s+quà))",
    re.IGNORECASE,
)
_BYLINE_LABEL = re.compile(
    r"^[\s(\[]*(?P<label>tin\s*(?:,|và|&|/|-)\s*ảnh|bài\s*(?:,|và|&|/|-)\s*ảnh|tin|bài|ảnh|"
    r"tin\s+bài|bài\s+viết|tác\s+giả|người\s+viết|người\s+đăng|biên\s+tập|phóng\s+viên|"
    r"pv|ctv|nguồn|theo|thực\s+hiện|trình\s+bày|nhóm\s+pv)\s*(?P<sep>[:：.,\-–]?)\s*"
    r"(?P<name>[^:：]{2,80}?)[\s)\]]*$",
    re.IGNORECASE,
)
_OFFICE = re.compile(
    r"^(?:UBND|HĐND|ĐU|MTTQ|UB\s*MTTQ|Ủy\s+ban|Uỷ\s+ban|Đảng\s+ủy|Đảng\s+uỷ|Ban|Văn\s+phòng|"
    r"Công\s+an|Hội|Đoàn|Mặt\s+trận|Trạm|Trường|Bộ\s+phận|Phòng|Chi\s+bộ|Đài|Trung\s+tâm|"
    r"Ban\s+Chỉ\s+huy|Quân\s+sự|BCH|Tổ)\b[^.!?;:]{0,70}$"
)
_SENTENCE_END = re.compile(r"[.!?…:;,]$")
LEAD_CUE = re.compile(
    r"^(?:(?:sáng|chiều|tối|trưa|đêm|ngày|hôm|vào|trong|từ|thực\s+hiện|căn\s+cứ|nhằm|"
    r"theo|để|sáng\s+ngày|chiều\s+ngày|tháng)\b[^,]{0,40}?"
    r"\d{1,2}\s*(?:[/\-.]|\s+tháng\s+)\s*\d{1,4}"
    r"|(?:vừa\s+qua|mới\s+đây|thời\s+gian\s+qua|những\s+ngày\s+qua|trong\s+những\s+ngày\s+"
    r"(?:qua|này|đầu\s+năm)|sáng\s+nay|chiều\s+nay|tối\s+nay|hôm\s+nay|hôm\s+qua|"
    r"tháng\s+\d{1,2}(?:/\d{4})?|năm\s+\d{4}|đầu\s+năm(?:\s+\d{4})?|cuối\s+năm(?:\s+\d{4})?)\s*,)",
    re.IGNORECASE,
)
_SENTENCE_LIKE = re.compile(r"[.!?…]$")
# A photo credit at the end of a caption or a line: "… (Ảnh: Thanh Tâm)".
PHOTO_CREDIT = re.compile(
    r"(?:\s*[.(\-–]?\s*|\s+)(?:Ảnh|ẢNH|Hình|Photo)\s*[:：]\s*[^:()]{1,60}?(?:\([^()]{0,60}\))?"
    r"\s*\)?\.?$"
)


def credit_word_in(text: str) -> bool:
    """Does ``text`` hold a word :data:`PHOTO_CREDIT` needs (a test before the search)?"""
    return "Ảnh" in text or "ẢNH" in text or "Hình" in text or "Photo" in text


def reads_as_sentence(line: str, min_words: int = 12) -> bool:
    """A line that ends like a sentence and is long enough to be one (a lead, not a headline)."""
    return bool(_SENTENCE_LIKE.search(line)) and len(line.split()) >= min_words


def is_short_item(line: str) -> bool:
    """A short line with no sentence punctuation: a menu item, a heading, a name."""
    return line.count(" ") < 8 and line[-1:] not in ".!?…:;," and not LEAD_CUE.match(line)


_COUNTER_SEPARATOR = re.compile(r"\s*\|\s*")


def is_counter(line: str) -> bool:
    """``Lượt xem: 117``, ``Trực tuyến: 145``, or several joined by ``|``."""
    if len(line) > 120 or not (line[-1:].isdigit() or line[-2:-1].isdigit()):
        return False
    if line[:1] in "-–•·":  # a list item of a page's info box: "- Đã xem: 50"
        line = line.lstrip("-–•· ")
    parts = [p for p in _COUNTER_SEPARATOR.split(line) if p] if "|" in line else [line]
    return bool(parts) and all(_COUNTER.match(p) for p in parts)


def is_tool(line: str) -> bool:
    """Reading tools and share buttons: ``Chia sẻ``, ``In bài viết | Gửi email``…"""
    if len(line) > 120:
        return False
    if _TOOLS.match(line):
        return True
    if "|" not in line and "•" not in line and "·" not in line:
        return False
    parts = [p for p in _TOOL_SEPARATORS.split(line) if p]
    return len(parts) > 1 and all(_TOOLS.match(p) or _COUNTER.match(p) for p in parts)


_TOOL_SEPARATORS = re.compile(r"\s*[|•·]\s*")


def is_footer(line: str) -> bool:
    return bool(_FOOTER.match(line))


def is_related_heading(line: str) -> bool:
    """``Tin liên quan``, ``Các tin khác``… (what follows is a list of other articles)."""
    return bool(_RELATED.match(line))


def is_menu_item(line: str) -> bool:
    return len(line) <= 60 and fold(line.strip(" :•·-–|")) in MENU_ITEMS


def is_menu_heading(line: str) -> bool:
    return len(line) <= 60 and fold(line.strip(" :•·-–|")) in MENU_HEADINGS


def breadcrumb(line: str) -> list[str] | None:
    """The crumbs of a breadcrumb line (``Trang chủ > Tin tức > Hoạt động``), else ``None``."""
    if len(line) > 300 or not (
        ">" in line or "/" in line or "|" in line or "»" in line or "›" in line
    ):
        return None
    crumbs = [c.strip() for c in _BREADCRUMB_SEP.split(line) if c.strip()]
    if len(crumbs) < 2 or any(len(c.split()) > 12 for c in crumbs):
        return None
    starts_home = fold(crumbs[0]) in {"trang chu", "home", "trang nhat"}
    if starts_home or (len(crumbs) >= 2 and all(is_menu_item(c) for c in crumbs[:-1])):
        return crumbs
    return None


def image_names(line: str) -> list[str]:
    """The image file names in ``line``."""
    if _IMAGE_HINT.search(line) is None:
        return []
    return _IMAGE_NAME.findall(line)


def is_image_line(line: str) -> bool:
    """A line that is nothing but image file names."""
    names = image_names(line)
    if not names:
        return False
    rest = _IMAGE_NAME.sub("", line)
    return not rest.strip(" ,;|-()[]")


_RUNNING_TEXT_START = re.compile(
    r"^(?:qua|trên|cũng|trong|tại|theo|để|nhằm|bên\s+cạnh|ngoài\s+ra|sau\s+đó|tiếp\s+theo|"
    r"thực\s+hiện|với|từ|đến|năm|hiện\s+nay|tuy\s+nhiên|do\s+đó|vì\s+vậy|như\s+vậy)\b",
    re.IGNORECASE,
)


_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)")


def is_caption(line: str, *, after_image: bool = False) -> bool:
    """A photo caption: a short line after an image, or one that reads like a caption.

    Lines that open like running text (``Qua…``, ``Trên lĩnh vực…``, ``Cũng tại…``)
    or announce a list (ending with ``:``) are text even right after an image.
    """
    spaces = line.count(" ")
    if not line or spaces >= 45:
        return False
    folded = line.casefold()  # every credit form holds "ảnh" or "hình"
    if ("ảnh" in folded or "hình" in folded) and _CAPTION_CREDIT.search(line):
        return True
    if line.rstrip().endswith(":") or _RUNNING_TEXT_START.match(line):
        return False
    sentences = len(_SENTENCE_STOP.findall(line.rstrip(".").rstrip()))
    if sentences > 0:
        return False
    if after_image and spaces < 40:
        return True
    return spaces < 35 and bool(CAPTION_START.match(line))


def byline_name(line: str) -> tuple[str, bool] | None:
    """The name in a byline line and whether it was labelled, else ``None``.

    ``Tin, ảnh: Ngọc Lan`` → (``Ngọc Lan``, True); ``Theo Báo Nhân Dân`` →
    (``Báo Nhân Dân``, True); ``Thanh Tâm`` → (``Thanh Tâm``, False);
    ``UBND phường Mỹ Long`` → itself.
    """
    text = line.strip()
    if not text or len(text) > 90:
        return None
    labelled = _BYLINE_LABEL.match(text)
    if labelled:
        name = labelled.group("name").strip(" .,;-–()[]")
        label = fold(labelled.group("label"))
        if label == "anh":
            return None  # a photo credit, not the article's byline
        has_sep = bool(labelled.group("sep")) or label in {"theo", "pv", "ctv", "nhom pv"}
        if has_sep and name and len(name.split()) <= 10 and not _SENTENCE_END.search(name):
            if label == "theo" and not (_looks_like_name(name) or _OFFICE.match(name)):
                return None
            return name, True
    inner = text.strip("()[] ")
    if _SENTENCE_END.search(inner) and not inner.endswith("."):
        return None
    inner = inner.rstrip(".")
    if _OFFICE.match(inner) and len(inner.split()) <= 10:
        return inner, False
    if _looks_like_name(inner):
        return inner, False
    return None


def _looks_like_name(text: str) -> bool:
    """``Thanh Tâm``, ``Nguyễn Văn An``, ``Hoàng Bình``: 1–6 capitalised words, no digits."""
    words = text.split()
    if not 1 <= len(words) <= 6 or any(map(str.isdigit, text)):
        return False
    if is_upper_text(text) and len(words) > 1:
        return False
    for word in words:
        core = word.strip(".,()-–")
        if not core or not core[0].isupper():
            return False
    return fold(text) not in MENU_ITEMS and len(text) <= 50


def is_doubled(line: str) -> str | None:
    """``X X`` → ``X`` for a line written twice in a row (any case), else ``None``."""
    words = line.split()
    if len(words) < 2 or len(words) % 2:
        return None
    half = len(words) // 2
    if fold(" ".join(words[:half])) == fold(" ".join(words[half:])):
        return " ".join(words[:half])
    return None
