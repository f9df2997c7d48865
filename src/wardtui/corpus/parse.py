"""One file to one article.

:func:`parse_text` reads cleaned text in three passes:

1. *classify* every non-empty line (stamp, counter, reading tool, menu, breadcrumb,
   image, related-list heading, footer, ``Chuyên mục:`` label, or text);
2. split the *header* from the *body*: the header runs until the lead paragraph
   (a long line, or one opening with an event date) or until a publication stamp
   that follows a headline; its last headline-like line is the title, an ALL-CAPS
   or doubled line just before it the category;
3. clean the *body*: cut at a related-article list, a footer or a sidebar menu;
   drop furniture; image names become ``image`` entries and photo captions
   ``caption``s; the last short lines give the byline.

The date, the ward and the id are then derived (see :mod:`.dates`, :mod:`.wards`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..vntext import fold, is_upper_text
from . import furniture as fx
from .clean import clean_text
from .dates import article_date, stamp_date
from .decode import decode_bytes
from .model import Article, Paragraph, Skipped
from .wards import subject_ward

MAX_FILE_BYTES = 16 * 1024 * 1024
MIN_ARTICLE_WORDS = 12
MAX_WARD_SCAN = 8_000  # characters of body text scanned for ward mentions
_WS = re.compile(r"\s+")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ])")
_ONLY_PUNCT = re.compile(r"^[\W_]+$")


@dataclass(slots=True)
class _Line:
    kind: str
    text: str
    blank_before: bool = False


def article_id(text: str) -> str:
    """A short id from the article's text (whitespace-insensitive), stable across moves."""
    digest = hashlib.blake2b(" ".join(text.split()).encode("utf-8"), digest_size=8)
    return digest.hexdigest()[:10]


def _classify(raw_lines: list[str]) -> list[_Line]:
    lines: list[_Line] = []
    blank = False
    for raw in raw_lines:
        text = " ".join(raw.split())
        if not text:
            blank = True
            continue
        if len(text) > 300:
            # Long lines are running text; only a footer or image names can hide there.
            kind = "footer" if fx.is_footer(text) else "image" if fx.is_image_line(text) else "text"
        elif stamp_date(text):
            kind = "stamp"
        elif fx.is_counter(text):
            kind = "counter"
        elif fx.is_tool(text) or _ONLY_PUNCT.match(text):
            kind = "tool"
        elif fx.is_menu_heading(text):
            kind = "menu_heading"
        elif fx.is_menu_item(text):
            kind = "menu_item"
        elif fx.is_related_heading(text):
            kind = "related"
        elif fx.is_footer(text):
            kind = "footer"
        elif re.match(r"^chuyên\s+mục\s*[:：]\s*\S", text, re.IGNORECASE):
            kind = "category_label"
        elif fx.breadcrumb(text):
            kind = "breadcrumb"
        elif fx.is_image_line(text):
            kind = "image"
        else:
            kind = "text"
        lines.append(_Line(kind, text, blank))
        blank = False
    _mark_menu_blocks(lines)
    return lines


def _mark_menu_blocks(lines: list[_Line]) -> None:
    """Mark as menu items the short lines of a menu block.

    A block is a run of short lines (no blank line between them) that follows a
    menu heading (``CHUYÊN MỤC``), or a run of four or more short lines of which
    at least two are known menu items.
    """
    i = 0
    while i < len(lines):
        start = i
        if lines[i].kind == "menu_heading":
            i += 1
            while (
                i < len(lines)
                and lines[i].kind in ("text", "menu_item")
                and not lines[i].blank_before
                and fx.is_short_item(lines[i].text)
            ):
                lines[i].kind = "menu_item"
                i += 1
            continue
        run = []
        while (
            i < len(lines)
            and lines[i].kind in ("text", "menu_item")
            and fx.is_short_item(lines[i].text)
            and (i == start or not lines[i].blank_before)
        ):
            run.append(lines[i])
            i += 1
        if len(run) >= 4 and sum(1 for line in run if line.kind == "menu_item") >= 2:
            for line in run:
                line.kind = "menu_item"
        if i == start:
            i += 1


