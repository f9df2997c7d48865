"""The cache: incremental sync, rebuilds, fallbacks, queries."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

import wardtui.library.sync as sync_module
from wardtui.library import UNDATED, UNKNOWN_WARD, AmbiguousId, Library, UnknownId
from wardtui.library.schema import SCHEMA_VERSION

ARTICLE = """Xã Tân Phú ra quân dọn vệ sinh môi trường

Ngày đăng: 05/03/2024

Sáng ngày 03/03/2024, UBND xã Tân Phú tổ chức ra quân tổng vệ sinh môi trường trên địa bàn \
các ấp, thu hút hơn 300 người dân tham gia dọn dẹp rác thải, phát quang bụi rậm.

Dịp này, xã Tân Phú cũng phát động phong trào chống rác thải nhựa trong toàn dân.

Minh Anh
"""


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    original = sync_module.parse_found

    def counting(found: sync_module.FoundFile) -> sync_module.ParseOutcome:
        parsed.append(found.path)
        return original(found)

    monkeypatch.setattr(sync_module, "parse_found", counting)
    return parsed


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "cache" / "library.sqlite3")


def test_second_sync_parses_nothing(
    library: Library, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = library.sync([seeds_copy])
    assert (first.new, first.unchanged, first.seen) == (5, 0, 5)
    parsed = _count_parses(monkeypatch)
    second = library.sync([seeds_copy])
    assert parsed == []
    assert (second.new, second.changed, second.unchanged, second.removed) == (0, 0, 5, 0)
    assert library.stats().articles == 5


def test_changed_file_is_reparsed(
    library: Library, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library.sync([seeds_copy])
    target = seeds_copy / "001_94c45868fd98c6ab.txt"
    old_id = library.find_by_source(str(target))
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "06 tháng đầu năm 2023", "sáu tháng đầu năm 2023", 1
        ),
        encoding="utf-8",
    )
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    parsed = _count_parses(monkeypatch)
    report = library.sync([seeds_copy])
    assert parsed == [str(target)]
    assert report.changed == 1
    new_id = library.find_by_source(str(target))
    assert new_id and new_id != old_id
    assert library.get(old_id or "") is None
    article = library.get(new_id)
    assert article is not None and article.title.startswith("Đảng bộ phường Mỹ Long sơ kết sáu")
    assert library.stats().articles == 5


def test_deleted_file_leaves(library: Library, seeds_copy: Path) -> None:
    library.sync([seeds_copy])
    (seeds_copy / "003_6df8933de2da7189.txt").unlink()
    report = library.sync([seeds_copy])
    assert report.removed == 1
    assert library.stats().articles == 4
    assert "Tây Sơn" not in {w.ward for w in library.wards()}


def test_fts_rows_follow_deletions(library: Library, seeds_copy: Path) -> None:
    library.sync([seeds_copy])
    (seeds_copy / "002_5ac1c78084622dc2.txt").unlink()
    library.sync([seeds_copy])
    hits = library.conn.execute(
        "SELECT count(*) FROM fts WHERE fts MATCH ?", ('"minh khai"',)
    ).fetchone()[0]
    assert hits == 0


def test_folded_fts_finds_d_with_stroke(library: Library, seeds_copy: Path) -> None:
    library.sync([seeds_copy])
    hits = library.conn.execute(
        "SELECT count(*) FROM fts WHERE fts MATCH ?", ('title : "dang"',)
    ).fetchone()[0]
    assert hits >= 2  # "Đảng ủy …", "Đảng bộ …"


def test_missing_source_root_keeps_articles(library: Library, seeds_copy: Path) -> None:
    library.sync([seeds_copy])
    moved = seeds_copy.with_name("unplugged")
    seeds_copy.rename(moved)
    report = library.sync([seeds_copy])
    assert report.removed == 0
    assert library.stats().articles == 5
    assert any("cannot be read" in p for p in report.problems)


def test_duplicate_text_in_two_files_is_one_article(library: Library, tmp_path: Path) -> None:
    corpus = tmp_path / "dups"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.txt").write_text(ARTICLE, encoding="utf-8")
    library.sync([corpus])
    assert library.stats().articles == 1
    (corpus / "a.txt").unlink()
    library.sync([corpus])
    assert library.stats().articles == 1  # still held by b.txt
    (corpus / "b.txt").unlink()
    library.sync([corpus])
    assert library.stats().articles == 0


def test_skipped_files_are_reported(library: Library, tmp_path: Path) -> None:
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "menu.txt").write_text("TRANG CHỦ\nGiới thiệu\nTin tức\nLiên hệ\n", encoding="utf-8")
    (corpus / "legacy.txt").write_bytes(
        ARTICLE.replace("ạ", "a\u0323").encode("utf-8").decode("utf-8").encode("utf-8")
    )
    report = library.sync([corpus])
    reasons = dict((Path(p).name, r) for p, r in report.skipped)
    assert reasons == {
        "empty.txt": "empty file",
        "binary.txt": "binary file (PNG image)",
        "menu.txt": "no article text (page furniture only)",
    }
    assert library.stats().skipped == 3


def test_symlink_loop_ends(library: Library, tmp_path: Path) -> None:
    corpus = tmp_path / "loop"
    (corpus / "inner").mkdir(parents=True)
    (corpus / "inner" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "inner" / "back").symlink_to(corpus, target_is_directory=True)
    report = library.sync([corpus])
    assert report.seen == 1
    assert library.stats().articles == 1


@pytest.mark.parametrize(
    "garbage",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000, b""],
    ids=["text", "damaged-header", "empty"],
)
def test_garbage_cache_is_rebuilt(tmp_path: Path, seeds_copy: Path, garbage: bytes) -> None:
    path = tmp_path / "cache" / "library.sqlite3"
    path.parent.mkdir()
    path.write_bytes(garbage)
    library = Library.open(path)
    if garbage:
        assert any("rebuilt" in n for n in library.notices)
    library.sync([seeds_copy])
    assert library.stats().articles == 5


def test_truncated_cache_is_rebuilt(tmp_path: Path, seeds_copy: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.sync([seeds_copy])
        library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    library = Library.open(path)
    library.sync([seeds_copy])
    assert library.stats().articles == 5


def test_newer_schema_is_rebuilt(tmp_path: Path, seeds_copy: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with Library.open(path) as library:
        library.sync([seeds_copy])
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    library = Library.open(path)
    assert any("newer wardtui" in n for n in library.notices)
    assert library.stats().articles == 0
    library.sync([seeds_copy])
    assert library.stats().articles == 5


def test_unusable_cache_folder_falls_back_to_memory(tmp_path: Path, seeds_copy: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    library = Library.open(blocker / "library.sqlite3")
    assert library.location.in_memory
    assert any("in-memory" in n for n in library.notices)
    library.sync([seeds_copy])
    other = library.reopen()  # a second thread's connection sees the same data
    assert other.stats().articles == 5


def test_a_memory_cache_can_be_read_while_it_is_written(seeds_copy: Path) -> None:
    """The in-memory fallback locks tables (no WAL): a reader beside an open write (the
    app's tree read while its sync writes) failed at once with 'database table is locked'."""
    library = Library.in_memory()
    library.sync([seeds_copy])
    writer, reader = library.reopen(), library.reopen()
    writer.conn.execute("BEGIN IMMEDIATE")
    writer.conn.execute("UPDATE articles SET title = title || ' (sửa)' WHERE rowid = 1")
    try:
        assert reader.stats().articles == 5
        assert [w.ward for w in reader.wards()]
    finally:
        writer.conn.rollback()


def test_tree_queries(library: Library, seeds_copy: Path) -> None:
    library.sync([seeds_copy])
    assert [w.ward for w in library.wards()] == [
        "Hội Phú",
        "Minh Khai",
        "Mỹ Hương",
        "Mỹ Long",
        "Tây Sơn",
    ]
    assert library.years() == [(2023, 2), (2021, 1), (2020, 1), (2019, 1)]
    assert library.months(2020) == [(0, 1)]
    assert [s.ward for s in library.summaries(year=2023)] == ["Tây Sơn", "Mỹ Long"]
    assert library.summaries(ward=UNKNOWN_WARD) == []
    assert library.summaries(year=UNDATED) == []
    assert [w.ward for w in library.wards_in(2023, 7)] == ["Tây Sơn"]


def test_resolve_prefixes(library: Library, seeds_copy: Path) -> None:
    library.sync([seeds_copy])
    full = library.find_by_source(str(seeds_copy / "000_474a873e264c33ff.txt"))
    assert full is not None
    assert library.resolve(full) == full
    assert library.resolve(full[:6].upper()) == full
    with pytest.raises(UnknownId):
        library.resolve("zzzzzz")
    with pytest.raises(UnknownId):
        library.resolve("'; DROP TABLE articles; --")
    library.conn.execute("UPDATE articles SET id = 'abcd1' || substr(id, 6) WHERE rowid <= 2")
    with pytest.raises(AmbiguousId):
        library.resolve("abcd")


def test_query_filters_orders_and_limits_in_sql(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    for i, (date, ward) in enumerate([("05/03/2024", "Tân Phú"), ("06/04/2023", "Tân Phú"),
                                      ("07/05/2024", "Mỹ Long")]):
        text = ARTICLE.replace("05/03/2024", date).replace("Tân Phú", ward)
        text = text.replace("ra quân", f"ra quân lần {i}")
        (folder / f"a{i}.txt").write_text(text, encoding="utf-8")
    library.sync([folder])
    everything = list(library.query())
    assert [a.date for a in everything] == sorted((a.date or "" for a in everything),
                                                 reverse=True)
    assert len(everything) == 3
    assert [a.ward for a in library.query(wards=["Tân Phú"])] == ["Tân Phú", "Tân Phú"]
    assert {a.year for a in library.query(year=2024)} == {2024}
    assert len(list(library.query(year=2024))) == 2
    assert list(library.query(limit=1)) == everything[:1]
    assert list(library.query(wards=[])) == []
    assert sorted(library.ward_names()) == sorted({a.ward for a in everything if a.ward})


def test_opening_a_current_cache_waits_for_no_writer(tmp_path: Path, seeds_copy: Path) -> None:
    """A process that opens the cache (a CLI search while the app syncs) takes no write
    lock: it opens while another connection holds one."""
    import threading

    path = tmp_path / "lib.sqlite3"
    first = Library.open(path)
    first.sync([seeds_copy])
    first.close()
    writer = sqlite3.connect(path)
    writer.execute("BEGIN IMMEDIATE")  # a sync's write transaction
    opened: list[int] = []

    def open_and_count() -> None:
        library = Library.open(path)
        opened.append(library.stats().articles)
        library.close()

    thread = threading.Thread(target=open_and_count, daemon=True)
    thread.start()
    thread.join(10)  # a hang guard: a waiting open would sit on the 30 s busy timeout
    writer.rollback()
    writer.close()
    assert opened == [5]
