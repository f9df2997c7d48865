"""The user's configuration: the list of sources and the app settings.

Both live in the user config folder (``WARDTUI_CONFIG_DIR`` overrides it) as
small JSON files written atomically; a corrupt one is set aside, never emptied
silently. With no source added, the sample corpus shipped with wardtui is used.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from . import paths
from .storage import JsonFile, StoreError, exclusive_lock

__all__ = ["DEFAULT_THEME", "GROUPINGS", "ConfigError", "Grouping", "Settings", "Sources"]

ConfigError = StoreError  # a config file that cannot be read or written; one line


def _normal(path: Path | str) -> Path:
    return Path(os.path.abspath(os.path.expanduser(str(path))))


def _well_formed(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("sources", []), list)


_Stamp = tuple[int, int, int, int] | None
_UNREAD = (-1, -1, -1, -1)


class Sources:
    """The folders and files the user pointed wardtui at, as ``sources.json`` holds them now.

    Several wardtui processes share the file, so this object never trusts a list
    it read earlier: :attr:`added`, :attr:`effective` and :meth:`current` read
    the file again whenever it changed (a ``stat`` tells), and :meth:`add` and
    :meth:`remove` read, change and write it under an exclusive lock
    (``sources.json.lock``), atomically: two processes adding sources at once
    both keep theirs. A corrupt file is set aside with a notice in
    :attr:`notices`; a file that cannot be read or written at all (a folder in
    its place, a read-only or full disk) raises :class:`ConfigError`, one line.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.sources_path()
        self._file = JsonFile(self.path, dict, strict=True)
        self._lock = self.path.with_name(self.path.name + ".lock")
        self._items: list[Path] = []
        self._stamp: _Stamp = _UNREAD
        self._refresh()

    # -- reading ---------------------------------------------------------------------
    def _stamp_now(self) -> _Stamp:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError:
            return _UNREAD  # cannot tell: read it (and report why)
        return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)

    def _read(self) -> list[Path]:
        """The list on disk (call with the lock held, when it can be taken)."""
        data = self._file.load(check=_well_formed)
        items: list[Path] = []
        for raw in data.get("sources", []):
            if not isinstance(raw, str) or "\0" in raw or not raw:
                self._tell(
                    f"{self.path.name}: the entry {raw!r} is not a usable path; it is ignored "
                    "and will be dropped when the list is next saved."
                )
                continue
            path = _normal(raw)
            if path not in items:
                items.append(path)
        return items

    @contextlib.contextmanager
    def _locked(self, *, for_writing: bool) -> Iterator[None]:
        """The exclusive lock; a reader in a folder where no lock file can be made
        reads without it (a writer cannot write there anyway)."""
        with contextlib.ExitStack() as stack:
            try:
                stack.enter_context(exclusive_lock(self._lock))
            except StoreError:
                if for_writing:
                    raise
            yield

    def _refresh(self, *, force: bool = False) -> None:
        stamp = self._stamp_now()
        if not force and stamp == self._stamp and stamp != _UNREAD:
            return
        if stamp is None:  # no file: nothing to read or set aside, no folder to create
            self._items, self._stamp = [], None
            return
        with self._locked(for_writing=False):
            stamp = self._stamp_now()
            self._items = self._read()
            self._stamp = stamp

    def _tell(self, notice: str) -> None:
        if notice not in self._file.notices:
            self._file.notices.append(notice)

    def _view(self) -> list[Path]:
        """The list for showing: re-read if it changed; if it cannot be read now, the
        last list read, with a notice (a sync asks :meth:`current`, which raises)."""
        try:
            self._refresh()
        except StoreError as error:
            self._tell(f"{error}; showing the sources as they were last read.")
        return list(self._items)

    @property
    def notices(self) -> list[str]:
        """What the user should be told (a file set aside, an entry ignored)."""
        return self._file.notices

    @property
    def added(self) -> list[Path]:
        """The sources the user added (possibly none), as the file holds them now."""
        return self._view()

    @property
    def effective(self) -> list[Path]:
        """What to sync: the added sources, else the sample corpus."""
        return self.added or [paths.sample_corpus()]

    @property
    def using_sample(self) -> bool:
        return not self.added

    def current(self) -> list[Path]:
        """What to sync, read from the file at this moment: pass ``sources.current``
        to :meth:`wardtui.library.Library.sync` so every sync uses the current list."""
        self._refresh(force=True)
        return list(self._items) or [paths.sample_corpus()]

    # -- changing --------------------------------------------------------------------
    def add(self, *new: Path | str) -> list[Path]:
        """Add sources (absolute, de-duplicated) and save; returns those that were new."""
        wanted = []
        for item in new:
            if "\0" in str(item):
                raise ConfigError("a source path cannot contain a NUL character")
            wanted.append(_normal(item))
        with self._locked(for_writing=True):
            items = self._read()
            added = [p for p in dict.fromkeys(wanted) if p not in items]
            if added:
                self._write(items + added)
            else:
                self._items, self._stamp = items, self._stamp_now()
        return added

    def remove(self, item: Path | str) -> bool:
        """Stop using a source; ``False`` when it was not one."""
        path = _normal(item) if "\0" not in str(item) else None
        with self._locked(for_writing=True):
            items = self._read()
            if path is None or path not in items:
                self._items, self._stamp = items, self._stamp_now()
                return False
            items.remove(path)
            self._write(items)
        return True

    def save(self) -> None:
        """Write the list this object holds (under the lock); prefer :meth:`add`/:meth:`remove`,
        which merge with what other processes wrote."""
        with self._locked(for_writing=True):
            self._write(list(self._items))

    def _write(self, items: list[Path]) -> None:
        self._file.save({"version": 1, "sources": [str(p) for p in items]})
        self._items, self._stamp = items, self._stamp_now()


