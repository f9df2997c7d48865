"""Read and unread in the app (issue 12, item 12) and the reader's vim habits (item 17).

An article shown for a moment becomes read; unread articles are bold in the tree and
the results; groups count their unread articles; ``m``, ``M`` and ``U``; marks made by
another process are seen; store calls run in workers. The moment is made short (or
long) through ``MainScreen.READ_AFTER``; waiting is done on the app's workers and
messages, never on the clock.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from appdriver import drive, main_of, make_app, press, settle, until
from rich.text import Text
from textual.pilot import Pilot

from wardtui.app.screens.help import HelpScreen
from wardtui.app.screens.main import MainScreen
from wardtui.app.widgets.results import SearchResults
from wardtui.app.widgets.ward_tree import WardTree
from wardtui.library import Library
from wardtui.userdata import BookmarkStore

HOI_PHU, MINH_KHAI, MY_HUONG, MY_LONG, TAY_SON = (
    "bc897e88d8", "5261f9b945", "ca5059058b", "4bc50b54b5", "ede07255cc")  # tree order


def read_in_store() -> set[str]:
    with BookmarkStore.open() as store:
        return store.reading.ids()


def mark_in_store(library: Library, *ids: str) -> None:
    """As another process (the CLI) would."""
    with BookmarkStore.open() as store:
        store.reading.mark_read([library.summary(i) for i in ids])  # type: ignore[misc]


def bold(text: Text, part: str) -> bool:
    """True when every character of ``part`` in ``text`` is bold."""
    start = text.plain.index(part)
    return all(text.get_style_at_offset(_console(), i).bold
               for i in range(start, start + len(part)))


def _console() -> Any:
    from rich.console import Console

    return Console()


def node_label(tree: WardTree, article_id: str) -> Text:
    node = tree.node_for(("article", article_id))
    assert node is not None
    return tree._label(node.data)  # type: ignore[arg-type]


def ward_label(tree: WardTree, index: int) -> Text:
    node = tree.root.children[index]
    assert node.data is not None
    return tree._label(node.data)


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MainScreen, "READ_AFTER", 0.001)


@pytest.fixture
def slow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MainScreen, "READ_AFTER", 10_000.0)


# -- read after a moment -----------------------------------------------------------------
def test_an_article_shown_for_a_moment_becomes_read(library: Library, quick: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        tree = screen.ward_tree
        await until(pilot, lambda: tree.read is not None and tree.unread_counts is not None)
        assert bold(ward_label(tree, 0), "1")  # phường Hội Phú: 1 unread
        await press(pilot, "right_square_bracket")  # shows Hội Phú's article
        await until(pilot, lambda: HOI_PHU in pilot.app.reading.read)  # type: ignore[attr-defined]
        assert read_in_store() == {HOI_PHU}
        assert not bold(node_label(tree, HOI_PHU), "Tổ chức Hội nghị")
        assert str(ward_label(tree, 0)) == "phường Hội Phú  1"
        assert not bold(ward_label(tree, 0), "1")  # none unread: the count is dim again
        assert bold(ward_label(tree, 1), "1")

    drive(make_app(library), scenario)


def test_moving_on_before_the_moment_leaves_it_unread(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, "right_square_bracket")
        await until(pilot, lambda: screen.reading_timer is not None)
        first_id, first = screen.reading_timer  # type: ignore[misc]
        assert first_id == HOI_PHU
        await press(pilot, "right_square_bracket")
        await until(pilot, lambda: screen.reading_timer is not None
                    and screen.reading_timer[0] == MINH_KHAI)
        assert first._task is None  # stopped: it will not mark Hội Phú
        await press(pilot, "m")  # the user decides: no timer marks it behind their back
        assert screen.reading_timer is None
        await until(pilot, lambda: read_in_store() == {MINH_KHAI})

    drive(make_app(library), scenario)


# -- keys ------------------------------------------------------------------------------------
def test_m_marks_read_and_unread_and_the_tree_follows(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        tree = screen.ward_tree
        await press(pilot, "right_square_bracket")
        assert bold(node_label(tree, HOI_PHU), "Tổ chức Hội nghị")
        await press(pilot, "m")
        await until(pilot, lambda: HOI_PHU in (tree.read or ()))
        assert read_in_store() == {HOI_PHU}
        assert not bold(node_label(tree, HOI_PHU), "Tổ chức Hội nghị")
        assert any(m.startswith("Read: ") for m in pilot.app.messages)  # type: ignore[attr-defined]
        await press(pilot, "enter", "m")  # from the reader: the article shown
        await until(pilot, lambda: tree.read is not None and HOI_PHU not in tree.read)
        assert read_in_store() == set()
        assert bold(node_label(tree, HOI_PHU), "Tổ chức Hội nghị")

    drive(make_app(library), scenario)


def test_capital_m_marks_a_whole_group_then_unmarks_it(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        tree = screen.ward_tree
        screen.set_grouping("date")  # 2023 holds Mỹ Long and Tây Sơn
        await settle(pilot)
        await until(pilot, lambda: tree.unread_counts is not None)
        assert str(tree.root.children[0].label) == "2023  2"
        mark_in_store(library, TAY_SON)
        pilot.app.reading.refresh()  # type: ignore[attr-defined]
        await until(pilot, lambda: str(tree.root.children[0].label) == "2023  1/2")
        assert bold(ward_label(tree, 0), "1")
        await press(pilot, "M")  # the cursor is on 2023
        await until(pilot, lambda: read_in_store() == {MY_LONG, TAY_SON})
        await until(pilot, lambda: str(tree.root.children[0].label) == "2023  2")
        assert not bold(ward_label(tree, 0), "2")
        assert "1 marked read in 2023 (M again: all unread)." in pilot.app.messages  # type: ignore[attr-defined]
        await press(pilot, "M")
        await until(pilot, lambda: read_in_store() == set())
        assert "All 2 marked unread in 2023." in pilot.app.messages  # type: ignore[attr-defined]

    drive(make_app(library), scenario)


def test_capital_m_on_an_article_marks_its_group(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "right_square_bracket")  # on Hội Phú's article, in 2019
        await press(pilot, "M")
        await until(pilot, lambda: read_in_store() == {HOI_PHU})
        assert any("in phường Hội Phú, 2019" in m
                   for m in pilot.app.messages)  # type: ignore[attr-defined]

    drive(make_app(library), scenario)


def test_capital_u_opens_the_next_unread_article(library: Library, slow: None) -> None:
    mark_in_store(library, MINH_KHAI, MY_HUONG)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        tree, reader = screen.ward_tree, screen.reader
        await until(pilot, lambda: tree.unread_counts is not None)
        await press(pilot, "u")
        assert tree.current_article_id == HOI_PHU
        await press(pilot, "U")  # skips the two read wards without opening them
        assert tree.current_article_id == MY_LONG
        assert not tree.root.children[1].children and not tree.root.children[2].children
        await until(pilot, lambda: reader.article_id == MY_LONG)
        await press(pilot, "enter", "U")  # from the reader: opens it there
        assert reader.article_id == TAY_SON and screen.focused is reader
        await press(pilot, "U")  # after the last: from the top again
        assert reader.article_id == HOI_PHU
        mark_in_store(library, HOI_PHU, MY_LONG, TAY_SON)
        pilot.app.reading.refresh()  # type: ignore[attr-defined]
        await until(pilot, lambda: len(tree.read or ()) == 5)
        await press(pilot, "U")
        assert pilot.app.messages[-1] == "No other unread article."  # type: ignore[attr-defined]

    drive(make_app(library), scenario)


# -- the search ---------------------------------------------------------------------------
def test_unread_results_are_bold_and_is_unread_filters(library: Library, slow: None) -> None:
    mark_in_store(library, MY_LONG)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await until(pilot, lambda: screen.search_pane.read is not None)
        await press(pilot, "slash")
        await pilot.press(*"phuong")
        results = screen.query_one(SearchResults)
        await until(pilot, lambda: len(results.results) == 5)
        for index, result in enumerate(results.results):
            option = results.option_list.get_option_at_index(index)
            prompt = option.prompt
            assert isinstance(prompt, Text)
            assert bold(prompt, result.summary.title[:10]) is (result.id != MY_LONG)
        screen.query_one("#search").value = "is:unread phuong"  # type: ignore[attr-defined]
        await until(pilot, lambda: len(results.results) == 4)
        assert MY_LONG not in {r.id for r in results.results}

    drive(make_app(library), scenario)


# -- another process, workers -------------------------------------------------------------
def test_marks_made_by_another_process_are_seen(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        tree = main_of(pilot).ward_tree
        keeper = pilot.app.reading  # type: ignore[attr-defined]
        await until(pilot, lambda: tree.read is not None)
        assert keeper._poll is not None  # the store is polled on a timer
        mark_in_store(library, TAY_SON)  # e.g. another wardtui, or the CLI
        keeper.poll()  # what the timer does
        await until(pilot, lambda: tree.read == {TAY_SON})
        assert str(ward_label(tree, 4)) == "phường Tây Sơn  1"
        assert not bold(ward_label(tree, 4), "1")

    drive(make_app(library), scenario)


def test_store_calls_run_in_workers(library: Library, slow: None,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[str] = []
    from wardtui.userdata.readstate import ReadState

    original = ReadState.toggle

    def spy(self: ReadState, article: Any) -> bool:
        threads.append(threading.current_thread().name)
        return original(self, article)

    monkeypatch.setattr(ReadState, "toggle", spy)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "right_square_bracket", "m")
        await until(pilot, lambda: bool(threads))
        assert threads[0] != threading.main_thread().name

    drive(make_app(library), scenario)


def test_the_help_screen_lists_the_new_keys(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        keys = {k: d for s in pilot.app.screen.sections for k, d in s.keys}
        assert keys["m"] == "Mark the current article read, or unread"
        assert keys["M"].startswith("Mark every article of the ward, year or month")
        assert keys["u U"] == "Open the next unread article in the tree"
        assert any(k.startswith("ctrl+o") and "alt" in k and "H" in k for k in keys)
        assert any("alt+→" in k and "L" in k for k in keys)
        assert "Back to the library tree (or the search results)" in keys.values()

    drive(make_app(library), scenario)


# -- item 17: vim habits in the reader ----------------------------------------------------
@pytest.mark.parametrize("key", ["h", "left"])
def test_h_and_left_in_the_reader_go_back_to_the_tree(library: Library, slow: None,
                                                     key: str) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, "right_square_bracket", "enter")
        assert screen.focused is screen.reader
        await press(pilot, key)
        assert screen.focused is screen.ward_tree
        assert screen.ward_tree.current_article_id == HOI_PHU  # where it was

    drive(make_app(library), scenario)


def test_h_in_the_reader_goes_back_to_the_results_when_they_are_shown(
        library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await press(pilot, "slash")
        await pilot.press(*"phuong")
        results = screen.query_one(SearchResults)
        await until(pilot, lambda: len(results.results) == 5)
        await press(pilot, "enter", "enter")  # to the results, then open the first
        await until(pilot, lambda: screen.focused is screen.reader)
        await press(pilot, "h")
        assert screen.search_pane.has_focus_within

    drive(make_app(library), scenario)


def test_l_on_an_article_opens_it_with_a_visible_change_of_focus(library: Library,
                                                                slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        tree, reader = screen.ward_tree, screen.reader
        await press(pilot, "right_square_bracket")
        before = (tree.styles.border_right, reader.styles.background_tint)
        assert screen.focused is tree
        await press(pilot, "l")
        assert screen.focused is reader and reader.article_id == HOI_PHU
        after = (tree.styles.border_right, reader.styles.background_tint)
        assert after[0] != before[0] and after[1] != before[1]  # both panes show it

    drive(make_app(library), scenario)


def test_brackets_say_when_there_is_no_further_article(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        messages = pilot.app.messages  # type: ignore[attr-defined]
        await press(pilot, "right_square_bracket", "left_square_bracket")
        assert messages[-1] == "This is the first article."
        await press(pilot, *["right_square_bracket"] * 5)
        assert messages[-1] == "This is the last article."
        assert main_of(pilot).reader.article_id == TAY_SON

    drive(make_app(library), scenario)


def test_capital_m_in_the_place_grouping(library: Library, slow: None) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        screen.set_grouping("place")
        await settle(pilot)
        assert screen.ward_tree.select_article(MY_LONG)
        await press(pilot, "M")  # on the article: its place's year
        await until(pilot, lambda: read_in_store() == {MY_LONG})

    drive(make_app(library), scenario)


def test_the_readmes_key_table_lists_the_new_keys() -> None:
    from pathlib import Path

    from textual.binding import Binding

    from wardtui.app.screens.read_keys import ReadStateScreen

    readme = Path(__file__).resolve().parents[2] / "README.md"
    text = readme.read_text(encoding="utf-8")
    table = text[text.index("### Keys"):text.index("## Searching")]
    shown = {"left": "←", "right": "→"}
    for binding in ReadStateScreen.BINDINGS:
        assert isinstance(binding, Binding)
        for key in binding.key.split(","):
            name = key.strip()
            for word, arrow in shown.items():
                name = name.replace(word, arrow)
            assert f"`{name}`" in table, name
    assert "`h`/`←` back to the tree" in table


def test_a_sync_keeps_the_read_mark_of_an_article_whose_file_changed(
        seeds_copy: Any, library: Library, slow: None) -> None:
    from pathlib import Path

    from wardtui.config import Sources

    sources = Sources()
    sources.add(seeds_copy)
    mark_in_store(library, MY_LONG)
    source = Path(library.summary(MY_LONG).source)  # type: ignore[union-attr]

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        tree = screen.ward_tree
        await until(pilot, lambda: tree.read == {MY_LONG})
        source.write_text(source.read_text(encoding="utf-8") + "\nMột đoạn mới.\n",
                          encoding="utf-8")
        screen.sync_now()
        await until(pilot, lambda: tree.read is not None and len(tree.read) == 2)
        (new,) = tree.read - {MY_LONG}  # the new id, with the old one as an alias
        assert library.summary(new) is not None and library.summary(MY_LONG) is None
        assert str(ward_label(tree, 3)) == "phường Mỹ Long  1"
        assert not bold(ward_label(tree, 3), "1")  # still read: nothing unread there

    drive(make_app(library, sources=sources), scenario)


def test_marks_made_elsewhere_are_read_again_when_the_app_gets_the_focus(
        library: Library, slow: None) -> None:
    from textual import events

    async def scenario(pilot: Pilot[Any]) -> None:
        tree = main_of(pilot).ward_tree
        keeper = pilot.app.reading  # type: ignore[attr-defined]
        await until(pilot, lambda: tree.read is not None)
        keeper.close()  # no timer: only the focus can bring the change
        mark_in_store(library, MINH_KHAI)
        pilot.app.post_message(events.AppFocus())
        await until(pilot, lambda: tree.read == {MINH_KHAI})

    drive(make_app(library), scenario)


def test_the_unread_counts_wait_for_the_launch_sync_and_follow_only_a_change(
        library: Library, seeds_copy: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: the counts were made when the store opened, beside the launch sync, and
    again after it (0.4-0.8 s each at 100,000 articles, taking a core from the sync):
    now none is made while the sync runs, and a sync that changed nothing (and moved
    no read mark) does not count again."""
    from wardtui.app import read_state
    from wardtui.app.read_state import ReadKeeper
    from wardtui.config import Sources

    sources = Sources()
    sources.add(seeds_copy)  # the files the cache was built from: nothing to do
    mark_in_store(library, MY_LONG)
    attached = threading.Event()
    attach, sync = ReadKeeper.attach, Library.sync

    def attaching(self: ReadKeeper, store: BookmarkStore) -> None:
        attach(self, store)
        attached.set()

    def sync_once_attached(self: Library, *args: Any, **kwargs: Any) -> Any:
        assert attached.wait(30), "the store never opened"  # the store opens mid-sync
        return sync(self, *args, **kwargs)

    during: list[bool] = []  # for each count: did the launch sync still run?
    real = read_state.unread_counts

    def counting(library: Any, ids: Any) -> Any:
        during.append(screen_syncing())
        return real(library, ids)

    app = make_app(library, sources=sources, sync=True)

    def screen_syncing() -> bool:
        return app.main._syncing and app.reading.syncing

    monkeypatch.setattr(ReadKeeper, "attach", attaching)
    monkeypatch.setattr(Library, "sync", sync_once_attached)
    monkeypatch.setattr(read_state, "unread_counts", counting)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = main_of(pilot)
        await until(pilot, lambda: not screen._syncing)
        await until(pilot, lambda: screen.ward_tree.unread_counts is not None)
        assert during and True not in during  # counted, and never beside the sync
        assert not bold(ward_label(screen.ward_tree, 3), "1")  # phường Mỹ Long: all read
        assert bold(ward_label(screen.ward_tree, 0), "1")  # phường Hội Phú: one unread
        counts = len(during)
        with library.reopen() as own:
            app.reading.after_sync(own, changed=False)
        assert len(during) == counts  # nothing changed, nothing moved: no count
        with library.reopen() as own:
            app.reading.after_sync(own, changed=True)
        assert len(during) == counts + 1

    drive(app, scenario)
