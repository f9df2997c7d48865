"""The in-memory search index: what the search keeps of a library between keystrokes.

Built once per library in one SQL pass over the ``articles`` table, without
decompressing a single body: titles, wards and bylines are folded and split into
words, and every word gets the set of articles that use it (its *postings*).
Articles are named by their SQLite ``rowid`` everywhere in the search — the
full-text index returns rowids, so its results need no translation. Their
order, newest first (undated last), is :attr:`SearchIndex.rowids`;
:attr:`SearchIndex.rank` gives each rowid its place in it, and a date range is
a contiguous run of it.

Bodies stay in SQLite's full-text index; :class:`SearchIndex` lends its
searches a connection per thread (a small pool of :meth:`Library.reopen`
connections), so :func:`wardtui.search.search` works from worker threads.
"""

from __future__ import annotations

import bisect
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..corpus.model import ward_label
from ..library import Library
from ..vntext import fold
from .highlight import fast_fold
from .query import DateRange, tokenize

__all__ = ["META_FIELDS", "FieldIndex", "LruCache", "SearchIndex", "WardGroup"]

META_FIELDS = ("title", "ward", "author")
"""The fields searched in memory (and forgiving typos); ``body`` is searched by FTS5."""

_POOL_SIZE = 4
_TOKEN_RE = re.compile(r"[^\W_]+")  # the same words as query.tokenize


class LruCache:
    """A small thread-safe least-recently-used cache (what a search reuses between keystrokes)."""

    def __init__(self, size: int = 96) -> None:
        self.size = size
        self.items: OrderedDict[object, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: object) -> Any:
        """The value stored under ``key``, or ``None``."""
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: object, value: Any) -> None:
        """Store ``value``, forgetting the least recently used item when full."""
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)


@dataclass(slots=True)
class FieldIndex:
    """The words of one field (title, ward label or byline) of every article.

    ``postings[word]`` are the rowids of the articles whose field has the
    folded ``word`` (in no particular order); ``norm[rowid]`` is the folded
    field as ``" word word "``, for phrase checks; ``lowered[rowid]`` the same
    in lower case with the accents kept, for the words typed with accents
    (:meth:`exact`).
    """

    postings: dict[str, list[int]] = field(default_factory=dict)
    norm: list[str] = field(default_factory=list)
    lowered: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, rowids: list[int], texts: list[str], size: int) -> FieldIndex:
        """Index ``texts[i]`` as the field of article ``rowids[i]`` (rowids below ``size``).

        Equal texts (a ward label, a byline, a repeated title) are folded and
        split once, and their members added to the postings in one go.
        """
        groups: dict[str, list[int]] = {}
        for rowid, text in zip(rowids, texts, strict=True):
            members = groups.get(text)
            if members is None:
                groups[text] = [rowid]
            else:
                members.append(rowid)
        index = cls(norm=[""] * size, lowered=[""] * size)
        postings, norm, lowered = index.postings, index.norm, index.lowered
        findall = _TOKEN_RE.findall
        joined = "\n".join(text.replace("\n", " ") for text in groups)
        folded_texts = fast_fold(_nfc(joined)).split("\n") if groups else []
        for (text, members), folded in zip(groups.items(), folded_texts, strict=True):
            words = findall(folded)
            line = " " + " ".join(words) + " "
            lower = " " + " ".join(findall(text.lower())) + " " if text != folded else line
            if len(members) == 1:
                rowid = members[0]
                norm[rowid] = line
                lowered[rowid] = lower
                for word in set(words):
                    found = postings.get(word)
                    if found is None:
                        postings[word] = [rowid]
                    else:
                        found.append(rowid)
                continue
            for rowid in members:
                norm[rowid] = line
                lowered[rowid] = lower
            for word in set(words):
                found = postings.get(word)
                if found is None:
                    postings[word] = members.copy()
                else:
                    found.extend(members)
        return index

    def exact(self, word: str, prefix: bool, among: set[int]) -> set[int]:
        """The rowids of ``among`` whose field has ``word`` as written, lower-case.

        With ``prefix``, a word that ``word`` starts. ``among`` should hold the
        articles that have the folded word (the check is one substring test each).
        """
        needle = " " + word + ("" if prefix else " ")
        lowered = self.lowered
        return {rowid for rowid in among if needle in lowered[rowid]}


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@dataclass(slots=True)
class WardGroup:
    """The articles of one ward, with the folded forms a ``ward:`` value is compared to."""

    ward: str
    unit: str | None
    name: str  # folded name: "my long", "12"
    label: str  # folded label: "phuong my long"
    rowids: list[int] = field(default_factory=list)


