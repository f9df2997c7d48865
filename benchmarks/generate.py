"""Deterministic generator of synthetic ward-news articles for the wardtui benchmarks.

The articles imitate the files scraped from Vietnamese ward, commune and township
websites (see ``seeds/``): menus and breadcrumbs before the article, section headings
written twice, titles (sometimes missing, sometimes preceded by an ALL-CAPS copy),
publication stamps in five forms, leads with event dates, document references,
image file names and captions, bylines, counters, related-article lists and footers.
A few files are UTF-8 with a BOM, UTF-16 LE, Windows-1258 or use CRLF line endings.

Every article comes with a *truth* dict: what a correct parser should extract (the
subject ward without its unit word, the unit, the date at its precision, the title,
the author). The same seed and count always give byte-identical files: every
article draws from its own ``random.Random`` seeded from (seed, index), so the files
do not depend on how many worker processes wrote them.

Usage::

    python -m benchmarks.generate DEST --articles N [--seed S] [--truth FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final

__all__ = [
    "MAX_BYTES",
    "MIN_BYTES",
    "SHARD_SIZE",
    "GeneratedCorpus",
    "encode_article",
    "generate_article",
    "generate_corpus",
    "main",
    "mutate_files",
]

SHARD_SIZE: Final = 1000
"""At most this many files in one sub-folder of the destination."""
MIN_BYTES: Final = 2048
MAX_BYTES: Final = 6144
"""UTF-8 files (BOM and CRLF included) are this big, before any mutation."""

_TARGET_MIN: Final = 2200  # wanted size of the LF, BOM-less UTF-8 text, drawn per article
_TARGET_MAX: Final = 5600
_CAP: Final = 5800  # never more (leaves room for a BOM, CRLF and a few mutations)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --------------------------------------------------------------------------------------------
# Places
# --------------------------------------------------------------------------------------------

# (kind, name, province, named phường, xã, thị trấn, numbered phường 1..N)
_LOCALITY_SPECS: Final[tuple[tuple[str, str, str, int, int, int, int], ...]] = (
    ("thành phố", "Biên Hòa", "tỉnh Đồng Nai", 8, 1, 0, 0),
    ("thành phố", "Buôn Ma Thuột", "tỉnh Đắk Lắk", 7, 3, 0, 0),
    ("thành phố", "Nha Trang", "tỉnh Khánh Hòa", 7, 2, 0, 0),
    ("thành phố", "Quy Nhơn", "tỉnh Bình Định", 7, 2, 0, 0),
    ("thành phố", "Thủ Dầu Một", "tỉnh Bình Dương", 7, 0, 0, 0),
    ("thành phố", "Thanh Hóa", "tỉnh Thanh Hóa", 7, 2, 0, 0),
    ("thành phố", "Vinh", "tỉnh Nghệ An", 7, 2, 0, 0),
    ("thành phố", "Đồng Hới", "tỉnh Quảng Bình", 5, 2, 0, 0),
    ("thành phố", "Tam Kỳ", "tỉnh Quảng Nam", 5, 2, 0, 0),
    ("thành phố", "Pleiku", "tỉnh Gia Lai", 6, 2, 0, 0),
    ("thành phố", "Kon Tum", "tỉnh Kon Tum", 5, 3, 0, 0),
    ("thành phố", "Phan Thiết", "tỉnh Bình Thuận", 6, 2, 0, 0),
    ("thành phố", "Hải Dương", "tỉnh Hải Dương", 6, 2, 0, 0),
    ("thành phố", "Long Xuyên", "tỉnh An Giang", 6, 2, 0, 0),
    ("quận", "Hoàng Mai", "thành phố Hà Nội", 7, 0, 0, 0),
    ("quận", "Ninh Kiều", "thành phố Cần Thơ", 6, 0, 0, 0),
    ("quận", "Hải Châu", "thành phố Đà Nẵng", 6, 0, 0, 0),
    ("quận", "Lê Chân", "thành phố Hải Phòng", 6, 0, 0, 0),
    ("thị xã", "Buôn Hồ", "tỉnh Đắk Lắk", 4, 3, 0, 0),
    ("thị xã", "Ninh Hòa", "tỉnh Khánh Hòa", 4, 4, 0, 0),
    ("thị xã", "Gò Công", "tỉnh Tiền Giang", 4, 3, 0, 0),
    ("thị xã", "Phú Mỹ", "tỉnh Bà Rịa - Vũng Tàu", 4, 3, 0, 0),
    ("quận", "3", "thành phố Hồ Chí Minh", 0, 0, 0, 14),
    ("quận", "10", "thành phố Hồ Chí Minh", 0, 0, 0, 15),
    ("quận", "Gò Vấp", "thành phố Hồ Chí Minh", 0, 0, 0, 15),
    ("quận", "Bình Thạnh", "thành phố Hồ Chí Minh", 0, 0, 0, 15),
    ("thành phố", "Vũng Tàu", "tỉnh Bà Rịa - Vũng Tàu", 1, 1, 0, 12),
    ("thành phố", "Đà Lạt", "tỉnh Lâm Đồng", 0, 4, 0, 12),
    ("thành phố", "Tuy Hòa", "tỉnh Phú Yên", 0, 4, 0, 9),
    ("thành phố", "Mỹ Tho", "tỉnh Tiền Giang", 1, 4, 0, 10),
    ("thành phố", "Cà Mau", "tỉnh Cà Mau", 1, 2, 0, 9),
    ("thành phố", "Sóc Trăng", "tỉnh Sóc Trăng", 0, 0, 0, 10),
    ("thành phố", "Cao Lãnh", "tỉnh Đồng Tháp", 1, 4, 0, 6),
    ("huyện", "Cư M'gar", "tỉnh Đắk Lắk", 0, 8, 2, 0),
    ("huyện", "Krông Pắc", "tỉnh Đắk Lắk", 0, 7, 1, 0),
    ("huyện", "Chư Sê", "tỉnh Gia Lai", 0, 6, 1, 0),
    ("huyện", "Đức Trọng", "tỉnh Lâm Đồng", 0, 6, 1, 0),
    ("huyện", "Châu Thành", "tỉnh Tiền Giang", 0, 7, 1, 0),
    ("huyện", "Cần Giuộc", "tỉnh Long An", 0, 6, 1, 0),
    ("huyện", "Trảng Bom", "tỉnh Đồng Nai", 0, 6, 1, 0),
    ("huyện", "Diên Khánh", "tỉnh Khánh Hòa", 0, 6, 1, 0),
    ("huyện", "Tuy Phước", "tỉnh Bình Định", 0, 6, 2, 0),
    ("huyện", "Thạnh Phú", "tỉnh Bến Tre", 0, 6, 1, 0),
    ("huyện", "Phú Tân", "tỉnh An Giang", 0, 6, 2, 0),
    ("huyện", "Hàm Thuận Bắc", "tỉnh Bình Thuận", 0, 6, 2, 0),
    ("huyện", "Quỳnh Lưu", "tỉnh Nghệ An", 0, 7, 1, 0),
    ("huyện", "Gia Lâm", "thành phố Hà Nội", 0, 6, 2, 0),
    ("huyện", "Hòa Vang", "thành phố Đà Nẵng", 0, 6, 0, 0),
    ("huyện", "Phong Điền", "thành phố Cần Thơ", 0, 5, 1, 0),
    ("huyện", "Củ Chi", "thành phố Hồ Chí Minh", 0, 7, 1, 0),
)
# Names of the sample files, kept so the generated library holds them too.
_FIXED_NAMES: Final[dict[str, tuple[str, ...]]] = {
    "Pleiku": ("Tây Sơn", "Hội Phú"),
    "Long Xuyên": ("Mỹ Long",),
    "Hoàng Mai": ("Minh Khai",),
    "Phan Thiết": ("Mỹ Hương",),
}
_FIRST: Final = _words(
    "Mỹ Tân An Hòa Phú Long Thạnh Đông Tây Minh Hội Bình Phước Vĩnh Hưng Thới Xuân Quang "
    "Hiệp Trung Thuận Nam Bắc Đức Thành Hải Ngọc Thanh Lộc Nhơn Quảng Cẩm Hoàng Kim Tam "
    "Khánh Định Thiện Gia Sơn Khai"
)
_SECOND: Final = _words(
    "Hương Long Phú Lợi Thành An Hòa Bình Hưng Thạnh Lập Tiến Phước Khánh Xuân Lộc Thuận "
    "Sơn Hải Đông Tây Trung Mỹ Hiệp Quý Nghĩa Yên Thắng Đức Ninh Châu Định Hội Khai Thọ "
    "Phong Tân Vinh Linh Quang"
)
_MINORITY: Final = (
    "Ea Kao",
    "Ea Tam",
    "Ea Tu",
    "Ea Kpam",
    "Ea M'nang",
    "Ea Drơng",
    "Ea Tar",
    "Ea Pốk",
    "Cư M'gar",
    "Cư Suê",
    "Cư Êbur",
    "Cư Dliê M'nông",
    "Ia Kring",
    "Ia Kênh",
    "Ia Hrú",
    "Ia Blang",
    "Đắk Rla",
    "Đắk Mar",
    "Đăk Cấm",
    "Ea Yông",
    "Ea Kênh",
    "Ea Phê",
    "Ea Kuăng",
    "Krông Búk",
)
_HIGHLANDS: Final = frozenset({"tỉnh Đắk Lắk", "tỉnh Gia Lai", "tỉnh Kon Tum", "tỉnh Lâm Đồng"})
_NORTH_CENTRAL: Final = frozenset(
    {
        "thành phố Hà Nội",
        "thành phố Hải Phòng",
        "tỉnh Hải Dương",
        "tỉnh Thanh Hóa",
        "tỉnh Nghệ An",
        "tỉnh Quảng Bình",
        "tỉnh Quảng Nam",
        "thành phố Đà Nẵng",
        "tỉnh Bình Định",
        "tỉnh Khánh Hòa",
        "tỉnh Phú Yên",
    }
)
_PARTY_COMMITTEE: Final = {
    "thành phố": "Thành ủy",
    "quận": "Quận ủy",
    "thị xã": "Thị ủy",
    "huyện": "Huyện ủy",
}


@dataclass(frozen=True, slots=True)
class _Locality:
    kind: str
    name: str
    province: str
    full: str  # "thành phố Buôn Ma Thuột", "quận 3"
    committee: str  # "Thành ủy"


@dataclass(frozen=True, slots=True)
class _Ward:
    unit: str
    name: str
    loc: int
    sub: str  # khu phố / tổ dân phố / thôn / ấp / buôn
    label: str  # "phường Mỹ Long", "Phường 12", "xã Ea Kao"
    cap: str  # "Phường Mỹ Long", "Phường 12", "Xã Ea Kao"
    slug: str  # "mylong", "phuong12"
    alt: tuple[str, ...] = ()  # other ways of writing a numbered ward
    neighbours: tuple[str, ...] = field(default=())


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in folded if c.isascii() and c.isalnum()).lower()


def _build_places() -> tuple[tuple[_Locality, ...], tuple[_Ward, ...]]:
    """The fixed pool of places: the same for every seed."""
    rng = random.Random(0x57A7D)
    localities: list[_Locality] = []
    wards: list[_Ward] = []
    for kind, name, province, n_phuong, n_xa, n_tt, numbered in _LOCALITY_SPECS:
        loc_index = len(localities)
        localities.append(_Locality(kind, name, province, f"{kind} {name}", _PARTY_COMMITTEE[kind]))
        used: set[str] = set()
        fixed = list(_FIXED_NAMES.get(name, ()))

        def fresh(minority: bool, fixed: list[str] = fixed, used: set[str] = used) -> str:
            if fixed:
                chosen = fixed.pop(0)
            else:
                while True:
                    if minority and rng.random() < 0.5:
                        chosen = rng.choice(_MINORITY)
                    else:
                        first, second = rng.choice(_FIRST), rng.choice(_SECOND)
                        if first == second:
                            continue
                        chosen = f"{first} {second}"
                    if chosen not in used:
                        break
            used.add(chosen)
            return chosen

        highland = province in _HIGHLANDS
        north = province in _NORTH_CENTRAL
        urban_sub = "tổ dân phố" if (north or highland) else "khu phố"
        specs: list[tuple[str, str, str]] = []
        for _ in range(n_phuong):
            specs.append(("phường", fresh(highland and rng.random() < 0.3), urban_sub))
        for _ in range(n_tt):
            specs.append(("thị trấn", fresh(False), urban_sub))
        for _ in range(n_xa):
            rural_sub = "thôn" if north else ("buôn" if highland and rng.random() < 0.4 else "ấp")
            if highland and rural_sub == "ấp":
                rural_sub = "thôn"
            specs.append(("xã", fresh(highland), rural_sub))
        for unit, ward_name, sub in specs:
            label = f"{unit} {ward_name}"
            wards.append(
                _Ward(
                    unit,
                    ward_name,
                    loc_index,
                    sub,
                    label,
                    label[0].upper() + label[1:],
                    _ascii_slug(ward_name),
                )
            )
        for number in range(1, numbered + 1):
            label = f"Phường {number}"
            alt = (f"P.{number}", f"Phường {number:02d}") if number < 10 else (f"P.{number}",)
            wards.append(
                _Ward(
                    "phường",
                    str(number),
                    loc_index,
                    "khu phố",
                    label,
                    label,
                    f"phuong{number}",
                    alt,
                )
            )
    by_loc: dict[int, list[str]] = {}
    for ward in wards:
        by_loc.setdefault(ward.loc, []).append(ward.label)
    final = tuple(
        _Ward(
            w.unit,
            w.name,
            w.loc,
            w.sub,
            w.label,
            w.cap,
            w.slug,
            w.alt,
            tuple(lbl for lbl in by_loc[w.loc] if lbl != w.label),
        )
        for w in wards
    )
    return tuple(localities), final


_LOCALITIES, _WARDS = _build_places()
_PHUONG_NAMED: Final = tuple(
    w for w in _WARDS if w.unit == "phường" and not w.alt and not w.name.isdigit()
)
_PHUONG_NUMBERED: Final = tuple(w for w in _WARDS if w.name.isdigit())
_XA: Final = tuple(w for w in _WARDS if w.unit == "xã")
_THI_TRAN: Final = tuple(w for w in _WARDS if w.unit == "thị trấn")

# --------------------------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------------------------

_FAMILY: Final = _words(
    "Nguyễn Nguyễn Nguyễn Trần Trần Lê Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô "
    "Dương Lý Đinh Trương Lương Mai"
)
_MIDDLE: Final = _words("Văn Văn Thị Thị Hữu Đức Minh Quốc Thanh Công Ngọc Xuân Duy Thu Kim Hồng")
_GIVEN: Final = _words(
    "Hùng Dũng Tuấn Phong Bình Hải Long Sơn Quang Thắng Lâm Tài Trung Hiếu Nam Khánh Lựu "
    "Cường Phúc Vinh Lan Hoa Hương Hà Trang Nga Phương Huyền Thảo Linh Yến Mai Loan Hạnh "
    "Tâm Thư Vân Anh Dung Ly"
)
_PEN_FIRST: Final = _words(
    "Thanh Lan Hoàng Giang Nhật Minh Ngọc Thu Bảo Hải Kim Phương Quốc Mai Hồng Đức Xuân "
    "Thùy Khánh Việt"
)
_PEN_SECOND: Final = _words(
    "Tâm Anh Bình Vũ Quang Thư Hà Hương Linh Long Trang Nga Phong Dung Huy Châu Vy Hiền Nam Sơn"
)
_WARD_ROLES: Final = (
    "Bí thư Đảng ủy {u}",
    "Phó Bí thư Thường trực Đảng ủy {u}",
    "Phó Bí thư Đảng ủy, Chủ tịch UBND {u}",
    "Chủ tịch UBND {u}",
    "Phó Chủ tịch UBND {u}",
    "Chủ tịch HĐND {u}",
    "Chủ tịch Ủy ban MTTQ Việt Nam {u}",
    "Trưởng Công an {u}",
)
_CITY_ROLES: Final = (
    "Ủy viên Ban Thường vụ {cu}, Trưởng Ban Dân vận {cu}",
    "{cu} viên, Phó Chủ tịch UBND {city}",
    "Phó Bí thư {cu}",
    "Ủy viên Ban Thường vụ {cu}, Phó Chủ tịch HĐND {city}",
    "Phó Trưởng Ban Tổ chức {cu}",
    "{cu} viên, Trưởng phòng Nội vụ {city}",
)
_SOURCES: Final = (
    "Nguồn: Cổng Thông tin điện tử {city}",
    "Nguồn: Báo {provname}",
    "Theo Cổng Thông tin điện tử {city}",
    "Nguồn: Trung tâm Văn hóa - Thông tin {city}",
)
_STREETS: Final = (
    "Hùng Vương",
    "Lê Lợi",
    "Trần Phú",
    "Nguyễn Huệ",
    "Hai Bà Trưng",
    "Quang Trung",
    "Lý Thường Kiệt",
    "Ngô Quyền",
    "Phan Chu Trinh",
    "Nguyễn Trãi",
    "Trần Hưng Đạo",
    "Lê Duẩn",
)

# --------------------------------------------------------------------------------------------
# Page furniture
# --------------------------------------------------------------------------------------------

_MENU_ITEMS: Final = (
    "Bộ Thủ tục hành chính công",
    "Quy hoạch - kế hoạch",
    "Thông tin tuyên truyền",
    "Làm theo lời Bác",
    "Góp ý cá nhân, tổ chức",
    "Hỏi đáp",
    "Lịch công tác",
    "Văn bản chỉ đạo điều hành",
    "Tin tức - Sự kiện",
    "Hoạt động của UBND",
    "Hoạt động của HĐND",
    "Công khai ngân sách",
    "Dịch vụ công trực tuyến",
    "Thủ tục hành chính",
    "Giới thiệu chung",
    "Cải cách hành chính",
    "Phổ biến giáo dục pháp luật",
    "An ninh - Quốc phòng",
    "Văn hóa - Xã hội",
    "Liên hệ",
)
_TOP_MENU: Final = (
    "GIỚI THIỆU",
    "TIN TỨC - SỰ KIỆN",
    "VĂN BẢN PHÁP LUẬT",
    "THỦ TỤC HÀNH CHÍNH",
    "DỊCH VỤ CÔNG",
    "HỎI ĐÁP",
    "LIÊN HỆ",
)
_CRUMBS: Final = (
    "Tin tức",
    "Tin tức - Sự kiện",
    "Tin địa phương",
    "Hoạt động của {u}",
    "Hoạt động của HĐND",
    "Chính trị - Xã hội",
    "Tin hoạt động",
)
_HEADINGS: Final = (
    "HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN",
    "HOẠT ĐỘNG CỦA ỦY BAN NHÂN DÂN",
    "TIN TỨC - SỰ KIỆN",
    "TIN HOẠT ĐỘNG",
    "CHÍNH TRỊ - XÃ HỘI",
    "TIN ĐỊA PHƯƠNG",
    "VĂN HÓA - XÃ HỘI",
    "AN NINH - QUỐC PHÒNG",
    "XÂY DỰNG ĐẢNG",
    "HOẠT ĐỘNG ĐOÀN THỂ",
    "KINH TẾ",
    "CẢI CÁCH HÀNH CHÍNH",
)
_TOOLS: Final = (
    "Cỡ chữ: A- A A+ | In bài viết | Chia sẻ",
    "In bài viết | Gửi email | Chia sẻ",
    "Cỡ chữ: Nhỏ Vừa Lớn",
    "Chia sẻ | In trang",
)
_RELATED_HEADINGS: Final = (
    "Tin liên quan",
    "Các tin khác",
    "Bài viết liên quan",
    "TIN LIÊN QUAN",
    "CÁC TIN KHÁC",
    "Tin cùng chuyên mục",
)
_CAPTIONS: Final = (
    "Quang cảnh Hội nghị.",
    "Quang cảnh buổi lễ.",
    "Toàn cảnh hội nghị.",
    "Các đại biểu tham dự hội nghị.",
    "Đồng chí {pa}, {ra} phát biểu tại hội nghị.",
    "Đồng chí {pb}, {rb} phát biểu kết luận Hội nghị.",
    "Lãnh đạo {uw} trao giấy khen cho các tập thể, cá nhân tiêu biểu.",
    "Đại biểu chụp ảnh lưu niệm.",
    "Toàn cảnh buổi làm việc.",
    "Các lực lượng ra quân dọn vệ sinh môi trường.",
    "Trao quà cho các hộ có hoàn cảnh khó khăn.",
    "Đoàn công tác kiểm tra thực tế tại {kpx}.",
    "(Ảnh: {pen})",
)
_WEEKDAYS: Final = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
_PARTS: Final = ("Sáng", "Sáng", "Chiều", "Chiều", "Tối")
_VAGUE: Final = ("Vừa qua, ", "Thời gian qua, ", "Mới đây, ", "", "", "Trong những ngày qua, ")
_DOC_KINDS: Final = (
    ("Kế hoạch", "KH-UBND"),
    ("Kế hoạch", "KH-UBND"),
    ("Quyết định", "QĐ-UBND"),
    ("Nghị quyết", "NQ-HĐND"),
    ("Nghị quyết", "NQ/ĐU"),
    ("Công văn", "UBND-VP"),
    ("Chỉ thị", "CT-UBND"),
    ("Kế hoạch", "KH-BCĐ"),
)
_DOC_ISSUERS: Final = ("UBND {city}", "Ban Thường vụ {cu}", "UBND {prov}", "Đảng ủy {u}")
_DOC_TOPICS: Final = (
    "triển khai công tác cải cách hành chính",
    "tổ chức các hoạt động kỷ niệm các ngày lễ lớn",
    "phòng, chống dịch bệnh trên địa bàn",
    "tổng vệ sinh môi trường, phòng, chống dịch bệnh",
    "tuyển chọn và gọi công dân nhập ngũ",
    "đẩy mạnh chuyển đổi số",
    "bảo đảm trật tự an toàn giao thông",
    "thực hiện phong trào thi đua yêu nước",
)

# --------------------------------------------------------------------------------------------
# Events: (title, lead). "{ys}" is " 2023" or "" (an article without any year).
# --------------------------------------------------------------------------------------------

_EVENTS: Final[tuple[tuple[str, str], ...]] = (
    (
        "Đảng bộ {uw} sơ kết 6 tháng đầu năm{ys}",
        "Đảng ủy {uw} tổ chức hội nghị sơ kết công tác xây dựng Đảng, chính quyền 6 tháng "
        "đầu năm, triển khai nhiệm vụ 6 tháng cuối năm{ys}.",
    ),
    (
        "{UW} tổ chức Hội nghị tổng kết công tác năm{ys}",
        "UBND {uw} tổ chức Hội nghị tổng kết công tác năm{ys}, triển khai phương hướng, "
        "nhiệm vụ trọng tâm trong thời gian tới.",
    ),
    (
        "{UW} tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua “Dân vận khéo”",
        "Đảng ủy {uw} tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua "
        "“Dân vận khéo”.",
    ),
    (
        "Hội nghị tổng kết công tác xây dựng Đảng, chính quyền và phong trào “Toàn dân bảo vệ "
        "an ninh Tổ quốc” năm{ys}",
        "tại Hội trường Đảng ủy, HĐND, UBND {uw}, hội nghị tổng kết công tác xây dựng Đảng, "
        "chính quyền và phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm{ys} đã được tổ "
        "chức trang trọng.",
    ),
    (
        "{UW} ra quân hưởng ứng Tháng Thanh niên{ys}",
        "Đoàn Thanh niên {uw} tổ chức Lễ ra quân hưởng ứng Tháng Thanh niên{ys} với chủ đề "
        "“Tuổi trẻ xung kích, tình nguyện vì cộng đồng”.",
    ),
    (
        "HĐND {uw} tổ chức kỳ họp thường lệ cuối năm{ys}",
        "HĐND {uw} tổ chức kỳ họp thường lệ cuối năm{ys} nhằm xem xét, thông qua các báo "
        "cáo, tờ trình và dự thảo nghị quyết quan trọng của địa phương.",
    ),
    (
        "Tiếp xúc cử tri trước kỳ họp tại {uw}",
        "Tổ đại biểu HĐND {city} phối hợp với Ủy ban MTTQ Việt Nam {uw} tổ chức hội nghị "
        "tiếp xúc cử tri trước kỳ họp.",
    ),
    (
        "{UW} tổ chức Lễ giao nhận quân năm{ys}",
        "{uw} long trọng tổ chức Lễ giao nhận quân năm{ys} cho {d} thanh niên ưu tú lên "
        "đường nhập ngũ.",
    ),
    (
        "Sôi nổi Ngày hội Đại đoàn kết toàn dân tộc tại {uw}",
        "Ban công tác Mặt trận {kpx}, {uw} tổ chức Ngày hội Đại đoàn kết toàn dân tộc "
        "năm{ys} với sự tham gia đông đảo của Nhân dân.",
    ),
    (
        "{UW} ra quân tổng vệ sinh môi trường",
        "UBND {uw} phối hợp với Ủy ban MTTQ Việt Nam {u} và các đoàn thể tổ chức ra quân "
        "tổng vệ sinh môi trường, hưởng ứng phong trào “Ngày Chủ nhật xanh”.",
    ),
    (
        "Tập huấn công tác phòng cháy, chữa cháy tại {uw}",
        "Công an {uw} tổ chức buổi tập huấn kiến thức, kỹ năng phòng cháy, chữa cháy và cứu "
        "nạn, cứu hộ cho lực lượng dân phòng và Nhân dân trên địa bàn.",
    ),
    (
        "{UW} trao quà cho hộ nghèo, gia đình chính sách nhân dịp Tết Nguyên đán",
        "UBND {uw} tổ chức trao {m} suất quà cho các hộ nghèo, hộ cận nghèo và gia đình "
        "chính sách nhân dịp Tết Nguyên đán.",
    ),
    (
        "Hội nghị đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân {uw}",
        "Đảng ủy, UBND {uw} tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy, chính "
        "quyền với Nhân dân năm{ys}.",
    ),
    (
        "{UW} kỷ niệm ngày thành lập Mặt trận Tổ quốc Việt Nam",
        "Ủy ban MTTQ Việt Nam {uw} tổ chức Lễ kỷ niệm ngày thành lập Mặt trận Tổ quốc Việt "
        "Nam, Ngày truyền thống công tác Mặt trận.",
    ),
    (
        "Đại hội Hội Cựu chiến binh {uw} thành công tốt đẹp",
        "Hội Cựu chiến binh {uw} tổ chức Đại hội đại biểu lần thứ {roman} với sự tham dự "
        "của {m} hội viên tiêu biểu.",
    ),
    (
        "Ra mắt mô hình “Tuyến đường hoa” tại {kpx}, {uw}",
        "Hội Liên hiệp Phụ nữ {uw} tổ chức ra mắt mô hình “Tuyến đường hoa” tại {kpx} "
        "với chiều dài hơn {m}m.",
    ),
    (
        "{UW} ra quân phòng, chống dịch bệnh sốt xuất huyết",
        "UBND {uw} tổ chức ra quân chiến dịch diệt lăng quăng, phòng, chống dịch bệnh sốt "
        "xuất huyết năm{ys}.",
    ),
    (
        "Hội nghị học tập, quán triệt Nghị quyết của Đảng tại {uw}",
        "Đảng ủy {uw} tổ chức hội nghị học tập, quán triệt, triển khai thực hiện các nghị "
        "quyết, chỉ thị của Đảng cho cán bộ, đảng viên.",
    ),
    (
        "{UW}: Sôi nổi Giải bóng đá thiếu niên nhi đồng",
        "Đoàn Thanh niên {uw} tổ chức khai mạc Giải bóng đá thiếu niên nhi đồng năm{ys} với "
        "sự tham gia của {a} đội bóng đến từ các {kp} trên địa bàn.",
    ),
    (
        "{UW} tuyên truyền pháp luật về phòng, chống ma túy",
        "Công an {uw} phối hợp với Đoàn Thanh niên tổ chức buổi tuyên truyền pháp luật về "
        "phòng, chống ma túy cho học sinh và Nhân dân trên địa bàn.",
    ),
    (
        "Hội nghị triển khai công tác chuyển đổi số trên địa bàn {uw}",
        "UBND {uw} tổ chức hội nghị triển khai kế hoạch chuyển đổi số năm{ys}, xây dựng "
        "chính quyền điện tử và đô thị thông minh.",
    ),
    (
        "{UW} phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ”",
        "Đảng ủy, UBND {uw} tổ chức Lễ phát động Tết trồng cây “Đời đời nhớ ơn Bác Hồ” Xuân{ys}.",
    ),
    (
        "{UW} diễn tập phương án chữa cháy và cứu nạn, cứu hộ",
        "Công an {uw} chủ trì, phối hợp với Đội Cảnh sát PCCC và CNCH tổ chức diễn tập "
        "phương án chữa cháy và cứu nạn, cứu hộ tại {kpx}.",
    ),
    (
        "Trao Huy hiệu Đảng cho đảng viên {uw}",
        "Đảng ủy {uw} tổ chức Lễ trao Huy hiệu Đảng cho {d} đảng viên lão thành có nhiều "
        "đóng góp cho sự nghiệp cách mạng.",
    ),
    (
        "Đoàn công tác {city} kiểm tra tình hình thực hiện nhiệm vụ tại {uw}",
        "Đoàn công tác của UBND {city} do đồng chí {pa}, {ra} làm trưởng đoàn đã có buổi "
        "làm việc với UBND {uw} về tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội "
        "năm{ys}.",
    ),
    (
        "{UW} tổng kết công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn {uw} tổ chức hội nghị tổng "
        "kết công tác năm{ys}, triển khai nhiệm vụ năm tới.",
    ),
    (
        "Khai giảng lớp bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú tại {uw}",
        "Đảng ủy {uw} phối hợp với Trung tâm Chính trị {city} khai giảng lớp bồi dưỡng nhận "
        "thức về Đảng cho {b} quần chúng ưu tú.",
    ),
    (
        "{UW} sơ kết công tác cải cách hành chính",
        "UBND {uw} tổ chức hội nghị sơ kết công tác cải cách hành chính và chuyển đổi số năm{ys}.",
    ),
    (
        "Hội Liên hiệp Phụ nữ {uw} tổ chức kỷ niệm Ngày Phụ nữ Việt Nam",
        "Hội Liên hiệp Phụ nữ {uw} tổ chức họp mặt kỷ niệm Ngày Phụ nữ Việt Nam, tuyên "
        "dương {d} hội viên tiêu biểu năm{ys}.",
    ),
    (
        "{UW} tổ chức Lễ khánh thành nhà văn hóa {kpx}",
        "UBND {uw} tổ chức Lễ khánh thành và đưa vào sử dụng nhà văn hóa {kpx} với tổng kinh "
        "phí đầu tư {k2} triệu đồng.",
    ),
)
_EVENTS_WITH_YEAR: Final = tuple(e for e in _EVENTS if "{ys}" in e[1])
_EVENTS_NO_YEAR: Final = tuple(e for e in _EVENTS if "{ys}" not in e[0] + e[1])

# --------------------------------------------------------------------------------------------
# Sentence bank. Plain sentences name no year; _YEAR ones name the article's year;
# _NOISE ones name other years (terms of office, targets) and only go where the
# article's date is explicit.
# --------------------------------------------------------------------------------------------

_PLAIN: Final = (
    "Trong thời gian qua, Đảng ủy {uw} đã tập trung lãnh đạo, chỉ đạo thực hiện đồng bộ các "
    "giải pháp phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh trên địa bàn.",
    "Công tác xây dựng Đảng, chính quyền, vận động quần chúng có nhiều chuyển biến tích cực; "
    "vai trò, trách nhiệm của các tổ chức chính trị từ {u} đến các {kp} được nâng lên.",
    "Tổng giá trị sản xuất các ngành kinh tế trên địa bàn ước đạt {k} triệu đồng, tốc độ "
    "tăng trưởng đạt {pct}%, cơ cấu kinh tế tiếp tục chuyển dịch đúng hướng.",
    "Bộ phận tiếp nhận và trả kết quả của UBND {u} đã tiếp nhận {m} hồ sơ, giải quyết đúng "
    "hạn và trước hạn đạt tỷ lệ {pc}%.",
    "Thu ngân sách nhà nước trên địa bàn ước đạt {k2} triệu đồng, đạt {pc}% dự toán {city} giao.",
    "Công tác an sinh xã hội được thực hiện đầy đủ, kịp thời; {uw} đã trao {m} suất quà cho "
    "hộ nghèo, hộ cận nghèo và gia đình chính sách với tổng trị giá {k2} triệu đồng.",
    "Ủy ban MTTQ Việt Nam {u} phối hợp với các đoàn thể vận động Nhân dân hiến đất, góp công "
    "làm mới {a} tuyến đường giao thông với tổng chiều dài trên {k}m.",
    "Lực lượng Công an {u} phối hợp với Công an {nb} tăng cường tuần tra, kiểm soát, kịp thời "
    "phát hiện, xử lý {a} vụ việc vi phạm trật tự an toàn xã hội.",
    "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tiếp tục được triển khai sâu "
    "rộng, toàn {u} có {pc}% hộ gia đình đạt danh hiệu gia đình văn hóa.",
    "Công tác tuyển chọn và gọi công dân nhập ngũ được thực hiện công khai, dân chủ, đúng quy "
    "trình; {uw} đã giao {d} thanh niên, đạt 100% chỉ tiêu trên giao.",
    "Hội Liên hiệp Phụ nữ {u} đã vận động hội viên giúp đỡ {b} hộ phụ nữ nghèo vay vốn phát "
    "triển sản xuất với tổng dư nợ {k2} triệu đồng.",
    "Đoàn Thanh niên {u} tổ chức nhiều hoạt động tình nguyện như ra quân dọn vệ sinh môi "
    "trường, phát quang bụi rậm, khơi thông cống rãnh tại các {kp}.",
    "Hội Cựu chiến binh {u} tiếp tục phát huy phẩm chất “Bộ đội Cụ Hồ”, tích cực tham gia "
    "giữ gìn an ninh trật tự và xây dựng khu dân cư văn minh.",
    "Tại hội nghị, các đại biểu đã tập trung thảo luận, đánh giá những kết quả đạt được, chỉ "
    "ra những hạn chế, tồn tại và nguyên nhân, đồng thời đề xuất giải pháp khắc phục trong "
    "thời gian tới.",
    "Phát biểu chỉ đạo tại hội nghị, đồng chí {pa}, {ra} đề nghị các ngành, đoàn thể tiếp tục "
    "bám sát cơ sở, nắm chắc tình hình Nhân dân, kịp thời giải quyết những vấn đề phát sinh.",
    "Đồng chí {pb}, {rb} ghi nhận, biểu dương những kết quả mà cán bộ và Nhân dân {uw} đã "
    "đạt được trong thời gian qua.",
    "Về dự có đồng chí {pa}, {ra}; đồng chí {pb}, {rb} cùng đại diện lãnh đạo các ban, ngành, "
    "đoàn thể và Bí thư chi bộ, Trưởng {kp} trên địa bàn.",
    "Hội nghị đã nghe báo cáo kết quả thực hiện nhiệm vụ chính trị, những khó khăn, vướng mắc "
    "và phương hướng, nhiệm vụ trọng tâm trong thời gian tới.",
    "Bên cạnh những kết quả đạt được, công tác quản lý đất đai, trật tự xây dựng và vệ sinh "
    "môi trường trên địa bàn vẫn còn một số hạn chế cần sớm khắc phục.",
    "Công tác quản lý trật tự đô thị được tăng cường; {uw} đã ra quân giải tỏa {m} trường "
    "hợp lấn chiếm vỉa hè, lòng đường để kinh doanh, buôn bán.",
    "Công tác giải phóng mặt bằng các dự án trọng điểm được tập trung chỉ đạo quyết liệt, đến "
    "nay đã bàn giao {pc}% diện tích cho chủ đầu tư.",
    "UBND {u} đã chỉ đạo các bộ phận chuyên môn phối hợp với {kpx} rà soát, lập danh sách "
    "các hộ gia đình có hoàn cảnh khó khăn để kịp thời hỗ trợ.",
    "Công tác chuyển đổi số được đẩy mạnh, tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận và "
    "giải quyết trực tuyến đạt {pc}%.",
    "Toàn {u} hiện có {m} hộ kinh doanh cá thể, {a} doanh nghiệp và {d} hợp tác xã đang hoạt "
    "động ổn định, góp phần giải quyết việc làm cho lao động địa phương.",
    "Công tác chăm sóc sức khỏe Nhân dân được quan tâm, Trạm Y tế {u} đã tổ chức khám, tư vấn "
    "sức khỏe miễn phí cho {m} lượt người cao tuổi.",
    "Tỷ lệ người dân tham gia bảo hiểm y tế trên địa bàn đạt {pc}%, vượt chỉ tiêu Nghị quyết "
    "đề ra.",
    "Công tác giáo dục tiếp tục được quan tâm, các trường học trên địa bàn {u} duy trì sĩ số, "
    "chất lượng dạy và học từng bước được nâng lên.",
    "Ban Chỉ huy Quân sự {u} đã tổ chức huấn luyện cho lực lượng dân quân đạt kết quả khá, "
    "giỏi, bảo đảm an toàn tuyệt đối về người và vũ khí, trang bị.",
    "Công an {u} đã tổ chức {a} buổi tuyên truyền pháp luật về phòng, chống tội phạm, tệ nạn "
    "xã hội và an toàn giao thông cho trên {m} lượt người tham dự.",
    "Thông qua các buổi tuyên truyền, nhận thức của người dân về chấp hành pháp luật được nâng "
    "lên, nhiều vụ việc được hòa giải thành ngay tại cơ sở.",
    "Các tổ hòa giải ở cơ sở đã tiếp nhận và hòa giải thành {b} vụ việc, góp phần giữ gìn "
    "đoàn kết trong cộng đồng dân cư.",
    "Công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo được thực hiện đúng quy "
    "định, không để phát sinh điểm nóng.",
    "Trong đợt này, UBND {u} đã tổ chức thăm hỏi, tặng quà {b} gia đình chính sách, người có "
    "công với cách mạng, mỗi suất quà trị giá {m2}.000 đồng.",
    "Nhân dịp này, {uw} đã trao giấy khen cho {d} tập thể và {b} cá nhân có thành tích xuất "
    "sắc trong phong trào thi đua.",
    "Cũng tại hội nghị, Ủy ban nhân dân {u} đã tặng giấy khen cho {d} tập thể và {a} cá nhân "
    "tiêu biểu.",
    "Qua đó, nhận thức, ý thức trách nhiệm và hiệu quả công tác của cán bộ, đảng viên trong "
    "hệ thống chính trị được nâng lên.",
    "Ban Thường vụ Đảng ủy {u} đã tổ chức kiểm tra, giám sát {d} chi bộ trực thuộc, qua đó "
    "kịp thời chấn chỉnh những thiếu sót trong công tác lãnh đạo.",
    "Đảng bộ {uw} hiện có {a} chi bộ trực thuộc với {m} đảng viên; công tác phát triển đảng "
    "viên mới được quan tâm thực hiện.",
    "Trong đợt này, Đảng ủy đã kết nạp {d} đảng viên mới, công nhận đảng viên chính thức cho "
    "{d2} đồng chí.",
    "Các chi bộ trực thuộc duy trì tốt nề nếp sinh hoạt, nội dung sinh hoạt chi bộ từng bước "
    "được đổi mới, thiết thực hơn.",
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với việc "
    "thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị.",
    "Ủy ban MTTQ Việt Nam {u} đã vận động Quỹ “Vì người nghèo” được {k2} triệu đồng, hỗ trợ "
    "xây mới và sửa chữa {d} căn nhà Đại đoàn kết.",
    "Phong trào xây dựng “{kp} văn hóa” tiếp tục được duy trì, có {a} {kp} được công nhận đạt "
    "danh hiệu văn hóa.",
    "Hội Nông dân {u} phối hợp với các ngành tổ chức tập huấn chuyển giao khoa học kỹ thuật "
    "về trồng trọt, chăn nuôi cho {m} lượt hội viên.",
    "Diện tích gieo trồng trên địa bàn đạt {ha} ha, năng suất bình quân ước đạt {b} tạ/ha.",
    "Tổng đàn gia súc, gia cầm được duy trì ổn định, công tác tiêm phòng được thực hiện đúng "
    "lịch, không để xảy ra dịch bệnh lớn.",
    "Công tác phòng, chống dịch bệnh sốt xuất huyết được triển khai quyết liệt, các {kp} đã "
    "tổ chức phun hóa chất, diệt lăng quăng tại {m} hộ gia đình.",
    "Các lực lượng đã tham gia thu gom hơn {a} tấn rác thải, phát quang {m}m bụi rậm, khơi "
    "thông {m2}m cống rãnh thoát nước.",
    "Lãnh đạo UBND {u} yêu cầu các ngành chuyên môn tăng cường kiểm tra, xử lý nghiêm các "
    "trường hợp xây dựng không phép, sai phép.",
    "Việc thực hiện Quy chế dân chủ ở cơ sở được duy trì nghiêm túc, các chủ trương lớn của "
    "địa phương đều được công khai để Nhân dân bàn bạc, quyết định.",
    "Đến nay, hệ thống đèn chiếu sáng công cộng đã được lắp đặt tại {a} tuyến đường, góp "
    "phần bảo đảm an ninh trật tự và mỹ quan đô thị.",
    "Trường Mầm non và Trường Tiểu học trên địa bàn {u} đã được đầu tư nâng cấp cơ sở vật "
    "chất, đáp ứng yêu cầu dạy và học.",
    "Đoàn đã kiểm tra thực tế tại {kpx} và làm việc với các bộ phận chuyên môn của UBND {u}.",
    "Qua kiểm tra, đoàn đánh giá cao sự chủ động, linh hoạt của {uw} trong triển khai nhiệm "
    "vụ, đồng thời lưu ý một số nội dung cần tập trung khắc phục.",
    "Trong thời gian tới, {uw} sẽ tiếp tục tập trung nguồn lực cho chỉnh trang đô thị, nâng "
    "cấp hạ tầng giao thông và hệ thống thoát nước.",
    "Đồng chí {pa}, {ra} nhấn mạnh, cần tiếp tục đẩy mạnh công tác tuyên truyền để mỗi người "
    "dân hiểu rõ và đồng thuận với chủ trương của địa phương.",
    "Đồng thời, các {kp} cần phát huy vai trò của Ban công tác Mặt trận, chi hội đoàn thể "
    "trong vận động Nhân dân thực hiện tốt các phong trào thi đua.",
    "Các đại biểu đã nghe quán triệt những nội dung cơ bản, cốt lõi của các nghị quyết, chỉ "
    "thị mới của Trung ương, Tỉnh ủy và {cu}.",
    "Đây là dịp để cán bộ, đảng viên nắm vững quan điểm, mục tiêu, nhiệm vụ và giải pháp lớn, "
    "vận dụng sáng tạo vào thực tiễn địa phương.",
    "Kết thúc chương trình, các học viên đã làm bài thu hoạch, {pc}% bài thu hoạch đạt loại "
    "khá, giỏi.",
    "Lễ ra quân có sự tham gia của hơn {m} đoàn viên, thanh niên, hội viên các đoàn thể và "
    "Nhân dân trên địa bàn.",
    "Ngay sau lễ ra quân, các lực lượng đã tỏa về các {kp} để dọn dẹp vệ sinh, trồng hoa, sơn "
    "sửa hàng rào, tạo cảnh quan xanh - sạch - đẹp.",
    "Hội nghị đã diễn ra trong không khí dân chủ, cởi mở, thẳng thắn và đã thành công tốt đẹp.",
    "Tại buổi tiếp xúc, cử tri đã phản ánh, kiến nghị {a} ý kiến liên quan đến các lĩnh vực "
    "đất đai, môi trường, an sinh xã hội và hạ tầng giao thông.",
    "Các ý kiến, kiến nghị của cử tri đã được lãnh đạo UBND {u} và {city} trả lời, giải "
    "trình cụ thể tại hội nghị.",
    "Đối với những nội dung vượt thẩm quyền, Tổ đại biểu sẽ tổng hợp, chuyển đến cơ quan có "
    "thẩm quyền xem xét, giải quyết theo quy định.",
    "Kỳ họp đã xem xét, thông qua {d} nghị quyết quan trọng, trong đó có nghị quyết về dự "
    "toán ngân sách và kế hoạch đầu tư công của địa phương.",
    "Các đại biểu HĐND đã thảo luận sôi nổi, chất vấn trách nhiệm của các ngành về những vấn "
    "đề cử tri quan tâm.",
    "Giải đấu có sự tham gia của {a} đội bóng với gần {m} vận động viên đến từ các {kp} và "
    "trường học trên địa bàn.",
    "Kết thúc giải, Ban Tổ chức đã trao cờ, cúp và giấy khen cho các đội đạt giải Nhất, Nhì, "
    "Ba và giải Phong cách.",
    "Hoạt động nhằm tạo sân chơi lành mạnh, bổ ích cho thanh thiếu niên, góp phần đẩy lùi các "
    "tệ nạn xã hội.",
    "Tại buổi diễn tập, các lực lượng đã phối hợp nhịp nhàng, xử lý tình huống giả định cháy "
    "tại nhà dân trong thời gian ngắn nhất.",
    "Thông qua buổi diễn tập nhằm nâng cao kỹ năng xử lý tình huống cháy, nổ và cứu nạn, cứu "
    "hộ cho lực lượng phòng cháy tại chỗ.",
    "Trên địa bàn hiện có {a} tổ an ninh trật tự cơ sở với {m} thành viên, thường xuyên tham "
    "gia tuần tra, canh gác vào ban đêm.",
    "Mô hình “Camera an ninh” được nhân rộng với {m} camera được lắp đặt tại các tuyến đường, "
    "ngõ hẻm, góp phần phát hiện, ngăn chặn tội phạm.",
    "Mô hình “Tổ tự quản” tại {kpx} đã phát huy hiệu quả trong việc giữ gìn vệ sinh môi "
    "trường và trật tự khu dân cư.",
    "Nhiều hộ gia đình đã tự nguyện tháo dỡ vật kiến trúc, hiến đất để mở rộng đường, tạo sự "
    "đồng thuận cao trong cộng đồng.",
    "Toàn {u} đã giải quyết việc làm mới cho {m} lao động, trong đó có {b} lao động đi làm "
    "việc có thời hạn ở nước ngoài.",
    "Ngân hàng Chính sách xã hội đã giải ngân cho {m} lượt hộ vay với tổng số tiền {k2} triệu "
    "đồng thông qua các tổ tiết kiệm và vay vốn.",
    "Tỷ lệ hộ nghèo trên địa bàn giảm còn {pct2}%, hộ cận nghèo còn {pct3}%.",
    "Đời sống vật chất và tinh thần của Nhân dân ngày càng được nâng lên, bộ mặt {uw} ngày "
    "càng khang trang, sạch đẹp.",
    "Đảng ủy {uw} giao Ủy ban MTTQ Việt Nam và các đoàn thể chính trị - xã hội tiếp tục đổi "
    "mới nội dung, phương thức hoạt động, hướng mạnh về cơ sở.",
    "Chương trình đã nhận được sự hưởng ứng nhiệt tình của các mạnh thường quân, doanh nghiệp "
    "và Nhân dân trên địa bàn.",
    "Dịp này, các đại biểu đã trao {b} suất học bổng cho học sinh nghèo vượt khó, học giỏi, "
    "mỗi suất trị giá {m2}.000 đồng.",
    "Công tác quản lý nhà nước về văn hóa, thông tin được tăng cường, các cơ sở kinh doanh "
    "dịch vụ văn hóa chấp hành tốt quy định của pháp luật.",
    "Hệ thống loa truyền thanh của {u} đã thực hiện {m} giờ phát sóng, tiếp âm, kịp thời đưa "
    "thông tin đến với Nhân dân.",
    "Công tác phòng, chống thiên tai được chủ động triển khai, lực lượng xung kích thường "
    "trực sẵn sàng ứng phó khi có tình huống xảy ra.",
    "Trước đó, UBND {u} đã ban hành kế hoạch, phân công nhiệm vụ cụ thể cho từng bộ phận, "
    "ngành, đoàn thể và các {kp}.",
    "Đến cuối kỳ, {uw} đã hoàn thành và vượt {f1}/{f2} chỉ tiêu chủ yếu theo Nghị quyết đề ra.",
    "Trong số {f2} chỉ tiêu chủ yếu, có {f1}/{f2} chỉ tiêu đạt và vượt kế hoạch, các chỉ tiêu "
    "còn lại đạt trên {pc}%.",
    "Bên cạnh đó, tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn "
    "định, không để xảy ra đột xuất, bất ngờ.",
    "Công tác phối hợp giữa {uw} và {nb} trong quản lý địa bàn giáp ranh được duy trì chặt "
    "chẽ, hiệu quả.",
    "UBND {u} đã phối hợp với UBND {nb} kiểm tra, xử lý tình trạng đổ rác thải, xà bần không "
    "đúng nơi quy định tại khu vực giáp ranh.",
    "Theo đánh giá của UBND {city}, {uw} là một trong những đơn vị dẫn đầu về công tác cải "
    "cách hành chính.",
    "Cán bộ, công chức {u} đã chấp hành tốt giờ giấc làm việc, thái độ tiếp dân văn minh, "
    "lịch sự, tạo sự hài lòng cho người dân và doanh nghiệp.",
    "Đồng chí {pb}, {rb} đã thông qua dự thảo báo cáo và xin ý kiến đóng góp của các đại biểu.",
    "Các tham luận tại hội nghị đã chia sẻ nhiều kinh nghiệm hay, cách làm sáng tạo trong "
    "triển khai nhiệm vụ tại cơ sở.",
    "Để hoàn thành mục tiêu đề ra, {uw} xác định phải tiếp tục nâng cao năng lực lãnh đạo của "
    "tổ chức đảng và hiệu lực quản lý của chính quyền.",
    "Đặc biệt, {u} sẽ chú trọng công tác đào tạo, bồi dưỡng đội ngũ cán bộ trẻ, có năng lực, "
    "đáp ứng yêu cầu nhiệm vụ trong tình hình mới.",
    "Lãnh đạo {city} đề nghị {uw} quan tâm hơn nữa đến công tác quản lý đất đai, kịp thời "
    "ngăn chặn tình trạng chuyển mục đích sử dụng đất trái phép.",
    "Bà con Nhân dân phấn khởi, tin tưởng vào sự lãnh đạo của Đảng, sự quản lý, điều hành "
    "của chính quyền địa phương.",
    "Tại lễ phát động, các đơn vị đã trồng {m} cây xanh các loại dọc các tuyến đường và khuôn "
    "viên trường học, trụ sở cơ quan.",
    "Buổi tập huấn đã trang bị cho học viên kiến thức cơ bản về phòng cháy, chữa cháy, cách "
    "sử dụng bình chữa cháy và kỹ năng thoát nạn.",
    "Nhân dân được hướng dẫn cài đặt và sử dụng các ứng dụng dịch vụ công trực tuyến, thanh "
    "toán không dùng tiền mặt và định danh điện tử.",
    "Tổ công nghệ số cộng đồng tại các {kp} đã hỗ trợ {m} lượt người dân kích hoạt tài khoản "
    "định danh điện tử mức độ 2.",
    "Chiến dịch đã thu hút đông đảo đoàn viên, thanh niên tham gia với nhiều công trình, phần "
    "việc thiết thực.",
    "Các đơn vị đã tổ chức các hoạt động văn hóa, văn nghệ, thể dục thể thao sôi nổi, thu "
    "hút đông đảo Nhân dân tham gia.",
    "Ngày hội là dịp để Nhân dân ôn lại truyền thống, tăng cường khối đại đoàn kết toàn dân "
    "tộc ở khu dân cư.",
    "Tại ngày hội, Ban Tổ chức đã biểu dương {d} hộ gia đình văn hóa tiêu biểu và trao quà "
    "cho các hộ có hoàn cảnh khó khăn.",
    "Buổi lễ giao nhận quân diễn ra trang trọng, nhanh gọn, an toàn, tiết kiệm, để lại ấn "
    "tượng tốt đẹp trong lòng các tân binh và gia đình.",
    "Các tân binh bày tỏ quyết tâm hoàn thành tốt nhiệm vụ, xứng đáng với sự tin tưởng, gửi "
    "gắm của gia đình và quê hương.",
    "Hội Người cao tuổi {u} duy trì tốt các câu lạc bộ dưỡng sinh, thơ ca, văn nghệ, góp phần "
    "nâng cao đời sống tinh thần cho hội viên.",
    "Công tác kiểm tra vệ sinh an toàn thực phẩm được tăng cường, đoàn liên ngành đã kiểm tra "
    "{a} cơ sở kinh doanh, nhắc nhở các trường hợp vi phạm.",
    "Công tác quản lý nhà nước về tài nguyên, môi trường được tăng cường, {uw} đã xử lý {d} "
    "trường hợp vi phạm về bảo vệ môi trường.",
    "Các trường hợp vi phạm đều được lập biên bản, yêu cầu khắc phục hậu quả và cam kết không "
    "tái phạm.",
    "Ban Chỉ đạo {u} đã thành lập các tổ công tác xuống từng {kp} để nắm tình hình, kịp thời "
    "tháo gỡ khó khăn cho người dân.",
    "Công tác chi trả trợ cấp hàng tháng cho các đối tượng bảo trợ xã hội được thực hiện đầy "
    "đủ, đúng quy định, đến tận tay người nhận.",
    "Lũy kế đến nay, toàn {u} có {m} người được cấp thẻ bảo hiểm y tế miễn phí thuộc các "
    "đối tượng chính sách.",
    "Công tác đền ơn đáp nghĩa được quan tâm, các gia đình chính sách đều có mức sống bằng "
    "hoặc cao hơn mức sống trung bình của người dân nơi cư trú.",
    "Kết quả, đã có {m} hộ gia đình đăng ký tham gia, vượt {a}% so với kế hoạch.",
    "Các đoàn thể đã chủ động phối hợp với nhà trường, gia đình trong công tác giáo dục, quản "
    "lý thanh thiếu niên, phòng ngừa vi phạm pháp luật.",
    "Qua rà soát, trên địa bàn {u} còn {b} hộ nghèo và {a} hộ cận nghèo, chủ yếu là hộ có "
    "người già yếu, neo đơn, không có khả năng lao động.",
    "Chính quyền địa phương cam kết sẽ tiếp thu đầy đủ các ý kiến đóng góp và có giải pháp xử "
    "lý dứt điểm những vấn đề người dân quan tâm.",
    "Phát biểu kết luận, đồng chí {pb}, {rb} yêu cầu các ngành, Mặt trận, các hội, đoàn thể "
    "và các chi bộ trực thuộc tập trung thực hiện một số nhiệm vụ trọng tâm.",
    "Trước hết, cần tăng cường xây dựng, chỉnh đốn Đảng và hệ thống chính trị trong sạch, "
    "vững mạnh; nâng cao chất lượng sinh hoạt chi bộ.",
    "Cùng với đó, tiếp tục rà soát, cập nhật thông tin dân cư, quản lý chặt chẽ nhân khẩu, "
    "hộ khẩu, người tạm trú trên địa bàn.",
    "Các hộ kinh doanh ven đường được tuyên truyền, vận động ký cam kết không lấn chiếm vỉa "
    "hè, giữ gìn vệ sinh trước cửa nhà.",
    "Trong không khí phấn khởi, các đại biểu và Nhân dân đã cùng nhau trồng cây, thả cá, dọn "
    "dẹp khuôn viên nhà văn hóa {kpx}.",
    "Lực lượng dân quân {u} thường xuyên phối hợp với Công an tuần tra, bảo đảm an toàn các "
    "mục tiêu trọng điểm trên địa bàn.",
    "Chương trình khám bệnh, cấp thuốc miễn phí đã thu hút hơn {m} người dân đến khám và nhận "
    "thuốc.",
    "Công tác bình xét hộ nghèo, hộ cận nghèo được thực hiện công khai, dân chủ, đúng đối "
    "tượng, có sự giám sát của Ban công tác Mặt trận các {kp}.",
)

# One of these goes into every article: the neighbour and the city are always named.
_PLACE: Final = (
    "Tham dự hội nghị còn có đại diện lãnh đạo UBND {city}, Đảng ủy {nb} và các ban, ngành, "
    "đoàn thể của {u}.",
    "Cùng với {nb}, {uw} là một trong những địa phương được UBND {city} chọn làm điểm thực "
    "hiện mô hình “Dân vận khéo”.",
    "Địa bàn {u} giáp {nb}, có {a} {kp} với hơn {k} nhân khẩu, là một trong những địa "
    "phương có tốc độ đô thị hóa nhanh của {city}.",
    "Theo kế hoạch của UBND {city}, {uw} và {nb} sẽ phối hợp tổ chức các hoạt động chung "
    "trong thời gian tới.",
    "Trước đó, đoàn công tác của {city} cũng đã làm việc với {nb} về nội dung tương tự.",
)

_YEAR: Final = (
    "Năm {year}, {uw} phấn đấu hoàn thành và vượt các chỉ tiêu kinh tế - xã hội mà Nghị quyết "
    "Đại hội Đảng bộ đã đề ra.",
    "Trong năm {year}, Đảng ủy {uw} đã tổ chức các hội nghị học tập, quán triệt các chỉ thị, "
    "nghị quyết của Đảng các cấp cho cán bộ, đảng viên.",
    "Tính đến cuối năm {year}, toàn {u} có {m} hộ gia đình được công nhận đạt danh hiệu gia "
    "đình văn hóa.",
    "Năm {year}, dự báo tình hình còn nhiều khó khăn, thách thức, Đảng ủy, chính quyền {u} "
    "quyết tâm phấn đấu hoàn thành thắng lợi các nhiệm vụ đề ra.",
    "Phương hướng, nhiệm vụ trong năm {year}, {uw} tiếp tục tập trung thực hiện tốt công tác "
    "cải cách hành chính, nâng cao chất lượng phục vụ người dân.",
    "Kế hoạch năm {year} đặt mục tiêu giảm tỷ lệ hộ nghèo xuống dưới {pct2}% và nâng tỷ lệ "
    "người dân tham gia bảo hiểm y tế lên trên {pc}%.",
    "Trong 6 tháng đầu năm {year}, tình hình an ninh chính trị, trật tự an toàn xã hội trên "
    "địa bàn cơ bản ổn định.",
    "Chỉ tiêu giao quân năm {year} của {uw} là {d} công dân, đến nay đã hoàn thành 100% chỉ tiêu.",
    "Trong năm {year}, Ủy ban MTTQ Việt Nam {u} đã vận động xây dựng {d} căn nhà Đại đoàn kết "
    "cho hộ nghèo.",
    "Từ đầu năm {year} đến nay, {uw} đã tiếp nhận và giải quyết {m} hồ sơ thủ tục hành chính, "
    "không có hồ sơ trễ hạn.",
    "Thu ngân sách năm {year} ước đạt {k2} triệu đồng, tăng {pct}% so với cùng kỳ.",
    "Năm {year}, toàn {u} đã giải quyết việc làm cho {m} lao động, vượt chỉ tiêu đề ra.",
    "Trong năm {year}, Đảng bộ {uw} đã kết nạp {d} đảng viên mới, đạt {pc}% chỉ tiêu.",
    "Công tác tuyển quân năm {year} được triển khai từ sớm, đúng quy trình, bảo đảm công khai, "
    "dân chủ, công bằng.",
    "Bước sang năm {year}, {uw} xác định chủ đề công tác là “Kỷ cương, trách nhiệm, hành "
    "động, sáng tạo và phát triển”.",
    "Đầu năm {year}, UBND {u} đã tổ chức cho các hộ gia đình, cơ quan, đơn vị ký cam kết thực "
    "hiện tốt các quy định về trật tự đô thị.",
    "Cả năm {year}, lực lượng chức năng đã phát hiện, xử lý {a} vụ vi phạm về trật tự xây "
    "dựng trên địa bàn.",
    "Trong năm {year}, toàn {u} có {b} học sinh đạt giải trong các kỳ thi học sinh giỏi các cấp.",
    "Các phong trào thi đua năm {year} được phát động sâu rộng, gắn với việc thực hiện nhiệm "
    "vụ chính trị của từng cơ quan, đơn vị.",
    "Tổng kết năm {year}, Hội Liên hiệp Phụ nữ {u} được UBND {city} tặng giấy khen vì có "
    "thành tích xuất sắc.",
    "Năm {year}, địa phương đã đầu tư nâng cấp {a} tuyến đường nội bộ và hệ thống thoát nước "
    "tại các {kp}.",
    "Mục tiêu năm {year}, {uw} phấn đấu có {pc}% hồ sơ thủ tục hành chính được giải quyết "
    "trực tuyến.",
    "Trong năm {year}, không có đảng viên vi phạm đến mức phải xử lý kỷ luật.",
    "Tính đến hết năm {year}, tỷ lệ hộ nghèo của {u} giảm còn {pct2}%.",
    "Với những kết quả đạt được, năm {year} {uw} được {city} đánh giá hoàn thành tốt nhiệm vụ.",
)

_NOISE: Final = (
    "Thực hiện Nghị quyết Đại hội Đảng bộ {u} nhiệm kỳ {term}, các chỉ tiêu chủ yếu đều đạt "
    "và vượt kế hoạch đề ra.",
    "Giai đoạn {term}, {uw} đã huy động trên {k2} triệu đồng để đầu tư xây dựng kết cấu hạ tầng.",
    "Phấn đấu đến năm {target}, {uw} cơ bản hoàn thành các tiêu chí đô thị văn minh.",
    "So với năm {prev}, số vụ phạm pháp hình sự trên địa bàn giảm {d} vụ.",
    "Đây là kết quả của cả quá trình thực hiện Chương trình hành động giai đoạn {term} của "
    "Đảng ủy {u}.",
    "Ban Chấp hành Đảng bộ {u} nhiệm kỳ {term} gồm {b} đồng chí, Ban Thường vụ gồm {d} đồng chí.",
    "Từ năm {since} đến nay, {uw} đã vận động Nhân dân hiến trên {k}m² đất để mở rộng các "
    "tuyến hẻm.",
    "Kế hoạch phát triển kinh tế - xã hội giai đoạn {term} đặt mục tiêu tốc độ tăng trưởng "
    "bình quân trên {pct}%/năm.",
    "Sau {span} năm (từ năm {since} đến nay), phong trào thi đua đã có sức lan tỏa rộng rãi "
    "trong cán bộ và Nhân dân.",
    "Tổng số tiền Nhân dân đóng góp từ năm {since} đến nay ước đạt {k2} triệu đồng.",
    "Đảng bộ phấn đấu đến cuối nhiệm kỳ {term} không còn hộ nghèo theo chuẩn của địa phương.",
    "Năm {prev}, {uw} được UBND {city} tặng Bằng khen vì có thành tích xuất sắc trong phong "
    "trào thi đua.",
)

_DOC_SENTENCES: Final = (
    "Thực hiện {doc} của {issuer} về {topic}, UBND {u} đã xây dựng kế hoạch và triển khai "
    "đến các ban, ngành, đoàn thể và các {kp}.",
    "Căn cứ {doc} của {issuer}, Ban Chỉ đạo {u} đã phân công nhiệm vụ cụ thể cho từng thành "
    "viên phụ trách các {kp}.",
    "Triển khai {doc} của {issuer} về {topic}, {uw} đã thành lập tổ công tác và tổ chức ra "
    "quân đồng loạt.",
)

# Sentences that mutate_files adds: no dates, no years, no places.
_MUTATION_SENTENCES: Final = (
    "Hội nghị đã thống nhất thông qua các nội dung đề ra.",
    "Các đại biểu đánh giá cao sự chuẩn bị chu đáo của Ban Tổ chức.",
    "Chương trình kết thúc trong không khí vui tươi, phấn khởi.",
    "Thời gian tới, địa phương sẽ tiếp tục nhân rộng các mô hình hiệu quả.",
    "Nhiều ý kiến tâm huyết đã được gửi đến lãnh đạo địa phương.",
    "Đây là hoạt động thiết thực, được người dân đồng tình ủng hộ.",
)

_POOL_EXPLICIT: Final[tuple[str, ...]] = _PLAIN + _PLACE + _YEAR + _NOISE  # a stamp or a full date
_POOL_YEARS: Final[tuple[str, ...]] = _PLAIN + _PLACE + _YEAR  # the article's year, no other
_POOL_NONE: Final[tuple[str, ...]] = _PLAIN + _PLACE  # no year at all

_DAY0: Final = date(2015, 1, 1).toordinal()
_DAY1: Final = date(2025, 12, 31).toordinal()

# Date modes: what the article tells about its date (cumulative probabilities).
_MODES: Final = (
    (0.50, "stamp"),  # a publication stamp (day)
    (0.72, "full"),  # a full event date in the lead (day)
    (0.82, "yearless"),  # "Sáng 12/7" in the lead, the year named elsewhere (day)
    (0.86, "month"),  # "Trong tháng 3/2022" (month)
    (0.94, "year"),  # only "năm 2021" (year)
    (1.00, "none"),  # nothing
)

# Windows-1258 keeps the tone as a combining mark after a precomposed base letter.
_TONES: Final = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _build_cp1258_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x1F00):
        char = chr(cp)
        parts = unicodedata.normalize("NFD", char)
        tones = [c for c in parts if c in _TONES]
        if len(parts) < 2 or len(tones) != 1:
            continue
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        try:
            (base + tones[0]).encode("cp1258")
        except UnicodeEncodeError:
            continue
        table[cp] = base + tones[0]
    return table


_CP1258_SPLIT: Final = _build_cp1258_table()


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _grouped(number: int) -> str:
    """1766 → "1.766" (Vietnamese thousands separator)."""
    return f"{number:,}".replace(",", ".")


def _decimal(tenths: int) -> str:
    """123 → "12,3"."""
    return f"{tenths // 10},{tenths % 10}"


def _roman(number: int) -> str:
    return ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")[number - 1]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _blen(text: str) -> int:
    return len(text.encode("utf-8"))


# Placeholders that take a fresh value at each use, so numbers do not repeat.
_DRAWS: Final[dict[str, Callable[[random.Random], object]]] = {
    "a": lambda g: g.randint(3, 30),
    "b": lambda g: g.randint(10, 95),
    "d": lambda g: g.randint(2, 9),
    "d2": lambda g: g.randint(2, 9),
    "m": lambda g: g.randint(40, 950),
    "m2": lambda g: g.choice((200, 300, 500, 500, 1000)),
    "k": lambda g: _grouped(g.randint(1200, 9800)),
    "k2": lambda g: _grouped(g.randint(120, 4800)),
    "pct": lambda g: _decimal(g.randint(50, 159)),
    "pc": lambda g: _decimal(g.randint(850, 999)),
    "pct2": lambda g: _decimal(g.randint(5, 39)),
    "pct3": lambda g: _decimal(g.randint(5, 49)),
    "ha": lambda g: _decimal(g.randint(300, 9000)),
}


class _Context(dict[str, Any]):
    """The values of one article's placeholders; numbers are drawn afresh at each use."""

    __slots__ = ("_rng",)

    def __init__(self, rng: random.Random, values: dict[str, Any]) -> None:
        super().__init__(values)
        self._rng = rng

    def __missing__(self, key: str) -> object:
        return _DRAWS[key](self._rng)

    def with_values(self, **values: Any) -> _Context:
        return _Context(self._rng, {**self, **values})


