"""``wardtui search is:unread`` / ``is:read`` read the user's read marks (issue 12, item 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wardtui.cli import main
from wardtui.library import Library
from wardtui.userdata import BookmarkStore

MY_LONG = "4bc50b54b5"  # seed 001
TAY_SON = "ede07255cc"  # seed 003


def found(capsys: pytest.CaptureFixture[str], *query: str) -> set[str]:
    code = main(["search", "--json", *query])
    out, _ = capsys.readouterr()
    assert code == 0
    return {json.loads(line)["id"] for line in out.splitlines()}


def mark_read(*ids: str) -> None:
    with Library.open() as lib, BookmarkStore.open() as store:
        store.reading.mark_read([lib.summary(i) for i in ids])  # type: ignore[misc]


def test_is_unread_and_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    everything = found(capsys, "is:unread")
    assert len(everything) == 5  # nothing read yet
    assert found(capsys, "is:read") == set()
    mark_read(MY_LONG, TAY_SON)
    assert found(capsys, "is:unread") == everything - {MY_LONG, TAY_SON}
    assert found(capsys, "is:read") == {MY_LONG, TAY_SON}
    assert found(capsys, "-is:read", "my") == found(capsys, "my") - {MY_LONG}


def test_a_read_article_whose_file_changed_is_still_read(
    capsys: pytest.CaptureFixture[str], seeds_copy: Path
) -> None:
    assert main(["index", str(seeds_copy)]) == 0
    mark_read(MY_LONG)
    seed = seeds_copy / "001_94c45868fd98c6ab.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("tích cực", "rất tích cực", 1), encoding="utf-8")
    assert main(["index"]) == 0
    capsys.readouterr()
    (new,) = found(capsys, "is:read")
    assert new != MY_LONG and new in found(capsys, "sơ kết Mỹ Long")
