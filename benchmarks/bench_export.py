"""Animations of an iteration (issue 30): the cat net's 34 frames at 1024×768 (goal ≤ 15 s), and
the size of the 3–2–1 net's GIF at 1024×768 (goal ≤ 5 MB); each format's time and size too.

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


def export(studio: Studio, path: str, size: str = "1024x768") -> tuple[float, int, int]:
    """Seconds, frames and bytes of one export of the studio's iteration to ``path``."""
    start = time.perf_counter()
    frames = iteration_frames(studio, size, 2.0, "sample", "light")
    ready: list[bool] = []
    frames.when_ready(lambda: ready.append(True))
    wait(lambda: ready)
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
    small.shut_down()
    studio.shut_down()


if __name__ == "__main__":
    main()
