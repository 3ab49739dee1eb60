"""Keys typed to a control reached by the keyboard are that control's: Space presses a button or
ticks a box, the arrow and page keys move in a list of pictures. The window's stepping keys
(Space, ← →, Page Up / Down, Home) act everywhere else, and also when the control took the focus
from a mouse click (a teacher who clicked Train and then presses Space steps, as before; a
clicker's Page Down steps whatever was clicked last)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QWidget

BUTTON_KEYS = {Qt.Key.Key_Space}
LIST_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
             Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


class TypedKeys(QObject):
    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._typed: QWidget | None = None  # the control the keyboard brought the focus to
        QApplication.instance().focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, (QAbstractButton, QAbstractItemView)):
            new.installEventFilter(self)  # (once: installing again only moves it to the front)
            clicked = QApplication.mouseButtons() != Qt.MouseButton.NoButton
            self._typed = None if clicked else new
        elif new is not None:
            self._typed = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and watched is self._typed:
            self._typed = None  # clicked after all: the window's keys again
        elif (event.type() == QEvent.Type.ShortcutOverride and watched is self._typed
              and event.modifiers() == Qt.KeyboardModifier.NoModifier):  # type: ignore[attr-defined]
            keys = BUTTON_KEYS if isinstance(watched, QAbstractButton) else LIST_KEYS
            if event.key() in keys:  # type: ignore[attr-defined]
                event.accept()
                return True
        return False
