"""Scrubbing the seed's cat run: how long the window takes to show an iteration, and the memory
the run's history keeps.

Run:  python benchmarks/bench_time_travel.py [--data DIR] [--iterations 2500] [--jumps 100]
      [--looks 15] [--mode quiet|busy|both]

Offscreen Qt, 1920×1080. The four-layer network trains 2,500 iterations in the window (a click on
Train: its child process, its keyframes), then the time cursor goes to ``--jumps`` random
iterations and along 200 neighbouring ones (a drag). Each move is timed from setting the cursor
until the diagram, with the W[1] image of a layer-1 neuron open, is laid out and repainted: the
recomputation from the keyframe before it, every model slot that follows, the diagram's layout
and a synchronous repaint. Issue 18's targets: median ≤ 100 ms, worst ≤ 200 ms, ≤ 300 MB kept;
issue 32's: worst ≤ 200 ms with the other core busy (busy_core). Every scenario runs twice on the
same trained run: with nothing kept near the cursor (as before issue 32) and with the iterations
near it kept and prefetched while the window idles (session/timeline_prefetch.py); a drag back and
moves around a jump after a pause are where they differ.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from _load import busy_core, load_line
from _window import DEFAULT_DATA, cat_window

import numpy as np  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QPointF, Qt  # noqa: E402
from PySide6.QtGui import QMouseEvent  # noqa: E402

from bpstudio.core import timeline  # noqa: E402
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


def idle(app, seconds: float) -> None:
    """The window idles (a user looks at what the move showed): its timers run."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def look_around(app, window, targets, rng, reach: int) -> list[float]:
    """A jump, a pause (0.5 s), then four moves within ``reach`` iterations of it, 0.2 s apart:
    a teacher going to an iteration and stepping around it. The moves are timed."""
    t = window.studio.timeline
    times = []
    for i in targets:
        scrub(app, window, [int(i)])
        idle(app, 0.5)
        for _ in range(4):
            j = int(min(max(i + rng.integers(-reach, reach + 1), t.first), t.last - 1))
            times += scrub(app, window, [j])
            idle(app, 0.2)
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
    ap.add_argument("--looks", type=int, default=15, help="jumps to look around (4 moves each)")
    ap.add_argument("--mode", choices=("quiet", "busy", "both"), default="both")
    args = ap.parse_args()

    app, window = cat_window(args.data)
    seconds = train(window, args.iterations)
    t = window.studio.timeline
    segment = t._chain[0].segment.timeline
    print(f"cat four-layer run, {args.iterations} iterations in the window: {seconds:.1f} s")
    print(f"keyframes: every {segment.every} iterations, {len(segment.keyframes)} of them, "
          f"{t.nbytes / 1e6:.1f} MB kept (target ≤ 300 MB); near the cursor: "
          f"{segment.near_reach} iterations either side (≤ {timeline.NEAR_BYTES / 1e6:.0f} MB)")
    diagram = window.diagram
    diagram.refresh_now()
    centre = diagram.neuron_pos(1, 0).toPoint()
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(centre), QPointF(centre),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    diagram.mousePressEvent(press)  # a layer-1 neuron clicked: its W[1] row as an image
    assert diagram._field is not None, "no W[1] image open"
    reach = segment.near_reach
    near_bytes = timeline.NEAR_BYTES
    for mode in (("quiet", "busy") if args.mode == "both" else (args.mode,)):
        with busy_core(mode == "busy"):
            # the same moves without, then with, the iterations near the cursor kept and
            # prefetched (issue 32): before and after in one run, on one trained timeline
            for kept in (False, True):
                timeline.NEAR_BYTES = near_bytes if kept else 0.0
                t.now()
                t.settle()
                segment._near.clear()
                name = f"{mode}, {'near iterations kept' if kept else 'nothing kept (before)'}"
                rng = np.random.default_rng(0)
                jumps = scrub(app, window, rng.integers(0, args.iterations, args.jumps))
                drag = scrub(app, window, range(1200, 1400))
                back = scrub(app, window, range(1400, 1200, -1))
                looks = look_around(app, window, rng.integers(0, args.iterations, args.looks),
                                    rng, reach)
                print(f"{name}:")
                print("  " + summary("random jumps", jumps))
                print("  " + summary("a drag on, one iteration at a time", drag))
                print("  " + summary("a drag back, one iteration at a time", back))
                print("  " + summary(f"moves within {reach} of a jump, after a pause", looks))
                both = jumps + drag
                print(f"  jumps and the drag on: median {statistics.median(both):.1f} ms (target "
                      f"≤ 100), worst {max(both):.1f} ms (target ≤ 200)")
            recompute = []
            for i in rng.integers(0, args.iterations, args.jumps // 2):
                segment._cursor = None  # from its keyframe, as a jump does
                segment._near.clear()
                t0 = time.perf_counter()
                segment.network_at(int(i))
                recompute.append(1000 * (time.perf_counter() - t0))
            print("  " + summary("of which the recomputation alone (random iterations)", recompute))
            print("  " + load_line())
    window.close()


if __name__ == "__main__":
    main()
