"""The studio: one session of BP Studio without any window. It makes and wires every session
model (the composition root: nothing else creates them) and offers what a user can do as
methods named as the user would say them. The window is built from it and shows it
(napari's ViewerModel and QtViewer); lessons, Record, scripts and tests drive it directly.

Most operations answer at once; what reads files, trains or lays out a costly iteration goes on
in the background and says when it is done through the parts' signals (``settled`` says when
nothing is under way any more)."""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.trainer import HyperParameters, RunState
from .classify import ClassifySession
from .explain_model import ExplainModel
from .network_model import NetworkModel
from .plane_maps import PlaneMaps
from .presentation import Presentation
from .runs import Runs, TwinRun
from .session_store import SessionStore
from .stepper_model import StepperModel
from .timeline_model import TimelineModel
from .training import TrainingSession

SETTLE_POLL_MS = 20  # how often ``when_settled`` looks whether the background work is done


class Studio(QObject):
    # every part's words for the user, in one stream (the window's status bar shows them)
    message = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.model = NetworkModel(self)
        self.training = TrainingSession(self.model, self)
        self.stepper = StepperModel(self.model, self)
        self.explain = ExplainModel(self.stepper, self)
        self.timeline = TimelineModel(self.model, self.training, self)
        self.runs = Runs(self.model, self.training, self.timeline, self)
        self.classify = ClassifySession(self.model, self)
        self.store = SessionStore(self.model, self.stepper, self.runs, self, self.classify)
        self.plane_maps = PlaneMaps(self.model, parent=self)
        self.presentation = Presentation(parent=self)
        for said in (self.model.error_reported, self.model.note, self.model.loader.cancelled,
                     self.training.message, self.stepper.message, self.timeline.message,
                     self.runs.message, self.classify.message, self.classify.refused,
                     self.store.message):
            said.connect(self.message)
        # asked before an opened file would replace trained work (``what``: "data", "model" or
        # "session"; the window asks about unsaved training): False leaves everything as it is
        self.may_replace: Callable[[str], bool] = lambda what: True
        self.model.data.may_replace = lambda what: self.may_replace(what)
        self.classify.session_requested.connect(self.open_session)
        self.training.state_changed.connect(self._on_training_state)
        # twins of another data set go when the data changes (an opened session brings its own)
        self.model.dataset_changed.connect(
            lambda: None if self.store.restoring else self.runs.keep_to_the_data())
        self._was_training = False
        self._waiting: list[Callable[[], None]] = []  # for when_settled
        self._poll = QTimer(self)
        self._poll.setInterval(SETTLE_POLL_MS)
        self._poll.timeout.connect(self._check_settled)

    # ----- reading ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Something is under way in the background: a file read, a network drawn, a run, a
        costly iteration laid out, a save, pictures decoded."""
        return bool(self.model.loader.running or self.model.building or self.runs.training_any
                    or self.timeline.settling or self.stepper.laying_out or self.store.saving or self.classify.pending
                    or self.classify.predictions.pending)

    @property
    def has_unsaved_training(self) -> bool:
        """Training that closing would lose: iterations trained since the session was saved or
        opened (the window's run or a twin's), or a run under way. Stepping, an opened model or
        data set, an edit are no training."""
        return any(self.store.unsaved_iterations()) or self.runs.training_any

    def when_settled(self, then: Callable[[], None]) -> None:
        """Call ``then`` once nothing is under way (at once when nothing is)."""
        self._waiting.append(then)
        self._check_settled()

    def _check_settled(self) -> None:
        if self.busy:
            self._poll.start()
            return
        self._poll.stop()
        waiting, self._waiting = self._waiting, []
        for then in waiting:
            then()

    # ----- files -----------------------------------------------------------------------------------

    def open(self, *paths: str) -> None:
        """Files as a drop opens them: sessions, data sets (the cat data's folder, .h5, .csv, a
        folder of class folders), models and pictures (classified), each problem said."""
        self.classify.open_paths(list(paths))

    def open_dataset(self, path: str, then: Callable[[], None] | None = None,
                     otherwise: Callable[[], None] | None = None) -> bool:
        """The cat data (its folder or either .h5), or any .h5 of its layout; True: on its way."""
        return self.model.data.open_dataset(path, then, otherwise)

    def open_csv(self, path: str) -> bool:
        return self.model.data.open_csv(path)

    def open_image_folder(self, path: str, side: int = 64) -> bool:
        return self.model.data.open_image_folder(path, side)

    def use_builtin(self, name: str) -> bool:
        """A built-in data set: the tutorial's three features, or a 2-D plane of the playground."""
        return self.model.data.use_builtin(name)

    def open_model(self, path: str, otherwise: Callable[[], None] | None = None) -> bool:
        return self.classify.open_model(path, otherwise)

    def open_session(self, path: str) -> bool:
        """A .bpstudio file in place of this session (read in the background); False: refused,
        or ``may_replace("session")`` kept the session there is."""
        return self.may_replace("session") and self.store.open(path)

    def save_session(self, path: str | None = None) -> bool:
        """Write the session now (to its own file when no path is given)."""
        return self.store.save(path)

    # ----- the network -----------------------------------------------------------------------------

    def choose_preset(self, key: str) -> bool:
        return self.model.apply_preset(key)

    def set_layers(self, dims: Iterable[int], activations: Sequence[str] | None = None) -> bool:
        """The sizes of every layer after the input, e.g. [20, 7, 5, 1] (the input is the data's);
        ``activations`` one per layer after the input, or None to keep them as they are."""
        return self.model.set_layers(dims, activations)

    def set_layer_size(self, layer: int, neurons: int) -> bool:
        return self.model.set_layer_size(layer, neurons)

    def set_activation(self, layer: int, name: str) -> bool:
        return self.model.set_activation(layer, name)

    def add_hidden_layer(self, neurons: int = 4, activation: str = "relu") -> bool:
        return self.model.add_hidden_layer(neurons, activation)

    def remove_hidden_layer(self, layer: int) -> bool:
        return self.model.remove_hidden_layer(layer)

    def set_network_option(self, **fields: object) -> bool:
        """The cost, initialiser, seed or precision."""
        return self.model.set_network_option(**fields)

    def set_hyper(self, **changes: object) -> bool:
        """learning_rate, iterations, batch_size, l2, …"""
        return self.model.set_hyper(**changes)

    def set_plane(self, **changes: object) -> bool:
        """The playground's data: noise, training share, features, a new seed."""
        return self.model.data.set_plane(**changes)

    def reset_parameters(self) -> bool:
        return self.model.reset_parameters()

    def undo(self) -> bool:
        return self.model.undo()

    def redo(self) -> bool:
        return self.model.redo()

    @property
    def hyper(self) -> HyperParameters:
        return self.model.hyper

    # ----- training --------------------------------------------------------------------------------

    def train(self) -> bool:
        """The hyper-parameters' number of iterations, in a training process."""
        return self.training.start()

    def train_to(self, iteration: int) -> bool:
        """Train until the network (and each twin run) has done ``iteration`` iterations, every
        run at once (False: they all have already)."""
        return self.runs.train_together(to=int(iteration))

    def train_one_iteration(self) -> bool:
        return self.training.step_once()

    def pause(self) -> None:
        self.training.pause()

    def resume(self) -> None:
        self.training.resume()

    def stop(self) -> None:
        """Stop the window's run; runs of "train every run at once" still waiting for a core
        start no more."""
        self.runs.stop_queued()
        self.training.stop()

    def set_pace(self, pace: float | None, stepwise: bool = False) -> None:
        self.training.set_pace(pace, stepwise)

    def _on_training_state(self, state: RunState) -> None:
        idle = not self.model.busy
        if idle and self._was_training:
            self.store.autosave()  # training stopped: keep what it learned
        self._was_training = not idle

    # ----- stepping through the tutorial's equations -----------------------------------------------

    def step_next(self) -> None:
        self.stepper.next()

    def step_back(self) -> None:
        self.stepper.previous()

    def step_home(self) -> None:
        self.stepper.home()

    def step_to_end(self) -> None:
        self.stepper.run_to_end()

    def step_to(self, key: str, layer: int | None = None) -> bool:
        """Just after a step of the tutorial's equations, by its name: ``step_to("2a", 3)`` is
        等式2's first half for layer 3; "loss", "1a" and "1b" need not name the cost. False: the
        network has no such step (e.g. 2a of the output layer)."""
        return self.stepper.go_to_step(key, layer)

    def set_step_mode(self, mode: str) -> None:
        """"sample" (one sample: δ, L) or "batch" (all m: dZ, C)."""
        self.stepper.set_mode(mode)

    def apply_stepped_iteration(self) -> bool:
        return self.stepper.apply()

    def choose_sample(self, index: int) -> None:
        """A training sample (0-based) as the one stepped and shown."""
        self.model.sample.choose(index)

    def choose_label(self, label: float) -> None:
        """The class of the user's own picture, so its loss and backward pass can follow."""
        self.stepper.choose_label(label)

    # ----- explaining a number ---------------------------------------------------------------------

    def explain_cell(self, view: int, row: int, col: int) -> None:
        """A cell of the current step: ``view`` an operand's index, -1 its result (0-based)."""
        self.explain.choose(view, row, col)

    def explain_weight(self, layer: int, j: int, k: int) -> None:
        """w[l]ⱼₖ chosen in the diagram: its dW explained (0-based j and k)."""
        self.explain.choose_weight(layer, j, k)

    def nudge(self) -> None:
        self.explain.nudge()

    def close_explanation(self) -> None:
        self.explain.close()

    # ----- time travel and twin runs ---------------------------------------------------------------

    def move_time_cursor(self, iteration: int | None) -> None:
        """Show iteration ``iteration`` of the run in every view (None: now)."""
        self.timeline.set_cursor(iteration)

    def back_to_now(self) -> None:
        self.timeline.now()

    def continue_from_here(self) -> bool:
        return self.timeline.continue_from_here()

    def fork_twin(self, from_cursor: bool = False, name: str | None = None,
                  **changes: object) -> TwinRun | None:
        """A twin of the run with some settings changed (learning_rate, init, activations,
        batch_size, l2, dims, iterations), from its first iteration or the cursor's."""
        return self.runs.fork(from_cursor, name, **changes)

    def remove_twins(self) -> None:
        self.runs.remove_twins()

    def train_every_run(self) -> bool:
        return self.runs.train_together()

    def run_comparison(self, key: str, iterations: int | None = None,
                       confirm: Callable[[], bool] = lambda: True) -> bool:
        """One of the ready-made comparisons (core/comparisons.py) on the cat data; ``confirm``
        is asked before it replaces the runs (False: it does not)."""
        return self.runs.start_comparison(key, iterations, confirm)

    # ----- pictures --------------------------------------------------------------------------------

    def classify_pictures(self, *paths: str) -> None:
        """Is it a cat? Each picture classified by the network as it is."""
        self.classify.open_paths(list(paths))

    def choose_picture(self, index: int) -> None:
        """A classified picture (its place in the gallery) as the sample stepped."""
        self.classify.select(index)

    # ----- presenting ------------------------------------------------------------------------------

    def present(self, stage: str | None = None) -> bool:
        """Presentation mode on a stage: equations, network, training, classify or mixed."""
        return self.presentation.present(stage)

    def stop_presenting(self) -> None:
        self.presentation.leave()

    # ----- the end ---------------------------------------------------------------------------------

    def shut_down(self) -> None:
        """Closing: a file being read is not waited for; every run stops, its last parameters
        kept; the picture threads end; nothing is autosaved any more."""
        self.store.autosave_timer.stop()
        self.model.loader.cancel()
        self.runs.stop_queued()  # no run waiting for a core starts while the others end
        self.training.wait()
        for twin in self.runs.twins:
            twin.training.wait()
        self.classify.shutdown()
