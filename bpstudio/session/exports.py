"""Numbers out: the current step's matrices and the training log as CSV files numpy reads back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np

from ..core.atomicfile import atomic_write
from ..core.stepper import Step
from .history import History


def _safe(name: str) -> str:
    """A matrix name as a file name: dW[1] → dW1, A[0]ᵀ → A0T, σ′(Z[2]) → sigma_prime_Z2."""
    name = name.replace("ᵀ", "T").replace("σ′", "sigma_prime_").replace("σ", "sigma")
    return re.sub(r"[^A-Za-z0-9_]+", "", name) or "value"


def _write_csv(path: Path, array: np.ndarray, header: str = "") -> None:
    text = io.StringIO()
    np.savetxt(text, np.atleast_2d(array), delimiter=",", fmt="%.17g", header=header, comments="")
    with atomic_write(path) as f:
        f.write(text.getvalue().encode())


def write_step_csvs(folder: str | Path, step: Step, position: int) -> list[Path]:
    """One CSV per operand and for the result, named after the step and the matrix."""
    folder = Path(folder)
    written = []
    for k, operand in enumerate([*step.operands, step.result]):
        role = "result" if k == len(step.operands) else f"operand{k + 1}"
        path = folder / f"step{position:02d}_{role}_{_safe(operand.name)}.csv"
        _write_csv(path, operand.value)
        written.append(path)
    return written


def write_training_log(path: str | Path, history: History) -> None:
    """iteration, cost, ‖dW[1]‖ … ‖dW[L]‖: one row per iteration of the record."""
    costs = history.costs.view()
    norms = history.grad_norms.view()
    L = norms.shape[1] if norms.ndim == 2 else 0
    table = np.column_stack([np.arange(len(costs)), costs, norms.reshape(len(costs), L)])
    header = ",".join(["iteration", "cost"] + [f"norm_dW{l}" for l in range(1, L + 1)])
    _write_csv(Path(path), table, header)
