"""The stepper walks the engine's iteration: same order, same numbers, bit for bit."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.datasets import builtin_dataset
from bpstudio.core.network import Network
from bpstudio.core.stepper import BACKWARD, COST, FORWARD, UPDATE, Stepper


def sequence(net: Network) -> list[tuple]:
    """The issue's order, written out independently of the stepper's code."""
    L = net.L
    out = []
    for l in range(1, L + 1):
        out += [(1, l), (2, l)]
    out += [(None, L), (None, L), (3, L)]
    for l in range(L, 0, -1):
        out += [(6, l), (5, l)]
        if l > 1:
            out += [(9, l), (4, l - 1)]
    for l in range(1, L + 1):
        out += [(8, l), (7, l)]
    return out


def check_equal_to_engine(net: Network, X, Y, lr: float):
    stepper = Stepper(net.copy(), X, Y, lr)
    assert [(s.equation, s.layer) for s in stepper.steps] == sequence(net)
    engine = net.copy()
    Zs, As = engine.forward(np.asfortranarray(X))
    dWs, dbs = engine.gradients(Zs, As, Y)
    by_name = {s.result.name: s.result.value for s in stepper.steps if s.phase != UPDATE}
    for l in range(1, net.L + 1):
        np.testing.assert_array_equal(by_name[f"Z[{l}]"], Zs[l - 1])
        np.testing.assert_array_equal(by_name[f"A[{l}]"], As[l])
        np.testing.assert_array_equal(by_name[f"dW[{l}]"], dWs[l - 1])
        np.testing.assert_array_equal(by_name[f"db[{l}]"], dbs[l - 1])
    engine = net.copy()  # a fresh copy runs one whole engine iteration
    cost, _, _ = engine.iteration(np.asfortranarray(X), Y, lr)
    assert stepper.cost == cost
    stepper.run_to_end()
    weights, biases = stepper.parameters()
    for a, b in zip(weights + biases, engine.weights + engine.biases):
        np.testing.assert_array_equal(a, b)  # bitwise
    return stepper


@pytest.mark.parametrize("batch", ["one sample", "full batch"])
def test_the_3_2_1_preset_steps_onto_the_engines_parameters(batch):
    ds = builtin_dataset("three-features")
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    X, Y = ds.X_train, ds.Y_train
    if batch == "one sample":
        X, Y = X[:, 4:5], Y[:, 4:5]
    check_equal_to_engine(net, X, Y, 0.5)


@pytest.mark.parametrize("batch", ["one sample", "full batch"])
def test_the_four_layer_cat_net_steps_onto_the_engines_parameters(cat_data, batch):
    net = Network.create([12288, 20, 7, 5, 1])
    X, Y = cat_data.X_train, cat_data.Y_train
    if batch == "one sample":
        X, Y = X[:, 7:8], Y[:, 7:8]
    stepper = check_equal_to_engine(net, X, Y, 0.0075)
    first = stepper.steps[0]
    assert first.formula == "Z[1] = W[1]·A[0] + b[1]"
    assert [o.shape for o in first.operands] == [(20, 12288), (12288, X.shape[1]), (20, 1)]
    assert first.result.shape == (20, X.shape[1])


def test_previous_restores_the_earlier_parameters_exactly():
    ds = builtin_dataset("three-features")
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    s = Stepper(net, ds.X_train, ds.Y_train, 0.5)
    start_W = [W.copy() for W in net.weights]
    update = s.first_of(UPDATE)
    s.go(update)  # W[1] updated
    assert not np.array_equal(s.parameters()[0][0], start_W[0])
    s.previous()
    for W, W0 in zip(s.parameters()[0], start_W):
        np.testing.assert_array_equal(W, W0)
    np.testing.assert_array_equal(net.weights[0], start_W[0])  # the network itself is untouched


def test_jumps_and_phases():
    ds = builtin_dataset("three-features")
    s = Stepper(Network.create([3, 2, 1], ["sigmoid", "sigmoid"]), ds.X_train, ds.Y_train, 0.5)
    assert s.current is None and s.position == 0
    assert s.steps[s.first_of(FORWARD) - 1].equation == 1
    assert s.steps[s.first_of(COST) - 1].phase == COST
    assert s.steps[s.first_of(BACKWARD) - 1].result.name == "dA[2]"
    assert s.steps[s.first_of(UPDATE) - 1].equation == 8
    s.run_to_end()
    assert s.finished and s.next() == len(s.steps)
    s.home()
    assert s.position == 0 and s.previous() == 0


def test_steps_describe_themselves_and_are_read_only():
    ds = builtin_dataset("three-features")
    s = Stepper(Network.create([3, 2, 1], ["sigmoid", "sigmoid"]), ds.X_train, ds.Y_train, 0.5)
    eq9 = next(st for st in s.steps if st.equation == 9)
    assert eq9.describe() == ("eq. 9: error passed back (误差反向传递), layer 2. dA[1] = W[2]ᵀ·dZ[2]. "
                              "Operands: W[2]ᵀ (2×1) dZ[2] (1×150). Result: dA[1] (2×150).")
    assert eq9.operations == ("matrix product",)
    eq4 = next(st for st in s.steps if st.equation == 4)
    assert eq4.title_zh == "隐含层误差" and eq4.operations == ("element-wise ⊙",)
    with pytest.raises(ValueError):
        eq4.result.value[0, 0] = 1.0
    deltas = s.deltas(len(s.steps))
    assert set(deltas) == {1, 2} and deltas[1].shape == (2, 150)
