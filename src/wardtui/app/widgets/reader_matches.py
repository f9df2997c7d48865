"""The reader's steps through the matches of a search: ``n`` and ``N``.

:class:`MatchSteps` is a base of :class:`~wardtui.app.widgets.reader.Reader`: the
lines holding a match are :attr:`MatchSteps.match_lines` (the reader finds them
when it lays the article out); ``n`` / ``N`` scroll the next or previous one to the
top, say ``Match 3 of 12``, and the match reached is painted in the reader's
``reader--current`` style.
"""

from __future__ import annotations

from textual.scroll_view import ScrollView
from textual.strip import Strip

__all__ = ["MatchSteps"]


class MatchSteps(ScrollView):
    """``n`` / ``N`` over :attr:`match_lines`; see the module docstring."""

    match_lines: list[int]
    current_match: int | None
    _strips: dict[int, Strip]

    # -- actions -----------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Match keys only when there are matches (else hidden)."""
        if action in ("next_match", "previous_match"):
            return bool(self.match_lines)
        return True

    def action_next_match(self) -> None:
        """Scroll so the next line holding a match is at the top (after the last: the first)."""
        lines = self.match_lines
        if not lines:
            return
        if self.current_match is None:
            below = [i for i, y in enumerate(lines) if y > self.scroll_offset.y]
            if not below:
                return
            index = below[0]
        else:
            index = (self.current_match + 1) % len(lines)
        self._go_to_match(index)

    def action_previous_match(self) -> None:
        """Scroll so the previous line holding a match is at the top (before the first:
        the last)."""
        lines = self.match_lines
        if not lines:
            return
        if self.current_match is None:
            above = [i for i, y in enumerate(lines) if y < self.scroll_offset.y]
            if not above:
                return
            index = above[-1]
        else:
            index = (self.current_match - 1) % len(lines)
        self._go_to_match(index)

    def _go_to_match(self, index: int) -> None:
        before = self.current_match_line
        self.current_match = index
        for line in (before, self.match_lines[index]):
            if line is not None:
                self._strips.pop(line, None)
        self.scroll_to(y=self.match_lines[index], animate=False)
        self.refresh()
        self.notify(self.match_status, timeout=2, markup=False)

    @property
    def match_status(self) -> str:
        """``match 3 of 12`` (the lines holding a match), or nothing."""
        if self.current_match is None or not self.match_lines:
            return ""
        return f"Match {self.current_match + 1} of {len(self.match_lines)}"

    @property
    def current_match_line(self) -> int | None:
        """The line of the match ``n`` / ``N`` last reached (or the article opened at)."""
        if self.current_match is None or self.current_match >= len(self.match_lines):
            return None
        return self.match_lines[self.current_match]
