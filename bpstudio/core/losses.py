"""Costs C(A[L], Y) with their gradient dA[L] = ∂C/∂A[L] (per sample: the 1/m comes in eq. 5 and 6).

Binary cross-entropy C = −1/m Σ (y log a + (1−y) log(1−a)) needs a sigmoid output; it is computed
from Z[L] (log a = −softplus(−z), log(1−a) = −softplus(z)), so a saturated output gives a large
finite cost instead of inf/NaN. Mean squared error C = 1/(2m) Σ (a − y)² is the seed's Q4.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


def _softplus(x: np.ndarray) -> np.ndarray:
    """log(1 + e^x) without overflow."""
    return np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x)))


def _bce_cost(Z: np.ndarray, A: np.ndarray, Y: np.ndarray) -> float:
    m = Y.shape[1]
    return float(np.sum(Y * _softplus(-Z) + (1 - Y) * _softplus(Z)) / m)


def _bce_dA(A: np.ndarray, Y: np.ndarray) -> np.ndarray:
    # The seed's formula; it is inf where a saturates, which is why eq. 3 uses A − Y instead.
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(Y / A - (1 - Y) / (1 - A))


def _mse_cost(Z: np.ndarray, A: np.ndarray, Y: np.ndarray) -> float:
    m = Y.shape[1]
    D = A - Y
    return float(np.sum(D * D) / (2 * m))


def _mse_dA(A: np.ndarray, Y: np.ndarray) -> np.ndarray:
    return A - Y


@dataclass(frozen=True)
class Loss:
    name: str
    title: str
    cost: Callable[[np.ndarray, np.ndarray, np.ndarray], float]
    dA: Callable[[np.ndarray, np.ndarray], np.ndarray]
    # The output activation with which dZ[L] = dA[L] ⊙ σ′(Z[L]) simplifies exactly to A − Y.
    fused_with: str | None
    required_output: str | None
    formula: str
    dA_formula: str


LOSSES: dict[str, Loss] = {
    loss.name: loss
    for loss in (
        Loss(
            "bce",
            "binary cross-entropy",
            _bce_cost,
            _bce_dA,
            fused_with="sigmoid",
            required_output="sigmoid",
            formula="C = −1/m Σ (y log a + (1 − y) log(1 − a))",
            dA_formula="dA = −(Y / A − (1 − Y) / (1 − A))",
        ),
        Loss(
            "mse",
            "mean squared error",
            _mse_cost,
            _mse_dA,
            fused_with=None,
            required_output=None,
            formula="C = 1/(2m) Σ (a − y)²",
            dA_formula="dA = A − Y",
        ),
    )
}


def get_loss(name: str) -> Loss:
    try:
        return LOSSES[name]
    except KeyError:
        known = ", ".join(LOSSES)
        raise ValueError(f"unknown cost {name!r}; choose one of {known}") from None
