"""Every general statement the app makes about the numbers of a step, as data: a claim is a row
with its text, its counterpart, the predicate that decides between them over the live numbers,
and the values both speak of. A view shows ``say(context)``: the claim where its predicate holds
for what is on screen, its counterpart where it does not, never a sentence the numbers refute.

The diagnoses of a training run are claims of the same kind over a run's numbers
(diagnoses.py), and so are the results of the ready-made comparisons over their two runs'
figures (comparisons.py). Tests evaluate every claim under every setting the editor allows and check the
predicate of what is shown (tests/core/test_claims.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Callable, Generic, TypeVar

import numpy as np

from .equations import l2_penalty
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .typealiases import FloatArray

C = TypeVar("C")
Values = dict[str, object]


@dataclass(frozen=True)
class Claim(Generic[C]):
    """A statement about numbers (``text``), what is said instead where it is false
    (``counterpart``), the predicate over the context, and the values (the evidence) both
    templates are filled with."""

    id: str
    text: str  # translatable template (QT_TRANSLATE_NOOP "core")
    counterpart: str  # translatable template
    holds: Callable[[C], bool]
    values: Callable[[C], Values] = field(default=lambda context: {})

    def say(self, context: C) -> UserMessage:
        """The claim where it holds for ``context``, else its counterpart, with the numbers."""
        return UserMessage(self.text if self.holds(context) else self.counterpart,
                           **self.values(context))


def _number(v: float) -> str:
    return f"{v:.4g}" if math.isfinite(v) else str(v)


# ----- σ′ of a layer (the remarks F1 makes in the a, 1b and 2b steps) ----------------------------

@dataclass(frozen=True)
class Slopes:
    """σ′(Z[l]) of one step's layer, with the activation's name; ``one_sample`` picks the
    notation (z or Z)."""

    activation: str
    primes: FloatArray
    one_sample: bool = False


# What σ′ is, by definition (one sample, the batch): a fact, not a claim over the numbers.
SLOPE_FACTS: dict[str, tuple[str, str]] = {
    "sigmoid": (QT_TRANSLATE_NOOP(
        "core", "For sigmoid σ′(z) = a(1 − a) is at most 0.25 (at z = 0). On the way back 等式2 "
        "multiplies the error by Wᵀ and then by σ′: the factor σ′ alone shrinks it at least "
        "fourfold, but Wᵀ can shrink or grow it too, so whether the error shrinks from layer to "
        "layer depends on the weights as well."), QT_TRANSLATE_NOOP(
        "core", "For sigmoid σ′(Z) = A ⊙ (1 − A), each element at most 0.25 (where Z is 0). On "
        "the way back 等式2 multiplies dZ by Wᵀ and then by σ′: the factor σ′ alone shrinks it at "
        "least fourfold, but Wᵀ can shrink or grow it too, so whether dZ shrinks from layer to "
        "layer depends on the weights as well.")),
    "relu": (QT_TRANSLATE_NOOP(
        "core", "For ReLU σ′(z) is 1 where z > 0 and 0 elsewhere: the error passes unchanged or "
        "not at all."), QT_TRANSLATE_NOOP(
        "core", "For ReLU σ′(Z) is 1 where Z is positive and 0 elsewhere: dZ passes unchanged or "
        "not at all.")),
    "tanh": (QT_TRANSLATE_NOOP(
        "core", "For tanh σ′(z) = 1 − a² is at most 1 (at z = 0) and small where the neuron "
        "saturates."), QT_TRANSLATE_NOOP(
        "core", "For tanh σ′(Z) = 1 − A², each element at most 1 (where Z is 0) and small where "
        "the neuron saturates.")),
    "leaky_relu": (QT_TRANSLATE_NOOP(
        "core", "For leaky ReLU σ′(z) is 1 where z > 0 and 0.01 elsewhere, so every neuron passes "
        "some error back."), QT_TRANSLATE_NOOP(
        "core", "For leaky ReLU σ′(Z) is 1 where Z is positive and 0.01 elsewhere, so every neuron "
        "passes some of dZ back.")),
    "linear": (QT_TRANSLATE_NOOP(
        "core", "For a linear unit σ′(z) = 1: the error passes unchanged."), QT_TRANSLATE_NOOP(
        "core", "For a linear unit σ′(Z) = 1: dZ passes unchanged.")),
}
# a saturated sigmoid or tanh neuron: σ′ below a tenth of its largest value
SATURATED_SHARE = 0.1
_PEAK = {"sigmoid": 0.25, "tanh": 1.0}


def _range(c: Slopes) -> Values:
    v = np.asarray(c.primes)
    low = _PEAK.get(c.activation, 1.0) * SATURATED_SHARE
    return {"low": _number(float(v.min())) if v.size else "–",
            "high": _number(float(v.max())) if v.size else "–", "n": f"{v.size:,}",
            "below": f"{int(np.count_nonzero(v < low)):,}", "bound": f"{low:g}",
            "off": f"{int(np.count_nonzero(v < 1)):,}"}


def _saturates(c: Slopes) -> bool:
    return bool(np.any(c.primes < _PEAK[c.activation] * SATURATED_SHARE))


_SATURATION = Claim[Slopes](
    "saturation", QT_TRANSLATE_NOOP(
        "core", "Here σ′ lies between {low} and {high}: {below} of its {n} values are below "
        "{bound}, a tenth of its largest, where neurons saturate and pass little error back."),
    QT_TRANSLATE_NOOP(
        "core", "Here σ′ lies between {low} and {high}: none of its {n} values is below {bound}, "
        "a tenth of its largest, so no neuron saturates."),
    _saturates, _range)
# the live evidence beside each fact: a claim whose predicate depends on this step's σ′
SLOPE_CLAIMS: dict[str, Claim[Slopes]] = {
    "sigmoid": replace(_SATURATION, id="sigmoid"),
    "tanh": replace(_SATURATION, id="tanh"),
    "relu": Claim("relu", QT_TRANSLATE_NOOP(
        "core", "Here {off} of the {n} values of σ′ are 0: those neurons are off and pass no "
        "error back."), QT_TRANSLATE_NOOP(
        "core", "Here all {n} values of σ′ are 1: every neuron passes its error back unchanged."),
        lambda c: bool(np.any(c.primes < 1)), _range),
    "leaky_relu": Claim("leaky_relu", QT_TRANSLATE_NOOP(
        "core", "Here {off} of the {n} values of σ′ are 0.01: those neurons pass back a hundredth "
        "of their error."), QT_TRANSLATE_NOOP(
        "core", "Here all {n} values of σ′ are 1: every neuron passes its error back unchanged."),
        lambda c: bool(np.any(c.primes < 1)), _range),
}
SLOPES_NOT_FINITE = QT_TRANSLATE_NOOP(
    "core", "Here σ′ is not a finite number everywhere: the weights have overflowed, so these "
    "numbers say nothing any more.")
_FACT_AND_EVIDENCE = QT_TRANSLATE_NOOP("core", "{fact} {evidence}")


def slopes(c: Slopes) -> UserMessage:
    """What F1 says of σ′: its definition (a fact), and what this step's σ′ values show."""
    fact = UserMessage(SLOPE_FACTS[c.activation][0 if c.one_sample else 1])
    if not np.all(np.isfinite(c.primes)):
        evidence = UserMessage(SLOPES_NOT_FINITE)
    elif c.activation in SLOPE_CLAIMS:
        evidence = SLOPE_CLAIMS[c.activation].say(c)
    else:
        return fact
    return UserMessage(_FACT_AND_EVIDENCE, fact=fact, evidence=evidence)


