"""One training iteration as a list of steps, a row of the equation table each, with the numbers.

The steps are the schedule's (schedule.py), the one order of an iteration that the engine runs
too: the stepper runs every row of it on copies of the parameters and records a step of each,
so stepping to the end lands bitwise on the parameters of one engine iteration.

One sample is written in the tutorial's single-sample notation (δ, ∂L/∂W, the loss L), a batch in
its multi-sample notation (dZ, ∂C/∂W, the cost C). A step carries everything a view needs to draw
it (micrograd keeps ``_op`` on every node for the same reason): its row of the schedule and of
the table, the layer, the formula with the layer filled in, the operands and the result (name,
shape, values), the operations actually run, and its note and "why" as translatable messages.
Arrays are read-only views, never copies of X.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from . import claims
from .equations import BACKWARD, COST, FORWARD, L2_OPERATIONS, UPDATE, Equation
from .messages import UserMessage
from .network import Network, Parameters
from .schedule import Iteration, Row, Shown, schedule
from .typealiases import FloatArray

__all__ = ["BACKWARD", "COST", "FORWARD", "UPDATE", "Operand", "Step", "Stepper"]


def _frozen(a: np.ndarray | float) -> np.ndarray:
    v = np.asarray(a).view()
    v.flags.writeable = False
    return v


@dataclass(frozen=True)
class Operand:
    name: str
    value: np.ndarray

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.value.shape)

    @property
    def shape_text(self) -> str:
        return "×".join(str(n) for n in self.shape) if self.value.ndim else "1×1"


@dataclass(frozen=True)
class Step:
    index: int
    row: Row  # its row of the schedule: what it computes, what explains it
    layer: int
    samples: int  # m: 1 is the tutorial's single-sample table, more its multi-sample table
    formula: str  # with the layer filled in
    operands: tuple[Operand, ...]
    result: Operand
    operations: tuple[str, ...]
    note: UserMessage | None
    why: UserMessage

    @property
    def equation(self) -> Equation:
        """Its row of the table: what the tutorial calls it and writes."""
        return self.row.equation

    @property
    def phase(self) -> str:
        return self.equation.phase

    @property
    def one_sample(self) -> bool:
        return self.samples == 1

    @property
    def phase_name(self) -> str:
        """What its phase is called, a template to translate in the "core" context: the phase's
        name, but "loss" for the loss of one sample (whose cost it is)."""
        return self.equation.phase_name[0 if self.one_sample else 1]

    def shapes_text(self) -> str:
        """The shapes under the formula, e.g. (20×12288)·(12288×209) + (20×1) → (20×209)."""
        return self.equation.shapes[0 if self.one_sample else 1].format(
            *(f"({o.shape_text})" for o in self.operands), r=f"({self.result.shape_text})")

    def title_parts(self) -> tuple[str | None, str]:
        """(the tutorial's name of its 等式 or None, the step's own name): templates to
        translate in the "core" context."""
        return self.equation.group, self.equation.title[0 if self.one_sample else 1]

    def describe(self) -> str:
        """The step as one line of English: for logs and tests (views translate the parts)."""
        label = f"equation {self.equation.label}" if self.equation.label else self.phase
        group, title = self.title_parts()
        name = f"{group}: {title}" if group else title
        shapes = " ".join(f"{o.name} ({o.shape_text})" for o in self.operands)
        return (f"{label}: {name}, layer {self.layer}. {self.formula}. Operands: {shapes}. "
                f"Result: {self.result.name} ({self.result.shape_text}).")


@dataclass
class Stepper:
    """Walks one iteration of ``network`` on the batch (X, Y); the network itself is not changed.
    Without labels (Y None: a picture nobody has labelled yet) only the forward pass is laid out.

    ``position`` is the number of steps done (0: none, len(steps): the whole iteration).
    """

    network: Network
    X: np.ndarray
    Y: np.ndarray | None
    learning_rate: float
    l2: float = 0.0
    batch_size: int | None = None  # how training batches these samples (None: all at once)
    steps: list[Step] = field(init=False)
    position: int = field(init=False, default=0)
    cost: float = field(init=False)

    def __post_init__(self) -> None:
        self.X = _frozen(np.asfortranarray(self.X, dtype=self.network.input_dtype))
        self.Y = None if self.Y is None else _frozen(np.asarray(self.Y, dtype=np.float64))
        self.start_weights = [_frozen(W.copy()) for W in self.network.weights]
        self.start_biases = [_frozen(b.copy()) for b in self.network.biases]
        self.steps = []
        self._changes: dict[int, tuple[str, int, np.ndarray]] = {}  # step → parameter it sets
        self._build()

    @property
    def samples(self) -> int:
        return int(self.X.shape[1])

    @property
    def forward_only(self) -> bool:
        """No labels: the loss and the backward pass need y."""
        return self.Y is None

    # ----- building the list -----------------------------------------------------------------------

    def _build(self) -> None:
        """Every row of the schedule run on copies of the parameters, a step recorded of each."""
        net = self.network
        it = Iteration(net, self.X, self.Y, self.learning_rate, self.l2,
                       weights=list(self.start_weights), biases=list(self.start_biases),
                       in_place=False, batch_size=self.batch_size)
        for row, layer in schedule(net.L, net.loss, net.activations[-1]):
            if self.Y is None and row.phase != FORWARD:
                break  # the loss and the backward pass need y
            result = row.run(it, layer)
            if row.batch_only and self.samples == 1:
                continue
            if row.sets:
                self._changes[len(self.steps)] = (row.sets, layer, _frozen(result))
            self._add(row, layer, row.shows(it, layer), result, it)
        self.Zs, self.As, self.cost = it.Zs, it.As, it.cost
        self.dWs: list[FloatArray] | None = None if self.Y is None else it.dWs
        self.dbs: list[FloatArray] | None = None if self.Y is None else it.dbs

    def _add(self, row: Row, layer: int, operands: Shown, result: FloatArray | float,
             it: Iteration) -> None:
        """A step of ``row`` for ``layer``: names and formula from the table, the values given,
        its note and why filled with the row's facts (m, l, … are always there)."""
        e = row.equation
        m = self.samples
        k = 0 if m == 1 else 1
        values, why_values = row.facts(it, layer, operands) if row.facts else ({}, {})
        names = {"l": layer, "p": layer - 1, "n": layer + 1, "L": self.network.L,
                 "alpha": f"{self.learning_rate:g}", **values}
        formula = e.formula[k].format(**names)
        operations = e.operations[k]
        if self.l2 and any(e.l2):
            formula += e.l2[k].format(**names)
            operations += L2_OPERATIONS
        note = (UserMessage(e.note[k], m=f"{m:,}", **names) if e.note[k] else None)
        why = UserMessage(e.why[k], m=f"{m:,}", **names, **why_values)
        self.steps.append(Step(
            len(self.steps), row, layer, m, formula,
            tuple(Operand(n.format(**names), _frozen(v)) for n, v in zip(e.operands[k], operands)),
            Operand(e.result[k].format(**names), _frozen(result)), operations, note, why))

    # ----- moving ----------------------------------------------------------------------------------

    @property
    def current(self) -> Step | None:
        """The step last done (None before the first)."""
        return self.steps[self.position - 1] if self.position else None

    @property
    def finished(self) -> bool:
        return self.position == len(self.steps)

    def go(self, position: int) -> int:
        self.position = max(0, min(int(position), len(self.steps)))
        return self.position

    def next(self) -> int:
        return self.go(self.position + 1)

    def previous(self) -> int:
        return self.go(self.position - 1)

    def home(self) -> int:
        return self.go(0)

    def run_to_end(self) -> int:
        return self.go(len(self.steps))

    def first_of(self, phase: str) -> int:
        """Position just after the first step of ``phase`` (forward, cost, backward, update)."""
        return next(s.index for s in self.steps if s.phase == phase) + 1

    def parameters(self, position: int | None = None) -> Parameters:
        """W and b once ``position`` steps are done: the updates so far applied."""
        position = self.position if position is None else position
        weights, biases = list(self.start_weights), list(self.start_biases)
        for index, (kind, l, value) in self._changes.items():
            if index < position:
                (weights if kind == "W" else biases)[l - 1] = value
        return Parameters(tuple(weights), tuple(biases))

    def applying(self, train_samples: int) -> UserMessage:
        """What applying the whole stepped iteration does, as the Apply button says it: a claim
        over the numbers (one sample: its loss L before and after the step)."""
        before = after = float("nan")
        if self.samples == 1 and self.Y is not None:
            weights, biases = self.parameters(len(self.steps))
            stepped = replace(self.network, weights=list(weights), biases=list(biases))
            with np.errstate(over="ignore", invalid="ignore"):  # a diverged network: said so
                before, after = self.network.cost(self.X, self.Y), stepped.cost(self.X, self.Y)
        return claims.applying(claims.Applying(self.samples, train_samples, self.batch_size,
                                               self.learning_rate, before, after))

    def deltas(self, position: int | None = None) -> dict[int, np.ndarray]:
        """dZ[l] (the error δ) of each layer the backward pass has reached by ``position``."""
        position = self.position if position is None else position
        return {s.layer: s.result.value for s in self.steps[:position] if s.row.is_error}
