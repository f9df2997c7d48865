"""Issue 11, the library's part: a sync never loses what it should keep, never reads
what it should not, never hangs.

Each test names its item of issue 11: item 1 (current sources), 4 (unlistable
folder), 5 (unreadable retried), 6 (foreign cache set aside), 7 (own exports),
11 (links out of a source), 12 (FIFO), 18 (injective keys, PATH_MAX).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from wardtui import export
from wardtui.corpus import parse_file
from wardtui.library import Library
from wardtui.library import sync as sync_module
from wardtui.library.own_exports import EXPORT_REASON
from wardtui.library.schema import SCHEMA_VERSION
from wardtui.library.walk import NOT_REGULAR, PATH_MAX

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _folder(root: Path, *indexes: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in indexes:
        (root / f"a{i}.txt").write_bytes(SEED_FILES[i].read_bytes())
    return root


def _open(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "cache" / "library.sqlite3")


# -- item 1 -------------------------------------------------------------------------------
def test_item1_sync_with_callable_keeps_a_source_added_meanwhile(tmp_path: Path) -> None:
    """A sync that started with [A] must not empty B, added (and synced) by another
    process before this sync removes anything."""
    a = _folder(tmp_path / "A", 0, 1)
    b = _folder(tmp_path / "B", 2, 3)
    with _open(tmp_path) as other:
        other.sync([a, b])  # the other process added B and synced it
    calls: list[int] = []

    def current() -> list[Path]:
        calls.append(1)
        return [a] if len(calls) == 1 else [a, b]  # B appears after our walk started

    with _open(tmp_path) as library:
        report = library.sync(current)
        assert len(calls) == 2
        assert report.removed == 0
        assert library.stats().articles == 4


def test_item1_sync_with_callable_removes_a_source_removed_meanwhile(tmp_path: Path) -> None:
    a = _folder(tmp_path / "A", 0)
    b = _folder(tmp_path / "B", 2)
    with _open(tmp_path) as library:
        library.sync([a, b])
        report = library.sync(lambda: [a])
        assert report.removed == 1
        assert library.stats().articles == 1


# -- item 4 -------------------------------------------------------------------------------
@pytest.mark.parametrize("which", ["subfolder", "root"])
def test_item4_unlistable_folder_keeps_its_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    root = _folder(tmp_path / "src", 0)
    closed = _folder(root / "closed", 1, 2)
    with _open(tmp_path) as library:
        library.sync([root])
        assert library.stats().articles == 3
        target = str(closed if which == "subfolder" else root)
        original, original_open = os.scandir, os.open

        def scandir(path: str) -> object:  # root reads anything: fail as a user would
            if str(path) == target:
                raise PermissionError(13, "Permission denied", str(path))
            return original(path)

        def opening(path: str, flags: int, *args: int, **kwargs: object) -> int:
            if str(path) == target:  # the walk lists a folder through a descriptor
                raise PermissionError(13, "Permission denied", str(path))
            return original_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "scandir", scandir)
        monkeypatch.setattr(os, "open", opening)
        report = library.sync([root])
        assert report.removed == 0
        assert library.stats().articles == 3
        assert any(target in p and "kept its articles" in p for p in report.problems)


# -- item 5 -------------------------------------------------------------------------------
def test_item5_unreadable_file_is_retried_when_nothing_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _folder(tmp_path / "src", 0, 1)
    locked = root / "a1.txt"
    original = sync_module.read_regular

    def denied(path: str, *, follow: bool, limit: int) -> bytes:
        if path == str(locked):
            raise PermissionError(13, "Permission denied", path)
        return original(path, follow=follow, limit=limit)

    with _open(tmp_path) as library:
        monkeypatch.setattr(sync_module, "read_regular", denied)
        report = library.sync([root])
        assert [r for _, r in report.skipped] == ["unreadable (Permission denied)"]
        report = library.sync([root])  # still unreadable: retried, skipped again
        assert [r for _, r in report.skipped] == ["unreadable (Permission denied)"]
        assert (report.changed, report.unchanged) == (0, 1)
        monkeypatch.setattr(sync_module, "read_regular", original)  # permission fixed
        report = library.sync([root])  # size and mtime did not change
        assert report.skipped == []
        assert library.stats().articles == 2


# -- item 6 -------------------------------------------------------------------------------
def test_item6_foreign_database_at_cache_path_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "library.sqlite3"
    path.parent.mkdir()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.execute("INSERT INTO invoices VALUES (42)")
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        asides = list(path.parent.glob("library.sqlite3.not-wardtui-*"))
        assert len(asides) == 1
        assert any(str(asides[0]) in n for n in library.notices)
        kept = sqlite3.connect(asides[0])
        assert kept.execute("SELECT n FROM invoices").fetchall() == [(42,)]
        assert kept.execute("PRAGMA journal_mode").fetchone()[0] != "wal"  # left unchanged
        kept.close()
        library.sync([_folder(tmp_path / "src", 0)])
        assert library.stats().articles == 1


def test_item6_any_non_wardtui_file_at_cache_path_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "library.sqlite3"
    path.parent.mkdir()
    path.write_bytes(b"my thesis, chapter 3\n" * 200)
    with Library.open(path) as library:
        asides = list(path.parent.glob("library.sqlite3.not-wardtui-*"))
        assert [a.read_bytes() for a in asides] == [b"my thesis, chapter 3\n" * 200]
        assert any(str(asides[0]) in n for n in library.notices)


# -- item 7 -------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_item7_own_exports_in_a_source_are_skipped(tmp_path: Path, fmt: str) -> None:
    root = _folder(tmp_path / "src", 0, 1)
    article = parse_file(SEED_FILES[0])
    text = export.render(article, fmt)  # type: ignore[arg-type]
    (root / f"exported-{fmt}.txt").write_text(text, encoding="utf-8")
    with _open(tmp_path) as library:
        report = library.sync([root])
        assert report.skipped == [(str(root / f"exported-{fmt}.txt"), EXPORT_REASON)]
        assert library.stats().articles == 2


# -- item 11 ------------------------------------------------------------------------------
def test_item11_links_out_of_a_source_are_not_followed(tmp_path: Path) -> None:
    root = _folder(tmp_path / "src", 0)
    outside = _folder(tmp_path / "elsewhere", 1, 2)
    (root / "passwd.txt").symlink_to(outside / "a1.txt")
    (root / "linked-dir").symlink_to(outside, target_is_directory=True)
    (root / "inside.txt").symlink_to(root / "a0.txt")  # inside its root: followed
    with _open(tmp_path) as library:
        report = library.sync([root])
        assert sorted(report.links_outside) == [str(root / "linked-dir"),
                                                str(root / "passwd.txt")]
        assert any("2 symbolic links" in p and "not followed" in p for p in report.problems)
        assert library.stats().articles == 1
        assert library.stats().files == 2  # a0.txt and the link inside.txt


# -- item 12 ------------------------------------------------------------------------------
def test_item12_fifo_in_place_of_a_file_never_hangs_sync(tmp_path: Path) -> None:
    """The file becomes a FIFO between the walk and the read. Run in a child process:
    on a blocking open it would wait forever, and the guard below ends it."""
    root = _folder(tmp_path / "src", 0, 1)
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from wardtui.library import Library
        from wardtui.library import sync

        original = sync.walk_sources

        def walk_then_swap(*args, **kwargs):
            yield from original(*args, **kwargs)
            victim = {str(root / "a1.txt")!r}
            os.unlink(victim)
            os.mkfifo(victim)

        sync.walk_sources = walk_then_swap
        with Library.open(Path({str(tmp_path / "cache.sqlite3")!r})) as library:
            report = library.sync([Path({str(root)!r})], workers=1)
            print(report.skipped)
            print(library.stats().articles)
    """)
    done = subprocess.run(  # the timeout only ends a hung child; it measures nothing
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"[({str(root / 'a1.txt')!r}, {NOT_REGULAR!r})]", "1"]


