"""Writing exports: file names, the folder, atomic writes that never overwrite unasked.

* :func:`proposed_name` makes the file name from ward, date and title, folded to
  ASCII: no path separators, no leading dot, at most :data:`MAX_NAME` characters.
  :func:`default_folder` proposes the folder; :func:`check_name` validates a
  name the user typed.
* :func:`write_export` never overwrites unless asked (:class:`ExportExists`
  otherwise, even if the file appears meanwhile), writes atomically, and
  replaces a symbolic link itself, never the file it points at.
  :func:`export_many` writes many articles into one folder and reports.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths
from ..corpus import Article
from ..labels import plural
from ..library.model import Missing
from ..vntext import slugify
from .formats import FORMATS, Format, render

__all__ = [
    "MAX_NAME",
    "TITLE_SLUG",
    "ExportError",
    "ExportExists",
    "ExportReport",
    "check_name",
    "default_folder",
    "export_many",
    "proposed_name",
    "with_format",
    "write_export",
]

MAX_NAME = 80
TITLE_SLUG = 40  # at most this much of the title goes into a file name


class ExportError(Exception):
    """An export that could not be written; the message says why, in one line."""


class ExportExists(ExportError):
    """The target already exists and overwriting was not asked for."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists")
        self.path = path


# -- names and folders -----------------------------------------------------------
def _name_part(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")


def proposed_name(article: Article, fmt: Format = "txt", *, tag: str = "") -> str:
    """``my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang.txt``.

    Ward, date and the title's first words (up to :data:`TITLE_SLUG` characters)
    slugged to ASCII (``[a-z0-9-]``) and joined by ``_``; at most :data:`MAX_NAME`
    characters with the extension; never empty, never with a
    path separator or a leading dot. A numbered ward keeps its unit
    (``phuong-12``). ``tag`` (e.g. part of the id) is added to tell apart two
    articles that would get the same name.
    """
    if article.ward and article.ward.strip().isdigit():
        ward = slugify(article.ward_label or article.ward)
    else:
        ward = slugify(article.ward or "")
    date = _name_part(article.date or "")
    stem = "_".join([ward or "unknown-ward", date or "undated"])
    tail = f"_{_name_part(tag)}" if _name_part(tag) else ""
    suffix = f".{fmt}"
    stem = stem[: MAX_NAME - len(suffix) - len(tail)].strip("-_")
    room = MAX_NAME - len(stem) - len(tail) - len(suffix) - 1
    title = slugify(article.title, max_length=min(room, TITLE_SLUG)) if room > 0 else ""
    name = f"{stem}_{title}" if title else stem
    name = (name + tail)[: MAX_NAME - len(suffix)].strip("-_.")
    return (name or _name_part(article.id)[:40] or "article") + suffix


def with_format(name: str, fmt: Format) -> str:
    """``name`` with its extension set to ``fmt`` (a known extension is replaced)."""
    stem, dot, ext = name.rpartition(".")
    if dot and stem and ext.lower() in FORMATS:
        return f"{stem}.{fmt}"
    return f"{name}.{fmt}"


def check_name(name: str) -> str | None:
    """Why ``name`` cannot be an export file name (one line), or ``None`` when it can."""
    if not name.strip():
        return "Type a file name."
    if name != name.strip():
        return "The file name starts or ends with a space."
    separators = {"/", os.sep, os.altsep or "/"}
    if any(sep in name for sep in separators):
        return "The file name cannot contain a path separator; put the folder above."
    if name in (".", ".."):
        return "That is not a file name."
    if name.startswith("."):
        return "The file name cannot start with a dot (the file would be hidden)."
    if any(ord(ch) < 32 or ch == "\x7f" for ch in name):
        return "The file name contains a control character."
    if len(name.encode("utf-8")) > 255:
        return "The file name is too long."
    return None


def default_folder(last: str | Path | None = None) -> Path:
    """The folder to propose: ``last`` (the one used last time) if it still exists,
    else the user's Documents folder if it exists, else the working directory."""
    if last:
        candidate = Path(last).expanduser()
        if candidate.is_dir():
            return candidate
    return paths.documents_dir() or Path.cwd()


# -- writing -------------------------------------------------------------------
def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise ExportError(f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"{folder} is not a folder")


def write_export(
    article: Article, target: Path, fmt: Format = "txt", *, force: bool = False
) -> Path:
    """Write ``article`` to ``target`` atomically and return ``target``.

    Without ``force`` an existing ``target`` (a file, or a symbolic link even
    to nothing) raises :class:`ExportExists`, also when it appears while we
    write. With ``force`` it is replaced; a symbolic link is replaced by the new
    file, its target left untouched. A device, a FIFO or a socket (or a link to
    one) is never replaced, even with ``force``. The user's umask sets the
    file's mode. Other problems (missing folder, a folder in
    the way, no permission, a full disk) raise :class:`ExportError` with a
    one-line reason.
    """
    _check_folder(target.parent)
    if target.is_dir() and not target.is_symlink():
        raise ExportError(f"{target} is a folder")
    _refuse_special(target)
    if os.path.lexists(target) and not force:
        raise ExportExists(target)
    _write_atomic(target, render(article, fmt), replace=force)
    return target


def _refuse_special(target: Path) -> None:
    """Never replace a device, a FIFO or a socket (or a link to one, e.g. ``/dev/stdout``)."""
    for follow in (False, True):
        try:
            mode = os.stat(target, follow_symlinks=follow).st_mode
        except OSError:
            return  # nothing there (or a dangling link): free to write
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a device or a socket"
            raise ExportError(f"{target} is {kind}, not a file; exports replace only files")


def _write_atomic(target: Path, text: str, *, replace: bool) -> None:
    """Write through a temporary file in the same folder, then move it into place.

    Without ``replace`` the move is a hard link, which fails if the name is
    taken (or, where links are not supported, an exclusive create of the name
    first), so a file that appeared meanwhile is never overwritten.
    """
    folder = target.parent
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise ExportError(f"cannot write in the folder {folder}: {_reason(error)}") from None
    tmp = Path(tmp_name)
    try:
        mask = os.umask(0o077)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)  # mkstemp makes it private (0600): the umask decides
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, target)
        else:
            _move_new(tmp, target)
    except ExportError:
        raise
    except OSError as error:
        raise ExportError(f"could not write {target}: {_reason(error)}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _move_new(tmp: Path, target: Path) -> None:
    """Give ``tmp`` the name ``target`` only if that name is free."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise ExportExists(target) from None
    except OSError:
        linked = False  # no hard links here (FAT, some network shares): claim the name instead
    else:
        linked = True
    if linked:
        return
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        raise ExportExists(target) from None
    os.replace(tmp, target)


@dataclass(slots=True)
class ExportReport:
    """What :func:`export_many` did.

    ``written``: the files written; ``existing``: files left alone because they
    existed (without ``overwrite``); ``missing``: articles not in the library;
    ``failed``: ``(article id, reason)`` for the other failures.
    """

    folder: Path
    written: list[Path] = field(default_factory=list)
    existing: list[Path] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """True when every article asked for was written."""
        return not (self.existing or self.missing or self.failed)

    def summary(self) -> str:
        """One line: ``3 files written to /x; 1 already existed (not overwritten); 1 missing``."""
        count = len(self.written)
        parts = [f"{plural(count, 'file')} written to {self.folder}"]
        if self.existing:
            parts.append(f"{len(self.existing)} already existed (not overwritten)")
        if self.missing:
            parts.append(f"{len(self.missing)} missing from the library")
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return "; ".join(parts)


def export_many(
    articles: Iterable[Article | Missing],
    folder: Path,
    fmt: Format = "txt",
    overwrite: bool = False,
) -> ExportReport:
    """Write each article to its own file in ``folder`` (names from :func:`proposed_name`).

    A :class:`Missing` item is reported, not fatal; so is a file that exists
    (left alone unless ``overwrite``) or one that fails. Two articles that would
    get the same name are told apart by part of their id; an article given twice
    is written once. A missing, non-folder or unwritable ``folder`` raises
    :class:`ExportError`, as nothing could be written.
    """
    _check_folder(folder)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"the folder {folder} is not writable")
    report = ExportReport(folder)
    names: set[str] = set()
    seen: set[str] = set()
    for item in articles:
        if isinstance(item, Missing):
            report.missing.append(item)
            continue
        if item.id in seen:
            continue
        seen.add(item.id)
        name = proposed_name(item, fmt)
        if name in names:
            name = proposed_name(item, fmt, tag=item.id[:8])
        names.add(name)
        try:
            report.written.append(write_export(item, folder / name, fmt, force=overwrite))
        except ExportExists as error:
            report.existing.append(error.path)
        except ExportError as error:
            report.failed.append((item.id, str(error)))
    return report
