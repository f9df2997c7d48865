"""Layouts met on the second held-out set of real pages (issue 10, round 2), in
fixtures written for this test with the same shape: a headline on its own line
followed straight away by a lead that opens with a lead's cue (``Sáng ngày …``,
``Vừa qua, …``), where the headline ends with a word that usually continues a
wrapped sentence (``xã``, ``huyện``)."""

from __future__ import annotations

import pytest

from wardtui.corpus import parse_text
from wardtui.corpus.scoring import is_office_name
from wardtui.corpus.wards import find_mentions


def _text(*lines: str) -> str:
    return "\n".join(lines)


LAST = "Thời gian tới, phong trào sẽ được nhân rộng ra các thôn còn lại trong xã."


@pytest.mark.parametrize(
    ("head", "lead"),
    [
        (
            "Chiều ngày 12/4/2023 Hội Nông dân xã Phú Mỹ ra quân vệ sinh kênh mương trên "
            "địa bàn xã",
            "Chiều ngày 12/4/2023 Hội Nông dân xã Phú Mỹ phối hợp với các thôn ra quân nạo vét "
            "kênh mương nội đồng, có hơn 80 hội viên tham gia và thu gom được nhiều rác thải.",
        ),
        (
            "Thôn Tân Lập - xã Cư Bao nhận danh hiệu thôn văn hóa cấp huyện",
            "Vừa qua, cán bộ và nhân dân thôn Tân Lập - xã Cư Bao đã tổ chức lễ đón nhận danh "
            "hiệu thôn văn hóa cấp huyện trong không khí phấn khởi.",
        ),
    ],
)
def test_headline_then_a_lead_opening_with_its_cue_stay_apart(head: str, lead: str) -> None:
    article = parse_text(_text(head, lead, LAST))
    assert article.title == head
    assert any(p.text == lead for p in article.paragraphs)


def test_a_wrapped_sentence_still_joins_across_a_unit_word() -> None:
    head = "Xã Phú Mỹ ra quân vệ sinh môi trường"
    lead = _text(
        "Sáng ngày 12/4/2023, Hội Nông dân phối hợp với Đoàn Thanh niên xã",
        "Phú Mỹ ra quân vệ sinh kênh mương nội đồng, thu gom được nhiều rác thải.",
    )
    article = parse_text(_text(head, lead, LAST))
    assert article.title == head
    assert any("Thanh niên xã Phú Mỹ ra quân" in p.text for p in article.paragraphs)


def test_a_table_row_with_the_headline_twice_and_the_lead_is_split_into_cells() -> None:
    head = "PHƯỜNG 3 RA MẮT MÔ HÌNH TUYẾN ĐƯỜNG XANH SẠCH ĐẸP"
    text = _text(
        f"| {head} | {head} | | Chiều ngày 15/5/2022, UBND Phường 3 tổ chức ra mắt mô hình",
        "tuyến đường xanh sạch đẹp tại khu phố 2 với sự tham gia của đông đảo người dân.",
        LAST,
    )
    article = parse_text(text)
    assert article.title is not None
    assert article.title.casefold() == head.casefold()
    assert any(
        p.text.startswith("Chiều ngày 15/5/2022, UBND Phường 3 tổ chức ra mắt mô hình tuyến")
        for p in article.paragraphs
    )


@pytest.mark.parametrize(
    ("sentence", "ward"),
    [
        ("Ban chấp hành xã Đoàn Tân Hưng ra quân dọn vệ sinh kênh nội đồng.", "Tân Hưng"),
        ("Nhân dân xã Đoàn Kết tham gia ngày hội đại đoàn kết toàn dân tộc.", "Đoàn Kết"),
    ],
)
def test_the_youth_union_before_a_commune_name_is_not_part_of_it(sentence: str, ward: str) -> None:
    mentions = find_mentions(sentence)
    assert [(m.name, m.unit) for m in mentions] == [(ward, "xã")]


BODY = (
    "Sáng ngày 3/2/2025, khu phố Bình Thới vận động các nhà hảo tâm trao 80 phần quà Tết cho "
    "hộ nghèo và người cao tuổi neo đơn trên địa bàn phường.",
    "Mỗi phần quà gồm gạo, dầu ăn và tiền mặt, tổng trị giá hơn 40 triệu đồng.",
)


def test_an_office_signing_alone_with_its_full_eleven_word_name_is_the_author() -> None:
    office = "Ủy ban Mặt trận Tổ quốc Việt Nam phường Bình Thới"
    article = parse_text(_text(*BODY, office))
    assert article.author == office
    assert all(office not in p.text for p in article.paragraphs)


def test_a_name_in_parentheses_after_the_last_sentence_is_the_byline() -> None:
    last = "Nhiều mô hình khác cũng được duy trì như tổ tự quản, tiếng kẻng an ninh… (Thu Hằng)"
    article = parse_text(_text(*BODY, last))
    assert article.author == "Thu Hằng"
    assert article.paragraphs[-1].text.endswith("tiếng kẻng an ninh…")


