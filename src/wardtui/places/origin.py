"""A file's origin as evidence of its ward: the site, folders and address it came from.

Scraped articles are stored site by site: a mirror keeps each page under its host
and path (``xatrieuai.quangtri.gov.vn/vi/news/….txt``), people name folders after
the ward (``phuong-my-long/``, ``Xa Cam Long/``), and many scrapers write the page's
address into the file (``URL: https://…``, ``Nguồn: https://…``, or the address
alone on a line). :func:`origin_of` reads those *slugs* (host labels, folder and
path segments; never the file's own name, which is an article's slug) and
:func:`resolve` matches them against the gazetteer's folded, space-less ward names:

* a slug may open with a unit word (``xa``, ``phuong``, ``thitran``, ``tt``; not
  ``p``: ``p2`` is a page as often as a ward), which then must be the ward's unit;
* the other labels and segments that name a province or a district (``quangtri``,
  ``camthuy``, ``tpcaolanh``, ``huyen-dong-hy``) narrow the candidates;
* a slug without a unit word counts only when such a region narrows it, and one
  with a unit word but no region only when its name is unique in the list and has
  two words or more (``xa-hoi`` is "society", not a commune ``Hội``);
* a slug that names a district of the old list (``vuthu.thaibinh.gov.vn`` is the
  district's portal) is not a ward; a number alone, a year, ``tin-tuc`` and the
  like match nothing;
* only one ward may come out: slugs pointing to different wards cancel.

Pure (no SQLite, Textual or Rich); imports the gazetteer only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from ..vntext import fold
from .gazetteer import Era, Gazetteer, Region, Unit, covers
from .names import Mention

# The second-level domains under which every label names a government body
# (``camlong.camthuy.thanhhoa.gov.vn``); under other domains the label before the
# suffix is the site's own name (a paper's) and never a ward.
_PUBLIC_SUFFIXES = ("gov.vn", "dcs.vn", "org.vn", "com.vn", "net.vn", "edu.vn", "info.vn")
_PUBLIC_BODIES = ("gov.vn", "dcs.vn")
_TLDS = frozenset(("vn", "com", "net", "org", "info", "gov", "edu", "io", "biz"))
_NOISE_LABELS = frozenset(("www", "m", "mobile", "amp", "sub", "en", "vi", "web"))
_UNIT_PREFIXES = (("thitran", "thị trấn"), ("phuong", "phường"), ("xa", "xã"), ("tt", "thị trấn"))
_REGION_PREFIXES = ("thanhpho", "thixa", "huyen", "quan", "tinh", "tp", "tx")
_REGION_ALIASES = {"tphcm": "hochiminh", "saigon": "hochiminh"}
_WORD = re.compile(r"[0-9a-z]+")
_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
# An address line: a label (``URL``, ``Nguồn Hà Nội TV``, ``Link gốc``) and an address,
# or an address alone.
_ADDRESS_LINE = re.compile(
    r"^[ \t]*(?:(?:url|link|nguồn|source|địa\s+chỉ|bài\s+gốc|xem\s+bài\s+gốc)"
    r"[^:\n]{0,40}:[ \t]*)?(?P<url>https?://[^\s<>\"]+|www\.[^\s<>\"]+)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
MAX_ADDRESSES = 4
_HOMES = (("home",), ("Users",), ("media",), ("run", "media"), ("var", "home"))


@dataclass(frozen=True, slots=True)
class Slug:
    """One label or segment: its words (folded), and whether it may name the ward."""

    words: tuple[str, ...]
    ward: bool


@dataclass(frozen=True, slots=True)
class Origin:
    """The slugs of one file's origin (its path and the addresses its text gives)."""

    slugs: tuple[Slug, ...]

    def __bool__(self) -> bool:
        return any(s.ward for s in self.slugs)


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _host_slugs(host: str) -> list[Slug]:
    """The labels of ``host``: all of them for a public body's site, the subdomains
    only for another site (its own name is context only)."""
    host = host.lower().rstrip(".").split(":")[0]
    labels = host.split(".")
    suffix = next((s for s in _PUBLIC_SUFFIXES if host.endswith("." + s)), None)
    if suffix:
        labels = labels[: -suffix.count(".") - 1]
        own = None if suffix in _PUBLIC_BODIES else len(labels) - 1
    else:
        labels = labels[:-1]
        own = len(labels) - 1
    out = []
    for i, label in enumerate(labels):
        if label in _NOISE_LABELS or not label:
            continue
        # ``dost-dongnai`` and ``baria-vungtau``: each part is context too.
        parts = label.split("-")
        words = tuple(p for p in parts if p)
        if not words:
            continue  # a label of dashes only ("-", "--"): no name in it
        out.append(Slug(words, ward=i != own))
        if len(parts) > 1:
            out.extend(Slug((p,), ward=False) for p in parts if p)
    return out


