"""Read marks (issue 12, item 12): read or unread per article, in bulk, unread counts,
surviving a cache rebuild and an article's id change, the schema 1 → 2 migration."""

from __future__ import annotations

import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import SEEDS
from tests.unit.test_search_engine import write_fixtures

from wardtui.library import UNDATED, UNKNOWN_WARD, ArticleSummary, Library
from wardtui.userdata import (
    SCHEMA_VERSION,
    BookmarkError,
    BookmarkStore,
    UnreadCounts,
    UserDataError,
    unread_counts,
)
from wardtui.userdata.schema import APPLICATION_ID
from wardtui.userdata.unread import group_of

MY_LONG = "4bc50b54b5"  # seed 001
TAY_SON = "ede07255cc"  # seed 003
HOI_PHU = "bc897e88d8"  # seed 004


def summary(article_id: str, title: str = "Tiêu đề", **kw: object) -> ArticleSummary:
    values: dict[str, object] = {
        "ward": "Mỹ Long", "unit": "phường", "date": "2023-06-28", "author": None,
        "category": None, "source": f"/corpus/{article_id}.txt", "words": 10,
    }
    values.update(kw)
    return ArticleSummary(id=article_id, title=title, **values)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[BookmarkStore]:
    with BookmarkStore.open(tmp_path / "data.sqlite3") as opened:
        yield opened


@pytest.fixture
def seeds_library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(tmp_path / "cache.sqlite3") as lib:
        lib.sync([SEEDS], workers=1)
        yield lib


# Several articles per ward, year and month (written as files, parsed like any source).
ARTICLES = {
    "a1": ("Phường Mỹ Long ra quân làm sạch đường phố", "05/06/2023",
           "Phường Mỹ Long ra quân hưởng ứng phong trào làm sạch đường phố.", None),
    "a2": ("Phường Mỹ Long tổng kết công tác dân vận", "20/06/2023",
           "Phường Mỹ Long tổng kết công tác dân vận với nhiều kết quả nổi bật.", None),
    "a3": ("Phường Mỹ Long vui đón Tết cổ truyền", "02/01/2022",
           "Người dân phường Mỹ Long vui đón Tết cổ truyền trong không khí ấm áp.", None),
    "b1": ("Xã Tân Phú triển khai giải phóng mặt bằng", "10/05/2021",
           "UBND xã Tân Phú họp với các hộ dân về dự án giải phóng mặt bằng.", None),
    "b2": ("Xã Tân Phú họp dân về đường giao thông", "11/06/2023",
           "Xã Tân Phú tổ chức họp dân lấy ý kiến về tuyến đường giao thông nông thôn.", None),
    "u1": ("Thông báo lịch tiếp dân", None,
           "Lịch tiếp công dân định kỳ của lãnh đạo được niêm yết công khai tại trụ sở, "
           "người dân đến đúng giờ và mang theo giấy tờ cần thiết.", None),
}


@pytest.fixture
def wards_library(tmp_path: Path) -> Iterator[Library]:
    folder = write_fixtures(tmp_path / "src", articles=ARTICLES)
    with Library.open(tmp_path / "cache.sqlite3") as lib:
        lib.sync([folder], workers=1)
        yield lib


def by_name(library: Library) -> dict[str, ArticleSummary]:
    return {Path(s.source).stem: s for s in library.all_summaries()}


# -- one article, many articles ---------------------------------------------------------
def test_mark_read_and_unread_one_article(store: BookmarkStore) -> None:
    reading = store.reading
    article = summary("aaaa1111")
    assert not reading.is_read("aaaa1111") and len(reading) == 0
    assert reading.set_read(article, True) is True
    assert reading.set_read(article, True) is False  # already read: nothing changed
    assert reading.is_read("aaaa1111") and reading.ids() == {"aaaa1111"}
    assert reading.set_read(article, False) is True
    assert reading.set_read(article, False) is False
    assert not reading.is_read("aaaa1111") and reading.ids() == set()


def test_toggle(store: BookmarkStore) -> None:
    article = summary("aaaa1111")
    assert store.reading.toggle(article) is True
    assert store.reading.is_read("aaaa1111")
    assert store.reading.toggle(article) is False
    assert not store.reading.is_read("aaaa1111")


