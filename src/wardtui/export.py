"""An article to a text file: ``txt`` (default), ``md`` or ``json``.

File names come from :func:`proposed_name` (ward, date and title folded to ASCII,
no separators, no leading dot, at most 80 characters). Writing never overwrites
unless asked and is atomic: :func:`write_export`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal

from .corpus import Article
from .corpus.clean import strip_controls
from .storage import atomic_write_text
from .vntext import slugify

Format = Literal["txt", "md", "json"]
FORMATS: tuple[Format, ...] = ("txt", "md", "json")
MAX_NAME = 80


class ExportError(Exception):
    """An export that could not be written; the message says why, in one line."""


def header_fields(article: Article) -> list[tuple[str, str]]:
    """The header lines every format carries, in order (empty values left out)."""
    fields = [
        ("Title", article.title),
        ("Ward", article.ward_label or ""),
        ("Date", article.date or ""),
        ("Author", article.author or ""),
        ("Category", article.category or ""),
        ("Source", article.source),
        ("Id", article.id),
    ]
    return [(k, strip_controls(v)) for k, v in fields if v]


def to_txt(article: Article) -> str:
    """Header lines, a blank line, then the paragraphs separated by blank lines."""
    head = "\n".join(f"{k}: {v}" for k, v in header_fields(article))
    blocks = []
    for p in article.paragraphs:
        text = strip_controls(p.text)
        if p.kind == "caption":
            blocks.append(f"[Caption] {text}")
        elif p.kind == "image":
            blocks.append(f"[Image] {text}")
        else:
            blocks.append(text)
    return head + "\n\n" + "\n\n".join(blocks) + "\n"


def _md_escape(text: str) -> str:
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def to_md(article: Article) -> str:
    lines = [f"# {_md_escape(strip_controls(article.title))}", ""]
    for key, value in header_fields(article)[1:]:
        lines.append(f"- **{key}:** {_md_escape(value)}")
    lines.append("")
    for p in article.paragraphs:
        text = _md_escape(strip_controls(p.text))
        if p.kind == "caption":
            lines.append(f"*{text}*")
        elif p.kind == "image":
            lines.append(f"![image]({text.replace(' ', '%20')})")
        else:
            lines.append(text)
        lines.append("")
    return "\n".join(lines)


def to_json_data(article: Article) -> dict[str, Any]:
    return {
        "id": article.id, "ward": article.ward, "unit": article.unit, "date": article.date,
        "title": article.title, "author": article.author, "category": article.category,
        "source": article.source, "words": article.words,
        "paragraphs": [{"text": p.text, "kind": p.kind} for p in article.paragraphs],
    }


def to_json(article: Article) -> str:
    return json.dumps(to_json_data(article), ensure_ascii=False, indent=2) + "\n"


def render(article: Article, fmt: Format) -> str:
    return {"txt": to_txt, "md": to_md, "json": to_json}[fmt](article)


def proposed_name(article: Article, fmt: Format = "txt") -> str:
    """``my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang.txt`` (≤ 80 characters)."""
    parts = [slugify(article.ward or "") or "unknown-ward", article.date or "undated"]
    suffix = f".{fmt}"
    stem = "_".join(parts)
    room = MAX_NAME - len(stem) - len(suffix) - 1
    title = slugify(article.title, max_length=max(room, 0)) if room > 0 else ""
    name = f"{stem}_{title}" if title else stem
    name = name[: MAX_NAME - len(suffix)].strip("-_.") or article.id
    return name + suffix


def write_export(article: Article, target: Path, fmt: Format = "txt", *, force: bool = False) -> Path:
    """Write ``article`` to ``target`` atomically; refuse to overwrite unless ``force``.

    Raises :class:`ExportError` with a one-line reason (missing folder, existing
    file, not writable, a folder in the way).
    """
    folder = target.parent
    if not folder.is_dir():
        raise ExportError(f"folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"{target} is a folder")
    if os.path.lexists(target) and not force:
        raise ExportError(f"{target} already exists (use --force to overwrite)")
    if target.is_symlink():
        # Replace the link itself, never the file it points at.
        target = Path(os.path.abspath(target))
    if not os.access(folder, os.W_OK):
        raise ExportError(f"folder {folder} is not writable")
    try:
        atomic_write_text(target, render(article, fmt))
    except OSError as error:
        raise ExportError(f"could not write {target}: {error.strerror or error}") from None
    return target
