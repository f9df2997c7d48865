"""More keys of the reading screen: sync, open the source in a pager or an editor.

:class:`UxKeysScreen` sits between :class:`~wardtui.app.screens.read_keys.ReadStateScreen`
and the main screen. ``r`` syncs the sources (the palette's "Sync the sources"),
``o`` opens the current article's source file in ``$PAGER`` (``less`` if unset)
and ``E`` in ``$EDITOR`` (``vi``), the app suspended meanwhile (Textual's
``App.suspend``) and back at the same place afterwards; a source file that is gone
is a notice. Moving in the search results shows the result in the reader (as the
tree's cursor does), and clearing the search takes the marks off the article shown.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.widgets import Input

from ...labels import title
from ...library import LibraryError
from ..widgets.results import SearchResults
from .read_keys import ReadStateScreen

__all__ = ["UxKeysScreen"]


class UxKeysScreen(ReadStateScreen):
    """Sync, pager and editor keys; see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "sync", "Sync", show=False,
                tooltip="Sync the sources: read new and changed files again", id="main.sync"),
        Binding("o", "open_source('PAGER')", "Pager", show=False,
                tooltip="Open the article's source file in $PAGER (less)", id="main.pager"),
        Binding("E", "open_source('EDITOR')", "Editor", show=False,
                tooltip="Open the article's source file in $EDITOR (vi)", id="main.editor"),
    ]

    def sync_now(self) -> None:
        """Sync the sources in the background (the main screen does it)."""
        raise NotImplementedError

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

    def follow_open_article(self, tree_was_on_it: bool) -> None:
        """After a sync that changed the library: the article shown is read again if its
        file changed (its id changes with its text), and the tree's cursor goes back on it
        if it was there before the sync."""
        reader, library = self.reader, self.host.library
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
