"""parse_bytes stays linear in the file's size, on any text (issue 11, item 14).

No clock is read: the test counts the Python function calls a parse makes (a
deterministic measure of the work) for an input and for one four times as big,
and asks that the work grow at most in proportion.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable

import pytest

from wardtui.corpus import Skipped, parse_bytes
from wardtui.corpus.lines import clear_caches

_WORDS = "xã phường Tân Phú tổ chức hội nghị ngày 12/7/2023 Lượt xem: 12 Thanh Tâm Ảnh: A".split()


def _short_lines(n: int) -> bytes:
    rnd = random.Random(1)
    return "\n".join(" ".join(rnd.choice(_WORDS) for _ in range(3)) for _ in range(n)).encode()


def _one_line(n: int) -> bytes:
    rnd = random.Random(2)
    return " ".join(rnd.choice(_WORDS) for _ in range(n * 3)).encode()


SHAPES: list[tuple[str, Callable[[int], bytes]]] = [
    ("short-lines", _short_lines),
    ("one-long-line", _one_line),
    (
        "blank-lines",
        lambda n: b"Tin\n" + b"\n" * (n * 10) + b"UBND xa Tan Phu to chuc hoi nghi " * 5,
    ),
    (
        "caps-lines",
        lambda n: "\n".join("ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ" for _ in range(n)).encode(),
    ),
    ("name-lines", lambda n: "\n".join("Nguyễn Văn An" for _ in range(n)).encode()),
    (
        "wrapped-lowercase",
        lambda n: "\n".join("và tổ chức hội nghị tại xã" for _ in range(n)).encode(),
    ),
    ("dates", lambda n: ("12/7/2023 ngày 5 và 6-7 " * n).encode()),
    ("ward-words", lambda n: ("xã Tân Phú phường 12 " * n).encode()),
    ("legacy-words", lambda n: ("tæ chøc héi nghÞ " * n).encode()),
    ("open-parentheses", lambda n: ("(((" * n * 5).encode()),
    ("menu-items", lambda n: "\n".join(("Trang chủ", "Tin tức", "Liên hệ") * n).encode()),
]


def _calls(data: bytes) -> int:
    count = 0
    clear_caches()  # remembered lines would make the second input look cheaper

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        parse_bytes(data)
    except Skipped:
        pass
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("make", [s[1] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_parse_work_grows_at_most_linearly(make: Callable[[int], bytes]) -> None:
    small, big = make(1_500), make(6_000)
    assert len(big) >= 3.5 * len(small)
    assert _calls(big) <= 4.5 * _calls(small) + 2_000


def test_a_file_of_many_lines_keeps_its_text() -> None:
    lines = [f"Dòng số {i} của một tệp rất dài, không phải bài báo." for i in range(5_000)]
    article = parse_bytes("\n".join(lines).encode())
    assert "Dòng số 4999 của một tệp rất dài" in article.body
