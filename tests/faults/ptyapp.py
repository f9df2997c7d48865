"""Run the real ``wardtui`` app in a pseudo-terminal (for the fault tests of the app).

:class:`PtyApp` starts ``python -m wardtui.cli ARGS`` on a pty of a fixed size, keeps
every byte the app writes (:attr:`PtyApp.output`), lets a test type bytes and
wait, with a generous hang guard, for some output or for the process to end.
The waits poll the pty; a timeout there is a hang guard, never the assertion.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

HANG_GUARD = 60.0  # seconds: only ever reached when the app hangs


class PtyApp:
    """``wardtui`` running on a pseudo-terminal of ``size`` (columns, rows)."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path,
                 size: tuple[int, int] = (100, 30)) -> None:
        master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.master = master
        self.output = bytearray()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wardtui.cli", *args], stdin=slave, stdout=slave, stderr=slave,
            env={**env, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)},
            cwd=cwd, start_new_session=True, close_fds=True,
        )
        os.close(slave)

    def _pump(self, wait: float) -> bool:
        """Read what is available within ``wait`` seconds; False once the pty is closed."""
        ready, _, _ = select.select([self.master], [], [], wait)
        if not ready:
            return True
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        if not chunk:
            return False
        self.output += chunk
        return True

    def wait_for(self, found: Callable[[bytes], bool], guard: float = HANG_GUARD) -> bool:
        """Read until ``found(output)`` holds (True) or the app ends or the guard (False)."""
        deadline = time.monotonic() + guard
        while not found(bytes(self.output)):
            if time.monotonic() > deadline or not self._pump(0.05):
                return found(bytes(self.output))
        return True

    def wait_for_text(self, text: str, guard: float = HANG_GUARD) -> bool:
        """Wait until ``text`` (UTF-8) appears in the output."""
        return self.wait_for(lambda out: text.encode() in out, guard)

    def settle(self, quiet: float = 0.3, guard: float = HANG_GUARD) -> None:
        """Read until the app has written nothing for ``quiet`` seconds."""
        deadline = time.monotonic() + guard
        while time.monotonic() < deadline:
            before = len(self.output)
            if not self._pump(quiet) or len(self.output) == before:
                return

    def type(self, data: bytes, guard: float = HANG_GUARD) -> None:
        """Write ``data`` to the app's terminal as if typed (all of it: a pty takes a few
        kilobytes at a time, so the app's output is read meanwhile)."""
        deadline = time.monotonic() + guard
        view = memoryview(data)
        while view and time.monotonic() < deadline:
            readable, writable, _ = select.select([self.master], [self.master], [], 0.05)
            if writable:
                view = view[os.write(self.master, view[:4096]):]
            if readable and not self._pump(0):
                break
        assert not view, "the app stopped reading its terminal"

    def wait_exit(self, guard: float = HANG_GUARD) -> tuple[int | None, float]:
        """Wait for the process to end: its status (``None``: still running after the
        guard) and the seconds it took."""
        start = time.monotonic()
        deadline = start + guard
        while self.process.poll() is None and time.monotonic() < deadline:
            self._pump(0.02)
        return self.process.poll(), time.monotonic() - start

    def close(self) -> None:
        """End the process (if it still runs) and close the pty."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        os.close(self.master)

    def __enter__(self) -> PtyApp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