# ----- the error on its way back (等式2, the step 2b) --------------------------------------------

@dataclass(frozen=True)
class PassBack:
    """等式2 for layer l: the error of layer l + 1, what Wᵀ makes of it (∂L/∂a[l] or dA[l]),
    and the error of layer l; ``one_sample`` picks the notation (δ or dZ)."""

    layer: int
    later: FloatArray  # δ[l+1] (dZ[l+1])
    passed: FloatArray  # ∂L/∂a[l] (dA[l]) = W[l+1]ᵀ·δ[l+1]
    error: FloatArray  # δ[l] (dZ[l])
    one_sample: bool


def _norm(a: FloatArray) -> float:
    return float(np.sqrt(np.vdot(a, a)))


def _shrinks(c: PassBack) -> bool:
    return _norm(c.error) < _norm(c.later)


def _pass_back_values(c: PassBack) -> Values:
    later, passed, error = _norm(c.later), _norm(c.passed), _norm(c.error)
    d = "δ" if c.one_sample else "dZ"
    return {"l": c.layer, "n": c.layer + 1, "d": d, "wt": _ratio(passed, later),
            "sigma": _ratio(error, passed), "r": _ratio(error, later)}


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.3g}"


PASS_BACK = Claim[PassBack](
    "pass-back", QT_TRANSLATE_NOOP(
        "core", "Here the error shrinks on its way back: ‖{d}[{l}]‖ is {r} × ‖{d}[{n}]‖ (Wᵀ "
        "multiplied its size by {wt}, σ′ by {sigma})."),
    QT_TRANSLATE_NOOP(
        "core", "Here the error does not shrink on its way back: ‖{d}[{l}]‖ is {r} × ‖{d}[{n}]‖ "
        "(Wᵀ multiplied its size by {wt}, σ′ by {sigma})."),
    _shrinks, _pass_back_values)
