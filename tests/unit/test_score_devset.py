"""The development-set scorer (``scripts/score_devset.py``) on two tiny made-up pages.

The pages are written for this test in a plain shape the parser reads well; the
truth lines are set so that some fields are right and some wrong, and the
figures must say exactly which.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "score_devset.py"

PAGE_A = """\
Xã Hòa Bình tổ chức ngày hội đại đoàn kết toàn dân tộc

Sáng ngày 12/11/2023, Ủy ban MTTQ xã Hòa Bình tổ chức ngày hội đại đoàn kết toàn dân \
tộc tại khu dân cư ấp Hai với đông đảo bà con nhân dân tham dự.
Tại buổi lễ, đại diện ban công tác mặt trận ấp đã báo cáo kết quả thực hiện cuộc vận \
động trong năm qua và trao quà cho các hộ gia đình khó khăn.
Ngày hội kết thúc với các trò chơi dân gian vui tươi.

Minh Khang
"""

PAGE_B = "Trang chủ\nLiên hệ\n"  # furniture only: the parser skips it


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_devset", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_devset"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return _load()


def _truth(**fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "file": "a.txt",
        "url": "https://example.invalid/a",
        "site": "example.invalid",
        "kind": "portal",
        "title_kind": "headline",
        "author": None,
        "credit": None,
        "date": None,
        "ward": None,
        "unit": None,
        "province": None,
        "district": None,
        "keep": [],
        "furniture": [],
    }
    row.update(fields)
    return row


@pytest.fixture
def devset(tmp_path: Path) -> tuple[Path, Path]:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (pages / "b.txt").write_text(PAGE_B, encoding="utf-8")
    rows = [
        _truth(
            # upper case and extra spaces: still the same title
            title="XÃ HÒA BÌNH  tổ chức ngày hội đại đoàn kết toàn dân tộc",
            author="minh khang",
            date="2023-11-12",
            ward="hòa bình",
            unit="xã",
            keep=[
                "Sáng ngày 12/11/2023, Ủy ban MTTQ xã Hòa Bình tổ chức ngày hội đại đoàn "
                "kết toàn dân tộc tại khu dân cư ấp Hai với đông đảo bà con nhân dân tham dự.",
                "Ngày hội kết thúc với các trò chơi dân gian vui tươi.",
            ],
            # the byline is furniture; "trò chơi dân gian" is really in the body
            furniture=["Minh Khang", "trò chơi dân gian"],
        ),
        _truth(file="b.txt", title="Một tin không có", title_kind="lead", date="2024"),
    ]
    truth = tmp_path / "truth-test.jsonl"
    truth.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return pages, truth


def test_figures_count_right_and_wrong_pages(
    scorer: ModuleType, devset: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pages, truth = devset
    assert scorer.main([str(pages), "--truth", str(truth), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)

    assert figures["pages"] == 2 and figures["skipped"] == 1
    assert figures["title"] == {"right": 1, "total": 2, "pct": 50.0}
    assert figures["title_headline"]["right"] == 1
    assert figures["title_lead"] == {"right": 0, "total": 1, "pct": 0.0}
    assert figures["byline"] == {"right": 1, "total": 1, "pct": 100.0}
    assert figures["date"]["right"] == 1 and figures["date"]["total"] == 2
    assert figures["ward"]["right"] == 1
    # page a carries a furniture string in its body; page b is skipped: both wrong
    assert figures["furniture_free"]["right"] == 0
    assert figures["kept"] == {"right": 1, "total": 2, "pct": 50.0}


def test_show_lists_the_wrong_pages(
    scorer: ModuleType, devset: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pages, truth = devset
    scorer.main([str(pages), "--truth", str(truth), "--show", "furniture_free"])
    out = capsys.readouterr().out
    assert "wrong for furniture_free" in out
    assert "a.txt" in out and "trò chơi dân gian" in out and "b.txt" in out
    assert "skipped" in out


def test_credit_is_not_available_without_the_field(
    scorer: ModuleType, devset: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    pages, truth = devset
    scorer.main([str(pages), "--truth", str(truth), "--json"])
    figures = json.loads(capsys.readouterr().out)
    from wardtui.corpus import Article

    if "credit" in getattr(Article, "__dataclass_fields__", {}):
        assert isinstance(figures["credit"], dict)
    else:
        assert figures["credit"] == "n/a"


def test_bad_truth_lines_are_reported_not_fatal(
    scorer: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    truth = tmp_path / "t.jsonl"
    truth.write_text('{"file": "x.txt", "title": "A"}\nnot json\n', encoding="utf-8")
    assert scorer.main([str(tmp_path), "--truth", str(truth)]) == 0
    captured = capsys.readouterr()
    assert "t.jsonl:2: not JSON" in captured.err
    assert re.search(r"^pages +1 \(skipped by the parser: 1\)$", captured.out, re.M)


def test_title_comparison_folds_case_and_spaces(scorer: ModuleType) -> None:
    assert scorer.folded("ĐẠI HỘI  Đảng bộ\nxã A") == scorer.folded("Đại hội đảng bộ xã A")
    assert scorer.folded("Xã A") != scorer.folded("Xã B")


def test_false_bylines_count_pages_given_an_author_the_truth_lacks(
    scorer: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(PAGE_A, encoding="utf-8")
    # the same page once more, without its byline line
    (tmp_path / "c.txt").write_text(PAGE_A.replace("\nMinh Khang\n", "\n"), encoding="utf-8")
    truth = tmp_path / "t.jsonl"
    rows = [_truth(title="x"), _truth(file="c.txt", title="x")]  # both: no author
    truth.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    scorer.main([str(tmp_path), "--truth", str(truth), "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert figures["false_byline"] == {"false": 1, "total": 2, "pct": 50.0}
    assert figures["byline"]["total"] == 0


def test_lead_titles_ignore_final_stop_and_accept_a_long_clipped_prefix() -> None:
    from scripts.score_devset import same_title

    lead = (
        "Sáng 12/7, UBND xã Tân Phú tổ chức hội nghị tổng kết công tác"
        " phòng chống thiên tai năm nay."
    )
    assert same_title(lead.rstrip("."), lead)
    assert same_title(lead[:70] + "…", lead)
    assert not same_title(lead[:20] + "…", lead)  # too short a prefix proves nothing
    assert not same_title("Hội nghị tổng kết", lead)


def test_ward_names_fold_tone_placement_and_case(scorer: ModuleType) -> None:
    assert scorer.ward_key("Hoà Bình") == scorer.ward_key("hòa  bình")
    assert scorer.ward_key("Thuỷ An") == scorer.ward_key("Thủy An")
    assert scorer.ward_key("Mỹ Hòa") != scorer.ward_key("Mĩ Hòa")  # other letters
    assert scorer.ward_key("Hòa") != scorer.ward_key("Hoa")  # other tone


def test_ward_in_text_counts_only_pages_naming_their_ward(
    scorer: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(PAGE_A, encoding="utf-8")
    # the same page, but its truth ward is one the text never names (only its site did)
    (pages / "c.txt").write_text(PAGE_A, encoding="utf-8")
    rows = [
        _truth(title="x", ward="Hoà Bình", unit="xã"),  # old tone placement in the truth
        _truth(file="c.txt", title="x", ward="Tân Lập", unit="xã"),
    ]
    truth = tmp_path / "t.jsonl"
    truth.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    scorer.main([str(pages), "--truth", str(truth), "--json"])
    figures = json.loads(capsys.readouterr().out)
    assert figures["ward"] == {"right": 1, "total": 2, "pct": 50.0}
    assert figures["ward_in_text"] == {"right": 1, "total": 1, "pct": 100.0}
    assert scorer.names_ward("ở xã Hòa Bình.", "Hoà Bình")
    assert not scorer.names_ward("ở xã Hòa Bình Đông", "Bình Đ")  # whole words only
    assert scorer.names_ward("không có", None)


# A commune's portal page that never names its commune after a unit word.
PAGE_PORTAL = """\
Hội làng truyền thống đầu xuân