def test_many_at_once_and_counts_of_what_changed(store: BookmarkStore) -> None:
    articles = [summary(f"{i:08x}") for i in range(1000)]
    assert store.reading.mark_read(articles[:600]) == 600
    assert store.reading.mark_read(articles) == 400  # the 600 were read already
    assert len(store.reading) == 1000
    assert store.reading.mark_unread(a.id for a in articles[::2]) == 500
    assert store.reading.mark_unread(["ffffffff", "00000000"]) == 0
    assert store.reading.ids() == {a.id for a in articles[1::2]}
    assert store.reading.mark_read([]) == 0 and store.reading.mark_unread([]) == 0


def test_marking_many_is_all_or_nothing(store: BookmarkStore) -> None:
    good = [summary(f"{i:08x}") for i in range(10)]
    bad = summary("bad00000", title=None)  # type: ignore[arg-type]  # NOT NULL in the store
    with pytest.raises(UserDataError, match="the read marks could not be changed"):
        store.reading.mark_read([*good[:5], bad, *good[5:]])
    assert store.reading.ids() == set()  # the first five were rolled back with it


def test_read_mark_errors_are_not_bookmark_errors(store: BookmarkStore) -> None:
    store.close()
    with pytest.raises(UserDataError) as caught:
        store.reading.ids()
    assert not isinstance(caught.value, BookmarkError)
    assert "read marks" in str(caught.value)
    with pytest.raises(UserDataError, match="history"):
        store.history.entries()


def test_the_ids_read_are_one_select(store: BookmarkStore) -> None:
    store.reading.mark_read(summary(f"{i:08x}") for i in range(300))
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    try:
        assert len(store.reading.ids()) == 300
    finally:
        store._conn.set_trace_callback(None)
    assert [s for s in statements if s.lstrip().upper().startswith("SELECT")] == [
        "SELECT id FROM read_marks UNION ALL SELECT alias FROM read_aliases"]


def test_in_memory_store_keeps_marks_for_its_life() -> None:
    with BookmarkStore.in_memory() as store:
        store.reading.mark_read([summary("aaaa1111")])
        assert store.reading.is_read("aaaa1111")


# -- what survives ------------------------------------------------------------------------
def test_marks_survive_a_restart_and_a_cache_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    cache = tmp_path / "cache.sqlite3"
    with Library.open(cache) as lib, BookmarkStore.open(path) as store:
        lib.sync([SEEDS], workers=1)
        store.reading.mark_read([lib.summary(MY_LONG), lib.summary(TAY_SON)])  # type: ignore[list-item]
    for name in ("cache.sqlite3", "cache.sqlite3-wal", "cache.sqlite3-shm"):
        (tmp_path / name).unlink(missing_ok=True)
    with Library.open(cache) as lib, BookmarkStore.open(path) as store:
        lib.sync([SEEDS], workers=1)  # a new cache, built again from the sources
        assert store.reading.ids() == {MY_LONG, TAY_SON}
        assert store.reading.reconcile(lib) == []
        counts = store.reading.unread_counts(lib)
        assert counts.total == 3
        assert counts.count(ward="Mỹ Long", unit="phường") == 0
        assert counts.count(ward="Hội Phú", unit="phường") == 1


def _edit_body(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("tích cực", "rất tích cực", 1), encoding="utf-8")


def test_an_article_whose_id_changed_stays_read(tmp_path: Path, store: BookmarkStore) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    with Library.open(tmp_path / "cache.sqlite3") as lib:
        lib.sync([corpus], workers=1)
        store.reading.mark_read([lib.summary(MY_LONG), lib.summary(HOI_PHU)])  # type: ignore[list-item]
        _edit_body(corpus / "001_94c45868fd98c6ab.txt")
        lib.sync([corpus], workers=1)
        assert lib.summary(MY_LONG) is None
        ((old, new),) = store.reading.reconcile(lib)
        assert old == MY_LONG and lib.summary(new) is not None
        assert store.reading.reconcile(lib) == []  # nothing more to do
        assert store.reading.is_read(new) and store.reading.is_read(MY_LONG)  # old id: alias
        assert store.reading.ids() == {new, MY_LONG, HOI_PHU}
        assert len(store.reading) == 2
        assert store.reading.unread_counts(lib).count(ward="Mỹ Long", unit="phường") == 0
        # Marking the old id again adds nothing; unmarking it unmarks the article.
        assert store.reading.mark_read([summary(MY_LONG)]) == 0
        assert store.reading.mark_unread([MY_LONG]) == 1
        assert store.reading.ids() == {HOI_PHU}


