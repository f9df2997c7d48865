"""``list --json`` writes the library's JSON lines in chunks: the first at once, every
line escaped as one line alone would be (C1 and bidi controls), none lost at a chunk's end."""

from __future__ import annotations

import io
from collections.abc import Iterator

from wardtui.cli.library import JSON_CHUNK, _print_json
from wardtui.cli.output import JSON_UNSAFE, escape_json


class _Out(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.flushed: list[str] = []

    def flush(self) -> None:
        self.flushed.append(self.getvalue())


def test_every_line_is_written_and_escaped_across_chunks() -> None:
    lines = [f'{{"id":"{i:05d}","title":"Tin số {i}"}}' for i in range(2 * JSON_CHUNK + 7)]
    lines[JSON_CHUNK + 3] = '{"id":"x","title":"a\u202eb\x85c"}'
    out = _Out()
    assert _print_json(iter(lines), out) == len(lines)
    expected = "".join(JSON_UNSAFE.sub(escape_json, line) + "\n" for line in lines)
    assert out.getvalue() == expected
    assert "\\u202e" in out.getvalue() and "\u202e" not in out.getvalue()


def test_the_first_line_is_flushed_before_the_second_is_read() -> None:
    out = _Out()
    seen_before_second: list[str] = []

    def lines() -> Iterator[str]:
        yield '{"id":"a"}'
        seen_before_second.append("".join(out.flushed[-1:]))
        yield '{"id":"b"}'

    assert _print_json(lines(), out) == 2
    assert seen_before_second == ['{"id":"a"}\n']
    assert out.getvalue() == '{"id":"a"}\n{"id":"b"}\n'


def test_nothing_to_write_writes_nothing() -> None:
    out = _Out()
    assert _print_json(iter([]), out) == 0
    assert out.getvalue() == ""
