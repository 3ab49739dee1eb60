"""Twin runs and the four ready-made comparisons on the cat data.

A comparison is two runs of the seed's cat set that differ in one idea: the second is a fork of
the first from iteration 0 (core/timeline.py) with some settings changed, so where the
initialiser and the layer sizes stay, both start from the very same parameters. ``figures`` says
what each comparison is about, from a run's end: train and test accuracy, ‖dW[l]‖ of its first
iteration, whether it diverged, and how far apart the rows of W[1] are (0: every hidden neuron of
layer 1 is the same neuron, the tutorial's FAQ 6).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

import numpy as np

from .messages import QT_TRANSLATE_NOOP
from .network import INITIALIZER_RULES, Network
from .timeline import StartingPoint, Timeline
from .trainer import HyperParameters, ProgressState, accuracy

CAT_INPUTS = 12288
FOUR_LAYER = (CAT_INPUTS, 20, 7, 5, 1)
TWO_LAYER = (CAT_INPUTS, 7, 1)
RELU4 = ("relu", "relu", "relu", "sigmoid")
# above this every cat network here diverges within a few iterations (2 for the four-layer net)
DIVERGING_RATE = 5.0


@dataclass(frozen=True)
class RunSettings:
    """One run of a comparison: its name, network and hyper-parameters (seed 1, full batch)."""

    name: str
    dims: tuple[int, ...] = FOUR_LAYER
    activations: tuple[str, ...] = RELU4
    init: str = "lecun"
    learning_rate: float = 0.0075
    iterations: int = 2500

    def network(self) -> Network:
        return Network.create(self.dims, self.activations, init=self.init, seed=1)

    def hyper(self) -> HyperParameters:
        return HyperParameters(learning_rate=self.learning_rate, iterations=self.iterations)

    def changes_from(self, other: RunSettings) -> dict[str, object]:
        """What a fork of ``other`` changes to become this run (Timeline.fork's names)."""
        return {name: getattr(self, name) for name in ("dims", "activations", "init",
                                                        "learning_rate")
                if getattr(self, name) != getattr(other, name)}


@dataclass(frozen=True)
class Comparison:
    key: str
    title: str  # English; QT_TRANSLATE_NOOP("core", …) for the menus
    shows: str  # what it shows, in a sentence
    first: RunSettings
    second: RunSettings

    def with_iterations(self, n: int) -> "Comparison":
        return replace(self, first=replace(self.first, iterations=n),
                       second=replace(self.second, iterations=n))


COMPARISONS = {c.key: c for c in (
    Comparison("depth", QT_TRANSLATE_NOOP("core", "Two layers (0.01 initialiser) against four layers"),
               QT_TRANSLATE_NOOP("core", "The four-layer net generalises better: higher test "
                                 "accuracy with about the same training accuracy."),
               RunSettings("12288–20–7–5–1"),
               RunSettings(f"12288–7–1, {INITIALIZER_RULES['small']}", TWO_LAYER, ("relu", "sigmoid"), "small")),
    Comparison("sigmoid", QT_TRANSLATE_NOOP("core", "ReLU against sigmoid in the hidden layers"),
               QT_TRANSLATE_NOOP("core", "With sigmoid hidden layers ‖dW[1]‖ is far smaller: on "
                                 "the way back every layer multiplies the error by σ′ ≤ 0.25."),
               RunSettings("ReLU"), RunSettings("sigmoid", activations=("sigmoid",) * 4)),
    Comparison("diverging", QT_TRANSLATE_NOOP("core", "Learning rate 0.0075 against one that diverges"),
               QT_TRANSLATE_NOOP("core", "Too large a step overshoots: the cost explodes and the "
                                 "run stops with a divergence message; the small rate learns."),
               RunSettings("α = 0.0075"),
               RunSettings(f"α = {DIVERGING_RATE:g}", learning_rate=DIVERGING_RATE)),
    Comparison("zeros", QT_TRANSLATE_NOOP("core", "Random initial weights against zeros"),
               QT_TRANSLATE_NOOP("core", "Started at zero, every hidden neuron of a layer gets "
                                 "the same update, so the rows of W[1] stay identical (FAQ 6)."),
               RunSettings(INITIALIZER_RULES["lecun"]),
               RunSettings(INITIALIZER_RULES["zeros"], init="zeros")),
)}


@dataclass(frozen=True)
class Figures:
    """What a run shows at its end."""

    name: str
    iterations: int
    diverged: bool
    train_accuracy: float
    test_accuracy: float
    first_grad_norms: tuple[float, ...]  # ‖dW[l]‖ of its first iteration, l = 1…L
    w1_row_spread: float  # max over j of max |W[1][j] − W[1][0]|

    @property
    def vanishing_ratio(self) -> float:
        """‖dW[1]‖ / ‖dW[L]‖ of the first iteration."""
        n = self.first_grad_norms
        return n[0] / n[-1] if n and n[-1] else float("nan")


def figures(name: str, network: Network, iterations: int, diverged: bool,
            first_grad_norms: Iterable[float], X: np.ndarray, Y: np.ndarray, X_test: np.ndarray,
            Y_test: np.ndarray) -> Figures:
    W1 = network.weights[0]
    return Figures(name, int(iterations), bool(diverged),
                   accuracy(network.predict_proba(X), Y), accuracy(network.predict_proba(X_test), Y_test),
                   tuple(float(g) for g in first_grad_norms),
                   float(np.abs(W1 - W1[:1]).max()))


def starting_points(c: Comparison, X: np.ndarray,
                    Y: np.ndarray) -> tuple[StartingPoint, StartingPoint]:
    """The first run's start, and the second as a fork of it from iteration 0."""
    first = StartingPoint(c.first.network(), c.first.hyper())
    fork = Timeline(first, X, Y, 1).fork(0, c.second.iterations, **c.second.changes_from(c.first))
    return first, fork


def run_headless(c: Comparison, X: np.ndarray, Y: np.ndarray, X_test: np.ndarray,
                 Y_test: np.ndarray) -> tuple[Figures, Figures]:
    """Both runs of a comparison, one after the other, as the command line would train them."""
    result = []
    for settings, point in zip((c.first, c.second), starting_points(c, X, Y)):
        trainer = point.trainer(X, Y, record_grad_norms=True, report_every=10**9)
        records = list(trainer.run())
        kept = trainer.network.iterations_trained - point.network.iterations_trained
        # a diverged run keeps the iterations before its last good report, as the window does
        result.append(figures(settings.name, trainer.network, trainer.network.iterations_trained,
                              records[-1].state is ProgressState.DIVERGED,
                              trainer.grad_norms[0] if kept else (),
                              X, Y, X_test, Y_test))
    return result[0], result[1]
