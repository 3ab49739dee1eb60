"""Animations of an iteration (issue 30): the cat net's 34 frames at 1024×768 (goal ≤ 15 s), and
the size of the 3–2–1 net's GIF at 1024×768 (goal ≤ 5 MB); each format's time and size too; a
100-frame time-lapse of the cat net's 2,500-iteration run (goal ≤ 30 s).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [CAT_DATA_DIR]

Measured from the moment the export is asked for (the iteration laid out, every frame drawn off
screen and encoded) to the file written, as File → Export → Animation of this iteration… and
``bpstudio export`` run it.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

from PySide6.QtCore import QEventLoop, QTimer

from bpstudio.app.animations import iteration_frames
from bpstudio.app.gui import create_application
from bpstudio.app.timelapses import timelapse_frames
from bpstudio.core.trainer import RunState
from bpstudio.session.timelapse import when_reachable
from bpstudio.session.animation_export import AnimationExport
from bpstudio.session.studio import Studio

CAT = "/work/shared/data/catvnoncat"


def wait(done) -> None:
    loop, poll = QEventLoop(), QTimer()
    poll.timeout.connect(lambda: done() and loop.quit())
    poll.start(10)
    if not done():
        loop.exec()
    poll.stop()


def settle(studio: Studio) -> None:
    settled: list[bool] = []
    studio.when_settled(lambda: settled.append(True))
    wait(lambda: settled)


def write(frames, path: str, start: float) -> tuple[float, int, int]:
    """Seconds since ``start``, frames and bytes once ``frames`` are written to ``path``."""
    job = AnimationExport()
    ended: list[object] = []
    job.finished.connect(ended.append)
    job.failed.connect(ended.append)
    job.start(path, frames)
    wait(lambda: ended)
    seconds = time.perf_counter() - start
    if not isinstance(ended[0], str):
        raise SystemExit(f"failed: {ended[0]}")
    count = frames.count
    frames.close()
    return seconds, count, os.path.getsize(path)


def export(studio: Studio, path: str, size: str = "1024x768") -> tuple[float, int, int]:
    """Seconds, frames and bytes of one export of the studio's iteration to ``path``."""
    start = time.perf_counter()
    frames = iteration_frames(studio, size, 2.0, "sample", "light")
    ready: list[bool] = []
    frames.when_ready(lambda: ready.append(True))
    wait(lambda: ready)
    return write(frames, path, start)


def timelapse(studio: Studio, path: str, count: int = 100) -> tuple[float, int, int]:
    """Seconds, frames and bytes of a time-lapse of the studio's run to ``path`` (its
    iterations recomputed from the run's keyframes, every frame drawn and encoded)."""
    start = time.perf_counter()
    reachable: list[bool] = []
    when_reachable(studio.timeline, reachable.append)
    wait(lambda: reachable)
    return write(timelapse_frames(studio, "1024x768", count, "even", "light"), path, start)


def train(studio: Studio, iterations: int) -> float:
    start = time.perf_counter()
    studio.set_pace(None)
    studio.set_hyper(iterations=iterations)
    studio.train()
    wait(lambda: len(studio.model.history) >= iterations
         and studio.training.state is RunState.IDLE and not studio.busy)
    return time.perf_counter() - start


def main() -> None:
    create_application(["bench"])
    cat = sys.argv[1] if len(sys.argv) > 1 else CAT
    folder = tempfile.mkdtemp(prefix="bpstudio-bench-export-")
    small = Studio()
    settle(small)
    for suffix in (".gif", ".png", ".webp", ".mp4", ".webm"):
        seconds, n, size = export(small, os.path.join(folder, f"321{suffix}"))
        goal = "   (goal ≤ 5 MB)" if suffix == ".gif" else ""
        print(f"3–2–1 net, {n} frames at 1024×768, {suffix:5s}: {seconds:5.1f} s, "
              f"{size / 1e6:5.2f} MB{goal}")
    studio = Studio()
    studio.open_dataset(cat)
    settle(studio)
    studio.choose_preset("four-layer")
    settle(studio)
    for suffix in (".gif", ".mp4"):
        seconds, n, size = export(studio, os.path.join(folder, f"cat{suffix}"))
        print(f"cat net (12288–20–7–5–1), {n} frames at 1024×768, {suffix:5s}: {seconds:5.1f} s "
              f"(goal ≤ 15 s), {size / 1e6:5.2f} MB")
    seconds, n, size = export(studio, os.path.join(folder, "cat-1080.mp4"), "1920x1080")
    print(f"cat net, {n} frames at 1920×1080, .mp4 : {seconds:5.1f} s, {size / 1e6:5.2f} MB")
    trained = train(studio, 2500)
    print(f"(cat net trained 2,500 iterations in {trained:.0f} s)")
    for suffix in (".mp4", ".gif"):
        seconds, n, size = timelapse(studio, os.path.join(folder, f"cat-run{suffix}"))
        print(f"cat run's time-lapse, {n} frames at 1024×768, {suffix:5s}: {seconds:5.1f} s "
              f"(goal ≤ 30 s), {size / 1e6:5.2f} MB")
    small.shut_down()
    studio.shut_down()


if __name__ == "__main__":
    main()
