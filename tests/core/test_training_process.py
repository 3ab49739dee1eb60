"""The training child's protocol: a frozen dataclass per message, each way; a bad message is
answered and the child goes on listening, so Stop always works."""

from __future__ import annotations

import multiprocessing as mp
import pickle
import queue
import threading
import time

import numpy as np
import pytest

from bpstudio.core import array_pipe, training_process
from bpstudio.core.network import Network
from bpstudio.core.trainer import HyperParameters, ProgressState
from bpstudio.core.warm_process import CONTEXT
from bpstudio.core.training_process import (Done, Ended, Failed, KeyframePlan, Pause, Progressed,
                                            Refused, Resume, SetPace, SetStepwise, Started, Stop)


def data():
    rng = np.random.default_rng(0)
    return rng.normal(size=(3, 40)), (rng.random((1, 40)) > 0.5).astype(float)


def reports_of(results_read) -> tuple[threading.Thread, queue.SimpleQueue]:
    """The parent's reader thread on ``results_read`` (the pipe holds only 64 kB)."""
    inbox: queue.SimpleQueue = queue.SimpleQueue()
    reader = threading.Thread(target=training_process.receive,
                              args=(array_pipe.Reader(results_read), inbox, lambda: None),
                              daemon=True)
    reader.start()
    return reader, inbox


def drained(inbox: queue.SimpleQueue) -> list:
    out = []
    while not inbox.empty():
        out.append(inbox.get())
    return out


def run_serve(iterations: int, options: dict | None = None, **kwargs) -> list:
    """serve() in this process, as the child runs it; every report it sends."""
    commands_read, _ = mp.Pipe(duplex=False)
    results_read, results_write = mp.Pipe(duplex=False)
    reader, inbox = reports_of(results_read)
    X, Y = data()
    training_process.serve(commands_read, results_write, Network.create([3, 4, 1]), X, Y,
                           HyperParameters(0.1, iterations), options or dict(report_every=100),
                           **kwargs)
    reader.join(30)
    return drained(inbox)


def test_parameter_snapshots_respect_the_byte_budget_and_the_last_record_has_them(monkeypatch):
    every = run_serve(2000)
    assert all(r.record.weights for r in every if isinstance(r, Progressed))  # 100 bytes: always
    monkeypatch.setattr(training_process, "SNAPSHOT_BYTES_PER_SECOND", 1e-3)  # as if huge
    few = run_serve(2000)
    assert isinstance(few[0], Started) and isinstance(few[-1], Done)
    records = [r.record for r in few if isinstance(r, Progressed)]
    # the first iteration at once (its cost is what a watcher waits for), then every 100 more
    assert [p.done for p in records] == [1, *range(101, 2000, 100), 2000]
    assert few[-1].iterations_trained == 2000
    assert records[-1].state is ProgressState.FINISHED and records[-1].weights
    running = [p for p in records if p.state is ProgressState.RUNNING]
    assert running[0].weights and not any(p.weights for p in running[1:])  # the first, then none


def test_the_child_chooses_the_keyframe_interval_from_the_runs_first_iterations():
    reports = run_serve(100, dict(report_every=10), keyframes=KeyframePlan(budget=300e6))
    # the first iteration's cost comes first: nothing is timed before it
    first = reports[0]
    assert isinstance(first, Progressed) and first.record.done == 1
    assert [f.iteration for f in first.record.keyframes] == [0]  # where the run started
    started = [r for r in reports if isinstance(r, Started)]
    assert len(started) == 1 and started[0].keyframe_every >= 1
    k, said = started[0].keyframe_every, reports.index(started[0])
    # said before any record carries a keyframe of the chosen interval (timed: 3 iterations)
    assert all(f.iteration == 0 for r in reports[:said] if isinstance(r, Progressed)
               for f in r.record.keyframes)
    kept = [f.iteration for r in reports if isinstance(r, Progressed) for f in r.record.keyframes]
    assert kept == sorted({0, 100} | set(range(3, 101)) & set(range(0, 101, k)))


def test_a_small_plan_budget_makes_the_interval_longer():
    roomy = run_serve(100, dict(report_every=10), keyframes=KeyframePlan(budget=300e6))
    tight = run_serve(100, dict(report_every=10), keyframes=KeyframePlan(budget=10 * 41 * 8))
    k_roomy, k_tight = (next(r.keyframe_every for r in rs if isinstance(r, Started))
                        for rs in (roomy, tight))
    assert k_tight > 10 or k_roomy > 10  # (a tiny net's iterations are quick: both may be long)
    assert k_tight >= 100 // 9


def test_a_run_that_cannot_start_fails_with_a_reason():
    reports = run_serve(0)  # no iterations: the Trainer refuses
    assert len(reports) == 1 and isinstance(reports[0], Failed)
    assert "iterations" in reports[0].why


