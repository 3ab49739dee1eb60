"""The seed's cat run in the window versus headless, and the diagram's repaint time.

Run:  python benchmarks/bench_gui.py [--data DIR] [--rounds 3] [--iterations 2500] [--mode quiet|busy]

Offscreen Qt. "Window" is a click on Train until the run is over, with the live plots and the
diagram following; "headless" is the same 2,500 iterations through the core Trainer, as the
command line runs them. The two alternate round by round so machine noise hits both; compare the
ratio. Then the diagram of the trained four-layer network is laid out and repainted 100 times
with changing weights. While the window trains (and for half a second after, for what the run's end
leaves to the next turns of the event loop), a 10 ms timer on the GUI thread records how long
the thread went without turning (the window's latency; target: no gap over 100 ms), and how much
of a gap the thread itself computed (the rest it waited: for a core, or for the GIL). Full
collections of Python's collector on the GUI thread while training are counted and timed.
``--mode busy``: the benchmark keeps the other core busy itself (_load.busy_core), as issue 32's
goals ask; every round prints the machine's load.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import threading
import time

from _load import busy_core, load_line
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


class FullCollections:
    """Python's full (generation 2) collections on this thread while inside: count and ms."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self._start = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.times.append(1000 * (time.perf_counter() - self._start))

    def __enter__(self) -> "FullCollections":
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc) -> None:
        gc.callbacks.remove(self._callback)


_schedstat: dict[int, int] = {}  # thread → its schedstat file, kept open (read 100 times a second)


def _runqueue_ms() -> float:
    """How long this thread has waited for a core, runnable (Linux's schedstat; 0 elsewhere).
    The file is opened once per thread and read in place: opening it at every heartbeat cost
    the GUI thread ~0.1 ms each, a sixth of what it did while the cat run trained."""
    try:
        me = threading.get_ident()
        if me not in _schedstat:
            _schedstat[me] = os.open("/proc/thread-self/schedstat", os.O_RDONLY)
        return int(os.pread(_schedstat[me], 64, 0).split()[1]) / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0


def in_window(window, iterations: int, gaps: list, held: list | None = None,
              queued: list | None = None) -> float:
    window.studio.model.reset_parameters()
    window.studio.model.set_hyper(iterations=iterations)
    done = QEventLoop()
    window.studio.training.state_changed.connect(lambda s: s is RunState.IDLE and done.quit())
    last = [time.perf_counter(), time.thread_time(), _runqueue_ms()]
    held = [] if held is None else held
    queued = [] if queued is None else queued

    def tick() -> None:
        now, cpu, waited = time.perf_counter(), time.thread_time(), _runqueue_ms()
        gaps.append(1000 * (now - last[0]))
        held.append(1000 * (cpu - last[1]))  # what the GUI thread itself computed in the gap
        queued.append(waited - last[2])  # what it waited for a core (runnable, not running)
        last[:] = now, cpu, waited

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(tick)
    heartbeat.start()
    t0 = time.perf_counter()
    window.training_panel.train_button.click()
    done.exec()
    elapsed = time.perf_counter() - t0
    # what the run's end leaves for the next turns of the event loop (the views' last redraws)
    # counts too: the heartbeat goes on for a moment after the run
    tail = QEventLoop()
    QTimer.singleShot(500, tail.quit)
    tail.exec()
    heartbeat.stop()
    window.studio.training.state_changed.disconnect()
    return elapsed


def _pct(ordered: list, q: float) -> float:
    return ordered[int(q * (len(ordered) - 1))]


def _cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--iterations", type=int, default=2500)
    ap.add_argument("--mode", choices=("quiet", "busy"), default="quiet",
                    help="busy: the benchmark keeps the other core busy with numpy itself")
    args = ap.parse_args()

    app, window = cat_window(args.data)
    # the plots are built once pyqtgraph is imported after the first paint (start-up, measured
    # by bench_start.py and bench_heartbeat.py): here before the rounds, not inside the first
    t0 = time.perf_counter()
    while not window.cost_plot.is_built:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    print(f"(the plots were built {time.perf_counter() - t0:.2f} s after the window showed)")
    gui_times, cli_times, gui_cpu, gaps, held, queued = [], [], [], [], [], []
    collections = FullCollections()
    with busy_core(args.mode == "busy"):
        for k in range(args.rounds):
            cli_times.append(headless(args.data, args.iterations))
            before, round_gaps, round_held, round_queued = _cpu_seconds(), [], [], []
            with collections:
                gui_times.append(in_window(window, args.iterations, round_gaps, round_held,
                                           round_queued))
            gui_cpu.append(_cpu_seconds() - before)
            gaps += round_gaps
            held += round_held
            queued += round_queued
            worst = max(range(len(round_gaps)), key=round_gaps.__getitem__)
            g, h, q = round_gaps[worst], round_held[worst], round_queued[worst]
            print(f"  round {k + 1}'s worst gap: {g:.1f} ms, of which the GUI thread computed "
                  f"{h:.1f} ms, waited for a core {q:.1f} ms and was blocked {g - h - q:.1f} ms "
                  "(the GIL, a lock, or sleeping in the event loop)")
            round_gaps.sort()
            print(f"round {k + 1}: headless {cli_times[-1]:.2f} s, window {gui_times[-1]:.2f} s, "
                  f"ratio {gui_times[-1] / cli_times[-1]:.2f}; GUI gaps 99th percentile "
                  f"{_pct(round_gaps, 0.99):.1f} ms, worst {round_gaps[-1]:.1f} ms; "
                  + load_line(), flush=True)
    print(f"cat four-layer run, {args.iterations} iterations, float64, {args.rounds} rounds, "
          f"{args.mode} (other core {'kept busy by the benchmark' if args.mode == 'busy' else 'as it is'})")
    print("headless s:", " ".join(f"{t:.2f}" for t in cli_times))
    print("window   s:", " ".join(f"{t:.2f}" for t in gui_times))
    ratio = statistics.median(gui_times) / statistics.median(cli_times)
    print(f"window / headless = {ratio:.3f} (target ≤ 1.10); per round: "
          + " ".join(f"{g / c:.2f}" for g, c in zip(gui_times, cli_times)))
    print("GUI process CPU while the window trained: "
          + " ".join(f"{c:.2f} s ({100 * c / t:.0f} % of one core)" for c, t in zip(gui_cpu, gui_times)))
    long = [(g, h, q) for g, h, q in zip(gaps, held, queued) if g > 50]
    if long:
        computed, waited = sum(h for _, h, _ in long), sum(q for _, _, q in long)
        total = sum(g for g, _, _ in long)
        print(f"gaps over 50 ms: {len(long)}, {total:.0f} ms in all; in them the GUI thread "
              f"computed {computed:.0f} ms, waited for a core {waited:.0f} ms, was blocked "
              f"{total - computed - waited:.0f} ms")
    gaps.sort()
    held.sort()
    print(f"GUI thread while training: {len(gaps)} heartbeats of 10 ms; gap median "
          f"{statistics.median(gaps):.1f} ms, 99th percentile {_pct(gaps, 0.99):.1f} ms, "
          f"worst {gaps[-1]:.1f} ms (target: worst ≤ 100 ms); its own CPU in a gap: 99th "
          f"percentile {_pct(held, 0.99):.1f} ms, worst {held[-1]:.1f} ms")
    full = collections.times
    print(f"full collections on the GUI thread while training: {len(full)}"
          + (f", worst {max(full):.1f} ms" if full else ""))
    print(load_line())
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
