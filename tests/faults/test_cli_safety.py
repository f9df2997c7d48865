"""The command line as real processes meet it: hostile names, broken config, full outputs.

Issue 11 items 8, 9, 16 and 17 (the CLI's side) and what the library's safety round left
for the CLI: every string from the file system reaches the terminal through the one
sanitiser, every JSON output escapes C1 and bidi controls, and a config or output that
cannot be used gives one line and exit status 1, never a traceback. The raw bytes of
stdout and stderr are checked, since that is what a terminal would receive.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

# OSC 52 (set the clipboard), OSC 0 (window title), CSI (clear the screen), a C1 CSI,
# a bidi override and isolate: what a hostile folder or file name may carry.
HOSTILE = "\x1b]52;c;cHduZWQ=\x07\x1b]0;owned\x07\x1b[2J\u202e\u2066\x9b31m\u200f\u061c"
# What must never reach a terminal: ESC, BEL, any C1 control (UTF-8: C2 80-9F), bidi
# marks, embeddings, overrides and isolates, the Arabic letter mark.
FORBIDDEN = re.compile(
    rb"[\x07\x1b]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c"
)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("CACHE", "DATA", "CONFIG"):
        env[f"WARDTUI_{name}_DIR"] = str(home / name.lower())
    env["HOME"] = str(home)
    env.pop("COLUMNS", None)
    return env


def _run(
    args: list[str], env: dict[str, str], **kwargs: object
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "wardtui.cli", *args], env=env, capture_output=True,
        timeout=120, **kwargs,
    )


def _one_line_error(done: subprocess.CompletedProcess[bytes]) -> str:
    """The single stderr line of a failed run (exit status 1, no traceback)."""
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, (done.returncode, err)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.startswith("wardtui: ") and err.count("\n") == 1, err
    return err


def _clean(done: subprocess.CompletedProcess[bytes]) -> None:
    raw = done.stdout + done.stderr
    match = FORBIDDEN.search(raw)
    assert match is None, (match, raw[max(0, match.start() - 40): match.end() + 40])
    assert b"Traceback" not in done.stderr


# -- item 8: hostile names through the one sanitiser ---------------------------------------
@pytest.fixture
def hostile_tree(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / f"src{HOSTILE}dir"
    folder.mkdir()
    (folder / f"a{HOSTILE}.txt").write_bytes((SEEDS / "001_94c45868fd98c6ab.txt").read_bytes())
    (folder / f"empty{HOSTILE}.txt").write_bytes(b"")  # skipped, with its name quoted
    (folder / "latin1.txt").write_bytes(
        (SEEDS / "003_6df8933de2da7189.txt").read_text("utf-8").encode("cp1258", "replace")
    )
    return folder, _env(tmp_path / "home")


def test_item8_hostile_folder_and_file_names_never_reach_the_terminal(
    hostile_tree: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, env = hostile_tree
    runs = {
        "index": _run(["index", str(folder)], env),
        "index again": _run(["index"], env),
        "sources": _run(["sources"], env),
        "summary": _run(["--summary"], env),
        "list": _run(["list"], env),
        "list --json": _run(["list", "--json"], env),
        "search --json": _run(["search", "--json", "my long"], env),
    }
    assert b"Added source" in runs["index"].stdout
    assert b"empty file" in runs["index"].stdout  # the skipped file is named, made safe
    assert b"Still skipped" in runs["index again"].stdout
    assert runs["list --json"].stdout.count(b"\n") == 2
    source = json.loads(runs["list --json"].stdout.splitlines()[0])["source"]
    assert HOSTILE in source  # JSON keeps the data, escaped: json.loads gives it back
    article_id = json.loads(runs["list --json"].stdout.splitlines()[0])["id"]
    runs["show"] = _run(["show", article_id], env)
    runs["show --json"] = _run(["show", article_id, "--json"], env)
    runs["export -o -"] = _run(["export", article_id, "-o", "-"], env)
    runs["export -o - json"] = _run(["export", article_id, "-o", "-", "--format", "json"], env)
    errors = {
        "index missing": _run(["index", str(tmp_path / f"gone{HOSTILE}")], env),
        "app missing": _run([str(tmp_path / f"gone{HOSTILE}")], env),
        "word": _run([f"lsit{HOSTILE}"], env),
        "remove": _run(["sources", "--remove", f"x{HOSTILE}"], env),
        "export into a missing folder": _run(
            ["export", article_id, "-o", str(tmp_path / f"no{HOSTILE}") + "/"], env
        ),
        "bad option": _run(["list", f"--x{HOSTILE}"], env),
        "show": _run(["show", f"ab{HOSTILE}"], env),
    }
    for name, done in runs.items():
        assert done.returncode == 0, (name, done.stderr)
        _clean(done)
    for done in errors.values():
        _one_line_error(done)
        _clean(done)  # (a name quoted with repr() shows its escapes as text: harmless)


def test_item8_the_empty_library_message_names_the_folder_safely(tmp_path: Path) -> None:
    folder = tmp_path / f"empty{HOSTILE}"
    folder.mkdir()
    (folder / "nothing.txt").write_bytes(b"")
    env = _env(tmp_path / "home")
    assert _run(["index", str(folder)], env).returncode == 0
    for args in (["list"], ["list", "--json"], ["--summary"]):
        done = _run(args, env)
        assert done.returncode == 0 and done.stdout.count(b"\n") <= 1
        assert b"the library has no articles" in done.stderr
        assert b"empty" in done.stderr  # the folder is named ...
        _clean(done)  # ... without its escape sequences


# -- item 9: JSON outputs escape C1 and bidi controls -------------------------------------
def test_item9_json_outputs_escape_c1_and_bidi(
    hostile_tree: tuple[Path, dict[str, str]],
) -> None:
    folder, env = hostile_tree
    _run(["index", str(folder)], env)
    listing = _run(["list", "--json"], env)
    article_id = json.loads(listing.stdout.splitlines()[0])["id"]
    _run(["bookmarks", "add", article_id], env)
    outputs = [
        listing,
        _run(["search", "--json", "my long"], env),
        _run(["bookmarks", "--json"], env),
        _run(["show", article_id, "--json"], env),
        _run(["export", article_id, "-o", "-", "--format", "json"], env),
    ]
    for done in outputs:
        assert done.returncode == 0 and done.stdout
        _clean(done)
    assert b"\\u009b" in listing.stdout and b"\\u202e" in listing.stdout


# -- item 16: config and outputs that cannot be used --------------------------------------
def test_item16_sources_json_that_is_a_folder(tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    (tmp_path / "home" / "config" / "sources.json").mkdir(parents=True)
    for args in ([], ["--summary"], ["sources"], ["index", str(SEEDS)], ["index"]):
        message = _one_line_error(_run(args, env))
        assert "sources.json" in message, (args, message)


_FAIL_WRITES = """
import errno, os, sys
config = os.environ["WARDTUI_CONFIG_DIR"]
code = int(sys.argv.pop(1))
real_open, real_mkdir = os.open, os.mkdir
def refuse(path, *args, **kwargs):
    flags = args[0] if args else kwargs.get("flags", 0)
    if str(os.fspath(path)).startswith(config) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        raise OSError(code, os.strerror(code), os.fspath(path))
    return real_open(path, *args, **kwargs)