class SearchIndex:
    """Folded titles, ward labels, bylines and dates of every article.

    ``rowids`` lists the articles newest first (undated last) and
    ``ids``, ``dates`` follow that order; ``rank[rowid]`` is an article's place in
    it. Build it with :meth:`build`; it does not follow later syncs (ask
    :meth:`is_current`, or simply rebuild after a sync).
    """

    def __init__(self, library: Library) -> None:
        self.library = library
        self.rowids: list[int] = []
        self.ids: list[str] = []
        self.dates: list[str | None] = []
        self.rank: list[int] = []  # rowid -> place newest first; gaps hold len(rowids)
        self.rowid_of_id: dict[str, int] = {}
        self.fields: dict[str, FieldIndex] = {name: FieldIndex() for name in META_FIELDS}
        self.ward_groups: list[WardGroup] = []
        self.author_groups: dict[str, list[int]] = {}  # folded byline -> rowids
        self.unit_groups: dict[str, list[int]] = {}  # folded unit -> rowids
        self.vocabulary: list[str] = []  # every meta word, sorted
        self.frequency: dict[str, int] = {}  # meta word -> articles using it (any field)
        self.signature: tuple[int, int] = (0, 0)
        self.build_seconds = 0.0
        self.cache = LruCache()  # the search's own memo (terms, filters, FTS results)
        self._pool: list[Library] = []
        self._pool_lock = threading.Lock()

    @property
    def size(self) -> int:
        """How many articles the index holds."""
        return len(self.rowids)

    @property
    def max_rowid(self) -> int:
        return len(self.rank) - 1

    def known(self, rowid: int) -> bool:
        """Whether the article was in the library when the index was built."""
        return 0 <= rowid < len(self.rank) and self.rank[rowid] < len(self.rowids)

    # -- building ---------------------------------------------------------------------
    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        """Read every article's title, ward, unit, date and author in one pass (no bodies)."""
        started = time.perf_counter()
        index = cls(library)
        index.signature = cls.signature_of(library)
        cursor = library.conn.cursor()
        cursor.row_factory = None  # plain tuples: several times faster than sqlite3.Row
        rows = cursor.execute(
            "SELECT rowid, id, title, ward, unit, date, author FROM articles").fetchall()
        cursor.close()
        rows.sort(key=lambda row: row[0], reverse=True)
        rows.sort(key=lambda row: row[5] or "", reverse=True)  # newest first, undated last
        titles: list[str] = []
        wards: list[str | None] = []
        units: list[str | None] = []
        authors: list[str | None] = []
        if rows:
            (index.rowids, index.ids, titles, wards, units, index.dates, authors) = (
                list(column) for column in zip(*rows, strict=True))
        size = max(index.rowids, default=0) + 1
        index.rank = [len(rows)] * size
        for place, rowid in enumerate(index.rowids):
            index.rank[rowid] = place
        index.rowid_of_id = dict(zip(index.ids, index.rowids, strict=True))
        rowids = index.rowids
        labels = [ward_label(w, u) or "" for w, u in zip(wards, units, strict=True)]
        index.fields = {
            "title": FieldIndex.of(rowids, titles, size),
            "ward": FieldIndex.of(rowids, labels, size),
            "author": FieldIndex.of(rowids, [a or "" for a in authors], size),
        }
        groups: dict[tuple[str, str | None], WardGroup] = {}
        for rowid, ward, unit in zip(rowids, wards, units, strict=True):
            if ward:
                group = groups.get((ward, unit))
                if group is None:
                    label = ward_label(ward, unit) or ""
                    group = groups[(ward, unit)] = WardGroup(
                        ward, unit, " ".join(tokenize(fold(ward))), " ".join(tokenize(fold(label))))
                group.rowids.append(rowid)
        index.ward_groups = list(groups.values())
        for group in index.ward_groups:
            if group.unit:
                index.unit_groups.setdefault(fold(group.unit), []).extend(group.rowids)
        by_author: dict[str, list[int]] = {}
        for rowid, author in zip(rowids, authors, strict=True):
            if author:
                by_author.setdefault(author, []).append(rowid)
        for author, members in by_author.items():
            key = " ".join(tokenize(fold(author)))
            index.author_groups.setdefault(key, []).extend(members)
        frequency: dict[str, int] = {}
        for field_index in index.fields.values():
            for word, members in field_index.postings.items():
                frequency[word] = frequency.get(word, 0) + len(members)
        index.frequency = frequency
        index.vocabulary = sorted(frequency)
        index.build_seconds = time.perf_counter() - started
        return index

    @staticmethod
    def signature_of(library: Library) -> tuple[int, int]:
        """(articles, highest rowid): changes when a sync adds, replaces or removes articles."""
        row = library.conn.execute(
            "SELECT count(*), coalesce(max(rowid), 0) FROM articles").fetchone()
        return int(row[0]), int(row[1])

    def is_current(self) -> bool:
        """False once the library changed since the index was built (rebuild it then)."""
        with self.connection() as library:
            return self.signature_of(library) == self.signature

    # -- connections --------------------------------------------------------------------
    @contextmanager
    def connection(self) -> Iterator[Library]:
        """A connection of its own for the caller, taken from (and returned to) a small pool.

        Never :attr:`library`'s own connection, which belongs to the thread that
        opened it; a pooled one serves one search at a time, in any thread.
        """
        with self._pool_lock:
            library = self._pool.pop() if self._pool else None
        if library is None:
            library = self.library.reopen()
        try:
            yield library
        finally:
            with self._pool_lock:
                if len(self._pool) < _POOL_SIZE:
                    self._pool.append(library)
                    library = None
            if library is not None:
                library.close()

    def close(self) -> None:
        """Close the pooled connections (not the library the index was built from)."""
        with self._pool_lock:
            pool, self._pool = self._pool, []
        for library in pool:
            library.close()

    # -- lookups --------------------------------------------------------------------------
    def words_starting(self, prefix: str) -> list[str]:
        """The meta words that start with ``prefix`` (itself included), in order."""
        start = bisect.bisect_left(self.vocabulary, prefix)
        end = bisect.bisect_left(self.vocabulary, prefix + "\U0010ffff", lo=start)
        return self.vocabulary[start:end]

    def dated(self, dates: DateRange) -> set[int]:
        """The rowids of the articles dated within ``dates``."""
        span = self.date_span(dates)
        return set(self.rowids[span.start : span.stop])

    def date_span(self, dates: DateRange) -> range:
        """Where the articles dated within ``dates`` are in :attr:`rowids` (a contiguous run)."""
        values = self.dates
        high, low = dates.high, dates.low

        def not_after(i: int) -> bool:  # False for newer-than-high, then True
            date = values[i]
            return date is None or not high or date[: len(high)] <= high

        def before_low(i: int) -> bool:  # False while the date is >= low, then True
            date = values[i]
            return date is None or (bool(low) and date[: len(low)] < low)

        positions = range(len(values))
        start = bisect.bisect_left(positions, True, key=not_after)
        end = bisect.bisect_left(positions, True, lo=start, key=before_low)
        return range(start, end)
