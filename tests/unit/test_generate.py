"""The benchmark corpus generator: deterministic, sharded, realistic sizes, usable truth."""

from __future__ import annotations

import json
import random
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from benchmarks.generate import (
    MAX_BYTES,
    MIN_BYTES,
    SHARD_SIZE,
    GeneratedCorpus,
    encode_article,
    generate_article,
    generate_corpus,
    main,
    mutate_files,
)

ISO_BY_PRECISION = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}
TRUTH_KEYS = {"path", "ward", "unit", "date", "title", "author"}


def decode(data: bytes) -> str:
    """Decode a generated file the way a careful reader would, then NFC."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    elif data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1258")
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n")


def snapshot(corpus: GeneratedCorpus) -> list[tuple[str, bytes]]:
    return [(f.relative_to(corpus.dest).as_posix(), f.read_bytes()) for f in corpus.files]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> GeneratedCorpus:
    """Just over one shard: 1005 articles."""
    return generate_corpus(tmp_path_factory.mktemp("big"), SHARD_SIZE + 5, seed=1, workers=1)


def test_same_seed_gives_the_same_bytes(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 30, seed=11)
    second = generate_corpus(tmp_path / "b", 30, seed=11)
    assert snapshot(first) == snapshot(second)
    assert first.truth == second.truth
    assert first.total_bytes == second.total_bytes


def test_another_seed_gives_other_articles(tmp_path: Path) -> None:
    first = generate_corpus(tmp_path / "a", 10, seed=1)
    second = generate_corpus(tmp_path / "b", 10, seed=2)
    assert [b for _, b in snapshot(first)] != [b for _, b in snapshot(second)]


def test_a_prefix_of_a_corpus_is_the_smaller_corpus(tmp_path: Path) -> None:
    small = generate_corpus(tmp_path / "small", 12, seed=4)
    large = generate_corpus(tmp_path / "large", 40, seed=4)
    assert snapshot(small) == snapshot(large)[:12]


def test_generate_article_depends_only_on_its_rng() -> None:
    text, truth = generate_article(random.Random(99), 7)
    again, truth_again = generate_article(random.Random(99), 7)
    assert (text, truth) == (again, truth_again)
    assert unicodedata.normalize("NFC", text) == text
    assert {"ward", "unit", "date", "title", "author"} <= truth.keys()
    assert truth["index"] == 7


def test_files_are_sharded_by_the_thousand(big: GeneratedCorpus) -> None:
    shards = sorted(p.name for p in big.dest.iterdir())
    assert shards == ["000", "001"]
    assert len(list((big.dest / "000").iterdir())) == SHARD_SIZE
    assert len(list((big.dest / "001").iterdir())) == 5
    assert len(big.files) == SHARD_SIZE + 5
    assert big.files == sorted(big.files)
    assert all(f.suffix == ".txt" and f.parent.parent == big.dest for f in big.files)


def test_truth_has_one_row_per_file(big: GeneratedCorpus) -> None:
    assert len(big.truth) == len(big.files)
    for path, row in zip(big.files, big.truth, strict=True):
        assert row.keys() >= TRUTH_KEYS
        assert big.dest / row["path"] == path
    assert big.total_bytes == sum(f.stat().st_size for f in big.files)


def test_utf8_files_are_2_to_6_kb(big: GeneratedCorpus) -> None:
    sizes = [
        path.stat().st_size
        for path, row in zip(big.files, big.truth, strict=True)
        if row["encoding"] in ("utf-8", "utf-8-sig")
    ]
    assert len(sizes) > 900
    assert min(sizes) >= MIN_BYTES
    assert max(sizes) <= MAX_BYTES
    assert 3000 < sum(sizes) / len(sizes) < 5000


def test_the_mix_of_layouts_units_dates_and_encodings(big: GeneratedCorpus) -> None:
    rows = big.truth
    units = {row["unit"] for row in rows}
    assert units == {"phường", "xã", "thị trấn"}
    share = sum(row["unit"] == "phường" for row in rows) / len(rows)
    assert 0.45 < share < 0.65
    assert any(row["ward"].isdigit() for row in rows)
    assert {row["date_source"] for row in rows} == {
        "stamp",
        "full",
        "yearless",
        "month",
        "year",
        "none",
    }
    assert {row["encoding"] for row in rows} == {"utf-8", "utf-8-sig", "utf-16", "cp1258"}
    assert any(row["crlf"] for row in rows)
    assert any(row["title"] is None for row in rows)
    assert any(row["author"] is None for row in rows)
    years = {int(row["date"][:4]) for row in rows if row["date"]}
    assert min(years) == 2015
    assert max(years) >= 2025


def test_truth_matches_the_text(big: GeneratedCorpus) -> None:
    for path, row in zip(big.files, big.truth, strict=True):
        text = decode(path.read_bytes())
        label = row["ward_label"]
        assert label in text or label[0].upper() + label[1:] in text
        assert row["neighbour"] in text
        assert row["city"] in text
        if row["title"] is not None:
            assert row["title"] + "\n" in text
        if row["author"] is not None:
            tail = text[-2000:]
            assert row["author"] in tail
        if row["date"] is None:
            assert row["date_precision"] is None
        else:
            assert ISO_BY_PRECISION[row["date_precision"]].match(row["date"])


def test_layouts_from_the_samples_appear(big: GeneratedCorpus) -> None:
    texts = [decode(p.read_bytes()) for p in big.files[:300]]
    joined = "\n".join(texts)
    for marker in (
        "CHUYÊN MỤC\n",
        "TRANG CHỦ\n",
        "Trang chủ",
        "Ngày đăng ",
        "Ngày đăng bài: ",
        "Cập nhật lúc ",
        "Đăng ngày ",
        "Lượt xem: ",
        "Trực tuyến: ",
        "Hôm nay: ",
        "Tin, ảnh: ",
        "/KH-",
        "IMG20",
        "Quang cảnh",
    ):
        assert marker in joined, marker
    assert re.search(r"^z\d{13}_[0-9a-f]{32}\.jpg$", joined, re.MULTILINE)
    assert re.search(r"^Thứ \w+, \d\d/\d\d/\d{4} \d\d:\d\d$", joined, re.MULTILINE)
    assert re.search(r"^([A-ZĐ][^\na-z]+) \1$", joined, re.MULTILINE)  # a doubled heading


def test_cp1258_round_trips_to_the_same_text() -> None:
    text, _ = generate_article(random.Random(5), 0)
    data, used = encode_article(text, "cp1258")
    assert used == "cp1258"
    assert unicodedata.normalize("NFC", data.decode("cp1258")) == text
    data16, _ = encode_article(text, "utf-16", crlf=True)
    assert data16.startswith(b"\xff\xfe")
    assert data16[2:].decode("utf-16-le") == text.replace("\n", "\r\n")


def test_mutate_changes_the_chosen_files_only(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "c", 30, seed=3)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.files}
    changed = mutate_files(corpus.files, 0.2, seed=5)
    assert len(changed) == 6
    assert len(set(changed)) == 6
    for path in corpus.files:
        data, mtime = before[path]
        if path in changed:
            assert path.read_bytes() != data
            assert path.stat().st_size > len(data)
            assert path.stat().st_mtime_ns >= mtime + 1_000_000_000
        else:
            assert path.read_bytes() == data
            assert path.stat().st_mtime_ns == mtime
    rows: dict[Path, dict[str, Any]] = {corpus.dest / row["path"]: row for row in corpus.truth}
    for path in changed:
        text = decode(path.read_bytes())
        row = rows[path]
        assert row["neighbour"] in text
        if row["title"] is not None:
            assert row["title"] in text


def test_mutate_is_deterministic_and_keeps_encodings(tmp_path: Path) -> None:
    one = generate_corpus(tmp_path / "one", 20, seed=8)
    two = generate_corpus(tmp_path / "two", 20, seed=8)
    changed_one = mutate_files(one.files, 0.5, seed=1)
    changed_two = mutate_files(two.files, 0.5, seed=1)
    assert [p.relative_to(one.dest) for p in changed_one] == [
        p.relative_to(two.dest) for p in changed_two
    ]
    assert snapshot(one) == snapshot(two)
    assert mutate_files(one.files, 0.0, seed=1) == []
    assert mutate_files([], 0.5, seed=1) == []


def test_mutate_keeps_bom_utf16_and_crlf(tmp_path: Path) -> None:
    text, _ = generate_article(random.Random(1), 0)
    paths = []
    for name, encoding, crlf in (
        ("bom", "utf-8-sig", False),
        ("u16", "utf-16", True),
        ("cp", "cp1258", False),
        ("crlf", "utf-8", True),
    ):
        path = tmp_path / f"{name}.txt"
        path.write_bytes(encode_article(text, encoding, crlf)[0])
        paths.append(path)
    assert mutate_files(paths, 1.0, seed=2) == paths
    assert paths[0].read_bytes().startswith(b"\xef\xbb\xbf")
    assert paths[1].read_bytes().startswith(b"\xff\xfe")
    assert "\r\n" in paths[1].read_bytes()[2:].decode("utf-16-le")
    paths[2].read_bytes().decode("cp1258")  # still cp1258, not UTF-8
    with pytest.raises(UnicodeDecodeError):
        paths[2].read_bytes().decode("utf-8")
    crlf_text = paths[3].read_bytes().decode("utf-8")
    assert "\n" not in crlf_text.replace("\r\n", "")
    for path in paths:
        assert decode(path.read_bytes()).startswith(text.split("\n", 1)[0])


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = tmp_path / "truth.jsonl"
    assert (
        main([str(tmp_path / "out"), "--articles", "3", "--seed", "2", "--truth", str(truth)]) == 0
    )
    assert len(list((tmp_path / "out" / "000").iterdir())) == 3
    rows = [json.loads(line) for line in truth.read_text(encoding="utf-8").splitlines()]
    assert [row["index"] for row in rows] == [0, 1, 2]
    assert "wrote 3 articles" in capsys.readouterr().out
