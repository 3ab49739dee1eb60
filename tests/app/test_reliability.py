"""Bad input, numerical faults and long runs in the real window: a message, nothing lost."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from bpstudio.core import npzfile
from bpstudio.core.sessionfile import load_session
from bpstudio.core.trainer import RunState


def train(qtbot, w, iterations, timeout=30_000):
    w.studio.model.set_hyper(iterations=iterations)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=timeout,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert w.studio.training.start()


def resident_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def test_a_session_save_that_fails_half_way_keeps_the_old_file(make_window, qtbot, tmp_path,
                                                               monkeypatch):
    w = make_window()
    train(qtbot, w, 20)
    path = tmp_path / "lesson.bpstudio"
    assert w.studio.store.save(str(path))
    before = path.read_bytes()
    train(qtbot, w, 20)

    def disk_full(f, **arrays):
        f.write(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(npzfile.np, "savez", disk_full)
    with qtbot.waitSignal(w.studio.store.message) as said:
        assert not w.studio.store.save()
    assert "could not save (No space left on device)" in said.args[0]
    assert w.isWindowModified()  # still unsaved: the question on closing still comes
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["lesson.bpstudio"]
    meta, arrays = load_session(path)
    assert arrays["costs"].shape == (20,)


def test_a_cut_off_jpeg_is_refused_and_changes_nothing(make_window, qtbot, tmp_path, cat_files):
    cat_files(tmp_path / "data")
    w = make_window()
    assert w.files.open_dataset(str(tmp_path / "data"))  # a network for 4×4 RGB images
    w.studio.model.loader.wait()  # read on a thread
    noise = np.random.default_rng(0).integers(0, 256, (80, 120, 3), dtype=np.uint8)
    image = QImage(noise.data, 120, 80, 360, QImage.Format.Format_RGB888)
    whole = tmp_path / "whole.jpg"
    assert image.save(str(whole), "JPEG")
    data = whole.read_bytes()
    for name, end in (("in-the-scan.jpg", len(data) * 2 // 3), ("in-the-header.jpg", 300)):
        (tmp_path / name).write_bytes(data[:end])
        with qtbot.waitSignal(w.studio.classify.message, timeout=5000) as said:
            w.studio.classify.open_paths([str(tmp_path / name)])
        assert f"{name}: the JPEG file is incomplete" in said.args[0]  # and no libjpeg warning
    assert w.studio.classify.results == []
    w.studio.classify.open_paths([str(whole)])  # the whole file still opens (no false alarm)
    qtbot.waitUntil(lambda: len(w.studio.classify.results) == 1, timeout=5000)


def test_a_refused_edit_while_training_shows_the_models_values_again(make_window, qtbot):
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: len(w.studio.model.history) > 5, timeout=30_000)
    editor = w.editor
    box = editor.activation_boxes[1]
    box.setCurrentText("tanh")
    box.activated.emit(box.currentIndex())  # what choosing with the mouse sends
    editor.loss_box.setCurrentIndex(editor.loss_box.findData("mse"))
    editor.loss_box.activated.emit(editor.loss_box.currentIndex())
    assert w.studio.model.network.activations[0] == "sigmoid" and w.studio.model.network.loss == "bce"
    assert box.currentText() == "sigmoid"
    assert editor.loss_box.currentData() == "bce"
    assert "Stop training" in w.training_panel.status.text()
    w.studio.training.wait()


def test_one_iteration_that_overflows_keeps_the_parameters(make_window, qtbot):
    w = make_window()
    m = w.studio.model
    huge = [W.copy() for W in m.network.weights]
    huge[0][0, 0] = np.inf  # as if an earlier step had overflowed
    m.set_parameters(huge, m.network.biases)
    with qtbot.waitSignal(w.studio.training.message) as said:
        assert not w.studio.training.step_once()
    assert "diverged" in said.args[0]
    assert len(m.history) == 0 and m.network.iterations_trained == 0
    np.testing.assert_array_equal(m.network.weights[0], huge[0])


def test_a_deep_sigmoid_network_says_why_it_does_not_learn(make_window, qtbot):
    w = make_window()
    m = w.studio.model
    assert m.data.use_builtin("circle")
    for _ in range(5):
        assert m.add_hidden_layer(8, "sigmoid")
    messages = []
    w.studio.training.message.connect(messages.append)
    train(qtbot, w, 200)
    assert any(t.startswith("Vanishing gradients: ‖dW[1]‖ is") for t in messages), messages
    status = w.training_panel.status.text()  # what stays on screen after the run
    assert status.startswith("Trained 200 iterations") and "Vanishing gradients" in status




def test_100000_iterations_keep_memory_flat_and_the_plots_decimated(make_window, qtbot):
    w = make_window()
    train(qtbot, w, 2000)  # warm up: imports, plot items, the first buffers
    start = resident_mb()
    train(qtbot, w, 100_000, timeout=300_000)
    grown = resident_mb() - start
    assert len(w.studio.model.history) == 102_000
    assert grown < 50, f"the window grew by {grown:.0f} MB over 100,000 iterations"
    w.cost_plot.frames.flush()
    x, y = w.cost_plot.train_curve.getData()  # what is drawn: peak-decimated to the view
    width = w.cost_plot.cost_plot.vb.width()
    assert 0 < len(x) <= 10 * width, (len(x), width)  # pyqtgraph: ~5 bins a pixel, 2 peaks each
    assert y.min() == pytest.approx(w.studio.model.history.costs.view().min())  # peaks kept


def test_one_iteration_of_a_big_network_runs_off_the_gui_thread_with_the_same_result(
        make_window, qtbot, cat_data_dir):
    from bpstudio.session.training import INLINE_ITERATION_MACS

    w = make_window()
    m = w.studio.model
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    for edit in (lambda: m.set_layer_size(1, 100), lambda: m.remove_hidden_layer(2),
                 lambda: m.remove_hidden_layer(2)):
        assert edit()
        qtbot.waitUntil(lambda: not m.building)  # 1.2 million weights: drawn on a thread
    assert m.network.dims == (12288, 100, 1)
    assert 209 * 12288 * 100 > INLINE_ITERATION_MACS  # so this one goes to the child process
    expected = m.network.copy()
    X = m.dataset.inputs(expected.input_dtype)[0]
    expected.iteration(X, m.dataset.Y_train, m.hyper.learning_rate)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=60_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        qtbot.mouseClick(w.training_panel.step_button, Qt.MouseButton.LeftButton)
    assert len(m.history) == 1 and m.network.iterations_trained == 1
    for a, b in zip(m.network.weights, expected.weights):
        np.testing.assert_array_equal(a, b)


def test_a_training_process_that_dies_is_reported_and_its_last_report_kept(make_window, qtbot):
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained > 10, timeout=30_000)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=10_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        w.studio.training._process.kill()  # as the system's out-of-memory killer would
    assert "ended unexpectedly" in w.training_panel.status.text()
    assert w.studio.model.network.iterations_trained == len(w.studio.model.history) > 10
    assert w.studio.training.start()  # and the next run starts as usual
    w.studio.training.wait()


def test_a_training_process_that_cannot_start_ends_the_run_with_a_message(make_window, qtbot,
                                                                           monkeypatch):
    """No memory or no process left for the child: the window does not say "running" for ever."""
    from bpstudio.session import training

    def refused(self):
        raise OSError(12, "Cannot allocate memory")

    w = make_window()
    monkeypatch.setattr(training._CONTEXT.Process, "start", refused)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=10_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert w.studio.training.start()
    assert "ended unexpectedly" in w.training_panel.status.text()
    assert w.studio.model.network.iterations_trained == 0 and len(w.studio.model.history) == 0
    monkeypatch.undo()
    assert w.studio.training.start()  # and the next run starts as usual
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained == w.studio.model.hyper.iterations,
                    timeout=60_000)


def _process_state(pid: int) -> str:
    """R running, S sleeping, T stopped (Linux's /proc)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def _stops(pid: int) -> bool:
    """Whether the child comes to a stop: SIGSTOP is delivered a moment after kill() returns
    (the child may be running on the other core). No events are processed meanwhile, so the
    hold's timer cannot release it while this looks."""
    for _ in range(2000):
        if _process_state(pid) == "T":
            return True
        time.sleep(0.005)
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc")
@pytest.mark.parametrize("switch", ["theme", "language"])
def test_a_switch_while_training_freezes_the_child_a_moment_then_it_trains_on(
        make_window, qtbot, switch, english_afterwards):
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained > 10, timeout=30_000)
    pid = w.studio.training._process.pid
    if switch == "theme":
        w.findChild(object, "Theme_dark").trigger()
    else:
        w.findChild(object, "Language_zh_CN").trigger()
    assert w.studio.training.held and _stops(pid)
    qtbot.waitUntil(lambda: not w.studio.training.held, timeout=5_000)
    assert _process_state(pid) != "T"
    done = w.studio.model.network.iterations_trained
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained > done, timeout=10_000)
    w.findChild(object, "Theme_light" if switch == "theme" else "Language_en").trigger()
    assert w.studio.training.held
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=10_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        w.studio.training.stop()  # while frozen: stopping thaws it first, or it would never hear
    assert not w.studio.training.held


def test_a_finished_runs_process_is_reaped_without_the_window_waiting_for_it(make_window, qtbot):
    w = make_window()
    w.studio.model.set_hyper(iterations=200)
    assert w.studio.training.start()
    process = w.studio.training._process
    qtbot.waitUntil(lambda: w.studio.training.state is RunState.IDLE, timeout=30_000)
    assert w.studio.training._process is None  # the window let go of it at once
    qtbot.waitUntil(lambda: not process.is_alive(), timeout=10_000)  # and a thread reaped it
    assert process.exitcode == 0


def _blas_threads() -> int:
    from threadpoolctl import threadpool_info

    return max(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")


def test_the_window_uses_one_blas_thread_and_the_training_child_every_core(make_window):
    """Two BLAS threads in the window's process mostly wait for a core while the child trains
    (benchmarks/bench_blas_threads.py); the child, spawned afresh, keeps its own."""
    import os

    from bpstudio.session.training import _CONTEXT

    make_window()
    assert _blas_threads() == 1
    with _CONTEXT.Pool(1) as pool:
        child = pool.apply(_blas_threads)
    if os.cpu_count() > 1:
        assert child > 1
