"""Fuzzing the parser with mutations of the sample files.

Every generated file must give an :class:`Article` or a :class:`Skipped` with a
reason, never another exception, and the article must be clean: no control
characters anywhere, a non-empty title, a date at a known precision.

The CI profile runs a few thousand files; ``HYPOTHESIS_PROFILE=fuzz-long``
(registered in ``tests/conftest.py``) runs a hundred thousand on a developer's
machine: ``HYPOTHESIS_PROFILE=fuzz-long pytest tests/faults/test_fuzz_parser.py``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from wardtui.corpus import Article, Skipped, parse_bytes

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1258", "latin-1"]
NASTY = [
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x9b31m",
    "[bold]",
    "[@click=app.quit]x[/]",
    "\x00",
    "\r",
    "\ufeff",
    "\u202e",
    "IMG2019.jpg",
    "Ngày đăng 1/1/2020",
    "Lượt xem: 9",
    "phường 0",
]


def _mutate(text: str, data: st.DataObject) -> bytes:
    lines = text.split("\n")
    operation = data.draw(st.sampled_from(["cut", "double", "shuffle", "insert", "nfd", "none"]))
    if operation == "cut" and lines:
        start = data.draw(st.integers(0, len(lines) - 1))
        lines = lines[start : start + data.draw(st.integers(0, len(lines)))]
    elif operation == "double":
        lines = lines + lines
    elif operation == "shuffle":
        lines = data.draw(st.permutations(lines))
    elif operation == "insert":
        for _ in range(data.draw(st.integers(1, 5))):
            at = data.draw(st.integers(0, len(lines)))
            lines.insert(at, data.draw(st.sampled_from(NASTY)) + data.draw(st.text(max_size=20)))
    mutated = "\n".join(lines)
    if operation == "nfd":
        mutated = unicodedata.normalize("NFD", mutated)
    encoding = data.draw(st.sampled_from(ENCODINGS))
    raw = mutated.encode(encoding, errors="replace")
    if data.draw(st.booleans()):
        noise = data.draw(st.binary(max_size=64))
        at = data.draw(st.integers(0, len(raw)))
        raw = raw[:at] + noise + raw[at:]
    return raw


def _check(article: Article) -> None:
    assert article.title.strip()
    for value in (
        article.title,
        article.author or "",
        article.category or "",
        article.ward or "",
        *(p.text for p in article.paragraphs),
    ):
        assert not CONTROL.search(value), repr(value)
        assert "\x1b" not in value
    assert article.unit in (None, "phường", "xã", "thị trấn")
    assert article.date is None or len(article.date) in (4, 7, 10)
    assert article.paragraphs


@given(st.sampled_from(TEXTS), st.data())
def test_mutated_samples_parse_or_skip(text: str, data: st.DataObject) -> None:
    raw = _mutate(text, data)
    try:
        article = parse_bytes(raw, source="fuzz.txt")
    except Skipped as skip:
        assert skip.reason
        return
    _check(article)


@given(st.binary(max_size=4096))
def test_random_bytes_parse_or_skip(raw: bytes) -> None:
    try:
        _check(parse_bytes(raw, source="bytes.txt"))
    except Skipped as skip:
        assert skip.reason