def test_a_retitled_or_gone_article_keeps_its_mark_unmoved(
    tmp_path: Path, store: BookmarkStore
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    with Library.open(tmp_path / "cache.sqlite3") as lib:
        lib.sync([corpus], workers=1)
        store.reading.mark_read([lib.summary(MY_LONG), lib.summary(TAY_SON)])  # type: ignore[list-item]
        seed = corpus / "001_94c45868fd98c6ab.txt"
        text = seed.read_text(encoding="utf-8")  # another title: not the article read
        seed.write_text(text.replace("sơ kết 06 tháng đầu năm 2023", "đón Tết", 1),
                        encoding="utf-8")
        (corpus / "003_6df8933de2da7189.txt").unlink()
        lib.sync([corpus], workers=1)
        assert lib.summary(MY_LONG) is None and lib.find_by_source(str(seed)) is not None
        assert store.reading.reconcile(lib) == []
        assert store.reading.ids() == {MY_LONG, TAY_SON}  # kept: they may come back
        assert store.reading.unread_counts(lib).total == lib.stats().articles


# -- unread counts ---------------------------------------------------------------------------
def test_unread_counts_per_ward_year_and_month(wards_library: Library) -> None:
    items = by_name(wards_library)
    read = {items["a1"].id, items["a3"].id, items["b2"].id}
    counts = unread_counts(wards_library, read)
    assert counts.total == 3
    assert counts.count(ward="Mỹ Long", unit="phường") == 1
    assert counts.count(ward="Mỹ Long") == 1  # any unit
    assert counts.count(ward="Mỹ Long", unit="phường", year=2023) == 1
    assert counts.count(ward="Mỹ Long", unit="phường", year=2022) == 0
    assert counts.count(ward="Tân Phú", unit="xã") == 1
    assert counts.count(year=2023) == 1 and counts.count(year=2021) == 1
    assert counts.count(year=2023, month=6) == 1 and counts.count(year=2023, month=5) == 0
    assert counts.count(year=2023, month=6, ward="Mỹ Long", unit="phường") == 1
    assert counts.count(year=2023, month=6, ward="Tân Phú", unit="xã") == 0
    assert counts.count(year=UNDATED) == 1
    assert items["u1"].ward is None and counts.count(ward=UNKNOWN_WARD) == 1
    assert counts.count(ward=UNKNOWN_WARD, year=UNDATED) == 1
    assert counts.count(ward=UNKNOWN_WARD, year=2023) == 0
    with pytest.raises(ValueError, match="month"):
        counts.count(month=6)


def test_unread_counts_agree_with_the_summaries(wards_library: Library) -> None:
    summaries = list(wards_library.all_summaries())
    for step in range(1, 4):
        read = {s.id for s in summaries[::step]}
        counts = unread_counts(wards_library, read)
        unread = [s for s in summaries if s.id not in read]
        assert counts.total == len(unread)
        per_ward = Counter((s.ward, s.unit) for s in unread)
        for ward in wards_library.wards():
            name = ward.ward if ward.ward is not None else UNKNOWN_WARD
            assert counts.count(ward=name, unit=ward.unit) == per_ward[(ward.ward, ward.unit)]
        per_year = Counter(s.year or UNDATED for s in unread)
        for year, _total in wards_library.years():
            assert counts.count(year=year) == per_year[year]


def test_unread_groups_are_every_articles_group_of(wards_library: Library) -> None:
    """The grouped query and :func:`group_of` (which adjusts the counts after a mark)
    agree on every article, even those without a ward but with a unit (one group, not
    one per unit) and those dated by year only."""
    conn = wards_library.conn
    with conn:
        conn.execute("UPDATE articles SET ward = NULL, unit = 'xã', date = '2021'"
                     " WHERE source LIKE '%b1.txt'")
        conn.execute("UPDATE articles SET ward = NULL, unit = 'phường', date = '2021'"
                     " WHERE source LIKE '%b2.txt'")
        conn.execute("UPDATE articles SET date = '2022' WHERE source LIKE '%a3.txt'")
    summaries = list(wards_library.all_summaries())
    read = {by_name(wards_library)["a1"].id}
    counts = unread_counts(wards_library, read)
    expected = Counter(group_of(s) for s in summaries if s.id not in read)
    assert counts.groups == dict(expected)
    assert counts.count(ward=UNKNOWN_WARD, year=2021) == 2
    assert counts.count(ward="Mỹ Long", unit="phường", year=2022, month=0) == 1


def test_no_marks_means_every_article_is_unread(seeds_library: Library) -> None:
    counts = unread_counts(seeds_library, ())
    assert isinstance(counts, UnreadCounts)
    assert counts.total == 5
    assert counts.count(year=2023) == 2
    assert unread_counts(seeds_library, {s.id for s in seeds_library.all_summaries()}).total == 0


# -- the file -------------------------------------------------------------------------------
SCHEMA_1 = (
    """CREATE TABLE bookmarks (id TEXT PRIMARY KEY, title TEXT NOT NULL, ward TEXT, unit TEXT,
        date TEXT, source TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
        added TEXT NOT NULL)""",
    "CREATE INDEX bookmarks_added ON bookmarks (added)",
    """CREATE TABLE aliases (alias TEXT PRIMARY KEY, id TEXT NOT NULL
        REFERENCES bookmarks (id) ON UPDATE CASCADE ON DELETE CASCADE)""",
    "CREATE INDEX aliases_id ON aliases (id)",
    "INSERT INTO bookmarks VALUES ('aaaa1111', 'Một', 'Mỹ Long', 'phường', '2023-06-28',"
    " '/c/a.txt', 'giữ', '2025-01-01T00:00:00+00:00')",
    "INSERT INTO aliases VALUES ('0000aaaa', 'aaaa1111')",
    f"PRAGMA application_id = {APPLICATION_ID}",
    "PRAGMA user_version = 1",
)


def test_a_schema_1_file_is_migrated_and_keeps_its_bookmarks(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    conn = sqlite3.connect(path)
    for statement in SCHEMA_1:
        conn.execute(statement)
    conn.commit()
    conn.close()
    with BookmarkStore.open(path) as store:
        assert store.notices == []
        (bookmark,) = store.bookmarks()
        assert (bookmark.id, bookmark.note, bookmark.aliases) == ("aaaa1111", "giữ", ("0000aaaa",))
        store.reading.mark_read([summary("bbbb2222")])
        store.history.visit(summary("bbbb2222"), None)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    finally:
        conn.close()
    with BookmarkStore.open(path) as store:
        assert store.reading.ids() == {"bbbb2222"} and len(store.history) == 1
        assert len(store) == 1


def test_a_schema_2_file_without_its_tables_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks.sqlite3"
    conn = sqlite3.connect(path)
    for statement in SCHEMA_1[:-1]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 2")  # says 2, has only the tables of 1
    conn.commit()
    conn.close()
    original = path.read_bytes()
    with BookmarkStore.open(path) as store:
        (notice,) = store.notices
        assert "unknown layout" in notice
        (aside,) = path.parent.glob(path.name + ".corrupt-*")
        assert aside.read_bytes() == original and str(aside) in notice
        store.reading.mark_read([summary("aaaa1111")])
        assert store.reading.ids() == {"aaaa1111"}


def test_changes_by_another_process_are_seen_own_ones_are_not(tmp_path: Path) -> None:
    path = tmp_path / "data.sqlite3"
    with BookmarkStore.open(path) as mine, BookmarkStore.open(path) as theirs:
        start = mine.outside_changes()
        mine.reading.mark_read([summary("aaaa1111")])
        mine.history.visit(summary("aaaa1111"), None)
        assert mine.outside_changes() == start  # my own changes
        theirs.reading.mark_read([summary("bbbb2222")])
        moved = mine.outside_changes()
        assert moved != start
        assert mine.outside_changes() == moved  # nothing new since
        theirs.add(summary("cccc3333"))  # a bookmark counts too
        assert mine.outside_changes() != moved


def test_adjusted_counts_are_the_counts_of_the_new_marks(wards_library: Library) -> None:
    summaries = list(wards_library.all_summaries())
    read: set[str] = set()
    counts = unread_counts(wards_library, read)
    for article in summaries[::2]:  # one at a time, as the reader marks them
        read.add(article.id)
        counts = counts.adjusted([article], True)
        assert counts == unread_counts(wards_library, read)
    gone = summaries[0]
    read.discard(gone.id)
    counts = counts.adjusted([gone], False)
    fresh = unread_counts(wards_library, read)
    assert counts == fresh
    for ward in wards_library.wards():
        name = ward.ward if ward.ward is not None else UNKNOWN_WARD
        assert counts.count(ward=name, unit=ward.unit) == fresh.count(ward=name, unit=ward.unit)
    for year, _n in wards_library.years():
        assert counts.count(year=year) == fresh.count(year=year)
