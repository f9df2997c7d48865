"""Incremental sync of the sources into the cache.

* Files are found by :func:`.walk.walk_sources` (``*.txt`` in folders, any file
  named directly; hidden entries, symlink loops and links leading out of their
  source are left out) and read by :func:`.walk.read_regular` (never blocks on a
  FIFO or a device).
* A file whose size and mtime are unchanged is not read, unless it was skipped
  as unreadable last time (a permission fixed changes neither). New and changed
  files are parsed — in a process pool when there are many — and written by this
  one thread in batches, each batch one transaction: an interrupted sync leaves
  a consistent cache that the next run completes.
* A file that disappeared leaves the library; an article whose every file is
  gone is deleted. A source root that is missing, or a folder that cannot be
  listed, is reported and its articles are kept (an unplugged disk is not a
  deletion).
* The sources may be given as a callable that reads them from the user's store:
  it is called when the sync starts and again before anything is removed, so a
  source another process added meanwhile is never emptied by this sync.
* wardtui's own exports saved into a source are recognised and skipped.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..corpus import Article, Skipped, decode_bytes, parse_text
from ..corpus.model import ward_label
from ..corpus.parse import MAX_FILE_BYTES
from ..places import place_article
from .codec import fts_values, pack_paragraphs, unpack_paragraphs
from .own_exports import EXPORT_REASON, export_kind
from .placing import PLACE_COLUMNS, PlaceValues, place_pending, placement_values
from .walk import (
    RETRY_REASONS,
    UNREADABLE,
    FoundFile,
    NotRegular,
    WalkLog,
    path_key,
    read_regular,
    walk_sources,
)

__all__ = ["FoundFile", "SourcesArg", "SyncReport", "path_key", "sync_sources", "walk_sources"]

BATCH = 500
POOL_THRESHOLD = 400

Progress = Callable[[int, int], None]
SourcesArg = Sequence[Path] | Callable[[], Sequence[Path]]


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
    links_outside: list[str] = field(default_factory=list)  # symbolic links not followed
    seconds: float = 0.0
    cancelled: bool = False

    @property
    def parsed(self) -> int:
        return self.new + self.changed


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
    place: PlaceValues | None = None  # placed in the worker too (wardtui.places)


def _read(found: FoundFile) -> bytes:
    """The file's bytes; raises :class:`Skipped` for anything that is not a readable
    regular file, too big, or one of wardtui's own exports."""
    name = found.real or found.path
    try:
        data = read_regular(name, follow=found.follow, limit=MAX_FILE_BYTES)
    except NotRegular as error:
        raise Skipped(str(error)) from None
    except OSError as error:
        raise Skipped(f"{UNREADABLE} ({error.strerror or type(error).__name__})") from None
    except ValueError:  # a NUL in the name
        raise Skipped(f"{UNREADABLE} (invalid file name)") from None
    if len(data) > MAX_FILE_BYTES:
        size = max(found.size, len(data)) / 1_048_576
        raise Skipped(f"too large for an article ({size:.0f} MB)")
    if export_kind(data):
        raise Skipped(EXPORT_REASON)
    return data


def parse_found(found: FoundFile) -> ParseOutcome:
    """Parse one file (runs in a worker process); never raises for bad input."""
    try:
        decoded = decode_bytes(_read(found))
        article = parse_text(decoded.text, source=found.path, encoding=decoded.encoding)
    except Skipped as skip:
        return ParseOutcome(found.path, found.size, found.mtime_ns, None, skip.reason)
    except RecursionError:
        return ParseOutcome(found.path, found.size, found.mtime_ns, None, "too deeply nested")
    # Compress and prepare the index text here, in the worker, not in the writer,
    # and send the paragraphs back only once (compressed). The whole page (banners,
    # footers) is evidence of the place; the gazetteer loads on a worker's first file.
    return ParseOutcome(
        found.path,
        found.size,
        found.mtime_ns,
        replace(article, paragraphs=()),
        None,
        pack_paragraphs(article.paragraphs),
        fts_values(article.title, article.ward_label, article.author, article.paragraphs),
        article.words,
        placement_values(place_article(article, (decoded.text,))),
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
            f" encoding, words, body, credit, title_original, {', '.join(PLACE_COLUMNS)})"
            f" VALUES ({', '.join('?' * (14 + len(PLACE_COLUMNS)))})",
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
                article.credit,
                article.title_original,
                *(outcome.place or (None,) * len(PLACE_COLUMNS)),
            ),
        )
        self.conn.execute(
            "INSERT INTO fts (rowid, title, ward, author, body) VALUES (?, ?, ?, ?, ?)",
            (cursor.lastrowid, *outcome.fts),
        )


def _current(sources: SourcesArg) -> list[str]:
    listed = sources() if callable(sources) else sources
    return [str(Path(os.path.abspath(s))) for s in listed]


def sync_sources(
    conn: sqlite3.Connection,
    sources: SourcesArg,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    workers: int | None = None,
    follow_outside: bool = False,
) -> SyncReport:
    """Bring the cache up to date with ``sources``; see the module docstring.

    ``sources`` is a list, or a callable returning the current list (read again
    before removing anything). ``follow_outside`` follows symbolic links that
    lead out of their source root (off by default).
    """
    started = time.perf_counter()
    report = SyncReport()
    roots = _current(sources)
    log = WalkLog(problems=report.problems, skipped=report.skipped)
    found = list(walk_sources([Path(r) for r in roots], log, follow_outside=follow_outside))
    report.links_outside = log.links_outside
    if log.links_outside:
        count = len(log.links_outside)
        report.problems.append(
            f"{count} symbolic link{'s' if count != 1 else ''} leading out of "
            f"{'their source were' if count != 1 else 'its source was'} not followed "
            f"(a source is read only inside its folder), e.g. {log.links_outside[0]}"
        )
    report.seen = len(found)
    plain = conn.cursor()
    plain.row_factory = None  # tuples: 100,000 rows load a third faster than sqlite3.Row
    known: dict[str, tuple[int, int]] = {}
    retry: set[str] = set()
    for path, size, mtime_ns, reason in plain.execute(
        "SELECT path, size, mtime_ns, skip_reason FROM files"
    ):
        known[path] = (size, mtime_ns)
        if reason is not None and reason.startswith(RETRY_REASONS):
            retry.add(path)
    todo: list[FoundFile] = []
    for item in found:
        before = known.get(item.path)
        if before == (item.size, item.mtime_ns) and item.path not in retry:
            report.unchanged += 1
        else:
            todo.append(item)
    present = {item.path for item in found}
    present.update(path for path, _ in log.skipped)  # met but not readable: not "gone"
    walked = [path_key(r) for r in roots]
    # Read the sources again now: one added by another process since the start
    # (and perhaps already synced by it) is not ours to empty.
    current = [path_key(r) for r in _current(sources)] if callable(sources) else walked
    kept = [path_key(folder) for folder in log.unlisted]  # missing or not listable
    gone = [
        path
        for path in known
        if path not in present
        and not (kept and _under(path, kept))
        and (_under(path, walked) or not _under(path, current))
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
        if outcome.path in retry and outcome.reason:
            pass  # still unreadable: listed as skipped, not counted as changed
        elif outcome.path in known:
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
    if not report.cancelled:  # rows of a cache older than places (schema 3)
        place_pending(conn, should_cancel)
    report.seconds = time.perf_counter() - started
    return report
