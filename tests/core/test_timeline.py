"""A run's timeline: any iteration's parameters recomputed from keyframes, bit for bit; forks."""

from __future__ import annotations

import math
import multiprocessing as mp
import queue
import threading
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.core import array_pipe, blas, training_process
from bpstudio.core.datasets import builtin_dataset
from bpstudio.core.network import Network, NetworkError
from bpstudio.core import equations
from bpstudio.core.timeline import (MEMORY_BUDGET, RECOMPUTE_SECONDS, StartingPoint, Timeline,
                                    keyframe_bytes, keyframe_interval, memory_plan, recompute,
                                    trace_bytes)
from bpstudio.core.trainer import HyperParameters, Trainer

CAT = [12288, 20, 7, 5, 1]


@pytest.fixture(scope="module")
def circle():
    ds = builtin_dataset("circle")
    return ds.X_train, ds.Y_train


def plain_run(network, X, Y, hyper):
    """The parameters after every iteration of an ordinary run (a record after each one),
    index i: after i iterations."""
    states = [(tuple(W.copy() for W in network.weights), tuple(b.copy() for b in network.biases))]
    for p in Trainer(network.copy(), X, Y, hyper, report_every=1).run():
        states.append((p.weights, p.biases))
    return states


def recorded(start, X, Y, every, **options):
    """A run trained with keyframes every ``every`` iterations, its records fed to a timeline."""
    timeline = Timeline(start, X, Y, every)
    trainer = start.trainer(X, Y, keyframe_every=every, **options)
    for p in trainer.run():
        timeline.add(p)
    return timeline, trainer


def assert_same(network, state):
    for got, expected in zip(network.weights + network.biases, state[0] + state[1]):
        np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("batch_size", [None, 64, 7])
def test_every_iteration_is_recomputed_bit_for_bit(circle, batch_size):
    X, Y = circle
    hyper = HyperParameters(0.5, 45, batch_size=batch_size, shuffle_seed=3)
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), hyper)
    timeline, _ = recorded(start, X, Y, every=10)
    assert timeline.keyframes == [0, 10, 20, 30, 40, 45] and timeline.end == 45
    states = plain_run(start.network, X, Y, hyper)
    for i in [45, 3, 0, 10, 9, 11, 44, 20, 19, 27, 28, 33, 1]:  # back and forth, as a scrub goes
        net = timeline.network_at(i)
        assert_same(net, states[i])
        assert net.iterations_trained == i


@pytest.mark.parametrize("batch_size", [None, 50])
def test_the_cat_run_is_recomputed_bit_for_bit_and_on_its_own_blas_threads(cat_data, batch_size):
    """The run trains on two BLAS threads, the window recomputes on one: OpenBLAS gives other
    last bits on another number of threads, so the timeline recomputes on the run's."""
    X, _ = cat_data.inputs("float64")
    hyper = HyperParameters(0.0075, 36, batch_size=batch_size)
    start = StartingPoint(Network.create(CAT), hyper)
    with blas.limited(2):
        timeline, _ = recorded(start, X, cat_data.Y_train, every=17)
        states = plain_run(start.network, X, cat_data.Y_train, hyper)
    with blas.limited(1):
        for i in (0, 16, 17, 18, 35, 36):
            assert_same(timeline.network_at(i), states[i])


def test_keyframes_are_plain_arrays_that_cross_the_process_pipe(circle):
    """The child's records, pickled through a pipe as the app's are, fill a timeline that
    recomputes the run; thinning parameter snapshots for the pipe keeps every keyframe."""
    X, Y = circle
    hyper = HyperParameters(0.5, 30, batch_size=16)
    start = StartingPoint(Network.create([2, 6, 1]), hyper)
    commands_read, _ = mp.Pipe(duplex=False)
    results_read, results_write = mp.Pipe(duplex=False)
    reports: queue.SimpleQueue = queue.SimpleQueue()
    reader = threading.Thread(target=training_process.receive,
                              args=(array_pipe.Reader(results_read), reports, lambda: None))
    reader.start()
    training_process.serve(commands_read, results_write, start.network.copy(), X, Y, hyper,
                           dict(report_every=4, keyframe_every=8, trace_first_layer=True),
                           blas_threads=1)
    reader.join(30)
    timeline = Timeline(start, X, Y, 8)
    records = []
    while not reports.empty():
        report = reports.get()
        if isinstance(report, training_process.Progressed):
            records.append(report.record)
            timeline.add(report.record)
    assert timeline.keyframes == [0, 8, 16, 24, 30]
    k = next(f for r in records[1:] for f in r.keyframes)  # one after the start's
    assert isinstance(k.weights[0], np.ndarray) and k.shuffle.dtype == np.uint32
    assert k.blas_threads == 1
    assert timeline.traced == list(range(30))  # each iteration's Z[1], through the pipe too
    states = plain_run(start.network, X, Y, hyper)
    for i in (30, 13, 29):
        assert_same(timeline.network_at(i), states[i])


