"""A run's timeline: its parameters at any iteration, kept as keyframes every k iterations.

Every copy of the cat network's parameters is 2 MB, so all 2,500 of them would take 5 GB. The
engine is deterministic (the same operations on the same numbers in the same order), so the
Trainer keeps a keyframe every k iterations (the parameters and where the mini-batch order stood)
and ``Timeline.network_at(i)`` recomputes the iterations since the keyframe before i: the same
bits the run had. k is the largest that recomputes within ``RECOMPUTE_SECONDS``, unless the
keyframes would then not fit in ``MEMORY_BUDGET``; then the smallest that fits.

A network whose first layer is wide (the cat net's W[1] is 20×12288: 2 MB of its keyframe) also
keeps every iteration's Z[1] = W[1]·X + b[1] (20×209 numbers, 33 kB), or of a ReLU layer only
what recomputing reads of it: its positive numbers and a bit mask (21 kB; traces.py): its
*trace*. Recomputing an iteration then skips that product, half of the iteration's time, and the
rest runs on the same numbers: the same bits (network.gradient_descent). The traces take a share
of the budget (``trace_bytes``, planned at 70 % positive; a trace beyond the plan is not kept),
the keyframes the rest: the cat run's jumps recompute up to ~23 iterations without W[1]·X. The
iterations recomputed near the time cursor are counted in the same budget (``NEAR_SHARE`` of it)
and let go when the cursor goes back to now.

Recomputing runs on the BLAS threads the run trained on (blas.py: another number may give other
last bits), or on one once ``prefetch_step`` has recomputed a keyframe from the one before on one
thread and got it bit for bit (``one_thread``; full-batch runs): with the other core busy, the cat
net's dZ[1]·Xᵀ took 2.4× as long on two threads as on one.

A fork starts a new run from the parameters at any iteration with other settings; continuing
from an iteration forgets the ones after it and trains on from there.
"""

from __future__ import annotations

import bisect
import contextlib
import copy
import statistics
import threading
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

import numpy as np

from . import blas
from .traces import Traces, compact_all, first_z, planned_bytes
from .messages import QT_TRANSLATE_NOOP
from .network import Network, NetworkError, default_activations, gradient_descent
from .trainer import (Batches, HyperParameters, Keyframe, Progress, ProgressState, Trainer,
                      RunOptions, training_arrays)

if TYPE_CHECKING:
    from typing_extensions import Unpack  # typing's own from Python 3.11

# bytes of keyframes, traces and iterations kept near the cursor one run may keep (the cat run:
# 60 MB of traces planned, a keyframe every 24 iterations, 207 MB; 30 MB near the cursor)
MEMORY_BUDGET = 300e6
# the longest recomputing the parameters of one iteration may take, from the keyframe before it;
# the views drawing them take the rest of the tenth of a second a scrub step may take
RECOMPUTE_SECONDS = 0.1
# bytes of recomputed iterations kept near the time cursor, at most (the cat run: 7 either side,
# 30 MB): a move there shows them at once; prefetch_step() fills them while the window idles.
# Counted in the run's budget: its keyframes and traces get what is left of it
NEAR_BYTES = 64e6
NEAR_SHARE = 0.1  # of the run's budget
# the share of the budget the first layer's traces may take, at most (0: none kept)
TRACE_SHARE = 0.5
# a trace is kept when an iteration's is at most this share of a keyframe (the cat net's: 1/59)
TRACE_AT_MOST = 1 / 16
NEAR_REACH = 64  # iterations either side at the most (a small network recomputes them at once)
# a saved run recomputed on a thread of its own holds the BLAS thread count for about this many
# multiply-adds at a time (the cat run: 10 iterations, ~0.1 s; a far larger network: one
# iteration): a move of a cursor on the GUI thread waits for those
RECOMPUTED_AT_ONCE = 1.5e9
# what a fork from a later iteration cannot change: the trained weights fix them
_FIXED_AFTER_START = ("dims", "init", "seed")
_NETWORK_SETTINGS = ("dims", "activations", "loss", "init", "seed", "precision")


