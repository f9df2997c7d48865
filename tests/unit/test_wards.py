"""The subject ward of an article: ``Article.ward`` (name, proper capitals) and ``Article.unit``."""

from __future__ import annotations

import unicodedata

import pytest

from wardtui.corpus import parse_text
from wardtui.corpus.wards import modern_tone


def _text(*lines: str) -> str:
    return "\n".join(lines)


# (id, article text, expected ward, expected unit)
CASES = [
    (
        "named-phuong",
        _text(
            "Phường Tân Định ra quân tổng vệ sinh môi trường",
            "",
            "Sáng ngày 05/03/2022, UBND phường Tân Định phối hợp Ủy ban MTTQ phường tổ chức "
            "ra quân tổng vệ sinh môi trường trên các tuyến đường chính.",
            "",
            "Hơn 200 đoàn viên, hội viên đã tham gia thu gom rác thải, phát quang bụi rậm.",
            "",
            "Minh Thư",
        ),
        "Tân Định",
        "phường",
    ),
    (
        "numbered-Phuong-12",
        _text(
            "Phường 12 tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
            "",
            "Chiều ngày 15/11/2022, tại khu phố 3, Phường 12 tổ chức Ngày hội Đại đoàn kết "
            "toàn dân tộc năm 2022 với sự tham gia của đông đảo bà con.",
            "",
            "Dịp này, Ủy ban MTTQ phường trao 50 phần quà cho các hộ có hoàn cảnh khó khăn.",
            "",
            "Thanh Hà",
        ),
        "12",
        "phường",
    ),
    (
        "numbered-lowercase-phuong-12",
        _text(
            "Đảng ủy phường 12 sơ kết công tác 6 tháng đầu năm",
            "",
            "Sáng 14/7/2023, Đảng ủy phường 12 tổ chức hội nghị sơ kết công tác xây dựng Đảng "
            "6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2023.",
            "",
            "Các chi bộ trực thuộc hoàn thành tốt nhiệm vụ được giao.",
        ),
        "12",
        "phường",
    ),
    (
        "numbered-P.12",
        _text(
            "UBND P.12 đối thoại với Nhân dân về cải cách hành chính",
            "",
            "Sáng 20/9/2023, UBND P.12 tổ chức hội nghị đối thoại với Nhân dân về công tác "
            "cải cách thủ tục hành chính.",
            "",
            "Bà con đã nêu 15 ý kiến, kiến nghị và được lãnh đạo phường giải đáp trực tiếp.",
        ),
        "12",
        "phường",
    ),
    (
        "numbered-Phuong-03-leading-zero",
        _text(
            "Phường 03 tổng kết công tác năm 2022",
            "",
            "Chiều 28/12/2022, UBND Phường 03 tổ chức hội nghị tổng kết công tác năm 2022, "
            "triển khai nhiệm vụ năm 2023.",
            "",
            "Thu ngân sách trên địa bàn đạt 112% kế hoạch.",
        ),
        "3",
        "phường",
    ),
    (
        "numbered-phuong-07-leading-zero",
        _text(
            "Hội Phụ nữ phường 07 ra mắt mô hình “Phụ nữ tiết kiệm”",
            "",
            "Ngày 8/3/2023, Hội Liên hiệp Phụ nữ phường 07 ra mắt mô hình “Phụ nữ tiết kiệm” "
            "với 35 hội viên tham gia.",
        ),
        "7",
        "phường",
    ),
    (
        "numbered-ward-with-to-dan-pho-number",
        _text(
            "Phường 4 ra mắt mô hình camera an ninh",
            "",
            "Ngày 3/8/2023, tại tổ dân phố 12, UBND Phường 4 ra mắt mô hình “Camera an ninh” "
            "gồm 24 camera giám sát.",
        ),
        "4",
        "phường",
    ),
    (
        "xa-minority-name",
        _text(
            "Xã Ea Kao ra mắt mô hình “Tổ dân tự quản”",
            "",
            "Ngày 10/5/2023, UBND xã Ea Kao, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk tổ chức "
            "ra mắt mô hình “Tổ dân tự quản” tại buôn Kao.",
            "",
            "Mô hình góp phần giữ gìn an ninh trật tự tại cơ sở.",
            "",
            "H'Nguyên",
        ),
        "Ea Kao",
        "xã",
    ),
    (
        "xa-apostrophe-name",
        _text(
            "Hội Nông dân xã Cư M'gar tập huấn kỹ thuật trồng cà phê",
            "",
            "Sáng 8/6/2022, Hội Nông dân xã Cư M'gar, huyện Cư M'gar phối hợp Trung tâm "
            "Khuyến nông tổ chức lớp tập huấn kỹ thuật tái canh cà phê cho 60 hội viên.",
        ),
        "Cư M'gar",
        "xã",
    ),
    (
        "xa-three-syllables",
        _text(
            "Xã Cư Ê Wi tổ chức Ngày hội văn hóa các dân tộc",
            "",
            "Ngày 19/4/2023, UBND xã Cư Ê Wi, huyện Cư Kuin tổ chức Ngày hội văn hóa các dân "
            "tộc với nhiều hoạt động đặc sắc.",
        ),
        "Cư Ê Wi",
        "xã",
    ),
    (
        "thi-tran-title-case",
        _text(
            "Thị trấn Phước An tổ chức Lễ giao nhận quân năm 2023",
            "",
            "Sáng 14/2/2023, thị trấn Phước An, huyện Krông Pắc long trọng tổ chức Lễ giao "
            "nhận quân năm 2023.",
            "",
            "Năm nay thị trấn có 28 thanh niên lên đường nhập ngũ.",
        ),
        "Phước An",
        "thị trấn",
    ),
    (
        "thi-tran-lowercase-in-title",
        _text(
            "Đảng bộ thị trấn Ea Drăng đại hội nhiệm kỳ 2020-2025",
            "",
            "Ngày 18/6/2020, Đảng bộ thị trấn Ea Drăng tổ chức Đại hội đại biểu lần thứ XIV, "
            "nhiệm kỳ 2020-2025.",
        ),
        "Ea Drăng",
        "thị trấn",
    ),
    (
        "neighbour-ward-later",
        _text(
            "Phường Tân Lập ra mắt đội hình tình nguyện hè",
            "",
            "Sáng 3/7/2023, Đoàn Thanh niên phường Tân Lập tổ chức ra mắt đội hình thanh niên "
            "tình nguyện hè năm 2023.",
            "",
            "Đội hình sẽ phối hợp với Đoàn Thanh niên phường Tân An và phường Thắng Lợi dọn "
            "dẹp kênh mương.",
            "",
            "Dự buổi ra mắt có lãnh đạo phường Tân An, phường Thắng Lợi và phường Tự An.",
        ),
        "Tân Lập",
        "phường",
    ),
    (
        "neighbour-named-more-often",
        _text(
            "Xã Hòa Thắng chung tay hỗ trợ bà con vùng lũ",
            "",
            "Ngày 20/10/2022, UBND xã Hòa Thắng đã trao 300 suất quà cho bà con xã Hòa Phú bị "
            "ảnh hưởng bởi mưa lũ.",
            "",
            "Tại xã Hòa Phú, nhiều tuyến đường bị ngập sâu. Chính quyền xã Hòa Phú đã di dời "
            "40 hộ dân đến nơi an toàn.",
            "",
            "Lãnh đạo xã Hòa Phú cảm ơn tấm lòng của cán bộ và Nhân dân xã bạn.",
        ),
        "Hòa Thắng",
        "xã",
    ),
    (
        "district-and-city-named-first",
        _text(
            "Phường 25 ra mắt Câu lạc bộ Dưỡng sinh",
            "",
            "Sáng ngày 12/4/2022, tại Quận Bình Thạnh, Thành phố Hồ Chí Minh, UBND Phường 25 "
            "tổ chức ra mắt Câu lạc bộ Dưỡng sinh với 40 hội viên.",
        ),
        "25",
        "phường",
    ),
    (
        "numbered-quan-is-not-the-ward",
        _text(
            "Ra mắt mô hình “Hẻm xanh - sạch - đẹp”",
            "",
            "Sáng 16/4/2023, tại hẻm 120 đường Lý Chính Thắng, Quận 3, UBND phường 7 ra mắt "
            "mô hình “Hẻm xanh - sạch - đẹp”.",
        ),
        "7",
        "phường",
    ),
    (
        "quan-1-after-named-ward",
        _text(
            "Phường Bến Nghé triển khai mô hình “Tuyến phố văn minh”",
            "",
            "Ngày 6/9/2023, UBND phường Bến Nghé, Quận 1 tổ chức triển khai mô hình “Tuyến phố "
            "văn minh” trên đường Đồng Khởi.",
        ),
        "Bến Nghé",
        "phường",
    ),
    (
        "city-and-province-named",
        _text(
            "Phường 1 phát động Tháng hành động vì trẻ em",
            "",
            "Sáng 1/6/2023, UBND Phường 1, thành phố Vĩnh Long, tỉnh Vĩnh Long tổ chức phát "
            "động Tháng hành động vì trẻ em năm 2023.",
        ),
        "1",
        "phường",
    ),
    (
        "thi-xa-is-not-a-xa",
        _text(
            "Phường An Lạc vận động ủng hộ Quỹ Vì người nghèo",
            "",
            "Ngày 15/10/2022, Ủy ban MTTQ Việt Nam phường An Lạc, thị xã Buôn Hồ phát động "
            "đợt cao điểm ủng hộ Quỹ Vì người nghèo.",
        ),
        "An Lạc",
        "phường",
    ),
    (
        "xa-after-thi-xa",
        _text(
            "Đoàn thanh niên ra quân chiến dịch hè tình nguyện",
            "",
            "Sáng 2/6/2023, Đoàn xã Ea Drông, thị xã Buôn Hồ tổ chức ra quân chiến dịch "
            "thanh niên tình nguyện hè năm 2023.",
        ),
        "Ea Drông",
        "xã",
    ),
    (
        "all-caps-xa-hoi-in-title",
        _text(
            "HỘI NGHỊ TRIỂN KHAI CHÍNH SÁCH AN SINH XÃ HỘI",
            "",
            "Chiều 9/3/2023, UBND xã Tân Hòa tổ chức hội nghị triển khai các chính sách an "
            "sinh xã hội năm 2023.",
        ),
        "Tân Hòa",
        "xã",
    ),
    (
        "xa-hoi-hoa-at-sentence-start",
        _text(
            "Phường Quang Trung đẩy mạnh công tác xã hội hóa giáo dục",
            "",
            "Xã hội hóa giáo dục là chủ trương lớn của Đảng và Nhà nước. Năm học 2022-2023, "
            "phường Quang Trung vận động được hơn 300 triệu đồng.",
        ),
        "Quang Trung",
        "phường",
    ),
    (
        "ngan-hang-chinh-sach-xa-hoi",
        _text(
            "Giải ngân hơn 2 tỷ đồng vốn vay ưu đãi cho hộ nghèo",
            "",
            "Ngày 12/6/2023, Phòng giao dịch Ngân hàng Chính sách Xã hội huyện phối hợp UBND "
            "xã Ea Tu tổ chức giải ngân vốn vay cho 45 hộ nghèo, hộ cận nghèo.",
        ),
        "Ea Tu",
        "xã",
    ),
    (
        "all-caps-ward-in-title",
        _text(
            "ĐẢNG BỘ PHƯỜNG TÂN PHONG TỔ CHỨC ĐẠI HỘI NHIỆM KỲ 2020-2025",
            "",
            "Ngày 12/6/2020, Đảng bộ phường Tân Phong tổ chức Đại hội đại biểu lần thứ XIII, "
            "nhiệm kỳ 2020-2025.",
        ),
        "Tân Phong",
        "phường",
    ),
    (
        "person-name-ward",
        _text(
            "Phường Nguyễn Cư Trinh tuyên dương gương người tốt việc tốt",
            "",
            "Chiều 20/8/2023, UBND phường Nguyễn Cư Trinh, Quận 1 tổ chức tuyên dương 25 gương "
            "người tốt việc tốt.",
        ),
        "Nguyễn Cư Trinh",
        "phường",
    ),
    (
        "compass-suffix-then-quan",
        _text(
            "Ra quân giải tỏa lấn chiếm vỉa hè",
            "",
            "Sáng 11/5/2023, UBND phường Hòa Khánh Bắc, quận Liên Chiểu ra quân giải tỏa lấn "
            "chiếm vỉa hè trên tuyến đường Âu Cơ.",
        ),
        "Hòa Khánh Bắc",
        "phường",
    ),
    (
        "parenthesised-city",
        _text(
            "Xã Ea Tu (TP. Buôn Ma Thuột) tổ chức Lễ mừng lúa mới",
            "",
            "Ngày 5/12/2022, UBND xã Ea Tu (TP. Buôn Ma Thuột) phối hợp buôn Ako Dhông tổ "
            "chức Lễ mừng lúa mới.",
        ),
        "Ea Tu",
        "xã",
    ),
    (
        "ward-only-in-lead",
        _text(
            "Đảng ủy phường sơ kết công tác 6 tháng đầu năm",
            "",
            "Sáng 12/7/2023, Đảng ủy phường Thắng Lợi tổ chức hội nghị sơ kết công tác xây "
            "dựng Đảng 6 tháng đầu năm 2023.",
        ),
        "Thắng Lợi",
        "phường",
    ),
    (
        "ward-only-in-lead-no-title-ward",
        _text(
            "Ra mắt mô hình “Tuyến đường hoa”",
            "",
            "Sáng ngày 10/3/2023, Hội Liên hiệp Phụ nữ xã Hòa Thuận tổ chức ra mắt mô hình "
            "“Tuyến đường hoa” dài 1,5 km tại thôn 2.",
        ),
        "Hòa Thuận",
        "xã",
    ),
    (
        "ward-at-sentence-end",
        _text(
            "Khánh thành nhà văn hóa tổ dân phố 5",
            "",
            "Sáng 2/9/2023, lễ khánh thành nhà văn hóa tổ dân phố 5 được tổ chức tại phường "
            "Tân Hòa.",
            "",
            "Công trình có tổng kinh phí hơn 1 tỷ đồng do Nhân dân đóng góp.",
        ),
        "Tân Hòa",
        "phường",
    ),
    (
        "capital-Phuong-mid-sentence",
        _text(
            "Hội Cựu chiến binh Phường Mỹ Hòa gặp mặt kỷ niệm Ngày Thương binh - Liệt sĩ",
            "",
            "Sáng 26/7/2023, Hội Cựu chiến binh Phường Mỹ Hòa tổ chức gặp mặt kỷ niệm 76 năm "
            "Ngày Thương binh - Liệt sĩ.",
        ),
        "Mỹ Hòa",
        "phường",
    ),
]

