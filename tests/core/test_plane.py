"""The 2-D playground's maths: features from points, the grid, activations over the plane and the
generated sets (seeded, noisy, split by the train share)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.datasets import PLANE_SETS, plane_dataset, with_features
from bpstudio.core.network import Network
from bpstudio.core.plane import (FEATURES, PlaneError, PlaneSpec, check_features, feature_rows, grid,
                                 plane_activations, plane_extent)


def test_each_feature_is_the_function_of_the_point_it_names():
    points = np.array([[1.0, 2.0], [0.5, -1.0]])  # two points: (1, 0.5) and (2, -1)
    rows = feature_rows(points, tuple(FEATURES))
    expected = [[1, 2], [0.5, -1], [1, 4], [0.25, 1], [0.5, -2], [np.sin(1), np.sin(2)],
                [np.sin(0.5), np.sin(-1)]]
    np.testing.assert_allclose(rows, expected, rtol=0, atol=1e-15)
    assert rows.flags.f_contiguous


def test_features_come_in_one_order_and_bad_choices_are_refused():
    assert check_features(["sin x2", "x1", "x1x2"]) == ("x1", "x1x2", "sin x2")
    with pytest.raises(PlaneError, match="at least one"):
        check_features([])
    with pytest.raises(PlaneError, match="unknown feature 'x3'"):
        check_features(["x1", "x3"])


def test_the_grid_runs_row_by_row_from_the_top_left_pixel_centre():
    g = grid(4, extent=1.0)
    assert g.shape == (2, 16)
    np.testing.assert_allclose(g[:, 0], [-0.75, 0.75])  # top left
    np.testing.assert_allclose(g[:, 3], [0.75, 0.75])  # top right
    np.testing.assert_allclose(g[:, 15], [0.75, -0.75])  # bottom right


def test_activations_over_the_plane_are_the_forward_pass_of_the_grid():
    features = ("x1", "x1x2", "sin x2")
    net = Network.create([3, 5, 1], ["tanh", "sigmoid"], seed=4)
    maps = plane_activations(net, features, resolution=20, extent=1.5)
    assert [m.shape for m in maps] == [(3, 20, 20), (5, 20, 20), (1, 20, 20)]
    X = feature_rows(grid(20, 1.5), features)
    np.testing.assert_array_equal(maps[-1].reshape(1, -1), net.predict_proba(X))
    np.testing.assert_array_equal(maps[0].reshape(3, -1), X)
    # pixel (row 0, column 19) is the top-right corner of the plane
    x1, x2 = 1.5 - 1.5 / 20, 1.5 - 1.5 / 20
    top_right = net.predict_proba(feature_rows(np.array([[x1], [x2]]), features))[0, 0]
    assert maps[-1][0, 0, 19] == pytest.approx(top_right, abs=1e-15)


@pytest.mark.parametrize("source", PLANE_SETS)
def test_every_set_is_seeded_noisy_on_request_and_split_by_the_share(source):
    spec = PlaneSpec(source)
    a, b = plane_dataset(spec), plane_dataset(spec)
    np.testing.assert_array_equal(a.points_train, b.points_train)
    np.testing.assert_array_equal(a.X_train, a.points_train)  # x1, x2: X is the points
    assert set(np.unique(a.Y_train)) == {0.0, 1.0}
    assert np.abs(a.points_train).max() < 1.5  # inside the views' square
    other_seed = plane_dataset(PlaneSpec(source, seed=1))
    assert not np.array_equal(other_seed.points_train, a.points_train)
    noisy = plane_dataset(PlaneSpec(source, noise=0.5))
    assert not np.array_equal(noisy.points_train, a.points_train)
    for share, train in ((0.1, 40), (0.9, 360)):
        d = plane_dataset(PlaneSpec(source, train_share=share))
        assert d.X_train.shape[1] == train and d.X_test.shape[1] == 400 - train


def test_other_features_keep_the_points_and_labels():
    d = plane_dataset(PlaneSpec("xor", noise=0.1, seed=3))
    e = with_features(d, ["x1x2", "x2^2"])
    assert e.plane == PlaneSpec("xor", 0.1, 0.5, 3, ("x2^2", "x1x2"))
    assert e.input_shape == (2,) and e.n_features == 2
    np.testing.assert_array_equal(e.points_test, d.points_test)
    np.testing.assert_array_equal(e.Y_test, d.Y_test)
    np.testing.assert_array_equal(e.X_test[1], d.points_test[0] * d.points_test[1])


def test_the_square_shown_is_fixed_for_built_in_sets_and_fits_a_csvs_points():
    pts = np.array([[-4.0, 2.0], [1.0, 3.0]])
    assert plane_extent(pts, pts, "spiral") == 1.5
    assert plane_extent(pts, np.zeros((2, 0)), "csv") == pytest.approx(4.4)
