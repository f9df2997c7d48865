"""The search query language: what a user types in the search bar, parsed.

A query is a list of items separated by spaces. Nothing a user types is an
error: an item that cannot be understood is read literally or ignored, and a
*hint* says so.

``word``
    Every word must match somewhere (title, ward, byline or body), accents and
    case ignored: ``dan van kheo`` finds ``Dân vận khéo``, ``dang`` finds ``Đảng``.
    Words typed with accents rank articles with exactly those accents first
    (``hưởng`` above ``hương``). The last word may be unfinished (``kh`` finds
    ``khéo``; two letters at least) unless the query ends with a space. A word
    found nowhere is taken for a typo and matched, in titles, wards and bylines
    only, to the closest words there (one typo in words of four letters or
    more, two from eight; ``tayson`` is also read as ``tay son``). Bodies are
    matched precisely.
``"a phrase"``
    The words next to each other, in this order. An unclosed quote runs to the
    end of the query.
``-word``, ``-"a phrase"``, ``-field:value``
    Exclude the articles that match.
``ward:VALUE``
    The article's ward: ``ward:"mỹ long"``, ``ward:"my long"``, ``ward:12``
    (Phường 12), ``ward:"phường tây sơn"``. A value that names no ward exactly
    matches the wards whose name starts with it.
``province:VALUE``, ``district:VALUE``
    Where the article's ward is (issue 14; articles whose place is unknown match
    neither): ``province:"long an"``, ``province:"ho chi minh"``,
    ``district:"quận 3"``, ``district:"tan an"`` (the type word is optional). A
    value that names none exactly matches the names that start with it.
``unit:VALUE``
    ``unit:phường``, ``unit:xã`` (or ``unit:xa``), ``unit:"thị trấn"``.
``author:VALUE``
    The byline contains these words: ``author:"thanh tam"``.
``year:2023``, ``year:2019..2021``
    The year of the article's date (open ranges too: ``year:2020..``).
``date:2023-06``, ``date:2023-06-28``, ``date:2021..2023-06``, ``date:28/06/2023``
    The article's date, at the precision given; ranges include both ends.
``in:title``, ``in:body``, ``in:ward``, ``in:author``
    Where the words must match (several ``in:`` add up).
``is:bookmarked``, ``is:read``, ``is:unread``
    Only bookmarked articles (``-is:bookmarked``: none of them); only the articles
    read (or not yet read). Each names a set of article ids the caller passes to
    the search (:data:`FLAGS`); a set not passed is ignored with a hint.

Field names and values ignore accents and case. Bare ``AND``, ``OR``, ``NOT``,
``*`` or ``:`` mean nothing special: they are words (or, without any letter or
digit, ignored).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from ..vntext import fold, has_diacritics

__all__ = [
    "FLAGS",
    "MIN_PREFIX",
    "QUERY_HELP",
    "DateRange",
    "FieldFilter",
    "Query",
    "Term",
    "parse_query",
    "tokenize",
]

QUERY_HELP = """\
Search: type words; every word must match (accents and case optional).
  dan van kheo          finds "Dân vận khéo"; dang finds "Đảng"
  hưởng                 accents you type rank exact matches first
  tay sonn              one typo is forgiven in titles, wards and bylines
  "giai phong mat bang" a phrase: the words together, in order
  -covid  -"tin cu"     leave out articles with a word or a phrase
  ward:"my long"        ward:12  ward:"phường tây sơn"
  province:"long an"    district:"quận 3"  district:"tan an" (where the ward is)
  unit:xa               unit:phường  unit:"thị trấn"
  author:"thanh tam"    words of the byline
  year:2023             year:2019..2021
  date:2023-06          date:2021..2023  date:28/06/2023
  in:title  in:body     where the words must be (also in:ward, in:author)
  is:bookmarked         only your bookmarks; is:unread, is:read
  -ward:12  -year:2020  any field can be excluded too
