"""Twin runs in the window: forks equal fresh headless runs with their settings, train beside the
window's run at the same time, follow its time cursor, show beside it and on its plots, go to CSV;
the ready-made comparisons give the headless figures."""

from __future__ import annotations

import csv
from dataclasses import replace

import numpy as np
import pytest

from headless import go_to, headless, same
from user_actions import choose, train_and_wait
from bpstudio.core.comparisons import COMPARISONS, run_headless
from bpstudio.core.trainer import RunState
from bpstudio.widgets.palette import run_colour


@pytest.fixture
def moons(make_window, qtbot):
    w = make_window(1600, 1000)
    choose(qtbot, w.editor.preset_box, "Two moons: x₁, x₂, 8 tanh neurons")
    m = w.studio.model
    m.set_hyper(iterations=600)
    start = m.network.copy()
    at = headless(start, m.dataset.X_train, m.dataset.Y_train, m.hyper)
    train_and_wait(qtbot, w)
    return w, start, at


def wait_idle(qtbot, session):
    if session.state is not RunState.IDLE:
        with qtbot.waitSignal(session.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                              timeout=60_000):
            pass


def test_a_fork_from_the_start_with_another_rate_is_a_fresh_run_with_it(moons, qtbot):
    w, start, at = moons
    m, runs = w.studio.model, w.studio.runs
    twin = runs.fork(learning_rate=0.1)
    assert twin is not None and twin.name == "B: α 0.1"
    assert same(twin.model.network.weights, start.weights) and len(twin.model.history) == 0
    assert twin.model.hyper == replace(m.hyper, learning_rate=0.1)
    with qtbot.waitSignal(twin.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=60_000):
        assert twin.training.start()
    fresh = headless(start, m.dataset.X_train, m.dataset.Y_train, replace(m.hyper, learning_rate=0.1))
    assert same(twin.model.network.weights, fresh(600).weights)
    assert not same(twin.model.network.weights, m.network.weights)  # the window's run is its own
    # beside the window's diagram, and on its plots in the twin's colour
    panel, curves = w.twin_runs.panels[0], w.twin_runs.curves[0]
    assert w.top.indexOf(panel) == 1 and panel.diagram.isVisible()
    x, y = curves.points()
    assert len(x) == 600 and np.array_equal(y, twin.model.history.costs.view())
    assert curves.cost.opts["pen"].color() == run_colour(twin.colour_index)
    assert np.array_equal(curves.grad.yData, twin.model.history.grad_norms.view()[:, 0])
    # the time cursor of the window moves the twin's views to the same iteration
    go_to(qtbot, w.studio.timeline, 250)
    qtbot.waitUntil(lambda: twin.model.shown.network is not twin.model.network)
    assert same(twin.model.shown.network.weights, fresh(250).weights)
    panel.diagram.refresh_now()
    assert panel.diagram.past_iteration == 250
    assert "iteration 250" in panel.title.text()
    runs.remove_twins()
    assert not w.twin_runs.panels and w.top.indexOf(panel) == -1


def test_a_fork_from_the_cursor_shares_the_rows_before_it_and_goes_on_with_its_settings(moons, qtbot):
    w, start, at = moons
    m, runs = w.studio.model, w.studio.runs
    go_to(qtbot, w.studio.timeline, 200)
    twin = runs.fork(from_cursor=True, l2=0.5)
    h = twin.model.history
    assert len(h) == 200 and np.array_equal(h.costs.view(), m.history.costs.view()[:200])
    assert same(twin.model.network.weights, at(200).weights)
    assert twin.model.hyper.iterations == 400  # up to where the window's run ends
    go_to(qtbot, w.studio.timeline, None)
    with qtbot.waitSignal(twin.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=60_000):
        assert twin.training.start()
    rest = headless(at(200), m.dataset.X_train, m.dataset.Y_train,
                    replace(m.hyper, l2=0.5, iterations=400))
    assert same(twin.model.network.weights, rest(400).weights) and len(h) == 600
    # a fork from a later iteration cannot change the layer sizes: said, nothing made
    go_to(qtbot, w.studio.timeline, 300)
    with qtbot.waitSignal(runs.message) as said:
        assert runs.fork(from_cursor=True, dims=(2, 4, 1)) is None
    assert "cannot change dims" in said.args[0] and len(runs.twins) == 1


def test_two_runs_train_at_once_each_on_one_blas_thread(moons, qtbot, tmp_path):
    w, start, at = moons
    m, runs = w.studio.model, w.studio.runs
    m.reset_parameters()
    assert m.set_hyper(iterations=3000)
    twin = runs.fork(learning_rate=0.2)
    assert runs.train_together()
    assert w.studio.training.state is twin.training.state is RunState.RUNNING  # both at once
    assert w.studio.training.blas_threads == twin.training.blas_threads == 1
    wait_idle(qtbot, w.studio.training)
    wait_idle(qtbot, twin.training)
    assert w.studio.training.blas_threads is None and twin.training.blas_threads is None
    fresh = headless(start, m.dataset.X_train, m.dataset.Y_train, replace(m.hyper, iterations=3000))
    assert same(m.network.weights, fresh(3000).weights)
    other = headless(start, m.dataset.X_train, m.dataset.Y_train,
                     replace(m.hyper, iterations=3000, learning_rate=0.2))
    assert same(twin.model.network.weights, other(3000).weights)
    # the runs as CSV: one set of columns per run, every iteration's cost read back exactly
    path = tmp_path / "runs.csv"
    assert runs.write_csv(str(path))
    rows = list(csv.reader(path.open(encoding="utf-8")))
    assert rows[0][:6] == ["iteration", "A: cost", "A: test cost", "A: train accuracy",
                           "A: test accuracy", "B: α 0.2: cost"]
    assert len(rows) == 3001
    assert [float(r[1]) for r in rows[1:]] == list(m.history.costs.view())
    assert [float(r[5]) for r in rows[1:]] == list(twin.model.history.costs.view())
    e = twin.model.history.evaluations[1]
    assert float(rows[1 + e.iteration][8]) == e.test_accuracy


