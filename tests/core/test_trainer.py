from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.core.network import Network, NetworkError
from bpstudio.core.trainer import EXPLODING_FACTOR, HyperParameters, ProgressState, Trainer, accuracy


@pytest.fixture
def blobs():
    rng = np.random.default_rng(0)
    X = np.hstack([rng.normal(-1, 0.5, (3, 40)), rng.normal(1, 0.5, (3, 40))])
    Y = np.hstack([np.zeros((1, 40)), np.ones((1, 40))])
    return X, Y


def test_records_cover_every_iteration_once(blobs):
    X, Y = blobs
    t = Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.5, 250), report_every=100)
    records = list(t.run())
    assert [(r.first, r.done, r.state) for r in records] == [
        (0, 100, ProgressState.RUNNING), (100, 200, ProgressState.RUNNING),
        (200, 250, ProgressState.FINISHED)]
    costs = np.concatenate([r.costs for r in records])
    np.testing.assert_array_equal(costs, t.costs)
    assert costs[-1] < costs[0] / 4


def test_the_cost_of_an_iteration_is_before_its_update(blobs):
    X, Y = blobs
    net = Network.create([3, 2, 1])
    before = net.cost(X, Y)
    t = Trainer(net, X, Y, HyperParameters(0.5, 1))
    list(t.run())
    assert t.costs[0] == before and net.cost(X, Y) < before


def test_grad_norms_per_layer(blobs):
    X, Y = blobs
    net = Network.create([3, 4, 2, 1], ["sigmoid", "sigmoid", "sigmoid"])
    t = Trainer(net, X, Y, HyperParameters(0.1, 3), record_grad_norms=True)
    rec = list(t.run())[-1]
    assert rec.grad_norms.shape == (3, 3)
    first = net.copy()
    # the norms are those of the first iteration's gradients, recomputed here independently
    fresh = Network.create([3, 4, 2, 1], ["sigmoid", "sigmoid", "sigmoid"])
    Zs, As = fresh.forward(X)
    dWs, _ = fresh.gradients(Zs, As, Y)
    np.testing.assert_allclose(rec.grad_norms[0], [np.linalg.norm(d) for d in dWs])
    assert first.dims == (3, 4, 2, 1)


def test_mini_batches_reshuffle_each_epoch_and_are_reproducible(blobs):
    X, Y = blobs
    runs = []
    for _ in range(2):
        net = Network.create([3, 2, 1])
        t = Trainer(net, X, Y, HyperParameters(0.3, 40, batch_size=16, shuffle_seed=7))
        list(t.run())
        runs.append((t.costs.copy(), net.weights[0].copy()))
    np.testing.assert_array_equal(runs[0][0], runs[1][0])
    np.testing.assert_array_equal(runs[0][1], runs[1][1])
    # 80 samples / 16 = 5 batches an epoch; batch costs differ from each other
    assert len(set(np.round(runs[0][0][:5], 12))) == 5


def test_batch_size_equal_to_m_is_the_full_batch(blobs):
    X, Y = blobs
    a, b = Network.create([3, 2, 1]), Network.create([3, 2, 1])
    list(Trainer(a, X, Y, HyperParameters(0.3, 20)).run())
    list(Trainer(b, X, Y, HyperParameters(0.3, 20, batch_size=80)).run())
    np.testing.assert_array_equal(a.weights[0], b.weights[0])


@pytest.mark.parametrize(
    "hyper,words",
    [
        (HyperParameters(0.0, 10), "learning rate must be a number above 0 and at most 10"),
        (HyperParameters(-1.0, 10), "learning rate must be a number above 0"),
        (HyperParameters(float("nan"), 10), "learning rate must be a number above 0"),
        (HyperParameters(1e6, 10), "at most 10, not 1000000"),
        (HyperParameters(0.1, 0), "a whole number from 1 to 10,000,000, not 0"),
        (HyperParameters(0.1, 10**12), "a whole number from 1 to 10,000,000"),  # 8 TB of costs
        (HyperParameters(0.1, 10.5), "a whole number from 1"),
        (HyperParameters(0.1, 10, shuffle_seed=2**32), "a seed must be a whole number from 0 to 4294967295"),
        (HyperParameters(0.1, 10, batch_size=81), "between 1 and the 80"),
        (HyperParameters(0.1, 10, l2=-1), "L2"),
    ],
)
def test_bad_hyper_parameters_are_refused(blobs, hyper, words):
    X, Y = blobs
    with pytest.raises(NetworkError, match=words):
        Trainer(Network.create([3, 2, 1]), X, Y, hyper)