@pytest.mark.parametrize(
    "tail",
    ["(UBND phường Bình Thới)", "(18/11/1930 - 18/11/2024)", "(ông Lê Văn Nam)"],
)
def test_other_parentheses_ending_the_last_sentence_stay_in_the_text(tail: str) -> None:
    last = f"Buổi lễ kết thúc trong không khí ấm áp, phấn khởi. {tail}"
    article = parse_text(_text(*BODY, last))
    assert article.author is None
    assert article.paragraphs[-1].text == last


def test_an_office_name_alone_near_the_stamp_does_not_beat_an_all_caps_headline() -> None:
    head = "HỘI CHỮ THẬP ĐỎ TRAO 200 SUẤT QUÀ CHO HỘ NGHÈO"
    text = _text(
        head,
        "Phước Long",
        "2021-03-08T09:15:00+07:00",
        "https://example.gov.vn/vi/news/xa-hoi/hoi-chu-thap-do-trao-qua-123.html",
        "UBND thị xã Phước Long",
        "Thứ hai - 08/03/2021 09:10",
        "Sáng ngày 6/3, Hội Chữ thập đỏ phường Long Thủy phối hợp với các nhà hảo tâm trao 200 "
        "suất quà cho hộ nghèo và hộ cận nghèo trên địa bàn phường.",
        LAST,
    )
    article = parse_text(text)
    assert article.title_original == head
    assert article.author is None
    body = " ".join(p.text for p in article.paragraphs)
    assert "UBND thị xã Phước Long" not in body
    assert "2021-03-08T09:15" not in body


@pytest.mark.parametrize(
    ("line", "office"),
    [
        ("UBND thị xã Bình Long", True),
        ("Đảng ủy xã Tân Phú", True),
        ("ỦY BAN NHÂN DÂN PHƯỜNG 5", True),
        ("UBND xã Tân Phú ra quân làm giao thông nông thôn", False),
        ("UBND xã Tân Phú tiếp dân", False),
    ],
)
def test_office_name_alone(line: str, office: bool) -> None:
    assert is_office_name(line) is office


@pytest.mark.parametrize(
    ("lead", "date"),
    [
        (
            "Từ ngày 02/4/2022 - 05/4/2022, Hội Nông dân xã Tân Phú tổ chức thành công hội nghị "
            "các chi hội nhiệm kỳ 2022 - 2027.",
            "2022-04-02",
        ),
        (
            "Trong 2 ngày 20/10/2023 – 21/10/2023, Đoàn xã Tân Phú tổ chức hội trại tòng quân "
            "cho thanh niên chuẩn bị lên đường nhập ngũ.",
            "2023-10-20",
        ),
    ],
)
def test_two_dates_of_one_year_are_a_range_and_its_first_day_is_the_date(
    lead: str, date: str
) -> None:
    article = parse_text(_text(lead, LAST))
    assert article.date == date


def test_a_ward_named_only_in_a_photo_caption_is_the_articles_ward() -> None:
    text = _text(
        "Sáng ngày 7/9/2025, Chi hội Phụ nữ ấp Bình Lợi phối hợp với Ban điều hành ấp trao quà "
        "cho hội viên có hoàn cảnh khó khăn trên địa bàn.",
        "Quang cảnh buổi trao quà tại ấp Bình Lợi, xã Tân Hiệp",
        "Dịp này có 30 phần quà được trao, mỗi phần gồm gạo, sữa và tiền mặt.",
    )
    article = parse_text(text)
    assert (article.ward, article.unit) == ("Tân Hiệp", "xã")


def test_a_caption_does_not_outweigh_the_ward_the_text_names() -> None:
    text = _text(
        "Sáng ngày 7/9/2025, Chi hội Phụ nữ xã Tân Hiệp trao quà cho hội viên có hoàn cảnh khó "
        "khăn trên địa bàn.",
        "Quang cảnh buổi trao quà tại nhà văn hóa xã Tân Bình",
        "Dịp này có 30 phần quà được trao, mỗi phần gồm gạo, sữa và tiền mặt.",
    )
    assert parse_text(text).ward == "Tân Hiệp"


P1 = (
    "Ngày 20/8, Hội Liên hiệp Phụ nữ thị trấn Long Hải ra mắt tổ hợp tác trồng nấm sạch với "
    "12 thành viên là hội viên phụ nữ trên địa bàn các khu phố."
)
P2 = (
    "Tổ hợp tác được hỗ trợ vốn vay ưu đãi và kỹ thuật trồng nấm, giúp các thành viên có thêm "
    "nguồn thu nhập ổn định và chung tay phát triển kinh tế địa phương."
)


@pytest.mark.parametrize(
    "lines",
    [
        ("Ra mắt tổ hợp tác trồng nấm sạch.", "Ra mắt tổ hợp tác trồng nấm sạch."),
        ("(Quang cảnh buổi ra mắt)",),
    ],
)
def test_captions_written_twice_or_in_parentheses_are_not_running_text(
    lines: tuple[str, ...],
) -> None:
    article = parse_text(_text(P1, *lines, P2))
    texts = [p.text for p in article.paragraphs if p.kind == "text"]
    assert texts == [P1, P2]


