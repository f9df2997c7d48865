"""A search result's height (measured from its plain title, remembered between pages) is the
number of rows painted for it, at every width, bookmarked or not, with or without a snippet."""

from __future__ import annotations

import pytest

from wardtui.app.widgets.result_rows import result_height, result_rows
from wardtui.library import ArticleSummary
from wardtui.search import SearchResult

TITLES = [
    "Tin",
    "Phường Hội Phú tổ chức Hội nghị tổng kết 10 năm thực hiện phong trào thi đua "
    "“Toàn dân đoàn kết xây dựng đời sống văn hóa” trên địa bàn phường",
    "Một_từ_rất_dài_không_có_dấu_cách_nào_để_xuống_dòng_" * 3,
    "Tiêu đề có \x1b[2J ký tự điều khiển\tvà tab",
    "中文 全角 文字 " * 6,
]


def _result(title: str, snippet: str | None) -> SearchResult:
    summary = ArticleSummary("abcd123456", title, "Mỹ An", "phường", "2022-03-05",
                             "Thanh Tâm", None, "a.txt", 100)
    return SearchResult(summary, 1, ((0, 3),), (), snippet, ((0, 2),) if snippet else ())


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("snippet", [None, "… đoạn văn có từ khóa …"])
def test_the_height_is_the_rows_painted(title: str, snippet: str | None) -> None:
    result = _result(title, snippet)
    for width in (1, 2, 7, 20, 33, 60, 118):
        for marked in (False, True):
            rows = result_rows(result, width, marked=marked)
            for _ in range(2):  # measured, then remembered
                assert result_height(result, width, marked=marked) == len(rows)
