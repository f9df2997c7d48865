"""What the library tree holds: its nodes, their order and their labels.

Three groupings of the same articles:

* ``ward`` — ward, year, article (articles without a date under *Undated*);
* ``place`` — province, district, ward, year, article (see :mod:`.place_nodes`);
* ``date`` — year, month, ward, article (*Undated* holds wards directly).

Every node is a :class:`NodeInfo` with a stable :attr:`NodeInfo.key`, so the tree
can be rebuilt after a sync and find its expanded nodes and its cursor again.
The children of a node come from one :class:`~wardtui.library.Library` query, in
the library's order (Vietnamese collation for wards, newest first for dates).

Uses rich for labels (their words come from :mod:`wardtui.labels`); knows
nothing of Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from rich.text import Text

from ..config import GROUPINGS, Grouping
from ..corpus.clean import safe_line
from ..labels import day_month, title_under_ward, ward_name
from ..library import UNDATED, UNKNOWN_WARD, ArticleSummary, Library
from ..vntext import fold
from . import place_nodes

__all__ = [
    "GROUPINGS",
    "Grouping",
    "Key",
    "NodeInfo",
    "article_key",
    "child_nodes",
    "node_label",
    "path_to",
    "top_nodes",
    "ward_key",
    "year_key",
]

NodeKind = Literal["ward", "year", "month", "article", "province", "district", "place",
                   "place_year"]
Key = tuple[object, ...]

COUNT_STYLE = "dim"
MARK = "★"  # a bookmarked article
MARK_STYLE = "yellow"
UNREAD_STYLE = "bold"  # an unread article's title, a group's count of unread articles


@dataclass(frozen=True, slots=True)
class NodeInfo:
    """The data of one tree node.

    ``ward`` is :data:`~wardtui.library.UNKNOWN_WARD` for articles whose ward was
    not found; ``year`` is :data:`~wardtui.library.UNDATED` for undated ones;
    ``month`` 0 holds the dates known only to the year.
    """

    kind: NodeKind
    key: Key
    count: int = 0
    ward: str | None = None
    unit: str | None = None
    year: int | None = None
    month: int | None = None
    summary: ArticleSummary | None = None
    where: place_nodes.Where | None = None  # a group of the place grouping

    @property
    def is_article(self) -> bool:
        """True for a leaf holding an article."""
        return self.summary is not None

    @property
    def article_id(self) -> str | None:
        """The article's id, or ``None`` for a group."""
        return self.summary.id if self.summary is not None else None


# -- keys -----------------------------------------------------------------------
def article_key(article_id: str) -> Key:
    """The key of an article's node (the same in both groupings)."""
    return ("article", article_id)


def ward_key(ward: str, unit: str | None) -> Key:
    """The key of a ward's node in the ward grouping."""
    return ("ward", ward, unit or "")


def _wardyear_key(ward: str, unit: str | None, year: int) -> Key:
    return (*ward_key(ward, unit), "year", year)


def year_key(year: int) -> Key:
    """The key of a year's node in the date grouping."""
    return ("year", year)


def _month_key(year: int, month: int) -> Key:
    return (*year_key(year), "month", month)


def _dateward_key(year: int, month: int | None, ward: str, unit: str | None) -> Key:
    base = year_key(year) if month is None else _month_key(year, month)
    return (*base, "ward", ward, unit or "")


def month_of(date: str | None) -> int:
    """The month of an ISO date at any precision; 0 when it is not known."""
    return int(date[5:7]) if date and len(date) >= 7 else 0


def path_to(summary: ArticleSummary, grouping: Grouping) -> list[Key]:
    """The keys from the top of the tree down to the article's own node."""
    ward = summary.ward if summary.ward is not None else UNKNOWN_WARD
    unit = summary.unit if summary.ward is not None else None
    year = summary.year if summary.year is not None else UNDATED
    if grouping == "place":
        keys = place_nodes.path(summary)
    elif grouping == "ward":
        keys = [ward_key(ward, unit), _wardyear_key(ward, unit, year)]
    elif year == UNDATED:
        keys = [year_key(year), _dateward_key(year, None, ward, unit)]
    else:
        month = month_of(summary.date)
        keys = [year_key(year), _month_key(year, month), _dateward_key(year, month, ward, unit)]
    return [*keys, article_key(summary.id)]