def _is_paragraph(text: str, next_is_stamp: bool) -> bool:
    """Does ``text`` read as running text (the lead) rather than a headline?"""
    words = len(text.split())
    if next_is_stamp and words <= 60:
        return False
    if fx.LEAD_CUE.match(text):
        return True
    if words >= 35:
        return True
    sentences = len(_SENTENCE_SPLIT.split(text))
    return words >= 15 and sentences >= 2 and text.rstrip()[-1:] in ".!?…"


def _first_sentence(text: str, limit: int = 200) -> str:
    sentence = _SENTENCE_SPLIT.split(text, maxsplit=1)[0].strip()
    if len(sentence) > limit:
        cut = sentence[:limit].rsplit(" ", 1)[0]
        sentence = cut.rstrip(",;:-– ") + "…"
    return sentence


def _tidy_title(title: str) -> str:
    title = title.strip()
    if title.endswith(".") and not title.endswith(".."):
        title = title[:-1].rstrip()
    return title


@dataclass(slots=True)
class _Header:
    title: str | None
    category: str | None
    stamps: list[str]
    author: str | None
    body_start: int


def _split_header(lines: list[_Line]) -> _Header:
    candidates: list[str] = []
    stamps: list[str] = []
    crumbs: list[str] | None = None
    category: str | None = None
    author: str | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if line.kind == "stamp":
            stamps.append(line.text)
            index += 1
            if candidates:
                break
            continue
        if line.kind == "breadcrumb":
            crumbs = fx.breadcrumb(line.text)
        elif line.kind == "category_label":
            category = line.text.split(":", 1)[-1].split("：", 1)[-1].strip() or None
        elif line.kind == "image" and candidates:
            break
        elif line.kind == "text":
            if _is_paragraph(line.text, nxt is not None and nxt.kind == "stamp"):
                break
            next_is_stamp = nxt is not None and nxt.kind == "stamp"
            has_headline = any(
                not fx.reads_as_sentence(c, 1) and not is_upper_text(c) for c in candidates
            )
            if has_headline and fx.reads_as_sentence(line.text, 1) and not next_is_stamp:
                break  # after the headline, a sentence (a short lead, a caption) opens the body
            byline = fx.byline_name(line.text)
            if candidates and byline and byline[1]:
                author = author or byline[0]
            else:
                candidates.append(line.text)
        index += 1
    else:
        # No lead found: a short article of short lines. The first line is the title.
        texts = [i for i, line in enumerate(lines) if line.kind == "text"]
        if not texts:
            return _Header(None, category, stamps, author, len(lines))
        first = texts[0]
        return _Header(lines[first].text, category, stamps, author, first + 1)

    title, heading = _pick_title(candidates)
    category = category or heading
    if category is None and crumbs:
        tail = [c for c in crumbs[1:] if title is None or fold(c) != fold(title)]
        category = tail[-1] if tail else None
    return _Header(title, category, stamps, author, index)


def _pick_title(candidates: list[str]) -> tuple[str | None, str | None]:
    """(title, section heading) from the headline-like lines before the lead."""
    kept: list[str] = []
    for text in candidates:
        if fx.is_menu_item(text) or fx.is_menu_heading(text):
            continue
        if kept and fold(kept[-1]) == fold(text):
            # The title written twice (often once in capitals): keep the mixed-case one.
            if is_upper_text(kept[-1]) and not is_upper_text(text):
                kept[-1] = text
            continue
        kept.append(text)
    if not kept:
        return None, None
    heading = None
    title = kept[-1]
    doubled = fx.is_doubled(title)
    if doubled and is_upper_text(title):
        # A section heading written twice, directly followed by the lead.
        return None, doubled
    if doubled:
        title = doubled
    if len(kept) >= 2:
        before = kept[-2]
        section = fx.is_doubled(before) or before
        if is_upper_text(section) and len(section.split()) <= 12:
            heading = section
    return title, heading


