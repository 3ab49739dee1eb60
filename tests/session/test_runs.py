"""Twin runs in the studio: a fork from the cursor shares the record before it and goes on with its
settings; two runs train at once; the ready-made comparisons give the headless figures; twins go
into the session file and come back, and a damaged one is refused (a fork from the start and
what the window shows of twins: tests/app/test_twin_runs.py; the fork dialog:
tests/widgets/test_fork_dialog.py)."""

from __future__ import annotations

import csv
from dataclasses import replace

import numpy as np
import pytest
from headless import go_to, headless, same
from studio_actions import messages, settle, train, wait_idle

from bpstudio.core.comparisons import COMPARISONS, run_headless
from bpstudio.core.trainer import RunState


@pytest.fixture
def moons(studio, qtbot):
    """The two moons preset trained 600 iterations in a studio, and the same run headless."""
    s = studio()
    assert s.choose_preset("plane-moons")
    m = s.model
    m.set_hyper(iterations=600)
    start = m.network.copy()
    at = headless(start, m.dataset.X_train, m.dataset.Y_train, m.hyper)
    train(qtbot, s, 600)
    return s, start, at


def train_twin(qtbot, twin) -> None:
    with qtbot.waitSignal(twin.training.state_changed, check_params_cb=lambda s: s is RunState.IDLE,
                          timeout=60_000):
        assert twin.training.start()


def test_a_fork_from_the_cursor_shares_the_rows_before_it_and_goes_on_with_its_settings(moons, qtbot):
    s, start, at = moons
    m, runs = s.model, s.runs
    go_to(qtbot, s.timeline, 200)
    twin = s.fork_twin(from_cursor=True, l2=0.5)
    h = twin.model.history
    assert len(h) == 200 and np.array_equal(h.costs.view(), m.history.costs.view()[:200])
    assert same(twin.model.network.weights, at(200).weights)
    assert twin.model.hyper.iterations == 400  # up to where the studio's run ends
    go_to(qtbot, s.timeline, None)
    train_twin(qtbot, twin)
    rest = headless(at(200), m.dataset.X_train, m.dataset.Y_train,
                    replace(m.hyper, l2=0.5, iterations=400))
    assert same(twin.model.network.weights, rest(400).weights) and len(h) == 600
    # a fork from a later iteration cannot change the layer sizes: said, nothing made
    go_to(qtbot, s.timeline, 300)
    with qtbot.waitSignal(s.message) as said:
        assert s.fork_twin(from_cursor=True, dims=(2, 4, 1)) is None
    assert "cannot change dims" in said.args[0] and len(runs.twins) == 1


def test_two_runs_train_at_once_each_on_one_blas_thread(moons, qtbot, tmp_path, monkeypatch):
    import bpstudio.session.runs as runs_module
    monkeypatch.setattr(runs_module, "cores", lambda: 2)  # (one core: they would take turns)
    s, start, at = moons
    m, runs = s.model, s.runs
    assert s.reset_parameters()
    assert s.set_hyper(iterations=3000)
    twin = s.fork_twin(learning_rate=0.2)
    assert s.train_every_run()
    assert s.training.state is twin.training.state is RunState.RUNNING  # both at once
    assert s.training.blas_threads == twin.training.blas_threads == 1
    wait_idle(qtbot, s.training)
    wait_idle(qtbot, twin.training)
    assert s.training.blas_threads is None and twin.training.blas_threads is None
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


@pytest.mark.parametrize("key", list(COMPARISONS))
def test_a_ready_made_comparison_gives_the_headless_figures(studio, qtbot, cat_data_dir, cat_data,
                                                             key):
    s = studio()
    assert s.open_dataset(str(cat_data_dir))
    s.model.loader.wait()  # read on a thread
    assert s.run_comparison(key, iterations=20)
    twin = s.runs.twins[0]
    assert not s.runs.compared  # no figures before the runs are over
    wait_idle(qtbot, s.training)
    wait_idle(qtbot, twin.training)
    assert s.runs.compared
    d = cat_data
    expected = run_headless(COMPARISONS[key].with_iterations(20), d.X_train, d.Y_train, d.X_test,
                            d.Y_test)
    assert tuple(s.runs.figures()) == expected
    if key == "diverging":
        assert "training diverged" in twin.training.last_record.message


def test_twin_runs_are_saved_in_the_session_file_and_come_back(moons, qtbot, studio, tmp_path):
    s, start, at = moons
    twin = s.fork_twin(learning_rate=0.1)
    train_twin(qtbot, twin)
    path = str(tmp_path / "lesson.bpstudio")
    assert s.save_session(path)
    other = studio()
    assert other.open_session(path)
    qtbot.waitUntil(lambda: len(other.runs.twins) == 1, timeout=20_000)
    back = other.runs.twins[0]
    assert back.name == twin.name and back.colour_index == twin.colour_index
    assert same(back.model.network.weights, twin.model.network.weights)
    assert back.model.hyper == twin.model.hyper
    assert np.array_equal(back.model.history.costs.view(), twin.model.history.costs.view())
    assert back.model.history.evaluations == twin.model.history.evaluations
    # a session saved without twins leaves none
    s.remove_twins()
    assert s.save_session(path)
    assert other.open_session(path)
    qtbot.waitUntil(lambda: not other.runs.twins, timeout=20_000)


