"""A dashed frame round a view that takes the keys but draws no focus of its own (the step's
panel: Space and the arrow keys step there): the focus is always seen. A transparent child on
top of the view, shown while the view has the focus, drawn as the diagram draws its own."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from .diagram_keys import paint_focus_frame


class FocusFrame(QWidget):
    def __init__(self, target: QWidget):
        super().__init__(target)
        self.target = target
        self.setObjectName(f"{target.objectName()}FocusFrame")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        target.installEventFilter(self)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setGeometry(self.target.rect())
            self.setVisible(self.target.hasFocus())
            self.raise_()
        elif kind == QEvent.Type.Resize:
            self.setGeometry(self.target.rect())
        return False

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        paint_focus_frame(p, self.width(), self.height(), self.palette())
        p.end()


__all__ = ["FocusFrame"]
