"""Reading habits of the reading screen: read and unread, the next unread article, history.

:class:`ReadStateScreen` sits between :class:`~wardtui.app.screens.reading.ReadingScreen`
and the main screen. An article shown in the reader becomes read once it has stayed
there :attr:`ReadStateScreen.READ_AFTER` seconds (a timer, stopped when another
article is shown, when the history moves or when the user marks it); it then also
joins the history (an article opened with ``enter``, ``l`` or from the search results
joins it at once). The keys: ``m`` marks the current article read or unread, ``M``
every article of the ward, year or month under the tree's cursor, ``u`` (or ``U``) opens the next
unread article in the tree's order (``n`` is the reader's next match here, so not
newsboat's ``n``), ``ctrl+o`` / ``alt+←`` / ``H`` go back in the history and ``alt+→`` /
``L`` forward (``ctrl+i`` is ``tab`` in a terminal). The app's
:class:`~wardtui.app.read_state.ReadKeeper` does the store's work in workers; its
:class:`~wardtui.app.read_state.ReadChanged` reaches the tree and the search results
through here.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets.tree import TreeNode

from ...corpus import Article
from ...labels import ward_name
from ...library import UNDATED, ArticleSummary, Library, LibraryError
from ...userdata import ArticleLike, UnreadCounts
from ..catalog import NodeInfo
from ..messages import ArticleChosen
from ..read_state import HistoryMoved, ReadChanged, unread_in
from ..widgets.reader import Reader
from ..widgets.ward_tree import WardTree
from .reading import ReadingScreen

__all__ = ["ReadStateScreen", "next_unread"]

Node = TreeNode[NodeInfo]


def _may_hold_unread(node: Node, read: Collection[str], counts: UnreadCounts | None) -> bool:
    if node.data is None:
        return True
    unread = unread_in(node.data, read, counts)
    return unread is None or unread > 0


def _first_unread(tree: WardTree, group: Node, read: Collection[str],
                  counts: UnreadCounts | None) -> Node | None:
    """The first unread article inside ``group``, loading only groups with unread ones."""
    tree.ensure_children(group)
    for child in group.children:
        info = child.data
        if info is None:
            continue
        if info.summary is not None:
            if info.summary.id not in read:
                return child
        elif _may_hold_unread(child, read, counts):
            found = _first_unread(tree, child, read, counts)
            if found is not None:
                return found
    return None


def next_unread(tree: WardTree, read: Collection[str], counts: UnreadCounts | None
                ) -> str | None:
    """The id of the next unread article after the tree's cursor, in the tree's order,
    starting again from the top after the last one; ``None`` if there is no other."""
    start = tree.cursor_node
    if start is None or start.data is None:
        found = _first_unread(tree, tree.root, read, counts)
        return found.data.article_id if found is not None and found.data else None
    if start.data.summary is None and _may_hold_unread(start, read, counts):
        found = _first_unread(tree, start, read, counts)
        if found is not None and found.data is not None:
            return found.data.article_id
    current: Node | None = start
    while current is not None and not current.is_root:
        sibling = current.next_sibling
        while sibling is not None:
            info = sibling.data
            if info is not None and info.summary is not None:
                if info.summary.id not in read:
                    return info.summary.id
            elif _may_hold_unread(sibling, read, counts):
                found = _first_unread(tree, sibling, read, counts)
                if found is not None and found.data is not None:
                    return found.data.article_id
            sibling = sibling.next_sibling
        current = current.parent
    found = _first_unread(tree, tree.root, read, counts)  # from the top again
    if found is None or found is start or found.data is None:
        return None
    return found.data.article_id


def _group_name(info: NodeInfo) -> str:
    """``phường Mỹ Long``, ``phường Mỹ Long, 2023``, ``06/2023``, ``Undated``…"""
    parts = []
    if info.where is not None and info.where.place is not None:
        parts.append(info.where.place.label)
    elif info.ward is not None:
        parts.append(ward_name(info.ward or None, info.unit))
    if info.year is not None:
        when = "Undated" if info.year == UNDATED else str(info.year)
        if info.month:
            when = f"{info.month:02d}/{info.year}"
        parts.append(when)
    return ", ".join(parts)


class ReadStateScreen(ReadingScreen):
    """The reading screen's read marks and history; see the module docstring."""

    READ_AFTER: ClassVar[float] = 1.5
    """Seconds an article stays shown before it counts as read."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "toggle_read", "Read/unread",
                tooltip="Mark the current article read, or unread", id="main.toggle_read"),
        Binding("M", "mark_group_read", "All read", show=False,
                tooltip="Mark every article of the ward, year or month under the tree's "
                        "cursor read (again: all unread)", id="main.mark_group_read"),
        Binding("u,U", "next_unread", "Next unread", show=False,
                tooltip="Open the next unread article in the tree", id="main.next_unread"),
        Binding("ctrl+o,alt+left,H", "history(True)", "Back", show=False,
                key_display="ctrl+o", tooltip="Back to the article read before (history)",
                id="main.history_back"),
        Binding("alt+right,L", "history(False)", "Forward", show=False,
                key_display="alt+→", tooltip="Forward again in the history",
                id="main.history_forward"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.reading_timer: tuple[str, Timer] | None = None  # the article and its timer
        self._opened: str | None = None  # opened on purpose: joins the history at once

    # -- an article shown for a moment is read -------------------------------------------
    @on(Reader.Shown)
    def _start_reading(self, message: Reader.Shown) -> None:
        self.stop_reading()
        article = self.reader.article
        if article is None or article.id != message.article_id:
            return
        if self._opened == article.id:
            self.host.reading.visit(article)
        self._opened = None
        timer = self.set_timer(self.READ_AFTER, lambda: self._read_for_a_moment(article),
                               name="read after a moment")
        self.reading_timer = (article.id, timer)

    def _read_for_a_moment(self, article: Article) -> None:
        self.reading_timer = None
        shown = self.reader.article
        if shown is None or shown.id != article.id:
            return
        keeper = self.host.reading
        if article.id not in keeper.read:
            keeper.mark([article], True)
        keeper.visit(article)

    def stop_reading(self) -> None:
        """Forget the article being read (its timer will not mark it)."""
        if self.reading_timer is not None:
            self.reading_timer[1].stop()
            self.reading_timer = None

    @on(WardTree.ArticleOpened)
    @on(ArticleChosen)
    def _opened_on_purpose(self, message: WardTree.ArticleOpened | ArticleChosen) -> None:
        shown = self.reader.article
        if shown is not None and shown.id == message.article_id:  # shown already (a preview)
            self.host.reading.visit(shown)
        else:
            self._opened = message.article_id  # joins the history once shown

    # -- what the keeper found -----------------------------------------------------------
    def on_read_changed(self, message: ReadChanged) -> None:
        """Unread articles stand out in the tree and the results; groups count them."""
        self.ward_tree.set_read(message.ids, message.counts)
        self.search_pane.set_read(message.ids)

    def on_history_moved(self, message: HistoryMoved) -> None:
        """Open the article stepped to, or say that the history ends there."""
        if message.entry is None:
            self.host.tell("Nothing earlier in the history." if message.back
                           else "Nothing later in the history.")
            return
        self.stop_reading()
        self.open_article(message.entry.id)

    # -- keys ------------------------------------------------------------------------------
    def _summary(self, article_id: str) -> ArticleLike | None:
        known = self._known(article_id)
        if known is not None:
            return known
        library = self.host.library
        try:
            found = library.summary(article_id) if library is not None else None
        except LibraryError as error:
            self.host.tell(f"The library cannot be read: {error}", severity="error")
            return None
        if found is None:
            self.host.tell("This article is no longer in the library.", severity="warning")
        return found

    def action_toggle_read(self) -> None:
        """Mark the current article read, or unread."""
        article_id = self._current_or_say()
        if article_id is None or self.host.reading.store is None:
            if article_id is not None:
                self.host.tell("What you have read is still being opened.")
            return
        article = self._summary(article_id)
        if article is None:
            return
        if self.reading_timer is not None and self.reading_timer[0] == article_id:
            self.stop_reading()  # the user decides: no timer marks it behind their back
        self.host.reading.toggle(article)

    def action_mark_group_read(self) -> None:
        """Mark every article of the ward, year or month under the tree's cursor read."""
        node = self.ward_tree.cursor_node
        if node is not None and node.data is not None and node.data.summary is not None:
            node = node.parent
        info = node.data if node is not None else None
        place = info.where.place if info is not None and info.where is not None else None
        if info is None or (info.kind not in ("ward", "year", "month") and place is None):
            self.host.tell("Move the tree's cursor to a ward, a year or a month first.")
            return
        if self.host.library is None or self.host.reading.store is None:
            self.host.tell("The library is still opening.")
            return

        def fetch(library: Library) -> list[ArticleSummary]:
            if place is not None:  # the place grouping: a ward node, or one of its years
                return library.place_summaries(place, info.year)
            return library.summaries(ward=info.ward, unit=info.unit, year=info.year,
                                     month=info.month)

        self.stop_reading()
        self.host.reading.mark_group(fetch, _group_name(info))

    def action_next_unread(self) -> None:
        """Open the next unread article in the tree's order (from the top after the end)."""
        keeper = self.host.reading
        found = next_unread(self.ward_tree, keeper.read, keeper.counts)
        if found is None:
            self.host.tell("No other unread article.")
            return
        self._opened = found
        if self.focused is self.reader:
            self.open_article(found)
        else:
            self.ward_tree.select_article(found)

    def action_history(self, back: bool) -> None:
        """Back to the article read before, or forward again."""
        self.stop_reading()
        self.host.reading.step(back)
