"""What a user does with the window's controls, for the tests that drive it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

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
