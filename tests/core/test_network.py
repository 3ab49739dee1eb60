from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.network import INITIALIZERS, Network, NetworkError, initial_parameters


def test_lecun_draws_the_seed_stream_bit_for_bit():
    dims = [12288, 20, 7, 5, 1]
    np.random.seed(1)
    expected = [np.random.randn(dims[l], dims[l - 1]) / np.sqrt(dims[l - 1]) for l in range(1, 5)]
    weights, biases = initial_parameters(dims, "lecun", seed=1)
    for W, E in zip(weights, expected):
        np.testing.assert_array_equal(W, E)
    assert all(not b.any() for b in biases)


@pytest.mark.parametrize("init", INITIALIZERS)
def test_initialisers_scale_the_same_draws(init):
    dims = [50, 30, 1]
    rng = np.random.RandomState(4)
    raw = [rng.randn(30, 50), rng.randn(1, 30)]
    W = initial_parameters(dims, init, seed=4)[0]
    factor = {"lecun": 1 / np.sqrt(50), "small": 0.01, "he": np.sqrt(2 / 50),
              "xavier": np.sqrt(2 / 80), "zeros": 0.0}[init]
    np.testing.assert_allclose(W[0], raw[0] * factor, rtol=1e-15)


def test_zeros_initialiser_keeps_hidden_neurons_identical():
    """The seed's Q6: with symmetric weights every hidden neuron learns the same thing."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3, 20))
    Y = (X[:1] > 0).astype(float)
    net = Network.create([3, 4, 1], ["tanh", "sigmoid"], init="zeros")
    net.weights[1][:] = 0.5  # break symmetry in the output only
    for _ in range(50):
        net.iteration(X, Y, 0.5)
    W1 = net.weights[0]
    assert np.allclose(W1, W1[0]) and np.abs(W1).sum() > 0


@pytest.mark.parametrize(
    "dims,acts,loss,words",
    [
        ([3], None, "bce", "at least an input and an output"),
        ([3, 0, 1], None, "bce", "layer 1 has 0 neurons"),
        ([3, 2, 1], ["relu"], "bce", "need 2 activations"),
        ([3, 2, 1], ["relu", "softmax"], "bce", "unknown activation 'softmax'"),
        ([3, 2, 1], ["relu", "relu"], "bce", "needs a sigmoid output"),
        ([3, 2, 1], None, "hinge", "unknown cost 'hinge'"),
    ],
)
def test_bad_architectures_are_refused_with_a_message(dims, acts, loss, words):
    with pytest.raises(NetworkError, match=words):
        Network.create(dims, acts, loss=loss)


def test_mse_allows_any_output_activation_and_learns():
    rng = np.random.default_rng(1)
    X = rng.uniform(-1, 1, (2, 64))
    Y = 0.5 * X[:1] - 0.25 * X[1:]
    net = Network.create([2, 1], ["linear"], loss="mse", seed=2)
    costs = [net.iteration(X, Y, 0.5)[0] for _ in range(300)]
    assert costs[-1] < 1e-6 < costs[0]


def test_float32_precision_keeps_float64_parameters():
    net = Network.create([4, 3, 1], precision="float32")
    X = np.random.default_rng(0).random((4, 5)).astype(np.float32)
    net.iteration(X, np.ones((1, 5)), 0.1)
    assert all(W.dtype == np.float64 for W in net.weights)
