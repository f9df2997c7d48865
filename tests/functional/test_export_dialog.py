"""The export dialogs, driven with Pilot in a tiny harness app."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, RadioButton, Static

from wardtui import paths
from wardtui.app.screens.export_dialog import ConfirmOverwrite, ExportDialog, ExportManyDialog
from wardtui.corpus.model import Article, Paragraph
from wardtui.export import ExportReport, Missing, to_md, to_txt

NAME = "my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang"


class Harness(App[None]):
    """Pushes one screen on mount and records what it is dismissed with."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.screen_under_test = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.screen_under_test, self.results.append)

    def messages(self) -> list[str]:
        return [n.message for n in self._notifications]


def run(app: Harness, scenario: Callable[[Pilot[None]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


def make(title: str = "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023",
         article_id: str = "4bc50b54b5") -> Article:
    return Article(
        id=article_id, title=title, ward="Mỹ Long", unit="phường", date="2023-06-28",
        paragraphs=(Paragraph("Nội dung."), Paragraph("Ảnh hội nghị.", "caption")),
        source="/c/001.txt",
    )


def error_text(dialog: Screen[Any]) -> str:
    return str(dialog.query_one("#export-error", Static).render())


async def set_value(pilot: Pilot[None], dialog: Screen[Any], selector: str, value: str) -> None:
    dialog.query_one(selector, Input).value = value
    await pilot.pause()


def test_proposes_last_folder_and_name_then_writes(tmp_path: Path) -> None:
    dialog = ExportDialog(make(), folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        assert dialog.query_one("#export-folder", Input).value == str(tmp_path)
        assert dialog.query_one("#export-name", Input).value == f"{NAME}.txt"
        assert dialog.query_one("#format-txt", RadioButton).value
        await pilot.press("enter")  # the file name has the focus
        await pilot.pause()
        target = tmp_path / f"{NAME}.txt"
        assert app.results == [target]
        assert target.read_text(encoding="utf-8") == to_txt(make())
        assert f"Exported to {target}" in app.messages()

    run(app, scenario)


def test_default_folder_is_documents_else_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(paths, "documents_dir", lambda: docs)
    dialog = ExportDialog(make(), folder=tmp_path / "gone")
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        assert dialog.query_one("#export-folder", Input).value == str(docs)

    run(app, scenario)


def test_format_choice_changes_extension_and_content(tmp_path: Path) -> None:
    dialog = ExportDialog(make(), folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.click("#format-md")
        await pilot.pause()
        assert dialog.query_one("#export-name", Input).value == f"{NAME}.md"
        await pilot.click("#export-ok")
        await pilot.pause()
        assert app.results == [tmp_path / f"{NAME}.md"]
        assert (tmp_path / f"{NAME}.md").read_text(encoding="utf-8") == to_md(make())

    run(app, scenario)


def test_errors_are_shown_inside_the_dialog(tmp_path: Path) -> None:
    dialog = ExportDialog(make(), folder=tmp_path)
    app = Harness(dialog)
    (tmp_path / "a-file").write_text("x")

    async def scenario(pilot: Pilot[None]) -> None:
        cases = [
            ("#export-folder", str(tmp_path / "missing"), "does not exist"),
            ("#export-folder", str(tmp_path / "a-file"), "is not a folder"),
            ("#export-folder", "", "Type the folder"),
            ("#export-name", "../escape.txt", "path separator"),
            ("#export-name", ".hidden.txt", "cannot start with a dot"),
            ("#export-name", "", "Type a file name"),
        ]
        for selector, value, message in cases:
            await set_value(pilot, dialog, "#export-folder", str(tmp_path))
            await set_value(pilot, dialog, "#export-name", f"{NAME}.txt")
            await set_value(pilot, dialog, selector, value)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert message in error_text(dialog), (value, error_text(dialog))
            assert app.screen is dialog and app.results == []
        await set_value(pilot, dialog, "#export-folder", f"{tmp_path}/")
        assert error_text(dialog) == ""  # typing clears the message
        assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]

    run(app, scenario)


def test_markup_in_the_title_shows_literally(tmp_path: Path) -> None:
    dialog = ExportDialog(make("[bold]Tiêu đề[/bold] [link=x]"), folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        assert "[bold]Tiêu" in app.export_screenshot()

    run(app, scenario)


def test_overwrite_needs_confirmation(tmp_path: Path) -> None:
    target = tmp_path / f"{NAME}.txt"
    target.write_text("mine", encoding="utf-8")
    dialog = ExportDialog(make(), folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert app.screen is dialog and app.results == []
        assert target.read_text(encoding="utf-8") == "mine"
        assert "was kept" in error_text(dialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("escape")  # escape keeps it too
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # replace
        await pilot.pause()
        assert app.results == [target]
        assert target.read_text(encoding="utf-8") == to_txt(make())

    run(app, scenario)


def test_overwriting_a_symlink_replaces_the_link_only(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch", encoding="utf-8")
    link = tmp_path / f"{NAME}.txt"
    link.symlink_to(precious)
    dialog = ExportDialog(make(), folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmOverwrite)
        assert "It is a link" in str(confirm.query_one("#confirm-message", Static).render())
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.results == [link]

    run(app, scenario)
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == to_txt(make())
    assert precious.read_text(encoding="utf-8") == "do not touch"


def test_unwritable_folder_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = ExportDialog(make(), folder=tmp_path)
    app = Harness(dialog)
    monkeypatch.setattr("wardtui.app.screens.export_dialog.os.access", lambda *_a, **_k: False)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        assert "is not writable" in error_text(dialog)
        assert app.results == []

    run(app, scenario)


def test_export_many(tmp_path: Path) -> None:
    one, two = make(), make("Bài khác", "1234567890")
    (tmp_path / f"{NAME}.txt").write_text("mine", encoding="utf-8")
    dialog = ExportManyDialog([one, Missing("deadbeef00", "Đã mất"), two], folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmOverwrite)
        await pilot.press("n")
        await pilot.pause()
        (report,) = app.results
        assert isinstance(report, ExportReport)
        assert [p.name for p in report.written] == ["my-long_2023-06-28_bai-khac.txt"]
        assert len(report.existing) == 1 and len(report.missing) == 1
        assert (tmp_path / f"{NAME}.txt").read_text(encoding="utf-8") == "mine"
        assert any("1 missing" in m for m in app.messages())

    run(app, scenario)


def test_export_many_replacing(tmp_path: Path) -> None:
    (tmp_path / f"{NAME}.txt").write_text("mine", encoding="utf-8")
    dialog = ExportManyDialog([make()], folder=tmp_path)
    app = Harness(dialog)

    async def scenario(pilot: Pilot[None]) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        (report,) = app.results
        assert isinstance(report, ExportReport) and report.complete

    run(app, scenario)
    assert (tmp_path / f"{NAME}.txt").read_text(encoding="utf-8") == to_txt(make())


def test_every_binding_has_a_description() -> None:
    for screen_class in (ExportDialog, ExportManyDialog, ConfirmOverwrite):
        for binding in screen_class.BINDINGS:
            assert binding.description, binding  # type: ignore[union-attr]
