"""The seed's cat run in the window versus headless, and the diagram's repaint time.

Run:  python benchmarks/bench_gui.py [--data DIR] [--rounds 2] [--iterations 2500]

Offscreen Qt. "Window" is a click on Train until the run is over, with the live plots and the
diagram following; "headless" is the same 2,500 iterations through the core Trainer, as the
command line runs them. The two alternate round by round so machine noise hits both; compare the
ratio. Then the diagram of the trained four-layer network is laid out and repainted 100 times
with changing weights. While the window trains, a 10 ms timer on the GUI thread records how long
the thread went without turning (the window's latency; target: no gap over 100 ms).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

from _window import DEFAULT_DATA, cat_window

import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

from bpstudio.core.trainer import RunState  # noqa: E402


def headless(data: str, iterations: int) -> float:
    from bpstudio.core.h5data import load_catvnoncat
    from bpstudio.core.network import Network
    from bpstudio.core.trainer import HyperParameters, Trainer

    ds = load_catvnoncat(data)
    # as the command line runs it: every core's BLAS thread (the window's process keeps one for
    # itself, and its training child all of them)
    with threadpool_limits(os.cpu_count(), user_api="blas"):
        t0 = time.perf_counter()
        net = Network.create([12288, 20, 7, 5, 1])
        for _ in Trainer(net, ds.X_train, ds.Y_train, HyperParameters(0.0075, iterations)).run():
            pass
        return time.perf_counter() - t0


def in_window(window, iterations: int, gaps: list) -> float:
    window.studio.model.reset_parameters()
    window.studio.model.set_hyper(iterations=iterations)
    done = QEventLoop()
    window.studio.training.state_changed.connect(lambda s: s is RunState.IDLE and done.quit())
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(1000 * (now - last[0]))
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    t0 = time.perf_counter()
    window.training_panel.train_button.click()
    done.exec()
    elapsed = time.perf_counter() - t0
    heartbeat.stop()
    window.studio.training.state_changed.disconnect()
    return elapsed


def _cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--iterations", type=int, default=2500)
    args = ap.parse_args()

    app, window = cat_window(args.data)
    gui_times, cli_times, gui_cpu, gaps = [], [], [], []
    for _ in range(args.rounds):
        cli_times.append(headless(args.data, args.iterations))
        before = _cpu_seconds()
        gui_times.append(in_window(window, args.iterations, gaps))
        gui_cpu.append(_cpu_seconds() - before)
    print(f"cat four-layer run, {args.iterations} iterations, float64, {args.rounds} rounds")
    print("headless s:", " ".join(f"{t:.2f}" for t in cli_times))
    print("window   s:", " ".join(f"{t:.2f}" for t in gui_times))
    ratio = statistics.median(gui_times) / statistics.median(cli_times)
    print(f"window / headless = {ratio:.3f} (target ≤ 1.10); per round: "
          + " ".join(f"{g / c:.2f}" for g, c in zip(gui_times, cli_times)))
    print("GUI process CPU while the window trained: "
          + " ".join(f"{c:.2f} s ({100 * c / t:.0f} % of one core)" for c, t in zip(gui_cpu, gui_times)))
    gaps.sort()
    print(f"GUI thread while training: {len(gaps)} heartbeats of 10 ms; gap median "
          f"{statistics.median(gaps):.1f} ms, 99th percentile {gaps[int(0.99 * (len(gaps) - 1))]:.1f} ms, "
          f"worst {gaps[-1]:.1f} ms (target: worst ≤ 100 ms)")
    print(f"final cost in the window: {window.studio.model.history.costs.view()[-1]:.6f}")
    for name, view in (("diagram", window.diagram), ("plots", window.cost_plot)):
        f = view.frames
        print(f"{name}: last redraw {1000 * f.last_cost:.1f} ms, so at most every "
              f"{1000 * f.interval:.0f} ms while training")

    diagram = window.diagram
    rng = np.random.default_rng(0)
    base = [W.copy() for W in window.studio.model.network.weights]
    times = []
    for _ in range(100):
        weights = [W * (1 + 0.05 * rng.standard_normal(W.shape)) for W in base]
        window.studio.model.set_parameters(weights, window.studio.model.network.biases)
        t0 = time.perf_counter()
        diagram.refresh_now()  # layout (edge bundles, labels) and a synchronous repaint
        times.append((time.perf_counter() - t0) * 1000)
    print(f"diagram {diagram.width()}×{diagram.height()}, {diagram.edge_count()} edges: "
          f"repaint median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms "
          "(target median ≤ 16 ms)")
    window.close()


if __name__ == "__main__":
    main()