# where no ratio can be said: no error reaches layer l + 1, Wᵀ passes none, or the numbers overflowed
NO_ERROR_REACHES = (
    QT_TRANSLATE_NOOP("core", "Here no error reaches layer {n} for this sample (δ[{n}] is 0), so "
                      "none passes back to layer {l}."),
    QT_TRANSLATE_NOOP("core", "Here no error reaches layer {n} for any sample of the batch (dZ[{n}] "
                      "is 0), so none passes back to layer {l}."))
NONE_PASSES_WT = QT_TRANSLATE_NOOP(
    "core", "Here W[{n}]ᵀ passes none of the error of layer {n} back: what reaches layer {l} is 0.")
ERROR_NOT_FINITE = QT_TRANSLATE_NOOP(
    "core", "Here the error is not a finite number: the weights have overflowed, so its size on "
    "the way back says nothing any more.")


def pass_back(c: PassBack) -> UserMessage:
    """What the 2b step says of the error's size on its way back from layer l + 1 to layer l."""
    later, passed, error = _norm(c.later), _norm(c.passed), _norm(c.error)
    values = {"l": c.layer, "n": c.layer + 1}
    if not all(math.isfinite(v) for v in (later, passed, error)):
        return UserMessage(ERROR_NOT_FINITE, **values)
    if later == 0:
        return UserMessage(NO_ERROR_REACHES[0 if c.one_sample else 1], **values)
    if passed == 0:
        return UserMessage(NONE_PASSES_WT, **values)
    return PASS_BACK.say(c)


# ----- what the cost and the loss are (the notes of the loss and cost steps) ------------------------

@dataclass(frozen=True)
class CostFacts:
    """The losses and the cost of a step, with the settings that decide what the cost is: λ, and
    how training batches the ``samples`` it has (None: the full batch)."""

    losses: FloatArray  # (1, m)
    cost: float
    l2: float
    weights: tuple[FloatArray, ...]
    batch_size: int | None
    one_sample: bool = False

    @property
    def m(self) -> int:
        return int(self.losses.shape[1])


def _mean_is_cost(c: CostFacts) -> bool:
    """Without L2 (λ = 0) the cost is the mean of the losses, whatever the numbers."""
    return c.l2 == 0


def finite_cost(c: CostFacts) -> bool:
    """Whether the losses and the L2 term are finite numbers (not a network that diverged)."""
    return bool(np.all(np.isfinite(c.losses))) and math.isfinite(l2_penalty(c.weights, c.l2, c.m))


def _cost_values(c: CostFacts) -> Values:
    penalty = l2_penalty(c.weights, c.l2, c.m)
    return {"m": f"{c.m:,}", "mean": _number(float(np.sum(c.losses) / c.m)),
            "penalty": _number(penalty), "lambda": f"{c.l2:g}", "b": f"{c.batch_size or c.m:,}"}


def full_batch(batch_size: int | None, m: int) -> bool:
    """Whether training's iterations take all ``m`` samples at once."""
    return batch_size is None or batch_size >= m


COST_IS_MEAN = Claim[CostFacts](
    "cost-is-mean", QT_TRANSLATE_NOOP(
        "core", "the cost function C is the mean of the m = {m} losses"),
    QT_TRANSLATE_NOOP(
        "core", "the cost function C is the mean of the m = {m} losses ({mean}) plus the L2 term "
        "λ/(2m)·Σ‖W‖² = {penalty} (λ = {lambda})"),
    _mean_is_cost, _cost_values)
COST_ON_THE_CURVE = Claim[CostFacts](
    "cost-on-the-curve", QT_TRANSLATE_NOOP(
        "core", "one number for the whole batch: what the cost curve plots for this iteration"),
    QT_TRANSLATE_NOOP(
        "core", "one number for all m = {m} training samples; training takes mini-batches of {b}, "
        "so its cost curve plots each mini-batch's cost, which scatters around this one"),
    lambda c: full_batch(c.batch_size, c.m), _cost_values)
