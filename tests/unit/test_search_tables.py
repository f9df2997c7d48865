"""The search's tables in the cache: created, filled, kept current by triggers, migrated."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.unit.test_search_engine import ids, write_fixtures

from wardtui.library import Library, search_tables
from wardtui.search import SearchIndex, search


def opened(path: Path) -> Library:
    library = Library.open(path)
    assert search_tables.ensure(library.conn)
    return library


def words(conn: sqlite3.Connection, table: str) -> dict[str, int]:
    conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} USING fts5vocab"
                 f"(main, {table}, 'row')")
    return dict(conn.execute(f"SELECT term, doc FROM temp.v_{table}").fetchall())


def test_opening_a_cache_makes_them(tmp_path: Path) -> None:
    for library in (Library.open(tmp_path / "cache.sqlite3"), Library.in_memory()):
        assert search_tables.has_tables(library.conn)
        library.close()


def test_a_new_cache_has_them_and_a_sync_fills_them(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "src", ["tayson", "moitruong"])
    library = opened(tmp_path / "cache.sqlite3")
    before = search_tables.changes(library.conn)
    library.sync([folder], workers=1)
    conn = library.conn
    assert search_tables.changes(conn) == before + 2
    assert words(conn, "search_exact")["sơn"] == 1  # accents kept, lower case
    assert words(conn, "search_meta")["son"] == 1  # folded, đ too:
    assert "dang" in words(conn, "search_meta") and "đảng" in words(conn, "search_exact")
    assert conn.execute("SELECT count(*) FROM search_dates").fetchone()[0] == 2
    library.close()


def test_removing_articles_removes_their_words(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "src", ["tayson", "moitruong"])
    library = opened(tmp_path / "cache.sqlite3")
    library.sync([folder], workers=1)
    (folder / "tayson.txt").unlink()
    library.sync([folder], workers=1)
    conn = library.conn
    assert "sơn" not in words(conn, "search_exact")
    assert "son" not in words(conn, "search_meta")
    assert conn.execute("SELECT count(*) FROM search_dates").fetchone()[0] == 1
    conn.execute("DELETE FROM articles")
    conn.commit()
    assert words(conn, "search_exact") == {} and words(conn, "search_meta") == {}
    library.close()


def test_an_older_cache_is_migrated_when_searched(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "src", ["tayson", "covid"])
    library = opened(tmp_path / "cache.sqlite3")
    library.sync([folder], workers=1)
    conn = library.conn
    # As a cache made before the search's tables: none of them, then empty ones.
    conn.executescript(search_tables.MIGRATION.split("CREATE VIRTUAL TABLE")[0])
    assert not search_tables.has_tables(conn)
    conn.executescript(search_tables.SCHEMA)
    assert not search_tables.has_tables(conn)  # created beside articles: not filled
    index = SearchIndex.build(library)
    assert search_tables.has_tables(conn)
    assert ids(search(index, "tay sonn")) == ["tayson"]
    assert ids(search(index, "phú mỹ")) == ["covid"]
    index.close()
    library.close()


def test_the_vocabulary_is_kept_for_the_next_process(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "src", ["tayson", "moitruong"])
    library = opened(tmp_path / "cache.sqlite3")
    library.sync([folder], workers=1)
    index = SearchIndex.build(library)
    assert ids(search(index, "tay sonn")) == ["tayson"]  # a correction: the vocabulary
    stamp = search_tables.changes(library.conn)
    rows = dict(library.conn.execute("SELECT key, value FROM search_state").fetchall())
    assert rows["vocab_stamp"] == stamp and rows["vocab"]
    index.close()
    library.close()


def test_the_index_follows_a_sync_by_itself(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "src", ["tayson"])
    library = opened(tmp_path / "cache.sqlite3")
    library.sync([folder], workers=1)
    index = SearchIndex.build(library)
    assert ids(search(index, "covid")) == []
    assert ids(search(index, "tay sonn")) == ["tayson"]
    write_fixtures(folder, ["covid", "moitruong"])
    library.sync([folder], workers=1)
    assert not index.is_current()
    assert ids(search(index, "covid")) == ["covid"]
    assert ids(search(index, "moi truongg")) == ["moitruong"]  # a new word corrected to
    index.close()
    library.close()


def test_a_search_works_while_a_sync_holds_the_write_lock(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "src", ["tayson", "covid"])
    library = opened(tmp_path / "cache.sqlite3")
    library.sync([folder], workers=1)
    index = SearchIndex.build(library)
    writer = library.reopen()
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute("DELETE FROM articles WHERE source LIKE '%covid%'")
    try:
        assert ids(search(index, "covid")) == ["covid"]  # the last committed state
        assert ids(search(index, "tay sonn")) == ["tayson"]
    finally:
        writer.conn.rollback()
        writer.close()
    index.close()
    library.close()
