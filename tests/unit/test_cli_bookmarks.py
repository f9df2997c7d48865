"""``wardtui bookmarks …`` and ``wardtui export``, run in-process through ``cli.main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wardtui import cli
from wardtui.export import to_json, to_md, to_txt
from wardtui.library import Library
from wardtui.userdata import BookmarkStore

MY_LONG = "4bc50b54b5"
TAY_SON = "ede07255cc"
MY_LONG_NAME = "my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("wardtui: ")
    return lines[0]


def article(article_id: str):  # type: ignore[no-untyped-def]
    with Library.open() as lib:
        return lib.get(article_id)


# -- bookmarks ------------------------------------------------------------------------
def test_bookmarks_list_add_note_remove(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "bookmarks")
    assert code == 0 and "No bookmarks yet" in out

    code, out, _ = run(capsys, "bookmarks", "add", MY_LONG[:6], "--note", "[bold]đọc[/bold]")
    assert code == 0 and out.startswith(f"Bookmarked {MY_LONG}: Đảng bộ phường Mỹ Long")
    code, out, _ = run(capsys, "bookmarks", "add", TAY_SON)
    assert code == 0
    code, out, _ = run(capsys, "bookmarks", "add", TAY_SON)
    assert code == 0 and "Already bookmarked" in out

    code, out, _ = run(capsys, "bookmarks")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "date", "ward", "title", "note"]
    assert lines[1].startswith(TAY_SON) and lines[2].startswith(MY_LONG)  # newest first
    assert "[bold]đọc[/bold]" in lines[2]

    code, out, _ = run(capsys, "bookmarks", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [TAY_SON, MY_LONG]
    assert {"id", "title", "ward", "date", "note", "added", "missing"} <= set(rows[1])
    assert rows[1]["ward"] == "Mỹ Long" and rows[1]["date"] == "2023-06-28"
    assert rows[1]["note"] == "[bold]đọc[/bold]" and rows[1]["missing"] is False

    code, out, _ = run(capsys, "bookmarks", "note", TAY_SON, "ghi chú")
    assert code == 0
    code, out, _ = run(capsys, "bookmarks", "remove", MY_LONG)
    assert code == 0 and out.startswith(f"Removed bookmark {MY_LONG}")
    with BookmarkStore.open() as store:
        assert store.ids() == {TAY_SON}
        assert store.get(TAY_SON).note == "ghi chú"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["bookmarks", "add", "zzzz9999"], "no article with id 'zzzz9999'"),
        (["bookmarks", "remove", "zzzz9999"], "no bookmark with id 'zzzz9999'"),
        (["bookmarks", "note", "zzzz9999", "x"], "no bookmark with id 'zzzz9999'"),
        (["export", "zzzz9999"], "no article with id 'zzzz9999'"),
    ],
)
def test_unknown_ids_exit_1_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 1 and out == ""
    assert message in one_line_error(err)


def test_removed_article_is_listed_as_missing_and_removable_by_old_id(
    capsys: pytest.CaptureFixture[str], seeds_copy: Path
) -> None:
    assert run(capsys, "index", str(seeds_copy))[0] == 0
    assert run(capsys, "bookmarks", "add", MY_LONG)[0] == 0
    assert run(capsys, "bookmarks", "add", TAY_SON)[0] == 0
    # One file changes (its id changes with its text), another goes away.
    changed = seeds_copy / "001_94c45868fd98c6ab.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThêm một câu.\n", encoding="utf-8")
    (seeds_copy / "003_6df8933de2da7189.txt").unlink()
    assert run(capsys, "index")[0] == 0

    code, out, _ = run(capsys, "bookmarks", "--json")
    rows = {r["title"][:10]: r for r in map(json.loads, out.splitlines())}
    assert len(rows) == 2
    assert rows["Sáng 12/7,"]["missing"] is True  # gone, but kept
    moved = rows["Đảng bộ ph"]
    assert moved["missing"] is False and moved["id"] != MY_LONG  # re-keyed
    code, out, _ = run(capsys, "bookmarks")
    assert "(missing)" in out

    code, out, _ = run(capsys, "bookmarks", "remove", MY_LONG)  # the old id still works
    assert code == 0 and moved["id"] in out
    code, out, _ = run(capsys, "bookmarks", "remove", TAY_SON)
    assert code == 0
    with BookmarkStore.open() as store:
        assert len(store) == 0


def test_corrupt_store_is_set_aside_with_a_notice(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    store_path = isolated_dirs / "data" / "bookmarks.sqlite3"
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"\x00garbage" * 100)
    code, _, err = run(capsys, "bookmarks", "add", MY_LONG)
    assert code == 0
    notice = one_line_error(err)
    assert "could not be read" in notice and ".corrupt-" in notice
    (aside,) = store_path.parent.glob("bookmarks.sqlite3.corrupt-*")
    assert aside.read_bytes() == b"\x00garbage" * 100


def test_bookmarks_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "bookmarks", "add", MY_LONG)
    run(capsys, "bookmarks", "add", TAY_SON)
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, _ = run(capsys, "bookmarks", "export", str(folder), "--format", "md")
    assert code == 0 and out.startswith(f"2 files written to {folder}")
    assert (folder / f"{MY_LONG_NAME}.md").read_text(encoding="utf-8") == to_md(article(MY_LONG))
    code, out, _ = run(capsys, "bookmarks", "export", str(folder), "--format", "md")
    assert code == 1 and "2 already existed" in out and "use --force" in out
    code, out, _ = run(capsys, "bookmarks", "export", str(folder), "--format", "md", "--force")
    assert code == 0


def test_bookmarks_export_creates_the_folder_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Issue 12 item 20: `bookmarks export FOLDER` creates a missing folder."""
    run(capsys, "bookmarks", "add", MY_LONG)
    folder = tmp_path / "new" / "deeper"
    code, out, _ = run(capsys, "bookmarks", "export", str(folder))
    assert code == 0
    assert out.startswith(f"Created the folder {folder}\n1 file written to {folder}")
    assert (folder / f"{MY_LONG_NAME}.txt").is_file()
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "bookmarks", "export", str(tmp_path / "plain"))
    assert code == 1 and "is not a folder" in one_line_error(err)


