"""The command line: the README's promises, exit codes, safe output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from wardtui.cli import main

EXPECTED = {
    "000_474a873e264c33ff.txt": ("Mỹ Hương", "phường", "2020", "Thanh Tâm"),
    "001_94c45868fd98c6ab.txt": ("Mỹ Long", "phường", "2023-06-28", "UBND phường Mỹ Long"),
    "002_5ac1c78084622dc2.txt": ("Minh Khai", "phường", "2021-01-19", "Giang Vũ"),
    "003_6df8933de2da7189.txt": ("Tây Sơn", "phường", "2023-07-12", "Hoàng Bình"),
    "004_1d81fa788f9b7cee.txt": ("Hội Phú", "phường", "2019-10-07", "Nhật Quang"),
}
LIST_KEYS = ["id", "ward", "unit", "date", "title", "author", "category", "source", "words",
             "credit", "province", "district", "place_code", "place_confidence"]


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_list_json_works_on_the_sample_corpus_with_no_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["list", "--json"]) == 0
    rows = _json_lines(capsys.readouterr().out)
    assert len(rows) == 5
    assert all(list(row) == LIST_KEYS for row in rows)
    got = {
        Path(str(r["source"])).name: (r["ward"], r["unit"], r["date"], r["author"]) for r in rows
    }
    assert got == EXPECTED


def test_index_then_list(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(seeds_copy)]) == 0
    out = capsys.readouterr().out
    assert "Added source" in out
    assert "5 files seen — 5 new, 0 changed, 0 unchanged, 0 removed, 0 skipped" in out
    assert main(["index"]) == 0
    assert "0 new, 0 changed, 5 unchanged" in capsys.readouterr().out
    assert main(["list", "--json"]) == 0
    sources = {Path(str(r["source"])).parent for r in _json_lines(capsys.readouterr().out)}
    assert sources == {seeds_copy}


def test_index_names_skipped_and_decoded_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    text = (Path(__file__).parents[2] / "seeds" / "001_94c45868fd98c6ab.txt").read_text("utf-8")
    (corpus / "utf16.txt").write_bytes(text.encode("utf-16"))
    (corpus / "empty.txt").write_bytes(b"")
    assert main(["index", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert f"{corpus / 'empty.txt'}: empty file" in out
    assert f"{corpus / 'utf16.txt'}: utf-16-le" in out


def test_show_json_has_clean_paragraphs(capsys: pytest.CaptureFixture[str]) -> None:
    main(["list", "--json"])
    ids = [str(r["id"]) for r in _json_lines(capsys.readouterr().out)]
    for article_id in ids:
        assert main(["show", article_id, "--json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert set(data) == {*LIST_KEYS, "title_original", "successor", "paragraphs"}
        for paragraph in data["paragraphs"]:
            assert set(paragraph) == {"text", "kind"}
            if paragraph["kind"] == "text":
                for junk in (
                    "CHUYÊN MỤC",
                    "Lượt xem",
                    "Trực tuyến",
                    "Hôm nay:",
                    "Ngày đăng",
                    ".jpg",
                ):
                    assert junk not in paragraph["text"]


def test_show_plain_text_and_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    main(["list", "--json"])
    first = _json_lines(capsys.readouterr().out)[0]
    assert main(["show", str(first["id"])[:6]]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Title: {first['title']}\n")
    assert f"\nId: {first['id']}\n\n" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["show", "nosuchid"],
        ["export", "nosuchid"],
        ["index", "/no/such/folder"],
        ["sources", "--remove", "/x"],
    ],
)
def test_user_errors_exit_1_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("wardtui: ") and err.count("\n") == 1


def test_sources_add_and_remove(seeds_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources"]) == 0
    assert "sample corpus" in capsys.readouterr().out
    main(["index", str(seeds_copy)])
    capsys.readouterr()
    assert main(["sources"]) == 0
    assert capsys.readouterr().out.strip() == str(seeds_copy)
    assert main(["sources", "--remove", str(seeds_copy)]) == 0
    assert "Removed source" in capsys.readouterr().out


def test_garbage_cache_gives_one_line_notice(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    cache = isolated_dirs / "cache"
    cache.mkdir(parents=True)
    (cache / "library.sqlite3").write_bytes(b"garbage" * 500)
    assert main(["list", "--json"]) == 0
    captured = capsys.readouterr()
    assert len(_json_lines(captured.out)) == 5
    assert "was rebuilt" in captured.err and captured.err.count("\n") == 1


def test_markup_and_escapes_are_printed_literally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "hostile"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Phường Mỹ An [bold]chú ý[/bold] [@click=app.quit]bấm[/]\n\n"
        "Sáng ngày 02/03/2024, UBND phường Mỹ An \x1b[2J\x1b]0;pwned\x07 tổ chức hội nghị "
        "[red]triển khai[/red] nhiệm vụ năm 2024 với sự tham gia của đông đảo cán bộ.\n",
        encoding="utf-8",
    )
    main(["index", str(corpus)])
    capsys.readouterr()
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "[bold]chú ý[/bold]" in out and "\x1b" not in out
    main(["list", "--json"])
    article_id = str(_json_lines(capsys.readouterr().out)[0]["id"])
    for argv in (
        ["show", article_id],
        ["show", article_id, "--json"],
        ["export", article_id, "-o", "-"],
    ):
        assert main(argv) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "pwned" not in out
        assert "[red]triển khai[/red]" in out


def test_core_imports_never_load_textual() -> None:
    code = (
        "import sys, wardtui.corpus, wardtui.library, wardtui.cli, wardtui.export, "
        "wardtui.config\n"
        "import importlib.util\n"
        "for extra in ('wardtui.search', 'wardtui.userdata'):\n"
        "    if importlib.util.find_spec(extra): __import__(extra)\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_list_filters_by_ward_year_and_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json", "--ward", "my long"]) == 0  # accents optional
    rows = _json_lines(capsys.readouterr().out)
    assert [(r["ward"], r["date"]) for r in rows] == [("Mỹ Long", "2023-06-28")]
    assert main(["list", "--json", "--year", "2023"]) == 0
    dates = [r["date"] for r in _json_lines(capsys.readouterr().out)]
    assert dates == ["2023-07-12", "2023-06-28"]  # newest first
    assert main(["list", "--json", "--limit", "2"]) == 0
    dates = [r["date"] for r in _json_lines(capsys.readouterr().out)]
    assert dates == ["2023-07-12", "2023-06-28"]
    assert main(["list", "--json", "--ward", "nowhere"]) == 0
    assert capsys.readouterr().out == ""


# -- issue 12 items 18-20, issue 11 items 16-18 (CLI side) ----------------------------------
def test_a_mistyped_command_is_named_as_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12 item 19: a word that is no path and no command: unknown command."""
    monkeypatch.chdir(tmp_path)
    assert main(["lsit"]) == 1
    assert capsys.readouterr().err == "wardtui: unknown command 'lsit' (did you mean list?)\n"
    assert main(["bookmark"]) == 1
    assert "(did you mean bookmarks?)" in capsys.readouterr().err
    assert main(["zzzz"]) == 1
    err = capsys.readouterr().err
    assert "'zzzz' is not a command" in err and err.count("\n") == 1
    assert main(["no/such/folder"]) == 1
    assert capsys.readouterr().err == "wardtui: no such file or folder: no/such/folder\n"
    (tmp_path / "lsit").mkdir()  # an existing path is a source, never a command
    assert main(["lsit", "--summary"]) == 0
    assert main(["sources"]) == 0
    assert capsys.readouterr().out.strip().endswith(str(tmp_path / "lsit"))


