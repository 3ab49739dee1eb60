"""The equation view. Until the stepper arrives it states what the training engine runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ..core.equations import EQUATIONS


class EquationPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("EquationPanel")
        text = "   ".join(f"({e.number}) {e.formula}" for e in EQUATIONS.values())
        label = QLabel("Each training iteration runs the seed's equations:\n" + text)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        self.setAccessibleDescription(label.text())
