"""Finite-difference checks of the backward pass: every activation × both costs × depths 1–4."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from bpstudio.core import equations as eq
from bpstudio.core.activations import ACTIVATIONS, get_activation
from bpstudio.core.losses import LOSSES
from bpstudio.core.network import Network


def numeric_gradients(net: Network, X, Y, l2=0.0, h=1e-6):
    """Central differences of the cost with respect to every weight and bias."""
    grads = []
    for params in (net.weights, net.biases):
        out = []
        for P in params:
            G = np.zeros_like(P)
            for idx in np.ndindex(P.shape):
                old = P[idx]
                P[idx] = old + h
                c_plus = net.cost(X, Y, l2)
                P[idx] = old - h
                c_minus = net.cost(X, Y, l2)
                P[idx] = old
                G[idx] = (c_plus - c_minus) / (2 * h)
            out.append(G)
        grads.append(out)
    return grads


def relative_error(a_list, b_list) -> float:
    a = np.concatenate([x.ravel() for x in a_list])
    b = np.concatenate([x.ravel() for x in b_list])
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


CASES = [
    (act, loss, depth)
    for act in ACTIVATIONS
    for loss in LOSSES
    for depth in (1, 2, 3, 4)
]


@pytest.mark.parametrize("hidden,loss,depth", CASES)
def test_backward_matches_finite_differences(hidden, loss, depth):
    rng = np.random.default_rng(zlib.crc32(f"{hidden}-{loss}-{depth}".encode()))
    dims = [int(rng.integers(2, 6)) for _ in range(depth)] + [1]
    # cross-entropy needs a sigmoid output; with MSE the output uses the activation under test too
    out_act = "sigmoid" if loss == "bce" else hidden
    acts = [hidden] * (depth - 1) + [out_act]
    net = Network.create(dims, acts, loss=loss, init="xavier", seed=int(rng.integers(1000)))
    for b in net.biases:  # non-zero biases, mostly positive so no ReLU layer starts dead
        b[:] = rng.uniform(0.2, 0.8, b.shape)
    m = 7
    X = rng.normal(0, 1, (dims[0], m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    Zs, As = net.forward(X)
    dWs, dbs = net.gradients(Zs, As, Y)
    num_dW, num_db = numeric_gradients(net, X, Y)
    assert relative_error(dWs + dbs, num_dW + num_db) < 1e-7
    # and the gradients are not trivially zero (a check that cannot fail is worth nothing)
    assert sum(float(np.abs(d).sum()) for d in dWs) > 1e-6


def test_l2_term_matches_finite_differences():
    rng = np.random.default_rng(5)
    net = Network.create([4, 3, 1], ["tanh", "sigmoid"], init="he", seed=3)
    X = rng.normal(size=(4, 6))
    Y = (rng.random((1, 6)) > 0.5).astype(float)
    Zs, As = net.forward(X)
    dWs, dbs = net.gradients(Zs, As, Y, l2=0.7)
    num_dW, num_db = numeric_gradients(net, X, Y, l2=0.7)
    assert relative_error(dWs + dbs, num_dW + num_db) < 1e-7


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_activation_derivative_matches_finite_differences(name):
    act = get_activation(name)
    Z = np.array([[-3.0, -0.7, -0.1, 0.2, 0.9, 2.5]])
    h = 1e-6
    numeric = (act.f(Z + h) - act.f(Z - h)) / (2 * h)
    np.testing.assert_allclose(act.prime(Z, act.f(Z)), numeric, rtol=1e-7, atol=1e-9)


def test_saturated_sigmoid_output_gives_finite_cost_and_gradient():
    net = Network.create([1, 1], ["sigmoid"])
    net.weights[0][:] = 1000.0
    X = np.array([[1.0, -1.0]])
    Y = np.array([[0.0, 1.0]])  # both badly wrong and saturated: a is exactly 1 and exactly 0
    c = net.cost(X, Y)
    assert np.isfinite(c) and c == pytest.approx(1000.0, rel=1e-9)
    Zs, As = net.forward(X)
    dWs, dbs = net.gradients(Zs, As, Y)
    assert np.all(np.isfinite(dWs[0])) and dWs[0][0, 0] == pytest.approx(1.0)


def test_equation_3a_is_a_sum_over_columns_divided_by_m():
    dZ = np.array([[1.0, 2.0, 3.0, 6.0]])
    assert eq.bias_gradient(dZ)[0, 0] == pytest.approx(3.0)  # (1/4)·12, not (1/4)·mean = 0.75


def test_equation_2a_is_a_matrix_product():
    W = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])  # W[l+1] (3, 2): layer l has 2 neurons
    dZ = np.array([[1.0], [0.0], [-1.0]])
    np.testing.assert_array_equal(eq.error_passed_back(W, dZ), [[-4.0], [-4.0]])


@pytest.mark.parametrize("loss", list(LOSSES))
def test_equation_1a_is_each_samples_gradient_of_its_loss_m_times_that_of_the_cost(loss):
    """dA[L]: column i is ∂L/∂a of sample i; ∂C/∂A is 1/m of it (checked by nudging a)."""
    rng = np.random.default_rng(11)
    m, h = 5, 1e-6
    A = rng.uniform(0.1, 0.9, (1, m))
    Y = (rng.random((1, m)) > 0.5).astype(float)
    spec = LOSSES[loss]
    dA = eq.output_gradient(spec, A, Y)
    for i in range(m):
        up, down = A.copy(), A.copy()
        up[0, i] += h
        down[0, i] -= h
        zu, zd = np.log(up / (1 - up)), np.log(down / (1 - down))
        dL = (eq.losses(spec, zu, up, Y)[0, i] - eq.losses(spec, zd, down, Y)[0, i]) / (2 * h)
        dC = (eq.cost(spec, zu, up, Y, [], 0.0) - eq.cost(spec, zd, down, Y, [], 0.0)) / (2 * h)
        assert dA[0, i] == pytest.approx(dL, rel=1e-6)
        assert dA[0, i] == pytest.approx(m * dC, rel=1e-6)
