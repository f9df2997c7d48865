"""The user-level benchmark (issue 15): its terminal model, its ratios and bounds, and the
quick profile run against the dev venv's ``wardtui``, failing when a ratio to its floor grew
past its bound in ``benchmarks/bounds.toml`` (a ratio, never a time)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks import user_report
from benchmarks.__main__ import build_parser, label_of
from benchmarks.terminal import Screen
from benchmarks.user_bench import _plain_words, default_python

REPO = Path(__file__).resolve().parents[2]
WARDTUI = Path(sys.executable).parent / "wardtui"


# -- the screen model ------------------------------------------------------------------------
def test_the_screen_follows_cursor_moves_text_and_erases() -> None:
    screen = Screen(20, 4)
    screen.feed(b"\x1b[?1049h\x1b[2J\x1b[1;1Hhello\x1b[3;5H\x1b[1mworld\x1b[0m")
    assert screen.lines()[0] == "hello"
    assert screen.lines()[2] == "    world"
    screen.feed(b"\x1b[1;3H\x1b[K")
    assert screen.lines()[0] == "he"
    screen.feed(b"\x1b[2J")
    assert screen.text().strip() == ""


def test_an_escape_sequence_cut_between_two_reads_is_kept() -> None:
    screen = Screen(20, 3)
    screen.feed(b"\x1b[2;")
    screen.feed(b"3Hx\x1b]0;title\x07y")
    assert screen.lines()[1] == "  xy"


def test_utf8_cut_between_reads_and_wide_characters() -> None:
    screen = Screen(10, 1)
    data = "Đảng 中".encode()
    screen.feed(data[:2])
    screen.feed(data[2:])
    assert screen.lines()[0] == "Đảng 中"
    assert screen.x == 7  # the wide character takes two cells
    assert screen.contains("Đảng  中") and not screen.contains("Đảng中")


# -- queries, labels, bounds -----------------------------------------------------------------
def test_plain_words_drop_the_query_operators() -> None:
    assert _plain_words('ward:"tay son" nam -covid') == "nam"
    assert _plain_words('"ve sinh moi truong"') == "ve sinh moi truong"
    assert _plain_words('-"hoi nghi" dang') == "dang"


def test_the_label_is_the_folder_of_the_venv(tmp_path: Path) -> None:
    script = tmp_path / "bench-base" / ".venv" / "bin" / "wardtui"
    script.parent.mkdir(parents=True)
    script.write_text(f"#!{sys.executable}\n")
    assert label_of(script) == "bench-base"
    assert default_python(script) == Path(sys.executable)


def _raw(search_s: float, grep_s: float) -> dict[str, object]:
    return {"cli": {"search": {"p50": search_s}, "grep": {"p50": grep_s}}}


def test_a_ratio_over_its_bound_is_reported() -> None:
    bounds = {"search_p50/grep": 10.0}
    assert user_report.check_bounds(_raw(0.2, 0.05), bounds) == []
    problems = user_report.check_bounds(_raw(1.0, 0.05), bounds)
    assert len(problems) == 1 and "20.0× is over its bound 10.0×" in problems[0]


def test_a_bounded_ratio_not_measured_or_unknown_is_reported() -> None:
    assert "not measured" in user_report.check_bounds({"cli": {}}, {"search_p50/grep": 10})[0]
    assert "no such ratio" in user_report.check_bounds(_raw(1, 1), {"nope/grep": 1})[0]


def test_every_bound_names_a_ratio_of_the_table() -> None:
    bounds = user_report.load_bounds()
    assert bounds
    known = set(user_report.ratios({}))
    assert set(bounds) <= known, set(bounds) - known
    assert all(value > 1 for value in bounds.values())


def test_the_table_has_every_row_of_the_issue() -> None:
    table = user_report.markdown_table({})
    for words in ("wardtui search", "head -1", "list --json", "first search", "launch sync",
                  "nothing changed", "1% of files", "cold", "key to search results",
                  "key to article", "memory", "show ID", "--help"):
        assert words in table, words


def test_the_help_names_the_executable_option() -> None:
    text = build_parser().format_help()
    assert "--wardtui" in text and "--check-bounds" in text


# -- the quick profile, as the test command runs it -------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or not WARDTUI.is_file(),
                    reason="needs Linux (/proc, a pseudo-terminal) and the venv's wardtui")
def test_the_quick_profile_stays_within_its_bounds(tmp_path: Path) -> None:
    result = tmp_path / "quick.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--check-bounds", "--wardtui",
         str(WARDTUI), "--out", str(tmp_path / "out"), "--json", str(result)],
        cwd=REPO, capture_output=True, text=True, timeout=240, check=False,
    )
    assert done.returncode == 0, done.stderr[-5000:] + done.stdout[-3000:]
    data = json.loads(result.read_text(encoding="utf-8"))
    (raw,) = data["sizes"].values()
    assert not raw["errors"]
    optional = {"search_p50/fzf"} if shutil.which("fzf") is None else set()
    missing = [k for k, v in raw["ratios"].items() if v is None and k not in optional]
    assert not missing, f"ratios not measured: {missing}"
    assert raw["cli"]["list_json"]["lines"] == raw["corpus"]["articles"]
    assert raw["cli"]["index_cold"]["articles_per_s"] > 0
