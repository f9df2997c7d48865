"""Issue 11 item 7: wardtui's own exports are recognised by their exact shape, and
nothing else is (the parsed seeds, look-alike text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardtui import export
from wardtui.corpus import parse_file
from wardtui.library.own_exports import export_kind

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_item7_every_export_format_is_recognised(seed: Path, fmt: export.Format) -> None:
    text = export.render(parse_file(seed), fmt)
    assert export_kind(text.encode("utf-8")) == fmt
    assert export_kind(text.replace("\n", "\r\n").encode("utf-8")) == fmt


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_item7_source_articles_are_not_taken_for_exports(seed: Path) -> None:
    assert export_kind(seed.read_bytes()) is None


@pytest.mark.parametrize(
    "text",
    [
        "Title: A meeting\nWard: phường 1\n\nNo id line, so not ours.\n",
        "Title: A meeting\nId: 0123abcd\nDate: 2023-01-01\n\nKeys out of order.\n",
        "Title: A meeting\nId: not-hex!\n\nBody.\n",
        "# Heading\n\nA paragraph that starts like Markdown.\n",
        '{"id": "0123abcd", "title": "x"}',
        "",
    ],
)
def test_item7_look_alikes_are_not_exports(text: str) -> None:
    assert export_kind(text.encode("utf-8")) is None
