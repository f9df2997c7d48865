"""Real-page layouts, written anew in the shape the development set showed (issue 10).

Each fixture imitates a layout met on ward, commune and township pages (the words
are ours): glued lines, banners, ALL-CAPS headlines, counters beside stamps,
widgets after the byline, related boxes inside the body, hard-wrapped text.
"""

from __future__ import annotations

import pytest

from wardtui.corpus import parse_text
from wardtui.corpus.lines import banner_lines, classify, furniture_lines


def _text(*lines: str) -> str:
    return "\n".join(lines)


LEAD = (
    "Sáng 14/8, UBND xã Ea Kao tổ chức hội nghị tuyên dương các điển hình tiên tiến giai "
    "đoạn 2020 - 2025 với sự tham dự của hơn 200 đại biểu."
)
MORE = (
    "Dịp này, xã trao giấy khen cho 25 tập thể và 40 cá nhân có thành tích xuất sắc trong "
    "phong trào thi đua yêu nước."
)
HEADLINE = "Xã Ea Kao tuyên dương điển hình tiên tiến"


def test_glued_stamp_section_headline_tag_and_lead() -> None:
    article = parse_text(_text(f"date 2025-08-14 Xã hội {HEADLINE} EKO - {LEAD}", "", MORE))
    assert article.title == HEADLINE
    assert article.credit == "EKO"
    assert article.date == "2025-08-14"
    assert article.paragraphs[0].text == LEAD


def test_glued_headline_and_lead_with_a_time_cue() -> None:
    lead = "Trong hai ngày 18 và 19/9, Hội Chữ thập đỏ tỉnh trao quà cho học sinh xã Ea Kao."
    article = parse_text(
        _text(f"date 2024-09 Xã hội Trao quà cho học sinh xã Ea Kao {lead}", "", MORE)
    )
    assert article.title == "Trao quà cho học sinh xã Ea Kao"
    assert article.paragraphs[0].text == lead
    assert article.date == "2024-09-18"


def test_stamp_glued_before_a_lead_without_headline() -> None:
    article = parse_text(_text(f"14:43 26/07/2019 {LEAD}", "", MORE))
    assert article.date == "2019-07-26"
    assert article.title == LEAD
    assert "14:43" not in article.body


@pytest.mark.parametrize(
    "banner",
    [
        "ỦY BAN NHÂN DÂN XÃ EA KAO",
        "UBND XÃ EA KAO - HUYỆN CƯ M'GAR",
        "TRANG THÔNG TIN ĐIỆN TỬ XÃ EA KAO",
        "Cổng thông tin điện tử phường Tân Lợi",
        "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
        "QUẬN 5 - THÀNH PHỐ HỒ CHÍ MINH",
    ],
)
def test_site_banner_is_furniture_and_evidence(banner: str) -> None:
    text = _text(banner, "", HEADLINE, "", LEAD, "", MORE)
    article = parse_text(text)
    assert article.title == HEADLINE
    assert banner not in article.body
    assert banner_lines(text) == [banner]


def test_all_caps_headline_is_chosen_in_sentence_case() -> None:
    caps = "THÔN BUÔN KO TỔ CHỨC HỘI LÀNG NĂM 2024 TẠI XÃ EA KAO"
    lead = "Ngày 15/3, thôn Buôn Ko của xã Ea Kao đã tổ chức Hội làng năm 2024 với nhiều trò chơi."
    article = parse_text(_text("ỦY BAN NHÂN DÂN XÃ EA KAO", "", caps, "", lead, "", MORE))
    assert article.title_original == caps
    assert article.title == "Thôn Buôn Ko tổ chức Hội làng năm 2024 tại xã Ea Kao"
    assert article.date == "2024-03-15"


def test_mixed_case_title_has_no_original() -> None:
    assert parse_text(_text(HEADLINE, "", LEAD, "", MORE)).title_original is None


