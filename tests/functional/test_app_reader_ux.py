"""The reader's comforts (issue 12): sync and source keys, dates, search paging and
preview, sorting, tree width, narrow terminals; headless, with Pilot."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from appdriver import build_library, drive, make_app, palette_query, press, settle, until
from appdriver import main_of as screen_of
from textual.pilot import Pilot

from wardtui.app.screens.main import MainScreen
from wardtui.config import Sources
from wardtui.library import Library

NEW_ARTICLE = (
    "Xã Tân Phú tổ chức hội nghị tổng kết năm 2024\n\n"
    "Ngày đăng: 15/01/2025\n\n"
    "Sáng 14/01/2025, Đảng ủy xã Tân Phú tổ chức hội nghị tổng kết công tác năm 2024, "
    "triển khai nhiệm vụ năm 2025 với sự tham dự của đông đảo cán bộ, đảng viên.\n\n"
    "Minh Anh\n"
)


NAMES = ["An Phú", "Bình Minh", "Cẩm Lệ", "Duy Tân", "Hòa Khánh", "Long Thạnh", "Mỹ An",
         "Ngọc Hà", "Phú Lợi", "Quang Trung", "Tân Định", "Vĩnh Hưng"]
EVENTS = ["tổ chức hội nghị tổng kết", "ra quân dọn dẹp vệ sinh", "trao quà cho hộ nghèo",
          "khai giảng lớp học", "tập huấn phòng cháy"]


def write_wards(folder: Path, per_ward: int = 10) -> None:
    """``per_ward`` articles for each of twelve wards, dated over five years; every body
    says "hội nghị" (so a search finds them all)."""
    folder.mkdir(parents=True, exist_ok=True)
    for w, name in enumerate(NAMES):
        for i in range(per_ward):
            day, month, year = 1 + (i * 3 + w) % 28, 1 + (i + w) % 12, 2020 + i % 5
            event = EVENTS[(i + w) % len(EVENTS)]
            text = (f"Phường {name} {event} năm {year} lần {i + 1}\n\n"
                    f"Ngày đăng: {day:02d}/{month:02d}/{year}\n\n"
                    f"Sáng {day:02d}/{month:02d}/{year}, UBND phường {name} {event}, hội nghị "
                    "có sự tham dự của đông đảo cán bộ, đảng viên và nhân dân trên địa bàn "
                    "phường.\n\nMinh Anh\n")
            (folder / f"w{w:02d}-{i:02d}.txt").write_text(text, encoding="utf-8")


@pytest.fixture
def big_library(tmp_path: Path) -> Iterator[Library]:
    """120 articles in twelve wards."""
    write_wards(tmp_path / "wards")
    lib = build_library(tmp_path / "wards", tmp_path / "big-cache" / "library.sqlite3")
    yield lib
    lib.close()


async def type_query(pilot: Pilot[Any], text: str) -> None:
    """``/`` then ``text``, key by key; then wait for the searches."""
    await press(pilot, "slash", *("space" if c == " " else c for c in text))


def results_of(pilot: Pilot[Any]) -> Any:
    from wardtui.app.widgets.results import SearchResults

    return screen_of(pilot).query_one("#results", SearchResults)


def shown(pilot: Pilot[Any], part: str) -> str:
    from textual.widgets import Static

    widget = screen_of(pilot).query_one(f"#results-{part}", Static)
    return str(widget.render()) if widget.display else ""


# -- item 15: r syncs --------------------------------------------------------------------
def test_r_syncs_the_sources(seeds_copy: Path, library: Library) -> None:
    sources = Sources()
    sources.add(seeds_copy)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        (seeds_copy / "new.txt").write_text(NEW_ARTICLE, encoding="utf-8")
        await press(pilot, "r")
        assert "Library updated: 1 file read." in pilot.app.messages
        assert len(screen.ward_tree.root.children) == 6
        await press(pilot, "r")  # nothing new: no second "updated"
        assert pilot.app.messages.count("Library updated: 1 file read.") == 1

    drive(make_app(library, sources=sources), scenario)


# -- item 14: o and E open the source file -------------------------------------------
@pytest.fixture
def suspendable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The headless driver hands the terminal over (as a real one does) without closing."""
    from textual.drivers.headless_driver import HeadlessDriver

    monkeypatch.setattr(HeadlessDriver, "can_suspend", property(lambda self: True))
    monkeypatch.setattr(HeadlessDriver, "suspend_application_mode", lambda self: None)
    monkeypatch.setattr(HeadlessDriver, "resume_application_mode", lambda self: None)