def keyframe_bytes(network: Network, hyper: HyperParameters, m: int) -> int:
    """The bytes of one keyframe of this run: its parameters and its mini-batch order."""
    order = 0 if hyper.batch_size is None or hyper.batch_size >= m else (624 + 2) * 4
    return 8 * sum(n * (p + 1) for p, n in zip(network.dims, network.dims[1:])) + order


def trace_bytes(network: Network, hyper: HyperParameters, m: int,
                budget: float = MEMORY_BUDGET) -> int:
    """The bytes of one iteration's trace (its Z[1], compact for a ReLU hidden layer: traces.py)
    when the run keeps them, else 0: when it is small beside a keyframe (a wide first layer,
    whose product with X the trace saves) and the run's traces fit in TRACE_SHARE of
    ``budget``."""
    if not network.L:
        return 0
    size = _one_trace(network, hyper, m)
    small = size <= TRACE_AT_MOST * keyframe_bytes(network, hyper, m)
    return size if small and int(hyper.iterations) * size <= TRACE_SHARE * budget else 0


def _one_trace(network: Network, hyper: HyperParameters, m: int) -> int:
    """The bytes the plan counts for one iteration's trace."""
    batch = m if hyper.batch_size is None else min(int(hyper.batch_size), m)
    return planned_bytes(network.activations[0], network.L > 1, network.dims[1], batch)


def near_budget(budget: float) -> float:
    """What of a run's ``budget`` the iterations near the time cursor may take."""
    return min(NEAR_BYTES, NEAR_SHARE * budget)


class MemoryPlan(NamedTuple):
    """How a run's budget is shared: ``keyframes`` bytes for its keyframes and traces (``trace``
    bytes an iteration, 0: none kept), ``near`` for the iterations kept near the time cursor."""

    keyframes: float
    trace: int
    near: float


def memory_plan(network: Network, hyper: HyperParameters, m: int, budget: float) -> MemoryPlan:
    near = near_budget(budget)
    return MemoryPlan(budget - near, trace_bytes(network, hyper, m, budget - near), near)


