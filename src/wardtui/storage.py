"""Small, careful file operations shared by every store of user data.

* :func:`atomic_write_text` writes through a temporary file in the same folder
  and :func:`os.replace`, so a reader sees the old file or the new one, never half.
* :func:`set_aside` renames a file that cannot be read to a new, dated name, so a
  corrupt store is never silently emptied: the user is told where it went.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8), creating the folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open would.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def set_aside(path: Path) -> Path:
    """Rename an unreadable file to ``NAME.corrupt-YYYYMMDD-HHMMSS[-N]`` and return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    os.replace(path, target)
    return target


class JsonFile:
    """A small JSON document on disk, read leniently and written atomically.

    A file that is not valid JSON (or not the expected type) is set aside and a
    notice is recorded in :attr:`notices`; the store then starts empty.
    """

    def __init__(self, path: Path, kind: type = dict) -> None:
        self.path = path
        self.kind = kind
        self.notices: list[str] = []

    def load(self) -> Any:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raw = ""  # not text at all: set aside below, like any unreadable content
        except FileNotFoundError:
            return self.kind()
        except OSError as error:
            self.notices.append(f"Could not read {self.path}: {error.strerror}; using defaults.")
            return self.kind()
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, self.kind):
            aside = set_aside(self.path)
            self.notices.append(
                f"{self.path.name} could not be read; it was kept as {aside} and a new one started."
            )
            return self.kind()
        return value

    def save(self, value: Any) -> None:
        atomic_write_text(self.path, json.dumps(value, ensure_ascii=False, indent=2) + "\n")
