"""The one home of wardtui's labels: counts, wards, dates, titles, sentences, clipping."""

from __future__ import annotations

from wardtui import labels
from wardtui.config import GROUPINGS, Settings


def test_plural_takes_an_s_and_groups_thousands() -> None:
    assert labels.plural(1, "ward") == "1 ward"
    assert labels.plural(0, "ward") == "0 wards"
    assert labels.plural(1234, "article") == "1,234 articles"


def test_ward_name_reads_numbered_wards_with_a_capital_and_names_the_unknown() -> None:
    assert labels.ward_name("12", "phường") == "Phường 12"
    assert labels.ward_name("Mỹ Long", "phường") == "phường Mỹ Long"
    assert labels.ward_name(None, "phường") == labels.UNKNOWN_WARD == "Unknown ward"


def test_titles_are_one_safe_line_or_untitled() -> None:
    assert labels.title("A\x1b[31m\nB") == "A B"
    assert labels.title("") == labels.title(None) == "(untitled)"


def test_dates_at_their_precision() -> None:
    assert labels.date_text("2023-06-28") == "28/06/2023"
    assert labels.date_text("2023-06") == "06/2023"
    assert labels.date_text("2023") == "2023"
    assert labels.date_text(None) == "undated"
    assert labels.day_month("2023-06-28") == "28/06"
    assert labels.day_month("2023-06") == "—/06 "
    assert labels.day_month(None) == "—".ljust(labels.DATE_WIDTH)


def test_clean_and_one_line_strip_controls() -> None:
    assert labels.clean("a\tb\x07") == "a    b"
    assert labels.one_line(" a\n\tb\x1b[2J ") == "a b"


def test_sentence_capitalises_and_optionally_stops() -> None:
    assert labels.sentence(" file exists ") == "File exists"
    assert labels.sentence("file exists", stop=True) == "File exists."
    assert labels.sentence("done!", stop=True) == "Done!"


def test_clip_marks_the_cut() -> None:
    assert labels.clip("short", 10) == "short"
    assert labels.clip("a long title here", 8) == "a long…"
    assert len(labels.clip("abcdef", 3)) == 3
    assert labels.clip("abcdef", 1) == "…"


def test_settings_grouping_is_typed_and_checked(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "grouping": "sideways"}', encoding="utf-8")
    assert Settings.load(path).grouping == "ward"
    path.write_text('{"version": 1, "grouping": "date"}', encoding="utf-8")
    assert Settings.load(path).grouping == "date" and "date" in GROUPINGS
