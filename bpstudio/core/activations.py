"""Activation functions σ with their derivatives σ′ side by side.

Every derivative takes both Z and A = σ(Z), so sigmoid and tanh reuse the forward result instead of
recomputing it (the textbook's sigmoid_backward recomputes it). Results keep the dtype of Z.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

LEAKY_SLOPE = 0.01


def _sigmoid(Z: np.ndarray) -> np.ndarray:
    # exp(-Z) overflows to inf for Z < -709 and 1/(1+inf) is exactly 0: saturated, not NaN.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))


def _sigmoid_prime(Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    return A * (1.0 - A)


def _relu(Z: np.ndarray) -> np.ndarray:
    return np.maximum(Z, 0)


def _relu_prime(Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    return (Z > 0).astype(Z.dtype)


def _tanh(Z: np.ndarray) -> np.ndarray:
    return np.tanh(Z)


def _tanh_prime(Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    return 1.0 - A * A


def _leaky_relu(Z: np.ndarray) -> np.ndarray:
    return np.where(Z > 0, Z, Z * Z.dtype.type(LEAKY_SLOPE))


def _leaky_relu_prime(Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    return np.where(Z > 0, Z.dtype.type(1), Z.dtype.type(LEAKY_SLOPE))


def _linear(Z: np.ndarray) -> np.ndarray:
    return Z.copy()


def _linear_prime(Z: np.ndarray, A: np.ndarray) -> np.ndarray:
    return np.ones_like(Z)


@dataclass(frozen=True)
class Activation:
    """σ and σ′ of one activation, plus the formula strings a view shows."""

    name: str
    f: Callable[[np.ndarray], np.ndarray]
    prime: Callable[[np.ndarray, np.ndarray], np.ndarray]
    formula: str
    prime_formula: str


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", _sigmoid, _sigmoid_prime, "1 / (1 + e^(−z))", "a (1 − a)"),
        Activation("relu", _relu, _relu_prime, "max(0, z)", "1 if z > 0 else 0"),
        Activation("tanh", _tanh, _tanh_prime, "tanh z", "1 − a²"),
        Activation(
            "leaky_relu",
            _leaky_relu,
            _leaky_relu_prime,
            f"z if z > 0 else {LEAKY_SLOPE} z",
            f"1 if z > 0 else {LEAKY_SLOPE}",
        ),
        Activation("linear", _linear, _linear_prime, "z", "1"),
    )
}


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of {known}") from None
