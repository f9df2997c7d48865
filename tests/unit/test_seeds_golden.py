"""Golden expectations for the five real sample files in ``seeds/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardtui.corpus import parse_bytes
from wardtui.vntext import fold

# file, ward, unit, date, (title match, title), author, folded category
GOLDEN = [
    (
        "000_474a873e264c33ff.txt",
        "Mỹ Hương",
        "phường",
        "2020",
        (
            "==",
            "Đảng ủy Phường Mỹ Hương tập trung lãnh đạo xây dựng khối đại đoàn kết toàn dân",
        ),
        "Thanh Tâm",
        None,
    ),
    (
        "001_94c45868fd98c6ab.txt",
        "Mỹ Long",
        "phường",
        "2023-06-28",
        ("==", "Đảng bộ phường Mỹ Long sơ kết 06 tháng đầu năm 2023"),
        "UBND phường Mỹ Long",  # an office signing the article is its byline
        None,
    ),
    (
        "002_5ac1c78084622dc2.txt",
        "Minh Khai",
        "phường",
        "2021-01-19",
        (
            "startswith",
            "Hội nghị tổng kết công tác xây dựng Đảng, chính quyền và phong trào",
        ),
        "Giang Vũ",
        fold("Hoạt động của Hội đồng nhân dân"),
    ),
    (
        "003_6df8933de2da7189.txt",
        "Tây Sơn",
        "phường",
        "2023-07-12",
        ("startswith", "Sáng 12/7, Đảng ủy phường Tây Sơn tổ chức Hội nghị sơ kết"),
        "Hoàng Bình",
        None,
    ),
    (
        "004_1d81fa788f9b7cee.txt",
        "Hội Phú",
        "phường",
        "2019-10-07",
        (
            "==",
            "Phường Hội Phú tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua "
            "“Dân vận khéo” giai đoạn 2009-2019",
        ),
        "Nhật Quang",
        None,
    ),
]
_IDS = [g[0][:3] for g in GOLDEN]
# The source an article credits (``Article.credit``): none of the samples names one.
SEED_CREDITS: dict[str, str] = {}

SEED_004_MENU = [
    "Bộ Thủ tục hành chính công",
    "Quy hoạch - kế hoạch",
    "Thông tin tuyên truyền",
    "Làm theo lời Bác",
    "Góp ý cá nhân, tổ chức",
    "Hỏi đáp",
    "Lịch công tác",
]
FORBIDDEN = [
    "CHUYÊN MỤC",
    "Lượt xem",
    "Trực tuyến",
    "Hôm nay:",
    "Ngày đăng",
    ".jpg",
    *SEED_004_MENU,
]

_cache: dict[str, object] = {}


def _parse(seeds_dir: Path, name: str):
    if name not in _cache:
        _cache[name] = parse_bytes((seeds_dir / name).read_bytes(), source=name)
    return _cache[name]


@pytest.mark.parametrize(("name", "ward"), [(g[0], g[1]) for g in GOLDEN], ids=_IDS)
def test_seed_ward(seeds_dir: Path, name: str, ward: str) -> None:
    assert _parse(seeds_dir, name).ward == ward


@pytest.mark.parametrize(("name", "unit"), [(g[0], g[2]) for g in GOLDEN], ids=_IDS)
def test_seed_unit(seeds_dir: Path, name: str, unit: str) -> None:
    assert _parse(seeds_dir, name).unit == unit


@pytest.mark.parametrize(("name", "date"), [(g[0], g[3]) for g in GOLDEN], ids=_IDS)
def test_seed_date(seeds_dir: Path, name: str, date: str) -> None:
    assert _parse(seeds_dir, name).date == date


@pytest.mark.parametrize(("name", "title"), [(g[0], g[4]) for g in GOLDEN], ids=_IDS)
def test_seed_title(seeds_dir: Path, name: str, title: tuple[str, str]) -> None:
    how, expected = title
    actual = _parse(seeds_dir, name).title
    if how == "==":
        assert actual == expected
    else:
        assert actual.startswith(expected)


@pytest.mark.parametrize(("name", "author"), [(g[0], g[5]) for g in GOLDEN], ids=_IDS)
def test_seed_author(seeds_dir: Path, name: str, author: str) -> None:
    assert _parse(seeds_dir, name).author == author


@pytest.mark.parametrize(("name", "category"), [(g[0], g[6]) for g in GOLDEN], ids=_IDS)
def test_seed_category(seeds_dir: Path, name: str, category: str | None) -> None:
    actual = _parse(seeds_dir, name).category
    assert (None if actual is None else fold(actual)) == category


@pytest.mark.parametrize("name", [g[0] for g in GOLDEN], ids=_IDS)
def test_seed_text_paragraphs_hold_no_furniture(seeds_dir: Path, name: str) -> None:
    texts = [p.text for p in _parse(seeds_dir, name).paragraphs if p.kind == "text"]
    assert [(word, t[:60]) for t in texts for word in FORBIDDEN if word in t] == []


@pytest.mark.parametrize("name", [g[0] for g in GOLDEN], ids=_IDS)
def test_seed_credit(seeds_dir: Path, name: str) -> None:
    assert _parse(seeds_dir, name).credit == SEED_CREDITS.get(name)


@pytest.mark.parametrize(
    ("name", "byline"),
    [(g[0], g[5]) for g in GOLDEN],
    ids=_IDS,
)
def test_seed_text_paragraphs_hold_no_byline(seeds_dir: Path, name: str, byline: str) -> None:
    texts = [p.text for p in _parse(seeds_dir, name).paragraphs if p.kind == "text"]
    assert [t for t in texts if t.strip() == byline] == []


@pytest.mark.parametrize("name", [g[0] for g in GOLDEN], ids=_IDS)
def test_seed_has_text_paragraphs(seeds_dir: Path, name: str) -> None:
    assert [p for p in _parse(seeds_dir, name).paragraphs if p.kind == "text"]


def test_seed_003_quang_canh_is_a_caption(seeds_dir: Path) -> None:
    paragraphs = _parse(seeds_dir, "003_6df8933de2da7189.txt").paragraphs
    assert [p.kind for p in paragraphs if p.text.strip() == "Quang cảnh Hội nghị."] == ["caption"]


def test_seed_004_menu_is_not_the_title(seeds_dir: Path) -> None:
    assert _parse(seeds_dir, "004_1d81fa788f9b7cee.txt").title not in SEED_004_MENU


def test_seed_ids_are_distinct(seeds_dir: Path) -> None:
    ids = {_parse(seeds_dir, g[0]).id for g in GOLDEN}
    assert len(ids) == len(GOLDEN)
