"""One training iteration as a schedule: the rows of the equation table in the order they run,
each row's computation and its explanation side by side.

micrograd walks one topological order and keeps every operation beside its backward; here each
row of the table (equations.py) carries what it computes (``run``, on the arrays of an
``Iteration``), what a step of it shows (``shows``, ``facts``), which function explains a cell
of it (``explain``, from explain.py) and what it is: ``is_error``, its result is the error δ
(dZ) of its layer; ``sets``, the parameter an update sets. ``schedule`` lists (row, layer) in
the engine's order for a network of L layers:

    for l = 1…L        z, a                    the forward pass
                       loss, cost              the cost (its own step only for m > 1)
                       1a, 1b                  等式1, layer L
    for l = L…1        3a, 3b  (layer l)       等式3
        while l > 1    2a, 2b  (layer l − 1)   等式2; nobody needs ∂C/∂X, so it stops at layer 1
    for l = 1…L        4a, 4b                  等式4

The engine (network.py) runs the rows without recording them and skips 1a, which only the
stepper shows (1b computes ∂L/∂a ⊙ σ′ itself, or a − y); the stepper (stepper.py) runs every row
and records a step of each. Both call the same functions, so their numbers agree bit for bit.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable, Iterable

import numpy as np

from . import equations as eq
from . import explain as ex
from .activations import get_activation
from .claims import (COST_IS_MEAN, COST_ON_THE_CURVE, LOSS_THEN_COST, LOSSES_THEN_COST, CostFacts,
                     PassBack, Slopes, pass_back, say_cost, slopes)
from .equations import BACKWARD, COST, FORWARD, TABLE, UPDATE, Equation
from .losses import LOSSES, get_loss
from .typealiases import FloatArray, NetworkLike

PHASES = (FORWARD, COST, BACKWARD, UPDATE)
# what a layer's entry holds until its row has run (the schedule's order reads none before)
_NOT_YET: FloatArray = np.empty((0, 0))


class Iteration:
    """The arrays one iteration's rows read and write. Lists are indexed as the network's:
    W[l] (n[l], n[l−1]) is ``weights[l − 1]``, and so are Z[l], dA[l], dZ[l], dW[l], db[l];
    A[l] is ``As[l]``, A[0] = X. A column is a sample, m the number of samples.

    ``in_place``: the update overwrites the parameters (the engine); otherwise it returns new
    arrays and leaves them as they were (the stepper, which shows both).
    """

    __slots__ = ("network", "acts", "loss", "float32", "Y", "learning_rate", "l2", "in_place",
                 "batch_size", "weights", "biases", "Zs", "As", "losses", "cost", "dAs", "dZs", "dWs", "dbs")

    def __init__(self, network: NetworkLike, X: FloatArray | None = None,
                 Y: FloatArray | None = None, learning_rate: float = 0.0, l2: float = 0.0, *,
                 weights: list[FloatArray] | None = None, biases: list[FloatArray] | None = None,
                 in_place: bool = True, batch_size: int | None = None) -> None:
        L = network.L
        self.network = network
        self.acts = [get_activation(a) for a in network.activations]
        self.loss = get_loss(network.loss)
        self.float32 = network.uses_float32
        self.Y: FloatArray = _NOT_YET if Y is None else Y
        self.learning_rate, self.l2, self.in_place = learning_rate, l2, in_place
        self.batch_size = batch_size  # how training batches these samples (None: all at once)
        self.weights: list[FloatArray] = network.weights if weights is None else weights
        self.biases: list[FloatArray] = network.biases if biases is None else biases
        self.Zs: list[FloatArray] = [_NOT_YET] * L
        self.As: list[FloatArray] = [_NOT_YET if X is None else X] + [_NOT_YET] * L
        self.losses: FloatArray = _NOT_YET
        self.cost = float("nan")
        self.dAs: list[FloatArray] = [_NOT_YET] * L
        self.dZs: list[FloatArray] = [_NOT_YET] * L
        self.dWs: list[FloatArray] = [_NOT_YET] * L
        self.dbs: list[FloatArray] = [_NOT_YET] * L


Run = Callable[[Iteration, int], FloatArray | float]  # layer l's result, kept for later rows
Shown = tuple[FloatArray, ...]  # the operands a step shows
Values = dict[str, object]  # named values a template is filled with
Facts = Callable[[Iteration, int, Shown], tuple[Values, Values]]  # for the note and the why


@dataclass(frozen=True, eq=False)
class Row:
    """A row of the equation table with what it computes and what explains a cell of it."""

    equation: Equation
    run: Run
    shows: Callable[[Iteration, int], Shown]  # the operands a step of it shows, after ``run``
    explain: ex.Explainer  # where a cell of its result comes from
    facts: Facts | None = None
    is_error: bool = False  # the result is the error δ (dZ) of its layer
    sets: str = ""  # "W" or "b": the parameter an update sets
    shown_only: bool = False  # only the stepper computes it: the engine needs nothing of it
    batch_only: bool = False  # a step only for m > 1: one sample's cost is its loss

    @property
    def phase(self) -> str:
        return self.equation.phase


# ----- what each row computes ------------------------------------------------------------------------

def _weighted_input(it: Iteration, l: int) -> FloatArray:
    Z = it.Zs[l - 1] = eq.weighted_input(it.weights[l - 1], it.As[l - 1], it.biases[l - 1],
                                         it.float32)
    return Z


def _activation(it: Iteration, l: int) -> FloatArray:
    A = it.As[l] = eq.activation_output(it.acts[l - 1], it.Zs[l - 1])
    return A


def _losses(it: Iteration, l: int) -> FloatArray:
    it.losses = eq.losses(it.loss, it.Zs[l - 1], it.As[l], it.Y)
    return it.losses


def _cost(it: Iteration, l: int) -> float:
    it.cost = eq.cost_of(it.losses, it.weights, it.l2)
    return it.cost


def _output_gradient(it: Iteration, l: int) -> FloatArray:
    dA = it.dAs[l - 1] = eq.output_gradient(it.loss, it.As[l], it.Y)
    return dA


def _output_error(it: Iteration, l: int) -> FloatArray:
    dZ = it.dZs[l - 1] = eq.output_error(it.loss, it.acts[l - 1], it.Zs[l - 1], it.As[l], it.Y)
    return dZ


def _error_passed_back(it: Iteration, l: int) -> FloatArray:
    dA = it.dAs[l - 1] = eq.error_passed_back(it.weights[l], it.dZs[l], it.float32)
    return dA


def _hidden_error(it: Iteration, l: int) -> FloatArray:
    dZ = it.dZs[l - 1] = eq.hidden_error(it.acts[l - 1], it.dAs[l - 1], it.Zs[l - 1], it.As[l])
    return dZ


def _bias_gradient(it: Iteration, l: int) -> FloatArray:
    db = it.dbs[l - 1] = eq.bias_gradient(it.dZs[l - 1])
    return db


def _weight_gradient(it: Iteration, l: int) -> FloatArray:
    dW = it.dWs[l - 1] = eq.weight_gradient(it.dZs[l - 1], it.As[l - 1], it.weights[l - 1],
                                            it.l2, it.float32)
    return dW


def _bias_update(it: Iteration, l: int) -> FloatArray:
    b = it.biases[l - 1]
    return eq.bias_update(b, it.dbs[l - 1], it.learning_rate, out=b if it.in_place else None)


def _weight_update(it: Iteration, l: int) -> FloatArray:
    W = it.weights[l - 1]
    return eq.weight_update(W, it.dWs[l - 1], it.learning_rate, out=W if it.in_place else None)


# ----- what a step of it shows -----------------------------------------------------------------------

def _primes(it: Iteration, l: int) -> FloatArray:
    """σ′(Z[l]), an operand of 1b and 2b that only the stepper shows (the ⊙ makes its own)."""
    return it.acts[l - 1].prime(it.Zs[l - 1], it.As[l])


def _sigma(it: Iteration, l: int, primes: FloatArray) -> tuple[Values, Values]:
    """What the note and the why say of layer l's σ, the why with this step's σ′ values."""
    a = it.acts[l - 1]
    formula, prime = a.formulas(it.As[0].shape[1])  # in the notation of one sample or of m
    return ({"act": a.name, "formula": formula, "prime": prime},
            {"derivative": slopes(Slopes(a.name, primes, it.As[0].shape[1] == 1))})


def _hidden_error_facts(it: Iteration, l: int, shown: Shown) -> tuple[Values, Values]:
    """σ of layer l, and how the error's size changed on its way back (等式2)."""
    values, why = _sigma(it, l, shown[1])
    back = PassBack(l, it.dZs[l], it.dAs[l - 1], it.dZs[l - 1], it.As[0].shape[1] == 1)
    return values, {**why, "passback": pass_back(back)}


