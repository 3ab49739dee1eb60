"""View → Reduce motion: the views follow a training run at most twice a second, Qt's sliding
and fading transitions are off, a user's edit is still drawn at once; remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from bpstudio.app.motion import CALM_HZ, EFFECTS
from bpstudio.widgets.frame_throttle import FrameThrottle


class Clock:
    t = 0.0

    def __call__(self) -> float:
        return self.t


def test_reduced_motion_redraws_a_stream_at_most_twice_a_second_and_edits_at_once(make_window,
                                                                                     qtbot):
    w = make_window()
    action = w.findChild(QAction, "ReduceMotionAction")
    assert action.isCheckable() and not action.isChecked()
    clock, drawn = Clock(), []
    throttle = FrameThrottle(lambda: drawn.append(clock.t), QObject(w), clock=clock)
    throttle.request_soon()
    qtbot.waitUntil(lambda: drawn == [0.0])
    clock.t = 0.01
    assert throttle.wait_ms() == 23  # 30 a second, the cheap view's own pace

    action.trigger()  # View → Reduce motion
    try:
        assert action.isChecked()
        assert throttle.wait_ms() == int((1 / CALM_HZ - 0.01) * 1000)
        assert not any(QApplication.isEffectEnabled(e) for e in EFFECTS)
        throttle.request_soon()  # an edit: drawn at the next turn, whatever the pace
        qtbot.waitUntil(lambda: len(drawn) == 2)

        again = make_window()  # the next start remembers it
        assert again.findChild(QAction, "ReduceMotionAction").isChecked()
        assert FrameThrottle.calm_interval == 1 / CALM_HZ
    finally:
        action.trigger()
    assert not action.isChecked() and FrameThrottle.calm_interval == 0.0
    clock.t = drawn[-1] + 0.01
    assert throttle.wait_ms() <= 1000 / 30


def test_reduce_motion_is_named_in_both_languages(make_window, qtbot):
    w = make_window()
    action = w.findChild(QAction, "ReduceMotionAction")
    assert action.text().replace("&", "") == "Reduce motion"
    assert w.set_language("zh_CN")
    qtbot.waitUntil(lambda: action.text().startswith("减少动态效果"))
    assert action in w.menus.view.actions()
