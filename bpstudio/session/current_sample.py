"""The sample the diagram and the stepper show: one of the training set, or a picture (a user's
own, or a test image) made the current sample."""

from __future__ import annotations

from typing import NamedTuple, Protocol

import numpy as np
from PySide6.QtCore import QObject, Signal, SignalInstance

from ..core.datasets import Dataset, Picture
from ..core.messages import isolated
from ..core.network import Network
from ..core.typealiases import FloatArray
from .messages import class_names


class _Shown(Protocol):
    @property
    def network(self) -> Network: ...


class _Owner(Protocol):
    """What it reads of the NetworkModel that owns it (and imports this module)."""

    network: Network
    dataset: Dataset
    shown: _Shown
    error_reported: SignalInstance
    dataset_changed: SignalInstance
    parameters_changed: SignalInstance
    architecture_changed: SignalInstance


class Pass(NamedTuple):
    """The current sample's forward pass: its input column x, Z[1…L] and A[0…L]."""

    x: np.ndarray
    Zs: list[FloatArray]
    As: list[FloatArray]


class CurrentSample(QObject):
    """The current sample of ``model`` (a NetworkModel, also its ``parent``): back to the first
    training sample when the data set changes; its forward pass is cached until the parameters
    change."""

    changed = Signal(int)  # the training sample's index, -1 for a picture
    label_chosen = Signal()  # the user said which class their picture is

    def __init__(self, model: _Owner, parent: QObject) -> None:
        super().__init__(parent)
        self.model = model
        self.index = 0
        self.picture: Picture | None = None  # a user's picture or a test image
        self._forward: Pass | None = None
        # connected first (the model makes this before any view connects): the views' slots
        # then read the new sample, never a cached pass of the old parameters or data
        model.dataset_changed.connect(self._on_dataset_changed)
        model.parameters_changed.connect(self.forget_pass)
        model.architecture_changed.connect(self.forget_pass)

    def _on_dataset_changed(self) -> None:
        self.index, self.picture = 0, None
        self.forget_pass()

    def forget_pass(self) -> None:
        self._forward = None

    def x(self) -> np.ndarray:
        """The current sample as a column (n[0], 1): a user's image or a training sample."""
        model = self.model
        if self.picture is not None:
            return self.picture.x
        if not model.dataset.has_samples:  # a model without data: an empty input until a picture
            return np.zeros((model.network.dims[0], 1), order="F")
        j = min(self.index, model.dataset.X_train.shape[1] - 1)
        return np.asfortranarray(model.dataset.X_train[:, j : j + 1])

    def forward(self) -> Pass:
        """The current sample's forward pass, for the diagram; cached until parameters change."""
        if self._forward is None:
            x = self.x()
            Zs, As = self.model.shown.network.forward(x)  # the iteration the views show
            self._forward = Pass(x, Zs, As)
        return self._forward

    def label(self) -> float | None:
        """y of the current sample; None for a user's picture until they say which class."""
        if self.picture is not None:
            return self.picture.label
        if not self.model.dataset.has_samples:
            return None
        return self._training_label()

    def _training_label(self) -> float:
        Y = self.model.dataset.Y_train
        return float(Y[0, min(self.index, Y.shape[1] - 1)])

    def name(self) -> str:
        if self.picture is not None:
            name, _, label = self.picture
            if label is None:
                return self.tr("your image {name}").format(name=isolated(name))
            return self.tr("{name} ({label})").format(name=isolated(name), label=self._label_text(label))
        if not self.model.dataset.has_samples:
            return self.tr("none yet (no data: drop a picture)")
        return self.tr("#{k} of the training set ({label})").format(
            k=self.index + 1, label=self._label_text(self._training_label()))

    def _label_text(self, label: float) -> str:
        """The label as the tutorial writes it, y = 0 or 1, with its class's name when it has
        one ("y = 1, cat"); a data set of classes named "0" and "1" needs no name."""
        y = int(label)
        if self.model.dataset.classes[y] == str(y):
            return f"y = {y}"
        return self.tr("y = {y}, {name}").format(y=y, name=isolated(class_names(self.model.dataset)[y]))

    def choose(self, index: int) -> None:
        index = int(np.clip(index, 0, max(self.model.dataset.X_train.shape[1] - 1, 0)))
        if index != self.index or self.picture is not None:
            self.index = index
            self.picture = None
            self.forget_pass()
            self.changed.emit(index)

    def choose_picture(self, name: str, x: np.ndarray, label: float | None = None) -> bool:
        """Make a picture (an input column) the current sample of the diagram and stepper: a
        user's own (label None: nobody has said which class it is) or a test image."""
        x = np.asfortranarray(np.asarray(x, dtype=np.float64).reshape(-1, 1))
        n = self.model.network.dims[0]
        if x.shape[0] != n:
            self.model.error_reported.emit(self.tr("{name} gives {n} inputs; this network takes {m}.")
                                           .format(name=isolated(name), n=x.shape[0], m=n))
            return False
        self.picture = Picture(name, x, None if label is None else float(label))
        self.forget_pass()
        self.changed.emit(-1)
        return True

    def choose_label(self, label: float) -> None:
        """The class of the user's picture, as they say it is (0 or 1)."""
        if self.picture is not None and label in (0, 1):
            self.picture = self.picture._replace(label=float(label))
            self.label_chosen.emit()
