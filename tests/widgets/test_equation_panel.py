"""Stepping through one iteration in the window, with the keys a presentation clicker sends."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from bpstudio.core.trainer import RunState
from bpstudio.session.stepper_model import BATCH


@pytest.fixture
def window(make_window):
    return make_window()


def expected_321(m: int) -> list[tuple[str, str]]:
    """(what the title names, shapes) of every step of the 3–2–1 net on m samples, written out
    by hand in the tutorial's numbering: 等式1–4, the forward pass and the cost unnumbered."""
    one = m == 1
    return [
        ("weighted input", f"(2×3)·(3×{m}) + (2×1) → (2×{m})"),
        ("activation", f"σ(2×{m}) → (2×{m})"),
        ("weighted input", f"(1×2)·(2×{m}) + (1×1) → (1×{m})"),
        ("activation", f"σ(1×{m}) → (1×{m})"),
        ("loss L of " + ("this sample" if one else "each sample"), f"(1×{m}), (1×{m}) → (1×{m})"),
        *([] if one else [("cost C", f"1/m·Σᵢ (1×{m}) → (1×1)")]),
        ("equation 1a · output-layer error", f"(1×{m}), (1×{m}) → (1×{m})"),
        ("equation 1b · output-layer error", f"(1×{m}) − (1×{m}) → (1×{m})"),
        ("equation 3a · rates of change", "(1×1) → (1×1)" if one else f"1/m·Σᵢ (1×{m}) → (1×1)"),
        ("equation 3b · rates of change",
         "(1×1)·(1×2) → (1×2)" if one else f"1/m·(1×{m})·({m}×2) → (1×2)"),
        ("equation 2a · hidden-layer error", f"(2×1)·(1×{m}) → (2×{m})"),
        ("equation 2b · hidden-layer error", f"(2×{m}) ⊙ (2×{m}) → (2×{m})"),
        ("equation 3a · rates of change", "(2×1) → (2×1)" if one else f"1/m·Σᵢ (2×{m}) → (2×1)"),
        ("equation 3b · rates of change",
         "(2×1)·(1×3) → (2×3)" if one else f"1/m·(2×{m})·({m}×3) → (2×3)"),
        ("equation 4a · parameter update", "(2×1) − α·(2×1) → (2×1)"),
        ("equation 4b · parameter update", "(2×3) − α·(2×3) → (2×3)"),
        ("equation 4a · parameter update", "(1×1) − α·(1×1) → (1×1)"),
        ("equation 4b · parameter update", "(1×2) − α·(1×2) → (1×2)"),
    ]


@pytest.mark.parametrize("mode,m", [("sample", 1), (BATCH, 150)])
def test_right_arrow_walks_the_steps_in_order_with_their_shapes(window, qtbot, mode, m):
    window.studio.stepper.set_mode(mode)
    panel = window.equations
    expected = expected_321(m)
    for k, (label, shapes) in enumerate(expected, start=1):
        qtbot.keyClick(window, Qt.Key.Key_Right)
        assert panel.title.text().startswith(f"Step {k} of {len(expected)}"), panel.title.text()
        assert label in panel.title.text()
        assert panel.shapes.text() == shapes
        assert panel.step_list.currentRow() == k - 1
        assert f"Step {k} of {len(expected)}." in panel.accessibleDescription()


def test_stepping_previews_the_update_and_changes_nothing_until_applied(window, qtbot):
    model = window.studio.model
    start = [W.copy() for W in model.network.weights]
    for _ in range(15):  # up to and including 等式4b for layer 1
        qtbot.keyClick(window, Qt.Key.Key_Space)
    assert "equation 4b" in window.equations.title.text() and "layer 1" in window.equations.title.text()
    window.diagram.refresh_now()
    assert window.diagram.previewing  # the diagram shows the stepped W[1], marked not applied …
    assert not np.array_equal(window.studio.stepper.preview()[0][0], start[0])
    np.testing.assert_array_equal(model.network.weights[0], start[0])  # … the network keeps its own
    for _ in range(2):  # back before the first update (4a, b[1]): nothing stepped is drawn
        qtbot.keyClick(window, Qt.Key.Key_Left)
    window.diagram.refresh_now()
    assert not window.diagram.previewing
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.studio.stepper.stepper.finished and window.equations.apply_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # past the end: nothing is applied by a key
    assert len(window.cost_plot.cost_points()[0]) == 0 and model.network.iterations_trained == 0
    for W, W0 in zip(model.network.weights, start):
        np.testing.assert_array_equal(W, W0)
    qtbot.keyClick(window, Qt.Key.Key_Home)  # the start again: the trained network on screen
    window.diagram.refresh_now()
    assert not window.diagram.previewing and not window.equations.apply_button.isVisible()


