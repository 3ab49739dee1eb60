"""While a run trains, Python's collector leaves the heap that existed at its start alone (a full
collection of the window's ~90,000 objects held the GUI thread 40–100 ms); the run's end gives it
back. The collector is a stand-in here: the test suite froze the real one for itself."""

from __future__ import annotations

import pytest

from bpstudio.core.trainer import RunState
from bpstudio.session import heap_freeze
from bpstudio.session.heap_freeze import HeapFreeze
from bpstudio.session.network_model import NetworkModel


class Collector:
    def __init__(self, frozen_by_others: int = 0):
        self.count = frozen_by_others
        self.calls: list[str] = []

    def get_freeze_count(self) -> int:
        return self.count

    def freeze(self) -> None:
        self.calls.append("freeze")
        self.count += 1000

    def unfreeze(self) -> None:
        self.calls.append("unfreeze")
        self.count = 0


@pytest.fixture
def collector(monkeypatch):
    gc = Collector()
    monkeypatch.setattr(heap_freeze, "gc", gc)
    monkeypatch.setattr(heap_freeze, "_holders", 0)
    monkeypatch.setattr(heap_freeze, "_frozen_here", False)
    monkeypatch.setattr(heap_freeze, "_frozen_by_others", None)
    return gc


def test_two_runs_hold_one_freeze_until_the_last_ends(collector):
    a, b = NetworkModel(), NetworkModel()  # twin runs: two models train at once
    HeapFreeze(a, a), HeapFreeze(b, b)
    a.set_run_state(RunState.RUNNING)
    assert collector.calls == ["freeze"]
    a.set_run_state(RunState.PAUSED)  # a paused run still owns its heap
    b.set_run_state(RunState.RUNNING)
    a.set_run_state(RunState.IDLE)
    assert collector.calls == ["freeze"]
    b.set_run_state(RunState.IDLE)
    assert collector.calls == ["freeze", "unfreeze"]
    a.set_run_state(RunState.RUNNING)  # the next run freezes what lives then
    a.set_run_state(RunState.IDLE)
    assert collector.calls == ["freeze", "unfreeze"] * 2


def test_a_heap_frozen_by_someone_else_is_left_as_it_is(collector):
    collector.count = 90_000
    model = NetworkModel()
    HeapFreeze(model, model)
    model.set_run_state(RunState.RUNNING)
    model.set_run_state(RunState.IDLE)
    assert collector.calls == [] and collector.count == 90_000


def test_a_training_session_freezes_while_its_run_trains(session, qtbot, collector):
    model, training = session
    frozen_while_running = []
    training.progress_changed.connect(
        lambda *_: frozen_while_running.append(collector.count > 0))
    model.set_hyper(iterations=300)
    with qtbot.waitSignal(training.state_changed, timeout=60_000,
                          check_params_cb=lambda s: s is RunState.IDLE):
        assert training.start()
    assert frozen_while_running and all(frozen_while_running)
    assert collector.calls == ["freeze", "unfreeze"] and collector.count == 0
