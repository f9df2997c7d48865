"""The work of the read-and-decode floor, in a module of its own so pool workers import little."""

from __future__ import annotations

from pathlib import Path

__all__ = ["read_decode"]


def read_decode(path: str) -> tuple[int, int]:
    """Read and decode one file as the index does, without parsing: (bytes, characters)."""
    from wardtui.corpus import Skipped, decode_bytes

    data = Path(path).read_bytes()
    try:
        return len(data), len(decode_bytes(data).text)
    except Skipped:
        return len(data), 0
