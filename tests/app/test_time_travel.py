"""Time travel in the window: the cursor on the training plots moves every view to its iteration,
each view's numbers those of a headless run at that iteration; keys, clicks and the bar's buttons
move it (what the studio does at a past iteration: tests/session/test_timeline_model.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from headless import go_to, headless, same
from user_actions import choose, train_and_wait
from bpstudio.core.datasets import images_to_columns
from bpstudio.core.plane import plane_activations
from bpstudio.core.trainer import RunState
from bpstudio.widgets.palette import rgb_image


@pytest.fixture
def moons(make_window, qtbot):
    """The two moons preset trained 2,000 iterations in the window, and the same run headless."""
    w = make_window(1600, 1000)
    choose(qtbot, w.editor.preset_box, "Two moons: x₁, x₂, 8 tanh neurons")
    m = w.studio.model
    at = headless(m.network, m.dataset.X_train, m.dataset.Y_train, m.hyper)
    train_and_wait(qtbot, w)
    assert len(m.history) == 2000
    return w, at


def test_the_cursor_moves_the_diagram_heatmaps_accuracies_and_stepper(moons, qtbot):
    w, at = moons
    m, d, maps, t = w.studio.model, w.diagram, w.studio.plane_maps, w.studio.timeline
    assert (t.first, t.last) == (0, 2000) and t.available and not t.past
    seen = []
    for i in (0, 1234, 1999, None):
        go_to(qtbot, w.studio.timeline, i)
        ref = at(2000 if i is None else i)
        assert m.shown.network.iterations_trained == ref.iterations_trained
        assert same(m.shown.network.weights, ref.weights) and same(m.shown.network.biases, ref.biases)
        # the diagram: activations of the sample, every drawn edge's weight, the banner
        d.refresh_now()
        _, As = ref.forward(m.sample.x())
        assert same(d.scene.activations, As)
        edges = [e for e in d.scene.layout.edges if not e.bundle]
        assert edges and all(e.value == ref.weights[e.layer - 1][e.dst, e.src] for e in edges)
        assert d.past_iteration == i
        # the playground: every neuron's heatmap over the plane, and the accuracies beside it
        grid = plane_activations(ref, m.dataset.plane.features, maps.grid_side(), maps.extent)
        assert same(maps.activations(), grid)
        ds = m.dataset
        train, test = (100 * float(((ref.predict_proba(X) > 0.5) == Y).mean())
                       for X, Y in ((ds.X_train, ds.Y_train), (ds.X_test, ds.Y_test)))
        label = w.findChild(QLabel, "PlaneAccuracy")
        qtbot.waitUntil(lambda: label.text() == f"train accuracy {train:.1f}\u00a0% · test accuracy {test:.1f}\u00a0%")
        # the stepper steps that iteration: the batch's cost is the record's, the update the next
        w.studio.stepper.set_mode("batch")
        s = w.studio.stepper.stepper
        s.run_to_end()
        if i is not None:
            assert s.cost == m.history.costs.view()[i]
            assert same(s.parameters()[0], at(i + 1).weights)
            assert not w.studio.stepper.applicable and not w.studio.stepper.apply()
        seen.append(As[-1])
    assert not np.array_equal(seen[0], seen[2])  # the iterations do look different
    assert m.network.iterations_trained == 2000 and len(m.history) == 2000  # nothing applied
    assert same(m.network.weights, at(2000).weights)


def test_keys_clicks_and_now_move_the_cursor(moons, qtbot, monkeypatch):
    w, at = moons
    t, cursor, bar = w.studio.timeline, w.time_travel.cursor, w.time_travel.bar
    panel = w.equations
    steps = [panel.step_list.item(k).text() for k in range(panel.step_list.count())]
    tips = [panel.step_list.item(k).toolTip() for k in range(panel.step_list.count())]
    assert steps and steps[0].startswith("1. ") and all(tips)
    written = []  # each cursor move brings a new stepper: its steps are the same, not rewritten
    write = panel._list_steps  # (rewriting the list at every move crashed PySide6 now and then)
    monkeypatch.setattr(panel, "_list_steps", lambda listed: written.append(1) or write(listed))
    w.activateWindow()
    now = w.studio.stepper.stepper
    with qtbot.waitSignal(t.shown):
        qtbot.keyClick(w, Qt.Key.Key_BracketLeft)
    assert t.cursor == 1999 and cursor.value() == 1999
    assert w.studio.stepper.stepper is not now  # another stepper: the iteration's
    assert bar.where.text() == "Iteration 1,999 of 2,000: a past state, read-only"
    with qtbot.waitSignal(t.shown):
        qtbot.keyClick(w, Qt.Key.Key_BracketLeft)
    assert t.cursor == 1998
    with qtbot.waitSignal(t.shown):
        qtbot.keyClick(w, Qt.Key.Key_BracketRight)
    assert t.cursor == 1999
    assert written == []
    assert [panel.step_list.item(k).text() for k in range(panel.step_list.count())] == steps
    assert [panel.step_list.item(k).toolTip() for k in range(panel.step_list.count())] == tips
    assert [panel.step_chooser.itemText(k) for k in range(panel.step_chooser.count())] == steps
    # a click in the cost plot puts the cursor at the iteration under the mouse
    plot, view = w.cost_plot.plots()[0], w.cost_plot.graphics
    point = view.mapFromScene(plot.vb.sceneBoundingRect().center())
    under = plot.vb.mapSceneToView(view.mapToScene(point)).x()
    with qtbot.waitSignal(t.shown):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert t.cursor == round(under) and 0 < t.cursor < 2000
    assert w.studio.model.shown.network.iterations_trained == t.cursor
    with qtbot.waitSignal(t.shown):
        qtbot.mouseClick(bar.now_button, Qt.MouseButton.LeftButton)
    assert not t.past and w.studio.model.shown.network is w.studio.model.network
    assert bar.where.text().startswith("Now: iteration 2,000")
    assert not bar.now_button.isEnabled() and not bar.continue_button.isEnabled()
    assert not bar.now_button.isVisible() and not bar.continue_button.isVisible()  # none to do
    # Continue from here forgets the iterations after the cursor (undoable: the studio's tests)
    with qtbot.waitSignal(t.shown):
        qtbot.keyClick(w, Qt.Key.Key_BracketLeft)
    assert bar.continue_button.isEnabled() and bar.continue_button.isVisible()
    qtbot.mouseClick(bar.continue_button, Qt.MouseButton.LeftButton)
    assert len(w.studio.model.history) == 1999 and not t.past
    assert not bar.continue_button.isEnabled()


def test_a_run_going_on_leaves_the_views_at_the_cursor(moons, qtbot):
    w, at = moons
    m, t, training = w.studio.model, w.studio.timeline, w.studio.training
    training.set_pace(None, stepwise=True)  # one iteration, then it waits: no clock involved
    with qtbot.waitSignal(training.state_changed, check_params_cb=lambda s: s is RunState.PAUSED,
                          timeout=30_000):
        training.start()
    go_to(qtbot, w.studio.timeline, 700)
    for k in range(3):
        with qtbot.waitSignal(training.state_changed,
                              check_params_cb=lambda s: s is RunState.PAUSED,
                              timeout=30_000):
            training.resume()
            # while the run goes on, its past iteration is stepped, and stays stepped
            assert training.state is RunState.RUNNING and w.studio.stepper.available
            w.studio.stepper.next()
        assert w.studio.stepper.position() == k + 1
    qtbot.waitUntil(lambda: m.network.iterations_trained >= 2003)
    assert m.shown.network.iterations_trained == 700
    assert same(m.shown.network.weights, at(700).weights)
    w.diagram.refresh_now()
    assert w.diagram.past_iteration == 700
    with qtbot.waitSignal(training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=30_000):
        training.stop()
    # the second run is on the timeline too: its first iterations continue the first run's
    assert t.last == len(m.history) >= 2003
    go_to(qtbot, w.studio.timeline, 2002)
    more = headless(at(2000), m.dataset.X_train, m.dataset.Y_train, replace(m.hyper, iterations=5))
    assert same(m.shown.network.weights, more(2).weights)


@pytest.fixture
def pictures(make_window, qtbot, tmp_path, cat_files):
    """A small picture data set (4×4 colour images), its 48–2–1 network trained 300 iterations."""
    w = make_window(1600, 1000)
    cat_files(tmp_path / "cats", m_train=20, m_test=8, size=4)
    assert w.files.open_dataset(str(tmp_path / "cats"))
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 48, timeout=10_000)
    m = w.studio.model
    assert m.set_hyper(iterations=300, learning_rate=0.5)
    at = headless(m.network, m.dataset.inputs(m.network.input_dtype)[0], m.dataset.Y_train, m.hyper)
    train_and_wait(qtbot, w)
    return w, at


def test_the_cursor_moves_the_weight_images_and_both_galleries(pictures, qtbot):
    w, at = pictures
    m, d, g = w.studio.model, w.diagram, w.gallery
    picture = QImage(4, 4, QImage.Format.Format_RGB32)
    picture.fill(QColor(200, 120, 40))
    with qtbot.waitSignal(w.studio.classify.results_changed):
        assert w.studio.classify.classify_image(picture)
    pixels = images_to_columns(w.studio.classify.results[0].pixels[None])
    d.refresh_now()
    qtbot.mouseClick(d, Qt.MouseButton.LeftButton, pos=d.neuron_pos(1, 1).toPoint())
    assert d.selected == (1, 1)
    w.gallery_dock.raise_()
    g.tabs.setCurrentIndex(1)
    ds = m.dataset
    for i in (0, 123, 299, None):
        go_to(qtbot, w.studio.timeline, i)
        ref = at(300 if i is None else i)
        # W[1]'s row of the neuron clicked, as an image
        d.refresh_now()
        W = ref.weights[0][1]
        assert d.weight_picture[0] == rgb_image((W.reshape(ds.input_shape) / np.abs(W).max() + 1) / 2)
        # the classify gallery's probability of the picture
        p = float(ref.predict_proba(pixels)[0, 0])
        qtbot.waitUntil(lambda: w.studio.classify.results[0].probability == p)
        # the test-set gallery: each image's probability and verdict
        q = ref.predict_proba(ds.X_test)[0]
        said = [f"#{k + 1}: {q[k]:.2f} {ds.classes[int(q[k] > 0.5)]}" for k in range(len(q))]
        qtbot.waitUntil(lambda: [g.test_list.item(k).toolTip().split(" ✗")[0].split(" ✓")[0]
                                 for k in range(g.test_list.count())] == said)




def test_in_a_reopened_session_the_key_goes_back_after_a_bar_says_it_recomputes(moons, make_window,
                                                                                 qtbot, tmp_path):
    w, at = moons
    w.studio.runs.fork(learning_rate=0.1)
    path = str(tmp_path / "moons.bpstudio")
    assert w.studio.store.save(path)
    other = make_window(1024, 768)
    assert other.files.open_session(path)
    qtbot.waitUntil(lambda: len(other.studio.runs.twins) == 1 and not other.studio.busy,
                    timeout=20_000)
    earlier = other.time_travel.actions["EarlierIterationAction"]
    assert earlier.isEnabled() and other.time_travel.bar.isVisible()
    texts = []
    other.load_progress.loader.started.connect(lambda _: texts.append(other.load_progress.text.text()))
    qtbot.keyClick(other, Qt.Key.Key_BracketLeft)
    qtbot.waitUntil(lambda: not other.studio.busy, timeout=30_000)
    assert texts and texts[0].startswith("Recomputing the saved run")
    t = other.studio.timeline
    assert t.cursor == 1999 and same(other.studio.model.shown.network.weights, at(1999).weights)
    other.diagram.refresh_now()
    assert other.diagram.past_iteration == 1999
