"""The terminal driver: Textual's own, made to survive bytes that are not UTF-8.

Textual's ``LinuxDriver`` decodes what the terminal sends as strict UTF-8 in its
input thread; a stray byte such as ``0xff`` (typed with a broken keyboard map,
pasted from a Latin-1 file) raises ``UnicodeDecodeError`` there, which ends the app
with a traceback. :class:`WardDriver` runs the same input loop again after such a
byte: the chunk that held it is dropped, the app keeps running and says so once.
The app selects it through ``App.driver_class`` (Textual's documented hook);
``TEXTUAL_DRIVER`` in the environment still wins.
"""

from __future__ import annotations

import sys

from textual.driver import Driver

__all__ = ["driver_class"]

NOT_UTF8 = "Some typed or pasted input was not UTF-8 text; it was ignored."


def driver_class() -> type[Driver] | None:
    """The driver to run the app with on this platform (``None``: Textual's choice)."""
    if sys.platform == "win32":
        return None
    from textual.drivers.linux_driver import LinuxDriver

    class WardDriver(LinuxDriver):
        """Textual's driver for POSIX terminals; invalid UTF-8 input is dropped."""

        def run_input_thread(self) -> None:
            """Read the terminal; after input that is not UTF-8, read on (with a notice)."""
            told = False
            while not self.exit_event.is_set():
                try:
                    super().run_input_thread()
                    return
                except UnicodeDecodeError:
                    if not told:
                        told = True
                        self._app.call_later(self._app.notify, NOT_UTF8,
                                            severity="warning", markup=False)

    return WardDriver
