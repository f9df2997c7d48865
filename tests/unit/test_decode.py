"""Decoding: bytes of any encoding met in the wild to clean NFC text, or ``Skipped``."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.corpus import Article, Skipped, parse_bytes, parse_text
from wardtui.corpus.decode import decode_bytes

# Vietnamese tone marks: cp1258 stores them as separate combining characters, while the vowel
# marks (â ă ê ô ơ ư) and đ are precomposed code points. A plain
# ``unicodedata.normalize("NFD", s).encode("cp1258")`` fails on ô/ă/ư (cp1258 has no combining
# circumflex, breve or horn), so only the tone marks are split off.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258(text: str) -> bytes:
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


TITLE = "Đảng ủy xã Ea Kao sơ kết công tác 6 tháng đầu năm 2023"
SAMPLE = "\n".join(
    (
        TITLE,
        "",
        "Sáng ngày 12/7/2023, Đảng ủy xã Ea Kao tổ chức hội nghị sơ kết công tác xây dựng Đảng, "
        "chính quyền 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm.",
        "",
        "Trong 6 tháng đầu năm, tình hình kinh tế - xã hội của xã tiếp tục ổn định; thu ngân "
        "sách đạt 65% dự toán; quốc phòng, an ninh được giữ vững.",
        "",
        "Phát biểu kết luận hội nghị, đồng chí Bí thư Đảng ủy xã đề nghị các chi bộ tập trung "
        "hoàn thành các chỉ tiêu Nghị quyết đã đề ra.",
        "",
        "Nguyễn Thị Hương",
    )
)

ENCODED = [
    ("utf-8", SAMPLE.encode("utf-8"), "utf-8"),
    ("utf-8-bom", b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", b"\xff\xfe" + SAMPLE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-bom", b"\xfe\xff" + SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ("utf-16-le-no-bom", SAMPLE.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-no-bom", SAMPLE.encode("utf-16-be"), "utf-16-be"),
    ("cp1258", to_cp1258(SAMPLE), "cp1258"),
]
_ENC_IDS = [e[0] for e in ENCODED]


@pytest.mark.parametrize("data", [e[1] for e in ENCODED], ids=_ENC_IDS)
def test_decoded_text_is_the_nfc_original(data: bytes) -> None:
    assert decode_bytes(data).text == SAMPLE


@pytest.mark.parametrize(("data", "name"), [e[1:] for e in ENCODED], ids=_ENC_IDS)
def test_encoding_name(data: bytes, name: str) -> None:
    assert decode_bytes(data).encoding == name


@pytest.mark.parametrize("data", [e[1] for e in ENCODED], ids=_ENC_IDS)
def test_clean_input_has_no_replacements(data: bytes) -> None:
    assert decode_bytes(data).replaced == 0


@pytest.mark.parametrize("data", [e[1] for e in ENCODED], ids=_ENC_IDS)
def test_parse_bytes_title_in_every_encoding(data: bytes) -> None:
    assert parse_bytes(data).title == TITLE


@pytest.mark.parametrize("data", [e[1] for e in ENCODED], ids=_ENC_IDS)
def test_parse_bytes_ward_in_every_encoding(data: bytes) -> None:
    assert parse_bytes(data).ward == "Ea Kao"


@pytest.mark.parametrize(("data", "name"), [e[1:] for e in ENCODED], ids=_ENC_IDS)
def test_parse_bytes_reports_encoding(data: bytes, name: str) -> None:
    assert parse_bytes(data).encoding == name


def test_cp1258_bytes_are_not_utf8() -> None:
    # guards the fixture itself: the cp1258 sample must really exercise the cp1258 path
    with pytest.raises(UnicodeDecodeError):
        to_cp1258(SAMPLE).decode("utf-8")


def test_nfd_utf8_becomes_nfc() -> None:
    data = unicodedata.normalize("NFD", SAMPLE).encode("utf-8")
    assert decode_bytes(data).text == SAMPLE


def test_nfd_utf16_becomes_nfc() -> None:
    data = b"\xff\xfe" + unicodedata.normalize("NFD", SAMPLE).encode("utf-16-le")
    assert decode_bytes(data).text == SAMPLE


def test_nfd_parse_text_title_is_nfc() -> None:
    assert parse_text(unicodedata.normalize("NFD", SAMPLE)).title == TITLE


# ------------------------------------------------------------------ invalid UTF-8

_GOOD = SAMPLE.encode("utf-8")
_CUT = _GOOD.index(b"\n") + 1
BROKEN = _GOOD[:_CUT] + b"\xff\xc3(\x80" + _GOOD[_CUT:]


def test_invalid_utf8_counts_replacements() -> None:
    assert decode_bytes(BROKEN).replaced >= 1


def test_invalid_utf8_keeps_the_rest_as_utf8() -> None:
    text = decode_bytes(BROKEN).text
    assert "Sáng ngày 12/7/2023, Đảng ủy xã Ea Kao tổ chức hội nghị sơ kết" in text


def test_invalid_utf8_keeps_the_title() -> None:
    assert decode_bytes(BROKEN).text.startswith(TITLE)


def test_invalid_utf8_still_parses() -> None:
    assert parse_bytes(BROKEN).ward == "Ea Kao"


# ------------------------------------------------------------- line ends, controls

LEAD = "Sáng ngày 12/7/2023, UBND phường Tân Lập tổ chức hội nghị đối thoại với Nhân dân."

CLEAN_CASES = [
    ("crlf", "Dòng một\r\nDòng hai\r\n\r\nDòng ba", "Dòng một\nDòng hai\n\nDòng ba"),
    ("cr", "Dòng một\rDòng hai\rDòng ba", "Dòng một\nDòng hai\nDòng ba"),
    ("tab-kept", "Cột một\tCột hai", "Cột một\tCột hai"),
    ("c0-removed", "Xin\x01 chào\x07 bà\x08 con\x0b!\x0c\x1f", "Xin chào bà con!"),
    ("del-removed", "Phường\x7f 12", "Phường 12"),
    ("c1-removed", "Tân\x80 Lập\x85\x9f", "Tân Lập"),
    ("csi-clear-screen", "\x1b[2JĐảng ủy phường", "Đảng ủy phường"),
    ("csi-colours", "\x1b[1;31mCảnh báo\x1b[0m mưa lũ", "Cảnh báo mưa lũ"),
    ("csi-cursor", "\x1b[H\x1b[10;20HXã Ea Kao", "Xã Ea Kao"),
    ("osc-bel", "\x1b]0;Tiêu đề cửa sổ\x07Nội dung bài", "Nội dung bài"),
    (
        "osc-st-hyperlink",
        "Xem \x1b]8;;https://example.vn/tin\x1b\\liên kết\x1b]8;;\x1b\\ này",
        "Xem liên kết này",
    ),
    ("esc-two-char", "\x1bcThị trấn Phước An", "Thị trấn Phước An"),
    (
        "rich-markup-kept",
        "[bold]Tin nổi bật[/bold] [red]xã Ea Kao[/]",
        "[bold]Tin nổi bật[/bold] [red]xã Ea Kao[/]",
    ),
]


@pytest.mark.parametrize(
    ("raw", "clean"), [c[1:] for c in CLEAN_CASES], ids=[c[0] for c in CLEAN_CASES]
)
def test_decode_cleans(raw: str, clean: str) -> None:
    data = f"{LEAD}\n{raw}\n{LEAD}".encode()
    assert decode_bytes(data).text == f"{LEAD}\n{clean}\n{LEAD}"


def test_escape_sequence_before_title_is_stripped() -> None:
    text = "\x1b[2J\x1b[H" + SAMPLE
    assert parse_text(text).title == TITLE


def test_osc_in_title_is_stripped() -> None:
    text = SAMPLE.replace("Đảng ủy xã Ea Kao sơ kết", "Đảng ủy xã Ea Kao\x1b]0;x\x07 sơ kết", 1)
    assert parse_text(text).title == TITLE


def test_control_chars_in_parse_bytes_paragraphs_are_stripped() -> None:
    text = SAMPLE.replace("thu ngân sách", "thu\x07 ngân\x1b[0m sách")
    art = parse_bytes(text.encode("utf-8"))
    assert not [p.text for p in art.paragraphs if "\x07" in p.text or "\x1b" in p.text]


# ------------------------------------------------------------------------ skipped

_RNG = random.Random(1258)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + _RNG.randbytes(4096)
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + _RNG.randbytes(4096)
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + _RNG.randbytes(4096)
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _RNG.randbytes(4096)

DECODE_SKIPPED = [
    ("empty", b""),
    ("png", PNG),
    ("elf", ELF),
    ("jpeg", JPEG),
    ("zip", ZIP),
]


@pytest.mark.parametrize("data", [c[1] for c in DECODE_SKIPPED], ids=[c[0] for c in DECODE_SKIPPED])
def test_decode_bytes_skips_empty_and_binary(data: bytes) -> None:
    with pytest.raises(Skipped):
        decode_bytes(data)


PARSE_SKIPPED = [
    *DECODE_SKIPPED,
    ("utf-8-bom-only", b"\xef\xbb\xbf"),
    ("utf-16-bom-only", b"\xff\xfe"),
    ("whitespace-only", b" \r\n\t\n  \r\n"),
    ("controls-only", b"\x1b[2J\x1b[H\x07\r\n"),
]


@pytest.mark.parametrize("data", [c[1] for c in PARSE_SKIPPED], ids=[c[0] for c in PARSE_SKIPPED])
def test_parse_bytes_skips_empty_and_binary(data: bytes) -> None:
    with pytest.raises(Skipped):
        parse_bytes(data)


def test_binary_skip_has_a_reason() -> None:
    with pytest.raises(Skipped) as info:
        decode_bytes(PNG)
    assert isinstance(info.value.reason, str) and info.value.reason


# --------------------------------------------------------------------- properties

_FUZZ = settings(max_examples=200, deadline=None, derandomize=True)


@_FUZZ
@given(st.binary(max_size=2048))
def test_any_bytes_give_article_or_skipped(data: bytes) -> None:
    try:
        art = parse_bytes(data)
    except Skipped:
        return
    assert isinstance(art, Article)


@_FUZZ
@given(
    st.text(max_size=600),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258"]),
)
def test_any_encoded_text_gives_article_or_skipped(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    try:
        art = parse_bytes(data)
    except Skipped:
        return
    assert isinstance(art, Article)


_LINES = [
    "TRANG CHỦ",
    "Giới thiệu",
    "Trang chủ > Tin tức > Hoạt động",
    "Ngày đăng 19/01/2021 | 15:18  |  Lượt xem: 117",
    "Phường 12 tổ chức Ngày hội Đại đoàn kết toàn dân tộc",
    "Sáng 12/7, Đảng ủy xã Ea Kao tổ chức hội nghị sơ kết 6 tháng đầu năm 2023.",
    "IMG20191004091522.jpg",
    "Quang cảnh Hội nghị.",
    "Tin, ảnh: Ngọc Lan",
    "Tin liên quan",
    "Trực tuyến: 145",
    "Bản quyền thuộc UBND phường Tân Lập",
    "\x1b[2J",
    "",
    "   ",
]


@_FUZZ
@given(st.lists(st.sampled_from(_LINES), max_size=30), st.sampled_from(["\n", "\r\n", "\r"]))
def test_genre_line_soup_gives_article_or_skipped(lines: list[str], newline: str) -> None:
    try:
        art = parse_text(newline.join(lines))
    except Skipped:
        return
    assert {p.kind for p in art.paragraphs} <= {"text", "caption", "image"}


def _is_clean(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text) and not [
        c for c in text if c not in "\n\t" and unicodedata.category(c) == "Cc"
    ]


@_FUZZ
@given(st.binary(max_size=1024))
def test_decoded_text_is_nfc_without_controls(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except Skipped:
        return
    assert _is_clean(decoded.text)


@_FUZZ
@given(st.text(max_size=400))
def test_decoded_utf8_text_is_nfc_without_controls(text: str) -> None:
    try:
        decoded = decode_bytes(text.encode("utf-8"))
    except Skipped:
        return
    assert _is_clean(decoded.text)


@_FUZZ
@given(st.binary(max_size=400), st.integers(min_value=0, max_value=60))
def test_control_bytes_are_counted_as_the_regex_counts_them(data: bytes, controls: int) -> None:
    # decode_bytes counts control bytes with bytes.translate; the count is the regex's.
    import re

    from wardtui.corpus.decode import _NOT_BINARY_CONTROLS

    data = data + bytes(range(0x0E, 0x0E + controls % 13)) * (controls // 13 + 1)
    expected = len(re.findall(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]", data))
    assert len(data.translate(None, _NOT_BINARY_CONTROLS)) == expected


def test_text_with_many_control_bytes_is_binary() -> None:
    text = "Xã Mỹ Long tổ chức hội nghị sơ kết công tác. ".encode() * 4
    with pytest.raises(Skipped, match="control bytes"):
        decode_bytes(text + b"\x01\x02\x03\x04\x05\x06\x0e\x0f\x10")
    assert decode_bytes(text + b"\x01\x02\x03").text.startswith("Xã Mỹ Long")
