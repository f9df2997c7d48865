"""Byline forms met on new real pages (issue 10), in fixtures written for this test:
a label with a space before its colon, ``Thực hiện:``, ``Tin X – Ảnh Y`` without colons,
people's names above their office's line, names joined by an unspaced dash; and two
lines that are not bylines: a related-video heading and a cut-off sentence."""

from __future__ import annotations

import pytest

from wardtui.corpus import parse_text
from wardtui.corpus.bylines import parse_byline


def _text(*lines: str) -> str:
    return "\n".join(lines)


HEAD = "Xã Hòa Định ra quân làm đường giao thông nông thôn"
LEAD = (
    "Sáng ngày 9/3/2024, UBND xã Hòa Định phối hợp với các đoàn thể ra quân làm đường giao "
    "thông nông thôn tại thôn Đông Bình với sự tham gia của hơn 200 người dân."
)
LAST = "Dự kiến tuyến đường sẽ hoàn thành và đưa vào sử dụng trước mùa mưa năm nay."


@pytest.mark.parametrize(
    ("line", "author"),
    [
        (
            "Tin và ảnh : LÊ THỊ HOA ( Hội Nông dân xã Hòa Định)",
            "LÊ THỊ HOA ( Hội Nông dân xã Hòa Định)",
        ),
        ("Tin, ảnh: Trần Minh (Đoàn xã", "Trần Minh (Đoàn xã)"),
        ("Thực hiện: B.Ngọc-T.Hà", "B.Ngọc-T.Hà"),
        ("Tin Lan Phương – Ảnh Đỗ Văn Tài", "Lan Phương"),
        ("Bài Minh Châu - Ảnh: Quốc Việt", "Minh Châu"),
        ("Kim Oanh- Văn Lực", "Kim Oanh- Văn Lực"),
        ("Tác giả: quantrihoadinh quantrihoadinh", "quantrihoadinh quantrihoadinh"),
    ],
)
def test_byline_forms(line: str, author: str) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.author == author


@pytest.mark.parametrize(
    "line",
    [
        "Ông Trần Văn Bình - Chủ tịch UBN",
        "Bà Lê Thị Hoa - Phó Chủ tịch",
        "Đồng chí Nguyễn Văn Sơn",
    ],
)
def test_a_named_person_with_an_honorific_is_not_a_byline(line: str) -> None:
    byline = parse_byline(line)
    assert byline is None or byline.author is None


def test_names_above_their_office_line_sign_the_article() -> None:
    text = _text(
        HEAD, "", LEAD, "", LAST, "", "Kim Oanh- Văn Lực", "", "Trung tâm VH-TT xã Hòa Định"
    )
    article = parse_text(text)
    assert article.author == "Kim Oanh- Văn Lực"
    assert "Kim Oanh" not in article.body and "Trung tâm VH-TT" not in article.body


def test_an_office_signing_alone_is_still_the_author() -> None:
    article = parse_text(_text(HEAD, "", LEAD, "", LAST, "", "Trung tâm VH-TT xã Hòa Định"))
    assert article.author == "Trung tâm VH-TT xã Hòa Định"


def test_a_cut_off_last_sentence_is_no_byline() -> None:
    text = _text(
        HEAD,
        "",
        LEAD,
        "",
        "Ông Trần Văn Bình - Chủ tịch UBND xã Hòa Định cho biết: tuyến đường dài 1,2 km.",
        "",
        "Ông Trần Văn Bình - Chủ tịch UBN",
    )
    assert parse_text(text).author is None


def test_a_related_video_heading_is_no_byline() -> None:
    assert parse_text(_text(HEAD, "", LEAD, "", LAST, "", "VIDEO LIÊN QUAN")).author is None


def test_an_account_without_the_author_label_is_no_author() -> None:
    byline = parse_byline("quantrihoadinh")
    assert byline is None or byline.author is None
