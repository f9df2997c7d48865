"""Bylines and credits: who wrote the article, and which source it credits.

A byline line gives an *author* (who signs: a person, ``Thanh Tâm``, ``MỸ LỆ``, ``Hải
Long - Lan Anh``, ``Huỳnh Điệp (TX)``, or an office signing alone, ``UBND phường Mỹ
Long``) or a *credit* (a source: ``Theo Báo Nhân Dân``, ``Nguồn: UBND xã``, ``T/h:
Trung tâm DVC xã A``, ``BBT-NHĐ``), or both
(``NKV (tin, ảnh: A & B)``). Labels (``Tin, ảnh:``, ``Tác giả:``, ``CTV``) are
dropped; an office after a person's name (``Name – MTTQ xã A``) is dropped too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vntext import fold, is_upper_text
from . import furniture as fx


@dataclass(frozen=True, slots=True)
class Byline:
    author: str | None = None
    credit: str | None = None


_LABEL = re.compile(
    r"^[\s(\[]*(?P<label>tin\s*(?:,|và|&|/|-)\s*ảnh|bài\s*(?:,|và|&|/|-)\s*ảnh|bài\s+và\s+ảnh|"
    r"tác\s+giả\s+bài\s+viết|tác\s+giả|người\s+viết|người\s+đăng|tin\s+bài|bài\s+viết|"
    r"phóng\s+viên|nhóm\s+pv|thực\s+hiện|trình\s+bày|biên\s+tập|tin|bài|pv|ctv|v)"
    r"\s*(?P<sep>[:：.,\-–]?)\s*(?P<name>.+?)[\s)\]]*$",
    re.IGNORECASE,
)
_CREDIT_LABEL = re.compile(
    r"^[\s(\[]*(?:(?:nguồn|theo)\s*(?P<inner>[^:：]{0,40}?)\s*[:：]\s*(?P<rest>.*)"
    r"|(?P<plain>nguồn|theo|t/h|tổng\s+hợp)\s*[:：]?\s+(?P<name>.+?))[\s)\]]*$",
    re.IGNORECASE,
)
_LINK_LABEL = re.compile(r"^(?:link\s+gốc|bài\s+gốc|nguồn\s+bài|link\s+bài\s+gốc)\s*[:：]", re.I)
_URL = re.compile(r"https?://([^/\s]+)\S*|www\.\S+", re.IGNORECASE)
_OFFICE = re.compile(
    r"^(?:UBND|HĐND|MTTQ|UBMTTQ|UB\s*MTTQ|Ủy\s+ban|Uỷ\s+ban|Đảng\s+ủy|Đảng\s+uỷ|Ban|BBT|Văn\s+phòng|"
    r"Công\s+an|Hội|Đoàn|Mặt\s+trận|Trạm|Trường|Bộ\s+phận|Phòng|Chi\s+bộ|Đài|Trung\s+tâm|Báo|"
    r"Tạp\s+chí|Cổng|Trang|Quân\s+sự|BCH|Tổ|Huyện\s+đoàn|Xã\s+đoàn|Thành\s+đoàn|Tỉnh\s+đoàn)\b"
)
_ABBREVIATED_OFFICE = re.compile(r"^(?:UBND|HĐND|MTTQ|UBMTTQ|BCH|BTV|BBT|ĐU|CA)\b")
_BOARD = re.compile(r"^(?:btv|bbt)\s+[\w.\-]{2,30}$", re.IGNORECASE)  # "btv camgiang"
_ABBREV_CREDIT = re.compile(r"^(?:BBT|BTV|VP|TT)[-–][A-ZĐ]{2,8}$")
_DOMAIN = re.compile(r"^[\w\-]+(?:\.[\w\-]+)*\.(?:vn|com|net|org|gov\.vn|com\.vn)$", re.I)
_PERSON_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][\w'’]*\.?$|^[A-ZĐ]\.[A-ZĐÀ-Ỹ\w]+$")
# Names joined by a dash (spaced or not: "Y Nhàn- Hữu Huy", "A.Kiều-P.Linh"), "&" or "và".
_NAME_JOIN = re.compile(r"\s*[-–—]\s*|\s+(?:&|và)\s+")
# "Tin Ngọc Mai – Ảnh Phó Bá Cường": the text's author, then the photos' (no colons).
_TEXT_AND_PHOTO = re.compile(
    r"^(?:tin|bài|bài\s+viết)\s*:?\s+(?P<name>[^:：]+?)\s*[-–—,;|]\s*(?:ảnh|hình)\s*:?\s+\S",
    re.IGNORECASE,
)
# A site account printed after "Tác giả:" ("quantrixa", "admin01 admin01").
_ACCOUNT = re.compile(r"^[a-z0-9_.]{3,30}(?: [a-z0-9_.]{3,30})?$")
# A name introduced by an honorific reads as running text (a caption, a cut-off sentence).
_HONORIFIC = re.compile(r"^(?:ông|bà|đồng\s+chí|đ/c|cụ)\s", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[!?…:;,]$")
_INITIAL_NAME = re.compile(r"^[A-ZĐ]\.[A-ZĐÀ-Ỹ][\wÀ-ỹ]*$")
_NAME_NOTE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<note>[^()]{1,60})\)\.?$")
_NAME_OFFICE = re.compile(r"^(?P<name>.+?)\s*[-–—]\s*(?P<office>.+)$")
_OFFICE_TITLE = re.compile(r"^(?:bi thu|chu tich|pho|truong|can bo|cong chuc|mttq)")
_V_LABEL = re.compile(r"^V\s*:")
_V_BYLINE = re.compile(r"^V\s*:\s*(?P<name>.+?)(?:\s+[A-Z]{1,2}\s*:.*)?$")
_INITIALS_THEN_NAMES = re.compile(r"^(?P<head>\S{1,12})\s*\((?P<inner>[^()]+)\)$")


# "Ủy ban Mặt trận Tổ quốc Việt Nam phường Long Xuyên": an office's full name, eleven words.
MAX_OFFICE_WORDS = 12


def looks_like_name(text: str) -> bool:
    """A person's name: 2–6 capitalised syllables (``Thanh Tâm``, ``MỸ LỆ``), or ``N.MINH``."""
    text = text.strip()
    if not text or len(text) > 50 or any(map(str.isdigit, text)):
        return False
    if _HONORIFIC.match(text):
        return False
    words = text.split()
    if len(words) == 1:
        # One word: an initial and a name (N.MINH, H.V) or a known abbreviation (PV).
        return bool(_INITIAL_NAME.match(text)) or text in ("PV", "CTV")
    if len(words) > 6 or (is_upper_text(text) and len(words) > 4):
        return False
    if fold(text) in fx.MENU_ITEMS or _ABBREVIATED_OFFICE.match(text):
        return False
    return all(_PERSON_WORD.match(w) for w in words)


