"""The search index's memo: what one state of the library found is never read for another."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.search.index import LruCache, Vocabulary, rowid_set


def test_a_search_never_reads_what_was_stored_for_another_state() -> None:
    cache = LruCache()
    cache.follow(5)
    cache.put("word", frozenset({1}))
    seen: list[object] = []

    def newer() -> None:  # a search that began after a sync
        cache.follow(6)
        seen.append(cache.get("word"))
        cache.put("word", frozenset({1, 2}))

    thread = threading.Thread(target=newer)
    thread.start()
    thread.join()
    assert seen == [None]
    assert cache.get("word") is None  # the older search, still running: never the newer's
    cache.put("other", frozenset({3}))  # stored for state 5, after the newer search began

    def newer_again() -> None:
        cache.follow(6)
        seen.append(cache.get("other"))
        seen.append(cache.get("word"))

    thread = threading.Thread(target=newer_again)
    thread.start()
    thread.join()
    assert seen[1:] == [None, frozenset({1, 2})]


def test_the_least_recently_used_goes_first() -> None:
    cache = LruCache(size=2)
    cache.follow(0)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1
    cache.put("c", 3)
    assert cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 3


def test_the_vocabulary_folds_counts_and_packs() -> None:
    vocabulary = Vocabulary.of({"hội": 3, "hỏi": 1, "đảng": 2, "phú": 1})
    assert vocabulary.frequency == {"hoi": 4, "dang": 2, "phu": 1}
    assert sorted(vocabulary.spellings["hoi"]) == ["hỏi", "hội"]
    assert vocabulary.starting("h") == ["hoi"] and vocabulary.starting("x") == []
    again = Vocabulary.unpack(vocabulary.pack())
    assert again.exact == vocabulary.exact and again.words == vocabulary.words
    assert Vocabulary.unpack(Vocabulary.of({}).pack()).words == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=1, max_value=2**62), max_size=300))
def test_rowids_read_from_group_concat_as_int_on_each_piece(rowids: list[int]) -> None:
    text = ",".join(map(str, rowids)) or None  # group_concat over no row is NULL
    assert rowid_set(text) == (set(map(int, text.split(","))) if text else set())
