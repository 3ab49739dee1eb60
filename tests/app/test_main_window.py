"""The studio window driven as a user drives it: typing, clicking, keys."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QSpinBox

from user_actions import choose, train_and_wait, type_into
from bpstudio.app.main_window import MainWindow
from bpstudio.session.studio import Studio
from bpstudio.core.network import Network
from bpstudio.core.trainer import HyperParameters, ProgressState, RunState, Trainer


@pytest.fixture
def window(make_window):
    return make_window(1600, 900)


def test_all_named_widgets_are_there(window):
    for name in ("NetworkDiagram", "LayerEditor", "TrainingPanel", "CostPlot", "EquationPanel"):
        assert window.findChild(object, name) is not None, name


def test_editing_sizes_and_activations_changes_diagram_and_engine(window, qtbot):
    editor, diagram = window.editor, window.diagram
    type_into(qtbot, editor.findChild(QSpinBox, "LayerSize1"), "5")
    assert window.studio.model.network.dims == (3, 5, 1)
    diagram.refresh_now()
    assert diagram.layer_labels()[1] == "layer 1: n[1] = 5 · sigmoid"
    assert len(diagram.drawn_neurons(1)) == 5
    choose(qtbot, editor.findChild(QComboBox, "LayerActivation1"), "tanh")
    assert window.studio.model.network.activations == ("tanh", "sigmoid")
    qtbot.mouseClick(editor.findChild(QPushButton, "AddLayerButton"), Qt.MouseButton.LeftButton)
    assert window.studio.model.network.dims == (3, 5, 4, 1)
    diagram.refresh_now()
    assert diagram.layer_labels()[2] == "layer 2: n[2] = 4 · relu"
    qtbot.mouseClick(editor.findChild(QPushButton, "RemoveLayer1"), Qt.MouseButton.LeftButton)
    assert window.studio.model.network.dims == (3, 4, 1)


def test_too_many_neurons_gets_a_message_and_changes_nothing(window, qtbot):
    spin = window.editor.findChild(QSpinBox, "LayerSize1")
    type_into(qtbot, spin, "5000")
    assert window.studio.model.network.dims == (3, 2, 1)
    assert "1 to 512 neurons" in window.training_panel.status.text()
    assert spin.value() == 2


def test_training_the_3_2_1_preset_plots_every_iteration_and_lowers_the_cost(window, qtbot):
    type_into(qtbot, window.editor.findChild(QSpinBox, "Iterations"), "300")
    train_and_wait(qtbot, window)
    x, y = window.cost_plot.cost_points()
    assert len(x) == 300 and list(x[:3]) == [0, 1, 2]
    assert y[-1] < y[0] * 0.7
    assert window.training_panel.progress.value() == 100
    assert window.training_panel.speed.text().startswith("300 iterations")
    assert window.studio.model.network.iterations_trained == 300
    # the same numbers as the engine run headless from the same start
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    t = Trainer(net, window.studio.model.dataset.X_train, window.studio.model.dataset.Y_train,
                HyperParameters(0.5, 300))
    list(t.run())
    np.testing.assert_array_equal(y, t.costs)
    np.testing.assert_array_equal(window.studio.model.network.weights[0], net.weights[0])


def test_pause_resume_stop(window, qtbot):
    type_into(qtbot, window.editor.findChild(QSpinBox, "Iterations"), "5000000")
    panel = window.training_panel
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.studio.model.history) > 100)
    training = window.studio.training
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.pause_button.text() == "Resume"
    # the child obeyed: its last record says so (every record before it has arrived)
    qtbot.waitUntil(lambda: training.last_record.state is ProgressState.PAUSED)
    at_pause = len(window.studio.model.history)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.pause_button.text() == "Pause"
    qtbot.waitUntil(lambda: len(window.studio.model.history) > at_pause + 100)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: training.last_record.state is ProgressState.PAUSED)
    paused = len(window.studio.model.history)
    with qtbot.waitSignal(training.state_changed, check_params_cb=lambda s: s is RunState.IDLE):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert "Stopped after" in panel.status.text()
    # a paused run did not move: stopped, the child has reported all it did, and that is what
    # it had done when it paused
    n = len(window.studio.model.history)
    assert n == paused and window.studio.model.network.iterations_trained == n < 5_000_000
    assert panel.train_button.isEnabled() and not panel.stop_button.isEnabled()


def test_one_iteration_and_reset_with_undo(window, qtbot):
    panel = window.training_panel
    for _ in range(3):
        qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    assert len(window.studio.model.history) == 3
    trained = window.studio.model.network.weights[0].copy()
    qtbot.mouseClick(panel.reset_button, Qt.MouseButton.LeftButton)
    assert len(window.studio.model.history) == 0
    assert not np.array_equal(window.studio.model.network.weights[0], trained)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(window.studio.model.network.weights[0], trained)
    assert len(window.studio.model.history) == 3 and len(window.cost_plot.cost_points()[0]) == 3


def test_divergence_is_caught_and_the_last_good_parameters_stay(window, qtbot):
    m = window.studio.model
    m.set_network_option(loss="mse")
    m.set_activation(2, "linear")
    m.set_activation(1, "linear")
    assert m.set_hyper(learning_rate=5.0, iterations=100_000)
    train_and_wait(qtbot, window)
    text = window.training_panel.status.text()
    assert "diverged" in text and "learning rate 5 is probably too high" in text
    assert all(np.isfinite(W).all() for W in m.network.weights)
    assert len(m.history) == m.network.iterations_trained < 100_000
    _, y = window.cost_plot.cost_points()
    assert np.isfinite(y).all()


def test_the_cat_run_in_the_window_ends_as_the_command_line_does(window, qtbot, cat_data_dir,
                                                                 seed_run, replayed_runs):
    """The run the window sends its training process is, byte for byte, the one the tutorial's
    lesson sends (it was when this was written; tests/replayed_runs.py keys a run by what is
    sent): whichever of the two tests comes first trains it, and the other gets that process's
    reports, so this checks what the window sends and everything it makes of the reports,
    against the command line's own run. Should the two ever differ, each trains its own."""
    assert window.files.open_dataset(str(cat_data_dir))
    window.studio.model.loader.wait()  # read on a thread
    assert window.studio.model.network.dims == (12288, 20, 7, 5, 1)
    assert window.studio.model.hyper == HyperParameters(0.0075, 2500)
    # on one BLAS thread, as the command line's run below (BLAS sums in another order with
    # another number of threads): two processes set up alike, not this test process
    window.studio.training.blas_threads = 1
    train_and_wait(qtbot, window, timeout=600_000)
    costs = window.studio.model.history.costs.view()
    assert len(costs) == 2500 and round(float(costs[2499]), 6) == 0.088440
    last = window.studio.model.history.evaluations[-1]
    assert last.iteration == 2500 and last.test_accuracy == 0.8
    assert last.train_accuracy == pytest.approx(206 / 209)
    # the tutorial's two accuracies, as numbers a user reads in the training panel
    assert window.training_panel.accuracy.text() == ("iteration 2,500: train accuracy "
                                                     "0.9856, test accuracy 0.8000")
    # the trained network is at iteration 2,500; its own cost, not iteration 2,499's 0.088440
    assert window.training_panel.cost.text() == "iteration 2,500: cost 0.088413"
    # bit for bit the command line's run: `bpstudio train --log-every 1` in a process of its own
    # (tests/seed_run.py, trained once for the suite)
    np.testing.assert_array_equal(costs, seed_run.costs)
    for a, b in zip(window.studio.model.network.weights + window.studio.model.network.biases,
                    seed_run.network.weights + seed_run.network.biases):
        np.testing.assert_array_equal(a, b)