def test_a_diverged_run_keeps_no_keyframe_after_the_parameters_it_went_back_to(circle):
    X, Y = circle
    start = StartingPoint(Network.create([2, 8, 1], ["linear", "linear"], loss="mse"),
                          HyperParameters(9.0, 200))
    timeline, trainer = recorded(start, X * 50, Y, every=2, report_every=5)
    last_kept = trainer.network.iterations_trained
    assert timeline.end == last_kept < 200 and max(timeline.keyframes) <= last_kept
    net = timeline.network_at(last_kept)
    assert all(np.isfinite(W).all() for W in net.weights)
    assert_same(net, (trainer.network.weights, trainer.network.biases))


def test_memory_and_k_are_shown(circle):
    X, Y = circle
    hyper = HyperParameters(0.5, 20, batch_size=50)
    net = Network.create([2, 8, 1])
    timeline, _ = recorded(StartingPoint(net, hyper), X, Y, every=5)
    assert timeline.every == 5 and timeline.keyframes == [0, 5, 10, 15, 20]
    # W[1] 8×2, b[1] 8×1, W[2] 1×8, b[2] 1×1 in float64, and the mini-batch order's 626 uint32
    assert keyframe_bytes(net, hyper, 200) == 8 * (16 + 8 + 8 + 1) + 4 * 626
    assert timeline.nbytes == 5 * keyframe_bytes(net, hyper, 200)


@pytest.mark.parametrize("iterations,size,seconds", [
    (2500, keyframe_bytes(Network.create(CAT), HyperParameters(), 209), 0.009),  # the cat run
    (2500, keyframe_bytes(Network.create(CAT), HyperParameters(), 209), 0.001),
    (2500, 500, 1e-4), (10_000_000, 500, 1e-4), (100, 50e6, 0.2), (1, 300, 1.0)])
def test_k_keeps_the_budget_and_recomputes_in_time_when_the_budget_allows(iterations, size, seconds):
    k = keyframe_interval(iterations, size, seconds)
    keyframes = lambda k: iterations // k + 2  # noqa: E731 - 0, k, 2k, … and the end
    if keyframes(k) * size <= MEMORY_BUDGET:
        if k > 1 and (k - 1) * seconds > RECOMPUTE_SECONDS:  # too slow: only because it must
            assert keyframes(k - 1) * size > MEMORY_BUDGET
        elif k < iterations:  # no larger k also recomputes in time: memory is not wasted
            assert k * seconds > RECOMPUTE_SECONDS
    else:  # more than the budget only where even two keyframes, first and last, do not fit
        assert k == iterations and 3 * size > MEMORY_BUDGET


