"""Ranking (issue 12 item 7), pages (item 4) and the response's states (item 5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.unit.test_search_engine import FIXTURES, ids, write_fixtures

from wardtui.library import Library
from wardtui.search import TYPE_MORE, SearchIndex, parse_query, search
from wardtui.search.accents import left_out, marks_off

# name: (title, date, body, byline)
ARTICLES: dict[str, tuple[str, str | None, str, str | None]] = {
    # minh chau: the wards first, then the articles bylined Minh Châu (newer)
    "phuong_minhchau": ("Phường Minh Châu ra quân vệ sinh môi trường", "02/03/2021",
                        "Đông đảo người dân tham gia dọn dẹp đường làng, khơi thông cống rãnh và "
                        "trồng thêm cây xanh trên các tuyến phố chính của địa phương.", "Lan Anh"),
    "xa_minhchau": ("Xã Minh Châu tổng kết công tác năm", "05/01/2020",
                    "Hội nghị đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế, xã hội "
                    "trong năm qua và đề ra phương hướng cho năm tới.", "Hoàng Bình"),
    "by1": ("Phường Tân Định tổ chức hội thao", "01/06/2024",
            "Các đội tham gia thi đấu sôi nổi ở nhiều môn thể thao, thu hút đông đảo "
            "người dân đến cổ vũ trong suốt ba ngày diễn ra hội thao.", "Minh Châu"),
    "by2": ("Phường Đa Kao phát động phong trào đọc sách", "02/06/2024",
            "Thư viện phường mở cửa cả ngày, có thêm nhiều đầu sách mới dành cho "
            "thiếu nhi và người cao tuổi trong khu dân cư.", "Minh Châu"),
    "by3": ("Xã Tân Phú trao quà cho hộ nghèo", "03/06/2024",
            "Mỗi suất quà gồm gạo và nhu yếu phẩm, được trao tận tay các hộ gia đình "
            "có hoàn cảnh khó khăn trên địa bàn trước dịp Tết.", "Minh Châu"),
    # hôi phú: Hội Phú (one mark left out) before Phú Tiến (hôi, exactly, in its body)
    "hoiphu": ("Phường Hội Phú ra quân dọn vệ sinh", "10/10/2020",
               "Lực lượng thanh niên dọn rác tại các tuyến đường, phát quang bụi rậm và "
               "tuyên truyền người dân giữ gìn vệ sinh chung nơi công cộng.", "Thu Hà"),
    "phutien": ("Phường Phú Tiến xử lý điểm tập kết rác", "11/11/2024",
                "Người dân phản ánh mùi hôi từ bãi rác; phường đã xử lý dứt điểm.",
                "Văn Nam"),
    "phutien_title": ("Phường Phú Tiến xử lý mùi hôi ở bãi rác Đồng Xanh", "12/11/2024",
                      "Sau nhiều lần người dân phản ánh, phường đã phối hợp với đơn vị vận "
                      "hành bãi rác phun chế phẩm khử mùi và che phủ khu vực tập kết.",
                      "Văn Nam"),
    # giai phong mat bang: the phrase in a body before scattered words with "phong" in
    # the ward (Thành Phong)
    "scattered": ("Phường Thành Phong tổng kết công tác năm 2024", "20/12/2024",
                  "Phường đã giải quyết dứt điểm các đơn thư; phóng viên báo chí đưa tin về "
                  "mặt trận tổ quốc; nhiều tập thể được tặng bằng khen của thành phố.",
                  "Thu Trang"),
    "together": ("Phường Đa Kao đẩy nhanh tiến độ các dự án", "01/02/2021",
                 "Công tác giải phóng mặt bằng các dự án trọng điểm được tập trung chỉ đạo, "
                 "nhiều hộ dân đồng thuận bàn giao mặt bằng đúng hạn.", "Lan Anh"),
}


@pytest.fixture(scope="module")
def ranked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = write_fixtures(tmp_path_factory.mktemp("ranking"), articles=ARTICLES)
    library = Library.in_memory()
    library.sync([folder], workers=1)
    index = SearchIndex.build(library)
    yield index
    index.close()
    library.close()


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = write_fixtures(tmp_path_factory.mktemp("fixtures"))
    library = Library.in_memory()
    library.sync([folder], workers=1)
    index = SearchIndex.build(library)
    yield index
    index.close()
    library.close()


# -- ranking ------------------------------------------------------------------------------
def test_a_ward_or_title_match_ranks_above_a_byline_match(ranked: SearchIndex) -> None:
    order = ids(search(ranked, "minh chau"))
    assert order[:2] == ["phuong_minhchau", "xa_minhchau"]
    assert set(order[2:]) == {"by1", "by2", "by3"}
    assert ids(search(ranked, "minh châu"))[:2] == ["phuong_minhchau", "xa_minhchau"]


def test_a_snippet_only_for_a_body_match_accents_or_not(ranked: SearchIndex) -> None:
    for query in ("hôi phú", "hoi phu"):
        first = search(ranked, query).results[0]
        assert first.snippet is None, query  # every word in its ward: no body line
    snippets = {r.summary.title: r.snippet for r in search(ranked, "hôi").results}
    assert "mùi hôi" in (snippets["Phường Phú Tiến xử lý điểm tập kết rác"] or "")
    assert snippets["Phường Hội Phú ra quân dọn vệ sinh"] is None  # hội in its ward


def test_the_phrase_in_a_body_before_a_word_in_a_byline(ranked: SearchIndex) -> None:
    order = ids(search(ranked, "giai phong mat bang"))
    assert order.index("together") < order.index("scattered")
    # ... but a ward with some of the words still goes before the words apart in a body
    order = ids(search(ranked, "thanh phong bang khen"))
    assert order[0] == "scattered"


def test_one_mark_left_out_is_close(ranked: SearchIndex) -> None:
    # Phú Tiến has both words exactly (hôi in its title or body); Hội Phú has hội, one
    # mark left out, and the two words together: it comes first.
    assert ids(search(ranked, "hôi phú"))[0] == "hoiphu"
    assert ids(search(ranked, "hội phú"))[0] == "hoiphu"
    order = ids(search(ranked, "hôi"))
    assert order[0] == "phutien_title"  # exactly as typed, in the title, first
    assert order.index("hoiphu") < order.index("phutien")  # hội in a ward, then the body


def test_a_mark_typed_that_the_word_lacks_is_not_close() -> None:
    assert left_out("hôi", "hội") == 1  # the dot below forgotten
    assert left_out("hôi", "hôi") == 0
    assert left_out("hoi", "hội") == 2
    assert left_out("hưởng", "hương") > 1  # a hook typed on purpose
    assert left_out("hôi", "hơi") > 1  # another letter: ô is not ơ
    assert left_out("dang", "đảng") == 2  # đ is d with a mark
    assert left_out("hôi", "hội nghị") > 1
    assert marks_off("hôi", "hỏi") == 2 and marks_off("hôi", "hơi") == 1


# -- pages --------------------------------------------------------------------------------
def test_pages_cover_every_result_once_in_order(fixtures: SearchIndex) -> None:
    every = search(fixtures, "phuong", 100)
    assert every.total == len(every.results) > 4
    pages = [search(fixtures, "phuong", 2, offset=offset) for offset in range(0, 100, 2)]
    paged = [r.id for page in pages for r in page.results]
    assert paged == [r.id for r in every.results]
    assert all(page.total == every.total for page in pages)
    second = pages[1]
    assert (second.first, second.last, second.offset) == (3, 4, 2)
    assert second.position() == f"3-4 of {every.total}"
    assert second.more and not pages[(every.total - 1) // 2].more


def test_the_last_page_is_reachable(fixtures: SearchIndex) -> None:
    total = search(fixtures, "-xyzzy", 1).total
    last = search(fixtures, "-xyzzy", 5, offset=total - 1)
    assert len(last.results) == 1 and last.last == total
    assert last.results[0].summary.date is None  # undated last
    beyond = search(fixtures, "-xyzzy", 5, offset=total + 3)
    assert beyond.results == [] and beyond.total == total


def test_pages_agree_when_bodies_reorder_the_best(fixtures: SearchIndex) -> None:
    for query in ("hưởng", "dan van kh", "giải phóng"):
        every = [r.id for r in search(fixtures, query, 100).results]
        paged = [r.id for offset in range(0, 20) for r in
                 search(fixtures, query, 1, offset=offset).results]
        assert paged == every, query


# -- states and hints -----------------------------------------------------------------------
def test_one_letter_says_type_more(fixtures: SearchIndex) -> None:
    for text in ("d", "đ", "1", '"a"', "a "):
        response = search(fixtures, text)
        assert response.state == "type more", text
        assert response.results == [] and response.total == 0
    assert TYPE_MORE.endswith(".")
    assert search(fixtures, "da").state == "results"
    assert search(fixtures, "xyzzy").state == "no results"
    assert search(fixtures, "").state == "empty"
    assert search(fixtures, "d year:2023").state == "no results"  # a filter: searched


def test_a_lone_quote_gives_a_whole_hint() -> None:
    for text in ('"', 'dan "', '""'):
        query = parse_query(text)
        assert query.hints, text
        assert all(hint.strip() and "(" not in hint[-1:] for hint in query.hints)
    assert 'dan van kheo"' in parse_query('"').hints[0]


def test_hints_are_whole_sentences(fixtures: SearchIndex) -> None:
    response = search(fixtures, "year:abc ward: is:done")
    assert len(response.hints) == 3
    for hint in response.hints:
        assert hint.count("(") == hint.count(")")


def test_every_fixture_article_can_be_found_by_its_title(fixtures: SearchIndex) -> None:
    for name, (title, *_rest) in FIXTURES.items():
        assert name in ids(search(fixtures, f'"{title}"', 20)), name
