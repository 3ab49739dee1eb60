"""A screen reader is not flooded while training: the accessible descriptions of the diagram, the
cost plot and the plane change at most once a second of a run (the latest words when their
moment comes), at once for a key and at once when the run pauses or stops. A fake clock: no test
waits on wall time."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bpstudio.core.trainer import RunState
from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.frame_throttle import SpeechThrottle
from bpstudio.widgets.network_diagram import NetworkDiagram


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("redraw_coming", [False, True])
def test_a_run_that_ends_is_heard_once_with_its_last_words(qapp, redraw_coming):
    """A view whose last redraw is on its way (FrameThrottle: the turn after the run's end) says
    the run's last words itself: the words of the frame before are not said first."""
    heard: list[str] = []
    clock = Clock()
    speech = SpeechThrottle(heard.append, None, clock=clock, redraw_coming=lambda: redraw_coming)
    speech.say("cost 0", streaming=True)
    speech.say("cost 1", streaming=True)  # within the second: waits
    speech.on_run_state(RunState.IDLE)
    assert speech.pending is None
    if redraw_coming:
        assert heard == ["cost 0"]
        speech.say("cost 2 (the last)", streaming=False)  # the redraw
    assert heard == ["cost 0", "cost 2 (the last)" if redraw_coming else "cost 1"]


def test_while_streaming_words_come_at_most_once_a_second(qapp):
    heard: list[str] = []
    clock = Clock()
    speech = SpeechThrottle(heard.append, None, clock=clock)
    for k in range(50):  # 50 progress updates in 2.5 s of the run
        speech.say(f"cost {k}", streaming=True)
        clock.now += 0.05
    assert heard[0] == "cost 0"  # the first at once
    assert 2 <= len(heard) <= 3  # then once a second, not 50 times
    assert speech.pending == "cost 49"
    speech.on_run_state(RunState.PAUSED)  # paused: the latest words at once
    assert heard[-1] == "cost 49" and speech.pending is None
    speech.say("a key", streaming=False)
    assert heard[-1] == "a key"


def test_the_same_words_are_not_said_again(qapp):
    heard: list[str] = []
    clock = Clock()
    speech = SpeechThrottle(heard.append, None, clock=clock)
    speech.say("x", streaming=True)
    speech.say("y", streaming=True)
    speech.say("x", streaming=True)  # back to what was said: nothing waits
    assert heard == ["x"] and speech.pending is None


@pytest.fixture
def diagram(qtbot):
    model = NetworkModel()
    d = NetworkDiagram(model)
    qtbot.addWidget(d)
    d.resize(900, 600)
    d.show()
    qtbot.waitExposed(d)
    d.refresh_now()
    return d


def nudge(model: NetworkModel, k: int) -> None:
    """A progress update of a training run: new parameters."""
    W = [w + 0.1 * (k + 1) for w in model.network.weights]
    model.set_parameters(W, model.network.biases)


def test_the_diagram_is_described_once_a_second_while_training(diagram, qtbot):
    d, model = diagram, diagram.model
    clock = Clock()
    d.speech.clock = clock
    d.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)
    qtbot.keyClick(d, Qt.Key.Key_Right)  # the first key: the first input
    qtbot.keyClick(d, Qt.Key.Key_Right)  # a hidden neuron: its numbers change as it trains
    before = d.accessibleDescription()
    assert before.startswith("hidden layer 1, neuron 1")
    model.set_run_state(RunState.RUNNING)
    seen = set()
    for k in range(10):  # ten redraws within 0.5 s of the run
        nudge(model, k)
        d.refresh_now()
        seen.add(d.accessibleDescription())
        clock.now += 0.05
    assert seen == {before}  # a key said it less than a second ago: nothing new yet
    clock.now += 1.0
    nudge(model, 10)
    d.refresh_now()
    assert d.accessibleDescription() != before  # a second on: the latest numbers
    middle = d.accessibleDescription()
    nudge(model, 11)
    d.refresh_now()
    assert d.accessibleDescription() == middle  # and again not at once
    model.set_run_state(RunState.IDLE)  # stopped: the last numbers at once
    qtbot.waitUntil(lambda: d.accessibleDescription() != middle)
    assert d.accessibleDescription() == d.speech.said
    qtbot.keyClick(d, Qt.Key.Key_Down)  # a key: said at once
    assert d.accessibleDescription().startswith("hidden layer 1, neuron 2")


def test_a_key_is_said_at_once_while_training(diagram, qtbot):
    d, model = diagram, diagram.model
    d.speech.clock = Clock()
    d.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is d)
    model.set_run_state(RunState.RUNNING)
    for key, said in ((Qt.Key.Key_Right, "input layer, neuron 1"),
                      (Qt.Key.Key_Right, "hidden layer 1, neuron 1"),
                      (Qt.Key.Key_Down, "hidden layer 1, neuron 2"),
                      (Qt.Key.Key_Right, "output layer")):
        qtbot.keyClick(d, key)
        assert d.accessibleDescription().startswith(said)
    model.set_run_state(RunState.IDLE)
