"""The lines of a long article, wrapped block by block when they are painted.

Wrapping a very long article (a million short paragraphs) into ``rich.text.Text``
lines would hold every line in memory. :func:`lay_out_lazily` runs once in a worker:
it wraps each block only to count its lines (and note the lines that hold a search
match), keeping one integer per block. :class:`LazyLines` then gives the reader the
line it asks for, wrapping just that block again (a small LRU of blocks), so what is
in memory and what the UI thread wraps is what is on screen. Uses rich; knows
nothing of Textual.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from typing import overload

from rich.console import Console
from rich.style import Style
from rich.text import Text

from .article_text import Block

CACHED_BLOCKS = 256  # wrapped blocks kept: a few screens of short paragraphs
CHECK_EVERY = 1000  # blocks between two looks at the worker's cancellation

_BLANK = Text("")


def _block_lines(blocks: Sequence[Block], index: int, console: Console,
                 width: int) -> list[Text | None]:
    """Block ``index`` wrapped to ``width``, after the blank line that parts it from the
    one before (``None`` stands for a rule)."""
    lines: list[Text | None] = [_BLANK] if index else []
    block = blocks[index]
    if block is None:
        lines.append(None)
    else:
        lines.extend(block.wrap(console, width, overflow="fold"))
    return lines


class LazyLines(Sequence["Text | None"]):
    """The wrapped lines of ``blocks``; ``starts[i]`` is the first line of block ``i``."""

    def __init__(self, blocks: Sequence[Block], console: Console, width: int,
                 starts: list[int], total: int) -> None:
        self._blocks = blocks
        self._console = console
        self._width = width
        self._starts = starts
        self._total = total
        self._cache: OrderedDict[int, list[Text | None]] = OrderedDict()

    def __len__(self) -> int:
        return self._total

    def _line(self, index: int) -> Text | None:
        if not 0 <= index < self._total:
            raise IndexError(index)
        block = bisect_right(self._starts, index) - 1
        lines = self._cache.get(block)
        if lines is None:
            lines = _block_lines(self._blocks, block, self._console, self._width)
            self._cache[block] = lines
            if len(self._cache) > CACHED_BLOCKS:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(block)
        return lines[index - self._starts[block]]

    @overload
    def __getitem__(self, index: int) -> Text | None: ...

    @overload
    def __getitem__(self, index: slice) -> list[Text | None]: ...

    def __getitem__(self, index: int | slice) -> Text | list[Text | None] | None:
        if isinstance(index, slice):
            return [self._line(i) for i in range(*index.indices(self._total))]
        return self._line(index + self._total if index < 0 else index)

    def __iter__(self) -> Iterator[Text | None]:
        for index in range(self._total):
            yield self._line(index)


def lay_out_lazily(blocks: Sequence[Block], console: Console, width: int, highlight: Style,
                   cancelled: Callable[[], bool] | None = None
                   ) -> tuple[LazyLines, list[int]] | None:
    """Count the lines of ``blocks`` at ``width`` and find those holding a span styled
    ``highlight``: the lazy lines and the match lines, or ``None`` once ``cancelled()``."""
    starts: list[int] = []
    matches: list[int] = []
    total = 0
    for index in range(len(blocks)):
        if cancelled is not None and index and not index % CHECK_EVERY and cancelled():
            return None
        starts.append(total)
        lines = _block_lines(blocks, index, console, width)
        block = blocks[index]
        if block is not None and block.spans:
            matches.extend(total + y for y, line in enumerate(lines) if line is not None
                           and any(span.style == highlight for span in line.spans))
        total += len(lines)
    return LazyLines(blocks, console, width, starts, total), matches
