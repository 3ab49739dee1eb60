"""Nothing a user made disappears or changes without asking (issue 28), clicked in the window: a
preset or a ready-made comparison over unsaved training asks as closing does; "Train every run
at once" trains only the runs that have not finished; a twin of another data set goes with a
message when the data changes, the output plane is there, and the window stays on its screen.
(The studio's side: tests/session/test_runs.py.)"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from screens import screen
from user_actions import answer_when_asked, choose, fork_in_the_dialog, train_and_wait, type_into

from bpstudio.app.settings import remember
from bpstudio.app.unsaved_question import ASK_UNSAVED_KEY
from bpstudio.core.sessionfile import load_session
from bpstudio.core.trainer import RunState

Button = QMessageBox.StandardButton
MOONS = "Two moons: x₁, x₂, 8 tanh neurons"
SPIRAL = "Spiral: all seven features, 8–8–4 tanh"


@contextmanager
def asking():
    """The question on, as outside the tests (tests/conftest.py turns it off); off again after,
    whatever happens: pytest-qt closes the test's windows after it, and a question then would
    wait for ever."""
    remember(ASK_UNSAVED_KEY, True)
    try:
        yield
    finally:
        remember(ASK_UNSAVED_KEY, False)


def trained(qtbot, w, iterations: int) -> None:
    type_into(qtbot, w.editor.iterations_spin, str(iterations))
    train_and_wait(qtbot, w)


def trigger(w, name: str) -> None:
    w.findChild(QAction, name).trigger()


def wait_idle(qtbot, w) -> None:
    qtbot.waitUntil(lambda: not w.studio.busy, timeout=120_000)


def test_a_preset_over_a_saved_then_stepped_session_asks_and_cancel_keeps_it(make_window, qtbot,
                                                                             tmp_path):
    w = make_window()
    trained(qtbot, w, 20)
    path = tmp_path / "lesson.bpstudio"
    assert w.studio.save_session(str(path))
    qtbot.mouseClick(w.training_panel.step_button, Qt.MouseButton.LeftButton)  # one more
    qtbot.waitUntil(lambda: w.studio.model.network.iterations_trained == 21)
    network, title = w.studio.model.network, w.windowTitle()
    assert w.isWindowModified() and title.startswith("lesson.bpstudio")
    seen = []
    with asking():
        answer_when_asked(Button.Cancel, seen)
        choose(qtbot, w.editor.preset_box, MOONS)
        answered = list(seen)
        network_after, title_after = w.studio.model.network, w.windowTitle()
        answer_when_asked(Button.Save, seen)
        choose(qtbot, w.editor.preset_box, MOONS)
    assert answered == [("UnsavedTrainingBox",
                         "Save the trained network before the preset replaces it?",
                         "1 iteration of training is not saved in a session file; without "
                         "saving it is lost.")]  # the 20 before it are in lesson.bpstudio
    # Cancel: everything as it was
    assert network_after is network and network.iterations_trained == 21
    assert title_after == title
    # Save: the session is written with the stepped iteration, then the preset comes
    assert len(seen) == 2
    assert load_session(path)[1]["costs"].shape == (21,)
    qtbot.waitUntil(lambda: w.studio.model.network.dims == (2, 8, 1))
    assert "untitled" in w.windowTitle()  # a new session, its work saved before it came


def test_a_comparison_over_unsaved_training_asks_and_discard_lets_it_replace_the_run(
        make_window, qtbot, cat_data_dir):
    w = make_window()
    assert w.files.open_dataset(str(cat_data_dir))
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=60_000)
    wait_idle(qtbot, w)
    trained(qtbot, w, 3)  # trained and never saved
    network = w.studio.model.network
    seen = []
    with asking():
        answer_when_asked(Button.Cancel, seen)
        trigger(w, "Comparison_diverging")
        kept = w.studio.model.network is network and not w.studio.runs.twins
        answer_when_asked(Button.Discard, seen)
        trigger(w, "Comparison_diverging")
    assert seen[0][:2] == ("UnsavedTrainingBox",
                           "Save the trained network before the comparison replaces it?")
    assert "3 iterations of training are not saved" in seen[0][2]
    assert kept  # Cancel: nothing replaced
    assert len(seen) == 2 and w.studio.model.network is not network
    assert len(w.studio.runs.twins) == 1 and w.studio.runs.comparison is not None
    w.studio.stop()  # 2,500 iterations each: not waited for
    w.studio.runs.twins[0].training.stop()
    wait_idle(qtbot, w)


def test_train_every_run_at_once_leaves_the_finished_run_as_it_is(make_window, qtbot):
    w = make_window()
    choose(qtbot, w.editor.preset_box, MOONS)
    trained(qtbot, w, 300)
    m = w.studio.model
    weights = [W.copy() for W in m.network.weights]
    accuracy = m.history.evaluations[-1].test_accuracy
    shown = w.training_panel.accuracy.text()
    fork_in_the_dialog(qtbot, w, 0.1)
    twin = w.studio.runs.twins[0]
    trigger(w, "TrainTogetherAction")
    assert w.studio.training.state is RunState.IDLE  # finished: not trained again
    wait_idle(qtbot, w)
    assert twin.model.network.iterations_trained == 300
    assert m.network.iterations_trained == 300 and len(m.history) == 300
    assert all(np.array_equal(a, b) for a, b in zip(m.network.weights, weights))
    assert m.history.evaluations[-1].test_accuracy == accuracy
    assert w.training_panel.accuracy.text() == shown
    trigger(w, "TrainTogetherAction")  # every run finished: said, nothing trained
    assert not w.studio.busy
    assert w.statusBar().currentMessage().startswith("Every run has finished its iterations")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_twin_of_the_cat_data_goes_when_the_spiral_preset_comes_on_a_projector(
        on_projector, qtbot, cat_data_dir, language, english_afterwards, tmp_path):
    w = on_projector()
    assert w.set_language(language)
    room = screen("projector").availableGeometry()
    assert w.files.open_dataset(str(cat_data_dir))
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=60_000)
    wait_idle(qtbot, w)
    fork_in_the_dialog(qtbot, w, 0.01)
    assert len(w.twin_runs.panels) == 1
    choose(qtbot, w.editor.preset_box, w.editor.preset_box.itemText(
        w.editor.preset_box.findData("plane-spiral")))  # nothing trained: nothing asked
    qtbot.waitUntil(lambda: w.studio.model.network.dims[0] == 7)
    assert not w.studio.runs.twins and not w.twin_runs.panels
    message = w.statusBar().currentMessage()
    if language == "en":
        assert message == ("The twin run was removed: it trained on catvnoncat, the data set is "
                           "now Spiral (2-D).")
    else:
        assert "catvnoncat" in message and message.startswith("对照训练已移除")
    # the output over the input plane beside the network, and the window on its screen
    qtbot.waitUntil(lambda: w.plane_view.isVisible() and w.plane_view.width() >= 150)
    qtbot.waitUntil(lambda: w.plane_view.image is not None)  # the heatmap drawn in it
    assert room.contains(w.frameGeometry())
    assert w.rect().contains(w.training_dock.geometry())
    w.gallery_dock.raise_()  # its tab clicked: the classify dock in the same place
    qtbot.waitUntil(lambda: w.gallery_dock.isVisible())
    assert w.rect().contains(w.gallery_dock.geometry())
    qtbot.waitUntil(lambda: w.editor.layers_grid.count() > 0)  # (for the picture)
    w.grab().save(str(tmp_path / f"spiral-after-cat-twin-{language}.png"))  # to look at
    # a twin of the spiral itself stays beside it, and the window still fits the screen
    fork_in_the_dialog(qtbot, w, 0.1)
    qtbot.waitUntil(lambda: len(w.twin_runs.panels) == 1)
    assert room.contains(w.frameGeometry()) and w.plane_view.width() > 0


def test_another_data_set_over_trained_twins_asks_and_cancel_keeps_them(make_window, qtbot):
    w = make_window()
    choose(qtbot, w.editor.preset_box, MOONS)
    trained(qtbot, w, 30)
    fork_in_the_dialog(qtbot, w, 0.1)
    twin, data = w.studio.runs.twins[0], w.studio.model.dataset
    seen = []
    with asking():
        answer_when_asked(Button.Cancel, seen)
        choose(qtbot, w.editor.data_box, "Spiral (2-D)")
        kept = (w.studio.runs.twins == [twin], w.studio.model.dataset is data,
                w.editor.data_box.currentText())
        answer_when_asked(Button.Discard, seen)
        choose(qtbot, w.editor.data_box, "Spiral (2-D)")
    assert [s[1] for s in seen] == ["Save the session before choosing another data set?"] * 2
    assert kept == (True, True, "Two moons (2-D)")  # Cancel: the twin and the data stay
    assert not w.studio.runs.twins and not w.twin_runs.panels
    assert w.studio.model.dataset.builtin == "spiral"
    assert w.statusBar().currentMessage().startswith("The twin run was removed")
