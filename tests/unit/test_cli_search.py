"""``wardtui search``: through ``wardtui.cli.main`` over the sample corpus."""

from __future__ import annotations

import json

import pytest

from wardtui.cli import main

LIST_KEYS = {"id", "ward", "unit", "date", "title", "author", "category", "source", "words",
             "credit", "province", "district", "place_code", "place_confidence"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_table_best_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "dan", "van", "kheo")  # several words, joined
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "date", "ward", "title"]
    assert lines[1].startswith("bc897e88d8")
    assert "Dân vận khéo" in lines[1]
    assert lines[-1] == "1 result."


def test_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "giải phóng mặt bằng")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and rows[0]["id"] == "5261f9b945"
    for row in rows:
        assert set(row) == LIST_KEYS | {"score", "snippet"}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert "giải phóng mặt bằng" in rows[0]["snippet"]


def test_limit(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "--limit", "2", "dang")
    assert code == 0
    assert len(out.splitlines()) == 2
    code, out, _ = run(capsys, "search", "--limit", "2", "dang")
    assert out.splitlines()[-1] == "2 of 5 results (--limit N for more)."


@pytest.mark.parametrize("command", [["search", "dang"], ["list"]])
@pytest.mark.parametrize("value", ["0", "-2"])
def test_bad_limit_is_an_error_in_every_command(
    capsys: pytest.CaptureFixture[str], command: list[str], value: str
) -> None:
    """Issue 12 item 20, issue 11 item 18: `list` and `search` follow one --limit rule
    (1 or more); 0 and negative numbers are one-line errors, exit status 1."""
    with pytest.raises(SystemExit) as raised:
        main([*command, "--limit", value])
    assert raised.value.code == 1
    err = capsys.readouterr().err
    assert "--limit" in err and "1 or more" in err and err.count("\n") == 1


def test_no_result_is_not_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "xyzzy")
    assert code == 0
    assert out == "No results for 'xyzzy'.\n"
    code, out, _ = run(capsys, "search", "--json", "xyzzy")
    assert (code, out) == (0, "")


@pytest.mark.parametrize("query", ['"', "AND", "NOT :", "*", "2009-2019", "ward:", "[bold]",
                                   "date:2023..2021", "-", "ward:\"nowhere\"", "\x1b[2J"])
def test_malformed_queries_exit_0(capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "search", query)
    assert code == 0
    assert "Traceback" not in err
    assert "\x1b" not in out + err


def test_hints_go_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "--json", "dang", "*", "date:2023..2021")
    assert code == 0
    assert all(json.loads(line) for line in out.splitlines())
    assert "ignored '*'" in err
    assert "read as date:2021..2023" in err


def test_is_bookmarked_reads_the_bookmarks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "is:bookmarked")
    assert (code, out) == (0, "")
    assert main(["bookmarks", "add", "4bc50b54b5"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "search", "--json", "is:bookmarked")
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["4bc50b54b5"]
    code, out, _ = run(capsys, "search", "--json", "-is:bookmarked", "my")
    assert "4bc50b54b5" not in out


def test_help_shows_the_query_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["search", "-h"])
    out = capsys.readouterr().out
    assert "ward:" in out and "is:bookmarked" in out


def test_exclusions_as_first_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "search", "--json", "-ward:\"my long\"", "dang", "-covid")
    assert code == 0
    found = [json.loads(line)["id"] for line in out.splitlines()]
    assert found and "4bc50b54b5" not in found and "5261f9b945" not in found
    code, out, _ = run(capsys, "search", "--json", "--", "-covid", "dang")
    assert code == 0 and "5261f9b945" not in out


def test_an_empty_query_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "search", " ")
    assert code == 1
    assert "give a query" in err


def test_a_repeated_hint_is_printed_once(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 11 item 18: a hint that applies 40 times is printed once; many hints are capped."""
    code, _, err = run(capsys, "search", *(["year:abc"] * 40), "dang")
    assert code == 0
    assert err.count("ignored year:abc") == 1
    code, _, err = run(capsys, "search", *(f"year:x{i}" for i in range(30)), "dang")
    lines = err.strip().splitlines()
    assert len(lines) == 11 and "20 other notes" in lines[-1]


def test_a_one_letter_query_says_type_more(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "search", "d")
    assert code == 0
    assert "No results" not in out
    assert "at least two letters" in err
