"""The training plots in words (what a screen reader says of them): a cost C is a cost, and a
stepped sample's loss L, applied by hand, is said as that sample's loss, never as the cost."""

from __future__ import annotations

import numpy as np

from bpstudio.session.history import History
from bpstudio.widgets.plot_words import plots_words


def test_a_stepped_samples_loss_is_not_called_the_cost(qapp):
    h = History(2)
    h.append(np.array([0.9797]), np.zeros((1, 2)), one_sample=True)
    said = plots_words(h)
    assert "Cost C" not in said and "0.979700" in said and "loss L" in said, said
    assert said.startswith("iteration 0: one stepped sample, its loss L"), said


def test_the_cost_and_its_trend_leave_out_stepped_samples(qapp):
    h = History(2)
    h.append(np.array([0.70, 0.60, 0.50]), np.zeros((3, 2)))
    h.append(np.array([2.5]), np.zeros((1, 2)), one_sample=True)  # a sample's loss, above all
    said = plots_words(h)
    assert said.startswith("Cost C of iteration 2: 0.5, falling (0.6 at iteration 1)"), said
    assert "iteration 3: one stepped sample, its loss L 2.500000" in said, said
