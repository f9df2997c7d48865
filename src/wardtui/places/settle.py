"""Settling an article's ward with what its text alone cannot say, then placing it.

The parser (:mod:`wardtui.corpus`) finds the ward the text names. :func:`settle`
weighs the file's origin (:mod:`.origin`: the mirror's host and path, the folders,
an address line) and the gazetteer:

* when the origin names one ward of the gazetteer and the text names none, the
  origin's ward is the article's (its unit and spelling from the gazetteer);
* when the text names several wards and one is the origin's, that one wins;
* when the text's ward is the origin's, the placement is the origin's unit;
* when the text writes no unit word before its ward but follows the name with its
  district or province (``cù lao Mỹ Quý Đông – Đức Huệ – Long An``), the one unit
  of the gazetteer so named there is the ward (:func:`_named_with_region`);
* otherwise the text's ward stands, read longer when the gazetteer says so
  (``xã Lâm san`` is ``Lâm San``: see :func:`.placement.place_named`), and is
  placed from the page's text as before; when the text cannot place it, the
  provinces and districts the origin names (``phuninh.gov.vn``,
  ``…/huyen-Huong-Son/…``) join the evidence.

Pure: no SQLite, Textual or Rich.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from ..corpus.model import UNITS
from .gazetteer import Era, Gazetteer, Unit, covers, gazetteer
from .names import name_key, split_ward, strip_type
from .origin import Resolved, origin_of, origin_places, own_unit, resolve
from .placement import Placement, era_for, place_named, placement_of

if TYPE_CHECKING:
    from ..corpus.model import Article

MAX_MENTION_CHARS = 8_000  # of the body, as the parser scans


def settle(
    article: Article, page: str, *, source: str | None = None, gaz: Gazetteer | None = None
) -> tuple[Article, Placement]:
    """The article with its ward settled, and its placement.

    ``page`` is the file's decoded text (the evidence of the place: banners,
    footers, an address line); ``source`` is the path the origin is read from
    (default: ``article.source``). An ALL-CAPS headline shown in sentence case gets
    back the capitals of the names the placement confirms (``… – Mỹ Quý Đông, Đức Huệ``).
    """
    settled, placement = _settle(article, page, source, gaz or gazetteer())
    return _recased(settled, placement), placement


def _settle(
    article: Article, page: str, source: str | None, gaz: Gazetteer
) -> tuple[Article, Placement]:
    origin = origin_of(article.source if source is None else source, page)
    if origin:
        resolved = resolve(origin, era_for(article.date), gaz, lambda: own_unit(page))
        settled = _with_origin(article, resolved) if resolved else None
        if resolved and settled is not None:
            return settled, placement_of(resolved.unit, resolved.count, gaz)
    if not article.ward:
        article = _lowercase_ward(article, page, gaz) or _named_with_region(article, gaz) or article
    placement, longer = place_named(article.ward, article.unit, article.date, page, gaz=gaz)
    places = origin_places(origin, gaz) if origin.slugs and not placement.placed else []
    if article.ward and places:
        # The text cannot place its ward: the provinces and districts the origin names may.
        placement, longer = place_named(
            article.ward, article.unit, article.date, page, gaz=gaz, places=places
        )
    if longer is not None:
        article = replace(article, ward=longer)
    return article, placement


def _recased(article: Article, placement: Placement) -> Article:
    """``article`` whose sentence-cased title writes the placed names as names."""
    if not article.title_original or not placement.placed:
        return article
    title = article.title
    names = (article.ward, strip_type(placement.district or ""), placement.province)
    for name in names:
        if name and len(name) > 2:
            title = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", name, title, flags=re.IGNORECASE)
    return article if title == article.title else replace(article, title=title)


def _with_origin(article: Article, resolved: Resolved) -> Article | None:
    """``article`` with the origin's ward where the rules above say so, else ``None``."""
    unit = resolved.unit
    if unit.unit not in UNITS:
        return None
    keys = {resolved.key, name_key(unit.name)}
    if not article.ward:
        return replace(article, ward=unit.name, unit=unit.unit)
    written, ward_keys = split_ward(article.ward, article.unit)
    if written == unit.unit and keys.intersection(ward_keys[:1]):
        return article
    from ..corpus.wards import find_mentions  # the parser's, loaded by whoever parsed

    text = f"{article.title}\n{article.body[:MAX_MENTION_CHARS]}"
    mentions = [m for m in find_mentions(text) if m.unit == unit.unit]
    for mention in mentions:
        if name_key(mention.name) in keys:
            return replace(article, ward=mention.name, unit=mention.unit)
    for mention in mentions:
        listed = _listed_after(text, mention.start, mention.name, keys)
        if listed:
            return replace(article, ward=listed, unit=mention.unit)
    return None


# A page that lost its capitals ("thuộc xã phước đồng hiện nay"): few capitalised words.
MIN_LOWERCASE_WORDS = 40
MAX_CAPITALISED_SHARE = 0.03
_LOWER_UNIT = re.compile(r"(?<!\w)(xã|phường|thị trấn)((?:[ \t]+[^\W\d_]+){1,4})")


