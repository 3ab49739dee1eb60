"""The suite's replay of a run its training process has computed before (tests/replayed_runs.py,
the ``replayed_runs`` fixture, for the lessons that train the cat network again and again): a run
sent to its process exactly as one before it ends as that one did, the same records and the same
network, without training; a run that differs in anything it is sent trains for itself."""

from __future__ import annotations

import fcntl
import hashlib
import pickle
import threading
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
import replayed_runs as replay
from studio_actions import train

from bpstudio.core.training_process import Done
from bpstudio.core.warm_process import Run, WarmProcess

ITERATIONS = 237  # a run no other test of the suite keeps


def test_a_run_sent_again_ends_as_the_first_did_and_another_run_trains(studio, qtbot,
                                                                         replayed_runs,
                                                                         monkeypatch):
    replayed: list[int] = []
    feed = replay._feed
    monkeypatch.setattr(replay, "_feed", lambda write, reports: (replayed.append(len(reports)),
                                                                 feed(write, reports)))
    first = studio()
    train(qtbot, first, ITERATIONS)
    assert replayed == []  # trained, and kept
    again = studio()
    train(qtbot, again, ITERATIONS)
    assert len(replayed) == 1 and replayed[0] > 1  # its reports, the Done among them
    for a, b in ((first.model, again.model),):
        assert np.array_equal(a.history.costs.view(), b.history.costs.view())
        assert len(a.history) == len(b.history) == ITERATIONS
        assert all(np.array_equal(x, y) for x, y in zip(a.network.weights, b.network.weights))
        assert b.network.iterations_trained == ITERATIONS
    other = studio()
    assert other.set_hyper(learning_rate=0.25)
    train(qtbot, other, ITERATIONS)
    assert len(replayed) == 1  # another α: trained for itself
    assert not np.array_equal(other.model.history.costs.view(), first.model.history.costs.view())


class _Sent:
    """A stand-in for a warm process: what ``run`` did with it."""

    def __init__(self):
        self.trained = 0
        self.used = False
        self.results = _Pipe()

    def close(self):
        pass


class _Pipe:
    def close(self):
        pass


@pytest.fixture
def stand_in_runs(monkeypatch, tmp_path):
    """replayed_runs installed over a WarmProcess.run that only counts real runs, in a folder of
    the test's own; calls ``run(process)`` with one and the same small run each time, and takes
    the lock a process recording that run would hold."""
    def really_run(self, *sent):
        self.trained += 1

    monkeypatch.setattr(WarmProcess, "run", really_run)
    replay.install(monkeypatch, tmp_path)
    sent = ("network", "hyper", {"options": 1}, 1, None, None)
    path = tmp_path / f"run-{hashlib.sha256(pickle.dumps(Run(*sent))).hexdigest()}.reports"
    waiting = threading.Event()
    flock = replay.fcntl.flock

    def watched_flock(fd, how):
        if not how & fcntl.LOCK_NB:
            waiting.set()  # about to wait for the recording process
        return flock(fd, how)

    monkeypatch.setattr(replay.fcntl, "flock", watched_flock)
    return SimpleNamespace(path=path, waiting=waiting,
                           run=lambda process: WarmProcess.run(process, *sent),
                           recorder_lock=lambda: _locked(path.with_suffix(".lock")))


def _locked(path: Path):
    f = open(path, "a+b")  # an open file of its own: locked against this process's others too
    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return f


def _run_on_a_thread(runs, process) -> threading.Thread:
    thread = threading.Thread(target=runs.run, args=(process,))
    thread.start()
    assert runs.waiting.wait(60), "the run did not wait for the recording process"
    return thread


def test_a_run_another_process_records_is_waited_for_and_replayed(stand_in_runs):
    recorder = stand_in_runs.recorder_lock()
    process = _Sent()
    thread = _run_on_a_thread(stand_in_runs, process)
    assert thread.is_alive() and not process.used  # it waits for the lock, not for a clock
    stand_in_runs.path.write_bytes(pickle.dumps([Done(5)]))  # the recorder keeps its reports
    recorder.close()
    thread.join()
    assert process.used and process.trained == 0
    assert process.results.recv() == Done(5)


def test_a_run_whose_recording_was_not_kept_trains_and_records_it_itself(stand_in_runs):
    recorder = stand_in_runs.recorder_lock()
    process = _Sent()
    thread = _run_on_a_thread(stand_in_runs, process)
    recorder.close()  # paused or stopped: nothing kept
    thread.join()
    try:
        assert process.trained == 1 and not process.used
        assert process.results in replay._recording  # now this process records it
    finally:
        process.results.unlock()
    assert process.results not in replay._recording


def test_a_process_recording_a_run_never_waits_for_another(stand_in_runs):
    first = _Sent()
    other = _Sent()  # a recording of some other run
    replay._recording.add(other)
    try:
        recorder = stand_in_runs.recorder_lock()
        stand_in_runs.run(first)  # returns at once: trains without keeping
        assert first.trained == 1 and not stand_in_runs.waiting.is_set()
        recorder.close()
    finally:
        replay._recording.discard(other)
