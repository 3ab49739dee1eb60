"""A fully connected network of any depth and the batch engine that trains it.

dims = [n0, n1, …, nL]; layer l (1…L) has W[l] (n[l], n[l−1]), b[l] (n[l], 1) and an activation.
Python lists are 0-based, so W[l] lives at ``weights[l - 1]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence

import numpy as np

from .activations import ACTIVATIONS
from .equations import BACKWARD, COST, FORWARD, UPDATE
from .losses import LOSSES, get_loss
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .schedule import PHASES, Iteration, Row, engine_schedule, run
from .typealiases import FloatArray

# float64 is exact; float32 runs the matrix products in single precision (about twice as fast on
# the cat data) while parameters and element-wise steps stay float64. Keeping float64 master
# weights matters: tiny updates α·dW added to float32 weights lose most of their digits, and the
# cat run then ends at other accuracies than the seed's.
PRECISIONS = ("float64", "float32")
# numpy's RandomState takes seeds from 0 to 2**32 - 1; another value fails when weights are drawn
MAX_SEED = 2**32 - 1
# A network the engine is asked to allocate: 2**27 weights are 1 GiB of float64, before the
# gradients and the stepper's copies
MAX_WEIGHTS = 2**27
# What the editor builds and shows: models and sessions beyond it are refused when they are read,
# not half shown (the one home of these limits: the editor, the twin runs and the file readers
# all take them from here)
MAX_NEURONS = 512
MAX_HIDDEN_LAYERS = 8
MAX_TWINS = 8  # twin runs beside the window's own ("B" to "I")
# a run's, a picture's, a class's name: as long as a file's name may be (a picture is named by
# its file), no longer (900,000 characters crashed Qt drawing them)
MAX_NAME_CHARS = 255
MAX_TEXT_CHARS = 4096  # any other text in a file: a path at most
MAX_RECORD_ROWS = 10_000_000  # iterations in a run's record: one run of the most iterations
# a count in a file (iterations trained, a position, a seed): exact in float64 and int64 when the
# file is saved again (10**30 overflowed the export)
MAX_COUNT = 2**53
# the output a[L] above which the network says class 1 (y = 1), at or below it class 0
THRESHOLD = 0.5


def decide(a: np.ndarray | float) -> np.ndarray:
    """The class the network says for each output a: 1 above THRESHOLD, else 0 (NaN: 0)."""
    return (np.asarray(a) > THRESHOLD).astype(int)


class NetworkError(UserMessage, ValueError):
    """An architecture or setting the engine cannot run; the message is meant for the user."""


# (W drawn, n[l−1], n[l]) → W scaled: in place, no second copy of a big W
_Scale = Callable[[np.ndarray, int, int], np.ndarray]
# name → (the scale applied to randn(n[l], n[l−1]); W's rule, short, as a twin run's name says
# it). lecun divides, as the tutorial's iniPara does, bit for bit.
_INITIALIZERS: dict[str, tuple[_Scale, str]] = {
    "lecun": (lambda W, n_prev, n: np.divide(W, np.sqrt(n_prev), out=W), "W = randn / √n[l−1]"),
    "small": (lambda W, n_prev, n: np.multiply(W, 0.01, out=W), "W = 0.01·randn"),
    "he": (lambda W, n_prev, n: np.multiply(W, np.sqrt(2.0 / n_prev), out=W),
           "W = randn·√(2 / n[l−1])"),
    "xavier": (lambda W, n_prev, n: np.multiply(W, np.sqrt(2.0 / (n_prev + n)), out=W),
               "W = randn·√(2 / (n[l−1] + n[l]))"),
    "zeros": (lambda W, n_prev, n: np.zeros_like(W), "W = 0"),
}
INITIALIZERS = tuple(_INITIALIZERS)
INITIALIZER_RULES: dict[str, str] = {name: rule for name, (_, rule) in _INITIALIZERS.items()}
# the formula a view shows: "W = randn(n[l], n[l−1]) / √n[l−1], b = 0"
INITIALIZER_FORMULAS: dict[str, str] = {name: rule.replace("randn", "randn(n[l], n[l−1])") + ", b = 0"
                        for name, rule in INITIALIZER_RULES.items()}
# what the editor calls each (session/messages.core_text translates them); the keys stay the
# names of files, sessions, lessons and the command line
INITIALIZER_TITLES: dict[str, str] = {
    "lecun": QT_TRANSLATE_NOOP("core", "LeCun (the tutorial's)"),
    "small": QT_TRANSLATE_NOOP("core", "small (0.01·randn)"),
    "he": QT_TRANSLATE_NOOP("core", "He"),
    "xavier": QT_TRANSLATE_NOOP("core", "Xavier"),
    "zeros": QT_TRANSLATE_NOOP("core", "zeros"),
}


def _init_scale(name: str) -> _Scale:
    try:
        return _INITIALIZERS[name][0]
    except (KeyError, TypeError):  # TypeError: not a name at all (a list from a session file)
        raise NetworkError(QT_TRANSLATE_NOOP("core", "unknown initialiser {name}; choose one of {known}"),
                           name=repr(name), known=", ".join(INITIALIZERS)) from None


def weight_count(dims: Sequence[int]) -> int:
    """Σ n[l]·n[l−1] for these dims: the weights, and the multiply-adds of one sample's pass."""
    return sum(a * b for a, b in zip(dims, dims[1:]))


