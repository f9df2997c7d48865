"""The gazetteer's generator (scripts/build_gazetteer.py) on a tiny synthetic source.

The real source (vietnamadminunits' dataset.db and converter_2025.json) is not
installed here, so these tests build a two-province miniature with the same
columns and check what the generator makes of it: units split from their unit
word (the full name is the authority), former names kept as aliases, successors
from both the plain and the split mapping, and provinces absorbed.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from scripts.build_gazetteer import build

LEGACY_COLUMNS = (
    "province, district, ward, provinceShort, provinceCode, provinceKey, provinceAlias, "
    "districtCode, districtKey, districtAlias, wardCode, wardKey, wardAlias"
)
NEW_COLUMNS = (
    "province, ward, provinceShort, provinceCode, provinceKey, provinceAlias, wardCode, wardKey, "
    "wardAlias"
)


def _source(tmp_path: Path) -> tuple[Path, Path]:
    db_path = tmp_path / "dataset.db"
    db = sqlite3.connect(db_path)
    db.execute(f"CREATE TABLE admin_units_legacy ({LEGACY_COLUMNS})")
    db.execute(f"CREATE TABLE admin_units ({NEW_COLUMNS})")
    legacy = [
        (
            "Tỉnh Long An",
            "Thành phố Tân An",
            "Phường 1",
            "Long An",
            "80",
            "tinhlongan",
            None,
            "794",
            "thanhphotanan",
            None,
            "27694",
            "phuong1",
            None,
        ),
        (
            "Tỉnh Long An",
            "Thành phố Tân An",
            "Phường 3",
            "Long An",
            "80",
            "tinhlongan",
            None,
            "794",
            "thanhphotanan",
            None,
            "27697",
            "phuong3",
            '["phuongmyhuong", "myhuong"]',
        ),
        (
            "Tỉnh Tây Ninh",
            "Thị Xã Hòa Thành",
            "Xã Trường Hoà",
            "Tây Ninh",
            "72",
            "tinhtayninh",
            None,
            "709",
            "thixahoathanh",
            '["huyenhoathanh", "hoathanh", "huyenquanguyen", "quanguyen"]',
            "25600",
            "xatruonghoa",
            None,
        ),
        (
            "Tỉnh Tây Ninh",
            "Huyện Côn Đảo",
            None,
            "Tây Ninh",
            "72",
            "tinhtayninh",
            None,
            "755",
            "huyencondao",
            None,
            None,
            None,
            None,
        ),
    ]
    db.executemany(
        f"INSERT INTO admin_units_legacy ({LEGACY_COLUMNS}) VALUES ({','.join('?' * 13)})", legacy
    )
    new = [
        (
            "Tỉnh Tây Ninh",
            "Phường Long An",
            "Tây Ninh",
            "80",
            "tinhtayninh",
            None,
            "27694",
            "phuonglongan",
            None,
        ),
        (
            "Tỉnh Tây Ninh",
            "Phường Tân An",
            "Tây Ninh",
            "80",
            "tinhtayninh",
            None,
            "27697",
            "phuongtanan",
            None,
        ),
        (
            "Tỉnh Tây Ninh",
            "Xã Hòa Thành",
            "Tây Ninh",
            "80",
            "tinhtayninh",
            None,
            "25600",
            "xahoathanh",
            None,
        ),
    ]
    db.executemany(f"INSERT INTO admin_units ({NEW_COLUMNS}) VALUES ({','.join('?' * 9)})", new)
    db.commit()
    db.close()
    converter = {
        "DICT_PROVINCE": {"tinhtayninh": ["tinhtayninh", "tinhlongan"]},
        "DICT_PROVINCE_WARD_NO_DIVIDED": {
            "tinhtayninh": {
                "phuonglongan": ["tinhlongan_thanhphotanan_phuong1"],
                "xahoathanh": ["tinhtayninh_thixahoathanh_xatruonghoa"],
            }
        },
        "DICT_PROVINCE_WARD_DIVIDED": {
            "tinhtayninh": {
                "tinhlongan_thanhphotanan_phuong3": [
                    {"newWardKey": "phuonglongan", "isDefaultNewWard": False},
                    {"newWardKey": "phuongtanan", "isDefaultNewWard": True},
                ]
            }
        },
    }
    conv_path = tmp_path / "converter_2025.json"
    conv_path.write_text(json.dumps(converter), encoding="utf-8")
    return db_path, conv_path


def test_build_reads_both_lists_and_the_mapping(tmp_path):
    data = build(*_source(tmp_path), version="0.0-test")
    old, new = data["old"], data["new"]
    assert old["provinces"] == [
        ["72", "Tỉnh Tây Ninh", "Tây Ninh", []],
        ["80", "Tỉnh Long An", "Long An", []],
    ]
    # "Thị Xã" (odd capitals in the source) is read from the full name; former names kept.
    assert ["709", "72", "Thị xã", "Hòa Thành", ["huyen:hoathanh", "huyen:quanguyen"]] in old[
        "districts"
    ]
    # An island district without wards is a district, not a ward.
    assert any(d[0] == "755" for d in old["districts"])
    wards = {w[0]: w for w in old["wards"]}
    assert set(wards) == {"27694", "27697", "25600"}
    assert wards["27694"][2:4] == ["phường", "1"]  # numbered: the name is the number
    assert wards["27697"][4] == ["phuong:myhuong"]
    assert wards["27694"][5] == ["27694"]
    assert wards["27697"][5] == ["27694", "27697"]  # split between two new wards
    assert wards["25600"][5] == ["25600"]
    assert new["provinces"] == [["80", "Tỉnh Tây Ninh", "Tây Ninh", [], ["72", "80"]]]
    assert [w[2:4] for w in new["wards"]] == [
        ["xã", "Hòa Thành"],
        ["phường", "Long An"],
        ["phường", "Tân An"],
    ]
    assert "0.0-test" in data["source"]


def test_build_output_loads_as_a_gazetteer(tmp_path):
    from wardtui.places import Gazetteer, place

    gaz = Gazetteer(json.loads(json.dumps(build(*_source(tmp_path), version="t"))))
    placement = place("Mỹ Hương", "phường", "2019", "", gaz=gaz)
    assert (placement.province, placement.district) == ("Long An", "Thành phố Tân An")
    assert placement.successor is None  # split: no single successor
    one = place("1", "phường", "2019", "", gaz=gaz)
    assert one.successor == "Phường Long An, Tây Ninh"


def test_build_names_each_part_of_a_divided_district(tmp_path):
    db_path, conv_path = _source(tmp_path)
    legacy = tmp_path / "parser_legacy.json"
    divided = {
        "tinhlongan": {
            "thixakientuong": {
                "dividedDistrictKeywords": ["thixakientuong", "kientuong"],
                "districts": {"thanhphotanan": {"districtDefault": False}},
            }
        }
    }
    legacy.write_text(json.dumps({"DICT_PROVINCE_DISTRICT_DIVIDED": divided}), encoding="utf-8")
    districts = {d[0]: d for d in build(db_path, conv_path, "t", legacy)["old"]["districts"]}
    assert districts["794"][4] == ["thixa:kientuong"]
    assert districts["709"][4] == ["huyen:hoathanh", "huyen:quanguyen"]
