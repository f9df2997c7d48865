"""The pure parts of the app: tree nodes and labels, article text, highlighting."""

from __future__ import annotations

import re
from pathlib import Path

from wardtui.app import catalog
from wardtui.app.article_text import ArticleStyles, article_blocks, find_matches, meta_line
from wardtui.corpus import Article, Paragraph
from wardtui.library import UNDATED, Library
from wardtui.vntext import fold

APP_SOURCES = Path(__file__).resolve().parents[2] / "src" / "wardtui" / "app"


def test_labels() -> None:
    assert catalog.day_month("2023-06-28") == "28/06"
    assert catalog.day_month("2023-06") == "—/06 "
    assert catalog.day_month("2020") == "—    "
    assert catalog.day_month(None) == "—    "
    assert catalog.date_text("2023-06-28") == "28/06/2023"
    assert catalog.date_text("2023-06") == "06/2023"
    assert catalog.date_text("2020") == "2020"
    assert catalog.date_text(None) == "undated"
    assert catalog.ward_name("12", "phường") == "Phường 12"
    assert catalog.ward_name(None, None) == "Unknown ward"
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


def test_find_matches_ignores_accents_and_keeps_offsets() -> None:
    text = "Đảng ủy phường Mỹ Long; ĐẢNG BỘ mỹ long."
    spans = find_matches(text, ["my long", "dang"])
    assert [text[a:b] for a, b in spans] == ["Đảng", "Mỹ Long", "ĐẢNG", "mỹ long"]
    assert find_matches(text, ["", "  "]) == []
    assert find_matches("aaaa", ["aa", "aaa"]) == [(0, 4)]
    assert len(fold(text)) == len(text)


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
