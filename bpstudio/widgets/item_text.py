"""What an item view's delegate draws around an item's text, for the views that size their
items to their texts (the test-set gallery's captions, the step chooser's steps)."""

from __future__ import annotations

import math
from typing import Iterable

from PySide6.QtWidgets import QStyle, QWidget

ELIDED_SHORT = 2  # px: Qt elides a text its advance's last pixel short (seen at 1024×768)


def text_margins(view: QWidget) -> int:
    """The pixels an item view's delegate leaves beside an item's text, both sides together
    (Qt's styles: the focus frame's margin and one pixel, each side)."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)


def text_room(view: QWidget, texts: Iterable[str]) -> int:
    """The width in which ``view``'s delegate draws the widest of ``texts`` whole, in the
    view's font (0 for none)."""
    fm = view.fontMetrics()
    widest = max((fm.horizontalAdvance(t) for t in texts), default=None)
    return 0 if widest is None else math.ceil(widest) + text_margins(view) + ELIDED_SHORT
