"""The first screen's reads started before the app (wardtui.app.head_start, issue 15): the
screen shows them at once, without reading again; one not ready yet is waited for in a
worker; one that failed says why, as the screen's own opening would."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from appdriver import SIZE, main_of, make_app, settle, until
from textual.pilot import Pilot

from wardtui.app import catalog
from wardtui.app.catalog import path_to, top_nodes
from wardtui.app.head_start import HeadStart
from wardtui.app.screens.main import MainScreen
from wardtui.app.screens.syncing import SyncingScreen
from wardtui.config import Settings
from wardtui.library import Library, LibraryError


@pytest.fixture
def user_cache(seeds_copy: Path) -> str:
    """The user's own cache (the default place) synced from the sample corpus; the id of
    one article in it."""
    with Library.open() as library:
        library.sync([seeds_copy], workers=1)
        return library.summaries()[2].id


def test_the_head_start_reads_what_the_first_screen_shows(user_cache: str) -> None:
    head = HeadStart("ward", user_cache)
    assert not head.ready
    head.run()  # (the thread's body, here in the test's own thread)
    assert head.ready
    reads = head.wait()
    assert reads.library is not None and reads.problem is None
    assert reads.stats is not None and reads.stats.articles == 5
    assert reads.grouping == "ward" and reads.top == top_nodes(reads.library, "ward")
    assert reads.article is not None and reads.article.id == user_cache
    summary = reads.library.summary(user_cache)
    assert summary is not None
    ward, year, _article = path_to(summary, "ward")
    assert list(reads.children) == [ward, year]  # the groups the tree opens to show it
    assert user_cache in [node.article_id for node in reads.children[year]]
    again = head.wait()  # used once: a second taker gets nothing
    assert again.library is None and again.problem
    reads.library.close()


def test_a_last_article_gone_is_not_read(user_cache: str) -> None:
    head = HeadStart.begin("date", "0000000000")
    reads = head.wait()
    assert reads.library is not None and reads.article is None
    assert reads.top is not None and reads.grouping == "date"
    reads.library.close()


def test_a_library_that_cannot_be_opened_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> Library:
        raise LibraryError("the cache is broken")

    monkeypatch.setattr(Library, "open", broken)
    reads = HeadStart.begin("ward", None).wait()
    assert reads.library is None and reads.problem == "the cache is broken"


def no_reading_on_screen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The screen's own reads of the tree and the counts, recorded instead of run."""
    asked: list[str] = []
    monkeypatch.setattr(MainScreen, "_first_nodes", lambda *_: asked.append("tree"))
    monkeypatch.setattr(SyncingScreen, "_count", lambda *_: asked.append("counts"))
    return asked


def test_the_screen_shows_the_head_starts_reads_without_reading_again(
    user_cache: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    head = HeadStart("ward", user_cache)
    head.run()
    asked = no_reading_on_screen(monkeypatch)
    real = catalog.child_nodes
    monkeypatch.setattr(catalog, "child_nodes",
                        lambda *args: asked.append("children") or real(*args))
    app = make_app(None, settings=Settings(last_article=user_cache), head_start=head)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            screen = main_of(pilot)
            assert app.head_start is None  # taken
            assert len(screen.ward_tree.root.children) == 5
            assert screen.ward_tree.current_article_id == user_cache
            assert screen.reader.article is not None and screen.reader.article.id == user_cache
            assert "5 articles" in str(screen.query_one("#status-counts").render())
            assert asked == []

    asyncio.run(main())


def test_a_head_start_not_ready_is_waited_for_in_a_worker(user_cache: str) -> None:
    head = HeadStart("ward", user_cache)
    app = make_app(None, settings=Settings(last_article=user_cache), head_start=head)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = main_of(pilot)
            assert "opening the library" in str(screen.query_one("#status-sync").render())
            reading = threading.Thread(target=head.run)
            reading.start()
            await until(pilot, lambda: screen.reader.article is not None)
            reading.join()
            assert screen.reader.article is not None and screen.reader.article.id == user_cache
            assert len(screen.ward_tree.root.children) == 5

    asyncio.run(main())


def test_a_head_start_that_failed_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> Library:
        raise LibraryError("the cache is broken")

    monkeypatch.setattr(Library, "open", broken)
    head = HeadStart("ward", None)
    head.run()
    app = make_app(None, head_start=head)

    async def scenario(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        screen = main_of(pilot)
        assert "Could not open the library: the cache is broken" in app.messages
        assert "no library" in str(screen.query_one("#status-sync").render())

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await scenario(pilot)

    asyncio.run(main())


def test_a_launch_sync_that_changed_nothing_leaves_the_counts_shown(
    seeds_copy: Path, user_cache: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from wardtui.app.early_sync import EarlySync
    from wardtui.config import Sources

    if not hasattr(os, "fork"):
        pytest.skip("the launch sync forks")
    sources = Sources()
    sources.add(seeds_copy)  # the corpus the user's cache was synced from: nothing changed
    head = HeadStart("ward", user_cache)
    head.run()
    early = EarlySync.start(sources)
    assert early is not None
    asked = no_reading_on_screen(monkeypatch)
    app = make_app(None, sources=sources, sync=True, early_sync=early, head_start=head)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_of(pilot)
            await until(pilot, lambda: "up to date" in str(
                screen.query_one("#status-sync").render()))
            await settle(pilot)
            assert "5 articles" in str(screen.query_one("#status-counts").render())
            assert asked == []  # neither at launch (the head start's) nor after the sync

    asyncio.run(main())


def test_the_tree_clears_its_caches_once_per_group_of_nodes_added(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Tree

    cleared: list[int] = []
    real = Tree._invalidate
    monkeypatch.setattr(Tree, "_invalidate", lambda self: cleared.append(1) or real(self))
    app = make_app(library)

    async def main() -> None:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            tree = main_of(pilot).ward_tree
            before = len(cleared)
            tree.load(library, "ward")  # five wards: once for the five, not five times
            assert len(tree.root.children) == 5
            assert len(cleared) - before == 2  # (clear() once, then the batch)

    asyncio.run(main())
