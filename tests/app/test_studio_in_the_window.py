"""The tutorial's scenario clicked in the window lands where the studio alone lands
(tests/scenario.py): the window only shows the studio and calls its methods."""

from __future__ import annotations

from file_drops import send_file_drop
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from scenario import CELL, ITERATIONS, STEP, TWIN_RATE, assert_same_state, state_of
from user_actions import choose, fork_in_the_dialog, train_and_wait, type_into

from bpstudio.session.studio import Studio


def the_scenario_in_the_studio(qtbot, cat_data_dir, path) -> dict:
    s = Studio()
    try:
        s.open_dataset(str(cat_data_dir))
        qtbot.waitUntil(lambda: not s.busy, timeout=60_000)
        s.choose_preset("four-layer")
        s.set_hyper(iterations=ITERATIONS)
        s.train()
        qtbot.waitUntil(lambda: not s.busy, timeout=120_000)
        s.set_step_mode("batch")
        s.step_to(*STEP)
        s.explain_cell(*CELL)
        s.fork_twin(learning_rate=TWIN_RATE)
        s.save_session(str(path))
        return state_of(s)
    finally:
        s.shut_down()


def test_the_scenario_clicked_in_the_window_lands_where_the_studio_does(
        make_window, qtbot, cat_data_dir, tmp_path, monkeypatch):
    expected = the_scenario_in_the_studio(qtbot, cat_data_dir, tmp_path / "studio.bpstudio")
    w = make_window(1600, 1000)
    assert send_file_drop(w.diagram, w.diagram.rect().center(), [cat_data_dir]) == (True, True)
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=60_000)
    choose(qtbot, w.editor.preset_box, "Four-layer (12288–20–7–5–1)")
    type_into(qtbot, w.editor.iterations_spin, str(ITERATIONS))
    train_and_wait(qtbot, w, timeout=120_000)
    choose(qtbot, w.equations.mode_box, "whole batch")
    key, layer = STEP
    for _ in range(40):  # Page Down until the step on screen is 2a of layer 3
        qtbot.keyClick(w, Qt.Key.Key_PageDown)
        if (w.equations.formula.text().startswith(f"({key})")
                and f"layer {layer}" in w.equations.title.text()):
            break
    assert w.equations.formula.text() == "(2a)  dA[3] = W[4]ᵀ·dZ[4]"
    shown = {v.name: v for v in w.equations.views if v.isVisible()}
    view, row, col = CELL
    result = shown["dA[3]"]
    qtbot.mouseClick(result, Qt.MouseButton.LeftButton,
                     pos=result.cell_rect(row, col).center().toPoint())
    fork_in_the_dialog(qtbot, w, TWIN_RATE)
    path = tmp_path / "window.bpstudio"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(w.studio.store.saved, timeout=30_000):
        qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert_same_state(state_of(w.studio), expected)
    assert path.exists() and w.windowTitle().startswith("window.bpstudio")
