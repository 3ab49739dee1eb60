"""Predictions that follow the network as it trains, without holding up the window.

The classify gallery and the test-set gallery show p(class 1) for every image with the current
parameters. Keeping them current costs a forward pass of all their images at each new set of
parameters (a few a second while training): 50 test images through a 512-wide first layer is
0.3·10⁹ multiply-adds, which took up to 0.7 s of the GUI thread on a busy machine (the monkey's
1.4 s stall). Small passes still run at once, so an edit shows in the same turn; bigger ones run on
a thread (numpy releases the GIL), the newest parameters going in when the last pass lands, and
while training each pass is followed by a rest twice its length, so the galleries take at most a
third of a core from the training run.
"""

from __future__ import annotations

import copy
import time
from typing import Callable, NamedTuple

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from .background import BackgroundJob
from .network_model import NetworkModel

INLINE_MACS = 4_000_000  # a few ms: done at once
REST_FACTOR = 2.0  # while training, a pass is followed by a rest this many times its length


class _Request(NamedTuple):
    inputs: Callable[[], np.ndarray]
    rows: int
    columns: int  # how many the inputs make
    then: Callable[[np.ndarray], None]


class Predictions(QObject):
    failed = Signal(str)  # why a pass could not run (e.g. no memory for a huge gallery)

    def __init__(self, model: NetworkModel, name: str, parent: QObject | None = None,
                 clock: Callable[[], float] = time.perf_counter):
        super().__init__(parent)
        self.model = model
        self.clock = clock
        self._job = BackgroundJob(name, self)
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.timeout.connect(self._after_rest)
        self._request: _Request | None = None
        self._stale = False  # a request came while a pass ran or rested

    @property
    def pending(self) -> bool:
        """What is shown is not yet for the network's current parameters."""
        return self._job.running or self._stale

    def request(self, inputs: Callable[[], np.ndarray], rows: int, count: int,
                then: Callable[[np.ndarray], None]) -> None:
        """p = A[L][0] of the ``count`` columns of ``rows`` numbers ``inputs()`` makes, with the
        parameters as they are when the pass starts; ``then(p)`` on the GUI thread. A newer
        request replaces one not yet started; one whose rows no longer fit the network (the
        data set changed meanwhile) is dropped."""
        self._request = _Request(inputs, rows, count, then)
        if self._job.running or self._rest.isActive():
            self._stale = True
            return
        self._run()

    def cancel(self) -> None:
        self._job.cancel()
        self._rest.stop()
        self._request, self._stale = None, False

    def _run(self) -> None:
        if self._request is None:  # (cancelled: nothing runs)
            return
        inputs, rows, count, then = self._request
        self._stale = False
        net = self.model.shown.network
        if net.dims[0] != rows:
            self._request = None
            return
        if count * net.weight_count <= INLINE_MACS:
            then(net.predict_proba(inputs())[0])
            return
        frozen = copy.copy(net)  # parameters are replaced, never written into: lists suffice
        frozen.weights, frozen.biases = list(net.weights), list(net.biases)
        started = self.clock()

        def landed(p: np.ndarray) -> None:
            then(p)
            if self.model.busy:  # more parameters to come
                self._rest.start(int(1000 * REST_FACTOR * (self.clock() - started)))
            else:
                self._after_rest()

        def failed(error: BaseException) -> None:  # said once; a request meanwhile would fail too
            self._request, self._stale = None, False
            self.failed.emit(str(error))

        self._job.start(lambda: frozen.predict_proba(inputs())[0], landed, failed)

    @property
    def resting(self) -> bool:
        """Training goes on and the last pass's rest has not ended: a new request waits."""
        return self._rest.isActive()

    def end_rest(self) -> None:
        """End the rest now (the next request runs at once)."""
        if self._rest.isActive():
            self._rest.stop()
            self._after_rest()

    def _after_rest(self) -> None:
        if self._stale:
            self._run()
