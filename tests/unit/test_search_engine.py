"""The search over a library: matching, fields, ranking, snippets, the sample corpus."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from wardtui.library import Library
from wardtui.search import SearchIndex, SearchResponse, highlight_spans, search
from wardtui.vntext import fold

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


# name: (title, publication date, body, byline); written as files and parsed like any source.
FIXTURES = {
    "tayson": ("Đảng bộ phường Tây Sơn tổng kết công tác năm 2023", "01/12/2023",
               "Hội nghị có nhiều đại biểu tham dự.\n\nSáng 01/12/2023, Đảng bộ phường Tây Sơn "
               "đã hoàn thành công tác giải phóng mặt bằng đường vành đai theo kế hoạch.",
               "Thanh Tâm"),
    "moitruong": ("Hưởng ứng Ngày Môi trường thế giới tại phường Mỹ Long", "05/06/2023",
                  "Phường Mỹ Long ra quân hưởng ứng phong trào làm sạch đường phố.", "Lan Anh"),
    "phunu": ("Hội Phụ nữ phường Mỹ Hương ra mắt mô hình mới", "08/03/2022",
              "Mô hình giúp chị em phường Mỹ Hương vay vốn, phát triển kinh tế gia đình.",
              "Minh Thư"),
    "tanphu": ("Xã Tân Phú triển khai công tác giải phóng mặt bằng", "10/05/2021",
               "UBND xã Tân Phú họp với các hộ dân về dự án.", "Hoàng Bình"),
    "rai": ("Phường 12 sơ kết 6 tháng đầu năm", "15/01/2024",
            "Phường 12 giải quyết việc làm cho người dân; phóng viên đưa tin; mặt trận trao "
            "bằng khen.", "Văn Phòng"),
    "danvan": ("Phường 12 tổng kết phong trào thi đua Dân vận khéo giai đoạn 2009-2019",
               "07/10/2019", "Qua 10 năm, phong trào của Phường 12 đạt nhiều kết quả.",
               "Nhật Quang"),
    "undated": ("Thông báo lịch tiếp dân", None,
                "Lịch tiếp công dân định kỳ của lãnh đạo được niêm yết công khai tại trụ sở, "
                "người dân đến đúng giờ và mang theo giấy tờ cần thiết.", None),
    "markup": ("[bold]Cảnh báo[/bold] lừa đảo tại phường Mỹ Long [@click=app.quit]", "02/02/2020",
               "Người dân phường Mỹ Long cần cảnh giác [red]trước[/red] các cuộc gọi lạ.", None),
    "covid": ("Thị trấn Phú Mỹ phòng chống dịch", "01/04/2020",
              "Thị trấn Phú Mỹ tăng cường công tác phòng chống covid, vận động người dân "
              "thực hiện nghiêm các biện pháp phòng dịch tại nơi công cộng.", "Thu Hà"),
}


def write_fixtures(folder: Path, names: list[str] | None = None,
                   articles: dict[str, tuple[str, str | None, str, str | None]] = FIXTURES,
                   ) -> Path:
    """The fixture articles as files in ``folder`` (all, or ``names``)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names or list(articles):
        title, date, body, author = articles[name]
        parts = [title, f"Ngày đăng: {date}" if date else "", body, author or ""]
        (folder / f"{name}.txt").write_text("\n\n".join(p for p in parts if p) + "\n",
                                            encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    folder = write_fixtures(tmp_path_factory.mktemp("fixtures"))
    library = Library.in_memory()
    library.sync([folder], workers=1)
    assert library.stats().articles == len(FIXTURES)
    index = SearchIndex.build(library)
    yield index
    index.close()
    library.close()


@pytest.fixture(scope="module")
def seeds() -> Iterator[SearchIndex]:
    library = Library.in_memory()
    library.sync([SEEDS], workers=1)
    index = SearchIndex.build(library)
    yield index
    index.close()
    library.close()


def ids(response: SearchResponse) -> list[str]:
    """The results' ids (for the fixtures: their file names)."""
    return [r.id if r.summary.source.startswith(str(SEEDS)) else Path(r.summary.source).stem
            for r in response.results]


# -- the sample corpus ------------------------------------------------------------------
SEED_TABLE = [
    ("dan van kheo", "bc897e88d8"),
    ("dân vận khéo", "bc897e88d8"),
    ("DAN VAN KHEO", "bc897e88d8"),
    ("dan van kh", "bc897e88d8"),
    ('"dan van kheo"', "bc897e88d8"),
    ("tay sonn", "ede07255cc"),
    ("tayson", "ede07255cc"),
    ("giai phong mat bang", "5261f9b945"),
    ("giải phóng mặt bằng", "5261f9b945"),
    ("dang", "ede07255cc"),
    ("my long", "4bc50b54b5"),
    ('ward:"my long"', "4bc50b54b5"),
    ('ward:"mỹ long"', "4bc50b54b5"),
    ("hưởng", "4bc50b54b5"),
    ("hương", "ca5059058b"),
    ("mỹ hương", "ca5059058b"),
    ("thanh tam", "ca5059058b"),
    ('author:"giang vu"', "5261f9b945"),
    ("hoang binh", "ede07255cc"),
    ("year:2019", "bc897e88d8"),
    ("date:2023-06", "4bc50b54b5"),
    ("date:2021..2023", "ede07255cc"),
    ("hoi phu", "bc897e88d8"),
    ("minh khai", "5261f9b945"),
    ("2009-2019", "bc897e88d8"),
    ("covid", "5261f9b945"),
    ('"toan dan bao ve"', "5261f9b945"),
    ("ward:\"tay son\" hoi nghi", "ede07255cc"),
    ("so ket -ward:\"tay son\"", "4bc50b54b5"),
    ("in:title dang -my", "ede07255cc"),
]


@pytest.mark.parametrize(("query", "first"), SEED_TABLE)
def test_sample_corpus_first_result(seeds: SearchIndex, query: str, first: str) -> None:
    response = search(seeds, query)
    assert response.results, response.hints
    assert response.results[0].id == first


def test_sample_corpus_both_spellings_find_minh_khai(seeds: SearchIndex) -> None:
    for query in ("giai phong mat bang", "giải phóng mặt bằng"):
        response = search(seeds, query)
        assert "5261f9b945" in ids(response)
        assert response.results[0].snippet is not None
        assert "giải phóng mặt bằng" in response.results[0].snippet


# -- matching ---------------------------------------------------------------------------
def test_accents_and_case_are_optional(fixtures: SearchIndex) -> None:
    assert ids(search(fixtures, "dan van kheo")) == ["danvan"]
    assert ids(search(fixtures, "DÂN VẬN KHÉO")) == ["danvan"]
    assert "tayson" in ids(search(fixtures, "dang bo"))  # Đảng bộ


def test_d_with_stroke(fixtures: SearchIndex) -> None:
    assert ids(search(fixtures, "dang bo tay son")) == ["tayson"]
    assert ids(search(fixtures, "đảng bộ tây sơn")) == ["tayson"]


def test_typos_in_titles_wards_and_bylines(fixtures: SearchIndex) -> None:
    assert ids(search(fixtures, "tay sonn"))[0] == "tayson"
    assert ids(search(fixtures, "thanh tamm"))[0] == "tayson"
    assert ids(search(fixtures, "moi truongg"))[0] == "moitruong"
    assert ids(search(fixtures, "tayson"))[0] == "tayson"


def test_a_typo_ranks_below_exact_matches(fixtures: SearchIndex) -> None:
    response = search(fixtures, "truongg")
    assert ids(response) == ["moitruong"]
    assert response.results[0].title_spans  # the corrected word is highlighted


def test_bodies_are_matched_precisely(fixtures: SearchIndex) -> None:
    assert ids(search(fixtures, "covid")) == ["covid"]
    assert ids(search(fixtures, "covidd")) == []  # no typo tolerance in bodies
    assert ids(search(fixtures, "cuoc goi")) == ["markup"]


def test_every_word_must_match_somewhere(fixtures: SearchIndex) -> None:
    # "tây sơn" in the title, "vành đai" in the body
    assert ids(search(fixtures, "tay son vanh dai")) == ["tayson"]
    assert ids(search(fixtures, "tay son covid")) == []


def test_the_last_word_is_a_prefix(fixtures: SearchIndex) -> None:
    assert ids(search(fixtures, "dan van kh"))[0] == "danvan"
    assert ids(search(fixtures, "dan van kh ")) == []  # a trailing space: "kh" is whole
    assert ids(search(fixtures, "cuoc g")) == []  # one letter: a whole word
    assert ids(search(fixtures, "cuoc go")) == ["markup"]
    assert ids(search(fixtures, "vanh da")) == ["tayson"]  # a prefix in the body
    assert ids(search(fixtures, "cuoc go ")) == []  # a trailing space ends the word


def test_phrases(fixtures: SearchIndex) -> None:
    assert set(ids(search(fixtures, '"giai phong mat bang"'))) == {"tayson", "tanphu"}
    assert ids(search(fixtures, '"phong mat giai"')) == []
    assert ids(search(fixtures, '"dan van khe')) == ["danvan"]  # unclosed: a prefix


def test_exclusions(fixtures: SearchIndex) -> None:
    assert set(ids(search(fixtures, "giai phong mat bang"))) == {"tayson", "tanphu", "rai"}
    assert set(ids(search(fixtures, "giai phong mat bang -xa"))) == {"tayson", "rai"}
    assert ids(search(fixtures, 'giai phong mat bang -"giai phong"')) == ["rai"]
    assert set(ids(search(fixtures, "giai phong mat bang -ward:12"))) == {"tayson", "tanphu"}
    assert ids(search(fixtures, "giai phong mat bang -year:2021..2024")) == []
    assert "danvan" not in ids(search(fixtures, "phong trao -dan"))


# -- fields -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('ward:"tay son"', {"tayson"}),
        ('ward:"tây sơn"', {"tayson"}),
        ('ward:"phường tây sơn"', {"tayson"}),
        ("ward:12", {"rai", "danvan"}),
        ("ward:012", {"rai", "danvan"}),
        ('ward:"phuong 12"', {"rai", "danvan"}),
        ("ward:my", {"moitruong", "phunu", "markup"}),  # no ward "My": a prefix
        ("unit:xa", {"tanphu"}),
        ('unit:"thị trấn"', {"covid"}),
        ('author:"thanh tam"', {"tayson"}),
        ("author:nhat", {"danvan"}),
        ("year:2023", {"tayson", "moitruong"}),
        ("year:2019..2021", {"danvan", "tanphu", "markup", "covid"}),
        ("date:2023-06", {"moitruong"}),
        ("date:05/06/2023", {"moitruong"}),
        ("date:2022..2023-06", {"moitruong", "phunu"}),
        ("date:2023..2022", {"tayson", "moitruong", "phunu"}),
        ('in:title "giai phong"', {"tanphu"}),
        ("in:title giai phong", {"tanphu", "danvan"}),  # giai đoạn, phong trào
        ("in:body giai phong mat bang", {"tayson", "rai"}),
        ("in:author thanh", {"tayson"}),
        ("in:ward my", {"moitruong", "phunu", "markup", "covid"}),  # thị trấn Phú Mỹ
        ("-ward:12 -ward:my -year:2020..2023", {"undated"}),
    ],
)
def test_field_filters(fixtures: SearchIndex, query: str, expected: set[str]) -> None:
    assert set(ids(search(fixtures, query))) == expected


