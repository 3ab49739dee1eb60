"""Twin runs and the five ready-made comparisons on the cat data.

A comparison is two runs of the seed's cat set that differ in one idea: the second is a fork of
the first from iteration 0 (core/timeline.py) with some settings changed, so where the
initialiser and the layer sizes stay, both start from the very same parameters. ``figures`` says
what each comparison is about, from a run's end: train and test accuracy, its first and last
cost, ‖dW[l]‖ of its first iteration, whether it diverged, how far each layer moved and how far
apart its rows are (0: every hidden neuron of the layer is the same neuron, the tutorial's
FAQ 6).

Each comparison tells its story as data: a question, where to look, and its result as claims,
each a sentence shown only where its predicate over the two runs' figures holds (else its
counterpart), with the runs' own numbers.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Callable, Iterable

import numpy as np

from .claims import Claim
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import INITIALIZER_RULES, Network
from .timeline import StartingPoint, Timeline
from .trainer import HyperParameters, ProgressState, accuracy
from .typealiases import JsonObject

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


Runs = tuple["Figures", "Figures"]  # a comparison's two runs, first and second


def _claim(key: str, holds: Callable[["Figures", "Figures"], bool], sentence: str,
           counterpart: str) -> Claim[Runs]:
    """A result sentence (core/claims.py), shown only where ``holds`` is true of the runs'
    figures (first, second); elsewhere its counterpart, which states the same numbers without
    the claim. Both are templates over ``story_values``' names."""
    return Claim(key, sentence, counterpart, lambda runs: holds(*runs),
                 lambda runs: story_values(*runs))


@dataclass(frozen=True)
class Comparison:
    key: str
    title: str  # English; QT_TRANSLATE_NOOP("core", …) for the menus
    question: str  # what it asks, in a sentence
    look_at: str  # where on screen the answer shows
    first: RunSettings
    second: RunSettings
    claims: tuple[Claim[Runs], ...]  # its result, told with the runs' numbers

    def with_iterations(self, n: int) -> "Comparison":
        return replace(self, first=replace(self.first, iterations=n),
                       second=replace(self.second, iterations=n))

    def result(self, first: "Figures", second: "Figures") -> list[UserMessage]:
        return [claim.say((first, second)) for claim in self.claims]


def _identical_rows(f: "Figures", l: int = 0) -> bool:
    """The rows of W[l+1] moved and are the same row but for rounding (1e-9 of the move)."""
    return f.moved[l] > 0 and f.row_spreads[l] <= ROUNDING * f.moved[l]


def _distinct_rows(f: "Figures", l: int = 0) -> bool:
    return f.row_spreads[l] > ROUNDING * max(f.moved[l], 1.0)


# rows of a layer that differ by less than this share of how far the layer moved differ only
# by rounding (the 7 rows of W[1] from zeros: 8.7e-18 apart after moving 0.0126)
ROUNDING = 1e-9

