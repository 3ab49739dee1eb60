"""Watchable training: the playground's spiral at a chosen pace, in the window.

Run:  python benchmarks/bench_pace.py [--pace 10] [--seconds 6]

Offscreen Qt. Trains the spiral preset (5,000 iterations, tiny: as fast as possible it takes
well under a second) at --pace iterations a second and counts, once a second, how many
iterations the cost history gained (target: the pace ± 2).
"""

from __future__ import annotations

import argparse
import statistics
import time

from _window import _private_settings  # noqa: F401 - settings of its own, never the user's

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pace", type=float, default=10.0)
    ap.add_argument("--seconds", type=int, default=6)
    args = ap.parse_args()

    from bpstudio.app.gui import create_application
    from bpstudio.app.main_window import MainWindow
    from bpstudio.session.studio import Studio

    app = create_application()
    _private_settings()
    w = MainWindow(Studio())
    w.resize(1600, 1000)
    w.show()
    assert w.studio.model.apply_preset("plane-spiral")
    w.studio.training.set_pace(args.pace)
    counts, last = [], [0, time.perf_counter()]

    def tick() -> None:
        n, now = len(w.studio.model.history), time.perf_counter()
        counts.append((n - last[0]) / (now - last[1]))
        last[0], last[1] = n, now

    clock = QTimer()
    clock.setInterval(1000)
    clock.timeout.connect(tick)
    w.studio.training.start()
    last[1] = time.perf_counter()
    clock.start()
    loop = QEventLoop()
    QTimer.singleShot(1000 * args.seconds + 100, loop.quit)
    loop.exec()
    clock.stop()
    w.studio.training.stop()
    w.studio.training.wait()
    print(f"spiral at {args.pace:g} iterations a second, {len(counts)} one-second windows:")
    print("  iterations per second:", " ".join(f"{c:.1f}" for c in counts))
    steady = counts[1:]  # the first second includes the training process's start
    print(f"  after the first second: median {statistics.median(steady):.1f}, min {min(steady):.1f}, "
          f"max {max(steady):.1f} (target {args.pace:g} ± 2)")
    w.close()


if __name__ == "__main__":
    main()
