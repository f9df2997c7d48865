"""Places in the library (issue 14): stored by the sync, counted by level, migrated.

The five samples are placed as tests/unit/test_places.py says (Mỹ Hương, Mỹ Long and
Hội Phú placed; Minh Khai and Tây Sơn unknown); a folder of articles written for the
purpose holds two different "Phường 1" (two ward nodes), an ambiguous name without
evidence (under "place unknown"), a ward of the list in force since July 2025 (no
district), and a credit.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from wardtui.export import to_json_data, to_txt
from wardtui.library import Library, PlacedArticle, PlaceWard
from wardtui.library.schema import SCHEMA_VERSION

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LEAD = (
    "Sáng nay, Ủy ban nhân dân {unit} {ward} tổ chức hội nghị tổng kết công tác năm, "
    "với sự tham dự của đông đảo cán bộ, hội viên các đoàn thể và bà con nhân dân trên địa bàn. "
    "Hội nghị đã đánh giá kết quả thực hiện các chỉ tiêu kinh tế, xã hội và đề ra nhiệm vụ mới."
)


def page(title: str, ward: str, unit: str = "phường", *, banner: str = "", date: str = "",
         body: str = "", byline: str = "Thanh Tâm") -> str:
    lines = [banner, title, f"Ngày đăng: {date}" if date else "", LEAD.format(unit=unit, ward=ward)]
    return "\n\n".join(line for line in [*lines, body, byline] if line)


FIXTURES = {
    "tanan.txt": page("Phường 1 tổng kết năm", "1", date="2/1/2020",
                      banner="Cổng thông tin điện tử Phường 1, thành phố Tân An, tỉnh Long An"),
    "tanan2.txt": page("Phường 1 ra quân dọn vệ sinh", "1", date="5/3/2021",
                       banner="Cổng thông tin điện tử Phường 1, thành phố Tân An, tỉnh Long An"),
    "q3.txt": page("Phường 1 đón đoàn công tác", "1", date="12/03/2019",
                   banner="UBND Phường 1 - Quận 3 - TP.HCM"),
    "minhkhai.txt": page("Phường Minh Khai tổng kết năm", "Minh Khai", date="19/01/2021"),
    "xuanphu.txt": page("Xã Xuân Phú tuyên dương điển hình tiên tiến", "Xuân Phú", "xã",
                        date="16/08/2025", body="Xã Xuân Phú, thành phố Đà Nẵng có địa bàn rộng.",
                        byline="Theo Báo Đà Nẵng"),
}
TAN_AN = "Thành phố Tân An"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = tmp_path_factory.mktemp("places")
    shutil.copytree(SEEDS, root / "seeds")
    (root / "written").mkdir()
    for name, text in FIXTURES.items():
        (root / "written" / name).write_text(text, encoding="utf-8")
    lib = Library.open(root / "cache.sqlite3")
    lib.sync([root / "seeds", root / "written"], workers=1)
    return lib


def _by_ward(library: Library) -> dict[str, list[PlacedArticle]]:
    out: dict[str, list[PlacedArticle]] = {}
    for summary in library.all_summaries():
        article = library.get(summary.id)
        assert article is not None
        out.setdefault(summary.ward or "", []).append(article)
    return out


def test_the_samples_are_placed_as_the_places_tests_say(library: Library) -> None:
    articles = _by_ward(library)
    labels = {ward: items[0].place_label for ward, items in articles.items()}
    assert labels["Mỹ Hương"] == "phường Mỹ Hương, Thành phố Phan Rang - Tháp Chàm, Ninh Thuận"
    assert labels["Mỹ Long"] == "phường Mỹ Long, Thành phố Long Xuyên, An Giang"
    assert labels["Hội Phú"] == "phường Hội Phú, Thành phố Pleiku, Gia Lai"
    assert labels["Tây Sơn"] == "phường Tây Sơn (place unknown: 3 candidates)"
    minh_khai = [a for a in articles["Minh Khai"] if a.source.endswith(".txt")]
    assert {a.place_label for a in minh_khai} == {"phường Minh Khai (place unknown: 6 candidates)"}
    my_long = articles["Mỹ Long"][0].placement
    assert my_long.successor == "Phường Long Xuyên, An Giang"
    assert my_long.successor_code is not None and my_long.era == "old"


def test_summaries_and_json_carry_the_place(library: Library) -> None:
    rows = {s.ward: s for s in library.all_summaries() if s.source.endswith("xuanphu.txt")}
    data = rows["Xuân Phú"].to_json()
    assert data["province"] == "Đà Nẵng" and data["district"] is None
    assert data["place_confidence"] == "evidence" or data["place_confidence"] == "unique"
    assert data["place_code"] is not None and data["place_code"].count("-") == 1
    assert data["credit"] == "Báo Đà Nẵng"
    assert rows["Xuân Phú"].place_label == "xã Xuân Phú, Đà Nẵng"


def test_provinces_in_vietnamese_order_unknown_last(library: Library) -> None:
    provinces = library.provinces()
    names = [p.name for p in provinces]
    assert names == ["An Giang", "Đà Nẵng", "Gia Lai", "Hồ Chí Minh", "Long An", "Ninh Thuận",
                     None]
    counts = {p.name: p.count for p in provinces}
    assert counts["Long An"] == 2 and counts[None] == 3  # Minh Khai ×2, Tây Sơn
    assert sum(counts.values()) == library.stats().articles


def test_two_phuong_1_are_two_nodes_with_their_years(library: Library) -> None:
    assert [d.name for d in library.districts("Long An")] == [TAN_AN]
    (tan_an,) = library.place_wards("Long An", TAN_AN)
    (saigon,) = library.place_wards("Hồ Chí Minh", "Quận 3")
    assert tan_an.label == saigon.label == "Phường 1"
    assert tan_an.place_code != saigon.place_code
    assert (tan_an.count, saigon.count) == (2, 1)
    assert library.place_years(tan_an) == [(2021, 1), (2020, 1)]
    titles = [a.title for a in library.place_summaries(tan_an)]
    assert titles == ["Phường 1 ra quân dọn vệ sinh", "Phường 1 tổng kết năm"]
    assert [a.title for a in library.place_summaries(tan_an, 2020)] == ["Phường 1 tổng kết năm"]


def test_a_ward_of_the_new_list_has_no_district(library: Library) -> None:
    assert [d.name for d in library.districts("Đà Nẵng")] == [None]
    (node,) = library.place_wards("Đà Nẵng", None)
    assert node.label == "xã Xuân Phú" and node.place_code is not None


def test_unknown_places_sit_apart_by_ward_name(library: Library) -> None:
    nodes = library.place_wards(None)
    assert [(n.label, n.count, n.place_code) for n in nodes] == [
        ("phường Minh Khai", 2, None), ("phường Tây Sơn", 1, None)]
    minh_khai = nodes[0]
    assert all(a.province is None for a in library.place_summaries(minh_khai))
    assert library.place_years(PlaceWard(None, "Nowhere", "xã", 0)) == []


def test_place_tree_counts_every_level(library: Library) -> None:
    tree = library.place_tree()
    assert tree[-1]["province"] is None and tree[-1]["count"] == 3
    long_an = next(p for p in tree if p["province"] == "Long An")
    assert long_an == {"province": "Long An", "count": 2, "districts": [
        {"district": TAN_AN, "count": 2,
         "wards": [{"place_code": long_an["districts"][0]["wards"][0]["place_code"],
                    "ward": "Phường 1", "count": 2}]}]}


def test_query_filters_by_province_and_district(library: Library) -> None:
    assert len(list(library.query(provinces=["Long An"]))) == 2
    assert len(list(library.query(provinces=["Long An", "Gia Lai"]))) == 3
    assert [a.ward for a in library.query(districts=["Quận 3"])] == ["1"]
    assert list(library.query(provinces=["Long An"], districts=["Quận 3"])) == []
    assert library.province_names() and "Quận 3" in library.district_names(["Hồ Chí Minh"])


def test_a_cache_of_schema_2_is_migrated_and_placed_by_the_next_sync(tmp_path: Path) -> None:
    root = tmp_path / "seeds"
    shutil.copytree(SEEDS, root)
    path = tmp_path / "cache.sqlite3"
    with Library.open(path) as lib:
        lib.sync([root], workers=1)
    conn = sqlite3.connect(path)  # make it a schema 2 cache: no place, credit or original title
    for (index,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND"
                                 " tbl_name = 'articles' AND sql NOT NULL").fetchall():
        if index not in ("articles_ward", "articles_date", "articles_year"):  # schema 2's
            conn.execute(f"DROP INDEX {index}")
    for column in ("credit", "title_original", "province", "district", "place_code",
                   "place_confidence", "place_candidates", "successor", "successor_code"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Library.open(path) as lib:
        assert not any("rebuilt" in n for n in lib.notices)
        assert lib.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [p.name for p in lib.provinces()] == [None]  # not placed yet
        assert lib.stats().articles == 5
        pending = lib.get(next(lib.all_summaries()).id)
        assert pending is not None and pending.placement is None and pending.place_label is None
        assert all(s.placement is None for s in lib.all_summaries())
        assert "Place:" not in to_txt(pending) and to_json_data(pending)["province"] is None
        report = lib.sync([root], workers=1)
        assert (report.unchanged, report.new, report.changed) == (5, 0, 0)
        assert [p.name for p in lib.provinces()] == ["An Giang", "Gia Lai", "Ninh Thuận", None]
        placed = lib.get(pending.id)
        assert placed is not None and placed.placement is not None
        assert placed.place_label is not None and "Place:" in to_txt(placed)


def test_the_worker_places_with_the_page_as_place_article_does() -> None:
    from wardtui.corpus import decode_bytes, parse_text
    from wardtui.library.placing import place_page, placement_values
    from wardtui.places import place_article

    pages = [decode_bytes(p.read_bytes()).text for p in sorted(SEEDS.glob("*.txt"))]
    for text in [*pages, *FIXTURES.values()]:
        article = parse_text(text)
        assert place_page(article, text) == placement_values(place_article(article, [text]))


def test_ward_nodes_in_the_ward_groupings_order_one_per_place_code() -> None:
    from wardtui.library.place_queries import _ward_nodes

    rows = [(None, "Bình", "phường", 1), (None, "An", "xã", 2), (None, "10", "phường", 1),
            (None, "2", "phường", 1), (None, None, None, 3),
            ("1-2-3", "Kinh Dinh", "phường", 1), ("1-2-3", "Mỹ Hương", "phường", 4)]
    assert [(n.label, n.count) for n in _ward_nodes(rows)] == [
        ("Phường 2", 1), ("Phường 10", 1), ("xã An", 2), ("phường Bình", 1),
        ("phường Mỹ Hương / phường Kinh Dinh", 5), ("Unknown ward", 3)]