COMPARISONS = {c.key: c for c in (
    Comparison(
        "depth", QT_TRANSLATE_NOOP("core", "Two layers (0.01 initialiser) against four layers"),
        QT_TRANSLATE_NOOP("core", "Does a deeper network generalise better than a shallow one "
                          "that fits the training pictures as well?"),
        QT_TRANSLATE_NOOP("core", "Look at the test accuracy of the two runs (the accuracy plot, "
                          "and the figures below), beside their training accuracy."),
        RunSettings("12288–20–7–5–1"),
        RunSettings(f"12288–7–1, {INITIALIZER_RULES['small']}", TWO_LAYER, ("relu", "sigmoid"),
                    "small"),
        (_claim("depth-1", lambda a, b: a.test_accuracy > b.test_accuracy,
               QT_TRANSLATE_NOOP("core", "{a} generalises better: test accuracy {a_test} against "
                                 "{b_test}, with training accuracy {a_train} against {b_train}."),
               QT_TRANSLATE_NOOP("core", "{a} does not generalise better here: test accuracy "
                                 "{a_test} against {b_test}, training accuracy {a_train} against "
                                 "{b_train}.")),)),
    Comparison(
        "sigmoid", QT_TRANSLATE_NOOP("core", "ReLU against sigmoid in the hidden layers"),
        QT_TRANSLATE_NOOP("core", "How much of the error reaches the first layer when the hidden "
                          "layers are sigmoid instead of ReLU?"),
        QT_TRANSLATE_NOOP("core", "Look at ‖dW[1]‖ (the dashed curves of the gradient plot) and "
                          "at ‖dW[1]‖/‖dW[L]‖ of the first iteration below."),
        RunSettings("ReLU"), RunSettings("sigmoid", activations=("sigmoid",) * 4),
        (_claim("sigmoid-1", lambda a, b: b.first_grad_norms[0] < a.first_grad_norms[0],
               QT_TRANSLATE_NOOP("core", "In the first iteration ‖dW[1]‖ is {b_dw1} with {b} "
                                 "against {a_dw1} with {a}, {shrink}× smaller: on the way back "
                                 "each sigmoid layer multiplies the error by Wᵀ and by σ′ ≤ 0.25."),
               QT_TRANSLATE_NOOP("core", "In the first iteration ‖dW[1]‖ is {b_dw1} with {b} "
                                 "against {a_dw1} with {a}: not smaller.")),
         _claim("sigmoid-2", lambda a, b: b.test_accuracy < a.test_accuracy,
               QT_TRANSLATE_NOOP("core", "With so little reaching W[1], {b} learns less: test "
                                 "accuracy {b_test} against {a_test}."),
               QT_TRANSLATE_NOOP("core", "Test accuracy: {b} {b_test}, {a} {a_test}.")))),
    Comparison(
        "diverging", QT_TRANSLATE_NOOP("core", "Learning rate 0.0075 against one that diverges"),
        QT_TRANSLATE_NOOP("core", "What happens when the learning rate α is far too large?"),
        QT_TRANSLATE_NOOP("core", "Look at the cost of each run (the cost plot, and the figures "
                          "below) and at the message of the run that stops."),
        RunSettings("α = 0.0075"),
        RunSettings(f"α = {DIVERGING_RATE:g}", learning_rate=DIVERGING_RATE),
        (_claim("diverging-1", lambda a, b: a.first_grad_norms == b.first_grad_norms,
               QT_TRANSLATE_NOOP("core", "Both start from the same parameters, so their first "
                                 "iterations are the same (‖dW[1]‖/‖dW[L]‖ {a_ratio}); only the "
                                 "size of the step differs."),
               QT_TRANSLATE_NOOP("core", "Their first iterations differ: ‖dW[1]‖/‖dW[L]‖ {a_ratio} "
                                 "against {b_ratio}.")),
         _claim("diverging-2", lambda a, b: b.diverged,
               QT_TRANSLATE_NOOP("core", "{b} overshoots: its cost went from {b_c0} at iteration 0 "
                                 "to {b_c1} at iteration {b_last}, and the run stopped there, "
                                 "keeping the parameters of iteration {b_kept}."),
               QT_TRANSLATE_NOOP("core", "{b} did not diverge: its cost went from {b_c0} at "
                                 "iteration 0 to {b_c1} at iteration {b_last}.")),
         _claim("diverging-3", lambda a, b: not a.diverged and a.last_cost < a.first_cost,
               QT_TRANSLATE_NOOP("core", "{a} learns: its cost fell from {a_c0} to {a_c1} at "
                                 "iteration {a_last}."),
               QT_TRANSLATE_NOOP("core", "{a}'s cost went from {a_c0} to {a_c1} at iteration "
                                 "{a_last}{a_diverged}.")))),
    Comparison(
        "faq6", QT_TRANSLATE_NOOP("core", "Random initial weights against zeros, sigmoid (FAQ 6)"),
        QT_TRANSLATE_NOOP("core", "Why does W start random and not at zero (the tutorial's "
                          "FAQ 6)?"),
        QT_TRANSLATE_NOOP("core", "Look at the rows of W[1] (one per hidden neuron): \"rows of "
                          "W[1] apart by\" in each run's figures below, and the W[1] pictures."),
        RunSettings(INITIALIZER_RULES["small"], TWO_LAYER, ("sigmoid", "sigmoid"), "small"),
        RunSettings(INITIALIZER_RULES["zeros"], TWO_LAYER, ("sigmoid", "sigmoid"), "zeros"),
        (_claim("faq6-1", lambda a, b: _identical_rows(b),
               QT_TRANSLATE_NOOP("core", "From W = 0 every hidden neuron gets the same update: "
                                 "W[1] moved by up to {b_moved1}, yet its {b_rows1} rows differ by "
                                 "{b_spread1}, rounding only; layer 1 works as one neuron."),
               QT_TRANSLATE_NOOP("core", "From W = 0 W[1] moved by up to {b_moved1}, and its "
                                 "{b_rows1} rows differ by {b_spread1}.")),
         _claim("faq6-2", lambda a, b: _distinct_rows(a),
               QT_TRANSLATE_NOOP("core", "From random weights the rows of W[1] are apart by "
                                 "{a_spread1}: each of the {a_rows1} hidden neurons learns "
                                 "something of its own."),
               QT_TRANSLATE_NOOP("core", "From random weights the rows of W[1] are apart by "
                                 "{a_spread1}.")),
         _claim("faq6-3", lambda a, b: b.first_grad_norms[0] == 0 and _identical_rows(b),
               QT_TRANSLATE_NOOP("core", "σ(0) = 0.5 is not 0, so the error reaches W[1] from "
                                 "the second iteration on (‖dW[1]‖ of the first: {b_dw1}); with "
                                 "ReLU or tanh, f(0) = 0, nothing reaches it at all (the "
                                 "comparison \"Random initial weights against zeros (ReLU)\")."),
               QT_TRANSLATE_NOOP("core", "‖dW[1]‖ of the first iteration from W = 0: {b_dw1}.")))),
    Comparison(
        "zeros", QT_TRANSLATE_NOOP("core", "Random initial weights against zeros (ReLU)"),
        QT_TRANSLATE_NOOP("core", "What does W = 0 do to a ReLU network?"),
        QT_TRANSLATE_NOOP("core", "Look at the cost of each run, and in each run's figures below "
                          "at ‖dW[1]‖/‖dW[L]‖ at the start and \"rows of W[1] apart by\"."),
        RunSettings(INITIALIZER_RULES["lecun"]),
        RunSettings(INITIALIZER_RULES["zeros"], init="zeros"),
        (_claim("zeros-1", lambda a, b: max(b.moved[:-1], default=0.0) == 0.0,
               QT_TRANSLATE_NOOP("core", "With ReLU it is worse than FAQ 6: relu(0) = 0, so every "
                                 "hidden activation is 0 and so is every hidden weight's gradient "
                                 "(at the start: {b_ratio}); in {b_n} iterations no hidden weight "
                                 "moved."),
               QT_TRANSLATE_NOOP("core", "From W = 0 the hidden weights moved by up to "
                                 "{b_hidden_moved}.")),
         _claim("zeros-2", lambda a, b: b.bias_moved[-1] > 0 and max(b.moved) == max(b.bias_moved[:-1],
                                                                          default=0.0) == 0.0,
               QT_TRANSLATE_NOOP("core", "Only b[L] learned (it moved by {b_bL}): the network gives "
                                 "every picture the same output; its cost still fell from {b_c0} "
                                 "to {b_c1}, and its training accuracy is {b_train}."),
               QT_TRANSLATE_NOOP("core", "b[L] moved by {b_bL}, the weights by up to {b_w_moved}; "
                                 "the cost went from {b_c0} to {b_c1}.")),
         _claim("zeros-3", lambda a, b: a.test_accuracy > b.test_accuracy,
               QT_TRANSLATE_NOOP("core", "From random weights the network learns: test accuracy "
                                 "{a_test} against {b_test}."),
               QT_TRANSLATE_NOOP("core", "Test accuracy: {a} {a_test}, {b} {b_test}.")))),
)}