def test_the_cat_run_keeps_at_most_300_mb_and_recomputes_within_a_tenth_of_a_second():
    """At 9 ms an iteration (one BLAS thread, as in the window) the budget decides: k = 17."""
    size = keyframe_bytes(Network.create(CAT), HyperParameters(), 209)
    k = keyframe_interval(2500, size, 0.009)
    assert (2500 // k + 2) * size <= 300e6 and (k - 1) * 0.009 <= 0.2
    assert k == 17


def test_a_fork_from_the_start_with_another_learning_rate_is_a_fresh_run_with_it(circle):
    X, Y = circle
    for batch_size in (None, 32):
        hyper = HyperParameters(0.5, 30, batch_size=batch_size)
        timeline, _ = recorded(StartingPoint(Network.create([2, 8, 1]), hyper), X, Y, every=10)
        point = timeline.fork(0, learning_rate=0.1)
        assert point.iteration == 0 and point.hyper.iterations == 30
        forked = point.trainer(X, Y)
        list(forked.run())
        fresh = Trainer(Network.create([2, 8, 1]), X, Y, replace(hyper, learning_rate=0.1))
        list(fresh.run())
        np.testing.assert_array_equal(forked.costs, fresh.costs)
        assert_same(forked.network, (fresh.network.weights, fresh.network.biases))


def test_a_fork_from_the_start_may_change_the_architecture_and_the_initialiser(circle):
    X, Y = circle
    timeline, _ = recorded(StartingPoint(Network.create([2, 8, 1]), HyperParameters(0.5, 10)),
                           X, Y, every=5)
    point = timeline.fork(0, dims=[2, 5, 3, 1], init="he", seed=4)
    expected = Network.create([2, 5, 3, 1], init="he", seed=4)
    assert point.network.activations == ("relu", "relu", "sigmoid")
    assert_same(point.network, (expected.weights, expected.biases))


def test_a_fork_from_a_later_iteration_keeps_its_weights_and_changes_the_rest(circle):
    X, Y = circle
    hyper = HyperParameters(0.5, 30)
    start = StartingPoint(Network.create([2, 8, 1]), hyper)
    timeline, _ = recorded(start, X, Y, every=10)
    point = timeline.fork(13, learning_rate=0.1, activations=("tanh", "sigmoid"))
    # independently: 13 iterations of the original, then a new trainer with the new settings
    original = start.network.copy()
    list(Trainer(original, X, Y, replace(hyper, iterations=13)).run())
    changed = Network(original.dims, ("tanh", "sigmoid"), original.weights, original.biases,
                      iterations_trained=13)
    list(Trainer(changed, X, Y, replace(hyper, learning_rate=0.1, iterations=17)).run())
    assert point.iteration == 13 and point.hyper.iterations == 17  # to where the run was to end
    forked = point.trainer(X, Y)
    list(forked.run())
    assert_same(forked.network, (changed.weights, changed.biases))
    with pytest.raises(NetworkError, match="a fork from iteration 13 keeps the weights trained "
                                           "until then, so it cannot change dims, init"):
        timeline.fork(13, dims=[2, 9, 1], init="he")


def test_continuing_from_an_iteration_forgets_the_later_ones_and_retrains_them_exactly(circle):
    """Mini-batches: the continuation goes on with the order where it stood, so retraining the
    forgotten iterations gives the original run back."""
    X, Y = circle
    hyper = HyperParameters(0.5, 40, batch_size=24, shuffle_seed=5)
    start = StartingPoint(Network.create([2, 8, 1]), hyper)
    timeline, original = recorded(start, X, Y, every=10)
    undo = timeline.copy()
    point = timeline.continue_from(23)
    assert timeline.end == 23 and timeline.keyframes == [0, 10, 20]
    with pytest.raises(NetworkError, match="iteration 24 is not part of this run"):
        timeline.network_at(24)
    assert point.hyper.iterations == 17
    again = point.trainer(X, Y, keyframe_every=10)
    for p in again.run():
        timeline.add(p)
    assert timeline.end == 40 and timeline.keyframes == [0, 10, 20, 23, 33, 40]
    np.testing.assert_array_equal(again.costs, original.costs[23:])
    assert_same(again.network, (original.network.weights, original.network.biases))
    states = plain_run(start.network, X, Y, hyper)
    for i in (31, 38, 22):
        assert_same(timeline.network_at(i), states[i])
    assert undo.end == 40 and undo.keyframes == [0, 10, 20, 30, 40]  # the undo step kept them


@pytest.mark.parametrize("batch_size", [None, 7])
def test_the_iterations_near_the_cursor_are_kept_and_prefetched_bit_for_bit(circle, batch_size):
    """A jump keeps the iterations it passed near its target; prefetch_step() adds the others
    within near_reach, one iteration a call; a move there recomputes nothing, and shows the
    run's own parameters."""
    X, Y = circle
    hyper = HyperParameters(0.5, 60, batch_size=batch_size, shuffle_seed=3)
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), hyper)
    timeline, _ = recorded(start, X, Y, every=10)
    states = plain_run(start.network, X, Y, hyper)
    reach = timeline.near_reach
    assert reach == 9  # every − 1: the keyframe interval either side (a small network)
    assert_same(timeline.network_at(27), states[27])
    assert timeline.near == [21, 22, 23, 24, 25, 26, 27]  # passed on the way from keyframe 20
    before = timeline.recomputed
    calls = 0
    while timeline.prefetch_step(27):
        calls += 1
        assert timeline.recomputed == before + calls  # one iteration a call
    expected = [i for i in range(27 - reach, 27 + reach + 1) if i not in timeline.keyframes]
    assert timeline.near == expected
    done = timeline.recomputed
    for i in [28, 30, 33, 36]:  # a drag on from the cursor
        assert_same(timeline.network_at(i), states[i])
    assert timeline.recomputed == done  # every one of them was kept
    while timeline.prefetch_step(36):  # the cursor rests at 36: what is near it now
        pass
    for i in [35, 31, 27]:  # and a drag back
        assert_same(timeline.network_at(i), states[i])
    assert timeline.recomputed > done and timeline.recomputed == (
        done + len([i for i in range(37, 46) if i not in timeline.keyframes]))
    assert_same(timeline.network_at(55), states[55])  # a jump far away: the far ones go
    assert all(abs(i - 55) <= reach for i in timeline.near)
    point = timeline.continue_from(52)  # a continuation forgets the later ones
    assert all(i <= 52 for i in timeline.near)
    assert point.iteration == 52


