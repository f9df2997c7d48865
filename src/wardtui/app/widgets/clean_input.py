"""An ``Input`` that keeps one clean line: what is typed or pasted loses its controls.

Every edit (a key, a paste) passes through :func:`~wardtui.corpus.clean.safe_line`:
escape sequences, control, direction (bidi) and invisible characters are dropped,
tabs and newlines become spaces. Used where a name is typed that later reaches the
terminal or the file system (the export dialogs' file name and folder).
"""

from __future__ import annotations

from textual.widgets import Input

from ...corpus.clean import safe_line

__all__ = ["CleanInput"]


class CleanInput(Input):
    """An ``Input`` whose text is always one clean line."""

    def replace(self, text: str, start: int, end: int) -> None:
        """Every edit of the text, cleaned first."""
        super().replace(safe_line(text), start, end)
