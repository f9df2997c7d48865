"""The reading history (issue 12, item 13): back and forward like a browser's, capped,
kept across restarts, and following an article whose id changed."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import SEEDS

from wardtui.library import ArticleSummary, Library
from wardtui.userdata import BookmarkStore, History, HistoryCursor, HistoryEntry

MY_LONG = "4bc50b54b5"  # seed 001


def summary(article_id: str) -> ArticleSummary:
    return ArticleSummary(article_id, f"Bài {article_id}", "Mỹ Long", "phường", "2023-06-28",
                          None, None, f"/corpus/{article_id}.txt", 10)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore.open(tmp_path / "data.sqlite3") as opened:
        yield opened


def opened(cursor: HistoryCursor, *names: str) -> None:
    for name in names:
        cursor.visit(summary(name))


def ids(entries: list[HistoryEntry]) -> list[str]:
    return [e.id for e in entries]


def test_visits_are_kept_in_order(store: BookmarkStore) -> None:
    cursor = HistoryCursor(store.history)
    opened(cursor, "a", "b", "c")
    assert ids(store.history.entries()) == ["a", "b", "c"]
    assert ids(store.history.entries(limit=2)) == ["b", "c"]
    entry = store.history.latest()
    assert entry is not None and entry == cursor.at
    assert (entry.id, entry.title, entry.source) == ("c", "Bài c", "/corpus/c.txt")


def test_the_same_article_again_is_one_entry(store: BookmarkStore) -> None:
    cursor = HistoryCursor(store.history)
    opened(cursor, "a", "a", "b", "b", "a")
    assert ids(store.history.entries()) == ["a", "b", "a"]


def test_back_and_forward(store: BookmarkStore) -> None:
    cursor = HistoryCursor(store.history)
    opened(cursor, "a", "b", "c")
    assert cursor.forward() is None  # at the end
    assert cursor.back().id == "b"  # type: ignore[union-attr]
    assert cursor.back().id == "a"  # type: ignore[union-attr]
    assert cursor.back() is None  # at the start: stays put
    assert cursor.at is not None and cursor.at.id == "a"
    assert cursor.forward().id == "b"  # type: ignore[union-attr]
    assert cursor.forward().id == "c"  # type: ignore[union-attr]
    assert cursor.forward() is None
    assert len(store.history) == 3  # moving adds nothing


def test_opening_after_going_back_drops_the_forward_part(store: BookmarkStore) -> None:
    cursor = HistoryCursor(store.history)
    opened(cursor, "a", "b", "c")
    cursor.back()
    cursor.back()  # on a
    opened(cursor, "d")
    assert cursor.forward() is None  # c is no longer ahead
    assert cursor.back().id == "a"  # type: ignore[union-attr]
    assert cursor.forward().id == "d"  # type: ignore[union-attr]  # the newest path from a
    assert cursor.back().id == "a"  # type: ignore[union-attr]
    assert cursor.back() is None
    assert ids(store.history.entries()) == ["a", "b", "c", "d"]  # nothing deleted


def test_history_is_remembered_across_restarts(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with BookmarkStore.open(path) as store:
        opened(HistoryCursor(store.history), "a", "b", "c")
    with BookmarkStore.open(path) as store:
        cursor = HistoryCursor(store.history)  # a new run: nothing opened yet
        assert cursor.forward() is None
        assert cursor.back().id == "c"  # type: ignore[union-attr]  # the last one read
        assert cursor.back().id == "b"  # type: ignore[union-attr]
        cursor.forward()
        opened(cursor, "d")
    with BookmarkStore.open(path) as store:
        cursor = HistoryCursor(store.history)
        opened(cursor, "e")  # opened first in a run: back goes to the previous run's last
        assert [cursor.back().id for _ in range(3)] == ["d", "c", "b"]  # type: ignore[union-attr]


def test_reopening_the_last_article_after_a_restart_adds_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with BookmarkStore.open(path) as store:
        opened(HistoryCursor(store.history), "a", "b")
    with BookmarkStore.open(path) as store:
        cursor = HistoryCursor(store.history)
        opened(cursor, "b")
        assert ids(store.history.entries()) == ["a", "b"]
        assert cursor.back().id == "a"  # type: ignore[union-attr]


def test_the_history_is_capped_and_numbers_are_never_reused(store: BookmarkStore) -> None:
    history = History(store, cap=5)
    cursor = HistoryCursor(history)
    opened(cursor, *"abcdefgh")
    entries = history.entries()
    assert ids(entries) == list("defgh")
    assert [e.seq for e in entries] == sorted({e.seq for e in entries})
    steps = []
    while (entry := cursor.back()) is not None:
        steps.append(entry.id)
    assert steps == list("gfed")  # back stops at the oldest kept
    history.clear()
    assert history.entries() == [] and history.latest() is None
    opened(HistoryCursor(history), "z")
    assert history.entries()[0].seq > entries[-1].seq


def test_two_processes_worth_of_cursors_keep_their_own_paths(store: BookmarkStore) -> None:
    one, two = HistoryCursor(store.history), HistoryCursor(store.history)
    opened(one, "a")
    opened(two, "x")  # a second window, started after the first had opened a
    opened(one, "b")
    opened(two, "y")
    assert ids(store.history.entries()) == ["a", "x", "b", "y"]
    assert one.back().id == "a"  # type: ignore[union-attr]
    assert two.back().id == "x"  # type: ignore[union-attr]


def test_back_from_two_threads_makes_two_steps(store: BookmarkStore) -> None:
    cursor = HistoryCursor(store.history)
    opened(cursor, *"abcde")
    barrier = threading.Barrier(2)
    seen: list[str] = []

    def back() -> None:
        barrier.wait()
        entry = cursor.back()
        assert entry is not None
        seen.append(entry.id)

    threads = [threading.Thread(target=back) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == ["c", "d"]
    assert cursor.at is not None and cursor.at.id == "c"


def _edit_body(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tích cực", "rất tích cực", 1), encoding="utf-8")


def test_an_entry_follows_its_article_to_a_new_id(tmp_path: Path, store: BookmarkStore) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    with Library.open(tmp_path / "cache.sqlite3") as lib:
        lib.sync([corpus], workers=1)
        cursor = HistoryCursor(store.history)
        for article in lib.all_summaries():
            cursor.visit(article)
        before = ids(store.history.entries())
        _edit_body(corpus / "001_94c45868fd98c6ab.txt")
        lib.sync([corpus], workers=1)
        ((old, new),) = store.history.reconcile(lib)
        assert old == MY_LONG and lib.summary(new) is not None
        after = ids(store.history.entries())
        assert after == [new if i == MY_LONG else i for i in before]
        assert store.history.reconcile(lib) == []