def test_field_values_ignore_accents(fixtures: SearchIndex) -> None:
    assert ids(search(fixtures, 'ward:"my huong"')) == ids(search(fixtures, 'ward:"Mỹ Hương"'))


def test_an_unknown_ward_says_so(fixtures: SearchIndex) -> None:
    response = search(fixtures, 'ward:"tay sen"')
    assert response.results == []
    assert any("Tây Sơn" in hint for hint in response.hints)


def id_of(index: SearchIndex, name: str) -> str:
    return next(a.id for a in index.library.all_summaries() if Path(a.source).stem == name)


def test_is_bookmarked(fixtures: SearchIndex) -> None:
    marked = {id_of(fixtures, "danvan"), id_of(fixtures, "covid"), "gone"}
    assert set(ids(search(fixtures, "is:bookmarked", bookmarked=marked))) == {"danvan", "covid"}
    assert ids(search(fixtures, "is:bookmarked phong", bookmarked=lambda: marked)) == [
        "covid", "danvan"]
    assert "danvan" not in ids(search(fixtures, "-is:bookmarked phong", bookmarked=marked))
    response = search(fixtures, "is:bookmarked")
    assert response.results == [] and response.hints  # no bookmarks given


def test_the_bookmarks_are_read_only_when_asked(fixtures: SearchIndex) -> None:
    calls: list[int] = []

    def marked() -> set[str]:
        calls.append(1)
        return set()

    search(fixtures, "dang", bookmarked=marked)
    assert calls == []