NO_WARD = [
    (
        "district-agency-only",
        _text(
            "Hội nghị triển khai công tác bảo hiểm xã hội năm 2023",
            "",
            "Sáng 10/2/2023, Bảo hiểm xã hội huyện Krông Pắc tổ chức hội nghị triển khai "
            "nhiệm vụ năm 2023.",
            "",
            "Tỷ lệ bao phủ bảo hiểm y tế toàn huyện đạt 92%.",
        ),
    ),
    (
        "only-xa-hoi-and-city",
        _text(
            "Thành phố tổng kết công tác văn hóa - xã hội năm 2022",
            "",
            "Chiều 30/12/2022, UBND thành phố Buôn Ma Thuột tổ chức hội nghị tổng kết công tác "
            "văn hóa - xã hội năm 2022.",
        ),
    ),
]

_IDS = [c[0] for c in CASES]


@pytest.mark.parametrize(("text", "ward"), [(c[1], c[2]) for c in CASES], ids=_IDS)
def test_ward(text: str, ward: str) -> None:
    assert parse_text(text).ward == ward


@pytest.mark.parametrize(("text", "unit"), [(c[1], c[3]) for c in CASES], ids=_IDS)
def test_unit(text: str, unit: str) -> None:
    assert parse_text(text).unit == unit