def refuse_mkdir(path, *args, **kwargs):
    if str(os.fspath(path)).startswith(config):
        raise OSError(code, os.strerror(code), os.fspath(path))
    return real_mkdir(path, *args, **kwargs)
os.open, os.mkdir = refuse, refuse_mkdir
from wardtui.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("code", ["30", "28"])  # EROFS, ENOSPC: root writes anywhere else
def test_item16_read_only_or_full_config_folder(tmp_path: Path, code: str) -> None:
    env = _env(tmp_path / "home")
    done = subprocess.run(
        [sys.executable, "-c", _FAIL_WRITES, code, "index", str(SEEDS)],
        env=env, capture_output=True, timeout=120,
    )
    message = _one_line_error(done)
    assert os.strerror(int(code)).lower() in message.lower()


def test_item16_a_file_size_limit_on_the_config_is_one_line(tmp_path: Path) -> None:
    """A real write failure (EFBIG from RLIMIT_FSIZE, like a full disk)."""
    import resource
    import signal

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))

    env = _env(tmp_path / "home")
    done = _run(["index", str(SEEDS)], env, preexec_fn=limit)
    message = _one_line_error(done)
    assert "sources.json" in message or "file too large" in message.lower()


def test_item16_a_nul_in_a_stored_path_is_one_notice(tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    config = tmp_path / "home" / "config"
    config.mkdir(parents=True)
    (config / "sources.json").write_text(
        json.dumps({"version": 1, "sources": ["/tmp/a\u0000b", str(SEEDS)]}), encoding="utf-8"
    )
    for args in (["sources"], ["index"], ["list", "--json"]):
        done = _run(args, env)
        err = done.stderr.decode()
        assert done.returncode == 0 and "Traceback" not in err, err
        assert err.count("not a usable path") <= 1
    sources = _run(["sources"], env)
    assert sources.stdout.decode().strip() == str(SEEDS)
    assert sources.stderr.decode().count("\n") == 1


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["show", "4bc50b54b5"],
                                  ["export", "4bc50b54b5", "-o", "-"], ["sources"]])
