"""The seed's equations, numbered as its table numbers them; the one implementation of the maths.

Notation: W[l] is (n[l], n[l−1]), b[l] is (n[l], 1), a column is one sample, m is the number of
samples. The batch engine (network.py) and the stepper both call these functions, so stepping an
iteration lands bitwise on the parameters of one engine iteration.

Where the seed's table slips, the maths here is right: eq. 5 is db = (1/m)·(sum of dZ over the
columns), not 1/m times a mean, and eq. 9 is a matrix product, not ⊙.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activations import Activation
from .losses import Loss


@dataclass(frozen=True)
class Equation:
    number: int
    title_en: str
    title_zh: str
    formula: str


EQUATIONS: dict[int, Equation] = {
    e.number: e
    for e in (
        Equation(1, "weighted input", "加权输入", "Z[l] = W[l]·A[l−1] + b[l]"),
        Equation(2, "activation", "激活值", "A[l] = σ(Z[l])"),
        Equation(3, "output-layer error", "输出层误差", "dZ[L] = dA[L] ⊙ σ′(Z[L])"),
        Equation(4, "hidden-layer error", "隐含层误差", "dZ[l] = dA[l] ⊙ σ′(Z[l])"),
        Equation(5, "bias gradient", "参数变化率", "db[l] = 1/m Σ_columns dZ[l]"),
        Equation(6, "weight gradient", "参数变化率", "dW[l] = 1/m dZ[l]·A[l−1]ᵀ"),
        Equation(7, "bias update", "参数更新", "b[l] ← b[l] − α·db[l]"),
        Equation(8, "weight update", "参数更新", "W[l] ← W[l] − α·dW[l]"),
        Equation(9, "error passed back", "误差反向传递", "dA[l−1] = W[l]ᵀ·dZ[l]"),
    )
}


def matmul(a: np.ndarray, b: np.ndarray, single: bool = False) -> np.ndarray:
    """a·b; with ``single`` the product runs in float32 (the fast precision) and the result comes
    back as float64, so parameters and element-wise steps stay in float64 (master weights)."""
    if single:
        return np.dot(a.astype(np.float32, copy=False),
                      b.astype(np.float32, copy=False)).astype(np.float64)
    return np.dot(a, b)


def eq1_weighted_input(W: np.ndarray, A_prev: np.ndarray, b: np.ndarray,
                       single: bool = False) -> np.ndarray:
    """Z[l] = W[l]·A[l−1] + b[l]; b broadcasts along the m columns.

    Computed as (A[l−1]ᵀ·W[l]ᵀ)ᵀ: the same sums, but with the samples-as-columns layout of X
    OpenBLAS runs this operand order up to 1.6× faster for the wide first layer.
    """
    Z = matmul(A_prev.T, W.T, single).T
    Z += b
    return Z


def eq2_activation(activation: Activation, Z: np.ndarray) -> np.ndarray:
    """A[l] = σ(Z[l])."""
    return activation.f(Z)


def cost(loss: Loss, Z_L: np.ndarray, A_L: np.ndarray, Y: np.ndarray,
         weights: list[np.ndarray], l2: float) -> float:
    """C, plus λ/(2m) Σ‖W[l]‖² when L2 is on."""
    c = loss.cost(Z_L, A_L, Y)
    if l2:
        m = Y.shape[1]
        c += l2 / (2 * m) * float(sum(np.sum(W * W) for W in weights))
    return c


def output_gradient(loss: Loss, A_L: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """dA[L] = ∂C/∂A[L] (per sample)."""
    return loss.dA(A_L, Y)


def eq3_output_error(loss: Loss, activation: Activation, Z_L: np.ndarray, A_L: np.ndarray,
                     Y: np.ndarray) -> np.ndarray:
    """dZ[L] = dA[L] ⊙ σ′(Z[L]); for sigmoid + cross-entropy exactly A − Y, which stays finite
    where dA[L] is inf (a saturated output)."""
    if loss.fused_with == activation.name:
        return A_L - Y
    return loss.dA(A_L, Y) * activation.prime(Z_L, A_L)


def eq4_hidden_error(activation: Activation, dA: np.ndarray, Z: np.ndarray,
                     A: np.ndarray) -> np.ndarray:
    """dZ[l] = dA[l] ⊙ σ′(Z[l]), element-wise."""
    return dA * activation.prime(Z, A)


def eq5_bias_gradient(dZ: np.ndarray) -> np.ndarray:
    """db[l] = (1/m)·(sum of dZ[l] over the columns), shape (n[l], 1)."""
    m = dZ.shape[1]
    return (1.0 / m) * np.sum(dZ, axis=1, keepdims=True)


def eq6_weight_gradient(dZ: np.ndarray, A_prev: np.ndarray, W: np.ndarray | None = None,
                        l2: float = 0.0, single: bool = False) -> np.ndarray:
    """dW[l] = (1/m)·dZ[l]·A[l−1]ᵀ, plus (λ/m)·W[l] with L2."""
    m = dZ.shape[1]
    dW = matmul(dZ, A_prev.T, single)
    dW *= 1.0 / m
    if l2:
        dW += (l2 / m) * W
    return dW


def eq7_bias_update(b: np.ndarray, db: np.ndarray, learning_rate: float,
                    out: np.ndarray | None = None) -> np.ndarray:
    """b[l] ← b[l] − α·db[l]; out=b updates in place."""
    return np.subtract(b, learning_rate * db, out=out)


def eq8_weight_update(W: np.ndarray, dW: np.ndarray, learning_rate: float,
                      out: np.ndarray | None = None) -> np.ndarray:
    """W[l] ← W[l] − α·dW[l]; out=W updates in place."""
    return np.subtract(W, learning_rate * dW, out=out)


def eq9_error_passed_back(W: np.ndarray, dZ: np.ndarray, single: bool = False) -> np.ndarray:
    """dA[l−1] = W[l]ᵀ·dZ[l], a matrix product (the seed's table writes ⊙ here by mistake)."""
    return matmul(W.T, dZ, single)
