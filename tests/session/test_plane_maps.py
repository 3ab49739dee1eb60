"""The activations over the plane, shared by the output view and the diagram."""

from __future__ import annotations

import numpy as np

from bpstudio.core.plane import feature_rows, grid
from bpstudio.session.network_model import NetworkModel
from bpstudio.session.plane_maps import MAX_GRID_MACS, MAX_GRID_VALUES, MIN_RESOLUTION, PlaneMaps


def test_computed_once_per_change_of_parameters(qtbot):
    model = NetworkModel()
    assert model.apply_preset("plane-moons")
    maps = PlaneMaps(model)
    first = maps.activations()
    assert maps.activations() is first and first[-1].shape == (1, 100, 100)
    W = [w * 2 for w in model.network.weights]
    model.set_parameters(W, model.network.biases)
    again = maps.activations()
    assert again is not first
    X = feature_rows(grid(100), model.dataset.plane.features)
    np.testing.assert_array_equal(again[-1].reshape(1, -1), model.network.predict_proba(X))


def test_a_wide_network_gets_a_coarser_grid_within_the_budget(qtbot):
    model = NetworkModel()
    assert model.apply_preset("plane-moons")
    assert model.set_layer_size(1, 512) and model.add_hidden_layer(512)  # 2–512–512–1
    maps = PlaneMaps(model)
    side = maps.grid_side()
    dims = model.network.dims
    macs = sum(a * b for a, b in zip(dims, dims[1:]))
    assert MIN_RESOLUTION <= side < 100
    assert side == MIN_RESOLUTION or side * side * macs <= MAX_GRID_MACS
    assert maps.activations()[-1].shape == (1, side, side)
    assert model.remove_hidden_layer(2)  # 2–512–1: few products, but 5 million activations
    side = maps.grid_side()
    assert 20 < side < 100 and side * side * sum(model.network.dims[1:]) <= MAX_GRID_VALUES
    assert not PlaneMaps(NetworkModel()).available  # the seed's three features: no plane
