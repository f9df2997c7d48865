"""The words wardtui shows around articles, defined once for the app, the CLI and exports.

Counts (``5 wards``), ward names (``phường Mỹ Long``, ``Unknown ward``), dates at their
precision (``28/06/2023``, ``undated``), titles (``(untitled)``), text from files made safe
for one line, messages made into sentences and text clipped with an ellipsis. Pure
functions over strings: no Textual, no Rich, no SQLite, so every layer may import them.
"""

from __future__ import annotations

from .corpus.clean import safe_line, strip_controls
from .corpus.model import ward_label

__all__ = [
    "DATE_WIDTH",
    "UNDATED",
    "UNKNOWN_WARD",
    "UNTITLED",
    "clean",
    "clip",
    "date_text",
    "day_month",
    "one_line",
    "plural",
    "sentence",
    "title",
    "ward_label",
    "ward_name",
]

UNTITLED = "(untitled)"  # an article whose title is empty
UNKNOWN_WARD = "Unknown ward"  # an article whose ward was not found
UNDATED = "undated"  # an article without a date
DATE_WIDTH = 5  # "28/06", the width of :func:`day_month`


def plural(count: int, word: str) -> str:
    """``1 ward``, ``5 wards``, ``1,234 articles`` (the words used here take an ``s``)."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def ward_name(ward: str | None, unit: str | None) -> str:
    """``phường Mỹ Long``, ``Phường 12``, or ``Unknown ward``."""
    return ward_label(ward, unit) or UNKNOWN_WARD


def title(text: str | None) -> str:
    """A title safe on one line of a terminal, or ``(untitled)``."""
    return safe_line(text or "") or UNTITLED


def title_under_ward(text: str | None, ward: str | None, unit: str | None) -> str:
    """:func:`title` less the ward's own name when the title starts with it (the tree shows
    it under that ward): ``Phường Mỹ Long tổ chức hội nghị`` -> ``Tổ chức hội nghị``."""
    shown = title(text)
    name = ward_name(ward, unit) if ward else ""
    size = len(name)
    if not name or len(shown) <= size or shown[:size].casefold() != name.casefold():
        return shown
    if shown[size] not in " :,;-–—":
        return shown  # "Phường 12…" is not under "Phường 1"
    rest = shown[size:].lstrip(" :,;-–—")
    return rest[:1].upper() + rest[1:] if rest else shown


def day_month(date: str | None) -> str:
    """``28/06`` for a full date, ``—/06`` for a month, ``—`` otherwise; padded."""
    if date and len(date) >= 10:
        text = f"{date[8:10]}/{date[5:7]}"
    elif date and len(date) >= 7:
        text = f"—/{date[5:7]}"
    else:
        text = "—"
    return text.ljust(DATE_WIDTH)


def date_text(date: str | None) -> str:
    """A date at its precision, day first: ``28/06/2023``, ``06/2023``, ``2023``, ``undated``."""
    if not date:
        return UNDATED
    if len(date) >= 10:
        return f"{date[8:10]}/{date[5:7]}/{date[:4]}"
    if len(date) >= 7:
        return f"{date[5:7]}/{date[:4]}"
    return date[:4]


def clean(text: str) -> str:
    """Text from a file made safe to paint: no controls, tabs as spaces."""
    return strip_controls(text).replace("\t", "    ")


def one_line(text: str) -> str:
    """Like :func:`clean`, on one line (runs of white space become one space)."""
    return " ".join(strip_controls(text).split())


def sentence(message: str, *, stop: bool = False) -> str:
    """``message`` with a capital first letter; with ``stop``, ending in ``.``, ``!`` or ``?``."""
    message = message.strip()
    message = message[:1].upper() + message[1:]
    if stop and not message.endswith((".", "!", "?")):
        message += "."
    return message


def clip_words(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters at the end of a word, the cut marked by ``…``
    (mid-word only when the first word alone is too long)."""
    if len(text) <= width:
        return text
    cut = text[: max(width, 1) - 1]
    space = cut.rfind(" ")
    if space >= width // 3:
        cut = cut[:space]
    return clip(cut.rstrip(" ,;:-–—") + "…", width) if width > 1 else "…"[:max(width, 0)]


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, the cut marked by ``…``."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:max(width, 0)]
    return text[: width - 1].rstrip() + "…"
