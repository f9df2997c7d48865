"""The gazetteer's cost benchmark runs and reports every figure (no timing asserted)."""

from __future__ import annotations

import json

import pytest
from benchmarks import gazetteer


def test_every_figure_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    assert gazetteer.main(["--repeat", "1", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == {
        "python -c pass (s)", "import wardtui.places (s)", "first gazetteer() load (s)",
        "RSS growth (MB)", "held after load (MB)", "peak during load (MB)",
        "place one article (ms)",
    }
    assert all(value >= 0 for value in figures.values())
    assert figures["held after load (MB)"] > 1  # the data really was loaded