# --------------------------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------------------------


def generate_article(rng: random.Random, index: int) -> tuple[str, dict[str, Any]]:
    """The text of one article (NFC, LF line endings) and its truth dict.

    The truth holds ``ward`` (the subject's name without its unit word, ``12`` for
    ``Phường 12``), ``unit``, ``date`` (ISO at its precision, or ``None``), ``title``
    (``None`` when the page has none), ``author`` (``None`` when there is no byline or
    only a source), plus helpers for the benchmark runner: ``ward_label``, ``city``,
    ``province``, ``neighbour``, ``date_precision``, ``date_source``, ``category``,
    ``encoding`` (wanted; :func:`encode_article` may fall back) and ``crlf``.
    ``index`` only goes into the truth; all randomness comes from ``rng``.
    """
    r = rng.random
    ri = rng.randint
    choice = rng.choice

    # --- who and where --------------------------------------------------------------------
    x = r()
    if x < 0.55:
        pool = _PHUONG_NUMBERED if r() < 0.22 else _PHUONG_NAMED
    elif x < 0.90:
        pool = _XA
    else:
        pool = _THI_TRAN
    ward = choice(pool)
    loc = _LOCALITIES[ward.loc]
    neighbour = choice(ward.neighbours) if ward.neighbours else ward.label

    # --- when ------------------------------------------------------------------------------
    y = r()
    mode = next(name for limit, name in _MODES if y < limit)
    published = ri(_DAY0, _DAY1)
    event = max(_DAY0, published - (ri(0, 3) if r() < 0.7 else 0))
    if mode != "stamp":
        event = published
    ev = date.fromordinal(event)
    pub = date.fromordinal(published)
    year = ev.year
    ys = "" if mode == "none" else f" {year}"
    term_start = 2015 if year < 2020 else 2020 if year < 2025 else 2025
    span = choice((5, 10))

    # --- people and numbers ----------------------------------------------------------------
    def person() -> str:
        return f"{choice(_FAMILY)} {choice(_MIDDLE)} {choice(_GIVEN)}"

    def pen() -> str:
        first, second = choice(_PEN_FIRST), choice(_PEN_SECOND)
        return f"{first} {second}"

    roles = {"u": ward.unit, "cu": loc.committee, "city": loc.full}
    f2 = ri(12, 22)
    ctx = _Context(
        rng,
        {
            "uw": ward.label,
            "UW": ward.cap,
            "u": ward.unit,
            "nb": neighbour,
            "city": loc.full,
            "cu": loc.committee,
            "prov": loc.province,
            "kp": ward.sub,
            "kpx": f"{ward.sub} {ri(1, 12)}",
            "pa": person(),
            "pb": person(),
            "ra": choice(_CITY_ROLES if r() < 0.6 else _WARD_ROLES).format_map(roles),
            "rb": choice(_WARD_ROLES).format_map(roles),
            "pen": pen(),
            "f1": f2 - ri(0, 3),
            "f2": f2,
            "roman": _roman(ri(3, 12)),
            "year": year,
            "ys": ys,
            "term": f"{term_start}-{term_start + 5}"
            if r() < 0.7
            else f"{term_start} - {term_start + 5}",
            "prev": year - 1,
            "target": year + choice((2, 5, 7)),
            "span": span,
            "since": year - span,
        },
    )

    # --- the event: title and lead ----------------------------------------------------------
    if mode in ("year", "yearless"):
        event_tpl = choice(_EVENTS_WITH_YEAR)
    elif mode == "none":
        event_tpl = choice(_EVENTS_NO_YEAR)
    else:
        event_tpl = choice(_EVENTS)
    has_title = not (mode in ("full", "yearless") and r() < 0.25)
    title = _upper_first(event_tpl[0].format_map(ctx)) if has_title else None

    part = choice(_PARTS)
    d, mth, yr = ev.day, ev.month, ev.year
    if mode == "stamp":
        w = r()
        kind = "full" if w < 0.6 else "yearless" if w < 0.8 else "vague"
    else:
        kind = mode if mode in ("full", "yearless", "month") else "vague"
    if kind == "full":
        w = r()
        if w < 0.3:
            when = f"{part} ngày {d:02d}/{mth:02d}/{yr}, "
        elif w < 0.5:
            when = f"{part} {d}/{mth}/{yr}, "
        elif w < 0.65:
            when = f"Ngày {d:02d}/{mth:02d}/{yr} " if r() < 0.5 else f"Ngày {d}/{mth}/{yr}, "
        elif w < 0.8:
            when = f"{part} ngày {d} tháng {mth} năm {yr}, "
        else:
            when = f"Vào {part.lower()} ngày {d}/{mth}/{yr}, "
    elif kind == "yearless":
        w = r()
        if w < 0.5:
            when = f"{part} {d}/{mth}, "
        elif w < 0.8:
            when = f"{part} ngày {d}/{mth}, "
        else:
            when = f"Ngày {d}/{mth}, "
    elif kind == "month":
        when = (
            f"Trong tháng {mth}/{yr}, ",
            f"Trong tháng {mth} năm {yr}, ",
            f"Tháng {mth}/{yr}, ",
        )[ri(0, 2)]
    else:
        when = choice(_VAGUE)
    same_year_docs = mode in ("yearless", "month", "year")

    def docref(latest: int) -> str:
        """A document reference dated before ``latest`` (same year when it matters)."""
        day = date.fromordinal(latest - ri(5, 90))
        if same_year_docs and day.year != year:
            day = date(year, 1, 1)
        kind_name, code = choice(_DOC_KINDS)
        number = ri(1, 350)
        ref = f"{number:02d}" if r() < 0.3 else str(number)
        ref_code = f"{ref}-{code}" if code == "NQ/ĐU" else f"{ref}/{code}"
        if r() < 0.5:
            when_doc = f"{day.day}/{day.month}/{day.year}"
        else:
            when_doc = f"{day.day:02d}/{day.month:02d}/{day.year}"
        return f"{kind_name} số {ref_code} ngày {when_doc}"

    lead_core = event_tpl[1].format_map(ctx)
    if not when and lead_core.startswith("tại"):
        when = "Vừa qua, "
    if r() < 0.12:
        # "Thực hiện Kế hoạch số 12/KH-UBND ngày 3/4/2023 của …, sáng ngày 15/4/2023, …"
        issuer = choice(_DOC_ISSUERS).format_map(ctx)
        lead = (
            f"Thực hiện {docref(event)} của {issuer} về {choice(_DOC_TOPICS)}, "
            f"{_lower_first(when)}{lead_core}"
        )
    else:
        lead = _upper_first(when + lead_core)

    # --- page head -------------------------------------------------------------------------
    head: list[str] = []
    category: str | None = None
    if r() < 0.3:
        items = rng.sample(_MENU_ITEMS, ri(4, 8))
        head.append("CHUYÊN MỤC\n\n" + "\n".join(items))
    if r() < 0.15:
        head.append("TRANG CHỦ\n" + "\n".join(rng.sample(_TOP_MENU, ri(3, 6))))
    if r() < 0.25:
        crumbs = ["Trang chủ", *rng.sample(_CRUMBS, ri(1, 2))]
        category = crumbs[-1].format_map(ctx)
        sep = choice((" > ", " > ", " » ", " / "))
        head.append(sep.join(crumbs).format_map(ctx))
    if r() < 0.3:
        heading = choice(_HEADINGS)
        category = heading
        head.append(f"{heading} {heading}" if r() < 0.45 else heading)

    stamp: str | None = None
    if mode == "stamp":
        hh, mm = ri(6, 21), ri(0, 59)
        w = r()
        pd, pm, py = pub.day, pub.month, pub.year
        if w < 0.25:
            views = ri(20, 4000)
            stamp = (
                f"Ngày đăng {pd:02d}/{pm:02d}/{py} | {hh:02d}:{mm:02d} \xa0|\xa0 Lượt xem: {views}"
            )
        elif w < 0.45:
            stamp = f"Ngày đăng bài: {pd:02d}/{pm:02d}/{py}"
        elif w < 0.65:
            stamp = f"{_WEEKDAYS[pub.weekday()]}, {pd:02d}/{pm:02d}/{py} {hh:02d}:{mm:02d}"
        elif w < 0.85:
            stamp = f"Cập nhật lúc {hh:02d}:{mm:02d} ngày {pd}/{pm}/{py}"
        else:
            stamp = f"Đăng ngày {pd:02d} - {pm:02d} - {py}"

    if title is not None:
        title_block = title
        if r() < 0.1:
            title_block = title.upper() + "\n" + title
        if stamp is not None and r() < 0.6:
            title_block += "\n" + stamp
            stamp = None
        head.append(title_block)
    if stamp is not None:
        head.append(stamp)
    if r() < 0.1:
        head.append(choice(_TOOLS))

    # --- images -----------------------------------------------------------------------------
    explicit = mode in ("stamp", "full")

    def image() -> str:
        w = r()
        if w < 0.4 and explicit:
            name = (
                f"IMG{ev.year}{ev.month:02d}{ev.day:02d}{ri(7, 17):02d}{ri(0, 59):02d}"
                f"{ri(0, 59):02d}.jpg"
            )
        elif w < 0.75:
            name = f"z{ri(3_000_000_000_000, 6_999_999_999_999)}_{rng.getrandbits(128):032x}.jpg"
        elif w < 0.9:
            name = f"DSC_{ri(1, 9999):04d}.JPG"
        else:
            name = f"anh{ri(1, 9)}.jpg"
        caption = choice(_CAPTIONS).format_map(ctx)
        w = r()
        if w < 0.45:
            return f"{name}\n{caption}"
        if w < 0.75:
            return caption
        return name

    # --- tail: byline, related, counters, footer -------------------------------------------
    author: str | None
    w = r()
    if w < 0.33:
        author = pen()
        byline = author
    elif w < 0.43:
        author = pen()
        pad = ("\xa0 " if r() < 0.6 else " ") * ri(15, 60)
        byline = pad + author
    elif w < 0.55:
        author = pen()
        byline = choice(("Tin, ảnh: ", "Tin và ảnh: ", "Tin: ", "Bài, ảnh: ")) + author
    elif w < 0.68:
        author = choice(
            (
                "UBND {uw}",
                "UBND {uw}",
                "Đảng ủy {uw}",
                "Văn phòng HĐND - UBND {uw}",
                "Ủy ban MTTQ Việt Nam {uw}",
            )
        ).format_map(ctx)
        byline = author
    elif w < 0.78:
        author = person()
        byline = author
    elif w < 0.84:
        author = None
        byline = choice(_SOURCES).format(city=loc.full, provname=loc.province.split(" ", 1)[1])
    else:
        author = None
        byline = ""

    tail: list[str] = []
    related = ""
    if r() < 0.35:
        picks = rng.sample(_EVENTS_NO_YEAR if mode == "none" else _EVENTS, ri(3, 5))
        bullet = choice(("", "", "- ", "• "))
        items = [bullet + _upper_first(tpl[0].format_map(ctx)) for tpl in picks]
        related = choice(_RELATED_HEADINGS) + "\n" + "\n".join(items)
    counters = ""
    if r() < 0.25:
        counters = f"Trực tuyến: {ri(3, 400)}\nHôm nay: {ri(100, 5000)}"
        if r() < 0.4:
            counters += f"\nTổng truy cập: {_grouped(ri(20_000, 3_000_000))}"
    if r() < 0.5:
        tail.extend(s for s in (related, counters) if s)
    else:
        tail.extend(s for s in (counters, related) if s)
    if r() < 0.3:
        lines = [
            choice(("Bản quyền thuộc Ủy ban nhân dân {uw}", "© Bản quyền thuộc UBND {uw}")),
            "Cơ quan chủ quản: UBND {uw}, {city}, {prov}",
            f"Địa chỉ: Số {ri(1, 250)} đường {choice(_STREETS)}, {{uw}}, {{city}}, {{prov}}",
            f"Điện thoại: 0{ri(203, 299)}.{ri(3800, 3999)}.{ri(100, 999)} - Email: "
            f"ubnd.{ward.slug}@{_ascii_slug(loc.name)}.gov.vn",
        ]
        if r() < 0.5:
            lines.append(f"Chịu trách nhiệm chính: {person()}, Chủ tịch UBND {{uw}}")
        if explicit and r() < 0.3:
            lic = date.fromordinal(ri(date(2012, 1, 1).toordinal(), date(2019, 12, 31).toordinal()))
            lines.append(
                f"Giấy phép số {ri(10, 400)}/GP-STTTT ngày {lic.day}/{lic.month}/{lic.year} "
                "của Sở Thông tin và Truyền thông."
            )
        if r() < 0.4:
            lines.append(
                "Ghi rõ nguồn “Cổng thông tin điện tử {uw}” khi phát hành lại thông "
                "tin từ website này."
            )
        tail.append("\n".join(lines).format_map(ctx))

    # --- body ------------------------------------------------------------------------------
    blank = r() < 0.6
    sep = "\n\n" if blank else "\n"
    indent = choice(("", "", "", "\xa0", "\xa0 \xa0 \xa0 ", "\t", "    "))
    body_ctx = ctx
    if ward.alt and r() < 0.35:
        body_ctx = ctx.with_values(uw=choice(ward.alt))
    if mode in ("stamp", "full"):
        sentence_pool = _POOL_EXPLICIT
    elif mode == "none":
        sentence_pool = _POOL_NONE
    else:
        sentence_pool = _POOL_YEARS

    fixed = sep.join(head) + sep + lead + sep + (byline + "\n" if byline else "")
    fixed += "\n".join(tail)
    size = _blen(fixed)
    target = ri(_TARGET_MIN, _TARGET_MAX)

    blocks: list[str] = [*head, lead]
    images = 0
    if r() < 0.45:
        img = image()
        blocks.append(img)
        size += _blen(img) + len(sep)
        images += 1
    # The first or second body sentence names the neighbour and the city.
    place = choice(_PLACE)
    sentences = [tpl for tpl in rng.sample(sentence_pool, 24) if tpl != place]
    sentences.insert(len(sentences) - ri(0, 1), place)
    doc_at = ri(0, 3) if r() < 0.25 else -1
    paragraphs = 0
    full = False
    placed = False
    while (size < target or not placed) and not full:
        parts: list[str] = []
        grown = size + len(sep) + _blen(indent)
        if paragraphs == doc_at:
            doc = choice(_DOC_SENTENCES).format_map(
                body_ctx.with_values(
                    doc=docref(event),
                    issuer=choice(_DOC_ISSUERS).format_map(ctx),
                    topic=choice(_DOC_TOPICS),
                )
            )
            if grown + _blen(doc) <= _CAP:
                parts.append(doc)
                grown += _blen(doc)
        n = ri(2, 5)
        while len(parts) < n and (grown < target or not placed):
            if not sentences:
                sentences = rng.sample(sentence_pool, 24)
            tpl = sentences.pop()
            placed = placed or tpl is place
            s = tpl.format_map(body_ctx)
            extra = _blen(s) + 1
            if grown + extra > _CAP:
                full = True
                break
            parts.append(s)
            grown += extra
        if not parts:
            break
        para = indent + ("" if r() < 0.03 else " ").join(parts)
        if r() < 0.1:
            para = para.replace(" và ", "\xa0và\xa0", 1)
        blocks.append(para)
        size = grown
        paragraphs += 1
        if images < 3 and r() < 0.15 and size < target:
            img = image()
            if size + _blen(img) + len(sep) <= _CAP:
                blocks.append(img)
                size += _blen(img) + len(sep)
                images += 1

    text = sep.join(blocks)
    if byline:
        text += ("\n\n" if r() < 0.6 else "\n") + byline
    if tail:
        text += "\n" + "\n".join(tail)
    if r() < 0.85:
        text += "\n"

    e = r()
    encoding = (
        "utf-8-sig" if e < 0.02 else "utf-16" if e < 0.03 else "cp1258" if e < 0.04 else "utf-8"
    )
    crlf = r() < 0.02

    if mode == "stamp":
        iso: str | None = pub.isoformat()
        precision: str | None = "day"
    elif mode in ("full", "yearless"):
        iso, precision = ev.isoformat(), "day"
    elif mode == "month":
        iso, precision = f"{ev.year:04d}-{ev.month:02d}", "month"
    elif mode == "year":
        iso, precision = f"{ev.year:04d}", "year"
    else:
        iso, precision = None, None

    truth: dict[str, Any] = {
        "index": index,
        "ward": ward.name,
        "unit": ward.unit,
        "ward_label": ward.label,
        "date": iso,
        "date_precision": precision,
        "date_source": mode,
        "title": title,
        "author": author,
        "category": category,
        "city": loc.full,
        "province": loc.province,
        "neighbour": neighbour,
        "encoding": encoding,
        "crlf": crlf,
    }
    return text, truth


