"""The sync's fast paths (issue 15): nothing changed writes nothing and starts no
pool, a few changed files are parsed in this process, many in the pool (same
result as inline), batches applied in bulk keep the one-article-many-files rules,
and readers read the cache while a sync holds its write transaction."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from wardtui.library import Library
from wardtui.library import pool as pool_module
from wardtui.library.pool import INLINE_MAX, chunk_size, parse_all, start_pool
from wardtui.library.walk import WalkLog, walk_sources

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _write(folder: Path, count: int, tag: str = "") -> list[Path]:
    """``count`` distinct articles: the seeds, each with a paragraph of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:03d}.txt"
        text = SEED_FILES[n % len(SEED_FILES)].read_text(encoding="utf-8")
        path.write_text(f"{text}\nĐoạn bổ sung số {n}{tag} về vệ sinh môi trường.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


def _open(tmp_path: Path, name: str = "cache") -> Library:
    return Library.open(tmp_path / name / "library.sqlite3")


@pytest.fixture
def pool_starts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Records every pool start (the pool still starts)."""
    starts: list[int] = []
    original = pool_module._start

    def start(workers: int, method: str = pool_module.FORKSERVER) -> object:
        starts.append(workers)
        return original(workers, method)

    monkeypatch.setattr(pool_module, "_start", start)
    return starts


def _ids(library: Library) -> set[str]:
    return {row[0] for row in library.conn.execute("SELECT id FROM articles")}


def _fts_rowids(library: Library, word: str) -> set[int]:
    rows = library.conn.execute("SELECT rowid FROM fts WHERE fts MATCH ?", (word,))
    return {row[0] for row in rows}


def test_nothing_changed_writes_nothing_and_starts_no_pool(
    tmp_path: Path, pool_starts: list[int]
) -> None:
    source = tmp_path / "src"
    _write(source, 8)
    with _open(tmp_path) as library:
        library.sync([source], workers=2)
        before = library.conn.total_changes
        report = library.sync([source], workers=2)
        assert (report.seen, report.unchanged, report.parsed, report.removed) == (8, 8, 0, 0)
        assert library.conn.total_changes == before
    assert pool_starts == []


def test_a_few_changed_files_are_parsed_without_a_pool(
    tmp_path: Path, pool_starts: list[int]
) -> None:
    source = tmp_path / "src"
    paths = _write(source, 12)
    with _open(tmp_path) as library:
        library.sync([source], workers=2)
        for path in paths[:3]:
            with path.open("a", encoding="utf-8") as handle:
                handle.write("\nMột đoạn mới được thêm vào.\n")
        report = library.sync([source], workers=2)
        assert (report.changed, report.unchanged, report.new) == (3, 9, 0)
        assert library.stats().articles == 12
    assert pool_starts == []


def test_many_files_go_through_the_pool_with_the_inline_result(
    tmp_path: Path, pool_starts: list[int]
) -> None:
    source = tmp_path / "src"
    _write(source, INLINE_MAX + 20)
    with _open(tmp_path, "pooled") as pooled, _open(tmp_path, "inline") as inline:
        report = pooled.sync([source], workers=2)
        assert pool_starts == [2]
        inline.sync([source], workers=1)
        assert report.new == INLINE_MAX + 20
        assert _ids(pooled) == _ids(inline)
        assert len(_ids(pooled)) == INLINE_MAX + 20
        order = "SELECT id FROM articles ORDER BY rowid"
        assert pooled.conn.execute(order).fetchall() == inline.conn.execute(order).fetchall()
        assert _fts_rowids(pooled, "bổ") == {r[0] for r in pooled.conn.execute(
            "SELECT rowid FROM articles")}


def test_parse_all_without_a_pool_parses_inline_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pool_module, "_start", lambda workers, method="": None)
    assert start_pool(2, lambda: None) is None  # e.g. no /dev/shm
    items = list(range(INLINE_MAX * 3))
    assert list(parse_all(items, None, 2, lambda n: n * 2, list)) == [n * 2 for n in items]


def test_chunks_are_small_when_files_are_few() -> None:
    assert chunk_size(100, 2) == 13  # 8 chunks: 4 per worker
    assert chunk_size(100_000, 2) == 64
    assert chunk_size(1, 2) == 1


def test_bulk_batches_keep_one_article_for_identical_files_and_drop_orphans(
    tmp_path: Path,
) -> None:
    source = tmp_path / "src"
    source.mkdir()
    text = SEED_FILES[0].read_text(encoding="utf-8")
    other = SEED_FILES[1].read_text(encoding="utf-8")
    for name in ("a1.txt", "a2.txt"):
        (source / name).write_text(text, encoding="utf-8")
    (source / "b.txt").write_text(other, encoding="utf-8")
    with _open(tmp_path) as library:
        first = library.sync([source])  # one batch: a1 and a2 share one article
        assert (first.new, library.stats().articles, library.stats().files) == (3, 2, 3)
        shared = library.find_by_source(str(source / "a1.txt"))
        assert shared is not None
        assert library.find_by_source(str(source / "a2.txt")) == shared
        rowid = library.conn.execute("SELECT rowid FROM articles WHERE id = ?",
                                     (shared,)).fetchone()[0]
        # a1 now holds b's text: the shared article stays (a2 still has it)
        (source / "a1.txt").write_text(other + "\n", encoding="utf-8")
        library.sync([source])
        assert shared in _ids(library)
        # a2 gone: the article has no file left, and leaves the full-text index too
        word = "huong"  # "Phường Mỹ Hương", folded as the index holds it
        assert rowid in _fts_rowids(library, word)
        (source / "a2.txt").unlink()
        report = library.sync([source])
        assert report.removed == 1
        assert shared not in _ids(library)
        assert rowid not in _fts_rowids(library, word)


def test_readers_read_while_a_sync_holds_its_write_transaction(tmp_path: Path) -> None:
    source = tmp_path / "src"
    _write(source, 6)
    with _open(tmp_path) as library:
        library.sync([source])
        before = [s.id for s in library.summaries()]
        _write(source / "more", 4, tag="b")
        reader = library.reopen()
        seen: list[list[str]] = []

        def during(statement: str) -> None:
            # the sync is inside its write transaction, adding articles
            if statement.startswith("INSERT INTO fts") and not seen:
                assert library.conn.in_transaction
                seen.append([s.id for s in reader.summaries()])

        library.conn.set_trace_callback(during)
        try:
            report = library.sync([source])
        finally:
            library.conn.set_trace_callback(None)
        assert report.new == 4
        assert seen and sorted(seen[0]) == sorted(before)  # the state before the sync
        assert len(reader.summaries()) == 10  # and the new one once it committed
        reader.close()


def test_a_sync_waits_for_no_reader(tmp_path: Path) -> None:
    """A reader inside a long read transaction does not stop the sync from writing."""
    source = tmp_path / "src"
    _write(source, 3)
    with _open(tmp_path) as library:
        library.sync([source])
        reader = sqlite3.connect(str(library.path), timeout=0.1)
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        _write(source / "more", 2, tag="c")
        assert library.sync([source]).new == 2
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
        reader.rollback()
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        reader.close()


def test_articles_left_without_a_file_leave_the_index_in_rowid_order(tmp_path: Path) -> None:
    """FTS5 flushes its pending changes whenever a rowid goes down: the deletions of a
    sync come in rowid order (article ids, being hashes, are in no such order)."""
    source = tmp_path / "src"
    paths = _write(source, 40)
    with _open(tmp_path) as library:
        library.sync([source])
        for path in paths[::2]:
            path.unlink()
        statements: list[str] = []
        library.conn.set_trace_callback(statements.append)
        try:
            report = library.sync([source])
        finally:
            library.conn.set_trace_callback(None)
        assert report.removed == 20
        deleted = [int(m.group(1)) for s in statements
                   if (m := re.search(r"VALUES \('delete', (\d+),", s))]
        assert len(deleted) == 20
        assert deleted == sorted(deleted)
        assert library.stats().articles == 20


def test_walk_finds_plain_and_odd_files_alike_and_each_once(tmp_path: Path) -> None:
    """Plain files (regular, *.txt, ASCII names) take the walk's fast path; links,
    other names and a file also named as a source the careful one: same result."""
    source = tmp_path / "src"
    _write(source, 6)
    (source / "UPPER.TXT").write_text("Một bài viết khác\n\nNội dung bài.\n", encoding="utf-8")
    (source / "tên có dấu.txt").write_text("Bài có dấu\n\nNội dung.\n", encoding="utf-8")
    (source / "back\\slash.txt").write_text("Bài gạch chéo\n\nNội dung.\n", encoding="utf-8")
    (source / ".hidden.txt").write_text("Ẩn\n\nKhông đọc.\n", encoding="utf-8")
    (source / "notes.md").write_text("# not an article\n", encoding="utf-8")
    (source / "link.txt").symlink_to(source / "000.txt")
    expected = {str(source / name) for name in (
        *(f"{n:03d}.txt" for n in range(6)), "UPPER.TXT", "tên có dấu.txt", "link.txt",
    )} | {str(source / "back\\\\slash.txt")}  # a backslash is doubled in its key
    log = WalkLog()
    found = list(walk_sources([source, source / "003.txt"], log))
    assert sorted(f.path for f in found) == sorted(expected)
    assert {f.path for f in found if f.follow} == {str(source / "link.txt"),
                                                    str(source / "003.txt")}
    rows = {(f.path, f.size, f.mtime_ns) for f in found}
    again = WalkLog()
    assert list(walk_sources([source, source / "003.txt"], again, unchanged=rows)) == []
    assert again.unchanged == len(expected)
    assert rows == set()  # every row met


def test_the_first_transactions_are_small_so_a_first_sync_shows_articles_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wardtui.library import sync as sync_module

    sizes: list[int] = []
    store = sync_module.Writer.store

    def counting(self: sync_module.Writer, batch: list[sync_module.Record],
                 known: object) -> None:
        sizes.append(len(batch))
        store(self, batch, known)  # type: ignore[arg-type]

    monkeypatch.setattr(sync_module.Writer, "store", counting)
    monkeypatch.setattr(sync_module, "BATCH", 400)
    monkeypatch.setattr(pool_module, "_start", lambda workers, method="": None)  # parse inline
    source = tmp_path / "src"
    _write(source, 900)
    with _open(tmp_path) as library:
        library.sync([source])
        assert library.stats().articles == 900
    assert sizes == [100, 200, 400, 200]  # doubling from FIRST_BATCH up to BATCH


def test_the_pool_starts_beside_the_walk_not_in_its_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Beside other threads (the app's), the workers come from the forkserver, whose
    start waits for it to import the parser: the walk goes on meanwhile, in the sync's
    own thread. (Alone, the sync forks them at once: test_library_pipeline.)"""
    import threading

    threads: list[tuple[str, str]] = []

    def start(workers: int, method: str = pool_module.FORKSERVER) -> None:
        threads.append((threading.current_thread().name, method))
        return None  # no pool: the files are parsed inline

    monkeypatch.setattr(pool_module, "_start", start)
    source = tmp_path / "src"
    _write(source, INLINE_MAX + 5)
    release = threading.Event()
    other = threading.Thread(target=release.wait, name="the-app", daemon=True)
    other.start()
    try:
        with _open(tmp_path) as library:
            report = library.sync([source], workers=2)
    finally:
        release.set()
        other.join()
    assert report.new == INLINE_MAX + 5
    assert len(threads) == 1
    assert threads[0][0] != threading.current_thread().name
    assert threads[0][1] == pool_module.FORKSERVER