# -- ranking ------------------------------------------------------------------------------
def test_title_matches_before_body_matches(fixtures: SearchIndex) -> None:
    # tanphu has the words in its title; tayson in its body (and is newer)
    assert ids(search(fixtures, "giai phong mat bang"))[0] == "tanphu"


def test_phrase_before_scattered_words(fixtures: SearchIndex) -> None:
    # tayson has the phrase in its body; "rai" only the scattered words, and is newer
    order = ids(search(fixtures, "in:body giai phong mat bang"))
    assert order == ["tayson", "rai"]


def test_a_phrase_with_a_typo_is_still_a_phrase(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "typo", articles={
        "scattered": ("Phường Minh Tây tổ chức hội nghị tổng kết năm", "02/02/2024",
                      "Hội nghị của phường Minh Tây diễn ra trong không khí phấn khởi, "
                      "nhiều ý kiến đóng góp được ghi nhận.", "Thanh Sơn"),
        "together": ("Phường Tây Sơn ra quân vệ sinh môi trường", "01/01/2023",
                     "Người dân phường Tây Sơn ra quân làm sạch đường phố, khơi thông "
                     "cống rãnh trên địa bàn.", "Lan Anh"),
    })
    library = Library.in_memory()
    library.sync([folder], workers=1)
    assert ids(search(SearchIndex.build(library), "tay sonn")) == ["together", "scattered"]
    library.close()


