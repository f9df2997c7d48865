"""The reader app driven with the keyboard (and a little mouse), headless."""

from __future__ import annotations

from typing import Any

from appdriver import drive, make_app, palette_query, press, settle
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from wardtui.app.screens.help import HelpScreen
from wardtui.app.screens.main import MainScreen
from wardtui.app.widgets.reader import Reader
from wardtui.app.widgets.ward_tree import WardTree
from wardtui.library import Library

WARDS = [
    "phường Hội Phú  1",
    "phường Minh Khai  1",
    "phường Mỹ Hương  1",
    "phường Mỹ Long  1",
    "phường Tây Sơn  1",
]


def parts(pilot: Pilot[Any]) -> tuple[MainScreen, WardTree, Reader]:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen, screen.ward_tree, screen.reader


def cursor_label(tree: WardTree) -> str:
    assert tree.cursor_node is not None
    return str(tree.cursor_node.label)


def words(lines: list[str]) -> list[str]:
    return [w for line in lines if not line.startswith("─") for w in line.split()]


def top_labels(tree: WardTree) -> list[str]:
    return [str(node.label) for node in tree.root.children]


def test_starts_with_the_wards_in_order_and_counts(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen, tree, reader = parts(pilot)
        assert top_labels(tree) == WARDS
        assert screen.focused is tree
        assert tree.cursor_node is tree.root.children[0]
        assert reader.text_lines[0] == "Welcome to wardtui"
        status = screen.query_one("#status-counts").render()
        assert "5 articles · 5 wards · 1 source" in str(status)
        # lazy: nothing below the wards until one is opened
        assert all(not node.children for node in tree.root.children)

    drive(make_app(library), scenario)


def test_expand_a_ward_and_read_an_article(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen, tree, reader = parts(pilot)
        await press(pilot, "j", "j", "j", "l")  # phường Mỹ Long, opened
        ward = tree.root.children[3]
        assert ward.is_expanded
        assert [str(n.label) for n in ward.children] == ["2023  1"]
        await press(pilot, "l", "l", "j")  # into 2023, open it, down to the article
        assert tree.current_article_id is not None
        assert reader.article is not None
        assert reader.article.id == tree.current_article_id
        assert reader.text_lines[0] == "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"
        assert reader.text_lines[2].startswith(
            "phường Mỹ Long, Thành phố Long Xuyên, An Giang · 28/06/2023")
        assert screen.focused is tree  # a preview does not take the focus
        await press(pilot, "enter")
        assert screen.focused is reader
        await press(pilot, "escape")
        assert screen.focused is tree
        await press(pilot, "h")  # on an article: back to its year
        assert cursor_label(tree) == "2023  1"
        await press(pilot, "h")  # close the year
        assert tree.cursor_node is not None and not tree.cursor_node.is_expanded

    drive(make_app(library), scenario)


def test_brackets_walk_every_article_in_tree_order(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen, _, reader = parts(pilot)
        seen = []
        for _ in range(5):
            await press(pilot, "right_square_bracket")
            assert reader.article is not None
            seen.append(reader.article.ward)
        assert seen == ["Hội Phú", "Minh Khai", "Mỹ Hương", "Mỹ Long", "Tây Sơn"]
        last = reader.article_id
        await press(pilot, "right_square_bracket")  # the end: nothing moves
        assert reader.article_id == last
        await press(pilot, "left_square_bracket", "left_square_bracket")
        assert reader.article is not None and reader.article.ward == "Mỹ Hương"
        # from the reader too, and the focus stays there
        await press(pilot, "enter")
        await press(pilot, "left_square_bracket")
        assert screen.focused is reader
        assert reader.article is not None and reader.article.ward == "Minh Khai"

    drive(make_app(library), scenario)


def test_tab_cycles_search_tree_reader(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen, tree, reader = parts(pilot)
        search = screen.query_one("#search", Input)
        assert search.placeholder.startswith("Search (/)")
        order = []
        for _ in range(3):
            await press(pilot, "tab")
            order.append(screen.focused)
        assert order == [reader, search, tree]
        await press(pilot, "shift+tab")
        assert screen.focused is search
        await press(pilot, "escape")
        assert screen.focused is tree
        await press(pilot, "slash")
        assert screen.focused is search
        await press(pilot, "q", "t")  # typing, not quitting or regrouping
        assert search.value == "qt"
        assert pilot.app.is_running
        await press(pilot, "enter")  # a query: into the results, in the tree's place
        assert screen.focused is screen.search_pane.results.option_list
        await press(pilot, "escape")  # the query cleared, the tree back
        assert screen.focused is tree and search.value == ""
        await press(pilot, "slash", "enter")  # no query: back to the tree
        assert screen.focused is tree

    drive(make_app(library), scenario)


def test_t_switches_to_date_grouping_and_back(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, reader = parts(pilot)
        await press(pilot, "right_square_bracket")  # read Hội Phú's article (2019)
        article = reader.article_id
        await press(pilot, "t", "t")  # ward -> place -> date
        assert top_labels(tree) == ["2023  2", "2021  1", "2020  1", "2019  1"]
        assert pilot.app.settings.grouping == "date"
        assert tree.current_article_id == article  # the article stays under the cursor
        path = []
        node = tree.cursor_node
        while node is not None and not node.is_root:
            path.append(str(node.label).split("  ")[0])
            node = node.parent
        assert path[1:] == ["phường Hội Phú", "10/2019", "2019"]
        year_2020 = tree.root.children[2]
        tree.ensure_children(year_2020)
        # a date known only to its year sits under "2020, no month"
        assert [str(n.label) for n in year_2020.children] == ["2020, no month  1"]
        await press(pilot, "t")
        assert top_labels(tree) == WARDS
        assert tree.current_article_id == article

    drive(make_app(library), scenario)


def test_help_screen_lists_the_keys_of_every_pane(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, "question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        titles = [s.title for s in pilot.app.screen.sections]
        assert titles == ["Everywhere", "Search bar", "Results", "Library tree", "Reader"]
        assert [n.title for n in pilot.app.screen.notes] == ["Query language"]
        assert "is:bookmarked" in pilot.app.screen.notes[0].text
        described = {d for s in pilot.app.screen.sections for _, d in s.keys}
        assert "Open the next article in the tree" in described
        await press(pilot, "escape")
        assert isinstance(pilot.app.screen, MainScreen)
        await press(pilot, "f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        await press(pilot, "q")  # closes the help, does not quit
        assert isinstance(pilot.app.screen, MainScreen)
        assert pilot.app.is_running

    drive(make_app(library), scenario)


def test_every_binding_is_described() -> None:
    from wardtui.app.app import WardApp
    from wardtui.app.screens.help import HelpScreen as Help
    from wardtui.app.widgets.search_bar import SearchBar

    for owner in (WardApp, MainScreen, WardTree, Reader, SearchBar, Help):
        for binding in owner.BINDINGS:
            assert not isinstance(binding, tuple), owner
            assert binding.description and binding.id, (owner, binding)


def test_palette_commands(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, _ = parts(pilot)
        await press(pilot, "ctrl+p")
        assert isinstance(pilot.app.screen, CommandPalette)
        prompts = await palette_query(pilot, "group by date")
        assert prompts[0] == "Group by date"
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, MainScreen)
        assert tree.grouping == "date"
        # an accent-free query finds a ward, and switches back to the ward grouping
        await press(pilot, "ctrl+p")
        prompts = await palette_query(pilot, "my long")
        assert prompts[0] == "Go to phường Mỹ Long"
        await press(pilot, "enter")
        assert tree.grouping == "ward"
        assert cursor_label(tree) == "phường Mỹ Long  1"
        assert tree.cursor_node is not None and tree.cursor_node.is_expanded
        # the year picker
        await press(pilot, "ctrl+p")
        await palette_query(pilot, "go to year")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, CommandPalette)
        assert (await palette_query(pilot, "2021"))[0] == "2021"
        await press(pilot, "enter")
        assert tree.grouping == "date"
        assert cursor_label(tree) == "2021  1"
        # the theme picker is there, and the choice is kept in the settings
        await press(pilot, "ctrl+p")
        await palette_query(pilot, "change theme")
        await press(pilot, "enter")
        assert isinstance(pilot.app.screen, CommandPalette)
        await press(pilot, "escape")
        pilot.app.theme = "nord"
        await settle(pilot)
        assert pilot.app.settings.theme == "nord"

    drive(make_app(library), scenario)


def test_q_quits_with_status_zero(library: Library) -> None:
    app = make_app(library)

    async def scenario(pilot: Pilot[Any]) -> None:
        await pilot.press("q")
        await pilot.pause()

    drive(app, scenario)
    assert app.return_code == 0


def test_mouse_click_opens_a_ward_and_shows_an_article(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen, tree, reader = parts(pilot)
        await pilot.click("#tree", offset=(4, 1))  # phường Hội Phú (under the border title)
        await settle(pilot)
        assert tree.root.children[0].is_expanded
        await pilot.click("#tree", offset=(6, 2))  # its year
        await settle(pilot)
        await pilot.click("#tree", offset=(10, 3))  # its article
        await settle(pilot)
        assert reader.article is not None and reader.article.ward == "Hội Phú"
        await pilot.click("#reader")
        await settle(pilot)
        assert screen.focused is reader

    drive(make_app(library), scenario)


def test_the_reader_rewraps_when_the_terminal_is_resized(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, _, reader = parts(pilot)
        await press(pilot, "right_square_bracket")
        wide = reader.text_lines
        assert max(len(line) for line in wide) <= 90
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        narrow = reader.text_lines
        assert len(narrow) > len(wide)
        assert max(len(line) for line in narrow) < 60
        assert words(narrow) == words(wide)  # the same text, wrapped again

    drive(make_app(library), scenario)
