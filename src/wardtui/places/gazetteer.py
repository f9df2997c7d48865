"""The gazetteer: Vietnam's wards, districts and provinces, before and after 1 July 2025.

Loaded from ``gazetteer.json`` beside this module (generated from the
``vietnamadminunits`` package by ``scripts/build_gazetteer.py``; see the README,
"Where is that ward?"). Two lists:

* ``old``: 63 provinces, 696 districts, 10,035 wards, communes and townships,
  the units in force before 1 July 2025, each ward with its former names and the
  new unit(s) that succeeded it;
* ``new``: 34 provinces and 3,321 wards, communes and special zones, without
  districts.

A :class:`Gazetteer` answers two questions: which units bear a name
(:meth:`Gazetteer.candidates`), and which units a text's place mentions cover
(:meth:`Gazetteer.regions`). It is built once, on first use (:func:`gazetteer`).
"""

from __future__ import annotations

import bisect
import gc
import json
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from .names import Mention, district_type_key, name_key, name_keys

Era = Literal["old", "new"]
DATA_FILE = Path(__file__).with_name("gazetteer.json")
_ALIAS_UNITS = {
    "phuong": "phường",
    "xa": "xã",
    "thitran": "thị trấn",
    "tt": "thị trấn",
    "dackhu": "đặc khu",
}
# Names a province bore until lately, which texts of its time use ("tỉnh Thừa Thiên Huế"
# until Huế became a centrally-run city in January 2025).
_FORMER_PROVINCES = {"Huế": ("Thừa Thiên Huế",)}
# A region item: ("p", province code) or ("d", district code).
Region = frozenset[tuple[str, str]]
_MEMO_MAX = 20_000  # regions remembered (then forgotten all at once)


class Unit(NamedTuple):
    """One ward, commune, township or special zone of one list.

    ``code`` is the statistics office's five-digit code (unique within a list,
    reused across the two lists); ``district`` is ``None`` in the new list. (A
    named tuple: 13,000 are built at load, twice as fast as frozen dataclasses.)
    """

    era: Era
    code: str
    unit: str
    name: str
    province: str
    district: str | None
    successors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str
    short: str


@dataclass(frozen=True, slots=True)
class District:
    code: str
    province: str
    type: str
    short: str

    @property
    def name(self) -> str:
        """``Thành phố Tân An``, ``Quận 3`` (numbered names already carry the type)."""
        return self.short if self.short.startswith(self.type) else f"{self.type} {self.short}"


