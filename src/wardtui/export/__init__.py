"""An article to a text file: ``txt`` (default), ``md`` or ``json``.

:mod:`.formats` renders an article (pure functions); :mod:`.files` names and writes the
files. This package re-exports the public names.

* :func:`to_txt`, :func:`to_md`, :func:`to_json` carry the same content: a header
  (title, ward and unit, date, author, category, source, id), then the
  paragraphs, captions and images marked. UTF-8, no hard wrapping, no control
  characters. :func:`to_txt` is also the text the app copies to the clipboard.
* :func:`proposed_name` makes the file name from ward, date and title, folded to
  ASCII: no path separators, no leading dot, at most :data:`MAX_NAME` characters.
  :func:`default_folder` proposes the folder; :func:`check_name` validates a
  name the user typed.
* :func:`write_export` never overwrites unless asked (:class:`ExportExists`
  otherwise, even if the file appears meanwhile), writes atomically, and
  replaces a symbolic link itself, never the file it points at.
  :func:`export_many` writes many articles into one folder and reports.

Knows nothing of Textual.
"""

from __future__ import annotations

from ..library.model import Missing
from .files import (
    MAX_NAME,
    ExportError,
    ExportExists,
    ExportReport,
    check_name,
    default_folder,
    export_many,
    proposed_name,
    with_format,
    write_export,
)
from .formats import (
    FORMATS,
    Format,
    header_fields,
    render,
    to_json,
    to_json_data,
    to_md,
    to_txt,
)

__all__ = [
    "FORMATS",
    "MAX_NAME",
    "ExportError",
    "ExportExists",
    "ExportReport",
    "Format",
    "Missing",
    "check_name",
    "default_folder",
    "export_many",
    "header_fields",
    "proposed_name",
    "render",
    "to_json",
    "to_json_data",
    "to_md",
    "to_txt",
    "with_format",
    "write_export",
]