LOSS_THEN_COST = Claim[CostFacts](
    "loss-then-cost", QT_TRANSLATE_NOOP(
        "core", "over m samples, the mean of their losses is the cost function"),
    QT_TRANSLATE_NOOP(
        "core", "over m samples, the mean of their losses plus the L2 term λ/(2m)·Σ‖W‖² "
        "(λ = {lambda}) is the cost function"),
    lambda c: c.l2 == 0, _cost_values)
LOSSES_THEN_COST = Claim[CostFacts](
    "losses-then-cost", QT_TRANSLATE_NOOP(
        "core", "the next step averages them into the cost C"),
    QT_TRANSLATE_NOOP(
        "core", "the next step averages them and adds the L2 term λ/(2m)·Σ‖W‖² = {penalty}: the "
        "cost C"),
    lambda c: c.l2 == 0, _cost_values)

COST_CLAIMS = (COST_IS_MEAN, COST_ON_THE_CURVE, LOSS_THEN_COST, LOSSES_THEN_COST)
# what a claim with numbers says instead where they overflowed
COST_NOT_FINITE = {
    COST_IS_MEAN.id: QT_TRANSLATE_NOOP(
        "core", "the cost function C is not a finite number here: the numbers of this network "
        "have overflowed"),
    LOSSES_THEN_COST.id: QT_TRANSLATE_NOOP(
        "core", "they are not all finite numbers: the numbers of this network have overflowed, "
        "so the cost C the next step makes of them is not finite either"),
}


def say_cost(claim: Claim[CostFacts], c: CostFacts) -> UserMessage:
    """``claim`` said of ``c``; where its numbers overflowed, a sentence that says so instead."""
    if claim.id in COST_NOT_FINITE and not finite_cost(c):
        return UserMessage(COST_NOT_FINITE[claim.id])
    return claim.say(c)


# ----- applying a stepped iteration (the Apply button) ----------------------------------------------

@dataclass(frozen=True)
class Applying:
    """A whole stepped iteration about to be applied: on how many samples, of how many training
    samples, how training batches them, and the cost (one sample: its loss) before and after."""

    samples: int
    train_samples: int
    batch_size: int | None
    alpha: float
    before: float
    after: float


def _apply_values(c: Applying) -> Values:
    return {"m": f"{c.train_samples:,}", "b": f"{c.batch_size or c.train_samples:,}",
            "alpha": f"{c.alpha:g}", "before": _number(c.before), "after": _number(c.after)}


APPLY_SAMPLE = Claim[Applying](
    "apply-sample", QT_TRANSLATE_NOOP(
        "core", "one step of stochastic gradient descent on this one sample: it lowers this "
        "sample's loss L from {before} to {after}, not the cost of all {m} training samples that "
        "training lowers; Ctrl+Z takes it back"),
    QT_TRANSLATE_NOOP(
        "core", "one step of stochastic gradient descent on this one sample: with α = {alpha} it "
        "does not lower this sample's loss L ({before} before, {after} after); Ctrl+Z takes it "
        "back"),
    lambda c: c.after < c.before, _apply_values)
APPLY_BATCH = Claim[Applying](
    "apply-batch", QT_TRANSLATE_NOOP(
        "core", "one iteration of gradient descent on all {m} samples (the full batch), the same "
        "numbers training computes for that batch; Ctrl+Z takes it back"),
    QT_TRANSLATE_NOOP(
        "core", "one iteration of gradient descent on all {m} samples (the full batch); training "
        "takes mini-batches of {b}, so each of its iterations is a step on {b} samples, not on "
        "these {m}; Ctrl+Z takes it back"),
    lambda c: full_batch(c.batch_size, c.train_samples), _apply_values)


APPLY_NOT_FINITE = (
    QT_TRANSLATE_NOOP(
        "core", "one step of stochastic gradient descent on this one sample: this sample's loss L "
        "is not a finite number, as the numbers of this network have overflowed, so the step "
        "cannot lower it; Ctrl+Z takes it back"),
    QT_TRANSLATE_NOOP(
        "core", "one step of stochastic gradient descent on this one sample: with α = {alpha} it "
        "makes this sample's loss L, {before} before it, overflow; Ctrl+Z takes it back"))


def applying(c: Applying) -> UserMessage:
    """What the Apply button says of the iteration stepped."""
    if c.samples == 1 and not math.isfinite(c.before):
        return UserMessage(APPLY_NOT_FINITE[0], **_apply_values(c))
    if c.samples == 1 and not math.isfinite(c.after):
        return UserMessage(APPLY_NOT_FINITE[1], **_apply_values(c))
    return (APPLY_SAMPLE if c.samples == 1 else APPLY_BATCH).say(c)
