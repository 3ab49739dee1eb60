"""Stepping through one iteration in the window, with the keys a presentation clicker sends."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QSpinBox

from bpstudio.session.stepper_model import BATCH


@pytest.fixture
def window(make_window):
    return make_window()


def expected_321(m: int) -> list[tuple[str, str]]:
    """(equation label, shapes) of every step of the 3–2–1 net on m samples, written out by hand."""
    return [
        ("eq. (1)", f"(2×3)·(3×{m}) + (2×1) → (2×{m})"),
        ("eq. (2)", f"σ(2×{m}) → (2×{m})"),
        ("eq. (1)", f"(1×2)·(2×{m}) + (1×1) → (1×{m})"),
        ("eq. (2)", f"σ(1×{m}) → (1×{m})"),
        ("cost", f"A[2] (1×{m}), Y (1×{m}) → C"),
        ("gradient of the cost", f"A[2] (1×{m}), Y (1×{m}) → dA[2]"),
        ("eq. (3)", f"(1×{m}) ⊙ (1×{m}) → (1×{m})"),
        ("eq. (6)", f"(1×{m})·({m}×2) → (1×2)"),
        ("eq. (5)", f"Σ_columns (1×{m}) → (1×1)"),
        ("eq. (9)", f"(2×1)·(1×{m}) → (2×{m})"),
        ("eq. (4)", f"(2×{m}) ⊙ (2×{m}) → (2×{m})"),
        ("eq. (6)", f"(2×{m})·({m}×3) → (2×3)"),
        ("eq. (5)", f"Σ_columns (2×{m}) → (2×1)"),
        ("eq. (8)", "(2×3) − α·(2×3) → (2×3)"),
        ("eq. (7)", "(2×1) − α·(2×1) → (2×1)"),
        ("eq. (8)", "(1×2) − α·(1×2) → (1×2)"),
        ("eq. (7)", "(1×1) − α·(1×1) → (1×1)"),
    ]


@pytest.mark.parametrize("mode,m", [("sample", 1), (BATCH, 150)])
def test_right_arrow_walks_the_steps_in_order_with_their_shapes(window, qtbot, mode, m):
    window.stepper.set_mode(mode)
    panel = window.equations
    expected = expected_321(m)
    for k, (label, shapes) in enumerate(expected, start=1):
        qtbot.keyClick(window, Qt.Key.Key_Right)
        assert panel.title.text().startswith(f"Step {k} of {len(expected)}"), panel.title.text()
        assert label in panel.title.text()
        assert panel.shapes.text() == shapes
        assert panel.step_list.currentRow() == k - 1
        assert f"Step {k} of {len(expected)}." in panel.accessibleDescription()


def test_left_restores_the_parameters_and_the_end_adds_a_cost_point(window, qtbot):
    model = window.model
    start = [W.copy() for W in model.network.weights]
    for _ in range(14):  # up to and including eq. 8 for layer 1
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert "eq. (8)" in window.equations.title.text()
    assert not np.array_equal(model.network.weights[0], start[0])  # the diagram's weights changed
    qtbot.keyClick(window, Qt.Key.Key_Left)
    np.testing.assert_array_equal(model.network.weights[0], start[0])
    assert len(window.cost_plot.cost_points()[0]) == 0
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.stepper.stepper.finished
    x, y = window.cost_plot.cost_points()
    assert len(x) == 1 and y[0] == window.stepper.stepper.cost
    assert model.network.iterations_trained == 1
    for W, W0 in zip(model.network.weights, start):
        assert not np.array_equal(W, W0)
    qtbot.keyClick(window, Qt.Key.Key_PageUp)  # back from the end: the iteration is withdrawn
    assert len(window.cost_plot.cost_points()[0]) == 0 and model.network.iterations_trained == 0


def test_stepping_a_whole_iteration_equals_one_engine_iteration(window, qtbot):
    model = window.model
    engine = model.network.copy()
    j = model.sample_index
    engine.iteration(model.dataset.X_train[:, j:j + 1], model.dataset.Y_train[:, j:j + 1], 0.5)
    qtbot.mouseClick(window.equations.end_button, Qt.MouseButton.LeftButton)
    for W, E in zip(model.network.weights, engine.weights):
        np.testing.assert_array_equal(W, E)


def test_home_buttons_list_and_phase_jumps(window, qtbot):
    panel = window.equations
    qtbot.mouseClick(panel.backward_button, Qt.MouseButton.LeftButton)
    assert "gradient of the cost" in panel.title.text()
    qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    assert "eq. (8)" in panel.title.text() and " · update · " in panel.title.text()
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert panel.title.text().startswith("Iteration 1: 17 steps")
    item = panel.step_list.item(10)  # "11. dZ[1] = …"
    rect = panel.step_list.visualItemRect(item)
    qtbot.mouseClick(panel.step_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.title.text().startswith("Step 11 of 17") and "eq. (4)" in panel.title.text()
    qtbot.mouseClick(panel.prev_button, Qt.MouseButton.LeftButton)
    assert panel.title.text().startswith("Step 10 of 17")


def test_small_matrices_are_number_grids_with_the_real_values(window, qtbot):
    window.stepper.set_mode(BATCH)
    window.stepper.go(12)  # eq. 6 for layer 1: dW[1] is 2×3
    panel = window.equations
    result = panel.views[2]
    assert result.name == "dW[1]" and result.is_grid
    step = window.stepper.stepper.current
    np.testing.assert_array_equal(result.value, step.result.value)
    assert not panel.views[0].is_grid  # dZ[1] is 2×150: a heatmap
    r = result._content_rect()
    centre = QPointF(r.left() + r.width() / 6, r.top() + r.height() / 4)  # cell (1, 1)
    assert result.value_text_at(centre) == f"dW[1][1, 1] = {step.result.value[0, 0]:.6g}"


def test_the_diagram_marks_what_the_step_touches(window, qtbot):
    window.stepper.go(1)  # eq. 1, layer 1
    assert window.diagram.highlight["layers"] == {1} and window.diagram.highlight["edges"] == {1}
    forward = window.diagram.highlight["colour"]
    window.stepper.go(10)  # eq. 9: back along W[2]ᵀ into layer 1
    h = window.diagram.highlight
    assert h["edges"] == {2} and h["layers"] == {1} and h["colour"] != forward
    assert set(h["delta"]) == {2}
    window.stepper.go(11)  # eq. 4 gives δ of layer 1: hovering shows it
    window.diagram.refresh_now()
    pos = window.diagram.neuron_pos(1, 0)
    delta = window.stepper.stepper.deltas()[1][0, 0]
    assert f"δ_1^[1] = dz_1^[1] = {delta:.6g}" in window.diagram.tooltip_at(pos)


def test_stepping_waits_while_training(window, qtbot):
    window.model.set_hyper(iterations=1_000_000)
    window.training.start()
    qtbot.waitUntil(lambda: len(window.model.history) > 0, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert "Training is running" in window.equations.title.text()
    assert not window.equations.next_button.isEnabled()
    with qtbot.waitSignal(window.training.state_changed, check_params_cb=lambda s: s == "idle"):
        window.training.stop()
    assert window.equations.next_button.isEnabled()


def test_the_cat_net_shows_the_seeds_shapes(qtbot, make_window, cat_data_dir):
    w = make_window()
    assert w.open_dataset(str(cat_data_dir))
    w.model.loader.wait()  # read on a thread
    w.stepper.set_mode(BATCH)
    # the editor's rows are rebuilt for the new network; the old ones go at the next event loop
    qtbot.waitUntil(lambda: len(w.editor.findChildren(QSpinBox, "LayerSize1")) == 1)
    spin = w.editor.findChild(QSpinBox, "LayerSize1")
    spin.setFocus()  # the user was editing a layer …
    qtbot.keyClick(spin, Qt.Key.Key_Right)  # … so the arrow moves the cursor there
    assert "Press → or Space to begin" in w.equations.title.text()
    qtbot.mouseClick(w.equations, Qt.MouseButton.LeftButton, pos=w.equations.title.geometry().center())
    qtbot.keyClick(w.equations, Qt.Key.Key_Right)
    assert w.equations.formula.text() == "(1)  Z[1] = W[1]·A[0] + b[1]"
    assert w.equations.shapes.text() == "(20×12288)·(12288×209) + (20×1) → (20×209)"
    assert not w.equations.views[1].is_grid


def test_a_costly_network_is_laid_out_after_the_first_key_and_the_keys_pressed_meanwhile_count(
        window, qtbot, cat_files, tmp_path):
    cat_files(tmp_path / "cats", size=64)  # 12288 inputs
    assert window.open_dataset(str(tmp_path / "cats"))
    window.model.loader.wait()  # read on a thread
    qtbot.keyClick(window.editor.findChild(QSpinBox, "LayerSize1"), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor.findChild(QSpinBox, "LayerSize1"), "512")
    qtbot.keyClick(window.editor.findChild(QSpinBox, "LayerSize1"), Qt.Key.Key_Return)
    assert "initial weights" in window.statusBar().currentMessage()  # drawn on a thread
    qtbot.waitUntil(lambda: window.model.network.dims[1] == 512, timeout=10_000)
    panel = window.equations
    qtbot.waitUntil(lambda: "Press → or Space to lay it out" in panel.title.text())
    assert f"{12288 * 512 + 512 * 7 + 7 * 5 + 5 * 1:,} weights" in panel.title.text()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert panel.title.text().startswith("Laying out iteration 1")
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.title.text().startswith("Step 2 of"), timeout=10_000)
    assert panel.step_list.currentRow() == 1
