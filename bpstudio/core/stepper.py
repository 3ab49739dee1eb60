"""One training iteration as a list of steps, one equation each, with the real numbers.

The order is the seed's: for l = 1…L eq. 1 and eq. 2; the cost C; dA[L]; eq. 3; then for
l = L…1 eq. 6, eq. 5 and (l > 1) eq. 9 and eq. 4; then the updates eq. 8 and eq. 7 for each layer.
Every step calls the same functions of ``equations`` in the same order as the engine's
``Network.iteration``, so stepping to the end lands bitwise on the engine's parameters.

A step carries everything a view needs to draw it (micrograd keeps ``_op`` on every node for the
same reason): the equation number and titles, the layer, the formula with the layer filled in, the
operands and the result (name, shape, values) and the kind of operation. Arrays are read-only
views, never copies of X.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import equations as eq
from .activations import get_activation
from .equations import EQUATIONS
from .losses import get_loss
from .network import Network

FORWARD, COST, BACKWARD, UPDATE = "forward", "cost", "backward", "update"
MATMUL, ELEMENTWISE, BROADCAST_ADD, FUNCTION, SUM_COLUMNS = (
    "matrix product", "element-wise ⊙", "broadcast add", "function", "sum over columns")


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
        return "×".join(str(n) for n in self.shape) if self.value.ndim else "scalar"


@dataclass(frozen=True)
class Step:
    index: int
    equation: int | None  # the seed's number, None for the cost and dA[L]
    title_en: str
    title_zh: str
    phase: str
    layer: int | None
    formula: str  # with the layer filled in
    operands: tuple[Operand, ...]
    result: Operand
    operations: tuple[str, ...]
    note: str = ""

    def describe(self) -> str:
        """The step as one line of text: for screen readers, tests and the step list."""
        number = f"eq. {self.equation}" if self.equation else "cost" if self.phase == COST else "∂C/∂A"
        shapes = " ".join(f"{o.name} ({o.shape_text})" for o in self.operands)
        where = f", layer {self.layer}" if self.layer else ""
        return (f"{number}: {self.title_en} ({self.title_zh}){where}. {self.formula}. "
                f"Operands: {shapes}. Result: {self.result.name} ({self.result.shape_text}).")


def _title(number: int) -> tuple[str, str]:
    e = EQUATIONS[number]
    return e.title_en, e.title_zh


@dataclass
class Stepper:
    """Walks one iteration of ``network`` on the batch (X, Y); the network itself is not changed.

    ``position`` is the number of steps done (0: none, len(steps): the whole iteration).
    """

    network: Network
    X: np.ndarray
    Y: np.ndarray
    learning_rate: float
    l2: float = 0.0
    steps: list[Step] = field(init=False)
    position: int = field(init=False, default=0)
    cost: float = field(init=False)

    def __post_init__(self) -> None:
        self.X = _frozen(np.asfortranarray(self.X, dtype=self.network.input_dtype))
        self.Y = _frozen(np.asarray(self.Y, dtype=np.float64))
        self.start_weights = [_frozen(W.copy()) for W in self.network.weights]
        self.start_biases = [_frozen(b.copy()) for b in self.network.biases]
        self.steps = []
        self._changes: dict[int, tuple[str, int, np.ndarray]] = {}  # step → parameter it sets
        self._build()

    # ----- building the list -----------------------------------------------------------------------

    def _add(self, equation, phase, layer, formula, operands, result, operations, note="",
             title=None) -> None:
        title_en, title_zh = title or _title(equation)
        self.steps.append(Step(len(self.steps), equation, title_en, title_zh, phase, layer, formula,
                               tuple(Operand(n, _frozen(v)) for n, v in operands),
                               Operand(result[0], _frozen(result[1])), tuple(operations), note))

    def _build(self) -> None:
        net = self.network
        single = net.single
        L = net.L
        W, b = self.start_weights, self.start_biases
        acts = [get_activation(a) for a in net.activations]
        loss = get_loss(net.loss)
        As, Zs = [self.X], []
        for l in range(1, L + 1):
            Z = eq.eq1_weighted_input(W[l - 1], As[l - 1], b[l - 1], single)
            self._add(1, FORWARD, l, f"Z[{l}] = W[{l}]·A[{l - 1}] + b[{l}]",
                      [(f"W[{l}]", W[l - 1]), (f"A[{l - 1}]", As[l - 1]), (f"b[{l}]", b[l - 1])],
                      (f"Z[{l}]", Z), [MATMUL, BROADCAST_ADD],
                      note=f"b[{l}] is one column, added to each of the m columns (broadcast)")
            A = eq.eq2_activation(acts[l - 1], Z)
            self._add(2, FORWARD, l, f"A[{l}] = {acts[l - 1].name}(Z[{l}])", [(f"Z[{l}]", Z)],
                      (f"A[{l}]", A), [FUNCTION], note=f"σ = {acts[l - 1].name}: {acts[l - 1].formula}")
            Zs.append(Z)
            As.append(A)
        self.cost = eq.cost(loss, Zs[-1], As[-1], self.Y, list(W), self.l2)
        self._add(None, COST, L, loss.formula + (" + λ/(2m) Σ‖W‖²" if self.l2 else ""),
                  [(f"A[{L}]", As[L]), ("Y", self.Y)], ("C", np.array(self.cost)), [FUNCTION],
                  title=("cost", "代价"))
        dA_L = eq.output_gradient(loss, As[L], self.Y)
        self._add(None, BACKWARD, L, f"dA[{L}] = ∂C/∂A[{L}]: " + loss.dA_formula.removeprefix("dA = "),
                  [(f"A[{L}]", As[L]), ("Y", self.Y)], (f"dA[{L}]", dA_L), [ELEMENTWISE],
                  title=("gradient of the cost", "代价对输出的导数"),
                  note="per sample: the 1/m comes in eq. 5 and 6")
        dZ = eq.eq3_output_error(loss, acts[L - 1], Zs[L - 1], As[L], self.Y)
        fused = loss.fused_with == acts[L - 1].name
        self._add(3, BACKWARD, L, f"dZ[{L}] = dA[{L}] ⊙ σ′(Z[{L}])",
                  [(f"dA[{L}]", dA_L), (f"σ′(Z[{L}])", acts[L - 1].prime(Zs[L - 1], As[L]))],
                  (f"dZ[{L}]", dZ), [ELEMENTWISE],
                  note=("for sigmoid with cross-entropy this is exactly A − Y, computed so, which "
                        "stays finite where dA is infinite") if fused else "")
        dWs: list[np.ndarray] = [None] * L  # type: ignore[list-item]
        dbs: list[np.ndarray] = [None] * L  # type: ignore[list-item]
        for l in range(L, 0, -1):
            dW = eq.eq6_weight_gradient(dZ, As[l - 1], W[l - 1], self.l2, single)
            self._add(6, BACKWARD, l, f"dW[{l}] = 1/m dZ[{l}]·A[{l - 1}]ᵀ"
                      + (f" + λ/m W[{l}]" if self.l2 else ""),
                      [(f"dZ[{l}]", dZ), (f"A[{l - 1}]ᵀ", As[l - 1].T)], (f"dW[{l}]", dW), [MATMUL],
                      note=f"m = {dZ.shape[1]}: the product sums over the samples, 1/m averages")
            db = eq.eq5_bias_gradient(dZ)
            self._add(5, BACKWARD, l, f"db[{l}] = 1/m Σ_columns dZ[{l}]", [(f"dZ[{l}]", dZ)],
                      (f"db[{l}]", db), [SUM_COLUMNS],
                      note="the sum over the m columns, divided by m (the seed's table writes "
                           "1/m × a mean, which would divide twice)")
            dWs[l - 1], dbs[l - 1] = dW, db
            if l > 1:
                dA = eq.eq9_error_passed_back(W[l - 1], dZ, single)
                self._add(9, BACKWARD, l, f"dA[{l - 1}] = W[{l}]ᵀ·dZ[{l}]",
                          [(f"W[{l}]ᵀ", W[l - 1].T), (f"dZ[{l}]", dZ)], (f"dA[{l - 1}]", dA), [MATMUL],
                          note="a matrix product (the seed's table writes ⊙): the error flows back "
                               "along the transposed weights")
                dZ = eq.eq4_hidden_error(acts[l - 2], dA, Zs[l - 2], As[l - 1])
                self._add(4, BACKWARD, l - 1, f"dZ[{l - 1}] = dA[{l - 1}] ⊙ σ′(Z[{l - 1}])",
                          [(f"dA[{l - 1}]", dA), (f"σ′(Z[{l - 1}])", acts[l - 2].prime(Zs[l - 2], As[l - 1]))],
                          (f"dZ[{l - 1}]", dZ), [ELEMENTWISE],
                          note=f"σ = {acts[l - 2].name}: σ′ = {acts[l - 2].prime_formula}")
        for l in range(1, L + 1):
            new_W = eq.eq8_weight_update(W[l - 1], dWs[l - 1], self.learning_rate)
            self._changes[len(self.steps)] = ("W", l, _frozen(new_W))
            self._add(8, UPDATE, l, f"W[{l}] ← W[{l}] − α·dW[{l}],  α = {self.learning_rate:g}",
                      [(f"W[{l}]", W[l - 1]), (f"dW[{l}]", dWs[l - 1])], (f"W[{l}]", new_W),
                      [ELEMENTWISE])
            new_b = eq.eq7_bias_update(b[l - 1], dbs[l - 1], self.learning_rate)
            self._changes[len(self.steps)] = ("b", l, _frozen(new_b))
            self._add(7, UPDATE, l, f"b[{l}] ← b[{l}] − α·db[{l}],  α = {self.learning_rate:g}",
                      [(f"b[{l}]", b[l - 1]), (f"db[{l}]", dbs[l - 1])], (f"b[{l}]", new_b),
                      [ELEMENTWISE])
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
        out = {}
        for s in self.steps[:position]:
            if s.equation in (3, 4):
                out[s.layer] = s.result.value
        return out
