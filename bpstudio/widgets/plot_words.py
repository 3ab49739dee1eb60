"""The training plots in words, for a screen reader: the latest cost, where it is going, and the
latest accuracies (what the curves show a sighted user)."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication

from ..core import iterations
from ..session.messages import translated

FLAT = 1e-3  # a relative change of the cost below this over the span is "about flat"

translate = QCoreApplication.translate


def _n(v: float) -> str:
    return f"{v:.4g}".replace("-", "−")


def plots_words(history) -> str:
    """"Cost C at iteration 20: 0.6412, falling (0.6931 at iteration 10). Accuracy: train 0.72,
    test 0.68." — or that there is nothing yet."""
    costs = history.costs.view()
    one_sample = history.one_sample.view() > 0  # a stepped sample's loss L, not a cost C
    rows = np.flatnonzero(np.isfinite(costs) & ~one_sample)
    said = []
    if one_sample.size and one_sample[-1] and np.isfinite(costs[-1]):
        said.append(translated(history.said(len(costs) - 1)).rstrip("."))
    if rows.size == 0:
        said.append(translate("CostPlot", "No cost yet: train the network to draw its cost "
                              "curve."))
        return ". ".join(said)
    last = int(rows[-1])
    cost = float(costs[last])
    said.insert(0, translate("CostPlot", "Cost C of {iteration}: {c}").format(
        iteration=translated(iterations.iteration(history.iteration(last))), c=_n(cost)))
    if rows.size > 1:  # the trend over the last tenth of the run (at least one iteration)
        before = int(rows[max(0, rows.size - 1 - max(1, rows.size // 10))])
        old = float(costs[before])
        change = (cost - old) / max(abs(old), 1e-12)
        trend = (translate("CostPlot", "about flat") if abs(change) < FLAT else
                 translate("CostPlot", "falling") if change < 0 else
                 translate("CostPlot", "rising"))
        said[0] += ", " + translate("CostPlot", "{trend} ({c} at {iteration})").format(
            trend=trend, c=_n(old),
            iteration=translated(iterations.iteration(history.iteration(before))))
    evaluations = history.evaluations
    if evaluations:
        e = evaluations[-1]
        accuracies = [(translate("CostPlot", "train"), e.train_accuracy),
                      (translate("CostPlot", "test"), e.test_accuracy)]
        shown = [f"{who} {_n(a)}" for who, a in accuracies if math.isfinite(a)]
        if shown:
            said.append(translate("CostPlot", "Accuracy: {values}").format(values=", ".join(shown)))
    return ". ".join(said) + "."
