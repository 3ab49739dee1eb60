"""Time travel in the studio: at a past iteration nothing is trained or applied, Continue from here
is one undoable step, and a past iteration is stepped with its own run's learning rate (what
every view shows at the cursor: tests/app/test_time_travel.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from headless import go_to, headless, same
from studio_actions import train


@pytest.fixture
def moons(studio, qtbot):
    """The two moons preset trained 2,000 iterations in a studio, and the same run headless."""
    s = studio()
    assert s.choose_preset("plane-moons")
    m = s.model
    at = headless(m.network, m.dataset.X_train, m.dataset.Y_train, m.hyper)
    train(qtbot, s, 2000)
    assert len(m.history) == 2000
    return s, at


def test_a_past_iteration_is_read_only_and_continue_from_here_is_undoable(moons, qtbot):
    s, at = moons
    m, t = s.model, s.timeline
    go_to(qtbot, t, 1234)
    # training would go on from the latest iteration, not the one shown: refused, and said
    with qtbot.waitSignal(s.message) as said:
        assert not s.train()
    assert "iteration 1,234, a past one" in said.args[0]
    assert not s.train_one_iteration() and len(m.history) == 2000
    assert s.continue_from_here()
    assert len(m.history) == 1234 and m.network.iterations_trained == 1234
    assert same(m.network.weights, at(1234).weights) and m.shown.network is m.network
    assert not t.past and t.last == 1234
    go_to(qtbot, t, 1000)  # the run before 1,234 is still there
    assert same(m.shown.network.weights, at(1000).weights)
    go_to(qtbot, t, None)
    assert s.undo()  # the forgotten iterations come back, and the cursor reaches them again
    assert len(m.history) == 2000 and same(m.network.weights, at(2000).weights)
    go_to(qtbot, t, 1500)
    assert same(m.shown.network.weights, at(1500).weights)
    # an edit at a past iteration acts on the latest network; the views show the new one
    assert s.set_layer_size(1, 5)
    qtbot.waitUntil(lambda: not t.past)
    assert m.shown.network is m.network and m.network.dims == (2, 5, 1)
    assert not t.available


def test_a_past_iteration_is_stepped_with_its_runs_learning_rate(moons, qtbot):
    s, at = moons
    assert s.set_hyper(learning_rate=0.05)  # for the next run; iteration 500 had α = 0.5
    go_to(qtbot, s.timeline, 500)
    s.set_step_mode("batch")
    s.step_to_end()
    assert same(s.stepper.stepper.parameters()[0], at(501).weights)


def test_the_iterations_near_the_cursor_are_prefetched_and_a_move_there_uses_them(moons, qtbot):
    """Once the views show a past iteration, the ones near it are recomputed while the studio
    idles; a move among them shows the run's parameters without recomputing one iteration."""
    s, at = moons
    t = s.timeline
    go_to(qtbot, t, 1234)
    assert t.prefetch.active  # at the next turns of the event loop
    qtbot.waitUntil(lambda: not t.prefetch.active)
    timeline, cursor = t.prefetch.where()
    reach = timeline.near_reach
    assert cursor == 1234 and reach > 0
    assert set(range(1234 - reach, 1234 + reach + 1)) - set(timeline.keyframes) <= set(timeline.near)
    done = timeline.recomputed
    for i in (1234 + reach, 1234 + reach // 2, 1234 - 1):  # what a move there shows
        assert same(t.network_at(i).weights, at(i).weights)
    assert timeline.recomputed == done  # every one was kept
    go_to(qtbot, t, 1234 - reach)
    assert same(s.model.shown.network.weights, at(1234 - reach).weights)
    go_to(qtbot, t, None)
    assert t.prefetch.where() is None and not t.prefetch.active


def test_a_jump_is_recomputed_in_slices_with_the_event_loop_turning_between_them(
        moons, qtbot, monkeypatch):
    """The views follow a jump once its iteration is recomputed, a slice at each turn of the
    event loop (never all of a keyframe interval at once on the GUI thread). A slice is one
    iteration here (a fast machine fits the moons net's whole interval in 10 ms)."""
    from PySide6.QtCore import QTimer

    import bpstudio.session.timeline_prefetch as prefetch
    monkeypatch.setattr(prefetch, "SLICE_SECONDS", 0.0)

    s, at = moons
    t = s.timeline
    go_to(qtbot, t, 10)  # (the run's timeline, as the cursor sees it)
    timeline, _ = t.prefetch.where()
    go_to(qtbot, t, None)
    qtbot.waitUntil(lambda: not t.prefetch.active)
    turns = [0]
    beat = QTimer()
    beat.setInterval(0)
    beat.timeout.connect(lambda: turns.__setitem__(0, turns[0] + 1))
    beat.start()
    slices = []
    original = timeline.prefetch_step

    def watched(center):
        slices.append(turns[0])
        return original(center)

    timeline.prefetch_step = watched
    try:
        go_to(qtbot, t, 1500)
    finally:
        del timeline.prefetch_step
        beat.stop()
    assert same(s.model.shown.network.weights, at(1500).weights)
    assert len(slices) > 1 and slices[-1] > slices[0]  # over several turns of the loop


def test_a_wide_first_layer_keeps_every_iterations_z1_and_a_jump_recomputes_without_w1_x(
        studio, qtbot, tmp_path, cat_files, monkeypatch):
    """16×16 pictures: W[1] has 768 columns, an iteration's Z[1] 20 (the samples). The run's child process keeps
    each iteration's Z[1] in the run's budget beside its keyframes (core/timeline.py); a jump
    then recomputes no W[1]·X, and shows the run's parameters bit for bit. What was recomputed
    near the cursor counts in the budget and goes at now."""
    from bpstudio.core import equations
    from bpstudio.core.timeline import memory_plan

    cat_files(tmp_path / "cats", m_train=20, m_test=8, size=16)
    s = studio()
    m = s.model
    assert m.data.open_dataset(str(tmp_path / "cats"))
    m.loader.wait()
    qtbot.waitUntil(lambda: m.network.dims[0] == 768 and not m.building)
    at = headless(m.network, m.dataset.X_train, m.dataset.Y_train, replace(m.hyper, iterations=40))
    budget = s.timeline.memory_left()
    train(qtbot, s, 40)
    timeline = s.training.timeline
    plan = memory_plan(m.network, m.hyper, 20, budget)
    assert plan.trace == 8 * m.network.dims[1] * 20 and timeline.near_bytes == plan.near
    assert timeline.traced == list(range(40))
    widths = []
    weighted_input = equations.weighted_input
    monkeypatch.setattr(equations, "weighted_input",
                        lambda W, *a: widths.append(W.shape[1]) or weighted_input(W, *a))
    t = s.timeline
    for i in (37, 3, 21):
        go_to(qtbot, t, i)
        assert same(m.shown.network.weights, at(i).weights)
        assert same(m.shown.network.biases, at(i).biases)
    assert widths and 768 not in widths  # the smaller layers' products only
    qtbot.waitUntil(lambda: not t.prefetch.active)
    near = timeline.near_nbytes
    assert near > 0 and t.nbytes == (sum(timeline._keyframes[k].nbytes for k in timeline.keyframes)
                                     + timeline.trace_nbytes + near)
    go_to(qtbot, t, None)
    assert timeline.near == [] and timeline.near_nbytes == 0
