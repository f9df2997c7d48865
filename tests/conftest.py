"""Shared fixtures: every test runs with its own cache, data and config folders."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Fuzzing profiles: "ci" (the default) keeps the suite fast; "fuzz-long" is for a
# developer's machine (HYPOTHESIS_PROFILE=fuzz-long).
settings.register_profile(
    "ci", max_examples=2500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz-long", max_examples=100_000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point WARDTUI_CACHE_DIR / DATA_DIR / CONFIG_DIR at a fresh temporary folder."""
    home = tmp_path / "home"
    for name in ("CACHE", "DATA", "CONFIG"):
        folder = home / name.lower()
        monkeypatch.setenv(f"WARDTUI_{name}_DIR", str(folder))
    monkeypatch.setenv("HOME", str(home))
    yield home


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(SEEDS, target)
    return target
