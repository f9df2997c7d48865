"""Title, category, author and paragraphs of synthetic articles in the ward-website genre."""

from __future__ import annotations

import pytest

from wardtui.corpus import Skipped, parse_text


def _text(*lines: str) -> str:
    return "\n".join(lines)


def _cf(value: str | None) -> str | None:
    return None if value is None else value.casefold()


TITLE = "Xã Ea Kao ra quân xây dựng nông thôn mới năm 2023"
BODY = (
    "Sáng ngày 14/4/2023, UBND xã Ea Kao tổ chức Lễ ra quân xây dựng nông thôn mới năm 2023.",
    "",
    "Tham gia buổi lễ có hơn 300 cán bộ, đoàn viên, hội viên và Nhân dân trên địa bàn xã.",
    "",
    "Dịp này, xã phát động phong trào làm đường giao thông, trồng cây xanh, vệ sinh môi trường "
    "tại các thôn, buôn.",
)
MENU = ("TRANG CHỦ", "Giới thiệu", "Tin tức", "Thủ tục hành chính", "Liên hệ")


# ---------------------------------------------------------------------------- title

TITLE_CASES = [
    ("plain", _text(TITLE, "", *BODY, "", "Ngọc Lan")),
    ("doubled-on-one-line", _text(f"{TITLE} {TITLE}", "", *BODY, "", "Ngọc Lan")),
    ("repeated-on-next-line", _text(TITLE, TITLE, "", *BODY, "", "Ngọc Lan")),
    ("all-caps-then-normal-case", _text(TITLE.upper(), "", TITLE, "", *BODY, "", "Ngọc Lan")),
    ("menu-before", _text(*MENU, "", TITLE, "", *BODY, "", "Ngọc Lan")),
    (
        "one-line-menu-before",
        _text("TRANG CHỦ | GIỚI THIỆU | TIN TỨC | LIÊN HỆ", "", TITLE, "", *BODY),
    ),
    ("breadcrumb-before", _text("Trang chủ > Tin tức > Hoạt động", "", TITLE, "", *BODY)),
    (
        "chuyen-muc-menu-block-before",
        _text(
            "CHUYÊN MỤC",
            "",
            "Thủ tục hành chính",
            "Hỏi đáp",
            "Lịch công tác",
            "",
            TITLE,
            "",
            *BODY,
        ),
    ),
    (
        "doubled-section-heading-before",
        _text("TIN TỨC - SỰ KIỆN TIN TỨC - SỰ KIỆN", "", TITLE, "", *BODY),
    ),
    ("stamp-after", _text(TITLE, "Ngày đăng 17/04/2023 | 09:12", "", *BODY)),
    ("weekday-line-before", _text("Thứ Hai, 17/04/2023 09:12", TITLE, "", *BODY)),
    ("blank-lines-and-spaces", _text("", "   ", f"   {TITLE}  ", "", *BODY)),
    ("crlf", "\r\n".join((TITLE, "", *BODY, "", "Ngọc Lan"))),
]


@pytest.mark.parametrize("text", [c[1] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES])
def test_title(text: str) -> None:
    assert parse_text(text).title == TITLE


NO_HEADLINE = _text(
    "Chiều 18/4/2023, Hội Liên hiệp Phụ nữ xã Ea Tu tổ chức hội thi “Phụ nữ khéo tay” với "
    "sự tham gia của 12 chi hội.",
    "Quang cảnh hội thi.",
    "Các đội thi đã mang đến nhiều sản phẩm thủ công đẹp mắt, được làm từ vật liệu tái chế.",
    "Kết thúc hội thi, Ban tổ chức trao 1 giải Nhất, 2 giải Nhì và 3 giải Ba cho các đội.",
    "Hà Vy",
)


def test_title_without_headline_is_the_lead_sentence() -> None:
    title = parse_text(NO_HEADLINE).title
    assert title.startswith("Chiều 18/4/2023, Hội Liên hiệp Phụ nữ xã Ea Tu tổ chức hội thi")


# ------------------------------------------------------------------------- category

