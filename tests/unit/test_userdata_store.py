"""The bookmark store: adding, notes, undo, aliases, reconciling with the library, corruption."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import SEEDS

from wardtui import paths
from wardtui.export import Missing
from wardtui.library import ArticleSummary, Library
from wardtui.userdata import (
    SCHEMA_VERSION,
    AmbiguousBookmark,
    BookmarkError,
    BookmarkStore,
    UnknownBookmark,
    clean_note,
)

MY_LONG = "4bc50b54b5"  # Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023 (seed 001)
TAY_SON = "ede07255cc"  # seed 003


def summary(article_id: str, title: str = "Tiêu đề", **kw: object) -> ArticleSummary:
    values: dict[str, object] = {
        "ward": "Mỹ Long", "unit": "phường", "date": "2023-06-28", "author": None,
        "category": None, "source": f"/corpus/{article_id}.txt", "words": 10,
    }
    values.update(kw)
    return ArticleSummary(id=article_id, title=title, **values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> BookmarkStore:
    with BookmarkStore.open(tmp_path / "bm.sqlite3") as opened:
        yield opened  # type: ignore[misc]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([SEEDS], workers=1)
        yield lib  # type: ignore[misc]


# -- basics ---------------------------------------------------------------------
def test_default_location_is_the_user_data_dir(isolated_dirs: Path) -> None:
    with BookmarkStore.open() as store:
        store.add(summary("aaaa1111"))
        assert store.path == paths.bookmarks_path()
        assert store.path.parent == isolated_dirs / "data"
        assert store.persistent
        assert store.notices == []
    assert paths.bookmarks_path().is_file()


def test_schema_version_and_wal(store: BookmarkStore) -> None:
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_add_list_newest_first_and_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "bm.sqlite3"
    with BookmarkStore.open(path) as store:
        assert store.add(summary("aaaa1111", "Một"))
        assert store.add(summary("bbbb2222", "Hai"), note="đọc lại")
        assert store.add(summary("cccc3333", "Ba"))
        assert not store.add(summary("aaaa1111", "Một"))  # already there: not new
        assert len(store) == 3
    with BookmarkStore.open(path) as store:
        items = store.bookmarks()
        assert [b.id for b in items] == ["cccc3333", "bbbb2222", "aaaa1111"]
        assert items[1].note == "đọc lại"
        assert items[1].ward_label == "phường Mỹ Long"
        assert items[1].date == "2023-06-28"
        assert items[1].source == "/corpus/bbbb2222.txt"
        assert store.ids() == {"aaaa1111", "bbbb2222", "cccc3333"}


def test_add_existing_keeps_note_unless_given(store: BookmarkStore) -> None:
    store.add(summary("aaaa1111"), note="first")
    store.add(summary("aaaa1111", "New title"))
    bookmark = store.get("aaaa1111")
    assert bookmark is not None
    assert (bookmark.note, bookmark.title) == ("first", "New title")
    store.add(summary("aaaa1111"), note="second")
    assert store.get("aaaa1111").note == "second"  # type: ignore[union-attr]


def test_toggle(store: BookmarkStore) -> None:
    article = summary("aaaa1111")
    assert store.toggle(article) is True
    assert store.is_bookmarked("aaaa1111")
    assert store.toggle(article) is False
    assert not store.is_bookmarked("aaaa1111")


def test_notes_are_one_clean_line(store: BookmarkStore) -> None:
    store.add(summary("aaaa1111"))
    assert store.set_note("aaaa1111", "  hai\ndòng\x1b[31m đỏ\t ")
    assert store.get("aaaa1111").note == "hai dòng đỏ"  # type: ignore[union-attr]
    assert store.set_note("aaaa1111", "")
    assert store.get("aaaa1111").note == ""  # type: ignore[union-attr]
    assert not store.set_note("ffff0000", "x")
    assert len(clean_note("x" * 5000)) == 2000


def test_remove_and_restore_keep_everything(store: BookmarkStore) -> None:
    store.add(summary("aaaa1111"), note="giữ")
    store.add(summary("bbbb2222"))
    before = store.bookmarks()
    removed = store.remove("aaaa1111")
    assert removed is not None and removed.note == "giữ"
    assert store.remove("aaaa1111") is None
    assert [b.id for b in store.bookmarks()] == ["bbbb2222"]
    store.restore(removed)
    assert store.bookmarks() == before  # same order (date added kept), same note


def test_resolve(store: BookmarkStore) -> None:
    store.add(summary("abcd1111"))
    store.add(summary("abcd2222"))
    assert store.resolve("ABCD1111") == "abcd1111"
    assert store.resolve("abcd2") == "abcd2222"
    with pytest.raises(AmbiguousBookmark):
        store.resolve("abcd")
    with pytest.raises(UnknownBookmark):
        store.resolve("abc")  # too short for a prefix
    with pytest.raises(UnknownBookmark):
        store.resolve("ffff")


def test_in_memory_store() -> None:
    store = BookmarkStore.in_memory()
    store.add(summary("aaaa1111"))
    assert not store.persistent
    assert store.ids() == {"aaaa1111"}


# -- the library: rebuilds, moves, changes ---------------------------------------------
def test_cache_rebuild_keeps_bookmarks(tmp_path: Path, store: BookmarkStore) -> None:
    cache = tmp_path / "cache.sqlite3"
    with Library.open(cache) as lib:
        lib.sync([SEEDS], workers=1)
        store.add(lib.summary(MY_LONG), note="quan trọng")  # type: ignore[arg-type]
        store.add(lib.summary(TAY_SON))  # type: ignore[arg-type]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{cache}{suffix}").unlink(missing_ok=True)
    with Library.open(cache) as lib:
        assert lib.stats().articles == 0
        lib.sync([SEEDS], workers=1)
        report = store.reconcile(lib)
        assert report.missing == [] and report.rekeyed == []
        assert store.missing(lib) == set()
    assert {b.id for b in store.bookmarks()} == {MY_LONG, TAY_SON}
    assert store.get(MY_LONG).note == "quan trọng"  # type: ignore[union-attr]


def test_moved_file_keeps_id_and_updates_source(
    tmp_path: Path, seeds_copy: Path, store: BookmarkStore
) -> None:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([seeds_copy], workers=1)
        store.add(lib.summary(MY_LONG))  # type: ignore[arg-type]
        old = seeds_copy / "001_94c45868fd98c6ab.txt"
        new = seeds_copy / "moved" / "renamed.txt"
        new.parent.mkdir()
        old.rename(new)
        lib.sync([seeds_copy], workers=1)
        report = store.reconcile(lib)
    assert report.refreshed == 1 and report.missing == []
    assert store.get(MY_LONG).source == str(new)  # type: ignore[union-attr]


def _edit_body(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tích cực", "rất tích cực", 1), encoding="utf-8")


def test_changed_file_is_rekeyed_by_source_and_old_id_still_works(
    tmp_path: Path, seeds_copy: Path, store: BookmarkStore
) -> None:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([seeds_copy], workers=1)
        store.add(lib.summary(MY_LONG), note="ghi chú")  # type: ignore[arg-type]
        _edit_body(seeds_copy / "001_94c45868fd98c6ab.txt")
        lib.sync([seeds_copy], workers=1)
        assert lib.summary(MY_LONG) is None
        report = store.reconcile(lib)
        (old, new), = report.rekeyed
        assert old == MY_LONG and new != MY_LONG and lib.summary(new) is not None
        assert store.missing(lib) == set()
    bookmark = store.get(MY_LONG)  # found through the alias
    assert bookmark is not None and bookmark.id == new and bookmark.aliases == (MY_LONG,)
    assert bookmark.note == "ghi chú"
    assert store.resolve(MY_LONG) == new
    removed = store.remove(MY_LONG)  # `bookmarks remove OLDID`
    assert removed is not None and removed.id == new
    assert len(store) == 0
    store.restore(removed)  # undo brings the alias back too
    assert store.get(MY_LONG).id == new  # type: ignore[union-attr]


def test_moved_and_changed_file_is_found_by_title_ward_date(
    tmp_path: Path, seeds_copy: Path, store: BookmarkStore
) -> None:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([seeds_copy], workers=1)
        store.add(lib.summary(MY_LONG))  # type: ignore[arg-type]
        old = seeds_copy / "001_94c45868fd98c6ab.txt"
        _edit_body(old)
        old.rename(seeds_copy / "elsewhere.txt")
        lib.sync([seeds_copy], workers=1)
        report = store.reconcile(lib)
    assert len(report.rekeyed) == 1 and report.missing == []
    assert store.get(MY_LONG).source == str(seeds_copy / "elsewhere.txt")  # type: ignore[union-attr]


def test_deleted_article_is_missing_never_dropped(
    tmp_path: Path, seeds_copy: Path, store: BookmarkStore
) -> None:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([seeds_copy], workers=1)
        store.add(lib.summary(MY_LONG), note="đừng mất")  # type: ignore[arg-type]
        store.add(lib.summary(TAY_SON))  # type: ignore[arg-type]
        (seeds_copy / "001_94c45868fd98c6ab.txt").unlink()
        lib.sync([seeds_copy], workers=1)
        report = store.reconcile(lib)
        assert report.missing == [MY_LONG]
        assert store.missing(lib) == {MY_LONG}
        items = store.articles(lib)
    assert store.get(MY_LONG).note == "đừng mất"  # type: ignore[union-attr]
    assert len(store) == 2
    assert [type(i).__name__ for i in items] == ["PlacedArticle", "Missing"]
    assert items[1] == Missing(MY_LONG, store.get(MY_LONG).title)  # type: ignore[union-attr]


def test_replaced_file_with_another_article_is_not_rekeyed(
    tmp_path: Path, seeds_copy: Path, store: BookmarkStore
) -> None:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([seeds_copy], workers=1)
        store.add(lib.summary(MY_LONG))  # type: ignore[arg-type]
        target = seeds_copy / "001_94c45868fd98c6ab.txt"
        other = seeds_copy / "003_6df8933de2da7189.txt"
        text = other.read_text(encoding="utf-8").replace("Sáng 12/7", "Sáng 13/7", 1)
        target.write_text(text, encoding="utf-8")
        lib.sync([seeds_copy], workers=1)
        report = store.reconcile(lib)
    assert report.rekeyed == [] and report.missing == [MY_LONG]


def test_rekey_onto_an_existing_bookmark_merges(store: BookmarkStore, library: Library) -> None:
    current = library.summary(MY_LONG)
    assert current is not None
    store.add(current, note="new")
    stale = summary("0000aaaa", current.title, source=current.source)
    store.add(stale, note="old")
    report = store.reconcile(library)
    assert report.rekeyed == [("0000aaaa", MY_LONG)]
    (merged,) = store.bookmarks()
    assert merged.id == MY_LONG and merged.aliases == ("0000aaaa",)
    assert merged.note == "new · old"


# -- a store that cannot be read --------------------------------------------------
def _assert_set_aside(path: Path, original: bytes, store: BookmarkStore) -> None:
    (notice,) = store.notices
    asides = sorted(path.parent.glob(path.name + ".corrupt-*"))
    assert len(asides) == 1
    assert asides[0].read_bytes() == original  # kept byte for byte
    assert str(asides[0]) in notice
    assert store.persistent and len(store) == 0
    store.add(summary("aaaa1111"))  # and a fresh store works
    assert store.ids() == {"aaaa1111"}


@pytest.mark.parametrize(
    "content",
    [
        b"garbage \x00\xff" * 300,
        "Đây không phải SQLite\n".encode(),
        b"SQLite format 3\x00" + b"\x01" * 200,
    ],
    ids=["garbage", "text", "bad-header"],
)
def test_unreadable_store_is_set_aside(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bm.sqlite3"
    path.write_bytes(content)
    with BookmarkStore.open(path) as store:
        _assert_set_aside(path, content, store)
        assert "could not be read" in store.notices[0]


def test_newer_schema_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "bm.sqlite3"
    with BookmarkStore.open(path) as store:
        store.add(summary("aaaa1111"))
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    with BookmarkStore.open(path) as store:
        _assert_set_aside(path, original, store)
        assert "newer wardtui" in store.notices[0]


def test_another_programs_database_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "bm.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    original = path.read_bytes()
    with BookmarkStore.open(path) as store:
        _assert_set_aside(path, original, store)
        assert "not a wardtui bookmarks store" in store.notices[0]


def test_empty_file_is_simply_initialised(tmp_path: Path) -> None:
    path = tmp_path / "bm.sqlite3"
    path.write_bytes(b"")
    with BookmarkStore.open(path) as store:
        assert store.notices == []
        store.add(summary("aaaa1111"))
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_unusable_folder_gives_memory_store_with_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with BookmarkStore.open(blocker / "bm.sqlite3") as store:
        assert not store.persistent
        (notice,) = store.notices
        assert notice.startswith("Warning:") and "will not be kept" in notice
        store.add(summary("aaaa1111"))
        assert len(store) == 1
    assert blocker.read_text() == "x"


def test_errors_while_writing_become_bookmark_errors(tmp_path: Path) -> None:
    store = BookmarkStore.open(tmp_path / "bm.sqlite3")
    store.close()
    with pytest.raises(BookmarkError):
        store.add(summary("aaaa1111"))


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_locked_store_is_not_set_aside(tmp_path: Path) -> None:
    """A store another process holds busy is waited for, never taken for corrupt."""
    path = tmp_path / "bm.sqlite3"
    with BookmarkStore.open(path) as store:
        store.add(summary("aaaa1111"))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with BookmarkStore.open(path) as second:
            assert second.notices == []
            assert second.ids() == {"aaaa1111"}  # readers are not blocked in WAL mode
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_core_never_imports_textual() -> None:
    """The store, export and their CLI stay free of Textual (fast CLI, testable core)."""
    import subprocess
    import sys

    code = (
        "import sys, wardtui.userdata, wardtui.export, wardtui.cli.bookmarks, wardtui.cli\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
