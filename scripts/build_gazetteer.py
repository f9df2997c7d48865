"""Generate wardtui's gazetteer data file from the ``vietnamadminunits`` package.

The gazetteer (:mod:`wardtui.places`) reads one compact JSON file,
``src/wardtui/places/gazetteer.json``, so that wardtui needs no third-party
package at run time: ``vietnamadminunits`` brings numpy, shapely and geopy
(about 98 MB installed) and takes 0.7-3 s to import. This script reads the
package's *data files* (never its Python modules) and writes:

* ``old``: the 63 provinces, their 696 districts and 10,035 wards, communes and
  townships as they stood before 1 July 2025, with former names (aliases) and,
  for each ward, the new unit(s) that succeeded it;
* ``new``: the 34 provinces and 3,321 wards, communes and special zones after
  1 July 2025, each province with the old provinces it absorbed.

Usage (any one source)::

    pip download --no-deps vietnamadminunits==1.0.4 -d /tmp/vau
    python scripts/build_gazetteer.py --wheel /tmp/vau/vietnamadminunits-1.0.4-py3-none-any.whl
    python scripts/build_gazetteer.py            # from an installed vietnamadminunits

The output is deterministic: the same package version gives the same bytes.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import json
import sqlite3
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "wardtui" / "places" / "gazetteer.json"
PACKAGE = "vietnamadminunits"
_UNIT_PREFIXES = ("thitran", "phuong", "xa", "dackhu", "tt")
_DISTRICT_PREFIXES = ("thanhpho", "thixa", "huyen", "quan", "tx", "tp")


def _strip(key: str, prefixes: tuple[str, ...]) -> tuple[str, str]:
    """("phuong", "trucbach") from "phuongtrucbach"; ("", key) without a prefix."""
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix):
            return prefix, key[len(prefix) :]
    return "", key


def _aliases(raw: str | None, prefixes: tuple[str, ...]) -> list[str]:
    """Former names as "prefix:key" (prefix may be empty), de-duplicated, sorted.

    The source lists each name with and without its type (``huyenquanguyen``,
    ``quanguyen``); the bare form is implied by the other, and must not be read as
    a prefix of its own (``quan`` + ``guyen``).
    """
    if not raw:
        return []
    keys = set(json.loads(raw))
    found = {
        ":".join(_strip(key, prefixes))
        for key in keys
        if not any(prefix + key in keys for prefix in prefixes)
    }
    return sorted(found)


def _short_aliases(raw: str | None) -> list[str]:
    """A province's other names (``hcm``); two-letter ones (``hn``) match too much text."""
    return sorted(key for key in json.loads(raw) if len(key) >= 3) if raw else []


def _split(full: str, types: tuple[str, ...]) -> tuple[str, str]:
    """("Thị trấn", "Mỹ An") from "Thị trấn Mỹ An"; the full name is the authority, since
    the package's short names carry notes (``Mỹ An (Thị trấn)``) and a few type columns
    disagree with the name."""
    for word in types:
        if full.lower().startswith(word.lower() + " "):
            return word, full[len(word) + 1 :]
    raise ValueError(f"no unit word in {full!r}")


_WARD_TYPES = ("Phường", "Xã", "Thị trấn", "Đặc khu")
_DISTRICT_TYPES = ("Quận", "Huyện", "Thị xã", "Thành phố")


def _ward(full: str) -> tuple[str, str]:
    """(unit, name): ("phường", "12") from "Phường 12"."""
    word, name = _split(full, _WARD_TYPES)
    return word.lower(), name


