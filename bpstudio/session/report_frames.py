"""A running child's reports handed to the model a few times a second, not each as it comes.

The child reports a few times a second (training.REPORT_HZ), each report with a snapshot of the
parameters. Applied one by one, every report had the window append to the record, move the time
cursor, relabel the progress and redraw the plots and the diagram: 15 % of a core through the cat
run, taken from the training process's two BLAS threads on a two-core machine (a BLAS product
waits for its slowest thread: benchmarks/bench_gui.py). While a run goes on as fast as it can,
its reports are applied at most ``FRAME_HZ`` times a second, those between two frames as one
(core/trainer.py's ``joined``: the same costs, keyframes and traces, the newest parameters).

What a class must see at once is applied at once, with everything before it: a run's first
report (its first cost), a paused, stopped, finished or diverged record, the child's last word;
and, ``at_once``, every report of a run at a watching pace (the class follows each iteration).
So whenever a run pauses or ends, every number shown is the run's own, exactly.
"""

from __future__ import annotations

import math
import time
from typing import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

from ..core.trainer import ProgressState, joined
from ..core.training_process import Progressed, Report

FRAME_HZ = 2.5  # a run at full speed changes the model (and every view of it) at most this often


def can_wait(report: Report) -> bool:
    """A report that may wait for the next frame: a record of a run that goes on, or news that
    changes nothing shown (the keyframe interval chosen, a command refused); not a record of a
    run that paused or ended, nor the child's last word."""
    if isinstance(report, Progressed):
        return report.record.state is ProgressState.RUNNING
    return not report.final


def coalesced(reports: Iterable[Report]) -> list[Report]:
    """``reports`` with each row of records of a run going on joined into one record."""
    out: list[Report] = []
    row: list[Progressed] = []
    for report in [*reports, None]:
        if isinstance(report, Progressed) and report.record.state is ProgressState.RUNNING:
            row.append(report)
            continue
        if row:
            out.append(Progressed(joined([r.record for r in row])))
            row = []
        if report is not None:
            out.append(report)
    return out


class ReportFrames(QObject):
    """Collects reports (``add``) and hands them to ``apply`` in order, coalesced, at most
    ``hz`` times a second, but at once when one of them must be seen at once."""

    def __init__(self, apply: Callable[[list[Report]], None], parent: QObject | None = None,
                 hz: float = FRAME_HZ, clock: Callable[[], float] = time.monotonic):
        super().__init__(parent)
        self._apply, self._clock = apply, clock
        self.interval = 1.0 / hz
        self.pending: list[Report] = []
        self.frames = 0  # how often reports were applied (benchmarks print it)
        self._applied = -math.inf
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def start(self) -> None:
        """A new run: nothing waits, and its first report is applied as it comes."""
        self._timer.stop()
        self.pending = []
        self._applied = -math.inf

    def add(self, reports: Iterable[Report], at_once: bool = False) -> None:
        """Reports received, in order: applied now, or with the next frame."""
        new = list(reports)
        self.pending += new
        if not self.pending:
            return
        wait = self._applied + self.interval - self._clock()
        if at_once or wait <= 0 or not all(map(can_wait, new)):
            self.flush()
        elif not self._timer.isActive():
            self._timer.start(math.ceil(1000 * wait))

    @property
    def waiting(self) -> bool:
        """Reports wait for their frame."""
        return bool(self.pending)

    def flush(self) -> None:
        """Apply what waits, now."""
        self._timer.stop()
        reports, self.pending = coalesced(self.pending), []
        if reports:
            # only a record starts the wait for the next frame: news that changes nothing shown
            # (the keyframe interval the child chose, sent just before its first record) held
            # the run's first cost back a whole frame (Train → first cost 0.57 s, not 0.1 s)
            if any(isinstance(r, Progressed) for r in reports):
                self._applied = self._clock()
            self.frames += 1
            self._apply(reports)
