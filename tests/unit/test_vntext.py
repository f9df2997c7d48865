"""Vietnamese folding, collation and slugs (``wardtui.vntext``)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui import vntext
from wardtui.vntext import fold, slugify, sort_key, spelling_key

# -------------------------------------------------------------------------- fold

FOLD_CASES = [
    ("Đảng ủy Phường", "dang uy phuong"),
    ("Mỹ Long", "my long"),
    ("Mĩ Long", "mi long"),
    ("HỘI ĐỒNG NHÂN DÂN", "hoi dong nhan dan"),
    ("Hòa", "hoa"),
    ("Hoà", "hoa"),
    ("Thủy", "thuy"),
    ("Thuỷ", "thuy"),
    ("hương hưởng hướng", "huong huong huong"),
    ("Cư M'gar", "cu m'gar"),
    ("Ea Kao", "ea kao"),
    ("Phường 12", "phuong 12"),
    ("đ", "d"),
    ("Đ", "d"),
    ("Ăn Ân Ơn Ưng Ê", "an an on ung e"),
    ("Nguyễn Thị Ngọc Lan", "nguyen thi ngoc lan"),
    ("ộ ữ ậ ằ ẵ ặ ỷ", "o u a a a a y"),
    ("“Dân vận khéo” 2009-2019", "“dan van kheo” 2009-2019"),
]


@pytest.mark.parametrize(("text", "folded"), FOLD_CASES)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_accepts_nfd() -> None:
    assert fold(unicodedata.normalize("NFD", "Đảng bộ phường Mỹ Long")) == "dang bo phuong my long"


LENGTH_CASES = [
    "Đảng ủy phường Mỹ Long sơ kết 06 tháng đầu năm 2023",
    "HOẠT ĐỘNG CỦA HỘI ĐỒNG NHÂN DÂN",
    "Cư M'gar, Ea Kao, Đắk Lắk",
    "“Dân vận khéo” — 2009-2019\t\n",
    "Straße ﬁ ǅ",
    "İstanbul",
    "",
]


@pytest.mark.parametrize("text", LENGTH_CASES)
def test_fold_is_one_char_in_one_char_out(text: str) -> None:
    assert len(fold(text)) == len(text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200).map(lambda s: unicodedata.normalize("NFC", s)))
def test_fold_keeps_length_of_any_nfc_text(text: str) -> None:
    assert len(fold(text)) == len(text)


def _reference_fold(text: str) -> str:
    """:func:`fold` as first written: NFC, then one table lookup per character."""
    return unicodedata.normalize("NFC", text).translate(vntext._FOLD_TABLE)


def test_fast_fold_matches_the_table_for_every_character() -> None:
    # Every code point alone: the charmap fast path (and ``str.lower`` before it)
    # must give what the table gives, or fall back to the table.
    mismatches = [
        hex(cp) for cp in range(0x110000) if fold(chr(cp)) != _reference_fold(chr(cp))
    ]
    assert mismatches == []


# Text the fast path takes: its alphabet, the upper-case forms, and a few others.
_FOLD_ALPHABET = (
    vntext._FAST_ALPHABET
    + vntext._FAST_ALPHABET.upper()
    + "İΣσςΑКкǅǄﬁßẞ\u0301\u0323\u212a\u212b\u2126Ａｚ\U0001f490"
)


@settings(max_examples=500, deadline=None, derandomize=True)
@given(st.text(alphabet=_FOLD_ALPHABET, max_size=300))
def test_fast_fold_matches_the_reference_on_any_text(text: str) -> None:
    assert fold(text) == _reference_fold(text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_fold_matches_the_reference_on_arbitrary_text(text: str) -> None:
    assert fold(text) == _reference_fold(text)


# ---------------------------------------------------------------------- sort_key

SORT_CASES = [
    ("contract-example", ["Đông", "Dương", "Zô", "An"], ["An", "Dương", "Đông", "Zô"]),
    ("o-o-circumflex-o-horn", ["Ơn", "On", "Ôn"], ["On", "Ôn", "Ơn"]),
    ("u-u-horn-v", ["Ư", "V", "U"], ["U", "Ư", "V"]),
    ("a-breve-circumflex", ["Ba", "Âm", "Ăn", "An"], ["An", "Ăn", "Âm", "Ba"]),
    ("e-circumflex", ["Gò", "Ếch", "Em"], ["Em", "Ếch", "Gò"]),
    ("d-stroke-lowercase", ["đa", "e", "da"], ["da", "đa", "e"]),
    ("uong-vs-ương", ["Ương", "Uông"], ["Uông", "Ương"]),
    ("y-last", ["Yên", "Xuân", "Vĩnh"], ["Vĩnh", "Xuân", "Yên"]),
    ("case-insensitive", ["bình", "Cầu", "An"], ["An", "bình", "Cầu"]),
    ("tone-is-secondary-ma", ["Mả", "Ma"], ["Ma", "Mả"]),
    ("tone-is-secondary-hoa", ["Hòa", "Hoa"], ["Hoa", "Hòa"]),
    ("numbers-by-value", ["10", "2", "1"], ["1", "2", "10"]),
    (
        "numbered-wards",
        ["Phường 10", "Phường 2", "Phường 1", "Phường 12"],
        ["Phường 1", "Phường 2", "Phường 10", "Phường 12"],
    ),
    ("leading-zero-by-value", ["Phường 03", "Phường 2"], ["Phường 2", "Phường 03"]),
    (
        "ward-names",
        ["Tân Lập", "Ea Tu", "Đạt Hiếu", "An Lạc", "Buôn Hồ", "Cư Bao"],
        ["An Lạc", "Buôn Hồ", "Cư Bao", "Đạt Hiếu", "Ea Tu", "Tân Lập"],
    ),
]


@pytest.mark.parametrize(
    ("items", "expected"), [c[1:] for c in SORT_CASES], ids=[c[0] for c in SORT_CASES]
)
def test_sort_key_order(items: list[str], expected: list[str]) -> None:
    assert sorted(items, key=sort_key) == expected


# ----------------------------------------------------------------------- slugify

SLUG_CASES = [
    ("Đảng bộ phường Mỹ Long!", "dang-bo-phuong-my-long"),
    ("Phường 12", "phuong-12"),
    ("  Thị trấn   Phước An  ", "thi-tran-phuoc-an"),
    ("Hội nghị tổng kết 2009-2019", "hoi-nghi-tong-ket-2009-2019"),
    ("“Dân vận khéo”", "dan-van-kheo"),
    ("Xã Ea Kao, TP. Buôn Ma Thuột", "xa-ea-kao-tp-buon-ma-thuot"),
    ("HOẠT ĐỘNG CỦA HĐND", "hoat-dong-cua-hdnd"),
    ("Sơ kết 6 tháng -- đầu năm", "so-ket-6-thang-dau-nam"),
]


@pytest.mark.parametrize(("text", "slug"), SLUG_CASES)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


_VI_CHARS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "0123456789 .,;:!?-–—“”\"'()/"
)
_SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.text(alphabet=_VI_CHARS, min_size=1, max_size=80).filter(lambda s: any(map(str.isalnum, s)))
)
def test_slug_is_lowercase_ascii_words_joined_by_single_hyphens(text: str) -> None:
    assert _SLUG_RE.fullmatch(slugify(text))


def test_spelling_key_folds_tone_placement_only() -> None:
    assert spelling_key("Phường Thuỷ Châu") == spelling_key("phường  Thủy Châu")
    assert spelling_key("Hoà") == spelling_key("Hòa") == spelling_key(
        unicodedata.normalize("NFD", "hoà"))
    assert spelling_key("Hòa") != spelling_key("Hóa")  # another tone
    assert spelling_key("Mỹ") != spelling_key("Mĩ")  # another letter
    assert spelling_key("Hòa") != spelling_key("Hoa")
