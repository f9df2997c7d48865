"""The search's fast paths give what the plain ones give: counts made on another connection,
a few articles looked up one by one in the bodies' index; a search stopped from another
thread ends at once (issue 15)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardtui.library import Library
from wardtui.search import SearchIndex, search
from wardtui.search.fts import PROBE_MAX, Fts, quote
from wardtui.search.index import Ahead
from wardtui.search.stop import SearchStopped, Stop, stopping

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    library = Library.open(tmp_path_factory.mktemp("cache") / "library.sqlite3")
    library.sync([SEEDS], workers=1)
    built = SearchIndex.build(library)
    yield built
    built.close()
    library.close()


@pytest.fixture(scope="module")
def words(index: SearchIndex) -> list[str]:
    with index.connection() as library:
        stamp = index.begin(library.conn)
        vocabulary = index.vocabulary(library.conn, stamp)
    return [w for w in vocabulary.words if w.isalpha()][:400]


@pytest.fixture(scope="module")
def rowids(index: SearchIndex) -> list[int]:
    with index.connection() as library:
        return sorted(index.all_rowids(library.conn))


def _plain_count(index: SearchIndex, expression: str) -> int:
    with index.connection() as library:
        row = library.conn.execute("SELECT count(*) FROM fts WHERE fts MATCH ?",
                                   (expression,)).fetchone()
    return int(row[0])


def test_a_count_made_on_another_connection_is_the_count(index: SearchIndex) -> None:
    expression = '"phuong" AND "dan"'
    expected = _plain_count(index, expression)
    assert expected > 0
    with index.connection() as library:
        stamp = index.begin(library.conn)
        fts = Fts(index, library.conn, [])
        assert fts.count_soon(expression, stamp)() == expected
        assert index.cache.get(("count", expression)) == expected  # the next keystroke
        assert fts.count(expression) == expected


def test_a_count_for_another_state_of_the_library_is_made_here(index: SearchIndex) -> None:
    expression = '"xa" OR "phuong"'
    with index.connection() as library:
        stamp = index.begin(library.conn)
        assert index.elsewhere(stamp + 1, "SELECT 1", ())() is None  # another state: not there
        assert index.elsewhere(stamp, "SELECT 1", ())() == (1,)
        fts = Fts(index, library.conn, [])
        assert fts.count_soon(expression, stamp + 1)() == _plain_count(index, expression)


def test_a_failing_count_elsewhere_fails_here_with_its_hint(index: SearchIndex) -> None:
    with index.connection() as library:
        stamp = index.begin(library.conn)
        hints: list[str] = []
        assert Fts(index, library.conn, hints).count_soon('"unclosed', stamp)() == 0
        assert hints and "failed" in hints[0]


def test_searches_give_the_total_counted_elsewhere(index: SearchIndex) -> None:
    response = search(index, "phuong", 1)  # every result in titles: only counted
    assert response.total == _plain_count(index, '"phuong"')
    assert response.total == search(index, "phuong", 1).total  # cached the second time


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), size=st.integers(min_value=0, max_value=PROBE_MAX + 8),
       shape=st.sampled_from(["word", "columns", "phrase", "prefix", "and"]))
def test_looking_up_a_few_articles_one_by_one_finds_the_same(
        index: SearchIndex, words: list[str], rowids: list[int], data: st.DataObject,
        size: int, shape: str) -> None:
    first, second = data.draw(st.sampled_from(words)), data.draw(st.sampled_from(words))
    expression = {"word": quote([first]), "columns": "{body}: " + quote([first]),
                  "phrase": quote([first, second]), "prefix": quote([first[:2]]) + "*",
                  "and": f"{quote([first])} AND {quote([second])}"}[shape]
    allowed = set(data.draw(st.lists(st.sampled_from(rowids), max_size=size)))
    allowed.add(max(rowids) + 7)  # an article that is not there
    with index.connection() as library:
        index.begin(library.conn)
        fts = Fts(index, library.conn, [])
        everything = fts.rowids(expression)
        index.cache.items.clear()
        assert fts.rowids(expression, allowed) == everything & allowed
        assert not fts.failed


@pytest.mark.parametrize("table", ["fts", "search_meta"])
def test_rowids_read_ahead_on_another_connection_are_the_rowids(index: SearchIndex,
                                                                  table: str) -> None:
    expression = '"phuong" OR "xa"'
    with index.connection() as library:
        stamp = index.begin(library.conn)
        plain = Fts(index, library.conn, []).rowids(expression, table=table)
        assert plain
        for seen in (stamp, stamp + 1):  # the same state: read there; another: read here
            index.cache.items.clear()
            fts = Fts(index, library.conn, [])
            fts.prefetch(expression, table, seen)
            assert fts._soon
            assert fts.rowids(expression, table=table) == plain
            assert not fts._soon  # taken
            fts.prefetch(expression, table, seen)  # cached now: nothing to read ahead
            assert not fts._soon


def test_a_failing_read_ahead_fails_here_with_its_hint(index: SearchIndex) -> None:
    with index.connection() as library:
        stamp = index.begin(library.conn)
        hints: list[str] = []
        fts = Fts(index, library.conn, hints)
        fts.prefetch('"unclosed', "fts", stamp)
        assert fts.rowids('"unclosed') == set() and fts.failed and hints


def _responses(index: SearchIndex, texts: list[str]) -> list[object]:
    index.cache.items.clear()
    out: list[object] = []
    for text in texts:
        for offset in (0, 3):
            response = search(index, text, 4, offset=offset)
            out.append((response.total, response.hints, response.results))
    return out


PREFIXES = ["ph", "phu", "phuong", "phuong x", "phuong xa", "ubnd xa", "dang bo",
            "tay sonn", '"ve sinh"', "hội nghị", "-xa phuong", "in:title phu", "year:2023 xa",
            "nguoi dan", "tong ket", "covidd", "ma", "kinh te xa hoi"]


def test_reading_ahead_elsewhere_changes_no_result(index: SearchIndex,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = SearchIndex.elsewhere

    def recording(self: SearchIndex, stamp: int, sql: str, args: tuple[Any, ...]
                  ) -> Ahead:
        asked.append(str(args[0]) if args else sql)
        return real(self, stamp, sql, args)

    monkeypatch.setattr(SearchIndex, "elsewhere", recording)
    ahead = _responses(index, PREFIXES)
    assert asked  # the read-ahead was used
    def nowhere(*_: object) -> Ahead:  # all read here
        ahead = Ahead()
        ahead.future.set_result(None)
        return ahead

    monkeypatch.setattr(SearchIndex, "elsewhere", nowhere)
    assert _responses(index, PREFIXES) == ahead


def test_every_body_match_is_read_ahead_while_the_ranking_sets_are_read(
        index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    real = SearchIndex.elsewhere

    def recording(self: SearchIndex, stamp: int, sql: str, args: tuple[Any, ...]
                  ) -> Ahead:
        if sql.startswith("SELECT group_concat(rowid)"):  # a set, not a count
            asked.append(sql.split(" FROM ")[1].split()[0] + " " + str(args[0]))
        return real(self, stamp, sql, args)

    monkeypatch.setattr(SearchIndex, "elsewhere", recording)
    index.cache.items.clear()
    response = search(index, "nguoi dan", 50)  # found in bodies: not every one in titles
    assert response.total > 0 and any(r.snippet for r in response.results)
    assert any(a.startswith("fts ") and "nguoi" in a for a in asked), asked
    assert any(a.startswith("search_meta {title ward}") for a in asked), asked


def test_a_read_ahead_that_breaks_raises_in_the_search_not_in_its_thread(
        index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object) -> None:
        raise RuntimeError("broken")

    monkeypatch.setattr(SearchIndex, "_one_row", broken)
    with pytest.raises(RuntimeError, match="broken"):
        index.elsewhere(0, "SELECT 1", ())()


def test_no_thread_stays_behind_a_search(index: SearchIndex) -> None:
    import threading

    before = set(threading.enumerate())
    index.cache.items.clear()
    search(index, "nguoi dan", 50)
    search(index, "phuong", 50)
    started = set(threading.enumerate()) - before
    for thread in started:
        thread.join(timeout=5)  # a read-ahead ends with its query; a pool would wait on
    assert not any(thread.is_alive() for thread in started)


def test_a_cancelled_read_ahead_stops_its_query(index: SearchIndex) -> None:
    import threading

    started = threading.Event()

    def hold() -> int:  # called once the endless query runs
        started.set()
        return 1

    with index.connection() as library:  # back to the pool first: the next one lent
        library.conn.create_function("hold", 0, hold)
        stamp = index.begin(library.conn)
    endless = ("SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT hold() UNION ALL"
               " SELECT x + 1 FROM c) SELECT x FROM c)")
    ahead = index.elsewhere(stamp, endless, ())
    assert started.wait(timeout=60)
    ahead.cancel()
    assert ahead.future.result(timeout=60) is None  # interrupted (it would never end)
    assert index.elsewhere(stamp, "SELECT 2", ())() == (2,)  # its connection serves again


def test_the_total_counted_in_advance_is_stopped_when_bodies_give_it(
        index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    cancelled: list[str] = []
    real = Ahead.cancel

    def recording(self: Ahead) -> None:
        cancelled.append("count")
        real(self)

    monkeypatch.setattr(Ahead, "cancel", recording)
    index.cache.items.clear()
    few = search(index, "nguoi dan", 50)  # not every word in 50 titles: the bodies count
    assert cancelled and few.total > 0
    cancelled.clear()
    index.cache.items.clear()
    many = search(index, "phuong", 1)  # every word in the titles of enough: counted
    assert not cancelled and many.total == _plain_count(index, '"phuong"')


_ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def _search_in_a_thread(index: SearchIndex, query: str, stop: Stop) -> tuple[Any, list[Any]]:
    import threading

    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append(search(index, query, 5, stop=stop))
        except BaseException as error:  # noqa: BLE001 - checked by the test
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_a_stopped_search_ends_at_once_and_its_connection_serves_the_next(
        index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stop.stop from another thread interrupts a query that would never end: the search
    raises SearchStopped (no answer, no hint), and the pooled connections serve the next
    search as before (issue 15: a newer query does not wait for a stale one)."""
    import threading

    expected = search(index, "dan van", 5)
    running = threading.Event()
    real = SearchIndex.begin

    def endless(self: SearchIndex, conn: Any) -> int:
        stamp = real(self, conn)
        running.set()
        conn.execute(_ENDLESS).fetchone()
        return stamp

    monkeypatch.setattr(SearchIndex, "begin", endless)
    stop = Stop()
    thread, outcome = _search_in_a_thread(index, "dan van", stop)
    assert running.wait(30)
    stop.stop()
    thread.join(30)
    assert not thread.is_alive(), "the endless query was not interrupted"
    assert len(outcome) == 1 and isinstance(outcome[0], SearchStopped)
    monkeypatch.setattr(SearchIndex, "begin", real)
    again = search(index, "dan van", 5)
    assert [r.id for r in again.results] == [r.id for r in expected.results]
    assert again.total == expected.total and again.hints == expected.hints == []


