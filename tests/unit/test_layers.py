"""The layering is a contract: import-linter checks it statically, a fresh interpreter at run time.

The contracts live in ``pyproject.toml`` (``[tool.importlinter]``): corpus below labels
below library below search, userdata and export, below the app and the command line;
nothing below the app imports Textual. ``lint-imports`` runs here, so the test command
checks them.
"""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import wardtui

ROOT = Path(__file__).resolve().parents[2]


def _lint_imports() -> str:
    beside = Path(sys.executable).with_name("lint-imports")
    found = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert found, "lint-imports is missing: install the test extras (import-linter)"
    return found


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300,
                          env={**os.environ, **env})


def test_the_import_contracts_hold() -> None:
    result = _run([_lint_imports(), "--no-cache"], ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_lint_imports_fails_on_a_broken_contract(tmp_path: Path) -> None:
    """The same kind of contract, on a toy package whose low layer imports its high one."""
    package = tmp_path / "toy"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "high.py").write_text("X = 1\n")
    (package / "low.py").write_text("from toy.high import X\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.importlinter]\nroot_package = "toy"\n\n'
        '[[tool.importlinter.contracts]]\nname = "toy layers"\ntype = "layers"\n'
        'layers = ["toy.high", "toy.low"]\n'
    )
    result = _run([_lint_imports(), "--no-cache"], tmp_path, PYTHONPATH=str(tmp_path))
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and "toy.low" in result.stdout


def test_no_module_below_the_app_loads_textual() -> None:
    """Every module outside wardtui.app, imported in a fresh interpreter, leaves Textual out."""
    names = [
        info.name for info in pkgutil.walk_packages(wardtui.__path__, "wardtui.")
        if not info.name.startswith("wardtui.app") and not info.name.endswith("__main__")
    ]
    assert "wardtui.cli.main" in names and "wardtui.userdata.store" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded[:5]\n"
    )
    result = _run([sys.executable, "-c", code], ROOT)
    assert result.returncode == 0, result.stderr