@dataclass(frozen=True)
class Figures:
    """What a run shows at its end."""

    name: str
    iterations: int  # those its network has done (a diverged run: those it kept)
    diverged: bool
    train_accuracy: float
    test_accuracy: float
    first_grad_norms: tuple[float, ...]  # ‖dW[l]‖ of its first iteration, l = 1…L
    w1_row_spread: float  # max over j of max |W[1][j] − W[1][0]|
    costs_computed: int = 0  # iterations whose cost it computed (a diverged run: past the kept)
    first_cost: float = math.nan  # of its first iteration
    last_cost: float = math.nan  # of the last it computed
    moved: tuple[float, ...] = ()  # max |W[l] − W[l] at the start|, l = 1…L
    bias_moved: tuple[float, ...] = ()  # max |b[l] − b[l] at the start|
    row_spreads: tuple[float, ...] = ()  # max over j of max |W[l][j] − W[l][0]|
    rows: tuple[int, ...] = ()  # n[l]

    @property
    def vanishing_ratio(self) -> float:
        """‖dW[1]‖ / ‖dW[L]‖ of the first iteration (nan: none, or ‖dW[L]‖ = 0)."""
        n = self.first_grad_norms
        return n[0] / n[-1] if n and n[-1] else float("nan")

    def as_json(self) -> JsonObject:
        return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self).items()}

    @classmethod
    def from_json(cls, saved: object) -> "Figures":
        """Figures as ``as_json`` wrote them; ValueError when they are not."""
        if not isinstance(saved, dict) or set(saved) != {f.name for f in fields(cls)}:
            raise ValueError("figures")
        values: dict[str, object] = {}
        for f in fields(cls):
            v = saved[f.name]
            if f.type in ("str", "bool"):
                ok = isinstance(v, str if f.type == "str" else bool)
            elif f.type == "int":
                ok = isinstance(v, int) and not isinstance(v, bool)
            elif f.type == "float":
                ok = isinstance(v, (int, float)) and not isinstance(v, bool)
            else:  # tuples of numbers
                ok = isinstance(v, list) and all(isinstance(x, (int, float))
                                                 and not isinstance(x, bool) for x in v)
                v = tuple(v) if ok else v
            if not ok:
                raise ValueError(f.name)
            values[f.name] = v
        return cls(**values)  # type: ignore[arg-type]


