"""first_sentence and sentence_case: titles as a reader expects them."""

from __future__ import annotations

import pytest

from wardtui.corpus.titles import first_sentence, sentence_case


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("Sáng 5/10, xã A họp. Chiều cùng ngày, xã B họp.", "Sáng 5/10, xã A họp."),
        (
            "Đoàn đến TP. Hồ Chí Minh vào sáng 5/10. Sau đó đoàn về tỉnh.",
            "Đoàn đến TP. Hồ Chí Minh vào sáng 5/10.",
        ),
        (
            "Bs. Lan khám cho 200 người dân. Dịp này đoàn tặng quà.",
            "Bs. Lan khám cho 200 người dân.",
        ),
        ("Một câu không có dấu chấm cuối", "Một câu không có dấu chấm cuối"),
        ("Ông A nói: “Rất vui.” Sau đó ông B phát biểu.", "Ông A nói: “Rất vui.”"),
    ],
)
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_first_sentence_is_not_cut_short() -> None:
    long = "Sáng nay ngày 31/8/2018 đoàn xã tổ chức giải cầu lông, " * 8 + "kết thúc."
    assert first_sentence(long) == long.strip()


def test_first_sentence_has_a_limit() -> None:
    assert len(first_sentence("chữ " * 1_000)) <= 601


@pytest.mark.parametrize(
    ("title", "context", "expected"),
    [
        (
            "ĐẠI HỘI ĐẢNG BỘ THỊ TRẤN EA KAO LẦN THỨ XXIII",
            "Đảng bộ thị trấn Ea Kao tổ chức Đại hội lần thứ XXIII.",
            "Đại hội Đảng bộ thị trấn Ea Kao lần thứ XXIII",
        ),
        (
            "UBND XÃ TÂN PHÚ RA QUÂN",
            "Sáng nay, UBND xã Tân Phú ra quân làm đường.",
            "UBND xã Tân Phú ra quân",
        ),
        ("HỘI NGHỊ SƠ KẾT", "", "Hội nghị sơ kết"),
    ],
)
def test_sentence_case_keeps_proper_names(title: str, context: str, expected: str) -> None:
    assert sentence_case(title, context) == expected