The last word may be unfinished; end the query with a space to match it whole.
Best first: title and ward matches, then phrases, exact accents, newest."""

MIN_PREFIX = 2
"""A last word shorter than this is matched whole, never as a prefix."""

FieldName = Literal["ward", "unit", "author", "year", "date", "in", "is", "province",
                    "district"]
_FIELDS: dict[str, FieldName] = {
    "ward": "ward", "unit": "unit", "author": "author", "year": "year", "date": "date",
    "in": "in", "is": "is", "province": "province", "tinh": "province",
    "district": "district", "huyen": "district",
}
_IN_FIELDS = {
    "title": "title", "titles": "title", "tieu de": "title", "tieude": "title",
    "body": "body", "text": "body", "noi dung": "body",
    "ward": "ward", "author": "author", "byline": "author",
}
FLAGS: dict[str, tuple[str, bool]] = {
    "bookmarked": ("bookmarked", True), "bookmark": ("bookmarked", True),
    "bookmarks": ("bookmarked", True), "starred": ("bookmarked", True),
    "saved": ("bookmarked", True),
    "read": ("read", True), "unread": ("read", False),
}
"""``is:`` values: (the name of the id set, whether the article must be in it)."""
_UNITS = {"phuong": "phường", "p": "phường", "xa": "xã", "thi tran": "thị trấn",
          "thitran": "thị trấn", "tt": "thị trấn"}

_TOKEN = re.compile(r"[^\W_]+")


def tokenize(folded: str) -> list[str]:
    """The word tokens of already-folded text, as the full-text index sees them."""
    return _TOKEN.findall(folded)


@dataclass(frozen=True, slots=True)
class Term:
    """A word (or a phrase) to find.

    ``tokens`` are folded (``("giai", "phong")``); ``exact`` are the same tokens
    as typed, lower-case, with their accents; ``prefix`` says the last token may
    be unfinished.
    """

    text: str
    tokens: tuple[str, ...]
    exact: tuple[str, ...]
    phrase: bool = False
    prefix: bool = False

    @property
    def accented(self) -> bool:
        """True when the user typed accents in this term."""
        return any(has_diacritics(t) for t in self.exact)

    @property
    def single(self) -> bool:
        return len(self.tokens) == 1


@dataclass(frozen=True, slots=True)
class DateRange:
    """Dates from ``low`` to ``high`` (ISO prefixes, both included; ``""`` = open)."""

    low: str
    high: str

    def contains(self, date: str | None) -> bool:
        """Whether an article dated ``date`` (ISO, any precision) lies in the range."""
        if not date:
            return False
        if self.low and date[: len(self.low)] < self.low:
            return False
        return not (self.high and date[: len(self.high)] > self.high)


@dataclass(frozen=True, slots=True)
class FieldFilter:
    """``name:value``; ``value`` is folded (``ward``/``unit``/``author``) or a range."""

    name: FieldName
    value: str
    negated: bool = False
    dates: DateRange | None = None


@dataclass(slots=True)
class Query:
    """A parsed query; see the module docstring for the language."""

    text: str
    terms: list[Term] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    filters: list[FieldFilter] = field(default_factory=list)
    fields: frozenset[str] | None = None  # from in:, None = everywhere
    bookmarked: bool | None = None  # True: only bookmarks; False: no bookmarks
    read: bool | None = None  # True: only articles read; False: only unread ones
    hints: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing to search for (and nothing to filter by)."""
        return not (self.terms or self.excluded or self.filters or self.bookmarked is not None
                    or self.read is not None)

    @property
    def flags(self) -> dict[str, bool]:
        """The id sets ``is:`` asks for: name -> whether the article must be in it."""
        found = {"bookmarked": self.bookmarked, "read": self.read}
        return {name: wanted for name, wanted in found.items() if wanted is not None}

    @property
    def too_short(self) -> bool:
        """Only one letter or digit typed, nothing else: too little to search for."""
        return (not (self.excluded or self.filters or self.flags)
                and sum(len(t) for term in self.terms for t in term.tokens) == 1)


# -- lexing -------------------------------------------------------------------------
@dataclass(slots=True)
class _Item:
    text: str
    negated: bool
    quoted: bool
    closed: bool  # a quoted item had its closing quote
    name: str | None = None  # field name as typed, for name:value


def _read_quoted(text: str, i: int) -> tuple[str, int, bool]:
    """The text from a quote at ``i`` to the closing quote (or the end)."""
    end = text.find('"', i + 1)
    if end < 0:
        return text[i + 1 :], len(text), False
    return text[i + 1 : end], end + 1, True


def _lex(text: str) -> list[_Item]:
    items: list[_Item] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        if text[i] == '"':
            value, i, closed = _read_quoted(text, i)
            items.append(_Item(value, negated, True, closed))
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        word = text[start:i]
        colon = word.find(":")
        name = fold(word[:colon]).strip() if colon > 0 else ""
        if colon > 0 and name in _FIELDS:
            value = word[colon + 1 :]
            closed = True
            quoted = False
            if not value and i < n and text[i] == '"':
                value, i, closed = _read_quoted(text, i)
                quoted = True
            items.append(_Item(value, negated, quoted, closed, name=name))
            continue
        items.append(_Item(word, negated, False, True))
    return items


# -- values -------------------------------------------------------------------------
_ISO = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
_DMY = re.compile(r"^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})$")
_YEAR_SPAN = re.compile(r"^(\d{4})-(\d{4})$")


