"""``is:unread`` and ``is:read`` in the query language and the search (issue 12, item 12)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.unit.test_search_engine import FIXTURES, ids, write_fixtures

from wardtui.library import Library
from wardtui.search import SearchIndex, parse_query, search


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = write_fixtures(tmp_path_factory.mktemp("fixtures"))
    library = Library.in_memory()
    library.sync([folder], workers=1)
    index = SearchIndex.build(library)
    yield index
    index.close()
    library.close()


def id_of(index: SearchIndex, name: str) -> str:
    return next(a.id for a in index.library.all_summaries() if Path(a.source).stem == name)


@pytest.mark.parametrize(("text", "expected"), [
    ("is:unread", False), ("is:read", True), ("-is:unread", True), ("-is:read", False),
    ("IS:UNREAD", False), ("is:read dang", True),
])
def test_is_read_and_unread_parse(text: str, expected: bool) -> None:
    query = parse_query(text)
    assert query.read is expected
    assert not query.hints
    assert not query.empty


def test_a_word_is_cannot_take_names_the_read_values_in_its_hint() -> None:
    query = parse_query("is:whatever")
    assert query.read is None and query.empty
    assert any("is:unread" in hint for hint in query.hints)


def test_is_unread_leaves_out_what_was_read(fixtures: SearchIndex) -> None:
    read = {id_of(fixtures, "danvan"), id_of(fixtures, "covid"), "gone0000"}
    unread = set(FIXTURES) - {"danvan", "covid"}
    assert set(ids(search(fixtures, "is:unread", 100, read=read))) == unread
    assert set(ids(search(fixtures, "is:read", 100, read=lambda: read))) == {"danvan", "covid"}
    assert set(ids(search(fixtures, "-is:unread", 100, read=read))) == {"danvan", "covid"}
    assert "danvan" not in ids(search(fixtures, "is:unread phong", read=read))
    assert ids(search(fixtures, "is:read phong", read=read)) == ["covid", "danvan"]


def test_read_and_bookmarked_filters_combine(fixtures: SearchIndex) -> None:
    read = {id_of(fixtures, "danvan")}
    marked = {id_of(fixtures, "danvan"), id_of(fixtures, "covid")}
    response = search(fixtures, "is:bookmarked is:unread", read=read, bookmarked=marked)
    assert ids(response) == ["covid"]


def test_the_read_marks_are_read_only_when_asked(fixtures: SearchIndex) -> None:
    calls: list[int] = []

    def read() -> set[str]:
        calls.append(1)
        return set()

    search(fixtures, "dang is:bookmarked", bookmarked=set(), read=read)
    assert calls == []
    assert len(ids(search(fixtures, "is:unread", 100, read=read))) == len(FIXTURES)
    assert calls == [1]


def test_without_read_marks_is_read_finds_nothing_and_says_why(fixtures: SearchIndex) -> None:
    response = search(fixtures, "is:read")
    assert response.results == [] and any("read marks" in h for h in response.hints)
    assert len(ids(search(fixtures, "is:unread", 100))) == len(FIXTURES)
