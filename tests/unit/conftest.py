"""Shared set-up for the parser unit tests.

Makes ``src/`` importable when the package is not installed into the virtualenv, and
locates the five real sample files used by the golden test.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_SRC = ROOT / "src"
if _SRC.is_dir() and str(_SRC) not in sys.path:
    sys.path.insert(0, str(_SRC))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real sample files (the repository copy, else the shared copy)."""
    for candidate in (ROOT / "seeds", Path("/work/shared/seeds")):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    raise FileNotFoundError("seed files not found")
