"""What the network makes of the input plane of a 2-D data set: its activations over a grid,
for the output view (A[L]) and the diagram's small heatmaps (every neuron's), computed once per
change of parameters, and the train and test accuracy shown beside them."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QObject

from ..core.network import weight_count
from ..core.trainer import accuracy
from ..core.plane import plane_activations, plane_extent
from .network_model import NetworkModel

RESOLUTION = 100  # the output view's grid, for the playground's small networks
# A wide network gets a coarser grid: one forward pass of the grid stays within this many
# multiply-adds (two 512-wide layers would need 2.6·10⁹ at 100×100) and this many activations
# (a 512-wide layer alone made 5 million at 100×100: 0.26 s of tanh and skinny products, on
# every edit and every training record).
MAX_GRID_MACS = 20_000_000
MAX_GRID_VALUES = 1_000_000
MIN_RESOLUTION = 20


class PlaneMaps(QObject):
    def __init__(self, model: NetworkModel, resolution: int = RESOLUTION,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model = model
        self.resolution = resolution
        self._activations: list[np.ndarray] | None = None
        self._accuracy: tuple[float, float] | None = None
        for signal in (model.parameters_changed, model.architecture_changed, model.dataset_changed):
            signal.connect(self._on_changed)

    def _on_changed(self) -> None:
        self._activations = self._accuracy = None

    @property
    def available(self) -> bool:
        return self.model.dataset.plane is not None

    @property
    def extent(self) -> float:
        ds = self.model.dataset
        plane, train, test = ds.plane, ds.points_train, ds.points_test
        # asked only while available: a 2-D set, which has its points
        assert plane is not None and train is not None and test is not None
        return plane_extent(train, test, plane.source)

    def grid_side(self) -> int:
        """G: the full resolution, or less for a network too wide to evaluate on it often."""
        dims = self.model.network.dims
        macs = weight_count(dims)  # per point of the grid
        points = min(MAX_GRID_MACS // max(macs, 1), MAX_GRID_VALUES // max(sum(dims[1:]), 1))
        return max(MIN_RESOLUTION, min(self.resolution, math.isqrt(max(points, 1))))

    def activations(self) -> list[np.ndarray] | None:
        """A[l] over the grid, (n[l], G, G) for l = 0…L; None without a 2-D data set."""
        plane = self.model.dataset.plane
        if plane is None:  # not available
            return None
        if self._activations is None:
            self._activations = plane_activations(self.model.shown.network, plane.features,
                                                  self.grid_side(), self.extent)
        return self._activations

    def accuracy(self) -> tuple[float, float]:
        """(train, test) share of samples the network classifies right."""
        if self._accuracy is None:
            model = self.model
            net, ds = model.shown.network, model.dataset
            def share(X: np.ndarray, Y: np.ndarray) -> float:
                return accuracy(net.predict_proba(X), Y) if X.shape[1] else float("nan")
            self._accuracy = share(ds.X_train, ds.Y_train), share(ds.X_test, ds.Y_test)
        return self._accuracy
