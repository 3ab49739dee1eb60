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
issue 32's: worst ≤ 200 ms with the other core busy (busy_core). Every move is made twice, in
turn (the order alternating, so that the machine's load hits both alike), on the same trained run
as main kept it ("before": every iteration's Z[1] whole, keyframes in what those traces leave of
the budget, recomputed on the run's BLAS threads, a move that outran the prefetch walk recomputed
from the keyframe) and as it is kept now ("after", core/timeline.py and traces.py: a ReLU first
layer's trace is its positive numbers and a bit mask, so more keyframes fit; recomputed on one
BLAS thread once prefetch_step() found that one thread gives a keyframe bit for bit, checked
here before the moves as the idle window does after the first one; a move goes on from the walk).
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
from bpstudio.core.traces import first_z  # noqa: E402
from bpstudio.core.trainer import Keyframe, RunState  # noqa: E402


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


class MainTimeline(timeline.Timeline):
    """A timeline that recomputes as main's did: on the run's BLAS threads (it never checks
    one thread) and, on a move, from the state kept before it or the latest recomputation only
    (never from the prefetch walk)."""

    def _check_one_thread(self) -> bool:
        return False

    def _state_at(self, i: int):
        walk, self._walk = self._walk, None
        try:
            return super()._state_at(i)
        finally:
            self._walk = walk


def before_branch(after, blas_threads: int):
    """The same run kept and recomputed as main did: every iteration's Z[1] whole (8 bytes a
    number), a keyframe every k iterations that main's plan gave in what they leave of the
    budget, on the run's BLAS threads. Its keyframes are taken from ``after`` walking on
    through the run (the same bits)."""
    net, hyper, m = after.start.network, after.hyper, after.X.shape[1]
    size = timeline.keyframe_bytes(net, hyper, m)
    plan = timeline.memory_plan(net, hyper, m, timeline.MEMORY_BUDGET)
    dense = 8 * net.dims[1] * m
    every = timeline.keyframe_interval(after.end - after.first, size, 0.009, plan.keyframes,
                                       trace_size=dense)
    old = MainTimeline(after.start, after.X, after.Y, every, near_bytes=after.near_bytes)
    for j, trace in after._traces.items():
        z = first_z(trace)
        z.flags.writeable = False
        old._traces[j] = z
    for j in range(after.first, after.end + 1):
        with after._lock:
            state = after._state_at(j)
        if (j - after.first) % every == 0 or j == after.end:
            net = state.network
            old._keyframes[j] = Keyframe(j, tuple(W.copy() for W in net.weights),
                                         tuple(b.copy() for b in net.biases),
                                         state.batches.state(), blas_threads)
            if j not in old._at:
                old._at.append(j)
    old.end = after.end
    after.forget_near()
    return old


def check_one_thread(tl) -> None:
    """What prefetch_step() does first while the window idles after the first move back:
    recompute a keyframe on one BLAS thread and compare it bit for bit."""
    t0 = time.perf_counter()
    with tl._lock:
        while tl._check_one_thread():
            pass
    print(f"after: one BLAS thread gives keyframe bits: {tl.one_thread} "
          f"(checked in {time.perf_counter() - t0:.2f} s)")


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
    piece = t._chain[0].segment
    after = piece.timeline
    print(f"cat four-layer run, {args.iterations} iterations in the window: {seconds:.1f} s")
    check_one_thread(after)
    t0 = time.perf_counter()
    before = before_branch(after, after.start_keyframe.blas_threads)
    print(f"(main's keyframes, walked through the run: {time.perf_counter() - t0:.1f} s)")
    for name, tl in (("before", before), ("after", after)):
        print(f"{name}: keyframes every {tl.every} iterations, {len(tl.keyframes)} of them, "
              f"{tl.nbytes / 1e6:.1f} MB kept, of which traces {tl.trace_nbytes / 1e6:.1f} MB "
              f"(target ≤ 300 MB); near the cursor: {tl.near_reach} iterations either side "
              f"(≤ {tl.near_bytes / 1e6:.0f} MB, counted in the 300 MB); the run trained on "
              f"{tl.start_keyframe.blas_threads} BLAS threads")
    diagram = window.diagram
    diagram.refresh_now()
    centre = diagram.neuron_pos(1, 0).toPoint()
    press = QMouseEvent(QEvent.Type.MouseButtonPress, QPointF(centre), QPointF(centre),
                        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    diagram.mousePressEvent(press)  # a layer-1 neuron clicked: its W[1] row as an image
    assert diagram._field is not None, "no W[1] image open"
    timelines = {"before": before, "after": after}
    for mode in (("quiet", "busy") if args.mode == "both" else (args.mode,)):
        with busy_core(mode == "busy"):
            # the same moves on the run as kept before and after (issue 32), move by move in
            # turn (the order alternating), so that the machine's load hits both alike
            for tl in timelines.values():
                tl.forget_near()
            rng = np.random.default_rng(0)
            most = {name: tl.nbytes for name, tl in timelines.items()}
            near = {name: 0 for name in timelines}

            def moves(targets, after_each=None):
                times = {name: [] for name in timelines}
                for n, i in enumerate(targets):
                    for name in (("before", "after") if n % 2 == 0 else ("after", "before")):
                        tl = piece.timeline = timelines[name]
                        t.cursor = None  # (the same iteration as the other's: moved to anew)
                        times[name] += scrub(app, window, [int(i)])
                        most[name] = max(most[name], tl.nbytes)
                        near[name] = max(near[name], tl.near_nbytes)
                return times

            jumps = moves(rng.integers(0, args.iterations, args.jumps))
            drag = moves(range(1200, 1400))
            back = moves(range(1400, 1200, -1))
            looks = {name: [] for name in timelines}
            reach = min(tl.near_reach for tl in timelines.values())
            for n, i in enumerate(rng.integers(0, args.iterations, args.looks)):
                around = [int(min(max(i + d, t.first), t.last - 1))
                          for d in rng.integers(-reach, reach + 1, 4)]
                for name in (("before", "after") if n % 2 == 0 else ("after", "before")):
                    tl = piece.timeline = timelines[name]
                    t.cursor = None
                    scrub(app, window, [int(i)])
                    idle(app, 0.5)
                    for j in around:
                        looks[name] += scrub(app, window, [j])
                        idle(app, 0.2)
                    most[name] = max(most[name], tl.nbytes)
                    near[name] = max(near[name], tl.near_nbytes)
            recompute = {name: [] for name in timelines}
            for n, i in enumerate(np.random.default_rng(1).integers(0, args.iterations,
                                                                    args.jumps // 2)):
                for name in (("before", "after") if n % 2 == 0 else ("after", "before")):
                    tl = timelines[name]
                    tl.forget_near()  # from its keyframe, as a jump does
                    t0 = time.perf_counter()
                    tl.network_at(int(i))
                    recompute[name].append(1000 * (time.perf_counter() - t0))
            for name, tl in timelines.items():
                print(f"{mode}, {name}:")
                print("  " + summary("random jumps", jumps[name]))
                print("  " + summary("a drag on, one iteration at a time", drag[name]))
                print("  " + summary("a drag back, one iteration at a time", back[name]))
                print("  " + summary(f"moves within {reach} of a jump, after a pause",
                                     looks[name]))
                both = jumps[name] + drag[name]
                print(f"  jumps and the drag on: median {statistics.median(both):.1f} ms (target "
                      f"≤ 100), worst {max(both):.1f} ms (target ≤ 200)")
                print("  " + summary("the recomputation alone (random iterations, from the "
                                     "keyframe before)", recompute[name]))
                print(f"  memory kept at most: {most[name] / 1e6:.1f} MB, of which near the "
                      f"cursor {near[name] / 1e6:.1f} MB")
            ratio = [a / b for a, b in zip(recompute["after"], recompute["before"])]
            print(f"  after / before, the same iterations recomputed in turn: median "
                  f"{statistics.median(ratio):.2f}; worst jump after / worst before "
                  f"{max(jumps['after']) / max(jumps['before']):.2f}")
            print("  " + load_line())
    window.close()


if __name__ == "__main__":
    main()