def _lowercase_ward(article: Article, page: str, gaz: Gazetteer) -> Article | None:
    """The ward of a page written without capitals, when the gazetteer confirms it.

    After a unit word, the longest run of the next words (two to four) that the
    list holds with that unit word, placed by the page's own evidence. The ward so
    read first must also be read most often (strictly), as an editor would take the
    subject; else ``None``.
    """
    words = article.body.split()
    if len(words) < MIN_LOWERCASE_WORDS:
        return None
    capitals = sum(1 for w in words if w[:1].isupper())
    if capitals > MAX_CAPITALISED_SHARE * len(words):
        return None
    found: Counter[tuple[str, str]] = Counter()
    for match in _LOWER_UNIT.finditer(article.body[:MAX_MENTION_CHARS]):
        unit = match.group(1)
        run = match.group(2).split()
        if unit == "xã" and run[0] == "hội":
            continue
        for n in range(len(run), 1, -1):
            name = " ".join(run[:n])
            placement, _ = place_named(name, unit, article.date, page, gaz=gaz)
            if placement.placed and placement.name:
                found[(placement.name.split(" ", unit.count(" ") + 1)[-1], unit)] += 1
                break
    if not found:
        return None
    first, *others = found.items()  # in the order first read
    if any(count >= first[1] for _, count in others):
        return None
    return replace(article, ward=first[0][0], unit=first[0][1])


_LIST_GLUE = re.compile(r"\s*(?:,|và)\s+")
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_SEPARATOR = re.compile(r"[ \-]")
MAX_LISTED = 6
MAX_ITEM_WORDS = 5


def _listed_after(text: str, start: int, name: str, keys: set[str]) -> str | None:
    """A name of ``keys`` in a list after one unit word (``2 xã Đức Quang và Tân
    Hương``, ``các phường A, B và C``): each item capitalised, joined by commas or
    ``và``."""
    end = text.find(name, start)
    if end < 0:
        return None
    end += len(name)
    for _ in range(MAX_LISTED):
        glue = _LIST_GLUE.match(text, end)
        if glue is None:
            return None
        at = glue.end()
        spans: list[tuple[int, int]] = []
        while len(spans) < MAX_ITEM_WORDS:
            word = _WORD.match(text, at)
            if word is None or not word.group()[:1].isupper():
                break
            spans.append(word.span())
            if not _SEPARATOR.match(text, word.end()):
                break
            at = word.end() + 1
        if not spans:
            return None
        for n in range(len(spans), 0, -1):
            candidate = text[spans[0][0] : spans[n - 1][1]]
            if name_key(candidate) in keys:
                return candidate
        end = spans[-1][1]
    return None


# "Mỹ Quý Đông – Đức Huệ – Long An", "Thụy Chính, Thái Thụy, Thái Bình": a name then
# its district or province, capitalised words joined by a comma or a dash.
_CAPITALISED_RUN = re.compile(r"[^\W\d_][\w'’]*(?: [^\W\d_][\w'’]*){0,5}")
_REGION_GLUE = re.compile(r" ?[,\-–] ?")
_GLUE_MARKS = (",", "-", "–")  # _REGION_GLUE: one of them, after a space or not


def _may_glue(text: str, end: int) -> bool:
    """Does :data:`_REGION_GLUE` match at ``end`` (tested without the pattern)?"""
    mark = text[end : end + 1]
    if mark == " ":
        mark = text[end + 1 : end + 2]
    return mark in _GLUE_MARKS
MAX_REGION_SCAN = 3_000
MIN_NAME_WORDS, MAX_NAME_WORDS = 2, 4


def _named_with_region(article: Article, gaz: Gazetteer) -> Article | None:
    """The ward a title or lead names without its unit word, followed by its district
    or province: the gazetteer must hold exactly one unit of that name there (in the
    list of the article's time, or in both lists when the date cannot say)."""
    text = f"{article.title_original or article.title}\n{article.body[:MAX_REGION_SCAN]}"
    era = era_for(article.date)
    eras: list[Era] = [era] if era else ["old", "new"]
    found: dict[tuple[str, str], Unit] = {}
    for run in _CAPITALISED_RUN.finditer(text):
        if not _may_glue(text, run.end()):
            continue  # no comma or dash after the run (most runs)
        glue = _REGION_GLUE.match(text, run.end())
        after = _CAPITALISED_RUN.match(text, glue.end()) if glue else None
        words = run.group().split()
        if after is None or not all(w[:1].isupper() for w in words):
            continue
        region_words = [w for w in after.group().split() if w[:1].isupper()]
        for era_name in eras:
            keys = [name_key(" ".join(region_words[:n])) for n in range(1, len(region_words) + 1)]
            region = gaz.key_regions(era_name, keys)
            if not region:
                continue
            for n in range(min(MAX_NAME_WORDS, len(words)), MIN_NAME_WORDS - 1, -1):
                units = [
                    u
                    for u in gaz.candidates(era_name, None, [name_key(" ".join(words[-n:]))])
                    if covers(region, u) and u.unit in UNITS
                ]
                if units:
                    for u in units:
                        found[(u.province, u.name)] = u
                    break
    if len(found) != 1:
        return None
    (unit,) = found.values()
    return replace(article, ward=unit.name, unit=unit.unit)
