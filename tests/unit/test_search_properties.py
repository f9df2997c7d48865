"""Property tests: any query string is safe — no exception, no SQL error, sane results."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardtui.library import Library
from wardtui.search import SearchIndex, highlight_spans, make_snippet, parse_query, search
from wardtui.search.highlight import patterns_of

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PIECES = [
    '"', "-", ":", "*", "(", ")", "^", "{", "}", "[bold]", "[@click=app.quit]", "AND", "OR",
    "NOT", "NEAR", "ward:", "ward:12", 'ward:"my long"', "unit:xa", "author:", "year:",
    "year:2023", "year:2023..2021", "date:", "date:2021..2023", "date:2023-13-45", "in:title",
    "in:body", "in:", "is:bookmarked", "-is:bookmarked", "2009-2019", "đảng", "Đảng", "dan",
    "van", "kheo", "tay", "sonn", "giải", "phóng", "mặt", "bằng", "hưởng", "x", "'", "\\", "%",
    "_", "\x00", "\u200b", "ǅ", "²", "١٢", "漢字", "e\u0301", " ", "  ", "\t", "\n", "..",
]

queries = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=8).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
)


@pytest.fixture(scope="module")
def index() -> Iterator[SearchIndex]:
    library = Library.in_memory()
    library.sync([SEEDS], workers=1)
    built = SearchIndex.build(library)
    yield built
    built.close()
    library.close()


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=queries, limit=st.integers(min_value=0, max_value=7))
def test_any_query_is_safe(index: SearchIndex, text: str, limit: int) -> None:
    response = search(index, text, limit, bookmarked={"bc897e88d8"})
    assert len(response.results) <= limit
    assert response.total >= len(response.results)
    assert not any("failed" in hint for hint in response.hints), response.hints
    assert len({r.id for r in response.results}) == len(response.results)
    scores = [r.score for r in response.results]
    assert scores == sorted(scores, reverse=True)
    for result in response.results:
        title = result.summary.title
        assert all(0 <= s < e <= len(title) for s, e in result.title_spans)
        if result.snippet is not None:
            assert "\n" not in result.snippet
            assert all(0 <= s < e <= len(result.snippet) for s, e in result.snippet_spans)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), query=queries)
def test_highlight_spans_are_ordered_slices(text: str, query: str) -> None:
    spans = highlight_spans(text, query)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in pairwise(spans))  # merged
    snippet = make_snippet(text, patterns_of(parse_query(query)))
    if snippet is not None:
        line, inside = snippet
        assert "\n" not in line
        assert all(0 <= s < e <= len(line) for s, e in inside)