def encode_article(text: str, encoding: str, crlf: bool = False) -> tuple[bytes, str]:
    """The bytes of a file, and the encoding really used.

    ``encoding`` is ``utf-8``, ``utf-8-sig`` (BOM), ``utf-16`` (little-endian, with
    BOM) or ``cp1258`` (tones as combining marks, like Windows writes it; falls back
    to ``utf-8`` when a character has no cp1258 form).
    """
    if crlf:
        text = text.replace("\n", "\r\n")
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8"), encoding
    if encoding == "utf-16":
        return b"\xff\xfe" + text.encode("utf-16-le"), encoding
    if encoding == "cp1258":
        try:
            return text.translate(_CP1258_SPLIT).encode("cp1258"), encoding
        except UnicodeEncodeError:
            return text.encode("utf-8"), "utf-8"
    return text.encode("utf-8"), "utf-8"


def _decode(data: bytes) -> tuple[str, str]:
    """Text and encoding of a file this module wrote (text not normalised)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith(b"\xff\xfe"):
        return data[2:].decode("utf-16-le"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258"), "cp1258"


# --------------------------------------------------------------------------------------------
# A corpus
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class GeneratedCorpus:
    """What :func:`generate_corpus` wrote: files in order, their total size, their truth."""

    dest: Path
    files: list[Path]
    total_bytes: int
    truth: list[dict[str, Any]]


def _article_rng(seed: int, index: int) -> random.Random:
    return random.Random((seed << 32) + index)


_Job = tuple[str, int, int, int, int, int]
_Written = tuple[list[str], int, list[dict[str, Any]]]


def _write_range(job: _Job) -> _Written:
    """Write articles ``start``..``stop`` (one shard); return relative paths, bytes, truth."""
    dest, seed, start, stop, width, shard_width = job
    root = Path(dest)
    rels: list[str] = []
    truths: list[dict[str, Any]] = []
    total = 0
    made: set[str] = set()
    for index in range(start, stop):
        rng = _article_rng(seed, index)
        name = f"{index:0{width}d}_{rng.getrandbits(64):016x}.txt"
        text, truth = generate_article(rng, index)
        data, used = encode_article(text, truth["encoding"], truth["crlf"])
        truth["encoding"] = used
        shard = f"{index // SHARD_SIZE:0{shard_width}d}"
        if shard not in made:
            (root / shard).mkdir(parents=True, exist_ok=True)
            made.add(shard)
        rel = f"{shard}/{name}"
        (root / rel).write_bytes(data)
        total += len(data)
        rels.append(rel)
        truths.append({"path": rel, **truth})
    return rels, total, truths


def generate_corpus(
    dest: Path, count: int, seed: int = 1, *, workers: int | None = None
) -> GeneratedCorpus:
    """Write ``count`` articles under ``dest`` (``dest/000/000000_….txt``, 1000 per folder).

    Files already in ``dest`` are left alone (same names are overwritten). ``workers``
    processes share the work (default: up to 4 when ``count`` is large); the bytes do
    not depend on it.
    """
    if count < 0:
        raise ValueError("count must be >= 0")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    width = max(6, len(str(max(count - 1, 0))))
    shard_width = max(3, len(str(max(count - 1, 0) // SHARD_SIZE)))
    jobs = [
        (str(dest), seed, start, min(start + SHARD_SIZE, count), width, shard_width)
        for start in range(0, count, SHARD_SIZE)
    ]
    if workers is None:
        workers = min(os.cpu_count() or 1, 4) if count >= 5 * SHARD_SIZE else 1
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
            results = list(pool.map(_write_range, jobs))
    else:
        results = [_write_range(job) for job in jobs]
    files: list[Path] = []
    truth: list[dict[str, Any]] = []
    total = 0
    for rels, size, truths in results:
        files.extend(dest / rel for rel in rels)
        truth.extend(truths)
        total += size
    return GeneratedCorpus(dest=dest, files=files, total_bytes=total, truth=truth)


def mutate_files(paths: list[Path], fraction: float, seed: int) -> list[Path]:
    """Rewrite ``fraction`` of ``paths`` with one more sentence; return the changed paths.

    The sentence (no date, year or place) goes at the end of the longest line, so each
    file stays a valid article with the same truth, in its own encoding and line
    endings; its size and content change and its mtime moves at least one second on.
    At least one file changes when ``fraction > 0``; the choice depends on ``seed``.
    """
    paths = list(paths)
    if not paths or fraction <= 0:
        return []
    count = min(len(paths), max(1, round(len(paths) * min(fraction, 1.0))))
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(paths)), count))
    now_ns = time.time_ns()
    changed: list[Path] = []
    for i in chosen:
        path = paths[i]
        text, encoding = _decode(path.read_bytes())
        sentence = rng.choice(_MUTATION_SENTENCES)
        lines = text.split("\n")

        def weight(line: str) -> int:
            return len(line) - line.count(" ") - line.count("\xa0")

        at = max(range(len(lines)), key=lambda k: weight(lines[k]))
        line = lines[at]
        cr = "\r" if line.endswith("\r") else ""
        core = line[:-1] if cr else line
        lines[at] = f"{core.rstrip()} {sentence}{cr}"
        data, _ = encode_article("\n".join(lines), encoding)
        path.write_bytes(data)
        mtime = max(now_ns, path.stat().st_mtime_ns) + 1_000_000_000
        os.utime(path, ns=(mtime, mtime))
        changed.append(path)
    return changed


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write a deterministic corpus of synthetic ward-news articles.",
    )
    parser.add_argument("dest", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=1, help="seed (default 1)")
    parser.add_argument("--workers", type=int, default=None, help="processes (default: auto)")
    parser.add_argument(
        "--truth", type=Path, default=None, help="also write the truth as JSON lines to this file"
    )
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be >= 0")
    started = time.perf_counter()
    corpus = generate_corpus(args.dest, args.articles, args.seed, workers=args.workers)
    elapsed = time.perf_counter() - started
    if args.truth is not None:
        with args.truth.open("w", encoding="utf-8") as out:
            for row in corpus.truth:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"wrote {len(corpus.files)} articles, {corpus.total_bytes / 1e6:.1f} MB, "
        f"to {args.dest} in {elapsed:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
