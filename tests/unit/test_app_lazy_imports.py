"""What the app's process imports to launch (issue 15: launch to first screen and first
search): not the sync (the forked launch sync imports it), not the palette's commands, the
help screen or the keys list (imported on first use). Fresh interpreters: what a module
imports is seen in ``sys.modules``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

NOT_AT_LAUNCH = ("wardtui.library.sync", "multiprocessing", "concurrent.futures.process",
                 "wardtui.app.commands", "wardtui.app.screens.help", "wardtui.app.keys",
                 "wardtui.export")


def _fresh(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_importing_the_app_leaves_the_sync_and_the_rarely_used_screens_alone() -> None:
    out = _fresh("import sys, wardtui.app.app\n"
                 f"print(sorted(m for m in {NOT_AT_LAUNCH!r} if m in sys.modules))")
    assert out == "[]"


def test_the_palette_and_the_help_still_find_their_modules() -> None:
    out = _fresh("from wardtui.app.app import WardApp\n"
                 "from wardtui.app.commands import WardCommands\n"
                 "print(WardCommands in [p() for p in WardApp.COMMANDS if p.__name__ ==\n"
                 "      '_ward_commands'])")
    assert out == "True"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the launch sync forks")
def test_the_launch_sync_runs_without_the_sync_in_the_apps_process(seeds_copy: Path) -> None:
    out = _fresh(
        "import sys\n"
        "from wardtui.config import Sources\n"
        "from wardtui.app.early_sync import EarlySync, Finished\n"
        "sources = Sources()\n"
        f"sources.add({str(seeds_copy)!r})\n"
        "early = EarlySync.start(sources)\n"
        "events = list(early.events(lambda: False))\n"
        "final = events[-1]\n"
        "assert isinstance(final, Finished), final\n"
        "print(final.report.new, final.report.parsed, final.report.cancelled,\n"
        "      'wardtui.library.sync' in sys.modules, 'multiprocessing' in sys.modules)"
    )
    assert out == "5 5 False False False"  # the report came back, the sync never loaded here


def test_run_app_starts_the_first_screens_reads_before_the_app() -> None:
    out = _fresh(
        "import wardtui.app as app\n"
        "from wardtui.app.head_start import HeadStart\n"
        "class Done(Exception): pass\n"
        "def fake(**options):\n"
        "    head = options['head_start']\n"
        "    print(isinstance(head, HeadStart), head.grouping == options['settings'].grouping)\n"
        "    raise Done\n"
        "app.create_app = fake\n"
        "try:\n"
        "    app.run_app()\n"
        "except Done:\n"
        "    pass\n"
    )
    assert out == "True True"
