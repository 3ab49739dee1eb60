"""Hostile input, round 3 (issue 33): the window's GUI thread while it refuses or limits what it is
given. Each case prints the time until the window has dealt with it, the longest gap of a 5 ms
heartbeat timer on the GUI thread meanwhile (the goal: ≤ 250 ms each), and what the window said.

Run:  python benchmarks/bench_hostile_input.py

- a 3 GB sparse JPEG dropped (a good picture's header, then a hole): refused by its size;
- 40,000 paths handed over at once (a drop or another start's hand-over): the gallery takes up to
  its count (1,000), the rest are counted and never decoded; until every picture has its card;
- a session file holding 130 twin runs: refused as it is read (the editor makes at most 8).
The machine's load is printed first: figures from a busy machine are not a quiet machine's.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from _window import DEFAULT_DATA, cat_window  # noqa: E402
from hostile_files import session_with  # noqa: E402


def _picture(path: Path, side: int = 64, fmt: str = "JPEG") -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 120, 40))
    assert image.save(str(path), fmt)
    return path


def _sparse_jpeg(folder: Path) -> Path:
    head = _picture(folder / "head.jpg").read_bytes()
    path = folder / "sparse.jpg"
    with open(path, "wb") as f:
        f.write(head)
        f.truncate(3 * 2**30)
    return path


def _paths(folder: Path, n: int = 40_000) -> list[str]:
    """n paths: one real small picture under many names (links), so the first 1,000 decode."""
    real = _picture(folder / "p.jpg")
    out = []
    for k in range(n):
        link = folder / f"p{k:05d}.jpg"
        os.link(real, link)
        out.append(str(link))
    return out


def _session_of_130_twins(w, folder: Path) -> Path:
    assert w.studio.choose_preset("plane-moons")
    assert w.studio.fork_twin(learning_rate=0.2) is not None
    good = folder / "good.bpstudio"
    assert w.studio.store.save(str(good))
    w.studio.remove_twins()

    def many(meta):
        meta["runs"] = [dict(meta["runs"][0], name=f"T{k}") for k in range(130)]
    return session_with(good, folder / "twins.bpstudio", many)


def _settle(app, w, seconds: float = 1.5) -> None:
    """Until nothing is under way and the window has drawn what it was told for a while: what
    the preparation left to do is not measured as the next case's."""
    settled = time.perf_counter() + seconds
    while w.studio.busy or time.perf_counter() < settled:
        app.processEvents()
        time.sleep(0.005)


def _measure(app, w, what: str, act, done) -> None:
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    t0 = time.perf_counter()
    act()
    while not done():
        app.processEvents()
        time.sleep(0.001)
    for _ in range(20):  # what the last signal posted
        app.processEvents()
        time.sleep(0.001)
    total = time.perf_counter() - t0
    timer.stop()
    gaps = [b - a for a, b in zip([t0] + ticks, ticks + [time.perf_counter()])]
    said = w.statusBar().currentMessage()
    print(f"  {what:34s} {total * 1000:7.0f} ms  longest GUI gap {max(gaps) * 1000:5.0f} ms  "
          f"({said[:110]})")


def main() -> None:
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="bpstudio-hostile3-") as tmp:
        folder = Path(tmp)
        app, w = cat_window(DEFAULT_DATA)  # pictures are classified by the cat network
        _settle(app, w)  # the window's first layout
        sparse = _sparse_jpeg(folder)
        (folder / "many").mkdir()
        paths = _paths(folder / "many")
        os.sync()
        classify = w.studio.classify
        print("the window's GUI thread (until dealt with; its longest gap meanwhile):")
        before = len(classify.results)
        _measure(app, w, "a 3 GB sparse JPEG dropped", lambda: classify.open_paths([str(sparse)]),
                 lambda: not w.studio.busy)
        assert len(classify.results) == before, "the sparse picture was taken"
        _measure(app, w, "40,000 paths handed over", lambda: classify.open_paths(paths),
                 lambda: not w.studio.busy and w.gallery.list.count() == len(classify.results))
        print(f"    the gallery holds {len(classify.results):,} pictures")
        _settle(app, w)  # the last cards made
        session = _session_of_130_twins(w, folder)
        _settle(app, w)  # the preset's network drawn and every card saying so: not the session's
        _measure(app, w, "a session of 130 twin runs", lambda: w.files.open_session(str(session)),
                 lambda: not w.studio.busy)
        print(f"    twin runs after it: {len(w.studio.runs.twins)}")
        w.close()


if __name__ == "__main__":
    main()