CATEGORY_CASES = [
    (
        "doubled-heading",
        _text("TIN TỨC - SỰ KIỆN TIN TỨC - SỰ KIỆN", "", TITLE, "", *BODY),
        "tin tức - sự kiện",
    ),
    (
        "doubled-heading-cai-cach",
        _text("CẢI CÁCH HÀNH CHÍNH CẢI CÁCH HÀNH CHÍNH", "", TITLE, "", *BODY),
        "cải cách hành chính",
    ),
    (
        "chuyen-muc-label",
        _text(TITLE, "Chuyên mục: Văn hóa - Xã hội", "Ngày đăng 17/04/2023", "", *BODY),
        "văn hóa - xã hội",
    ),
    (
        "breadcrumb-three-crumbs",
        _text("Trang chủ > Tin tức > Hoạt động", "", TITLE, "", *BODY),
        "hoạt động",
    ),
    (
        "breadcrumb-two-crumbs",
        _text("Trang chủ > Tin tức", "", TITLE, "", *BODY),
        "tin tức",
    ),
    (
        "breadcrumb-guillemet",
        _text("Trang chủ » Tin tức sự kiện", "", TITLE, "", *BODY),
        "tin tức sự kiện",
    ),
    (
        "breadcrumb-four-crumbs",
        _text("Trang chủ > Tin tức > Đoàn thể > Hội Phụ nữ", "", TITLE, "", *BODY),
        "hội phụ nữ",
    ),
    ("menu-only-is-not-a-category", _text(*MENU, "", TITLE, "", *BODY), None),
    (
        "chuyen-muc-menu-block-is-not-a-category",
        _text("CHUYÊN MỤC", "", "Hỏi đáp", "Lịch công tác", "", TITLE, "", *BODY),
        None,
    ),
    ("none", _text(TITLE, "", *BODY, "", "Ngọc Lan"), None),
]


@pytest.mark.parametrize(
    ("text", "category"),
    [c[1:] for c in CATEGORY_CASES],
    ids=[c[0] for c in CATEGORY_CASES],
)
def test_category(text: str, category: str | None) -> None:
    assert _cf(parse_text(text).category) == category


# --------------------------------------------------------------------------- author

RELATED = (
    "Phường 7 ra quân Tháng Thanh niên năm 2023",
    "Xã Ea Tu tổ chức Lễ mừng lúa mới",
    "Hội nghị sơ kết công tác 6 tháng đầu năm",
)

AUTHOR_CASES = [
    ("plain-name", ("Ngọc Lan",), "Ngọc Lan"),
    ("tin-anh", ("Tin, ảnh: Ngọc Lan",), "Ngọc Lan"),
    ("tin-va-anh", ("Tin và ảnh: Minh Tâm",), "Minh Tâm"),
    ("bai-anh", ("Bài, ảnh: Hoàng Yến",), "Hoàng Yến"),
    ("tin", ("Tin: Minh Hà",), "Minh Hà"),
    ("tin-anh-pv", ("Tin, ảnh: PV",), "PV"),
    ("pv", ("PV",), "PV"),
    ("right-aligned-spaces", (" " * 60 + "Thanh Hương",), "Thanh Hương"),
    ("right-aligned-nbsp", ("\xa0 " * 30 + "Nhật Minh",), "Nhật Minh"),
    ("then-luot-xem", ("Đức Anh", "Lượt xem: 117"), "Đức Anh"),
    ("then-counters", ("Hoàng Bình", "Trực tuyến: 145", "Hôm nay: 1326"), "Hoàng Bình"),
    ("then-tin-lien-quan", ("Minh Khoa", "", "Tin liên quan", *RELATED), "Minh Khoa"),
    ("then-cac-tin-khac", ("Phương Thảo", "", "Các tin khác", *RELATED), "Phương Thảo"),
    (
        "then-bai-viet-lien-quan",
        ("Tin, ảnh: Quốc Việt", "", "Bài viết liên quan", *RELATED),
        "Quốc Việt",
    ),
    ("then-share-tools", ("Lan Hương", "", "Chia sẻ", "In bài viết"), "Lan Hương"),
    (
        "then-footer",
        (
            "Thu Trang",
            "",
            "Bản quyền thuộc Ủy ban nhân dân xã Ea Kao",
            "Cơ quan chủ quản: UBND thành phố Buôn Ma Thuột",
            "Địa chỉ: Thôn 3, xã Ea Kao, TP. Buôn Ma Thuột",
        ),
        "Thu Trang",
    ),
    (
        "then-related-and-counters",
        ("Ngọc Ánh", "", "Các tin khác", *RELATED, "", "Lượt xem: 56"),
        "Ngọc Ánh",
    ),
]

