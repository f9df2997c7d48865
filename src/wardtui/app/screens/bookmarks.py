"""The bookmarks view: every bookmark, newest first, with its ward, date and note.

:class:`BookmarksScreen` is a modal screen over whatever the app shows. Push it
with a callback; it is dismissed with the id of the article to open (``enter``),
or ``None`` (``escape``)::

    def open_bookmark(article_id: str | None) -> None:
        if article_id is not None:
            ...  # show the article

    app.push_screen(BookmarksScreen(store, is_missing=...), open_bookmark)

``d`` removes the highlighted bookmark and ``u`` puts it back (as many levels
as were removed while the view is open); ``m`` edits its note in
:class:`NoteDialog`. A bookmark whose article is not in the library is shown as
missing and cannot be opened, but stays. All text from files and users is shown
as :class:`rich.text.Text`, never parsed as markup.

Every call to the store (and ``is_missing``) runs in a thread worker, one after the
other in the order asked: another process holding the store's lock never freezes
the screen, and a call that waits more than :data:`BUSY_AFTER` seconds says so.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Input, Label, Static

from ...corpus.clean import safe_line
from ...labels import clip
from ...userdata import Bookmark, BookmarkError, BookmarkStore
from .bookmark_rows import bookmark_row, column_widths, detail_text, set_columns

__all__ = ["BUSY", "BUSY_AFTER", "BookmarksScreen", "NoteDialog"]

BUSY_AFTER = 1.0  # seconds a store call may take before the user is told why
BUSY = ("The bookmarks are busy: another wardtui is changing them. "
        "Waiting (the screen still works)…")
Call = tuple[Callable[[], Any], Callable[[Any], None]]  # work for the worker, then for the UI


class NoteDialog(ModalScreen[str | None]):
    """Edit one bookmark's note; dismissed with the new note, or ``None`` when cancelled.

    An empty note clears it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without changing the note"),
    ]

    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > #note-box {
        width: 70; height: auto; padding: 1 2;
        border: thick $primary; background: $surface;
    }
    NoteDialog #note-heading { text-style: bold; }
    NoteDialog #note-title { color: $text-muted; margin-bottom: 1; }
    NoteDialog #note-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    NoteDialog Button { margin-left: 1; }
    """

    def __init__(self, bookmark: Bookmark) -> None:
        super().__init__()
        self.bookmark = bookmark

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Label("Note for the bookmark", id="note-heading")
            yield Label(Text(clip(safe_line(self.bookmark.title), 200)), id="note-title")
            yield Input(value=self.bookmark.note, placeholder="A note (leave empty to clear it)",
                        id="note-input")
            with Horizontal(id="note-buttons"):
                yield Button("Save", variant="primary", id="note-save")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#note-save")
    def save(self) -> None:
        """Dismiss with the note as typed."""
        self.dismiss(self.query_one(Input).value)

    @on(Button.Pressed, "#note-cancel")
    def action_cancel(self) -> None:
        """Dismiss without a note."""
        self.dismiss(None)


class BookmarksScreen(ModalScreen[str | None]):
    """The list of bookmarks; dismissed with the article id to open, or ``None``.

    ``store`` is the user's :class:`~wardtui.userdata.BookmarkStore`;
    ``is_missing(id)`` tells whether an article is absent from the library (by
    default none is), e.g. ``lambda i: library.summary(i) is None``.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", tooltip="Open the highlighted article",
                id="bookmarks.open"),
        Binding("d", "remove", "Remove", tooltip="Remove the highlighted bookmark (u undoes)",
                id="bookmarks.remove"),
        Binding("u", "undo", "Undo", tooltip="Put back the bookmark removed last",
                id="bookmarks.undo"),
        Binding("m", "edit_note", "Note", tooltip="Write or change the bookmark's note",
                id="bookmarks.note"),
        Binding("escape", "close", "Close", tooltip="Back to the library", id="bookmarks.close"),
    ]

    DEFAULT_CSS = """
    BookmarksScreen { align: center middle; }
    BookmarksScreen > #bookmarks-box {
        width: 95%; height: 85%; padding: 0 1;
        border: thick $primary; background: $surface;
    }
    BookmarksScreen #bookmarks-heading { text-style: bold; margin-bottom: 1; }
    BookmarksScreen #bookmarks-table { height: 1fr; }
    BookmarksScreen #bookmarks-detail { height: auto; max-height: 5; padding: 0 1; }
    BookmarksScreen #bookmarks-empty {
        height: 1fr; content-align: center middle; color: $text-muted;
    }
    """

    def __init__(
        self,
        store: BookmarkStore,
        is_missing: Callable[[str], bool] | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.store = store
        self._is_missing = is_missing or (lambda _id: False)
        self._items: dict[str, Bookmark] = {}
        self._missing: set[str] = set()
        self._undo: list[Bookmark] = []
        self._calls: deque[Call] = deque()  # store calls waiting for the one running
        self._current_call = 0  # the number of the call running (0: none)
        self._calls_started = 0
        self._widths: dict[str, int] = {}  # the columns' (see bookmark_rows)

    class _Answer(Message):
        def __init__(self, number: int, done: Callable[[Any], None], result: object,
                     error: BookmarkError | None) -> None:
            super().__init__()
            self.number = number
            self.done = done
            self.result = result
            self.error = error

    # -- the store, in workers ------------------------------------------------
    def _ask(self, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Run ``call()`` in a worker after the calls asked before it; then ``done(result)``
        here (a :class:`BookmarkError` is a notice instead)."""
        self._calls.append((call, done))
        if not self._current_call:
            self._next()

    def _next(self) -> None:
        if not self._calls:
            self._current_call = 0
            return
        call, done = self._calls.popleft()
        self._calls_started += 1
        number = self._current_call = self._calls_started
        self._call(number, call, done)
        self.set_timer(BUSY_AFTER, lambda: self._still_busy(number), name="bookmarks busy")

    def _still_busy(self, number: int) -> None:
        if self._current_call == number:
            self.notify(BUSY, title="Bookmarks", severity="warning", markup=False)

    @work(thread=True, group="bookmarks-list", exit_on_error=False,
          description="read or change the bookmarks")
    def _call(self, number: int, call: Callable[[], Any], done: Callable[[Any], None]) -> None:
        try:
            result = call()
        except BookmarkError as error:
            self.post_message(self._Answer(number, done, None, error))
            return
        self.post_message(self._Answer(number, done, result, None))

    @on(_Answer)
    def _answered(self, message: _Answer) -> None:
        message.stop()
        if message.error is not None:
            self.notify(str(message.error), title="Bookmarks", severity="error", markup=False)
        else:
            message.done(message.result)
        if message.number == self._current_call:
            self._next()

    @property
    def busy(self) -> bool:
        """True while a store call runs or waits (for tests and the app)."""
        return bool(self._current_call or self._calls)

    # -- building ----------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box"):
            yield Label("Bookmarks", id="bookmarks-heading")
            table: DataTable[Text] = DataTable(id="bookmarks-table", cursor_type="row",
                                               zebra_stripes=True)
            yield table
            yield Static(
                "No bookmarks yet. Press b on an article to bookmark it.", id="bookmarks-empty"
            )
            yield Static("", id="bookmarks-detail")  # the title and note, whole
        yield Footer()

    def on_mount(self) -> None:
        self._widths = set_columns(self._table, self.app.size.width)
        self.reload()
        self._table.focus()

    def on_resize(self) -> None:
        """Columns for the new width."""
        if self._widths and column_widths(self.app.size.width) != self._widths:
            self._widths = set_columns(self._table, self.app.size.width)
            self.reload()

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        current = self.current_id
        self.query_one("#bookmarks-detail", Static).update(
            detail_text(self._items.get(current) if current else None))

    @property
    def _table(self) -> DataTable[Text]:
        return self.query_one("#bookmarks-table", DataTable)

    def _row(self, bookmark: Bookmark) -> list[Text]:
        return bookmark_row(bookmark, bookmark.id in self._missing, self._widths)

    def reload(self, keep: str | None = None, index: int | None = None) -> None:
        """Read the bookmarks again (another process may have changed them), in a worker,
        and redraw.

        The cursor stays on ``keep`` (default: the highlighted bookmark), else on
        row ``index``.
        """
        store, is_missing = self.store, self._is_missing

        def read() -> tuple[list[Bookmark], set[str]]:
            items = store.bookmarks()
            return items, {b.id for b in items if is_missing(b.id)}

        def show(found: tuple[list[Bookmark], set[str]]) -> None:
            self._show(*found, keep=keep if keep is not None else self.current_id,
                       index=index)

        self._ask(read, show)

    def _show(self, items: list[Bookmark], gone: set[str], *, keep: str | None,
              index: int | None) -> None:
        table = self._table
        self._items = {b.id: b for b in items}
        self._missing = gone
        table.clear()
        for bookmark in items:
            table.add_row(*self._row(bookmark), key=bookmark.id)
        table.display = bool(items)
        self.query_one("#bookmarks-empty").display = not items
        count = len(items)
        missing = f", {len(self._missing)} missing" if self._missing else ""
        self.query_one("#bookmarks-heading", Label).update(
            f"Bookmarks — {count} article{'s' if count != 1 else ''}{missing}"
            + (" (u: undo)" if self._undo else "")
        )
        if not items:
            return
        if keep in self._items:
            row = table.get_row_index(keep)
        else:
            row = min(index if index is not None else 0, count - 1)
        table.move_cursor(row=row, animate=False)
        self._detail()

    # -- the highlighted bookmark -------------------------------------------
    @property
    def current_id(self) -> str | None:
        """The id of the highlighted bookmark, or ``None`` when the list is empty."""
        table = self._table
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    @property
    def current(self) -> Bookmark | None:
        """The highlighted bookmark."""
        key = self.current_id
        return self._items.get(key) if key is not None else None

    # -- actions -------------------------------------------------------------
    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Dismiss with the highlighted article's id (not for a missing article)."""
        bookmark = self.current
        if bookmark is None:
            return
        if bookmark.id in self._missing:
            self.notify(
                f"“{safe_line(bookmark.title)}” is not in the library any more (its file was "
                "moved away or deleted). The bookmark is kept.",
                title="Missing article", severity="warning", markup=False,
            )
            return
        self.dismiss(bookmark.id)

    def action_remove(self) -> None:
        """Remove the highlighted bookmark; ``u`` puts it back."""
        key = self.current_id
        if key is None:
            return
        index = self._table.cursor_row
        self._table.remove_row(key)  # at once: the next d acts on the next row
        store = self.store

        def removed(bookmark: Bookmark | None) -> None:
            if bookmark is not None:
                self._undo.append(bookmark)
                self.notify(
                    f"Removed “{clip(safe_line(bookmark.title), 80)}”. Press u to undo.",
                    title="Bookmark removed", markup=False,
                )
            self.reload(index=index)

        self._ask(lambda: store.remove(key), removed)

    def action_undo(self) -> None:
        """Put back the bookmark removed last."""
        if not self._undo:
            self.notify("Nothing to undo.", title="Bookmarks", markup=False)
            return
        bookmark = self._undo.pop()
        store = self.store

        def restore() -> bool:
            try:
                store.restore(bookmark)
            except BookmarkError:
                self._undo.append(bookmark)  # (list.append is atomic) u may try again
                raise
            return True

        def restored(_: bool) -> None:
            self.notify(f"Put back “{clip(safe_line(bookmark.title), 80)}”.",
                        title="Bookmarks", markup=False)
            self.reload(keep=bookmark.id)

        self._ask(restore, restored)

    def action_edit_note(self) -> None:
        """Edit the highlighted bookmark's note in a :class:`NoteDialog`."""
        bookmark = self.current
        if bookmark is None:
            return

        def save(note: str | None) -> None:
            if note is None:
                return
            store = self.store

            def saved(done: bool) -> None:
                if not done:
                    self.notify("That bookmark was removed meanwhile.", title="Bookmarks",
                                severity="warning", markup=False)
                self.reload(keep=bookmark.id)

            self._ask(lambda: store.set_note(bookmark.id, note), saved)

        self.app.push_screen(NoteDialog(bookmark), save)

    def action_close(self) -> None:
        """Dismiss without opening anything."""
        self.dismiss(None)
