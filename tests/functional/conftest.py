"""Fixtures for the functional tests: pre-built caches (see ``appdriver`` for the helpers)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from appdriver import HOSTILE, build_library

from wardtui.library import Library


@pytest.fixture(autouse=True)
def no_reading_by_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article shown never becomes read by itself here (the machine's speed must not
    change what a test sees); tests of read marks set ``MainScreen.READ_AFTER``."""
    from wardtui.app.screens.main import MainScreen

    monkeypatch.setattr(MainScreen, "READ_AFTER", 1e9)


@pytest.fixture
def library(seeds_copy: Path, tmp_path: Path) -> Iterator[Library]:
    """The sample corpus, indexed into a temporary cache."""
    lib = build_library(seeds_copy, tmp_path / "prebuilt" / "library.sqlite3")
    yield lib
    lib.close()


@pytest.fixture
def hostile_library(tmp_path: Path) -> Iterator[Library]:
    """A one-article library whose text holds markup and escape sequences."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    lib = build_library(folder, tmp_path / "hostile-cache" / "library.sqlite3")
    yield lib
    lib.close()
