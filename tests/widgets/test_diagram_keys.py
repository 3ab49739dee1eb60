"""The diagram by keys alone: arrow keys choose a neuron or an edge, Enter selects or explains,
a ring shows where the keys are, and the accessible description reads the focused number."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.diagram_keys import FOCUS_GAP
from bpstudio.widgets.network_diagram import NetworkDiagram


@pytest.fixture
def diagram(qtbot):
    d = NetworkDiagram(NetworkModel())  # 3 → 2 → 1
    qtbot.addWidget(d)
    d.resize(900, 600)
    d.show()
    qtbot.waitExposed(d)
    d.refresh_now()
    d.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)
    d.clearFocus()  # the keys come by Tab: a focus the window starts with shows no ring
    d.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is d
    return d


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_arrow_keys_walk_the_neurons_and_the_description_reads_them(qtbot, diagram):
    assert diagram.focus == (0, 0, None)  # the keys begin at the first input
    assert "input layer, neuron 1 of 3" in diagram.accessibleDescription()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)  # no fourth input: stays on the third
    assert diagram.focus == (0, 2, None)
    press(qtbot, Qt.Key.Key_Right)
    layer, j, _ = diagram.focus
    assert layer == 1
    a = float(diagram.scene.activations[1][j, 0])
    said = diagram.accessibleDescription()
    assert f"hidden layer 1, neuron {j + 1} of 2" in said
    assert f"activation a = {a:.4g}".replace("-", "−") in said
    press(qtbot, Qt.Key.Key_Right)
    assert diagram.focus == (2, 0, None)
    assert "output layer (layer 2)" in diagram.accessibleDescription()


def test_enter_selects_a_neuron_as_a_click_does(qtbot, diagram):
    press(qtbot, Qt.Key.Key_Right)
    with qtbot.waitSignal(diagram.neuron_selected) as chosen:
        press(qtbot, Qt.Key.Key_Return)
    assert chosen.args == [1, diagram.focus.j]
    assert diagram.selected == (1, diagram.focus.j)


def test_shift_arrows_go_along_the_incoming_weights_and_enter_explains_one(qtbot, diagram):
    model = diagram.model
    W1, W2 = model.network.weights
    model.set_parameters([W1, np.array([[0.75, -0.5]])], model.network.biases)
    diagram.refresh_now()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)  # the output neuron
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert diagram.focus == (2, 0, 0)
    assert "weight w[2] 1,1" in diagram.accessibleDescription()
    assert "= 0.75" in diagram.accessibleDescription()
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert diagram.focus == (2, 0, 1)
    assert "= −0.5" in diagram.accessibleDescription()
    with qtbot.waitSignal(diagram.weight_clicked) as clicked:
        press(qtbot, Qt.Key.Key_Enter)
    assert clicked.args == [2, 0, 1]  # w_12^[2]: into neuron 1 of layer 2, from neuron 2
    press(qtbot, Qt.Key.Key_Escape)
    assert diagram.focus == (2, 0, None)  # back on the neuron


def test_the_focus_ring_is_drawn_round_the_focused_neuron(qtbot, diagram):
    press(qtbot, Qt.Key.Key_Right)
    centre = diagram.neuron_pos(1, diagram.focus.j)
    ring = centre + QPointF(diagram.scene.layout.radius * diagram.view.scale() + FOCUS_GAP, 0)
    highlight = diagram.palette().text().color()  # the ring's ink

    def near(c):
        return max(abs(c.red() - highlight.red()), abs(c.green() - highlight.green()),
                   abs(c.blue() - highlight.blue())) < 40

    image = diagram.grab().toImage()
    assert near(image.pixelColor(ring.toPoint()))
    diagram.clearFocus()
    qtbot.waitUntil(lambda: not diagram.hasFocus())
    assert not near(diagram.grab().toImage().pixelColor(ring.toPoint()))


def test_the_arrow_keys_are_the_diagrams_not_the_windows_shortcuts(qtbot, diagram):
    from PySide6.QtGui import QAction, QKeySequence

    stepped = []
    action = QAction(diagram)
    action.setShortcut(QKeySequence("Right"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(lambda: stepped.append(1))
    diagram.addAction(action)
    press(qtbot, Qt.Key.Key_Right)
    assert stepped == [] and diagram.focus.layer == 1