NO_AUTHOR_CASES = [
    ("no-byline", ()),
    ("related-list-only", ("", "Tin liên quan", *RELATED)),
    ("counters-only", ("Trực tuyến: 12", "Hôm nay: 345")),
    (
        "footer-only",
        (
            "",
            "Bản quyền thuộc Ủy ban nhân dân xã Ea Kao",
            "Địa chỉ: Thôn 3, xã Ea Kao, TP. Buôn Ma Thuột",
        ),
    ),
]


@pytest.mark.parametrize(
    ("tail", "author"),
    [c[1:] for c in AUTHOR_CASES],
    ids=[c[0] for c in AUTHOR_CASES],
)
def test_author(tail: tuple[str, ...], author: str) -> None:
    assert parse_text(_text(TITLE, "", *BODY, "", *tail)).author == author


@pytest.mark.parametrize(
    "tail", [c[1] for c in NO_AUTHOR_CASES], ids=[c[0] for c in NO_AUTHOR_CASES]
)
def test_no_author(tail: tuple[str, ...]) -> None:
    assert parse_text(_text(TITLE, "", *BODY, *tail)).author is None


# ----------------------------------------------------------------------- paragraphs

P1 = (
    "Sáng ngày 17/11/2023, tại khu phố 6, Ủy ban MTTQ phường Tân Lập tổ chức Ngày hội Đại đoàn "
    "kết toàn dân tộc năm 2023 (Địa chỉ: Số 12 đường Y Jút, phường Tân Lập)."
)
P2 = (
    "Năm 2023, Nhân dân khu phố 6 đã đóng góp hơn 150 triệu đồng, hàng nghìn ngày công để bê "
    "tông hóa 2 tuyến hẻm và lắp đặt 40 bóng đèn chiếu sáng."
)
P3 = (
    "Dịp này, Ủy ban MTTQ phường đã khen thưởng 5 hộ gia đình tiêu biểu trong phong trào “Toàn "
    "dân đoàn kết xây dựng đời sống văn hóa”."
)
CAPTION_AFTER_IMG = "Lãnh đạo phường trao quà cho các hộ gia đình có hoàn cảnh khó khăn."
CAPTION_AFTER_ZALO = "Các đại biểu dự Ngày hội tại khu phố 6."
RELATED_P = (
    "Phường Tân Lập ra quân tổng vệ sinh môi trường",
    "Hội nghị tiếp xúc cử tri trước kỳ họp thứ 7",
)

FULL_LINES = (
    *MENU,
    "",
    "Trang chủ > Tin tức > Hoạt động",
    "",
    "Phường Tân Lập tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    "Ngày đăng 18/11/2023 | 09:30  |  Lượt xem: 245",
    "Cỡ chữ:  A-  A  A+",
    "",
    P1,
    "",
    "IMG20231117083015.jpg",
    CAPTION_AFTER_IMG,
    "",
    P2,
    "",
    "z4891234567890_1a2b3c4d5e6f7a8b9c0d.jpg",
    CAPTION_AFTER_ZALO,
    "",
    P3,
    "",
    "Ngọc Lan",
    "",
    "Chia sẻ",
    "In bài viết",
    "",
    "Tin liên quan",
    *RELATED_P,
    "",
    "Trực tuyến: 38",
    "Hôm nay: 1204",
    "",
    "Bản quyền thuộc UBND phường Tân Lập",
    "Cơ quan chủ quản: UBND thành phố Buôn Ma Thuột",
    "Địa chỉ: 01 Y Jút, phường Tân Lập, TP. Buôn Ma Thuột",
)
FULL = _text(*FULL_LINES)

FURNITURE = [
    "TRANG CHỦ",
    "Giới thiệu",
    "Thủ tục hành chính",
    "Liên hệ",
    "Trang chủ",
    "Tin tức",
    "Ngày đăng",
    "Lượt xem",
    "Cỡ chữ",
    "Chia sẻ",
    "In bài viết",
    "Tin liên quan",
    *RELATED_P,
    "Trực tuyến",
    "Hôm nay:",
    "Bản quyền",
    "Cơ quan chủ quản",
    "Địa chỉ: 01 Y Jút",
    ".jpg",
    "Ngọc Lan",
]


