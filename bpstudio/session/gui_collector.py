"""Python's cyclic garbage is collected on the GUI thread, never on another.

Python collects in whichever thread allocates when a generation's count passes its threshold:
the training reports' reader, a gallery pass, a file loader. Garbage collected there can hold
wrappers of Qt objects, whose destruction disconnects their signals: Qt takes its connection
lock and calls back into Python (PySide asks for a disconnectNotify override), waiting for the
interpreter, while the GUI thread holds the interpreter and waits for that same lock. Both wait
for good; the suite's monkey froze so (a thread's ``sys._current_frames()`` started a collection
while the GUI thread laid out a plot). So automatic collection is off, and a timer on the GUI
thread collects a generation when Python would have, by the same thresholds, a few times a
second (pyqtgraph's GarbageCollector does the same, for Qt's sake).
"""

from __future__ import annotations

import gc
import sys
import time
from typing import Callable

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200  # the garbage of a fifth of a second at the most waits for its collection
# Python skips most full collections (until the objects waiting to be promoted are a quarter of
# the long-lived ones, a figure it does not tell): a full one here waits at least this long
# after the last (one walked the window's heap for 43–106 ms, session/heap_freeze.py)
FULL_EVERY_S = 60.0
# 3.14's collector is incremental: a young collection there is one increment of it
GENERATIONS = sys.version_info < (3, 14)


class GuiThreadCollector(QObject):
    """Collects Python's garbage on the thread it was made on (the GUI thread), by timer."""

    def __init__(self, parent: QObject | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._clock = clock
        self._full = clock()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        gc.disable()

    def collect_due(self) -> None:
        """As Python would on its next allocation: once the young generation has passed its
        threshold, collect the oldest generation whose count has passed its own (the full
        one at most every FULL_EVERY_S)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if not thresholds[0] or counts[0] <= thresholds[0]:  # (a threshold of 0: collection off)
            return
        if not GENERATIONS:
            gc.collect(1)
            return
        now = self._clock()
        if counts[2] > thresholds[2] and now - self._full >= FULL_EVERY_S:
            self._full = now
            gc.collect(2)
        else:
            gc.collect(1 if counts[1] > thresholds[1] else 0)


_installed: GuiThreadCollector | None = None


def collect_on_this_thread(parent: QObject) -> GuiThreadCollector:
    """Once per process, on the GUI thread: the collector, kept by ``parent`` (the app)."""
    global _installed
    if _installed is None:
        _installed = GuiThreadCollector(parent)
    return _installed