# -- item 18 ------------------------------------------------------------------------------
def test_item18_raw_byte_and_literal_backslash_names_get_two_keys(tmp_path: Path) -> None:
    root = _folder(tmp_path / "src")
    raw = os.path.join(os.fsencode(root), b"bad\xff.txt")
    with open(raw, "wb") as handle:
        handle.write(SEED_FILES[0].read_bytes())
    (root / "bad\\xff.txt").write_bytes(SEED_FILES[1].read_bytes())
    with _open(tmp_path) as library:
        report = library.sync([root])
        assert report.new == 2
        assert library.stats().files == 2
        assert library.stats().articles == 2
        again = library.sync([root])
        assert (again.unchanged, again.changed, again.removed) == (2, 0, 0)


def test_item18_cache_of_schema_1_is_migrated_and_rereads_backslash_names(
    tmp_path: Path,
) -> None:
    root = _folder(tmp_path / "src", 0)
    (root / "back\\slash.txt").write_bytes(SEED_FILES[1].read_bytes())
    path = tmp_path / "cache" / "library.sqlite3"
    with Library.open(path) as library:
        library.sync([root])
    conn = sqlite3.connect(path)
    conn.execute("UPDATE files SET path = replace(path, '\\\\', '\\')")  # the old key
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        assert not any("rebuilt" in n for n in library.notices)
        version = library.conn.execute("PRAGMA user_version").fetchone()[0]
        assert version == SCHEMA_VERSION
        report = library.sync([root])
        assert (report.unchanged, report.new, report.removed) == (1, 1, 1)
        assert library.stats().files == 2 and library.stats().articles == 2


def test_item18_path_longer_than_path_max_is_reported_skipped(tmp_path: Path) -> None:
    root = _folder(tmp_path / "src", 0)
    name = "d" * 200
    fd = os.open(root, os.O_RDONLY)
    depth = 0
    try:
        while len(str(root)) + depth * (len(name) + 1) < PATH_MAX + 300:
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
            depth += 1
        with os.fdopen(os.open("deep.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd),
                       "wb") as handle:
            fd = -1
            handle.write(SEED_FILES[1].read_bytes())
    finally:
        if fd >= 0:
            os.close(fd)
    with _open(tmp_path) as library:
        report = library.sync([root])
        assert len(report.skipped) == 1
        assert "path too long" in report.skipped[0][1]
        assert library.stats().articles == 1


def test_item1_app_view_sync_keeps_a_source_indexed_by_the_cli_meanwhile(
    tmp_path: Path,
) -> None:
    """`wardtui index A`; the app starts (holds a Sources); `wardtui index B` in
    another shell; the app's sync must keep B's articles."""
    from wardtui.config import Sources

    a = _folder(tmp_path / "A", 0, 1)
    b = _folder(tmp_path / "B", 2, 3)

    def index(folder: Path) -> None:
        done = subprocess.run(
            [sys.executable, "-m", "wardtui.cli", "index", str(folder)],
            capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, done.stderr

    index(a)
    app_sources = Sources()  # read at the app's start: [A]
    index(b)
    with Library.open() as library:
        report = library.sync(app_sources.current)
        assert report.removed == 0
        assert library.stats().articles == 4
        library.sync(app_sources.effective)  # the property is current too
        assert library.stats().articles == 4
