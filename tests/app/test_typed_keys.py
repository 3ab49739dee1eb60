"""Space typed to a check box reached by Tab ticks it (the window's stepping key does not take it);
a button clicked with the mouse leaves Space to the stepper, as before."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton


def test_space_ticks_a_box_reached_by_tab_and_steps_after_a_click(make_window, qtbot):
    w = make_window()
    w.studio.use_builtin("xor")
    qtbot.waitUntil(lambda: w.plane_view.isVisible())
    stepper = w.studio.stepper
    w.diagram.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.diagram)
    for _ in range(300):  # Tab round the window to a check box
        focus = QApplication.focusWidget()
        if isinstance(focus, QCheckBox) and focus.isVisible():
            break
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    box = QApplication.focusWidget()
    assert isinstance(box, QCheckBox), box
    ticked, at = box.isChecked(), stepper.position()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: box.isChecked() != ticked)
    assert stepper.position() == at  # Space was the box's, not a step

    button = w.equations.findChild(QPushButton, "StepHomeButton") or next(
        b for b in w.equations.findChildren(QPushButton) if b.isVisible() and b.isEnabled())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    at = stepper.position()
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: stepper.position() == at + 1)  # after a click, Space steps
