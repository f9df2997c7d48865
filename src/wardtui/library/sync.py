"""Incremental sync of the sources into the cache.

* Files are found by walking the sources (``*.txt`` in folders, any file named
  directly); hidden entries are skipped and symlink loops end.
* A file whose size and mtime are unchanged is not read. New and changed files
  are parsed — in a process pool when there are many — and written by this one
  thread in batches, each batch one transaction: an interrupted sync leaves a
  consistent cache that the next run completes.
* A file that disappeared leaves the library; an article whose every file is
  gone is deleted. A source root that is missing entirely is reported and its
  articles are kept (an unplugged disk is not a deletion).
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import stat as stat_mod
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..corpus import Article, Skipped, parse_file
from ..corpus.model import ward_label
from .codec import fts_values, pack_paragraphs, unpack_paragraphs

BATCH = 500
POOL_THRESHOLD = 400
TEXT_SUFFIXES = frozenset({".txt", ".text"})

Progress = Callable[[int, int], None]


@dataclass(slots=True)
class SyncReport:
    """What a sync did. ``skipped`` and ``decoded`` name files with a reason/encoding."""

    seen: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    decoded: list[tuple[str, str]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def parsed(self) -> int:
        return self.new + self.changed


@dataclass(frozen=True, slots=True)
class FoundFile:
    """A file to sync. ``path`` is its key in the cache (always valid text);
    ``real`` is the name to open it by, when that differs (undecodable bytes)."""

    path: str
    size: int
    mtime_ns: int
    real: str | None = None

    @classmethod
    def of(cls, path: str, size: int, mtime_ns: int) -> FoundFile:
        key = path_key(path)
        return cls(key, size, mtime_ns, None if key == path else path)


def path_key(path: str) -> str:
    """A file name as text SQLite can store and a terminal can show.

    Names with bytes that are not UTF-8 arrive with surrogate escapes; they are
    written with backslash escapes instead (``bad\\xffname.txt``), the same way
    every time, so the file is still recognised at the next sync.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return path


@dataclass(slots=True)
class ParseOutcome:
    """One parsed file, with what the writer stores already computed by the worker."""

    path: str
    size: int
    mtime_ns: int
    article: Article | None
    reason: str | None
    packed: bytes = b""
    fts: tuple[str, str, str, str] = ("", "", "", "")
    words: int = 0


def walk_sources(sources: Sequence[Path], problems: list[str]) -> Iterator[FoundFile]:
    """Every candidate file under ``sources``; problems are appended as sentences."""
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    for source in sources:
        try:
            info = source.stat()
        except OSError as error:
            problems.append(f"source {source} cannot be read ({error.strerror}); kept its articles")
            continue
        if stat_mod.S_ISDIR(info.st_mode):
            yield from _walk_dir(source, seen_dirs, seen_files, problems)
        elif stat_mod.S_ISREG(info.st_mode):
            key = str(source)
            if key not in seen_files:
                seen_files.add(key)
                yield FoundFile.of(key, info.st_size, info.st_mtime_ns)
        else:
            problems.append(f"source {source} is not a file or a folder")


def _walk_dir(
    root: Path, seen_dirs: set[tuple[int, int]], seen_files: set[str], problems: list[str]
) -> Iterator[FoundFile]:
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen_dirs:
            continue  # a symlink loop, or a folder reached twice
        seen_dirs.add(key)
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            problems.append(f"folder {folder} cannot be read ({error.strerror})")
            continue
        subfolders = []
        for entry in listing:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    subfolders.append(entry.path)
                    continue
                suffix = os.path.splitext(entry.name)[1].lower()
                if suffix not in TEXT_SUFFIXES or not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:
                continue
            if entry.path not in seen_files:
                seen_files.add(entry.path)
                yield FoundFile.of(entry.path, st.st_size, st.st_mtime_ns)
        stack.extend(reversed(subfolders))


def parse_found(found: FoundFile) -> ParseOutcome:
    """Parse one file (runs in a worker process); never raises for bad input."""
    try:
        article = parse_file(Path(found.real or found.path))
        if found.real:
            article = replace(article, source=found.path)
    except Skipped as skip:
        return ParseOutcome(found.path, found.size, found.mtime_ns, None, skip.reason)
    except RecursionError:
        return ParseOutcome(found.path, found.size, found.mtime_ns, None, "too deeply nested")
    # Compress and prepare the index text here, in the worker, not in the writer,
    # and send the paragraphs back only once (compressed).
    return ParseOutcome(
        found.path,
        found.size,
        found.mtime_ns,
        replace(article, paragraphs=()),
        None,
        pack_paragraphs(article.paragraphs),
        fts_values(article.title, article.ward_label, article.author, article.paragraphs),
        article.words,
    )


def _watch_parent(pid: int) -> None:
    """In a pool worker: exit when the syncing process is gone (killed with -9).

    Pool workers otherwise wait forever for work that will never come.
    """

    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                continue

    threading.Thread(target=watch, name="wardtui-parent-watch", daemon=True).start()