# -- children -----------------------------------------------------------------------
def top_nodes(library: Library, grouping: Grouping) -> list[NodeInfo]:
    """The nodes under the (hidden) root: wards, provinces or years."""
    if grouping == "place":
        return [NodeInfo(**fields) for fields in place_nodes.top(library)]
    if grouping == "ward":
        return [
            NodeInfo("ward", ward_key(_ward(w.ward), w.unit), w.count, _ward(w.ward), w.unit)
            for w in library.wards()
        ]
    return [NodeInfo("year", year_key(y), n, year=y) for y, n in library.years()]


def child_nodes(library: Library, node: NodeInfo) -> list[NodeInfo]:
    """The children of a group node, in display order (one query)."""
    if node.where is not None:  # place grouping
        return [
            NodeInfo("article", article_key(c.id), summary=c) if isinstance(c, ArticleSummary)
            else NodeInfo(**c)
            for c in place_nodes.children(library, node.kind, node.where, node.year)
        ]
    if node.kind == "ward" and node.year is None:  # ward grouping: ward -> years
        ward = _ward(node.ward)
        return [
            NodeInfo("year", _wardyear_key(ward, node.unit, y), n, ward, node.unit, y)
            for y, n in library.years(ward, node.unit)
        ]
    if node.kind == "year" and node.ward is None:  # date grouping: year -> months
        year = node.year if node.year is not None else UNDATED
        if year == UNDATED:
            return _wards_in(library, year, None)
        return [
            NodeInfo("month", _month_key(year, m), n, year=year, month=m)
            for m, n in library.months(year)
        ]
    if node.kind == "month":  # date grouping: month -> wards
        assert node.year is not None
        return _wards_in(library, node.year, node.month)
    if node.kind in ("year", "ward"):  # -> articles
        summaries = library.summaries(
            ward=_ward(node.ward), unit=node.unit, year=node.year, month=node.month
        )
        return [NodeInfo("article", article_key(s.id), summary=s) for s in summaries]
    return []


ORDER_NAMES = {"newest": "newest first", "oldest": "oldest first", "title": "by title"}


def ordered(infos: list[NodeInfo], order: str) -> list[NodeInfo]:
    """A group's children with its articles in ``order`` (the library gives them newest
    first; oldest first keeps the undated last; by title ignores accents and case)."""
    articles = [(i, i.summary) for i in infos if i.summary is not None]
    if order == "newest" or len(articles) < 2:
        return infos
    if order == "oldest":
        articles.sort(key=lambda pair: (pair[1].date is None, pair[1].date or ""))
    else:
        articles.sort(key=lambda pair: fold(pair[1].title).casefold())
    return [i for i in infos if i.summary is None] + [i for i, _ in articles]


def _ward(ward: str | None) -> str:
    return UNKNOWN_WARD if ward is None else ward


def _wards_in(library: Library, year: int, month: int | None) -> list[NodeInfo]:
    return [
        NodeInfo(
            "ward", _dateward_key(year, month, _ward(w.ward), w.unit), w.count,
            _ward(w.ward), w.unit, year, month,
        )
        for w in library.wards_in(year, month)
    ]


# -- labels -----------------------------------------------------------------------
def node_label(node: NodeInfo, marked: bool = False, unread: int | None = None) -> Text:
    """The label of a node: a group's name and count, or an article's date and title.

    ``marked``: the article is bookmarked, shown by :data:`MARK` before its title.
    ``unread``: an article's title is :data:`UNREAD_STYLE` when it is 1; a group's
    count of unread articles is: ``3/12`` (3 of its 12 unread), ``12`` in that style
    when all are unread, dim as before when none is.
    """
    if node.summary is not None:
        short = title_under_ward(node.summary.title, node.summary.ward, node.summary.unit)
        name: str | tuple[str, str] = (short, UNREAD_STYLE) if unread else short
        date = (day_month(node.summary.date), COUNT_STYLE)
        if marked:
            return Text.assemble(date, " ", (MARK, MARK_STYLE), " ", name)
        return Text.assemble(date, " ", name)
    if node.where is not None:
        name = place_nodes.label(node.kind, node.where, node.year)
    elif node.kind == "ward":
        name = ward_name(node.ward, node.unit)
    elif node.kind == "year":
        name = "Undated" if node.year == UNDATED else str(node.year)
    else:
        name = f"{node.month:02d}/{node.year}" if node.month else f"{node.year}, no month"
    if unread and unread < node.count:
        return Text.assemble(safe_line(name), "  ", (str(unread), UNREAD_STYLE),
                             (f"/{node.count}", COUNT_STYLE))
    if unread:
        return Text.assemble(safe_line(name), "  ", (str(node.count), UNREAD_STYLE))
    return Text.assemble(safe_line(name), "  ", (str(node.count), COUNT_STYLE))
