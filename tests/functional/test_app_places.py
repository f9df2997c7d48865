"""The tree grouped by place (issue 14), and the place and credit in the reader, headless.

The samples: Mỹ Long (An Giang), Hội Phú (Gia Lai) and Mỹ Hương (Ninh Thuận) are placed;
Minh Khai and Tây Sơn are not (several wards bear their names and the texts do not say
which). A second library adds three "Phường 1" written for the purpose: one of Thành phố
Tân An (Long An), one of Quận 3 (Hồ Chí Minh) and one whose place the text does not give.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from appdriver import build_library, drive, make_app, palette_query, press
from textual.pilot import Pilot

from wardtui.app.screens.main import MainScreen
from wardtui.app.widgets.reader import Reader
from wardtui.app.widgets.ward_tree import Node, WardTree
from wardtui.config import Settings
from wardtui.library import Library

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PROVINCES = ["An Giang  1", "Gia Lai  1", "Ninh Thuận  1", "Place unknown  2"]
LEAD = ("Sáng nay, Ủy ban nhân dân phường 1 tổ chức hội nghị tổng kết công tác năm, với sự "
        "tham dự của đông đảo cán bộ, hội viên các đoàn thể và bà con nhân dân trên địa bàn.")
PAGES = {
    "tanan.txt": "Cổng thông tin điện tử Phường 1, thành phố Tân An, tỉnh Long An\n\n"
                 f"Phường 1 tổng kết năm\n\nNgày đăng: 2/1/2020\n\n{LEAD}\n\nTheo Báo Long An",
    "q3.txt": "UBND Phường 1 - Quận 3 - TP.HCM\n\nPhường 1 đón đoàn công tác\n\n"
              f"Ngày đăng: 12/03/2019\n\n{LEAD}\n\nThanh Tâm",
    "nowhere.txt": f"Phường 1 ra quân\n\nNgày đăng: 3/3/2021\n\n{LEAD}\n\nThanh Tâm",
}


def parts(pilot: Pilot[Any]) -> tuple[MainScreen, WardTree, Reader]:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen, screen.ward_tree, screen.reader


def labels(nodes: Any) -> list[str]:
    return [str(node.label) for node in nodes]


def meta(reader: Reader) -> str:
    """The reader's metadata line (between the title and the rule), unwrapped."""
    lines = reader.text_lines
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    blank = max(i for i, line in enumerate(lines[:rule - 1]) if not line.strip())
    return " ".join(line.strip() for line in lines[blank + 1:rule] if line.strip())


def opened(tree: WardTree, node: Node) -> list[str]:
    tree.ensure_children(node)
    node.expand()
    return labels(node.children)


@pytest.fixture
def numbered(tmp_path: Path) -> Library:
    folder = tmp_path / "numbered"
    shutil.copytree(SEEDS, folder)
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return build_library(folder, tmp_path / "numbered-cache" / "library.sqlite3")


