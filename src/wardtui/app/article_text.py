"""An article as rich ``Text`` blocks, ready for the reader to wrap and paint.

Everything from a file is data: every block is built with ``Text(...)`` (never
from markup) after :func:`wardtui.labels.clean`, so ``[bold]`` stays ``[bold]``
and escape sequences never reach the terminal.

A search query's matches are found once per article: :func:`find_marks` runs
:func:`wardtui.search.article_spans` over the title and the paragraphs at once with
the query already parsed, and keeps the spans in :class:`Marks`; painting the
blocks again (a new width, a new theme, a change of focus) only re-applies them.
Uses rich; knows nothing of Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TypeAlias

from rich.console import Console
from rich.style import Style
from rich.text import Text

from ..corpus import Article
from ..labels import UNTITLED, clean, date_text, one_line, ward_name
from ..library import PlacedArticle
from ..search import Query, article_spans

IMAGE_MARK = "▣ "
SEPARATOR = " · "
Span = tuple[int, int]


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


@dataclass(frozen=True, slots=True)
class Marks:
    """Where a query matches an article: spans in the title and in each paragraph.

    ``paragraphs[i]`` holds the spans of the article's ``i``-th paragraph, in the
    cleaned text the reader paints. No query: no marks.
    """

    title: list[Span] = field(default_factory=list)
    paragraphs: list[list[Span]] = field(default_factory=list)

    def of(self, index: int) -> list[Span]:
        """The spans of paragraph ``index`` (none if it has none)."""
        return self.paragraphs[index] if index < len(self.paragraphs) else []


NO_MARKS = Marks()


def title_text(article: Article) -> str:
    """The title as painted: one line, or ``(untitled)``."""
    return one_line(article.title) or UNTITLED


def paragraph_text(text: str) -> str:
    """A paragraph as painted: controls removed, tabs as spaces, trimmed."""
    return clean(text).strip()


def find_marks(article: Article, query: Query | None) -> Marks:
    """Every match of the parsed ``query`` in ``article`` (once, when it is opened)."""
    if query is None:
        return NO_MARKS
    title, paragraphs = article_spans(title_text(article), [
        None if paragraph.kind == "image" else paragraph_text(paragraph.text)
        for paragraph in article.paragraphs], query)  # decided for the whole article
    return Marks(title, paragraphs)


def _marked(text: str, style: Style | str, spans: Sequence[Span], highlight: Style) -> Text:
    block = Text(text, style=style)
    for start, end in spans:
        if 0 <= start < end <= len(text):
            block.stylize(highlight, start, end)
    return block


def meta_line(article: Article) -> str:
    """Ward and unit (with its district and province when the library placed it: see
    :func:`wardtui.places.place_label`), date at its precision, author, credit, category
    and source file."""
    place = article.place_label if isinstance(article, PlacedArticle) else None
    parts = [place or ward_name(article.ward, article.unit), date_text(article.date)]
    credit = f"credit: {article.credit}" if article.credit and article.credit.strip() else None
    parts += [one_line(v) for v in (article.author, credit, article.category) if v and v.strip()]
    if article.source:
        parts.append(one_line(PurePath(article.source).name))
    return SEPARATOR.join(p for p in parts if p)


Block: TypeAlias = "Text | None"
"""A paragraph of the page; ``None`` is a horizontal rule."""


def article_blocks(article: Article, styles: ArticleStyles, marks: Marks = NO_MARKS,
                   note: str | None = None) -> list[Block]:
    """The blocks of an article, separated by a blank line when painted.

    The title, the metadata line, a rule, then the paragraphs: captions dim and
    italic, images as a dim ``▣ name`` marker. ``marks`` (from :func:`find_marks`)
    are painted in the highlight style. ``note``: the note of the article's bookmark,
    under the metadata.
    """
    blocks: list[Block] = [
        _marked(title_text(article), styles.title, marks.title, styles.highlight),
        Text(meta_line(article), style=styles.meta),
        None,
    ]
    if note:
        blocks.insert(2, Text.assemble(("Note: ", styles.meta + Style(bold=True)),
                                       (one_line(note), styles.meta)))
    for index, paragraph in enumerate(article.paragraphs):
        text = paragraph_text(paragraph.text)
        if not text:
            continue
        if paragraph.kind == "image":
            blocks.append(Text(IMAGE_MARK + one_line(text), style=styles.image))
        elif paragraph.kind == "caption":
            blocks.append(_marked(text, styles.caption, marks.of(index), styles.highlight))
        else:
            blocks.append(_marked(text, "", marks.of(index), styles.highlight))
    return blocks


def message_blocks(title: str, lines: Sequence[str], styles: ArticleStyles) -> list[Block]:
    """A short notice in the reader's layout (welcome, empty library, errors)."""
    return [Text(title, style=styles.title), None, *(Text(line) for line in lines)]


def wrap_blocks(blocks: Sequence[Block], console: Console, width: int,
                cancelled: Callable[[], bool] | None = None) -> list[Text | None] | None:
    """The lines of ``blocks`` wrapped to ``width``, a blank line between two blocks;
    ``None`` if ``cancelled()`` became true meanwhile (checked every 1,000 blocks)."""
    lines: list[Text | None] = []
    blank = Text("")
    for index, block in enumerate(blocks):
        if index:
            lines.append(blank)
            if cancelled is not None and not index % 1000 and cancelled():
                return None
        if block is None:
            lines.append(None)
        else:
            lines.extend(block.wrap(console, width, overflow="fold"))
    return lines
