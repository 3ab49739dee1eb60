"""The drag-and-drop of files as a file manager sends it, for the tests that drop on the window;
the pictures they drop, and the wait for the gallery's results."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QImage
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
    accepted = enter.isAccepted(), drop.isAccepted()
    QApplication.processEvents()  # the window opens the files once the drop has ended
    return accepted


def drop(window, paths, target=None):
    """Send the drag-enter and drop events a file manager sends, at a point over ``target``."""
    target = target or window.diagram
    assert send_file_drop(target, target.rect().center(), paths) == (True, True)


def wait_results(qtbot, window, n):
    """Until ``n`` pictures are classified and none is still being read."""
    qtbot.waitUntil(lambda: len(window.studio.classify.results) >= n
                    and window.studio.classify.pending == 0, timeout=10_000)


def photo(width, height, seed=0) -> QImage:
    """A picture of random pixels."""
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    return QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
