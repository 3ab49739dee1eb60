"""The session's model: the network, its data set, hyper-parameters and training record.

Widgets call the setters; every change comes back as a signal that all views redraw from. Edits that
re-initialise the parameters go through an undo stack (undo.py), so trained parameters come back with Ctrl+Z.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Iterable, Sequence

import numpy as np
from PySide6.QtCore import QObject, Signal

from ..core.datasets import Dataset, builtin_dataset
from ..core.losses import LOSSES
from ..core.network import (MAX_HIDDEN_LAYERS, MAX_NEURONS, Network, NetworkError, check_editable,
                            validate_settings, weight_count)
from ..core.presets import PRESETS, PresetError, preset_setup
from ..core.trainer import Evaluation, HyperParameters, RunState
from .background import BackgroundJob
from .current_sample import CurrentSample
from .data_choice import DataChoice
from .history import History
from .loading import FileLoader
from .messages import dataset_name, sentence, sentences, translated
from .shown_iteration import ShownIteration
from .undo import Arrays, ChangeParameters, ReplaceState, State, Trained, UndoStack

# Networks with more weights than this are drawn on a thread (0.25 s for the 6.3 million of a
# 512-wide first layer on the cat images) and stepped lazily; the seed's cat network has 246,000.
COSTLY_WEIGHTS = 1_000_000
# undo steps kept (each holds a network's parameters: 2 MB for the cat network, 50 MB at most)
UNDO_LIMIT = 40


class NetworkModel(QObject):
    architecture_changed = Signal()  # dims, activations, cost or precision
    parameters_changed = Signal()  # W and b (training, reset, undo)
    dataset_changed = Signal()
    hyper_changed = Signal()
    history_changed = Signal()  # reset or replaced; appends come as history_appended
    history_appended = Signal()
    run_state_changed = Signal(object)  # RunState: a training run started, paused, went on, ended
    error_reported = Signal(str)  # a message for the user; nothing was changed
    building_changed = Signal(bool)  # a costly network is being drawn; edits wait for it
    note = Signal(str)  # for the user: something was done, with a remark (files skipped)
    # the network or the data now come from elsewhere (a preset, a data file, a model file):
    # what is on screen is no longer the session that was opened
    session_replaced = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = UndoStack(UNDO_LIMIT, self)
        self.dataset = builtin_dataset("three-features")
        self.hyper = HyperParameters(learning_rate=0.5, iterations=1000)
        self.network = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
        self.history = History(self.network.L)
        self.run_state = RunState.IDLE  # the one copy: the training session sets, all others read
        self._builder = BackgroundJob("bpstudio-network-build", self)
        self.loader = FileLoader(self)  # every file opened is read there (the window shows it)
        self.sample = CurrentSample(self, self)  # made before any view connects to its signals
        self.shown = ShownIteration(self, self)
        self.data = DataChoice(self, self)

    # ----- reading ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A training run owns the parameters (running or paused): edits wait for it."""
        return self.run_state is not RunState.IDLE

    def set_run_state(self, state: RunState) -> None:
        if not isinstance(state, RunState):  # a string would never equal a state: say so at once
            raise TypeError(f"a run state is a RunState, not {state!r}")
        if state is not self.run_state:
            self.run_state = state
            self.run_state_changed.emit(state)

    @property
    def building(self) -> bool:
        """A costly edit's network is being drawn on a thread; it lands as the edit when done."""
        return self._builder.running

    # ----- undoable edits --------------------------------------------------------------------------

    def state(self) -> State:
        return State(self.network, self.history, self.dataset, self.hyper)

    def restore_state(self, state: State) -> None:
        arch = any(getattr(state.network, k) != getattr(self.network, k)
                   for k in ("dims", "activations", "loss", "precision"))
        data = state.dataset is not self.dataset
        hyper = state.hyper != self.hyper
        self.network, self.history, self.dataset, self.hyper = (
            state.network, state.history, state.dataset, state.hyper)
        if data:
            self.dataset_changed.emit()
        if arch:
            self.architecture_changed.emit()
        if hyper:
            self.hyper_changed.emit()
        self.parameters_changed.emit()
        self.history_changed.emit()

    def _rebuild(self, text: str, dims: Sequence[int] | None = None,
                 activations: Sequence[str] | None = None, dataset: Dataset | None = None,
                 hyper: HyperParameters | None = None, replaces: bool = False, **network_fields: Any) -> bool:
        """Push an undoable edit that builds a freshly initialised network: at once, or a costly
        one on a thread (True then: on its way). ``replaces``: a new session (see session_replaced)."""
        if self._refused_while_busy():  # before building: a 512-wide W[1] takes 0.25 s to draw
            return False
        net = self.network
        dataset = dataset or self.dataset
        dims = list(dims or net.dims)
        dims[0] = dataset.n_features
        fields: dict[str, Any] = dict(loss=net.loss, init=net.init, seed=net.seed, precision=net.precision)
        fields.update(network_fields)
        activations = list(activations or net.activations)
        required = LOSSES[fields["loss"]].required_output if fields["loss"] in LOSSES else None
        if required:
            activations[-1] = required
        try:  # here, not on the thread: a bad value is refused at once
            validate_settings(dims, activations, fields["loss"], fields["init"], fields["precision"],
                              fields["seed"])
        except NetworkError as e:
            self.error_reported.emit(translated(e))
            return False

        def build() -> Network | NetworkError:
            try:
                return Network.create(dims, activations, **fields)
            except NetworkError as e:
                return e

        def land(new: Network | NetworkError) -> bool:
            if isinstance(new, NetworkError):
                self.error_reported.emit(translated(new))
                return False
            # the hyper-parameters as they are when it lands: one typed meanwhile stays
            return self._push(State(new, History(new.L), dataset, hyper or self.hyper), text, replaces)

        if weight_count(dims) <= COSTLY_WEIGHTS:
            return land(build())

        def landed(new: Network | NetworkError) -> None:
            self.building_changed.emit(False)
            land(new)

        def failed(error: BaseException) -> None:  # e.g. out of memory
            self.building_changed.emit(False)
            self.error_reported.emit(self.tr("The new network could not be built ({why}); nothing "
                                             "was changed.").format(why=f"{type(error).__name__}: {error}"))

        self._builder.start(build, landed, failed)
        self.building_changed.emit(True)
        return True

    def _push(self, state: State, text: str, replaces: bool = False) -> bool:
        """The one way an edit replaces the network or data: refused while a run owns them."""
        if self._refused_while_busy():
            return False
        self.undo_stack.push(ReplaceState(self, state, text))
        if replaces:
            self.session_replaced.emit()
        return True

    def _refused_while_busy(self, busy_text: str | None = None) -> bool:
        if self.busy:
            self.error_reported.emit(busy_text or self.tr("Stop training before changing the "
                                                          "network or the data set."))
        elif self.building:
            self.error_reported.emit(self.building_message())
        return self.busy or self.building

    def building_message(self) -> str:
        return self.tr("The new network's weights are still being drawn; a moment, please.")

    def _sizes_refused(self, hidden: Sequence[int]) -> bool:
        """At most MAX_HIDDEN_LAYERS hidden layers of 1 to MAX_NEURONS neurons (else said)."""
        wrong = next((n for n in hidden if not 1 <= n <= MAX_NEURONS), None)
        if wrong is not None:
            self.error_reported.emit(self.tr("A hidden layer has 1 to {max} neurons; {n} is out "
                                             "of range.").format(max=MAX_NEURONS, n=wrong))
        elif len(hidden) > MAX_HIDDEN_LAYERS:
            self.error_reported.emit(self.tr("At most {n} hidden layers.").format(n=MAX_HIDDEN_LAYERS))
        return wrong is not None or len(hidden) > MAX_HIDDEN_LAYERS

    def undo(self) -> bool:
        return self._travel(self.undo_stack.can_undo(), self.undo_stack.undo)

    def redo(self) -> bool:
        return self._travel(self.undo_stack.can_redo(), self.undo_stack.redo)

    def _travel(self, possible: bool, go: Callable[[], None]) -> bool:
        if not possible or self._refused_while_busy(
                self.tr("Stop training before undoing or redoing an edit.")):
            return False
        go()
        return True

    def set_layer_size(self, layer: int, n: int) -> bool:
        """Neurons of hidden layer ``layer`` (1…L−1); 1 up to MAX_NEURONS."""
        if self._sizes_refused([n]) or not 1 <= layer < self.network.L:
            return False
        dims = list(self.network.dims[1:])
        dims[layer - 1] = n
        return self.set_layers(dims, self.network.activations, f"layer {layer}: {n} neurons")

    def set_activation(self, layer: int, name: str) -> bool:
        if not 1 <= layer <= self.network.L or self.network.activations[layer - 1] == name:
            return False
        acts = list(self.network.activations)
        acts[layer - 1] = name
        if layer == self.network.L and LOSSES[self.network.loss].required_output not in (None, name):
            self.error_reported.emit(
                self.tr("With cross-entropy the output stays sigmoid; choose the mean squared error "
                        "cost for another output activation."))
            return False
        return self._rebuild(f"layer {layer}: {name}", activations=acts)

    def add_hidden_layer(self, n: int = 4, activation: str = "relu") -> bool:
        dims, acts = list(self.network.dims[1:]), list(self.network.activations)
        dims.insert(-1, n)
        acts.insert(-1, activation)
        return self.set_layers(dims, acts, "add a hidden layer")

    def remove_hidden_layer(self, layer: int) -> bool:
        if not 1 <= layer < self.network.L:
            return False
        dims, acts = list(self.network.dims[1:]), list(self.network.activations)
        del dims[layer - 1], acts[layer - 1]
        return self.set_layers(dims, acts, f"remove layer {layer}")

    def set_layers(self, dims: Iterable[int], activations: Sequence[str] | None = None,
                   text: str = "") -> bool:
        """Every layer's size after the input's (the data's), in one edit."""
        dims = [self.dataset.n_features, *(int(n) for n in dims)]
        if self._sizes_refused(dims[1:-1]):
            return False
        if activations is None:  # a new hidden layer like the last one (ReLU if there was none)
            *hidden, out = self.network.activations
            activations = (hidden + (hidden or ["relu"])[-1:] * len(dims))[:len(dims) - 2] + [out]
        if (tuple(dims), tuple(activations)) == (self.network.dims, self.network.activations):
            return False
        return self._rebuild(text or "layers " + "–".join(map(str, dims)), dims=dims,
                             activations=list(activations))

    def set_network_option(self, **fields: Any) -> bool:
        """loss, init, seed or precision; all but precision re-initialise the parameters."""
        net = self.network
        changed = {k: v for k, v in fields.items() if getattr(net, k) != v}
        if not changed:
            return False
        if set(changed) == {"precision"}:
            try:
                new = replace(net.copy(), precision=changed["precision"])  # validated there
            except NetworkError as e:
                self.error_reported.emit(sentence(translated(e)))
                return False
            state = State(new, self.history, self.dataset, self.hyper)
            return self._push(state, f"precision {changed['precision']}")
        text = ", ".join(f"{k} {v}" for k, v in changed.items())
        return self._rebuild(text, **changed)

    def reset_parameters(self) -> bool:
        """Re-initialise with the same architecture and seed (undoable)."""
        return self._rebuild("reset parameters")

    def apply_preset(self, key: str) -> bool:
        try:
            setup = preset_setup(key, self.dataset)
        except PresetError as e:
            self.error_reported.emit(sentence(translated(e)))
            return False
        hyper = replace(self.hyper, learning_rate=setup.learning_rate, iterations=setup.iterations)
        return self._rebuild(PRESETS[key].title, dims=list(setup.dims),
                             activations=list(setup.activations), dataset=setup.dataset,
                             hyper=hyper, replaces=True, loss="bce", init="lecun", seed=1)

    def preset_available(self, key: str) -> bool:
        p = PRESETS[key]
        return p.builtin is not None or p.n_inputs in (None, self.dataset.n_features)

    # ----- data ------------------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset, text: str, replaces: bool = False) -> bool:
        """``replaces``: another data set, not the same one made anew (see session_replaced)."""
        if dataset.n_features == self.network.dims[0]:
            return self._push(State(self.network, self.history, dataset, self.hyper), text, replaces)
        dims, acts, hyper = list(self.network.dims), None, self.hyper
        if dataset.n_features == PRESETS["four-layer"].n_inputs and self.network.dims[1:] == (2, 1):
            # from the first-start 3–2–1 network to the cat data: the seed's cat network
            cat = preset_setup("four-layer", dataset)
            dims, acts = list(cat.dims), list(cat.activations)
            hyper = replace(hyper, learning_rate=cat.learning_rate, iterations=cat.iterations)
        if hyper.batch_size is not None and hyper.batch_size > dataset.X_train.shape[1]:
            hyper = replace(hyper, batch_size=None)
        return self._rebuild(text, dims=dims, activations=acts, dataset=dataset, hyper=hyper,
                             replaces=replaces)

    def set_network(self, network: Network, text: str, inputs: Dataset | None = None) -> bool:
        """Use a loaded network (undoable); it must fit the editor. One that does not take this
        data set's inputs comes with its own: ``inputs``, its file's input shape and class names
        without samples (core.datasets.model_inputs): it classifies; training waits for data."""
        try:
            check_editable(network.dims)
        except NetworkError as e:
            self.error_reported.emit(sentence(f"{text}: {translated(e)}"))
            return False
        dataset, hyper = self.dataset, self.hyper
        if inputs is not None and (network.dims[0] != dataset.n_features or not dataset.has_samples):
            dataset = inputs
            hyper = replace(hyper, batch_size=None)
        if network.dims[0] != dataset.n_features:
            self.error_reported.emit(
                self.tr("{what}: the model takes {n} inputs but the data set has {m} features; "
                        "open matching data first.").format(
                    what=text, n=f"{network.dims[0]:,}", m=f"{dataset.n_features:,}"))
            return False
        before, record = self.dataset, History(network.L, network.iterations_trained)
        if not self._push(State(network, record, dataset, hyper), text, True):
            return False
        if dataset is not before:
            shape = "×".join(map(str, dataset.input_shape))
            said = (self.tr("{what} takes {shape} pictures: drop pictures to classify them; "
                            "training it needs matching data.") if dataset.is_image else
                    self.tr("{what} takes {shape} inputs and came without data: training it "
                            "needs matching data.")).format(what=text, shape=shape)
            if before.has_samples:
                said = sentences(said, self.tr("{data} was put aside (Ctrl+Z brings it back).")
                                 .format(data=dataset_name(before)))
            self.note.emit(said)
        return True

    # ----- hyper-parameters (not undoable: they do not touch the parameters) -----------------------

    def set_hyper(self, **changes: Any) -> bool:
        new = replace(self.hyper, **changes)
        try:
            new.validate(self.dataset.X_train.shape[1])
        except NetworkError as e:
            self.error_reported.emit(sentence(translated(e)))
            return False
        if new != self.hyper:
            self.hyper = new
            self.hyper_changed.emit()
        return True

    def restore(self, dataset: Dataset, network: Network, history: History,
                hyper: HyperParameters, sample_index: int = 0) -> None:
        """Replace everything at once (opening a session): not undoable, the undo stack starts
        afresh, and an edit still being built is dropped."""
        if self.building:
            self._builder.cancel()
            self.building_changed.emit(False)
        self.undo_stack.clear()
        self.restore_state(State(network, history, dataset, hyper))
        self.dataset_changed.emit()  # even for the same data set object: views lay out anew
        self.sample.choose(sample_index)

    # ----- what training and stepping write back ----------------------------------------------------

    def record_change(self, text: str, before: Trained) -> None:
        """A run (or one iteration) has changed the parameters and the record since ``before``:
        one undoable command that gives them back."""
        net = self.network
        if net is not before.network or len(self.history) == before.length:
            return
        self.undo_stack.push(ChangeParameters(self, before, text, net.weights, net.biases,
                                               net.iterations_trained,
                                               self.history.tail(before.length)))

    def apply_step(self, text: str, weights: Arrays, biases: Arrays, cost: float,
                   grad_norms: Sequence[float], one_sample: bool) -> bool:
        """Apply a stepped iteration: one undoable iteration, marked as one sample's when it
        was (the cost plot draws those apart from the batch's)."""
        if self._refused_while_busy() or self.shown.network is not self.network:
            return False
        rows = History(self.network.L)
        rows.append(np.array([cost]), np.array([grad_norms]), one_sample=one_sample)
        self.undo_stack.push(ChangeParameters(self, Trained.of(self), text, weights, biases,
                                               self.network.iterations_trained + 1, rows))
        return True

    def set_parameters(self, weights: Arrays, biases: Arrays, iterations_trained: int | None = None) -> None:
        self.network.weights = [np.array(W) for W in weights]
        self.network.biases = [np.array(b) for b in biases]
        if iterations_trained is not None:
            self.network.iterations_trained = iterations_trained
        self.parameters_changed.emit()

    def append_history(self, costs: np.ndarray, grad_norms: np.ndarray,
                       evaluations: Iterable[Evaluation] = (), offset: int = 0) -> None:
        self.history.append(costs, grad_norms, evaluations, offset)
        self.history_appended.emit()

    def truncate_history(self, n: int) -> None:
        self.history.truncate(n)
        self.history_changed.emit()
