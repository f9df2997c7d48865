"""Cleaned text to classified lines, in one pass: what each line of a scraped page is.

:func:`classify` reads every line once and gives it a *kind*: ``text`` (running
text, a headline, a caption or a byline: decided later), ``stamp`` (a publication
date), ``counter``, ``tool`` (share, print, font size, language switch), ``menu``
(menus, section headings and breadcrumbs), ``banner`` (the site's masthead:
``ỦY BAN NHÂN DÂN PHƯỜNG X``, ``TRANG THÔNG TIN ĐIỆN TỬ …``), ``image`` (file names,
markdown images, shortcodes, alt text), ``junk`` (template placeholders, widget
identifiers, lone punctuation) and ``end`` (what follows an article: related
lists, comment forms, tags, rating widgets, footers). Markup around text
(``| caption |``, ``[caption …]``, ``![]()``, a lost emoji's ``?``) is removed and
glued lines (``date 2025-08-16 Xã hội Xã A tổ chức …``, ``14:43 26/07/2019 Chiều
24-7, …``) are split in two. Hard-wrapped lines are joined back into paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vntext import fold, is_upper_text
from . import furniture as fx
from . import glued as gx
from . import widgets as wx
from .clean import clean_text
from .dates import stamp_date
from .wards import name_cache_clear

LONG_LINE = 300


@dataclass(slots=True)
class Line:
    """One non-empty line: its kind, its text, and whether a blank line came before it."""

    kind: str
    text: str
    blank_before: bool = False
    stamp: str | None = None  # the ISO date of a ``stamp`` line


_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_SHORTCODE = re.compile(r"\[/?(?:caption|gallery|embed|video|audio)\b[^\]\n]*\]", re.I)
_LOST_EMOJI = re.compile(r"^\?+\s+(?=\S)")
_PIPES = re.compile(r"^[|\s]+|[|\s]+$")
_WS = re.compile(r"\s+")
_SYMBOLS = re.compile(
    "^[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u2190-\u21ff\u25a0-\u25ff]+\\s*"
)


def _tidy(raw: str) -> str:
    """One line without markup: images, shortcodes, table pipes, a lost emoji's ``?``."""
    text = raw.strip()
    if not text:
        return text
    if "  " in text or "\t" in text or "\xa0" in text:
        text = " ".join(text.split())
    if "](" in text:
        text = _MARKDOWN_IMAGE.sub("", text)
    if "[" in text and "]" in text:
        text = _SHORTCODE.sub("", text)
    if "|" in text and (text.startswith("|") or text.endswith("|")):
        text = _PIPES.sub("", text)
    if text.startswith("?"):
        text = _LOST_EMOJI.sub("", text)
    if text.startswith(("• ", "· ")):
        text = text[2:]
    if text and not text[0].isalnum():
        text = _SYMBOLS.sub("", text)
    if text.startswith("null "):  # an empty template field before the headline
        text = text[5:]
    return wx.strip_camera_names(text).strip()


def _is_caption_markup(raw: str) -> bool:
    """``| caption |`` under a markdown image, or text after a ``[caption …]`` shortcode."""
    first = raw.lstrip()[:1]
    if first not in ("|", "["):
        return False
    raw = raw.strip()
    if raw.startswith("|") and raw.endswith("|") and len(raw) > 2:
        return True
    return raw.lower().startswith("[caption")


def _kind(text: str) -> str:
    """The kind of one tidy line (``text`` when no furniture rule applies)."""
    if len(text) > 200 or (len(text) > 120 and text[-1:] in '.!?…”"'):
        # Long lines and sentences are running text; a footer or image names may hide there.
        if fx.is_footer(text):
            return "end"
        return "image" if fx.is_image_line(text) else "text"
    if fx.is_counter(text):
        return "counter"
    if fx.is_related_heading(text) or wx.is_end(text):
        return "end"
    key = fold(text.strip(" :•·-–|")) if len(text) <= 60 else None
    if fx.is_tool(text) or (key is not None and wx.is_tool_key(key, text)):
        return "tool"
    if wx.is_junk(text):
        return "junk"
    if key is not None:
        if key in fx.MENU_HEADINGS:
            return "menu_heading"
        if key in fx.MENU_ITEMS:
            return "menu"
        if key in gx.SECTIONS or gx.is_section_like(text):
            return "section"
        if gx.is_paper_tag(text):
            return "source"
    if fx.is_footer(text):
        return "end"
    if fx.breadcrumb(text):
        return "breadcrumb"
    if fx.is_image_line(text) or wx.is_image_text(text) or wx.is_widget_words(text):
        return "image"
    if wx.is_banner(text):
        return "banner"
    return "text"


MAX_LINES = 2_000  # lines read one by one; a real article has a few hundred at most


def classify(text: str) -> list[Line]:
    """The non-empty lines of cleaned ``text``, classified (see the module docstring).

    Past :data:`MAX_LINES` non-empty lines (no article is that long: a log, a list,
    a dump) the rest of the text is kept as plain paragraphs, one per run of lines
    between blank lines, so that parsing stays linear and fast on any file.
    """
    lines: list[Line] = []
    blank = False
    raws = text.split("\n")
    for number, raw in enumerate(raws):
        if len(lines) >= MAX_LINES:
            lines.extend(_plain_paragraphs(raws[number:]))
            break
        if not raw or raw.isspace():
            blank = True
            continue
        parts = _short_line(raw) if len(raw) <= 160 else _read_line(raw)
        if not parts:
            blank = True
            continue
        for kind, part, stamp in parts:
            lines.append(Line(kind, part, blank, stamp))
            blank = False
    _mark_menu_blocks(lines)
    return _join_wrapped(lines)


_Part = tuple[str, str, str | None]


