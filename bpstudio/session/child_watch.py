"""A running training child, looked at once a second: one stopped from outside (SIGSTOP, a
debugger) is said, and so is its going on; a signal for it reaches it only while it runs."""

from __future__ import annotations

import os
import signal
from multiprocessing.process import BaseProcess
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ..core import training_process

WATCH_MS = 1000  # how often a running child is looked at: stopped from outside (SIGSTOP)?


class ChildWatch(QObject):
    message = Signal(str)  # for the user: stopped from outside, or running again

    def __init__(self, process: Callable[[], BaseProcess | None], parent: QObject | None = None):
        super().__init__(parent)
        self._process = process  # the run's child now (None between runs)
        self.stopped_outside = False  # the child was stopped by another program (SIGSTOP)
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self._look_at_child)

    def start(self) -> None:
        self.stopped_outside = False
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _look_at_child(self) -> None:
        """A child stopped from outside (SIGSTOP, a debugger) is said, and so is its going on."""
        pid = self.live_pid()
        now = pid is not None and training_process.stopped(pid)
        if now != self.stopped_outside:
            self.stopped_outside = now
            self.message.emit(self.tr(
                "The training process has been stopped by another program: the run does not go "
                "on. Stop ends it.") if now else self.tr("The training process runs again."))

    def live_pid(self) -> int | None:
        """The child's pid while it runs: None before it is started, and once it has ended
        (its fork server reaps it at once: the pid may be another process's already)."""
        p = self._process()
        return None if p is None or p.pid is None or p.exitcode is not None else p.pid

    def signal(self, sig: signal.Signals) -> bool:
        """Send ``sig`` to the child while it runs; whether it was sent."""
        if (pid := self.live_pid()) is None:
            return False
        try:
            os.kill(pid, sig)
        except OSError:  # it has just ended
            return False
        return True
