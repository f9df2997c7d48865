"""The query language parser: words, phrases, exclusions, fields, malformed input."""

from __future__ import annotations

import pytest

from wardtui.search.query import QUERY_HELP, DateRange, parse_query, tokenize


def test_words_are_folded_and_keep_their_accents() -> None:
    query = parse_query("Dân VẬN khéo")
    assert [t.tokens for t in query.terms] == [("dan",), ("van",), ("kheo",)]
    assert [t.exact for t in query.terms] == [("dân",), ("vận",), ("khéo",)]
    assert all(t.accented for t in query.terms)
    assert not parse_query("dan van").terms[0].accented


def test_d_with_stroke_folds_to_d() -> None:
    term = parse_query("Đảng").terms[0]
    assert term.tokens == ("dang",)
    assert term.exact == ("đảng",)
    assert term.accented


def test_only_the_last_word_is_a_prefix_and_a_trailing_space_ends_it() -> None:
    assert [t.prefix for t in parse_query("dan van kh").terms] == [False, False, True]
    assert [t.prefix for t in parse_query("dan van kh ").terms] == [False, False, False]
    assert not parse_query("dan v").terms[-1].prefix  # one letter: matched whole
    assert not parse_query('"dan van"').terms[-1].prefix  # a closed phrase is complete
    assert parse_query('"dan va').terms[-1].prefix  # an unclosed phrase is being typed


def test_phrases() -> None:
    query = parse_query('"giải phóng mặt bằng" dan')
    assert query.terms[0].tokens == ("giai", "phong", "mat", "bang")
    assert query.terms[0].phrase
    assert query.terms[1].tokens == ("dan",)


def test_curly_quotes_make_phrases_too() -> None:
    assert parse_query("“dân vận khéo”").terms[0].tokens == ("dan", "van", "kheo")


def test_exclusions() -> None:
    query = parse_query('dang -covid -"tin cu" -ward:12 -year:2020 -is:bookmarked')
    assert [t.tokens for t in query.terms] == [("dang",)]
    assert [t.tokens for t in query.excluded] == [("covid",), ("tin", "cu")]
    assert [(f.name, f.negated) for f in query.filters] == [("ward", True), ("year", True)]
    assert query.bookmarked is False


def test_a_lone_minus_is_ignored() -> None:
    query = parse_query("dang - van")
    assert [t.tokens for t in query.terms] == [("dang",), ("van",)]
    assert not query.excluded


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ('ward:"mỹ long"', "ward", "my long"),
        ('ward:"my long"', "ward", "my long"),
        ("ward:12", "ward", "12"),
        ("WARD:Tây-Sơn", "ward", "tay son"),
        ("unit:xã", "unit", "xa"),
        ("unit:xa", "unit", "xa"),
        ('unit:"thị trấn"', "unit", "thi tran"),
        ("unit:phuong", "unit", "phuong"),
        ('author:"Thanh Tâm"', "author", "thanh tam"),
    ],
)
def test_text_fields(text: str, name: str, value: str) -> None:
    query = parse_query(text)
    assert [(f.name, f.value) for f in query.filters] == [(name, value)]
    assert not query.terms


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("year:2023", "2023", "2023"),
        ("year:2019..2021", "2019", "2021"),
        ("year:2020..", "2020", ""),
        ("date:2023-06", "2023-06", "2023-06"),
        ("date:2023-6-8", "2023-06-08", "2023-06-08"),
        ("date:28/06/2023", "2023-06-28", "2023-06-28"),
        ("date:06/2023", "2023-06", "2023-06"),
        ("date:2021..2023-06", "2021", "2023-06"),
        ("date:..2020", "", "2020"),
    ],
)
def test_date_fields(text: str, low: str, high: str) -> None:
    query = parse_query(text)
    assert query.filters[0].dates == DateRange(low, high)
    assert not query.hints


def test_reversed_ranges_are_swapped_with_a_hint() -> None:
    query = parse_query("date:2023..2021")
    assert query.filters[0].dates == DateRange("2021", "2023")
    assert query.hints == ["date:2023..2021 read as date:2021..2023"]


def test_a_year_span_with_a_dash_is_read_as_a_range() -> None:
    query = parse_query("year:2009-2019")
    assert query.filters[0].dates == DateRange("2009", "2019")
    assert query.hints


def test_date_range_contains() -> None:
    span = DateRange("2021", "2023-06")
    assert span.contains("2021-01-01") and span.contains("2023-06-30") and span.contains("2022")
    assert not span.contains("2023-07-01") and not span.contains("2020-12-31")
    assert not span.contains(None)
    assert not DateRange("2023-06", "2023-06").contains("2023")  # a year-only date


def test_in_and_is() -> None:
    query = parse_query("in:title in:ward is:bookmarked dang")
    assert query.fields == frozenset({"title", "ward"})
    assert query.bookmarked is True
    assert [t.tokens for t in query.terms] == [("dang",)]


@pytest.mark.parametrize(
    "text",
    ["ward:", "year:abc", "date:2023-13", "date:32/01/2020", "in:nowhere", "is:done",
     "unit:quan", "year:2023-06", "-in:title", "ward:***"],
)
def test_unusable_fields_are_ignored_with_a_hint(text: str) -> None:
    query = parse_query(text)
    assert not query.filters and query.fields is None and query.bookmarked is None
    assert query.hints


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("AND", [("and",)]),
        ("NOT :", [("not",)]),
        ("2009-2019", [("2009", "2019")]),
        ("[bold]", [("bold",)]),
        ("[@click=app.quit]", [("click", "app", "quit")]),
        ("foo:bar", [("foo", "bar")]),
        ("a OR b", [("a",), ("or",), ("b",)]),
        ('"', []),
        ("*", []),
        ("", []),
        ("   ", []),
        ("--", []),
        ('""', []),
    ],
)
def test_malformed_input_is_read_literally_or_ignored(text: str, tokens: list[tuple[str, ...]]
                                                      ) -> None:
    query = parse_query(text)
    assert [t.tokens for t in query.terms] == tokens


def test_symbols_only_get_a_hint() -> None:
    assert parse_query("*").hints == ["ignored '*': no letters or digits"]
    assert parse_query("dang *").hints


def test_multi_token_words_are_phrases() -> None:
    term = parse_query("2009-2019").terms[0]
    assert term.phrase and term.tokens == ("2009", "2019")


def test_tokenize_splits_like_the_full_text_index() -> None:
    assert tokenize("cu m'gar, ea_kao 2.000m") == ["cu", "m", "gar", "ea", "kao", "2", "000m"]


def test_help_text_mentions_every_field() -> None:
    for word in ("ward:", "unit:", "author:", "year:", "date:", "in:title", "in:body",
                 "is:bookmarked", '"', "-"):
        assert word in QUERY_HELP


def test_decomposed_input_is_composed_first() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "hưởng Đảng")
    query = parse_query(decomposed)
    assert [t.tokens for t in query.terms] == [("huong",), ("dang",)]
    assert [t.exact for t in query.terms] == [("hưởng",), ("đảng",)]
