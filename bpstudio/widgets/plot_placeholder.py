"""The plots' room before they are built (cost_plot.py builds them after the window's first
paint)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from .theme import DEFAULT_THEME, THEMES


class PlotPlaceholder(QWidget):
    """The plots' room before they are built: their background; ``painted()`` at its first paint."""

    def __init__(self, painted: Callable[[], None]) -> None:
        super().__init__()
        self._painted = painted
        self._background = QColor(THEMES[DEFAULT_THEME].plot_background)

    def set_background(self, colour) -> None:
        self._background = QColor(colour)
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        QPainter(self).fillRect(self.rect(), self._background)
        self._painted()
