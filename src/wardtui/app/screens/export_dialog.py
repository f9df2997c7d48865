"""Export dialogs: one article to a file, or every bookmarked article into a folder.

:class:`ExportDialog` proposes a folder (the last one used, else Documents,
else the working directory: :func:`wardtui.export.default_folder`) and a file
name (:func:`wardtui.export.proposed_name`), with a choice of format. It checks
what was typed and shows problems inside the dialog; a file that exists is
replaced only after :class:`ConfirmOverwrite` says so. On success it notifies
the full path and is dismissed with it (``None`` when cancelled)::

    def exported(path: Path | None) -> None:
        if path is not None:
            settings.export_dir = str(path.parent)
            settings.save()

    app.push_screen(ExportDialog(article, folder=settings.export_dir), exported)

:class:`ExportManyDialog` does the same for many articles (one file each, via
:func:`wardtui.export.export_many`) and is dismissed with the
:class:`~wardtui.export.ExportReport`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from ...corpus import Article
from ...corpus.clean import safe_line
from ...export import (
    FORMATS,
    ExportError,
    ExportExists,
    ExportReport,
    Format,
    Missing,
    check_name,
    default_folder,
    export_many,
    proposed_name,
    with_format,
    write_export,
)
from ...labels import sentence
from ..widgets.clean_input import CleanInput

__all__ = ["ConfirmOverwrite", "ExportDialog", "ExportManyDialog"]

_Result = TypeVar("_Result")

_FORMAT_LABELS: dict[Format, str] = {
    "txt": "txt — plain text", "md": "md — Markdown", "json": "json — JSON",
}

_DIALOG_CSS = """
{cls} {{ align: center middle; }}
{cls} > .dialog-box {{
    width: 84; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
    border: thick $primary; background: $surface; overflow-y: auto;
}}
{cls} .dialog-heading {{ text-style: bold; }}
{cls} .dialog-subject {{ color: $text-muted; margin-bottom: 1; }}
{cls} .field-label {{ margin-top: 1; }}
{cls} RadioSet {{ layout: horizontal; height: auto; width: auto; }}
{cls} .dialog-error {{ color: $error; margin-top: 1; height: auto; }}
{cls} .dialog-buttons {{ height: auto; margin-top: 1; align-horizontal: right;
                        dock: bottom; }}  /* on screen however short the terminal */
{cls} Button {{ margin-left: 1; }}
"""


UNSAFE_NAME = ("The file name contains a control, direction or invisible character; "
               "type the name again without it.")


def _check_folder(raw: str) -> tuple[Path | None, str | None]:
    """The folder typed, made absolute, or why it cannot be used."""
    raw = raw.strip()
    if not raw:
        return None, "Type the folder to export into."
    folder = Path(raw).expanduser().absolute()
    if not folder.exists():
        return None, f"The folder {folder} does not exist."
    if not folder.is_dir():
        return None, f"{folder} is not a folder."
    if not os.access(folder, os.W_OK | os.X_OK):
        return None, f"The folder {folder} is not writable; choose another."
    return folder, None


class ConfirmOverwrite(ModalScreen[bool]):
    """Ask before replacing an existing file; dismissed with ``True`` to replace it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Replace", tooltip="Replace the existing file"),
        Binding("n", "cancel", "Keep", tooltip="Keep the existing file and go back"),
        Binding("escape", "cancel", "Keep", show=False, tooltip="Keep the existing file"),
    ]

    DEFAULT_CSS = _DIALOG_CSS.format(cls="ConfirmOverwrite")

    def __init__(self, path: Path, *, count: int = 1) -> None:
        super().__init__()
        self.path = path
        self.count = count

    def compose(self) -> ComposeResult:
        if self.count > 1:
            message = f"{self.count} files already exist in {self.path}. Replace them?"
        else:
            message = f"{self.path.name} already exists in {self.path.parent}. Replace it?"
            if self.path.is_symlink():
                message += " (It is a link: the link is replaced, not the file it points to.)"
        with Vertical(classes="dialog-box"):
            yield Label("Replace the existing file?" if self.count == 1 else
                        "Replace the existing files?", classes="dialog-heading")
            yield Static(Text(safe_line(message)), id="confirm-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Replace (y)", variant="error", id="confirm-yes")
                yield Button("Keep (n)", variant="primary", id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def action_confirm(self) -> None:
        """Replace."""
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        """Keep."""
        self.dismiss(False)


class _FolderAndFormat(ModalScreen[_Result]):
    """What both export dialogs share: the folder input, the format choice, the error line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", tooltip="Close without exporting"),
        Binding("ctrl+s", "export", "Export", tooltip="Export with these settings"),
    ]

    def __init__(self, folder: str | Path | None, fmt: Format) -> None:
        super().__init__()
        self.folder = default_folder(folder)
        self.fmt: Format = fmt

    def _folder_fields(self) -> ComposeResult:
        yield Label("Folder", classes="field-label")
        yield CleanInput(value=str(self.folder), id="export-folder")

    def _format_fields(self) -> ComposeResult:
        yield Label("Format", classes="field-label")
        with RadioSet(id="export-format"):
            for fmt in FORMATS:
                yield RadioButton(_FORMAT_LABELS[fmt], value=fmt == self.fmt, id=f"format-{fmt}")

    def _closing_fields(self) -> ComposeResult:
        yield Static("", id="export-error", classes="dialog-error")
        with Horizontal(classes="dialog-buttons"):
            yield Button("Export", variant="primary", id="export-ok")
            yield Button("Cancel", id="export-cancel")

    def show_error(self, message: str) -> None:
        """Show ``message`` inside the dialog (plain text, never markup)."""
        self.query_one("#export-error", Static).update(Text(safe_line(message)))

    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        button_id = event.pressed.id or ""
        for fmt in FORMATS:
            if button_id == f"format-{fmt}" and fmt != self.fmt:
                self.fmt = fmt
                self.format_changed()

    def format_changed(self) -> None:
        """Called when another format is chosen."""

    @on(Input.Changed)
    def _typed(self) -> None:
        self.show_error("")

    @on(Input.Submitted)
    @on(Button.Pressed, "#export-ok")
    def _submit(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        """Check what was typed and export (overridden)."""

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)


class ExportDialog(_FolderAndFormat[Path | None]):
    """Export one article; dismissed with the path written, or ``None`` when cancelled.

    ``folder`` is the folder used last (``Settings.export_dir``), if any; ``fmt``
    the format chosen first.
    """

    DEFAULT_CSS = _DIALOG_CSS.format(cls="ExportDialog")

    def __init__(
        self, article: Article, *, folder: str | Path | None = None, fmt: Format = "txt"
    ) -> None:
        super().__init__(folder, fmt)
        self.article = article

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("Export the article", classes="dialog-heading")
            yield Label(Text(safe_line(self.article.title)), classes="dialog-subject")
            yield from self._folder_fields()
            yield Label("File name", classes="field-label")
            yield CleanInput(value=proposed_name(self.article, self.fmt), id="export-name")
            yield from self._format_fields()
            yield from self._closing_fields()

    def on_mount(self) -> None:
        self.query_one("#export-name", Input).focus()

    def format_changed(self) -> None:
        """Give the file name the new format's extension."""
        name = self.query_one("#export-name", Input)
        name.value = with_format(name.value.strip() or proposed_name(self.article, self.fmt),
                                 self.fmt)

    def target(self) -> tuple[Path | None, str | None]:
        """The file to write, or why what was typed cannot be used."""
        folder, problem = _check_folder(self.query_one("#export-folder", Input).value)
        if folder is None:
            return None, problem
        name = self.query_one("#export-name", Input).value
        problem = UNSAFE_NAME if safe_line(name) != name else check_name(name)
        if problem is not None:
            return None, problem
        target = folder / name
        if target.is_dir() and not target.is_symlink():
            return None, f"{target} is a folder; choose another file name."
        return target, None

    def action_export(self) -> None:
        """Write the file; ask first if it exists."""
        target, problem = self.target()
        if target is None:
            self.show_error(problem or "Cannot export there.")
            return
        if os.path.lexists(target):
            self._confirm(target)
            return
        self._write(target, force=False)

    def _confirm(self, target: Path) -> None:
        def answered(replace: bool | None) -> None:
            if replace:
                self._write(target, force=True)
            else:
                self.show_error(f"{target.name} exists and was kept; choose another name.")

        self.app.push_screen(ConfirmOverwrite(target), answered)

    def _write(self, target: Path, *, force: bool) -> None:
        try:
            written = write_export(self.article, target, self.fmt, force=force)
        except ExportExists:  # appeared meanwhile
            self._confirm(target)
            return
        except ExportError as error:
            self.show_error(sentence(str(error), stop=True))
            return
        self.app.notify(safe_line(f"Exported to {written}"), title="Export", markup=False)
        self.dismiss(written)


class ExportManyDialog(_FolderAndFormat[ExportReport | None]):
    """Export many articles into one folder; dismissed with the report, or ``None``.

    ``articles`` are articles or :class:`~wardtui.export.Missing` placeholders
    (e.g. ``BookmarkStore.articles(library)``). Files that exist are replaced
    only after :class:`ConfirmOverwrite`; missing articles are reported.
    """

    DEFAULT_CSS = _DIALOG_CSS.format(cls="ExportManyDialog")

    def __init__(
        self,
        articles: Sequence[Article | Missing],
        *,
        folder: str | Path | None = None,
        fmt: Format = "txt",
        heading: str = "Export the bookmarked articles",
    ) -> None:
        super().__init__(folder, fmt)
        self.articles = list(articles)
        self.heading = heading

    def compose(self) -> ComposeResult:
        count = sum(1 for a in self.articles if not isinstance(a, Missing))
        missing = len(self.articles) - count
        subject = f"{count} article{'s' if count != 1 else ''}, one file each"
        if missing:
            subject += f" ({missing} missing from the library will be skipped)"
        with Vertical(classes="dialog-box"):
            yield Label(Text(self.heading), classes="dialog-heading")
            yield Label(subject, classes="dialog-subject")
            yield from self._folder_fields()
            yield from self._format_fields()
            yield from self._closing_fields()

    def on_mount(self) -> None:
        self.query_one("#export-folder", Input).focus()

    def action_export(self) -> None:
        """Write the files; ask before replacing any that exist."""
        folder, problem = _check_folder(self.query_one("#export-folder", Input).value)
        if folder is None:
            self.show_error(problem or "Cannot export there.")
            return
        try:
            report = export_many(self.articles, folder, self.fmt)
        except ExportError as error:
            self.show_error(sentence(str(error), stop=True))
            return
        if not report.existing:
            self._done(report)
            return

        def answered(replace: bool | None) -> None:
            if not replace:
                self._done(report)
                return
            try:
                again = export_many(self.articles, folder, self.fmt, overwrite=True)
            except ExportError as error:
                self.show_error(sentence(str(error), stop=True))
                return
            self._done(again)

        self.app.push_screen(ConfirmOverwrite(folder, count=len(report.existing)), answered)

    def _done(self, report: ExportReport) -> None:
        self.app.notify(safe_line(sentence(report.summary(), stop=True)), title="Export",
                        severity="information" if report.complete else "warning", markup=False)
        self.dismiss(report)