def test_an_interrupted_full_text_query_stops_the_search_without_a_hint(
        index: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    """An FTS5 query interrupted by the stop is not taken for a failed full-text search
    (whose hint says "titles only"): the search stops there."""
    stop = Stop()

    def stopped_then_asked(self: Fts, *args: Any, **kwargs: Any) -> set[int]:
        stop.stop()
        try:
            self.conn.execute(_ENDLESS).fetchone()
        except sqlite3.OperationalError as error:
            self._fail(error)
        raise AssertionError("the stopped query went on")

    monkeypatch.setattr(Fts, "rowids", stopped_then_asked)
    with pytest.raises(SearchStopped):
        search(index, "kheo dan", 5, stop=stop)


def test_stopping_a_search_stops_what_it_reads_ahead(index: SearchIndex) -> None:
    """A query read ahead for the search on another connection, in another thread, is
    interrupted with it, and raises SearchStopped where the search asks for its row."""
    stop = Stop()
    with pytest.raises(SearchStopped), stopping(stop), index.connection() as library:
        ahead = index.elsewhere(index.begin(library.conn), _ENDLESS, ())
        stop.stop()
        with pytest.raises(SearchStopped):
            ahead.future.result(timeout=30)
    assert search(index, "phuong", 1).total > 0  # the pool still serves


def test_a_search_not_stopped_is_not_touched_by_another_stop(index: SearchIndex) -> None:
    other = Stop()
    other.stop()
    response = search(index, "dan van", 5, stop=Stop())
    assert response.results and response.hints == []
    with pytest.raises(SearchStopped):
        search(index, "dan van", 5, stop=other)
