"""clean_text and strip_controls: nothing invisible or terminal-steering survives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.corpus import parse_text
from wardtui.corpus.clean import clean_text, safe_line, strip_controls

INVISIBLE = [
    ("arabic-letter-mark", "\u061c"),
    ("zero-width-space", "\u200b"),
    ("zero-width-non-joiner", "\u200c"),
    ("zero-width-joiner", "\u200d"),
    ("word-joiner", "\u2060"),
    ("invisible-times", "\u2062"),
    ("mongolian-vowel-separator", "\u180e"),
    ("soft-hyphen", "\xad"),
    ("tag-latin-a", "\U000e0041"),
    ("tag-cancel", "\U000e007f"),
    ("language-tag", "\U000e0001"),
    ("lrm", "\u200e"),
    ("rlo", "\u202e"),
    ("rli", "\u2067"),
    ("bom", "\ufeff"),
]


@pytest.mark.parametrize("char", [c[1] for c in INVISIBLE], ids=[c[0] for c in INVISIBLE])
def test_clean_text_removes_invisible_characters(char: str) -> None:
    assert clean_text(f"Phường{char} Mỹ{char}{char} Long") == "Phường Mỹ Long"


@pytest.mark.parametrize("char", [c[1] for c in INVISIBLE], ids=[c[0] for c in INVISIBLE])
def test_strip_controls_removes_invisible_characters(char: str) -> None:
    assert strip_controls(f"a{char}b") == "ab"


@pytest.mark.parametrize("char", [c[1] for c in INVISIBLE], ids=[c[0] for c in INVISIBLE])
def test_safe_line_removes_invisible_characters(char: str) -> None:
    assert safe_line(f"bad{char}name.txt") == "badname.txt"


def test_hidden_tag_text_does_not_reach_the_article() -> None:
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore me")
    text = (
        f"Xã Ea Kao ra quân{hidden} xây dựng nông thôn mới\n\n"
        "Sáng ngày 14/4/2023, UBND xã Ea Kao tổ chức Lễ ra quân xây dựng nông thôn mới "
        f"với hơn 300 cán bộ, đoàn viên, hội viên và Nhân dân.{hidden}\n"
    )
    article = parse_text(text)
    assert hidden not in article.title and hidden not in article.body
    assert article.title == "Xã Ea Kao ra quân xây dựng nông thôn mới"


def test_vietnamese_letters_and_spaces_are_kept() -> None:
    text = "Đảng ủy phường Mỹ Hương, ngày 28/06/2023: “Dân vận khéo” – 100%"
    assert clean_text(text) == text


def test_decoded_text_is_cleaned_once_on_its_way_to_the_parser(monkeypatch) -> None:
    # The sync decodes (which cleans) and hands the text to parse_text (which cleans
    # what it is given): the same text object is not cleaned a second time.
    from wardtui.corpus import clean
    from wardtui.corpus.decode import decode_bytes

    calls: list[str] = []
    real = clean._clean

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(clean, "_clean", counting)
    data = (
        "Xã Mỹ Long tổ chức hội nghị\r\n\r\nSáng 12/5/2023, Đảng ủy xã Mỹ Long tổ chức hội nghị"
        " sơ kết công tác sáu tháng đầu năm và bàn nhiệm vụ những tháng cuối năm."
    ).encode()
    decoded = decode_bytes(data)
    article = parse_text(decoded.text)
    assert len(calls) == 1
    assert article.title == "Xã Mỹ Long tổ chức hội nghị"
    # Another text (or a copy) is cleaned as usual.
    assert clean_text("a\r\nb") == "a\nb"
    assert len(calls) == 2


def _reference_clean(text: str) -> str:
    """clean_text as first written: every step always runs (three scans)."""
    import re
    import unicodedata

    from wardtui.corpus.legacy import fix_legacy

    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = fix_legacy(text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    text = strip_controls(text)
    return re.sub("[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)


_CLEAN_ALPHABET = (
    "aăâbdđeêiouươy ĐẢNGỦYxã phường\n\t\r.,0123456789"
    "µ¸¶·¹¨»¾¼½Æ©ÇËæçëîïñö÷øûüþ¡¢\xad"  # legacy marks
    "\x00\x07\x1b[31m\x9b\u200b\u202e\ufeff\U000e0041"  # controls and escapes
    "\u00a0\u2000\u2009\u202f\u3000"  # odd spaces
    "\u0301\u0300\u0323\u0302"  # combining marks (text that is not NFC)
    "tæ chøc héi nghÞ toå chöùc"  # TCVN3 and VNI words
)


_CLEAN_WORDS = st.sampled_from(
    "tæ chøc héi nghÞ toå chöùc hoäi nghò Đảng ủy xã phường \u00a0 \u200b \r\n".split(" ")
)


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(st.one_of(_CLEAN_WORDS, st.text(alphabet=_CLEAN_ALPHABET, max_size=12)), max_size=30)
    .map(" ".join)
)
def test_clean_text_matches_the_three_scan_reference(text: str) -> None:
    from wardtui.corpus.clean import _clean

    assert _clean(text) == _reference_clean(text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_clean_text_matches_the_reference_on_arbitrary_text(text: str) -> None:
    from wardtui.corpus.clean import _clean

    assert _clean(text) == _reference_clean(text)
