"""Text from files is shown literally: markup stays text, escapes never reach the terminal."""

from __future__ import annotations

from typing import Any

from appdriver import drive, make_app, press, settle
from textual.pilot import Pilot

from wardtui.app.messages import ArticleChosen
from wardtui.app.screens.main import MainScreen
from wardtui.corpus import Article, Paragraph
from wardtui.library import Library
from wardtui.search import parse_query

TITLE = "Phường Mỹ An [bold]chú ý[/bold] [@click=app.quit]bấm[/]"


def test_markup_and_escapes_from_a_file_are_shown_literally(hostile_library: Library) -> None:
    app = make_app(hostile_library)

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        await press(pilot, "right_square_bracket")
        reader = screen.reader
        lines = reader.text_lines
        assert lines[0] == TITLE
        body = "\n".join(lines)
        assert "[red]x[/red]" in body
        assert "[link=http://x]liên kết[/link]" in body
        assert "[b]đậm[/b]" in body
        assert "\x1b" not in body and "\x07" not in body
        assert screen.ward_tree.cursor_node is not None
        label = str(screen.ward_tree.cursor_node.label)
        assert label.endswith(TITLE.removeprefix("Phường Mỹ An "))  # under its ward
        # what reaches the terminal: the literal text, no escape of the article's own
        svg = pilot.app.export_screenshot()
        assert "[bold]chú&#160;ý[/bold]" in svg or "[bold]chú ý[/bold]" in svg
        assert "pwned" not in svg
        # clicking the title (where [@click=app.quit] is written) does not quit
        await pilot.click("#reader", offset=(40, 1))
        await settle(pilot)
        await pilot.click("#tree", offset=(20, 3))  # the article (under the border title)
        await settle(pilot)
        assert pilot.app.is_running
        await press(pilot, "enter")
        await press(pilot, "c")  # copying the text is no action either
        assert pilot.app.is_running
        assert pilot.app.clipboard.startswith(f"Title: {TITLE}")

    drive(app, scenario)
    assert app.return_code is None or app.return_code == 0


def test_reader_strips_controls_itself(library: Library) -> None:
    """Even an article that did not come through the parser is painted safely."""
    article = Article(
        id="deadbeef00", title="Tiêu đề \x1b[31mđỏ\x1b[0m [i]nghiêng[/i]",
        paragraphs=(
            Paragraph("Xóa màn hình \x1b[2J rồi \x9b1m và chuông \x07 và tab\tở đây."),
            Paragraph("Chú thích [dim]ảnh[/dim]", "caption"),
            Paragraph("IMG20191004091522.jpg", "image"),
        ),
        ward="Mỹ An", unit="phường", date="2020", author="[b]Tác giả[/b]",
        source="/x/y/tệp [1].txt",
    )

    async def scenario(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        screen.reader.show_article(article)
        await settle(pilot)
        lines = screen.reader.text_lines
        text = "\n".join(lines)
        assert lines[0] == "Tiêu đề đỏ [i]nghiêng[/i]"
        assert lines[2] == "phường Mỹ An · 2020 · [b]Tác giả[/b] · tệp [1].txt"
        assert "Xóa màn hình  rồi  và chuông  và tab    ở đây." in text
        assert "Chú thích [dim]ảnh[/dim]" in text
        assert "▣ IMG20191004091522.jpg" in text
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) <= 0x9F for ch in text.replace("\n", ""))

    drive(make_app(library), scenario)


def test_a_query_marks_folded_terms_and_n_steps_through_them(library: Library) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        article_id = library.find_by_source(
            next(s.source for s in library.all_summaries() if s.ward == "Hội Phú")
        )
        assert article_id is not None
        screen.post_message(ArticleChosen(article_id, parse_query("dan van kheo")))
        await settle(pilot)
        reader = screen.reader
        assert screen.focused is reader
        assert reader.search_query is not None and reader.search_query.text == "dan van kheo"
        assert reader.match_lines and reader.match_lines[0] <= 1  # in the (wrapped) title
        assert screen.ward_tree.current_article_id == article_id
        assert reader.current_match == 0  # opened at the first match
        await press(pilot, "n")
        assert reader.current_match_line == reader.match_lines[1]
        assert reader.scroll_offset.y == min(reader.match_lines[1], reader.max_scroll_y)
        # a new article without terms: no matches, n does nothing
        await press(pilot, "escape", "right_square_bracket")
        assert reader.match_lines == []

    drive(make_app(library), scenario)