DEFAULT_THEME = "textual-dark"  # the app's colours until the user picks others

# ward, year, article / province, district, ward, year, article / year, month, ward, article
Grouping = Literal["ward", "place", "date"]
GROUPINGS: tuple[Grouping, ...] = ("ward", "place", "date")  # the order `t` cycles through
# the order of the articles within a group (`s` cycles), and of the search results
ArticleOrder = Literal["newest", "oldest", "title"]
ARTICLE_ORDERS: tuple[ArticleOrder, ...] = ("newest", "oldest", "title")
ResultOrder = Literal["relevance", "date"]
RESULT_ORDERS: tuple[ResultOrder, ...] = ("relevance", "date")


@dataclass(slots=True)
class Settings:
    """What the app remembers between runs."""

    theme: str = DEFAULT_THEME
    grouping: Grouping = "ward"
    last_article: str | None = None
    export_dir: str | None = None
    tree_width: int | None = None  # the tree's width in cells (None: a third of the screen)
    article_order: ArticleOrder = "newest"
    result_order: ResultOrder = "relevance"
    notices: list[str] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        store = JsonFile(path or paths.settings_path(), dict)
        data: dict[str, Any] = store.load()
        def text(key: str, default: str | None) -> str | None:
            value = data.get(key, default)
            return value if isinstance(value, str) else default

        grouping = data.get("grouping")
        width = data.get("tree_width")
        order, results = data.get("article_order"), data.get("result_order")
        settings = cls(
            theme=text("theme", None) or DEFAULT_THEME,
            grouping=grouping if grouping in GROUPINGS else "ward",
            last_article=text("last_article", None),
            export_dir=text("export_dir", None),
            tree_width=width if isinstance(width, int) and 8 <= width <= 500 else None,
            article_order=order if order in ARTICLE_ORDERS else "newest",
            result_order=results if results in RESULT_ORDERS else "relevance",
        )
        settings.notices = list(store.notices)
        return settings

    def save(self, path: Path | None = None) -> None:
        data = asdict(self)
        data.pop("notices", None)
        JsonFile(path or paths.settings_path(), dict).save({"version": 1, **data})