def _segment_slugs(segments: list[str], ward: bool = True) -> list[Slug]:
    out = []
    for segment in segments:
        words = _words(unquote(segment))
        if words:
            out.append(Slug(words, ward))
    return out


def _address_slugs(url: str) -> list[Slug]:
    if not url.lower().startswith(("http://", "https://")):
        url = "http://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    segments = [s for s in parts.path.split("/") if s]
    return _host_slugs(parts.hostname or "") + _segment_slugs(segments[:-1])


def _path_slugs(source: str) -> list[Slug]:
    """Slugs of a file's path: a host-like folder (a mirror) and what follows it are
    an address; the folders before it are the user's, named after a ward only with
    a unit word."""
    folder, _, _ = source.replace("\\", "/").rpartition("/")
    return list(_folder_slugs(folder))


@lru_cache(maxsize=1024)
def _folder_slugs(folder: str) -> tuple[Slug, ...]:
    """:func:`_path_slugs` of the files in ``folder`` (the files of a folder share it)."""
    segments = [s for s in folder.split("/") if s]
    # A home folder's name is its owner's (a user called Huệ is no province Huế).
    for top in _HOMES:
        if segments[: len(top)] == list(top):
            segments = segments[len(top) + 1 :]
            break
    for i in range(len(segments) - 1, -1, -1):
        label = segments[i].lower()
        if _HOST.match(label) and label.rsplit(".", 1)[-1] in _TLDS:
            return (
                *_segment_slugs(segments[:i], ward=True),
                *_host_slugs(label),
                *_segment_slugs(segments[i + 1 :]),
            )
    return tuple(_segment_slugs(segments))


def origin_of(source: str, text: str = "") -> Origin:
    """The slugs of a file at ``source`` (its path) whose decoded text is ``text``."""
    slugs = _path_slugs(source) if source else []
    if "://" in text or "www." in text:
        for n, match in enumerate(_ADDRESS_LINE.finditer(text)):
            if n >= MAX_ADDRESSES:
                break
            slugs += _address_slugs(match.group("url"))
    return Origin(tuple(slugs))


# An office of the ward the text speaks of without naming it: "Đảng ủy phường tổ chức…".
_OWN_UNIT = re.compile(
    r"(?:UBND|HĐND|UBMTTQ(?:VN)?|MTTQ|Đảng\s+[uủ]y|Đảng\s+bộ|Ủy\s+ban\s+nhân\s+dân"
    r"|Hội\s+đồng\s+nhân\s+dân|Công\s+an)\s+(?P<unit>phường|xã|thị\s+trấn)\b"
)


def own_unit(text: str) -> str | None:
    """The one unit word the text gives its offices without a name (``UBND phường``,
    ``Đảng ủy xã``), or ``None`` (none, or several)."""
    units = set()
    for match in _OWN_UNIT.finditer(text):
        after = text[match.end() : match.end() + 4].lstrip()[:1]
        named = after.isupper() or after.isdigit()  # "UBND xã Tân Phú" names one
        if not named and not text.startswith("hội", match.end() + 1):  # "xã hội"
            units.add(" ".join(match.group("unit").split()))
    return units.pop() if len(units) == 1 else None


