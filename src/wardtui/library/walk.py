"""Finding the files of the sources, and reading one of them safely.

* :func:`walk_sources` yields every candidate file (``*.txt`` in folders, any
  file named directly). Hidden entries are skipped and symlink loops end. Given
  the cache's ``(key, size, mtime_ns)`` rows as a set, it yields only the files
  not among them and removes the ones it meets from the set. The plain files of a
  folder (regular, ``*.txt``, ASCII names) go through C loops: ``map`` of
  ``DirEntry.stat``, one set of rows, set intersection and difference: an
  unchanged file costs its ``stat`` and no Python statement of its own. A
  symbolic link that leads out of its source root is not followed (a source is
  what the user pointed at, not ``/etc``): it is counted in the log. A folder
  that cannot be listed is logged as *unlisted* so the sync keeps its articles,
  as for a missing root; a path longer than the system's limit is logged as
  skipped with the reason, never dropped silently.
* :func:`path_key` turns a file name into its key in the cache: text that SQLite
  can store and a terminal can show, one key per name (injective).
* :func:`read_regular` opens without blocking and reads only a regular file, so a
  FIFO or a device put in a file's place never hangs a sync.
"""

from __future__ import annotations

import os
import stat as stat_mod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter, methodcaller
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text"})
PATH_MAX = 4096  # bytes, with the final NUL (Linux); longer paths cannot be opened by name
NOT_REGULAR = "not a regular file (a FIFO, device or socket)"
UNREADABLE = "unreadable"
# Skip reasons that may change without the file's size or mtime changing (a permission
# fixed, a FIFO replaced): such files are read again at every sync.
RETRY_REASONS = (UNREADABLE, NOT_REGULAR)
# A cache row as the walk compares it: (path key, size, mtime_ns).
Row = tuple[str, int, int]
_NAME, _SIZE, _MTIME = attrgetter("name"), attrgetter("st_size"), attrgetter("st_mtime_ns")
_PATH = attrgetter("path")
_STAT = os.DirEntry.stat
_PLAIN_FILE = methodcaller("is_file", follow_symlinks=False)
_TXT = methodcaller("endswith", tuple(TEXT_SUFFIXES))
_HIDDEN = methodcaller("startswith", ".")
# Folders are listed through a descriptor where the system allows it (see _folder).
_BY_FD = os.scandir in os.supports_fd
_DIR_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(slots=True)
class WalkLog:
    """What a walk met besides files: sentences for the user, and what the sync must keep."""

    problems: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)  # roots/folders whose files are kept
    links_outside: list[str] = field(default_factory=list)
    unchanged: int = 0  # files found among the ``unchanged`` rows (and not yielded)


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A file to sync. ``path`` is its key in the cache (always valid text);
    ``real`` is the name to open it by, when that differs (undecodable bytes, a
    backslash). ``follow`` is set when the walk reached it through a symbolic
    link (inside its root); otherwise a link found there at read time is refused."""

    path: str
    size: int
    mtime_ns: int
    real: str | None = None
    follow: bool = False

    @classmethod
    def of(cls, path: str, size: int, mtime_ns: int, *, follow: bool = False) -> FoundFile:
        key = path_key(path)
        return cls(key, size, mtime_ns, None if key == path else path, follow)


def path_key(path: str) -> str:
    """A file name as text SQLite can store and a terminal can show, one key per name.

    Names with bytes that are not UTF-8 arrive with surrogate escapes; they are
    written with backslash escapes instead (``bad\\xffname.txt``). A backslash
    in a name is doubled (``a\\\\b``), so a name that holds the four characters
    ``\\xff`` never gets the key of a name holding the byte 0xFF.
    """
    if "\\" in path:
        path = path.replace("\\", "\\\\")
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


def _too_long(path: str) -> bool:
    # a character is 1 to 4 bytes: encode only the paths that may be too long
    return len(path) >= PATH_MAX // 4 and len(os.fsencode(path)) >= PATH_MAX


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def walk_sources(
    sources: Sequence[Path],
    log: WalkLog | list[str],
    *,
    follow_outside: bool = False,
    unchanged: set[Row] | None = None,
) -> Iterator[FoundFile]:
    """Every candidate file under ``sources``; what else was met goes to ``log``.

    A folder's files come in the order of their names, then its subfolders' in the order
    of theirs: close to the order of their paths, in which the sync writes them (its
    pool parses the files while the walk goes on). Only the files yielded and the
    subfolders are sorted, not each folder's whole listing (that cost 10%).

    ``log`` may be a plain list, which then receives the problem sentences only.
    ``unchanged``: rows ``(key, size, mtime_ns)`` known to the cache; a file that
    matches one is not yielded but removed from the set and counted in
    ``log.unchanged`` (what is left in the set afterwards was not met as it was).
    """
    if isinstance(log, list):
        log = WalkLog(problems=log)
    if unchanged is None:
        unchanged = set()
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()  # files named as sources (a folder's walk skips them)
    folders: list[Path] = []
    for source in sources:
        try:
            info = source.stat()
        except (OSError, ValueError) as error:
            why = getattr(error, "strerror", None) or str(error)
            log.problems.append(f"source {source} cannot be read ({why}); kept its articles")
            log.unlisted.append(str(source))
            continue
        if stat_mod.S_ISDIR(info.st_mode):
            folders.append(source)
        elif stat_mod.S_ISREG(info.st_mode):
            key = str(source)
            if key not in seen_files:
                seen_files.add(key)
                row = (path_key(key), info.st_size, info.st_mtime_ns)
                if row in unchanged:
                    unchanged.remove(row)
                    log.unchanged += 1
                else:
                    yield FoundFile.of(key, info.st_size, info.st_mtime_ns, follow=True)
        else:
            log.problems.append(f"source {source} is not a file or a folder")
    for folder in folders:
        yield from _walk_dir(folder, seen_dirs, seen_files, log, follow_outside, unchanged)


def _walk_dir(
    root: Path,
    seen_dirs: set[tuple[int, int]],
    seen_files: set[str],
    log: WalkLog,
    follow_outside: bool,
    unchanged: set[Row],
) -> Iterator[FoundFile]:
    real_root = os.path.realpath(root)
    met = 0  # files found unchanged (added to log.unchanged at the end)
    stack: list[tuple[str, bool]] = [(str(root), False)]
    while stack:
        folder, via_link = stack.pop()
        try:
            fd = os.open(folder, _DIR_FLAGS) if _BY_FD else -1
        except OSError as error:
            _unlisted(log, folder, error)
            continue
        try:
            listed = _folder(folder, fd, via_link, seen_dirs, seen_files, log, follow_outside,
                             real_root, unchanged)
        finally:
            if fd >= 0:
                os.close(fd)
        if listed is None:
            continue
        found, subfolders, hits = listed
        met += hits
        found.sort(key=_PATH)  # (the few to parse: not the folder's whole listing)
        yield from found
        subfolders.sort()
        stack.extend(reversed(subfolders))
    log.unchanged += met


def _unlisted(log: WalkLog, folder: str, error: OSError) -> None:
    log.problems.append(
        f"folder {path_key(folder)} cannot be read ({error.strerror}); kept its articles"
    )
    log.unlisted.append(folder)


def _folder(
    folder: str,
    fd: int,
    via_link: bool,
    seen_dirs: set[tuple[int, int]],
    seen_files: set[str],
    log: WalkLog,
    follow_outside: bool,
    real_root: str,
    unchanged: set[Row],
) -> tuple[list[FoundFile], list[tuple[str, bool]], int] | None:
    """One folder of :func:`_walk_dir`: its files not among ``unchanged``, its subfolders
    to walk, and how many files it holds unchanged; ``None`` if it is not walked.

    Listed through the open folder ``fd`` (``-1``: by name): each ``stat`` then looks up
    one name in the folder, not every folder of the path again (a sixth less CPU)."""
    suffixes, long_path = TEXT_SUFFIXES, PATH_MAX // 4
    try:
        info = os.fstat(fd) if fd >= 0 else os.stat(folder)
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            return None  # a symlink loop, or a folder reached twice
        seen_dirs.add(key)
        with os.scandir(fd if fd >= 0 else folder) as entries:
            listing = list(entries)  # in the folder's order (see walk_sources)
    except OSError as error:
        _unlisted(log, folder, error)
        return None
    prefix = folder if folder.endswith(os.sep) else folder + os.sep
    names = list(map(_NAME, listing))
    plain: list[os.DirEntry[str]] = []
    try:  # plain files: regular (not links), not hidden, *.txt; the rest one by one
        if all(map(_PLAIN_FILE, listing)) and all(map(_TXT, names)) and not any(
            map(_HIDDEN, names)
        ):
            plain, listing = listing, []  # (the common folder, checked in C loops)
        else:
            plain = [
                e for e in listing
                if (n := e.name)[0] != "." and n[n.rfind(".") :].lower() in suffixes
                and e.is_file(follow_symlinks=False)
            ]
            if plain:
                listing = [e for e in listing if not e.is_file(follow_symlinks=False)]
    except OSError:  # a file gone meanwhile, on a system that does not give its type
        plain = []
    found: list[FoundFile] = []
    met = 0
    if plain:
        rows = _plain_rows(plain, prefix, long_path, seen_files)
        if rows is None:  # odd names, a file named as a source, a file gone meanwhile
            listing.extend(plain)
        else:
            hit = rows & unchanged
            if hit:
                unchanged -= hit
                met += len(hit)
            found = [FoundFile(name_key, size, mtime_ns, None, via_link)
                     for name_key, size, mtime_ns in (rows - hit if hit else rows)]
    subfolders: list[tuple[str, bool]] = []
    for entry in listing:
        name = entry.name
        if name[0] == ".":
            continue
        try:
            is_dir = entry.is_dir()
            if not is_dir and name[name.rfind(".") :].lower() not in suffixes:
                continue
            linked = entry.is_symlink()
        except OSError:
            continue
        path = prefix + name
        if len(path) >= long_path and _too_long(path):
            what = "folder" if is_dir else "file"
            log.skipped.append((
                path_key(path),
                f"{what} path too long ({len(os.fsencode(path))} bytes; "
                f"the system limit is {PATH_MAX})",
            ))
            continue
        if linked and not follow_outside and not _inside(os.path.realpath(path), real_root):
            log.links_outside.append(path_key(path))
            continue
        if is_dir:
            subfolders.append((path, via_link or linked))
            continue
        try:
            if not entry.is_file():
                continue
            st = entry.stat()
        except OSError as error:
            log.skipped.append((path_key(path), f"{UNREADABLE} ({error.strerror})"))
            continue
        if path in seen_files:
            continue
        seen_files.add(path)
        name_key = path_key(path)
        left = len(unchanged)
        unchanged.discard((name_key, st.st_size, st.st_mtime_ns))  # one lookup
        if len(unchanged) != left:
            met += 1
            continue
        found.append(FoundFile(
            name_key, st.st_size, st.st_mtime_ns, None if name_key == path else path,
            linked or via_link,
        ))
    return found, subfolders, met


def _plain_rows(
    plain: list[os.DirEntry[str]], prefix: str, long_path: int, seen_files: set[str]
) -> set[Row] | None:
    """The rows of a folder's plain files, built by C loops; ``None`` when one of
    them needs the careful path (a name whose key differs from it, a path that may
    be too long, a file also named as a source, a ``stat`` that fails)."""
    paths = list(map(prefix.__add__, map(_NAME, plain)))
    joined = "".join(paths)
    if not joined.isascii() or "\\" in joined or max(map(len, paths)) >= long_path:
        return None
    if seen_files and not seen_files.isdisjoint(paths):
        return None
    try:
        stats = list(map(_STAT, plain))
    except OSError:
        return None
    return set(zip(paths, map(_SIZE, stats), map(_MTIME, stats), strict=True))


def read_regular(path: str, *, follow: bool, limit: int) -> bytes:
    """The bytes of the regular file at ``path`` (at most ``limit + 1`` of them).

    Opens with ``O_NONBLOCK`` and checks the opened descriptor with ``fstat``, so a
    FIFO, a device or a socket is refused at once instead of blocking; without
    ``follow`` a symbolic link in the file's place is refused too. Raises
    :class:`OSError` (unreadable) or :class:`NotRegular`.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat_mod.S_ISREG(info.st_mode):
            raise NotRegular(NOT_REGULAR)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 22))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class NotRegular(Exception):
    """The name leads to something that is not a regular file."""