def test_exact_accents_before_folded(fixtures: SearchIndex) -> None:
    # "hưởng" in moitruong; "Hương" (another word, same folding) in phunu's title
    assert ids(search(fixtures, "hưởng"))[0] == "moitruong"
    assert ids(search(fixtures, "hương"))[0] == "phunu"
    response = search(fixtures, "huong")  # no accents typed: both, newer first
    assert ids(response)[:2] == ["moitruong", "phunu"]


def test_whole_word_before_prefix(fixtures: SearchIndex) -> None:
    # "dan" is a whole word in danvan's title and a prefix of "Đảng" in tayson's
    order = ids(search(fixtures, "in:title dan"))
    assert order.index("danvan") < order.index("tayson")


def test_ties_go_to_the_newer_article_and_undated_last(fixtures: SearchIndex) -> None:
    response = search(fixtures, "-xyzzy")
    dates = [r.summary.date for r in response.results]
    assert dates[-1] is None
    assert dates[:-1] == sorted(dates[:-1], reverse=True)  # type: ignore[type-var]
    response = search(fixtures, "phuong")  # every phường ward label: one tie
    assert len({r.score for r in response.results}) == 1
    dates = [r.summary.date or "" for r in response.results]
    assert dates == sorted(dates, reverse=True)


def test_scores_decrease(fixtures: SearchIndex) -> None:
    for query in ("giai phong mat bang", "hưởng", "dan van", "tay sonn", "phong"):
        scores = [r.score for r in search(fixtures, query).results]
        assert scores == sorted(scores, reverse=True), query


# -- results ------------------------------------------------------------------------------
def test_limit_and_total(fixtures: SearchIndex) -> None:
    response = search(fixtures, "phuong", limit=2)
    assert len(response.results) == 2
    assert response.total > 2
    assert search(fixtures, "phuong", limit=0).results == []


def test_title_spans_cover_the_matched_characters(fixtures: SearchIndex) -> None:
    result = search(fixtures, "tay sonn").results[0]
    title = result.summary.title
    assert [title[s:e] for s, e in result.title_spans] == ["Tây", "Sơn"]
    result = search(fixtures, "dan van kh").results[0]
    assert [result.summary.title[s:e] for s, e in result.title_spans] == ["Dân", "vận", "kh"]


def test_snippets_only_for_body_matches(fixtures: SearchIndex) -> None:
    title_match = search(fixtures, "dan van kheo").results[0]
    assert title_match.snippet is None
    body_match = search(fixtures, "vanh dai").results[0]
    assert body_match.snippet is not None and "\n" not in body_match.snippet
    marked = [body_match.snippet[s:e] for s, e in body_match.snippet_spans]
    assert [fold(m) for m in marked] == ["vanh dai"]  # the words together: one span


def test_markup_is_data(fixtures: SearchIndex) -> None:
    response = search(fixtures, "[bold]")
    assert ids(response) == ["markup"]
    result = search(fixtures, "truoc").results[0]
    assert result.snippet is not None and "[red]trước[/red]" in result.snippet