def default_activations(dims: list[int] | tuple[int, ...]) -> tuple[str, ...]:
    """ReLU for the hidden layers, sigmoid for the output: the seed's cat network."""
    return ("relu",) * (len(dims) - 2) + ("sigmoid",)


def initial_parameters(dims: Sequence[int], init: str = "lecun",
                       seed: int = 1) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Weights from numpy's legacy stream seeded with ``seed``, layer by layer; biases zero.

    A private RandomState(seed) gives exactly the numbers of ``np.random.seed(seed)`` followed by
    ``np.random.randn(n[l], n[l−1])`` calls, without touching the global stream.
    """
    scale = _init_scale(init)
    rng = np.random.RandomState(seed)
    weights: list[np.ndarray] = []
    biases: list[np.ndarray] = []
    for l in range(1, len(dims)):
        W = scale(rng.randn(dims[l], dims[l - 1]), dims[l - 1], dims[l])
        weights.append(np.ascontiguousarray(W, dtype=np.float64))
        biases.append(np.zeros((dims[l], 1)))
    return weights, biases


class Parameters(NamedTuple):
    """W[1…L] and b[1…L] held apart from a network: a run's last good ones, the stepper's."""

    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]


@dataclass
class Network:
    dims: tuple[int, ...]
    activations: tuple[str, ...]
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    loss: str = "bce"
    init: str = "lecun"
    seed: int = 1
    iterations_trained: int = 0
    precision: str = "float64"

    def __post_init__(self) -> None:
        self.dims = tuple(int(n) for n in self.dims)
        self.activations = tuple(self.activations)
        validate_architecture(self.dims, self.activations, self.loss)
        _check_precision(self.precision)
        _init_scale(self.init)  # a model's or session's unknown initialiser: refused when read
        self.seed = check_seed(self.seed)
        self.weights = [np.ascontiguousarray(W, dtype=np.float64) for W in self.weights]
        self.biases = [np.ascontiguousarray(b, dtype=np.float64) for b in self.biases]
        for l, (W, b) in enumerate(zip(self.weights, self.biases), start=1):
            if W.shape != (self.dims[l], self.dims[l - 1]) or b.shape != (self.dims[l], 1):
                raise NetworkError(
                    QT_TRANSLATE_NOOP("core", "layer {l}: W is {W} and b is {b}, but dims {dims} "
                                      "need W {needW} and b {needb}"),
                    l=l, W=W.shape, b=b.shape, dims=list(self.dims),
                    needW=(self.dims[l], self.dims[l - 1]), needb=(self.dims[l], 1))

    @classmethod
    def create(cls, dims: Iterable[int], activations: Iterable[str] | None = None,
               loss: str = "bce", init: str = "lecun", seed: int = 1,
               precision: str = "float64") -> Network:
        sizes = tuple(int(n) for n in dims)
        names = tuple(activations) if activations is not None else default_activations(sizes)
        validate_settings(sizes, names, loss, init, precision, seed)
        weights, biases = initial_parameters(sizes, init, seed)
        return cls(sizes, names, weights, biases, loss=loss, init=init, seed=seed,
                   precision=precision)

    @property
    def L(self) -> int:
        return len(self.dims) - 1

    @property
    def uses_float32(self) -> bool:
        return self.precision == "float32"

    @property
    def input_dtype(self) -> str:
        """The dtype X should have: float32 data feeds the single-precision products uncast."""
        return self.precision

    @property
    def weight_count(self) -> int:
        """Σ n[l]·n[l−1]: the number of weights (what makes a network costly to copy and show)."""
        return weight_count(self.dims)

    @property
    def init_formula(self) -> str:
        """How the initialiser drew W and b, as a view writes it."""
        return INITIALIZER_FORMULAS[self.init]

    def copy(self) -> "Network":
        return Network(self.dims, self.activations, [W.copy() for W in self.weights],
                       [b.copy() for b in self.biases], loss=self.loss, init=self.init,
                       seed=self.seed, iterations_trained=self.iterations_trained,
                       precision=self.precision)

    def parameters(self) -> dict[str, np.ndarray]:
        """The seed's parameter dictionary: W1, b1, …, WL, bL."""
        out: dict[str, np.ndarray] = {}
        for l in range(1, self.L + 1):
            out[f"W{l}"] = self.weights[l - 1]
            out[f"b{l}"] = self.biases[l - 1]
        return out

    def schedule(self, *phases: str) -> tuple[tuple[Row, int], ...]:
        """The (row, layer) the engine runs in ``phases`` (all of them when none are named), in
        the order of ``schedule.schedule``: the one order of an iteration."""
        return engine_schedule(self.L, self.loss, self.activations[-1], phases or PHASES)

    # ----- forward -----------------------------------------------------------------------------

    def forward(self, X: np.ndarray) -> tuple[list[FloatArray], list[FloatArray]]:
        """The forward pass for l = 1…L. Returns Zs = [Z1…ZL] and As = [A0 = X, A1…AL]."""
        it = Iteration(self, X)
        run(self.schedule(FORWARD), it)
        return it.Zs, it.As

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """A[L] for each column of X, shape (n[L], m)."""
        return self.forward(X)[1][-1]

    def cost(self, X: np.ndarray, Y: np.ndarray, l2: float = 0.0) -> float:
        it = Iteration(self, X, Y, l2=l2)
        run(self.schedule(FORWARD, COST), it)
        return it.cost

    # ----- backward and update -----------------------------------------------------------------

    def gradients(self, Zs: list[FloatArray], As: list[FloatArray], Y: np.ndarray,
                  l2: float = 0.0) -> tuple[list[FloatArray], list[FloatArray]]:
        """The backward pass (等式1–3) from the forward pass's Zs and As: (dWs, dbs)."""
        it = Iteration(self, Y=Y, l2=l2)
        it.Zs, it.As = Zs, As
        run(self.schedule(BACKWARD), it)
        return it.dWs, it.dbs

    def update(self, dWs: list[FloatArray], dbs: list[FloatArray], learning_rate: float) -> None:
        """等式4, in place: b, then W, layer by layer."""
        it = Iteration(self, learning_rate=learning_rate)
        it.dWs, it.dbs = dWs, dbs
        run(self.schedule(UPDATE), it)

    def iteration(self, X: np.ndarray, Y: np.ndarray, learning_rate: float,
                  l2: float = 0.0) -> IterationResult:
        """One gradient-descent iteration on the batch (X, Y): what ``gradient_descent`` yields."""
        return next(gradient_descent(self, [(X, Y)], learning_rate, l2))


