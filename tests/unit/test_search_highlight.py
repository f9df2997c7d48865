"""What is highlighted for a query (issue 12 item 7): what matched, not every look-alike."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.search import article_spans, highlight_spans

TITLE = "Trao Huy hiệu Đảng và tặng quà cho đảng viên phường Tây Sơn"
BODY = [
    "Sáng 12/3, Đảng ủy phường tổ chức lễ trao Huy hiệu Đảng cho các đảng viên lão thành.",
    "Dịp này, phường cũng tặng quà cho các gia đình chính sách.",
]


def marked(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_a_word_found_as_typed_is_not_matched_with_a_typo() -> None:
    assert "tặng" not in marked(TITLE, highlight_spans(TITLE, "huy hieu dang", fuzzy=True))
    title, paragraphs = article_spans(TITLE, BODY, "huy hieu dang")
    assert marked(TITLE, title) == ["Huy hiệu Đảng"]
    assert marked(BODY[0], paragraphs[0]) == ["Huy hiệu Đảng"]
    assert paragraphs[1] == []  # tặng: a typo away from dang, not what matched
    title, _ = article_spans(TITLE, BODY, "dang")
    assert marked(TITLE, title) == ["Đảng", "đảng"]


def test_a_typo_is_still_highlighted_where_it_matched() -> None:
    title, _ = article_spans(TITLE, BODY, "tay sonn")
    assert marked(TITLE, title) == ["Tây", "Sơn"]
    title, _ = article_spans(TITLE, BODY, "tay sonn", fuzzy=False)
    assert marked(TITLE, title) == ["Tây"]


def test_the_phrase_not_every_word_of_it() -> None:
    title = "Phường 12 tổng kết phong trào Dân vận khéo"
    body = ["Dân vận khéo là phong trào thi đua của cả hệ thống chính trị.",
            "Người dân phấn khởi; văn bản hướng dẫn công tác vận động được ban hành.",
            None]
    spans_title, spans = article_spans(title, body, "dan van kheo")
    assert marked(title, spans_title) == ["Dân vận khéo"]
    assert marked(body[0] or "", spans[0]) == ["Dân vận khéo"]
    assert spans[1] == [] and spans[2] == []


def test_words_near_each_other_when_there_is_no_phrase() -> None:
    body = ["Hội nghị của Đảng bộ phường Tây Sơn diễn ra sáng nay.",
            "Chiều cùng ngày, hội phụ nữ họp mặt thành viên mới trong không khí vui tươi.",
            "Xã Tân Phú cũng tổ chức hội nghị."]
    _, spans = article_spans("Tin tức", body, "tay son hoi nghi")
    assert marked(body[0], spans[0]) == ["Hội", "nghị", "Tây", "Sơn"]
    assert spans[1] == []  # "hội" alone, far from the other words
    assert marked(body[2], spans[2]) == ["hội", "nghị"]  # two of the words, together


def test_words_far_apart_everywhere_are_each_highlighted() -> None:
    body = ["Phường triển khai tiêm vắc xin phòng covid cho người dân.",
            "Đảng ủy phường chỉ đạo sát sao."]
    _, spans = article_spans("Tin tức", body, "covid dang")
    assert marked(body[0], spans[0]) == ["covid"]
    assert marked(body[1], spans[1]) == ["Đảng"]


def test_one_word_is_highlighted_wherever_it_stands() -> None:
    text = "Dân vận khéo; người dân; dân chủ."
    assert marked(text, highlight_spans(text, "dan")) == ["Dân", "dân", "dân"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=4), st.text(max_size=20))
def test_article_spans_are_ordered_slices(paragraphs: list[str], query: str) -> None:
    title, spans = article_spans("Tiêu đề", paragraphs, query)
    assert len(spans) == len(paragraphs)
    for text, found in [("Tiêu đề", title), *zip(paragraphs, spans, strict=True)]:
        assert all(0 <= s < e <= len(text) for s, e in found)
        assert found == sorted(found)
        assert all(a[1] < b[0] for a, b in pairwise(found))


def test_fast_fold_is_fold_for_every_character() -> None:
    import unicodedata

    from wardtui.search.highlight import fast_fold
    from wardtui.vntext import fold

    every = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    stable = [ch for ch in every if unicodedata.is_normalized("NFC", ch)]
    assert [fast_fold(ch) for ch in stable] == [fold(ch) for ch in stable]


_MIXED = "ĐđẢảỦủƯưƠơÂâĂăÊêÔô\u0301\u0323\u0300xyzAZ \n.,ΣσςİßẞＡｚ\u212a\U0001f490"


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=_MIXED, max_size=200))
def test_fast_fold_keeps_every_offset_and_folds_like_the_table(text: str) -> None:
    """Folded by ``fold`` (NFC text) or by the table (other text): the same length, the
    same characters as one table lookup per character."""
    from wardtui.search.highlight import _fold_table, fast_fold

    folded = fast_fold(text)
    assert len(folded) == len(text)
    assert folded == text.translate(_fold_table())


_WORDS = ["hoi", "nghi", "tong", "ket", "hoa", "ng", "k", "tay", "son"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["Hội", "nghị", "tổng", "kết", "Tây", "Sơn", "hòa", "ngh",
                                 "kết-nối", "_", " ", ", ", "\n"]), max_size=30),
       st.lists(st.tuples(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3),
                          st.booleans()), max_size=6))
def test_find_spans_finds_what_each_pattern_finds(pieces: list[str],
                                                  shapes: list[tuple[list[str], bool]]) -> None:
    """Every match of every pattern, merged (patterns whose first word is absent skipped)."""
    from wardtui.search.highlight import Pattern, _regex, fast_fold, find_spans, merge_spans

    text = "".join(pieces)
    patterns = [Pattern(tuple(tokens), prefix) for tokens, prefix in shapes]
    folded = fast_fold(text)
    expected = merge_spans(m.span() for p in set(patterns) for m in _regex((p,)).finditer(folded))
    assert find_spans(text, patterns) == (expected if text and patterns else [])
