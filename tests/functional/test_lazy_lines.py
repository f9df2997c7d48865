"""Lazy lines give exactly the lines an eager wrap gives, and the same match lines."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Text

from wardtui.app.article_text import Block, wrap_blocks
from wardtui.app.lazy_lines import CACHED_BLOCKS, lay_out_lazily

MARK = Style(bold=True)


def _blocks(count: int) -> list[Block]:
    blocks: list[Block] = [Text("Tiêu đề của một bài rất dài"), None]
    for i in range(count):
        text = Text(f"đoạn {i}: " + "chữ " * (i % 40))
        if i % 97 == 0:
            text.stylize(MARK, 0, 4)
        blocks.append(text)
    return blocks


def test_lazy_lines_equal_the_eager_wrap_and_find_the_same_matches() -> None:
    console = Console(width=60)
    blocks = _blocks(2_000)
    eager = wrap_blocks(blocks, console, 30)
    assert eager is not None
    laid = lay_out_lazily(blocks, console, 30, MARK)
    assert laid is not None
    lazy, matches = laid
    assert len(lazy) == len(eager)
    plain = [None if line is None else line.plain for line in eager]
    assert [None if line is None else line.plain for line in lazy] == plain
    assert lazy[-1] is not None and lazy[-1].plain == plain[-1]
    assert matches == [y for y, line in enumerate(eager) if line is not None
                       and any(span.style == MARK for span in line.spans)]
    assert len(lazy._cache) <= CACHED_BLOCKS  # reading them all kept only a few blocks


def test_a_cancelled_layout_gives_nothing() -> None:
    assert lay_out_lazily(_blocks(5_000), Console(width=60), 30, MARK, lambda: True) is None
