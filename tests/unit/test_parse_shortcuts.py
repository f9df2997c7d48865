"""The parser's shortcuts (issue 15, round 3) give exactly what the code they replace gave.

Each shortcut taken for speed (issue 15: the parser's CPU per file) is compared,
on arbitrary text built from the characters that matter, with the plain code it
stands for: cleaning (one scan for every step's characters, legacy words found by
plain searches), word counts, the day-and-month hint of the date patterns, the
photo-number test of the body, and the places' remembered and lazy readings.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardtui.corpus import clean
from wardtui.corpus.body import _PHOTO_NUMBER, _photo_number
from wardtui.corpus.date_patterns import DAY_MONTH, DAY_MONTH_HINT, RANGE, SHORT_YEAR_DATE
from wardtui.corpus.dates import _partial
from wardtui.corpus.model import word_count
from wardtui.places import gazetteer
from wardtui.places.names import Mention, longer_keys
from wardtui.places.placement import place_named
from wardtui.vntext import fold

# Characters every step of cleaning acts on, and their neighbours.
_SPECIAL = (
    "\xa0\u2003\u3000\u202f©»«µ¸¶·¹¨¾¼½Æ\xad\x1b[31m\x07\x0b\u200b\ufeff\u2028\t\n \r"
    "aAzZ019ảệĐđ\u0301\u0323ưƯ.-/"
)
_TEXT = st.text(alphabet=st.sampled_from(list(_SPECIAL)), max_size=60)


def _reference_clean(text: str) -> str:
    """clean._clean as it was before its fast path."""
    from wardtui.corpus.legacy import fix_legacy

    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        if clean._ACTED_ON.search(text) is None and unicodedata.is_normalized("NFC", text):
            return text
        text = fix_legacy(text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    text = clean.strip_controls(text)
    if clean._SPACES.search(text) is None:
        return text
    return clean._SPACES.sub(" ", text)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_clean_takes_only_the_steps_the_text_needs(text: str) -> None:
    assert clean._clean(text) == _reference_clean(text)


def test_clean_of_legacy_words_still_converts() -> None:
    # "Th«ng b¸o" in TCVN3: two legacy words, the converter runs.
    text = "Th«ng b¸o vÒ viÖc tæ chøc\u00a0héi nghÞ"
    assert clean._clean(text) == _reference_clean(text)
    assert "«" not in clean._clean(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab©»«µ ¸x\nZ")), max_size=40))
def test_legacy_words_are_the_pattern_matches(text: str) -> None:
    from wardtui.corpus.legacy import _LEGACY_WORD

    first = _LEGACY_WORD.search(text)
    expected = first is not None and _LEGACY_WORD.search(text, first.end()) is not None
    marks = set(text) & clean._LEGACY_MARKS
    assert clean._legacy_words(text, marks) == expected


@given(st.text(alphabet=st.sampled_from(list(" a\u00a0\t\nb\u2028ệ.")), max_size=40))
def test_word_count_is_the_split_count(text: str) -> None:
    assert word_count(text) == len(text.split())


_DATE_CHARS = list("0123 /.-ngàytừTừ sáng Hôm tháng,")
_DATE_TEXT = st.text(alphabet=st.sampled_from(_DATE_CHARS), max_size=50)


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT)
def test_a_text_without_the_hint_holds_no_day_and_month(text: str) -> None:
    if DAY_MONTH_HINT.search(text) is None:
        for pattern in (RANGE, SHORT_YEAR_DATE, DAY_MONTH):
            assert pattern.search(text) is None


def test_partial_still_reads_day_and_month() -> None:
    assert _partial("Sáng ngày 12/3, xã A tổ chức", [2024]) == (0, "2024-03-12")
    assert _partial("Không có ngày nào", [2024]) is None


@given(st.text(alphabet=st.sampled_from(list("ẢnhHình 12.-–ab")), max_size=30))
def test_photo_number_is_the_pattern(text: str) -> None:
    assert _photo_number(text) == (_PHOTO_NUMBER.search(text) is not None)


def _reference_longer_keys(text: str, name: str) -> tuple[str, ...]:
    """longer_keys without its test of the character before a hit."""
    from wardtui.places import names

    words = names._WORDS.findall(fold(name))
    if not words or words[0].isdigit():
        return ()
    folded = fold(unicodedata.normalize("NFC", text))
    needle, base = " ".join(words), "".join(words)
    keys: set[str] = set()
    at = folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        if names._UNIT_BEFORE.search(folded, max(0, at - 12), at) and (
            tail := names._TAIL.match(folded, end)
        ):
            keys.add(base + tail.group(1))
            if tail.group(2):
                keys.add(base + tail.group(1) + tail.group(2))
        at = folded.find(needle, end)
    return tuple(sorted(keys))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("xã phường an bAn\n\t San-")), max_size=50))
def test_longer_keys_is_the_plain_scan(text: str) -> None:
    for name in ("An", "An San", "Lâm"):
        assert longer_keys(text, name) == _reference_longer_keys(text, name)
        assert longer_keys(text, name, lambda: fold(text)) == longer_keys(text, name)


def test_regions_are_remembered_and_the_same() -> None:
    gaz = gazetteer()
    mention = Mention("province", ("longan",), 0)
    first = gaz.regions("old", [mention])
    assert gaz.regions("old", [Mention("province", ("longan",), 40)]) == first
    assert gaz.regions("new", [mention]) == gaz.regions("new", [mention])
    assert first and ("old", "province", ("longan",)) in gaz._regions_memo


def test_a_ward_no_list_holds_is_placed_without_reading_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from wardtui.places import placement as module

    calls: list[str] = []
    real = module.find_mentions  # type: ignore[attr-defined]

    def counting(text: str, folded: str | None = None) -> list[Mention]:
        calls.append(text)
        return real(text, folded)

    monkeypatch.setattr(module, "find_mentions", counting)
    text = "UBND xã Qưxyz, huyện Cần Giuộc, tỉnh Long An"
    unknown, longer = place_named("Qưxyz", "xã", "2024-01-01", text)
    assert (unknown.placed, unknown.candidates, longer) == (False, 0, None)
    assert calls == []  # no list holds the name: the text's places were never read
    evidence = "xã Mỹ Lộc, huyện Cần Giuộc, tỉnh Long An"
    placed, _ = place_named("Mỹ Lộc", "xã", "2024-01-01", evidence)
    assert calls  # a name several lists hold: the text's places choose
    assert placed.province == "Long An"


def test_unit_before_ends_with_whitespace() -> None:
    # longer_keys' cheap test relies on this: the pattern's last token is \s+$.
    from wardtui.places import names

    assert names._UNIT_BEFORE.pattern.endswith(r"\s+$")
    assert re.compile(names._UNIT_BEFORE.pattern).search("xa ")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("xã XÃ tp. TP Bình Long\n")), max_size=30)))
def test_is_place_reads_only_headers_with_a_unit_word(texts: list[str]) -> None:
    from wardtui.corpus.parse import _UNIT_BEFORE, _is_place

    for name in ("Bình Long", "Long"):
        pattern = re.compile(_UNIT_BEFORE + re.escape(name) + r"(?!\w)", re.IGNORECASE)
        assert _is_place(name, texts) == any(pattern.search(text) for text in texts)


def test_extends_is_any_longer_key() -> None:
    gaz = gazetteer()
    keys = {*gaz._by_name["old"], *gaz._by_name["new"]}
    for key in ("lam", "lamsan", "tanphu", "qxyz", "", "anbinh", "zzzz", "1"):
        assert gaz.extends(key) == any(k.startswith(key) and k != key for k in keys)


def test_a_name_no_key_extends_is_not_read_longer() -> None:
    # "xã Lâm san": Lâm is read longer (Lâm San); a name no key extends never is.
    text = "Trao quà tại xã Lâm san và xã Qưxyz bên sông"
    assert place_named("Lâm", "xã", "2024-01-01", text)[1] == "Lâm San"
    assert longer_keys(text, "Qưxyz") == ("quxyzben", "quxyzbensong")  # no list holds them
    assert place_named("Qưxyz", "xã", "2024-01-01", text) == (
        place_named("Qưxyz", "xã", "2024-01-01", "xã Qưxyz")
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("xXãÃphườngPHƯỜNG.T thị trấn THỊ TRẤN Tân3"))))
def test_a_text_without_a_unit_key_names_no_ward(text: str) -> None:
    from wardtui.corpus import wards

    if wards._ANY_KEY.search(text) is None:
        assert wards._unit_starts(text) == []
        assert wards.find_mentions(text) == []


@given(st.lists(st.sampled_from(["text", "caption", "image"]), max_size=8))
def test_two_texts_is_the_count(kinds: list[str]) -> None:
    from wardtui.corpus.body import _two_texts
    from wardtui.corpus.model import Paragraph

    paragraphs = [Paragraph("x", kind) for kind in kinds]  # type: ignore[arg-type]
    assert _two_texts(paragraphs) == (kinds.count("text") >= 2)


@given(st.text(alphabet=st.sampled_from(list(" ,-–a.")), max_size=6))
def test_may_glue_is_the_pattern(text: str) -> None:
    from wardtui.places.settle import _REGION_GLUE, _may_glue

    for end in range(len(text) + 1):
        assert _may_glue(text, end) == (_REGION_GLUE.match(text, end) is not None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("TânPhú Mỹ-lo'’ MGAR x")), max_size=30))
def test_capitalised_prefix_with_remembered_syllables(raw: str) -> None:
    from wardtui.corpus import wards

    parts = wards._SPLIT_NAME.split(raw)
    kept = 0
    for i in range(0, len(parts), 2):
        if not wards._is_syllable(parts[i]):
            break
        kept = i + 1
    wards.name_cache_clear()
    assert wards._capitalised_prefix(raw) == "".join(parts[:kept])
    wards._capitalised_prefix.cache_clear()  # the words are remembered now: again
    assert wards._capitalised_prefix(raw) == "".join(parts[:kept])