def test_input_size_mismatch_is_refused(blobs):
    X, Y = blobs
    with pytest.raises(NetworkError, match="3 input features but the network's input layer has 5"):
        Trainer(Network.create([5, 1]), X, Y, HyperParameters())


def test_divergence_stops_and_keeps_the_last_good_parameters(blobs):
    X, Y = blobs
    X = X * 50
    net = Network.create([3, 8, 1], ["linear", "linear"], loss="mse")
    t = Trainer(net, X, Y, HyperParameters(5.0, 1000), report_every=1)
    records = list(t.run())
    last = records[-1]
    assert last.state is ProgressState.DIVERGED and "learning rate" in last.message
    assert all(np.all(np.isfinite(W)) for W in net.weights)
    assert np.isfinite(net.cost(X, Y))
    assert last.done < 1000


def test_a_diverged_run_goes_back_to_the_same_good_parameters_whenever_it_reported(blobs):
    """Which parameters a divergence keeps never depends on when the records came (the window
    reports by the clock): the latest checkpoint whose own cost was computed and good."""
    X, Y = blobs
    X = X * 50
    kept = []
    for options in ({"report_every": 1}, {"report_every": 10**9}, {"report_every": 3},
                    {"report_every": 10**9, "report_seconds": 0.0}):
        net = Network.create([3, 8, 1], ["linear", "linear"], loss="mse")
        last = list(Trainer(net, X, Y, HyperParameters(5.0, 1000), **options).run())[-1]
        assert last.state is ProgressState.DIVERGED and last.kept == net.iterations_trained
        assert f"parameters of iteration {last.kept:,} were kept" in last.message
        kept.append((last.kept, [W.copy() for W in net.weights], last.done))
    assert len({k for k, _, _ in kept}) == 1 and len({d for _, _, d in kept}) == 1
    assert all(np.array_equal(a, b) for _, Ws, _ in kept[1:] for a, b in zip(Ws, kept[0][1]))
    k, weights, diverged_at = kept[0]
    assert k < diverged_at
    make = lambda: Network.create([3, 8, 1], ["linear", "linear"], loss="mse")  # noqa: E731
    clean = make()
    for _ in range(k):
        clean.iteration(X, Y, 5.0)
    assert all(np.array_equal(a, b) for a, b in zip(weights, clean.weights))
    # the kept parameters' own cost was computed, and it was good
    assert np.isfinite(clean.cost(X, Y)) and clean.cost(X, Y) <= EXPLODING_FACTOR * make().cost(X, Y)


def test_stop_and_pause_from_another_thread(blobs):
    X, Y = blobs
    t = Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.1, 10**6), report_every=50)
    gen = t.run()
    first = next(gen)
    assert first.state is ProgressState.RUNNING
    t.pause()
    paused = next(gen)
    assert paused.state is ProgressState.PAUSED
    done_at_pause = paused.done
    resumer = threading.Timer(0.05, t.resume)
    resumer.start()
    after = next(gen)  # blocks until resumed
    assert after.state is ProgressState.RUNNING and after.done > done_at_pause
    t.stop()
    assert next(gen).state is ProgressState.STOPPED
    with pytest.raises(StopIteration):
        next(gen)


def test_evaluations_every_k_iterations(blobs):
    X, Y = blobs
    t = Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.5, 30), report_every=1000,
                test=(X[:, ::2], Y[:, ::2]), evaluate_every=10)
    rec = list(t.run())[-1]
    assert [e.iteration for e in rec.evaluations] == [0, 10, 20, 30]
    assert rec.evaluations[-1].train_accuracy == 1.0 and rec.evaluations[-1].test_accuracy == 1.0
    assert rec.evaluations[0].test_cost > rec.evaluations[-1].test_cost


