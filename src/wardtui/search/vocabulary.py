"""The vocabulary of titles, wards and bylines (:class:`Vocabulary`), for typo corrections
and completions.

Every word as written (lower case) with the number of articles using it, and the same
folded; :class:`.index.SearchIndex` derives it from ``search_exact`` once per change
of the library and keeps it packed in the cache (:meth:`Vocabulary.pack`).
"""

from __future__ import annotations

import bisect
import zlib
from dataclasses import dataclass, field

from .highlight import fast_fold

__all__ = ["Vocabulary"]


@dataclass(slots=True)
class Vocabulary:
    """The words of titles, wards and bylines: as written (lower case) and folded.

    ``exact[word]`` is how many articles use ``word`` with its accents; ``frequency``
    the same summed by folded word (an article using two spellings counts twice:
    it only orders corrections and completions); ``words`` the folded words in order;
    ``spellings[folded]`` the written forms of a folded word.
    """

    exact: dict[str, int]
    frequency: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    spellings: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, exact: dict[str, int]) -> Vocabulary:
        vocabulary = cls(exact)
        if not exact:
            return vocabulary
        written = list(exact)
        folded = fast_fold("\n".join(written)).split("\n")
        frequency = vocabulary.frequency
        spellings = vocabulary.spellings
        for word, key in zip(written, folded, strict=True):
            frequency[key] = frequency.get(key, 0) + exact[word]
            spellings.setdefault(key, []).append(word)
        vocabulary.words = sorted(frequency)
        return vocabulary

    def starting(self, prefix: str) -> list[str]:
        """The folded words that start with ``prefix`` (itself included), in order."""
        start = bisect.bisect_left(self.words, prefix)
        end = bisect.bisect_left(self.words, prefix + "\U0010ffff", lo=start)
        return self.words[start:end]

    def pack(self) -> bytes:
        return zlib.compress("\n".join(f"{w}\t{n}" for w, n in self.exact.items()).encode(), 1)

    @classmethod
    def unpack(cls, blob: bytes) -> Vocabulary:
        text = zlib.decompress(blob).decode()
        exact: dict[str, int] = {}
        for line in text.split("\n") if text else ():
            word, _, count = line.partition("\t")
            exact[word] = int(count)
        return cls.of(exact)
