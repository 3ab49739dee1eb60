"""The redraw clock, on a fake clock: what a redraw costs is what the fake clock says, so the
tests hold however busy the machine is."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject

from bpstudio.widgets.frame_throttle import FrameThrottle


@pytest.fixture
def owner():
    return QObject()  # the throttle's parent, alive for the whole test


class FakeClock:
    def __init__(self) -> None:
        self.now = 1024.0  # a power of two: fake costs subtract exactly

    def __call__(self) -> float:
        return self.now


def test_a_lone_change_redraws_at_once_and_a_stream_waits_by_cost(qtbot, owner):
    clock, calls = FakeClock(), []

    def redraw():
        calls.append(clock.now)
        clock.now += 0.015625  # a 15.625 ms redraw (2⁻⁶ s: exact in binary)

    frames = FrameThrottle(redraw, owner, max_hz=30, share=0.1, clock=clock)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert frames.last_cost == 0.015625 and frames.interval == 0.15625  # at 10 % of the time
    assert frames.wait_ms() == 156  # the next streamed change waits 156 ms …
    clock.now += 0.125
    assert frames.wait_ms() == 31  # … less what has passed since
    clock.now += 1.0
    assert frames.wait_ms() == 0


def test_a_cheap_redraw_is_bounded_by_the_frame_rate(qtbot, owner):
    clock, calls = FakeClock(), []
    frames = FrameThrottle(lambda: calls.append(1), owner, max_hz=30, clock=clock)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1)
    assert frames.wait_ms() == 33


def test_requests_while_one_is_pending_collapse(qtbot, owner):
    calls = []
    frames = FrameThrottle(lambda: calls.append(1), owner)
    for _ in range(50):
        frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    assert not frames.pending  # nothing more to draw: one redraw for the fifty


def test_flush_draws_a_pending_change_at_once(qtbot, owner):
    clock, calls = FakeClock(), []
    frames = FrameThrottle(lambda: calls.append(1), owner, max_hz=1, clock=clock)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    frames.request()  # due in a second of the fake clock, which does not move
    assert len(calls) == 1
    frames.flush()
    assert len(calls) == 2 and not frames.pending


def test_an_edit_redraws_at_once_even_right_after_a_costly_redraw(qtbot, owner):
    clock, calls = FakeClock(), []

    def redraw():
        calls.append(1)
        clock.now += 50.0  # so costly that the stream's clock would wait half an hour

    frames = FrameThrottle(redraw, owner, clock=clock)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    frames.request()  # a streamed change waits for the clock
    frames.request_soon()  # a user's edit does not
    frames.request_soon()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5000)
    assert not frames.pending  # both edits and the pending change in one redraw


def test_the_cost_plot_shows_an_edit_at_once_after_a_costly_redraw(qtbot):
    from bpstudio.session.network_model import NetworkModel
    from bpstudio.widgets.cost_plot import CostPlot

    model = NetworkModel()
    plot = CostPlot(model)
    qtbot.addWidget(plot)
    plot.frames.interval = 3600.0  # as after a very costly redraw: the stream's clock waits an hour
    plot.frames.request()  # streamed: waits
    assert model.add_hidden_layer(3)
    qtbot.waitUntil(lambda: len(plot.grad_curves) == model.network.L == 3, timeout=5000)
    assert model.undo()
    qtbot.waitUntil(lambda: len(plot.grad_curves) == model.network.L == 2, timeout=5000)


def test_a_long_curve_is_drawn_as_each_pixels_min_and_max_to_its_very_end():
    import numpy as np

    from bpstudio.widgets.curve_peaks import peaks

    x = np.arange(1003, dtype=float)
    y = np.cos(x / 50) + 2.0
    y[-1] = 0.5  # the newest iteration, in the last, shorter run: the lowest cost
    y[400] = 5.0
    xs, ys = peaks(x, y, 100)
    assert len(xs) == 200 and ys.min() == 0.5 and ys.max() == 5.0
    assert np.all(np.diff(xs) >= 0) and xs[-1] <= 1002
    small_x, small_y = peaks(x[:150], y[:150], 100)  # few points: drawn as they are
    assert len(small_x) == 150


def test_a_run_that_ends_draws_its_last_change_at_the_next_turn_not_inside_the_signal(qtbot, owner):
    from bpstudio.core.trainer import RunState

    clock, calls = FakeClock(), []
    frames = FrameThrottle(lambda: calls.append(1), owner, max_hz=0.01, clock=clock)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=5000)
    frames.on_run_state(RunState.IDLE)  # nothing waits: nothing to draw
    frames.request()  # a streamed change, due in 100 s (by the timer: longer than the wait below)
    frames.on_run_state(RunState.PAUSED)
    assert frames.pending and len(calls) == 1  # a pause is no end
    frames.on_run_state(RunState.IDLE)
    assert len(calls) == 1  # not inside the run's end: the other views answer it first …
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=5000)  # … then at once, whatever the clock
    assert not frames.pending
