"""A shown window starts its training process ahead of the first run, with the data set, and Train
hands that process the network; after the run another is made ready (session/ready_process.py).
The suite's other windows skip it (tests/conftest.py: no_training_process_ahead)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bpstudio.core.trainer import RunState

pytestmark = pytest.mark.warm_process


def ready_pid(qtbot, ready) -> int:
    """The pid of the process made ready, once it runs and has the data set."""
    qtbot.waitUntil(lambda: ready.process is not None and ready.process.primed is not None
                    and ready.process.process.pid is not None, timeout=30_000)
    return ready.process.process.pid


def test_a_shown_window_makes_a_training_process_ready_and_train_uses_it(make_window, qtbot):
    w = make_window()
    training = w.studio.training
    pid = ready_pid(qtbot, training.ready)
    w.studio.model.set_hyper(iterations=20)
    with qtbot.waitSignal(training.state_changed, timeout=60_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        qtbot.mouseClick(w.training_panel.train_button, Qt.MouseButton.LeftButton)
        assert training.process.pid == pid  # the run went to the process made ready
    assert len(w.studio.model.history) == 20
    assert ready_pid(qtbot, training.ready) != pid  # and the next run's is ready
