"""Training off the GUI thread: a QThread runs the core Trainer's generator.

What crosses threads is the trainer's frozen Progress records (copies), by queued signal. The
worker trains a copy of the network; the model receives parameter snapshots as they arrive.
"""

from __future__ import annotations

import math
import sys

import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from ..core.network import NetworkError
from ..core.trainer import Progress, Trainer
from .network_model import NetworkModel

# Records per second the worker sends: enough for a live plot, few enough to cost nothing.
REPORT_HZ = 30
EVALUATIONS_PER_RUN = 100
# A training thread running small numpy operations holds the GIL almost all the time; the GUI
# thread re-acquires it after every call into Qt and would wait the default 5 ms each time,
# which adds up to 100+ ms stalls per frame. 1 ms keeps the window responsive.
GIL_SWITCH_INTERVAL = 0.001


class _Worker(QObject):
    progressed = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, trainer: Trainer):
        super().__init__()
        self.trainer = trainer

    @Slot()
    def run(self) -> None:
        try:
            for record in self.trainer.run():
                self.progressed.emit(record)
        except Exception as e:  # noqa: BLE001 - any engine failure becomes a message, not a crash
            self.failed.emit(f"Training failed: {e}")
        self.done.emit()


class TrainingSession(QObject):
    state_changed = Signal(str)  # "idle", "running", "paused"
    progress_changed = Signal(int, int, float, float)  # done, total, it/s, seconds left
    message = Signal(str)  # for the user: divergence, errors, end of a run

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.state = "idle"
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._trainer: Trainer | None = None
        self._offset = 0
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_INTERVAL))

    # ----- control -------------------------------------------------------------------------------

    def start(self) -> bool:
        if self.state != "idle":
            return False
        m = self.model
        net = m.network.copy()
        X, X_test = m.dataset.inputs(net.input_dtype)
        every = max(1, math.ceil(m.hyper.iterations / EVALUATIONS_PER_RUN))
        try:
            trainer = Trainer(net, X, m.dataset.Y_train, m.hyper, report_every=10**9,
                              report_seconds=1 / REPORT_HZ, test=(X_test, m.dataset.Y_test),
                              evaluate_every=every, record_grad_norms=True)
        except NetworkError as e:
            self.message.emit(str(e))
            return False
        self._offset = len(m.history)
        self._trainer = trainer
        self._thread = QThread(self)
        self._worker = _Worker(trainer)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progressed)
        self._worker.failed.connect(self.message)
        # direct: QThread.quit is thread-safe, and wait() blocks the GUI thread that a queued
        # quit would need
        self._worker.done.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._thread.finished.connect(self._on_thread_finished)
        m.busy = True
        self._set_state("running")
        self.progress_changed.emit(0, m.hyper.iterations, 0.0, math.inf)
        self._thread.start()
        return True

    def pause(self) -> None:
        if self.state == "running":
            self._trainer.pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self.state == "paused":
            self._trainer.resume()
            self._set_state("running")

    def stop(self) -> None:
        if self._trainer is not None:
            self._trainer.stop()

    def wait(self, ms: int = 10_000) -> bool:
        """Stop and join the worker (closing the window)."""
        if self._thread is None:
            return True
        self.stop()
        return self._thread.wait(ms)

    def step_once(self) -> bool:
        """One iteration on the GUI thread: the same engine call, no thread for a few ms of work."""
        if self.state != "idle":
            return False
        m = self.model
        X = m.dataset.inputs(m.network.input_dtype)[0]
        try:
            m.hyper.validate(X.shape[1])
        except NetworkError as e:
            self.message.emit(str(e))
            return False
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            cost, _, dWs = m.network.iteration(X, m.dataset.Y_train, m.hyper.learning_rate, m.hyper.l2)
        m.append_history(np.array([cost]), np.array([[np.linalg.norm(d) for d in dWs]]))
        m.set_parameters(m.network.weights, m.network.biases)
        return True

    # ----- worker → GUI --------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)

    @Slot(object)
    def _on_progressed(self, p: Progress) -> None:
        m = self.model
        if len(p.costs):
            m.append_history(p.costs, p.grad_norms, p.evaluations, offset=self._offset)
        m.set_parameters(p.weights, p.biases, self._offset + p.done)
        self.progress_changed.emit(p.done, p.total, p.iterations_per_second, p.seconds_left)
        if p.state == "diverged":
            m.network.iterations_trained = self._trainer.network.iterations_trained
            m.truncate_history(m.network.iterations_trained)
            self.message.emit(p.message)
        elif p.state == "finished":
            self.message.emit(f"Trained {p.done} iterations in {p.elapsed:.1f} s; "
                              f"cost {float(p.costs[-1]) if len(p.costs) else float('nan'):.6f}.")
        elif p.state == "stopped":
            self.message.emit(f"Stopped after {p.done} of {p.total} iterations.")

    @Slot()
    def _on_thread_finished(self) -> None:
        self._worker.deleteLater()
        self._thread.deleteLater()
        self._thread = self._worker = self._trainer = None
        self.model.busy = False
        self._set_state("idle")
