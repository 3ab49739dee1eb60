"""The iterations near the time cursor, recomputed while the window idles, and the cursor's
own recomputed a slice at a time (issue 32).

A jump keeps the iterations it recomputed on its way (core/timeline.py); once the views show the
cursor's iteration, the ones near it are recomputed a slice at each turn of the event loop
(``Timeline.prefetch_step``), the nearest first, until every one within ``near_reach`` is kept:
the next step, drag or jump near the cursor shows kept parameters at once instead of
recomputing up to k − 1 iterations (a move that outruns it goes on from where it got to). The
first calls on a run check whether one BLAS thread recomputes its bits (core/timeline.py,
``one_thread``): the later recomputations then run on one. A slice is SLICE_SECONDS (one
iteration at least: the cat net's takes 5–20 ms), so the window keeps answering; nothing is
prefetched while a run trains (it needs the cores).
"""

from __future__ import annotations

import time
from typing import Callable, Protocol

from PySide6.QtCore import QObject, QTimer

from ..core.timeline import Timeline

# a slice of recomputing at a turn of the event loop: iterations until this long, at least one
# (a small network's thousand iterations in a few turns, the cat net's one a turn)
SLICE_SECONDS = 0.01


class _Busy(Protocol):
    @property
    def busy(self) -> bool: ...


class NearPrefetch(QObject):
    """``where()``: the timeline the cursor is on and its iteration, or None (at now)."""

    def __init__(self, where: Callable[[], tuple[Timeline, int] | None], model: _Busy,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.where, self.model = where, model
        self.timer = QTimer(self)
        self.timer.setInterval(0)  # at each turn of the event loop: one iteration
        self.timer.timeout.connect(self._step)
        self.in_slices = True

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def toward_cursor(self) -> bool:
        """One iteration recomputed on the way to the cursor's, when it is not kept yet (False:
        the views can show it at once). A jump's k − 1 iterations (the cat net's 16 took
        100–400 ms) then never hold the GUI thread longer than one; ``in_slices`` False: at once
        (benchmarks compare)."""
        at = self.where() if self.in_slices else None
        if at is None:
            return False
        timeline, i = at
        end = time.perf_counter() + SLICE_SECONDS
        while not timeline.ready(i) and timeline.prefetch_step(i):
            if time.perf_counter() >= end:
                return True
        return False

    def _step(self) -> None:
        at = self.where()
        end = time.perf_counter() + SLICE_SECONDS
        while at is not None and not self.model.busy and at[0].prefetch_step(at[1]):
            if time.perf_counter() >= end:
                return
        self.timer.stop()