def figures(name: str, start: Network, network: Network, diverged: bool, costs: np.ndarray,
            first_grad_norms: Iterable[float], X: np.ndarray, Y: np.ndarray, X_test: np.ndarray,
            Y_test: np.ndarray) -> Figures:
    """A run's figures: from the network it started with, the one it ended with, and the costs
    of every iteration it computed (the diverging ones too)."""
    W1 = network.weights[0]
    costs = np.asarray(costs, dtype=float)
    return Figures(name, int(network.iterations_trained - start.iterations_trained),
                   bool(diverged),
                   accuracy(network.predict_proba(X), Y), accuracy(network.predict_proba(X_test), Y_test),
                   tuple(float(g) for g in first_grad_norms),
                   float(np.abs(W1 - W1[:1]).max()),
                   len(costs), float(costs[0]) if len(costs) else math.nan,
                   float(costs[-1]) if len(costs) else math.nan,
                   tuple(_largest(W - W0) for W, W0 in zip(network.weights, start.weights)),
                   tuple(_largest(b - b0) for b, b0 in zip(network.biases, start.biases)),
                   tuple(_largest(W - W[:1]) for W in network.weights),
                   tuple(int(n) for n in network.dims[1:]))


def _largest(a: np.ndarray) -> float:
    return float(np.abs(a).max()) if a.size else 0.0


# ----- the story told with the runs' numbers -------------------------------------------------------

def _number(x: float) -> str:
    """A figure as the story prints it: three significant digits, no exponent for the usual."""
    if x == 0:
        return "0"
    return f"{x:.3g}" if 1e-3 <= abs(x) < 1e4 else f"{x:.2e}"


def _cost(x: float) -> str:
    """A cost as the tutorial prints it (0.693147); a diverged one, as large as it got."""
    if not math.isfinite(x):
        return str(UserMessage(QT_TRANSLATE_NOOP("core", "infinite"))) if x > 0 else "NaN"
    return f"{x:.6f}" if abs(x) < 1000 else f"{x:,.0f}"


def ratio(f: Figures) -> UserMessage | str:
    """‖dW[1]‖ / ‖dW[L]‖ of the first iteration, and 0/0 said in words."""
    n = f.first_grad_norms
    if not n:
        return UserMessage(QT_TRANSLATE_NOOP("core", "not computed"))
    if n[-1] == 0:
        return UserMessage(QT_TRANSLATE_NOOP("core", "all gradients zero") if n[0] == 0 else
                           QT_TRANSLATE_NOOP("core", "‖dW[L]‖ zero"))
    return _number(n[0] / n[-1])


