"""Scrubbing the seed's cat run: how long the window takes to show an iteration, and the memory
the run's history keeps.

Run:  python benchmarks/bench_time_travel.py [--data DIR] [--iterations 2500] [--jumps 100]

Offscreen Qt, 1920×1080. The four-layer network trains 2,500 iterations in the window (a click on
Train: its child process, its keyframes), then the time cursor goes to ``--jumps`` random
iterations and along 200 neighbouring ones (a drag). Each move is timed from setting the cursor
until the diagram, with the W[1] image of a layer-1 neuron open, is laid out and repainted: the
recomputation from the keyframe before it, every model slot that follows, the diagram's layout
and a synchronous repaint. Issue 18's targets: median ≤ 100 ms, worst ≤ 200 ms, ≤ 300 MB kept.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from _window import DEFAULT_DATA, cat_window

import numpy as np  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402

from bpstudio.core.trainer import RunState  # noqa: E402


def train(window, iterations: int) -> float:
    window.studio.model.apply_preset("four-layer")
    window.studio.model.set_hyper(iterations=iterations)
    done = QEventLoop()
    window.studio.training.state_changed.connect(lambda s: s is RunState.IDLE and done.quit())
    t0 = time.perf_counter()
    window.training_panel.train_button.click()
    done.exec()
    return time.perf_counter() - t0


def scrub(app, window, targets) -> list[float]:
    t, diagram = window.studio.timeline, window.diagram
    times = []
    for i in targets:
        t0 = time.perf_counter()
        t.set_cursor(int(i))
        t.settle()  # the recomputation, and every slot of parameters_changed
        diagram.refresh_now()  # the diagram and its W[1] image, laid out and painted
        times.append(1000 * (time.perf_counter() - t0))
        app.processEvents()  # the other views' frames, between two moves as between two drags
    return times


def summary(name: str, times: list[float]) -> str:
    times = sorted(times)
    return (f"{name}: {len(times)} moves, median {statistics.median(times):.1f} ms, 90th percentile "
            f"{times[int(0.9 * (len(times) - 1))]:.1f} ms, worst {times[-1]:.1f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--iterations", type=int, default=2500)
    ap.add_argument("--jumps", type=int, default=100)
    args = ap.parse_args()

    app, window = cat_window(args.data)
    seconds = train(window, args.iterations)
    t = window.studio.timeline
    segment = t._chain[0].segment.timeline
    print(f"cat four-layer run, {args.iterations} iterations in the window: {seconds:.1f} s")
    print(f"keyframes: every {segment.every} iterations, {len(segment.keyframes)} of them, "
          f"{t.nbytes / 1e6:.1f} MB kept (target ≤ 300 MB)")
    diagram = window.diagram
    diagram.refresh_now()
    centre = diagram.neuron_pos(1, 0).toPoint()
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(centre), QPointF(centre),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    diagram.mousePressEvent(press)  # a layer-1 neuron clicked: its W[1] row as an image
    assert diagram._field is not None, "no W[1] image open"
    rng = np.random.default_rng(0)
    jumps = scrub(app, window, rng.integers(0, args.iterations, args.jumps))
    drag = scrub(app, window, range(1200, 1400))
    print(summary("random jumps", jumps))
    print(summary("a drag, one iteration at a time", drag))
    both = jumps + drag
    print(f"all: median {statistics.median(both):.1f} ms (target ≤ 100), worst {max(both):.1f} ms "
          "(target ≤ 200)")
    recompute = []
    for i in rng.integers(0, args.iterations, args.jumps):
        segment._cursor = None  # from its keyframe, as a jump does
        t0 = time.perf_counter()
        segment.network_at(int(i))
        recompute.append(1000 * (time.perf_counter() - t0))
    print(summary("of which the recomputation alone (random iterations)", recompute))
    print("load average (1, 5, 15 min): " + " ".join(f"{x:.2f}" for x in os.getloadavg())
          + f" on {os.cpu_count()} cores")
    window.close()


if __name__ == "__main__":
    main()
