"""No byte from a file reaches the terminal as a control sequence; damaged user files are kept.

The commands run as real processes and their raw output bytes are checked,
since that is what a terminal would receive.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wardtui.config import Settings, Sources

HOSTILE = (
    "Phường Mỹ An \x1b[31m[bold]chú ý[/bold]\x1b[0m [@click=app.quit]bấm[/] \x9b2J\x07\n\n"
    "Sáng ngày 02/03/2024, UBND phường Mỹ An \x1b[2J\x1b[H\x1b]0;pwned\x07 tổ chức hội nghị "
    "[red]triển khai[/red] nhiệm vụ năm 2024 với sự tham gia của đông đảo cán bộ, \x1bPdcs\x1b\\ "
    "đảng viên và Nhân dân trên địa bàn phường.\n\n"
    "Tin, ảnh: \x1b[5mLan Anh\x1b[0m\n"
)
# C1 controls would arrive UTF-8 encoded (U+009B is C2 9B); 9B alone is a continuation byte.
FORBIDDEN = (b"\x1b", b"\x07", b"\xc2\x9b", b"\xc2\x90", b"pwned")


def _run(args: list[str], env: dict[str, str]) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "wardtui.cli", *args], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    return done.stdout + done.stderr


@pytest.fixture
def hostile_env(tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "a.txt").write_text(HOSTILE, encoding="utf-8")
    env = dict(os.environ)
    _run(["index", str(corpus)], env)
    return env


def test_every_command_writes_no_control_sequence(
    hostile_env: dict[str, str], tmp_path: Path
) -> None:
    listing = _run(["list", "--json"], hostile_env)
    article_id = json.loads(listing.splitlines()[0])["id"]
    _run(["bookmarks", "add", article_id, "--note", "\x1b[2Jnote [b]x[/b]"], hostile_env)
    outputs = {
        "list": _run(["list"], hostile_env),
        "list --json": listing,
        "show": _run(["show", article_id], hostile_env),
        "show --json": _run(["show", article_id, "--json"], hostile_env),
        "search": _run(["search", "chu y"], hostile_env),
        "search --json": _run(["search", "chu y", "--json"], hostile_env),
        "bookmarks": _run(["bookmarks"], hostile_env),
        "bookmarks --json": _run(["bookmarks", "--json"], hostile_env),
        "export -o -": _run(["export", article_id, "-o", "-"], hostile_env),
        "export -o - --format md": _run(
            ["export", article_id, "-o", "-", "--format", "md"], hostile_env
        ),
    }
    for name, raw in outputs.items():
        for forbidden in FORBIDDEN:
            assert forbidden not in raw, (name, forbidden)
    # Markup is data: it is printed literally, not interpreted.
    assert "[bold]chú ý[/bold]".encode() in outputs["list"]
    assert "[red]triển khai[/red]".encode() in outputs["show"]
    exported = tmp_path / "out.txt"
    _run(["export", article_id, "-o", str(exported)], hostile_env)
    assert b"\x1b" not in exported.read_bytes()


def test_cli_works_when_the_cache_folder_is_unusable(tmp_path: Path) -> None:
    env = dict(os.environ)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    env["WARDTUI_CACHE_DIR"] = str(blocker)
    done = subprocess.run(
        [sys.executable, "-m", "wardtui.cli", "list", "--json"],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 5  # the sample corpus, from memory
    assert b"in-memory cache" in done.stderr and b"Traceback" not in done.stderr
    assert blocker.read_text(encoding="utf-8").startswith("a file")  # left alone


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"\x00\xff garbage", b"[1, 2]"],
    ids=["truncated-json", "binary", "wrong-type"],
)
def test_corrupt_settings_are_kept_aside_and_reported(isolated_dirs: Path, content: bytes) -> None:
    config = isolated_dirs / "config"
    config.mkdir(parents=True)
    (config / "settings.json").write_bytes(content)
    settings = Settings.load()
    assert settings.grouping == "ward"
    assert len(settings.notices) == 1 and "kept as" in settings.notices[0]
    kept = list(config.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == content
    settings.save()
    assert json.loads((config / "settings.json").read_text(encoding="utf-8"))["grouping"] == "ward"


def test_corrupt_sources_are_kept_aside_not_emptied(isolated_dirs: Path) -> None:
    config = isolated_dirs / "config"
    config.mkdir(parents=True)
    (config / "sources.json").write_bytes(b'{"sources": ["/data/war')
    sources = Sources()
    assert sources.using_sample
    assert "kept as" in sources.notices[0]
    kept = next(config.glob("sources.json.corrupt-*"))
    assert kept.read_bytes() == b'{"sources": ["/data/war'
