"""``wardtui.cli.output``: the one table rule, JSON Lines, id resolution and user errors."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from wardtui.cli.output import UserError, json_line, json_text, limit, resolve
from wardtui.cli.table import CAPS, MIN_TITLE, Table
from wardtui.library import Library

COLUMN_CAP = CAPS["ward"]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def table(rows: list[list[str | None]], headers: list[str], out: io.StringIO) -> None:
    printer = Table(headers, out)
    for row in rows:
        printer.add(row)


def _print(rows: list[list[str | None]], headers: list[str], columns: int | None,
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
    for columns in (None, 80):
        lines = _print([["id1", "t\x1b]0;pwned\x07itle\nnext\u202e\x9b"]], ["id", "title"],
                       columns, monkeypatch)
        text = "".join(lines)
        assert "\x1b" not in text and "\u202e" not in text and "\x9b" not in text
        assert len(lines) == 2


def test_piped_rows_are_tab_separated_and_never_padded_or_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 12 item 18: no padding to the longest title when the output is not a terminal."""
    long_title = "Tiêu đề rất dài " * 20
    lines = _print([["4bc50b54b5", "2023-06-28", "phường Mỹ Long", long_title, None],
                    ["0123456789", None, None, "ngắn", "Lan Anh"]],
                   ["id", "date", "ward", "title", "author"], None, monkeypatch)
    assert lines[0] == "id\tdate\tward\ttitle\tauthor"
    assert lines[1].split("\t") == ["4bc50b54b5", "2023-06-28", "phường Mỹ Long", long_title, ""]
    assert lines[2] == "0123456789\t\t\tngắn\tLan Anh"  # no padding, missing is empty


def test_terminal_widths_come_from_the_terminal_not_the_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The columns are the same for short and long titles: rows can stream."""
    short = _print([["a" * 10, "2023-06-28", "phường A", "ngắn", "X"]],
                   ["id", "date", "ward", "title", "author"], 120, monkeypatch)
    long = _print([["a" * 10, "2023-06-28", "phường A", "dài " * 50, "X"]],
                  ["id", "date", "ward", "title", "author"], 120, monkeypatch)
    assert short[0] == long[0]  # the header does not move
    assert short[1].index(" X") == long[1].index(" X")  # nor does the author
    assert len(long[1]) <= 120


def test_a_narrow_terminal_drops_the_author_before_the_title_shrinks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for columns in (70, 80, 100):
        lines = _print([["a" * 10, "2023-06-28", "phường A", "t" * 100, "Tác giả"]],
                       ["id", "date", "ward", "title", "author"], columns, monkeypatch)
        assert "author" not in lines[0] and "Tác giả" not in lines[1]
        assert all(len(line) <= columns for line in lines)
        assert lines[1].count("t") >= MIN_TITLE


def test_no_header_without_rows() -> None:
    out = _Terminal()
    Table(["id", "title"], out)
    assert out.getvalue() == ""


def test_wide_characters_take_two_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _print([["a" * 10, "漢字" * 40]], ["id", "title"], 40, monkeypatch)
    assert lines[1].endswith("…")
    assert len(lines[1]) - len("a" * 10 + "  ") <= (40 - 12) // 2 + 1


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


def test_json_escapes_c1_and_bidi_controls() -> None:
    """Issue 11 item 9: every JSON output writes C1 and bidi controls as \\u escapes."""
    hostile = {"source": "/x/a\x9b2Jb\u202egnp.exe\u2066\u200f\u061c\x85\udcff.txt", "n": 1}
    text = json_text(hostile)
    for char in ("\x9b", "\u202e", "\u2066", "\u200f", "\u061c", "\x85", "\udcff"):
        assert char not in text
    assert "\\u009b" in text and "\\u202e" in text and "\\udcff" in text
    assert json.loads(text) == hostile
    assert text.encode("utf-8")  # a lone surrogate would fail here
    out = io.StringIO()
    json_line({"title": "Đảng bộ"}, out)
    assert out.getvalue() == '{"title":"Đảng bộ"}\n'  # compact, as list --json


@pytest.mark.parametrize("raw", ["0", "-2", "x"])
def test_limit_is_one_or_more(raw: str) -> None:
    """Issue 12 item 20 / issue 11 item 18: one --limit rule, 0 and negatives refused."""
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        limit(raw)
    assert limit("3") == 3


def test_a_short_id_prefix_says_it_needs_four_characters(
    tmp_path: Path, seeds_dir: Path
) -> None:
    with Library.open(tmp_path / "c.sqlite3") as library:
        library.sync([seeds_dir], workers=1)
        with pytest.raises(UserError, match="4 or more characters"):
            resolve(library, "4bc")
