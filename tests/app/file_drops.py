"""The drag-and-drop of files as a file manager sends it, for the tests that drop on the window."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication


def send_file_drop(target, point, paths) -> tuple[bool, bool]:
    """Drag-enter, drag-move and drop of ``paths`` at ``point`` of ``target``; (whether the enter
    was accepted, whether the drop was). Qt routes a Drop to the widget that accepted the
    DragEnter (QDragManager's current target), so the whole sequence goes to the widget under the
    pointer, as a real drag does."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, move)
    drop = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()
