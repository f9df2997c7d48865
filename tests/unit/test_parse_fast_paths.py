"""Faster forms of the parser's predicates give what the plain forms gave (issue 15).

Each test keeps the plain form (as first written) as the reference and compares on
arbitrary text and on text made of the words the predicate looks for.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.corpus import bylines, decode, furniture, widgets
from wardtui.vntext import fold, is_upper_text

_SETTINGS = settings(max_examples=300, deadline=None, derandomize=True)


def _words(vocabulary: str) -> st.SearchStrategy[str]:
    """Lines of the given words, odd characters and arbitrary snippets."""
    return st.lists(
        st.one_of(st.sampled_from(vocabulary.split()), st.text(max_size=4)), max_size=12
    ).map(" ".join)


_LINE_WORDS = (
    "Độ độ tương TƯƠNG phản PHẢN tuong phan Tương Phản cỡ chữ font size by Ảnh ảnh ẢNH 1 2 - – "
    "> » › | / Trang chủ Tin tức Hình Photo : Thanh Tâm 12 2023 Ea Kao 中文 ǅ ß İ K ſ Ảnh\u00a0"
)


def _reference_is_upper_text(text: str) -> bool:
    if text.isupper():
        return True
    if any(ch.islower() for ch in text):
        return False
    return any(ch.isalpha() for ch in text)


@_SETTINGS
@given(st.one_of(st.text(max_size=40), _words(_LINE_WORDS), _words(_LINE_WORDS).map(str.upper)))
def test_is_upper_text_matches_the_reference(text: str) -> None:
    assert is_upper_text(text) == _reference_is_upper_text(text)


_OLD_TOOL_RE = re.compile(
    r"^(?:font\s*size|cỡ\s*chữ)\s*:?.*$|^by\s+[A-Z][^.!?]{0,60}$|.*\btương\s+phản\b.*|"
    r"^(?:mới\s*-\s*nóng|mới\s+nhất|nóng)$|^(?:tiếng\s+việt|english|vi|en)(?:\s*\|\s*(?:tiếng\s+việt|"
    r"english|vi|en|中文|한국어|français))+$|^(?:nghe\s+(?:đọc|bài)|đọc\s+bài).{0,30}$",
    re.IGNORECASE,
)


@_SETTINGS
@given(st.one_of(st.text(max_size=40), _words(_LINE_WORDS)))
def test_tool_lines_match_the_single_regex(line: str) -> None:
    key = fold(line.strip(" :•·-–|"))
    expected = key in widgets._TOOLS or bool(_OLD_TOOL_RE.match(line))
    assert widgets.is_tool_key(key, line) == expected


def test_a_contrast_switch_is_a_tool() -> None:
    assert widgets.is_tool("Độ TƯƠNG PHẢN cao")
    assert widgets.is_tool("Chế độ tương  phản")
    assert not widgets.is_tool("Tương lai phản ánh")


def _reference_image_text(line: str) -> bool:
    """is_image_text as first written (the alt-text pattern searched in every line)."""
    if len(line) > 200:
        return False
    if widgets._ALT_IMAGE.search(line):
        return True
    if not line.isascii():
        return False
    words = line.split()
    if len(words) == 1:
        return (bool(widgets._SLUG_TOKEN.match(line)) and any(c.isdigit() for c in line)) or (
            "-" in line and line.islower()
        )
    hits = sum(1 for w in words if w.lower().strip(",.") in widgets._ASCII_WORDS)
    if len(words) >= 3 and hits >= 2 and hits * 3 >= len(words):
        return True
    return (
        len(words) == 2
        and any(c.isdigit() for c in line)
        and line[:1].isupper()
        and line[1:2].isdigit()
    )


@_SETTINGS
@given(st.one_of(st.text(max_size=40), _words(_LINE_WORDS)))
def test_image_text_prefilter_keeps_alt_text(line: str) -> None:
    assert widgets.is_image_text(line) == _reference_image_text(line)


def _reference_breadcrumb(line: str) -> list[str] | None:
    if len(line) > 300 or not any(sep in line for sep in (">", "»", "›", "|", "/")):
        return None
    return furniture.breadcrumb(line)


@_SETTINGS
@given(st.one_of(st.text(max_size=40), _words(_LINE_WORDS)))
def test_breadcrumb_separators_test_matches_the_reference(line: str) -> None:
    assert furniture.breadcrumb(line) == _reference_breadcrumb(line)


@_SETTINGS
@given(st.one_of(st.text(max_size=60), _words(_LINE_WORDS)))
def test_photo_credit_word_test_matches_the_reference(text: str) -> None:
    tail = text[-120:]
    expected = any(w in tail for w in ("Ảnh", "ẢNH", "Hình", "Photo"))
    assert furniture.credit_word_in(tail) == expected
    if furniture.PHOTO_CREDIT.search(text):  # the test never hides a credit from the search
        assert furniture.credit_word_in(text)


def _reference_is_caption(line: str, after_image: bool) -> bool:
    """is_caption as first written (the credit pattern searched in every line)."""
    spaces = line.count(" ")
    if not line or spaces >= 45:
        return False
    if furniture._CAPTION_CREDIT.search(line):
        return True
    if line.rstrip().endswith(":") or furniture._RUNNING_TEXT_START.match(line):
        return False
    if len(re.findall(r"[.!?](?:\s|$)", line.rstrip(".").rstrip())) > 0:
        return False
    if after_image and spaces < 40:
        return True
    return spaces < 35 and bool(furniture.CAPTION_START.match(line))


_CAPTION_WORDS = (
    "( ) ảnh Ảnh ẢNH ẢnH hình Hình HÌNH minh họa hoạ tư liệu nguồn : ： . Quang cảnh "
    "Toàn Đại biểu trao quà Qua đó, Thanh Tâm ſ K İ"
)


@_SETTINGS
@given(
    st.sampled_from(["", "(Hình: ", "HÌNH: ", "Ảnh：", "(ảnh minh họa) ", "Hình ảnh "]),
    st.one_of(st.text(max_size=40), _words(_CAPTION_WORDS)),
    st.sampled_from(["", " (Hình: A)", " (ẢNH: B).", ")"]),
    st.booleans(),
)
def test_is_caption_matches_the_reference(
    head: str, middle: str, tail: str, after_image: bool
) -> None:
    line = head + middle + tail
    assert furniture.is_caption(line, after_image=after_image) == _reference_is_caption(
        line, after_image
    )


def _reference_looks_like(name: Callable[[str], bool]) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        if any(ch.isdigit() for ch in text.strip()):
            return False
        return name(text)

    return check


@_SETTINGS
@given(st.one_of(st.text(max_size=30), _words(_LINE_WORDS)))
def test_name_digit_tests_match_the_reference(text: str) -> None:
    assert bylines.looks_like_name(text) == _reference_looks_like(bylines.looks_like_name)(text)
    assert furniture._looks_like_name(text) == _reference_looks_like(furniture._looks_like_name)(
        text
    )


def _reference_reads_as_vietnamese(text: str) -> bool:
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if len(letters) < 20:
        return False
    foreign = sum(1 for ch in letters if ch not in decode._VIETNAMESE_LETTERS)
    marked = sum(1 for ch in letters if not ch.isascii())
    return foreign <= len(letters) * 0.01 and marked >= len(letters) * 0.03


@_SETTINGS
@given(
    st.one_of(
        st.text(max_size=200),
        _words("Đảng ủy xã Mỹ Long tổ chức hội nghị sơ kết năm the and of İ ß Ω 中文").map(
            lambda s: s * 3
        ),
    )
)
def test_reads_as_vietnamese_matches_the_reference(text: str) -> None:
    assert decode.reads_as_vietnamese(text) == _reference_reads_as_vietnamese(text)


@_SETTINGS
@given(
    st.one_of(
        st.text(max_size=80),
        st.lists(
            st.sampled_from(
                [*"ab \u00a0\u2028\u2029\u1680\u3000\u2003\x1c\x85\t\n\r\x0b", "Đảng"]
            ),
            max_size=20,
        ).map("".join),
    )
)
def test_the_id_of_clean_text_is_the_id(text: str) -> None:
    from wardtui.corpus.clean import clean_text
    from wardtui.corpus.parse import _clean_article_id, article_id

    cleaned = clean_text(text)
    assert _clean_article_id(cleaned) == article_id(cleaned)


_BYLINE_WORDS = (
    "Theo Nguồn: Tin, ảnh: Thanh Tâm PV CTV UBND xã Mỹ Long http://a.vn/x HTTPS://B.VN "
    "www.c.vn WWW.D.COM (TX) - – & và Link gốc: báo Nhân Dân . , ; ſ K"
)


def _reference_parse_byline_length_test(line: str) -> bool:
    """The length test of parse_byline as first written: too long, or too many words."""
    text = line.strip().strip("*_ ").rstrip(".")
    return not text or len(bylines._URL.sub("", text)) > 120 or len(text.split()) > 14


@_SETTINGS
@given(st.one_of(st.text(max_size=60), _words(_BYLINE_WORDS), _words(_BYLINE_WORDS).map(str.upper)))
def test_the_byline_length_test_matches_the_reference(line: str) -> None:
    text = line.strip().strip("*_ ").rstrip(".")
    fast = not text or len(text.split()) > 14 or (
        len(text) > 120 and len(bylines._without_urls(text)) > 120
    )
    assert fast == _reference_parse_byline_length_test(line)
    assert bylines._without_urls(text) == bylines._URL.sub("", text)


@_SETTINGS
@given(st.one_of(st.text(max_size=60), _words("A. B! c? Đảng… “X ( a. (B . x")))
def test_a_sentence_break_is_found_as_split_finds_it(text: str) -> None:
    from wardtui.corpus.parse import _SENTENCE_SPLIT

    assert (_SENTENCE_SPLIT.search(text) is not None) == (len(_SENTENCE_SPLIT.split(text)) >= 2)


@_SETTINGS
@given(
    st.lists(
        st.tuples(st.text(max_size=40), st.sampled_from(["text", "caption", "image"])), max_size=8
    )
)
def test_word_count_counts_the_words_of_text_paragraphs(parts: list[tuple[str, str]]) -> None:
    from wardtui.corpus.model import Article, Paragraph

    paragraphs = tuple(Paragraph(text, kind) for text, kind in parts)  # type: ignore[arg-type]
    article = Article(id="x", title="t", paragraphs=paragraphs)
    assert article.words == sum(len(p.text.split()) for p in paragraphs if p.kind == "text")