def test_full_batch_evaluations_match_a_separate_forward_pass(blobs):
    X, Y = blobs
    net = Network.create([3, 2, 1])
    start = net.copy()
    t = Trainer(net, X, Y, HyperParameters(0.5, 1), test=(X[:, ::2], Y[:, ::2]), evaluate_every=1)
    first, final = list(t.run())[-1].evaluations
    # iteration 0's evaluation describes the starting parameters, as costs[0] does
    assert first.iteration == 0 and first.train_accuracy == accuracy(start.predict_proba(X), Y)
    assert first.test_cost == start.cost(X[:, ::2], Y[:, ::2])
    assert final.iteration == 1 and final.test_cost == net.cost(X[:, ::2], Y[:, ::2])


def warnings_of(net, X, Y, iterations=200, lr=0.5):
    t = Trainer(net, X, Y, HyperParameters(lr, iterations), report_every=50, record_grad_norms=True)
    return [str(p.warning) for p in t.run() if p.warning is not None], t


def test_vanishing_gradients_of_a_deep_sigmoid_network_are_explained_once():
    from bpstudio.core.datasets import builtin_dataset

    ds = builtin_dataset("circle")
    deep = Network.create([2] + [8] * 6 + [1], ["sigmoid"] * 7)
    found, t = warnings_of(deep, ds.X_train, ds.Y_train)
    assert len(found) == 1 and found[0].startswith("vanishing gradients: ‖dW[1]‖ is")
    g = t.grad_norms[0]
    assert g[0] < 1e-4 * g[-1]  # what the message says, from the recorded norms
    shallow = Network.create([2, 8, 1], ["relu", "sigmoid"], init="he")
    assert warnings_of(shallow, ds.X_train, ds.Y_train)[0] == []


def dead_relu_network():
    """Every hidden neuron dead: layer 1's biases far below its inputs, so z < 0 for every
    sample; layer 2 then gets only zeros, z = 0 and σ′(0) = 0. The weights are not zero."""
    dead = Network.create([2, 8, 8, 1], ["relu", "relu", "sigmoid"], init="he")
    dead.biases[0][:] = -100.0
    return dead


def test_a_network_that_passes_no_gradient_at_all_is_explained():
    from bpstudio.core.datasets import builtin_dataset

    ds = builtin_dataset("circle")
    found, t = warnings_of(dead_relu_network(), ds.X_train, ds.Y_train)
    assert len(found) == 1 and "vanished in every layer" in found[0]
    assert t.grad_norms[0].max() < 1e-10


def test_weights_that_start_at_zero_are_blamed_on_zero_not_on_vanishing():
    """With W = 0 and ReLU only b[L] learns: the cost falls, no weight moves, and no learning
    rate or activation advice is given."""
    from bpstudio.core.datasets import builtin_dataset

    ds = builtin_dataset("circle")
    zero = Network.create([2, 8, 8, 1], ["relu", "relu", "sigmoid"], init="zeros")
    found, t = warnings_of(zero, ds.X_train, ds.Y_train)
    assert len(found) == 1 and "start at zero" in found[0] and "only b[3] learns" in found[0]
    assert "vanished" not in found[0] and "smaller learning rate" not in found[0]
    assert "leaky" not in found[0]
    assert all(not W.any() for W in zero.weights) and t.costs[-1] < t.costs[0]


def test_the_seeds_cat_network_learns_without_a_gradient_warning(cat_data):
    net = Network.create([12288, 20, 7, 5, 1], ["relu", "relu", "relu", "sigmoid"])
    found, _ = warnings_of(net, cat_data.X_train, cat_data.Y_train, iterations=30, lr=0.0075)
    assert found == []


