"""The app shares the GIL with the search's threads in short turns (wardtui.app.gil_turns)."""

from __future__ import annotations

import sys

from wardtui.app.gil_turns import SWITCH_INTERVAL, short_turns


def test_the_turns_become_short_and_never_longer() -> None:
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)
        assert short_turns() == 0.005
        assert sys.getswitchinterval() <= SWITCH_INTERVAL < 0.005
        sys.setswitchinterval(SWITCH_INTERVAL / 2)  # shorter already: kept
        short_turns()
        assert sys.getswitchinterval() <= SWITCH_INTERVAL / 2
    finally:
        sys.setswitchinterval(before)
