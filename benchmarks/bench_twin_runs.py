"""Two runs training at once against one alone, in the window, on the seed's cat network.

Run:  python benchmarks/bench_twin_runs.py [--data DIR] [--iterations 400] [--rounds 2]

Offscreen Qt. "Alone" is a click on Train: the run's child process on every BLAS thread. "Together"
is Runs → Train every run at once with a twin forked at another learning rate: two child
processes, one BLAS thread each. The speed is each run's own (its records' iterations a second,
the child's start-up not counted). Issue 18's target: together, each run at ≥ 0.45× the speed of
one alone (together not slower than one after the other).
"""

from __future__ import annotations

import argparse
import os
import statistics

from _window import DEFAULT_DATA, cat_window

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402


def wait_for(runs) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: runs.training_any or loop.quit())
    timer.start(50)
    loop.exec()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--iterations", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()

    app, window = cat_window(args.data)
    model, runs = window.studio.model, window.studio.runs
    model.apply_preset("four-layer")
    model.set_hyper(iterations=args.iterations)
    alone, together = [], []
    for _ in range(args.rounds):
        runs.remove_twins()
        model.reset_parameters()
        assert window.studio.training.start()
        wait_for(runs)
        alone.append(window.studio.training.last_record.iterations_per_second)
        model.reset_parameters()
        twin = runs.fork(learning_rate=0.01)
        assert runs.train_together()
        wait_for(runs)
        together.append((window.studio.training.last_record.iterations_per_second,
                         twin.training.last_record.iterations_per_second))
    a = statistics.median(alone)
    print(f"cat four-layer net, {args.iterations} iterations a run, {args.rounds} rounds, "
          f"{os.cpu_count()} cores")
    print("alone    it/s: " + " ".join(f"{x:.1f}" for x in alone))
    print("together it/s: " + " ".join(f"{x:.1f} + {y:.1f}" for x, y in together))
    worst = min(min(pair) for pair in together) / a
    both = statistics.median(x + y for x, y in together) / a
    print(f"each run together / one alone: worst {worst:.2f} (target ≥ 0.45); "
          f"both together / one alone: {both:.2f} (≥ 0.9: not slower than one after the other)")
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    window.close()


if __name__ == "__main__":
    main()
