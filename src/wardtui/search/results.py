"""What a search returns: the articles found with what to highlight, and the response.

:class:`SearchResult` is one article (its summary, its score, the spans of the title,
ward and snippet that matched); :class:`SearchResponse` the best results, how many
matched in all, and the hints about the query. Plain data, made by :mod:`.engine`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..library import ArticleSummary
from .query import Query

__all__ = ["SearchResponse", "SearchResult", "Span"]

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


@dataclass(slots=True)
class SearchResponse:
    """The best ``results`` (at most the limit), how many matched in all, and hints."""

    results: list[SearchResult]
    total: int
    hints: list[str] = field(default_factory=list)
    query: Query | None = None
    seconds: float = 0.0
