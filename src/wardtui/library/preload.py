"""Imported by the sync's forkserver before it forks the pool's workers: loads the gazetteer.

Each worker would otherwise load it on its first file (~0.04 s of CPU each); loaded once
in the server, the workers get it with their fork (:data:`.pool.PRELOAD`). The parser's
modules are imported there too, by name. Never imported by the syncing process itself.
"""

from __future__ import annotations

from ..corpus.decode import decode_bytes  # noqa: F401  (what every worker runs)
from ..corpus.parse import parse_text  # noqa: F401
from ..places import gazetteer
from . import sync  # noqa: F401  (the chunks' function)

gazetteer()
