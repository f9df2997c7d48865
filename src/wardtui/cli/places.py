"""``wardtui places``: the provinces, districts and wards of the library, with counts.

Every article is placed in its province and district from a gazetteer (issue 14;
:mod:`wardtui.places`); this command walks the library that way, in Vietnamese order,
the articles whose place is unknown last, under their ward names. ``--json`` prints the
same tree as one JSON document. :func:`places_named` turns what a user typed after
``list --province``/``--district`` into the stored names (accents, case and the type
word optional: ``long an``, ``tan an`` for ``Thành phố Tân An``). Never imports Textual.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..corpus.clean import safe_line
from .output import err, json_line, open_library

if TYPE_CHECKING:
    from ..library import Library

__all__ = ["UNKNOWN_LABEL", "add_place_arguments", "cmd_places", "places_named", "register"]

UNKNOWN_LABEL = "Place unknown"
NO_DISTRICT = "(no district: the list since July 2025)"


def register(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the ``places`` subcommand (``sub(name, help)`` makes its parser)."""
    p = sub("places", "The provinces, districts and wards of the library, with article counts.")
    p.add_argument("--json", action="store_true", help="one JSON document instead of text")
    p.set_defaults(func=cmd_places)


def add_place_arguments(parser: argparse.ArgumentParser) -> None:
    """``--province`` and ``--district`` (for ``wardtui list``)."""
    parser.add_argument("--province", help="only this province (accents optional)")
    parser.add_argument("--district", help="only this district (accents optional)")


def cmd_places(args: argparse.Namespace) -> int:
    library = open_library()
    tree = library.place_tree()
    if args.json:
        json_line({"provinces": tree}, sys.stdout)
        return 0
    if not tree:
        err("no articles.")
        return 0
    out = sys.stdout
    for province in tree:
        out.write(_line(0, province["province"] or UNKNOWN_LABEL, province["count"]))
        for district in province["districts"]:
            indent = 1
            if province["province"] is not None:
                out.write(_line(1, district["district"] or NO_DISTRICT, district["count"]))
                indent = 2
            for ward in district["wards"]:
                out.write(_line(indent, ward["ward"], ward["count"]))
    return 0


def _line(depth: int, name: str, count: int) -> str:
    return f"{'  ' * depth}{safe_line(name)}  {count}\n"


def places_named(library: Library, province: str | None, district: str | None
                 ) -> tuple[list[str] | None, list[str] | None]:
    """The stored province and district names that ``province`` and ``district`` mean
    (``None``: not asked); an empty list, with a line on stderr, when none does."""
    from ..library.place_queries import match_place_names

    provinces = districts = None
    if province:
        names = library.province_names()
        provinces = match_place_names(province, names)
        if not provinces:
            _none_named("province", province, names)
    if district and provinces != []:
        names = library.district_names(provinces)
        districts = match_place_names(district, names)
        if not districts:
            _none_named("district", district, names)
    return provinces, districts


def _none_named(kind: str, wanted: str, names: Sequence[str]) -> None:
    from ..vntext import fold

    folded = {fold(n): n for n in names}
    close = difflib.get_close_matches(fold(wanted), list(folded), n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(folded[c] for c in close)}?)" if close else ""
    err(f"no articles: no {kind} of the library is named {safe_line(wanted)!r}{hint}")