def test_a_damaged_twin_refuses_the_session_file(moons, tmp_path):
    from bpstudio.core.sessionfile import SessionFileError, load_session, read_session, save_session

    s, start, at = moons
    s.fork_twin(init="he")
    path = str(tmp_path / "lesson.bpstudio")
    assert s.save_session(path)
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


def test_train_every_run_at_once_trains_only_the_runs_that_have_not_finished(moons, qtbot):
    """The window's run has done its 600 iterations: a twin's fork trains, the window's stays
    (issue 28: it trained another run and lost accuracy); with every run finished it says so."""
    s, start, at = moons
    m = s.model
    trained, accuracy = m.network.copy(), m.history.evaluations[-1]
    twin = s.fork_twin(learning_rate=0.1)
    assert s.train_every_run()
    assert s.training.state is RunState.IDLE  # the window's run did not start
    wait_idle(qtbot, twin.training)
    assert same(m.network.weights, trained.weights) and m.network.iterations_trained == 600
    assert len(m.history) == 600 and m.history.evaluations[-1] == accuracy
    fresh = headless(start, m.dataset.X_train, m.dataset.Y_train, replace(m.hyper, learning_rate=0.1))
    assert same(twin.model.network.weights, fresh(600).weights)
    # a fork from the cursor trains up to where the window's run ended, no further
    go_to(qtbot, s.timeline, 200)
    later = s.fork_twin(from_cursor=True, l2=0.5)
    go_to(qtbot, s.timeline, None)
    assert s.train_every_run()
    wait_idle(qtbot, later.training)
    assert later.model.network.iterations_trained == 600
    assert twin.model.network.iterations_trained == 600
    # every run finished: nothing trains, and the user is told why
    said = messages(s)
    assert not s.train_every_run()
    assert not s.busy and m.network.iterations_trained == 600
    assert said == ["Every run has finished its iterations: nothing was trained. Fork a twin "
                    "run, or set more iterations."]
    # more iterations set for the window's run: it has not finished any more, and it trains
    assert s.set_hyper(iterations=650)
    assert s.train_every_run()
    wait_idle(qtbot, s.training)
    assert m.network.iterations_trained == 650 and later.model.network.iterations_trained == 600


def test_twins_of_another_data_set_go_when_the_data_changes(moons, qtbot):
    s, start, at = moons
    twin = s.fork_twin(learning_rate=0.1)
    s.set_layer_size(1, 4)  # the same data: the twin stays
    assert s.runs.twins == [twin]
    said = messages(s)
    assert s.choose_preset("plane-spiral")  # another data set
    assert not s.runs.twins
    assert said == ["The twin run was removed: it trained on Two moons (2-D), the data set is "
                    "now Spiral (2-D)."]
    assert s.plane_maps.available  # what the new data needs
    # two twins of another input size: removed alike, said once
    s.fork_twin(learning_rate=0.1)
    s.fork_twin(learning_rate=0.2)
    assert s.use_builtin("three-features")
    settle(qtbot, s)
    assert not s.runs.twins and said[-1].startswith("The twin runs were removed: they trained "
                                                    "on Spiral (2-D)")


def test_a_twin_of_the_cat_data_goes_when_a_two_d_preset_brings_its_data(studio, qtbot,
                                                                          cat_data_dir):
    """Issue 28: the 12288-input cat twin stayed beside the spiral network."""
    s = studio()
    assert s.open_dataset(str(cat_data_dir))
    settle(qtbot, s)
    assert s.fork_twin(learning_rate=0.1) is not None
    said = messages(s)
    assert s.choose_preset("plane-spiral")
    assert not s.runs.twins and "the data set is now Spiral (2-D)" in said[0]
    assert s.model.network.dims[0] == 7 and s.plane_maps.available


def test_trained_twins_are_unsaved_training_and_a_comparison_asks_before_replacing_them(
        studio, qtbot, cat_data_dir):
    s = studio()
    assert s.open_dataset(str(cat_data_dir))
    settle(qtbot, s)
    assert not s.has_unsaved_training
    twin = s.fork_twin(learning_rate=0.01, iterations=3)
    train_twin(qtbot, twin)
    assert s.model.network.iterations_trained == 0 and twin.model.network.iterations_trained > 0
    assert s.has_unsaved_training  # closing, a preset or a comparison would lose the twin's
    network = s.model.network
    asked = []

    def no() -> bool:
        asked.append(True)
        return False
    assert not s.run_comparison("diverging", iterations=5, confirm=no)
    assert asked and s.runs.twins == [twin] and s.model.network is network  # all kept
    assert s.run_comparison("diverging", iterations=5, confirm=lambda: True)
    assert s.runs.twins != [twin]
    settle(qtbot, s)
