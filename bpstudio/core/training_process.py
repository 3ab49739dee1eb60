"""Run a Trainer in a child process and talk to it over two pipes.

A training thread in the GUI's own process shares the GIL with the GUI: while a small network
trains, every frame the GUI draws waits for the interpreter, and frames took 60–190 ms. A child
process has its own interpreter, so the GUI only shares the CPU. The child imports numpy and
bpstudio.core only; it computes with the same numpy and BLAS, so its numbers are bit for bit those
of a headless run.

Parent → child: "pause", "resume", "stop", ("pace", iterations a second or None),
("stepwise", bool). Child → parent: ("progress", Progress), then ("done", iterations_trained) or
("error", text).

Two runs training at once share the two cores best on one BLAS thread each
(benchmarks/bench_timeline.py); a run alone keeps every core.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from dataclasses import replace
from multiprocessing.connection import Connection

import numpy as np

from . import blas
from .network import Network
from .trainer import HyperParameters, ProgressState, Trainer

# Parameter snapshots cross the pipe at most at this rate while a run goes on: the seed's cat
# network (2 MB) still every record, a 512-wide first layer on the cat images (50 MB) every 2 s.
SNAPSHOT_BYTES_PER_SECOND = 25e6


def serve(commands: Connection, results: Connection, network: Network, X: np.ndarray,
          Y: np.ndarray, hyper: HyperParameters, options: dict,
          blas_threads: int | None = None) -> None:
    """Train, sending every record; obey commands between iterations. ``blas_threads``: the
    BLAS threads to train on (None: as many as BLAS starts with)."""
    try:
        trainer = Trainer(network, X, Y, hyper, **options)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which shows it
        results.send(("error", f"{type(e).__name__}: {e}"))
        return

    def listen() -> None:
        actions = {"pause": trainer.pause, "resume": trainer.resume, "stop": trainer.stop,
                   "pace": trainer.set_pace, "stepwise": trainer.set_stepwise}
        while True:
            try:
                command = commands.recv()
            except (EOFError, OSError):  # the parent went away: stop
                trainer.stop()
                return
            name, *args = command if isinstance(command, tuple) else (command,)
            actions[name](*args)

    threading.Thread(target=listen, daemon=True).start()
    try:
        last_snapshot = -math.inf
        with blas.limited(blas_threads) if blas_threads else contextlib.nullcontext():
            for record in trainer.run():
                now = time.perf_counter()
                size = sum(W.nbytes for W in record.weights)
                if (record.state is ProgressState.RUNNING
                        and now - last_snapshot < size / SNAPSHOT_BYTES_PER_SECOND):
                    record = replace(record, weights=(), biases=())  # the parent keeps the last one
                elif record.weights:
                    last_snapshot = now
                results.send(("progress", record))
        results.send(("done", network.iterations_trained))
    except (BrokenPipeError, EOFError):
        pass  # the parent closed: nobody to tell
    except Exception as e:  # noqa: BLE001
        results.send(("error", f"{type(e).__name__}: {e}"))
