"""The app beside other processes, and with hostile input (issue 11, the app's items).

Another process is played by the test itself, the way the command line does it: it
opens the user's bookmark store (``BookmarkStore.open()``) or sources file
(``Sources()``) of its own. Waits for a worker that is meant to be blocked poll the
screen with a hang guard; nothing here measures time.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from appdriver import build_library, drive, main_of, make_app, press, settle
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from wardtui import paths
from wardtui.app.bookmark_keeper import BUSY, ConfirmRemove
from wardtui.app.lazy_lines import CACHED_BLOCKS, LazyLines
from wardtui.app.screens.export_dialog import UNSAFE_NAME, ExportDialog
from wardtui.app.screens.main import MainScreen
from wardtui.app.widgets.reader import HEAD_PARAGRAPHS
from wardtui.app.widgets.search_bar import MAX_QUERY, TOO_LONG, SearchBar
from wardtui.config import Sources
from wardtui.corpus.model import Article, Paragraph
from wardtui.library import Library
from wardtui.userdata import BookmarkStore

MY_LONG = "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"
TO_MY_LONG = ("j", "j", "j", "l", "l", "l", "j")  # from the top of the tree to its article
GUARD = 400  # pauses of 0.05 s: a hang guard, never an assertion about speed


async def until(pilot: Pilot[Any], holds: Callable[[], bool]) -> None:
    """Pause until ``holds()`` (a hang guard, not a timing)."""
    for _ in range(GUARD):
        if holds():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def settled_until(pilot: Pilot[Any], holds: Callable[[], bool]) -> None:
    """Settle (workers done, their messages handled) until ``holds()``: a worker's answer
    can start another worker, more rounds than one settle on a loaded machine (the
    rounds are a hang guard, not a timing)."""
    for _ in range(GUARD):
        if holds():
            return
        await settle(pilot)
    assert holds(), "the app never got there"


def label(screen: MainScreen) -> str:
    node = screen.ward_tree.cursor_node
    assert node is not None
    return str(node.label)


# -- item 1: the sync reads the sources as they are ---------------------------------------
class AddedMeanwhile(Sources):
    """The app's sources; as soon as a sync has read them, "another process" adds
    ``other`` and indexes it (``wardtui index OTHER``): the app's sync must read the
    sources again before it removes anything, and keep what that process added."""

    def __init__(self, other: Path, cache: Path) -> None:
        super().__init__()
        self.other = other
        self.cache = cache
        self.reads = 0

    def current(self) -> list[Path]:
        listed = super().current()
        self.reads += 1
        if self.reads == 1:
            Sources().add(self.other)  # another process, while the sync runs
            with Library.open(self.cache) as elsewhere:
                elsewhere.sync(Sources().current, workers=1)
        return listed


def test_a_sync_keeps_a_source_added_meanwhile(seeds_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    first = sorted(p for p in seeds_copy.iterdir() if p.suffix == ".txt")[0]
    (other / "mot.txt").write_text(first.read_text(encoding="utf-8") + "\nThêm một dòng.\n",
                                   encoding="utf-8")
    Sources().add(seeds_copy)
    cache = tmp_path / "cache" / "library.sqlite3"
    library = build_library(seeds_copy, cache)
    sources = AddedMeanwhile(other, cache)
    app = make_app(library, sources=sources)

    def from_other() -> list[str]:
        return [s.id for s in library.summaries() if s.source.startswith(str(other))]

    async def scenario(pilot: Pilot[Any]) -> None:
        assert not from_other()
        main_of(pilot).sync_now()
        await settle(pilot)
        assert sources.reads >= 2, "the sync read the sources once only"
        assert Sources().added == [seeds_copy, other]
        assert from_other(), "the app's sync removed what another process had just added"

    drive(app, scenario)


# -- item 3: bookmarks added elsewhere; b on the store as it is now -------------------------
def test_b_on_a_bookmark_noted_elsewhere_asks_before_removing(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG)
        article_id = screen.ward_tree.current_article_id
        summary = library.summary(article_id) if article_id else None
        assert summary is not None and "★" not in label(screen)
        with BookmarkStore.open() as other:  # `wardtui bookmarks add ID --note x`
            other.add(summary, note="x: đọc kỹ")
        await press(pilot, "b")  # before any poll: the worker reads the store now
        await settled_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmRemove))
        await press(pilot, "n")
        await settled_until(pilot, lambda: "The bookmark and its note are kept." in app.messages)
        with BookmarkStore.open() as other:
            kept = other.get(summary.id)
            assert kept is not None and kept.note == "x: đọc kỹ"
        # the app sees the bookmark added elsewhere (the worker's answer, then the tree's ★)
        await settled_until(pilot, lambda: "★" in label(screen))
        await press(pilot, "b")
        await settled_until(pilot, lambda: isinstance(pilot.app.screen, ConfirmRemove))
        await press(pilot, "y")
        removed = f"Bookmark removed, with its note: {MY_LONG}"
        await settled_until(pilot, lambda: removed in app.messages)
        with BookmarkStore.open() as other:
            assert other.get(summary.id) is None
        await settled_until(pilot, lambda: "★" not in label(screen))

    drive(app, scenario)


def test_bookmarks_added_elsewhere_show_on_focus_and_on_the_timer(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG)
        summary = library.summary(screen.ward_tree.current_article_id or "")
        assert summary is not None
        with BookmarkStore.open() as other:
            other.add(summary)
        app.post_message(events.AppFocus())  # back in the terminal
        await until(pilot, lambda: "★" in label(screen))
        with BookmarkStore.open() as other:
            other.remove(summary.id)
        await until(pilot, lambda: "★" not in label(screen))  # the poll, each second

    drive(app, scenario)


# -- item 15: another process holds the lock ------------------------------------------
def test_b_while_another_process_holds_the_lock(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, *TO_MY_LONG)
        holder = sqlite3.connect(paths.bookmarks_path(), isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")  # another process, writing for a long time
            await pilot.press("b")
            await pilot.press("k")  # the screen still answers
            await pilot.pause()
            assert label(screen) != f"28/06 {MY_LONG}", "the cursor did not move"
            await until(pilot, lambda: BUSY in app.messages)
            assert pilot.app.bookmarks is not None
        finally:
            holder.rollback()
            holder.close()
        await until(pilot, lambda: f"Bookmarked: {MY_LONG}" in app.messages)

    drive(app, scenario)


# -- item 10: the search bar keeps one clean line --------------------------------------
def test_a_pasted_query_is_one_clean_line_of_at_most_1000_characters(library: Library
                                                                      ) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "slash")
        bar = pilot.app.screen.query_one(SearchBar)
        bar.post_message(events.Paste("Mỹ\x1b[2J Long\u202e\x07\tx\x9b"))
        await settle(pilot)
        assert bar.value == "Mỹ Long x"
        bar.value = ""
        await settle(pilot)
        bar.post_message(events.Paste("phường " * 20_000))
        await settle(pilot)
        assert len(bar.value) == MAX_QUERY
        assert TOO_LONG in app.messages

    drive(app, scenario)


# -- item 8: names from the file system never reach the terminal raw -----------------------
def test_a_hostile_folder_name_is_painted_clean(tmp_path: Path) -> None:
    folder = tmp_path / "tin\x1b]52;c;cHduZWQ=\x07\x1b]0;pwned\x07\u202eevil\x9b2J"
    folder.mkdir()
    Sources().add(folder)
    library = Library.open(tmp_path / "cache" / "library.sqlite3")  # empty: the message
    app = make_app(library, sources=Sources())

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        reader = screen.reader
        painted = [
            "".join(segment.text for segment in reader.render_line(y))
            for y in range(reader.scrollable_content_region.height)
        ]
        text = "\n".join(painted)
        assert "No article was found in:" in text and "evil" in text
        for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert bad not in text, repr(bad)
        whole = pilot.app.export_screenshot()  # every widget: the status line too
        assert "evil" in whole
        for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert bad not in whole, repr(bad)

    try:
        drive(app, scenario)
    finally:
        library.close()


# -- item 10: the export dialog's file name ------------------------------------------
def test_the_export_name_never_takes_or_echoes_control_or_bidi_characters(
    library: Library, tmp_path: Path
) -> None:
    app = make_app(library)
    folder = tmp_path / "exports"
    folder.mkdir()
    hostile = "ab\x1b]0;pwned\x07c\u202e\u200b.txt\x9b"

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, *TO_MY_LONG)
        await press(pilot, "e")
        dialog = pilot.app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-folder", Input).value = str(folder)
        name = dialog.query_one("#export-name", Input)
        name.value = ""
        name.post_message(events.Paste(hostile))  # pasted: cleaned as it comes in
        await settle(pilot)
        assert name.value == "abc.txt"
        name.value = hostile  # set another way: refused, and not echoed
        await settle(pilot)
        await press(pilot, "enter")
        error = str(dialog.query_one("#export-error", Static).render())
        assert error == UNSAFE_NAME
        assert list(folder.iterdir()) == []
        name.value = "abc.txt"
        await press(pilot, "enter")
        assert [p.name for p in folder.iterdir()] == ["abc.txt"]
        assert not any(bad in m for m in app.messages for bad in ("\x1b", "\u202e", "\x9b"))

    drive(app, scenario)


# -- item 14: a huge article opens without laying it all out on the UI thread -------------
def test_a_huge_article_is_laid_out_lazily(library: Library) -> None:
    count = 100_000  # short paragraphs (the file had a million: the same path)
    article = Article(id="huge000000", title="Phường Mỹ An: một bài rất dài", ward="Mỹ An",
                      unit="phường", date="2024-03-02",
                      paragraphs=tuple(Paragraph(f"dòng {i}") for i in range(count)),
                      source="/c/huge.txt")
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        reader = main_of(pilot).reader
        reader.show_article(article)
        assert len(reader.text_lines) < 2 * HEAD_PARAGRAPHS + 10, "laid out whole at once"
        await pilot.pause()
        assert len(reader._strips) <= reader.size.height, "painted more than the page"
        await settle(pilot)  # the layout worker
        lines = reader.text_lines
        assert len(lines) >= 2 * count and lines[-1] == f"dòng {count - 1}"
        await pilot.press("G")
        await pilot.pause()
        assert len(reader._strips) <= 2 * reader.size.height
        held = reader._lines
        assert isinstance(held, LazyLines), "the whole article was kept wrapped"
        assert len(held._cache) <= CACHED_BLOCKS, "more than what is on screen was wrapped"

    drive(app, scenario)


def test_the_sources_notices_of_a_sync_are_shown(seeds_copy: Path, tmp_path: Path) -> None:
    Sources().add(seeds_copy)
    library = build_library(seeds_copy, tmp_path / "cache" / "library.sqlite3")
    app = make_app(library, sources=Sources())

    async def scenario(pilot: Pilot[Any]) -> None:
        before = len(app.messages)
        paths.sources_path().write_bytes(b"{ not json")  # damaged by another program
        main_of(pilot).sync_now()
        await settle(pilot)
        told = app.messages[before:]
        assert any("sources.json" in m for m in told), told

    try:
        drive(app, scenario)
    finally:
        library.close()
