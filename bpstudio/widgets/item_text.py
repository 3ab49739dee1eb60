"""What an item view's delegate draws around an item's text, for the views that size their
items to their texts (the test-set gallery's captions, the step chooser's steps)."""

from __future__ import annotations

from PySide6.QtWidgets import QStyle, QWidget


def text_margins(view: QWidget) -> int:
    """The pixels an item view's delegate leaves beside an item's text, both sides together
    (Qt's styles: the focus frame's margin and one pixel, each side)."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
