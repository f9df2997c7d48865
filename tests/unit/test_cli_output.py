"""``wardtui.cli.output``: the one table rule, JSON Lines, id resolution and user errors."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from wardtui.cli.output import (
    COLUMN_CAP,
    MIN_TITLE,
    UserError,
    json_line,
    resolve,
    table,
)
from wardtui.library import Library


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _print(rows: list[list[str]], headers: list[str], columns: int | None,
           monkeypatch: pytest.MonkeyPatch) -> list[str]:
    out: io.StringIO = io.StringIO()
    if columns is not None:
        monkeypatch.setenv("COLUMNS", str(columns))
        out = _Terminal()
    table(rows, headers, out)
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in out.getvalue().splitlines()]


def test_the_title_takes_the_room_the_terminal_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    long_id = "4bc50b54b5"
    rows = [[long_id, "2023-06-28", "phường Mỹ Long" * 3, "Tiêu đề rất dài " * 20]]
    lines = _print(rows, ["id", "date", "ward", "title"], 80, monkeypatch)
    assert all(len(line) <= 80 for line in lines)
    assert long_id in lines[1] and "2023-06-28" in lines[1]  # never cut
    assert lines[1].endswith("…")
    ward_cell = lines[1].split("2023-06-28")[1].strip().split("  ")[0]
    assert len(ward_cell) <= COLUMN_CAP
    wide = _print(rows, ["id", "date", "ward", "title"], 200, monkeypatch)
    assert len(wide[1]) > 120  # a wider terminal shows more of the title


def test_a_narrow_terminal_still_shows_some_title(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["abcdef0123", "2023-06-28", "x" * 40, "y" * 200]]
    lines = _print(rows, ["id", "date", "ward", "title"], 30, monkeypatch)
    assert "abcdef0123" in lines[1]
    assert lines[1].count("y") == MIN_TITLE - 1  # the title keeps its minimum, with "…"


def test_cells_are_one_safe_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _print([["id1", "t\x1b]0;pwned\x07itle\nnext"]], ["id", "title"], None, monkeypatch)
    assert "\x1b" not in "".join(lines) and len(lines) == 2


def test_json_line_is_one_utf8_line() -> None:
    out = io.StringIO()
    json_line({"title": "Đảng bộ\nphường"}, out)
    text = out.getvalue()
    assert text.count("\n") == 1 and "Đảng" in text
    assert json.loads(text) == {"title": "Đảng bộ\nphường"}


def test_resolve_says_what_to_do(tmp_path: Path, seeds_dir: Path) -> None:
    with Library.open(tmp_path / "c.sqlite3") as library:
        library.sync([seeds_dir], workers=1)
        assert resolve(library, "4bc50b54") == "4bc50b54b5"
        with pytest.raises(UserError, match="wardtui list"):
            resolve(library, "ffffffff")