def test_a_note_over_the_cap_is_refused_not_cut(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11 item 18: --note over the cap is an error naming the cap; nothing is changed."""
    from wardtui.userdata import MAX_NOTE

    code, _, err = run(capsys, "bookmarks", "add", MY_LONG, "--note", "x" * (MAX_NOTE + 1))
    assert code == 1 and f"{MAX_NOTE:,} characters" in one_line_error(err)
    code, out, _ = run(capsys, "bookmarks", "--json")
    assert out == ""  # not bookmarked
    run(capsys, "bookmarks", "add", MY_LONG, "--note", "short")
    code, _, err = run(capsys, "bookmarks", "note", MY_LONG, "y" * (MAX_NOTE + 5))
    assert code == 1 and f"{MAX_NOTE + 5:,}" in one_line_error(err)
    code, out, _ = run(capsys, "bookmarks", "--json")
    assert json.loads(out)["note"] == "short"
    code, _, _ = run(capsys, "bookmarks", "note", MY_LONG, "z" * MAX_NOTE)
    assert code == 0


def test_a_short_bookmark_prefix_says_it_needs_four_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    run(capsys, "bookmarks", "add", MY_LONG)
    code, _, err = run(capsys, "bookmarks", "remove", MY_LONG[:3])
    assert code == 1 and "4 or more characters" in one_line_error(err)


# -- export -------------------------------------------------------------------------
def test_export_default_name_in_working_directory(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "export", MY_LONG)
    target = tmp_path / f"{MY_LONG_NAME}.txt"
    assert code == 0 and out == f"Exported to {target}\n"
    assert target.read_text(encoding="utf-8") == to_txt(article(MY_LONG))

    code, out, err = run(capsys, "export", MY_LONG)  # exists: refuse
    assert code == 1 and out == ""
    assert "already exists; use --force" in one_line_error(err)
    target.write_text("mine", encoding="utf-8")
    code, _, _ = run(capsys, "export", MY_LONG, "--force")
    assert code == 0 and target.read_text(encoding="utf-8") == to_txt(article(MY_LONG))


def test_export_formats_and_outputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "export", MY_LONG, "-o", "-")
    assert code == 0 and out == to_txt(article(MY_LONG))
    code, out, _ = run(capsys, "export", MY_LONG, "-o", "-", "--format", "json")
    assert json.loads(out)["id"] == MY_LONG

    code, _, _ = run(capsys, "export", MY_LONG, "-o", str(tmp_path))  # a folder
    assert (tmp_path / f"{MY_LONG_NAME}.txt").is_file()
    code, _, _ = run(capsys, "export", MY_LONG, "-o", str(tmp_path / "a.md"))  # format from name
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == to_md(article(MY_LONG))
    code, _, _ = run(capsys, "export", MY_LONG, "-o", str(tmp_path / "b.txt"), "--format", "json")
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == to_json(article(MY_LONG))


def test_export_into_missing_or_unusable_places(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for output, message in [
        (tmp_path / "missing" / "a.txt", "does not exist"),
        (f"{tmp_path / 'missing'}/", "does not exist"),
    ]:
        code, out, err = run(capsys, "export", MY_LONG, "-o", str(output))
        assert code == 1 and out == "" and message in one_line_error(err)
    (tmp_path / "file").write_text("x")
    code, _, err = run(capsys, "export", MY_LONG, "-o", str(tmp_path / "file" / "a.txt"))
    assert code == 1 and "is not a folder" in one_line_error(err)
    assert not (tmp_path / "missing").exists()


def test_export_through_a_symlink(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(precious)
    code, _, err = run(capsys, "export", MY_LONG, "-o", str(link))
    assert code == 1 and "already exists" in one_line_error(err)
    assert link.is_symlink() and precious.read_text(encoding="utf-8") == "do not touch"
    code, _, _ = run(capsys, "export", MY_LONG, "-o", str(link), "--force")
    assert code == 0 and not link.is_symlink()
    assert link.read_text(encoding="utf-8") == to_txt(article(MY_LONG))
    assert precious.read_text(encoding="utf-8") == "do not touch"