# -- matching ------------------------------------------------------------------------


def _readings(slug: Slug) -> list[tuple[str | None, str, bool]]:
    """(unit, name key, written with a unit word) readings of a slug that may be a ward."""
    words = slug.words
    out: list[tuple[str | None, str, bool]] = []
    first = words[0]
    if len(words) > 1:
        if first in ("thi", "tt") and len(words) > 2 and words[1] == "tran":
            out.append(("thị trấn", "".join(words[2:]), True))
        for prefix, unit in _UNIT_PREFIXES:
            if first == prefix:
                out.append((unit, "".join(words[1:]), True))
        out.append((None, "".join(words), False))
        return out
    for prefix, unit in _UNIT_PREFIXES:
        rest = first[len(prefix) :]
        if first.startswith(prefix) and rest:
            out.append((unit, rest, True))
    out.append((None, first, False))  # never "p2": a page number as often as a ward
    return out


_NUMBERED_DISTRICT = re.compile(r"(?:quan|q)0*([1-9][0-9]?)")


def _region_keys(words: tuple[str, ...]) -> list[str]:
    """The keys a slug may name a province or district by: as written, and without a
    type word before it (``tpcaolanh``, ``huyen-dong-hy``) or ``city`` after it. A
    number alone names none (folders ``1/``, ``2023/``); ``quan5`` names Quận 5."""
    key = "".join(words)
    numbered = _NUMBERED_DISTRICT.fullmatch(key)
    if numbered:
        return [numbered.group(1)]
    keys = [] if key.isdigit() else [_REGION_ALIASES.get(key, key)]
    bare = key[:-4] if key.endswith("city") and len(key) > 6 else key
    for prefix in _REGION_PREFIXES:
        if bare.startswith(prefix) and len(bare) > len(prefix) + 2:
            bare = bare[len(prefix) :]
            break
    if bare != key and not bare.isdigit():
        keys.append(_REGION_ALIASES.get(bare, bare))
    return keys


def _number_key(key: str) -> str:
    return (key.lstrip("0") or "0") if key.isdigit() else key


@dataclass(frozen=True, slots=True)
class Resolved:
    """The ward an origin names, in one list: ``unit``, the ``key`` it was found by
    (its name or a former one) and how many units of the list bear that key."""

    unit: Unit
    key: str
    count: int


def resolve(
    origin: Origin,
    era: Era | None,
    gaz: Gazetteer,
    unit_hint: Callable[[], str | None] | None = None,
) -> Resolved | None:
    """The one ward ``origin`` names in ``era``'s list, or ``None``. An undated file
    (``era`` None) is tried in both lists and resolved only where they agree; a slug
    that names a district of the old list names no ward of the new one then (the site
    may be the district's portal from before July 2025). ``unit_hint`` is the unit
    the text calls its own ward by (see :func:`own_unit`): it decides between a
    ``phường`` and a ``xã`` of the slug's name in the region, nothing else (a
    callable: it reads the text only when needed)."""
    if not origin or not _may_name(origin, gaz):
        return None
    if era is not None:
        return _resolve_in(origin, era, gaz, unit_hint)[0]
    old, districts = _resolve_in(origin, "old", gaz, unit_hint)
    new, _ = _resolve_in(origin, "new", gaz, unit_hint, skip=districts)
    if old and new and fold(old.unit.name) != fold(new.unit.name):
        return None
    return old or new


