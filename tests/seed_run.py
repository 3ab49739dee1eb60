"""The seed's published run, trained once for the whole suite in a process of its own.

`bpstudio train` with the tutorial's settings (12288-20-7-5-1, ReLU then sigmoid, α 0.0075, 2,500
iterations, seed 1) on the real cat data, every cost logged and the network saved. The seed's
numbers (tests/core/test_seed_numbers.py), the command line's printed costs
(tests/app/test_cli.py), the window's run compared bit for bit (tests/app/test_main_window.py)
and the dropped test images (tests/app/test_drop_and_classify.py) all read this one run instead
of training it each.

It runs on one BLAS thread: a run's last bits depend on the number of threads (core/blas.py), so
a run it is compared with bit for bit trains on one thread too; and two such runs share a
two-core machine better than two runs on two threads each (benchmarks/bench_timeline.py). It
starts as soon as a test that needs it is collected (tests/conftest.py) and trains beside the
tests that run first.

When the tests run in several processes (pytest-xdist), they share one run: the first to take
its lock file starts it, and the run itself holds the lock (an inherited descriptor) until its
results are written; every process that reads them waits for the lock, without a clock.
"""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ITERATIONS = 2500
# every BLAS numpy may be built on reads one of these when it loads
ONE_BLAS_THREAD = {name: "1" for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                           "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS")}


@dataclass(frozen=True)
class SeedRun:
    costs: np.ndarray  # every iteration's cost, as the command line logged it
    printed: str  # what it printed: "Cost after iteration i: …" for every i, accuracies, JSON
    train_accuracy: float
    test_accuracy: float
    network: object  # the trained Network, read back from the model file it saved
    model_path: Path


class SeedRunProcess:
    """`bpstudio train` in ``folder`` (shared by the processes of one test run): started here
    unless another process has started it already; ``result()`` waits for it."""

    def __init__(self, data_dir: Path, folder: Path, precision: str = "float64"):
        self.folder = Path(folder)
        self.stem = f"seed-run-{precision}"
        self.model_path = self.folder / f"{self.stem}.npz"
        self.command = [sys.executable, "-m", "bpstudio", "train", "--data", str(data_dir),
                        "--iterations", str(ITERATIONS), "--dtype", precision, "--log-every", "1",
                        "--json", "--save", str(self.model_path)]
        self._result: SeedRun | None = None
        self._start()

    def _file(self, suffix: str) -> Path:
        return self.folder / f"{self.stem}.{suffix}"

    def _start(self) -> None:
        """Take the lock, and start the run unless it is under way or done."""
        lock = os.open(self._file("lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another process runs it: it holds the lock
            os.close(lock)
            return
        try:
            if self._file("status").exists():  # done already
                return
            # the shell and the run inherit the lock, and hold it until the exit status is written
            script = '"$@" > "$OUT" 2> "$ERR"; echo $? > "$STATUS.part"; mv "$STATUS.part" "$STATUS"'
            env = dict(os.environ, **ONE_BLAS_THREAD, OUT=str(self._file("out")),
                       ERR=str(self._file("err")), STATUS=str(self._file("status")))
            subprocess.Popen(["sh", "-c", script, "sh", *self.command], env=env, pass_fds=(lock,),
                             stdin=subprocess.DEVNULL)
        finally:
            os.close(lock)

    def result(self) -> SeedRun:
        if self._result is None:
            from bpstudio.core.modelfile import load_model

            lock = os.open(self._file("lock"), os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(lock, fcntl.LOCK_SH)  # until the run has written its exit status
            finally:
                os.close(lock)
            if not self._file("status").exists():  # nobody had started it: start it, and wait
                self._start()
                return self.result()
            err = self._file("err").read_text()
            assert self._file("status").read_text().strip() == "0", err
            out = self._file("out").read_text()
            logged = json.loads(out.splitlines()[-1])
            assert [i for i, _ in logged["costs"]] == list(range(ITERATIONS))
            network, _ = load_model(self.model_path)
            self._result = SeedRun(np.array([c for _, c in logged["costs"]]), out,
                                   logged["train_accuracy"], logged["test_accuracy"], network,
                                   self.model_path)
        return self._result
