"""A search may give its page before its total (``wait_total=False``, the app): the total
still being counted on another connection is finished by ``response.counting()`` (issue 15)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.search_hold import hold_counts

from wardtui.library import Library
from wardtui.search import SearchIndex, SearchStopped, Stop, search
from wardtui.search.fts import COUNT

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HANG_GUARD = 30.0  # seconds: a held count is let go after this even if never released


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    library = Library.open(tmp_path_factory.mktemp("cache") / "library.sqlite3")
    library.sync([SEEDS], workers=1)
    built = SearchIndex.build(library)
    yield built
    built.close()
    library.close()


@pytest.fixture
def held(index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Counts made on another connection wait until the event is set (a slow count)."""
    release = hold_counts(monkeypatch, HANG_GUARD)
    index.cache.items.clear()
    yield release
    release.set()


def _plain_count(index: SearchIndex, expression: str) -> int:
    with index.connection() as library:
        return int(library.conn.execute(COUNT, (expression,)).fetchone()[0])


def test_the_page_comes_before_its_total_then_the_total(index: SearchIndex,
                                                         held: threading.Event) -> None:
    response = search(index, "phuong", 1, wait_total=False)  # every result in titles
    assert response.counting is not None  # not waited for (held until released)
    assert response.results and response.state == "results"
    expected = _plain_count(index, '"phuong"')
    assert 1 <= response.total <= expected  # a lower bound meanwhile
    held.set()
    assert response.counting() == expected
    assert search(index, "phuong", 1, wait_total=False).counting is None  # counted: cached


def test_by_default_the_total_is_waited_for(index: SearchIndex, held: threading.Event) -> None:
    held.set()
    response = search(index, "phuong", 1)
    assert response.counting is None
    assert response.total == _plain_count(index, '"phuong"')


def test_a_total_found_with_the_page_is_given_at_once(index: SearchIndex,
                                                       held: threading.Event) -> None:
    response = search(index, "phuong xa", 50, wait_total=False)  # fewer in titles than asked:
    assert response.counting is None  # every match was found to rank them, no count needed
    assert response.total == len(response.results) > 0


def test_stopping_the_search_stops_its_count(index: SearchIndex, held: threading.Event) -> None:
    stop = Stop()
    response = search(index, "phuong", 1, wait_total=False, stop=stop)
    assert response.counting is not None
    stop.stop()  # a newer query came
    held.set()
    with pytest.raises(SearchStopped):
        response.counting()
