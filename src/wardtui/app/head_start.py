"""The first screen's reads, started in a thread while the app starts (issue 15).

Launching the app used to open the cache, then count it, read the tree's top groups
and the last article read, each in a worker started once the first screen was up, so
the screen filled in pieces over the next 0.15-0.2 s (at 100,000 articles), each piece
a message and a repaint away from the last. :meth:`HeadStart.begin` does those reads in
a thread of its own as soon as the ``wardtui`` command has forked the launch sync,
while the app's thread imports Textual (SQLite releases the interpreter while it reads,
so both go on at once): by the time the screen mounts, they are usually ready and
shown at once, in the first screens drawn. Anything not ready yet is waited for in a
worker, never on the app's thread (:meth:`HeadStart.wait`).

A head start is used once, by the first screen: every later read (after a sync changed
the library, another grouping) asks the library again. A failure is kept as the message
the screen shows (as it would for its own opening), never raised in the thread.
Imports neither Textual nor the app (the modules it needs are imported by the caller's
thread before the reads start, so that two threads never import the same module).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from ..config import Grouping
from ..library import Library, LibraryError, LibraryStats, PlacedArticle
from .catalog import Key, NodeInfo, child_nodes, path_to, top_nodes

__all__ = ["HeadStart", "Reads"]


@dataclass
class Reads:
    """What was read: the library (open, on a connection for the app's thread), its
    counts, the tree's top groups for ``grouping``, the last article (``None`` if there
    was none or it is gone) and the groups on its way in the tree (``children``: each
    group's children, by its key), or ``problem``: why the library could not be opened."""

    library: Library | None = None
    problem: str | None = None
    stats: LibraryStats | None = None
    grouping: Grouping | None = None
    top: list[NodeInfo] | None = None
    article: PlacedArticle | None = None
    children: dict[Key, list[NodeInfo]] = field(default_factory=dict)


class HeadStart:
    """The first screen's reads, in a daemon thread; see the module docstring."""

    def __init__(self, grouping: Grouping, last_article: str | None) -> None:
        self.grouping = grouping
        self.last_article = last_article
        self._reads = Reads()
        self._done = threading.Event()
        self._taken = False

    @classmethod
    def begin(cls, grouping: Grouping, last_article: str | None) -> HeadStart:
        """Start reading; returns at once."""
        head = cls(grouping, last_article)
        threading.Thread(target=head.run, name="wardtui-head-start", daemon=True).start()
        return head

    def run(self) -> None:
        """The reads (the thread's body; whatever happens, :meth:`wait` then returns)."""
        reads = self._reads
        try:
            reads.library = library = Library.open()
            reads.stats = library.stats()
            reads.top, reads.grouping = top_nodes(library, self.grouping), self.grouping
            if self.last_article:
                reads.article = library.get(self.last_article)
                self._path(library, reads)
        except (LibraryError, OSError) as error:
            if reads.library is None:
                reads.problem = str(error)
            # else: the library is open; the screen reads what is missing itself, and says
            # so if it fails again
        except Exception as error:  # noqa: BLE001 - a thread's traceback would hit the terminal
            if reads.library is None:
                reads.problem = f"{type(error).__name__}: {error}"
        finally:
            self._done.set()

    def _path(self, library: Library, reads: Reads) -> None:
        """The children of the groups from the top of the tree down to the last article
        (the tree opens them to put its cursor there)."""
        summary = library.summary(self.last_article) if self.last_article else None
        level = reads.top or []
        for key in path_to(summary, self.grouping)[:-1] if summary is not None else []:
            info = next((node for node in level if node.key == key), None)
            if info is None:
                return
            level = reads.children[key] = child_nodes(library, info)

    @property
    def ready(self) -> bool:
        """The reads are over (taking them will not wait)."""
        return self._done.is_set()

    def wait(self) -> Reads:
        """The reads, once over (blocks: call it from a worker, or once :attr:`ready`);
        only the first call gets them, any later one gets nothing read."""
        self._done.wait()
        if self._taken:
            return Reads(problem="the head start was taken already")
        self._taken = True
        return self._reads
