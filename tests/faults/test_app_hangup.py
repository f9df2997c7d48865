"""The real app whose terminal goes away: it ends, it does not spin.

A pty closed by the program that opened it (a terminal emulator killed, a dropped
connection with no hang-up signal) gives the app end of input. Textual's own input
loop then reads nothing forever at full speed; wardtui's driver ends the app.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from ptyapp import PtyApp

GUARD = 10.0  # seconds: a hang guard, not a speed assertion


def test_the_app_ends_when_its_terminal_goes_away(isolated_dirs: Path, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = PtyApp([str(folder)], dict(os.environ), tmp_path)
    try:
        assert app.wait_for_text("The library is empty"), "the app did not start"
        os.close(app.master)  # the terminal goes away; no signal is sent
        app.master = os.open(os.devnull, os.O_RDONLY)  # so close() has something to close
        deadline = time.monotonic() + GUARD
        while app.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.process.poll() is not None, "the app kept running without a terminal"
    finally:
        app.close()
