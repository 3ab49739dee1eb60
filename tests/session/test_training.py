"""A training run without any widget: one run state, kept by the model; Train never measures on
the GUI thread; a command the child refuses is logged and Stop still works."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading

import pytest

from bpstudio.core.trainer import RunState
from bpstudio.session.network_model import NetworkModel
from bpstudio.session.training import TrainingSession


@pytest.fixture
def session(qtbot):
    model = NetworkModel()  # the first start's 3–2–1 network on the three-feature data
    training = TrainingSession(model)
    yield model, training
    training.wait()


def wait_for(qtbot, training, state: RunState):
    return qtbot.waitSignal(training.state_changed, check_params_cb=lambda s: s is state,
                            timeout=60_000)


def test_the_model_keeps_the_one_run_state_and_the_session_reads_it(session, qtbot):
    model, training = session
    said_by_model, said_by_session = [], []
    model.run_state_changed.connect(said_by_model.append)
    training.state_changed.connect(said_by_session.append)
    training.set_pace(None, stepwise=True)  # one iteration, then it waits: no clock involved
    with wait_for(qtbot, training, RunState.PAUSED):
        assert training.start()
    assert training.state is model.run_state is RunState.PAUSED and model.busy
    with wait_for(qtbot, training, RunState.IDLE):
        training.stop()
    assert said_by_model == said_by_session == [RunState.RUNNING, RunState.PAUSED, RunState.IDLE]
    assert training.state is RunState.IDLE and not model.busy


def test_there_are_three_run_states_and_a_string_is_not_one(session):
    model, training = session
    assert list(RunState) == [RunState.IDLE, RunState.RUNNING, RunState.PAUSED]
    with pytest.raises(TypeError):
        model.set_run_state("running")
    assert model.run_state is training.state is RunState.IDLE and not model.busy


@pytest.fixture
def measured_on(monkeypatch):
    """The threads the keyframe interval's measurement ran on in this process, wherever a module
    of the package holds the function."""
    threads = []
    for name, module in list(sys.modules.items()):
        measure = getattr(module, "seconds_per_iteration", None) if name.startswith("bpstudio") else None
        if measure is None:
            continue

        def recording(*args, _measure=measure, **kwargs):
            threads.append(threading.current_thread())
            return _measure(*args, **kwargs)

        monkeypatch.setattr(module, "seconds_per_iteration", recording)
    assert threads == []
    return threads


def test_train_measures_the_keyframe_interval_off_the_gui_thread(session, qtbot, measured_on):
    model, training = session
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
        timeline = training.timeline
        assert timeline.every == 0  # not known yet: the child times the run and says
    assert threading.main_thread() not in measured_on
    k = timeline.every
    assert k >= 1 and len(model.history) == 1000
    assert timeline.keyframes == sorted({0, 1000} | set(range(0, 1001, k)))


def test_a_command_the_child_refuses_is_logged_and_stop_still_stops_it(session, qtbot, caplog):
    model, training = session
    training.set_pace(None, stepwise=True)
    with wait_for(qtbot, training, RunState.PAUSED):
        assert training.start()
    with caplog.at_level(logging.WARNING, logger="bpstudio.session.training"):
        # private: only the session's own pipe can carry what no typed command is
        training._send("pause")  # the old protocol's string: the child answers, and listens on
        qtbot.waitUntil(lambda: "refused 'pause'" in caplog.text, timeout=60_000)
    with wait_for(qtbot, training, RunState.IDLE):
        training.stop()  # paused, one iteration at a time: only a Stop that arrives ends it
    assert len(model.history) < model.hyper.iterations


@pytest.mark.parametrize("n", [1, 3])
def test_a_run_ends_saying_its_iterations_and_the_trained_networks_own_cost(session, qtbot, n):
    model, training = session
    messages = []
    training.message.connect(messages.append)
    assert model.set_hyper(iterations=n)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
    net, ds = model.network, model.dataset
    c = net.cost(ds.inputs(net.input_dtype)[0], ds.Y_train, model.hyper.l2)  # after n updates
    noun = "iteration" if n == 1 else "iterations"
    assert messages[-1].startswith(f"Trained {n} {noun} in ")
    assert messages[-1].endswith(f" s; iteration {n}: cost {c:.6f}.")


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads process states from /proc")
def test_a_child_stopped_from_outside_is_said_and_stop_still_ends_the_run(session, qtbot):
    model, training = session
    assert model.set_hyper(iterations=10**7)
    assert training.start()
    qtbot.waitUntil(lambda: model.network.iterations_trained > 0, timeout=30_000)
    pid = training.process.pid
    with qtbot.waitSignal(training.message, timeout=10_000,
                          check_params_cb=lambda m: "stopped by another program" in m):
        os.kill(pid, signal.SIGSTOP)
    assert training.stopped_outside and training.state is RunState.RUNNING
    with qtbot.waitSignal(training.message, timeout=10_000,
                          check_params_cb=lambda m: m == "The training process runs again."):
        os.kill(pid, signal.SIGCONT)
    os.kill(pid, signal.SIGSTOP)
    qtbot.waitUntil(lambda: training.stopped_outside, timeout=10_000)
    with wait_for(qtbot, training, RunState.IDLE):
        training.stop()  # stopped from outside: Stop still ends the run
    # and the child is gone, not left stopped behind the window
    qtbot.waitUntil(lambda: not os.path.exists(f"/proc/{pid}"), timeout=15_000)
