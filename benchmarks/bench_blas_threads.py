"""The window's own forward pass (the diagram's sample, 12288-512-7-5-1) with one and with two
BLAS threads, with another process keeping both cores busy as a training run does, and idle.

    python benchmarks/bench_blas_threads.py

Why the window uses one BLAS thread (bpstudio/app/gui.py: limit_blas_threads). Compare the
figures of one run: this machine's noise is larger than run-to-run differences.
"""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
from threadpoolctl import threadpool_limits

from bpstudio.core.network import Network

BUSY = "import numpy as np\na = np.random.rand(2000, 2000)\nwhile True: a @ a"


def bench(label: str, net: Network, x: np.ndarray, runs: int = 40) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        net.forward(x)
        times.append((time.perf_counter() - t) * 1000)
        time.sleep(0.01)
    times.sort()
    print(f"{label:38s} median {times[runs // 2]:5.1f} ms   90 % {times[runs * 9 // 10]:5.1f} ms   "
          f"max {times[-1]:5.1f} ms")
    return times[runs // 2]


def main() -> None:
    net = Network.create([12288, 512, 7, 5, 1])
    x = np.asfortranarray(np.random.default_rng(0).random((12288, 1)))
    busy = subprocess.Popen([sys.executable, "-c", BUSY])
    try:
        time.sleep(1.0)
        two = bench("2 BLAS threads, both cores busy", net, x)
        with threadpool_limits(1, "blas"):
            one = bench("1 BLAS thread, both cores busy", net, x)
    finally:
        busy.kill()
        busy.wait()
    time.sleep(0.5)
    two_idle = bench("2 BLAS threads, idle", net, x)
    with threadpool_limits(1, "blas"):
        one_idle = bench("1 BLAS thread, idle", net, x)
    print(f"one thread / two threads: {one / two:.2f} busy, {one_idle / two_idle:.2f} idle")


if __name__ == "__main__":
    main()
