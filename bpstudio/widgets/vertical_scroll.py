"""A scroll area that scrolls only vertically and is never narrower than what it holds: a dock's
controls (or a step's words) may move out of sight below, never be cut at the side.

What it holds is as wide as the view and as tall as its layout needs at least at that width
(wrapped labels counted at that width, not at their narrowest), or the view's height if that is
more:
QScrollArea's own resizing took a word-wrapped label's minimum height, the height of its text
squeezed to a few characters a line, and scrolled a panel that had room to spare.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class VerticalScroll(QScrollArea):
    def __init__(self, widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)  # its layout changed (new controls, new words): refit

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        inner = self.widget().minimumSizeHint().width()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner + bar + 2 * self.frameWidth(), 120)

    def sizeHint(self) -> QSize:  # noqa: N802 - as wide as what it holds would like to be
        inner = self.widget().sizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(inner.width() + bar + 2 * self.frameWidth(), inner.height())

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            self._fit()
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        widget, view = self.widget(), self.viewport()
        width = max(view.width(), widget.minimumSizeHint().width())
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalMinimumHeightForWidth(width)
        elif layout is not None:
            needed = layout.totalMinimumSize().height()
        else:
            needed = widget.minimumSizeHint().height()
        height = max(view.height(), needed)
        if widget.size() != QSize(width, height):
            widget.resize(width, height)
