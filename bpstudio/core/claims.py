"""Every general statement the app makes about the numbers of a step, as data: a claim is a row
with its text, its counterpart, the predicate that decides between them over the live numbers,
and the values both speak of. A view shows ``say(context)``: the claim where its predicate holds
for what is on screen, its counterpart where it does not, never a sentence the numbers refute.

The diagnoses of a training run are claims of the same kind over a run's numbers
(diagnoses.py). Tests evaluate every claim under every setting the editor allows and check the
predicate of what is shown (tests/core/test_claims.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
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


def shown_holds(claim: Claim[C], context: C, message: UserMessage) -> bool:
    """Whether what was shown for ``claim`` is true: its text only where its predicate holds,
    its counterpart only where it does not."""
    return (message.template == claim.text) == claim.holds(context)


def _number(v: float) -> str:
    return f"{v:.4g}" if math.isfinite(v) else str(v)


# ----- σ′ of a layer (the remarks F1 makes in the a, 1b and 2b steps) ----------------------------

@dataclass(frozen=True)
class Slopes:
    """σ′(Z[l]) of one step's layer, with the activation's name."""

    activation: str
    primes: FloatArray


def _range(c: Slopes) -> Values:
    v = np.asarray(c.primes)
    finite = v[np.isfinite(v)]
    return {"low": _number(float(finite.min())) if finite.size else "–",
            "high": _number(float(finite.max())) if finite.size else "–",
            "on": f"{int(np.count_nonzero(v == 1)):,}", "n": f"{v.size:,}"}


def _within(low: float, high: float) -> Callable[[Slopes], bool]:
    return lambda c: bool(np.all((c.primes >= low) & (c.primes <= high)))


def _only(*values: float) -> Callable[[Slopes], bool]:
    return lambda c: bool(np.all(np.isin(c.primes, np.asarray(values, dtype=c.primes.dtype))))


_SLOPE_RANGE = QT_TRANSLATE_NOOP("core", "Here σ′ lies between {low} and {high}.")

SLOPE_CLAIMS: dict[str, Claim[Slopes]] = {c.id: c for c in (
    Claim("sigmoid", QT_TRANSLATE_NOOP(
        "core", "For sigmoid σ′(z) = a(1 − a) is at most 0.25 (at z = 0). On the way back 等式2 "
        "multiplies the error by Wᵀ and then by σ′: the factor σ′ alone shrinks it at least "
        "fourfold, but Wᵀ can shrink or grow it too, so whether the error shrinks from layer to "
        "layer depends on the weights as well. Here σ′ lies between {low} and {high}."),
        _SLOPE_RANGE, _within(0.0, 0.25), _range),
    Claim("relu", QT_TRANSLATE_NOOP(
        "core", "For ReLU σ′(z) is 1 where z > 0 and 0 elsewhere: the error passes unchanged or "
        "not at all. Here {on} of {n} values are 1."),
        _SLOPE_RANGE, _only(0.0, 1.0), _range),
    Claim("tanh", QT_TRANSLATE_NOOP(
        "core", "For tanh σ′(z) = 1 − a² is at most 1 (at z = 0) and small where the neuron "
        "saturates. Here σ′ lies between {low} and {high}."),
        _SLOPE_RANGE, _within(0.0, 1.0), _range),
    Claim("leaky_relu", QT_TRANSLATE_NOOP(
        "core", "For leaky ReLU σ′(z) is 1 where z > 0 and 0.01 elsewhere, so every neuron "
        "passes some error back. Here {on} of {n} values are 1."),
        _SLOPE_RANGE, _only(0.01, 1.0), _range),
    Claim("linear", QT_TRANSLATE_NOOP(
        "core", "For a linear unit σ′(z) = 1: the error passes unchanged (here all {n} values)."),
        _SLOPE_RANGE, _only(1.0), _range),
)}


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
    return {"l": c.layer, "n": c.layer + 1, "d": d,
            "wt": _ratio(passed, later), "sigma": _ratio(error, passed),
            "r": _ratio(error, later)}


def _ratio(a: float, b: float) -> object:
    if b == 0:
        return UserMessage(QT_TRANSLATE_NOOP("core", "0/0 (no error reaches it)")) if a == 0 \
            else "∞"
    return f"{a / b:.3g}"


PASS_BACK = Claim[PassBack](
    "pass-back", QT_TRANSLATE_NOOP(
        "core", "Here the error shrinks on its way back: ‖{d}[{l}]‖ is {r} × ‖{d}[{n}]‖ (Wᵀ "
        "multiplied its size by {wt}, σ′ by {sigma})."),
    QT_TRANSLATE_NOOP(
        "core", "Here the error does not shrink on its way back: ‖{d}[{l}]‖ is {r} × ‖{d}[{n}]‖ "
        "(Wᵀ multiplied its size by {wt}, σ′ by {sigma})."),
    _shrinks, _pass_back_values)


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
    return c.l2 == 0 and c.cost == float(np.sum(c.losses) / c.m)


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


def applying(c: Applying) -> UserMessage:
    """What the Apply button says of the iteration stepped."""
    return (APPLY_SAMPLE if c.samples == 1 else APPLY_BATCH).say(c)
