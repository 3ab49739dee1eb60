"""Predictions that follow the network: at once when small, else on a thread, newest wins."""

from __future__ import annotations

import numpy as np
import pytest
from posted_events import threads_ended

from bpstudio.core.datasets import builtin_dataset
from bpstudio.core.trainer import RunState
from bpstudio.session import predictions
from bpstudio.session.network_model import NetworkModel
from bpstudio.session.predictions import Predictions


@pytest.fixture
def model(qapp):
    return NetworkModel()


def columns(model, n=40, seed=0):
    return np.random.default_rng(seed).normal(size=(model.network.dims[0], n))


def scaled(model, factor):
    model.set_parameters([W * factor for W in model.network.weights], model.network.biases)


def test_a_small_pass_is_shown_at_once(model):
    X, got = columns(model), []
    Predictions(model, "test").request(lambda: X, *X.shape, got.append)
    assert len(got) == 1
    np.testing.assert_array_equal(got[0], model.network.predict_proba(X)[0])


def test_a_big_pass_runs_on_a_thread_with_the_parameters_it_was_asked_with(model, qtbot,
                                                                          monkeypatch):
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    X, got = columns(model), []
    asked_with = model.network.predict_proba(X)[0]
    p = Predictions(model, "test")
    p.request(lambda: X, *X.shape, got.append)
    assert got == [] and p.pending  # the window goes on; the result comes by the event loop
    scaled(model, -1.0)  # new parameters meanwhile: the pass keeps the ones it started with
    qtbot.waitUntil(lambda: len(got) == 1)
    np.testing.assert_array_equal(got[0], asked_with)


def test_requests_during_a_pass_are_folded_into_one_with_the_newest_parameters(model, qtbot,
                                                                              monkeypatch):
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    X, got = columns(model), []
    p = Predictions(model, "test")
    p.request(lambda: X, *X.shape, lambda r: got.append(("first", r)))
    for factor in (2.0, 3.0, -1.0):
        scaled(model, factor)
        p.request(lambda: X, *X.shape, lambda r: got.append(("newest", r)))
    qtbot.waitUntil(lambda: not p.pending)
    assert [what for what, _ in got] == ["first", "newest"]
    np.testing.assert_array_equal(got[-1][1], model.network.predict_proba(X)[0])


def test_while_training_a_pass_rests_twice_its_time_before_the_next(model, qtbot, monkeypatch):
    """The rest is measured on the Predictions' clock: a fake one that says every pass took 5 s,
    so the rest (10 s) is certainly still on when the test looks, however slow the machine."""
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    ticks = iter(range(0, 10**6, 5))
    X, got = columns(model), []
    p = Predictions(model, "test", clock=lambda: float(next(ticks)))
    model.set_run_state(RunState.RUNNING)
    p.request(lambda: X, *X.shape, got.append)
    qtbot.waitUntil(lambda: len(got) == 1)
    # private: how long the rest lasts is the point, and nothing public says it
    assert p.resting and p._rest.interval() == 10_000
    scaled(model, -1.0)
    p.request(lambda: X, *X.shape, got.append)
    assert len(got) == 1 and p.pending  # held back by the rest, not dropped
    p.end_rest()  # as when the rest's time is up
    qtbot.waitUntil(lambda: len(got) == 2)
    np.testing.assert_array_equal(got[1], model.network.predict_proba(X)[0])
    model.set_run_state(RunState.IDLE)


def test_without_training_there_is_no_rest(model, qtbot, monkeypatch):
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    X, got = columns(model), []
    p = Predictions(model, "test")
    p.request(lambda: X, *X.shape, got.append)
    qtbot.waitUntil(lambda: len(got) == 1)
    assert not p.resting and not p.pending


def test_a_failed_pass_is_a_message(model, qtbot, monkeypatch):
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    p = Predictions(model, "test")

    def no_memory():
        raise MemoryError("no room for the columns")
    with qtbot.waitSignal(p.failed) as said:
        p.request(no_memory, 3, 10, lambda r: None)
    assert "no room" in said.args[0] and not p.pending


def test_a_request_left_waiting_for_another_networks_input_is_dropped(model, qtbot, monkeypatch):
    """The monkey's find: a pass waiting behind a running one, then a new data set with another
    input size; the waiting pass ran the old pictures through the new network (ValueError)."""
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    X, got, failures = columns(model), [], []
    p = Predictions(model, "test")
    p.failed.connect(failures.append)
    p.request(lambda: X, *X.shape, got.append)
    p.request(lambda: X, *X.shape, lambda r: got.append("late"))  # waits for the first
    assert model.set_dataset(builtin_dataset("circle"), "circle")  # 2 inputs, not 3
    assert model.network.dims[0] == 2
    qtbot.waitUntil(lambda: not p.pending)
    threads_ended(qtbot, "test")  # a waiting pass that ran anyway would have landed by now
    assert len(got) == 1 and not isinstance(got[0], str) and failures == []


def test_after_a_failed_pass_nothing_is_left_pending(model, qtbot, monkeypatch):
    """A request that came during the failing pass would fail the same way: dropped, not left
    waiting (the screenshot script waits for pending to clear)."""
    monkeypatch.setattr(predictions, "INLINE_MACS", 0)
    p = Predictions(model, "test")
    said = []
    p.failed.connect(said.append)

    def no_memory():
        raise MemoryError("no room for the columns")
    p.request(no_memory, 3, 10, lambda r: None)
    p.request(no_memory, 3, 10, lambda r: None)  # during the pass
    qtbot.waitUntil(lambda: len(said) > 0)
    threads_ended(qtbot, "test")  # a second failing pass would have said so by now
    assert not p.pending and len(said) == 1
