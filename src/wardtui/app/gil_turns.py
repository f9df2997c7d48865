"""The GIL shared in short turns between the UI thread and the search's threads.

A search runs in a worker thread (and reads ahead in helper threads) beside Textual's
UI thread, and gives the GIL up at every SQLite call; each time it wants it back
while the UI thread is busy (echoing the keys, painting the results), it waits for
Python's switch interval, 5 ms by default. With a thread busy beside them, five
cold searches at 100,000 articles took 0.39-2.0 s in all with 5 ms turns and
0.27-0.32 s with 1 ms turns (benchmarks/RESULTS.md, issue 15). Only the app's
process takes the shorter turns (the command line has no UI thread).
"""

from __future__ import annotations

import sys

__all__ = ["SWITCH_INTERVAL", "short_turns"]

SWITCH_INTERVAL = 0.001
"""Seconds a thread holding the GIL keeps it while another waits (Python's default: 0.005)."""


def short_turns() -> float:
    """Make the GIL's turns at most :data:`SWITCH_INTERVAL` long; the previous length."""
    previous = sys.getswitchinterval()
    if previous > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)
    return previous
