"""Small, careful file operations shared by every store of user data.

* :func:`atomic_write_text` writes through a temporary file in the same folder
  and :func:`os.replace`, so a reader sees the old file or the new one, never half.
* :func:`set_aside` renames a file that cannot be read to a new, dated name, so a
  corrupt store is never silently emptied: the user is told where it went.
* :func:`exclusive_lock` serialises the read-modify-write of a store between
  processes (``fcntl.flock`` on a lock file beside it).
* Every failure a user can meet (a folder where the file should be, a read-only
  or full disk) is a :class:`StoreError` with a one-line message.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


class StoreError(OSError):
    """A store of user data could not be read or written; ``str()`` is one line.

    An :class:`OSError`, so callers that already catch those keep working.
    """


def _why(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def _umask() -> int:
    mask = os.umask(0o077)  # (while it is read, new files are private, never open to all)
    os.umask(mask)
    return mask


def current_umask() -> int:
    """The process's umask (read without changing it for long)."""
    return _umask()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically (UTF-8), creating the folder if needed.

    Raises :class:`StoreError` (one line) when the folder cannot be written, the
    disk is full, or a folder sits where the file should be; the old file is then
    left as it was.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a file; move it away and try again")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise StoreError(f"cannot write in {path.parent}: {_why(error)}") from None
    try:
        # mkstemp makes the file private (0600); give it the mode a plain open would.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(error, OSError) and not isinstance(error, StoreError):
            raise StoreError(f"could not save {path}: {_why(error)}") from None
        raise


def set_aside(path: Path, label: str = "corrupt") -> Path:
    """Rename an unreadable file to ``NAME.LABEL-YYYYMMDD-HHMMSS[-N]`` and return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while os.path.lexists(target):
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    os.rename(path, target)
    return target


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on the file ``path`` (created if needed).

    POSIX ``flock``: released by the kernel if the process dies, so a killed
    wardtui never leaves a stale lock. A no-op where ``fcntl`` does not exist.
    Raises :class:`StoreError` when the lock file cannot be created.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    except OSError as error:
        raise StoreError(f"cannot write in {path.parent}: {_why(error)}") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def read_bytes(path: Path) -> bytes:
    """The bytes of the regular file at ``path``, never blocking on a FIFO or a device.

    Raises :class:`FileNotFoundError` when there is no file, :class:`StoreError`
    (one line) for a folder or anything else that is not a regular file, and
    :class:`OSError` when it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder, not a file; move it away and try again") from None
    except ValueError:
        raise StoreError(f"{path} is not a valid file name") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise StoreError(f"{path} is a folder, not a file; move it away and try again")
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"{path} is not a regular file; move it away and try again")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class JsonFile:
    """A small JSON document on disk, read leniently and written atomically.

    A file that is not valid JSON (or not the expected type, or refused by
    ``check``) is set aside and a notice is recorded in :attr:`notices`; the store
    then starts empty. A file that cannot be read at all gives a notice and the
    defaults, or with ``strict`` a :class:`StoreError`.
    """

    def __init__(self, path: Path, kind: type = dict, *, strict: bool = False) -> None:
        self.path = path
        self.kind = kind
        self.strict = strict
        self.notices: list[str] = []

    def load(self, check: Callable[[Any], bool] | None = None) -> Any:
        try:
            raw = read_bytes(self.path).decode("utf-8")
        except UnicodeDecodeError:
            raw = ""  # not text at all: set aside below, like any unreadable content
        except FileNotFoundError:
            return self.kind()
        except OSError as error:
            if isinstance(error, StoreError):
                message = str(error)
            else:
                message = f"cannot read {self.path}: {_why(error)}"
            if self.strict:
                raise StoreError(message) from None
            self.notices.append(f"{message[:1].upper()}{message[1:]}; using defaults.")
            return self.kind()
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, self.kind) or (check is not None and not check(value)):
            try:
                aside = set_aside(self.path)
            except OSError as error:
                message = (
                    f"{self.path} could not be read and cannot be moved aside ({_why(error)})"
                )
                if self.strict:
                    raise StoreError(message) from None
                self.notices.append(message + "; using defaults.")
                return self.kind()
            self.notices.append(
                f"{self.path.name} could not be read; it was kept as {aside} and a new one started."
            )
            return self.kind()
        return value

    def save(self, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name with bytes that are not UTF-8
            text = json.dumps(value, ensure_ascii=True, indent=2) + "\n"
        atomic_write_text(self.path, text)