def test_index_refuses_what_is_not_a_file_or_a_folder(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Issue 12 item 20: `index /dev/null` is refused, not added as a source."""
    assert main(["index", "/dev/null"]) == 1
    err = capsys.readouterr().err
    assert "/dev/null is not a regular file or a folder" in err and err.count("\n") == 1
    assert main(["sources"]) == 0
    assert "sample corpus" in capsys.readouterr().out


def test_list_of_an_unknown_ward_says_so_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 12 item 20: no lone header; a clear message on stderr; not an error."""
    for extra in ([], ["--json"]):
        assert main(["list", "--ward", "khong co", *extra]) == 0
        out, err = capsys.readouterr()
        assert out == ""
        assert err == "wardtui: no articles: no ward is named 'khong co'\n"
    assert main(["list", "--ward", "my lng"]) == 0
    assert "(did you mean my long?)" in capsys.readouterr().err
    assert main(["list", "--year", "1990"]) == 0
    assert capsys.readouterr() == ("", "wardtui: no articles in 1990.\n")


def test_counts_and_plurals_count_an_empty_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12 item 20: an empty file is skipped (not new as well), said again later,
    and the counts take the right plural."""
    corpus = tmp_path / "c"
    corpus.mkdir()
    seed = Path(__file__).parents[2] / "seeds" / "001_94c45868fd98c6ab.txt"
    (corpus / "a.txt").write_bytes(seed.read_bytes())
    (corpus / "empty.txt").write_bytes(b"")
    assert main(["index", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "2 files seen — 1 new, 0 changed, 0 unchanged, 0 removed, 1 skipped." in out
    assert f"Skipped:\n  {corpus / 'empty.txt'}: empty file\n" in out
    assert "Library: 1 article in 1 ward from 2 files." in out
    assert main(["index"]) == 0
    out = capsys.readouterr().out
    assert "2 files seen — 0 new, 0 changed, 2 unchanged, 0 removed, 0 skipped." in out
    assert (f"Still skipped (unchanged since an earlier sync):\n"
            f"  {corpus / 'empty.txt'}: empty file\n") in out
    (corpus / "a.txt").unlink()
    assert main(["index"]) == 0
    assert "1 file seen — 0 new" in capsys.readouterr().out


class _Recorder:
    """A pipe that remembers what had been flushed when it was told to."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.flushed = ""

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def flush(self) -> None:
        self.flushed = "".join(self.parts)

    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize("json_output", [False, True])
def test_list_prints_the_first_row_before_reading_the_rest(
    monkeypatch: pytest.MonkeyPatch, json_output: bool
) -> None:
    """Issue 12 item 18 / issue 15: `list` streams: the first row is written and
    flushed as soon as it is read, before the library gives the second."""
    from wardtui.library import Library

    name = "query_json" if json_output else "query"
    real = getattr(Library, name)

    def first_then_fail(self: Library, **kwargs: object):  # type: ignore[no-untyped-def]
        rows = real(self, **kwargs)
        yield next(rows)
        raise KeyboardInterrupt  # as if the reader stopped us while the rest was read

    main(["list", "--json"])  # fill the cache first
    recorder = _Recorder()
    monkeypatch.setattr(Library, name, first_then_fail)
    monkeypatch.setattr(sys, "stdout", recorder)
    assert main(["list", *(["--json"] if json_output else [])]) == 130
    lines = recorder.flushed.splitlines()
    if json_output:
        assert len(lines) == 1 and json.loads(lines[0])["date"] == "2023-07-12"
    else:
        assert lines[0] == "id\tdate\tward\ttitle\tauthor"
        assert len(lines) == 2 and lines[1].split("\t")[1] == "2023-07-12"


def test_index_syncs_the_sources_as_they_are_then(
    seeds_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SAFETY_LEFTOVERS: the CLI's syncs read the current sources (a callable)."""
    from wardtui.config import Sources
    from wardtui.library import Library

    given: list[object] = []
    real = Library.sync

    def spy(self: Library, sources: object, **kwargs: object):  # type: ignore[no-untyped-def]
        given.append(sources)
        return real(self, sources, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "sync", spy)
    assert main(["index", str(seeds_copy)]) == 0
    assert main(["list", "--json"]) == 0
    assert given and all(callable(s) for s in given)
    assert [getattr(s, "__func__", None) for s in given] == [Sources.current] * len(given)


def test_a_sources_notice_is_told_once_even_if_it_comes_during_the_sync(
    seeds_copy: Path, isolated_dirs: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SAFETY_LEFTOVERS: the sources' notices are shown, once each, also those that
    arise while the sync re-reads the list (another process wrote a bad entry)."""
    from wardtui.library import Library

    config = isolated_dirs / "config"
    config.mkdir(parents=True)
    (config / "sources.json").write_text("{not json", encoding="utf-8")
    real = Library.sync

    def meanwhile(self: Library, sources: object, **kwargs: object):  # type: ignore[no-untyped-def]
        (config / "sources.json").write_text(
            json.dumps({"version": 1, "sources": [str(seeds_copy), 42]}), encoding="utf-8"
        )
        return real(self, sources, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Library, "sync", meanwhile)
    assert main(["index", str(seeds_copy)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if "was kept as" in line]) == 1, err
    assert len([line for line in err if "the entry 42 is not a usable path" in line]) == 1, err


def test_list_json_is_json_text_of_each_summary(seeds_dir: Path, tmp_path: Path) -> None:
    """`list --json` lines come from SQLite (Library.query_json) for speed: they are
    exactly what the one json_text writes for each summary, in the same order."""
    from wardtui.cli.output import json_text
    from wardtui.library import Library

    with Library.open(tmp_path / "c.sqlite3") as library:
        library.sync([seeds_dir], workers=1)
        for filters in ({}, {"year": 2023}, {"limit": 2}, {"wards": ["Mỹ Long"]}):
            summaries = [json_text(s.to_json()) for s in library.query(**filters)]
            assert summaries and list(library.query_json(**filters)) == summaries


def test_help_and_show_load_only_what_they_use(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: `wardtui --help` loads no library, `show` no sync, parser or process
    pool (lazy imports keep both near the interpreter's own start-up)."""
    main(["list", "--json"])  # fill the cache
    code = (
        "import sys, contextlib, io\n"
        "from wardtui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(sys.argv[1:])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    def loaded(*argv: str) -> set[str]:
        done = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                              text=True, check=True)
        return set(done.stdout.split())

    help_modules = loaded("--help")
    for heavy in ("sqlite3", "wardtui.library", "wardtui.corpus.parse", "wardtui.search",
                  "wardtui.config", "rich", "textual"):
        assert heavy not in help_modules, heavy
    show_modules = loaded("show", "4bc50b54b5")
    assert "wardtui.library.store" in show_modules
    for heavy in ("wardtui.library.sync", "multiprocessing", "concurrent.futures",
                  "wardtui.corpus.parse", "wardtui.corpus.legacy", "wardtui.search", "rich",
                  "textual"):
        assert heavy not in show_modules, heavy
