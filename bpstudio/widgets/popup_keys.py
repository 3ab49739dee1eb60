"""A list whose every choice acts at once (a preset, a data set) opens on the arrow keys instead
of choosing with each: a closed combo box chose the next entry with ↓, so a keyboard user who
only looked further applied the first preset. Opened, ↓ moves and Enter chooses, as a click does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox

MOVING = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
          Qt.Key.Key_Home, Qt.Key.Key_End}


class OpenOnArrows(QObject):
    """Installed on ``boxes``: an arrow key on a closed box opens its list."""

    def __init__(self, *boxes: QComboBox) -> None:
        super().__init__(boxes[0])
        for box in boxes:
            box.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if (isinstance(watched, QComboBox) and event.type() == QEvent.Type.KeyPress
                and event.key() in MOVING and not watched.view().isVisible()):
            watched.showPopup()
            return True
        return False