def test_to_json_has_the_list_keys_and_more(fixtures: SearchIndex) -> None:
    result = search(fixtures, "covid").results[0]
    data = result.to_json()
    assert set(data) == set(result.summary.to_json()) | {"score", "snippet"}
    assert {"id", "ward", "unit", "date", "title", "author", "category", "source",
            "words"} <= set(data)


def test_highlight_spans_for_the_reader() -> None:
    text = "Đảng ủy phường Tây Sơn: giải phóng mặt bằng; Dân vận khéo. Đảng viên."
    assert [text[s:e] for s, e in highlight_spans(text, "dang")] == ["Đảng", "Đảng"]
    assert [text[s:e] for s, e in highlight_spans(text, '"giai phong mat bang"')] == [
        "giải phóng mặt bằng"]
    assert [text[s:e] for s, e in highlight_spans(text, "dan -dang ward:12")] == ["Dân"]
    assert [text[s:e] for s, e in highlight_spans(text, "tay sonn", fuzzy=True)] == [
        "Tây", "Sơn"]
    assert highlight_spans(text, "*") == []


# -- the index ----------------------------------------------------------------------------
def test_an_index_knows_when_the_library_changed(tmp_path: Path) -> None:
    folder = write_fixtures(tmp_path / "few", ["tayson", "moitruong"])
    library = Library.open(tmp_path / "cache.sqlite3")
    library.sync([folder], workers=1)
    first = SearchIndex.build(library)
    assert first.is_current()
    assert ids(search(first, "covid")) == []
    write_fixtures(folder, ["covid"])
    library.sync([folder], workers=1)
    assert not first.is_current()
    second = SearchIndex.build(library)
    assert ids(search(second, "covid")) == ["covid"]
    first.close()
    second.close()
    library.close()


def test_search_takes_an_index_not_a_library() -> None:
    import inspect

    parameter = inspect.signature(search).parameters["index"]
    assert parameter.annotation in ("SearchIndex", SearchIndex)
    assert not hasattr(__import__("wardtui.search", fromlist=["x"]), "index_for")


def test_searches_run_in_worker_threads(fixtures: SearchIndex) -> None:
    def work(_: int) -> list[str]:
        return ids(search(fixtures, "giai phong mat bang"))

    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(work, range(20)))  # .map re-raises a worker's exception
    assert all(f == found[0] for f in found) and found[0]


def test_an_empty_library() -> None:
    library = Library.in_memory()
    assert search(SearchIndex.build(library), "dang").results == []
    assert search(SearchIndex.build(library), "year:2020 -x").total == 0
    library.close()


def test_the_search_core_never_imports_textual() -> None:
    code = ("import sys, wardtui.search, wardtui.cli.search, wardtui.library, wardtui.corpus; "
            "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_query_language_alone_loads_no_engine() -> None:
    """The CLI's parsers (wardtui search -h, every other subcommand) need only QUERY_HELP."""
    code = (
        "import sys, wardtui.search, wardtui.cli\n"
        "assert wardtui.search.QUERY_HELP\n"
        "heavy = {'rapidfuzz', 'wardtui.search.engine', 'wardtui.search.index'}\n"
        "assert not heavy & set(sys.modules), heavy & set(sys.modules)\n"
        "names = [getattr(wardtui.search, name) for name in wardtui.search.__all__]\n"
        "assert 'wardtui.search.engine' in sys.modules\n"
        "assert set(wardtui.search.__all__) <= set(dir(wardtui.search))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_big_library_mode_expands_prefixes_from_titles(
    fixtures: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over NATIVE_PREFIX_MAX articles an unfinished word stands for meta words only."""
    monkeypatch.setattr("wardtui.search.match.NATIVE_PREFIX_MAX", 0)
    index = SearchIndex.build(fixtures.library)  # a fresh memo
    try:
        assert ids(search(index, "dan van kh"))[0] == "danvan"  # khéo: a title word
        assert ids(search(index, "vanh da"))[0] == "tayson"  # "da" is a word itself
        assert ids(search(index, "cuoc go")) == []  # gọi: in no title, ward or byline
        assert ids(search(index, "cuoc goi")) == ["markup"]
        assert ids(search(index, "tay sonn"))[0] == "tayson"
        assert ids(search(index, "giai phong mat ba"))  # ba, bang... from the titles
    finally:
        index.close()
