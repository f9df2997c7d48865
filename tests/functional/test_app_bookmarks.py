"""Bookmarks, export and copy in the app (``b``, ``B``, ``e``, ``c``), driven headless."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from appdriver import drive, main_of, make_app, palette_query, press, settle
from textual.pilot import Pilot
from textual.widgets import Input, Label

from wardtui import paths
from wardtui.app.screens.bookmarks import BookmarksScreen
from wardtui.app.screens.export_dialog import ConfirmOverwrite, ExportDialog, ExportManyDialog
from wardtui.app.screens.main import MainScreen
from wardtui.config import Settings, Sources
from wardtui.export import proposed_name, to_txt
from wardtui.library import Library
from wardtui.userdata import BookmarkError, BookmarkStore

MY_LONG = "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"
TO_MY_LONG = ("j", "j", "j", "l", "l", "l", "j")  # from the top of the tree to its article


def store_of(pilot: Pilot[Any]) -> BookmarkStore:
    store = pilot.app.bookmarks
    assert store is not None
    return store


def cursor_label(screen: MainScreen) -> str:
    node = screen.ward_tree.cursor_node
    assert node is not None
    return str(node.label)


def test_b_in_the_tree_toggles_a_bookmark_and_its_star(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG)
        article_id = screen.ward_tree.current_article_id
        assert article_id is not None and "★" not in cursor_label(screen)
        await press(pilot, "b")
        assert store_of(pilot).ids() == {article_id}
        assert cursor_label(screen) == f"28/06 ★ {MY_LONG}"
        assert f"Bookmarked: {MY_LONG}" in app.messages
        await press(pilot, "b")
        assert store_of(pilot).ids() == set()
        assert cursor_label(screen) == f"28/06 {MY_LONG}"
        assert f"Bookmark removed: {MY_LONG}" in app.messages
        # on a group there is nothing to bookmark
        await press(pilot, "h", "b")
        assert len(store_of(pilot)) == 0
        assert app.messages[-1] == "Move the cursor to an article first."

    drive(app, scenario)


def test_b_in_the_reader_and_through_the_hook(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG, "enter")
        assert screen.focused is screen.reader
        await press(pilot, "b")  # b bookmarks (it no longer pages up in the reader)
        article_id = screen.reader.article_id
        assert article_id is not None and store_of(pilot).ids() == {article_id}
        assert "★" in cursor_label(screen)
        assert screen.focused is screen.reader
        # the hook for other panes (search results): by id, also for an article not in view
        other = next(s.id for s in library.all_summaries() if s.ward == "Tây Sơn")
        screen.toggle_bookmark(other)
        await settle(pilot)
        assert store_of(pilot).ids() == {article_id, other}
        # its ward is opened later: its node is born with the ★
        await press(pilot, "escape", "G", "l", "l", "l", "j")
        assert screen.ward_tree.current_article_id == other
        assert "★" in cursor_label(screen)

    drive(app, scenario)


def test_b_with_markup_in_the_title_notifies_it_literally(hostile_library: Library) -> None:
    app = make_app(hostile_library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "right_square_bracket", "b")
        assert app.messages[-1] == (
            "Bookmarked: Phường Mỹ An [bold]chú ý[/bold] [@click=app.quit]bấm[/]"
        )
        assert pilot.app.is_running

    drive(app, scenario)


def test_capital_b_lists_the_bookmarks_and_enter_opens_one(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG, "b")
        wanted = screen.ward_tree.current_article_id
        await press(pilot, "g", "right_square_bracket")  # read another article
        assert screen.reader.article_id != wanted
        await press(pilot, "B")
        view = pilot.app.screen
        assert isinstance(view, BookmarksScreen)
        assert view.current_id == wanted
        await press(pilot, "enter")
        assert pilot.app.screen is screen
        assert screen.reader.article_id == wanted
        assert screen.ward_tree.current_article_id == wanted  # found in the tree too
        assert screen.focused is screen.reader
        # the palette command opens it as well; d there removes, and the ★ follows
        await press(pilot, "ctrl+p")
        assert (await palette_query(pilot, "bookmarks"))[0] == "Bookmarks"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, BookmarksScreen)
        await press(pilot, "d", "escape")
        assert pilot.app.screen is screen
        assert len(store_of(pilot)) == 0
        assert "★" not in cursor_label(screen)

    drive(app, scenario)


def test_a_missing_article_is_marked_in_the_view(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        here = next(iter(library.all_summaries()))
        with BookmarkStore.open() as other:  # another process; one article the library lacks
            other.add(here)
            other.add(replace(here, id="0123456789abcdef", title="Đã mất"))
        await press(pilot, "B")
        view = pilot.app.screen
        assert isinstance(view, BookmarksScreen)
        heading = view.query_one("#bookmarks-heading", Label).render()
        assert str(heading).endswith("2 articles, 1 missing")
        await press(pilot, "enter")  # the missing one (newest) cannot be opened
        assert pilot.app.screen is view

    drive(app, scenario)


def test_e_exports_and_asks_before_replacing(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    app = make_app(library, settings=Settings(export_dir=str(folder)))

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG, "e")  # from the tree
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-folder", Input).value == str(folder)
        article = screen.reader.article
        assert article is not None
        target = folder / proposed_name(article)
        await press(pilot, "enter")
        assert pilot.app.screen is screen
        assert target.read_text(encoding="utf-8") == to_txt(article)
        # again, from the reader: the file exists, so it asks
        target.write_text("mine", encoding="utf-8")
        await press(pilot, "enter", "e", "enter")
        assert isinstance(pilot.app.screen, ConfirmOverwrite)
        await press(pilot, "n", "escape")
        assert pilot.app.screen is screen
        assert target.read_text(encoding="utf-8") == "mine"
        await press(pilot, "e", "enter", "y")
        assert pilot.app.screen is screen
        assert target.read_text(encoding="utf-8") == to_txt(article)
        # another folder typed in the dialog is remembered
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        await press(pilot, "e")
        pilot.app.screen.query_one("#export-folder", Input).value = str(elsewhere)
        await press(pilot, "ctrl+s")
        assert (elsewhere / target.name).is_file()
        assert app.settings.export_dir == str(elsewhere)

    drive(app, scenario)


def test_the_export_folder_is_saved_in_the_settings(library: Library, tmp_path: Path) -> None:
    app = make_app(library, settings=Settings.load(), remember=True)
    (tmp_path / "out").mkdir()

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "right_square_bracket", "e")
        pilot.app.screen.query_one("#export-folder", Input).value = str(tmp_path / "out")
        await press(pilot, "ctrl+s")
        saved = json.loads(paths.settings_path().read_text(encoding="utf-8"))
        assert saved["export_dir"] == str(tmp_path / "out")  # written by the settings worker
        assert len(list((tmp_path / "out").iterdir())) == 1

    drive(app, scenario)


def test_export_bookmarks_from_the_palette(library: Library, tmp_path: Path) -> None:
    app = make_app(library, settings=Settings(export_dir=str(tmp_path)))

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "ctrl+p")
        await palette_query(pilot, "export bookmarks")
        await press(pilot, "enter")  # nothing bookmarked yet
        assert main_of(pilot) is pilot.app.screen
        assert "No bookmarks to export yet" in app.messages[-1]
        await press(pilot, "right_square_bracket", "b", "right_square_bracket", "b")
        await press(pilot, "ctrl+p")
        assert (await palette_query(pilot, "export bookmarks"))[0] == "Export bookmarks…"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ExportManyDialog)
        await press(pilot, "enter")
        assert main_of(pilot) is pilot.app.screen
        assert len(list(tmp_path.glob("*.txt"))) == 2

    drive(app, scenario)


def test_palette_export_article(library: Library, tmp_path: Path) -> None:
    app = make_app(library, settings=Settings(export_dir=str(tmp_path)))

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "right_square_bracket", "ctrl+p")
        prompts = await palette_query(pilot, "export article")
        assert prompts[0] == "Export article"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, ExportDialog)

    drive(app, scenario)


def test_c_copies_from_the_tree_and_the_reader(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG)
        assert screen.focused is screen.ward_tree
        await press(pilot, "c")
        article = library.get(screen.ward_tree.current_article_id or "")
        assert article is not None
        assert pilot.app.clipboard == to_txt(article)
        assert app.messages[-1] == f"Copied to the clipboard: {MY_LONG}"
        await press(pilot, "g", "right_square_bracket", "enter", "c")  # the reader's article
        assert screen.reader.article is not None
        assert pilot.app.clipboard == to_txt(screen.reader.article)
        await press(pilot, "escape", "g", "c")  # a ward: nothing copied
        assert pilot.app.clipboard == to_txt(screen.reader.article)
        assert app.messages[-1] == "Move the cursor to an article first."

    drive(app, scenario)


def test_a_bookmark_survives_a_restart(library: Library) -> None:
    chosen: list[str] = []

    async def first(pilot: Pilot[Any]) -> None:
        await press(pilot, *TO_MY_LONG, "b")
        chosen.append(main_of(pilot).ward_tree.current_article_id or "")
        await pilot.press("q")

    first_app = make_app(library)
    drive(first_app, first)
    assert first_app.return_code == 0

    async def second(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        assert store_of(pilot).ids() == set(chosen)
        await press(pilot, *TO_MY_LONG)
        assert "★" in cursor_label(screen)
        await press(pilot, "B")
        view = pilot.app.screen
        assert isinstance(view, BookmarksScreen) and view.current_id == chosen[0]

    drive(make_app(library), second)


def test_a_corrupt_bookmarks_file_is_set_aside_with_a_notice(library: Library) -> None:
    store_file = paths.bookmarks_path()
    store_file.parent.mkdir(parents=True)
    store_file.write_bytes(b"not a database at all " * 200)
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        assert any("could not be read" in m and "new, empty one" in m for m in app.messages)
        await press(pilot, *TO_MY_LONG, "b")
        assert len(store_of(pilot)) == 1
        assert "★" in cursor_label(main_of(pilot))

    drive(app, scenario)
    kept = [p for p in store_file.parent.iterdir() if p.name.startswith("bookmarks.sqlite3.")
            and not p.name.endswith((".lock", "-wal", "-shm"))]
    assert kept and any(p.read_bytes().startswith(b"not a database") for p in kept)


def test_store_errors_become_notices(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise BookmarkError("the bookmarks could not be changed: database is locked")

    monkeypatch.setattr(BookmarkStore, "toggle", broken)
    monkeypatch.setattr(BookmarkStore, "ids", broken)
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, *TO_MY_LONG, "b", "B", "escape")
        assert "The bookmarks could not be changed: database is locked" in app.messages
        assert pilot.app.is_running

    drive(app, scenario)


def test_a_sync_rekeys_a_bookmark_whose_file_changed(
    seeds_copy: Path, library: Library
) -> None:
    sources = Sources()
    sources.add(seeds_copy)
    app = make_app(library, sources=sources)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG, "b")
        old = screen.ward_tree.current_article_id
        assert old is not None
        summary = library.summary(old)
        assert summary is not None
        source = Path(summary.source)
        source.write_text(source.read_text(encoding="utf-8") + "\nMột đoạn mới.\n",
                          encoding="utf-8")
        screen.sync_now()
        await settle(pilot)
        new = screen.ward_tree.current_article_id  # the cursor follows the new version
        assert new not in (None, old)
        assert store_of(pilot).ids() == {new}  # re-keyed to the new version
        assert "★" in cursor_label(screen)
        # b on the old version (as a reader opened before the sync shows it) finds it too
        old_article = library.get(new)
        assert old_article is not None
        screen.reader.show_article(replace(old_article, id=old))
        screen.reader.focus()
        await press(pilot, "b")
        assert len(store_of(pilot)) == 0 and "★" not in cursor_label(screen)

    drive(app, scenario)


def test_help_lists_the_new_keys(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "question_mark")
        described = {d for s in pilot.app.screen.sections for _, d in s.keys}  # type: ignore[attr-defined]
        assert {"Bookmark the current article, or remove its bookmark", "The list of bookmarks",
                "Export the current article to a file",
                "Copy the current article's text to the clipboard"} <= described

    drive(make_app(library), scenario)


def test_store_calls_run_off_the_ui_thread(library: Library,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    real_toggle, real_ids = BookmarkStore.toggle, BookmarkStore.ids

    def toggle(self: BookmarkStore, item: Any) -> bool:
        threads.append(threading.current_thread().name)
        return real_toggle(self, item)

    def ids(self: BookmarkStore) -> set[str]:
        threads.append(threading.current_thread().name)
        return real_ids(self)

    monkeypatch.setattr(BookmarkStore, "toggle", toggle)
    monkeypatch.setattr(BookmarkStore, "ids", ids)
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, *TO_MY_LONG, "b")
        assert "★" in cursor_label(main_of(pilot))
        used = list(threads)  # the app's calls (opening, toggling, reading the ids)
        assert len(used) >= 3 and threading.main_thread().name not in used
        assert app.bookmarked == store_of(pilot).ids()


def test_an_unexpected_failure_in_a_pane_worker_is_a_notice(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wardtui.app.widgets import search_pane

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("a bug")

    monkeypatch.setattr(search_pane, "search", broken)
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "slash", "d", "a", "n")
        assert pilot.app.is_running
        assert "Could not search: a bug" in app.messages

    drive(app, scenario)