@lru_cache(maxsize=1024)
def _may_name(origin: Origin, gaz: Gazetteer) -> bool:
    """Does any reading of a slug of ``origin`` bear a ward's name in either list?
    (Most folders hold no ward's name: their files are done with at once.)"""
    return any(
        gaz.candidates(era, unit, (_number_key(key),), strict=True)
        for slug in origin.slugs
        if slug.ward
        for unit, key, prefixed in _readings(slug)
        for era in ("old", "new")
        if key and (prefixed or not key.isdigit())  # a number alone names no ward
    )


def _resolve_in(
    origin: Origin,
    era: Era,
    gaz: Gazetteer,
    unit_hint: Callable[[], str | None] | None = None,
    skip: frozenset[int] = frozenset(),
) -> tuple[Resolved | None, frozenset[int]]:
    """(the ward, the slugs that name a district of the old list instead of a ward)."""
    own = [gaz.key_regions(era, _region_keys(s.words)) for s in origin.slugs]
    old_own = own if era == "old" else None
    chosen: dict[str, Resolved] = {}
    districts: set[int] = set()
    for i, slug in enumerate(origin.slugs):
        if not slug.ward or i in skip:
            continue
        # The regions the other slugs name (a slug never narrows itself).
        regions = [r for j, r in enumerate(own) if j != i and r]
        for unit, key, prefixed in _readings(slug):
            key = _number_key(key)
            if not key or (key.isdigit() and not prefixed):
                continue
            if not prefixed and _names_province(gaz, slug.words):
                break  # a province's site or folder (``laocai``): context, not a ward
            if not prefixed and old_own is not None and _names_district(gaz, own[i], regions):
                districts.add(i)  # the portal or folder of a district that bears the name
                continue
            found = gaz.candidates(era, unit, (key,), strict=True)
            if not found:
                continue
            relevant = [r for r in regions if any(covers(r, u) for u in found)]
            if relevant:
                allowed = [u for u in found if all(covers(r, u) for r in relevant)]
            elif prefixed and not regions and len(found) == 1 and " " in found[0].name:
                allowed = found
            else:
                allowed = []
            if len(allowed) > 1 and unit is None and unit_hint is not None:
                hint = unit_hint()
                allowed = [u for u in allowed if u.unit == hint]
            if len(allowed) == 1:
                chosen[allowed[0].code] = Resolved(allowed[0], key, len(found))
    resolved = next(iter(chosen.values())) if len(chosen) == 1 else None
    return resolved, frozenset(districts)


def origin_places(origin: Origin, gaz: Gazetteer) -> list[Mention]:
    """The places (provinces, districts) the slugs of ``origin`` name, as mentions for
    :func:`.placement.place_named`: ``quangtri``, ``tpcaolanh``, ``huyen-dong-hy``.
    Empty when they name none (most folders: remembered)."""
    return list(_origin_places(origin, gaz))


@lru_cache(maxsize=1024)
def _origin_places(origin: Origin, gaz: Gazetteer) -> tuple[Mention, ...]:
    """A province mention for a key that names a province, a district mention for one
    that names a district (``quangtri`` is both: the province and its town)."""
    places: list[Mention] = []
    for key in dict.fromkeys(k for s in origin.slugs for k in _region_keys(s.words)):
        if gaz.province_codes("old", key) or gaz.province_codes("new", key):
            places.append(Mention("province", (key,), -1))
        if gaz.district_codes(key):
            places.append(Mention("district", (key,), -1))
    return tuple(places)


def _names_province(gaz: Gazetteer, words: tuple[str, ...]) -> bool:
    keys = _region_keys(words)
    return any(gaz.province_codes("old", k) or gaz.province_codes("new", k) for k in keys)


def _names_district(gaz: Gazetteer, own: Region, regions: list[Region]) -> bool:
    """Does a slug whose own region is ``own`` name a district the other ``regions``
    hold (or any district, when they name none)?"""
    districts = [code for kind, code in own if kind == "d"]
    if not districts or not regions:
        return bool(districts)
    return any(
        ("d", code) in r or ("p", gaz.districts[code].province) in r
        for code in districts
        for r in regions
    )
