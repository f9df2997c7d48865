"""How an article's paragraphs are stored: compressed JSON, a few hundred bytes each."""

from __future__ import annotations

import json
import zlib

from ..corpus.model import Paragraph
from ..vntext import fold

_KINDS = {"text": "t", "caption": "c", "image": "i"}
_NAMES = {v: k for k, v in _KINDS.items()}


def pack_paragraphs(paragraphs: tuple[Paragraph, ...]) -> bytes:
    data = [[_KINDS[p.kind], p.text] for p in paragraphs]
    return zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"), 6)


def unpack_paragraphs(blob: bytes) -> tuple[Paragraph, ...]:
    data = json.loads(zlib.decompress(blob).decode("utf-8"))
    return tuple(Paragraph(text, _NAMES.get(kind, "text")) for kind, text in data)  # type: ignore[arg-type]


def fts_values(
    title: str, ward_label: str | None, author: str | None, paragraphs: tuple[Paragraph, ...]
) -> tuple[str, str, str, str]:
    """The folded texts the full-text index holds for one article (title, ward, author, body)."""
    body = "\n".join(p.text for p in paragraphs if p.kind != "image")
    return fold(title), fold(ward_label or ""), fold(author or ""), fold(body)
