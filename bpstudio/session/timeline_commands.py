"""The time cursor's undoable command: continue from a past iteration (timeline_model.py)."""

from __future__ import annotations

import weakref

import numpy as np

from ..core.network import Network
from .history import History
from .network_model import NetworkModel

# the weights, the biases and the iterations trained, as set_parameters takes them
_Parameters = tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...], int]


class ContinueFrom:  # a command of session/undo.py's stack
    """Continue from iteration i: its parameters become the network's, the later rows go."""

    def __init__(self, model: NetworkModel, i: int, at: Network, text: str):
        self.text = text
        self.model = weakref.ref(model)  # weakly: the model owns the stack (see undo.py)
        net = model.network
        self.network, self.i = net, i
        self.before: _Parameters = (tuple(net.weights), tuple(net.biases), net.iterations_trained)
        self.after: _Parameters = (tuple(at.weights), tuple(at.biases), at.iterations_trained)
        self.tail = model.history.tail(i)

    def _set(self, parameters: _Parameters, tail: History | None) -> None:
        model = self.model()
        if model is None or model.network is not self.network:  # (undo runs in order: it always is)
            return
        model.history.truncate(self.i)
        if tail is not None:
            model.history.extend(tail)
        model.shown.show(None)
        model.set_parameters(*parameters)
        model.history_changed.emit()

    def redo(self) -> None:
        self._set(self.after, None)

    def undo(self) -> None:
        self._set(self.before, self.tail)