def _parse_all(todo: list[FoundFile], workers: int | None) -> Iterator[ParseOutcome]:
    """Parse ``todo`` in order: in a process pool when there are many files.

    If the pool cannot start or breaks (no ``/dev/shm``, a killed worker), the
    files not yet parsed are parsed here instead: slower, never lost.
    """
    if workers == 1 or len(todo) < POOL_THRESHOLD:
        yield from map(parse_found, todo)
        return
    count = workers or os.cpu_count() or 1
    done = 0
    try:
        context = multiprocessing.get_context("forkserver")
        pool = ProcessPoolExecutor(
            max_workers=count,
            mp_context=context,
            initializer=_watch_parent,
            initargs=(os.getpid(),),
        )
    except (OSError, ValueError):
        yield from map(parse_found, todo)
        return
    try:
        for outcome in pool.map(parse_found, todo, chunksize=64):
            done += 1
            yield outcome
    except (BrokenProcessPool, OSError):
        yield from map(parse_found, todo[done:])
    finally:
        # On cancel (the generator closed early) drop the work not yet started.
        pool.shutdown(wait=True, cancel_futures=True)


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


class Writer:
    """Applies parse outcomes to the cache; one instance per sync, on one connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _drop_article_if_orphan(self, article_id: str) -> None:
        still = self.conn.execute(
            "SELECT 1 FROM files WHERE article_id = ? LIMIT 1", (article_id,)
        ).fetchone()
        if still:
            return
        row = self.conn.execute(
            "SELECT rowid, title, ward, unit, author, body FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return
        values = fts_values(
            row["title"],
            ward_label(row["ward"], row["unit"]),
            row["author"],
            unpack_paragraphs(row["body"]),
        )
        self.conn.execute(
            "INSERT INTO fts (fts, rowid, title, ward, author, body)"
            " VALUES ('delete', ?, ?, ?, ?, ?)",
            (row["rowid"], *values),
        )
        self.conn.execute("DELETE FROM articles WHERE rowid = ?", (row["rowid"],))

    def remove_file(self, path: str) -> None:
        row = self.conn.execute("SELECT article_id FROM files WHERE path = ?", (path,)).fetchone()
        self.conn.execute("DELETE FROM files WHERE path = ?", (path,))
        if row and row["article_id"]:
            self._drop_article_if_orphan(row["article_id"])

    def store(self, outcome: ParseOutcome) -> None:
        old = self.conn.execute(
            "SELECT article_id FROM files WHERE path = ?", (outcome.path,)
        ).fetchone()
        article = outcome.article
        self.conn.execute(
            "INSERT OR REPLACE INTO files (path, size, mtime_ns, article_id, encoding, skip_reason)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                outcome.path,
                outcome.size,
                outcome.mtime_ns,
                article.id if article else None,
                article.encoding if article else None,
                outcome.reason,
            ),
        )
        if old and old["article_id"] and (article is None or old["article_id"] != article.id):
            self._drop_article_if_orphan(old["article_id"])
        if article is None:
            return
        exists = self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        if exists:
            return  # the same text in another file: one article, several files
        cursor = self.conn.execute(
            "INSERT INTO articles (id, title, ward, unit, date, year, author, category, source,"
            " encoding, words, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.title,
                article.ward,
                article.unit,
                article.date,
                article.year,
                article.author,
                article.category,
                article.source,
                article.encoding,
                outcome.words,
                outcome.packed,
            ),
        )
        self.conn.execute(
            "INSERT INTO fts (rowid, title, ward, author, body) VALUES (?, ?, ?, ?, ?)",
            (cursor.lastrowid, *outcome.fts),
        )


def sync_sources(
    conn: sqlite3.Connection,
    sources: Sequence[Path],
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
) -> SyncReport:
    """Bring the cache up to date with ``sources``; see the module docstring."""
    started = time.perf_counter()
    report = SyncReport()
    roots = [str(Path(os.path.abspath(s))) for s in sources]
    found = list(walk_sources([Path(r) for r in roots], report.problems))
    report.seen = len(found)
    plain = conn.cursor()
    plain.row_factory = None  # tuples: 100,000 rows load a third faster than sqlite3.Row
    known = {
        path: (size, mtime_ns)
        for path, size, mtime_ns in plain.execute("SELECT path, size, mtime_ns FROM files")
    }
    todo: list[FoundFile] = []
    for item in found:
        before = known.get(item.path)
        if before == (item.size, item.mtime_ns):
            report.unchanged += 1
        else:
            todo.append(item)
    present = {item.path for item in found}
    missing_roots = [r for r in roots if not os.path.exists(r)]
    gone = [
        path
        for path in known
        if path not in present and not (missing_roots and _under(path, missing_roots))
    ]
    writer = Writer(conn)
    if gone:
        with conn:
            for path in gone:
                writer.remove_file(path)
        report.removed = len(gone)
    total = len(todo)
    done = 0
    if progress:
        progress(0, total)
    batch: list[ParseOutcome] = []

    def flush() -> None:
        with conn:
            for outcome in batch:
                writer.store(outcome)
        batch.clear()

    for outcome in _parse_all(todo, workers):
        if outcome.path in known:
            report.changed += 1
        else:
            report.new += 1
        if outcome.reason:
            report.skipped.append((outcome.path, outcome.reason))
        elif outcome.article and outcome.article.encoding != "utf-8":
            report.decoded.append((outcome.path, outcome.article.encoding))
        batch.append(outcome)
        done += 1
        if should_cancel and should_cancel():
            report.cancelled = True
            break
        if len(batch) >= BATCH:
            flush()
            if progress:
                progress(done, total)
    if batch:
        flush()
    if progress:
        progress(done, total)
    report.seconds = time.perf_counter() - started
    return report
