"""Placing an article: which ward of the gazetteer is it about, if the text can tell?

:func:`place` takes the ward and unit the parser found, the article's date and
its text (the *evidence*), and returns a :class:`Placement`:

* the list: articles dated on or after 1 July 2025 are placed in the new list
  (wards under provinces, no districts); earlier ones in the old list, with the
  new unit that succeeded the ward where the mapping names exactly one. An
  undated article (or one dated only "2025") is placed in the old list when the
  name is in it, else in the new list;
* the rule: a name borne by one unit is placed (``unique``) unless the text
  names places and none of them holds that unit; a name borne by several is
  placed only when every place the text names that holds one of them points to
  the same one (``evidence``). Otherwise the placement is ``unknown`` and says
  how many units bear the name: never a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from .gazetteer import Era, Gazetteer, Region, Unit, gazetteer
from .names import display_ward, find_mentions, split_ward

if TYPE_CHECKING:  # the corpus package is imported by whoever parses, not on our account
    from ..corpus.model import Article

Confidence = Literal["unique", "evidence", "unknown"]
NEW_LIST_FROM = "2025-07-01"
MAX_EVIDENCE_CHARS = 40_000
_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2}))?")  # the head of a very long text is evidence enough


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
    if not ward or not ward.strip():
        return UNKNOWN
    gaz = gaz or gazetteer()
    unit_word, keys = split_ward(ward, unit)
    if not keys:
        return UNKNOWN
    era = era_for(date) or _era_by_name(gaz, unit_word, keys)
    found = gaz.candidates(era, unit_word, keys)
    if not found:
        return Placement(None, None, None, "unknown", 0, era)
    text = evidence if isinstance(evidence, str) else "\n".join(t for t in evidence if t)
    regions = gaz.regions(era, find_mentions(text[:MAX_EVIDENCE_CHARS]))
    chosen = _choose(found, regions)
    if chosen is None:
        return Placement(None, None, None, "unknown", len(found), era)
    return _placed(gaz, chosen, "unique" if len(found) == 1 else "evidence", len(found))


def _era_by_name(gaz: Gazetteer, unit: str | None, keys: tuple[str, ...]) -> Era:
    """The list for an undated article: the old one if it holds the name with this unit
    word, else the new one if that does; failing both, the old one if it holds the name
    at all (a commune since made a ward), else the new one."""
    eras: tuple[Era, Era] = ("old", "new")
    for strict in (True, False):
        for era in eras:
            if gaz.candidates(era, unit, keys, strict=strict):
                return era
    return "old"


def _covers(region: Region, unit: Unit) -> bool:
    return ("p", unit.province) in region or (
        unit.district is not None and ("d", unit.district) in region
    )


def _choose(found: list[Unit], regions: list[Region]) -> Unit | None:
    """The one unit the evidence allows, or ``None``.

    Only mentions that cover at least one candidate count; the units every such
    mention covers must be exactly one. With one candidate and no counting
    mention, the candidate stands unless the text names places at all (then they
    point elsewhere, and the name is probably a unit the list no longer holds).
    """
    relevant = [r for r in regions if any(_covers(r, u) for u in found)]
    if not relevant:
        return found[0] if len(found) == 1 and not regions else None
    allowed = [u for u in found if all(_covers(r, u) for r in relevant)]
    return allowed[0] if len(allowed) == 1 else None


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
