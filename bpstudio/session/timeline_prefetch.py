"""The iterations near the time cursor, recomputed while the window idles (issue 32).

A jump keeps the iterations it recomputed on its way (core/timeline.py); once the views show the
cursor's iteration, one more iteration near it is recomputed at each turn of the event loop
(``Timeline.prefetch_step``), the nearest first, until every one within ``near_reach`` is kept:
the next step, drag or jump near the cursor shows kept parameters at once instead of
recomputing up to k − 1 iterations. One iteration a turn keeps the window answering (the cat
net's takes 5–20 ms); nothing is recomputed while a run trains (it needs the cores).
"""

from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import QObject, QTimer

from ..core.timeline import Timeline


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

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _step(self) -> None:
        at = self.where()
        if at is None or self.model.busy or not at[0].prefetch_step(at[1]):
            self.timer.stop()
