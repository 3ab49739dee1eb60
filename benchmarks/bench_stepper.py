"""How long each step of the four-layer cat net (full batch) takes to show.

Run:  python benchmarks/bench_stepper.py [--data DIR]

Offscreen Qt, a 1920×1080 window. For every step of one iteration (forward through all 33 and back
again), the time from the step change to the equation panel and the diagram painted: the new
matrices' heatmaps are built, the panel and the diagram repainted synchronously.
"""

from __future__ import annotations

import argparse
import statistics
import time

from _window import DEFAULT_DATA, cat_window


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    args = ap.parse_args()

    app, w = cat_window(args.data)
    w.studio.stepper.set_mode("batch")
    w.studio.stepper._discard()
    t0 = time.perf_counter()
    n = len(w.studio.stepper.stepper.steps)  # lays the iteration out: one engine iteration's work
    layout = time.perf_counter() - t0
    app.processEvents()
    times = []
    for position in list(range(1, n + 1)) + list(range(n - 1, 0, -1)):
        t0 = time.perf_counter()
        w.studio.stepper.go(position)
        w.equations.repaint()
        w.diagram.refresh_now()
        times.append((time.perf_counter() - t0) * 1000)
        app.processEvents()
    print(f"cat four-layer net, full batch (m = 209): {n} steps; laying out the iteration "
          f"{1000 * layout:.0f} ms")
    print(f"step shown: median {statistics.median(times):.1f} ms, worst {max(times):.1f} ms over "
          f"{len(times)} step changes (target median ≤ 50 ms)")
    w.close()


if __name__ == "__main__":
    main()
