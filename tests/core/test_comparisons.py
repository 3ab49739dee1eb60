"""The four ready-made comparisons reproduce what they are about, headless (the window's twin runs
are checked against these in tests/app/test_twin_runs.py)."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.comparisons import COMPARISONS, DIVERGING_RATE, run_headless, starting_points


@pytest.mark.slow  # two cat runs of 2,500 iterations: 30–150 s
def test_two_layers_against_four_gives_the_courses_accuracies(cat_data):
    """The course's published figures: the 0.01-initialised 12288–7–1 net reaches 100 % on the
    training set and 72 % on the test set, the four-layer net 98.6 % and 80 %."""
    d = cat_data
    four, two = run_headless(COMPARISONS["depth"], d.X_train, d.Y_train, d.X_test, d.Y_test)
    assert (four.iterations, two.iterations) == (2500, 2500)
    assert round(four.train_accuracy, 4) == 0.9856 and four.test_accuracy == 0.8
    assert two.train_accuracy == 1.0 and round(two.test_accuracy, 2) == 0.72


def test_sigmoid_hidden_layers_make_dw1_vanish(cat_data):
    d, c = cat_data, COMPARISONS["sigmoid"].with_iterations(3)
    first, second = starting_points(c, d.X_train, d.Y_train)
    assert all(np.array_equal(a, b) for a, b in zip(first.network.weights, second.network.weights))
    relu, sigmoid = run_headless(c, d.X_train, d.Y_train, d.X_test, d.Y_test)
    # ReLU passes the error back undamped: ‖dW[1]‖ is larger than ‖dW[4]‖; sigmoid, with its
    # σ′ ≤ 0.25 in three layers, shrinks it on the way back
    assert relu.vanishing_ratio > 10 and sigmoid.vanishing_ratio < 1
    assert sigmoid.first_grad_norms[0] < relu.first_grad_norms[0] / 20


def test_a_learning_rate_of_five_diverges_and_0_0075_does_not(cat_data):
    d = cat_data
    small, large = run_headless(COMPARISONS["diverging"].with_iterations(30), d.X_train,
                                d.Y_train, d.X_test, d.Y_test)
    assert not small.diverged and small.iterations == 30
    assert large.diverged and large.iterations < 5 and DIVERGING_RATE == 5.0


def test_zero_initial_weights_keep_every_row_of_w1_identical(cat_data):
    d = cat_data
    random, zeros = run_headless(COMPARISONS["zeros"].with_iterations(20), d.X_train, d.Y_train,
                                 d.X_test, d.Y_test)
    assert zeros.w1_row_spread == 0.0 and random.w1_row_spread > 0.01