def _read_line(raw: str) -> tuple[_Part, ...]:
    """One raw line as (kind, text, stamp) parts: none for a blank line, two or more when glued."""
    tidy = _tidy(raw)
    if not tidy:
        return ()
    if raw.lstrip().startswith("|") and "|" in tidy:
        cells = _table_cells(tidy)
        if len(cells) > 1:
            return tuple(part for cell in cells for part in _read_line(cell))
    if _is_caption_markup(raw):
        return (("caption", tidy, None),)
    out: list[_Part] = []
    for part, stamp in gx.split_glued(tidy):
        if stamp is None and len(part) <= 160:
            stamp = stamp_date(part)
        if stamp is not None:
            out.append(("stamp", part, stamp))
        else:
            out.append((_kind(part), part, None))
    return tuple(out)


def _table_cells(row: str) -> list[str]:
    """The cells of a table row (``| A | A | | B``), empty ones and a cell repeating the one
    before it dropped: a page's headline cell written twice, then its lead."""
    cells: list[str] = []
    for cell in row.split("|"):
        cell = cell.strip()
        if cell and not (cells and fold(cells[-1]) == fold(cell)):
            cells.append(cell)
    return cells


@lru_cache(maxsize=16384)
def _short_line(raw: str) -> tuple[_Part, ...]:
    """:func:`_read_line` of a short line, remembered: menus, footers, widgets and bylines
    repeat on every page of a site."""
    return _read_line(raw)


def _plain_paragraphs(raws: list[str]) -> list[Line]:
    """Runs of lines between blank lines as text lines, whitespace normalised, unclassified."""
    out: list[Line] = []
    for block in "\n".join(raws).split("\n\n"):
        words = block.split()
        if words:
            out.append(Line("text", " ".join(words), True))
    return out


def _mark_menu_blocks(lines: list[Line]) -> None:
    """Short lines after a menu heading, or runs of 4+ short lines with 2+ menu items."""
    i = 0
    n = len(lines)
    while i < n:
        start = i
        if lines[i].kind == "menu_heading":
            lines[i].kind = "menu"
            i += 1
            while (
                i < n
                and lines[i].kind in ("text", "menu")
                and not lines[i].blank_before
                and fx.is_short_item(lines[i].text)
            ):
                lines[i].kind = "menu"
                i += 1
            continue
        menus = 0
        while (
            i < n
            and lines[i].kind in ("text", "menu")
            and fx.is_short_item(lines[i].text)
            and (i == start or not lines[i].blank_before)
        ):
            menus += lines[i].kind == "menu"
            i += 1
        if i - start >= 4 and menus >= 2:
            for line in lines[start:i]:
                line.kind = "menu"
        if i == start:
            i += 1


_CONTINUES = re.compile(
    r"^[a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]"
)
_OPEN_END = re.compile(
    r"(?:,|\b(?:và|của|các|cho|với|trong|tại|là|được|đã|có|những|về|ngày|tháng|năm|số|lúc|từ|đến|"
    r"xã|phường|thị\s+trấn|huyện|tỉnh))$"
)


def _join_wrapped(lines: list[Line]) -> list[Line]:
    """Join a text line to the one before it when it continues a broken sentence.

    In a hard-wrapped file (three lines or more go on in lower case) a paragraph
    already wrapped that does not end a sentence is continued by the next line
    whatever its case. A line that opens as a lead does (``Sáng ngày 6/9/2020 …``,
    ``Vừa qua, …``) starts a paragraph of its own: the line before it is a headline.
    """
    lowercase_breaks = 0
    for line in lines[1:]:
        if line.kind == "text" and not line.blank_before and _CONTINUES.match(line.text):
            lowercase_breaks += 1
            if lowercase_breaks >= 3:
                break
    wrapped = lowercase_breaks >= 3
    out: list[Line] = []
    parts: list[str] = []  # the pieces of out[-1] while it grows (joined once: linear)
    for line in lines:
        prev = out[-1] if out else None
        last = parts[-1] if parts else ""
        if (
            prev is not None
            and line.kind == "text"
            and prev.kind == "text"
            and not line.blank_before
            and last[-1:] not in ".!?…:;"  # (the cheap test before the patterns)
            and (
                _CONTINUES.match(line.text)
                or _OPEN_END.search(last[-16:])
                or (wrapped and len(parts) >= 2 and len(last) >= 40)
            )
            and not (len(parts) == 1 and is_upper_text(last))
            and not (line.text[:1].isupper() and fx.LEAD_CUE.match(line.text))
        ):
            parts.append(line.text)
            continue
        if prev is not None and len(parts) > 1:
            prev.text = " ".join(parts)
        out.append(line)
        parts = [line.text]
    if out and len(parts) > 1:
        out[-1].text = " ".join(parts)
    return out


def clear_caches() -> None:
    """Forget the remembered short lines, stamps and ward names (for measurements and tests)."""
    _short_line.cache_clear()
    stamp_date.cache_clear()
    name_cache_clear()


def banner_lines(text: str) -> list[str]:
    """The site banner lines of ``text`` (``ỦY BAN NHÂN DÂN PHƯỜNG X`` …), in order.

    They are page furniture, never the article's title or text, but they name the
    ward whose site the page came from (evidence for a gazetteer). ``text`` may be
    raw decoded text: it is cleaned first.
    """
    return [line.text for line in classify(clean_text(text)) if line.kind == "banner"]


def furniture_lines(text: str) -> list[tuple[str, str]]:
    """Every line of ``text`` (cleaned first) that is not running text, as (kind, line)."""
    return [(line.kind, line.text) for line in classify(clean_text(text)) if line.kind != "text"]


def normalise_space(text: str) -> str:
    return _WS.sub(" ", text).strip()
