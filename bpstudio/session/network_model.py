"""The session's model: the network, its data set, hyper-parameters and training record.

Widgets call the setters; every change comes back as a signal that all views redraw from. Edits that
re-initialise the parameters go through a QUndoStack, so trained parameters come back with Ctrl+Z.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ..core.csvdata import load_csv
from ..core.datasets import (PLANE_SETS, Dataset, DatasetError, builtin_dataset, plane_dataset,
                             with_features)
from ..core.h5data import load_catvnoncat
from ..core.losses import LOSSES
from ..core.network import (MAX_HIDDEN_LAYERS, MAX_NEURONS, Network, NetworkError, check_editable,
                            validate_settings, weight_count)
from ..core.plane import FEATURES, PlaneError, PlaneSpec
from ..core.trainer import HyperParameters
from .background import BackgroundJob
from .history import History
from .image_folder import load_image_folder
from .loading import IMAGES, FileLoader
from .messages import sentence, translated

# Networks with more weights than this are drawn on a thread (0.25 s for the 6.3 million of a
# 512-wide first layer on the cat images) and stepped lazily; the seed's cat network has 246,000.
COSTLY_WEIGHTS = 1_000_000
# undo steps kept (each holds a network's parameters: 2 MB for the cat network, 50 MB at most)
UNDO_LIMIT = 40


@dataclass(frozen=True)
class Preset:
    key: str
    title: str
    hidden: tuple[int, ...]
    hidden_activation: str
    learning_rate: float
    iterations: int
    n_inputs: int | None  # None: any data set; else only data with this many features
    builtin: str | None = None  # the built-in data set it brings along, if any
    plane: PlaneSpec | None = None  # or the 2-D set and the features it brings along


PRESETS = {
    p.key: p
    for p in (
        Preset("seed-3-2-1", "Tutorial figure 4 (3–2–1)", (2,), "sigmoid", 0.5, 1000, 3, "three-features"),
        Preset("two-layer", "Two-layer (12288–7–1)", (7,), "relu", 0.0075, 2500, 12288),
        Preset("four-layer", "Four-layer (12288–20–7–5–1)", (20, 7, 5), "relu", 0.0075, 2500, 12288),
        # the 2-D playground: each reaches ≥ 95 % test accuracy in its iterations (tests/app)
        Preset("plane-circle", "Circle: x₁², x₂², no hidden layer", (), "tanh", 1.0, 300, None,
               plane=PlaneSpec("circle", features=("x1^2", "x2^2"))),
        Preset("plane-xor", "XOR: x₁x₂, no hidden layer", (), "tanh", 1.0, 300, None,
               plane=PlaneSpec("xor", features=("x1x2",))),
        Preset("plane-gaussians", "Two Gaussians: x₁, x₂, no hidden layer", (), "tanh", 0.5, 300,
               None, plane=PlaneSpec("gaussians")),
        Preset("plane-moons", "Two moons: x₁, x₂, 8 tanh neurons", (8,), "tanh", 0.5, 2000, None,
               plane=PlaneSpec("moons")),
        Preset("plane-spiral", "Spiral: all seven features, 8–8–4 tanh", (8, 8, 4), "tanh", 0.3,
               5000, None, plane=PlaneSpec("spiral", features=tuple(FEATURES))),
    )
}


@dataclass
class _State:
    """Everything an architecture edit replaces, for undo."""

    network: Network
    history: History
    dataset: Dataset
    hyper: HyperParameters


class _ReplaceState(QUndoCommand):
    def __init__(self, model: "NetworkModel", new: _State, text: str):
        super().__init__(text)
        # weakly: the model owns the stack that owns this command; a strong reference back made a
        # cycle whose collection crashed (the collector freed the model under its undo stack)
        self.model = weakref.ref(model)
        self.new, self.old = new, model._state()

    def redo(self) -> None:
        self.model()._restore(self.new)

    def undo(self) -> None:
        self.model()._restore(self.old)


@dataclass(frozen=True)
class Trained:
    """The parameters and training record of one network at a moment (what a training run or an
    applied step changes): to undo to."""

    network: Network
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    iterations: int
    history: History
    length: int


class _ChangeParameters(QUndoCommand):
    """A training run or an applied step: from ``old`` to the parameters and the record rows the
    network has when the command is made (or is given); undo gives back exactly the old ones."""

    def __init__(self, model: "NetworkModel", old: Trained, text: str, weights, biases,
                 iterations: int, rows: History):
        super().__init__(text)
        self.model = weakref.ref(model)  # weakly, as _ReplaceState
        self.old, self.rows = old, rows
        self.new = (tuple(weights), tuple(biases), iterations)

    def redo(self) -> None:
        weights, biases, iterations = self.new
        self.old.history.truncate(self.old.length)
        self.old.history.extend(self.rows)
        self.model()._set_trained(self.old.network, weights, biases, iterations)

    def undo(self) -> None:
        o = self.old
        o.history.truncate(o.length)
        self.model()._set_trained(o.network, o.weights, o.biases, o.iterations)


class NetworkModel(QObject):
    architecture_changed = Signal()  # dims, activations, cost or precision
    parameters_changed = Signal()  # W and b (training, reset, undo)
    dataset_changed = Signal()
    hyper_changed = Signal()
    history_changed = Signal()  # reset or replaced; appends come as history_appended
    history_appended = Signal()
    sample_changed = Signal(int)
    label_chosen = Signal()  # the user said which class their picture is
    run_state_changed = Signal(str)  # a training run: "idle", "running" or "paused"
    error_reported = Signal(str)  # a message for the user; nothing was changed
    building_changed = Signal(bool)  # a costly network is being drawn; edits wait for it
    note = Signal(str)  # for the user: something was done, with a remark (files skipped)
    # the network or the data now come from elsewhere (a preset, a data file, a model file):
    # what is on screen is no longer the session that was opened
    lesson_replaced = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        self.dataset = builtin_dataset("three-features")
        self.hyper = HyperParameters(learning_rate=0.5, iterations=1000)
        self.network = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
        self.history = History(self.network.L)
        self.sample_index = 0
        # (name, x, label): a user's picture or a test image, label None until someone says
        self.custom_sample: tuple[str, np.ndarray, float | None] | None = None
        self._forward_cache = None
        self.run_state = "idle"  # set by the training session: while a run owns the parameters
        self._builder = BackgroundJob("bpstudio-network-build", self)
        self.loader = FileLoader(self)  # every file opened is read there (the window shows it)

    # ----- reading ---------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """A training run owns the parameters (running or paused): edits wait for it."""
        return self.run_state != "idle"

    def set_run_state(self, state: str) -> None:
        if state != self.run_state:
            self.run_state = state
            self.run_state_changed.emit(state)

    @property
    def shown_network(self) -> Network:
        """What the views draw: the network, or a past iteration of it (session/timeline_model.py)."""
        past = getattr(self, "_past", None)
        return past[1] if past is not None and past[0] is self.network else self.network

    def show_past(self, network: Network | None, hyper: HyperParameters | None = None) -> None:
        """Views draw ``network`` (None: the latest), trained with ``hyper``, until the network
        is replaced."""
        self._past = None if network is None else (self.network, network, hyper or self.hyper)
        self._forward_cache = None
        self.parameters_changed.emit()

    @property
    def shown_hyper(self) -> HyperParameters:
        """The hyper-parameters of the iteration shown (a past one's run may have had others)."""
        return self._past[2] if self.shown_network is not self.network else self.hyper

    @property
    def building(self) -> bool:
        """A costly edit's network is being drawn on a thread; it lands as the edit when done."""
        return self._builder.running

    def sample_x(self) -> np.ndarray:
        """The current sample as a column (n[0], 1): a user's image or a training sample."""
        if self.custom_sample is not None:
            return self.custom_sample[1]
        if not self.dataset.has_samples:  # a model without data: an empty input until a picture
            return np.zeros((self.network.dims[0], 1), order="F")
        j = min(self.sample_index, self.dataset.X_train.shape[1] - 1)
        return np.asfortranarray(self.dataset.X_train[:, j : j + 1])

    def sample_forward(self):
        """(x, Zs, As) of the current sample, for the diagram; cached until parameters change."""
        if self._forward_cache is None:
            x = self.sample_x()
            Zs, As = self.shown_network.forward(x)
            self._forward_cache = (x, Zs, As)
        return self._forward_cache

    def sample_label(self) -> float | None:
        """y of the current sample; None for a user's picture until they say which class."""
        if self.custom_sample is not None:
            return self.custom_sample[2]
        if not self.dataset.has_samples:
            return None
        return float(self.dataset.Y_train[0, min(self.sample_index, self.dataset.Y_train.shape[1] - 1)])

    def sample_name(self) -> str:
        if self.custom_sample is not None:
            name, _, label = self.custom_sample
            if label is None:
                return self.tr("your image {name}").format(name=name)
            return self.tr("{name} ({label})").format(name=name,
                                                      label=self.dataset.classes[int(label)])
        if not self.dataset.has_samples:
            return self.tr("none yet (no data: drop a picture)")
        label = self.dataset.classes[int(self.sample_label())]
        return self.tr("#{k} of the training set ({label})").format(k=self.sample_index + 1,
                                                                     label=label)

    # ----- undoable edits --------------------------------------------------------------------------

    def _state(self) -> _State:
        return _State(self.network, self.history, self.dataset, self.hyper)

    def _restore(self, state: _State) -> None:
        arch = (state.network.dims, state.network.activations, state.network.loss,
                state.network.precision) != (self.network.dims, self.network.activations,
                                             self.network.loss, self.network.precision)
        data = state.dataset is not self.dataset
        hyper = state.hyper != self.hyper
        self.network, self.history, self.dataset, self.hyper = (
            state.network, state.history, state.dataset, state.hyper)
        self._forward_cache = None
        if data:
            self.sample_index = 0
            self.custom_sample = None
            self.dataset_changed.emit()
        if arch:
            self.architecture_changed.emit()
        if hyper:
            self.hyper_changed.emit()
        self.parameters_changed.emit()
        self.history_changed.emit()

    def _rebuild(self, text: str, dims=None, activations=None, dataset=None, hyper=None,
                 replaces: bool = False, **network_fields) -> bool:
        """Push an undoable edit that builds a freshly initialised network: at once, or for a
        costly one on a thread (True then means it is on its way). ``replaces``: a new lesson
        (see lesson_replaced)."""
        if self._refused_while_busy():  # before building: a 512-wide W[1] takes 0.25 s to draw
            return False
        net = self.network
        dataset = dataset or self.dataset
        dims = list(dims or net.dims)
        dims[0] = dataset.n_features
        fields = dict(loss=net.loss, init=net.init, seed=net.seed, precision=net.precision)
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

        def build():
            try:
                return Network.create(dims, activations, **fields)
            except NetworkError as e:
                return e

        def land(new) -> bool:
            if isinstance(new, NetworkError):
                self.error_reported.emit(translated(new))
                return False
            # the hyper-parameters as they are when it lands: one typed meanwhile stays
            return self._push(_State(new, History(new.L), dataset, hyper or self.hyper), text,
                              replaces)

        if weight_count(dims) <= COSTLY_WEIGHTS:
            return land(build())

        def landed(new) -> None:
            self.building_changed.emit(False)
            land(new)

        def failed(error: BaseException) -> None:  # e.g. out of memory
            self.building_changed.emit(False)
            self.error_reported.emit(self.tr("The new network could not be built ({why}); nothing "
                                             "was changed.").format(why=f"{type(error).__name__}: {error}"))

        self._builder.start(build, landed, failed)
        self.building_changed.emit(True)
        return True

    def _push(self, state: _State, text: str, replaces: bool = False) -> bool:
        """The one way an edit replaces the network or data: refused while a run owns them."""
        if self._refused_while_busy():
            return False
        self.undo_stack.push(_ReplaceState(self, state, text))
        if replaces:
            self.lesson_replaced.emit()
        return True

    def _refused_while_busy(self) -> bool:
        if self.busy:
            self.error_reported.emit(self.tr("Stop training before changing the network or the "
                                             "data set."))
        elif self.building:
            self.error_reported.emit(self.building_message())
        return self.busy or self.building

    def building_message(self) -> str:
        return self.tr("The new network's weights are still being drawn; a moment, please.")

    def _size_refused(self, n: int) -> bool:
        if not 1 <= n <= MAX_NEURONS:
            self.error_reported.emit(
                self.tr("A hidden layer has 1 to {max} neurons; {n} is out of range.").format(
                    max=MAX_NEURONS, n=n))
            return True
        return False

    def undo(self) -> bool:
        return self._travel(self.undo_stack.canUndo(), self.undo_stack.undo)

    def redo(self) -> bool:
        return self._travel(self.undo_stack.canRedo(), self.undo_stack.redo)

    def _travel(self, possible: bool, go) -> bool:
        if not possible:
            return False
        if self.busy:
            self.error_reported.emit(self.tr("Stop training before undoing or redoing an edit."))
            return False
        if self.building:
            self.error_reported.emit(self.building_message())
            return False
        go()
        return True

    def set_layer_size(self, layer: int, n: int) -> bool:
        """Neurons of hidden layer ``layer`` (1…L−1); 1 up to MAX_NEURONS."""
        if self._size_refused(n):
            return False
        if not 1 <= layer < self.network.L or self.network.dims[layer] == n:
            return False
        dims = list(self.network.dims)
        dims[layer] = n
        return self._rebuild(f"layer {layer}: {n} neurons", dims=dims)

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
        if self._size_refused(n):
            return False
        if self.network.L - 1 >= MAX_HIDDEN_LAYERS:
            self.error_reported.emit(self.tr("At most {n} hidden layers.").format(n=MAX_HIDDEN_LAYERS))
            return False
        dims = list(self.network.dims)
        acts = list(self.network.activations)
        dims.insert(-1, n)
        acts.insert(-1, activation)
        return self._rebuild("add a hidden layer", dims=dims, activations=acts)

    def remove_hidden_layer(self, layer: int) -> bool:
        if not 1 <= layer < self.network.L:
            return False
        dims = list(self.network.dims)
        acts = list(self.network.activations)
        del dims[layer], acts[layer - 1]
        return self._rebuild(f"remove layer {layer}", dims=dims, activations=acts)

    def set_network_option(self, **fields) -> bool:
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
            state = _State(new, self.history, self.dataset, self.hyper)
            return self._push(state, f"precision {changed['precision']}")
        text = ", ".join(f"{k} {v}" for k, v in changed.items())
        return self._rebuild(text, **changed)

    def reset_parameters(self) -> bool:
        """Re-initialise with the same architecture and seed (undoable)."""
        return self._rebuild("reset parameters")

    def apply_preset(self, key: str) -> bool:
        p = PRESETS[key]
        dataset = self.dataset
        if p.plane is not None:
            spec, now = p.plane, dataset.plane
            if now is not None and now.source in PLANE_SETS:  # the user's noise, share and seed stay
                spec = replace(spec, noise=now.noise, train_share=now.train_share, seed=now.seed)
            dataset = plane_dataset(spec)
        elif p.builtin and dataset.n_features != p.n_inputs:
            dataset = builtin_dataset(p.builtin)
        if p.n_inputs is not None and dataset.n_features != p.n_inputs:
            self.error_reported.emit(
                self.tr("This preset needs data with {n} inputs; open the cat data set first.")
                .format(n=p.n_inputs))
            return False
        dims = [dataset.n_features, *p.hidden, 1]
        acts = [p.hidden_activation] * len(p.hidden) + ["sigmoid"]
        hyper = replace(self.hyper, learning_rate=p.learning_rate, iterations=p.iterations)
        return self._rebuild(p.title, dims=dims, activations=acts, dataset=dataset, hyper=hyper,
                             replaces=True, loss="bce", init="lecun", seed=1)

    def preset_available(self, key: str) -> bool:
        p = PRESETS[key]
        return p.builtin is not None or p.n_inputs in (None, self.dataset.n_features)

    # ----- data ------------------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset, text: str, replaces: bool = False) -> bool:
        """``replaces``: another data set, not the same one made anew (see lesson_replaced)."""
        if dataset.n_features == self.network.dims[0]:
            return self._push(_State(self.network, self.history, dataset, self.hyper), text,
                              replaces)
        dims = list(self.network.dims)
        hyper = self.hyper
        acts = None
        four = PRESETS["four-layer"]
        if dataset.n_features == four.n_inputs and self.network.dims[1:] == (2, 1):
            # from the first-start 3–2–1 network to the cat data: the seed's cat network
            dims = [four.n_inputs, *four.hidden, 1]
            acts = [four.hidden_activation] * len(four.hidden) + ["sigmoid"]
            hyper = replace(hyper, learning_rate=four.learning_rate, iterations=four.iterations)
        if hyper.batch_size is not None and hyper.batch_size > dataset.X_train.shape[1]:
            hyper = replace(hyper, batch_size=None)
        return self._rebuild(text, dims=dims, activations=acts, dataset=dataset, hyper=hyper,
                             replaces=replaces)

    def read_file(self, path: str, read: Callable, landed: Callable[[object], bool],
                  otherwise: Callable[[], None] | None = None, unit: str = "bytes") -> bool:
        """Read ``path`` on the loader's thread (``read(progress)``), then ``landed(result)``;
        its problems are reported, and ``otherwise()`` called. False: refused at once (a run owns
        the network: nothing read would be let in)."""
        def failed(text: str) -> None:
            self.error_reported.emit(text)
            if otherwise is not None:
                otherwise()

        def land(result) -> None:
            if not landed(result) and otherwise is not None:
                otherwise()

        if self.busy:
            failed(self.tr("Stop training before changing the network or the data set."))
            return False
        self.loader.read(Path(path).name or str(path), read, land, failed, unit)
        return True

    def open_dataset(self, path: str, then: Callable[[], None] | None = None,
                     otherwise: Callable[[], None] | None = None) -> bool:
        """Load the cat data from a folder or .h5 on the loader's thread; ``then`` once it is the
        data set. On error the current data stays. True: on its way."""
        def landed(dataset: Dataset) -> bool:
            ok = self.set_dataset(dataset, f"open {dataset.name}", replaces=True)
            if ok and then is not None:
                then()
            return ok
        return self.read_file(path, lambda progress: load_catvnoncat(path, progress=progress),
                              landed, otherwise)

    def open_csv(self, path: str) -> bool:
        """Your own rows: split with the current train share and seed of the playground."""
        spec = self.dataset.plane or PlaneSpec("csv", train_share=0.7)
        return self.read_file(
            path, lambda progress: load_csv(path, spec.train_share, spec.seed, progress=progress),
            lambda dataset: self.set_dataset(dataset, f"open {dataset.name}", replaces=True))

    def image_side(self) -> int:
        """The side images of a new image folder are resized to: the current data's, else 64."""
        ds = self.dataset
        return ds.input_shape[0] if ds.is_image else 64

    def open_image_folder(self, path: str, side: int = 64) -> bool:
        """One sub-folder per class; the images are read on the loader's thread (with progress)
        and become the data set when all are in."""
        def landed(result) -> bool:
            ds = result.dataset
            if self.busy or self.building:
                self.error_reported.emit(self.tr(
                    "The images of {name} were read, but the network was busy; open the folder "
                    "again when training stops.").format(name=ds.name))
                return False
            if not self.set_dataset(ds, f"open {ds.name}", replaces=True):
                return False
            read = self.tr("{name}: {n} images read ({train} training, {test} test).").format(
                name=ds.name, n=ds.X_train.shape[1] + ds.X_test.shape[1],
                train=ds.X_train.shape[1], test=ds.X_test.shape[1])
            if result.skipped:
                read += " " + self.tr("Skipped {n} file(s) that could not be read: {files}").format(
                    n=len(result.skipped), files="; ".join(result.skipped[:3])
                    + ("; …" if len(result.skipped) > 3 else ""))
            self.note.emit(read)
            return True

        return self.read_file(path, lambda progress: load_image_folder(path, side, progress=progress),
                              landed, unit=IMAGES)

    def set_plane(self, **changes) -> bool:
        """The 2-D set's noise, train share, seed or features; the input layer follows the
        features. A CSV's points are split again (noise does not apply to them)."""
        ds = self.dataset
        if ds.plane is None:
            return False
        spec = replace(ds.plane, **changes)
        if spec == ds.plane:
            return False
        try:
            if "features" in changes and set(changes) == {"features"}:
                dataset = with_features(ds, spec.features)
            elif spec.source == "csv":
                dataset = load_csv(ds.files[0], spec.train_share, spec.seed, spec.features)
            else:
                dataset = plane_dataset(spec)
        except DatasetError as e:
            self.error_reported.emit(translated(e))
            return False
        except PlaneError as e:
            self.error_reported.emit(sentence(translated(e)))
            return False
        what = ", ".join(f"{k} {v}" for k, v in changes.items())
        return self.set_dataset(dataset, f"{ds.name}: {what}")

    def use_builtin(self, name: str) -> bool:
        try:
            dataset = builtin_dataset(name)
        except DatasetError as e:
            self.error_reported.emit(translated(e))
            return False
        return self.set_dataset(dataset, f"data: {name}", replaces=True)

    def set_sample(self, index: int) -> None:
        index = int(np.clip(index, 0, max(self.dataset.X_train.shape[1] - 1, 0)))
        if index != self.sample_index or self.custom_sample is not None:
            self.sample_index = index
            self.custom_sample = None
            self._forward_cache = None
            self.sample_changed.emit(index)

    def set_custom_sample(self, name: str, x: np.ndarray, label: float | None = None) -> bool:
        """Make a picture (an input column) the current sample of the diagram and stepper: a
        user's own (label None: nobody has said which class it is) or a test image."""
        x = np.asfortranarray(np.asarray(x, dtype=np.float64).reshape(-1, 1))
        if x.shape[0] != self.network.dims[0]:
            self.error_reported.emit(self.tr("{name} gives {n} inputs; this network takes {m}.")
                                     .format(name=name, n=x.shape[0], m=self.network.dims[0]))
            return False
        self.custom_sample = (name, x, None if label is None else float(label))
        self._forward_cache = None
        self.sample_changed.emit(-1)
        return True

    def set_custom_label(self, label: float) -> None:
        """The class of the user's picture, as they say it is (0 or 1)."""
        if self.custom_sample is not None and label in (0, 1):
            name, x, _ = self.custom_sample
            self.custom_sample = (name, x, float(label))
            self.label_chosen.emit()

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
        before = self.dataset
        if not self._push(_State(network, History(network.L), dataset, hyper), text, True):
            return False
        if dataset is not before:
            shape = "×".join(map(str, dataset.input_shape))
            said = (self.tr("{what} takes {shape} pictures: drop pictures to classify them; "
                            "training it needs matching data.") if dataset.is_image else
                    self.tr("{what} takes {shape} inputs and came without data: training it "
                            "needs matching data.")).format(what=text, shape=shape)
            if before.has_samples:
                said += " " + self.tr("{data} was put aside (Ctrl+Z brings it back).").format(
                    data=before.name)
            self.note.emit(said)
        return True

    # ----- hyper-parameters (not undoable: they do not touch the parameters) -----------------------

    def set_hyper(self, **changes) -> bool:
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
        self._restore(_State(network, history, dataset, hyper))
        self.dataset_changed.emit()  # even for the same data set object: views lay out anew
        self.set_sample(sample_index)

    # ----- what training and stepping write back ----------------------------------------------------

    def trained(self) -> Trained:
        """The parameters and record now: a training run keeps it to be undone to."""
        net = self.network
        return Trained(net, tuple(net.weights), tuple(net.biases), net.iterations_trained,
                       self.history, len(self.history))

    def record_change(self, text: str, before: Trained) -> None:
        """A run (or one iteration) has changed the parameters and the record since ``before``:
        one undoable command that gives them back."""
        net = self.network
        if net is not before.network or len(self.history) == before.length:
            return
        self.undo_stack.push(_ChangeParameters(self, before, text, net.weights, net.biases,
                                               net.iterations_trained,
                                               self.history.tail(before.length)))

    def apply_step(self, text: str, weights, biases, cost: float, grad_norms,
                   single: bool) -> bool:
        """Apply a stepped iteration: one undoable iteration, marked as one sample's when it
        was (the cost plot draws those apart from the batch's)."""
        if self._refused_while_busy() or self.shown_network is not self.network:
            return False
        rows = History(self.network.L)
        rows.append(np.array([cost]), np.array([grad_norms]), single=single)
        self.undo_stack.push(_ChangeParameters(self, self.trained(), text, weights, biases,
                                               self.network.iterations_trained + 1, rows))
        return True

    def _set_trained(self, network: Network, weights, biases, iterations: int) -> None:
        if network is not self.network:  # (undo runs in order, so it always is)
            return
        self.set_parameters(weights, biases, iterations)
        self.history_changed.emit()

    def set_parameters(self, weights, biases, iterations_trained: int | None = None) -> None:
        self.network.weights = [np.array(W) for W in weights]
        self.network.biases = [np.array(b) for b in biases]
        if iterations_trained is not None:
            self.network.iterations_trained = iterations_trained
        self._forward_cache = None
        self.parameters_changed.emit()

    def append_history(self, costs, grad_norms, evaluations=(), offset: int = 0) -> None:
        self.history.append(costs, grad_norms, evaluations, offset)
        self.history_appended.emit()

    def truncate_history(self, n: int) -> None:
        self.history.truncate(n)
        self.history_changed.emit()
