"""The body of an article: its paragraphs, the stamps inside it, its byline and credit.

:func:`body` reads the lines after the title: it stops at the first line that ends
an article (related lists, comment forms, tags, footers) unless it opens a related
box inside the article (``Bài liên quan`` and a few titles, then text again); it
drops lists of other articles without a heading and page furniture; image names
become ``image`` entries, photo captions ``caption``s without their ``Ảnh: X``
credit; the last short lines give the byline and the credit (:mod:`.bylines`).
"""

from __future__ import annotations

import re

from ..vntext import fold
from . import furniture as fx
from .bylines import Byline, is_person, parse_byline
from .lines import Line
from .model import Paragraph

_PHOTO_CREDIT = fx.PHOTO_CREDIT


def body(lines: list[Line]) -> tuple[list[Paragraph], list[str], Byline]:
    """Paragraphs, stamps found in the body, and the byline/credit at its end."""
    end = len(lines)
    seen_text = False
    for i, line in enumerate(lines):
        if line.kind == "text":
            seen_text = True
        elif seen_text and line.kind in ("end", "menu_heading"):
            resume = _inline_box_end(lines, i)
            if resume is None:
                end = i
                break
            for boxed in lines[i:resume]:
                boxed.kind = "junk"
    _mark_title_lists(lines, end)
    _mark_captions(lines, end)
    paragraphs: list[Paragraph] = []
    stamps: list[str] = []
    after_image = False
    for line in lines[:end]:
        if line.kind == "stamp":
            stamps.append(line.stamp or line.text)
            continue
        if line.kind == "image":
            names = fx.image_names(line.text)
            paragraphs.extend(Paragraph(name, "image") for name in names)
            # alt text or a widget's image label is no photo: the next line is not its caption
            after_image = bool(names)
            continue
        if line.kind == "caption":
            text = _strip_photo_credit(line.text)
            if text:
                paragraphs.append(Paragraph(text, "caption"))
            continue
        if line.kind != "text":
            continue
        text = line.text
        names = fx.image_names(text)
        if names:
            paragraphs.extend(Paragraph(name, "image") for name in names)
            text = fx._IMAGE_NAME.sub("", text).strip(" ,;|-")
            after_image = True
            if not text:
                continue
        credited = _has_photo_credit(text)
        if credited or fx.is_caption(text, after_image=after_image):
            stripped = _strip_photo_credit(text) if credited else text
            if stripped:
                paragraphs.append(Paragraph(stripped, "caption"))
        else:
            paragraphs.append(Paragraph(text, "text"))
        after_image = False
    return paragraphs, stamps, _take_byline(paragraphs)


