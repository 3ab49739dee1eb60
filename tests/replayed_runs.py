"""A training run the suite has had its training process compute once, replayed to the next
test that starts the very same run, for the tests that train the cat network 2,500 iterations
again and again (tests/conftest.py's ``replayed_runs`` fixture).

The shipped lessons' cat comparisons all train the tutorial's four-layer network from the same
weights at the same α as their first run (why-networks-fail.md: "diverging", "sigmoid" and
"zeros"; the cat part of bp-tutorial.md), each 2,500 iterations, ~25 s of CPU each time. A run is
what its training process is sent: the network, the hyper-parameters, the options, the number of
BLAS threads, the keyframe plan and the data (core/warm_process.Run). The first time such a run
is sent, every report the process sends back is kept, under the digest of exactly what it was
sent; a later run sent the same bytes gets those reports in the same order, through a pipe, from
the process's place, and the process it was given ends without training. Everything from the
reports on (the session's record, the timeline, the figures, the lesson's quoted numbers) is the
app's own code on the same reports.

Only a run that ran to its end untouched is kept (no Pause, Stop or pace sent to it, its last
report Done): a stopped run depends on when it was stopped. A run that misses trains as it
always does; nothing depends on which test ran first (the runs are kept in the folder that the
processes of one test run share, as tests/seed_run.py's are). Timings in the replayed reports
(iterations per second, the keyframe interval the process chose after timing its first
iterations) are those of the first run: the only parts of a run that depend on the clock.

The suite's workers start their longest files first, so two of them often send the same run at
the same moment (the tutorial's run: the window's cat run, the tutorial's lesson). The first
takes the run's lock file and holds it while it records; another process sending the same run
waits for that lock (no clock) and replays what was kept, or trains itself if nothing was (the
recording run was paused or stopped). A process that is recording a run never waits for another
one, so two processes can never wait for each other. "None" BLAS threads (as many as the process
starts with) is keyed as the number the suite's environment gives every process
(tests/conftest.py: one), which is what such a child trains on.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import threading
import weakref
from pathlib import Path

from bpstudio.core import array_pipe, warm_process
from bpstudio.core.training_process import Done
from bpstudio.core.warm_process import Run, WarmProcess
from seed_run import ONE_BLAS_THREAD

# the recordings this process holds a run's lock for (weakly: a recording dropped unfinished
# closes its lock file as it goes, and a process waiting for that run goes on)
_recording: weakref.WeakSet[_Recording] = weakref.WeakSet()


class _Recording:
    """The parent's end of the results pipe, keeping every report read; the reports are written
    to ``path`` when the last one is Done and no command was sent to the run."""

    def __init__(self, results, path: Path, lock):
        self._results, self._path, self._lock = results, path, lock
        self._reports: list[object] = []
        self.commanded = False
        self.broken = False

    def recv(self):
        try:
            report = self._results.recv()
        except Exception:
            self.broken = True
            self.unlock()
            raise
        self._reports.append(report)
        if isinstance(report, Done) and not (self.commanded or self.broken):
            part = self._path.with_suffix(f".{os.getpid()}.part")
            part.write_bytes(pickle.dumps(self._reports))
            part.replace(self._path)
        if getattr(report, "final", False):
            self.unlock()
        return report

    def unlock(self) -> None:
        """Let a process waiting for this run go on: to the kept reports, or to train itself."""
        if self._lock is not None:
            _recording.discard(self)
            self._lock.close()  # closing the file releases its lock
            self._lock = None

    def close(self) -> None:
        self.unlock()
        self._results.close()


def _feed(write, reports: list[object]) -> None:
    try:
        for report in reports:
            array_pipe.send(write, report)
    finally:
        write.close()


def install(monkeypatch, folder: Path) -> None:
    """WarmProcess.run replays a run kept in ``folder``, or keeps the one it sends there."""
    run_for_real = WarmProcess.run
    send_for_real = WarmProcess.send

    def run(self, network, hyper, options, blas_threads, keyframes, data) -> None:
        threads = blas_threads
        if threads is None and all(os.environ.get(k) == v for k, v in ONE_BLAS_THREAD.items()):
            threads = 1  # what a child started in this environment trains on
        sent = pickle.dumps(Run(network, hyper, options, threads, keyframes, data))
        path = folder / f"run-{hashlib.sha256(sent).hexdigest()}.reports"
        lock = None
        while not path.exists():
            lock = open(path.with_suffix(".lock"), "a+b")
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # another process records it
                if _recording:  # this one records a run: it never waits (no two wait at once)
                    lock.close()
                    lock = None
                    break
                fcntl.flock(lock, fcntl.LOCK_EX)  # until that recording has ended
                lock.close()
                lock = None
                continue  # kept, or not (paused, stopped): then this process records it
            if path.exists():  # kept just before the lock was taken
                lock.close()
                lock = None
            break
        if not path.exists():
            run_for_real(self, network, hyper, options, blas_threads, keyframes, data)
            self.results = _Recording(self.results, path, lock)
            if lock is not None:
                _recording.add(self.results)
            return
        reports = pickle.loads(path.read_bytes())
        self.used = True
        self.close()  # the waiting process ends without a run
        self.results.close()
        read, write = warm_process.CONTEXT.Pipe(duplex=False)
        self.results = array_pipe.Reader(read)
        threading.Thread(target=_feed, args=(write, reports), daemon=True,
                         name="bpstudio-test-replay").start()

    def send(self, command) -> None:
        if isinstance(self.results, _Recording):
            self.results.commanded = True
            self.results.unlock()  # it will not be kept
        send_for_real(self, command)

    monkeypatch.setattr(WarmProcess, "run", run)
    monkeypatch.setattr(WarmProcess, "send", send)
