"""Numbers out: the current step's matrices, the plots' numbers and the training log as CSV
files numpy reads back."""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import numpy as np

from ..core.atomicfile import atomic_write
from ..core.csvdata import spreadsheet_cell
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


def write_cost_csv(path: str | Path, history: History, cost_now: float | None = None) -> None:
    """What the plots show, one row per iteration, counted as every view counts them
    (core/iterations.py): iteration, train_cost, test_cost, train_accuracy, test_accuracy,
    stepped_sample, sample_loss. Row i is the network at iteration i, its cost computed before
    its update; ``cost_now`` is the cost of the network the record leads to (its last row, after
    the last update). An iteration on one sample stepped and applied by hand has stepped_sample 1
    and that sample's loss L in sample_loss, its train_cost (the cost C of the training set)
    empty: nobody computed it. The test numbers are there where the run evaluated (also after
    its last update), empty elsewhere; every digit is written, so the numbers read back
    exactly."""
    costs, one_sample = history.costs.view(), history.one_sample.view() > 0
    evaluated = {e.iteration: e for e in history.evaluations}
    rows = max(len(costs) + (cost_now is not None), max(evaluated, default=-1) + 1)
    lines = ["iteration,train_cost,test_cost,train_accuracy,test_accuracy,stepped_sample,"
             "sample_loss"]
    for i in range(rows):
        e = evaluated.get(i)
        recorded = i < len(costs)
        cost = (None if one_sample[i] else costs[i]) if recorded else (
            cost_now if i == len(costs) else None)
        cells = [cost, *((e.test_cost, e.train_accuracy, e.test_accuracy) if e else (None,) * 3),
                 int(one_sample[i]) if recorded else None,
                 costs[i] if recorded and one_sample[i] else None]
        lines.append(",".join([str(history.iteration(i)),
                               *("" if v is None else f"{v:.17g}" for v in cells)]))
    with atomic_write(Path(path)) as f:
        f.write(("\n".join(lines) + "\n").encode())


def write_training_log(path: str | Path, history: History) -> None:
    """iteration, cost, ‖dW[1]‖ … ‖dW[L]‖, sample_loss: one row per iteration of the record,
    counted as every view counts them; an iteration on one stepped sample has its loss L in
    sample_loss and no cost (nan: the cost C of the training set was not computed)."""
    costs = history.costs.view()
    one_sample = history.one_sample.view() > 0
    norms = history.grad_norms.view()
    L = norms.shape[1] if norms.ndim == 2 else 0
    table = np.column_stack([history.first + np.arange(len(costs)),
                             np.where(one_sample, np.nan, costs), norms.reshape(len(costs), L),
                             np.where(one_sample, costs, np.nan)])
    header = ",".join(["iteration", "cost"] + [f"norm_dW{l}" for l in range(1, L + 1)]
                      + ["sample_loss"])
    _write_csv(Path(path), table, header)


def write_runs_csv(path: str, runs: list[tuple[str, History]]) -> None:
    """The runs side by side (Runs → Runs as CSV): one row per iteration, one set of columns per
    run, named by it: its cost, and its test cost and accuracies where it was evaluated."""
    n = max(len(history) for _, history in runs)
    header, columns = ["iteration"], []
    for name, h in runs:
        cost = np.full(n, math.nan)
        cost[:len(h)] = h.costs.view()
        evaluated = {e.iteration: e for e in h.evaluations}
        header += [spreadsheet_cell(f"{name}: {what}")  # a name is never a formula
                   for what in ("cost", "test cost", "train accuracy", "test accuracy")]
        columns.append((cost, evaluated))
    text = io.StringIO(newline="")  # a full disk leaves the old file whole (atomic_write)
    out = csv.writer(text)
    out.writerow(header)
    record = runs[0][1]  # counted as every view counts (core/iterations.py)
    for i in range(n):
        row: list[object] = [record.iteration(i)]
        for cost, evaluated in columns:
            e = evaluated.get(i)
            row += [_number(cost[i]), *(("", "", "") if e is None else (
                _number(e.test_cost), _number(e.train_accuracy), _number(e.test_accuracy)))]
        out.writerow(row)
    with atomic_write(path) as f:
        f.write(text.getvalue().encode("utf-8"))


def _number(x: float) -> str:
    return "" if math.isnan(x) else repr(float(x))