@pytest.fixture(scope="module")
def full():
    return parse_text(FULL)


@pytest.mark.parametrize("needle", FURNITURE)
def test_furniture_not_in_paragraphs(full, needle: str) -> None:
    assert not [p.text for p in full.paragraphs if p.kind != "image" and needle in p.text]


@pytest.mark.parametrize("body", [P1, P2, P3], ids=["p1-with-inline-dia-chi", "p2", "p3"])
def test_body_paragraph_is_text(full, body: str) -> None:
    assert body in [p.text.strip() for p in full.paragraphs if p.kind == "text"]


def test_body_paragraphs_keep_their_order(full) -> None:
    texts = [p.text.strip() for p in full.paragraphs if p.kind == "text"]
    assert [t for t in texts if t in (P1, P2, P3)] == [P1, P2, P3]


@pytest.mark.parametrize(
    "caption", [CAPTION_AFTER_IMG, CAPTION_AFTER_ZALO], ids=["after-img", "after-zalo"]
)
def test_line_after_image_is_caption(full, caption: str) -> None:
    assert [p.kind for p in full.paragraphs if p.text.strip() == caption] == ["caption"]


def test_paragraph_kinds_are_known(full) -> None:
    assert {p.kind for p in full.paragraphs} <= {"text", "caption", "image"}


def test_paragraphs_is_a_tuple(full) -> None:
    assert isinstance(full.paragraphs, tuple)


def test_full_title(full) -> None:
    assert full.title == "Phường Tân Lập tổ chức Ngày hội Đại đoàn kết toàn dân tộc"


def test_full_author(full) -> None:
    assert full.author == "Ngọc Lan"


def test_full_category(full) -> None:
    assert full.category == "Hoạt động"


def test_full_date(full) -> None:
    assert full.date == "2023-11-18"


def test_full_ward(full) -> None:
    assert full.ward == "Tân Lập"


def test_crlf_leaves_no_carriage_return_in_paragraphs() -> None:
    art = parse_text("\r\n".join(FULL_LINES))
    assert not [p.text for p in art.paragraphs if "\r" in p.text]


def test_crlf_body_paragraph_is_text() -> None:
    art = parse_text("\r\n".join(FULL_LINES))
    assert P2 in [p.text.strip() for p in art.paragraphs if p.kind == "text"]


def _body_with(line: str) -> str:
    return _text(
        "Xã Ea Kao tổ chức Lễ tuyên dương học sinh giỏi",
        "",
        "Sáng ngày 20/8/2023, UBND xã Ea Kao tổ chức Lễ tuyên dương 120 học sinh giỏi năm học "
        "2022-2023.",
        line,
        "Buổi lễ nhằm động viên, khích lệ tinh thần học tập của các em học sinh trên địa bàn xã.",
        "",
        "Minh Tâm",
    )


CAPTION_CASES = [
    ("quang-canh-hoi-nghi", "Quang cảnh Hội nghị."),
    ("quang-canh-buoi-le", "Quang cảnh buổi lễ."),
    ("plain-caption", "Lãnh đạo xã trao giấy khen cho các em học sinh giỏi"),
]


@pytest.mark.parametrize("line", [c[1] for c in CAPTION_CASES], ids=[c[0] for c in CAPTION_CASES])
def test_photo_caption_kind(line: str) -> None:
    art = parse_text(_body_with(line))
    assert [p.kind for p in art.paragraphs if p.text.strip() == line] == ["caption"]


IMAGE_NAMES = [
    "IMG20191004091522.jpg",
    "z1234567890123_abcdef0123456789.jpg",
    "IMG_2023_0820.JPG",
    "anh-le-tuyen-duong.png",
]


@pytest.mark.parametrize("name", IMAGE_NAMES)
def test_image_file_name_is_never_text(name: str) -> None:
    art = parse_text(_body_with(name))
    assert not [p for p in art.paragraphs if p.kind != "image" and name in p.text]


def test_line_after_uppercase_jpg_is_caption() -> None:
    caption = "Đồng chí Chủ tịch UBND xã phát biểu tại buổi lễ."
    text = _body_with("IMG_2023_0820.JPG\n" + caption)
    kinds = [p.kind for p in parse_text(text).paragraphs if p.text.strip() == caption]
    assert kinds == ["caption"]


