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
"""

from __future__ import annotations

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
    """`bpstudio train` running; ``result()`` waits for it."""

    def __init__(self, data_dir: Path, folder: Path, precision: str = "float64"):
        folder.mkdir(parents=True, exist_ok=True)
        self.model_path = folder / f"seed-run-{precision}.npz"
        self.command = [sys.executable, "-m", "bpstudio", "train", "--data", str(data_dir),
                        "--iterations", str(ITERATIONS), "--dtype", precision, "--log-every", "1",
                        "--json", "--save", str(self.model_path)]
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True,
                                        env=dict(os.environ, **ONE_BLAS_THREAD))
        self._result: SeedRun | None = None

    def result(self, timeout: float = 900) -> SeedRun:
        if self._result is None:
            from bpstudio.core.modelfile import load_model

            out, err = self.process.communicate(timeout=timeout)
            assert self.process.returncode == 0, err
            logged = json.loads(out.splitlines()[-1])
            assert [i for i, _ in logged["costs"]] == list(range(ITERATIONS))
            network, _ = load_model(self.model_path)
            self._result = SeedRun(np.array([c for _, c in logged["costs"]]), out,
                                   logged["train_accuracy"], logged["test_accuracy"], network,
                                   self.model_path)
        return self._result

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.communicate()
