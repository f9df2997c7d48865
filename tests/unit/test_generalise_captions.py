"""Photo captions that read like text (issue 10), in fixtures written for this test: a
gallery after ``Một số hình ảnh:``, a caption written twice (alt text and caption), a
short line just before an image; none of them is running text, no sentence is lost."""

from __future__ import annotations

from wardtui.corpus import parse_text


def _text(*lines: str) -> str:
    return "\n".join(lines)


HEAD = "Thị trấn Tân Hòa tổ chức Ngày hội Đại đoàn kết toàn dân tộc"
LEAD = (
    "Sáng ngày 16/11/2024, Ủy ban MTTQ Việt Nam thị trấn Tân Hòa tổ chức Ngày hội Đại đoàn kết "
    "toàn dân tộc tại khu phố 3 với sự tham dự của đông đảo bà con nhân dân."
)
MIDDLE = (
    "Dịp này, Ban tổ chức đã trao 20 suất quà cho các hộ có hoàn cảnh khó khăn, mỗi suất quà trị "
    "giá 500 nghìn đồng, cùng nhiều phần thưởng cho các gia đình văn hóa tiêu biểu của khu phố."
)


def _kinds(article: object) -> dict[str, str]:
    return {p.text: p.kind for p in article.paragraphs}  # type: ignore[attr-defined]


def test_a_gallery_heading_goes_and_its_lines_are_captions() -> None:
    text = _text(
        HEAD,
        "",
        LEAD,
        "",
        MIDDLE,
        "",
        "Một số hình ảnh tại Ngày hội:",
        "",
        "Tiết mục văn nghệ chào mừng",
        "",
        "Lãnh đạo thị trấn trao quà cho các hộ khó khăn.",
        "",
        "Lễ thượng cờ",
        "",
        "Tin, ảnh: Minh Hằng",
    )
    article = parse_text(text)
    kinds = _kinds(article)
    assert "Một số hình ảnh" not in article.body
    assert kinds["Tiết mục văn nghệ chào mừng"] == "caption"
    assert kinds["Lãnh đạo thị trấn trao quà cho các hộ khó khăn."] == "caption"
    assert kinds["Lễ thượng cờ"] == "caption"
    assert kinds[LEAD] == "text" and kinds[MIDDLE] == "text"
    assert article.author == "Minh Hằng"


def test_a_gallery_ends_at_a_paragraph_of_the_article() -> None:
    text = _text(HEAD, "", LEAD, "", "Hình ảnh buổi lễ:", "", "Quang cảnh buổi lễ", "", MIDDLE)
    kinds = _kinds(parse_text(text))
    assert kinds["Quang cảnh buổi lễ"] == "caption"
    assert kinds[MIDDLE] == "text"


def test_a_caption_written_twice_is_one_caption() -> None:
    twice = "Trao quà cho các hộ khó khăn của khu phố 3"
    text = _text(HEAD, "", LEAD, "", twice, twice, "", MIDDLE)
    article = parse_text(text)
    captions = [p.text for p in article.paragraphs if p.kind == "caption"]
    assert captions == [twice]
    assert article.body.count(twice) == 1


def test_a_short_line_just_before_an_image_is_its_caption() -> None:
    text = _text(
        HEAD, "", LEAD, "", "Bà con khu phố 3 dự ngày hội", "ngay-hoi-khu-pho-3.jpg", "", MIDDLE
    )
    kinds = _kinds(parse_text(text))
    assert kinds["Bà con khu phố 3 dự ngày hội"] == "caption"


def test_a_sentence_ending_with_a_colon_is_not_a_gallery() -> None:
    intro = "Ban tổ chức đã trao các giải thưởng sau:"
    text = _text(HEAD, "", LEAD, "", intro, "", MIDDLE)
    assert intro in parse_text(text).body


def test_a_short_unstopped_line_between_two_paragraphs_is_a_caption() -> None:
    caption = "Đoàn viên thanh niên thu gom rác thải dọc tuyến đường liên xã"
    text = _text(HEAD, "", LEAD, "", caption, "", MIDDLE)
    kinds = _kinds(parse_text(text))
    assert kinds[caption] == "caption"
    assert kinds[LEAD] == "text" and kinds[MIDDLE] == "text"


def test_a_short_subheading_between_paragraphs_stays_text() -> None:
    subheading = "Xóm làng bình yên"
    text = _text(HEAD, "", LEAD, "", subheading, "", MIDDLE)
    assert _kinds(parse_text(text))[subheading] == "text"


def test_a_short_caption_with_a_full_stop_under_the_headline_is_not_the_title() -> None:
    headline = "Tân Hòa: 5/5 khu phố đạt chuẩn văn minh đô thị"
    text = _text(
        headline,
        "Nhà văn hóa khu phố 2 sau khi nâng cấp (Tân Hòa).",
        "Kết quả, đến cuối năm nay toàn thị trấn có 5/5 khu phố đạt chuẩn văn minh đô thị, "
        "vượt chỉ tiêu nghị quyết đề ra. Thị trấn Tân Hòa là đơn vị đầu tiên của huyện đạt kết "
        "quả này.",
    )
    assert parse_text(text).title == headline


def test_a_short_line_ending_with_its_place_in_parentheses_is_a_caption() -> None:
    caption = "Nhà văn hóa khu phố 2 sau khi nâng cấp (Tân Hòa)."
    text = _text(HEAD, "", LEAD, "", caption, "", MIDDLE)
    assert _kinds(parse_text(text))[caption] == "caption"
