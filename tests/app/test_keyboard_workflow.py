"""The tutorial's workflow by key presses alone: every key goes to the widget that has the focus
(QApplication.focusWidget()), as a keyboard does; the file dialogs are answered by typing a path
and Enter. Open the cat data, choose the four-layer preset, train a few iterations, step to 3b of
layer 1, explain a cell of dW[1] and nudge it, classify a photo, save."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

from bpstudio.core.trainer import RunState

PHOTOS = Path(__file__).resolve().parents[3] / "shared" / "data" / "photos"
CTRL, SHIFT, ALT = (Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier,
                    Qt.KeyboardModifier.AltModifier)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    """One key, to whatever has the focus."""
    focus = QApplication.focusWidget()
    assert focus is not None, "no widget has the keys"
    qtbot.keyClick(focus, k, modifier)


def back_in(qtbot, w) -> None:
    """A dialog has gone: the window has the keys again (what the window manager does)."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w and QApplication.focusWidget()
                    is not None)


def tab_to(qtbot, wanted, most: int = 120) -> None:
    """Tab until the focus is on ``wanted`` (as a user does who sees the focus move)."""
    for _ in range(most):
        if QApplication.focusWidget() is wanted:
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is wanted, QApplication.focusWidget()


def f6_to(qtbot, part, most: int = 8) -> None:
    """F6 until the focus is in ``part`` of the window."""
    for _ in range(most):
        focus = QApplication.focusWidget()
        if focus is part or part.isAncestorOf(focus):
            return
        key(qtbot, Qt.Key.Key_F6)
    focus = QApplication.focusWidget()
    assert focus is part or part.isAncestorOf(focus), focus


def answer_file_dialog(qtbot, path: str, answered: list) -> None:
    """Once a file dialog shows (it is modal: what asked returns after it), type ``path`` into
    the field that has the focus and press Enter."""
    def look():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        if QApplication.activeWindow() is not dialog:
            dialog.activateWindow()  # what the window manager does with a new dialog
        focus = QApplication.focusWidget()
        if focus is None or not dialog.isAncestorOf(focus):
            QTimer.singleShot(20, look)
            return
        qtbot.keyClicks(focus, path)
        key(qtbot, Qt.Key.Key_Return)
        answered.append(dialog.windowTitle())
    QTimer.singleShot(0, look)


@pytest.fixture
def window(make_window, qtbot):
    w = make_window()
    w.diagram.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.diagram)
    return w


def test_the_tutorials_workflow_by_keys_alone(window, qtbot, cat_data_dir, tmp_path):
    w, s = window, window.studio
    photo = PHOTOS / "cat_in_iran.jpg"
    if not photo.exists():
        pytest.skip(f"no photo at {photo}")

    # open the cat data: Ctrl+O, its path typed into the dialog
    answered: list = []
    answer_file_dialog(qtbot, str(cat_data_dir / "train_catvnoncat.h5"), answered)
    key(qtbot, Qt.Key.Key_O, CTRL)
    back_in(qtbot, w)
    qtbot.waitUntil(lambda: s.model.dataset.is_image, timeout=60_000)
    assert answered

    # the four-layer preset: F6 to the editor, Tab to the presets, Alt+↓ opens their list
    f6_to(qtbot, w.editor)
    tab_to(qtbot, w.editor.preset_box)
    key(qtbot, Qt.Key.Key_Down, ALT)
    popup = w.editor.preset_box.view()
    qtbot.waitUntil(lambda: popup.isVisible())
    target = w.editor.preset_box.findData("four-layer")
    while popup.currentIndex().row() != target:
        key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    back_in(qtbot, w)  # the list was a window of its own
    qtbot.waitUntil(lambda: s.model.network.dims == (12288, 20, 7, 5, 1), timeout=30_000)

    # a few iterations: Tab to their number, type it, Ctrl+T trains
    tab_to(qtbot, w.editor.iterations_spin)
    key(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(QApplication.focusWidget(), "5")
    key(qtbot, Qt.Key.Key_Return)
    assert s.model.hyper.iterations == 5
    with qtbot.waitSignal(s.training.state_changed, timeout=120_000,
                          check_params_cb=lambda state: state is RunState.IDLE):
        key(qtbot, Qt.Key.Key_T, CTRL)
    assert s.model.network.iterations_trained == 5
    # the controls disabled while it trained: the keys stayed in the window, somewhere to see
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)

    # step to 3b of layer 1: F6 to the diagram (it keeps the arrows), Space steps
    f6_to(qtbot, w.diagram)
    stepper = s.stepper
    for _ in range(80):
        step = stepper.current_step()
        if step is not None and step.equation.label == "3b" and step.layer == 1:
            break
        qtbot.waitUntil(lambda: not stepper.laying_out, timeout=60_000)
        key(qtbot, Qt.Key.Key_Space)
    step = stepper.current_step()
    assert (step.equation.label, step.layer) == ("3b", 1)
    assert step.result.name in ("dW[1]", "∂L/∂W[1]")  # one sample: the tutorial writes ∂L/∂W
    assert "equation 3b, weight gradient of layer 1" in w.equations.formula.accessibleName()

    # explain a cell of dW[1]: F6 to the step's matrices, Tab to the result, Enter, → the next
    f6_to(qtbot, w.equations)
    result = w.equations.views[len(step.operands)]
    tab_to(qtbot, result)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: s.explain.explanation is not None)
    key(qtbot, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: s.explain.choice is not None and s.explain.choice.col == 1)
    assert "row 1, column 2" in result.accessibleDescription()
    key(qtbot, Qt.Key.Key_N, ALT)  # the explanation's "Nudge the weight ±ε"
    qtbot.waitUntil(lambda: s.explain.check is not None, timeout=30_000)

    # classify a photo: Ctrl+Shift+I, its path typed
    answered.clear()
    answer_file_dialog(qtbot, str(photo), answered)
    key(qtbot, Qt.Key.Key_I, CTRL | SHIFT)
    back_in(qtbot, w)
    qtbot.waitUntil(lambda: len(s.classify.results) == 1 and w.gallery.list.count() == 1,
                    timeout=60_000)
    qtbot.waitUntil(lambda: bool(w.gallery.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)))
    verdict = w.gallery.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "cat_in_iran" in verdict and re.search(r"\d\.\d\d (cat|non-cat)", verdict)

    # save: Ctrl+S asks where (a new session), the path typed
    target_file = tmp_path / "by-keys.bpstudio"
    answered.clear()
    answer_file_dialog(qtbot, str(target_file), answered)
    key(qtbot, Qt.Key.Key_S, CTRL)
    back_in(qtbot, w)
    qtbot.waitUntil(lambda: target_file.exists() and not s.store.modified, timeout=60_000)
    assert answered


def test_an_arrow_key_opens_the_presets_list_and_applies_nothing(window, qtbot):
    """↓ on the closed presets list chose the first preset at once: it opens the list, where ↓
    moves and only Enter applies one (Esc none)."""
    w = window
    w.studio.set_layers([3, 4, 1])  # not what the first preset makes
    box: QComboBox = w.editor.preset_box
    f6_to(qtbot, w.editor)
    tab_to(qtbot, box)
    dims = w.studio.model.network.dims
    key(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: box.view().isVisible())
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not box.view().isVisible())
    assert w.studio.model.network.dims == dims
