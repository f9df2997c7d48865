"""The user-level benchmark (issue 15): its terminal model, its ratios and bounds, and the
quick profile run against the dev venv's ``wardtui``, failing when a ratio to its floor grew
past its bound in ``benchmarks/bounds.toml`` (a ratio, never a time)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks import user_report
from benchmarks.__main__ import build_parser, label_of
from benchmarks.corpora import Corpus
from benchmarks.terminal import PtyProcess, Screen
from benchmarks.user_bench import Harness, Settings, _plain_words, default_python

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


# -- the processes the harness starts are killed, the whole group ----------------------------
def _gone(pid: int) -> bool:
    """The process ended (gone, or a zombie waiting for its parent): waits up to 10 s."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.02)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc and a pty")
def test_closing_the_terminal_kills_what_the_app_started() -> None:
    # The child ignores SIGHUP, as a worker may: the end of the session leader alone (the
    # terminal's hang-up) would not end it, only a signal to the whole group does.
    app = PtyProcess(["sh", "-c", "trap '' HUP; sleep 60 & echo child=$!; wait"],
                     env=dict(os.environ))
    app.wait_for(lambda sc: "child=" in sc.text() and sc.text().split("child=")[1][:1].isdigit(),
                 20, "the child's pid")
    child = int(app.screen.text().split("child=")[1].split()[0])
    app.close("", timeout=2)
    assert _gone(app.pid) and _gone(child)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_a_command_leaves_nothing_running(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path, 0, 1, 0, 0, None, tmp_path / "manifest.json")
    harness = Harness(Settings(Path("wardtui"), Path(sys.executable), tmp_path), corpus)
    run = harness.run(["sh", "-c", "sleep 60 >/dev/null 2>&1 & echo $!"], capture=True)
    assert run.status == 0
    assert _gone(int(run.stdout.split()[0]))  # the background child, killed with its group


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


def test_before_and_after_side_by_side() -> None:
    table = user_report.compare_table(_raw(4.78, 2.29), _raw(0.2, 0.05))
    row = next(line for line in table.splitlines() if "(5 queries) p50" in line)
    cells = [c.strip() for c in row.split("|")]
    assert cells[2:4] == ["4.78 s", "0.20 s"]
    assert "4.00× (2.09×)" in row and cells[-2] == "met"


def test_the_help_names_the_executable_option() -> None:
    text = build_parser().format_help()
    assert "--wardtui" in text and "--check-bounds" in text


# -- the quick profile, as the test command runs it -------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux") or not WARDTUI.is_file(),
                    reason="needs Linux (/proc, a pseudo-terminal) and the venv's wardtui")
def test_the_quick_profile_stays_within_its_bounds(tmp_path: Path) -> None:
    result = tmp_path / "quick.json"
    # Its own session: on a timeout the harness gets SIGTERM (it kills what it started),
    # then anything left of its process group is killed.
    harness = subprocess.Popen(
        [sys.executable, "-m", "benchmarks", "--quick", "--check-bounds", "--wardtui",
         str(WARDTUI), "--out", str(tmp_path / "out"), "--json", str(result)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = harness.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        harness.terminate()
        stdout, stderr = harness.communicate(timeout=30)
        pytest.fail("the quick profile took over 240 s: " + stderr[-3000:])
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(harness.pid, signal.SIGKILL)
    assert harness.returncode == 0, stderr[-5000:] + stdout[-3000:]
    data = json.loads(result.read_text(encoding="utf-8"))
    (raw,) = data["sizes"].values()
    assert not raw["errors"]
    optional = {"search_p50/fzf"} if shutil.which("fzf") is None else set()
    missing = [k for k, v in raw["ratios"].items() if v is None and k not in optional]
    assert not missing, f"ratios not measured: {missing}"
    assert raw["cli"]["list_json"]["lines"] == raw["corpus"]["articles"]
    assert raw["cli"]["index_cold"]["articles_per_s"] > 0
