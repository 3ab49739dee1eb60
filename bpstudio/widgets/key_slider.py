"""A slider that keeps its own keys while it has the focus.

The stepper's keys (← → Space Page Up/Down Home) are window-wide shortcuts, so a presentation
clicker works wherever the focus is; spin boxes and text fields claim them through
ShortcutOverride, and so does this slider for the keys it moves by.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSlider

SLIDER_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
               Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}


class KeySlider(QSlider):
    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in SLIDER_KEYS:
            event.accept()  # the key comes to keyPressEvent instead of the window's shortcut
            return True
        return super().event(event)
