"""Incremental sync of the sources into the cache.

* Files are found by :func:`.walk.walk_sources` (``*.txt`` in folders, any file
  named directly; hidden entries, symlink loops and links leading out of their
  source are left out) and read by :func:`.walk.read_regular` (never blocks on a
  FIFO or a device).
* A file whose size and mtime are unchanged is not read, unless it was skipped
  as unreadable last time (a permission fixed changes neither). New and changed
  files are parsed — in a process pool when there are many (:mod:`.pool`; started
  and fed while the walk goes on) — and written, in the order of their paths, by
  this one thread in batches (:mod:`.writer`), each batch one
  transaction: an interrupted sync leaves a consistent cache that the next run
  completes. With nothing changed, a sync is one walk (a ``stat`` per file), one
  query for the cache's files and a set lookup per file: no pool, no write.
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

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from ..corpus import Article, Skipped
from ..places import gazetteer
from .codec import fts_values, pack_paragraphs
from .own_exports import EXPORT_REASON, export_kind
from .placing import PlaceValues, place_pending, settle_page
from .pool import INLINE_MAX, PoolStart, parse_all, workers_for
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
from .writer import ENCODING, Record, Writer, article_row

if TYPE_CHECKING:  # (imported by .pool when a pool starts)
    from concurrent.futures import Future, ProcessPoolExecutor

    Early = tuple[list[FoundFile], Future[list[Record]]]  # sent to the pool during the walk

__all__ = ["FoundFile", "SourcesArg", "SyncReport", "path_key", "sync_sources", "walk_sources"]

# Files per transaction. Fewer, bigger transactions cost less: each commit makes an
# FTS5 segment that is merged later (1,000 changed files in transactions of 50 take
# 20% more CPU than in one). A kill loses at most this many files' parsing.
BATCH = 2000
FIRST_BATCH = 100  # the first transactions are small and double up to BATCH, so a first
# sync of a big folder shows its first articles (to the app, to other readers) at once;
# when fewer than this many files are new (a re-sync of changed files), batches of this
# size are written as they come but committed together, up to BATCH files a transaction
# SQLite's page cache while a sync writes (negative: KiB), 2 MB otherwise: an index
# keyed by a hash (the articles' ids) is written all over, and a cold index of 40,000
# articles took 12% more CPU in the writer with 2 MB
SYNC_CACHE = -32768
PROGRESS_SECONDS = 0.5  # progress is reported this often, apart from the commits
SAMPLE = 16  # files found to parse before the walk's rate says whether the pool is worth it

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
    from ..corpus.parse import MAX_FILE_BYTES  # the parser loads only when a file is read

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
    from ..corpus.decode import decode_bytes
    from ..corpus.parse import parse_text

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
    # The file's origin (its path, an address line) may settle the ward (issue 10).
    article, place = settle_page(article, decoded.text)
    return ParseOutcome(
        found.path,
        found.size,
        found.mtime_ns,
        article,
        None,
        pack_paragraphs(article.paragraphs),
        fts_values(article.title, article.ward_label, article.author, article.paragraphs),
        article.words,
        place,
    )


def compact(outcome: ParseOutcome) -> Record:
    """``outcome`` as the tuple the writer takes (and a worker sends back)."""
    article = outcome.article
    if article is None:
        return (outcome.path, outcome.size, outcome.mtime_ns, outcome.reason, None, None)
    row = article_row(article, outcome.words, outcome.packed, outcome.place)
    return (outcome.path, outcome.size, outcome.mtime_ns, None, row, outcome.fts)


def parse_one(found: FoundFile) -> Record:
    return compact(parse_found(found))


def warm() -> None:
    """In a new pool worker: import the parser and load the gazetteer, as the first parse
    would (a forkserver's worker has both already: see :data:`.pool.PRELOAD`)."""
    from ..corpus.decode import decode_bytes  # noqa: F401
    from ..corpus.parse import parse_text  # noqa: F401

    gazetteer()


def parse_chunk(files: list[FoundFile]) -> list[Record]:
    """In a pool worker: parse a chunk of files, read by the worker itself."""
    return [compact(parse_found(found)) for found in files]


def many_to_parse(found: int, cached: int, met: int) -> bool:
    """Whether the walk, having found ``found`` files to parse and met ``met`` of the
    cache's ``cached`` files unchanged, will find more than :data:`INLINE_MAX` (the pool
    is worth starting): more found already, or as many expected at this rate from a
    sample of :data:`SAMPLE` files (1% of 100,000 changed: started when the walk has
    gone through 2% of the files, not 15%), twice over for a margin."""
    if found > INLINE_MAX:
        return True
    if found < SAMPLE or not cached:
        return False
    return found * cached > 2 * INLINE_MAX * (met + found)


def _under(path: str, roots: Iterable[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def _current(sources: SourcesArg) -> list[str]:
    listed = sources() if callable(sources) else sources
    return [str(Path(os.path.abspath(s))) for s in listed]


def _apply(
    conn: sqlite3.Connection,
    sources: SourcesArg,
    roots: list[str],
    todo: list[FoundFile],
    unchanged: set[tuple[str, int, int]],
    retry: set[str],
    log: WalkLog,
    report: SyncReport,
    parsing: tuple[ProcessPoolExecutor | None, int, list[Early]],
    progress: Progress | None,
    should_cancel: Callable[[], bool] | None,
) -> None:
    """After the walk: remove what is gone, parse and store what is new or changed."""
    report.links_outside = log.links_outside
    if log.links_outside:
        count = len(log.links_outside)
        report.problems.append(
            f"{count} symbolic link{'s' if count != 1 else ''} leading out of "
            f"{'their source were' if count != 1 else 'its source was'} not followed "
            f"(a source is read only inside its folder), e.g. {log.links_outside[0]}"
        )
    report.unchanged = log.unchanged
    report.seen = log.unchanged + len(todo)
    # The cache's files not found unchanged: changed, to retry, or gone.
    known = {row[0] for row in unchanged} | retry
    writer = Writer(conn)
    if known:
        present = {item.path for item in todo}
        present.update(path for path, _ in log.skipped)  # met but not readable: not "gone"
        walked = [path_key(r) for r in roots]
        # Read the sources again now: one added by another process since the start
        # (and perhaps already synced by it) is not ours to empty.
        current = [path_key(r) for r in _current(sources)] if callable(sources) else walked
        kept = [path_key(folder) for folder in log.unlisted]  # missing or not listable
        gone = [
            path
            for path in sorted(known)
            if path not in present
            and not (kept and _under(path, kept))
            and (_under(path, walked) or not _under(path, current))
        ]
        if gone:
            writer.remove_files(gone)
            report.removed = len(gone)
    total = len(todo)
    done = 0
    if progress:
        progress(0, total)
    batch: list[Record] = []
    limit = min(FIRST_BATCH, BATCH)
    # Changed files are in the library already: nothing to show early, so their batches
    # are written as they come but committed together (one transaction per BATCH files).
    together = sum(1 for item in todo if item.path not in known) < FIRST_BATCH
    pending = 0  # files written, not committed yet
    shown = time.monotonic()
    try:
        for record in parse_all(todo, *parsing[:2], parse_one, parse_chunk, parsing[2]):
            path, reason, row = record[0], record[3], record[4]
            if reason:  # counted once: as skipped (with why), never also as new or changed
                report.skipped.append((path, reason))
            elif path in known:
                report.changed += 1
            else:
                report.new += 1
            if not reason and row is not None and row[ENCODING] != "utf-8":
                report.decoded.append((path, row[ENCODING]))
            batch.append(record)
            done += 1
            if should_cancel and should_cancel():
                report.cancelled = True
                break
            if len(batch) >= limit:
                if together and pending + len(batch) < BATCH:
                    writer.write(batch, known)
                    pending += len(batch)
                else:
                    writer.store(batch, known)  # (with what was written before it)
                    pending = 0
                batch.clear()
                if not together:  # (together: the last write after the parse stays small)
                    limit = min(BATCH, 2 * limit)
            if progress and time.monotonic() - shown >= PROGRESS_SECONDS:
                progress(done, total)
                shown = time.monotonic()
        if batch or pending:
            writer.store(batch, known)
    except BaseException:
        if conn.in_transaction:  # files written but not committed: read again next time
            conn.rollback()
        raise
    if progress:
        progress(done, total)


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
    plain = conn.cursor()
    plain.row_factory = None  # tuples
    # The cache's files as (path, size, mtime_ns), in one query: the walk drops each
    # file it finds among them. Files skipped for a reason that may change with
    # neither size nor mtime (a permission fixed) are not among them: read again.
    retry_clause = " OR ".join("substr(skip_reason, 1, ?) = ?" for _ in RETRY_REASONS)
    retry_args = [value for reason in RETRY_REASONS for value in (len(reason), reason)]
    unchanged: set[tuple[str, int, int]] = set(plain.execute(
        f"SELECT path, size, mtime_ns FROM files WHERE skip_reason IS NULL OR NOT ({retry_clause})",
        retry_args,
    ))
    retry = {row[0] for row in plain.execute(
        f"SELECT path FROM files WHERE skip_reason IS NOT NULL AND ({retry_clause})", retry_args
    )}
    log = WalkLog(problems=report.problems, skipped=report.skipped)
    count = workers_for(workers)
    starting: PoolStart[FoundFile, Record] | None = None
    todo: list[FoundFile] = []
    cached = len(unchanged)  # the cache's files before the walk (it takes the ones it meets)
    try:
        for item in walk_sources(
            [Path(r) for r in roots], log, follow_outside=follow_outside, unchanged=unchanged
        ):
            todo.append(item)
            if starting is not None:
                starting.feed(item)  # parsed by the pool while the walk goes on
            elif count > 1 and many_to_parse(len(todo), cached, cached - len(unchanged)):
                starting = PoolStart(count, warm, parse_chunk)  # starts beside the walk
                for found in todo:
                    starting.feed(found)
    except BaseException:
        late = starting.pool() if starting is not None else None
        if late is not None:
            late.shutdown(wait=True, cancel_futures=True)
        raise
    pool = starting.pool() if starting is not None else None
    early = starting.early if starting is not None else []
    todo.sort(key=attrgetter("path"))  # new articles are added in the order of their paths
    cache = plain.execute("PRAGMA cache_size").fetchone()[0]
    try:
        if todo:  # the indexes of a big cache are written in random order: keep them in memory
            plain.execute(f"PRAGMA cache_size = {SYNC_CACHE}")
        _apply(conn, sources, roots, todo, unchanged, retry, log, report, (pool, count, early),
               progress, should_cancel)
    finally:
        plain.execute(f"PRAGMA cache_size = {int(cache)}")
        if pool is not None:  # (parse_all shuts it down; this is for an error before)
            pool.shutdown(wait=True, cancel_futures=True)
    if not report.cancelled:  # rows of a cache older than places (schema 3)
        place_pending(conn, should_cancel)
    report.seconds = time.perf_counter() - started
    return report
