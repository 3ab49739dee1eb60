"""What a user does with the window's controls, for the tests that drive it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox

from bpstudio.core.trainer import RunState


def type_into(qtbot, spin, text):
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def choose(qtbot, combo: QComboBox, text: str):
    """Pick an entry as a user does: open the popup is not needed; keyboard selection emits activated."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setFocus()
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def train_and_wait(qtbot, w, timeout=60_000):
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=timeout,
                          check_params_cb=lambda s: s is RunState.IDLE):
        qtbot.mouseClick(w.training_panel.train_button, Qt.MouseButton.LeftButton)


def answer_when_asked(button, seen: list, tick_never_again: bool = False):
    """Click ``button`` of the question once it shows (it is modal: what asked it returns after
    it); ``seen`` gets its (object name, text, informative text)."""
    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, look)
            return
        seen.append((box.objectName(), box.text(), box.informativeText()))
        if tick_never_again:
            box.checkBox().setChecked(True)
        box.button(button).click()
    QTimer.singleShot(0, look)


def fork_in_the_dialog(qtbot, w, rate: float) -> None:
    """Runs → Fork a twin run…, the learning rate typed into the dialog, OK."""
    def answer():
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "ForkDialog"
        type_into(qtbot, dialog.rate, f"{rate}")
        dialog.accept()
    QTimer.singleShot(0, answer)
    w.findChild(QAction, "ForkTwinAction").trigger()
    w.activateWindow()  # the dialog has gone: the window has the keys again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