def test_near_reach_is_bounded_by_memory():
    X = np.zeros((12288, 3))
    Y = np.zeros((1, 3))
    hyper = HyperParameters(0.0075, 2500)
    start = StartingPoint(Network.create(CAT, seed=1), hyper)
    timeline = Timeline(start, X, Y, every=17)
    size = keyframe_bytes(start.network, hyper, 3)
    assert timeline.near_reach == min(16, int(64e6 // (2 * size)))
    assert timeline.near_reach * 2 * size <= 64e6


def first_products(monkeypatch, width):
    """A list that counts the products W[1]·X of a first layer ``width`` inputs wide."""
    calls = []
    original = equations.weighted_input

    def counted(W, A_prev, b, float32=False):
        if W.shape[1] == width:
            calls.append(W.shape)
        return original(W, A_prev, b, float32)

    monkeypatch.setattr(equations, "weighted_input", counted)
    return calls


@pytest.mark.parametrize("batch_size,precision,first,l2", [
    (None, "float64", "relu", 0.0), (50, "float64", "relu", 0.0), (None, "float32", "relu", 0.0),
    (None, "float64", "relu", 0.7), (None, "float64", "leaky_relu", 0.0),
    (50, "float64", "tanh", 0.7)])
def test_a_traced_cat_run_is_recomputed_bit_for_bit_without_the_first_layers_product(
        cat_data, monkeypatch, batch_size, precision, first, l2):
    """With its traces (each iteration's Z[1]) a jump recomputes no W[1]·X, and every iteration
    is still the run's, bit for bit, on the run's two BLAS threads. A ReLU first layer's trace
    keeps Z[1]'s positive numbers and a bit a number for where they stand (traces.py), and
    counts those bytes; another activation's keeps Z[1] whole."""
    X, _ = cat_data.inputs(precision)
    hyper = HyperParameters(0.0075, 36, batch_size=batch_size, l2=l2)
    net = Network.create(CAT, activations=(first, "relu", "relu", "sigmoid"), precision=precision)
    start = StartingPoint(net, hyper)
    with blas.limited(2):
        timeline, _ = recorded(start, X, cat_data.Y_train, every=17, report_every=5,
                               trace_first_layer=True)
        states = plain_run(start.network, X, cat_data.Y_train, hyper)
    assert timeline.traced == list(range(36))
    # 20 numbers a sample of the batch (the epoch's last mini-batch of 50 has 9)
    b = batch_size or 209
    epoch = [min(b, 209 - j) for j in range(0, 209, b)]
    whole = 8 * 20 * sum(epoch[i % len(epoch)] for i in range(36))
    if first != "relu":
        assert timeline.trace_nbytes == whole
    elif batch_size is None:  # Z[1]'s positive numbers, 8 bytes each, and 20 × 209 bits
        positive = sum(int((equations.weighted_input(W[0], X, bias[0], precision == "float32")
                            > 0).sum()) for W, bias in states[:36])
        assert timeline.trace_nbytes == 8 * positive + 36 * 523 < 0.75 * whole
    else:
        assert 36 * 523 < timeline.trace_nbytes < 0.75 * whole
    assert timeline.trace_nbytes <= timeline.trace_room
    products = first_products(monkeypatch, 12288)
    for i in (16, 0, 35, 18, 1, 34):
        assert_same(timeline.network_at(i), states[i])
    assert products == []
    point = timeline.continue_from(20)  # a continuation forgets the later ones' traces
    assert timeline.traced == list(range(20)) and point.iteration == 20


def test_an_iteration_without_its_trace_is_recomputed_whole(circle, monkeypatch):
    X, Y = circle
    hyper = HyperParameters(0.5, 12)
    start = StartingPoint(Network.create([2, 8, 1], seed=3), hyper)
    timeline, _ = recorded(start, X, Y, every=12, trace_first_layer=True)
    states = plain_run(start.network, X, Y, hyper)
    for j in (3, 4):
        del timeline._traces[j]
    products = first_products(monkeypatch, 2)
    assert_same(timeline.network_at(11), states[11])
    assert len(products) == 2  # iterations 3 and 4


def test_a_diverged_run_keeps_no_trace_after_the_parameters_it_went_back_to(circle):
    X, Y = circle
    start = StartingPoint(Network.create([2, 8, 1], ["linear", "linear"], loss="mse"),
                          HyperParameters(9.0, 200))
    timeline, trainer = recorded(start, X * 50, Y, every=2, report_every=5, trace_first_layer=True)
    assert timeline.end < 200 and timeline.traced == list(range(timeline.end))


def test_the_cat_run_shares_its_budget_between_keyframes_traces_and_the_near_iterations():
    """300 MB: a tenth for the iterations near the cursor, the traces of 2,500 iterations
    (84 MB), and keyframes in the rest; a jump recomputes at most k − 1 iterations, each
    without W[1]·X. A small network keeps no traces (its keyframes are cheaper)."""
    net, hyper = Network.create(CAT), HyperParameters(0.0075, 2500)
    plan = memory_plan(net, hyper, 209, 300e6)
    # a ReLU first layer's: its positive numbers (counted as 70 %) and a bit a number
    assert plan.trace == trace_bytes(net, hyper, 209, plan.keyframes) == (
        math.ceil(0.7 * 8 * 20 * 209) + math.ceil(20 * 209 / 8))
    assert plan.near == 30e6
    size = keyframe_bytes(net, hyper, 209)
    k = keyframe_interval(2500, size, 0.009, plan.keyframes, trace_size=plan.trace)
    kept = (2500 // k + 2) * size + 2500 * plan.trace
    assert kept <= plan.keyframes and kept + plan.near <= 300e6
    assert keyframe_interval(2500, size, 0.009, plan.keyframes - size, trace_size=plan.trace) > k
    assert trace_bytes(Network.create([2, 8, 4, 1]), HyperParameters(0.5, 300), 400) == 0
    assert trace_bytes(net, HyperParameters(0.0075, 10**6), 209) == 0  # more than their share


def test_the_iterations_near_the_cursor_count_in_the_memory_kept_and_go_at_now(circle):
    X, Y = circle
    hyper = HyperParameters(0.5, 60)
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), hyper)
    timeline, _ = recorded(start, X, Y, every=10)
    keyframes = timeline.nbytes
    timeline.network_at(27)
    while timeline.prefetch_step(27):
        pass
    assert timeline.near and timeline.nbytes == keyframes + timeline.near_nbytes > keyframes
    timeline.forget_near()
    assert timeline.near == [] and timeline.nbytes == keyframes


def test_a_drag_back_past_the_kept_iterations_goes_on_from_the_prefetch_walk(circle):
    """A drag back outruns prefetch_step()'s walk up from the keyframe: the move goes on from
    where the walk got to, not from the keyframe again, and shows the run's own parameters."""
    X, Y = circle
    hyper = HyperParameters(0.5, 40)
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), hyper)
    size = keyframe_bytes(start.network, hyper, X.shape[1])
    timeline = Timeline(start, X, Y, 20, near_bytes=2 * 3 * size)  # 3 either side
    for p in start.trainer(X, Y, keyframe_every=20).run():
        timeline.add(p)
    states = plain_run(start.network, X, Y, hyper)
    assert timeline.near_reach == 3
    assert_same(timeline.network_at(17), states[17])
    assert timeline.near == [14, 15, 16, 17]
    assert_same(timeline.network_at(15), states[15])  # kept: nothing recomputed
    done = timeline.recomputed
    for _ in range(4):  # the walk toward 12 from keyframe 0, four iterations of it
        assert timeline.prefetch_step(15)
    assert timeline.recomputed == done + 4
    assert_same(timeline.network_at(10), states[10])
    assert timeline.recomputed == done + 10  # 4 → 10 on from the walk, not 0 → 10
    assert_same(timeline.network_at(14), states[14])


