"""Issue 11, the config's part: item 1 (every read of the sources is the current
list) and item 16 (a damaged or unusable config gives a notice or one clear
error, never a traceback, never a silently emptied list)."""

from __future__ import annotations

import errno
import json
import os
import tempfile
from pathlib import Path

import pytest

from wardtui import paths
from wardtui.config import ConfigError, Settings, Sources


def _store() -> Path:
    return paths.sources_path()


# -- item 1 -------------------------------------------------------------------------------
def test_item1_a_held_sources_object_sees_changes_made_elsewhere(tmp_path: Path) -> None:
    app_view = Sources()  # read at the app's start
    assert app_view.using_sample
    cli = Sources()  # `wardtui index B` in another shell
    cli.add(tmp_path / "A", tmp_path / "B")
    assert app_view.added == [tmp_path / "A", tmp_path / "B"]
    assert app_view.current() == [tmp_path / "A", tmp_path / "B"]
    Sources().remove(tmp_path / "A")  # `wardtui sources --remove A`
    assert app_view.effective == [tmp_path / "B"]


def test_item1_add_and_remove_merge_with_what_another_process_wrote(tmp_path: Path) -> None:
    first, second = Sources(), Sources()
    first.add(tmp_path / "A")
    second.add(tmp_path / "B")  # holds a list without A: must not drop it
    second.remove(tmp_path / "nothing")
    first.remove(tmp_path / "A")
    assert Sources().added == [tmp_path / "B"]


# -- item 16 ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [b"{not json", b'{"sources": 5}', b"[1, 2]", b"\xff\xfe\x00garbage"],
    ids=["not-json", "sources-not-a-list", "not-an-object", "not-text"],
)
def test_item16_corrupt_sources_is_set_aside_with_a_notice(content: bytes) -> None:
    store = _store()
    store.parent.mkdir(parents=True)
    store.write_bytes(content)
    sources = Sources()
    assert sources.using_sample
    asides = list(store.parent.glob("sources.json.corrupt-*"))
    assert [a.read_bytes() for a in asides] == [content]
    assert len(sources.notices) == 1 and str(asides[0]) in sources.notices[0]


def test_item16_sources_json_that_is_a_folder_is_one_clear_error(tmp_path: Path) -> None:
    _store().mkdir(parents=True)
    with pytest.raises(ConfigError) as caught:
        Sources()
    assert "is a folder" in str(caught.value) and "\n" not in str(caught.value)
    assert _store().is_dir()  # left as it was


def test_item16_nul_in_a_stored_path_is_ignored_with_a_notice(tmp_path: Path) -> None:
    store = _store()
    store.parent.mkdir(parents=True)
    good = str(tmp_path / "good")
    store.write_text(json.dumps({"version": 1, "sources": ["bad\u0000path", good, 7]}))
    sources = Sources()
    assert sources.added == [Path(good)]
    assert len(sources.notices) == 2 and all("\n" not in n for n in sources.notices)
    with pytest.raises(ConfigError, match="NUL"):
        sources.add("a\0b")


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_item16_unwritable_or_full_config_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    sources = Sources()
    sources.add(tmp_path / "A")
    before = _store().read_bytes()

    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    # root writes anywhere: make the write fail as a read-only or full disk would
    monkeypatch.setattr(tempfile, "mkstemp", fail)
    with pytest.raises(ConfigError) as caught:
        sources.add(tmp_path / "B")
    message = str(caught.value)
    assert os.strerror(code).lower() in message and "\n" not in message
    assert _store().read_bytes() == before  # nothing lost
    assert Sources().added == [tmp_path / "A"]


def test_item16_disk_full_while_writing_keeps_the_old_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Sources().add(tmp_path / "A")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ConfigError, match="no space left"):
        Sources().add(tmp_path / "B")
    assert Sources().added == [tmp_path / "A"]
    assert not [p for p in _store().parent.iterdir() if p.name.endswith(".tmp")]


def test_item16_settings_in_a_folder_give_a_notice_and_a_clear_save_error() -> None:
    paths.settings_path().mkdir(parents=True)
    settings = Settings.load()
    assert settings.notices and "is a folder" in settings.notices[0]
    with pytest.raises(ConfigError, match="is a folder"):
        settings.save()


def test_item16_unreadable_later_shows_the_last_list_and_sync_gets_an_error(
    tmp_path: Path,
) -> None:
    sources = Sources()
    sources.add(tmp_path / "A")
    _store().unlink()
    _store().mkdir()  # replaced by a folder while the app runs
    assert sources.added == [tmp_path / "A"]
    assert len(sources.notices) == 1 and "is a folder" in sources.notices[0]
    assert sources.added == [tmp_path / "A"] and len(sources.notices) == 1  # told once
    with pytest.raises(ConfigError, match="is a folder"):
        sources.current()  # a sync never runs on a list it could not read


def test_item16_ignored_entry_is_told_once(tmp_path: Path) -> None:
    store = _store()
    store.parent.mkdir(parents=True)
    store.write_text(json.dumps({"version": 1, "sources": ["bad\u0000path"]}))
    sources = Sources()
    sources.add(tmp_path / "A")
    assert sources.current() == [tmp_path / "A"]
    assert len(sources.notices) == 1
