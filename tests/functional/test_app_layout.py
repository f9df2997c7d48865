"""The app's own modules import one way: widgets below screens below the app, no circle.

Checked on the import graph (``grimp``, from import-linter; imports under
``TYPE_CHECKING`` count too): messages go up and calls go down, so a widget never
imports a screen or the app, a screen never imports the app (it sees it through
:mod:`wardtui.app.context`), and no module is named after Textual's ``action_*``.
"""

from __future__ import annotations

from pathlib import Path

import grimp

APP = "wardtui.app"
APP_SOURCES = Path(__file__).resolve().parents[2] / "src" / "wardtui" / "app"


def _app_graph() -> dict[str, set[str]]:
    graph = grimp.build_graph("wardtui")
    modules = {m for m in graph.modules if m == APP or m.startswith(APP + ".")}
    return {m: graph.find_modules_directly_imported_by(m) & modules for m in modules}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, if there is any (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                return [*path[path.index(imported):], imported]
            if imported not in state and (found := visit(imported)) is not None:
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)) is not None:
            return found
    return None


def test_the_app_has_no_import_circle() -> None:
    graph = _app_graph()
    assert f"{APP}.app" in graph and f"{APP}.widgets.search_pane" in graph
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_a_circle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_widgets_and_screens_never_import_upwards() -> None:
    graph = _app_graph()
    for module, imported in graph.items():
        if module.startswith(f"{APP}.widgets"):
            assert not {m for m in imported if m.startswith(f"{APP}.screens")}, module
        if module.startswith((f"{APP}.widgets", f"{APP}.screens", f"{APP}.commands")):
            assert f"{APP}.app" not in imported, module


def test_no_module_is_named_after_actions() -> None:
    assert not [p for p in APP_SOURCES.rglob("*.py") if p.stem.startswith("action")]