def _two_thread_run(circle, batch_size=None, **options):
    X, Y = circle
    hyper = HyperParameters(0.5, 30, batch_size=batch_size, shuffle_seed=3)
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), hyper)
    with blas.limited(2):
        timeline, _ = recorded(start, X, Y, every=10, **options)
        states = plain_run(start.network, X, Y, hyper)
    assert {timeline._keyframes[j].blas_threads for j in timeline.keyframes} == {2}
    return timeline, states


def _threads_used(monkeypatch):
    used = []
    original = blas.limited

    def limited(n):
        used.append(n)
        return original(n)

    monkeypatch.setattr(blas, "limited", limited)
    return used


def test_recomputing_runs_on_one_blas_thread_once_it_gave_a_keyframe_bit_for_bit(
        circle, monkeypatch):
    """A run trained on two BLAS threads: prefetch_step() first recomputes one keyframe from
    the one before on one thread and compares it bit for bit; while they agree, every later
    recomputation runs on one thread (the faster on a busy machine), the run's bits still."""
    timeline, states = _two_thread_run(circle)
    assert timeline.one_thread == {}
    used = _threads_used(monkeypatch)
    assert_same(timeline.network_at(7), states[7])
    assert used == [2]  # not checked yet: the run's
    steps = 0
    while timeline.one_thread == {}:
        assert timeline.prefetch_step(7)
        steps += 1
    assert steps == 10  # keyframe 0 → keyframe 10, one iteration a call
    assert timeline.one_thread == {2: True}  # (a network this small: one thread anyway)
    used.clear()
    for i in (28, 3, 19, 12):
        timeline.forget_near()
        assert_same(timeline.network_at(i), states[i])
    assert used and set(used) == {1}


