"""``python -m wardtui.cli``: the same as the ``wardtui`` command."""

from __future__ import annotations

from .main import main

raise SystemExit(main())