class Gazetteer:
    """Both lists, indexed by name key (see :func:`.names.name_key`)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.source: str = data["source"]
        old, new = data["old"], data["new"]
        self.provinces: dict[Era, dict[str, Province]] = {
            "old": {r[0]: Province(r[0], r[1], r[2]) for r in old["provinces"]},
            "new": {r[0]: Province(r[0], r[1], r[2]) for r in new["provinces"]},
        }
        self.districts: dict[str, District] = {
            r[0]: District(r[0], r[1], r[2], r[3]) for r in old["districts"]
        }
        self.units: dict[Era, dict[str, Unit]] = {"old": {}, "new": {}}
        # name key -> [(unit, the unit word the name was written with, or "" for any)]
        self._by_name: dict[Era, defaultdict[str, list[tuple[Unit, str]]]] = {
            "old": defaultdict(list),
            "new": defaultdict(list),
        }
        old_keys = name_keys([r[3] for r in old["wards"]])
        for key, (code, district, unit, name, aliases, successors) in zip(
            old_keys, old["wards"], strict=True
        ):
            province = self.districts[district].province
            self._add(
                key, Unit("old", code, unit, name, province, district, tuple(successors)), aliases
            )
        new_keys = name_keys([r[3] for r in new["wards"]])
        for key, (code, province, unit, name, aliases) in zip(new_keys, new["wards"], strict=True):
            self._add(key, Unit("new", code, unit, name, province, None), aliases)

        # Place mentions: name key -> province / district codes.
        self._old_province_keys = _keys(
            (r[0], [r[2], *_FORMER_PROVINCES.get(r[2], ())], r[3]) for r in old["provinces"]
        )
        self._new_province_keys = _keys(
            (r[0], [r[2], *_FORMER_PROVINCES.get(r[2], ())], r[3]) for r in new["provinces"]
        )
        self._district_keys = _keys((r[0], [r[3]], _bare(r[4])) for r in old["districts"])
        # Old province -> the new province that absorbed it.
        self._absorbed_by: dict[str, str] = {
            old_code: r[0] for r in new["provinces"] for old_code in r[4]
        }
        # (era, kind, words) of a mention -> its region: the lists never change, and
        # every page of a site names the same district and province.
        self._regions_memo: dict[tuple[Era, str, tuple[str, ...]], Region] = {}
        self._sorted_keys: list[str] | None = None  # every name key, sorted (on first use)

    def _add(self, key: str, unit: Unit, aliases: Iterable[str]) -> None:
        self.units[unit.era][unit.code] = unit
        index = self._by_name[unit.era]
        index[key].append((unit, unit.unit))
        for alias in aliases:
            prefix, _, key = alias.partition(":")
            index[key].append((unit, _ALIAS_UNITS.get(prefix, "")))

    # -- wards -------------------------------------------------------------------------

    def candidates(
        self, era: Era, unit: str | None, keys: Iterable[str], *, strict: bool = False
    ) -> list[Unit]:
        """The units of ``era`` named by one of ``keys`` (current or former name).

        With ``unit`` given, units written with that unit word come first; when
        there are none, any unit word is accepted (a commune that became a ward
        between the article and the list) unless ``strict``.
        """
        index = self._by_name[era]
        entries = [entry for key in keys for entry in index.get(key, ())]
        if unit:
            same = [u for u, written in entries if written in (unit, "")]
            if same or strict:
                return list({u.code: u for u in same}.values())
        return list({u.code: u for u, _ in entries}.values())

    def knows(self, key: str) -> bool:
        """Does a unit of either list bear the name key ``key`` (now or formerly)?"""
        return key in self._by_name["old"] or key in self._by_name["new"]

    def extends(self, key: str) -> bool:
        """Does a unit of either list bear a name key that is ``key`` and more
        (``lamsan`` for ``lam``)? A name no key extends is never read longer."""
        keys = self._sorted_keys
        if keys is None:
            keys = self._sorted_keys = sorted({*self._by_name["old"], *self._by_name["new"]})
        at = bisect.bisect_right(keys, key)
        return at < len(keys) and keys[at].startswith(key)

    def province_codes(self, era: Era, name: str) -> tuple[str, ...]:
        """Codes of the provinces of ``era`` called ``name`` (``Tỉnh Long An``, ``TP. HCM``)."""
        index = self._old_province_keys if era == "old" else self._new_province_keys
        return index.get(district_type_key(name), ())

    def district_codes(self, name: str) -> tuple[str, ...]:
        """Codes of the old list's districts called ``name``, by current or former name
        (``Cửa Lò`` is in ``Thành phố Vinh`` since its 2025 merger)."""
        return self._district_keys.get(district_type_key(name), ())

    def absorbed_by(self, old_province: str) -> str:
        """The new province that absorbed the old province ``old_province`` (codes)."""
        return self._absorbed_by[old_province]

    # -- evidence ----------------------------------------------------------------------

    def regions(self, era: Era, mentions: Iterable[Mention]) -> list[Region]:
        """For each mention that names a known place, the region it covers.

        Old list: provinces (``tỉnh``), districts (``huyện``, ``quận``, ``thị xã``,
        and ``thành phố``, which names a district-level city first, else a
        centrally-run one). New list: provinces only; an old province or district
        named in a new article covers the new province that absorbed it.
        """
        found: list[Region] = []
        memo = self._regions_memo
        for mention in mentions:
            key = (era, mention.kind, mention.words)
            region = memo.get(key)
            if region is None:
                region = self._region(mention)
                if region and era == "new":
                    region = self._to_new(region)
                elif region:
                    region = frozenset(item for item in region if item[0] != "np")
                if len(memo) >= _MEMO_MAX:
                    memo.clear()
                memo[key] = region
            if region:
                found.append(region)
        return found

    def key_regions(self, era: Era, keys: Iterable[str]) -> Region:
        """Every province and district (old list) or province (new list) whose name
        key is one of ``keys``: a site's labels name both (``quangtri`` is the province
        and its town)."""
        hits: set[tuple[str, str]] = set()
        for key in keys:
            hits.update(("p", c) for c in self._old_province_keys.get(key, ()))
            hits.update(("np", c) for c in self._new_province_keys.get(key, ()))
            hits.update(("d", c) for c in self._district_keys.get(key, ()))
        region = frozenset(hits)
        if not region:
            return region
        if era == "new":
            return self._to_new(region)
        return frozenset(item for item in region if item[0] != "np")

    def _region(self, mention: Mention) -> Region:
        for key in mention.name_keys():
            if mention.kind == "province":
                hits = [("p", c) for c in self._old_province_keys.get(key, ())]
                hits += [("np", c) for c in self._new_province_keys.get(key, ())]
            elif mention.kind == "district":
                hits = [("d", c) for c in self._district_keys.get(key, ())]
            else:
                hits = [("d", c) for c in self._district_keys.get(key, ())] or [
                    ("p", c) for c in self._old_province_keys.get(key, ())
                ] + [("np", c) for c in self._new_province_keys.get(key, ())]
            if hits:
                return frozenset(hits)
        return frozenset()

    def _to_new(self, region: Region) -> Region:
        out: set[tuple[str, str]] = set()
        for kind, code in region:
            if kind == "np":
                out.add(("p", code))
            elif kind == "p":
                out.add(("p", self._absorbed_by[code]))
            else:
                out.add(("p", self._absorbed_by[self.districts[code].province]))
        return frozenset(out)


def covers(region: Region, unit: Unit) -> bool:
    """Does ``region`` (provinces and districts) hold ``unit``?"""
    return ("p", unit.province) in region or (
        unit.district is not None and ("d", unit.district) in region
    )


def _bare(aliases: Iterable[str]) -> list[str]:
    return [alias.partition(":")[2] for alias in aliases]


def _keys(rows: Iterable[tuple[str, list[str], list[str]]]) -> dict[str, tuple[str, ...]]:
    """name key -> codes, from (code, names, alias keys)."""
    index: defaultdict[str, list[str]] = defaultdict(list)
    for code, names, aliases in rows:
        for key in {name_key(n) for n in names} | {a for a in aliases if a}:
            index[key].append(code)
    return {key: tuple(codes) for key, codes in index.items()}


_lock = threading.Lock()
_loaded: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The gazetteer, loaded from :data:`DATA_FILE` on the first call (thread-safe)."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                # 13,000 small objects: the cyclic collector would only slow the load.
                was_enabled = gc.isenabled()
                gc.disable()
                try:
                    _loaded = Gazetteer(json.loads(DATA_FILE.read_text(encoding="utf-8")))
                finally:
                    if was_enabled:
                        gc.enable()
    return _loaded


def is_loaded() -> bool:
    """True once :func:`gazetteer` has loaded the data (for tests of laziness)."""
    return _loaded is not None
