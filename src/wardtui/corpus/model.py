"""The article: what one scraped file becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["text", "caption", "image"]
Precision = Literal["day", "month", "year"]
UNITS = ("phường", "xã", "thị trấn")


class Skipped(Exception):
    """A file that holds no article; ``reason`` says why, in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One block of the article's text.

    ``kind`` is ``text`` (running text), ``caption`` (a photo caption) or
    ``image`` (an image file name, kept as a marker).
    """

    text: str
    kind: ParagraphKind = "text"


@dataclass(frozen=True, slots=True)
class Article:
    """One article, parsed from one file.

    ``date`` is ISO text at the precision the article gives (``2023-06-28``,
    ``2023-06``, ``2023``) or ``None``; ``ward`` is the subject ward's name
    without its unit word (``Mỹ Long``, ``12``) and ``unit`` one of
    :data:`UNITS`. ``author`` is the person who wrote it (``Thanh Tâm``), or
    ``None``; ``credit`` is the source or office it credits (``Báo Quảng Nam``
    from ``Theo Báo Quảng Nam``, ``QNO`` from ``(QNO) -``, ``UBND xã`` from
    ``Nguồn: UBND xã``), or ``None``. ``title`` is what a reader sees (an ALL-CAPS
    headline in sentence case); ``title_original`` is the headline as the page
    wrote it when that differs, else ``None``. ``id`` is derived from the file's
    text, so it survives cache rebuilds and file moves.
    """

    id: str
    title: str
    paragraphs: tuple[Paragraph, ...]
    ward: str | None = None
    unit: str | None = None
    date: str | None = None
    author: str | None = None
    category: str | None = None
    source: str = ""
    encoding: str = "utf-8"
    notes: tuple[str, ...] = field(default=())
    credit: str | None = None
    title_original: str | None = None

    @property
    def precision(self) -> Precision | None:
        """How precise :attr:`date` is."""
        if not self.date:
            return None
        return {10: "day", 7: "month", 4: "year"}.get(len(self.date))  # type: ignore[return-value]

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def body(self) -> str:
        """The running text (``text`` and ``caption`` paragraphs), one per line."""
        return "\n".join(p.text for p in self.paragraphs if p.kind != "image")

    @property
    def words(self) -> int:
        """How many words the running text (``text`` paragraphs) holds."""
        return sum(word_count(p.text) for p in self.paragraphs if p.kind == "text")

    @property
    def ward_label(self) -> str | None:
        """``phường Mỹ Long``, ``Phường 12`` (numbered wards read with a capital)."""
        return ward_label(self.ward, self.unit)


def ward_label(ward: str | None, unit: str | None) -> str | None:
    """The same label as :attr:`Article.ward_label`, from stored values."""
    if not ward:
        return None
    unit = unit or ""
    if ward.isdigit():
        unit = unit.capitalize()
    return f"{unit} {ward}".strip()


def word_count(text: str) -> int:
    """``len(text.split())``, without making the words when ``text`` is one space between
    words: no other whitespace (a printable text holds none but the space), no run, no
    space at either end (a paragraph's usual form)."""
    if (
        text
        and text.isprintable()
        and text[0] != " "
        and text[-1] != " "
        and "  " not in text
    ):
        return text.count(" ") + 1
    return len(text.split())
