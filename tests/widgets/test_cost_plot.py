"""The plots' log scales label only what fits: no tick label runs into the next."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from bpstudio.session.history import History
from bpstudio.session.network_model import NetworkModel
from bpstudio.widgets.cost_plot import CostPlot


def drawn_labels(axis) -> list:
    """(rect, text) of every tick label the axis draws, as its paint() would."""
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    _, _, texts = axis.generateDrawSpecs(p)
    p.end()
    return [(rect, text) for rect, _, text in texts if text]


@pytest.fixture
def plot(qtbot):
    model = NetworkModel()
    n = 2500
    costs = 0.7 * np.exp(-np.arange(n) / 600) + 0.05  # the cat run's shape: 0.75 down to 0.05
    norms = np.column_stack([1e-3 * np.exp(-np.arange(n) / 900) + 1e-6,  # six decades
                             0.3 * np.exp(-np.arange(n) / 300) + 1e-3])
    model.history = History(model.network.L)
    model.append_history(costs, norms)
    p = CostPlot(model)
    qtbot.addWidget(p)
    p.resize(380, 560)  # a training dock on a projector
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.mark.parametrize("which", ["cost", "grad"])
def test_log_axes_do_not_crowd_their_labels(plot, qtbot, which):
    if which == "cost":
        qtbot.mouseClick(plot.log_box, Qt.MouseButton.LeftButton)  # "log scale (cost)"
        assert plot.log_box.isChecked()
    plot.frames.flush()
    axis = (plot.cost_plot if which == "cost" else plot.grad_plot).getAxis("left")
    # still read: at least three values, once the plots are laid out in the widget
    qtbot.waitUntil(lambda: len(drawn_labels(axis)) >= 3)
    labels = drawn_labels(axis)
    rects = sorted((r for r, _ in labels), key=lambda r: r.top())
    for a, b in zip(rects, rects[1:]):
        assert a.bottom() <= b.top(), [t for _, t in labels]


def test_the_cost_axis_shows_the_ticks_it_does_not_label(plot, qtbot):
    """Minor ticks stay as marks: a log scale still looks like one."""
    qtbot.mouseClick(plot.log_box, Qt.MouseButton.LeftButton)
    plot.frames.flush()
    axis = plot.cost_plot.getAxis("left")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    p = QPainter(image)
    _, ticks, _ = axis.generateDrawSpecs(p)
    p.end()
    assert len(ticks) > len(drawn_labels(axis))