def test_item16_output_to_a_full_device_is_one_line(tmp_path: Path, args: list[str]) -> None:
    env = _env(tmp_path / "home")
    with open("/dev/full", "wb") as full:
        done = subprocess.run([sys.executable, "-m", "wardtui.cli", *args], env=env,
                              stdout=full, stderr=subprocess.PIPE, timeout=120)
    message = _one_line_error(done)  # type: ignore[arg-type]
    assert "cannot write the output: no space left on device" in message.lower()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    proc = subprocess.Popen([sys.executable, "-m", "wardtui.cli", "show", "4bc50b54b5"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader went away (`| head -0`)
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == b""


# -- item 17 and the leftovers: standard output is not a file to replace ------------------
def test_item17_export_to_dev_stdout_writes_standard_output(tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    dash = _run(["export", "4bc50b54b5", "-o", "-"], env)
    assert dash.returncode == 0 and dash.stdout.startswith(b"Title: ")
    for name in ("/dev/stdout", "/dev/fd/1"):
        done = _run(["export", "4bc50b54b5", "-o", name], env)
        assert done.returncode == 0, done.stderr
        assert done.stdout == dash.stdout and done.stderr == b""


def test_item17_a_fifo_or_a_device_is_never_replaced_nor_force_advised(tmp_path: Path) -> None:
    env = _env(tmp_path / "home")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for target in (str(fifo), "/dev/null"):
        for force in ([], ["--force"]):
            message = _one_line_error(_run(["export", "4bc50b54b5", "-o", target, *force], env))
            assert "--force" not in message and "not a file" in message, message
    assert fifo.is_fifo()
    assert os.path.exists("/dev/null") and not Path("/dev/null").is_file()


@pytest.mark.parametrize("args", [["--summary"], ["index"], ["list", "--json"], ["sources"]])
def test_item16_a_read_only_config_still_reads(tmp_path: Path, args: list[str]) -> None:
    """Commands that add nothing work with a config folder that cannot be written."""
    env = _env(tmp_path / "home")
    assert _run(["index", str(SEEDS)], env).returncode == 0
    done = subprocess.run(
        [sys.executable, "-c", _FAIL_WRITES, "30", *args],
        env=env, capture_output=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
