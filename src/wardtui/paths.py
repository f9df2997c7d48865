"""Where wardtui keeps its files.

Every location comes from :mod:`platformdirs` and can be overridden with an
environment variable, which is how the tests keep away from the real home:

=================  =========================  ==========================
what               default (platformdirs)     override
=================  =========================  ==========================
the library cache  ``user_cache_dir``         ``WARDTUI_CACHE_DIR``
bookmarks          ``user_data_dir``          ``WARDTUI_DATA_DIR``
sources, settings  ``user_config_dir``        ``WARDTUI_CONFIG_DIR``
=================  =========================  ==========================
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "wardtui"


def _dir(env: str, default: str) -> Path:
    override = os.environ.get(env)
    return Path(override).expanduser() if override else Path(default)


def cache_dir() -> Path:
    """The folder holding the library cache (``library.sqlite3``)."""
    return _dir("WARDTUI_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """The folder holding the user's own data (bookmarks)."""
    return _dir("WARDTUI_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder holding the list of sources and the settings."""
    return _dir("WARDTUI_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def library_path() -> Path:
    return cache_dir() / "library.sqlite3"


def bookmarks_path() -> Path:
    return data_dir() / "bookmarks.sqlite3"


def sources_path() -> Path:
    return config_dir() / "sources.json"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def documents_dir() -> Path | None:
    """The user's Documents folder, when it exists."""
    path = Path(platformdirs.user_documents_dir())
    return path if path.is_dir() else None


def sample_corpus() -> Path:
    """The sample corpus shipped with wardtui (``seeds/``).

    In a wheel it lives inside the package; in a source checkout (editable
    install) it is the repository's ``seeds/`` folder.
    """
    packaged = Path(str(resources.files("wardtui"))) / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"