def test_a_new_pace_brings_its_report_interval():
    import numpy as np

    from bpstudio.core.network import Network
    from bpstudio.core.trainer import HyperParameters, Trainer

    trainer = Trainer(Network.create([2, 1]), np.zeros((2, 3)), np.zeros((1, 3)),
                      HyperParameters(0.1, 5), report_seconds=0.4)
    SetPace(30.0).apply(trainer)
    assert (trainer.pace, trainer.report_seconds) == (30.0, 0.4)  # no interval: as before
    SetPace(30.0, 0.2).apply(trainer)
    assert trainer.report_seconds == 0.2
    with pytest.raises(TypeError):
        SetPace(None, "often").apply(trainer)


@pytest.mark.parametrize("message", [Pause(), Resume(), Stop(), SetPace(2.5), SetPace(None),
                                     SetStepwise(True), Started(3), Done(7), Failed("why"),
                                     Refused("'x'", "TypeError: no"), Ended()])
def test_every_message_is_a_frozen_dataclass_that_pickles(message):
    assert pickle.loads(pickle.dumps(message)) == message
    with pytest.raises(AttributeError):
        message.__setattr__("x", 1)


@pytest.fixture
def child():
    """A real training child on a run that would take minutes (paced at 2 iterations a second),
    and the parent's ends: its command pipe and the reader's inbox."""
    ctx = CONTEXT  # as the app starts them
    commands_read, commands = ctx.Pipe(duplex=False)
    results_read, results_write = ctx.Pipe(duplex=False)
    X, Y = data()
    process = ctx.Process(target=training_process.serve, daemon=True,
                          args=(commands_read, results_write, Network.create([3, 4, 1]), X, Y,
                                HyperParameters(0.1, 1000), dict(report_every=1, pace=2.0)))
    process.start()
    commands_read.close()
    results_write.close()
    reader, inbox = reports_of(results_read)
    yield process, commands, inbox
    if process.is_alive():
        process.kill()
    process.join(10)


def next_report(inbox: queue.SimpleQueue, kind: type):
    """The next report of ``kind``; a generous wait, never a measure of speed."""
    deadline = time.monotonic() + 60
    while True:
        report = inbox.get(timeout=max(0.0, deadline - time.monotonic()))
        if isinstance(report, kind):
            return report


def test_a_bogus_command_is_answered_and_stop_still_stops_the_child(child):
    process, commands, inbox = child
    next_report(inbox, Progressed)  # it trains
    array_pipe.send(commands, "pace")  # the old protocol's string: not a command
    array_pipe.send(commands, SetPace("fast"))  # a command, malformed
    first, second = next_report(inbox, Refused), next_report(inbox, Refused)
    assert "'pace'" in first.command and "not a training command" in first.why
    assert "SetPace" in second.command and "'fast'" in second.why
    array_pipe.send(commands, Stop())  # the listener is still there: it stops at once
    process.join(60)
    assert not process.is_alive() and process.exitcode == 0
    last = next_report(inbox, Done)
    assert last.iterations_trained < 1000


def test_the_reader_logs_a_report_it_cannot_read_and_reads_on(caplog):
    results_read, results_write = mp.Pipe(duplex=False)
    reader, inbox = reports_of(results_read)
    results_write.send_bytes(b"not a pickle")
    array_pipe.send(results_write, Done(5))
    reader.join(30)
    assert drained(inbox) == [Done(5)]
    assert "unreadable report" in caplog.text


@pytest.mark.skipif(CONTEXT.get_start_method() != "forkserver", reason="Linux's fork server")
def test_a_forked_child_has_what_its_first_iteration_imports_already():
    """The trainer's batches use numpy.random: a child that imported it before its first cost
    took 20 ms longer to answer Train (benchmarks/bench_first_cost.py)."""
    with CONTEXT.Pool(1) as pool:
        assert pool.apply(eval, ("'numpy.random' in __import__('sys').modules",))


@pytest.mark.parametrize("X", [np.zeros((0, 5)), np.arange(6), np.ones((4, 3), dtype=np.float32),
                               np.ones((4, 0)), np.ones((2, 3), dtype=np.int64),
                               np.array([[np.inf, 1.0], [-np.inf, np.nan]]),
                               np.full((3, 2), 6e4, dtype=np.float16)])
def test_a_warm_up_on_any_primed_data_never_fails_nor_warns(X):
    import warnings

    from bpstudio.core.warm_process import warm_up

    before = X.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # (PYTHONWARNINGS=error reaches the child too)
        warm_up(X)
    assert np.array_equal(X, before, equal_nan=X.dtype.kind == "f")
