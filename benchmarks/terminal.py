"""A pseudo-terminal to run the app in, and a small screen model of what it shows.

The app is measured as the user meets it: the ``wardtui`` process runs in a
pseudo-terminal (:class:`PtyProcess`), keys are written to it as a terminal
would send them, and what it writes is fed to :class:`Screen`, a minimal VT100
model (cursor moves, text, erase; colours and modes are ignored) that is
enough for Textual's output. "On screen" means: in the screen model after the
read that brought it, timed with ``time.perf_counter`` when that read returned.

Nothing here imports wardtui: the app is a process, whatever its code looks like.
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

__all__ = ["KEYS", "PtyProcess", "Screen", "TerminalTimeout", "kill_group", "kill_started"]

KEYS = {"escape": "\x1b", "enter": "\r", "down": "\x1b[B", "up": "\x1b[A",
        "right": "\x1b[C", "left": "\x1b[D", "home": "\x1b[H", "tab": "\t"}

_CSI = re.compile(r"\x1b\[([?>=!]?)([0-9;:]*)([ -/]*)([@-~])")
_OSC = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
_OTHER_ESC = re.compile(r"\x1b[PX^_][^\x1b]*\x1b\\|\x1b[()*+#%][0-9A-Za-z]|\x1b[0-9A-Za-z=<>]")


_STARTED: set[int] = set()  # process groups started here (each its own session) not yet killed


def started_group(pgid: int) -> None:
    """Note a process group started by the harness, for :func:`kill_started`."""
    _STARTED.add(pgid)


def kill_group(pgid: int) -> None:
    """SIGKILL every process left in the group ``pgid`` (the command and whatever it
    started: the app's workers, a sync's process pool), then forget it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)
    _STARTED.discard(pgid)


def kill_started() -> None:
    """Kill every process group the harness started and has not ended yet (any exit path)."""
    for pgid in list(_STARTED):
        kill_group(pgid)


class TerminalTimeout(TimeoutError):
    """What was waited for did not come; the message says what, and the screen."""


