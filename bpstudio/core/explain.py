"""Explain one number of a step: the sum it came from, the chain rule for one weight, a nudge.

The tutorial derives every equation neuron by neuron (z_j = Σ_k w_jk·a_k + b_j, δ_j =
Σ_k w_kj·δ_k·σ′(z_j), ∂L/∂w_jk = a_k·δ_j) and then stacks the results into matrices. The stepper
shows the matrices; this module takes one cell of one of them back to its neuron-by-neuron
form, with the real numbers: the terms of its sum (the largest by size when there are many), what
is added and what multiplies, and the total, recomputed here from every term so that a test can
check it against the cell. A weight's gradient is also given as the chain rule's sum over every
path from the weight to the output, and checked by nudging the weight (a finite difference).

Symbols are plain data (name, subscript, superscript) that a view typesets; words are
translatable templates.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol, Sequence

import numpy as np

from . import equations as eq
from .activations import get_activation
from .losses import get_loss
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .typealiases import FloatArray, NetworkLike


# ----- a stepper.Stepper and its Steps, as read here ----------------------------------------------
# never imported: the schedule's rows, which the stepper and the engine run, name this module's
# explainers, so it sits below them

class OperandLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def value(self) -> np.ndarray: ...


class RowLike(Protocol):
    @property
    def explain(self) -> Explainer: ...

    @property
    def sets(self) -> str: ...


class StepLike(Protocol):
    @property
    def layer(self) -> int: ...

    @property
    def phase(self) -> str: ...

    @property
    def operands(self) -> Sequence[OperandLike]: ...

    @property
    def result(self) -> OperandLike: ...

    @property
    def row(self) -> RowLike: ...


class StepperLike(Protocol):
    @property
    def network(self) -> NetworkLike: ...

    @property
    def samples(self) -> int: ...

    @property
    def steps(self) -> Sequence[StepLike]: ...

    @property
    def X(self) -> np.ndarray: ...

    @property
    def Y(self) -> np.ndarray | None: ...

    @property
    def learning_rate(self) -> float: ...

    @property
    def l2(self) -> float: ...

    @property
    def Zs(self) -> Sequence[np.ndarray]: ...

    @property
    def As(self) -> Sequence[np.ndarray]: ...

    @property
    def dWs(self) -> Sequence[np.ndarray] | None: ...

    @property
    def start_weights(self) -> Sequence[np.ndarray]: ...

    @property
    def start_biases(self) -> Sequence[np.ndarray]: ...

    def deltas(self, position: int | None = None) -> dict[int, np.ndarray]: ...


LISTED = 12  # terms listed when a sum has more than LISTED + 4: the largest by size, then the rest
MAX_PATHS = 4096  # paths the chain rule lists; beyond, their sum is given as 等式2 computes it


@dataclass(frozen=True)
class Sym:
    """A symbol as the tutorial writes it: w with subscript "3,7" and superscript "[1]", the
    sample after the layer as in a^[L](i); σ′ "of" z is written σ′(z_2^[1])."""

    name: str
    sub: str = ""
    sup: str = ""
    sample: str = ""  # which sample (column): "2", or "i" in a formula; "" for one sample
    of: str = ""  # a function of a symbol: name(of_sub^sup)

    def text(self) -> str:
        """Plain text: w_3,7^[1], a_2^[0](5), σ′(z_2^[1](5))."""
        inner = ((self.of or self.name) + (f"_{self.sub}" if self.sub else "")
                 + (f"^{self.sup}" if self.sup else "")
                 + (f"({self.sample})" if self.sample else ""))
        return f"{self.name}({inner})" if self.of else inner


def _sym(name: str, sub: object = "", layer: int | None = None, sample: str = "",
         of: str = "") -> Sym:
    return Sym(name, str(sub), "" if layer is None else f"[{layer}]", sample, of)


Formula = tuple[str | Sym, ...]  # "z", "_2", … typeset by a view
Light = tuple[str, str, int | tuple[int, int]]  # (matrix name, "row"/"column"/"cell", index)
# ("into", l, j), ("out of", l, j) or ("weight", l, j, k): what the diagram marks
Diagram = tuple[str, int, int] | tuple[str, int, int, int]


@dataclass(frozen=True)
class Factor:
    sym: Sym
    value: float


@dataclass(frozen=True)
class Term:
    """One term of a sum: the product of its factors."""

    factors: tuple[Factor, ...]
    value: float
    index: int  # the summation index (k, or the sample i), 0-based


@dataclass(frozen=True)
class Explanation:
    """Where one number comes from: ``times`` × (Σ ``terms`` + Σ ``plus``), or a given value."""

    target: Sym
    value: float  # the cell as the step computed it
    what: UserMessage  # one sentence: what this number is
    terms: tuple[Term, ...] = ()  # listed terms, largest first when not all are listed
    count: int = 0  # terms in the whole sum
    rest: float = 0.0  # the sum of the terms not listed
    plus: tuple[Factor, ...] = ()  # added to the sum (a bias, an L2 term)
    times: tuple[Factor, ...] = ()  # multiplying the sum (1/m, σ′)
    total: float = math.nan  # recomputed here, in float64, from every term
    formula: Formula = ()  # the neuron-by-neuron formula
    picture: np.ndarray | None = field(default=None, compare=False)  # each pixel's push on z
    lights: tuple[Light, ...] = ()
    diagram: Diagram | None = None
    weight: tuple[int, int, int] | None = None  # (l, j, k): a weight: chain rule and nudge apply
    note: UserMessage | None = None  # e.g. σ′ with its numbers
    every: Callable[[], tuple[Term, ...]] | None = field(default=None, compare=False)  # all terms
    inputs: tuple[Factor, ...] = ()  # what a function (σ, the loss) was applied to

    def all_terms(self) -> tuple[Term, ...]:
        """Every term of the sum, in index order (for an export)."""
        return self.every() if self.every is not None else self.terms


# the terms of a sum: (listed terms, count, rest, total, every term)
_Sum = tuple[tuple[Term, ...], int, float, float, Callable[[], tuple[Term, ...]]]


def _sum_terms(factor_rows: list[np.ndarray], sym_of: Callable[[int, int], Sym]) -> _Sum:
    """The terms Π factors over an index."""
    values = np.prod(np.vstack(factor_rows), axis=0) if len(factor_rows) > 1 else factor_rows[0]
    count = len(values)
    total = math.fsum(values.tolist())

    def terms_at(indices: Iterable[int]) -> tuple[Term, ...]:
        return tuple(Term(tuple(Factor(sym_of(n, int(k)), float(v[k]))
                                for n, v in enumerate(factor_rows)), float(values[k]), int(k))
                     for k in indices)

    listed = range(count) if count <= LISTED + 4 else \
        np.argsort(-np.abs(values), kind="stable")[:LISTED]
    terms = terms_at(listed)
    rest = total - math.fsum(t.value for t in terms)
    return terms, count, rest, total, lambda: terms_at(range(count))


# The symbols of one sample (the tutorial's single-sample table) and what the multi-sample table
# writes for them: a number of a matrix is Z_j^[l](i), neuron j in sample (column) i.
MATRIX_SYMBOLS = {"z": "Z", "a": "A", "δ": "dZ", "∂L/∂a": "dA", "y": "Y"}

SAMPLE = QT_TRANSLATE_NOOP("core", "sample {i}")
PICTURE = QT_TRANSLATE_NOOP("core", "the picture {name}")
THIS_SAMPLE = QT_TRANSLATE_NOOP("core", "this sample")


def sample_words(sample: int | str | None) -> UserMessage:
    """The one sample stepped, as the texts name it: "sample 17" (its number in the training
    set, from 1, for an index from 0), "the picture cat.png" (a picture's name), or "this
    sample"."""
    if isinstance(sample, str):
        return UserMessage(PICTURE, name=sample)
    if sample is None:
        return UserMessage(THIS_SAMPLE)
    return UserMessage(SAMPLE, i=int(sample) + 1)


class _Context:
    """What an explanation reads from a laid-out iteration: the errors δ (dZ) of every layer,
    and the notation: one sample's (z, a, δ), or the batch's (Z, A, dZ) for m > 1. ``sample``
    is the one sample stepped (its index in the training set, or a picture's name)."""

    def __init__(self, stepper: StepperLike, picture_shape: tuple[int, ...] = (),
                 sample: int | str | None = None) -> None:
        self.s = stepper
        self.net = stepper.network
        self.m = stepper.samples
        self.one_sample = self.m == 1
        self.picture_shape = tuple(picture_shape)
        self.dZ = stepper.deltas(len(stepper.steps))
        self.one = sample

    def sym(self, name: str, sub: object = "", layer: int | None = None, sample: str = "",
            of: str = "") -> Sym:
        """A symbol in this notation: z, a, δ, ∂L/∂a, y of one sample; Z, A, dZ, dA, Y of the
        batch."""
        if not self.one_sample:
            name, of = MATRIX_SYMBOLS.get(name, name), MATRIX_SYMBOLS.get(of, of)
        return _sym(name, sub, layer, sample, of)

    def word(self, name: str) -> str:
        """A symbol as plain text in a sentence: "z" for one sample, "Z" for the batch."""
        return name if self.one_sample else MATRIX_SYMBOLS.get(name, name)

    def sample(self, i: int) -> str:
        """The sample's mark (its number from 1) where there are several, else none."""
        return str(i + 1) if self.m > 1 else ""

    def who(self, i: int) -> UserMessage:
        """Column i's sample as a sentence names it: "sample 5" of the batch, or the one sample
        actually stepped ("sample 17", never "sample 1" for a sample that is not the first)."""
        return sample_words(i) if self.m > 1 else sample_words(self.one)

    def gradient(self, of: str) -> str:
        """A parameter's rate of change as the tutorial's tables name it: dW, db for a batch,
        ∂L/∂w, ∂L/∂b for one sample."""
        return ("dW" if of == "w" else "db") if self.m > 1 else f"∂L/∂{of}"

    @property
    def each(self) -> str:
        """The summation index over samples in a formula: "i" where there are several."""
        return "i" if self.m > 1 else ""


def explain(stepper: StepperLike, step_index: int, view: int, row: int, col: int,
            picture_shape: tuple[int, ...] = (), sample: int | str | None = None) -> Explanation:
    """The number at (row, col) of a step's operand ``view`` (0, 1, …) or its result (-1).
    ``picture_shape`` (height, width, channels) of image inputs lets Z[1] show its terms as a
    picture; ``sample`` is the one sample stepped (its index in the training set, or a
    picture's name), which the texts name."""
    step = stepper.steps[step_index]
    operand = step.result if view < 0 else step.operands[view]
    name = operand.name
    if name.endswith("ᵀ"):  # a transposed operand: the untransposed matrix's cell
        name, row, col = name[:-1], col, row
    ctx = _Context(stepper, picture_shape, sample)
    if view < 0:
        return step.row.explain(ctx, step, row, col)
    # an operand: the step that made it, else a given (a parameter, an input, a label)
    for earlier in reversed(stepper.steps[:step_index]):
        if earlier.result.name == name and earlier.phase != "update":
            return earlier.row.explain(ctx, earlier, row, col)
    if name.startswith("σ′"):
        return _slope(ctx, int(name[name.index("[") + 1:name.index("]")]), row, col)
    return _given(ctx, name, row, col)


def explain_weight(stepper: StepperLike, layer: int, j: int, k: int) -> Explanation:
    """The weight w_jk^[layer] as the iteration starts (chosen in the diagram, not in a step)."""
    return _given(_Context(stepper), f"W[{layer}]", j, k)


def _derivative(ctx: _Context, l: int, j: int, i: int) -> tuple[Factor, UserMessage]:
    """σ′(z_j^[l]) of sample i, and how it comes out of z and a."""
    name = ctx.net.activations[l - 1]
    act = get_activation(name)
    z = float(ctx.s.Zs[l - 1][j, i])
    a = float(ctx.s.As[l][j, i])
    prime = float(act.prime(np.array([[z]]), np.array([[a]]))[0, 0])
    how = {"sigmoid": QT_TRANSLATE_NOOP("core", "σ′({zs}) = {as}(1 − {as}) = {a} × (1 − {a}) = {p}"),
           "tanh": QT_TRANSLATE_NOOP("core", "σ′({zs}) = 1 − {as}² = 1 − {a}² = {p}"),
           "relu": QT_TRANSLATE_NOOP("core", "σ′({zs}) = {p}, since {zs} = {z} is {side} 0"),
           "leaky_relu": QT_TRANSLATE_NOOP("core", "σ′({zs}) = {p}, since {zs} = {z} is {side} 0"),
           "linear": QT_TRANSLATE_NOOP("core", "σ′({zs}) = 1 for a linear unit")}[name]
    side = UserMessage(QT_TRANSLATE_NOOP("core", "above") if z > 0 else
                       QT_TRANSLATE_NOOP("core", "not above"))
    return (Factor(ctx.sym("σ′", j + 1, l, ctx.sample(i), of="z"), prime),
            UserMessage(how, a=f"{a:.6g}", z=f"{z:.6g}", p=f"{prime:.6g}", side=side,
                        zs=ctx.word("z"), **{"as": ctx.word("a")}))


def _slope(ctx: _Context, l: int, j: int, i: int) -> Explanation:
    """σ′(z) of neuron j of layer l: the slope of its activation where its weighted input is."""
    prime, how = _derivative(ctx, l, j, i)
    act = get_activation(ctx.net.activations[l - 1])
    z = float(ctx.s.Zs[l - 1][j, i])
    return Explanation(
        prime.sym, prime.value,
        UserMessage(QT_TRANSLATE_NOOP("core", "the slope of σ = {act} at the weighted input of "
                                      "neuron {j} of layer {l}: σ′({zs}) = {prime}"),
                    act=act.name, j=j + 1, l=l, prime=act.formulas(ctx.m)[1], zs=ctx.word("z")),
        inputs=(Factor(ctx.sym("z", j + 1, l, ctx.sample(i)), z),), total=prime.value,
        formula=(ctx.sym("σ′", j + 1, l, ctx.each, of="z"), " = ", act.formulas(ctx.m)[1]),
        lights=((f"σ′(Z[{l}])", "cell", (j, i)), (f"σ′(z[{l}])", "cell", (j, i))),
        diagram=("into", l, j), note=how)


def _labels(s: StepperLike) -> np.ndarray:
    """Y of the stepper's batch: only where there is one is a label explained, a nudge costed."""
    if s.Y is None:
        raise ValueError("a picture without its label: its iteration has no cost")
    return s.Y


def _gradients(s: StepperLike) -> Sequence[np.ndarray]:
    """dW of every layer: the chain rule and the nudge compare with them."""
    if s.dWs is None:
        raise ValueError("a picture without its label: its iteration has no backward pass")
    return s.dWs


def _given(ctx: _Context, name: str, row: int, col: int) -> Explanation:
    """A parameter, an input or a label: not computed in this iteration."""
    s = ctx.s
    if name.startswith("W["):
        l = int(name[2:-1])
        value = float(s.start_weights[l - 1][row, col])
        return Explanation(
            _sym("w", f"{row + 1},{col + 1}", l), value,
            UserMessage(QT_TRANSLATE_NOOP(
                "core", "a weight: it carries neuron {k} of layer {p} into neuron {j} of layer "
                "{l}; it began as the initialiser drew it, and each update has changed it"),
                k=col + 1, p=l - 1, j=row + 1, l=l),
            total=value, lights=((name, "cell", (row, col)),), diagram=("weight", l, row, col),
            weight=(l, row, col))
    if name.startswith("b["):
        l = int(name[2:-1])
        value = float(s.start_biases[l - 1][row, 0])
        return Explanation(
            _sym("b", row + 1, l), value,
            UserMessage(QT_TRANSLATE_NOOP(
                "core", "the bias of neuron {j} of layer {l}: added to its weighted input in "
                "every sample"), j=row + 1, l=l),
            total=value, lights=((name, "cell", (row, 0)),), diagram=("into", l, row))
    if name.upper().startswith("Y"):
        value = float(_labels(s)[0, col])
        return Explanation(
            ctx.sym("y", sample=ctx.sample(col)), value,
            UserMessage(QT_TRANSLATE_NOOP("core", "the label of {sample}: the class it really is, "
                                          "1 or 0"), sample=ctx.who(col)),
            total=value, lights=((name, "cell", (row, col)),))
    value = float(s.X[row, col])  # A[0]: an input
    return Explanation(
        ctx.sym("a", row + 1, 0, ctx.sample(col)), value,
        UserMessage(QT_TRANSLATE_NOOP("core", "input {k} of {sample}, as the data set gives it "
                                      "(in a picture: one colour of one pixel, 0–255 divided by "
                                      "255)"), k=row + 1, sample=ctx.who(col)),
        total=value, lights=((name, "cell", (row, col)),), diagram=("into", 0, row))


# ----- a cell of each row of the schedule (each row names its explainer) ---------------------------

def weighted_input(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    W, A, b = (o.value for o in step.operands)
    w, a = W[j, :].astype(np.float64), A[:, i].astype(np.float64)
    terms, count, rest, total, every = _sum_terms(
        [w, a], lambda n, k: (_sym("w", f"{j + 1},{k + 1}", l) if n == 0 else
                              ctx.sym("a", k + 1, l - 1, ctx.sample(i))))
    bias = Factor(_sym("b", j + 1, l), float(b[j, 0]))
    picture = None
    shape = ctx.picture_shape
    if l == 1 and len(shape) == 3 and int(np.prod(shape)) == W.shape[1]:
        # each pixel's push on z: its channels' products added (the rows of X are the pixels'
        # channels in height, width, channel order)
        picture = (w * a).reshape(shape).sum(axis=2)
    names = [o.name for o in step.operands]
    return Explanation(
        ctx.sym("z", j + 1, l, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP(
            "core", "the weighted input of neuron {j} of layer {l}: its inputs from layer {p}, "
            "each times the weight it comes in by, summed, plus the neuron's bias"),
            j=j + 1, l=l, p=l - 1),
        terms, count, rest, (bias,), (), total + bias.value,
        (ctx.sym("z", j + 1, l, ctx.each), " = Σ", _sym("", "k"), " ", _sym("w", f"{j + 1},k", l),
         "·", ctx.sym("a", "k", l - 1, ctx.each), " + ", _sym("b", j + 1, l)), picture,
        ((names[0], "row", j), (names[1], "column", i), (names[2], "cell", (j, 0)),
         (step.result.name, "cell", (j, i))), ("into", l, j), every=every)


def activation(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    act = get_activation(ctx.net.activations[l - 1])
    z = float(step.operands[0].value[j, i])
    return Explanation(
        ctx.sym("a", j + 1, l, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP("core", "the output of neuron {j} of layer {l}: its "
                                      "activation σ = {act} of its weighted input {zs}"),
                    j=j + 1, l=l, act=act.name, zs=ctx.word("z")),
        inputs=(Factor(ctx.sym("z", j + 1, l, ctx.sample(i)), z),), total=float(act.f(np.array([[z]], dtype=np.float64))[0, 0]),
        formula=(ctx.sym("a", j + 1, l, ctx.each), " = σ(", ctx.sym("z", j + 1, l, ctx.each), ") = ",
                 act.formulas(ctx.m)[0]),
        lights=_cell_lights(step, j, i), diagram=("into", l, j))


def _cell_lights(step: StepLike, j: int, i: int) -> tuple[Light, ...]:
    """The cell (j, i) marked in every operand and in the result (element-wise steps)."""
    return tuple((o.name, "cell", (j, i)) for o in step.operands) + (
        (step.result.name, "cell", (j, i)),)


def _label_inputs(ctx: _Context, j: int, i: int, a: float, y: float) -> tuple[Factor, ...]:
    """The output a and the label y of sample i."""
    return (Factor(ctx.sym("a", j + 1, ctx.net.L, ctx.sample(i)), a),
            Factor(ctx.sym("y", sample=ctx.sample(i)), y))


def loss(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    A, Y = (o.value for o in step.operands)
    a, y = float(A[0, i]), float(Y[0, i])
    value = float(step.result.value[0, i])
    if ctx.net.loss == "bce":
        # the engine computes it from z (no log of 0 for a saturated output); here from a
        total = -(y * math.log(a) + (1 - y) * math.log1p(-a)) if 0 < a < 1 else value
        formula = (("L = −[y·log a + (1 − y)·log(1 − a)]",) if ctx.one_sample else
                   ("L⁽ⁱ⁾ = −[Y⁽ⁱ⁾·log A⁽ⁱ⁾ + (1 − Y⁽ⁱ⁾)·log(1 − A⁽ⁱ⁾)]",))
    else:
        total = 0.5 * (a - y) ** 2
        formula = ("L = ½(a − y)²",) if ctx.one_sample else ("L⁽ⁱ⁾ = ½(A⁽ⁱ⁾ − Y⁽ⁱ⁾)²",)
    return Explanation(
        _sym("L", sample=ctx.sample(i)), value,
        UserMessage(QT_TRANSLATE_NOOP("core", "the loss of {sample}: how far its output {as} = {a} "
                                      "is from its label {ys} = {y}"), sample=ctx.who(i),
                    a=f"{a:.6g}", y=f"{y:g}", ys=ctx.word("y"), **{"as": ctx.word("a")}),
        inputs=_label_inputs(ctx, 0, i, a, y), total=total, formula=formula,
        lights=_cell_lights(step, 0, i), diagram=("into", ctx.net.L, 0))


def cost(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    losses = step.operands[0].value[0].astype(np.float64)
    m = len(losses)
    terms, count, rest, total, every = _sum_terms([losses],
                                                  lambda n, k: _sym("L", sample=str(k + 1)))
    value = float(np.asarray(step.result.value))
    plus: tuple[Factor, ...] = ()
    if ctx.s.l2:
        squares = math.fsum(float(np.sum(W.astype(np.float64) ** 2)) for W in ctx.s.start_weights)
        plus = (Factor(Sym("λ/2·Σ‖W‖²"), ctx.s.l2 / 2 * squares),)
    return Explanation(
        Sym("C"), value,
        UserMessage(QT_TRANSLATE_NOOP("core", "the cost: the mean of the {m} samples' losses"),
                    m=f"{m:,}"),
        terms, count, rest, plus, (Factor(Sym("1/m"), 1.0 / m),),
        (total + sum(f.value for f in plus)) / m,
        ("C = 1/m·Σ", _sym("", "i"), " ", _sym("L", sample="i")),
        lights=((step.operands[0].name, "row", 0), (step.result.name, "cell", (0, 0))),
        every=every)


def output_gradient(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    A, Y = (o.value for o in step.operands)
    a, y = float(A[j, i]), float(Y[j, i])
    L = ctx.net.L
    if ctx.net.loss == "bce":
        total = -(y / a - (1 - y) / (1 - a)) if 0 < a < 1 else float(step.result.value[j, i])
        formula = (ctx.sym("∂L/∂a", j + 1, L, ctx.each),
                   " = −(y/a − (1 − y)/(1 − a))" if ctx.one_sample else " = −(Y/A − (1 − Y)/(1 − A))")
    else:
        total = a - y
        formula = (ctx.sym("∂L/∂a", j + 1, L, ctx.each), " = a − y" if ctx.one_sample else " = A − Y")
    return Explanation(
        ctx.sym("∂L/∂a", j + 1, L, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP("core", "how fast the loss of {sample} changes with its "
                                      "output {as} = {a} (its label {ys} = {y})"),
                    sample=ctx.who(i), a=f"{a:.6g}", y=f"{y:g}", ys=ctx.word("y"),
                    **{"as": ctx.word("a")}),
        inputs=_label_inputs(ctx, j, i, a, y), total=total, formula=formula,
        lights=_cell_lights(step, j, i), diagram=("into", L, j))


def fused_output_error(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    a, y = (float(o.value[j, i]) for o in step.operands)
    return Explanation(
        ctx.sym("δ", j + 1, l, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP(
            "core", "the output error of {sample} (equation 1): for a sigmoid output with "
            "cross-entropy, {grad}·σ′({zs}) comes out as exactly {as} − {ys}"),
            sample=ctx.who(i), grad=ctx.word("∂L/∂a"), zs=ctx.word("z"), ys=ctx.word("y"),
            **{"as": ctx.word("a")}),
        inputs=_label_inputs(ctx, j, i, a, y), total=a - y,
        formula=(ctx.sym("δ", j + 1, l, ctx.each), " = a − y" if ctx.one_sample else " = A − Y"),
        lights=_cell_lights(step, j, i),
        diagram=("into", l, j))


def output_error(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    grad = float(step.operands[0].value[j, i])
    prime, how = _derivative(ctx, l, j, i)
    return Explanation(
        ctx.sym("δ", j + 1, l, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP("core", "the output error of {sample} (equation 1): {grad} "
                                      "times σ′({zs})"), sample=ctx.who(i),
                    grad=ctx.word("∂L/∂a"), zs=ctx.word("z")),
        terms=(Term((Factor(ctx.sym("∂L/∂a", j + 1, l, ctx.sample(i)), grad),), grad, 0),),
        count=1, times=(prime,), total=grad * prime.value,
        formula=(ctx.sym("δ", j + 1, l, ctx.each), " = ", ctx.sym("∂L/∂a", j + 1, l, ctx.each), "·",
                 ctx.sym("σ′", j + 1, l, ctx.each, of="z")),
        lights=_cell_lights(step, j, i), diagram=("into", l, j), note=how)


def _back_terms(ctx: _Context, l: int, j: int, i: int) -> _Sum:
    """The errors of layer l+1 flowing back to neuron j of layer l: w_kj^[l+1]·δ_k^[l+1]."""
    W = ctx.s.start_weights[l]  # W[l+1]
    return _sum_terms([W[:, j].astype(np.float64), ctx.dZ[l + 1][:, i].astype(np.float64)],
                      lambda n, k: (_sym("w", f"{k + 1},{j + 1}", l + 1) if n == 0 else
                                    ctx.sym("δ", k + 1, l + 1, ctx.sample(i))))


def _back_formula(ctx: _Context, l: int, j: int) -> Formula:
    return ("Σ", _sym("", "k"), " ", _sym("w", f"k,{j + 1}", l + 1), "·",
            ctx.sym("δ", "k", l + 1, ctx.each))


def error_passed_back(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    terms, count, rest, total, every = _back_terms(ctx, l, j, i)
    Wt, dZ = (o.name for o in step.operands)
    return Explanation(
        ctx.sym("∂L/∂a", j + 1, l, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP(
            "core", "the error passed back to neuron {j} of layer {l} (equation 2, first half): "
            "the errors of the neurons it feeds in layer {n}, each times the weight that joins "
            "them, summed"), j=j + 1, l=l, n=l + 1),
        terms, count, rest, (), (), total,
        (ctx.sym("∂L/∂a", j + 1, l, ctx.each), " = ", *_back_formula(ctx, l, j)),
        lights=((Wt, "row", j), (dZ, "column", i), (step.result.name, "cell", (j, i))),
        diagram=("out of", l, j), every=every)


def hidden_error(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    terms, count, rest, total, every = _back_terms(ctx, l, j, i)
    prime, how = _derivative(ctx, l, j, i)
    return Explanation(
        ctx.sym("δ", j + 1, l, ctx.sample(i)), float(step.result.value[j, i]),
        UserMessage(QT_TRANSLATE_NOOP(
            "core", "the error of neuron {j} of layer {l} (equation 2): the errors of layer {n} "
            "flowing back along the edges out of it, each times its weight, summed, then times "
            "the neuron's own slope σ′({zs})"), j=j + 1, l=l, n=l + 1, zs=ctx.word("z")),
        terms, count, rest, (), (prime,), total * prime.value,
        (ctx.sym("δ", j + 1, l, ctx.each), " = [", *_back_formula(ctx, l, j), "]·",
         ctx.sym("σ′", j + 1, l, ctx.each, of="z")),
        lights=_cell_lights(step, j, i),
        diagram=("out of", l, j), note=how, every=every)


def bias_gradient(ctx: _Context, step: StepLike, j: int, i: int) -> Explanation:
    l = step.layer
    dZ = step.operands[0].value
    m = dZ.shape[1]
    terms, count, rest, total, every = _sum_terms(
        [dZ[j, :].astype(np.float64)], lambda n, k: ctx.sym("δ", j + 1, l, ctx.sample(k)))
    target = _sym(ctx.gradient("b"), j + 1, l)
    formula: Formula
    times: tuple[Factor, ...]
    if m == 1:
        what = UserMessage(QT_TRANSLATE_NOOP(
            "core", "the rate of change of the bias of neuron {j} of layer {l} (equation 3): the "
            "neuron's error δ itself"), j=j + 1, l=l)
        formula, times = (target, " = ", ctx.sym("δ", j + 1, l)), ()
    else:
        what = UserMessage(QT_TRANSLATE_NOOP(
            "core", "the rate of change of the bias of neuron {j} of layer {l} (equation 3): the "
            "neuron's error dZ in each sample, averaged over the m = {m} samples"),
            j=j + 1, l=l, m=f"{m:,}")
        formula = (target, " = 1/m·Σ", _sym("", "i"), " ", ctx.sym("δ", j + 1, l, "i"))
        times = (Factor(Sym("1/m"), 1.0 / m),)
    return Explanation(
        target, float(step.result.value[j, 0]), what, terms, count, rest, (), times, total / m,
        formula, lights=((step.operands[0].name, "row", j), (step.result.name, "cell", (j, 0))),
        diagram=("into", l, j), every=every)


def weight_gradient(ctx: _Context, step: StepLike, j: int, k: int) -> Explanation:
    l = step.layer
    dZ = step.operands[0].value
    A = ctx.s.As[l - 1]
    m = dZ.shape[1]
    terms, count, rest, total, every = _sum_terms(
        [dZ[j, :].astype(np.float64), A[k, :].astype(np.float64)],
        lambda n, i: (ctx.sym("δ", j + 1, l, ctx.sample(i)) if n == 0 else
                      ctx.sym("a", k + 1, l - 1, ctx.sample(i))))
    target = _sym(ctx.gradient("w"), f"{j + 1},{k + 1}", l)
    w = _sym("w", f"{j + 1},{k + 1}", l)
    plus: tuple[Factor, ...] = ()
    formula: list[str | Sym]
    times: tuple[Factor, ...]
    if m == 1:
        what = UserMessage(QT_TRANSLATE_NOOP(
            "core", "the rate of change of the weight from neuron {k} of layer {p} to neuron {j} "
            "of layer {l} (equation 3): neuron {j}'s error δ times the output a of neuron {k}"),
            j=j + 1, k=k + 1, l=l, p=l - 1)
        formula = [target, " = ", ctx.sym("δ", j + 1, l), "·", ctx.sym("a", k + 1, l - 1)]
        times = ()
    else:
        what = UserMessage(QT_TRANSLATE_NOOP(
            "core", "the rate of change of the weight from neuron {k} of layer {p} to neuron {j} "
            "of layer {l} (equation 3): in each sample, neuron {j}'s error dZ times the output A "
            "of neuron {k}, averaged over the m = {m} samples"),
            j=j + 1, k=k + 1, l=l, p=l - 1, m=f"{m:,}")
        formula = [target, " = 1/m·(Σ", _sym("", "i"), " ", ctx.sym("δ", j + 1, l, "i"), "·",
                   ctx.sym("a", k + 1, l - 1, "i")]
        times = (Factor(Sym("1/m"), 1.0 / m),)
    if ctx.s.l2:
        plus = (Factor(_sym("λ·w", f"{j + 1},{k + 1}", l),
                       ctx.s.l2 * float(ctx.s.start_weights[l - 1][j, k])),)
        formula += [" + λ·", w]
    if m > 1:
        formula.append(")")
    return Explanation(
        target, float(step.result.value[j, k]), what, terms, count, rest, plus, times,
        (total + sum(f.value for f in plus)) / m, tuple(formula),
        lights=((step.operands[0].name, "row", j), (step.operands[1].name, "column", k),
                (step.result.name, "cell", (j, k))),
        diagram=("weight", l, j, k), weight=(l, j, k), every=every)


def parameter_update(ctx: _Context, step: StepLike, j: int, k: int) -> Explanation:
    l = step.layer
    old, grad = (float(o.value[j, k]) for o in step.operands)
    alpha = ctx.s.learning_rate
    weight = step.row.sets == "W"
    sub = f"{j + 1},{k + 1}" if weight else f"{j + 1}"
    name = "w" if weight else "b"
    gradient = ctx.gradient(name)
    change = -alpha * grad
    return Explanation(
        _sym(name, sub, l), float(step.result.value[j, k]),
        UserMessage(QT_TRANSLATE_NOOP("core", "the parameter after the update (equation 4): a step "
                                      "of the learning rate α = {alpha} against its rate of "
                                      "change"), alpha=f"{alpha:g}"),
        terms=(Term((Factor(_sym(name, sub, l), old),), old, 0),
               Term((Factor(Sym("−α"), -alpha), Factor(_sym(gradient, sub, l), grad)), change, 1)),
        count=2, total=old + change,
        formula=(_sym(name, sub, l), " ← ", _sym(name, sub, l), " − α·", _sym(gradient, sub, l)),
        lights=_cell_lights(step, j, k),
        diagram=("weight", l, j, k) if weight else ("into", l, j),
        weight=(l, j, k) if weight else None)


# ----- as a table ------------------------------------------------------------------------------------

# the columns of an exported explanation and the words of its last rows (translated by the GUI)
TABLE_HEADER = (QT_TRANSLATE_NOOP("core", "term"), QT_TRANSLATE_NOOP("core", "factors"),
                QT_TRANSLATE_NOOP("core", "values"), QT_TRANSLATE_NOOP("core", "value"))
ADDED, MULTIPLIED, TOTAL, CELL = (QT_TRANSLATE_NOOP("core", "added"),
                                  QT_TRANSLATE_NOOP("core", "multiplied by"),
                                  QT_TRANSLATE_NOOP("core", "total"),
                                  QT_TRANSLATE_NOOP("core", "the cell"))


def table(e: Explanation, words: Callable[[str], str] = str) -> list[list[str]]:
    """The explanation as rows of text, every term of its sum, numbers in full (repr):
    term number, its factors, their values, its value; then what is added and multiplied, the
    total and the cell. ``words`` translates the header and the row names."""
    rows = [[words(h) for h in TABLE_HEADER]]
    for f in e.inputs:
        rows.append(["", f.sym.text(), repr(f.value), repr(f.value)])
    for t in e.all_terms():
        rows.append([str(t.index + 1), " · ".join(f.sym.text() for f in t.factors),
                     " · ".join(repr(f.value) for f in t.factors), repr(t.value)])
    for kind, factors in ((ADDED, e.plus), (MULTIPLIED, e.times)):
        for f in factors:
            rows.append([words(kind), f.sym.text(), repr(f.value), repr(f.value)])
    rows.append([words(TOTAL), "", "", repr(e.total)])
    rows.append([words(CELL), e.target.text(), "", repr(e.value)])
    return rows


# ----- the chain rule for one weight -----------------------------------------------------------------

@dataclass(frozen=True)
class Path:
    """One path from a weight to the output: the neurons it passes (layers l+1 … L) and the
    local derivatives multiplied along it."""

    neurons: tuple[int, ...]
    factors: tuple[Factor, ...]
    value: float


@dataclass(frozen=True)
class ChainRule:
    weight: Sym
    sample: int  # the sample the paths are for (0-based)
    paths: tuple[Path, ...]  # listed, largest first when not all are
    count: int  # paths in all
    rest: float  # the sum of the paths not listed
    per_sample: float  # ∂L/∂w for that sample: the sum over all paths
    batch: float  # ∂C/∂w: the mean over the samples (+ the L2 term)
    dW: float  # the dW cell the backward pass computed


def chain_rule(stepper: StepperLike, layer: int, j: int, k: int, sample: int = 0) -> ChainRule:
    """∂C/∂w_jk^[layer] as the tutorial derives it: for one sample, the sum over every path from
    the weight to the output of the local derivatives along it (a_k, then σ′ and w layer by layer,
    then the output's error δ^[L]); the same paths in every sample, averaged over the batch, give
    the dW cell. Beyond MAX_PATHS paths the sums are the backward pass's (equation 2 sums the
    paths layer by layer)."""
    ctx = _Context(stepper)
    net, s, L = ctx.net, stepper, ctx.net.L
    i = sample
    acts = [get_activation(a) for a in net.activations]
    primes = [acts[t - 1].prime(s.Zs[t - 1], s.As[t]).astype(np.float64) for t in range(1, L + 1)]
    start = [(ctx.sym("a", k + 1, layer - 1, ctx.sample(i)), s.As[layer - 1][k, :])]
    if layer < L:
        start.append((ctx.sym("σ′", j + 1, layer, ctx.sample(i), of="z"), primes[layer - 1][j, :]))
    widths = [net.dims[t] for t in range(layer + 1, L + 1)]
    count = math.prod(widths)
    paths: list[Path] = []
    if count <= MAX_PATHS:
        every_sample = np.zeros(s.samples)
        for route in itertools.product(*(range(n) for n in widths)):
            factors = list(start)
            previous = j
            for t, p in zip(range(layer + 1, L + 1), route):
                w = float(s.start_weights[t - 1][p, previous])
                factors.append((_sym("w", f"{p + 1},{previous + 1}", t), np.full(s.samples, w)))
                if t < L:
                    factors.append((ctx.sym("σ′", p + 1, t, ctx.sample(i), of="z"),
                                    primes[t - 1][p, :]))
                previous = p
            factors.append((ctx.sym("δ", previous + 1, L, ctx.sample(i)), ctx.dZ[L][previous, :]))
            product = np.prod(np.vstack([v.astype(np.float64) for _, v in factors]), axis=0)
            every_sample += product
            paths.append(Path(route, tuple(Factor(sym, float(v[i])) for sym, v in factors),
                              float(product[i])))
        per_sample = math.fsum(p.value for p in paths)
        samples = every_sample
    else:
        samples = ctx.dZ[layer][j, :].astype(np.float64) * s.As[layer - 1][k, :]
        per_sample = float(samples[i])
    listed = sorted(paths, key=lambda p: -abs(p.value))[:LISTED] if len(paths) > LISTED + 4 \
        else paths
    rest = per_sample - math.fsum(p.value for p in listed)
    m = stepper.samples
    batch = math.fsum(samples.tolist()) / m
    if s.l2:
        batch += s.l2 / m * float(s.start_weights[layer - 1][j, k])
    return ChainRule(_sym("w", f"{j + 1},{k + 1}", layer), i, tuple(listed), count, rest,
                     per_sample, batch, float(_gradients(stepper)[layer - 1][j, k]))


# ----- checking it by nudging the weight --------------------------------------------------------------

@dataclass(frozen=True)
class Nudge:
    epsilon: float
    cost_plus: float  # C with w + ε
    cost_minus: float  # C with w − ε
    slope: float  # (C(w + ε) − C(w − ε)) / 2ε
    dW: float  # what backprop computed
    agreement: int  # significant digits in which slope and dW agree
    kinks: int  # samples whose ReLU switched between w − ε and w + ε (the slope jumps there)
    exact_slope: float | None = None  # a float32 network: the same nudge computed in float64
    exact_agreement: int | None = None  # … and its digits in common with dW


def _nudged_costs(stepper: StepperLike, layer: int, j: int, k: int, epsilon: float,
                  precision: str) -> tuple[list[float], int]:
    """C(w + ε), C(w − ε) of the stepper's batch, and how many samples' ReLUs switch between."""
    s, net = stepper, stepper.network
    w = s.start_weights[layer - 1][j, k]
    weights = list(s.start_weights)
    nudged = np.array(weights[layer - 1])
    costs, masks = [], []
    kinked = [a in ("relu", "leaky_relu") for a in net.activations]
    for sign in (+1, -1):
        nudged[j, k] = w + sign * epsilon
        weights[layer - 1] = nudged
        probe = dataclasses.replace(net, weights=weights, biases=list(s.start_biases),
                                    precision=precision)
        Zs, As = probe.forward(s.X)
        costs.append(eq.cost(get_loss(net.loss), Zs[-1], As[-1], _labels(s), weights, s.l2))
        masks.append([Z > 0 for Z, bent in zip(Zs, kinked) if bent])
    switched = np.zeros(s.samples, dtype=bool)
    for a, b in zip(*masks):
        switched |= np.any(a != b, axis=0)
    return costs, int(np.count_nonzero(switched))


def nudge(stepper: StepperLike, layer: int, j: int, k: int, epsilon: float | None = None) -> Nudge:
    """The gradient check, done live: the cost of the stepper's batch with w_jk^[layer] nudged by
    ±ε, and the central difference beside the backward pass's dW. A float32 network's check is
    also done in float64, to show how much of the gap is float32's rounding."""
    s = stepper
    float32 = s.network.uses_float32
    w = float(s.start_weights[layer - 1][j, k])
    if epsilon is None:  # float64: truncation and rounding balance near 1e-5; float32 needs more
        epsilon = (1e-3 if float32 else 1e-5) * max(1.0, abs(w))
    costs, kinks = _nudged_costs(s, layer, j, k, epsilon, s.network.precision)
    slope = (costs[0] - costs[1]) / (2 * epsilon)
    dW = float(_gradients(s)[layer - 1][j, k])
    exact = exact_agreement = None
    if float32:
        exact_costs, _ = _nudged_costs(s, layer, j, k, epsilon, "float64")
        exact = (exact_costs[0] - exact_costs[1]) / (2 * epsilon)
        exact_agreement = agreement(exact, dW)
    return Nudge(epsilon, costs[0], costs[1], slope, dW, agreement(slope, dW), kinks, exact,
                 exact_agreement)


def agreement(a: float, b: float) -> int:
    """Significant digits in which a and b agree (15 for equal numbers)."""
    if a == b:
        return 15
    if not (math.isfinite(a) and math.isfinite(b)) or max(abs(a), abs(b)) == 0:
        return 0
    return max(0, min(15, int(math.floor(-math.log10(abs(a - b) / max(abs(a), abs(b)))))))


# what each row of the schedule names: (context, step, j, i) → where cell (j, i) comes from
Explainer = Callable[[_Context, StepLike, int, int], Explanation]
