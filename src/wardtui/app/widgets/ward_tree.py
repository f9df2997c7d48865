"""The library tree: wards, years and articles (or years, months, wards and articles).

Children are added when a node is first expanded, all at once from one indexed query
(see :mod:`wardtui.app.catalog`), so 100,000 articles open as fast as five. Moving the
cursor onto an article posts :class:`WardTree.ArticleHighlighted`; ``enter`` posts
:class:`WardTree.ArticleOpened` (messages up, calls down). Bookmarked articles carry a
★ (:meth:`WardTree.set_marks`); only the labels that change are redrawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from typing import ClassVar, TypeVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from ...library import Library, LibraryError
from ...userdata import UnreadCounts
from .. import catalog
from ..catalog import Grouping, Key, NodeInfo
from ..read_state import unread_in

Node = TreeNode[NodeInfo]
T = TypeVar("T")
_TOGGLE = Style.from_meta({"toggle": True})  # what Tree's mouse handler looks for


class WardTree(Tree[NodeInfo]):
    """The navigation pane over the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Read", tooltip="Read the article (or open the group)",
                id="tree.open"),
        Binding("l,right", "expand", "Expand", show=False, tooltip="Open the group, or go into it",
                id="tree.expand"),
        Binding("h,left", "collapse", "Collapse", show=False,
                tooltip="Close the group, or go to its parent", id="tree.collapse"),
        Binding("space", "toggle_node", "Toggle", show=False,
                tooltip="Open or close the group", id="tree.toggle"),
        Binding("down,j", "cursor_down", "Down", show=False, tooltip="Next line",
                id="tree.down"),
        Binding("up,k", "cursor_up", "Up", show=False, tooltip="Previous line", id="tree.up"),
        Binding("home,g", "scroll_home", "First", show=False, tooltip="First line",
                id="tree.first"),
        Binding("end,G", "scroll_end", "Last", show=False, tooltip="Last line", id="tree.last"),
        Binding("pagedown", "page_down", "Page down", show=False, tooltip="One page down",
                id="tree.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, tooltip="One page up",
                id="tree.page_up"),
    ]

    class ArticleHighlighted(Message):
        """The cursor rests on an article: show it."""

        def __init__(self, article_id: str) -> None:
            self.article_id = article_id
            super().__init__()

    class ArticleOpened(Message):
        """The user asked to read an article (``enter``)."""

        def __init__(self, article_id: str) -> None:
            self.article_id = article_id
            super().__init__()

    class QueryFailed(Message):
        """A library query failed; ``error`` says why."""

        def __init__(self, error: str) -> None:
            self.error = error
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Library", id=id)
        self.show_root = False
        self.guide_depth = 3
        self.auto_expand = True
        self.library: Library | None = None
        self.grouping: Grouping = "ward"
        self.order = "newest"  # the articles' order in a group (see catalog.ordered)
        self.marked: set[str] = set()  # the ids of the bookmarked articles
        self.read: frozenset[str] | None = None  # the ids read (None: not known yet)
        self.unread_counts: UnreadCounts | None = None
        self._loaded: set[Key] = set()
        self._by_key: dict[Key, Node] = {}
        self._read_ahead: dict[Key, list[NodeInfo]] = {}  # groups' children, read already

    # -- loading ---------------------------------------------------------------
    def load(self, library: Library, grouping: Grouping, top: list[NodeInfo] | None = None,
             children: dict[Key, list[NodeInfo]] | None = None) -> None:
        """Show ``library`` grouped by ``grouping`` (a fresh tree, all collapsed); ``top``:
        its top groups, ``children``: some groups' children (by key), read already."""
        self.library = library
        self.grouping = grouping
        self._rebuild(top)
        self._read_ahead = dict(children or {})

    def _rebuild(self, top: list[NodeInfo] | None = None) -> None:
        # the deep groupings (year, month, ward, article…) indent less: the titles get the room
        self.guide_depth = 3 if self.grouping == "ward" else 2
        self.border_title = f"by {self.grouping} · {catalog.ORDER_NAMES.get(self.order, '')}"
        self.unselect()
        self.clear()
        self._loaded.clear()
        self._by_key.clear()
        self._read_ahead.clear()
        if self.library is None:
            return
        infos: list[NodeInfo] = top if top is not None else self._query(
            lambda lib: catalog.top_nodes(lib, self.grouping), [])
        self._graft_nodes(self.root, infos)
        self._loaded.add(())

    def _graft_nodes(self, parent: Node, infos: list[NodeInfo]) -> None:
        self._grafting = True  # Tree's caches cleared once, not per node (320: ~20 ms less)
        try:
            for info in infos:
                node = parent.add(self._label(info), info, allow_expand=not info.is_article)
                self._by_key[info.key] = node
        finally:
            self._grafting = False
        self._invalidate()

    _grafting = False

    def _invalidate(self) -> None:
        """(Tree's, after each node added: held while a group's children are added.)"""
        if not self._grafting:
            super()._invalidate()

    # -- bookmark marks ------------------------------------------------------------
    def set_marks(self, article_ids: AbstractSet[str]) -> None:
        """Mark exactly these articles with ★; only the labels that change are redrawn."""
        changed = self.marked ^ article_ids
        self.marked = set(article_ids)
        for article_id in changed:
            self._relabel(article_id)

    def _relabel(self, article_id: str) -> None:
        node = self._by_key.get(catalog.article_key(article_id))
        if node is not None and node.data is not None:
            node.set_label(self._label(node.data))

    def _label(self, info: NodeInfo) -> Text:
        unread = None if self.read is None else unread_in(info, self.read, self.unread_counts)
        return catalog.node_label(info, info.article_id in self.marked, unread)

    def set_read(self, article_ids: frozenset[str], counts: UnreadCounts | None) -> None:
        """Show these articles as read (the others in bold) and the groups' unread counts;
        only the labels that change are redrawn."""
        old_read, old_counts = self.read, self.unread_counts
        self.read, self.unread_counts = article_ids, counts
        for node in self._by_key.values():
            info = node.data
            if info is not None and (old_read is None or unread_in(info, old_read, old_counts)
                                     != unread_in(info, article_ids, counts)):
                node.set_label(self._label(info))

    def _query(self, run: Callable[[Library], T], fallback: T) -> T:
        """Run a library query; on failure post :class:`QueryFailed` and use ``fallback``."""
        assert self.library is not None
        try:
            return run(self.library)
        except LibraryError as error:
            self.post_message(self.QueryFailed(str(error)))
            return fallback

    def ensure_children(self, node: Node) -> None:
        """Add a group's children if they are not there yet (one query, one batch)."""
        info = node.data
        if info is None or info.is_article or info.key in self._loaded or self.library is None:
            return
        self._loaded.add(info.key)
        children = self._read_ahead.pop(info.key, None)
        if children is None:
            children = self._query(lambda lib: catalog.child_nodes(lib, info), list[NodeInfo]())
        self._graft_nodes(node, catalog.ordered(children, self.order))

    def reload(self) -> None:
        """Re-read the library, keeping the expanded groups and the cursor where possible."""
        expanded = [key for key, node in self._by_key.items() if node.is_expanded]
        cursor = self.cursor_node.data.key if self.cursor_node and self.cursor_node.data else None
        trail = self._trail(self.cursor_node) if self.cursor_node else []
        self._rebuild()
        for key in expanded:
            node = self._by_key.get(key)
            if node is not None:
                self.ensure_children(node)
                node.expand()
        target = None
        for candidate in [cursor, *trail]:
            if candidate is not None and candidate in self._by_key:
                target = self._by_key[candidate]
                break
        if target is not None:
            self._place_cursor(target)

    def _trail(self, node: Node) -> list[Key]:
        """The keys of a node's ancestors, nearest first."""
        keys: list[Key] = []
        parent = node.parent
        while parent is not None and parent.data is not None:
            keys.append(parent.data.key)
            parent = parent.parent
        return keys

    def set_order(self, order: str) -> None:
        """Order the articles of every group by ``order`` (the cursor stays on its node)."""
        self.order = order
        self.reload()

    def set_grouping(self, grouping: Grouping) -> None:
        """Switch the grouping, keeping the current article in view."""
        article_id = self.current_article_id
        self.grouping = grouping
        self._rebuild()
        kept = article_id is not None and self.select_article(article_id)
        if not kept and self.root.children:
            self._place_cursor(self.root.children[0])

    # -- finding ---------------------------------------------------------------
    @property
    def current_article_id(self) -> str | None:
        """The id of the article under the cursor, if any."""
        node = self.cursor_node
        return node.data.article_id if node is not None and node.data is not None else None

    def node_for(self, key: Key) -> Node | None:
        """The node with this key, if it has been loaded."""
        return self._by_key.get(key)

    def reveal(self, keys: list[Key]) -> Node | None:
        """Open the groups along ``keys`` and put the cursor on the last node found."""
        found: Node | None = None
        for key in keys:
            node = self._by_key.get(key)
            if node is None:
                break
            found = node
            if key != keys[-1]:
                self.ensure_children(node)
                node.expand()
        if found is not None:
            self._place_cursor(found)
        return found

    def select_article(self, article_id: str) -> bool:
        """Put the cursor on an article, opening its ward and year; False if unknown."""
        summary = self._query(lambda lib: lib.summary(article_id), None)
        if summary is None:
            return False
        node = self.reveal(catalog.path_to(summary, self.grouping))
        return node is not None and node.data is not None and node.data.article_id == article_id

    def _place_cursor(self, node: Node) -> None:
        for ancestor in self._ancestors(node):
            if not ancestor.is_expanded:
                ancestor.expand()
        _ = self.last_line  # rebuild the lines now so the node knows its line
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    @staticmethod
    def _ancestors(node: Node) -> Iterator[Node]:
        parent = node.parent
        while parent is not None and not parent.is_root:
            yield parent
            parent = parent.parent

    def step_article(self, forward: bool) -> bool:
        """Move the cursor to the next (or previous) article in tree order."""
        start = self.cursor_node
        if start is None or start.data is None:
            found = self._first_article(self.root, forward)
        else:
            found = None
            if forward and not start.data.is_article:
                found = self._first_article(start, forward)
            if found is None:
                found = self._article_beyond(start, forward)
        if found is not None:
            self._place_cursor(found)
        return found is not None

    def _first_article(self, group: Node, forward: bool) -> Node | None:
        self.ensure_children(group)
        children = list(group.children) if forward else list(reversed(group.children))
        for child in children:
            if child.data is not None and child.data.is_article:
                return child
            found = self._first_article(child, forward)
            if found is not None:
                return found
        return None

    def _article_beyond(self, node: Node, forward: bool) -> Node | None:
        current: Node | None = node
        while current is not None and not current.is_root:
            sibling = current.next_sibling if forward else current.previous_sibling
            while sibling is not None:
                if sibling.data is not None and sibling.data.is_article:
                    return sibling
                found = self._first_article(sibling, forward)
                if found is not None:
                    return found
                sibling = sibling.next_sibling if forward else sibling.previous_sibling
            current = current.parent
        return None

    # -- actions -----------------------------------------------------------------
    def action_open(self) -> None:
        """Read the article under the cursor, or open/close the group."""
        node = self.cursor_node
        if node is None or node.data is None:
            return
        if node.data.article_id is not None:
            self.post_message(self.ArticleOpened(node.data.article_id))
        else:
            self._toggle(node)

    def action_expand(self) -> None:
        """Open the group under the cursor; if open, go to its first child."""
        node = self.cursor_node
        if node is None or node.data is None:
            return
        if node.data.article_id is not None:
            self.post_message(self.ArticleOpened(node.data.article_id))
        elif not node.is_expanded:
            self.ensure_children(node)
            node.expand()
        elif node.children:
            self._place_cursor(node.children[0])

    def action_collapse(self) -> None:
        """Close the group under the cursor; otherwise go to the parent group."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self._place_cursor(node.parent)

    def action_toggle_node(self) -> None:
        """Open or close the group under the cursor."""
        if self.cursor_node is not None:
            self._toggle(self.cursor_node)

    def _toggle(self, node: Node) -> None:
        if node.is_expanded:
            node.collapse()
        else:
            self.ensure_children(node)
            node.expand()

    @on(Tree.NodeExpanded)
    def _load_on_expand(self, event: Tree.NodeExpanded[NodeInfo]) -> None:
        """Expanded by the mouse or another path: add the children now."""
        self.ensure_children(event.node)

    @on(Tree.NodeHighlighted)
    def _announce_article(self, event: Tree.NodeHighlighted[NodeInfo]) -> None:
        """Tell the screen about the article under the cursor (stale moves are dropped)."""
        event.stop()
        node = event.node
        if node is self.cursor_node and node.data is not None and node.data.article_id:
            self.post_message(self.ArticleHighlighted(node.data.article_id))

    # -- rendering ---------------------------------------------------------------
    def _room(self, node: Node) -> tuple[int, int]:
        """(icon width, cells left for the label) on the node's line."""
        depth = sum(1 for _ in self._ancestors(node))
        icon_width = len(self.ICON_NODE) if node.allow_expand else 0
        room = self.scrollable_content_region.width - depth * self.guide_depth - icon_width
        return icon_width, room

    def get_label_width(self, node: Node) -> int:
        """A nominal width: labels are cut to fit, so the tree never scrolls sideways (Tree
        asks for every line on every rebuild: not rendering the label keeps it cheap)."""
        return 1

    def render_label(self, node: Node, base_style: Style, style: Style) -> Text:
        """The node's label, cut with an ellipsis to fit the pane."""
        label = node.label.copy() if isinstance(node.label, Text) else Text(str(node.label))
        icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        _, room = self._room(node)
        if room > 1 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")
        label.stylize(style)
        if node.allow_expand:
            return Text.assemble((icon, base_style + _TOGGLE), label)
        return label
