"""The article's date: ``Article.date`` as ISO text at the precision the article gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.corpus import parse_text


def _text(*lines: str) -> str:
    return "\n".join(lines)


# (id, article text, expected date)
CASES = [
    (
        "sang-ngay-full-date",
        _text(
            "Đảng bộ phường Tân Lợi sơ kết công tác 6 tháng đầu năm",
            "",
            "Sáng ngày 28/06/2023, Đảng ủy phường Tân Lợi tổ chức hội nghị sơ kết công tác "
            "xây dựng Đảng 6 tháng đầu năm.",
            "",
            "Ngọc Hân",
        ),
        "2023-06-28",
    ),
    (
        "single-digit-day-and-month-padded",
        _text(
            "Xã Ea Kao ra quân làm đường giao thông nông thôn",
            "",
            "Sáng ngày 5/3/2022, UBND xã Ea Kao ra quân làm đường giao thông nông thôn tại "
            "buôn Cư Dluê.",
        ),
        "2022-03-05",
    ),
    (
        "vao-sang-ngay-mid-sentence",
        _text(
            "Phường 9 tổ chức Tết Trung thu cho thiếu nhi",
            "",
            "Vào sáng ngày 9/9/2022, Đoàn Thanh niên Phường 9 tổ chức chương trình “Vui Tết "
            "Trung thu” cho hơn 200 thiếu nhi.",
        ),
        "2022-09-09",
    ),
    (
        "ngay-dang-stamp-beats-event",
        _text(
            "Hội nghị tổng kết công tác Mặt trận năm 2020",
            "Ngày đăng 19/01/2021 | 15:18  |  Lượt xem: 117",
            "",
            "Chiều ngày 12/01/2021, Ủy ban MTTQ phường Quỳnh Lôi tổ chức hội nghị tổng kết "
            "công tác Mặt trận năm 2020.",
        ),
        "2021-01-19",
    ),
    (
        "ngay-dang-bai-stamp-beats-event",
        _text(
            "Phường Hòa Minh tổng kết phong trào “Dân vận khéo”",
            "",
            "Ngày đăng bài: 07/10/2019",
            "Ngày 04/10/2019, Đảng ủy phường Hòa Minh tổ chức hội nghị tổng kết phong trào "
            "thi đua “Dân vận khéo”.",
        ),
        "2019-10-07",
    ),
    (
        "ngay-dang-colon-with-time",
        _text(
            "Xã Krông Jing trao nhà Đại đoàn kết",
            "Ngày đăng: 08/08/2022 10:05",
            "",
            "Sáng 5/8, UBND xã Krông Jing tổ chức lễ trao nhà Đại đoàn kết cho hộ nghèo.",
        ),
        "2022-08-08",
    ),
    (
        "weekday-and-time-line-beats-event",
        _text(
            "Thứ Ba, 14/03/2023 08:30",
            "Phường 5 ra quân Tháng Thanh niên năm 2023",
            "",
            "Sáng 13/3/2023, Đoàn Thanh niên Phường 5 tổ chức ra quân Tháng Thanh niên.",
        ),
        "2023-03-14",
    ),
    (
        "chu-nhat-and-time-line",
        _text(
            "Chủ nhật, 05/11/2023 09:15",
            "Thị trấn Quảng Phú tổ chức Ngày hội Đại đoàn kết",
            "",
            "Ngày 4/11/2023, khu dân cư tổ dân phố 7, thị trấn Quảng Phú tổ chức Ngày hội Đại "
            "đoàn kết toàn dân tộc.",
        ),
        "2023-11-05",
    ),
    (
        "cap-nhat-at-foot-beats-earlier-event",
        _text(
            "Phường Tân Thành tổ chức Lễ kỷ niệm Quốc khánh",
            "",
            "Sáng ngày 30/8/2024, UBND phường Tân Thành tổ chức Lễ kỷ niệm 79 năm Cách mạng "
            "tháng Tám và Quốc khánh 2/9.",
            "",
            "Thu Hằng",
            "Cập nhật lúc 16:45 ngày 2/9/2024",
        ),
        "2024-09-02",
    ),
    (
        "cap-nhat-colon",
        _text(
            "Xã Ea Nuôl tổ chức hội thi hòa giải viên giỏi",
            "Cập nhật: 10/10/2022 14:02",
            "",
            "Sáng ngày 7/10/2022, UBND xã Ea Nuôl tổ chức hội thi hòa giải viên giỏi.",
        ),
        "2022-10-10",
    ),
    (
        "ngay-thang-nam-words",
        _text(
            "Hội Cựu chiến binh xã Hòa Phú gặp mặt truyền thống",
            "",
            "Ngày 7 tháng 11 năm 2021, Hội Cựu chiến binh xã Hòa Phú tổ chức gặp mặt kỷ niệm "
            "ngày truyền thống.",
        ),
        "2021-11-07",
    ),
    (
        "dang-ngay-spaced-dashes",
        _text(
            "Phường Tự An ra mắt Tổ công nghệ số cộng đồng",
            "Đăng ngày 17 - 05 - 2024",
            "",
            "Sáng 15/5, UBND phường Tự An ra mắt 12 Tổ công nghệ số cộng đồng.",
        ),
        "2024-05-17",
    ),
    (
        "year-only",
        _text(
            "Phường Thống Nhất nâng cao chất lượng sinh hoạt chi bộ",
            "",
            "Trong năm 2021, Đảng ủy phường Thống Nhất tập trung nâng cao chất lượng sinh hoạt "
            "chi bộ.",
            "",
            "Các chi bộ duy trì nền nếp sinh hoạt định kỳ, chuyên đề.",
        ),
        "2021",
    ),
    (
        "year-only-in-title",
        _text(
            "Xã Ea Tu tổng kết công tác năm 2022",
            "",
            "UBND xã Ea Tu tổ chức hội nghị tổng kết công tác, đánh giá kết quả thực hiện "
            "các chỉ tiêu kinh tế - xã hội.",
        ),
        # A year in a headline is the year of what the article tells (on real pages
        # editors give no date here): not the article's date.
        None,
    ),
    (
        "month-and-year",
        _text(
            "Đoàn Thanh niên Phường 7 sôi nổi Tháng Thanh niên",
            "",
            "Trong tháng 3/2024, Đoàn Thanh niên Phường 7 đã tổ chức nhiều hoạt động tình "
            "nguyện thiết thực.",
        ),
        "2024-03",
    ),
    (
        "full-date-beats-year-only",
        _text(
            "Phường Tân Hòa tổng kết công tác năm 2023",
            "",
            "Sáng ngày 15/01/2024, UBND phường Tân Hòa tổ chức hội nghị tổng kết công tác năm "
            "2023, triển khai nhiệm vụ năm 2024.",
        ),
        "2024-01-15",
    ),
    (
        "ke-hoach-reference-ignored",
        _text(
            "Phường Khánh Xuân ra quân tổng vệ sinh",
            "",
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2023 của UBND thành phố, sáng ngày "
            "15/02/2023, UBND phường Khánh Xuân tổ chức ra quân tổng vệ sinh môi trường.",
        ),
        "2023-02-15",
    ),
    (
        "quyet-dinh-reference-in-words-ignored",
        _text(
            "Xã Cư Suê công bố đạt chuẩn nông thôn mới",
            "",
            "Căn cứ Quyết định số 1234/QĐ-UBND ngày 20 tháng 4 năm 2020 của UBND tỉnh, sáng "
            "ngày 2/6/2020, xã Cư Suê tổ chức lễ công bố xã đạt chuẩn nông thôn mới.",
        ),
        "2020-06-02",
    ),
    (
        "nghi-quyet-reference-ignored",
        _text(
            "Đảng ủy phường Ea Tam học tập chuyên đề năm 2021",
            "",
            "Thực hiện Nghị quyết số 05-NQ/ĐU ngày 10/01/2021 của Đảng ủy phường, chiều ngày "
            "20/3/2021, Đảng ủy phường Ea Tam tổ chức hội nghị học tập chuyên đề.",
        ),
        "2021-03-20",
    ),
    (
        "cong-van-reference-ignored",
        _text(
            "Phường Thành Nhất triển khai tiêm vắc xin mũi 3",
            "",
            "Thực hiện Công văn số 456/UBND-VX ngày 3/3/2022 của UBND thành phố, ngày 9/3/2022 "
            "phường Thành Nhất tổ chức tiêm vắc xin mũi 3 cho người dân.",
        ),
        "2022-03-09",
    ),
    (
        "reference-with-ngay-thang-nam-then-event",
        _text(
            "Xã Ea Bông tổ chức Ngày hội Đại đoàn kết",
            "",
            "Thực hiện Kế hoạch số 30/KH-MTTQ ngày 1 tháng 11 năm 2021 của Ủy ban MTTQ huyện, "
            "ngày 7 tháng 11 năm 2021, xã Ea Bông tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
        ),
        "2021-11-07",
    ),
    (
        "reference-only-then-year",
        _text(
            "Phường Tân Lợi triển khai chuyển đổi số",
            "",
            "Căn cứ Quyết định số 345/QĐ-UBND ngày 12/5/2022 của UBND thành phố, trong năm "
            "2022 phường Tân Lợi tập trung triển khai chuyển đổi số.",
        ),
        None,  # neither the reference's date nor a year further on is the article's
    ),
    (
        "year-opening-the-lead",
        _text(
            "Phường Tân Lợi triển khai chuyển đổi số",
            "",
            "Năm 2022, phường Tân Lợi tập trung triển khai chuyển đổi số trên mọi lĩnh vực.",
        ),
        "2022",
    ),
    (
        "anniversary-span-is-not-the-date",
        _text(
            "Xã Ea Tu gặp mặt kỷ niệm ngày thành lập Đảng",
            "",
            "Hướng tới kỷ niệm 94 năm ngày thành lập Đảng (3/2/1930 - 3/2/2024), ngày 1/2/2024, "
            "Đảng ủy xã Ea Tu tổ chức buổi gặp mặt các đảng viên lão thành.",
        ),
        "2024-02-01",
    ),
    (
        "anniversary-span-gives-the-year",
        _text(
            "Xã Ea Tu gặp mặt kỷ niệm ngày thành lập Đảng",
            "",
            "Chiều ngày 26/1, Đảng ủy xã Ea Tu tổ chức buổi gặp mặt nhân kỷ niệm 92 năm ngày "
            "thành lập Đảng Cộng sản Việt Nam (3/2/1930-3/2/2022).",
        ),
        "2022-01-26",
    ),
    (
        "range-of-two-days",
        _text(
            "Đại hội Đảng bộ xã Vĩnh Phú lần thứ XII",
            "08/05/2020 - 10:46",
            "",
            "Trong 2 ngày 6 và 7-5, Đảng bộ xã Vĩnh Phú tiến hành Đại hội đại biểu lần thứ XII.",
        ),
        "2020-05-08",
    ),
    (
        "range-first-day-year-at-the-end",
        _text(
            "Thanh niên xã Tân Dương tổ chức chương trình Xuân tình nguyện",
            "",
            "Xã đoàn Tân Dương tiếp nhận 60 sinh viên đến sinh hoạt từ ngày 16 đến 18-1-2026 "
            "với nhiều hoạt động.",
        ),
        "2026-01-16",
    ),
    (
        "range-without-year-in-lead-with-month-stamp",
        _text(
            "date 2024-09 Xã hội Trao quà cho học sinh xã Na Ngoi Trong hai ngày 18 và 19/9, "
            "Hội Chữ thập đỏ tỉnh trao quà cho học sinh xã Na Ngoi.",
            "",
            "Tổng giá trị các phần quà trên 80 triệu đồng.",
        ),
        "2024-09-18",
    ),
    (
        "month-stamp-keeps-month-precision",
        _text(
            "date 2019-07 Từ hơn 1 năm nay, Công an phường Lạch Tray có thêm 3 màn hình theo "
            "dõi camera an ninh trên địa bàn phường.",
            "",
            "Hệ thống hoạt động rất hiệu quả.",
        ),
        "2019-07",
    ),
    (
        "month-stamp-takes-the-day-of-that-month",
        _text(
            "date 2025-01 Ngày 16/1, Đảng bộ xã Bình Ba tổ chức thành công Đại hội Đại biểu "
            "lần thứ VII, nhiệm kỳ 2025-2030.",
        ),
        "2025-01-16",
    ),
    (
        "law-year-is-not-the-date",
        _text(
            "Xã Chí Minh tổ chức hội nghị đối thoại",
            "",
            "Thực hiện Luật Tổ chức chính quyền địa phương năm 2025, Chủ tịch UBND xã Chí Minh "
            "sẽ tổ chức hội nghị đối thoại với Nhân dân ngày 29/10/2025.",
        ),
        "2025-10-29",
    ),
    (
        "stamp-glued-before-the-lead",
        _text(
            "14:43 26/07/2019 Chiều 24-7, phường Minh Khai tổ chức Lễ kỉ niệm 72 năm Ngày "
            "thương binh liệt sỹ (27/7/1947-27/7/2019).",
        ),
        "2019-07-26",
    ),
    (
        "weekday-and-wordy-date",
        _text(
            "Thứ Năm, 28 tháng 1, 2010",
            "",
            "XÃ AN PHÚ TÂY",
            "",
            "Xã An Phú Tây có diện tích 5,8 km2, dân số 9.975 người, là xã nông thôn đang dần "
            "đi lên đô thị hóa.",
        ),
        "2010-01-28",
    ),
    (
        "day-month-year-from-lead",
        _text(
            "Sáng 12/7, Đảng ủy phường Quang Trung tổ chức Hội nghị sơ kết công tác 6 tháng "
            "đầu năm 2023.",
            "Quang cảnh Hội nghị.",
            "Về dự có đồng chí Bí thư Đảng ủy phường và các đồng chí trong Ban Thường vụ.",
        ),
        "2023-07-12",
    ),
    (
        "day-month-year-from-title",
        _text(
            "Xã Hòa Xuân tổng kết công tác năm 2022",
            "",
            "Chiều 25/12, UBND xã Hòa Xuân tổ chức hội nghị tổng kết công tác, triển khai "
            "nhiệm vụ năm tới.",
        ),
        "2022-12-25",
    ),
    (
        "toi-day-month-year-from-article",
        _text(
            "Phường Tân An tổ chức chương trình nghệ thuật mừng Quốc khánh",
            "",
            "Tối 2/9, tại Nhà văn hóa khu phố 1, phường Tân An tổ chức chương trình nghệ thuật "
            "chào mừng Quốc khánh năm 2024.",
        ),
        "2024-09-02",
    ),
    (
        "ngay-day-month-year-from-article",
        _text(
            "Trường Tiểu học xã Ea Kênh kỷ niệm Ngày Nhà giáo Việt Nam",
            "",
            "Ngày 20/11, Trường Tiểu học xã Ea Kênh tổ chức lễ kỷ niệm Ngày Nhà giáo Việt Nam "
            "năm 2023.",
        ),
        "2023-11-20",
    ),
    (
        "fraction-is-not-a-date",
        _text(
            "Xã Ea Yông tổng kết công tác năm 2022",
            "",
            "Năm 2022, xã Ea Yông đạt 12/15 chỉ tiêu Nghị quyết Hội đồng nhân dân xã đề ra.",
        ),
        "2022",
    ),
]

NO_DATE = [
    (
        "nothing",
        _text(
            "Phường Tân Tiến ra mắt Câu lạc bộ Dân vũ",
            "",
            "Hội Liên hiệp Phụ nữ phường Tân Tiến vừa ra mắt Câu lạc bộ Dân vũ với 30 hội viên.",
            "",
            "Câu lạc bộ sinh hoạt vào các buổi tối thứ Ba, thứ Năm hằng tuần.",
        ),
    ),
    (
        "day-month-without-any-year",
        _text(
            "Đảng ủy phường Thành Công sơ kết công tác quý",
            "",
            "Sáng 12/7, Đảng ủy phường Thành Công tổ chức hội nghị sơ kết công tác quý II.",
            "",
            "Các chi bộ đều hoàn thành tốt nhiệm vụ.",
        ),
    ),
    (
        "fraction-without-cue-or-year",
        _text(
            "Xã Ea Na hoàn thành chỉ tiêu thu ngân sách",
            "",
            "Xã Ea Na đã đạt 12/15 chỉ tiêu chủ yếu, trong đó thu ngân sách vượt kế hoạch.",
        ),
    ),
]


@pytest.mark.parametrize(("text", "date"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_date(text: str, date: str) -> None:
    assert parse_text(text).date == date


@pytest.mark.parametrize("text", [c[1] for c in NO_DATE], ids=[c[0] for c in NO_DATE])
def test_no_date(text: str) -> None:
    assert parse_text(text).date is None


def test_date_from_crlf_text() -> None:
    text = "\r\n".join(
        (
            "Phường Tân Lợi ra quân tổng vệ sinh môi trường",
            "Ngày đăng 03/04/2023 | 08:00",
            "",
            "Sáng 1/4, UBND phường Tân Lợi ra quân tổng vệ sinh môi trường trên các tuyến "
            "đường chính.",
        )
    )
    assert parse_text(text).date == "2023-04-03"


# Layouts met on real pages (issue 10), written for these tests.
MORE_CASES = [
    (
        "icon-name-glued-before-a-stamp",
        _text(
            "CalendarThứ Hai, 04/03/2024 09:15",
            "Phường Tân Hòa ra quân dọn kênh mương",
            "",
            "Sáng 2/3, phường Tân Hòa ra quân nạo vét kênh mương nội đồng.",
        ),
        "2024-03-04",
    ),
    (
        "year-only-further-into-the-body",
        _text(
            "Hội thi tiếng hát khu phố phường Hòa Khánh",
            "",
            "Tối 14/8, tại nhà văn hóa khu phố 3, phường Hòa Khánh khai mạc hội thi tiếng hát.",
            "",
            "Tham gia có tám đội văn nghệ của các khu phố.",
            "",
            "Hội thi tiếng hát khu phố năm 2021 kéo dài hai đêm với hơn năm mươi tiết mục.",
        ),
        "2021-08-14",
    ),
    (
        "started-then-finished-the-news-is-the-finish",
        _text(
            "Xã Vĩnh Lợi có cây cầu mới",
            "",
            "Cầu được khởi công ngày 3/2/2021 và chính thức khánh thành, bàn giao cho nhân dân "
            "sử dụng vào ngày 19/9/2021.",
        ),
        "2021-09-19",
    ),
    (
        "plan-year-in-the-clause-but-a-year-in-the-head",
        _text(
            "Xã Ea Tul tổng kết năm 2024",
            "",
            "Sáng 20/12, xã Ea Tul tổng kết công tác năm và bàn phương hướng nhiệm vụ năm 2025.",
        ),
        "2024-12-20",
    ),
]

MORE_NO_DATE = [
    (
        "deadline-window-is-not-the-date",
        _text(
            "Góp ý dự thảo quy chế khu dân cư",
            "",
            "Mặt trận phường đã xây dựng dự thảo quy chế khu dân cư và mong nhận ý kiến.",
            "",
            "Ý kiến xin gửi về văn phòng phường. Thời gian từ ngày 5/6/2022 đến 15/6/2022 để "
            "hoàn chỉnh dự thảo.",
        ),
    ),
    (
        "submit-before-a-day-is-a-deadline",
        _text(
            "Thông báo nhận hồ sơ hỗ trợ nhà ở",
            "",
            "UBND xã Phú Lộc nhận hồ sơ của các hộ gia đình, hạn nộp trước ngày 30/9/2021.",
        ),
    ),
    (
        "plan-year-is-not-the-article-year",
        _text(
            "Xã Hưng Long bàn phương hướng xây dựng nông thôn mới",
            "",
            "Ngày 9/1, xã Hưng Long họp bàn phương hướng xây dựng nông thôn mới kiểu mẫu năm 2025.",
        ),
    ),
    (
        "birth-year-further-on-is-not-the-year",
        _text(
            "Công an thị trấn bắt giữ đối tượng trộm cắp",
            "",
            "Khoảng 10 giờ ngày 21/4, Công an thị trấn Phú Xuân bắt giữ một đối tượng trộm xe.",
            "",
            "Đối tượng là Nguyễn Văn A, sinh năm 2001, trú tại xã bên cạnh.",
        ),
    ),
    (
        "opening-year-then-now-is-not-the-date",
        _text(
            "Nông thôn mới xã Tân An sau khi đạt chuẩn",
            "",
            "Cuối năm 2016, xã Tân An được công nhận đạt chuẩn nông thôn mới. Tuy nhiên đến nay "
            "nhiều tiêu chí đã xuống cấp.",
        ),
    ),
]


@pytest.mark.parametrize(
    ("text", "date"), [c[1:] for c in MORE_CASES], ids=[c[0] for c in MORE_CASES]
)
def test_date_real_layouts(text: str, date: str) -> None:
    assert parse_text(text).date == date


@pytest.mark.parametrize("text", [c[1] for c in MORE_NO_DATE], ids=[c[0] for c in MORE_NO_DATE])
def test_no_date_real_layouts(text: str) -> None:
    assert parse_text(text).date is None


# ------------------------------------------------- document references (prefiltered)

_DOC_WORDS = st.sampled_from(
    "số Số SỐ ſố 12/KH-UBND 05-KH/ĐU ngày kế KẾ hoạch HOẠCH quyết định nghị quyết định "
    "công văn thông báo chỉ thị tư hướng dẫn tờ trình luật LUẬT văn bản kết luận quy "
    "của liên tịch ban hành ký , : / - 2023 Đảng ủy xã họp".split()
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(
    st.lists(st.one_of(_DOC_WORDS, st.text(max_size=6)), max_size=20).map(" ".join),
    st.sampled_from(["", " số 12", " Số: 3/KH ngày", " 5/QĐ-UB", " KẾ HOẠCH", " luật", " ſố 7 "]),
)
def test_doc_ref_prefilter_agrees_with_the_regex(head: str, tail: str) -> None:
    from wardtui.corpus.date_context import _DOC_REF, doc_ref

    before = head + tail

    assert doc_ref(before) == (_DOC_REF.search(before) is not None)


# ------------------------------------- the look-behind patterns, found by their rest

_DATE_TEXT = st.lists(
    st.one_of(
        st.sampled_from(
            "12/5/2023 1/12/2019 2020 1999 2023-06-28 3/2/1930 - 3/2/2022 05.07.2021 "
            "ngày năm tháng / . - – — 0 1 2 9 19 20 ٢٠٢٣ １ x".split(" ")
        ),
        st.text(alphabet="0123456789/.-–— \n\t19٢١a", max_size=8),
    ),
    max_size=25,
).map(lambda parts: "".join(parts))


def _spans_of(matches: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=600, deadline=None, derandomize=True)
@given(st.one_of(_DATE_TEXT, st.text(max_size=60)), st.integers(0, 30), st.integers(0, 80))
def test_fast_date_scans_find_what_the_patterns_find(text: str, pos: int, length: int) -> None:
    from wardtui.corpus import date_patterns as dp

    assert _spans_of(dp.full_dates(text)) == _spans_of(dp.FULL_DATE.finditer(text))
    assert _spans_of(dp.iso_dates(text)) == _spans_of(dp.ISO_DATE.finditer(text))
    assert _spans_of(dp.spans(text)) == _spans_of(dp.SPAN.finditer(text))
    assert _spans_of(dp.years(text)) == _spans_of(dp.YEAR.finditer(text))
    window = _spans_of(dp.full_dates(text, pos, pos + length))
    assert window == _spans_of(dp.FULL_DATE.finditer(text, pos, pos + length))