def test_xor_without_a_hidden_layer_is_not_blamed_on_vanishing_gradients():
    """Logistic regression on XOR converges to the best straight line, cost ln 2: the gradient is
    gone because there is nothing better, not because a neuron is stuck."""
    from bpstudio.core.datasets import plane_dataset
    from bpstudio.core.plane import PlaneSpec

    ds = plane_dataset(PlaneSpec("xor", features=("x1", "x2")))
    found, t = warnings_of(Network.create([2, 1]), ds.X_train, ds.Y_train, iterations=3000, lr=1.0)
    assert len(found) == 1 and found[0].startswith("training has converged"), found
    assert "not linearly separable" in found[0] and "x₁x₂" in found[0]
    assert "ReLU" not in found[0] and "initialiser" not in found[0]
    assert abs(t.costs[-1] - np.log(2)) < 0.01


def test_the_no_gradient_warning_counts_the_dead_neurons_it_blames():
    from bpstudio.core.datasets import builtin_dataset

    ds = builtin_dataset("circle")
    found, _ = warnings_of(dead_relu_network(), ds.X_train, ds.Y_train)
    assert "dead ReLU: 16, saturated sigmoid/tanh: 0" in found[0]
    assert "[1]: 1, 2, 3, 4, 5, 6, 7, 8; [2]: 1, 2, 3, 4" in found[0]  # the neurons it blames


class FakeClock:
    """A clock that moves only when the trainer waits (or the test moves it)."""

    def __init__(self) -> None:
        self.now = 100.0
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def wait(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


def test_a_paced_run_waits_its_iterations_out_on_its_clock(blobs):
    """At 10 iterations a second each iteration's turn comes 0.1 s after the last one's; time an
    iteration itself takes is not waited again."""
    X, Y = blobs
    clock = FakeClock()
    t = Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.1, 21), report_every=1000,
                pace=10.0, clock=clock, wait=clock.wait)
    list(t.run())
    assert len(clock.waits) == 20 and all(abs(w - 0.1) < 1e-9 for w in clock.waits)
    assert abs(clock.now - 100.0 - 2.0) < 1e-9  # 21 iterations: 20 intervals, none after the last
    slow, waits = iter(np.arange(100.0, 200.0, 0.3)), []  # each iteration takes 0.3 s
    t2 = Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.1, 5), pace=10.0,
                 clock=lambda: float(next(slow)), wait=waits.append)
    list(t2.run())  # slower than the pace: nothing to wait
    assert waits == []


def test_one_iteration_at_a_time_pauses_after_each(blobs):
    X, Y = blobs
    t = Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.1, 3), report_every=1000,
                stepwise=True)
    run = t.run()
    first = next(run)
    assert first.state is ProgressState.PAUSED and first.done == 1 and len(first.costs) == 1
    np.testing.assert_array_equal(first.weights[0], t.network.weights[0])  # the paused parameters
    t.resume()
    second = next(run)
    assert second.state is ProgressState.PAUSED and second.done == 2
    t.set_stepwise(False)
    t.resume()
    assert [p.state for p in run] == [ProgressState.FINISHED] and t.done == 3


def test_gradient_descent_is_lazy_and_yields_what_each_iteration_started_from(blobs):
    """Nothing moves until the caller asks for an iteration (the trainer evaluates in between);
    each yields the cost and output of the parameters before its update, then 等式4's step."""
    from bpstudio.core.network import gradient_descent

    X, Y = blobs
    X = np.asfortranarray(X)
    net = Network.create([3, 4, 1])
    W0 = net.weights[0].copy()
    steps = gradient_descent(net, [(X, Y)] * 3, 0.5)
    np.testing.assert_array_equal(net.weights[0], W0)
    for k in range(3):
        before_cost, before_out, W = net.cost(X, Y), net.predict_proba(X), net.weights[0].copy()
        cost, A_L, dWs = next(steps)
        assert cost == before_cost and np.array_equal(A_L, before_out)
        np.testing.assert_array_equal(net.weights[0], W - 0.5 * dWs[0])
        assert net.iterations_trained == k + 1
    with pytest.raises(StopIteration):  # one iteration per batch
        next(steps)


