"""The stepper as a session model: which samples, where in the iteration, and a safe what-if.

Stepping works on the stepper's own copy: moving through the steps, the update steps included,
never changes the network the rest of the app shows as trained, nor its training record. At the
end of an iteration the user may apply it (one undoable iteration of the network); until then the
diagram may preview the stepper's updated weights, marked as not applied. A picture nobody has
labelled is stepped through the forward pass; the loss needs its class, which the user chooses.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from ..core.messages import UserMessage
from ..core.network import Network, Parameters
from ..core.stepper import UPDATE, Step, Stepper
from ..core.trainer import RunState, gradient_norms
from ..core.vocabulary import BATCH, SAMPLE
from .background import BackgroundJob
from .network_model import COSTLY_WEIGHTS, NetworkModel

Move = Callable[[Stepper], int]  # where to go, from where the stepper is
Failed = Callable[[BaseException], None]  # told why an iteration was not laid out
# what a Stepper is laid out from: the network, X, Y (None: no label), α, λ, training's batch size
_Laid = tuple[Network, np.ndarray, np.ndarray | None, float, float, int | None]


class StepperModel(QObject):
    step_changed = Signal()  # the position moved, or a new iteration was laid out
    mode_changed = Signal()
    message = Signal(str)  # for the user: e.g. a picture chosen switched to one sample

    def __init__(self, model: NetworkModel, parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.mode = SAMPLE
        self._stepper: Stepper | None = None
        self._laid_from: Network | None = None  # the network the iteration was laid out from
        self._announce = QTimer(self)
        self._announce.setSingleShot(True)
        self._announce.timeout.connect(self.step_changed)
        self._layout = BackgroundJob("bpstudio-stepper-layout", self)
        self._pending: list[Move] = []  # the moves asked for while a costly one is laid out
        # what waits for the iteration (a weight chosen in the diagram, an export), and what it
        # is told when the iteration is not laid out after all
        self._then: list[tuple[Callable[[], None], Failed | None]] = []
        model.parameters_changed.connect(self._on_parameters_changed)
        for signal in (model.architecture_changed, model.dataset_changed):
            signal.connect(self._on_context_changed)
        model.run_state_changed.connect(self._on_run_state_changed)
        model.hyper_changed.connect(self._on_context_changed)
        model.sample.changed.connect(self._on_sample_changed)
        model.sample.label_chosen.connect(self._on_label_chosen)

    # ----- reading ---------------------------------------------------------------------------------

    @property
    def stepper(self) -> Stepper:
        """The iteration being stepped, laid out from the current network on first use."""
        if self._stepper is None:
            self._layout.cancel()
            self._laid_from = self.model.shown.network
            self._stepper = Stepper(*self._iteration())
        return self._stepper

    def _iteration(self) -> _Laid:
        """What a Stepper is laid out from: the network, X, Y, α, λ and the batch size of the
        mode."""
        model = self.model
        ds = model.dataset
        X: np.ndarray = ds.X_train
        Y: np.ndarray | None = ds.Y_train
        if self.mode == SAMPLE or not ds.has_samples:  # a model without data: its one input
            X = model.sample.x()
            label = model.sample.label()
            Y = None if label is None else np.array([[label]])  # no label: the forward pass only
        # the Stepper copies the start parameters itself; no second copy of a 50 MB W[1]
        hyper = model.shown.hyper  # a past iteration is stepped with its run's α and λ
        return model.shown.network, X, Y, hyper.learning_rate, hyper.l2, hyper.batch_size

    @property
    def iteration(self) -> Stepper | None:
        """The iteration laid out, if one is (this never lays one out)."""
        return self._stepper

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

    def current_step(self) -> Step | None:
        """The step last done, or None (also when no iteration is laid out: this never builds one,
        which for a wide first layer takes a noticeable fraction of a second)."""
        if self._stepper is None or not self.available:
            return None
        return self._stepper.current

    @property
    def available(self) -> bool:
        """Stepping works but while a run is going (paused, it shows the paused parameters), and
        at a past iteration of the run (time travel) even then: that iteration never changes."""
        return self.model.run_state is not RunState.RUNNING or self.past

    @property
    def needs_label(self) -> bool:
        """The forward pass of an unlabelled picture is done: the loss needs its class."""
        s = self._stepper
        return s is not None and self.available and s.forward_only and s.finished

    @property
    def at_end(self) -> bool:
        """A whole iteration has been stepped (it may be applied unless a run is paused)."""
        s = self._stepper
        return s is not None and self.available and not s.forward_only and s.finished

    @property
    def applicable(self) -> bool:
        """A whole iteration has been stepped: it may be applied to the network."""
        s = self._stepper
        return (s is not None and not self.model.busy and not s.forward_only and s.finished
                and not self.model.building and not self.past)

    @property
    def past(self) -> bool:
        """The iteration stepped is a past one of the run (time travel): shown, never applied."""
        return self.model.shown.network is not self.model.network

    def applying(self) -> UserMessage | None:
        """What Apply would do to the network, said as the numbers allow (None: nothing to
        apply yet)."""
        s = self._stepper
        if s is None or not self.at_end:
            return None
        return s.applying(int(self.model.dataset.X_train.shape[1]))

    def preview(self) -> Parameters | None:
        """The weights and biases as stepped so far, once an update step has changed one; None
        while the stepper shows the network's own parameters. Never applied by itself."""
        s = self._stepper
        if s is None or not self.available or s.forward_only:
            return None
        if s.position < s.first_of(UPDATE):
            return None
        return s.parameters()

    def position(self) -> int:
        """How many steps of the iteration are done (0 when none is laid out): what a session
        keeps."""
        return self._stepper.position if self._stepper is not None else 0

    # ----- moving ----------------------------------------------------------------------------------

    def go(self, position: int) -> None:
        if not self.available:
            return
        s = self.stepper
        old = s.position
        s.go(position)
        if s.position != old or position == 0:
            self.step_changed.emit()

    def _move(self, where: Move) -> None:
        """go(where(stepper)); a costly iteration is laid out on a thread first (0.4 s for a
        512-wide first layer on the cat images), and the moves asked for meanwhile follow."""
        if not self.available:
            return
        if self._stepper is not None or not self.costly:
            self.go(where(self.stepper))
            return
        self._pending.append(where)
        if not self._layout.running:
            self._laid_from = self.model.shown.network
            iteration = self._iteration()
            self._layout.start(lambda: Stepper(*iteration), self._on_laid_out,
                               self._on_layout_failed)
            self.step_changed.emit()  # the equation view says it is laying out

    def _on_laid_out(self, stepper: Stepper) -> None:
        self._stepper = stepper
        moves, self._pending = self._pending, []
        waiting, self._then = self._then, []
        if self.available:  # (else a run started meanwhile: the stepper waits for it)
            for where in moves:
                self.go(where(self.stepper))
        self.step_changed.emit()  # also when the moves went nowhere (← at the start)
        if self.available:
            for then, _ in waiting:
                then()
        else:
            self._fail(waiting, self._unavailable())

    def _on_layout_failed(self, error: BaseException) -> None:  # e.g. out of memory
        self._pending = []
        waiting, self._then = self._then, []
        self.step_changed.emit()  # the view leaves "laying out"
        why = (self.tr("out of memory") if isinstance(error, MemoryError) else
               str(error) or type(error).__name__)
        self._fail(waiting, self.tr("the iteration could not be laid out: {why}").format(
            why=why))

    @staticmethod
    def _fail(waiting: list[tuple[Callable[[], None], Failed | None]], why: str) -> None:
        """What waited for an iteration that is not laid out is told why (those that asked)."""
        error = RuntimeError(why)
        for _, failed in waiting:
            if failed is not None:
                failed(error)

    def _unavailable(self) -> str:
        return self.tr("training is running: there is no iteration to lay out")

    def when_laid_out(self, then: Callable[[], None], failed: Failed | None = None) -> None:
        """Call ``then`` once the current iteration is laid out: at once when it is (or is
        cheap), else after it is laid out on a thread, staying where the stepping is;
        ``failed(error)`` instead when it is not: the layout failed (out of memory), or the
        network, data, sample or run changed first, or training is running."""
        if not self.available:
            self._fail([(then, failed)], self._unavailable())
            return
        if self._stepper is not None or not self.costly:
            self.stepper  # noqa: B018 - lays it out
            then()
            return
        self._then.append((then, failed))
        self._move(lambda s: s.position)

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
        self._move(lambda s: s.first_of(phase) if any(st.phase == phase for st in s.steps)
                   else len(s.steps))

    def go_to_step(self, key: str, layer: int | None = None) -> bool:
        """Just after the step of the equation table's row ``key`` for ``layer`` (None: its
        first); "loss", "1a" and "1b" need not name the cost. False: no such step here."""
        if not self.available:
            return False
        if self._stepper is not None or not self.costly:  # (a costly one: laid out on a thread)
            if step_position(self.stepper, key, layer) is None:
                return False
        self._move(lambda s: step_position(s, key, layer) or s.position)
        return True

    def set_mode(self, mode: str) -> None:
        if mode != self.mode:
            self.mode = mode
            self._discard()
            self.mode_changed.emit()
            self.step_changed.emit()

    def choose_label(self, label: float) -> None:
        """The class of the user's picture: the iteration goes on past the forward pass."""
        self.model.sample.choose_label(label)

    def apply(self) -> bool:
        """Apply the stepped iteration to the network: one undoable iteration, exactly the
        engine's for the batch stepped. On one sample that is a step of stochastic gradient
        descent: the record keeps its cost, which is that sample's loss L, as one sample's."""
        if not self.applicable:
            return False
        s = self._stepper
        if s is None or s.dWs is None:  # (applicable: a whole iteration, with its labels)
            return False
        weights, biases = s.parameters()
        one_sample = s.samples == 1 and self.model.dataset.X_train.shape[1] > 1
        return self.model.apply_step("apply a stepped iteration", weights, biases, s.cost,
                                     gradient_norms(s.dWs), one_sample)

    # ----- what changes the iteration -----------------------------------------------------------------

    def _discard(self) -> None:
        """Forget the iteration in progress (nothing of it was applied)."""
        self._stepper = None
        self._layout.cancel()
        self._pending = []
        waiting, self._then = self._then, []
        if waiting:
            self._fail(waiting, self.tr("the network, its data, the sample or the run changed "
                                        "before the iteration was laid out"))

    def _on_context_changed(self, *args: object) -> None:
        """New parameters (training, undo, an applied step), a new network, data, sample or
        learning rate: a new iteration from the network as it now is."""
        self._discard()
        self._announce_soon()

    def _on_parameters_changed(self) -> None:
        """New parameters: a new iteration, unless the views show a past iteration still (the
        run's records change the latest parameters, not the ones stepped)."""
        s = self._stepper
        if s is not None and self.past and self._laid_from is self.model.shown.network:
            return
        self._on_context_changed()

    def _on_run_state_changed(self, state: RunState) -> None:
        """A run went on, paused or stopped: the views say so at once."""
        if not self.past:  # (a past iteration stays as it is stepped)
            self._discard()
        self.step_changed.emit()

    def _on_sample_changed(self, index: int) -> None:
        if self.model.sample.picture is not None and self.mode == BATCH:
            self.mode = SAMPLE  # a picture is one sample: stepping the batch would ignore it
            self.mode_changed.emit()
            self.message.emit(self.tr("Stepping one sample now: {name}.").format(
                name=self.model.sample.name()))
        self._on_context_changed()

    def _on_label_chosen(self) -> None:
        """The same forward pass, now with the loss and the backward pass after it."""
        s = self._stepper
        position = s.position if s is not None else 0
        self._discard()
        self._move(lambda s: position)
        self._announce_soon()

    def _announce_soon(self) -> None:
        """step_changed once per turn of the event loop: an edit replaces the architecture and the
        parameters one signal after the other, and each view would lay out an iteration twice."""
        if not self._announce.isActive():
            self._announce.start(0)


def step_position(stepper: Stepper, key: str, layer: int | None = None) -> int | None:
    """The position just after the first step of row ``key`` (or a row named ``key-…``: the loss
    and 等式1 are named after the cost) for ``layer``; None when the iteration has none."""
    return next((s.index + 1 for s in stepper.steps
                 if (s.equation.key == key or s.equation.key.startswith(key + "-"))
                 and (layer is None or s.layer == layer)), None)
