"""Issue 11 item 17: an export never replaces a device, a FIFO or a socket (nor a link
to one, like ``/dev/stdout``), even with ``force``; exported files get the user's
umask, not 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from wardtui.corpus import parse_file
from wardtui.export import ExportError, write_export

SEED = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))[0]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.parametrize("force", [False, True])
def test_item17_export_never_replaces_a_fifo(tmp_path: Path, force: bool) -> None:
    fifo = tmp_path / "out.txt"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="FIFO") as caught:
        write_export(parse_file(SEED), fifo, force=force)
    assert "\n" not in str(caught.value)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_item17_export_never_replaces_a_link_to_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "stdout"  # the shape of /dev/stdout -> /proc/self/fd/1
    link.symlink_to(fifo)
    with pytest.raises(ExportError):
        write_export(parse_file(SEED), link, force=True)
    assert link.is_symlink() and stat.S_ISFIFO(os.stat(link).st_mode)


def test_item17_export_never_replaces_a_device(tmp_path: Path) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except OSError:
        pytest.skip("cannot make a device node here")
    with pytest.raises(ExportError, match="device"):
        write_export(parse_file(SEED), device, force=True)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_item17_regular_files_and_links_are_still_replaced_with_force(tmp_path: Path) -> None:
    old = tmp_path / "old.txt"
    old.write_text("old")
    write_export(parse_file(SEED), old, force=True)
    assert old.read_text(encoding="utf-8").startswith("Title: ")
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    write_export(parse_file(SEED), link, force=True)
    assert not link.is_symlink() and not (tmp_path / "elsewhere.txt").exists()


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("force", [False, True])
def test_item17_exported_file_gets_the_users_umask(tmp_path: Path, force: bool) -> None:
    target = write_export(parse_file(SEED), tmp_path / "article.txt", force=force)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
