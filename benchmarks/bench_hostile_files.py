"""Hostile files: how fast they are refused and how much memory that takes; how long the window's
GUI thread stalls while a big file is opened.

Run:  python benchmarks/bench_hostile_files.py

Refusals (the readers alone, one process): a 3.5 GB zip bomb in a 3.4 MB .npz, a 3 KB .npz whose
header declares a 36 GB array, an .npz of 200,000 members, a FIFO named train_catvnoncat.h5; each
prints the time to the refusal and the rise of the resident memory at its peak (the kernel's
high-water mark, reset before each). Opens in the offscreen window: a 60 MB CSV and an .h5 of
2,000 images of 128×128 (880 MB once loaded); each prints the time until the data set is on
screen and the longest gap of a 5 ms heartbeat timer on the GUI thread meanwhile (before issue 22
the window was blocked for the whole read: 8.5 s for such a CSV).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _window import new_window  # noqa: E402
from hostile_files import fifo, npz_bomb, npz_declaring, npz_members, peak_rss_growth  # noqa: E402


def refusals(folder: Path) -> None:
    from bpstudio.core.h5data import load_catvnoncat
    from bpstudio.core.messages import UserMessage
    from bpstudio.core.modelfile import load_model

    (folder / "fifo").mkdir()
    cases = [
        ("3.5 GB zip bomb", npz_bomb(folder / "bomb.npz", 3.5e9), load_model),
        ("header declaring 36 GB", npz_declaring(folder / "declares.npz"), load_model),
        ("200,000 members", npz_members(folder / "many.npz", 200_000), load_model),
        ("FIFO as train_catvnoncat.h5", fifo(folder / "fifo" / "train_catvnoncat.h5"),
         load_catvnoncat),
    ]
    print("refused by the readers (time to the refusal, resident memory rise at its peak):")
    for what, path, read in cases:
        def refuse():
            try:
                read(path)
            except UserMessage as e:
                return str(e)
            return "NOT REFUSED"
        t0 = time.perf_counter()
        said, grew = peak_rss_growth(refuse)
        ms = (time.perf_counter() - t0) * 1000
        size = path.stat().st_size / 1e6 if path.is_file() else 0
        print(f"  {what:30s} {size:6.1f} MB file  {ms:7.1f} ms  {grew / 1e6:6.1f} MB  ({said})")


def _csv(path: Path, megabytes: int = 60) -> Path:
    import numpy as np

    rng = np.random.default_rng(0)
    rows = rng.normal(size=(megabytes * 1_000_000 // 31, 4))  # 31 characters a row
    with open(path, "w") as f:
        f.write("a,b,c,label\n")
        for block in np.array_split(rows, 50):
            f.write("".join(f"{a:.6f},{b:.6f},{c:.6f},{int(d > 0)}\n" for a, b, c, d in block))
    return path


def _images_h5(folder: Path, m: int = 2000, side: int = 128) -> Path:
    import h5py
    import numpy as np

    folder.mkdir()
    rng = np.random.default_rng(1)
    for split, n in (("train", m), ("test", 50)):
        with h5py.File(folder / f"{split}_catvnoncat.h5", "w") as f:
            x = f.create_dataset(f"{split}_set_x", (n, side, side, 3), np.uint8)
            for k in range(0, n, 200):
                x[k: k + 200] = rng.integers(0, 256, (min(200, n - k), side, side, 3), np.uint8)
            f[f"{split}_set_y"] = np.arange(n) % 2
    return folder


def opens(folder: Path) -> None:
    from PySide6.QtCore import QTimer

    app, w = new_window(1600, 1000)
    csv = _csv(folder / "big.csv")
    h5 = _images_h5(folder / "images")
    os.sync()  # written to disk before the clock starts: a read behind writeback stalls anything
    settled = time.perf_counter() + 1.5  # the window's first layout (its docks are sized then)
    while time.perf_counter() < settled:
        app.processEvents()
        time.sleep(0.005)
    print("opened in the window (until on screen; the GUI thread's longest gap meanwhile):")
    for what, path, open_ in (
            (f"{csv.stat().st_size / 1e6:.0f} MB CSV", csv, w.studio.model.data.open_csv),
            ("h5 of 2,000 images 128×128", h5, w.files.open_dataset)):
        before = w.studio.model.dataset
        ticks = []
        timer = QTimer()
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        timer.start(5)
        t0 = time.perf_counter()
        open_(str(path))
        while w.studio.model.loader.running:
            app.processEvents()
            time.sleep(0.001)
        total = time.perf_counter() - t0
        timer.stop()
        gaps = [b - a for a, b in zip([t0] + ticks, ticks + [time.perf_counter()])]
        said = w.statusBar().currentMessage() if w.studio.model.dataset is before else w.studio.model.dataset.name
        print(f"  {what:30s} {total * 1000:7.0f} ms  longest GUI gap {max(gaps) * 1000:5.0f} ms  "
              f"({said})")
    w.close()


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bpstudio-hostile-") as tmp:
        folder = Path(tmp)
        refusals(folder)
        opens(folder)


if __name__ == "__main__":
    main()
