"""The command line: ``wardtui [PATH ...]`` opens the app; subcommands script the library.

:mod:`.main` parses the arguments and runs a command; one module per command group does
the work (:mod:`.library`: ``index``, ``list``, ``show``, ``sources``; :mod:`.search`;
:mod:`.bookmarks`; :mod:`.export`; :mod:`.places`), and :mod:`.output` (errors, notices,
JSON Lines, id resolution, the ``--limit`` rule) and :mod:`.table` (rows streamed, fitted
to the terminal or tab-separated) are what they share. Only the module of the command
run is imported. Subcommands never import Textual: only ``wardtui`` without a
subcommand imports :mod:`wardtui.app`, when it runs.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