@pytest.mark.parametrize("text", [c[1] for c in NO_WARD], ids=[c[0] for c in NO_WARD])
def test_no_ward(text: str) -> None:
    assert parse_text(text).ward is None


@pytest.mark.parametrize("text", [c[1] for c in NO_WARD], ids=[c[0] for c in NO_WARD])
def test_no_unit(text: str) -> None:
    assert parse_text(text).unit is None


NFD_ARTICLE = unicodedata.normalize(
    "NFD",
    _text(
        "Đảng bộ phường Mỹ Long sơ kết công tác quý III",
        "",
        "Sáng ngày 02/10/2023, Đảng ủy phường Mỹ Long tổ chức hội nghị sơ kết công tác quý III.",
    ),
)


def test_ward_from_nfd_text_is_nfc() -> None:
    assert parse_text(NFD_ARTICLE).ward == "Mỹ Long"


def test_unit_from_nfd_text_is_nfc() -> None:
    assert parse_text(NFD_ARTICLE).unit == "phường"


# ------------------------------------------------------------------ real-page layouts

REAL_PAGE_CASES = [
    (
        "cooperative-is-not-a-commune",
        _text(
            "Hợp tác xã Dịch vụ nông nghiệp Ea Kao tổng kết vụ lúa",
            "",
            "Sáng 12/3, Hợp tác xã Dịch vụ nông nghiệp của xã Ea Kao tổng kết vụ lúa đông xuân "
            "với năng suất bình quân 7 tấn mỗi héc-ta.",
        ),
        ("Ea Kao", "xã"),
    ),
    (
        "name-after-a-line-break",
        _text(
            "Phụ nữ ra quân làm đường hoa",
            "",
            "Từ ngày 14/10 đến 20/10/2023, Chi hội Phụ nữ ở 4/4 thôn của xã",
            "Trà Tân đã ra quân trồng hoa dọc các tuyến đường nông thôn trong toàn xã.",
        ),
        ("Trà Tân", "xã"),
    ),
    (
        "numbered-new-commune",
        _text(
            "Xã Bảo Lâm 5 tổ chức gặp mặt mừng Xuân",
            "",
            "Xã Bảo Lâm 5 có diện tích tự nhiên 51.188 ha với 8 thôn, dân số 11.596 người.",
        ),
        ("Bảo Lâm 5", "xã"),
    ),
    (
        "title-case-headline-stops-at-the-verb",
        _text(
            "Xã Ngọc Trung Thực Hiện Tốt Công Tác Dân Vận",
            "",
            "Thời gian qua, công tác dân vận trên địa bàn được cấp ủy quan tâm, đạt nhiều kết "
            "quả quan trọng trong năm.",
        ),
        ("Ngọc Trung", "xã"),
    ),
    (
        "spelling-tie-goes-to-the-new-tone-placement",
        _text(
            "Đảng ủy xã Duy Hoà trao huy hiệu Đảng",
            "",
            "Sáng ngày 30/1, Đảng ủy xã Duy Hòa long trọng tổ chức lễ trao huy hiệu Đảng cho "
            "các đồng chí đảng viên.",
        ),
        ("Duy Hòa", "xã"),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [c[1:] for c in REAL_PAGE_CASES],
    ids=[c[0] for c in REAL_PAGE_CASES],
)
def test_ward_on_real_page_layouts(text: str, expected: tuple[str, str]) -> None:
    article = parse_text(text)
    assert (article.ward, article.unit) == expected


@pytest.mark.parametrize(
    ("name", "modern"),
    [
        ("Duy Hoà", "Duy Hòa"),
        ("Thuỷ Xuân", "Thủy Xuân"),
        ("Hoàng Mai", "Hoàng Mai"),
        ("Quý Lộc", "Quý Lộc"),
    ],
)
def test_modern_tone_placement(name: str, modern: str) -> None:
    assert modern_tone(name) == modern


def test_numbered_commune_before_a_comma() -> None:
    text = _text(
        "Khánh thành nhà văn hóa cộng đồng tránh lũ",
        "",
        "Sáng 8-10, bộ đội phối hợp với địa phương bàn giao nhà văn hóa tại thôn A Đên, "
        "xã A Lưới 3, thành phố Huế.",
    )
    assert (parse_text(text).ward, parse_text(text).unit) == ("A Lưới 3", "xã")


def _ward_of(*lines: str) -> tuple[str | None, str | None]:
    article = parse_text(_text(*lines))
    return article.ward, article.unit


def test_ward_whose_name_starts_with_its_unit_word() -> None:
    assert _ward_of(
        "Ra mắt mô hình đường hoa khu dân cư",
        "",
        "Sáng 3/5, Hội Phụ nữ phường Phường Đúc (TP. Huế) ra mắt mô hình đường hoa tại tổ "
        "dân phố 2.",
        "",
        "Lãnh đạo phường Phường Đúc mong các hộ dân cùng chăm sóc tuyến đường.",
    ) == ("Phường Đúc", "phường")


def test_hyphenated_new_name_after_an_office_is_one_ward() -> None:
    assert _ward_of(
        "Đêm nhạc dưới chân đồi thông",
        "",
        "Tối 5/4, UBND phường Lâm Viên - Đà Lạt tổ chức đêm nhạc mở màn mùa du lịch hè.",
        "",
        "Phó Chủ tịch UBND phường Lâm Viên - Đà Lạt Nguyễn Văn Hòa phát biểu khai mạc.",
    ) == ("Lâm Viên - Đà Lạt", "phường")


def test_hyphen_between_two_communes_is_not_one_name() -> None:
    assert _ward_of(
        "Thông xe tuyến đường nối hai xã",
        "",
        "Tuyến đường liên xã Tân Phú - Tân Hòa dài 4 km vừa được đưa vào sử dụng, xã Tân Phú "
        "là chủ đầu tư.",
    ) == ("Tân Phú", "xã")


def test_a_name_may_begin_with_thi() -> None:
    # "Thị" ends a name only before "xã", "trấn" or "ủy"; "phường Thị Cầu" is one name.
    assert _ward_of(
        "Phường Thị Cầu ra quân làm sạch đường phố",
        "",
        "Sáng 8/3, Đoàn phường Thị Cầu ra quân dọn vệ sinh các tuyến phố ven sông.",
        "",
        "Các đoàn viên phường Thị Cầu thu gom 3 tấn rác thải.",
    ) == ("Thị Cầu", "phường")


def test_thi_before_xa_or_tran_still_ends_the_name() -> None:
    assert _ward_of(
        "Hội thi tìm hiểu pháp luật",
        "",
        "Sáng 8/3, UBND xã Tân Phú Thị xã Bình Long tổ chức hội thi tìm hiểu pháp luật cho "
        "cán bộ cơ sở.",
    ) == ("Tân Phú", "xã")