@pytest.mark.parametrize("key", ["depth", "sigmoid", "diverging", "zeros"])
def test_a_ready_made_comparison_gives_the_headless_figures(make_window, qtbot, cat_data_dir,
                                                             cat_data, key):
    w = make_window(1600, 1000)
    assert w.files.open_dataset(str(cat_data_dir))
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=30_000)
    runs = w.studio.runs
    assert runs.start_comparison(key, iterations=20)
    twin = runs.twins[0]
    assert w.twin_runs.panels[0].figures.text() == ""  # no figures before the runs are over
    wait_idle(qtbot, w.studio.training)
    wait_idle(qtbot, twin.training)
    d = cat_data
    expected = run_headless(COMPARISONS[key].with_iterations(20), d.X_train, d.Y_train, d.X_test,
                            d.Y_test)
    assert tuple(runs.figures()) == expected
    texts = w.twin_runs.figure_texts
    assert texts[1] == w.twin_runs.panels[0].figures.text()
    assert texts[1].startswith(f"{expected[1].name}: {expected[1].iterations:,} iterations")
    if key == "diverging":
        assert "diverged" in texts[1] and "diverged" not in texts[0]
        assert "training diverged" in twin.training.last_record.message
    if key == "zeros":
        assert "rows of W[1] apart by 0 " in texts[1] + " "


def test_twin_runs_are_saved_in_the_session_file_and_come_back(moons, qtbot, make_window, tmp_path):
    w, start, at = moons
    twin = w.studio.runs.fork(learning_rate=0.1)
    with qtbot.waitSignal(twin.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=60_000):
        assert twin.training.start()
    path = str(tmp_path / "lesson.bpstudio")
    assert w.studio.store.save(path)
    other = make_window(1600, 1000)
    assert other.studio.store.open(path)
    qtbot.waitUntil(lambda: len(other.studio.runs.twins) == 1, timeout=20_000)
    back = other.studio.runs.twins[0]
    assert back.name == twin.name and back.colour_index == twin.colour_index
    assert same(back.model.network.weights, twin.model.network.weights)
    assert back.model.hyper == twin.model.hyper
    assert np.array_equal(back.model.history.costs.view(), twin.model.history.costs.view())
    assert back.model.history.evaluations == twin.model.history.evaluations
    assert other.top.indexOf(other.twin_runs.panels[0]) == 1
    # a session saved without twins leaves none
    w.studio.runs.remove_twins()
    assert w.studio.store.save(path)
    assert other.studio.store.open(path)
    qtbot.waitUntil(lambda: not other.studio.runs.twins, timeout=20_000)


def test_a_damaged_twin_refuses_the_session_file(moons, tmp_path):
    from bpstudio.core.sessionfile import SessionFileError, load_session, read_session, save_session

    w, start, at = moons
    w.studio.runs.fork(init="he")
    path = str(tmp_path / "lesson.bpstudio")
    assert w.studio.store.save(path)
    assert read_session(path).runs[0].network.init == "he"
    meta, arrays = load_session(path)
    meta["runs"][0]["hyper"]["learning_rate"] = "fast"
    save_session(path, meta, arrays)
    with pytest.raises(SessionFileError, match=r"damaged session \(runs\.0\.hyper\.learning_rate\)"):
        read_session(path)
    meta["runs"][0]["hyper"]["learning_rate"] = 0.1
    del arrays["run0_costs"]
    save_session(path, meta, arrays)
    with pytest.raises(SessionFileError, match=r"damaged session \(run0_costs\)"):
        read_session(path)


def test_the_fork_dialog_says_only_what_changes(moons, qtbot):
    from bpstudio.widgets.twin_views import ForkDialog

    w, start, at = moons
    dialog = ForkDialog(w.studio.model, can_use_cursor=False)
    qtbot.addWidget(dialog)
    assert dialog.changes() == {}  # the window's own settings to start with
    assert not dialog.from_cursor.isEnabled()
    dialog.rate.setValue(0.25)
    dialog.activation.setCurrentText("relu")
    dialog.batch.setValue(50)
    assert dialog.changes() == {"learning_rate": 0.25, "activations": ("relu", "sigmoid"),
                                "batch_size": 50}
    twin = w.studio.runs.fork(**dialog.changes())
    assert twin.name == "B: α 0.25, relu, batch 50"
    assert twin.model.network.activations == ("relu", "sigmoid")
    assert twin.model.hyper.batch_size == 50 and twin.model.hyper.learning_rate == 0.25
    with qtbot.waitSignal(twin.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=60_000):
        assert twin.training.start()  # mini-batches of 50, from the same initial weights
    relu = replace(start.copy(), activations=("relu", "sigmoid"))
    fresh = headless(relu, w.studio.model.dataset.X_train, w.studio.model.dataset.Y_train, twin.model.hyper)
    assert same(twin.model.network.weights, fresh(600).weights)