def test_rich_markup_kept_literally() -> None:
    line = "Chương trình có chủ đề [bold]“Sắc màu quê hương”[/bold] thu hút đông đảo người dân."
    art = parse_text(_body_with(line))
    assert [p.kind for p in art.paragraphs if p.text.strip() == line] == ["text"]


# -------------------------------------------------------------------------- skipped

SKIPPED_CASES = [
    ("empty", ""),
    ("whitespace", "   \n\n\t  \n\xa0\n"),
    ("menu-only", _text(*MENU)),
    (
        "furniture-only",
        _text(
            "Trang chủ > Tin tức",
            "Lượt xem: 12",
            "Chia sẻ",
            "In bài viết",
            "Trực tuyến: 8",
            "Hôm nay: 120",
            "Bản quyền thuộc UBND phường Tân Lập",
            "Địa chỉ: 01 Y Jút, phường Tân Lập",
        ),
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in SKIPPED_CASES], ids=[c[0] for c in SKIPPED_CASES])
def test_no_article_is_skipped(text: str) -> None:
    with pytest.raises(Skipped):
        parse_text(text)


def test_skipped_has_a_reason() -> None:
    with pytest.raises(Skipped) as info:
        parse_text(_text(*MENU))
    assert isinstance(info.value.reason, str) and info.value.reason


# ------------------------------------------------------------------------------- id

ARTICLE = _text(TITLE, "", *BODY, "", "Ngọc Lan")


def test_id_is_independent_of_source_path() -> None:
    a = parse_text(ARTICLE, source="a/b/one.txt")
    b = parse_text(ARTICLE, source="elsewhere/two.txt")
    assert a.id == b.id


def test_id_differs_for_different_text() -> None:
    other = ARTICLE.replace("300 cán bộ", "400 cán bộ")
    assert parse_text(ARTICLE).id != parse_text(other).id


def test_id_is_short_text() -> None:
    art_id = parse_text(ARTICLE).id
    assert isinstance(art_id, str) and 0 < len(art_id) <= 32


# --------------------------------------------------------------------------- credit

CREDIT_CASES = [
    ("theo", ("Theo Báo Nhân Dân",), None, "Báo Nhân Dân"),
    ("theo-in-parentheses", ("(Theo BTNO)",), None, "BTNO"),
    ("nguon", ("Nguồn: Báo Đắk Lắk",), None, "Báo Đắk Lắk"),
    ("person-then-nguon", ("Ngọc Lan", "Nguồn: UBND xã"), "Ngọc Lan", "UBND xã"),
    (
        "person-then-nguon-url",
        ("Đức Anh", "", "Nguồn Đài PT-TH: https://example.vn/bai-viet-123.htm"),
        "Đức Anh",
        "Đài PT-TH",
    ),
    ("tong-hop", ("T/h: Trung tâm Văn hóa xã Ea Kao",), None, "Trung tâm Văn hóa xã Ea Kao"),
    ("editorial-board-code", ("BBT-EK",), None, "BBT-EK"),
]


@pytest.mark.parametrize(
    ("tail", "author", "credit"),
    [c[1:] for c in CREDIT_CASES],
    ids=[c[0] for c in CREDIT_CASES],
)
def test_credit_is_not_an_author(tail: tuple[str, ...], author: str | None, credit: str) -> None:
    article = parse_text(_text(TITLE, "", *BODY, "", *tail))
    assert (article.author, article.credit) == (author, credit)


OFFICE_CASES = [
    ("office-alone", ("UBND xã Ea Kao",), "UBND xã Ea Kao"),
    ("office-after-author-label", ("Tác giả bài viết: Đoàn xã Ea Kao",), "Đoàn xã Ea Kao"),
]


@pytest.mark.parametrize(
    ("tail", "author"), [c[1:] for c in OFFICE_CASES], ids=[c[0] for c in OFFICE_CASES]
)
def test_an_office_signing_the_article_is_its_author(tail: tuple[str, ...], author: str) -> None:
    """The samples' rule: an office such as ``UBND phường Mỹ Long`` counts as the byline."""
    article = parse_text(_text(TITLE, "", *BODY, "", *tail))
    assert (article.author, article.credit) == (author, None)


