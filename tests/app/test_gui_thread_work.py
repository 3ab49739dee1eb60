"""What the GUI thread does while a run trains stays within the plots' frames (issue 32: the
GUI thread never stalls; benchmarks/bench_gui.py measures it, these tests check the mechanisms):
the time cursor's line follows the run in the plots' frames, not at every record, and a frame
sets the evaluation curves only when an evaluation has come."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from user_actions import choose, train_and_wait
from bpstudio.core.trainer import Evaluation, RunState


def test_while_a_run_trains_the_time_cursor_moves_in_the_plots_frames(make_window, qtbot):
    w = make_window(1600, 1000)
    choose(qtbot, w.editor.preset_box, "Two moons: x₁, x₂, 8 tanh neurons")
    m, t, plots = w.studio.model, w.studio.timeline, w.cost_plot
    cursor = w.time_travel.cursor  # (the plots built)
    w.studio.set_pace(4000)  # 2,000 iterations: half a second at least, records 5 times a second
    drawn = [cursor.value()]  # where each of the plots' frames left the line
    plots.drawing.connect(lambda: drawn.append(cursor.value()))
    moved_between_frames = []  # at each record of the run: had the line moved since the frame?
    t.range_changed.connect(lambda: m.busy and moved_between_frames.append(
        cursor.value() != drawn[-1]))
    train_and_wait(qtbot, w)
    assert len(moved_between_frames) >= 2 and not any(moved_between_frames)
    assert len(set(drawn)) >= 2  # it did move, in the frames
    qtbot.waitUntil(lambda: cursor.value() == m.history.first + t.last == 2000)  # the end


def test_a_frame_sets_the_evaluation_curves_only_when_one_has_come(make_window, qtbot,
                                                                   monkeypatch):
    w = make_window(1600, 1000)
    m, plots = w.studio.model, w.cost_plot
    plots.ensure_built()
    given = []
    for curve in (plots.test_curve, plots.train_acc, plots.test_acc, plots.one_sample_points):
        set_data = curve.setData
        monkeypatch.setattr(curve, "setData",
                            lambda *a, set_data=set_data, c=curve, **k: (given.append(c),
                                                                         set_data(*a, **k)))
    layers = m.network.L
    m.set_run_state(RunState.RUNNING)  # a run's stream: frames on the plots' clock
    try:
        for k in range(3):
            m.append_history(np.full(10, 0.5), np.ones((10, layers)))
            plots.frames.flush()
            if k == 0:  # the first frame of the stream: what the curves show is set once
                given.clear()
        assert given == []  # two frames, no evaluation: nothing set again
        m.append_history(np.full(10, 0.4), np.ones((10, layers)),
                         [Evaluation(35, 0.75, 0.45, 0.7)])
        plots.frames.flush()
        assert set(given) == {plots.test_curve, plots.train_acc, plots.test_acc}
        x, y = plots.test_curve.getData()
        assert x[-1] == m.history.first + 35 and y[-1] == 0.45
    finally:
        m.set_run_state(RunState.IDLE)


def test_a_frame_of_a_run_draws_the_plots_once_and_a_zoom_draws_them_anew(make_window, qtbot):
    """The x range follows the run's new points: no second frame for it (each frame of the cat
    run had drawn twice); a zoom cuts the dense curves to its range: a new frame."""
    w = make_window(1600, 1000)
    m, plots = w.studio.model, w.cost_plot
    plots.ensure_built()
    layers = m.network.L
    m.set_run_state(RunState.RUNNING)
    try:
        for k in range(3):
            m.append_history(np.linspace(1, 0.5, 50 * (k + 1)), np.ones((50 * (k + 1), layers)))
            assert plots.frames.pending
            plots.frames.flush()  # the frame: the curves set, the range moved with them
            qtbot.wait(0)  # (anything the range's move asked for)
            assert not plots.frames.pending
        right = m.history.first + len(m.history)
        plots.cost_plot.vb.setXRange(0, right / 4, padding=0)  # the user zooms in
        assert plots.frames.pending
        plots.frames.flush()
        x, _ = plots.train_curve.getData()
        assert x[-1] < right / 2  # cut to the zoomed range (one point beyond its edge)
    finally:
        m.set_run_state(RunState.IDLE)


def test_a_run_never_sets_the_plots_words_anew_and_a_bigger_font_does(make_window, qtbot,
                                                                     monkeypatch):
    """The time bar's first show (at a run's first record) sends the plots a FontChange with the
    same font: setting every title, axis and legend again held that frame ~27 ms."""
    w = make_window(1600, 1000)
    choose(qtbot, w.editor.preset_box, "Two moons: x₁, x₂, 8 tanh neurons")
    plots = w.cost_plot
    plots.ensure_built()
    assert not w.time_travel.bar.isVisible()  # no run yet: the bar shows with the first record
    said = []
    retranslate = plots.retranslate
    monkeypatch.setattr(plots, "retranslate", lambda: (said.append(1), retranslate()))
    w.studio.model.set_hyper(iterations=300)
    train_and_wait(qtbot, w)
    qtbot.waitUntil(lambda: not plots.frames.pending)
    assert w.time_travel.bar.isVisible() and said == []
    before = plots.font().pointSizeF()
    qtbot.keyClick(w, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # a bigger UI
    qtbot.waitUntil(lambda: plots.font().pointSizeF() > before)
    assert said  # the plots' words in the bigger font
    tick_font = plots.cost_plot.getAxis("left").style["tickFont"]
    assert tick_font.pointSizeF() == plots.font().pointSizeF() > before
    qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
