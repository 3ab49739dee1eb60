"""Training as a plain generator: ``Trainer.run()`` yields frozen progress records.

The iterations themselves are the tutorial's loop, ``network.gradient_descent``; the Trainer wraps
it with what a person watching needs: reports, evaluations, pausing, pacing, keyframes for the
timeline, and a rollback when the run diverges. The caller (the command line, or the GUI's child
process) pulls records; ``stop()``, ``pause()`` and ``resume()`` may be called from another thread
and are read between iterations.
"""

from __future__ import annotations

import enum
import functools
import math
import statistics
import threading
import time
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Iterator, NamedTuple, Sequence, TypedDict

import numpy as np

from . import blas
from . import equations as eq
from . import iterations
from .diagnoses import TOO_LARGE_A_STEP, Divergence, gradient_warning
from .losses import get_loss
from .messages import QT_TRANSLATE_NOOP, UserMessage
from .network import (MAX_RECORD_ROWS, Network, NetworkError, Parameters, check_seed, decide,
                      gradient_descent)
from .typealiases import FloatArray

# A cost this many times the first one counts as exploding, not just a bad step.
EXPLODING_FACTOR = 100.0
# Above this every network here diverges at once; the editor's range ends here too.
MAX_LEARNING_RATE = 10.0
MAX_L2 = 1000.0  # λ far above this only zeroes the weights (1e308 overflowed the cost)
# The editor's range too: a run records a cost and ‖dW[l]‖ per iteration (10⁷ × 9 layers: 800 MB)
MAX_ITERATIONS = 10_000_000


class RunState(enum.Enum):
    """A training run as the window knows it: none, training, or paused (a paused run still
    owns the parameters, so edits wait for it)."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


class ProgressState(enum.Enum):
    """What the Trainer was doing when it yielded a record: going on, or how the run ended."""

    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"
    DIVERGED = "diverged"

    @property
    def ended(self) -> bool:
        """The run's last record: no more come after it."""
        return self in (ProgressState.FINISHED, ProgressState.STOPPED, ProgressState.DIVERGED)


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
        if not (_real(self.l2) and math.isfinite(self.l2) and 0 <= self.l2 <= MAX_L2):
            raise NetworkError(QT_TRANSLATE_NOOP("core", "the L2 strength λ must be from 0 to {max}, "
                                                 "not {v}"), v=self.l2, max=f"{MAX_L2:g}")
        check_seed(self.shuffle_seed)


def _whole(v: object) -> bool:
    return isinstance(v, (int, np.integer)) and not isinstance(v, bool)