def _names(text: str) -> str | None:
    """``A - B``, ``A & B``, ``A và B`` where each part is a name, else the one name."""
    parts = _NAME_JOIN.split(text)
    if all(looks_like_name(p) for p in parts):
        return text.strip()
    return None


def is_person(author: str) -> bool:
    """Does ``author`` name people (``Y Nhàn - Hữu Huy``, ``Huỳnh Điệp (TX)``), not an office?"""
    return _names(author.split(" (")[0]) is not None


def _person_with_note(text: str) -> str | None:
    """``Huỳnh Điệp (TX)``, ``Tâm Hạnh (Trung tâm TT-VH Phù Yên)``, ``Name – MTTQ xã A``."""
    m = _NAME_NOTE.match(text)
    if m and _names(m.group("name")):
        return f"{m.group('name').strip()} ({m.group('note')})"  # the note as printed
    m = _NAME_OFFICE.match(text)
    if m and _names(m.group("name")) and _is_office(m.group("office")):
        return m.group("name").strip()
    return None


def _is_office(text: str) -> bool:
    text = text.strip(" .")
    if _ABBREV_CREDIT.match(text):
        return True
    if _OFFICE.match(text):
        return len(text.split()) <= MAX_OFFICE_WORDS
    low = fold(text)
    return bool(_OFFICE_TITLE.match(low))


