"""How the writer changes the cache (issue 15): a sync writes its articles with a few
statements per batch, not one per article (the search's FTS5 tables, written by
triggers, make a new segment at every statement that fires them), and the search's
tables after a re-sync say exactly what a cache built afresh from the same files says."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from wardtui.library import Library
from wardtui.library import pool as pool_module

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _write(folder: Path, numbers: range, tag: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        text = SEED_FILES[n % len(SEED_FILES)].read_text(encoding="utf-8")
        (folder / f"{n:03d}.txt").write_text(
            f"{text}\nĐoạn bổ sung số {n}{tag} về vệ sinh môi trường.\n", encoding="utf-8"
        )


def _vocabulary(conn: sqlite3.Connection, table: str) -> list[tuple[str, int, int]]:
    """Every term of the FTS5 ``table`` with its row and instance counts."""
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} USING fts5vocab(main, {table}, row)"
    )
    rows = conn.execute(f"SELECT term, doc, cnt FROM temp.v_{table} ORDER BY term")
    return [(row[0], row[1], row[2]) for row in rows]


def _search_state(library: Library) -> dict[str, object]:
    conn = library.conn
    return {
        **{table: _vocabulary(conn, table) for table in ("fts", "search_meta", "search_exact")},
        "dates": sorted(tuple(row) for row in conn.execute(
            "SELECT a.id, d.date FROM search_dates d JOIN articles a ON a.rowid = d.rowid"
        )),
        "dated rows": conn.execute("SELECT count(*) FROM search_dates").fetchone()[0],
    }


@pytest.fixture(autouse=True)
def _inline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "_start", lambda workers, method="": None)  # parse here


def test_a_resync_writes_its_articles_with_a_few_statements(tmp_path: Path) -> None:
    source = tmp_path / "src"
    _write(source, range(60), "old")
    statements: list[str] = []
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.sync([source])
        _write(source, range(0, 60, 2), "new")  # 30 articles change
        for n in range(50, 60):
            (source / f"{n:03d}.txt").unlink()  # 5 of the changed, 5 others: gone
        library.conn.set_trace_callback(statements.append)
        report = library.sync([source])
        library.conn.set_trace_callback(None)
    assert (report.changed, report.removed) == (25, 10)
    # (the trace repeats a statement for each statement of the triggers it fires)
    deletes = {s for s in statements if s.startswith("DELETE FROM articles")}
    inserts = {s for s in statements if s.startswith("INSERT INTO articles")}
    updates = {s for s in statements if s.startswith("UPDATE articles")}
    assert len(deletes) == 1  # the files gone
    # the changed articles keep their title, ward, byline and date (their bodies
    # changed): each is updated in place, its id and body, which fires none of the
    # search's title triggers (only the removed articles leave search_meta)
    assert not inserts
    assert len(updates) == 25
    assert {s.split(" = ")[0] for s in updates} == {"UPDATE articles SET id"}
    assert sum("search_meta_docsize" in s for s in statements) == 10


def test_after_a_resync_the_search_tables_match_a_fresh_cache(tmp_path: Path) -> None:
    source = tmp_path / "src"
    _write(source, range(40), "old")
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.sync([source])
        _write(source, range(0, 40, 3), "new")
        (source / "001.txt").unlink()
        _write(source, range(40, 45), "added")
        library.sync([source])
        resynced = _search_state(library)
        old_words = library.conn.execute(
            "SELECT count(*) FROM fts WHERE fts MATCH '\"3old\" OR \"1old\"'"
        ).fetchone()[0]
    with Library.open(tmp_path / "fresh" / "library.sqlite3") as fresh:
        fresh.sync([source])
        assert resynced == _search_state(fresh)
    assert old_words == 0  # the changed and the removed articles' words are gone
    assert ("3new", 1, 1) in resynced["fts"]  # type: ignore[operator]


def _retitle(library: Library, folder: Path, numbers: range) -> None:
    """Add a word to the headline of the files ``numbers`` (as the cache read it)."""
    for n in numbers:
        path = folder / f"{n:03d}.txt"
        title = library.conn.execute(
            "SELECT title FROM articles a JOIN files f ON f.article_id = a.id WHERE f.path = ?",
            (str(path),)).fetchone()[0]
        text = path.read_text(encoding="utf-8")
        assert title in text
        path.write_text(text.replace(title, f"{title} mới", 1), encoding="utf-8")


def _rowids(library: Library) -> dict[str, int]:
    """Each file's article's rowid (file name -> rowid)."""
    rows = library.conn.execute(
        "SELECT f.path, a.rowid FROM files f JOIN articles a ON a.id = f.article_id")
    return {Path(row[0]).name: row[1] for row in rows}


def test_an_edited_body_keeps_its_row_a_new_title_makes_a_new_one(tmp_path: Path) -> None:
    """A changed file whose article keeps its title, ward, byline and date is updated in
    place (same rowid); one with a new title is deleted and added again (a new rowid);
    the search's tables then say what a cache built afresh says, word for word."""
    source = tmp_path / "src"
    _write(source, range(30), "old")
    statements: list[str] = []
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.sync([source])
        before = _rowids(library)
        _write(source, range(0, 10), "new")  # bodies edited
        _retitle(library, source, range(10, 20))  # titles changed
        library.conn.set_trace_callback(statements.append)
        report = library.sync([source])
        library.conn.set_trace_callback(None)
        after = _rowids(library)
        resynced = _search_state(library)
        found = {row[0] for row in library.conn.execute(
            "SELECT rowid FROM fts WHERE fts MATCH '\"0new\" OR \"5new\"'")}
        gone = library.conn.execute(
            "SELECT count(*) FROM fts WHERE fts MATCH '\"0old\" OR \"5old\"'").fetchone()[0]
    assert report.changed == 20
    assert all(after[f"{n:03d}.txt"] == before[f"{n:03d}.txt"] for n in range(10))
    assert all(after[f"{n:03d}.txt"] > max(before.values()) for n in range(10, 20))
    assert found == {before["000.txt"], before["005.txt"]}
    assert gone == 0
    # the full-text rows in rowid order, a deletion before the insertion of its rowid
    # (FTS5 flushes its pending rows to a new segment at any other change of order)
    text = [(int(m.group(2)), m.group(1) == "NULL") for s in statements
            if (m := re.match(r"INSERT INTO fts \(fts, .*VALUES \(('delete'|NULL), (\d+),", s))]
    assert len(text) == 40 and text == sorted(text)
    with Library.open(tmp_path / "fresh" / "library.sqlite3") as fresh:
        fresh.sync([source])
        assert resynced == _search_state(fresh)