def test_mini_batches_are_the_seeds_permutations_cut_in_turn(blobs):
    """Written out independently: each epoch RandomState(seed).permutation(m), cut into batches."""
    from bpstudio.core.trainer import Batches

    X, Y = blobs
    rng = np.random.RandomState(7)
    expected = []
    for _ in range(3):
        order = rng.permutation(80)
        expected += [order[s:s + 30] for s in range(0, 80, 30)]  # 30, 30, 20
    got = [next(b) for b in [Batches(X, Y, 30, 7)] for _ in expected]
    for idx, (Xb, Yb) in zip(expected, got):
        np.testing.assert_array_equal(Xb, X[:, idx])
        np.testing.assert_array_equal(Yb, Y[:, idx])
        assert Xb.flags.f_contiguous


@pytest.mark.parametrize("drawn", [0, 1, 2, 3, 5])  # 3: an epoch's end, the next is not drawn yet
def test_the_mini_batch_order_goes_on_from_its_state(blobs, drawn):
    from bpstudio.core.trainer import Batches

    X, Y = blobs
    original = Batches(X, Y, 30, 7)
    for _ in range(drawn):
        next(original)
    state = original.state()
    assert state.dtype == np.uint32 and state.shape == (626,)  # a plain array a keyframe keeps
    resumed = Batches(X, Y, 30, 7, state)
    for _ in range(7):
        np.testing.assert_array_equal(next(resumed)[0], next(original)[0])


def test_the_full_batch_has_no_order_to_keep(blobs):
    from bpstudio.core.trainer import Batches

    X, Y = blobs
    b = Batches(X, Y, None, 1)
    assert next(b)[0] is X and b.state().size == 0
    assert next(Batches(X, Y, 80, 1))[0] is X  # a batch of all m samples is the full batch


def test_a_stopped_run_reports_the_parameters_it_stopped_at(blobs):
    """The record says ``done`` iterations: its parameters are those after them, not those of the
    previous report (which the session would otherwise label with the later count)."""
    X, Y = blobs
    net = Network.create([3, 2, 1])
    waits = []

    def wait(seconds):  # the pace's wait between iterations; the fifth one is a stop
        waits.append(seconds)
        if len(waits) == 5:
            t.stop()

    t = Trainer(net, X, Y, HyperParameters(0.5, 100), report_every=1000, pace=1e6,
                clock=lambda: 0.0, wait=wait)
    last = list(t.run())[-1]
    assert last.state is ProgressState.STOPPED and last.done == net.iterations_trained == 5
    for kept, now in zip(last.weights + last.biases, net.weights + net.biases):
        np.testing.assert_array_equal(kept, now)


def test_records_joined_say_what_one_record_for_their_iterations_would_have_said(blobs):
    """Records a window received between two of its frames, as one (session/report_frames.py):
    what a run reporting once for all of them would have sent, but the parameters, which a
    record carries only now and then: the newest any of them had."""
    from bpstudio.core.trainer import joined

    X, Y = blobs
    options = dict(evaluate_every=7, record_grad_norms=True, keyframe_every=5,
                   trace_first_layer=True)
    often = list(Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.5, 60),
                         report_every=10, **options).run())
    once = list(Trainer(Network.create([3, 2, 1]), X, Y, HyperParameters(0.5, 60),
                        report_every=40, **options).run())
    assert [r.done for r in often[:4]] == [10, 20, 30, 40] and once[0].done == 40
    now_and_then = [r if k == 1 else replace(r, weights=(), biases=())
                    for k, r in enumerate(often[:4])]
    j, one = joined(now_and_then), once[0]
    assert (j.first, j.done, j.total, j.state) == (one.first, one.done, one.total, one.state)
    np.testing.assert_array_equal(j.costs, one.costs)
    np.testing.assert_array_equal(j.grad_norms, one.grad_norms)
    assert j.evaluations == one.evaluations and len(j.evaluations) == 6
    assert [k.iteration for k in j.keyframes] == [k.iteration for k in one.keyframes]
    assert [i for i, _ in j.traces] == [i for i, _ in one.traces] == list(range(40))
    for a, b in zip(j.weights, often[1].weights):  # the newest snapshot: the second record's
        np.testing.assert_array_equal(a, b)
    assert joined(often[:1]) is often[0]
