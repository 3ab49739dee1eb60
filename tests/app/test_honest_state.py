"""The title's "modified" mark, the close question and the panels' messages are true: nothing said
is stale or contradicts what is on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from bpstudio.app.settings import remember
from bpstudio.app.unsaved_question import ASK_UNSAVED_KEY
from bpstudio.core.trainer import RunState
from file_drops import drop, photo, wait_results


def train(qtbot, w, iterations):
    w.studio.model.set_hyper(iterations=iterations)
    with qtbot.waitSignal(w.studio.training.state_changed, timeout=30_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        w.studio.training.start()


def saved_session(qtbot, make_window, path, iterations=30, position=5):
    w = make_window()
    train(qtbot, w, iterations)
    w.studio.stepper.go(position)
    assert w.studio.store.save(str(path))
    return w


def open_and_settle(qtbot, w, path):
    """Open a session and let the views lay it out (the stepper announces its steps a turn
    later)."""
    with qtbot.waitSignal(w.studio.stepper.step_changed, timeout=10_000):
        assert w.files.open_session(str(path))
        w.studio.model.loader.wait()


def questions_asked(monkeypatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()))
    return asked


def test_a_session_just_opened_is_not_modified_and_closes_without_a_question(
        make_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "lesson.bpstudio"
    saved_session(qtbot, make_window, path)
    w = make_window()
    open_and_settle(qtbot, w, path)
    assert w.studio.stepper.position() == 5
    assert not w.isWindowModified() and w.windowTitle().startswith("lesson.bpstudio[*]")
    remember(ASK_UNSAVED_KEY, True)  # as outside the tests
    asked = questions_asked(monkeypatch)
    assert w.close() and asked == []


def test_stepping_after_opening_is_a_change_but_closing_loses_no_training(make_window, qtbot,
                                                                         tmp_path, monkeypatch):
    path = tmp_path / "lesson.bpstudio"
    saved_session(qtbot, make_window, path)
    w = make_window()
    open_and_settle(qtbot, w, path)
    w.diagram.setFocus()
    # the stepper's next step (the diagram keeps its arrows: they choose a neuron)
    qtbot.keyClick(w.diagram, Qt.Key.Key_Space)
    assert w.studio.stepper.position() == 6 and w.isWindowModified()
    remember(ASK_UNSAVED_KEY, True)
    asked = questions_asked(monkeypatch)
    w.close()
    assert asked == []  # stepping trained nothing: no "iterations are not saved" to say


def test_after_a_preset_ctrl_s_asks_for_a_name_instead_of_overwriting_the_session(
        make_window, qtbot, tmp_path, monkeypatch):
    path = tmp_path / "lesson.bpstudio"
    saved_session(qtbot, make_window, path)
    before = path.read_bytes()
    w = make_window()
    open_and_settle(qtbot, w, path)
    box = w.editor.preset_box
    box.activated.emit(box.findData("plane-xor"))  # the user picks a preset
    assert w.studio.model.dataset.name == "xor"
    assert w.windowTitle().startswith("untitled[*]") and not w.isWindowModified()
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append(a[2]) or ("", ""))
    qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1 and not asked[0].endswith("lesson.bpstudio")
    w.studio.store.wait_for_save()
    assert path.read_bytes() == before


def test_after_opening_a_session_the_training_panel_shows_its_run(make_window, qtbot, tmp_path):
    path = tmp_path / "other.bpstudio"
    saved_session(qtbot, make_window, path, iterations=50)
    w = make_window()
    train(qtbot, w, 30)
    panel = w.training_panel
    assert panel.status.text().startswith("Trained 30 iterations")
    assert panel.speed.text().startswith("30 iterations") and panel.progress.value() == 100
    open_and_settle(qtbot, w, path)
    assert panel.status.text() == "" and panel.speed.text() == "" and panel.progress.value() == 0
    # the network after 50 updates, at iteration 50, with its own cost (core/iterations.py)
    assert panel.cost.text().startswith("iteration 50: cost ")
    assert panel.accuracy.text().startswith("iteration 50: train accuracy ")


def test_not_trained_yet_never_stands_beside_trained(make_window, qtbot, tmp_path):
    from bpstudio.core.modelfile import save_model

    w = make_window()
    train(qtbot, w, 30)
    panel = w.training_panel
    w.menus.actions["UndoAction"].trigger()  # the run is undone: its report is no longer true
    assert panel.cost.text().startswith("iteration 0: cost ")  # the untrained network's
    assert panel.cost.text().endswith(" · not trained yet") and panel.status.text() == ""
    w.menus.actions["RedoAction"].trigger()
    assert panel.cost.text().startswith("iteration 30: cost ")
    save_model(tmp_path / "m.npz", w.studio.model.network)
    train(qtbot, w, 20)  # "Trained 20 iterations" on screen …
    assert w.studio.classify.open_model(str(tmp_path / "m.npz"))
    w.studio.model.loader.wait()
    # … and then a model trained 30 iterations, without its cost record
    assert panel.cost.text().startswith("iteration 30: cost ")
    assert panel.cost.text().endswith(" · trained before it was opened (no cost record)")
    assert panel.status.text() == ""


def test_a_classify_warning_goes_once_classifying_works(make_window, qtbot, tmp_path, cat_files):
    cat_files(tmp_path / "data")
    w = make_window()
    picture = tmp_path / "photo.png"
    assert photo(90, 60).save(str(picture))
    drop(w, [picture])  # the first start's three-feature network takes no pictures
    assert w.gallery.messages.text().startswith("This network takes numbers, not images")
    assert w.files.open_dataset(str(tmp_path / "data"))
    w.studio.model.loader.wait()
    assert w.gallery.messages.text() == ""  # no longer true: gone before anything is dropped
    drop(w, [picture])
    wait_results(qtbot, w, 1)
    assert w.gallery.messages.text() == ""
    (tmp_path / "broken.png").write_bytes(b"not a picture")
    drop(w, [tmp_path / "broken.png"])
    qtbot.waitUntil(lambda: w.gallery.messages.text() != "")
    assert w.gallery.messages.text().startswith("broken.png: ")
    drop(w, [picture])  # the next drop works: the old problem is old news
    wait_results(qtbot, w, 2)
    assert w.gallery.messages.text() == ""