def _recorder(folder: Path, name: str) -> tuple[Path, Path]:
    """A tiny program that writes its argument to a file."""
    out = folder / f"{name}.out"
    script = folder / name
    script.write_text(f'#!/bin/sh\nprintf "%s" "$1" > "{out}"\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, out


def test_o_and_E_open_the_source_in_the_pager_and_the_editor(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suspendable: None
) -> None:
    pager, paged = _recorder(tmp_path, "pager")
    editor, edited = _recorder(tmp_path, "editor")
    monkeypatch.setenv("PAGER", str(pager))
    monkeypatch.setenv("EDITOR", str(editor))

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        screen.open_article(library.summaries()[0].id)
        await press(pilot)
        article = screen.reader.article
        assert article is not None
        await press(pilot, "o")
        assert paged.read_text(encoding="utf-8") == article.source
        assert screen.reader.article_id == article.id and screen.focused is screen.reader
        await press(pilot, "E")
        assert edited.read_text(encoding="utf-8") == article.source
        Path(article.source).unlink()
        await press(pilot, "o")
        assert any("is gone" in m for m in pilot.app.messages)

    drive(make_app(library), scenario)


def test_o_without_a_terminal_to_hand_over_says_so(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        screen.open_article(library.summaries()[0].id)
        await settle(pilot)  # the reader loads the article in a worker
        assert screen.reader.article is not None
        await press(pilot, "o")
        assert "This terminal cannot hand over to another program." in pilot.app.messages

    drive(make_app(library), scenario)


# -- item 11: go to ward, one "keys" command -----------------------------------------
def test_go_to_ward_puts_the_ward_on_top_with_its_children(big_library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        tree = screen.ward_tree
        ward = next(w for w in big_library.wards() if w.ward == "Long Thạnh")
        screen.go_to_ward(ward)
        await press(pilot)
        node = tree.cursor_node
        assert node is not None and str(node.label).startswith("phường Long Thạnh")
        assert tree.scroll_offset.y == node.line > 0
        last_child = node.children[-1]
        assert last_child.line < tree.scroll_offset.y + tree.scrollable_content_region.height

    drive(make_app(big_library), scenario, size=(80, 14))


def test_the_palette_lists_the_keys_once(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "ctrl+p")
        prompts = await palette_query(pilot, "keys")
        assert "Show keys" in prompts
        assert "Keys" not in prompts

    drive(make_app(library), scenario)


# -- item 10: one date format, one ward label ------------------------------------------
def test_results_and_bookmarks_use_the_readers_date_and_ward_labels() -> None:
    from wardtui.app.widgets.results import result_lines
    from wardtui.labels import date_text, ward_name
    from wardtui.library import ArticleSummary
    from wardtui.search import SearchResult

    for ward, date in (("12", "2025-12-28"), ("An An", "2024-03"), (None, None)):
        summary = ArticleSummary("abcd123456", "Tin", ward, "phường", date, None, None,
                                 "/x.txt", 10)
        details = result_lines(SearchResult(summary, 1, (), (), None, ()))[1].plain
        assert details == f"{ward_name(ward, 'phường')} · {date_text(date)}"
    assert date_text("2025-12-28") == "28/12/2025" and ward_name("12", "phường") == "Phường 12"


# -- item 5: hints whole, "type more" ---------------------------------------------------
def test_hints_are_shown_whole_and_one_letter_says_type_more(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await type_query(pilot, "year:abc hoi")
        hint = "ignored year:abc (try year:2023 or year:2019..2021)"
        assert shown(pilot, "hints") == hint
        hints = screen_of(pilot).query_one("#results-hints")
        assert hints.region.width < len(hint) and hints.region.height >= 2  # wrapped, whole
        await press(pilot, "escape")
        await type_query(pilot, "a")
        assert shown(pilot, "count") == "Type at least two letters to search."
        await press(pilot, "escape")
        await type_query(pilot, '"')
        assert shown(pilot, "hints").startswith('a lone " starts a phrase')
        await press(pilot, "escape")
        assert shown(pilot, "hints") == ""

    drive(make_app(library), scenario, size=(80, 24))


# -- item 4: every result, page by page --------------------------------------------------
def test_results_page_through_every_result(big_library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await type_query(pilot, "hoi nghi")
        results = results_of(pilot)
        assert shown(pilot, "count") == "1-50 of 120 results"
        await press(pilot, "enter")  # to the results
        listing = results.option_list
        assert listing.has_focus and listing.highlighted == 0
        await press(pilot, "end")
        assert shown(pilot, "count") == "101-120 of 120 results"
        assert listing.highlighted == 19 and len(results.results) == 20
        last = results.highlighted_result.id
        await press(pilot, "down")  # nothing after the last
        assert results.highlighted_result.id == last
        await press(pilot, "up", "end")  # on the last page: its last result
        assert listing.highlighted == 19
        await press(pilot, "home")
        assert shown(pilot, "count") == "1-50 of 120 results" and listing.highlighted == 0
        await press(pilot, "up")  # nothing before the first
        assert shown(pilot, "count") == "1-50 of 120 results"
        listing.highlighted = 49
        await press(pilot, "down")
        assert shown(pilot, "count") == "51-100 of 120 results" and listing.highlighted == 0
        await press(pilot, "up")
        assert shown(pilot, "count") == "1-50 of 120 results" and listing.highlighted == 49
        seen = {r.id for r in results.results}
        await press(pilot, "down")
        assert not seen & {r.id for r in results.results}  # no result shown twice

    drive(make_app(big_library), scenario)


# -- item 6: results preview, title in sight, marks cleared, match n of m ---------------
def _match_styles(reader: Any, line: int) -> set[Any]:
    """The styles of the marked characters painted on ``line`` of the article."""
    strip = reader.render_line(line - reader.scroll_offset.y)
    return {seg.style for seg in strip if seg.text.strip() and seg.style and seg.style.bold}


def test_results_preview_keep_the_title_and_step_through_matches(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        reader = screen.reader
        await type_query(pilot, "giai phong mat bang")
        results = results_of(pilot)
        assert len(results.results) >= 2
        await press(pilot, "enter")  # into the results: the first one is previewed
        assert reader.article_id == results.results[0].id
        await press(pilot, "down")
        assert reader.article_id == results.results[1].id
        assert screen.focused is results.option_list  # a preview keeps the focus
        await press(pilot, "up", "enter")  # open the first
        assert screen.focused is reader and reader.article_id == results.results[0].id
        assert reader.match_lines and reader.match_lines[0] > 0
        assert reader.scroll_offset.y == 0  # the first match is on the first page: title seen
        assert reader.match_status == f"Match 1 of {len(reader.match_lines)}"
        assert len(reader.match_lines) > 1
        first, second = reader.match_lines[:2]
        before = _match_styles(reader, first)
        assert before  # the current match is bold, the others not
        if second < reader.scrollable_content_region.height:
            assert _match_styles(reader, second) == set()
        await press(pilot, "n")
        assert reader.match_status == f"Match 2 of {len(reader.match_lines)}"
        assert any(n.message == reader.match_status for n in pilot.app._notifications)
        assert reader.scroll_offset.y == second
        assert _match_styles(reader, second) == before  # the current one's style moved
        await press(pilot, "escape", "escape")  # back to the results, then the tree
        assert reader.match_lines == [] and reader.search_query is None
        assert reader.article is not None  # the article stays, unmarked

    drive(make_app(library), scenario)


# -- item 3: after a sync, the open article is read again ------------------------------
def test_a_sync_rereads_the_open_article_and_keeps_the_cursor_on_it(
    seeds_copy: Path, library: Library
) -> None:
    sources = Sources()
    sources.add(seeds_copy)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        tree, reader = screen.ward_tree, screen.reader
        first = library.summaries()[0]
        tree.select_article(first.id)
        await press(pilot, "enter")
        assert reader.article_id == first.id and tree.current_article_id == first.id
        path = Path(first.source)
        text = path.read_text(encoding="utf-8")
        path.write_text(text.rstrip("\n") + "\n\nĐoạn mới thêm sau khi đồng bộ.\n",
                        encoding="utf-8")
        await press(pilot, "r")
        assert "Library updated: 1 file read." in pilot.app.messages
        assert reader.article_id not in (None, first.id)
        assert any("Đoạn mới thêm sau khi đồng bộ." in line for line in reader.text_lines)
        assert tree.current_article_id == reader.article_id  # not the year above it
        path.unlink()
        await press(pilot, "r")
        assert any("is no longer in the library" in m for m in pilot.app.messages)

    drive(make_app(library, sources=sources), scenario)


# -- item 1: tree labels and width ---------------------------------------------------------
def test_a_title_under_its_ward_drops_the_wards_name() -> None:
    from wardtui.labels import title_under_ward

    assert title_under_ward("Phường Mỹ Long tổ chức hội nghị", "Mỹ Long", "phường") == \
        "Tổ chức hội nghị"
    assert title_under_ward("PHƯỜNG 1: ra quân", "1", "phường") == "Ra quân"
    assert title_under_ward("Phường 12 ra quân", "1", "phường") == "Phường 12 ra quân"
    assert title_under_ward("Đảng ủy phường Mỹ Long", "Mỹ Long", "phường") == \
        "Đảng ủy phường Mỹ Long"
    assert title_under_ward("Phường Mỹ Long", "Mỹ Long", "phường") == "Phường Mỹ Long"
    assert title_under_ward("Tin", None, None) == "Tin"


def test_tree_labels_fit_at_80x24_and_the_width_is_remembered(big_library: Library) -> None:
    from wardtui.config import Settings

    settings = Settings()

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        tree = screen.ward_tree
        room = tree.scrollable_content_region.width
        for node in tree.root.children:  # every ward's name and count fits
            assert cells(node.label) + 2 <= room, node.label
        tree.select_article(big_library.summaries(ward="An Phú", unit="phường")[0].id)
        await press(pilot)
        node = tree.cursor_node
        assert node is not None and node.data is not None and node.data.summary is not None
        assert "Phường An Phú" not in str(node.label)
        assert str(node.label).split(" ", 1)[1].startswith(("Tổ chức", "Ra quân", "Trao",
                                                             "Khai", "Tập"))
        left = screen.query_one("#left")
        before = left.outer_size.width
        await press(pilot, "greater_than_sign", "greater_than_sign")
        assert left.outer_size.width == before + 8 == settings.tree_width
        await press(pilot, "less_than_sign")
        assert left.outer_size.width == before + 4 == settings.tree_width
        await press(pilot, "t", "t")  # the date grouping indents less
        assert tree.grouping == "date" and tree.guide_depth == 2

    drive(make_app(big_library, settings=settings), scenario, size=(80, 24))

    async def again(pilot: Pilot[Any]) -> None:
        assert screen_of(pilot).query_one("#left").outer_size.width == settings.tree_width

    drive(make_app(big_library, settings=settings), again, size=(80, 24))


def cells(label: Any) -> int:
    from rich.text import Text

    return Text(str(label)).cell_len


# -- item 9: narrow terminals ------------------------------------------------------------
def _on_screen(pilot: Pilot[Any], widget: Any) -> bool:
    width, height = pilot.app.size
    region = widget.region
    return bool(region.width and region.height) and region.right <= width \
        and region.bottom <= height and region.x >= 0 and region.y >= 0


async def _footer_keys(pilot: Pilot[Any]) -> list[str]:
    from textual.widgets._footer import FooterKey

    for _ in range(100):  # the footer recomposes when the focus settles: wait for its layout
        keys = list(pilot.app.screen.query(FooterKey))
        if keys and all(key.region.width for key in keys):
            break
        await pilot.pause()
    for key in keys:  # each whole on screen, none squeezed to a stray letter
        assert _on_screen(pilot, key)
        assert key.region.width >= len(key.key_display) + 1 + len(key.description)
    return [key.key_display for key in keys]


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
def test_every_screen_fits_a_narrow_terminal(library: Library, size: tuple[int, int]) -> None:
    from textual.widgets import Button

    from wardtui.app.screens.export_dialog import ExportDialog
    from wardtui.app.screens.help import HelpScreen

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        keys = await _footer_keys(pilot)
        for key in ("q", "?", "c"):
            assert key in keys
        left = screen.query_one("#left")
        assert left.outer_size.width <= max(28, size[0] // 3 + 1)  # the reader has the most
        for part in ("#status", "#search", "#tree", "#reader"):
            assert _on_screen(pilot, screen.query_one(part))
        screen.open_article(library.summaries()[0].id)
        for _ in range(200):  # the reader loads it in a worker: e exports what it shows
            if screen.reader.article is not None:
                break
            await pilot.pause()
        await press(pilot, "e")
        assert isinstance(pilot.app.screen, ExportDialog)
        for button in pilot.app.screen.query(Button):
            assert _on_screen(pilot, button), button
        await press(pilot, "escape", "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await press(pilot, "escape", "B")
        assert pilot.app.screen is not screen
        for widget in pilot.app.screen.query("DataTable, Button"):
            if widget.display and widget.visible:
                assert _on_screen(pilot, widget), widget
        await press(pilot, "escape")
        assert pilot.app.screen is screen

    drive(make_app(library), scenario, size=size)


# -- item 8: the bookmarks list and the note in the reader ---------------------------------
LONG_NOTE = "đọc lại phần tổng kết, so sánh với năm trước và gửi cho cả nhóm trước thứ sáu"


def test_bookmarks_list_cuts_at_words_and_shows_the_note_whole(big_library: Library) -> None:
    from textual.widgets import DataTable, Static

    from wardtui.app.screens.bookmarks import BookmarksScreen

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        summary = big_library.summaries()[0]
        store = pilot.app.bookmarks
        assert store is not None
        store.add(summary, note=LONG_NOTE)
        screen.open_article(summary.id)
        pilot.app.refresh_bookmarks()
        # the article's worker, then its note's (after Reader.Shown), then the ★'s
        await until(pilot, lambda: any(line.startswith("Note: đọc lại")
                                       for line in screen.reader.text_lines))
        await press(pilot, "B")
        bookmarks = pilot.app.screen
        assert isinstance(bookmarks, BookmarksScreen)
        table = bookmarks.query_one(DataTable)
        detail_of = bookmarks.query_one("#bookmarks-detail", Static)
        await until(pilot, lambda: table.row_count > 0 and summary.title in str(detail_of.render()))
        assert [str(c.label) for c in table.columns.values()] == ["Date", "Ward", "Title", "Note"]
        date, _ward, title, note = (cell.plain for cell in table.get_row_at(0))
        assert title.endswith("…") and summary.title.startswith(title[:-1])
        assert summary.title[len(title) - 1] == " "  # cut at a word
        assert note.endswith("…") and LONG_NOTE.startswith(note[:-1])
        detail = str(bookmarks.query_one("#bookmarks-detail", Static).render())
        assert summary.title in detail and LONG_NOTE in detail.replace("\n", " ")
        assert date == "20/12/2024"

    drive(make_app(big_library), scenario, size=(80, 24))


# -- item 16: sort ---------------------------------------------------------------------------
def test_s_orders_the_articles_and_the_results_remembered(big_library: Library) -> None:
    from wardtui.config import Settings

    settings = Settings()

    def article_dates(tree: Any) -> list[str]:
        ward = tree.root.children[0]
        tree.ensure_children(ward)
        year = ward.children[0]
        tree.ensure_children(year)
        return [n.data.summary.date for n in year.children]

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        tree = screen.ward_tree
        assert tree.border_title == "by ward · newest first"
        dates = article_dates(tree)
        assert len(dates) > 1 and dates == sorted(dates, reverse=True)
        await press(pilot, "s")
        assert settings.article_order == "oldest" and tree.border_title.endswith("oldest first")
        assert article_dates(tree) == sorted(dates)
        await press(pilot, "s")
        article_dates(tree)
        titles = [n.data.summary.title for n in tree.root.children[0].children[0].children]
        assert titles == sorted(titles) and tree.border_title.endswith("by title")
        await type_query(pilot, "hoi nghi")
        await press(pilot, "enter")
        relevance = [r.id for r in results_of(pilot).results]
        await press(pilot, "s")
        assert settings.result_order == "date" and "Results by date." in pilot.app.messages
        found = [r.summary.date or "" for r in results_of(pilot).results]
        assert found == sorted(found, reverse=True)
        assert [r.id for r in results_of(pilot).results] != relevance

    drive(make_app(big_library, settings=settings), scenario)

    async def again(pilot: Pilot[Any]) -> None:
        tree = screen_of(pilot).ward_tree
        assert tree.order == "title" and tree.border_title.endswith("by title")
        assert screen_of(pilot).search_pane.by_date

    drive(make_app(big_library, settings=settings), again)


# -- item 2: the first sync shows articles as batches land -----------------------------
def test_the_first_sync_shows_articles_as_batches_land(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import threading

    from wardtui.app.screens.main import SyncProgress
    from wardtui.library import sync
    from wardtui.library.writer import Writer

    write_wards(tmp_path / "wards")
    sources = Sources()
    sources.add(tmp_path / "wards")
    app = make_app(None, sources=sources, sync=True)
    first_batch, go = threading.Event(), threading.Event()
    original = Writer.store

    def store(self: Writer, batch: Any, known: Any) -> Any:
        """The first batch commits, says so, then waits (a big folder's sync runs on)."""
        result = original(self, batch, known)
        if not first_batch.is_set():
            app.main.post_message(SyncProgress(len(batch), 120))
            first_batch.set()
            go.wait(30)
        return result

    monkeypatch.setattr(Writer, "store", store)
    monkeypatch.setattr(sync, "BATCH", 30)
    monkeypatch.setattr(MainScreen, "GROW_SECONDS", 0)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            try:
                for _ in range(500):  # until the first batch is in the tree
                    await pilot.pause(0.01)
                    screen = pilot.app.screen
                    if isinstance(screen, MainScreen) and screen.ward_tree.root.children:
                        break
                screen = screen_of(pilot)
                tree, reader = screen.ward_tree, screen.reader
                wards = len(tree.root.children)
                assert 0 < wards < 12  # some of the articles, while the sync runs
                assert "syncing 30/120 files" in str(screen.query_one("#status-sync").render())
                # read meanwhile: the tree's cursor stays on the article
                assert pilot.app.library is not None
                screen.open_article(pilot.app.library.summaries()[0].id)
                for _ in range(200):
                    await pilot.pause(0.01)
                    if reader.article is not None:
                        break
                assert reader.article is not None
                opened = reader.article.id
                tree.select_article(opened)
                screen.on_sync_progress(SyncProgress(60, 120))  # another report: no change
                assert tree.current_article_id == opened
            finally:
                go.set()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert len(screen.ward_tree.root.children) == 12
            assert screen.ward_tree.current_article_id == opened

    asyncio.run(main())


def test_the_help_lists_the_new_keys(library: Library) -> None:
    from wardtui.app.keys import help_sections

    async def scenario(pilot: Pilot[Any]) -> None:
        sections = help_sections(pilot.app.get_key_display, pilot.app.BINDINGS)
        rows = [row for section in sections for row in section.keys]
        keys = {key for shown, _ in rows for key in shown.replace(",", " ").split()}
        assert {"r", "o", "E", "s", "<", ">"} <= keys
        assert any("PAGER" in what for _, what in rows)
        assert any("last result" in what.lower() for _, what in rows)

    drive(make_app(library), scenario)


def test_dragging_the_line_between_the_panes_resizes_the_tree(big_library: Library) -> None:
    """Item 1, the mouse: drag the tree's right edge; the width is remembered."""
    from wardtui.config import Settings

    settings = Settings()

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = screen_of(pilot)
        left = screen.query_one("#left")
        edge = left.region.right - 1
        await pilot.mouse_down(offset=(edge, 10))
        await pilot.hover(offset=(50, 10))
        await pilot.mouse_up(offset=(50, 10))
        await pilot.pause()
        assert left.outer_size.width == 51 == settings.tree_width

    drive(make_app(big_library, settings=settings), scenario, size=(120, 36))

    async def again(pilot: Pilot[Any]) -> None:
        assert screen_of(pilot).query_one("#left").outer_size.width == 51

    drive(make_app(big_library, settings=settings), again, size=(120, 36))