def _date_value(raw: str) -> str | None:
    """``2023``, ``2023-06``, ``2023-6-28``, ``06/2023``, ``28/06/2023`` → ISO prefix."""
    raw = raw.strip()
    match = _ISO.match(raw)
    if match:
        year, month, day = match.groups()
    else:
        match = _DMY.match(raw)
        if not match:
            return None
        day, month, year = match.groups()
    if not 1000 <= int(year) <= 2999:
        return None
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        return None
    if day is None:
        return f"{year}-{int(month):02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _date_range(raw: str, name: str, hints: list[str]) -> DateRange | None:
    """A range from ``a..b``, ``a..``, ``..b`` or a single date; ``None`` if unreadable."""
    example = ("year:2023 or year:2019..2021" if name == "year"
               else "date:2023-06 or date:2021..2023")
    span = _YEAR_SPAN.match(raw.strip())
    if span and name in ("year", "date") and int(span.group(2)) > 12:
        raw = f"{span.group(1)}..{span.group(2)}"
        hints.append(f"{name}:{span.group(0)} read as {name}:{raw}")
    if ".." in raw:
        low_raw, _, high_raw = raw.partition("..")
    else:
        low_raw = high_raw = raw
    low = _date_value(low_raw) if low_raw.strip() else ""
    high = _date_value(high_raw) if high_raw.strip() else ""
    if low is None or high is None or (not low and not high):
        hints.append(f"ignored {name}:{raw} (try {example})")
        return None
    if name == "year" and (len(low) > 4 or len(high) > 4):
        hints.append(f"ignored year:{raw} (a year is four digits; try date:{raw})")
        return None
    shortest = min(len(low), len(high))
    if low and high and low[:shortest] > high[:shortest]:
        low, high = high, low
        hints.append(f"{name}:{raw} read as {name}:{low}..{high}")
    return DateRange(low, high)


# -- parsing ------------------------------------------------------------------------
def _term(text: str, *, phrase: bool, prefix: bool) -> Term | None:
    folded = fold(text)
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    if not spans:
        return None
    tokens = tuple(folded[s:e] for s, e in spans)
    exact = tuple(text[s:e].lower() for s, e in spans)
    if prefix and len(tokens[-1]) < MIN_PREFIX:
        prefix = False
    return Term(text, tokens, exact, phrase=phrase or len(tokens) > 1, prefix=prefix)


def _field(item: _Item, query: Query) -> None:
    name = _FIELDS[item.name or ""]
    value = item.text.strip()
    shown = f'{item.name}:"{value}"' if item.quoted else f"{item.name}:{value}"
    if not value:
        query.hints.append(f"ignored {item.name}: with no value")
        return
    folded = " ".join(tokenize(fold(value)))
    if name in ("year", "date"):
        dates = _date_range(value, name, query.hints)
        if dates is not None:
            query.filters.append(FieldFilter(name, value, item.negated, dates))
        return
    if name == "in":
        where = _IN_FIELDS.get(folded)
        if where is None:
            query.hints.append(f"ignored {shown} (use in:title, in:body, in:ward or in:author)")
        elif item.negated:
            query.hints.append(f"ignored -{shown} (use in:… without a minus)")
        else:
            query.fields = (query.fields or frozenset()) | {where}
        return
    if name == "is":
        flag = FLAGS.get(folded)
        if flag is None:
            query.hints.append(f"ignored {shown} (use is:bookmarked, is:unread or is:read)")
        elif flag[0] == "read":
            query.read = flag[1] != item.negated
        else:
            query.bookmarked = flag[1] != item.negated
        return
    if not folded:
        query.hints.append(f"ignored {shown}: no letters or digits")
        return
    if name == "unit":
        unit = _UNITS.get(folded) or _UNITS.get(folded.replace(" ", ""))
        if unit is None:
            query.hints.append(f"ignored {shown} (use unit:phường, unit:xã or unit:\"thị trấn\")")
            return
        folded = fold(unit)
    query.filters.append(FieldFilter(name, folded, item.negated))


def parse_query(text: str) -> Query:
    """Parse ``text`` (any string at all) into a :class:`Query`; never raises."""
    text = unicodedata.normalize("NFC", text)  # typed or pasted decomposed: compose it
    text = text.replace("\u201c", '"').replace("\u201d", '"')  # “curly quotes”
    query = Query(text)
    items = _lex(text)
    ends_open = bool(text) and not text[-1].isspace()
    for index, item in enumerate(items):
        if item.name is not None:
            _field(item, query)
            continue
        last = index == len(items) - 1
        prefix = last and ends_open and not item.negated and (not item.quoted or not item.closed)
        term = _term(item.text, phrase=item.quoted, prefix=prefix)
        if term is None:
            if item.quoted and not item.text.strip():
                query.hints.append(
                    'a lone " starts a phrase: type its words after it, e.g. "dan van kheo"'
                    if not item.closed else 'ignored "": an empty phrase')
            elif item.text.strip():
                query.hints.append(f"ignored {item.text.strip()!r}: no letters or digits")
            continue
        (query.excluded if item.negated else query.terms).append(term)
    return query
