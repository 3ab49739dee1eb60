"""Twin runs in the window: a fork equals a fresh headless run with its settings, follows the
window's time cursor, shows beside its run and on its plots; the ready-made comparisons' figures
under their diagrams (the runs themselves, in the studio: tests/session/test_runs.py)."""

from __future__ import annotations

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


# the figures of every comparison: tests/session/test_runs.py, and their stories:
# tests/session/test_comparison_stories.py; here the two whose texts say more, in a window
@pytest.mark.parametrize("key", ["diverging", "zeros"])
def test_a_ready_made_comparison_gives_the_headless_figures_and_tells_its_story(
        make_window, qtbot, cat_data_dir, cat_data, key, tmp_path):
    w = make_window(1600, 1000)
    assert w.files.open_dataset(str(cat_data_dir))
    qtbot.waitUntil(lambda: w.studio.model.dataset.n_features == 12288, timeout=30_000)
    runs = w.studio.runs
    assert runs.start_comparison(key, iterations=20)
    twin = runs.twins[0]
    story = w.twin_runs.story
    assert w.twin_runs.panels[0].figures.text() == ""  # no figures before the runs are over
    c = COMPARISONS[key]
    # the question and where to look at once, below the diagrams
    assert story.isVisible() and c.question in story.story_text() and c.look_at in story.story_text()
    assert "once both runs have ended" in story.story_text()
    wait_idle(qtbot, w.studio.training)
    wait_idle(qtbot, twin.training)
    qtbot.waitUntil(lambda: runs.compared)
    d = cat_data
    expected = run_headless(c.with_iterations(20), d.X_train, d.Y_train, d.X_test, d.Y_test)
    assert tuple(runs.figures()) == expected
    texts = w.twin_runs.figure_texts
    assert w.twin_runs.panels[0].figures.text() == ""  # the story below holds every run's
    told = runs.story()
    shown = story.story_text()
    for line in (*told.figures, *told.result):  # the view shows the story as the runs tell it
        assert line in shown
    assert "nan" not in shown.lower() and "once both runs have ended" not in shown
    if key == "diverging":
        assert "diverged at iteration" in texts[1] and "diverged" not in texts[0]
        assert "training diverged" in twin.training.last_record.message
    else:
        assert texts[1].startswith(f"{expected[1].name}: {expected[1].iterations:,} iterations")
    if key == "zeros":
        assert "rows of W[1] apart by 0" in texts[1]
    # the story stays when the runs are over, and comes back in a reopened window
    path = str(tmp_path / "compared.bpstudio")
    assert w.studio.store.save(path)
    other = make_window(1024, 768)
    assert other.studio.store.open(path)
    qtbot.waitUntil(lambda: other.studio.runs.compared, timeout=30_000)
    assert other.twin_runs.story.isVisible() and other.twin_runs.story.story_text() == shown
    assert other.twin_runs.figure_texts == texts
    assert other.studio.runs.name == runs.name


def test_a_twin_in_a_session_file_comes_back_beside_the_windows_run(make_window, qtbot,
                                                                    tmp_path):
    """Its record and parameters come back (tests/session/test_runs.py); here its views."""
    w = make_window(1600, 1000)
    twin = w.studio.runs.fork(learning_rate=0.1)
    path = str(tmp_path / "lesson.bpstudio")
    assert w.studio.store.save(path)
    other = make_window(1600, 1000)
    assert other.files.open_session(path)
    qtbot.waitUntil(lambda: len(other.studio.runs.twins) == 1, timeout=20_000)
    panel = other.twin_runs.panels[0]
    assert other.top.indexOf(panel) == 1 and panel.diagram.isVisible()
    assert twin.name in panel.title.text()
