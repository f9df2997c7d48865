"""More keys of the reading screen: sync, open the source in a pager or an editor.

:class:`UxKeysScreen` sits between :class:`~wardtui.app.screens.read_keys.ReadStateScreen`
and the main screen. ``r`` syncs the sources (the palette's "Sync the sources"),
``o`` opens the current article's source file in ``$PAGER`` (``less`` if unset)
and ``E`` in ``$EDITOR`` (``vi``), the app suspended meanwhile (Textual's
``App.suspend``) and back at the same place afterwards; a source file that is gone
is a notice. ``<`` and ``>`` (or ``ctrl+←`` / ``ctrl+→``) narrow and widen the
tree, and ``s`` orders the articles of each group newest first, oldest first or by
title (the results: by relevance or by date), both remembered in the settings.
Moving in the search results shows the result in the reader (as the tree's cursor
does), and clearing the search takes the marks off the article shown. The reader
shows the note of a bookmarked article under its metadata.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import ContentSwitcher, Input

from ...config import ARTICLE_ORDERS
from ...labels import title
from ...library import LibraryError
from ...userdata import BookmarkError, BookmarkStore
from ..messages import BookmarksChanged, Notice
from ..widgets.reader import Reader
from ..widgets.results import SearchResults
from .read_keys import ReadStateScreen

__all__ = ["UxKeysScreen"]

TREE_MIN = 16  # the narrowest tree, in cells
READER_MIN = 24  # the reader keeps at least this much
NARROW = 72  # a screen narrower than this gives the tree a third of it, however small


class UxKeysScreen(ReadStateScreen):
    """Sync, pager and editor keys; see the module docstring."""

    _dragging_edge = False  # the line between the panes is being dragged

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "sync", "Sync", show=False,
                tooltip="Sync the sources: read new and changed files again", id="main.sync"),
        Binding("o", "open_source('PAGER')", "Pager", show=False,
                tooltip="Open the article's source file in $PAGER (less)", id="main.pager"),
        Binding("E", "open_source('EDITOR')", "Editor", show=False,
                tooltip="Open the article's source file in $EDITOR (vi)", id="main.editor"),
        Binding("s", "sort", "Sort", show=False,
                tooltip="Order the articles newest first, oldest first or by title (in the "
                        "results: by relevance or by date)", id="main.sort"),
        Binding("less_than_sign,ctrl+left", "tree_width(-4)", "Narrower", key_display="<",
                show=False, tooltip="Narrow the tree (remembered)", id="main.narrower"),
        Binding("greater_than_sign,ctrl+right", "tree_width(4)", "Wider", key_display=">",
                show=False, tooltip="Widen the tree (remembered)", id="main.wider"),
    ]

    class _NoteFound(Message):
        def __init__(self, article_id: str, note: str | None) -> None:
            super().__init__()
            self.article_id = article_id
            self.note = note

    GROW_SECONDS: ClassVar[float] = 1.0
    """During a sync, the tree is read again at most this often (as batches land)."""

    _grown_at = 0.0
    _grown_count = -1
    _follow_after_sync = False  # the tree's cursor was on the article shown before a grow

    def sync_now(self) -> None:
        """Sync the sources in the background (the main screen does it)."""
        raise NotImplementedError

    def on_sync_progress(self, message: Any) -> None:
        """A sync reports progress (a ``SyncProgress`` of the main screen's): show the
        articles its committed batches brought (throttled; the cursor and the open groups
        stay), so the user reads meanwhile."""
        done, total = message.done, message.total
        library = self.host.library
        now = time.monotonic()
        if library is None or done >= total or now - self._grown_at < self.GROW_SECONDS:
            return
        self._grown_at = now
        try:
            stats = library.stats()
        except LibraryError:
            return  # the sync's own report will say what went wrong
        if stats.articles == self._grown_count:
            return
        self._grown_count = stats.articles
        tree, shown = self.ward_tree, self.reader.article_id
        on_it = shown is not None and tree.current_article_id == shown
        tree.reload()
        if on_it and tree.current_article_id != shown:  # its file changed: after the sync
            self._follow_after_sync = True
        if self.ward_tree.cursor_node is None and self.ward_tree.root.children:
            self.ward_tree.move_cursor(self.ward_tree.root.children[0])
        self.status.show_library(self.host.library_name, stats,
                                 len(self.host.sources.effective))

    # -- the bookmark's note in the reader -----------------------------------------------
    @on(Reader.Shown)
    def _note_of_shown(self, message: Reader.Shown) -> None:
        store = self.host.bookmarks
        if store is not None:
            self._fetch_note(store, message.article_id)

    @on(BookmarksChanged)
    def _notes_changed(self) -> None:
        store, shown = self.host.bookmarks, self.reader.article_id
        if store is not None and shown is not None:
            self._fetch_note(store, shown)

    @work(thread=True, exclusive=True, group="bookmark-note", exit_on_error=False,
          description="read the bookmark's note")
    def _fetch_note(self, store: BookmarkStore, article_id: str) -> None:
        try:
            bookmark = store.get(article_id)
        except BookmarkError as error:
            self.post_message(Notice(f"The bookmark could not be read: {error}", "warning"))
            return
        self.post_message(self._NoteFound(article_id, bookmark.note if bookmark else None))

    @on(_NoteFound)
    def _note_found(self, message: _NoteFound) -> None:
        self.reader.set_note(message.article_id, message.note)

    @on(SearchResults.Previewed)
    def _preview_result(self, message: SearchResults.Previewed) -> None:
        reader = self.reader
        if message.article_id != reader.requested or reader.search_query != message.query:
            reader.open(message.article_id, message.query)

    @on(Input.Changed, "#search")
    def _unmark(self, message: Input.Changed) -> None:
        if not message.value.strip():
            self.reader.clear_marks()

    @on(SearchResults.Cancelled)
    def _unmark_cancelled(self) -> None:
        self.reader.clear_marks()

    # -- the tree's width --------------------------------------------------------------------
    @on(events.Mount)
    @on(events.Resize)
    def _apply_tree_width(self) -> None:
        """The width the user chose, within what the screen allows."""
        settings = self.host.settings
        if self.ward_tree.order != settings.article_order:
            self.ward_tree.set_order(settings.article_order)
        self.search_pane.by_date = settings.result_order == "date"
        left = self.query_one("#left", ContentSwitcher)
        width = settings.tree_width
        if width is None:  # a third of the screen (the style sheet's), less on a narrow one
            left.styles.width = left.styles.max_width = None
            left.styles.min_width = TREE_MIN if self.size.width < NARROW else None
            return
        width = max(TREE_MIN, min(width, self.size.width - READER_MIN))
        left.styles.width = left.styles.min_width = left.styles.max_width = width

    def action_sort(self) -> None:
        """The next order of the tree's articles, or of the results when they have the focus;
        remembered."""
        settings, pane = self.host.settings, self.search_pane
        if pane.has_focus_within:
            settings.result_order = "relevance" if settings.result_order == "date" else "date"
            pane.by_date = settings.result_order == "date"
            pane.page_offset = 0
            pane.run_search()
            self.host.tell(f"Results by {settings.result_order}.")
        else:
            order = ARTICLE_ORDERS[(ARTICLE_ORDERS.index(settings.article_order) + 1)
                                   % len(ARTICLE_ORDERS)]
            settings.article_order = order
            self.ward_tree.set_order(order)
        self.host.save_settings()

    # -- the tree's width with the mouse: drag the line between the panes ------------------
    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A press on the tree's right edge starts a drag that resizes it."""
        left = self.query_one("#left", ContentSwitcher)
        edge = left.region.right - 1
        if event.button == 1 and edge <= event.screen_x <= edge + 1 and \
                left.region.y <= event.screen_y < left.region.bottom:
            self._dragging_edge = True
            self.capture_mouse()
            event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """While dragging: the tree's right edge follows the pointer."""
        if self._dragging_edge:
            width = max(TREE_MIN, min(event.screen_x + 1, self.size.width - READER_MIN))
            self.host.settings.tree_width = width
            self._apply_tree_width()
            event.stop()

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """The drag ends: the width is remembered."""
        if self._dragging_edge:
            self._dragging_edge = False
            self.capture_mouse(False)
            self.host.save_settings()
            event.stop()

    def action_tree_width(self, delta: int) -> None:
        """Widen (or narrow) the tree by ``delta`` cells, and remember it."""
        left = self.query_one("#left", ContentSwitcher)
        largest = max(TREE_MIN, self.size.width - READER_MIN)
        width = max(TREE_MIN, min(left.outer_size.width + delta, largest))
        if width == left.outer_size.width:
            self.app.bell()
            return
        self.host.settings.tree_width = width
        self.host.save_settings()
        self._apply_tree_width()

    def follow_open_article(self, tree_was_on_it: bool) -> None:
        """After a sync that changed the library: the article shown is read again if its
        file changed (its id changes with its text), and the tree's cursor goes back on it
        if it was there before the sync."""
        reader, library = self.reader, self.host.library
        tree_was_on_it = tree_was_on_it or self._follow_after_sync
        self._follow_after_sync = False
        article = reader.article
        if article is None or library is None:
            return
        try:
            current = (article.id if library.summary(article.id) is not None
                       else library.find_by_source(article.source))
        except LibraryError as error:
            self.host.tell(f"The library cannot be read: {error}", severity="error")
            return
        if current is None:
            self.host.tell(f"“{title(article.title)}” is no longer in the library.",
                           severity="warning")
            return
        if current != article.id:
            reader.open(current, reader.search_query)
        if tree_was_on_it and self.ward_tree.current_article_id != current:
            self.ward_tree.select_article(current)

    def action_sync(self) -> None:
        """Sync the sources, unless a sync runs already."""
        if self.host.library is None:
            self.host.tell("The library is still opening.")
            return
        if any(w.group == "sync" and w.is_running for w in self.workers):
            self.host.tell("A sync is already running.")
            return
        self.sync_now()

    def action_open_source(self, variable: str) -> None:
        """Open the current article's source file in ``$PAGER`` or ``$EDITOR``."""
        article_id = self._current_or_say()
        article = self._article(article_id) if article_id is not None else None
        if article is None:
            return
        path = Path(article.source) if article.source else None
        if path is None or not path.is_file():
            self.host.tell(f"The source file of “{title(article.title)}” is gone: "
                           f"{article.source or 'unknown'}", severity="warning")
            return
        default = "less" if variable == "PAGER" else "vi"
        command = shlex.split(os.environ.get(variable) or default) or [default]
        try:
            with self.app.suspend():
                subprocess.run([*command, str(path)], check=False)
        except OSError as error:  # no such program
            self.host.tell(f"Could not run {command[0]}: {error}", severity="error")
        except SuspendNotSupported:  # a headless or web driver
            self.host.tell("This terminal cannot hand over to another program.",
                           severity="warning")
        self.refresh()
