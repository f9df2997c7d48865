"""The pure parts of the app: tree nodes and labels, article text, highlighting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wardtui import labels
from wardtui.app import article_text, catalog
from wardtui.app.article_text import ArticleStyles, article_blocks, find_marks, meta_line
from wardtui.corpus import Article, Paragraph
from wardtui.library import UNDATED, Library
from wardtui.search import parse_query

APP_SOURCES = Path(__file__).resolve().parents[2] / "src" / "wardtui" / "app"


def test_labels() -> None:
    assert labels.day_month("2023-06-28") == "28/06"
    assert labels.day_month("2023-06") == "—/06 "
    assert labels.day_month("2020") == "—    "
    assert labels.day_month(None) == "—    "
    assert labels.date_text("2023-06-28") == "28/06/2023"
    assert labels.date_text("2023-06") == "06/2023"
    assert labels.date_text("2020") == "2020"
    assert labels.date_text(None) == "undated"
    assert labels.ward_name("12", "phường") == "Phường 12"
    assert labels.ward_name(None, None) == "Unknown ward"
    ward = catalog.NodeInfo("ward", catalog.ward_key("Tân Phú", "xã"), 3, "Tân Phú", "xã")
    assert str(catalog.node_label(ward)) == "xã Tân Phú  3"
    year = catalog.NodeInfo("year", catalog.year_key(UNDATED), 2, year=UNDATED)
    assert str(catalog.node_label(year)) == "Undated  2"


def test_every_article_is_reached_by_its_path_in_both_groupings(library: Library) -> None:
    for grouping in catalog.GROUPINGS:
        found: dict[catalog.Key, catalog.NodeInfo] = {}
        todo = catalog.top_nodes(library, grouping)
        while todo:
            node = todo.pop()
            found[node.key] = node
            todo.extend(catalog.child_nodes(library, node))
        articles = [n for n in found.values() if n.is_article]
        assert len(articles) == 5
        for summary in library.all_summaries():
            path = catalog.path_to(summary, grouping)
            assert all(key in found for key in path), (grouping, path)
            assert found[path[-1]].article_id == summary.id


def test_marks_are_found_once_with_the_parsed_query(monkeypatch: pytest.MonkeyPatch) -> None:
    article = Article(
        id="x", title="Đảng ủy phường Mỹ Long", paragraphs=(
            Paragraph("ĐẢNG BỘ mỹ long họp."), Paragraph("a.jpg", "image"),
            Paragraph("Không có gì."),
        ),
    )
    query = parse_query("dang my long")
    marks = find_marks(article, query)
    assert [article.title[a:b] for a, b in marks.title] == ["Đảng", "Mỹ", "Long"]
    assert [article.paragraphs[0].text[a:b] for a, b in marks.of(0)] == ["ĐẢNG", "mỹ", "long"]
    assert marks.of(1) == [] and marks.of(2) == []
    assert find_marks(article, None).title == []

    def no_search(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("painting again must not search the text again")

    monkeypatch.setattr(article_text, "article_spans", no_search)
    styles = ArticleStyles.plain()
    for _ in range(2):  # e.g. a resize, then a theme change: the same marks, painted
        title = article_blocks(article, styles, marks)[0]
        assert title is not None
        assert [(s.start, s.end) for s in title.spans if s.style == styles.highlight] == \
            marks.title


def test_article_blocks_are_literal_text() -> None:
    article = Article(
        id="x", title="[b]T[/b]", paragraphs=(
            Paragraph("Một [red]đoạn[/red]"), Paragraph("ảnh", "caption"),
            Paragraph("a.jpg", "image"), Paragraph("   "),
        ),
        ward="Mỹ An", unit="xã", date="2021-05", category="Tin", source="/a/b/c.txt",
    )
    blocks = article_blocks(article, ArticleStyles.plain())
    plain = [None if b is None else b.plain for b in blocks]
    assert plain == ["[b]T[/b]", "xã Mỹ An · 05/2021 · Tin · c.txt", None, "Một [red]đoạn[/red]",
                     "ảnh", "▣ a.jpg"]
    assert meta_line(article) == plain[1]


def test_the_app_reads_the_cache_only_through_the_library() -> None:
    for path in APP_SOURCES.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(import|from)\s+sqlite3\b", text, re.MULTILINE), path
