"""The footer: the keys that fit, the most important first, never a key cut in half.

Textual's :class:`~textual.widgets.Footer` gives every shown binding an equal
column, so on a narrow terminal each is squeezed to a stray letter and the app's
own keys (quit, help), listed last, fall off. :class:`KeyFooter` shows the keys
in the order of :data:`FIRST` (quit, help, copy…) then the others as the panes
list them, as many as fit whole in its width; the help screen (``?``) lists every
key.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

__all__ = ["FIRST", "KeyFooter"]

FIRST = ("quit", "help", "copy_article", "focus_search")  # actions shown before the others


class KeyFooter(Footer):
    """A compact footer of whole keys; see the module docstring."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=False)
        self._composed_width = -1

    def compose(self) -> ComposeResult:
        """The keys that fit, most important first."""
        if not self._bindings_ready:
            return
        chosen: dict[str, tuple[str, str, str, bool, str]] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in chosen:
                chosen[binding.action] = (binding.key, self.app.get_key_display(binding),
                                          binding.description, enabled, tooltip)
        ranked = sorted(chosen.items(), key=lambda item: (
            FIRST.index(item[0]) if item[0] in FIRST else len(FIRST)))
        room = self.size.width or self.app.size.width
        self._composed_width = room
        keys = []
        for action, (key, display, description, enabled, tooltip) in ranked:
            cells = len(display) + 1 + len(description) + 1  # "q Quit" and a space after
            if cells > room:
                break
            room -= cells
            footer_key = FooterKey(key, display, description, action, disabled=not enabled,
                                   tooltip=tooltip,  # styled once, not again:
                                   classes="-compact" if self.compact else "")
            # Set, not data_bind(compact=Footer.compact): a binding's watcher stays on this
            # footer until its compact changes (never), holding every key of every
            # recompose (each focus change): ~80 widgets a search, never freed.
            footer_key.set_reactive(FooterKey.compact, self.compact)
            keys.append(footer_key)
        yield from keys

    def on_resize(self, event: events.Resize) -> None:
        """Choose the keys again for the new width."""
        if event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