def test_applying_a_whole_iteration_equals_one_engine_iteration_and_undoes(window, qtbot):
    model = window.studio.model
    window.studio.stepper.set_mode(BATCH)
    start = [W.copy() for W in model.network.weights] + [b.copy() for b in model.network.biases]
    engine = model.network.copy()
    cost, _, _ = engine.iteration(model.dataset.X_train, model.dataset.Y_train, 0.5)
    qtbot.mouseClick(window.equations.end_button, Qt.MouseButton.LeftButton)
    button = window.equations.apply_button
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty())  # shown and laid out
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    for W, E in zip(model.network.weights + model.network.biases, engine.weights + engine.biases):
        np.testing.assert_array_equal(W, E)  # bit for bit one engine iteration
    assert model.network.iterations_trained == 1 and model.history.costs.view().tolist() == [cost]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    for W, W0 in zip(model.network.weights + model.network.biases, start):
        np.testing.assert_array_equal(W, W0)
    assert model.network.iterations_trained == 0 and len(model.history) == 0
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    for W, E in zip(model.network.weights + model.network.biases, engine.weights + engine.biases):
        np.testing.assert_array_equal(W, E)
    assert len(model.history) == 1


def test_one_applied_sample_is_drawn_apart_from_the_batch(window, qtbot):
    model = window.studio.model
    window.studio.training.step_once()  # one batch iteration
    window.studio.stepper.run_to_end()  # one sample
    assert window.studio.stepper.apply()
    assert model.history.one_sample.view().tolist() == [0.0, 1.0]
    x, y = window.cost_plot.cost_points()
    assert x.tolist() == [0.0]  # the batch's curve
    sx, sy = window.cost_plot.one_sample_points.getData()
    assert sx.tolist() == [1.0] and sy[0] == model.history.costs.view()[1]