def story_values(first: Figures, second: Figures) -> dict[str, object]:
    """Every number a story names, as it prints them: ``a_…`` of the first run, ``b_…`` of the
    second."""
    values: dict[str, object] = {}
    for p, f in (("a", first), ("b", second)):
        n = f.first_grad_norms
        values.update({
            p: f.name, f"{p}_n": f"{f.iterations:,}", f"{p}_train": f"{f.train_accuracy:.1%}",
            f"{p}_test": f"{f.test_accuracy:.1%}", f"{p}_ratio": ratio(f),
            f"{p}_dw1": _number(n[0]) if n else "–", f"{p}_c0": _cost(f.first_cost),
            f"{p}_c1": _cost(f.last_cost), f"{p}_last": f"{max(f.costs_computed - 1, 0):,}",
            f"{p}_kept": f"{f.iterations:,}", f"{p}_spread1": _number(f.w1_row_spread),
            f"{p}_moved1": _number(f.moved[0]) if f.moved else "–",
            f"{p}_rows1": f"{f.rows[0]}" if f.rows else "–",
            f"{p}_hidden_moved": _number(max(f.moved[:-1], default=0.0)),
            f"{p}_w_moved": _number(max(f.moved, default=0.0)),
            f"{p}_bL": _number(f.bias_moved[-1]) if f.bias_moved else "–",
            f"{p}_diverged": UserMessage(QT_TRANSLATE_NOOP("core", ", and diverged"))
            if f.diverged else ""})
    a, b = first.first_grad_norms, second.first_grad_norms
    values["shrink"] = _number(a[0] / b[0]) if a and b and b[0] else "–"
    return values


def figure_line(f: Figures) -> UserMessage:
    """One run's figures, a line of its comparison's story below the diagrams."""
    values = story_values(f, f)
    if f.diverged:
        return UserMessage(QT_TRANSLATE_NOOP("core", "{a}: diverged at iteration {a_last} (cost "
                                             "{a_c1}), the parameters of iteration {a_kept} kept "
                                             "· train accuracy {a_train} · test accuracy {a_test} "
                                             "· ‖dW[1]‖/‖dW[L]‖ at the start {a_ratio} · rows of "
                                             "W[1] apart by {a_spread1}"), **values)
    return UserMessage(QT_TRANSLATE_NOOP("core", "{a}: {a_n} iterations · cost of iteration {a_last} {a_c1} · train "
                                         "accuracy {a_train} · test accuracy {a_test} · "
                                         "‖dW[1]‖/‖dW[L]‖ at the start {a_ratio} · rows of W[1] "
                                         "apart by {a_spread1}"), **values)


@dataclass(frozen=True)
class SavedComparison:
    """A comparison as a session file keeps it: which one, how many iterations, the name of the
    window's run, and the runs' figures once they are in (meta["comparison"])."""

    key: str
    iterations: int
    name: str
    figures: tuple[Figures, ...] = ()

    @property
    def comparison(self) -> Comparison:
        return COMPARISONS[self.key].with_iterations(self.iterations)

    def as_json(self) -> JsonObject:
        return {"key": self.key, "iterations": self.iterations, "name": self.name,
                "figures": [f.as_json() for f in self.figures]}

    @classmethod
    def from_json(cls, saved: object) -> "SavedComparison":
        """ValueError when ``saved`` is not one."""
        if not isinstance(saved, dict) or saved.get("key") not in COMPARISONS:
            raise ValueError("key")
        n, name, figures = saved.get("iterations"), saved.get("name"), saved.get("figures")
        if not isinstance(n, int) or isinstance(n, bool) or n < 1 or not isinstance(name, str) \
                or not isinstance(figures, list) or len(figures) not in (0, 2):
            raise ValueError("comparison")
        return cls(saved["key"], n, name, tuple(Figures.from_json(f) for f in figures))


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
        done = trainer.done
        # a diverged run keeps the iterations before its last good checkpoint, as the window does
        result.append(figures(settings.name, point.network, trainer.network,
                              records[-1].state is ProgressState.DIVERGED, trainer.costs[:done],
                              trainer.grad_norms[0] if done else (), X, Y, X_test, Y_test))
    return result[0], result[1]