def _cost_facts(it: Iteration) -> CostFacts:
    return CostFacts(it.losses, it.cost, it.l2, tuple(it.weights), it.batch_size,
                     it.As[0].shape[1] == 1)


def _loss_facts(it: Iteration, l: int, shown: Shown) -> tuple[Values, Values]:
    """What the losses go on to make: the cost, with or without the L2 term."""
    facts = _cost_facts(it)
    claim = LOSS_THEN_COST if facts.one_sample else LOSSES_THEN_COST
    return {"then": say_cost(claim, facts)}, {}


def _mean_cost_facts(it: Iteration, l: int, shown: Shown) -> tuple[Values, Values]:
    """What the cost is (a mean, or a mean plus the L2 term) and whether the curve plots it."""
    facts = _cost_facts(it)
    return {"what": say_cost(COST_IS_MEAN, facts), "curve": COST_ON_THE_CURVE.say(facts)}, {}


def _label_operands(it: Iteration, l: int) -> Shown:
    return it.As[l], it.Y


# ----- the rows --------------------------------------------------------------------------------------

WEIGHTED_INPUT = Row(TABLE["z"], _weighted_input,
                     lambda it, l: (it.weights[l - 1], it.As[l - 1], it.biases[l - 1]),
                     ex.weighted_input,
                     facts=lambda it, l, _: ({}, {"init": it.network.init_formula}))
