"""The network's undo history: edits that replace the network or data (``ReplaceState``) and
runs or applied steps that change its parameters (``ChangeParameters``).

Commands are plain Python objects in a plain list. Subclasses of QUndoCommand on a QUndoStack
live half in C++: when the garbage collector freed a model in a reference cycle, the stack's
destructor deleted commands whose Python halves were already gone, and the process crashed.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Callable, Protocol, Sequence

import numpy as np
from PySide6.QtCore import QObject, Signal, SignalInstance

from ..core.datasets import Dataset
from ..core.network import Network
from ..core.trainer import HyperParameters
from .history import History


Arrays = Sequence[np.ndarray]  # W[1…L] or b[1…L]


class Command(Protocol):
    """An undoable change: done by redo(), given back by undo(); ``text`` says what it is."""

    text: str

    def redo(self) -> None: ...

    def undo(self) -> None: ...


class _Parameters(Protocol):
    """What the commands read and set of the NetworkModel (which imports this module)."""

    network: Network
    history: History
    history_changed: SignalInstance

    def set_parameters(self, weights: Arrays, biases: Arrays,
                       iterations_trained: int | None = None) -> None: ...


class _States(Protocol):
    def state(self) -> State: ...

    def restore_state(self, state: State) -> None: ...


@dataclass(frozen=True)
class State:
    """Everything an architecture or data edit replaces."""

    network: Network
    history: History
    dataset: Dataset
    hyper: HyperParameters


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

    @classmethod
    def of(cls, model: _Parameters) -> Trained:
        """``model``'s parameters and record now: a training run keeps them to be undone to."""
        net = model.network
        return cls(net, tuple(net.weights), tuple(net.biases), net.iterations_trained,
                   model.history, len(model.history))


class ReplaceState:
    """An edit that replaces the network, its data set or hyper-parameters: ``model`` (the
    NetworkModel) gives its state() and takes restore_state()."""

    def __init__(self, model: _States, new: State, text: str) -> None:
        self.text = text
        self.model = weakref.ref(model)  # the model owns the stack that holds this command
        self.new, self.old = new, model.state()

    def redo(self) -> None:
        self._restore(self.new)

    def undo(self) -> None:
        self._restore(self.old)

    def _restore(self, state: State) -> None:
        model = self.model()
        if model is not None:  # (it owns the stack: it always is)
            model.restore_state(state)


class ChangeParameters:
    """A training run or an applied step: from ``old`` to the parameters and the record rows the
    network has when the command is made (or is given); undo gives back exactly the old ones."""

    def __init__(self, model: _Parameters, old: Trained, text: str,
                 weights: Arrays, biases: Arrays, iterations: int,
                 rows: History) -> None:
        self.text = text
        self.model = weakref.ref(model)
        self.old, self.rows = old, rows
        self.new = (tuple(weights), tuple(biases), iterations)

    def redo(self) -> None:
        weights, biases, iterations = self.new
        self.old.history.truncate(self.old.length)
        self.old.history.extend(self.rows)
        self._set(weights, biases, iterations)

    def undo(self) -> None:
        o = self.old
        o.history.truncate(o.length)
        self._set(o.weights, o.biases, o.iterations)

    def _set(self, weights: Arrays, biases: Arrays,
             iterations: int) -> None:
        model = self.model()
        if model is not None and self.old.network is model.network:  # (undo runs in order)
            model.set_parameters(weights, biases, iterations)
            model.history_changed.emit()


class UndoStack(QObject):
    """Done commands below ``index``, undone ones above it; pushing does the command and drops
    the undone ones. At most ``limit`` are kept (each holds a network's parameters)."""

    can_undo_changed = Signal(bool)
    can_redo_changed = Signal(bool)

    def __init__(self, limit: int, parent: QObject | None = None):
        super().__init__(parent)
        self.limit = limit
        self._commands: list[Command] = []
        self._index = 0

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._commands)

    def push(self, command: Command) -> None:
        def change() -> None:
            del self._commands[self._index:]
            command.redo()
            self._commands.append(command)
            del self._commands[:-self.limit]
            self._index = len(self._commands)
        self._changing(change)

    def undo(self) -> None:
        if self.can_undo():
            self._changing(lambda: self._step(-1))

    def redo(self) -> None:
        if self.can_redo():
            self._changing(lambda: self._step(+1))

    def clear(self) -> None:
        def change() -> None:
            self._commands.clear()
            self._index = 0
        self._changing(change)

    def _step(self, direction: int) -> None:
        if direction < 0:
            self._index -= 1
            self._commands[self._index].undo()
        else:
            self._commands[self._index].redo()
            self._index += 1

    def _changing(self, change: Callable[[], None]) -> None:
        could_undo, could_redo = self.can_undo(), self.can_redo()
        change()
        if self.can_undo() != could_undo:
            self.can_undo_changed.emit(self.can_undo())
        if self.can_redo() != could_redo:
            self.can_redo_changed.emit(self.can_redo())
