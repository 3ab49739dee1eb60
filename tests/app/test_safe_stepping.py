"""Stepping is a safe what-if: the trained network and its record change only when the user
applies a stepped iteration, and every change to them can be undone; a picture is stepped with
the class the user gives it (a test image with its true one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from file_drops import send_file_drop
from user_actions import train_and_wait
from bpstudio.core.trainer import accuracy
from bpstudio.session.stepper_model import BATCH, SAMPLE

PHOTOS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "photos"


@pytest.fixture
def cat_window(make_window, cat_data_dir, qtbot):
    w = make_window(1600, 1000)
    assert w.files.open_dataset(str(cat_data_dir))
    w.studio.model.loader.wait()  # read on a thread
    w.studio.model.set_hyper(iterations=60)
    train_and_wait(qtbot, w, timeout=120_000)
    return w


def parameters(w):
    return [a.copy() for a in w.studio.model.network.weights + w.studio.model.network.biases]


def same(a, b):
    return len(a) == len(b) and all(np.array_equal(x, y) for x, y in zip(a, b))


def test_stepping_a_training_sample_changes_nothing_and_apply_is_one_undoable_iteration(
        cat_window, qtbot):
    w = cat_window
    m = w.studio.model
    before, costs = parameters(w), m.history.costs.view().copy()
    ds = m.dataset
    test_acc = accuracy(m.network.predict_proba(ds.X_test), ds.Y_test)
    m.sample.choose(5)
    for _ in range(len(w.studio.stepper.stepper.steps) + 3):  # the whole iteration, and Page Down beyond
        qtbot.keyClick(w, Qt.Key.Key_PageDown)
    assert w.studio.stepper.stepper.finished and w.equations.apply_button.isVisible()
    assert same(parameters(w), before) and np.array_equal(m.history.costs.view(), costs)
    assert accuracy(m.network.predict_proba(ds.X_test), ds.Y_test) == test_acc
    assert m.network.iterations_trained == 60
    # the whole batch, applied: exactly one engine iteration
    w.studio.stepper.set_mode(BATCH)
    engine = m.network.copy()
    cost, _, _ = engine.iteration(ds.X_train, ds.Y_train, m.hyper.learning_rate)
    w.studio.stepper.run_to_end()
    button = w.equations.apply_button
    qtbot.waitUntil(lambda: not button.visibleRegion().isEmpty())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    applied = [a.copy() for a in engine.weights + engine.biases]
    assert same(parameters(w), applied)
    assert m.history.costs.view()[-1] == cost and len(m.history) == 61
    assert m.network.iterations_trained == 61
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same(parameters(w), before) and np.array_equal(m.history.costs.view(), costs)
    assert m.network.iterations_trained == 60
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert same(parameters(w), applied) and len(m.history) == 61


def test_a_training_run_is_one_undo_step(cat_window, qtbot):
    w = cat_window
    m = w.studio.model
    before, n = parameters(w), len(m.history)
    m.set_hyper(iterations=15)
    train_and_wait(qtbot, w, timeout=120_000)
    after = parameters(w)
    assert len(m.history) == n + 15 and not same(after, before)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert same(parameters(w), before) and len(m.history) == n
    assert m.network.iterations_trained == n
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert same(parameters(w), after) and len(m.history) == n + 15


def drop_photo(w, qtbot, name="arushi_dog1.jpg"):
    assert send_file_drop(w.diagram, w.diagram.rect().center(), [PHOTOS / name]) == (True, True)
    qtbot.waitUntil(lambda: len(w.studio.classify.results) == 1 and w.studio.classify.pending == 0,
                    timeout=10_000)


def test_a_dropped_photo_waits_for_its_label_and_stepping_it_changes_no_probability(
        cat_window, qtbot):
    w = cat_window
    w.studio.stepper.set_mode(BATCH)
    drop_photo(w, qtbot)
    p_before = w.studio.classify.results[0].probability
    w.gallery.list.setCurrentRow(0)  # the photo becomes the stepper's sample …
    assert w.studio.stepper.mode == SAMPLE  # … in one-sample mode, and the window says so
    assert "Stepping one sample now" in w.statusBar().currentMessage()
    for _ in range(30):
        qtbot.keyClick(w, Qt.Key.Key_PageDown)
    s = w.studio.stepper.stepper
    assert s.forward_only and s.finished and all(st.phase == "forward" for st in s.steps)
    assert w.equations.question.isVisible() and "Which class is" in w.equations.question_text.text()
    no = w.equations.findChild(QPushButton, "StepLabel0")
    assert no.text() == "non-cat (y = 0)"
    qtbot.waitUntil(lambda: not no.visibleRegion().isEmpty())
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton)
    assert not w.equations.question.isVisible()
    assert w.studio.stepper.stepper.position == 8  # the forward pass stays done
    qtbot.keyClick(w, Qt.Key.Key_PageDown)  # the loss: y = 0, as chosen
    step = w.studio.stepper.stepper.current
    assert step.phase == "cost" and step.operands[1].value[0, 0] == 0.0
    assert "y = 0 (non-cat)" in w.equations.note.text()
    w.studio.stepper.run_to_end()
    assert w.studio.stepper.applicable
    assert w.studio.classify.results[0].probability == p_before  # nothing was applied


def test_a_test_image_is_stepped_with_its_true_label(cat_window, qtbot):
    w = cat_window
    w.gallery_dock.raise_()
    w.gallery.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: w.gallery.test_list.count() == 50, timeout=10_000)
    item = w.gallery.test_list.item(3)
    w.gallery.test_list.scrollToItem(item)
    rect = w.gallery.test_list.visualItemRect(item)
    qtbot.mouseClick(w.gallery.test_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    y = w.studio.model.dataset.Y_test[0, 3]
    assert w.studio.model.sample.picture is not None and w.studio.model.sample.label() == y
    assert "test image #4" in w.studio.model.sample.name()
    np.testing.assert_array_equal(w.studio.model.sample.x()[:, 0], w.studio.model.dataset.X_test[:, 3])
    w.studio.stepper.run_to_end()
    s = w.studio.stepper.stepper
    assert not s.forward_only and s.Y[0, 0] == y and s.finished


def test_a_session_reopens_on_the_dropped_photo_and_its_label(cat_window, qtbot, make_window,
                                                                tmp_path):
    w = cat_window
    drop_photo(w, qtbot)
    w.gallery.list.setCurrentRow(0)
    w.studio.stepper.run_to_end()
    w.studio.stepper.choose_label(0)
    w.studio.stepper.go(10)
    path = tmp_path / "photo.bpstudio"
    assert w.studio.store.save(str(path))
    other = make_window()
    assert other.files.open_session(str(path))
    other.studio.model.loader.wait()  # read on a thread
    name, x, label = other.studio.model.sample.picture
    assert name == "arushi_dog1.jpg" and label == 0.0
    np.testing.assert_array_equal(x, w.studio.model.sample.picture[1])
    assert other.studio.stepper.stepper.position == 10 and other.studio.stepper.stepper.Y[0, 0] == 0.0


def test_undo_never_clears_the_classified_pictures(cat_window, qtbot):
    w = cat_window
    drop_photo(w, qtbot)
    assert w.studio.model.data.use_builtin("three-features")  # a data set of 3 numbers: no pictures
    assert len(w.studio.classify.results) == 1
    assert w.gallery.result_texts() == ["arushi_dog1.jpg: –"]
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # back to the cat net
    qtbot.waitUntil(lambda: w.gallery.result_texts()[0] != "arushi_dog1.jpg: –")
    assert len(w.studio.classify.results) == 1