def keyframe_interval(iterations: int, keyframe_size: int, seconds_per_iteration: float,
                      budget: float = MEMORY_BUDGET, recompute: float = RECOMPUTE_SECONDS,
                      trace_size: int = 0) -> int:
    """k for a run of ``iterations``: the largest k whose slowest recomputation (k − 1 iterations)
    takes at most ``recompute`` seconds, or, when those keyframes would take more than
    ``budget`` bytes (less the run's traces, ``trace_size`` bytes an iteration), the smallest k
    whose keyframes fit."""
    # keyframes at 0, k, 2k, … and at the end: iterations // k + 2 at the most
    budget = max(budget - iterations * trace_size, 0.0)
    room = max(1, int(budget // keyframe_size) - 2)
    by_memory = iterations // (room + 1) + 1  # the smallest k with iterations // k <= room
    by_time = 1 + int(recompute / seconds_per_iteration) if seconds_per_iteration > 0 else iterations
    return max(by_memory, min(by_time, max(iterations, 1)))


def seconds_per_iteration(network: Network, X: np.ndarray, Y: np.ndarray,
                          hyper: HyperParameters, repeats: int = 3) -> float:
    """How long one iteration of this run takes in this process (the median of a few, on a copy
    of the network): what a recomputation here costs an iteration."""
    X, Y = training_arrays(network, X, Y)
    net = network.copy()
    steps = gradient_descent(net, Batches(X, Y, hyper.batch_size, hyper.shuffle_seed),
                             hyper.learning_rate, hyper.l2)
    times = []
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _ in range(repeats):
            t = time.perf_counter()
            next(steps)
            times.append(time.perf_counter() - t)
    return statistics.median(times)


@dataclass(frozen=True)
class StartingPoint:
    """Where a run starts: its parameters, its settings, its iteration number (a fork or a
    continuation counts on from the iteration it starts at) and its mini-batch order (None: fresh
    from hyper.shuffle_seed)."""

    network: Network
    hyper: HyperParameters
    iteration: int = 0
    shuffle: np.ndarray | None = None

    def trainer(self, X: np.ndarray, Y: np.ndarray, **options: Unpack[RunOptions]) -> Trainer:
        """A Trainer for this run, on a copy of the starting network."""
        return Trainer(self.network.copy(), X, Y, self.hyper, first_iteration=self.iteration,
                       shuffle_state=self.shuffle, **options)


class _Recomputed(NamedTuple):
    """The network as iteration ``iteration`` starts, and the batch order that goes on from it."""

    iteration: int
    network: Network
    batches: Batches


class Timeline:
    """One run's parameters at every iteration from ``start.iteration`` to ``end``.

    The Trainer records the keyframes (``keyframe_every=timeline.every``); ``add`` takes each of
    its records. ``network_at(i)`` may be called from another thread than ``add``.
    """

    def __init__(self, start: StartingPoint, X: np.ndarray, Y: np.ndarray, every: int,
                 near_bytes: float = NEAR_BYTES, traced_until: int | None = None):
        self.start = start
        self.X, self.Y = training_arrays(start.network, X, Y)
        self.every = int(every)
        self.first = self.end = start.iteration
        self._planned = start.iteration + int(start.hyper.iterations)  # where the run ends
        # where the traces the memory plan counted end: a saved run recomputed ends where it
        # stopped, maybe before its plan (recompute)
        self._traced_until = traced_until
        self._segment = start.iteration  # where the trainer whose records come next started
        self._keyframes: dict[int, Keyframe] = {}
        self._at: list[int] = []  # their iterations, in order
        self._traces = Traces()  # what iteration i's Z[1] is kept as, when it is
        # what one trace may take on average (the run's memory plan counted it so): an iteration
        # whose trace would take the run's traces beyond it is recomputed whole
        self._trace_size = _one_trace(start.network, start.hyper, self.X.shape[1])
        self.near_bytes = near_bytes  # what the iterations kept near the cursor may take
        self._cursor: _Recomputed | None = None  # the latest recomputation
        # iterations recomputed near the cursor (``_center``), kept as keyframes are: the ones a
        # jump passed through on its way, and the ones prefetch_step() added
        self._near: dict[int, Keyframe] = {}
        self._center: int | None = None
        self._walk: _Recomputed | None = None  # prefetch_step()'s, between two of its steps
        self.recomputed = 0  # iterations recomputed so far (tests: what the near ones saved)
        # the run's BLAS thread counts on which one thread was found to give the same bits
        # (True) or not (False), and the check under way (prefetch_step): recomputing runs on
        # one thread where it does
        self.one_thread: dict[int, bool] = {}
        self._trial: tuple[int, _Recomputed, bool] | None = None
        # the check passed through an iteration without its trace, so W[1]·X on one thread too
        self.one_thread_without_traces: dict[int, bool] = {}
        self._lock = threading.Lock()
        s = start.network  # usable before the first record, which brings the same keyframe
        batches = Batches(self.X, self.Y, start.hyper.batch_size, start.hyper.shuffle_seed,
                          start.shuffle)
        self._keyframes[self.first] = Keyframe(self.first, tuple(W.copy() for W in s.weights),
                                               tuple(b.copy() for b in s.biases), batches.state(),
                                               blas.threads())
        self._at.append(self.first)

    @property
    def hyper(self) -> HyperParameters:
        return self.start.hyper

    @property
    def nbytes(self) -> int:
        """The memory the run keeps: its keyframes, its traces and the iterations kept near the
        time cursor."""
        return (sum(k.nbytes for k in list(self._keyframes.values()))
                + self.trace_nbytes + self.near_nbytes)

    @property
    def trace_nbytes(self) -> int:
        return self._traces.nbytes

    @property
    def trace_room(self) -> int:
        """The bytes the run's traces may take: what its memory plan counted for them."""
        until = self._planned if self._traced_until is None else self._traced_until
        return (until - self.first) * self._trace_size

    @property
    def traced(self) -> list[int]:
        """The iterations whose Z[1] is kept: recomputing them skips W[1]·X."""
        return sorted(self._traces)

    @property
    def start_keyframe(self) -> Keyframe:
        """The keyframe the run started from (its first record's: the BLAS threads it ran on)."""
        with self._lock:
            return self._keyframes[self.first]

    @property
    def keyframes(self) -> list[int]:
        """The iterations kept as keyframes."""
        return list(self._at)

    def copy(self) -> "Timeline":
        """The same timeline, sharing its keyframes (they never change): an undo step's."""
        with self._lock:
            other = copy.copy(self)
            other._keyframes, other._at = dict(self._keyframes), list(self._at)
            other._traces = Traces(self._traces)
            other.one_thread = dict(self.one_thread)
            other.one_thread_without_traces = dict(self.one_thread_without_traces)
        other._cursor, other._lock = None, threading.Lock()
        other._near, other._center, other._walk, other._trial = {}, None, None, None
        return other

    def add(self, record: Progress) -> None:
        """A record of the trainer that trains this run: its keyframes, and how far it got (a
        diverged run only as far as the parameters it went back to)."""
        with self._lock:
            for k in record.keyframes:
                if k.iteration not in self._keyframes:
                    bisect.insort(self._at, k.iteration)
                self._keyframes[k.iteration] = k
            taken, room = self.trace_nbytes, self.trace_room
            net = self.start.network
            for _, z in record.traces:
                z.flags.writeable = False  # (shared by every recomputation of its iteration)
            compacted = compact_all([z for _, z in record.traces], net.activations[0], net.L > 1)
            for (j, _), trace in zip(record.traces, compacted):
                if taken + trace.nbytes <= room:
                    self._traces[j], taken = trace, taken + trace.nbytes
            kept = record.kept if record.state is ProgressState.DIVERGED else None
            self.end = self._segment + (record.done if kept is None else kept)
            if kept is not None:  # the iterations gone back over need none
                for j in [j for j in self._traces if j >= self.end]:
                    del self._traces[j]

    def network_at(self, i: int) -> Network:
        """The network after iteration i − 1 of the run (i = first: as it started), bit for bit
        the parameters the run had then."""
        with self._lock:
            return self._state_at(i).network.copy()

    def _state_at(self, i: int) -> _Recomputed:
        if not self.first <= i <= self.end:
            raise NetworkError(QT_TRANSLATE_NOOP("core", "iteration {i} is not part of this run "
                                                 "(iterations {first} to {end})"),
                               i=i, first=self.first, end=self.end)
        key = self._keyframes[self._at[bisect.bisect_right(self._at, i) - 1]]
        self._look_around(i)
        start = self._nearest_below(i + 1, key)
        # the latest recomputation, or prefetch_step()'s walk (a drag back overtakes it), when
        # it stands between the state kept before i and i: it goes on from there
        walk = self._walk
        if walk is not None and start.iteration <= walk.iteration <= i and (
                self._cursor is None or not walk.iteration <= self._cursor.iteration <= i):
            self._cursor, self._walk = walk, None  # (advanced in place: the walk is used up)
        if self._cursor is not None and start.iteration <= self._cursor.iteration <= i:
            at, net, batches = self._cursor
        else:
            at, net = start.iteration, self._network(start)
            batches = self._batches(start)
        self._cursor = self._advance(_Recomputed(at, net, batches), i, key.blas_threads)
        return self._cursor

    # ----- the iterations near the cursor -------------------------------------------------------

    @property
    def near_reach(self) -> int:
        """How many iterations either side of the cursor are kept once recomputed."""
        size = max(self._keyframes[self.first].nbytes, 1)
        return max(0, min(self.every - 1, NEAR_REACH, int(self.near_bytes // (2 * size))))

    @property
    def near(self) -> list[int]:
        """The iterations kept near the cursor, in order."""
        with self._lock:
            return sorted(self._near)

    @property
    def near_nbytes(self) -> int:
        return sum(k.nbytes for k in list(self._near.values()))

    def forget_near(self) -> None:
        """The cursor went back to now: what was recomputed near it goes."""
        with self._lock:
            self._near.clear()
            self._cursor = self._walk = self._center = None

    def ready(self, i: int) -> bool:
        """Iteration i's parameters are kept (network_at(i) recomputes nothing)."""
        with self._lock:
            cursor = self._cursor
            return i in self._near or i in self._keyframes or (
                cursor is not None and cursor.iteration == i)

    def prefetch_step(self, center: int) -> bool:
        """Recompute one iteration near ``center`` (the cursor) that is not kept yet, the
        nearest first, and keep it: a later move there shows it at once. False when every
        iteration within ``near_reach`` is kept (or nothing is left to do). Each call costs one
        iteration, so a window calls it while it idles and stays responsive. Once ``center``
        is kept, the first calls on a run check one BLAS thread first (``one_thread``)."""
        with self._lock:
            if not self.first <= center <= self.end:
                return False
            cursor = self._cursor
            shown = center in self._near or center in self._keyframes or (
                cursor is not None and cursor.iteration == center)
            if shown and self._check_one_thread():  # (a move waits for nothing of it)
                return True
            self._look_around(center)
            reach = self.near_reach
            wanted = sorted(range(max(self.first, center - reach), min(self.end, center + reach) + 1),
                            key=lambda j: (abs(j - center), j))
            target = next((j for j in wanted if j not in self._near and j not in self._keyframes),
                          None)
            if target is None:
                self._walk = None
                return False
            key = self._keyframes[self._at[bisect.bisect_right(self._at, target) - 1]]
            start = self._nearest_below(target, key)
            walk = self._walk
            if walk is None or not start.iteration <= walk.iteration < target:
                walk = _Recomputed(start.iteration, self._network(start), self._batches(start))
            self._walk = self._advance(walk, walk.iteration + 1, key.blas_threads)
            return True

    def _check_one_thread(self) -> bool:
        """One iteration of the check whether one BLAS thread recomputes the run's bits: from
        a keyframe to the next on one thread, compared bit for bit with it (False: nothing to
        check). OpenBLAS may compute a product's rows at a split between threads otherwise
        (blas.py); the cat net's dZ[1]·Xᵀ on two threads with the other core busy took 2.4×
        as long as on one. Only full-batch runs: a mini-batch run's epoch ends in a batch of
        another size, whose products the check may not pass through."""
        if self._trial is None:
            batch = self.hyper.batch_size
            if batch is not None and batch < self.X.shape[1]:
                return False
            keys = [self._keyframes[j] for j in self._at]
            pair = next(((a, b) for a, b in zip(keys, keys[1:])
                         if a.blas_threads == b.blas_threads > 1
                         and a.blas_threads not in self.one_thread), None)
            if pair is None:
                return False
            self._trial = (pair[1].iteration, _Recomputed(pair[0].iteration,
                                                          self._network(pair[0]),
                                                          self._batches(pair[0])), False)
        target, state, untraced = self._trial
        untraced = untraced or state.iteration not in self._traces
        threads = self._keyframes[self._at[bisect.bisect_right(self._at, state.iteration) - 1]
                                  ].blas_threads
        state = self._advance(state, state.iteration + 1, threads, on=1, keep=False)
        key = self._keyframes.get(target)
        if key is None or key.blas_threads != threads:  # (a continuation forgot it meanwhile)
            self._trial = None
        elif state.iteration < target:
            self._trial = (target, state, untraced)
        else:
            net = state.network
            self.one_thread[threads] = all(
                np.array_equal(got.view(np.uint8), kept.view(np.uint8))
                for got, kept in zip(net.weights + net.biases, key.weights + key.biases))
            self.one_thread_without_traces[threads] = untraced
            self._trial = None
        return True

    def _look_around(self, center: int) -> None:
        """The cursor is at ``center``: what is kept farther than near_reach goes as soon as
        something nearer is kept."""
        self._center = center

    def _nearest_below(self, i: int, key: Keyframe) -> Keyframe:
        """The latest state kept before iteration ``i`` from ``key`` (a keyframe) on."""
        kept = [j for j in self._near if key.iteration <= j < i]
        return self._near[max(kept)] if kept else key

    def _batches(self, state: Keyframe) -> Batches:
        return Batches(self.X, self.Y, self.hyper.batch_size, self.hyper.shuffle_seed, state.shuffle)

    def _advance(self, state: _Recomputed, i: int, blas_threads: int, on: int | None = None,
                 keep: bool = True) -> _Recomputed:
        """``state`` trained on to iteration ``i`` (in place), on the run's BLAS threads (or on
        one where it gives the same bits: ``one_thread``; ``on``: that many); with ``keep``
        each iteration passed within near_reach of the cursor kept."""
        at, net, batches = state
        now = [at]  # the iteration the next step recomputes: its trace, when kept
        steps = gradient_descent(net, batches, self.hyper.learning_rate, self.hyper.l2,
                                 given_first_z=lambda: first_z(self._traces.get(now[0])))
        reach, center = self.near_reach, self._center if keep else None
        # one thread only where the check covered it: an iteration without its trace computes
        # W[1]·X, which a check that passed only through traced iterations did not
        one = on is None and self.one_thread.get(blas_threads, False)
        whole = one and self.one_thread_without_traces.get(blas_threads, False)
        limit, threads = contextlib.ExitStack(), None
        with limit, np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            while at < i:
                wanted = on if on is not None else (
                    1 if one and (whole or at in self._traces) else blas_threads)
                if wanted != threads:
                    limit.close()
                    limit.enter_context(blas.exactly(wanted))
                    threads = wanted
                now[0] = at
                next(steps)
                at += 1
                self.recomputed += 1
                if (center is not None and abs(at - center) <= reach
                        and at not in self._keyframes):
                    for j in [j for j in self._near if abs(j - center) > reach]:
                        del self._near[j]
                    self._near[at] = Keyframe(at, tuple(W.copy() for W in net.weights),
                                              tuple(b.copy() for b in net.biases),
                                              batches.state(), blas_threads)
        return _Recomputed(at, net, batches)

    def _network(self, key: Keyframe) -> Network:
        s = self.start.network
        return Network(s.dims, s.activations, [W.copy() for W in key.weights],
                       [b.copy() for b in key.biases], loss=s.loss, init=s.init, seed=s.seed,
                       iterations_trained=s.iterations_trained + key.iteration - self.first,
                       precision=s.precision)

    def fork(self, i: int, iterations: int | None = None, **changes: object) -> StartingPoint:
        """A new run from the parameters at iteration i with some settings changed: any of
        HyperParameters' fields, and the network's activations, loss and precision; from the
        run's first iteration also its layer sizes (dims), initialiser and seed, which then draw
        fresh weights (new layer sizes without new activations: ReLU hidden layers and a sigmoid
        output). An unchanged mini-batch order goes on where it stood at i. It trains up to
        where this run was to end, unless ``iterations`` says otherwise."""
        hyper_fields = set(HyperParameters.__dataclass_fields__)
        unknown = set(changes) - hyper_fields - set(_NETWORK_SETTINGS)
        if unknown:
            raise TypeError(f"fork() got unknown settings {sorted(unknown)}")
        # checked as HyperParameters.validate and Network.create check every setting
        hyper_changes: dict[str, Any] = {k: v for k, v in changes.items() if k in hyper_fields}
        hyper = replace(self.hyper, **hyper_changes)
        rest = self._planned - i
        hyper = replace(hyper, iterations=iterations or (rest if rest > 0 else self.hyper.iterations))
        s = self.start.network
        settings = {name: getattr(s, name) for name in _NETWORK_SETTINGS}
        new: dict[str, Any] = {**settings,
                               **{k: changes[k] for k in _NETWORK_SETTINGS if k in changes}}
        new["dims"] = tuple(int(n) for n in new["dims"])
        if new["dims"] != s.dims and "activations" not in changes:
            new["activations"] = default_activations(new["dims"])
        new["activations"] = tuple(new["activations"])
        redrawn = [name for name in _FIXED_AFTER_START if new[name] != settings[name]]
        with self._lock:
            if redrawn and i != self.first:
                raise NetworkError(QT_TRANSLATE_NOOP(
                    "core", "a fork from iteration {i} keeps the weights trained until then, so "
                    "it cannot change {what}; fork from iteration {first} for that"),
                    i=i, what=", ".join(redrawn), first=self.first)
            if redrawn:
                network, shuffle = Network.create(**new), None
            else:
                state = self._state_at(i)
                at = state.network
                network = Network(at.dims, new["activations"], [W.copy() for W in at.weights],
                                  [b.copy() for b in at.biases], loss=new["loss"], init=at.init,
                                  seed=at.seed, iterations_trained=at.iterations_trained,
                                  precision=new["precision"])
                same_order = (hyper.batch_size, hyper.shuffle_seed) == (
                    self.hyper.batch_size, self.hyper.shuffle_seed)
                shuffle = state.batches.state() if same_order else None
        hyper.validate(self.X.shape[1])
        return StartingPoint(network, hyper, i, shuffle)

    def continue_from(self, i: int, iterations: int | None = None) -> StartingPoint:
        """Forget the iterations after i and go on from there with the same settings (for
        ``iterations``, or up to where the run was to end). The trainer's records come to
        ``add`` as before."""
        point = self.fork(i, iterations)
        with self._lock:
            for at in self._at[bisect.bisect_right(self._at, i):]:
                del self._keyframes[at]
            del self._at[bisect.bisect_right(self._at, i):]
            if self._cursor is not None and self._cursor.iteration > i:
                self._cursor = None
            for j in [j for j in self._near if j > i]:
                del self._near[j]
            for j in [j for j in self._traces if j >= i]:
                del self._traces[j]
            self._walk = self._trial = None
            self.end = self._segment = i
            self._planned = i + point.hyper.iterations
            self._traced_until = None
        return point


def _at_once(network: Network, m: int, every: int) -> int:
    """Iterations recomputed at a time: about RECOMPUTED_AT_ONCE multiply-adds (forward and
    backward: three passes of every sample), one at least, a keyframe's interval at most."""
    return max(1, min(every, int(RECOMPUTED_AT_ONCE // (3 * m * network.weight_count))))


def recompute(start: StartingPoint, last: int, every: int, blas_threads: int, X: np.ndarray,
              Y: np.ndarray, progress: Callable[[int, int], None] | None = None,
              trace: bool = False, near_bytes: float = NEAR_BYTES) -> tuple[Timeline, np.ndarray]:
    """A run's timeline again from its start (a session file keeps only that): its iterations
    ``start.iteration`` … ``last`` trained once more on the BLAS threads it ran on, the same bits,
    with a keyframe every ``every`` (and each one's trace with ``trace``); and the costs they
    computed (to compare with the record). ``progress(done, total)`` between iterations (it may
    raise to stop)."""
    timeline = Timeline(start, X, Y, every, near_bytes, traced_until=last)
    total = last - start.iteration
    # a few iterations at a time on the run's threads (blas.exactly): a move of the time cursor
    # on the GUI thread, on its own run's threads, waits for no more than those
    with blas.exactly(blas_threads):
        trainer = Trainer(start.network.copy(), X, Y, replace(start.hyper, iterations=total),
                          report_every=_at_once(start.network, X.shape[1], every),
                          keyframe_every=every, first_iteration=start.iteration,
                          shuffle_state=start.shuffle, trace_first_layer=trace)
    records = trainer.run()
    while True:
        with blas.exactly(blas_threads):
            record = next(records, None)
        if record is None:
            break
        timeline.add(record)
        if progress is not None:
            progress(record.done, total)
    return timeline, trainer.costs[:trainer.done]
