"""A matrix by keys: Tab brings a cursor onto a cell, the arrow keys move it, Enter asks where its
number comes from; the focus shows, and the accessible description reads the cell."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from bpstudio.widgets.matrix_view import MatrixView

VALUES = np.array([[0.25, -1.5, 3.0], [4.0, -0.125, 6.5]])


@pytest.fixture
def view(qtbot):
    """A matrix view after a line edit, in one window: Tab goes from one to the other."""
    window = QWidget()
    before = QLineEdit(window)
    view = MatrixView(window)
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(view)
    view.set_matrix("dW[1]", VALUES)
    qtbot.addWidget(window)
    window.resize(500, 400)
    window.show()
    qtbot.waitExposed(window)
    before.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view)
    yield view
    window.close()  # the window lives as long as the test


def press(qtbot, key):
    qtbot.keyClick(QApplication.focusWidget(), key)


def test_tab_puts_a_cursor_on_the_first_cell_and_arrows_move_it(qtbot, view):
    assert view.cursor == (0, 0)
    assert view.accessibleName() == "matrix dW[1], 2 by 3"
    assert view.accessibleDescription().startswith("dW[1] row 1, column 1 = 0.25")
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Down)
    assert view.cursor == (1, 1)
    assert "row 2, column 2 = −0.125" in view.accessibleDescription()
    for _ in range(4):
        press(qtbot, Qt.Key.Key_Right)
    assert view.cursor == (1, 2)  # the last column: it stays


def test_enter_explains_the_cursors_cell_as_a_click_does(qtbot, view):
    press(qtbot, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.cell_clicked) as clicked:
        press(qtbot, Qt.Key.Key_Return)
    assert clicked.args == [1, 0]
    # the cell chosen (its explanation open): the arrows ask for the next cell
    view.set_marks([("chosen", (1, 0))])
    with qtbot.waitSignal(view.move_asked) as asked:
        press(qtbot, Qt.Key.Key_Right)
    assert asked.args == [0, 1]
    view.set_marks([("chosen", (1, 1))])
    assert view.cursor == (1, 1)  # the cursor goes on from the cell explained
    with qtbot.waitSignal(view.close_asked):
        press(qtbot, Qt.Key.Key_Escape)


def test_the_cursors_cell_is_boxed_while_the_view_has_the_keys(qtbot, view):
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Down)
    ink = view.palette().text().color()
    box = view.cell_rect(1, 1)
    # just left of the cell, in its neighbour: the box's line runs there
    point = (int(box.left()) - 2, int(box.center().y()))

    def seen() -> bool:
        c = view.grab().toImage().pixelColor(*point)
        return abs(c.lightness() - ink.lightness()) < 60

    assert seen()
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    assert not seen()