def test_t_cycles_ward_place_date_and_the_choice_is_kept(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, _ = parts(pilot)
        await press(pilot, "t")
        assert pilot.app.settings.grouping == "place" and tree.grouping == "place"
        assert labels(tree.root.children) == PROVINCES
        assert all(not node.children for node in tree.root.children)  # lazy
        await press(pilot, "t")
        assert pilot.app.settings.grouping == "date"
        await press(pilot, "t")
        assert pilot.app.settings.grouping == "ward"

    drive(make_app(library), scenario)


def test_the_setting_opens_the_place_grouping(library: Library, tmp_path: Path) -> None:
    Settings(grouping="place").save(tmp_path / "settings.json")
    settings = Settings.load(tmp_path / "settings.json")
    assert settings.grouping == "place"

    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, _ = parts(pilot)
        assert labels(tree.root.children) == PROVINCES

    drive(make_app(library, settings=settings), scenario)


def test_walk_province_district_ward_year_to_an_article(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen, tree, reader = parts(pilot)
        await press(pilot, "t", "l")  # An Giang, opened
        province = tree.root.children[0]
        assert labels(province.children) == ["Thành phố Long Xuyên  1"]
        await press(pilot, "j", "l")
        assert labels(province.children[0].children) == ["phường Mỹ Long  1"]
        await press(pilot, "j", "l")
        assert labels(province.children[0].children[0].children) == ["2023  1"]
        await press(pilot, "j", "l", "j")
        assert reader.article is not None
        assert reader.text_lines[0] == "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"
        assert meta(reader).startswith(
            "phường Mỹ Long, Thành phố Long Xuyên, An Giang · 28/06/2023")
        assert screen.focused is tree

    drive(make_app(library), scenario)


def test_unknown_places_sit_apart_and_say_so_in_the_reader(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, reader = parts(pilot)
        await press(pilot, "t")
        unknown = tree.root.children[-1]
        assert opened(tree, unknown) == ["phường Minh Khai  1", "phường Tây Sơn  1"]
        tay_son = unknown.children[1]
        (year,) = opened(tree, tay_son)
        assert year == "2023  1"
        opened(tree, tay_son.children[0])
        await press(pilot)
        tree.move_cursor(tay_son.children[0].children[0])
        await press(pilot, "enter")
        assert meta(reader).startswith(
            "phường Tây Sơn (place unknown: 3 candidates) · 12/07/2023")

    drive(make_app(library), scenario)


def test_the_article_read_stays_under_the_cursor_across_groupings(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, reader = parts(pilot)
        await press(pilot, "right_square_bracket")  # Hội Phú's article
        article = reader.article_id
        await press(pilot, "t")
        assert tree.current_article_id == article
        path = []
        node = tree.cursor_node
        while node is not None and not node.is_root:
            path.append(str(node.label).split("  ")[0])
            node = node.parent
        assert path[1:] == ["2019", "phường Hội Phú", "Thành phố Pleiku", "Gia Lai"]

    drive(make_app(library), scenario)


def test_two_phuong_1_are_two_nodes(numbered: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, reader = parts(pilot)
        assert "Phường 1  3" in labels(tree.root.children)  # the ward grouping: one name
        await press(pilot, "t")
        top = {str(n.label).split("  ")[0]: n for n in tree.root.children}
        assert list(top) == ["An Giang", "Gia Lai", "Hồ Chí Minh", "Long An", "Ninh Thuận",
                             "Place unknown"]
        (tan_an,) = opened(tree, top["Long An"])
        assert tan_an == "Thành phố Tân An  1"
        assert opened(tree, top["Long An"].children[0]) == ["Phường 1  1"]
        assert opened(tree, top["Hồ Chí Minh"]) == ["Quận 3  1"]
        assert opened(tree, top["Hồ Chí Minh"].children[0]) == ["Phường 1  1"]
        assert opened(tree, top["Place unknown"])[0] == "Phường 1  1"
        codes = {top[p].children[0].children[0].data.key for p in ("Long An", "Hồ Chí Minh")}
        assert len(codes) == 2
        ward = top["Long An"].children[0].children[0]
        opened(tree, ward)
        opened(tree, ward.children[0])
        await press(pilot)
        tree.move_cursor(ward.children[0].children[0])
        await press(pilot, "enter")
        assert meta(reader).startswith(
            "Phường 1, Thành phố Tân An, Long An · 02/01/2020 · credit: Báo Long An")

    drive(make_app(library=numbered), scenario)


def test_the_palette_offers_each_other_grouping(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        _, tree, _ = parts(pilot)
        await press(pilot, "ctrl+p")
        prompts = await palette_query(pilot, "group by place")
        assert prompts[0] == "Group by place"
        await press(pilot, "enter")
        assert tree.grouping == "place"
        assert labels(tree.root.children) == PROVINCES

    drive(make_app(library), scenario)
