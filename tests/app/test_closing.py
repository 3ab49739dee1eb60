"""Closing the window: unsaved training is asked about, a running worker is stopped cleanly."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from user_actions import answer_when_asked

from bpstudio.app.settings import recall, remember
from bpstudio.core.modelfile import save_model
from bpstudio.app.unsaved_question import ASK_UNSAVED_KEY
from bpstudio.core.sessionfile import load_session
from bpstudio.core.trainer import RunState
from bpstudio.session.session_store import autosave_path

Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def ask_as_a_user_would():
    """The default outside the tests. pytest-qt closes a test's windows before fixtures end, so
    every test here closes its trained windows itself."""
    remember(ASK_UNSAVED_KEY, True)


def train(qtbot, w, iterations):
    w.studio.model.set_hyper(iterations=iterations)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=30_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        w.studio.training.start()


def test_nothing_trained_closes_without_asking(make_window):
    w = make_window()
    w.studio.model.set_layer_size(1, 5)  # an edit, but nothing learned to lose
    assert w.isWindowModified()
    assert w.close()
    assert not w.isVisible()


def test_cancel_keeps_the_window_and_discard_closes_it(make_window, qtbot):
    w = make_window()
    train(qtbot, w, 25)
    seen = []
    answer_when_asked(Button.Cancel, seen)
    assert not w.close()
    assert w.isVisible() and w.isWindowModified()
    assert seen[0][0] == "UnsavedTrainingBox"
    assert "Save the trained network" in seen[0][1] and "25 iterations" in seen[0][2]
    w.studio.store.wait_for_autosave()
    assert autosave_path().exists()  # training stopped: autosaved, kept while the window stays

    answer_when_asked(Button.Discard, seen)
    assert w.close()
    assert not w.isVisible() and len(seen) == 2
    assert not autosave_path().exists()  # a chosen discard is a clean exit


def test_save_while_training_stops_the_worker_and_saves_its_last_parameters(make_window, qtbot,
                                                                           tmp_path):
    w = make_window()
    path = tmp_path / "lesson.bpstudio"
    assert w.studio.store.save(str(path))
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: len(w.studio.model.history) > 50, timeout=30_000)
    process = w.studio.training.process
    seen = []
    answer_when_asked(Button.Save, seen)
    assert w.close()
    assert "Training is still running" in seen[0][2]
    assert not process.is_alive() and w.studio.training.state is RunState.IDLE
    meta, arrays = load_session(path)
    trained = w.studio.model.network.iterations_trained
    assert trained > 50 and arrays["costs"].shape == (trained,)
    np.testing.assert_array_equal(arrays["W1"], w.studio.model.network.weights[0])


def test_cancel_while_training_lets_it_go_on(make_window, qtbot):
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: len(w.studio.model.history) > 10, timeout=30_000)
    answer_when_asked(Button.Cancel, [])
    assert not w.close()
    assert w.studio.training.state is RunState.RUNNING  # paused while asking, resumed after
    n = len(w.studio.model.history)
    qtbot.waitUntil(lambda: len(w.studio.model.history) > n, timeout=30_000)
    answer_when_asked(Button.Discard, [])
    assert w.close()


def test_do_not_ask_again_is_remembered(make_window, qtbot):
    w = make_window()
    train(qtbot, w, 5)
    answer_when_asked(Button.Discard, [], tick_never_again=True)
    assert w.close()
    assert recall(ASK_UNSAVED_KEY, True, bool) is False
    other = make_window()
    train(qtbot, other, 5)
    assert other.close()  # no question: nothing answers one, so a question would hang here


def test_closing_without_the_question_stops_a_running_worker(make_window, qtbot):
    remember(ASK_UNSAVED_KEY, False)
    w = make_window()
    w.studio.model.set_hyper(iterations=10**7)
    assert w.studio.training.start()
    qtbot.waitUntil(lambda: len(w.studio.model.history) > 10, timeout=30_000)
    process = w.studio.training.process
    assert w.close()
    assert not process.is_alive() and w.studio.training.state is RunState.IDLE
    assert len(w.studio.model.history) == w.studio.model.network.iterations_trained  # what it sent, kept


def test_stepping_a_reopened_session_loses_nothing_so_closing_asks_nothing(make_window, qtbot,
                                                                           tmp_path):
    """The question says what would be lost: stepping trains nothing; only iterations trained
    since the save are counted (not the 40 the file holds)."""
    w = make_window()
    train(qtbot, w, 40)
    path = str(tmp_path / "lesson.bpstudio")
    assert w.studio.store.save(path)
    other = make_window()
    assert other.files.open_session(path)
    qtbot.waitUntil(lambda: other.studio.store.path == path and not other.studio.busy,
                    timeout=20_000)
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    for _ in range(3):
        qtbot.keyClick(other, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: other.studio.stepper.position() == 3)
    seen = []
    answer_when_asked(Button.Cancel, seen)
    assert other.close()
    assert seen == []  # no question: nothing trained would be lost
    w.studio.model.set_hyper(iterations=15)
    train(qtbot, w, 15)
    answer_when_asked(Button.Discard, seen)
    assert w.close()
    assert "15 iterations of training are not saved" in seen[0][2] and "55" not in seen[0][2]


def test_a_model_given_on_the_command_line_is_no_change(make_window, qtbot, tmp_path):
    w = make_window()
    train(qtbot, w, 20)
    model = str(tmp_path / "trained.npz")
    save_model(model, w.studio.model.network)
    w.close()
    other = make_window()
    other.files.open_given([model])
    qtbot.waitUntil(lambda: not other.studio.busy and other.studio.model.network.iterations_trained == 20,
                    timeout=20_000)
    assert not other.isWindowModified() and "*" not in other.windowTitle().replace("[*]", "")
    seen = []
    answer_when_asked(Button.Cancel, seen)
    assert other.close() and seen == []
