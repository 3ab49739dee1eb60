"""Twin runs at their edges: the "one at a time" pace, a change of the playground's data, a fork
from a past iteration saved and reopened, twins restored from the autosave (the twins' main
behaviour: tests/session/test_runs.py)."""

from __future__ import annotations

import pytest
from studio_actions import messages, settle, train, wait_idle

from bpstudio.core.trainer import RunState


def test_one_at_a_time_pauses_the_windows_run_only_and_every_run_ends(studio, qtbot, monkeypatch):
    """Train every run at once with the pace "one at a time": the window's run waits for Next
    iteration (its buttons act on it alone); a twin goes on to its end, or it would stay paused
    for ever and every run with it (no comparison, no fork, no data change)."""
    import bpstudio.session.runs as runs_module
    monkeypatch.setattr(runs_module, "cores", lambda: 2)
    s = studio()
    assert s.choose_preset("plane-xor")
    settle(qtbot, s)
    assert s.set_hyper(iterations=40)
    twin = s.fork_twin(learning_rate=0.1)
    s.set_pace(0.0, stepwise=True)
    assert s.train_every_run()
    wait_idle(qtbot, twin.training, timeout=30_000)
    assert twin.model.network.iterations_trained == 40
    qtbot.waitUntil(lambda: s.training.state is RunState.PAUSED, timeout=30_000)
    assert s.model.network.iterations_trained < 40  # the window's run waits, one at a time
    s.stop()
    wait_idle(qtbot, s.training)
    assert not s.runs.training_any