@pytest.mark.parametrize(
    "noise",
    [
        ("107",),
        ("12/06/2020 14:14 Số lượt xem: 270",),
        ("SGGPO",),
        ("Tiếng Việt | English",),
        ("Font size : A- A A+",),
        ("{title}", "{publish}"),
        ("menu_WAR_portlet_INSTANCE_x1Y2",),
        ("DAI HOI DANG BO XA EA KAO NHIEM KY 2025 - 2030",),
    ],
    ids=[
        "view-count",
        "stamp-with-counter",
        "paper-tag",
        "language-switch",
        "font-size",
        "template-placeholders",
        "widget-identifier",
        "unaccented-alt-text",
    ],
)
def test_short_noise_near_the_headline_never_wins(noise: tuple[str, ...]) -> None:
    article = parse_text(_text(HEADLINE, *noise, "", LEAD, "", MORE))
    assert article.title == HEADLINE
    assert not [n for n in noise if n in article.body]


def test_doubled_photo_caption_does_not_beat_the_headline() -> None:
    caption = "Trao giấy khen cho các điển hình tiên tiến của xã Ea Kao"
    text = _text("date 2025-08-15 Xã hội", "", HEADLINE, "", "EKO", "", caption, caption, "", LEAD)
    assert parse_text(text).title == HEADLINE


def test_caption_with_a_photo_credit_is_not_a_title() -> None:
    caption = "Lãnh đạo xã Ea Kao trao giấy khen cho các tập thể. Ảnh: K.O"
    article = parse_text(_text(f"date 2025-08 {caption}", "", LEAD, "", MORE))
    assert article.title == LEAD
    assert "Ảnh: K.O" not in article.body


@pytest.mark.parametrize(
    "caption",
    [
        "Quang cảnh hội nghị. Ảnh: Minh Tâm",
        "Quang cảnh hội nghị. ẢNH: MINH TÂM",
        "Quang cảnh hội nghị -Ảnh: N.Đ.P",
        "Quang cảnh hội nghị. Ảnh: Minh Tâm (Cổng thông tin điện tử xã).",
    ],
)
def test_photo_credit_leaves_the_caption(caption: str) -> None:
    article = parse_text(_text(HEADLINE, "", LEAD, "", caption, "", MORE))
    captions = [p.text.rstrip(".") for p in article.paragraphs if p.kind == "caption"]
    assert captions == ["Quang cảnh hội nghị"]


def test_markdown_and_shortcode_captions() -> None:
    text = _text(
        HEADLINE,
        "",
        LEAD,
        "",
        "![]() |",
        "| Các đại biểu dự hội nghị tuyên dương. |",
        '[caption id="attachment_1" align="aligncenter"]Trao giấy khen cho các tập thể.',
        "",
        MORE,
    )
    article = parse_text(text)
    assert "![]()" not in article.body and "[caption" not in article.body
    assert [p.kind for p in article.paragraphs if "đại biểu dự" in p.text] == ["caption"]


def test_hard_wrapped_lines_come_back_as_one_paragraph() -> None:
    text = _text(
        "Thị trấn Ea Kao ra quân tổng vệ sinh môi trường",
        "",
        "Nhằm đảm bảo vệ sinh môi trường trên địa bàn thị",
        "trấn Ea Kao, sáng ngày 11/01/2020, Đảng ủy, HĐND, UBND thị trấn Ea Kao",
        "tổ chức tổng vệ sinh môi trường trên địa bàn.",
        "",
        MORE,
    )
    article = parse_text(text)
    assert article.paragraphs[0].text == (
        "Nhằm đảm bảo vệ sinh môi trường trên địa bàn thị trấn Ea Kao, sáng ngày 11/01/2020, "
        "Đảng ủy, HĐND, UBND thị trấn Ea Kao tổ chức tổng vệ sinh môi trường trên địa bàn."
    )
    assert (article.ward, article.unit, article.date) == ("Ea Kao", "thị trấn", "2020-01-11")


