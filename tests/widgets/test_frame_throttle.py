from __future__ import annotations

import time

from PySide6.QtCore import QObject

from bpstudio.widgets.frame_throttle import FrameThrottle


def test_a_lone_change_redraws_at_once_and_a_stream_is_spaced_by_cost(qtbot):
    calls = []

    def redraw():
        calls.append(time.perf_counter())
        time.sleep(0.02)  # a 20 ms redraw

    owner = QObject()
    frames = FrameThrottle(redraw, owner, max_hz=30, share=0.1)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=1000)
    assert frames.interval >= 0.2  # 20 ms at 10 % of the time: at most every 200 ms
    start = time.perf_counter()
    deadline = start + 0.9
    while time.perf_counter() < deadline:  # a stream of changes for 0.9 s
        frames.request()
        qtbot.wait(5)
    qtbot.waitUntil(lambda: not frames._timer.isActive(), timeout=1000)
    gaps = [b - a for a, b in zip(calls, calls[1:])]
    assert 3 <= len(calls) <= 6  # not one redraw per request
    assert min(gaps) >= 0.19


def test_requests_while_one_is_pending_collapse(qtbot):
    calls = []
    owner = QObject()
    frames = FrameThrottle(lambda: calls.append(1), owner)
    for _ in range(50):
        frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=1000)
    qtbot.wait(100)
    assert len(calls) == 1


def test_flush_draws_a_pending_change_at_once(qtbot):
    calls = []
    owner = QObject()
    frames = FrameThrottle(lambda: calls.append(1), owner, max_hz=1)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=1000)
    frames.request()  # due in a second
    assert len(calls) == 1
    frames.flush()
    assert len(calls) == 2 and not frames._timer.isActive()


def test_an_edit_redraws_at_once_even_right_after_a_costly_redraw(qtbot):
    calls = []

    def redraw():
        calls.append(time.perf_counter())
        time.sleep(0.05)  # 50 ms at 3 %: the stream's clock would wait 1.7 s

    owner = QObject()
    frames = FrameThrottle(redraw, owner)
    frames.request()
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=1000)
    frames.request()  # a streamed change waits for the clock
    frames.request_soon()  # a user's edit does not
    frames.request_soon()
    qtbot.waitUntil(lambda: len(calls) == 2, timeout=500)
    qtbot.wait(100)
    assert len(calls) == 2  # both edits and the pending change in one redraw


def test_the_cost_plot_shows_an_edit_at_once_after_a_costly_redraw(qtbot):
    from bpstudio.session.network_model import NetworkModel
    from bpstudio.widgets.cost_plot import CostPlot

    model = NetworkModel()
    plot = CostPlot(model)
    qtbot.addWidget(plot)
    plot.frames.interval = 2.0  # as after a 60 ms redraw: the stream's clock waits 2 s
    plot.frames._last = time.perf_counter()
    assert model.add_hidden_layer(3)
    qtbot.waitUntil(lambda: len(plot.grad_curves) == model.network.L == 3, timeout=500)
    assert model.undo()
    qtbot.waitUntil(lambda: len(plot.grad_curves) == model.network.L == 2, timeout=500)
