"""F6 and Shift+F6 take the keys from one part of the window to the next (the diagram, the
playground's output, the step's matrices, the editor, the training panel, the pictures), each part at a control that is on
screen; a control disabled under the keys (training) leaves them in its part, never nowhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpstudio.core.stepper import BACKWARD


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    focus = QApplication.focusWidget()
    assert focus is not None, "no widget has the keys"
    qtbot.keyClick(focus, k, modifier)


def part_of(w, widget) -> str:
    for name, part in (("diagram", w.diagram), ("plane", w.plane_view), ("steps", w.equations), ("editor", w.editor),
                       ("training", w.training_dock), ("gallery", w.gallery)):
        if widget is part or part.isAncestorOf(widget):
            return name
    return type(widget).__name__


def test_f6_goes_round_the_parts_of_the_playground_window(make_window, qtbot):
    w = make_window()
    w.studio.use_builtin("xor")
    qtbot.waitUntil(lambda: w.plane_view.isVisible())
    w.studio.stepper.jump_to(BACKWARD)
    qtbot.waitUntil(lambda: w.studio.stepper.current_step() is not None)
    w.diagram.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.diagram)
    seen = []
    for _ in range(6):
        key(qtbot, Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        seen.append(part_of(w, focus))
        assert not focus.visibleRegion().isEmpty(), (seen[-1], focus)  # on screen, not squeezed
    assert seen == ["plane", "steps", "editor", "training", "gallery", "diagram"]
    assert QApplication.focusWidget() is w.diagram
    key(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert part_of(w, QApplication.focusWidget()) == "gallery"


def test_the_keys_stay_in_the_window_while_training_disables_their_control(make_window, qtbot):
    w = make_window()
    w.studio.set_hyper(iterations=3000)
    w.training_panel.train_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.training_panel.train_button)
    key(qtbot, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not w.training_panel.train_button.isEnabled())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert part_of(w, QApplication.focusWidget()) == "training"
    w.studio.stop()
