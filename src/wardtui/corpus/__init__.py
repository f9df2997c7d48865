"""The corpus layer: one file at a time, bytes in, :class:`Article` out.

Pure functions; knows nothing of SQLite, Textual or Rich. The model is imported
with the package; the decoder and the parser (hundreds of regular expressions to
compile) only when one of their names is first used, so a command that parses
nothing (a sync with nothing changed, ``wardtui show``) does not pay for them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .model import UNITS, Article, Paragraph, Skipped, ward_label

if TYPE_CHECKING:
    from .decode import Decoded, decode_bytes
    from .lines import banner_lines, furniture_lines
    from .parse import article_id, parse_bytes, parse_file, parse_text

_LAZY = {
    "Decoded": "decode",
    "decode_bytes": "decode",
    "article_id": "parse",
    "banner_lines": "lines",
    "furniture_lines": "lines",
    "parse_bytes": "parse",
    "parse_file": "parse",
    "parse_text": "parse",
}

__all__ = [
    "UNITS",
    "Article",
    "Decoded",
    "Paragraph",
    "Skipped",
    "article_id",
    "banner_lines",
    "decode_bytes",
    "furniture_lines",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "ward_label",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
