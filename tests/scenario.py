"""The tutorial's scenario, done once through the studio alone and once by a user in the window
(tests/session/test_studio.py, tests/app/test_studio_in_the_window.py): both must land in the same
state, which ``state_of`` reads from a studio and ``assert_same_state`` compares."""

from __future__ import annotations

import numpy as np

ITERATIONS = 100
STEP = ("2a", 3)  # 等式2's first half for layer 3: dA[3] = W[4]ᵀ·dZ[4], the whole batch
CELL = (-1, 2, 5)  # the result's row 3, column 6 (0-based): neuron 3 of layer 3, sample 6
TWIN_RATE = 0.01


def state_of(studio) -> dict:
    """What a user sees of a studio, as plain values."""
    m = studio.model
    net = m.network
    step = studio.stepper.current_step()
    e = studio.explain
    return {
        "data": (m.dataset.name, m.dataset.X_train.shape, m.dataset.X_test.shape),
        "dims": net.dims, "activations": net.activations, "hyper": m.hyper,
        "iterations": net.iterations_trained,
        "weights": [W.copy() for W in net.weights], "biases": [b.copy() for b in net.biases],
        "costs": m.history.costs.view().copy(),
        "mode": studio.stepper.mode, "position": studio.stepper.position(),
        "step": None if step is None else (step.equation.key, step.layer, step.result.shape),
        "explained": None if e.choice is None else (e.choice.view, e.choice.row, e.choice.col,
                                                    e.explanation.value, e.explanation.total),
        "twins": [(t.name, t.model.hyper, t.model.network.dims, len(t.model.history),
                   [W.copy() for W in t.model.network.weights]) for t in studio.runs.twins],
    }


def assert_same_state(a: dict, b: dict, *, explained: bool = True) -> None:
    keys = set(a) | set(b)
    if not explained:
        keys.discard("explained")
    for key in sorted(keys):
        x, y = a[key], b[key]
        if key in ("weights", "biases"):
            assert len(x) == len(y) and all(np.array_equal(p, q) for p, q in zip(x, y)), key
        elif key == "costs":
            assert np.array_equal(x, y), key
        elif key == "twins":
            assert len(x) == len(y), key
            for s, t in zip(x, y):
                assert s[:4] == t[:4], key
                assert all(np.array_equal(p, q) for p, q in zip(s[4], t[4])), key
        else:
            assert x == y, key