def test_a_person_in_parentheses_on_the_last_line_stays_the_byline() -> None:
    article = parse_text(_text(P1, P2, "(Thu Hằng)"))
    assert article.author == "Thu Hằng"


@pytest.mark.parametrize(
    "marker",
    [
        "Hình 2",
        "Hội LHPN thị trấn Long Hải ra mắt tổ hợp tác trồng nấm sạch- Ảnh 1.",
        "Hoi LHPN thi tran ra mat to hop tac .jpg",
    ],
)
def test_a_photo_number_alt_text_or_spaced_file_name_then_its_caption_leave_the_text(
    marker: str,
) -> None:
    caption = "Chủ tịch Hội LHPN thị trấn trao quyết định cho tổ hợp tác"
    article = parse_text(_text(P1, marker, caption, P2))
    texts = [p.text for p in article.paragraphs if p.kind == "text"]
    assert texts == [P1, P2]


def test_a_related_teaser_with_its_own_byline_after_the_articles_byline() -> None:
    teaser = (
        "Làm việc với Đảng ủy xã Hòa Bình chiều 15/7, lãnh đạo tỉnh yêu cầu địa phương sớm "
        "ổn định tổ chức bộ máy và chuẩn bị chu đáo cho đại hội sắp tới."
    )
    article = parse_text(_text(P1, P2, "Minh Thư", teaser, "Quốc Bảo - Lan Chi"))
    assert article.author == "Minh Thư"
    assert [p.text for p in article.paragraphs if p.kind == "text"] == [P1, P2]


def test_a_last_paragraph_after_a_name_line_without_a_second_byline_stays() -> None:
    article = parse_text(_text(P1, "Minh Thư", P2))
    assert P2 in [p.text for p in article.paragraphs]


def test_an_eth_written_for_d_with_stroke_reads_as_it() -> None:
    # Some pages write Ð (U+00D0, the Icelandic eth) for Đ: the ward is still Bình Đông.
    text = (
        "Nông dân xã Khánh Bình Ðông thu hoạch lúa\n\n"
        "Sáng 12/3/2024, Hội Nông dân xã Khánh Bình Ðông tổ chức ngày hội thu hoạch lúa "
        "trên cánh đồng lớn của ấp, thu hút đông ðảo bà con tham gia."
    )
    article = parse_text(text)
    assert article.ward == "Khánh Bình Đông"
    assert "Ð" not in article.title and "ð" not in article.body


def test_a_source_tag_with_an_ampersand_is_the_credit() -> None:
    text = (
        "TNMT&DL – Xã Tân Hòa, huyện Tân Châu, là xã vùng sâu, có nhiều hộ đồng bào dân tộc "
        "sinh sống. Năm 2024, xã vận động người dân hiến đất làm đường giao thông nông thôn.\n"
        "Nhờ đó, các tuyến đường liên ấp đã được bê tông hóa, đi lại thuận tiện hơn."
    )
    article = parse_text(text)
    assert article.credit == "TNMT&DL"
    assert not article.title.startswith("TNMT")


def test_a_sites_welcome_line_is_no_headline() -> None:
    text = (
        "CHÀO MỪNG CÁC BẠN ĐẾN VỚI TRANG THÔNG TIN ĐIỆN TỬ TRUNG TÂM VĂN HÓA THỂ THAO VÀ "
        "TRUYỀN THANH HUYỆN NAM GIANG\n"
        "Thị trấn Thạnh Mỹ khai mạc Đại hội Thể dục thể thao lần thứ VI\n"
        "Sáng 6/4/2024, UBND thị trấn Thạnh Mỹ tổ chức khai mạc Đại hội Thể dục thể thao lần "
        "thứ VI với sự tham gia của hơn 300 vận động viên đến từ các khối, thôn.\n"
        "Đại hội diễn ra trong 3 ngày với 7 môn thi đấu."
    )
    article = parse_text(text)
    assert article.title == "Thị trấn Thạnh Mỹ khai mạc Đại hội Thể dục thể thao lần thứ VI"
    assert "CHÀO MỪNG" not in article.body


@pytest.mark.parametrize("clock", ["Hôm nay:05/05/2024", "Hôm nay, thứ Hai, 12-3-2024"])
def test_a_sites_clock_is_neither_headline_nor_text(clock: str) -> None:
    text = (
        f"{clock}\n"
        "Thị trấn Thạnh Mỹ khai mạc Đại hội Thể dục thể thao lần thứ VI\n"
        "Sáng 6/4/2024, UBND thị trấn Thạnh Mỹ tổ chức khai mạc Đại hội Thể dục thể thao lần "
        "thứ VI với sự tham gia của hơn 300 vận động viên đến từ các khối, thôn.\n"
        "Đại hội diễn ra trong 3 ngày với 7 môn thi đấu."
    )
    article = parse_text(text)
    assert article.title == "Thị trấn Thạnh Mỹ khai mạc Đại hội Thể dục thể thao lần thứ VI"
    assert "Hôm nay" not in article.body
    assert article.date == "2024-04-06"
