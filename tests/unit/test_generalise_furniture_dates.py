"""Rules made general on new real pages (issue 10): widgets, counters in list items,
greeting banners, image alt text, related-video headings, and date forms (a stamp after
a list dash, two-digit years, the year named by "năm mới", reported periods).

Every fixture is written for this test, in the shape the pages have.
"""

from __future__ import annotations

import pytest

from wardtui.corpus import parse_text
from wardtui.corpus.lines import classify


def _text(*lines: str) -> str:
    return "\n".join(lines)


LEAD = (
    "Sáng ngày 14/3/2024, UBND xã Phú Lâm tổ chức hội nghị triển khai công tác phòng chống "
    "thiên tai năm 2024 với sự tham dự của lãnh đạo các thôn trong xã."
)
LAST = "Hội nghị đã thống nhất giao chỉ tiêu cụ thể cho từng thôn trong toàn xã."


@pytest.mark.parametrize(
    "widget",
    [
        "Thời tiết",
        "Tỷ giá ngoại tệ",
        "image banner",
        "Responsive image",
        "anh tin bai",
        "Admin",
        "Thong ke",
        "Đọc bài viết:",
        "Xem cỡ chữ:",
        "Chúc mừng năm mới 2024!!!",
        "tv online",
        "hinh anh noi bat",
    ],
)
def test_site_widgets_never_reach_the_body(widget: str) -> None:
    text = _text(
        "Xã Phú Lâm triển khai công tác phòng chống thiên tai",
        "",
        widget,
        "",
        LEAD,
        "",
        widget,
        "",
        LAST,
        "",
        widget,
    )
    article = parse_text(text)
    assert widget not in article.body
    assert LEAD in article.body and LAST in article.body


def test_image_alt_text_numbered_after_a_dash_is_no_text() -> None:
    alt = "Chợ quê ngày Tết- Ảnh 1."
    article = parse_text(_text("Chợ quê ngày Tết ở xã Phú Lâm", "", LEAD, "", alt, "", LAST))
    assert alt not in article.body
    assert LEAD in article.body and LAST in article.body


def test_a_greeting_sentence_of_the_article_is_kept() -> None:
    long = (
        "Chúc mừng thành công của hội thi, một minh chứng cho tinh thần đoàn kết của bà con "
        "các thôn trong xã Phú Lâm!"
    )
    article = parse_text(_text("Xã Phú Lâm tổ chức hội thi", "", LEAD, "", long))
    assert long in article.body


def test_list_dash_stamp_and_counter_are_not_the_title() -> None:
    text = _text(
        "- 05/11/2025 09:12:30",
        "- Đã xem: 83",
        "Ủy ban nhân dân xã Hòa Định thông báo lịch tiếp công dân của lãnh đạo xã trong "
        "tháng 11 năm 2025 tại trụ sở xã.",
    )
    article = parse_text(text)
    assert article.date == "2025-11-05"
    assert "Đã xem" not in article.title
    assert "Đã xem" not in article.body
    kinds = [line.kind for line in classify(text)]
    assert kinds[:2] == ["stamp", "counter"]


def test_related_video_heading_ends_the_article_and_is_no_byline() -> None:
    text = _text("Thị trấn Phú Lâm ra quân dọn vệ sinh", "", LEAD, "", LAST, "", "VIDEO LIÊN QUAN")
    article = parse_text(text)
    assert article.author is None
    assert "VIDEO" not in article.body


def test_two_digit_year_in_a_full_date_after_a_cue() -> None:
    text = _text(
        "KHÁNH THÀNH CẦU BẮC NGỌN RẠCH",
        "Chiều ngày 17/01/24, cây cầu bắc qua rạch Ông Thành ở xã Phú Lâm được khánh thành.",
    )
    assert parse_text(text).date == "2024-01-17"


def test_day_month_takes_the_year_named_as_the_new_year() -> None:
    text = _text(
        "Lễ cúng cơm mới ở làng Kon Ktu",
        "Ngày 2-1 năm nay, bà con làng Kon Ktu, xã Phú Lâm tưng bừng tổ chức lễ cúng cơm mới.",
        "Lễ vật gồm gà, rượu cần và gạo mới do chính bà con làm ra trong vụ mùa vừa qua.",
        "Từ sáng sớm ngày đầu năm mới 2019, các gia đình đã mang lễ vật đến nhà rông của làng.",
    )
    assert parse_text(text).date == "2019-01-02"


def test_a_reported_period_is_not_the_articles_date() -> None:
    text = _text(
        "Xã Phú Lâm: 4/4 thôn có nhà văn hóa đạt chuẩn",
        "Qua thống kê, từ năm 2020 đến tháng 6/2023, toàn xã đã nâng cấp 4 nhà văn hóa thôn "
        "và xây mới 2 sân thể thao.",
    )
    assert parse_text(text).date is None


def test_a_board_signature_in_lower_case_is_still_read() -> None:
    article = parse_text(
        _text(
            "Xã Phú Lâm triển khai công tác phòng chống thiên tai",
            "",
            LEAD,
            "",
            LAST,
            "",
            "btv phulam",
        )
    )
    assert article.credit == "btv phulam" or article.author == "btv phulam"
    assert "btv phulam" not in article.body


def test_alt_text_between_headline_and_lead_does_not_make_the_lead_a_caption() -> None:
    text = _text(
        "Xã Phú Lâm triển khai công tác phòng chống thiên tai",
        "",
        "Hội nghị phòng chống thiên tai- Ảnh 1.",
        "",
        LEAD,
        "",
        LAST,
    )
    article = parse_text(text)
    kinds = {p.text: p.kind for p in article.paragraphs}
    assert kinds[LEAD] == "text" and kinds[LAST] == "text"


def test_a_year_closing_the_leads_first_sentence_is_the_events_year() -> None:
    text = _text(
        "(phulam.vn) – Đoàn thanh niên xã Phú Lâm đã tổ chức “Hội trại tuổi trẻ” năm 2023.",
        "",
        "Hội trại thu hút đông đảo đoàn viên thanh niên của các chi đoàn thôn tham gia.",
    )
    assert parse_text(text).date == "2023"


@pytest.mark.parametrize(
    "lead",
    [
        "Hội nghị nhằm triển khai Kế hoạch số 12/KH-UBND của UBND huyện về phát triển "
        "giao thông nông thôn năm 2024.",
        "Xã Phú Lâm phấn đấu hoàn thành các tiêu chí nông thôn mới nâng cao đến năm 2030.",
    ],
)
def test_a_document_or_a_target_year_closing_the_lead_is_not_the_date(lead: str) -> None:
    text = _text(lead, "", "Các thôn đã đăng ký chỉ tiêu cụ thể cho từng tuyến đường trong xã.")
    assert parse_text(text).date is None
