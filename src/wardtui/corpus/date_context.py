"""What the words just before a date or a year say about it, for :mod:`.dates`.

A date inside a document reference (``Kế hoạch số 12/KH-UBND ngày 3/4/2023``), a
deadline set for readers (``trước ngày 30/6``) or the year a plan aims at (``mục tiêu
đến năm 2030``) is not the article's date. Each test reads the text before the date;
a look for the words the pattern needs (case aside) comes before the pattern's search.
"""

from __future__ import annotations

import re

# A document reference just before a date: "số 12/KH-UBND ngày", "Quyết định … ngày".
_DOC_REF = re.compile(
    r"(?:\bsố\s*:?\s*[\w./\-]*\d[\w./\-]*|\d+/[A-ZĐ][\w\-/]*|\d+-[A-ZĐ]{1,6}/[\w\-/]*|"
    r"\b(?:kế hoạch|quyết định|nghị quyết|nghị định|công văn|thông báo|chỉ thị|thông tư|"
    r"hướng dẫn|tờ trình|luật|văn bản|kết luận|quy định)(?:\s+(?:của|liên tịch)\s+[^,.;:]{0,30})?)"
    r"\s*,?\s*(?:ban hành\s+|ký\s+)?(?:ngày\s*)?$",
    re.IGNORECASE,
)

# What every document reference holds (case folded): "số", a "/" (``12/KH-UBND``) or the
# name of a kind of document. Searching _DOC_REF (anchored at the end) tries every
# position of the window; most windows hold none of these and are not searched.
_DOC_REF_KEYS = (
    "số", "/", "kế hoạch", "quyết định", "nghị quyết", "nghị định", "công văn", "thông báo",
    "chỉ thị", "thông tư", "hướng dẫn", "tờ trình", "luật", "văn bản", "kết luận", "quy định",
)  # fmt: skip


def doc_ref(before: str) -> bool:
    """Does ``before`` (the text just before a date) end with a document reference?"""
    folded = before.casefold()
    for key in _DOC_REF_KEYS:
        if key in folded:
            return _DOC_REF.search(before) is not None
    return False


# A deadline or a window set for readers: "Thời gian từ ngày 19/8 đến …", "trước ngày 30/6".
_DEADLINE = re.compile(
    r"(?:\bthời\s+gian\s*:?\s*(?:từ\s+)?|\bthời\s+hạn\s*:?\s*(?:từ\s+|đến\s+)?|"
    r"\bthời\s+(?:gian|hạn)\s*:?\s*từ\s+(?:ngày\s*)?[\d/.\-\s]{3,12}(?:đến|tới|-|–)\s*|"
    r"\bhạn\s+(?:chót|cuối|nộp)\s*:?\s*|\bchậm\s+nhất\s+|\btrước\s+|\bđến\s+hết\s+)(?:ngày\s*)?$",
    re.IGNORECASE,
)
# A year a plan aims at ("bàn phương hướng … năm 2026", "mục tiêu đến năm 2030") is not
# the year the article happens in; the clause before the year (up to 120 characters) tells.
_PLAN = re.compile(
    r"\b(?:phương\s+hướng|định\s+hướng|tầm\s+nhìn|mục\s+tiêu|chỉ\s+tiêu|dự\s+kiến|kế\s+hoạch|"
    r"đến\s+năm)\b[^.;!?]*$",
    re.IGNORECASE,
)


_PLAN_KEYS = ("hướng", "tầm nhìn", "tiêu", "dự kiến", "kế hoạch", "đến năm")
_DEADLINE_KEYS = ("thời", "hạn", "trước", "chậm", "đến hết")


def plan_year(text: str, start: int) -> bool:
    window = text[max(0, start - 120) : start]
    low = window.lower()
    return any(k in low for k in _PLAN_KEYS) and _PLAN.search(window) is not None


def deadline(before: str) -> bool:
    low = before.lower()
    return any(k in low for k in _DEADLINE_KEYS) and _DEADLINE.search(before) is not None
