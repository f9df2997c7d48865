"""What a search returns: the articles found with what to highlight, and the response.

:class:`SearchResult` is one article (its summary, its score, the spans of the title,
ward and snippet that matched); :class:`SearchResponse` the best results, how many
matched in all, and the hints about the query. Plain data, made by :mod:`.engine`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from ..library import ArticleSummary
from .query import Query

__all__ = ["TYPE_MORE", "SearchResponse", "SearchResult", "Span", "State"]

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One article found, with what to highlight.

    ``title_spans`` and ``ward_spans`` are slices of ``summary.title`` and
    ``summary.ward_label``; ``snippet`` is one line of the body around a match,
    given when some word was not found in the title, ward or byline, and
    ``snippet_spans`` are slices of it. ``score`` orders results (higher
    first; equal scores go newer first).
    """

    summary: ArticleSummary
    score: int
    title_spans: tuple[Span, ...] = ()
    ward_spans: tuple[Span, ...] = ()
    snippet: str | None = None
    snippet_spans: tuple[Span, ...] = ()

    @property
    def id(self) -> str:
        return self.summary.id

    def to_json(self) -> dict[str, Any]:
        """The ``list --json`` keys plus ``score`` and ``snippet``."""
        data = self.summary.to_json()
        data["score"] = self.score
        data["snippet"] = self.snippet
        return data


State = Literal["results", "no results", "type more", "empty"]
TYPE_MORE = "Type at least two letters to search."


@dataclass(slots=True)
class SearchResponse:
    """One page of results: ``results`` from place ``offset`` (0-based) of ``total``.

    ``state`` says what to show: ``"results"``; ``"no results"``; ``"type more"``
    (a query of one letter: nothing was searched, :data:`TYPE_MORE` says why);
    ``"empty"`` (nothing typed). ``hints`` are whole sentences about the query.

    ``counting`` (only when the search was asked not to wait for its total): the
    total is still being counted on another connection, ``total`` is a lower bound
    meanwhile; calling it waits for the exact total (from any thread;
    :class:`.stop.SearchStopped` if the search was stopped).
    """

    results: list[SearchResult]
    total: int
    hints: list[str] = field(default_factory=list)
    query: Query | None = None
    seconds: float = 0.0
    offset: int = 0
    state: State | None = None
    counting: Callable[[], int] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.state is None:
            empty = self.query is None or self.query.empty
            self.state = ("results" if self.total else
                          "empty" if empty and not self.hints else "no results")

    @property
    def first(self) -> int:
        """The place of the first result shown, from 1 (0 when none)."""
        return self.offset + 1 if self.results else 0

    @property
    def last(self) -> int:
        """The place of the last result shown (0 when none)."""
        return self.offset + len(self.results)

    @property
    def more(self) -> bool:
        """Whether results follow this page."""
        return self.last < self.total

    def position(self) -> str:
        """``51-100 of 3,626``, ``1-12 of 12``, or ``0 of 0``."""
        if not self.results:
            return f"0 of {self.total:,}"
        return f"{self.first:,}-{self.last:,} of {self.total:,}"
