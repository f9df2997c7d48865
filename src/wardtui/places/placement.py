"""Placing an article: which ward of the gazetteer is it about, if the text can tell?

:func:`place` takes the ward and unit the parser found, the article's date and
its text (the *evidence*), and returns a :class:`Placement`:

* the list: articles dated on or after 1 July 2025 are placed in the new list
  (wards under provinces, no districts); earlier ones in the old list, with the
  new unit that succeeded the ward where the mapping names exactly one. An
  undated article (or one dated only "2025") is tried in both lists and placed
  only where they agree (see :func:`_place_undated`);
* the rule: a name borne by one unit is placed (``unique``) unless the text
  names places and none of them holds that unit; a name borne by several is
  placed only when every place the text names that holds one of them points to
  the same one (``evidence``). A longer name the text writes after the unit word
  (``xã Lâm san`` for ``Lâm``) joins the candidates. Otherwise the placement is
  ``unknown`` and says how many units bear the name: never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..vntext import fold
from .gazetteer import Era, Gazetteer, Region, Unit, covers, gazetteer
from .names import Mention, display_ward, find_mentions, longer_keys, name_key, split_ward

if TYPE_CHECKING:  # the corpus package is imported by whoever parses, not on our account
    from ..corpus.model import Article

Confidence = Literal["unique", "evidence", "unknown"]
NEW_LIST_FROM = "2025-07-01"
MAX_EVIDENCE_CHARS = 40_000  # the head of a very long text is evidence enough
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")


@dataclass(frozen=True, slots=True)
class Placement:
    """Where an article's ward is.

    ``province`` is the province's short name (``Long An``), ``district`` the
    district's full name (``Thành phố Tân An``; ``None`` in the new list or when
    unknown). ``place_code`` is ``province-district-ward`` codes in the old list
    (``80-794-27496``), ``province-ward`` in the new one (``80-27694``).
    ``candidates`` is how many units bear the ward's name in the list used.
    ``successor`` names the new unit that succeeded an old ward
    (``Phường Long An, Tây Ninh``) and ``successor_code`` its place code.
    ``name`` is the unit as the list writes it (``Phường Kinh Dinh`` for an
    article about ``phường Mỹ Hương``, merged into it in 2020).
    """

    province: str | None
    district: str | None
    place_code: str | None
    place_confidence: Confidence
    candidates: int
    era: Era | None = None
    successor: str | None = None
    successor_code: str | None = None
    name: str | None = None

    @property
    def placed(self) -> bool:
        return self.place_confidence != "unknown"


UNKNOWN = Placement(None, None, None, "unknown", 0)


def era_for(date: str | None) -> Era | None:
    """``new`` on or after 1 July 2025, ``old`` before, ``None`` when the date cannot say.

    ``date`` is ISO text at any precision (``2025-07-14``, ``2025-07``, ``2025``);
    a bare ``2025`` cannot say, nor can text that is not a date.
    """
    match = _ISO.match(date or "")
    if match is None:
        return None
    if match.group(2):
        return "new" if match.group(0) >= NEW_LIST_FROM[:7] else "old"
    year = int(match.group(1))
    return None if year == 2025 else "new" if year > 2025 else "old"


def place(
    ward: str | None,
    unit: str | None,
    date: str | None,
    evidence: str | Iterable[str] = "",
    *,
    gaz: Gazetteer | None = None,
) -> Placement:
    """Place ward ``ward`` (unit ``unit``) of an article dated ``date``.

    ``evidence`` is the article's text (one string or several: furniture lines
    such as site banners, title, byline, body). Never raises on text input.
    """
    return place_named(ward, unit, date, evidence, gaz=gaz)[0]


def place_named(
    ward: str | None,
    unit: str | None,
    date: str | None,
    evidence: str | Iterable[str] = "",
    *,
    gaz: Gazetteer | None = None,
    places: Iterable[Mention] = (),
) -> tuple[Placement, str | None]:
    """:func:`place`, and the ward's name when the gazetteer reads the text's name
    longer (else ``None``). ``places`` are more place mentions, from outside the text
    (the province and district a file's origin names).

    Where the text writes more words after the ward's name (``xã Lâm san`` for
    ``Lâm``) and the list holds a unit of the longer name with that unit word, the
    longer name is the ward's when no unit of that word bears the shorter one in
    either list, or when the placement chose the longer one.
    """
    if not ward or not ward.strip():
        return UNKNOWN, None
    gaz = gaz or gazetteer()
    unit_word, keys = split_ward(ward, unit)
    if not keys:
        return UNKNOWN, None
    text = evidence if isinstance(evidence, str) else "\n".join(t for t in evidence if t)
    mentions = _Evidence(unicodedata.normalize("NFC", text[:MAX_EVIDENCE_CHARS]), places)
    shown = display_ward(ward, unit)[0]
    longer: tuple[str, ...] = ()
    if gaz.extends(name_key(shown)):  # else no longer name it may be read as is a unit
        longer = longer_keys(mentions.text, shown, mentions.folded)
    renamed = None
    if longer and unit_word:
        renamed = _only_longer(gaz, unit_word, keys, longer)
        if renamed is not None:
            keys, longer = (name_key(renamed),), ()
    era = era_for(date)
    if era is not None:
        placement = _place_in(gaz, era, unit_word, keys, mentions, longer)[0]
    else:
        placement = _place_undated(gaz, unit_word, keys, mentions, longer)
    if renamed is None and longer and placement.name:
        chosen = placement.name.split(" ", 2 if placement.name.startswith("Thị trấn") else 1)
        if name_key(chosen[-1]) in longer:
            renamed = chosen[-1]
    return placement, renamed


class _Evidence:
    """The place mentions of an evidence text (and ``places`` from outside it), read
    when first asked for: a ward no list holds is unknown whatever the text names.
    Calling it gives the mentions; :meth:`folded` gives ``fold(text)``, folded once."""

    __slots__ = ("_folded", "_mentions", "_places", "text")

    def __init__(self, text: str, places: Iterable[Mention]) -> None:
        self.text = text
        self._places = places
        self._folded: str | None = None
        self._mentions: list[Mention] | None = None

    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def __call__(self) -> list[Mention]:
        if self._mentions is None:
            self._mentions = [*find_mentions(self.text, self.folded()), *self._places]
        return self._mentions


Mentions = Callable[[], list[Mention]]


def _only_longer(
    gaz: Gazetteer, unit: str, keys: tuple[str, ...], longer: tuple[str, ...]
) -> str | None:
    """The one longer name the lists hold with ``unit`` when neither holds the shorter."""
    both: tuple[Era, Era] = ("old", "new")
    longer = tuple(key for key in longer if gaz.knows(key))  # mostly none: "Tân Phú tổ"
    if not longer or any(gaz.candidates(era, unit, keys, strict=True) for era in both):
        return None
    names = {
        u.name
        for era in both
        for key in longer
        for u in gaz.candidates(era, unit, (key,), strict=True)
        if name_key(u.name) == key
    }
    return names.pop() if len(names) == 1 else None


def _place_in(
    gaz: Gazetteer,
    era: Era,
    unit: str | None,
    keys: tuple[str, ...],
    mentions: Mentions,
    longer: tuple[str, ...] = (),
) -> tuple[Placement, list[Unit], Unit | None]:
    """The placement in one list, the candidates it chose from, and its choice.

    Units bearing a longer name the text writes (``longer``, see
    :func:`.names.longer_keys`) join the candidates: the text may mean them.
    """
    found = gaz.candidates(era, unit, keys)
    if not found:
        return Placement(None, None, None, "unknown", 0, era), found, None
    if longer:
        extra = gaz.candidates(era, unit, longer, strict=True)
        found = list({u.code: u for u in (*found, *extra)}.values())
    chosen = _choose(found, gaz.regions(era, mentions()))
    if chosen is None:
        return Placement(None, None, None, "unknown", len(found), era), found, None
    confidence: Confidence = "unique" if len(found) == 1 else "evidence"
    return _placed(gaz, chosen, confidence, len(found)), found, chosen


def _place_undated(
    gaz: Gazetteer,
    unit: str | None,
    keys: tuple[str, ...],
    mentions: Mentions,
    longer: tuple[str, ...],
) -> Placement:
    """An undated article: tried in both lists.

    A name only one list holds (with this unit word, else with any) is placed in
    that list. A name both hold is placed in the old list (which has districts and
    gives the successor) when the new list agrees: its unit of that name is the
    old unit's successor, its placement lies in the province that absorbed the old
    one, or the places the text names hold none of its units of that name. It is
    placed in the new list when the old list cannot place it and the places named
    hold none of the old list's units. Otherwise the article may be about either:
    unknown.
    """
    both: tuple[Era, Era] = ("old", "new")
    strict = [era for era in both if gaz.candidates(era, unit, keys, strict=True)]
    eras = strict or [era for era in both if gaz.candidates(era, unit, keys)]
    if len(eras) < 2:
        return _place_in(gaz, eras[0] if eras else "old", unit, keys, mentions, longer)[0]
    old, old_found, chosen = _place_in(gaz, "old", unit, keys, mentions, longer)
    new, new_found, new_chosen = _place_in(gaz, "new", unit, keys, mentions, longer)
    if chosen is not None:
        continued = any(u.code in chosen.successors for u in new_found)
        same_province = new_chosen is not None and (
            new_chosen.province == gaz.absorbed_by(chosen.province)
        )
        if continued or same_province or _excluded(gaz, "new", new_found, mentions):
            return old
    elif new_chosen is not None and _excluded(gaz, "old", old_found, mentions):
        return new
    count = len(old_found) + len(new_found)
    return Placement(None, None, None, "unknown", count, None)


def _excluded(gaz: Gazetteer, era: Era, found: list[Unit], mentions: Mentions) -> bool:
    """True when the text names places and none of them holds any of ``found``."""
    regions = gaz.regions(era, mentions())
    return bool(regions) and not any(covers(r, u) for r in regions for u in found)


def _choose(found: list[Unit], regions: list[Region]) -> Unit | None:
    """The one unit the evidence allows, or ``None``.

    Only mentions that cover at least one candidate count; the units every such
    mention covers must be exactly one. With one candidate and no counting
    mention, the candidate stands unless the text names places at all (then they
    point elsewhere, and the name is probably a unit the list no longer holds).
    """
    relevant = [r for r in regions if any(covers(r, u) for u in found)]
    if not relevant:
        return found[0] if len(found) == 1 and not regions else None
    allowed = [u for u in found if all(covers(r, u) for r in relevant)]
    return allowed[0] if len(allowed) == 1 else None


@lru_cache(maxsize=4096)  # a Placement is immutable; a site's pages place the same wards
def _placed(gaz: Gazetteer, chosen: Unit, confidence: Confidence, count: int) -> Placement:
    province = gaz.provinces[chosen.era][chosen.province]
    district = gaz.districts[chosen.district] if chosen.district else None
    successor = successor_code = None
    if len(chosen.successors) == 1:
        new = gaz.units["new"][chosen.successors[0]]
        successor = f"{_unit_name(new)}, {gaz.provinces['new'][new.province].short}"
        successor_code = f"{new.province}-{new.code}"
    code = "-".join(c for c in (chosen.province, chosen.district, chosen.code) if c)
    return Placement(
        province=province.short,
        district=district.name if district else None,
        place_code=code,
        place_confidence=confidence,
        candidates=count,
        era=chosen.era,
        successor=successor,
        successor_code=successor_code,
        name=_unit_name(chosen),
    )


def placement_of(unit: Unit, count: int, gaz: Gazetteer | None = None) -> Placement:
    """The placement of a known ``unit`` (one of ``count`` bearing its name): the
    file's origin named it (see :mod:`.origin`)."""
    gaz = gaz or gazetteer()
    return _placed(gaz, unit, "unique" if count == 1 else "evidence", count)


