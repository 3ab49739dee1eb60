"""The training record of the current parameters: cost per iteration, ‖dW[l]‖, evaluations.

Appends go into preallocated numpy buffers that double when full, so a slot receiving progress
costs O(chunk) and a plot timer can hand ``view()`` slices to pyqtgraph without copying.
"""

from __future__ import annotations

import numpy as np

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
    def __init__(self, layers: int):
        self.costs = GrowingArray()
        self.grad_norms = GrowingArray(layers)
        self.evaluations: list[Evaluation] = []

    def __len__(self) -> int:
        return self.costs.n

    def append(self, costs: np.ndarray, grad_norms: np.ndarray, evaluations=(), offset: int = 0) -> None:
        """Add iterations; ``offset`` shifts the trainer's own iteration numbers to the record's."""
        self.costs.extend(costs)
        self.grad_norms.extend(grad_norms)
        self.evaluations.extend(
            Evaluation(e.iteration + offset, e.train_accuracy, e.test_cost, e.test_accuracy)
            for e in evaluations
        )

    def truncate(self, n: int) -> None:
        """Forget iterations from ``n`` on (their parameters were rolled back)."""
        self.costs.n = min(self.costs.n, n)
        self.grad_norms.n = min(self.grad_norms.n, n)
        self.evaluations = [e for e in self.evaluations if e.iteration < n]

    def copy(self) -> "History":
        other = History.__new__(History)
        other.costs, other.grad_norms = self.costs.copy(), self.grad_norms.copy()
        other.evaluations = list(self.evaluations)
        return other