# "Một số hình ảnh:", "Dưới đây là một số hình ảnh tại buổi lễ:": a gallery follows.
_GALLERY = re.compile(
    r"^(?:dưới\s+đây\s+là\s+|sau\s+đây\s+là\s+)?(?:một\s+số\s+)?(?:hình\s+ảnh|ảnh)\b[^.!?:]{0,60}:$",
    re.IGNORECASE,
)
# "Nhà văn hóa thôn Miếu (Thụy Chính).": a paper's caption names its place at the end.
_PLACE_TAGGED = re.compile(r"\s\([A-ZĐÀ-Ỹ][^()]{1,30}\)\.$")
_PHOTO_NUMBER = re.compile(r"(?:^|[-–]\s*)(?:Ảnh|Hình)\s*\d{1,2}\.?$")
_SPACED_FILE = re.compile(r"\s\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)


def _photo_number(text: str) -> bool:
    """Does ``text`` end with a photo's number (:data:`_PHOTO_NUMBER`)? The words the
    pattern needs are looked for first: most lines ending with a stop hold neither."""
    return ("Ảnh" in text or "Hình" in text) and _PHOTO_NUMBER.search(text) is not None
_CAPTION_WORDS = 30  # a caption is short; a longer line is the article again


def _is_short_unstopped(text: str) -> bool:
    """A short line without a final stop: a caption, a heading or a name."""
    return text.count(" ") < 25 and text[-1:] not in _OPEN_ENDING


def _mark_captions(lines: list[Line], end: int) -> None:
    """Photo captions that read like text: the lines of a gallery (after ``Một số hình
    ảnh:``, which goes), a short line written twice in a row (the image's alt text and its
    caption: one goes), a short line without a final stop just before an image or alone
    between two paragraphs, and a short line ending with its place in parentheses."""
    i = 0
    while i < end:
        line = lines[i]
        if line.kind not in ("text", "image"):
            i += 1
            continue
        text = line.text
        nxt = lines[i + 1] if i + 1 < end else None
        if (text[-1:] in "0123456789." and _photo_number(text)) or (
            line.kind == "text" and text[-1:] in "gGfFpP" and _SPACED_FILE.search(text)
        ):
            # "Hình 1", "<headline>- Ảnh 2.", "Trao quà cho hộ nghèo .jpg": a photo's number,
            # its alt text or its file name written with spaces, then its caption
            line.kind = "junk" if line.kind == "text" else line.kind
            if (
                nxt is not None
                and nxt.kind == "text"
                and _is_short_unstopped(nxt.text)
                and fx.is_caption(nxt.text, after_image=True)
            ):
                nxt.kind = "caption"
                i += 1
            i += 1
            continue
        if line.kind != "text":
            i += 1
            continue
        if text[-1:] == ":" and _GALLERY.match(text):
            line.kind = "junk"
            j = i + 1
            while j < end and lines[j].kind in ("text", "caption", "image"):
                item = lines[j]
                if item.kind == "text":
                    if item.text.count(" ") >= _CAPTION_WORDS or parse_byline(item.text):
                        break
                    item.kind = "caption"
                j += 1
            i = j
            continue
        if text[-2:] == ")." and text.count(" ") < 20 and _PLACE_TAGGED.search(text):
            line.kind = "caption"
            i += 1
            continue
        if (
            nxt is not None
            and nxt.kind == "text"
            and nxt.text == text
            and text.count(" ") < _CAPTION_WORDS
        ):
            line.kind = "junk"  # with or without a final stop: no sentence is printed twice
            nxt.kind = "caption"
            i += 2
            continue
        if (
            text[:1] == "("
            and text[-1:] == ")"
            and nxt is not None
            and nxt.kind == "text"
            and text.count(" ") < _CAPTION_WORDS
            and "(" not in text[1:]
            and parse_byline(text) is None
        ):
            line.kind = "caption"  # "(Quang cảnh lớp học)" between two paragraphs
            i += 1
            continue
        if nxt is not None and _is_short_unstopped(text):
            before_image = nxt.kind == "image" and text.count(" ") >= 2
            if before_image or (i > 0 and _between_paragraphs(text, lines[i - 1], nxt)):
                line.kind = "caption"
        i += 1


def _between_paragraphs(text: str, before: Line, after: Line) -> bool:
    """A line of 6-20 words without a final stop alone between two paragraphs of the
    article (the photo between them was lost): a caption. Shorter lines there are more
    often subheadings (``Xứ đạo yên bình``), all-caps ones headings."""
    return (
        5 <= text.count(" ") < 20
        and before.kind == "text"
        and after.kind == "text"
        and before.text[-1:] in '.!?…”"'
        and before.text.count(" ") >= 15
        and after.text.count(" ") >= 15
        and not text.isupper()
    )


def _has_photo_credit(text: str) -> bool:
    tail = text[-120:]
    return fx.credit_word_in(tail) and _PHOTO_CREDIT.search(tail) is not None


def _strip_photo_credit(text: str) -> str:
    if not fx.credit_word_in(text[-120:]):
        return text.strip()
    head, tail = text[:-120], text[-120:]
    return (head + _PHOTO_CREDIT.sub("", tail)).strip()


_PLACE_TITLE = re.compile(r"^[A-ZĐ][\wÀ-ỹ]*(?: [A-ZĐ][\wÀ-ỹ]*){0,3} ?: ?[A-ZĐÀ-Ỹ\"“]")
_OPEN_ENDING = '.!?…:;,”")'


def _is_list_title(text: str) -> bool:
    """A headline-like line of a list of other articles: 6-40 words, no closing stop."""
    words = text.count(" ") + 1
    return 6 <= words <= 40 and text[-1:] not in _OPEN_ENDING


def _mark_title_lists(lines: list[Line], end: int) -> None:
    """Lists of other articles without a heading: ``Tỉnh A: Headline`` lines inside the
    body, or a block of 3+ headline-like lines after a blank line at the very end."""
    i = 0
    while i < end:
        j = i
        while (
            j < end
            and lines[j].kind == "text"
            and _PLACE_TITLE.match(lines[j].text)
            and (_is_list_title(lines[j].text))
        ):
            j += 1
        if j - i >= 2:
            for line in lines[i:j]:
                line.kind = "junk"
        i = max(j, i + 1)
    texts = [k for k in range(end) if lines[k].kind == "text"]
    run = 0
    for k in reversed(texts):
        if not _is_list_title(lines[k].text):
            break
        run += 1
        if lines[k].blank_before:
            break
    if run >= 3 and len(texts) > run + 1:
        first = texts[-run]
        if lines[first].blank_before:
            for k in texts[-run:]:
                lines[k].kind = "junk"


_INLINE_HEADINGS = frozenset(
    fold(h)
    for h in ("Bài liên quan", "Tin liên quan", "Đọc thêm", "Xem thêm", "Có thể bạn quan tâm")
)


def _inline_box_end(lines: list[Line], i: int) -> int | None:
    """Where the article resumes after a related box inside it (``Bài liên quan`` and a few
    titles, then running text again), or ``None`` when the heading ends the article."""
    if fold(lines[i].text.strip(" :.…")) not in _INLINE_HEADINGS:
        return None
    caption: int | None = None  # the article's photo (caption with "Ảnh: X") after the box
    for j in range(i + 1, min(len(lines), i + 8)):
        line = lines[j]
        words = line.text.count(" ") + 1
        if line.kind == "text" and words >= 30 and line.text[-1:] in '.!?…”"':
            return j if caption is None else caption
        if line.kind == "caption" or (line.kind == "text" and _has_photo_credit(line.text)):
            caption = j if caption is None else caption
            continue
        if line.kind == "text" and (words > 25 or line.text[-1:] in ".!?"):
            return None
    return None


def _take_byline(paragraphs: list[Paragraph]) -> Byline:
    """Remove the byline lines at the end of ``paragraphs``; return author and credit."""
    author: str | None = None
    credit: str | None = None
    taken = 0
    while paragraphs and taken < 3:
        last = paragraphs[-1]
        if last.kind == "image":
            paragraphs.pop()
            continue
        if last.kind == "text" and not _two_texts(paragraphs):
            break
        byline = parse_byline(last.text)
        if byline is None:
            break
        if (byline.author and author is None and credit is None) or (byline.author and not author):
            author = byline.author
        elif byline.author and author and is_person(byline.author) and not is_person(author):
            author = byline.author  # names above their office's line: the people sign
        if byline.credit and credit is None:
            credit = byline.credit
        paragraphs.pop()
        taken += 1
    if author is None and credit is None:
        return _glued_byline(paragraphs)
    if author is not None and credit is None and is_person(author):
        author = _teaser_before(paragraphs) or author
    return Byline(author, credit)


def _two_texts(paragraphs: list[Paragraph]) -> bool:
    """Are two of ``paragraphs`` running text? (Counting stops at the second.)"""
    seen = False
    for paragraph in paragraphs:
        if paragraph.kind == "text":
            if seen:
                return True
            seen = True
    return False


def _teaser_before(paragraphs: list[Paragraph]) -> str | None:
    """``text / Name / teaser / Name2`` at the end: the first name signs the article and a
    related article's teaser follows it (its own byline, ``Name2``, is already taken).
    The teaser goes; the first name is returned."""
    if len(paragraphs) < 3 or any(p.kind != "text" for p in paragraphs[-3:]):
        return None
    teaser = paragraphs[-1].text
    if teaser.count(" ") < 15 or teaser[-1:] not in ".!?…":
        return None
    byline = parse_byline(paragraphs[-2].text)
    if byline is None or not byline.author or not is_person(byline.author):
        return None
    del paragraphs[-2:]
    return byline.author


# "… việc tang… (Diễm Quỳnh)": a name in parentheses after the last sentence's end.
_GLUED_BYLINE = re.compile(r"(?<=[.!?…”\"])\s*\((?P<name>[^()]{3,60})\)$")


def _glued_byline(paragraphs: list[Paragraph]) -> Byline:
    """The byline in parentheses glued to the end of the last paragraph, removed from it."""
    last = paragraphs[-1] if paragraphs else None
    if last is None or last.kind != "text" or not last.text.endswith(")"):
        return Byline()
    m = _GLUED_BYLINE.search(last.text)
    byline = parse_byline(m.group("name")) if m else None
    if m is None or byline is None or not (byline.author and is_person(byline.author)):
        return Byline()
    paragraphs[-1] = Paragraph(last.text[: m.start()].rstrip(), last.kind)
    return byline
