"""Activation functions σ with their derivatives σ′ side by side.

Every derivative takes both Z and A = σ(Z), so sigmoid and tanh reuse the forward result instead of
recomputing it (the textbook's sigmoid_backward recomputes it). Results keep the dtype of Z.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .typealiases import FloatArray
from .messages import QT_TRANSLATE_NOOP

LEAKY_SLOPE = 0.01


def _sigmoid(Z: FloatArray) -> FloatArray:
    # exp(-Z) overflows to inf for Z < -709 and 1/(1+inf) is exactly 0: saturated, not NaN.
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-Z))


def _sigmoid_prime(Z: FloatArray, A: FloatArray) -> FloatArray:
    return A * (1.0 - A)


def _relu(Z: FloatArray) -> FloatArray:
    return np.maximum(Z, 0)


def _relu_prime(Z: FloatArray, A: FloatArray) -> FloatArray:
    return (Z > 0).astype(Z.dtype)


def _tanh(Z: FloatArray) -> FloatArray:
    return np.tanh(Z)


def _tanh_prime(Z: FloatArray, A: FloatArray) -> FloatArray:
    return 1.0 - A * A


def _leaky_relu(Z: FloatArray) -> FloatArray:
    return np.where(Z > 0, Z, Z * Z.dtype.type(LEAKY_SLOPE))


def _leaky_relu_prime(Z: FloatArray, A: FloatArray) -> FloatArray:
    return np.where(Z > 0, Z.dtype.type(1), Z.dtype.type(LEAKY_SLOPE))


def _linear(Z: FloatArray) -> FloatArray:
    return Z.copy()


def _linear_prime(Z: FloatArray, A: FloatArray) -> FloatArray:
    return np.ones_like(Z)


@dataclass(frozen=True)
class Activation:
    """σ and σ′ of one activation, the formulas a view shows (symbols only: the same in every
    language), and what F1 says of σ′, with this step's numbers."""

    name: str
    f: Callable[[FloatArray], FloatArray]
    prime: Callable[[FloatArray, FloatArray], FloatArray]
    formula: str  # of one sample's z and a (the tutorial's single-sample notation)
    prime_formula: str
    derivative_note: str  # translatable; {low}, {high}: σ′'s range here; {on}, {n}: how many are 1
    matrix_formulas: tuple[str, str] = ("", "")  # σ and σ′ of Z and A, element by element

    def formulas(self, samples: int) -> tuple[str, str]:
        """(σ, σ′) as the notation of ``samples`` samples writes them: of z and a for one, of the
        matrices Z and A (element by element) for more."""
        return (self.formula, self.prime_formula) if samples == 1 else self.matrix_formulas

    def derivative_facts(self, prime_values: np.ndarray) -> dict[str, str]:
        """The values ``derivative_note`` speaks of, from this step's σ′(Z)."""
        v = np.asarray(prime_values)
        finite = v[np.isfinite(v)]
        return {"low": f"{finite.min():.4g}" if finite.size else "–",
                "high": f"{finite.max():.4g}" if finite.size else "–",
                "on": f"{int(np.count_nonzero(v == 1)):,}", "n": f"{v.size:,}"}


ACTIVATIONS: dict[str, Activation] = {
    a.name: a
    for a in (
        Activation("sigmoid", _sigmoid, _sigmoid_prime, "1 / (1 + e⁻ᶻ)", "a·(1 − a)",
                   QT_TRANSLATE_NOOP(
                       "core", "For sigmoid σ′(z) = a(1 − a) is at most 0.25 (at z = 0): every "
                       "sigmoid layer shrinks the error at least fourfold on its way back, which is "
                       "why deep sigmoid networks learn slowly (vanishing gradients). Here σ′ lies "
                       "between {low} and {high}."),
                   ("1 / (1 + exp(−Z))", "A ⊙ (1 − A)")),
        Activation("relu", _relu, _relu_prime, "max(0, z)", "1 (z > 0), 0 (z ≤ 0)",
                   QT_TRANSLATE_NOOP(
                       "core", "For ReLU σ′(z) is 1 where z > 0 and 0 elsewhere: the error passes "
                       "unchanged or not at all. Here {on} of {n} values are 1."),
                   ("max(0, Z)", "1 (Z > 0), 0 (Z ≤ 0)")),
        Activation("tanh", _tanh, _tanh_prime, "tanh z", "1 − a²",
                   QT_TRANSLATE_NOOP(
                       "core", "For tanh σ′(z) = 1 − a² is at most 1 (at z = 0) and small where the "
                       "neuron saturates. Here σ′ lies between {low} and {high}."),
                   ("tanh Z", "1 − A ⊙ A")),
        Activation(
            "leaky_relu",
            _leaky_relu,
            _leaky_relu_prime,
            f"z (z > 0), {LEAKY_SLOPE}·z (z ≤ 0)",
            f"1 (z > 0), {LEAKY_SLOPE} (z ≤ 0)",
            QT_TRANSLATE_NOOP(
                "core", "For leaky ReLU σ′(z) is 1 where z > 0 and 0.01 elsewhere, so every neuron "
                "passes some error back. Here {on} of {n} values are 1."),
            (f"Z (Z > 0), {LEAKY_SLOPE}·Z (Z ≤ 0)", f"1 (Z > 0), {LEAKY_SLOPE} (Z ≤ 0)")),
        Activation("linear", _linear, _linear_prime, "z", "1",
                   QT_TRANSLATE_NOOP(
                       "core", "For a linear unit σ′(z) = 1: the error passes unchanged (here all "
                       "{n} values)."),
                   ("Z", "1")),
    )
}


def get_activation(name: str) -> Activation:
    try:
        return ACTIVATIONS[name]
    except KeyError:
        known = ", ".join(ACTIVATIONS)
        raise ValueError(f"unknown activation {name!r}; choose one of {known}") from None
