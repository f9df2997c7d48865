"""The terminal driver: Textual's own, made to survive odd input and a lost terminal.

Textual's ``LinuxDriver`` decodes what the terminal sends as strict UTF-8 in its
input thread; a stray byte such as ``0xff`` (typed with a broken keyboard map,
pasted from a Latin-1 file) raises ``UnicodeDecodeError`` there, which ends the app
with a traceback; and when the terminal goes away without a hang-up signal (a pty
closed by the program that opened it, a dropped connection seen as end of input) its
loop reads nothing forever, spinning a core. :class:`WardDriver` reads the same way
but drops bytes that are not UTF-8 (saying so once) and ends the app at end of input.
The app selects it through ``App.driver_class`` (Textual's documented hook);
``TEXTUAL_DRIVER`` in the environment still wins.
"""

from __future__ import annotations

import os
import selectors
import sys
from codecs import getincrementaldecoder

from textual.driver import Driver

__all__ = ["driver_class"]

NOT_UTF8 = "Some typed or pasted input was not UTF-8 text; it was ignored."
CHUNK = 4096


def driver_class() -> type[Driver] | None:
    """The driver to run the app with on this platform (``None``: Textual's choice)."""
    if sys.platform == "win32":
        return None
    from textual._xterm_parser import XTermParser
    from textual.drivers.linux_driver import LinuxDriver

    class WardDriver(LinuxDriver):
        """Textual's driver for POSIX terminals; bad bytes dropped, end of input ends."""

        def run_input_thread(self) -> None:
            """Read the terminal and dispatch events until the app exits or input ends."""
            selector = selectors.SelectSelector()
            selector.register(self.fileno, selectors.EVENT_READ)
            parser = XTermParser(self._debug)
            decoder = getincrementaldecoder("utf-8")(errors="strict")
            told = False
            try:
                while not self.exit_event.is_set():
                    for _key, mask in selector.select(0.1):
                        if not mask & selectors.EVENT_READ:
                            continue
                        try:
                            data = os.read(self.fileno, CHUNK)
                        except OSError:
                            data = b""  # EIO: the terminal is gone
                        if not data:
                            self._app.call_later(self._app.exit)
                            return
                        try:
                            text = decoder.decode(data)
                        except UnicodeDecodeError:
                            decoder.reset()
                            text = data.decode("utf-8", errors="ignore")
                            if not told:
                                told = True
                                self._app.call_later(self._app.notify, NOT_UTF8,
                                                     severity="warning", markup=False)
                        if not text:
                            continue  # feed("") would tell the parser the input ended
                        for event in parser.feed(text):
                            self.process_message(event)
                    for event in parser.tick():
                        self.process_message(event)
            finally:
                selector.close()

    return WardDriver