def _real(v: object) -> bool:
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
    state: ProgressState
    message: str = ""  # in English; ``problem`` holds it for translation
    problem: UserMessage | None = None
    warning: UserMessage | None = None  # e.g. vanishing gradients: the run goes on, but explain
    # the parameters after iteration done − 1 (for a diverged run: the last good ones)
    weights: tuple[np.ndarray, ...] = ()
    biases: tuple[np.ndarray, ...] = ()
    keyframes: tuple["Keyframe", ...] = ()  # recorded since the previous record (timeline.py)
    # each iteration's Z[1] since the previous record, with ``trace_first_layer`` (timeline.py)
    traces: tuple[tuple[int, np.ndarray], ...] = ()
    # a diverged run: the iterations whose parameters it went back to (``weights``, ``biases``)
    kept: int | None = None

    @property
    def iterations_per_second(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float:
        rate = self.iterations_per_second
        return (self.total - self.done) / rate if rate > 0 else math.inf


def joined(records: Sequence[Progress]) -> Progress:
    """Records that followed each other as one: what happened since the first one's previous
    record (every cost, ‖dW‖, evaluation, keyframe and trace, in order), standing where the last
    one stands (its state, count, time; the newest parameters any of them carried, and the
    first warning)."""
    if len(records) == 1:
        return records[0]
    last = records[-1]
    snapshot = next((r for r in reversed(records) if r.weights), last)
    return replace(
        last, first=records[0].first,
        costs=np.concatenate([r.costs for r in records]),
        grad_norms=np.concatenate([r.grad_norms for r in records]),
        evaluations=tuple(e for r in records for e in r.evaluations),
        warning=next((r.warning for r in records if r.warning is not None), None),
        weights=snapshot.weights, biases=snapshot.biases,
        keyframes=tuple(k for r in records for k in r.keyframes),
        traces=tuple(t for r in records for t in r.traces))


def gradient_norms(dWs: Iterable[np.ndarray]) -> list[float]:
    """‖dW[l]‖ (Frobenius) of each layer: what the vanishing-gradient plot shows."""
    return [math.sqrt(np.vdot(dW, dW)) for dW in dWs]


def check_run(network: Network, X: np.ndarray, hyper: HyperParameters, record: int = 0) -> None:
    """Raise NetworkError when the engine cannot run ``hyper`` on this network and data, or when
    a record of ``record`` rows would grow past what a session file takes (MAX_RECORD_ROWS)."""
    hyper.validate(X.shape[1])
    if record + hyper.iterations > MAX_RECORD_ROWS:
        raise NetworkError(QT_TRANSLATE_NOOP("core", "the record would hold {n} iterations, more "
                                             "than a session keeps ({max}); reset the parameters "
                                             "to train again"),
                           n=f"{record + hyper.iterations:,}", max=f"{MAX_RECORD_ROWS:,}")
    if X.shape[0] != network.dims[0]:
        raise NetworkError(
            QT_TRANSLATE_NOOP("core", "the data has {n} input features but the network's input "
                              "layer has {m} neurons"), n=X.shape[0], m=network.dims[0])


def training_arrays(network: Network, X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """X and Y as the engine trains on them: X in the network's precision with a sample per
    contiguous column (copied only when it is not so already), Y in float64."""
    return np.asfortranarray(X, dtype=network.input_dtype), np.asarray(Y, dtype=np.float64)


def accuracy(A_L: np.ndarray, Y: np.ndarray) -> float:
    """Share of columns where the class the network says equals y."""
    return float(np.mean(decide(A_L) == Y))


@dataclass(frozen=True)
class Checkpoint:
    """The parameters a run had before its iteration ``done`` (a divergence goes back to one)."""

    done: int
    parameters: Parameters


CHECKPOINT_EVERY = 256


def checkpoint_due(done: int) -> bool:
    """Checkpoints after 1, 2, 4, … 128 iterations and every 256: a run that diverges at once
    (a learning rate far too high) goes back little, and a copy costs nothing beside the
    iterations between two (the cat net: 2 MB every 256 iterations)."""
    return done & (done - 1) == 0 or done % CHECKPOINT_EVERY == 0


@dataclass(frozen=True)
class Keyframe:
    """A run's parameters after ``iteration`` iterations, where its mini-batch order stood
    (``Batches.state()``) and the BLAS threads it ran on (blas.py): enough to recompute every
    later iteration exactly. Plain arrays, so a keyframe crosses a process boundary with the
    record that carries it."""

    iteration: int
    weights: tuple[np.ndarray, ...]
    biases: tuple[np.ndarray, ...]
    shuffle: np.ndarray
    blas_threads: int

    @functools.cached_property
    def nbytes(self) -> int:
        """(Kept: a timeline sums its keyframes' at every record.)"""
        return sum(a.nbytes for a in (*self.weights, *self.biases, self.shuffle))


class Batch(NamedTuple):
    """The columns of X and Y one iteration trains on."""

    X: np.ndarray
    Y: np.ndarray


class Batches:
    """The batches gradient descent trains on, one per iteration: the whole training set every
    time (the tutorial's full batch), or mini-batches of ``size`` columns cut in turn from a
    permutation that RandomState(seed) draws afresh every epoch.

    ``state()`` is where the order stands before the next batch, as one plain array (empty for
    the full batch): the generator's state before drawing that batch's epoch, and the batch's
    place in it. Batches(…, state=s) goes on from there with the same batches, bit for bit.
    """

    def __init__(self, X: np.ndarray, Y: np.ndarray, size: int | None, seed: int,
                 state: np.ndarray | None = None):
        self.X, self.Y = X, Y
        self.m = X.shape[1]
        self.full = size is None or int(size) >= self.m
        self.size = self.m if size is None or self.full else int(size)
        self.current = Batch(X, Y)  # the batch of the latest iteration
        self._rng = np.random.RandomState(seed)
        self._epoch_start = self._rng.get_state()  # the generator before this epoch's draw
        self._order: np.ndarray | None = None  # this epoch's permutation (None: not drawn yet)
        self._next = 0  # the next batch's place in the epoch
        if state is not None and len(state) and not self.full:
            self._rng.set_state(("MT19937", state[:-2], int(state[-2]), 0, 0.0))
            if state[-1]:
                self._draw()
                self._next = int(state[-1])

    def _draw(self) -> np.ndarray:
        self._epoch_start = self._rng.get_state()
        self._order = self._rng.permutation(self.m)
        return self._order

    def __iter__(self) -> "Batches":
        return self

    def __next__(self) -> Batch:
        if not self.full:
            order = self._draw() if self._order is None else self._order
            start = self._next * self.size
            idx = order[start:start + self.size]
            self._next += 1
            if start + self.size >= self.m:  # the epoch's last batch: the next one reshuffles
                self._order, self._next = None, 0
            self.current = Batch(np.asfortranarray(self.X[:, idx]), self.Y[:, idx])
        return self.current

    def state(self) -> np.ndarray:
        if self.full:
            return np.zeros(0, dtype=np.uint32)
        _, keys, pos, _, _ = self._rng.get_state() if self._order is None else self._epoch_start
        return np.concatenate([keys, [pos, self._next]]).astype(np.uint32)


class RunOptions(TypedDict, total=False):
    """The Trainer's keyword options for what a run reports and records, and how fast it goes."""

    report_every: int
    report_seconds: float | None
    test: tuple[np.ndarray, np.ndarray] | None
    evaluate_every: int
    record_grad_norms: bool
    pace: float | None
    stepwise: bool


class TimelineOptions(TypedDict, total=False):
    """The Trainer's keyword options for a run's timeline: its keyframes, and where it starts."""

    keyframe_every: int
    first_iteration: int
    shuffle_state: np.ndarray | None
    keyframe_choice: Callable[[float], int] | None
    timed_iterations: int
    trace_first_layer: bool


class TrainerOptions(RunOptions, TimelineOptions, total=False):
    """All the Trainer's keyword options, as a run's set-up hands them on (to the child process)."""


# an evaluation begun before iteration i: (i, test cost, test accuracy, train accuracy or None)
_Started = tuple[int, float, float, float | None]


class Trainer:
    """Runs gradient descent on ``network`` in place.

    Full batch (the seed's) when ``hyper.batch_size`` is None or m; otherwise mini-batches drawn
    from a permutation reshuffled every epoch by RandomState(shuffle_seed), or continued from
    ``shuffle_state`` (a keyframe's). With ``keyframe_every`` = k the records carry a keyframe
    of the parameters every k iterations, and of the last ones; ``first_iteration`` numbers
    them (a run continued from iteration i counts on from i). With ``keyframe_choice`` the run
    chooses k itself: it times its first ``timed_iterations`` iterations (the gradient-descent
    steps alone) and asks ``keyframe_choice(seconds per iteration)``; until then it keeps only the
    starting keyframe. ``report_first``: the first iteration is reported at once (a watcher sees
    its cost), whatever ``report_every`` and ``report_seconds`` say.
    """

    def __init__(self, network: Network, X: np.ndarray, Y: np.ndarray, hyper: HyperParameters,
                 report_every: int = 100, report_seconds: float | None = None,
                 test: tuple[np.ndarray, np.ndarray] | None = None, evaluate_every: int = 0,
                 record_grad_norms: bool = False, pace: float | None = None,
                 stepwise: bool = False, clock: Callable[[], float] = time.perf_counter,
                 wait: Callable[[float], object] | None = None,
                 keyframe_every: int = 0, first_iteration: int = 0,
                 shuffle_state: np.ndarray | None = None, report_first: bool = False,
                 keyframe_choice: Callable[[float], int] | None = None,
                 timed_iterations: int = 3, trace_first_layer: bool = False) -> None:
        check_run(network, X, hyper)
        self.network = network
        self.hyper = hyper
        self.X, self.Y = training_arrays(network, X, Y)
        self.test = None if test is None else training_arrays(network, *test)
        self.report_every = max(1, int(report_every))
        self.report_seconds = report_seconds
        self.evaluate_every = int(evaluate_every)
        self.record_grad_norms = record_grad_norms
        self.keyframe_every = int(keyframe_every)
        self.report_first = report_first
        self._keyframe_choice = keyframe_choice  # None once k is chosen
        self._timed_iterations = max(1, int(timed_iterations))
        self._step_seconds: list[float] = []
        self.first_iteration = int(first_iteration)
        self.batches = Batches(self.X, self.Y, hyper.batch_size, hyper.shuffle_seed, shuffle_state)
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
        # what the next record reports, gathered between records
        self._reported = 0
        self._evaluations: list[Evaluation] = []
        self._keyframes: list[Keyframe] = []
        # each iteration's Z[1] (iteration, Z): recomputing it later skips W[1]·X (timeline.py)
        self._trace = bool(trace_first_layer)
        self._traces: list[tuple[int, np.ndarray]] = []
        self._blas_threads = 0  # read when the run starts
        self._warning: UserMessage | None = None  # one explanation per run, carried by a record
        self._warned = False
        # what a record shows: the parameters at the latest record (or where the run stopped)
        self._shown = Parameters((), ())
        # a divergence's rollback: the latest checkpoint whose cost was computed and finite, and
        # the newest checkpoint, whose cost the next iteration tells (at iterations fixed in
        # advance: which one a divergence goes back to never depends on the clock)
        self._good: Checkpoint | None = None
        self._candidate: Checkpoint | None = None
        self._started = self._last_report = 0.0

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
        now, pace = self._clock(), self.pace
        if pace is None:
            return
        if self._paced_from is None:  # the pace counts from here (a run's start, a new pace)
            self._paced_from = (now, self.done)
            return
        since, done = self._paced_from
        due = since + (self.done - done) / pace
        if due > now:
            self._wait(due - now)
        elif now - due > 1.0 / pace:
            self._paced_from = (now, self.done)

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    # ----- the loop ----------------------------------------------------------------------------

    def run(self) -> Iterator[Progress]:
        """The tutorial's loop, with reports between its iterations."""
        net, hyper = self.network, self.hyper
        total = int(hyper.iterations)
        keep = self._keep_first_z if self._trace and (
            self.keyframe_every or self._keyframe_choice is not None) else None
        steps = gradient_descent(net, self.batches, hyper.learning_rate, hyper.l2,
                                 keep_first_z=keep,
                                 before_update=self._gradients if self.record_grad_norms else None)
        self._shown = self._parameters()
        self._candidate = Checkpoint(self.done, self._shown)
        self._started = self._last_report = time.perf_counter()
        if self.keyframe_every or self._keyframe_choice is not None:
            self._blas_threads = blas.threads()
            self._keyframe()
        if self.pace:
            self._keep_pace()  # the first iteration waits its turn as well
        while self.done < total:
            if self.paused:
                yield from self._pause()
            if self._stop.is_set():
                self._keep_if_finite()  # the parameters stopped at
                yield self._record(ProgressState.STOPPED)
                return
            i = self.done
            start = self._evaluate_start(i)
            timed = time.perf_counter()
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                cost, A_L, dWs = next(steps)
            self._time_step(time.perf_counter() - timed, total)
            self._evaluate_end(start, A_L)
            self.done = i + 1
            why = self._note(i, cost)
            if why is not None:
                yield self._diverged(i, why)
                return
            if self._candidate is not None and self._candidate.done == i:  # its cost is good
                self._good, self._candidate = self._candidate, None
            if checkpoint_due(self.done):
                self._candidate = Checkpoint(self.done, self._parameters())
            if self.keyframe_every and self.done % self.keyframe_every == 0:
                self._keyframe()
            if self._due() or self.done == total:
                if not all(np.isfinite(W).all() for W in net.weights):
                    yield self._diverged(i, UserMessage(QT_TRANSLATE_NOOP("core", "weights overflowed")))
                    return
                self._shown = self._parameters()
                if self.done < total:
                    yield self._record(ProgressState.RUNNING)
            if self.done < total and self.stepwise:
                self.pause()
            elif self.done < total and self.pace:
                self._keep_pace()
        if self.evaluate_every:  # the final parameters
            self._evaluations.append(Evaluation(self.done, self._train_accuracy(),
                                                *self._test_metrics()))
        if self.keyframe_every and self.done % self.keyframe_every:
            self._keyframe()  # the end of the run
        yield self._record(ProgressState.FINISHED)

    def _time_step(self, seconds: float, total: int) -> None:
        """With a keyframe choice to make: one more step timed; after the last one timed (or the
        run's last iteration), k chosen from their median."""
        if self._keyframe_choice is None:
            return
        self._step_seconds.append(seconds)
        if len(self._step_seconds) >= min(self._timed_iterations, total):
            self.keyframe_every = max(1, int(self._keyframe_choice(
                statistics.median(self._step_seconds))))
            self._keyframe_choice = None

    def _pause(self) -> Iterator[Progress]:
        self._keep_if_finite()  # the parameters paused at
        yield self._record(ProgressState.PAUSED)
        self._running.wait()
        self._started += time.perf_counter() - self._last_report  # paused is not training time
        self._paced_from = None

    def _gradients(self, cost: float, dWs: list[FloatArray]) -> None:
        """Iteration ``done``'s ‖dW‖, and the diagnosis of a run that cannot learn well, called
        before its update: the diagnosis speaks of the parameters the iteration started from,
        those its cost and ‖dW‖ belong to."""
        i = self.done
        self.grad_norms[i] = gradient_norms(dWs)
        if not self._warned:  # vanishing shows in the first iterations
            batch = self.batches.current
            self._warning = gradient_warning(self.network, batch.X, batch.Y, self.grad_norms[i],
                                             cost, self.hyper.l2)
            self._warned = self._warning is not None

    def _note(self, i: int, cost: float) -> UserMessage | None:
        """Keep iteration i's cost; say why the run diverged, if it did."""
        self.costs[i] = cost
        if not math.isfinite(cost):
            return (UserMessage(QT_TRANSLATE_NOOP("core", "cost NaN")) if math.isnan(cost)
                    else UserMessage(QT_TRANSLATE_NOOP("core", "cost infinite")))
        first = max(float(self.costs[0]), 1e-12)
        if cost > EXPLODING_FACTOR * first:
            return UserMessage(QT_TRANSLATE_NOOP("core", "cost {c}, {k}× the first"),
                               c=f"{cost:.4g}", k=f"{cost / first:.0f}")
        return None

    def _due(self) -> bool:
        if self.report_first and self._reported == 0:
            return True
        return self.done - self._reported >= self.report_every or (
            self.report_seconds is not None
            and time.perf_counter() - self._last_report >= self.report_seconds)

    def _parameters(self) -> Parameters:
        net = self.network
        return Parameters(tuple(W.copy() for W in net.weights), tuple(b.copy() for b in net.biases))

    def _keep_if_finite(self) -> None:
        if all(np.isfinite(W).all() for W in self.network.weights):
            self._shown = self._parameters()

    def _keep_first_z(self, z1: np.ndarray) -> None:
        self._traces.append((self.first_iteration + self.done, z1))

    def _keyframe(self) -> None:
        weights, biases = self._parameters()
        self._keyframes.append(Keyframe(self.first_iteration + self.done, weights, biases,
                                        self.batches.state(), self._blas_threads))

    def _record(self, state: ProgressState, problem: UserMessage | None = None,
                kept: int | None = None) -> Progress:
        reported = self._reported
        p = Progress(
            first=reported,
            costs=self.costs[reported:self.done].copy(),
            grad_norms=self.grad_norms[reported:self.done].copy(),
            done=self.done, total=int(self.hyper.iterations),
            elapsed=time.perf_counter() - self._started,
            evaluations=tuple(self._evaluations), state=state,
            message=str(problem) if problem else "", problem=problem, warning=self._warning,
            weights=self._shown.weights, biases=self._shown.biases,
            keyframes=tuple(self._keyframes), kept=kept, traces=tuple(self._traces),
        )
        self._reported, self._evaluations, self._keyframes = self.done, [], []
        self._traces = []
        self._last_report, self._warning = time.perf_counter(), None
        return p

    def _diverged(self, i: int, why: UserMessage) -> Progress:
        """Go back to the latest checkpoint whose cost was good (the parameters iteration 0 starts
        from, when even its cost was not), and say why."""
        net = self.network
        # (even iteration 0's cost was not good: the run's start is all there is)
        good = self._good if self._good is not None else self._candidate
        assert good is not None  # the run's start is a checkpoint
        kept = good.done
        net.weights = [W.copy() for W in good.parameters.weights]
        net.biases = [b.copy() for b in good.parameters.biases]
        net.iterations_trained -= self.done - kept
        self._shown = good.parameters
        self._keyframes = [k for k in self._keyframes if k.iteration <= self.first_iteration + kept]
        self._traces = [t for t in self._traces if t[0] < self.first_iteration + kept]
        # counted as the network counts (core/iterations.py): the run's turn i is the iteration
        # of the network it started from plus i
        start = net.iterations_trained - kept
        problem = UserMessage(
            QT_TRANSLATE_NOOP("core", "training diverged at {iteration} ({why}); {cause}. The "
                              "parameters of {kept} were kept."),
            iteration=iterations.iteration(start + i), why=why,
            cause=TOO_LARGE_A_STEP.say(Divergence(tuple(float(c) for c in self.costs[:i + 1]),
                                                  self.hyper.learning_rate)),
            kept=iterations.iteration(start + kept))
        return self._record(ProgressState.DIVERGED, problem, kept)

    # ----- evaluations: the parameters iteration i starts from, like costs[i] ---------------------

    def _evaluate_start(self, i: int) -> _Started | None:
        """(i, test cost, test accuracy, train accuracy or None) before iteration i, when due."""
        if not (self.evaluate_every and i % self.evaluate_every == 0):
            return None
        # a mini-batch: the train set needs its own forward pass; the full batch's is the iteration's
        train = None if self.batches.full else self._train_accuracy()
        return (i, *self._test_metrics(), train)

    def _evaluate_end(self, start: _Started | None, A_L: np.ndarray) -> None:
        if start is not None:
            i, test_cost, test_acc, train = start
            if train is None:
                train = accuracy(A_L, self.Y)
            self._evaluations.append(Evaluation(i, train, test_cost, test_acc))

    def _train_accuracy(self) -> float:
        return accuracy(self.network.predict_proba(self.X), self.Y)

    def _test_metrics(self) -> tuple[float, float]:
        """(test cost, test accuracy) of the current parameters; NaN without test data."""
        if self.test is None:
            return math.nan, math.nan
        net = self.network
        Xt, Yt = self.test
        Zs, As = net.forward(Xt)
        return eq.cost(get_loss(net.loss), Zs[-1], As[-1], Yt, net.weights, 0.0), accuracy(As[-1], Yt)