def _body(lines: list[_Line]) -> tuple[list[Paragraph], list[str], str | None]:
    """Paragraphs, stamps found in the body, and the byline."""
    # Cut at whatever follows the article: related lists, footers, sidebar menus.
    end = len(lines)
    seen_text = False
    for i, line in enumerate(lines):
        if line.kind == "text":
            seen_text = True
        elif seen_text and line.kind in ("related", "footer", "menu_heading"):
            end = i
            break
    paragraphs: list[Paragraph] = []
    stamps: list[str] = []
    after_image = False
    for line in lines[:end]:
        if line.kind == "stamp":
            stamps.append(line.text)
            continue
        if line.kind == "image":
            paragraphs.extend(Paragraph(name, "image") for name in fx.image_names(line.text))
            after_image = True
            continue
        if line.kind != "text":
            continue
        text = line.text
        names = fx.image_names(text)
        if names:
            paragraphs.extend(Paragraph(name, "image") for name in names)
            text = fx._IMAGE_NAME.sub("", text).strip(" ,;|-")
            after_image = True
            if not text:
                continue
        caption = fx.is_caption(text, after_image=after_image)
        paragraphs.append(Paragraph(text, "caption" if caption else "text"))
        after_image = False
    author = _take_byline(paragraphs)
    return paragraphs, stamps, author


def _take_byline(paragraphs: list[Paragraph]) -> str | None:
    """Remove the byline lines at the end of ``paragraphs`` and return the author."""
    found: list[tuple[str, bool]] = []
    while paragraphs and len(found) < 3:
        last = paragraphs[-1]
        if last.kind == "image":
            paragraphs.pop()
            continue
        texts = sum(1 for p in paragraphs if p.kind == "text")
        if last.kind == "text" and texts <= 1:
            break
        byline = fx.byline_name(last.text)
        if byline is None or len(last.text.split()) > 12:
            break
        found.append(byline)
        paragraphs.pop()
    if not found:
        return None
    # A person or a labelled credit beats a "Nguồn:"/"Theo" source line after it.
    for name, _labelled in reversed(found):
        return name
    return None


def parse_text(text: str, source: str = "", encoding: str = "utf-8") -> Article:
    """Parse text into an :class:`Article`; raises :class:`Skipped` when it holds none.

    The text is cleaned first (:func:`.clean.clean_text`: NFC, no controls), so
    callers may pass raw decoded text.
    """
    text = clean_text(text)
    lines = _classify(text.split("\n"))
    header = _split_header(lines)
    paragraphs, body_stamps, byline = _body(lines[header.body_start :])
    texts = [p.text for p in paragraphs if p.kind == "text"]
    if sum(len(t.split()) for t in texts) < MIN_ARTICLE_WORDS:
        raise Skipped("no article text (page furniture only)")
    title = header.title
    if title is None:
        title = _first_sentence(texts[0])
        subject_line = _first_sentence(texts[0], limit=len(texts[0]))
    else:
        subject_line = title
    title = _tidy_title(title)
    if paragraphs and paragraphs[0].kind != "image" and fold(paragraphs[0].text) == fold(title):
        paragraphs.pop(0)
    author = header.author or byline
    lead = [t for t in texts[:2]]
    date = article_date(header.stamps + body_stamps, title, lead, texts[2:])
    body_text = " ".join(texts[1:])[:MAX_WARD_SCAN]
    ward = subject_ward(subject_line, texts[0], body_text, author)
    return Article(
        id=article_id(text),
        title=title,
        paragraphs=tuple(paragraphs),
        ward=ward[0] if ward else None,
        unit=ward[1] if ward else None,
        date=date,
        author=author,
        category=header.category,
        source=source,
        encoding=encoding,
    )


def parse_bytes(data: bytes, source: str = "") -> Article:
    """Decode and parse one file's bytes; raises :class:`Skipped`."""
    if len(data) > MAX_FILE_BYTES:
        raise Skipped(f"too large for an article ({len(data) / 1_048_576:.0f} MB)")
    decoded = decode_bytes(data)
    return parse_text(decoded.text, source=source, encoding=decoded.encoding)


def parse_file(path: Path) -> Article:
    """Read and parse one file; raises :class:`Skipped` (unreadable files too)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Skipped(f"too large for an article ({size / 1_048_576:.0f} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise Skipped(f"unreadable ({error.strerror or error.__class__.__name__})") from None
    return parse_bytes(data, source=str(path))
