"""``wardtui places`` and ``wardtui list --province/--district`` (issue 14).

The fixture of issue 14's "done when", through the library and the command line: articles
written for the purpose with a unique name, ambiguous names with and without evidence,
numbered wards in two provinces, a pre- and a post-2025 article. Each is placed right or
honestly left unknown, and ``wardtui places --json`` says so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wardtui.cli import main

LEAD = (
    "Sáng nay, Ủy ban nhân dân {unit} {ward} tổ chức hội nghị tổng kết công tác năm, "
    "với sự tham dự của đông đảo cán bộ, hội viên các đoàn thể và bà con nhân dân trên địa bàn. "
    "Hội nghị đã đánh giá kết quả thực hiện các chỉ tiêu kinh tế, xã hội và đề ra nhiệm vụ mới."
)


def page(title: str, ward: str, unit: str = "phường", *, banner: str = "", date: str = "",
         body: str = "", byline: str = "Thanh Tâm") -> str:
    lines = [banner, title, f"Ngày đăng: {date}" if date else "", LEAD.format(unit=unit, ward=ward)]
    return "\n\n".join(line for line in [*lines, body, byline] if line)


FIXTURE = {
    # a unique name, before July 2025: placed, with the unit that succeeded it
    "banlau.txt": page("Xã Bản Lầu ra quân làm đường giao thông nông thôn", "Bản Lầu", "xã",
                       date="09/11/2024"),
    # an ambiguous name without evidence: unknown, six candidates
    "minhkhai.txt": page("Phường Minh Khai tổng kết năm", "Minh Khai", date="19/01/2021"),
    # the same name with a banner naming its district: placed
    "minhkhai-hbt.txt": page("Phường Minh Khai ra quân", "Minh Khai", date="20/01/2021",
                             banner="UBND PHƯỜNG MINH KHAI - QUẬN HAI BÀ TRƯNG"),
    # numbered wards in two provinces: two places
    "p1-tanan.txt": page("Phường 1 tổng kết năm", "1", date="2/1/2020",
                         banner="Cổng thông tin điện tử Phường 1, thành phố Tân An, tỉnh Long An"),
    "p3-q3.txt": page("Phường 03 ra quân dọn vệ sinh", "03", date="12/03/2019",
                      banner="UBND Phường 3 - Q.3 - TP.HCM"),
    # a numbered ward without evidence: unknown
    "p1.txt": page("Phường 1 đón đoàn công tác", "1", date="3/3/2020"),
    # after July 2025: the new list, no district
    "xuanphu.txt": page("Xã Xuân Phú tuyên dương điển hình tiên tiến", "Xuân Phú", "xã",
                        date="16/08/2025", body="Xã Xuân Phú, thành phố Đà Nẵng có địa bàn rộng."),
}


@pytest.fixture
def indexed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    folder = tmp_path / "fixture"
    folder.mkdir()
    for name, text in FIXTURE.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert main(["index", str(folder)]) == 0
    capsys.readouterr()
    return folder


def _places(capsys: pytest.CaptureFixture[str]) -> dict[str | None, dict[str | None, dict]]:
    assert main(["places", "--json"]) == 0
    tree = json.loads(capsys.readouterr().out)["provinces"]
    return {p["province"]: {d["district"]: {w["ward"]: w["count"] for w in d["wards"]}
                            for d in p["districts"]} for p in tree}


def test_the_issue_fixture_is_placed_right_or_honestly_unknown(
    indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _places(capsys) == {
        "Đà Nẵng": {None: {"xã Xuân Phú": 1}},
        "Hà Nội": {"Quận Hai Bà Trưng": {"phường Minh Khai": 1}},
        "Hồ Chí Minh": {"Quận 3": {"Phường 3": 1}},
        "Lào Cai": {"Huyện Mường Khương": {"xã Bản Lầu": 1}},
        "Long An": {"Thành phố Tân An": {"Phường 1": 1}},
        None: {None: {"phường Minh Khai": 1, "Phường 1": 1}},
    }
    assert main(["list", "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {Path(r["source"]).name: r for r in map(json.loads, lines)}
    assert (rows["minhkhai.txt"]["province"], rows["minhkhai.txt"]["place_confidence"]) == (
        None, "unknown")
    assert rows["minhkhai-hbt.txt"]["place_confidence"] == "evidence"
    assert rows["banlau.txt"]["place_confidence"] == "unique"
    assert rows["banlau.txt"]["place_code"].count("-") == 2  # the list before July 2025
    assert rows["xuanphu.txt"]["place_code"].count("-") == 1  # the list since


def test_places_text_in_vietnamese_order_unknown_last(
    indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["places"]) == 0
    lines = capsys.readouterr().out.splitlines()
    provinces = [line.rsplit("  ", 1)[0] for line in lines if not line.startswith(" ")]
    assert provinces == ["Đà Nẵng", "Hà Nội", "Hồ Chí Minh", "Lào Cai", "Long An",
                         "Place unknown"]
    assert lines[-3:] == ["Place unknown  2", "  Phường 1  1", "  phường Minh Khai  1"]


@pytest.mark.parametrize(
    ("args", "files"),
    [
        (["--province", "long an"], ["p1-tanan.txt"]),
        (["--province", "HA NOI"], ["minhkhai-hbt.txt"]),
        (["--province", "ho chi minh", "--district", "quan 3"], ["p3-q3.txt"]),
        (["--district", "tan an"], ["p1-tanan.txt"]),
        (["--district", "tp tân an"], ["p1-tanan.txt"]),
        (["--province", "lao"], ["banlau.txt"]),  # a prefix
        (["--province", "da nang", "--ward", "xuan phu"], ["xuanphu.txt"]),
    ],
)
def test_list_by_province_and_district(
    indexed: Path, capsys: pytest.CaptureFixture[str], args: list[str], files: list[str]
) -> None:
    assert main(["list", "--json", *args]) == 0
    out = capsys.readouterr().out
    assert sorted(Path(json.loads(line)["source"]).name for line in out.splitlines()) == files


def test_a_place_not_in_the_library_is_one_line_with_a_suggestion(
    indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--province", "long ann"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [
        "wardtui: no articles: no province of the library is named 'long ann' "
        "(did you mean Long An?)"]
    assert main(["list", "--province", "long an", "--district", "quan 3"]) == 0
    assert "no district of the library is named 'quan 3'" in capsys.readouterr().err
