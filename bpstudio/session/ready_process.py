"""The training process that waits ready for the window's next run (core/warm_process.py).

Once the window asks for it (``when_idle``), one is started while the window idles and again
after every run, with the data set sent ahead; Train takes it (``take``) and only hands it the
network. Closing ends it and starts no other: a child never outlives the window.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Slot

from ..core.warm_process import Data, WarmProcess
from .network_model import NetworkModel

# a ready process is started this long after a run ends (the old child's exit and the window's
# last frames first)
AFTER_RUN_MS = 300


class ReadyProcess(QObject):
    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.process: WarmProcess | None = None  # the child waiting for the next run
        self.wanted = False  # the window asked for one: one after every run too
        self.closed = False  # the window closed: no child is started any more
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.prepare)
        model.dataset_changed.connect(self._prime)
        model.architecture_changed.connect(self._prime)  # (the precision: other arrays)

    def when_idle(self, ms: int) -> None:
        """A ready process in ``ms``, and again after every run (``after_run``)."""
        self.wanted = True
        if not self.closed:
            self._timer.start(ms)

    def after_run(self) -> None:
        if self.wanted and not self.closed:
            self._timer.start(AFTER_RUN_MS)

    @Slot()
    def prepare(self) -> None:
        """A process ready for the next run, with the data set (both on other threads)."""
        if self.closed:
            return
        if self.process is None or not self.process.usable():
            self._discard()
            self.process = WarmProcess()
        self._prime()

    def data(self) -> Data:
        """The arrays a run trains on now (a data set converts its inputs once and keeps them)."""
        ds = self.model.dataset
        X, X_test = ds.inputs(self.model.network.input_dtype)
        return Data(X, ds.Y_train, (X_test, ds.Y_test))

    @Slot()
    def _prime(self) -> None:
        if self.process is not None and self.model.dataset.has_samples:
            self.process.prime(self.data())

    def take(self) -> WarmProcess:
        """The ready process for a run, or a new one (then the data goes with the run)."""
        self._timer.stop()
        process, self.process = self.process, None
        if process is None or not process.usable():
            if process is not None:
                _reap_later(process)
            process = WarmProcess()
        return process

    def close(self) -> None:
        self.closed = True
        self._discard()

    def _discard(self) -> None:
        self._timer.stop()
        if self.process is not None:
            _reap_later(self.process)
            self.process = None


def _reap_later(process: WarmProcess) -> None:
    """End it and wait for its exit on a thread of its own: the window never holds for it."""
    threading.Thread(target=process.reap, daemon=True, name="bpstudio-training-reap").start()
