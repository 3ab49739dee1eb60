"""Training as a plain generator: ``Trainer.run()`` yields frozen progress records.

The caller (the command line, or the GUI's worker thread) pulls records; ``stop()``, ``pause()``
and ``resume()`` may be called from another thread and are read between iterations.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Iterator

import numpy as np

from . import equations as eq
from .activations import get_activation
from .losses import get_loss
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import Network, NetworkError, check_seed, decide

# A cost this many times the first one counts as exploding, not just a bad step.
EXPLODING_FACTOR = 100.0
# Above this every network here diverges at once; the editor's range ends here too.
MAX_LEARNING_RATE = 10.0
# The editor's range too: a run records a cost and ‖dW[l]‖ per iteration (10⁷ × 9 layers: 800 MB)
MAX_ITERATIONS = 10_000_000
# ‖dW[1]‖ below this share of ‖dW[L]‖: the gradient vanishes on its way back to the first layer.
VANISHING_RATIO = 1e-4
# Every ‖dW[l]‖ below this: nothing learns any more, whatever the cost (stuck neurons, or the
# best this network can do).
STALLED_NORM = 1e-10
# |σ′| below this for every sample: a neuron that passes no error back (dead or saturated).
SATURATED_SLOPE = 1e-6


@dataclass(frozen=True)
class HyperParameters:
    learning_rate: float = 0.0075
    iterations: int = 2500
    batch_size: int | None = None  # None: the full batch (the seed's gradient descent)
    l2: float = 0.0
    shuffle_seed: int = 1

    def validate(self, m: int) -> None:
        """Raise NetworkError naming the first value the engine cannot run with."""
        lr = self.learning_rate
        if not (_real(lr) and math.isfinite(lr) and 0 < lr <= MAX_LEARNING_RATE):
            raise NetworkError(QT_TRANSLATE_NOOP("core", "the learning rate must be a number above 0 "
                                                 "and at most {max}, not {v}"),
                               v=lr, max=f"{MAX_LEARNING_RATE:g}")
        if not (_whole(self.iterations) and 1 <= self.iterations <= MAX_ITERATIONS):
            raise NetworkError(QT_TRANSLATE_NOOP("core", "the number of iterations must be a whole "
                                                 "number from 1 to {max}, not {v}"),
                               v=self.iterations, max=f"{MAX_ITERATIONS:,}")
        if self.batch_size is not None and not (_whole(self.batch_size) and 1 <= self.batch_size <= m):
            raise NetworkError(
                QT_TRANSLATE_NOOP("core", "the batch size must lie between 1 and the {m} training "
                                  "samples, not {v}"), m=m, v=self.batch_size)
        if not (_real(self.l2) and math.isfinite(self.l2) and self.l2 >= 0):
            raise NetworkError(QT_TRANSLATE_NOOP("core", "the L2 strength λ must be 0 or positive, not {v}"),
                               v=self.l2)
        check_seed(self.shuffle_seed)


def _whole(v) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _real(v) -> bool:
    return isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)


@dataclass(frozen=True)
class Evaluation:
    iteration: int
    train_accuracy: float
    test_cost: float
    test_accuracy: float


@dataclass(frozen=True)
class Progress:
    """What happened since the previous record. Arrays are copies, safe to hand to another thread.

    ``costs[i]`` is the cost of iteration ``first + i`` (computed by its forward pass, before its
    update); ``grad_norms[i, l-1]`` is ‖dW[l]‖ of that iteration.
    """

    first: int
    costs: np.ndarray
    grad_norms: np.ndarray
    done: int
    total: int
    elapsed: float
    evaluations: tuple[Evaluation, ...]
    state: str  # "running", "paused", "stopped", "finished", "diverged"
    message: str = ""  # in English; ``problem`` holds it for translation
    problem: UserMessage | None = None
    warning: UserMessage | None = None  # e.g. vanishing gradients: the run goes on, but explain
    # the parameters after iteration done − 1 (for a diverged run: the last good ones)
    weights: tuple[np.ndarray, ...] = ()
    biases: tuple[np.ndarray, ...] = ()

    @property
    def iterations_per_second(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float:
        rate = self.iterations_per_second
        return (self.total - self.done) / rate if rate > 0 else math.inf


def gradient_norms(dWs) -> list[float]:
    """‖dW[l]‖ (Frobenius) of each layer: what the vanishing-gradient plot shows."""
    return [math.sqrt(np.vdot(dW, dW)) for dW in dWs]


def stuck_units(network: Network, X: np.ndarray) -> tuple[int, int]:
    """(dead ReLU neurons, saturated sigmoid/tanh neurons): hidden neurons whose σ′ is (nearly) 0
    for every sample of X, so 等式2 passes them no error back. The output layer counts only where
    its error is not simply a − y."""
    Zs, As = network.forward(X)
    dead = saturated = 0
    fused_output = get_loss(network.loss).fused_with == network.activations[-1]
    for l, name in enumerate(network.activations, start=1):
        if l == network.L and fused_output:
            continue
        primes = get_activation(name).prime(Zs[l - 1], As[l])
        stuck = int(np.count_nonzero(np.all(np.abs(primes) < SATURATED_SLOPE, axis=1)))
        if name == "relu":
            dead += stuck
        elif name in ("sigmoid", "tanh"):
            saturated += stuck
    return dead, saturated


def gradient_warning(network: Network, X: np.ndarray, norms, cost: float) -> UserMessage | None:
    """Explain a run that cannot learn well, from one iteration's ‖dW[l]‖ (l = 1…L) and, when
    every gradient is gone, from what the neurons do on the batch X."""
    norms = [float(n) for n in norms]
    if not norms or not all(math.isfinite(n) for n in norms):
        return None
    if max(norms) < STALLED_NORM:
        dead, saturated = stuck_units(network, X)
        if dead or saturated:
            return UserMessage(QT_TRANSLATE_NOOP(
                "core", "the gradients have vanished in every layer (largest ‖dW‖ {g}) while the "
                "cost is still {c}: {dead} dead ReLU and {saturated} saturated sigmoid/tanh "
                "neuron(s) have σ′ = 0 for every sample, so 等式2 passes them no error and nothing "
                "learns any more. Try another initialiser, a smaller learning rate, or leaky ReLU."),
                g=f"{max(norms):.1e}", c=f"{cost:.4g}", dead=dead, saturated=saturated)
        if network.L == 1:
            return UserMessage(QT_TRANSLATE_NOOP(
                "core", "training has converged: the gradient is zero (largest ‖dW‖ {g}) but the "
                "cost is still {c}. Without a hidden layer the network separates the classes with "
                "a straight line (a plane) in its input features, and these classes are not "
                "linearly separable. Add a hidden layer, or an input feature that separates them "
                "(for XOR: x₁x₂)."), g=f"{max(norms):.1e}", c=f"{cost:.4g}")
        return UserMessage(QT_TRANSLATE_NOOP(
            "core", "training has converged: the gradient is zero (largest ‖dW‖ {g}) but the cost "
            "is still {c}: this is the best this network finds from here. Add neurons, a hidden "
            "layer or an input feature, or start from other initial weights."),
            g=f"{max(norms):.1e}", c=f"{cost:.4g}")
    if len(norms) > 1 and norms[-1] > 0 and norms[0] < VANISHING_RATIO * norms[-1]:
        return UserMessage(QT_TRANSLATE_NOOP(
            "core", "vanishing gradients: ‖dW[1]‖ is {r} of ‖dW[{L}]‖, so the first layers hardly "
            "learn. On the way back 等式2 multiplies the error by Wᵀ and by σ′ (at most 0.25 for "
            "sigmoid) in every layer; try ReLU hidden layers, He initialisation or fewer "
            "layers."), r=f"{norms[0] / norms[-1]:.1e}", L=len(norms))
    return None


def check_run(network: Network, X: np.ndarray, hyper: HyperParameters) -> None:
    """Raise NetworkError when the engine cannot run ``hyper`` on this network and data."""
    hyper.validate(X.shape[1])
    if X.shape[0] != network.dims[0]:
        raise NetworkError(
            QT_TRANSLATE_NOOP("core", "the data has {n} input features but the network's input "
                              "layer has {m} neurons"), n=X.shape[0], m=network.dims[0])


def accuracy(A_L: np.ndarray, Y: np.ndarray) -> float:
    """Share of columns where the class the network says equals y."""
    return float(np.mean(decide(A_L) == Y))


class Trainer:
    """Runs gradient descent on ``network`` in place.

    Full batch (the seed's) when ``hyper.batch_size`` is None or m; otherwise mini-batches drawn
    from a permutation reshuffled every epoch by RandomState(shuffle_seed).
    """

    def __init__(self, network: Network, X: np.ndarray, Y: np.ndarray, hyper: HyperParameters,
                 report_every: int = 100, report_seconds: float | None = None,
                 test: tuple[np.ndarray, np.ndarray] | None = None, evaluate_every: int = 0,
                 record_grad_norms: bool = False, pace: float | None = None,
                 stepwise: bool = False, clock=time.perf_counter, wait=None):
        check_run(network, X, hyper)
        self.network = network
        self.hyper = hyper
        self.X = np.asfortranarray(X, dtype=network.input_dtype)  # a sample per contiguous column
        self.Y = np.asarray(Y, dtype=np.float64)
        self.test = None
        if test is not None:
            self.test = (np.asfortranarray(test[0], dtype=network.input_dtype),
                         np.asarray(test[1], dtype=np.float64))
        self.report_every = max(1, int(report_every))
        self.report_seconds = report_seconds
        self.evaluate_every = int(evaluate_every)
        self.record_grad_norms = record_grad_norms
        self.costs = np.full(int(hyper.iterations), np.nan)
        self.grad_norms = np.full((int(hyper.iterations), network.L), np.nan)
        self.done = 0
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        # watching it learn: at most ``pace`` iterations a second, or a pause after each one
        self.pace, self.stepwise = pace, stepwise
        self._clock = clock
        self._wait = wait or self._stop.wait  # a stop ends a wait at once
        self._paced_from: tuple[float, int] | None = None  # (clock, done) the pace counts from

    # ----- control, callable from any thread -----------------------------------------------------

    def stop(self) -> None:
        self._stop.set()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def set_pace(self, pace: float | None) -> None:
        """At most ``pace`` iterations a second from now on (None: as fast as it goes)."""
        self.pace = pace if pace and pace > 0 else None
        self._paced_from = None

    def set_stepwise(self, on: bool) -> None:
        """Pause after each iteration (resume does the next one)."""
        self.stepwise = bool(on)

    def _keep_pace(self) -> None:
        """Wait until the pace allows the next iteration; a slow iteration does not make the
        next ones hurry."""
        now = self._clock()
        if self._paced_from is None:  # the pace counts from here (a run's start, a new pace)
            self._paced_from = (now, self.done)
            return
        since, done = self._paced_from
        due = since + (self.done - done) / self.pace
        if due > now:
            self._wait(due - now)
        elif now - due > 1.0 / self.pace:
            self._paced_from = (now, self.done)

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    # ----- the loop ----------------------------------------------------------------------------

    def _batches(self) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        m = self.X.shape[1]
        size = self.hyper.batch_size
        if size is None or int(size) >= m:
            while True:
                yield self.X, self.Y
        size = int(size)
        rng = np.random.RandomState(self.hyper.shuffle_seed)
        while True:
            order = rng.permutation(m)
            for start in range(0, m, size):
                idx = order[start:start + size]
                yield np.asfortranarray(self.X[:, idx]), self.Y[:, idx]

    def _test_metrics(self) -> tuple[float, float]:
        """(test cost, test accuracy) of the current parameters; NaN without test data."""
        if self.test is None:
            return math.nan, math.nan
        net = self.network
        Xt, Yt = self.test
        Zs, As = net.forward(Xt)
        return eq.cost(get_loss(net.loss), Zs[-1], As[-1], Yt, net.weights, 0.0), accuracy(As[-1], Yt)

    def run(self) -> Iterator[Progress]:
        net, hyper = self.network, self.hyper
        total = int(hyper.iterations)
        batches = self._batches()
        good = tuple(W.copy() for W in net.weights), tuple(b.copy() for b in net.biases)
        first_cost = None
        warned, warning = False, None  # one explanation per run, carried by the next record
        reported = self.done
        evaluations: list[Evaluation] = []
        start = time.perf_counter()
        last_report = start

        def record(state: str, problem: UserMessage | None = None) -> Progress:
            nonlocal reported, evaluations, last_report, warning
            p = Progress(
                first=reported,
                costs=self.costs[reported:self.done].copy(),
                grad_norms=self.grad_norms[reported:self.done].copy(),
                done=self.done, total=total, elapsed=time.perf_counter() - start,
                evaluations=tuple(evaluations), state=state,
                message=str(problem) if problem else "", problem=problem, warning=warning,
                weights=good[0], biases=good[1],
            )
            reported, evaluations, last_report, warning = self.done, [], time.perf_counter(), None
            return p

        def diverged(i: int, why: UserMessage) -> Progress:
            net.weights, net.biases = [W.copy() for W in good[0]], [b.copy() for b in good[1]]
            net.iterations_trained -= self.done - reported
            problem = UserMessage(
                QT_TRANSLATE_NOOP("core", "training diverged at iteration {i} ({why}); the learning "
                                  "rate {lr} is probably too high. The parameters from before "
                                  "iteration {kept} were kept."),
                i=i, why=why, lr=f"{hyper.learning_rate:g}", kept=reported)
            return record("diverged", problem)

        if self.pace:
            self._keep_pace()  # the first iteration waits its turn as well
        while self.done < total:
            if not self._running.is_set():
                if all(np.isfinite(W).all() for W in net.weights):  # the parameters paused at
                    good = tuple(W.copy() for W in net.weights), tuple(b.copy() for b in net.biases)
                yield record("paused")
                self._running.wait()
                start += time.perf_counter() - last_report  # time paused is not training time
                self._paced_from = None
            if self._stop.is_set():
                yield record("stopped")
                return
            i = self.done
            X, Y = next(batches)
            # evaluations describe the parameters iteration i starts from, like costs[i]
            evaluate = self.evaluate_every and i % self.evaluate_every == 0
            if evaluate:
                test_cost, test_acc = self._test_metrics()
                if X is not self.X:  # a mini-batch: the train set needs its own forward pass
                    train_acc = accuracy(net.predict_proba(self.X), self.Y)
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                cost, A_L, dWs = net.iteration(X, Y, hyper.learning_rate, hyper.l2)
            if evaluate:
                if X is self.X:  # full batch: this iteration's forward pass is the evaluation
                    train_acc = accuracy(A_L, Y)
                evaluations.append(Evaluation(i, train_acc, test_cost, test_acc))
            self.costs[i] = cost
            if self.record_grad_norms:
                self.grad_norms[i] = gradient_norms(dWs)
                if not warned:  # vanishing shows in the first iterations, before the output adapts
                    warning = gradient_warning(net, X, self.grad_norms[i], cost)
                    warned = warning is not None
            if first_cost is None:
                first_cost = cost
            self.done = i + 1
            if not math.isfinite(cost):
                yield diverged(i, UserMessage(QT_TRANSLATE_NOOP("core", "cost NaN")) if math.isnan(cost)
                               else UserMessage(QT_TRANSLATE_NOOP("core", "cost infinite")))
                return
            if cost > EXPLODING_FACTOR * max(first_cost, 1e-12):
                yield diverged(i, UserMessage(QT_TRANSLATE_NOOP("core", "cost {c}, {k}× the first"),
                                              c=f"{cost:.4g}", k=f"{cost / first_cost:.0f}"))
                return
            due = self.done - reported >= self.report_every or (
                self.report_seconds is not None
                and time.perf_counter() - last_report >= self.report_seconds
            )
            if due or self.done == total:
                if not all(np.isfinite(W).all() for W in net.weights):
                    yield diverged(i, UserMessage(QT_TRANSLATE_NOOP("core", "weights overflowed")))
                    return
                good = tuple(W.copy() for W in net.weights), tuple(b.copy() for b in net.biases)
                if self.done < total:
                    yield record("running")
            if self.done < total and self.stepwise:
                self.pause()
            elif self.done < total and self.pace:
                self._keep_pace()
        if self.evaluate_every:  # the final parameters
            evaluations.append(Evaluation(self.done, accuracy(net.predict_proba(self.X), self.Y),
                                          *self._test_metrics()))
        yield record("finished")
