"""Export: file names from hostile titles, each format's content, and careful writing."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import SEEDS

from wardtui import export, paths
from wardtui.corpus.model import Article, Paragraph
from wardtui.export import (
    MAX_NAME,
    ExportError,
    ExportExists,
    Missing,
    check_name,
    default_folder,
    export_many,
    proposed_name,
    render,
    to_json,
    to_md,
    to_txt,
    with_format,
    write_export,
)
from wardtui.library import Library

LONG_PARAGRAPH = "Sáng ngày 28/06/2023, Đảng uỷ phường Mỹ Long tổ chức hội nghị. " * 20


TITLE = "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"


def make(title: str = TITLE, **kw: object) -> Article:
    values: dict[str, object] = {
        "id": "4bc50b54b5",
        "paragraphs": (
            Paragraph(LONG_PARAGRAPH),
            Paragraph("Quang cảnh hội nghị.", "caption"),
            Paragraph("anh 1.jpg", "image"),
            Paragraph("Đoạn cuối [bold]không đậm[/bold]."),
        ),
        "ward": "Mỹ Long", "unit": "phường", "date": "2023-06-28", "author": "Thanh Tâm",
        "category": "Tin tức", "source": "/corpus/001.txt",
    }
    values.update(kw)
    return Article(title=title, **values)  # type: ignore[arg-type]


def assert_safe_name(name: str, fmt: str = "txt") -> None:
    assert name.isascii()
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".")
    assert len(name) <= MAX_NAME
    assert name.endswith(f".{fmt}") and len(name) > len(fmt) + 1
    assert check_name(name) is None


# -- names ---------------------------------------------------------------------------
def test_proposed_name_example() -> None:
    assert proposed_name(make()) == "my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang.txt"
    assert proposed_name(make(), "json").endswith("-thang.json")


@pytest.mark.parametrize(
    "title",
    [
        "../../etc/passwd",
        "a/b\\c/d",
        "..",
        ".hidden title",
        "...",
        "🎉🔥 Lễ hội 🎊",
        "🎉🔥🎊",
        "Tiêu đề rất dài " * 20,  # 300+ characters
        "x" * 300,
        "!!!???...---___///",
        "",
        "\x1b[31mĐỏ\x00\x07",
        "CON",
    ],
)
def test_names_from_hostile_titles(title: str) -> None:
    for fmt in ("txt", "md", "json"):
        assert_safe_name(proposed_name(make(title), fmt), fmt)  # type: ignore[arg-type]


def test_hostile_ward_date_and_id() -> None:
    article = make("!!!", ward="../..", date="../2023", id="../x")
    assert_safe_name(proposed_name(article))
    assert_safe_name(proposed_name(make("..", ward=None, date=None, id="")))
    assert proposed_name(make("..", ward=None, date=None)).startswith("unknown-ward_undated")


def test_numbered_ward_keeps_its_unit() -> None:
    assert proposed_name(make("Tin", ward="12")).startswith("phuong-12_2023-06-28_tin")


def test_tag_tells_names_apart_within_the_limit() -> None:
    name = proposed_name(make("x " * 200), tag="4bc50b54")
    assert_safe_name(name)
    assert name.endswith("_4bc50b54.txt")


@given(st.text(max_size=400), st.one_of(st.none(), st.text(max_size=60)))
def test_any_title_and_ward_give_a_safe_name(title: str, ward: str | None) -> None:
    assert_safe_name(proposed_name(make(title, ward=ward)))


def test_check_name() -> None:
    assert check_name("a.txt") is None
    assert check_name("bài viết.txt") is None
    for bad in ("", "  ", "a/b.txt", ".", "..", ".hidden", " a.txt", "a\x01.txt", "x" * 300):
        assert check_name(bad), bad


def test_with_format() -> None:
    assert with_format("a.txt", "md") == "a.md"
    assert with_format("a.JSON", "txt") == "a.txt"
    assert with_format("a.tar", "txt") == "a.tar.txt"
    assert with_format("notes", "json") == "notes.json"


def test_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    last = tmp_path / "last"
    last.mkdir()
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "documents_dir", lambda: docs)
    assert default_folder(str(last)) == last
    assert default_folder(str(tmp_path / "gone")) == docs
    assert default_folder(None) == docs
    monkeypatch.setattr(paths, "documents_dir", lambda: None)
    assert default_folder(None) == Path.cwd()


# -- content ---------------------------------------------------------------------------
def test_txt_content() -> None:
    text = to_txt(make())
    head, body = text.split("\n\n", 1)
    assert head.splitlines() == [
        "Title: Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023",
        "Ward: phường Mỹ Long",
        "Date: 2023-06-28",
        "Author: Thanh Tâm",
        "Category: Tin tức",
        "Source: /corpus/001.txt",
        "Id: 4bc50b54b5",
    ]
    assert body.split("\n\n") == [
        LONG_PARAGRAPH.strip(),  # one line: no hard wrapping
        "[Caption] Quang cảnh hội nghị.",
        "[Image] anh 1.jpg",
        "Đoạn cuối [bold]không đậm[/bold].\n",
    ]


def test_txt_without_optional_fields_or_paragraphs() -> None:
    text = to_txt(make("Tin", paragraphs=(), author=None, category=None, date=None))
    assert text == "Title: Tin\nWard: phường Mỹ Long\nSource: /corpus/001.txt\nId: 4bc50b54b5\n"


def test_control_characters_never_reach_a_file() -> None:
    article = make("Tin\x1b]0;owned\x07 mới", paragraphs=(Paragraph("a\x1b[2Jb\u202ec"),),
                   author="X\x00Y")
    for fmt in ("txt", "md", "json"):
        out = render(article, fmt)  # type: ignore[arg-type]
        assert "\x1b" not in out and "\x00" not in out and "\u202e" not in out
        assert "\\u001b" not in out


def test_md_content() -> None:
    md = to_md(make(paragraphs=(
        Paragraph("1. không phải danh sách"),
        Paragraph("# không phải tiêu đề"),
        Paragraph("- không phải gạch đầu dòng *hay* _nghiêng_"),
        Paragraph("Ảnh (1).jpg", "image"),
        Paragraph("Chú thích ảnh.", "caption"),
    )))
    lines = md.splitlines()
    assert lines[0] == "# Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"
    assert "- **Ward:** phường Mỹ Long" in lines
    assert "- **Date:** 2023-06-28" in lines
    assert "- **Id:** 4bc50b54b5" in lines
    assert "1\\. không phải danh sách" in lines
    assert "\\# không phải tiêu đề" in lines
    assert "\\- không phải gạch đầu dòng \\*hay\\* \\_nghiêng\\_" in lines
    assert "![image](%E1%BA%A2nh%20%281%29.jpg)" in lines
    assert "*\\[Caption\\] Chú thích ảnh.*" in lines
    assert md.endswith(".*\n")


def test_json_content() -> None:
    data = json.loads(to_json(make()))
    assert data["title"] == "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"
    assert data["ward"] == "Mỹ Long" and data["unit"] == "phường"
    assert (data["date"], data["author"]) == ("2023-06-28", "Thanh Tâm")
    assert data["category"] == "Tin tức"
    assert (data["source"], data["id"]) == ("/corpus/001.txt", "4bc50b54b5")
    assert [p["kind"] for p in data["paragraphs"]] == ["text", "caption", "image", "text"]
    assert data["paragraphs"][3]["text"] == "Đoạn cuối [bold]không đậm[/bold]."
    assert "Đảng" in to_json(make())  # UTF-8, not \\u escapes


def test_seed_articles_export_in_every_format(tmp_path: Path) -> None:
    with Library.open(tmp_path / "c.sqlite3") as lib:
        lib.sync([SEEDS], workers=1)
        articles = [lib.get(s.id) for s in lib.all_summaries()]
    for article in articles:
        assert article is not None
        for fmt in ("txt", "md", "json"):
            path = write_export(article, tmp_path / proposed_name(article, fmt), fmt)  # type: ignore[arg-type]
            data = path.read_bytes().decode("utf-8")
            assert article.title.split()[0] in data


# -- writing ---------------------------------------------------------------------------
def test_write_and_never_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    assert write_export(make(), target) == target
    assert target.read_text(encoding="utf-8") == to_txt(make())
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportExists) as raised:
        write_export(make(), target, "md")
    assert raised.value.path == target and "already exists" in str(raised.value)
    assert target.read_text(encoding="utf-8") == "mine"
    write_export(make(), target, "md", force=True)
    assert target.read_text(encoding="utf-8") == to_md(make())
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary files left


def test_symlink_to_a_file_is_never_written_through(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("do not touch", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(precious)
    with pytest.raises(ExportExists):
        write_export(make(), link)
    assert link.is_symlink() and precious.read_text(encoding="utf-8") == "do not touch"
    write_export(make(), link, force=True)
    assert not link.is_symlink()  # the link was replaced by the export …
    assert link.read_text(encoding="utf-8") == to_txt(make())
    assert precious.read_text(encoding="utf-8") == "do not touch"  # … its target left alone


def test_dangling_symlink_counts_as_existing(tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere" / "x.txt")
    with pytest.raises(ExportExists):
        write_export(make(), link)
    write_export(make(), link, force=True)
    assert not link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_symlink_to_a_folder_is_replaced_not_entered(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link"
    link.symlink_to(folder)
    with pytest.raises(ExportExists):
        write_export(make(), link)
    write_export(make(), link, force=True)
    assert link.is_file() and not link.is_symlink() and list(folder.iterdir()) == []


def test_missing_folder_and_other_problems(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_export(make(), tmp_path / "missing" / "a.txt")
    (tmp_path / "file").write_text("x")
    with pytest.raises(ExportError, match="is not a folder"):
        write_export(make(), tmp_path / "file" / "a.txt")
    (tmp_path / "dir").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        write_export(make(), tmp_path / "dir", force=True)


def test_unwritable_folder_gives_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as raised:
        write_export(make(), tmp_path / "a.txt")
    assert str(raised.value) == f"cannot write in the folder {tmp_path}: permission denied"
    assert not (tmp_path / "a.txt").exists()


@pytest.mark.skipif(
    os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions, not root"
)
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_export(make(), folder / "a.txt")
        with pytest.raises(ExportError, match="not writable"):
            export_many([make()], folder)
    finally:
        folder.chmod(0o755)


def test_a_file_appearing_meanwhile_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.txt"
    real_mkstemp = tempfile.mkstemp

    def mkstemp_then_race(*args: object, **kw: object) -> tuple[int, str]:
        result = real_mkstemp(*args, **kw)  # type: ignore[call-overload]
        target.write_text("written by someone else", encoding="utf-8")
        return result  # type: ignore[no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp_then_race)
    with pytest.raises(ExportExists):
        write_export(make(), target)
    assert target.read_text(encoding="utf-8") == "written by someone else"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_without_hard_links_the_name_is_claimed_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object, **__: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(export.files.os, "link", no_links)
    target = tmp_path / "a.txt"
    write_export(make(), target)
    assert target.read_text(encoding="utf-8") == to_txt(make())
    with pytest.raises(ExportExists):
        write_export(make(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# -- many ------------------------------------------------------------------------------
def test_export_many(tmp_path: Path) -> None:
    one = make()
    twin = make(id="ffff0000aa", paragraphs=(Paragraph("Khác"),))  # same name as `one`
    other = make("Bài khác", id="1234567890")
    gone = Missing("deadbeef00", "Bài đã mất")
    report = export_many([one, gone, twin, other, one], tmp_path, "md")
    assert [p.name for p in report.written] == [
        "my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang.md",
        "my-long_2023-06-28_dang-bo-phuong-my-long-so-ket-06-thang_ffff0000.md",
        "my-long_2023-06-28_bai-khac.md",
    ]
    assert report.missing == [gone] and report.existing == [] and report.failed == []
    assert not report.complete
    assert report.summary() == f"3 files written to {tmp_path}; 1 missing from the library"
    assert report.written[1].read_text(encoding="utf-8") == to_md(twin)

    (tmp_path / report.written[0].name).write_text("edited", encoding="utf-8")
    again = export_many([one, other], tmp_path, "md")
    assert again.written == [] and len(again.existing) == 2
    assert (tmp_path / report.written[0].name).read_text(encoding="utf-8") == "edited"
    forced = export_many([one, other], tmp_path, "md", overwrite=True)
    assert len(forced.written) == 2 and forced.complete
    assert (tmp_path / report.written[0].name).read_text(encoding="utf-8") == to_md(one)


def test_export_many_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_many([make()], tmp_path / "missing")


def test_written_file_has_the_ordinary_mode(tmp_path: Path) -> None:
    """Atomic writes go through mkstemp (0600); the result must read like a normal file."""
    import os

    from wardtui.storage import atomic_write_text

    mask = os.umask(0o022)
    try:
        target = tmp_path / "a.txt"
        atomic_write_text(target, "x")
        assert target.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(mask)
