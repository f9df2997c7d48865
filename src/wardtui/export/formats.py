"""The export formats: ``txt`` (default), ``md`` and ``json``, with the same content.

A header (title, the headline as written when it differs, ward and unit, the place
when the library placed it, date, author, credit, category, source, id), then the
paragraphs, captions and images marked. UTF-8, no hard wrapping, no control characters.
:func:`to_txt` is also the text the app copies to the clipboard. Pure functions of an
:class:`~wardtui.corpus.Article`; writing files is :mod:`.files`.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal
from urllib.parse import quote

from ..corpus import Article
from ..corpus.clean import strip_controls
from ..labels import one_line
from ..library.model import PlacedArticle

__all__ = [
    "FORMATS",
    "Format",
    "header_fields",
    "render",
    "to_json",
    "to_json_data",
    "to_md",
    "to_txt",
]

Format = Literal["txt", "md", "json"]
FORMATS: tuple[Format, ...] = ("txt", "md", "json")



# -- content -------------------------------------------------------------------
def header_fields(article: Article) -> list[tuple[str, str]]:
    """The header lines every format carries, in order (empty values left out)."""
    place = article.place_label if isinstance(article, PlacedArticle) else None
    fields = [
        ("Title", article.title),
        ("Headline", article.title_original or ""),
        ("Ward", article.ward_label or ""),
        ("Place", place or ""),
        ("Date", article.date or ""),
        ("Author", article.author or ""),
        ("Credit", article.credit or ""),
        ("Category", article.category or ""),
        ("Source", article.source),
        ("Id", article.id),
    ]
    return [(k, one_line(v)) for k, v in fields if v and v.strip()]


def to_txt(article: Article) -> str:
    """Header lines, a blank line, then the paragraphs separated by blank lines.

    Captions read ``[Caption] …`` and images ``[Image] file-name``.
    """
    head = "\n".join(f"{k}: {v}" for k, v in header_fields(article))
    blocks = []
    for p in article.paragraphs:
        text = strip_controls(p.text).strip()
        if p.kind == "caption":
            blocks.append(f"[Caption] {text}")
        elif p.kind == "image":
            blocks.append(f"[Image] {text}")
        elif text:
            blocks.append(text)
    if not blocks:
        return head + "\n"
    return head + "\n\n" + "\n\n".join(blocks) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_BLOCK_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)")


def _md_escape(text: str) -> str:
    """Escape Markdown inline syntax, and a line start that would make a list or heading."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_BLOCK_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1],
                               text)


def to_md(article: Article) -> str:
    """The title as a heading, the header as a list, then the paragraphs.

    Captions read ``*[Caption] …*``; images are Markdown images.
    """
    lines = [f"# {_md_escape(one_line(article.title)) or 'Untitled'}", ""]
    for key, value in header_fields(article):
        if key != "Title":
            lines.append(f"- **{key}:** {_md_escape(value)}")
    lines.append("")
    for p in article.paragraphs:
        text = strip_controls(p.text).strip()
        if p.kind == "caption":
            lines.append(f"*\\[Caption\\] {_md_escape(text)}*")
        elif p.kind == "image":
            lines.append(f"![image]({quote(text, safe='/')})")
        elif text:
            lines.append(_md_escape(text))
        else:
            continue
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_json_data(article: Article) -> dict[str, Any]:
    """The article as JSON-ready data: the ``list --json`` keys plus the headline as
    written, the successor of its ward (July 2025) and the paragraphs with kinds."""
    def clean(value: str | None) -> str | None:
        return None if value is None else strip_controls(value)

    placed = article.placement if isinstance(article, PlacedArticle) else None

    return {
        "id": article.id, "title": clean(article.title), "ward": clean(article.ward),
        "unit": article.unit, "date": article.date,
        "author": clean(article.author), "category": clean(article.category),
        "source": clean(article.source), "words": article.words,
        "credit": clean(article.credit), "title_original": clean(article.title_original),
        "province": placed and placed.province, "district": placed and placed.district,
        "place_code": placed and placed.place_code,
        "place_confidence": placed and placed.place_confidence,
        "successor": placed and placed.successor,
        "paragraphs": [
            {"kind": p.kind, "text": strip_controls(p.text)} for p in article.paragraphs
        ],
    }


def to_json(article: Article) -> str:
    """:func:`to_json_data` as indented UTF-8 JSON."""
    return json.dumps(to_json_data(article), ensure_ascii=False, indent=2) + "\n"


def render(article: Article, fmt: Format) -> str:
    """The article in ``fmt``."""
    return {"txt": to_txt, "md": to_md, "json": to_json}[fmt](article)
