from __future__ import annotations

import multiprocessing as mp
import threading

import numpy as np

from bpstudio.core import training_process
from bpstudio.core.network import Network
from bpstudio.core.trainer import HyperParameters, ProgressState


def run_serve(iterations: int):
    """serve() in this process, as the child runs it; every message it sends."""
    commands_read, commands_write = mp.Pipe(duplex=False)
    results_read, results_write = mp.Pipe(duplex=False)
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(3, 40)), (rng.random((1, 40)) > 0.5).astype(float)
    messages = []

    def read():  # as the parent's reader thread does: the pipe holds only 64 kB
        while not messages or messages[-1][0] == "progress":
            messages.append(results_read.recv())

    reader = threading.Thread(target=read)
    reader.start()
    training_process.serve(commands_read, results_write, Network.create([3, 4, 1]), X, Y,
                           HyperParameters(0.1, iterations), dict(report_every=100))
    reader.join(30)
    return messages


def test_parameter_snapshots_respect_the_byte_budget_and_the_last_record_has_them(monkeypatch):
    every = run_serve(2000)
    assert all(p.weights for kind, p in every if kind == "progress")  # 100 bytes: always sent
    monkeypatch.setattr(training_process, "SNAPSHOT_BYTES_PER_SECOND", 1e-3)  # as if huge
    few = run_serve(2000)
    records = [p for kind, p in few if kind == "progress"]
    assert len(records) == 20 and few[-1][0] == "done"
    assert records[-1].state is ProgressState.FINISHED and records[-1].weights
    running = [p for p in records if p.state is ProgressState.RUNNING]
    assert running[0].weights and not any(p.weights for p in running[1:])  # the first, then none