Ngày đăng: 12/02/2022

Sáng nay, đông đảo bà con nhân dân trong vùng đã về dự hội làng truyền thống, với \
nhiều trò chơi dân gian như kéo co, đánh đu, đấu vật và thi nấu cơm.
Ban tổ chức cho biết lễ hội năm nay thu hút hơn ba nghìn lượt người tham gia.
"""


def test_mirror_paths_keep_host_path_and_query(scorer: ModuleType, tmp_path: Path) -> None:
    path = scorer.mirror_path(tmp_path, "https://Sub.Example.gov.vn/a/b%20c/news.aspx?id=7")
    assert path == tmp_path / "sub.example.gov.vn" / "a" / "b c" / "news.aspx?id=7.txt"
    assert scorer.mirror_path(tmp_path, "http://x.vn/") == tmp_path / "x.vn" / "index.html.txt"
    long = scorer.mirror_path(tmp_path, "http://x.vn/" + "đ" * 300)
    assert len(long.name.encode("utf-8")) <= 200 and long.name.endswith(".txt")


def test_only_the_mirror_layout_sees_the_address(
    scorer: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p.txt").write_text(PAGE_PORTAL, encoding="utf-8")
    row = _truth(
        file="p.txt",
        url="https://camlong.camthuy.thanhhoa.gov.vn/web/hoi-lang.html",
        title="Hội làng truyền thống đầu xuân",
        date="2022-02-12",
        ward="Cẩm Long",
        unit="xã",
    )
    truth = tmp_path / "truth-p.jsonl"
    truth.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    figures = {}
    for layout in ("flat", "mirror"):
        scorer.main([str(pages), "--truth", str(truth), "--layout", layout, "--json"])
        figures[layout] = json.loads(capsys.readouterr().out)
    assert figures["flat"]["ward"]["right"] == 0
    assert figures["mirror"]["ward"]["right"] == 1
    assert figures["mirror"]["title"]["right"] == 1