def _unit_name(unit: Unit) -> str:
    """``Phường Long An``, ``Phường 1``, ``Thị trấn Mỹ An``."""
    return f"{unit.unit.capitalize()} {unit.name}"


def place_article(article: Article, furniture: Iterable[str] = ()) -> Placement:
    """Place a parsed article; ``furniture`` are the page lines the parser set aside
    (site banners, footers), the strongest evidence of where a portal is."""
    evidence = [*furniture, article.title, article.category or "", article.author or ""]
    evidence.append(article.body)
    return place(article.ward, article.unit, article.date, evidence)


def place_label(ward: str | None, unit: str | None, placement: Placement) -> str | None:
    """``Phường 1, Thành phố Tân An, Long An``; ``Phường 1 (place unknown: 33 candidates)``."""
    from ..corpus.model import ward_label

    if ward:
        ward, unit = display_ward(ward, unit)
    label = ward_label(ward, unit)
    if label is None:
        return None
    if placement.placed:
        parts = [label, placement.district, placement.province]
        return ", ".join(p for p in parts if p)
    if placement.candidates == 0:
        return f"{label} (place unknown: not in the list of units)"
    plural = "s" if placement.candidates != 1 else ""
    return f"{label} (place unknown: {placement.candidates} candidate{plural})"