def test_an_iteration_without_its_trace_is_recomputed_on_the_runs_threads(circle, monkeypatch):
    """The check passes through iterations with their traces, which skip W[1]·X: an iteration
    whose trace was not kept (the budget's room used up) computes W[1]·X, which the check did
    not cover, so it stays on the run's threads."""
    timeline, states = _two_thread_run(circle, trace_first_layer=True)
    assert timeline.traced == list(range(30))
    while timeline.one_thread == {}:
        assert timeline.prefetch_step(7)
    assert timeline.one_thread == {2: True}
    for j in (13, 14):
        del timeline._traces[j]  # the budget's room used up
    used = _threads_used(monkeypatch)
    timeline.forget_near()
    assert_same(timeline.network_at(16), states[16])
    assert used == [1, 2, 1]  # 10–12 on one, 13–14 on the run's two, 15 on one
    timeline.forget_near()
    timeline.one_thread_without_traces[2] = True  # had the check passed through one such
    used.clear()
    assert_same(timeline.network_at(16), states[16])
    assert used == [1]


def test_a_keyframe_one_thread_does_not_give_keeps_the_runs_threads(circle, monkeypatch):
    timeline, states = _two_thread_run(circle)
    W = timeline._keyframes[10].weights[0]
    W.view(np.uint64)[0, 0] ^= 1  # its last bit: what another path of OpenBLAS's kernel gives
    while timeline.one_thread == {}:
        assert timeline.prefetch_step(27)
    assert timeline.one_thread == {2: False}
    used = _threads_used(monkeypatch)
    timeline.forget_near()
    assert_same(timeline.network_at(27), states[27])
    assert set(used) == {2}