def _commits(statements: list[str]) -> int:
    return sum(1 for s in statements if s.strip().upper() == "COMMIT")


def test_changed_files_are_committed_together_new_files_early(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wardtui.library import sync as sync_module

    monkeypatch.setattr(sync_module, "FIRST_BATCH", 10)
    monkeypatch.setattr(sync_module, "BATCH", 40)
    source = tmp_path / "src"
    _write(source, range(90), "old")
    statements: list[str] = []
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.conn.set_trace_callback(statements.append)
        library.sync([source])  # new files: 10, 20, 40, 20 a transaction (shown early)
        first = _commits(statements)
        statements.clear()
        _write(source, range(0, 70, 2), "new")  # 35 changed files: one transaction
        _write(source, range(90, 95), "added")  # and a few new ones
        report = library.sync([source])
        library.conn.set_trace_callback(None)
        assert (report.changed, report.new) == (35, 5)
        assert library.stats().articles == 95
    assert first == 4
    assert _commits(statements) == 1


def test_changed_files_are_written_in_small_batches_so_little_is_left_after_the_parse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Committed together, the changed files' batches stay FIRST_BATCH files each (no
    doubling): what is left to write once the last file is parsed is one small batch."""
    from wardtui.library import sync as sync_module

    monkeypatch.setattr(sync_module, "FIRST_BATCH", 10)
    source = tmp_path / "src"
    _write(source, range(60), "old")
    sizes: list[int] = []
    write = sync_module.Writer.write

    def counting(self: sync_module.Writer, batch: list[sync_module.Record], known: object) -> None:
        sizes.append(len(batch))
        write(self, batch, known)  # type: ignore[arg-type]

    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.sync([source])
        _write(source, range(0, 55), "new")
        monkeypatch.setattr(sync_module.Writer, "write", counting)
        assert library.sync([source]).changed == 55
    assert sizes == [10, 10, 10, 10, 10, 5]


def test_a_resync_that_fails_midway_keeps_the_cache_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wardtui.library import sync as sync_module

    monkeypatch.setattr(sync_module, "FIRST_BATCH", 10)
    source = tmp_path / "src"
    _write(source, range(40), "old")
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        library.sync([source])
        before = _search_state(library)
        _write(source, range(0, 40, 2), "new")
        parse_one = sync_module.parse_one
        parsed: list[str] = []

        def failing(found: sync_module.FoundFile) -> sync_module.Record:
            parsed.append(found.path)
            if len(parsed) == 15:  # after a first batch of 10 was written
                raise OSError("disk gone")
            return parse_one(found)

        monkeypatch.setattr(sync_module, "parse_one", failing)
        with pytest.raises(OSError):
            library.sync([source])
        assert not library.conn.in_transaction
        assert _search_state(library) == before  # nothing half-written
        monkeypatch.setattr(sync_module, "parse_one", parse_one)
        report = library.sync([source])  # the next sync reads them all again
        assert report.changed == 20


def test_a_sync_writes_with_a_bigger_page_cache_then_gives_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wardtui.library import sync as sync_module

    seen: list[int] = []
    store = sync_module.Writer.store

    def watching(self: sync_module.Writer, batch: list[sync_module.Record], known: object) -> None:
        seen.append(self.conn.execute("PRAGMA cache_size").fetchone()[0])
        store(self, batch, known)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_module.Writer, "store", watching)
    source = tmp_path / "src"
    _write(source, range(5), "old")
    with Library.open(tmp_path / "cache" / "library.sqlite3") as library:
        before = library.conn.execute("PRAGMA cache_size").fetchone()[0]
        library.sync([source])
        after = library.conn.execute("PRAGMA cache_size").fetchone()[0]
        hashsize = library.conn.execute(
            "SELECT v FROM fts_config WHERE k = 'hashsize'"
        ).fetchone()
    assert seen == [sync_module.SYNC_CACHE]
    assert after == before != sync_module.SYNC_CACHE
    assert hashsize is not None and hashsize[0] == 8 * 1024 * 1024  # a new cache's
