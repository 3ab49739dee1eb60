"""Explaining one number: the terms of its sum are the tutorial's neuron-by-neuron ones, they add up
to the cell, the chain rule over paths equals dW, and nudging a weight measures the same slope."""

from __future__ import annotations

import math

import numpy as np
import pytest

from bpstudio.core.explain import LISTED, agreement, chain_rule, explain, nudge, table
from bpstudio.core.network import Network
from bpstudio.core.stepper import Stepper


def sig(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


# The tutorial's hand-drawn 3–2–1 network, sigmoid throughout, two samples.
W1 = [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]
B1 = [0.01, -0.02]
W2 = [[0.7, -0.8]]
B2 = [0.03]
X = [[1.0, 0.5], [2.0, -1.0], [-0.5, 0.25]]  # 3 inputs × 2 samples
Y = [1.0, 0.0]
ALPHA = 0.5


def tutorial_net() -> Network:
    return Network((3, 2, 1), ("sigmoid", "sigmoid"),
                   [np.array(W1), np.array(W2)], [np.array(B1).reshape(2, 1),
                                                  np.array(B2).reshape(1, 1)])


def stepper(m: int = 2) -> Stepper:
    x = np.array(X)[:, :m]
    return Stepper(tutorial_net(), x, np.array([Y[:m]]), ALPHA)


def by_hand(m: int = 2) -> dict:
    """Every quantity of one iteration, neuron by neuron, with scalars: the tutorial's
    derivation, written out independently of the engine."""
    z1 = [[sum(W1[j][k] * X[k][i] for k in range(3)) + B1[j] for i in range(m)] for j in range(2)]
    a1 = [[sig(z) for z in row] for row in z1]
    z2 = [[sum(W2[0][k] * a1[k][i] for k in range(2)) + B2[0] for i in range(m)]]
    a2 = [[sig(z) for z in z2[0]]]
    d2 = [[a2[0][i] - Y[i] for i in range(m)]]  # 等式1, sigmoid + cross-entropy
    back = [[W2[0][j] * d2[0][i] for i in range(m)] for j in range(2)]  # 等式2, before σ′
    d1 = [[back[j][i] * a1[j][i] * (1 - a1[j][i]) for i in range(m)] for j in range(2)]
    dW1 = [[sum(d1[j][i] * X[k][i] for i in range(m)) / m for k in range(3)] for j in range(2)]
    dW2 = [[sum(d2[0][i] * a1[k][i] for i in range(m)) / m for k in range(2)]]
    db1 = [sum(d1[j]) / m for j in range(2)]
    return dict(z1=z1, a1=a1, z2=z2, a2=a2, d2=d2, back=back, d1=d1, dW1=dW1, dW2=dW2, db1=db1)


def step_of(s: Stepper, key: str, layer: int):
    return next(st for st in s.steps if st.equation.key.startswith(key) and st.layer == layer)


def test_z_lists_every_product_and_the_bias():
    s, h = stepper(), by_hand()
    z = step_of(s, "z", 1)
    e = explain(s, z.index, -1, 1, 1)  # z_2^[1] of sample 2
    assert e.target.text() == "Z_2^[1](2)"
    assert e.count == 3 and len(e.terms) == 3
    assert [t.value for t in e.terms] == pytest.approx([W1[1][k] * X[k][1] for k in range(3)],
                                                       abs=1e-15)
    assert [[f.sym.text() for f in t.factors] for t in e.terms] == [
        ["w_2,1^[1]", "A_1^[0](2)"], ["w_2,2^[1]", "A_2^[0](2)"], ["w_2,3^[1]", "A_3^[0](2)"]]
    assert [f.value for f in e.plus] == [B1[1]]
    assert e.total == pytest.approx(h["z1"][1][1], abs=1e-15)
    assert e.value == pytest.approx(h["z1"][1][1], abs=1e-15)
    assert ("W[1]", "row", 1) in e.lights and ("A[0]", "column", 1) in e.lights
    assert e.diagram == ("into", 1, 1)


def test_a_is_sigma_of_z():
    s, h = stepper(), by_hand()
    e = explain(s, step_of(s, "a", 1).index, -1, 0, 1)
    assert [f.sym.text() for f in e.inputs] == ["Z_1^[1](2)"]
    assert e.inputs[0].value == pytest.approx(h["z1"][0][1], abs=1e-15)
    assert e.total == pytest.approx(h["a1"][0][1], abs=1e-15)


def test_hidden_error_lists_the_errors_flowing_back_and_the_slope():
    s, h = stepper(), by_hand()
    e = explain(s, step_of(s, "2b", 1).index, -1, 1, 0)  # δ_2^[1] of sample 1
    assert e.target.text() == "dZ_2^[1](1)"
    assert e.count == 1  # one neuron in layer 2 receives neuron 2's output
    [term] = e.terms
    assert [f.sym.text() for f in term.factors] == ["w_1,2^[2]", "dZ_1^[2](1)"]
    assert [f.value for f in term.factors] == pytest.approx([W2[0][1], h["d2"][0][0]], abs=1e-15)
    [slope] = e.times
    a = h["a1"][1][0]
    assert slope.value == pytest.approx(a * (1 - a), abs=1e-15)
    assert e.total == pytest.approx(h["d1"][1][0], abs=1e-15)
    assert e.diagram == ("out of", 1, 1)
    assert "A(1 − A)" in str(e.note)


def test_the_error_passed_back_of_2a():
    s, h = stepper(), by_hand()
    e = explain(s, step_of(s, "2a", 1).index, -1, 0, 1)
    assert e.total == pytest.approx(h["back"][0][1], abs=1e-15)


def test_output_error_and_the_bias_and_weight_gradients():
    s, h = stepper(), by_hand()
    out = explain(s, step_of(s, "1b", 2).index, -1, 0, 0)
    assert out.total == pytest.approx(h["d2"][0][0], abs=1e-15)
    db = explain(s, step_of(s, "3a", 1).index, -1, 1, 0)
    assert [t.value for t in db.terms] == pytest.approx(h["d1"][1], abs=1e-15)
    assert [f.value for f in db.times] == [0.5]
    assert db.total == pytest.approx(h["db1"][1], abs=1e-15)
    dW = explain(s, step_of(s, "3b", 1).index, -1, 1, 2)  # dW_2,3^[1]
    assert dW.target.text() == "dW_2,3^[1]"
    assert [t.value for t in dW.terms] == pytest.approx([h["d1"][1][i] * X[2][i] for i in range(2)],
                                                        abs=1e-15)
    assert [[f.sym.text() for f in t.factors] for t in dW.terms] == [
        ["dZ_2^[1](1)", "A_3^[0](1)"], ["dZ_2^[1](2)", "A_3^[0](2)"]]
    assert dW.total == pytest.approx(h["dW1"][1][2], abs=1e-15)
    assert dW.weight == (1, 1, 2)


def test_the_update_of_one_weight():
    s, h = stepper(), by_hand()
    e = explain(s, step_of(s, "4b", 2).index, -1, 0, 1)
    assert [t.value for t in e.terms] == pytest.approx([W2[0][1], -ALPHA * h["dW2"][0][1]],
                                                       abs=1e-15)
    assert e.total == pytest.approx(W2[0][1] - ALPHA * h["dW2"][0][1], abs=1e-15)


def test_an_operand_is_explained_by_the_step_that_made_it():
    s, h = stepper(), by_hand()
    z2 = step_of(s, "z", 2)
    a1 = explain(s, z2.index, 1, 1, 0)  # the A[1] operand of Z[2]
    assert a1.target.text() == "A_2^[1](1)" and a1.total == pytest.approx(h["a1"][1][0])
    w = explain(s, z2.index, 0, 0, 1)  # a given: a weight
    assert w.value == W2[0][1] and w.weight == (2, 0, 1)
    dW1 = step_of(s, "3b", 1)
    x = explain(s, dW1.index, 1, 1, 2)  # A[0]ᵀ[1, 2] is input 3 of sample 2
    assert x.target.text() == "A_3^[0](2)" and x.value == X[2][1]
    slope = explain(s, step_of(s, "2b", 1).index, 1, 0, 1)  # σ′(Z[1])
    a = h["a1"][0][1]
    assert slope.value == pytest.approx(a * (1 - a))


def test_every_cell_of_every_step_adds_up_to_itself():
    """Every kind of cell, operands and results, of the 3–2–1 net and a deeper ReLU net with L2."""
    deep = Network.create((4, 5, 3, 1), ("relu", "tanh", "sigmoid"), seed=3)
    rng = np.random.default_rng(0)
    cases = [stepper(), stepper(1),
             Stepper(deep, rng.normal(size=(4, 6)), (rng.random((1, 6)) > 0.5) * 1.0, 0.1, l2=0.7),
             Stepper(Network.create((3, 4, 1), ("leaky_relu", "linear"), loss="mse", seed=2),
                     rng.normal(size=(3, 5)), rng.random((1, 5)), 0.1)]
    for s in cases:
        for step in s.steps:
            for view in range(-1, len(step.operands)):
                shape = (step.result if view < 0 else step.operands[view]).value.shape or (1, 1)
                for r in range(shape[0]):
                    for c in range(shape[1] if len(shape) > 1 else 1):
                        e = explain(s, step.index, view, r, c)
                        assert e.total == pytest.approx(e.value, rel=1e-12, abs=1e-15), (
                            step.equation.key, view, r, c)


def test_a_wide_sum_lists_the_largest_terms_and_the_rest(cat_data):
    net = Network.create((12288, 20, 7, 5, 1), seed=1)
    X, Y = cat_data.X_train, cat_data.Y_train
    s = Stepper(net, X, Y, 0.0075)
    z1 = step_of(s, "z", 1)
    e = explain(s, z1.index, -1, 3, 17, picture_shape=cat_data.input_shape)
    assert e.count == 12288 and len(e.terms) == LISTED
    sizes = [abs(t.value) for t in e.terms]
    assert sizes == sorted(sizes, reverse=True)
    every = net.weights[0][3, :] * X[:, 17]
    assert sizes[0] == pytest.approx(np.max(np.abs(every)))
    assert math.fsum(t.value for t in e.terms) + e.rest + e.plus[0].value == pytest.approx(
        e.value, rel=1e-12)
    assert e.total == pytest.approx(e.value, rel=1e-12)
    every = e.all_terms()
    assert len(every) == 12288 and [t.index for t in every] == list(range(12288))
    assert math.fsum(t.value for t in every) + e.plus[0].value == pytest.approx(e.value, rel=1e-12)
    rows = table(e)
    assert rows[0] == ["term", "factors", "values", "value"]
    assert len(rows) == 1 + 12288 + 1 + 2  # header, every term, the bias, the total, the cell
    assert rows[1][:2] == ["1", "w_4,1^[1] · A_1^[0](18)"]
    assert float(rows[-1][3]) == e.value and float(rows[-2][3]) == e.total
    assert e.picture.shape == (64, 64)
    assert e.picture.sum() == pytest.approx(e.total - e.plus[0].value, rel=1e-12)
    for key, layer, r, c in (("3b", 1, 4, 9000), ("3a", 1, 2, 0), ("2b", 2, 6, 100),
                             ("2a", 1, 19, 208), ("3b", 4, 0, 3), ("z", 3, 4, 5)):
        e = explain(s, step_of(s, key, layer).index, -1, r, c)
        assert e.total == pytest.approx(e.value, rel=1e-12, abs=1e-15), key
    dW1 = explain(s, step_of(s, "3b", 1).index, -1, 4, 9000)
    assert dW1.count == 209


def test_the_chain_rule_sums_the_paths_to_the_output_and_equals_dW():
    s, h = stepper(), by_hand()
    rule = chain_rule(s, 1, 1, 2, sample=0)  # w_2,3^[1]: one path, through neuron 1 of layer 2
    assert rule.count == 1
    [path] = rule.paths
    a = h["a1"][1][0]
    assert [f.sym.text() for f in path.factors] == ["A_3^[0](1)", "σ′(Z_2^[1](1))", "w_1,2^[2]",
                                                    "dZ_1^[2](1)"]
    assert [f.value for f in path.factors] == pytest.approx([X[2][0], a * (1 - a), W2[0][1],
                                                             h["d2"][0][0]], abs=1e-15)
    assert rule.per_sample == pytest.approx(h["d1"][1][0] * X[2][0], abs=1e-15)
    assert rule.batch == pytest.approx(h["dW1"][1][2], abs=1e-15)
    assert abs(rule.batch - rule.dW) <= 1e-12


@pytest.mark.parametrize("layer", [1, 2, 3, 4])
def test_the_chain_rule_over_many_paths_equals_dW(layer):
    net = Network.create((3, 4, 3, 4, 1), ("tanh", "sigmoid", "relu", "sigmoid"), loss="mse",
                         seed=5)
    rng = np.random.default_rng(1)
    s = Stepper(net, rng.normal(size=(3, 4)), rng.random((1, 4)).round(), 0.1, l2=0.2)
    for j in range(net.dims[layer]):
        for k in range(net.dims[layer - 1]):
            rule = chain_rule(s, layer, j, k, sample=2)
            assert rule.count == int(np.prod(net.dims[layer + 1:]))
            assert rule.per_sample == pytest.approx(
                s.deltas(len(s.steps))[layer][j, 2] * s.As[layer - 1][k, 2], rel=1e-12, abs=1e-15)
            assert abs(rule.batch - rule.dW) <= 1e-12


def test_the_chain_rule_of_the_cat_net_equals_dW(cat_data):
    net = Network.create((12288, 20, 7, 5, 1), seed=1)
    s = Stepper(net, cat_data.X_train, cat_data.Y_train, 0.0075)
    rule = chain_rule(s, 1, 4, 1000, sample=7)
    assert rule.count == 7 * 5 * 1
    assert abs(rule.batch - rule.dW) <= 1e-12


@pytest.mark.parametrize("layer,j,k", [(1, 4, 1000), (2, 3, 11), (3, 2, 5), (4, 0, 1)])
def test_nudging_a_weight_measures_dW(cat_data, layer, j, k):
    net = Network.create((12288, 20, 7, 5, 1), seed=1)
    s = Stepper(net, cat_data.X_train, cat_data.Y_train, 0.0075)
    check = nudge(s, layer, j, k)
    assert check.dW == s.dWs[layer - 1][j, k]
    if check.kinks == 0:  # a ReLU switching inside ±ε bends the cost: the slope is not dW there
        assert check.agreement >= 5, (check.slope, check.dW)


def test_nudging_the_small_net_agrees_to_many_digits():
    s = stepper()
    h = by_hand()
    check = nudge(s, 1, 1, 2)
    assert check.kinks == 0
    assert check.agreement >= 8
    assert check.dW == pytest.approx(h["dW1"][1][2], abs=1e-15)


def test_nudging_in_float32_says_how_close_it_can_be(cat_data):
    net = Network.create((12288, 20, 7, 5, 1), seed=1, precision="float32")
    s = Stepper(net, cat_data.X_train, cat_data.Y_train, 0.0075)
    check = nudge(s, 4, 0, 1)
    assert check.epsilon >= 1e-3
    assert check.dW == s.dWs[3][0, 1]
    assert check.agreement >= 2  # float32 keeps ~7 digits of C; the difference of two loses more
    assert check.exact_agreement >= 5  # the same ε in float64: the rest of the gap is rounding
    assert check.exact_agreement > check.agreement


def test_agreement_counts_significant_digits():
    assert agreement(1.2345678, 1.2345679) == 7
    assert agreement(2.0, 2.0) == 15
    assert agreement(1.0, -1.0) == 0
    assert agreement(0.0, 1e-9) == 0