def test_a_mini_batch_run_is_not_checked_on_one_thread(circle):
    """The epoch's last mini-batch has another size: its products might take another path."""
    timeline, _ = _two_thread_run(circle, batch_size=7)
    timeline.network_at(27)
    while timeline.prefetch_step(27):
        pass
    assert timeline.one_thread == {}


def test_a_relu_trace_gives_back_the_same_activations_and_slopes_or_stays_whole():
    from bpstudio.core.activations import get_activation
    from bpstudio.core.traces import ReluTrace, compact, first_z

    relu = get_activation("relu")
    z = np.random.default_rng(0).standard_normal((209, 20)).T  # column by column, as the engine's
    trace = compact(z, "relu", hidden=True)
    assert isinstance(trace, ReluTrace) and trace.nbytes < z.nbytes
    back = first_z(trace)
    assert back.flags.f_contiguous and not back.flags.c_contiguous  # the products' layout
    assert np.array_equal(relu.f(back), relu.f(z)) and np.array_equal(
        relu.prime(back, relu.f(back)), relu.prime(z, relu.f(z)))
    w = z.copy(order="F")
    w[3, 5] = np.nan  # σ gives NaN there, not the 0 the trace would give back
    assert compact(w, "relu", hidden=True) is w
    w[3, 5] = -0.0  # σ gives 0 (max(−0, 0) is +0), as the trace does
    assert np.array_equal(relu.f(first_z(compact(w, "relu", hidden=True))).view(np.uint64),
                          relu.f(w).view(np.uint64))
    assert compact(z, "leaky_relu", hidden=True) is z  # its slope needs the negative numbers
    assert compact(z, "relu", hidden=False) is z  # an output layer's Z is read by its loss


def test_traces_beyond_what_the_plan_counted_are_not_kept_and_those_iterations_recompute_whole(
        circle, monkeypatch):
    from bpstudio.core import traces

    X, Y = circle
    hyper = HyperParameters(0.5, 30)
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), hyper)
    monkeypatch.setattr(traces, "RELU_POSITIVE_SHARE", 0.05)  # far fewer than are positive
    timeline, _ = recorded(start, X, Y, every=30, trace_first_layer=True)
    states = plain_run(start.network, X, Y, hyper)
    assert 0 < len(timeline.traced) < 30
    assert timeline.traced == list(range(len(timeline.traced)))  # the first ones, until full
    assert timeline.trace_nbytes <= timeline.trace_room
    products = first_products(monkeypatch, 2)
    assert_same(timeline.network_at(29), states[29])
    assert len(products) == 29 - len(timeline.traced)


def test_the_one_thread_check_waits_until_the_cursors_iteration_is_kept(circle):
    """The window recomputes the cursor's iteration a slice at a time through prefetch_step():
    the check on one thread comes after it, so the first move back waits for nothing of it."""
    timeline, states = _two_thread_run(circle)
    done = timeline.recomputed
    while not timeline.ready(27):
        assert timeline.prefetch_step(27)
    assert timeline.one_thread == {} and timeline.recomputed == done + 7  # 20 → 27 only
    near = timeline.near
    calls = 0
    while timeline.one_thread == {}:  # now the check, before the others near the cursor
        assert timeline.prefetch_step(27)
        calls += 1
    assert calls == 10 and timeline.near == near == list(range(21, 28))
    assert_same(timeline.network_at(27), states[27])


def test_a_saved_run_that_stopped_early_keeps_traces_only_for_the_iterations_it_ran(circle):
    """A saved run is recomputed from its start up to where it stopped; its memory plan counted
    traces for those iterations only, so the room for them ends there too (a run stopped at 12
    of its planned 40 may not keep the traces of 40 iterations)."""
    X, Y = circle
    start = StartingPoint(Network.create([2, 8, 4, 1], seed=2), HyperParameters(0.5, 40))
    one = Timeline(start, X, Y, 5).trace_room / 40  # what the plan counts for one iteration
    timeline, _ = recompute(start, 12, 5, 1, X, Y, trace=True)
    assert timeline.end == 12 and timeline.traced == list(range(12))
    assert timeline.trace_room == 12 * one
    assert timeline.trace_nbytes <= timeline.trace_room
    point = timeline.continue_from(12)  # trained on: the room follows the run's new plan
    assert timeline.trace_room == (12 + point.hyper.iterations) * one
