"""One schedule of an iteration: its order written out by hand for 1, 2 and 4 layers, every row of
the table in it with an explainer that explains its cells, and the engine running the order the
stepper shows."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core import explain as ex
from bpstudio.core import network as network_module
from bpstudio.core.equations import TABLE
from bpstudio.core.explain import explain
from bpstudio.core.network import Network
from bpstudio.core.schedule import ROWS, schedule
from bpstudio.core.stepper import Stepper


def written(L: int, loss: str = "bce", output: str = "sigmoid") -> str:
    """The schedule as "key layer" words: "z1 a1 … 4bL"."""
    return " ".join(f"{row.equation.key}{layer}" for row, layer in schedule(L, loss, output))


# the order as docs/equations.md states it, spelt out (not built by a loop like the schedule's)
ORDERS = {
    1: "z1 a1 loss-bce1 cost1 1a-bce1 1b-fused1 3a1 3b1 4a1 4b1",
    2: "z1 a1 z2 a2 loss-bce2 cost2 1a-bce2 1b-fused2 3a2 3b2 2a1 2b1 3a1 3b1 "
       "4a1 4b1 4a2 4b2",
    4: "z1 a1 z2 a2 z3 a3 z4 a4 loss-bce4 cost4 1a-bce4 1b-fused4 "
       "3a4 3b4 2a3 2b3 3a3 3b3 2a2 2b2 3a2 3b2 2a1 2b1 3a1 3b1 "
       "4a1 4b1 4a2 4b2 4a3 4b3 4a4 4b4",
}


@pytest.mark.parametrize("L", sorted(ORDERS))
def test_the_order_of_one_iteration(L):
    assert written(L) == ORDERS[L]


def test_the_cost_and_the_output_choose_the_rows_of_their_variant():
    mse = ORDERS[2].replace("-bce", "-mse").replace("1b-fused", "1b")
    assert written(2, "mse", "linear") == mse
    assert "1b-fused" not in written(1, "mse", "sigmoid")  # a − y only for cross-entropy


def test_every_row_of_the_table_is_one_row_of_the_schedule():
    assert sorted(row.equation.key for row in ROWS) == sorted(TABLE)
    for row in ROWS:
        assert row.explain.__module__ == ex.__name__, row.equation.key
        assert callable(row.run) and callable(row.shows)


def test_the_flags_say_what_the_table_writes():
    for row in ROWS:
        result = row.equation.result
        assert row.is_error == (result[1].startswith("dZ[")), row.equation.key
        assert row.sets == (result[1][0] if row.equation.phase == "update" else "")
        assert not row.shown_only or row.equation.label == "1a"
        assert not row.batch_only or row.equation.key == "cost"


def steppers() -> list[Stepper]:
    """Steppers that between them use every row: cross-entropy (1b is a − y) and the squared
    error (1b is ∂L/∂a ⊙ σ′), one sample and a batch, L2 on."""
    rng = np.random.default_rng(4)
    bce = Network.create((3, 4, 2, 1), ("relu", "tanh", "sigmoid"), seed=2)
    mse = Network.create((2, 3, 1), ("leaky_relu", "sigmoid"), loss="mse", seed=3)
    X3, X2 = rng.normal(size=(3, 5)), rng.normal(size=(2, 5))
    Y = (rng.random((1, 5)) > 0.5) * 1.0
    return [Stepper(bce, X3, Y, 0.1, l2=0.5), Stepper(bce, X3[:, :1], Y[:, :1], 0.1),
            Stepper(mse, X2, Y, 0.1)]


def test_every_row_explains_every_cell_of_its_steps():
    used = set()
    for s in steppers():
        for step in s.steps:
            used.add(step.row)
            value = step.result.value
            for r, c in np.ndindex(value.shape or (1, 1)):
                e = explain(s, step.index, -1, r, c)
                assert e.value == float(value[r, c] if value.ndim else value), step.describe()
                assert e.total == pytest.approx(e.value, rel=1e-12, abs=1e-15), step.describe()
    assert used == set(ROWS)


def test_one_sample_has_no_cost_step_and_the_forward_only_stepper_stops_before_the_loss():
    net = Network.create((3, 2, 1), ("tanh", "sigmoid"))
    x = np.ones((3, 1))
    one = Stepper(net, x, np.ones((1, 1)), 0.1)
    assert [s.equation.key for s in one.steps] == [
        w.rstrip("0123456789") for w in ORDERS[2].split() if w != "cost2"]
    assert one.cost == pytest.approx(float(one.steps[4].result.value[0, 0]), rel=1e-15)
    unlabelled = Stepper(net, x, None, 0.1)
    assert [s.equation.key for s in unlabelled.steps] == ["z", "a", "z", "a"]
    assert unlabelled.dWs is None and np.isnan(unlabelled.cost)


@pytest.mark.parametrize("loss,output", [("bce", "sigmoid"), ("mse", "tanh")])
def test_the_engine_runs_the_order_the_stepper_shows(monkeypatch, loss, output):
    """The engine's iteration, spied on: the stepper's steps in their order, less ∂L/∂a[L], which
    only the stepper shows (the engine's 1b makes its own)."""
    ran = []
    real_run = network_module.run

    def spy(rows, it):
        ran.extend((row.equation.key, layer) for row, layer in rows)
        real_run(rows, it)

    net = Network.create((3, 4, 2, 1), ("relu", "tanh", output), loss=loss, seed=5)
    X = np.random.default_rng(5).normal(size=(3, 6))
    Y = (np.arange(6) % 2).reshape(1, 6) * 1.0
    shown = [(s.equation.key, s.layer) for s in Stepper(net, X, Y, 0.1).steps]
    monkeypatch.setattr(network_module, "run", spy)
    net.iteration(np.asfortranarray(X), Y, 0.1)
    assert ran == [(key, l) for key, l in shown if TABLE[key].label != "1a"]


def test_each_step_says_what_its_phase_is_called():
    net = Network.create((3, 2, 1), ("tanh", "sigmoid"))
    x, y = np.ones((3, 2)), np.array([[1.0, 0.0]])
    one = {s.equation.key: s.phase_name for s in Stepper(net, x[:, :1], y[:, :1], 0.1).steps}
    many = {s.equation.key: s.phase_name for s in Stepper(net, x, y, 0.1).steps}
    assert one["loss-bce"] == "loss"  # one sample: its loss is the cost, and is called so
    assert many["loss-bce"] == many["cost"] == "cost"
    assert one["z"] == many["z"] == "forward pass" and one["4b"] == "update"
    assert many["3b"] == "backward pass"