def test_home_buttons_list_and_phase_jumps(window, qtbot):
    panel = window.equations
    qtbot.mouseClick(panel.backward_button, Qt.MouseButton.LeftButton)
    assert "equation 1a" in panel.title.text()
    qtbot.mouseClick(panel.update_button, Qt.MouseButton.LeftButton)
    assert "equation 4a" in panel.title.text() and " · update · " in panel.title.text()
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert panel.title.text().startswith("Iteration 0: 17 steps on one sample")
    item = panel.step_list.item(10)  # "11. (2b) δ[1] = …"
    assert item.text() == "11. (2b) δ[1] = ∂L/∂a[1] ⊙ σ′(z[1])"
    rect = panel.step_list.visualItemRect(item)
    qtbot.mouseClick(panel.step_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.title.text().startswith("Step 11 of 17") and "equation 2b" in panel.title.text()
    qtbot.mouseClick(panel.prev_button, Qt.MouseButton.LeftButton)
    assert panel.title.text().startswith("Step 10 of 17")


def test_small_matrices_are_number_grids_with_the_real_values(window, qtbot):
    window.studio.stepper.set_mode(BATCH)
    window.studio.stepper.go(14)  # 等式3b for layer 1: dW[1] is 2×3
    panel = window.equations
    result = panel.views[2]
    assert result.name == "dW[1]"
    qtbot.waitUntil(lambda: result.is_grid)  # once laid out: its digits fit its cells
    step = window.studio.stepper.stepper.current
    np.testing.assert_array_equal(result.value, step.result.value)
    assert not panel.views[0].is_grid  # dZ[1] is 2×150: a heatmap
    centre = result.cell_rect(0, 0).center()  # cell (1, 1)
    assert result.value_text_at(centre) == f"dW[1][1, 1] = {step.result.value[0, 0]:.6g}"


def test_the_diagram_marks_what_the_step_touches(window, qtbot):
    window.studio.stepper.go(1)  # z[1]: W[1]'s edges into layer 1
    assert window.diagram.highlight["layers"] == {1} and window.diagram.highlight["edges"] == {1}
    forward = window.diagram.highlight["colour"]
    window.studio.stepper.go(10)  # 等式2a: back along W[2]ᵀ into layer 1
    h = window.diagram.highlight
    assert h["edges"] == {2} and h["layers"] == {1} and h["colour"] != forward
    assert set(h["delta"]) == {2}
    window.studio.stepper.go(13)  # 等式3b of layer 1 lights W[1]'s edges, no neurons
    assert window.diagram.highlight["edges"] == {1} and window.diagram.highlight["layers"] == set()
    window.studio.stepper.go(11)  # 等式2b gives δ of layer 1: hovering shows it
    window.diagram.refresh_now()
    pos = window.diagram.neuron_pos(1, 0)
    delta = window.studio.stepper.stepper.deltas()[1][0, 0]
    # one sample stepped: its notation, δ (never "δ = dz", the two notations at once)
    assert f"<i>δ</i><sub>1</sub><sup>[1]</sup> = {delta:.6g}" in window.diagram.tooltip_at(pos)


def test_stepping_waits_while_training(window, qtbot):
    window.studio.model.set_hyper(iterations=1_000_000)
    window.studio.training.start()
    qtbot.waitUntil(lambda: len(window.studio.model.history) > 0, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert "Training is running" in window.equations.title.text()
    assert not window.equations.next_button.isEnabled()
    with qtbot.waitSignal(window.studio.training.state_changed,
                          check_params_cb=lambda s: s is RunState.IDLE):
        window.studio.training.stop()
    assert window.equations.next_button.isEnabled()


def test_the_cat_net_shows_the_seeds_shapes(qtbot, make_window, cat_data_dir):
    w = make_window()
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    w.studio.stepper.set_mode(BATCH)
    # the editor's rows are rebuilt for the new network; the old ones go at the next event loop
    qtbot.waitUntil(lambda: len(w.editor.findChildren(QSpinBox, "LayerSize1")) == 1)
    spin = w.editor.findChild(QSpinBox, "LayerSize1")
    spin.setFocus()  # the user was editing a layer …
    qtbot.keyClick(spin, Qt.Key.Key_Right)  # … so the arrow moves the cursor there
    assert "Press → or Space to begin" in w.equations.title.text()
    qtbot.mouseClick(w.equations, Qt.MouseButton.LeftButton, pos=w.equations.title.geometry().center())
    qtbot.keyClick(w.equations, Qt.Key.Key_Right)
    assert w.equations.formula.text() == "Z[1] = W[1]·A[0] + b[1]"
    assert w.equations.shapes.text() == "(20×12288)·(12288×209) + (20×1) → (20×209)"
    assert not w.equations.views[1].is_grid


def test_a_costly_network_is_laid_out_after_the_first_key_and_the_keys_pressed_meanwhile_count(
        window, qtbot, cat_files, tmp_path):
    cat_files(tmp_path / "cats", size=64)  # 12288 inputs
    assert window.files.open_dataset(str(tmp_path / "cats"))
    window.studio.model.loader.wait()  # read on a thread
    qtbot.keyClick(window.editor.findChild(QSpinBox, "LayerSize1"), Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.editor.findChild(QSpinBox, "LayerSize1"), "512")
    qtbot.keyClick(window.editor.findChild(QSpinBox, "LayerSize1"), Qt.Key.Key_Return)
    assert "initial weights" in window.statusBar().currentMessage()  # drawn on a thread
    qtbot.waitUntil(lambda: window.studio.model.network.dims[1] == 512, timeout=10_000)
    panel = window.equations
    qtbot.waitUntil(lambda: "Press → or Space to lay it out" in panel.title.text())
    assert f"{12288 * 512 + 512 * 7 + 7 * 5 + 5 * 1:,} weights" in panel.title.text()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert panel.title.text().startswith("Laying out iteration 0")
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: panel.title.text().startswith("Step 2 of"), timeout=10_000)
    assert panel.step_list.currentRow() == 1
