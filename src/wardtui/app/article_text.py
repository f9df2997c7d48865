"""An article as rich ``Text`` blocks, ready for the reader to wrap and paint.

Everything from a file is data: every block is built with ``Text(...)`` (never
from markup) after :func:`~wardtui.corpus.clean.strip_controls`, so ``[bold]``
stays ``[bold]`` and escape sequences never reach the terminal.

Highlighting: :func:`find_matches` looks for folded terms in the folded text;
:func:`~wardtui.vntext.fold` keeps one character for one character, so the
offsets are the same in the original. Given a search query instead,
:func:`wardtui.search.highlight_spans` finds what to mark. Uses rich; knows
nothing of Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TypeAlias

from rich.style import Style
from rich.text import Text

from ..corpus import Article
from ..corpus.clean import strip_controls
from ..search import Query, highlight_spans, parse_query
from ..vntext import fold
from .catalog import date_text, ward_name

IMAGE_MARK = "▣ "
SEPARATOR = " · "


@dataclass(frozen=True, slots=True)
class ArticleStyles:
    """The styles the reader paints with (from its CSS component classes)."""

    title: Style
    meta: Style
    rule: Style
    caption: Style
    image: Style
    highlight: Style

    @classmethod
    def plain(cls) -> ArticleStyles:
        """Styles without a theme (for tests and plain output)."""
        return cls(Style(bold=True), Style(dim=True), Style(dim=True),
                   Style(dim=True, italic=True), Style(dim=True), Style(reverse=True))


def clean(text: str) -> str:
    """Text from a file made safe to paint: no controls, tabs as spaces."""
    return strip_controls(text).replace("\t", "    ")


def one_line(text: str) -> str:
    """Like :func:`clean`, on one line."""
    return " ".join(clean(text).split())


def find_matches(text: str, terms: Sequence[str]) -> list[tuple[int, int]]:
    """Where any of ``terms`` occurs in ``text``, accents and case ignored.

    Returns sorted, non-overlapping ``(start, end)`` offsets into ``text``.
    """
    folded = fold(text)
    spans: list[tuple[int, int]] = []
    for term in {fold(t).strip() for t in terms}:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            spans.append((start, start + len(term)))
            start = folded.find(term, start + len(term))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _spans(text: str, marks: Sequence[str] | Query, fuzzy: bool) -> list[tuple[int, int]]:
    if isinstance(marks, Query):
        return highlight_spans(text, marks, fuzzy=fuzzy)
    return find_matches(text, marks) if marks else []


def _marked(text: str, style: Style | str, marks: Sequence[str] | Query, highlight: Style,
            *, fuzzy: bool = False) -> Text:
    block = Text(text, style=style)
    for start, end in _spans(text, marks, fuzzy):
        if 0 <= start < end <= len(text):
            block.stylize(highlight, start, end)
    return block


def meta_line(article: Article) -> str:
    """Ward and unit, date at its precision, author, category and source file."""
    parts = [ward_name(article.ward, article.unit), date_text(article.date)]
    parts += [one_line(v) for v in (article.author, article.category) if v and v.strip()]
    if article.source:
        parts.append(one_line(PurePath(article.source).name))
    return SEPARATOR.join(p for p in parts if p)


Block: TypeAlias = "Text | None"
"""A paragraph of the page; ``None`` is a horizontal rule."""


def article_blocks(
    article: Article, styles: ArticleStyles, highlights: Sequence[str] = (),
    query: str | Query | None = None,
) -> list[Block]:
    """The blocks of an article, separated by a blank line when painted.

    The title, the metadata line, a rule, then the paragraphs: captions dim and
    italic, images as a dim ``▣ name`` marker. The matches of ``query`` (a
    search query) are marked if it is given, else the ``highlights`` terms.
    """
    marks: Sequence[str] | Query = highlights
    if query:
        marks = parse_query(query) if isinstance(query, str) else query
    blocks: list[Block] = [
        _marked(one_line(article.title) or "(untitled)", styles.title, marks,
                styles.highlight, fuzzy=True),
        Text(meta_line(article), style=styles.meta),
        None,
    ]
    for paragraph in article.paragraphs:
        text = clean(paragraph.text).strip()
        if not text:
            continue
        if paragraph.kind == "image":
            blocks.append(Text(IMAGE_MARK + one_line(text), style=styles.image))
        elif paragraph.kind == "caption":
            blocks.append(_marked(text, styles.caption, marks, styles.highlight))
        else:
            blocks.append(_marked(text, "", marks, styles.highlight))
    return blocks


def message_blocks(title: str, lines: Sequence[str], styles: ArticleStyles) -> list[Block]:
    """A short notice in the reader's layout (welcome, empty library, errors)."""
    return [Text(title, style=styles.title), None, *(Text(line) for line in lines)]
