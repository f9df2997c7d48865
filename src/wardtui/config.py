"""The user's configuration: the list of sources and the app settings.

Both live in the user config folder (``WARDTUI_CONFIG_DIR`` overrides it) as
small JSON files written atomically; a corrupt one is set aside, never emptied
silently. With no source added, the sample corpus shipped with wardtui is used.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from . import paths
from .storage import JsonFile


def _normal(path: Path | str) -> Path:
    return Path(os.path.abspath(os.path.expanduser(str(path))))


class Sources:
    """The folders and files the user pointed wardtui at."""

    def __init__(self, path: Path | None = None) -> None:
        self._file = JsonFile(path or paths.sources_path(), dict)
        data = self._file.load()
        raw = data.get("sources", []) if isinstance(data, dict) else []
        self._items: list[Path] = [_normal(p) for p in raw if isinstance(p, str)]

    @property
    def notices(self) -> list[str]:
        return self._file.notices

    @property
    def added(self) -> list[Path]:
        """The sources the user added (possibly none)."""
        return list(self._items)

    @property
    def effective(self) -> list[Path]:
        """What to sync: the added sources, else the sample corpus."""
        return self.added or [paths.sample_corpus()]

    @property
    def using_sample(self) -> bool:
        return not self._items

    def add(self, *new: Path | str) -> list[Path]:
        """Add sources (absolute, de-duplicated) and save; returns those that were new."""
        added = []
        for item in new:
            path = _normal(item)
            if path not in self._items:
                self._items.append(path)
                added.append(path)
        if added:
            self.save()
        return added

    def remove(self, item: Path | str) -> bool:
        path = _normal(item)
        if path not in self._items:
            return False
        self._items.remove(path)
        self.save()
        return True

    def save(self) -> None:
        self._file.save({"version": 1, "sources": [str(p) for p in self._items]})


DEFAULT_THEME = "textual-dark"  # the app's colours until the user picks others

Grouping = Literal["ward", "date"]  # ward, year, article / year, month, ward, article
GROUPINGS: tuple[Grouping, ...] = ("ward", "date")


@dataclass(slots=True)
class Settings:
    """What the app remembers between runs."""

    theme: str = DEFAULT_THEME
    grouping: Grouping = "ward"
    last_article: str | None = None
    export_dir: str | None = None
    notices: list[str] = field(default_factory=list, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        store = JsonFile(path or paths.settings_path(), dict)
        data: dict[str, Any] = store.load()
        def text(key: str, default: str | None) -> str | None:
            value = data.get(key, default)
            return value if isinstance(value, str) else default

        grouping = data.get("grouping")
        settings = cls(
            theme=text("theme", None) or DEFAULT_THEME,
            grouping=grouping if grouping in GROUPINGS else "ward",
            last_article=text("last_article", None),
            export_dir=text("export_dir", None),
        )
        settings.notices = list(store.notices)
        return settings

    def save(self, path: Path | None = None) -> None:
        data = asdict(self)
        data.pop("notices", None)
        JsonFile(path or paths.settings_path(), dict).save({"version": 1, **data})
