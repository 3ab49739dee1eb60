"""Why a run cannot learn well, as claims (claims.py) over the run's own numbers: each diagnosis
is said only where its predicate holds for this network and batch, with its evidence (which
layers, which neurons, which ratio); where it does not, its counterpart is said.

The order is the order of causes: weights that start at zero explain everything after them
(vanishing-looking norms, σ′(0) = 0 for ReLU), so they are checked first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .activations import get_activation
from .claims import Claim, Values
from .losses import get_loss
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import INITIALIZER_TITLES, Network, decide

# ‖dW[1]‖ below this share of ‖dW[L]‖: the gradient vanishes on its way back to the first layer.
VANISHING_RATIO = 1e-4
# Every ‖dW[l]‖ below this: nothing learns any more, whatever the cost (stuck neurons, or the
# best this network can do).
STALLED_NORM = 1e-10
# |σ′| below this for every sample: a neuron that passes no error back (dead or saturated).
SATURATED_SLOPE = 1e-6


@dataclass(frozen=True)
class RunFacts:
    """One iteration of a run: the network it started from, its batch, cost, λ and ‖dW[l]‖."""

    network: Network
    X: np.ndarray
    Y: np.ndarray
    norms: tuple[float, ...]
    cost: float
    l2: float = 0.0

    @property
    def stalled(self) -> bool:
        return max(self.norms) < STALLED_NORM

    def zero_layers(self) -> list[int]:
        return [l for l, W in enumerate(self.network.weights, start=1) if not W.any()]

    def gradients(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        Zs, As = self.network.forward(self.X)
        return self.network.gradients(Zs, As, self.Y, self.l2)

    def stuck(self) -> dict[str, list[tuple[int, int]]]:
        """(layer, neuron) of the hidden neurons whose σ′ is (nearly) 0 for every sample, by kind:
        "dead" (ReLU) and "saturated" (sigmoid, tanh). The output layer counts only where its
        error is not simply a − y."""
        net = self.network
        Zs, As = net.forward(self.X)
        out: dict[str, list[tuple[int, int]]] = {"dead": [], "saturated": []}
        fused_output = get_loss(net.loss).fused_with == net.activations[-1]
        for l, name in enumerate(net.activations, start=1):
            if l == net.L and fused_output:
                continue
            primes = get_activation(name).prime(Zs[l - 1], As[l])
            kind = "dead" if name == "relu" else "saturated" if name in ("sigmoid", "tanh") else ""
            if kind:
                rows = np.flatnonzero(np.all(np.abs(primes) < SATURATED_SLOPE, axis=1))
                out[kind] += [(l, int(j) + 1) for j in rows]
        return out


def _which(neurons: list[tuple[int, int]]) -> str:
    """"layer 1: 2, 5; layer 2: 1" (neurons counted from 1), the first 12."""
    by_layer: dict[int, list[int]] = {}
    for l, j in neurons[:12]:
        by_layer.setdefault(l, []).append(j)
    text = "; ".join(f"[{l}]: {', '.join(map(str, js))}" for l, js in by_layer.items())
    return text + (f" … (+{len(neurons) - 12})" if len(neurons) > 12 else "")


# ----- weights that start at zero --------------------------------------------------------------------

def _only_output_bias_learns(f: RunFacts) -> bool:
    dWs, dbs = f.gradients()
    return (all(not dW.any() for dW in dWs) and all(not db.any() for db in dbs[:-1])
            and bool(dbs[-1].any()))


def _zero_values(f: RunFacts) -> Values:
    zero = f.zero_layers()
    hidden = [l for l in zero if l < f.network.L]
    return {"layers": ", ".join(f"W[{l}]" for l in zero), "L": f.network.L,
            "l": hidden[0] if hidden else f.network.L, "c": f"{f.cost:.4g}"}


ONLY_OUTPUT_BIAS = Claim[RunFacts](
    "zero-only-output-bias", QT_TRANSLATE_NOOP(
        "core", "Here every dW and every hidden layer's db is exactly 0 (σ(0) = 0 keeps the hidden "
        "outputs at 0, and Wᵀ = 0 passes no error back): only b[{L}] learns, so the cost "
        "(now {c}) can fall no lower than what one constant output reaches, and no weight ever "
        "moves."),
    QT_TRANSLATE_NOOP(
        "core", "Every neuron of layer {l} then computes the same thing and receives the same "
        "error, so the neurons of a layer stay equal to one another for ever, as good as one "
        "neuron (the tutorial's FAQ 6)."),
    _only_output_bias_learns, _zero_values)
ZERO_WEIGHTS = Claim[RunFacts](
    "zero-weights", QT_TRANSLATE_NOOP(
        "core", "{layers} start at zero. {effect} This is not a vanishing gradient: no learning "
        "rate and no activation changes it; choose a random initialiser: {lecun}, {he}, {xavier} "
        "or {small}."),
    QT_TRANSLATE_NOOP("core", "no weight matrix is all zero"),
    lambda f: bool(f.zero_layers()) and f.network.L > 1,
    lambda f: {**_zero_values(f), "effect": ONLY_OUTPUT_BIAS.say(f), **_random_initialisers()})


def _random_initialisers() -> Values:
    """The random initialisers, each by the title the editor gives it (network.INITIALIZER_TITLES)."""
    return {key: UserMessage(INITIALIZER_TITLES[key]) for key in ("lecun", "he", "xavier", "small")}


# ----- neurons that pass no error back ---------------------------------------------------------------

def _stuck_values(f: RunFacts) -> Values:
    stuck = f.stuck()
    return {"g": f"{max(f.norms):.1e}", "c": f"{f.cost:.4g}",
            "dead": len(stuck["dead"]), "saturated": len(stuck["saturated"]),
            "which": _which(stuck["dead"] + stuck["saturated"])}


STUCK_NEURONS = Claim[RunFacts](
    "stuck-neurons", QT_TRANSLATE_NOOP(
        "core", "the gradients have vanished in every layer (largest ‖dW‖ {g}) while the cost is "
        "still {c}. σ′ = 0 for every sample in these neurons (dead ReLU: {dead}, saturated "
        "sigmoid/tanh: {saturated}; layer: neurons {which}), so 等式2 passes them no error. Start "
        "again with another initialiser, a smaller learning rate, or leaky ReLU."),
    QT_TRANSLATE_NOOP("core", "no hidden neuron is stuck"),
    lambda f: f.stalled and any(f.stuck().values()), _stuck_values)


# ----- the best this network can do ------------------------------------------------------------------

def _separable_values(f: RunFacts) -> Values:
    wrong = int(np.count_nonzero(decide(f.network.predict_proba(f.X)) != f.Y))
    return {"g": f"{max(f.norms):.1e}", "c": f"{f.cost:.4g}", "wrong": f"{wrong:,}",
            "m": f"{f.X.shape[1]:,}"}


def _logistic_at_its_best(f: RunFacts) -> bool:
    """One sigmoid layer with cross-entropy and no L2 at zero gradient: had a straight line
    separated the classes, the cost would still be falling; so none does (and some are wrong)."""
    net = f.network
    return (net.L == 1 and net.activations[-1] == "sigmoid" and net.loss == "bce"
            and f.l2 == 0 and _separable_values(f)["wrong"] != "0")


NOT_SEPARABLE = Claim[RunFacts](
    "not-separable", QT_TRANSLATE_NOOP(
        "core", "training has converged: the gradient is zero (largest ‖dW‖ {g}) but the cost is "
        "still {c}, with {wrong} of {m} samples on the wrong side. Without a hidden layer the "
        "network separates the classes with a straight line (a plane) in its input features, "
        "and these classes are not linearly separable. Add a hidden layer, or an input feature "
        "that separates them (for XOR: x₁x₂)."),
    QT_TRANSLATE_NOOP(
        "core", "training has converged: the gradient is zero (largest ‖dW‖ {g}) but the cost is "
        "still {c}: this is the best this network finds from here. Add neurons, a hidden layer "
        "or an input feature, or start from other initial weights."),
    _logistic_at_its_best, _separable_values)


# ----- vanishing gradients ---------------------------------------------------------------------------

def _vanishing_values(f: RunFacts) -> Values:
    return {"r": f"{f.norms[0] / f.norms[-1]:.1e}", "L": len(f.norms),
            "ratios": ", ".join(f"{n / f.norms[-1]:.1e}" for n in f.norms[:-1])}


def _saturating_hidden(f: RunFacts) -> bool:
    return any(a in ("sigmoid", "tanh") for a in f.network.activations[:-1])


VANISHING = Claim[RunFacts](
    "vanishing", QT_TRANSLATE_NOOP(
        "core", "vanishing gradients: ‖dW[1]‖ is {r} of ‖dW[{L}]‖ (‖dW[l]‖/‖dW[{L}]‖ layer by "
        "layer: {ratios}), so the first layers hardly learn. On the way back 等式2 multiplies the "
        "error by Wᵀ and by σ′ (at most 0.25 for sigmoid) in every layer; try ReLU hidden "
        "layers, He initialisation or fewer layers."),
    QT_TRANSLATE_NOOP(
        "core", "vanishing gradients: ‖dW[1]‖ is {r} of ‖dW[{L}]‖ (‖dW[l]‖/‖dW[{L}]‖ layer by "
        "layer: {ratios}), so the first layers hardly learn. On the way back 等式2 multiplies the "
        "error by Wᵀ and by σ′ in every layer; try He initialisation or fewer layers."),
    _saturating_hidden, _vanishing_values)


def diagnose(facts: RunFacts) -> UserMessage | None:
    """The diagnosis of a run that cannot learn well (None: nothing to say), from one iteration."""
    norms = facts.norms
    if not norms or not all(math.isfinite(n) for n in norms):
        return None
    vanishing = len(norms) > 1 and norms[-1] > 0 and norms[0] < VANISHING_RATIO * norms[-1]
    if not (facts.stalled or vanishing):
        return None
    if ZERO_WEIGHTS.holds(facts):
        return ZERO_WEIGHTS.say(facts)
    if facts.stalled:
        if STUCK_NEURONS.holds(facts):
            return STUCK_NEURONS.say(facts)
        return NOT_SEPARABLE.say(facts)
    return VANISHING.say(facts)


def gradient_warning(network: Network, X: np.ndarray, Y: np.ndarray,
                     norms: Sequence[float] | np.ndarray, cost: float,
                     l2: float = 0.0) -> UserMessage | None:
    """Explain a run that cannot learn well, from one iteration's ‖dW[l]‖ (l = 1…L) on (X, Y)."""
    return diagnose(RunFacts(network, X, Y, tuple(float(n) for n in norms), cost, l2))


# ----- divergence ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Divergence:
    """A run that stopped at ``iteration`` (its turn i within the run) for ``why``, with the costs
    it computed up to there."""

    costs: tuple[float, ...]
    learning_rate: float


def _rose(d: Divergence) -> bool:
    """The cost grew before it blew up: steps too large for the valley (overshooting)."""
    finite = [c for c in d.costs if math.isfinite(c)]
    return len(finite) >= 2 and max(finite[1:]) > finite[0]


def _divergence_values(d: Divergence) -> Values:
    finite = [c for c in d.costs if math.isfinite(c)]
    return {"lr": f"{d.learning_rate:g}", "first": f"{finite[0]:.4g}" if finite else "–",
            "top": f"{max(finite):.4g}" if finite else "–"}


TOO_LARGE_A_STEP = Claim[Divergence](
    "too-large-a-step", QT_TRANSLATE_NOOP(
        "core", "the cost went from {first} up to {top} before it did, so the learning rate {lr} "
        "is probably too high: each step overshoots the valley"),
    QT_TRANSLATE_NOOP(
        "core", "no computed cost rose before it (the first: {first}): the learning rate {lr} may "
        "still be too high, or the data's scale or the initial weights overflow the numbers"),
    _rose, _divergence_values)
