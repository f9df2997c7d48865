"""Start-up, sync in the background, notices, and what the app remembers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from appdriver import drive, make_app, press, until
from textual.pilot import Pilot

from wardtui import paths
from wardtui.app.screens.main import MainScreen
from wardtui.config import Settings, Sources
from wardtui.library import Library, LibraryError

NEW_ARTICLE = (
    "Xã Tân Phú tổ chức hội nghị tổng kết năm 2024\n\n"
    "Ngày đăng: 15/01/2025\n\n"
    "Sáng 14/01/2025, Đảng ủy xã Tân Phú tổ chức hội nghị tổng kết công tác năm 2024, "
    "triển khai nhiệm vụ năm 2025 với sự tham dự của đông đảo cán bộ, đảng viên.\n\n"
    "Minh Anh\n"
)


def screen_of(pilot: Pilot[Any]) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


def test_first_start_opens_the_cache_in_a_worker_and_syncs(seeds_copy: Path) -> None:
    sources = Sources()
    sources.add(seeds_copy)
    app = make_app(None, sources=sources, sync=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await until(pilot, lambda: len(screen.ward_tree.root.children) == 5)
        assert "Library updated: 5 files read." in app.messages
        assert str(screen.query_one("#status-sync").render()) == "up to date"
        assert str(screen.query_one("#status-name").render()) == "wardtui · corpus"

    drive(app, scenario)
    assert paths.library_path().is_file()

    # the next start shows the cache and finds nothing to do
    again = make_app(None, sources=Sources(), sync=True)

    async def second(pilot: Pilot[Any]) -> None:
        await until(pilot, lambda: len(screen_of(pilot).ward_tree.root.children) == 5)
        assert not any(m.startswith("Library updated") for m in again.messages)

    drive(again, second)


def test_a_sync_refreshes_the_tree_and_keeps_the_place(
    seeds_copy: Path, library: Library
) -> None:
    sources = Sources()
    sources.add(seeds_copy)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        tree, reader = screen.ward_tree, screen.reader
        await press(pilot, "j", "j", "j", "l", "l", "l", "j", "enter")  # Mỹ Long's article
        article = reader.article_id
        assert article is not None and reader.article is not None
        assert reader.article.ward == "Mỹ Long"
        await press(pilot, "end")  # read to the end of it
        scrolled = reader.scroll_offset.y
        (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        screen.sync_now()
        await press(pilot)
        labels = [str(n.label) for n in tree.root.children]
        assert "xã Tân Phú  1" in labels and len(labels) == 6
        assert tree.current_article_id == article
        assert tree.root.children[3].is_expanded  # Mỹ Long stays open
        assert reader.article_id == article and reader.scroll_offset.y == scrolled
        assert "Library updated: 1 file read." in pilot.app.messages
        assert "6 articles · 6 wards" in str(screen.query_one("#status-counts").render())

    drive(make_app(library, sources=sources), scenario)


def test_an_unreadable_source_and_an_empty_library_are_explained(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    sources = Sources()
    sources.add(gone)
    gone.rmdir()
    app = make_app(None, sources=sources, sync=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        assert any("cannot be read" in m and str(gone) in m for m in app.messages)
        lines = screen.reader.text_lines
        assert lines[0] == "The library is empty"
        assert any("wardtui index PATH" in line for line in lines)
        assert not screen.ward_tree.root.children
        await press(pilot, "right_square_bracket", "j", "l", "enter", "t", "t")  # nothing breaks
        assert pilot.app.is_running

    drive(app, scenario)


def test_a_corrupt_cache_is_rebuilt_with_a_notice(seeds_copy: Path) -> None:
    cache = paths.library_path()
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"this is not a database" * 100)
    sources = Sources()
    sources.add(seeds_copy)
    app = make_app(None, sources=sources, sync=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        assert any("was rebuilt" in m for m in app.messages)
        await until(pilot, lambda: len(screen_of(pilot).ward_tree.root.children) == 5)

    drive(app, scenario)


def test_corrupt_settings_and_an_unknown_theme_give_notices(library: Library) -> None:
    settings_file = paths.settings_path()
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text("{not json", encoding="utf-8")
    app = make_app(library, settings=Settings.load())
    unknown = make_app(library, settings=Settings(theme="no-such-theme"))

    async def scenario(pilot: Pilot[Any]) -> None:
        assert any("settings" in m.lower() for m in pilot.app.messages)

    async def theme(pilot: Pilot[Any]) -> None:
        assert pilot.app.theme == "textual-dark"
        assert any("no-such-theme" in m for m in pilot.app.messages)

    drive(app, scenario)
    drive(unknown, theme)


def test_theme_grouping_and_last_article_are_remembered(library: Library) -> None:
    first = make_app(library, settings=Settings.load(), remember=True)
    opened: list[str] = []

    async def use(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await press(pilot, "right_square_bracket", "right_square_bracket", "t")
        assert screen.reader.article_id is not None
        opened.append(screen.reader.article_id)
        pilot.app.theme = "gruvbox"
        await press(pilot, "q")

    drive(first, use)
    saved = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert saved["grouping"] == "place"  # t: ward -> place
    assert saved["theme"] == "gruvbox"
    assert saved["last_article"] == opened[0]

    second = make_app(library, settings=Settings.load(), remember=True)

    async def restored(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        assert pilot.app.theme == "gruvbox"
        assert screen.ward_tree.grouping == "place"
        assert screen.ward_tree.current_article_id == opened[0]
        assert screen.reader.article_id == opened[0]

    drive(second, restored)


def test_the_sample_corpus_is_used_when_no_source_was_added(tmp_path: Path) -> None:
    app = make_app(None, sources=Sources(), sync=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        await until(pilot, lambda: len(screen.ward_tree.root.children) == 5)
        assert str(screen.query_one("#status-name").render()) == "wardtui · sample corpus"

    drive(app, scenario)
    shutil.rmtree(paths.cache_dir(), ignore_errors=True)


def test_an_unusable_cache_folder_gives_a_memory_cache_and_a_warning(
    seeds_copy: Path, monkeypatch: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("WARDTUI_CACHE_DIR", str(blocker))
    sources = Sources()
    sources.add(seeds_copy)
    app = make_app(None, sources=sources, sync=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        assert any("in-memory cache" in m for m in app.messages)
        try:
            await until(pilot, lambda: len(screen_of(pilot).ward_tree.root.children) == 5)
        except AssertionError as error:
            raise AssertionError(f"the tree stayed empty; the app said: {app.messages}") from error

    drive(app, scenario)


def test_a_library_that_cannot_be_opened_is_explained(monkeypatch: Any) -> None:
    def broken(cls: type[Library], path: Path | None = None) -> Library:
        raise LibraryError("disk I/O error")

    monkeypatch.setattr(Library, "open", classmethod(broken))
    app = make_app(None, sources=Sources(), sync=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        assert "Could not open the library: disk I/O error" in app.messages
        assert str(screen.query_one("#status-sync").render()) == "no library"
        assert screen.reader.text_lines[:1] == ["The library could not be opened"]
        await press(pilot, "right_square_bracket", "b", "slash", "d", "escape", "t")
        assert pilot.app.is_running

    drive(app, scenario)
