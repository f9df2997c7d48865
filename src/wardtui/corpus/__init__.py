"""The corpus layer: one file at a time, bytes in, :class:`Article` out.

Pure functions; knows nothing of SQLite, Textual or Rich.
"""

from .decode import Decoded, decode_bytes
from .model import UNITS, Article, Paragraph, Skipped, ward_label
from .parse import article_id, parse_bytes, parse_file, parse_text

__all__ = [
    "UNITS",
    "Article",
    "Decoded",
    "Paragraph",
    "Skipped",
    "article_id",
    "decode_bytes",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "ward_label",
]