def test_related_box_inside_the_body_is_skipped() -> None:
    long_more = MORE + " " + MORE
    text = _text(
        HEADLINE,
        "",
        LEAD,
        "",
        "Bài liên quan",
        "",
        "Xã Ea Tu ra quân làm đường giao thông nông thôn",
        "",
        "Phường Tân Lợi tổng kết công tác Mặt trận năm 2023",
        "",
        long_more,
        "",
        "Minh Tâm",
    )
    article = parse_text(text)
    assert long_more in article.body
    assert "Xã Ea Tu ra quân" not in article.body and "Bài liên quan" not in article.body
    assert article.author == "Minh Tâm"


def test_related_box_then_a_photo_caption_then_the_article_again() -> None:
    rest = (
        "Dù vậy, theo tiêu chí mới về hộ nghèo đa chiều, trên địa bàn xã vẫn còn nhiều hộ "
        "khó khăn có con đang tuổi đến trường, cần được các cấp, các ngành và nhà hảo tâm "
        "tiếp tục quan tâm, giúp đỡ trong thời gian tới."
    )
    caption = (
        "Đại diện Hội Nông dân tỉnh và nhà tài trợ trao học bổng cho các em học sinh có hoàn "
        "cảnh khó khăn của xã trong buổi lễ sáng nay tại hội trường. Ảnh: Thanh Bình"
    )
    text = _text(
        HEADLINE, "", LEAD, "", "Bài liên quan", "",
        "Xã Ea Tu ra quân làm đường giao thông nông thôn", "",
        "Phường Tân Lợi tổng kết công tác Mặt trận năm 2023", "",
        "xa ea tu trao hoc bong cho hoc sinh ngheo hinh 2", "",
        caption, "", rest,
    )
    article = parse_text(text)
    assert rest in article.body
    assert "Xã Ea Tu ra quân" not in article.body
    assert "Đại diện Hội Nông dân tỉnh" in article.body  # kept, as a caption


def test_place_prefixed_titles_inside_the_body_are_dropped() -> None:
    listed = (
        "Đắk Lắk: Đại hội đại biểu Mặt trận Tổ quốc huyện Cư M'gar lần thứ XX",
        "Gia Lai: Đại hội đại biểu MTTQ huyện Chư Sê lần thứ XII, nhiệm kỳ 2024-2029",
    )
    article = parse_text(_text(HEADLINE, "", LEAD, "", *listed, "", MORE))
    assert not [t for t in listed if t in article.body]
    assert MORE in article.body


def test_trailing_list_of_titles_without_heading_is_dropped() -> None:
    listed = (
        "Câu lạc bộ thơ của tỉnh phấn đấu có năm tác phẩm phổ nhạc",
        "Lãnh đạo tỉnh dự lễ công bố các nghị quyết sắp xếp đơn vị hành chính",
        "Sổ bảo hiểm xã hội điện tử được cấp chậm nhất là ngày 1-1-2026",
    )
    article = parse_text(_text(HEADLINE, "", LEAD, "", MORE, "", *listed))
    assert not [t for t in listed if t in article.body]
    assert article.date != "2026-01-01"


def test_byline_at_the_top_with_a_stamp() -> None:
    article = parse_text(_text(HEADLINE, "", "Thùy Trang 14/08/2021 07:18", "", LEAD, "", MORE))
    assert (article.author, article.date) == ("Thùy Trang", "2021-08-14")


def test_furniture_lines_are_exposed() -> None:
    text = _text("ỦY BAN NHÂN DÂN XÃ EA KAO", "Lượt xem: 12", HEADLINE, "", LEAD)
    kinds = dict((line, kind) for kind, line in furniture_lines(text))
    assert kinds == {"ỦY BAN NHÂN DÂN XÃ EA KAO": "banner", "Lượt xem: 12": "counter"}


def test_classify_gives_every_line_a_kind() -> None:
    kinds = {
        line.kind for line in classify(_text("Trang chủ > Tin tức", HEADLINE, "Chia sẻ", LEAD))
    }
    assert kinds <= {"breadcrumb", "text", "tool", "end"}
