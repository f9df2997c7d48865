"""Ranking: the order of the results, decided criterion by criterion.

The rule is written down once, in :func:`rank`'s docstring; the engine builds
the criteria (:data:`Splitter` functions) and this module applies them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

__all__ = ["Criterion", "Key", "Newest", "Parts", "binary", "levels", "rank", "score"]

Key = tuple[int, ...]
"""One value per criterion, higher is better."""
Newest = Callable[[set[int], int], list[int]]
"""``newest(group, need)``: the ``need`` newest rowids of ``group``, newest first."""


Parts = Iterable[tuple[int, set[int]]]
"""A group split by a criterion, best part first (a generator: parts after the
last one needed are never computed)."""


class Criterion:
    """One ranking criterion: splits a group of candidates, best part first."""

    def __init__(self, split: Callable[[set[int]], Parts],
                 prepare: Callable[[set[int]], None] | None = None) -> None:
        self.split = split
        self._prepare = prepare

    def prepare(self, contenders: set[int]) -> None:
        """Called once with every candidate still in contention, before any split."""
        if self._prepare is not None:
            self._prepare(contenders)


def rank(candidates: set[int], criteria: Sequence[Criterion], limit: int,
         newest: Newest) -> list[tuple[Key, int]]:
    """The best ``limit`` candidates as ``(key, rowid)``, best first.

    **The ranking rule.** Candidates are compared on these criteria in turn,
    each deciding only between candidates equal on all the ones before:

    1. **no typo** — matched without any typo correction;
    2. **where** — every word found in the title or ward, first; then every
       word found in the title, ward or byline (``minh chau``: phường Minh Châu
       and its titles before the articles bylined Minh Châu); then the rest. So
       title and ward matches come before body-only matches. A word typed with
       accents counts there only with those accents or one mark left out (the
       title ``Mỹ Hương`` is no title match for ``hưởng``, the ward ``Hội Phú``
       is one for ``hôi phú``);
    3. **phrase** — the words stand together and in order (in the title, ward
       or byline for the articles of the first groups, else in the body);
    4. **ward or byline** — among the rest, the ward or byline has some of the
       words (``tay son hoi nghi``: the ward *Tây Sơn* and the body), after the
       phrase: a common word in a byline (``Văn phòng``) does not outrank the
       words together in the body;
    5. **accents** — more of the words typed with accents found with exactly
       those accents, a word with one mark left out counting half (titles, wards
       and bylines of every candidate; the bodies of the best hundred
       candidates, which are then re-ordered);
    6. **whole word** — the unfinished last word matched a whole word
       (``dan`` → ``Dân`` before ``Đảng``; bodies checked for the results shown);
    7. **date** — newer first, undated last: ``newest(group, need)`` gives the
       ``need`` newest of a group.

    Candidates are rowids. Each criterion splits the
    groups of candidates; the groups beyond the first ``limit`` candidates are
    dropped before the next criterion, so the work stays proportional to what
    is shown. Criteria that cannot differ (no accents typed, a single word…)
    are left out by the engine; the key has one value per criterion used.
    """
    groups: list[tuple[Key, set[int]]] = [((), candidates)] if candidates else []
    for criterion in criteria:
        if limit <= 0 or not groups:
            break
        criterion.prepare(set().union(*(group for _, group in groups)) if len(groups) > 1
                          else groups[0][1])
        refined: list[tuple[Key, set[int]]] = []
        kept = 0
        for key, group in groups:
            for value, part in criterion.split(group):
                if not part:
                    continue
                refined.append(((*key, value), part))
                kept += len(part)
                if kept >= limit:
                    break
            if kept >= limit:
                break
        groups = refined
    ranked: list[tuple[Key, int]] = []
    for key, group in groups:
        need = limit - len(ranked)
        if need <= 0:
            break
        ranked.extend((key, rowid) for rowid in newest(group, need))
    return ranked


def levels(sets: Sequence[frozenset[int]]) -> Criterion:
    """A criterion: how many of ``sets`` hold the candidate (more first)."""

    def split(group: set[int]) -> list[tuple[int, set[int]]]:
        at_least: list[set[int]] = [group] + [set() for _ in sets]
        for members in sets:
            for count in range(len(sets), 0, -1):
                at_least[count] |= at_least[count - 1] & members
        parts = []
        for count in range(len(sets), -1, -1):
            above = at_least[count + 1] if count < len(sets) else set()
            parts.append((count, at_least[count] - above))
        return parts

    return Criterion(split)


def binary(members: Callable[[set[int]], set[int]],
           prepare: Callable[[set[int]], None] | None = None) -> Criterion:
    """A yes/no criterion: ``members(group)`` are the candidates that have it."""

    def split(group: set[int]) -> Parts:
        inside = members(group)
        yield 1, inside
        yield 0, group - inside

    return Criterion(split, prepare)


def score(key: Key, base: int) -> int:
    """``key`` as one number (``base`` above every value): higher ranks first."""
    total = 0
    for value in key:
        total = total * base + value
    return total
