"""The real app on a pseudo-terminal: hostile names, stray bytes and quitting (issue 11).

Each test runs ``wardtui`` as the user would, on a pty (see ``ptyapp``), and checks
the raw bytes it wrote or how it ended. Waits are hang guards, never assertions
about speed; the time ``q`` took is printed for the report (``pytest -s``).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from ptyapp import PtyApp

from wardtui import paths

OSC_52 = "\x1b]52;c;cHduZWQ=\x07"  # would set the user's clipboard to "pwned"
OSC_0 = "\x1b]0;pwned\x07"  # would retitle the window
FORBIDDEN = (b"\x1b]52", b"\x1b]0;", b"pwned", b"\xc2\x9b")
QUIT_GUARD = 5.0  # seconds: item 13 asks for half a second; this only catches a hang


@pytest.fixture
def env(isolated_dirs: Path) -> dict[str, str]:
    """The environment of the test (the conftest's own folders)."""
    return dict(os.environ)


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    """An empty source folder: the app starts on its empty-library message."""
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


def _ends_soon(app: PtyApp, what: str) -> None:
    status, seconds = app.wait_exit(QUIT_GUARD)
    print(f"{what}: the app {'ended' if status is not None else 'still ran'} "
          f"{seconds:.3f} s after the key")
    assert status == 0, f"{what}: still running after {QUIT_GUARD} s (or failed: {status})"
    assert b"Traceback" not in app.output


def test_a_folder_named_with_escape_sequences_never_reaches_the_terminal(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Item 8: the empty-library message quotes the folder; its name is sanitised."""
    folder = tmp_path / f"news{OSC_52}{OSC_0}\u202eevil\x9b2J"
    folder.mkdir()
    with PtyApp([str(folder)], env, tmp_path) as app:
        assert app.wait_for_text("The library is empty"), "the empty-library message"
        assert app.wait_for_text("evil")  # the name is shown, cleaned
        app.settle()
        app.type(b"q")
        _ends_soon(app, "q")
    for sequence in FORBIDDEN:
        assert sequence not in app.output, sequence


def test_a_byte_that_is_not_utf8_does_not_end_the_app(
    env: dict[str, str], tmp_path: Path, empty: Path
) -> None:
    """Item 10: a raw 0xff typed into the app: it keeps running, says so, and q still quits."""
    with PtyApp([str(empty)], env, tmp_path) as app:
        assert app.wait_for_text("The library is empty")
        app.settle()
        app.type(b"\xff")
        assert app.wait_for_text("was not UTF-8"), "a notice about the byte"
        assert app.process.poll() is None, "the app ended"
        app.type(b"q")
        _ends_soon(app, "q after 0xff")


@pytest.fixture
def bookmarks_locked(isolated_dirs: Path) -> Iterator[None]:
    """Another process holds the lock the bookmarks are opened under (for ever, here)."""
    store = paths.bookmarks_path()
    store.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(store.with_name(store.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield
    finally:
        os.close(fd)


@pytest.mark.parametrize("key", [b"q", b"\x03"], ids=["q", "ctrl+c"])
def test_q_and_ctrl_c_leave_while_a_worker_is_stuck(
    env: dict[str, str], tmp_path: Path, empty: Path, bookmarks_locked: None, key: bytes
) -> None:
    """Item 13: the worker opening the bookmarks waits for a lock that never comes;
    quitting does not wait for it."""
    with PtyApp([str(empty)], env, tmp_path) as app:
        assert app.wait_for_text("Indexing the sources")  # (the sync waits for the store)
        app.settle()
        app.type(key)
        _ends_soon(app, f"{key!r} with a stuck worker")


def test_ctrl_c_leaves_from_the_search_bar(
    env: dict[str, str], tmp_path: Path, empty: Path
) -> None:
    """Item 13: a 100,000-character paste is cut to 1,000 (with a notice), and ctrl+c
    quits even where q is a letter of the query."""
    with PtyApp([str(empty)], env, tmp_path) as app:
        assert app.wait_for_text("The library is empty")
        app.settle()
        app.type(b"/")
        app.settle()
        app.type(b"\x1b[200~" + b"ward " * 20_000 + b"\x1b[201~")  # 100,000 characters
        assert app.wait_for_text("1,000"), "the notice that the query was cut"
        app.type(b"q\x03")
        _ends_soon(app, "ctrl+c in the search bar")


def test_q_leaves_during_the_sync_of_a_big_file(env: dict[str, str], tmp_path: Path) -> None:
    """Item 13: q while a 2 MB file of a million short lines is being synced."""
    folder = tmp_path / "big"
    folder.mkdir()
    (folder / "short-lines.txt").write_text("Phường Mỹ An\n\n" + "ab\n" * 1_000_000)
    with PtyApp([str(folder)], env, tmp_path) as app:
        assert app.wait_for_text("syncing"), "the sync starts"
        app.type(b"q")
        _ends_soon(app, "q during a sync")
