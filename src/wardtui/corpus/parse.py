"""One file to one article.

:func:`parse_text` works on the classified lines of :mod:`.lines`:

1. the *lead* is the first line that reads as running text (long, several
   sentences, or opening with an event date or a source tag like ``(QNO) -``);
2. every text line before it is a headline *candidate*, ranked by the features
   and weights of :mod:`.scoring`; the best one is the title, or, when none is
   good enough, the lead's first sentence is;
3. the *body* (:mod:`.body`) runs from the line after the title to the first line that ends an
   article (related lists, comment forms, tags, footers); furniture is dropped,
   image names become ``image`` entries and photo captions ``caption``s (their
   ``Ảnh: X`` credits removed); the last short lines give the byline and credit
   (:mod:`.bylines`);
4. the date (:mod:`.dates`), the ward (:mod:`.wards`) and the id are derived.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..vntext import fold, is_upper_text
from . import furniture as fx
from . import glued as gx
from . import scoring
from .body import body
from .bylines import looks_like_name, parse_byline
from .clean import clean_text
from .dates import article_date
from .decode import decode_bytes
from .lines import Line, classify
from .model import Article, Skipped, word_count
from .titles import first_sentence, sentence_case
from .wards import find_mentions, subject_ward

MAX_FILE_BYTES = 16 * 1024 * 1024
MIN_ARTICLE_WORDS = 12
MAX_WARD_SCAN = 8_000  # characters of body text scanned for ward mentions
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ])")
_FURNITURE_BEFORE = ("stamp", "menu", "section", "breadcrumb", "banner", "menu_heading")
_CHUYEN_MUC = re.compile(r"^chuyên\s+mục\s*[:：]\s*\S", re.IGNORECASE)


_OTHER_WHITESPACE = re.compile(
    "[\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)


def article_id(text: str) -> str:
    """A short id from the article's text (whitespace-insensitive), stable across moves.

    The id hashes ``" ".join(text.split())`` in UTF-8; splitting the bytes gives the
    same words, faster, when the only whitespace is ASCII (always, after cleaning).
    """
    if _OTHER_WHITESPACE.search(text) is None:
        flat = b" ".join(text.encode("utf-8").split())
    else:
        flat = " ".join(text.split()).encode("utf-8")
    return hashlib.blake2b(flat, digest_size=8).hexdigest()[:10]


def _clean_article_id(text: str) -> str:
    """:func:`article_id` of cleaned text, whose only non-ASCII whitespace can be these
    three (clean_text removes or replaces the others): no regex scan of the page."""
    if "\u2028" in text or "\u2029" in text or "\u1680" in text:
        return article_id(text)
    flat = b" ".join(text.encode("utf-8").split())
    return hashlib.blake2b(flat, digest_size=8).hexdigest()[:10]


def _is_paragraph(text: str, next_is_stamp: bool) -> bool:
    """Does ``text`` read as running text (the lead) rather than a headline?"""
    words = word_count(text)
    if next_is_stamp and words <= 60:
        return False
    if gx.source_tag(text) and words >= 8:
        return True
    if fx.LEAD_CUE.match(text):
        return True
    if words >= 36:
        return True
    if words >= 15 and text.rstrip()[-1:] in ".!?…" and _SENTENCE_SPLIT.search(text) is not None:
        return True
    return words >= 20 and text.rstrip()[-1:] in ".!?…" and text[:1].isupper()


def _find_lead(lines: list[Line]) -> int | None:
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _is_paragraph(line.text, nxt is not None and nxt.kind == "stamp"):
            return i
    return None


@dataclass(slots=True)
class _Head:
    title: str | None
    title_index: int
    category: str | None
    author: str | None


MAX_CANDIDATES = 15  # headline candidates: the text lines nearest the lead


def _neighbour(lines: list[Line], i: int, step: int) -> Line | None:
    """The nearest line before (step -1) or after (step 1) ``i`` that is not a tool or junk."""
    j = i + step
    for _ in range(8):
        if not 0 <= j < len(lines):
            return None
        if lines[j].kind not in ("tool", "junk"):
            return lines[j]
        j += step
    return None


def _header(lines: list[Line], lead: int) -> _Head:
    """Choose the title among the text lines before the lead."""
    texts = [i for i in range(lead) if lines[i].kind == "text"][-MAX_CANDIDATES:]
    if not texts:  # no candidate: no title, no category but the breadcrumbs' or a label's
        return _Head(None, -1, _category(lines, lead, None), None)
    folded = [fold(lines[i].text) for i in texts]
    seen = Counter(folded)
    lead_text = lines[lead].text if lead < len(lines) else ""
    lead_key = fold(lead_text[:400])
    lead_words = scoring.words_of(lead_text[:600])
    candidates: list[scoring.Candidate] = []
    for pos, i in enumerate(texts):
        text = gx.strip_section(lines[i].text)
        before = _neighbour(lines, i, -1)
        after = _neighbour(lines, i, 1)
        doubled = fx.is_doubled(text)
        f = scoring.features(
            doubled or text,
            distance=len(texts) - 1 - pos,
            stamp_after=after is not None and after.kind in ("stamp", "source"),
            after_furniture=before is not None and before.kind in _FURNITURE_BEFORE,
            repeated=bool(doubled) or seen[folded[pos]] > 1 or folded[pos] == lead_key,
            is_section=folded[pos] in gx.SECTIONS or fx.is_menu_item(text),
            is_name=looks_like_name(text),
            has_ward=bool(find_mentions(text)),
            lead_words=lead_words,
        )
        candidates.append(scoring.Candidate(i, doubled or text, f))
    chosen = scoring.best(candidates)
    category = _category(lines, lead, chosen)
    author = None
    if chosen is not None:
        for i in texts:
            if i > chosen.index:
                byline = parse_byline(lines[i].text)
                if (
                    byline
                    and byline.author
                    and looks_like_name(byline.author.split(" (")[0])
                    and not _is_place(byline.author, [lines[j].text for j in texts])
                ):
                    author = author or byline.author
                    lines[i].kind = "byline"
        for i in range(chosen.index + 1, lead):
            if lines[i].kind == "text" and (
                _HEADER_META.match(lines[i].text) or scoring.is_office_name(lines[i].text)
            ):
                lines[i].kind = "junk"  # the page's metadata between headline and lead
        return _Head(chosen.text, chosen.index, category, author)
    return _Head(None, -1, category, None)


# A page's metadata printed between its headline and its lead: an ISO time, an address.
_HEADER_META = re.compile(
    r"^(?:https?://\S+|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+\-]\d{2}:?\d{2})?)$"
)
_UNIT_BEFORE = r"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh|TP\.?|TX\.?)\s+"
_ANY_UNIT = re.compile(_UNIT_BEFORE, re.IGNORECASE)


def _is_place(name: str, texts: list[str]) -> bool:
    """Does the page's header write ``name`` after a unit word (``UBND thị xã Bình Long``)?"""
    # The pattern starts with a unit word: a header without one needs no pattern of its
    # own (compiling one costs a tenth of a millisecond).
    texts = [text for text in texts if _ANY_UNIT.search(text)]
    if not texts:
        return False
    pattern = re.compile(_UNIT_BEFORE + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return any(pattern.search(text) for text in texts)


def _category(lines: list[Line], lead: int, chosen: scoring.Candidate | None) -> str | None:
    """A ``Chuyên mục:`` label, a section heading before the title, or a breadcrumb's tail."""
    limit = chosen.index if chosen else lead
    crumbs: list[str] | None = None
    heading = None
    for line in lines[:limit]:
        if line.kind == "text" and _CHUYEN_MUC.match(line.text):
            return line.text.split(":", 1)[-1].split("：", 1)[-1].strip() or None
        if line.kind == "breadcrumb":
            crumbs = fx.breadcrumb(line.text)
        elif line.kind == "text" and not fx.is_menu_item(line.text):
            doubled = fx.is_doubled(line.text)
            section = doubled or line.text
            if (doubled or is_upper_text(section)) and len(section.split()) <= 12:
                heading = section
    for line in lines[limit : lead + 1]:
        if line.kind == "text" and _CHUYEN_MUC.match(line.text):
            return line.text.split(":", 1)[-1].split("：", 1)[-1].strip() or None
    if heading:
        return heading
    if crumbs:
        title = fold(chosen.text) if chosen else None
        tail = [c for c in crumbs[1:] if fold(c) != title]
        return tail[-1] if tail else None
    return None


def parse_text(text: str, source: str = "", encoding: str = "utf-8") -> Article:
    """Parse text into an :class:`Article`; raises :class:`Skipped` when it holds none.

    The text is cleaned first (:func:`.clean.clean_text`: NFC, no controls), so
    callers may pass raw decoded text.
    """
    return _parse_clean(clean_text(text), source, encoding)


_ETH = str.maketrans("Ðð", "Đđ")


def _parse_clean(text: str, source: str, encoding: str) -> Article:
    """:func:`parse_text` on text that :func:`.clean.clean_text` has already cleaned."""
    page = text
    if "Ð" in text or "ð" in text:  # an eth for Đ/đ (Khánh Bình Ðông): Vietnamese has none
        text = text.translate(_ETH)
    lines = classify(text)
    lead = _find_lead(lines)
    if lead is None:
        indexes = [i for i, line in enumerate(lines) if line.kind == "text"]
        if not indexes:
            raise Skipped("no article text (page furniture only)")
        sentences = [
            i for i in indexes if lines[i].text[-1:] in ".!?…" and len(lines[i].text.split()) >= 8
        ]
        lead = sentences[0] if sentences else indexes[min(1, len(indexes) - 1)]
    head = _header(lines, lead)
    start = lead if head.title is None else head.title_index + 1
    if head.title is not None and _keeps_title(lines, head.title_index):
        start = head.title_index
    header_stamps = [ln.stamp or ln.text for ln in lines[:start] if ln.kind == "stamp"]
    credit = _lead_credit(lines, start) or next(
        (ln.text for ln in lines[: start + 3] if ln.kind == "source"), None
    )
    paragraphs, body_stamps, byline = body(lines[start:])
    texts = [p.text for p in paragraphs if p.kind == "text"]
    if not _has_words(texts, MIN_ARTICLE_WORDS):
        raise Skipped("no article text (page furniture only)")
    if head.title is None:
        title = first_sentence(texts[0])
        subject_line = title
    else:
        title = head.title.strip()
        subject_line = title
        if (
            paragraphs
            and paragraphs[0].kind == "text"
            and fold(paragraphs[0].text) == fold(title)
            and not _keeps_title(lines, head.title_index)
        ):
            paragraphs.pop(0)
            texts = [p.text for p in paragraphs if p.kind == "text"]
    original = None
    if is_upper_text(title) and len(title.split()) >= 2:
        original = title
        title = sentence_case(title, _joined(texts[:6], 5_000))
    author = head.author or byline.author
    credit = credit or byline.credit
    date = article_date(header_stamps + body_stamps, subject_line, texts[:1], texts[1:2], texts[2:])
    body_text = _joined(texts[1:], MAX_WARD_SCAN)
    lead_text = texts[0][:MAX_WARD_SCAN] if texts else ""
    ward = subject_ward(subject_line[:MAX_WARD_SCAN], lead_text, body_text, author or credit)
    if ward is None:  # the text names none: a photo caption may ("… tại ấp A, xã B")
        captions = _joined([p.text for p in paragraphs if p.kind == "caption"], MAX_WARD_SCAN)
        ward = subject_ward("", "", captions) if captions else None
    return Article(
        id=_clean_article_id(page),
        title=title,
        paragraphs=tuple(paragraphs),
        ward=ward[0] if ward else None,
        unit=ward[1] if ward else None,
        date=date,
        author=author,
        category=head.category,
        source=source,
        encoding=encoding,
        credit=credit,
        title_original=original,
    )


def _joined(texts: list[str], limit: int) -> str:
    """The first ``limit`` characters of ``texts`` joined by spaces, without joining them all."""
    parts: list[str] = []
    size = 0
    for text in texts:
        parts.append(text[: limit - size])
        size += len(parts[-1]) + 1
        if size >= limit:
            break
    return " ".join(parts)


def _has_words(texts: list[str], enough: int) -> bool:
    """At least ``enough`` words in ``texts`` (counting stops as soon as there are)."""
    count = 0
    for text in texts:
        count += text[:400].count(" ") + 1
        if count >= enough:
            return True
    return False


def _keeps_title(lines: list[Line], index: int) -> bool:
    """A chosen title that is the lead's first sentence stays in the body."""
    text = lines[index].text
    nxt = next((ln for ln in lines[index + 1 :] if ln.kind not in ("tool", "junk")), None)
    return (
        text.rstrip()[-1:] in ".!?"
        and len(text.split()) >= 12
        and not (nxt is not None and nxt.kind == "stamp")
    )


def _lead_credit(lines: list[Line], start: int) -> str | None:
    """Take a source tag (``(QNO) -``, ``TPO -``) off the first body line; return it."""
    for line in lines[start:]:
        if line.kind != "text":
            continue
        tagged = gx.source_tag(line.text)
        if tagged is None:
            if line.text.startswith(("- ", "– ")) and len(line.text.split()) >= 8:
                line.text = line.text[2:].lstrip()
            return None
        line.text = tagged[1].lstrip(" -–—")
        return tagged[0]
    return None


def parse_bytes(data: bytes, source: str = "") -> Article:
    """Decode and parse one file's bytes; raises :class:`Skipped`."""
    if len(data) > MAX_FILE_BYTES:
        raise Skipped(f"too large for an article ({len(data) / 1_048_576:.0f} MB)")
    decoded = decode_bytes(data)  # cleaned by the decoder
    return _parse_clean(decoded.text, source, decoded.encoding)


def parse_file(path: Path) -> Article:
    """Read and parse one file; raises :class:`Skipped` (unreadable files too)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise Skipped(f"too large for an article ({size / 1_048_576:.0f} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise Skipped(f"unreadable ({error.strerror or error.__class__.__name__})") from None
    return parse_bytes(data, source=str(path))