ACTIVATION = Row(TABLE["a"], _activation, lambda it, l: (it.Zs[l - 1],), ex.activation,
                 facts=lambda it, l, _: _sigma(it, l, _primes(it, l)))
LOSS = {name: Row(TABLE[f"loss-{name}"], _losses, _label_operands, ex.loss, facts=_loss_facts)
        for name in LOSSES}
MEAN_COST = Row(TABLE["cost"], _cost, lambda it, l: (it.losses,), ex.cost, facts=_mean_cost_facts,
                batch_only=True)
OUTPUT_GRADIENT = {name: Row(TABLE[f"1a-{name}"], _output_gradient, _label_operands,
                             ex.output_gradient, shown_only=True) for name in LOSSES}
OUTPUT_ERROR = Row(TABLE["1b"], _output_error, lambda it, l: (it.dAs[l - 1], _primes(it, l)),
                   ex.output_error, facts=lambda it, l, shown: _sigma(it, l, shown[1]),
                   is_error=True)
FUSED_OUTPUT_ERROR = Row(TABLE["1b-fused"], _output_error, _label_operands,
                         ex.fused_output_error, is_error=True)
ERROR_PASSED_BACK = Row(TABLE["2a"], _error_passed_back,
                        lambda it, l: (it.weights[l].T, it.dZs[l]), ex.error_passed_back)
HIDDEN_ERROR = Row(TABLE["2b"], _hidden_error, lambda it, l: (it.dAs[l - 1], _primes(it, l)),
                   ex.hidden_error, facts=_hidden_error_facts, is_error=True)
BIAS_GRADIENT = Row(TABLE["3a"], _bias_gradient, lambda it, l: (it.dZs[l - 1],), ex.bias_gradient)
WEIGHT_GRADIENT = Row(TABLE["3b"], _weight_gradient,
                      lambda it, l: (it.dZs[l - 1], it.As[l - 1].T), ex.weight_gradient)
BIAS_UPDATE = Row(TABLE["4a"], _bias_update, lambda it, l: (it.biases[l - 1], it.dbs[l - 1]),
                  ex.parameter_update, sets="b")
WEIGHT_UPDATE = Row(TABLE["4b"], _weight_update, lambda it, l: (it.weights[l - 1], it.dWs[l - 1]),
                    ex.parameter_update, sets="W")

ROWS = (WEIGHTED_INPUT, ACTIVATION, *LOSS.values(), MEAN_COST, *OUTPUT_GRADIENT.values(),
        OUTPUT_ERROR, FUSED_OUTPUT_ERROR, ERROR_PASSED_BACK, HIDDEN_ERROR, BIAS_GRADIENT,
        WEIGHT_GRADIENT, BIAS_UPDATE, WEIGHT_UPDATE)


# ----- the order -------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=256)
def schedule(L: int, loss: str, output: str) -> tuple[tuple[Row, int], ...]:
    """(row, layer) of every step of one iteration, in the order the engine runs them, for L
    layers, the cost ``loss`` and the output layer's activation ``output``."""
    fused = eq.fused(get_loss(loss), get_activation(output))
    out = []
    for l in range(1, L + 1):
        out += [(WEIGHTED_INPUT, l), (ACTIVATION, l)]
    out += [(LOSS[loss], L), (MEAN_COST, L), (OUTPUT_GRADIENT[loss], L),
            (FUSED_OUTPUT_ERROR if fused else OUTPUT_ERROR, L)]
    for l in range(L, 0, -1):
        out += [(BIAS_GRADIENT, l), (WEIGHT_GRADIENT, l)]
        if l > 1:
            out += [(ERROR_PASSED_BACK, l - 1), (HIDDEN_ERROR, l - 1)]
    for l in range(1, L + 1):
        out += [(BIAS_UPDATE, l), (WEIGHT_UPDATE, l)]
    return tuple(out)


@functools.lru_cache(maxsize=256)
def engine_schedule(L: int, loss: str, output: str,
                    phases: tuple[str, ...] = PHASES) -> tuple[tuple[Row, int], ...]:
    """The part of ``schedule`` in ``phases`` that the engine runs: all but what only the stepper
    shows."""
    return tuple((row, l) for row, l in schedule(L, loss, output)
                 if row.phase in phases and not row.shown_only)


def run(rows: Iterable[tuple[Row, int]], it: Iteration) -> None:
    """Run (row, layer) after (row, layer) on ``it``, recording nothing: the engine's loop."""
    for row, l in rows:
        row.run(it, l)
