"""Every claim the stepper and a run make about numbers, walked through every setting the editor
allows: each activation, each cost, the full batch and mini-batches, L2 on and off, each
initialiser (zeros too), both precisions, one sample and the batch, before and after training.
A claim shown where it is false fails, and so does a counterpart shown where the claim was true;
the checks recompute the numbers (the engine's next iteration, a network with the stepped
parameters), never read the claim's own predicate."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import numpy as np
import pytest

from bpstudio.core import claims, diagnoses
from bpstudio.core.activations import ACTIVATIONS
from bpstudio.core.datasets import builtin_dataset
from bpstudio.core.losses import LOSSES
from bpstudio.core.messages import UserMessage
from bpstudio.core.network import INITIALIZERS, Network, gradient_descent
from bpstudio.core.stepper import Stepper
from bpstudio.core.trainer import Batches, HyperParameters, Trainer

DATA = builtin_dataset("three-features")
X, Y = DATA.X_train, DATA.Y_train
M = X.shape[1]
ALL_TEXTS = {c.text: c for c in (claims.PASS_BACK, *claims.COST_CLAIMS, claims.APPLY_SAMPLE,
                                 claims.APPLY_BATCH)}
ALL_COUNTERPARTS = {c.counterpart: c for c in ALL_TEXTS.values()}
# the sentences said where the numbers overflowed or no ratio exists: (id, template)
SPECIAL = {claims.SLOPES_NOT_FINITE: "slopes-not-finite", claims.ERROR_NOT_FINITE: "error-not-finite",
           claims.NONE_PASSES_WT: "none-passes-wt", **{t: "cost-not-finite" for t in claims.COST_NOT_FINITE.values()},
           **{t: "no-error-reaches" for t in claims.NO_ERROR_REACHES},
           **{t: "apply-not-finite" for t in claims.APPLY_NOT_FINITE}}


def said(message: UserMessage | None) -> list[tuple[object, bool]]:
    """(claim or special sentence's id, shown as true) of everything inside ``message``."""
    if message is None:
        return []
    found: list[tuple[object, bool]] = []
    if message.template in ALL_TEXTS:
        found.append((ALL_TEXTS[message.template], True))
    elif message.template in ALL_COUNTERPARTS:
        found.append((ALL_COUNTERPARTS[message.template], False))
    elif message.template in SPECIAL:
        found.append((SPECIAL[message.template], True))
    for v in message.values.values():
        if isinstance(v, UserMessage):
            found += said(v)
    return found


def norm(a):
    return float(np.sqrt(np.vdot(a, a)))


def check_step(stepper: Stepper, step, batch_size) -> list[str]:
    """What is false among the claims this step shows (empty: all true)."""
    wrong = []
    if "derivative" in step.why.values:
        wrong += check_slopes(step)
    for claim, as_true in said(step.note) + said(step.why):
        if isinstance(claim, str):  # a sentence of its own: where no ratio or no finite number is
            wrong += check_special(stepper, step, claim)
            continue
        if claim.id == "pass-back":
            later = stepper.deltas(step.index)[step.layer + 1]
            if not (np.isfinite(norm(later)) and norm(later) > 0 and norm(step.operands[0].value) > 0):
                wrong.append(f"pass-back ratios said at layer {step.layer} where none exists")
            if (norm(step.result.value) < norm(later)) != as_true:
                wrong.append(f"pass-back said {'shrinks' if as_true else 'does not'} at layer {step.layer}")
        elif claim.id == "cost-is-mean":
            if not np.isfinite(float(step.result.value)):
                wrong.append("cost-is-mean said of a cost that is not a finite number")
            mean = float(np.sum(step.operands[0].value) / M)
            penalty = stepper.l2 / (2 * M) * sum(float(np.sum(W * W)) for W in stepper.start_weights)
            value = float(step.result.value)
            if as_true and value != mean:
                wrong.append("cost said the mean of the losses")
            if not as_true and not np.isclose(value, mean + penalty, rtol=1e-12):
                wrong.append("cost said mean plus L2 term")
        elif claim.id == "cost-on-the-curve":
            # the engine's next iteration, as training runs it, plots this cost or not
            net = replace(stepper.network, weights=[W.copy() for W in stepper.start_weights],
                          biases=[b.copy() for b in stepper.start_biases])
            t = Trainer(net, X, Y, HyperParameters(stepper.learning_rate, 1, batch_size, stepper.l2))
            list(t.run())
            if (float(t.costs[0]) == float(step.result.value)) != as_true:
                wrong.append(f"cost curve claim {as_true} but curve {t.costs[0]} vs {step.result.value}")
        elif claim.id in ("loss-then-cost", "losses-then-cost"):
            net = stepper.network
            plain, with_l2 = net.cost(stepper.X, stepper.Y), net.cost(stepper.X, stepper.Y, stepper.l2)
            m = stepper.samples
            penalty = stepper.l2 / (2 * m) * sum(float(np.sum(W * W)) for W in net.weights)
            if as_true and not (stepper.l2 == 0 and plain == with_l2):
                wrong.append(f"{claim.id}: the cost said to be the mean alone")
            if not as_true and not (stepper.l2 > 0 and np.isclose(with_l2, plain + penalty, rtol=1e-12)):
                wrong.append(f"{claim.id}: the cost said to carry an L2 term")
    return wrong


# what σ′ is by definition (the fact shown), and the bounds it implies; peaks of the saturating ones
BOUNDS = {"sigmoid": (0, 0.25), "tanh": (0, 1), "relu": (0, 1), "leaky_relu": (0.01, 1), "linear": (1, 1)}
VALUES = {"relu": (0, 1), "leaky_relu": (0.01, 1), "linear": (1,)}
PEAK = {"sigmoid": 0.25, "tanh": 1.0}


def step_primes(step, activation):
    if step.equation.key in ("1b", "2b"):
        return step.operands[1].value
    z = step.operands[0].value  # σ′ recomputed from z (and a) as the tutorial defines it
    return {"sigmoid": lambda: (1 / (1 + np.exp(-z))) * (1 - 1 / (1 + np.exp(-z))),
            "tanh": lambda: 1 - np.tanh(z) ** 2, "relu": lambda: (z > 0).astype(float),
            "leaky_relu": lambda: np.where(z > 0, 1.0, 0.01), "linear": lambda: np.ones_like(z)}[activation]()


def check_slopes(step) -> list[str]:
    """The fact of σ′ holds for this step's values, and the evidence beside it counts them right."""
    message, wrong = step.why.values["derivative"], []
    parts = message.values if message.template == claims._FACT_AND_EVIDENCE else {"fact": message}
    fact = parts["fact"].template
    activation = next(a for a, pair in claims.SLOPE_FACTS.items() if fact in pair)
    one = step.samples == 1
    if fact != claims.SLOPE_FACTS[activation][0 if one else 1]:
        wrong.append(f"{step.equation.key}: σ′ fact in the other notation")
    primes = step_primes(step, activation)
    if not np.all(np.isfinite(primes)):
        if parts.get("evidence") is None or parts["evidence"].template != claims.SLOPES_NOT_FINITE:
            wrong.append(f"{step.equation.key}: σ′ not finite, not said so")
        return wrong
    low, high = BOUNDS[activation]
    ok = primes.min() >= low - 1e-12 and primes.max() <= high + 1e-12
    if activation in VALUES:
        ok = ok and bool(np.all(np.isin(primes, np.asarray(VALUES[activation], dtype=primes.dtype))))
    if activation == "sigmoid" and step.equation.key == "2b":  # σ′ alone shrinks ≥ fourfold
        ok = ok and norm(step.result.value) <= 0.25 * norm(step.operands[0].value) * (1 + 1e-12)
    if not ok:
        wrong.append(f"{activation} σ′ fact false at {step.equation.key}")
    evidence = parts.get("evidence")
    if activation == "linear":
        return wrong + ([] if evidence is None else ["linear: evidence said"])
    claim = claims.SLOPE_CLAIMS[activation]
    if activation in PEAK:
        below = int(np.count_nonzero(primes < PEAK[activation] / 10))
        expected = claim.text if below else claim.counterpart
        count = evidence.values.get("below") if below else None
        if evidence.template != expected or (below and count != f"{below:,}"):
            wrong.append(f"{activation} at {step.equation.key}: {below} saturated, said {evidence}")
    else:
        off = int(np.count_nonzero(primes == (0 if activation == "relu" else 0.01)))
        expected = claim.text if off else claim.counterpart
        if evidence.template != expected or (off and evidence.values["off"] != f"{off:,}"):
            wrong.append(f"{activation} at {step.equation.key}: {off} off, said {evidence}")
    return wrong


def check_special(stepper: Stepper, step, which: str) -> list[str]:
    """A sentence said instead of a claim: where no finite number, or no error, is."""
    finite = lambda *arrays: all(np.all(np.isfinite(a)) for a in arrays)
    if which == "slopes-not-finite":
        return []  # checked by check_slopes
    if which in ("no-error-reaches", "none-passes-wt", "error-not-finite"):
        later = stepper.deltas(step.index)[step.layer + 1]
        dA, dZ = step.operands[0].value, step.result.value
        right = {"error-not-finite": not finite(later, dA, dZ),
                 "no-error-reaches": finite(later, dA, dZ) and not later.any(),
                 "none-passes-wt": finite(later, dA, dZ) and later.any() and not dA.any()}[which]
        return [] if right else [f"{which} said at layer {step.layer}"]
    if which == "cost-not-finite":
        losses = step.operands[0].value if step.equation.key == "cost" else step.result.value
        weights_finite = finite(*stepper.start_weights) and np.isfinite(
            sum(float(np.sum(W * W)) for W in stepper.start_weights))
        return [] if not (finite(losses) and weights_finite) else ["cost said not finite"]
    return [f"{which} unexpected in a step"]


def sample_loss(net: Network, weights, biases, x, y) -> float:
    """The loss of one sample by a fresh numpy forward pass, as the tutorial writes it."""
    f = {"sigmoid": lambda z: 1 / (1 + np.exp(-z)), "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0),
         "leaky_relu": lambda z: np.where(z > 0, z, 0.01 * z), "linear": lambda z: z}
    a = x
    with np.errstate(all="ignore"):
        for W, b, name in zip(weights, biases, net.activations):
            z = W @ a + b
            a = f[name](z)
        if net.loss == "bce":  # from z: −[y log σ(z) + (1 − y) log(1 − σ(z))] = log(1 + eᶻ) − y·z
            return float(np.sum(np.logaddexp(0, z) - y * z))
        return float(np.sum(0.5 * (a - y) ** 2))


def check_apply(stepper: Stepper, batch_size) -> list[str]:
    message = stepper.applying(M)
    (claim, as_true), = said(message)
    weights, biases = stepper.parameters(len(stepper.steps))
    if claim is claims.APPLY_SAMPLE or claim == "apply-not-finite":
        net = stepper.network
        before = sample_loss(net, net.weights, net.biases, stepper.X, stepper.Y)
        after = sample_loss(net, weights, biases, stepper.X, stepper.Y)
        if not (np.isfinite(before) and np.isfinite(after)):
            return [] if claim == "apply-not-finite" else ["apply: a loss that is not finite compared"]
        if claim == "apply-not-finite":
            return ["apply said not finite of finite losses"]
        if np.isclose(before, after, rtol=1e-9, atol=0):
            return []  # too close to tell apart across two ways of computing it
        return [] if (after < before) == as_true else ["apply on one sample: loss said to fall wrongly"]
    if not as_true:  # training's iterations take fewer samples than the stepped ones
        return [] if batch_size is not None and batch_size < M else ["apply: mini-batches said"]
    # the full batch: the engine's iteration (as training batches it) lands on these parameters
    net = stepper.network.copy()
    batches = Batches(X, Y, batch_size, 1)
    next(gradient_descent(net, batches, stepper.learning_rate, stepper.l2))
    same = all(np.array_equal(a, b, equal_nan=True) for a, b in zip(net.weights, weights))
    return [] if same else ["apply batch said to be training's iteration, is not"]


def networks(activation, loss, init, precision):
    out = "sigmoid" if loss == "bce" else activation
    yield Network.create([3, 2, 1], [activation, out], loss=loss, init=init, precision=precision)
    yield Network.create([3, 4, 3, 2, 1], [activation] * 3 + [out], loss=loss, init=init,
                         precision=precision)


@pytest.mark.parametrize("activation", list(ACTIVATIONS))
def test_every_claim_the_stepper_shows_is_true_under_every_setting(activation):
    wrong, shown = [], set()
    for loss, init, precision in itertools.product(LOSSES, INITIALIZERS, ("float64", "float32")):
        for net in networks(activation, loss, init, precision):
            for batch_size, l2, trained in itertools.product((None, 16), (0.0, 0.3), (False, True)):
                if trained:
                    net = net.copy()
                    for _ in zip(range(20), gradient_descent(net, Batches(X, Y, batch_size, 1), 0.05, l2)):
                        pass
                for samples in (slice(None), slice(7, 8)):
                    s = Stepper(net, X[:, samples], Y[:, samples], 0.5, l2, batch_size)
                    for step in s.steps:
                        shown |= {(c if isinstance(c, str) else c.id, t)
                                  for c, t in said(step.note) + said(step.why)}
                        if "derivative" in step.why.values:
                            d = step.why.values["derivative"]
                            evidence = d.values.get("evidence") if d.values else None
                            if evidence is not None and evidence.template in (c.text for c in claims.SLOPE_CLAIMS.values()):
                                shown.add((activation, True))
                            elif evidence is not None:
                                shown.add((activation, False))
                        wrong += [f"{net.dims} {loss} {init} {precision} b={batch_size} λ={l2} "
                                  f"trained={trained} m={s.samples}: {w}"
                                  for w in check_step(s, step, batch_size)]
                    wrong += [f"{net.dims} {init} b={batch_size} λ={l2} m={s.samples}: {w}"
                              for w in check_apply(s, batch_size)]
    assert wrong == []
    # the walk reached both sides of the claims whose truth depends on the settings
    sides = [("cost-is-mean", True), ("cost-is-mean", False), ("cost-on-the-curve", True),
                 ("cost-on-the-curve", False), ("loss-then-cost", True), ("loss-then-cost", False),
                 ("pass-back", True), ("pass-back", False), ("no-error-reaches", True)]
    sides += [(activation, True), (activation, False)] if activation != "linear" else []
    if activation == "sigmoid":  # σ′ ≤ 0.25: growth needs trained weights (the test below)
        sides.remove(("pass-back", False))
    for side in sides:
        assert side in shown, side


def test_the_sigmoid_remark_no_longer_says_every_layer_shrinks_the_error():
    """The issue's numbers: on the 3–2–1 net the error shrinks at iteration 0 (0.28) and grows
    after 1,000 iterations (2.4); the step says which, with Wᵀ's share and σ′'s."""
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    def pass_back(n):
        s = Stepper(n, X, Y, 0.5)
        step = next(st for st in s.steps if st.equation.key == "2b")
        return step.why.values["passback"]
    first = pass_back(net)
    assert first.template == claims.PASS_BACK.text and first.values["r"] == "0.281"
    for _ in zip(range(1000), gradient_descent(net, Batches(X, Y, None, 1), 0.5)):
        pass
    later = pass_back(net)
    assert later.template == claims.PASS_BACK.counterpart and float(later.values["r"]) > 1
    assert "fourfold" not in claims.SLOPE_FACTS["sigmoid"][0].split("σ′ alone")[0]


# ----- the diagnoses of a run ----------------------------------------------------------------------------

def run_warnings(net, batch_size=None, l2=0.0, lr=0.5, iterations=60, data=(X, Y)):
    t = Trainer(net, *data, HyperParameters(lr, iterations, batch_size, l2), report_every=30,
                record_grad_norms=True)
    return [p.warning for p in t.run() if p.warning is not None], t


def started_from(net_before: Network, iterations: int, batch_size, l2, lr=0.5) -> Network:
    """The parameters iteration ``iterations`` of the run starts from, by running the ones before."""
    net = net_before.copy()
    if iterations:
        list(Trainer(net, X, Y, HyperParameters(lr, iterations, batch_size, l2)).run())
    return net


def check_diagnosis(message: UserMessage, net_before: Network, t: Trainer, batch_size=None,
                    l2=0.0) -> list[str]:
    """The run's recorded ‖dW[l]‖ show what the diagnosis says, at some iteration (it is said
    once, at the first iteration that shows it)."""
    records = t.grad_norms[:t.done]
    zero = [W for W in net_before.weights if not W.any()]
    if message.template == diagnoses.ZERO_WEIGHTS.text:
        # the layers named are those all zero at the first iteration whose norms stall or vanish
        shows = (records.max(axis=1) < diagnoses.STALLED_NORM) | (
            records[:, 0] < diagnoses.VANISHING_RATIO * records[:, -1])
        first = int(np.argmax(shows))
        net = started_from(net_before, first, batch_size, l2)
        named = ", ".join(f"W[{l}]" for l, W in enumerate(net.weights, start=1) if not W.any())
        if message.values["layers"] != named:
            return [f"zero: named {message.values['layers']}, at iteration {first} {named}"]
        effect = message.values["effect"]
        moved = [not np.array_equal(a, b) for a, b in zip(net_before.weights, t.network.weights)]
        if effect.template == diagnoses.ONLY_OUTPUT_BIAS.text:  # no weight moves, the cost falls
            return [] if not any(moved) and t.costs[len(t.costs) - 1] < t.costs[0] else ["zero: only b[L]"]
        hidden = t.network.weights[0]
        return [] if zero and np.allclose(hidden, hidden[:1]) else ["zero: symmetric rows"]
    if zero:
        return [f"W = 0 blamed on {message.template[:30]}"]
    if message.template == diagnoses.STUCK_NEURONS.text:
        stalled = records.max(axis=1) < diagnoses.STALLED_NORM
        return [] if stalled.any() else ["stuck without a stall"]
    if message.template == diagnoses.NOT_SEPARABLE.text:
        return [] if net_before.L == 1 else ["not separable with a hidden layer"]
    if message.template in (diagnoses.VANISHING.text, diagnoses.VANISHING.counterpart):
        ok = bool(np.any(records[:, 0] < diagnoses.VANISHING_RATIO * records[:, -1]))
        saturating = any(a in ("sigmoid", "tanh") for a in net_before.activations[:-1])
        return [] if ok and saturating == (message.template == diagnoses.VANISHING.text) else ["vanishing"]
    return []


@pytest.mark.parametrize("init", INITIALIZERS)
def test_every_diagnosis_a_run_makes_is_true_under_every_setting(init):
    wrong = []
    for activation, loss, precision, batch_size, l2 in itertools.product(
            ACTIVATIONS, LOSSES, ("float64", "float32"), (None, 16), (0.0, 0.3)):
        for net in networks(activation, loss, init, precision):
            before = net.copy()
            for message in run_warnings(net, batch_size, l2)[0]:
                wrong += [f"{net.dims} {activation} {loss} b={batch_size} λ={l2}: {w}"
                          for w in check_diagnosis(message, before, run_warnings(before.copy(), batch_size, l2)[1],
                                                          batch_size, l2)]
    assert wrong == []


def test_zero_weights_with_sigmoid_say_the_neurons_stay_equal():
    """Sigmoid: σ(0) = 0.5, so W[L] moves, and the hidden neurons of a layer stay equal (FAQ 6)."""
    net = Network.create([3, 4, 3, 1], ["sigmoid", "sigmoid", "sigmoid"], init="zeros")
    found, t = run_warnings(net)
    assert found and found[0].template == diagnoses.ZERO_WEIGHTS.text
    assert found[0].values["layers"] == "W[1], W[2], W[3]"  # the weights it started from
    assert found[0].values["effect"].template == diagnoses.ONLY_OUTPUT_BIAS.counterpart
    for W in t.network.weights[:-1]:  # every row the same: the neurons of a layer are equal
        # (to the last bits: BLAS may sum one row of a product in another order than the next)
        np.testing.assert_allclose(W, np.repeat(W[:1], len(W), axis=0), rtol=1e-12, atol=0)
    assert t.network.weights[-1].any()


def test_divergence_blames_the_learning_rate_only_when_the_cost_rose():
    rising = diagnoses.Divergence((0.7, 3.0, float("nan")), 5.0)
    at_once = diagnoses.Divergence((float("nan"),), 5.0)
    assert diagnoses.TOO_LARGE_A_STEP.say(rising).template == diagnoses.TOO_LARGE_A_STEP.text
    assert diagnoses.TOO_LARGE_A_STEP.say(at_once).template == diagnoses.TOO_LARGE_A_STEP.counterpart
    net = Network.create([3, 2, 1], ["sigmoid", "sigmoid"])
    t = Trainer(net, X, Y, HyperParameters(10.0, 400), record_grad_norms=True)
    last = list(t.run())[-1]
    if last.problem is not None:  # it diverged: what it says of the cause holds for its costs
        cause = last.problem.values["cause"]
        costs = [c for c in t.costs[:t.done] if np.isfinite(c)]
        rose = len(costs) >= 2 and max(costs[1:]) > costs[0]
        assert (cause.template == diagnoses.TOO_LARGE_A_STEP.text) == rose


def test_the_l2_term_has_one_home():
    """The cost and what the cost step says of its L2 term are the same number, from one
    function (equations.l2_penalty), computed nowhere else."""
    from pathlib import Path

    from bpstudio.core import equations as eq
    rng = np.random.default_rng(3)
    weights = (rng.standard_normal((2, 3)), rng.standard_normal((1, 2)))
    losses = rng.random((1, 5))
    expected = 0.3 / 10 * (np.sum(weights[0] ** 2) + np.sum(weights[1] ** 2))
    assert np.isclose(eq.l2_penalty(weights, 0.3, 5), expected, rtol=1e-12)
    assert eq.cost_of(losses, list(weights), 0.3) == float(np.sum(losses) / 5) + eq.l2_penalty(weights, 0.3, 5)
    facts = claims.CostFacts(losses, eq.cost_of(losses, list(weights), 0.3), 0.3, weights, None)
    assert claims._cost_values(facts)["penalty"] == claims._number(eq.l2_penalty(weights, 0.3, 5))
    core = Path(eq.__file__).parent
    homes = [p.name for p in core.glob("*.py") if "W * W" in p.read_text(encoding="utf-8")]
    assert homes == ["equations.py"]


def words_of(message) -> str:
    return "" if message is None else str(message)


@pytest.mark.parametrize("samples", [slice(None), slice(7, 8)], ids=["batch", "one sample"])
def test_a_diverged_network_is_said_to_be_one_not_read_out_as_nan(samples):
    """Overflowing weights (λ = 0): no step and no Apply reads "nan" or "inf" aloud, the cost is
    never said to carry an L2 term, and what is said instead is true of the numbers."""
    net = Network.create([3, 2, 1], ["relu", "linear"], loss="mse")
    net.weights = [W * 1e200 for W in net.weights]
    with np.errstate(all="ignore"):
        s = Stepper(net, X[:, samples], Y[:, samples], 0.5, 0.0)
        texts = [words_of(m) for step in s.steps for m in (step.note, step.why)]
        texts.append(str(s.applying(M)))
        wrong = [w for step in s.steps for w in check_step(s, step, None)] + check_apply(s, None)
    costs = [float(step.result.value) for step in s.steps if step.equation.key == "cost"]
    assert all(not np.isfinite(c) for c in costs)  # it did overflow
    assert [t for t in texts if re.search(r"\b(nan|inf)\b", t)] == []
    assert [t for t in texts if "L2 term" in t] == []
    assert wrong == []
    if s.samples == 1:
        assert s.applying(M).template == claims.APPLY_NOT_FINITE[0]


def test_no_error_reaching_a_layer_is_a_sentence_not_a_ratio():
    """A ReLU net with zero weights, one sample: W[3]ᵀ passes no error back, and then none
    reaches layer 2; said so, in the sample's notation, never "0/0"."""
    net = Network.create([3, 4, 3, 1], ["relu", "relu", "sigmoid"], init="zeros")
    for samples, d in ((slice(7, 8), "δ"), (slice(None), "dZ")):
        s = Stepper(net, X[:, samples], Y[:, samples], 0.5)
        said_back = {step.layer: step.why.values["passback"] for step in s.steps if step.equation.key == "2b"}
        assert said_back[2].template == claims.NONE_PASSES_WT  # δ[3] = a − y ≠ 0, W[3] = 0
        assert said_back[1].template == claims.NO_ERROR_REACHES[0 if s.samples == 1 else 1]
        assert f"{d}[2] is 0" in str(said_back[1]) and "0/0" not in str(said_back[1])
        assert [w for step in s.steps for w in check_step(s, step, None)] == []
