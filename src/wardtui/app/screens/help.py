"""The help screen: every key of every pane, built from the bindings themselves, and
notes the width of the screen below them (the search query language)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_WIDTH = 12


@dataclass(frozen=True, slots=True)
class HelpSection:
    """One pane's keys: ``(keys as shown, what they do)`` pairs."""

    title: str
    keys: Sequence[tuple[str, str]]

    def render(self) -> Table:
        """The section as a two-column table (the title as its caption line)."""
        table = Table.grid(padding=(0, 1))
        table.add_column(width=KEY_WIDTH, no_wrap=True, style="bold")
        table.add_column(ratio=1)
        table.add_row(Text(self.title, style="bold underline"), Text(""))
        for keys, description in self.keys:
            table.add_row(Text(keys), Text(description))
        return table


@dataclass(frozen=True, slots=True)
class HelpNote:
    """A titled block of plain text, shown across the screen below the keys."""

    title: str
    text: str

    def render(self) -> Text:
        """The title, then the text (never read as markup)."""
        note = Text(self.title, style="bold underline")
        note.append("\n")
        note.append(self.text)
        return note


class HelpScreen(ModalScreen[None]):
    """A modal list of the keys; any of ``escape``, ``q``, ``?``, ``f1`` closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > #help {
            width: 116;
            max-width: 100%;
            height: auto;
            max-height: 100%;
            border: round $accent;
            border-title-color: $text-accent;
            border-subtitle-color: $text-muted;
            background: $surface;
            padding: 0 1;
        }
        & #help-columns { height: auto; }
        & .help-column { width: 1fr; height: auto; }
        & .help-section { margin: 1 1 0 1; height: auto; }
        & .help-section.-title { color: $text-accent; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", key_display="esc",
                tooltip="Close the help", id="help.close"),
        Binding("down,j", "scroll('down')", "Down", show=False, id="help.down"),
        Binding("up,k", "scroll('up')", "Up", show=False, id="help.up"),
    ]

    def __init__(self, sections: Sequence[HelpSection], notes: Sequence[HelpNote] = ()
                 ) -> None:
        super().__init__()
        self.sections = list(sections)
        self.notes = list(notes)

    def compose(self) -> ComposeResult:
        """Two columns of sections, in the order given."""
        half = (len(self.sections) + 1) // 2
        with VerticalScroll(id="help") as box:
            box.border_title = "wardtui — keys"
            box.border_subtitle = "esc, q or ? to close"
            with Horizontal(id="help-columns"):
                for part in (self.sections[:half], self.sections[half:]):
                    with Vertical(classes="help-column"):
                        for section in part:
                            yield Static(section.render(), classes="help-section")
            for note in self.notes:
                yield Static(note.render(), classes="help-section help-note")

    async def action_dismiss(self, result: None = None) -> None:
        """Close the help."""
        self.dismiss(result)

    def action_scroll(self, direction: str) -> None:
        """Scroll the list of keys."""
        box = self.query_one("#help", VerticalScroll)
        if direction == "down":
            box.scroll_down()
        else:
            box.scroll_up()


KeyDisplay = Callable[[Binding], str]


def binding_keys(binding: Binding, key_display: KeyDisplay) -> str:
    """How the keys of ``binding`` read: ``↓ j``; ``key_display`` formats one key."""
    keys = [k.strip() for k in binding.key.split(",")]
    shown = []
    for index, key in enumerate(keys):
        if index == 0 and binding.key_display:
            shown.append(binding.key_display)
        else:
            shown.append(key_display(binding.with_key(key)))
    return " ".join(shown)


def section(title: str, bindings: Sequence[BindingType], key_display: KeyDisplay,
            extra: Sequence[tuple[str, str]] = ()) -> HelpSection:
    """A help section from a pane's ``BINDINGS`` (tooltips read better than descriptions)."""
    rows = [
        (binding_keys(b, key_display), b.tooltip or b.description)
        for b in bindings
        if isinstance(b, Binding)
    ]
    return HelpSection(title, [*rows, *extra])
