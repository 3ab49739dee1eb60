"""The training record of the current parameters: cost per iteration, ‖dW[l]‖, evaluations,
and which iterations were one stepped sample rather than the batch.

Row r is iteration ``first + r`` (core/iterations.py: the network at that iteration, its cost
computed before its update); ``first`` is 0 unless the network was trained elsewhere before the
record began (a model file). A row of one stepped sample holds that sample's loss L, the cost of
the batch of one it trained on, never the cost C of the training set.

Appends go into preallocated numpy buffers that double when full, so a slot receiving progress
costs O(chunk) and a plot timer can hand ``view()`` slices to pyqtgraph without copying.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from ..core import iterations
from ..core.messages import UserMessage
from ..core.trainer import Evaluation


class GrowingArray:
    def __init__(self, columns: int | None = None, capacity: int = 1024):
        shape = (capacity,) if columns is None else (capacity, columns)
        self._data = np.full(shape, np.nan)
        self.n = 0

    def extend(self, rows: np.ndarray) -> None:
        k = len(rows)
        if self.n + k > len(self._data):
            size = max(2 * len(self._data), self.n + k)
            bigger = np.full((size,) + self._data.shape[1:], np.nan)
            bigger[: self.n] = self._data[: self.n]
            self._data = bigger
        self._data[self.n : self.n + k] = rows
        self.n += k

    def view(self) -> np.ndarray:
        return self._data[: self.n]

    def copy(self) -> "GrowingArray":
        other = GrowingArray.__new__(GrowingArray)
        other._data, other.n = self._data.copy(), self.n
        return other


class History:
    def __init__(self, layers: int, first: int = 0):
        self.layers = layers
        self.first = int(first)  # the iteration of row 0
        self.costs = GrowingArray()
        self.grad_norms = GrowingArray(layers)
        self.one_sample = GrowingArray()  # 1: an iteration on one stepped sample, applied by hand
        self.evaluations: list[Evaluation] = []

    def __len__(self) -> int:
        return self.costs.n

    @property
    def end(self) -> int:
        """The iteration the record leads to: the network's after its last row's update."""
        return self.first + len(self)

    def iteration(self, row: int) -> int:
        """The iteration of row ``row``."""
        return iterations.of_row(self.first, row)

    def is_one_sample(self, row: int) -> bool:
        """Row ``row`` was one stepped sample, applied by hand."""
        return bool(self.one_sample.view()[row] > 0)

    def said(self, row: int) -> UserMessage:
        """Row ``row`` in words: "iteration 12: cost 0.5", or for one stepped sample its loss L,
        said as such."""
        value = float(self.costs.view()[row])
        return (iterations.stepped_loss if self.is_one_sample(row) else iterations.cost)(
            self.iteration(row), value)

    def append(self, costs: np.ndarray, grad_norms: np.ndarray,
               evaluations: Iterable[Evaluation] = (), offset: int = 0,
               one_sample: bool | np.ndarray = False) -> None:
        """Add iterations; ``offset`` shifts the trainer's own iteration numbers to the record's;
        ``one_sample``: whether they were one sample's (one flag for all, or one each)."""
        self.costs.extend(costs)
        self.grad_norms.extend(grad_norms)
        self.one_sample.extend(np.broadcast_to(np.asarray(one_sample, dtype=np.float64), (len(costs),)))
        self.evaluations.extend(
            Evaluation(e.iteration + offset, e.train_accuracy, e.test_cost, e.test_accuracy)
            for e in evaluations
        )

    def truncate(self, n: int) -> None:
        """Forget the rows from ``n`` on (their updates were rolled back): the network is at row
        n's iteration again, so an evaluation of it (a run's last) stays."""
        for column in (self.costs, self.grad_norms, self.one_sample):
            column.n = min(column.n, n)
        self.evaluations = [e for e in self.evaluations if e.iteration <= n]

    def tail(self, n: int) -> "History":
        """The rows from ``n`` on, as a record of their own (what undo keeps of a run), with the
        evaluations truncate(n) forgets (those after row n's iteration); evaluations keep their
        numbers."""
        part = History(self.layers, self.iteration(n))
        part.costs.extend(self.costs.view()[n:])
        part.grad_norms.extend(self.grad_norms.view()[n:])
        part.one_sample.extend(self.one_sample.view()[n:])
        part.evaluations = [e for e in self.evaluations if e.iteration > n]
        return part

    def extend(self, part: "History") -> None:
        """Add a tail() back."""
        self.costs.extend(part.costs.view())
        self.grad_norms.extend(part.grad_norms.view())
        self.one_sample.extend(part.one_sample.view())
        self.evaluations.extend(part.evaluations)

    def copy(self) -> "History":
        other = History.__new__(History)
        other.layers, other.first = self.layers, self.first
        other.costs, other.grad_norms = self.costs.copy(), self.grad_norms.copy()
        other.one_sample = self.one_sample.copy()
        other.evaluations = list(self.evaluations)
        return other