def test_the_last_data_set_is_remembered(qtbot, cat_data_dir):
    first = MainWindow(Studio())
    qtbot.addWidget(first)
    assert first.files.open_dataset(str(cat_data_dir / "test_catvnoncat.h5"))
    first.studio.model.loader.wait()  # read on a thread
    second = MainWindow(Studio())
    qtbot.addWidget(second)
    second.files.restore_last_dataset()
    second.studio.model.loader.wait()  # read on a thread
    assert second.studio.model.dataset.n_features == 12288 and second.studio.model.dataset.X_test.shape[1] == 50


def test_closing_the_window_while_training_ends_the_training_process(qtbot):
    w = MainWindow(Studio())
    qtbot.addWidget(w)
    w.show()
    w.studio.model.set_hyper(iterations=10_000_000)
    assert w.studio.training.start()
    process = w.studio.training.process
    qtbot.waitUntil(lambda: len(w.studio.model.history) > 0, timeout=10_000)
    w.close()
    assert not process.is_alive() and process.exitcode == 0
    assert w.studio.training.state is RunState.IDLE and not w.studio.model.busy


def test_rebuilt_layer_rows_vanish_at_once(window, qtbot):
    from PySide6.QtWidgets import QSpinBox

    old = window.editor.findChild(QSpinBox, "LayerSize1")
    qtbot.mouseClick(window.editor.findChild(QPushButton, "AddLayerButton"), Qt.MouseButton.LeftButton)
    # before the event loop deletes it, the old row must not cover the group's title
    assert not old.isVisible()
