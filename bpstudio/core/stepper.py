"""One training iteration as a list of steps, a row of the equation table each, with the numbers.

The order is the engine's: for l = 1…L the weighted input z and the activation a; the loss of
each sample and (for m > 1) the cost; 等式1 (1a ∇ₐL, 1b δ[L]); then for l = L…1 等式3 (3a db,
3b dW) and, while l > 1, 等式2 for layer l−1 (2a Wᵀ·δ, 2b ⊙ σ′); then 等式4 (4a b, 4b W) for each
layer. Every step calls the same functions of ``equations`` in the same order as the engine's
``Network.iteration``, so stepping to the end lands bitwise on the engine's parameters.

One sample is written in the tutorial's single-sample notation (δ, ∂L/∂W, the loss L), a batch in
its multi-sample notation (dZ, ∂C/∂W, the cost C). A step carries everything a view needs to draw
it (micrograd keeps ``_op`` on every node for the same reason): its row of the table, the layer,
the formula with the layer filled in, the operands and the result (name, shape, values), the
operations actually run, and its note and "why" as translatable messages. Arrays are read-only
views, never copies of X.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import equations as eq
from .activations import get_activation
from .equations import BACKWARD, COST, FORWARD, L2_OPERATIONS, TABLE, UPDATE, Equation
from .losses import get_loss
from .messages import UserMessage
from .network import INITIALIZER_FORMULAS, Network

__all__ = ["BACKWARD", "COST", "FORWARD", "UPDATE", "Operand", "Step", "Stepper"]


def _frozen(a: np.ndarray) -> np.ndarray:
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
    equation: Equation  # its row of the table
    layer: int
    samples: int  # m: 1 is the tutorial's single-sample table, more its multi-sample table
    formula: str  # with the layer filled in
    operands: tuple[Operand, ...]
    result: Operand
    operations: tuple[str, ...]
    note: UserMessage | None
    why: UserMessage

    @property
    def phase(self) -> str:
        return self.equation.phase

    @property
    def single(self) -> bool:
        return self.samples == 1

    def shapes_text(self) -> str:
        """The shapes under the formula, e.g. (20×12288)·(12288×209) + (20×1) → (20×209)."""
        return self.equation.shapes[0 if self.single else 1].format(
            *(f"({o.shape_text})" for o in self.operands), r=f"({self.result.shape_text})")

    def title_parts(self) -> tuple[str | None, str]:
        """(the tutorial's name of its 等式 or None, the step's own name): templates to
        translate in the "core" context."""
        return self.equation.group, self.equation.title[0 if self.single else 1]

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
        return self.X.shape[1]

    @property
    def forward_only(self) -> bool:
        """No labels: the loss and the backward pass need y."""
        return self.Y is None

    # ----- building the list -----------------------------------------------------------------------

    def _add(self, key: str, layer: int, operands, result, why_values=None, **values) -> None:
        """A step of row ``key`` for ``layer``: names and formula from the table, the values
        given, its note and why filled with ``values`` (m, l, … are always there)."""
        row = TABLE[key]
        m = self.samples
        k = 0 if m == 1 else 1
        names = {"l": layer, "p": layer - 1, "n": layer + 1, "L": self.network.L,
                 "alpha": f"{self.learning_rate:g}", **values}
        formula = row.formula[k].format(**names)
        operations = row.operations
        if self.l2 and any(row.l2):
            formula += row.l2[k].format(**names)
            operations += L2_OPERATIONS
        note = (UserMessage(row.note[k], m=f"{m:,}", **names) if row.note[k] else None)
        why = UserMessage(row.why, m=f"{m:,}", **names, **(why_values or {}))
        self.steps.append(Step(
            len(self.steps), row, layer, m, formula,
            tuple(Operand(n.format(**names), _frozen(v)) for n, v in zip(row.operands[k], operands)),
            Operand(row.result[k].format(**names), _frozen(result)), operations, note, why))

    def _build(self) -> None:
        net = self.network
        single = net.single
        L = net.L
        W, b = self.start_weights, self.start_biases
        acts = [get_activation(a) for a in net.activations]
        loss = get_loss(net.loss)

        def sigma(l: int) -> dict:
            """What the notes say of layer l's σ."""
            a = acts[l - 1]
            return {"act": a.name, "formula": a.formula, "prime": a.prime_formula}

        def derivative(l: int, primes: np.ndarray) -> dict:
            a = acts[l - 1]
            return {"derivative": UserMessage(a.derivative_note, **a.derivative_facts(primes))}

        As, Zs = [self.X], []
        for l in range(1, L + 1):
            Z = eq.weighted_input(W[l - 1], As[l - 1], b[l - 1], single)
            self._add("z", l, (W[l - 1], As[l - 1], b[l - 1]), Z,
                      why_values={"init": INITIALIZER_FORMULAS[net.init]})
            A = eq.activation_output(acts[l - 1], Z)
            self._add("a", l, (Z,), A, why_values=derivative(l, acts[l - 1].prime(Z, A)),
                      **sigma(l))
            Zs.append(Z)
            As.append(A)
        self.Zs, self.As, self.dWs, self.dbs = Zs, As, None, None
        self.cost = float("nan")
        if self.Y is None:
            return
        sample_losses = eq.losses(loss, Zs[-1], As[-1], self.Y)
        self._add(f"loss-{loss.name}", L, (As[L], self.Y), sample_losses)
        self.cost = eq.cost_of(sample_losses, list(W), self.l2)
        if self.samples > 1:
            self._add("cost", L, (sample_losses,), np.array(self.cost))
        dA_L = eq.output_gradient(loss, As[L], self.Y)
        self._add(f"1a-{loss.name}", L, (As[L], self.Y), dA_L)
        dZ = eq.output_error(loss, acts[L - 1], Zs[L - 1], As[L], self.Y)
        if eq.fused(loss, acts[L - 1]):
            self._add("1b-fused", L, (As[L], self.Y), dZ)
        else:
            primes = acts[L - 1].prime(Zs[L - 1], As[L])
            self._add("1b", L, (dA_L, primes), dZ, why_values=derivative(L, primes), **sigma(L))
        dWs: list[np.ndarray] = [None] * L  # type: ignore[list-item]
        dbs: list[np.ndarray] = [None] * L  # type: ignore[list-item]
        for l in range(L, 0, -1):
            db = eq.bias_gradient(dZ)
            self._add("3a", l, (dZ,), db)
            dW = eq.weight_gradient(dZ, As[l - 1], W[l - 1], self.l2, single)
            self._add("3b", l, (dZ, As[l - 1].T), dW)
            dWs[l - 1], dbs[l - 1] = dW, db
            if l > 1:
                dA = eq.error_passed_back(W[l - 1], dZ, single)
                self._add("2a", l - 1, (W[l - 1].T, dZ), dA)
                primes = acts[l - 2].prime(Zs[l - 2], As[l - 1])
                dZ = eq.hidden_error(acts[l - 2], dA, Zs[l - 2], As[l - 1])
                self._add("2b", l - 1, (dA, primes), dZ, why_values=derivative(l - 1, primes),
                          **sigma(l - 1))
        for l in range(1, L + 1):
            new_b = eq.bias_update(b[l - 1], dbs[l - 1], self.learning_rate)
            self._changes[len(self.steps)] = ("b", l, _frozen(new_b))
            self._add("4a", l, (b[l - 1], dbs[l - 1]), new_b)
            new_W = eq.weight_update(W[l - 1], dWs[l - 1], self.learning_rate)
            self._changes[len(self.steps)] = ("W", l, _frozen(new_W))
            self._add("4b", l, (W[l - 1], dWs[l - 1]), new_W)
        self.Zs, self.As, self.dWs, self.dbs = Zs, As, dWs, dbs

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

    def parameters(self, position: int | None = None):
        """(weights, biases) once ``position`` steps are done: the updates so far applied."""
        position = self.position if position is None else position
        weights, biases = list(self.start_weights), list(self.start_biases)
        for index, (kind, l, value) in self._changes.items():
            if index < position:
                (weights if kind == "W" else biases)[l - 1] = value
        return weights, biases

    def deltas(self, position: int | None = None) -> dict[int, np.ndarray]:
        """dZ[l] (the error δ) of each layer the backward pass has reached by ``position``."""
        position = self.position if position is None else position
        return {s.layer: s.result.value for s in self.steps[:position]
                if s.equation.key in ("1b", "1b-fused", "2b")}
