"""``wardtui export ID``: one article to a file (txt, md or json) or to standard output.

Never overwrites a file without ``--force``, and never replaces anything that is not a
regular file or a symbolic link (a device, a FIFO), even with it. ``-o -`` and
``-o /dev/stdout`` (or ``/dev/fd/1``) write to standard output, as UTF-8 (JSON with the
escapes of :func:`.output.json_text`). The formats and file names are
:mod:`wardtui.export`'s, the same as the app's export. Never imports Textual.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..corpus.clean import safe_line
from .output import JSON_UNSAFE, UserError, escape_json, open_library, resolve

__all__ = ["STDOUT_NAMES", "cmd_export", "register"]

# What names standard output: written there, never replaced by a file.
STDOUT_NAMES = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")


def register(sub: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Add the ``export`` subcommand (``sub(name, help)`` makes its parser)."""
    p = sub("export", "Write an article to a file (txt, md or json).")
    p.add_argument("id", help="the article id (or a unique prefix of it)")
    p.add_argument("-o", "--output",
                   help="file or folder; '-' (or /dev/stdout) for standard output")
    p.add_argument("--format", choices=("txt", "md", "json"), default=None,
                   help="txt (default), md or json; else from the -o extension")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    """Write one article to a file (or ``-o -``: standard output); never overwrite without --force.

    Without ``-o`` the file gets its proposed name in the working directory; an
    ``-o`` that is a folder gets it there. Without ``--format``, an ``-o`` ending
    in ``.md`` or ``.json`` chooses that format; else ``txt``.
    """
    from ..export import FORMATS, ExportError, ExportExists, proposed_name, render, write_export

    library = open_library()
    article = library.get(resolve(library, args.id))
    assert article is not None
    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
        fmt = next((f for f in FORMATS if f == suffix), "txt")
    if args.output in STDOUT_NAMES:
        text = render(article, fmt)
        if fmt == "json":
            text = JSON_UNSAFE.sub(escape_json, text)
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(text)
        else:  # UTF-8 whatever the terminal's encoding; undecodable name bytes as \xNN
            sys.stdout.flush()
            buffer.write(text.encode("utf-8", "backslashreplace"))
            buffer.flush()
        return 0
    if args.output:
        target = Path(args.output).expanduser()
        if target.is_dir():
            target = target / proposed_name(article, fmt)
        elif args.output.endswith(("/", os.sep)):
            raise UserError(f"the folder {args.output} does not exist")
    else:
        target = Path.cwd() / proposed_name(article, fmt)
    try:
        written = write_export(article, target, fmt, force=args.force)
    except ExportExists as error:  # a regular file or a link: the others raise ExportError
        raise UserError(f"{error.path} already exists; use --force to overwrite it") from None
    except ExportError as error:
        raise UserError(str(error)) from None
    print(f"Exported to {safe_line(str(written.absolute()))}")
    return 0
