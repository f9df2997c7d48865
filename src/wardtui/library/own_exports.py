"""Recognising wardtui's own exports, so an export saved into a source folder is
not read back as a (mangled, duplicate) article.

The shapes are exactly those :mod:`wardtui.export` writes (a test renders
articles with it and checks each is recognised):

* ``txt``: header lines ``Key: value`` whose keys are, in this order, a selection
  of Title, Headline, Ward, Place, Date, Author, Credit, Category, Source, ending
  with ``Id: <hex id>``,
  then a blank line or the end;
* ``md``: ``# Title``, a blank line, ``- **Key:** value`` lines in the same order
  ending with ``- **Id:** <hex id>``;
* ``json``: an object with exactly the keys of ``to_json_data`` (or those it had
  before places and credits).

Only the start of the file is looked at. Pure; knows nothing of SQLite.
"""

from __future__ import annotations

import json
import re

EXPORT_REASON = "a wardtui export (written by `wardtui export`), not a source article"

_KEYS = ("Title", "Headline", "Ward", "Place", "Date", "Author", "Credit", "Category",
         "Source", "Id")
_OLD_JSON_KEYS = frozenset(
    {"id", "title", "ward", "unit", "date", "author", "category", "source", "words",
     "paragraphs"}
)
_JSON_KEYS = _OLD_JSON_KEYS | {"credit", "title_original", "province", "district",
                               "place_code", "place_confidence", "successor"}
_ID = re.compile(r"[0-9a-f]{6,64}")
_TXT_LINE = re.compile(r"([A-Z][a-z]+): (.*)")
_MD_LINE = re.compile(r"- \*\*([A-Z][a-z]+):\*\* (.*)")
_HEAD_BYTES = 64 * 1024
_FIRST_BYTES = (b"{", b"# ", *(f"{key}: ".encode() for key in _KEYS))


def _ordered_header(pairs: list[tuple[str, str]]) -> bool:
    """Keys in export order, each at most once, the last one ``Id`` with an id."""
    if not pairs or pairs[-1][0] != "Id" or not _ID.fullmatch(pairs[-1][1]):
        return False
    positions = []
    for key, _ in pairs:
        if key not in _KEYS:
            return False
        positions.append(_KEYS.index(key))
    return positions == sorted(set(positions))


def _header(lines: list[str], pattern: re.Pattern[str]) -> bool:
    pairs = []
    for index, line in enumerate(lines):
        match = pattern.fullmatch(line)
        if match is None:
            return False
        pairs.append((match.group(1), match.group(2)))
        if match.group(1) == "Id":
            following = lines[index + 1] if index + 1 < len(lines) else ""
            return following == "" and _ordered_header(pairs)
    return False


def export_kind(data: bytes) -> str | None:
    """``"txt"``, ``"md"`` or ``"json"`` when ``data`` is a wardtui export, else ``None``."""
    if not data.startswith(_FIRST_BYTES):
        return None  # most files: decided by their first bytes
    head = data[:_HEAD_BYTES].decode("utf-8", "replace").replace("\r\n", "\n")
    if head.startswith("{"):
        try:
            value = json.loads(data.decode("utf-8"))
        except ValueError:
            return None
        if isinstance(value, dict) and set(value) in (_JSON_KEYS, _OLD_JSON_KEYS):
            return "json" if isinstance(value.get("paragraphs"), list) else None
        return None
    lines = head.split("\n")[: len(_KEYS) + 3]
    if _header(lines, _TXT_LINE):
        return "txt"
    if head.startswith("# ") and len(lines) > 2 and lines[1] == "" and _header(lines[2:], _MD_LINE):
        return "md"
    return None
