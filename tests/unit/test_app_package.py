"""``wardtui.app`` (the package): importing it is light; run_app sets Textual's frame rate.

Runs in fresh interpreters, since Textual reads TEXTUAL_FPS once, when first imported.
"""

from __future__ import annotations

import os
import subprocess
import sys


def _fresh(code: str, **env: str) -> None:
    environ = {k: v for k, v in os.environ.items() if k != "TEXTUAL_FPS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**environ, **env}, timeout=120)
    assert result.returncode == 0, result.stderr


RUN = (
    "import os, sys, wardtui.app as app\n"
    "assert 'textual' not in sys.modules and os.environ.get('TEXTUAL_FPS') == {preset!r}\n"
    "class Done(Exception): pass\n"
    "def fake(**_):\n"
    "    import textual.constants\n"
    "    print(textual.constants.MAX_FPS)\n"
    "    assert textual.constants.MAX_FPS == {expected}, textual.constants.MAX_FPS\n"
    "    raise Done\n"
    "app.create_app = fake\n"
    "try:\n"
    "    app.run_app()\n"
    "except Done:\n"
    "    pass\n"
    "else:\n"
    "    raise SystemExit('run_app did not create the app')\n"
)


def test_importing_the_app_package_leaves_textual_and_the_environment_alone() -> None:
    _fresh(
        "import os, sys, wardtui.app, wardtui.cli\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'TEXTUAL_FPS' not in os.environ\n"
        "assert wardtui.app.WardApp.__name__ == 'WardApp'  # on first use\n"
        "assert 'textual' in sys.modules\n"
    )


def test_run_app_sets_the_frame_rate_before_textual_is_imported() -> None:
    _fresh(RUN.format(expected=240, preset=None))


def test_the_users_own_frame_rate_wins() -> None:
    _fresh(RUN.format(expected=30, preset="30"), TEXTUAL_FPS="30")