# what gradient descent yields after each iteration: its cost, A[L] and the gradients dW
IterationResult = tuple[float, FloatArray, list[FloatArray]]


def gradient_descent(network: Network, batches: Iterable[tuple[np.ndarray, np.ndarray]],
                     learning_rate: float, l2: float = 0.0, *,
                     keep_first_z: Callable[[FloatArray], None] | None = None,
                     given_first_z: Callable[[], FloatArray | None] | None = None,
                     before_update: Callable[[float, list[FloatArray]], None] | None = None,
                     ) -> Iterator[IterationResult]:
    """The tutorial's training loop: one iteration per batch (X, Y), updating ``network`` in place.

    Each yields (cost, A[L], dWs): the cost of the parameters the iteration starts from, their
    output, and the gradients that moved them. The caller decides when to stop, reports, pauses
    and checks for divergence between iterations (trainer.py).

    A run's timeline (timeline.py) keeps each iteration's Z[1], the first layer's weighted input
    (``keep_first_z``, handed over read-only), and gives it back when it recomputes the
    iteration (``given_first_z``, None: computed): every other step then runs on the same
    numbers as before, so the parameters come out bit for bit the same, without the first
    layer's product with X (half of the cat net's iteration). ``before_update(cost, dWs)`` is
    called between 等式3 and 等式4, while ``network`` still holds the parameters the iteration
    started from (what a diagnosis of its gradients speaks of, without a copy of them).
    """
    rows = network.schedule()  # forward pass, cost, backward (等式1–3), update (等式4)
    learn = tuple(r for r in rows if r[0].phase != UPDATE)
    update = tuple(r for r in rows if r[0].phase == UPDATE)
    assert rows == learn + update  # the update is the iteration's last phase
    for X, Y in batches:
        it = Iteration(network, X, Y, learning_rate, l2)
        z1 = given_first_z() if given_first_z is not None else None
        if z1 is None:
            run(learn, it)
        else:
            it.Zs[0] = z1
            run(learn[1:], it)  # the schedule starts with Z[1] = W[1]·X + b[1]
        if before_update is not None:
            before_update(it.cost, it.dWs)
        run(update, it)
        network.iterations_trained += 1
        if keep_first_z is not None:
            it.Zs[0].flags.writeable = False  # (no later step writes it: the timeline shares it)
            keep_first_z(it.Zs[0])
        yield it.cost, it.As[-1], it.dWs


