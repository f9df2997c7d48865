"""How the headline is chosen: features of a candidate line, and their weights.

Every text line before the lead paragraph is a *candidate*. Each gets a score,
the sum of ``WEIGHTS[feature] * value`` over the features below; the best
candidate becomes the title when its score reaches :data:`THRESHOLD`, otherwise
the article has no headline and its title is the lead's first sentence. The
weights were fitted by hand on the development set of real pages (issue 10:
``scripts/score_devset.py``), one feature at a time, keeping every sample and
test right; they live here, in one place, so that a change is one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vntext import fold, is_upper_text
from . import furniture as fx
from .model import word_count

THRESHOLD = 1.0

WEIGHTS: dict[str, float] = {
    # Where the line stands.
    "near_lead": 1.0,  # 3 for the line right before the lead, 2, 1, then 0
    "stamp_after": 2.5,  # a publication stamp or a paper's tag follows: headline, then stamp
    "after_furniture": 1.0,  # right after a stamp, a section name, a menu or a banner
    "repeated": 1.5,  # the same line is written twice (a headline printed twice)
    # What the line looks like.
    "good_length": 1.0,  # 4-35 words
    "short": -3.0,  # 1-2 words
    "three_words": -1.0,
    "too_long": -2.0,  # over 35 words: running text
    "short_caps": -1.0,  # ALL CAPS and at most 4 words: a section heading
    "section": -4.0,  # a known section or menu name
    "name_like": -4.0,  # a person's name: a byline
    "office_name": -7.0,  # only an office's name (UBND thị xã Bình Long): a banner or a byline
    "sentence": -1.0,  # ends with a full stop and has 15+ words: a lead sentence
    "short_stopped": -1.5,  # ends with a full stop and has 4-14 words: a photo caption
    "question": -2.0,  # a poll or a form question
    "photo_credit": -5.0,  # ends with "Ảnh: X": a photo caption
    "caption_like": -4.0,  # opens like a caption ("Quang cảnh …", "Nghi thức …")
    "colon_end": -3.0,  # announces a list
    "lowercase_start": -3.0,  # a wrapped fragment of a sentence
    "digits": -3.0,  # more than a third digits: counters, codes, dates
    # What the line says.
    "ward": 0.5,  # names a ward, commune or township
    "lead_overlap": 1.5,  # share of its words that the lead repeats
}

_WORD = re.compile(r"\w+")
# An office's name and nothing else: "UBND thị xã Bình Long", "Đảng ủy xã Tân Phú".
_OFFICE_NAME = re.compile(
    r"^(?:UBND|HĐND|[ỦU][yỷ]\s+ban\s+nhân\s+dân|Đảng\s+[ủu][yỷ])\s+"
    r"(?:phường|xã|thị\s+trấn|quận|huyện|thị\s+xã|thành\s+phố|tỉnh)\s+(?P<name>[^\W_][\w'’ ]*)$",
    re.IGNORECASE,
)
MAX_OFFICE_NAME_WORDS = 4


def is_office_name(text: str) -> bool:
    """Is ``text`` only an office's name, every word of the place's name capitalised?"""
    m = _OFFICE_NAME.match(text) if text[:1] in "UHỦUĐ" else None
    if m is None:
        return False
    name = m.group("name").split()
    return len(name) <= MAX_OFFICE_NAME_WORDS and all(w[:1].isupper() or w.isdigit() for w in name)


@dataclass(slots=True)
class Candidate:
    """A headline-like line and its features."""

    index: int
    text: str
    features: dict[str, float]

    @property
    def score(self) -> float:
        return sum(WEIGHTS[name] * value for name, value in self.features.items())


def features(
    text: str,
    *,
    distance: int,
    stamp_after: bool,
    after_furniture: bool,
    repeated: bool,
    is_section: bool,
    is_name: bool,
    has_ward: bool,
    lead_words: set[str],
) -> dict[str, float]:
    """The features of one candidate line (see :data:`WEIGHTS`)."""
    n = word_count(text)
    f: dict[str, float] = {"near_lead": float(max(0, 3 - distance))}
    if stamp_after:
        f["stamp_after"] = 1.0
    if after_furniture:
        f["after_furniture"] = 1.0
    if repeated:
        f["repeated"] = 1.0
    if n <= 2:
        f["short"] = 1.0
    elif n == 3:
        f["three_words"] = 1.0
    elif n <= 35:
        f["good_length"] = 1.0
    else:
        f["too_long"] = 1.0
    if n <= 4 and is_upper_text(text):
        f["short_caps"] = 1.0
    if is_section:
        f["section"] = 1.0
    if is_name:
        f["name_like"] = 1.0
    if is_office_name(text):
        f["office_name"] = 1.0
    end = text.rstrip()[-1:]
    if end == "." and n >= 15:
        f["sentence"] = 1.0
    elif end == "." and n >= 4:
        f["short_stopped"] = 1.0
    elif end == "?":
        f["question"] = 1.0
    elif end == ":":
        f["colon_end"] = 1.0
    first = text[:1]
    if first.isalpha() and first.islower():
        f["lowercase_start"] = 1.0
    digits = sum(map(str.isdigit, text))
    if digits * 3 > len(text.replace(" ", "")):
        f["digits"] = 1.0
    if has_ward:
        f["ward"] = 1.0
    if fx.credit_word_in(text) and fx.PHOTO_CREDIT.search(text):
        f["photo_credit"] = 1.0
    elif fx.CAPTION_START.match(text):
        f["caption_like"] = 1.0
    if lead_words:
        mine = {w for w in _WORD.findall(fold(text)) if len(w) > 1}
        if mine:
            f["lead_overlap"] = len(mine & lead_words) / len(mine)
    return f


def words_of(text: str) -> set[str]:
    """The folded words of ``text`` (for :func:`features`' ``lead_words``)."""
    return set(_WORD.findall(fold(text)))


def best(candidates: list[Candidate]) -> Candidate | None:
    """The best candidate if it reaches :data:`THRESHOLD` (ties: the one nearer the lead)."""
    if not candidates:
        return None
    top = max(candidates, key=lambda c: (c.score, c.index))
    return top if top.score >= THRESHOLD else None
