"""Losses L(a, y) of one sample, their mean the cost C, and the gradient dA[L], column i being
∂L/∂a of sample i (the 1/m of the cost comes in 等式3).

Binary cross-entropy L = −(y log a + (1−y) log(1−a)) needs a sigmoid output; it is computed from
Z[L] (log a = −softplus(−z), log(1−a) = −softplus(z)), so a saturated output gives a large finite
loss instead of inf/NaN. The squared error L = ½(a − y)² is the least squares of the tutorial's
FAQ 4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .typealiases import FloatArray


def _softplus(x: FloatArray) -> FloatArray:
    """log(1 + e^x) without overflow."""
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def _bce_losses(Z: FloatArray, A: FloatArray, Y: FloatArray) -> FloatArray:
    return Y * _softplus(-Z) + (1 - Y) * _softplus(Z)


def _bce_dA(A: FloatArray, Y: FloatArray) -> FloatArray:
    # The tutorial's formula; it is inf where a saturates, which is why 等式1 uses A − Y instead.
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(Y / A - (1 - Y) / (1 - A))


def _mse_losses(Z: FloatArray, A: FloatArray, Y: FloatArray) -> FloatArray:
    D = A - Y
    return 0.5 * (D * D)


def _mse_dA(A: FloatArray, Y: FloatArray) -> FloatArray:
    return A - Y


@dataclass(frozen=True)
class Loss:
    name: str
    title: str
    losses: Callable[[FloatArray, FloatArray, FloatArray], FloatArray]  # (Z, A, Y) → (1, m)
    dA: Callable[[FloatArray, FloatArray], FloatArray]
    # The output activation with which dZ[L] = dA[L] ⊙ σ′(Z[L]) simplifies exactly to A − Y.
    fused_with: str | None
    required_output: str | None


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss(
            "bce",
            "binary cross-entropy",
            _bce_losses,
            _bce_dA,
            fused_with="sigmoid",
            required_output="sigmoid",
        ),
        Loss(
            "mse",
            "mean squared error",
            _mse_losses,
            _mse_dA,
            fused_with=None,
            required_output=None,
        ),
    )
}


def get_loss(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        known = ", ".join(LOSSES)
        raise ValueError(f"unknown cost {name!r}; choose one of {known}") from None
