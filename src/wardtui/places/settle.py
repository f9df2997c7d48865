"""Settling an article's ward with what its text alone cannot say, then placing it.

The parser (:mod:`wardtui.corpus`) finds the ward the text names. :func:`settle`
weighs the file's origin (:mod:`.origin`: the mirror's host and path, the folders,
an address line) and the gazetteer:

* when the origin names one ward of the gazetteer and the text names none, the
  origin's ward is the article's (its unit and spelling from the gazetteer);
* when the text names several wards and one is the origin's, that one wins;
* when the text's ward is the origin's, the placement is the origin's unit;
* otherwise the text's ward stands, read longer when the gazetteer says so
  (``xã Lâm san`` is ``Lâm San``: see :func:`.placement.place_named`), and is
  placed from the page's text as before.

Pure: no SQLite, Textual or Rich.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..corpus.model import UNITS
from .gazetteer import Gazetteer, gazetteer
from .names import name_key, split_ward
from .origin import Resolved, origin_of, resolve
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
    (default: ``article.source``).
    """
    gaz = gaz or gazetteer()
    origin = origin_of(article.source if source is None else source, page)
    if origin:
        resolved = resolve(origin, era_for(article.date), gaz)
        settled = _with_origin(article, resolved) if resolved else None
        if resolved and settled is not None:
            return settled, placement_of(resolved.unit, resolved.count, gaz)
    placement, longer = place_named(article.ward, article.unit, article.date, page, gaz=gaz)
    if longer is not None:
        article = replace(article, ward=longer)
    return article, placement


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
    for mention in find_mentions(text):
        if mention.unit == unit.unit and name_key(mention.name) in keys:
            return replace(article, ward=mention.name, unit=mention.unit)
    return None
