"""Shared set-up for the parser unit tests: the five real sample files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The sample corpus shipped in the repository (``seeds/``)."""
    return ROOT / "seeds"
