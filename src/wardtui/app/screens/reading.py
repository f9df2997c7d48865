"""The reading screen's panes, and the article that the keys ``b``, ``B``, ``e``, ``c`` act on.

:class:`ReadingScreen` is the base of :class:`~wardtui.app.screens.main.MainScreen`:
it finds the panes (tree, reader, search pane, status line), opens an article in
the reader (:meth:`ReadingScreen.open_article`), and implements the actions on
*the current article*: the one under the search results' cursor when they have
the focus, the one shown when the reader has it, else the tree's. Bookmarking
goes to the app's store (in a worker); export and copy call the small functions
of :mod:`wardtui.export` and the export dialog. The keys themselves are bound in
``MainScreen.BINDINGS``.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from textual.screen import Screen

from ...corpus import Article
from ...labels import title
from ...library import LibraryError
from ...search import Query
from ...userdata import ArticleLike
from ..catalog import article_key
from ..context import Host
from ..widgets.reader import Reader
from ..widgets.search_pane import SearchPane
from ..widgets.status import StatusBar
from ..widgets.ward_tree import WardTree

__all__ = ["ReadingScreen"]


class ReadingScreen(Screen[None]):
    """The panes of the reading screen and the actions on the current article."""

    @property
    def host(self) -> Host:
        """The app, with its library, sources, settings and bookmarks."""
        return cast(Host, self.app)

    @property
    def ward_tree(self) -> WardTree:
        """The library tree."""
        return self.query_one("#tree", WardTree)

    @property
    def reader(self) -> Reader:
        """The reader."""
        return self.query_one("#reader", Reader)

    @property
    def search_pane(self) -> SearchPane:
        """The search results, in the tree's place while there is a query."""
        return self.query_one(SearchPane)

    @property
    def status(self) -> StatusBar:
        """The status line."""
        return self.query_one("#status", StatusBar)

    def open_article(self, article_id: str, query: Query | None = None) -> None:
        """Read ``article_id`` (found in the tree too), its matches of ``query`` marked."""
        if self.ward_tree.current_article_id != article_id:
            self.ward_tree.select_article(article_id)
        self.reader.open(article_id, query)
        self.reader.focus()

    # -- the current article -----------------------------------------------------------
    def current_article_id(self) -> str | None:
        """The article ``b``, ``e`` and ``c`` act on (see the module docstring)."""
        tree, reader, pane = self.ward_tree, self.reader, self.search_pane
        if pane.has_focus_within:
            return pane.current_result_id()
        if self.focused is reader:
            return reader.article_id
        if self.focused is tree:
            return tree.current_article_id
        return tree.current_article_id or reader.article_id

    def _current_or_say(self) -> str | None:
        article_id = self.current_article_id()
        if article_id is None:
            self.host.tell("No article is open." if self.focused is self.reader
                           else "Move the cursor to an article first.")
        return article_id

    def _known(self, article_id: str) -> ArticleLike | None:
        """What a bookmark needs of the article, if a pane shows it (else ``None``)."""
        article = self.reader.article
        if article is not None and article.id == article_id:
            return article
        node = self.ward_tree.node_for(article_key(article_id))
        if node is not None and node.data is not None and node.data.summary is not None:
            return node.data.summary
        result = self.search_pane.results.highlighted_result
        return result.summary if result is not None and result.id == article_id else None

    def _article(self, article_id: str) -> Article | None:
        """The whole article: the one in the reader, or else from the library."""
        article = self.reader.article
        if article is not None and article.id == article_id:
            return article
        host = self.host
        if host.library is None:
            host.tell("The library is still opening.")
            return None
        try:
            found = host.library.get(article_id)
        except LibraryError as error:
            host.tell(f"The library cannot be read: {error}", severity="error")
            return None
        if found is None:
            host.tell("This article is no longer in the library.", severity="warning")
        return found

    # -- actions -----------------------------------------------------------------------
    def action_toggle_bookmark(self) -> None:
        """Bookmark the current article, or remove its bookmark."""
        article_id = self._current_or_say()
        if article_id is not None:
            self.toggle_bookmark(article_id)

    def toggle_bookmark(self, article_id: str) -> None:
        """Bookmark ``article_id`` or remove its bookmark (the app's store, in a worker)."""
        self.host.toggle_bookmark(article_id, self._known(article_id))

    def action_bookmarks(self) -> None:
        """Open the list of bookmarks; the article chosen there opens in the reader."""
        host = self.host
        store = host.ready_store()
        if store is None:
            return
        library = host.library

        def is_missing(article_id: str) -> bool:  # called in the screen's worker
            if library is None:
                return False
            try:
                with library.reopen() as own:  # a connection of the worker's own
                    return own.summary(article_id) is None
            except LibraryError:  # not knowing is not missing
                return False

        def chosen(article_id: str | None) -> None:
            host.refresh_bookmarks()  # bookmarks may have been removed or put back there
            if article_id is None:
                return
            if host.library is None:
                host.tell("The library is still opening.")
                return
            self.open_article(article_id)

        from .bookmarks import BookmarksScreen  # (imported when first used: not at launch)

        self.app.push_screen(BookmarksScreen(store, is_missing=is_missing), chosen)

    def action_export_article(self) -> None:
        """Export the current article in the export dialog; remember the folder used."""
        article_id = self._current_or_say()
        article = self._article(article_id) if article_id is not None else None
        if article is None:
            return

        def exported(path: Path | None) -> None:
            if path is not None:
                self.host.remember_export_folder(path.parent)

        from .export_dialog import ExportDialog  # (imported when first used: not at launch)

        self.app.push_screen(ExportDialog(article, folder=self.host.settings.export_dir),
                             exported)

    def action_copy_article(self) -> None:
        """Copy the current article's text (as the ``txt`` export) to the clipboard."""
        article_id = self._current_or_say()
        article = self._article(article_id) if article_id is not None else None
        if article is not None:
            from ...export import to_txt

            self.app.copy_to_clipboard(to_txt(article))
            self.host.tell(f"Copied to the clipboard: {title(article.title)}")
