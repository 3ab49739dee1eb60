"""What the benchmarks share about the machine: its load, and a steady load of their own.

"Busy" means the benchmark itself keeps the other core busy with a steady numpy load it starts and
stops (``busy_core``), as a school laptop with a browser open would: the figure then does not
depend on what else happens to run.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from typing import Iterator


def load_line() -> str:
    """The machine's load average, to print with every figure (the machine may be shared)."""
    return ("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg())
            + f" on {os.cpu_count()} cores")


def _spin(stop, parent: int) -> None:
    """The busy process: one BLAS thread multiplying until told to stop, or until the benchmark
    that started it is gone (a benchmark that crashed left it spinning, and every figure after
    it measured a busy machine)."""
    from threadpoolctl import threadpool_limits

    import numpy as np

    with threadpool_limits(1):
        a = np.random.default_rng(0).random((256, 256))
        while not stop.is_set() and os.getppid() == parent:
            for _ in range(20):
                a = a @ a
                a /= np.abs(a).max()


@contextlib.contextmanager
def busy_core(on: bool = True) -> Iterator[None]:
    """While inside: one process of our own keeps a core busy with numpy (nothing when not ``on``)."""
    if not on:
        yield
        return
    ctx = mp.get_context("spawn")
    stop = ctx.Event()
    p = ctx.Process(target=_spin, args=(stop, os.getpid()), name="bench-busy-core", daemon=True)
    p.start()
    try:
        yield
    finally:
        stop.set()
        p.join(5)
        if p.is_alive():
            p.kill()
            p.join(1)
