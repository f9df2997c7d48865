"""Exports of articles from the library carry their place, credit and headline as
written (issues 14 and 10), in every format, and are still recognised as exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wardtui.export import render, to_json_data, to_md, to_txt
from wardtui.library import Library, PlacedArticle
from wardtui.library.own_exports import export_kind

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MY_LONG = "4bc50b54b5"
CAPS = (
    "ĐẠI HỘI ĐẢNG BỘ XÃ BẢN LẦU LẦN THỨ XXIII\n\nNgày đăng: 09/11/2024\n\n"
    "Sáng nay, Đảng bộ xã Bản Lầu tổ chức Đại hội đại biểu lần thứ XXIII, nhiệm kỳ "
    "2025 - 2030, với sự tham dự của đông đảo đảng viên và bà con nhân dân trên địa bàn xã.\n\n"
    "Theo Báo Lào Cai"
)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, PlacedArticle]:
    root = tmp_path_factory.mktemp("export-places")
    (root / "caps.txt").write_text(CAPS, encoding="utf-8")
    with Library.open(root / "c.sqlite3") as lib:
        lib.sync([SEEDS, root / "caps.txt"], workers=1)
        found = {}
        for summary in lib.all_summaries():
            article = lib.get(summary.id)
            assert article is not None
            found[summary.ward or ""] = article
    return found


def test_txt_and_md_have_a_place_line(articles: dict[str, PlacedArticle]) -> None:
    article = articles["Mỹ Long"]
    assert article.id.startswith(MY_LONG)
    head = to_txt(article).split("\n\n", 1)[0].splitlines()
    place = "Place: phường Mỹ Long, Thành phố Long Xuyên, An Giang"
    assert head[head.index("Ward: phường Mỹ Long") + 1] == place
    assert f"- **{place.replace(': ', ':** ', 1)}" in to_md(article).splitlines()


def test_an_unknown_place_says_so(articles: dict[str, PlacedArticle]) -> None:
    assert "Place: phường Tây Sơn (place unknown: 3 candidates)" in to_txt(articles["Tây Sơn"])


def test_json_has_the_place_keys(articles: dict[str, PlacedArticle]) -> None:
    data = to_json_data(articles["Mỹ Long"])
    assert (data["province"], data["district"]) == ("An Giang", "Thành phố Long Xuyên")
    assert data["place_confidence"] == "unique" and data["place_code"].count("-") == 2
    assert data["successor"] == "Phường Long Xuyên, An Giang"
    unknown = to_json_data(articles["Tây Sơn"])
    assert (unknown["province"], unknown["place_confidence"]) == (None, "unknown")


def test_credit_and_headline_as_written(articles: dict[str, PlacedArticle]) -> None:
    article = articles["Bản Lầu"]
    assert article.credit == "Báo Lào Cai"
    assert article.title_original == "ĐẠI HỘI ĐẢNG BỘ XÃ BẢN LẦU LẦN THỨ XXIII"
    text = to_txt(article)
    assert "Credit: Báo Lào Cai" in text
    assert "Headline: ĐẠI HỘI ĐẢNG BỘ XÃ BẢN LẦU LẦN THỨ XXIII" in text
    assert "Place: xã Bản Lầu, Huyện Mường Khương, Lào Cai" in text
    data = json.loads(render(article, "json"))
    assert data["credit"] == "Báo Lào Cai" and data["title_original"] == article.title_original


@pytest.mark.parametrize("fmt", ["txt", "md", "json"])
def test_exports_with_places_are_recognised(articles: dict[str, PlacedArticle], fmt: str
                                            ) -> None:
    for article in articles.values():
        assert export_kind(render(article, fmt).encode("utf-8")) == fmt  # type: ignore[arg-type]
