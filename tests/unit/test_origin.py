"""A file's origin as evidence of its ward (issue 10): mirrors, folders, address lines.

The pages are written for these tests, in the shapes scraped files have: a portal's
article that never names its own commune after a unit word, one that names two
communes side by side, a paper's article. The places are real (the gazetteer's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wardtui.corpus import parse_text
from wardtui.library.placing import settle_page
from wardtui.library.sync import FoundFile, parse_found
from wardtui.places import gazetteer
from wardtui.places.origin import origin_of, own_unit, resolve
from wardtui.places.settle import settle

# A portal's article that names no ward after a unit word (the site is the ward's).
NO_WARD = """\
Hội làng truyền thống đầu xuân

Ngày đăng: 12/02/2022

Sáng nay, đông đảo bà con nhân dân trong vùng đã về dự hội làng truyền thống, với \
nhiều trò chơi dân gian như kéo co, đánh đu, đấu vật và thi nấu cơm.
Ban tổ chức cho biết lễ hội năm nay thu hút hơn ba nghìn lượt người tham gia.
"""

# Two communes side by side: the parser takes the first as the subject.
TWO_COMMUNES = """\
Hai xã về đích nông thôn mới

Ngày đăng: 04/12/2018

Đoàn thẩm định của tỉnh vừa đánh giá: 2 xã Đức Quang và Tân Hương đã đủ điều kiện \
để xét công nhận đạt chuẩn nông thôn mới năm 2018, sau nhiều năm nỗ lực của người dân.
Đây là kết quả của sự đồng lòng giữa chính quyền và bà con trong suốt chặng đường qua.
"""


def _ward(source: str, text: str = NO_WARD, **kwargs: str) -> tuple[str | None, str | None]:
    article = parse_text(text, source=source)
    settled, _ = settle(article, text, **kwargs)
    return settled.ward, settled.unit


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a mirror: the host's labels name the commune and its province
        (
            "/data/xatrieuai.quangtri.gov.vn/vi/news/Van-hoa-xa-hoi/bai-viet-146.html.txt",
            ("Triệu Ái", "xã"),
        ),
        # three labels: commune, district, province
        ("/m/camlong.camthuy.thanhhoa.gov.vn/web/trang-chu/hoi-lang.html.txt", ("Cẩm Long", "xã")),
        # a path segment under a provincial host
        (
            "/m/ttkhcn.baria-vungtau.gov.vn/phuoclongtho/news.aspx?id=7.txt",
            ("Phước Long Thọ", "xã"),
        ),
        # a folder named after the ward, with its unit word
        ("/home/lan/bai-bao/phuong-my-long/tin-1.txt", ("Mỹ Long", "phường")),
        ("/home/lan/Thanh Hoa/Xa Cam Long/tin-1.txt", ("Cẩm Long", "xã")),
        # a numbered ward: "phuong6" and the city's label
        ("/m/phuong6.tpcaolanh.dongthap.gov.vn/tintuc/index/797.txt", ("6", "phường")),
    ],
)
def test_the_origin_names_the_ward_of_a_text_that_names_none(
    source: str, expected: tuple[str, str]
) -> None:
    assert parse_text(NO_WARD, source=source).ward is None
    assert _ward(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "/work/pages/n031.txt",  # a flat folder: nothing to read
        "/home/lan/Xa My Long/tin-1.txt",  # five communes Mỹ Long: which one?
        "/m/huongxuan.thuathienhue.gov.vn/index.txt",  # a phường and a xã in Huế
        "/m/baolamdong.vn/xahoi/202203/bai-viet.txt",  # "xã hội" is not a commune Hội
        "/m/vuthu.thaibinh.gov.vn/tin-tuc/bai.txt",  # the district's portal
        "/m/laocai.gov.vn/tin-tuc/bai.txt",  # the province's portal (a ward Lào Cai exists)
        "/m/baodanang.vn/xa-xuan-phu-tuyen-duong.txt",  # the article's slug is no folder
        "/m/example.gov.vn/tin-tuc/2023/vi/news/bai.txt",  # ordinary segments, a year
        "/m/xatanhuong.hatinh.gov.vn/xa-duc-quang/bai.txt",  # two wards: neither
    ],
)
def test_no_ward_where_the_origin_cannot_tell(source: str) -> None:
    assert _ward(source) == (None, None)


def test_an_address_line_in_the_text_is_an_origin() -> None:
    for line in (
        "URL: https://xatrieuai.quangtri.gov.vn/vi/news/tin-tuc/bai-146.html",
        "Nguồn: http://xatrieuai.quangtri.gov.vn/vi/news/tin-tuc/bai-146.html",
        "https://xatrieuai.quangtri.gov.vn/vi/news/tin-tuc/bai-146.html",
    ):
        assert _ward("/home/lan/tin/1.txt", f"{line}\n{NO_WARD}") == ("Triệu Ái", "xã")
        assert _ward("/home/lan/tin/1.txt", f"{NO_WARD}\n{line}\n") == ("Triệu Ái", "xã")
    # An address inside a sentence is a link, not the page's address.
    inside = f"{NO_WARD}\nXem thêm https://xatrieuai.quangtri.gov.vn/vi/news/a/b.html tại đây.\n"
    assert _ward("/home/lan/tin/1.txt", inside) == (None, None)


def test_the_origins_ward_wins_among_those_the_text_names() -> None:
    flat = parse_text(TWO_COMMUNES, source="/work/pages/n058.txt")
    assert (flat.ward, flat.unit) == ("Đức Quang", "xã")
    source = "/m/xatanhuong.hatinh.gov.vn/hai-xa-ve-dich-1544059231.html.txt"
    settled, placement = settle(parse_text(TWO_COMMUNES, source=source), TWO_COMMUNES)
    assert (settled.ward, settled.unit) == ("Tân Hương", "xã")
    assert (placement.province, placement.district) == ("Hà Tĩnh", "Huyện Đức Thọ")


def test_a_ward_the_text_names_alone_stands_against_the_origin() -> None:
    text = NO_WARD.replace("Sáng nay,", "Sáng nay, tại xã Đức Quang,")
    source = "/m/xatanhuong.hatinh.gov.vn/bai.html.txt"
    assert _ward(source, text) == ("Đức Quang", "xã")


def test_the_origin_places_the_text_s_own_ward() -> None:
    # Seven communes are called Tân Hương in the old list: the text alone cannot
    # place it, the site can.
    text = NO_WARD.replace("Sáng nay,", "Sáng nay, tại xã Tân Hương,")
    article = parse_text(text, source="/pages/1.txt")
    assert not settle(article, text)[1].placed
    mirrored = parse_text(text, source="/m/xatanhuong.hatinh.gov.vn/bai.html.txt")
    settled, placement = settle(mirrored, text)
    assert (settled.ward, placement.province, placement.district) == (
        "Tân Hương",
        "Hà Tĩnh",
        "Huyện Đức Thọ",
    )


def test_the_new_list_after_july_2025_and_an_undated_district_portal() -> None:
    gaz = gazetteer()
    origin = origin_of("/m/muongkhuong.laocai.gov.vn/tin-tuc/bai.txt")
    new = resolve(origin, "new", gaz)
    assert new is not None and (new.unit.unit, new.unit.name) == ("xã", "Mường Khương")
    assert resolve(origin, "old", gaz) is None  # then the district's portal
    assert resolve(origin, None, gaz) is None  # undated: either


def test_the_sync_stores_the_settled_ward(tmp_path: Path) -> None:
    path = tmp_path / "camlong.camthuy.thanhhoa.gov.vn" / "web" / "hoi-lang.html.txt"
    path.parent.mkdir(parents=True)
    path.write_text(NO_WARD, encoding="utf-8")
    outcome = parse_found(FoundFile.of(str(path), path.stat().st_size, 0))
    assert outcome.article is not None
    assert (outcome.article.ward, outcome.article.unit) == ("Cẩm Long", "xã")
    assert outcome.fts[1] == "xã Cẩm Long"  # the search indexes the settled ward
    assert outcome.place is not None and outcome.place[0] == "Thanh Hóa"
    article = parse_text(NO_WARD, source=str(path))
    assert settle_page(article, NO_WARD)[1] == outcome.place


def test_a_list_after_one_unit_word_names_each_ward() -> None:
    source = "/m/xatanhuong.hatinh.gov.vn/bai.html.txt"
    listed = TWO_COMMUNES.replace(
        "2 xã Đức Quang và Tân Hương", "các xã Đức Quang, Đức Lạng và Tân Hương"
    )
    assert _ward(source, listed) == ("Tân Hương", "xã")
    # a lower-case word breaks the list: "và người dân Tân Hương" is not a commune's name
    broken = TWO_COMMUNES.replace("và Tân Hương", "và người dân Tân Hương")
    assert _ward(source, broken) == ("Đức Quang", "xã")


def test_the_unit_the_text_gives_its_own_offices_decides_between_two() -> None:
    # A phường and a xã Hương Xuân in Huế: "Đảng ủy phường" says which.
    source = "/m/huongxuan.thuathienhue.gov.vn/index.txt"
    assert own_unit("Đảng ủy phường tổ chức hội nghị; UBND phường chủ trì.") == "phường"
    assert own_unit("UBND xã Tân Phú và UBND phường") == "phường"
    assert own_unit("UBND xã Tân Phú, vấn đề xã hội") is None
    assert own_unit("UBND xã và UBND phường") is None
    text = NO_WARD.replace("Sáng nay,", "Sáng nay, Đảng ủy phường phối hợp tổ chức,")
    assert _ward(source, text) == ("Hương Xuân", "phường")
    assert _ward(source, NO_WARD) == (None, None)


LOWER = (
    "đề nghị lập thêm đơn vị hành chính mới\n\n"
    "theo ubnd tỉnh khánh hòa, thành phố nha trang đề nghị điều chỉnh địa giới hành chính "
    "xã phước đồng để thành lập thêm một đơn vị hành chính mới. khu vực phía nam của xã "
    "phước đồng hiện nay đã được đô thị hóa nhanh, dân số tăng mạnh trong những năm qua, "
    "giáp với phường vĩnh trường và các khu đô thị mới ven biển của thành phố.\n"
    "việc điều chỉnh nhằm đáp ứng yêu cầu quản lý nhà nước trên địa bàn trong thời gian tới.\n"
)


def test_a_page_that_lost_its_capitals_names_the_ward_the_list_confirms() -> None:
    article = parse_text(LOWER, source="/pages/1.txt")
    assert article.ward is None
    settled, placement = settle(article, LOWER)
    assert (settled.ward, settled.unit) == ("Phước Đồng", "xã")
    assert placement.district == "Thành phố Nha Trang"
    # Two wards read as often: no subject, no guess.
    tied = LOWER.replace(
        "khu vực phía nam của xã phước đồng", "khu vực phía nam của phường vĩnh trường"
    )
    assert settle(parse_text(tied, source="/p/1.txt"), tied)[0].ward is None


def test_the_origin_s_province_or_district_places_a_ward_the_text_cannot() -> None:
    # Ten communes Yên Sơn in the old list; the text names no place, the district's
    # portal does.
    text = NO_WARD.replace("Sáng nay,", "Sáng nay, tại xã Yên Sơn,")
    article = parse_text(text, source="/pages/1.txt")
    assert not settle(article, text)[1].placed
    source = "/m/doluong.gov.vn/khanh-thanh-nha-van-hoa-xom-yen-khanh/index.html.txt"
    settled, placement = settle(parse_text(text, source=source), text)
    assert settled.ward == "Yên Sơn"  # the district names no ward: the text's stands
    assert (placement.province, placement.district) == ("Nghệ An", "Huyện Đô Lương")
    # ... and so does a paper's folder for the district.
    paper = "/m/nongthonmoi.example.vn/vi/news/huyen-Do-Luong/Khanh-thanh-58562.txt"
    placement = settle(parse_text(text, source=paper), text)[1]
    assert (placement.province, placement.district) == ("Nghệ An", "Huyện Đô Lương")


def test_a_numbered_folder_names_no_district() -> None:
    # Folders 5/ or 2023/ are a user's numbering, not Quận 5; quan5 is Quận 5.
    text = NO_WARD.replace("Sáng nay,", "Sáng nay, tại Phường 9,")
    for folder in ("/data/5", "/data/2023/05"):
        article = parse_text(text, source=f"{folder}/bai.txt")
        assert not settle(article, text)[1].placed
    article = parse_text(text, source="/m/quan5.hochiminhcity.gov.vn/tin/bai.txt")
    placement = settle(article, text)[1]
    assert (placement.province, placement.district) == ("Hồ Chí Minh", "Quận 5")


def test_a_home_folder_s_owner_is_no_place() -> None:
    # A user called Huệ: /home/hue is no province Huế (one of two phường Phú Thượng).
    text = NO_WARD.replace("Sáng nay,", "Sáng nay, tại phường Phú Thượng,")
    for source in ("/home/hue/tin/bai.txt", "/Users/hue/tin/bai.txt"):
        assert not settle(parse_text(text, source=source), text)[1].placed
    placement = settle(parse_text(text, source="/data/Hue/bai.txt"), text)[1]
    assert placement.province == "Huế"


def test_a_synced_mirror_is_listed_searched_and_placed_by_its_origin(tmp_path: Path) -> None:
    from wardtui.library import Library
    from wardtui.search import SearchIndex, search

    mirror = tmp_path / "mirror" / "camlong.camthuy.thanhhoa.gov.vn" / "web" / "trang-chu"
    mirror.mkdir(parents=True)
    (mirror / "hoi-lang.html.txt").write_text(NO_WARD, encoding="utf-8")
    flat = tmp_path / "flat"
    flat.mkdir()
    (flat / "hoi-lang.txt").write_text(NO_WARD.replace("đầu xuân", "mùa thu"), encoding="utf-8")
    library = Library.in_memory()
    try:
        library.sync([tmp_path / "mirror", flat], workers=1)
        wards = {(w.ward, w.unit) for w in library.wards()}
        assert wards == {("Cẩm Long", "xã"), (None, None)}
        placed = [a for a in library.query(provinces=["Thanh Hóa"])]
        assert [(a.ward, a.district) for a in placed] == [("Cẩm Long", "Huyện Cẩm Thủy")]
        index = SearchIndex.build(library)
        try:
            found = search(index, 'ward:"cam long"').results
            assert [r.summary.ward_label for r in found] == ["xã Cẩm Long"]
        finally:
            index.close()
    finally:
        library.close()


def test_a_page_number_is_no_numbered_ward() -> None:
    # Tây Ninh's city had a Phường 2: "/p2/" is the listing's second page all the same.
    assert _ward("/m/tayninh.gov.vn/tin-tuc/p2/bai-viet.html.txt") == (None, None)
    assert _ward("/m/tayninh.gov.vn/phuong-2/bai-viet.html.txt") == ("2", "phường")


def test_a_stored_row_is_placed_by_its_origin_without_changing_its_ward() -> None:
    from wardtui.library.placing import _place_stored

    text = NO_WARD.replace("Sáng nay,", "Sáng nay, tại xã Tân Hương,")
    source = "/m/xatanhuong.hatinh.gov.vn/bai.html.txt"
    placement = _place_stored(parse_text(text, source=source))
    assert (placement.province, placement.district) == ("Hà Tĩnh", "Huyện Đức Thọ")
    # The origin would name a ward the row does not hold: the row is placed as it is.
    unnamed = parse_text(NO_WARD, source="/m/camlong.camthuy.thanhhoa.gov.vn/web/bai.txt")
    assert not _place_stored(unnamed).placed


@given(
    st.lists(
        st.sampled_from(
            [
                "xa-tan-phu",
                "phuong6",
                "p2",
                "2023",
                "tin-tuc",
                "www.x.gov.vn",
                "a.b",
                "..",
                "camthuy",
                "Xa Cam Long",
                "%C4%91",
                "",
                " ",
                "\\",
                "quan5",
                "huyen-",
                "tt",
            ]
        )
        | st.text(max_size=12),
        max_size=6,
    ),
    st.text(max_size=200),
)
def test_any_path_and_text_give_an_origin_or_none(parts: list[str], text: str) -> None:
    source = "/" + "/".join(parts) + "/f.txt"
    for line in ("", "URL: http://" + "/".join(parts), "https://" + "".join(parts)):
        origin = origin_of(source, f"{text}\n{line}")
        for era in ("old", "new", None):
            found = resolve(origin, era, gazetteer())
            assert found is None or found.unit.name


def test_a_host_label_of_dashes_gives_no_empty_slug() -> None:
    # Found by the property test above: "-" between the dots of a host made a slug
    # without words, and resolving it raised IndexError.
    from wardtui.places.origin import Origin, _host_slugs

    slugs = _host_slugs("-.tanphu.gov.vn")
    assert all(slug.words for slug in slugs)
    assert [slug.words for slug in slugs] == [("tanphu",)]
    resolve(Origin(tuple(slugs)), None, gazetteer())  # no exception