def _check_precision(precision: str) -> None:
    if precision not in PRECISIONS:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "unknown precision {name}; choose float64 or float32"),
                           name=repr(precision))


def validate_settings(dims: Sequence[int], activations: Sequence[str], loss: str, init: str,
                      precision: str,
                      seed: int = 1) -> None:
    """Everything Network.create would refuse, without drawing a single weight."""
    validate_architecture(dims, activations, loss)
    _init_scale(init)
    _check_precision(precision)
    check_seed(seed)
    if weight_count(dims) > MAX_WEIGHTS:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "a network of {n} weights is too big to "
                                             "allocate; at most {max}"),
                           n=f"{weight_count(dims):,}", max=f"{MAX_WEIGHTS:,}")


def check_seed(seed: object) -> int:
    """``seed`` as numpy's generators take it: a whole number from 0 to 2**32 - 1."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed <= MAX_SEED:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "a seed must be a whole number from 0 to "
                                             "{max}, not {v}"), max=MAX_SEED, v=seed)
    return int(seed)


def check_name(name: str, what: str, limit: int = MAX_NAME_CHARS) -> str:
    """``name`` if it is a name the views can show: at most MAX_NAME_CHARS characters (``limit``:
    another text's limit)."""
    if len(name) > limit:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "{what} has {n} characters; at most {max}"),
                           what=what, n=f"{len(name):,}", max=f"{limit:,}")
    return name


def check_count(n: int, what: str) -> int:
    """``n`` if it is a count a file may hold: 0 to MAX_COUNT."""
    if not 0 <= n <= MAX_COUNT:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "{what} must lie between 0 and {max}"),
                           what=what, max=f"{MAX_COUNT:,}")
    return n


def check_editable(dims: Sequence[int]) -> None:
    """Refuse what the editor cannot show or edit (a model or session of someone else's)."""
    hidden = list(dims[1:-1])
    if len(hidden) > MAX_HIDDEN_LAYERS:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "{n} hidden layers; the editor takes at most "
                                             "{max}"), n=len(hidden), max=MAX_HIDDEN_LAYERS)
    for l, n in enumerate(hidden, start=1):
        if n > MAX_NEURONS:
            raise NetworkError(QT_TRANSLATE_NOOP("core", "layer {l} has {n} neurons; the editor "
                                                 "takes 1 to {max}"),
                               l=l, n=f"{n:,}", max=MAX_NEURONS)


def validate_architecture(dims: Sequence[int], activations: Sequence[str], loss: str) -> None:
    """Raise NetworkError with a message naming what is wrong."""
    if len(dims) < 2:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "a network needs at least an input and an output layer"))
    for l, n in enumerate(dims):
        if int(n) < 1:
            raise NetworkError(QT_TRANSLATE_NOOP("core", "layer {l} has {n} neurons; every layer needs at least 1"),
                               l=l, n=n)
    if dims[-1] != 1:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "the output layer has {n} neurons; BP Studio's "
                                             "networks have one (the probability of class 1)"),
                           n=dims[-1])
    if len(activations) != len(dims) - 1:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "{k} layers after the input need {k} activations, got {n}"),
                           k=len(dims) - 1, n=len(activations))
    for a in activations:
        if not isinstance(a, str) or a not in ACTIVATIONS:
            raise NetworkError(QT_TRANSLATE_NOOP("core", "unknown activation {name}; choose one of {known}"),
                               name=repr(a), known=", ".join(ACTIVATIONS))
    if not isinstance(loss, str) or loss not in LOSSES:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "unknown cost {name}; choose one of {known}"),
                           name=repr(loss), known=", ".join(LOSSES))
    spec = get_loss(loss)
    if spec.required_output and activations[-1] != spec.required_output:
        raise NetworkError(
            QT_TRANSLATE_NOOP("core", "{cost} needs a {needed} output layer (its output must lie "
                              "between 0 and 1), not {act}"),
            cost=spec.title, needed=spec.required_output, act=activations[-1])
