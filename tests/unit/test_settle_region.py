"""A ward named without its unit word but followed by its district or province
(``cù lao Mỹ Quý Đông – Đức Huệ – Long An``): settled from the gazetteer, only when
exactly one unit of that name lies there."""

from __future__ import annotations

from wardtui.corpus import parse_text
from wardtui.places.settle import settle

LEAD = (
    "Sáng 9/2/2025, cây cầu bê tông mới được cắt băng khánh thành trong niềm vui của bà con "
    "{place}. Cầu dài 13 m, rộng 3 m, do một gia đình hảo tâm tài trợ toàn bộ kinh phí xây "
    "dựng. Tại buổi lễ, gia đình còn trao 10 suất học bổng cho học sinh nghèo hiếu học."
)


def _settled(title: str, place: str) -> tuple[str | None, str | None, str | None]:
    text = f"{title}\n\n{LEAD.format(place=place)}\n"
    settled, placement = settle(parse_text(text), text)
    return settled.ward, settled.unit, placement.province


def test_a_name_followed_by_its_district_and_province_is_the_ward() -> None:
    assert _settled("Khánh thành cầu nông thôn", "cù lao Mỹ Quý Đông – Đức Huệ – Long An") == (
        "Mỹ Quý Đông",
        "xã",
        "Long An",
    )


def test_an_all_caps_title_with_its_district() -> None:
    ward, unit, _ = _settled("KHÁNH THÀNH CẦU MỚI – MỸ QUÝ ĐÔNG, ĐỨC HUỆ", "ven sông Vàm Cỏ")
    assert (ward, unit) == ("Mỹ Quý Đông", "xã")


def test_a_name_the_district_does_not_hold_is_not_a_ward() -> None:
    # No unit called Tân Lập lies in Đức Huệ: never a guess.
    assert _settled("Khánh thành cầu nông thôn", "ấp Tân Lập – Đức Huệ – Long An")[:2] == (
        None,
        None,
    )


def test_a_person_and_an_office_are_not_a_place() -> None:
    assert _settled("Khánh thành cầu nông thôn", "ông Nguyễn Văn Hùng – Chủ tịch Hội Nông dân")[
        :2
    ] == (None, None)


def test_a_unit_word_in_the_text_comes_first() -> None:
    ward, unit, _ = _settled(
        "Khánh thành cầu nông thôn", "xã Bình Hòa Nam, cù lao Mỹ Quý Đông – Đức Huệ – Long An"
    )
    assert (ward, unit) == ("Bình Hòa Nam", "xã")


def test_an_all_caps_headline_gets_back_the_capitals_of_its_placed_names() -> None:
    text = f"KHÁNH THÀNH CẦU MỚI – MỸ QUÝ ĐÔNG, ĐỨC HUỆ\n\n{LEAD.format(place='ven sông')}\n"
    settled, placement = settle(parse_text(text), text)
    assert placement.placed
    assert settled.title == "Khánh thành cầu mới – Mỹ Quý Đông, Đức Huệ"
    assert settled.title_original == "KHÁNH THÀNH CẦU MỚI – MỸ QUÝ ĐÔNG, ĐỨC HUỆ"
