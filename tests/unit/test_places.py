"""Placing articles in the gazetteer (issue 14): names, evidence, the two lists, the samples.

The fixture articles below are written for the purpose, with real places: a
unique name, ambiguous names with and without evidence (in a site banner, a
byline, the body), numbered wards, articles before and after 1 July 2025, and
evidence that disagrees. Each is parsed with :mod:`wardtui.corpus` and placed
with the whole page text as furniture, as the sync will do.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wardtui.corpus import decode_bytes, parse_file, parse_text
from wardtui.places import (
    Placement,
    district_short,
    district_sort_key,
    era_for,
    find_mentions,
    gazetteer,
    name_key,
    place,
    place_article,
    place_label,
    place_named,
    province_sort_key,
    split_ward,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LEAD = (
    "Sáng nay, Ủy ban nhân dân {unit} {ward} tổ chức hội nghị tổng kết công tác năm, "
    "với sự tham dự của đông đảo cán bộ, hội viên các đoàn thể và bà con nhân dân trên địa bàn. "
    "Hội nghị đã đánh giá kết quả thực hiện các chỉ tiêu kinh tế, xã hội và đề ra nhiệm vụ mới."
)


def page(
    title: str,
    ward: str,
    unit: str = "phường",
    *,
    banner: str = "",
    date: str = "",
    body: str = "",
    byline: str = "Thanh Tâm",
) -> str:
    """A scraped page: optional banner, title, stamp, lead, body, byline."""
    lines = [banner, title, f"Ngày đăng: {date}" if date else "", LEAD.format(unit=unit, ward=ward)]
    lines += [body, byline]
    return "\n\n".join(line for line in lines if line)


def placed(text: str) -> tuple[Placement, str | None]:
    article = parse_text(text)
    placement = place_article(article, [text])
    return placement, place_label(article.ward, article.unit, placement)


# -- names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ward", "unit", "expected"),
    [
        ("Phường 03", None, ("phường", "3")),
        ("P.3", None, ("phường", "3")),
        ("Phường 3", None, ("phường", "3")),
        ("3", "phường", ("phường", "3")),
        ("Hoà Phú", "xã", ("xã", "hoaphu")),
        ("Hòa Phú", "xã", ("xã", "hoaphu")),
        ("xã Tân Phú", None, ("xã", "tanphu")),
        ("Thị trấn Mỹ An", None, ("thị trấn", "myan")),
    ],
)
def test_split_ward_reads_unit_words_numbers_and_spellings(ward, unit, expected):
    found_unit, keys = split_ward(ward, unit)
    assert (found_unit, keys[0]) == expected


def test_name_key_folds_accents_spaces_and_leading_zeros():
    assert name_key("Đắk Lắk") == name_key("dak lak") == "daklak"
    assert name_key("Cư M'gar") == "cumgar"
    assert name_key("007") == "7"


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("UBND XÃ TÂN THÀNH - HUYỆN TÂN CHÂU", "district", "tanchau"),
        ("phường Nghi Hòa, TX Cửa Lò", "district", "cualo"),
        ("phường Nghi Hòa, TX. Cửa Lò", "district", "cualo"),
        ("Phường 1, TP. Tân An", "city", "tanan"),
        ("Phường 1, TP Tân An", "city", "tanan"),
        ("xã Hòa Lợi, H. Châu Thành", "district", "chauthanh"),
        ("TP.HCM", "city", "hcm"),
        ("Quận 3", "district", "3"),
        ("Q.3", "district", "3"),
        ("Huyện ủy Tháp Mười", "district", "thapmuoi"),
        ("Thành ủy Tân An", "city", "tanan"),
        ("Tỉnh đoàn Long An", "province", "longan"),
        ("Cổng thông tin điện tử xã X, huyện Y, tỉnh Long An", "province", "longan"),
    ],
)
def test_find_mentions_reads_unit_words_and_abbreviations(text, kind, key):
    mentions = [m for m in find_mentions(text) if m.kind == kind]
    assert any(key in m.name_keys() for m in mentions), mentions


def test_find_mentions_reads_unit_words_with_their_accents():
    # Folded, "quận" would meet "quan tâm", "quân đội", "quán triệt".
    assert find_mentions("Đảng ủy quan tâm Tân Phú, quân đội Mỹ An, quán triệt Long An") == []


def test_find_mentions_needs_the_dot_after_h_and_q():
    assert not [m for m in find_mentions("ông Nguyễn H Lan và Q Minh") if m.kind == "district"]


def test_a_mention_without_commas_does_not_hide_the_next_one():
    kinds = [m.kind for m in find_mentions("UBND xã Tân Thành huyện Tân Châu tỉnh Tây Ninh")]
    assert kinds == ["district", "province"]


# -- the lists -----------------------------------------------------------------------


def test_the_gazetteer_holds_both_lists_and_the_mapping():
    gaz = gazetteer()
    assert len(gaz.provinces["old"]) == 63
    assert len(gaz.districts) == 696
    assert len(gaz.units["old"]) == 10_035
    assert len(gaz.provinces["new"]) == 34
    assert len(gaz.units["new"]) == 3_321
    # Every old ward has a successor, and every successor is a unit of the new list.
    assert all(u.successors for u in gaz.units["old"].values())
    assert all(c in gaz.units["new"] for u in gaz.units["old"].values() for c in u.successors)


def test_phuong_1_names_dozens_of_wards():
    placement = place("1", "phường", "2020-05-01", "")
    assert placement.place_confidence == "unknown"
    assert placement.candidates >= 33  # 33 in the 2025 list, plus former names
    assert place_label("1", "phường", placement) == (
        f"Phường 1 (place unknown: {placement.candidates} candidates)"
    )


@pytest.mark.parametrize(
    ("date", "era"),
    [
        ("2025-07-01", "new"),
        ("2025-06-30", "old"),
        ("2025-07", "new"),
        ("2025-06", "old"),
        ("2025", None),
        ("2026", "new"),
        ("2019", "old"),
        (None, None),
        ("", None),
        ("not a date", None),
    ],
)
def test_era_for(date, era):
    assert era_for(date) == era


# -- the fixture articles ------------------------------------------------------------


def test_unique_name_is_placed_with_its_successor():
    text = page(
        "Xã Bản Lầu ra quân làm đường giao thông nông thôn", "Bản Lầu", "xã", date="09/11/2024"
    )
    placement, label = placed(text)
    assert placement.place_confidence == "unique"
    assert (placement.province, placement.district) == ("Lào Cai", "Huyện Mường Khương")
    assert placement.era == "old"
    assert label == "xã Bản Lầu, Huyện Mường Khương, Lào Cai"
    assert placement.successor is not None and placement.successor.endswith(", Lào Cai")
    assert placement.place_code is not None and placement.place_code.count("-") == 2


def test_ambiguous_name_without_evidence_stays_unknown():
    text = page("Phường Minh Khai tổng kết năm", "Minh Khai", date="19/01/2021")
    placement, label = placed(text)
    assert placement.place_confidence == "unknown"
    assert placement.province is None and placement.place_code is None
    assert placement.candidates == 6
    assert label == "phường Minh Khai (place unknown: 6 candidates)"


def test_ambiguous_name_placed_by_a_site_banner():
    text = page(
        "Phường Minh Khai tổng kết năm",
        "Minh Khai",
        date="19/01/2021",
        banner="UBND PHƯỜNG MINH KHAI - QUẬN HAI BÀ TRƯNG",
    )
    placement, label = placed(text)
    assert placement.place_confidence == "evidence"
    assert (placement.province, placement.district) == ("Hà Nội", "Quận Hai Bà Trưng")
    assert label == "phường Minh Khai, Quận Hai Bà Trưng, Hà Nội"


def test_ambiguous_name_placed_by_the_byline():
    text = page(
        "Phường Minh Khai tổng kết năm",
        "Minh Khai",
        date="19/01/2021",
        byline="Tin, ảnh: UBND phường Minh Khai, quận Bắc Từ Liêm",
    )
    placement, _ = placed(text)
    assert (placement.province, placement.district) == ("Hà Nội", "Quận Bắc Từ Liêm")


def test_ambiguous_name_placed_by_the_body():
    body = (
        "Đến nay, phường đã hoàn thành 12/12 tiêu chí phường văn minh đô thị, được "
        "UBND thành phố Hưng Yên biểu dương."
    )
    text = page("Phường Minh Khai tổng kết năm", "Minh Khai", date="19/01/2021", body=body)
    placement, _ = placed(text)
    assert (placement.province, placement.district) == ("Hưng Yên", "Thành phố Hưng Yên")
    assert placement.place_confidence == "evidence"


def test_numbered_ward_placed_by_district_and_city_abbreviations():
    text = page(
        "Phường 03 ra quân dọn vệ sinh",
        "03",
        banner="UBND Phường 3 - Q.3 - TP.HCM",
        date="12/03/2019",
    )
    placement, label = placed(text)
    assert (placement.province, placement.district) == ("Hồ Chí Minh", "Quận 3")
    assert label == "Phường 3, Quận 3, Hồ Chí Minh"
    assert placement.successor == "Phường Bàn Cờ, Hồ Chí Minh"


def test_numbered_ward_in_a_town_placed_by_its_portal_banner():
    banner = "Cổng thông tin điện tử Phường 1, thành phố Tân An, tỉnh Long An"
    placement, label = placed(page("Phường 1 tổng kết năm", "1", banner=banner, date="2/1/2020"))
    assert placement.place_confidence == "evidence"
    assert label == "Phường 1, Thành phố Tân An, Long An"


def test_disagreeing_evidence_leaves_the_place_unknown():
    # The banner says Quận 3, the body Quận 4: both have a Phường 3.
    body = "Đoàn công tác của UBND Phường 3, Quận 4 đã đến thăm và trao đổi kinh nghiệm."
    text = page(
        "Phường 3 tổng kết năm", "3", banner="UBND Phường 3 - Quận 3", body=body, date="12/03/2019"
    )
    placement, label = placed(text)
    assert placement.place_confidence == "unknown"
    assert label is not None and label.startswith("Phường 3 (place unknown: ")


def test_evidence_that_holds_none_of_the_candidates_does_not_count():
    # Quận 1 of Hồ Chí Minh has no Phường 1 (its wards have names), so naming it neither
    # helps nor contradicts; thành phố Tân An decides.
    body = "Đoàn đã đến tham quan mô hình tại Quận 1, sau đó về làm việc tại thành phố Tân An."
    placement, _ = placed(page("Phường 1 tổng kết năm", "1", body=body, date="2/1/2020"))
    assert placement.district == "Thành phố Tân An"


def test_unique_name_contradicted_by_every_place_named_is_unknown():
    body = "Đoàn công tác của tỉnh Quảng Ninh đã đến thăm và làm việc với huyện Tiên Yên."
    text = page("Xã Bản Lầu đón đoàn công tác", "Bản Lầu", "xã", body=body, date="09/11/2024")
    placement, label = placed(text)
    assert placement.place_confidence == "unknown"
    assert label == "xã Bản Lầu (place unknown: 1 candidate)"


def test_article_after_july_2025_uses_the_new_list():
    text = page(
        "Xã Xuân Phú tuyên dương điển hình tiên tiến",
        "Xuân Phú",
        "xã",
        date="16/08/2025",
        body="Xã Xuân Phú, thành phố Đà Nẵng có địa bàn rộng.",
    )
    placement, label = placed(text)
    assert placement.era == "new"
    assert placement.district is None
    assert placement.province == "Đà Nẵng"
    assert placement.successor is None
    assert label == "xã Xuân Phú, Đà Nẵng"
    assert placement.place_code is not None and placement.place_code.count("-") == 1


def test_new_article_naming_an_old_province_is_placed_in_its_successor():
    # Quảng Nam was merged into Đà Nẵng; a new article may still name it.
    text = page(
        "Xã Xuân Phú tuyên dương",
        "Xuân Phú",
        "xã",
        date="16/08/2025",
        body="Xã Xuân Phú (trước đây thuộc huyện Quế Sơn, tỉnh Quảng Nam).",
    )
    placement, _ = placed(text)
    assert placement.province == "Đà Nẵng"


def test_new_article_without_evidence_counts_the_new_candidates():
    placement, label = placed(page("Xã Xuân Phú tuyên dương", "Xuân Phú", "xã", date="16/08/2025"))
    assert placement.place_confidence == "unknown"
    assert placement.era == "new"
    assert label == f"xã Xuân Phú (place unknown: {placement.candidates} candidates)"
    assert placement.candidates >= 2


def test_article_before_july_2025_uses_the_old_list_with_its_successor():
    text = page("Hội Nông dân phường Cẩm Châu ra mắt tổ hội", "Cẩm Châu", date="22/08/2022")
    placement, _ = placed(text)
    assert (placement.province, placement.district) == ("Quảng Nam", "Thành phố Hội An")
    assert placement.successor == "Phường Hội An Đông, Đà Nẵng"
    assert placement.era == "old"


def test_undated_article_uses_the_old_list_else_the_new_one():
    old = place("Cẩm Châu", "phường", None, "")
    assert (old.era, old.province) == ("old", "Quảng Nam")
    new = place("Hội An Đông", "phường", None, "")  # a name only the new list holds
    assert (new.era, new.province, new.district) == ("new", "Đà Nẵng", None)


def test_undated_name_both_lists_hold_needs_the_text_to_choose():
    # Phường Vĩnh Phúc: Ba Đình (Hà Nội) before July 2025, Phú Thọ after; unrelated units.
    neither = place("Vĩnh Phúc", "phường", None, "")
    assert (neither.place_confidence, neither.candidates) == ("unknown", 2)
    before = place("Vĩnh Phúc", "phường", None, "UBND phường Vĩnh Phúc, quận Ba Đình")
    assert (before.era, before.district) == ("old", "Quận Ba Đình")
    after = place("Vĩnh Phúc", "phường", None, "UBND phường Vĩnh Phúc, tỉnh Phú Thọ")
    assert (after.era, after.province, after.district) == ("new", "Phú Thọ", None)


def test_undated_name_that_continued_is_placed_in_the_old_list():
    # Xã Bản Lầu is in both lists, the new one being the old one's successor: no doubt.
    placement = place("Bản Lầu", "xã", None, "")
    assert (placement.era, placement.district) == ("old", "Huyện Mường Khương")
    assert placement.successor == "Xã Bản Lầu, Lào Cai"


def test_a_name_the_parser_cut_short_is_read_longer_when_the_list_says_so():
    # "xã Lâm san": the parser reads "Lâm" (only a township of that name, in Nam Định);
    # the gazetteer holds xã Lâm San (Đồng Nai) and no xã Lâm: the text means Lâm San.
    text = page(
        "Hội nghị đối thoại với nhân dân",
        "Lâm",
        "xã",
        date="12/05/2020",
        body="Đối với xã Lâm san đây là dịp để lắng nghe ý kiến nhân dân.",
    )
    placement, name = place_named("Lâm", "xã", "2020-05-12", text)
    assert name == "Lâm San"
    assert (placement.province, placement.district) == ("Đồng Nai", "Huyện Cẩm Mỹ")
    assert place("Lâm", "xã", "2020-05-12", text) == placement
    # Without the longer words the short name stands.
    assert place_named("Lâm", "xã", "2020-05-12", "")[1] is None


def test_a_longer_name_does_not_replace_a_short_one_the_list_holds():
    # Xã Tân Phú and xã Tân Phú Đông both exist: "xã Tân Phú đông" stays Tân Phú
    # (the lower-case word may be ordinary: "phía đông").
    text = "Người dân xã Tân Phú đông vui dự lễ hội."
    placement, name = place_named("Tân Phú", "xã", "2020-05-12", text)
    assert name is None
    assert placement.place_confidence == "unknown"


def test_a_divided_district_names_each_part():
    # Thành phố Huế (a district until 2025) was divided into Phú Xuân and Thuận Hóa.
    placement = place("Phú Hội", "phường", "2020", "UBND thành phố Huế")
    assert (placement.province, placement.district) == ("Huế", "Quận Thuận Hóa")
    assert "474" in gazetteer().district_codes("Thành phố Huế")


def test_former_name_finds_the_unit_that_absorbed_it():
    placement = place("Mỹ Hương", "phường", "2020", "")
    assert placement.district == "Thành phố Phan Rang - Tháp Chàm"
    assert placement.name == "Phường Kinh Dinh"


def test_spelling_variants_are_one_name():
    new_style = place("Hoà Phú", "xã", "2020", "")
    old_style = place("Hòa Phú", "xã", "2020", "")
    assert new_style.candidates == old_style.candidates > 1


def test_commune_that_became_a_ward_is_still_found():
    # Written "xã" in an old article; the list has "phường Dĩ An" only.
    placement = place("Dĩ An", "xã", "2017", "")
    assert placement.district == "Thành phố Dĩ An"


def test_no_ward_no_place():
    assert place(None, None, "2020", "huyện Tháp Mười").place_confidence == "unknown"
    assert place_label(None, None, place(None, None, None, "")) is None
    unknown = place("Không Có Nơi Nào", "xã", "2020", "")
    assert (unknown.candidates, unknown.place_confidence) == (0, "unknown")
    assert place_label("Không Có Nơi Nào", "xã", unknown) == (
        "xã Không Có Nơi Nào (place unknown: not in the list of units)"
    )


# -- order -----------------------------------------------------------------------------


def test_vietnamese_order_for_provinces_and_districts():
    provinces = ["Đà Nẵng", "Gia Lai", "Cần Thơ", "Cà Mau", "An Giang"]
    assert sorted(provinces, key=province_sort_key) == [
        "An Giang",
        "Cà Mau",
        "Cần Thơ",
        "Đà Nẵng",
        "Gia Lai",
    ]
    districts = ["Quận 10", "Thành phố Tân An", "Quận 3", "Huyện Cần Giuộc"]
    assert sorted(districts, key=district_sort_key) == [
        "Quận 3",
        "Quận 10",
        "Huyện Cần Giuộc",
        "Thành phố Tân An",
    ]
    assert district_short("Thị xã Cửa Lò") == "Cửa Lò"
    assert district_short("Quận 3") == "Quận 3"


# -- the five samples ------------------------------------------------------------------


def _place_seed(name: str) -> tuple[Placement, str | None]:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    article = parse_file(path)
    placement = place_article(article, [decode_bytes(path.read_bytes()).text])
    return placement, place_label(article.ward, article.unit, placement)


def test_seed_000_my_huong_is_placed_by_its_former_name():
    # "phường Mỹ Hương" is unique: a former ward of Phan Rang - Tháp Chàm, merged into
    # Kinh Dinh in 2020. The text names no other place, so nothing contradicts it.
    placement, label = _place_seed("000")
    assert placement.place_confidence == "unique"
    assert label == "phường Mỹ Hương, Thành phố Phan Rang - Tháp Chàm, Ninh Thuận"


def test_seed_001_my_long_is_unique():
    placement, label = _place_seed("001")
    assert placement.place_confidence == "unique"
    assert label == "phường Mỹ Long, Thành phố Long Xuyên, An Giang"
    assert placement.successor == "Phường Long Xuyên, An Giang"


def test_seed_002_minh_khai_is_unknown():
    # Six units bear the name (Hai Bà Trưng, Bắc Từ Liêm, Hà Giang, Hồng Bàng, Hưng Yên,
    # and a former one in Phủ Lý) and the text names no district, city or province.
    placement, label = _place_seed("002")
    assert placement.candidates == 6
    assert label == "phường Minh Khai (place unknown: 6 candidates)"


def test_seed_003_tay_son_is_unknown():
    # Three: Tam Điệp (Ninh Bình), Pleiku and An Khê (Gia Lai); no place named in the text.
    placement, label = _place_seed("003")
    assert placement.place_code is None
    assert label == "phường Tây Sơn (place unknown: 3 candidates)"


def test_seed_004_hoi_phu_is_unique():
    placement, label = _place_seed("004")
    assert label == "phường Hội Phú, Thành phố Pleiku, Gia Lai"
    assert placement.place_confidence == "unique"


# -- robustness and laziness -----------------------------------------------------------


@given(
    ward=st.one_of(st.none(), st.text(max_size=40)),
    unit=st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["phường", "xã", "thị trấn"])),
    date=st.one_of(st.none(), st.text(max_size=12), st.dates().map(str)),
    evidence=st.one_of(st.text(max_size=400), st.lists(st.text(max_size=100), max_size=4)),
)
def test_place_never_raises(ward, unit, date, evidence):
    placement = place(ward, unit, date, evidence)
    assert placement.place_confidence in ("unique", "evidence", "unknown")
    assert (placement.place_code is None) == (placement.place_confidence == "unknown")
    place_label(ward, unit, placement)


def test_the_gazetteer_loads_on_first_use_only():
    code = (
        "import sys, wardtui, wardtui.corpus, wardtui.places as p\n"
        "assert not p.is_loaded()\n"
        "assert not {'sqlite3', 'textual', 'rich'} & set(sys.modules), sorted(sys.modules)\n"
        "p.place('Mỹ Long', 'phường', '2023', '')\n"
        "assert p.is_loaded()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_placement_crosses_a_process_boundary():
    # The sync places articles in worker processes and sends the result back.
    placement = place("Mỹ Long", "phường", "2023-06-28", "")
    assert pickle.loads(pickle.dumps(placement)) == placement


def test_a_province_s_former_name_is_evidence() -> None:
    # Two phường Phú Thượng; "tỉnh Thừa Thiên Huế" (Huế's name until 2025) says which.
    assert not place("Phú Thượng", "phường", "2022-05-01", "").placed
    placement = place("Phú Thượng", "phường", "2022-05-01", "UBND tỉnh Thừa Thiên Huế")
    assert placement.province == "Huế"
    assert gazetteer().province_codes("new", "Thừa Thiên Huế") == ("46",)