def build(
    db_path: Path, converter_path: Path, version: str, legacy_path: Path | None = None
) -> dict[str, object]:
    """The gazetteer as a JSON-ready dict.

    ``legacy_path`` (the package's ``parser_legacy.json``) adds the names of districts
    that were divided between several (``Thành phố Huế`` → Phú Xuân, Thuận Hóa) as
    former names of each part.
    """
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conv = json.loads(converter_path.read_text(encoding="utf-8"))

    # --- the new list (after 1 July 2025) ---
    new_provinces: dict[str, list[object]] = {}
    new_ward_code: dict[tuple[str, str], str] = {}
    new_wards: list[list[object]] = []
    province_key_new: dict[str, str] = {}
    for row in db.execute(
        "SELECT provinceCode, province, provinceShort, provinceKey, provinceAlias, wardCode,"
        " ward, wardKey, wardAlias FROM admin_units ORDER BY wardCode"
    ):
        pcode, pfull, pshort, pkey, palias, wcode, wfull, wkey, walias = row
        province_key_new[pkey] = pcode
        new_provinces.setdefault(pcode, [pcode, pfull, pshort, _short_aliases(palias), []])
        new_ward_code[(pkey, wkey)] = wcode
        new_wards.append([wcode, pcode, *_ward(wfull), _aliases(walias, _UNIT_PREFIXES)])

    # --- the old list (before 1 July 2025) ---
    old_provinces: dict[str, list[object]] = {}
    old_districts: dict[str, list[object]] = {}
    old_wards: list[list[object]] = []
    old_key_code: dict[str, str] = {}
    province_key_old: dict[str, str] = {}
    for row in db.execute(
        "SELECT provinceCode, province, provinceShort, provinceKey, provinceAlias, districtCode,"
        " district, districtKey, districtAlias, wardCode, ward, wardKey, wardAlias"
        " FROM admin_units_legacy ORDER BY wardCode, districtCode"
    ):
        (pcode, pfull, pshort, pkey, palias, dcode, dfull, dkey, dalias) = row[:9]
        wcode, wfull, wkey, walias = row[9:]
        dtype, dshort = _split(dfull, _DISTRICT_TYPES)
        province_key_old[pkey] = pcode
        old_provinces.setdefault(pcode, [pcode, pfull, pshort, _short_aliases(palias)])
        old_districts.setdefault(
            dcode, [dcode, pcode, dtype, dshort, _aliases(dalias, _DISTRICT_PREFIXES)]
        )
        if wcode is None:  # an island district without wards (Côn Đảo, Lý Sơn…)
            continue
        old_key_code[f"{pkey}_{dkey}_{wkey}"] = wcode
        old_wards.append([wcode, dcode, *_ward(wfull), _aliases(walias, _UNIT_PREFIXES), []])

    if legacy_path is not None:
        district_code = {
            (pkey, dkey): dcode
            for pkey, dkey, dcode in db.execute(
                "SELECT DISTINCT provinceKey, districtKey, districtCode FROM admin_units_legacy"
            )
        }
        divided = json.loads(legacy_path.read_text(encoding="utf-8"))
        for pkey, formers in divided["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
            for former in formers.values():
                names = json.dumps(former["dividedDistrictKeywords"])
                for dkey in former["districts"]:
                    aliases = old_districts[district_code[(pkey, dkey)]][4]
                    assert isinstance(aliases, list)
                    aliases[:] = sorted(set(aliases) | set(_aliases(names, _DISTRICT_PREFIXES)))

    # --- the mapping: which new ward(s) succeeded each old ward ---
    successors: defaultdict[str, set[str]] = defaultdict(set)
    for pkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in wards.items():
            for old in olds:
                if old in old_key_code:
                    successors[old_key_code[old]].add(new_ward_code[(pkey, wkey)])
    for pkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                successors[old_key_code[old]].add(new_ward_code[(pkey, part["newWardKey"])])
    for ward in old_wards:
        ward[5] = sorted(successors.get(str(ward[0]), ()))
    for new_pkey, old_pkeys in conv["DICT_PROVINCE"].items():
        absorbed = new_provinces[province_key_new[new_pkey]][4]
        assert isinstance(absorbed, list)
        absorbed.extend(sorted(province_key_old[k] for k in old_pkeys))

    return {
        "source": f"{PACKAGE} {version} (MIT licence, (c) 2025 Tran Ngoc Minh Hieu); "
        "data of the General Statistics Office of Viet Nam",
        "columns": {
            "old.provinces": ["code", "name", "short", "aliases"],
            "old.districts": ["code", "province", "type", "short", "aliases"],
            "old.wards": ["code", "district", "unit", "name", "aliases", "successors"],
            "new.provinces": ["code", "name", "short", "aliases", "old_provinces"],
            "new.wards": ["code", "province", "unit", "name", "aliases"],
        },
        "old": {
            "provinces": sorted(old_provinces.values()),
            "districts": sorted(old_districts.values()),
            "wards": old_wards,
        },
        "new": {"provinces": sorted(new_provinces.values()), "wards": new_wards},
    }


def _installed() -> tuple[Path, str]:
    spec = importlib.util.find_spec(PACKAGE)  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed; pass --wheel (see the module docstring)")
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "data", importlib.metadata.version(PACKAGE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a downloaded {PACKAGE} wheel")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.wheel:
            version = args.wheel.name.split("-")[1]
            with zipfile.ZipFile(args.wheel) as wheel:
                for name in ("dataset.db", "converter_2025.json", "parser_legacy.json"):
                    wheel.extract(f"{PACKAGE}/data/{name}", tmp)
            data = Path(tmp) / PACKAGE / "data"
        else:
            data, version = _installed()
        result = build(
            data / "dataset.db", data / "converter_2025.json", version, data / "parser_legacy.json"
        )
    text = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    # One record per line keeps diffs readable when the package's data changes.
    text = text.replace("],[", "],\n[")
    tmp_out = args.out.with_suffix(".tmp")
    tmp_out.write_text(text + "\n", encoding="utf-8")
    tmp_out.replace(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) from {PACKAGE} {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