LEAD_TAG_CASES = [
    ("paren-dash", "(QNO) - ", "QNO"),
    ("paren-en-dash", "(BTNO) – ", "BTNO"),
    ("paren-site", "(eakao.vn) – ", "eakao.vn"),
    ("paren-no-dash", "(GLO) ", "GLO"),
    ("bare-caps", "TPO - ", "TPO"),
    ("paren-two-words", "(LĐ online) - ", "LĐ online"),
]


@pytest.mark.parametrize(
    ("tag", "credit"), [c[1:] for c in LEAD_TAG_CASES], ids=[c[0] for c in LEAD_TAG_CASES]
)
def test_source_tag_before_the_lead_is_a_credit(tag: str, credit: str) -> None:
    lead = BODY[0]
    article = parse_text(_text(TITLE, "", tag + lead, "", *BODY[1:]))
    assert article.credit == credit
    assert article.paragraphs[0].text == lead
    assert article.title == TITLE


def test_source_tag_is_not_in_a_lead_title() -> None:
    article = parse_text(_text("(QNO) - " + BODY[0], "", *BODY[1:]))
    assert article.title == BODY[0]
    assert article.credit == "QNO"


PERSON_BYLINES = [
    ("all-caps", "MỸ LỆ", "MỸ LỆ"),
    ("ctv", "CTV Lâm Hà", "Lâm Hà"),
    ("tac-gia", "Tác giả: Nguyễn Thị Thu Trang", "Nguyễn Thị Thu Trang"),
    ("two-names-dash", "Hải Long - Lan Anh", "Hải Long - Lan Anh"),
    ("name-and-office", "Trần Văn Minh – MTTQ xã Ea Kao", "Trần Văn Minh"),
    ("name-with-parenthesis", "Huỳnh Điệp (TX. Ea Kao)", "Huỳnh Điệp (TX. Ea Kao)"),
    ("initial-dot", "N.MINH", "N.MINH"),
    ("initials-then-labelled", "NKV (tin, ảnh: Hồng Tươi & Ngọc Tuấn)", "Hồng Tươi & Ngọc Tuấn"),
]


@pytest.mark.parametrize(
    ("line", "author"), [c[1:] for c in PERSON_BYLINES], ids=[c[0] for c in PERSON_BYLINES]
)
def test_person_bylines(line: str, author: str) -> None:
    article = parse_text(_text(TITLE, "", *BODY, "", line))
    assert article.author == author
    assert not [p for p in article.paragraphs if line in p.text]


FOLLOWED_BY = [
    ("comment-form", ("Ý kiến bạn đọc", "Gửi bình luận")),
    ("reply-form", ("Trả lời", "Email của bạn sẽ không được hiển thị công khai.")),
    ("nguon-url", ("Nguồn: https://example.vn/bai-1.htm",)),
    ("loading", ("Loading...",)),
    ("related-with-dates", ("Tin cùng chủ đề", "XÃ EA TU TỔ CHỨC LỄ MỪNG LÚA MỚI", "18-11-2024 -")),
    ("tags", ("Từ khóa: nông thôn mới, Ea Kao",)),
    ("rating", ("Tổng số điểm của bài viết là: 5 trong 1 đánh giá", "Click để đánh giá bài viết")),
]


@pytest.mark.parametrize("tail", [c[1] for c in FOLLOWED_BY], ids=[c[0] for c in FOLLOWED_BY])
def test_byline_before_page_furniture(tail: tuple[str, ...]) -> None:
    article = parse_text(_text(TITLE, "", *BODY, "", "Ngọc Lan", *tail))
    assert article.author == "Ngọc Lan"
    body = article.body
    assert not [line for line in tail if line and line in body]


NOT_BYLINES = [
    ("truncated-word", "Ho"),
    ("caption", "Quang cảnh buổi lễ"),
    ("section", "Tin mới"),
    ("back-to-top", "Top"),
]


@pytest.mark.parametrize("line", [c[1] for c in NOT_BYLINES], ids=[c[0] for c in NOT_BYLINES])
def test_no_false_byline(line: str) -> None:
    assert parse_text(_text(TITLE, "", *BODY, "", line)).author is None
