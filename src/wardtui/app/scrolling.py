"""A scrolling widget's virtual size changed, without re-laying out the screen.

Textual's ``Widget.virtual_size`` is a reactive declared with ``layout=True``:
setting it asks for a layout of the whole screen, which on wardtui's screen took
~10-20 ms per frame, once per article previewed and per page of results. A line-API
widget (the reader, the results list) fills its own region whatever its virtual
size: only its scroll bars depend on it. :func:`resize_scrollable` sets the size
without the layout, then updates the scroll bars and the scroll position the way
``ScrollView`` does (a scroll bar that appears or goes still lays the widget out
again, through its ``display``), and repaints the widget.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

__all__ = ["resize_scrollable"]


def resize_scrollable(widget: Widget, size: Size) -> None:
    """Give ``widget`` the virtual size ``size``: its scroll bars follow, the screen's
    layout does not run for it."""
    if size == widget.virtual_size:
        widget.refresh()
        return
    widget.set_reactive(Widget.virtual_size, size)
    widget._scroll_update(size)  # scroll bars (shown or not, their window) and position
    widget.refresh()
