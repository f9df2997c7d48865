"""``province:`` and ``district:`` in the query language (issue 14): accent-free, with or
without the type word, by prefix when nothing matches exactly, a hint when nothing does.

The library holds the five samples (Mỹ Long in An Giang, Hội Phú in Gia Lai, Mỹ Hương
in Ninh Thuận; Minh Khai and Tây Sơn unknown) and two "Phường 1" written for the
purpose: one of Thành phố Tân An (Long An), one of Quận 3 (Hồ Chí Minh).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from wardtui.library import Library
from wardtui.search import SearchIndex, parse_query, search

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LEAD = ("Sáng nay, Ủy ban nhân dân phường 1 tổ chức hội nghị tổng kết công tác năm, với sự "
        "tham dự của đông đảo cán bộ, hội viên các đoàn thể và bà con nhân dân trên địa bàn.")
PAGES = {
    "tanan.txt": "Cổng thông tin điện tử Phường 1, thành phố Tân An, tỉnh Long An\n\n"
                 f"Phường 1 tổng kết năm\n\nNgày đăng: 2/1/2020\n\n{LEAD}\n\nThanh Tâm",
    "q3.txt": "UBND Phường 1 - Quận 3 - TP.HCM\n\nPhường 1 đón đoàn công tác\n\n"
              f"Ngày đăng: 12/03/2019\n\n{LEAD}\n\nThanh Tâm",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    root = tmp_path_factory.mktemp("search-places")
    shutil.copytree(SEEDS, root / "seeds")
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
    library = Library.in_memory()
    library.sync([root], workers=1)
    built = SearchIndex.build(library)
    yield built
    built.close()
    library.close()


def wards(index: SearchIndex, query: str) -> list[str]:
    return sorted(str(r.summary.ward_label) for r in search(index, query).results)


def test_province_and_district_are_fields() -> None:
    query = parse_query('province:"Long An" -district:"quận 3" tinh:gia huyen:pleiku')
    assert [(f.name, f.value, f.negated) for f in query.filters] == [
        ("province", "long an", False), ("district", "quan 3", True),
        ("province", "gia", False), ("district", "pleiku", False)]
    assert query.hints == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('province:"long an"', ["Phường 1"]),
        ('province:"Long An"', ["Phường 1"]),
        ("province:gia", ["phường Hội Phú"]),  # a prefix
        ('province:"an giang"', ["phường Mỹ Long"]),
        ('district:"quan 3"', ["Phường 1"]),
        ('district:"tan an"', ["Phường 1"]),  # without "Thành phố"
        ('district:"thành phố long xuyên"', ["phường Mỹ Long"]),
        ('district:"tp long xuyen"', []),  # "tp" is not the type word as stored
    ],
)
def test_place_filters(index: SearchIndex, query: str, expected: list[str]) -> None:
    assert wards(index, query) == expected


def test_two_phuong_1_are_told_apart(index: SearchIndex) -> None:
    tan_an = search(index, 'ward:1 province:"long an"').results
    saigon = search(index, 'ward:1 province:"ho chi minh"').results
    assert len(tan_an) == len(saigon) == 1
    assert tan_an[0].summary.title == "Phường 1 tổng kết năm"
    assert saigon[0].summary.title == "Phường 1 đón đoàn công tác"


def test_excluding_a_province_keeps_the_unknown_places(index: SearchIndex) -> None:
    found = wards(index, "-province:gia -province:long -province:an -province:ho -province:ninh")
    assert found == ["phường Minh Khai", "phường Tây Sơn"]


def test_a_province_not_in_the_library_gives_a_hint(index: SearchIndex) -> None:
    response = search(index, 'province:"gai lai"')
    assert response.results == []
    assert any("no province matches 'gai lai'" in h and 'province:"Gia Lai"' in h
               for h in response.hints)
    assert any("no district matches" in h for h in search(index, "district:xyz").hints)


def test_search_json_carries_the_place(index: SearchIndex) -> None:
    (result,) = search(index, 'district:"quan 3"').results
    data = result.to_json()
    assert (data["province"], data["district"]) == ("Hồ Chí Minh", "Quận 3")
    assert data["place_confidence"] == "evidence" and data["place_code"].count("-") == 2
    assert "credit" in data
