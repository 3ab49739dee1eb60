"""The tutorial's four fundamental equations (四个基础等式, its section 3.4), with the forward pass
and the cost beside them: the one implementation of the maths, and one table of what each step
is called, what it computes and what it lights up.

Notation: W[l] is (n[l], n[l−1]), b[l] is (n[l], 1), a column is one sample, m is the number of
samples. The schedule (schedule.py) runs these functions in the order of an iteration for the
batch engine (network.py) and the stepper alike, so stepping an iteration lands bitwise on the
parameters of one engine iteration.

The tutorial numbers the backward pass 等式1–4 (output-layer error, hidden-layer error, the
parameters' rates of change, the update); the forward pass and the cost are unnumbered there.
Where one equation is computed in two steps, the steps are its sub-steps a and b. Where the
tutorial's tables slip, the maths here is right and the step's note says so: the multi-sample
table writes 1/m·meanOfEachRow for db (that divides by m twice), its code table writes ⊙ for the
product Wᵀ·dZ and dA[l] for dA[l−1], and ∇_A C for the gradient that its 等式3 divides by m again.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np

from .activations import Activation
from .losses import Loss
from .messages import QT_TRANSLATE_NOOP
from .typealiases import FloatArray

FORWARD, COST, BACKWARD, UPDATE = "forward", "cost", "backward", "update"

# The operations a step runs, in the order it runs them (what the equation view's tag names).
MATRIX_PRODUCT = "matrix product"
BROADCAST_ADD = "broadcast add"
ELEMENTWISE_FUNCTION = "function of each element"
ELEMENTWISE_PRODUCT = "element-wise product"
ELEMENTWISE_QUOTIENT = "element-wise quotient"
SUBTRACTION = "subtraction"
ADDITION = "addition"
ROW_SUM = "sum of each row"
TOTAL_SUM = "sum of all elements"
SCALAR_MULTIPLE = "scalar multiple"
LOSS_FUNCTION = "loss function"  # L(a, y) of one sample
LOSS_OF_EACH = "loss function of each column"  # L⁽ⁱ⁾ of each of m samples
OUTER_PRODUCT = "outer product"  # a column times a row: each product once, nothing summed
NOTHING = "nothing to compute"  # the result is the operand itself (∂L/∂b = δ)

OPERATION_NAMES = {
    MATRIX_PRODUCT: QT_TRANSLATE_NOOP("core", "matrix product"),
    BROADCAST_ADD: QT_TRANSLATE_NOOP("core", "broadcast add"),
    ELEMENTWISE_FUNCTION: QT_TRANSLATE_NOOP("core", "σ of each element"),
    LOSS_FUNCTION: QT_TRANSLATE_NOOP("core", "the loss function L(a, y)"),
    LOSS_OF_EACH: QT_TRANSLATE_NOOP("core", "the loss function of each column (each sample)"),
    OUTER_PRODUCT: QT_TRANSLATE_NOOP("core", "column times row (each product once, nothing "
                                             "summed)"),
    NOTHING: QT_TRANSLATE_NOOP("core", "nothing to compute: the same numbers"),
    ELEMENTWISE_PRODUCT: QT_TRANSLATE_NOOP("core", "element-wise product ⊙"),
    ELEMENTWISE_QUOTIENT: QT_TRANSLATE_NOOP("core", "element-wise quotients"),
    SUBTRACTION: QT_TRANSLATE_NOOP("core", "subtraction"),
    ADDITION: QT_TRANSLATE_NOOP("core", "addition"),
    ROW_SUM: QT_TRANSLATE_NOOP("core", "sum of each row"),
    TOTAL_SUM: QT_TRANSLATE_NOOP("core", "sum of all elements"),
    SCALAR_MULTIPLE: QT_TRANSLATE_NOOP("core", "scaled by a number"),
}

PHASE_NAMES = {
    FORWARD: QT_TRANSLATE_NOOP("core", "forward pass"),
    COST: QT_TRANSLATE_NOOP("core", "cost"),
    BACKWARD: QT_TRANSLATE_NOOP("core", "backward pass"),
    UPDATE: QT_TRANSLATE_NOOP("core", "update"),
}
# what L2 adds to the operations of a row with an L2 term: λ times W, added
L2_OPERATIONS = (SCALAR_MULTIPLE, ADDITION)


@dataclass(frozen=True)
class Lights:
    """What the diagram marks for a step of layer l: the neurons of layer l + ``neurons`` and the
    edges of W[l + ``edges``] (None: nothing of that kind)."""

    neurons: int | None = 0
    edges: int | None = None


@dataclass(frozen=True)
class Equation:
    """One row of the table: a step of the iteration as the tutorial writes it.

    Pairs are (one sample, m samples): the tutorial's single-sample table (δ, ∂L/∂W, the loss L)
    and its multi-sample table (dZ, ∂C/∂W, the cost C). Templates take {l}, {p} = l−1,
    {n} = l+1 and {L}; formulas also {act} (σ's name) and {alpha}; notes the values the
    stepper gives (m, σ's formulas, …). ``why`` answers F1, the tutorial's FAQ where one applies.
    """

    key: str
    number: int | None  # the tutorial's 等式 1–4; None for the forward pass and the cost
    sub: str  # "a", "b" or ""
    phase: str
    group: str | None  # the tutorial's name of the 等式 (translatable), None when unnumbered
    title: tuple[str, str]  # the step's own name (translatable)
    formula: tuple[str, str]
    operands: tuple[tuple[str, ...], tuple[str, ...]]
    result: tuple[str, str]
    operations: tuple[tuple[str, ...], tuple[str, ...]]  # what runs, in each notation
    lights: Lights
    note: tuple[str, str]  # translatable templates, "" for none
    why: tuple[str, str]  # translatable templates
    term: str  # the tutorial's own (Chinese) name for it
    shapes: tuple[str, str]  # the shapes line: {0}, {1}, … the operands' shapes, {r} the result's
    signs: tuple[str, ...]  # what stands between the operands' pictures
    l2: tuple[str, str]  # what L2 adds to the formula ("" where it adds nothing)
    phase_name: tuple[str, str]  # what its phase is called in each notation (translatable)

    @property
    def label(self) -> str:
        """"1a", "3b", … or "" for an unnumbered step."""
        return f"{self.number}{self.sub}" if self.number else ""


Pair = tuple[str, str]  # (one sample, m samples)
Operands = tuple[tuple[str, ...], tuple[str, ...]]


def _both(value: str | Pair) -> Pair:
    """A text the same for one sample and for m samples, as a pair."""
    return (value, value) if isinstance(value, str) else value


def _pair(value: tuple[str, ...] | Operands) -> Operands:
    """A tuple the same for one sample and for m samples, as a pair (a pair stays as it is)."""
    return value if value and isinstance(value[0], tuple) else (tuple(value), tuple(value))


def _row(key: str, number: int | None, sub: str, phase: str, group: str | None,
         title: str | Pair, formula: str | Pair, operands: tuple[str, ...] | Operands,
         result: str | Pair, operations: Iterable[str] | Operands, lights: Lights,
         note: str | Pair, why: str | Pair, *, term: str, shapes: str | Pair, signs: Iterable[str] = (),
         l2: Pair = ("", ""), phase_name: str | Pair | None = None) -> Equation:
    ops = operations if isinstance(operations, tuple) else tuple(operations)
    return Equation(key, number, sub, phase, group, _both(title), _both(formula), _pair(operands),
                    _both(result), _pair(ops), lights, _both(note), _both(why), term, _both(shapes),
                    tuple(signs), l2, _both(phase_name or PHASE_NAMES[phase]))


OUTPUT_ERROR = QT_TRANSLATE_NOOP("core", "output-layer error")
HIDDEN_ERROR = QT_TRANSLATE_NOOP("core", "hidden-layer error")
RATES_OF_CHANGE = QT_TRANSLATE_NOOP("core", "rates of change of the parameters")
PARAMETER_UPDATE = QT_TRANSLATE_NOOP("core", "parameter update")

_GRADIENT_DESCENT = QT_TRANSLATE_NOOP(
    "core", "Gradient descent: the gradient points where the cost grows fastest, so the parameter "
    "takes a step of α = {alpha} against it. Too large an α overshoots and the cost diverges; too "
    "small a one crawls. The learning rate is a hyper-parameter: you choose it, the network does "
    "not learn it.")

# shared by the rows of each cost's variant
_LOSS_PHASE_NAMES = (QT_TRANSLATE_NOOP("core", "loss"),  # one sample's cost is its loss
                     PHASE_NAMES[COST])
_LOSS = (QT_TRANSLATE_NOOP("core", "loss L of this sample"),
         QT_TRANSLATE_NOOP("core", "loss L of each sample"))
# {then}: what the losses go on to make, a claim over λ (claims.LOSS_THEN_COST, LOSSES_THEN_COST)
_LOSS_NOTE = (QT_TRANSLATE_NOOP("core", "the loss function L measures the error of this one sample; "
                                "{then}"),
              QT_TRANSLATE_NOOP("core", "one loss per sample (the loss function); {then}"))
_OUTPUT_GRADIENT = (QT_TRANSLATE_NOOP("core", "gradient of the loss with respect to the output"),
                    QT_TRANSLATE_NOOP("core", "each sample's gradient of its loss"))
_OUTPUT_GRADIENT_NOTE = (
    QT_TRANSLATE_NOOP("core", "∂L/∂a of this one sample: the first factor of 等式1"),
    QT_TRANSLATE_NOOP("core", "column i is ∂L⁽ⁱ⁾/∂A⁽ⁱ⁾, the gradient of sample i's own loss, which "
                      "is m = {m} times ∂C/∂A. The tutorial's table writes ∇_A C (that is ∂C/∂A) "
                      "here and its 等式3 divides by m again, which would divide twice; here each "
                      "sample keeps its own gradient and 等式3 divides by m once"))
# the loss is a function of the output and the label: of one pair, or of each column
_LOSS_OPERATIONS = ((LOSS_FUNCTION,), (LOSS_OF_EACH,))

# the batch's "why" of the rows whose single-sample one speaks of δ, z, a or y (Equation.why)
_BATCH_WHY = {
    "loss-bce": QT_TRANSLATE_NOOP(
        "core", "Cross-entropy (the tutorial's FAQ 4): each output A⁽ⁱ⁾ is read as the probability of "
        "class 1, and −log of the probability given to the true class is sample i's loss; "
        "minimising their mean is maximum likelihood. Least squares would also work, but with a "
        "sigmoid output it is not convex, so it may stop in a local minimum, and its gradient "
        "carries σ′, which vanishes when an output is confidently wrong; cross-entropy is convex "
        "in the output layer's weights and its dZ is simply A − Y."),
    "loss-mse": QT_TRANSLATE_NOOP(
        "core", "The squared error ½(A⁽ⁱ⁾ − Y⁽ⁱ⁾)² of each sample (least squares): its gradient is A − Y "
        "times σ′(Z) of the output, so a saturated output learns slowly even when it is wrong, "
        "and with a sigmoid output the cost is not convex (the tutorial's FAQ 4). The tutorial "
        "chooses cross-entropy for a yes/no output; this network uses the squared error."),
    "1a-bce": QT_TRANSLATE_NOOP(
        "core", "How each sample's loss changes when its output changes: for cross-entropy column i is "
        "−(Y⁽ⁱ⁾/A⁽ⁱ⁾ − (1 − Y⁽ⁱ⁾)/(1 − A⁽ⁱ⁾)), large where the output is confidently wrong. 等式1 "
        "multiplies dA by σ′(Z), element by element, to get the output layer's dZ."),
    "1a-mse": QT_TRANSLATE_NOOP(
        "core", "How each sample's loss changes when its output changes: for the squared error ½(A⁽ⁱ⁾ − "
        "Y⁽ⁱ⁾)² it is A − Y. 等式1 multiplies dA by σ′(Z), element by element, to get the output "
        "layer's dZ."),
    "1b": QT_TRANSLATE_NOOP(
        "core", "The output layer's dZ holds each sample's ∂L⁽ⁱ⁾/∂Z. By the chain rule element j of a "
        "column is Σ_k ∂L⁽ⁱ⁾/∂A_k·∂A_k/∂Z_j, and A_k depends on Z_j only when k = j, so the sum "
        "keeps one term: dA_j·σ′(Z_j). Stacking (堆砌) these products for every neuron and sample "
        "is the element-wise ⊙ of 等式1, not a matrix product (the tutorial's FAQ 1). {derivative}"),
    "1b-fused": QT_TRANSLATE_NOOP(
        "core", "The output layer's dZ holds each sample's ∂L⁽ⁱ⁾/∂Z. By the chain rule element j of a "
        "column is dA_j·σ′(Z_j), since A_k depends on Z_j only when k = j; stacked (堆砌) for every"
        " neuron and sample that is the ⊙ of 等式1 (the tutorial's FAQ 1). For a sigmoid with "
        "cross-entropy the product simplifies: σ′ = A ⊙ (1 − A) cancels the denominators and "
        "leaves A − Y, the difference between what the network said and the truth, sample by "
        "sample."),
    "2a": QT_TRANSLATE_NOOP(
        "core", "Why the transpose (the tutorial's FAQ 2): neuron j of layer l feeds neuron k of layer "
        "l+1 through w_kj, so for each sample dA_j = Σ_k w_kj·dZ_k. Summing over the row index k "
        "of W[l+1] is a product with its transpose: W[l+1]ᵀ·dZ[l+1], for all m columns at once. "
        "The error flows back along the same weights it came through, in the other direction."),
    "2b": QT_TRANSLATE_NOOP(
        "core", "A hidden neuron's dZ is what is passed back to it times its own slope σ′(Z): dZ_j = (Σ_k"
        " w_kj·dZ_k)·σ′(Z_j) in every column. Each neuron has its own slope, so this is ⊙, neuron"
        " by neuron and sample by sample. {passback} {derivative}"),
    "3a": QT_TRANSLATE_NOOP(
        "core", "A bias adds 1·b_j to every Z_j, so each sample's ∂L⁽ⁱ⁾/∂b_j is its dZ_j. The cost is the"
        " mean of the losses, so db is the mean of the samples' dZ: the sum of each row over the "
        "columns, times 1/m, which keeps the step from growing with m."),
    "3b": QT_TRANSLATE_NOOP(
        "core", "Where the matrix form comes from (the tutorial's FAQ 3): w_jk joins input k to neuron j,"
        " so each sample's ∂L⁽ⁱ⁾/∂w_jk is A_k·dZ_j of its column. In row j, column k the product "
        "dZ·Aᵀ adds these up over the m samples for every pair at once, and 1/m averages: dW has "
        "the shape of W."),
}

TABLE: dict[str, Equation] = {e.key: e for e in (
    _row("z", None, "", FORWARD, None,
         (QT_TRANSLATE_NOOP("core", "weighted input z"), QT_TRANSLATE_NOOP("core", "weighted input Z")),
         ("z[{l}] = W[{l}]·a[{p}] + b[{l}]", "Z[{l}] = W[{l}]·A[{p}] + b[{l}]"),
         (("W[{l}]", "a[{p}]", "b[{l}]"), ("W[{l}]", "A[{p}]", "b[{l}]")),
         ("z[{l}]", "Z[{l}]"), (MATRIX_PRODUCT, BROADCAST_ADD), Lights(0, 0),
         (QT_TRANSLATE_NOOP("core", "each z_j = Σ_k w_jk·a_k + b_j: row j of W[{l}] times the column "
                            "a[{p}] of this one sample, plus neuron j's bias"),
          QT_TRANSLATE_NOOP("core", "the same for each of the m = {m} columns (one per sample); b[{l}] "
                            "is one column, added to every one of them (broadcast)")),
         QT_TRANSLATE_NOOP(
             "core", "Each neuron adds up its inputs, each weighted by its row of W[l], and adds its "
             "bias. Why W starts random and b at zero (the tutorial's FAQ 6): with equal weights "
             "every hidden neuron of a layer would compute the same thing and receive the same "
             "error, so they would stay equal for ever, as good as one neuron; random weights break "
             "the tie. The biases need no such help, since the weights already differ, so they may "
             "start at 0. This network was initialised with {init}."),
         term="线性结果", shapes="{0}·{1} + {2} → {r}", signs=("·", "+")),
    _row("a", None, "", FORWARD, None,
         (QT_TRANSLATE_NOOP("core", "activation a"), QT_TRANSLATE_NOOP("core", "activation A")),
         ("a[{l}] = {act}(z[{l}])", "A[{l}] = {act}(Z[{l}])"),
         (("z[{l}]",), ("Z[{l}]",)), ("a[{l}]", "A[{l}]"), (ELEMENTWISE_FUNCTION,), Lights(0),
         (QT_TRANSLATE_NOOP("core", "σ = {act}: σ(z) = {formula}, applied to each element of z"),
          QT_TRANSLATE_NOOP("core", "σ = {act}: σ(Z) = {formula}, applied to each element of Z")),
         QT_TRANSLATE_NOOP(
             "core", "Without a non-linear σ, any number of layers would collapse into one linear "
             "map, which cannot separate classes that no straight line separates; σ lets the "
             "network bend its decision boundary. {derivative}"),
         term="激活函数输出", shapes="σ{0} → {r}", signs=()),
    _row("loss-bce", None, "", COST, None,
         _LOSS,
         ("L = −[y·log a[{L}] + (1 − y)·log(1 − a[{L}])]",
          "L⁽ⁱ⁾ = −[Y⁽ⁱ⁾·log A[{L}]⁽ⁱ⁾ + (1 − Y⁽ⁱ⁾)·log(1 − A[{L}]⁽ⁱ⁾)]"),
         (("a[{L}]", "y"), ("A[{L}]", "Y")), ("L", "L⁽ⁱ⁾"), _LOSS_OPERATIONS, Lights(0),
         _LOSS_NOTE,
         (QT_TRANSLATE_NOOP(
             "core", "Cross-entropy (the tutorial's FAQ 4): the output a is read as the probability "
             "of class 1, and −log of the probability given to the true class is the loss; "
             "minimising it is maximum likelihood. Least squares would also work, but with a "
             "sigmoid output it is not convex, so it may stop in a local minimum, and its gradient "
             "carries σ′, which vanishes when the output is confidently wrong; cross-entropy is "
             "convex in the output layer's weights and its error is simply a − y."), _BATCH_WHY["loss-bce"]),
         term="损失函数", shapes="{0}, {1} → {r}", signs=(",",), phase_name=_LOSS_PHASE_NAMES),
    _row("loss-mse", None, "", COST, None,
         _LOSS,
         ("L = ½·(a[{L}] − y)²", "L⁽ⁱ⁾ = ½·(A[{L}]⁽ⁱ⁾ − Y⁽ⁱ⁾)²"),
         (("a[{L}]", "y"), ("A[{L}]", "Y")), ("L", "L⁽ⁱ⁾"), _LOSS_OPERATIONS, Lights(0),
         _LOSS_NOTE,
         (QT_TRANSLATE_NOOP(
             "core", "The squared error ½(a − y)² (least squares): its gradient is a − y times σ′(z) of "
             "the output, so a saturated output learns slowly even when it is wrong, and with a "
             "sigmoid output the cost is not convex (the tutorial's FAQ 4). The tutorial chooses "
             "cross-entropy for a yes/no output; this network uses the squared error."), _BATCH_WHY["loss-mse"]),
         term="损失函数", shapes="{0}, {1} → {r}", signs=(",",), phase_name=_LOSS_PHASE_NAMES),
    _row("cost", None, "", COST, None,
         QT_TRANSLATE_NOOP("core", "cost C of the m losses"),
         "C = 1/m·Σᵢ L⁽ⁱ⁾", ("L⁽ⁱ⁾",), "C", (TOTAL_SUM, SCALAR_MULTIPLE), Lights(0),
         # what C is and whether the curve plots it: claims over λ and the batch size (claims.py)
         QT_TRANSLATE_NOOP("core", "{what}; {curve}"),
         QT_TRANSLATE_NOOP(
             "core", "The tutorial tells the two apart: the loss function is one sample's error, "
             "the cost function is the mean over the m samples that go in together. Gradient "
             "descent lowers the cost, so every gradient of the backward pass is an average over "
             "the samples (the 1/m of 等式3)."),
         term="代价函数", shapes="1/m·Σᵢ {0} → {r}", signs=(), l2=("", " + λ/(2m)·Σ‖W‖²")),
    _row("1a-bce", 1, "a", BACKWARD, OUTPUT_ERROR,
         _OUTPUT_GRADIENT,
         ("∇ₐL = −(y / a[{L}] − (1 − y) / (1 − a[{L}]))",
          "dA[{L}] = −(Y / A[{L}] − (1 − Y) / (1 − A[{L}]))"),
         (("a[{L}]", "y"), ("A[{L}]", "Y")), ("∇ₐL", "dA[{L}]"),
         (ELEMENTWISE_QUOTIENT, SUBTRACTION), Lights(0),
         _OUTPUT_GRADIENT_NOTE,
         (QT_TRANSLATE_NOOP(
             "core", "How the loss changes when the output a changes: for cross-entropy "
             "∂L/∂a = −(y/a − (1 − y)/(1 − a)), large where the output is confidently wrong. 等式1 "
             "multiplies it by σ′(z), element by element, to get the output layer's error."), _BATCH_WHY["1a-bce"]),
         term="输出层误差", shapes="{0}, {1} → {r}", signs=(",",)),
    _row("1a-mse", 1, "a", BACKWARD, OUTPUT_ERROR,
         _OUTPUT_GRADIENT,
         ("∇ₐL = a[{L}] − y", "dA[{L}] = A[{L}] − Y"),
         (("a[{L}]", "y"), ("A[{L}]", "Y")), ("∇ₐL", "dA[{L}]"), (SUBTRACTION,), Lights(0),
         _OUTPUT_GRADIENT_NOTE,
         (QT_TRANSLATE_NOOP(
             "core", "How the loss changes when the output a changes: for the squared error "
             "½(a − y)² it is a − y. 等式1 multiplies it by σ′(z), element by element, to get the "
             "output layer's error."), _BATCH_WHY["1a-mse"]),
         term="输出层误差", shapes="{0} − {1} → {r}", signs=("−",)),
    _row("1b", 1, "b", BACKWARD, OUTPUT_ERROR,
         (QT_TRANSLATE_NOOP("core", "the gradient ⊙ σ′(z)"),
          QT_TRANSLATE_NOOP("core", "the gradient ⊙ σ′(Z)")),
         ("δ[{L}] = ∇ₐL ⊙ σ′(z[{L}])", "dZ[{L}] = dA[{L}] ⊙ σ′(Z[{L}])"),
         (("∇ₐL", "σ′(z[{L}])"), ("dA[{L}]", "σ′(Z[{L}])")), ("δ[{L}]", "dZ[{L}]"),
         (ELEMENTWISE_PRODUCT,), Lights(0),
         (QT_TRANSLATE_NOOP("core", "σ = {act}: σ′(z) = {prime}; ⊙ multiplies element by element"),
          QT_TRANSLATE_NOOP("core", "σ = {act}: σ′(Z) = {prime}; ⊙ multiplies element by element")),
         (QT_TRANSLATE_NOOP(
             "core", "The output error δ = ∂L/∂z. By the chain rule δ_j = Σ_k ∂L/∂a_k·∂a_k/∂z_j, and "
             "a_k depends on z_j only when k = j, so the sum keeps one term: δ_j = ∂L/∂a_j·σ′(z_j). "
             "Stacking (堆砌) these per-neuron products into a column is the element-wise ⊙ of "
             "等式1, not a matrix product (the tutorial's FAQ 1). {derivative}"), _BATCH_WHY["1b"]),
         term="输出层误差", shapes="{0} ⊙ {1} → {r}", signs=("⊙",)),
    _row("1b-fused", 1, "b", BACKWARD, OUTPUT_ERROR,
         (QT_TRANSLATE_NOOP("core", "the gradient ⊙ σ′(z), which is a − y here"),
          QT_TRANSLATE_NOOP("core", "the gradient ⊙ σ′(Z), which is A − Y here")),
         ("δ[{L}] = ∇ₐL ⊙ σ′(z[{L}]) = a[{L}] − y", "dZ[{L}] = dA[{L}] ⊙ σ′(Z[{L}]) = A[{L}] − Y"),
         (("a[{L}]", "y"), ("A[{L}]", "Y")), ("δ[{L}]", "dZ[{L}]"), (SUBTRACTION,), Lights(0),
         (QT_TRANSLATE_NOOP("core", "with a sigmoid output and cross-entropy, ∇ₐL ⊙ σ′(z) = "
                            "−(y/a − (1 − y)/(1 − a))·a(1 − a) is exactly a − y; computed so, it "
                            "stays finite where ∇ₐL is infinite (a saturated output)"),
          QT_TRANSLATE_NOOP("core", "with a sigmoid output and cross-entropy, dA ⊙ σ′(Z) = "
                            "−(Y/A − (1 − Y)/(1 − A)) ⊙ A ⊙ (1 − A) is exactly A − Y, element by "
                            "element; computed so, it stays finite where dA is infinite (a "
                            "saturated output)")),
         (QT_TRANSLATE_NOOP(
             "core", "The output error δ = ∂L/∂z. By the chain rule δ_j = Σ_k ∂L/∂a_k·∂a_k/∂z_j, and "
             "a_k depends on z_j only when k = j, so the sum keeps one term: δ_j = ∂L/∂a_j·σ′(z_j); "
             "stacked (堆砌) into a column that is the ⊙ of 等式1 (the tutorial's FAQ 1). For a "
             "sigmoid with cross-entropy the product simplifies: σ′ = a(1 − a) cancels the "
             "denominators and leaves a − y, the difference between what the network said and the "
             "truth."), _BATCH_WHY["1b-fused"]),
         term="输出层误差", shapes="{0} − {1} → {r}", signs=("−",)),
    _row("2a", 2, "a", BACKWARD, HIDDEN_ERROR,
         QT_TRANSLATE_NOOP("core", "the error passed back through Wᵀ"),
         ("∂L/∂a[{l}] = W[{n}]ᵀ·δ[{n}]", "dA[{l}] = W[{n}]ᵀ·dZ[{n}]"),
         (("W[{n}]ᵀ", "δ[{n}]"), ("W[{n}]ᵀ", "dZ[{n}]")), ("∂L/∂a[{l}]", "dA[{l}]"),
         (MATRIX_PRODUCT,), Lights(0, 1),
         (QT_TRANSLATE_NOOP("core", "a matrix product: each neuron j of layer {l} collects the errors "
                            "δ of the neurons it feeds, weighted by w_kj: Σ_k w_kj·δ_k"),
          QT_TRANSLATE_NOOP("core", "a matrix product: each neuron j of layer {l} collects the errors "
                            "of the neurons it feeds, weighted by w_kj. The formula table of the "
                            "tutorial's cat example (its row 9) writes dA[l] = w[l]ᵀ ⊙ dZ[l]: the "
                            "product is a matrix product, not ⊙, and its left side is dA[l−1]")),
         (QT_TRANSLATE_NOOP(
             "core", "Why the transpose (the tutorial's FAQ 2): neuron j of layer l feeds neuron k of "
             "layer l+1 through w_kj, so ∂z_k/∂a_j = w_kj, and ∂L/∂a_j = Σ_k w_kj·δ_k. Summing over "
             "the row index k of W[l+1] is a product with its transpose: W[l+1]ᵀ·δ[l+1]. The error "
             "flows back along the same weights it came through, in the other direction."), _BATCH_WHY["2a"]),
         term="隐含层误差", shapes="{0}·{1} → {r}", signs=("·",)),
    _row("2b", 2, "b", BACKWARD, HIDDEN_ERROR,
         (QT_TRANSLATE_NOOP("core", "times σ′(z), element by element"),
          QT_TRANSLATE_NOOP("core", "times σ′(Z), element by element")),
         ("δ[{l}] = ∂L/∂a[{l}] ⊙ σ′(z[{l}])", "dZ[{l}] = dA[{l}] ⊙ σ′(Z[{l}])"),
         (("∂L/∂a[{l}]", "σ′(z[{l}])"), ("dA[{l}]", "σ′(Z[{l}])")), ("δ[{l}]", "dZ[{l}]"),
         (ELEMENTWISE_PRODUCT,), Lights(0),
         (QT_TRANSLATE_NOOP("core", "σ = {act}: σ′(z) = {prime}; together with the step before, "
                            "δ[{l}] = [W[{n}]ᵀ·δ[{n}]] ⊙ σ′(z[{l}]), 等式2"),
          QT_TRANSLATE_NOOP("core", "σ = {act}: σ′(Z) = {prime}; together with the step before, "
                            "dZ[{l}] = [W[{n}]ᵀ·dZ[{n}]] ⊙ σ′(Z[{l}]), 等式2")),
         (QT_TRANSLATE_NOOP(
             "core", "A hidden neuron's error is the error passed back to it times its own slope "
             "σ′(z): δ_j = Σ_k w_kj·δ_k·σ′(z_j). Each neuron has its own slope, so this is ⊙, neuron "
             "by neuron. {passback} {derivative}"), _BATCH_WHY["2b"]),
         term="隐含层误差", shapes="{0} ⊙ {1} → {r}", signs=("⊙",)),
    _row("3a", 3, "a", BACKWARD, RATES_OF_CHANGE,
         QT_TRANSLATE_NOOP("core", "bias gradient"),
         ("∂L/∂b[{l}] = δ[{l}]", "db[{l}] = ∂C/∂b[{l}] = 1/m·Σᵢ dZ[{l}]"),
         (("δ[{l}]",), ("dZ[{l}]",)), ("∂L/∂b[{l}]", "db[{l}]"),
         ((NOTHING,), (ROW_SUM, SCALAR_MULTIPLE)), Lights(0),
         (QT_TRANSLATE_NOOP("core", "∂z/∂b = 1, so the bias gradient is the error itself (m = 1: "
                            "nothing to sum)"),
          QT_TRANSLATE_NOOP("core", "the sum of each row of dZ[{l}] over the m = {m} samples, times "
                            "1/m. The tutorial's table writes 1/m·meanOfEachRow, which would divide "
                            "by m twice")),
         (QT_TRANSLATE_NOOP(
             "core", "A bias adds 1·b_j to z_j, so ∂L/∂b_j = δ_j. Over m samples the cost is the "
             "mean of the losses, so the gradient is the mean of the samples' δ: the sum of each "
             "row over the columns, times 1/m, which keeps the step from growing with m."), _BATCH_WHY["3a"]),
         term="参数变化率", shapes=("{0} → {r}", "1/m·Σᵢ {0} → {r}"), signs=()),
    _row("3b", 3, "b", BACKWARD, RATES_OF_CHANGE,
         QT_TRANSLATE_NOOP("core", "weight gradient"),
         ("∂L/∂W[{l}] = δ[{l}]·a[{p}]ᵀ", "dW[{l}] = ∂C/∂W[{l}] = 1/m·dZ[{l}]·A[{p}]ᵀ"),
         (("δ[{l}]", "a[{p}]ᵀ"), ("dZ[{l}]", "A[{p}]ᵀ")), ("∂L/∂W[{l}]", "dW[{l}]"),
         ((OUTER_PRODUCT,), (MATRIX_PRODUCT, SCALAR_MULTIPLE)), Lights(None, 0),
         (QT_TRANSLATE_NOOP("core", "m = 1 sample: row j, column k is δ_j·a_k, the shape of W[{l}]"),
          QT_TRANSLATE_NOOP("core", "m = {m} samples: row j, column k of the product sums "
                            "dZ_j⁽ⁱ⁾·A_k⁽ⁱ⁾ over them, 1/m averages; the result has the shape of "
                            "W[{l}]")),
         (QT_TRANSLATE_NOOP(
             "core", "Where the matrix form comes from (the tutorial's FAQ 3): w_jk joins input k to "
             "neuron j, so ∂L/∂w_jk = a_k·δ_j. Put that in row j, column k and the whole matrix is "
             "the column δ times the row aᵀ: δ·aᵀ, which has the shape of W. Training on many "
             "samples averages these matrices over them."), _BATCH_WHY["3b"]),
         term="参数变化率", shapes=("{0}·{1} → {r}", "1/m·{0}·{1} → {r}"), signs=("·",),
         l2=(" + λ·W[{l}]", " + λ/m·W[{l}]")),
    _row("4a", 4, "a", UPDATE, PARAMETER_UPDATE,
         QT_TRANSLATE_NOOP("core", "bias update"),
         ("b[{l}] ← b[{l}] − α·∂L/∂b[{l}],  α = {alpha}", "b[{l}] ← b[{l}] − α·db[{l}],  α = {alpha}"),
         (("b[{l}]", "∂L/∂b[{l}]"), ("b[{l}]", "db[{l}]")), "b[{l}]",
         (SCALAR_MULTIPLE, SUBTRACTION), Lights(0),
         QT_TRANSLATE_NOOP("core", "a step of α = {alpha} against the gradient"), _GRADIENT_DESCENT,
         term="参数更新", shapes="{0} − α·{1} → {r}", signs=("− α·",)),
    _row("4b", 4, "b", UPDATE, PARAMETER_UPDATE,
         QT_TRANSLATE_NOOP("core", "weight update"),
         ("W[{l}] ← W[{l}] − α·∂L/∂W[{l}],  α = {alpha}", "W[{l}] ← W[{l}] − α·dW[{l}],  α = {alpha}"),
         (("W[{l}]", "∂L/∂W[{l}]"), ("W[{l}]", "dW[{l}]")), "W[{l}]",
         (SCALAR_MULTIPLE, SUBTRACTION), Lights(None, 0),
         QT_TRANSLATE_NOOP("core", "a step of α = {alpha} against the gradient"), _GRADIENT_DESCENT,
         term="参数更新", shapes="{0} − α·{1} → {r}", signs=("− α·",)),
)}


# ----- the maths ------------------------------------------------------------------------------------

def matmul(a: FloatArray, b: FloatArray, float32: bool = False) -> FloatArray:
    """a·b; with ``float32`` the product runs in float32 (the fast precision) and the result comes
    back as float64, so parameters and element-wise steps stay in float64 (master weights)."""
    product: FloatArray  # (np.dot's stub says Any)
    if float32:
        product = np.dot(a.astype(np.float32, copy=False),
                         b.astype(np.float32, copy=False)).astype(np.float64)
    else:
        product = np.dot(a, b)
    return product


def weighted_input(W: FloatArray, A_prev: FloatArray, b: FloatArray,
                   float32: bool = False) -> FloatArray:
    """Z[l] = W[l]·A[l−1] + b[l]; b broadcasts along the m columns.

    Computed as (A[l−1]ᵀ·W[l]ᵀ)ᵀ: the same sums, but with the samples-as-columns layout of X
    OpenBLAS runs this operand order up to 1.6× faster for the wide first layer.
    """
    Z = matmul(A_prev.T, W.T, float32).T
    Z += b
    return Z


def activation_output(activation: Activation, Z: FloatArray) -> FloatArray:
    """A[l] = σ(Z[l])."""
    return activation.f(Z)


def losses(loss: Loss, Z_L: FloatArray, A_L: FloatArray, Y: FloatArray) -> FloatArray:
    """L⁽ⁱ⁾, the loss of each sample, (1, m)."""
    return loss.losses(Z_L, A_L, Y)


def l2_penalty(weights: Iterable[FloatArray], l2: float, m: int) -> float:
    """The L2 term of the cost, λ/(2m)·Σ‖W[l]‖² (0 when L2 is off)."""
    return l2 / (2 * m) * float(sum(np.sum(W * W) for W in weights)) if l2 else 0.0


def cost_of(sample_losses: FloatArray, weights: list[FloatArray], l2: float) -> float:
    """C = 1/m·Σᵢ L⁽ⁱ⁾, plus λ/(2m) Σ‖W[l]‖² when L2 is on."""
    m = sample_losses.shape[1]
    c = float(np.sum(sample_losses) / m)
    if l2:
        c += l2_penalty(weights, l2, m)
    return c


def cost(loss: Loss, Z_L: FloatArray, A_L: FloatArray, Y: FloatArray,
         weights: list[FloatArray], l2: float) -> float:
    """The cost of a batch, the way the engine computes it."""
    return cost_of(losses(loss, Z_L, A_L, Y), weights, l2)


def output_gradient(loss: Loss, A_L: FloatArray, Y: FloatArray) -> FloatArray:
    """等式1a: dA[L], column i ∂L/∂a[L] of sample i (m times ∂C/∂A[L]; 1/m comes in 等式3)."""
    return loss.dA(A_L, Y)


def output_error(loss: Loss, activation: Activation, Z_L: FloatArray, A_L: FloatArray,
                 Y: FloatArray) -> FloatArray:
    """等式1b: dZ[L] = dA[L] ⊙ σ′(Z[L]); for sigmoid + cross-entropy exactly A − Y, which stays
    finite where dA[L] is inf (a saturated output)."""
    if fused(loss, activation):
        return A_L - Y
    return loss.dA(A_L, Y) * activation.prime(Z_L, A_L)


def fused(loss: Loss, activation: Activation) -> bool:
    """Whether 等式1 simplifies to A − Y for this cost and output activation."""
    return loss.fused_with == activation.name


def error_passed_back(W_next: FloatArray, dZ_next: FloatArray,
                      float32: bool = False) -> FloatArray:
    """等式2a: dA[l] = W[l+1]ᵀ·dZ[l+1], a matrix product (the tutorial's code table writes ⊙)."""
    return matmul(W_next.T, dZ_next, float32)


def hidden_error(activation: Activation, dA: FloatArray, Z: FloatArray,
                 A: FloatArray) -> FloatArray:
    """等式2b: dZ[l] = dA[l] ⊙ σ′(Z[l]), element-wise."""
    return dA * activation.prime(Z, A)


def bias_gradient(dZ: FloatArray) -> FloatArray:
    """等式3a: db[l] = (1/m)·(sum of each row of dZ[l] over the columns), shape (n[l], 1)."""
    m = dZ.shape[1]
    db: FloatArray = (1.0 / m) * np.sum(dZ, axis=1, keepdims=True)
    return db


def weight_gradient(dZ: FloatArray, A_prev: FloatArray, W: FloatArray, l2: float = 0.0,
                    float32: bool = False) -> FloatArray:
    """等式3b: dW[l] = (1/m)·dZ[l]·A[l−1]ᵀ, plus (λ/m)·W[l] with L2."""
    m = dZ.shape[1]
    dW = matmul(dZ, A_prev.T, float32)
    dW *= 1.0 / m
    if l2:
        dW += (l2 / m) * W
    return dW


def bias_update(b: FloatArray, db: FloatArray, learning_rate: float,
                out: FloatArray | None = None) -> FloatArray:
    """等式4a: b[l] ← b[l] − α·db[l]; out=b updates in place."""
    new: FloatArray = np.subtract(b, learning_rate * db, out=out)
    return new


def weight_update(W: FloatArray, dW: FloatArray, learning_rate: float,
                  out: FloatArray | None = None) -> FloatArray:
    """等式4b: W[l] ← W[l] − α·dW[l]; out=W updates in place."""
    new: FloatArray = np.subtract(W, learning_rate * dW, out=out)
    return new
