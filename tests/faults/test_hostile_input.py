"""Hostile and strange input: each is indexed or skipped with its reason, never a traceback.

Everything goes through the real command line (``wardtui index``), whose report
must name every skipped file with its reason and every file decoded from
another encoding.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from wardtui.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLE = (SEEDS / "001_94c45868fd98c6ab.txt").read_text(encoding="utf-8")
OTHER = (SEEDS / "003_6df8933de2da7189.txt").read_text(encoding="utf-8")
# Windows-1258 writes tone marks as combining characters after the base letter.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def _cp1258(text: str) -> bytes:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258", errors="replace")


def _index(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["index", str(path)]) == 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return captured.out


def test_strange_files_are_indexed_or_skipped_with_reasons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "strange"
    corpus.mkdir()
    files = {
        "binary.txt": bytes(range(256)) * 40,
        "png.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
        "empty.txt": b"",
        "blank.txt": b" \n\n\t \n",
        "menu-only.txt": (
            "CHUYÊN MỤC\nTrang chủ\nGiới thiệu\nTin tức\nLiên hệ\nLượt xem: 3\n"
        ).encode(),
        "cp1258.txt": _cp1258(ARTICLE),
        "utf16-nobom.txt": OTHER.encode("utf-16-le"),
        "nfd.txt": unicodedata.normalize("NFD", OTHER.replace("Tây Sơn", "Tân Định")).encode(),
        "tcvn3-looking.txt": (
            "§¶ng bé ph­êng Mü Long s¬ kÕt 06 th¸ng ®Çu n¨m 2023\n\n"
            "S¸ng ngµy 28/06/2023, §¶ng uû ph­êng Mü Long tæ chøc héi nghÞ "
            "s¬ kÕt §¶ng bé ph­êng 06 th¸ng ®Çu n¨m.\n"
        ).encode("cp1252"),
    }
    for name, data in files.items():
        (corpus / name).write_bytes(data)
    nfd_name = unicodedata.normalize("NFD", "phường-mỹ-long.txt")
    (corpus / nfd_name).write_text(ARTICLE.replace("Mỹ Long", "Mỹ Phước"), encoding="utf-8")
    (corpus / os.fsdecode(b"bad-\xff\xfe-name.txt")).write_text(
        ARTICLE.replace("Mỹ Long", "Mỹ Thới"), encoding="utf-8"
    )
    loop = corpus / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(corpus, target_is_directory=True)

    out = _index(corpus, capsys)
    assert f"{corpus / 'binary.txt'}: binary file" in out
    assert f"{corpus / 'png.txt'}: binary file (PNG image)" in out
    assert f"{corpus / 'empty.txt'}: empty file" in out
    assert f"{corpus / 'blank.txt'}: empty file" in out
    assert f"{corpus / 'menu-only.txt'}: no article text" in out
    assert f"{corpus / 'cp1258.txt'}: cp1258" in out
    assert f"{corpus / 'utf16-nobom.txt'}: utf-16-le" in out
    assert f"{corpus / 'tcvn3-looking.txt'}: TCVN3" in out  # converted to Unicode
    assert "bad-\\xff\\xfe-name.txt" not in out  # decoded fine: not in the report at all
    main(["list", "--json"])
    listing = capsys.readouterr().out
    for ward in ("Mỹ Long", "Tây Sơn", "Tân Định", "Mỹ Phước", "Mỹ Thới"):
        assert f'"ward":"{ward}"' in listing
    assert "bad-\\\\xff\\\\xfe-name.txt" in listing  # JSON of a backslash-escaped name
    # A second run recognises every file, the oddly named ones included.
    assert "0 new, 0 changed" in _index(corpus, capsys)


def test_huge_single_line_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "huge"
    corpus.mkdir()
    sentence = "Sáng ngày 3/3/2024, UBND phường Tân Mỹ tổ chức hội nghị triển khai nhiệm vụ. "
    (corpus / "fifty-mb.txt").write_text(
        sentence * (50_000_000 // len(sentence.encode())), encoding="utf-8"
    )
    (corpus / "ten-mb.txt").write_text("Tin phường Tân Mỹ " + sentence * 100_000, encoding="utf-8")
    out = _index(corpus, capsys)
    assert f"{corpus / 'fifty-mb.txt'}: too large for an article (" in out
    assert "2 files seen — 1 new, 0 changed, 0 unchanged, 0 removed, 1 skipped." in out
    main(["list", "--json"])
    assert '"ward":"Tân Mỹ"' in capsys.readouterr().out


def test_unreadable_file_is_skipped_with_its_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "locked"
    corpus.mkdir()
    (corpus / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    locked = corpus / "locked.txt"
    locked.write_text(OTHER, encoding="utf-8")
    if os.geteuid() != 0:
        locked.chmod(0)
    else:  # root reads anything: make the read fail as it would for a user
        from wardtui.library import sync

        original = sync.read_regular

        def read_regular(path: str, *, follow: bool, limit: int) -> bytes:
            if path.endswith("locked.txt"):
                raise PermissionError(13, "Permission denied", path)
            return original(path, follow=follow, limit=limit)

        monkeypatch.setattr(sync, "read_regular", read_regular)
    out = _index(corpus, capsys)
    assert f"{locked}: unreadable (Permission denied)" in out
    assert "2 files seen — 1 new, 0 changed, 0 unchanged, 0 removed, 1 skipped." in out


def test_unreadable_folder_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "tree"
    (corpus / "closed").mkdir(parents=True)
    (corpus / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    original, original_open = os.scandir, os.open

    def scandir(path: str) -> object:
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return original(path)

    def opening(path: str, flags: int, *args: int, **kwargs: object) -> int:
        if str(path).endswith("closed"):  # the walk lists a folder through a descriptor
            raise PermissionError(13, "Permission denied", str(path))
        return original_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", opening)
    out = _index(corpus, capsys)
    assert f"Note: folder {corpus / 'closed'} cannot be read (Permission denied)" in out