def _without_urls(text: str) -> str:
    """``text`` without its addresses (searched only when it can hold one)."""
    folded = text.casefold()
    return _URL.sub("", text) if "http" in folded or "www." in folded else text


def parse_byline(line: str) -> Byline | None:
    """The author and/or credit of a byline line, or ``None`` if it is not one."""
    if len(line) > 400:
        return None
    text = line.strip().strip("*_ ").rstrip(".")
    url = _URL.search(text) if "http" in text or "www." in text else None
    if url and _LINK_LABEL.match(text):
        return Byline(credit=url.group(1) or url.group(0))
    if not text or len(text.split()) > 14:
        return None
    if len(text) > 120 and len(_without_urls(text)) > 120:
        return None
    if _SENTENCE_END.search(text) and not text.endswith(")"):
        return None
    credit = _CREDIT_LABEL.match(text)
    if credit:
        if credit.group("plain"):
            name = credit.group("name").strip(" .")
            url = _URL.search(name)
            if url and url.start() == 0:
                return Byline(credit=url.group(1) or name)
            if fold(credit.group("plain")).startswith("theo") and not (
                _is_office(name)
                or looks_like_name(name)
                or name[:1].isupper()
                or _DOMAIN.match(name)
            ):
                return None
            return Byline(credit=name) if name else None
        inner = (credit.group("inner") or "").strip()
        rest = credit.group("rest") or ""
        if inner and (inner[:1].isupper() or inner.isupper()):
            return Byline(credit=inner)
        url = _URL.search(rest)
        if url:
            return Byline(credit=url.group(1) or rest.strip())
        return Byline(credit=rest.strip(" .")) if rest.strip() else None
    if _V_LABEL.match(text):  # "V: Name Q: Name" (viết / quay)
        m = _V_BYLINE.match(text)
        if m and _names(m.group("name")):
            return Byline(author=m.group("name").strip())
    both = _TEXT_AND_PHOTO.match(text)
    if both and _names(both.group("name")):
        return Byline(author=both.group("name").strip())
    labelled = _LABEL.match(text)
    if labelled and fold(labelled.group("label")) != "v":
        label = fold(labelled.group("label"))
        name = labelled.group("name").strip(" .,;-–()[]")
        if "(" in name and ")" not in name:
            name += ")"  # "Tin và ảnh: A (Hội LHPN xã B)": the note keeps its parenthesis
        if label in ("tin", "bai") and not labelled.group("sep"):
            labelled = None
        elif name:
            person = _names(name) or _person_with_note(name)
            if person:
                return Byline(author=person)
            if label.startswith("tac gia") and _ACCOUNT.match(name):
                return Byline(author=name)  # "Tác giả: quantrixa": the account that signs
            if _is_office(name) and label.startswith("tac gia"):
                return Byline(author=name)  # "Tác giả: Đoàn xã A": the office signs
            if label in ("pv", "ctv", "nhom pv") and not name:
                return Byline(author=labelled.group("label"))
            return None
    # "NKV (tin, ảnh: A & B)": initials, then the labelled names.
    m = _INITIALS_THEN_NAMES.match(text)
    if m:
        inner = parse_byline(m.group("inner"))
        if inner and inner.author:
            return inner
    if _ABBREV_CREDIT.match(text) or _BOARD.match(text):
        return Byline(credit=text)
    person = _names(text) or _person_with_note(text)
    if person:
        return Byline(author=person)
    if text[:1] == "(" and text[-1:] == ")" and "(" not in text[1:]:
        person = _names(text[1:-1])  # "(Thu Hằng)": the name in parentheses
        if person:
            return Byline(author=person)
    inner_text = text.strip("()[] ")
    if (
        _OFFICE.match(inner_text)
        and len(inner_text.split()) <= MAX_OFFICE_WORDS
        and not is_upper_text(inner_text)
    ):
        # An office signing the article (``UBND phường Mỹ Long``) is its byline; only
        # a source named with Theo/Nguồn/T/h or a tag is a credit.
        return Byline(author=inner_text)
    return None
