"""The stepper walks the engine's iteration: same order, same numbers, bit for bit; every step
names the tutorial's equation and the operation it really runs."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core import equations as eq
from bpstudio.core.datasets import builtin_dataset
from bpstudio.core.network import Network
from bpstudio.core.stepper import BACKWARD, COST, FORWARD, UPDATE, Stepper


def sequence(net: Network, m: int) -> list[tuple]:
    """(tutorial label or kind, layer) of every step, written out independently of the stepper:
    the forward pass, the loss (and the cost for m > 1), 等式1, then 等式3 and 等式2 layer by
    layer, then 等式4."""
    L = net.L
    out = []
    for l in range(1, L + 1):
        out += [("z", l), ("a", l)]
    out += [("loss", L)] + ([("cost", L)] if m > 1 else [])
    out += [("1a", L), ("1b", L)]
    for l in range(L, 0, -1):
        out += [("3a", l), ("3b", l)]
        if l > 1:
            out += [("2a", l - 1), ("2b", l - 1)]
    for l in range(1, L + 1):
        out += [("4a", l), ("4b", l)]
    return out


def kind(step) -> str:
    return step.equation.label or step.equation.key.split("-")[0]


def check_equal_to_engine(net: Network, X, Y, lr: float, l2: float = 0.0):
    stepper = Stepper(net.copy(), X, Y, lr, l2)
    assert [(kind(s), s.layer) for s in stepper.steps] == sequence(net, X.shape[1])
    engine = net.copy()
    Zs, As = engine.forward(np.asfortranarray(X))
    dWs, dbs = engine.gradients(Zs, As, Y, l2)
    by_label = {(kind(s), s.layer): s.result.value for s in stepper.steps}
    for l in range(1, net.L + 1):
        np.testing.assert_array_equal(by_label["z", l], Zs[l - 1])
        np.testing.assert_array_equal(by_label["a", l], As[l])
        np.testing.assert_array_equal(by_label["3b", l], dWs[l - 1])
        np.testing.assert_array_equal(by_label["3a", l], dbs[l - 1])
    engine = net.copy()  # a fresh copy runs one whole engine iteration
    cost, _, _ = engine.iteration(np.asfortranarray(X), Y, lr, l2)
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


def test_mse_tanh_and_l2_step_onto_the_engines_parameters():
    ds = builtin_dataset("three-features")
    net = Network.create([3, 4, 2, 1], ["tanh", "leaky_relu", "linear"], loss="mse", init="he")
    s = check_equal_to_engine(net, ds.X_train, ds.Y_train, 0.1, l2=0.3)
    keys = [st.equation.key for st in s.steps]
    assert "1b" in keys and "1b-fused" not in keys and "1a-mse" in keys
    dW1 = next(st for st in s.steps if st.equation.key == "3b" and st.layer == 1)
    assert dW1.formula.endswith(" + λ/m·W[1]") and eq.ADDITION in dW1.operations


@pytest.mark.parametrize("batch", ["one sample", "full batch"])
def test_the_four_layer_cat_net_steps_onto_the_engines_parameters(cat_data, batch):
    net = Network.create([12288, 20, 7, 5, 1])
    X, Y = cat_data.X_train, cat_data.Y_train
    if batch == "one sample":
        X, Y = X[:, 7:8], Y[:, 7:8]
    stepper = check_equal_to_engine(net, X, Y, 0.0075)
    first = stepper.steps[0]
    assert first.formula == ("z[1] = W[1]·a[0] + b[1]" if batch == "one sample"
                             else "Z[1] = W[1]·A[0] + b[1]")
    assert [o.shape for o in first.operands] == [(20, 12288), (12288, X.shape[1]), (20, 1)]
    assert first.result.shape == (20, X.shape[1])


def test_one_sample_speaks_the_single_sample_table_and_a_batch_the_multi_sample_table():
    ds = builtin_dataset("three-features")
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    one = Stepper(net, ds.X_train[:, :1], ds.Y_train[:, :1], 0.5)
    many = Stepper(net, ds.X_train, ds.Y_train, 0.5)
    f1 = {kind(s) + str(s.layer): s.formula for s in one.steps}
    fm = {kind(s) + str(s.layer): s.formula for s in many.steps}
    assert f1["1b2"] == "δ[2] = ∇ₐL ⊙ σ′(z[2]) = a[2] − y"
    assert fm["1b2"] == "dZ[2] = dA[2] ⊙ σ′(Z[2]) = A[2] − Y"
    assert f1["3b1"] == "∂L/∂W[1] = δ[1]·a[0]ᵀ"
    assert fm["3b1"] == "dW[1] = ∂C/∂W[1] = 1/m·dZ[1]·A[0]ᵀ"
    assert f1["2a1"] == "∂L/∂a[1] = W[2]ᵀ·δ[2]" and fm["2a1"] == "dA[1] = W[2]ᵀ·dZ[2]"
    assert "loss2" in f1 and "cost2" not in f1  # one sample: its loss is all there is
    assert fm["cost2"] == "C = 1/m·Σᵢ L⁽ⁱ⁾"
    losses = next(s for s in many.steps if kind(s) == "loss").result.value
    assert losses.shape == (1, 150) and many.cost == pytest.approx(losses.mean(), rel=1e-15)


def test_the_note_under_dw_counts_samples_never_neurons(cat_data):
    net = Network.create([12288, 20, 7, 5, 1])
    for X, Y, m in ((cat_data.X_train[:, :1], cat_data.Y_train[:, :1], "1"),
                    (cat_data.X_train, cat_data.Y_train, "209")):
        s = Stepper(net, X, Y, 0.0075)
        for st in s.steps:
            if st.equation.key == "3b":
                text = str(st.note)
                assert text.startswith(f"m = {m} sample"), text
                assert "12288" not in text and "= 5 " not in text


# each operation tag, done again by this test's own numpy: the tags must name what ran
def redo(step):
    ops = step.operations
    v = [o.value for o in step.operands]
    key = step.equation.key
    if ops == (eq.MATRIX_PRODUCT, eq.BROADCAST_ADD):
        return v[0] @ v[1] + v[2]
    if ops == (eq.MATRIX_PRODUCT,):
        return v[0] @ v[1]
    if ops == (eq.MATRIX_PRODUCT, eq.SCALAR_MULTIPLE):
        return (v[0] @ v[1]) / step.samples
    if ops == (eq.ELEMENTWISE_PRODUCT,):
        return v[0] * v[1]
    if ops == (eq.SUBTRACTION,) and key == "1a-mse":
        return v[0] - v[1]
    if ops == (eq.SUBTRACTION,):
        return v[0] - v[1]
    if ops == (eq.ELEMENTWISE_QUOTIENT, eq.SUBTRACTION):
        return -(v[1] / v[0] - (1 - v[1]) / (1 - v[0]))
    if ops == (eq.ROW_SUM, eq.SCALAR_MULTIPLE):
        return v[0].sum(axis=1, keepdims=True) / step.samples
    if ops == (eq.TOTAL_SUM, eq.SCALAR_MULTIPLE):
        return v[0].sum() / step.samples
    if ops == (eq.SCALAR_MULTIPLE, eq.SUBTRACTION):
        return v[0] - float(step.formula.rsplit("α = ", 1)[1]) * v[1]
    if ops == (eq.ELEMENTWISE_FUNCTION,) and key == "a":
        return {"relu": np.maximum(v[0], 0), "sigmoid": 1 / (1 + np.exp(-v[0]))}[
            step.formula.split("(")[0].split("= ")[1]]
    if ops in ((eq.LOSS_FUNCTION,), (eq.LOSS_OF_EACH,)) and key == "loss-bce":
        assert (ops == (eq.LOSS_FUNCTION,)) == (step.samples == 1)
        a, y = v
        return -(y * np.log(a) + (1 - y) * np.log(1 - a))
    if ops == (eq.NOTHING,):  # one sample's 3a: ∂L/∂b is δ itself
        assert step.samples == 1
        return v[0]
    if ops == (eq.OUTER_PRODUCT,):  # one sample's 3b: a column times a row, nothing summed
        assert step.samples == 1 and v[0].shape[1] == v[1].shape[0] == 1
        return v[0] * v[1]
    raise AssertionError(f"no independent implementation of {ops} for {key}")


@pytest.mark.parametrize("m", [1, 209])
def test_every_operation_tag_names_what_the_step_computes(cat_data, m):
    net = Network.create([12288, 20, 7, 5, 1])
    s = Stepper(net, cat_data.X_train[:, :m], cat_data.Y_train[:, :m], 0.0075)
    elementwise = 0
    for st in s.steps:
        np.testing.assert_allclose(redo(st), st.result.value, rtol=1e-9, atol=1e-12,
                                   err_msg=st.describe())
        if eq.ELEMENTWISE_PRODUCT in st.operations:  # ⊙ only where element-wise products happen
            elementwise += 1
            assert st.operands[0].shape == st.operands[1].shape == st.result.shape
    assert elementwise == 3  # 等式2b for the three hidden layers (1b is a − y here)


def test_previous_restores_the_earlier_parameters_exactly():
    ds = builtin_dataset("three-features")
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    s = Stepper(net, ds.X_train, ds.Y_train, 0.5)
    start_W = [W.copy() for W in net.weights]
    update = s.first_of(UPDATE) + 1  # b[1], then W[1]
    s.go(update)
    assert not np.array_equal(s.parameters()[0][0], start_W[0])
    s.previous()
    for W, W0 in zip(s.parameters()[0], start_W):
        np.testing.assert_array_equal(W, W0)
    np.testing.assert_array_equal(net.weights[0], start_W[0])  # the network itself is untouched


def test_jumps_and_phases():
    ds = builtin_dataset("three-features")
    s = Stepper(Network.create([3, 2, 1], ["sigmoid", "sigmoid"]), ds.X_train, ds.Y_train, 0.5)
    assert s.current is None and s.position == 0
    assert s.steps[s.first_of(FORWARD) - 1].equation.key == "z"
    assert s.steps[s.first_of(COST) - 1].equation.key == "loss-bce"
    assert s.steps[s.first_of(BACKWARD) - 1].result.name == "dA[2]"
    assert s.steps[s.first_of(UPDATE) - 1].equation.label == "4a"
    s.run_to_end()
    assert s.finished and s.next() == len(s.steps)
    s.home()
    assert s.position == 0 and s.previous() == 0


def test_steps_describe_themselves_and_are_read_only():
    ds = builtin_dataset("three-features")
    s = Stepper(Network.create([3, 2, 1], ["sigmoid", "sigmoid"]), ds.X_train, ds.Y_train, 0.5)
    back = next(st for st in s.steps if st.equation.label == "2a")
    assert back.describe() == (
        "equation 2a: hidden-layer error: the error passed back through Wᵀ, layer 1. "
        "dA[1] = W[2]ᵀ·dZ[2]. Operands: W[2]ᵀ (2×1) dZ[2] (1×150). Result: dA[1] (2×150).")
    assert back.operations == (eq.MATRIX_PRODUCT,)
    hidden = next(st for st in s.steps if st.equation.label == "2b")
    assert hidden.equation.group == "hidden-layer error"
    assert hidden.operations == (eq.ELEMENTWISE_PRODUCT,)
    with pytest.raises(ValueError):
        hidden.result.value[0, 0] = 1.0
    deltas = s.deltas(len(s.steps))
    assert set(deltas) == {1, 2} and deltas[1].shape == (2, 150)
