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
def trained_on(monkeypatch):
    """The threads of this process that ran a gradient-descent step, built a Trainer or timed an
    iteration, wherever a module of the package holds those functions."""
    threads = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("bpstudio"):
            continue
        for attr in ("gradient_descent", "seconds_per_iteration", "Trainer"):
            original = getattr(module, attr, None)
            if original is None:
                continue
            if isinstance(original, type):  # the Trainer: its constructor and its loop
                for method in ("__init__", "run"):
                    def recording(self, *args, _original=getattr(original, method), **kwargs):
                        threads.append(threading.current_thread())
                        return _original(self, *args, **kwargs)
                    monkeypatch.setattr(original, method, recording)
                continue

            def recording(*args, _original=original, **kwargs):
                threads.append(threading.current_thread())
                return _original(*args, **kwargs)

            monkeypatch.setattr(module, attr, recording)
    assert threads == []
    return threads


def test_train_runs_and_times_nothing_on_the_gui_thread(session, qtbot, trained_on):
    model, training = session
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
        timeline = training.timeline
        assert timeline.every == 0  # not known yet: the child times the run's first iteration
        qtbot.waitUntil(lambda: len(model.history) > 0, timeout=30_000)
        assert timeline.every >= 1  # known with the first record: the time cursor says it
    assert threading.main_thread() not in trained_on
    k = timeline.every
    assert len(model.history) == 1000
    assert timeline.keyframes == sorted({0, 1000} | set(range(0, 1001, k)))


def test_one_iteration_of_a_tiny_network_runs_here_in_microseconds(session, trained_on):
    model, training = session
    assert training.step_once()  # 3–2–1 on 150 samples: no process for that
    assert training.process is None and len(model.history) == 1
    assert threading.main_thread() in trained_on  # (what the tests around watch for)


def test_one_iteration_of_a_network_past_the_inline_bound_trains_in_the_child(
        session, qtbot, trained_on):
    from bpstudio.session.training import INLINE_ITERATION_MACS

    model, training = session
    assert model.set_layer_size(1, 500)
    qtbot.waitUntil(lambda: not model.building)
    X = model.dataset.inputs(model.network.input_dtype)[0]
    assert X.shape[1] * model.network.weight_count > INLINE_ITERATION_MACS
    expected = model.network.copy()
    expected.iteration(X, model.dataset.Y_train, model.hyper.learning_rate)
    trained_on.clear()  # (that iteration ran here, for the comparison)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.step_once()
        assert training.process is not None and len(model.history) == 0  # not here
    assert threading.main_thread() not in trained_on
    assert len(model.history) == 1 and model.network.iterations_trained == 1
    for a, b in zip(model.network.weights, expected.weights):
        assert (a == b).all()  # the same bits as the iteration here would have computed
    assert model.undo_stack._commands[-1].text == "one iteration"  # (the Edit menu names it)


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


def test_records_faster_than_the_frames_reach_the_model_in_fewer_frames_and_end_exact(
        session, qtbot, monkeypatch):
    """A record every millisecond: the model takes them a few times a second, joined (issue 32,
    session/report_frames.py), and ends with every cost the child sent and its last parameters."""
    import numpy as np

    import bpstudio.session.training as training_module
    from bpstudio.core import training_process
    from bpstudio.core.training_process import Progressed

    model, training = session
    monkeypatch.setattr(training_module, "REPORT_HZ", 1000)
    received = []
    receive = training_process.receive

    class Counting:  # the reader's inbox, every report it receives kept for the test
        def __init__(self, inbox):
            self.inbox = inbox

        def put(self, report):
            received.append(report)
            self.inbox.put(report)

    monkeypatch.setattr(training_process, "receive",
                        lambda results, inbox, arrived: receive(results, Counting(inbox), arrived))
    assert model.set_hyper(iterations=20_000)
    with wait_for(qtbot, training, RunState.IDLE):
        assert training.start()
    records = [r.record for r in received if isinstance(r, Progressed)]
    assert training.frames.frames < len(records)
    assert len(model.history) == model.network.iterations_trained == 20_000
    np.testing.assert_array_equal(model.history.costs.view(),
                                  np.concatenate([p.costs for p in records]))
    for W, sent in zip(model.network.weights, records[-1].weights, strict=True):
        np.testing.assert_array_equal(W, sent)


@pytest.mark.parametrize("pace", [None, 200.0])
def test_a_run_is_reported_no_faster_than_the_model_takes_it_unless_watched(session, qtbot,
                                                                           monkeypatch, pace):
    """Each record carries a copy of the parameters: as fast as it goes, a run sends them no
    more often than the model's frames take them (one between two frames was read for nothing);
    at a watching pace, where each is applied as it comes, more often than that; a pace chosen
    while it trains brings its own interval."""
    from bpstudio.core.training_process import SetPace
    from bpstudio.core.warm_process import WarmProcess

    model, training = session
    sent = []
    run = WarmProcess.run
    monkeypatch.setattr(WarmProcess, "run", lambda self, net, hyper, options, *a: (
        sent.append(options), run(self, net, hyper, options, *a)))
    commands = []
    send = WarmProcess.send
    monkeypatch.setattr(WarmProcess, "send", lambda self, command: (
        commands.append(command), send(self, command)))
    training.set_pace(pace)
    assert model.set_hyper(iterations=10**7)
    assert training.start()
    every = sent[0]["report_seconds"]
    assert (every >= training.frames.interval) if pace is None else (every < training.frames.interval)
    qtbot.waitUntil(lambda: len(model.history) > 0, timeout=30_000)
    training.set_pace(None if pace else 200.0)  # the other way, while it trains: it follows
    now = next(c for c in commands if isinstance(c, SetPace)).report_seconds
    assert (now < training.frames.interval) if pace is None else (now >= training.frames.interval)
    with wait_for(qtbot, training, RunState.IDLE):
        training.stop()


def test_a_paused_run_shows_exactly_where_it_paused(session, qtbot):
    import numpy as np

    from bpstudio.core.trainer import ProgressState

    model, training = session
    assert model.set_hyper(iterations=10**7)
    assert training.start()
    qtbot.waitUntil(lambda: len(model.history) > 0, timeout=30_000)
    training.pause()
    qtbot.waitUntil(lambda: training.last_record.state is ProgressState.PAUSED, timeout=30_000)
    p = training.last_record
    assert not training.frames.waiting  # nothing of the run waits for a frame
    assert len(model.history) == model.network.iterations_trained == p.done
    for W, sent in zip(model.network.weights, p.weights, strict=True):
        np.testing.assert_array_equal(W, sent)
    with wait_for(qtbot, training, RunState.IDLE):
        training.stop()
