"""The stepper as a session model: which samples, where in the iteration, and what that means for
the network's parameters and training record.

Moving through the update steps writes the parameters of that position into the NetworkModel, so
the diagram shows the changed weights and stepping back restores them exactly. Finishing the last
step completes the iteration: the cost joins the record (a new point on the cost plot).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.stepper import Stepper
from ..core.trainer import gradient_norms
from .background import BackgroundJob
from .network_model import COSTLY_WEIGHTS, NetworkModel

SAMPLE, BATCH = "sample", "batch"


class StepperModel(QObject):
    step_changed = Signal()  # the position moved, or a new iteration was laid out
    mode_changed = Signal()

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.mode = SAMPLE
        self._stepper: Stepper | None = None
        self._committed = False
        self._writing = False  # our own parameter writes must not throw the iteration away
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.timeout.connect(self.step_changed)
        self._layout = BackgroundJob("bpstudio-stepper-layout", self)
        self._pending = []  # the moves asked for while a costly iteration is laid out
        for signal in (model.parameters_changed, model.architecture_changed, model.dataset_changed):
            signal.connect(self._on_parameters_replaced)
        model.hyper_changed.connect(self._on_context_changed)
        model.sample_changed.connect(self._on_context_changed)

    # ----- reading ---------------------------------------------------------------------------------

    @property
    def stepper(self) -> Stepper:
        """The iteration being stepped, laid out from the current network on first use."""
        if self._stepper is None:
            self._layout.cancel()
            self._stepper = Stepper(*self._iteration())
            self._committed = False
        return self._stepper

    def _iteration(self) -> tuple:
        """What a Stepper is laid out from: the network, X, Y, α and λ of the mode."""
        m = self.model
        ds = m.dataset
        X, Y = ds.X_train, ds.Y_train
        if self.mode == SAMPLE:
            X = m.sample_x()
            label = m.sample_label()
            # a user's photo has no label: the backward pass assumes class 1 ("cat")
            Y = np.array([[1.0 if label is None else label]])
        # the Stepper copies the start parameters itself; no second copy of a 50 MB W[1]
        return m.network, X, Y, m.hyper.learning_rate, m.hyper.l2

    @property
    def laying_out(self) -> bool:
        """A costly iteration is being laid out on a thread; the step asked for follows."""
        return self._layout.running

    @property
    def laid_out(self) -> bool:
        """Whether the current iteration's steps exist (they are computed on first use)."""
        return self._stepper is not None

    @property
    def costly(self) -> bool:
        """Laying out an iteration of this network would hold up the window (a wide first layer on
        images: ~0.2–0.5 s, mostly fresh memory for W[1]'s copies): wait until the user steps."""
        return self.model.network.weight_count > COSTLY_WEIGHTS

    def current_step(self):
        """The step last done, or None (also when no iteration is laid out: this never builds one,
        which for a wide first layer takes a noticeable fraction of a second)."""
        if self._stepper is None or not self.available:
            return None
        return self._stepper.current

    @property
    def available(self) -> bool:
        return not self.model.busy

    def snapshot(self) -> tuple[int, list | None, list | None]:
        """(position, start weights, start biases) of an iteration in progress; (0, None, None)
        when none is (nothing stepped, or the last one completed)."""
        s = self._stepper
        if s is None or s.position == 0 or self._committed:
            return 0, None, None
        return s.position, list(s.start_weights), list(s.start_biases)

    # ----- moving ----------------------------------------------------------------------------------

    def go(self, position: int) -> None:
        if not self.available:
            return
        s = self.stepper
        if position > len(s.steps) and s.finished:  # past the end: the next iteration
            self._stepper = None
            position = 1
            s = self.stepper
        old = s.position
        s.go(position)
        if s.position != old or position == 0:
            self._apply(old)
            self.step_changed.emit()

    def _move(self, where) -> None:
        """go(where(stepper)); a costly iteration is laid out on a thread first (0.4 s for a
        512-wide first layer on the cat images), and the moves asked for meanwhile follow."""
        if not self.available:
            return
        if self._stepper is not None or not self.costly:
            self.go(where(self.stepper))
            return
        self._pending.append(where)
        if not self._layout.running:
            iteration = self._iteration()
            self._layout.start(lambda: Stepper(*iteration), self._on_laid_out,
                               self._on_layout_failed)
            self.step_changed.emit()  # the equation view says it is laying out

    def _on_laid_out(self, stepper: Stepper) -> None:
        self._stepper, self._committed = stepper, False
        moves, self._pending = self._pending, []
        if self.available:  # (else a run started meanwhile: its records replace the parameters)
            for where in moves:
                self.go(where(self.stepper))
        self.step_changed.emit()  # also when the moves went nowhere (← at the start)

    def _on_layout_failed(self, error: BaseException) -> None:  # e.g. out of memory
        self._pending = []
        self.step_changed.emit()  # the view leaves "laying out"

    def next(self) -> None:
        self._move(lambda s: s.position + 1)

    def previous(self) -> None:
        if self._stepper is not None or self.laying_out:  # else there is no step to go back from
            self._move(lambda s: s.position - 1)

    def home(self) -> None:
        if self._stepper is not None or self.laying_out:  # else nothing was stepped
            self._move(lambda s: 0)

    def run_to_end(self) -> None:
        self._move(lambda s: len(s.steps))

    def jump_to(self, phase: str) -> None:
        self._move(lambda s: s.first_of(phase))

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self._discard()
            self.mode_changed.emit()
            self.step_changed.emit()

    # ----- effects on the network model --------------------------------------------------------------

    def _apply(self, old_position: int) -> None:
        """Write the parameters of the new position; commit or withdraw the finished iteration."""
        s = self.stepper
        m = self.model
        weights, biases = s.parameters()
        base = m.network.iterations_trained - (1 if self._committed else 0)
        if s.finished and not self._committed:
            m.append_history(np.array([s.cost]),
                             np.array([gradient_norms(s.dWs)]))
            self._committed = True
        elif not s.finished and self._committed:
            m.truncate_history(len(m.history) - 1)
            self._committed = False
        self._writing = True
        try:
            m.set_parameters(weights, biases, base + (1 if self._committed else 0))
        finally:
            self._writing = False

    def _discard(self) -> None:
        """Forget the iteration in progress; a half-done one first gives back its start parameters,
        so the network never keeps some layers updated and others not."""
        s = self._stepper
        if s is not None and 0 < s.position and not self._committed:
            self._writing = True
            try:
                self.model.set_parameters(s.start_weights, s.start_biases)
            finally:
                self._writing = False
        self._stepper = None
        self._committed = False
        self._layout.cancel()
        self._pending = []

    def _on_parameters_replaced(self) -> None:
        """Training, undo or a new network: those parameters stand; lay out a new iteration."""
        if self._writing:
            return
        self._stepper = None
        self._committed = False
        self._layout.cancel()  # it lays out an iteration of parameters that no longer stand
        self._pending = []
        self._announce_soon()

    def _on_context_changed(self, *args) -> None:
        """Another sample or learning rate: the same start parameters, a new iteration."""
        self._discard()
        self._announce_soon()

    def _announce_soon(self) -> None:
        """step_changed once per turn of the event loop: an edit replaces the architecture and the
        parameters one signal after the other, and each view would lay out an iteration twice."""
        if not self._announce.isActive():
            self._announce.start(0)
