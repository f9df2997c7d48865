"""How paragraphs are stored (``wardtui.library.codec``): compressed JSON that reads back."""

from __future__ import annotations

import json
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.corpus.model import Paragraph
from wardtui.library.codec import (
    fts_text,
    fts_values,
    pack_paragraphs,
    stored_fts_values,
    unpack_paragraphs,
)

_PARAGRAPHS = st.lists(
    st.builds(Paragraph, st.text(max_size=300), st.sampled_from(["text", "caption", "image"])),
    max_size=20,
).map(tuple)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_PARAGRAPHS)
def test_paragraphs_read_back_as_written(paragraphs: tuple[Paragraph, ...]) -> None:
    assert unpack_paragraphs(pack_paragraphs(paragraphs)) == paragraphs


def test_blobs_of_an_older_cache_at_another_level_read_back() -> None:
    paragraphs = (Paragraph("Xã Mỹ Long tổ chức hội nghị."), Paragraph("a.jpg", "image"))
    data = json.dumps([["t", "Xã Mỹ Long tổ chức hội nghị."], ["i", "a.jpg"]], ensure_ascii=False)
    for level in (1, 6, 9):
        assert unpack_paragraphs(zlib.compress(data.encode(), level)) == paragraphs


def test_packed_paragraphs_are_compressed() -> None:
    text = "Đảng ủy phường Mỹ Long tổ chức hội nghị sơ kết công tác sáu tháng đầu năm. " * 20
    packed = pack_paragraphs((Paragraph(text),))
    assert len(packed) < len(text.encode()) // 4


def test_fts_values_make_d_of_the_stroked_d_only() -> None:
    assert fts_text("Đảng ủy đường") == "Dảng ủy dường"
    values = fts_values("Đô", "phường Đông", None, (Paragraph("đi"), Paragraph("x.jpg", "image")))
    assert values == ("Dô", "phường Dông", "", "di")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_PARAGRAPHS, st.text(max_size=40), st.none() | st.text(max_size=20))
def test_an_article_s_index_text_is_read_from_its_stored_blob_as_written(
    paragraphs: tuple[Paragraph, ...], title: str, author: str | None
) -> None:
    """The writer takes an old article's words out of the index with the text of its
    stored blob: exactly what was put in (or FTS5's contentless index goes wrong)."""
    blob = pack_paragraphs(paragraphs)
    assert stored_fts_values(title, "phường Đông", author, blob) == fts_values(
        title, "phường Đông", author, unpack_paragraphs(blob))


def test_a_stored_paragraph_of_an_unknown_kind_is_indexed_as_text() -> None:
    blob = zlib.compress(json.dumps([["t", "đi"], ["z", "về"], ["i", "a.jpg"]]).encode())
    assert stored_fts_values("T", None, None, blob)[3] == "di\nvề"
    assert fts_values("T", None, None, unpack_paragraphs(blob))[3] == "di\nvề"