def _width(char: str) -> int:
    if unicodedata.combining(char):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class Screen:
    """``rows`` x ``cols`` cells of text, written by a VT100-ish byte stream."""

    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.cells = [[" "] * cols for _ in range(rows)]
        self.x = self.y = 0
        self._pending = ""  # an escape sequence cut by a read
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.writes = 0  # characters written so far (a change counter)

    # -- feeding ----------------------------------------------------------------------
    def feed(self, data: bytes) -> None:
        text = self._pending + self._decoder.decode(data)
        self._pending = ""
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            if ch == "\x1b":
                done = self._escape(text, i)
                if done is None:  # incomplete: keep for the next read
                    self._pending = text[i:]
                    return
                i = done
                continue
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self.y = min(self.rows - 1, self.y + 1)
            elif ch == "\b":
                self.x = max(0, self.x - 1)
            elif ch >= " " and ch != "\x7f":
                self._put(ch)
            i += 1

    def _put(self, ch: str) -> None:
        w = _width(ch)
        if w == 0:
            if self.x > 0 and 0 <= self.y < self.rows:
                self.cells[self.y][self.x - 1] += ch
            return
        if self.x >= self.cols:
            return  # Textual never relies on auto-wrap
        if 0 <= self.y < self.rows:
            self.cells[self.y][self.x] = ch
            if w == 2 and self.x + 1 < self.cols:
                self.cells[self.y][self.x + 1] = ""
        self.x += w
        self.writes += 1

    def _escape(self, text: str, i: int) -> int | None:
        if i + 1 >= len(text):
            return None
        nxt = text[i + 1]
        if nxt == "[":
            m = _CSI.match(text, i)
            if m is None:
                return None if len(text) - i < 64 else i + 2
            self._csi(m.group(1), m.group(2), m.group(4))
            return m.end()
        if nxt == "]":
            m = _OSC.match(text, i)
            if m is None:
                return None if len(text) - i < 4096 else i + 2
            return m.end()
        m = _OTHER_ESC.match(text, i)
        if m is None:
            return None if nxt in "PX^_()*+#%" and len(text) - i < 4096 else i + 2
        return m.end()

    def _csi(self, private: str, params: str, final: str) -> None:
        if private:
            return  # modes, queries: not the screen's content
        args = [int(p) if p.isdigit() else 0 for p in params.replace(":", ";").split(";")]
        first = args[0] if args else 0
        if final in "Hf":
            row = args[0] if args and args[0] else 1
            col = args[1] if len(args) > 1 and args[1] else 1
            self.y, self.x = min(self.rows, row) - 1, min(self.cols, col) - 1
        elif final == "A":
            self.y = max(0, self.y - max(1, first))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + max(1, first))
        elif final == "C":
            self.x = min(self.cols, self.x + max(1, first))
        elif final == "D":
            self.x = max(0, self.x - max(1, first))
        elif final == "G":
            self.x = min(self.cols, max(1, first)) - 1
        elif final == "d":
            self.y = min(self.rows, max(1, first)) - 1
        elif final == "J":
            rows = {0: range(self.y + 1, self.rows), 1: range(0, self.y),
                    2: range(self.rows), 3: range(self.rows)}.get(first, range(0))
            for r in rows:
                self.cells[r] = [" "] * self.cols
            if first == 0 and self.y < self.rows:
                self.cells[self.y][self.x:] = [" "] * (self.cols - self.x)
        elif final == "K" and 0 <= self.y < self.rows:
            line = self.cells[self.y]
            if first == 0:
                line[self.x:] = [" "] * (self.cols - self.x)
            elif first == 1:
                line[: self.x + 1] = [" "] * min(self.cols, self.x + 1)
            else:
                self.cells[self.y] = [" "] * self.cols
        elif final == "X" and 0 <= self.y < self.rows:
            end = min(self.cols, self.x + max(1, first))
            self.cells[self.y][self.x:end] = [" "] * (end - self.x)

    # -- reading ----------------------------------------------------------------------
    def lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.cells]

    def text(self) -> str:
        return "\n".join(self.lines())

    def contains(self, needle: str) -> bool:
        """``needle`` on one line of the screen (spaces in it match runs of spaces)."""
        pattern = re.compile(r"\s+".join(re.escape(w) for w in needle.split()))
        return any(pattern.search(line) for line in self.lines())

    def search(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        for line in self.lines():
            found = pattern.search(line)
            if found:
                return found
        return None


class PtyProcess:
    """A command running in a pseudo-terminal of ``cols`` x ``rows``, and its screen."""

    def __init__(self, command: Sequence[str | Path], *, env: Mapping[str, str],
                 cwd: Path | None = None,
                 cols: int = 120, rows: int = 36) -> None:
        self.screen = Screen(cols, rows)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.master = master
        full_env = {**env, "TERM": "xterm-256color", "COLUMNS": str(cols), "LINES": str(rows)}

        def controlling_tty() -> None:  # in the child, before exec
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [str(c) for c in command], stdin=slave, stdout=slave, stderr=slave, env=full_env,
            cwd=cwd, preexec_fn=controlling_tty, close_fds=True)
        started_group(self.proc.pid)  # setsid: the group's id is the app's pid
        os.close(slave)
        self.bytes_read = 0
        self.last_output = self.started
        self.closed = False

    @property
    def pid(self) -> int:
        return self.proc.pid

    def _read_once(self, timeout: float) -> bool:
        """Read what is there (waiting up to ``timeout``); False once the terminal closed."""
        if self.closed:
            return False
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:
            data = b""
        if not data:
            self.closed = True
            return False
        self.bytes_read += len(data)
        self.last_output = time.perf_counter()
        self.screen.feed(data)
        return True

    def wait_for(self, condition: Callable[[Screen], bool], timeout: float, what: str) -> float:
        """Read until ``condition(screen)`` holds; the ``perf_counter`` time of that read."""
        deadline = time.perf_counter() + timeout
        if condition(self.screen):
            return time.perf_counter()
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TerminalTimeout(f"timed out after {timeout} s waiting for {what}; "
                                      f"screen:\n{self.screen.text()}")
            if not self._read_once(min(left, 0.5)):
                raise TerminalTimeout(f"the app ended while waiting for {what} "
                                      f"(exit status {self.proc.poll()}); "
                                      f"screen:\n{self.screen.text()}")
            if condition(self.screen):
                return self.last_output

    def settle(self, quiet: float = 0.25, limit: float = 10.0) -> None:
        """Read until nothing has come for ``quiet`` seconds (at most ``limit``)."""
        deadline = time.perf_counter() + limit
        while time.perf_counter() < deadline:
            before = self.bytes_read
            if not self._read_once(quiet) or self.bytes_read == before:
                return

    def send(self, keys: str) -> float:
        """Write ``keys`` (raw characters, see :data:`KEYS`); the time they were written."""
        os.write(self.master, keys.encode("utf-8"))
        return time.perf_counter()

    def status(self) -> dict[str, int]:
        """``VmRSS`` and ``VmHWM`` of the process, in KiB (empty once it ended)."""
        try:
            text = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return {}
        found = {}
        for line in text.splitlines():
            key = line.split(":", 1)[0]
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(line.split()[1])
        return found

    def close(self, quit_keys: str = "", timeout: float = 5.0) -> int | None:
        """Quit (``quit_keys`` first, then SIGTERM to the app's process group, then
        SIGKILL); the exit status. Whatever is left in the group is killed in any case."""
        try:
            if self.proc.poll() is None and quit_keys:
                with contextlib.suppress(OSError):
                    self.send(quit_keys)
                deadline = time.perf_counter() + timeout
                while self.proc.poll() is None and time.perf_counter() < deadline:
                    self._read_once(0.05)
            if self.proc.poll() is None:
                with contextlib.suppress(ProcessLookupError, PermissionError):
                    os.killpg(self.proc.pid, signal.SIGTERM)
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self.proc.wait(timeout)
        finally:
            kill_group(self.proc.pid)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout)
            with contextlib.suppress(OSError):
                os.close(self.master)
        return self.proc.poll()
