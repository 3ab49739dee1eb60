"""The five ready-made comparisons reproduce what they are about, headless (the window's twin runs
are checked against these in tests/app/test_twin_runs.py)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dataclasses import replace

from bpstudio.core.comparisons import (COMPARISONS, DIVERGING_RATE, Figures, SavedComparison,
                                       run_headless, starting_points)


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


def test_zero_initial_weights_with_relu_move_no_hidden_weight_only_b_l(cat_data):
    d = cat_data
    random, zeros = run_headless(COMPARISONS["zeros"].with_iterations(20), d.X_train, d.Y_train,
                                 d.X_test, d.Y_test)
    assert zeros.w1_row_spread == 0.0 and random.w1_row_spread > 0.01
    # relu(0) = 0: every gradient is zero but b[L]'s; not FAQ 6, nothing hidden learns at all
    assert max(zeros.moved) == 0.0 and max(zeros.bias_moved[:-1]) == 0.0
    assert zeros.bias_moved[-1] > 0 and zeros.first_grad_norms == (0.0,) * 4
    assert zeros.last_cost < zeros.first_cost


def test_zero_initial_weights_with_sigmoid_make_every_hidden_neuron_the_same(cat_data):
    """FAQ 6 where it happens: σ(0) = 0.5, so the error reaches W[1] and every row of it gets
    the same update; the rows stay equal but for rounding."""
    d = cat_data
    random, zeros = run_headless(COMPARISONS["faq6"].with_iterations(20), d.X_train, d.Y_train,
                                 d.X_test, d.Y_test)
    assert zeros.moved[0] > 1e-6 and zeros.row_spreads[0] <= 1e-9 * zeros.moved[0]
    assert random.row_spreads[0] > 1e-3
    said = [str(m) for m in COMPARISONS["faq6"].result(random, zeros)]
    assert said[0].endswith("rounding only; layer 1 works as one neuron.")


def test_a_claim_is_said_only_where_its_numbers_make_it_true(cat_data):
    d = cat_data
    c = COMPARISONS["diverging"].with_iterations(5)
    small, large = run_headless(c, d.X_train, d.Y_train, d.X_test, d.Y_test)
    said = [str(m) for m in c.result(small, large)]
    assert said[1].startswith("α = 5 overshoots: its cost went from 0.771749 at iteration 0")
    # the same figures, had the run not diverged: the counterpart, with the same numbers
    calm = replace(large, diverged=False)
    said = [str(m) for m in c.result(small, calm)]
    assert said[1].startswith("α = 5 did not diverge: its cost went from 0.771749")
    # 0/0 in words, never nan
    dead = replace(large, first_grad_norms=(0.0, 0.0, 0.0, 0.0))
    assert "all gradients zero" in str(c.result(dead, dead)[0])
    assert all("nan" not in str(m).lower() for m in c.result(dead, dead))


def test_figures_and_a_comparison_survive_json(cat_data):
    d = cat_data
    figures = run_headless(COMPARISONS["zeros"].with_iterations(3), d.X_train, d.Y_train,
                           d.X_test, d.Y_test)
    saved = SavedComparison("zeros", 3, "W = randn", figures)
    again = SavedComparison.from_json(json.loads(json.dumps(saved.as_json())))
    assert again == saved and isinstance(again.figures[0], Figures)
    with pytest.raises(ValueError):
        SavedComparison.from_json({**saved.as_json(), "key": "nonsense"})
