"""Schema 4: an update of an article rewrites the search's FTS5 rows only when a column
they hold changes (a place placed by the sync does not), and still bumps the change
counter; a schema 3 cache is migrated to it with its articles and search tables kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from wardtui.library import Library, search_tables
from wardtui.library.schema import SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

_SCHEMA_3_UPDATE = f"""
CREATE TRIGGER search_articles_update AFTER UPDATE ON articles BEGIN
    {search_tables._delete("old.")}
    {search_tables._insert("new.")}
    {search_tables._BUMP}
END;
"""


def _count(conn: sqlite3.Connection, sql: str) -> int:
    return int(conn.execute(sql).fetchone()[0])


def _schema_3_cache(tmp_path: Path) -> Path:
    path = tmp_path / "cache" / "library.sqlite3"
    with Library.open(path) as library:
        library.sync([SEEDS])
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER search_articles_update; DROP TRIGGER search_articles_touch;"
        + _SCHEMA_3_UPDATE + "PRAGMA user_version = 3;"
    )
    conn.close()
    return path


def test_a_schema_3_cache_gets_the_new_triggers_and_keeps_everything(tmp_path: Path) -> None:
    path = _schema_3_cache(tmp_path)
    conn = sqlite3.connect(path)
    articles = _count(conn, "SELECT count(*) FROM articles")
    words = _count(conn, "SELECT count(*) FROM search_meta WHERE search_meta MATCH 'phuong'")
    changes = search_tables.changes(conn)
    conn.close()
    with Library.open(path) as library:
        conn = library.conn
        assert not any("rebuilt" in notice for notice in library.notices)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        triggers = dict(conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall())
        assert "AFTER UPDATE OF" in triggers["search_articles_update"]
        assert "search_articles_touch" in triggers
        assert _count(conn, "SELECT count(*) FROM articles") == articles == 5
        assert _count(
            conn, "SELECT count(*) FROM search_meta WHERE search_meta MATCH 'phuong'"
        ) == words > 0
        assert search_tables.changes(conn) == changes  # the tables were not rebuilt
        report = library.sync([SEEDS])
        assert report.unchanged == 5


def test_a_place_update_leaves_the_fts_rows_a_title_update_rewrites_them(
    tmp_path: Path,
) -> None:
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.sync([SEEDS])
        conn = library.conn
        rowid = _count(conn, "SELECT min(rowid) FROM articles")
        segments = _count(conn, "SELECT count(*) FROM search_meta_data")
        changes = search_tables.changes(conn)
        with conn:
            conn.execute("UPDATE articles SET province = 'Tỉnh Thử' WHERE rowid = ?", (rowid,))
        assert search_tables.changes(conn) == changes + 1  # the filters' caches follow it
        assert _count(conn, "SELECT count(*) FROM search_meta_data") == segments  # not written
        with conn:
            conn.execute("UPDATE articles SET title = 'Tiêu đề xyzzy' WHERE rowid = ?", (rowid,))
        assert search_tables.changes(conn) == changes + 2
        found = conn.execute(
            "SELECT rowid FROM search_meta WHERE search_meta MATCH 'xyzzy'"
        ).fetchall()
        assert [row[0] for row in found] == [rowid]
        exact = conn.execute(
            "SELECT rowid FROM search_exact WHERE search_exact MATCH 'xyzzy'"
        ).fetchall()
        assert [row[0] for row in exact] == [rowid]
